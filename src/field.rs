//! The fields of a quote's record: the one list every output follows.
//!
//! JSON lines and CSV ([`Record`](crate::Record)), the JSON schema in
//! `schema/record.schema.json`, the Python package's records and its
//! Arrow columns all write [`Field::ALL`] in its order, each field's
//! value taken by [`Field::value`]. A field added here reaches every
//! output, and each one's `match` on [`FieldValue`] says how it is written.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::finding::Findings;
use crate::quote::QuoteOf;

/// A field of a quote's record.
///
/// ```
/// use tickerstrip::Field;
///
/// let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
/// assert_eq!(names[..5], ["symbol", "price", "direction", "change", "percent"]);
/// assert!(names.contains(&"evidence"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// The label as shown: a ticker or a name.
    Symbol,
    /// The last price, its scale as shown, its magnitude applied.
    Price,
    /// `up`, `down` or `unchanged`.
    Direction,
    /// The signed change, when shown.
    Change,
    /// The signed percent as shown, when shown.
    Percent,
    /// The quote's byte range in its input.
    Span,
    /// The kinds of what the validator found.
    Findings,
    /// What made the reader believe the quote: `arithmetic`, `header`,
    /// `markers` or `shape`.
    Evidence,
    /// The instrument's name, where the page shows a name and a code.
    Name,
    /// `ticker` or `name`: what the symbol is.
    Label,
    /// The currency sign or code shown with the price.
    Currency,
    /// The magnitude suffix on the price.
    Magnitude,
    /// The previous close, when the row shows one.
    PreviousClose,
}

/// The kind of value a field holds: which [`FieldValue`] it gives.
///
/// ```
/// use tickerstrip::{Field, FieldKind};
///
/// assert_eq!(Field::Price.kind(), FieldKind::Decimal);
/// assert_eq!(FieldKind::Decimal.as_str(), "decimal");
/// ```
///
/// The kinds are closed, as [`FieldValue`]'s variants are: code that
/// writes records matches on them all, so a kind added is a change it
/// must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// Text, or nothing shown: [`FieldValue::Text`].
    Text,
    /// A decimal with the scale shown, or nothing shown:
    /// [`FieldValue::Decimal`].
    Decimal,
    /// A byte range: [`FieldValue::Span`].
    Span,
    /// The validator's findings: [`FieldValue::Findings`].
    Findings,
}

impl FieldKind {
    /// The kind's name: `text`, `decimal`, `span` or `findings`.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Decimal => "decimal",
            FieldKind::Span => "span",
            FieldKind::Findings => "findings",
        }
    }
}

/// A field's value in a record, as the outputs write it.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue<'q> {
    /// Text, or nothing shown.
    Text(Option<&'q str>),
    /// A decimal with the scale shown, or nothing shown.
    Decimal(Option<Decimal>),
    /// A byte range.
    Span(Range<usize>),
    /// The validator's findings.
    Findings(Findings),
}

impl Field {
    /// Every field, in the order every output writes them.
    pub const ALL: [Field; 13] = [
        Field::Symbol,
        Field::Price,
        Field::Direction,
        Field::Change,
        Field::Percent,
        Field::Span,
        Field::Findings,
        Field::Evidence,
        Field::Name,
        Field::Label,
        Field::Currency,
        Field::Magnitude,
        Field::PreviousClose,
    ];

