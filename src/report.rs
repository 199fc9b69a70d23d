//! The strip-level report: findings counted by kind, and the pattern most
//! quotes share.

use std::fmt;

use crate::finding::{FindingKind, Findings};
use crate::quote::Quote;
use crate::validation::Check;

/// Totals over a strip's validated quotes, and the dominant pattern when
/// more than half of the checkable quotes share a finding.
///
/// A quote is *checkable* when it shows a change and a percent and its
/// displayed previous close P − C is positive.
///
/// ```
/// use tickerstrip::{FindingKind, StripReport, validate};
///
/// let seed = include_str!("../tests/data/conformance/seed-page.txt");
/// let mut report = StripReport::new();
/// for segment in tickerstrip::scan(seed) {
///     if let Some(quote) = segment.as_quote() {
///         report.add(quote, &validate(quote));
///     }
/// }
/// assert_eq!(report.quotes(), 30);
/// assert_eq!(report.count(FindingKind::PercentIsFraction), 29);
/// assert_eq!(
///     report.dominant().unwrap().to_string(),
///     "percent column reads as fractions: 29 of 30 quotes"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "ReportData", from = "ReportData"))]
pub struct StripReport {
    quotes: usize,
    checkable: usize,
    checked: usize,
    uncheckable: usize,
    /// Findings by kind, in [`FindingKind::ALL`] order.
    findings: [usize; FindingKind::ALL.len()],
    /// Checkable quotes with a finding of each kind.
    checkable_findings: [usize; FindingKind::ALL.len()],
}

impl StripReport {
    /// An empty report.
    ///
    /// ```
    /// let report = tickerstrip::StripReport::new();
    /// assert_eq!((report.quotes(), report.total_findings()), (0, 0));
    /// assert_eq!(report.dominant(), None);
    /// ```
    pub fn new() -> StripReport {
        StripReport::default()
    }

