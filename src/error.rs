//! Parse errors: where the input went wrong, what was expected there and
//! what was found.

use std::fmt;

/// A strict-mode parse error, with its position and cause.
///
/// Its message is `line L, column C: expected …, found …`; columns count
/// characters (`▲` is one column, three bytes), lines and columns start at 1.
/// Bytes that are not UTF-8 (in input read as bytes, where a column means
/// little) give `byte N: invalid UTF-8`.
///
/// ```
/// use tickerstrip::{ErrorKind, parse};
///
/// let err = parse("AGL40.13▲ 0.12 (0.00%)AIRLINK189.43x").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "line 1, column 36: expected a direction marker or a change after price 189.43, found 'x'"
/// );
/// assert_eq!(err.offset(), 37);
/// assert_eq!((err.line(), err.column()), (1, 36));
/// assert_eq!(err.quote_index(), 1);
/// assert_eq!(err.kind(), ErrorKind::Unexpected);
/// ```
///
/// It is one pointer wide, so results that carry it stay small.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(Box<Details>);

/// What a [`ParseError`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    offset: usize,
    line: usize,
    column: usize,
    quote_index: usize,
    expected: Expected,
    found: Found,
}

impl fmt::Display for Details {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Details {
            offset,
            line,
            column,
            expected,
            found,
            ..
        } = self;
        match found {
            Found::InvalidUtf8 => write!(f, "byte {offset}: invalid UTF-8"),
            _ => write!(
                f,
                "line {line}, column {column}: expected {expected}, found {found}"
            ),
        }
    }
}

impl ParseError {
    #[cold]
    pub(crate) fn new(
        position: Position,
        quote_index: usize,
        expected: Expected,
        found: Found,
    ) -> ParseError {
        ParseError(Box::new(Details {
            offset: position.offset,
            line: position.line,
            column: position.column,
            quote_index,
            expected,
            found,
        }))
    }

    /// The byte offset of the error in the input.
    ///
    /// ```
    /// let err = tickerstrip::parse("AGL40.13▲ 0.12 (0.00)").unwrap_err();
    /// assert_eq!(err.offset(), 22); // `▲` is three bytes
    /// ```
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// The 1-based line of the error.
    ///
    /// ```
    /// let err = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)\nBOP10.34▲ 0.22 (0.02)").unwrap_err();
    /// assert_eq!(err.line(), 2);
    /// ```
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// The 1-based column of the error, counted in characters.
    ///
    /// ```
    /// let err = tickerstrip::parse("AGL40.13▲ 0.12 (0.00)").unwrap_err();
    /// assert_eq!(err.column(), 21); // `▲` is one column
    /// ```
    pub fn column(&self) -> usize {
        self.0.column
    }

    /// The index, from 0, of the quote being read when the error occurred.
    ///
    /// An error stands where a quote was expected, so the quotes and the
    /// errors before it both count: in [`crate::quotes`], an error's index
    /// is its place among the items.
    ///
    /// ```
    /// let err = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)\nBOP10.34▲ 0.22 (0.02)").unwrap_err();
    /// assert_eq!(err.quote_index(), 1);
    ///
    /// let strip = "AGL40.13▲ 0.12 (0.00%) ?? BOP10.34▲ 0.22 (0.02%) ## KEL6.34▼ -0.06 (-0.01%)";
    /// let indexes: Vec<usize> = tickerstrip::quotes(strip)
    ///     .filter_map(|item| item.err())
    ///     .map(|error| error.quote_index())
    ///     .collect();
    /// assert_eq!(indexes, [1, 3]);
    /// ```
    pub fn quote_index(&self) -> usize {
        self.0.quote_index
    }

    /// What the grammar expected at the error.
    ///
    /// ```
    /// use tickerstrip::Expected;
    ///
    /// let err = tickerstrip::parse("AGL40.13▲ 0.12 (0.00)").unwrap_err();
    /// assert_eq!(err.expected(), &Expected::PercentSign { number: "0.00".into() });
    /// ```
    pub fn expected(&self) -> &Expected {
        &self.0.expected
    }

    /// What stood in the input at the error.
    ///
    /// ```
    /// use tickerstrip::Found;
    ///
    /// let err = tickerstrip::parse("AGL40.13▲ 0.12 (0.00)").unwrap_err();
    /// assert_eq!(err.found(), &Found::Char(')'));
    /// ```
    pub fn found(&self) -> &Found {
        &self.0.found
    }

