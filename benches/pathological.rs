//! Time on hostile inputs at sizes n and 4n: it must grow linearly.
//!
//! Run: `cargo bench --bench pathological`, or add a family's name to time
//! that family alone (`cargo bench --bench pathological -- open-exponent`).
//! Each input is built to make a parser backtrack or rescan: long runs of
//! digits, of letters, of gaps, quotes that fail at their last byte, numbers
//! cut off at a grouping mark, a decimal mark or an exponent, and runs of
//! weak candidates. The seed strip is measured in the same group, so each
//! family's speed reads as a ratio of the parser's speed on the input it was
//! built for.

#![allow(missing_docs)] // criterion's macros generate undocumented items

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use tickerstrip::{NumberStyle, ParseOptions};

mod input;

const KIB: usize = 1024;

/// `unit` repeated to `len` bytes (whole units).
fn repeat(unit: &str, len: usize) -> String {
    unit.repeat(len.div_ceil(unit.len()))
}

/// The inputs of about `len` bytes, by name, with the options they are read
/// with: comma style for the families that group by a space, default
/// options for the rest.
fn inputs(len: usize) -> Vec<(&'static str, ParseOptions, String)> {
    let comma = ParseOptions::new().number_style(NumberStyle::Comma);
    let families = [
        ("digits", format!("AGL{}", "9".repeat(len))),
        ("letters", "A".repeat(len)),
        ("gaps", format!("AGL 40.13{} x", " ".repeat(len))),
        ("almost-quotes", repeat("AGL40.13▲ 0.12 (0.00x", len)),
        ("signs", repeat("A 1 - ", len)),
        ("words", repeat("Up 1 Down 2 unch 3 ", len)),
        ("glued-digits", repeat("N22538,823.91 ", len)),
        ("dotted-digits", repeat("1.", len)),
        ("trailing-comma", repeat("1,", len)),
        ("zero-comma", repeat("0,", len)),
        ("leading-comma", repeat(",1", len)),
        ("leading-apostrophe", repeat("'1", len)),
        ("apostrophe-group", repeat("1'0", len)),
        ("open-exponent", repeat("1e+", len)),
        ("digits-comma", repeat("111,", len)),
        ("group-comma", repeat("1,234,", len)),
        ("dot-group-comma", repeat("1.000,", len)),
        ("weak-candidates", repeat("W 2 1 ", len)),
        ("weak-lines", repeat("AAPL 189.43 1.45\n", len)),
        (
            "name-lines",
            repeat("Société Générale Alpha Steel 27.64 +0.41 x\n", len),
        ),
        ("long-name-words", repeat("Alpha ", len)),
        ("header-lines", repeat("| Name | Last | Chg % |\n", len)),
        ("aligned-lines", repeat("Aktie   Kurs   x\n", len)),
    ];
    let spaced = [
        ("nbsp-group", repeat("111\u{a0}", len)),
        ("narrow-nbsp-group", repeat("111\u{202f}", len)),
        ("thin-space-group", repeat("111\u{2009}", len)),
    ];
    let seed = ("seed", ParseOptions::new(), input::seed_strip(len).0);
    let families = families
        .into_iter()
        .map(|(name, text)| (name, ParseOptions::new(), text));
    let spaced = spaced
        .into_iter()
        .map(|(name, text)| (name, comma.clone(), text));
    std::iter::once(seed)
        .chain(families)
        .chain(spaced)
        .collect()
}

/// Times `run` on every input at sizes n and 4n.
///
/// Ten samples of as few as one pass each (the fewest criterion takes) and
/// a short warm-up: a family that is slow costs eleven passes at each size,
/// not the hundreds criterion runs by default, so the group still finishes.
fn sizes(c: &mut Criterion, group: &str, run: impl Fn(&ParseOptions, &str)) {
    let mut group = c.benchmark_group(group);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for size in [256 * KIB, 1024 * KIB] {
        for (name, options, text) in inputs(size) {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size / KIB), &text, |b, text| {
                b.iter(|| run(&options, text))
            });
        }
    }
    group.finish();
}

fn scan(c: &mut Criterion) {
    sizes(c, "pathological/scan", |options, text| {
        let bytes: usize = options.scan(text).map(|s| black_box(s).span().len()).sum();
        assert_eq!(bytes, text.len());
    });
}

fn strict(c: &mut Criterion) {
    sizes(c, "pathological/strict", |options, text| {
        let items = options.quotes(text).map(black_box).count();
        assert!(items >= 1);
    });
}

criterion_group!(benches, scan, strict);
criterion_main!(benches);
