//! Strict reading: a strip of quotes and separators, nothing else.
//!
//! Strict reading is scan mode's judgement with another policy: what the
//! judge does not accept is an error, not skipped text. It never yields a
//! quote a scan refuses, and it refuses some that a scan keeps: a quote
//! whose text holds something no quote's field is (a lone sign, a
//! malformed number, a control character, an unclosed parenthesis, a
//! second glyph) is an error at that thing. An error says where the first
//! text that is no quote stands and why, in the terms of the strip's
//! shape: a symbol, its price, markers, a change, a percent; where the
//! shape is whole and the judge refused it, the rule that refused it.

use std::ops::Range;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::engine::{Engine, Found, Region};
use crate::error::{Expected, Found as FoundText, Locator, ParseError, shorten};
use crate::lexical::{MAX_CHAR, byte_order_mark_len, separator_len};
use crate::number::{NumberStyle, StyleDecision, number};
use crate::quote::{Evidence, Quote};
use crate::scan::{Scanner, SkipKind, Step as ScanStep};
use crate::token::{Kind, Lexer, MAX_SYMBOL, PercentMark, Refusal, Token, Tokens};
use crate::window::Window;

/// How far past an error the diagnosis reads at most.
const DIAGNOSIS_REACH: usize = if cfg!(fuzzing) { 256 } else { 64 * 1024 };

/// How far past an error the diagnosis reads first. It reads sixteen
/// times as far, up to [`DIAGNOSIS_REACH`], only while the shape it
/// follows runs into the end of what it read: an error costs time for
/// the text it names, not for the reach, so that a strip with an error
/// every few bytes is still read in linear time.
const FIRST_REACH: usize = if cfg!(fuzzing) { 64 } else { 256 };

/// The quotes of a strip, in order, with an error for each stretch of text
/// that is not a quote ([errors](crate::formats#errors-and-limits)).
///
/// After an error the iterator carries on with the next quote; a strip
/// with one bad quote still yields the others. Created by
/// [`crate::quotes`] and [`crate::ParseOptions::quotes`].
///
/// ```
/// let strip = "AGL40.13▲ 0.12 (0.00%)AIRLINK189.43x | BOP10.34▲ 0.22 (0.02%)";
/// let mut quotes = tickerstrip::quotes(strip);
/// assert_eq!(quotes.next().unwrap()?.symbol, "AGL");
/// let error = quotes.next().unwrap().unwrap_err();
/// assert_eq!(error.column(), 36);
/// assert_eq!(quotes.next().unwrap()?.symbol, "BOP");
/// assert!(quotes.next().is_none());
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug)]
pub struct Quotes<'a> {
    text: &'a str,
    reader: StrictReader,
    style: StyleDecision,
}

impl<'a> Quotes<'a> {
    pub(crate) fn new(text: &'a str, style: StyleDecision, engine: Engine) -> Quotes<'a> {
        Quotes {
            text,
            reader: StrictReader::new(engine),
            style,
        }
    }

    /// The quotes of the part of `text` from `start` to `end`, both region
    /// starts, for reading an input in parts.
    #[cfg(feature = "parallel")]
    pub(crate) fn part(
        text: &'a str,
        start: usize,
        end: usize,
        style: StyleDecision,
        engine: Engine,
    ) -> Quotes<'a> {
        Quotes {
            text,
            reader: StrictReader::part(engine, start, end),
            style,
        }
    }

    /// The number style this parse reads numbers in, and why it was chosen.
    ///
    /// ```
    /// use tickerstrip::NumberStyle;
    ///
    /// let quotes = tickerstrip::quotes("AEX 912,05 +4,61 (+0,51 %)");
    /// assert_eq!(quotes.number_style().style, NumberStyle::Comma);
    /// ```
    pub fn number_style(&self) -> StyleDecision {
        self.style
    }

