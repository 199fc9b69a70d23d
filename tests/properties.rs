//! Properties over random text and random quotes: scan mode tiles any input,
//! strict errors point inside the input at the right line and column, valid
//! quotes survive garbage around them, and every format reads back the
//! fields it was rendered from.

mod common;

use std::ops::Range;

use proptest::prelude::*;
use proptest::sample::select;
use tickerstrip::{Decimal, Direction, NumberStyle, ParseOptions, Quote, Segment};

/// Fragments of strips and pages, hostile ones included.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "AGL", "AIRLINK", "KSE100", "555", "btc", "^GSPC", "BRK.B", "40.13", "0.12", "0", "22,150.40",
    "98,412", "1,2345", "19.06.2024", "0123", "1e10", "1_000", "7,812.40", "12,50", "0,45 %",
    "71.4k", "$", "€", "▲", "▼", "►", "🔺", "\u{fe0f}", "â–²", "+", "-", "−", "–", "(", ")", "%",
    "(0.00%)", "(+0.55%)", "(0.0", " ", "  ", "\n", "\r\n", "\t", "|", " | ", "•", "·", ";",
    "\u{a0}", "\u{202f}", "\u{2009}", "\u{200b}", "\u{200f}", "\u{feff}", "\0", "\x1b", "é",
    "Increased By", "Decreased By", "No Change", "Up", "Down", "unch", "The index gained",
    "AGL40.13▲ 0.12 (0.00%)", "NIFTY 22,150.40 +120.25 (+0.55%)", "KQ4.12+6.74%",
    "ABOT 812.000000 -4.10", "HBL 113.00 No Change ▼ 0.00 (0%)",
];

/// Arbitrary text: any characters, or strip fragments and characters mixed.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => select(PIECES).prop_map(String::from),
        1 => "(?s).{0,6}",
    ];
    prop_oneof![
        "(?s).{0,120}",
        proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat()),
    ]
}

/// The 1-based line and character column of byte `offset` in `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, 1 + before[line_start..].chars().count())
}

/// The byte range of `part`, a slice of `whole`, in `whole`.
fn range_in(whole: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    start..start + part.len()
}

// ----- Random quotes, rendered in each family -------------------------------

/// A quote as rendered: its text and the fields it must read back as, with
/// decimals as strings so that their scale is compared too.
#[derive(Debug, Clone)]
struct Rendered {
    text: String,
    symbol: String,
    price: String,
    direction: Direction,
    change: Option<String>,
    percent: Option<String>,
}

impl Rendered {
    /// Compares a parsed quote with the fields, and its span with `span`.
    fn check(&self, quote: &Quote<'_>, span: Range<usize>) -> Result<(), TestCaseError> {
        let text = &self.text;
        prop_assert_eq!(quote.symbol, &self.symbol, "symbol of {:?}", text);
        prop_assert_eq!(
            quote.price.to_string(),
            self.price.clone(),
            "price of {:?}",
            text
        );
        prop_assert_eq!(quote.direction, self.direction, "direction of {:?}", text);
        let shown = |d: Option<Decimal>| d.map(|d| d.to_string());
        prop_assert_eq!(
            shown(quote.change),
            self.change.clone(),
            "change of {:?}",
            text
        );
        prop_assert_eq!(
            shown(quote.percent),
            self.percent.clone(),
            "percent of {:?}",
            text
        );
        prop_assert_eq!(quote.span.clone(), span, "span of {:?}", text);
        Ok(())
    }
}

/// A non-negative decimal: up to 9 integer digits and `max_scale` decimals,
/// as many short numbers (and zeros) as long ones.
fn decimal(max_scale: u32) -> impl Strategy<Value = Decimal> {
    (0..=max_scale, 0..=9u32).prop_flat_map(|(scale, int_digits)| {
        (0..10i64.pow(int_digits + scale)).prop_map(move |m| Decimal::new(m, scale))
    })
}

