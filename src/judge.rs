//! The sixth stage: one judge of named rules decides which reading of a
//! record to believe, or that none is a quote ([SPEC 9](crate::formats#reading-by-evidence),
//! stage 6).
//!
//! Scan and strict reading ask the same judge. Its rules, in the order
//! they apply:
//!
//! - [`Rule::HeaderRefuses`]: a header that keys rows by a period, or
//!   names no price, leaves its rows without quotes.
//! - [`Rule::TooManyValues`]: a row of more values than a quote's fields
//!   and its neighbours is no quote's.
//! - Arithmetic: where some reading's numbers fit, readings whose numbers
//!   could be checked and fit worse are dropped.
//! - Headers: where a header names the record's columns, the readings it
//!   names are the only ones that stand, unless the numbers contradict
//!   them.
//! - [`Rule::Label`]: a reading whose label is no instrument is dropped
//!   (the labels stage says why).
//! - [`Rule::Ambiguous`] (rule P): a reading stands when no other reading
//!   has all its support and explains as many values; when the readings
//!   that stand give different quotes, the block may choose (below), else
//!   there is none.
//! - [`Rule::Weak`]: a reading resting on markers alone needs a price with
//!   decimals or grouping; one with no markers, a block that vouches.
//! - [`Rule::Unexplained`] (rule R): values no field explains are allowed
//!   only where the arithmetic or a header says which is the price.
//! - [`Rule::Unsigned`]: an unsigned change or percent with nothing to
//!   sign it is read only where its block signs the column elsewhere.
//! - [`Rule::Prose`] (rule L): a name's quote followed by words on its line
//!   is prose.
//! - Blocks: a record that alone fits two readings takes its block's; a
//!   weak record takes its block's shape when a strong record of the block
//!   shows it.

use std::ops::Range;

use crate::blocks::{Block, Blocks};
use crate::labels::{self, Label};
use crate::quote::{Evidence, Markers};
use crate::readings::{Reading, Readings, SignFrom, Support, Value};
use crate::records::{Record, Tail};
use crate::token::{Cut, Kind, Token};
use crate::validation::{self, Fit};
use crate::vocabulary::continues_sentence;

/// A rule of the judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Rule {
    /// The record's header keys rows by a period or names no price.
    HeaderRefuses,
    /// The record holds more values than readings are weighed for.
    TooManyValues,
    /// The label is no instrument's.
    Label(labels::Refusal),
    /// Readings that give different quotes stand equally (rule P).
    Ambiguous,
    /// Nothing marks the quote strongly enough.
    Weak,
    /// Values no field explains, with no arithmetic or header to say which
    /// is the price (rule R).
    Unexplained,
    /// An unsigned change or percent with nothing to sign it.
    Unsigned,
    /// Words follow the quote on its line (rule L).
    Prose,
    /// The label is glued to a number that ends no quote (rule B).
    Boundary,
    /// A price-shaped number stands before the label on its row (`| 47.90
    /// | Alpha Steel | +0.30 | …`): which column is the price is unknown.
    ValuesBeforeLabel,
    /// Text inside the quote that no field is (a lone sign or `%`, a
    /// malformed number, an unbalanced parenthesis, a second glyph, a
    /// control character), at this token.
    Stray(usize),
}

impl Rule {
    /// What the rule refused, in words.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Rule::HeaderRefuses => "the header keys rows by a period or names no price",
            Rule::TooManyValues => "more values than a quote's row holds",
            Rule::Label(refusal) => refusal.as_str(),
            Rule::Ambiguous => "readings that give different quotes stand equally",
            Rule::Weak => "nothing marks a price, change or percent",
            Rule::Unexplained => "values no field explains, and nothing says which is the price",
            Rule::Unsigned => "an unsigned change with nothing to sign it",
            Rule::Prose => "words follow the quote on its line",
            Rule::Boundary => "the label starts inside a number",
            Rule::ValuesBeforeLabel => "a price-shaped number stands before the label on its row",
            Rule::Stray(_) => "text inside the quote that no field is",
        }
    }
}

/// A reading the judge may accept, with everything a quote needs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// The price's value.
    pub(crate) price: Value,
    /// The signed change.
    pub(crate) change: Option<rust_decimal::Decimal>,
    /// The signed percent.
    pub(crate) percent: Option<rust_decimal::Decimal>,
    /// The previous close the row shows.
    pub(crate) close: Option<rust_decimal::Decimal>,
    /// The record's markers.
    pub(crate) markers: Markers,
    /// The label.
    pub(crate) label: Label,
    /// What speaks for it.
    pub(crate) support: Support,
    /// Where its signs came from.
    pub(crate) sign: SignFrom,
    /// Positions of price, change, percent and close among the values
    /// after the label's digits.
    pub(crate) positions: [Option<u8>; 4],
    /// How many values it leaves unexplained.
    pub(crate) unexplained: u8,
    /// The last token of its values, for the quote's span.
    pub(crate) last_token: usize,
    /// Where the positions of price, change and percent of every
    /// standing reading that gives this quote (a value shown twice stands
    /// in two places) are kept in [`Judge::places`], for its block to
    /// agree on; empty where only its own fields count.
    pub(crate) places: Range<usize>,
}

impl Candidate {
    /// The strongest evidence its support gives, if any is enough alone:
    /// markers need a price shown with decimals, grouping or a currency
    /// (or a block that shares the reading), and a quote without a
    /// percent a change shown with decimals and smaller than the price
    /// (`1003.1-1988` is none).
    fn evidence(&self) -> Option<Evidence> {
        let s = self.support;
        let vouched = s.contains(Support::BLOCK);
        // Without a percent, a change with decimals and smaller than the
        // price: one past it would be a fall of more than half
        // (`1003.1-1988` is a range of years).
        let change_shaped = self.percent.is_some()
            || self.change.is_some_and(|c| {
                let price = self.price.price().unwrap_or(self.price.shown);
                c.scale() > 0 && c.abs() < price
            });
        if s.any(Support::ARITHMETIC) {
            Some(Evidence::Arithmetic)
        } else if s.contains(Support::HEADER) {
            Some(Evidence::Header)
        } else if s.any(Support::MARKERS)
            && (vouched || s.contains(Support::PRICE_SHAPE) && change_shaped)
        {
            Some(Evidence::Markers)
        } else {
            None
        }
    }

    /// Whether its change and percent are zero, or not shown: no sign to
    /// find.
    fn zero(&self) -> bool {
        self.change.is_none_or(|c| c.is_zero()) && self.percent.is_none_or(|p| p.is_zero())
    }

    /// Signs its unsigned change and percent: negative or positive.
    fn sign_as(&mut self, negative: bool) {
        let sign = |v: rust_decimal::Decimal| match negative {
            true => -v.abs(),
            false => v.abs(),
        };
        self.change = self.change.map(sign);
        self.percent = self.percent.map(sign);
        self.sign = SignFrom::Block;
    }

    /// The positions of its price, change and percent.
    fn fields(&self) -> [Option<u8>; 3] {
        [self.positions[0], self.positions[1], self.positions[2]]
    }

    /// Whether it gives the same quote as `other`.
    fn same_quote(&self, other: &Candidate) -> bool {
        let scale = |d: Option<rust_decimal::Decimal>| d.map(|d| (d, d.scale()));
        self.price.shown == other.price.shown
            && self.price.shown.scale() == other.price.shown.scale()
            && scale(self.change) == scale(other.change)
            && scale(self.percent) == scale(other.percent)
            && self.label == other.label
    }
}

/// What the judge decided for a record. Small: a quote's candidate stays
/// where it was built, in [`Judge::standing`], and is not moved into the
/// verdict.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Verdict {
    /// The record holds no value: nothing to judge.
    Empty,
    /// A quote, its candidate's index in [`Judge::standing`], and the
    /// evidence that accepted it.
    Quote(usize, Evidence),
    /// No quote; the rule that refused it, and where the readings that
    /// stood (which the record's block may still choose among) are kept
    /// in [`Judge::standing`].
    Refused(Rule, Range<usize>),
}

