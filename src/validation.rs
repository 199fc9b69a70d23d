//! The validator: does a quote's percent agree with its price and change?
//!
//! A number shown with `s` decimals stands for an interval of ±½·10^−s
//! (`41.8` is 41.75 to 41.85). A reading of the percent is consistent when
//! some price, change and percent inside their intervals satisfy it, so a
//! quote that display rounding explains is never flagged.
//!
//! The check is exact and cheap: the three intervals are put on one integer
//! scale (units of 10^−T), and since `r·den = k·c` is linear in the price
//! and change once `r` is fixed at an end of its interval, each reading
//! costs two evaluations at the corners that decide it. No division and no
//! floats on this path. Ordinary quotes run in `i128`; a quote whose
//! numbers overflow it (long mantissas, as from about 15 significant digits
//! on) is checked again, by the same code, in 256-bit integers and if need
//! be in 512-bit ones, which provably hold every product for any numbers a
//! `Decimal` holds. So the size of the numbers never leaves a quote
//! unchecked: only a previous close that is not positive, or that rounding
//! lets reach zero, does ([validation](crate::formats#validation)).

use bnum::BInt;
use bnum::types::{I256, I512};
use rust_decimal::Decimal;

use crate::finding::{FindingKind, Findings, PercentRange};
use crate::number::MAX_SCALE;
use crate::quote::{AsQuote, Direction, Quote};

/// How the source turned exact values into the digits it shows.
///
/// ```
/// use tickerstrip::{FindingKind, Rounding, Validator};
///
/// assert_eq!(Rounding::default(), Rounding::Nearest);
/// let quotes = tickerstrip::parse("X 100.00 +10.00 (+11.13%)")?;
/// let nearest = Validator::new().rounding(Rounding::Nearest).validate(&quotes[0]);
/// assert!(nearest.contains(FindingKind::PercentMismatch));
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Rounding {
    /// Rounded to the nearest shown unit: `41.8` is 41.75 to 41.85.
    #[default]
    Nearest,
    /// Cut off after the shown digits: `41.8` is anywhere within a whole
    /// unit of the last place, 41.7 to 41.9 (the sign of the cut is not
    /// assumed, so either direction of truncation is covered).
    Truncated,
}

/// Whether a quote's percent arithmetic was checked.
///
/// ```
/// use tickerstrip::{Check, validate};
///
/// let strip = "AGL40.13▲ 0.12 (0.00%) | ABOT 812.000000 -4.10 | ACPL 0.00 -9 (1%)";
/// let checks: Vec<_> = tickerstrip::parse(strip)?.iter().map(|q| validate(q).check()).collect();
/// assert_eq!(checks, [Check::Checked, Check::NotShown, Check::Uncheckable]);
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Check {
    /// The quote does not show both a change and a percent.
    #[default]
    NotShown,
    /// The percent was checked against the price and change.
    Checked,
    /// Both are shown but cannot be checked: the price or
    /// previous close is not positive, or the rounding intervals let the
    /// previous close reach zero. Never for the size of the numbers: every
    /// quote within [`Decimal`]'s range is checked exactly.
    Uncheckable,
}

/// Checks quotes' arithmetic and markers (see [validation](crate::formats#validation)).
///
/// ```
/// use tickerstrip::{FindingKind, Rounding, Validator};
///
/// let quotes = tickerstrip::parse("X 100.00 +10.00 (+11.13%)")?;
/// // 10.00 on a previous close of 90.00 is 11.11%; with every number rounded
/// // to the shown cent, the percent can be 11.10 to 11.12 but not 11.13.
/// let nearest = Validator::new().validate(&quotes[0]);
/// assert!(nearest.contains(FindingKind::PercentMismatch));
/// // A source that truncates may show it: 10.01 on 89.98 is 11.124%.
/// let truncated = Validator::new().rounding(Rounding::Truncated).validate(&quotes[0]);
/// assert!(truncated.is_empty());
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Validator {
    rounding: Rounding,
}

impl Validator {
    /// A validator for sources that round to the nearest shown unit.
    ///
    /// ```
    /// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)")?;
    /// let findings = tickerstrip::Validator::new().validate(&quotes[0]);
    /// assert_eq!(findings, tickerstrip::validate(&quotes[0]));
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn new() -> Validator {
        Validator::default()
    }

    /// Sets how the source rounds the numbers it shows.
    ///
    /// ```
    /// use tickerstrip::{Rounding, Validator};
    ///
    /// let quotes = tickerstrip::parse("X 100.00 +10.00 (+11.13%)")?;
    /// let truncating = Validator::new().rounding(Rounding::Truncated);
    /// assert!(truncating.validate(&quotes[0]).is_empty());
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn rounding(mut self, rounding: Rounding) -> Validator {
        self.rounding = rounding;
        self
    }

    /// Checks one quote. The result does not allocate.
    ///
    /// Findings come in this order: the percent or price finding, then
    /// `direction-mismatch`, then `marker-conflict`.
    ///
    /// ```
    /// use tickerstrip::{Check, FindingKind, Validator};
    ///
    /// let quotes = tickerstrip::parse("MLCF49.47▲ 0 (0.00%)")?;
    /// let findings = Validator::new().validate(&quotes[0]);
    /// assert_eq!(findings.check(), Check::Checked);
    /// assert_eq!(findings.kinds().collect::<Vec<_>>(), [FindingKind::DirectionMismatch]);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn validate<Q: AsQuote + ?Sized>(&self, quote: &Q) -> Findings {
        self.validate_quote(&quote.as_quote())
    }

    fn validate_quote(&self, quote: &Quote<'_>) -> Findings {
        let mut findings = Findings::default();
        let previous_close = quote.implied_close();
        let not_positive = |d: Decimal| d.is_sign_negative() || d.is_zero();
        let both_shown = quote.change.is_some() && quote.percent.is_some();
        if not_positive(quote.price) || previous_close.is_some_and(not_positive) {
            findings.add(FindingKind::PriceNotPositive);
            if both_shown {
                findings.set_check(Check::Uncheckable);
            }
        } else if let (Some(change), Some(percent)) = (quote.change, quote.percent) {
            match self.verdict(quote, change, percent) {
                Verdict::CloseReachesZero => findings.set_check(Check::Uncheckable),
                Verdict::Consistent => findings.set_check(Check::Checked),
                Verdict::Misread(kind) => {
                    findings.set_check(Check::Checked);
                    findings.add(kind);
                }
                Verdict::Mismatch(expected) => {
                    findings.set_check(Check::Checked);
                    findings.add_mismatch(expected);
                }
            }
        }
        if !self.meets_shown_close(quote) {
            findings.add(FindingKind::PreviousCloseMismatch);
        }
        if let Some(marker) = quote.markers.direction() {
            let shown = quote.change.or(quote.percent).map(Direction::of);
            if shown.is_some_and(|direction| direction != marker) {
                findings.add(FindingKind::DirectionMismatch);
            }
        }
        if let (Some(word), Some(glyph)) = (quote.markers.word, quote.markers.glyph) {
            if word != glyph {
                findings.add(FindingKind::MarkerConflict);
            }
        }
        findings
    }

    /// Whether price − change meets the previous close a table row shows,
    /// each of the three within its display rounding (half a unit of its
    /// last place, or a whole unit for truncating sources). True when the
    /// row shows no previous close or no change.
    fn meets_shown_close(&self, quote: &Quote<'_>) -> bool {
        let (Some(shown), Some(change)) = (quote.previous_close, quote.change) else {
            return true;
        };
        let unit = |d: Decimal| Decimal::new(1, d.scale());
        let half = match self.rounding {
            Rounding::Nearest => Decimal::new(5, 1),
            Rounding::Truncated => Decimal::ONE,
        };
        let gap = quote
            .implied_close()
            .and_then(|close| close.checked_sub(shown));
        let slack = unit(quote.price)
            .checked_add(unit(change))
            .and_then(|s| s.checked_add(unit(shown)))
            .and_then(|s| s.checked_mul(half));
        match (gap, slack) {
            (Some(gap), Some(slack)) => gap.abs() <= slack,
            // Values near the decimal's limits: nothing to say.
            _ => true,
        }
    }

    /// Which reading of the percent fits, in `i128` when the numbers allow
    /// it (the hot path), else in wider integers.
    fn verdict(&self, quote: &Quote<'_>, change: Decimal, percent: Decimal) -> Verdict {
        self.verdict_in::<i64>(quote, change, percent)
            .or_else(|| self.verdict_in::<i128>(quote, change, percent))
            .unwrap_or_else(|| self.wide_verdict(quote, change, percent))
    }

    /// The verdict in `I` integers, `None` when they overflow.
    fn verdict_in<I: Int>(
        &self,
        quote: &Quote<'_>,
        change: Decimal,
        percent: Decimal,
    ) -> Option<Verdict> {
        Shown::<I>::new(quote, change, percent, self.rounding)?.verdict()
    }

    /// The verdict for a quote whose numbers overflow `i128`: in 256 bits,
    /// which hold most such quotes at a quarter of the cost of 512, else in
    /// [`Wide`] integers, which hold every quote.
    #[cold]
    fn wide_verdict(&self, quote: &Quote<'_>, change: Decimal, percent: Decimal) -> Verdict {
        self.verdict_in::<I256>(quote, change, percent)
            .or_else(|| self.verdict_in::<Wide>(quote, change, percent))
            .expect(WIDE_ENOUGH)
    }
}

/// Checks one quote with the default [`Validator`].
///
/// ```
/// use tickerstrip::{FindingKind, validate};
///
/// let quotes = tickerstrip::parse("NIFTY 22,150.40 +120.25 (+0.55%)")?;
/// assert!(validate(&quotes[0]).is_empty());
///
/// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)")?;
/// assert!(validate(&quotes[0]).contains(FindingKind::PercentIsFraction));
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
pub fn validate<Q: AsQuote + ?Sized>(quote: &Q) -> Findings {
    Validator::new().validate(quote)
}

