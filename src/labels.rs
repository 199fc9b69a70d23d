//! The seventh stage: which instrument a record names, with rules of its
//! own ([SPEC 9](crate::formats#reading-by-evidence), stage 7; rules Y
//! and W).
//!
//! The label is the instrument as shown: a ticker (`AGL`, `^GSPC`), a
//! code in parentheses after a name (`Bank of Lumen (BLMN)`: symbol
//! `BLMN`, name `Bank of Lumen`), or a name of a few words. It is never a
//! caption (`Last`, `Previous Close`), a period (`1Y Return`), a month, a
//! time zone, a year, a rank or the tail of a sentence. A label that is
//! not clearly one of these gives no quote: the numbers may be right and
//! the record still wrong.

use std::ops::Range;

use crate::lexical::is_year;
use crate::quote::Label as LabelKind;
use crate::records::{Lead, Record};
use crate::token::{Kind, Token};
use crate::vocabulary::WordClass;

/// Most words in a name (rule W).
pub(crate) const MAX_NAME_WORDS: usize = 6;

/// Most characters in a name (rule W).
pub(crate) const MAX_NAME_CHARS: usize = 40;

/// Fewest digits a symbol of digits alone shows: fewer are a rank.
const MIN_DIGIT_SYMBOL: usize = 3;

/// Lowercase words that may stand inside a name (`Bank of Lumen`,
/// `Banco de Sabadell`).
const PARTICLES: &[&str] = &[
    "of", "and", "de", "la", "le", "du", "der", "des", "di", "da", "del", "van", "von", "y", "e",
    "et", "und", "the", "for",
];

/// A record's label as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The symbol's byte range in the input.
    pub(crate) symbol: Range<usize>,
    /// The name's byte range, where the page shows a name and a code.
    pub(crate) name: Option<Range<usize>>,
    /// Whether the symbol is a ticker or a name.
    pub(crate) kind: LabelKind,
}

/// Why a record's label is no instrument's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Refusal {
    /// There is no label.
    Missing,
    /// More words or characters than a name has.
    TooLong,
    /// Words of a sentence: lowercase words, or words before it on its line.
    Sentence,
    /// A caption, month or time zone: no instrument.
    Caption,
    /// A period other than the day: the change is no day's.
    Period,
    /// A year, a rank or a number.
    Number,
    /// An all-lowercase word that is not glued to its price.
    Lowercase,
    /// One word glued to its price that is no ticker (more than fifteen
    /// characters, rule Y).
    GluedName,
}

impl Refusal {
    /// The refusal's name, for explanations.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Refusal::Missing => "no label",
            Refusal::TooLong => "label too long for a name",
            Refusal::Sentence => "label is the tail of a sentence",
            Refusal::Caption => "label is a caption, month or time zone",
            Refusal::Period => "label names a period other than the day",
            Refusal::Number => "label is a year, a rank or a number",
            Refusal::Lowercase => "label is a lowercase word apart from its price",
            Refusal::GluedName => "a word glued to its price that is no ticker",
        }
    }
}

/// What the table around a record says of its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Table {
    /// A header's ticker column follows its name column: the label ends
    /// with the ticker (`Bitcoin BTC`).
    pub(crate) ticker_last: bool,
    /// The record is a row of a table, whose label cell holds the name as
    /// written (`adidas`).
    pub(crate) row: bool,
}

/// The label of `record`, whose label runs over the tokens `label` and
/// takes the first `digits` numbers of its body (name digits, or a symbol
/// of digits), in `table`. `text` starts at offset `base` of the input.
pub(crate) fn label(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    record: &Record,
    (label, digits): (Range<usize>, usize),
    table: Table,
) -> Result<Label, Refusal> {
    if let Some(found) = one_word(tokens, record, label.clone(), digits, table) {
        return found;
    }
    label_in_full(tokens, text, base, record, (label, digits), table)
}

/// The length in bytes of an ISIN (`DE000A1EWWW0`).
const ISIN_LEN: usize = 12;

