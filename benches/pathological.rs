//! Time on hostile inputs at sizes n, 4n and 16n: it must grow linearly.
//!
//! Run: `cargo bench --bench pathological`. Each input is built to make a
//! parser backtrack or rescan: long runs of digits, of letters, of gaps,
//! and quotes that fail at their last byte.

#![allow(missing_docs)] // criterion's macros generate undocumented items

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const KIB: usize = 1024;

/// `unit` repeated to `len` bytes (whole units).
fn repeat(unit: &str, len: usize) -> String {
    unit.repeat(len.div_ceil(unit.len()))
}

/// The hostile inputs of about `len` bytes, by name.
fn inputs(len: usize) -> Vec<(&'static str, String)> {
    vec![
        ("digits", format!("AGL{}", "9".repeat(len))),
        ("letters", "A".repeat(len)),
        ("gaps", format!("AGL 40.13{} x", " ".repeat(len))),
        ("almost-quotes", repeat("AGL40.13▲ 0.12 (0.00x", len)),
        ("signs", repeat("A 1 - ", len)),
        ("words", repeat("Up 1 Down 2 unch 3 ", len)),
        ("glued-digits", repeat("N22538,823.91 ", len)),
        ("dotted-digits", repeat("1.", len)),
    ]
}

/// Times `run` on every hostile input at sizes n, 4n and 16n.
fn sizes(c: &mut Criterion, group: &str, run: impl Fn(&str)) {
    let mut group = c.benchmark_group(group);
    group.sample_size(10);
    for size in [64 * KIB, 256 * KIB, 1024 * KIB] {
        for (name, text) in inputs(size) {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size / KIB), &text, |b, text| {
                b.iter(|| run(text))
            });
        }
    }
    group.finish();
}

fn scan(c: &mut Criterion) {
    sizes(c, "pathological/scan", |text| {
        let bytes: usize = tickerstrip::scan(text)
            .map(|s| black_box(s).span().len())
            .sum();
        assert_eq!(bytes, text.len());
    });
}

fn strict(c: &mut Criterion) {
    sizes(c, "pathological/strict", |text| {
        let items = tickerstrip::quotes(text).map(black_box).count();
        assert!(items >= 1);
    });
}

criterion_group!(benches, scan, strict);
criterion_main!(benches);
