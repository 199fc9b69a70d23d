//! Properties of the validator: display rounding never raises a finding,
//! a percent column of plain ratios is named as such, and quotes with long
//! numbers get the verdict exact rational arithmetic gives.

mod common;

use proptest::prelude::*;
use tickerstrip::{Check, Decimal, FindingKind, Magnitude, Rounding, Segment, Validator, validate};

/// A positive price and a change that leaves a previous close of at least
/// a tenth of the price, each with its own display scale.
fn price_and_change() -> impl Strategy<Value = (Decimal, Decimal)> {
    (
        1i64..10_000_000,
        0u32..=4,
        0u32..=4,
        -900i64..=900,
        any::<u64>(),
    )
        .prop_map(
            |(price_units, price_scale, change_scale, permille, noise)| {
                let price = Decimal::new(price_units, price_scale);
                // A change of up to ±90% of the price, shown with its own scale.
                let raw =
                    price * Decimal::new(permille, 3) + Decimal::new((noise % 1000) as i64, 6);
                let change = raw.round_dp(change_scale);
                (price, change)
            },
        )
}

/// `value` rounded half away from zero to `places`, shown with exactly
/// that many places.
fn shown(value: Decimal, places: u32) -> Decimal {
    let mut rounded =
        value.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(places);
    rounded
}

/// A strip whose second quote is `X` at `price`, `change` and `percent`:
/// the first, whose numbers check, vouches for the second's shape, so the
/// reader reads `X` whatever its price shows (a whole price alone has no
/// evidence, SPEC 9). These properties are the validator's.
fn quote_text(price: Decimal, change: Decimal, percent: Decimal) -> String {
    let signed = |d: Decimal| {
        if d.is_sign_negative() {
            d.to_string()
        } else {
            format!("+{d}")
        }
    };
    // The first quote's price shows the scale X's does, so the two rows
    // have one shape (a whole price after a label may be a name's digits).
    let mut voucher = Decimal::new(900, 0);
    voucher.rescale(price.scale());
    format!(
        "Y {voucher} +100.00 (+12.50%) | X {price} {} ({}%)",
        signed(change),
        signed(percent)
    )
}

/// The quote of `X` in `text`, from [`quote_text`].
fn quote_x(text: &str) -> tickerstrip::Quote<'_> {
    let quotes = tickerstrip::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    quotes
        .into_iter()
        .find(|q| q.symbol == "X")
        .expect("the X quote")
}

/// Independent oracle: the interval 100·c/(p − c) takes over the rounding
/// box of the shown price and change, by Decimal division at the corners.
fn percent_range(price: Decimal, change: Decimal) -> Option<(Decimal, Decimal)> {
    let half = |d: Decimal| Decimal::new(5, d.scale() + 1);
    let mut values = Vec::new();
    for p in [price - half(price), price + half(price)] {
        for c in [change - half(change), change + half(change)] {
            let close = p - c;
            if close <= Decimal::ZERO {
                return None;
            }
            values.push(Decimal::ONE_HUNDRED * c / close);
        }
    }
    Some((*values.iter().min()?, *values.iter().max()?))
}

proptest! {
    #![proptest_config(common::proptest_config("validation"))]

    #[test]
    fn rounded_exact_percents_are_never_flagged((price, change) in price_and_change(), places in 0u32..=6) {
        let close = price - change;
        prop_assume!(close > Decimal::ZERO);
        let percent = shown(Decimal::ONE_HUNDRED * change / close, places);
        let text = quote_text(price, change, percent);
        let quote = quote_x(&text);
        let findings = validate(&quote);
        prop_assert!(findings.is_empty(), "{}: {:?}", text, findings.kinds().collect::<Vec<_>>());
    }

    #[test]
    fn plain_ratios_are_named_fractions((price, change) in price_and_change(), places in 0u32..=6) {
        let close = price - change;
        prop_assume!(close > Decimal::ZERO && !change.is_zero());
        let Some((low, high)) = percent_range(price, change) else { return Ok(()) };
        let fraction = shown(change / close, places);
        let text = quote_text(price, change, fraction);
        let quote = quote_x(&text);
        let findings = validate(&quote);
        let half = Decimal::new(5, places + 1);
        let distinguishable = fraction + half < low || fraction - half > high;
        if distinguishable {
            prop_assert_eq!(findings.kinds().collect::<Vec<_>>(), vec![FindingKind::PercentIsFraction], "{}", text);
        } else {
            prop_assert!(findings.is_empty(), "{}: {:?}", text, findings.kinds().collect::<Vec<_>>());
        }
    }
}

