//! Tokens that are not a quote's fields but decide where quotes may be:
//! dates and times (rule T) and line ends (rules R and W).

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
pub(crate) fn date_or_time_len(input: &[u8]) -> usize {
    let len = date_len(input).max(time_len(input));
    match input.get(len) {
        Some(b) if len > 0 && b.is_ascii_digit() => 0,
        _ => len,
    }
}

/// The length of the run of ASCII digits at the start of `input`.
fn digits(input: &[u8]) -> usize {
    input.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Three digit groups joined by the same separator, as [`date_or_time_len`]
/// describes.
fn date_len(input: &[u8]) -> usize {
    let first = digits(input);
    let Some(&mark @ (b'-' | b'.' | b'/')) = input.get(first) else {
        return 0;
    };
    let second_at = first + 1;
    let second = digits(&input[second_at..]);
    if !(1..=2).contains(&second) || input.get(second_at + second) != Some(&mark) {
        return 0;
    }
    let third_at = second_at + second + 1;
    let third = digits(&input[third_at..]);
    let year_first = first == 4 && (1..=2).contains(&third);
    let year_last = (1..=2).contains(&first) && matches!(third, 2 | 4);
    match year_first || year_last {
        true => third_at + third,
        false => 0,
    }
}

/// Hours, minutes and perhaps seconds joined by `:`.
fn time_len(input: &[u8]) -> usize {
    let hours = digits(input);
    if !(1..=2).contains(&hours) || input.get(hours) != Some(&b':') {
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
    let head = &input[..input.len().min(4)];
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

#[cfg(test)]
mod tests {
    use super::*;

    fn len(text: &str) -> usize {
        date_or_time_len(text.as_bytes())
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
