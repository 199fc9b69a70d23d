//! The quote record: one symbol's price and move, as the strip showed it.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::ParseError;
use crate::names::{UnknownName, from_name};
use crate::number::{NumberStyle, StyleDecision};
use crate::strict::Quotes;

/// Which way a quote moved ([rule D](crate::formats#rule-d-direction)).
///
/// ```
/// use tickerstrip::{Direction, parse};
///
/// let quotes = parse("FCCL38.59▼ -0.41 (-0.01%)")?;
/// assert_eq!(quotes[0].direction, Direction::Down);
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Direction {
    /// The price rose.
    Up,
    /// The price fell.
    Down,
    /// The price did not move.
    Unchanged,
}

impl Direction {
    /// The direction a signed amount implies: zero is [`Direction::Unchanged`].
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tickerstrip::Direction;
    ///
    /// assert_eq!(Direction::of(Decimal::new(-41, 2)), Direction::Down);
    /// assert_eq!(Direction::of(Decimal::ZERO), Direction::Unchanged);
    /// ```
    pub fn of(amount: Decimal) -> Direction {
        if amount.is_zero() {
            Direction::Unchanged
        } else if amount.is_sign_negative() {
            Direction::Down
        } else {
            Direction::Up
        }
    }

    /// The name used in JSON and CSV output: `up`, `down` or `unchanged`.
    ///
    /// ```
    /// assert_eq!(tickerstrip::Direction::Unchanged.as_str(), "unchanged");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Unchanged => "unchanged",
        }
    }

    /// The glyph the canonical form shows for this direction: `▲`, `▼` or `►`.
    ///
    /// ```
    /// assert_eq!(tickerstrip::Direction::Up.glyph(), '▲');
    /// ```
    pub fn glyph(self) -> char {
        match self {
            Direction::Up => '▲',
            Direction::Down => '▼',
            Direction::Unchanged => '►',
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Direction {
    type Err = UnknownName;

    /// Reads the name [`Direction::as_str`] gives.
    ///
    /// ```
    /// use tickerstrip::Direction;
    ///
    /// assert_eq!("down".parse(), Ok(Direction::Down));
    /// assert_eq!(Direction::Unchanged.to_string().parse(), Ok(Direction::Unchanged));
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownName`] for any other text.
    fn from_str(name: &str) -> Result<Direction, UnknownName> {
        let all = [Direction::Up, Direction::Down, Direction::Unchanged];
        from_name(&all, Direction::as_str, "direction", name)
    }
}

/// The direction markers a quote showed between its price and its change.
///
/// Rule D takes the word over the glyph; when both are shown and disagree
/// (`No Change ▼`), the validator reports it.
///
/// ```
/// use tickerstrip::{Direction, parse};
///
/// let quotes = parse("HBL 113.00 No Change ▼ 0.00 (0%)")?;
/// assert_eq!(quotes[0].markers.word, Some(Direction::Unchanged));
/// assert_eq!(quotes[0].markers.glyph, Some(Direction::Down));
/// assert_eq!(quotes[0].direction, Direction::Unchanged);
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Markers {
    /// A direction word: `Increased By`, `Decreased By`, `No Change`,
    /// `Unchanged`, `Up`, `Down` or `unch` (any case).
    pub word: Option<Direction>,
    /// A glyph: `▲ △ ▴ ↑ ⬆ 🔺` up, `▼ ▽ ▾ ↓ ⬇ 🔻` down, `►` unchanged.
    pub glyph: Option<Direction>,
}

impl Markers {
    /// Markers of a direction word and a glyph, either perhaps absent.
    pub const fn new(word: Option<Direction>, glyph: Option<Direction>) -> Markers {
        Markers { word, glyph }
    }

    /// The direction the markers say, the word taking precedence.
    ///
    /// ```
    /// use tickerstrip::{Direction, Markers};
    ///
    /// let markers = Markers::new(Some(Direction::Up), Some(Direction::Down));
    /// assert_eq!(markers.direction(), Some(Direction::Up));
    /// assert_eq!(Markers::default().direction(), None);
    /// ```
    pub fn direction(self) -> Option<Direction> {
        self.word.or(self.glyph)
    }
}

/// A magnitude suffix on a price: `k`, `M`, `B`, `T` and their variants
/// (`K`, `m`, `bn`, `Bn`, `tn`, `Tr`).
///
/// ```
/// use tickerstrip::Magnitude;
///
/// let quotes = tickerstrip::parse("btc$71.4k+1.2%")?;
/// assert_eq!(quotes[0].magnitude, Some(Magnitude::Thousand));
/// assert_eq!(quotes[0].price.to_string(), "71400");
/// assert_eq!(quotes[0].shown_price().to_string(), "71.4");
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Magnitude {
    /// `k` or `K`: ×1,000.
    Thousand,
    /// `m` or `M`: ×1,000,000.
    Million,
    /// `B`, `bn` or `Bn`: ×10^9.
    Billion,
    /// `T`, `tn` or `Tr`: ×10^12.
    Trillion,
}

impl Magnitude {
    /// The power of ten it multiplies by.
    ///
    /// ```
    /// assert_eq!(tickerstrip::Magnitude::Million.exponent(), 6);
    /// ```
    pub fn exponent(self) -> u32 {
        match self {
            Magnitude::Thousand => 3,
            Magnitude::Million => 6,
            Magnitude::Billion => 9,
            Magnitude::Trillion => 12,
        }
    }

    /// The suffix the canonical form writes: `k`, `M`, `B` or `T`.
    ///
    /// ```
    /// use tickerstrip::Magnitude;
    ///
    /// assert_eq!(Magnitude::Thousand.suffix(), "k");
    /// assert_eq!(Magnitude::Billion.suffix(), "B");
    /// ```
    pub fn suffix(self) -> &'static str {
        match self {
            Magnitude::Thousand => "k",
            Magnitude::Million => "M",
            Magnitude::Billion => "B",
            Magnitude::Trillion => "T",
        }
    }

    /// `shown` times this magnitude, exactly, with the fewest decimals that
    /// keep it exact (`71.4` thousand is `71400`, `0.0015` thousand `1.5`);
    /// `None` when it does not fit a [`Decimal`].
    ///
    /// ```
    /// use tickerstrip::{Decimal, Magnitude};
    ///
    /// let price = Magnitude::Thousand.apply(Decimal::new(714, 1)).unwrap();
    /// assert_eq!(price.to_string(), "71400");
    /// ```
    pub fn apply(self, shown: Decimal) -> Option<Decimal> {
        let (mantissa, scale, exponent) = (shown.mantissa(), shown.scale(), self.exponent());
        if scale >= exponent {
            return Decimal::try_from_i128_with_scale(mantissa, scale - exponent).ok();
        }
        let factor = 10i128.checked_pow(exponent - scale)?;
        Decimal::try_from_i128_with_scale(mantissa.checked_mul(factor)?, 0).ok()
    }
}

impl fmt::Display for Magnitude {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.suffix())
    }
}