    /// The category of the error.
    ///
    /// ```
    /// use tickerstrip::ErrorKind;
    ///
    /// assert_eq!(tickerstrip::parse("").unwrap_err().kind(), ErrorKind::UnexpectedEnd);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self.0.found {
            Found::Char(_) | Found::LongSymbol(_) | Found::Percent(_) => ErrorKind::Unexpected,
            Found::Refused { .. } | Found::Readings { .. } => ErrorKind::Refused,
            Found::EndOfInput => ErrorKind::UnexpectedEnd,
            Found::QuoteTooLong => ErrorKind::QuoteTooLong,
            Found::MalformedNumber(_) => ErrorKind::MalformedNumber,
            Found::NumberTooLarge(_) => ErrorKind::NumberTooLarge,
            Found::TooManyDecimals { .. } => ErrorKind::TooManyDecimals,
            Found::AmbiguousSplit { .. } => ErrorKind::AmbiguousSymbol,
            Found::InvalidUtf8 => ErrorKind::InvalidUtf8,
            Found::DateOrTime(_) => ErrorKind::DateOrTime,
        }
    }
}

/// The category of a [`ParseError`].
///
/// ```
/// use tickerstrip::{ErrorKind, parse};
///
/// assert_eq!(parse("AGL 40.1.3 +0.12 (+0.30%)").unwrap_err().kind(), ErrorKind::MalformedNumber);
/// assert_eq!(parse("AGL40.13▲ 0.12 (0.00)").unwrap_err().kind(), ErrorKind::Unexpected);
/// assert_eq!(parse("").unwrap_err().kind(), ErrorKind::UnexpectedEnd);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A character the grammar does not allow at that place.
    Unexpected,
    /// The input ended inside a quote, or held no quote at all.
    UnexpectedEnd,
    /// Number-like text that breaks rule N (`0123`, `1,2345`, `1.2.3`).
    MalformedNumber,
    /// A number with more digits than an exact decimal holds.
    NumberTooLarge,
    /// A number with more than 28 digits after the decimal point.
    TooManyDecimals,
    /// Glued symbol and price digits that split validly more than one way.
    AmbiguousSymbol,
    /// A date or a time (`2024-11-08`, `17:15`) where a number belongs:
    /// never read as numbers.
    ///
    /// ```
    /// use tickerstrip::{ErrorKind, parse};
    ///
    /// let error = parse("Markets 2024-11-08").unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::DateOrTime);
    /// assert_eq!(
    ///     error.to_string(),
    ///     "line 1, column 9: expected a price after symbol 'Markets', found date or time '2024-11-08'"
    /// );
    /// ```
    DateOrTime,
    /// A quote spanning more than 64 KiB.
    QuoteTooLong,
    /// Text in a quote's shape (a symbol, a price, markers and values)
    /// that the reader does not believe is one (SPEC 9): nothing supports
    /// its reading, it reads more than one way, or its label is no
    /// instrument's. The message names the rule that refused it.
    ///
    /// ```
    /// use tickerstrip::{ErrorKind, parse};
    ///
    /// // Integers alone: the percent does not check, and nothing else
    /// // says which number is the price.
    /// let error = parse("ACME 5 +1 (1%)").unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::Refused);
    /// assert_eq!(
    ///     error.to_string(),
    ///     "line 1, column 1: expected a quote, found 'ACME 5 +1 (1%)', \
    ///      not a quote: nothing marks a price, change or percent"
    /// );
    /// // The same quote with numbers that check is one.
    /// assert!(parse("ACME 50.50 +0.50 (+1.00%)").is_ok());
    /// ```
    Refused,
    /// Bytes that are not UTF-8, in input read as bytes.
    ///
    /// ```
    /// use tickerstrip::{ErrorKind, ParseOptions, ReadError};
    ///
    /// let strip = b"KQ4.12+6.74%\xffEQTY41.30+2.15%";
    /// let items: Vec<_> = ParseOptions::new().quote_reader(&strip[..]).collect();
    /// let Err(ReadError::Parse(error)) = &items[1] else { panic!("not UTF-8") };
    /// assert_eq!(error.kind(), ErrorKind::InvalidUtf8);
    /// assert_eq!(error.to_string(), "byte 12: invalid UTF-8");
    /// assert!(matches!(&items[2], Ok(quote) if quote.symbol == "EQTY"));
    /// ```
    InvalidUtf8,
}

