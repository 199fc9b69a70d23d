//! The stages run over one region of input: tokens, records, blocks,
//! readings, judgement, labels. What the judge accepts comes out as
//! [`Found`] quotes, each with its span (a region lists them as
//! [`Accepted`], read from the judge's candidates when asked for); scan
//! and strict reading are policies over this one engine.
//!
//! Regions lie on a grid: each starts at the quietest place (a blank
//! line, else a line end, else the end of a percent, else a word's start)
//! within [`STEP`] bytes after a multiple of [`STEP`], so a region holds
//! at most [`REGION`] bytes. Where regions start depends on the input's
//! bytes and offsets alone: a whole `&str`, a stream read in chunks of any
//! size, and the parts of a parallel read all meet the same regions, and
//! so find the same quotes.

use std::collections::HashSet;
use std::ops::{Range, RangeInclusive};

use rust_decimal::Decimal;

use crate::blocks::{self, Blocks};
use crate::judge::{Judge, Page, Rule, Verdict};
use crate::number::NumberStyle;
use crate::quote::{Currency, Direction, Evidence, Label, Magnitude, Markers, Quote};
use crate::records::{self, Record};
use crate::token::{Kind, Lexer, Refusal, Token, Tokens};
use crate::window::Window;

/// The most bytes one region holds: a quote, with the text its records,
/// blocks and header span around it, reaches at most this far.
///
/// Fuzzing builds use a small region, so that inputs of a few KiB reach
/// every limit.
pub(crate) const REGION: usize = if cfg!(fuzzing) { 256 } else { 64 * 1024 };

/// The spacing of the grid regions start on.
pub(crate) const STEP: usize = REGION / 2;

/// A quote the engine found, its text kept as offsets into the input so
/// that a stream can hold it while its window moves.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// The quote's byte range.
    pub(crate) span: Range<usize>,
    /// The symbol's byte range.
    pub(crate) symbol: Range<usize>,
    /// The name's byte range, where the page shows a name and a code.
    pub(crate) name: Option<Range<usize>>,
    /// Whether the symbol is a ticker or a name.
    pub(crate) label: Label,
    /// The price, times its magnitude.
    pub(crate) price: Decimal,
    /// The decimals the price showed before its magnitude.
    pub(crate) shown_scale: u8,
    /// The magnitude suffix.
    pub(crate) magnitude: Option<Magnitude>,
    /// The currency shown with the price.
    pub(crate) currency: Option<Currency>,
    /// The direction (rule D).
    pub(crate) direction: Direction,
    /// The signed change.
    pub(crate) change: Option<Decimal>,
    /// The signed percent.
    pub(crate) percent: Option<Decimal>,
    /// The previous close the row shows.
    pub(crate) previous_close: Option<Decimal>,
    /// The direction markers shown.
    pub(crate) markers: Markers,
    /// What made the judge accept it.
    pub(crate) evidence: Evidence,
}

impl Found {
    /// The quote, its text borrowed from `text`, which starts at input
    /// offset `base` and holds the quote.
    pub(crate) fn quote<'t>(&self, text: &'t [u8], base: usize) -> Quote<'t> {
        self.quote_with(|range| {
            std::str::from_utf8(&text[range.start - base..range.end - base])
                .expect("labels are UTF-8")
        })
    }

    /// [`Found::quote`] from the whole input as a `&str`: its labels are
    /// cut from it without checking their UTF-8 again.
    ///
    /// Inlined, with [`Found::quote_with`], so that a scan builds each
    /// quote where its segment is returned rather than copying it there.
    #[inline(always)]
    pub(crate) fn quote_in<'t>(&self, text: &'t str) -> Quote<'t> {
        self.quote_with(|range| &text[range.clone()])
    }

    /// The quote, its label's pieces cut from the input by `slice`
    /// (inlined: see [`Found::quote_in`]).
    #[inline(always)]
    fn quote_with<'t>(&self, slice: impl Fn(&Range<usize>) -> &'t str) -> Quote<'t> {
        Quote {
            symbol: slice(&self.symbol),
            name: self.name.as_ref().map(slice),
            label: self.label,
            price: self.price,
            magnitude: self.magnitude,
            shown_scale: self.shown_scale,
            currency: self.currency,
            direction: self.direction,
            change: self.change,
            percent: self.percent,
            span: self.span.clone(),
            markers: self.markers,
            previous_close: self.previous_close,
            evidence: self.evidence,
        }
    }
}

