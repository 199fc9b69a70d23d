//! Scan mode: quotes found in page text, every byte accounted for.

use std::collections::VecDeque;
use std::ops::Range;

use crate::Quote;
use crate::grammar::{Grammar, can_start_quote, separator_len, starts_symbol};
use crate::number::StyleDecision;

/// How far, in candidates, a weak candidate may stand from the strong one
/// that vouches for it.
const WINDOW: usize = 32;

/// A run must hold this many candidates for its weak ones to be kept.
const MIN_RUN: usize = 3;

/// A piece of scanned text: a quote, or text that is not one.
///
/// The segments of a scan cover the input in order, without gaps or
/// overlaps: joining their text gives the input back.
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
/// run of at least three candidates separated by nothing but separators,
/// with a strong candidate of that run at most 32 candidates away; so the
/// scan looks at most 32 candidates ahead and its memory stays bounded.
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
    grammar: Grammar,
    /// The number style in use, and why.
    style: StyleDecision,
    /// Where the search for the next candidate resumes.
    search: usize,
    /// The end of the last candidate found.
    last_candidate_end: Option<usize>,
    /// Where the earliest quote cut off by the end of the input starts,
    /// unless a candidate was found after it.
    truncated: Option<usize>,
    /// Candidates found ahead of the one being decided.
    ahead: VecDeque<Candidate<'a>>,
    /// The run of the candidates decided so far.
    run: Run,
    /// The end of the last segment yielded.
    emitted: usize,
    /// A quote to yield after the skipped text before it.
    held: Option<Quote<'a>>,
}

/// A quote the grammar found, before scan mode decides whether to keep it.
#[derive(Debug, Clone)]
struct Candidate<'a> {
    quote: Quote<'a>,
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

impl<'a> Segments<'a> {
    /// The number style this parse reads numbers in, and why it was chosen.
    pub fn number_style(&self) -> StyleDecision {
        self.style
    }

    pub(crate) fn new(text: &'a str, grammar: Grammar, style: StyleDecision) -> Segments<'a> {
        Segments {
            style,
            text,
            grammar,
            search: 0,
            last_candidate_end: None,
            truncated: None,
            ahead: VecDeque::new(),
            run: Run::default(),
            emitted: 0,
            held: None,
        }
    }

    /// Finds the next candidate quote after the last one.
    fn find_candidate(&mut self) -> Option<Candidate<'a>> {
        let bytes = self.text.as_bytes();
        while self.search < bytes.len() {
            let start = self.search;
            self.search += 1;
            if !can_start_quote(bytes, start) {
                continue;
            }
            match self.grammar.quote_at(bytes, start) {
                Ok(quote) if self.acceptable(&quote) => {
                    let joined = self
                        .last_candidate_end
                        .is_some_and(|end| only_separators(&bytes[end..start]));
                    self.search = quote.span.end;
                    self.last_candidate_end = Some(quote.span.end);
                    self.truncated = None;
                    let strong = is_strong(&quote);
                    return Some(Candidate {
                        quote,
                        strong,
                        joined,
                    });
                }
                Ok(_) => {}
                Err(failure) => {
                    if failure.is_truncation() && self.truncated.is_none() {
                        self.truncated = Some(start);
                    }
                }
            }
        }
        None
    }

    /// Scan mode's checks on a quote the grammar read: a weak one must be
    /// followed by a separator, the end of the input or the next symbol; an
    /// all-digit symbol must not be the number of a multi-word name
    /// (`CAC 40`).
    fn acceptable(&self, quote: &Quote<'a>) -> bool {
        let bytes = self.text.as_bytes();
        let after = &bytes[quote.span.end..];
        let well_ended = after.is_empty() || separator_len(after) > 0 || starts_symbol(after);
        if !is_strong(quote) && !well_ended {
            return false;
        }
        let all_digits = quote.symbol.bytes().all(|b| b.is_ascii_digit());
        !(all_digits && follows_a_word(&self.text[..quote.span.start]))
    }

