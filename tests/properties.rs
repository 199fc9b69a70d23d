//! Properties over random text and random quotes: scan mode tiles any input,
//! strict errors point inside the input at the right line and column, valid
//! quotes survive garbage around them, every format reads back the fields
//! it was rendered from, strict and scan mode read every strip alike, and
//! strict mode never yields a quote that scan mode does not.
//!
//! Quotes are rendered with realistic numbers (SPEC 9): a previous close
//! and a move off it give the price, the change and the percent at their
//! shown rounding, so that the arithmetic checks; some percents are drawn
//! at random instead, on quotes whose markers and decimals carry them.

mod common;

use std::ops::{Range, RangeInclusive};

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
    "ABOT 812.000000 -4.10", "HBL 113.00 No Change ▼ 0.00 (0%)", "DAX 19 012,44 +85,10 (+0,45 %)",
    "btc$71.4k+1.2%", "ASX2007,812.40 +12.50 +0.16%", "KSE100 98,412 Increased By 812.3 (0.83%)",
    "CAC 40 7,412.30 -18.25 (-0.25%)", "ACME 5 +1 (1%)", "Markets were quiet", "in early trade",
    "2025-09-26", "17:15", "Vol", "Prev. Close", "| Name | Last | Chg % |", "12", "3.5", "1,234",
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

/// `value` rounded to `scale` decimals and shown with all of them, never
/// as a negative zero.
fn shown(value: Decimal, scale: u32) -> Decimal {
    let mut shown = value.round_dp(scale);
    shown.rescale(scale);
    if shown.is_zero() {
        shown.set_sign_positive(true);
    }
    shown
}

/// A day's move: a previous close and the move off it in basis points.
/// Every number a page shows of it is rounded from these, so the
/// numbers of a quote check each other at their shown rounding.
#[derive(Debug, Clone, Copy)]
struct Move {
    close: Decimal,
    basis_points: i64,
}

impl Move {
    /// The price, shown with `scale` decimals.
    fn price(self, scale: u32) -> Decimal {
        shown(self.close + self.change_exact(), scale)
    }

    fn change_exact(self) -> Decimal {
        self.close * Decimal::new(self.basis_points, 4)
    }

    /// The change's magnitude, shown with `scale` decimals.
    fn change(self, scale: u32) -> Decimal {
        shown(self.change_exact().abs(), scale)
    }

    /// The percent's magnitude, shown with `scale` decimals.
    fn percent(self, scale: u32) -> Decimal {
        shown(Decimal::new(self.basis_points.abs(), 2), scale)
    }

    /// The change over the previous close as a plain ratio, as the seed
    /// page shows its percent column (`percent-is-fraction`).
    fn ratio(self, scale: u32) -> Decimal {
        shown(Decimal::new(self.basis_points.abs(), 4), scale)
    }

    fn down(self) -> bool {
        self.basis_points < 0
    }
}

/// Moves off previous closes of `digits` integer digits: mostly within
/// 3%, some up to 15%, some none at all.
fn moves(digits: RangeInclusive<u32>) -> impl Strategy<Value = Move> {
    let close = digits.prop_flat_map(|digits| {
        let low = 10i64.pow(digits - 1 + 4);
        (low..low * 10).prop_map(|m| Decimal::new(m, 4))
    });
    let basis_points = prop_oneof![
        1 => Just(0i64),
        6 => -300i64..=300,
        2 => -1500i64..=1500,
    ];
    (close, basis_points).prop_map(|(close, basis_points)| Move {
        close,
        basis_points,
    })
}

/// A percent's magnitude that the move's numbers need not explain: a
/// quote whose markers and decimals carry it (SPEC 9, step 5), with the
/// percent of the move as often as not.
fn percent_of(m: Move, scale: u32) -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(m.percent(scale)),
        (1i64..=1500).prop_map(move |bp| shown(Decimal::new(bp, 2), scale)),
    ]
}

/// `value` with its integer digits grouped by `separator`: `22,150.40`.
fn grouped_by(value: Decimal, separator: &str, point: &str) -> String {
    let text = value.to_string();
    let (int, fraction) = text.split_at(text.find('.').unwrap_or(text.len()));
    let mut out = String::new();
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(digit);
    }
    match fraction.strip_prefix('.') {
        Some(fraction) => format!("{out}{point}{fraction}"),
        None => out,
    }
}

