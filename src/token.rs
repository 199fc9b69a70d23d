//! The first stage: text turned into tokens, each with its span
//! ([SPEC 9](crate::formats#reading-by-evidence), stage 1).
//!
//! The lexer is a set of nom rules, one per kind of token, that all have
//! one shape: `fn(&self, input) -> IResult<input, Kind, ()>`. It knows
//! what text is (a number and its every reading, a word, a marker, a
//! separator, a date) and nothing of what it means: it never decides
//! whether a number is a price or a word a label, and it never fails. Text
//! no rule knows is a [`Kind::Punct`] token; bytes that are not UTF-8 are
//! [`Kind::Invalid`] ones.
//!
//! Tokens hold offsets into the input, not slices of it, so that a reader
//! holding a window of a stream can keep them while the window moves.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use nom::IResult;
use rust_decimal::Decimal;

use crate::lexical::{date_or_time_len, invalid_utf8_len, invisible_len, is_line_end, space_len};
use crate::number::{MAX_SCALE, NumberError, NumberStyle, number, number_like_len};
use crate::quote::{Currency, CurrencyCode, Direction, Magnitude};
use crate::vocabulary::{
    DIRECTION_WORDS, Known, PERCENT_WORDS, WordClass, ascii_known_word, known_word,
};

/// The lexer's input: bytes, UTF-8 where they hold text.
type Input<'a> = &'a [u8];

/// What every rule returns: the rest of the input and what it read, or
/// `()` when the rule does not apply there.
type Lexed<'a, T> = IResult<Input<'a>, T, ()>;

/// Longest ticker, a leading `^` or `.` included (rule Y).
pub(crate) const MAX_SYMBOL: usize = 15;

// Rule G's ambiguous split keeps where its letters end, before
// MAX_SYMBOL, in a byte.
const _: () = assert!(MAX_SYMBOL <= u8::MAX as usize);

/// A token: what a stretch of text is, and where it stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Token {
    /// What the text is.
    pub(crate) kind: Kind,
    /// The first byte's offset in the input.
    pub(crate) start: usize,
    /// The offset just past the last byte.
    pub(crate) end: usize,
    /// Whether horizontal space stands between this token and the one
    /// before it; `false` when they touch (`AGL40.13`) or this token
    /// starts its line or the input.
    pub(crate) spaced: bool,
}

impl Token {
    /// The token's byte range in the input.
    pub(crate) fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The number, if the token is one.
    pub(crate) fn number(&self) -> Option<&Number> {
        match &self.kind {
            Kind::Number(number) => Some(number),
            _ => None,
        }
    }

    /// The range of the number token's digits in the input, separators
    /// included (`1,234.5` of `(-$1,234.5)`), found in the token's bytes
    /// in `text`, which starts at input offset `base` and holds the token.
    pub(crate) fn digits(&self, text: &[u8], base: usize) -> Option<Range<usize>> {
        let number = self.number()?;
        let digits = number.digits_in(&text[self.start - base..self.end - base]);
        Some(self.start + digits.start..self.start + digits.end)
    }

    /// The word, if the token is one.
    pub(crate) fn word(&self) -> Option<&Word> {
        match &self.kind {
            Kind::Word(word) => Some(word),
            _ => None,
        }
    }
}

/// What a token is.
///
/// A byte tag first (`repr(u8)`): without it the compiler hides the tag in
/// a spare value of a number's field, which every stage then pays for in
/// each match on a token's kind.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
pub(crate) enum Kind {
    /// A word: letters of any script and digits, perhaps with `& . - ' /
    /// : = _ ®` inside (`AGL`, `GSE-CI`, `S&P`, `Münchener`, `1Y`).
    Word(Word),
    /// A number with what is shown around it: sign, `%`, parentheses,
    /// currency, magnitude.
    Number(Number),
    /// A direction marker: a glyph (`▲`) or a direction word (`Up`,
    /// `Increased By`).
    Marker {
        /// The direction it marks.
        direction: Direction,
        /// Whether it is a word, not a glyph.
        word: bool,
    },
    /// A date or a time (rule T): `2025-09-26`, `16/10/24`, `17:15:00`.
    Date,
    /// A `(` that opens no number.
    Open,
    /// A `)` that closes no number.
    Close,
    /// A `:` or `=` that may end a label (`FTSE 100:`, `Gold =`).
    Colon,
    /// A `%` with no number before it.
    Percent,
    /// A sign with no digits after it.
    Sign,
    /// A separator between cells: `|`, `;`, `•`, `·`, a tab, two or more
    /// spaces, or a bullet at a line's start.
    Cell,
    /// A line end: `\n`, `\r\n` or `\r`.
    Line,
    /// Glued letters and digits that split into a symbol and a price more
    /// than one way (rule G); `letters` bytes of letters come first.
    Ambiguous {
        /// Where the letters end: before [`MAX_SYMBOL`], as rule G cuts
        /// no symbol longer.
        letters: u8,
    },
    /// A character a reader does not see: control and format characters.
    Invisible,
    /// Bytes that are not UTF-8.
    Invalid,
    /// Any other character: punctuation, symbols, emoji.
    Punct,
}

/// What a word's letters are, as flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Word {
    /// Bits of [`Word::UPPER`] and the others.
    flags: u8,
    /// Its length in characters, at most 255.
    pub(crate) chars: u8,
    /// What the vocabulary knows of it.
    pub(crate) class: Option<WordClass>,
}

impl Word {
    const UPPER: u8 = 1;
    const LOWER: u8 = 2;
    /// A header caption on its own (`Last`, `Chg`).
    const CAPTION: u8 = 4;
    const ASCII: u8 = 16;
    /// Rule Y's characters only: ASCII letters and digits with `. - & / :
    /// = _` inside, a `^` or `.` first, at most [`MAX_SYMBOL`] bytes.
    const TICKER: u8 = 32;
    const FIRST_DIGIT: u8 = 64;
    const LETTER: u8 = 128;

    /// The flags each ASCII letter gives a word, by byte, so that
    /// [`Word::of_ascii`] reads a byte with one look.
    const LETTER_FLAGS: [u8; 256] = {
        let mut table = [0; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            if byte.is_ascii_uppercase() {
                table[b] = Word::UPPER | Word::LETTER;
            } else if byte.is_ascii_lowercase() {
                table[b] = Word::LOWER | Word::LETTER;
            }
            b += 1;
        }
        table
    };

    fn has(self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Whether it is a header caption on its own (`Last`, `Chg`,
    /// `Volume`): a phrase of one word that
    /// [`role_of_phrase`](crate::vocabulary::role_of_phrase) knows.
    pub(crate) fn is_caption(self) -> bool {
        self.has(Word::CAPTION)
    }

    /// Whether it has an uppercase letter.
    pub(crate) fn has_upper(self) -> bool {
        self.has(Word::UPPER)
    }

    /// Whether it has a lowercase letter.
    pub(crate) fn has_lower(self) -> bool {
        self.has(Word::LOWER)
    }

    /// Whether it has a letter, of any script.
    pub(crate) fn has_letter(self) -> bool {
        self.has(Word::LETTER)
    }

    /// Whether it starts with a digit (`1Y`, `24h`).
    pub(crate) fn first_digit(self) -> bool {
        self.has(Word::FIRST_DIGIT)
    }

    /// Whether it is all ASCII.
    pub(crate) fn is_ascii(self) -> bool {
        self.has(Word::ASCII)
    }

    /// Whether it reads as a ticker (rule Y): ASCII letters and digits with
    /// inner punctuation, at most 15 bytes, with a letter.
    pub(crate) fn is_ticker(self) -> bool {
        self.has(Word::TICKER) && self.has(Word::UPPER | Word::LOWER)
    }

    /// Whether its letters are lowercase only (`btc`, `the`).
    pub(crate) fn is_lowercase(self) -> bool {
        self.has_lower() && !self.has_upper()
    }

    /// Whether its letters are uppercase only (`AGL`, `KSE100`).
    pub(crate) fn is_uppercase(self) -> bool {
        self.has_upper() && !self.has_lower()
    }

    /// The flags of the word `text`.
    fn of(text: &str) -> Word {
        match text.is_ascii() {
            true => Word::of_ascii(text.as_bytes()),
            false => Word::of_chars(text),
        }
    }

    /// [`Word::of`] character by character, for text of any script.
    fn of_chars(text: &str) -> Word {
        let mut flags = 0;
        let mut chars = 0usize;
        for (i, c) in text.chars().enumerate() {
            chars += 1;
            if c.is_alphabetic() {
                flags |= Word::LETTER;
            }
            if c.is_uppercase() {
                flags |= Word::UPPER;
            } else if c.is_lowercase() {
                flags |= Word::LOWER;
            } else if c.is_ascii_digit() && i == 0 {
                flags |= Word::FIRST_DIGIT;
            }
        }
        if text.is_ascii() {
            flags |= Word::ASCII;
        }
        let bytes = text.as_bytes();
        Word::with_flags(bytes, flags, chars, known_word(text), || {
            ticker_len(bytes) == bytes.len()
        })
    }

    /// [`Word::of`] for ASCII text, byte by byte.
    fn of_ascii(bytes: &[u8]) -> Word {
        Word::ascii(bytes, || ticker_len(bytes) == bytes.len())
    }

    /// [`Word::of_ascii`] for the start of a token of rule Y, which is
    /// rule Y's whole token when it ends at a letter or digit.
    fn of_ticker_start(bytes: &[u8]) -> Word {
        Word::ascii(bytes, || {
            bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        })
    }

    /// [`Word::of_ascii`] for a word of ASCII letters alone, whose cases
    /// rule Y's scan gathered: `cases` holds [`Word::UPPER`] and
    /// [`Word::LOWER`] as its letters show them. A token of letters is
    /// rule Y's whole token.
    fn of_letters(bytes: &[u8], cases: u8) -> Word {
        let flags = Word::ASCII | Word::LETTER | cases & (Word::UPPER | Word::LOWER);
        Word::with_flags(bytes, flags, bytes.len(), ascii_known_word(bytes), || true)
    }

    /// The ASCII word `bytes`, with `rule_y` to tell whether it is a whole
    /// token of rule Y.
    fn ascii(bytes: &[u8], rule_y: impl FnOnce() -> bool) -> Word {
        let mut flags = Word::ASCII;
        for &b in bytes {
            flags |= Word::LETTER_FLAGS[usize::from(b)];
        }
        if bytes.first().is_some_and(u8::is_ascii_digit) {
            flags |= Word::FIRST_DIGIT;
        }
        Word::with_flags(bytes, flags, bytes.len(), ascii_known_word(bytes), rule_y)
    }

    /// The word `bytes` of `chars` characters with the letter `flags` its
    /// characters show and what the vocabulary knows of it, and rule Y's
    /// ticker flag, which follows from them and from `rule_y`, whether the
    /// word is a whole token of rule Y.
    fn with_flags(
        bytes: &[u8],
        mut flags: u8,
        chars: usize,
        known: Known,
        rule_y: impl FnOnce() -> bool,
    ) -> Word {
        if known.caption {
            flags |= Word::CAPTION;
        }
        if flags & Word::ASCII != 0
            && flags & Word::LETTER != 0
            && bytes.len() <= MAX_SYMBOL
            && rule_y()
        {
            flags |= Word::TICKER;
        }
        Word {
            flags,
            chars: u8::try_from(chars).unwrap_or(u8::MAX),
            class: known.class,
        }
    }
}

/// A sign shown before a number (rule S).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Sign {
    /// `+`.
    Plus,
    /// `-`, `−` or `–`.
    Minus,
}

/// How a number shows that it is a percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) enum PercentMark {
    /// It does not.
    #[default]
    None,
    /// `%` after it, glued or after a space.
    Sign,
    /// A percent word after it (`per cent`, `proc.`).
    Word,
}