/// A quote the engine accepted in the region it read last: where it
/// stands, and which of the judge's candidates it is, from which
/// [`Engine::found`] reads the quote. Small, so that a region lists its
/// quotes without copying each whole before it is asked for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Accepted {
    /// The quote's byte range.
    pub(crate) span: Range<usize>,
    /// Its candidate's index in the judge's.
    candidate: usize,
    /// What made the judge accept it.
    evidence: Evidence,
}

/// What the engine read of a region.
#[derive(Debug, Clone, Default)]
pub(crate) struct Region {
    /// The quotes, in input order, without overlaps: [`Engine::found`]
    /// reads each, until the engine reads another region.
    pub(crate) found: Vec<Accepted>,
    /// Where the region ends: the next one starts here.
    pub(crate) end: usize,
    /// Where a quote cut off by the end of the input starts, if the
    /// region reaches that end and a quote was cut there.
    pub(crate) truncated: Option<usize>,
    /// For strict reading: the records the judge refused or that held no
    /// value, as token ranges in [`Engine::tokens`], and why.
    pub(crate) refused: Vec<Refused>,
    /// For strict reading: the byte ranges of the header lines whose rows
    /// gave quotes, which are part of a table, not text to report.
    pub(crate) headers: Vec<Range<usize>>,
}

/// A record the judge refused, for strict reading's errors.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Refused {
    /// The record's byte range.
    pub(crate) span: Range<usize>,
    /// The rule that refused it, in words.
    pub(crate) why: &'static str,
    /// Where text inside it stands that no quote's field is, if that is
    /// why.
    pub(crate) stray: Option<usize>,
    /// Two prices that readings standing equally gave, if that is why
    /// (rule P).
    pub(crate) readings: Option<[Decimal; 2]>,
}

/// The stages with their buffers, kept between regions.
#[derive(Debug)]
pub(crate) struct Engine {
    style: NumberStyle,
    symbols: Option<std::sync::Arc<HashSet<String>>>,
    min_evidence: Evidence,
    tokens: Tokens,
    records: Vec<Record>,
    blocks: Blocks,
    judge: Judge,
    lines: Lines,
}

impl Engine {
    /// An engine reading numbers in `style` (dot or comma), knowing
    /// `symbols` (rule G (c)), keeping quotes of at least `min_evidence`.
    pub(crate) fn new(
        style: NumberStyle,
        symbols: Option<std::sync::Arc<HashSet<String>>>,
        min_evidence: Evidence,
    ) -> Engine {
        Engine {
            style,
            symbols,
            min_evidence,
            tokens: Tokens::default(),
            records: Vec::new(),
            blocks: Blocks::default(),
            judge: Judge::default(),
            lines: Lines::default(),
        }
    }

    /// Sets the number style, once a stream has decided it.
    pub(crate) fn set_style(&mut self, style: NumberStyle) {
        self.style = style;
    }

