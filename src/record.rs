//! Records: a quote and its findings as one flat record, the schema the
//! command-line tool writes as JSON lines and CSV (feature `serde`).

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::finding::Findings;
use crate::quote::Quote;
use rust_decimal::Decimal;

/// A quote with its findings, and optionally the name of the input it came
/// from, as one flat record.
///
/// Serialized (with `serde_json`, say), its fields come in this order:
///
/// | field | value |
/// |---|---|
/// | `symbol` | the label as shown: a ticker or a name |
/// | `price` | a decimal string that keeps the scale shown (`"40.13"`), the magnitude applied |
/// | `direction` | `up`, `down` or `unchanged` |
/// | `change` | a decimal string, or `null` when not shown |
/// | `percent` | a decimal string as shown, or `null` |
/// | `span` | `[start, end]`, the quote's byte range in its input |
/// | `findings` | the finding kinds' names, in order (`["percent-is-fraction"]`) |
/// | `label` | `ticker` or `name` |
/// | `currency` | the sign or code shown with the price (`"$"`, `"EUR"`), or `null` |
/// | `magnitude` | the suffix on the price (`k`, `M`, `B`, `T`), or `null` |
/// | `previous_close` | a decimal string when a table row shows one, or `null` |
/// | `file` | the input's name; only in records given one ([`Record::with_file`]) |
///
/// These names and values are those of [`Quote`]'s own serialized form.
/// [`Record::csv`] gives the same record for CSV, where each field is one
/// column.
///
/// ```
/// use tickerstrip::{Record, validate};
///
/// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%) btc$71.4k +1200 (+1.71%)")?;
/// let json = serde_json::to_string(&Record::new(&quotes[0], validate(&quotes[0])))?;
/// assert_eq!(
///     json,
///     r#"{"symbol":"AGL","price":"40.13","direction":"up","change":"0.12","percent":"0.00","span":[0,24],"findings":["percent-is-fraction"],"label":"ticker","currency":null,"magnitude":null,"previous_close":null}"#
/// );
/// let btc = Record::new(&quotes[1], validate(&quotes[1])).with_file("crypto.txt");
/// let json: serde_json::Value = serde_json::to_value(&btc)?;
/// assert_eq!((json["price"].as_str(), json["magnitude"].as_str()), (Some("71400"), Some("k")));
/// assert_eq!((json["currency"].as_str(), json["file"].as_str()), (Some("$"), Some("crypto.txt")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct Record<'r> {
    quote: &'r Quote<'r>,
    findings: Findings,
    file: Option<&'r str>,
}

impl<'r> Record<'r> {
    /// The record of `quote` and its `findings`.
    pub fn new(quote: &'r Quote<'r>, findings: Findings) -> Record<'r> {
        Record {
            quote,
            findings,
            file: None,
        }
    }

    /// The record with a `file` field last, naming the input it came from.
    pub fn with_file(self, file: &'r str) -> Record<'r> {
        Record {
            file: Some(file),
            ..self
        }
    }

    /// The record for CSV: the same fields, each one column, with `span`
    /// as `span_start` and `span_end` and the findings joined by `;`.
    ///
    /// ```
    /// use tickerstrip::{Record, validate};
    ///
    /// let quotes = tickerstrip::parse("FCCL38.59▲ -0.41 (-0.01%)")?;
    /// let mut csv = csv::Writer::from_writer(Vec::new());
    /// csv.serialize(Record::new(&quotes[0], validate(&quotes[0])).csv())?;
    /// let text = String::from_utf8(csv.into_inner()?)?;
    /// assert_eq!(
    ///     text,
    ///     "symbol,price,direction,change,percent,span_start,span_end,findings,label,currency,magnitude,previous_close\n\
    ///      FCCL,38.59,up,-0.41,-0.01,0,27,percent-is-fraction;direction-mismatch,ticker,,,\n"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn csv(&self) -> CsvRecord<'_> {
        CsvRecord(self)
    }

    /// The fields every form starts with, up to `direction`.
    fn head<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
        let quote = self.quote;
        out.serialize_field("symbol", quote.symbol)?;
        out.serialize_field("price", &Shown(quote.price))?;
        out.serialize_field("direction", &quote.direction)?;
        out.serialize_field("change", &quote.change.map(Shown))?;
        out.serialize_field("percent", &quote.percent.map(Shown))
    }

    /// The fields every form ends with, after `findings`.
    fn tail<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
        let quote = self.quote;
        out.serialize_field("evidence", &quote.evidence)?;
        out.serialize_field("name", &quote.name)?;
        out.serialize_field("label", &quote.label)?;
        out.serialize_field("currency", &quote.currency)?;
        out.serialize_field("magnitude", &quote.magnitude)?;
        out.serialize_field("previous_close", &quote.previous_close.map(Shown))?;
        if let Some(file) = self.file {
            out.serialize_field("file", file)?;
        }
        Ok(())
    }

    /// How many fields it has.
    fn len(&self, split_span: bool) -> usize {
        13 + usize::from(split_span) + usize::from(self.file.is_some())
    }
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Record", self.len(false))?;
        self.head(&mut out)?;
        let span = &self.quote.span;
        out.serialize_field("span", &[span.start, span.end])?;
        out.serialize_field("findings", &self.findings)?;
        self.tail(&mut out)?;
        out.end()
    }
}

/// A [`Record`] in its CSV form: see [`Record::csv`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct CsvRecord<'a>(&'a Record<'a>);

impl Serialize for CsvRecord<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let record = self.0;
        let mut out = serializer.serialize_struct("Record", record.len(true))?;
        record.head(&mut out)?;
        out.serialize_field("span_start", &record.quote.span.start)?;
        out.serialize_field("span_end", &record.quote.span.end)?;
        out.serialize_field("findings", &Joined(record.findings))?;
        record.tail(&mut out)?;
        out.end()
    }
}

/// A decimal written as the string it shows, its scale kept.
struct Shown(Decimal);

impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// Findings' kinds joined by `;`, as one CSV field.
struct Joined(Findings);

impl fmt::Display for Joined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, kind) in self.0.kinds().enumerate() {
            if i > 0 {
                f.write_str(";")?;
            }
            f.write_str(kind.as_str())?;
        }
        Ok(())
    }
}

impl Serialize for Joined {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
