//! Parsing a large strip on all cores (feature `parallel`).
//!
//! The input is cut where no quote can straddle: a quote holds `%` only in
//! its percent, its last field, so right after a `%` (and the `)` that may
//! close it) one quote has ended and the next has not begun. The parts are
//! parsed on rayon's threads and their quotes joined in order.

use rayon::prelude::*;

use crate::grammar::{Mode, separator_len};
use crate::{ParseError, ParseOptions, Quote};

/// Parts are at least this long: shorter inputs are parsed on one thread.
const MIN_PART: usize = 256 * 1024;

impl ParseOptions {
    /// [`ParseOptions::parse`] on all cores: the same quotes in the same
    /// order, or the same error.
    ///
    /// Inputs under 512 KiB, and inputs without `%` to cut at, are parsed
    /// on one thread.
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
    pub fn par_parse<'a>(&self, text: &'a str) -> Result<Vec<Quote<'a>>, ParseError> {
        let parts = cut(text, rayon::current_num_threads() * 4);
        if parts.len() < 2 {
            return self.parse(text);
        }
        let (grammar, decision) = self.grammar(Mode::Strict, text);
        let parsed: Option<Vec<Vec<Quote<'a>>>> = parts
            .par_iter()
            .map(|&(start, end)| {
                let part = crate::Quotes::new(&text[start..end], grammar.clone(), decision);
                part.map(|quote| quote.ok().map(|q| q.shifted(start)))
                    .collect()
            })
            .collect();
        match parsed {
            Some(parts) => Ok(parts.concat()),
            None => self.parse(text),
        }
    }
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
/// quote may start: after a `%`, its closing `)` and any separators.
fn cut_after(bytes: &[u8], from: usize) -> Option<usize> {
    let percent = from + bytes[from..].iter().position(|&b| b == b'%')?;
    let mut at = percent + 1;
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t') {
        at += 1;
    }
    if bytes.get(at) == Some(&b')') {
        at += 1;
    }
    loop {
        match separator_len(&bytes[at..]) {
            0 => return Some(at),
            n => at += n,
        }
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
