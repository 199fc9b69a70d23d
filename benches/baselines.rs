//! What the throughput bench measures the parser against: code a competent
//! user would write for the seed strip's shape alone, instead of this crate.
//!
//! SPEC 7 asks for two baselines. [`RegexBaseline`] is the fair regex: its
//! pattern is greedy and ASCII, because a lazy symbol class or a Unicode
//! `\s*` makes `regex` several times slower and so flatters the parser.
//! [`HandScanner`] is the ceiling: a minimal byte scanner that knows
//! nothing but the seed shape and builds decimals from an integer mantissa
//! and a scale. Both build the same fields ([`SeedQuote`]) and neither
//! allocates per quote.

// Cargo also builds this file as a bench target of its own, where nothing
// in it is used.
#![allow(dead_code)]

use std::str::FromStr;

use regex::Regex;
use tickerstrip::{Decimal, Direction, Quote};

/// One seed-shape quote (`AGL40.13▲ 0.12 (0.00%)`): the fields both
/// baselines build, so their cost is comparable to the parser's.
#[derive(Debug, Clone, Copy)]
pub struct SeedQuote<'a> {
    /// The ticker, borrowed from the input.
    pub symbol: &'a str,
    /// The last price.
    pub price: Decimal,
    /// The glyph's direction: `▲` up, `▼` down.
    pub direction: Direction,
    /// The signed change.
    pub change: Decimal,
    /// The signed percent change.
    pub percent: Decimal,
}

impl<'a> SeedQuote<'a> {
    /// The same fields read off a quote of this crate, for the agreement
    /// check; `None` when the quote lacks a change or a percent, which no
    /// seed-shape quote does.
    pub fn of(quote: &Quote<'a>) -> Option<SeedQuote<'a>> {
        Some(SeedQuote {
            symbol: quote.symbol,
            price: quote.price,
            direction: quote.direction,
            change: quote.change?,
            percent: quote.percent?,
        })
    }

    /// Whether both quotes hold the same fields, each decimal with the same
    /// value *and* scale: `0.1` and `0.10` are equal decimals but not the
    /// same field, and a baseline that dropped a trailing zero would be
    /// doing less work than the parser.
    pub fn same_as(&self, other: &SeedQuote<'_>) -> bool {
        let exact = |a: Decimal, b: Decimal| a == b && a.scale() == b.scale();
        self.symbol == other.symbol
            && self.direction == other.direction
            && exact(self.price, other.price)
            && exact(self.change, other.change)
            && exact(self.percent, other.percent)
    }
}

/// SPEC 7's regex baseline pattern, verbatim.
pub const SPEC_PATTERN: &str = r"([A-Z]+)(\d+\.\d+)([▲▼]) (-?\d+(?:\.\d+)?) \((-?\d+\.\d+)%\)";

/// The fair regex baseline: SPEC 7's greedy pattern with ASCII digits,
/// `captures_iter`, and `Decimal::from_str` on each number's capture.
pub struct RegexBaseline(Regex);

impl RegexBaseline {
    /// Compiles [`SPEC_PATTERN`] with each `\d` made ASCII (`[0-9]`).
    ///
    /// Turning Unicode off for the whole pattern is not an option: `regex`
    /// rejects the non-ASCII glyphs of the `[▲▼]` class without it. And a
    /// Unicode `\d` would also match Arabic-Indic and other digits, which
    /// `Decimal::from_str` then refuses, so ASCII is what a user means.
    pub fn new() -> RegexBaseline {
        let pattern = SPEC_PATTERN.replace(r"\d", "[0-9]");
        RegexBaseline(Regex::new(&pattern).expect("SPEC 7's pattern compiles"))
    }