/// What the percent check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The rounding intervals let the previous close reach zero: the
    /// percent cannot be checked.
    CloseReachesZero,
    /// The percent is change over previous close.
    Consistent,
    /// The first other reading that fits, in the order of the finding kinds: a fraction, a
    /// percent of the price, or the opposite sign.
    Misread(FindingKind),
    /// No reading fits: the percents 100·C/(P − C) that the price and
    /// change allow, rounded outwards.
    Mismatch(PercentRange),
}

/// The integers that check every quote: what a quote overflowing `i128`
/// (and then 256 bits) is checked in.
///
/// Every integer the check forms is below 2^425 in magnitude, for any
/// numbers a [`Decimal`] holds (mantissa `m` with |m| ≤ 2^96 − 1, scale at
/// most 28) and any magnitude suffix (10^e with e ≤ 12). With the common
/// scale T ≤ 29 (the largest shown scale plus one) and log2(10) < 3.3220:
///
/// - [`Shown::new`]: a step is 10^(T − s + e) ≤ 10^41 < 2^137; a centre is
///   m·step and an end is the centre ± a step at most, so |end| ≤
///   2^96·10^41 < 2^232.3 for the price and 2^96·10^29 < 2^192.4 for the
///   change and percent (e = 0).
/// - [`Shown::previous_close_is_positive`]: price − change < 2^233.
/// - [`Shown::consistent`]: K = factor·10^T ≤ 10^31 < 2^104; the change's
///   coefficient (K + r, or K) and the price's (−r), r an end of the
///   percent, are below 2^192.4 + 2^104 < 2^193; so |coefficient·c| <
///   2^193·2^192.4 = 2^385.4, |coefficient·p| < 2^192.4·2^232.3 = 2^424.7,
///   and their sum is below 2^425.
/// - [`Shown::expected_percent`]: 100·c < 2^200, times 10^28 < 2^93.1 in
///   [`decimal_bound`]: below 2^294; the close p − c < 2^233.
///
/// So a signed 426-bit integer would do, and bnum's `I512` never
/// overflows. 256 bits (bnum's `I256`, or `ethnum`'s only width) would
/// not: r·p reaches 2^424.7. `tests::widest_quotes_fit` checks both.
type Wide = I512;

/// Why the wide path cannot fail.
const WIDE_ENOUGH: &str = "512-bit integers hold every product of the check (see `Wide`)";

/// The integers the interval arithmetic runs in: `i64` first for the
/// fits of a row's numbers (a real quote's products fit it), `i128` on the
/// validator's hot path, bnum's 256- and 512-bit ([`Wide`]) integers for
/// quotes too long for either. Every operation is exact or `None` on
/// overflow (which `Wide` never reaches), so a wider tier only ever
/// answers what a narrower one could not hold.
trait Int: Copy + Ord {
    const ZERO: Self;
    /// The value, or `None` when it does not fit.
    fn from_i128(value: i128) -> Option<Self>;
    /// A decimal's mantissa, or `None` when it does not fit.
    fn mantissa(value: Decimal) -> Option<Self> {
        Self::from_i128(value.mantissa())
    }
    /// 10^n, or `None` when it does not fit.
    fn pow10(n: u32) -> Option<Self>;
    fn checked_add(self, other: Self) -> Option<Self>;
    fn checked_sub(self, other: Self) -> Option<Self>;
    fn checked_neg(self) -> Option<Self>;
    fn checked_mul(self, other: Self) -> Option<Self>;
    /// Half of an even number.
    fn half(self) -> Self;
    /// The floor of `self / divisor` and the remainder, for `divisor > 0`.
    fn div_rem_euclid(self, divisor: Self) -> (Self, Self);
    /// The value as an `i128`, if it fits.
    fn to_i128(self) -> Option<i128>;
}

impl Int for i128 {
    const ZERO: i128 = 0;

    fn from_i128(value: i128) -> Option<i128> {
        Some(value)
    }

    /// 10^n for n up to 38, the most an `i128` holds.
    fn pow10(n: u32) -> Option<i128> {
        const POWERS: [i128; 39] = {
            let mut powers = [1i128; 39];
            let mut n = 1;
            while n < powers.len() {
                powers[n] = powers[n - 1] * 10;
                n += 1;
            }
            powers
        };
        POWERS.get(n as usize).copied()
    }

    fn checked_add(self, other: i128) -> Option<i128> {
        i128::checked_add(self, other)
    }

    fn checked_sub(self, other: i128) -> Option<i128> {
        i128::checked_sub(self, other)
    }

    fn checked_neg(self) -> Option<i128> {
        i128::checked_neg(self)
    }

    /// Quotes' numbers are small, and factors under 2^62 cannot overflow,
    /// so only large ones pay for the checked 128-bit multiplication (most
    /// of validation's time otherwise).
    fn checked_mul(self, other: i128) -> Option<i128> {
        const SMALL: u128 = 1 << 62;
        if self.unsigned_abs() < SMALL && other.unsigned_abs() < SMALL {
            Some(self * other)
        } else {
            i128::checked_mul(self, other)
        }
    }

    /// A shift, as for `i64`.
    fn half(self) -> i128 {
        self >> 1
    }

    fn div_rem_euclid(self, divisor: i128) -> (i128, i128) {
        (self.div_euclid(divisor), self.rem_euclid(divisor))
    }

    fn to_i128(self) -> Option<i128> {
        Some(self)
    }
}

impl Int for i64 {
    const ZERO: i64 = 0;

    fn from_i128(value: i128) -> Option<i64> {
        i64::try_from(value).ok()
    }

    /// From the decimal's parts, without forming an `i128`; `None` also
    /// for −2^63, whose magnitude does not fit (the next tier takes it).
    fn mantissa(value: Decimal) -> Option<i64> {
        let parts = value.unpack();
        if parts.hi != 0 {
            return None;
        }
        let magnitude = i64::try_from(u64::from(parts.mid) << 32 | u64::from(parts.lo)).ok()?;
        Some(if parts.negative {
            -magnitude
        } else {
            magnitude
        })
    }

    /// 10^n for n up to 18, the most an `i64` holds.
    fn pow10(n: u32) -> Option<i64> {
        const POWERS: [i64; 19] = {
            let mut powers = [1i64; 19];
            let mut n = 1;
            while n < powers.len() {
                powers[n] = powers[n - 1] * 10;
                n += 1;
            }
            powers
        };
        POWERS.get(n as usize).copied()
    }

    fn checked_add(self, other: i64) -> Option<i64> {
        i64::checked_add(self, other)
    }

    fn checked_sub(self, other: i64) -> Option<i64> {
        i64::checked_sub(self, other)
    }

    fn checked_neg(self) -> Option<i64> {
        i64::checked_neg(self)
    }

    fn checked_mul(self, other: i64) -> Option<i64> {
        i64::checked_mul(self, other)
    }

    /// A shift: exact on an even number, and one instruction where `/ 2`
    /// takes four to round toward zero.
    fn half(self) -> i64 {
        self >> 1
    }

    fn div_rem_euclid(self, divisor: i64) -> (i64, i64) {
        (self.div_euclid(divisor), self.rem_euclid(divisor))
    }

    fn to_i128(self) -> Option<i128> {
        Some(i128::from(self))
    }
}

impl<const N: usize> Int for BInt<N> {
    const ZERO: BInt<N> = BInt::ZERO;

    fn from_i128(value: i128) -> Option<BInt<N>> {
        Some(BInt::from(value))
    }

    /// From `i128`'s table, 10^38 at a time (a table lookup for a quote's
    /// steps, which reach 10^41, where `checked_pow` multiplies six times).
    fn pow10(n: u32) -> Option<BInt<N>> {
        const MOST: u32 = 38;
        let head = BInt::from(i128::pow10(n.min(MOST))?);
        match n.checked_sub(MOST) {
            None | Some(0) => Some(head),
            Some(rest) => head.checked_mul(BInt::pow10(rest)?),
        }
    }

    fn checked_add(self, other: BInt<N>) -> Option<BInt<N>> {
        BInt::checked_add(self, other)
    }

    fn checked_sub(self, other: BInt<N>) -> Option<BInt<N>> {
        BInt::checked_sub(self, other)
    }

    fn checked_neg(self) -> Option<BInt<N>> {
        BInt::checked_neg(self)
    }

    fn checked_mul(self, other: BInt<N>) -> Option<BInt<N>> {
        BInt::checked_mul(self, other)
    }

    fn half(self) -> BInt<N> {
        self / BInt::TWO
    }

    fn div_rem_euclid(self, divisor: BInt<N>) -> (BInt<N>, BInt<N>) {
        (self.div_euclid(divisor), self.rem_euclid(divisor))
    }

    fn to_i128(self) -> Option<i128> {
        i128::try_from(self).ok()
    }
}

/// A closed interval of integers in units of 10^−scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Interval<I> {
    low: I,
    high: I,
}

/// A percent reading: `percent · base = factor · change`.
#[derive(Debug, Clone, Copy)]
struct Reading {
    factor: i128,
    base: Base,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    PreviousClose,
    Price,
}

impl Reading {
    const PERCENT: Reading = Reading {
        factor: 100,
        base: Base::PreviousClose,
    };
    const FRACTION: Reading = Reading {
        factor: 1,
        base: Base::PreviousClose,
    };
    const OF_PRICE: Reading = Reading {
        factor: 100,
        base: Base::Price,
    };
}

/// Price, change and percent as intervals on one integer scale.
#[derive(Debug, Clone, Copy)]
struct Shown<I> {
    price: Interval<I>,
    change: Interval<I>,
    percent: Interval<I>,
    /// The common scale: one more than the largest shown scale, so that
    /// half a unit of every number is a whole number of units.
    scale: u32,
    /// The decimals of the expected interval of a `percent-mismatch`: two
    /// more than the percent shows, at most 28.
    places: u32,
}

impl<I: Int> Shown<I> {
    /// The intervals of a quote's price (as shown, times its magnitude),
    /// change and percent; `None` when they overflow `I`.
    fn new(
        quote: &Quote<'_>,
        change: Decimal,
        percent: Decimal,
        rounding: Rounding,
    ) -> Option<Shown<I>> {
        let exponent = quote.magnitude.map_or(0, |m| m.exponent());
        Shown::of(quote.shown_price(), exponent, change, percent, rounding)
    }

