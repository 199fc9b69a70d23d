//! Streams yield exactly what whole-input parsing yields, however the input
//! is chunked, and report bytes that are not UTF-8.

mod common;

use std::io::{self, Read};

use proptest::prelude::*;
use tickerstrip::{OwnedQuote, OwnedSegment, ParseOptions, ReadError};

/// A reader that hands out its bytes in the given chunk sizes, in turn.
struct Chunked<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    turn: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let size = self.sizes[self.turn % self.sizes.len()]
            .min(buf.len())
            .min(self.bytes.len());
        self.turn += 1;
        buf[..size].copy_from_slice(&self.bytes[..size]);
        self.bytes = &self.bytes[size..];
        Ok(size)
    }
}

fn chunked(text: &str, sizes: Vec<usize>) -> Chunked<'_> {
    Chunked {
        bytes: text.as_bytes(),
        sizes,
        turn: 0,
    }
}

/// Page-like text: the conformance inputs and prose, in a random order.
fn page() -> impl Strategy<Value = String> {
    let pieces = [
        include_str!("data/conformance/seed-page.txt"),
        include_str!("data/conformance/worded-lines.txt"),
        include_str!("data/conformance/separated.txt"),
        include_str!("data/conformance/change-only.txt"),
        include_str!("data/conformance/crypto.txt"),
        "AGL40.13▲ 0.12 (0.0",
        "The index gained 120.25 (+0.55%) on June 19, 2024.\n",
        "AGHA 11.870000 0.12 | ",
        "\n\n",
    ];
    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..8)
        .prop_map(|p| p.concat())
}

fn whole_segments(options: &ParseOptions, text: &str) -> Vec<OwnedSegment> {
    options.scan(text).map(OwnedSegment::from).collect()
}

fn whole_quotes(options: &ParseOptions, text: &str) -> Vec<Result<OwnedQuote, String>> {
    options
        .quotes(text)
        .map(|q| q.map(OwnedQuote::from).map_err(|e| e.to_string()))
        .collect()
}

fn streamed_quotes(options: &ParseOptions, reader: impl Read) -> Vec<Result<OwnedQuote, String>> {
    options
        .quote_reader(reader)
        .map(|q| q.map_err(|e| e.to_string()))
        .collect()
}

proptest! {
    #![proptest_config(common::proptest_config("streaming"))]

    #[test]
    fn scan_reader_matches_scan_for_every_chunking(
        text in page(),
        sizes in proptest::collection::vec(1usize..300, 1..6),
    ) {
        let options = ParseOptions::new();
        let streamed: Vec<OwnedSegment> = options
            .scan_reader(chunked(&text, sizes))
            .collect::<io::Result<_>>()
            .unwrap();
        prop_assert_eq!(streamed, whole_segments(&options, &text));
    }

    #[test]
    fn quote_reader_matches_quotes_for_every_chunking(
        text in page(),
        sizes in proptest::collection::vec(1usize..300, 1..6),
    ) {
        let options = ParseOptions::new();
        prop_assert_eq!(streamed_quotes(&options, chunked(&text, sizes)), whole_quotes(&options, &text));
    }
}

#[test]
fn one_byte_chunks_split_glyphs_and_numbers() {
    let text = include_str!("data/conformance/markers-and-signs.txt");
    let options = ParseOptions::new();
    let streamed: Vec<OwnedSegment> = options
        .scan_reader(chunked(text, vec![1]))
        .collect::<io::Result<_>>()
        .unwrap();
    assert_eq!(streamed, whole_segments(&options, text));
}

#[test]
fn comma_style_is_decided_from_the_stream_as_from_the_whole_input() {
    let text = include_str!("data/conformance/comma-decimals.txt");
    let options = ParseOptions::new();
    let mut reader = options.scan_reader(chunked(text, vec![7]));
    let streamed: Vec<OwnedSegment> = reader.by_ref().collect::<io::Result<_>>().unwrap();
    assert_eq!(streamed, whole_segments(&options, text));
    assert_eq!(
        reader.number_style(),
        Some(options.scan(text).number_style())
    );
}

#[test]
fn long_inputs_stream_in_pieces() {
    // Well over the 1 MiB that a reader compacts at, with quotes throughout.
    // Pages one after another, each starting on a line of its own.
    let strip = [include_str!("data/conformance/seed-page.txt"); 400].join("\n");
    let options = ParseOptions::new();
    let streamed: Vec<OwnedSegment> = options
        .scan_reader(chunked(&strip, vec![4096, 77]))
        .collect::<io::Result<_>>()
        .unwrap();
    let whole = whole_segments(&options, &strip);
    assert_eq!(streamed.len(), whole.len());
    assert_eq!(streamed, whole);
    let quotes = streamed
        .iter()
        .filter(|s| matches!(s, OwnedSegment::Quote(_)))
        .count();
    assert_eq!(quotes, 400 * 30);
    let line = include_str!("data/conformance/seed-page.txt")
        .lines()
        .next()
        .unwrap();
    let strips = format!("{line}\n").repeat(2000) + "BAD 1 x\n" + line;
    assert_eq!(
        streamed_quotes(&options, chunked(&strips, vec![999])),
        whole_quotes(&options, &strips)
    );
}

