//! Findings: what the validator says is wrong with a quote, and why.

use std::fmt;
use std::ops::Range;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::names::{UnknownName, from_name};
use crate::quote::{Direction, Markers, Quote};
use crate::validation::Check;

/// The kinds of finding ([validation](crate::formats#validation)). Their names in JSON, CSV and the
/// command-line tool are kebab-case: `percent-is-fraction`, ….
///
/// ```
/// use tickerstrip::FindingKind;
///
/// assert_eq!(FindingKind::PercentIsFraction.as_str(), "percent-is-fraction");
/// assert_eq!("marker-conflict".parse::<FindingKind>(), Ok(FindingKind::MarkerConflict));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum FindingKind {
    /// The percent is the plain ratio change / previous close, not ×100:
    /// inconsistent as a percent, consistent as a fraction.
    PercentIsFraction,
    /// The percent is computed against the current price, 100·C/P.
    PercentOfPrice,
    /// The percent's magnitude is consistent but its sign is opposite.
    PercentSignMismatch,
    /// The percent fits no reading; the finding carries the interval the
    /// price and change allow.
    PercentMismatch,
    /// The direction marker disagrees with the change's sign (or the
    /// percent's, when no change is shown), a marker on a zero change included.
    DirectionMismatch,
    /// A direction word and a glyph disagree (`No Change ▼`).
    MarkerConflict,
    /// The displayed price, or the displayed previous close P − C, is not
    /// positive: the percent cannot be checked.
    PriceNotPositive,
    /// A table row shows a previous close that price − change does not
    /// meet, display rounding allowed.
    PreviousCloseMismatch,
}

impl FindingKind {
    /// Every kind, in the order reports list them.
    ///
    /// ```
    /// use tickerstrip::FindingKind;
    ///
    /// assert_eq!(FindingKind::ALL.len(), 8);
    /// assert_eq!(FindingKind::ALL[0], FindingKind::PercentIsFraction);
    /// assert_eq!(FindingKind::ALL[7], FindingKind::PreviousCloseMismatch);
    /// ```
    pub const ALL: [FindingKind; 8] = [
        FindingKind::PercentIsFraction,
        FindingKind::PercentOfPrice,
        FindingKind::PercentSignMismatch,
        FindingKind::PercentMismatch,
        FindingKind::DirectionMismatch,
        FindingKind::MarkerConflict,
        FindingKind::PriceNotPositive,
        FindingKind::PreviousCloseMismatch,
    ];

    /// The kebab-case name.
    ///
    /// ```
    /// assert_eq!(tickerstrip::FindingKind::DirectionMismatch.as_str(), "direction-mismatch");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::PercentIsFraction => "percent-is-fraction",
            FindingKind::PercentOfPrice => "percent-of-price",
            FindingKind::PercentSignMismatch => "percent-sign-mismatch",
            FindingKind::PercentMismatch => "percent-mismatch",
            FindingKind::DirectionMismatch => "direction-mismatch",
            FindingKind::MarkerConflict => "marker-conflict",
            FindingKind::PriceNotPositive => "price-not-positive",
            FindingKind::PreviousCloseMismatch => "previous-close-mismatch",
        }
    }

    /// What a strip shows when most of its quotes have this finding.
    ///
    /// ```
    /// use tickerstrip::FindingKind;
    ///
    /// assert_eq!(FindingKind::PercentIsFraction.pattern(), "percent column reads as fractions");
    /// ```
    pub fn pattern(self) -> &'static str {
        match self {
            FindingKind::PercentIsFraction => "percent column reads as fractions",
            FindingKind::PercentOfPrice => "percent column is computed against the current price",
            FindingKind::PercentSignMismatch => "percent column has its signs reversed",
            FindingKind::PercentMismatch => "percent column does not match prices and changes",
            FindingKind::DirectionMismatch => "direction markers disagree with the changes",
            FindingKind::MarkerConflict => "direction words and glyphs disagree",
            FindingKind::PriceNotPositive => "prices or previous closes are not positive",
            FindingKind::PreviousCloseMismatch => "previous closes do not match prices and changes",
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for FindingKind {
    type Err = UnknownName;

    /// Reads a kebab-case name.
    ///
    /// ```
    /// use tickerstrip::FindingKind;
    ///
    /// assert_eq!("marker-conflict".parse(), Ok(FindingKind::MarkerConflict));
    /// assert!("percent".parse::<FindingKind>().is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownName`] for any other text.
    fn from_str(name: &str) -> Result<FindingKind, UnknownName> {
        from_name(&FindingKind::ALL, FindingKind::as_str, "finding kind", name)
    }
}

/// An interval of percent values, `low` to `high` inclusive.
///
/// The bounds are exact values rounded outwards to two more places than the
/// shown percent (at most 28), or to as many as a [`Decimal`] can hold for
/// so large a value. A bound beyond a `Decimal`'s range, which a huge change
/// over a previous close near zero can give, is `Decimal::MAX` (or `MIN`)
/// and then stands for "at least" (or "at most") that.
///
/// ```
/// let quotes = tickerstrip::parse("X 100.00 +10.00 (+11.13%)")?;
/// let findings = tickerstrip::validate(&quotes[0]);
/// let range = findings.expected().unwrap();
/// assert_eq!(range.low.to_string(), "11.1043");
/// assert_eq!(range.high.to_string(), "11.1180");
/// assert_eq!(range.to_string(), "11.1043 to 11.1180");
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PercentRange {
    /// The lowest value.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub low: Decimal,
    /// The highest value.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub high: Decimal,
}

impl fmt::Display for PercentRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.low, self.high)
    }
}

