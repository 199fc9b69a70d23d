//! `stream_archive`: scan a file of any size (or standard input) for ticker
//! quotes in bounded memory, validate each, and print the totals.
//!
//! The input goes through [`ParseOptions::scan_reader`], which holds only a
//! window of it; each quote is validated, counted and dropped, so a
//! multi-gigabyte archive of scraped pages needs no more memory than one
//! page. While it runs, a progress line on stderr shows the bytes read so
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
use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use tickerstrip::{OwnedSegment, ParseOptions, SkipKind, StripReport, validate};

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
    let input: Box<dyn Read> = match cli.path.to_str() {
        Some("-") => Box::new(io::stdin().lock()),
        _ => Box::new(File::open(&cli.path)?),
    };
    let reader = BufReader::new(Progress::new(input));

    let mut report = StripReport::new();
    let mut read = 0;
    let mut skipped_bytes = 0;
    let mut truncated = 0;
    let mut invalid_bytes = 0;
    // Segments come one at a time and are dropped once counted: memory
    // stays bounded however large the input.
    for segment in ParseOptions::new().scan_reader(reader) {
        let segment = segment?;
        // Segments join to the input: the last one ends where it ends.
        read = segment.span().end;
        match segment {
            OwnedSegment::Quote(quote) => {
                let quote = quote.as_quote();
                report.add(&quote, &validate(&quote));
            }
            OwnedSegment::Skipped(skipped) => {
                skipped_bytes += skipped.span.len();
                truncated += usize::from(skipped.kind == SkipKind::Truncated);
                if skipped.kind == SkipKind::InvalidUtf8 {
                    invalid_bytes += skipped.span.len();
                }
            }
        }
    }

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

/// A reader that shows on stderr how many bytes went through it, at most
/// ten times a second, when stderr is a terminal; it clears its line when
/// dropped, before the totals or an error are printed.
struct Progress<R> {
    inner: R,
    bytes: u64,
    /// When the count was last shown; `None` when it is never shown.
    shown: Option<Instant>,
}

impl<R> Progress<R> {
    const EVERY: Duration = Duration::from_millis(100);

    fn new(inner: R) -> Progress<R> {
        let shown = io::stderr().is_terminal().then(Instant::now);
        Progress {
            inner,
            bytes: 0,
            shown,
        }
    }
}

impl<R: Read> Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        if let Some(shown) = &mut self.shown {
            if shown.elapsed() >= Self::EVERY {
                *shown = Instant::now();
                let mib = self.bytes as f64 / (1024.0 * 1024.0);
                let mut stderr = io::stderr().lock();
                let _ = write!(stderr, "\r{mib:.1} MiB read");
                let _ = stderr.flush();
            }
        }
        Ok(n)
    }
}

impl<R> Drop for Progress<R> {
    fn drop(&mut self) {
        if self.shown.is_some() {
            // Back to the start of the line, and erase it.
            eprint!("\r\x1b[2K");
        }
    }
}
