//! Records: a quote and its findings as one flat record, the schema the
//! command-line tool writes as JSON lines and CSV (feature `serde`), its
//! fields those of [`Field::ALL`].

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::field::{Field, FieldValue};
use crate::finding::Findings;
use crate::quote::Quote;
use rust_decimal::Decimal;

/// A quote with its findings, and optionally the name of the input it came
/// from, as one flat record.
///
/// Serialized (with `serde_json`, say), its fields are those of
/// [`Field::ALL`], in that order, then `file` if the record names its
/// input ([`Record::with_file`]):
///
/// - decimals (`price`, `change`, `percent`, `previous_close`) are strings
///   that keep the scale shown (`"40.13"`, `"0.00"`), the price with its
///   magnitude applied;
/// - `span` is `[start, end]`, the quote's byte range in its input;
/// - `findings` lists the finding kinds' names in order;
/// - what the page did not show is `null`.
///
/// [`Record::csv`] gives the same record for CSV, where each field is one
/// column. `schema/record.schema.json` describes the JSON form.
///
/// ```
/// use tickerstrip::{Record, validate};
///
/// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%) btc$71.4k +1200 (+1.71%)")?;
/// let json = serde_json::to_string(&Record::new(&quotes[0], validate(&quotes[0])))?;
/// assert_eq!(
///     json,
///     r#"{"symbol":"AGL","price":"40.13","direction":"up","change":"0.12","percent":"0.00","span":[0,24],"findings":["percent-is-fraction"],"evidence":"arithmetic","name":null,"label":"ticker","currency":null,"magnitude":null,"previous_close":null}"#
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
    ///     "symbol,price,direction,change,percent,span_start,span_end,findings,evidence,name,label,currency,magnitude,previous_close\n\
    ///      FCCL,38.59,up,-0.41,-0.01,0,27,percent-is-fraction;direction-mismatch,arithmetic,,ticker,,,\n"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn csv(&self) -> CsvRecord<'_> {
        CsvRecord(self)
    }

    /// How many fields it has: [`Field::ALL`], the span as one field or
    /// two, and the file if named.
    fn len(&self, split_span: bool) -> usize {
        Field::ALL.len() + usize::from(split_span) + usize::from(self.file.is_some())
    }

    /// Writes the record's fields in [`Field::ALL`]'s order, each value
    /// as JSON shows it, or for CSV (`csv`: the span as two columns, the
    /// findings joined).
    fn write<S: SerializeStruct>(&self, out: &mut S, csv: bool) -> Result<(), S::Error> {
        for field in Field::ALL {
            let name = field.name();
            match field.value(self.quote, self.findings) {
                FieldValue::Text(text) => out.serialize_field(name, &text)?,
                FieldValue::Decimal(value) => out.serialize_field(name, &value.map(Shown))?,
                FieldValue::Span(span) if csv => {
                    out.serialize_field("span_start", &span.start)?;
                    out.serialize_field("span_end", &span.end)?;
                }
                FieldValue::Span(span) => out.serialize_field(name, &[span.start, span.end])?,
                FieldValue::Findings(findings) if csv => {
                    out.serialize_field(name, &Joined(findings))?
                }
                FieldValue::Findings(findings) => out.serialize_field(name, &findings)?,
            }
        }
        if let Some(file) = self.file {
            out.serialize_field("file", file)?;
        }
        Ok(())
    }
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Record", self.len(false))?;
        self.write(&mut out, false)?;
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
        record.write(&mut out, true)?;
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
