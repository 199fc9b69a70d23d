//! Round trips: a quote's canonical text parses back to the same quote, and
//! scanning loses no byte.

mod common;

use std::collections::HashSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use tickerstrip::{Decimal, Direction, OwnedQuote, Segment};

/// A decimal with up to 12 integer digits and `scale` fraction digits.
fn decimal(max_scale: u32) -> impl Strategy<Value = Decimal> {
    decimal_scaled(0, max_scale)
}

/// A decimal with up to 12 integer digits and `min_scale` to `max_scale`
/// fraction digits.
fn decimal_scaled(min_scale: u32, max_scale: u32) -> impl Strategy<Value = Decimal> {
    (0u64..1_000_000_000_000, min_scale..=max_scale)
        .prop_map(|(mantissa, scale)| Decimal::new(mantissa as i64, scale))
}

/// The words of the crate's vocabulary table (SPEC 8: one table in the
/// crate): months, time zones, header, field, direction, joining and unit
/// words, none of which labels a quote (SPEC 9 stage 7). Read from the
/// table's source, so that no random ticker is one of them.
fn vocabulary() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../src/vocabulary.rs")
            .split('"')
            .skip(1)
            .step_by(2)
            .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    })
}

fn symbol() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z]{1,8}".prop_filter("a vocabulary word labels nothing", |s| {
            !vocabulary().contains(&s.to_lowercase())
        }),
        "[A-Z]{2,5}[0-9]{1,3}",
        // A year labels nothing (SPEC 3a rule P).
        "[0-9]{3,4}".prop_filter("a year labels nothing", |s| {
            !(s.len() == 4 && ("1900".."2100").contains(&s.as_str()))
        }),
        "[A-Z]{1,4}[.][A-Z]{1,2}",
        "\\^[A-Z]{2,5}",
    ]
}

/// A change or percent as shown: its magnitude and whether it is negative.
type Shown = Option<(Decimal, bool)>;

/// A price with decimals (markers are evidence only beside one, SPEC 9
/// stage 5) and a change and percent for it: the change smaller than the
/// price and, without a percent, shown with decimals too; the percent
/// any, the validator's business.
fn quote_numbers() -> impl Strategy<Value = (Decimal, Shown, Shown)> {
    let price = || decimal_scaled(1, 6).prop_filter("a positive price", |p| !p.is_zero());
    let change = |min_scale| (decimal_scaled(min_scale, 4), any::<bool>());
    let percent = || (decimal(2), any::<bool>());
    prop_oneof![
        (price(), change(1)).prop_map(|(p, c)| (p, Some(c), None)),
        (price(), percent()).prop_map(|(p, q)| (p, None, Some(q))),
        (price(), change(0), percent()).prop_map(|(p, c, q)| (p, Some(c), Some(q))),
    ]
    .prop_filter("a change smaller than the price", |(price, change, _)| {
        change.is_none_or(|(c, _)| c < *price)
    })
}

/// A signed number as a separated strip writes it: `+1.2`, `-0.41`, `0`.
fn signed(value: Decimal, negative: bool) -> String {
    match (negative, value.is_zero()) {
        (true, false) => format!("-{value}"),
        (false, false) => format!("+{value}"),
        _ => value.to_string(),
    }
}

