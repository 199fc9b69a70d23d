//! The third stage: records grouped into blocks of one shape, with the
//! header above them when there is one ([SPEC 9](crate::formats#reading-by-evidence),
//! stage 3, and [rule H](crate::formats#tables)).
//!
//! Rows of one table, list or strip repeat one shape: the kinds and
//! number of their values. A block is a run of consecutive records of one
//! shape. A header is a row of captions the vocabulary knows (`Name |
//! Last | Chg %`), on one line, on consecutive lines (one caption a line),
//! or flattened before the first row's label on the row's own line
//! (`SCRIP PRICE HIGH LOW CHANGE VOLUME KEL 3.28 …`); it names the roles
//! of the values of the block below it.

use std::ops::Range;

use arrayvec::ArrayVec;

use crate::records::Record;
use crate::token::{Kind, PercentMark, Token};
use crate::vocabulary::{MAX_PHRASE_WORDS, Role, WordClass, class_of, role_of_phrase};

/// The most columns a header may name.
pub(crate) const MAX_COLUMNS: usize = 16;

/// The roles of a header's value columns: at most two for each column
/// (a caption of two captions read as two).
pub(crate) type Roles = ArrayVec<Role, { 2 * MAX_COLUMNS }>;

/// A header: the roles of a row's cells, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Header {
    /// The roles of the columns that hold values, in order: the columns
    /// after the label's.
    pub(crate) values: Roles,
    /// Whether the header keys its rows by a period (`Year`, `This
    /// Week`), or names no price: its rows hold no quote.
    pub(crate) refuses: bool,
    /// Whether a ticker column follows the name column (`Name | Ticker`):
    /// a row's label then ends with the ticker.
    pub(crate) ticker_after_name: bool,
    /// The roles read with every caption of two captions (`+/- %`) as
    /// two columns, where the header has such a caption: the rows' numbers
    /// say which reading of the header is theirs.
    pub(crate) alternative: Option<Roles>,
    /// How many cells its line shows, for a header on one line with cell
    /// separators: it governs rows of as many cells only.
    pub(crate) cells: Option<usize>,
    /// Its tokens, for a header on lines of its own: text that is no
    /// quote, yet part of the table, for strict reading.
    pub(crate) tokens: Option<Range<usize>>,
}

impl Blocks {
    /// The records of `block`, as indices in the record list, in order.
    pub(crate) fn records(&self, block: &Block) -> &[usize] {
        &self.members[block.members.clone()]
    }
}

impl Block {
    /// How many records it holds.
    pub(crate) fn len(&self) -> usize {
        self.members.len()
    }
}

impl Header {
    /// A header whose rows give no quotes.
    fn refusing() -> Header {
        Header {
            refuses: true,
            ..Header::default()
        }
    }

    /// The readings of the header's value columns: as shown, and with its
    /// joined captions split, if it has any.
    pub(crate) fn readings(&self) -> impl Iterator<Item = &[Role]> {
        std::iter::once(self.values.as_slice()).chain(self.alternative.as_deref())
    }
}

/// What a value of a record is, for comparing shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ValueKind {
    /// A number with no sign and no `%`.
    Plain,
    /// A number with a sign shown.
    Signed,
    /// A number marked as a percent.
    Percent,
    /// A direction marker.
    Marker,
    /// A date or time.
    Date,
}

/// The kind of the value token `token`, or `None` for other tokens.
pub(crate) fn value_kind(token: &Token) -> Option<ValueKind> {
    match &token.kind {
        Kind::Number(n) if n.percent != PercentMark::None => Some(ValueKind::Percent),
        Kind::Number(n) if n.sign.is_some() => Some(ValueKind::Signed),
        Kind::Number(_) | Kind::Ambiguous { .. } => Some(ValueKind::Plain),
        Kind::Marker { .. } => Some(ValueKind::Marker),
        Kind::Date => Some(ValueKind::Date),
        _ => None,
    }
}

/// The kinds of a record's values by which blocks compare records, as
/// [`compared_kinds`] gives them, packed two bits a kind for a record of
/// at most [`Kinds::MAX`] such values, so that comparing two records
/// reads no token. The records stage packs them as it reads the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Kinds {
    /// The kinds, the first in the lowest bits.
    bits: u64,
    /// How many; [`Kinds::UNKNOWN`] for more than [`Kinds::MAX`].
    len: u8,
}

