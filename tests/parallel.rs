//! The parallel path yields the same quotes in the same order as parsing
//! on one thread, or the same error.

#![cfg(feature = "parallel")]

mod common;

use proptest::prelude::*;
use tickerstrip::{OwnedQuote, ParseOptions};

/// Strips of several families, and a bad piece that makes parsing fail.
const PIECES: [&str; 7] = [
    "AGL40.13▲ 0.12 (0.00%)",
    "FCCL38.59▼ -0.41 (-0.01%)",
    "NIFTY 22,150.40 +120.25 (+0.55%) | ",
    "KQ4.12+6.74%",
    "KSE100 98,412 Increased By 812.3 (0.83%)\n",
    "ABOT 812.000000 -4.10 | ",
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..common::proptest_config("parallel") })]

    #[test]
    fn par_parse_matches_parse(picks in proptest::collection::vec(0usize..PIECES.len(), 1..12), with_error in any::<bool>()) {
        let text = strip(&picks, with_error);
        let options = ParseOptions::new();
        prop_assert_eq!(owned(options.par_parse(&text)), owned(options.parse(&text)));
    }
}

#[test]
fn a_large_seed_strip_is_parsed_in_parts() {
    let line = include_str!("data/conformance/seed-page.txt")
        .lines()
        .next()
        .unwrap();
    let strip = line.repeat(5000);
    let options = ParseOptions::new();
    let quotes = options.par_parse(&strip).unwrap();
    assert_eq!(quotes.len(), 30 * 5000);
    assert_eq!(owned(Ok(quotes)), owned(options.parse(&strip)));
}
