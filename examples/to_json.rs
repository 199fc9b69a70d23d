//! `to_json`: parse a ticker strip strictly and print its quotes, their
//! findings and the strip report as one pretty-printed JSON document.
//!
//! Needs the `serde` feature, which is on by default:
//!
//! ```text
//! head -n 1 tests/data/conformance/seed-page.txt | cargo run --example to_json
//! cargo run --example to_json -- tests/data/conformance/separated.txt
//! ```
//!
//! The document has three keys, decimals as strings that keep their scale:
//!
//! ```text
//! {
//!   "quotes": [{"symbol": "AGL", "price": "40.13", "direction": "up", ...}, ...],
//!   "findings": [{"kind": "percent-is-fraction", "symbol": "AGL", ...}, ...],
//!   "report": {"quotes": 30, "checkable": 30, ..., "pattern": {...}}
//! }
//! ```
//!
//! The input must be a strip and nothing else (a whole page is not: scan it
//! with the `tickerstrip` or `validate_page` examples). Exit status: 0 on
//! success, 1 when the input holds text that is not a quote (its line and
//! column on stderr), 2 when it cannot be read or is not UTF-8.

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tickerstrip::{Finding, Quote, StripReport, validate};

/// Parse a ticker strip and print its quotes, findings and report as JSON.
#[derive(Debug, Parser)]
#[command(name = "to_json")]
struct Cli {
    /// The strip; `-` or none reads standard input.
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,
}

/// The document written.
#[derive(serde::Serialize)]
struct Document<'a> {
    quotes: &'a [Quote<'a>],
    findings: Vec<Finding<'a>>,
    report: StripReport,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let path = cli.path.filter(|path| path.as_os_str() != "-");
    let name = path
        .as_ref()
        .map_or_else(|| "<stdin>".into(), |path| path.display().to_string());
    let text = match read(path.as_ref()) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: {name}: {error}");
            return ExitCode::from(2);
        }
    };
    let quotes = match tickerstrip::parse(&text) {
        Ok(quotes) => quotes,
        Err(error) => {
            eprintln!("error: {name}: {error}");
            return ExitCode::from(1);
        }
    };

    let mut findings = Vec::new();
    let mut report = StripReport::new();
    for quote in &quotes {
        let found = validate(quote);
        findings.extend(found.details(quote));
        report.add(quote, &found);
    }
    let document = Document {
        quotes: &quotes,
        findings,
        report,
    };

    match write(&document) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): nothing is left to say.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: writing output: {error}");
            ExitCode::from(2)
        }
    }
}

/// Writes `document` on stdout, pretty-printed, with a final newline.
fn write(document: &Document<'_>) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, document)?;
    writeln!(out)?;
    out.flush()
}

/// The text of the file at `path`, or of standard input.
fn read(path: Option<&PathBuf>) -> io::Result<String> {
    match path {
        Some(path) => fs::read_to_string(path),
        None => {
            let mut text = String::new();
            io::stdin().read_to_string(&mut text)?;
            Ok(text)
        }
    }
}
