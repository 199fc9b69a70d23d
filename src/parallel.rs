//! Reading a large strip on all cores (feature `parallel`).
//!
//! The input is cut where no quote can straddle: a quote holds `%` only in
//! its percent, its last field, so right after a `%` (and the `)` that may
//! close it) one quote has ended and the next has not begun. The parts are
//! read on rayon's threads and their results joined in order. When any
//! part holds an error, the whole input is read again on one thread, so
//! that results and errors are exactly those of the one-thread methods.

use rayon::prelude::*;

use crate::error::ParseError;
use crate::grammar::Mode;
use crate::lexical::{hspace_len, separator_len, skip_run};
use crate::options::ParseOptions;
use crate::quote::Quote;
use crate::report::StripReport;
use crate::strict::Quotes;
use crate::table::may_be_a_table_line;
use crate::validation::Validator;

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
        let (grammar, decision) = self.grammar(Mode::Strict, text);
        cut(text, rayon::current_num_threads() * PARTS_PER_THREAD)
            .into_par_iter()
            .map(|(start, end)| read(Quotes::part(&text[..end], start, grammar.clone(), decision)))
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

/// Cuts `text` into about `count` parts of at least [`MIN_PART`] bytes, as
/// (start, end) offsets, each starting at a quote (not at separators).
fn cut(text: &str, count: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let target = (text.len() / count.max(1)).max(MIN_PART);
    let mut parts = Vec::with_capacity(count + 1);
    let mut start = 0;
    while text.len() - start >= 2 * target {
        match cut_after(bytes, start + target) {
            Some(at) if at < text.len() => {
                parts.push((start, at));
                start = at;
            }
            _ => break,
        }
    }
    parts.push((start, text.len()));
    parts
}

/// The first place at or after `from` that no quote straddles and where a
/// quote may start: after a `%`, its closing `)` and any separators, on a
/// line that can be no table's, so that no part starts inside a table
/// whose header another part holds.
fn cut_after(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let percent = from + bytes[from..].iter().position(|&b| b == b'%')?;
        let mut at = percent + 1;
        at += bytes.len() - at - skip_run(&bytes[at..], hspace_len).len();
        if bytes.get(at) == Some(&b')') {
            at += 1;
        }
        at += bytes.len() - at - skip_run(&bytes[at..], separator_len).len();
        if !may_be_a_table_line(bytes, percent) && !may_be_a_table_line(bytes, at) {
            return Some(at);
        }
        from = percent + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_after_percents_and_separators() {
        let strip = "AGL40.13▲ 0.12 (0.00%) | BOP10.34▲ 0.22 (0.02%)KEL6.34▼ -0.06 (-0.01%)";
        assert_eq!(cut_after(strip.as_bytes(), 0), strip.find("BOP"));
        assert_eq!(cut_after(strip.as_bytes(), 30), strip.find("KEL"));
        assert_eq!(cut_after(b"no percent here", 0), None);
    }

    #[test]
    fn parts_cover_the_text_in_order() {
        let line = "AGL40.13▲ 0.12 (0.00%)";
        let strip = line.repeat(100_000);
        let parts = cut(&strip, 8);
        assert!(parts.len() > 1);
        assert_eq!(parts[0].0, 0);
        assert_eq!(parts.last().unwrap().1, strip.len());
        assert!(
            parts
                .windows(2)
                .all(|w| w[0].1 == w[1].0 && strip[w[1].0..].starts_with("AGL"))
        );
    }
}