/// Exact rationals for the oracle below: it shares no arithmetic with the
/// validator (no common integer scale, no linear forms, no bounds on
/// widths), only SPEC section 4's definitions.
mod oracle {
    use num_bigint::BigInt;
    use num_rational::BigRational;
    use tickerstrip::{Decimal, FindingKind, Rounding};

    pub type Q = BigRational;

    pub fn int(n: i128) -> Q {
        Q::from_integer(BigInt::from(n))
    }

    /// 10^n for any integer n.
    pub fn ten_to(n: i64) -> Q {
        let power = Q::from_integer(BigInt::from(10).pow(n.unsigned_abs() as u32));
        if n < 0 { power.recip() } else { power }
    }

    /// The exact value of a decimal.
    pub fn exact(d: Decimal) -> Q {
        int(d.mantissa()) * ten_to(-i64::from(d.scale()))
    }

    /// What a shown number (times 10^exponent) stands for.
    fn interval(shown: Decimal, exponent: u32, rounding: Rounding) -> (Q, Q) {
        let unit = ten_to(i64::from(exponent) - i64::from(shown.scale()));
        let half = match rounding {
            Rounding::Nearest => unit / int(2),
            _ => unit,
        };
        let center = exact(shown) * ten_to(i64::from(exponent));
        (&center - &half, center + half)
    }

    /// The least and greatest of `f` over the four corners of the box. `f`
    /// is continuous and monotone in each variable on the box, so these are
    /// its extremes there and it takes every value between them.
    fn range(price: &(Q, Q), change: &(Q, Q), f: impl Fn(&Q, &Q) -> Q) -> (Q, Q) {
        let values = [
            f(&price.0, &change.0),
            f(&price.0, &change.1),
            f(&price.1, &change.0),
            f(&price.1, &change.1),
        ];
        let low = values.iter().min().unwrap().clone();
        let high = values.iter().max().unwrap().clone();
        (low, high)
    }

    fn meet(a: &(Q, Q), b: &(Q, Q)) -> bool {
        a.0 <= b.1 && b.0 <= a.1
    }

    /// What SPEC section 4 says of a quote with both a change and a percent.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Verdict {
        /// The displayed price or previous close is not positive.
        PriceNotPositive,
        /// Rounding lets the previous close reach zero: no percent finding.
        CloseReachesZero,
        /// Checked: the percent finding (`None` when it is a percent),
        /// and the percents 100·C/(P − C) the box allows.
        Checked(Option<FindingKind>, (Q, Q)),
    }

    pub fn verdict(
        price: Decimal,
        exponent: u32,
        change: Decimal,
        percent: Decimal,
        rounding: Rounding,
    ) -> Verdict {
        let zero = int(0);
        let shown_close = exact(price) * ten_to(i64::from(exponent)) - exact(change);
        if exact(price) <= zero || shown_close <= zero {
            return Verdict::PriceNotPositive;
        }
        let p = interval(price, exponent, rounding);
        let c = interval(change, 0, rounding);
        let r = interval(percent, 0, rounding);
        if &p.0 - &c.1 <= zero {
            return Verdict::CloseReachesZero;
        }
        let hundred = int(100);
        let as_percent = range(&p, &c, |p, c| &hundred * c / (p - c));
        let as_fraction = range(&p, &c, |p, c| c / (p - c));
        // Against the price only where the price stays positive.
        let of_price = (p.0 > zero).then(|| range(&p, &c, |p, c| &hundred * c / p));
        let flipped = (-r.1.clone(), -r.0.clone());
        let kind = if meet(&r, &as_percent) {
            None
        } else if meet(&r, &as_fraction) {
            Some(FindingKind::PercentIsFraction)
        } else if of_price.is_some_and(|of_price| meet(&r, &of_price)) {
            Some(FindingKind::PercentOfPrice)
        } else if meet(&flipped, &as_percent) {
            Some(FindingKind::PercentSignMismatch)
        } else {
            Some(FindingKind::PercentMismatch)
        };
        Verdict::Checked(kind, as_percent)
    }

    /// `x` rounded half away from zero to `scale` places, or to fewer when
    /// its mantissa needs more than a decimal holds; `None` past 2^96.
    pub fn to_decimal(x: &Q, scale: u32) -> Option<Decimal> {
        (0..=scale).rev().find_map(|scale| {
            let units = (x * ten_to(i64::from(scale))).round().to_integer();
            let units = i128::try_from(units).ok()?;
            Decimal::try_from_i128_with_scale(units, scale).ok()
        })
    }
}

