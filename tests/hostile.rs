//! Hostile inputs, each with its exact outcome: the strict parse's error
//! message (or its quotes, in canonical form) and the scan's segments.
//!
//! Segments are rendered `Q:<canonical quote>`, `S:<skipped text>` and
//! `T:<text skipped as truncated>`; skipped text longer than 120 bytes is
//! rendered by its length, `S:<65536 bytes>`. Every scan is also checked to
//! tile its input exactly.

use std::io::{self, Read};

use tickerstrip::{OwnedSegment, ParseOptions, Segment, SkipKind};

/// What strict parsing gives.
enum Strict {
    Quotes(&'static [&'static str]),
    Error(&'static str),
}

/// Strict parsing succeeds with these quotes, in canonical form.
fn quotes(canonical: &'static [&'static str]) -> Strict {
    Strict::Quotes(canonical)
}

/// Strict parsing fails with this message.
fn error(message: &'static str) -> Strict {
    Strict::Error(message)
}

fn check_parse(input: &str, expected: Strict) {
    let result = tickerstrip::parse(input)
        .map(|quotes| quotes.iter().map(ToString::to_string).collect::<Vec<_>>());
    match (result, expected) {
        (Ok(found), Strict::Quotes(canonical)) => assert_eq!(found, canonical),
        (Err(err), Strict::Error(message)) => {
            assert_eq!(err.to_string(), message);
            assert!(err.offset() <= input.len() && input.is_char_boundary(err.offset()));
        }
        (Ok(found), Strict::Error(message)) => {
            panic!("expected the error {message:?}, parsed {found:?}")
        }
        (Err(err), Strict::Quotes(canonical)) => {
            panic!("expected {canonical:?}, got the error {err}")
        }
    }
}

fn render(segment: &Segment<'_>) -> String {
    let (tag, text) = match segment {
        Segment::Quote(quote) => return format!("Q:{quote}"),
        Segment::Skipped(s) if s.kind == SkipKind::Truncated => ("T", s.text),
        Segment::Skipped(s) => ("S", s.text),
        other => panic!("a segment of a new kind: {other:?}"),
    };
    match text.len() {
        0..=120 => format!("{tag}:{text}"),
        len => format!("{tag}:<{len} bytes>"),
    }
}

fn check_scan(input: &str, expected: &[&str]) {
    let segments: Vec<Segment> = tickerstrip::scan(input).collect();
    let mut end = 0;
    for segment in &segments {
        assert_eq!(segment.span().start, end, "gap or overlap at {segment:?}");
        if let Segment::Skipped(skipped) = segment {
            assert_eq!(skipped.text, &input[skipped.span.clone()]);
        }
        end = segment.span().end;
    }
    assert_eq!(end, input.len(), "the segments end early");
    let rendered: Vec<String> = segments.iter().map(render).collect();
    assert_eq!(rendered, expected);
}

/// `name: input, parse <strict outcome>, scan [<segments>];` with either
/// outcome optional (left out where the crate contradicts SPEC; see the
/// notes by the case).
macro_rules! hostile {
    ($($name:ident: $input:expr $(, parse $strict:expr)? $(, scan $scan:expr)?;)*) => {$(
        #[test]
        fn $name() {
            let input: &str = &$input;
            $(check_parse(input, $strict);)?
            $(check_scan(input, &$scan);)?
        }
    )*};
}

const AGL: &str = "AGL40.13▲ 0.12 (0.00%)";
const BOP: &str = "BOP10.34▲ 0.22 (0.02%)";

/// One mebibyte of prose without a number in it.
fn mebibyte_of_prose() -> String {
    let sentence = "Markets were quiet today, as traders waited for the news again. ";
    assert_eq!(sentence.len(), 64);
    sentence.repeat(16 * 1024)
}

