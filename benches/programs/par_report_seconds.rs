//! Times [`ParseOptions::par_report`] over a strip file, in process: the
//! Rust side of `bindings/python/benches/to_arrow_speed.py`, which compares
//! the Python package's `to_arrow` with it on the same machine. Reads the
//! file, then prints, for each of RUNS reports (default 1), the seconds it
//! took, the quotes and the percent-is-fraction findings.
//!
//! ```text
//! cargo run --release --features parallel --example par_report_seconds -- FILE [RUNS]
//! ```

use std::process::ExitCode;
use std::time::Instant;

use tickerstrip::{FindingKind, ParseOptions, Validator};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), runs) = (args.next(), args.next()) else {
        eprintln!("usage: par_report_seconds FILE [RUNS]");
        return ExitCode::from(2);
    };
    let runs = match runs.map(|runs| runs.to_string_lossy().parse::<usize>()) {
        None => 1,
        Some(Ok(runs)) => runs,
        Some(Err(error)) => {
            eprintln!("par_report_seconds: RUNS: {error}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("par_report_seconds: {}: {error}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    let (options, validator) = (ParseOptions::new(), Validator::new());
    for _ in 0..runs {
        let start = Instant::now();
        let report = match options.par_report(&text, &validator) {
            Ok(report) => report,
            Err(error) => {
                eprintln!("par_report_seconds: {}: {error}", path.to_string_lossy());
                return ExitCode::FAILURE;
            }
        };
        let seconds = start.elapsed().as_secs_f64();
        let fractions = report.count(FindingKind::PercentIsFraction);
        println!("{seconds:.6} {} {fractions}", report.quotes());
    }
    ExitCode::SUCCESS
}