    /// The lexer the engine reads with.
    pub(crate) fn lexer(&self) -> Lexer<'_> {
        Lexer {
            style: self.style,
            symbols: self.symbols.as_deref(),
        }
    }

    /// The quote `accepted` of the region read last (inlined, so that a
    /// scan builds its quote from the judge's candidate where its segment
    /// is returned, with no copy of it between).
    #[inline(always)]
    pub(crate) fn found(&self, accepted: &Accepted) -> Found {
        let candidate = &self.judge.standing[accepted.candidate];
        let price = candidate.price;
        let price_value = match price.marks.magnitude {
            Some(m) => m.apply(price.shown).unwrap_or(price.shown),
            None => price.shown,
        };
        let direction = candidate
            .markers
            .direction()
            .or_else(|| candidate.change.map(Direction::of))
            .or_else(|| candidate.percent.map(Direction::of))
            .unwrap_or(Direction::Unchanged);
        Found {
            span: accepted.span.clone(),
            symbol: candidate.label.symbol.clone(),
            name: candidate.label.name.clone(),
            label: candidate.label.kind,
            price: price_value,
            shown_scale: u8::try_from(price.shown.scale()).unwrap_or(u8::MAX),
            magnitude: price.marks.magnitude,
            currency: price.marks.currency,
            direction,
            change: candidate.change,
            percent: candidate.percent,
            previous_close: candidate.close,
            markers: candidate.markers,
            evidence: accepted.evidence,
        }
    }

    /// Reads the region `text`, which starts at input offset `base`: at
    /// most [`REGION`] bytes, the last of the input when `eof`.
    pub(crate) fn read(&mut self, text: &[u8], base: usize, eof: bool, region: &mut Region) {
        region.found.clear();
        region.refused.clear();
        region.headers.clear();
        region.truncated = None;
        let lexer = Lexer {
            style: self.style,
            symbols: self.symbols.as_deref(),
        };
        lexer.read(text, base, &mut self.tokens);
        let min_evidence = self.min_evidence;
        let tokens = &self.tokens.tokens;
        self.records.clear();
        records::records(&self.tokens, text, base, &mut self.records);
        blocks::blocks_of(
            tokens,
            &self.tokens.lines,
            text,
            base,
            &self.records,
            &mut self.blocks,
        );
        let page = Page {
            tokens,
            cuts: &self.tokens.cuts,
            text,
            base,
            records: &self.records,
            blocks: &self.blocks,
        };
        let end = base + text.len();
        region.end = end;
        self.judge.judge(page);
        let (verdicts, standing) = (&self.judge.verdicts, &self.judge.standing);
        self.lines.counted = false;
        let mut last_end = base;
        for (r, verdict) in verdicts.iter().enumerate() {
            let record = &self.records[r];
            let record_end = tokens[record.tokens().end - 1].end;
            if record_end > end {
                break;
            }
            match verdict {
                Verdict::Quote(_, evidence) if *evidence > min_evidence => {
                    region.refused.push(Refused {
                        span: tokens[record.tokens().start].start..record_end,
                        why: "evidence weaker than asked for",
                        stray: None,
                        readings: None,
                    });
                }
                Verdict::Quote(index, evidence) => {
                    let candidate = &standing[*index];
                    let span = quote_span(
                        page,
                        &self.tokens,
                        (&mut self.lines, verdicts),
                        r,
                        candidate.last_token,
                        candidate.support,
                    );
                    let span = span.start.max(last_end)..span.end.min(end);
                    last_end = span.end;
                    region.found.push(Accepted {
                        span,
                        candidate: *index,
                        evidence: *evidence,
                    });
                }
                Verdict::Refused(rule, stood) => region.refused.push(Refused {
                    span: tokens[record.tokens().start].start..record_end,
                    why: rule.as_str(),
                    stray: match rule {
                        Rule::Stray(token) => Some(tokens[*token].start),
                        _ => None,
                    },
                    readings: match rule {
                        Rule::Ambiguous => {
                            let mut prices = standing[stood.clone()].iter().map(|c| c.price.shown);
                            let first = prices.next();
                            first
                                .zip(prices.find(|p| Some(*p) != first))
                                .map(|(a, b)| [a, b])
                        }
                        _ => None,
                    },
                }),
                Verdict::Empty => {}
            }
        }
        for block in &self.blocks.blocks {
            let Some(lines) = block
                .header
                .and_then(|h| self.blocks.headers[h].tokens.clone())
            else {
                continue;
            };
            let quoted = self
                .blocks
                .records(block)
                .iter()
                .any(|&r| matches!(verdicts[r], Verdict::Quote(..)));
            let span = tokens[lines.start].start..tokens[lines.end - 1].end;
            if quoted && !lines.is_empty() && region.headers.last() != Some(&span) {
                region.headers.push(span);
            }
        }
        if eof {
            region.truncated = truncated(tokens, text, base, &self.records, last_end);
        }
    }
}

