//! Precision first (SPEC 3a): the traps of real pages yield no record.
//!
//! Each rule has the shapes that once gave wrong records, then one property
//! mixes true quote lines with every kind of trap and checks that the scan
//! finds exactly the true quotes.

use proptest::prelude::*;
use tickerstrip::{Currency, CurrencyCode, ErrorKind, Label, NumberStyle, ParseOptions, Segment};

/// The quotes a scan finds, in their canonical text.
fn scanned_with(options: &ParseOptions, text: &str) -> Vec<String> {
    options
        .scan(text)
        .filter_map(|segment| match segment {
            Segment::Quote(quote) => Some(quote.to_string()),
            _ => None,
        })
        .collect()
}

fn scanned(text: &str) -> Vec<String> {
    scanned_with(&ParseOptions::new(), text)
}

/// The symbols of the quotes a scan finds.
fn symbols(text: &str) -> Vec<String> {
    tickerstrip::scan(text)
        .filter_map(|segment| match segment {
            Segment::Quote(quote) => Some(quote.symbol.to_owned()),
            _ => None,
        })
        .collect()
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
    // At a line's start the whole name labels the quote, or no quote is read.
    for (text, expected) in [
        ("S&P 500 5,184.22 +0.37%", Some("S&P 500")),
        ("Kestrel Energ 41.20 -0.85%", Some("Kestrel Energ")),
        ("CAC 40 7,412.30 -18.25 (-0.25%)", Some("CAC 40")),
        (
            "Nikkei\u{a0}225 38,412.70 -96.35 (-0.25%)",
            Some("Nikkei\u{a0}225"),
        ),
        ("Russell 2000 up 14.80 points", None),
        ("Nikkei 225 ▼ 0.31%", None),
        ("Last Value 1,234.50", None),
    ] {
        assert_eq!(symbols(text), Vec::from_iter(expected), "{text}");
        // Inside prose no name starts, and no ticker is cut out of one.
        let prose = format!("see {text}");
        assert_eq!(symbols(&prose), Vec::<String>::new(), "{prose}");
    }
}

#[test]
fn rule_w_names_label_quotes_at_cell_starts() {
    let page = "• Orion Pharma 88.15 +1.05 (+1.21%)\n\
                Hang Seng 17,651.15 +88.02 (+0.50%)  Straits Times 3,327.90 -6.41 (-0.19%)\n\
                | Münchener Rück | 312.40 | -2.60 | (-0.83%) |\n\
                FTSE 100: 8,203.17 (+0.36%)\n\
                Euro Stoxx 50 = 4,921.37 -14.82 (-0.30%)";
    assert_eq!(
        symbols(page),
        [
            "Orion Pharma",
            "Hang Seng",
            "Straits Times",
            "Münchener Rück",
            "FTSE 100",
            "Euro Stoxx 50"
        ]
    );
    let quotes = tickerstrip::parse("Bank of Lumen 12.84 +0.16 (+1.26%)").unwrap();
    assert_eq!(quotes[0].label, Label::Name);
    assert_eq!(quotes[0].span, 0..34);
}

#[test]
fn rule_w_prose_and_markers_are_no_names() {
    for text in [
        "the benchmark added 42.10 (+0.38%)",
        "The index gained 131.40 (+0.61%) in early trade.",
        "Brent at 82.10 (+0.4%) ahead of the OPEC meeting",
        "Shares slip 2.4% after results",
        "the market rose 0.9% to 4,206.35 today",
    ] {
        assert_eq!(symbols(text), Vec::<String>::new(), "{text}");
    }
    // A direction word is a marker, never a name's last word.
    assert_eq!(symbols("Rho Metals down 2.15% to 19.40"), ["Rho Metals"]);
}

#[test]
fn rule_w_two_readings_yield_none() {
    // `Nordbank` at 14 with a change of 0.18, or `Nordbank 14` at 0.18:
    // both stand and both have a positive previous close.
    let text = "Nordbank 14 0.18 (1.22%)";
    assert_eq!(symbols(text), Vec::<String>::new());
    let error = tickerstrip::parse(text).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::AmbiguousSymbol);
    assert!(
        error
            .to_string()
            .contains("Nordbank 14 or Nordbank 14 0.18"),
        "{error}"
    );
}

