//! What the characters between and around a quote's fields are: white
//! space, separators, line ends, invisible characters, bytes that are not
//! UTF-8, dates and times (rule T). Every other module asks here.

/// The byte length of the date or time token at the start of `input`, or 0
/// (rule T).
///
/// Dates are three groups of digits joined twice by the same `-`, `.` or
/// `/`: a year of four digits first (`2025-09-26`), or a day and month of
/// one or two digits first and a year of two or four digits last
/// (`18-10-2024`, `25.11.2024`, `22.01.25`, `16/10/24`). Times are hours of
/// one or two digits and two-digit minutes, perhaps two-digit seconds,
/// joined by `:` (`11:53`, `17:15:00`). A token is whole: a digit right
/// after it makes it none.
///
/// A date is never read as numbers: `1.000.000` has a middle group of three
/// digits and stays a number in comma style.
///
/// Inlined, with two cheap looks before the full reading: a time's hours
/// are at most two digits, and a date's mark stands again two or three
/// bytes after its first (what [`date_len`] checks first). They rule out
/// almost every number (`40.13▲`, `0.12 `) at the cost of a few bytes'
/// looks; the full reading stays out of line. Always inlined: as a call
/// it cost the lexer twice what it does inline (callgrind).
#[inline(always)]
pub(crate) fn date_or_time_len(input: &[u8]) -> usize {
    let first = digits(input);
    let len = match input.get(first) {
        Some(b':') if first <= 2 => time_len(input, first),
        Some(&mark @ (b'-' | b'.' | b'/'))
            if input.get(first + 2) == Some(&mark) || input.get(first + 3) == Some(&mark) =>
        {
            date_len(input, first, mark)
        }
        _ => 0,
    };
    match input.get(len) {
        Some(b) if len > 0 && b.is_ascii_digit() => 0,
        _ => len,
    }
}

/// The length of the run of ASCII digits at the start of `input`.
#[inline]
fn digits(input: &[u8]) -> usize {
    input
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(input.len())
}

/// Three digit groups joined by the same separator `mark`, the first of
/// `first` digits, as [`date_or_time_len`] describes.
#[inline(never)]
fn date_len(input: &[u8], first: usize, mark: u8) -> usize {
    let second_at = first + 1;
    // One or two digits and the mark again.
    let second = match input[second_at..] {
        [a, b, ..] if a.is_ascii_digit() && b == mark => 1,
        [a, b, c, ..] if a.is_ascii_digit() && b.is_ascii_digit() && c == mark => 2,
        _ => return 0,
    };
    let third_at = second_at + second + 1;
    let third = digits(&input[third_at..]);
    let year_first = first == 4 && (1..=2).contains(&third);
    let year_last = (1..=2).contains(&first) && matches!(third, 2 | 4);
    match year_first || year_last {
        true => third_at + third,
        false => 0,
    }
}

/// Hours of `hours` digits, minutes and perhaps seconds joined by `:`.
#[inline(never)]
fn time_len(input: &[u8], hours: usize) -> usize {
    if !(1..=2).contains(&hours) {
        return 0;
    }
    let mut len = hours;
    for part in 0..2 {
        let rest = &input[len..];
        match rest {
            [b':', a, b, ..] if a.is_ascii_digit() && b.is_ascii_digit() => len += 3,
            _ if part == 0 => return 0,
            _ => break,
        }
    }
    len
}