/// The label of a record labelled by one plain word and no digits (`AGL`,
/// `Nordbank`, `btc`), the most common label, read from the word's flags
/// alone; `None` for any other label, which [`label_in_full`] reads.
///
/// It skips what cannot apply to such a word: the digits a label takes,
/// an identifier at its end (a word of [`ISIN_LEN`] bytes goes the full
/// way), a `%`, a code in parentheses or after `^` (which need two
/// tokens or more), a ticker column after a name, glued ranks and
/// numbers (a word with a leading digit or no letter goes the full way)
/// and the vocabulary's classes and captions (a word with either goes the
/// full way). What is left, [`label_in_full`] checks in the same order:
/// its length, a sentence's tail, a lowercase word apart from its price,
/// a name glued to its price.
fn one_word(
    tokens: &[Token],
    record: &Record,
    label: Range<usize>,
    digits: usize,
    table: Table,
) -> Option<Result<Label, Refusal>> {
    if digits != 0 || label.len() != 1 {
        return None;
    }
    let token = tokens.get(label.start)?;
    let word = token.word()?;
    if !word.has_letter()
        || word.first_digit()
        || word.class.is_some()
        || word.is_caption()
        || token.end - token.start == ISIN_LEN
    {
        return None;
    }
    if usize::from(word.chars) > MAX_NAME_CHARS {
        return Some(Err(Refusal::TooLong));
    }
    if record.lead == Lead::Words && !word.is_uppercase() {
        return Some(Err(Refusal::Sentence));
    }
    let glued = tokens
        .get(label.end)
        .is_some_and(|t| !t.spaced && t.number().is_some());
    let cell = table.row && record.lead == Lead::Cell;
    if word.is_lowercase() && !glued && !cell {
        return Some(Err(Refusal::Lowercase));
    }
    if !word.is_ticker() && glued {
        return Some(Err(Refusal::GluedName));
    }
    let kind = if word.is_ticker() {
        LabelKind::Ticker
    } else {
        LabelKind::Name
    };
    Some(Ok(Label {
        symbol: token.span(),
        name: None,
        kind,
    }))
}

/// [`label`] read in full, for every label.
fn label_in_full(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    record: &Record,
    (label, digits): (Range<usize>, usize),
    table: Table,
) -> Result<Label, Refusal> {
    let Table {
        ticker_last,
        row: in_table,
    } = table;
    // The tokens that make the label: its run, and the digits it takes.
    let taken = record
        .body
        .clone()
        .filter(|&i| tokens[i].number().is_some())
        .take(digits)
        .last();
    let end = match taken {
        Some(last) => last + 1,
        None => label.end,
    };
    let start = if label.is_empty() {
        record.body.start
    } else {
        label.start
    };
    if start >= end {
        return Err(Refusal::Missing);
    }
    let span = tokens[start].start..tokens[end - 1].end;
    let bytes = |range: &Range<usize>| &text[range.start - base..range.end - base];
    // A symbol of digits alone.
    if label.is_empty() {
        let whole = std::str::from_utf8(bytes(&span)).map_err(|_| Refusal::Missing)?;
        let digits_only = whole.bytes().all(|b| b.is_ascii_digit());
        if !digits_only || whole.len() < MIN_DIGIT_SYMBOL || is_year(whole) {
            return Err(Refusal::Number);
        }
        if !matches!(record.lead, Lead::Cell | Lead::Record) {
            return Err(Refusal::Sentence);
        }
        return Ok(Label {
            symbol: span,
            name: None,
            kind: LabelKind::Ticker,
        });
    }
    let mut words = (start..end)
        .rev()
        .filter(|&i| matches!(tokens[i].kind, Kind::Word(_) | Kind::Number(_)));
    // An identifier at the end (`DE000A1EWWW0`, `WKN 716563`) is no
    // symbol: the name before it is.
    let mut last_word = end;
    if let Some(last) = words.next() {
        let text_of = |i: usize| bytes(&tokens[i].span());
        if is_isin(text_of(last)) {
            last_word = last;
        } else if let Some(before) = words
            .next()
            .filter(|&i| text_of(i).eq_ignore_ascii_case(b"wkn"))
        {
            last_word = before;
        }
    }
    let end = if last_word < end {
        // Back over punctuation before the identifier.
        (start..last_word)
            .rev()
            .find(|&i| {
                matches!(
                    tokens[i].kind,
                    Kind::Word(_) | Kind::Number(_) | Kind::Close
                )
            })
            .map_or(start, |i| i + 1)
    } else {
        end
    };
    if start >= end {
        return Err(Refusal::Missing);
    }
    let span = tokens[start].start..tokens[end - 1].end;
    // A caption of a percent (`Change (%)`) labels no instrument.
    if tokens[start..end]
        .iter()
        .any(|t| matches!(t.kind, Kind::Percent))
    {
        return Err(Refusal::Caption);
    }
    // A code in parentheses at the end: `Bank of Lumen (BLMN)`,
    // `Bitcoin (CRYPTO: BTC)`.
    if matches!(tokens[end - 1].kind, Kind::Close) {
        if let Some(found) = code_in_parentheses(tokens, text, base, start..end) {
            return Ok(found);
        }
    }
    // A `^` or `.` code after a name: `S&P/TSX Composite Index ^TSX`.
    if let Some(found) = prefixed_code(tokens, text, base, start..end) {
        return Ok(found);
    }
    check_words(tokens, text, base, record, start..end, in_table)?;
    // A header's ticker column after its name column: the last word is the
    // ticker (`Bitcoin BTC`).
    if ticker_last && end - start >= 2 {
        let last = end - 1;
        let name_end = (start..last)
            .rev()
            .find(|&i| tokens[i].word().is_some())
            .map(|i| i + 1);
        if let (Some(word), Some(name_end)) = (tokens[last].word(), name_end) {
            if word.is_ticker() && tokens[last].spaced {
                return Ok(Label {
                    symbol: tokens[last].span(),
                    name: Some(tokens[start].start..tokens[name_end - 1].end),
                    kind: LabelKind::Ticker,
                });
            }
        }
    }
    let kind = match end - start {
        // A ticker, or a code of digits (`0005`).
        1 if tokens[start]
            .word()
            .is_some_and(|w| w.is_ticker() || !w.has_letter()) =>
        {
            LabelKind::Ticker
        }
        _ => LabelKind::Name,
    };
    // One word glued to its price is a ticker's place: a word too long
    // for one is none (`ABCDEFGHIJKLMNOP40.13`). A name of several words
    // a widget glued to its price stays one (`Tasman 20 Index7,477.500`).
    let glued = tokens
        .get(end)
        .is_some_and(|t| !t.spaced && t.number().is_some());
    if kind == LabelKind::Name && glued && end - start == 1 {
        return Err(Refusal::GluedName);
    }
    Ok(Label {
        symbol: span,
        name: None,
        kind,
    })
}