impl Kinds {
    /// The most kinds packed.
    const MAX: u8 = 32;
    /// The length of kinds too many to pack: such records are compared
    /// by their tokens.
    const UNKNOWN: u8 = u8::MAX;

    /// Adds the kind of the next value: dates aside, a signed number as
    /// a plain one (as [`compared_kinds`] reads them).
    pub(crate) fn push(&mut self, kind: ValueKind) {
        let code: u64 = match kind {
            ValueKind::Plain | ValueKind::Signed => 1,
            ValueKind::Percent => 2,
            ValueKind::Marker => 3,
            ValueKind::Date => return,
        };
        if self.len >= Kinds::MAX {
            self.len = Kinds::UNKNOWN;
            return;
        }
        self.bits |= code << (2 * self.len);
        self.len += 1;
    }

    /// The kinds without the first `n`: the digits a label takes, which
    /// are numbers, so that skipping them skips no date.
    pub(crate) fn skip(self, n: u8) -> Kinds {
        if !self.known() {
            return self;
        }
        let n = n.min(self.len);
        Kinds {
            bits: self.bits.checked_shr(2 * u32::from(n)).unwrap_or(0),
            len: self.len - n,
        }
    }

    /// The kinds of `record`'s values, read from its tokens.
    pub(crate) fn of(tokens: &[Token], record: &Record) -> Kinds {
        let mut kinds = Kinds::default();
        for kind in compared_kinds(tokens, record) {
            kinds.push(kind);
        }
        kinds
    }

    /// Whether none were added: the body read so far holds no value.
    pub(crate) fn is_empty(self) -> bool {
        self.len == 0
    }

    /// Whether they were packed: not too many.
    pub(crate) fn known(self) -> bool {
        self.len != Kinds::UNKNOWN
    }
}

/// Whether records `a` and `b` have one shape: the same kinds of values,
/// in the same order ([`compared_kinds`]).
fn same_shape(tokens: &[Token], a: &Record, b: &Record) -> bool {
    if a.kinds.known() && b.kinds.known() {
        a.kinds == b.kinds
    } else {
        compared_kinds(tokens, a).eq(compared_kinds(tokens, b))
    }
}

/// A block: consecutive records of one shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// Where its records, as indices in the record list, in order, are
    /// kept in [`Blocks::members`].
    pub(crate) members: Range<usize>,
    /// The header above the block, if one names its columns.
    pub(crate) header: Option<usize>,
}

/// The blocks and headers of a stretch of records.
#[derive(Debug, Clone, Default)]
pub(crate) struct Blocks {
    /// The headers found, referred to by [`Block::header`].
    pub(crate) headers: Vec<Header>,
    /// The blocks, in order, covering every record that has values.
    pub(crate) blocks: Vec<Block>,
    /// The records of every block, one block after another.
    pub(crate) members: Vec<usize>,
    /// The block of each record, by record index (`usize::MAX` for a
    /// record without values).
    pub(crate) of_record: Vec<usize>,
    /// For records whose label run starts with a flattened header, where
    /// the row's own label starts (a token index).
    pub(crate) label_starts: Vec<Option<usize>>,
    /// Scratch, kept between regions: the headers on lines of captions,
    /// each with the token where it ends.
    line_headers: Vec<(usize, Header)>,
    /// Scratch: the phrases of the line or cell being read.
    phrases: Vec<Phrase>,
    /// Scratch: captions one a line, gathering into a header.
    run: Vec<Phrase>,
}

/// Finds the headers and blocks of `records`, read from `tokens` and
/// `text` (which starts at offset `base`), finding the line ends first:
/// what the stages' tests call.
#[cfg(test)]
pub(crate) fn blocks(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    records: &[Record],
    out: &mut Blocks,
) {
    let line_ends: Vec<usize> = (0..tokens.len())
        .filter(|&i| matches!(tokens[i].kind, Kind::Line))
        .collect();
    blocks_of(tokens, &line_ends, text, base, records, out);
}