/// Where the region starting at offset `start` ends, if `window` holds
/// enough to tell: the quietest place within [`STEP`] bytes after the
/// next multiple of [`STEP`], or the end of the input before it.
pub(crate) fn region_end(window: Window<'_>, start: usize) -> Option<usize> {
    let grid = (start / STEP + 1) * STEP;
    if !window.holds(grid + STEP) {
        return None;
    }
    let end = window.end();
    // The input ends within reach: the region takes the rest, which is
    // less than [`REGION`] bytes, rather than cut a last quote.
    if window.eof && end <= grid + STEP {
        return Some(end);
    }
    let stretch = window.slice(grid, (grid + STEP).min(end));
    Some(grid + quiet_place(stretch).unwrap_or(stretch.len()))
}

/// The quietest place in `bytes` to start a region: after a blank line,
/// else after a line end, else after a percent (and the `)` and
/// separators after it), else after a cell separator (`|`, `;`, a tab),
/// else at a capital after a digit and a space (a strip's next ticker),
/// else at a word after a space, else at the first character's start.
/// `None` only when `bytes` holds no character start.
fn quiet_place(bytes: &[u8]) -> Option<usize> {
    let lines = || memchr::memchr_iter(b'\n', bytes);
    let blank = lines().find(|&at| {
        let rest = &bytes[at + 1..];
        let spaces = rest
            .iter()
            .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r'))
            .count();
        rest.get(spaces) == Some(&b'\n')
    });
    if let Some(at) = blank.or_else(|| lines().next()) {
        return Some(at + 1);
    }
    let after_percent = memchr::memchr(b'%', bytes).map(|at| {
        let mut end = at + 1;
        while matches!(bytes.get(end), Some(b' ' | b')' | b'|' | b';')) {
            end += 1;
        }
        end
    });
    if let Some(at) = after_percent.filter(|&at| at < bytes.len()) {
        return Some(at);
    }
    let after_cell = memchr::memchr3(b'|', b';', b'\t', bytes).map(|at| {
        let mut end = at + 1;
        while matches!(bytes.get(end), Some(b' ' | b'\t')) {
            end += 1;
        }
        end
    });
    if let Some(at) = after_cell.filter(|&at| at < bytes.len()) {
        return Some(at);
    }
    let next_ticker = bytes
        .windows(3)
        .position(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2].is_ascii_uppercase());
    if let Some(at) = next_ticker {
        return Some(at + 2);
    }
    if let Some(at) = memchr::memchr(b' ', bytes).filter(|&at| at + 1 < bytes.len()) {
        return Some(at + 1);
    }
    bytes.iter().position(|&b| b & 0xC0 != 0x80)
}

/// How many quotes touch each line of a region, for spanning quotes over
/// their rows without rescanning a line per quote. They are counted once
/// a region's first table row asks: a strip asks never.
#[derive(Debug, Default)]
struct Lines {
    /// The quotes whose records touch each line, by line index.
    quotes: Vec<u32>,
    /// Whether `quotes` holds the counts of the region being read.
    counted: bool,
}

impl Lines {
    /// Whether the lines `lines` each hold one quote, of the records of
    /// `tokens` that `verdicts` accept.
    fn alone(
        &mut self,
        tokens: &Tokens,
        records: &[Record],
        verdicts: &[Verdict],
        mut lines: RangeInclusive<usize>,
    ) -> bool {
        if !self.counted {
            self.count(tokens, records, verdicts);
            self.counted = true;
        }
        lines.all(|l| self.quotes[l] == 1)
    }

    /// Counts the records of `tokens` that `verdicts` accept, line by line.
    fn count(&mut self, tokens: &Tokens, records: &[Record], verdicts: &[Verdict]) {
        self.quotes.clear();
        self.quotes.resize(tokens.line_count(), 0);
        for (record, verdict) in records.iter().zip(verdicts) {
            if matches!(verdict, Verdict::Quote(..)) {
                let range = record.tokens();
                for line in tokens.line_of(range.start)..=tokens.line_of(range.end - 1) {
                    self.quotes[line] += 1;
                }
            }
        }
    }
}