/// The rules a label's words must keep: a name of one to six words, at
/// most 40 characters, no sentence, no caption, no period.
fn check_words(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    record: &Record,
    range: Range<usize>,
    in_table: bool,
) -> Result<(), Refusal> {
    let word_bytes = |i: usize| {
        let t = &tokens[i];
        &text[t.start - base..t.end - base]
    };
    let word_text = |i: usize| std::str::from_utf8(word_bytes(i)).unwrap_or_default();
    let mut words = 0;
    let mut captions = 0;
    let mut depth = 0usize;
    let first = range.start;
    // The label's characters: a word's own count, or its text's.
    let chars = || match (range.len(), tokens[first].word()) {
        (1, Some(word)) => usize::from(word.chars),
        _ => {
            std::str::from_utf8(&text[tokens[first].start - base..tokens[range.end - 1].end - base])
                .map_or(usize::MAX, |s| s.chars().count())
        }
    };
    for i in range.clone() {
        match &tokens[i].kind {
            Kind::Open => depth += 1,
            Kind::Close => depth = depth.saturating_sub(1),
            Kind::Word(word) => {
                if depth > 0 {
                    continue;
                }
                words += 1;
                let bytes = word_bytes(i);
                match word.class {
                    Some(WordClass::Period) => return Err(Refusal::Period),
                    Some(
                        WordClass::Field
                        | WordClass::Month
                        | WordClass::Zone
                        | WordClass::Joiner
                        | WordClass::Unit
                        | WordClass::Identifier,
                    ) => {
                        captions += 1;
                    }
                    None if word.is_caption() => {
                        captions += 1;
                    }
                    None => {}
                }
                // A rank glued to a name (`1Bitcoin`) is no name's word.
                if word.first_digit() && glued_rank(word_text(i)) {
                    return Err(Refusal::Number);
                }
                let lowercase = word.is_lowercase();
                if lowercase && words > 1 && !PARTICLES.iter().any(|p| p.as_bytes() == bytes) {
                    return Err(Refusal::Sentence);
                }
                if lowercase && words == 1 && range.len() > 1 {
                    return Err(Refusal::Sentence);
                }
            }
            Kind::Number(_) if depth == 0 => words += 1,
            _ => {}
        }
    }
    if words == 0 {
        return Err(Refusal::Missing);
    }
    if words > MAX_NAME_WORDS || chars() > MAX_NAME_CHARS {
        return Err(Refusal::TooLong);
    }
    if captions == words {
        return Err(Refusal::Caption);
    }
    if record.lead == Lead::Words
        && !(words == 1 && tokens[first].word().is_some_and(|w| w.is_uppercase()))
    {
        return Err(Refusal::Sentence);
    }
    // One lowercase word is a symbol only glued to its price (`btc$71.4k`).
    if words == 1 {
        if let Some(word) = tokens[first].word() {
            let glued = tokens
                .get(range.end)
                .is_some_and(|t| !t.spaced && t.number().is_some());
            // A table's label cell holds the name as written (`adidas`).
            let cell = in_table && record.lead == Lead::Cell;
            if word.is_lowercase() && !glued && !cell {
                return Err(Refusal::Lowercase);
            }
            // A code of digits with a leading zero (`0005`) is a symbol.
            let code = word_bytes(first);
            let digit_code = code.len() >= MIN_DIGIT_SYMBOL && code.iter().all(u8::is_ascii_digit);
            if !word.has_letter() && (!digit_code || is_year(word_text(first))) {
                return Err(Refusal::Number);
            }
        } else {
            let digits = word_text(first);
            if is_year(digits) || digits.len() < MIN_DIGIT_SYMBOL {
                return Err(Refusal::Number);
            }
        }
    }
    Ok(())
}

