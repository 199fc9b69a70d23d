//! Scan mode: quotes found in page text, every byte accounted for.

use std::collections::VecDeque;
use std::ops::Range;

use crate::Quote;
use crate::grammar::{Grammar, can_start_quote, separator_len, starts_symbol};
use crate::number::StyleDecision;
use crate::window::{Attempt, LOOKBEHIND, REACH, Window};

/// How far, in candidates, a weak candidate may stand from the strong one
/// that vouches for it.
const VOUCH_DISTANCE: usize = 32;

/// The longest skipped segment: longer skipped text comes in pieces.
pub(crate) const MAX_SKIPPED: usize = 64 * 1024;

/// A run must hold this many candidates for its weak ones to be kept.
const MIN_RUN: usize = 3;

/// A piece of scanned text: a quote, or text that is not one.
///
/// The segments of a scan cover the input in order, without gaps or
/// overlaps: joining their text gives the input back.
///
/// ```
/// use tickerstrip::Segment;
///
/// let segments: Vec<_> = tickerstrip::scan("Top: KEL6.34▼ -0.06 (-0.01%)").collect();
/// assert!(matches!(&segments[0], Segment::Skipped(s) if s.text == "Top: "));
/// assert!(matches!(&segments[1], Segment::Quote(q) if q.symbol == "KEL"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    /// A quote.
    Quote(Quote<'a>),
    /// Text that holds no quote.
    Skipped(Skipped<'a>),
}

impl<'a> Segment<'a> {
    /// The byte range of the segment in the input.
    ///
    /// ```
    /// let page = "Top: KEL6.34▼ -0.06 (-0.01%)";
    /// let spans: Vec<_> = tickerstrip::scan(page).map(|s| s.span()).collect();
    /// assert_eq!(spans, [0..5, 5..page.len()]);
    /// ```
    pub fn span(&self) -> Range<usize> {
        match self {
            Segment::Quote(quote) => quote.span.clone(),
            Segment::Skipped(skipped) => skipped.span.clone(),
        }
    }

    /// The quote, if the segment is one.
    ///
    /// ```
    /// let symbols: Vec<_> = tickerstrip::scan("Top: KEL6.34▼ -0.06 (-0.01%)")
    ///     .filter_map(|s| s.as_quote().map(|q| q.symbol))
    ///     .collect();
    /// assert_eq!(symbols, ["KEL"]);
    /// ```
    pub fn as_quote(&self) -> Option<&Quote<'a>> {
        match self {
            Segment::Quote(quote) => Some(quote),
            Segment::Skipped(_) => None,
        }
    }
}

/// Text that a scan found no quote in.
///
/// ```
/// use tickerstrip::{Segment, SkipKind};
///
/// let Some(Segment::Skipped(skipped)) = tickerstrip::scan("Top: KEL6.34▼ -0.06").next() else {
///     panic!("the page starts with text");
/// };
/// assert_eq!((skipped.text, skipped.span, skipped.kind), ("Top: ", 0..5, SkipKind::Text));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Skipped<'a> {
    /// The text.
    pub text: &'a str,
    /// Its byte range in the input.
    pub span: Range<usize>,
    /// Why it was skipped.
    pub kind: SkipKind,
}

/// Why a scan skipped text.
///
/// ```
/// use tickerstrip::{Segment, SkipKind};
///
/// let last = tickerstrip::scan("Prices: AGL40.13▲ 0.12 (0.0").last();
/// assert!(matches!(last, Some(Segment::Skipped(s)) if s.kind == SkipKind::Truncated));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SkipKind {
    /// Text that is not a quote: prose, menus, dates.
    Text,
    /// The start of a quote that the end of the input cut off
    /// (`AGL40.13▲ 0.12 (0.0`): never completed by guesswork.
    Truncated,
}