impl FromStr for Magnitude {
    type Err = UnknownName;

    /// Reads the suffix [`Magnitude::suffix`] gives: `k`, `M`, `B` or `T`.
    ///
    /// ```
    /// use tickerstrip::Magnitude;
    ///
    /// assert_eq!("B".parse(), Ok(Magnitude::Billion));
    /// assert!("bn".parse::<Magnitude>().is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownName`] for any other text.
    fn from_str(text: &str) -> Result<Magnitude, UnknownName> {
        let all = [
            Magnitude::Thousand,
            Magnitude::Million,
            Magnitude::Billion,
            Magnitude::Trillion,
        ];
        from_name(&all, Magnitude::suffix, "magnitude", text)
    }
}

/// The currency shown with a price: a sign before it (`€12.50`) or after
/// it (`312,40 €`), or an ISO 4217 code after it (`21,370 EUR`).
///
/// ```
/// use tickerstrip::{Currency, CurrencyCode};
///
/// let quotes = tickerstrip::parse("ABC €12.50 +0.25 (+2.04%)")?;
/// assert_eq!(quotes[0].currency, Some(Currency::Euro));
/// assert_eq!(Currency::Euro.sign(), "€");
///
/// let quotes = tickerstrip::parse("Brent Crude 82.37 USD -1.14 (-1.37%)")?;
/// assert_eq!(quotes[0].currency, CurrencyCode::new("USD").map(Currency::Code));
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Currency {
    /// `$`
    Dollar,
    /// `€`
    Euro,
    /// `£`
    Pound,
    /// `¥`
    Yen,
    /// `₹`
    Rupee,
    /// `₦`
    Naira,
    /// An ISO 4217 code shown after the price.
    Code(CurrencyCode),
}

