//! Scan mode: quotes found in page text, every byte accounted for.

use std::collections::VecDeque;
use std::ops::Range;

use crate::grammar::{Grammar, quote_may_start, sign, starts_symbol};
use crate::lexical::{
    MAX_CHAR, date_or_time_len, hspace_len, invalid_utf8_len, invisible_len, is_line_end, is_year,
    last_line_end, separator_len, skip_run, strip_word_joiner, trailing_hspace_len,
};
use crate::number::{NumberStyle, StyleDecision, number};
use rust_decimal::Decimal;

use crate::quote::{Label, Quote};
use crate::table::Tables;
use crate::window::{Attempt, Detached, LOOKBEHIND, REACH, Window};

/// How far, in candidates, a weak candidate may stand from the strong one
/// that vouches for it.
const VOUCH_DISTANCE: usize = 32;

/// The longest skipped segment: longer skipped text comes in pieces.
pub(crate) const MAX_SKIPPED: usize = if cfg!(fuzzing) { 128 } else { 64 * 1024 };

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
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Segment<'a> {
    /// A quote.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Quote(Quote<'a>),
    /// Text that holds no quote.
    #[cfg_attr(feature = "serde", serde(borrow))]
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
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Skipped<'a> {
    /// The text.
    pub text: &'a str,
    /// Its byte range in the input.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_glue::span"))]
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
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum SkipKind {
    /// Text that is not a quote: prose, menus, dates.
    Text,
    /// The start of a quote that the end of the input cut off
    /// (`AGL40.13▲ 0.12 (0.0`): never completed by guesswork.
    Truncated,
    /// Bytes that are not UTF-8, in input read as bytes
    /// ([`crate::ParseOptions::scan_reader`]). The scan goes on after them
    /// as after a separator; the owned segment's text shows each bad
    /// sequence as U+FFFD, as [`String::from_utf8_lossy`] does, and its
    /// span gives the bytes.
    ///
    /// ```
    /// use tickerstrip::{OwnedSegment, ParseOptions, SkipKind};
    ///
    /// let page = b"KQ4.12+6.74%\xe9EQTY41.30+2.15%";
    /// let segments = ParseOptions::new().scan_reader(&page[..]).collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(segments.len(), 3);
    /// let OwnedSegment::Skipped(bad) = &segments[1] else { panic!("a bad byte") };
    /// assert_eq!((bad.span.clone(), bad.kind, bad.text.as_str()), (12..13, SkipKind::InvalidUtf8, "\u{fffd}"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    InvalidUtf8,
}

/// The segments of page text, in order ([scan mode](crate::formats#strict-mode-and-scan-mode)).
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
        let window = Window::whole(self.text.as_bytes());
        loop {
            if let Some(piece) = self.pending.next(window) {
                return Some(Segment::Skipped(Skipped {
                    // A `&str` holds UTF-8 only, so every piece of it is text.
                    text: std::str::from_utf8(piece.bytes).unwrap_or_default(),
                    span: piece.span,
                    kind: piece.kind,
                }));
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

/// A piece of skipped text, as bytes of the window.
#[derive(Debug, Clone)]
pub(crate) struct Piece<'t> {
    pub(crate) bytes: &'t [u8],
    pub(crate) span: Range<usize>,
    pub(crate) kind: SkipKind,
}

/// Skipped text to yield in pieces: at most [`MAX_SKIPPED`] bytes each,
/// with bytes that are not UTF-8 apart, as [`SkipKind::InvalidUtf8`].
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
    pub(crate) fn next<'t>(&mut self, window: Window<'t>) -> Option<Piece<'t>> {
        let kind = self.kind?;
        if self.range.is_empty() {
            self.kind = None;
            return None;
        }
        let start = self.range.start;
        let (end, kind) = first_piece(window, self.range.clone(), kind);
        self.range.start = end;
        Some(Piece {
            bytes: window.slice(start, end),
            span: start..end,
            kind,
        })
    }
}

