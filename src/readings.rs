//! The fourth and fifth stages: for each record, the readings of its
//! values (which is the price, the change, the percent, the previous
//! close), each with the evidence for it ([SPEC 9](crate::formats#reading-by-evidence),
//! stages 4 and 5).
//!
//! A reading assigns roles; it does not decide. It carries what speaks
//! for it as [`Support`] flags: the arithmetic that checks its numbers,
//! the header that names their columns, the markers on them, their place
//! in the row. The judge weighs readings against each other.

use std::ops::ControlFlow;

use rust_decimal::Decimal;

use crate::blocks::Header;
use crate::quote::{Currency, Direction, Magnitude, Markers};
use crate::records::Record;
use crate::token::{Cut, Kind, Number, PercentMark, Sign, Token};
use crate::validation::{
    Fit, Ratio, close_fits, percent_agrees, percent_fit, percent_or_fraction_fit,
};
use crate::vocabulary::Role;

/// The most values a record may hold for its readings to be weighed: a
/// row with more is no quote's.
pub(crate) const MAX_VALUES: usize = 12;

/// One value of a record: a number of its body, or one part of a cut.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Value {
    /// The token it was read from.
    pub(crate) token: usize,
    /// Its column among the record's numbers and dates, for a header (where
    /// none reads the record, nothing asks, and the dates before the
    /// values are not counted).
    pub(crate) column: usize,
    /// Its unsigned value as shown, before a magnitude suffix.
    pub(crate) shown: Decimal,
    /// What the page shows with it besides its digits.
    pub(crate) marks: Marks,
    /// The direction marker right before it, if any.
    pub(crate) marker: Option<Direction>,
    /// For a part of a cut digit run: the cut's index and the part.
    pub(crate) cut: Option<(usize, u8)>,
}

/// What the page shows with a value besides its digits: the parts of its
/// token's [`Number`] that the readings ask about, kept small since every
/// value of every record is copied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Marks {
    /// The sign shown before it.
    pub(crate) sign: Option<Sign>,
    /// Whether and how it is marked as a percent.
    pub(crate) percent: PercentMark,
    /// Whether parentheses enclose it.
    pub(crate) paren: bool,
    /// A currency shown before or after it.
    pub(crate) currency: Option<Currency>,
    /// A magnitude suffix glued to it.
    pub(crate) magnitude: Option<Magnitude>,
    /// Whether its digits are grouped by thousands separators.
    pub(crate) grouped: bool,
}

impl Marks {
    /// The marks of `number`.
    fn of(number: &Number) -> Marks {
        Marks {
            sign: number.sign,
            percent: number.percent,
            paren: number.paren,
            currency: number.currency,
            magnitude: number.magnitude,
            grouped: number.grouped,
        }
    }
}

impl Value {
    /// Whether `%` or a percent word marks it.
    pub(crate) fn is_percent(&self) -> bool {
        self.marks.percent != PercentMark::None
    }

    /// Whether it shows the shape of a price: decimals, grouping or a
    /// currency.
    pub(crate) fn price_shaped(&self) -> bool {
        self.precise() || self.marks.currency.is_some()
    }

    /// Whether it is shown precisely enough for the arithmetic to mean
    /// something: with decimals, or grouped by thousands. Small whole
    /// numbers check each other by chance (`5 − 1 = 4`).
    pub(crate) fn precise(&self) -> bool {
        self.shown.scale() > 0 || self.marks.grouped
    }

    /// The price it stands for: its value times its magnitude.
    pub(crate) fn price(&self) -> Option<Decimal> {
        match self.marks.magnitude {
            Some(magnitude) => magnitude.apply(self.shown),
            None => Some(self.shown),
        }
    }

    /// The sign shown on it, `Some(true)` for minus.
    fn shown_sign(&self) -> Option<bool> {
        self.marks.sign.map(|sign| sign == Sign::Minus)
    }
}

/// What speaks for a reading, as flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Support(u16);

impl Support {
    /// The percent fits the price and change as shown (or as a plain
    /// ratio, or against the previous close the row shows).
    pub(crate) const EXACT: Support = Support(1);
    /// The percent fits the price and change within their rounding.
    pub(crate) const LOOSE: Support = Support(1 << 1);
    /// A value of the row is the previous close, price − change, with the
    /// change shown.
    pub(crate) const CLOSE: Support = Support(1 << 2);
    /// The header names the columns so.
    pub(crate) const HEADER: Support = Support(1 << 3);
    /// The record's block reads its rows so.
    pub(crate) const BLOCK: Support = Support(1 << 4);
    /// `%` or a percent word marks the percent.
    pub(crate) const PERCENT_MARK: Support = Support(1 << 5);
    /// A sign or a direction marker marks the change.
    pub(crate) const CHANGE_MARK: Support = Support(1 << 6);
    /// The price shows decimals, grouping, a currency or a magnitude.
    pub(crate) const PRICE_SHAPE: Support = Support(1 << 7);
    /// The price is the first value after the label.
    pub(crate) const FIRST: Support = Support(1 << 8);
    /// The percent is the first value marked as one.
    pub(crate) const FIRST_PERCENT: Support = Support(1 << 9);
    /// A header names the reading's columns and its percent agrees with
    /// its price and change within their rounding, however coarse: no
    /// evidence, but a header's reading the numbers do not contradict.
    pub(crate) const AGREES: Support = Support(1 << 10);

    /// The flags of arithmetic.
    pub(crate) const ARITHMETIC: Support = Support(0b111);
    /// The flags of markers.
    pub(crate) const MARKERS: Support = Support(1 << 5 | 1 << 6);
    /// The flags of what the numbers show themselves: markers, a price's
    /// shape, the first percent.
    pub(crate) const MARKED: Support = Support(1 << 5 | 1 << 6 | 1 << 7 | 1 << 9);

    /// Whether every flag of `other` is set.
    pub(crate) fn contains(self, other: Support) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag of `other` is set.
    pub(crate) fn any(self, other: Support) -> bool {
        self.0 & other.0 != 0
    }

    /// The flags of both.
    pub(crate) fn with(self, other: Support) -> Support {
        Support(self.0 | other.0)
    }

    /// The flags set in both.
    pub(crate) fn and(self, other: Support) -> Support {
        Support(self.0 & other.0)
    }

    /// The support of the flags `bits`, for tests.
    #[cfg(test)]
    pub(crate) fn from_bits(bits: u16) -> Support {
        Support(bits & 0x7ff)
    }
}