/// `value` with its integer digits grouped by commas: `22,150.40`.
fn grouped(value: Decimal) -> String {
    let text = value.to_string();
    let (int, fraction) = text.split_at(text.find('.').unwrap_or(text.len()));
    let mut out = String::new();
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out + fraction
}

/// What a signed field reads as: zero is never negative.
fn signed(value: Decimal, negative: bool) -> String {
    match negative && !value.is_zero() {
        true => format!("-{value}"),
        false => value.to_string(),
    }
}

/// The direction a signed field gives.
fn direction_of(value: Decimal, negative: bool) -> Direction {
    match (value.is_zero(), negative) {
        (true, _) => Direction::Unchanged,
        (false, true) => Direction::Down,
        (false, false) => Direction::Up,
    }
}

/// A shown sign: `+`, or one of the minus signs of rule S.
fn sign() -> impl Strategy<Value = (&'static str, bool)> {
    select(&[("+", false), ("-", true), ("−", true), ("–", true)][..])
}

/// Symbols of letters that are not direction words, so that no quote
/// attempt can read one as a marker (see `garbage_between_quotes_loses_no_quote`).
fn letters(range: Range<usize>) -> impl Strategy<Value = String> {
    const WORDS: [&str; 9] = [
        "UP",
        "DOWN",
        "UNCH",
        "UNCHANGED",
        "NO",
        "INCREASED",
        "DECREASED",
        "BY",
        "CHANGE",
    ];
    proptest::string::string_regex(&format!("[A-Z]{{{},{}}}", range.start, range.end - 1))
        .expect("valid regex")
        .prop_filter("a direction word", |s| !WORDS.contains(&s.as_str()))
}

/// Seed glued: `AGL40.13▲ 0.12 (0.00%)`, `FCCL38.59▼ -0.41 (-0.01%)`.
fn seed_glued() -> impl Strategy<Value = Rendered> {
    let up = select(&["▲", "△", "▴", "↑", "⬆", "🔺"][..]);
    let down = select(&["▼", "▽", "▾", "↓", "⬇", "🔻"][..]);
    (
        letters(1..8),
        decimal(4),
        prop_oneof![up.prop_map(|g| (g, false)), down.prop_map(|g| (g, true))],
        any::<bool>(),
        decimal(4),
        decimal(2),
    )
        .prop_map(|(symbol, price, (glyph, down), shown, change, percent)| {
            let minus = if down && shown { "-" } else { "" };
            Rendered {
                text: format!("{symbol}{price}{glyph} {minus}{change} ({minus}{percent}%)"),
                symbol,
                price: price.to_string(),
                direction: if down { Direction::Down } else { Direction::Up },
                change: Some(signed(change, down)),
                percent: Some(signed(percent, down)),
            }
        })
}

/// Worded lines: `KSE100 98,412 Increased By 812.3 (0.83%)`, percent
/// trailing zeros trimmed, a glyph after the word or not.
fn worded_line() -> impl Strategy<Value = Rendered> {
    let word = select(
        &[
            ("Increased By", Direction::Up, "▲"),
            ("INCREASED  BY", Direction::Up, "▲"),
            ("Decreased By", Direction::Down, "▼"),
            ("decreased by", Direction::Down, "▼"),
            ("No Change", Direction::Unchanged, "►"),
            ("Unchanged", Direction::Unchanged, "►"),
        ][..],
    );
    (
        (letters(2..6), "[0-9]{0,3}").prop_map(|(l, d)| l + &d),
        decimal(3),
        word,
        any::<bool>(),
        decimal(2),
        decimal(3),
    )
        .prop_map(
            |(symbol, price, (word, direction, glyph), with_glyph, change, percent)| {
                let glyph = if with_glyph {
                    format!(" {glyph}")
                } else {
                    String::new()
                };
                let percent = percent.normalize();
                let down = direction == Direction::Down;
                Rendered {
                    text: format!(
                        "{symbol} {} {word}{glyph} {change} ({percent}%)",
                        grouped(price)
                    ),
                    symbol,
                    price: price.to_string(),
                    direction,
                    change: Some(signed(change, down)),
                    percent: Some(signed(percent, down)),
                }
            },
        )
}