    /// The quotes in `text`, in order.
    pub fn quotes<'t>(&self, text: &'t str) -> impl Iterator<Item = SeedQuote<'t>> {
        self.0.captures_iter(text).map(|captures| {
            let text_of = |i: usize| captures.get(i).expect("every group takes part").as_str();
            let decimal = |i: usize| {
                Decimal::from_str(text_of(i)).expect("the pattern's numbers are decimals")
            };
            SeedQuote {
                symbol: text_of(1),
                price: decimal(2),
                direction: if text_of(3) == "▲" {
                    Direction::Up
                } else {
                    Direction::Down
                },
                change: decimal(4),
                percent: decimal(5),
            }
        })
    }

    /// How many quotes `text` holds, each built in full and handed to
    /// `black_box` so none of the work is optimised away.
    pub fn count(&self, text: &str) -> usize {
        let mut count = 0;
        for quote in self.quotes(text) {
            std::hint::black_box(quote);
            count += 1;
        }
        count
    }
}

impl Default for RegexBaseline {
    fn default() -> RegexBaseline {
        RegexBaseline::new()
    }
}

/// The ceiling: a hand-written scanner for the seed shape alone.
///
/// It reads `SYMBOL PRICE GLYPH ␠ CHANGE ␠( PERCENT %)` with no gaps but
/// the two single spaces, as the regex does: uppercase ASCII letters, a
/// price with a fraction, `▲` or `▼`, a change with an optional `-` and an
/// optional fraction, a percent with an optional `-` and a fraction. Where
/// a quote does not match it moves one byte on and tries again, like a
/// regex search. It never allocates.
pub struct HandScanner<'t> {
    /// The input.
    text: &'t str,
    /// Where the next quote may start.
    at: usize,
}

impl<'t> HandScanner<'t> {
    /// A scanner over `text`, from its start.
    pub fn new(text: &'t str) -> HandScanner<'t> {
        HandScanner { text, at: 0 }
    }

    /// How many quotes `text` holds, each built in full and handed to
    /// `black_box` so none of the work is optimised away.
    pub fn count(text: &str) -> usize {
        let mut count = 0;
        for quote in HandScanner::new(text) {
            std::hint::black_box(quote);
            count += 1;
        }
        count
    }
}

impl<'t> Iterator for HandScanner<'t> {
    type Item = SeedQuote<'t>;

    fn next(&mut self) -> Option<SeedQuote<'t>> {
        while self.at < self.text.len() {
            if let Some((quote, end)) = quote_at(self.text, self.at) {
                self.at = end;
                return Some(quote);
            }
            self.at += 1;
        }
        None
    }
}

/// The seed-shape quote starting at byte `start`, and where it ends.
fn quote_at(text: &str, start: usize) -> Option<(SeedQuote<'_>, usize)> {
    let bytes = text.as_bytes();
    let at = uppercase_end(bytes, start);
    if at == start {
        return None;
    }
    // An ASCII run starts and ends on character boundaries.
    let symbol = &text[start..at];
    let (price, at) = number(bytes, at, PRICE)?;
    let (direction, at) = glyph(bytes, at)?;
    let at = literal(bytes, at, b" ")?;
    let (change, at) = number(bytes, at, CHANGE)?;
    let at = literal(bytes, at, b" (")?;
    let (percent, at) = number(bytes, at, PERCENT)?;
    let at = literal(bytes, at, b"%)")?;
    let quote = SeedQuote {
        symbol,
        price,
        direction,
        change,
        percent,
    };
    Some((quote, at))
}

/// The end of the run of uppercase ASCII letters at `at` (`at` if none).
fn uppercase_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_uppercase) {
        at += 1;
    }
    at
}

/// The direction glyph at `at` and where it ends: `▲` is `E2 96 B2` in
/// UTF-8 and `▼` is `E2 96 BC`, so three bytes decide it.
fn glyph(bytes: &[u8], at: usize) -> Option<(Direction, usize)> {
    match bytes.get(at..at + 3)? {
        [0xE2, 0x96, 0xB2] => Some((Direction::Up, at + 3)),
        [0xE2, 0x96, 0xBC] => Some((Direction::Down, at + 3)),
        _ => None,
    }
}