/// Where a reading's signs came from (rule S).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SignFrom {
    /// A sign shown on the change or the percent.
    Shown,
    /// A direction marker.
    Marker,
    /// The previous close the row shows: below the price is up.
    Close,
    /// The arithmetic: the change and percent fit the price with one sign
    /// only.
    Arithmetic,
    /// The record's block: where its other values show a sign.
    Block,
    /// Accounting parentheses in a header's change or percent column.
    Accounting,
    /// Nothing: the fields are unsigned and nothing says otherwise.
    Nothing,
}

/// A reading of a record: which value plays which role. Small (its
/// values are indices of at most [`MAX_VALUES`] values, its signs two
/// flags), since readings are made and weighed for every record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reading {
    /// How many bare integers at the start of the body the label takes.
    pub(crate) digits: u8,
    /// The price's value index.
    price: u8,
    /// The change's value index, if shown.
    change: Option<u8>,
    /// The percent's value index, if shown.
    percent: Option<u8>,
    /// The previous close's value index, if the row shows it.
    close: Option<u8>,
    /// Whether the change and the percent are negative.
    negative: [bool; 2],
    /// Where the signs came from.
    pub(crate) sign: SignFrom,
    /// What speaks for it.
    pub(crate) support: Support,
    /// How well its numbers fit, when they can be checked.
    pub(crate) fit: Option<Fit>,
    /// How many values it leaves unexplained.
    pub(crate) unexplained: u8,
    /// Where its price, change, percent and close stand among the values
    /// it reads (after the label's digits, a cut counting as two).
    pub(crate) positions: [Option<u8>; 4],
}

impl Reading {
    /// The reading with `support` that leaves `unexplained` values
    /// unexplained, its price the first value and nothing else shown: for
    /// tests of how readings are weighed.
    #[cfg(test)]
    pub(crate) fn weighed(support: Support, unexplained: u8) -> Reading {
        Reading {
            digits: 0,
            price: 0,
            change: None,
            percent: None,
            close: None,
            negative: [false; 2],
            sign: SignFrom::Nothing,
            support,
            fit: None,
            unexplained,
            positions: [None; 4],
        }
    }

    /// The price's index among `values`.
    pub(crate) fn price(&self) -> usize {
        usize::from(self.price)
    }

    /// The previous close's index among `values`, if the row shows it.
    pub(crate) fn close(&self) -> Option<usize> {
        self.close.map(usize::from)
    }

    /// Whether its numbers can contradict it: beside the price it shows
    /// two of a change, a percent and a previous close, so that one checks
    /// the other. A price with a percent alone, or a change alone, fits
    /// any price.
    pub(crate) fn checkable(&self) -> bool {
        let shown = [self.change, self.percent, self.close];
        shown.iter().filter(|i| i.is_some()).count() >= 2
    }

    /// The signed change, of the record's `values`.
    pub(crate) fn change_value(&self, values: &[Value]) -> Option<Decimal> {
        let change = values.get(usize::from(self.change?))?;
        Some(signed(change.shown, self.negative[0]))
    }

    /// The change's index among the values and whether it is negative,
    /// if shown.
    pub(crate) fn change_index(&self) -> Option<(usize, bool)> {
        Some((usize::from(self.change?), self.negative[0]))
    }

    /// The signed percent, of the record's `values`.
    pub(crate) fn percent_value(&self, values: &[Value]) -> Option<Decimal> {
        let percent = values.get(usize::from(self.percent?))?;
        Some(signed(percent.shown, self.negative[1]))
    }
}

/// The values of records and their readings, with buffers kept between
/// records.
#[derive(Debug, Default, Clone)]
pub(crate) struct Readings {
    /// The values of the record last read.
    pub(crate) values: Vec<Value>,
    /// The readings of the record last read.
    pub(crate) readings: Vec<Reading>,
    /// The record's direction markers.
    pub(crate) markers: Markers,
    /// How many columns (numbers and dates) the record's body shows, for
    /// a header (see [`Value::column`]).
    pub(crate) columns: usize,
    /// The columns that hold a date or time, as bits (the first 64), for
    /// a header.
    dates: u64,
    /// What the record's values show, as sets of value indices.
    facts: Facts,
    /// What pruning found for the last shapes of choice it saw: a strip's
    /// rows take a few shapes in turn (a change shown with a minus, or
    /// with none; a change of a whole number).
    memos: [Memo; MEMOS],
    /// The memo the next new shape takes.
    next_memo: usize,
    /// For tests: make every reading, covered or not, to check that
    /// pruning changes no verdict.
    #[cfg(test)]
    pub(crate) exhaustive: bool,
}

impl Readings {
    /// Reads `record`'s values and readings, under `header` if one names
    /// its columns; `false` when the record holds more values than
    /// readings are weighed for.
    pub(crate) fn read(
        &mut self,
        tokens: &[Token],
        cuts: &[Cut],
        record: &Record,
        header: Option<&Header>,
    ) -> bool {
        self.values.clear();
        self.readings.clear();
        self.markers = Markers::default();
        self.dates = 0;
        self.columns = collect_values(
            tokens,
            cuts,
            record,
            &mut self.values,
            &mut self.markers,
            &mut self.dates,
            header.is_some(),
        );
        if self.values.len() > MAX_VALUES {
            return false;
        }
        // A reading needs a price and a change or a percent: fewer than
        // two values have none.
        if self.values.len() < 2 {
            return true;
        }
        self.facts = Facts::of(&self.values);
        let labelled = !record.label.is_empty();
        let uncut = low_bits(self.values.len()) & !self.facts.cut;
        // With no label, the first value is the label: a symbol of digits.
        let fewest = usize::from(!labelled);
        for digits in fewest..usize::from(record.name_digits) + 1 {
            // No cut, then each cut digit run read as its two parts.
            self.read_choice(digits, uncut, None, header);
            for first in indices(self.facts.cut) {
                if let Some((cut, 0)) = self.values.get(first).and_then(|v| v.cut) {
                    let parts = self.parts_of(cut);
                    self.read_choice(digits, uncut | parts, Some(cut), header);
                }
            }
        }
        true
    }

    /// The set of the values that are parts of the cut digit run `cut`.
    fn parts_of(&self, cut: usize) -> u16 {
        indices(self.facts.cut)
            .filter(|&i| {
                self.values
                    .get(i)
                    .and_then(|v| v.cut)
                    .is_some_and(|(c, _)| c == cut)
            })
            .fold(0, |parts, i| parts | bit(i))
    }