/// Where the first piece of the skipped text `range` ends, and its kind:
/// `kind` for UTF-8 text, [`SkipKind::InvalidUtf8`] for a run of bytes
/// that are not. A piece ends after [`MAX_SKIPPED`] bytes (moved back to
/// the start of a character it would cut) or where the kind changes, so
/// a piece that ends before `range` does is the same whatever follows it.
///
/// `range` ends where a quote starts (an ASCII byte) or at the end of the
/// input, so a UTF-8 sequence cut off at its end is not UTF-8.
fn first_piece(window: Window<'_>, range: Range<usize>, kind: SkipKind) -> (usize, SkipKind) {
    let limit = range.end.min(range.start + MAX_SKIPPED);
    let bytes = window.slice(range.start, limit);
    let valid = match std::str::from_utf8(bytes) {
        Ok(_) => return (limit, kind),
        Err(e) => e.valid_up_to(),
    };
    if valid > 0 {
        return (range.start + valid, kind);
    }
    // Bytes that are not UTF-8, up to the next that are.
    let mut len = 0;
    while len < bytes.len() {
        match std::str::from_utf8(&bytes[len..]) {
            Err(e) if e.valid_up_to() == 0 => match e.error_len() {
                Some(bad) => len += bad,
                // A sequence cut off by the piece's length limit may be
                // whole in the input; cut off by the range's end it is not.
                None if limit < range.end => break,
                None => len = bytes.len(),
            },
            _ => break,
        }
    }
    // `len` > 0: a cut-off sequence at the start of `bytes` reaches its
    // end, which the length limit cannot be (a sequence is at most 3 bytes
    // short of whole), so the range's end cut it. The `max` only keeps
    // every piece non-empty beyond doubt.
    (range.start + len.max(1), SkipKind::InvalidUtf8)
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
    /// Only for a search for the next joined candidate: the run has ended.
    RunEnded,
    NeedMore,
    Exhausted,
}

/// Scan mode's state, apart from the text: every position is an offset in
/// the whole input, so a stream can feed it window after window.
///
/// Everything it remembers is bounded: the candidates ahead of a weak one
/// being decided (at most [`VOUCH_DISTANCE`] + 1, each within [`REACH`] of
/// the one before), and offsets. Skipped text is yielded as soon as no
/// quote can start in it, so a stream holds at most the text from the
/// earliest undecided candidate on.
#[derive(Debug, Clone)]
pub(crate) struct Scanner {
    grammar: Grammar,
    /// Where the search for the next candidate resumes.
    search: usize,
    /// The last candidate found.
    last: Option<Found>,
    /// Whether only separators stand between the last candidate and the
    /// search.
    separated: bool,
    /// Where the earliest quote cut off by the end of the input starts,
    /// unless a candidate was found after it.
    truncated: Option<usize>,
    /// Candidates found ahead of a weak one being decided.
    ahead: VecDeque<Candidate>,
    /// Offsets inside a weak candidate that was dropped, still to try: a
    /// quote may start there.
    inside: Option<Range<usize>>,
    /// The run of the candidates decided so far.
    run: Run,
    /// The end of the last segment yielded.
    emitted: usize,
    /// The tables passed so far, whose rows hold no strip quote.
    tables: Tables,
    /// The quote that rule R's look past the last candidate read, and the
    /// offset it starts at: the search takes it there instead of reading
    /// it again.
    read_ahead: Option<(usize, Detached)>,
}

/// A quote the grammar found, before scan mode decides whether to keep it.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    strong: bool,
    /// Whether only separators stand between it and the candidate before.
    joined: bool,
}