/// A positive number of 15 to 29 significant digits (29 only up to
/// 2^96 − 1) at any scale.
fn long_decimal() -> impl Strategy<Value = Decimal> {
    const MAX_MANTISSA: u128 = (1 << 96) - 1;
    (15u32..=29, 0u32..=28, any::<u128>(), 0u8..8).prop_map(|(digits, scale, bits, pick)| {
        let low = 10u128.pow(digits - 1);
        let high = 10u128.pow(digits).min(MAX_MANTISSA + 1);
        // The largest mantissa now and then, not only by chance.
        let mantissa = if pick == 0 {
            high - 1
        } else {
            low + bits % (high - low)
        };
        Decimal::from_i128_with_scale(mantissa as i128, scale)
    })
}

/// A short number, as most pages show: 1 to 6 digits, scale 0 to 4.
fn short_decimal() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000, 0u32..=4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

/// How a generated quote's percent relates to its price and change.
#[derive(Debug, Clone, Copy)]
enum Aim {
    Percent,
    Fraction,
    OfPrice,
    Flipped,
    Long,
    Short,
}

/// How a generated quote's change relates to its price.
#[derive(Debug, Clone, Copy)]
enum ChangeAim {
    /// This many thousandths of the price, shown with `scale` decimals.
    Share { permille: i64, scale: u32 },
    /// Any number, of either sign.
    Number(Decimal),
}

#[derive(Debug, Clone)]
struct LongQuote {
    /// The price as shown, before its magnitude suffix.
    price: Decimal,
    magnitude: Option<Magnitude>,
    change: Decimal,
    percent: Decimal,
    rounding: Rounding,
}

impl LongQuote {
    /// The quote as a table row under a header that names its columns:
    /// the header is the evidence (SPEC 8, 9 stage 5), so every row is
    /// read by role and the validator judges its numbers, however they
    /// disagree. (Alone, `X 123456789012345 +1 (+7%)` is no quote any more:
    /// an integer price with numbers that do not check has no evidence.)
    fn text(&self) -> String {
        let signed = |d: Decimal| {
            if d.is_sign_negative() {
                d.to_string()
            } else {
                format!("+{d}")
            }
        };
        format!(
            "| Ticker | Last | Chg | Chg % |\n| XENO | {}{} | {} | {}% |",
            self.price,
            self.magnitude.map_or("", Magnitude::suffix),
            signed(self.change),
            signed(self.percent)
        )
    }

    fn exponent(&self) -> u32 {
        self.magnitude.map_or(0, Magnitude::exponent)
    }
}

/// Quotes with a long price, a long or short change (a share of the price,
/// or any number), and a percent aimed at one reading, nudged by a few
/// units of its last place so that the ends of the intervals are met.
fn long_quote() -> impl Strategy<Value = LongQuote> {
    use oracle::{exact, int, ten_to, to_decimal};
    let change = prop_oneof![
        // A share of the price from -95% to +95%, shown at any scale.
        (-950i64..=950, 0u32..=28)
            .prop_map(|(permille, scale)| ChangeAim::Share { permille, scale }),
        long_decimal().prop_map(ChangeAim::Number),
        short_decimal().prop_map(ChangeAim::Number),
    ];
    let magnitude = prop_oneof![
        4 => Just(None),
        1 => prop::sample::select(vec![
            Magnitude::Thousand,
            Magnitude::Million,
            Magnitude::Billion,
            Magnitude::Trillion,
        ])
        .prop_map(Some),
    ];
    let aim = prop_oneof![
        Just(Aim::Percent),
        Just(Aim::Fraction),
        Just(Aim::OfPrice),
        Just(Aim::Flipped),
        Just(Aim::Long),
        Just(Aim::Short),
    ];
    (
        long_decimal(),
        magnitude,
        change,
        any::<bool>(),
        aim,
        0u32..=28,
        -2i64..=2,
        long_decimal(),
        short_decimal(),
        any::<bool>(),
    )
        .prop_filter_map(
            "numbers a decimal holds",
            |(price, magnitude, change, negative, aim, places, nudge, long, short, truncated)| {
                let exponent = magnitude.map_or(0, Magnitude::exponent);
                let value = exact(price) * ten_to(i64::from(exponent));
                // The parser reads a price with its suffix only when the
                // product is a decimal.
                to_decimal(&value, 28).filter(|d| oracle::exact(*d) == value)?;
                let change = match change {
                    ChangeAim::Share { permille, scale } => {
                        to_decimal(&(&value * int(permille.into()) / int(1000)), scale)?
                    }
                    ChangeAim::Number(d) if negative => -d,
                    ChangeAim::Number(d) => d,
                };
                let c = exact(change);
                let close = &value - &c;
                let target = match aim {
                    _ if close <= int(0) => exact(long),
                    Aim::Percent => int(100) * &c / &close,
                    Aim::Fraction => &c / &close,
                    Aim::OfPrice => int(100) * &c / &value,
                    Aim::Flipped => -(int(100) * &c / &close),
                    Aim::Long => exact(if negative { -long } else { long }),
                    Aim::Short => exact(if negative { -short } else { short }),
                };
                let percent = to_decimal(&target, places)?;
                let step = ten_to(-i64::from(percent.scale()));
                let percent = to_decimal(
                    &(exact(percent) + int(nudge.into()) * step),
                    percent.scale(),
                )?;
                Some(LongQuote {
                    price,
                    magnitude,
                    change,
                    percent,
                    rounding: if truncated {
                        Rounding::Truncated
                    } else {
                        Rounding::Nearest
                    },
                })
            },
        )
}

