//! Streaming: quotes and segments from any [`Read`], in bounded memory.
//!
//! A reader holds a window of its input: what it has read and not yet
//! given out, plus what its quote attempts may still read: 64 KiB from a
//! quote's start, and in scan mode 64 KiB from the start of the quote after
//! it, which the check of the quote's line reads (at most 128 KiB). It
//! runs the same state machines as [`crate::scan`] and [`crate::quotes`], so
//! it yields exactly what they yield on the whole input, however the input
//! arrives in chunks.
//!
//! Readers take bytes. Bytes that are not UTF-8 are skipped text of kind
//! [`SkipKind::InvalidUtf8`] in scan mode, which goes on after them, and a
//! [`crate::ErrorKind::InvalidUtf8`] error in strict mode.

use std::fmt;
use std::io::{self, Read};
use std::ops::Range;

use crate::engine::{Engine, Found};
use crate::error::ParseError;
use crate::number::{NumberStyle, StyleDecision};
use crate::quote::{OwnedQuote, Quote};
use crate::scan::{Scanner, SkipKind, Skipped, Step};
use crate::strict::{self, StrictReader};
use crate::window::Window;

/// Bytes read from the source at a time.
const CHUNK: usize = if cfg!(fuzzing) { 64 } else { 64 * 1024 };

/// The text held is compacted once this much of it is no longer needed.
const COMPACT_AT: usize = if cfg!(fuzzing) { 512 } else { 1024 * 1024 };

/// A segment that owns its text: what [`SegmentReader`] yields.
///
/// ```
/// use tickerstrip::{OwnedSegment, ParseOptions};
///
/// let page = "Top: KEL6.34▼ -0.06 (-0.01%)".as_bytes();
/// let segments = ParseOptions::new().scan_reader(page).collect::<Result<Vec<_>, _>>()?;
/// assert!(matches!(&segments[0], OwnedSegment::Skipped(s) if s.text == "Top: "));
/// assert!(matches!(&segments[1], OwnedSegment::Quote(q) if q.symbol == "KEL"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum OwnedSegment {
    /// A quote.
    Quote(OwnedQuote),
    /// Text that holds no quote, in pieces of at most 64 KiB.
    Skipped(OwnedSkipped),
}

impl OwnedSegment {
    /// The byte range of the segment in the input.
    ///
    /// ```
    /// let page = "Top: KEL6.34▼ -0.06 (-0.01%)";
    /// let reader = tickerstrip::ParseOptions::new().scan_reader(page.as_bytes());
    /// let spans = reader.map(|s| s.map(|s| s.span())).collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(spans, [0..5, 5..page.len()]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn span(&self) -> Range<usize> {
        match self {
            OwnedSegment::Quote(quote) => quote.span.clone(),
            OwnedSegment::Skipped(skipped) => skipped.span.clone(),
        }
    }
}

impl From<crate::scan::Segment<'_>> for OwnedSegment {
    fn from(segment: crate::scan::Segment<'_>) -> OwnedSegment {
        match segment {
            crate::scan::Segment::Quote(quote) => OwnedSegment::Quote(quote.into()),
            crate::scan::Segment::Skipped(skipped) => OwnedSegment::Skipped(skipped.into()),
        }
    }
}

/// Skipped text that owns its text.
///
/// ```
/// use tickerstrip::{OwnedSegment, ParseOptions, SkipKind};
///
/// let page = "Prices: AGL40.13▲ 0.12 (0.0".as_bytes();
/// let last = ParseOptions::new().scan_reader(page).last();
/// let Some(Ok(OwnedSegment::Skipped(skipped))) = last else { panic!("a cut-off quote") };
/// assert_eq!((skipped.span, skipped.kind), (8..29, SkipKind::Truncated));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct OwnedSkipped {
    /// The text.
    pub text: String,
    /// Its byte range in the input.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_glue::span"))]
    pub span: Range<usize>,
    /// Why it was skipped.
    pub kind: SkipKind,
}

impl From<Skipped<'_>> for OwnedSkipped {
    fn from(skipped: Skipped<'_>) -> OwnedSkipped {
        OwnedSkipped {
            text: skipped.text.to_owned(),
            span: skipped.span,
            kind: skipped.kind,
        }
    }
}