/// What the search remembers of the last candidate it found.
#[derive(Debug, Clone, Copy)]
struct Found {
    end: usize,
    strong: bool,
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
            search: 0,
            last: None,
            separated: false,
            truncated: None,
            ahead: VecDeque::new(),
            inside: None,
            run: Run::default(),
            emitted: 0,
            tables: Tables::new(grammar.tables),
            read_ahead: None,
            grammar,
        }
    }

    /// Sets the number style, once a stream has decided it.
    pub(crate) fn set_style(&mut self, style: crate::number::NumberStyle) {
        self.grammar.style = style;
    }

    /// The earliest offset the scanner may still look at: a stream may
    /// drop the input before it.
    pub(crate) fn retain_from(&self) -> usize {
        self.emitted.min(self.settled().saturating_sub(LOOKBEHIND))
    }

    /// The offset before which no quote can start any more: the earliest
    /// of the search, the candidates still undecided, the offsets inside a
    /// dropped one still to try, and a quote cut off by the end.
    fn settled(&self) -> usize {
        [
            Some(self.search),
            self.truncated,
            self.ahead.front().map(|head| head.start),
            self.inside.as_ref().map(|inside| inside.start),
            Some(self.tables.next_line()),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(self.search)
    }

    /// The next segment, or what the scanner needs to find it.
    pub(crate) fn step<'t>(&mut self, window: Window<'t>) -> Step<'t> {
        loop {
            if let Some(range) = self.skippable(window) {
                return Step::Skipped(range, SkipKind::Text);
            }
            if !self.search_inside(window) {
                return Step::NeedMore;
            }
            if self.ahead.is_empty() {
                match self.find(window, false) {
                    Search::Candidate(candidate, quote) if candidate.strong => {
                        self.record(candidate);
                        return self.emit(quote);
                    }
                    Search::Candidate(candidate, _) => self.ahead.push_back(candidate),
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
            if !keep {
                self.inside = Some(head.start + 1..head.end);
                continue;
            }
            if let Attempt::Quote(quote) = window.attempt(&self.grammar, head.start) {
                return self.emit(quote);
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

    /// Whether a quote may start at offset `start`: at a token boundary
    /// (rule B), or glued to the end of a strong candidate, which is
    /// always kept.
    fn may_start(&self, window: Window<'_>, start: usize) -> bool {
        let glued = self
            .last
            .is_some_and(|last| last.strong && last.end == start);
        let before = if glued {
            &[]
        } else {
            window.before(start, LOOKBEHIND)
        };
        quote_may_start(before, window.bytes_from(start))
    }

    /// Finds the next candidate. With `joined_only`, stops as soon as the
    /// text after the last candidate shows that the next one, wherever it
    /// is, will not be joined to it.
    fn find<'t>(&mut self, window: Window<'t>, joined_only: bool) -> Search<'t> {
        loop {
            let start = self.search;
            if start >= window.end() || !window.holds(start + MAX_CHAR) {
                return match window.eof && start >= window.end() {
                    true => Search::Exhausted,
                    false => Search::NeedMore,
                };
            }
            if !self.tables.look(start, |at| window.line_at(at)) {
                return Search::NeedMore;
            }
            let in_table = self.tables.governs(start);
            if let Some(row) = in_table.then(|| self.tables.row_at(start)).flatten() {
                if let Ok(quote) = row.quote(window.bytes, window.base, self.grammar.style) {
                    return Search::Candidate(self.candidate(&quote), quote);
                }
            }
            let separator = match in_table {
                true => 0,
                false => scan_separator_len(window.bytes_from(start)),
            };
            if joined_only {
                let far = self.last.is_none_or(|last| start - last.end > REACH);
                if far {
                    return Search::RunEnded;
                }
            }
            if separator == 0 && !in_table && self.may_start(window, start) {
                let attempt = match self.read_ahead.take() {
                    Some((at, quote)) if at == start => Attempt::Quote(quote.attach(window)),
                    _ => window.attempt(&self.grammar, start),
                };
                match attempt {
                    Attempt::NeedMore => return Search::NeedMore,
                    Attempt::Quote(quote)
                        if !self.tables.look(quote.span.end, |at| window.line_at(at)) =>
                    {
                        return Search::NeedMore;
                    }
                    Attempt::Quote(quote) => match self.acceptable(window, &quote) {
                        None => return Search::NeedMore,
                        Some(true) => return Search::Candidate(self.candidate(&quote), quote),
                        Some(false) => {}
                    },
                    Attempt::Failed => {
                        if self.truncated.is_none() && window.truncated(&self.grammar, start) {
                            self.truncated = Some(start);
                        }
                    }
                }
            }
            if joined_only && separator == 0 {
                return Search::RunEnded;
            }
            self.separated &= separator > 0;
            self.search += separator.max(1);
        }
    }

    /// Tries the offsets inside a dropped weak candidate for a strong one,
    /// which scan mode always keeps. One found there makes the search start
    /// again from it, since the candidates found after the dropped one may
    /// overlap it. (A weak candidate inside a dropped weak one is not
    /// sought: it would need the same run to vouch for it, and looking for
    /// it would find the candidates after it again at every offset of a
    /// run of numbers.) `false` when the window must reach further first.
    fn search_inside(&mut self, window: Window<'_>) -> bool {
        let Some(inside) = self.inside.clone() else {
            return true;
        };
        for pos in inside.clone() {
            let before = window.before(pos, LOOKBEHIND);
            if self.tables.governs(pos) || !quote_may_start(before, window.bytes_from(pos)) {
                continue;
            }
            match window.attempt(&self.grammar, pos) {
                Attempt::NeedMore => {
                    self.inside = Some(pos..inside.end);
                    return false;
                }
                Attempt::Quote(quote) if is_strong(&quote) => {
                    match self.acceptable(window, &quote) {
                        None => {
                            self.inside = Some(pos..inside.end);
                            return false;
                        }
                        Some(true) => {
                            self.ahead.clear();
                            self.search = pos;
                            self.last = None;
                            break;
                        }
                        Some(false) => {}
                    }
                }
                Attempt::Quote(_) | Attempt::Failed => {}
            }
        }
        self.inside = None;
        true
    }

    /// Skipped text that no quote can start in any more, to yield now:
    /// a piece once the settled text reaches [`MAX_SKIPPED`] bytes past the
    /// last segment, so a stream need not hold it.
    fn skippable(&mut self, window: Window<'_>) -> Option<Range<usize>> {
        let settled = self.settled();
        if settled < self.emitted + MAX_SKIPPED {
            return None;
        }
        let (end, _) = first_piece(window, self.emitted..settled, SkipKind::Text);
        let range = self.emitted..end;
        self.emitted = end;
        Some(range)
    }

    /// Records a candidate the search found and moves the search past it.
    fn candidate(&mut self, quote: &Quote<'_>) -> Candidate {
        let Range { start, end } = quote.span;
        let joined = self.separated && self.last.is_some_and(|last| start - last.end <= REACH);
        let strong = is_strong(quote);
        self.search = end;
        self.last = Some(Found { end, strong });
        self.separated = true;
        self.truncated = None;
        Candidate {
            start,
            end,
            strong,
            joined,
        }
    }

    /// Scan mode's checks on a quote the grammar read: a weak one must be
    /// followed by a separator, the end of the input or the next symbol; an
    /// all-digit symbol must not be the number of a multi-word name
    /// (`CAC 40`); a symbol right after a word and one space is the end of
    /// a name, which rule W reads, not a ticker (`Kestrel Energ 41.20`); a
    /// four-digit symbol that reads as a year is no symbol (rule P); and
    /// the quote's line holds no number that no quote explains (rule R).
    /// `None` when the window must reach further to tell.
    fn acceptable(&mut self, window: Window<'_>, quote: &Quote<'_>) -> Option<bool> {
        if self.tables.overlaps(&quote.span) {
            return Some(false);
        }
        // Only a weak candidate must end well: a strong one may be glued to
        // anything that follows.
        let well_ended = || {
            let after = window.bytes_from(quote.span.end);
            after.is_empty() || scan_separator_len(after) > 0 || starts_symbol(after)
        };
        if !is_strong(quote) && !well_ended() {
            return Some(false);
        }
        let before = window.before(quote.span.start, LOOKBEHIND);
        let all_digits = quote.symbol.bytes().all(|b| b.is_ascii_digit());
        if all_digits && follows_a_word(before) || follows_a_name_word(before) {
            return Some(false);
        }
        if is_year(quote.symbol)
            || unsigned_change_passes_the_price(quote)
            || self.price_may_be_a_name_word(window, quote)
        {
            return Some(false);
        }
        self.line_explains(window, quote)
    }

    /// Rule W: a price shown as bare digits after a space may be the last
    /// word of a name instead (`Nikkei 225`, `S&P 500`). It is, when the
    /// symbol is a word of mixed case (a name's word, not a ticker) or
    /// when an unsigned number follows with no marker between (the name's
    /// price, and the percent after it makes that reading a quote too).
    /// Either way the ticker reading is one of two, and rule P yields
    /// neither.
    fn price_may_be_a_name_word(&self, window: Window<'_>, quote: &Quote<'_>) -> bool {
        if quote.label == Label::Name {
            return false;
        }
        let after_symbol = window.bytes_from(quote.span.start + quote.symbol.len());
        let spaces = after_symbol.len() - skip_run(after_symbol, hspace_len).len();
        let price = &after_symbol[spaces..];
        let digits = price.iter().take_while(|b| b.is_ascii_digit()).count();
        // The price is parsed only where the cheap conditions leave a doubt.
        let bare = spaces > 0
            && digits > 0
            && number(price, self.grammar.style).is_ok_and(|(_, n)| n.text.len() == digits);
        if !bare || quote.currency.is_some() || quote.magnitude.is_some() {
            return false;
        }
        let mixed_case = quote.symbol.bytes().any(|b| b.is_ascii_lowercase())
            && quote.symbol.bytes().any(|b| b.is_ascii_uppercase());
        let unsigned_next = quote.markers.direction().is_none()
            && quote.change.is_some()
            && quote.change_sign != crate::quote::SignSource::Shown
            && quote.percent.is_some();
        mixed_case || unsigned_next
    }

    /// Rule R: the text of the quote's line from the last candidate (or the
    /// line's start) up to the quote, and from the quote to the next quote
    /// (or the line's end), holds no number that is not a date or a time.
    /// Both sides are read as far as the scanner keeps text for: the
    /// lookbehind before the quote, the quote's reach after it. The next
    /// quote is read as the search reads it, and kept for the search.
    /// `None` when the window must reach further to read it.
    fn line_explains(&mut self, window: Window<'_>, quote: &Quote<'_>) -> Option<bool> {
        let Range { start, end } = quote.span;
        let style = self.grammar.style;
        let floor = self.last.map_or(0, |last| last.end).min(start);
        let before = window.slice(
            floor.max(start.saturating_sub(LOOKBEHIND)).max(window.base),
            start,
        );
        let line = match last_line_end(before) {
            Some(i) => &before[i + 1..],
            None => before,
        };
        if pieces(line).any(|piece| starts_a_number(piece, style)) {
            return Some(false);
        }
        let reach = window.slice(end, (start + REACH).min(window.end()));
        let mut at = 0;
        while at < reach.len() {
            let rest = &reach[at..];
            if is_line_end(rest[0]) {
                return Some(true);
            }
            let separator = scan_separator_len(rest);
            if separator > 0 {
                at += separator;
                continue;
            }
            let date = date_or_time_len(rest);
            if date > 0 {
                at += date;
                continue;
            }
            if starts_symbol(rest) {
                let next = end + at;
                match window.attempt(&self.grammar, next) {
                    Attempt::NeedMore => return None,
                    Attempt::Quote(found) => {
                        self.read_ahead = Some((next, Detached::new(found, window)));
                        return Some(true);
                    }
                    // A quote cut off by the input's end is reported as such.
                    Attempt::Failed if window.truncated(&self.grammar, next) => return Some(true),
                    Attempt::Failed => {}
                }
            }
            if starts_a_number(rest, style) {
                return Some(false);
            }
            at += piece_len(rest);
        }
        Some(true)
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

/// Whether an unsigned change, with no marker to sign it, is at least the
/// (positive) price: read so, the previous close would not be positive,
/// which no market shows. The numbers are another column's
/// (`Alpha Steel 47.60 47.90 +0.63%`: a previous close and a price), and
/// which is the price is a guess (rule R).
fn unsigned_change_passes_the_price(quote: &Quote<'_>) -> bool {
    quote.change_sign == crate::quote::SignSource::Unsigned
        && quote.price > Decimal::ZERO
        && quote
            .implied_close()
            .is_some_and(|close| close <= Decimal::ZERO)
}

/// A strong candidate shows a percent, a direction marker or an explicitly
/// signed change.
fn is_strong(quote: &Quote<'_>) -> bool {
    quote.percent.is_some()
        || quote.columns.is_some()
        || quote.markers.direction().is_some()
        || quote.change_sign == crate::quote::SignSource::Shown
}

/// The byte length of what separates quotes in scan mode at the start of
/// `input`: a quote separator, an invisible character, or bytes that are
/// not UTF-8, which scan mode skips as it would a separator. 0 for
/// anything else.
fn scan_separator_len(input: &[u8]) -> usize {
    [separator_len, invisible_len, invalid_utf8_len]
        .into_iter()
        .map(|len| len(input))
        .find(|&len| len > 0)
        .unwrap_or(0)
}

/// Whether `before` ends with a letter and horizontal space: the word of a
/// multi-word name whose number follows.
fn follows_a_word(before: &[u8]) -> bool {
    let end = before.len() - trailing_hspace_len(before);
    end < before.len() && before[..end].last().is_some_and(u8::is_ascii_alphabetic)
}

/// Whether `before` ends with a letter and one space or NBSP: the last
/// word of a name the text after it may continue (rule W).
fn follows_a_name_word(before: &[u8]) -> bool {
    let Some(word) = strip_word_joiner(before) else {
        return false;
    };
    let from = word.len().saturating_sub(MAX_CHAR);
    let tail = (from..word.len()).find_map(|i| std::str::from_utf8(&word[i..]).ok());
    tail.and_then(|text| text.chars().next_back())
        .is_some_and(char::is_alphabetic)
}

/// The pieces of `text` between separators.
fn pieces(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let separator = scan_separator_len(&text[at..]);
            if separator == 0 {
                let piece = &text[at..at + piece_len(&text[at..])];
                at += piece.len();
                return Some(piece);
            }
            at += separator;
        }
        None
    })
}