/// The span of the quote of record `r`, whose values end with token
/// `last`: from its label to its last value; a table row's quote spans
/// its row, bars and cells after its values included, when it is the
/// only quote on its lines.
fn quote_span(
    page: Page<'_>,
    read: &Tokens,
    (lines, verdicts): (&mut Lines, &[Verdict]),
    r: usize,
    last: usize,
    support: crate::readings::Support,
) -> Range<usize> {
    let record = &page.records[r];
    let tokens = page.tokens;
    let first = record.tokens().start;
    let is_bar = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            matches!(t.kind, Kind::Cell)
                && page.text.get(t.start - page.base..t.end - page.base) == Some(b"|")
        })
    };
    let header_row = support.contains(crate::readings::Support::HEADER) && !record.vertical;
    // A row that no header reads and whose line starts with no bar (most
    // quotes) spans its own tokens: its lines are not looked for.
    if !header_row && !is_bar(read.line(record.line).start) {
        return tokens[first].start..tokens[last].end;
    }
    // A record starts on its line, and one that is not vertical ends on
    // it too.
    let last_line = if !record.vertical && record.tokens().contains(&last) {
        record.line
    } else {
        read.line_of(last)
    };
    let line_range = record.line..=last_line;
    let line = read.line(record.line).start..read.line(last_line).end;
    let pipe_row = !line.is_empty() && is_bar(line.start) && is_bar(line.end - 1);
    if (pipe_row || header_row) && lines.alone(read, page.records, verdicts, line_range) {
        return tokens[line.start].start..tokens[line.end - 1].end;
    }
    tokens[first].start..tokens[last].end
}