    /// The intervals of a price shown as `price` times 10^`exponent`, a
    /// change and a percent; `None` when they overflow `I`. Always
    /// inlined, the validator's calls too: a fit's rounding is a constant,
    /// and its intervals then stay in registers instead of going through
    /// memory.
    #[inline(always)]
    fn of(
        price: Decimal,
        exponent: u32,
        change: Decimal,
        percent: Decimal,
        rounding: Rounding,
    ) -> Option<Shown<I>> {
        let scale = price.scale().max(change.scale()).max(percent.scale()) + 1;
        let interval = |value: Decimal, exponent: u32| {
            let step = I::pow10(scale - value.scale() + exponent)?;
            let center = I::mantissa(value)?.checked_mul(step)?;
            let half = match rounding {
                Rounding::Nearest => step.half(),
                Rounding::Truncated => step,
            };
            Some(Interval {
                low: center.checked_sub(half)?,
                high: center.checked_add(half)?,
            })
        };
        Some(Shown {
            price: interval(price, exponent)?,
            change: interval(change, 0)?,
            percent: interval(percent, 0)?,
            scale,
            places: (percent.scale() + 2).min(MAX_SCALE),
        })
    }

    /// Which reading of the percent fits, in the order of the finding kinds; `None` when the
    /// arithmetic overflows `I`.
    fn verdict(&self) -> Option<Verdict> {
        if !self.previous_close_is_positive()? {
            return Some(Verdict::CloseReachesZero);
        }
        let flipped = Interval {
            low: self.percent.high.checked_neg()?,
            high: self.percent.low.checked_neg()?,
        };
        let readings = [
            (Verdict::Consistent, Reading::PERCENT, self.percent),
            (
                Verdict::Misread(FindingKind::PercentIsFraction),
                Reading::FRACTION,
                self.percent,
            ),
            (
                Verdict::Misread(FindingKind::PercentOfPrice),
                Reading::OF_PRICE,
                self.percent,
            ),
            (
                Verdict::Misread(FindingKind::PercentSignMismatch),
                Reading::PERCENT,
                flipped,
            ),
        ];
        for (verdict, reading, percent) in readings {
            if self.consistent(reading, percent)? {
                return Some(verdict);
            }
        }
        Some(Verdict::Mismatch(self.expected_percent()?))
    }

    /// Whether P − C stays above zero everywhere in the intervals; `None`
    /// when the arithmetic overflows.
    fn previous_close_is_positive(&self) -> Option<bool> {
        let close = self.price.low.checked_sub(self.change.high)?;
        Some(close > I::ZERO)
    }

    /// Whether some price and change in their intervals and some percent in
    /// `percent` satisfy `reading`; `None` when the arithmetic overflows.
    ///
    /// With `den` the base (P − C or P, positive over the box) and
    /// `K = factor · 10^scale`, the reading holds for some point when
    /// `max(K·c − r_low·den) ≥ 0` and `min(K·c − r_high·den) ≤ 0`; both
    /// forms are linear in p and c, so the extremes are at corners chosen
    /// by the signs of their coefficients.
    fn consistent(&self, reading: Reading, percent: Interval<I>) -> Option<bool> {
        if reading.base == Base::Price && self.price.low <= I::ZERO {
            return Some(false);
        }
        let k = I::from_i128(reading.factor)?.checked_mul(I::pow10(self.scale)?)?;
        // The form K·c − r·den as coefficients of c and p.
        let coefficients = |r: I| match reading.base {
            Base::PreviousClose => Some((k.checked_add(r)?, r.checked_neg()?)),
            Base::Price => Some((k, r.checked_neg()?)),
        };
        let at = |(c_coef, p_coef): (I, I), c: I, p: I| {
            c_coef.checked_mul(c)?.checked_add(p_coef.checked_mul(p)?)
        };
        let pick = |coef: I, interval: Interval<I>, largest: bool| {
            if (coef >= I::ZERO) == largest {
                interval.high
            } else {
                interval.low
            }
        };
        let low = coefficients(percent.low)?;
        let max_low = at(
            low,
            pick(low.0, self.change, true),
            pick(low.1, self.price, true),
        )?;
        let high = coefficients(percent.high)?;
        let min_high = at(
            high,
            pick(high.0, self.change, false),
            pick(high.1, self.price, false),
        )?;
        Some(max_low >= I::ZERO && min_high <= I::ZERO)
    }

    /// The two corners of the price and change intervals where
    /// 100·c/(p − c) is lowest and highest, as `(price, change)` pairs: it
    /// grows with c (p ≥ 0 over the box), and with p when c < 0.
    fn percent_corners(&self) -> [(I, I); 2] {
        let (price, change) = (self.price, self.change);
        let low_price = if change.low > I::ZERO {
            price.high
        } else {
            price.low
        };
        let high_price = if change.high > I::ZERO {
            price.low
        } else {
            price.high
        };
        [(low_price, change.low), (high_price, change.high)]
    }

    /// Whether the percents the price and change allow fit in a narrow
    /// span: at most [`TIGHT_UNITS`] units of the last digit of `percent`
    /// (shown as a percent, `factor` 100, or a plain ratio, `factor` 1),
    /// or, for a percent of three significant digits or more, a tenth of
    /// it: a percent shown that finely that the shown price and change
    /// give exactly is no chance. `None` when the arithmetic overflows.
    ///
    /// The span of 100·c/(p − c) over the intervals runs between the two
    /// corners [`Shown::percent_corners`] picks, `lo = 100·c₁/d₁` and
    /// `hi = 100·c₂/d₂`; its width `100·(c₂·d₁ − c₁·d₂)/(d₁·d₂)` is
    /// compared without dividing. The previous close must be positive over
    /// the box.
    fn tight(&self, percent: Decimal, factor: i128) -> Option<bool> {
        let [(p1, c1), (p2, c2)] = self.percent_corners();
        let d1 = p1.checked_sub(c1)?;
        let d2 = p2.checked_sub(c2)?;
        let span = c2.checked_mul(d1)?.checked_sub(c1.checked_mul(d2)?)?;
        let denominator = d1.checked_mul(d2)?;
        // In units of the percent's last digit: 10^s, and a fraction's
        // digit is a hundred of a percent's.
        let per_unit = I::pow10(percent.scale())?;
        let unit_scale = I::from_i128(100 / factor)?;
        let width = I::from_i128(100)?
            .checked_mul(span)?
            .checked_mul(per_unit)?;
        let limit = I::from_i128(i128::from(TIGHT_UNITS))?
            .checked_mul(unit_scale)?
            .checked_mul(denominator)?;
        if width <= limit {
            return Some(true);
        }
        let digits = I::from_i128(percent.mantissa().checked_abs()?)?;
        let fine = digits >= I::from_i128(100)?
            && I::from_i128(10)?.checked_mul(width)?
                <= digits.checked_mul(unit_scale)?.checked_mul(denominator)?;
        Some(fine)
    }

    /// The percents 100·C/(P − C) that the rounding intervals allow, rounded
    /// outwards to `places` decimals (see [`decimal_bound`] for bounds a
    /// [`Decimal`] cannot hold so finely, or at all); `None` when the
    /// arithmetic overflows. Only called once the previous close is known
    /// to be positive over the box.
    #[cold]
    fn expected_percent(&self) -> Option<PercentRange> {
        // Price and change are in the same units, so their ratio needs no
        // rescaling.
        let [(low_price, low_change), (high_price, high_change)] = self.percent_corners();
        let hundred = I::from_i128(100)?;
        let bound = |price: I, change: I, toward| {
            let close = price.checked_sub(change)?;
            decimal_bound(hundred.checked_mul(change)?, close, self.places, toward)
        };
        Some(PercentRange {
            low: bound(low_price, low_change, Toward::Floor)?,
            high: bound(high_price, high_change, Toward::Ceiling)?,
        })
    }
}

/// How well shown numbers fit one another: the arithmetic the judge
/// weighs (SPEC 9, stage 5), on the validator's exact integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Fit {
    /// They do not fit, or the fit says nothing: the numbers are too
    /// coarse to pin the percent.
    None,
    /// They fit only with every number somewhere in its rounding
    /// interval.
    Loose,
    /// The percent the shown price and change give rounds to the shown
    /// percent.
    Exact,
}

/// How a percent is computed from a change, for [`percent_fit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ratio {
    /// 100·C/(P − C).
    Percent,
    /// C/(P − C): a percent column that shows the plain ratio.
    Fraction,
}

/// How many units of a percent's last shown digit the percents that the
/// price and change allow may span for a fit to count: a change of `1`
/// pins no percent of `0.43`.
pub(crate) const TIGHT_UNITS: i64 = 10;

/// Whether `percent` fits a price shown as `price` times 10^`exponent`
/// and `change`, read as `ratio`: [`Fit::Exact`] when the percent computed
/// from the price and change as shown rounds to it, [`Fit::Loose`] when
/// it fits only within every number's rounding. Either only when the fit
/// is tight: the percents the price and change allow span at most
/// [`TIGHT_UNITS`] units of the percent's last digit, or, for a percent
/// shown with three significant digits or more, a tenth of the percent.
///
/// The numbers are first looked at in floating point ([`look_as_each`]):
/// a percent surely off, or surely exact, is answered there, and the exact
/// arithmetic decides the rest.
pub(crate) fn percent_fit(
    price: Decimal,
    exponent: u32,
    change: Decimal,
    percent: Decimal,
    ratio: Ratio,
) -> Fit {
    if !pins_a_change(percent, ratio) {
        return Fit::None;
    }
    match look(price, exponent, change, percent, ratio) {
        Look::Off => Fit::None,
        Look::Exact => Fit::Exact,
        Look::Unsure => near_fit(price, exponent, change, percent, ratio),
    }
}

