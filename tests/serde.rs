//! The `serde` feature: quotes, findings and reports as JSON, decimals as
//! strings that keep their scale.

#![cfg(feature = "serde")]

use serde_json::{Value, json};
use tickerstrip::{Finding, OwnedQuote, StripReport, validate};

const SEED_PAGE: &str = include_str!("data/conformance/seed-page.txt");

fn seed_quotes() -> Vec<OwnedQuote> {
    tickerstrip::scan(SEED_PAGE)
        .filter_map(|s| s.as_quote().map(OwnedQuote::from))
        .collect()
}

#[test]
fn seed_quotes_read_back_equal() {
    let quotes = seed_quotes();
    assert_eq!(quotes.len(), 30);
    let json = serde_json::to_string(&quotes).unwrap();
    let back: Vec<OwnedQuote> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, quotes);
    // Equal decimals can differ in scale (40.1 == 40.10): compare the text too.
    for (a, b) in back.iter().zip(&quotes) {
        assert_eq!(a.to_string(), b.to_string());
    }
}

#[test]
fn borrowed_quotes_write_the_record_schema_first() {
    let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)").unwrap();
    let value = serde_json::to_value(&quotes[0]).unwrap();
    assert_eq!(
        value,
        json!({
            "symbol": "AGL", "price": "40.13", "direction": "up", "change": "0.12",
            "percent": "0.00", "span": [0, 24], "label": "ticker", "magnitude": null, "shown_scale": 2,
            "currency": null, "markers": {"word": null, "glyph": "up"},
            "change_sign": "marker", "percent_sign": "marker",
            "previous_close": null, "columns": null,
        })
    );
    let text = serde_json::to_string(&quotes[0]).unwrap();
    let schema = r#"{"symbol":"AGL","price":"40.13","direction":"up","change":"0.12","percent":"0.00","span":[0,24],"#;
    assert!(text.starts_with(schema), "{text}");
}

#[test]
fn records_match_the_conformance_file() {
    let expected = include_str!("data/conformance/seed-page.jsonl");
    for (quote, line) in seed_quotes().iter().zip(expected.lines()) {
        let written = serde_json::to_value(quote).unwrap();
        let expected: Value = serde_json::from_str(line).unwrap();
        for key in ["symbol", "price", "direction", "change", "percent", "span"] {
            assert_eq!(written[key], expected[key], "{key} of {line}");
        }
    }
}

#[test]
fn findings_and_reports_read_back_equal() {
    let quotes = seed_quotes();
    let mut report = StripReport::new();
    let mut findings: Vec<Finding<'_>> = Vec::new();
    for quote in &quotes {
        let quote = quote.as_quote();
        let found = validate(&quote);
        report.add(&quote, &found);
        findings.extend(found.details(&quote));
    }
    let json = serde_json::to_string(&findings).unwrap();
    let back: Vec<Finding<'_>> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, findings);
    assert_eq!(
        serde_json::to_value(&findings[0]).unwrap()["kind"],
        "percent-is-fraction"
    );

    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["findings"],
        json!({"percent-is-fraction": 29, "direction-mismatch": 1})
    );
    assert_eq!(json["pattern"]["kind"], "percent-is-fraction");
    let back: StripReport = serde_json::from_value(json).unwrap();
    assert_eq!(back, report);
}
