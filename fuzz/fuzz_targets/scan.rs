//! Scan mode on any text, in every number style: no panic, and the segments
//! tile the input (each starts where the last ended, the last ends at its
//! length) with every skipped segment's text equal to its span's text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tickerstrip::{NumberStyle, ParseOptions, Segment};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for style in [NumberStyle::Auto, NumberStyle::Dot, NumberStyle::Comma] {
        let mut end = 0;
        for segment in ParseOptions::new().number_style(style).scan(text) {
            let span = segment.span();
            assert_eq!(span.start, end, "gap or overlap before {segment:?}");
            assert!(span.start < span.end, "empty segment {segment:?}");
            let Some(covered) = text.get(span.clone()) else {
                panic!("span {span:?} is not a char range of the input");
            };
            match &segment {
                Segment::Skipped(skipped) => assert_eq!(skipped.text, covered),
                // A table row spans its row; a code stands after its name.
                Segment::Quote(quote) => {
                    assert!(
                        covered.contains(quote.symbol),
                        "quote {quote:?} does not hold its symbol"
                    );
                    if let Some(name) = quote.name {
                        assert!(covered.contains(name), "quote {quote:?} does not hold its name");
                    }
                }
                other => panic!("a segment of a new kind: {other:?}"),
            }
            end = span.end;
        }
        assert_eq!(end, text.len(), "segments end before the input does");
    }
});