/// Where `expected` ends if the bytes at `at` are exactly it.
fn literal(bytes: &[u8], at: usize, expected: &[u8]) -> Option<usize> {
    let end = at + expected.len();
    (bytes.get(at..end)? == expected).then_some(end)
}

/// What a number of the seed shape may show.
#[derive(Clone, Copy)]
struct Shape {
    /// A leading `-` is allowed.
    signed: bool,
    /// The `.` and fraction digits may be left out.
    fraction_optional: bool,
}

/// A price: `40.13`.
const PRICE: Shape = Shape {
    signed: false,
    fraction_optional: false,
};

/// A change: `-0.41`, or a whole `3`.
const CHANGE: Shape = Shape {
    signed: true,
    fraction_optional: true,
};

/// A percent: `-0.01`.
const PERCENT: Shape = Shape {
    signed: true,
    fraction_optional: false,
};

/// More digits than any seed number has, and few enough that the mantissa
/// fits an `i64` and the scale stays within `Decimal`'s 28 without checked
/// arithmetic in the loop.
const MAX_DIGITS: usize = 18;

/// The number of `shape` at `at`, built as `Decimal::new(mantissa, scale)`,
/// and where it ends.
fn number(bytes: &[u8], mut at: usize, shape: Shape) -> Option<(Decimal, usize)> {
    let negative = shape.signed && bytes.get(at) == Some(&b'-');
    if negative {
        at += 1;
    }
    let first = at;
    let (mut mantissa, mut end) = digits(bytes, at, 0)?;
    let mut scale = 0;
    // Like the regex's `(?:\.\d+)`, a `.` counts only with a digit after it.
    if bytes.get(end) == Some(&b'.') {
        if let Some((fraction, fraction_end)) = digits(bytes, end + 1, mantissa) {
            scale = fraction_end - (end + 1);
            mantissa = fraction;
            end = fraction_end;
        }
    }
    if scale == 0 && !shape.fraction_optional {
        return None;
    }
    if end - first - usize::from(scale > 0) > MAX_DIGITS {
        return None;
    }
    let mantissa = if negative { -mantissa } else { mantissa };
    Some((Decimal::new(mantissa, scale as u32), end))
}

/// The run of one or more ASCII digits at `at` appended to `mantissa`, and
/// where the run ends; `None` without a digit. The value wraps past
/// [`MAX_DIGITS`] digits, and [`number`] then refuses it.
fn digits(bytes: &[u8], mut at: usize, mut mantissa: i64) -> Option<(i64, usize)> {
    let start = at;
    while let Some(&byte) = bytes.get(at).filter(|byte| byte.is_ascii_digit()) {
        mantissa = mantissa
            .wrapping_mul(10)
            .wrapping_add(i64::from(byte - b'0'));
        at += 1;
    }
    (at > start).then_some((mantissa, at))
}

/// Checks that both baselines read the same quotes as this crate's strict
/// parser on a seed-shape `text`, field by field, and panics at the first
/// difference: a faster baseline that reads less would not be a baseline.
pub fn check_agreement(text: &str) {
    let regex = RegexBaseline::new();
    let mut parsed = tickerstrip::quotes(text);
    let mut by_regex = regex.quotes(text);
    let mut scanned = HandScanner::new(text);
    for index in 0.. {
        let quote = parsed.next().map(|quote| quote.expect("a seed quote"));
        let expected = quote
            .as_ref()
            .map(|quote| SeedQuote::of(quote).expect("a seed quote shows its change and percent"));
        let (from_regex, from_scanner) = (by_regex.next(), scanned.next());
        let agree = |found: Option<SeedQuote<'_>>| match (expected, found) {
            (Some(expected), Some(found)) => expected.same_as(&found),
            (None, None) => true,
            _ => false,
        };
        assert!(
            agree(from_regex),
            "quote {index}: tickerstrip read {expected:?}, the regex {from_regex:?}"
        );
        assert!(
            agree(from_scanner),
            "quote {index}: tickerstrip read {expected:?}, the hand scanner {from_scanner:?}"
        );
        if expected.is_none() {
            break;
        }
    }
}
