//! The record's fields as the package writes them: the library's
//! [`Field::ALL`], in its order, each with the kind of value it holds,
//! which decides its Arrow columns and how `records()` reads them back.

use std::sync::LazyLock;

use tickerstrip::{Field, FieldValue, Findings, OwnedQuote};

/// The kind of value a field holds: the [`FieldValue`] variant it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text, or nothing shown.
    Text,
    /// A decimal with the scale shown, or nothing shown.
    Decimal,
    /// A byte range.
    Span,
    /// The validator's findings.
    Findings,
}

impl Kind {
    /// The kind of `value`. A kind of value added to the library fails
    /// to compile here, before it can reach a column unwritten.
    pub(crate) fn of(value: &FieldValue<'_>) -> Kind {
        match value {
            FieldValue::Text(_) => Kind::Text,
            FieldValue::Decimal(_) => Kind::Decimal,
            FieldValue::Span(_) => Kind::Span,
            FieldValue::Findings(_) => Kind::Findings,
        }
    }

    /// Its name in Python's `FIELD_KINDS`: `"text"`, `"decimal"`,
    /// `"span"` or `"findings"`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Decimal => "decimal",
            Kind::Span => "span",
            Kind::Findings => "findings",
        }
    }
}

/// Every field of [`Field::ALL`], in its order, with its kind.
///
/// The library tells a field's kind only through a value, and a field
/// gives values of one kind whatever the quote (`Field::value` matches on
/// the field alone): one sample quote's values tell every kind.
pub(crate) static FIELDS: LazyLock<Vec<(Field, Kind)>> = LazyLock::new(|| {
    let sample: OwnedQuote = "AGL40.13▲ 0.12 (0.00%)"
        .parse()
        .expect("the seed strip's first quote parses");
    Field::ALL
        .iter()
        .map(|&field| (field, Kind::of(&field.value(&sample, Findings::default()))))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_in_order_with_the_kind_of_its_values_for_any_quote() {
        let names: Vec<&str> = FIELDS.iter().map(|(field, _)| field.name()).collect();
        let all: Vec<&str> = Field::ALL.iter().map(|field| field.name()).collect();
        assert_eq!(names, all);
        // Quotes with a name and without, with a magnitude and a currency,
        // with no percent and with no change.
        let page = "Bank of Lumen (BLMN) 12.40 +0.20 (+1.64%)\nbtc$71.4k+1.2%\n\
                    555 7.120000 0.33 | ABOT 812.000000 -4.10 | AGHA 11.870000 0.12\n";
        let segments = tickerstrip::ParseOptions::new().scan(page);
        let quotes: Vec<_> = segments.filter_map(|s| s.as_quote().cloned()).collect();
        assert_eq!(quotes.len(), 5);
        for quote in &quotes {
            let findings = tickerstrip::validate(quote);
            for &(field, kind) in FIELDS.iter() {
                assert_eq!(Kind::of(&field.value(quote, findings)), kind, "{field:?}");
            }
        }
    }

    #[test]
    fn the_kinds_are_those_the_columns_are_written_for() {
        let kind = |name: &str| {
            let (_, kind) = FIELDS.iter().find(|(f, _)| f.name() == name).unwrap();
            *kind
        };
        assert_eq!(kind("symbol"), Kind::Text);
        assert_eq!(kind("evidence"), Kind::Text);
        assert_eq!(kind("name"), Kind::Text);
        assert_eq!(kind("price"), Kind::Decimal);
        assert_eq!(kind("previous_close"), Kind::Decimal);
        assert_eq!(kind("span"), Kind::Span);
        assert_eq!(kind("findings"), Kind::Findings);
    }
}