impl Currency {
    /// Every currency shown by a sign, in the order the signs are tried.
    ///
    /// ```
    /// use tickerstrip::Currency;
    ///
    /// assert_eq!(Currency::ALL.len(), 6);
    /// assert_eq!(Currency::ALL.map(Currency::sign).concat(), "$€£¥₹₦");
    /// ```
    pub const ALL: [Currency; 6] = [
        Currency::Dollar,
        Currency::Euro,
        Currency::Pound,
        Currency::Yen,
        Currency::Rupee,
        Currency::Naira,
    ];

    /// The sign or code as shown.
    ///
    /// ```
    /// let quotes = tickerstrip::parse("ABC £12.50 +0.25 (+2.04%)")?;
    /// assert_eq!(quotes[0].currency.unwrap().sign(), "£");
    /// let quotes = tickerstrip::parse("Halden Foods 18.09 EUR +0.30 (+1.69%)")?;
    /// assert_eq!(quotes[0].currency.unwrap().sign(), "EUR");
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn sign(self) -> &'static str {
        match self {
            Currency::Code(code) => code.as_str(),
            Currency::Dollar => "$",
            Currency::Euro => "€",
            Currency::Pound => "£",
            Currency::Yen => "¥",
            Currency::Rupee => "₹",
            Currency::Naira => "₦",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.sign())
    }
}

impl FromStr for Currency {
    type Err = UnknownName;

    /// Reads a sign or code as [`Currency::sign`] gives it.
    ///
    /// ```
    /// use tickerstrip::{Currency, CurrencyCode};
    ///
    /// assert_eq!("€".parse(), Ok(Currency::Euro));
    /// assert_eq!("KES".parse(), Ok(Currency::Code(CurrencyCode::new("KES").unwrap())));
    /// assert!("€€".parse::<Currency>().is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownName`] for any other text.
    fn from_str(text: &str) -> Result<Currency, UnknownName> {
        match CurrencyCode::new(text) {
            Some(code) => Ok(Currency::Code(code)),
            None => from_name(&Currency::ALL, Currency::sign, "currency", text),
        }
    }
}

/// An ISO 4217 code of a currency in use (`EUR`, `USD`, `KES`), as shown
/// after a price. Codes that are also common English words (`ALL`, `CUP`,
/// `MOP`, `TOP`) are not read as currencies: after a price they are more
/// likely the next quote's symbol.
///
/// ```
/// use tickerstrip::CurrencyCode;
///
/// let euro = CurrencyCode::new("EUR").unwrap();
/// assert_eq!(euro.as_str(), "EUR");
/// assert_eq!(euro.to_string(), "EUR");
/// assert!(CurrencyCode::new("XYZ").is_none());
/// assert!(CurrencyCode::new("eur").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CurrencyCode(u8);