/// One thing the validator found wrong with a quote.
///
/// It carries the quote's symbol, span and shown numbers, so that its
/// `Display` can say why in one sentence.
///
/// ```
/// use tickerstrip::{FindingKind, validate};
///
/// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)")?;
/// let findings = validate(&quotes[0]);
/// let finding = findings.details(&quotes[0]).next().unwrap();
/// assert_eq!(finding.kind, FindingKind::PercentIsFraction);
/// assert_eq!(
///     finding.to_string(),
///     "AGL: percent 0.00 matches change/previous close as a fraction (0.0030); \
///      as a percent it would be 0.30"
/// );
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Finding<'a> {
    /// What is wrong.
    pub kind: FindingKind,
    /// The quote's symbol.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub symbol: &'a str,
    /// The quote's byte range in the input.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_glue::span"))]
    pub span: Range<usize>,
    /// The quote's price.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub price: Decimal,
    /// The quote's change, if shown.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub change: Option<Decimal>,
    /// The quote's percent, if shown.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub percent: Option<Decimal>,
    /// The quote's markers.
    pub markers: Markers,
    /// For [`FindingKind::PercentMismatch`], always: the percents that the
    /// price and change allow, display rounding included. `None` for the
    /// other kinds.
    pub expected: Option<PercentRange>,
    /// The previous close the quote's table row shows, if any.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub shown_close: Option<Decimal>,
}

impl Finding<'_> {
    /// The previous close the quote implies, P − C.
    fn previous_close(&self) -> Option<Decimal> {
        self.price.checked_sub(self.change?)
    }

    /// `change / base`, rounded half away from zero to `places` decimals.
    fn ratio(&self, base: Option<Decimal>, factor: i64, places: u32) -> Option<Decimal> {
        let change = self.change?.checked_mul(Decimal::from(factor))?;
        let ratio = change.checked_div(base?)?;
        Some(ratio.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero))
    }

    /// The places used to show computed percents: the shown percent's, at least two.
    fn places(&self) -> u32 {
        self.percent.map_or(2, |p| p.scale().max(2))
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.symbol)?;
        let percent = self.percent.unwrap_or_default();
        let places = self.places();
        let as_percent = self.ratio(self.previous_close(), 100, places);
        let unknown = || "?".to_string();
        let show = |value: Option<Decimal>| value.map_or_else(unknown, |v| v.to_string());
        match self.kind {
            FindingKind::PercentIsFraction => write!(
                f,
                "percent {percent} matches change/previous close as a fraction ({}); \
                 as a percent it would be {}",
                show(self.ratio(self.previous_close(), 1, places + 2)),
                show(as_percent)
            ),
            FindingKind::PercentOfPrice => write!(
                f,
                "percent {percent} matches change/price ({}); against the previous close it would be {}",
                show(self.ratio(Some(self.price), 100, places)),
                show(as_percent)
            ),
            FindingKind::PercentSignMismatch => write!(
                f,
                "percent {percent} has the wrong sign; change/previous close gives {}",
                show(as_percent)
            ),
            FindingKind::PercentMismatch => match self.expected {
                Some(range) => write!(
                    f,
                    "percent {percent} does not match change/previous close, which allows {range}"
                ),
                None => write!(f, "percent {percent} does not match change/previous close"),
            },
            FindingKind::DirectionMismatch => {
                let marker = self.markers.direction().map_or("none", Direction::as_str);
                match (self.change, self.percent) {
                    (Some(change), _) => {
                        write!(f, "marker says {marker} but the change is {change}")
                    }
                    (None, _) => write!(f, "marker says {marker} but the percent is {percent}"),
                }
            }
            FindingKind::MarkerConflict => write!(
                f,
                "word says {} but glyph says {}",
                self.markers.word.map_or("none", Direction::as_str),
                self.markers.glyph.map_or("none", Direction::as_str)
            ),
            FindingKind::PriceNotPositive => match self.previous_close() {
                Some(close) if self.price.is_sign_positive() && !self.price.is_zero() => write!(
                    f,
                    "previous close {close} (price {} minus change {}) is not positive; \
                     the percent cannot be checked",
                    self.price,
                    show(self.change)
                ),
                _ => write!(
                    f,
                    "price {} is not positive; the percent cannot be checked",
                    self.price
                ),
            },
            FindingKind::PreviousCloseMismatch => write!(
                f,
                "price {} minus change {} is {}, but the previous close shown is {}",
                self.price,
                show(self.change),
                show(self.previous_close()),
                show(self.shown_close)
            ),
        }
    }
}

