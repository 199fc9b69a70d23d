//! Every conformance input gives exactly its expected records.
//!
//! `tests/data/conformance/NAME.txt` is scanned, each quote validated, and
//! the records compared, field by field and scale included, with `NAME.jsonl`.
//! Every input is scanned as bytes by the streaming reader; inputs that are
//! UTF-8 (all but `invalid-utf8.txt`) are scanned as text too.

mod common;

use std::fs;
use std::path::Path;

use serde_json::Value;
use tickerstrip::{AsQuote, OwnedSegment, ParseOptions, Quote, Segment};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/conformance");

/// A quote's record with its findings, rendered as the `.jsonl` writes them.
fn record(quote: &Quote<'_>) -> Value {
    let findings: Vec<&str> = tickerstrip::validate(quote)
        .kinds()
        .map(|k| k.as_str())
        .collect();
    let decimal =
        |d: Option<tickerstrip::Decimal>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
    let mut record = serde_json::json!({
        "symbol": quote.symbol,
        "price": quote.price.to_string(),
        "direction": quote.direction.as_str(),
        "change": decimal(quote.change),
        "percent": decimal(quote.percent),
        "span": [quote.span.start, quote.span.end],
        "findings": findings,
    });
    // A name, where the page shows a code and a name (SPEC 2).
    if let Some(name) = quote.name {
        record["name"] = Value::String(name.to_owned());
    }
    record
}

/// The schema's fields of an expected record (it may have more), and its
/// name where it has one.
fn expected_record(line: &str) -> Value {
    let full: Value = serde_json::from_str(line).expect("valid JSON line");
    let mut record = common::record::schema_fields(&full);
    if let Some(name) = full.get("name").filter(|name| !name.is_null()) {
        record["name"] = name.clone();
    }
    record
}

fn check(name: &str) {
    let dir = Path::new(DIR);
    let bytes = fs::read(dir.join(format!("{name}.txt"))).expect("input");
    let expected = fs::read_to_string(dir.join(format!("{name}.jsonl"))).expect("records");
    let expected: Vec<Value> = expected
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(expected_record)
        .collect();
    let streamed: Vec<Value> = ParseOptions::new()
        .scan_reader(&bytes[..])
        .filter_map(|segment| match segment.expect("reading a slice") {
            OwnedSegment::Quote(quote) => Some(record(&quote.as_quote())),
            _ => None,
        })
        .collect();
    compare(name, &streamed, &expected);
    if let Ok(text) = std::str::from_utf8(&bytes) {
        let scanned: Vec<Value> = tickerstrip::scan(text)
            .filter_map(|segment| match segment {
                Segment::Quote(quote) => Some(record(&quote)),
                _ => None,
            })
            .collect();
        compare(name, &scanned, &expected);
    }
}

fn compare(name: &str, got: &[Value], expected: &[Value]) {
    for (i, (got, want)) in got.iter().zip(expected).enumerate() {
        assert_eq!(got, want, "{name}: record {i}");
    }
    assert_eq!(got.len(), expected.len(), "{name}: number of records");
}

macro_rules! conformance {
    ($($test:ident: $name:expr;)*) => {
        $(
            #[test]
            fn $test() {
                check($name);
            }
        )*

        /// Every input in the folder has its test above.
        #[test]
        fn every_input_is_checked() {
            let listed = [$($name),*];
            for entry in fs::read_dir(DIR).expect("conformance folder") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
                    assert!(listed.contains(&stem.as_str()), "{stem}.txt has no conformance test");
                }
            }
        }
    };
}

conformance! {
    seed_page: "seed-page";
    worded_lines: "worded-lines";
    separated: "separated";
    change_only: "change-only";
    percent_only_glued: "percent-only-glued";
    digit_symbols: "digit-symbols";
    evidence: "evidence";
    evidence_comma: "evidence-comma";
    markers_and_signs: "markers-and-signs";
    comma_decimals: "comma-decimals";
    crypto: "crypto";
    invalid_utf8: "invalid-utf8";
    names_and_lines: "names-and-lines";
    precision_traps: "precision-traps";
    precision_traps_comma: "precision-traps-comma";
    tables: "tables";
    tables_comma: "tables-comma";
}
