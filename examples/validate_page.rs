//! `validate_page`: scan a saved web page for ticker quotes, check each
//! quote's arithmetic, and explain what does not add up.
//!
//! It prints one sentence per finding, a blank line, then the strip report:
//! quotes counted, findings by kind, and the pattern most quotes share.
//!
//! ```text
//! cargo run --example validate_page -- tests/data/conformance/seed-page.txt
//! cargo run --example validate_page            # the same page, the default
//! cargo run --example validate_page -- saved-page.txt
//! ```
//!
//! On the bundled seed page it ends with
//!
//! ```text
//! quotes: 30
//! checked: 30 of 30 checkable
//! percent-is-fraction: 29
//! direction-mismatch: 1
//! pattern: percent column reads as fractions: 29 of 30 quotes
//! ```
//!
//! Exit status: 0 when the page was read, findings or not; 2 when it cannot
//! be read or is not UTF-8 (`error: PATH: message` on stderr).

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tickerstrip::{Segment, StripReport, validate};

/// Scan a saved page for ticker quotes and explain those whose arithmetic
/// does not add up.
#[derive(Debug, Parser)]
#[command(name = "validate_page")]
struct Cli {
    /// The page's text, as saved from a browser or a scraper.
    #[arg(
        value_name = "PATH",
        default_value = "tests/data/conformance/seed-page.txt"
    )]
    path: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let page = match fs::read_to_string(&cli.path) {
        Ok(page) => page,
        Err(error) => {
            eprintln!("error: {}: {error}", cli.path.display());
            return ExitCode::from(2);
        }
    };

    let mut report = StripReport::new();
    for segment in tickerstrip::scan(&page) {
        // Skipped text (prose, menus, dates) needs no checking.
        let Segment::Quote(quote) = segment else {
            continue;
        };
        let findings = validate(&quote);
        for finding in findings.details(&quote) {
            println!("{finding}");
        }
        report.add(&quote, &findings);
    }
    print!("\n{report}");
    ExitCode::SUCCESS
}