    /// The only quote of the strip, perhaps between separators; an error
    /// when the strip holds none, more than one, or text that is no quote.
    pub(crate) fn only(mut self) -> Result<Quote<'a>, ParseError> {
        let text = self.text;
        let first = self.next().transpose()?;
        let second = self.next().transpose()?;
        match (first, second) {
            (Some(quote), None) => Ok(quote),
            (_, Some(second)) => {
                let position = Locator::default().locate(text.as_bytes(), second.span.start);
                let found = text[second.span.start..].chars().next();
                let found = found.map_or(FoundText::EndOfInput, FoundText::Char);
                Err(ParseError::new(position, 1, Expected::EndOfQuote, found))
            }
            (None, None) => {
                let position = Locator::default().locate(text.as_bytes(), text.len());
                Err(ParseError::new(
                    position,
                    0,
                    Expected::Quote,
                    FoundText::EndOfInput,
                ))
            }
        }
    }
}

impl<'a> Iterator for Quotes<'a> {
    type Item = Result<Quote<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        match self.reader.step(Window::whole(bytes)) {
            Step::Quote(found) => Some(Ok(found.quote_in(self.text))),
            Step::Error(error) => Some(Err(error)),
            Step::NeedMore | Step::Done => None,
        }
    }
}

impl std::iter::FusedIterator for Quotes<'_> {}

/// What strict reading found next.
#[derive(Debug)]
pub(crate) enum Step {
    Quote(Found),
    Error(ParseError),
    /// The window must reach further into the input first.
    NeedMore,
    Done,
}

/// Strict mode's state: the scanner, and what it needs to report errors.
#[derive(Debug)]
pub(crate) struct StrictReader {
    scanner: Scanner,
    /// Quotes and errors yielded so far: the index of the next quote. An
    /// error stands where a quote was expected, so it counts as one.
    quotes: usize,
    /// Whether an error was reported for the text since the last quote.
    reported: bool,
    /// Whether anything was yielded, quote or error.
    yielded: bool,
    /// The offset of the last error, so that bytes that are not UTF-8
    /// which an error already named are not reported twice.
    last_error: Option<usize>,
    locator: Locator,
    /// The tokens of the last quote, kept to look for stray text in it
    /// without allocating per quote.
    tokens: Tokens,
}

impl StrictReader {
    pub(crate) fn new(engine: Engine) -> StrictReader {
        StrictReader::with(Scanner::new(engine))
    }

    /// The reader over `scanner`'s findings.
    fn with(scanner: Scanner) -> StrictReader {
        StrictReader {
            scanner,
            quotes: 0,
            reported: false,
            yielded: false,
            last_error: None,
            locator: Locator::default(),
            tokens: Tokens::default(),
        }
    }

    /// The reader of the part of the input from `start` to `end`, both
    /// region starts: a part's reader has yielded before it starts.
    #[cfg(feature = "parallel")]
    pub(crate) fn part(engine: Engine, start: usize, end: usize) -> StrictReader {
        StrictReader {
            yielded: start > 0,
            ..StrictReader::with(Scanner::part(engine, start, end))
        }
    }

    /// Sets the number style, once a stream has decided it.
    pub(crate) fn set_style(&mut self, style: NumberStyle) {
        self.scanner.set_style(style);
    }

    /// The earliest offset the reader may still look at.
    pub(crate) fn retain_from(&self) -> usize {
        self.scanner.retain_from()
    }

    /// Moves the line and column count to `offset`, before the input there
    /// is dropped.
    pub(crate) fn forget_before(&mut self, window: Window<'_>, offset: usize) {
        self.locator.locate_in(window.bytes, window.base, offset);
    }

