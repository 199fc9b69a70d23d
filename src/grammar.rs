//! The nom grammar of one quote ([`crate::formats`]), one function per rule.
//!
//! The grammar reads bytes. Symbols, numbers and markers end on ASCII bytes
//! or after whole UTF-8 sequences, so every position it reports is a char
//! boundary of the `&str` it was given.
//!
//! Failures are [`nom::Err::Error`] where another reading may still fit (an
//! optional field that is absent) and [`nom::Err::Failure`] where the input
//! committed to a rule and broke it (a sign with no digits, an unclosed
//! parenthesis). Either way they carry what was wanted and where, so strict
//! mode can say so and scan mode can skip the text.

use nom::bytes::complete::tag_no_case;
use nom::combinator::{opt, value};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use std::collections::HashSet;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::error::{Expected, Found, shorten};
use crate::lexical::{
    MAX_CHAR, date_or_time_len, ends_with_separator, first_line_end, gap_char_len, gap_len,
    hspace_len, invisible_len, is_line_end, may_be_date_or_time, separator_len, skip_run,
    starts_a_cell, word_joiner_len,
};
use crate::number::{Number, NumberError, NumberStyle, StyleDecision, number, number_like_len};
use crate::quote::{Currency, CurrencyCode, Direction, Label, Magnitude, Markers, Quote};

/// The grammar's input: the bytes of a `&str`.
pub(crate) type Input<'a> = &'a [u8];

/// The result of a grammar rule, failing with the error `E`.
pub(crate) type PResult<'a, O, E = Failure<'a>> = IResult<Input<'a>, O, E>;

/// What a grammar rule fails with: a [`Failure`] that says where and why,
/// or `()`, which says nothing and costs nothing.
///
/// Every rule is generic over it, so one grammar serves both: readers try
/// quotes with `()`, and only where no quote parses does the same grammar
/// run again with [`Failure`] to tell the user why. A rule that must know
/// more than which way a sub-rule failed asks the input, never the error.
pub(crate) trait RuleError<'a>: nom::error::ParseError<Input<'a>> {
    /// The error for the failure `make` describes; an error that keeps
    /// nothing never calls it.
    fn from_failure(make: impl FnOnce() -> Failure<'a>) -> Self;
}

impl<'a> RuleError<'a> for Failure<'a> {
    #[inline]
    fn from_failure(make: impl FnOnce() -> Failure<'a>) -> Self {
        make()
    }
}

impl<'a> RuleError<'a> for () {
    #[inline]
    fn from_failure(_make: impl FnOnce() -> Failure<'a>) -> Self {}
}

/// Longest symbol, a leading `^` or `.` included (rule Y).
const MAX_SYMBOL: usize = 15;

/// How strictly symbols are recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The input is a strip: any word in a quote's place is its symbol.
    Strict,
    /// The input is page text: an all-lowercase word is a symbol only when
    /// glued to its price.
    Scan,
}

/// The grammar with the options that shape it.
#[derive(Debug, Clone)]
pub(crate) struct Grammar {
    pub(crate) mode: Mode,
    /// [`NumberStyle::Dot`] or [`NumberStyle::Comma`], never `Auto`.
    pub(crate) style: NumberStyle,
    /// Symbols the caller knows, which decide glued splits first (rule G (c)).
    pub(crate) symbols: Option<Arc<HashSet<String>>>,
    /// Whether table headers are recognised and their rows read by role.
    pub(crate) tables: bool,
}

impl Grammar {
    pub(crate) fn new(mode: Mode) -> Grammar {
        Grammar {
            mode,
            style: NumberStyle::Dot,
            symbols: None,
            tables: true,
        }
    }

    /// The grammar for `text`: `style` resolved for it (see
    /// [`StyleDecision::resolve`]) and the caller's known symbols.
    pub(crate) fn for_text(
        mode: Mode,
        style: NumberStyle,
        symbols: Option<Arc<HashSet<String>>>,
        text: &[u8],
    ) -> (Grammar, StyleDecision) {
        let decision = StyleDecision::resolve(style, text);
        let grammar = Grammar {
            style: decision.style,
            symbols,
            ..Grammar::new(mode)
        };
        (grammar, decision)
    }
}

/// A price as shown: its currency sign, number and magnitude suffix.
#[derive(Debug, Clone, Copy)]
struct Price<'a> {
    currency: Option<Currency>,
    number: Number<'a>,
    magnitude: Option<Magnitude>,
    /// The number times the magnitude.
    value: Decimal,
    /// Whether the label ends in a `:` or `=` before it, a form that must
    /// fill its line (rule L).
    line_form: bool,
}

/// A reading of a cell: the quote and the input after it.
type Reading<'a> = (Input<'a>, Quote<'a>);

/// A quote's fields after its label, as shown.
#[derive(Debug, Clone, Copy)]
struct Fields<'a> {
    price: Price<'a>,
    markers: Markers,
    change: Option<Signed<'a>>,
    percent: Option<Signed<'a>>,
    /// Whether the fields were read in a form that must fill its line.
    line_form: bool,
}

/// Most words in a name (rule W).
const MAX_NAME_WORDS: usize = 6;

/// Most characters in a name (rule W).
const MAX_NAME_CHARS: usize = 40;

/// Most lowercase words between a percent and the price after it (rule L).
const MAX_LINK_WORDS: usize = 3;

/// Longest lowercase word between a percent and its price, in bytes,
/// that is looked at: longer words are prose.
const MAX_LINK_WORD: usize = 64;

/// Why a rule did not match: where, what it wanted, what was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Failure<'a> {
    /// The input from the point of failure on.
    pub(crate) at: Input<'a>,
    /// What the rule wanted there.
    pub(crate) want: Want,
    /// The text the want refers to: a symbol, price, marker, sign or number.
    pub(crate) context: Input<'a>,
    /// What was wrong at `at`.
    pub(crate) problem: Problem,
}

/// What a rule wanted where it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Want {
    /// A quote's symbol.
    Quote,
    /// A price after the symbol in `context`.
    Price,
    /// A marker or a change after the price in `context`.
    MarkerOrChange,
    /// A change or a percent after the marker in `context`.
    ChangeOrPercent,
    /// A valid change number.
    Change,
    /// A valid percent number.
    Percent,
    /// Digits after the sign in `context`.
    DigitsAfterSign,
    /// `%` after the number in `context`.
    PercentSign,
    /// `)` after the percent in `context`.
    ClosingParen,
    /// A low-level rule (a tag, a glyph) with no message of its own.
    Token,
}

/// What was wrong where a rule failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The character there does not fit.
    Unexpected,
    /// The number there breaks rule N or does not fit a decimal.
    Number(NumberError),
    /// The glued symbol and price there split validly several ways; the
    /// letters take `letters` bytes and numbers are read in `style`.
    Ambiguous { letters: usize, style: NumberStyle },
    /// A symbol of `len` bytes there, longer than rule Y allows.
    LongSymbol { len: usize },
    /// A date or time of `len` bytes there, where a number belongs (rule T).
    DateOrTime { len: usize },
    /// The text there reads as quotes with different labels (rules W and
    /// P), numbers read in `style`.
    AmbiguousLabel { style: NumberStyle },
}