/// The record of a quote rendered as `text` with a change and a percent,
/// each a magnitude and whether it was shown with a minus.
fn signed_quote(
    text: String,
    symbol: String,
    price: Decimal,
    (change, c_minus): (Decimal, bool),
    (percent, p_minus): (Decimal, bool),
) -> Rendered {
    Rendered {
        text,
        symbol,
        price: price.to_string(),
        direction: direction_of(change, c_minus),
        change: Some(signed(change, c_minus)),
        percent: Some(signed(percent, p_minus)),
    }
}

/// Separated with signs: `NIFTY 22,150.40 +120.25 (+0.55%)`.
fn separated() -> impl Strategy<Value = Rendered> {
    let symbol = prop_oneof![
        letters(1..6),
        letters(2..5).prop_map(|s| format!("^{s}")),
        (letters(1..4), letters(1..2)).prop_map(|(a, b)| format!("{a}.{b}")),
    ];
    (symbol, decimal(2), sign(), decimal(2), sign(), decimal(2)).prop_map(
        |(symbol, price, (c_sign, c_minus), change, (p_sign, p_minus), percent)| {
            let text = format!(
                "{symbol} {} {c_sign}{change} ({p_sign}{percent}%)",
                grouped(price)
            );
            signed_quote(text, symbol, price, (change, c_minus), (percent, p_minus))
        },
    )
}

/// Change only: `ABOT 812.000000 -4.10`, `AGHA 11.870000 0.12`.
fn change_only() -> impl Strategy<Value = Rendered> {
    let sign = prop_oneof![Just(("", false)), sign()];
    (letters(1..6), decimal(6), sign, decimal(4)).prop_map(
        |(symbol, price, (c_sign, minus), change)| Rendered {
            text: format!("{symbol} {price} {c_sign}{change}"),
            symbol,
            price: price.to_string(),
            direction: direction_of(change, minus),
            change: Some(signed(change, minus)),
            percent: None,
        },
    )
}

/// Percent only, glued: `KQ4.12+6.74%`.
fn percent_only_glued() -> impl Strategy<Value = Rendered> {
    let sign = select(&[("+", false), ("-", true)][..]);
    (letters(1..6), decimal(3), sign, decimal(2)).prop_map(
        |(symbol, price, (p_sign, minus), percent)| Rendered {
            text: format!("{symbol}{price}{p_sign}{percent}%"),
            symbol,
            price: price.to_string(),
            direction: direction_of(percent, minus),
            change: None,
            percent: Some(signed(percent, minus)),
        },
    )
}

/// Symbols with digits, a separator after them: `KSE100 98,412 +812.3 +0.83%`.
fn digit_symbol() -> impl Strategy<Value = Rendered> {
    let symbol = prop_oneof![
        (letters(1..5), "[0-9]{1,3}").prop_map(|(l, d)| l + &d),
        "[0-9]{3,4}",
    ];
    (symbol, decimal(2), sign(), decimal(2), sign(), decimal(2)).prop_map(
        |(symbol, price, (c_sign, c_minus), change, (p_sign, p_minus), percent)| {
            let text = format!(
                "{symbol} {} {c_sign}{change} {p_sign}{percent}%",
                grouped(price)
            );
            signed_quote(text, symbol, price, (change, c_minus), (percent, p_minus))
        },
    )
}