    /// Every reading of the values `values` (a set of indices), the first
    /// `digits` of them taken by the label, with the parts of the cut digit
    /// run `cut` among them, if any.
    fn read_choice(
        &mut self,
        digits: usize,
        values: u16,
        cut: Option<usize>,
        header: Option<&Header>,
    ) {
        let mut mask = values;
        for _ in 0..digits {
            mask &= mask.wrapping_sub(1);
        }
        // Nor has a choice of fewer than two values.
        if mask & mask.wrapping_sub(1) == 0 {
            return;
        }
        // Under a header, only a choice without cuts is read by it; a
        // reading that covers its choice stands for the choice only where
        // no header governs the record.
        let prune = header.is_none();
        #[cfg(test)]
        let prune = prune && !self.exhaustive;
        let header = header.filter(|_| cut.is_none());
        let mut out = std::mem::take(&mut self.readings);
        let choice = self.choice(mask, header.is_some());
        let kept = self
            .memos
            .iter()
            .position(|m| m.shape == Some(choice.shape));
        let slot = match kept {
            Some(slot) => Slot {
                at: slot,
                kept: true,
            },
            None => {
                let slot = self.next_memo % MEMOS;
                self.next_memo = (slot + 1) % MEMOS;
                Slot {
                    at: slot,
                    kept: false,
                }
            }
        };
        self.push_readings(&choice, digits, (header, prune), slot, &mut out);
        self.readings = out;
    }

    /// The choice of the values `mask`, with what every reading of it
    /// asks.
    fn choice(&self, mask: u16, header: bool) -> Choice {
        let percents = self.facts.percent & mask;
        let mut positions = [u8::MAX; MAX_VALUES];
        let mut count = 0;
        for i in indices(mask) {
            if let Some(position) = positions.get_mut(i) {
                *position = count;
            }
            count += 1;
        }
        Choice {
            mask,
            count,
            first_percent: (percents != 0).then(|| index(percents.trailing_zeros() as usize)),
            positions,
            header,
            shape: Shape::of(&self.facts, mask, header),
        }
    }

    /// [`Readings::read_choice`]'s readings, pushed onto `out`, with
    /// what pruning found for the choice's shape kept in the memo `slot`.
    fn push_readings(
        &mut self,
        choice: &Choice,
        digits: usize,
        (header, prune): (Option<&Header>, bool),
        slot: Slot,
        out: &mut Vec<Reading>,
    ) {
        // The first reading with both a change and a percent, made ahead
        // of the rest: where it covers the choice, it is the only one.
        let mut tried = None;
        if prune && let Some(full) = self.first_full(choice, slot) {
            let reading = self.reading(choice, digits, full, header);
            if let Some(reading) = reading.filter(|r| self.covering(choice, r, full, slot.at)) {
                out.push(reading);
                return;
            }
            tried = Some((full, reading));
        }
        self.each_combination(choice, |fields| {
            let reading = match tried {
                Some((full, reading)) if full == fields => reading,
                _ => self.reading(choice, digits, fields, header),
            };
            // Tests that make every reading check that none has more than
            // pruning supposes it could.
            #[cfg(test)]
            if let (Some(reading), false) = (&reading, prune || header.is_some()) {
                let (support, unexplained) = self.at_most(choice, fields);
                assert!(support.contains(reading.support), "{reading:?}");
                assert!(reading.unexplained >= unexplained, "{reading:?}");
            }
            out.extend(reading);
            ControlFlow::Continue(())
        });
    }

    /// Calls `visit` with the roles the values of `choice` may take, in
    /// the order their readings are made, until it breaks: every price (a
    /// value with no sign, no percent mark and no marker before it) with
    /// every change (no percent) and every percent, or none of either but
    /// not both; a percent alone, unmarked and with no header to name its
    /// column, only where a value besides the price and the percent may be
    /// a previous close to pin it.
    fn each_combination(&self, choice: &Choice, mut visit: impl FnMut(Fields) -> ControlFlow<()>) {
        let facts = &self.facts;
        let closings = (facts.closing & choice.mask).count_ones();
        let lone_percent_read = |p: usize, q: usize| {
            choice.header
                || facts.percent & bit(q) != 0
                || closings > (facts.closing & (bit(p) | bit(q))).count_ones()
        };
        let first = indices(choice.mask).next();
        for p in indices(facts.price & choice.mask) {
            let others = choice.mask & !bit(p);
            let fields = |change: Option<usize>, percent: Option<usize>| Fields {
                price: index(p),
                change: change.map(index),
                percent: percent.map(index),
                first: Some(p) == first,
                first_percent: choice.first_percent,
            };
            for q in indices(others) {
                if lone_percent_read(p, q) && visit(fields(None, Some(q))).is_break() {
                    return;
                }
            }
            for c in indices(others & !facts.percent) {
                if visit(fields(Some(c), None)).is_break() {
                    return;
                }
                for q in indices(others & !bit(c)) {
                    if visit(fields(Some(c), Some(q))).is_break() {
                        return;
                    }
                }
            }
        }
    }

    /// Whether `full`, the reading of `fields`, covers its choice: the
    /// judge would let none of the choice's other readings stand beside
    /// it, nor let them change what becomes of any other reading, so they
    /// need not be made.
    ///
    /// The rule: `full` passes every test the arithmetic weighs readings
    /// by (its percent fits exactly, it leaves a positive previous close
    /// and its change is smaller than its price), and it dominates every
    /// other reading of the choice by what those could have at most:
    /// their support from markers, shape and place as it is, any fit
    /// the arithmetic could give them (a change and a percent may fit, a
    /// percent alone where a value may be the previous close, a change
    /// alone never), a previous close wherever a value may be one, and
    /// no header (the caller prunes only where none governs the record).
    /// Dominance is transitive, so every reading they dominate the full
    /// reading dominates too, and one that passes every test keeps each
    /// weighing of [`drop_worse_fits`](crate::judge) deciding as it would
    /// with them. So the record's verdict is the same with them or
    /// without.
    ///
    /// Whether the full reading dominates every other is kept in the memo
    /// `slot`, which [`Readings::first_full`] has just made the choice's
    /// shape's (so its shape is not compared again).
    fn covering(&mut self, choice: &Choice, full: &Reading, fields: Fields, slot: usize) -> bool {
        if !crate::judge::passes_every_weighing(full, &self.values) {
            return false;
        }
        let memo = self.memos.get(slot);
        // Tests check that the memo is the choice's shape's.
        #[cfg(test)]
        assert!(memo.is_some_and(|m| m.shape == Some(choice.shape)));
        let known = memo
            .and_then(|m| m.covering)
            .filter(|&(support, unexplained, _)| {
                (support, unexplained) == (full.support, full.unexplained)
            });
        if let Some((_, _, covers)) = known {
            // Tests check that what was kept is what would be found.
            #[cfg(test)]
            assert_eq!(covers, self.dominates_rivals(choice, full, fields));
            return covers;
        }
        let covers = self.dominates_rivals(choice, full, fields);
        if let Some(memo) = self.memos.get_mut(slot) {
            memo.covering = Some((full.support, full.unexplained, covers));
        }
        covers
    }