/// The segments of page text, in order (SPEC section 3, scan mode).
///
/// A candidate is *strong* when it shows a percent, a direction marker or an
/// explicit sign on its change, and *weak* otherwise (`AGHA 11.870000 0.12`).
/// Strong candidates are quotes. A weak candidate is a quote only inside a
/// run of at least three candidates separated by nothing but separators (at
/// most 64 KiB of them), with a strong candidate of that run at most 32
/// candidates away; so the scan looks at most 32 candidates ahead and its
/// memory stays bounded.
///
/// Skipped text longer than 64 KiB comes in consecutive pieces of at most
/// 64 KiB, so that a stream ([`crate::SegmentReader`]) yields the same
/// segments while holding only a bounded part of its input.
///
/// Created by [`crate::scan`] and [`crate::ParseOptions::scan`].
///
/// ```
/// use tickerstrip::{Segment, SkipKind};
///
/// let page = "Prices\nAGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.0";
/// let segments: Vec<Segment> = tickerstrip::scan(page).collect();
/// assert_eq!(segments.len(), 3);
/// assert!(matches!(&segments[0], Segment::Skipped(s) if s.text == "Prices\n"));
/// assert!(matches!(&segments[1], Segment::Quote(q) if q.symbol == "AGL"));
/// assert!(matches!(&segments[2], Segment::Skipped(s) if s.kind == SkipKind::Truncated));
/// let joined: String = segments.iter().map(|s| &page[s.span()]).collect();
/// assert_eq!(joined, page);
/// ```
#[derive(Debug, Clone)]
pub struct Segments<'a> {
    text: &'a str,
    scanner: Scanner,
    style: StyleDecision,
    /// Skipped text still to yield, in pieces.
    pending: Pieces,
    /// A quote to yield after the pending skipped text.
    held: Option<Quote<'a>>,
}

impl<'a> Segments<'a> {
    pub(crate) fn new(text: &'a str, grammar: Grammar, style: StyleDecision) -> Segments<'a> {
        Segments {
            text,
            scanner: Scanner::new(grammar),
            style,
            pending: Pieces::default(),
            held: None,
        }
    }

    /// The number style this scan reads numbers in, and why it was chosen.
    ///
    /// ```
    /// use tickerstrip::{NumberStyle, ParseOptions};
    ///
    /// let segments = ParseOptions::new().number_style(NumberStyle::Dot).scan("KEL6.34▼ -0.06");
    /// assert_eq!(segments.number_style().to_string(), "dot decimals (chosen)");
    /// ```
    pub fn number_style(&self) -> StyleDecision {
        self.style
    }
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let window = Window::whole(self.text);
        loop {
            if let Some(skipped) = self.pending.next(window) {
                return Some(Segment::Skipped(skipped));
            }
            if let Some(quote) = self.held.take() {
                return Some(Segment::Quote(quote));
            }
            match self.scanner.step(window) {
                Step::Quote { before, quote } => match before {
                    Some(range) => {
                        self.pending = Pieces::new(range, SkipKind::Text);
                        self.held = Some(quote);
                    }
                    None => return Some(Segment::Quote(quote)),
                },
                Step::Skipped(range, kind) => self.pending = Pieces::new(range, kind),
                Step::NeedMore | Step::Done => return None,
            }
        }
    }
}

impl std::iter::FusedIterator for Segments<'_> {}

/// Skipped text to yield in pieces of at most [`MAX_SKIPPED`] bytes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pieces {
    range: Range<usize>,
    kind: Option<SkipKind>,
}

impl Pieces {
    pub(crate) fn new(range: Range<usize>, kind: SkipKind) -> Pieces {
        Pieces {
            range,
            kind: Some(kind),
        }
    }

    /// The next piece, if any is left.
    pub(crate) fn next<'t>(&mut self, window: Window<'t>) -> Option<Skipped<'t>> {
        let kind = self.kind?;
        if self.range.is_empty() {
            self.kind = None;
            return None;
        }
        let start = self.range.start;
        let mut end = self.range.end.min(start + MAX_SKIPPED);
        if end < self.range.end {
            end = window.boundary(end);
        }
        self.range.start = end;
        Some(Skipped {
            text: window.slice(start, end),
            span: start..end,
            kind,
        })
    }
}

/// What the scanner found next.
#[derive(Debug)]
pub(crate) enum Step<'t> {
    /// A quote to keep, and the skipped text before it, if any.
    Quote {
        before: Option<Range<usize>>,
        quote: Quote<'t>,
    },
    /// Skipped text.
    Skipped(Range<usize>, SkipKind),
    /// The window must reach further into the input first.
    NeedMore,
    /// The input is accounted for.
    Done,
}

