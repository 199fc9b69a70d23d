//! Inputs that once broke the scanner, each with what it must give now.

use std::io::{self, Read};

use tickerstrip::{OwnedSegment, ParseOptions, Segment, SkipKind};

/// The symbols of the quotes a scan finds, with their canonical text.
fn scanned(text: &str) -> Vec<String> {
    tickerstrip::scan(text)
        .filter_map(|segment| match segment {
            Segment::Quote(quote) => Some(quote.to_string()),
            _ => None,
        })
        .collect()
}

/// A reader that hands out at most `size` bytes a read, as a slow pipe does.
struct Trickle<'a> {
    bytes: &'a [u8],
    size: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.size.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// A weak candidate dropped just before the stream's window moved past it,
/// then a strong quote 64 KiB later: streaming panicked on the dropped
/// candidate's offset. The reported input, then the same with the quote
/// between spaces: glued to `#`, `X` stands inside a token and is no
/// symbol (rule B); standing alone it is found. The quote shows a price
/// with decimals, so that its markers are evidence enough (SPEC 9); the
/// weak candidates are integers that nothing supports.
#[test]
fn a_dropped_weak_candidate_before_a_compaction() {
    // The reported weak candidate, and one whose change is below its
    // price.
    let cases = [
        ("W 1 1 ", "X 40.13 +0.30%", &[][..]),
        ("W 1 1 ", " X 40.13 +0.30% ", &["X40.13▲ (0.30%)"][..]),
    ];
    let weak_kept = [("W 2 1 ", " X 40.13 +0.30% ", &["X40.13▲ (0.30%)"][..])];
    for (weak, quote, found) in cases.into_iter().chain(weak_kept) {
        let text = format!(
            "{}{weak}{}{quote}{}",
            "#".repeat(1_047_571),
            "#".repeat(64_999),
            "#".repeat(1000)
        );
        let whole: Vec<OwnedSegment> = tickerstrip::scan(&text).map(Into::into).collect();
        let quotes: Vec<String> = whole
            .iter()
            .filter_map(|segment| match segment {
                OwnedSegment::Quote(quote) => Some(quote.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(quotes, found);
        for size in [64 * 1024, 4096, 1000] {
            let reader = Trickle {
                bytes: text.as_bytes(),
                size,
            };
            let streamed = ParseOptions::new()
                .scan_reader(reader)
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            assert_eq!(streamed, whole, "reads of {size} bytes");
        }
    }
}

/// Runs of number-like text give no quote and lose no byte (their speed is
/// in `benches/pathological.rs`: every attempt in them reads a bounded
/// distance).
#[test]
fn number_like_runs_are_skipped_text() {
    let dot = [
        "1,", "0,", ",1", "'1", "1'0", "1e+", "111,", "1,234,", "1.000,",
    ];
    let comma = ["111\u{a0}", "111\u{202f}", "111\u{2009}", "111 "];
    let styles = [
        tickerstrip::NumberStyle::Dot,
        tickerstrip::NumberStyle::Comma,
    ];
    for (units, style) in [(&dot[..], styles[0]), (&comma[..], styles[1])] {
        for unit in units {
            let text = unit.repeat(20_000);
            let segments: Vec<Segment> = ParseOptions::new()
                .number_style(style)
                .scan(&text)
                .collect();
            assert!(segments.iter().all(|s| s.as_quote().is_none()), "{unit:?}");
            let joined: usize = segments.iter().map(|s| s.span().len()).sum();
            assert_eq!(joined, text.len(), "{unit:?}");
        }
    }
}

/// A failure in a field after a whole quote ends the quote before it.
#[test]
fn what_follows_a_quote_does_not_lose_it() {
    assert_eq!(
        scanned("ABOT 812.000000 -4.10 19.06.2024"),
        ["ABOT812.000000▼ -4.10"]
    );
    assert_eq!(
        scanned("ABOT 812.00 -4.10 – ACPL 0.50 -9"),
        ["ABOT812.00▼ -4.10", "ACPL0.50▼ -9"]
    );
    assert_eq!(
        scanned("ABOT 812.00 ▼ 4.10 | 99999999999999999999999999999999 |"),
        ["ABOT812.00▼ -4.10"]
    );
}

/// A quote glued to a quote that ends in a digit starts where it ended
/// (rule B), in scan mode as in strict mode.
#[test]
fn a_quote_glued_to_a_change() {
    let strip = "AGL40.13▲ 0.12BOP10.34▲ 0.22 (0.02%)";
    let expected = ["AGL40.13▲ 0.12", "BOP10.34▲ 0.22 (0.02%)"];
    assert_eq!(scanned(strip), expected);
    let strict: Vec<String> = tickerstrip::parse(strip)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(strict, expected);
}

/// A strong quote that starts inside a weak candidate the scan drops is
/// found: `Vol 500 786`, its fields across a line break, is a weak
/// candidate with no run to keep it. On one line, `Vol 500 | 786 …`, the
/// 500 is a number no quote explains, but the arithmetic says which number
/// is the price (0.40 is 3.31% of 12.10, rule R), and `786` before it is
/// its ticker: `Vol 500` is no name (rule W takes a name's digits only
/// where the price follows them), and `Vol` is a field word (SPEC 9).
#[test]
fn a_strong_quote_inside_a_dropped_weak_one() {
    assert_eq!(
        scanned("Vol 500\n786 12.50 +0.40 (+3.31%)"),
        ["786 12.50▲ 0.40 (3.31%)"]
    );
    assert_eq!(
        scanned("Vol 500 | 786 12.50 +0.40 (+3.31%)"),
        ["786 12.50▲ 0.40 (3.31%)"]
    );
}

/// `|` after a symbol's trailing digits is a separator (rule G (a)).
/// (The fields are compared, not the canonical text, which shows a whole
/// price grouped or not as the `Display` form decides.)
#[test]
fn a_bar_after_symbol_digits() {
    let text = "KSE100|98,412|+812.3|(+0.83%)";
    let quotes: Vec<_> = tickerstrip::scan(text)
        .filter_map(|segment| segment.as_quote().cloned())
        .map(|q| {
            let shown = |d: Option<tickerstrip::Decimal>| d.map(|d| d.to_string());
            let fields = (
                q.price.to_string(),
                q.direction,
                shown(q.change),
                shown(q.percent),
            );
            (q.symbol, fields, q.span)
        })
        .collect();
    let fields = (
        "98412".to_string(),
        tickerstrip::Direction::Up,
        Some("812.3".to_string()),
        Some("0.83".to_string()),
    );
    assert_eq!(quotes, [("KSE100", fields, 0..text.len())]);
}

/// Rule S: the sign shown on a zero change signs the percent. (A fall of
/// 0.45 shows as `-0` at no decimals: 0.2% of 263.55.)
#[test]
fn a_signed_zero_change_signs_the_percent() {
    let quotes = tickerstrip::parse("KSTX 263.10 -0 (0.2%)").unwrap();
    assert_eq!(quotes[0].percent.unwrap().to_string(), "-0.2");
    assert_eq!(quotes[0].change.unwrap().to_string(), "0");
}

/// One Latin-1 byte between two quotes: both quotes, and the byte counted
/// as skipped text of its own kind.
#[test]
fn one_invalid_byte_between_two_quotes() {
    let page = b"KEL6.34\xE2\x96\xBC -0.06 (-0.01%) \xE9 AGL40.13\xE2\x96\xB2 0.12 (0.00%)";
    let segments = ParseOptions::new()
        .scan_reader(&page[..])
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let quotes = segments
        .iter()
        .filter(|s| matches!(s, OwnedSegment::Quote(_)))
        .count();
    let invalid: Vec<_> = segments
        .iter()
        .filter_map(|s| match s {
            OwnedSegment::Skipped(s) if s.kind == SkipKind::InvalidUtf8 => {
                Some((s.span.start, s.span.end))
            }
            _ => None,
        })
        .collect();
    assert_eq!((quotes, invalid), (2, vec![(26, 27)]));
}

/// Found by the precision property test: in `S&P 500 984.35 -49.21
/// (-4.76%)`, 500 as the price and 984.35 as its previous close give
/// −49.205%, which rounds to the change shown. That reading leaves the
/// marked percent unexplained, but it counted the close the percent alone
/// pinned as a second piece of arithmetic, so it stood beside the reading
/// that explains every value and the row gave no quote. A close counts as
/// evidence of its own only where a shown change checks it.
#[test]
fn a_close_pinned_by_the_percent_alone_counts_once() {
    for (text, quote) in [
        (
            "S&P 500 984.35 -49.21 (-4.76%)",
            "S&P 500: 984.35▼ -49.21 (-4.76%)",
        ),
        (
            "S&P 500 991.13 -49.55 (-4.76%)",
            "S&P 500: 991.13▼ -49.55 (-4.76%)",
        ),
    ] {
        assert_eq!(scanned(text), [quote], "scan");
        let quotes: Vec<String> = tickerstrip::quotes(text)
            .map(|found| found.map(|q| q.to_string()))
            .collect::<Result<_, _>>()
            .expect("strict reads the row");
        assert_eq!(quotes, [quote], "strict");
    }
}

/// Found by the tables property test: under `Last`, 2.00 with +0.11 and
/// +5.82% gives 5.820%, but the span the rounding allows is a hair wider
/// than a tenth of the percent, so the fit says nothing; 2.03 from the
/// `High` column fits loosely and within that span. The loose fit
/// dropped the header's reading, and the row gave 2.03: a price from the
/// wrong column. Only an exact fit overrules a header.
#[test]
fn a_loose_fit_does_not_overrule_the_header() {
    let text = "| Name | Last | Chg | Chg % | High | Volume | Time |\n\
                | Aaaa Aaa | 2.00 | +0.11 | +5.82% | 2.03 | 1 | 16:02 |\n";
    assert_eq!(scanned(text), ["Aaaa Aaa: 2.00▲ 0.11 (5.82%)"]);
}

/// Found by the round-trip property test: the canonical text of a quote of
/// `UP.A` did not parse back, since `UP` was read as a direction word and
/// `.A` left over. A direction word joined to more letters by a ticker's
/// inner punctuation is that ticker; before a signed number it stays a
/// marker.
#[test]
fn a_ticker_that_starts_with_a_direction_word() {
    for (text, quote) in [
        ("UP.A 0.1 (0%)", "UP.A0.1► (0%)"),
        ("DOWN.B 40.13 +0.12 (+0.30%)", "DOWN.B40.13▲ 0.12 (0.30%)"),
        ("ABC 12.50 DOWN-0.40 (-3.10%)", "ABC12.50▼ -0.40 (-3.10%)"),
    ] {
        let quotes: Vec<String> = tickerstrip::quotes(text)
            .map(|found| found.map(|q| q.to_string()))
            .collect::<Result<_, _>>()
            .expect("strict reads the row");
        assert_eq!(quotes, [quote], "strict");
        assert_eq!(scanned(text), [quote], "scan");
    }
}

/// Found by the `parse` fuzz target: in `OS3M X02,410.16 ↑12.08 (0.50%)`
/// the symbol is `OS3M X0`, but its canonical text `OS3M X0: 2410.16▲
/// 12.08 (0.50%)` read back as `OS3M X`, the `0` lost: rule G split the
/// digits off the letters, since a colon was no separator. A colon or `=`
/// and a space after a label's digits end the label there, so the digits
/// are its own (`KSE100: 98,412.30` is `KSE100`, not `KSE`).
#[test]
fn digits_before_a_labels_colon_stay_in_the_symbol() {
    for (text, quote) in [
        (
            "OS3M X02,410.16 ↑12.08 (0.50%)",
            "OS3M X0: 2410.16▲ 12.08 (0.50%)",
        ),
        (
            "OS3M X0: 2410.16▲ 12.08 (0.50%)",
            "OS3M X0: 2410.16▲ 12.08 (0.50%)",
        ),
        (
            "KSE100: 98,412.30 ▲812.30 (0.83%)",
            "KSE100 98412.30▲ 812.30 (0.83%)",
        ),
    ] {
        assert_eq!(scanned(text), [quote], "{text}");
    }
}

/// Found by the tables property test: with `Chg %` but no `Chg` column,
/// 40200 from `Volume` as the price and 200.00 as its change fit the
/// `+0.00%` exactly as a plain ratio (0.005), and that fit overruled the
/// header. A zero percent fits any small enough move and pins nothing, so
/// it overrules no header.
#[test]
fn a_zero_percent_does_not_overrule_the_header() {
    let text = "| Name | Last | Chg % | Volume |\n| Aaaa Aaa | 200.00 | +0.00% | 40200 |\n";
    assert_eq!(scanned(text), ["Aaaa Aaa: 200.00► (0.00%)"]);
    // The header's own zero percent still checks: a chance fit among the
    // other columns (the volume as a price, the price as its change) does
    // not overrule it.
    let text = "| Name | Last | Chg | Chg % | High | Volume | Time |\n\
                | Aaaa Aaa | 312.97 | +0.01 | +0.00% | 316.72 | 2086780 | 16:02 |\n";
    assert_eq!(scanned(text), ["Aaaa Aaa: 312.97▲ 0.01 (0.00%)"]);
    // Nor does a percent of one significant digit: `+0.01` as a percent
    // fits the volume as a price and the price as its change, as it would
    // most moves that small.
    let text = "| Name | Last | Chg | Volume |\n| Aaaa Aaa | 444.80 | +0.01 | 2965779 |\n";
    assert_eq!(scanned(text), ["Aaaa Aaa: 444.80▲ 0.01"]);
}

/// Found by the tables property test: under `Last`, 10.05 with +0.02 and
/// +0.20% agrees (0.1994%), but the span its rounding allows is a hair
/// too wide to count as a fit, while 10.06 from `High` fits a hair more
/// tightly, and overruled the header. A fit elsewhere overrules a
/// header only where the header's reading is contradicted, not merely
/// unconfirmed.
#[test]
fn a_fit_elsewhere_overrules_no_header_whose_numbers_agree() {
    let text = "| Name | Last | Chg | Chg % | High | Volume | Time |\n\
                | Aaaa Aaa | 10.05 | +0.02 | +0.20% | 10.06 | 1 | 16:02 |\n";
    assert_eq!(scanned(text), ["Aaaa Aaa: 10.05▲ 0.02 (0.20%)"]);
    // The same columns in another order: `Chg %` split in two would put
    // the percent on the time's column, and the price a column over.
    let text = "| Name | Chg | Chg % | Time | Last | High | Volume |\n\
                | Aaaa Aaa | +0.02 | +0.20% | 16:02 | 10.05 | 10.06 | 1 |\n";
    assert_eq!(scanned(text), ["Aaaa Aaa: 10.05▲ 0.02 (0.20%)"]);
}

/// Found by the validation property test: `X 0.8713 -1 (-53.438786%)`,
/// whose change of a whole unit is too coarse to check the percent, lost
/// its only reading that explains every value: a change larger than the
/// price fell beside readings that read no change at all, and those leave
/// the `-1` unexplained. A reading with no change says nothing of a
/// move's size; only one that reads a smaller move makes a large one
/// fall.
#[test]
fn a_large_move_falls_only_beside_a_smaller_one() {
    assert_eq!(
        scanned("X 0.8713 -1 (-53.438786%)"),
        ["X0.8713▼ -1 (-53.438786%)"]
    );
    // `S&P 500 5,184.22` is still no move of 5,184.22 on 500.
    assert_eq!(
        scanned("S&P 500 5,184.22 +0.62%"),
        ["S&P 500: 5184.22▲ (0.62%)"]
    );
}

/// Found by the tables property test: under `Name | Last | High | Volume`,
/// `100.00 | 100.00 | 2000101` read the High cell as a percent of -100.00
/// and the volume as its previous close: a fall from 2,000,101 to 100 is
/// -99.995%. Near -100% any close far enough above the price fits, so a
/// fall of more than half pins no close.
#[test]
fn a_fall_of_more_than_half_pins_no_close() {
    let text = "| Name | Last | High | Volume |\n| Aaqa Aqa | 100.00 | 100.00 | 2000101 |\n";
    assert!(scanned(text).is_empty(), "{:?}", scanned(text));
}

/// Found by the scan and validate fuzz targets: a previous close checked
/// against a price near the largest a decimal holds doubled a gap past
/// that largest value, and the multiplication panicked. A gap too large
/// to double fits no close.
#[test]
fn a_close_far_from_a_huge_price_fits_nothing() {
    let text = "X 40,000,000,000,000,000,000,000,000,000 -1.50 1.50\n";
    let _ = scanned(text);
    let _ = tickerstrip::quotes(text).count();
}