/// A segment lent by [`SegmentReader::next_borrowed`]: it borrows the
/// reader's buffer, so that reading allocates nothing per segment.
///
/// ```
/// use tickerstrip::{ParseOptions, SegmentRef, SkipKind};
///
/// let page = [&b"Top: "[..], "KEL6.34▼ -0.06 (-0.01%)".as_bytes(), b"\xff"].concat();
/// let mut reader = ParseOptions::new().scan_reader(&page[..]);
/// let Some(Ok(SegmentRef::Skipped { bytes, span, kind })) = reader.next_borrowed() else {
///     panic!("text first")
/// };
/// assert_eq!((bytes, span, kind), (&b"Top: "[..], 0..5, SkipKind::Text));
/// let Some(Ok(SegmentRef::Quote(quote))) = reader.next_borrowed() else { panic!("a quote") };
/// assert_eq!(quote.symbol, "KEL");
/// let Some(Ok(SegmentRef::Skipped { bytes, kind, .. })) = reader.next_borrowed() else {
///     panic!("a byte that is not UTF-8")
/// };
/// assert_eq!((bytes, kind), (&b"\xff"[..], SkipKind::InvalidUtf8));
/// assert!(reader.next_borrowed().is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SegmentRef<'a> {
    /// A quote.
    Quote(Quote<'a>),
    /// Text that holds no quote, in pieces of at most 64 KiB.
    Skipped {
        /// Its bytes: UTF-8 unless `kind` is [`SkipKind::InvalidUtf8`].
        bytes: &'a [u8],
        /// Their byte range in the input.
        span: Range<usize>,
        /// Why they were skipped.
        kind: SkipKind,
    },
}

impl From<SegmentRef<'_>> for OwnedSegment {
    fn from(segment: SegmentRef<'_>) -> OwnedSegment {
        match segment {
            SegmentRef::Quote(quote) => OwnedSegment::Quote(quote.into()),
            SegmentRef::Skipped { bytes, span, kind } => OwnedSegment::Skipped(OwnedSkipped {
                text: String::from_utf8_lossy(bytes).into_owned(),
                span,
                kind,
            }),
        }
    }
}

/// Why a [`QuoteReader`] stopped: the source failed, or the strip has text
/// that is not a quote.
///
/// ```
/// use tickerstrip::{ParseOptions, ReadError};
///
/// let first = ParseOptions::new().quote_reader("AGL40.13▲ 0.12 (0.00)".as_bytes()).next();
/// assert!(matches!(first, Some(Err(ReadError::Parse(e))) if e.column() == 21));
/// let items: Vec<_> = ParseOptions::new().quote_reader(&b"KQ4.12+6.74%\xff"[..]).collect();
/// let Err(ReadError::Parse(e)) = &items[1] else { panic!("not UTF-8") };
/// assert_eq!(e.to_string(), "byte 12: invalid UTF-8");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Reading failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Strict parsing failed.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

/// The input read so far that is still needed.
///
/// It holds bytes as read: the scanner reads bytes, and bytes that are not
/// UTF-8 are skipped text (scan mode) or an error (strict mode) found where
/// they stand, so nothing needs decoding here.
struct Source<R> {
    reader: R,
    /// The input from offset `base` on, as far as it was read.
    bytes: Vec<u8>,
    base: usize,
    /// The input ended.
    eof: bool,
    /// Where reads land.
    chunk: Box<[u8]>,
}

impl<R: Read> Source<R> {
    fn new(reader: R) -> Source<R> {
        Source {
            reader,
            bytes: Vec::new(),
            base: 0,
            eof: false,
            chunk: vec![0; CHUNK].into_boxed_slice(),
        }
    }

