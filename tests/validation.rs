//! Properties of the validator: display rounding never raises a finding,
//! and a percent column of plain ratios is named as such.

mod common;

use proptest::prelude::*;
use tickerstrip::{Decimal, FindingKind, validate};

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

fn quote_text(price: Decimal, change: Decimal, percent: Decimal) -> String {
    let signed = |d: Decimal| {
        if d.is_sign_negative() {
            d.to_string()
        } else {
            format!("+{d}")
        }
    };
    format!("X {price} {} ({}%)", signed(change), signed(percent))
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
        let quote = tickerstrip::parse(&text).unwrap().remove(0);
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
        let quote = tickerstrip::parse(&text).unwrap().remove(0);
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
