//! Strict reading: a strip of quotes and separators, nothing else.

use crate::error::{Expected, Found, Locator, ParseError, shorten};
use crate::grammar::{Grammar, quote_may_start, separators};
use crate::lexical::{byte_order_mark_len, first_line_end, invalid_utf8_len};
use crate::number::StyleDecision;
use crate::quote::Quote;
use crate::table::Tables;
use crate::window::{Attempt, Failed, LOOKBEHIND, Window};

/// The quotes of a strip, in order, with an error for each stretch of text
/// that is not a quote ([errors](crate::formats#errors-and-limits)).
///
/// After an error the iterator carries on at the next position where a
/// quote parses; a strip with one bad quote still yields the others.
/// Created by [`crate::quotes`] and [`crate::ParseOptions::quotes`].
///
/// ```
/// let strip = "AGL40.13▲ 0.12 (0.00%)AIRLINK189.43x BOP10.34▲ 0.22 (0.02%)";
/// let mut quotes = tickerstrip::quotes(strip);
/// assert_eq!(quotes.next().unwrap()?.symbol, "AGL");
/// let error = quotes.next().unwrap().unwrap_err();
/// assert_eq!(error.column(), 36);
/// assert_eq!(quotes.next().unwrap()?.symbol, "BOP");
/// assert!(quotes.next().is_none());
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Quotes<'a> {
    text: &'a str,
    reader: StrictReader,
    style: StyleDecision,
}

impl<'a> Quotes<'a> {
    pub(crate) fn new(text: &'a str, grammar: Grammar, style: StyleDecision) -> Quotes<'a> {
        Quotes {
            text,
            reader: StrictReader::new(grammar),
            style,
        }
    }

    /// The quotes of `text` from offset `start` on, for reading a strip in
    /// parts: `text` ends where the part does, and what stands before
    /// `start` is there for the rules that look back, as in the whole
    /// input. `start` must be on a line that holds no table; the next line
    /// is the first whose tables count.
    #[cfg(feature = "parallel")]
    pub(crate) fn part(
        text: &'a str,
        start: usize,
        grammar: Grammar,
        style: StyleDecision,
    ) -> Quotes<'a> {
        let mut reader = StrictReader::new(grammar);
        reader.pos = start;
        let line = first_line_end(&text.as_bytes()[start..]);
        reader
            .tables
            .skip_to(line.map_or(text.len(), |len| start + len + 1));
        Quotes {
            text,
            reader,
            style,
        }
    }

    /// The number style this parse reads numbers in, and why it was chosen.
    ///
    /// ```
    /// use tickerstrip::NumberStyle;
    ///
    /// let quotes = tickerstrip::quotes("AEX 912,05 +4,61 (+0,51 %)");
    /// assert_eq!(quotes.number_style().style, NumberStyle::Comma);
    /// ```
    pub fn number_style(&self) -> StyleDecision {
        self.style
    }
}

impl<'a> Quotes<'a> {
    /// The only quote of the strip, perhaps between separators; an error
    /// when the strip holds none, more than one, or text that is no quote.
    pub(crate) fn only(mut self) -> Result<Quote<'a>, ParseError> {
        let text = self.text;
        let first = self.next().transpose()?;
        let second = self.next().transpose()?;
        match (first, second) {
            (Some(quote), None) => Ok(quote),
            (_, Some(second)) => {
                let position = Locator::default().locate(text.as_bytes(), second.span.start);
                let found = text[second.span.start..].chars().next();
                let found = found.map_or(Found::EndOfInput, Found::Char);
                Err(ParseError::new(position, 1, Expected::EndOfQuote, found))
            }
            (None, None) => {
                let position = Locator::default().locate(text.as_bytes(), text.len());
                Err(ParseError::new(
                    position,
                    0,
                    Expected::Quote,
                    Found::EndOfInput,
                ))
            }
        }
    }
}

impl<'a> Iterator for Quotes<'a> {
    type Item = Result<Quote<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.reader.step(Window::whole(self.text.as_bytes())) {
            Step::Quote(quote) => Some(Ok(quote)),
            Step::Error(error) => Some(Err(error)),
            Step::NeedMore | Step::Done => None,
        }
    }
}

impl std::iter::FusedIterator for Quotes<'_> {}

/// What strict reading found next.
#[derive(Debug)]
pub(crate) enum Step<'t> {
    Quote(Quote<'t>),
    Error(ParseError),
    /// The window must reach further into the input first.
    NeedMore,
    Done,
}

/// What a table makes of the text at a position in strict mode.
enum TableText<'t> {
    /// No table text.
    None,
    /// A row: its quote or an error.
    Row(Step<'t>),
    /// Table text without a quote, up to this offset.
    SkipTo(usize),
}

/// Strict mode's state, apart from the text: every position is an offset
/// in the whole input, so a stream can feed it window after window.
#[derive(Debug, Clone)]
pub(crate) struct StrictReader {
    grammar: Grammar,
    /// Where the next quote (or its separators) starts.
    pos: usize,
    /// How many quotes and errors were yielded.
    index: usize,
    /// After an error: where the search for the next quote resumes.
    resync: Option<usize>,
    finished: bool,
    locator: Locator,
    /// The tables passed so far.
    tables: Tables,
}