    /// The field's name in JSON, CSV, Python and Arrow.
    ///
    /// ```
    /// assert_eq!(tickerstrip::Field::PreviousClose.name(), "previous_close");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Field::Symbol => "symbol",
            Field::Price => "price",
            Field::Direction => "direction",
            Field::Change => "change",
            Field::Percent => "percent",
            Field::Span => "span",
            Field::Findings => "findings",
            Field::Evidence => "evidence",
            Field::Name => "name",
            Field::Label => "label",
            Field::Currency => "currency",
            Field::Magnitude => "magnitude",
            Field::PreviousClose => "previous_close",
        }
    }

    /// The kind of value the field holds, whatever the quote.
    pub fn kind(self) -> FieldKind {
        match self {
            Field::Price | Field::Change | Field::Percent | Field::PreviousClose => {
                FieldKind::Decimal
            }
            Field::Span => FieldKind::Span,
            Field::Findings => FieldKind::Findings,
            Field::Symbol
            | Field::Direction
            | Field::Evidence
            | Field::Name
            | Field::Label
            | Field::Currency
            | Field::Magnitude => FieldKind::Text,
        }
    }

    /// Whether the field may hold nothing (`null`, an empty CSV cell).
    ///
    /// ```
    /// use tickerstrip::Field;
    ///
    /// assert!(Field::Change.nullable());
    /// assert!(!Field::Price.nullable());
    /// ```
    pub fn nullable(self) -> bool {
        matches!(
            self,
            Field::Change
                | Field::Percent
                | Field::Name
                | Field::Currency
                | Field::Magnitude
                | Field::PreviousClose
        )
    }

    /// The field's value for `quote`, whose findings are `findings`.
    ///
    /// ```
    /// use tickerstrip::{Field, validate};
    /// use tickerstrip::FieldValue;
    ///
    /// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)")?;
    /// let findings = validate(&quotes[0]);
    /// assert_eq!(Field::Symbol.value(&quotes[0], findings), FieldValue::Text(Some("AGL")));
    /// assert_eq!(Field::Evidence.value(&quotes[0], findings), FieldValue::Text(Some("arithmetic")));
    /// assert_eq!(Field::Span.value(&quotes[0], findings), FieldValue::Span(0..24));
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn value<S: AsRef<str>>(self, quote: &QuoteOf<S>, findings: Findings) -> FieldValue<'_> {
        match self {
            Field::Symbol => FieldValue::Text(Some(quote.symbol.as_ref())),
            Field::Price => FieldValue::Decimal(Some(quote.price)),
            Field::Direction => FieldValue::Text(Some(quote.direction.as_str())),
            Field::Change => FieldValue::Decimal(quote.change),
            Field::Percent => FieldValue::Decimal(quote.percent),
            Field::Span => FieldValue::Span(quote.span.clone()),
            Field::Findings => FieldValue::Findings(findings),
            Field::Evidence => FieldValue::Text(Some(quote.evidence.as_str())),
            Field::Name => FieldValue::Text(quote.name.as_ref().map(AsRef::as_ref)),
            Field::Label => FieldValue::Text(Some(quote.label.name())),
            Field::Currency => FieldValue::Text(quote.currency.map(|c| c.sign())),
            Field::Magnitude => FieldValue::Text(quote.magnitude.map(|m| m.suffix())),
            Field::PreviousClose => FieldValue::Decimal(quote.previous_close),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_once_with_its_own_name() {
        let mut names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Field::ALL.len());
    }

    /// The JSON schema lists the fields, in order, and no others but the
    /// file; a field is nullable in the schema exactly where it is here.
    #[test]
    fn the_json_schema_follows_the_list() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../schema/record.schema.json")).expect("JSON");
        let required: Vec<&str> = schema["required"]
            .as_array()
            .expect("a required list")
            .iter()
            .filter_map(serde_json::Value::as_str)
            .collect();
        let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(required, names);
        let properties = schema["properties"].as_object().expect("properties");
        let mut listed: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut expected = names.clone();
        expected.push("file");
        listed.sort_unstable();
        expected.sort_unstable();
        assert_eq!(listed, expected);
        for field in Field::ALL {
            let text = properties[field.name()].to_string();
            let null = text.contains(r#""type":"null""#)
                || text.contains("optional_decimal")
                || text.contains("null]");
            assert_eq!(null, field.nullable(), "{}: {text}", field.name());
        }
    }

    #[test]
    fn every_value_is_of_its_fields_kind() {
        let page =
            "AGL40.13▲ 0.12 (0.00%) | Bank of Lumen (BLMN) 12.40 +0.20 (+1.64%)\nbtc$71.4k+1.2%";
        let quotes: Vec<_> = crate::scan(page)
            .filter_map(|s| s.as_quote().cloned())
            .collect();
        assert_eq!(quotes.len(), 3);
        for quote in &quotes {
            for field in Field::ALL {
                let kind = match field.value(quote, Findings::default()) {
                    FieldValue::Text(_) => FieldKind::Text,
                    FieldValue::Decimal(_) => FieldKind::Decimal,
                    FieldValue::Span(_) => FieldKind::Span,
                    FieldValue::Findings(_) => FieldKind::Findings,
                };
                assert_eq!(kind, field.kind(), "{field:?}");
            }
        }
    }

    #[test]
    fn nothing_shown_is_only_in_nullable_fields() {
        let quotes = crate::parse("AGL40.13▲ 0.12 (0.00%) Gold 1,790.40 +3.10").expect("quotes");
        for quote in &quotes {
            for field in Field::ALL {
                let empty = matches!(
                    field.value(quote, Findings::default()),
                    FieldValue::Text(None) | FieldValue::Decimal(None)
                );
                assert!(!empty || field.nullable(), "{field:?} of {quote}");
            }
        }
    }
}