/// The judge, with buffers kept between records.
#[derive(Debug, Default)]
pub(crate) struct Judge {
    readings: Readings,
    pub(crate) verdicts: Vec<Verdict>,
    /// The readings of the record being judged whose label reads, by
    /// index.
    labelled: Vec<usize>,
    /// The candidates of the records judged: the standing readings of
    /// refused records, for their blocks (the ranges of
    /// [`Verdict::Refused`] point here), and the accepted quotes (the
    /// indices of [`Verdict::Quote`]).
    pub(crate) standing: Vec<Candidate>,
    /// The places of accepted quotes: the ranges of [`Candidate::places`]
    /// point here.
    pub(crate) places: Vec<[Option<u8>; 3]>,
    /// For each block, once asked: whether its rows repeat one word after
    /// their values (rule L).
    tails: Vec<Option<bool>>,
    /// The label of the record being judged, by the digits its readings
    /// give the label.
    labels: Vec<Option<Result<Label, labels::Refusal>>>,
    /// The places a block's quotes all stand in, while its consensus is
    /// found.
    shared_places: Vec<[Option<u8>; 3]>,
    /// For tests: take the general ways only, to check the short ways
    /// against them.
    #[cfg(test)]
    general_only: bool,
}

/// What the judge reads: the stages before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page<'p> {
    pub(crate) tokens: &'p [Token],
    pub(crate) cuts: &'p [Cut],
    pub(crate) text: &'p [u8],
    pub(crate) base: usize,
    pub(crate) records: &'p [Record],
    pub(crate) blocks: &'p Blocks,
}

impl Judge {
    /// The verdicts on every record of `page`, by record index.
    pub(crate) fn judge(&mut self, page: Page<'_>) -> &[Verdict] {
        self.verdicts.clear();
        // One verdict a record: room for all at once, not grown by
        // copies as they come.
        self.verdicts.reserve(page.records.len());
        self.standing.clear();
        self.places.clear();
        self.tails.clear();
        for (r, record) in page.records.iter().enumerate() {
            let verdict = self.record(page, r, record);
            self.verdicts.push(verdict);
        }
        for block in &page.blocks.blocks {
            self.resolve_block(page, block);
        }
        &self.verdicts
    }

    /// The verdict on one record, before its block is considered.
    fn record(&mut self, page: Page<'_>, r: usize, record: &Record) -> Verdict {
        let block = page.blocks.of_record.get(r).copied().unwrap_or(usize::MAX);
        let Some(block) = page.blocks.blocks.get(block) else {
            return Verdict::Empty;
        };
        let header = block.header.map(|h| &page.blocks.headers[h]);
        if header.is_some_and(|h| h.refuses) {
            return Verdict::Refused(Rule::HeaderRefuses, 0..0);
        }
        if !self.starts_at_a_boundary(page, record) {
            return Verdict::Refused(Rule::Boundary, 0..0);
        }
        // A header names the columns before a label; without one, a price
        // there leaves the row's columns unknown.
        if header.is_none() && values_before_label(page, r) {
            return Verdict::Refused(Rule::ValuesBeforeLabel, 0..0);
        }
        if !self.readings.read(page.tokens, page.cuts, record, header) {
            return Verdict::Refused(Rule::TooManyValues, 0..0);
        }
        let label_start = page.blocks.label_starts[r];
        let short_ways = self.short_ways();
        let readings = &mut self.readings;
        // A lone reading has nothing to be weighed against.
        if readings.readings.len() > 1 {
            drop_worse_fits(&mut readings.readings, &readings.values);
            follow_header(&mut readings.readings, &readings.values);
        }
        // The label of the record when its readings' label takes `digits`
        // of its body.
        let label_of = |digits: usize| {
            let mut label_range = record.label.clone();
            if let Some(start) = label_start {
                label_range.start = start;
            }
            let table = labels::Table {
                ticker_last: header.is_some_and(|h| h.ticker_after_name),
                row: table_row(block),
            };
            labels::label(
                page.tokens,
                page.text,
                page.base,
                record,
                (label_range, digits),
                table,
            )
        };
        // A lone reading (most records have one) stands unless its label
        // is refused: no other reading can dominate it, and it gives its
        // own quote. The general way below finds the same, with its label
        // read once for each digit choice and every reading weighed
        // against every other.
        if let [reading] = readings.readings[..]
            && short_ways
        {
            let label = match label_of(usize::from(reading.digits)) {
                Ok(label) => label,
                Err(refusal) => return Verdict::Refused(Rule::Label(refusal), 0..0),
            };
            let start = self.standing.len();
            self.standing.push(candidate(
                &reading,
                label,
                &readings.values,
                readings.markers,
            ));
            return self.accept_standing(page, r, start..start + 1);
        }
        // The label of each digit choice, read once for all its readings.
        self.labels.clear();
        let mut label_refusal = None;
        self.labelled.clear();
        for (i, reading) in readings.readings.iter().enumerate() {
            let digits = usize::from(reading.digits);
            while self.labels.len() <= digits {
                self.labels.push(None);
            }
            match self.labels[digits].get_or_insert_with(|| label_of(digits)) {
                Ok(_) => self.labelled.push(i),
                Err(refusal) => {
                    label_refusal.get_or_insert(*refusal);
                }
            }
        }
        if self.labelled.is_empty() {
            return match (label_refusal, readings.readings.is_empty()) {
                (Some(refusal), false) => Verdict::Refused(Rule::Label(refusal), 0..0),
                _ => Verdict::Refused(Rule::Weak, 0..0),
            };
        }
        // The candidates of the readings that stand: few, built whole.
        let start = self.standing.len();
        let all = &readings.readings;
        for &b in &self.labelled {
            // No reading dominates itself.
            if !self
                .labelled
                .iter()
                .any(|&a| a != b && dominates(&all[a], &all[b]))
            {
                let reading = &all[b];
                let label = match &self.labels[usize::from(reading.digits)] {
                    Some(Ok(label)) => label.clone(),
                    _ => unreachable!("a labelled reading's label was read"),
                };
                self.standing.push(candidate(
                    reading,
                    label,
                    &readings.values,
                    readings.markers,
                ));
            }
        }
        let standing = start..self.standing.len();
        // The first gives its own quote: the others, if any (most records
        // have one reading), are weighed against it.
        if standing.len() > 1 {
            let first = &self.standing[start];
            if !self.standing[start + 1..standing.end]
                .iter()
                .all(|c| c.same_quote(first))
            {
                return Verdict::Refused(Rule::Ambiguous, standing);
            }
        }
        self.accept_standing(page, r, standing)
    }

    /// [`Judge::accept`] of the record `r` whose candidates `standing`, the
    /// last in [`Judge::standing`], give one quote; of those, it keeps
    /// what the verdict points to.
    fn accept_standing(&mut self, page: Page<'_>, r: usize, standing: Range<usize>) -> Verdict {
        let start = standing.start;
        let verdict = self.accept(page, r, standing.clone());
        match &verdict {
            // The quote keeps its candidate, the first; the others go.
            Verdict::Quote(..) => self.standing.truncate(start + 1),
            Verdict::Refused(_, kept) if *kept == standing => {}
            // Nothing keeps what stood: its block reads it no more.
            _ => self.standing.truncate(start),
        }
        verdict
    }

    /// Whether the judge may take its short ways: always, but in the
    /// tests that check them against the general ways.
    fn short_ways(&self) -> bool {
        #[cfg(test)]
        return !self.general_only;
        #[cfg(not(test))]
        true
    }

    /// Rule B: a label glued to a number (`1.30AA 34.10 …`) starts inside
    /// it, unless that number ended the quote before (`…▲ 0.12BOP10.34…`);
    /// one glued to punctuation (`#X 40.13`) starts inside a word.
    fn starts_at_a_boundary(&self, page: Page<'_>, record: &Record) -> bool {
        let start = record.label.start;
        if record.label.is_empty() || start == 0 || page.tokens[start].spaced {
            return true;
        }
        let before = &page.tokens[start - 1];
        // Glued to punctuation (`#X 40.13`), a label starts inside a word.
        if matches!(before.kind, Kind::Punct) {
            return false;
        }
        if before.number().is_none() {
            return true;
        }
        matches!(self.verdicts.last(), Some(&Verdict::Quote(quote, _)) if self.standing[quote].last_token == start - 1)
    }