    /// The next quote or error, or what the reader needs to find it.
    pub(crate) fn step(&mut self, window: Window<'_>) -> Step {
        loop {
            match self.scanner.step(window) {
                ScanStep::Quote(found) => {
                    self.quotes += 1;
                    self.reported = false;
                    self.yielded = true;
                    return Step::Quote(found);
                }
                ScanStep::Skipped(span, SkipKind::InvalidUtf8) => {
                    if self.reported && self.last_error == Some(span.start) {
                        // The error for the text before named these bytes.
                        continue;
                    }
                    let position = self
                        .locator
                        .locate_in(window.bytes, window.base, span.start);
                    let error = ParseError::new(
                        position,
                        self.quotes,
                        Expected::Quote,
                        FoundText::InvalidUtf8,
                    );
                    return self.report(error);
                }
                ScanStep::Skipped(span, _) => {
                    if self.reported {
                        continue;
                    }
                    let bytes = window.slice(span.start, span.end);
                    let Some(at) = first_text(bytes, span.start == 0) else {
                        continue;
                    };
                    let mut offset = span.start + at;
                    // A table's header lines are the table's, no error.
                    while let Some(end) = self.scanner.header_end_at(offset) {
                        let rest = window.slice(end.min(span.end), span.end);
                        match first_text(rest, false) {
                            Some(at) => offset = end + at,
                            None => break,
                        }
                    }
                    if self.scanner.header_end_at(offset).is_some() {
                        continue;
                    }
                    // A record refused for text no field is inside it, or
                    // for two readings (rule P): the engine says where or
                    // which.
                    let refused = self
                        .scanner
                        .refused_in(span.clone())
                        .filter(|r| r.span.start == offset);
                    let stray = refused.and_then(|r| r.stray);
                    let readings = refused.and_then(|r| Some((r.span.clone(), r.readings?)));
                    let error = match (stray, readings) {
                        (Some(stray), _) => self.stray_error(window, offset, stray),
                        (None, Some((span, prices))) => self.readings_error(window, span, prices),
                        (None, None) => self.error(window, offset),
                    };
                    return self.report(error);
                }
                ScanStep::NeedMore => return Step::NeedMore,
                ScanStep::Done if self.yielded => return Step::Done,
                ScanStep::Done => {
                    // Nothing at all: the strip holds no quote.
                    let position = self
                        .locator
                        .locate_in(window.bytes, window.base, window.end());
                    let error =
                        ParseError::new(position, 0, Expected::Quote, FoundText::EndOfInput);
                    return self.report(error);
                }
            }
        }
    }

    /// Yields `error`: it stands for one quote, and for the text up to the
    /// next quote.
    fn report(&mut self, error: ParseError) -> Step {
        self.reported = true;
        self.yielded = true;
        self.quotes += 1;
        self.last_error = Some(error.offset());
        Step::Error(error)
    }

    /// The error for the quote refused at `start` for the text at `stray`
    /// that no field is: the diagnosis of the strip's shape from the
    /// quote's start where it reaches that text, else what stands there.
    #[cold]
    fn stray_error(&mut self, window: Window<'_>, start: usize, stray: usize) -> ParseError {
        let (at, expected, what) = self.diagnosis(window, start);
        let (at, expected, what) = match at >= stray {
            true => (at, expected, what),
            false => {
                // The quote's tokens, up to and with the stray one.
                let lexer = self.scanner.engine().lexer();
                let end = window.end().min(stray + DIAGNOSIS_REACH);
                lexer.read(window.slice(start, end), start, &mut self.tokens);
                let index = self.tokens.tokens.partition_point(|t| t.start < stray);
                stray_diagnosis(&self.tokens.tokens, index, window)
            }
        };
        let position = self.locator.locate_in(window.bytes, window.base, at);
        ParseError::new(position, self.quotes, expected, what)
    }

    /// The error for the record at `span`, which reads as two `prices`.
    #[cold]
    fn readings_error(
        &mut self,
        window: Window<'_>,
        span: Range<usize>,
        prices: [Decimal; 2],
    ) -> ParseError {
        let text = shorten(&String::from_utf8_lossy(window.slice(span.start, span.end)));
        let position = self
            .locator
            .locate_in(window.bytes, window.base, span.start);
        let found = FoundText::Readings {
            text,
            prices: prices.map(|p| p.to_string()),
        };
        ParseError::new(position, self.quotes, Expected::Quote, found)
    }

    /// The error for the text at `offset`, which is no quote.
    #[cold]
    fn error(&mut self, window: Window<'_>, offset: usize) -> ParseError {
        let (at, expected, found) = self.diagnosis(window, offset);
        let position = self.locator.locate_in(window.bytes, window.base, at);
        ParseError::new(position, self.quotes, expected, found)
    }