/// `value` with its integer digits grouped by commas: `22,150.40`.
fn grouped(value: Decimal) -> String {
    grouped_by(value, ",", ".")
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

/// A minus sign of rule S.
fn minus() -> impl Strategy<Value = &'static str> {
    select(&["-", "−", "–"][..])
}

/// The shown sign of a field that moves `down`: `+`, or a minus.
fn sign_for(down: bool) -> BoxedStrategy<&'static str> {
    match down {
        true => minus().boxed(),
        false => Just("+").boxed(),
    }
}

/// Whether the reader takes `symbol` for the label of a plain quote: a
/// symbol that is a direction word, a header word (`LAST`, `VOL`), a
/// month, a currency code or another word the reader knows is no
/// instrument's label (SPEC 9, step 7), whatever the layout around it.
fn is_label(symbol: &str) -> bool {
    let quote = format!("{symbol} 40.13 +0.12 (+0.30%)");
    tickerstrip::parse(&quote).is_ok_and(|quotes| quotes.len() == 1 && quotes[0].symbol == symbol)
}

/// Symbols of `range` uppercase letters that the reader takes for labels.
fn letters(range: Range<usize>) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[A-Z]{{{},{}}}", range.start, range.end - 1))
        .expect("valid regex")
        .prop_filter("a word the reader knows", |s| is_label(s))
}

/// Seed glued: `AGL40.13▲ 0.12 (0.00%)`, `FCCL38.59▼ -0.41 (-0.01%)`,
/// `PIBTL9.07▲ 1 (0.12%)`; the percent column shows the plain ratio as
/// often as the percent.
fn seed_glued() -> impl Strategy<Value = Rendered> {
    let up = select(&["▲", "△", "▴", "↑", "⬆", "🔺"][..]);
    let down = select(&["▼", "▽", "▾", "↓", "⬇", "🔻"][..]);
    (letters(1..8), moves(1..=3), 1..=3u32, any::<bool>())
        .prop_flat_map(move |(symbol, m, price_scale, ratio)| {
            let glyph = match m.down() {
                true => down.clone().boxed(),
                false => up.clone().boxed(),
            };
            let percent = match ratio {
                true => Just(m.ratio(2)).boxed(),
                false => percent_of(m, 2).boxed(),
            };
            (
                Just((symbol, m, price_scale)),
                glyph,
                any::<bool>(),
                0..=price_scale,
                percent,
            )
        })
        .prop_map(
            |((symbol, m, price_scale), glyph, shown_minus, change_scale, percent)| {
                let down = m.down();
                let minus = if down && shown_minus { "-" } else { "" };
                let (price, change) = (m.price(price_scale), m.change(change_scale));
                Rendered {
                    text: format!("{symbol}{price}{glyph} {minus}{change} ({minus}{percent}%)"),
                    symbol,
                    price: price.to_string(),
                    direction: if down { Direction::Down } else { Direction::Up },
                    change: Some(signed(change, down)),
                    percent: Some(signed(percent, down)),
                }
            },
        )
}

