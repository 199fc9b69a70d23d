//! The real-world shapes of SPEC sections 2 and 3: number styles, currency
//! signs, magnitude suffixes, known symbols and vertical layouts.

use tickerstrip::{AsQuote, ErrorKind, Magnitude, NumberStyle, ParseOptions, Segment, StyleReason};

/// The quotes scan finds, as `symbol price change percent` lines.
fn scanned(options: &ParseOptions, text: &str) -> Vec<String> {
    let show = |d: Option<tickerstrip::Decimal>| d.map_or("-".to_string(), |d| d.to_string());
    options
        .scan(text)
        .filter_map(|segment| match segment {
            Segment::Quote(q) => Some(format!(
                "{} {} {} {}",
                q.symbol,
                q.price,
                show(q.change),
                show(q.percent)
            )),
            _ => None,
        })
        .collect()
}

macro_rules! comma_grouping {
    ($($name:ident: $price:expr => $value:expr;)*) => {$(
        #[test]
        fn $name() {
            let text = format!("DAX {} +85,10 (+0,45 %)", $price);
            let quotes = ParseOptions::new().number_style(NumberStyle::Comma).parse(&text).unwrap();
            assert_eq!(quotes[0].price.to_string(), $value);
        }
    )*};
}

comma_grouping! {
    comma_style_groups_with_spaces: "19 012,44" => "19012.44";
    comma_style_groups_with_dots: "19.012,44" => "19012.44";
    comma_style_groups_with_nbsp: "19\u{a0}012,44" => "19012.44";
    comma_style_groups_with_narrow_nbsp: "19\u{202f}012,44" => "19012.44";
    comma_style_groups_with_thin_spaces: "19\u{2009}012,44" => "19012.44";
    comma_style_groups_with_apostrophes: "19'012,44" => "19012.44";
    comma_style_groups_millions: "1 019 012,44" => "1019012.44";
}

#[test]
fn dot_style_groups_with_commas_and_apostrophes() {
    let quotes =
        tickerstrip::parse("SMI 11'912.40 +38.15 (+0.32%) | DJI 39,872.99 -120.44 (-0.30%)")
            .unwrap();
    assert_eq!(quotes[0].price.to_string(), "11912.40");
    assert_eq!(quotes[1].price.to_string(), "39872.99");
}

#[test]
fn auto_reads_comma_decimals_and_reports_why() {
    let text = include_str!("data/conformance/comma-decimals.txt");
    let segments = tickerstrip::scan(text);
    let decision = segments.number_style();
    assert_eq!(decision.style, NumberStyle::Comma);
    assert!(matches!(decision.reason, StyleReason::Evidence { comma, dot: 0 } if comma >= 10));
    assert_eq!(segments.filter(|s| s.as_quote().is_some()).count(), 5);
}

#[test]
fn digits_ending_a_symbol_are_no_evidence_for_comma_decimals() {
    let strip =
        "A1 100,000 +0 +0% | KSE100 112,345 Increased By 812 (1%) | NIFTY50 100,250 +120 (+1%)";
    let prices: Vec<String> = tickerstrip::parse(strip)
        .unwrap()
        .iter()
        .map(|q| q.price.to_string())
        .collect();
    assert_eq!(prices, ["100000", "112345", "100250"]);
}

#[test]
fn auto_without_evidence_reads_dots() {
    let quotes = tickerstrip::quotes("X 1,234 +5 (+1%)");
    let decision = quotes.number_style();
    assert_eq!(decision.style, NumberStyle::Dot);
    assert_eq!(decision.reason, StyleReason::Evidence { comma: 0, dot: 0 });
}

#[test]
fn forcing_dot_on_comma_decimals_misreads_nothing() {
    let text = include_str!("data/conformance/comma-decimals.txt");
    let dot = ParseOptions::new().number_style(NumberStyle::Dot);
    assert_eq!(scanned(&dot, text), Vec::<String>::new());
    let error = dot.parse(text).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::MalformedNumber);
    assert_eq!(
        error.to_string(),
        "line 1, column 8: expected a change, found malformed number '012,44'"
    );
}

#[test]
fn forcing_comma_on_dot_decimals_misreads_nothing() {
    let text = include_str!("data/conformance/separated.txt");
    let comma = ParseOptions::new().number_style(NumberStyle::Comma);
    assert_eq!(scanned(&comma, text), Vec::<String>::new());
}