hostile! {
    // Nothing, or nothing but separators.
    empty: "",
        parse error("line 1, column 1: expected a quote, found end of input"),
        scan [];
    whitespace_only: " \t\r\n\u{a0} ",
        parse error("line 2, column 3: expected a quote, found end of input"),
        scan ["S: \t\r\n\u{a0} "];
    carriage_return_only: "\r",
        parse error("line 1, column 2: expected a quote, found end of input"),
        scan ["S:\r"];

    // Markers and signs with nothing to mark.
    lone_glyph: "▲",
        parse error("line 1, column 1: expected a quote, found '▲'"),
        scan ["S:▲"];
    // Numbers that check (0.12 is 0.30% of 40.01), so that what the case
    // is about, not the lack of evidence (SPEC 9), makes it no quote.
    glyph_at_the_end: "AGL 40.13 ▲",
        parse error("line 1, column 12: expected a change or a percent after marker '▲', found end of input"),
        scan ["T:AGL 40.13 ▲"];
    // Up or down: the records differ, and no rule decides (rule P).
    two_glyphs: "AGL 40.13 ▲▼ 0.12 (0.30%)",
        parse error("line 1, column 12: expected a change or a percent after marker '▲', found '▼'"),
        scan ["S:AGL 40.13 ▲▼ 0.12 (0.30%)"];
    lone_signs: "--5",
        parse error("line 1, column 1: expected a quote, found '-'"),
        scan ["S:--5"];
    double_minus: "AGL 40.13 --0.12 (-0.30%)",
        parse error("line 1, column 12: expected digits after sign '-', found '-'"),
        scan ["S:AGL 40.13 --0.12 (-0.30%)"];
    plus_minus: "AGL 40.13 +-0.12 (-0.30%)",
        parse error("line 1, column 12: expected digits after sign '+', found '-'"),
        scan ["S:AGL 40.13 +-0.12 (-0.30%)"];
    minus_sign_at_the_end: "AGL 40.13 −",
        parse error("line 1, column 12: expected digits after sign '−', found end of input"),
        scan ["T:AGL 40.13 −"];

    // Percent signs and parentheses.
    percent_alone: "%",
        parse error("line 1, column 1: expected a quote, found '%'"),
        scan ["S:%"];
    // `%` after a number and a space marks a percent (SPEC 9, stage 1):
    // the `%` stands alone after a marker.
    percent_without_number: "AGL 40.13 ▲ %",
        parse error("line 1, column 13: expected a change or a percent after marker '▲', found '%'"),
        scan ["S:AGL 40.13 ▲ %"];
    percent_where_the_price_belongs: "AGL 40.13 %",
        parse error("line 1, column 5: expected a price after symbol 'AGL', found percent '40.13 %'"),
        scan ["S:AGL 40.13 %"];
    // A percent may follow the price (`(+0.31%)`): the second `(` is what
    // breaks it.
    double_parentheses: "AGL 40.13 ((0.30%))",
        parse error("line 1, column 12: expected a percent, found '('"),
        scan ["S:AGL 40.13 ((0.30%))"];
    double_parentheses_after_a_change: "AGL 40.13 +0.12 ((0.30%))",
        parse error("line 1, column 18: expected a percent, found '('"),
        scan ["S:AGL 40.13 +0.12 ((0.30%))"];
    empty_parentheses_after_a_change: "AGL 40.13 +0.12 (%)",
        parse error("line 1, column 17: expected a quote, found '('"),
        scan ["Q:AGL40.13▲ 0.12", "S: (%)"];

    // Numbers that rule N refuses, and the largest it takes.
    // Realistic numbers (12.50 is 1.27% of 987.50), so that only the
    // number the case is about can make it no quote.
    ten_thousand_digit_price: format!("AGL {} +12.50 (+1.27%)", "1".repeat(10_000)),
        parse error(
            "line 1, column 5: expected a price after symbol 'AGL', found number \
             '1111111111111111111111111111111111111111… (9960 more)', too large for an exact decimal"
        ),
        scan ["S:<10020 bytes>"];
    ten_thousand_digit_glued_price: format!("AGL{}▲ 12.50 (1.27%)", "9".repeat(10_000)),
        parse error(
            "line 1, column 4: expected a price after symbol 'AGL', found number \
             '9999999999999999999999999999999999999999… (9960 more)', too large for an exact decimal"
        ),
        scan ["S:<10020 bytes>"];
    // The largest mantissa a decimal holds, here with four decimals (a
    // whole price of 29 digits would show grouped); the change is the
    // price's 101st part: 1.00% of the previous close.
    largest_mantissa: "X 7922816251426433759354395.0335 +78443725261647859003508.8617 (+1.00%)",
        parse quotes(&["X7922816251426433759354395.0335▲ 78443725261647859003508.8617 (1.00%)"]),
        scan ["Q:X7922816251426433759354395.0335▲ 78443725261647859003508.8617 (1.00%)"];
    one_past_the_largest_mantissa: "X 7922816251426433759354395.0336 +78443725261647859003508.8617 (+1.00%)",
        parse error(
            "line 1, column 3: expected a price after symbol 'X', found number \
             '7922816251426433759354395.0336', too large for an exact decimal"
        ),
        scan ["S:X 7922816251426433759354395.0336 +78443725261647859003508.8617 (+1.00%)"];
    // From a previous close of 0.11: 1.01%.
    twenty_eight_decimals: "X 0.1111111111111111111111111111 +0.0011111111111111111111111111 (+1.01%)",
        parse quotes(&["X0.1111111111111111111111111111▲ 0.0011111111111111111111111111 (1.01%)"]),
        scan ["Q:X0.1111111111111111111111111111▲ 0.0011111111111111111111111111 (1.01%)"];
    twenty_nine_decimals: "X 0.11111111111111111111111111111 +0.0011111111111111111111111111 (+1.01%)",
        parse error(
            "line 1, column 3: expected a price after symbol 'X', found number \
             '0.11111111111111111111111111111' with 29 decimal places (at most 28)"
        ),
        scan ["S:X 0.11111111111111111111111111111 +0.0011111111111111111111111111 (+1.01%)"];
    // Its scan: `exponent_is_no_symbol` below.
    exponent_price: "AGL 1e10 +0.12 (+0.30%)",
        parse error("line 1, column 5: expected a price after symbol 'AGL', found malformed number '1e10'");
    // The quote ends before the percent it cannot read.
    exponent_percent: "AGL 40.13 +0.12 (1e2%)",
        parse error("line 1, column 18: expected a percent, found malformed number '1e2'"),
        scan ["Q:AGL40.13▲ 0.12", "S: (1e2%)"];
    underscore_price: "AGL 1_000 +12.50 (+1.27%)",
        parse error("line 1, column 5: expected a price after symbol 'AGL', found malformed number '1_000'"),
        scan ["S:AGL 1_000 +12.50 (+1.27%)"];
    leading_zero_price: "AGL 040.13 +0.12 (+0.30%)",
        parse error("line 1, column 5: expected a price after symbol 'AGL', found malformed number '040.13'"),
        scan ["S:AGL 040.13 +0.12 (+0.30%)"];
    date_as_price: "AGL 19.06.2024 +0.12 (+0.30%)",
        parse error("line 1, column 5: expected a price after symbol 'AGL', found date or time '19.06.2024'"),
        scan ["S:AGL 19.06.2024 +0.12 (+0.30%)"];
    // Glued to its price, a label is a ticker (rule W: a name is always
    // separated from its price), and a ticker has at most 15 characters.
    sixteen_character_symbol: "ABCDEFGHIJKLMNOP40.13▲ 0.12 (0.30%)",
        parse error("line 1, column 1: expected a symbol of at most 15 characters, found 'ABCDEFGHIJKLMNOP' of 16 characters"),
        scan ["S:ABCDEFGHIJKLMNOP40.13▲ 0.12 (0.30%)"];

    // Control characters.
    nul_alone: "\0",
        parse error("line 1, column 1: expected a quote, found '\\0'"),
        scan ["S:\0"];
    // Fields are separated by nothing, white space or `|` (SPEC 3): a NUL
    // between them breaks the quote.
    nul_inside_a_quote: "AGL40.13\0▲ 0.12 (0.00%)",
        parse error("line 1, column 9: expected a direction marker or a change after price 40.13, found '\\0'"),
        scan ["S:AGL40.13\0▲ 0.12 (0.00%)"];
    nul_between_quotes: format!("{AGL}\0{BOP}"),
        parse error("line 1, column 23: expected a quote, found '\\0'"),
        scan [format!("Q:{AGL}").as_str(), "S:\0", &format!("Q:{BOP}")];
    escape_between_quotes: format!("{AGL}\x1b{BOP}"),
        parse error("line 1, column 23: expected a quote, found '\\u{1b}'"),
        scan [format!("Q:{AGL}").as_str(), "S:\x1b", &format!("Q:{BOP}")];

    // Long text.
    mebibyte_line_without_a_quote: mebibyte_of_prose(),
        parse error("line 1, column 9: expected a price after symbol 'Markets', found 'w'"),
        // Skipped text comes in pieces of at most 64 KiB (see `Segments`).
        scan ["S:<65536 bytes>"; 16];
    seventy_thousand_spaces_between_quotes: format!("{AGL}{}{BOP}", " ".repeat(70_000)),
        parse quotes(&[AGL, BOP]),
        scan [format!("Q:{AGL}").as_str(), "S:<65536 bytes>", "S:<4464 bytes>", &format!("Q:{BOP}")];

    // Truncated scrapes: never completed by guesswork.
    every_quote_truncated: "AGL40.13▲ 0.12 (0.0|AIRLINK189.43▲ 1.45 (0.0|BOP10.34▲ 0.22 (0.0",
        parse error("line 1, column 20: expected '%' after percent 0.0, found '|'"),
        scan ["S:AGL40.13▲ 0.12 (0.0|AIRLINK189.43▲ 1.45 (0.0|", "T:BOP10.34▲ 0.22 (0.0"];
    every_line_truncated: "AGL40.13▲ 0.12 (0.0\nAIRLINK189.43▲ 1.45 (0.0\nBOP10.34▲ 0.22 (0.0",
        parse error("line 1, column 20: expected '%' after percent 0.0, found '\\n'"),
        scan ["S:AGL40.13▲ 0.12 (0.0\nAIRLINK189.43▲ 1.45 (0.0\n", "T:BOP10.34▲ 0.22 (0.0"];
    strip_cut_after_a_marker: format!("{AGL}BOP10.34▲"),
        parse error("line 1, column 32: expected a change or a percent after marker '▲', found end of input"),
        scan [format!("Q:{AGL}").as_str(), "T:BOP10.34▲"];
    strip_cut_before_the_closing_parenthesis: format!("{AGL}BOP10.34▲ 0.22 (0.02%"),
        parse error("line 1, column 44: expected ')' after percent 0.02%, found end of input"),
        scan [format!("Q:{AGL}").as_str(), "T:BOP10.34▲ 0.22 (0.02%"];

    strip_cut_after_a_decimal_point: format!("{AGL}BOP10.34▲ 0."),
        parse error("line 1, column 35: expected a change, found end of input"),
        scan [format!("Q:{AGL}").as_str(), "T:BOP10.34▲ 0."];
    strip_cut_inside_a_price: format!("{AGL}BOP10."),
        parse error("line 1, column 29: expected a price after symbol 'BOP', found end of input"),
        scan [format!("Q:{AGL}").as_str(), "T:BOP10."];
    percent_cut_to_a_change: "KQ4.12+6.74%EQTY41.30+2.",
        parse error("line 1, column 25: expected a change, found end of input"),
        scan ["Q:KQ4.12▲ (6.74%)", "T:EQTY41.30+2."];
    grouping_cut: "NIFTY 22,150.40 +120.25 (+0.55%) | TCS 3,",
        parse error("line 1, column 42: expected a price after symbol 'TCS', found end of input"),
        scan ["Q:NIFTY22150.40▲ 120.25 (0.55%)", "S: | ", "T:TCS 3,"];

    // A quote spans at most 64 KiB, gaps included.
    quote_longer_than_its_reach: format!("AGL 40.13{}+0.12 (+0.30%)", " ".repeat(70_000)),
        parse error("line 1, column 65537: expected a direction marker or a change after price 40.13, found a quote longer than 64 KiB");

    // Number-like words in page text are no symbols.
    exponent_is_no_symbol: "AGL 1e10 +0.12 (+0.30%)",
        parse error("line 1, column 5: expected a price after symbol 'AGL', found malformed number '1e10'"),
        scan ["S:AGL 1e10 +0.12 (+0.30%)"];

    // Encodings and invisible characters.
    mojibake_arrow: "AGL40.13â–² 0.12 (0.00%)",
        parse error("line 1, column 9: expected a direction marker or a change after price 40.13, found 'â'"),
        scan ["S:AGL40.13â–² 0.12 (0.00%)"];
    mojibake_strip: "AGL40.13â–² 0.12 (0.00%)AIRLINK189.43â–² 1.45 (0.01%)FCCL38.59â–¼ -0.41 (-0.01%)",
        parse error("line 1, column 9: expected a direction marker or a change after price 40.13, found 'â'"),
        scan ["S:AGL40.13â–² 0.12 (0.00%)AIRLINK189.43â–² 1.45 (0.01%)FCCL38.59â–¼ -0.41 (-0.01%)"];
    crlf_between_glued_quotes: format!("{AGL}\r\nAIRLINK189.43▲ 1.45 (0.01%)\r\n{BOP}"),
        parse quotes(&[AGL, "AIRLINK189.43▲ 1.45 (0.01%)", BOP]),
        scan [
            format!("Q:{AGL}").as_str(), "S:\r\n", "Q:AIRLINK189.43▲ 1.45 (0.01%)", "S:\r\n",
            &format!("Q:{BOP}"),
        ];
    crlf_between_separated_quotes: "NIFTY 22,150.40 +120.25 (+0.55%)\r\nTCS 3,901.10 -12.40 (-0.32%)\r\n",
        parse quotes(&["NIFTY22150.40▲ 120.25 (0.55%)", "TCS3901.10▼ -12.40 (-0.32%)"]),
        scan ["Q:NIFTY22150.40▲ 120.25 (0.55%)", "S:\r\n", "Q:TCS3901.10▼ -12.40 (-0.32%)", "S:\r\n"];
    crlf_between_weak_quotes: "ABOT 812.000000 -4.10\r\nACPL 0.00 -9\r\nAGHA 11.870000 0.12\r\n",
        parse quotes(&["ABOT812.000000▼ -4.10", "ACPL0.00▼ -9", "AGHA11.870000▲ 0.12"]),
        scan [
            "Q:ABOT812.000000▼ -4.10", "S:\r\n", "Q:ACPL0.00▼ -9", "S:\r\n",
            "Q:AGHA11.870000▲ 0.12", "S:\r\n",
        ];
    crlf_between_fields: "AGL\r\n40.13\r\n▲\r\n0.12\r\n(0.30%)\r\n",
        parse quotes(&["AGL40.13▲ 0.12 (0.30%)"]),
        scan ["Q:AGL40.13▲ 0.12 (0.30%)", "S:\r\n"];
    right_to_left_mark_between_quotes: format!("{AGL}\u{200f}{BOP}"),
        parse error("line 1, column 23: expected a quote, found '\\u{200f}'"),
        scan [format!("Q:{AGL}").as_str(), "S:\u{200f}", &format!("Q:{BOP}")];
    right_to_left_mark_between_spaces: format!("{AGL} \u{200f} {BOP}"),
        parse error("line 1, column 24: expected a quote, found '\\u{200f}'"),
        scan [format!("Q:{AGL}").as_str(), "S: \u{200f} ", &format!("Q:{BOP}")];
    line_separator_between_quotes: "AGL 40.13 +0.12 (+0.30%)\u{2028}BOP 10.34 +0.22 (+2.17%)",
        parse error("line 1, column 25: expected a quote, found '\\u{2028}'"),
        scan ["Q:AGL40.13▲ 0.12 (0.30%)", "S:\u{2028}", "Q:BOP10.34▲ 0.22 (2.17%)"];
    zero_width_space_in_a_price: "AGL40\u{200b}.13▲ 0.12 (0.00%)",
        parse error("line 1, column 6: expected a direction marker or a change after price 40, found '\\u{200b}'"),
        scan ["S:AGL40\u{200b}.13▲ 0.12 (0.00%)"];
    zero_width_space_in_a_grouped_price: "AGL 1\u{200b}000.50 +12.50 (+1.27%)",
        parse error("line 1, column 6: expected a direction marker or a change after price 1, found '\\u{200b}'"),
        scan ["S:AGL 1\u{200b}000.50 +12.50 (+1.27%)"];
    byte_order_mark: format!("\u{feff}{AGL}"),
        parse quotes(&[AGL]),
        scan ["S:\u{feff}", &format!("Q:{AGL}")];
}

