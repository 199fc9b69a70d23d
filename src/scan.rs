//! Scan mode: quotes found in page text, every byte accounted for.

use std::ops::Range;

use crate::engine::{Accepted, Engine, Found, Refused, Region, region_end};
use crate::number::StyleDecision;
use crate::quote::Quote;
use crate::window::Window;

/// The longest skipped segment: longer skipped text comes in pieces.
pub(crate) const MAX_SKIPPED: usize = if cfg!(fuzzing) { 128 } else { 64 * 1024 };

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
/// The reader of SPEC 9 reads the text in regions of at most 64 KiB and
/// keeps a quote only where the judge believes one reading of it.
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
#[derive(Debug)]
pub struct Segments<'a> {
    text: &'a str,
    scanner: Scanner,
    style: StyleDecision,
}

impl<'a> Segments<'a> {
    pub(crate) fn new(text: &'a str, scanner: Scanner, style: StyleDecision) -> Segments<'a> {
        Segments {
            text,
            scanner,
            style,
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
        let (text, bytes) = (self.text, self.text.as_bytes());
        // The quote is read from the judge's candidate where the segment
        // is returned, not built into the region or cloned first.
        match self
            .scanner
            .step_with(Window::whole(bytes), |engine, accepted| {
                engine.found(accepted).quote_in(text)
            }) {
            Step::Quote(quote) => Some(Segment::Quote(quote)),
            Step::Skipped(span, kind) => Some(Segment::Skipped(Skipped {
                // A `&str` holds UTF-8 only, and pieces end on characters.
                text: self.text.get(span.clone()).unwrap_or_default(),
                span,
                kind,
            })),
            Step::NeedMore | Step::Done => None,
        }
    }
}

impl std::iter::FusedIterator for Segments<'_> {}

/// What the scanner found next: a quote as `Q`, by default the
/// [`Found`] quote itself.
#[derive(Debug)]
pub(crate) enum Step<Q = Found> {
    /// A quote.
    Quote(Q),
    /// A piece of skipped text: at most [`MAX_SKIPPED`] bytes, all UTF-8
    /// or all not.
    Skipped(Range<usize>, SkipKind),
    /// The window must reach further into the input first.
    NeedMore,
    /// The input is accounted for.
    Done,
}

/// Scan mode's state, apart from the text: every position is an offset in
/// the whole input, so a stream can feed it window after window. It holds
/// one region's findings and offsets: a stream needs to keep the text
/// from [`Scanner::retain_from`] on, at most a region and a skipped piece.
#[derive(Debug)]
pub(crate) struct Scanner {
    engine: Engine,
    region: Region,
    /// Whether `region` holds the findings of the region at `region_start`.
    loaded: bool,
    /// The next finding of `region` to yield.
    next: usize,
    /// Where the region being read, or the next one, starts.
    region_start: usize,
    /// The end of the last segment yielded.
    emitted: usize,
    /// Where to stop: the end of a part of the input read on its own.
    limit: usize,
}

impl Scanner {
    pub(crate) fn new(engine: Engine) -> Scanner {
        Scanner {
            engine,
            region: Region::default(),
            loaded: false,
            next: 0,
            region_start: 0,
            emitted: 0,
            limit: usize::MAX,
        }
    }

    /// The scanner of the part of the input from `start` to `end`, both
    /// region starts ([`crate::engine::region_end`]): it meets the regions
    /// a scanner of the whole input meets there.
    #[cfg(feature = "parallel")]
    pub(crate) fn part(engine: Engine, start: usize, end: usize) -> Scanner {
        Scanner {
            region_start: start,
            emitted: start,
            limit: end,
            ..Scanner::new(engine)
        }
    }

    /// Sets the number style, once a stream has decided it.
    pub(crate) fn set_style(&mut self, style: crate::number::NumberStyle) {
        self.engine.set_style(style);
    }

    /// The engine the scanner reads with.
    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Where the header line holding offset `at` ends, if `at` is in one
    /// whose rows gave quotes, in the region read last.
    pub(crate) fn header_end_at(&self, at: usize) -> Option<usize> {
        self.region
            .headers
            .iter()
            .find(|h| h.contains(&at))
            .map(|h| h.end)
    }

    /// The record the judge refused that starts first within `span`, a
    /// stretch of skipped text of the region read last, if any.
    pub(crate) fn refused_in(&self, span: Range<usize>) -> Option<&Refused> {
        self.region
            .refused
            .iter()
            .find(|r| span.contains(&r.span.start))
    }

    /// The earliest offset the scanner may still look at: a stream may
    /// drop the input before it.
    pub(crate) fn retain_from(&self) -> usize {
        self.emitted
    }

    /// The next segment, or what the scanner needs to find it.
    pub(crate) fn step(&mut self, window: Window<'_>) -> Step {
        self.step_with(window, Engine::found)
    }

    /// [`Scanner::step`], a quote given as `quote` reads it where the
    /// engine keeps it.
    pub(crate) fn step_with<Q>(
        &mut self,
        window: Window<'_>,
        quote: impl FnOnce(&Engine, &Accepted) -> Q,
    ) -> Step<Q> {
        loop {
            if self.loaded {
                if let Some(found) = self.region.found.get(self.next) {
                    if self.emitted < found.span.start {
                        return self.piece(window, found.span.start, SkipKind::Text);
                    }
                    self.next += 1;
                    self.emitted = found.span.end;
                    return Step::Quote(quote(&self.engine, found));
                }
                if let Some(truncated) = self.region.truncated.filter(|&t| t >= self.emitted) {
                    if self.emitted < truncated {
                        return self.piece(window, truncated, SkipKind::Text);
                    }
                    return self.piece(window, self.region.end, SkipKind::Truncated);
                }
                self.loaded = false;
                self.region_start = self.region.end;
            }
            if window.eof && self.region_start >= window.end() {
                return match self.emitted < self.region_start {
                    true => self.piece(window, self.region_start, SkipKind::Text),
                    false => Step::Done,
                };
            }
            if self.region_start - self.emitted >= MAX_SKIPPED {
                return self.piece(window, self.region_start, SkipKind::Text);
            }
            if self.region_start >= self.limit {
                return match self.emitted < self.region_start {
                    true => self.piece(window, self.region_start, SkipKind::Text),
                    false => Step::Done,
                };
            }
            let Some(end) = region_end(window, self.region_start) else {
                return Step::NeedMore;
            };
            let eof = window.eof && end == window.end();
            let text = window.slice(self.region_start, end);
            self.engine
                .read(text, self.region_start, eof, &mut self.region);
            self.loaded = true;
            self.next = 0;
        }
    }

    /// The next piece of the skipped text from the last segment's end to
    /// `end`, of `kind` where it is UTF-8.
    fn piece<Q>(&mut self, window: Window<'_>, end: usize, kind: SkipKind) -> Step<Q> {
        let (piece_end, kind) = first_piece(window, self.emitted..end, kind);
        let span = self.emitted..piece_end;
        self.emitted = piece_end;
        Step::Skipped(span, kind)
    }
}

/// Where the first piece of the skipped text `range` ends, and its kind:
/// `kind` for UTF-8 text, [`SkipKind::InvalidUtf8`] for a run of bytes
/// that are not. A piece ends after [`MAX_SKIPPED`] bytes (moved back to
/// the start of a character it would cut) or where the kind changes, so
/// a piece that ends before `range` does is the same whatever follows it.
///
/// `range` ends where a quote starts, at a region's end (both at a
/// token's start, never inside a character) or at the end of the input,
/// so a UTF-8 sequence cut off at its end is not UTF-8.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        crate::scan(text)
            .map(|segment| match segment {
                Segment::Quote(q) => format!("Q:{}", q.symbol),
                Segment::Skipped(s) => format!("{:?}:{}", s.kind, s.text),
            })
            .collect()
    }

    #[test]
    fn prose_numbers_yield_no_quote() {
        assert_eq!(
            kinds("The index gained 120.25 (+0.55%) today."),
            ["Text:The index gained 120.25 (+0.55%) today."]
        );
    }

    #[test]
    fn truncated_tail_is_its_own_segment() {
        assert_eq!(
            kinds("AGL40.13▲ 0.12 (0.00%)BOP10.34▲ 0.22 (0.0"),
            ["Q:AGL", "Truncated:BOP10.34▲ 0.22 (0.0"]
        );
    }

    #[test]
    fn long_text_comes_in_pieces_of_at_most_64_kib() {
        let prose = "Markets were quiet today, as traders waited for the news again. ".repeat(2048);
        let pieces: Vec<usize> = crate::scan(&prose).map(|s| s.span().len()).collect();
        assert_eq!(pieces, [MAX_SKIPPED, MAX_SKIPPED]);
    }
}
