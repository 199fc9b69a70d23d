//! `stream_archive`: scan a file of any size (or standard input) for ticker
//! quotes in bounded memory, validate each, and print the totals.
//!
//! The input goes through [`ParseOptions::scan_reader`], which holds only a
//! window of it; each quote is validated, counted and dropped, so a
//! multi-gigabyte archive of scraped pages needs no more memory than one
//! page. While it runs, a progress bar on stderr shows the bytes read so
//! far (only when stderr is a terminal).
//!
//! ```text
//! cargo run --release --example stream_archive -- tests/data/conformance/seed-page.txt
//! zcat pages-2026-*.txt.gz | cargo run --release --example stream_archive -- -
//! ```
//!
//! On the bundled seed page it prints
//!
//! ```text
//! quotes: 30
//! checked: 30 of 30 checkable
//! percent-is-fraction: 29
//! direction-mismatch: 1
//! pattern: percent column reads as fractions: 29 of 30 quotes
//! skipped: 6476 bytes
//! read: 7227 bytes
//! ```
//!
//! Bytes that are not UTF-8 are skipped and counted, and the scan goes on.
//! Exit status: 0 when the whole input was read, 2 when it cannot be read
//! (`error: PATH: message` on stderr).

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use tickerstrip::{ParseOptions, SegmentRef, SkipKind, StripReport, validate};

/// Scan a large file or standard input for ticker quotes in bounded memory
/// and print totals: quotes, findings by kind, skipped bytes.
#[derive(Debug, Parser)]
#[command(name = "stream_archive")]
struct Cli {
    /// The input; `-` reads standard input.
    #[arg(value_name = "PATH")]
    path: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}: {error}", cli.path.display());
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> io::Result<()> {
    let (input, len): (Box<dyn Read>, Option<u64>) = match cli.path.to_str() {
        Some("-") => (Box::new(io::stdin().lock()), None),
        _ => {
            let file = File::open(&cli.path)?;
            let len = file.metadata()?.len();
            (Box::new(file), Some(len))
        }
    };
    let progress = progress_bar(len);
    let reader = BufReader::new(progress.wrap_read(input));

    let mut report = StripReport::new();
    let mut read = 0;
    let mut skipped_bytes = 0;
    let mut truncated = 0;
    let mut invalid_bytes = 0;
    // Segments are lent one at a time from the reader's buffer and counted:
    // memory stays bounded however large the input, and nothing is
    // allocated per quote.
    let mut segments = ParseOptions::new().scan_reader(reader);
    while let Some(segment) = segments.next_borrowed() {
        match segment? {
            SegmentRef::Quote(quote) => {
                read = quote.span.end;
                report.add(&quote, &validate(&quote));
            }
            SegmentRef::Skipped { span, kind, .. } => {
                // Segments join to the input: the last one ends where it ends.
                read = span.end;
                skipped_bytes += span.len();
                truncated += usize::from(kind == SkipKind::Truncated);
                if kind == SkipKind::InvalidUtf8 {
                    invalid_bytes += span.len();
                }
            }
            _ => {}
        }
    }
    progress.finish_and_clear();

    print!("{report}");
    println!("skipped: {skipped_bytes} bytes");
    if truncated > 0 {
        // Quotes cut off by the end of the input, counted as skipped.
        println!("truncated quotes: {truncated}");
    }
    if invalid_bytes > 0 {
        // Bytes that are not UTF-8, counted as skipped: the scan goes on
        // after them.
        println!("not UTF-8: {invalid_bytes} bytes");
    }
    println!("read: {read} bytes");
    Ok(())
}

/// The progress shown on stderr while the input is read (only when stderr
/// is a terminal): a bar when the input's length is known, else a count.
fn progress_bar(len: Option<u64>) -> ProgressBar {
    let (bar, template) = match len {
        Some(len) => (
            ProgressBar::new(len),
            "{bar:40} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
        ),
        None => (
            ProgressBar::no_length(),
            "{spinner} {bytes} read ({bytes_per_sec})",
        ),
    };
    let style = ProgressStyle::with_template(template).expect("the template is valid");
    bar.with_style(style)
}
