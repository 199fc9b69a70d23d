//! Iterating borrowed quotes and validating them allocates nothing.

#[path = "../benches/input.rs"]
mod input;

/// How many allocations `work` makes on this thread.
fn allocations(work: impl FnOnce()) -> u64 {
    allocation_counter::measure(work).count_total
}

#[test]
fn parsing_and_validating_a_mebibyte_allocates_nothing() {
    let (text, expected) = input::seed_strip(1 << 20);
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
    assert!(findings > quotes / 2, "the input shows fraction percents");
    assert_eq!(count, 0);
}

#[test]
fn scanning_a_strip_allocates_nothing() {
    let (text, expected) = input::seed_strip(1 << 20);
    let mut quotes = 0;
    let count = allocations(|| {
        quotes = tickerstrip::scan(&text)
            .filter(|s| s.as_quote().is_some())
            .count();
    });
    assert_eq!(quotes, expected);
    assert_eq!(count, 0);
}

#[test]
fn the_counter_sees_allocations() {
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 64]))) >= 1);
}
