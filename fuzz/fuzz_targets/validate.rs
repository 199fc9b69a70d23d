//! Scan any text, then validate every quote it finds, with both roundings,
//! and sum them up in a strip report: no panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tickerstrip::{Rounding, StripReport, Validator};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut report = StripReport::new();
    for quote in tickerstrip::scan(text).filter_map(|s| s.as_quote().cloned()) {
        let findings = tickerstrip::validate(&quote);
        for finding in findings.details(&quote) {
            let _ = format!("{finding:?} {finding}");
        }
        let _ = Validator::new()
            .rounding(Rounding::Truncated)
            .validate(&quote);
        report.add(&quote, &findings);
    }
    let _ = report.dominant();
});