/// What the grammar expected where a [`ParseError`] occurred.
///
/// ```
/// use tickerstrip::{Expected, parse};
///
/// assert_eq!(parse("").unwrap_err().expected(), &Expected::Quote);
/// let err = parse("AGL40.13▲ 0.12 (0.00)").unwrap_err();
/// assert_eq!(err.expected().to_string(), "'%' after percent 0.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// The start of a quote: its symbol.
    Quote,
    /// A symbol of 1 to 15 characters.
    Symbol,
    /// A price after the symbol.
    Price {
        /// The symbol read.
        symbol: String,
    },
    /// A direction marker or a change (or percent) after the price.
    MarkerOrChange {
        /// The price as shown.
        price: String,
    },
    /// A change or a percent after a direction marker.
    ChangeOrPercent {
        /// The marker as shown.
        marker: String,
    },
    /// Digits after a sign.
    DigitsAfterSign {
        /// The sign as shown.
        sign: String,
    },
    /// A change: a number, perhaps signed.
    Change,
    /// A percent: a number, perhaps signed, and `%`.
    Percent,
    /// The `%` after a percent's number.
    PercentSign {
        /// The number as shown.
        number: String,
    },
    /// The `)` closing a parenthesised percent.
    ClosingParen {
        /// The percent as shown.
        percent: String,
    },
    /// Glued symbol and price digits that split only one valid way (rule G).
    SymbolSplit,
    /// Nothing more after a single quote ([`crate::OwnedQuote`]'s `FromStr`).
    EndOfQuote,
    /// A value of a quote (a price, a change or a percent) where the
    /// quote holds text that is none.
    Value,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Quote => f.write_str("a quote"),
            Expected::Symbol => f.write_str("a symbol of at most 15 characters"),
            Expected::Price { symbol } => write!(f, "a price after symbol '{symbol}'"),
            Expected::MarkerOrChange { price } => {
                write!(f, "a direction marker or a change after price {price}")
            }
            Expected::ChangeOrPercent { marker } => {
                write!(f, "a change or a percent after marker '{marker}'")
            }
            Expected::DigitsAfterSign { sign } => write!(f, "digits after sign '{sign}'"),
            Expected::Change => f.write_str("a change"),
            Expected::Percent => f.write_str("a percent"),
            Expected::PercentSign { number } => write!(f, "'%' after percent {number}"),
            Expected::ClosingParen { percent } => write!(f, "')' after percent {percent}"),
            Expected::SymbolSplit => f.write_str("a symbol and price that split one way"),
            Expected::EndOfQuote => f.write_str("the end of the quote"),
            Expected::Value => f.write_str("a price, a change or a percent"),
        }
    }
}

/// What stood in the input where a [`ParseError`] occurred.
///
/// ```
/// use tickerstrip::{Found, parse};
///
/// assert_eq!(parse("").unwrap_err().found(), &Found::EndOfInput);
/// let err = parse("AGL 40.1.3 +0.12 (+0.30%)").unwrap_err();
/// assert_eq!(err.found(), &Found::MalformedNumber("40.1.3".into()));
/// assert_eq!(err.found().to_string(), "malformed number '40.1.3'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Found {
    /// A character.
    Char(char),
    /// The end of the input.
    EndOfInput,
    /// Number-like text that breaks rule N.
    MalformedNumber(String),
    /// A number too large for an exact decimal (its text, shortened when long).
    NumberTooLarge(String),
    /// A number with more than 28 decimal places.
    TooManyDecimals {
        /// The number's text, shortened when long.
        number: String,
        /// How many decimal places it has.
        decimals: usize,
    },
    /// A symbol longer than 15 characters.
    LongSymbol(String),
    /// A quote whose fields and the gaps between them span more than
    /// 64 KiB, the most one quote may.
    QuoteTooLong,
    /// Glued symbol and price text that splits validly more than one way.
    AmbiguousSplit {
        /// The glued text.
        text: String,
        /// Each valid split, as (symbol, price text).
        splits: Vec<(String, String)>,
    },
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    /// A date or a time, which is never a number.
    DateOrTime(String),
    /// A percent where another value belongs (`5 %` where a price does).
    Percent(String),
    /// Text in a quote's shape that the judge refused (SPEC 9), shortened
    /// when long, with the rule that refused it in words.
    Refused {
        /// The text, from its symbol to its last value.
        text: String,
        /// Why it is no quote.
        why: &'static str,
    },
    /// Text in a quote's shape that reads two ways, giving two prices,
    /// with nothing to say which (rule P).
    Readings {
        /// The text, from its symbol to its last value.
        text: String,
        /// Two prices its readings give.
        prices: [String; 2],
    },
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Char(c) => write!(f, "'{}'", c.escape_debug()),
            Found::EndOfInput => f.write_str("end of input"),
            Found::QuoteTooLong => f.write_str("a quote longer than 64 KiB"),
            Found::InvalidUtf8 => f.write_str("bytes that are not UTF-8"),
            Found::LongSymbol(symbol) => {
                write!(f, "'{symbol}' of {} characters", symbol.chars().count())
            }
            Found::MalformedNumber(text) => write!(f, "malformed number '{text}'"),
            Found::DateOrTime(text) => write!(f, "date or time '{text}'"),
            Found::Percent(text) => write!(f, "percent '{text}'"),
            Found::Refused { text, why } => write!(f, "'{text}', not a quote: {why}"),
            Found::Readings {
                text,
                prices: [a, b],
            } => {
                write!(f, "'{text}', which reads as a price of {a} or of {b}")
            }
            Found::NumberTooLarge(text) => {
                write!(f, "number '{text}', too large for an exact decimal")
            }
            Found::TooManyDecimals { number, decimals } => write!(
                f,
                "number '{number}' with {decimals} decimal places (at most 28)"
            ),
            Found::AmbiguousSplit { text, splits } => {
                write!(f, "'{text}', which splits {} ways: ", splits.len())?;
                for (i, (symbol, price)) in splits.iter().enumerate() {
                    let joint = match i {
                        0 => "",
                        _ if i + 1 == splits.len() => " or ",
                        _ => ", ",
                    };
                    write!(f, "{joint}{symbol} {price}")?;
                }
                Ok(())
            }
        }
    }
}