    /// Counts one quote and its findings.
    ///
    /// ```
    /// use tickerstrip::{FindingKind, StripReport, validate};
    ///
    /// let quotes = tickerstrip::parse("AGL40.13▲ 0.12 (0.00%)")?;
    /// let mut report = StripReport::new();
    /// report.add(&quotes[0], &validate(&quotes[0]));
    /// assert_eq!(report.count(FindingKind::PercentIsFraction), 1);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn add(&mut self, quote: &Quote<'_>, findings: &Findings) {
        self.quotes += 1;
        match findings.check() {
            Check::Checked => self.checked += 1,
            Check::Uncheckable => self.uncheckable += 1,
            _ => {}
        }
        let checkable = is_checkable(quote);
        self.checkable += usize::from(checkable);
        for kind in findings.kinds() {
            let slot = index(kind);
            self.findings[slot] += 1;
            self.checkable_findings[slot] += usize::from(checkable);
        }
    }

    /// Adds the counts of `other`, a report on more quotes of the same
    /// kind of strip: the report on two strips is the merge of theirs.
    ///
    /// ```
    /// use tickerstrip::{StripReport, validate};
    ///
    /// let report_on = |strip: &str| -> Result<StripReport, tickerstrip::ParseError> {
    ///     let mut report = StripReport::new();
    ///     for quote in tickerstrip::parse(strip)? {
    ///         report.add(&quote, &validate(&quote));
    ///     }
    ///     Ok(report)
    /// };
    /// let (first, second) = ("AGL40.13▲ 0.12 (0.00%)", "MLCF49.47▲ 0 (0.00%)");
    /// let mut merged = report_on(first)?;
    /// merged.merge(&report_on(second)?);
    /// assert_eq!(merged, report_on(&format!("{first}{second}"))?);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn merge(&mut self, other: &StripReport) {
        self.quotes += other.quotes;
        self.checkable += other.checkable;
        self.checked += other.checked;
        self.uncheckable += other.uncheckable;
        for (mine, theirs) in self.findings.iter_mut().zip(other.findings) {
            *mine += theirs;
        }
        for (mine, theirs) in self
            .checkable_findings
            .iter_mut()
            .zip(other.checkable_findings)
        {
            *mine += theirs;
        }
    }

    /// Quotes counted.
    ///
    /// ```
    /// use tickerstrip::{StripReport, validate};
    ///
    /// let mut report = StripReport::new();
    /// for quote in tickerstrip::parse("AGL40.13▲ 0.12 (0.00%) | ABOT 812.000000 -4.10")? {
    ///     report.add(&quote, &validate(&quote));
    /// }
    /// assert_eq!(report.quotes(), 2);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn quotes(&self) -> usize {
        self.quotes
    }

    /// Quotes that show a change and a percent on a positive previous close.
    ///
    /// ```
    /// use tickerstrip::{StripReport, validate};
    ///
    /// let mut report = StripReport::new();
    /// for quote in tickerstrip::parse("AGL40.13▲ 0.12 (0.00%) | ABOT 812.000000 -4.10")? {
    ///     report.add(&quote, &validate(&quote));
    /// }
    /// assert_eq!(report.checkable(), 1);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn checkable(&self) -> usize {
        self.checkable
    }

    /// Quotes whose percent was checked against their price and change.
    ///
    /// ```
    /// use tickerstrip::{StripReport, validate};
    ///
    /// let mut report = StripReport::new();
    /// for quote in tickerstrip::parse("AGL40.13▲ 0.12 (0.00%) | ACPL 0.00 -9 (1%)")? {
    ///     report.add(&quote, &validate(&quote));
    /// }
    /// assert_eq!(report.checked(), 1);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn checked(&self) -> usize {
        self.checked
    }

    /// Quotes that show a change and a percent that could not be checked:
    /// their price or previous close is not positive, or rounding lets the
    /// close reach zero ([`Check::Uncheckable`]); never for long numbers.
    ///
    /// ```
    /// use tickerstrip::{StripReport, validate};
    ///
    /// let mut report = StripReport::new();
    /// for quote in tickerstrip::parse("AGL40.13▲ 0.12 (0.00%) | ACPL 0.00 -9 (1%)")? {
    ///     report.add(&quote, &validate(&quote));
    /// }
    /// assert_eq!(report.uncheckable(), 1);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn uncheckable(&self) -> usize {
        self.uncheckable
    }

    /// Findings of `kind`.
    ///
    /// ```
    /// use tickerstrip::{FindingKind, StripReport, validate};
    ///
    /// let seed = include_str!("../tests/data/conformance/seed-page.txt");
    /// let mut report = StripReport::new();
    /// for quote in tickerstrip::scan(seed).filter_map(|s| s.as_quote().cloned()) {
    ///     report.add(&quote, &validate(&quote));
    /// }
    /// assert_eq!(report.count(FindingKind::DirectionMismatch), 1);
    /// ```
    pub fn count(&self, kind: FindingKind) -> usize {
        self.findings[index(kind)]
    }

    /// Every kind with at least one finding, and its count.
    ///
    /// ```
    /// use tickerstrip::{FindingKind, StripReport, validate};
    ///
    /// let seed = include_str!("../tests/data/conformance/seed-page.txt");
    /// let mut report = StripReport::new();
    /// for quote in tickerstrip::scan(seed).filter_map(|s| s.as_quote().cloned()) {
    ///     report.add(&quote, &validate(&quote));
    /// }
    /// let counts: Vec<_> = report.counts().map(|(kind, n)| (kind.as_str(), n)).collect();
    /// assert_eq!(counts, [("percent-is-fraction", 29), ("direction-mismatch", 1)]);
    /// ```
    pub fn counts(&self) -> impl Iterator<Item = (FindingKind, usize)> + '_ {
        FindingKind::ALL
            .into_iter()
            .map(|kind| (kind, self.count(kind)))
            .filter(|&(_, count)| count > 0)
    }

    /// All findings.
    ///
    /// ```
    /// use tickerstrip::{StripReport, validate};
    ///
    /// let seed = include_str!("../tests/data/conformance/seed-page.txt");
    /// let mut report = StripReport::new();
    /// for quote in tickerstrip::scan(seed).filter_map(|s| s.as_quote().cloned()) {
    ///     report.add(&quote, &validate(&quote));
    /// }
    /// assert_eq!(report.total_findings(), 30);
    /// ```
    pub fn total_findings(&self) -> usize {
        self.findings.iter().sum()
    }

    /// The finding that more than half of the checkable quotes share, if any
    /// (the most shared when several do).
    ///
    /// ```
    /// use tickerstrip::{StripReport, validate};
    ///
    /// let mut report = StripReport::new();
    /// let strip = "AGL40.13▲ 0.12 (0.00%) | NIFTY 22,150.40 +120.25 (+0.55%)";
    /// for quote in tickerstrip::parse(strip)? {
    ///     report.add(&quote, &validate(&quote));
    /// }
    /// assert_eq!(report.dominant(), None); // 1 of 2 is not more than half
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    pub fn dominant(&self) -> Option<Pattern> {
        let (kind, quotes) = FindingKind::ALL
            .into_iter()
            .zip(self.checkable_findings)
            .max_by_key(|&(_, quotes)| quotes)?;
        (quotes * 2 > self.checkable).then_some(Pattern {
            kind,
            quotes,
            of: self.checkable,
        })
    }
}

/// Shows the totals a line each: quotes, checked, findings by kind, pattern.
///
/// ```
/// use tickerstrip::{StripReport, validate};
///
/// let mut report = StripReport::new();
/// for quote in tickerstrip::parse("HBL 113.00 No Change ▼ 0.00 (0%)")? {
///     report.add(&quote, &validate(&quote));
/// }
/// assert_eq!(
///     report.to_string(),
///     "quotes: 1\nchecked: 1 of 1 checkable\nmarker-conflict: 1\npattern: direction words and glyphs disagree: 1 of 1 quotes\n"
/// );
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
impl fmt::Display for StripReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "quotes: {}", self.quotes)?;
        write!(
            f,
            "checked: {} of {} checkable",
            self.checked, self.checkable
        )?;
        if self.uncheckable > 0 {
            write!(f, " ({} uncheckable)", self.uncheckable)?;
        }
        writeln!(f)?;
        for (kind, count) in self.counts() {
            writeln!(f, "{kind}: {count}")?;
        }
        if let Some(pattern) = self.dominant() {
            writeln!(f, "pattern: {pattern}")?;
        }
        Ok(())
    }
}