/// [`percent_fit`] of `percent` read as a percent and, where that fit is
/// not exact and `fraction` allows, as a plain ratio: the ratio's fit
/// where it is exact, else the percent's. What [`look_as_each`] looks at is
/// found once for both readings. The change and the percent are made
/// negative where `negative` (a zero stays unsigned).
///
/// The sign is a flag, not a negated [`Decimal`] built by the caller: the
/// look reads the numbers as the page gave them and negates its floats,
/// so that it never loads a decimal just written (a load across two
/// fresh stores waits for them to reach the cache).
pub(crate) fn percent_or_fraction_fit(
    price: Decimal,
    exponent: u32,
    change: Decimal,
    percent: Decimal,
    negative: bool,
    fraction: bool,
) -> Fit {
    let [as_percent, as_fraction] = look_as_each(price, exponent, change, percent, negative);
    let signed = |value: Decimal| match negative && !value.is_zero() {
        true => -value,
        false => value,
    };
    let (change, percent) = (signed(change), signed(percent));
    let fit = |look: Look, ratio| match look {
        _ if !pins_a_change(percent, ratio) => Fit::None,
        Look::Off => Fit::None,
        Look::Exact => Fit::Exact,
        Look::Unsure => near_fit(price, exponent, change, percent, ratio),
    };
    match fit(as_percent, Ratio::Percent) {
        Fit::Exact => Fit::Exact,
        other if fraction => match fit(as_fraction, Ratio::Fraction) {
            Fit::Exact => Fit::Exact,
            _ => other,
        },
        other => other,
    }
}

/// Whether `percent`, read as `ratio`, pins the change it is checked
/// against: a fall whose rounding reaches 100% pins none. The change
/// that gives a percent r of a price P is r·P/(1 + r), which grows
/// without bound as r nears −1: every change far larger than the price
/// fits such a percent (`XYZ 22222 222222222222222 1%`, the `1` read as
/// a plain ratio of −1), so the fit is evidence of nothing. A fall that
/// stays short of it, however large, still checks (`ZETA 0.40 -0.50
/// (-55.6%)`).
fn pins_a_change(percent: Decimal, ratio: Ratio) -> bool {
    if !percent.is_sign_negative() {
        return true;
    }
    let whole: u128 = match ratio {
        Ratio::Percent => 100,
        Ratio::Fraction => 1,
    };
    // In tenths of the percent's last digit: the lowest value it may round
    // from is its mantissa and half a unit more below zero. Mantissas have
    // at most 96 bits and scales at most 28, so nothing here overflows.
    let lowest = percent.mantissa().unsigned_abs() * 10 + 5;
    let unit = <i128 as Int>::pow10(percent.scale() + 1).map_or(u128::MAX, i128::unsigned_abs);
    lowest < whole.saturating_mul(unit)
}

/// 10^`n` for `n` up to 18, the most a `u64` mantissa is raised by when
/// two decimals are compared on one scale; `None` past it.
pub(crate) fn pow10_u64(n: u32) -> Option<u64> {
    <i64 as Int>::pow10(n).and_then(|power| u64::try_from(power).ok())
}

/// [`percent_fit`] of numbers the look leaves unsure: `i64` first, wider
/// integers where that overflows.
fn near_fit(price: Decimal, exponent: u32, change: Decimal, percent: Decimal, ratio: Ratio) -> Fit {
    fit_in::<i64>(price, exponent, change, percent, ratio)
        .unwrap_or_else(|| wide_fit(price, exponent, change, percent, ratio))
}

/// [`percent_fit`] for numbers that overflow `i64`: kept out of line, so
/// that the common pairs do not carry its registers and stack.
#[cold]
#[inline(never)]
fn wide_fit(price: Decimal, exponent: u32, change: Decimal, percent: Decimal, ratio: Ratio) -> Fit {
    fit_in::<i128>(price, exponent, change, percent, ratio)
        .or_else(|| fit_in::<I256>(price, exponent, change, percent, ratio))
        .or_else(|| fit_in::<Wide>(price, exponent, change, percent, ratio))
        .unwrap_or(Fit::None)
}

/// For tests: whether the look finds the percent read as `ratio` off.
#[cfg(test)]
fn far_off(price: Decimal, exponent: u32, change: Decimal, percent: Decimal, ratio: Ratio) -> bool {
    look(price, exponent, change, percent, ratio) == Look::Off
}

/// What looking at a percent's fit in floating point tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// The percent is so far from the one the price and change give that
    /// no fit of [`percent_fit`] can hold: this saves the exact interval
    /// arithmetic on most pairs of a row's numbers, which check nothing.
    ///
    /// A fit needs the percent within the span of the percents the price
    /// and change allow, and that span is at most [`TIGHT_UNITS`] units of
    /// the percent's last digit or a tenth of the percent; the percent from
    /// the centres of the shown intervals lies in it. Twice that distance,
    /// with a margin far above floating point's error, is surely off. A
    /// previous close that is not clearly positive is left to the exact
    /// arithmetic.
    Off,
    /// The fit is exact: every test of [`fit_in`] holds (the previous
    /// close positive over the rounding intervals, the span of percents
    /// tight, the percent from the centres within half a unit) with a
    /// margin far above floating point's error.
    Exact,
    /// The exact arithmetic decides.
    Unsure,
}

/// [`look_as_each`] for the percent read as `ratio`.
fn look(price: Decimal, exponent: u32, change: Decimal, percent: Decimal, ratio: Ratio) -> Look {
    let [as_percent, as_fraction] = look_as_each(price, exponent, change, percent, false);
    match ratio {
        Ratio::Percent => as_percent,
        Ratio::Fraction => as_fraction,
    }
}

/// What floating point tells of the percent's fit read as a percent and
/// as a plain ratio: [`Look::Off`], or surely exact, or neither. A surely
/// exact fit saves the exact arithmetic on the pairs that fit, as
/// [`Look::Off`] saves it on most that do not; near the edges of any test
/// the exact arithmetic decides. The change and percent are negated where
/// `negative`.
fn look_as_each(
    price: Decimal,
    exponent: u32,
    change: Decimal,
    percent: Decimal,
    negative: bool,
) -> [Look; 2] {
    // Past the table's magnitudes, NaN, which fails every comparison: the
    // exact arithmetic decides. Within them, every float here is finite.
    let price_power = power_of_ten(exponent, price.scale());
    let change_power = power_of_ten(0, change.scale());
    let unit = power_of_ten(0, percent.scale());
    let sign = if negative { -1.0 } else { 1.0 };
    let p = float_mantissa(price) * price_power;
    let percent_digits = float_mantissa(percent) * sign;
    let (c, q) = (
        float_mantissa(change) * sign * change_power,
        percent_digits * unit,
    );
    let close = p - c;
    if close <= 0.0 {
        return [Look::Unsure; 2];
    }
    let (units, tenth) = (unit * TIGHT_UNITS as f64, q.abs() / 10.0);
    let span = if tenth > units { tenth } else { units } + unit;
    // The rounding intervals (half a unit of each number's last digit),
    // and the previous close over them: clearly positive, or unsure. A
    // change's bounds are odd multiples of half its unit, never zero, so
    // their signs are the exact ones. A close above a ten-thousandth of
    // the price and change keeps the differences below from cancelling:
    // each quotient is then within 10^-11 of itself, far inside the
    // margins of 10^-9.
    let (half_p, half_c) = (price_power / 2.0, change_power / 2.0);
    let (c_low, c_high) = (c - half_c, c + half_c);
    let positive = (p - half_p) - c_high > 1e-4 * (p.abs() + c.abs());
    // The corners where the percent is lowest and highest (see
    // `Shown::percent_corners`).
    let d1 = if c_low > 0.0 { p + half_p } else { p - half_p } - c_low;
    let d2 = if c_high > 0.0 { p - half_p } else { p + half_p } - c_high;
    // Three significant digits or more: whole numbers convert to floats
    // in order, and exactly below 2^53, so the float mantissa tells.
    let fine_digits = percent_digits.abs() >= 100.0;
    // The three ratios, divided once for both readings: a division takes
    // many times a product's time, and scaling a quotient by 100 rounds
    // once more, some 10^-16 of it, far inside the margins.
    let (ratio, low, high) = (c / close, c_low / d1, c_high / d2);
    let look = |factor: f64| {
        let expected = factor * ratio;
        let gap = (expected - q).abs();
        if gap > 2.0 * span + 1e-9 * (expected.abs() + q.abs()) {
            return Look::Off;
        }
        // `Shown::tight`: the span of percents within the units, or a
        // tenth of a percent of three digits or more.
        let (r1, r2) = (factor * low, factor * high);
        let margin = 1e-9 * (r1.abs() + r2.abs() + units + q.abs());
        let width = r2 - r1;
        let tight = width + margin < units || fine_digits && 10.0 * width + 10.0 * margin < q.abs();
        let centred = gap + 1e-9 * (expected.abs() + q.abs() + unit) < unit / 2.0;
        match positive && tight && centred {
            true => Look::Exact,
            false => Look::Unsure,
        }
    };
    [look(100.0), look(1.0)]
}

/// A decimal's mantissa as a float, near enough: its low 64 bits rounded
/// once, as converting them would round them (the middle word times 2^32
/// is exact, and the sum rounds), and the high word's part added. With no
/// branch: the baseline x86-64 target converts a u64 in several
/// instructions and a u32 in one. A high word of zero adds nothing, so a
/// mantissa that fits 64 bits is the float nearest it.
fn float_mantissa(d: Decimal) -> f64 {
    let parts = d.unpack();
    let low = f64::from(parts.mid) * 4_294_967_296.0 + f64::from(parts.lo);
    let magnitude = f64::from(parts.hi) * 18_446_744_073_709_551_616.0 + low;
    if parts.negative {
        -magnitude
    } else {
        magnitude
    }
}

/// 10^(`exponent` − `scale`) as a float, for a decimal's scale and a
/// magnitude's exponent (up to a trillion's); NaN past them.
fn power_of_ten(exponent: u32, scale: u32) -> f64 {
    /// 10^(n − 28) at n.
    const POWERS: [f64; 41] = [
        1e-28, 1e-27, 1e-26, 1e-25, 1e-24, 1e-23, 1e-22, 1e-21, 1e-20, 1e-19, 1e-18, 1e-17, 1e-16,
        1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2,
        1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    ];
    // A scale past the exponent plus 28 wraps round, past the table too.
    let index = exponent.saturating_add(MAX_SCALE).wrapping_sub(scale);
    POWERS.get(index as usize).copied().unwrap_or(f64::NAN)
}