/// The codes [`CurrencyCode`] knows, sorted.
const CURRENCY_CODES: [&str; 151] = [
    "AED", "AFN", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHF", "CLP", "CNY", "COP", "CRC", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN",
    "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
    "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES",
    "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
    "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR",
    "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR",
    "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
    "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND",
    "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST",
    "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

impl CurrencyCode {
    /// The code for `text`, if it is one of the known three-letter codes.
    pub fn new(text: &str) -> Option<CurrencyCode> {
        let index = CURRENCY_CODES.binary_search(&text).ok()?;
        u8::try_from(index).ok().map(CurrencyCode)
    }

    /// The code's three letters.
    pub fn as_str(self) -> &'static str {
        CURRENCY_CODES[usize::from(self.0)]
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CurrencyCode {
    type Err = UnknownName;

    /// Reads one of the known codes ([`CurrencyCode::new`]).
    ///
    /// # Errors
    ///
    /// [`UnknownName`] for any other text.
    fn from_str(text: &str) -> Result<CurrencyCode, UnknownName> {
        CurrencyCode::new(text).ok_or_else(|| UnknownName {
            what: "currency code",
            name: text.to_owned(),
            expected: "an ISO 4217 code such as EUR".to_owned(),
        })
    }
}

/// What labels a quote: a ticker (rule Y) or, where the page shows no
/// ticker, the instrument's name.
///
/// ```
/// use tickerstrip::Label;
///
/// let quotes = tickerstrip::parse("CAC 40 7,388.64 -21.37 (-0.29%)")?;
/// assert_eq!(quotes[0].symbol, "CAC 40");
/// assert_eq!(quotes[0].label, Label::Name);
/// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)")?;
/// assert_eq!(quotes[0].label, Label::Ticker);
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Label {
    /// A ticker: one token of ASCII letters and digits (`AGL`, `KSE100`,
    /// `BRK.B`).
    #[default]
    Ticker,
    /// A name of one to six words, as shown (`CAC 40`, `Münchener Rück`,
    /// `Bank of Lumen`).
    Name,
}

impl Label {
    /// The label kind's name: `ticker` or `name`.
    ///
    /// ```
    /// assert_eq!(tickerstrip::Label::Name.name(), "name");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Label::Ticker => "ticker",
            Label::Name => "name",
        }
    }
}

/// What made the reader believe a quote ([SPEC 9](crate::formats#reading-by-evidence)),
/// strongest first: the order compares strength, so `a <= b` says that
/// `a` is at least as strong as `b`.
///
/// ```
/// use tickerstrip::Evidence;
///
/// let quotes = tickerstrip::parse("NIFTY 22,150.40 +120.25 (+0.55%)")?;
/// assert_eq!(quotes[0].evidence, Evidence::Arithmetic);
/// assert!(Evidence::Arithmetic < Evidence::Markers);
/// assert_eq!("header".parse(), Ok(Evidence::Header));
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Evidence {
    /// The numbers check each other: the percent is the change over the
    /// previous close at the shown rounding (or the plain ratio), or a
    /// previous close the row shows is the price less the change.
    Arithmetic,
    /// A header names the columns the price, change and percent came from.
    Header,
    /// Markers say which number is which: `%` on the percent, a sign or a
    /// direction marker on the change, and a price shown with decimals,
    /// grouping or a currency.
    Markers,
    /// The quote's place in a run of quotes of one shape, one of which is
    /// marked: a strip's unmarked quote (`AGHA 11.870000 0.12`).
    #[default]
    Shape,
}

impl Evidence {
    /// Every level, strongest first.
    ///
    /// ```
    /// use tickerstrip::Evidence;
    ///
    /// assert_eq!(Evidence::ALL.map(Evidence::as_str), ["arithmetic", "header", "markers", "shape"]);
    /// ```
    pub const ALL: [Evidence; 4] = [
        Evidence::Arithmetic,
        Evidence::Header,
        Evidence::Markers,
        Evidence::Shape,
    ];