proptest! {
    #![proptest_config(common::proptest_config("roundtrip"))]

    #[test]
    fn canonical_text_parses_back(
        symbol in symbol(),
        (price, change, percent) in quote_numbers(),
    ) {
        let mut text = format!("{symbol} {price}");
        if let Some((value, negative)) = change {
            text.push_str(&format!(" {}", signed(value, negative)));
        }
        if let Some((value, negative)) = percent {
            text.push_str(&format!(" ({}%)", signed(value, negative)));
        }
        let quote: OwnedQuote = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(&quote.symbol, &symbol);
        prop_assert_eq!(quote.price.to_string(), price.to_string());
        let shown = |field: Option<(Decimal, bool)>| field.map(|(v, n)| if n && !v.is_zero() { -v } else { v }.to_string());
        prop_assert_eq!(quote.change.map(|c| c.to_string()), shown(change));
        prop_assert_eq!(quote.percent.map(|p| p.to_string()), shown(percent));

        let canonical = quote.to_string();
        let again: OwnedQuote = canonical.parse().map_err(|e| TestCaseError::fail(format!("{canonical}: {e}")))?;
        prop_assert_eq!(again.to_string(), canonical.clone());
        prop_assert_eq!(&again.symbol, &quote.symbol);
        prop_assert_eq!(again.direction, quote.direction);
        for (a, b) in [(again.change, quote.change), (again.percent, quote.percent)] {
            prop_assert_eq!(a.map(|d| d.to_string()), b.map(|d| d.to_string()));
        }
    }

    #[test]
    fn scan_segments_join_to_the_input(text in "\\PC{0,200}") {
        let joined: String = tickerstrip::scan(&text).map(|s| match s {
            Segment::Quote(q) => text[q.span].to_string(),
            Segment::Skipped(s) => s.text.to_string(),
            other => panic!("a segment of a new kind: {other:?}"),
        }).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn scan_of_strip_pieces_joins_to_the_input(
        pieces in proptest::collection::vec(prop_oneof![
            Just("AGL40.13▲ 0.12 (0.00%)"), Just("KSE100 98,412 Increased By 812.3 (0.83%)\n"),
            Just("555 7.120000 0.33 | "), Just(" | "), Just("The index"), Just("19.06.2024"),
            Just("▲"), Just("(0.0"), Just("-"), Just("12"), Just(" "), Just("KQ4.12+6.74%"),
        ], 0..20)
    ) {
        let text = pieces.concat();
        let mut end = 0;
        for segment in tickerstrip::scan(&text) {
            prop_assert_eq!(segment.span().start, end);
            end = segment.span().end;
        }
        prop_assert_eq!(end, text.len());
    }
}

#[test]
fn seed_quotes_round_trip_through_display() {
    let seed = include_str!("data/conformance/seed-page.txt");
    let strip = seed.lines().next().unwrap();
    for quote in tickerstrip::parse(strip).unwrap() {
        let again: OwnedQuote = quote.to_string().parse().unwrap();
        assert_eq!(again.to_string(), quote.to_string());
        assert_eq!(again.price.to_string(), quote.price.to_string());
        assert_eq!(again.direction, quote.direction);
        assert_ne!(quote.direction, Direction::Unchanged);
    }
}

/// Inputs the fuzzer found whose canonical text did not parse back: a
/// symbol ending in a digit before a currency sign was written glued to it.
/// The fuzzer's numbers were integers that check nothing, which are no
/// quote any more (SPEC 9 stage 5): the same shapes with numbers a page
/// shows.
#[test]
fn fuzz_found_round_trips() {
    let inputs = [
        "7203\u{c}\u{c}¥2,850.50\u{c}+12.50 (+0.44%)",
        "K110\n¥5.12\u{202f}+0.12 (+2.40%)",
        "FS412\u{b}$1111.20+11.10+1.01%",
        "9984 $9.5k  +95 (+1.01%)",
        "AGL4\t₦\t40.13▲ 0.12 (0.30%)",
        "110112\u{b}$12.50+0.8%",
        " 0E 0.50-0.07 (-12.28%)",
    ];
    for input in inputs {
        let quotes = tickerstrip::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert!(!quotes.is_empty(), "{input:?}");
        for quote in quotes {
            let canonical = quote.to_string();
            let again: OwnedQuote = canonical
                .parse()
                .unwrap_or_else(|e| panic!("{canonical:?}: {e}"));
            assert_eq!(again.to_string(), canonical);
            assert_eq!(again.price, quote.price);
        }
    }
}

/// A name is written with a colon, which no ticker reading crosses: the
/// text read back is the same quote, not `ENGRO` at 3.
#[test]
fn names_read_back() {
    for text in [
        "ENGRO 3 = 312.45 Increased By ▲ 4.15 (1.35%)",
        "CAC 40 7,388.64 -21.37 (-0.29%)",
        "Münchener Rück 312.40 -2.60 (-0.83%)",
        "Halden Foods 18.09 EUR +0.30 (+1.69%)",
        // One word read as a name only (`=` would join a ticker's token)
        // is a ticker label: it reads back glued.
        "Ob= 8.20-0.07 (-0.85%)",
        // A word that ends in `&` is a name's, never a ticker's.
        "Obtc&\t0.70-0.07 (-9.09%)",
        // The percent-first order after a ticker the strip order reads too
        // (an uppercase one: apart from its price, a lowercase word is no
        // symbol, rule Y, in strict mode too since SPEC 9).
        "BT0\u{c}+5.55%\t\t5,556.20",
        // Digits inside a ticker pair with the price's when glued.
        "KS3.85-3.01%SCBK180.:5-1.MB\t28.94-0.57%\n",
        // A name whose first letters read as a glued ticker and price.
        "\t\tA1 Telekom\t7.12 -0.05 (-0.70%)",
    ] {
        let quotes = tickerstrip::parse(text).unwrap();
        let quote = quotes.last().unwrap();
        let shown = quote.to_string();
        let again: OwnedQuote = shown.parse().unwrap_or_else(|e| panic!("{shown}: {e}"));
        assert_eq!(again.to_string(), shown);
        assert_eq!(
            (again.symbol.as_str(), again.price),
            (quote.symbol, quote.price),
            "{shown}"
        );
        assert_eq!(
            (again.change, again.percent),
            (quote.change, quote.percent),
            "{shown}"
        );
    }
}

/// A word with a decimal number in it is a glued ticker and price, never a
/// name's word: no name quote comes of it.
#[test]
fn a_priced_word_is_no_name() {
    let text = "N244.04 0mZ  70 0\nN240.2-40.2- 50  50 0\nN240.2-40.UUUUUUUU- 00  50 0";
    for segment in tickerstrip::scan(text) {
        if let Segment::Quote(quote) = segment {
            assert_eq!(quote.label, tickerstrip::Label::Ticker, "{quote:?}");
        }
    }
}

/// Every quote of every conformance input, in every format, shows the same
/// quote after its `Display` text is parsed back (`Quote::eq_shown`): the
/// quotes of a file read back, one a line, as the same quotes in the same
/// order, and a quote whose evidence is its own arithmetic (no previous
/// close, which the text does not show) reads back alone too. A quote that
/// its block vouched for (`ACPL 0.00 -9` beside `ABOT 812.000000 -4.10`,
/// SPEC 9 stage 5) reads back only beside its block.
#[test]
fn every_conformance_quote_shows_the_same_after_a_round_trip() {
    use tickerstrip::{AsQuote, Evidence};

    let dir = common::example::crate_dir().join("tests/data/conformance");
    let mut quotes = 0;
    let mut alone = 0;
    for entry in std::fs::read_dir(dir).expect("the conformance folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // the input that is not UTF-8
        };
        let found: Vec<_> = tickerstrip::scan(&text)
            .filter_map(|s| s.as_quote().cloned())
            .collect();
        let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
        let strip = shown.join("\n");
        let again: Vec<_> = tickerstrip::scan(&strip)
            .filter_map(|s| s.as_quote().cloned())
            .collect();
        assert_eq!(again.len(), found.len(), "{}:\n{strip}", path.display());
        for ((quote, back), shown) in found.iter().zip(&again).zip(&shown) {
            assert!(
                quote.eq_shown(back),
                "{}: {shown}: {quote:?} became {back:?}",
                path.display()
            );
            quotes += 1;
            if quote.evidence == Evidence::Arithmetic && quote.previous_close.is_none() {
                let back: OwnedQuote = shown
                    .parse()
                    .unwrap_or_else(|e| panic!("{}: {shown}: {e}", path.display()));
                assert!(
                    quote.eq_shown(&back.as_quote()),
                    "{}: {quote:?} became {back:?}",
                    path.display()
                );
                alone += 1;
            }
        }
    }
    assert!(quotes > 100, "{quotes} quotes");
    assert!(alone > 90, "{alone} quotes read back alone");
}