/// Whether `c` is a character a reader does not see as text: control
/// characters (NUL, escape), format characters (zero-width spaces and
/// joiners, direction marks, the byte order mark) and white space beyond
/// the separators (line and paragraph separators, ideographic space).
/// Scan mode takes one as a token boundary, as it takes white space.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// The byte length of the invisible character (see [`is_invisible`]) at
/// the start of `input`, or 0.
pub(crate) fn invisible_len(input: &[u8]) -> usize {
    // Most text is ASCII, whose byte is its character.
    if let Some(&b) = input.first().filter(|b| b.is_ascii()) {
        return usize::from(is_invisible(char::from(b)));
    }
    let head = &input[..input.len().min(MAX_CHAR)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    match text.chars().next() {
        Some(c) if is_invisible(c) => c.len_utf8(),
        _ => 0,
    }
}

/// Whether `b` ends a line.
pub(crate) fn is_line_end(b: u8) -> bool {
    matches!(b, b'\n' | b'\r')
}

/// The first and last year a four-digit label may stand for: such a label
/// reads both as a ticker and as a year (rule P), so it is no symbol.
pub(crate) const YEARS: std::ops::RangeInclusive<u16> = 1900..=2099;

/// Whether `label` is four digits that read as a year in [`YEARS`].
pub(crate) fn is_year(label: &str) -> bool {
    label.len() == 4
        && label.bytes().all(|b| b.is_ascii_digit())
        && label.parse().is_ok_and(|year: u16| YEARS.contains(&year))
}

/// White space that may stand between fields and quotes, with its length
/// in bytes: ASCII white space, NBSP, figure space, thin space, U+202F.
pub(crate) fn space_len(input: &[u8]) -> usize {
    match input {
        [b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0x87 | 0x89 | 0xAF, ..] => 3,
        _ => 0,
    }
}

/// The byte length of the quote separator at the start of `input`, or 0.
pub(crate) fn separator_len(input: &[u8]) -> usize {
    match input {
        [b'|' | b';', ..] => 1,
        [0xC2, 0xB7, ..] => 2,
        [0xE2, 0x80, 0xA2, ..] => 3,
        _ => space_len(input),
    }
}

/// The longest UTF-8 sequence: how far ahead a reader looks to tell a
/// character from bytes that are not UTF-8.
pub(crate) const MAX_CHAR: usize = 4;

/// The byte length of the sequence that is not UTF-8 at the start of
/// `input`, or 0. A sequence cut off by the end of `input` counts as
/// not UTF-8: callers hold [`MAX_CHAR`] bytes, or the input's end.
pub(crate) fn invalid_utf8_len(input: &[u8]) -> usize {
    if input.first().is_none_or(u8::is_ascii) {
        return 0;
    }
    let head = &input[..input.len().min(MAX_CHAR)];
    match std::str::from_utf8(head) {
        Err(e) if e.valid_up_to() == 0 => e.error_len().unwrap_or(head.len()),
        _ => 0,
    }
}

/// The byte length of a UTF-8 byte order mark at the start of `input`,
/// or 0: strict reading skips one at the start of its input.
pub(crate) fn byte_order_mark_len(input: &[u8]) -> usize {
    const MARK: &[u8] = "\u{feff}".as_bytes();
    if input.starts_with(MARK) {
        MARK.len()
    } else {
        0
    }
}

/// The byte length of a space that groups digits in comma style at the
/// start of `input` (`19 012,44`, `7\u{a0}402,18`): a space, NBSP, thin
/// space or U+202F; 0 for anything else.
pub(crate) fn digit_group_space_len(input: &[u8]) -> usize {
    match input {
        [b' ', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0x89 | 0xAF, ..] => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(text: &str) -> usize {
        date_or_time_len(text.as_bytes())
    }

    /// [`date_or_time_len`] as it reads without its first looks: every
    /// mark sends the input to the full reading.
    fn date_or_time_len_in_full(input: &[u8]) -> usize {
        let first = digits(input);
        let len = match input.get(first) {
            Some(b':') => time_len(input, first),
            Some(&mark @ (b'-' | b'.' | b'/')) => date_len(input, first, mark),
            _ => 0,
        };
        match input.get(len) {
            Some(b) if len > 0 && b.is_ascii_digit() => 0,
            _ => len,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8192))]
        /// The first looks rule out only what the full reading refuses.
        #[test]
        fn first_looks_refuse_only_what_the_full_reading_does(
            text in "[0-9]{0,5}[-./:]?[0-9]{0,3}[-./:]?[0-9]{0,5}[-./: a]?",
        ) {
            let input = text.as_bytes();
            proptest::prop_assert_eq!(date_or_time_len(input), date_or_time_len_in_full(input));
        }
    }

    #[test]
    fn dates_of_every_shown_order() {
        for date in [
            "2025-09-26",
            "18-10-2024",
            "25.11.2024",
            "22.01.25",
            "16/10/24",
            "2024/1/8",
        ] {
            assert_eq!(len(date), date.len(), "{date}");
            assert_eq!(len(&format!("{date} 41.20")), date.len(), "{date}");
        }
    }

    #[test]
    fn times_with_and_without_seconds() {
        assert_eq!(len("11:53"), 5);
        assert_eq!(len("17:15:00 +0.40"), 8);
        assert_eq!(len("9:05"), 4);
    }

    #[test]
    fn numbers_are_no_dates() {
        for number in [
            "1.000.000",
            "12.345.678",
            "7,812.40",
            "2024",
            "40.13",
            "19.06.20245",
            "123:45",
            "11:5",
            "2024-11-089",
            "1-2-3",
        ] {
            assert_eq!(len(number), 0, "{number}");
        }
    }

    #[test]
    fn invisible_characters_are_boundaries() {
        for c in [
            '\0', '\x1b', '\u{200b}', '\u{200f}', '\u{2028}', '\u{feff}', '\u{3000}',
        ] {
            assert_eq!(
                invisible_len(c.to_string().as_bytes()),
                c.len_utf8(),
                "{c:?}"
            );
        }
        for text in ["A", "1", "é", "€", "▲", "\u{ff}"] {
            assert_eq!(invisible_len(text.as_bytes()), 0, "{text:?}");
        }
    }

    #[test]
    fn years_are_four_digits_in_range() {
        assert!(is_year("2023"));
        assert!(is_year("1999"));
        assert!(!is_year("2330"));
        assert!(!is_year("7203"));
        assert!(!is_year("555"));
        assert!(!is_year("20230"));
    }
}