    /// The level's name in JSON, CSV and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Arithmetic => "arithmetic",
            Evidence::Header => "header",
            Evidence::Markers => "markers",
            Evidence::Shape => "shape",
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Evidence {
    type Err = UnknownName;

    /// Reads the name [`Evidence::as_str`] gives.
    ///
    /// # Errors
    ///
    /// [`UnknownName`] for any other text.
    fn from_str(name: &str) -> Result<Evidence, UnknownName> {
        from_name(&Evidence::ALL, Evidence::as_str, "evidence", name)
    }
}

/// A quote: one instrument's price and move, as a page showed it.
///
/// One struct holds the record's fields for both ownerships:
/// [`Quote`] borrows its text from the input, [`OwnedQuote`] owns it.
/// Equality and hashing see every field, and only the record's fields:
/// a quote and its owned copy are equal.
///
/// `Display` renders the canonical seed form (`AGL40.13▲ 0.12 (0.00%)`),
/// which parses back to a quote that [`QuoteOf::eq_shown`] this one: the
/// same label and name, price, magnitude, currency, direction, change and
/// percent, scales included. Where the quote stood (its span), the
/// evidence that accepted it, the markers and a previous close are not in
/// that text. A quote that a header or its block vouched for (a table row
/// whose price shows no decimals, say) may not read back alone.
///
/// ```
/// use tickerstrip::{AsQuote, Direction, Evidence, OwnedQuote, parse};
///
/// let quotes = parse("AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)")?;
/// let agl = &quotes[0];
/// assert_eq!(agl.symbol, "AGL");
/// assert_eq!(agl.price.to_string(), "40.13");
/// assert_eq!(agl.direction, Direction::Up);
/// assert_eq!(agl.change.unwrap().to_string(), "0.12");
/// assert_eq!(agl.percent.unwrap().to_string(), "0.00");
/// assert_eq!(agl.span, 0..24);
/// assert_eq!(agl.evidence, Evidence::Arithmetic);
/// assert_eq!(agl.to_string(), "AGL40.13▲ 0.12 (0.00%)");
/// assert_eq!(OwnedQuote::from(agl).as_quote().as_ref(), agl);
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct QuoteOf<S> {
    /// The label as displayed: a ticker (`AGL`, `KSE100`, `BRK.B`,
    /// `^GSPC`), a code a page shows in parentheses after a name
    /// (`BLMN`), or a name (`CAC 40`); [`QuoteOf::label`] says which.
    pub symbol: S,
    /// The last price, with the scale the page showed, times its
    /// magnitude suffix if it had one (`71.4k` is `71400`).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub price: Decimal,
    /// Which way the quote moved (rule D).
    pub direction: Direction,
    /// The signed absolute change (rule S), if shown.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub change: Option<Decimal>,
    /// The signed percent change as displayed (never rescaled), if shown.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub percent: Option<Decimal>,
    /// The byte range of the whole quote in the input.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_glue::span"))]
    pub span: Range<usize>,
    /// What made the reader believe it.
    #[cfg_attr(feature = "serde", serde(default))]
    pub evidence: Evidence,
    /// The instrument's name, where the page shows a name and a code for
    /// it (`Bank of Lumen (BLMN)`); the code is the symbol.
    #[cfg_attr(feature = "serde", serde(default))]
    pub name: Option<S>,
    /// Whether the symbol is a ticker or a name.
    #[cfg_attr(feature = "serde", serde(default))]
    pub label: Label,
    /// The currency shown with the price, if any.
    #[cfg_attr(feature = "serde", serde(default))]
    pub currency: Option<Currency>,
    /// The magnitude suffix on the price, if any.
    #[cfg_attr(feature = "serde", serde(default))]
    pub magnitude: Option<Magnitude>,
    /// The decimal places of the price as shown, before its magnitude
    /// suffix (`71.4k` has 1): the precision the validator allows the
    /// price. Without a suffix it is the price's own scale.
    pub shown_scale: u8,
    /// The previous close, when the row shows it.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub previous_close: Option<Decimal>,
    /// The direction markers shown.
    #[cfg_attr(feature = "serde", serde(default))]
    pub markers: Markers,
}

/// A quote borrowed from the input: its symbol and name are slices of the
/// text read. Iterating borrowed quotes allocates nothing; see
/// [`QuoteOf`] for the fields.
pub type Quote<'a> = QuoteOf<&'a str>;

/// A quote that owns its text: for keeping quotes after the input is
/// gone. Parse one from its canonical text with [`FromStr`], view it as a
/// [`Quote`] with [`AsQuote::as_quote`]; see [`QuoteOf`] for the fields.
///
/// ```
/// use tickerstrip::{AsQuote, OwnedQuote};
///
/// let quote: OwnedQuote = "MLCF49.47▲ 0 (0.00%)".parse()?;
/// assert_eq!(quote.symbol, "MLCF");
/// assert_eq!(quote.to_string(), "MLCF49.47▲ 0 (0.00%)");
/// assert_eq!(quote.as_quote().price, quote.price);
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
pub type OwnedQuote = QuoteOf<String>;

impl<S> QuoteOf<S> {
    /// The same quote with its text turned by `text`: the one place that
    /// lists the fields to convert between ownerships.
    fn map_text<'s, T>(&'s self, mut text: impl FnMut(&'s S) -> T) -> QuoteOf<T> {
        QuoteOf {
            symbol: text(&self.symbol),
            price: self.price,
            direction: self.direction,
            change: self.change,
            percent: self.percent,
            span: self.span.clone(),
            evidence: self.evidence,
            name: self.name.as_ref().map(text),
            label: self.label,
            currency: self.currency,
            magnitude: self.magnitude,
            shown_scale: self.shown_scale,
            previous_close: self.previous_close,
            markers: self.markers,
        }
    }

