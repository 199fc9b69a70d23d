//! Every public type can move to and be shared with other threads: a page
//! archive is parsed on many.

#![cfg(feature = "serde")]
use std::io::Empty;

/// The public types (and traits) by name, with a check that each is
/// `Send + Sync`.
macro_rules! send_and_sync {
    ($($name:ident $(<$($arg:tt),*>)?),* $(,)?) => {
        /// The names checked.
        const CHECKED: &[&str] = &[$(stringify!($name)),*];

        #[test]
        fn every_public_type_is_send_and_sync() {
            fn check<T: Send + Sync>() {}
            $(check::<tickerstrip::$name $(<$($arg),*>)?>();)*
        }
    };
}

send_and_sync![
    CsvRecord<'static>,
    Check,
    Currency,
    CurrencyCode,
    Decimal,
    Direction,
    ErrorKind,
    Evidence,
    Expected,
    Field,
    FieldKind,
    FieldValue<'static>,
    Finding<'static>,
    FindingKind,
    FindingKinds,
    Findings,
    Found,
    Label,
    Magnitude,
    Markers,
    NumberStyle,
    OwnedQuote,
    OwnedSegment,
    OwnedSkipped,
    ParseError,
    ParseOptions,
    Pattern,
    PercentRange,
    Quote<'static>,
    QuoteOf<String>,
    QuoteReader<Empty>,
    Quotes<'static>,
    ReadError,
    Record<'static>,
    Rounding,
    Segment<'static>,
    SegmentReader<Empty>,
    SegmentRef<'static>,
    Segments<'static>,
    SkipKind,
    Skipped<'static>,
    StripReport,
    StyleDecision,
    StyleReason,
    UnknownName,
    Validator,
];

/// The list above names every type the crate exports: a new public type
/// fails this test until it is checked too.
#[test]
fn the_check_covers_every_export() {
    let lib = include_str!("../src/lib.rs");
    let mut exported = Vec::new();
    for statement in lib
        .split(';')
        .filter(|s| s.trim_start().contains("pub use "))
    {
        let names = statement
            .split(['{', '}', ',', ':', ' ', '\n'])
            .filter(|word| word.starts_with(|c: char| c.is_ascii_uppercase()));
        exported.extend(names);
    }
    // Traits are not values to send.
    exported.retain(|name| *name != "AsQuote");
    assert!(exported.len() >= 40, "{exported:?}");
    for name in &exported {
        assert!(CHECKED.contains(name), "{name} is exported but not checked");
    }
}