/// A number and what the page shows with it.
///
/// Kept small, 24 bytes, since every stage walks the tokens: why rule N
/// refuses the number is one byte beside its value, and its digits are
/// not kept but found again in the token's bytes where a message needs
/// them ([`Number::digits_in`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    /// The unsigned value as shown; zero when rule N refuses the number.
    shown: Decimal,
    /// What rule N read, as [`Verdict`] says.
    verdict: Verdict,
    /// The sign shown before it.
    pub(crate) sign: Option<Sign>,
    /// Whether and how it is marked as a percent.
    pub(crate) percent: PercentMark,
    /// Whether parentheses enclose it (`(0.00%)`, `(1.4%)`).
    pub(crate) paren: bool,
    /// A currency shown before or after it.
    pub(crate) currency: Option<Currency>,
    /// A magnitude suffix glued to it (`71.4k`).
    pub(crate) magnitude: Option<Magnitude>,
    /// Whether its digits are grouped by thousands separators.
    pub(crate) grouped: bool,
}

/// Why rule N refuses a number's digits: [`NumberError`] without the
/// lengths, which the token's bytes tell (see [`Number::digits_in`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Digits that break rule N (`19.06.2024`, `1e10`).
    Malformed,
    /// A number cut off by the end of the input after a mark (`0.`).
    Cut,
    /// More digits than a decimal mantissa holds.
    TooLarge,
    /// More than 28 digits after the decimal point.
    TooManyDecimals,
}

impl Refusal {
    /// How many decimals the digits `digits` of a number refused as
    /// [`Refusal::TooManyDecimals`] show: the digits after its decimal
    /// mark, which end it.
    pub(crate) fn decimals(digits: &[u8]) -> usize {
        digits
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count()
    }
}

/// Rule N's verdict on a number's digits and the style they were read in,
/// in one byte: the low seven bits hold the value's scale (0 to
/// [`MAX_SCALE`]) or, past it, the refusal; the high bit is set for
/// [`NumberStyle::Comma`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Verdict(u8);

impl Verdict {
    /// The codes of the refusals, after every scale.
    const MALFORMED: u8 = MAX_SCALE as u8 + 1;
    const CUT: u8 = Verdict::MALFORMED + 1;
    const TOO_LARGE: u8 = Verdict::MALFORMED + 2;
    const TOO_MANY_DECIMALS: u8 = Verdict::MALFORMED + 3;
    /// The bit of [`NumberStyle::Comma`].
    const COMMA: u8 = 0x80;

    /// The verdict `code` (a scale or a refusal's code) in `style`.
    #[inline(always)]
    fn new(code: u8, style: NumberStyle) -> Verdict {
        match style {
            NumberStyle::Comma => Verdict(code | Verdict::COMMA),
            _ => Verdict(code),
        }
    }

    /// The scale of the value read, or why rule N refused it.
    #[inline]
    fn value(self) -> Result<u32, Refusal> {
        match self.0 & !Verdict::COMMA {
            scale @ 0..=MAX_SCALE_U8 => Ok(u32::from(scale)),
            Verdict::MALFORMED => Err(Refusal::Malformed),
            Verdict::CUT => Err(Refusal::Cut),
            Verdict::TOO_LARGE => Err(Refusal::TooLarge),
            _ => Err(Refusal::TooManyDecimals),
        }
    }

    /// The style the digits were read in.
    fn style(self) -> NumberStyle {
        match self.0 & Verdict::COMMA {
            0 => NumberStyle::Dot,
            _ => NumberStyle::Comma,
        }
    }
}

/// [`MAX_SCALE`] as a byte, for patterns.
const MAX_SCALE_U8: u8 = MAX_SCALE as u8;

// Every scale and refusal code stays clear of the style bit.
const _: () = assert!(Verdict::TOO_MANY_DECIMALS < Verdict::COMMA);

impl Number {
    /// Why rule N refuses it, if it does.
    pub(crate) fn refusal(&self) -> Option<Refusal> {
        self.verdict.value().err()
    }

    /// Its unsigned value as shown (before a magnitude suffix), in the
    /// input's number style, or why rule N refuses it.
    #[inline]
    pub(crate) fn value(&self) -> Result<Decimal, Refusal> {
        self.verdict.value()?;
        Ok(self.shown)
    }

    /// Whether it shows decimals (`40.13`, not `812`).
    pub(crate) fn has_decimals(&self) -> bool {
        self.verdict.value().is_ok_and(|scale| scale > 0)
    }

    /// Whether it is a whole number shown without grouping or decimals:
    /// what a year, a rank or a count looks like.
    pub(crate) fn is_bare_integer(&self) -> bool {
        !self.grouped && !self.has_decimals() && self.magnitude.is_none()
    }

    /// Whether anything marks it: a sign, `%`, parentheses, a currency.
    pub(crate) fn is_marked(&self) -> bool {
        self.sign.is_some()
            || self.percent != PercentMark::None
            || self.paren
            || self.currency.is_some()
    }

    /// The range of its digits, separators included, in `token`, the
    /// bytes of the token it was read from.
    ///
    /// The token's bytes tell it as the lexer read it: the marks before
    /// the digits are read from the bytes up to the first digit, all in
    /// the token. Rule N reads the digits as far as they go and looks past
    /// them only to refuse more (a separator and a digit, a fourth digit
    /// after a group); right after them stands either the end of the
    /// token, where the lexer's input had no digit, or a mark of the token
    /// (a magnitude letter, a space, `%`, a currency sign, `)`) that
    /// continues no number in either input. The test
    /// `digits_are_found_again_in_the_tokens_bytes` checks it.
    pub(crate) fn digits_in(&self, token: &[u8]) -> Range<usize> {
        let digits = before_digits(token).digits;
        let lead = token.len() - digits.len();
        let len = match self.verdict.value() {
            Err(Refusal::Malformed) => number_like_len(digits),
            _ => read_digits(digits, self.verdict.style()).map_or(0, |read| read.len),
        };
        lead..lead + len
    }
}

/// The lexer: the number style and the caller's known symbols.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lexer<'s> {
    /// [`NumberStyle::Dot`] or [`NumberStyle::Comma`].
    pub(crate) style: NumberStyle,
    /// Symbols the caller knows, which split glued letters and digits
    /// first (rule G (c)).
    pub(crate) symbols: Option<&'s HashSet<String>>,
}

/// A glued digit run rule N refuses, cut in two numbers that it reads
/// (`7,477.50044.580` as `7,477.500` and `44.580`): the readings stage
/// may take the cut when the arithmetic accepts it (SPEC 9, stage 4).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cut {
    /// The index of the number token the cut splits.
    pub(crate) token: usize,
    /// The value of the first part.
    pub(crate) first: Decimal,
    /// The value of the second part.
    pub(crate) second: Decimal,
}

/// The most cuts one digit run offers.
const MAX_CUTS: usize = 4;

/// The longest digit run the lexer tries cuts of, in bytes.
const MAX_CUT_RUN: usize = 32;

/// What the lexer produced for a stretch of input.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tokens {
    /// The tokens, in order, covering every byte but horizontal space.
    pub(crate) tokens: Vec<Token>,
    /// The cuts of malformed digit runs, by token.
    pub(crate) cuts: Vec<Cut>,
    /// The index of every line end token, in order.
    pub(crate) lines: Vec<usize>,
}

impl Tokens {
    /// How many lines the tokens hold: one more than their line ends.
    pub(crate) fn line_count(&self) -> usize {
        self.lines.len() + 1
    }

    /// The tokens of line `line`, its line end excluded.
    pub(crate) fn line(&self, line: usize) -> Range<usize> {
        let start = match line {
            0 => 0,
            _ => self.lines[line - 1] + 1,
        };
        start..self.lines.get(line).copied().unwrap_or(self.tokens.len())
    }

    /// The index of the line holding token `token`.
    pub(crate) fn line_of(&self, token: usize) -> usize {
        self.lines.partition_point(|&end| end < token)
    }
}