    /// Whether `full`, the reading of `fields`, dominates every other
    /// reading of `choice` by what that could have at most.
    fn dominates_rivals(&self, choice: &Choice, full: &Reading, fields: Fields) -> bool {
        let mut covers = true;
        self.each_combination(choice, |other| {
            if other == fields {
                return ControlFlow::Continue(());
            }
            let (support, unexplained) = self.at_most(choice, other);
            covers = crate::judge::dominates_within(full, support, unexplained);
            match covers {
                true => ControlFlow::Continue(()),
                false => ControlFlow::Break(()),
            }
        });
        covers
    }

    /// The first roles of `choice` with both a change and a percent, in
    /// the order readings are made; kept in the memo `slot` for the
    /// choice's shape (where the slot already keeps it, read from there).
    fn first_full(&mut self, choice: &Choice, slot: Slot) -> Option<Fields> {
        if let Some(memo) = self.memos.get(slot.at).filter(|_| slot.kept) {
            // Tests check that what was kept is what would be found, for
            // the choice's shape.
            #[cfg(test)]
            assert_eq!(memo.shape, Some(choice.shape));
            #[cfg(test)]
            assert_eq!(memo.full, self.find_first_full(choice));
            return memo.full;
        }
        let full = self.find_first_full(choice);
        if let Some(memo) = self.memos.get_mut(slot.at) {
            *memo = Memo {
                shape: Some(choice.shape),
                full,
                covering: None,
            };
        }
        full
    }

    /// The first roles of `choice` with both a change and a percent, in
    /// the order readings are made.
    fn find_first_full(&self, choice: &Choice) -> Option<Fields> {
        let mut full = None;
        self.each_combination(choice, |fields| {
            match fields.change.is_some() && fields.percent.is_some() {
                true => {
                    full = Some(fields);
                    ControlFlow::Break(())
                }
                false => ControlFlow::Continue(()),
            }
        });
        full
    }

    /// What the reading of `fields` could have at most, with no header:
    /// the support it could have, and the fewest values it could leave
    /// unexplained.
    fn at_most(&self, choice: &Choice, fields: Fields) -> (Support, u8) {
        let (c, q) = (fields.change(), fields.percent());
        let used = bit(fields.price()) | c.map_or(0, bit) | q.map_or(0, bit);
        // The previous close a reading looks for, before its arithmetic.
        let close = self.facts.closer & choice.mask & !used != 0;
        let fitting = Support::EXACT.with(Support::LOOSE);
        let arithmetic = match (c.is_some(), q.is_some(), close) {
            (true, true, true) => fitting.with(Support::CLOSE),
            (true, true, false) | (false, true, true) => fitting,
            (true, false, true) => Support::CLOSE,
            _ => Support::default(),
        };
        let explained = 1 + u32::from(c.is_some()) + u32::from(q.is_some()) + u32::from(close);
        let unexplained = u32::from(choice.count).saturating_sub(explained);
        (
            self.shown_support(fields).with(arithmetic),
            u8::try_from(unexplained).unwrap_or(u8::MAX),
        )
    }

    /// The support `fields` have from what the values show themselves,
    /// whatever the arithmetic: the percent's mark, the change's sign or
    /// marker, the price's shape, the price first and the percent the
    /// first marked.
    fn shown_support(&self, fields: Fields) -> Support {
        let facts = &self.facts;
        let (p, c, q) = (fields.price(), fields.change(), fields.percent());
        let mut support = Support::default();
        let q_bit = q.map_or(0, bit);
        if facts.percent & q_bit != 0 {
            support = support.with(Support::PERCENT_MARK);
        }
        let change_marked = facts.marked & c.map_or(0, bit) != 0;
        let percent_after_marker = c.is_none() && facts.marker & q_bit != 0;
        if change_marked || percent_after_marker {
            support = support.with(Support::CHANGE_MARK);
        }
        if facts.shaped & bit(p) != 0 {
            support = support.with(Support::PRICE_SHAPE);
        }
        if fields.first {
            support = support.with(Support::FIRST);
        }
        if q.is_some() && fields.percent == fields.first_percent {
            support = support.with(Support::FIRST_PERCENT);
        }
        support
    }