/// The findings for one quote: which kinds apply, whether the percent was
/// checked, and the interval a mismatched percent should fall in. It is a
/// small `Copy` value that does not allocate and does not borrow the quote.
///
/// Iterating over it (`for kind in findings`, or [`Findings::kinds`])
/// gives the [`FindingKind`]s; [`Findings::details`] gives each [`Finding`]
/// with the quote's numbers, whose `Display` says why. `Debug` names the
/// kinds.
///
/// ```
/// use tickerstrip::{FindingKind, validate};
///
/// let quotes = tickerstrip::parse("HBL 113.00 No Change ▼ 0.00 (0%)")?;
/// let findings = validate(&quotes[0]);
/// assert_eq!(findings.len(), 1);
/// assert!(findings.contains(FindingKind::MarkerConflict));
/// for kind in findings {
///     assert_eq!(kind, FindingKind::MarkerConflict);
/// }
/// for finding in findings.details(&quotes[0]) {
///     assert_eq!(finding.to_string(), "HBL: word says unchanged but glyph says down");
/// }
/// assert_eq!(
///     format!("{findings:?}"),
///     "Findings { kinds: [MarkerConflict], check: Checked, expected: None }"
/// );
/// assert!(std::mem::size_of_val(&findings) <= 40);
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Findings {
    /// Bit `i` set: the kind `Findings::ORDER[i]` applies.
    kinds: u8,
    check: Check,
    expected: Option<PercentRange>,
}

impl Findings {
    /// The order findings are listed in: the percent or price finding,
    /// then the previous close's, then the direction's, then the markers'.
    const ORDER: [FindingKind; 8] = [
        FindingKind::PercentIsFraction,
        FindingKind::PercentOfPrice,
        FindingKind::PercentSignMismatch,
        FindingKind::PercentMismatch,
        FindingKind::PriceNotPositive,
        FindingKind::PreviousCloseMismatch,
        FindingKind::DirectionMismatch,
        FindingKind::MarkerConflict,
    ];

    /// The bit that stands for `kind`.
    fn bit(kind: FindingKind) -> u8 {
        let index = Findings::ORDER.iter().position(|&k| k == kind);
        1 << index.expect("every kind has a place in the order")
    }

    pub(crate) fn add(&mut self, kind: FindingKind) {
        self.kinds |= Findings::bit(kind);
    }

    pub(crate) fn add_mismatch(&mut self, expected: PercentRange) {
        self.add(FindingKind::PercentMismatch);
        self.expected = Some(expected);
    }

    pub(crate) fn set_check(&mut self, check: Check) {
        self.check = check;
    }

