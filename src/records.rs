//! The second stage: tokens grouped into records, a label followed by its
//! values ([SPEC 9](crate::formats#reading-by-evidence), stage 2).
//!
//! A record is a run of label tokens (words, name digits, a code in
//! parentheses) and the run of value tokens after it (numbers, markers,
//! the words that join fields: `up`, `to close at`, `points`). A line of
//! values alone continues the record above it when that record's label
//! stood alone on its line (one field a line, widgets that wrap). The
//! stage says where records are and what stands around them; which of
//! their numbers is a price, and whether their label is one, is for the
//! stages after it.

use std::ops::Range;

use crate::blocks::{Kinds, ValueKind};
use crate::token::{Kind, PercentMark, Token, Tokens, Word};
use crate::vocabulary::WordClass;

/// The most blank lines between a label and the values below it.
const MAX_BLANK_LINES: usize = 2;

/// A label and its values, as token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// The label's tokens; empty for values with no label before them.
    pub(crate) label: Range<usize>,
    /// The tokens from the first value to the last: numbers, markers,
    /// joining words, and the separators and dates between them.
    pub(crate) body: Range<usize>,
    /// How many bare integers at the start of the body the label may take
    /// as its own (`CAC 40 7,388.64`: `40`; `555 7.12 0.33`: `555`).
    pub(crate) name_digits: u8,
    /// What stands before the label on its line.
    pub(crate) lead: Lead,
    /// What follows the body on its last line.
    pub(crate) tail: Tail,
    /// Whether a `:` or `=` ends the label (`FTSE 100: 8,140.55`).
    pub(crate) colon: bool,
    /// Whether the label stands alone on its line and the values follow
    /// on the lines below.
    pub(crate) vertical: bool,
    /// The index of the line the record starts on, counted in the tokens.
    pub(crate) line: usize,
    /// Whether its body holds a value: a number, a marker, or letters
    /// and digits glued more than one way.
    pub(crate) values: bool,
    /// The kinds of its values that blocks compare, the digits its label
    /// may take aside.
    pub(crate) kinds: Kinds,
    /// Whether its body holds none of the tokens the judge refuses as
    /// stray text inside a quote (`judge::stray`): no lone sign or `%`,
    /// no invisible character or invalid bytes, no parenthesis apart from
    /// a number's, no number rule N refuses, and no glyph marker right
    /// after another. `false` says nothing: such a token may be there.
    pub(crate) stray_free: bool,
}

impl Record {
    /// The record's whole token range, label and body.
    pub(crate) fn tokens(&self) -> Range<usize> {
        let start = if self.label.is_empty() {
            self.body.start
        } else {
            self.label.start
        };
        start..self.body.end
    }
}

/// What stands before a record's label on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lead {
    /// Nothing: the start of a line or of the input, or a cell separator.
    Cell,
    /// The end of the record before it, with nothing between
    /// (`…(0.00%)AIRLINK189.43`) or only white space.
    Record,
    /// Words that are no label of values: the record's label may be the
    /// tail of a sentence.
    Words,
    /// Other text: a date, punctuation.
    Other,
}

/// What follows a record's values on their line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tail {
    /// The end of the line, perhaps after separators or a date or time.
    End,
    /// Another record with values.
    Record,
    /// Words with no values: a table row's cells (a link, a note), or
    /// prose.
    Words,
}

/// How a token stands in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// It may belong to a label.
    Label,
    /// A value or marker.
    Value,
    /// A word that joins values and starts no label.
    Joiner,
    /// A separator of cells, a line end, a date: it ends a label run.
    Break,
    /// Punctuation between values.
    Other,
}

/// The role of `tokens[i]` in a record's text, before context.
fn role(tokens: &[Token], i: usize) -> Role {
    let token = &tokens[i];
    match token.kind {
        Kind::Word(word) => word_role(word),
        Kind::Number(_) | Kind::Marker { .. } | Kind::Ambiguous { .. } => Role::Value,
        Kind::Cell | Kind::Line | Kind::Date | Kind::Colon | Kind::Invisible | Kind::Invalid => {
            Role::Break
        }
        Kind::Open | Kind::Close | Kind::Sign | Kind::Percent | Kind::Punct => Role::Other,
    }
}

