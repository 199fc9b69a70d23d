//! Numbers as ticker strips show them ([rule N](crate::formats#rule-n-numbers)).
//!
//! A number is recognised and converted in one pass over its bytes: the digits
//! accumulate into an integer mantissa (a `u64` while it fits, a `u128` after),
//! the digits after the decimal point give the scale, and grouping separators
//! are checked and skipped. The result is an exact [`Decimal`] with the scale
//! the page showed. Anything that is not exactly representable is an error,
//! never a rounded value.

use std::fmt;

use rust_decimal::Decimal;

use crate::lexical::digit_group_space_len;
use crate::names::{UnknownName, from_name};

/// How a strip writes decimal points and thousands groups.
///
/// ```
/// use tickerstrip::{NumberStyle, ParseOptions};
///
/// let options = ParseOptions::new().number_style(NumberStyle::Comma);
/// let quotes = options.parse("DAX 19 012,44 +85,10 (+0,45 %)")?;
/// assert_eq!(quotes[0].price.to_string(), "19012.44");
/// # Ok::<(), tickerstrip::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum NumberStyle {
    /// Decide per input from the evidence in its first 64 KiB (see
    /// [`StyleDecision`]); with no evidence, [`NumberStyle::Dot`].
    #[default]
    Auto,
    /// `.` is the decimal point; `,` or `'` group thousands: `22,150.40`.
    Dot,
    /// `,` is the decimal point; `.`, `'`, a space, NBSP, U+202F or U+2009
    /// group thousands: `19 012,44`, `11.912,40`.
    Comma,
}

impl NumberStyle {
    /// The name used on the command line: `auto`, `dot` or `comma`.
    ///
    /// ```
    /// assert_eq!(tickerstrip::NumberStyle::Comma.as_str(), "comma");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NumberStyle::Auto => "auto",
            NumberStyle::Dot => "dot",
            NumberStyle::Comma => "comma",
        }
    }

    /// Every style, in the order the command line lists them.
    ///
    /// ```
    /// assert_eq!(tickerstrip::NumberStyle::ALL.map(|s| s.as_str()), ["auto", "dot", "comma"]);
    /// ```
    pub const ALL: [NumberStyle; 3] = [NumberStyle::Auto, NumberStyle::Dot, NumberStyle::Comma];

    /// The decimal mark: `,` for comma style, `.` otherwise.
    fn decimal_mark(self) -> u8 {
        match self {
            NumberStyle::Comma => b',',
            _ => b'.',
        }
    }

    /// The length of the thousands separator at the start of `input`, or 0.
    fn group_separator_len(self, input: &[u8]) -> usize {
        match (self, input) {
            (_, [b'\'', ..]) => 1,
            (NumberStyle::Comma, [b'.', ..]) => 1,
            (NumberStyle::Comma, _) => digit_group_space_len(input),
            (_, [b',', ..]) => 1,
            _ => 0,
        }
    }
}

/// Which number style a parse uses, and why.
///
/// ```
/// use tickerstrip::{NumberStyle, StyleReason};
///
/// let quotes = tickerstrip::quotes("DAX 19 012,44 +85,10 (+0,45 %)");
/// let decision = quotes.number_style();
/// assert_eq!(decision.style, NumberStyle::Comma);
/// assert_eq!(decision.reason, StyleReason::Evidence { comma: 3, dot: 0 });
/// assert_eq!(
///     decision.to_string(),
///     "comma decimals (auto: 3 numbers read as comma decimals, 0 as dot decimals)"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct StyleDecision {
    /// The style used: [`NumberStyle::Dot`] or [`NumberStyle::Comma`].
    pub style: NumberStyle,
    /// Why.
    pub reason: StyleReason,
}

/// Why a [`StyleDecision`] chose its style.
///
/// ```
/// use tickerstrip::{NumberStyle, ParseOptions, StyleReason};
///
/// let auto = tickerstrip::quotes("KQ4.12+6.74%");
/// assert_eq!(auto.number_style().reason, StyleReason::Evidence { comma: 0, dot: 1 });
/// let chosen = ParseOptions::new().number_style(NumberStyle::Dot).quotes("KQ4.12+6.74%");
/// assert_eq!(chosen.number_style().reason, StyleReason::Chosen);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StyleReason {
    /// The caller chose it.
    Chosen,
    /// [`NumberStyle::Auto`] counted numbers that only one style reads:
    /// `0,45`, `11.912,40` and `19 012,44` for comma; `0.12` and
    /// `22,150.40` for dot. Comma wins only with more evidence.
    Evidence {
        /// Numbers only comma style reads.
        comma: usize,
        /// Numbers only dot style reads.
        dot: usize,
    },
}

