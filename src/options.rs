//! Parse options and the entry points that take them.

use crate::quote::Quote;
use std::collections::HashSet;
use std::sync::Arc;

use crate::engine::Engine;
use crate::error::ParseError;
use crate::number::{NumberStyle, StyleDecision};
use crate::quote::Evidence;
use crate::scan::{Scanner, Segments};
use crate::stream::{QuoteReader, SegmentReader};
use crate::strict::Quotes;

/// Options for reading a strip; the entry points [`parse`](ParseOptions::parse),
/// [`quotes`](ParseOptions::quotes) and [`scan`](ParseOptions::scan) take them.
///
/// `ParseOptions::default()` decides the number style per input
/// ([`NumberStyle::Auto`]) and knows no symbols.
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
pub struct ParseOptions {
    number_style: NumberStyle,
    symbols: Option<Arc<HashSet<String>>>,
    min_evidence: Evidence,
}

impl ParseOptions {
    /// The default options.
    ///
    /// ```
    /// let strip = "AGL40.13▲ 0.12 (0.00%)";
    /// assert_eq!(tickerstrip::ParseOptions::new().parse(strip)?, tickerstrip::parse(strip)?);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn new() -> ParseOptions {
        ParseOptions::default()
    }

    /// Sets how numbers are written: [`NumberStyle::Auto`] (the default)
    /// decides per input, see [`StyleDecision`].
    ///
    /// ```
    /// use tickerstrip::{NumberStyle, ParseOptions};
    ///
    /// // Read as dot decimals, a comma-decimal strip gives no misread quote.
    /// let dot = ParseOptions::new().number_style(NumberStyle::Dot);
    /// assert!(dot.parse("AEX 912,05 +4,61 (+0,51 %)").is_err());
    /// assert_eq!(dot.scan("AEX 912,05 +4,61 (+0,51 %)").filter(|s| s.as_quote().is_some()).count(), 0);
    /// ```
    pub fn number_style(mut self, style: NumberStyle) -> ParseOptions {
        self.number_style = style;
        self
    }

    /// Sets the symbols the caller knows. They decide how glued letters
    /// and digits split into symbol and price before any other rule (rule
    /// G (c)): the longest listed symbol that a price follows wins.
    ///
    /// ```
    /// use tickerstrip::ParseOptions;
    ///
    /// let strip = "N22538,823.91 -123.02 -0.32%";
    /// assert!(tickerstrip::parse(strip).is_err()); // N22, N225 or N2253?
    /// let quotes = ParseOptions::new().symbols(["N225"]).parse(strip)?;
    /// assert_eq!((quotes[0].symbol, quotes[0].price.to_string().as_str()), ("N225", "38823.91"));
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn symbols<I, S>(mut self, symbols: I) -> ParseOptions
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let symbols: HashSet<String> = symbols.into_iter().map(Into::into).collect();
        self.symbols = (!symbols.is_empty()).then(|| Arc::new(symbols));
        self
    }

    /// Keeps only quotes whose evidence is at least `level`
    /// ([`Evidence`]): [`Evidence::Arithmetic`] keeps the quotes whose
    /// numbers check each other. The default, [`Evidence::Shape`], keeps
    /// every quote. Text a quote left out would have held is skipped text
    /// in a scan, and an error in strict reading.
    ///
    /// ```
    /// use tickerstrip::{Evidence, ParseOptions};
    ///
    /// let strip = "NIFTY 22,150.40 +120.25 (+0.55%) | KQ4.12+6.74%";
    /// let all = ParseOptions::new().scan(strip).filter(|s| s.as_quote().is_some()).count();
    /// let checked = ParseOptions::new().min_evidence(Evidence::Arithmetic);
    /// let kept: Vec<_> = checked.scan(strip).filter_map(|s| s.as_quote().map(|q| q.symbol)).collect();
    /// assert_eq!((all, kept), (2, vec!["NIFTY"]));
    /// ```
    pub fn min_evidence(mut self, level: Evidence) -> ParseOptions {
        self.min_evidence = level;
        self
    }

    /// The engine for input whose number style is `style`.
    pub(crate) fn engine(&self, style: NumberStyle) -> Engine {
        Engine::new(style, self.symbols.clone(), self.min_evidence)
    }

    /// The number style `text` is read in.
    pub(crate) fn decide(&self, text: &str) -> StyleDecision {
        StyleDecision::resolve(self.number_style, text.as_bytes())
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
    /// change), `"X 1.2.3 +1%"` (a malformed number), and an empty
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
        let decision = self.decide(text);
        Quotes::new(text, decision, self.engine(decision.style))
    }

    /// Finds the quotes in page text, yielding every byte as part of a
    /// quote or of skipped text ([scan mode](crate::formats#strict-mode-and-scan-mode)).
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
        let decision = self.decide(text);
        Segments::new(text, Scanner::new(self.engine(decision.style)), decision)
    }

    /// Scans a stream: [`ParseOptions::scan`] over any [`std::io::Read`],
    /// yielding owned segments while holding a bounded part of the input.
    /// It yields exactly what [`ParseOptions::scan`] yields on the whole input.
    ///
    /// The input is bytes: a sequence that is not UTF-8 is skipped text of
    /// kind [`crate::SkipKind::InvalidUtf8`], and the scan finds the quotes
    /// around it as if it were a separator, so one bad byte loses nothing
    /// else.
    ///
    /// ```
    /// use tickerstrip::{OwnedSegment, ParseOptions};
    ///
    /// let file = std::fs::File::open("tests/data/conformance/seed-page.txt")?;
    /// let quotes = ParseOptions::new()
    ///     .scan_reader(std::io::BufReader::new(file))
    ///     .filter(|segment| matches!(segment, Ok(OwnedSegment::Quote(_))))
    ///     .count();
    /// assert_eq!(quotes, 30);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Each item is an [`std::io::Error`] when reading fails; the reader
    /// stops after an error.
    pub fn scan_reader<R: std::io::Read>(&self, reader: R) -> SegmentReader<R> {
        let scanner = Scanner::new(self.engine(NumberStyle::Dot));
        SegmentReader::new(reader, scanner, self.number_style)
    }

    /// Parses a strip from a stream: [`ParseOptions::quotes`] over any
    /// [`std::io::Read`], yielding owned quotes while holding a bounded part
    /// of the input.
    ///
    /// ```
    /// let strip = "KQ4.12+6.74%EQTY41.30+2.15%".as_bytes();
    /// let quotes: Vec<_> = tickerstrip::ParseOptions::new().quote_reader(strip).collect();
    /// assert_eq!(quotes.len(), 2);
    /// ```
    ///
    /// # Errors
    ///
    /// Items are [`crate::ReadError::Parse`] for text that is not a quote (reading
    /// carries on after it, as [`ParseOptions::quotes`] does), and
    /// [`crate::ReadError::Io`] when reading fails, after which the reader
    /// stops. Bytes that are not UTF-8 are a parse error of kind
    /// [`crate::ErrorKind::InvalidUtf8`], and reading carries on after them.
    pub fn quote_reader<R: std::io::Read>(&self, reader: R) -> QuoteReader<R> {
        QuoteReader::new(reader, self.engine(NumberStyle::Dot), self.number_style)
    }
}