    /// The verdict on a record whose standing readings, `standing` in
    /// [`Judge::standing`], give one quote: the rules on evidence,
    /// unexplained values, signs and prose.
    fn accept(&mut self, page: Page<'_>, r: usize, standing: Range<usize>) -> Verdict {
        let candidate = &self.standing[standing.start];
        let Some(evidence) = candidate.evidence() else {
            return Verdict::Refused(Rule::Weak, standing);
        };
        if candidate.unexplained > 0 && evidence == Evidence::Markers {
            return Verdict::Refused(Rule::Unexplained, 0..0);
        }
        if candidate.sign == SignFrom::Nothing && !candidate.zero() {
            return Verdict::Refused(Rule::Unsigned, standing);
        }
        let record = &page.records[r];
        // Only words after the values make prose: most quotes end their
        // line or stand before another, and ask no more.
        if record.tail == Tail::Words && prose(page, r, candidate, &mut self.tails) {
            return Verdict::Refused(Rule::Prose, 0..0);
        }
        let values = record.body.start.min(candidate.price.token)..candidate.last_token + 1;
        // Tokens of a body the records stage found free of stray text
        // hold none: `stray` would walk them for nothing.
        let in_body = record.body.start <= values.start && values.end <= record.body.end;
        if !(record.stray_free && in_body && self.short_ways()) {
            if let Some(token) = stray(page, values, &candidate.label) {
                return Verdict::Refused(Rule::Stray(token), 0..0);
            }
        }
        // The places of every reading that gives the quote, for its block;
        // a lone reading's are its own fields, which its block reads from
        // it (`Candidate::places` stays empty).
        if standing.len() > 1 {
            let places = self.places.len();
            self.places.extend(
                self.standing[standing.clone()]
                    .iter()
                    .map(Candidate::fields),
            );
            self.standing[standing.start].places = places..self.places.len();
        }
        // What stood goes once the quote is accepted (see
        // `accept_standing`): the quote keeps its candidate where it
        // stands.
        Verdict::Quote(standing.start, evidence)
    }

    /// Blocks: a record that alone fits several readings takes the one
    /// its block reads its other records by; a weak record takes its
    /// block's shape where a strong record of the block shows it; an
    /// unsigned change takes the sign the block gives its unsigned
    /// changes.
    fn resolve_block(&mut self, page: Page<'_>, block: &Block) {
        let verdicts = &mut self.verdicts;
        let open = |r: &usize| {
            matches!(
                verdicts[*r],
                Verdict::Refused(Rule::Ambiguous | Rule::Weak | Rule::Unsigned, _)
            )
        };
        let records = page.blocks.records(block);
        if records.len() < 2 || !records.iter().any(open) {
            return;
        }
        let Some(consensus) = Consensus::of(
            page,
            block,
            (verdicts, &self.standing),
            &self.places,
            &mut self.shared_places,
        ) else {
            return;
        };
        for &r in records {
            let standing = match &verdicts[r] {
                Verdict::Refused(Rule::Ambiguous | Rule::Weak | Rule::Unsigned, standing) => {
                    standing.clone()
                }
                _ => continue,
            };
            let Some(index) = standing
                .clone()
                .find(|&c| self.standing[c].fields() == consensus.fields)
            else {
                continue;
            };
            let mut chosen = self.standing[index].clone();
            chosen.support = chosen.support.with(Support::BLOCK);
            if chosen.sign == SignFrom::Nothing && !chosen.zero() {
                let Some(negative) = consensus.unsigned else {
                    continue;
                };
                chosen.sign_as(negative);
            }
            // The block vouches for the reading: markers on it now count
            // (`ACPL 0.00 -9` after `ABOT 812.000000 -4.10`); a reading
            // with none stands by its place among three or more.
            let evidence = match chosen.evidence() {
                Some(evidence) => evidence,
                None if consensus.strong && block.len() >= 3 => Evidence::Shape,
                None => continue,
            };
            if chosen.unexplained > 0 && evidence >= Evidence::Markers {
                continue;
            }
            if prose(page, r, &chosen, &mut self.tails) {
                continue;
            }
            chosen.places = 0..0;
            // The quote keeps the candidate, as the block read it.
            self.standing[index] = chosen;
            verdicts[r] = Verdict::Quote(index, evidence);
        }
    }
}

/// Arithmetic: where some reading's numbers fit, readings whose
/// numbers were checked and fit worse fall (a header's readings are
/// weighed apart from the others: a loose fit elsewhere does not
/// overrule the header that names a row's columns); where none fit, the markers
/// read the quote and the validator reports its numbers. And where some
/// reading leaves a positive previous close (price − change), readings
/// that leave none fall (`S&P 500 5,184.22` is not `S&P` at 500 with a
/// change of 5,184.22); where some reading's change is smaller than its
/// price, readings whose change is not fall. These two weigh only what
/// nothing else vouches for: a reading whose percent checks, or that a
/// header names, keeps its move however large (`ZETA 0.40 -0.50
/// (-55.6%)`), and the validator reports a close that is not positive.
fn drop_worse_fits(readings: &mut Vec<Reading>, values: &[Value]) {
    // A lone reading has nothing to be weighed against.
    if readings.len() < 2 {
        return;
    }
    // Fits are weighed among the readings a header names, and among the
    // others, apart: only an exact fit overrules a header, and
    // `follow_header` weighs that.
    let named = |r: &Reading| r.support.contains(Support::HEADER);
    let best = |header: bool| {
        readings
            .iter()
            .filter(|r| named(r) == header)
            .filter_map(|r| r.fit)
            .max()
            .filter(|&b| b > Fit::None)
    };
    let (best_named, best_other) = (best(true), best(false));
    let fits = |r: &Reading| {
        let best = if named(r) { best_named } else { best_other };
        best.is_none_or(|best| r.fit.is_none_or(|fit| fit >= best))
    };
    let vouched = |r: &Reading| r.fit == Some(Fit::Exact) || r.support.contains(Support::HEADER);
    // Readings that fail `test` fall, unless vouched for, where some pass.
    let weigh = |readings: &mut Vec<Reading>, test: &dyn Fn(&Reading) -> bool, vouch: bool| {
        let (mut some_pass, mut some_fall) = (false, false);
        for r in readings.iter() {
            let passes = test(r);
            some_pass |= passes;
            some_fall |= !(passes || vouch && vouched(r));
        }
        if some_pass && some_fall {
            readings.retain(|r| test(r) || vouch && vouched(r));
        }
    };
    weigh(readings, &fits, false);
    weigh(readings, &|r| positive_close(r, values), true);
    // A fall of more than half in a day is no reading beside one that
    // reads a smaller move (one that reads no move leaves the change
    // unexplained, and says nothing of its size).
    let (mut some_smaller, mut some_fall) = (false, false);
    for r in readings.iter() {
        let plausible = plausible(r, values);
        some_smaller |= plausible && r.change_value(values).is_some();
        some_fall |= !plausible && !vouched(r);
    }
    if some_smaller && some_fall {
        readings.retain(|r| plausible(r, values) || vouched(r));
    }
}

/// The price of `reading` with its magnitude: `71.4k` moves by thousands.
fn price_of(reading: &Reading, values: &[Value]) -> rust_decimal::Decimal {
    let price = &values[reading.price()];
    price.price().unwrap_or(price.shown)
}

/// [`drop_worse_fits`]' second test: `reading` shows no change, or one
/// that leaves a positive previous close.
fn positive_close(reading: &Reading, values: &[Value]) -> bool {
    reading
        .change_value(values)
        .is_none_or(|c| leaves_positive_close(price_of(reading, values), c))
}

/// [`drop_worse_fits`]' third test: `reading` shows no change, or one
/// smaller than its price (or its price is zero).
fn plausible(reading: &Reading, values: &[Value]) -> bool {
    let price = price_of(reading, values);
    price.is_zero()
        || reading
            .change_value(values)
            .is_none_or(|c| less(c.abs(), price))
}