    /// The price as shown, before its magnitude suffix: `71.4` for `71.4k`;
    /// the price itself when there is no suffix.
    ///
    /// ```
    /// let quotes = tickerstrip::parse("btc$71.40k+1.2%")?;
    /// assert_eq!(quotes[0].price.to_string(), "71400");
    /// assert_eq!(quotes[0].shown_price().to_string(), "71.40");
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn shown_price(&self) -> Decimal {
        let Some(magnitude) = self.magnitude else {
            return self.price;
        };
        // price = shown × 10^exponent exactly, so this division is exact.
        let exponent = magnitude.exponent() as i32;
        let shift = i32::from(self.shown_scale) - exponent - self.price.scale() as i32;
        let mantissa = self.price.mantissa();
        let shifted = match u32::try_from(shift) {
            Ok(up) => 10i128.checked_pow(up).and_then(|f| mantissa.checked_mul(f)),
            Err(_) => 10i128
                .checked_pow(shift.unsigned_abs())
                .map(|f| mantissa / f),
        };
        shifted
            .and_then(|m| Decimal::try_from_i128_with_scale(m, u32::from(self.shown_scale)).ok())
            .unwrap_or(self.price)
    }

    /// The previous close the price and change imply, price − change;
    /// `None` without a change (or past a decimal's range).
    pub(crate) fn implied_close(&self) -> Option<Decimal> {
        self.price.checked_sub(self.change?)
    }
}

impl<S: AsRef<str>> QuoteOf<S> {
    /// The quote borrowing its text from this one.
    ///
    /// ```
    /// let owned: tickerstrip::OwnedQuote = "KEL6.34▼ -0.06 (-0.01%)".parse()?;
    /// assert_eq!(owned.as_ref().symbol, "KEL");
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn as_ref(&self) -> Quote<'_> {
        self.map_text(AsRef::as_ref)
    }

    /// Copies the quote into an [`OwnedQuote`].
    ///
    /// ```
    /// let quotes = tickerstrip::parse("KEL6.34▼ -0.06 (-0.01%)")?;
    /// let owned = quotes[0].to_owned_quote();
    /// assert_eq!(owned.symbol, "KEL");
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn to_owned_quote(&self) -> OwnedQuote {
        self.map_text(|text| text.as_ref().to_owned())
    }

