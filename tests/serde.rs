//! The `serde` feature: quotes, findings and reports as JSON, decimals as
//! strings that keep their scale.

#![cfg(feature = "serde")]

use serde_json::{Value, json};
use tickerstrip::{AsQuote, Field, Finding, OwnedQuote, StripReport, validate};

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
    // The quote carries what the reader believed it by and the name
    // (SPEC 2, 9); the signs' sources and the table columns are no part of
    // a quote any more.
    assert_eq!(
        value,
        json!({
            "symbol": "AGL", "price": "40.13", "direction": "up", "change": "0.12",
            "percent": "0.00", "span": [0, 24], "evidence": "arithmetic", "name": null,
            "label": "ticker", "magnitude": null, "shown_scale": 2,
            "currency": null, "markers": {"word": null, "glyph": "up"},
            "previous_close": null,
        })
    );
    let text = serde_json::to_string(&quotes[0]).unwrap();
    let schema = r#"{"symbol":"AGL","price":"40.13","direction":"up","change":"0.12","percent":"0.00","span":[0,24],"evidence":"arithmetic","name":null,"#;
    assert!(text.starts_with(schema), "{text}");
    // Every record field a quote holds comes in the record's order
    // (`Field::ALL`; the findings are the validator's, not the quote's).
    let mut last = 0;
    for field in Field::ALL.iter().filter(|f| **f != Field::Findings) {
        let key = format!("\"{}\":", field.name());
        let at = text
            .find(&key)
            .unwrap_or_else(|| panic!("{key} missing in {text}"));
        assert!(at >= last, "{key} out of the record's order in {text}");
        last = at;
    }
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

/// Borrowed quotes and segments read back from JSON, the symbol and skipped
/// text borrowed from it (so the JSON must hold them unescaped: a line end
/// in skipped text needs the owned form); owned segments read back from
/// any. Currencies and magnitudes are written as the page shows them.
#[test]
fn quotes_and_segments_read_back_equal() {
    let page = "Crypto: btc$71.4k +1200 (+1.71%) | Alpha 312,40 € +2,15%";
    let segments: Vec<tickerstrip::Segment<'_>> = tickerstrip::scan(page).collect();
    assert!(segments.len() >= 3, "{segments:?}");
    let json = serde_json::to_string(&segments).unwrap();
    let back: Vec<tickerstrip::Segment<'_>> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, segments);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value[0]["skipped"]["kind"], "text");
    assert_eq!(value[1]["quote"]["currency"], "$");
    assert_eq!(value[1]["quote"]["magnitude"], "k");

    let page = format!("{page}\n");
    let owned: Vec<tickerstrip::OwnedSegment> = tickerstrip::scan(&page).map(Into::into).collect();
    let json = serde_json::to_string(&owned).unwrap();
    let back: Vec<tickerstrip::OwnedSegment> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, owned);

    for bad in [r#""€€""#, r#""XYZ""#] {
        assert!(
            serde_json::from_str::<tickerstrip::Currency>(bad).is_err(),
            "{bad}"
        );
    }
    assert!(serde_json::from_str::<tickerstrip::Magnitude>(r#""bn""#).is_err());
}

/// The record's new fields read back: a name beside its code, and what the
/// reader believed each quote by; a quote and its owned copy are equal
/// (a quote holds no parser state).
#[test]
fn evidence_and_names_read_back_equal() {
    let page = "Bank of Lumen (BLMN) 12.84 +0.16 (+1.26%)\n\n\
                | Ticker | Price | Chg % |\n| TSKR | 17.45 | 1.45 |\n| NRDB | 14.62 | -1.22 |\n";
    let quotes: Vec<tickerstrip::Quote<'_>> = tickerstrip::scan(page)
        .filter_map(|s| s.as_quote().cloned())
        .collect();
    let shown: Vec<_> = quotes
        .iter()
        .map(|q| (q.symbol, q.name, q.evidence))
        .collect();
    use tickerstrip::Evidence::{Arithmetic, Header};
    assert_eq!(
        shown,
        [
            ("BLMN", Some("Bank of Lumen"), Arithmetic),
            ("TSKR", None, Header),
            ("NRDB", None, Header),
        ]
    );
    for quote in &quotes {
        let owned = OwnedQuote::from(quote);
        assert_eq!(owned.as_quote().as_ref(), quote);
        let value = serde_json::to_value(quote).unwrap();
        assert_eq!(value["name"], json!(quote.name));
        assert_eq!(value["evidence"], json!(quote.evidence.as_str()));
        let back: OwnedQuote = serde_json::from_value(value).unwrap();
        assert_eq!(back, owned);
        let borrowed_json = serde_json::to_string(quote).unwrap();
        let borrowed: tickerstrip::Quote<'_> = serde_json::from_str(&borrowed_json).unwrap();
        assert_eq!(&borrowed, quote);
    }
}