impl<'a> Failure<'a> {
    fn new(at: Input<'a>, want: Want, context: Input<'a>, problem: Problem) -> Failure<'a> {
        Failure {
            at,
            want,
            context,
            problem,
        }
    }

    /// A failure of a low-level rule at `end`, with nothing to say.
    pub(crate) fn at_end(end: Input<'a>) -> Failure<'a> {
        Failure::new(end, Want::Token, &[], Problem::Unexpected)
    }

    /// Whether the failure came after the symbol and price were read, at
    /// the end of the input: a quote cut off by the end of a scrape.
    pub(crate) fn is_truncation(&self) -> bool {
        let cut_number = matches!(self.problem, Problem::Number(NumberError::Cut { .. }));
        let after_price = !matches!(self.want, Want::Quote | Want::Price | Want::Token);
        self.at.is_empty() && (cut_number || after_price)
    }

    /// What the failure wanted and found, for a [`crate::ParseError`].
    #[cold]
    pub(crate) fn describe(&self) -> (Expected, Found) {
        let context = String::from_utf8_lossy(self.context).into_owned();
        let expected = match self.want {
            Want::Quote | Want::Token => Expected::Quote,
            Want::Price => Expected::Price { symbol: context },
            Want::MarkerOrChange => Expected::MarkerOrChange { price: context },
            Want::ChangeOrPercent => Expected::ChangeOrPercent { marker: context },
            Want::Change => Expected::Change,
            Want::Percent => Expected::Percent,
            Want::DigitsAfterSign => Expected::DigitsAfterSign { sign: context },
            Want::PercentSign => Expected::PercentSign { number: context },
            Want::ClosingParen => Expected::ClosingParen { percent: context },
        };
        let text = |len: usize| shorten(&String::from_utf8_lossy(&self.at[..len]));
        let found = match self.problem {
            Problem::Unexpected => match first_char(self.at) {
                Some(c) => Found::Char(c),
                None => Found::EndOfInput,
            },
            Problem::Number(NumberError::NotANumber) => {
                Found::Char(first_char(self.at).unwrap_or(char::REPLACEMENT_CHARACTER))
            }
            Problem::Number(NumberError::Malformed) => {
                Found::MalformedNumber(text(number_like_len(self.at)))
            }
            Problem::Number(NumberError::Cut { .. }) => Found::EndOfInput,
            Problem::Number(NumberError::TooLarge { len }) => Found::NumberTooLarge(text(len)),
            Problem::Number(NumberError::TooManyDecimals { len, decimals }) => {
                Found::TooManyDecimals {
                    number: text(len),
                    decimals,
                }
            }
            Problem::DateOrTime { len } => Found::DateOrTime(text(len)),
            Problem::AmbiguousLabel { style } => {
                let grammar = Grammar {
                    style,
                    ..Grammar::new(Mode::Strict)
                };
                let readings: Vec<_> = grammar
                    .quote::<()>(self.at)
                    .into_iter()
                    .chain(grammar.name_readings(self.at))
                    .filter(|(rest, quote)| grammar.stands(self.at, rest, quote))
                    .map(|(_, quote)| (quote.symbol.to_owned(), quote.price.to_string()))
                    .collect();
                let line = first_line_end(self.at);
                let end = line.unwrap_or(self.at.len());
                return (
                    Expected::SymbolSplit,
                    Found::AmbiguousSplit {
                        text: text(end),
                        splits: readings,
                    },
                );
            }
            Problem::LongSymbol { len } => {
                return (Expected::Symbol, Found::LongSymbol(text(len)));
            }
            Problem::Ambiguous { letters, style } => {
                let grammar = Grammar {
                    style,
                    ..Grammar::new(Mode::Strict)
                };
                let splits = grammar
                    .longer_splits(self.at, letters)
                    .map(|(end, number)| {
                        let symbol = String::from_utf8_lossy(&self.at[..end]).into_owned();
                        let price = String::from_utf8_lossy(number.text).into_owned();
                        (symbol, price)
                    })
                    .collect();
                let len = letters + grammar.malformed_len(&self.at[letters..]);
                return (
                    Expected::SymbolSplit,
                    Found::AmbiguousSplit {
                        text: text(len),
                        splits,
                    },
                );
            }
        };
        (expected, found)
    }
}

impl<'a> nom::error::ParseError<Input<'a>> for Failure<'a> {
    fn from_error_kind(input: Input<'a>, _kind: nom::error::ErrorKind) -> Self {
        Failure::new(input, Want::Token, &[], Problem::Unexpected)
    }

    fn append(_input: Input<'a>, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

/// A recoverable failure: another reading may fit.
fn error<'a, O, E: RuleError<'a>>(
    at: Input<'a>,
    want: Want,
    context: Input<'a>,
) -> PResult<'a, O, E> {
    Err(nom::Err::Error(E::from_failure(|| {
        Failure::new(at, want, context, Problem::Unexpected)
    })))
}

/// A committed failure: the input started a rule and broke it.
fn failure<'a, O, E: RuleError<'a>>(
    at: Input<'a>,
    want: Want,
    context: Input<'a>,
    problem: Problem,
) -> PResult<'a, O, E> {
    Err(nom::Err::Failure(E::from_failure(|| {
        Failure::new(at, want, context, problem)
    })))
}

/// The failure for a bad number at `at`: a number cut off by the end of
/// the input fails at that end.
fn number_failure<'a, O, E: RuleError<'a>>(
    at: Input<'a>,
    want: Want,
    context: Input<'a>,
    problem: NumberError,
) -> PResult<'a, O, E> {
    let at = match problem {
        NumberError::Cut { len } => &at[len..],
        _ => at,
    };
    failure(at, want, context, Problem::Number(problem))
}

/// The first character of `input`, if any.
fn first_char(input: Input<'_>) -> Option<char> {
    match utf8_prefix(input, MAX_CHAR).chars().next() {
        Some(c) => Some(c),
        None if input.is_empty() => None,
        None => Some(char::REPLACEMENT_CHARACTER),
    }
}