    fn window(&self) -> Window<'_> {
        Window {
            bytes: &self.bytes,
            base: self.base,
            eof: self.eof,
        }
    }

    /// Reads more input.
    ///
    /// # Errors
    ///
    /// The reader's errors.
    fn fill(&mut self) -> io::Result<()> {
        if self.eof {
            return Ok(());
        }
        let read = loop {
            match self.reader.read(&mut self.chunk) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                result => break result?,
            }
        };
        self.eof = read == 0;
        self.bytes.extend_from_slice(&self.chunk[..read]);
        Ok(())
    }

    /// Reads until at least `len` bytes are held, or the input ends.
    fn fill_to(&mut self, len: usize) -> io::Result<()> {
        while !self.eof && self.bytes.len() < len {
            self.fill()?;
        }
        Ok(())
    }

    /// Drops the input before offset `keep` once enough of it has piled up.
    fn compact(&mut self, keep: usize) {
        let drop = keep.saturating_sub(self.base);
        if drop >= COMPACT_AT {
            self.bytes.drain(..drop);
            self.base = keep;
        }
    }

    /// The bytes of memory the held input takes.
    #[cfg(test)]
    fn capacity(&self) -> usize {
        self.bytes.capacity()
    }
}

/// Resolves `style` from the first 64 KiB of the source, as whole-input
/// parsing does.
fn decide_style<R: Read>(source: &mut Source<R>, style: NumberStyle) -> io::Result<StyleDecision> {
    source.fill_to(StyleDecision::WINDOW)?;
    Ok(StyleDecision::resolve(style, &source.bytes))
}

/// The segments of a stream: [`crate::scan`] over any [`Read`], yielding
/// owned segments and holding a bounded part of the input.
///
/// Created by [`crate::ParseOptions::scan_reader`].
///
/// ```
/// use tickerstrip::{OwnedSegment, ParseOptions};
///
/// let page = "Top movers\nKEL6.34▼ -0.06 (-0.01%)\n".as_bytes();
/// let mut quotes = 0;
/// for segment in ParseOptions::new().scan_reader(page) {
///     if let OwnedSegment::Quote(quote) = segment? {
///         assert_eq!(quote.symbol, "KEL");
///         quotes += 1;
///     }
/// }
/// assert_eq!(quotes, 1);
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct SegmentReader<R> {
    source: Source<R>,
    scanner: Scanner,
    style: NumberStyle,
    decided: Option<StyleDecision>,
    failed: bool,
}

/// What a [`SegmentReader`] gives out next, by position in its buffer.
enum Ready {
    Piece(Range<usize>, SkipKind),
    Quote(Found),
    Done,
}

impl<R: Read> SegmentReader<R> {
    pub(crate) fn new(reader: R, scanner: Scanner, style: NumberStyle) -> SegmentReader<R> {
        SegmentReader {
            source: Source::new(reader),
            scanner,
            style,
            decided: None,
            failed: false,
        }
    }

    /// The number style in use, once the first 64 KiB were read.
    ///
    /// ```
    /// use tickerstrip::{NumberStyle, ParseOptions};
    ///
    /// let page = "DAX 19 012,44 +85,10 (+0,45 %)".as_bytes();
    /// let mut reader = ParseOptions::new().scan_reader(page);
    /// assert_eq!(reader.number_style(), None);
    /// reader.next();
    /// assert_eq!(reader.number_style().unwrap().style, NumberStyle::Comma);
    /// ```
    pub fn number_style(&self) -> Option<StyleDecision> {
        self.decided
    }