impl StyleDecision {
    /// How many leading bytes of an input [`NumberStyle::Auto`] reads.
    ///
    /// ```
    /// use tickerstrip::{NumberStyle, StyleDecision};
    ///
    /// assert_eq!(StyleDecision::WINDOW, 65_536);
    /// // Evidence past the window is not counted.
    /// let text = format!("{}DAX 19 012,44 +85,10 (+0,45 %)", " ".repeat(StyleDecision::WINDOW));
    /// assert_eq!(tickerstrip::quotes(&text).number_style().style, NumberStyle::Dot);
    /// ```
    pub const WINDOW: usize = 64 * 1024;

    /// Resolves `style` for `text`: [`NumberStyle::Auto`] looks at the
    /// first [`StyleDecision::WINDOW`] bytes.
    pub(crate) fn resolve(style: NumberStyle, text: &[u8]) -> StyleDecision {
        if style != NumberStyle::Auto {
            return StyleDecision {
                style,
                reason: StyleReason::Chosen,
            };
        }
        let (comma, dot) = count_evidence(&text[..text.len().min(StyleDecision::WINDOW)]);
        StyleDecision {
            style: if comma > dot {
                NumberStyle::Comma
            } else {
                NumberStyle::Dot
            },
            reason: StyleReason::Evidence { comma, dot },
        }
    }
}

impl fmt::Display for NumberStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for NumberStyle {
    type Err = UnknownName;