/// A reader that hands out one byte per read.
struct OneByteAtATime<'a>(&'a [u8]);

impl Read for OneByteAtATime<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&byte, rest)), Some(slot)) => {
                *slot = byte;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

fn scan_bytes(bytes: &[u8]) -> Vec<Result<OwnedSegment, String>> {
    ParseOptions::new()
        .scan_reader(OneByteAtATime(bytes))
        .map(|segment| segment.map_err(|e| format!("{:?}: {e}", e.kind())))
        .collect()
}

#[test]
fn glyph_split_between_reads() {
    let strip = format!("{AGL}{BOP}");
    let whole: Vec<Result<OwnedSegment, String>> = tickerstrip::scan(&strip)
        .map(|segment| Ok(segment.into()))
        .collect();
    assert_eq!(whole.len(), 2);
    assert_eq!(scan_bytes(strip.as_bytes()), whole);
    let quotes: Vec<String> = ParseOptions::new()
        .quote_reader(OneByteAtATime(strip.as_bytes()))
        .map(|quote| quote.map(|q| q.to_string()).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(quotes, [AGL, BOP]);
}

/// A glyph missing its last byte is bytes that are not UTF-8: scan mode
/// skips them as such and goes on, strict mode says where they are.
#[test]
fn glyph_missing_its_last_byte() {
    // On lines of their own: beside BOP, the broken quote's numbers would
    // be numbers no quote explains (rule R).
    let bytes = b"BOP10.34\xE2\x96\xB2 0.22 (0.02%)\nAGL40.13\xE2\x96 0.12 (0.00%)";
    let bop = OwnedSegment::from(tickerstrip::scan(BOP).next().unwrap());
    let skipped = |segment: &Result<OwnedSegment, String>| match segment {
        Ok(OwnedSegment::Skipped(s)) => Some((s.text.clone(), s.span.clone(), s.kind)),
        _ => None,
    };
    let segments = scan_bytes(bytes);
    assert_eq!(segments[0], Ok(bop));
    let rest: Vec<_> = segments[1..].iter().map(skipped).collect();
    assert_eq!(
        rest,
        [
            Some(("\nAGL40.13".to_string(), 24..33, SkipKind::Text)),
            Some(("\u{fffd}".to_string(), 33..35, SkipKind::InvalidUtf8)),
            Some((" 0.12 (0.00%)".to_string(), 35..48, SkipKind::Text)),
        ]
    );
    let quotes: Vec<String> = ParseOptions::new()
        .quote_reader(&bytes[..])
        .map(|quote| {
            quote
                .map(|q| q.to_string())
                .unwrap_or_else(|e| e.to_string())
        })
        .collect();
    assert_eq!(quotes, [BOP, "byte 33: invalid UTF-8"]);
}