#[test]
fn skipped_text_comes_in_pieces_of_at_most_64_kib() {
    let prose = "Nothing to see here. ".repeat(10_000);
    let pieces: Vec<_> = tickerstrip::scan(&prose).collect();
    assert_eq!(pieces.len(), prose.len().div_ceil(64 * 1024));
    assert!(pieces.iter().all(|p| p.span().len() <= 64 * 1024));
}

#[test]
fn invalid_utf8_is_skipped_in_scan_mode_and_an_error_in_strict_mode() {
    let mut bytes = b"AGL40.13\xe2\x96\xb2 0.12 (0.00%) ".to_vec();
    bytes.extend_from_slice(b"\xff KEL6.34\xe2\x96\xbc -0.06 (-0.01%)");
    let whole: Vec<_> = ParseOptions::new()
        .scan_reader(&bytes[..])
        .collect::<Result<_, _>>()
        .unwrap();
    let kinds: Vec<_> = whole
        .iter()
        .map(|segment| match segment {
            OwnedSegment::Quote(quote) => format!("quote {}", quote.symbol),
            OwnedSegment::Skipped(s) => format!("{:?} {:?} {:?}", s.kind, s.span, s.text),
            other => panic!("a segment of a new kind: {other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "quote AGL",
            "Text 24..25 \" \"",
            "InvalidUtf8 25..26 \"\u{fffd}\"",
            "Text 26..27 \" \"",
            "quote KEL",
        ]
    );
    // The same segments however the bytes arrive.
    for size in [1, 2, 3, 5, 25, 26] {
        let streamed: Vec<_> = ParseOptions::new()
            .scan_reader(Chunked {
                bytes: &bytes,
                sizes: vec![size],
                turn: 0,
            })
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(streamed, whole, "chunks of {size}");
    }

    let cut = b"AGL40.13\xe2\x96";
    let results: Vec<_> = ParseOptions::new().quote_reader(&cut[..]).collect();
    assert!(
        matches!(results.last(), Some(Err(ReadError::Parse(e))) if e.to_string() == "byte 8: invalid UTF-8"),
        "{results:?}"
    );
}

/// Strips of one line, of lengths that end their last quote on either
/// side of each place the reader's 32 KiB grid may start a region: no
/// quote is cut in two, whatever separates the quotes.
#[test]
fn quotes_on_region_boundaries_are_read_whole() {
    // A symbol of letters for each quote; the `Q` keeps them from being
    // words (`FEB` is a month, never a label).
    fn symbol(i: usize) -> String {
        let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
        ['Q', letter(i), letter(i / 26), letter(i / 676)]
            .iter()
            .collect()
    }
    // A strip's shape, by name: the text of its quote number `i`.
    type Shape = (&'static str, fn(usize) -> String);
    let shapes: [Shape; 3] = [
        ("glued", |i| {
            format!(
                "{}{}.{:02}▲ 0.{:02} (0.{:02}%)",
                symbol(i),
                100 + i % 800,
                i % 100,
                10 + i % 80,
                1 + i % 9
            )
        }),
        ("bars", |i| {
            format!(
                "{} {}.25 -0.{:02} | ",
                symbol(i),
                200 + i % 600,
                10 + i % 80
            )
        }),
        ("spaces", |i| {
            format!(
                "{} {}.50 +{}.00 (+0.{}%) ",
                symbol(i),
                1000 + i % 800,
                1 + i % 5,
                i % 9 + 1
            )
        }),
    ];
    for (name, quote) in shapes {
        let mut text = String::new();
        let mut ends = Vec::new();
        let mut i = 0;
        while text.len() < 5 * 32 * 1024 {
            text.push_str(&quote(i));
            ends.push(text.trim_end_matches([' ', '|']).len());
            i += 1;
        }
        for grid in [32 * 1024, 64 * 1024, 96 * 1024, 128 * 1024] {
            // The quotes that end just before, across and just after the grid.
            let first = ends
                .iter()
                .position(|&end| end + 40 > grid)
                .expect("a quote there");
            for (count, &end) in ends.iter().enumerate().skip(first).take(3) {
                let strip = &text[..end];
                let found = tickerstrip::scan(strip)
                    .filter(|s| s.as_quote().is_some())
                    .count();
                assert_eq!(found, count + 1, "{name}: {} bytes", strip.len());
            }
        }
    }
}