    /// Why the text at `offset` is no quote: where, what was expected and
    /// what was found. Reads [`FIRST_REACH`] bytes, and further only while
    /// the diagnosis depends on the end of what it read.
    fn diagnosis(&self, window: Window<'_>, offset: usize) -> (usize, Expected, FoundText) {
        let lexer = self.scanner.engine().lexer();
        let mut tokens = Tokens::default();
        let mut reach = FIRST_REACH;
        loop {
            let end = (offset + reach).min(window.end());
            let at_end = window.eof && end == window.end();
            let last = at_end || reach >= DIAGNOSIS_REACH || end == window.end();
            let text = window.slice(offset, end);
            lexer.read(text, offset, &mut tokens);
            let diagnosis = diagnose(&tokens.tokens, text, offset, at_end, lexer);
            if last || settled(&tokens.tokens, diagnosis.0) {
                return diagnosis;
            }
            reach = (reach * 16).min(DIAGNOSIS_REACH);
        }
    }
}

/// Whether a diagnosis at offset `at` over `tokens` stands whatever
/// follows them: the token there, and the one after it (whose length
/// decided where the one before ended), are not the last token read,
/// which the end of the reach may have cut.
fn settled(tokens: &[Token], at: usize) -> bool {
    let index = tokens.partition_point(|t| t.end <= at);
    index + 2 < tokens.len()
}

/// What stands at the stray token `stray` of a quote's `tokens` (read
/// from the quote's text in `window`), where the strip's shape does not
/// say: the token itself, as a value of the quote.
fn stray_diagnosis(
    tokens: &[Token],
    stray: usize,
    window: Window<'_>,
) -> (usize, Expected, FoundText) {
    let token = &tokens[stray];
    let text = window.slice(token.start, window.end());
    let found_at = |at: usize| match window.eof && at == window.end() {
        true => FoundText::EndOfInput,
        false => FoundText::Char(first_char(window.slice(at, window.end()))),
    };
    match token.kind {
        Kind::Sign => {
            let sign = String::from_utf8_lossy(&text[..token.end - token.start]).into_owned();
            let spaces = text[token.end - token.start..]
                .iter()
                .take_while(|&&b| b == b' ')
                .count();
            let at = token.end + spaces;
            (at, Expected::DigitsAfterSign { sign }, found_at(at))
        }
        Kind::Number(_) => {
            let base = tokens[0].start;
            number_error(
                tokens,
                window.slice(base, token.end),
                base,
                stray,
                Expected::Value,
            )
        }
        Kind::Open => match tokens.get(stray + 1) {
            // A percent whose parenthesis is never closed.
            Some(inner) if inner.number().is_some_and(|n| n.value().is_ok()) => {
                let percent =
                    String::from_utf8_lossy(window.slice(inner.start, inner.end)).into_owned();
                let rest = window.slice(inner.end, window.end());
                let at = inner.end + rest.iter().take_while(|&&b| b == b' ').count();
                (at, Expected::ClosingParen { percent }, found_at(at))
            }
            _ => (token.start, Expected::Value, found_at(token.start)),
        },
        _ => (token.start, Expected::Value, found_at(token.start)),
    }
}

/// Where the first byte of `bytes` that is no separator stands; a byte
/// order mark at the start of the input is one.
fn first_text(bytes: &[u8], input_start: bool) -> Option<usize> {
    let mut at = if input_start {
        byte_order_mark_len(bytes)
    } else {
        0
    };
    while at < bytes.len() {
        match separator_len(&bytes[at..]) {
            0 => return Some(at),
            n => at += n,
        }
    }
    None
}