/// One rule of the token grammar: a nom parser of one token's kind, given
/// the lexer and whether its input starts a line (where `-` and `*` are
/// bullets).
type Rule = for<'a> fn(&Lexer<'_>, Input<'a>, bool) -> Lexed<'a, Kind>;

/// Whether a rule may start at a byte.
type Starts = fn(u8) -> bool;

/// The rules of [`Lexer::token`] in the order they are tried, each with
/// the first bytes it may start with: a rule that cannot start at a byte
/// is not tried there.
const RULES: [(Rule, Starts); 11] = [
    (|_, i, _| line_end(i), is_line_end),
    (
        |_, i, line_start| cell_separator(i, line_start),
        |b| matches!(b, b'|' | b';' | b'-' | b'*' | 0xC2 | 0xE2),
    ),
    (|_, i, _| date_token(i), |b| b.is_ascii_digit()),
    (
        |lexer, i, _| lexer.number_token(i),
        |b| b.is_ascii_digit() || matches!(b, b'(' | b'$' | b'+' | b'-' | 0xC2 | 0xE2),
    ),
    (|_, i, _| marker(i), starts_marker),
    (
        |lexer, i, _| lexer.word_token(i),
        |b| !b.is_ascii() || b.is_ascii_alphanumeric() || matches!(b, b'^' | b'.'),
    ),
    (|_, i, _| parenthesis(i), |b| matches!(b, b'(' | b')')),
    (|_, i, _| colon(i), |b| matches!(b, b':' | b'=')),
    (|_, i, _| lone_sign(i), |b| matches!(b, b'+' | b'-' | 0xE2)),
    (|_, i, _| lone_percent(i), |b| b == b'%'),
    (|_, i, _| other(i), |_| true),
];

/// For every byte, the rules of [`RULES`] that may start there, as bits
/// by their place: one look for what eleven tests would tell.
static RULE_STARTS: LazyLock<[u16; 256]> = LazyLock::new(|| {
    let mut table = [0; 256];
    for (b, rules) in table.iter_mut().enumerate() {
        for (i, (_, starts)) in RULES.into_iter().enumerate() {
            if starts(b as u8) {
                *rules |= 1 << i;
            }
        }
    }
    table
});

// Every rule has its bit in [`RULE_STARTS`].
const _: () = assert!(RULES.len() <= u16::BITS as usize);

impl<'s> Lexer<'s> {
    /// Reads `text`, which starts at offset `base` of the input, into
    /// `out`, replacing what it held. `text` ends at the end of the input
    /// or where the caller chose; a token cut there is read as the text
    /// shows it.
    pub(crate) fn read(&self, text: &[u8], base: usize, out: &mut Tokens) {
        out.tokens.clear();
        out.cuts.clear();
        out.lines.clear();
        // Room for a token every four bytes, more than text shows, so that
        // the tokens are seldom copied to a larger vector as it fills.
        out.tokens.reserve(text.len() / 4);
        let mut at = 0;
        let mut spaced = false;
        // Whether the last token pushed ends a line, or none was.
        let mut line_start = true;
        while at < text.len() {
            let mut rest = &text[at..];
            let space = horizontal_space_len(rest);
            if space > 0 {
                let wide = space > 1 && !is_single_space(&rest[..space]) || rest[0] == b'\t';
                if wide {
                    out.tokens.push(Token {
                        kind: Kind::Cell,
                        start: base + at,
                        end: base + at + space,
                        spaced: false,
                    });
                    line_start = false;
                }
                spaced = !wide;
                at += space;
                // The run is whole: a token, or the end, follows it.
                rest = &rest[space..];
                if rest.is_empty() {
                    break;
                }
            }
            let (len, kind) = self.token(rest, line_start);
            let start = base + at;
            if let Kind::Number(number) = &kind {
                if number.refusal() == Some(Refusal::Malformed) {
                    self.cuts(&rest[number.digits_in(&rest[..len])], out);
                }
            }
            line_start = matches!(kind, Kind::Line);
            if line_start {
                out.lines.push(out.tokens.len());
            }
            out.tokens.push(Token {
                kind,
                start,
                end: start + len,
                spaced: spaced && !matches!(kind, Kind::Line),
            });
            spaced = false;
            at += len;
        }
    }

    /// The token at the start of `input` (which is no horizontal space):
    /// its length, at least 1, and kind. `line_start` says whether it
    /// starts a line, where `-` and `*` are bullets.
    fn token(&self, input: Input<'_>, line_start: bool) -> (usize, Kind) {
        let starts = RULE_STARTS[usize::from(input[0])];
        for (i, (rule, _)) in RULES.into_iter().enumerate() {
            if starts & (1 << i) == 0 {
                continue;
            }
            if let Ok((rest, kind)) = rule(self, input, line_start) {
                return (input.len() - rest.len(), kind);
            }
        }
        unreachable!("`other` takes any input")
    }

    /// Rule: a number with its sign, `%`, parentheses, currency before or
    /// after and magnitude suffix.
    fn number_token<'a>(&self, input: Input<'a>) -> Lexed<'a, Kind> {
        let Before {
            digits: digits_at,
            paren,
            currency,
            sign,
        } = before_digits(input);
        if !digits_at.first().is_some_and(u8::is_ascii_digit) {
            return Err(nom::Err::Error(()));
        }
        // Digits with a leading zero, standing alone (`0005 64.35`), are no
        // number of rule N: a code of digits, read as a word.
        if input.len() == digits_at.len() && zero_led_code(digits_at) {
            return Err(nom::Err::Error(()));
        }
        // At the token's start the date rule, tried first, already looked.
        if digits_at.len() < input.len() && date_or_time_len(digits_at) > 0 {
            return Err(nom::Err::Error(()));
        }
        let Some(ReadDigits {
            rest,
            shown,
            verdict,
            len: digits_len,
            grouped,
        }) = read_digits(digits_at, self.style)
        else {
            return Err(nom::Err::Error(()));
        };
        let digits_text = &digits_at[..digits_len];
        let After {
            rest,
            percent,
            currency,
            magnitude,
        } = match paren || !ends_bare(rest) {
            true => {
                marks_after(rest, digits_text, sign, currency, paren).ok_or(nom::Err::Error(()))?
            }
            false => After::none(rest, currency),
        };
        let number = Number {
            shown,
            verdict,
            sign,
            percent,
            paren,
            currency,
            magnitude,
            grouped,
        };
        Ok((rest, Kind::Number(number)))
    }

    /// Rule: a word, and for a word of rule Y's characters, rule G's
    /// split of glued letters and digits: the word ends at its last letter
    /// unless a separator follows its digits (`KSE100 98,412`), grouping
    /// proves a longer symbol (`ASX2007,812.40`), or a known symbol says so.
    fn word_token<'a>(&self, input: Input<'a>) -> Lexed<'a, Kind> {
        let ticker = ticker_scan(input);
        if ticker.len > 0 && !input[0].is_ascii_digit()
            || starts_ticker_with_digit(input, ticker.len)
        {
            return self.ticker_word(input, ticker);
        }
        let len = word_len(input);
        if len == 0 {
            return Err(nom::Err::Error(()));
        }
        let text = std::str::from_utf8(&input[..len]).map_err(|_| nom::Err::Error(()))?;
        Ok((&input[len..], Kind::Word(Word::of(text))))
    }

    /// A word of rule Y's characters, the token `ticker`, split by rule G.
    fn ticker_word<'a>(&self, input: Input<'a>, ticker: TickerScan) -> Lexed<'a, Kind> {
        let len = ticker.len;
        // Letters of other scripts glued to the ticker make it a word of
        // any script (`Münchener` starts with `M`).
        // Only letters: digits before other letters (`AGL40.13â–²`, text
        // decoded in the wrong encoding) make no word of them.
        let letters = ticker.letters(input);
        let glued = letters
            && input.get(len).is_some_and(|b| !b.is_ascii())
            && starts_word_char(&input[len..]);
        let full = if glued { word_len(input) } else { len };
        if full > len {
            let text = std::str::from_utf8(&input[..full]).map_err(|_| nom::Err::Error(()))?;
            return Ok((&input[full..], Kind::Word(Word::of(text))));
        }
        // Letters alone have no digits to split off: a known symbol or
        // rule G would end the word where the token ends.
        if letters {
            return Ok((
                &input[len..],
                Kind::Word(Word::of_letters(&input[..len], ticker.bytes)),
            ));
        }
        let token = &input[..len];
        let end = match self.known_symbol(input, token) {
            Some(end) => end,
            None => match self.split(input, token) {
                Split::At(end) => end,
                Split::Ambiguous { letters } => {
                    let at = usize::from(letters);
                    let digits = number_like_len(&input[at..]);
                    return Ok((&input[at + digits..], Kind::Ambiguous { letters }));
                }
            },
        };
        // Rule Y's characters are ASCII.
        Ok((
            &input[end..],
            Kind::Word(Word::of_ticker_start(&input[..end])),
        ))
    }

    /// Rule G (c): the longest known symbol the token starts with that a
    /// number follows, as its length.
    fn known_symbol(&self, input: Input<'_>, token: Input<'_>) -> Option<usize> {
        let symbols = self.symbols?;
        (1..=token.len().min(MAX_SYMBOL)).rev().find(|&len| {
            let known = std::str::from_utf8(&token[..len]).is_ok_and(|s| symbols.contains(s));
            let rest = skip_spaces(&input[len..]);
            known && number(rest, self.style).is_ok()
        })
    }

    /// Rule G (a) and (b): where the word of the rule-Y token `token` ends.
    fn split(&self, input: Input<'_>, token: Input<'_>) -> Split {
        // The part before the first decimal number (`AIRLINK189` of
        // `AIRLINK189.43`) holds the word's last letter.
        let word = token
            .windows(3)
            .position(|w| w[1] == b'.' && w[0].is_ascii_digit() && w[2].is_ascii_digit())
            .map_or(token.len(), |i| i + 1);
        let Some(last_letter) = token[..word].iter().rposition(u8::is_ascii_alphabetic) else {
            return Split::At(token.len());
        };
        let digits = &token[last_letter + 1..];
        if digits.is_empty() {
            return Split::At(token.len());
        }
        if !digits[0].is_ascii_digit() {
            // `AB-12`: the sign starts a number.
            return Split::At(last_letter + 1);
        }
        let after = &input[token.len()..];
        // A colon or `=` and a space after the digits end the label there
        // (`KSE100: 98,412`): no price is glued to them.
        let label_ends =
            matches!(after, [b':' | b'=', rest @ ..] if rest.is_empty() || space_len(rest) > 0);
        let separated = after.is_empty() || separates(after) || label_ends;
        if separated && digits.iter().all(u8::is_ascii_digit) {
            return Split::At(token.len());
        }
        let letters = last_letter + 1;
        match number(&input[letters..], self.style) {
            Ok(_) => Split::At(letters),
            Err(NumberError::Malformed) => {
                let run = input[letters..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let mut splits = (letters + 1..letters + run)
                    .take_while(|&end| end <= MAX_SYMBOL)
                    .filter(|&end| number(&input[end..], self.style).is_ok());
                match (splits.next(), splits.next()) {
                    (Some(end), None) => Split::At(end),
                    // Both splits end after the letters and at most at
                    // MAX_SYMBOL, which a byte holds.
                    (Some(_), Some(_)) => Split::Ambiguous {
                        letters: letters as u8,
                    },
                    (None, _) => Split::At(letters),
                }
            }
            Err(_) => Split::At(letters),
        }
    }

    /// The cuts of the malformed digit run `digits` into two numbers rule
    /// N reads whole, added to `out` for the token just pushed.
    fn cuts(&self, digits: Input<'_>, out: &mut Tokens) {
        if digits.len() > MAX_CUT_RUN {
            return;
        }
        let token = out.tokens.len();
        let mut found = 0;
        for at in 1..digits.len() {
            if found == MAX_CUTS {
                break;
            }
            let whole = |part: Input<'_>| match number(part, self.style) {
                Ok(([], n)) => Some(n.value),
                _ => None,
            };
            if let (Some(first), Some(second)) = (whole(&digits[..at]), whole(&digits[at..])) {
                out.cuts.push(Cut {
                    token,
                    first,
                    second,
                });
                found += 1;
            }
        }
    }
}