    /// Whether two quotes show the same thing: the same label (text,
    /// kind and name), price, magnitude, currency, direction, change and
    /// percent, each decimal with the same scale (`0.1` and `0.10`
    /// differ). Not compared: the span, the evidence, the markers and a
    /// previous close. A quote's `Display` text parses back to a quote
    /// that `eq_shown` it, unless only a header or its block vouched for
    /// it.
    ///
    /// ```
    /// use tickerstrip::OwnedQuote;
    ///
    /// let page = "HBL 113.00 No Change ▼ 0.00 (0%) | KEL6.34▼ -0.06 (-0.01%)";
    /// for quote in tickerstrip::parse(page)? {
    ///     let again: OwnedQuote = quote.to_string().parse()?;
    ///     assert!(quote.eq_shown(&again), "{quote}");
    ///     assert_ne!(quote.span, again.span);
    /// }
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn eq_shown<T: AsRef<str>>(&self, other: &QuoteOf<T>) -> bool {
        let same = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
            (Some(a), Some(b)) => a == b && a.scale() == b.scale(),
            (a, b) => a.is_none() && b.is_none(),
        };
        self.symbol.as_ref() == other.symbol.as_ref()
            && self.name.as_ref().map(AsRef::as_ref) == other.name.as_ref().map(AsRef::as_ref)
            && self.label == other.label
            && same(Some(self.price), Some(other.price))
            && self.shown_scale == other.shown_scale
            && self.magnitude == other.magnitude
            && self.currency == other.currency
            && self.direction == other.direction
            && same(self.change, other.change)
            && same(self.percent, other.percent)
    }
}

/// Writes `price` as shown, grouped by thousands when it shows no
/// decimals and has four digits or more.
fn write_price(f: &mut fmt::Formatter<'_>, price: Decimal) -> fmt::Result {
    let text = price.to_string();
    let digits = text.trim_start_matches('-');
    if price.scale() > 0 || digits.len() < 4 {
        return f.write_str(&text);
    }
    if price.is_sign_negative() {
        f.write_str("-")?;
    }
    for (i, digit) in digits.char_indices() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            f.write_str(",")?;
        }
        write!(f, "{digit}")?;
    }
    Ok(())
}

impl<S: AsRef<str>> fmt::Display for QuoteOf<S> {
    /// The canonical seed form: symbol, price, a glyph for the direction,
    /// the change, the percent in parentheses.
    ///
    /// A symbol with a digit is followed by a space, so that its digits are
    /// not read with the price's (rule G), unless it ends in a letter and a
    /// currency sign stands between them (`c1k$766`): a lowercase symbol is
    /// read only glued to its price, and the letter and the sign keep the
    /// digits apart; a name is
    /// followed by `: `, so
    /// that no ticker reading takes its words or digits for the price
    /// (`CAC 40: 7388.64▼ -21.37 (-0.29%)`); a code shown with a name
    /// follows it in parentheses (`Bank of Lumen (BLMN) 12.40▲ 0.22
    /// (1.81%)`). Signs are written where the glyph would not imply them. A
    /// price of four digits or more without decimals is grouped by
    /// thousands (`6,512`): the grouping shows it is a price.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let symbol = self.symbol.as_ref();
        let digit = |c: char| c.is_ascii_digit();
        // Digits anywhere in a symbol may pair with the price's in another
        // split of glued text (rule G (b)), and a magnitude letter glued to
        // a price joins a glued symbol's token.
        let sign_between = matches!(self.currency, Some(c) if !matches!(c, Currency::Code(_)));
        let apart_by_sign = sign_between && !symbol.ends_with(digit);
        let number_like = symbol.contains(digit) && !apart_by_sign;
        let glued_magnitude = self.magnitude.is_some() && self.currency.is_none();
        if let Some(name) = &self.name {
            write!(f, "{} ({symbol}) ", name.as_ref())?;
        } else if self.label == Label::Name {
            write!(f, "{symbol}: ")?;
        } else if number_like || glued_magnitude {
            write!(f, "{symbol} ")?;
        } else {
            f.write_str(symbol)?;
        }
        match self.currency {
            Some(Currency::Code(_)) | None => {}
            Some(sign) => f.write_str(sign.sign())?,
        }
        write_price(f, self.shown_price())?;
        if let Some(magnitude) = self.magnitude {
            f.write_str(magnitude.suffix())?;
        }
        if let Some(Currency::Code(code)) = self.currency {
            write!(f, " {code}")?;
        }
        write!(f, "{}", self.direction.glyph())?;
        if let Some(change) = self.change {
            f.write_str(" ")?;
            write_signed(f, change, self.direction)?;
        }
        if let Some(percent) = self.percent {
            f.write_str(" (")?;
            write_signed(f, percent, self.direction)?;
            f.write_str("%)")?;
        }
        Ok(())
    }
}