impl Grammar {
    /// Rule: a quote labelled by a ticker. The ticker and its price (rules
    /// Y and G), then the price's fields: markers, then a change, a percent
    /// or both. Or, with the ticker apart from what follows, the
    /// percent-first order of rule L.
    ///
    /// The quote's span is relative to `input`, which need not be UTF-8:
    /// everything a quote holds is, and bytes that are not end it.
    pub(crate) fn quote<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
    ) -> PResult<'a, Quote<'a>, E> {
        let strip_order = self
            .symbol_and_price(input)
            .and_then(|(rest, (symbol, price))| {
                let (rest, fields) = self.after_price(rest, price)?;
                assemble(input, rest, symbol, Label::Ticker, fields)
            });
        match strip_order {
            Err(nom::Err::Error(e)) => self
                .ticker_percent_first::<()>(input)
                .map_err(|_| nom::Err::Error(e)),
            read => read,
        }
    }

    /// Rule: the fields after a price: a currency shown after it, if none
    /// was shown before (rule L), markers, then a change, a percent or both.
    #[inline]
    fn after_price<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        price: Price<'a>,
    ) -> PResult<'a, Fields<'a>, E> {
        let (rest, after) = match price.currency {
            None => opt(preceded(hspace, currency_after)).parse(input)?,
            Some(_) => (input, None),
        };
        let (rest, (markers, marker_text)) = markers(rest)?;
        let (rest, change) = opt(preceded(gap, |i| self.change(i))).parse(rest)?;
        let (rest, percent) = opt(preceded(gap, |i| self.percent(i))).parse(rest)?;
        if change.is_none() && percent.is_none() {
            let (at, ()) = gap(rest)?;
            return match marker_text {
                Some(marker) => error(at, Want::ChangeOrPercent, marker),
                None => error(at, Want::MarkerOrChange, price.number.text),
            };
        }
        let fields = Fields {
            line_form: price.line_form || after.is_some(),
            price: Price {
                currency: price.currency.or(after),
                ..price
            },
            markers,
            change,
            percent,
        };
        Ok((rest, fields))
    }

    /// Rule L's percent-first order after a ticker (`LYRA up + 6.38% at
    /// 21.84`): the ticker is one whole token apart from the percent.
    fn ticker_percent_first<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
    ) -> PResult<'a, Quote<'a>, E> {
        let token = symbol_token(input);
        let symbol = self.symbol(input, token.text.len())?;
        let lowercase = self.mode == Mode::Scan && is_lowercase_word(symbol);
        // What follows the last letter is digits, as in a spaced symbol of
        // the strip order (rule G (a)): `bt.0` is no ticker.
        let spaced = token
            .last_letter
            .is_some_and(|last| symbol[last + 1..].iter().all(u8::is_ascii_digit));
        if !spaced || lowercase {
            return error(input, Want::Quote, &[]);
        }
        let (rest, ()) = hspace1(&input[symbol.len()..])?;
        let (rest, fields) = self.percent_first(rest, symbol)?;
        assemble(input, rest, symbol, Label::Ticker, fields)
    }

    /// Rule L: a percent before the price, after an optional direction
    /// word; between the percent and the price at most three lowercase
    /// words, the last of them `at`, `to` or `@`; a currency before or
    /// after the price. `label` is the text the price belongs to.
    fn percent_first<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        label: Input<'a>,
    ) -> PResult<'a, Fields<'a>, E> {
        let (rest, word) = opt(terminated(direction_word, hspace)).parse(input)?;
        let (rest, percent) = self.percent(rest)?;
        let (rest, ()) = price_link(rest)?;
        let (rest, price) = self.price(rest, label)?;
        let (rest, after) = match price.currency {
            None => opt(preceded(hspace, currency_after)).parse(rest)?,
            Some(_) => (rest, None),
        };
        let fields = Fields {
            price: Price {
                currency: price.currency.or(after),
                ..price
            },
            markers: Markers { word, glyph: None },
            change: None,
            percent: Some(percent),
            line_form: true,
        };
        Ok((rest, fields))
    }

    /// Rules W and L at the start of a cell (a line, or text after a cell
    /// separator): the quote labelled by a ticker or by a name.
    ///
    /// Every reading is tried: the ticker's and one per name of one to six
    /// words. A reading stands when it fills its line or needs not (rule
    /// L). One standing reading is the quote. Of several, one that alone
    /// fills its line is (the others leave text no quote explains, rule R);
    /// else of those that fill it (or of all, when none does), the ones
    /// whose previous close (price − change) would not be positive fall.
    /// When still not exactly one is left, the text is ambiguous (rule P).
    pub(crate) fn cell_quote<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
    ) -> PResult<'a, Quote<'a>, E> {
        let ticker = self.quote(input);
        let readings = ticker
            .as_ref()
            .ok()
            .into_iter()
            .map(|(rest, quote)| (*rest, quote.clone()))
            .chain(self.name_readings(input))
            .filter(|(rest, quote)| self.stands(input, rest, quote));
        let mut standing = [const { None }; MAX_NAME_WORDS + 1];
        for (slot, reading) in standing.iter_mut().zip(readings) {
            *slot = Some(reading);
        }
        let standing = standing.into_iter().flatten();
        let only = |keep: &dyn Fn(&Reading<'a>) -> bool| {
            let mut kept = standing.clone().filter(|reading| keep(reading));
            match (kept.next(), kept.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        };
        let fills = |(rest, quote): &Reading<'a>| quote.line_form || self.fills_line(input, rest);
        let any_fills = standing.clone().any(|reading| fills(&reading));
        let plausible = |reading: &Reading<'a>| {
            (!any_fills || fills(reading)) && has_positive_previous_close(&reading.1)
        };
        if standing.clone().next().is_none() {
            return match ticker {
                Ok(_) => error(input, Want::Quote, &[]),
                Err(e) => Err(e),
            };
        }
        match only(&|_| true)
            .or_else(|| only(&fills))
            .or_else(|| only(&plausible))
        {
            Some(one) => Ok(one),
            None => failure(
                input,
                Want::Quote,
                &[],
                Problem::AmbiguousLabel { style: self.style },
            ),
        }
    }

    /// Whether a reading stands: it need not fill its line, or it does.
    fn stands(&self, input: Input<'_>, rest: Input<'_>, quote: &Quote<'_>) -> bool {
        !quote.line_form || self.fills_line(input, rest)
    }

    /// Rule W: the readings of `input` as a quote labelled by a name, one
    /// per name length, whether they fill their line or not. A name of one
    /// word that is a ticker is the ticker's reading, not a name's; a name
    /// whose first word is all lowercase is prose.
    fn name_readings<'a>(
        &self,
        input: Input<'a>,
    ) -> impl Iterator<Item = (Input<'a>, Quote<'a>)> + use<'a, '_> {
        let (ends, count) = name_ends(input, self.style);
        let ticker_len = symbol_token(input).text.len();
        ends.into_iter().take(count).filter_map(move |end| {
            let name = std::str::from_utf8(&input[..end]).ok()?;
            let first_word = name.split([' ', '\u{a0}']).next().unwrap_or(name);
            if end == ticker_len || is_lowercase_name(first_word) {
                return None;
            }
            let (rest, fields) = self.after_name::<()>(&input[end..], &input[..end]).ok()?;
            assemble::<()>(input, rest, name.as_bytes(), Label::of(name), fields).ok()
        })
    }

    /// What follows a name: a `:` or `=`, or horizontal space, then the
    /// price and its fields, or rule L's percent-first order.
    fn after_name<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        name: Input<'a>,
    ) -> PResult<'a, Fields<'a>, E> {
        let (rest, ()) = label_end(input)?;
        match self.price(rest, name) {
            Ok((after, price)) => self.after_price(
                after,
                Price {
                    line_form: true,
                    ..price
                },
            ),
            Err(nom::Err::Error(_)) => self.percent_first(rest, name),
            Err(e) => Err(e),
        }
    }

    /// Rule L: whether a quote read from `input` that ends where `rest`
    /// starts fills its line: up to the line's end only separators, date
    /// or time cells, or another quote follow. A name may label the next
    /// quote only where a cell starts after this one.
    fn fills_line(&self, input: Input<'_>, rest: Input<'_>) -> bool {
        let done = input.len() - rest.len();
        let mut at = 0;
        while let Some(&b) = rest.get(at) {
            if is_line_end(b) {
                return true;
            }
            let separator = separator_len(&rest[at..]).max(invisible_len(&rest[at..]));
            if separator > 0 {
                at += separator;
                continue;
            }
            let date = date_or_time_len(&rest[at..]);
            if date > 0 && at > 0 {
                at += date;
                continue;
            }
            let next = &rest[at..];
            let cell = at > 0 && starts_a_cell(&input[..done + at]);
            return self.quote::<()>(next).is_ok()
                || cell && self.name_readings(next).next().is_some();
        }
        true
    }
    /// Rules Y and G: the symbol and the price after it.
    ///
    /// The symbol token is the longest run of symbol characters. The
    /// longest known symbol it starts with, if any, is the symbol (rule G
    /// (c)). Otherwise a symbol with a letter runs to its last letter and
    /// digits after it start a glued price, unless a separator follows them
    /// (rule G (a)) or the grouping of the digits proves a longer symbol
    /// (rule G (b)). An all-digit symbol must be followed by a separator.
    fn symbol_and_price<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
    ) -> PResult<'a, (Input<'a>, Price<'a>), E> {
        let Token {
            text: token,
            last_letter,
        } = symbol_token(input);
        if token.is_empty() {
            return error(input, Want::Quote, &[]);
        }
        if let Some(found) = self.known_symbol_and_price(input, token) {
            return Ok(found);
        }
        if self.inside_a_number(input, token) {
            return error(input, Want::Quote, &[]);
        }
        let separated = gap_len(&input[token.len()..]) > 0;
        let Some(last_letter) = last_letter else {
            if token.iter().all(u8::is_ascii_digit) && separated {
                return self.spaced_price(input, token.len());
            }
            return error(input, Want::Quote, &[]);
        };
        let digits = &token[last_letter + 1..];
        if digits.is_empty() {
            return self.spaced_price(input, token.len());
        }
        if separated && digits.iter().all(u8::is_ascii_digit) {
            if let Ok(found) = self.spaced_price::<()>(input, token.len()) {
                return Ok(found);
            }
        }
        if !digits[0].is_ascii_digit() {
            return error(
                &input[last_letter + 1..],
                Want::Price,
                &input[..=last_letter],
            );
        }
        self.glued_price(input, last_letter + 1)
    }

    /// Whether the letters of a token that starts with digits belong to a
    /// malformed number (`1e10`), which is no symbol.
    fn inside_a_number(&self, input: Input<'_>, token: Input<'_>) -> bool {
        if !token[0].is_ascii_digit() {
            return false;
        }
        let Some(letter) = token.iter().position(u8::is_ascii_alphabetic) else {
            return false;
        };
        // A continuation that takes in the letter starts at most one byte
        // before it and spans at most three (`e+1`): reading that far
        // decides, however long the number-like run goes on.
        let reach = &input[..input.len().min(letter + 3)];
        matches!(number(input, self.style), Err(NumberError::Malformed))
            && number_like_len(reach) > letter
    }

    /// Rule G (c): the longest known symbol that `token` starts with and
    /// that a price follows.
    fn known_symbol_and_price<'a>(
        &self,
        input: Input<'a>,
        token: Input<'a>,
    ) -> Option<(Input<'a>, (Input<'a>, Price<'a>))> {
        let symbols = self.symbols.as_deref()?;
        (1..=token.len().min(MAX_SYMBOL))
            .rev()
            .filter(|&len| std::str::from_utf8(&token[..len]).is_ok_and(|s| symbols.contains(s)))
            .find_map(|len| self.spaced_price::<()>(input, len).ok())
    }

    /// A symbol of `len` bytes, then a gap (perhaps empty), then its price.
    fn spaced_price<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        len: usize,
    ) -> PResult<'a, (Input<'a>, Price<'a>), E> {
        let symbol = self.symbol(input, len)?;
        let (at, colon) = match label_colon::<()>(&input[len..]) {
            Ok((at, ())) => (at, true),
            Err(_) => (gap(&input[len..])?.0, false),
        };
        let glued = at.len() == input.len() - len;
        if self.mode == Mode::Scan && !glued && is_lowercase_word(symbol) {
            return error(input, Want::Quote, &[]);
        }
        let (rest, price) = self.price(at, symbol)?;
        let price = Price {
            line_form: colon,
            ..price
        };
        Ok((rest, (symbol, price)))
    }

    /// Rule G for a price glued to the symbol's last letter, which ends at
    /// `letters`: the letters-only split, or the one longer split that
    /// grouping proves.
    fn glued_price<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        letters: usize,
    ) -> PResult<'a, (Input<'a>, Price<'a>), E> {
        let symbol = self.symbol(input, letters)?;
        let digits = &input[letters..];
        let letters_only = match self.price::<E>(digits, symbol) {
            Ok((rest, price)) => return Ok((rest, (symbol, price))),
            // The digits start no currency, so the number failed: when it
            // breaks rule N, grouping may prove a longer symbol.
            Err(nom::Err::Failure(e))
                if matches!(number(digits, self.style), Err(NumberError::Malformed)) =>
            {
                e
            }
            Err(e) => return Err(e),
        };
        let mut splits = self.longer_splits(input, letters);
        match (splits.next(), splits.next()) {
            (Some((end, _)), None) => {
                let symbol = self.symbol(input, end)?;
                let (rest, price) = self.price(&input[end..], symbol)?;
                Ok((rest, (symbol, price)))
            }
            (Some(_), Some(_)) => failure(
                input,
                Want::Quote,
                &[],
                Problem::Ambiguous {
                    letters,
                    style: self.style,
                },
            ),
            (None, _) => Err(nom::Err::Failure(letters_only)),
        }
    }

    /// The first `len` bytes of `input` as a symbol: at most 15 bytes.
    fn symbol<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        len: usize,
    ) -> Result<Input<'a>, nom::Err<E>> {
        if len > MAX_SYMBOL {
            let problem = Problem::LongSymbol { len };
            return Err(nom::Err::Error(E::from_failure(|| {
                Failure::new(input, Want::Quote, &[], problem)
            })));
        }
        Ok(&input[..len])
    }

    /// Rule: a price: an optional currency sign, a number, an optional
    /// magnitude suffix that multiplies it (`71.4k` is 71400).
    fn price<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        symbol: Input<'a>,
    ) -> PResult<'a, Price<'a>, E> {
        let (at, currency) = opt(terminated(currency, hspace)).parse(input)?;
        let (rest, number) = self.number(at, Want::Price, symbol)?;
        let (rest, magnitude) = opt(magnitude).parse(rest)?;
        let value = match magnitude {
            Some(magnitude) => magnitude.apply(number.value),
            None => Some(number.value),
        };
        let Some(value) = value else {
            let len = number.text.len();
            return failure(
                at,
                Want::Price,
                symbol,
                Problem::Number(NumberError::TooLarge { len }),
            );
        };
        let price = Price {
            currency,
            number,
            magnitude,
            value,
            line_form: false,
        };
        Ok((rest, price))
    }

    /// Rule G (b): the splits of glued letters and digits that put more
    /// digits in the symbol and leave a valid price, as (symbol length, price).
    fn longer_splits<'a>(
        &self,
        input: Input<'a>,
        letters: usize,
    ) -> impl Iterator<Item = (usize, Number<'a>)> + use<'a> {
        let digits = input[letters..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let style = self.style;
        (letters + 1..letters + digits)
            .take_while(|&end| end <= MAX_SYMBOL)
            .filter_map(move |end| {
                number(&input[end..], style)
                    .ok()
                    .map(|(_, price)| (end, price))
            })
    }

    /// Length of the digits-and-separators text at the start of `input`.
    fn malformed_len(&self, input: Input<'_>) -> usize {
        match number(input, self.style) {
            Err(NumberError::Malformed) => number_like_len(input),
            Ok((_, n)) => n.text.len(),
            Err(
                NumberError::Cut { len }
                | NumberError::TooLarge { len }
                | NumberError::TooManyDecimals { len, .. },
            ) => len,
            Err(NumberError::NotANumber) => 0,
        }
    }

    /// Rule: a number with an optional sign (and one optional space after
    /// the sign). `want` names the field for errors in the number itself.
    fn signed_number<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        want: Want,
    ) -> PResult<'a, Signed<'a>, E> {
        let (after_sign, minus) = match sign::<()>(input) {
            Ok((rest, minus)) => (rest, Some(minus)),
            Err(_) => (input, None),
        };
        let digits = match after_sign {
            [b' ', d, ..] if minus.is_some() && d.is_ascii_digit() => &after_sign[1..],
            _ => after_sign,
        };
        match self.number(digits, want, &[]) {
            Ok((rest, number)) => Ok((rest, Signed { minus, number })),
            // No number, and no date or time either: a sign with no digits.
            Err(nom::Err::Error(_)) if minus.is_some() && date_or_time_len(digits) == 0 => {
                let sign = &input[..input.len() - after_sign.len()];
                failure(
                    skip_run(after_sign, hspace_len),
                    Want::DigitsAfterSign,
                    sign,
                    Problem::Unexpected,
                )
            }
            Err(e) => Err(e),
        }
    }

    /// Rule N: a number for the field `want` names, `context` the text it
    /// belongs to. A date or a time is none (rule T).
    fn number<'a, E: RuleError<'a>>(
        &self,
        input: Input<'a>,
        want: Want,
        context: Input<'a>,
    ) -> PResult<'a, Number<'a>, E> {
        let found = number(input, self.style);
        let may_be_date = match &found {
            Ok((rest, _)) => may_be_date_or_time(rest),
            Err(_) => true,
        };
        if may_be_date {
            if let Ok((_, date)) = date_or_time::<()>(input) {
                let problem = Problem::DateOrTime { len: date.len() };
                return Err(nom::Err::Error(E::from_failure(|| {
                    Failure::new(input, want, context, problem)
                })));
            }
        }
        match found {
            Ok(found) => Ok(found),
            Err(NumberError::NotANumber) => error(input, want, context),
            Err(problem) => number_failure(input, want, context, problem),
        }
    }

    /// Rule: a change: a signed number that is not followed by `%`.
    fn change<'a, E: RuleError<'a>>(&self, input: Input<'a>) -> PResult<'a, Signed<'a>, E> {
        let (rest, change) = self.signed_number(input, Want::Change)?;
        if percent_sign::<()>(rest).is_ok() {
            return error(input, Want::Change, &[]);
        }
        Ok((rest, change))
    }

    /// Whether the signed number at the start of `input` breaks where the
    /// input ends, so that more text might have made it whole. Asked only
    /// after the number failed: the [`Failure`] says where.
    #[cold]
    fn number_cut_at_end(&self, input: Input<'_>) -> bool {
        match self.signed_number::<Failure>(input, Want::Percent) {
            Err(nom::Err::Failure(f) | nom::Err::Error(f)) => f.at.is_empty(),
            _ => false,
        }
    }

    /// Rule: a percent: a signed number and `%`, bare or in parentheses.
    ///
    /// A bare number that breaks rule N, or a sign with no digits, is no
    /// percent unless `%` follows it: after a whole quote it is what comes
    /// next (a date, a dash between quotes), not a broken field of the
    /// quote. The end of the input is no such proof: a number cut off
    /// there may have been a percent.
    fn percent<'a, E: RuleError<'a>>(&self, input: Input<'a>) -> PResult<'a, Signed<'a>, E> {
        let Some(inner) = input.strip_prefix(b"(") else {
            let (rest, percent) = match self.signed_number::<E>(input, Want::Percent) {
                Err(nom::Err::Failure(_))
                    if !percent_follows(input) && !self.number_cut_at_end(input) =>
                {
                    return error(input, Want::Percent, &[]);
                }
                result => result?,
            };
            return match percent_sign::<()>(rest) {
                Ok((rest, ())) => Ok((rest, percent)),
                Err(_) => error(input, Want::Percent, &[]),
            };
        };
        let (inner, ()) = hspace(inner)?;
        if inner.is_empty() {
            return failure(inner, Want::Percent, &[], Problem::Unexpected);
        }
        let (rest, percent) = self.signed_number(inner, Want::Percent)?;
        let Ok((rest, ())) = percent_sign::<()>(rest) else {
            let (at, ()) = hspace(rest)?;
            let number = percent.number.text;
            return failure(at, Want::PercentSign, number, Problem::Unexpected);
        };
        let shown = &inner[..inner.len() - rest.len()];
        let (at, ()) = hspace(rest)?;
        match at.strip_prefix(b")") {
            Some(rest) => Ok((rest, percent)),
            None => failure(at, Want::ClosingParen, shown, Problem::Unexpected),
        }
    }
}