/// Worded lines: `KSE100 98,412 Increased By 812.3 (0.83%)`, percent
/// trailing zeros trimmed, a glyph after the word or not.
fn worded_line() -> impl Strategy<Value = Rendered> {
    let symbol = (letters(2..6), "[0-9]{0,3}").prop_map(|(l, d)| l + &d);
    // An integer price is grouped: a price shown with decimals or grouping.
    let price = prop_oneof![(moves(1..=4), 1..=3u32), (moves(4..=6), Just(0u32))];
    (
        symbol,
        price,
        1..=2u32,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_flat_map(
            |(symbol, (m, price_scale), change_scale, glyph, spaced, shown_minus)| {
                let percent = percent_for(m, price_scale);
                (
                    Just((
                        symbol,
                        m,
                        price_scale,
                        change_scale,
                        glyph,
                        spaced,
                        shown_minus,
                    )),
                    percent,
                )
            },
        )
        .prop_map(
            |((symbol, m, price_scale, change_scale, glyph, spaced, shown_minus), percent)| {
                let (price, change) = (m.price(price_scale), m.change(change_scale));
                let (word, direction, mark) = match m.basis_points.signum() {
                    1 if spaced => ("INCREASED BY", Direction::Up, "▲"),
                    1 => ("Increased By", Direction::Up, "▲"),
                    -1 if spaced => ("decreased by", Direction::Down, "▼"),
                    -1 => ("Decreased By", Direction::Down, "▼"),
                    _ if spaced => ("Unchanged", Direction::Unchanged, "►"),
                    _ => ("No Change", Direction::Unchanged, "►"),
                };
                let down = direction == Direction::Down;
                let glyph = if glyph {
                    format!(" {mark}")
                } else {
                    String::new()
                };
                let minus = if down && shown_minus { "-" } else { "" };
                let percent = percent.normalize();
                Rendered {
                    text: format!(
                        "{symbol} {} {word}{glyph} {minus}{change} ({minus}{percent}%)",
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

/// The record of a quote of move `m` rendered as `text`, its change and
/// percent shown as magnitudes with the sign of the move.
fn signed_quote(
    text: String,
    symbol: String,
    price: Decimal,
    change: Decimal,
    percent: Decimal,
    down: bool,
) -> Rendered {
    Rendered {
        text,
        symbol,
        price: price.to_string(),
        direction: direction_of(change, down),
        change: Some(signed(change, down)),
        percent: Some(signed(percent, down)),
    }
}

/// A price of a strip that groups its digits: decimals, or an integer of
/// about four digits or more.
fn grouped_price() -> impl Strategy<Value = (Move, u32)> {
    prop_oneof![(moves(1..=5), 1..=2u32), (moves(4..=5), Just(0u32))]
}

/// The percent of a quote of move `m` whose price shows `price_scale`
/// decimals: the move's own where the price shows none, for then only
/// the arithmetic vouches for the quote (markers need a price with
/// decimals or grouping, SPEC 9).
fn percent_for(m: Move, price_scale: u32) -> BoxedStrategy<Decimal> {
    match price_scale {
        0 => Just(m.percent(2)).boxed(),
        _ => percent_of(m, 2).boxed(),
    }
}

/// Separated with signs: `NIFTY 22,150.40 +120.25 (+0.55%)`.
fn separated() -> impl Strategy<Value = Rendered> {
    let symbol = prop_oneof![
        letters(1..6),
        letters(2..5).prop_map(|s| format!("^{s}")),
        (letters(1..4), letters(1..2)).prop_map(|(a, b)| format!("{a}.{b}")),
    ];
    (symbol, grouped_price(), 1..=2u32, any::<bool>())
        .prop_flat_map(|(symbol, (m, price_scale), change_scale, parens)| {
            let percent = percent_for(m, price_scale);
            let signs = (sign_for(m.down()), sign_for(m.down()));
            (
                Just((symbol, m, price_scale, change_scale, parens)),
                percent,
                signs,
            )
        })
        .prop_map(
            |((symbol, m, price_scale, change_scale, parens), percent, (c_sign, p_sign))| {
                let (price, change) = (m.price(price_scale), m.change(change_scale));
                let percent_text = match parens {
                    true => format!("({p_sign}{percent}%)"),
                    false => format!("{p_sign}{percent}%"),
                };
                let text = format!(
                    "{symbol} {} {c_sign}{change} {percent_text}",
                    grouped(price)
                );
                signed_quote(text, symbol, price, change, percent, m.down())
            },
        )
}

/// Change only: `ABOT 812.000000 -4.10`, `AGHA 11.870000 +0.12`.
fn change_only() -> impl Strategy<Value = Rendered> {
    (letters(1..6), moves(1..=3), 1..=6u32, 1..=2u32)
        .prop_flat_map(|(symbol, m, price_scale, change_scale)| {
            (
                Just((symbol, m, price_scale, change_scale)),
                sign_for(m.down()),
            )
        })
        .prop_map(|((symbol, m, price_scale, change_scale), c_sign)| {
            let (price, change) = (m.price(price_scale), m.change(change_scale));
            Rendered {
                text: format!("{symbol} {price} {c_sign}{change}"),
                symbol,
                price: price.to_string(),
                direction: direction_of(change, m.down()),
                change: Some(signed(change, m.down())),
                percent: None,
            }
        })
}

/// A change-only strip (`ABOT 812.000000 -4.10 | ACPL 0.00 -9 | AGHA
/// 11.870000 0.12`): where it holds three quotes or more and one of them
/// shows a minus, rises may show no sign (SPEC 9: where other values of
/// the column carry a `-`, an unsigned one is positive, and the strip's
/// shape vouches for quotes without markers).
fn change_only_strip() -> impl Strategy<Value = Vec<Rendered>> {
    proptest::collection::vec((change_only(), any::<bool>()), 1..6).prop_map(|quotes| {
        let signed_column = quotes.len() >= 3
            && quotes
                .iter()
                .any(|(q, _)| q.change.as_deref().is_some_and(|c| c.starts_with('-')));
        quotes
            .into_iter()
            .map(|(quote, unsigned)| match signed_column && unsigned {
                true => Rendered {
                    text: quote.text.replacen(" +", " ", 1),
                    ..quote
                },
                false => quote,
            })
            .collect()
    })
}

/// Percent only, glued: `KQ4.12+6.74%`.
fn percent_only_glued() -> impl Strategy<Value = Rendered> {
    (letters(1..6), moves(1..=3), 1..=3u32, 1..=2u32).prop_map(
        |(symbol, m, price_scale, percent_scale)| {
            let (price, percent) = (m.price(price_scale), m.percent(percent_scale));
            let sign = if m.down() { "-" } else { "+" };
            Rendered {
                text: format!("{symbol}{price}{sign}{percent}%"),
                symbol,
                price: price.to_string(),
                direction: direction_of(percent, m.down()),
                change: None,
                percent: Some(signed(percent, m.down())),
            }
        },
    )
}

/// Symbols with digits: separated (`KSE100 98,412 +812.3 +0.83%`, `555
/// 7.12 +0.33 +4.86%`), or glued where grouping proves the split
/// (`ASX2007,812.40 +12.50 +0.16%`, rule G (b)), and letters glued to a
/// grouped price (`NDX18,310.42 +95.10 +0.52%`).
fn digit_symbol() -> impl Strategy<Value = Rendered> {
    // Three digits, no leading zero, and never a year (a year is no symbol).
    let digits = (100u32..1000).prop_map(|n| n.to_string());
    let separated = prop_oneof![
        (letters(1..5), "[0-9]{1,3}").prop_map(|(l, d)| l + &d),
        digits,
    ]
    .prop_filter("a label", |s| is_label(s))
    .prop_map(|s| (s, " "));
    // The digits after the letters and the price's first group (one digit)
    // make a group of four: the letters-only split is invalid, every cut
    // inside the digits leaves a price with a leading zero, and a cut
    // after the price's first digit leaves a group of none: one split is
    // valid. (`~` marks it until rendering.)
    let proven =
        (letters(1..4), select(&["100", "200", "300", "500"][..])).prop_map(|(l, d)| (l + d, "~"));
    let glued = letters(1..4).prop_map(|l| (l, ""));
    (
        prop_oneof![separated, proven, glued],
        grouped_price(),
        1..=2u32,
    )
        .prop_filter(
            "glued symbols stand before a grouped price",
            |((_, gap), (m, scale), _)| {
                let price = m.price(*scale);
                match *gap {
                    "" => price >= Decimal::from(1000),
                    "~" => price >= Decimal::from(1000) && price < Decimal::from(10_000),
                    _ => true,
                }
            },
        )
        .prop_map(|((symbol, gap), price, change_scale)| {
            ((symbol, gap.trim_start_matches('~')), price, change_scale)
        })
        .prop_flat_map(|((symbol, gap), (m, price_scale), change_scale)| {
            let signs = (sign_for(m.down()), sign_for(m.down()));
            (
                Just((symbol, gap, m, price_scale, change_scale)),
                percent_for(m, price_scale),
                signs,
            )
        })
        .prop_map(
            |((symbol, gap, m, price_scale, change_scale), percent, (c_sign, p_sign))| {
                let (price, change) = (m.price(price_scale), m.change(change_scale));
                let text = format!(
                    "{symbol}{gap}{} {c_sign}{change} {p_sign}{percent}%",
                    grouped(price)
                );
                signed_quote(text, symbol, price, change, percent, m.down())
            },
        )
}

/// Comma decimals: `DAX 19 012,44 +85,10 (+0,45 %)`, `SMI 11.912,40 …`,
/// grouped by space, `.`, NBSP, U+202F or `'`.
fn comma_decimals() -> impl Strategy<Value = Rendered> {
    let separator = select(&[" ", ".", "\u{a0}", "\u{202f}", "'"][..]);
    let percent_sign = select(&["%", " %"][..]);
    (
        letters(2..5),
        moves(1..=5),
        1..=2u32,
        separator,
        percent_sign,
        any::<bool>(),
    )
        .prop_flat_map(
            |(symbol, m, price_scale, separator, percent_sign, parens)| {
                let signs = (sign_for(m.down()), sign_for(m.down()));
                let fixed = (symbol, m, price_scale, separator, percent_sign, parens);
                (Just(fixed), percent_of(m, 2), signs)
            },
        )
        .prop_map(
            |(
                (symbol, m, price_scale, separator, percent_sign, parens),
                percent,
                (c_sign, p_sign),
            )| {
                let (price, change) = (m.price(price_scale), m.change(2));
                let comma = |d: Decimal| d.to_string().replace('.', ",");
                let percent_text = format!("{p_sign}{}{percent_sign}", comma(percent));
                let percent_text = match parens {
                    true => format!("({percent_text})"),
                    false => percent_text,
                };
                let text = format!(
                    "{symbol} {} {c_sign}{} {percent_text}",
                    grouped_by(price, separator, ","),
                    comma(change)
                );
                signed_quote(text, symbol, price, change, percent, m.down())
            },
        )
}

/// Crypto: `btc$71.4k+1.2%eth$3.2k-0.4%sol$142.10+3.3%`: lowercase
/// symbols glued to a currency sign, a magnitude suffix, percent only.
fn crypto() -> impl Strategy<Value = Rendered> {
    let symbol = select(
        &[
            "btc", "eth", "sol", "doge", "xrp", "ada", "dot", "avax", "link", "pepe", "shib",
            "ltc", "atom", "near",
        ][..],
    );
    (symbol, moves(1..=6), any::<bool>(), 1..=2u32, 1..=2u32).prop_map(
        |(symbol, m, suffix, scale, percent_scale)| {
            let exact = m.close + m.change_exact();
            let thousands = suffix && exact >= Decimal::from(1000);
            let (shown_price, price, k) = match thousands {
                true => {
                    let k = shown(exact / Decimal::from(1000), scale);
                    (k, (k * Decimal::from(1000)).normalize(), "k")
                }
                false => {
                    let p = m.price(scale + 1);
                    (p, p, "")
                }
            };
            let percent = m.percent(percent_scale);
            let sign = if m.down() { "-" } else { "+" };
            Rendered {
                text: format!("{symbol}${shown_price}{k}{sign}{percent}%"),
                symbol: symbol.to_string(),
                price: price.to_string(),
                direction: direction_of(percent, m.down()),
                change: None,
                percent: Some(signed(percent, m.down())),
            }
        },
    )
}

/// A strip of one family: its quotes, the text between two of them, and
/// the number style to read its numbers in.
fn strip() -> impl Strategy<Value = (Vec<Rendered>, &'static str, NumberStyle)> {
    let quotes = |family: BoxedStrategy<Rendered>| proptest::collection::vec(family, 1..6);
    let separator = select(&[" | ", " • ", " · ", "\t", "\n", "; ", " ", "\u{a0}|\u{a0}"][..]);
    prop_oneof![
        (
            quotes(seed_glued().boxed()),
            Just(""),
            Just(NumberStyle::Dot)
        ),
        (
            quotes(worded_line().boxed()),
            Just("\n"),
            Just(NumberStyle::Dot)
        ),
        (
            quotes(separated().boxed()),
            separator,
            Just(NumberStyle::Dot)
        ),
        (change_only_strip(), Just(" | "), Just(NumberStyle::Dot)),
        (
            quotes(percent_only_glued().boxed()),
            Just(""),
            Just(NumberStyle::Dot)
        ),
        (
            quotes(digit_symbol().boxed()),
            Just("\n"),
            Just(NumberStyle::Dot)
        ),
        (
            quotes(comma_decimals().boxed()),
            Just("\n"),
            Just(NumberStyle::Comma)
        ),
        (quotes(crypto().boxed()), Just(""), Just(NumberStyle::Dot)),
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

/// Page text with strips in it: realistic quotes of every family, prose,
/// digits and separators, in any order.
fn page() -> impl Strategy<Value = String> {
    let quote = prop_oneof![
        seed_glued(),
        worded_line(),
        separated(),
        change_only(),
        percent_only_glued(),
        digit_symbol(),
        comma_decimals(),
        crypto(),
    ]
    .prop_map(|quote| quote.text);
    let piece = prop_oneof![
        3 => quote,
        3 => select(PIECES).prop_map(String::from),
        1 => "[0-9]{1,6}",
        1 => "[ \n|•;\t]{1,3}",
        1 => "(?s).{0,6}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// The quotes of strict mode's iterator, and its errors' messages.
fn strict_read(text: &str) -> (Vec<Quote<'_>>, Vec<String>) {
    let mut quotes = Vec::new();
    let mut errors = Vec::new();
    for item in tickerstrip::quotes(text) {
        match item {
            Ok(quote) => quotes.push(quote),
            Err(error) => errors.push(error.to_string()),
        }
    }
    (quotes, errors)
}

/// The quotes of a scan.
fn scan_read(text: &str) -> Vec<Quote<'_>> {
    tickerstrip::scan(text)
        .filter_map(|segment| segment.as_quote().cloned())
        .collect()
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
    /// quote explains, and rule R rightly drops the quote.) A blank line
    /// stands between the garbage and the quote below it: a line of known
    /// captions (`index %`) is a header, which governs the rows below it
    /// up to a blank line (SPEC 8), and one that names no price rightly
    /// leaves them without quotes. Every placed quote ends with its percent, after which
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
            (garbage(), select(&["\n\n", "\r\n\r\n"][..]), placed_quote(), select(&["\n", "\r\n"][..])),
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
    /// Numbers are read in the family's style (comma for the comma
    /// family, dot for the others); property (e) reads them with `Auto`.
    #[test]
    fn every_family_reads_back_its_fields((quotes, between, style) in strip()) {
        let (text, spans) = join(&quotes, between);
        let parsed = ParseOptions::new()
            .number_style(style)
            .parse(&text)
            .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(parsed.len(), quotes.len(), "quotes of {:?}", text);
        for ((quote, span), read) in quotes.iter().zip(spans).zip(&parsed) {
            quote.check(read, span)?;
        }
    }

    /// (e) On every strip family, with the default options, scan mode
    /// finds every quote of the strip, and strict mode (`parse` and
    /// `quotes`) yields the same quotes, spans, values and evidence
    /// included.
    #[test]
    fn strict_and_scan_read_strips_alike((quotes, between, _) in strip()) {
        let (text, spans) = join(&quotes, between);
        let scanned = scan_read(&text);
        let scanned_spans: Vec<Range<usize>> = scanned.iter().map(|q| q.span.clone()).collect();
        prop_assert_eq!(scanned_spans, spans, "quotes of {:?}", text);
        let (strict, errors) = strict_read(&text);
        prop_assert_eq!(&strict, &scanned, "{:?}: strict errors {:?}", text, errors);
        match tickerstrip::parse(&text) {
            Ok(parsed) => prop_assert_eq!(&parsed, &scanned, "{:?}", text),
            Err(error) => prop_assert!(!errors.is_empty(), "{:?}: parse failed with {}", text, error),
        }
    }

    /// (f) Strict mode never yields a quote that scan mode does not: on
    /// page text with strips, prose, digits and separators mixed, every
    /// quote of `quotes` and of `parse` is one of the scan's, with the
    /// same span and values.
    #[test]
    fn strict_quotes_are_scan_quotes(text in prop_oneof![page(), text()]) {
        let scanned = scan_read(&text);
        let (strict, _) = strict_read(&text);
        for quote in &strict {
            prop_assert!(scanned.contains(quote), "strict read {:?} in {:?}; scan read {:?}", quote, text, scanned);
        }
        if let Ok(parsed) = tickerstrip::parse(&text) {
            prop_assert_eq!(&parsed, &strict, "{:?}", text);
        }
    }
}