/// A finding shared by most of a strip's checkable quotes.
///
/// ```
/// use tickerstrip::{FindingKind, StripReport, validate};
///
/// let seed = include_str!("../tests/data/conformance/seed-page.txt");
/// let mut report = StripReport::new();
/// for quote in tickerstrip::scan(seed).filter_map(|s| s.as_quote().cloned()) {
///     report.add(&quote, &validate(&quote));
/// }
/// let pattern = report.dominant().unwrap();
/// assert_eq!(pattern.kind, FindingKind::PercentIsFraction);
/// assert_eq!((pattern.quotes, pattern.of), (29, 30));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Pattern {
    /// The shared finding.
    pub kind: FindingKind,
    /// How many checkable quotes have it.
    pub quotes: usize,
    /// How many checkable quotes there are.
    pub of: usize,
}

impl fmt::Display for Pattern {
    /// `percent column reads as fractions: 29 of 30 quotes`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} of {} quotes",
            self.kind.pattern(),
            self.quotes,
            self.of
        )
    }
}

/// A report as serde writes it: counts by kind name, and the pattern.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct ReportData {
    quotes: usize,
    checkable: usize,
    checked: usize,
    uncheckable: usize,
    findings: std::collections::BTreeMap<FindingKind, usize>,
    checkable_findings: std::collections::BTreeMap<FindingKind, usize>,
    /// Written for readers; recomputed when read.
    pattern: Option<Pattern>,
}

#[cfg(feature = "serde")]
impl From<StripReport> for ReportData {
    fn from(report: StripReport) -> ReportData {
        let by_kind = |counts: [usize; FindingKind::ALL.len()]| {
            FindingKind::ALL
                .into_iter()
                .zip(counts)
                .filter(|&(_, n)| n > 0)
                .collect()
        };
        ReportData {
            quotes: report.quotes,
            checkable: report.checkable,
            checked: report.checked,
            uncheckable: report.uncheckable,
            findings: by_kind(report.findings),
            checkable_findings: by_kind(report.checkable_findings),
            pattern: report.dominant(),
        }
    }
}

#[cfg(feature = "serde")]
impl From<ReportData> for StripReport {
    fn from(data: ReportData) -> StripReport {
        let counts = |by_kind: &std::collections::BTreeMap<FindingKind, usize>| {
            FindingKind::ALL.map(|kind| by_kind.get(&kind).copied().unwrap_or_default())
        };
        StripReport {
            quotes: data.quotes,
            checkable: data.checkable,
            checked: data.checked,
            uncheckable: data.uncheckable,
            findings: counts(&data.findings),
            checkable_findings: counts(&data.checkable_findings),
        }
    }
}

/// Whether a quote shows a change and a percent on a positive displayed
/// price and previous close.
fn is_checkable(quote: &Quote<'_>) -> bool {
    let positive = |d: rust_decimal::Decimal| d.is_sign_positive() && !d.is_zero();
    match (quote.change, quote.percent) {
        (Some(change), Some(_)) => {
            positive(quote.price) && quote.price.checked_sub(change).is_some_and(positive)
        }
        _ => false,
    }
}

/// The position of `kind` in [`FindingKind::ALL`].
fn index(kind: FindingKind) -> usize {
    FindingKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate;

    fn report(text: &str) -> StripReport {
        let mut report = StripReport::new();
        for segment in crate::scan(text) {
            if let Some(quote) = segment.as_quote() {
                report.add(quote, &validate(quote));
            }
        }
        report
    }

    #[test]
    fn no_pattern_without_a_majority() {
        let report = report("AGL40.13▲ 0.12 (0.00%) NIFTY 22,150.40 +120.25 (+0.55%)");
        assert_eq!(report.checkable(), 2);
        assert_eq!(report.count(FindingKind::PercentIsFraction), 1);
        assert_eq!(report.dominant(), None);
    }

    #[test]
    fn quotes_that_cannot_be_checked_do_not_count_towards_the_pattern() {
        let report = report("ACPL 0.00 -9 (1%) | ABOT 812.000000 -4.10 | AGL40.13▲ 0.12 (0.00%)");
        assert_eq!(
            (report.quotes(), report.checkable(), report.uncheckable()),
            (3, 1, 1)
        );
        let pattern = report.dominant().unwrap();
        assert_eq!(
            (pattern.kind, pattern.quotes, pattern.of),
            (FindingKind::PercentIsFraction, 1, 1)
        );
    }

    #[test]
    fn empty_report_has_no_pattern() {
        assert_eq!(StripReport::new().dominant(), None);
        assert_eq!(
            StripReport::new().to_string(),
            "quotes: 0\nchecked: 0 of 0 checkable\n"
        );
    }
}