/// Why the text whose tokens are `tokens` (read from `text`, which starts
/// at input offset `base`) is no quote: the offset where the strip's
/// shape breaks, what it expected there and what it found. `at_end` says
/// whether `text` reaches the end of the input. Where the shape is whole
/// (a symbol, a price, markers and values), the judge refused it: the
/// error names the rule, read again by `lexer`'s engine.
fn diagnose(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    at_end: bool,
    lexer: Lexer<'_>,
) -> (usize, Expected, FoundText) {
    let slice =
        |t: &Token| String::from_utf8_lossy(&text[t.start - base..t.end - base]).into_owned();
    let found_at = |i: usize| found_token(tokens, text, base, i, at_end);
    let end = base + text.len();
    let mut i = skip_gaps(tokens, 0);
    let Some(first) = tokens.get(i) else {
        return (end, Expected::Quote, FoundText::EndOfInput);
    };
    let start = first.start;
    // The symbol.
    let symbol = match first.kind {
        Kind::Word(word)
            if word.is_ticker() || first.end - first.start > MAX_SYMBOL && word.is_ascii() =>
        {
            if first.end - first.start > MAX_SYMBOL {
                return (
                    first.start,
                    Expected::Symbol,
                    FoundText::LongSymbol(slice(first)),
                );
            }
            slice(first)
        }
        Kind::Word(_) => slice(first),
        Kind::Ambiguous { letters } => {
            let glued = &text[first.start - base..first.end - base];
            return (
                first.start,
                Expected::SymbolSplit,
                ambiguous(glued, usize::from(letters), lexer.style),
            );
        }
        Kind::Number(n) if n.value().is_err() => {
            // `(1e2%)` after a quote: a percent that rule N refuses.
            let want = if n.percent != PercentMark::None {
                Expected::Percent
            } else {
                Expected::Quote
            };
            return number_error(tokens, text, base, i, want);
        }
        _ => return found_at(i).with(Expected::Quote),
    };
    i = skip_gaps(tokens, i + 1);
    // The price.
    let price = match tokens.get(i).map(|t| &t.kind) {
        Some(Kind::Number(n)) if n.sign.is_none() && n.percent == PercentMark::None && !n.paren => {
            match n.value() {
                Ok(_) => slice(&tokens[i])
                    .trim_start_matches(|c: char| !c.is_ascii_digit())
                    .to_owned(),
                Err(_) => return number_error(tokens, text, base, i, Expected::Price { symbol }),
            }
        }
        Some(Kind::Word(word)) if !word.has_letter() => {
            // Digits that rule N reads as no number (`0123`): a code.
            let token = &tokens[i];
            let digits = String::from_utf8_lossy(&text[token.start - base..token.end - base]);
            let found = FoundText::MalformedNumber(shorten(&digits));
            return (token.start, Expected::Price { symbol }, found);
        }
        Some(Kind::Number(n)) if n.percent != PercentMark::None && n.value().is_ok() => {
            // `X 5 %`: a percent where the price belongs.
            return (
                tokens[i].start,
                Expected::Price { symbol },
                FoundText::Percent(slice(&tokens[i])),
            );
        }
        _ => return found_at(i).with(Expected::Price { symbol }),
    };
    let price_digits = match tokens[i].digits(text, base) {
        Some(digits) => {
            String::from_utf8_lossy(&text[digits.start - base..digits.end - base]).into_owned()
        }
        None => price,
    };
    let mut shape_end = tokens[i].end;
    i = skip_gaps(tokens, i + 1);
    // Markers: a word and a glyph, but never two glyphs.
    let mut marker: Option<(String, bool)> = None;
    while let Some(Kind::Marker { word, .. }) = tokens.get(i).map(|t| t.kind) {
        if let Some((shown, false)) = &marker {
            if !word {
                let (at, found) = found_at(i).parts();
                return (
                    at,
                    Expected::ChangeOrPercent {
                        marker: shown.clone(),
                    },
                    found,
                );
            }
        }
        marker = Some((slice(&tokens[i]), word));
        shape_end = tokens[i].end;
        i = skip_gaps(tokens, i + 1);
    }
    let field_expected = || match &marker {
        Some((marker, _)) => Expected::ChangeOrPercent {
            marker: marker.clone(),
        },
        None => Expected::MarkerOrChange {
            price: price_digits.clone(),
        },
    };
    // A change and a percent.
    let mut fields = 0;
    while fields < 2 {
        match tokens.get(i).map(|t| t.kind) {
            Some(Kind::Number(n)) => {
                if n.value().is_err() {
                    let want = if n.percent != PercentMark::None {
                        Expected::Percent
                    } else {
                        Expected::Change
                    };
                    return number_error(tokens, text, base, i, want);
                }
                if fields == 1 && n.paren && n.percent == PercentMark::None {
                    // `(0.00)` after a change: a percent without its `%`,
                    // found at the closing parenthesis.
                    let token = &tokens[i];
                    let close = token.end - 1;
                    let number = number_with_sign(token, text, base).unwrap_or_default();
                    return (
                        close,
                        Expected::PercentSign { number },
                        FoundText::Char(')'),
                    );
                }
                fields += 1;
                shape_end = tokens[i].end;
                i = skip_gaps(tokens, i + 1);
            }
            Some(Kind::Sign) => {
                let sign = slice(&tokens[i]);
                let next = skip_spaces_after(tokens, i);
                let (at, found) = found_at(next).parts();
                return (at, Expected::DigitsAfterSign { sign }, found);
            }
            Some(Kind::Open) => {
                // An open parenthesis: a percent that is not closed.
                let inner = i + 1;
                match tokens.get(inner).map(|t| t.kind) {
                    Some(Kind::Number(n)) if n.value().is_ok() && n.paren => {
                        // `((1%))`: a parenthesis where a percent's digits
                        // belong.
                        let (at, found) = found_at(inner).parts();
                        return (at, Expected::Percent, found);
                    }
                    Some(Kind::Number(n)) if n.value().is_ok() => {
                        let digits = tokens[inner].digits(text, base).unwrap_or_default();
                        let number =
                            String::from_utf8_lossy(&text[digits.start - base..digits.end - base])
                                .into_owned();
                        let after = inner + 1;
                        let (at, found) = found_at(after).parts();
                        if n.percent == PercentMark::None {
                            let number =
                                number_with_sign(&tokens[inner], text, base).unwrap_or(number);
                            return (at, Expected::PercentSign { number }, found);
                        }
                        let shown = slice(&tokens[inner]);
                        return (at, Expected::ClosingParen { percent: shown }, found);
                    }
                    Some(Kind::Number(_)) => {
                        return number_error(tokens, text, base, inner, Expected::Percent);
                    }
                    _ => {
                        if fields == 0 {
                            return found_at(i).with(field_expected());
                        }
                        return found_at(i).with(Expected::Quote);
                    }
                }
            }
            Some(Kind::Date) if fields == 0 => {
                return (
                    tokens[i].start,
                    Expected::Change,
                    FoundText::DateOrTime(slice(&tokens[i])),
                );
            }
            _ => break,
        }
    }
    if fields == 0 {
        return found_at(i).with(field_expected());
    }
    if i + 1 >= tokens.len() && !at_end {
        // The shape, or what ends it, may run on past what was read.
        return found_at(tokens.len()).with(Expected::Quote);
    }
    // The shape is whole, yet the judge refused it: which rule did.
    let line_end = tokens[i..]
        .iter()
        .find(|t| matches!(t.kind, Kind::Line))
        .map_or(end, |t| t.start);
    let record = &text[start - base..line_end - base];
    let (why, record_end) = refusal(record, start, lexer);
    let shown_end = record_end.unwrap_or(shape_end).clamp(shape_end, line_end);
    let shown = shorten(&String::from_utf8_lossy(
        &text[start - base..shown_end - base],
    ));
    (
        start,
        Expected::Quote,
        FoundText::Refused { text: shown, why },
    )
}