/// The role of a word: a joiner, or part of a label.
fn word_role(word: Word) -> Role {
    match word.class {
        // Capitalised, `Close` and `Points` are captions, no joiners.
        Some(WordClass::Joiner | WordClass::Unit) if !word.has_upper() => Role::Joiner,
        _ => Role::Label,
    }
}

/// Whether `tokens[i]`, punctuation, may stand inside a label: `&`,
/// `.`, `'`, `/`, `-`, `®`, `*` glued to a word or between words, and
/// parentheses around a code.
fn label_punct(tokens: &[Token], text: &[u8], base: usize, i: usize) -> bool {
    let token = &tokens[i];
    match token.kind {
        Kind::Open | Kind::Close => true,
        Kind::Sign => true,
        Kind::Punct => matches!(
            &text[token.start - base..token.end - base],
            b"&" | b"." | b"'" | b"/" | b"\xc2\xae" | b"*" | b"\xe2\x80\x99" | b"+"
        ),
        _ => false,
    }
}

/// Groups `tokens` (read from `text`, which starts at offset `base`) into
/// records, appended to `out`.
pub(crate) fn records(read: &Tokens, text: &[u8], base: usize, out: &mut Vec<Record>) {
    let tokens = &read.tokens[..];
    let lines = read.line_count();
    let mut line_index = 0;
    while line_index < lines {
        let line = read.line(line_index);
        let first = out.len();
        split_line(tokens, text, base, line.clone(), line_index, out);
        // A label alone on its line, or with prices only, takes the lines
        // of values below it (one field a line, widgets that wrap).
        let mut next = line_index + 1;
        // Not a field's caption and its value (`Vol 500`): a pair of its
        // own.
        let caption = |r: &Record| {
            tokens[r.label.clone()]
                .iter()
                .all(|t| t.word().is_some_and(|w| w.class == Some(WordClass::Field)))
        };
        let takes_lines = out.len() == first + 1
            && out
                .last()
                .is_some_and(|r| !r.label.is_empty() && !has_change(tokens, r) && !caption(r));
        if takes_lines {
            let mut blank = 0;
            let mut scan = line_index + 1;
            while scan < lines {
                match line_kind(tokens, read.line(scan)) {
                    LineKind::Blank if blank < MAX_BLANK_LINES => blank += 1,
                    LineKind::Values => {
                        let record = out.last_mut().expect("the label's record");
                        let end = last_content(tokens, read.line(scan)).unwrap_or(record.body.end);
                        if !has_values(tokens, record) {
                            record.body.start =
                                first_content(tokens, read.line(scan)).unwrap_or(record.body.start);
                        }
                        record.body.end = end;
                        record.vertical = true;
                        blank = 0;
                        next = scan + 1;
                    }
                    _ => break,
                }
                scan += 1;
            }
            if let Some(record) = out.last_mut() {
                if record.vertical {
                    record.tail = Tail::End;
                    // Its body took lines the flag was not read from.
                    record.stray_free = false;
                    record.values = has_values(tokens, record);
                    record.kinds = Kinds::of(tokens, record);
                }
            }
        }
        line_index = next;
    }
}

/// Whether a record's body holds what only a change or percent shows: a
/// marker, a sign or a percent.
fn has_change(tokens: &[Token], record: &Record) -> bool {
    tokens[record.body.clone()].iter().any(|t| match &t.kind {
        Kind::Marker { .. } => true,
        Kind::Number(n) => n.sign.is_some() || n.percent != crate::token::PercentMark::None,
        _ => false,
    })
}

/// Whether a record's body holds a value.
fn has_values(tokens: &[Token], record: &Record) -> bool {
    tokens[record.body.clone()].iter().any(|t| {
        matches!(
            t.kind,
            Kind::Number(_) | Kind::Marker { .. } | Kind::Ambiguous { .. }
        )
    })
}