    /// Whether the quote's percent was checked against its price and change.
    ///
    /// ```
    /// use tickerstrip::{Check, validate};
    ///
    /// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%) | ABOT 812.000000 -4.10")?;
    /// assert_eq!(validate(&quotes[0]).check(), Check::Checked);
    /// assert_eq!(validate(&quotes[1]).check(), Check::NotShown);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn check(&self) -> Check {
        self.check
    }

    /// For a [`FindingKind::PercentMismatch`]: the percents that the price
    /// and change allow, display rounding included. `None` otherwise.
    ///
    /// ```
    /// let quotes = tickerstrip::parse("X 100.00 +10.00 (+11.13%)")?;
    /// let range = tickerstrip::validate(&quotes[0]).expected().unwrap();
    /// assert_eq!(range.to_string(), "11.1043 to 11.1180");
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn expected(&self) -> Option<PercentRange> {
        self.expected
    }

    /// The kinds that apply, in the order the validator lists them: the
    /// percent or price finding, then `previous-close-mismatch`, then
    /// `direction-mismatch`, then `marker-conflict`.
    ///
    /// ```
    /// use tickerstrip::{FindingKind, validate};
    ///
    /// let quotes = tickerstrip::parse("FCCL38.59▲ -0.41 (-0.01%)")?;
    /// let kinds: Vec<_> = validate(&quotes[0]).kinds().collect();
    /// assert_eq!(kinds, [FindingKind::PercentIsFraction, FindingKind::DirectionMismatch]);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn kinds(&self) -> FindingKinds {
        FindingKinds { left: self.kinds }
    }

    /// Each finding in full, with the numbers of `quote` (the quote these
    /// findings are for) so that its `Display` can say why.
    ///
    /// ```
    /// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)")?;
    /// let findings = tickerstrip::validate(&quotes[0]);
    /// let symbols: Vec<_> = findings.details(&quotes[0]).map(|finding| finding.symbol).collect();
    /// assert_eq!(symbols, ["AGL"]);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn details<'q, 'a>(
        &self,
        quote: &'q Quote<'a>,
    ) -> impl Iterator<Item = Finding<'a>> + use<'q, 'a> {
        let expected = self.expected;
        self.kinds().map(move |kind| Finding {
            kind,
            symbol: quote.symbol,
            span: quote.span.clone(),
            price: quote.price,
            change: quote.change,
            percent: quote.percent,
            markers: quote.markers,
            expected: expected.filter(|_| kind == FindingKind::PercentMismatch),
            shown_close: quote.previous_close,
        })
    }

    /// Whether a finding of `kind` is among them.
    ///
    /// ```
    /// use tickerstrip::{FindingKind, validate};
    ///
    /// let quotes = tickerstrip::parse("ABOT 812.000000 -4.10 | ACPL 0.00 -9")?;
    /// assert!(validate(&quotes[1]).contains(FindingKind::PriceNotPositive));
    /// assert!(!validate(&quotes[1]).contains(FindingKind::PercentMismatch));
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn contains(&self, kind: FindingKind) -> bool {
        self.kinds & Findings::bit(kind) != 0
    }

    /// How many there are.
    ///
    /// ```
    /// let quotes = tickerstrip::parse("FCCL38.59▲ -0.41 (-0.01%)")?;
    /// assert_eq!(tickerstrip::validate(&quotes[0]).len(), 2);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.kinds.count_ones() as usize
    }

    /// Whether the quote is fine.
    ///
    /// ```
    /// let strip = "NIFTY 22,150.40 +120.25 (+0.55%) | AGL40.13▲ 0.12 (0.00%)";
    /// let quotes = tickerstrip::parse(strip)?;
    /// assert!(tickerstrip::validate(&quotes[0]).is_empty());
    /// assert!(!tickerstrip::validate(&quotes[1]).is_empty());
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.kinds == 0
    }
}

/// `Findings { kinds: [PercentIsFraction, DirectionMismatch], check: Checked,
/// expected: None }`: the kinds by name, not the bits that hold them.
impl fmt::Debug for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Findings")
            .field("kinds", &self.kinds())
            .field("check", &self.check)
            .field("expected", &self.expected)
            .finish()
    }
}

impl IntoIterator for Findings {
    type Item = FindingKind;
    type IntoIter = FindingKinds;

    /// The kinds, as [`Findings::kinds`] gives them.
    ///
    /// ```
    /// use tickerstrip::FindingKind;
    ///
    /// let quotes = tickerstrip::parse("FCCL38.59▲ -0.41 (-0.01%)")?;
    /// let mut names = Vec::new();
    /// for kind in tickerstrip::validate(&quotes[0]) {
    ///     names.push(kind.as_str());
    /// }
    /// assert_eq!(names, ["percent-is-fraction", "direction-mismatch"]);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    fn into_iter(self) -> FindingKinds {
        self.kinds()
    }
}

