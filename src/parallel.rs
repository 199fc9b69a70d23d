//! Reading a large input on all cores (feature `parallel`).
//!
//! The reader reads its input in regions that start on a grid of
//! offsets ([`crate::engine::region_end`]). The input is cut at region
//! starts into parts, each read on rayon's threads by a reader that meets
//! the same regions a reader of the whole input meets, and the results
//! are joined in order. When any part holds an error, the whole input is
//! read again on one thread, so that results and errors are exactly those
//! of the one-thread methods.

use rayon::prelude::*;

use crate::engine::region_end;
use crate::error::ParseError;
use crate::options::ParseOptions;
use crate::quote::Quote;
use crate::report::StripReport;
use crate::strict::Quotes;
use crate::validation::Validator;
use crate::window::Window;

/// Parts are at least this long: shorter inputs are read on one thread.
const MIN_PART: usize = 64 * 1024;

/// Parts per thread: small parts let rayon balance the load when one core
/// is slowed (32 per thread measured 1.9× on 2 cores where 4 gave 1.5×).
const PARTS_PER_THREAD: usize = 32;

impl ParseOptions {
    /// [`ParseOptions::parse`] on all cores: the same quotes in the same
    /// order, or the same error.
    ///
    /// Inputs under 128 KiB, and inputs without `%` to cut at, are parsed
    /// on one thread. Collecting every quote of a large strip into one
    /// vector is bound by memory more than by parsing; to summarise a
    /// strip, [`ParseOptions::par_report`] scales better.
    ///
    /// ```
    /// let line = include_str!("../tests/data/conformance/seed-page.txt").lines().next().unwrap();
    /// let strip = line.repeat(2000);
    /// let options = tickerstrip::ParseOptions::new();
    /// assert_eq!(options.par_parse(&strip)?, options.parse(&strip)?);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Those of [`ParseOptions::parse`], found by parsing again on one
    /// thread when any part fails, so that the error's line, column and
    /// quote index are the whole input's.
    #[cfg_attr(docsrs, doc(cfg(feature = "parallel")))]
    pub fn par_parse<'a>(&self, text: &'a str) -> Result<Vec<Quote<'a>>, ParseError> {
        let parts = self.par_parts(text, |part| {
            part.map(Result::ok).collect::<Option<Vec<_>>>()
        });
        match parts {
            Some(parts) => Ok(parts.concat()),
            None => self.parse(text),
        }
    }

    /// Validates every quote of a strip on all cores and counts the
    /// findings: the [`StripReport`] that adding each quote of
    /// [`ParseOptions::parse`] with its [`Validator::validate`] findings
    /// gives, without storing the quotes.
    ///
    /// ```
    /// use tickerstrip::{FindingKind, ParseOptions, Validator};
    ///
    /// let line = include_str!("../tests/data/conformance/seed-page.txt").lines().next().unwrap();
    /// let strip = line.repeat(2000);
    /// let report = ParseOptions::new().par_report(&strip, &Validator::new())?;
    /// assert_eq!(report.quotes(), 60_000);
    /// assert_eq!(report.count(FindingKind::PercentIsFraction), 58_000);
    /// # Ok::<(), tickerstrip::ParseError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The first error of [`ParseOptions::parse`], found by reading again
    /// on one thread when any part fails.
    #[cfg_attr(docsrs, doc(cfg(feature = "parallel")))]
    pub fn par_report(&self, text: &str, validator: &Validator) -> Result<StripReport, ParseError> {
        let reports = self.par_parts(text, |part| report(part, validator).ok());
        match reports {
            Some(reports) => Ok(reports.iter().fold(StripReport::new(), |mut all, part| {
                all.merge(part);
                all
            })),
            None => report(self.quotes(text), validator),
        }
    }

    /// Reads the parts of `text` on all cores with `read`, which gets a
    /// part's quotes (with spans in `text`); `None` when `read` fails on
    /// any part. Small inputs are one part.
    fn par_parts<'a, T, F>(&self, text: &'a str, read: F) -> Option<Vec<T>>
    where
        T: Send,
        F: Fn(Quotes<'a>) -> Option<T> + Sync,
    {
        let decision = self.decide(text);
        let cuts = cut(text, rayon::current_num_threads() * PARTS_PER_THREAD);
        cuts.windows(2)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|part| {
                let engine = self.engine(decision.style);
                read(Quotes::part(text, part[0], part[1], decision, engine))
            })
            .collect()
    }
}

/// The report on `quotes`, or their first error.
fn report(quotes: Quotes<'_>, validator: &Validator) -> Result<StripReport, ParseError> {
    let mut report = StripReport::new();
    for quote in quotes {
        let quote = quote?;
        report.add(&quote, &validator.validate(&quote));
    }
    Ok(report)
}

/// The offsets where `text` is cut into about `count` parts of at least
/// [`MIN_PART`] bytes: 0, region starts, and the text's end. The region
/// starts are those a reader of the whole text meets, found by walking
/// them: each is a search of at most a region's bytes for a line end.
fn cut(text: &str, count: usize) -> Vec<usize> {
    let window = Window::whole(text.as_bytes());
    let target = (text.len() / count.max(1)).max(MIN_PART);
    let mut cuts = vec![0];
    let mut at = 0;
    while let Some(end) = region_end(window, at).filter(|&end| end < text.len()) {
        let last = cuts.last().copied().unwrap_or(0);
        if end - last >= target && text.len() - end >= target {
            cuts.push(end);
        }
        at = end;
    }
    cuts.push(text.len());
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cover_the_text_in_order_at_region_starts() {
        let line = "AGL40.13▲ 0.12 (0.00%)";
        let strip = line.repeat(100_000);
        let cuts = cut(&strip, 8);
        assert!(cuts.len() > 2);
        assert_eq!(cuts[0], 0);
        assert_eq!(*cuts.last().unwrap(), strip.len());
        assert!(cuts.windows(2).all(|w| w[0] < w[1]));
        assert!(
            cuts[1..cuts.len() - 1]
                .iter()
                .all(|&at| strip[at..].starts_with("AGL"))
        );
    }
}