/// Whether `percent` agrees with a price shown as `price` times
/// 10^`exponent` and `change`, read as `ratio`, with every number
/// somewhere in its rounding interval, however coarse the numbers: no
/// evidence (see [`percent_fit`] for fits that are), but what a header's
/// reading needs to stand against a fit elsewhere.
pub(crate) fn percent_agrees(
    price: Decimal,
    exponent: u32,
    change: Decimal,
    percent: Decimal,
    ratio: Ratio,
) -> bool {
    agrees_in::<i64>(price, exponent, change, percent, ratio)
        .or_else(|| agrees_in::<i128>(price, exponent, change, percent, ratio))
        .or_else(|| agrees_in::<I256>(price, exponent, change, percent, ratio))
        .or_else(|| agrees_in::<Wide>(price, exponent, change, percent, ratio))
        .unwrap_or(false)
}

/// [`percent_agrees`] in `I` integers; `None` when they overflow.
fn agrees_in<I: Int>(
    price: Decimal,
    exponent: u32,
    change: Decimal,
    percent: Decimal,
    ratio: Ratio,
) -> Option<bool> {
    let shown = Shown::<I>::of(price, exponent, change, percent, Rounding::Nearest)?;
    if !shown.previous_close_is_positive()? {
        return Some(false);
    }
    let reading = match ratio {
        Ratio::Percent => Reading::PERCENT,
        Ratio::Fraction => Reading::FRACTION,
    };
    shown.consistent(reading, shown.percent)
}

/// [`percent_fit`] in `I` integers; `None` when they overflow.
fn fit_in<I: Int>(
    price: Decimal,
    exponent: u32,
    change: Decimal,
    percent: Decimal,
    ratio: Ratio,
) -> Option<Fit> {
    let shown = Shown::<I>::of(price, exponent, change, percent, Rounding::Nearest)?;
    if !shown.previous_close_is_positive()? {
        return Some(Fit::None);
    }
    let (factor, reading) = match ratio {
        Ratio::Percent => (100, Reading::PERCENT),
        Ratio::Fraction => (1, Reading::FRACTION),
    };
    if !shown.tight(percent, factor)? {
        return Some(Fit::None);
    }
    // Exact: |factor·10^T·c − q·close| ≤ ½·10^(T − s)·close, with every
    // number at the centre of its interval.
    let centre = |interval: Interval<I>| interval.low.checked_add(interval.high).map(I::half);
    let (p, c, q) = (
        centre(shown.price)?,
        centre(shown.change)?,
        centre(shown.percent)?,
    );
    let close = p.checked_sub(c)?;
    let k = I::from_i128(factor)?.checked_mul(I::pow10(shown.scale)?)?;
    let gap = k.checked_mul(c)?.checked_sub(q.checked_mul(close)?)?;
    let gap = if gap < I::ZERO {
        gap.checked_neg()?
    } else {
        gap
    };
    let half_unit = I::pow10(shown.scale - percent.scale())?.half();
    if gap <= half_unit.checked_mul(close)? {
        return Some(Fit::Exact);
    }
    match shown.consistent(reading, shown.percent)? {
        true => Some(Fit::Loose),
        false => Some(Fit::None),
    }
}

/// Whether `close` is the previous close that `price` and `change` give:
/// price − change equals it within half a unit of the coarsest of the
/// three's last digits (exactly, when all show the same decimals).
pub(crate) fn close_fits(price: Decimal, change: Decimal, close: Decimal) -> bool {
    let unit = |d: Decimal| Decimal::new(1, d.scale());
    let coarsest = unit(price).max(unit(change)).max(unit(close));
    let gap = price
        .checked_sub(change)
        .and_then(|implied| implied.checked_sub(close));
    // A gap too large to double fits nothing.
    gap.and_then(|gap| gap.abs().checked_mul(Decimal::TWO))
        .is_some_and(|twice| twice <= coarsest)
}

/// Which way [`decimal_bound`] rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Toward {
    /// Down, for a lower bound.
    Floor,
    /// Up, for an upper bound.
    Ceiling,
}