/// Why the judge refuses the record that `text` (at input offset `base`)
/// starts with, read on its own: the rule's words, and where the record
/// ends. Read beside the text around it, the record may have been refused
/// for its neighbours' sake, or for evidence weaker than the caller asked
/// for, where alone it reads.
fn refusal(text: &[u8], base: usize, lexer: Lexer<'_>) -> (&'static str, Option<usize>) {
    let symbols = lexer.symbols.map(|s| Arc::new(s.clone()));
    let mut engine = Engine::new(lexer.style, symbols, Evidence::Shape);
    let mut region = Region::default();
    engine.read(text, base, false, &mut region);
    let refused = region.refused.iter().find(|r| r.span.start == base);
    let read = region
        .found
        .iter()
        .any(|f| f.span.start <= base && base < f.span.end);
    match refused {
        Some(refused) => (refused.why, Some(refused.span.end)),
        None if read => (
            "its neighbours, or the evidence asked for, leave it unread",
            None,
        ),
        None => ("nothing marks a price, change or percent", None),
    }
}

/// The number token `i` with its sign, as shown (`-0.41`).
fn number_with_sign(token: &Token, text: &[u8], base: usize) -> Option<String> {
    let number = token.number()?;
    let digits = token.digits(text, base)?;
    let digits = String::from_utf8_lossy(&text[digits.start - base..digits.end - base]);
    Some(match number.sign {
        Some(crate::token::Sign::Minus) => format!("-{digits}"),
        _ => digits.into_owned(),
    })
}

