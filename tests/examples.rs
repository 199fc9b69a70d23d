//! End-to-end tests of the small examples: `validate_page`, `stream_archive`
//! and (with feature `serde`) `to_json`, run on the bundled seed page.
//!
//! They run the built example binaries (see `common::example`).

mod common;

use common::example::{Run, crate_dir};

/// The bundled seed page.
const SEED_PAGE: &str = include_str!("data/conformance/seed-page.txt");

/// The seed page's path, relative to the crate root (where the examples run).
const SEED_PAGE_PATH: &str = "tests/data/conformance/seed-page.txt";

/// The strip report of the seed page, as `StripReport`'s `Display` writes it.
const SEED_REPORT: &str = "\
quotes: 30
checked: 30 of 30 checkable
percent-is-fraction: 29
direction-mismatch: 1
pattern: percent column reads as fractions: 29 of 30 quotes
";

/// Runs the example `name` in the crate root with `args`, feeding it `stdin`.
fn run_example(name: &str, args: &[&str], stdin: &[u8]) -> Run {
    common::example::run(name, crate_dir(), args, stdin)
}

/// The seed page's first line: its ticker strip and nothing else.
fn seed_strip() -> &'static str {
    SEED_PAGE.lines().next().expect("the page has a first line")
}

#[test]
fn validate_page_explains_each_finding_then_reports() {
    let run = run_example("validate_page", &[SEED_PAGE_PATH], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let (findings, report) = run
        .stdout
        .split_once("\n\n")
        .expect("a blank line between the findings and the report");
    let findings: Vec<&str> = findings.lines().collect();
    assert_eq!(findings.len(), 30);
    assert_eq!(
        findings[0],
        "AGL: percent 0.00 matches change/previous close as a fraction (0.0030); \
         as a percent it would be 0.30"
    );
    assert_eq!(findings[14], "MLCF: marker says up but the change is 0");
    let fractions = findings
        .iter()
        .filter(|line| line.contains("as a fraction"))
        .count();
    assert_eq!(fractions, 29);
    assert_eq!(report, SEED_REPORT);
    assert_eq!(
        report.lines().last(),
        Some("pattern: percent column reads as fractions: 29 of 30 quotes")
    );
}

#[test]
fn validate_page_reads_the_seed_page_by_default() {
    let default = run_example("validate_page", &[], b"");
    let named = run_example("validate_page", &[SEED_PAGE_PATH], b"");
    assert_eq!(default.code, Some(0), "{}", default.stderr);
    assert_eq!(default.stdout, named.stdout);
}

#[test]
fn validate_page_fails_with_2_on_a_missing_file() {
    let run = run_example("validate_page", &["no/such/page.txt"], b"");
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with("error: no/such/page.txt: "),
        "{}",
        run.stderr
    );
}

#[test]
fn stream_archive_totals_the_seed_page() {
    let run = run_example("stream_archive", &[SEED_PAGE_PATH], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // stderr is a pipe here, not a terminal: no progress line.
    assert_eq!(run.stderr, "");
    let expected = format!(
        "{SEED_REPORT}skipped: 6476 bytes\nread: {} bytes\n",
        SEED_PAGE.len()
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn stream_archive_reads_stdin() {
    // Pages of an archive, one after another: each starts on a line of its
    // own, as its first quote must (rule B).
    let page = [SEED_PAGE; 3].join("\n");
    let run = run_example("stream_archive", &["-"], page.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let first = run.stdout.lines().next();
    assert_eq!(first, Some("quotes: 90"));
    let read = format!("read: {} bytes", page.len());
    assert_eq!(run.stdout.lines().last(), Some(read.as_str()));
}

#[test]
fn stream_archive_counts_bytes_that_are_not_utf8_and_goes_on() {
    let mut page = seed_strip().as_bytes().to_vec();
    page.extend_from_slice(b"\xff\xfe");
    page.extend_from_slice(seed_strip().as_bytes());
    let run = run_example("stream_archive", &["-"], &page);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.lines().next(), Some("quotes: 60"));
    assert!(
        run.stdout.contains("\nnot UTF-8: 2 bytes\n"),
        "{}",
        run.stdout
    );
    let read = format!("read: {} bytes", page.len());
    assert_eq!(run.stdout.lines().last(), Some(read.as_str()));
}

#[cfg(feature = "serde")]
mod to_json {
    use super::*;
    use serde_json::Value;

    #[test]
    fn writes_quotes_findings_and_report() {
        let run = run_example("to_json", &[], seed_strip().as_bytes());
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_eq!(run.stderr, "");
        let document: Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
        let mut keys: Vec<&String> = document.as_object().expect("an object").keys().collect();
        keys.sort();
        assert_eq!(keys, ["findings", "quotes", "report"]);

        let quotes = document["quotes"].as_array().expect("a list of quotes");
        assert_eq!(quotes.len(), 30);
        assert_eq!(quotes[0]["symbol"], "AGL");
        assert_eq!(quotes[0]["price"], "40.13");
        assert_eq!(quotes[0]["percent"], "0.00");

        let findings = document["findings"].as_array().expect("a list of findings");
        assert_eq!(findings.len(), 30);
        assert_eq!(findings[0]["kind"], "percent-is-fraction");
        assert_eq!(findings[14]["kind"], "direction-mismatch");
        assert_eq!(findings[14]["symbol"], "MLCF");

        let report = &document["report"];
        assert_eq!(report["quotes"], 30);
        assert_eq!(report["findings"]["percent-is-fraction"], 29);
        assert_eq!(report["pattern"]["kind"], "percent-is-fraction");
        assert_eq!(report["pattern"]["quotes"], 29);
        assert_eq!(report["pattern"]["of"], 30);

        // Pretty-printed, one value a line, with a final newline.
        assert!(run.stdout.starts_with("{\n  \"quotes\": [\n    {\n"));
        assert!(run.stdout.ends_with("}\n"));
    }

    #[test]
    fn reads_a_file_argument() {
        let run = run_example("to_json", &["tests/data/conformance/separated.txt"], b"");
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let document: Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
        let expected = include_str!("data/conformance/separated.jsonl")
            .lines()
            .count();
        assert_eq!(document["quotes"].as_array().map(Vec::len), Some(expected));
    }

    #[test]
    fn fails_with_1_on_text_that_is_not_a_quote() {
        let run = run_example("to_json", &[SEED_PAGE_PATH], b"");
        assert_eq!(run.code, Some(1));
        assert_eq!(run.stdout, "");
        let error = tickerstrip::parse(SEED_PAGE).expect_err("the page holds prose");
        assert_eq!(run.stderr, format!("error: {SEED_PAGE_PATH}: {error}\n"));
    }
}