impl StrictReader {
    pub(crate) fn new(grammar: Grammar) -> StrictReader {
        StrictReader {
            pos: 0,
            index: 0,
            resync: None,
            finished: false,
            locator: Locator::default(),
            tables: Tables::new(grammar.tables),
            grammar,
        }
    }

    /// Sets the number style, once a stream has decided it.
    pub(crate) fn set_style(&mut self, style: crate::number::NumberStyle) {
        self.grammar.style = style;
    }

    /// The earliest offset the reader may still look at: a stream may drop
    /// the input before it once [`StrictReader::forget_before`] was called.
    pub(crate) fn retain_from(&self) -> usize {
        let at = self.resync.unwrap_or(self.pos).saturating_sub(LOOKBEHIND);
        at.min(self.tables.next_line())
    }

    /// Moves the line counter past the text a stream is about to drop.
    pub(crate) fn forget_before(&mut self, window: Window<'_>, offset: usize) {
        self.locator.locate_in(window.bytes, window.base, offset);
    }

    /// The next quote or error, or what the reader needs to find it.
    pub(crate) fn step<'t>(&mut self, window: Window<'t>) -> Step<'t> {
        if let Some(from) = self.resync {
            return self.resynchronise(window, from);
        }
        if self.finished {
            return Step::Done;
        }
        if self.pos == 0 && window.base == 0 {
            self.pos = byte_order_mark_len(window.bytes_from(0));
        }
        let start = loop {
            let after_separators =
                separators::<()>(window.bytes_from(self.pos)).map_or(0, |(rest, ())| rest.len());
            self.pos = window.end() - after_separators;
            if !self.tables.look(self.pos, |at| window.line_at(at)) {
                return Step::NeedMore;
            }
            match self.table_text(window, self.pos) {
                TableText::None => break self.pos,
                TableText::Row(step) => return step,
                TableText::SkipTo(end) => self.pos = end,
            }
        };
        if start >= window.end() {
            if !window.eof {
                return Step::NeedMore;
            }
            self.finished = true;
            if self.index > 0 {
                return Step::Done;
            }
            return Step::Error(self.error(window, start, Expected::Quote, Found::EndOfInput));
        }
        match window.attempt(&self.grammar, start) {
            Attempt::NeedMore => Step::NeedMore,
            Attempt::Quote(quote) => {
                self.pos = quote.span.end;
                self.index += 1;
                Step::Quote(quote)
            }
            Attempt::Failed => {
                let Failed {
                    failure,
                    offset,
                    too_long,
                    ..
                } = window.failure(&self.grammar, start);
                let (expected, mut found) = failure.describe();
                if too_long {
                    found = Found::QuoteTooLong;
                }
                if invalid_utf8_len(window.bytes_from(offset)) > 0 {
                    found = Found::InvalidUtf8;
                }
                let error = self.error(window, offset, expected, found);
                self.resync = Some(offset.max(start + 1));
                self.index += 1;
                Step::Error(error)
            }
        }
    }

    /// What a table makes of the text at `start` (rule H): a row's quote
    /// or the error in its cells, or text to pass (a header, a rule, a row
    /// of a header that reads no quotes), up to its line's end.
    fn table_text<'t>(&mut self, window: Window<'t>, start: usize) -> TableText<'t> {
        let Some(region) = self.tables.region_at(start) else {
            return TableText::None;
        };
        let Some(row) = self.tables.row_at(start) else {
            let line = first_line_end(window.bytes_from(start));
            let end = line.map_or(window.end(), |len| start + len);
            return TableText::SkipTo(end.min(region.end).max(start + 1));
        };
        self.pos = row.span.1;
        let read = row.quote(window.bytes, window.base, self.grammar.style);
        let step = match read {
            Ok(quote) => Step::Quote(quote),
            Err(problem) => {
                let text = row.cell(window.bytes, window.base, problem.column);
                let expected = Expected::TableCell {
                    column: problem.column + 1,
                    holds: problem.role.holds(),
                };
                let found = Found::Cell(shorten(&String::from_utf8_lossy(text)));
                let at = row.cells[problem.column].0;
                Step::Error(self.error(window, at, expected, found))
            }
        };
        self.index += 1;
        TableText::Row(step)
    }

    /// After an error: the next position where a quote parses.
    fn resynchronise<'t>(&mut self, window: Window<'t>, from: usize) -> Step<'t> {
        let mut at = from;
        while at < window.end() {
            let bytes = window.bytes_from(at);
            if quote_may_start(window.before(at, LOOKBEHIND), bytes) {
                match window.attempt(&self.grammar, at) {
                    Attempt::NeedMore => {
                        self.resync = Some(at);
                        return Step::NeedMore;
                    }
                    Attempt::Quote(quote) => {
                        self.resync = None;
                        self.pos = quote.span.end;
                        self.index += 1;
                        return Step::Quote(quote);
                    }
                    Attempt::Failed => {}
                }
            }
            at += 1;
        }
        self.resync = Some(at);
        if !window.eof {
            return Step::NeedMore;
        }
        self.resync = None;
        self.finished = true;
        Step::Done
    }

    fn error(
        &mut self,
        window: Window<'_>,
        offset: usize,
        expected: Expected,
        found: Found,
    ) -> ParseError {
        let position = self.locator.locate_in(window.bytes, window.base, offset);
        ParseError::new(position, self.index, expected, found)
    }
}