/// Where the candidate search stopped.
enum Search<'t> {
    Candidate(Candidate, Quote<'t>),
    /// Text far enough behind the search to yield as skipped.
    Skip(Range<usize>),
    /// Only for a search for the next joined candidate: the run has ended.
    RunEnded,
    NeedMore,
    Exhausted,
}

/// Scan mode's state, apart from the text: every position is an offset in
/// the whole input, so a stream can feed it window after window.
#[derive(Debug, Clone)]
pub(crate) struct Scanner {
    grammar: Grammar,
    /// Where the search for the next candidate resumes.
    search: usize,
    /// The end of the last candidate found.
    last_candidate_end: Option<usize>,
    /// Where the earliest quote cut off by the end of the input starts,
    /// unless a candidate was found after it.
    truncated: Option<usize>,
    /// Candidates found ahead of a weak one being decided.
    ahead: VecDeque<Candidate>,
    /// The run of the candidates decided so far.
    run: Run,
    /// The end of the last segment yielded.
    emitted: usize,
}

/// A quote the grammar found, before scan mode decides whether to keep it.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    strong: bool,
    /// Whether only separators stand between it and the candidate before.
    joined: bool,
}

/// The run the last decided candidate belongs to.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    /// Candidates in the run so far.
    len: usize,
    /// Candidates decided since the run's last strong one.
    since_strong: Option<usize>,
}

impl Scanner {
    pub(crate) fn new(grammar: Grammar) -> Scanner {
        Scanner {
            grammar,
            search: 0,
            last_candidate_end: None,
            truncated: None,
            ahead: VecDeque::new(),
            run: Run::default(),
            emitted: 0,
        }
    }

    /// Sets the number style, once a stream has decided it.
    pub(crate) fn set_style(&mut self, style: crate::NumberStyle) {
        self.grammar.style = style;
    }

    /// The earliest offset the scanner may still look at: a stream may
    /// drop the input before it.
    pub(crate) fn retain_from(&self) -> usize {
        self.emitted.min(self.search.saturating_sub(LOOKBEHIND))
    }