macro_rules! currency_cases {
    ($($name:ident: $sign:expr;)*) => {$(
        #[test]
        fn $name() {
            let text = format!("ABC {}12.50 +0.25 (+2.04%)", $sign);
            let quote = &tickerstrip::parse(&text).unwrap()[0];
            assert_eq!(quote.currency.map(|c| c.sign()), Some($sign));
            assert_eq!(quote.price.to_string(), "12.50");
            assert!(tickerstrip::validate(quote).is_empty());
            assert_eq!(quote.to_string(), format!("ABC{}12.50▲ 0.25 (2.04%)", $sign));
        }
    )*};
}

currency_cases! {
    dollar: "$";
    euro: "€";
    pound: "£";
    yen: "¥";
    rupee: "₹";
    naira: "₦";
}

macro_rules! suffix_cases {
    ($($name:ident: $suffix:expr => $magnitude:expr, $value:expr;)*) => {$(
        #[test]
        fn $name() {
            // `ada`, not a field word such as `cap` (SPEC 9, stage 7).
            let text = format!("ada$1.25{}+1.2%", $suffix);
            let quote = &ParseOptions::new().parse(&text).unwrap()[0];
            assert_eq!(quote.magnitude, Some($magnitude));
            assert_eq!(quote.price.to_string(), $value);
            assert_eq!(quote.shown_price().to_string(), "1.25");
        }
    )*};
}

suffix_cases! {
    thousand_lower: "k" => Magnitude::Thousand, "1250";
    thousand_upper: "K" => Magnitude::Thousand, "1250";
    million_lower: "m" => Magnitude::Million, "1250000";
    million_upper: "M" => Magnitude::Million, "1250000";
    billion_letter: "B" => Magnitude::Billion, "1250000000";
    billion_bn: "bn" => Magnitude::Billion, "1250000000";
    billion_capital_bn: "Bn" => Magnitude::Billion, "1250000000";
    trillion_letter: "T" => Magnitude::Trillion, "1250000000000";
    trillion_tn: "tn" => Magnitude::Trillion, "1250000000000";
    trillion_tr: "Tr" => Magnitude::Trillion, "1250000000000";
}

#[test]
fn small_values_keep_their_decimals_under_a_suffix() {
    let quote = &tickerstrip::parse("pepe$0.0015k-2.1%").unwrap()[0];
    assert_eq!(quote.price.to_string(), "1.5");
}

#[test]
fn a_suffix_needs_a_word_boundary() {
    let error = tickerstrip::parse("X 12.5kg +1%").unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 1, column 7: expected a direction marker or a change after price 12.5, found 'k'"
    );
}

#[test]
fn crypto_strip_round_trips_through_display() {
    let text = include_str!("data/conformance/crypto.txt");
    for quote in tickerstrip::parse(text.trim_end()).unwrap() {
        let again: tickerstrip::OwnedQuote = quote.to_string().parse().unwrap();
        assert_eq!(
            (again.price, again.as_quote().shown_price(), again.magnitude),
            (quote.price, quote.shown_price(), quote.magnitude)
        );
        assert_eq!(again.to_string(), quote.to_string());
    }
}

/// A lowercase symbol is read only glued to its price, so its canonical
/// text keeps it glued where a currency sign stands between them, even
/// with a digit in it (a space keeps other digits apart, rule G).
#[test]
fn a_lowercase_symbol_with_a_digit_round_trips_beside_a_currency_sign() {
    for text in ["c1k$766+$7+1%", "1inch$0.25+0.01+4.17%"] {
        let found: Vec<_> = tickerstrip::scan(text)
            .filter_map(|s| s.as_quote().cloned())
            .collect();
        assert_eq!(found.len(), 1, "{text}");
        let canonical = found[0].to_string();
        assert!(
            !canonical.contains(' ') || canonical.find(' ') > canonical.find('$'),
            "{canonical}"
        );
        let again: tickerstrip::OwnedQuote = canonical.parse().unwrap();
        assert_eq!(again.to_string(), canonical);
        assert_eq!(again.as_quote().symbol, found[0].symbol);
    }
}

