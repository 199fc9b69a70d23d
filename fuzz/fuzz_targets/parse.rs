//! Strict parsing of any text: no panic, an error positioned inside the
//! input, and on success every quote's canonical text parses back to the
//! same text and fields (a table row's quote, when its label reads as one
//! outside the table).

#![no_main]

use libfuzzer_sys::fuzz_target;
use tickerstrip::{NumberStyle, OwnedQuote, ParseOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for style in [NumberStyle::Auto, NumberStyle::Comma] {
        match ParseOptions::new().number_style(style).parse(text) {
            Ok(quotes) => {
                for quote in quotes {
                    let canonical = quote.to_string();
                    let again: OwnedQuote = match canonical.parse() {
                        Ok(again) => again,
                        // A table row's label is what its label cell
                        // holds; outside the table it may read as no label.
                        Err(_) if quote.columns.is_some() => continue,
                        Err(e) => panic!("{canonical:?} (from {quote:?}) does not parse back: {e}"),
                    };
                    assert_eq!(again.to_string(), canonical);
                    assert_eq!(again.symbol, quote.symbol);
                    assert_eq!(again.direction, quote.direction, "{canonical:?}");
                    let shown = |d: Option<tickerstrip::Decimal>| d.map(|d| d.to_string());
                    assert_eq!(again.price.to_string(), quote.price.to_string());
                    assert_eq!(shown(again.change), shown(quote.change), "{canonical:?}");
                    assert_eq!(shown(again.percent), shown(quote.percent), "{canonical:?}");
                }
            }
            Err(e) => {
                assert!(e.offset() <= text.len(), "{e}: offset past the end");
                assert!(
                    text.is_char_boundary(e.offset()),
                    "{e}: offset inside a char"
                );
                assert!(e.line() >= 1 && e.column() >= 1, "{e}");
                let _ = e.to_string();
            }
        }
    }
});
