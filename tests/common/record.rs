//! The record schema of SPEC section 6, as JSON.

use serde_json::Value;

/// The fields every record has, in order; tools may write more after them.
pub const FIELDS: [&str; 7] = [
    "symbol",
    "price",
    "direction",
    "change",
    "percent",
    "span",
    "findings",
];

/// Only the schema's fields of `record`, so records with extra fields compare.
pub fn schema_fields(record: &Value) -> Value {
    FIELDS
        .iter()
        .map(|&field| (field.to_string(), record[field].clone()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}