    /// The reading of `fields`, with its close, signs and support; `None`
    /// when its numbers cannot be a quote's.
    fn reading(
        &self,
        choice: &Choice,
        digits: usize,
        fields: Fields,
        header: Option<&Header>,
    ) -> Option<Reading> {
        let values = &self.values;
        let (p, c, q) = (fields.price(), fields.change(), fields.percent());
        let price = values[p].price()?;
        // The header's reading of the columns that reads them as `fields`.
        let roles = self.header_reads(choice.mask, digits, fields, header);
        let header_reads = roles.is_some();
        let role = |i: usize| roles?.get(values[i].column.checked_sub(digits)?).copied();
        // Rule S: a sign shown wins, then a marker, then the other
        // field's shown sign; under a header, accounting parentheses.
        let marker = self.markers.direction();
        let change_shown = c.and_then(|c| values[c].shown_sign());
        let percent_shown = q.and_then(|q| values[q].shown_sign());
        let accounting = |i: Option<usize>| {
            i.filter(|&i| header_reads && values[i].marks.paren && values[i].marks.sign.is_none())
                .map(|_| true)
        };
        let (mut change_negative, mut percent_negative, mut sign) =
            match (change_shown, percent_shown, marker) {
                (None, None, Some(direction)) => {
                    let down = direction == Direction::Down;
                    (down, down, SignFrom::Marker)
                }
                (None, None, None) => match accounting(c).or(accounting(q)) {
                    Some(negative) => (negative, negative, SignFrom::Accounting),
                    None => (false, false, SignFrom::Nothing),
                },
                (change, percent, marker) => {
                    let fallback = marker.map(|d| d == Direction::Down);
                    let change_negative = change.or(fallback).or(percent).unwrap_or(false);
                    let percent_negative = percent.or(fallback).or(change).unwrap_or(false);
                    (change_negative, percent_negative, SignFrom::Shown)
                }
            };
        let used = bit(p) | c.map_or(0, bit) | q.map_or(0, bit);
        let mut support = Support::default();
        // The previous close the row shows: a value with no sign and no
        // percent mark, that no other field takes.
        let candidates = self.facts.closer & choice.mask & !used;
        let (mut close, mut fit) = (None, None);
        if candidates != 0 {
            let mut signs = (change_negative, percent_negative, sign);
            (close, fit) = self.shown_close(candidates, price, fields, &mut signs);
            (change_negative, percent_negative, sign) = signs;
            // A close the change checks is evidence of its own; one the
            // percent alone pins is the percent's fit, counted once.
            if close.is_some() && c.is_some() {
                support = support.with(Support::CLOSE);
            }
        }
        // A header's previous close column holds the previous close, fit or
        // not: the validator reports one that disagrees.
        if header_reads && close.is_none() {
            close = indices(choice.mask).find(|&i| role(i) == Some(Role::PreviousClose));
        }
        if let (Some(c), Some(q)) = (c, q) {
            // Magnitudes on the change's side of the price: P − C is the
            // previous close whichever way the signs go.
            let (price, exponent) = (values[p].shown, values[p].marks.magnitude);
            let exponent = exponent.map_or(0, |m| m.exponent());
            let (change, percent) = (values[c].shown, values[q].shown);
            // A plain ratio is read only where `%` says the column is one.
            let marked = values[q].is_percent();
            let fit_with =
                |negative| signed_fit(price, exponent, change, percent, marked, negative);
            let found = fit_with(change_negative);
            // Nothing signs them: the sign that alone fits does.
            if sign == SignFrom::Nothing && found == Fit::Exact && fit_with(true) != Fit::Exact {
                sign = SignFrom::Arithmetic;
            } else if sign == SignFrom::Nothing
                && found != Fit::Exact
                && fit_with(true) == Fit::Exact
            {
                (change_negative, percent_negative, sign) = (true, true, SignFrom::Arithmetic);
            }
            fit = Some(if sign == SignFrom::Arithmetic {
                Fit::Exact
            } else {
                found
            });
        }
        match fit {
            Some(Fit::Exact) => support = support.with(Support::EXACT).with(Support::LOOSE),
            Some(Fit::Loose) => support = support.with(Support::LOOSE),
            _ => {}
        }
        if let (true, Some(c), Some(q)) = (header_reads, c, q) {
            let exponent = values[p].marks.magnitude.map_or(0, |m| m.exponent());
            let change = signed(values[c].shown, change_negative);
            let percent = signed(values[q].shown, percent_negative);
            let agrees = |ratio| percent_agrees(values[p].shown, exponent, change, percent, ratio);
            if agrees(Ratio::Percent) || values[q].is_percent() && agrees(Ratio::Fraction) {
                support = support.with(Support::AGREES);
            }
        }
        // An unmarked percent needs its column named, or the arithmetic;
        // so does an unmarked change beside a percent.
        let unmarked = q.is_some_and(|q| !values[q].is_percent());
        let named = q.is_some_and(|q| matches!(role(q), Some(Role::Percent | Role::Change)));
        let pinned = q.is_some_and(|q| values[q].precise() && !values[q].shown.is_zero())
            && (c.is_some_and(|c| values[c].precise()) || close.is_some());
        if unmarked && !(named && header_reads) && !(fit == Some(Fit::Exact) && pinned) {
            return None;
        }
        // Zero beside zero (`0,00 (0,00 %)`) agrees without a sign.
        let bare_change =
            c.is_some_and(|c| values[c].marks.sign.is_none() && values[c].marker.is_none());
        let both_zero = c.is_some_and(|c| values[c].shown.is_zero())
            && q.is_some_and(|q| values[q].shown.is_zero());
        let checked = fit == Some(Fit::Exact) || close.is_some() || header_reads || both_zero;
        if bare_change && q.is_some() && !checked {
            return None;
        }
        // A cut digit run is read only where the arithmetic accepts it.
        let cut = |i: Option<usize>| i.is_some_and(|i| values[i].cut.is_some());
        let percent_marked = q.is_some_and(|q| values[q].is_percent());
        let any_cut = cut(Some(p)) || cut(c) || cut(q);
        if any_cut && !(fit == Some(Fit::Exact) && percent_marked) {
            return None;
        }
        if any_cut && !cut_in_order(values, [Some(p), c, q]) {
            return None;
        }
        if header_reads {
            support = support.with(Support::HEADER);
        }
        support = support.with(self.shown_support(fields));
        let explained =
            1 + u8::from(c.is_some()) + u8::from(q.is_some()) + u8::from(close.is_some());
        let position = |i: Option<usize>| choice.position(i?);
        Some(Reading {
            digits: u8::try_from(digits).unwrap_or(u8::MAX),
            price: index(p),
            change: c.map(index),
            percent: q.map(index),
            close: close.map(index),
            negative: [change_negative, percent_negative],
            sign,
            support,
            fit,
            unexplained: choice.count.saturating_sub(explained),
            positions: [position(Some(p)), position(c), position(q), position(close)],
        })
    }

    /// The previous close among `candidates` (values with no sign and no
    /// percent mark that no field of the reading of `fields` takes): the
    /// first value that is price − change, or, with no change shown, that
    /// the percent fits on its own; and the fit that pins it so. Where
    /// nothing signed the change and percent, the close does: `signs`
    /// (the change's and the percent's negativity and where they came
    /// from) is updated.
    fn shown_close(
        &self,
        candidates: u16,
        price: Decimal,
        fields: Fields,
        signs: &mut (bool, bool, SignFrom),
    ) -> (Option<usize>, Option<Fit>) {
        let values = &self.values;
        let (p, c, q) = (fields.price(), fields.change(), fields.percent());
        let mut close = None;
        let mut fit = None;
        for i in indices(candidates) {
            let shown = values[i].shown;
            // A previous close is positive, and so is the price it is
            // checked against.
            if !is_positive(shown) || !is_positive(price) {
                continue;
            }
            if let Some(c) = c {
                // Only numbers shown precisely check each other: small whole
                // numbers differ by chance (`5 − 1 = 4`).
                let change = values[c].shown;
                if change.is_zero()
                    || !values[c].precise()
                    || !values[p].precise()
                    || !values[i].precise()
                {
                    continue;
                }
                if close_fits(price, signed(change, signs.0), shown) {
                    close = Some(i);
                } else if signs.2 == SignFrom::Nothing && close_fits(price, -change, shown) {
                    close = Some(i);
                    *signs = (true, true, SignFrom::Close);
                }
            } else if let Some(q) = q {
                // A percent of several digits pins the close; `0%` or `2%`
                // fits by chance.
                if !values[q].precise() || values[q].shown.is_zero() {
                    continue;
                }
                let Some(implied) = price.checked_sub(shown).filter(|d| !d.is_zero()) else {
                    continue;
                };
                // A sign shown, or a marker, must agree with the close.
                let down = implied.is_sign_negative();
                let shown_down = match signs.2 {
                    SignFrom::Shown | SignFrom::Marker => Some(signs.1),
                    _ => None,
                };
                if shown_down.is_some_and(|shown_down| shown_down != down) {
                    continue;
                }
                // A fall of more than half pins no close: near -100% any
                // close far enough above the price fits (a volume). A rise
                // is less than the price, the close being above zero.
                if down && -implied >= price {
                    continue;
                }
                let exponent = values[p].marks.magnitude.map_or(0, |m| m.exponent());
                // The move and the percent on one side: a fall from the
                // close is a negative change and percent.
                let percent = signed(values[q].shown, down);
                let found =
                    percent_fit(values[p].shown, exponent, implied, percent, Ratio::Percent);
                if found == Fit::Exact {
                    close = Some(i);
                    fit = Some(Fit::Exact);
                    if signs.2 == SignFrom::Nothing || signs.2 == SignFrom::Accounting {
                        *signs = (down, down, SignFrom::Close);
                    }
                }
            }
            if close.is_some() {
                if signs.2 == SignFrom::Nothing {
                    signs.2 = SignFrom::Close;
                }
                break;
            }
        }
        (close, fit)
    }