/// Finds the headers and blocks of `records`, read from `tokens`, whose
/// line ends are the tokens `line_ends` ([`crate::token::Tokens::lines`]),
/// and `text` (which starts at offset `base`).
pub(crate) fn blocks_of(
    tokens: &[Token],
    line_ends: &[usize],
    text: &[u8],
    base: usize,
    records: &[Record],
    out: &mut Blocks,
) {
    out.headers.clear();
    out.blocks.clear();
    out.members.clear();
    out.of_record.clear();
    out.of_record.resize(records.len(), usize::MAX);
    out.label_starts.clear();
    out.label_starts.resize(records.len(), None);
    line_headers(tokens, line_ends, text, base, out);
    let mut next_header = 0;
    let mut pending: Option<(usize, usize)> = None;
    let mut r = 0;
    while r < records.len() {
        let record = &records[r];
        let start = record.tokens().start;
        // A header on the lines above the record governs its block.
        while next_header < out.line_headers.len() && out.line_headers[next_header].0 < start {
            let (end, header) = out.line_headers[next_header].clone();
            out.headers.push(header);
            pending = Some((out.headers.len() - 1, end));
            next_header += 1;
        }
        if !record.values {
            r += 1;
            continue;
        }
        // A header flattened before the row's label, on the row's line.
        if let Some((header, label)) =
            flattened_header(tokens, text, base, record, &mut out.phrases)
        {
            out.headers.push(header);
            pending = Some((out.headers.len() - 1, start));
            out.label_starts[r] = Some(label);
        }
        // A header governs the rows that follow it closely, of as many
        // cells as it shows (SPEC 8: a row of another width ends it).
        let header = pending
            .take()
            .filter(|&(_, header_end)| {
                follows_closely(tokens, header_end, start)
                    && !blank_line(&tokens[header_end.min(start)..start], text, base)
            })
            .map(|(header, _)| header)
            .filter(|&h| {
                let cells = out.headers[h].cells;
                cells.is_none()
                    || cells == line_cells(tokens, text, base, line_around(tokens, start))
            });
        let mut end = r + 1;
        let first = out.members.len();
        out.members.push(r);
        let mut next = r + 1;
        loop {
            // Words after a row's values on its line (links, notes) are
            // the row's cells: they do not end the block.
            let mut next_has_values = false;
            while next < records.len() {
                next_has_values = records[next].values;
                if next_has_values || records[next].line != records[next - 1].line {
                    break;
                }
                next += 1;
            }
            let fits = next < records.len()
                && next_has_values
                && same_shape(tokens, record, &records[next]);
            // A header governs its rows up to a blank line.
            let governed_past = || {
                header.is_some() && {
                    let last = records[end - 1].tokens().end;
                    blank_line(&tokens[last..records[next].tokens().start], text, base)
                }
            };
            if !fits || governed_past() {
                break;
            }
            out.members.push(next);
            next += 1;
            end = next;
        }
        let block = out.blocks.len();
        let members = first..out.members.len();
        for &member in &out.members[members.clone()] {
            out.of_record[member] = block;
        }
        // Rows under a flattened header take it too.
        if header.is_some() {
            for &later in &out.members[members.start + 1..members.end] {
                if let Some((_, label)) =
                    flattened_header(tokens, text, base, &records[later], &mut out.phrases)
                {
                    out.label_starts[later] = Some(label);
                }
            }
        }

        // The rest of a row governed by a header is governed by it too:
        // cells before a row's label are a block of their own (`| 1 |
        // Aaaa | +1.01% | 1.00 |` under `| Volume | Name | Chg % | High
        // |`).
        if let Some(header) = header {
            let last = &records[end - 1];
            if let Some(next) = records.get(end).filter(|next| next.line == last.line) {
                pending = Some((header, next.tokens().start));
            }
        }
        out.blocks.push(Block { members, header });
        r = end;
    }
}

/// The tokens of the line holding token `at`, line ends excluded.
fn line_around(tokens: &[Token], at: usize) -> Range<usize> {
    let start = tokens[..at]
        .iter()
        .rposition(|t| matches!(t.kind, Kind::Line))
        .map_or(0, |i| i + 1);
    let end = tokens[at..]
        .iter()
        .position(|t| matches!(t.kind, Kind::Line))
        .map_or(tokens.len(), |i| at + i);
    start..end
}

/// How many cells the line of tokens `line` shows, where cell separators
/// (`|`, `;`, tabs, runs of spaces) split it; `None` for a line without.
fn line_cells(tokens: &[Token], text: &[u8], base: usize, line: Range<usize>) -> Option<usize> {
    let (first, last) = (
        tokens.get(line.start)?,
        tokens.get(line.end.checked_sub(1)?)?,
    );
    if !tokens[line].iter().any(|t| matches!(t.kind, Kind::Cell)) {
        return None;
    }
    let line_text = std::str::from_utf8(&text[first.start - base..last.end - base]).ok()?;
    Some(split_cells(line_text).count())
}