/// A strip of one family: its quotes and the text between two of them.
fn strip() -> impl Strategy<Value = (Vec<Rendered>, &'static str)> {
    let quotes = |family: BoxedStrategy<Rendered>| proptest::collection::vec(family, 1..6);
    prop_oneof![
        (quotes(seed_glued().boxed()), Just("")),
        (quotes(worded_line().boxed()), Just("\n")),
        (quotes(separated().boxed()), Just(" | ")),
        (quotes(change_only().boxed()), Just(" | ")),
        (quotes(percent_only_glued().boxed()), Just("")),
        (quotes(digit_symbol().boxed()), Just("\n")),
    ]
}

/// Joins quotes with `between`, returning the text and each quote's span.
fn join(quotes: &[Rendered], between: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (i, quote) in quotes.iter().enumerate() {
        if i > 0 {
            text.push_str(between);
        }
        spans.push(text.len()..text.len() + quote.text.len());
        text.push_str(&quote.text);
    }
    (text, spans)
}

// ----- Garbage -----------------------------------------------------------------

/// Words, numbers and signs of page text, and pieces of broken quotes.
#[rustfmt::skip]
const GARBAGE: &[&str] = &[
    "The", "index", "gained", "120.25", "(+0.55%)", "today.", "%", "(", ")", "12", "3.5", "0",
    "19.06.2024", "1,2345", "1e10", "CAC 40", "Putin-Kim Summit:", "▲", "▼", "►", "-", "+", "−",
    "$", "k", "Up", "No Change", "ZZ 12", "ZZ 12 ▲", "ZZ 12 +", "ZZ 12 +1 (", "AGL40.13▲ 0.12 (0.0",
    "ABOT 812.000000", "â–²", "\u{200b}", "\u{200f}", "\0", "|", "•", ";", "\t",
];

/// Garbage: page words and broken quotes, or any characters at all.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(select(GARBAGE), 1..6).prop_map(|words| words.join(" ")),
        "(?s).{0,40}",
    ]
}

/// A quote that the garbage test places: one of the strong families.
fn placed_quote() -> impl Strategy<Value = Rendered> {
    prop_oneof![
        seed_glued(),
        worded_line(),
        separated(),
        percent_only_glued()
    ]
}