    /// The reading of `header`'s columns (as shown, or with its joined
    /// captions split) that reads the record's values as `fields` does.
    fn header_reads<'h>(
        &self,
        mask: u16,
        digits: usize,
        fields: Fields,
        header: Option<&'h Header>,
    ) -> Option<&'h [Role]> {
        header?
            .readings()
            .find(|roles| self.roles_read(roles, mask, digits, fields))
    }

    /// Whether the value columns' `roles` read the record as `fields`
    /// does: as many columns as they name (or fewer, where the last are
    /// ignored ones the rows leave empty), the price in its price column,
    /// and every column they name for a change or percent read so.
    fn roles_read(&self, roles: &[Role], mask: u16, digits: usize, fields: Fields) -> bool {
        let values = &self.values;
        let width = roles.len();
        let row = self.columns.saturating_sub(digits);
        let empty_tail = row < width
            && roles[row..]
                .iter()
                .all(|r| matches!(r, Role::Ignored | Role::Unknown));
        if row != width && !empty_tail {
            return false;
        }
        // A date is never a number (rule T): a reading that names a date's
        // column for a value misplaces the row's columns.
        let valued = |r: &Role| {
            matches!(
                r,
                Role::Price | Role::Change | Role::Percent | Role::PreviousClose
            )
        };
        let misplaced = roles.iter().enumerate().any(|(column, role)| {
            let bit = u32::try_from(column + digits)
                .ok()
                .and_then(|c| 1u64.checked_shl(c));
            valued(role) && bit.is_some_and(|bit| self.dates & bit != 0)
        });
        if misplaced {
            return false;
        }
        let role = |i: usize| roles.get(values[i].column.checked_sub(digits)?).copied();
        indices(mask).all(|i| {
            let is_percent = values[i].is_percent();
            match role(i) {
                Some(Role::Price) => fields.price() == i,
                Some(Role::Change) if is_percent => fields.percent() == Some(i),
                Some(Role::Change) => fields.change() == Some(i),
                Some(Role::Percent) => fields.percent() == Some(i),
                Some(Role::Unknown) => true,
                Some(Role::PreviousClose | Role::Ignored | Role::Label | Role::Ticker) | None => {
                    fields.price() != i && fields.change() != Some(i) && fields.percent() != Some(i)
                }
                Some(Role::Period) => false,
            }
        })
    }
}

/// How many shapes of choice pruning keeps what it found for.
const MEMOS: usize = 4;

/// The memo a choice's shape takes: its index, and whether it already
/// keeps that shape (found once per choice, so that the memo's shape is
/// not compared again).
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The memo's index.
    at: usize,
    /// Whether the memo already keeps the choice's shape.
    kept: bool,
}

/// What pruning found for a shape of choice: the rows of a strip or a
/// table show their values alike, and the roles a choice's values may
/// take, the first with a change and a percent, and whether a full
/// reading dominates every other reading by what those could have at
/// most depend on that shape alone (and on the full reading's support
/// and unexplained values), not on the numbers. So they are found once
/// for each of the few shapes a run of records takes.
#[derive(Debug, Default, Clone, Copy)]
struct Memo {
    /// The shape they were found for.
    shape: Option<Shape>,
    /// The first roles with a change and a percent.
    full: Option<Fields>,
    /// For a full reading's support and unexplained values: whether it
    /// dominates every other reading of the shape by what those could
    /// have at most.
    covering: Option<(Support, u8, bool)>,
}

/// The shape of a choice: which of its values show what, and whether a
/// header reads it. The roles its values may take, and what the readings
/// of those roles could have at most, depend on nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// The seven sets of what the record's values show and the set of the
    /// choice's values, sixteen bits each: one number, compared at once.
    sets: u128,
    /// Whether a header reads the choice.
    header: bool,
}

impl Shape {
    /// The shape of the choice of the values `mask`, of a record whose
    /// values show `facts`.
    fn of(facts: &Facts, mask: u16, header: bool) -> Shape {
        let sets = [
            facts.percent,
            facts.price,
            facts.closer,
            facts.closing,
            facts.marked,
            facts.marker,
            facts.shaped,
            mask,
        ];
        Shape {
            sets: sets
                .iter()
                .fold(0, |all, &set| all << u16::BITS | u128::from(set)),
            header,
        }
    }
}

/// What a record's values show, each as the set of the indices of the
/// values that show it (at most [`MAX_VALUES`]): asked of every reading
/// of the record, so found once.
#[derive(Debug, Default, Clone, Copy)]
struct Facts {
    /// Marked as a percent.
    percent: u16,
    /// May be a price: no sign, no percent mark, no marker before it.
    price: u16,
    /// May be a previous close: no sign, no percent mark.
    closer: u16,
    /// May be a previous close and above zero.
    closing: u16,
    /// A sign or a marker marks it as a change.
    marked: u16,
    /// A marker stands before it.
    marker: u16,
    /// Shows the shape of a price.
    shaped: u16,
    /// A part of a cut digit run.
    cut: u16,
}