/// Where a quote cut off by the end of the input starts: the last record,
/// after `after`, that has a label and values and ends where the input
/// does, in a way more text could have completed (a marker, a sign, an
/// open parenthesis or a number cut at a separator).
fn truncated(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    records: &[Record],
    after: usize,
) -> Option<usize> {
    let mut record = records.last()?;
    let last = tokens.last()?;
    let mut range = record.tokens();
    // A label alone, then the start of its values in a record of their
    // own (`TCS 3,`): one record, cut.
    if let [.., label, values] = records {
        if record.label.is_empty()
            && label.body.is_empty()
            && label.tokens().end == values.tokens().start
        {
            record = label;
            range = label.tokens().start..values.tokens().end;
        }
    }
    // What stands after the record, to the end: only what a quote's
    // fields may start with (a sign, a parenthesis, the mark after a
    // number cut at its separator: `TCS 3,`).
    // A number cut off at its separator (`3,`), whatever rule N makes of
    // what is left.
    let cut_number = |t: &Token| {
        let ends_in_mark = matches!(text.get(t.end - base - 1), Some(b',' | b'.'));
        t.number().is_some_and(|n| {
            matches!(n.value(), Err(Refusal::Cut)) || n.value().is_err() && ends_in_mark
        })
    };
    let trailing = tokens[range.end..].iter().all(|t| {
        matches!(
            t.kind,
            Kind::Sign | Kind::Open | Kind::Punct | Kind::Marker { .. }
        ) || cut_number(t)
    });
    let tail_cut = range.end < tokens.len()
        && trailing
        && match last.kind {
            Kind::Punct => {
                !last.spaced
                    && tokens.len() - range.end == 1
                    && tokens[range.end - 1].number().is_some()
            }
            _ => true,
        };
    if range.end != tokens.len() && !tail_cut
        || record.label.is_empty()
        || tokens[range.start].start < after
    {
        return None;
    }
    // Its values, or the digits its label took in before the cut.
    let body = &tokens[range.start..];
    if !body.iter().any(|t| t.number().is_some()) {
        return None;
    }
    let open = body.iter().rposition(|t| matches!(t.kind, Kind::Open));
    let closed = open.is_some_and(|o| body[o..].iter().any(|t| matches!(t.kind, Kind::Close)));
    let cut = tail_cut
        || match &last.kind {
            Kind::Marker { .. } | Kind::Sign | Kind::Open => true,
            Kind::Number(_) => cut_number(last) || open.is_some() && !closed,
            _ => false,
        };
    cut.then_some(tokens[range.start].start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotes of `text` read as one region, as `symbol price change
    /// percent` strings.
    pub(crate) fn found(text: &str) -> Vec<String> {
        let style = crate::number::StyleDecision::resolve(NumberStyle::Auto, text.as_bytes()).style;
        let mut engine = Engine::new(style, None, Evidence::Shape);
        let mut region = Region::default();
        engine.read(text.as_bytes(), 0, true, &mut region);
        region
            .found
            .iter()
            .map(|f| {
                let q = engine.found(f).quote(text.as_bytes(), 0);
                let field = |v: Option<Decimal>| v.map_or("-".to_string(), |v| v.to_string());
                format!(
                    "{} {} {} {} {}",
                    q.symbol,
                    q.price,
                    field(q.change),
                    field(q.percent),
                    q.evidence
                )
            })
            .collect()
    }

    #[test]
    fn evidence_conformance_rows() {
        let text = "Movers\nOrion Pharma 88.15 88.40 86.95 +1.05 +1.21%\n\
                    Vesta Motors 52.75 52.90 51.95 +0.65 +1.2%\n\
                    Rho Metals 19.40 19.95 19.31 -0.43 -2.17%\n";
        assert_eq!(
            found(text),
            [
                "Orion Pharma 88.15 1.05 1.21 arithmetic",
                "Vesta Motors 52.75 0.65 1.2 arithmetic",
                "Rho Metals 19.40 -0.43 -2.17 arithmetic"
            ]
        );
    }

    #[test]
    #[ignore = "a debugging aid: TICKERSTRIP_DEBUG=FILE cargo test --lib dump -- --ignored --nocapture"]
    fn dump() {
        let path = std::env::var("TICKERSTRIP_DEBUG").expect("a file");
        let text = std::fs::read_to_string(path).expect("UTF-8 text");
        for line in found(&text) {
            println!("{line}");
        }
        let style = crate::number::StyleDecision::resolve(NumberStyle::Auto, text.as_bytes()).style;
        let mut engine = Engine::new(style, None, Evidence::Shape);
        let mut region = Region::default();
        engine.read(text.as_bytes(), 0, true, &mut region);
        println!("TRUNCATED {:?}", region.truncated);
        for refused in &region.refused {
            println!("REFUSED {:?}: {}", &text[refused.span.clone()], refused.why);
        }
        // The standing readings of refused records.
        engine.judge.judge(Page {
            tokens: &engine.tokens.tokens,
            cuts: &engine.tokens.cuts,
            text: text.as_bytes(),
            base: 0,
            records: &engine.records,
            blocks: &engine.blocks,
        });
        let judge = &engine.judge;
        let verdicts = &judge.verdicts;
        for block in &engine.blocks.blocks {
            let quoted: Vec<String> = block
                .members
                .clone()
                .map(|m| engine.blocks.members[m])
                .filter_map(|r| match &verdicts[r] {
                    Verdict::Quote(c, _) => Some(format!(
                        "{:?}",
                        &judge.places[judge.standing[*c].places.clone()]
                    )),
                    _ => None,
                })
                .collect();
            println!(
                "BLOCK {} records, header {:?}, quotes at {:?}",
                block.len(),
                block.header.map(|h| &engine.blocks.headers[h]),
                quoted
            );
        }
        for (r, verdict) in verdicts.iter().enumerate() {
            if let Verdict::Refused(rule, standing) = verdict {
                let record = &engine.records[r];
                let tokens = &engine.tokens.tokens;
                let span = tokens[record.tokens().start].start..tokens[record.tokens().end - 1].end;
                println!("  {:?} {:?}", &text[span], rule);
                for c in &judge.standing[standing.clone()] {
                    println!(
                        "     {} {} {:?} {:?} {:?} {:?} unexpl {}",
                        &text[c.label.symbol.clone()],
                        c.price.shown,
                        c.change,
                        c.percent,
                        c.positions,
                        c.support,
                        c.unexplained
                    );
                }
            }
        }
    }
}