/// Whether `reading` passes every test of [`drop_worse_fits`] and keeps
/// each of them deciding: its percent fits exactly (no fit is better),
/// it shows a change, and that change leaves a positive previous close
/// and is smaller than its price. With such a reading among a record's,
/// each test has a reading that passes it whatever else is there, so
/// taking away another reading changes the fate of none of the rest.
pub(crate) fn passes_every_weighing(reading: &Reading, values: &[Value]) -> bool {
    if reading.fit != Some(Fit::Exact) {
        return false;
    }
    let Some((c, negative)) = reading.change_index() else {
        return false;
    };
    // The exact fit was found for the price as shown (with no magnitude,
    // the price itself) and the change signed as the reading signs it,
    // and it holds only where P − C is positive: the first test passes.
    // Of the second, a change of no minus is below the price already;
    // a falling change leaves |C| < P (or P zero) to ask, which the
    // unsigned numbers answer on one scale where that holds in a u64.
    if let (Some(price), Some(change)) = (values.get(reading.price()), values.get(c))
        && price.marks.magnitude.is_none()
        && !price.shown.is_sign_negative()
        && !change.shown.is_sign_negative()
    {
        if !negative || change.shown.is_zero() {
            return true;
        }
        if let Some(below) = below_on_one_scale(change.shown, price.shown) {
            return below || price.shown.is_zero();
        }
    }
    // `positive_close` and `plausible` with a change shown, its value and
    // the price found once.
    let Some(change) = reading.change_value(values) else {
        return false;
    };
    change_weighs_in(price_of(reading, values), change)
}