/// What a number shows after its digits.
#[derive(Debug, Clone, Copy, PartialEq)]
struct After<'a> {
    /// The input after the number token.
    rest: Input<'a>,
    /// Whether and how it is marked as a percent.
    percent: PercentMark,
    /// Its currency, shown before or after it.
    currency: Option<Currency>,
    /// A magnitude suffix glued to it.
    magnitude: Option<Magnitude>,
}

impl<'a> After<'a> {
    /// No mark after the digits: the token ends at `rest`, with the
    /// currency shown before it, if any.
    fn none(rest: Input<'a>, currency: Option<Currency>) -> After<'a> {
        After {
            rest,
            percent: PercentMark::None,
            currency,
            magnitude: None,
        }
    }
}

/// The marks after a number's digits `digits_text`, `rest` the input
/// after them, given the `sign`, `currency` and `paren` before them: a
/// magnitude, a percent, a currency and a closing parenthesis. `None`
/// when they make no number: digits glued to a word (`1Y`, `24-hour`),
/// or a parenthesis never closed.
fn marks_after<'a>(
    mut rest: Input<'a>,
    digits_text: Input<'_>,
    sign: Option<Sign>,
    currency: Option<Currency>,
    paren: bool,
) -> Option<After<'a>> {
    // Digits glued to letters that are no magnitude are a word (`1Y`,
    // `24h`, `1Bitcoin`), unless the number shows decimals or groups.
    let magnitude = match magnitude(rest) {
        Ok((after, magnitude)) => {
            rest = after;
            Some(magnitude)
        }
        Err(_) => None,
    };
    // `24-hour`, `52-week`: digits joined to a word by a hyphen.
    let hyphen_word = |rest: Input<'_>| {
        rest.first() == Some(&b'-') && starts_word_char(&rest[1..]) && !rest[1].is_ascii_digit()
    };
    if magnitude.is_none()
        && sign.is_none()
        && currency.is_none()
        && !paren
        && digits_text.iter().all(u8::is_ascii_digit)
        && (starts_word_char(rest) || hyphen_word(rest))
    {
        return None;
    }
    let (rest, percent) = percent_mark(rest);
    // A percent takes no currency after it.
    let (rest, currency) = match (currency, percent) {
        (Some(currency), _) => (rest, Some(currency)),
        (None, PercentMark::None) => match currency_after(rest) {
            Some((after, currency)) => (after, Some(currency)),
            None => (rest, None),
        },
        (None, _) => (rest, None),
    };
    let rest = match paren {
        // An unclosed parenthesis is its own token.
        true => skip_spaces(rest).strip_prefix(b")")?,
        false => rest,
    };
    Some(After {
        rest,
        percent,
        currency,
        magnitude,
    })
}

/// Whether no mark after a number's digits stands at `rest`, the input
/// after them, in a number without a parenthesis: nothing follows, or a
/// byte that starts no magnitude, percent, currency or word (a glyph of
/// U+2580 to U+25BF such as `▲`, a `)`, a line end), or one space and a
/// byte that starts no percent or currency (a digit, a sign, a `(`).
///
/// Most numbers end so: [`marks_after`], which this skips, then reads
/// none (the test `bare_numbers_have_no_marks_after_them` checks it).
#[inline(always)]
fn ends_bare(rest: Input<'_>) -> bool {
    match rest {
        [] | [b' '] => true,
        [b' ', next, ..] => BARE_AFTER[usize::from(*next)] & BARE_AFTER_SPACE != 0,
        // U+2580 to U+25BF, block elements and geometric shapes: no
        // letter, digit or currency sign among them.
        [0xE2, 0x96, ..] => true,
        [first, ..] => BARE_AFTER[usize::from(*first)] & BARE_FIRST != 0,
    }
}

/// In [`BARE_AFTER`]: the byte right after the digits marks nothing.
const BARE_FIRST: u8 = 1;
/// In [`BARE_AFTER`]: the byte after the digits and one space marks nothing.
const BARE_AFTER_SPACE: u8 = 2;

/// For every byte, where it marks nothing after a number's digits, as
/// bits of [`BARE_FIRST`] and [`BARE_AFTER_SPACE`]. Right after the
/// digits: ASCII but no letter or digit (a magnitude, a word), `%`, `$`,
/// `-` (`24-hour`) or space. After one space: ASCII but no letter (a
/// percent word, a currency code), `%` or `$`.
const BARE_AFTER: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        let mark = matches!(byte, b'%' | b'$');
        if !byte.is_ascii_alphanumeric() && !mark && !matches!(byte, b'-' | b' ') {
            table[b] |= BARE_FIRST;
        }
        if !byte.is_ascii_alphabetic() && !mark {
            table[b] |= BARE_AFTER_SPACE;
        }
        b += 1;
    }
    table
};

/// What rule N reads of the digits at the start of some input.
struct ReadDigits<'a> {
    /// The input after the digits.
    rest: Input<'a>,
    /// The value; zero when rule N refuses the digits.
    shown: Decimal,
    /// The value's scale, or why rule N refuses the digits.
    verdict: Verdict,
    /// The digits' length, separators included: for a refused number,
    /// the number-like text rule N stopped in.
    len: usize,
    /// Whether thousands separators group them.
    grouped: bool,
}

/// Rule N's reading of the digits at the start of `input` in `style`, as
/// a number token holds it; `None` where no digit starts it.
#[inline(always)]
fn read_digits(input: Input<'_>, style: NumberStyle) -> Option<ReadDigits<'_>> {
    match number(input, style) {
        Ok((rest, n)) => Some(ReadDigits {
            rest,
            shown: n.value,
            // A Decimal's scale is at most MAX_SCALE: a byte holds it.
            verdict: Verdict::new(n.value.scale() as u8, style),
            len: n.text.len(),
            grouped: n.grouped,
        }),
        Err(error) => refused_digits(input, style, error),
    }
}

/// [`read_digits`] for digits rule N refuses, out of line.
#[inline(never)]
fn refused_digits(
    input: Input<'_>,
    style: NumberStyle,
    error: NumberError,
) -> Option<ReadDigits<'_>> {
    let (code, len) = match error {
        NumberError::Malformed => (Verdict::MALFORMED, number_like_len(input)),
        NumberError::Cut { len } => (Verdict::CUT, len),
        NumberError::TooLarge { len } => (Verdict::TOO_LARGE, len),
        NumberError::TooManyDecimals { len, .. } => (Verdict::TOO_MANY_DECIMALS, len),
        NumberError::NotANumber => return None,
    };
    Some(ReadDigits {
        rest: &input[len..],
        shown: Decimal::ZERO,
        verdict: Verdict::new(code, style),
        len,
        grouped: false,
    })
}

/// What a number shows before its digits.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Before<'a> {
    /// The input from where the digits should start.
    digits: Input<'a>,
    /// Whether a `(` opens it.
    paren: bool,
    /// A currency before it.
    currency: Option<Currency>,
    /// A sign before it.
    sign: Option<Sign>,
}