#[test]
fn rule_l_orders() {
    let quotes = |text| tickerstrip::parse(text).unwrap();
    let lyra = &quotes("LYRA up + 6.38% at 21.84")[0];
    assert_eq!((lyra.symbol, lyra.label), ("LYRA", Label::Ticker));
    assert_eq!(lyra.price.to_string(), "21.84");
    assert_eq!(lyra.percent.unwrap().to_string(), "6.38");
    let rho = &quotes("Rho Metals down – 2.15% to close at 19.40")[0];
    assert_eq!(rho.percent.unwrap().to_string(), "-2.15");
    let vela = &quotes("Vela Coin +2.35% $61,904.20")[0];
    assert_eq!(vela.currency, Some(Currency::Dollar));
    assert_eq!(vela.price.to_string(), "61904.20");
    let halden = &quotes("Halden Foods 18.09 EUR +0.30 (+1.69%)")[0];
    assert_eq!(
        halden.currency,
        CurrencyCode::new("EUR").map(Currency::Code)
    );
    let vesta = &quotes("Vesta Motors 52.40 € +1.26%")[0];
    assert_eq!(vesta.currency, Some(Currency::Euro));
    let gold = &quotes("Gold = 1,790.40 +3.10")[0];
    assert_eq!(gold.change.unwrap().to_string(), "3.10");
    // Four words between the percent and the price, or a last word other
    // than `at`, `to` or `@`, are prose.
    for text in [
        "LYRA up 6.38% and then some at 21.84",
        "LYRA up 6.38% after 21.84",
        "LYRA up 6.38% at 21.84 today",
        "Gold = 1,790.40 +3.10 since May",
    ] {
        assert_eq!(symbols(text), Vec::<String>::new(), "{text}");
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
        // A ticker, or a name of two words (rule W).
        "[A-Z]{3,5}|[A-Z][a-z]{3,8} [A-Z][a-z]{2,8}",
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

/// Random figures for the traps.
fn n() -> std::ops::Range<u32> {
    1..99_999
}

/// Rule B: symbols glued to the digits of a number start no quote.
fn rule_b_traps() -> impl Strategy<Value = String> {
    ("[A-Z]{2,4}", n(), n(), n())
        .prop_map(|(s, p, q, c)| format!("{p}.30{s} {q}.10 +{c}.25 (+1.2%)"))
}

/// Rule T: dates and times are never numbers.
fn rule_t_traps() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..28, 1u32..12, 2000u32..2030, n(), n())
            .prop_map(|(d, m, y, p, c)| format!("| {d} | {y}-{m:02}-{d:02} | {p}.25 | -{c}.07 |")),
        (1u32..28, 1u32..12, 2000u32..2030, n())
            .prop_map(|(d, m, y, p)| format!("Markets {d:02}.{m:02}.{y} {p}.10 +0.30 (+1.2%)")),
        (0u32..24, 0u32..60, n()).prop_map(|(h, m, c)| format!("Close {h}:{m:02} +{c}.40 (+1.2%)")),
    ]
}

/// Rule P: years and ranks are no labels.
fn rule_p_traps() -> impl Strategy<Value = String> {
    prop_oneof![
        (1990u32..2030, n(), n())
            .prop_map(|(y, p, c)| format!("| {y} | {p}.18 | +{c}.06 | +16.51% |")),
        (1u32..40, "[A-Z][a-z]{3,8} [A-Z][a-z]{3,8}", n(), n())
            .prop_map(|(r, name, p, c)| format!("| {r} | {name} | {p}.90 | +{c}.30 | +0.63% |")),
    ]
}

/// Rule R: rows with more numbers than a quote's fields.
fn rule_r_traps() -> impl Strategy<Value = String> {
    prop_oneof![
        ("[A-Z]{3,5}", n(), n(), n(), n())
            .prop_map(|(s, p, q, c, v)| format!("{s} {p}.30 {q}.05 +{c}.25 +0.49% {v}")),
        ("[A-Z][a-z]{3,8} [A-Z][a-z]{3,8}", n(), n(), n())
            .prop_map(|(name, p, q, c)| format!("{name} {p}.60 {q}.90 +{c}.30 +0.63 %")),
    ]
}

