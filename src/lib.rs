//! Ticker strips scraped from web pages, parsed into typed quotes with exact
//! decimals.
//!
//! News and finance pages show a scrolling ticker strip; scraped, it arrives
//! as text such as
//!
//! ```text
//! AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)FCCL38.59▼ -0.41 (-0.01%)
//! ```
//!
//! tickerstrip reads it into [`Quote`]s: symbol, price, direction, change and
//! percent, every number a [`rust_decimal::Decimal`] with the scale shown.
//!
//! ```
//! use tickerstrip::Direction;
//!
//! let strip = "AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)FCCL38.59▼ -0.41 (-0.01%)";
//! let quotes = tickerstrip::parse(strip)?;
//! assert_eq!(quotes.len(), 3);
//! assert_eq!(quotes[2].symbol, "FCCL");
//! assert_eq!(quotes[2].direction, Direction::Down);
//! assert_eq!(quotes[2].change.unwrap().to_string(), "-0.41");
//! # Ok::<(), tickerstrip::ParseError>(())
//! ```
//!
//! # Strict and scan
//!
//! - [`parse`] and [`quotes`] read a strip and nothing else; text that is not
//!   a quote is a [`ParseError`] with its line, column and quote index.
//! - [`scan`] finds the quotes inside page text and yields every byte as a
//!   [`Segment`]: a quote or skipped text. Prose, menus and dates yield no
//!   quote.
//!
//! # Formats
//!
//! One grammar reads them all (SPEC section 3):
//!
//! - glued seed strips: `AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)`;
//! - worded lines: `KSE100 98,412 Increased By 812.3 (0.83%)`;
//! - separated strips: `NIFTY 22,150.40 +120.25 (+0.55%) | TCS 3,901.10 -12.40 (-0.32%)`;
//! - change only: `ABOT 812.000000 -4.10 | ACPL 0.00 -9`;
//! - percent only, glued: `KQ4.12+6.74%EQTY41.30+2.15%`;
//! - symbols with digits: `NDX18,310.42 +95.10 +0.52%`, `ASX2007,812.40 +12.50 +0.16%`;
//! - comma decimals: `DAX 19 012,44 +85,10 (+0,45 %)`, chosen per input by
//!   [`NumberStyle::Auto`] or set with [`ParseOptions::number_style`];
//! - crypto: `btc$71.4k+1.2%eth$3.2k-0.4%`, with currency signs and
//!   magnitude suffixes kept in the record;
//! - one field a line, as some exchange pages render them;
//! - glyphs `▲ ▼ △ ▽ ▴ ▾ ↑ ↓ ⬆ ⬇ 🔺 🔻 ►`, direction words, and the signs
//!   `+ - − –`.
//!
//! Glued symbols and prices split at the symbol's last letter unless a
//! separator, the digit grouping or a list of known symbols
//! ([`ParseOptions::symbols`]) says otherwise; a split none of these decides
//! is reported, never guessed.

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod error;
mod finding;
mod grammar;
mod number;
mod options;
#[cfg(feature = "parallel")]
mod parallel;
mod quote;
mod quotes;
mod report;
mod segments;
#[cfg(feature = "serde")]
mod serde_glue;
mod stream;
mod validation;
mod window;

pub use error::{ErrorKind, Expected, Found, ParseError};
pub use finding::{Finding, FindingKind, Findings, PercentRange, UnknownFindingKind};
pub use number::{NumberStyle, StyleDecision, StyleReason};
pub use options::ParseOptions;
pub use quote::{Direction, Magnitude, Markers, OwnedQuote, Quote, SignSource};
pub use quotes::Quotes;
pub use report::{Pattern, StripReport};
pub use rust_decimal::Decimal;
pub use segments::{Segment, Segments, SkipKind, Skipped};
pub use stream::{OwnedSegment, OwnedSkipped, QuoteReader, ReadError, SegmentReader};
pub use validation::{Check, Rounding, Validator, validate};

/// Parses a strip with the default options: quotes and separators only.
///
/// ```
/// let quotes = tickerstrip::parse("KQ4.12+6.74%EQTY41.30+2.15%")?;
/// assert_eq!(quotes[1].symbol, "EQTY");
/// assert_eq!(quotes[1].percent.unwrap().to_string(), "2.15");
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
///
/// # Errors
///
/// The first text that is not a quote, with its position:
///
/// ```
/// let err = tickerstrip::parse("AGL40.13▲ 0.12 (0.00)").unwrap_err();
/// assert_eq!(err.to_string(), "line 1, column 21: expected '%' after percent 0.00, found ')'");
/// let err = tickerstrip::parse("").unwrap_err();
/// assert_eq!(err.to_string(), "line 1, column 1: expected a quote, found end of input");
/// ```
pub fn parse(text: &str) -> Result<Vec<Quote<'_>>, ParseError> {
    ParseOptions::default().parse(text)
}

/// Iterates over a strip's quotes with the default options, yielding an
/// error for each stretch that is not a quote and carrying on after it.
///
/// ```
/// let count = tickerstrip::quotes("AGL40.13▲ 0.12 (0.00%)BOP10.34▲ 0.22 (0.02%)")
///     .filter(Result::is_ok)
///     .count();
/// assert_eq!(count, 2);
/// ```
pub fn quotes(text: &str) -> Quotes<'_> {
    ParseOptions::default().quotes(text)
}

/// Finds the quotes in page text with the default options.
///
/// ```
/// let page = "Markets\nKEL6.34▼ -0.06 (-0.01%)\nThe index gained 120.25 (+0.55%) today.";
/// let symbols: Vec<_> = tickerstrip::scan(page)
///     .filter_map(|segment| segment.as_quote().map(|q| q.symbol))
///     .collect();
/// assert_eq!(symbols, ["KEL"]);
/// ```
pub fn scan(text: &str) -> Segments<'_> {
    ParseOptions::default().scan(text)
}
