//! Throughput of parsing, scanning, validating and owning quotes.
//!
//! The `parse` group and the seed input of the `scan` group hold SPEC 7's
//! two baselines beside the parser (`benches/baselines.rs`): `regex`, the
//! fair greedy ASCII pattern a competent user would write, and
//! `hand-scanner`, a byte scanner for the seed shape alone that marks the
//! ceiling. Being in one group, their ratios are read off one run.
//!
//! Run: `cargo bench --bench throughput` (add `--features parallel` for the
//! parallel path; set `TICKERSTRIP_BENCH_LARGE=1` for the 64 MiB inputs).
//! Inputs are generated in memory, deterministically.

#![allow(missing_docs)] // criterion's macros generate undocumented items

use std::hint::black_box;

use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
    measurement::WallTime,
};
use tickerstrip::{OwnedQuote, Segment};

use baselines::{HandScanner, RegexBaseline};

mod baselines;
mod input;

const MIB: usize = 1 << 20;

/// The sizes measured: 1 MiB always, 64 MiB when `TICKERSTRIP_BENCH_LARGE` is set.
fn sizes() -> Vec<usize> {
    match std::env::var_os("TICKERSTRIP_BENCH_LARGE") {
        Some(_) => vec![MIB, 64 * MIB],
        None => vec![MIB],
    }
}

/// Adds the two baselines on the seed strip `text` of `quotes` quotes to
/// `group`, named `{prefix}regex` and `{prefix}hand-scanner`, so each
/// stands next to the parser's bench on the very same input.
fn bench_baselines(
    group: &mut BenchmarkGroup<'_, WallTime>,
    prefix: &str,
    parameter: usize,
    (text, quotes): (&str, usize),
) {
    let regex = RegexBaseline::new();
    group.bench_with_input(
        BenchmarkId::new(format!("{prefix}regex"), parameter),
        text,
        |b, text| b.iter(|| assert_eq!(regex.count(text), quotes)),
    );
    group.bench_with_input(
        BenchmarkId::new(format!("{prefix}hand-scanner"), parameter),
        text,
        |b, text| b.iter(|| assert_eq!(HandScanner::count(text), quotes)),
    );
}

fn parse(c: &mut Criterion) {
    // Once, before timing anything: the baselines must read what the
    // parser reads, or their speed says nothing about it.
    baselines::check_agreement(&input::seed_strip(MIB).0);
    let mut group = c.benchmark_group("parse");
    for size in sizes() {
        let (text, quotes) = input::seed_strip(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if size > MIB {
            group.sample_size(10);
        }
        group.bench_with_input(
            BenchmarkId::new("tickerstrip", size / MIB),
            &text,
            |b, text| {
                b.iter(|| {
                    let mut count = 0;
                    for quote in tickerstrip::quotes(text) {
                        black_box(quote.expect("quote"));
                        count += 1;
                    }
                    assert_eq!(count, quotes);
                })
            },
        );
        bench_baselines(&mut group, "", size / MIB, (&text, quotes));
    }
    group.finish();
}

fn parse_and_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse+validate");
    for size in sizes() {
        let (text, quotes) = input::seed_strip(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if size > MIB {
            group.sample_size(10);
        }
        let validated = |text: &str| {
            let mut counts = (0, 0);
            for quote in tickerstrip::quotes(text) {
                counts.0 += 1;
                counts.1 += tickerstrip::validate(&quote.expect("quote")).len();
            }
            counts
        };
        let expected = validated(&text);
        assert_eq!(expected.0, quotes);
        group.bench_with_input(BenchmarkId::new("seed", size / MIB), &text, |b, text| {
            b.iter(|| assert_eq!(validated(text), expected))
        });
    }
    group.finish();
}

fn scan(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan");
    let inputs = [
        ("seed", input::seed_strip(MIB)),
        ("worded", input::worded_lines(MIB)),
        ("page", input::page_mix(MIB)),
    ];
    for (name, (text, quotes)) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new(*name, 1), text, |b, text| {
            b.iter(|| {
                let count = tickerstrip::scan(text)
                    .filter(|segment| matches!(black_box(segment), Segment::Quote(_)))
                    .count();
                assert_eq!(count, *quotes);
            })
        });
        if *name == "seed" {
            bench_baselines(&mut group, "seed-", 1, (text, *quotes));
        }
    }
    group.finish();
}

fn owned(c: &mut Criterion) {
    let mut group = c.benchmark_group("owned");
    let (text, quotes) = input::seed_strip(MIB);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("collect", |b| {
        b.iter(|| {
            let owned: Vec<OwnedQuote> = tickerstrip::quotes(&text)
                .map(|q| OwnedQuote::from(q.expect("quote")))
                .collect();
            assert_eq!(owned.len(), quotes);
        })
    });
    group.finish();
}

/// Reporting on a strip (parse, validate, count findings) and collecting
/// its quotes, each on one thread and on all cores.
#[cfg(feature = "parallel")]
fn parallel(c: &mut Criterion) {
    use tickerstrip::{StripReport, Validator};

    let mut group = c.benchmark_group("parallel");
    let options = tickerstrip::ParseOptions::new();
    let validator = Validator::new();
    let one_thread_report = |text: &str| {
        let mut report = StripReport::new();
        for quote in options.quotes(text) {
            let quote = quote.expect("quote");
            report.add(&quote, &validator.validate(&quote));
        }
        report
    };
    for size in sizes().into_iter().chain([16 * MIB]) {
        let (text, quotes) = input::seed_strip(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        let id = |name: &str| BenchmarkId::new(name, size / MIB);
        group.bench_with_input(id("report-one-thread"), &text, |b, text| {
            b.iter(|| assert_eq!(one_thread_report(text).quotes(), quotes))
        });
        group.bench_with_input(id("report-all-cores"), &text, |b, text| {
            b.iter(|| {
                let report = options.par_report(text, &validator).expect("strip");
                assert_eq!(report.quotes(), quotes);
            })
        });
        group.bench_with_input(id("collect-one-thread"), &text, |b, text| {
            b.iter(|| assert_eq!(options.parse(text).expect("strip").len(), quotes))
        });
        group.bench_with_input(id("collect-all-cores"), &text, |b, text| {
            b.iter(|| assert_eq!(options.par_parse(text).expect("strip").len(), quotes))
        });
    }
    group.finish();
}

#[cfg(not(feature = "parallel"))]
fn parallel(_: &mut Criterion) {}

criterion_group!(benches, parse, parse_and_validate, scan, owned, parallel);
criterion_main!(benches);