/// Rule: a currency sign before a price.
fn currency<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, Currency, E> {
    // Every sign's UTF-8 starts with one of these bytes.
    if !matches!(input.first(), Some(b'$' | 0xC2 | 0xE2)) {
        return error(input, Want::Token, &[]);
    }
    let found = Currency::ALL.into_iter().find_map(|currency| {
        let rest = input.strip_prefix(currency.sign().as_bytes())?;
        Some((rest, currency))
    });
    found.map_or_else(|| error(input, Want::Token, &[]), Ok)
}

/// Rule: a magnitude suffix glued to a price's number, ending at a word
/// boundary.
fn magnitude<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, Magnitude, E> {
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
    // Every suffix starts with one of these letters, in either case.
    if !input
        .first()
        .is_some_and(|b| matches!(b | 0x20, b'b' | b'k' | b'm' | b't'))
    {
        return error(input, Want::Token, &[]);
    }
    let found = SUFFIXES.iter().find_map(|&(suffix, magnitude)| {
        let rest = input.strip_prefix(suffix.as_bytes())?;
        let boundary = !rest.first().is_some_and(u8::is_ascii_alphanumeric);
        boundary.then_some((rest, magnitude))
    });
    found.map_or_else(|| error(input, Want::Token, &[]), Ok)
}