    /// The next segment, borrowed from the reader's buffer: like
    /// [`Iterator::next`], without the allocations of an [`OwnedSegment`].
    /// `None` once the input ended or reading failed.
    ///
    /// ```
    /// use tickerstrip::{ParseOptions, SegmentRef};
    ///
    /// let page = "Top movers\nKEL6.34▼ -0.06 (-0.01%)\n".as_bytes();
    /// let mut reader = ParseOptions::new().scan_reader(page);
    /// let mut symbols = 0;
    /// while let Some(segment) = reader.next_borrowed() {
    ///     if let SegmentRef::Quote(quote) = segment? {
    ///         symbols += quote.symbol.len();
    ///     }
    /// }
    /// assert_eq!(symbols, 3);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn next_borrowed(&mut self) -> Option<io::Result<SegmentRef<'_>>> {
        if self.failed {
            return None;
        }
        let ready = match self.advance() {
            Ok(ready) => ready,
            Err(error) => {
                self.failed = true;
                return Some(Err(error));
            }
        };
        let window = self.source.window();
        match ready {
            Ready::Piece(span, kind) => Some(Ok(SegmentRef::Skipped {
                bytes: window.slice(span.start, span.end),
                span,
                kind,
            })),
            Ready::Quote(found) => Some(Ok(SegmentRef::Quote(
                found.quote(window.bytes, window.base),
            ))),
            Ready::Done => None,
        }
    }

    /// Reads until the next segment is known.
    fn advance(&mut self) -> io::Result<Ready> {
        if self.decided.is_none() {
            let decision = decide_style(&mut self.source, self.style)?;
            self.scanner.set_style(decision.style);
            self.decided = Some(decision);
        }
        loop {
            self.source.compact(self.scanner.retain_from());
            match self.scanner.step(self.source.window()) {
                Step::Quote(found) => return Ok(Ready::Quote(found)),
                Step::Skipped(range, kind) => return Ok(Ready::Piece(range, kind)),
                Step::NeedMore => self.source.fill()?,
                Step::Done => return Ok(Ready::Done),
            }
        }
    }
}

impl<R: Read> Iterator for SegmentReader<R> {
    type Item = io::Result<OwnedSegment>;

    fn next(&mut self) -> Option<Self::Item> {
        let next = self.next_borrowed()?;
        Some(next.map(OwnedSegment::from))
    }
}

impl<R> fmt::Debug for SegmentReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SegmentReader")
            .field("offset", &self.source.base)
            .field("held", &self.source.bytes.len())
            .finish_non_exhaustive()
    }
}

/// The quotes of a strip read from a stream: [`crate::quotes`] over any
/// [`Read`], yielding owned quotes and holding a bounded part of the input.
///
/// Created by [`crate::ParseOptions::quote_reader`].
///
/// ```
/// use tickerstrip::ParseOptions;
///
/// let strip = "AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)".as_bytes();
/// let symbols = ParseOptions::new()
///     .quote_reader(strip)
///     .map(|quote| quote.map(|q| q.symbol))
///     .collect::<Result<Vec<_>, _>>()?;
/// assert_eq!(symbols, ["AGL", "AIRLINK"]);
/// # Ok::<(), tickerstrip::ReadError>(())
/// ```
pub struct QuoteReader<R> {
    source: Source<R>,
    reader: StrictReader,
    style: NumberStyle,
    decided: Option<StyleDecision>,
    failed: bool,
}

impl<R: Read> QuoteReader<R> {
    pub(crate) fn new(reader: R, engine: Engine, style: NumberStyle) -> QuoteReader<R> {
        QuoteReader {
            source: Source::new(reader),
            reader: StrictReader::new(engine),
            style,
            decided: None,
            failed: false,
        }
    }

    /// The number style in use, once the first 64 KiB were read.
    ///
    /// ```
    /// use tickerstrip::{NumberStyle, ParseOptions};
    ///
    /// let strip = "AEX 912,05 +4,61 (+0,51 %)".as_bytes();
    /// let mut reader = ParseOptions::new().quote_reader(strip);
    /// assert_eq!(reader.number_style(), None);
    /// reader.next();
    /// assert_eq!(reader.number_style().unwrap().style, NumberStyle::Comma);
    /// ```
    pub fn number_style(&self) -> Option<StyleDecision> {
        self.decided
    }