/// The kinds of a record's values, in order, the digits its label may
/// take (`CAC 40`, a symbol of digits) aside.
pub(crate) fn shape<'t>(
    tokens: &'t [Token],
    record: &Record,
) -> impl Iterator<Item = ValueKind> + 't {
    tokens[record.body.clone()]
        .iter()
        .filter_map(value_kind)
        .skip(usize::from(record.name_digits))
}

/// The kinds of a record's values by which two records have one shape
/// when they are the same, in the same order: dates aside, a signed and
/// an unsigned number alike (a column of changes signs only its negative
/// ones).
fn compared_kinds<'t>(
    tokens: &'t [Token],
    record: &Record,
) -> impl Iterator<Item = ValueKind> + 't {
    shape(tokens, record)
        .filter(|&k| k != ValueKind::Date)
        .map(|k| match k {
            ValueKind::Signed => ValueKind::Plain,
            other => other,
        })
}

/// Whether `tokens` (read from `text`, which starts at offset `base`)
/// hold a blank line: two line ends with nothing but white space between
/// them (a lone `|` is a cell, not white space).
fn blank_line(tokens: &[Token], text: &[u8], base: usize) -> bool {
    let mut ends = 0;
    for token in tokens {
        let white = || {
            text[token.start - base..token.end - base]
                .iter()
                .all(u8::is_ascii_whitespace)
        };
        match token.kind {
            Kind::Line => {
                ends += 1;
                if ends == 2 {
                    return true;
                }
            }
            Kind::Invisible => {}
            Kind::Cell if white() => {}
            _ => ends = 0,
        }
    }
    false
}

/// Whether the record starting at token `start` follows a header ending
/// at token `end` closely: only line ends, separators and rule lines
/// (`|---|---|`) between them, at most two blank lines.
fn follows_closely(tokens: &[Token], end: usize, start: usize) -> bool {
    if end >= start {
        return true;
    }
    let mut lines = 0;
    let mut since_content = 0;
    for token in &tokens[end..start] {
        match token.kind {
            Kind::Line => {
                lines += 1;
                since_content += 1;
                if since_content > 3 {
                    return false;
                }
            }
            Kind::Cell | Kind::Sign | Kind::Invisible => {}
            // A row's date or time cell before its label (`| 16:02 | Alpha
            // Steel | …`).
            Kind::Punct | Kind::Date => since_content = 0,
            _ => return false,
        }
    }
    lines <= 64
}

/// A phrase of a header: a known caption, or words the vocabulary does
/// not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phrase {
    Known(Role),
    /// A caption of two words that are captions each (`+/- %`): one
    /// column, or two.
    Joined(Role, [Role; 2]),
    Unknown,
}

impl Phrase {
    /// Whether the vocabulary knows it.
    fn known(self) -> bool {
        !matches!(self, Phrase::Unknown)
    }

    /// Its role, read as one column.
    fn role(self) -> Role {
        match self {
            Phrase::Known(role) | Phrase::Joined(role, _) => role,
            Phrase::Unknown => Role::Unknown,
        }
    }
}

/// The phrases of a header cell's text: known captions, longest first,
/// with parenthesised suffixes (`(KES)`, `(24H)`) and qualifiers with
/// digits (`24-hour`) set aside; a qualifier naming a period other than
/// the day (`7d`, `YTD`) makes its caption an ignored column. `false`
/// when the cell holds more words than a header's captions have.
fn phrases(cell: &str, out: &mut Vec<Phrase>) -> bool {
    let mut words = CaptionWords::new();
    if !caption_words(cell, &mut words) {
        return false;
    }
    let mut k = 0;
    let mut period = false;
    while k < words.len() && out.len() <= MAX_COLUMNS {
        // Longest known phrase first, parenthesised parts included.
        let found = (1..=MAX_PHRASE_WORDS.min(words.len() - k))
            .rev()
            .find_map(|n| role_of_phrase(&words[k..k + n]).map(|role| (n, role)));
        if let Some((n, role)) = found {
            let role = if period && matches!(role, Role::Percent | Role::Change) {
                Role::Ignored
            } else {
                role
            };
            let parts = (n == 2).then(|| {
                let first = role_of_phrase(&words[k..=k])?;
                let second = role_of_phrase(&words[k + 1..=k + 1])?;
                Some([first, second])
            });
            out.push(match parts.flatten() {
                Some(parts) if !period => Phrase::Joined(role, parts),
                _ => Phrase::Known(role),
            });
            period = false;
            k += n;
            continue;
        }
        let word = words[k];
        if word.starts_with('(') {
            // A parenthesised suffix runs to its `)`.
            while k < words.len() && !words[k].ends_with(')') {
                k += 1;
            }
            k += 1;
            continue;
        }
        // An ASCII digit is a byte of its own in UTF-8.
        if word.bytes().any(|b| b.is_ascii_digit()) {
            period |= matches!(class_of(word), Some(WordClass::Period));
            k += 1;
            continue;
        }
        if !matches!(out.last(), Some(Phrase::Unknown)) {
            out.push(Phrase::Unknown);
        }
        k += 1;
    }
    true
}