/// A byte offset with its 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    pub(crate) offset: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Position {
    const START: Position = Position {
        offset: 0,
        line: 1,
        column: 1,
    };
}

/// Turns byte offsets into lines and columns.
///
/// It remembers the last position it found, so that locating errors in
/// increasing order costs time linear in the input overall.
#[derive(Debug, Clone)]
pub(crate) struct Locator {
    last: Position,
}

impl Default for Locator {
    fn default() -> Locator {
        Locator {
            last: Position::START,
        }
    }
}

impl Locator {
    /// The position of byte `offset` in `text`. An offset inside a
    /// character is moved back to that character's start.
    pub(crate) fn locate(&mut self, text: &[u8], offset: usize) -> Position {
        self.locate_in(text, 0, offset)
    }

    /// The position of input offset `offset`, where `text` holds the input
    /// from offset `base` on. Going back before `base` is not possible: a
    /// stream moves the locator forward before it drops text.
    ///
    /// Columns count characters: every byte but UTF-8 continuation bytes
    /// starts one (a byte that is not UTF-8 counts as one).
    pub(crate) fn locate_in(&mut self, text: &[u8], base: usize, offset: usize) -> Position {
        let mut local = offset.saturating_sub(base).min(text.len());
        while local > 0 && local < text.len() && is_continuation(text[local]) {
            local -= 1;
        }
        if base + local < self.last.offset && base == 0 {
            self.last = Position::START;
        }
        let mut position = self.last;
        let from = position.offset.saturating_sub(base).min(local);
        for &byte in &text[from..local] {
            if byte == b'\n' {
                position.line += 1;
                position.column = 1;
            } else if !is_continuation(byte) {
                position.column += 1;
            }
        }
        position.offset = position.offset.max(base + local);
        self.last = position;
        position
    }
}

/// Whether `byte` continues a UTF-8 sequence rather than starting one.
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Shortens long number text for messages: the first 40 characters and the
/// count of the rest.
pub(crate) fn shorten(text: &str) -> String {
    const KEEP: usize = 40;
    match text.char_indices().nth(KEEP) {
        None => text.to_owned(),
        Some((cut, _)) => {
            let rest = text[cut..].chars().count();
            format!("{}… ({rest} more)", &text[..cut])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_counts_characters_and_lines() {
        let text = "a▲b\ncd";
        let mut locator = Locator::default();
        assert_eq!(locator.locate(text.as_bytes(), 4).column, 3);
        let d = locator.locate(text.as_bytes(), 7);
        assert_eq!((d.line, d.column), (2, 2));
        // Going back restarts from the beginning.
        let a = locator.locate(text.as_bytes(), 0);
        assert_eq!((a.line, a.column), (1, 1));
        // An offset inside '▲' moves to its start.
        assert_eq!(locator.locate(text.as_bytes(), 2).offset, 1);
    }

    #[test]
    fn shorten_keeps_short_text() {
        assert_eq!(shorten("12345"), "12345");
        let long = "9".repeat(50);
        assert_eq!(shorten(&long), format!("{}… (10 more)", "9".repeat(40)));
    }
}
