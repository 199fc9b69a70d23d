//! The parallel path yields the same quotes in the same order as parsing
//! on one thread, or the same error; its report counts what one thread
//! counts.

#![cfg(feature = "parallel")]

mod common;

use proptest::prelude::*;
use tickerstrip::{OwnedQuote, ParseOptions, Rounding, StripReport, Validator};

/// Strips of several families, names and tables, and a bad piece that
/// makes parsing fail.
const PIECES: [&str; 11] = [
    "AGL40.13▲ 0.12 (0.00%)",
    "FCCL38.59▼ -0.41 (-0.01%)",
    "NIFTY 22,150.40 +120.25 (+0.55%) | ",
    "KQ4.12+6.74%",
    "KSE100 98,412 Increased By 812.3 (0.83%)\n",
    "ABOT 812.000000 -4.10 | ",
    "\nCAC 40 7,388.64 -21.37 (-0.29%)\n",
    "\n| Name | Last | Chg % |\n| Alpha Steel | 47.90 | +0.63% |\n| Nordbank | 14.62 | -1.22% |\n\n",
    "\nName\n|\nLast\n|\nChg %\n|\nRho Metals\n|\n19.40\n|\n-2.17%\n\n",
    "\nAktie  Kurs  %\nAlpha Stahl  47.90  +0.63%\n\n",
    "??",
];

/// A strip of about 600 KiB made of `picks` (indexes into [`PIECES`]),
/// repeated; the bad piece is left out unless `with_error`.
fn strip(picks: &[usize], with_error: bool) -> String {
    let chosen: Vec<&str> = picks
        .iter()
        .map(|&i| PIECES[i % PIECES.len()])
        .filter(|p| with_error || *p != "??")
        .collect();
    let unit = chosen.concat();
    if unit.is_empty() {
        return String::new();
    }
    unit.repeat(600 * 1024 / unit.len() + 1)
}

fn owned(
    result: Result<Vec<tickerstrip::Quote<'_>>, tickerstrip::ParseError>,
) -> Result<Vec<OwnedQuote>, String> {
    result
        .map(|quotes| quotes.into_iter().map(OwnedQuote::from).collect())
        .map_err(|e| e.to_string())
}

/// The seed page's strip line: 30 quotes.
fn seed_line() -> &'static str {
    include_str!("data/conformance/seed-page.txt")
        .lines()
        .next()
        .expect("the strip line")
}

/// The report one thread gives: each quote of `parse`, with its findings.
fn report(
    options: &ParseOptions,
    text: &str,
    validator: &Validator,
) -> Result<StripReport, String> {
    let mut report = StripReport::new();
    for quote in options.parse(text).map_err(|e| e.to_string())? {
        report.add(&quote, &validator.validate(&quote));
    }
    Ok(report)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..common::proptest_config("parallel") })]

    #[test]
    fn par_report_matches_one_thread(picks in proptest::collection::vec(0usize..PIECES.len(), 1..12), with_error in any::<bool>(), truncated in any::<bool>()) {
        let text = strip(&picks, with_error);
        let options = ParseOptions::new();
        let rounding = if truncated { Rounding::Truncated } else { Rounding::Nearest };
        let validator = Validator::new().rounding(rounding);
        let parallel = options.par_report(&text, &validator).map_err(|e| e.to_string());
        prop_assert_eq!(parallel, report(&options, &text, &validator));
    }

    #[test]
    fn par_parse_matches_parse(picks in proptest::collection::vec(0usize..PIECES.len(), 1..12), with_error in any::<bool>()) {
        let text = strip(&picks, with_error);
        let options = ParseOptions::new();
        prop_assert_eq!(owned(options.par_parse(&text)), owned(options.parse(&text)));
    }
}

#[test]
fn a_large_seed_strip_is_parsed_in_parts() {
    let strip = seed_line().repeat(5000);
    let options = ParseOptions::new();
    let quotes = options.par_parse(&strip).unwrap();
    assert_eq!(quotes.len(), 30 * 5000);
    assert_eq!(owned(Ok(quotes)), owned(options.parse(&strip)));
}

#[test]
fn a_large_seed_strip_is_reported_in_parts() {
    let strip = seed_line().repeat(5000);
    let options = ParseOptions::new();
    let validator = Validator::new();
    let parallel = options.par_report(&strip, &validator).unwrap();
    assert_eq!(parallel.quotes(), 30 * 5000);
    assert_eq!(
        parallel.count(tickerstrip::FindingKind::PercentIsFraction),
        29 * 5000
    );
    assert_eq!(Ok(parallel), report(&options, &strip, &validator));
}

#[test]
fn a_bad_quote_gives_the_error_of_one_thread() {
    let line = seed_line();
    let strip = format!("{}AGL40.13▲ x{}", line.repeat(3000), line.repeat(3000));
    let options = ParseOptions::new();
    let error = options.par_report(&strip, &Validator::new()).unwrap_err();
    assert_eq!(
        Err(error.to_string()),
        report(&options, &strip, &Validator::new())
    );
    assert_eq!(error.quote_index(), 90_000);
}
