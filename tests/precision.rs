//! Precision first (SPEC 3a): the traps of real pages yield no record.
//!
//! Each rule has the shapes that once gave wrong records, then one property
//! mixes true quote lines with every kind of trap and checks that the scan
//! finds exactly the true quotes.

use proptest::prelude::*;
use tickerstrip::{ErrorKind, NumberStyle, ParseOptions, Segment};

/// The quotes a scan finds, in their canonical text.
fn scanned_with(options: &ParseOptions, text: &str) -> Vec<String> {
    options
        .scan(text)
        .filter_map(|segment| match segment {
            Segment::Quote(quote) => Some(quote.to_string()),
            Segment::Skipped(_) => None,
        })
        .collect()
}

fn scanned(text: &str) -> Vec<String> {
    scanned_with(&ParseOptions::new(), text)
}

fn comma() -> ParseOptions {
    ParseOptions::new().number_style(NumberStyle::Comma)
}

#[test]
fn rule_b_no_symbol_starts_inside_a_number() {
    let row = "Tarsis 184,30 187,95 188,40 184,10 3,65 1,98 %";
    assert_eq!(scanned_with(&comma(), row), Vec::<String>::new());
    assert_eq!(scanned("ALFA 27.64 27.18 +0.46"), Vec::<String>::new());
}

#[test]
fn rule_b_quotes_glued_to_a_quote_are_found() {
    assert_eq!(
        scanned("AGL40.13▲ 0.12BOP10.34▲ 0.22 (0.02%)"),
        ["AGL40.13▲ 0.12", "BOP10.34▲ 0.22 (0.02%)"]
    );
    assert_eq!(
        scanned("KQ4.12+6.74%EQTY41.30+2.15%"),
        ["KQ4.12▲ (6.74%)", "EQTY41.30▲ (2.15%)"]
    );
}

#[test]
fn rule_t_dates_and_times_are_never_numbers() {
    for text in [
        "| 1 | 2020-11-24 | 6.25 | -0.07 |",
        "Markets 2024-11-08",
        "Close 17:15:00 +0.40 (+1.2%)",
        "Updated 21/10/24 15:22",
        "Stand: 22.01.25 09:12",
        "2024-11-08 41.20 -0.85 -2.02%",
        "| 2024-11-08 | 41.20 | -0.85 | -2.02% |",
    ] {
        assert_eq!(scanned(text), Vec::<String>::new(), "{text}");
    }
    let error = ParseOptions::new().parse("KSE 18-10-2024 +1%").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::DateOrTime);
}

#[test]
fn rule_t_a_date_or_time_cell_may_follow_a_quote() {
    assert_eq!(
        scanned("BKRT 96.500000 -1.25 14.05.2024"),
        ["BKRT96.500000▼ -1.25"]
    );
    assert_eq!(
        scanned("TLMN 12.24 -0.18 (-1.45%) 16:35"),
        ["TLMN12.24▼ -0.18 (-1.45%)"]
    );
    assert_eq!(
        scanned_with(&comma(), "DAX 18 604,12 +52,30 (+0,28 %) 17:35"),
        ["DAX18604.12▲ 52.30 (0.28%)"]
    );
}