/// Rule W: no ticker cut out of a name, no name in prose.
fn rule_w_traps() -> impl Strategy<Value = String> {
    prop_oneof![
        ("[A-Z][a-z]{3,8}", 1u32..9999, n())
            .prop_map(|(w, d, c)| format!("{w} {d} up {c}.80 points")),
        ("[A-Z][a-z]{3,8}", "[A-Z]{3,5}", n(), n())
            .prop_map(|(w, s, p, c)| format!("shares of {w} {s} {p}.20 -{c}.85 (-2.02%)")),
        ("[a-z]{3,8}", n(), n()).prop_map(|(w, p, c)| format!("the index {w} {p}.40 (+{c}.61%)")),
    ]
}

/// Rule L: quotes in line forms that do not fill their line are prose.
fn rule_l_traps() -> impl Strategy<Value = String> {
    prop_oneof![
        ("[A-Z][a-z]{3,8} [A-Z][a-z]{3,8}", n(), n())
            .prop_map(|(name, p, c)| format!("{name} {p}.20 -{c}.85 (-2.02%) in early trade")),
        ("[A-Z][a-z]{3,8}", n(), n())
            .prop_map(|(name, p, c)| format!("{name} up {p}.5% after {c}.40")),
        ("[A-Z][a-z]{3,8}", 1u32..999, n(), n())
            .prop_map(|(w, d, p, c)| format!("{w} {d} {p}.22 +{c}.10 +0.37% on the day")),
        ("[a-z]{3,8}", n(), n())
            .prop_map(|(w, p, c)| format!("The index {w} {p}.40 (+{c}.61%) in early trade.")),
    ]
}

/// Scanning true lines mixed with `traps` finds exactly the true quotes.
fn true_lines_and_traps(
    lines: &[Result<Line, String>],
) -> Result<(), proptest::test_runner::TestCaseError> {
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
    Ok(())
}

/// One property a rule: true lines mixed with the rule's traps.
macro_rules! rule_properties {
    ($($name:ident: $traps:ident;)*) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]
            $(
                #[test]
                fn $name(
                    lines in prop::collection::vec(
                        prop_oneof![true_line().prop_map(Ok), $traps().prop_map(Err)],
                        1..24,
                    ),
                ) {
                    true_lines_and_traps(&lines)?;
                }
            )*
        }
    };
}

rule_properties! {
    rule_b_traps_never_yield_a_record: rule_b_traps;
    rule_t_traps_never_yield_a_record: rule_t_traps;
    rule_p_traps_never_yield_a_record: rule_p_traps;
    rule_r_traps_never_yield_a_record: rule_r_traps;
    rule_w_traps_never_yield_a_record: rule_w_traps;
    rule_l_traps_never_yield_a_record: rule_l_traps;
}

#[test]
fn rule_h_rows_under_a_header_are_read_by_its_roles() {
    // The header says the third column is a percent: read as a strip, the
    // row would give a change of -0.29.
    let table = "| Index | Current value | Change (%) | Time |\n\
                 | CAC 40 | 7,388.64 | -0.29 | 17:35 |\n\
                 | FTSE 100 | 8,203.17 | 0.36 | 16:35 |\n";
    assert_eq!(
        scanned(table),
        ["CAC 40: 7388.64▼ (-0.29%)", "FTSE 100: 8203.17▲ (0.36%)"]
    );
    // A blank line ends the header's rows.
    let after = format!("{table}\nCAC 40 7,388.64 -21.37 (-0.29%)");
    assert_eq!(symbols(&after), ["CAC 40", "FTSE 100", "CAC 40"]);
    // Labels the vocabulary does not know make no header.
    let strip =
        "| Top Gainers (12) | Top Losers (9) |\nARKO | 4.15 | +6.41% | BELT | 8.30 | -3.49% |";
    assert_eq!(symbols(strip), ["ARKO", "BELT"]);
}

#[test]
fn rule_r_an_unsigned_change_past_the_price_is_another_column() {
    // A previous close and a price, read as a price and a change, would
    // make the previous close negative.
    assert_eq!(
        symbols("Alpha Steel 47.60 47.90 +0.63%"),
        Vec::<String>::new()
    );
    assert_eq!(
        symbols("| Alpha Steel | 47.60 | 47.90 | +0.63% |"),
        Vec::<String>::new()
    );
    // A signed change says what it is.
    assert_eq!(symbols("ZETA 0.40 -0.50 (-55.6%)"), ["ZETA"]);
}