/// An error position with what was found there, awaiting what was
/// expected.
struct At(usize, FoundText);

impl At {
    fn with(self, expected: Expected) -> (usize, Expected, FoundText) {
        (self.0, expected, self.1)
    }

    fn parts(self) -> (usize, FoundText) {
        (self.0, self.1)
    }
}

/// What stands at token `i`: its first character, a date, or the end of
/// the input.
fn found_token(tokens: &[Token], text: &[u8], base: usize, i: usize, at_end: bool) -> At {
    let end = base + text.len();
    let Some(token) = tokens.get(i) else {
        return match at_end {
            true => At(end, FoundText::EndOfInput),
            false => At(end, FoundText::QuoteTooLong),
        };
    };
    let bytes = &text[token.start - base..];
    match token.kind {
        Kind::Date => At(
            token.start,
            FoundText::DateOrTime(
                String::from_utf8_lossy(&text[token.start - base..token.end - base]).into_owned(),
            ),
        ),
        Kind::Invalid => At(token.start, FoundText::InvalidUtf8),
        _ => At(token.start, FoundText::Char(first_char(bytes))),
    }
}

/// The error for the broken number at token `i`, where `expected` was
/// wanted.
fn number_error(
    tokens: &[Token],
    text: &[u8],
    base: usize,
    i: usize,
    expected: Expected,
) -> (usize, Expected, FoundText) {
    let token = &tokens[i];
    let Some(number) = token.number() else {
        return (
            token.start,
            expected,
            FoundText::Char(first_char(&text[token.start - base..])),
        );
    };
    let range = token.digits(text, base).unwrap_or_default();
    let digits = &text[range.start - base..range.end - base];
    let shown = |bytes: &[u8]| shorten(&String::from_utf8_lossy(bytes));
    let found = match number.value() {
        Err(Refusal::Malformed) => FoundText::MalformedNumber(shown(digits)),
        Err(Refusal::TooLarge) => FoundText::NumberTooLarge(shown(digits)),
        Err(Refusal::TooManyDecimals) => FoundText::TooManyDecimals {
            number: shown(digits),
            decimals: Refusal::decimals(digits),
        },
        Err(Refusal::Cut) => {
            return (range.end, expected, FoundText::EndOfInput);
        }
        _ => FoundText::Char(first_char(&text[token.start - base..])),
    };
    (range.start, expected, found)
}

/// The splits of glued letters and digits that rule G finds valid, for
/// the error that names them.
fn ambiguous(glued: &[u8], letters: usize, style: NumberStyle) -> FoundText {
    let digits = glued[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let splits = (letters + 1..letters + digits)
        .take_while(|&end| end <= MAX_SYMBOL)
        .filter_map(|end| {
            let (_, price) = number(&glued[end..], style).ok()?;
            let symbol = String::from_utf8_lossy(&glued[..end]).into_owned();
            Some((symbol, String::from_utf8_lossy(price.text).into_owned()))
        })
        .collect();
    let text = shorten(&String::from_utf8_lossy(glued));
    FoundText::AmbiguousSplit { text, splits }
}

/// The first character of `bytes`, or U+FFFD.
fn first_char(bytes: &[u8]) -> char {
    let head = &bytes[..bytes.len().min(MAX_CHAR)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    text.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The index of the first token from `i` on that is no gap: cell bars,
/// wide spaces and line ends stand between a quote's fields.
fn skip_gaps(tokens: &[Token], mut i: usize) -> usize {
    while tokens
        .get(i)
        .is_some_and(|t| matches!(t.kind, Kind::Line | Kind::Cell))
    {
        i += 1;
    }
    i
}

/// The index of the first token after token `i` that is not glued
/// horizontal space: the token itself when spaces come first.
fn skip_spaces_after(tokens: &[Token], i: usize) -> usize {
    let mut next = i + 1;
    while tokens
        .get(next)
        .is_some_and(|t| matches!(t.kind, Kind::Cell))
    {
        next += 1;
    }
    next
}
