//! Iterating borrowed quotes and validating them allocates nothing per
//! quote: the reader's buffers grow to a bound and are kept.

#[path = "../benches/input.rs"]
mod input;

/// How many allocations `work` makes on this thread.
fn allocations(work: impl FnOnce()) -> u64 {
    allocation_counter::measure(work).count_total
}

/// The most allocations reading any input may make: each stage's buffers
/// are allocated once and grow, by doubling, to what one region of input
/// needs; none is made per quote.
const BUFFER_ALLOCATIONS: u64 = 128;

/// Parses and validates the seed strip of `bytes` bytes; the quotes read,
/// the findings and the allocations made.
fn parse_and_validate(bytes: usize) -> (usize, usize, u64) {
    let (text, expected) = input::seed_strip(bytes);
    let mut quotes = 0;
    let mut findings = 0;
    let count = allocations(|| {
        for quote in tickerstrip::quotes(&text) {
            let quote = quote.expect("quote");
            findings += tickerstrip::validate(&quote).len();
            quotes += 1;
        }
    });
    assert_eq!(quotes, expected);
    (quotes, findings, count)
}

#[test]
fn parsing_and_validating_allocates_nothing_per_quote() {
    let (quotes, findings, small) = parse_and_validate(1 << 20);
    assert!(findings > quotes / 2, "the input shows fraction percents");
    let (_, _, large) = parse_and_validate(4 << 20);
    assert!(small <= BUFFER_ALLOCATIONS, "{small} allocations");
    assert!(
        large <= small + 2,
        "{small} allocations for 1 MiB, {large} for 4 MiB"
    );
}

/// An input of about the bytes asked for, with the quotes it holds.
type Build = fn(usize) -> (String, usize);

/// Scans `build`'s input of 1 MiB and of 4 MiB and checks that the
/// allocations made stay within the buffers' bound and do not grow with
/// the input.
fn scanning_allocates_nothing_per_quote(build: Build) {
    let scanned = |bytes: usize| {
        let (text, expected) = build(bytes);
        let mut quotes = 0;
        let count = allocations(|| {
            quotes = tickerstrip::scan(&text)
                .filter(|s| s.as_quote().is_some())
                .count();
        });
        assert_eq!(quotes, expected);
        count
    };
    let (small, large) = (scanned(1 << 20), scanned(4 << 20));
    assert!(small <= BUFFER_ALLOCATIONS, "{small} allocations");
    assert!(
        large <= small + 2,
        "{small} allocations for 1 MiB, {large} for 4 MiB"
    );
}

#[test]
fn scanning_a_strip_allocates_nothing_per_quote() {
    scanning_allocates_nothing_per_quote(input::seed_strip);
}

#[test]
fn the_counter_sees_allocations() {
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 64]))) >= 1);
}

/// What the command-line tool's `--summary` does with a stream, in strict
/// mode or scan mode: borrow each quote from the reader, validate it and
/// count it. Returns the quotes read and the allocations made.
fn summarise(text: &str, strict: bool) -> (usize, u64) {
    let options = tickerstrip::ParseOptions::new();
    let mut report = tickerstrip::StripReport::new();
    let count = allocations(|| {
        if strict {
            let mut reader = options.quote_reader(text.as_bytes());
            while let Some(quote) = reader.next_borrowed() {
                let quote = quote.expect("quote");
                report.add(&quote, &tickerstrip::validate(&quote));
            }
        } else {
            let mut reader = options.scan_reader(text.as_bytes());
            while let Some(segment) = reader.next_borrowed() {
                if let tickerstrip::SegmentRef::Quote(quote) = segment.expect("read") {
                    report.add(&quote, &tickerstrip::validate(&quote));
                }
            }
        }
    });
    (report.quotes(), count)
}

#[test]
fn summarising_a_stream_allocates_nothing_per_quote() {
    for (name, build, strict) in [
        ("seed strip, strict", input::seed_strip as Build, true),
        ("seed strip, scan", input::seed_strip, false),
        ("worded lines, scan", input::worded_lines, false),
        ("page, scan", input::page_mix, false),
    ] {
        // The reader's buffer and chunk, and each stage's buffers, are
        // allocated once and grow to a bound: four times the input, four
        // times the quotes, no more allocations.
        let (small, small_quotes) = build(1 << 20);
        let (large, large_quotes) = build(4 << 20);
        let (read, small_count) = summarise(&small, strict);
        assert_eq!(read, small_quotes, "{name}");
        let (read, large_count) = summarise(&large, strict);
        assert_eq!(read, large_quotes, "{name}");
        assert!(
            small_count <= BUFFER_ALLOCATIONS,
            "{name}: {small_count} allocations"
        );
        assert!(
            large_count <= small_count + 2,
            "{name}: {small_count} allocations for 1 MiB, {large_count} for 4 MiB"
        );
    }
}

/// Lines whose labels end in a code in parentheses, repeated to about
/// `bytes` bytes, with the quotes they hold.
fn coded_names(bytes: usize) -> (String, usize) {
    let lines = [
        "Bank of Lumen (BLMN) 12.30 +0.10 (+0.82%)\n",
        "Bitcoin (CRYPTO: BTC) 71,402.50 -1,250.00 (-1.72%)\n",
        "Tasman Steel Holdings (TSH) 47.90 +0.30 (+0.63%)\n",
    ];
    let one: String = lines.concat();
    let copies = bytes / one.len();
    (one.repeat(copies), lines.len() * copies)
}

#[test]
fn labels_with_codes_in_parentheses_allocate_nothing_per_quote() {
    scanning_allocates_nothing_per_quote(coded_names);
}

/// A list whose unsigned changes only its block signs, repeated to about
/// `bytes` bytes, with the quotes it holds.
fn block_signed(bytes: usize) -> (String, usize) {
    let lines = [
        "Tasman Steel 47.90 -0.30\n",
        "Orion Pharma 51.30 0.25\n",
        "Borealis Energy 61.80 0.40\n",
    ];
    let one: String = lines.concat();
    let copies = bytes / one.len();
    (one.repeat(copies), lines.len() * copies)
}

#[test]
fn rows_their_block_reads_allocate_nothing_per_quote() {
    scanning_allocates_nothing_per_quote(block_signed);
}