/// The most words a header's captions hold, with their suffixes: more
/// is prose.
const MAX_CAPTION_WORDS: usize = MAX_COLUMNS * MAX_PHRASE_WORDS;

/// The words of a header cell.
type CaptionWords<'c> = ArrayVec<&'c str, MAX_CAPTION_WORDS>;

/// The words of a header cell's text, into `words`: split at white space,
/// and at `/` (`High/Low`, `Chg/%Chg`: two captions in one cell) except
/// in `+/-`, each without the `:` it ends with. `false` when the cell
/// holds more than [`MAX_CAPTION_WORDS`].
///
/// ASCII text, the most common, is split byte by byte; other text goes
/// the way of [`caption_words_in_full`], which gives the same words (for
/// ASCII, Unicode's white space is tab to carriage return and the space).
fn caption_words<'c>(cell: &'c str, words: &mut CaptionWords<'c>) -> bool {
    if !cell.is_ascii() {
        return caption_words_in_full(cell, words);
    }
    let bytes = cell.as_bytes();
    let white = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|b| matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' '))
    };
    let mut at = 0;
    while at < bytes.len() {
        while white(at) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && !white(at) {
            at += 1;
        }
        // ASCII: every byte starts a character.
        let Some(word) = cell.get(start..at).filter(|w| !w.is_empty()) else {
            continue;
        };
        let mut push = |part: &'c str| {
            let part = part.trim_end_matches(':');
            part.is_empty() || words.try_push(part).is_ok()
        };
        let fits = if matches!(word, "+/-" | "+/-%") || !word.contains('/') {
            push(word)
        } else {
            word.split('/').all(push)
        };
        if !fits {
            return false;
        }
    }
    true
}

/// [`caption_words`] for any text.
fn caption_words_in_full<'c>(cell: &'c str, words: &mut CaptionWords<'c>) -> bool {
    let parts = cell
        .split_whitespace()
        .flat_map(|w| {
            let joined = matches!(w, "+/-" | "+/-%");
            w.split(move |c| c == '/' && !joined)
        })
        .map(|w| w.trim_end_matches(':'));
    for word in parts.filter(|w| !w.is_empty()) {
        if words.try_push(word).is_err() {
            return false;
        }
    }
    true
}