/// What a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// Nothing but separators.
    Blank,
    /// Values, markers and joining words, but no label.
    Values,
    /// Anything else.
    Text,
}

fn line_kind(tokens: &[Token], line: Range<usize>) -> LineKind {
    let mut values = false;
    let start = line.start;
    for i in line {
        match role(tokens, i) {
            Role::Label if currency_prefix(tokens, i, start) => {}
            Role::Label => return LineKind::Text,
            Role::Value => values = true,
            Role::Joiner | Role::Other => {}
            Role::Break => {
                if matches!(tokens[i].kind, Kind::Date) {
                    values = true;
                }
            }
        }
    }
    if values {
        LineKind::Values
    } else {
        LineKind::Blank
    }
}

/// The first token of a line that is no cell separator.
fn first_content(tokens: &[Token], line: Range<usize>) -> Option<usize> {
    line.into_iter()
        .find(|&i| !matches!(tokens[i].kind, Kind::Cell))
}

/// The index just past the last token of a line that is no cell separator.
fn last_content(tokens: &[Token], line: Range<usize>) -> Option<usize> {
    line.into_iter()
        .rev()
        .find(|&i| !matches!(tokens[i].kind, Kind::Cell))
        .map(|i| i + 1)
}

/// Splits one line's tokens into records.
fn split_line(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    line: Range<usize>,
    line_index: usize,
    out: &mut Vec<Record>,
) {
    let mut i = line.start;
    let mut lead = Lead::Cell;
    let first_record = out.len();
    while i < line.end {
        // Separators before a label: a cell boundary.
        if matches!(tokens[i].kind, Kind::Cell) || matches!(tokens[i].kind, Kind::Invisible) {
            lead = Lead::Cell;
            i += 1;
            continue;
        }
        let label_start = i;
        let mut label_end = i;
        let mut depth = 0usize;
        // Where the label ended before an open parenthesis, to go back to
        // when it is never closed.
        let mut before_open = label_start;
        // The label run: words, name digits, label punctuation.
        while i < line.end {
            let token = &tokens[i];
            // A word of a label, the most common token here, continues it
            // at any depth, and is no joiner to take back.
            if let Kind::Word(word) = token.kind {
                if word_role(word) == Role::Label {
                    i += 1;
                    label_end = i;
                    continue;
                }
            }
            let in_parens = depth > 0
                && !matches!(token.kind, Kind::Open | Kind::Close)
                && !token.number().is_some_and(|n| n.is_marked());
            let token_role = role(tokens, i);
            let continues = in_parens
                || match token_role {
                    Role::Label => true,
                    Role::Joiner => label_end > label_start,
                    Role::Other => {
                        label_punct(tokens, text, base, i) && {
                            match token.kind {
                                Kind::Open if label_end > label_start => {
                                    if depth == 0 {
                                        before_open = label_end;
                                    }
                                    depth += 1;
                                    true
                                }
                                Kind::Open => false,
                                Kind::Close => {
                                    depth > 0 && {
                                        depth -= 1;
                                        true
                                    }
                                }
                                _ => label_end > label_start,
                            }
                        }
                    }
                    Role::Break => matches!(token.kind, Kind::Colon) && depth > 0,
                    Role::Value => name_digit(tokens, i, label_start, label_end),
                };
            if !continues {
                break;
            }
            i += 1;
            // Joining words and punctuation belong to the label only when
            // more of it follows (`Bank of Lumen`, `S&P/TSX`), or a dot
            // ends an abbreviation (`Vz.`).
            let tentative = matches!(token_role, Role::Joiner)
                || matches!(token.kind, Kind::Punct | Kind::Sign) && depth == 0;
            let glued_word = || {
                tokens
                    .get(i)
                    .is_some_and(|t| !t.spaced && t.word().is_some())
            };
            if !tentative || glued_word() || is_abbreviation_dot(tokens, text, base, i - 1) {
                label_end = i;
            }
        }
        if depth > 0 {
            label_end = before_open;
        }
        // Trailing punctuation the label did not take back is no label's.
        i = label_end.max(label_start);
        // Cells, then a colon or `=` that may end the label, then dates
        // right after a label (`Lisboa 17:35`) stand between it and its
        // values: one look at each.
        let labelled = label_end > label_start;
        let mut colon = false;
        let mut dated = false;
        let mut j = i;
        while j < line.end {
            match tokens[j].kind {
                Kind::Cell => {}
                Kind::Colon if labelled && !colon && !dated => colon = true,
                Kind::Date if labelled => dated = true,
                _ => break,
            }
            j += 1;
        }
        // The body: values, markers, joiners, punctuation and cells, up to
        // the next label.
        let body_start = j;
        let mut body_end = j;
        // The kinds of its values, for blocks to compare: every value
        // scanned lies before the body's end and has a kind.
        let mut kinds = Kinds::default();
        // Whether the tokens scanned hold nothing stray (see
        // `Record::stray_free`; those scanned past the body's end count
        // too, which only leaves the flag unset more often), and where
        // the last glyph marker stood.
        let mut stray_free = true;
        let mut glyph_at = usize::MAX;
        let mut k = j;
        // A field's caption and its value end at the cell after it (`Vol
        // 500 | 786 12.50 …`).
        let caption = label_end > label_start
            && tokens[label_start..label_end]
                .iter()
                .all(|t| t.word().is_some_and(|w| w.class == Some(WordClass::Field)));
        // One look at each token's kind: what `role` gives, with the
        // kind of each value.
        while k < line.end {
            let token = &tokens[k];
            let kind = match token.kind {
                Kind::Number(n) if n.percent != PercentMark::None => {
                    stray_free &= n.refusal().is_none();
                    ValueKind::Percent
                }
                Kind::Number(n) => {
                    stray_free &= n.refusal().is_none();
                    ValueKind::Plain
                }
                Kind::Ambiguous { .. } => ValueKind::Plain,
                Kind::Marker { word, .. } => {
                    if !word {
                        stray_free &= glyph_at.wrapping_add(1) != k;
                        glyph_at = k;
                    }
                    ValueKind::Marker
                }
                Kind::Word(word) => {
                    if word_role(word) == Role::Label {
                        let caption_after_colon = colon
                            && k == body_start
                            && matches!(
                                word.class,
                                Some(WordClass::Joiner | WordClass::Field | WordClass::Unit)
                            );
                        if !currency_prefix(tokens, k, body_start) && !caption_after_colon {
                            break;
                        }
                        body_end = k + 1;
                    }
                    k += 1;
                    continue;
                }
                Kind::Cell if caption && body_end > body_start => break,
                _ => {
                    stray_free &= !matches!(
                        token.kind,
                        Kind::Sign
                            | Kind::Percent
                            | Kind::Invisible
                            | Kind::Invalid
                            | Kind::Open
                            | Kind::Close
                    );
                    k += 1;
                    continue;
                }
            };
            body_end = k + 1;
            kinds.push(kind);
            k += 1;
        }
        // Whether the body holds a value.
        let has_body = !kinds.is_empty();
        if label_end == label_start && !has_body {
            // Neither a label nor values: punctuation, dates. No token
            // before `k`, where the body's scan stopped, starts a label or
            // holds a value, so each would find the same: they are passed
            // at once, and reading stays linear in the line.
            for token in &tokens[label_start..k.max(label_start + 1)] {
                lead = match token.kind {
                    Kind::Cell | Kind::Invisible => Lead::Cell,
                    Kind::Colon
                    | Kind::Date
                    | Kind::Punct
                    | Kind::Open
                    | Kind::Close
                    | Kind::Sign => Lead::Other,
                    _ => lead,
                };
            }
            i = k.max(label_start + 1);
            continue;
        }
        let body = if has_body {
            body_start..body_end
        } else {
            label_end..label_end
        };
        let name_digits = leading_integers(tokens, body.clone(), label_end > label_start);
        // Tails: a record followed on its line by a record without values
        // is followed by words.
        if let Some(before) = out[first_record..].last_mut() {
            before.tail = if has_body { Tail::Record } else { Tail::Words };
        }
        out.push(Record {
            label: label_start..label_end,
            body: body.clone(),
            name_digits,
            lead,
            tail: Tail::End,
            colon,
            vertical: false,
            line: line_index,
            values: has_body,
            // The digits a label takes are the body's first values, all
            // numbers.
            kinds: kinds.skip(name_digits),
            stray_free,
        });
        i = if has_body { body_end } else { label_end };
        lead = if has_body { Lead::Record } else { Lead::Words };
        if i == label_start {
            i += 1;
        }
    }
}