    /// The next quote or error, the quote borrowed from the reader's
    /// buffer: like [`Iterator::next`], without the allocation of an
    /// [`OwnedQuote`]. `None` once the input ended or reading failed.
    ///
    /// ```
    /// use tickerstrip::ParseOptions;
    ///
    /// let strip = "AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)".as_bytes();
    /// let mut reader = ParseOptions::new().quote_reader(strip);
    /// let mut total = tickerstrip::Decimal::ZERO;
    /// while let Some(quote) = reader.next_borrowed() {
    ///     total += quote?.price;
    /// }
    /// assert_eq!(total.to_string(), "229.56");
    /// # Ok::<(), tickerstrip::ReadError>(())
    /// ```
    pub fn next_borrowed(&mut self) -> Option<Result<Quote<'_>, ReadError>> {
        if self.failed {
            return None;
        }
        match self.advance() {
            Ok(Some(Ok(found))) => {
                let window = self.source.window();
                Some(Ok(found.quote(window.bytes, window.base)))
            }
            Ok(Some(Err(error))) => Some(Err(error.into())),
            Ok(None) => None,
            Err(error) => {
                self.failed = true;
                Some(Err(error.into()))
            }
        }
    }

    /// Reads until the next quote or error is known.
    fn advance(&mut self) -> io::Result<Option<Result<Found, ParseError>>> {
        if self.decided.is_none() {
            let decision = decide_style(&mut self.source, self.style)?;
            self.reader.set_style(decision.style);
            self.decided = Some(decision);
        }
        loop {
            let keep = self.reader.retain_from();
            if keep >= self.source.base + COMPACT_AT {
                self.reader.forget_before(self.source.window(), keep);
                self.source.compact(keep);
            }
            let window = self.source.window();
            match self.reader.step(window) {
                strict::Step::Quote(found) => return Ok(Some(Ok(found))),
                strict::Step::Error(error) => return Ok(Some(Err(error))),
                strict::Step::NeedMore => self.source.fill()?,
                strict::Step::Done => return Ok(None),
            }
        }
    }
}

impl<R: Read> Iterator for QuoteReader<R> {
    type Item = Result<OwnedQuote, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let next = self.next_borrowed()?;
        Some(next.map(OwnedQuote::from))
    }
}

impl<R> fmt::Debug for QuoteReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QuoteReader")
            .field("offset", &self.source.base)
            .field("held", &self.source.bytes.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that repeats `unit` to `len` bytes without holding them.
    struct Repeat {
        unit: Vec<u8>,
        len: usize,
        at: usize,
    }

    impl Read for Repeat {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(self.len - self.at);
            for (i, byte) in buf[..n].iter_mut().enumerate() {
                *byte = self.unit[(self.at + i) % self.unit.len()];
            }
            self.at += n;
            Ok(n)
        }
    }

    /// What the held input's memory never exceeds on inputs made of
    /// short repeated pieces: the text a compaction waits for, a read, and
    /// the reach of an attempt, rounded up as a `Vec` grows.
    const HELD_AT_MOST: usize =
        (COMPACT_AT + CHUNK + crate::engine::REGION + crate::scan::MAX_SKIPPED).next_power_of_two();

    /// Pieces that once made the window grow with the input or panicked:
    /// weak candidates without a strong one, number-like runs, prose,
    /// strong quotes, bytes that are not UTF-8, cut-off glyphs.
    const PIECES: [&[u8]; 12] = [
        b"W 2 1 ",
        b"AAPL 189.43 1.45\n",
        b"X 1 +1%",
        b"1,",
        b"111\xc2\xa0",
        b"1e+",
        b"The index gained 120.25 today. ",
        b"#",
        b"\xe9",
        b"AGL40.13\xe2\x96",
        b"AGL40.13\xe2\x96\xb2 0.12 (0.00%)",
        b" | ",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4))]

        /// The window a streaming scan holds stays under a fixed bound,
        /// whatever the input's length (here more than the bound).
        #[test]
        fn a_streaming_scan_holds_a_bounded_window(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 1..5),
            read in 1usize..100_000,
        ) {
            let unit = pieces.concat();
            let reader = Repeat { unit, len: HELD_AT_MOST + HELD_AT_MOST / 4, at: 0 };
            let reader = io::BufReader::with_capacity(read, reader);
            let engine = Engine::new(NumberStyle::Dot, None, crate::quote::Evidence::Shape);
            let mut segments = SegmentReader::new(reader, Scanner::new(engine), NumberStyle::Auto);
            let mut held = 0;
            while let Some(segment) = segments.next() {
                proptest::prop_assert!(segment.is_ok());
                held = held.max(segments.source.capacity());
            }
            proptest::prop_assert!(held <= HELD_AT_MOST, "held {held} bytes");
        }
    }
}