impl IntoIterator for &Findings {
    type Item = FindingKind;
    type IntoIter = FindingKinds;

    /// The kinds, as [`Findings::kinds`] gives them.
    ///
    /// ```
    /// let quotes = tickerstrip::parse("FCCL38.59▲ -0.41 (-0.01%)")?;
    /// let findings = tickerstrip::validate(&quotes[0]);
    /// assert_eq!((&findings).into_iter().count(), findings.len());
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    fn into_iter(self) -> FindingKinds {
        self.kinds()
    }
}

/// The kinds of a quote's [`Findings`], in the order the validator lists
/// them; made by [`Findings::kinds`] or by iterating over the findings.
///
/// ```
/// use tickerstrip::FindingKind;
///
/// let quotes = tickerstrip::parse("FCCL38.59▲ -0.41 (-0.01%)")?;
/// let mut kinds = tickerstrip::validate(&quotes[0]).kinds();
/// assert_eq!(kinds.len(), 2);
/// assert_eq!(kinds.next(), Some(FindingKind::PercentIsFraction));
/// assert_eq!(format!("{kinds:?}"), "[DirectionMismatch]");
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Clone)]
pub struct FindingKinds {
    /// The bits of the kinds not yet given, as in `Findings::kinds`.
    left: u8,
}

impl Iterator for FindingKinds {
    type Item = FindingKind;

    fn next(&mut self) -> Option<FindingKind> {
        let next = self.left.trailing_zeros() as usize;
        let kind = *Findings::ORDER.get(next)?;
        self.left &= self.left - 1;
        Some(kind)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.left.count_ones() as usize;
        (left, Some(left))
    }
}

impl ExactSizeIterator for FindingKinds {}

impl std::iter::FusedIterator for FindingKinds {}

/// The kinds still to come, by name: `[PercentIsFraction, DirectionMismatch]`.
impl fmt::Debug for FindingKinds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// Findings serialize as the list of their kinds' names, as the
/// command-line tool writes them: `["percent-is-fraction"]`.
#[cfg(feature = "serde")]
impl serde::Serialize for Findings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.kinds())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Findings holding `kinds`, as the validator adds them.
    fn findings(kinds: &[FindingKind]) -> Findings {
        let mut findings = Findings::default();
        for &kind in kinds {
            findings.add(kind);
        }
        findings
    }

    #[test]
    fn each_kind_alone_iterates_and_debugs_by_name() {
        for kind in FindingKind::ALL {
            let alone = findings(&[kind]);
            assert_eq!(alone.into_iter().collect::<Vec<_>>(), [kind]);
            assert_eq!(alone.kinds().len(), 1);
            assert_eq!(
                format!("{alone:?}"),
                format!("Findings {{ kinds: [{kind:?}], check: NotShown, expected: None }}")
            );
        }
    }

    #[test]
    fn every_kind_together_iterates_in_the_listed_order() {
        let all = findings(&FindingKind::ALL);
        let kinds: Vec<_> = (&all).into_iter().collect();
        assert_eq!(kinds, Findings::ORDER);
        assert_eq!(all.kinds().len(), FindingKind::ALL.len());
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(sorted, FindingKind::ALL);
        assert_eq!(
            format!("{:?}", all.kinds()),
            "[PercentIsFraction, PercentOfPrice, PercentSignMismatch, PercentMismatch, \
             PriceNotPositive, PreviousCloseMismatch, DirectionMismatch, MarkerConflict]"
        );
    }

    #[test]
    fn an_iterator_stops_for_good_and_counts_down() {
        let mut kinds =
            findings(&[FindingKind::MarkerConflict, FindingKind::PercentOfPrice]).kinds();
        assert_eq!(kinds.size_hint(), (2, Some(2)));
        assert_eq!(kinds.next(), Some(FindingKind::PercentOfPrice));
        assert_eq!(kinds.size_hint(), (1, Some(1)));
        assert_eq!(kinds.next(), Some(FindingKind::MarkerConflict));
        assert_eq!(kinds.next(), None);
        assert_eq!(kinds.next(), None);
        assert_eq!(Findings::default().kinds().next(), None);
        assert_eq!(format!("{:?}", Findings::default().kinds()), "[]");
    }
}