/// A header made of `phrases`, if it is one: at least two known
/// captions, and few unknown captions beside them (one, or one for
/// every three known).
fn header_of(phrases: &[Phrase]) -> Option<Header> {
    let known = phrases.iter().filter(|p| p.known()).count();
    let unknown = phrases.len() - known;
    if known < 2 || unknown > (known / 3).max(1) || phrases.len() > MAX_COLUMNS {
        return None;
    }
    let is_label = |p: &Phrase| matches!(p.role(), Role::Label | Role::Ticker) && p.known();
    // The label's column: the first known label caption, else an unknown
    // or period first caption (`SCRIP`, `Year`).
    let label = phrases.iter().position(is_label).or_else(|| {
        let first = phrases.first()?;
        matches!(first.role(), Role::Unknown | Role::Period).then_some(0)
    });
    // A header that names value columns but no label column, or value
    // columns before its label's (`Last | Name | …`), names columns this
    // reader does not read by: its rows give no quotes, rather than quotes
    // read from the wrong cells.
    let value = |p: &Phrase| {
        matches!(
            p.role(),
            Role::Price | Role::PreviousClose | Role::Change | Role::Percent
        )
    };
    let Some(label) = label.filter(|&label| !phrases[..label].iter().any(value)) else {
        return phrases.iter().any(value).then(Header::refusing);
    };
    // Label columns right after the label's (`Name | Ticker`) are no values.
    let labels = phrases[label..]
        .iter()
        .take_while(|p| is_label(p))
        .count()
        .max(1);
    let columns = &phrases[label + labels..];
    let mut values = Roles::new();
    let mut split = Roles::new();
    for phrase in columns {
        values.try_push(phrase.role()).ok()?;
        match *phrase {
            Phrase::Joined(_, parts) => split.try_extend_from_slice(&parts).ok()?,
            other => split.try_push(other.role()).ok()?,
        }
    }
    let refuses = phrases
        .iter()
        .any(|p| p.role() == Role::Period && p.known())
        || !values.contains(&Role::Price);
    let ticker_after_name = labels >= 2
        && phrases[label].role() == Role::Label
        && phrases[label + labels - 1].role() == Role::Ticker;
    Some(Header {
        alternative: (split != values).then_some(split),
        values,
        refuses,
        ticker_after_name,
        cells: None,
        tokens: None,
    })
}

/// The headers on lines of captions, each with the token index where it
/// ends, into `out.line_headers`: one line of captions, or consecutive
/// lines of one or two known captions each (lone bars and rule lines
/// between them).
fn line_headers(tokens: &[Token], line_ends: &[usize], text: &[u8], base: usize, out: &mut Blocks) {
    let Blocks {
        line_headers: found,
        phrases,
        run,
        ..
    } = out;
    found.clear();
    run.clear();
    // The captions one a line gathered so far, and their lines' tokens.
    let mut run_lines = 0..0;
    let mut start = 0;
    let flush = |run: &mut Vec<Phrase>, lines: &Range<usize>, found: &mut Vec<(usize, Header)>| {
        if let Some(mut header) = header_of(run) {
            header.tokens = Some(lines.clone());
            found.push((lines.end, header));
        }
        run.clear();
    };
    // Each line, up to its line end or the end of the tokens.
    for end in line_ends.iter().copied().chain([tokens.len()]) {
        let line = start..end;
        start = end + 1;
        match caption_line(tokens, text, base, line.clone(), phrases) {
            Captions::None => flush(run, &run_lines, found),
            Captions::Separator => {}
            Captions::Phrases => {
                let all_known = phrases.iter().all(|p| p.known());
                if all_known && phrases.len() <= 2 {
                    // One or two captions a line: a header's cells one
                    // under the other.
                    if run.is_empty() {
                        run_lines.start = line.start;
                    }
                    run.extend_from_slice(phrases);
                    run_lines.end = line.end;
                } else {
                    flush(run, &run_lines, found);
                    if let Some(mut header) = header_of(phrases) {
                        header.cells = line_cells(tokens, text, base, line.clone());
                        header.tokens = Some(line.clone());
                        found.push((line.end, header));
                    }
                }
            }
        }
    }
    flush(run, &run_lines, found);
}

/// What a line holds for header detection.
enum Captions {
    /// Numbers or text that no header holds.
    None,
    /// A lone bar, a rule line (`|---|---|`), or nothing.
    Separator,
    /// Captions, the phrases read.
    Phrases,
}

/// The captions of the line of tokens `line`, cell by cell, read into
/// `phrases_out`.
fn caption_line(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    line: Range<usize>,
    phrases_out: &mut Vec<Phrase>,
) -> Captions {
    phrases_out.clear();
    let mut depth = 0usize;
    let mut words = 0;
    for token in &tokens[line.clone()] {
        match &token.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth = depth.saturating_sub(1),
            Kind::Number(_) | Kind::Marker { .. } | Kind::Ambiguous { .. } if depth == 0 => {
                return Captions::None;
            }
            Kind::Date => return Captions::None,
            Kind::Word(_) | Kind::Percent => words += 1,
            _ => {}
        }
    }
    // More words than a header's columns can hold: prose.
    if words > MAX_CAPTION_WORDS {
        return Captions::None;
    }
    if words == 0 {
        return Captions::Separator;
    }
    let Some(first) = tokens.get(line.start) else {
        return Captions::Separator;
    };
    let last = &tokens[line.end - 1];
    let Ok(line_text) = std::str::from_utf8(&text[first.start - base..last.end - base]) else {
        return Captions::None;
    };
    for cell in split_cells(line_text) {
        // More phrases than a header has columns: prose, not captions.
        if !phrases(cell, phrases_out) || phrases_out.len() > MAX_COLUMNS {
            return Captions::None;
        }
    }
    Captions::Phrases
}

