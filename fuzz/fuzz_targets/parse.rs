//! Strict parsing of any text: no panic, an error positioned inside the
//! input, never a quote that scanning the same text refuses, and on
//! success every quote's canonical text parses back to the
//! same text and fields: always for a ticker's quote whose numbers check
//! each other; for others (a name that reads as one only in its table, a
//! row its header or block vouched for), whenever it parses back alone.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tickerstrip::{Evidence, Label, NumberStyle, OwnedQuote, ParseOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for style in [NumberStyle::Auto, NumberStyle::Comma] {
        let options = ParseOptions::new().number_style(style);
        let scanned: Vec<_> = options.scan(text).filter_map(|s| s.as_quote().cloned()).collect();
        // Each quote strict reading yields, around its errors, scanning
        // yields too.
        for quote in options.quotes(text).filter_map(Result::ok) {
            assert!(scanned.contains(&quote), "strict {quote:?} is not scanned: {scanned:?}");
        }
        match options.parse(text) {
            Ok(quotes) => {
                for quote in quotes {
                    let canonical = quote.to_string();
                    let again: OwnedQuote = match canonical.parse() {
                        Ok(again) => again,
                        // Only a ticker's checked quote must read alone.
                        Err(_) if quote.evidence != Evidence::Arithmetic || quote.label != Label::Ticker => {
                            continue;
                        }
                        Err(e) => panic!("{canonical:?} (from {quote:?}) does not parse back: {e}"),
                    };
                    assert_eq!(again.to_string(), canonical);
                    assert_eq!(again.symbol, quote.symbol);
                    assert_eq!(again.name, quote.name.map(str::to_owned));
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