proptest! {
    #![proptest_config(common::proptest_config("validation-long"))]

    /// Long numbers take the validator past `i128`; its verdict must still
    /// be the exact one, and a quote with a positive previous close is
    /// always checked.
    #[test]
    fn long_quotes_get_the_exact_verdict(quote in long_quote()) {
        use oracle::{Verdict, exact};
        let text = quote.text();
        let parsed = tickerstrip::scan(&text)
            .find_map(|segment| match segment {
                Segment::Quote(quote) => Some(quote),
                _ => None,
            })
            .ok_or_else(|| TestCaseError::fail(format!("{text}: no quote")))?;
        // The oracle judges the numbers the parser read, scales included.
        let read = (parsed.shown_price(), parsed.magnitude, parsed.change, parsed.percent);
        let shown = (quote.price, quote.magnitude, Some(quote.change), Some(quote.percent));
        prop_assert_eq!(format!("{read:?}"), format!("{shown:?}"), "{}", text);
        let findings = Validator::new().rounding(quote.rounding).validate(&parsed);
        let kinds: Vec<_> = findings.kinds().collect();
        let verdict = oracle::verdict(quote.price, quote.exponent(), quote.change, quote.percent, quote.rounding);
        match verdict {
            Verdict::PriceNotPositive => {
                prop_assert_eq!(kinds, vec![FindingKind::PriceNotPositive], "{}", text);
                prop_assert_eq!(findings.check(), Check::Uncheckable, "{}", text);
            }
            Verdict::CloseReachesZero => {
                prop_assert!(kinds.is_empty(), "{}: {:?}", text, kinds);
                prop_assert_eq!(findings.check(), Check::Uncheckable, "{}", text);
            }
            Verdict::Checked(kind, (low, high)) => {
                prop_assert_eq!(findings.check(), Check::Checked, "{}: a positive close is checked", text);
                prop_assert_eq!(&kinds, &kind.into_iter().collect::<Vec<_>>(), "{} ({:?})", text, quote.rounding);
                if kind == Some(FindingKind::PercentMismatch) {
                    let range = findings.expected();
                    let range = range.ok_or_else(|| TestCaseError::fail(format!("{text}: no interval")))?;
                    // Rounded outwards, by less than one unit of its last
                    // place, except where a decimal cannot reach (then it
                    // saturates).
                    let unit = |d: Decimal| oracle::ten_to(-i64::from(d.scale()));
                    let (max, min) = (exact(Decimal::MAX), exact(Decimal::MIN));
                    if low > max {
                        prop_assert_eq!(range.low, Decimal::MAX, "{}", text);
                    } else if low < min {
                        prop_assert_eq!(range.low, Decimal::MIN, "{}", text);
                    } else {
                        prop_assert!(exact(range.low) <= low && low < exact(range.low) + unit(range.low), "{}: {} vs {}", text, range.low, low);
                    }
                    if high > max {
                        prop_assert_eq!(range.high, Decimal::MAX, "{}", text);
                    } else if high < min {
                        prop_assert_eq!(range.high, Decimal::MIN, "{}", text);
                    } else {
                        prop_assert!(exact(range.high) >= high && high > exact(range.high) - unit(range.high), "{}: {} vs {}", text, range.high, high);
                    }
                }
            }
        }
    }
}