/// Whether the number at `i` is a digit of a name (`Tasman 20 Index`):
/// a bare integer after a label word, followed on the line by another
/// label word with only a space between, by a colon, or by the line's
/// end; or the code after an identifier's caption (`WKN 716563`).
fn name_digit(tokens: &[Token], i: usize, label_start: usize, label_end: usize) -> bool {
    let Some(number) = tokens[i].number() else {
        return false;
    };
    // Only a bare integer is a name's digit: other numbers are asked
    // nothing more.
    if !number.is_bare_integer() || number.is_marked() {
        return false;
    }
    let after_identifier = label_end > label_start
        && tokens[label_end - 1]
            .word()
            .is_some_and(|w| w.class == Some(WordClass::Identifier));
    if after_identifier {
        return true;
    }
    // After a field's caption, a number is its value (`Vol 500`).
    let after_word = label_end > label_start
        && tokens[label_end - 1]
            .word()
            .is_some_and(|w| w.has_letter() && w.class != Some(WordClass::Field))
        && tokens[i].spaced;
    // A word or a label's end after it: a colon, or the line's end.
    let next_word = match tokens.get(i + 1) {
        None => true,
        Some(t) => {
            matches!(t.kind, Kind::Colon | Kind::Line)
                || t.spaced
                    && t.word()
                        .is_some_and(|w| w.has_letter() && w.class.is_none())
        }
    };
    after_word && next_word
}