    /// The next segment, or what the scanner needs to find it.
    pub(crate) fn step<'t>(&mut self, window: Window<'t>) -> Step<'t> {
        loop {
            if self.ahead.is_empty() {
                match self.find(window, false) {
                    Search::Candidate(candidate, quote) if candidate.strong => {
                        self.record(candidate);
                        return self.emit(quote);
                    }
                    Search::Candidate(candidate, _) => self.ahead.push_back(candidate),
                    Search::Skip(range) => return Step::Skipped(range, SkipKind::Text),
                    Search::NeedMore => return Step::NeedMore,
                    Search::Exhausted | Search::RunEnded => return self.finish(window),
                }
            }
            let Some(keep) = self.decide_head(window) else {
                return Step::NeedMore;
            };
            let Some(head) = self.ahead.pop_front() else {
                continue;
            };
            self.record(head);
            if keep {
                if let Attempt::Quote(quote) = window.attempt(&self.grammar, head.start) {
                    return self.emit(quote);
                }
            }
        }
    }

    fn emit<'t>(&mut self, quote: Quote<'t>) -> Step<'t> {
        let before = (self.emitted < quote.span.start).then_some(self.emitted..quote.span.start);
        self.emitted = quote.span.end;
        Step::Quote { before, quote }
    }

    /// Counts a decided candidate into its run.
    fn record(&mut self, candidate: Candidate) {
        if !candidate.joined {
            self.run = Run::default();
        }
        self.run.len += 1;
        self.run.since_strong = match candidate.strong {
            true => Some(0),
            false => self.run.since_strong.map(|n| n + 1),
        };
    }

    /// Finds the next candidate. With `joined_only`, stops as soon as the
    /// text after the last candidate shows that the next one, wherever it
    /// is, will not be joined to it.
    fn find<'t>(&mut self, window: Window<'t>, joined_only: bool) -> Search<'t> {
        loop {
            let start = self.search;
            if !window.holds(start + 1) || start >= window.end() {
                return match window.eof {
                    true => Search::Exhausted,
                    false => Search::NeedMore,
                };
            }
            if !joined_only && self.ahead.is_empty() {
                if let Some(range) = self.skippable(window) {
                    return Search::Skip(range);
                }
            }
            let bytes = window.bytes_from(start);
            let separator = separator_len(bytes);
            if joined_only {
                let far = self
                    .last_candidate_end
                    .is_none_or(|end| start - end > REACH);
                if far {
                    return Search::RunEnded;
                }
            }
            if separator == 0 && can_start_quote(window.before(start, 1), bytes) {
                match window.attempt(&self.grammar, start) {
                    Attempt::NeedMore => return Search::NeedMore,
                    Attempt::Quote(quote) if self.acceptable(window, &quote) => {
                        return Search::Candidate(self.candidate(window, &quote), quote);
                    }
                    Attempt::Quote(_) => {}
                    Attempt::Failed { truncated, .. } => {
                        if truncated && self.truncated.is_none() {
                            self.truncated = Some(start);
                        }
                    }
                }
            }
            if joined_only && separator == 0 {
                return Search::RunEnded;
            }
            self.search += separator.max(1);
        }
    }

    /// Skipped text far enough behind the search to yield now: a piece of
    /// [`MAX_SKIPPED`] bytes once the search is that far past the last segment.
    fn skippable(&mut self, window: Window<'_>) -> Option<Range<usize>> {
        let limit = self.truncated.unwrap_or(usize::MAX).min(self.search);
        if limit < self.emitted + MAX_SKIPPED {
            return None;
        }
        let end = window.boundary(self.emitted + MAX_SKIPPED);
        let range = self.emitted..end;
        self.emitted = end;
        Some(range)
    }

    /// Records a candidate the search found and moves the search past it.
    fn candidate(&mut self, window: Window<'_>, quote: &Quote<'_>) -> Candidate {
        let start = quote.span.start;
        let joined = self.last_candidate_end.is_some_and(|end| {
            start - end <= REACH && only_separators(&window.bytes_from(end)[..start - end])
        });
        self.search = quote.span.end;
        self.last_candidate_end = Some(quote.span.end);
        self.truncated = None;
        Candidate {
            start,
            strong: is_strong(quote),
            joined,
        }
    }

    /// Scan mode's checks on a quote the grammar read: a weak one must be
    /// followed by a separator, the end of the input or the next symbol; an
    /// all-digit symbol must not be the number of a multi-word name
    /// (`CAC 40`).
    fn acceptable(&self, window: Window<'_>, quote: &Quote<'_>) -> bool {
        let after = window.bytes_from(quote.span.end);
        let well_ended = after.is_empty() || separator_len(after) > 0 || starts_symbol(after);
        if !is_strong(quote) && !well_ended {
            return false;
        }
        let all_digits = quote.symbol.bytes().all(|b| b.is_ascii_digit());
        !(all_digits && follows_a_word(window.before(quote.span.start, LOOKBEHIND)))
    }

    /// Whether the weak candidate at the head of `ahead` is kept: it needs
    /// a run of at least three with a strong candidate at most
    /// [`VOUCH_DISTANCE`] away. `None` when the window must reach further.
    fn decide_head(&mut self, window: Window<'_>) -> Option<bool> {
        let head = *self.ahead.front()?;
        if head.strong {
            return Some(true);
        }
        let behind = if head.joined {
            self.run
        } else {
            Run::default()
        };
        let strong_behind = behind.since_strong.is_some_and(|n| n < VOUCH_DISTANCE);
        let mut strong_ahead = false;
        let mut run_len = behind.len + 1;
        for distance in 1..=VOUCH_DISTANCE {
            if (strong_behind || strong_ahead) && run_len >= MIN_RUN {
                return Some(true);
            }
            if self.ahead.len() <= distance {
                match self.find(window, true) {
                    Search::Candidate(candidate, _) => self.ahead.push_back(candidate),
                    Search::NeedMore => return None,
                    _ => break,
                }
            }
            let next = self.ahead[distance];
            if !next.joined {
                break;
            }
            run_len += 1;
            strong_ahead |= next.strong;
        }
        Some((strong_behind || strong_ahead) && run_len >= MIN_RUN)
    }

    /// The skipped text after the last quote, split where a cut-off quote starts.
    fn finish<'t>(&mut self, window: Window<'t>) -> Step<'t> {
        let end = window.end();
        if self.emitted >= end {
            return Step::Done;
        }
        let (stop, kind) = match self.truncated {
            Some(cut) if cut > self.emitted => (cut, SkipKind::Text),
            Some(_) => (end, SkipKind::Truncated),
            None => (end, SkipKind::Text),
        };
        let range = self.emitted..stop;
        self.emitted = stop;
        Step::Skipped(range, kind)
    }
}

