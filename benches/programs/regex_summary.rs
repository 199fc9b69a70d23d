//! The fair regex program the command-line tool's `--summary` is timed
//! against (`benches/cli_summary.sh`): what a competent user would write to
//! count the quotes of a seed-format file without this crate. It reads the
//! whole file, runs the greedy ASCII pattern of `benches/baselines.rs` over
//! it, builds every field (`Decimal::from_str` on each number) and prints
//! the count. It does not validate, which the tool does: the comparison
//! favours the regex.
//!
//! ```text
//! cargo run --release --example regex_summary -- FILE
//! ```

#[path = "../baselines.rs"]
mod baselines;

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: regex_summary FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("regex_summary: {}: {error}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    let quotes = baselines::RegexBaseline::new().count(&text);
    println!("{quotes} quotes");
    ExitCode::SUCCESS
}