/// Builds the quote read from `input` up to `rest`.
#[inline]
fn assemble<'a, E: RuleError<'a>>(
    input: Input<'a>,
    rest: Input<'a>,
    symbol: &'a [u8],
    label: Label,
    fields: Fields<'a>,
) -> PResult<'a, Quote<'a>, E> {
    // Labels are UTF-8 (rule Y's ASCII, rule W's words), so this always
    // succeeds.
    let Ok(symbol) = std::str::from_utf8(symbol) else {
        return error(input, Want::Quote, &[]);
    };
    let Fields {
        price,
        markers,
        change,
        percent,
        line_form,
    } = fields;
    let mut quote = Quote::from_fields(
        symbol,
        price.value,
        markers,
        change.map(Signed::parts),
        percent.map(Signed::parts),
    );
    quote.label = label;
    quote.span = 0..input.len() - rest.len();
    quote.currency = price.currency;
    quote.magnitude = price.magnitude;
    quote.shown_scale = price.number.value.scale() as u8;
    quote.line_form = line_form || label == Label::Name;
    Ok((rest, quote))
}

/// Rule T: a date or a time token.
fn date_or_time<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, Input<'a>, E> {
    match date_or_time_len(input) {
        0 => error(input, Want::Token, &[]),
        len => Ok((&input[len..], &input[..len])),
    }
}

/// Rule L: a currency after the price: a sign, or an ISO 4217 code that
/// is a whole word.
fn currency_after<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, Currency, E> {
    if let Ok(found) = currency::<()>(input) {
        return Ok(found);
    }
    let code = match input {
        [a, b, c, rest @ ..]
            if [a, b, c].iter().all(|b| b.is_ascii_uppercase())
                && !rest.first().is_some_and(u8::is_ascii_alphanumeric) =>
        {
            std::str::from_utf8(&[*a, *b, *c])
                .ok()
                .and_then(CurrencyCode::new)
        }
        _ => None,
    };
    match code {
        Some(code) => Ok((&input[3..], Currency::Code(code))),
        None => error(input, Want::Token, &[]),
    }
}

/// Rule L: what stands between a percent and the price after it: space,
/// and perhaps at most three lowercase words, the last of them `at`, `to`
/// or `@`, each followed by space.
fn price_link<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (), E> {
    let (mut rest, ()) = hspace1(input)?;
    let mut linked = true;
    for _ in 0..MAX_LINK_WORDS {
        let len = lowercase_word_len(rest);
        let Ok((after, ())) = hspace1::<()>(&rest[len..]) else {
            break;
        };
        if len == 0 {
            break;
        }
        linked = matches!(&rest[..len], b"at" | b"to" | b"@");
        rest = after;
    }
    match linked {
        true => Ok((rest, ())),
        false => error(rest, Want::Price, &[]),
    }
}

/// The byte length of the word of lowercase letters (or the `@`) at the
/// start of `input`.
fn lowercase_word_len(input: Input<'_>) -> usize {
    if input.first() == Some(&b'@') {
        return 1;
    }
    let text = utf8_prefix(input, MAX_LINK_WORD);
    text.char_indices()
        .find(|&(_, c)| !c.is_lowercase())
        .map_or(text.len(), |(i, _)| i)
}

/// The longest prefix of the first `max` bytes of `input` that is UTF-8:
/// callers look at words, never further.
fn utf8_prefix(input: Input<'_>, max: usize) -> &str {
    let input = &input[..input.len().min(max)];
    match std::str::from_utf8(input) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&input[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// Rule W: the end of a label before a `:` or `=` (`FTSE 100: 8,140.55`),
/// with horizontal space around it. A letter or digit right after the
/// mark makes it a ticker's own (`I:DJI`, `SCBK180.:5`), no label's end.
fn label_colon<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (), E> {
    let (at, ()) = hspace(input)?;
    match at {
        [b':' | b'=', rest @ ..] if !rest.first().is_some_and(u8::is_ascii_alphanumeric) => {
            hspace(rest)
        }
        _ => error(at, Want::Token, &[]),
    }
}

/// Rule W: what ends a name before its price: a `:` or `=`, or
/// horizontal space, perhaps with a table cell bar in it.
fn label_end<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (), E> {
    if let Ok(found) = label_colon::<()>(input) {
        return Ok(found);
    }
    let (rest, ()) = hspace1(input)?;
    match rest.strip_prefix(b"|") {
        Some(after) => hspace(after),
        None => Ok((rest, ())),
    }
}

/// Rule W: where the names at the start of `input` end, one to six words
/// joined by one space or NBSP, at most 40 characters, each followed by
/// horizontal space, `:` or `=`. A word is letters of any script, digits
/// and `& . - ' / ®` with at least one letter, or digits only after such
/// a word, unless grouping makes them part of a number (`DAX 18 604,12`)
/// or they start a date or time (`Close 0:10`). A word with a decimal
/// number in it (`N244.04`) is a glued ticker and price, no name's.
/// A direction word (`up`, `down`) is a marker, never a name's.
/// Returns the end offsets and how many there are.
fn name_ends(input: Input<'_>, style: NumberStyle) -> ([usize; MAX_NAME_WORDS], usize) {
    let mut ends = [0; MAX_NAME_WORDS];
    let mut count = 0;
    let mut at = 0;
    let mut chars = 0;
    while count < MAX_NAME_WORDS && at < input.len() {
        let (len, word_chars, letters) = name_word(&input[at..]);
        let digits_only = len > 0 && input[at..at + len].iter().all(u8::is_ascii_digit);
        // Digits that a number's grouping continues are that number's.
        let grouped = digits_only
            && number(&input[at..], style).is_ok_and(|(_, number)| number.text.len() > len);
        let dated = date_or_time_len(&input[at..]) > 0;
        // A word with a decimal number in it is a ticker glued to its price
        // (`N244.04`), never a name's (rule W).
        let priced = input[at..at + len]
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
        let word = !priced && (letters || (digits_only && !grouped && !dated && count > 0));
        chars += word_chars;
        if !word || chars > MAX_NAME_CHARS || direction_word::<()>(&input[at..]).is_ok() {
            break;
        }
        let end = at + len;
        if label_end::<()>(&input[end..]).is_err() {
            break;
        }
        ends[count] = end;
        count += 1;
        let joiner = word_joiner_len(&input[end..]);
        if joiner == 0 {
            break;
        }
        if hspace_len(&input[end + joiner..]) > 0 {
            break;
        }
        chars += 1;
        at = end + joiner;
    }
    (ends, count)
}

/// The word of a name at the start of `input`: its byte length, its
/// length in characters, and whether it has a letter.
fn name_word(input: Input<'_>) -> (usize, usize, bool) {
    let ascii_word_byte = |b: u8| b.is_ascii_alphanumeric() || b"&.-'/".contains(&b);
    // The word ends at the first ASCII byte that is no word character;
    // only what comes before it need be UTF-8.
    let region = input
        .iter()
        .take((MAX_NAME_CHARS + 1) * MAX_CHAR)
        .position(|&b| b.is_ascii() && !ascii_word_byte(b))
        .unwrap_or(input.len().min((MAX_NAME_CHARS + 1) * MAX_CHAR));
    let text = utf8_prefix(&input[..region], region);
    let is_word_char =
        |c: char| c.is_alphanumeric() || matches!(c, '&' | '.' | '-' | '\'' | '/' | '®');
    let mut len = 0;
    let mut chars = 0;
    let mut letters = false;
    for c in text.chars().take_while(|&c| is_word_char(c)) {
        len += c.len_utf8();
        chars += 1;
        letters |= c.is_alphabetic();
    }
    (len, chars, letters)
}

/// Whether a word has lowercase letters and no uppercase ones. A name
/// whose first word is such a word is prose (`the index gained`, `see CAC
/// 40`), never a name.
fn is_lowercase_name(name: &str) -> bool {
    name.chars().any(char::is_lowercase) && !name.chars().any(char::is_uppercase)
}

/// Whether a quote's previous close, its price minus its change, is
/// positive, or cannot be told: a reading of a label whose previous
/// close is not is no reading when another stands (`S&P 500 5,184.22`
/// is not `S&P` at 500 with a change of 5,184.22).
fn has_positive_previous_close(quote: &Quote<'_>) -> bool {
    let positive = |d: Decimal| d.is_sign_positive() && !d.is_zero();
    !positive(quote.price) || quote.implied_close().is_none_or(positive)
}

/// Whether `symbol` has lowercase letters and no uppercase ones (`btc`).
fn is_lowercase_word(symbol: Input<'_>) -> bool {
    symbol.iter().any(u8::is_ascii_lowercase) && !symbol.iter().any(u8::is_ascii_uppercase)
}

/// Which bytes may stand inside a symbol: ASCII letters and digits and
/// `. - & / : = _`. A table, since the token loop looks up every byte.
const SYMBOL_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric()
            || matches!(byte, b'.' | b'-' | b'&' | b'/' | b':' | b'=' | b'_');
        b += 1;
    }
    table
};