/// The cells of a line's text: split at `|`, `;`, tabs and runs of two or
/// more spaces.
fn split_cells(line: &str) -> impl Iterator<Item = &str> {
    line.split(['|', ';', '\t'])
        .flat_map(|cell| cell.split("  "))
        .map(str::trim)
        .filter(|cell| !cell.is_empty() && !cell.chars().all(|c| c == '-' || c == ':'))
}

/// A header flattened before a row's label on one line (`SCRIP PRICE
/// HIGH LOW CHANGE VOLUME KEL 3.28 …`): the header, and the token where
/// the row's label starts.
fn flattened_header(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    record: &Record,
    found: &mut Vec<Phrase>,
) -> Option<(Header, usize)> {
    let label = record.label.clone();
    if label.len() < 3 {
        return None;
    }
    // The row's label is the last run of words the vocabulary does not
    // know; the captions come before it.
    let mut row_start = label.end;
    while row_start > label.start {
        // A token that is no word (a parenthesis closing a code, a
        // number) ends it before the vocabulary is asked.
        let token = &tokens[row_start - 1];
        if token.word().is_none_or(|w| w.is_caption()) {
            break;
        }
        row_start -= 1;
    }
    if row_start == label.start || row_start == label.end {
        return None;
    }
    let first = &tokens[label.start];
    let last = &tokens[row_start - 1];
    let head = std::str::from_utf8(&text[first.start - base..last.end - base]).ok()?;
    found.clear();
    if !phrases(head, found) {
        return None;
    }
    let header = header_of(found)?;
    Some((header, row_start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::NumberStyle;
    use crate::records::records;
    use crate::token::{Lexer, Tokens};

    pub(super) fn read(text: &str, style: NumberStyle) -> (Tokens, Vec<Record>, Blocks) {
        let lexer = Lexer {
            style,
            symbols: None,
        };
        let mut tokens = Tokens::default();
        lexer.read(text.as_bytes(), 0, &mut tokens);
        let mut recs = Vec::new();
        records(&tokens, text.as_bytes(), 0, &mut recs);
        let mut out = Blocks::default();
        blocks(&tokens.tokens, text.as_bytes(), 0, &recs, &mut out);
        (tokens, recs, out)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8192))]

        /// The lexer's line ends, which the engine gives [`blocks_of`],
        /// are the line end tokens [`blocks`] finds for the tests.
        #[test]
        fn lexed_line_ends_are_the_line_tokens(
            text in "([A-Z]{0,3}[0-9.]{0,3}[ |\t]{0,2}(\n|\r\n|\r|\u{2028})?){0,30}",
        ) {
            let lexer = Lexer { style: NumberStyle::Dot, symbols: None };
            let mut tokens = Tokens::default();
            lexer.read(text.as_bytes(), 0, &mut tokens);
            let found: Vec<usize> = (0..tokens.tokens.len())
                .filter(|&i| matches!(tokens.tokens[i].kind, Kind::Line))
                .collect();
            proptest::prop_assert_eq!(&tokens.lines, &found);
        }

        /// [`caption_words`] splits ASCII cells as
        /// [`caption_words_in_full`] does.
        #[test]
        fn ascii_caption_words_split_as_in_full(
            cell in "([a-cA-C0-9%()+:/-]{0,4}[ \t\n\x0b\x0c\r/:]{0,2}){0,60}",
        ) {
            let (mut fast, mut full) = (CaptionWords::new(), CaptionWords::new());
            let fits = caption_words(&cell, &mut fast);
            proptest::prop_assert_eq!(fits, caption_words_in_full(&cell, &mut full));
            proptest::prop_assert_eq!(fast, full);
        }
    }

    #[test]
    fn pipe_headers_name_the_value_columns() {
        let text = "| Name | Prev. Close | Last | High | Low | Chg | Chg % | Time |\n\
                    |---|---|---|---|---|---|---|---|\n\
                    | Alpha Steel | 47.60 | 47.90 | 48.55 | 47.40 | +0.30 | +0.63% | 15:59 |\n\
                    | Nordbank | 14.80 | 14.62 | 14.95 | 14.51 | -0.18 | -1.22% | 15:59 |\n";
        let (_, recs, out) = read(text, NumberStyle::Dot);
        assert_eq!(recs.iter().filter(|r| r.values).count(), 2);
        assert_eq!(out.blocks.len(), 1);
        let header = &out.headers[out.blocks[0].header.unwrap()];
        use Role::*;
        assert_eq!(
            header.values[..],
            [
                PreviousClose,
                Price,
                Ignored,
                Ignored,
                Change,
                Percent,
                Ignored
            ]
        );
        assert!(!header.refuses);
    }

    #[test]
    fn one_caption_a_line_makes_a_header() {
        let text =
            "Name\n|\nLast\n|\nChg\n|\nChg %\n|\nHalden Foods\n|\n18.09\n|\n+0.30\n|\n+1.69%\n";
        let (_, recs, out) = read(text, NumberStyle::Dot);
        let quote = recs.iter().position(|r| !r.body.is_empty()).unwrap();
        let block = &out.blocks[out.of_record[quote]];
        let header = &out.headers[block.header.unwrap()];
        assert_eq!(
            header.values[..],
            [Role::Price, Role::Change, Role::Percent]
        );
    }

    #[test]
    fn flattened_headers_stand_before_the_first_rows_label() {
        let text = "SCRIP PRICE HIGH LOW CHANGE VOLUME KEL 3.28 3.42 3.01 0.29 83,163,817 \
                    PRL 17.44 17.58 16.92 0.6 37,666,822";
        let (tokens, recs, out) = read(text, NumberStyle::Dot);
        assert_eq!(out.blocks.len(), 1);
        assert_eq!(out.blocks[0].len(), 2);
        let header = &out.headers[out.blocks[0].header.unwrap()];
        use Role::*;
        assert_eq!(
            header.values[..],
            [Price, Ignored, Ignored, Change, Ignored]
        );
        let label = out.label_starts[0].unwrap();
        assert_eq!(&text[tokens.tokens[label].span()], "KEL");
        assert_eq!(out.label_starts[1], None);
        assert_eq!(recs.len(), 2);
    }

    #[test]
    fn periods_and_missing_prices_refuse_their_rows() {
        let text = "| Year | Closing level | Change | Change % |\n| 2023 | 7,543.18 | +1,069.06 | +16.51% |";
        let (_, _, out) = read(text, NumberStyle::Dot);
        assert!(out.headers[0].refuses);
        let text = "| Term | WIBID | WIBOR | Date |\n| ON | 4.06% | 4.36% | 2025-11-21 |";
        let (_, _, out) = read(text, NumberStyle::Dot);
        assert!(out.headers.is_empty());
    }

    #[test]
    fn shapes_group_rows_and_strips() {
        let text = "Orion Pharma 88.15 88.40 86.95 +1.05 +1.21%\n\
                    Vesta Motors 52.75 52.90 51.95 +0.65 +1.2%\n\
                    Bank of Lumen (BLMN) 12.40 +0.22 +1.81%";
        let (_, _, out) = read(text, NumberStyle::Dot);
        let sizes: Vec<usize> = out.blocks.iter().map(Block::len).collect();
        assert_eq!(sizes, [2, 1]);
    }

    #[test]
    fn packed_kinds_group_as_compared_kinds() {
        // Blocks compare the kinds the records stage packed; they must
        // group as comparing each row's tokens with the first's does.
        let text = "AGL40.13▲ 0.12 (0.00%)BOP10.34▲ 0.22 (0.02%)KEL6.34▼ -0.06 (-0.01%)                    NBP74.82 1.16DCL10.21 0.06PTC27.21 -0.18 2024-01-02                    FFL15.02▲ 0.12 (0.01%)";
        let (tokens, records, out) = read(text, NumberStyle::Dot);
        let sizes: Vec<usize> = out.blocks.iter().map(Block::len).collect();
        assert_eq!(sizes, [3, 3, 1]);
        for block in &out.blocks {
            let members = &out.members[block.members.clone()];
            let first = &records[members[0]];
            for &m in &members[1..] {
                assert!(
                    compared_kinds(&tokens.tokens, first)
                        .eq(compared_kinds(&tokens.tokens, &records[m]))
                );
            }
        }
    }
}