/// Writes `value` with a `+` only where the direction would make it negative.
fn write_signed(f: &mut fmt::Formatter<'_>, value: Decimal, direction: Direction) -> fmt::Result {
    if direction == Direction::Down && value.is_sign_positive() && !value.is_zero() {
        f.write_str("+")?;
    }
    write!(f, "{value}")
}

/// Anything that gives a [`Quote`]: a quote or an owned quote.
/// [`crate::validate`] and [`crate::Validator::validate`] take any.
///
/// ```
/// use tickerstrip::{AsQuote, OwnedQuote};
///
/// let owned: OwnedQuote = "KEL6.34▼ -0.06 (-0.01%)".parse()?;
/// assert_eq!(owned.as_quote().symbol, "KEL");
/// assert_eq!(tickerstrip::validate(&owned), tickerstrip::validate(&*owned.as_quote()));
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
pub trait AsQuote {
    /// The quote, borrowed where it can be.
    fn as_quote(&self) -> Cow<'_, Quote<'_>>;
}

impl AsQuote for Quote<'_> {
    fn as_quote(&self) -> Cow<'_, Quote<'_>> {
        Cow::Borrowed(self)
    }
}

impl AsQuote for Cow<'_, Quote<'_>> {
    fn as_quote(&self) -> Cow<'_, Quote<'_>> {
        Cow::Borrowed(self)
    }
}

impl AsQuote for OwnedQuote {
    fn as_quote(&self) -> Cow<'_, Quote<'_>> {
        Cow::Owned(self.as_ref())
    }
}

impl From<&Quote<'_>> for OwnedQuote {
    fn from(quote: &Quote<'_>) -> OwnedQuote {
        quote.to_owned_quote()
    }
}

impl From<Quote<'_>> for OwnedQuote {
    fn from(quote: Quote<'_>) -> OwnedQuote {
        quote.to_owned_quote()
    }
}

impl FromStr for OwnedQuote {
    type Err = ParseError;

    /// Parses exactly one quote, in any format [`crate::parse`] reads.
    ///
    /// # Errors
    ///
    /// The errors of [`crate::parse`], and an error when the text holds
    /// more than one quote (`"AGL40.13▲ 0.12 (0.00%)BOP10.34▲ 0.22 (0.02%)"`).
    fn from_str(text: &str) -> Result<OwnedQuote, ParseError> {
        let decision = StyleDecision::resolve(NumberStyle::Auto, text.as_bytes());
        let engine = crate::engine::Engine::new(decision.style, None, Evidence::Shape);
        Quotes::new(text, decision, engine)
            .only()
            .map(OwnedQuote::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_prices_are_grouped_so_they_read_back_as_prices() {
        let page = "Lisboa 17:35\n6.512 +0,84%";
        let quotes = crate::ParseOptions::new()
            .number_style(crate::NumberStyle::Comma)
            .parse(page)
            .expect("a quote");
        let text = quotes[0].to_string();
        assert_eq!(text, "Lisboa6,512▲ (0.84%)");
        let again: OwnedQuote = text.parse().expect("reads back");
        assert!(quotes[0].eq_shown(&again), "{text}");
        let small: OwnedQuote = "KEL812▼ -0.06 (-0.01%)".parse().expect("a quote");
        assert_eq!(small.to_string(), "KEL812▼ -0.06 (-0.01%)");
    }
}