impl Facts {
    /// The facts of `values`, at most [`MAX_VALUES`].
    fn of(values: &[Value]) -> Facts {
        let mut facts = Facts::default();
        for (i, value) in values.iter().enumerate() {
            let b = bit(i);
            let set = |flag: bool| if flag { b } else { 0 };
            let (signed, percent) = (value.marks.sign.is_some(), value.is_percent());
            let closer = !signed && !percent;
            facts.percent |= set(percent);
            facts.price |= set(closer && value.marker.is_none());
            facts.closer |= set(closer);
            facts.closing |= set(closer && is_positive(value.shown));
            facts.marked |= set(signed || value.marker.is_some());
            facts.marker |= set(value.marker.is_some());
            facts.shaped |= set(value.price_shaped());
            facts.cut |= set(value.cut.is_some());
        }
        facts
    }
}

/// The set of the value index `i` alone (none past the sixteenth, which
/// [`MAX_VALUES`] keeps out).
fn bit(i: usize) -> u16 {
    u32::try_from(i)
        .ok()
        .and_then(|i| 1u16.checked_shl(i))
        .unwrap_or(0)
}

/// The set of the first `n` value indices.
fn low_bits(n: usize) -> u16 {
    bit(n).wrapping_sub(1)
}

/// A value's index as a reading keeps it (below [`MAX_VALUES`]).
fn index(i: usize) -> u8 {
    u8::try_from(i).unwrap_or(u8::MAX)
}

/// The indices in the set `mask`, lowest first.
fn indices(mut mask: u16) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if mask == 0 {
            return None;
        }
        // Of a set that is not empty: no test for a count past the bits.
        let i = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        Some(i)
    })
}

/// The values a reading may take its fields from: a record's values less
/// the label's digits, with one reading of a cut digit run or none.
#[derive(Debug, Clone, Copy)]
struct Choice {
    /// The values' indices, as a set.
    mask: u16,
    /// How many values it holds.
    count: u8,
    /// The first value marked as a percent.
    first_percent: Option<u8>,
    /// Where each value stands among them (which are in index order), by
    /// index: `u8::MAX` for one not among them. Found once for the
    /// choice's readings: a count of the values below each, for every
    /// reading, costs more where the processor counts bits in software.
    positions: [u8; MAX_VALUES],
    /// Whether a header reads the choice.
    header: bool,
    /// Its shape.
    shape: Shape,
}

impl Choice {
    /// Where the value `i` stands among the choice's values: how many of
    /// them come before it; `None` for a value not among them.
    fn position(&self, i: usize) -> Option<u8> {
        self.positions.get(i).copied().filter(|&at| at != u8::MAX)
    }
}

/// The roles a reading gives, as value indices (kept small: they are
/// made for every role the values may take).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fields {
    price: u8,
    change: Option<u8>,
    percent: Option<u8>,
    /// Whether the price is the first value after the label.
    first: bool,
    /// The first value marked as a percent.
    first_percent: Option<u8>,
}

impl Fields {
    /// The price's value index.
    fn price(self) -> usize {
        usize::from(self.price)
    }

    /// The change's value index, if shown.
    fn change(self) -> Option<usize> {
        self.change.map(usize::from)
    }

    /// The percent's value index, if shown.
    fn percent(self) -> Option<usize> {
        self.percent.map(usize::from)
    }
}

/// Whether `value` is above zero: its sign and zero test, without
/// [`Decimal`]'s general compare.
fn is_positive(value: Decimal) -> bool {
    !value.is_zero() && value.is_sign_positive()
}

/// `value` made negative when `negative`; zero stays zero.
fn signed(value: Decimal, negative: bool) -> Decimal {
    if negative && !value.is_zero() {
        -value
    } else {
        value
    }
}

/// [`percent_or_fraction_fit`] of `percent` with a price shown as `price`
/// times 10^`exponent` and `change`, the change and percent made negative
/// where `negative`: none for a zero change, which fits any zero percent
/// and pins nothing.
fn signed_fit(
    price: Decimal,
    exponent: u32,
    change: Decimal,
    percent: Decimal,
    fraction: bool,
    negative: bool,
) -> Fit {
    if change.is_zero() {
        return Fit::None;
    }
    percent_or_fraction_fit(price, exponent, change, percent, negative, fraction)
}

/// Whether the fields `roles` (price, change, percent, in the order a
/// row shows them) keep their order where two of them are the parts of
/// one cut digit run: a cut is two numbers glued as the row shows them
/// (`7,477.50044.580` is a price, then its change), so its second part is
/// never the price of a change its first part holds.
fn cut_in_order(values: &[Value], roles: [Option<usize>; 3]) -> bool {
    let part = |role: Option<usize>| role.and_then(|i| values.get(i)?.cut);
    let parts = roles.map(part);
    parts.iter().enumerate().all(|(a, first)| {
        parts[a + 1..].iter().all(|second| match (first, second) {
            (Some((x, first)), Some((y, second))) if x == y => first < second,
            _ => true,
        })
    })
}