/// Whether `a < b`, of two decimals of no minus, where their mantissas
/// and the one of fewer decimals raised to the other's scale hold in a
/// `u64` (most numbers a page shows); `None` elsewhere.
fn below_on_one_scale(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> Option<bool> {
    let small = |d: rust_decimal::Decimal| {
        let parts = d.unpack();
        (parts.hi == 0).then(|| u64::from(parts.mid) << 32 | u64::from(parts.lo))
    };
    let (x, y) = (small(a)?, small(b)?);
    let up = |m: u64, by: u32| m.checked_mul(validation::pow10_u64(by)?);
    let (sa, sb) = (a.scale(), b.scale());
    Some(match sa.cmp(&sb) {
        std::cmp::Ordering::Equal => x < y,
        std::cmp::Ordering::Less => up(x, sb - sa)? < y,
        std::cmp::Ordering::Greater => x < up(y, sa - sb)?,
    })
}

/// Whether `change` beside `price` leaves a positive previous close and
/// is smaller than the price (or the price is zero): the second and third
/// tests of [`drop_worse_fits`].
fn change_weighs_in(price: rust_decimal::Decimal, change: rust_decimal::Decimal) -> bool {
    // On one scale, with mantissas under 2^95 (where `leaves_positive_close`
    // compares them too), the mantissas answer both tests.
    let (p, c) = (price.mantissa(), change.mantissa());
    if price.scale() == change.scale() && p.abs() < HALF_RANGE && c.abs() < HALF_RANGE {
        return c < p && (p == 0 || c.abs() < p);
    }
    change_weighs_in_apart(price, change)
}

/// [`change_weighs_in`] where the scales differ or the mantissas are
/// large: apart, so that the common case stays small.
#[inline(never)]
fn change_weighs_in_apart(price: rust_decimal::Decimal, change: rust_decimal::Decimal) -> bool {
    // Under 2^95 each, the two on one scale answer both tests, where that
    // scale holds them (`1.8` and `0.23` as 180 and 23).
    let small = price.mantissa().abs() < HALF_RANGE && change.mantissa().abs() < HALF_RANGE;
    if small && let Some((p, c)) = on_one_scale(price, change) {
        return c < p && (p == 0 || c.abs() < p);
    }
    leaves_positive_close(price, change) && (price.is_zero() || less(change.abs(), price))
}

/// Whether `a < b`: on one scale, their mantissas compare as they do,
/// which spares [`Decimal`]'s compare its rescaling (most of a row's
/// numbers show the same decimals).
///
/// [`Decimal`]: rust_decimal::Decimal
fn less(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> bool {
    match a.scale() == b.scale() {
        true => a.mantissa() < b.mantissa(),
        false => a < b,
    }
}

/// `a` and `b` as integers on one scale, the larger of theirs: their
/// mantissas, the one of fewer decimals times the power of ten that makes
/// up the difference. They compare as the decimals do. `None` where the
/// product might not hold in an `i128`: a mantissa of 2^64 or more, or a
/// difference of more than 18 decimals.
fn on_one_scale(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> Option<(i128, i128)> {
    let (x, y) = (a.mantissa(), b.mantissa());
    // Under 2^64 times under 2^60, the product is under 2^124.
    let up = |m: i128, by: u32| {
        let power = validation::pow10_u64(by)?;
        (m.unsigned_abs() < 1 << 64).then(|| m * i128::from(power))
    };
    match a.scale().cmp(&b.scale()) {
        std::cmp::Ordering::Equal => Some((x, y)),
        std::cmp::Ordering::Less => Some((up(x, b.scale() - a.scale())?, y)),
        std::cmp::Ordering::Greater => Some((x, up(y, a.scale() - b.scale())?)),
    }
}

/// Half the range of a [`Decimal`]'s mantissa: the difference of two
/// mantissas below it holds.
///
/// [`Decimal`]: rust_decimal::Decimal
const HALF_RANGE: i128 = 1 << 95;

/// Whether `price − change` is a positive previous close, as a [`Decimal`]
/// holds it (none where the difference overflows).
///
/// [`Decimal`]: rust_decimal::Decimal
fn leaves_positive_close(price: rust_decimal::Decimal, change: rust_decimal::Decimal) -> bool {
    // Under 2^95 each, the difference holds, and a positive one stays
    // positive however it rounds: comparing them is enough.
    if price.mantissa().abs() < HALF_RANGE && change.mantissa().abs() < HALF_RANGE {
        return less(change, price);
    }
    price
        .checked_sub(change)
        .is_some_and(|close| close > rust_decimal::Decimal::ZERO)
}

/// Headers: where a header names the record's columns, only the readings
/// it names stand (only the header says which number is the price, rule
/// H), unless the numbers contradict them: where another reading's
/// percent checks, with two or more significant digits, and the numbers
/// of none the header names even agree, the header misread the row's
/// columns (`+/- %` as one caption, say) and falls silent. A header's
/// reading that shows too little to be checked (a price and a percent,
/// no change) is not contradicted: another column that happens to fit
/// (`| Last | Chg % | High |` over `| 50.00 | +0.10% | 50.05 |`, where
/// 50.05 over 50.00 is 0.10%) does not overrule it.
fn follow_header(readings: &mut Vec<Reading>, values: &[Value]) {
    // The percent's check, not a close alone: a low one cent under the
    // price is a close by chance.
    let checks = |r: &Reading| r.support.contains(Support::EXACT);
    let named = |r: &Reading| r.support.contains(Support::HEADER);
    // The header's reading stands where its numbers check, or merely
    // agree: a fit elsewhere overrules only numbers that contradict it
    // (`| 10.05 | +0.02 | +0.20% | 10.06 |`: 10.06 fits a hair more
    // tightly than 10.05, which agrees).
    let stands = |r: &Reading| checks(r) || r.support.contains(Support::AGREES) || !r.checkable();
    let Some(header_stands) = readings.iter().filter(|r| named(r)).map(stands).max() else {
        return;
    };
    // To overrule the header, a percent that pins something: one of a
    // single significant digit fits a wide range of moves (`0.01` any
    // from 0.005% to 0.015%), and a zero percent any small enough move
    // (`| 200.00 | +0.00% | 40200 |` is no move of 200 on 40,000).
    let overrules = |r: &Reading| {
        !named(r)
            && checks(r)
            && r.percent_value(values)
                .is_some_and(|p| p.mantissa().abs() >= 10)
    };
    if header_stands || !readings.iter().any(overrules) {
        readings.retain(named);
    } else {
        readings.retain(|r| !named(r));
    }
}

/// The candidate of `reading` with `label` (inlined, so that it is
/// written where it is pushed rather than copied there).
#[inline(always)]
fn candidate(reading: &Reading, label: Label, values: &[Value], markers: Markers) -> Candidate {
    // The record's values come in the order of their tokens (a test
    // checks it): the last stands furthest.
    let last_token = values
        .last()
        .map_or(values[reading.price()].token, |v| v.token);
    Candidate {
        price: values[reading.price()],
        change: reading.change_value(values),
        percent: reading.percent_value(values),
        close: reading.close().map(|c| values[c].shown),
        markers,
        label,
        support: reading.support,
        sign: reading.sign,
        positions: reading.positions,
        unexplained: reading.unexplained,
        last_token,
        places: 0..0,
    }
}

/// [`Rule::Ambiguous`]: whether reading `a` dominates reading `b`; the
/// readings no other dominates stand.
///
/// Evidence is weighed strongest first: arithmetic, then the header, the
/// block, the markers. One reading dominates another when it explains at
/// least as many values and, at the strongest level where their support
/// differs, has all the other's support there and more (or, with equal
/// support, explains more values). The price's place in the row is
/// weighed last and never decides: but a reading whose numbers check and
/// whose price stands first keeps standing against one that lacks that
/// place (`| 47.60 | 47.90 | … | +0.30 | +0.63% |` reads 47.60 and 47.90
/// alike, and gives no quote).
fn dominates(a: &Reading, b: &Reading) -> bool {
    if a.unexplained > b.unexplained || !a.support.contains(claimed_place(b.support)) {
        return false;
    }
    for level in LEVELS {
        let (ours, theirs) = (a.support.and(level), b.support.and(level));
        if ours != theirs {
            return ours.contains(theirs);
        }
    }
    a.unexplained < b.unexplained
}

/// The levels of evidence [`dominates`] weighs, strongest first.
const LEVELS: [Support; 4] = [
    Support::ARITHMETIC,
    Support::HEADER,
    Support::BLOCK,
    Support::MARKED,
];

/// The price's place a reading with `support` claims: it speaks only for
/// a reading whose numbers check.
fn claimed_place(support: Support) -> Support {
    match support.contains(Support::EXACT) {
        true => support.and(Support::FIRST),
        false => Support::default(),
    }
}

/// Whether `a` dominates every reading whose support lies within `bound`
/// and that leaves at least `unexplained` values unexplained: `a` leaves
/// no more than that unexplained, has the price's place wherever such a
/// reading could claim it, and at every level has all the support of
/// `bound`; and it either explains more values or has at some level
/// support that `bound` lacks.
///
/// Why that is enough: such a reading `b` has, at every level, no support
/// `a` lacks, so at the first level where theirs differ `a` has all of
/// `b`'s and more, and [`dominates`] holds. They differ somewhere when
/// `a` has support `bound` lacks; where they differ nowhere, `a`
/// explains more, and the last step of [`dominates`] holds.
pub(crate) fn dominates_within(a: &Reading, bound: Support, unexplained: u8) -> bool {
    let weighed = |s: Support| {
        LEVELS
            .iter()
            .fold(Support::default(), |all, &level| all.with(s.and(level)))
    };
    let (ours, theirs) = (weighed(a.support), weighed(bound));
    a.unexplained <= unexplained
        && a.support.contains(claimed_place(bound))
        && ours.contains(theirs)
        && (a.unexplained < unexplained || ours != theirs)
}

/// [`Rule::Stray`]: the first of the tokens of the quote's values that no
/// field is: a lone sign or `%`, a control or format character, bytes
/// that are not UTF-8, a number rule N refuses (unless the arithmetic
/// accepted a cut of it outside the label), a parenthesis that closes
/// nothing, is not closed on its line or wraps a number's own, or a glyph
/// right after a glyph
/// (`▲▼`: two readings). The label's own punctuation (`EURO STOXX 50® -
/// EUR`) is the labels stage's.
fn stray(page: Page<'_>, tokens: Range<usize>, label: &Label) -> Option<usize> {
    let in_label = |t: &Token| {
        let span = t.span();
        label
            .name
            .iter()
            .chain([&label.symbol])
            .any(|r| span.start < r.end && r.start < span.end)
    };
    let mut depth = 0usize;
    let mut first_open = None;
    let mut glyph_before = false;
    let end = tokens.end;
    for i in tokens {
        let token = &page.tokens[i];
        let glyph = matches!(token.kind, Kind::Marker { word: false, .. });
        match &token.kind {
            Kind::Sign | Kind::Percent | Kind::Invisible | Kind::Invalid => return Some(i),
            Kind::Number(n) if n.value().is_err() => {
                let cut = page.cuts.iter().any(|c| c.token == i);
                if !cut || in_label(token) {
                    return Some(i);
                }
            }
            // A parenthesis around a number's own (`((0.30%))`).
            Kind::Open
                if page
                    .tokens
                    .get(i + 1)
                    .and_then(Token::number)
                    .is_some_and(|n| n.paren) =>
            {
                return Some(i);
            }
            Kind::Open => {
                if depth == 0 {
                    first_open = Some(i);
                }
                depth += 1;
            }
            Kind::Close if depth == 0 => return Some(i),
            Kind::Close => depth -= 1,
            _ if glyph && glyph_before => return Some(i),
            _ => {}
        }
        glyph_before = glyph;
    }
    // A parenthesis the values open may close after them (`(4,388 euro)`).
    let closed_later = || {
        page.tokens[end..]
            .iter()
            .take_while(|t| !matches!(t.kind, Kind::Line))
            .any(|t| matches!(t.kind, Kind::Close))
    };
    match depth > 0 && !closed_later() {
        true => first_open,
        false => None,
    }
}

/// [`Rule::ValuesBeforeLabel`]: record `r` follows, on its line, a record
/// with no label whose first value shows the shape of a price (decimals
/// or grouping). A rank before a name (`| 3 | Alpha Steel | …`) is no
/// price, nor a symbol of digits before its own quote (`555 7.120000 0.33
/// | ABOT …`).
fn values_before_label(page: Page<'_>, r: usize) -> bool {
    let record = &page.records[r];
    let Some(before) = r.checked_sub(1).map(|b| &page.records[b]) else {
        return false;
    };
    let priced = |n: &crate::token::Number| n.grouped || n.value().is_ok_and(|v| v.scale() > 0);
    !record.label.is_empty()
        && before.label.is_empty()
        && before.line == record.line
        && page.tokens[before.body.clone()]
            .iter()
            .find_map(Token::number)
            .is_some_and(priced)
}

/// [`Rule::Prose`] (rule L): words after a quote's values on its line make
/// the line prose, unless the quote is a strip's ticker, or the record is
/// a row of a table whose every row shows the same word after its values
/// (a link's caption, `methodology`: the rows repeat one shape, words
/// included). A row with words among rows without, or rows that go on
/// each in their own words, are sentences (`… (-1.45%) in early trade`).
fn prose(page: Page<'_>, r: usize, candidate: &Candidate, tails: &mut Vec<Option<bool>>) -> bool {
    let record = &page.records[r];
    if record.tail != Tail::Words || strip_ticker(page, record, candidate) {
        return false;
    }
    let index = page.blocks.of_record[r];
    let block = &page.blocks.blocks[index];
    if !table_row(block) {
        return true;
    }
    if tails.len() <= index {
        tails.resize(index + 1, None);
    }
    !*tails[index].get_or_insert_with(|| repeated_tail(page, block))
}

/// Whether every row of `block` shows the same word (in any case) right
/// after its values, and not one that carries a sentence on (`in`, `on`).
fn repeated_tail(page: Page<'_>, block: &Block) -> bool {
    let after = |r: usize| {
        let next = page
            .records
            .get(r + 1)
            .filter(|_| page.records[r].tail == Tail::Words)?;
        let token = &page.tokens[next.tokens().start];
        page.text
            .get(token.start - page.base..token.end - page.base)
    };
    let rows = page.blocks.records(block);
    let Some(first) = rows.first().and_then(|&r| after(r)) else {
        return false;
    };
    if std::str::from_utf8(first).is_ok_and(continues_sentence) {
        return false;
    }
    rows.iter()
        .all(|&r| after(r).is_some_and(|word| word.eq_ignore_ascii_case(first)))
}

/// Whether a record is a row of a table: one of at least
/// [`TABLE_ROWS`] consecutive records of one shape. Words after the
/// values of such rows are the table's cells (links, notes), not prose.
fn table_row(block: &Block) -> bool {
    block.len() >= TABLE_ROWS
}

/// How many consecutive records of one shape make a table.
const TABLE_ROWS: usize = 3;

/// Whether a candidate is a ticker's quote in the strip order, its price
/// right after its label: rule L leaves such quotes standing whatever
/// follows on their line.
fn strip_ticker(page: Page<'_>, record: &Record, candidate: &Candidate) -> bool {
    let ticker =
        candidate.label.kind == crate::quote::Label::Ticker && candidate.label.name.is_none();
    let symbol = &page.text
        [candidate.label.symbol.start - page.base..candidate.label.symbol.end - page.base];
    let capitals = !symbol.iter().any(u8::is_ascii_lowercase);
    let price_first = record.body.start == candidate.price.token;
    ticker && capitals && price_first
}

/// What a block's quotes agree on.
struct Consensus {
    /// The positions of price, change and percent in every quote.
    fields: [Option<u8>; 3],
    /// Whether a quote of the block rests on more than its place.
    strong: bool,
    /// The sign an unsigned change or percent has in the block, where it
    /// shows: positive where a value of the block is shown with a minus;
    /// else the sign the arithmetic or a previous close proved for the
    /// unsigned values of its quotes, where they agree.
    unsigned: Option<bool>,
}

impl Consensus {
    /// The consensus of the quotes of `block`, if they agree on positions.
    fn of(
        page: Page<'_>,
        block: &Block,
        (verdicts, candidates): (&[Verdict], &[Candidate]),
        places: &[[Option<u8>; 3]],
        shared: &mut Vec<[Option<u8>; 3]>,
    ) -> Option<Consensus> {
        // The places every quote so far can stand in, once one is seen.
        let mut seen = false;
        shared.clear();
        let mut strong = false;
        let mut proven: Option<Option<bool>> = None;
        let mut minus_quoted = false;
        for &r in page.blocks.records(block) {
            let Verdict::Quote(candidate, evidence) = verdicts[r] else {
                continue;
            };
            let candidate = &candidates[candidate];
            // The places every quote of the block can stand in.
            let own = [candidate.fields()];
            let places = match candidate.places.is_empty() {
                true => &own[..],
                false => &places[candidate.places.clone()],
            };
            match seen {
                false => shared.extend_from_slice(places),
                true => shared.retain(|p| places.contains(p)),
            }
            seen = true;
            strong |= evidence <= Evidence::Markers;
            let negative_shown = matches!(candidate.sign, SignFrom::Shown | SignFrom::Accounting)
                && candidate
                    .change
                    .or(candidate.percent)
                    .is_some_and(|v| v.is_sign_negative());
            minus_quoted |= negative_shown;
            if matches!(candidate.sign, SignFrom::Arithmetic | SignFrom::Close) {
                let negative = candidate
                    .change
                    .or(candidate.percent)
                    .is_some_and(|v| v.is_sign_negative());
                proven = match proven {
                    None => Some(Some(negative)),
                    Some(Some(known)) if known == negative => Some(Some(known)),
                    _ => Some(None),
                };
            }
        }
        let minus_shown = page.blocks.records(block).iter().any(|&r| {
            let record = &page.records[r];
            page.tokens[record.body.clone()]
                .iter()
                .filter_map(Token::number)
                .any(|n| n.sign == Some(crate::token::Sign::Minus))
        });
        let unsigned = match minus_shown || minus_quoted {
            true => Some(false),
            false => proven.flatten(),
        };
        if !seen || shared.len() != 1 {
            return None;
        }
        Some(Consensus {
            fields: shared[0],
            strong,
            unsigned,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{
        Fit, Judge, Page, change_weighs_in, dominates, dominates_within, leaves_positive_close,
        less, passes_every_weighing, plausible, positive_close, stray,
    };
    use crate::readings::{Reading, Readings, Support};
    use crate::records::lexed_records;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// A reading with `support` that leaves `unexplained` values
    /// unexplained; its other fields do not count for dominance.
    fn weighed(support: u16, unexplained: u8) -> Reading {
        Reading::weighed(Support::from_bits(support), unexplained)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Dominance is transitive: what pruning leans on, since a reading
        /// the full one dominates may itself dominate others.
        #[test]
        fn dominance_is_transitive(
            a in (0u16..0x800, 0u8..3),
            b in (0u16..0x800, 0u8..3),
            c in (0u16..0x800, 0u8..3),
        ) {
            let (a, b, c) = (weighed(a.0, a.1), weighed(b.0, b.1), weighed(c.0, c.1));
            if dominates(&a, &b) && dominates(&b, &c) {
                prop_assert!(dominates(&a, &c), "{a:?} {b:?} {c:?}");
            }
        }

        /// [`dominates_within`] holds only where `a` dominates every
        /// reading within the bound. The bound is drawn near `a`'s
        /// support (a few flags dropped or added), and the reading from
        /// all of the bound or part of it, so that the edge cases come up.
        #[test]
        fn dominating_a_bound_dominates_within_it(
            a in (0u16..0x800, 0u8..3),
            (drop, add) in (any::<(u16, u16)>(), any::<(u16, u16)>()),
            unexplained in 0u8..3,
            subset in prop_oneof![Just(u16::MAX), any::<u16>()],
            more in 0u8..2,
        ) {
            let full = weighed(a.0, a.1);
            let bound = (a.0 & !(drop.0 & drop.1)) | (add.0 & add.1 & add.0.rotate_left(3));
            if dominates_within(&full, Support::from_bits(bound), unexplained) {
                let other = weighed(bound & subset, unexplained + more);
                prop_assert!(dominates(&full, &other), "{full:?} {other:?}");
            }
        }
    }

    /// The judge after judging `text`, every reading made (`exhaustive`)
    /// or the covered ones pruned.
    fn judge_text(text: &str, exhaustive: bool) -> Judge {
        judge_text_with(text, exhaustive, false)
    }

    /// [`judge_text`], the judge's short ways not taken where
    /// `general_only`.
    fn judge_text_with(text: &str, exhaustive: bool, general_only: bool) -> Judge {
        let (tokens, records) = lexed_records(text);
        let mut blocks = crate::blocks::Blocks::default();
        crate::blocks::blocks(&tokens.tokens, text.as_bytes(), 0, &records, &mut blocks);
        let mut judge = Judge {
            general_only,
            ..Judge::default()
        };
        judge.readings.exhaustive = exhaustive;
        judge.judge(Page {
            tokens: &tokens.tokens,
            cuts: &tokens.cuts,
            text: text.as_bytes(),
            base: 0,
            records: &records,
            blocks: &blocks,
        });
        judge
    }

    /// The verdicts, standing readings and places the judge gives `text`,
    /// every reading made (`exhaustive`) or the covered ones pruned.
    fn judged(text: &str, exhaustive: bool) -> String {
        let judge = judge_text(text, exhaustive);
        format!(
            "{:?}\n{:?}\n{:?}",
            judge.verdicts, judge.standing, judge.places
        )
    }

    /// A row's label, or none.
    const LABELS: [&str; 9] = [
        "AGL",
        "Alpha Steel",
        "S&P 500",
        "NIFTY",
        "Gold =",
        "Tasman 20 Index",
        "Kestrel",
        "",
        "ABC 7",
    ];
    /// What may stand between a row's parts.
    const SEPARATORS: [&str; 5] = [" ", "", " | ", "\t", "  "];
    /// Other values a row may show.
    const EXTRAS: [&str; 12] = [
        "12",
        "3.5",
        "2024",
        "17:35",
        "7,477.50044.580",
        "1,790.40",
        "0.00",
        "(0.00%)",
        "+0.25",
        "51.05",
        "in early trade",
        "▲",
    ];
    /// Headers a table may start with.
    const HEADERS: [&str; 5] = [
        "",
        "Name Last Chg %Chg\n",
        "| Name | Price | Change | % Change |\n",
        "Name Last Prev Chg %\n",
        "Symbol Price Change\n",
    ];

    /// A row: a price, change and percent that fit (as a percent or a
    /// plain ratio) or not, shown with or without signs, markers, marks
    /// and a previous close, in several orders, with other values.
    fn row() -> impl Strategy<Value = Row> {
        (
            (
                prop::sample::select(&LABELS[..]),
                1i64..300_000,
                0u32..4,
                -9_000i64..9_000,
                0u32..3,
            ),
            (
                any::<u16>(),
                0i64..3,
                prop::collection::vec(prop::sample::select(&EXTRAS[..]), 0..3),
            ),
            prop::sample::select(&SEPARATORS[..]),
        )
    }

    /// What [`row`] draws: the label, price, price's scale, change and
    /// change's scale; the bits that choose how it is shown, a tweak to
    /// the percent and the other values; the separator.
    type Row = (
        (&'static str, i64, u32, i64, u32),
        (u16, i64, Vec<&'static str>),
        &'static str,
    );

    /// `row` as text.
    fn render(row: &Row) -> String {
        let ((label, price, price_scale, change, change_scale), (bits, tweak, extras), separator) =
            row.clone();
        {
            let bit = |n: u32| bits & (1 << n) != 0;
            let price = Decimal::new(price, price_scale);
            let change = Decimal::new(change, change_scale);
            let close = price - change;
            let ratio = match (close > Decimal::ZERO, bit(0)) {
                (false, _) => Decimal::new(tweak, 2),
                (true, true) => (change / close).round_dp(2),
                (true, false) => (Decimal::ONE_HUNDRED * change / close).round_dp(2),
            } + Decimal::new(tweak * i64::from(bit(12)), 2);
            let signed = |d: Decimal, shown: bool| match (shown, d.is_sign_negative()) {
                (true, false) => format!("+{d}"),
                (false, true) => d.abs().to_string(),
                _ => d.to_string(),
            };
            let mut change_text = signed(change, bit(1));
            if bit(2) {
                let marker = if change.is_sign_negative() {
                    "▼"
                } else {
                    "▲"
                };
                change_text = format!("{marker} {change_text}");
            }
            let mut percent_text = signed(ratio, bit(3));
            match (bit(4), bit(5)) {
                (true, true) => percent_text = format!("({percent_text}%)"),
                (true, false) => percent_text += "%",
                (false, true) => percent_text = format!("({percent_text})"),
                (false, false) => {}
            }
            let mut values = vec![price.to_string()];
            if !bit(6) {
                values.push(change_text);
            }
            if !bit(7) {
                values.push(percent_text);
            }
            match (bit(8), bit(9)) {
                (true, true) => values.insert(0, close.to_string()),
                (true, false) => values.insert(1, close.to_string()),
                (false, true) => {
                    let last = values.len() - 1;
                    values.swap(0, last)
                }
                (false, false) => {}
            }
            if bit(10) {
                values.extend(extras.iter().map(|e| e.to_string()));
            } else {
                for (i, extra) in extras.iter().enumerate() {
                    let at = (i * 2).min(values.len());
                    values.insert(at, extra.to_string());
                }
            }
            let glued = if bit(11) { "" } else { " " };
            format!("{label}{glued}{}", values.join(separator))
        }
    }

    /// A page: rows on lines of their own or glued into a strip, under a
    /// header or not, each drawn on its own (or, `uniform`, rows that differ in their numbers only, as a
    /// strip's or a table's do).
    fn page() -> impl Strategy<Value = String> {
        (
            prop::sample::select(&HEADERS[..]),
            prop::collection::vec(row(), 1..5),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(header, mut rows, strip, uniform)| {
                if uniform && let Some(first) = rows.first().cloned() {
                    for row in &mut rows {
                        let ((_, price, _, change, _), (_, tweak, _), _) = *row;
                        let (
                            (label, _, price_scale, _, change_scale),
                            (bits, _, extras),
                            separator,
                        ) = first.clone();
                        *row = (
                            (label, price, price_scale, change, change_scale),
                            (bits, tweak, extras),
                            separator,
                        );
                    }
                }
                let rows: Vec<String> = rows.iter().map(render).collect();
                let rows = rows.join(if strip { "" } else { "\n" });
                format!("{header}{rows}\n")
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]

        /// Pruning the readings a full reading covers changes no verdict,
        /// no standing reading and no place.
        #[test]
        fn pruning_changes_no_verdict(text in page()) {
            prop_assert_eq!(judged(&text, false), judged(&text, true), "{}", text);
        }

        /// The judge's short ways (a lone reading, a body free of stray
        /// text) give every verdict, candidate and place the general
        /// ways give.
        #[test]
        fn short_ways_judge_as_the_general_ones(text in page()) {
            let judged = |general_only: bool| {
                let judge = judge_text_with(&text, false, general_only);
                format!("{:?}\n{:?}\n{:?}", judge.verdicts, judge.standing, judge.places)
            };
            prop_assert_eq!(judged(false), judged(true), "{}", text);
        }

        /// A record's values come in the order of their tokens, so that
        /// the last is the furthest (`candidate` takes its token as the
        /// end of the quote's values).
        #[test]
        fn values_come_in_token_order(text in page()) {
            let (tokens, records) = lexed_records(&text);
            let mut readings = Readings::default();
            for record in &records {
                readings.read(&tokens.tokens, &tokens.cuts, record, None);
                let order = readings.values.windows(2).all(|w| w[0].token <= w[1].token);
                prop_assert!(order, "{}", text);
            }
        }

        /// Two decimals on one scale compare as the decimals do, and
        /// [`change_weighs_in`] answers as its two tests, whatever the
        /// scales and mantissas.
        #[test]
        fn decimals_on_one_scale_compare_as_decimals(
            (a, b) in (any::<i64>(), any::<i64>()),
            (wide, scales) in (any::<(u32, u32)>(), (0u32..29, 0u32..29)),
        ) {
            // Mantissas of 64 bits, some widened to 96 (a decimal's most).
            let widen = |m: i64, w: u32| i128::from(m) << (w % 33);
            let a = Decimal::from_i128_with_scale(widen(a, wide.0), scales.0);
            let b = Decimal::from_i128_with_scale(widen(b, wide.1), scales.1);
            if let Some((x, y)) = super::on_one_scale(a, b) {
                prop_assert_eq!(x.cmp(&y), a.cmp(&b), "{} {}", a, b);
            }
            let each = leaves_positive_close(a, b) && (a.is_zero() || less(b.abs(), a));
            prop_assert_eq!(change_weighs_in(a, b), each, "{} {}", a, b);
            // The u64 compare of two decimals of no minus, where it answers.
            let (a, b) = (a.abs(), b.abs());
            if let Some(below) = super::below_on_one_scale(a, b) {
                prop_assert_eq!(below, a < b, "{} {}", a, b);
            }
        }

        /// [`passes_every_weighing`] is the tests of [`drop_worse_fits`]
        /// that it names, each asked once.
        #[test]
        fn passing_every_weighing_is_passing_each(text in page()) {
            let (tokens, records) = lexed_records(&text);
            let mut readings = Readings::default();
            readings.exhaustive = true;
            for record in &records {
                if !readings.read(&tokens.tokens, &tokens.cuts, record, None) {
                    continue;
                }
                let values = &readings.values;
                for r in &readings.readings {
                    let each = r.fit == Some(Fit::Exact)
                        && r.change_value(values).is_some()
                        && positive_close(r, values)
                        && plausible(r, values);
                    prop_assert_eq!(passes_every_weighing(r, values), each, "{}", text);
                }
            }
        }
    }

    /// Pieces of rows with the tokens `stray` refuses: lone signs and
    /// `%`, parentheses, glyphs side by side, invisible characters,
    /// malformed numbers.
    const STRAY_PIECES: &[&str] = &[
        "AGL",
        "Alpha Steel",
        "40.13",
        "+0.12",
        "(0.00%)",
        "▲",
        "▼",
        "up",
        "-",
        "+",
        "%",
        "(",
        ")",
        "\u{200b}",
        "7,477.50044.580",
        "1.2.3",
        "|",
        "2024",
        "17:35",
        "\n",
        "per cent",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]

        /// A record the records stage finds free of stray text gives
        /// [`stray`] nothing to find in its body, which the judge then
        /// skips.
        #[test]
        fn a_stray_free_body_holds_no_stray_token(
            parts in prop::collection::vec(
                (prop::sample::select(STRAY_PIECES), prop::sample::select(&[" ", "", "  "][..])),
                1..16,
            ),
            generated in page(),
        ) {
            let pieced: String = parts.iter().map(|(p, s)| format!("{p}{s}")).collect();
            for text in [pieced, generated] {
                let (tokens, records) = lexed_records(&text);
                let mut blocks = crate::blocks::Blocks::default();
                crate::blocks::blocks(&tokens.tokens, text.as_bytes(), 0, &records, &mut blocks);
                let page = Page {
                    tokens: &tokens.tokens,
                    cuts: &tokens.cuts,
                    text: text.as_bytes(),
                    base: 0,
                    records: &records,
                    blocks: &blocks,
                };
                let label = crate::labels::Label {
                    symbol: 0..0,
                    name: None,
                    kind: crate::quote::Label::Ticker,
                };
                for record in records.iter().filter(|r| r.stray_free) {
                    prop_assert_eq!(stray(page, record.body.clone(), &label), None, "{:?}", text);
                }
            }
        }
    }

    #[test]
    fn pruning_keeps_verdicts_on_known_rows() {
        for text in [
            "AGL40.13▲ 0.12 (0.00%)BOP10.34▼ -0.22 (-0.02%)\n",
            "NIFTY 22,150.40 +120.25 (+0.55%)\n",
            "Alpha Steel 51.30 51.05 51.60 50.90 +0.25 +0.49%\n",
            "Tasman 20 Index7,477.50044.580 / 0.60%\n",
            "Commerzbank 14.50 15.35 14.62 14.25 0.85 5.54\n",
            "Orion Pharma 51.30 51.60 50.90 +0.25 +0.49%\n",
            "Heron 50.00 40.00 25.00%\n",
            "X 10.00 ▲ 0.50 ▲ (5.26%)\n",
            // Rows that caught wrong pruning rules while they were written.
            "AGL(0.00%) | 112350 | 12 | 112350 | 0 | 0.00\n",
            "ABC 7 ▲ +70.1(0.00%)\n",
            "Name Last Prev Chg %\nABC 710000 -1 (0.00%)\n",
            "AGL 271236 | 269866 | -0.50%\n",
            "AGL 0.00% +0.00 1 2024\nAGL 0.01% -0.01 90 2024\nAGL 22.85% -2.37 8 2024\n",
            // The percent is also the previous close: two readings fit.
            "X 11.00 1.00 10.00\n",
            "X 11.00 +1.00 10.00\n",
            "X 10.00 ▲ 9.50 ▲ (5.26%)\n",
        ] {
            assert_eq!(judged(text, false), judged(text, true), "{text}");
        }
    }

    /// The judge weighs standing readings against the first without
    /// asking the first of itself: a candidate gives its own quote.
    #[test]
    fn a_candidate_gives_its_own_quote() {
        let text = "AGL40.13▲ 0.12 (0.00%)\nGold = 1,790.40 +3.10\nOrion Pharma 51.30 51.60 50.90 +0.25 +0.49%\n";
        let judge = judge_text(text, true);
        let quotes = judge.verdicts.iter().filter_map(|v| match v {
            super::Verdict::Quote(candidate, _) => Some(&judge.standing[*candidate]),
            _ => None,
        });
        for candidate in quotes.chain(&judge.standing) {
            assert!(candidate.same_quote(candidate), "{candidate:?}");
        }
    }

    /// The u64 compare of a change and a price on one scale, at its
    /// edges: equal values on two scales, a difference of one unit, a
    /// mantissa that needs the high word, a scale it cannot raise to.
    #[test]
    fn below_on_one_scale_edges() {
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        let below = |a: &str, b: &str| super::below_on_one_scale(d(a), d(b));
        assert_eq!(below("1.0", "1"), Some(false));
        assert_eq!(below("1", "1.00"), Some(false));
        assert_eq!(below("0.99", "1"), Some(true));
        assert_eq!(below("41.8", "0.23"), Some(false));
        assert_eq!(below("0", "0.00"), Some(false));
        assert_eq!(
            below("18446744073709551615", "18446744073709551615.0"),
            None
        );
        assert_eq!(below("18446744073709551616", "1"), None);
        assert_eq!(below("1", "0.000000000000000001"), Some(false));
        assert_eq!(below("1", "0.0000000000000000001"), None);
    }

    /// The judge skips weighing a lone reading: neither weighing drops it.
    #[test]
    fn a_lone_reading_is_weighed_by_nothing() {
        for bits in 0..0x800 {
            for unexplained in 0..2 {
                let lone = vec![weighed(bits, unexplained)];
                let mut readings = lone.clone();
                super::drop_worse_fits(&mut readings, &[]);
                super::follow_header(&mut readings, &[]);
                assert_eq!(readings, lone);
            }
        }
    }

    #[test]
    fn a_strip_row_is_read_once() {
        let text = "AGL40.13▲ 0.12 (0.00%)";
        let (tokens, records) = lexed_records(text);
        let record = records.iter().find(|r| !r.body.is_empty()).unwrap();
        let mut readings = Readings::default();
        assert!(readings.read(&tokens.tokens, &tokens.cuts, record, None));
        assert_eq!(readings.readings.len(), 1);
        readings.exhaustive = true;
        assert!(readings.read(&tokens.tokens, &tokens.cuts, record, None));
        assert_eq!(readings.readings.len(), 3);
    }

    #[test]
    fn no_reading_dominates_itself() {
        for text in [
            "AGL40.13▲ 0.12 (0.00%)",
            "S&P 500 984.35 -49.21 (-4.76%)",
            "Orion Pharma 51.30 51.60 50.90 +0.25 +0.49%",
            "Gold = 1,790.40 +3.10",
        ] {
            let (tokens, records) = lexed_records(text);
            let record = records.iter().find(|r| !r.body.is_empty()).unwrap();
            let mut readings = Readings::default();
            assert!(readings.read(&tokens.tokens, &tokens.cuts, record, None));
            assert!(!readings.readings.is_empty(), "{text}");
            for reading in &readings.readings {
                assert!(!dominates(reading, reading), "{text}: {reading:?}");
            }
        }
    }

    fn d(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    #[test]
    fn less_compares_across_scales_and_signs() {
        for (a, b) in [
            ("0.12", "40.13"),
            ("-0.41", "0.00"),
            ("1.5", "1.50001"),
            ("-2", "-1.99"),
            ("0", "0.000001"),
        ] {
            assert!(less(d(a), d(b)), "{a} < {b}");
            assert!(!less(d(b), d(a)), "not {b} < {a}");
        }
        assert!(!less(d("1.50"), d("1.5")));
        assert!(!less(d("-0.00"), d("0.00")));
    }

    #[test]
    fn a_positive_close_is_what_decimal_subtraction_gives() {
        let max = Decimal::MAX.to_string();
        let cases = [
            ("40.13", "0.12"),
            ("40.13", "40.13"),
            ("40.13", "-0.41"),
            ("0.40", "0.50"),
            ("0", "-1"),
            (max.as_str(), "-1"),
            (max.as_str(), "1"),
            ("1", max.as_str()),
            (
                "39614081257132168796771975168",
                "-39614081257132168796771975168",
            ),
            // Scales apart: the shorter raised to the longer.
            ("41.8", "0.23"),
            ("49.47", "0"),
            ("0.5", "1"),
            ("1", "0.999999999999999999"),
            ("1", "1.0000000000000000000000000001"),
            ("18446744073709551616", "0.5"),
            ("-0.5", "-1"),
            ("1.0", "1"),
            ("2.50", "-2.5"),
        ];
        for (price, change) in cases {
            let expected = d(price)
                .checked_sub(d(change))
                .is_some_and(|close| close > Decimal::ZERO);
            assert_eq!(
                leaves_positive_close(d(price), d(change)),
                expected,
                "{price} − {change}"
            );
            // The mantissas' shortcut answers as the decimals do.
            for (price, change) in [(d(price), d(change)), (d(change), d(price))] {
                let each = leaves_positive_close(price, change)
                    && (price.is_zero() || less(change.abs(), price));
                assert_eq!(change_weighs_in(price, change), each, "{price} {change}");
            }
        }
    }
}