    /// Reads the name [`NumberStyle::as_str`] gives.
    ///
    /// ```
    /// use tickerstrip::NumberStyle;
    ///
    /// assert_eq!("comma".parse(), Ok(NumberStyle::Comma));
    /// assert_eq!(NumberStyle::Dot.to_string().parse(), Ok(NumberStyle::Dot));
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownName`] for any other text.
    fn from_str(name: &str) -> Result<NumberStyle, UnknownName> {
        from_name(&NumberStyle::ALL, NumberStyle::as_str, "number style", name)
    }
}

impl fmt::Display for StyleDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.style {
            NumberStyle::Comma => "comma decimals",
            _ => "dot decimals",
        };
        match self.reason {
            StyleReason::Chosen => write!(f, "{name} (chosen)"),
            StyleReason::Evidence { comma, dot } => write!(
                f,
                "{name} (auto: {comma} numbers read as comma decimals, {dot} as dot decimals)"
            ),
        }
    }
}

/// Counts the numbers in `text` that only comma style, or only dot style,
/// reads as decimals or grouped numbers.
///
/// Only numbers that start a word count (digits ending a symbol such as
/// `KSE100` do not), and each stretch of number text is read once, so the
/// count takes time linear in `text`.
fn count_evidence(text: &[u8]) -> (usize, usize) {
    let (mut comma, mut dot) = (0, 0);
    let mut i = 0;
    while i < text.len() {
        let starts_word = || i == 0 || !text[i - 1].is_ascii_alphanumeric();
        if !text[i].is_ascii_digit() || !starts_word() {
            i += 1;
            continue;
        }
        let rest = &text[i..];
        if let Some((len, for_dot)) = plain_evidence(rest) {
            dot += usize::from(for_dot);
            i += len;
            continue;
        }
        let (as_comma, comma_len) = read_text(rest, NumberStyle::Comma);
        let (as_dot, dot_len) = read_text(rest, NumberStyle::Dot);
        let comma_only = is_evidence(as_comma, NumberStyle::Comma);
        let dot_only = is_evidence(as_dot, NumberStyle::Dot);
        comma += usize::from(comma_only && !dot_only);
        dot += usize::from(dot_only && !comma_only);
        i += comma_len.max(dot_len).max(1);
    }
    (comma, dot)
}

/// The length of the number at the start of `input`, and whether it is
/// evidence for dot style, when it is one of the two most common numbers,
/// which [`count_evidence`] need not read twice:
///
/// - digits, a `.` and other than three digits, that [`plain_number`]
///   reads in dot style. Comma style reads the same text as malformed
///   (its `.` groups no three digits), so only dot style reads it, and
///   both read that far.
/// - digits alone that [`plain_number`] reads in dot style, with no space
///   that groups digits in comma style after them (`13` in `40.13▲`,
///   after the point). Comma style reads the same digits, and neither
///   style reads a decimal there.
/// - digits closed by a `.` or `,` with no digit after it
///   ([`closed_digits`]).
///
/// Only the number's shape counts, so [`plain_shape`] measures it without
/// reading its value.
fn plain_evidence(input: &[u8]) -> Option<(usize, bool)> {
    match plain_shape(input, NumberStyle::Dot) {
        Some((len, 0)) => (digit_group_space_len(&input[len..]) == 0).then_some((len, false)),
        Some((whole, decimals)) => (decimals != 3).then_some((whole + 1 + decimals, true)),
        None => closed_digits(input).map(|len| (len, false)),
    }
}

/// The length of the digits at the start of `input` when a `.` or `,`
/// and no digit follow them, as at the end of a sentence or a clause
/// (`since 2023.`, `6 ships, 12 cranes`): [`plain_number`] leaves them,
/// as the mark may group or continue them, but it does neither in either
/// style, and both read the digits alone, so no evidence.
fn closed_digits(input: &[u8]) -> Option<usize> {
    let len = input
        .iter()
        .take(PLAIN_DIGITS + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if len == 0 || len > PLAIN_DIGITS || (input[0] == b'0' && len > 1) {
        return None;
    }
    match input[len..] {
        [b'.' | b',', next, ..] if !next.is_ascii_digit() => Some(len),
        _ => None,
    }
}

/// What [`plain_number`] reads at the start of `input` in `style`,
/// measured but not valued: how many whole digits and how many decimals.
/// `None` where [`plain_number`] reads no number (the test
/// `plain_shapes_are_what_plain_numbers_read` checks it).
#[inline(always)]
fn plain_shape(input: &[u8], style: NumberStyle) -> Option<(usize, usize)> {
    let digits = |input: &[u8]| {
        input
            .iter()
            .take(PLAIN_DIGITS + 1)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let whole = digits(input);
    if whole == 0 || (input[0] == b'0' && whole > 1) {
        return None;
    }
    let mut len = whole;
    let mut decimals = 0;
    if input.get(len) == Some(&style.decimal_mark()) {
        decimals = digits(&input[len + 1..]);
        if decimals == 0 {
            return None;
        }
        len += 1 + decimals;
    }
    if len - usize::from(decimals > 0) > PLAIN_DIGITS {
        return None;
    }
    if input.get(len).is_some_and(|&b| may_extend(style, b)) {
        return None;
    }
    Some((whole, decimals))
}

/// The number text at the start of `input` in `style`, if it is a number,
/// and how many bytes of number-like text (a number or a malformed one)
/// stand there.
fn read_text(input: &[u8], style: NumberStyle) -> (Option<&[u8]>, usize) {
    match number(input, style) {
        Ok((_, number)) => (Some(number.text), number.text.len()),
        Err(NumberError::Malformed) => (None, number_like_len(input)),
        Err(
            NumberError::Cut { len }
            | NumberError::TooLarge { len }
            | NumberError::TooManyDecimals { len, .. },
        ) => (None, len),
        Err(NumberError::NotANumber) => (None, 0),
    }
}

/// Whether number text read in `style` shows that style: a decimal mark
/// with other than three digits after it, or thousands groups before it.
fn is_evidence(text: Option<&[u8]>, style: NumberStyle) -> bool {
    let Some(text) = text else {
        return false;
    };
    let Some(mark) = text.iter().position(|&b| b == style.decimal_mark()) else {
        return false;
    };
    let grouped = text[..mark].iter().any(|b| !b.is_ascii_digit());
    grouped || text.len() - mark - 1 != 3
}

/// Most fraction digits a [`Decimal`] holds.
pub(crate) const MAX_SCALE: u32 = 28;

/// Largest mantissa a [`Decimal`] holds: 2^96 - 1.
pub(crate) const MAX_MANTISSA: u128 = (1 << 96) - 1;

/// A number read from the input: its text and its exact, unsigned value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number<'a> {
    /// The bytes the number was read from, grouping separators included.
    pub(crate) text: &'a [u8],
    /// The value, with the displayed scale.
    pub(crate) value: Decimal,
    /// Whether thousands separators group its digits.
    pub(crate) grouped: bool,
}

/// Why the bytes at some position are not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// The input does not start with a digit.
    NotANumber,
    /// Digits that break rule N (a leading zero, a bad group, a second
    /// separator). Found without reading the whole malformed text, which
    /// may be long: [`number_like_len`] measures it where a message or a
    /// skip needs it.
    Malformed,
    /// A number followed by a decimal mark or thousands separator and then
    /// the end of the input (`0.`, `3,`): cut off, `len` bytes with the mark.
    Cut { len: usize },
    /// More digits than a decimal mantissa holds; `len` bytes of number
    /// text were read, up to the group where the value outgrew a decimal.
    TooLarge { len: usize },
    /// More than 28 digits after the decimal point.
    TooManyDecimals { len: usize, decimals: usize },
}

/// Reads the number at the start of `input` (rule N) in `style`, which is
/// [`NumberStyle::Dot`] or [`NumberStyle::Comma`].
///
/// Returns the number and the bytes after it.
#[inline]
pub(crate) fn number(input: &[u8], style: NumberStyle) -> Result<(&[u8], Number<'_>), NumberError> {
    match plain_number(input, style) {
        Some(found) => Ok(found),
        None => grouped_number(input, style),
    }
}

/// Most digits [`plain_number`] reads: their value fits a `u64`.
const PLAIN_DIGITS: usize = 18;

/// The common case of rule N in one tight loop: digits, perhaps a decimal
/// mark and more digits, at most [`PLAIN_DIGITS`] in all, and after them a
/// byte that can neither group, continue nor cut the number.
///
/// `None` for anything else (no digits, a leading zero, thousands groups,
/// long numbers, a separator after the number), which
/// [`grouped_number`] reads by the whole rule, errors included.
///
/// Always inlined, and [`number`] inlined too: the compiler kept them
/// calls, which cost the lexer a fifth of a plain number's reading in
/// frames and a result passed through memory (callgrind: 1.3% fewer
/// instructions in all on the 200 KB strip, 0.8% on page text).
#[inline(always)]
fn plain_number(input: &[u8], style: NumberStyle) -> Option<(&[u8], Number<'_>)> {
    let (mut value, int_len) = accumulate(0, input);
    if int_len == 0 || (input[0] == b'0' && int_len > 1) {
        return None;
    }
    let mut len = int_len;
    let mut scale = 0;
    if input.get(len) == Some(&style.decimal_mark()) {
        let (fraction, fraction_len) = accumulate(value, &input[len + 1..]);
        if fraction_len == 0 {
            return None;
        }
        value = fraction;
        scale = fraction_len;
        len += 1 + fraction_len;
    }
    if len - usize::from(scale > 0) > PLAIN_DIGITS {
        return None;
    }
    if input.get(len).is_some_and(|&b| may_extend(style, b)) {
        return None;
    }
    let value = Decimal::from_parts(value as u32, (value >> 32) as u32, 0, false, scale as u32);
    let number = Number {
        text: &input[..len],
        value,
        grouped: false,
    };
    Some((&input[len..], number))
}

/// Adds the run of digits at the start of `input` to `value`, stopping
/// after one digit more than [`PLAIN_DIGITS`]; returns the value and the
/// number of digits read.
///
/// Always inlined: the compiler kept it a call, and the call cost a
/// quarter of a plain number's reading (callgrind, 200 KB strip: 1.5%
/// fewer instructions in all).
#[inline(always)]
fn accumulate(mut value: u64, input: &[u8]) -> (u64, usize) {
    let mut len = 0;
    for &byte in input.iter().take(PLAIN_DIGITS + 1) {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
        len += 1;
    }
    (value, len)
}

/// Whether byte `b` right after number text may group, continue or cut the
/// number in `style`, so that [`plain_number`] must leave it to the rule.
///
/// One byte is a superset of what the rule's own checks
/// ([`NumberStyle::group_separator_len`], [`continues_number`], the cut
/// check) look at: calling those instead measured 7% more instructions
/// for the whole parse (callgrind, 4 MiB seed strip).
///
/// Read from [`MAY_EXTEND`], one look for both styles.
#[inline(always)]
fn may_extend(style: NumberStyle, b: u8) -> bool {
    MAY_EXTEND[usize::from(b)] & (1 << usize::from(style == NumberStyle::Comma)) != 0
}

/// [`may_extend`] for every byte: bit 0 for dot style, bit 1 for comma
/// style.
const MAY_EXTEND: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'.' | b',' | b'\'' | b'_' | b'e' | b'E' | b'0'..=b'9' => 0b11,
            // Comma style groups with spaces, NBSP and U+2009 / U+202F.
            b' ' | 0xC2 | 0xE2 => 0b10,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// Rule N in full: what [`plain_number`] leaves, and every error.
///
/// Kept out of line: [`number`] inlined it, and the fast path paid for
/// its frame (callgrind, 200 KB strip: 0.2% more instructions).
#[inline(never)]
fn grouped_number(input: &[u8], style: NumberStyle) -> Result<(&[u8], Number<'_>), NumberError> {
    let mut mantissa = Mantissa::default();
    let int_digits = mantissa.take_digits(input);
    if int_digits == 0 {
        return Err(NumberError::NotANumber);
    }
    if input[0] == b'0' && int_digits > 1 {
        return Err(NumberError::Malformed);
    }
    let mut len = int_digits;
    let mut grouped = false;

    // Thousands groups: only after a first group of one to three digits
    // that is not a lone zero, all with the first group's separator.
    if int_digits <= 3 && input[0] != b'0' {
        let separator = style.group_separator_len(&input[len..]);
        if separator > 0 {
            let separator = &input[len..len + separator];
            // Reading stops once the value no longer fits: a run of groups
            // is then too large however long it is, and a scan that tries
            // a number at every group of a long run reads each only a
            // bounded distance.
            while let Some(digits) =
                thousands_group(&input[len..], separator).filter(|_| !mantissa.overflow)
            {
                mantissa.push_digits(digits);
                len += separator.len() + 3;
                grouped = true;
            }
        }
    }

    let mut scale = 0;
    if input.get(len) == Some(&style.decimal_mark()) {
        let fraction = mantissa.take_digits(&input[len + 1..]);
        if fraction > 0 {
            len += 1 + fraction;
            scale = fraction;
        }
    }

    // A separator and a digit straight after the number: `19.06.2024`,
    // `1,2345`, `2007,812`, `1_000`, `1e10`.
    if continues_number(&input[len..]) {
        return Err(NumberError::Malformed);
    }
    // A separator and then the end: the input cut the number off.
    if matches!(&input[len..], [b'.' | b',' | b'\'']) {
        return Err(NumberError::Cut { len: len + 1 });
    }
    if scale > MAX_SCALE as usize {
        return Err(NumberError::TooManyDecimals {
            len,
            decimals: scale,
        });
    }
    let value = mantissa
        .to_decimal(scale as u32)
        .ok_or(NumberError::TooLarge { len })?;
    let number = Number {
        text: &input[..len],
        value,
        grouped,
    };
    Ok((&input[len..], number))
}

/// The mantissa of a number being read.
#[derive(Debug, Default)]
struct Mantissa {
    value: u128,
    /// Digits pushed so far.
    digits: usize,
    /// Set once the value no longer fits a [`Decimal`].
    overflow: bool,
}

impl Mantissa {
    /// Up to this many digits always fit a `u64`.
    const SMALL_DIGITS: usize = 19;

    /// Reads the run of digits at the start of `input` into the mantissa;
    /// returns its length.
    #[inline]
    fn take_digits(&mut self, input: &[u8]) -> usize {
        if self.digits >= Mantissa::SMALL_DIGITS {
            return self.take_wide(input);
        }
        let mut small = self.value as u64;
        let mut len = 0;
        while let Some(&byte) = input.get(len) {
            let digit = byte.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            if self.digits + len == Mantissa::SMALL_DIGITS {
                self.value = u128::from(small);
                self.digits += len;
                return len + self.take_wide(&input[len..]);
            }
            small = small * 10 + u64::from(digit);
            len += 1;
        }
        self.value = u128::from(small);
        self.digits += len;
        len
    }

    /// [`Mantissa::take_digits`] once the value may outgrow a `u64`.
    #[cold]
    fn take_wide(&mut self, input: &[u8]) -> usize {
        let run = digit_run(input);
        self.push_wide(&input[..run]);
        self.digits += run;
        run
    }

    #[inline]
    fn push_digits(&mut self, digits: &[u8]) {
        if self.digits + digits.len() <= Mantissa::SMALL_DIGITS {
            let mut small = self.value as u64;
            for &digit in digits {
                small = small * 10 + u64::from(digit - b'0');
            }
            self.value = u128::from(small);
        } else {
            self.push_wide(digits);
        }
        self.digits += digits.len();
    }

    #[cold]
    fn push_wide(&mut self, digits: &[u8]) {
        for &digit in digits {
            if self.overflow {
                return;
            }
            self.value = self.value * 10 + u128::from(digit - b'0');
            self.overflow = self.value > MAX_MANTISSA;
        }
    }

    fn to_decimal(&self, scale: u32) -> Option<Decimal> {
        if self.overflow {
            return None;
        }
        let value = self.value;
        debug_assert!(scale <= MAX_SCALE && value <= MAX_MANTISSA);
        Some(Decimal::from_parts(
            value as u32,
            (value >> 32) as u32,
            (value >> 64) as u32,
            false,
            scale,
        ))
    }
}

/// Length of the run of ASCII digits at the start of `input`.
fn digit_run(input: &[u8]) -> usize {
    input.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The three digits of a thousands group (`separator`, exactly three
/// digits) at the start of `input`.
fn thousands_group<'a>(input: &'a [u8], separator: &[u8]) -> Option<&'a [u8]> {
    let digits = input.strip_prefix(separator)?;
    match digits {
        [a, b, c, rest @ ..]
            if a.is_ascii_digit()
                && b.is_ascii_digit()
                && c.is_ascii_digit()
                && !rest.first().is_some_and(u8::is_ascii_digit) =>
        {
            Some(&digits[..3])
        }
        _ => None,
    }
}

/// The length of a separator or exponent that continues a number at the
/// start of `input`: `.` `,` `'` `_` or `e`, then a digit (`e` may have a
/// sign before the digit). Zero when there is none.
fn continuation_len(input: &[u8]) -> usize {
    match input {
        [b'.' | b',' | b'\'' | b'_' | b'e' | b'E', d, ..] if d.is_ascii_digit() => 1,
        [b'e' | b'E', b'+' | b'-', d, ..] if d.is_ascii_digit() => 2,
        _ => 0,
    }
}

/// Whether a separator or exponent and a digit follow: the number goes on
/// in a way rule N does not allow.
fn continues_number(input: &[u8]) -> bool {
    continuation_len(input) > 0
}

/// The length of the number-like text at the start of `input`: digits
/// joined by separators or exponents, as far as they go. What a
/// [`NumberError::Malformed`] number's message shows, and how far
/// [`count_evidence`] skips.
pub(crate) fn number_like_len(input: &[u8]) -> usize {
    let mut len = digit_run(input);
    loop {
        match continuation_len(&input[len..]) {
            0 => return len,
            n => len += n + digit_run(&input[len + n..]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `input` in `style` and returns the value's text and the leftover input.
    fn read_in(input: &str, style: NumberStyle) -> Result<(String, &str), NumberError> {
        number(input.as_bytes(), style).map(|(rest, n)| {
            let rest = std::str::from_utf8(rest).expect("utf-8 leftover");
            (n.value.to_string(), rest)
        })
    }

    fn read(input: &str) -> Result<(String, &str), NumberError> {
        read_in(input, NumberStyle::Dot)
    }

    fn ok(value: &str, rest: &'static str) -> Result<(String, &'static str), NumberError> {
        Ok((value.to_string(), rest))
    }

    macro_rules! number_cases {
        ($($name:ident: $style:ident $input:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(read_in($input, NumberStyle::$style), $expected);
            }
        )*};
    }

    number_cases! {
        integer: Dot "812" => ok("812", "");
        keeps_scale: Dot "5.990000 x" => ok("5.990000", " x");
        one_decimal: Dot "41.8▲" => ok("41.8", "▲");
        lone_zero: Dot "0" => ok("0", "");
        zero_point: Dot "0.00%" => ok("0.00", "%");
        grouped: Dot "98,412 Increased" => ok("98412", " Increased");
        grouped_fraction: Dot "22,150.40 +" => ok("22150.40", " +");
        many_groups: Dot "1,234,567.5)" => ok("1234567.5", ")");
        comma_space_is_not_group: Dot "19, 2024" => ok("19", ", 2024");
        trailing_point: Dot "5. next" => ok("5", ". next");
        trailing_comma: Dot "5,x" => ok("5", ",x");
        stops_at_letter: Dot "40.1x3" => ok("40.1", "x3");
        letter_after: Dot "12.5EQTY" => ok("12.5", "EQTY");
        e_without_digits: Dot "5e x" => ok("5", "e x");
        max_scale: Dot "0.1234567890123456789012345678" => ok("0.1234567890123456789012345678", "");
        max_mantissa: Dot "79228162514264337593543950335" => ok("79228162514264337593543950335", "");
        wide_mantissa: Dot "12345678901234567890.5" => ok("12345678901234567890.5", "");
        empty: Dot "" => Err(NumberError::NotANumber);
        letter: Dot "x1" => Err(NumberError::NotANumber);
        leading_point: Dot ".5" => Err(NumberError::NotANumber);
        sign: Dot "-5" => Err(NumberError::NotANumber);
        leading_zero: Dot "0123 " => Err(NumberError::Malformed);
        leading_zero_group: Dot "007,812" => Err(NumberError::Malformed);
        zero_group: Dot "0,123" => Err(NumberError::Malformed);
        date: Dot "19.06.2024 x" => Err(NumberError::Malformed);
        short_group: Dot "1,2345" => Err(NumberError::Malformed);
        long_first_group: Dot "2007,812.40" => Err(NumberError::Malformed);
        broken_group: Dot "1,234,56" => Err(NumberError::Malformed);
        exponent: Dot "1e10 " => Err(NumberError::Malformed);
        signed_exponent: Dot "2.5E-3" => Err(NumberError::Malformed);
        underscore: Dot "1_000" => Err(NumberError::Malformed);
        too_many_decimals: Dot "0.12345678901234567890123456789" => Err(NumberError::TooManyDecimals { len: 31, decimals: 29 });
        mantissa_overflow: Dot "79228162514264337593543950336" => Err(NumberError::TooLarge { len: 29 });
        forty_digits: Dot "1234567890123456789012345678901234567890" => Err(NumberError::TooLarge { len: 40 });
        comma_decimal: Comma "0,45 %" => ok("0.45", " %");
        space_groups: Comma "19 012,44 +85" => ok("19012.44", " +85");
        dot_groups: Comma "11.912,40 +" => ok("11912.40", " +");
        nbsp_groups: Comma "7\u{a0}402,18" => ok("7402.18", "");
        narrow_nbsp_groups: Comma "3\u{202f}641,77 " => ok("3641.77", " ");
        thin_space_groups: Comma "1\u{2009}000\u{2009}000" => ok("1000000", "");
        apostrophe_groups: Comma "1'234,5" => ok("1234.5", "");
        space_then_short_group_is_a_field: Comma "12 34" => ok("12", " 34");
        space_then_long_group_is_a_field: Comma "12 3456" => ok("12", " 3456");
        mixed_separators_stop: Comma "1.234 567" => ok("1234", " 567");
    }

    #[test]
    fn number_like_text_runs_through_separators_and_exponents() {
        for (input, len) in [
            ("0123 ", 4),
            ("007,812", 7),
            ("0,123", 5),
            ("19.06.2024 x", 10),
            ("1,2345", 6),
            ("2007,812.40", 11),
            ("1,234,56", 8),
            ("1e10 ", 4),
            ("2.5E-3", 6),
            ("1_000", 5),
            ("12,5.3", 6),
            ("1.2", 3),
            ("1,1,1,1 x", 7),
        ] {
            assert_eq!(number_like_len(input.as_bytes()), len, "{input}");
        }
    }

    #[test]
    fn comma_style_refuses_a_dot_decimal() {
        assert_eq!(
            read_in("12,5.3", NumberStyle::Comma),
            Err(NumberError::Malformed)
        );
        assert_eq!(
            read_in("1.2", NumberStyle::Comma),
            Err(NumberError::Malformed)
        );
    }

    #[test]
    fn dot_style_groups_with_apostrophes() {
        assert_eq!(read("1'234.56"), Ok(("1234.56".to_string(), "")));
        assert_eq!(read("19 012,44"), Ok(("19".to_string(), " 012,44")));
    }

    #[test]
    fn auto_counts_evidence() {
        let decide = |text: &str| StyleDecision::resolve(NumberStyle::Auto, text.as_bytes());
        let comma = decide("DAX 19 012,44 +85,10 (+0,45 %) SMI 11.912,40");
        assert_eq!(comma.style, NumberStyle::Comma);
        assert_eq!(comma.reason, StyleReason::Evidence { comma: 4, dot: 0 });
        // 40.13 ends the word AGL40.13, so it is not counted.
        let dot = decide("AGL40.13▲ 0.12 (0.00%) on 6,700 containers, 19.06.2024");
        assert_eq!(dot.reason, StyleReason::Evidence { comma: 0, dot: 2 });
        assert_eq!(dot.style, NumberStyle::Dot);
        let none = decide("1,234 and 1.234 and 12");
        assert_eq!(
            (none.style, none.reason),
            (NumberStyle::Dot, StyleReason::Evidence { comma: 0, dot: 0 })
        );
        // Digits that end a symbol are not the first group of a number.
        let glued = decide("A1 100,000 +0 +0% | KSE100 112,345 Increased By 812 (1%)");
        assert_eq!(glued.reason, StyleReason::Evidence { comma: 0, dot: 0 });
        let chosen = StyleDecision::resolve(NumberStyle::Comma, b"0.12");
        assert_eq!(
            (chosen.style, chosen.reason),
            (NumberStyle::Comma, StyleReason::Chosen)
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The shortcut counts what reading the number in both styles counts.
        #[test]
        fn plain_evidence_is_what_both_readings_say(
            input in "[0-9]{1,4}([.][0-9]{0,5})?[0-9.,'_eE +%\u{a0}\u{202f}\u{2009}\u{25b2}x(-]{0,6}|0?[0-9]{1,19}[.,]([ eEx'.,]|[0-9])?[0-9 ]?",
        ) {
            let bytes = input.as_bytes();
            if let Some((len, for_dot)) = plain_evidence(bytes) {
                let (as_comma, comma_len) = read_text(bytes, NumberStyle::Comma);
                let (as_dot, dot_len) = read_text(bytes, NumberStyle::Dot);
                proptest::prop_assert!(!is_evidence(as_comma, NumberStyle::Comma));
                proptest::prop_assert_eq!(is_evidence(as_dot, NumberStyle::Dot), for_dot);
                proptest::prop_assert_eq!(comma_len.max(dot_len).max(1), len);
            }
        }
    }

    #[test]
    fn a_separator_at_the_end_cuts_the_number() {
        assert_eq!(read("0."), Err(NumberError::Cut { len: 2 }));
        assert_eq!(read("3,"), Err(NumberError::Cut { len: 2 }));
        assert_eq!(read("3,901.10 -12."), Ok(("3901.10".to_string(), " -12.")));
        assert_eq!(read("5. "), Ok(("5".to_string(), ". ")));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The fast path reads exactly what the whole rule reads.
        #[test]
        fn plain_numbers_agree_with_the_whole_rule(
            input in "[0-9.,'_eE +%\u{a0}\u{202f}x-]{0,30}",
            comma in proptest::bool::ANY,
        ) {
            let style = if comma { NumberStyle::Comma } else { NumberStyle::Dot };
            let bytes = input.as_bytes();
            if let Some(plain) = plain_number(bytes, style) {
                proptest::prop_assert_eq!(Ok(plain), grouped_number(bytes, style));
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// The shape measured is the shape of the number the fast path reads.
        #[test]
        fn plain_shapes_are_what_plain_numbers_read(
            input in "[0-9]{0,20}[.,]?[0-9]{0,20}[0-9.,'_eE +%\u{a0}\u{202f}x-]{0,3}",
            comma in proptest::bool::ANY,
        ) {
            let style = if comma { NumberStyle::Comma } else { NumberStyle::Dot };
            let bytes = input.as_bytes();
            let read = plain_number(bytes, style).map(|(_, n)| {
                let whole = n.text.iter().take_while(|b| b.is_ascii_digit()).count();
                (whole, n.text.len() - whole - usize::from(n.text.len() > whole))
            });
            proptest::prop_assert_eq!(plain_shape(bytes, style), read);
        }
    }

    #[test]
    fn plain_numbers_take_the_fast_path() {
        let plain = |input: &str| plain_number(input.as_bytes(), NumberStyle::Dot).is_some();
        assert!(plain("40.13▲"));
        assert!(plain("0.00%)"));
        assert!(plain("812 "));
        assert!(plain("123456789012345678"));
        assert!(plain("12345678.9012345678"));
        assert!(!plain("1234567890123456789"));
        assert!(!plain("22,150.40"));
        assert!(!plain("0123"));
        assert!(!plain("5. "));
        assert!(!plain("1e10"));
        assert!(!plain("19.06.2024"));
        let comma = |input: &str| plain_number(input.as_bytes(), NumberStyle::Comma).is_some();
        assert!(comma("0,45%"));
        assert!(!comma("19 012,44"));
    }

    #[test]
    fn ten_thousand_digits_is_an_error_not_a_panic() {
        let digits = "9".repeat(10_000);
        assert_eq!(read(&digits), Err(NumberError::TooLarge { len: 10_000 }));
    }
}