/// A strong candidate shows a percent, a direction marker or an explicitly
/// signed change.
fn is_strong(quote: &Quote<'_>) -> bool {
    quote.percent.is_some()
        || quote.markers.direction().is_some()
        || quote.change_sign == crate::SignSource::Shown
}

/// Whether `text` is separators only.
fn only_separators(mut text: &[u8]) -> bool {
    while !text.is_empty() {
        match separator_len(text) {
            0 => return false,
            n => text = &text[n..],
        }
    }
    true
}

/// Whether `before` ends with a letter and horizontal space: the word of a
/// multi-word name whose number follows.
fn follows_a_word(before: &[u8]) -> bool {
    let mut end = before.len();
    loop {
        match before[..end] {
            [.., b' ' | b'\t'] => end -= 1,
            [.., 0xC2, 0xA0] => end -= 2,
            [.., 0xE2, 0x80, 0x87 | 0x89 | 0xAF] => end -= 3,
            _ => break,
        }
    }
    end < before.len() && before[..end].last().is_some_and(u8::is_ascii_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        crate::scan(text)
            .map(|segment| match segment {
                Segment::Quote(q) => q.symbol.to_string(),
                Segment::Skipped(s) if s.kind == SkipKind::Truncated => format!("cut:{}", s.text),
                Segment::Skipped(s) => format!("text:{}", s.text),
            })
            .collect()
    }

    #[test]
    fn prose_numbers_yield_no_quote() {
        let prose = "On March 28, 2024, Russia vetoed it. In 2023 45 people and the index gained \
                     120.25 (+0.55%) while 6,700 containers moved on 19.06.2024 at 10:30.";
        assert_eq!(kinds(prose), [format!("text:{prose}")]);
    }

    #[test]
    fn weak_candidates_need_a_run_with_a_strong_one() {
        assert_eq!(kinds("AGHA 11.870000 0.12"), ["text:AGHA 11.870000 0.12"]);
        assert_eq!(
            kinds("AGHA 11.870000 0.12 | ABOT 812 -4.10 | X 1 2"),
            ["AGHA", "text: | ", "ABOT", "text: | ", "X"]
        );
        // Two candidates are not a run of three.
        assert_eq!(
            kinds("AGHA 11.87 0.12 | ABOT 812 -4.10"),
            ["text:AGHA 11.87 0.12 | ", "ABOT"]
        );
    }

    #[test]
    fn weak_candidates_beyond_the_window_are_dropped() {
        let mut strip = String::from("S 1 +1 ");
        for _ in 0..40 {
            strip.push_str("W 1 1 ");
        }
        let kept = kinds(&strip)
            .iter()
            .filter(|k| !k.starts_with("text:"))
            .count();
        assert_eq!(kept, 1 + VOUCH_DISTANCE);
    }

    #[test]
    fn multi_word_name_number_is_not_a_symbol() {
        assert_eq!(
            kinds("CAC 40 7,402.18 -31.77 (-0.43%)"),
            ["text:CAC 40 7,402.18 -31.77 (-0.43%)"]
        );
        assert!(follows_a_word(b"CAC "));
        assert!(follows_a_word("CAC\u{a0}\u{202f}".as_bytes()));
        assert!(!follows_a_word(b"CAC"));
        assert!(!follows_a_word(b"(1%) "));
        assert!(!follows_a_word(b"CAC\n"));
    }

    #[test]
    fn truncated_tail_is_its_own_segment() {
        assert_eq!(
            kinds("KEL6.34▼ -0.06 (-0.01%)AGL40.13▲ 0.12 (0.0"),
            ["KEL", "cut:AGL40.13▲ 0.12 (0.0"]
        );
        assert_eq!(kinds("Get Alerts"), ["text:Get Alerts"]);
    }
}
