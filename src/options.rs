//! Parse options and the entry points that take them.

use crate::Quote;
use crate::error::{Expected, Found, Locator, ParseError};
use crate::grammar::{Grammar, Mode};
use crate::quotes::Quotes;
use crate::segments::Segments;

/// Options for reading a strip; the entry points [`parse`](ParseOptions::parse),
/// [`quotes`](ParseOptions::quotes) and [`scan`](ParseOptions::scan) take them.
///
/// `ParseOptions::default()` reads every format of SPEC section 3 that
/// writes numbers with a decimal point.
///
/// ```
/// use tickerstrip::ParseOptions;
///
/// let options = ParseOptions::new();
/// let quotes = options.parse("KQ4.12+6.74%EQTY41.30+2.15%")?;
/// assert_eq!(quotes.len(), 2);
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ParseOptions {}

impl ParseOptions {
    /// The default options.
    pub fn new() -> ParseOptions {
        ParseOptions::default()
    }

    fn grammar(&self, mode: Mode) -> Grammar {
        Grammar { mode }
    }

    /// Parses a strip: quotes separated by white space, `|`, `•`, `·` or `;`
    /// (or by nothing), and nothing else.
    ///
    /// ```
    /// let quotes = tickerstrip::ParseOptions::new().parse("ABOT 812.000000 -4.10 | ACPL 0.00 -9")?;
    /// assert_eq!(quotes[1].change.unwrap().to_string(), "-9");
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The first text that is not a quote or a separator, as a
    /// [`ParseError`] with its position: `"AGL40.13▲ x"` (a marker without a
    /// change), `"X 19.06.2024 +1%"` (a malformed number), and an empty
    /// input, which holds no quote.
    pub fn parse<'a>(&self, text: &'a str) -> Result<Vec<Quote<'a>>, ParseError> {
        self.quotes(text).collect()
    }

    /// Iterates over the quotes of a strip, yielding an error for each
    /// stretch that is not a quote and carrying on at the next quote after it.
    ///
    /// ```
    /// let text = "AGL40.13▲ 0.12 (0.00%) ?? BOP10.34▲ 0.22 (0.02%)";
    /// let items: Vec<_> = tickerstrip::ParseOptions::new().quotes(text).collect();
    /// assert_eq!(items.len(), 3);
    /// assert!(items[0].is_ok() && items[1].is_err() && items[2].is_ok());
    /// ```
    pub fn quotes<'a>(&self, text: &'a str) -> Quotes<'a> {
        Quotes::new(text, self.grammar(Mode::Strict))
    }

    /// Finds the quotes in page text, yielding every byte as part of a
    /// quote or of skipped text (SPEC section 3, scan mode).
    ///
    /// ```
    /// use tickerstrip::Segment;
    ///
    /// let page = "Markets today: KEL6.34▼ -0.06 (-0.01%) and more.";
    /// let segments: Vec<_> = tickerstrip::ParseOptions::new().scan(page).collect();
    /// assert_eq!(segments.len(), 3);
    /// assert!(matches!(&segments[1], Segment::Quote(q) if q.symbol == "KEL"));
    /// ```
    pub fn scan<'a>(&self, text: &'a str) -> Segments<'a> {
        Segments::new(text, self.grammar(Mode::Scan))
    }

    /// Parses exactly one quote, perhaps between separators.
    pub(crate) fn parse_one<'a>(&self, text: &'a str) -> Result<Quote<'a>, ParseError> {
        let mut quotes = self.parse(text)?.into_iter();
        match (quotes.next(), quotes.next()) {
            (Some(quote), None) => Ok(quote),
            (_, Some(second)) => {
                let position = Locator::default().locate(text, second.span.start);
                let found = text[second.span.start..].chars().next();
                let found = found.map_or(Found::EndOfInput, Found::Char);
                Err(ParseError::new(position, 1, Expected::EndOfQuote, found))
            }
            (None, None) => {
                let position = Locator::default().locate(text, text.len());
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