/// `num / den` (with `den > 0`) as a [`Decimal`] rounded `toward` its side,
/// with `places` decimals (at most 28) or, when its mantissa would not fit,
/// as many as fit: a lower bound never exceeds the exact value and an upper
/// bound is never below it. A value beyond [`Decimal`]'s range (a percent
/// above 7.9·10^28, from a huge change over a tiny close) saturates at
/// `Decimal::MAX` or `Decimal::MIN`, which then means "at least" or "at
/// most" that. So no `Decimal` arithmetic can fail here; `None` only when
/// `I` overflows.
fn decimal_bound<I: Int>(num: I, den: I, places: u32, toward: Toward) -> Option<Decimal> {
    // Flooring or ceiling twice is the same as once at the coarser scale,
    // so dropping one decimal at a time stays on the right side.
    let divide = |n: I, d: I| {
        let (floor, remainder) = n.div_rem_euclid(d);
        match toward {
            Toward::Ceiling if remainder != I::ZERO => floor.checked_add(I::from_i128(1)?),
            _ => Some(floor),
        }
    };
    let mut scale = places.min(MAX_SCALE);
    let mut units = divide(num.checked_mul(I::pow10(scale)?)?, den)?;
    loop {
        let mantissa = units.to_i128();
        if let Some(bound) = mantissa.and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok())
        {
            return Some(bound);
        }
        if scale == 0 {
            return Some(if units < I::ZERO {
                Decimal::MIN
            } else {
                Decimal::MAX
            });
        }
        units = divide(units, I::from_i128(10)?)?;
        scale -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::{Evidence, Label, Magnitude, Markers};

    /// A fall whose rounding reaches 100% pins no change, as a percent or
    /// a plain ratio; any smaller fall, and any rise, does.
    #[test]
    fn a_fall_of_all_pins_no_change() {
        let d = |text: &str| text.parse::<Decimal>().expect("a decimal");
        let pins = |percent: &str, ratio| pins_a_change(d(percent), ratio);
        assert!(!pins("-1", Ratio::Fraction));
        assert!(pins("-0.9999", Ratio::Fraction));
        assert!(!pins("-100", Ratio::Percent));
        assert!(pins("-99.96", Ratio::Percent));
        assert!(!pins("-100.0", Ratio::Percent));
        assert!(pins("-99", Ratio::Percent));
        assert!(pins("-55.6", Ratio::Percent));
        assert!(pins("-0.4", Ratio::Fraction));
        assert!(pins("1", Ratio::Fraction));
        assert!(pins("250", Ratio::Percent));
        assert!(pins("-0.0000000000000000000000000001", Ratio::Percent));
        // The rows: a change far larger than the price fits a plain
        // ratio of −1 by arithmetic alone, and no longer counts.
        let fit = |p: &str, c: &str, q: &str, ratio| percent_fit(d(p), 0, d(c), d(q), ratio);
        assert_eq!(
            fit("22222", "-222222222222222", "-1", Ratio::Fraction),
            Fit::None
        );
        assert_eq!(
            percent_or_fraction_fit(d("22222"), 0, d("-222222222222222"), d("-1"), false, true),
            Fit::None
        );
        assert_eq!(fit("0.40", "-0.50", "-55.6", Ratio::Percent), Fit::Exact);
        assert_eq!(fit("40.00", "-4000.00", "-99", Ratio::Percent), Fit::Exact);
    }

    /// A quote with these fields as shown (signs included), for the
    /// validator alone: no reader decides them. The direction is rule D's,
    /// from the markers, else the change, else the percent.
    fn quote(price: &str, change: Option<&str>, percent: Option<&str>) -> Quote<'static> {
        let decimal = |text: &str| text.parse::<Decimal>().expect("a decimal");
        let price = decimal(price);
        let change = change.map(decimal);
        let percent = percent.map(decimal);
        Quote {
            symbol: "X",
            price,
            direction: change
                .or(percent)
                .map_or(Direction::Unchanged, Direction::of),
            change,
            percent,
            span: 0..0,
            evidence: Evidence::Markers,
            name: None,
            label: Label::Ticker,
            currency: None,
            magnitude: None,
            shown_scale: price.scale() as u8,
            previous_close: None,
            markers: Markers::default(),
        }
    }

    /// `quote` with direction markers: a word, a glyph, either perhaps none.
    fn marked(
        mut quote: Quote<'static>,
        word: Option<Direction>,
        glyph: Option<Direction>,
    ) -> Quote<'static> {
        quote.markers = Markers::new(word, glyph);
        quote.direction = quote.markers.direction().unwrap_or(quote.direction);
        quote
    }

    /// `quote`, whose price is shown, with a magnitude suffix on its price.
    fn magnified(mut quote: Quote<'static>, magnitude: Magnitude) -> Quote<'static> {
        quote.shown_scale = quote.price.scale() as u8;
        quote.price = magnitude.apply(quote.price).expect("fits a decimal");
        quote.magnitude = Some(magnitude);
        quote
    }

    fn kinds(quote: &Quote<'_>) -> Vec<&'static str> {
        validate(quote).kinds().map(FindingKind::as_str).collect()
    }

    macro_rules! validation_cases {
        ($($name:ident: $quote:expr => [$($kind:expr),*];)*) => {$(
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($kind),*];
                let quote = $quote;
                assert_eq!(kinds(&quote), expected, "{quote:?}");
            }
        )*};
    }

    use Direction::{Down, Unchanged, Up};

    validation_cases! {
        consistent_percent: quote("22150.40", Some("120.25"), Some("0.55")) => [];
        seed_fraction: marked(quote("40.13", Some("0.12"), Some("0.00")), None, Some(Up)) => ["percent-is-fraction"];
        seed_fraction_down: marked(quote("38.59", Some("-0.41"), Some("-0.01")), None, Some(Down)) => ["percent-is-fraction"];
        seed_fraction_whole_change: marked(quote("9.07", Some("1"), Some("0.12")), None, Some(Up)) => ["percent-is-fraction"];
        zero_change_with_up_marker: marked(quote("49.47", Some("0"), Some("0.00")), None, Some(Up)) => ["direction-mismatch"];
        zero_change_unmarked: quote("49.47", Some("0"), Some("0.00")) => [];
        word_and_glyph_disagree: marked(quote("113.00", Some("0.00"), Some("0")), Some(Unchanged), Some(Down)) => ["marker-conflict"];
        integer_price_decimal_change: marked(quote("98412", Some("812.3"), Some("0.83")), Some(Up), None) => [];
        trimmed_zeros: marked(quote("1012.30", Some("-21.70"), Some("-2.1")), Some(Down), Some(Down)) => [];
        trimmed_to_integer: quote("100", Some("1"), Some("1")) => [];
        negative_zero_change: quote("6.950000", Some("0"), Some("0.00")) => [];
        zero_price: quote("0.00", Some("-9"), None) => ["price-not-positive"];
        negative_previous_close: quote("1.00", Some("2.00"), Some("5")) => ["price-not-positive"];
        previous_close_at_zero: quote("1.00", Some("1.00"), Some("5")) => ["price-not-positive"];
        previous_close_within_rounding_of_zero: quote("1.0", Some("0.9"), Some("900")) => [];
        percent_of_price: quote("100.00", Some("10.00"), Some("10.00")) => ["percent-of-price"];
        sign_flipped: quote("100.00", Some("10.00"), Some("-11.11")) => ["percent-sign-mismatch"];
        plain_mismatch: quote("100.00", Some("10.00"), Some("50.00")) => ["percent-mismatch"];
        marker_against_sign: marked(quote("10", Some("-0.41"), Some("-3.9")), None, Some(Up)) => ["direction-mismatch"];
        percent_only_marker_against_sign: marked(quote("10", None, Some("1.2")), None, Some(Down)) => ["direction-mismatch"];
        change_only_is_not_checked: quote("812.000000", Some("-4.10"), None) => [];
        large_numbers_are_exact: quote("79228162514264.337593543", Some("1.5"), Some("0.00")) => [];
        magnitude_widens_the_price: magnified(quote("71.4", Some("300"), Some("0.4228")), Magnitude::Thousand) => [];
        magnitude_still_checked: magnified(quote("71.4", Some("300"), Some("0.0042")), Magnitude::Thousand) => ["percent-is-fraction"];
        long_price_consistent: quote("100.00000000000000000", Some("10.00"), Some("11.11")) => [];
        long_price_fraction: quote("100.00000000000000000", Some("10.00"), Some("0.1111")) => ["percent-is-fraction"];
        long_price_of_price: quote("100.00000000000000000", Some("10.00"), Some("10.00")) => ["percent-of-price"];
        long_price_sign_flipped: quote("100.00000000000000000", Some("10.00"), Some("-11.11")) => ["percent-sign-mismatch"];
        long_price_mismatch: quote("100.00000000000000000", Some("10.00"), Some("50.00")) => ["percent-mismatch"];
        long_percent: quote("100.00", Some("5.00"), Some("5.2631578947368421052631578947")) => [];
        all_at_scale_28: quote("2.0000000000000000000000000000", Some("0.1000000000000000000000000000"), Some("5.2631578947368421052631578947")) => [];
        all_at_scale_28_mismatch: quote("2.0000000000000000000000000000", Some("0.1000000000000000000000000000"), Some("5.2631578947368421052631600000")) => ["percent-mismatch"];
        largest_values: quote("79228162514264337593543950335", Some("-79228162514264337593543950335"), Some("-50")) => [];
        largest_values_flipped: quote("79228162514264337593543950335", Some("-79228162514264337593543950335"), Some("50")) => ["percent-sign-mismatch"];
        trillions: magnified(quote("71.4", Some("300000000000"), Some("0.4219")), Magnitude::Trillion) => [];
        long_trillions: magnified(quote("79.228162514264337593543950335", Some("100000000000"), Some("0.13")), Magnitude::Trillion) => [];
        long_trillions_fraction: magnified(quote("79.228162514264337593543950335", Some("100000000000"), Some("0.0013")), Magnitude::Trillion) => ["percent-is-fraction"];
    }

    #[test]
    fn fits_are_exact_loose_or_none() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let fit = |p, c, q| percent_fit(d(p), 0, d(c), d(q), Ratio::Percent);
        // 0.25 on 51.05 is 0.4897%: the shown numbers give 0.49.
        assert_eq!(fit("51.30", "0.25", "0.49"), Fit::Exact);
        // 0.45 on 60.90 is 0.7389%: 0.73 fits only within the rounding.
        assert_eq!(fit("61.35", "0.45", "0.73"), Fit::Loose);
        assert_eq!(fit("61.80", "0.45", "0.73"), Fit::Exact);
        // A change of 1 pins no percent of 0.43.
        assert_eq!(fit("232", "1", "0.43"), Fit::None);
        assert_eq!(fit("100.00", "10.00", "11.13"), Fit::None);
        // The seed's percents are plain ratios.
        let fraction = percent_fit(d("40.13"), 0, d("0.12"), d("0.00"), Ratio::Fraction);
        assert_eq!(fraction, Fit::Exact);
        assert_eq!(fit("40.13", "0.12", "0.00"), Fit::None);
        // A previous close that is not positive checks nothing.
        assert_eq!(fit("0.00", "-9", "1"), Fit::None);
    }

    #[test]
    fn agreement_is_consistency_however_coarse() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let agrees = |p, c, q| percent_agrees(d(p), 0, d(c), d(q), Ratio::Percent);
        // 0.02 on 10.03 is 0.1994%: too coarse a change to fit, yet it
        // agrees.
        assert_ne!(fit_of("10.05", "0.02", "0.20"), Fit::Exact);
        assert!(agrees("10.05", "0.02", "0.20"));
        // A change of 1 agrees with any percent from 0.22 to 0.65 on 232.
        assert!(agrees("232", "1", "0.43"));
        assert!(!agrees("232", "1", "0.90"));
        assert!(!agrees("0.00", "-9", "1"));
        let fraction = percent_agrees(d("40.13"), 0, d("0.12"), d("0.00"), Ratio::Fraction);
        assert!(fraction);
    }

    /// [`percent_fit`] of a price, change and percent, read as a percent.
    fn fit_of(price: &str, change: &str, percent: &str) -> Fit {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        percent_fit(d(price), 0, d(change), d(percent), Ratio::Percent)
    }

    proptest::proptest! {
        /// A decimal's mantissa as a float is the float nearest it where
        /// it fits 64 bits, as a conversion of the whole gives, and within
        /// a rounding of it otherwise.
        #[test]
        fn float_mantissas_are_the_nearest_floats(
            lo: u32,
            mid: u32,
            hi in proptest::prop_oneof![proptest::strategy::Just(0u32), proptest::prelude::any::<u32>()],
            negative: bool,
            scale in 0u32..=28,
        ) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            let found = float_mantissa(d);
            let magnitude = u128::from(hi) << 64 | u128::from(mid) << 32 | u128::from(lo);
            let nearest = magnitude as f64;
            let nearest = if d.is_sign_negative() { -nearest } else { nearest };
            if hi == 0 {
                proptest::prop_assert_eq!(found, nearest);
            } else {
                proptest::prop_assert!((found - nearest).abs() <= nearest.abs() * f64::EPSILON);
            }
        }

        /// The float look only skips pairs the exact arithmetic refuses:
        /// wherever the exact fit holds, exactly or loosely, it looks.
        #[test]
        fn far_off_never_hides_a_fit(
            price in 1i64..100_000_000,
            price_scale in 0u32..5,
            change in -10_000_000i64..10_000_000,
            change_scale in 0u32..5,
            percent in -100_000i64..100_000,
            percent_scale in 0u32..5,
            exponent in 0u32..4,
            fraction: bool,
        ) {
            let (p, c, q) = (
                Decimal::new(price, price_scale),
                Decimal::new(change, change_scale),
                Decimal::new(percent, percent_scale),
            );
            let ratio = if fraction { Ratio::Fraction } else { Ratio::Percent };
            let exact = fit_in::<i128>(p, exponent, c, q, ratio).unwrap_or(Fit::None);
            if exact != Fit::None {
                proptest::prop_assert!(!far_off(p, exponent, c, q, ratio));
            }
        }

        /// The same on fits: a percent computed from the price and change
        /// and rounded as a page would show it.
        #[test]
        fn far_off_looks_at_every_rounded_percent(
            price in 100i64..100_000_000,
            price_scale in 0u32..4,
            change in -5_000_000i64..5_000_000,
            change_scale in 0u32..4,
            percent_scale in 0u32..4,
        ) {
            let (p, c) = (Decimal::new(price, price_scale), Decimal::new(change, change_scale));
            let Some(close) = p.checked_sub(c).filter(|close| *close > Decimal::ZERO) else {
                return Ok(());
            };
            let q = (c * Decimal::ONE_HUNDRED / close).round_dp(percent_scale);
            let exact = fit_in::<i128>(p, 0, c, q, Ratio::Percent).unwrap_or(Fit::None);
            proptest::prop_assert!(exact == Fit::None || !far_off(p, 0, c, q, Ratio::Percent));
        }
    }

    /// A decimal for the tiers to disagree on, were they to: mantissas
    /// around the powers of two and ten where `i64` and `i128` overflow,
    /// or any at all, at a quote's scale or any.
    fn edgy_decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        const MOST: i128 = (1 << 96) - 1;
        let near = |power: i128, nudge: i128, negative: bool| {
            let m = power.saturating_add(nudge).clamp(-MOST, MOST);
            if negative { -m } else { m }
        };
        let mantissa = prop_oneof![
            -10i128.pow(12)..10i128.pow(12),
            (0u32..96, -2i128..=2, any::<bool>()).prop_map(move |(n, d, s)| near(1 << n, d, s)),
            (0u32..29, -2i128..=2, any::<bool>()).prop_map(move |(n, d, s)| near(
                10i128.pow(n),
                d,
                s
            )),
            (-MOST..=MOST),
        ];
        let scale = prop_oneof![0u32..=4, 0u32..=28];
        (mantissa, scale).prop_map(|(m, scale)| Decimal::from_i128_with_scale(m, scale))
    }

    /// A price, its magnitude's exponent, a change and a percent: a
    /// quote's numbers, the percent they give perhaps off by a unit of its
    /// last digit (so fits exact, loose and none are all common), or
    /// [`edgy_decimal`]s.
    fn fit_inputs() -> impl proptest::strategy::Strategy<Value = (Decimal, u32, Decimal, Decimal)> {
        use proptest::prelude::*;
        let exponent = prop_oneof![Just(0u32), 0u32..=12];
        let quote = (
            (1i64..10_000_000, 0u32..=3),
            prop_oneof![3 => Just(0u32), 1 => 0u32..=3],
            (-1_000_000i64..1_000_000, 0u32..=3),
            (0u32..=4, -1i64..=1),
            (-1i64..=1, -1i64..=1),
            any::<bool>(),
        )
            .prop_map(
                |((p, ps), e, (c, cs), (places, nudge), (dp, dc), fraction)| {
                    let (price, change) = (Decimal::new(p, ps), Decimal::new(c, cs));
                    // The percent of a price and change off by up to half a
                    // unit of their last digits, rounded, perhaps nudged.
                    let off = |m: i64, d: i64, s: u32| Decimal::new(10 * m + 5 * d, s + 1);
                    let (p_off, c_off) = (off(p, dp, ps), off(c, dc, cs));
                    let factor = if fraction {
                        Decimal::ONE
                    } else {
                        Decimal::ONE_HUNDRED
                    };
                    let percent = (c_off * factor)
                        .checked_div(p_off - c_off)
                        .unwrap_or_default()
                        .round_dp(places)
                        + Decimal::new(nudge, places);
                    (price, e, change, percent)
                },
            );
        let edgy = (edgy_decimal(), exponent, edgy_decimal(), edgy_decimal());
        prop_oneof![quote, edgy]
    }

    /// The answers of every tier that holds the numbers, which must all be
    /// the same, and the answer of the tiers before `i64` had one, which
    /// [`percent_fit`] must give (the float look only skips numbers that
    /// do not fit).
    fn fits_of_every_tier(
        p: Decimal,
        e: u32,
        c: Decimal,
        q: Decimal,
        ratio: Ratio,
    ) -> (Vec<Fit>, Fit) {
        let tiers = [
            fit_in::<i64>(p, e, c, q, ratio),
            fit_in::<i128>(p, e, c, q, ratio),
            fit_in::<I256>(p, e, c, q, ratio),
            fit_in::<Wide>(p, e, c, q, ratio),
        ];
        let before = tiers[1..].iter().find_map(|fit| *fit).unwrap_or(Fit::None);
        (tiers.into_iter().flatten().collect(), before)
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]

        /// A fit the floating-point look calls exact is one the exact
        /// arithmetic calls exact, on any numbers.
        #[test]
        fn a_look_exact_is_exact((p, e, c, q) in fit_inputs(), fraction: bool) {
            let ratio = if fraction { Ratio::Fraction } else { Ratio::Percent };
            if look(p, e, c, q, ratio) == Look::Exact {
                let (_, exact) = fits_of_every_tier(p, e, c, q, ratio);
                proptest::prop_assert_eq!(exact, Fit::Exact);
            }
        }

        /// The same on percents computed from the price and change and
        /// rounded as a page shows them (most of which fit), as a
        /// percent or a plain ratio, a price with or without magnitude.
        #[test]
        fn a_look_exact_is_exact_on_rounded_percents(
            price in 1i64..100_000_000,
            price_scale in 0u32..6,
            change in -5_000_000i64..5_000_000,
            change_scale in 0u32..6,
            percent_scale in 0u32..6,
            exponent in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..13],
            fraction: bool,
        ) {
            let (p, c) = (Decimal::new(price, price_scale), Decimal::new(change, change_scale));
            let shown = p * Decimal::from(10i64.pow(exponent));
            let Some(close) = shown.checked_sub(c).filter(|close| *close > Decimal::ZERO) else {
                return Ok(());
            };
            let (factor, ratio) = match fraction {
                true => (Decimal::ONE, Ratio::Fraction),
                false => (Decimal::ONE_HUNDRED, Ratio::Percent),
            };
            let q = (c * factor / close).round_dp(percent_scale);
            let (_, exact) = fits_of_every_tier(p, exponent, c, q, ratio);
            let look = look(p, exponent, c, q, ratio);
            proptest::prop_assert!(look != Look::Exact || exact == Fit::Exact, "{look:?} {exact:?}");
        }

        /// [`percent_or_fraction_fit`] is [`percent_fit`] as a percent,
        /// then as a plain ratio where that is not exact and allowed.
        #[test]
        fn percent_or_fraction_is_each_in_turn((p, e, c, q) in fit_inputs(), fraction: bool) {
            let each = match percent_fit(p, e, c, q, Ratio::Percent) {
                Fit::Exact => Fit::Exact,
                other if fraction => match percent_fit(p, e, c, q, Ratio::Fraction) {
                    Fit::Exact => Fit::Exact,
                    _ => other,
                },
                other => other,
            };
            proptest::prop_assert_eq!(percent_or_fraction_fit(p, e, c, q, false, fraction), each);
        }

        /// The `i64` tier answers as `i128` and the wider ones do, or not
        /// at all: the fits and agreements are those of the wider tiers
        /// alone, and [`far_off`] hides none of them.
        #[test]
        fn every_tier_gives_the_same_fit((p, e, c, q) in fit_inputs(), fraction: bool) {
            let ratio = if fraction { Ratio::Fraction } else { Ratio::Percent };
            let (fits, before) = fits_of_every_tier(p, e, c, q, ratio);
            proptest::prop_assert!(fits.windows(2).all(|w| w[0] == w[1]), "{fits:?}");
            // Above the tiers, a percent that pins no change fits nothing.
            let expected = if pins_a_change(q, ratio) { before } else { Fit::None };
            proptest::prop_assert_eq!(percent_fit(p, e, c, q, ratio), expected);
            let agrees = [
                agrees_in::<i64>(p, e, c, q, ratio),
                agrees_in::<i128>(p, e, c, q, ratio),
                agrees_in::<I256>(p, e, c, q, ratio),
                agrees_in::<Wide>(p, e, c, q, ratio),
            ];
            let held: Vec<bool> = agrees.iter().flatten().copied().collect();
            proptest::prop_assert!(held.windows(2).all(|w| w[0] == w[1]), "{agrees:?}");
            let before = agrees[1..].iter().find_map(|a| *a).unwrap_or(false);
            proptest::prop_assert_eq!(percent_agrees(p, e, c, q, ratio), before);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]

        /// The validator's verdict is the same in every tier that holds
        /// the numbers, rounding to nearest or truncating.
        #[test]
        fn every_tier_gives_the_same_verdict((p, e, c, q) in fit_inputs(), truncated: bool) {
            let rounding = if truncated { Rounding::Truncated } else { Rounding::Nearest };
            let verdicts = [
                Shown::<i64>::of(p, e, c, q, rounding).and_then(|s| s.verdict()),
                Shown::<i128>::of(p, e, c, q, rounding).and_then(|s| s.verdict()),
                Shown::<I256>::of(p, e, c, q, rounding).and_then(|s| s.verdict()),
                Shown::<Wide>::of(p, e, c, q, rounding).and_then(|s| s.verdict()),
            ];
            let held: Vec<Verdict> = verdicts.iter().flatten().copied().collect();
            proptest::prop_assert!(!held.is_empty(), "{verdicts:?}");
            proptest::prop_assert!(held.windows(2).all(|w| w[0] == w[1]), "{verdicts:?}");
        }
    }

    #[test]
    fn float_powers_cover_scales_and_magnitudes() {
        assert_eq!(power_of_ten(0, 0), 1.0);
        assert_eq!(power_of_ten(0, 28), 1e-28);
        assert_eq!(power_of_ten(12, 0), 1e12);
        assert_eq!(power_of_ten(3, 2), 10.0);
        assert!(power_of_ten(13, 0).is_nan());
        assert!(power_of_ten(0, 29).is_nan());
        assert!(power_of_ten(u32::MAX, 0).is_nan());
        assert!(power_of_ten(u32::MAX, 28).is_nan());
        // Past the table the exact arithmetic decides.
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert!(!far_off(d("1"), 40, d("1"), d("50"), Ratio::Percent));
        assert!(!far_off(d("100"), 13, d("1"), d("50"), Ratio::Percent));
        assert!(far_off(d("100"), 12, d("1"), d("50"), Ratio::Percent));
    }

    #[test]
    fn i64_tier_is_exact_or_none() {
        assert_eq!(
            <i64 as Int>::from_i128(i128::from(i64::MAX)),
            Some(i64::MAX)
        );
        assert_eq!(<i64 as Int>::from_i128(i128::from(i64::MAX) + 1), None);
        assert_eq!(<i64 as Int>::from_i128(i128::from(i64::MIN) - 1), None);
        assert_eq!(<i64 as Int>::pow10(18), Some(10i64.pow(18)));
        assert_eq!(<i64 as Int>::pow10(19), None);
        assert_eq!(<i64 as Int>::checked_mul(1 << 32, 1 << 31), None);
        assert_eq!(<i64 as Int>::checked_mul(i64::MIN, -1), None);
        assert_eq!(<i64 as Int>::checked_neg(i64::MIN), None);
        assert_eq!(<i64 as Int>::checked_add(i64::MAX, 1), None);
        assert_eq!(<i64 as Int>::checked_sub(i64::MIN, 1), None);
        assert_eq!(<i64 as Int>::div_rem_euclid(-7, 2), (-4, 1));
        for even in [0, 2, -2, 10, -10, 1 << 40, i64::MIN, i64::MAX - 1] {
            assert_eq!(<i64 as Int>::half(even), even / 2);
            assert_eq!(<i128 as Int>::half(i128::from(even)), i128::from(even) / 2);
        }
        assert_eq!(<i128 as Int>::half(i128::MIN), i128::MIN / 2);
        let mantissa = |m: i128| <i64 as Int>::mantissa(Decimal::from_i128_with_scale(m, 3));
        let most = i128::from(i64::MAX);
        assert_eq!(mantissa(most), Some(i64::MAX));
        assert_eq!(mantissa(-most), Some(-i64::MAX));
        assert_eq!(mantissa(most + 1), None);
        assert_eq!(mantissa(-most - 1), None);
        assert_eq!(mantissa(1 << 64), None);
        assert_eq!(mantissa(-5), Some(-5));
        assert_eq!(
            <i128 as Int>::mantissa(Decimal::MIN),
            Some(Decimal::MIN.mantissa())
        );
        // A quote of the strip: every tier gives its fraction exactly.
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let (p, c, q) = (d("40.13"), d("0.12"), d("0.00"));
        assert_eq!(fit_in::<i64>(p, 0, c, q, Ratio::Fraction), Some(Fit::Exact));
        // Long numbers overflow it, and the next tier answers: 1.5 on
        // 79 trillion is 0.00%.
        let long = d("79228162514264.337593543");
        assert_eq!(
            fit_in::<i64>(long, 0, d("1.5"), d("0.00"), Ratio::Percent),
            None
        );
        assert_eq!(
            fits_of_every_tier(long, 0, d("1.5"), d("0.00"), Ratio::Percent).1,
            Fit::Exact
        );
    }

    #[test]
    fn closes_fit_within_the_coarsest_rounding() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert!(close_fits(d("47.90"), d("0.30"), d("47.60")));
        assert!(!close_fits(d("47.90"), d("0.30"), d("47.61")));
        assert!(close_fits(d("14.50"), d("-0.85"), d("15.35")));
        assert!(close_fits(d("27130"), d("-591.63"), d("27721.6")));
        assert!(!close_fits(d("47.60"), d("0.30"), d("47.40")));
        // A gap too large to double fits nothing, and does not panic.
        let huge = d("40000000000000000000000000000");
        assert!(!close_fits(huge, d("-1.50"), d("1.50")));
    }

    #[test]
    fn mismatch_carries_the_expected_interval() {
        let quote = quote("100.00", Some("10.00"), Some("50.00"));
        let findings = validate(&quote);
        let finding = findings.details(&quote).next().unwrap();
        let range = finding.expected.unwrap();
        assert_eq!(findings.expected(), Some(range));
        assert_eq!(
            (range.low.to_string(), range.high.to_string()),
            ("11.1043".into(), "11.1180".into())
        );
        assert_eq!(
            finding.to_string(),
            "X: percent 50.00 does not match change/previous close, which allows 11.1043 to 11.1180"
        );
    }

    #[test]
    fn uncheckable_when_rounding_lets_the_close_reach_zero() {
        let quote = quote("1.0", Some("0.9"), Some("900"));
        assert_eq!(validate(&quote).check(), Check::Uncheckable);
    }

    /// The expected interval of a quote's `percent-mismatch`, as text.
    fn expected(price: &str, change: &str, percent: &str) -> (String, String) {
        let quote = quote(price, Some(change), Some(percent));
        let findings = validate(&quote);
        assert_eq!(findings.check(), Check::Checked, "{quote:?}");
        let finding = findings
            .details(&quote)
            .find(|finding| finding.kind == FindingKind::PercentMismatch)
            .unwrap_or_else(|| panic!("{quote:?}: no percent-mismatch"));
        let range = finding
            .expected
            .expect("percent-mismatch carries its interval");
        (range.low.to_string(), range.high.to_string())
    }

    #[test]
    fn long_prices_are_checked_not_skipped() {
        // 17 decimals overflow i128 (10.00 at scale 18 times 100·10^18);
        // the answer must not depend on the trailing zeros.
        let interval = ("11.1049".to_string(), "11.1173".to_string());
        for price in [
            "100.0000000000000000",
            "100.00000000000000000",
            "100.0000000000000000000000000",
        ] {
            assert_eq!(expected(price, "10.00", "50.00"), interval, "{price}");
        }
    }

    #[test]
    fn largest_mantissas_are_checked() {
        assert_eq!(
            expected(
                "79228162514264337593543950335",
                "1.0000000000000000000000000001",
                "1"
            ),
            ("0.00".into(), "0.01".into())
        );
        assert_eq!(
            expected(
                "7.9228162514264337593543950335",
                "1.0000000000000000000000000001",
                "1"
            ),
            ("14.44".into(), "14.45".into())
        );
    }

    #[test]
    fn percents_beyond_a_decimal_saturate() {
        // The close is 1 to 3, so 100·c/(p − c) is above 2.6·10^30: both
        // ends are past Decimal::MAX, and the low end says "at least".
        let quote = quote(
            "79228162514264337593543950335",
            Some("79228162514264337593543950333"),
            Some("1"),
        );
        let findings = validate(&quote);
        let finding = findings.details(&quote).next().unwrap();
        assert_eq!(finding.kind, FindingKind::PercentMismatch);
        let range = finding.expected.unwrap();
        assert_eq!((range.low, range.high), (Decimal::MAX, Decimal::MAX));
    }

    #[test]
    fn wide_bounds_keep_as_many_places_as_fit() {
        let wide = |n: i128| Wide::from(n);
        let bound = |num, den, places, toward| {
            let bound = decimal_bound::<Wide>(num, den, places, toward).unwrap();
            // The narrow path gives the same bound, where it fits.
            if let (Some(num), Some(den)) = (num.to_i128(), den.to_i128()) {
                if let Some(narrow) = decimal_bound::<i128>(num, den, places, toward) {
                    assert_eq!((narrow, narrow.scale()), (bound, bound.scale()));
                }
            }
            bound.to_string()
        };
        let third = |toward| bound(wide(10).pow(27), wide(3), 4, toward);
        // 333333333333333333333333333.33… holds two decimals, not four.
        assert_eq!(third(Toward::Floor), "333333333333333333333333333.33");
        assert_eq!(third(Toward::Ceiling), "333333333333333333333333333.34");
        assert_eq!(bound(wide(-1), wide(3), 2, Toward::Floor), "-0.34");
        assert_eq!(bound(wide(-1), wide(3), 2, Toward::Ceiling), "-0.33");
        assert_eq!(bound(wide(2), wide(2), 4, Toward::Ceiling), "1.0000");
        assert_eq!(
            bound(wide(1), wide(1), 30, Toward::Floor),
            "1.0000000000000000000000000000"
        );
        assert_eq!(
            bound(-wide(10).pow(40), wide(1), 0, Toward::Floor),
            Decimal::MIN.to_string()
        );
        // 10^36·10^4 overflows i128 before the division; the quotient is
        // past a Decimal anyway.
        assert_eq!(
            decimal_bound::<i128>(10i128.pow(36), 3, 4, Toward::Floor),
            None
        );
        assert_eq!(
            bound(wide(10).pow(36), wide(3), 4, Toward::Floor),
            Decimal::MAX.to_string()
        );
    }

    /// The quote with the largest numbers the check can meet: every
    /// mantissa 2^96 − 1, the price at scale 0 under a trillion (reachable
    /// by setting a parsed quote's fields: `shown_price` then keeps the
    /// price), and one number at scale 28, so the common scale is 29.
    fn widest(sign: &str) -> Quote<'static> {
        let (change, percent) = match sign {
            "+" => (
                "7.9228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            _ => (
                "-7.9228162514264337593543950335",
                "-79228162514264337593543950335",
            ),
        };
        let mut quote = quote("79228162514264337593543950335", Some(change), Some(percent));
        quote.magnitude = Some(crate::quote::Magnitude::Trillion);
        quote.shown_scale = 28;
        assert_eq!(quote.shown_price(), quote.price);
        quote
    }

    #[test]
    fn widest_quotes_fit() {
        for rounding in [Rounding::Nearest, Rounding::Truncated] {
            let validator = Validator::new().rounding(rounding);
            for sign in ["+", "-"] {
                let quote = widest(sign);
                let (change, percent) = (quote.change.unwrap(), quote.percent.unwrap());
                let shown = Shown::<Wide>::new(&quote, change, percent, rounding).unwrap();
                assert_eq!(shown.scale, 29);
                // Every reading's products, not only the first that fits.
                let flipped = Interval {
                    low: -shown.percent.high,
                    high: -shown.percent.low,
                };
                for reading in [Reading::PERCENT, Reading::FRACTION, Reading::OF_PRICE] {
                    for percent in [shown.percent, flipped] {
                        assert!(shown.consistent(reading, percent).is_some());
                    }
                }
                assert!(shown.verdict().is_some());
                assert!(shown.expected_percent().is_some());
                // 256 bits would not do: r·p alone passes 2^255.
                let narrow = Shown::<bnum::types::I256>::new(&quote, change, percent, rounding);
                let narrow = narrow.expect("the intervals themselves fit 256 bits");
                assert_eq!(narrow.consistent(Reading::OF_PRICE, narrow.percent), None);
                assert_eq!(validator.validate(&quote).check(), Check::Checked);
            }
        }
    }

    #[test]
    fn truncated_sources_widen_the_interval() {
        let quote = quote("100.00", Some("10.00"), Some("11.13"));
        let truncated = Validator::new().rounding(Rounding::Truncated);
        assert!(truncated.validate(&quote).is_empty());
        assert!(validate(&quote).contains(FindingKind::PercentMismatch));
    }

    #[test]
    fn products_are_exact_or_none() {
        let mul = <i128 as Int>::checked_mul;
        let big = 1i128 << 100;
        assert_eq!(mul(3, -4), Some(-12));
        assert_eq!(
            mul((1 << 62) - 1, (1 << 62) - 1),
            Some(((1 << 62) - 1) * ((1 << 62) - 1))
        );
        assert_eq!(mul(big, 1 << 20), Some(big << 20));
        assert_eq!(mul(big, big), None);
        assert_eq!(mul(i128::MIN, -1), None);
    }
}