/// The values of `record` (numbers, and both parts of each cut of a
/// malformed run) and its markers into `out`, and the columns that hold a
/// date as bits into `dates`; returns how many columns (numbers and dates)
/// its body shows. Only a header's reading asks for columns: where no
/// `header` reads the record, the dates around its values are not looked
/// for.
fn collect_values(
    tokens: &[Token],
    cuts: &[Cut],
    record: &Record,
    out: &mut Vec<Value>,
    markers: &mut Markers,
    dates: &mut u64,
    header: bool,
) -> usize {
    // Dates between the label and the values (`Lisboa 17:35`, a time
    // column) are columns too, and so are dates and times after the values
    // on their line.
    let (mut column, trailing) = match header {
        true => {
            let between = record.label.end.min(record.body.start)..record.body.start;
            let after = tokens[record.body.end..]
                .iter()
                .take_while(|t| matches!(t.kind, Kind::Date | Kind::Cell | Kind::Punct))
                .filter(|t| matches!(t.kind, Kind::Date))
                .count();
            let before = tokens[between]
                .iter()
                .filter(|t| matches!(t.kind, Kind::Date))
                .count();
            (before, after)
        }
        false => (0, 0),
    };
    let mut marker: Option<Direction> = None;
    for (i, token) in (record.body.start..).zip(&tokens[record.body.clone()]) {
        match &token.kind {
            Kind::Marker { direction, word } => {
                let slot = if *word {
                    &mut markers.word
                } else {
                    &mut markers.glyph
                };
                slot.get_or_insert(*direction);
                marker = Some(*direction);
            }
            Kind::Number(number) => {
                match number.value() {
                    Ok(shown) => out.push(Value {
                        token: i,
                        column,
                        shown,
                        marks: Marks::of(number),
                        marker,
                        cut: None,
                    }),
                    Err(_) => {
                        let found = cuts.iter().enumerate().filter(|(_, c)| c.token == i);
                        for (index, cut) in found {
                            for (part, shown) in [(0u8, cut.first), (1, cut.second)] {
                                let mut marks = Marks::of(number);
                                if part == 0 {
                                    marks.percent = PercentMark::None;
                                    marks.magnitude = None;
                                } else {
                                    marks.sign = None;
                                    marks.currency = None;
                                }
                                marks.grouped = false;
                                out.push(Value {
                                    token: i,
                                    column,
                                    shown,
                                    marks,
                                    marker: if part == 0 { marker } else { None },
                                    cut: Some((index, part)),
                                });
                            }
                        }
                    }
                }
                column += 1;
                marker = None;
            }
            Kind::Date => {
                *dates |= 1u64
                    .checked_shl(u32::try_from(column).unwrap_or(u32::MAX))
                    .unwrap_or(0);
                column += 1;
            }
            _ => {}
        }
    }
    column + trailing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::lexed_records;

    /// The readings of the first record with values in `text`, as
    /// `price change percent [close] flags` strings.
    fn readings_of(text: &str) -> Vec<String> {
        let (tokens, recs) = lexed_records(text);
        let record = recs.iter().find(|r| !r.body.is_empty()).unwrap();
        let mut readings = Readings::default();
        assert!(readings.read(&tokens.tokens, &tokens.cuts, record, None));
        let values = &readings.values;
        readings
            .readings
            .iter()
            .map(|r| {
                let field = |v: Option<Decimal>| v.map_or("-".to_string(), |v| v.to_string());
                let mut s = format!(
                    "{} {} {}",
                    values[r.price()].shown,
                    field(r.change_value(values)),
                    field(r.percent_value(values))
                );
                if let Some(close) = r.close() {
                    s += &format!(" [{}]", values[close].shown);
                }
                if r.support.contains(Support::EXACT) {
                    s += " exact";
                } else if r.support.contains(Support::LOOSE) {
                    s += " loose";
                }
                if r.support.contains(Support::FIRST) {
                    s += " first";
                }
                s
            })
            .collect()
    }

    #[test]
    fn sets_of_indices_hold_every_value() {
        assert_eq!(indices(0).count(), 0);
        assert_eq!(indices(0b1010_0110).collect::<Vec<_>>(), [1, 2, 5, 7]);
        assert_eq!(indices(u16::MAX).count(), 16);
        assert_eq!(bit(MAX_VALUES - 1), 1 << (MAX_VALUES - 1));
        assert_eq!(bit(16), 0);
    }

    #[test]
    fn strip_quotes_have_one_reading_that_fits() {
        let found = readings_of("NIFTY 22,150.40 +120.25 (+0.55%)");
        assert!(
            found.contains(&"22150.40 120.25 0.55 exact first".to_string()),
            "{found:?}"
        );
        // The seed's percents fit as plain ratios.
        let found = readings_of("AGL40.13▲ 0.12 (0.00%)");
        assert!(
            found.contains(&"40.13 0.12 0.00 exact first".to_string()),
            "{found:?}"
        );
        // A value after a marker is no price.
        let found = readings_of("GSE-CI ▾ 30.33 (1.01%)");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_previous_close_in_the_row_is_found() {
        let found = readings_of("Alpha Steel 51.30 51.05 51.60 50.90 +0.25 +0.49%");
        assert!(
            found.contains(&"51.30 0.25 0.49 [51.05] exact first".to_string()),
            "{found:?}"
        );
        let found = readings_of("Tarsis 184.30 187.95 188.40 184.10 3.65 1.98 %");
        assert!(
            found.contains(&"187.95 3.65 1.98 [184.30] exact".to_string()),
            "{found:?}"
        );
        // A close above the price signs an unsigned change.
        let found = readings_of("Commerzbank 14.50 15.35 14.62 14.25 0.85 5.54");
        assert!(
            found.contains(&"14.50 -0.85 -5.54 [15.35] exact first".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn an_unmarked_percent_alone_is_read_where_a_close_pins_it() {
        let found = readings_of("Kestrel 101.00 100.00 1.00");
        assert!(
            found.contains(&"101.00 - 1.00 [100.00] exact first".to_string()),
            "{found:?}"
        );
        // With no value to be the close, nothing pins it.
        let found = readings_of("Kestrel 101.00 1.00");
        assert!(found.iter().all(|r| !r.ends_with(" - 1.00")), "{found:?}");
    }

    #[test]
    fn a_zero_change_fits_no_percent() {
        // Zero beside zero reads without a fit; a zero change pins no
        // percent, zero or not.
        let found = readings_of("Osprey 12.50 0.00 (0.00%)");
        assert!(
            found.contains(&"12.50 0.00 0.00 first".to_string()),
            "{found:?}"
        );
        let found = readings_of("Osprey 12.50 0.00 (1.50%)");
        assert!(found.iter().all(|r| !r.contains("exact")), "{found:?}");
    }

    #[test]
    fn a_percent_alone_pins_a_close_below_or_not_far_above() {
        let found = readings_of("Heron 50.00 40.00 25.00%");
        assert!(
            found.contains(&"50.00 - 25.00 [40.00] exact first".to_string()),
            "{found:?}"
        );
        let found = readings_of("Heron 40.00 50.00 20.00%");
        assert!(
            found.contains(&"40.00 - -20.00 [50.00] exact first".to_string()),
            "{found:?}"
        );
        // A fall of more than half pins nothing.
        let found = readings_of("Heron 20.00 50.00 60.00%");
        assert!(found.iter().all(|r| !r.contains("[50.00]")), "{found:?}");
    }

    /// The parts of a cut keep the row's order: `142.10.2k` is not a
    /// price of `0.2k` after a change of `142.1`, though the plain ratio
    /// of those fits `-0.4%` (a reading fuzzing found, whose quote was
    /// made of noise).
    #[test]
    fn a_cut_digit_run_keeps_the_order_of_its_parts() {
        let found = readings_of("sol$142.10.2k-0.4%");
        assert!(found.iter().all(|r| !r.starts_with("0.2 ")), "{found:?}");
        let found = readings_of("Tasman 20 Index7,477.50044.580 / 0.60%");
        assert!(
            found.contains(&"7477.500 44.580 0.60 exact first".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_cut_digit_run_is_read_where_the_arithmetic_accepts_it() {
        let found = readings_of("Tasman 20 Index7,477.50044.580 / 0.60%");
        assert!(
            found.contains(&"7477.500 44.580 0.60 exact first".to_string()),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .all(|r| r.contains("exact") || !r.contains("44.580"))
        );
    }
}