/// The byte length of the piece at the start of `text`: up to the next
/// separator or line end, at least one byte.
fn piece_len(text: &[u8]) -> usize {
    (1..text.len())
        .find(|&i| scan_separator_len(&text[i..]) > 0)
        .unwrap_or(text.len())
}

/// Whether `piece` starts with a number of rule N in `style` (after an
/// opening parenthesis or a sign): a figure a quote must explain. Dates and
/// times are not numbers (rule T), nor are digits that break rule N.
fn starts_a_number(piece: &[u8], style: NumberStyle) -> bool {
    let piece = piece.strip_prefix(b"(").unwrap_or(piece);
    let digits = sign::<()>(piece).map_or(piece, |(rest, _)| rest);
    date_or_time_len(digits) == 0 && number(digits, style).is_ok()
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
            kinds("AGHA 11.870000 0.12 | ABOT 812 -4.10 | X 2 1"),
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
            strip.push_str("W 2 1 ");
        }
        let kept = kinds(&strip)
            .iter()
            .filter(|k| !k.starts_with("text:"))
            .count();
        assert_eq!(kept, 1 + VOUCH_DISTANCE);
    }

    #[test]
    fn multi_word_name_number_is_not_a_symbol() {
        // At a line's start the name labels the quote (rule W); inside
        // prose no name starts, and its number is no symbol either.
        assert_eq!(kinds("CAC 40 7,402.18 -31.77 (-0.43%)"), ["CAC 40"]);
        assert_eq!(
            kinds("see CAC 40 7,402.18 -31.77 (-0.43%)"),
            ["text:see CAC 40 7,402.18 -31.77 (-0.43%)"]
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