proptest! {
    #![proptest_config(common::proptest_config("properties"))]

    /// (a) Scan never panics, and its segments tile the input: each starts
    /// where the last ended, the last ends at the input's end, skipped text
    /// is the text of its span and a quote's symbol lies inside its span.
    #[test]
    fn scan_segments_tile_any_input(text in text()) {
        let mut end = 0;
        for segment in tickerstrip::scan(&text) {
            let span = segment.span();
            prop_assert_eq!(span.start, end, "gap or overlap at {:?} in {:?}", segment, text);
            prop_assert!(span.start < span.end, "empty segment {:?}", segment);
            prop_assert!(text.get(span.clone()).is_some(), "span {:?} splits a char", span);
            match &segment {
                Segment::Skipped(skipped) => prop_assert_eq!(skipped.text, &text[span.clone()]),
                Segment::Quote(quote) => {
                    let symbol = range_in(&text, quote.symbol);
                    prop_assert!(span.start <= symbol.start && symbol.end <= span.end);
                    // A ticker has at most 15 characters (rule Y), a name 40 (rule W).
                    let longest = match quote.label {
                        tickerstrip::Label::Name => 40,
                        _ => 15,
                    };
                    prop_assert!((1..=longest).contains(&quote.symbol.chars().count()), "{:?}", quote);
                }
                other => prop_assert!(false, "a segment of a new kind: {:?}", other),
            }
            end = span.end;
        }
        prop_assert_eq!(end, text.len(), "segments stop early in {:?}", text);
    }

    /// (b) Strict parsing gives quotes or an error positioned inside the
    /// input, on a char boundary, at the line and column of its offset;
    /// every error of `quotes` too, numbered by its place in the stream.
    #[test]
    fn strict_errors_point_into_the_input(text in text()) {
        let mut errors: Vec<_> = tickerstrip::parse(&text).err().into_iter().collect();
        for (i, item) in tickerstrip::quotes(&text).enumerate() {
            if let Err(error) = item {
                prop_assert_eq!(error.quote_index(), i, "{} in {:?}", error, text);
                errors.push(error);
            }
        }
        for error in errors {
            let offset = error.offset();
            prop_assert!(offset <= text.len(), "{} past the end of {:?}", error, text);
            prop_assert!(text.is_char_boundary(offset), "{} inside a char of {:?}", error, text);
            prop_assert!(error.line() >= 1 && error.column() >= 1);
            prop_assert_eq!(
                (error.line(), error.column()),
                line_and_column(&text, offset),
                "{} in {:?}", error, text
            );
            let message = error.to_string();
            let prefix = format!("line {}, column {}: expected ", error.line(), error.column());
            prop_assert!(message.starts_with(&prefix), "{}", message);
        }
    }

    /// (c) Valid quotes survive any garbage around them in scan mode.
    ///
    /// The constraint that makes this a property rather than a wish: the
    /// garbage stands on lines of its own and cannot extend a quote. (On a
    /// quote's line, garbage with a number in it would be a number no
    /// quote explains, and rule R rightly drops the quote.) Every placed quote ends with its percent, after which
    /// the grammar reads nothing more, so garbage after a quote cannot
    /// become one of its fields. Every placed quote starts with a letter
    /// symbol that is not a direction word, so an attempt that starts in the
    /// garbage before it cannot take that symbol as its price, marker, change
    /// or percent (fields may be separated by white space and `|`, so a
    /// digit-led quote such as `555 7.12 +0.33` could be swallowed by
    /// garbage ending in a word; `^GSPC` is fine). And numbers are read as dot decimals
    /// explicitly: with `Auto`, garbage full of comma decimals (`0,45`)
    /// would rightly switch the whole input to comma style.
    #[test]
    fn garbage_between_quotes_loses_no_quote(
        parts in proptest::collection::vec(
            (garbage(), select(&["\n", "\r\n"][..]), placed_quote(), select(&["\n", "\r\n"][..])),
            1..6,
        ),
        tail in garbage(),
    ) {
        let mut text = String::new();
        let mut placed = Vec::new();
        for (garbage, before, quote, after) in &parts {
            text.push_str(garbage);
            text.push_str(before);
            placed.push((quote, text.len()..text.len() + quote.text.len()));
            text.push_str(&quote.text);
            text.push_str(after);
        }
        text.push_str(&tail);

        let options = ParseOptions::new().number_style(NumberStyle::Dot);
        let found: Vec<Quote> = options.scan(&text).filter_map(|s| s.as_quote().cloned()).collect();
        for (quote, span) in placed {
            let Some(read) = found.iter().find(|q| q.span == span) else {
                return Err(TestCaseError::fail(format!(
                    "lost {:?} at {span:?} in {text:?}; found {:?}",
                    quote.text,
                    found.iter().map(|q| (q.symbol, q.span.clone())).collect::<Vec<_>>()
                )));
            };
            quote.check(read, span)?;
        }
    }

    /// (d) Random quotes rendered in each family parse back, strictly, to
    /// the fields they were rendered from, scales and spans included.
    ///
    /// Numbers are read as dot decimals explicitly: `Auto` takes the digits
    /// that end a symbol and a grouped price after it for one comma number
    /// (`A1 100,000` as `1 100,000`) and reads `A1 100,000 +0 +0%` at a
    /// price of 100.000 (reported; `Auto` once it is fixed).
    #[test]
    fn every_family_reads_back_its_fields((quotes, between) in strip()) {
        let (text, spans) = join(&quotes, between);
        let parsed = ParseOptions::new()
            .number_style(NumberStyle::Dot)
            .parse(&text)
            .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(parsed.len(), quotes.len(), "quotes of {:?}", text);
        for ((quote, span), read) in quotes.iter().zip(spans).zip(&parsed) {
            quote.check(read, span)?;
        }
    }
}
