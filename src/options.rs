//! Parse options and the entry points that take them.

use crate::quote::Quote;
use std::collections::HashSet;
use std::sync::Arc;

use crate::error::ParseError;
use crate::grammar::{Grammar, Mode};
use crate::number::{NumberStyle, StyleDecision};
use crate::scanner::Segments;
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
    /// Whether table headers are ignored.
    no_tables: bool,
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

    /// Sets whether tables are read by their headers (the default). A
    /// header is a row of at least two labels such as `Name`, `Last`,
    /// `Chg %` (in English, German, French, Spanish, Italian, Portuguese
    /// or Polish); it says which column of the rows below it holds the
    /// price, the change and the percent. Without table reading, rows are
    /// read like any other line, and a row with numbers that its quote
    /// does not explain gives none.
    ///
    /// ```
    /// use tickerstrip::ParseOptions;
    ///
    /// let table = "| Name | Prev. Close | Last | Chg % |\n\
    ///              | Alpha Steel | 47.60 | 47.90 | +0.63% |";
    /// let quotes = |options: ParseOptions| {
    ///     options.scan(table).filter_map(|s| s.as_quote().map(|q| q.price.to_string())).collect::<Vec<_>>()
    /// };
    /// assert_eq!(quotes(ParseOptions::new()), ["47.90"]);
    /// assert!(quotes(ParseOptions::new().tables(false)).is_empty());
    /// ```
    pub fn tables(mut self, read: bool) -> ParseOptions {
        self.no_tables = !read;
        self
    }

    /// The grammar for `text` in `mode`, with the number style decided.
    pub(crate) fn grammar(&self, mode: Mode, text: &str) -> (Grammar, StyleDecision) {
        let (mut grammar, decision) = Grammar::for_text(
            mode,
            self.number_style,
            self.symbols.clone(),
            text.as_bytes(),
        );
        grammar.tables = !self.no_tables;
        (grammar, decision)
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
        let (grammar, decision) = self.grammar(Mode::Strict, text);
        Quotes::new(text, grammar, decision)
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
        let (grammar, decision) = self.grammar(Mode::Scan, text);
        Segments::new(text, grammar, decision)
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
        let grammar = Grammar {
            symbols: self.symbols.clone(),
            tables: !self.no_tables,
            ..Grammar::new(Mode::Scan)
        };
        SegmentReader::new(reader, grammar, self.number_style)
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
        let grammar = Grammar {
            symbols: self.symbols.clone(),
            tables: !self.no_tables,
            ..Grammar::new(Mode::Strict)
        };
        QuoteReader::new(reader, grammar, self.number_style)
    }
}