#[test]
fn rule_w_no_ticker_is_cut_out_of_a_name() {
    for text in [
        "S&P 500 5,184.22 +0.37%",
        "Kestrel Energ 41.20 -0.85%",
        "Russell 2000 up 14.80 points",
        "Nikkei 225 ▼ 0.31%",
        "Last Value 1,234.50",
        "CAC 40 7,412.30 -18.25 (-0.25%)",
        "Nikkei\u{a0}225 38,412.70 -96.35 (-0.25%)",
    ] {
        assert_eq!(scanned(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn rule_w_tickers_with_integer_prices_stay_quotes() {
    assert_eq!(scanned("KSTX 263 -0 (2.2%)"), ["KSTX263► 0 (-2.2%)"]);
    assert_eq!(
        scanned("AGHA 11 +1 | ABOT 812 -4"),
        ["AGHA11▲ 1", "ABOT812▼ -4"]
    );
}

#[test]
fn rule_r_rows_with_unexplained_numbers_hold_no_quote() {
    for text in [
        "VLTA 23.05 +0.25 +1.10% 1,204,331",
        "| 1 | Alpha Steel | 47.90 | +0.30 | +0.63% |",
        "| 2 | NRDB | 14.62 | -0.18 | -1.22% |",
        "Alpha Steel 51.30 51.05 51.60 50.90 +0.25 +0.49%",
        "HLDN 14.62 14.25 +0.37 +2.60%",
    ] {
        assert_eq!(scanned(text), Vec::<String>::new(), "{text}");
    }
    let row = "Alpha Steel 47,90 48,20 48,55 47,60 +0,30 +0,63 %";
    assert_eq!(scanned_with(&comma(), row), Vec::<String>::new());
}

#[test]
fn rule_p_a_year_is_no_symbol() {
    for text in [
        "| 2023 | 7,543.18 | +1,069.06 | +16.51% |",
        "2021 6,886.52 +575.67 +9.12%",
    ] {
        assert_eq!(scanned(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        scanned("7203 2,850.50 +12.50 (+0.44%)"),
        ["7203 2850.50▲ 12.50 (0.44%)"]
    );
}

#[test]
fn rule_l_prose_yields_no_quote() {
    for text in [
        "The index gained 131.40 (+0.61%) in early trade.",
        "the market rose 0.9% to 4,206.35 today",
        "Shares slip 2.4% after results",
        "Brent at 82.10 (+0.4%) ahead of the OPEC meeting",
        "the benchmark added 42.10 (+0.38%)",
    ] {
        assert_eq!(scanned(text), Vec::<String>::new(), "{text}");
    }
}

/// A true quote line: a ticker of its own, price, signed change, percent.
#[derive(Debug, Clone)]
struct Line {
    symbol: String,
    price: u32,
    change: i32,
    percent: i32,
}

impl Line {
    fn text(&self) -> String {
        format!(
            "{} {}.{:02} {:+}.{:02} ({:+}.{:02}%)",
            self.symbol,
            self.price / 100,
            self.price % 100,
            self.change / 100,
            self.change.unsigned_abs() % 100,
            self.percent / 100,
            self.percent.unsigned_abs() % 100,
        )
        .replace("+-", "-")
    }
}

fn true_line() -> impl Strategy<Value = Line> {
    (
        "[A-Z]{3,5}",
        100u32..999_999,
        1i32..9_999,
        1i32..999,
        any::<bool>(),
    )
        .prop_map(|(symbol, price, change, percent, down)| {
            let sign = if down { -1 } else { 1 };
            Line {
                symbol,
                price,
                change: sign * change,
                percent: sign * percent,
            }
        })
}

/// Lines that hold no quote: dates, times, ranks, years, extra columns,
/// names with numbers and prose, with random figures.
fn trap_line() -> impl Strategy<Value = String> {
    let n = || 1u32..99_999;
    prop_oneof![
        (1u32..28, 1u32..12, 2000u32..2030, n(), n())
            .prop_map(|(d, m, y, p, c)| format!("| {d} | {y}-{m:02}-{d:02} | {p}.25 | -{c}.07 |")),
        (1u32..28, 1u32..12, 2000u32..2030, n())
            .prop_map(|(d, m, y, p)| format!("Markets {d:02}.{m:02}.{y} {p}.10 +0.30 (+1.2%)")),
        (0u32..24, 0u32..60, n()).prop_map(|(h, m, c)| format!("Close {h}:{m:02} +{c}.40 (+1.2%)")),
        (1u32..40, "[A-Z][a-z]{3,8} [A-Z][a-z]{3,8}", n(), n())
            .prop_map(|(r, name, p, c)| format!("| {r} | {name} | {p}.90 | +{c}.30 | +0.63% |")),
        (1990u32..2030, n(), n())
            .prop_map(|(y, p, c)| format!("| {y} | {p}.18 | +{c}.06 | +16.51% |")),
        ("[A-Z]{3,5}", n(), n(), n(), n())
            .prop_map(|(s, p, q, c, v)| format!("{s} {p}.30 {q}.05 +{c}.25 +0.49% {v}")),
        ("[A-Z][a-z]{3,8}", 1u32..999, n(), n())
            .prop_map(|(w, d, p, c)| format!("{w} {d} {p}.22 +{c}.10 +0.37%")),
        ("[A-Z][a-z]{3,8}", 1u32..9999, n())
            .prop_map(|(w, d, c)| format!("{w} {d} up {c}.80 points")),
        ("[A-Z][a-z]{3,8}", "[A-Z]{3,5}", n(), n())
            .prop_map(|(w, s, p, c)| format!("{w} {s} {p}.20 -{c}.85 (-2.02%)")),
        ("[a-z]{3,8}", n(), n())
            .prop_map(|(w, p, c)| format!("The index {w} {p}.40 (+{c}.61%) in early trade.")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Scanning true lines mixed with traps finds exactly the true quotes.
    #[test]
    fn traps_never_yield_a_record(
        lines in prop::collection::vec(
            prop_oneof![true_line().prop_map(Ok), trap_line().prop_map(Err)],
            1..24,
        ),
    ) {
        let text: Vec<String> = lines
            .iter()
            .map(|line| match line {
                Ok(line) => line.text(),
                Err(trap) => trap.clone(),
            })
            .collect();
        let text = text.join("\n");
        let expected: Vec<String> = lines
            .iter()
            .filter_map(|line| line.as_ref().ok())
            .map(|line| {
                let text = line.text();
                let quotes = tickerstrip::parse(&text).expect("a true line parses");
                quotes[0].to_string()
            })
            .collect();
        prop_assert_eq!(scanned(&text), expected, "{}", text);
    }
}