/// A code with a leading `^` or `.` closing a label over `range`, after a
/// name: the code is the symbol, the words before it the name.
fn prefixed_code(tokens: &[Token], text: &[u8], base: usize, range: Range<usize>) -> Option<Label> {
    let last = range.end - 1;
    let code = &text[tokens[last].start - base..tokens[last].end - base];
    let prefixed = matches!(code.first(), Some(b'^' | b'.'))
        && tokens[last]
            .word()
            .is_some_and(|w| w.is_ticker() && !w.has_lower())
        && tokens[last].spaced;
    if !prefixed || last == range.start {
        return None;
    }
    let name_end = (range.start..last)
        .rev()
        .find(|&i| !matches!(tokens[i].kind, Kind::Cell))?
        + 1;
    let first = tokens[range.start].word()?;
    if first.is_lowercase() {
        return None;
    }
    Some(Label {
        symbol: tokens[last].span(),
        name: Some(tokens[range.start].start..tokens[name_end - 1].end),
        kind: LabelKind::Ticker,
    })
}

/// Whether a word is digits glued to a capitalised word of three letters
/// or more (`9Polkadot`, `8USD`): a rank before a name, as tables
/// flattened without spaces show them.
fn glued_rank(word: &str) -> bool {
    let letters = word.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = word.len() - letters.len();
    let alphabetic = letters.chars().all(char::is_alphabetic);
    // `3M` is a ticker; `1Bitcoin` and `8USD` are ranks before names.
    digits > 0
        && alphabetic
        && letters.chars().count() >= 3
        && letters.starts_with(char::is_uppercase)
}

/// A code in parentheses closing a label over `range`: its symbol is the
/// code (after a `CRYPTO:`-style prefix), its name the words before.
fn code_in_parentheses(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    range: Range<usize>,
) -> Option<Label> {
    let close = range.end - 1;
    let open = (range.start..close)
        .rev()
        .find(|&i| matches!(tokens[i].kind, Kind::Open))?;
    if open == range.start {
        return None;
    }
    // The code: the last word inside, a ticker in capitals.
    let inside = open + 1..close;
    let code = inside.clone().last()?;
    let word = tokens[code].word()?;
    let prefix_ok = inside.len() == 1
        || inside.len() == 3
            && tokens[inside.start]
                .word()
                .is_some_and(|w| w.is_uppercase())
            && matches!(tokens[inside.start + 1].kind, Kind::Colon);
    if !word.is_ticker() || word.has_lower() || !prefix_ok {
        return None;
    }
    let name_end = (range.start..open)
        .rev()
        .find(|&i| !matches!(tokens[i].kind, Kind::Cell))?
        + 1;
    let name = tokens[range.start].start..tokens[name_end - 1].end;
    let name_text = std::str::from_utf8(&text[name.start - base..name.end - base]).ok()?;
    if name_text.chars().count() > MAX_NAME_CHARS
        || tokens[range.start].word().is_some_and(|w| w.is_lowercase())
    {
        return None;
    }
    Some(Label {
        symbol: tokens[code].span(),
        name: Some(name),
        kind: LabelKind::Ticker,
    })
}