/// A byte that may stand inside a symbol.
fn is_symbol_byte(b: u8) -> bool {
    SYMBOL_BYTES[usize::from(b)]
}

/// Rule Y's token at the start of some input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token<'a> {
    /// An optional `^` or `.`, then an ASCII letter or digit, then symbol
    /// bytes. Punctuation at its end is not part of it.
    text: Input<'a>,
    /// The last letter of the token's word, if it has one. The word is the
    /// part before the first decimal number in the token: `AIRLINK189.43`
    /// has the word `AIRLINK189`, whose last letter ends the symbol, so
    /// that `189.43` is the price.
    last_letter: Option<usize>,
}

/// Where a symbol's letters and digits start in `input`: after a leading
/// `^` or `.`.
fn symbol_start(input: Input<'_>) -> usize {
    usize::from(matches!(input.first(), Some(b'^' | b'.')))
}

/// Reads rule Y's token at the start of `input`.
fn symbol_token(input: Input<'_>) -> Token<'_> {
    if !starts_symbol(input) {
        return Token {
            text: &[],
            last_letter: None,
        };
    }
    let start = symbol_start(input);
    let run = input[start..]
        .iter()
        .position(|&b| !is_symbol_byte(b))
        .map_or(input.len(), |end| start + end);
    let len = input[..run]
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(0, |last| last + 1);
    let text = &input[..len];
    // A digit, `.`, a digit: a decimal number starts before the dot, and
    // the word ends there.
    let word = text
        .windows(3)
        .position(|w| w[1] == b'.' && w[0].is_ascii_digit() && w[2].is_ascii_digit())
        .map_or(len, |i| i + 1);
    let last_letter = text[..word].iter().rposition(u8::is_ascii_alphabetic);
    Token { text, last_letter }
}

/// Whether `label` is one whole ticker of rule Y: at most 15 bytes, a
/// letter among them, and nothing before or after its token.
pub(crate) fn is_ticker(label: Input<'_>) -> bool {
    let token = symbol_token(label);
    token.text.len() == label.len() && label.len() <= MAX_SYMBOL && token.last_letter.is_some()
}

/// Whether a symbol starts `input`: a letter or digit, perhaps after `^`
/// or `.`. Its token (see [`symbol_token`]) then holds at least that byte.
pub(crate) fn starts_symbol(input: Input<'_>) -> bool {
    input
        .get(symbol_start(input))
        .is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether a quote may start at `input`, after the text `before`: where a
/// ticker may (see [`can_start_quote`]), or with a letter of any script
/// where a cell starts, for a name (rule W). Callers pass at least
/// [`LOOKBEHIND`](crate::window::LOOKBEHIND) bytes of `before` where the
/// input has them.
pub(crate) fn quote_may_start(before: Input<'_>, input: Input<'_>) -> bool {
    if can_start_quote(before, input) {
        return true;
    }
    // A cell starts after a separator: most text fails on the last byte.
    ends_with_separator(before)
        && !input.first().is_some_and(u8::is_ascii)
        && first_char(input).is_some_and(char::is_alphabetic)
        && starts_a_cell(before)
}

/// Whether a ticker may start at `input`, after the text `before` (rule B):
/// a symbol's first byte at the start of the input or of a line, or after
/// white space or another separator. Callers pass at least [`MAX_CHAR`]
/// bytes of `before` where the input has them; a quote glued to the end of
/// the previous one is the caller's to allow.
fn can_start_quote(before: Input<'_>, input: Input<'_>) -> bool {
    let Some(&b) = input.first() else {
        return false;
    };
    let starts_symbol = b.is_ascii_alphanumeric() || b == b'^' || b == b'.';
    starts_symbol && ends_with_separator(before)
}

/// Rule: the gap between a quote's fields: white space and table cell bars,
/// perhaps none.
pub(crate) fn gap<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (), E> {
    Ok((skip_run(input, gap_char_len), ()))
}

/// Rule: separators between quotes: the gap's characters and `•`, `·`, `;`.
pub(crate) fn separators<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (), E> {
    Ok((skip_run(input, separator_len), ()))
}

/// Rule: horizontal space, perhaps none.
pub(crate) fn hspace<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (), E> {
    Ok((skip_run(input, hspace_len), ()))
}

/// The glyphs of rule D.
const GLYPHS: [(&str, Direction); 13] = [
    ("▲", Direction::Up),
    ("△", Direction::Up),
    ("▴", Direction::Up),
    ("↑", Direction::Up),
    ("⬆", Direction::Up),
    ("🔺", Direction::Up),
    ("▼", Direction::Down),
    ("▽", Direction::Down),
    ("▾", Direction::Down),
    ("↓", Direction::Down),
    ("⬇", Direction::Down),
    ("🔻", Direction::Down),
    ("►", Direction::Unchanged),
];

/// Rule: a direction glyph, perhaps with an emoji variation selector.
fn glyph<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, Direction, E> {
    // Every glyph's UTF-8 starts with one of these bytes.
    if !matches!(input.first(), Some(0xE2 | 0xF0)) {
        return error(input, Want::Token, &[]);
    }
    for (text, direction) in GLYPHS {
        if let Some(rest) = input.strip_prefix(text.as_bytes()) {
            let rest = rest.strip_prefix("\u{FE0F}".as_bytes()).unwrap_or(rest);
            return Ok((rest, direction));
        }
    }
    error(input, Want::Token, &[])
}

/// Rule: a direction word, any case, ending at a word boundary.
fn direction_word<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, Direction, E> {
    // Every word starts with one of these letters, in either case.
    if !input
        .first()
        .is_some_and(|b| matches!(b | 0x20, b'd' | b'i' | b'n' | b'u'))
    {
        return error(input, Want::Token, &[]);
    }
    let two_words = |first, second| (tag_no_case(first), hspace1, tag_no_case(second));
    let (rest, direction) = nom::branch::alt((
        value(Direction::Up, two_words("increased", "by")),
        value(Direction::Down, two_words("decreased", "by")),
        value(Direction::Unchanged, two_words("no", "change")),
        value(Direction::Unchanged, tag_no_case("unchanged")),
        value(Direction::Unchanged, tag_no_case("unch")),
        value(Direction::Up, tag_no_case("up")),
        value(Direction::Down, tag_no_case("down")),
    ))
    .parse(input)?;
    if rest.first().is_some_and(u8::is_ascii_alphanumeric) {
        return error(input, Want::Token, &[]);
    }
    Ok((rest, direction))
}

/// At least one horizontal space.
fn hspace1<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (), E> {
    let (rest, ()) = hspace(input)?;
    if rest.len() == input.len() {
        return error(input, Want::Token, &[]);
    }
    Ok((rest, ()))
}

/// Rule D's markers: a direction word, a glyph, or both in either order,
/// each after a gap. Returns the markers and the text of the last one.
fn markers<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (Markers, Option<Input<'a>>), E> {
    let mut markers = Markers::default();
    let mut last = None;
    let mut rest = input;
    for _ in 0..2 {
        let (at, ()) = gap(rest)?;
        if markers.word.is_none() {
            if let Ok((after, word)) = direction_word::<()>(at) {
                markers.word = Some(word);
                last = Some(&at[..at.len() - after.len()]);
                rest = after;
                continue;
            }
        }
        if markers.glyph.is_none() {
            if let Ok((after, glyph)) = glyph::<()>(at) {
                markers.glyph = Some(glyph);
                last = Some(&at[..at.len() - after.len()]);
                rest = after;
                continue;
            }
        }
        break;
    }
    Ok((rest, (markers, last)))
}

/// A number with the sign shown before it, if any.
#[derive(Debug, Clone, Copy)]
struct Signed<'a> {
    /// `Some(true)` for a minus sign, `Some(false)` for plus.
    minus: Option<bool>,
    number: Number<'a>,
}

impl Signed<'_> {
    fn parts(self) -> (Option<bool>, rust_decimal::Decimal) {
        (self.minus, self.number.value)
    }
}

/// Rule S's signs: `+`, `-`, U+2212 `−`, U+2013 `–`. Returns whether it is
/// a minus.
pub(crate) fn sign<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, bool, E> {
    match input {
        [b'+', rest @ ..] => Ok((rest, false)),
        [b'-', rest @ ..] => Ok((rest, true)),
        // U+2212 and U+2013.
        [0xE2, 0x88, 0x92, rest @ ..] | [0xE2, 0x80, 0x93, rest @ ..] => Ok((rest, true)),
        _ => error(input, Want::Token, &[]),
    }
}

