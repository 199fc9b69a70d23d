//! Strict reading: a strip of quotes and separators, nothing else.

use crate::Quote;
use crate::error::{Expected, Found, Locator, ParseError};
use crate::grammar::{Failure, Grammar, can_start_quote, separators};
use crate::number::StyleDecision;

/// The quotes of a strip, in order, with an error for each stretch of text
/// that is not a quote (SPEC section 5).
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
    grammar: Grammar,
    /// The number style in use, and why.
    style: StyleDecision,
    /// Where the next quote (or its separators) starts.
    pos: usize,
    /// How many quotes and errors were yielded.
    index: usize,
    /// A quote found while resynchronising after an error.
    pending: Option<Quote<'a>>,
    finished: bool,
    locator: Locator,
}

impl<'a> Quotes<'a> {
    /// The number style this parse reads numbers in, and why it was chosen.
    pub fn number_style(&self) -> StyleDecision {
        self.style
    }

    pub(crate) fn new(text: &'a str, grammar: Grammar, style: StyleDecision) -> Quotes<'a> {
        Quotes {
            style,
            text,
            grammar,
            pos: 0,
            index: 0,
            pending: None,
            finished: false,
            locator: Locator::default(),
        }
    }

    /// The quote at byte `start`, if one parses there, with its span in the
    /// whole text.
    fn quote_at(&self, start: usize) -> Result<Quote<'a>, Failure<'a>> {
        self.grammar.quote_at(self.text.as_bytes(), start)
    }

    /// Finds the next quote after a bad one that started at `start` and
    /// failed at `failed`; keeps it for the next call.
    fn resynchronise(&mut self, start: usize, failed: usize) {
        let bytes = self.text.as_bytes();
        let from = failed.max(start + 1);
        let found = (from..bytes.len())
            .filter(|&i| can_start_quote(bytes, i))
            .find_map(|i| self.quote_at(i).ok());
        match found {
            Some(quote) => {
                self.pos = quote.span.end;
                self.pending = Some(quote);
            }
            None => self.finished = true,
        }
    }

    fn error(&mut self, offset: usize, expected: Expected, found: Found) -> ParseError {
        let position = self.locator.locate(self.text, offset);
        ParseError::new(position, self.index, expected, found)
    }
}

impl<'a> Iterator for Quotes<'a> {
    type Item = Result<Quote<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(quote) = self.pending.take() {
            self.index += 1;
            return Some(Ok(quote));
        }
        if self.finished {
            return None;
        }
        let bytes = self.text.as_bytes();
        let (rest, ()) = separators(&bytes[self.pos..]).unwrap_or((&[], ()));
        let start = bytes.len() - rest.len();
        if rest.is_empty() {
            self.finished = true;
            if self.index > 0 {
                return None;
            }
            let error = self.error(start, Expected::Quote, Found::EndOfInput);
            return Some(Err(error));
        }
        let item = match self.quote_at(start) {
            Ok(quote) => {
                self.pos = quote.span.end;
                Ok(quote)
            }
            Err(failure) => {
                let failed = bytes.len() - failure.at.len();
                let (expected, found) = failure.describe();
                let error = self.error(failed, expected, found);
                self.resynchronise(start, failed);
                Err(error)
            }
        };
        self.index += 1;
        Some(item)
    }
}

impl std::iter::FusedIterator for Quotes<'_> {}