/// The marks before a number's digits: `(` and spaces, a currency, a
/// sign, and a currency after the sign (`-$21`).
///
/// Digits first, the most common start, have none of them: neither `(`,
/// a currency sign nor a sign starts with a digit, so one byte tells and
/// [`marks_before_digits`] is not asked. Nor is it at a glyph such as
/// `▲`, which rule N is asked of first: every mark of three bytes (`−`,
/// `–`, `€`, `₹`, `₦`) starts with 0xE2 and then 0x80, 0x82 or 0x88,
/// and two bytes tell that none starts there.
#[inline]
fn before_digits(input: Input<'_>) -> Before<'_> {
    match input {
        [b, ..] if b.is_ascii_digit() => Before::none(input),
        [0xE2, second, ..] if !matches!(second, 0x80 | 0x82 | 0x88) => Before::none(input),
        _ => marks_before_digits(input),
    }
}

impl<'a> Before<'a> {
    /// No mark before the digits, which `input` should start with.
    fn none(input: Input<'a>) -> Before<'a> {
        Before {
            digits: input,
            paren: false,
            currency: None,
            sign: None,
        }
    }
}

/// [`before_digits`] past its first look.
///
/// The most common marks, a parenthesis, a sign, or both right before
/// the digits (`(0.00%)`, `-0.06`, `(-0.01%)`), are told by their bytes:
/// no space or currency stands among them. Other marks are read one by
/// one by [`marks_one_by_one`] (the test
/// `digits_first_have_no_marks_before_them` checks both agree).
///
/// Inlined, with [`marks_one_by_one`] kept out of line: a parenthesised
/// percent (`(0.00%)`) stands in most quotes, and the call to tell its
/// `(` cost more than the looks (callgrind: 0.5% fewer instructions in
/// all on the 200 KB strip, 0.2% on page text).
#[inline(always)]
fn marks_before_digits(input: Input<'_>) -> Before<'_> {
    let sign = |b: u8| match b {
        b'+' => Sign::Plus,
        _ => Sign::Minus,
    };
    match *input {
        [b'(', d, ..] if d.is_ascii_digit() => Before {
            paren: true,
            ..Before::none(&input[1..])
        },
        [s @ (b'+' | b'-'), d, ..] if d.is_ascii_digit() => Before {
            sign: Some(sign(s)),
            ..Before::none(&input[1..])
        },
        [b'(', s @ (b'+' | b'-'), d, ..] if d.is_ascii_digit() => Before {
            paren: true,
            sign: Some(sign(s)),
            ..Before::none(&input[2..])
        },
        _ => marks_one_by_one(input),
    }
}

/// [`before_digits`] read mark by mark.
#[inline(never)]
fn marks_one_by_one(input: Input<'_>) -> Before<'_> {
    let (inner, paren) = match input.strip_prefix(b"(") {
        Some(inner) => (skip_spaces(inner), true),
        None => (input, false),
    };
    let (after_currency, currency) = match currency_before(inner) {
        Some((rest, currency)) => (rest, Some(currency)),
        None => (inner, None),
    };
    let (digits, sign) = match sign_before_digits(after_currency) {
        Some((rest, sign)) => (rest, Some(sign)),
        None => (after_currency, None),
    };
    // A currency may also stand after the sign: `-$21`.
    let (digits, currency) = match (currency, sign) {
        (None, Some(_)) => match currency_before(digits) {
            Some((rest, currency)) => (rest, Some(currency)),
            None => (digits, None),
        },
        _ => (digits, currency),
    };
    Before {
        digits,
        paren,
        currency,
        sign,
    }
}

/// Where rule G ends a word.
enum Split {
    /// At this offset.
    At(usize),
    /// Several ways, after `letters` bytes of letters.
    Ambiguous { letters: u8 },
}

/// Whether the text after a word's digits separates them from what
/// follows (rule G (a)): white space, a cell bar or another separator.
fn separates(after: Input<'_>) -> bool {
    space_len(after) > 0
        || matches!(after.first(), Some(b'|' | b';'))
        || after.starts_with("·".as_bytes())
        || after.starts_with("•".as_bytes())
}

/// The length of a run of horizontal white space at the start of `input`.
///
/// Most tokens follow no space, and most spaces are one ASCII space
/// before a token: two bytes tell both, and only a run that may go on is
/// measured by [`space_run_len`]. No byte but the first bytes matched
/// here starts horizontal space (see [`space_len`]).
#[inline]
fn horizontal_space_len(input: Input<'_>) -> usize {
    match input {
        [b' ', next, ..] if !matches!(next, b' ' | b'\t' | b'\x0b' | b'\x0c' | 0xC2 | 0xE2) => 1,
        [b' ' | b'\t' | b'\x0b' | b'\x0c', ..] | [0xC2, 0xA0, ..] | [0xE2, 0x80, ..] => {
            space_run_len(input)
        }
        _ => 0,
    }
}

/// The length of a run of horizontal white space at the start of
/// `input`, space by space.
fn space_run_len(input: Input<'_>) -> usize {
    let mut len = 0;
    loop {
        let rest = &input[len..];
        let n = match rest.first() {
            Some(b'\n' | b'\r') | None => 0,
            _ => space_len(rest),
        };
        if n == 0 {
            return len;
        }
        len += n;
    }
}

/// Whether a run of white space is one space character (ASCII or not).
fn is_single_space(space: Input<'_>) -> bool {
    space_len(space) == space.len()
}

/// `input` after any ASCII spaces at its start.
fn skip_spaces(input: Input<'_>) -> Input<'_> {
    let len = input.iter().take_while(|&&b| b == b' ').count();
    &input[len..]
}

/// Rule: a line end: `\r\n`, `\n` or `\r`.
fn line_end(input: Input<'_>) -> Lexed<'_, Kind> {
    match input {
        [b'\r', b'\n', rest @ ..] => Ok((rest, Kind::Line)),
        [b, rest @ ..] if is_line_end(*b) => Ok((rest, Kind::Line)),
        _ => Err(nom::Err::Error(())),
    }
}

/// Rule: a cell separator: `|`, `;`, `•`, `·`, and at a line's start a
/// `-` or `*` bullet followed by a space.
fn cell_separator(input: Input<'_>, line_start: bool) -> Lexed<'_, Kind> {
    match input {
        [b'|' | b';', rest @ ..] => Ok((rest, Kind::Cell)),
        [0xC2, 0xB7, rest @ ..] => Ok((rest, Kind::Cell)),
        [0xE2, 0x80, 0xA2, rest @ ..] => Ok((rest, Kind::Cell)),
        [b'-' | b'*', b' ', next, ..] if line_start && !next.is_ascii_digit() => {
            Ok((&input[1..], Kind::Cell))
        }
        _ => Err(nom::Err::Error(())),
    }
}

/// Rule T: a date or a time.
fn date_token(input: Input<'_>) -> Lexed<'_, Kind> {
    match date_or_time_len(input) {
        0 => Err(nom::Err::Error(())),
        len => Ok((&input[len..], Kind::Date)),
    }
}

/// The glyphs of rule D. No glyph starts another, so their order only
/// says which are looked for first: the two most shown.
const GLYPHS: [(&str, Direction); 13] = [
    ("▲", Direction::Up),
    ("▼", Direction::Down),
    ("△", Direction::Up),
    ("▴", Direction::Up),
    ("↑", Direction::Up),
    ("⬆", Direction::Up),
    ("🔺", Direction::Up),
    ("▽", Direction::Down),
    ("▾", Direction::Down),
    ("↓", Direction::Down),
    ("⬇", Direction::Down),
    ("🔻", Direction::Down),
    ("►", Direction::Unchanged),
];

/// Whether rule D may start at byte `b`: a glyph's first byte, or a
/// direction word's first letter in either case.
fn starts_marker(b: u8) -> bool {
    let glyph = GLYPHS.iter().any(|(text, _)| text.as_bytes()[0] == b);
    let word = DIRECTION_WORDS
        .iter()
        .any(|(words, _)| words[0].as_bytes()[0] == b.to_ascii_lowercase());
    glyph || word
}

/// Rule D: a glyph (perhaps with an emoji variation selector) or a
/// direction word ending at a word boundary.
fn marker(input: Input<'_>) -> Lexed<'_, Kind> {
    let Some(&first) = input.first() else {
        return Err(nom::Err::Error(()));
    };
    // Every glyph is outside ASCII.
    if !first.is_ascii() {
        for (text, direction) in GLYPHS {
            if let Some(rest) = input.strip_prefix(text.as_bytes()) {
                let rest = rest.strip_prefix("\u{FE0F}".as_bytes()).unwrap_or(rest);
                return Ok((
                    rest,
                    Kind::Marker {
                        direction,
                        word: false,
                    },
                ));
            }
        }
    }
    if !first.is_ascii_alphabetic() {
        return Err(nom::Err::Error(()));
    }
    // Every direction word has two letters or more: two bytes rule out
    // most words before they are matched whole.
    let Some(head) = input.get(..2) else {
        return Err(nom::Err::Error(()));
    };
    for (words, direction) in DIRECTION_WORDS {
        if !head.eq_ignore_ascii_case(&words[0].as_bytes()[..2]) {
            continue;
        }
        let Some(rest) = word_run(input, words) else {
            continue;
        };
        // A direction word that a ticker's inner punctuation joins to more
        // letters (`UP.A`, `DOWN-B`) is that ticker; before digits it is
        // the marker of a signed number (`DOWN-0.40`).
        if let [joint, next, ..] = rest {
            if TICKER_BYTES[usize::from(*joint)] == TICKER_INNER && next.is_ascii_alphabetic() {
                break;
            }
        }
        return Ok((
            rest,
            Kind::Marker {
                direction: *direction,
                word: true,
            },
        ));
    }
    Err(nom::Err::Error(()))
}

// Rule D's first look takes two bytes of every direction word.
const _: () = {
    let mut i = 0;
    while i < DIRECTION_WORDS.len() {
        assert!(DIRECTION_WORDS[i].0[0].len() >= 2);
        i += 1;
    }
};

/// `input` after the lowercase words `words`, matched in any case and
/// joined by single spaces, ending at a word boundary.
fn word_run<'a>(input: Input<'a>, words: &[&str]) -> Option<Input<'a>> {
    let mut rest = input;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            rest = rest.strip_prefix(b" ")?;
        }
        let head = rest.get(..word.len())?;
        if !head.eq_ignore_ascii_case(word.as_bytes()) {
            return None;
        }
        rest = &rest[word.len()..];
    }
    match starts_word_char(rest) {
        true => None,
        false => Some(rest),
    }
}

/// Rule: `(` or `)` that belongs to no number.
fn parenthesis(input: Input<'_>) -> Lexed<'_, Kind> {
    match input {
        [b'(', rest @ ..] => Ok((rest, Kind::Open)),
        [b')', rest @ ..] => Ok((rest, Kind::Close)),
        _ => Err(nom::Err::Error(())),
    }
}

/// Rule: a `:` or `=`.
fn colon(input: Input<'_>) -> Lexed<'_, Kind> {
    match input {
        [b':' | b'=', rest @ ..] => Ok((rest, Kind::Colon)),
        _ => Err(nom::Err::Error(())),
    }
}

/// Rule S's signs with no digits after them.
fn lone_sign(input: Input<'_>) -> Lexed<'_, Kind> {
    match sign(input) {
        Some((rest, _)) => Ok((rest, Kind::Sign)),
        None => Err(nom::Err::Error(())),
    }
}

/// Rule: a `%` with no number.
fn lone_percent(input: Input<'_>) -> Lexed<'_, Kind> {
    match input {
        [b'%', rest @ ..] => Ok((rest, Kind::Percent)),
        _ => Err(nom::Err::Error(())),
    }
}

/// Rule: one character no other rule reads: invisible, not UTF-8, or
/// punctuation.
fn other(input: Input<'_>) -> Lexed<'_, Kind> {
    let invalid = invalid_utf8_len(input);
    if invalid > 0 {
        return Ok((&input[invalid..], Kind::Invalid));
    }
    let invisible = invisible_len(input);
    if invisible > 0 {
        return Ok((&input[invisible..], Kind::Invisible));
    }
    let len = char_len(input).max(1);
    Ok((&input[len..], Kind::Punct))
}

/// The byte length of the UTF-8 character at the start of `input`, 0 if
/// there is none.
fn char_len(input: Input<'_>) -> usize {
    first_char(input).map_or(0, char::len_utf8)
}

/// Rule S: a sign, returning the input after it.
fn sign(input: Input<'_>) -> Option<(Input<'_>, Sign)> {
    match input {
        [b'+', rest @ ..] => Some((rest, Sign::Plus)),
        [b'-', rest @ ..] => Some((rest, Sign::Minus)),
        // U+2212 and U+2013.
        [0xE2, 0x88, 0x92, rest @ ..] | [0xE2, 0x80, 0x93, rest @ ..] => Some((rest, Sign::Minus)),
        _ => None,
    }
}

/// Rule S: a sign directly before digits (or a currency), perhaps with
/// one space between.
fn sign_before_digits(input: Input<'_>) -> Option<(Input<'_>, Sign)> {
    let (rest, sign) = sign(input)?;
    let rest = match rest {
        [b' ', next, ..] if next.is_ascii_digit() => &rest[1..],
        _ => rest,
    };
    let starts = rest.first().is_some_and(u8::is_ascii_digit) || currency_before(rest).is_some();
    starts.then_some((rest, sign))
}

/// A currency sign at the start of `input`, and the input after it.
///
/// Inlined down to the look at the first bytes, which rules out almost
/// every place a number rule asks; the search is kept out of line.
#[inline]
fn currency_sign(input: Input<'_>) -> Option<(Input<'_>, Currency)> {
    // Every sign starts so (`$`, `£`, `¥`, `€`, `₹`, `₦`), and most text
    // after a number, `▲` or `%`, does not.
    if !matches!(
        input,
        [b'$', ..] | [0xC2, 0xA3 | 0xA5, ..] | [0xE2, 0x82, ..]
    ) {
        return None;
    }
    find_currency_sign(input)
}

/// [`currency_sign`] past its first look: the sign that `input` starts
/// with, if any.
#[inline(never)]
fn find_currency_sign(input: Input<'_>) -> Option<(Input<'_>, Currency)> {
    Currency::ALL.into_iter().find_map(|currency| {
        let rest = input.strip_prefix(currency.sign().as_bytes())?;
        Some((rest, currency))
    })
}

/// A currency sign before a price, perhaps with one space after it.
fn currency_before(input: Input<'_>) -> Option<(Input<'_>, Currency)> {
    let (rest, currency) = currency_sign(input)?;
    let rest = match rest {
        [b' ', next, ..] if next.is_ascii_digit() => &rest[1..],
        _ => rest,
    };
    rest.first()
        .is_some_and(u8::is_ascii_digit)
        .then_some((rest, currency))
}

/// A currency after a price: a sign glued or after a space, or an ISO
/// 4217 code after a space that is a whole word.
fn currency_after(input: Input<'_>) -> Option<(Input<'_>, Currency)> {
    let at = match input {
        [b' ', ..] => &input[1..],
        _ => input,
    };
    if let Some((rest, currency)) = currency_sign(at) {
        return (!starts_word_char(rest) && !rest.first().is_some_and(u8::is_ascii_digit))
            .then_some((rest, currency));
    }
    if at.len() == input.len() {
        return None;
    }
    match at {
        [a, b, c, rest @ ..]
            if [a, b, c].iter().all(|b| b.is_ascii_uppercase()) && !starts_word_char(rest) =>
        {
            let code = std::str::from_utf8(&at[..3])
                .ok()
                .and_then(CurrencyCode::new)?;
            Some((&at[3..], Currency::Code(code)))
        }
        _ => None,
    }
}

/// Rule: a magnitude suffix glued to a number, ending at a word boundary.
fn magnitude(input: Input<'_>) -> Lexed<'_, Magnitude> {
    const SUFFIXES: [(&str, Magnitude); 10] = [
        ("bn", Magnitude::Billion),
        ("Bn", Magnitude::Billion),
        ("tn", Magnitude::Trillion),
        ("Tr", Magnitude::Trillion),
        ("k", Magnitude::Thousand),
        ("K", Magnitude::Thousand),
        ("m", Magnitude::Million),
        ("M", Magnitude::Million),
        ("B", Magnitude::Billion),
        ("T", Magnitude::Trillion),
    ];
    // Most numbers have no suffix: one byte tells, and most often that it
    // is no letter.
    if !input.first().is_some_and(u8::is_ascii_alphabetic) {
        return Err(nom::Err::Error(()));
    }
    let first = input.first().copied();
    if !SUFFIXES
        .iter()
        .any(|(suffix, _)| Some(suffix.as_bytes()[0]) == first)
    {
        return Err(nom::Err::Error(()));
    }
    SUFFIXES
        .iter()
        .find_map(|&(suffix, magnitude)| {
            let rest = input.strip_prefix(suffix.as_bytes())?;
            (!starts_word_char(rest)).then_some((rest, magnitude))
        })
        .ok_or(nom::Err::Error(()))
}

/// What marks a number as a percent: `%` glued or after one space, or a
/// percent word after one space.
fn percent_mark(input: Input<'_>) -> (Input<'_>, PercentMark) {
    let at = match input {
        [b' ', ..] => &input[1..],
        _ => input,
    };
    if let Some(rest) = at.strip_prefix(b"%") {
        return (rest, PercentMark::Sign);
    }
    // A percent word follows a space and starts with the first letter of
    // one, in either case: one look rules out most words of prose.
    if at.len() < input.len() && at.first().is_some_and(|&b| PERCENT_STARTS[usize::from(b)]) {
        for words in PERCENT_WORDS {
            if let Some(rest) = word_run(at, words) {
                // `proc.`: the abbreviation's dot is the word's.
                let rest = match (words, rest) {
                    ([w], [b'.', after @ ..]) if w.len() <= 4 => after,
                    _ => rest,
                };
                return (rest, PercentMark::Word);
            }
        }
    }
    (input, PercentMark::None)
}

/// For every byte, whether a percent word may start there: the first
/// letter of one, in either case.
const PERCENT_STARTS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < PERCENT_WORDS.len() {
        let first = PERCENT_WORDS[i][0].as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// Whether `input` starts with a character of a word: a letter or digit
/// of any script.
fn starts_word_char(input: Input<'_>) -> bool {
    match input.first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => first_char(input).is_some_and(|c| c.is_alphanumeric() || matches!(c, '®' | '™')),
    }
}

/// The first character of `input`, if it is UTF-8.
fn first_char(input: Input<'_>) -> Option<char> {
    let &first = input.first()?;
    if first.is_ascii() {
        return Some(char::from(first));
    }
    // The lead byte says how long the sequence is; UTF-8 checks the rest.
    let width = match first {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    std::str::from_utf8(input.get(..width)?)
        .ok()?
        .chars()
        .next()
}

/// What bytes are to a ticker, as bits of [`TICKER_BYTES`]: an ASCII
/// uppercase letter (the bit of [`Word::UPPER`]).
const TICKER_UPPER: u8 = Word::UPPER;
/// An ASCII lowercase letter (the bit of [`Word::LOWER`]).
const TICKER_LOWER: u8 = Word::LOWER;
/// An ASCII digit.
const TICKER_DIGIT: u8 = 4;
/// Punctuation that may stand inside one: `. - & / : = _`.
const TICKER_INNER: u8 = 8;
/// An ASCII letter or digit.
const TICKER_ALPHANUMERIC: u8 = TICKER_UPPER | TICKER_LOWER | TICKER_DIGIT;

/// Every byte's bits of what it is to a ticker (0 for no part of one), so
/// that rule Y reads a byte with one look.
const TICKER_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_uppercase() {
            TICKER_UPPER
        } else if byte.is_ascii_lowercase() {
            TICKER_LOWER
        } else if byte.is_ascii_digit() {
            TICKER_DIGIT
        } else if matches!(byte, b'.' | b'-' | b'&' | b'/' | b':' | b'=' | b'_') {
            TICKER_INNER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Rule Y's token at the start of some input, as [`ticker_scan`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TickerScan {
    /// Its length in bytes; 0 when none starts there.
    len: usize,
    /// The [`TICKER_BYTES`] bits of its bytes and of the inner
    /// punctuation right after it (`Inc.`), together; a leading `^` or `.`
    /// counts as [`TICKER_INNER`]. Its letters and digits are all in the
    /// token, so their bits are exact.
    bytes: u8,
}

impl TickerScan {
    /// Whether the token `input[..self.len]` is ASCII letters alone: told
    /// by the bits, unless inner punctuation was seen, which may stand
    /// after the token.
    fn letters(self, input: Input<'_>) -> bool {
        self.len > 0
            && match self.bytes & (TICKER_DIGIT | TICKER_INNER) {
                0 => true,
                TICKER_INNER => input[..self.len].iter().all(u8::is_ascii_alphabetic),
                _ => false,
            }
    }
}

/// Rule Y's token at the start of `input`: an optional `^` or `.`, an
/// ASCII letter or digit, then ticker bytes, up to its last letter or
/// digit; with what its bytes are, gathered in the same pass.
fn ticker_scan(input: Input<'_>) -> TickerScan {
    let start = usize::from(matches!(input.first(), Some(b'^' | b'.')));
    let first = input
        .get(start)
        .map_or(0, |&b| TICKER_BYTES[usize::from(b)]);
    if first & TICKER_ALPHANUMERIC == 0 {
        return TickerScan { len: 0, bytes: 0 };
    }
    let mut bytes = first | if start > 0 { TICKER_INNER } else { 0 };
    let mut len = start + 1;
    for (i, &b) in input.iter().enumerate().skip(len) {
        let bits = TICKER_BYTES[usize::from(b)];
        if bits == 0 {
            break;
        }
        bytes |= bits;
        if bits & TICKER_ALPHANUMERIC != 0 {
            len = i + 1;
        }
    }
    TickerScan { len, bytes }
}

/// The length of rule Y's token at the start of `input` (see
/// [`ticker_scan`]); 0 when none starts there.
fn ticker_len(input: Input<'_>) -> usize {
    ticker_scan(input).len
}

/// Whether `input` starts with a run of digits led by a zero (`0005`),
/// which rule N reads as no number, followed by white space, a cell
/// separator or the end.
fn zero_led_code(input: Input<'_>) -> bool {
    if input.first() != Some(&b'0') {
        return false;
    }
    let run = input.iter().take_while(|b| b.is_ascii_digit()).count();
    run >= 2 && {
        let after = &input[run..];
        after.is_empty() || separates(after)
    }
}

/// Whether a ticker token of `len` bytes that starts with a digit is a
/// word: it has a letter, and its digits are no malformed number that
/// takes the letter in (`1e10`).
fn starts_ticker_with_digit(input: Input<'_>, len: usize) -> bool {
    let Some(letter) = input[..len].iter().position(u8::is_ascii_alphabetic) else {
        return false;
    };
    number_like_len(input) <= letter
}

/// The length of a word of any script at the start of `input`: letters
/// and digits, with `& . - ' / _ ®` inside.
fn word_len(input: Input<'_>) -> usize {
    let mut len = 0;
    let mut last_alnum = 0;
    while len < input.len() {
        let rest = &input[len..];
        // ASCII, byte by byte.
        let b = rest[0];
        if b.is_ascii_alphanumeric() {
            len += 1;
            last_alnum = len;
            continue;
        }
        if b.is_ascii() {
            if len > 0 && matches!(b, b'&' | b'.' | b'-' | b'\'' | b'/' | b'_') {
                len += 1;
                continue;
            }
            break;
        }
        let Some(c) = first_char(rest) else { break };
        let inner = matches!(c, '&' | '.' | '-' | '\'' | '/' | '_' | '’');
        if c.is_alphanumeric() || matches!(c, '®' | '™') {
            len += c.len_utf8();
            last_alnum = len;
        } else if inner && len > 0 {
            len += c.len_utf8();
        } else {
            break;
        }
    }
    last_alnum
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text` in dot style, as `kind:text` strings.
    fn lex_in(text: &str, style: NumberStyle) -> Vec<String> {
        let lexer = Lexer {
            style,
            symbols: None,
        };
        let mut out = Tokens::default();
        lexer.read(text.as_bytes(), 0, &mut out);
        out.tokens
            .iter()
            .map(|t| {
                let kind = match t.kind {
                    Kind::Word(_) => "W",
                    Kind::Number(n) if n.value().is_err() => "N!",
                    Kind::Number(n) if n.percent != PercentMark::None => "Q",
                    Kind::Number(_) => "N",
                    Kind::Marker { .. } => "M",
                    Kind::Date => "D",
                    Kind::Open => "(",
                    Kind::Close => ")",
                    Kind::Colon => ":",
                    Kind::Percent => "%",
                    Kind::Sign => "S",
                    Kind::Cell => "|",
                    Kind::Line => "L",
                    Kind::Ambiguous { .. } => "A",
                    Kind::Invisible => "I",
                    Kind::Invalid => "X",
                    Kind::Punct => "P",
                };
                let glue = if t.spaced { " " } else { "" };
                format!("{glue}{kind}:{}", &text[t.span()])
            })
            .collect()
    }

    fn lex(text: &str) -> Vec<String> {
        lex_in(text, NumberStyle::Dot)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// No rule reads a token from a byte [`RULES`] rules out for
        /// it: skipping them changes nothing.
        #[test]
        fn rules_start_only_where_they_say(
            first: u8,
            tail in "[0-9]{0,3}[0-9a-zA-Z%().,+\\-$:=|;^* ▲▼−]{0,8}",
        ) {
            let mut input = vec![first];
            input.extend(tail.as_bytes());
            let lexer = Lexer { style: NumberStyle::Dot, symbols: None };
            for (rule, starts) in RULES {
                if !starts(first) {
                    proptest::prop_assert!(rule(&lexer, &input, true).is_err(), "{:?}", input);
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// The first two bytes measure a run of space as the run read
        /// space by space does.
        #[test]
        fn space_runs_are_measured_as_space_by_space(
            text in "[ \t\x0b\x0c\n\ra\u{a0}\u{2009}\u{202f}\u{2007}▲·]{0,5}",
        ) {
            let input = text.as_bytes();
            proptest::prop_assert_eq!(horizontal_space_len(input), space_run_len(input));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8192))]
        /// Where a number ends bare, the marks read after it are none.
        #[test]
        fn bare_numbers_have_no_marks_after_them(
            digits in "[0-9]{1,3}([.][0-9]{1,2})?",
            rest in "([ ]?(EUR|USD|per cent|Pct|proc[.]|k|bn|%|[$]|€|-[a-z]|[a-z]))?[ ]?[ -~\u{a0}▲▼►▾€£¥₹₦−–µé🔺]{0,6}",
            sign: Option<bool>,
            currency: Option<bool>,
        ) {
            let input = rest.as_bytes();
            let sign = sign.map(|plus| if plus { Sign::Plus } else { Sign::Minus });
            let currency = currency.map(|dollar| if dollar { Currency::Dollar } else { Currency::Euro });
            if ends_bare(input) {
                proptest::prop_assert_eq!(
                    marks_after(input, digits.as_bytes(), sign, currency, false),
                    Some(After::none(input, currency))
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// The marks before digits told by their first bytes (none before
        /// digits or a character of U+2000 to U+2FFF that is no mark; a
        /// parenthesis, a sign or both right before digits) are the marks
        /// read one by one.
        #[test]
        fn digits_first_have_no_marks_before_them(
            text in "[(]?[ ]?[-+]?[ ]?([0-9]|[€₹₦−–$]|[\u{2000}-\u{2fff}])[0-9.,$ ]{0,6}",
        ) {
            let input = text.as_bytes();
            proptest::prop_assert_eq!(before_digits(input), marks_one_by_one(input));
        }
    }

    /// Rule Y's token as it was measured before [`ticker_scan`]: byte by
    /// byte, up to its last letter or digit.
    fn ticker_len_byte_by_byte(input: Input<'_>) -> usize {
        let start = usize::from(matches!(input.first(), Some(b'^' | b'.')));
        if !input.get(start).is_some_and(u8::is_ascii_alphanumeric) {
            return 0;
        }
        let mut len = start + 1;
        for (i, &b) in input.iter().enumerate().skip(len) {
            if b.is_ascii_alphanumeric() {
                len = i + 1;
            } else if !matches!(b, b'.' | b'-' | b'&' | b'/' | b':' | b'=' | b'_') {
                break;
            }
        }
        len
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// Rule Y's scan measures the token as byte by byte, tells letters
        /// alone as their bytes do, and a word of letters from its bits is
        /// the word read from its bytes.
        #[test]
        fn ticker_scan_reads_as_byte_by_byte(
            text in "[\\^.]?[A-Za-z0-9]{0,6}[-.&/:=_ A-Za-z0-9é▲]{0,8}",
        ) {
            let input = text.as_bytes();
            let scan = ticker_scan(input);
            proptest::prop_assert_eq!(scan.len, ticker_len_byte_by_byte(input));
            let token = &input[..scan.len];
            let letters = !token.is_empty() && token.iter().all(u8::is_ascii_alphabetic);
            proptest::prop_assert_eq!(scan.letters(input), letters);
            if letters {
                proptest::prop_assert_eq!(Word::of_letters(token, scan.bytes), Word::of_ascii(token));
            }
        }
    }

    #[test]
    fn tokens_are_small() {
        assert_eq!(std::mem::size_of::<Number>(), 24);
        assert_eq!(std::mem::size_of::<Kind>(), 28);
        assert_eq!(std::mem::size_of::<Token>(), 48);
    }

    /// The digits of the number token at the start of `input` as the
    /// lexer reads them, from all of `input`: where they start, and their
    /// length by [`read_digits`].
    fn digits_as_read(lexer: &Lexer<'_>, input: Input<'_>) -> Range<usize> {
        let digits = before_digits(input).digits;
        let lead = input.len() - digits.len();
        let len = read_digits(digits, lexer.style).map_or(0, |read| read.len);
        lead..lead + len
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8192))]
        /// A number token's digits found again in its bytes alone are the
        /// digits the lexer read with all the input after them.
        #[test]
        fn digits_are_found_again_in_the_tokens_bytes(
            text in "[(]?[ ]{0,2}[-+$€£]?[ ]?[0-9]{1,4}([.,' \u{a0}\u{202f}][0-9]{0,4}){0,3}[kKbBmMtT%eE_ )$€₹£x.,'\u{a0}\u{202f}0-9]{0,5}([ ](EUR|per cent|proc[.]|%|[0-9]))?",
            comma in proptest::bool::ANY,
        ) {
            let style = if comma { NumberStyle::Comma } else { NumberStyle::Dot };
            let lexer = Lexer { style, symbols: None };
            let input = text.as_bytes();
            let mut out = Tokens::default();
            lexer.read(input, 0, &mut out);
            for token in &out.tokens {
                let Some(number) = token.number() else { continue };
                let read = digits_as_read(&lexer, &input[token.start..]);
                let digits = token.start + read.start..token.start + read.end;
                proptest::prop_assert_eq!(token.digits(input, 0), Some(digits.clone()), "{:?}", text);
                let shown = &input[digits];
                if number.value() == Err(Refusal::TooManyDecimals) {
                    proptest::prop_assert!(Refusal::decimals(shown) > 28);
                }
            }
        }
    }

    #[test]
    fn refused_numbers_keep_their_digits() {
        let lexer = Lexer {
            style: NumberStyle::Dot,
            symbols: None,
        };
        let decimals = format!("0.{}", "1".repeat(29));
        for (text, refusal, digits) in [
            ("x 1e10k y", Refusal::Malformed, "1e10"),
            ("x -3,", Refusal::Cut, "3,"),
            ("x 3.", Refusal::Cut, "3."),
            (
                "x -$99999999999999999999999999999%",
                Refusal::TooLarge,
                "99999999999999999999999999999",
            ),
            (
                &format!("x ( {decimals} %)"),
                Refusal::TooManyDecimals,
                &decimals,
            ),
        ] {
            let mut out = Tokens::default();
            lexer.read(text.as_bytes(), 7, &mut out);
            let token = out.tokens[1];
            let kinds: Vec<Kind> = out.tokens.iter().map(|t| t.kind).collect();
            assert_eq!(
                token.number().map(Number::value),
                Some(Err(refusal)),
                "{text} {kinds:?}"
            );
            let range = token.digits(text.as_bytes(), 7).unwrap();
            assert_eq!(&text[range.start - 7..range.end - 7], digits, "{text}");
        }
        assert_eq!(Refusal::decimals(decimals.as_bytes()), 29);
    }

    #[test]
    fn every_percent_word_is_read_in_any_case() {
        for words in PERCENT_WORDS {
            let phrase = words.join(" ");
            let capital = format!("{}{}", phrase[..1].to_uppercase(), &phrase[1..]);
            for text in [phrase.clone(), phrase.to_uppercase(), capital] {
                let input = format!(" {text} x");
                assert_eq!(
                    percent_mark(input.as_bytes()),
                    (&b" x"[..], PercentMark::Word),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn no_glyph_starts_another() {
        for (a, _) in GLYPHS {
            for (b, _) in GLYPHS {
                assert!(a == b || !b.starts_with(a), "{a} {b}");
            }
        }
    }

    #[test]
    fn every_currency_sign_is_looked_for() {
        for currency in Currency::ALL {
            let sign = currency.sign().as_bytes();
            assert_eq!(currency_sign(sign), Some((&b""[..], currency)));
        }
    }

    #[test]
    fn ascii_words_are_classed_as_by_their_characters() {
        for word in [
            "AGL", "btc", "KSE100", "1Y", "24h", "Mkt-Cap", "S&P", "BRK.B", "up", "X",
        ] {
            assert_eq!(
                Word::of_ascii(word.as_bytes()),
                Word::of_chars(word),
                "{word}"
            );
            let token = ticker_len(word.as_bytes());
            for end in 1..=token {
                let start = &word.as_bytes()[..end];
                assert_eq!(
                    Word::of_ticker_start(start),
                    Word::of_ascii(start),
                    "{word}"
                );
            }
        }
    }

    #[test]
    fn seed_quotes_split_at_the_symbols_last_letter() {
        assert_eq!(
            lex("AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲"),
            [
                "W:AGL",
                "N:40.13",
                "M:▲",
                " N:0.12",
                " Q:(0.00%)",
                "W:AIRLINK",
                "N:189.43",
                "M:▲"
            ]
        );
    }

    #[test]
    fn rule_g_keeps_digits_before_a_separator_and_proves_longer_symbols() {
        assert_eq!(lex("KSE100 98,412"), ["W:KSE100", " N:98,412"]);
        assert_eq!(lex("ASX2007,812.40"), ["W:ASX200", "N:7,812.40"]);
        assert_eq!(lex("NDX18,310.42"), ["W:NDX", "N:18,310.42"]);
        assert_eq!(lex("N22538,823.91 x"), ["A:N22538,823.91", " W:x"]);
        assert_eq!(lex("PSX50|42,318|"), ["W:PSX50", "|:|", "N:42,318", "|:|"]);
        // A colon or `=` and a space end the label: the digits are its own.
        assert_eq!(lex("KSE100: 98,412"), ["W:KSE100", ":::", " N:98,412"]);
        assert_eq!(lex("X0= 5"), ["W:X0", "::=", " N:5"]);
        assert_eq!(lex("AB10:30"), ["W:AB", "D:10:30"]);
    }

    #[test]
    fn numbers_carry_signs_percents_currencies_and_magnitudes() {
        assert_eq!(
            lex("KQ4.12+6.74%EQTY"),
            ["W:KQ", "N:4.12", "Q:+6.74%", "W:EQTY"]
        );
        assert_eq!(lex("btc$71.4k+1.2%"), ["W:btc", "N:$71.4k", "Q:+1.2%"]);
        assert_eq!(lex("– 9.35 %"), ["Q:– 9.35 %"]);
        assert_eq!(lex("18,095 EUR x"), ["N:18,095 EUR", " W:x"]);
        assert_eq!(
            lex("3.61 per cent higher"),
            ["Q:3.61 per cent", " W:higher"]
        );
        assert_eq!(lex("(-30.33)+396.81"), ["N:(-30.33)", "N:+396.81"]);
        assert_eq!(lex("( 0.00% x"), ["(:(", " Q:0.00%", " W:x"]);
    }

    #[test]
    fn dates_times_and_words_with_digits() {
        assert_eq!(
            lex("17:15:00 | 2024-11-08"),
            ["D:17:15:00", " |:|", " D:2024-11-08"]
        );
        assert_eq!(lex("1Y Return 24h"), ["W:1Y", " W:Return", " W:24h"]);
        assert_eq!(lex("24-hour 5-4"), ["W:24-hour", " N:5", "N:-4"]);
        assert_eq!(lex("1e10"), ["N!:1e10"]);
    }

    #[test]
    fn markers_words_and_separators() {
        assert_eq!(
            lex("HBL 113.00 No Change ▼ 0.00"),
            ["W:HBL", " N:113.00", " M:No Change", " M:▼", " N:0.00"]
        );
        assert_eq!(
            lex("- NGX ASI: 4"),
            ["|:-", " W:NGX", " W:ASI", ":::", " N:4"]
        );
        assert_eq!(lex("a  b\tc"), ["W:a", "|:  ", "W:b", "|:\t", "W:c"]);
        assert_eq!(lex("x\r\ny"), ["W:x", "L:\r\n", "W:y"]);
        assert_eq!(lex("Münchener Rück"), ["W:Münchener", " W:Rück"]);
        assert_eq!(lex("GSE-CI ▾"), ["W:GSE-CI", " M:▾"]);
        // A direction word joined to letters is a ticker; to a number, or
        // ending a sentence, a marker.
        assert_eq!(lex("UP.A 0.1"), ["W:UP.A", " N:0.1"]);
        assert_eq!(lex("DOWN-B"), ["W:DOWN-B"]);
        assert_eq!(lex("DOWN-0.40"), ["M:DOWN", "N:-0.40"]);
        assert_eq!(lex("Up. 3"), ["M:Up", "P:.", " N:3"]);
    }

    #[test]
    fn comma_style_groups_with_spaces() {
        assert_eq!(
            lex_in("DAX 19 012,44", NumberStyle::Comma),
            ["W:DAX", " N:19 012,44"]
        );
        let lexer = Lexer {
            style: NumberStyle::Comma,
            symbols: None,
        };
        let mut out = Tokens::default();
        lexer.read(b"127.487", 0, &mut out);
        let number = out.tokens[0].number().unwrap();
        assert_eq!(number.value().unwrap().to_string(), "127487");
    }

    #[test]
    fn malformed_runs_offer_their_cuts() {
        let lexer = Lexer {
            style: NumberStyle::Dot,
            symbols: None,
        };
        let mut out = Tokens::default();
        lexer.read(b"7,477.50044.580", 0, &mut out);
        let cuts: Vec<String> = out
            .cuts
            .iter()
            .map(|c| format!("{} {}", c.first, c.second))
            .collect();
        assert!(cuts.contains(&"7477.500 44.580".to_string()), "{cuts:?}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_tokens_of_their_own() {
        let lexer = Lexer {
            style: NumberStyle::Dot,
            symbols: None,
        };
        let mut out = Tokens::default();
        lexer.read(b"AB\xff1", 0, &mut out);
        let kinds: Vec<Kind> = out.tokens.iter().map(|t| t.kind).collect();
        assert!(matches!(
            kinds[..],
            [Kind::Word(_), Kind::Invalid, Kind::Number(_)]
        ));
    }
}