    /// The next candidate, and whether it is kept.
    fn next_decision(&mut self) -> Option<(Candidate<'a>, bool)> {
        let candidate = match self.ahead.pop_front() {
            Some(candidate) => candidate,
            None => self.find_candidate()?,
        };
        if !candidate.joined {
            self.run = Run::default();
        }
        let keep = candidate.strong || self.weak_is_kept();
        self.run.len += 1;
        self.run.since_strong = match candidate.strong {
            true => Some(0),
            false => self.run.since_strong.map(|n| n + 1),
        };
        Some((candidate, keep))
    }

    /// Whether the weak candidate being decided has a run of at least three
    /// with a strong candidate at most [`WINDOW`] away.
    fn weak_is_kept(&mut self) -> bool {
        let strong_behind = self.run.since_strong.is_some_and(|n| n < WINDOW);
        let mut strong_ahead = false;
        let mut run_len = self.run.len + 1;
        for distance in 1..=WINDOW {
            if (strong_behind || strong_ahead) && run_len >= MIN_RUN {
                return true;
            }
            if self.ahead.len() < distance {
                match self.find_candidate() {
                    Some(candidate) => self.ahead.push_back(candidate),
                    None => break,
                }
            }
            let next = &self.ahead[distance - 1];
            if !next.joined {
                break;
            }
            run_len += 1;
            strong_ahead |= next.strong;
        }
        (strong_behind || strong_ahead) && run_len >= MIN_RUN
    }

    fn skipped(&mut self, end: usize, kind: SkipKind) -> Segment<'a> {
        let span = self.emitted..end;
        self.emitted = end;
        Segment::Skipped(Skipped {
            text: self.text.get(span.clone()).unwrap_or_default(),
            span,
            kind,
        })
    }

    /// The skipped text after the last quote, split where a cut-off quote starts.
    fn tail(&mut self) -> Option<Segment<'a>> {
        let end = self.text.len();
        if self.emitted >= end {
            return None;
        }
        match self.truncated {
            Some(cut) if cut > self.emitted => Some(self.skipped(cut, SkipKind::Text)),
            Some(_) => Some(self.skipped(end, SkipKind::Truncated)),
            None => Some(self.skipped(end, SkipKind::Text)),
        }
    }
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        if let Some(quote) = self.held.take() {
            self.emitted = quote.span.end;
            return Some(Segment::Quote(quote));
        }
        loop {
            let Some((candidate, keep)) = self.next_decision() else {
                return self.tail();
            };
            if !keep {
                continue;
            }
            let quote = candidate.quote;
            if quote.span.start > self.emitted {
                let skipped = self.skipped(quote.span.start, SkipKind::Text);
                self.held = Some(quote);
                return Some(skipped);
            }
            self.emitted = quote.span.end;
            return Some(Segment::Quote(quote));
        }
    }
}

impl std::iter::FusedIterator for Segments<'_> {}

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
fn follows_a_word(before: &str) -> bool {
    let word = before.trim_end_matches(HORIZONTAL_SPACE);
    word.len() < before.len() && word.ends_with(|c: char| c.is_ascii_alphabetic())
}

/// Horizontal white space between the words of a name.
const HORIZONTAL_SPACE: [char; 6] = [' ', '\t', '\u{a0}', '\u{2007}', '\u{2009}', '\u{202f}'];

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
        assert_eq!(kept, 1 + WINDOW);
    }

    #[test]
    fn multi_word_name_number_is_not_a_symbol() {
        assert_eq!(
            kinds("CAC 40 7,402.18 -31.77 (-0.43%)"),
            ["text:CAC 40 7,402.18 -31.77 (-0.43%)"]
        );
        assert!(follows_a_word("CAC "));
        assert!(follows_a_word("CAC\u{a0}"));
        assert!(!follows_a_word("CAC"));
        assert!(!follows_a_word("(1%) "));
        assert!(!follows_a_word("CAC\n"));
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