/// Rule: the `%` after a percent's number, perhaps after horizontal space.
fn percent_sign<'a, E: RuleError<'a>>(input: Input<'a>) -> PResult<'a, (), E> {
    let (at, ()) = hspace(input)?;
    match at.strip_prefix(b"%") {
        Some(rest) => Ok((rest, ())),
        None => error(at, Want::PercentSign, &[]),
    }
}

/// Whether `%` follows the number-like text at the start of `input`, after
/// an optional sign: a percent, however broken its number.
fn percent_follows(input: Input<'_>) -> bool {
    let digits = match sign::<()>(input) {
        Ok((rest, _)) => rest.strip_prefix(b" ").unwrap_or(rest),
        Err(_) => input,
    };
    percent_sign::<()>(&digits[number_like_len(digits)..]).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRICT: Mode = Mode::Strict;
    const SCAN: Mode = Mode::Scan;

    /// Parses one quote and returns its canonical text and the leftover.
    fn quote(mode: Mode, input: &str) -> Result<(String, &str), Want> {
        match Grammar::new(mode).quote::<Failure>(input.as_bytes()) {
            Ok((rest, quote)) => Ok((quote.to_string(), std::str::from_utf8(rest).unwrap())),
            Err(nom::Err::Error(f) | nom::Err::Failure(f)) => Err(f.want),
            Err(nom::Err::Incomplete(_)) => unreachable!("complete parsers"),
        }
    }

    macro_rules! quote_cases {
        ($($name:ident: $grammar:expr, $input:expr => $canonical:expr, $rest:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(quote($grammar, $input), Ok(($canonical.to_string(), $rest)));
            }
        )*};
    }

    quote_cases! {
        seed_glued: STRICT, "AGL40.13▲ 0.12 (0.00%)AIRLINK" => "AGL40.13▲ 0.12 (0.00%)", "AIRLINK";
        seed_down: STRICT, "FCCL38.59▼ -0.41 (-0.01%)FFBL" => "FCCL38.59▼ -0.41 (-0.01%)", "FFBL";
        zero_change_up: STRICT, "MLCF49.47▲ 0 (0.00%)" => "MLCF49.47▲ 0 (0.00%)", "";
        worded: STRICT, "ENGRO 312.45 Increased By ▲ 4.15 (1.35%)\nHBL" =>
            "ENGRO312.45▲ 4.15 (1.35%)", "\nHBL";
        worded_no_glyph: STRICT, "KSE100 98,412 Increased By 812.3 (0.83%)\n" =>
            "KSE100 98412▲ 812.3 (0.83%)", "\n";
        word_beats_glyph: STRICT, "HBL 113.00 No Change ▼ 0.00 (0%)" => "HBL113.00► 0.00 (0%)", "";
        separated: STRICT, "NIFTY 22,150.40 +120.25 (+0.55%) | TCS" => "NIFTY22150.40▲ 120.25 (0.55%)", " | TCS";
        change_only: STRICT, "ABOT 812.000000 -4.10 | ACPL" => "ABOT812.000000▼ -4.10", " | ACPL";
        negative_zero: STRICT, "ANL 6.950000 -0\n" => "ANL6.950000► 0", "\n";
        all_digit_symbol: STRICT, "555 7.120000 0.33 |" => "555 7.120000▲ 0.33", " |";
        percent_only_glued: STRICT, "KQ4.12+6.74%EQTY" => "KQ4.12▲ (6.74%)", "EQTY";
        bare_percent: STRICT, "NDX18,310.42 +95.10 +0.52%\n" => "NDX18310.42▲ 95.10 (0.52%)", "\n";
        digit_inside_symbol: STRICT, "SX5E4,912.30 +8.15 +0.17%" => "SX5E 4912.30▲ 8.15 (0.17%)", "";
        grouping_proves_symbol: STRICT, "ASX2007,812.40 +12.50 +0.16%" => "ASX200 7812.40▲ 12.50 (0.16%)", "";
        glyph_glued_to_change: STRICT, "NSE20 1,785.30 ▾4.22 (0.24%)  G" => "NSE20 1785.30▼ -4.22 (-0.24%)", "  G";
        emoji_glyph: STRICT, "TASI 12,050.10 🔺35.20 (0.29%)" => "TASI12050.10▲ 35.20 (0.29%)", "";
        minus_sign: STRICT, "KLCI 1,602.37 −4.12 (−0.26%)" => "KLCI1602.37▼ -4.12 (-0.26%)", "";
        en_dash_and_space: STRICT, "JCI 7,250.82 – 30.11 (– 0.41%)" => "JCI7250.82▼ -30.11 (-0.41%)", "";
        percent_sign_from_change: STRICT, "X 10 -8.20 (3.10%)" => "X10▼ -8.20 (-3.10%)", "";
        explicit_sign_wins: STRICT, "X 10 ▲ -0.41 (0.1%)" => "X10▲ -0.41 (0.1%)", "";
        plus_against_glyph: STRICT, "X 10 ▼ +0.41 (+0.1%)" => "X10▼ +0.41 (+0.1%)", "";
        space_before_percent_sign: STRICT, "X 10 +1 (+0.5 %)" => "X10▲ 1 (0.5%)", "";
        caret_symbol: STRICT, "^GSPC 5,505.00 -39.59 (-0.71%) |" => "^GSPC5505.00▼ -39.59 (-0.71%)", " |";
        dotted_symbol: STRICT, "BRK.B 412.07 +1.96 (+0.48%)\t" => "BRK.B412.07▲ 1.96 (0.48%)", "\t";
        colon_symbol: STRICT, "I:DJI 39,000 +1 (+0.1%)" => "I:DJI39000▲ 1 (0.1%)", "";
        lowercase_glued_in_scan: SCAN, "btc71400+1.2%" => "btc71400▲ (1.2%)", "";
        lowercase_spaced_in_strict: STRICT, "btc 71400 +1.2%" => "btc71400▲ (1.2%)", "";
        vertical_fields: STRICT, "AGL\n40.13\n▲\n0.12\n(0.00%)\n" => "AGL40.13▲ 0.12 (0.00%)", "\n";
        table_cells: STRICT, "AGL | 40.13 | +0.12 | +0.30% |" => "AGL40.13▲ 0.12 (0.30%)", " |";
        unchanged_word: STRICT, "X 5 unch 0.00 (0.00%)" => "X5► 0.00 (0.00%)", "";
        up_word_then_glyph_order: STRICT, "X 5 ▲ Up 1 (2%)" => "X5▲ 1 (2%)", "";
        symbol_digits_then_marker: STRICT, "MLCF49 ▲ 1 (2%)" => "MLCF49▲ 1 (2%)", "";
        not_a_percent_in_parens: STRICT, "X 5 +1 (note)" => "X5▲ 1", " (note)";
        date_after_change: SCAN, "ABOT 812.000000 -4.10 19.06.2024" => "ABOT812.000000▼ -4.10", " 19.06.2024";
        dash_before_next_quote: SCAN, "ABOT 812.00 -4.10 – ACPL 0.50 -9" => "ABOT812.00▼ -4.10", " – ACPL 0.50 -9";
        huge_number_in_next_cell: SCAN, "ABOT 812.00 ▼ 4.10 | 99999999999999999999999999999999 |" =>
            "ABOT812.00▼ -4.10", " | 99999999999999999999999999999999 |";
        bar_after_symbol_digits: STRICT, "KSE100|98,412|+812.3|(+0.83%)" => "KSE100 98412▲ 812.3 (0.83%)", "";
        bar_after_digit_symbol: STRICT, "555|7.12|+0.33|" => "555 7.12▲ 0.33", "|";
    }

    macro_rules! quote_errors {
        ($($name:ident: $grammar:expr, $input:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(quote($grammar, $input), Err($want));
            }
        )*};
    }

    quote_errors! {
        marker_alone: STRICT, "AGL40.13▲ x" => Want::ChangeOrPercent;
        price_alone: STRICT, "AGL40.13" => Want::MarkerOrChange;
        no_price: STRICT, "Putin-Kim Summit" => Want::Price;
        lowercase_spaced_in_scan: SCAN, "index 120.25 (+0.55%)" => Want::Quote;
        lone_sign: STRICT, "X 5 - (1%)" => Want::DigitsAfterSign;
        missing_percent_sign: STRICT, "X 5 +1 (0.5)" => Want::PercentSign;
        unclosed_paren: STRICT, "X 5 +1 (0.5% x" => Want::ClosingParen;
        all_digits_glued: STRICT, "555▲ 1 (1%)" => Want::Quote;
        long_symbol: STRICT, "ABCDEFGHIJKLMNOP 5 +1%" => Want::Quote;
        ambiguous_split: STRICT, "N22538,823.91 -123.02 -0.32%" => Want::Quote;
        malformed_price: STRICT, "X 19.06.2024 +1%" => Want::Price;
        malformed_change: STRICT, "X 19 +1.2.3" => Want::Change;
        word_is_not_a_marker_prefix: STRICT, "X 5 Upward" => Want::MarkerOrChange;
        letter_after_price: STRICT, "AIRLINK189.43x" => Want::MarkerOrChange;
        letter_inside_price: STRICT, "AGL40.1x3▲ 0.12 (0.01%)" => Want::MarkerOrChange;
        exponent_is_no_symbol: STRICT, "1e10 +1 (1%)" => Want::Quote;
        broken_percent_is_a_percent: STRICT, "X 5 -4.10 1.2.3%" => Want::Percent;
        cut_percent_is_a_percent: STRICT, "X 5 -4.10 19." => Want::Percent;
        sign_cut_at_the_end: STRICT, "X 5 -4.10 –" => Want::DigitsAfterSign;
    }

    #[test]
    fn symbol_token_stops_before_trailing_punctuation() {
        let text = |input: &'static [u8]| symbol_token(input).text;
        assert_eq!(text(b"U.S. x"), b"U.S");
        assert_eq!(text(b"^GSPC 1"), b"^GSPC");
        assert_eq!(text(b"AGL40.13\xe2\x96\xb2"), b"AGL40.13");
        assert_eq!(text(b"-AGL"), b"");
        assert_eq!(text(b"^-A"), b"");
    }

    #[test]
    fn a_symbol_starts_exactly_where_a_token_is_read() {
        let bytes = [b'^', b'.', b'A', b'7', b'-', b'&', b' ', b'/', 0xE2, 0xA0];
        for a in bytes {
            for b in bytes {
                for c in bytes {
                    for input in [&[a][..], &[a, b], &[a, b, c]] {
                        let token = symbol_token(input);
                        assert_eq!(starts_symbol(input), !token.text.is_empty(), "{input:?}");
                    }
                }
            }
        }
        assert!(!starts_symbol(b""));
    }

    #[test]
    fn symbol_token_word_ends_before_a_decimal_number() {
        let last_letter = |input: &'static [u8]| symbol_token(input).last_letter;
        assert_eq!(last_letter(b"AIRLINK189.43x"), Some(6));
        assert_eq!(last_letter(b"AGL40.13\xe2\x96\xb2"), Some(2));
        assert_eq!(last_letter(b"BRK.B412.07"), Some(4));
        assert_eq!(last_letter(b"X1.5Y"), Some(0));
        assert_eq!(last_letter(b"555 7"), None);
        assert_eq!(last_letter(b"U.S. x"), Some(2));
    }

    #[test]
    fn gap_takes_spaces_and_bars() {
        assert_eq!(
            gap::<()>(" |\u{a0}\u{202f}\tx".as_bytes()),
            Ok((&b"x"[..], ()))
        );
        assert_eq!(gap::<()>(b"x"), Ok((&b"x"[..], ())));
    }

    #[test]
    fn separators_take_bullets_and_semicolons() {
        assert_eq!(
            separators::<()>(" • · ; |x".as_bytes()),
            Ok((&b"x"[..], ()))
        );
    }

    #[test]
    fn markers_leave_the_change() {
        let (rest, (markers, last)) = markers::<()>("Increased By ▲ 4.15".as_bytes()).unwrap();
        assert_eq!(rest, b" 4.15");
        assert_eq!(markers.word, Some(Direction::Up));
        assert_eq!(markers.glyph, Some(Direction::Up));
        assert_eq!(last, Some("▲".as_bytes()));
    }

    #[test]
    fn change_refuses_a_percent() {
        let grammar = Grammar::new(STRICT);
        assert!(grammar.change::<()>(b"+6.74%EQTY").is_err());
        let (rest, signed) = grammar.change::<()>(b"+6.74EQTY").unwrap();
        assert_eq!((rest, signed.minus), (&b"EQTY"[..], Some(false)));
    }

    #[test]
    fn percent_leaves_what_follows() {
        let grammar = Grammar::new(STRICT);
        let (rest, p) = grammar.percent::<()>(b"(+0.55%) | TCS").unwrap();
        assert_eq!((rest, p.number.text), (&b" | TCS"[..], &b"0.55"[..]));
        let (rest, p) = grammar.percent::<()>(b"-3.01%KCB").unwrap();
        assert_eq!((rest, p.minus), (&b"KCB"[..], Some(true)));
    }

    #[test]
    fn can_start_quote_at_word_starts_only() {
        let text = b"(0.00%)AIRLINK189.43 Moscow-Pyongyang";
        let at = |i: usize| can_start_quote(&text[..i], &text[i..]);
        assert!(!at(7));
        assert!(!at(8));
        assert!(!at(14));
        assert!(at(21));
        assert!(!at(28));
    }

    #[test]
    fn truncation_is_a_failure_at_the_end_after_the_price() {
        let cut = |input: &str| match Grammar::new(STRICT).quote::<Failure>(input.as_bytes()) {
            Err(nom::Err::Error(f) | nom::Err::Failure(f)) => f.is_truncation(),
            _ => false,
        };
        assert!(cut("AGL40.13▲ 0.12 (0.0"));
        assert!(cut("AGL40.13▲ 0.12 ("));
        assert!(cut("AGL40.13▲"));
        assert!(cut("AGL40.13"));
        assert!(cut("BOP10."));
        assert!(cut("BOP10.34▲ 0."));
        assert!(cut("TCS 3,901.10 -12."));
        assert!(!cut("AGL"));
        assert!(!cut("AGL40.13 x"));
    }

    /// Pieces of quotes, traps and noise, which the property below joins
    /// at random: every rule, and every way a rule fails, is reached.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "AGL", "AIRLINK", "S&P", "Nikkei", "FTSE", "btc", "^GSPC", "BRK.B", "A1", "2024", "1e10",
        "40.13", "189", "1,234.5", "18 604,12", "0.", "3,", "007", "99999999999999999999999999999",
        "0.1234567890123456789012345678901", "12:30", "2024-05-01", "+", "-", "\u{2212}", "▲",
        "▼", "🔺\u{fe0f}", "up", "Down", "unch", "no change", "%", "(", ")", " ", "  ", "\u{a0}",
        "|", ":", "=", "\n", "$", "€", "k", "bn", "USD", "at", "to", "•", ";", "é", "\u{ff}",
    ];

    /// Whether a rule read `text` the same with `()` errors (`quiet`) as
    /// with [`Failure`]s (`rich`): the same quote, or a failure of the
    /// same kind (recoverable or not).
    fn same_reading<'a>(
        text: &str,
        quiet: PResult<'a, Quote<'a>, ()>,
        rich: PResult<'a, Quote<'a>, Failure<'a>>,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let kind = |e: &nom::Err<()>| std::mem::discriminant(e);
        match (&quiet, &rich) {
            (Ok(q), Ok(r)) => proptest::prop_assert_eq!(q, r),
            (Err(q), Err(r)) => proptest::prop_assert_eq!(kind(q), kind(&r.clone().map(|_| ()))),
            _ => proptest::prop_assert!(false, "{text:?}: {quiet:?} but {rich:?}"),
        }
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// The grammar with `()` errors accepts exactly the quotes it
        /// accepts with [`Failure`]s, reads them the same, and fails the
        /// same way (recoverably or not) where it fails.
        #[test]
        fn quiet_and_rich_errors_accept_the_same_quotes(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..14),
            scan in proptest::bool::ANY,
            comma in proptest::bool::ANY,
        ) {
            let text = pieces.concat();
            let input = text.as_bytes();
            let grammar = Grammar {
                style: if comma { NumberStyle::Comma } else { NumberStyle::Dot },
                ..Grammar::new(if scan { SCAN } else { STRICT })
            };
            same_reading(&text, grammar.quote::<()>(input), grammar.quote::<Failure>(input))?;
            same_reading(&text, grammar.cell_quote::<()>(input), grammar.cell_quote::<Failure>(input))?;
        }

        /// The number rule looks for a date or time only where
        /// [`may_be_date_or_time`] says one may stand: wherever there is
        /// one, reading a number there fails or stops at a joiner.
        #[test]
        fn every_date_or_time_is_seen(
            text in "[0-9]{1,4}[-./:][0-9]{1,3}([-./:][0-9]{1,4})?[0-9 ,.:%]{0,3}",
            comma in proptest::bool::ANY,
        ) {
            let style = if comma { NumberStyle::Comma } else { NumberStyle::Dot };
            let input = text.as_bytes();
            if date_or_time_len(input) > 0 {
                let seen = match number(input, style) {
                    Ok((rest, _)) => may_be_date_or_time(rest),
                    Err(_) => true,
                };
                proptest::prop_assert!(seen, "{text:?}");
            }
        }
    }
}
