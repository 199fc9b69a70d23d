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
//! # A tour
//!
//! - **Strict**: [`parse`] and [`quotes`] read a strip and nothing else;
//!   text that is not a quote is a [`ParseError`] with its byte offset,
//!   line, column and quote index. [`Quotes`] carries on after a bad quote.
//! - **Scan**: [`scan`] finds the quotes inside page text and yields every
//!   byte as a [`Segment`], a quote or skipped text, so the segments join to
//!   the input. Prose, menus and dates yield no quote; a quote cut off by
//!   the end of the input is skipped text of kind [`SkipKind::Truncated`].
//! - **Streaming**: [`ParseOptions::scan_reader`] and
//!   [`ParseOptions::quote_reader`] do the same over any [`std::io::Read`]
//!   in bounded memory, yielding [`OwnedSegment`]s and [`OwnedQuote`]s.
//! - **Parallel** (feature `parallel`): `ParseOptions::par_parse` parses a
//!   large strip on all cores and returns what [`parse`] returns;
//!   `ParseOptions::par_report` validates it on all cores into the
//!   [`StripReport`] one thread would count.
//! - **Validation**: [`validate`] checks a quote's percent against its price
//!   and change, allowing for display rounding, and returns its
//!   [`Findings`]; [`Validator`] takes [`Rounding`] for sources that
//!   truncate; [`StripReport`] counts findings over a strip and names the
//!   pattern most quotes share.
//! - **Options**: [`ParseOptions`] sets the [`NumberStyle`] and the known
//!   symbols.
//! - **Records**: [`Quote`] borrows its symbol from the input and allocates
//!   nothing; [`OwnedQuote`] owns it. `Display` writes the canonical seed
//!   form, which parses back to the same quote. With feature `serde`,
//!   quotes, findings and reports serialize, decimals as strings that keep
//!   their scale.
//!
//! ```
//! use tickerstrip::{FindingKind, Segment, StripReport, validate};
//!
//! let page = "Markets\nAGL40.13▲ 0.12 (0.00%)FCCL38.59▼ -0.41 (-0.01%)\nRead more";
//! let mut report = StripReport::new();
//! for segment in tickerstrip::scan(page) {
//!     if let Segment::Quote(quote) = segment {
//!         let findings = validate(&quote);
//!         assert!(findings.contains(FindingKind::PercentIsFraction));
//!         report.add(&quote, &findings);
//!     }
//! }
//! assert_eq!(
//!     report.dominant().unwrap().to_string(),
//!     "percent column reads as fractions: 2 of 2 quotes"
//! );
//! ```
//!
//! # Formats
//!
//! One grammar reads them all (the [`formats`] module states its rules):
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
//!
//! A quote, with the gaps between its fields, spans at most 64 KiB: every
//! quote attempt reads at most that far, which keeps time linear and makes
//! streamed results independent of chunking.
//!
//! # Findings
//!
//! Every displayed number stands for the interval its rounding allows
//! (`41.8` is 41.75 to 41.85); a quote is flagged only when no values in
//! those intervals fit, in exact arithmetic.
//!
//! | kind | meaning |
//! |---|---|
//! | `percent-is-fraction` | the percent is the plain ratio change / previous close: a ×100 scale error |
//! | `percent-of-price` | the percent was computed against the current price |
//! | `percent-sign-mismatch` | the magnitude fits, the sign is reversed |
//! | `percent-mismatch` | no reading fits; the finding carries the interval that would |
//! | `direction-mismatch` | the marker disagrees with the change's sign (a marker on a zero change included) |
//! | `marker-conflict` | a direction word and a glyph disagree (`No Change ▼`) |
//! | `price-not-positive` | the price or the previous close is not positive: nothing to check against |
//! | `previous-close-mismatch` | a table row's previous close is not price − change, rounding allowed |
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod blocks;
mod engine;
mod error;
mod field;
mod finding;
pub mod formats;
mod judge;
mod labels;
mod lexical;
mod names;
mod number;
mod options;
#[cfg(feature = "parallel")]
mod parallel;
mod quote;
mod readings;
#[cfg(feature = "serde")]
mod record;
mod records;
mod report;
mod scan;
#[cfg(feature = "serde")]
mod serde_glue;
mod stream;
mod strict;
mod token;
mod validation;
mod vocabulary;
mod window;

pub use error::{ErrorKind, Expected, Found, ParseError};
pub use field::{Field, FieldKind, FieldValue};
pub use finding::{Finding, FindingKind, FindingKinds, Findings, PercentRange};
pub use names::UnknownName;
pub use number::{NumberStyle, StyleDecision, StyleReason};
pub use options::ParseOptions;
pub use quote::{
    AsQuote, Currency, CurrencyCode, Direction, Evidence, Label, Magnitude, Markers, OwnedQuote,
    Quote, QuoteOf,
};
#[cfg(feature = "serde")]
pub use record::{CsvRecord, Record};
pub use report::{Pattern, StripReport};
pub use rust_decimal::Decimal;
pub use scan::{Segment, Segments, SkipKind, Skipped};
pub use stream::{OwnedSegment, OwnedSkipped, QuoteReader, ReadError, SegmentReader, SegmentRef};
pub use strict::Quotes;
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