#[test]
fn lowercase_symbols_count_only_when_glued_in_scan() {
    let options = ParseOptions::new();
    assert_eq!(
        // On a line of its own: beside the quote, `3200 +0.4%` would be
        // numbers no quote explains (rule R).
        scanned(&options, "btc$71.4k+1.2%\neth 3200 +0.4%"),
        ["btc 71400 - 1.2"]
    );
    assert_eq!(
        scanned(&options, "the index gained 120.25 (+0.55%)"),
        Vec::<String>::new()
    );
    // Strict mode reads the same way (SPEC 9): it never yields a quote a
    // scan refuses, so a lowercase word apart from its price is no symbol
    // there either, while a glued one is.
    assert_eq!(
        scanned(&options, "eth 3,200.50 +0.4%"),
        Vec::<String>::new()
    );
    assert!(tickerstrip::parse("eth 3,200.50 +0.4%").is_err());
    let eth = &tickerstrip::parse("eth$3,200.50+0.4%").unwrap()[0];
    assert_eq!(
        (eth.symbol, eth.price.to_string()),
        ("eth", "3200.50".into())
    );
}

#[test]
fn a_field_word_is_no_symbol() {
    // `cap` captions a column (Market Cap); a label is never a field word
    // (SPEC 9, stage 7), even glued to a price.
    let options = ParseOptions::new();
    assert_eq!(scanned(&options, "cap$1.25k+1.2%"), Vec::<String>::new());
    assert_eq!(scanned(&options, "ada$1.25k+1.2%"), ["ada 1250 - 1.2"]);
}

#[test]
fn mixed_case_symbols_count_anywhere() {
    assert_eq!(
        scanned(&ParseOptions::new(), "BKTi 12.40 +0.10 (+0.81%)"),
        ["BKTi 12.40 0.10 0.81"]
    );
}

#[test]
fn ambiguous_glued_split_is_reported_with_candidates() {
    let strip = "N22538,823.91 -123.02 -0.32%";
    let error = tickerstrip::parse(strip).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::AmbiguousSymbol);
    assert!(
        error
            .to_string()
            .ends_with("N22 538,823.91, N225 38,823.91 or N2253 8,823.91")
    );
    // Scan mode skips it rather than guess.
    assert_eq!(scanned(&ParseOptions::new(), strip), Vec::<String>::new());
}

#[test]
fn known_symbols_decide_glued_splits() {
    let strip = "N22538,823.91 -123.02 -0.32%";
    let options = ParseOptions::new().symbols(["N225", "N2"]);
    let quote = &options.parse(strip).unwrap()[0];
    assert_eq!(
        (quote.symbol, quote.price.to_string()),
        ("N225", "38823.91".to_string())
    );
    assert_eq!(scanned(&options, strip), ["N225 38823.91 -123.02 -0.32"]);
}

#[test]
fn known_symbols_come_before_the_other_rules() {
    // Without the list the symbol runs to its last letter: NDX, 18,310.42.
    let options = ParseOptions::new().symbols(["NDX1"]);
    let quote = &options.parse("NDX18,310.42 +95.10 +0.52%").unwrap()[0];
    assert_eq!(
        (quote.symbol, quote.price.to_string()),
        ("NDX1", "8310.42".to_string())
    );
    // A listed symbol that leaves no valid price does not fit: ASX20 would
    // leave 07,812.40, so grouping still proves ASX200.
    let options = ParseOptions::new().symbols(["ASX20"]);
    assert_eq!(
        options.parse("ASX2007,812.40 +12.50 +0.16%").unwrap()[0].symbol,
        "ASX200"
    );
    // A listed symbol that no price follows is passed over.
    let options = ParseOptions::new().symbols(["AG"]);
    assert_eq!(
        options.parse("AGL40.13▲ 0.12 (0.00%)").unwrap()[0].symbol,
        "AGL"
    );
}

#[test]
fn vertical_layout_reads_one_field_a_line() {
    let page = "Market watch\n\
                AGL\n40.13\n▲ 0.12\n(0.00%)\n\
                AIRLINK\n189.43\n▲ 1.45\n(0.01%)\n\
                FCCL\n38.59\n▼ -0.41\n(-0.01%)\n\
                KEL\n6.34\n▼ -0.06\n(-0.01%)\n\
                NIFTY\n22,150.40\n+120.25\n(+0.55%)\n\
                Read more";
    assert_eq!(
        scanned(&ParseOptions::new(), page),
        [
            "AGL 40.13 0.12 0.00",
            "AIRLINK 189.43 1.45 0.01",
            "FCCL 38.59 -0.41 -0.01",
            "KEL 6.34 -0.06 -0.01",
            "NIFTY 22150.40 120.25 0.55",
        ]
    );
}