/// Whether a `.` at `i` ends an abbreviation in a label (`Vz.`, `S.A.`):
/// glued to a word and followed by space or the label's end.
fn is_abbreviation_dot(tokens: &[Token], text: &[u8], base: usize, i: usize) -> bool {
    let token = &tokens[i];
    matches!(token.kind, Kind::Punct)
        && &text[token.start - base..token.end - base] == b"."
        && !token.spaced
        && i > 0
        && tokens[i - 1].word().is_some_and(|w| w.has_letter())
}

/// Whether the word at `k` in a body is a currency or unit prefix glued
/// to the number after it, after a joining word (`at N0.66`).
fn currency_prefix(tokens: &[Token], k: usize, body_start: usize) -> bool {
    let Some(word) = tokens[k].word() else {
        return false;
    };
    if word.chars > 3 || !word.is_uppercase() {
        return false;
    }
    let glued_number = tokens
        .get(k + 1)
        .is_some_and(|t| !t.spaced && t.number().is_some());
    let after_joiner = k > body_start
        && tokens[k - 1]
            .word()
            .is_some_and(|w| w.class == Some(WordClass::Joiner));
    glued_number && after_joiner
}

/// How many bare integers start a body, each followed by another value,
/// that a label may take: for a label, its name's digits (`CAC 40`); for
/// none, a symbol of digits (`555 7.12 0.33`).
fn leading_integers(tokens: &[Token], body: Range<usize>, labelled: bool) -> u8 {
    let mut count = 0u8;
    let mut i = body.start;
    while i + 1 < body.end && count < 2 {
        let Some(number) = tokens[i].number() else {
            break;
        };
        if !number.is_bare_integer() || number.is_marked() {
            break;
        }
        let next_is_value = tokens[i + 1..body.end]
            .iter()
            .find(|t| !matches!(t.kind, Kind::Cell))
            .is_some_and(|t| {
                t.number().is_some() || labelled && matches!(t.kind, Kind::Marker { .. })
            });
        if !next_is_value {
            break;
        }
        if !labelled
            && count == 0
            && !tokens[i + 1].spaced
            && !matches!(tokens[i + 1].kind, Kind::Cell)
        {
            break;
        }
        // A name's digits stand in its cell: `Car & General | 39` is a
        // name and a value; after a field's caption they are its value
        // (`Vol 500`).
        let after_cell = i > 0 && matches!(tokens[i - 1].kind, Kind::Cell);
        let after_field = i > 0
            && tokens[i - 1]
                .word()
                .is_some_and(|w| w.class == Some(WordClass::Field));
        if labelled && (after_cell || after_field || count == 0 && !tokens[i].spaced) {
            break;
        }
        count += 1;
        i += 1;
        if !labelled {
            break;
        }
    }
    count
}