/// Whether `word` is an ISIN: two capital letters, nine letters or
/// digits, and a check digit.
fn is_isin(b: &[u8]) -> bool {
    b.len() == ISIN_LEN
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..11]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b[11].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::lexed_records;

    /// The label of the first record with values in `text`: `symbol`, or
    /// `symbol/name`, or the refusal.
    fn label_of(text: &str) -> Result<String, Refusal> {
        let (tokens, recs) = lexed_records(text);
        let record = recs
            .iter()
            .find(|r| r.body.clone().any(|i| tokens.tokens[i].number().is_some()))
            .unwrap();
        let digits = usize::from(record.name_digits);
        let found = label(
            &tokens.tokens,
            text.as_bytes(),
            0,
            record,
            (record.label.clone(), digits),
            Table::default(),
        )?;
        let symbol = &text[found.symbol];
        Ok(match found.name {
            Some(name) => format!("{symbol}/{}", &text[name]),
            None => symbol.to_string(),
        })
    }

    #[test]
    fn tickers_names_and_codes() {
        assert_eq!(label_of("AGL40.13▲ 0.12 (0.00%)"), Ok("AGL".into()));
        assert_eq!(
            label_of("CAC 40 7,388.64 -21.37 (-0.29%)"),
            Ok("CAC 40".into())
        );
        assert_eq!(
            label_of("Bank of Lumen (BLMN) 12.40 +0.22 +1.81%"),
            Ok("BLMN/Bank of Lumen".into())
        );
        assert_eq!(
            label_of("Bitcoin (CRYPTO: BTC) +1.40% $92,081.10"),
            Ok("BTC/Bitcoin".into())
        );
        assert_eq!(
            label_of("adidas DE000A1EWWW0 | 219,90 |"),
            Err(Refusal::Lowercase)
        );
        assert_eq!(
            label_of("1Bitcoin BTC$32,576.64-7.41%"),
            Err(Refusal::Number)
        );
        assert_eq!(
            label_of("Airbus DE000A1EWWW0 | 219.90 +1.2% |"),
            Ok("Airbus".into())
        );
        assert_eq!(
            label_of("BMW WKN 519000 | 79,260 EUR | +2,80 % |"),
            Ok("BMW".into())
        );
        assert_eq!(label_of("btc$71.4k+1.2%"), Ok("btc".into()));
        assert_eq!(label_of("555 7.120000 0.33"), Ok("555".into()));
    }

    /// Label pieces, values and separators, for pages of every kind of
    /// label.
    const PIECES: &[&str] = &[
        "AGL",
        "btc",
        "Nordbank",
        "Bank",
        "of",
        "Lumen",
        "(BLMN)",
        "40.13",
        "+0.12",
        "(0.00%)",
        "▲",
        "40",
        "2024",
        "555",
        "0005",
        "Last",
        "Chg",
        "Vol",
        "Jan",
        "EST",
        "1Y",
        "1Bitcoin",
        "DE000A1EWWW0",
        "ABCDEFGHIJKL",
        "Abcdefghijkl",
        "up",
        "to close at",
        "^TSX",
        "S&P/TSX",
        "Averyveryverylongnamethatgoesonforeverandever",
        "the",
        "WKN",
        "519000",
        "Münchener",
        "%",
        "ÉTÉ",
        "abcdefghijklmnopq",
        "ABCDEFGHIJKLMNOPQ",
        "a",
    ];

    /// Separators between pieces: glued, spaced, cells, lines, colons.
    const SEPARATORS: &[&str] = &["", " ", "  ", " | ", "\n", ": ", " the "];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// [`one_word`] reads every label it reads as [`label_in_full`]
        /// does.
        #[test]
        fn one_word_reads_as_the_full_way(
            parts in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::sample::select(SEPARATORS)),
                1..10,
            ),
        ) {
            let text: String = parts.iter().map(|(p, s)| format!("{p}{s}")).collect();
            let (tokens, recs) = lexed_records(&text);
            for record in &recs {
                for digits in 0..=usize::from(record.name_digits) + 1 {
                    for (ticker_last, row) in [(false, false), (true, false), (false, true), (true, true)] {
                        let table = Table { ticker_last, row };
                        let range = (record.label.clone(), digits);
                        let fast = label(&tokens.tokens, text.as_bytes(), 0, record, range.clone(), table);
                        let full = label_in_full(&tokens.tokens, text.as_bytes(), 0, record, range, table);
                        proptest::prop_assert_eq!(fast, full, "{:?}", text);
                    }
                }
            }
        }
    }

    #[test]
    fn captions_periods_sentences_and_numbers_are_refused() {
        assert_eq!(
            label_of("Last Value 977.51 +0.78 (+0.08%)"),
            Err(Refusal::Caption)
        );
        assert_eq!(label_of("1Y Return 9.81%"), Err(Refusal::Period));
        assert_eq!(
            label_of("The index gained 131.40 (+0.61%)"),
            Err(Refusal::Sentence)
        );
        assert_eq!(
            label_of("Dow industrial average up 142 points"),
            Err(Refusal::Sentence)
        );
        assert!(label_of("eth 3200 +0.4%").is_err());
        assert_eq!(label_of("12 7.120000 0.33"), Err(Refusal::Number));
        assert_eq!(label_of("2024 41.20 +0.50 (+1.23%)"), Err(Refusal::Number));
    }
}