/// The tokens of `text` (dot decimals, no known symbols) and its records:
/// what the stages' tests read.
#[cfg(test)]
pub(crate) fn lexed_records(text: &str) -> (crate::token::Tokens, Vec<Record>) {
    let lexer = crate::token::Lexer {
        style: crate::number::NumberStyle::Dot,
        symbols: None,
    };
    let mut tokens = crate::token::Tokens::default();
    lexer.read(text.as_bytes(), 0, &mut tokens);
    let mut out = Vec::new();
    records(&tokens, text.as_bytes(), 0, &mut out);
    (tokens, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records of `text` as `label|body` strings, with flags.
    fn records_of(text: &str) -> Vec<String> {
        let (tokens, out) = lexed_records(text);
        let span = |range: Range<usize>| {
            if range.is_empty() {
                String::new()
            } else {
                let t = &tokens.tokens;
                text[t[range.start].start..t[range.end - 1].end].to_string()
            }
        };
        out.iter()
            .map(|r| {
                let mut s = format!("{}|{}", span(r.label.clone()), span(r.body.clone()));
                if r.name_digits > 0 {
                    s += &format!(" d{}", r.name_digits);
                }
                if r.vertical {
                    s += " v";
                }
                if r.colon {
                    s += " :";
                }
                match r.tail {
                    Tail::Words => s += " >words",
                    Tail::Record => s += " >record",
                    Tail::End => {}
                }
                match r.lead {
                    Lead::Words => s += " <words",
                    Lead::Other => s += " <other",
                    Lead::Record => s += " <record",
                    Lead::Cell => {}
                }
                s
            })
            .collect()
    }

    /// Labels, values, dates and separators, for pages of every kind of
    /// record.
    const PIECES: &[&str] = &[
        "AGL",
        "Bank of Lumen",
        "(BLMN)",
        "40.13",
        "40",
        "+0.12",
        "-1.5",
        "(0.00%)",
        "+2%",
        "▲",
        "▼",
        "Up",
        "up",
        "to close at",
        "N0.66",
        "2024-01-02",
        "17:35",
        "Vol",
        "Last",
        ":",
        "|",
        "(",
        ")",
        "&",
        ".",
        "1,234.5",
        "555",
        "WKN",
        "519000",
        "\n",
        "\n\n",
        "\n\n\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// What the stage keeps of a record's values as it reads them is
        /// what reading its tokens again finds; a record starts on its
        /// line, and ends on it unless it is vertical.
        #[test]
        fn kept_values_and_kinds_are_read_again(
            parts in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::sample::select(&[" ", "", "  "][..])),
                1..24,
            ),
        ) {
            let text: String = parts.iter().map(|(p, s)| format!("{p}{s}")).collect();
            let (tokens, out) = lexed_records(&text);
            for record in &out {
                proptest::prop_assert_eq!(record.values, has_values(&tokens.tokens, record), "{:?}", text);
                proptest::prop_assert_eq!(record.kinds, Kinds::of(&tokens.tokens, record), "{:?}", text);
                // The engine spans quotes by these lines.
                let range = record.tokens();
                proptest::prop_assert_eq!(tokens.line_of(range.start), record.line, "{:?}", text);
                if !record.vertical {
                    proptest::prop_assert_eq!(tokens.line_of(range.end - 1), record.line, "{:?}", text);
                }
            }
        }
    }

    #[test]
    fn many_values_are_kept_as_unknown_kinds() {
        for values in [31, 32, 33, 40, 80] {
            let long = format!("AGL {}", ["1.5"; 80][..values].join(" "));
            let (tokens, out) = lexed_records(&long);
            assert_eq!(out[0].kinds, Kinds::of(&tokens.tokens, &out[0]));
            assert_eq!(out[0].kinds.known(), values <= 32, "{values}");
        }
        // A name's digits skipped from kinds packed in full.
        let (tokens, out) = lexed_records("CAC 40 7,388.64 -21.37 (-0.29%)");
        assert_eq!(out[0].name_digits, 1);
        assert_eq!(out[0].kinds, Kinds::of(&tokens.tokens, &out[0]));
    }

    #[test]
    fn glued_strip_quotes_are_records_one_after_another() {
        assert_eq!(
            records_of("AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)"),
            [
                "AGL|40.13▲ 0.12 (0.00%) >record",
                "AIRLINK|189.43▲ 1.45 (0.01%) <record"
            ]
        );
    }

    #[test]
    fn names_take_their_digits() {
        assert_eq!(
            records_of("CAC 40 7,388.64 -21.37 (-0.29%)"),
            ["CAC|40 7,388.64 -21.37 (-0.29%) d1"]
        );
        assert_eq!(
            records_of("Tasman 20 Index7,477.50044.580 / 0.60%"),
            ["Tasman 20 Index|7,477.50044.580 / 0.60%"]
        );
        assert_eq!(
            records_of("555 7.120000 0.33 | ABOT 812.000000 -4.10"),
            ["|555 7.120000 0.33 d1 >record", "ABOT|812.000000 -4.10"]
        );
    }

    #[test]
    fn codes_colons_and_joiners() {
        assert_eq!(
            records_of("Bank of Lumen (BLMN) 12.40 +0.22 +1.81%"),
            ["Bank of Lumen (BLMN)|12.40 +0.22 +1.81%"]
        );
        assert_eq!(
            records_of("FTSE 100: 8,203.17 (+0.36%)"),
            ["FTSE 100|8,203.17 (+0.36%) :"]
        );
        assert_eq!(
            records_of("RTBRISCOE up +10.00% to close at N0.66"),
            ["RTBRISCOE|up +10.00% to close at N0.66"]
        );
        assert_eq!(
            records_of("Hallé-Verne S.A. 9.42 +0.11 (+1.18%)"),
            ["Hallé-Verne S.A.|9.42 +0.11 (+1.18%)"]
        );
    }

    #[test]
    fn words_after_values_make_a_tail() {
        assert_eq!(
            records_of("Brent at 82.10 (+0.4%) ahead of the OPEC meeting"),
            [
                "Brent|at 82.10 (+0.4%) >words",
                "ahead of the OPEC meeting| <record"
            ]
        );
    }

    #[test]
    fn labels_alone_on_their_line_take_the_values_below() {
        assert_eq!(
            records_of("XCMP\n27,130.00 -591.63 -2.13%\n\nKey Stats"),
            ["XCMP|27,130.00 -591.63 -2.13% v", "Key Stats|"]
        );
        assert_eq!(
            records_of("Milano 17:35\n44.439 +1,24%\nNasdaq 17:50"),
            ["Milano|44.439 +1,24% v", "Nasdaq|"]
        );
        // Values after words on their line are no values of the label above.
        assert_eq!(
            records_of("MI Indication*\n26,816.59 319.92 (1.21%) Official Close 10/11/2019"),
            [
                "MI Indication|",
                "|26,816.59 319.92 (1.21%) >words",
                "Official Close| <record"
            ]
        );
    }
}
