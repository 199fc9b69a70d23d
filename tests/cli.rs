//! End-to-end tests of the command-line example, `examples/tickerstrip.rs`.
//!
//! They run the built example binary (see `common::example`).

mod common;

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use common::example::{Run, Stdin, crate_dir};

use serde_json::Value;

/// The bundled seed page.
const SEED_PAGE: &str = include_str!("data/conformance/seed-page.txt");

/// The seed page's path, relative to the crate root (where the tool runs).
const SEED_PAGE_PATH: &str = "tests/data/conformance/seed-page.txt";

/// The note the tool prints when it reads the bundled page because no FILE
/// is given and standard input is `/dev/null`.
const BUNDLED_NOTE: &str =
    "note: no FILE given and standard input is /dev/null; reading the bundled seed page\n";

/// The first record of the seed page, exactly as `--format jsonl` writes it.
const AGL_JSONL: &str = r#"{"symbol":"AGL","price":"40.13","direction":"up","change":"0.12","percent":"0.00","span":[0,24],"findings":["percent-is-fraction"],"evidence":"arithmetic","name":null,"label":"ticker","currency":null,"magnitude":null,"previous_close":null}"#;

/// The CSV header row, without a file column.
const CSV_HEADER: &str = "symbol,price,direction,change,percent,span_start,span_end,findings,evidence,name,label,currency,magnitude,previous_close";

/// Runs the tool in `dir` with `args`, feeding it `stdin`.
fn run_tool_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    common::example::run("tickerstrip", dir, args, stdin)
}

/// Runs the tool in the crate root with `args` and stdin at `/dev/null`,
/// as from cron or CI: with no FILE, it reads the bundled page.
fn run_tool(args: &[&str]) -> Run {
    common::example::run_with("tickerstrip", crate_dir(), args, Stdin::Null)
}

/// A temporary directory holding one file `name` with `contents`.
fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("a temp directory");
    let path = dir.path().join(name);
    fs::write(&path, contents).expect("the temp file is written");
    let path = path.to_str().expect("the temp path is UTF-8").to_owned();
    (dir, path)
}

#[test]
fn no_file_reads_a_piped_stdin_as_grep_does() {
    let strip = "KEL6.34▼ -0.06 (-0.01%)";
    let piped = run_tool_in(crate_dir(), &["--format", "csv"], strip.as_bytes());
    assert_eq!(piped.code, Some(0), "{}", piped.stderr);
    assert_eq!(piped.stderr, "");
    assert_eq!(
        piped.stdout.lines().collect::<Vec<_>>(),
        [
            CSV_HEADER,
            "KEL,6.34,down,-0.06,-0.01,0,25,percent-is-fraction,arithmetic,,ticker,,,"
        ]
    );
    // What `-` reads, no FILE reads.
    let dash = run_tool_in(crate_dir(), &["--format", "csv", "-"], strip.as_bytes());
    assert_eq!(piped.stdout, dash.stdout);
    // An empty pipe is an empty input, not a request for the demo page.
    let empty = run_tool_in(crate_dir(), &[], b"");
    assert_eq!(empty.code, Some(0), "{}", empty.stderr);
    assert_eq!(empty.stderr, "");
    assert!(
        empty.stdout.ends_with("\n0 quotes, 0 bytes skipped\n"),
        "{}",
        empty.stdout
    );
}

#[test]
fn no_file_reads_a_stdin_redirected_from_a_file() {
    let path = crate_dir().join("tests/data/conformance/crypto.txt");
    let redirected = common::example::run_with(
        "tickerstrip",
        crate_dir(),
        &["--format", "jsonl"],
        Stdin::File(&path),
    );
    assert_eq!(redirected.code, Some(0), "{}", redirected.stderr);
    assert_eq!(redirected.stderr, "");
    let named = run_tool(&["--format", "jsonl", "tests/data/conformance/crypto.txt"]);
    assert_eq!(redirected.stdout, named.stdout);
    assert!(named.stdout.lines().count() > 1, "{}", named.stdout);
}

/// From a terminal, as a person runs it, no FILE reads the bundled page.
/// `script` (util-linux) gives the tool a terminal for its standard
/// streams; both reach the captured output.
#[cfg(target_os = "linux")]
#[test]
fn no_file_from_a_terminal_scans_the_bundled_seed_page() {
    let binary = common::example::binary("tickerstrip");
    let command = format!("{} --summary", binary.display());
    let output = Command::new("script")
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("script (util-linux) runs the tool in a terminal");
    assert_eq!(output.status.code(), Some(0));
    let shown = String::from_utf8(output.stdout).expect("the terminal shows UTF-8");
    let lines: Vec<&str> = shown
        .lines()
        .map(|line| line.trim_end_matches('\r'))
        .collect();
    assert_eq!(
        lines[..2],
        [
            "note: no FILE given and standard input is a terminal; reading the bundled seed page",
            "quotes: 30"
        ],
        "{shown}"
    );
}

#[test]
fn no_file_with_stdin_at_dev_null_scans_the_bundled_seed_page_as_jsonl() {
    let run = run_tool(&["--format", "jsonl"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, BUNDLED_NOTE);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 30);
    assert_eq!(lines[0], AGL_JSONL);
    let expected = include_str!("data/conformance/seed-page.jsonl");
    assert_eq!(expected.lines().count(), 30);
    for (line, expected) in lines.iter().zip(expected.lines()) {
        let record: Value = serde_json::from_str(line).expect("each line is JSON");
        let expected: Value = serde_json::from_str(expected).expect("the fixture is JSON");
        assert_eq!(
            common::record::schema_fields(&record),
            common::record::schema_fields(&expected),
            "{line}"
        );
        assert_eq!(
            record.as_object().map(|o| o.len()),
            Some(tickerstrip::Field::ALL.len()),
            "{line}"
        );
    }
}

#[test]
fn strict_stops_at_the_prose_on_line_3() {
    let run = run_tool(&["--strict", "--format", "jsonl", SEED_PAGE_PATH]);
    assert_eq!(run.code, Some(1));
    // Input is streamed: the strip's quotes are out before the prose fails.
    assert_eq!(run.stdout.lines().count(), 30);
    let error = tickerstrip::parse(SEED_PAGE).expect_err("the page holds prose");
    let message = format!("error: {SEED_PAGE_PATH}: {error}\n");
    assert!(message.starts_with(&format!("error: {SEED_PAGE_PATH}: line 3, column ")));
    assert_eq!(run.stderr, message);
}

#[test]
fn strict_reads_the_strip_line_of_the_seed_page() {
    let strip = SEED_PAGE.lines().next().expect("the page has a first line");
    let (_dir, file) = temp_file("strip.txt", strip.as_bytes());
    let strict = run_tool(&["--strict", "--format", "jsonl", &file]);
    assert_eq!(strict.code, Some(0), "{}", strict.stderr);
    assert_eq!(strict.stderr, "");
    assert_eq!(strict.stdout.lines().count(), 30);
    assert_eq!(strict.stdout.lines().next(), Some(AGL_JSONL));
    // The strip opens the page, so its quotes and spans are the scan's.
    let scanned = run_tool(&["--format", "jsonl"]);
    assert_eq!(strict.stdout, scanned.stdout);
}

#[test]
fn csv_has_a_header_and_one_row_a_quote() {
    let run = run_tool(&["--format", "csv", SEED_PAGE_PATH]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 31);
    assert_eq!(lines[0], CSV_HEADER);
    assert_eq!(
        lines[1],
        "AGL,40.13,up,0.12,0.00,0,24,percent-is-fraction,arithmetic,,ticker,,,"
    );
    assert_eq!(
        lines[8],
        "FCCL,38.59,down,-0.41,-0.01,176,203,percent-is-fraction,arithmetic,,ticker,,,"
    );
    assert_eq!(
        lines[15],
        "MLCF,49.47,up,0,0.00,351,373,direction-mismatch,markers,,ticker,,,"
    );
}

#[test]
fn csv_leaves_absent_values_empty() {
    let run = run_tool(&["--format", "csv", "tests/data/conformance/crypto.txt"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().nth(1),
        Some("btc,71400,up,,1.2,0,14,,markers,,ticker,$,k,")
    );
}

#[test]
fn table_aligns_columns_explains_findings_and_sums_up() {
    let run = run_tool(&[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, BUNDLED_NOTE);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1 + 30 + 2 + 30 + 3);
    assert_eq!(
        lines[..3],
        [
            "symbol            price  direction      change   percent  span          evidence    findings",
            "AGL               40.13  up               0.12      0.00  0..24         arithmetic  percent-is-fraction",
            "AIRLINK          189.43  up               1.45      0.01  24..53        arithmetic  percent-is-fraction",
        ]
    );
    assert_eq!(
        lines[15],
        "MLCF              49.47  up                  0      0.00  351..373      markers     direction-mismatch"
    );
    assert_eq!(lines[31..33], ["", "findings:"]);
    assert_eq!(
        lines[33],
        "  AGL: percent 0.00 matches change/previous close as a fraction (0.0030); \
         as a percent it would be 0.30"
    );
    assert_eq!(lines[47], "  MLCF: marker says up but the change is 0");
    // 7227 bytes, of which the 30 quotes take the first 751.
    assert_eq!(
        lines[63..],
        [
            "",
            "30 quotes, 30 findings, 6476 bytes skipped",
            "pattern: percent column reads as fractions: 29 of 30 quotes",
        ]
    );
}

#[test]
fn summary_prints_the_totals_and_the_pattern() {
    let run = run_tool(&["--summary", SEED_PAGE_PATH]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "quotes: 30\n\
         checked: 30 of 30 checkable\n\
         percent-is-fraction: 29\n\
         direction-mismatch: 1\n\
         pattern: percent column reads as fractions: 29 of 30 quotes\n\
         skipped: 6476 bytes\n"
    );
}

#[test]
fn number_style_can_be_forced() {
    let comma_page = "tests/data/conformance/comma-decimals.txt";
    let count = |args: &[&str]| run_tool(args).stdout.lines().count();
    assert_eq!(count(&["--format", "jsonl", comma_page]), 5);
    assert_eq!(
        count(&["--format", "jsonl", "--number-style", "comma", comma_page]),
        5
    );
    // Read as dot decimals, nothing is misread: no quote at all.
    assert_eq!(
        count(&["--format", "jsonl", "--number-style", "dot", comma_page]),
        0
    );
    let bad = run_tool(&["--number-style", "roman"]);
    assert_eq!(bad.code, Some(2));
}

#[test]
fn known_symbols_decide_glued_splits() {
    let (_dir, symbols) = temp_file("symbols.txt", b"N225\n\nSPX\n");
    let strip = "N22538,823.91 -123.02 -0.32%\n";
    let without = run_tool_in(crate_dir(), &["--strict", "-"], strip.as_bytes());
    assert_eq!(without.code, Some(1));
    assert!(
        without.stderr.contains("which splits 3 ways"),
        "{}",
        without.stderr
    );
    let with = run_tool_in(
        crate_dir(),
        &["--strict", "--format", "csv", "--symbols", &symbols, "-"],
        strip.as_bytes(),
    );
    assert_eq!(with.code, Some(0), "{}", with.stderr);
    assert_eq!(
        with.stdout.lines().nth(1),
        Some("N225,38823.91,down,-123.02,-0.32,0,28,,arithmetic,,ticker,,,")
    );
    let missing = run_tool(&["--symbols", "no-such-list.txt"]);
    assert_eq!(missing.code, Some(2));
    assert!(
        missing.stderr.starts_with("error: no-such-list.txt: "),
        "{}",
        missing.stderr
    );
}

/// The README's `--symbols` example, as written: it reads a list bundled
/// in the checkout, so it leaves no file behind.
#[test]
fn the_readme_s_symbols_example_reads_the_bundled_list() {
    let readme = include_str!("../README.md");
    let example = "echo 'N22538,823.91 -123.02 -0.32%' | cargo run --release --example \
                   tickerstrip -- --strict --symbols tests/data/known-symbols.txt -\n";
    assert!(readme.contains(example), "the README shows:\n{example}");
    let run = run_tool_in(
        crate_dir(),
        &["--strict", "--symbols", "tests/data/known-symbols.txt", "-"],
        b"N22538,823.91 -123.02 -0.32%\n",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        [
            "symbol            price  direction      change   percent  span          evidence    findings",
            "N225           38823.91  down          -123.02     -0.32  0..28         arithmetic  -",
            "",
            "1 quote",
        ]
    );
}

#[test]
fn strict_table_counts_quotes_only() {
    let strip = SEED_PAGE.lines().next().expect("the page has a first line");
    let run = run_tool_in(crate_dir(), &["--strict", "-"], strip.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let summary = run
        .stdout
        .lines()
        .find(|line| line.starts_with("30 quotes"));
    assert_eq!(summary, Some("30 quotes, 30 findings"));
}

#[test]
fn table_reports_a_truncated_quote() {
    let page = "KEL6.34▼ -0.06 (-0.01%)AGL40.13▲ 0.12 (0.0";
    let run = run_tool_in(crate_dir(), &["-"], page.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout.lines().find(|line| line.starts_with("1 quote")),
        Some("1 quote, 1 finding, 21 bytes skipped (1 truncated quote)")
    );
}

#[test]
fn several_files_add_a_file_field() {
    let crypto = "tests/data/conformance/crypto.txt";
    let run = run_tool(&["--format", "jsonl", SEED_PAGE_PATH, crypto]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 34);
    assert_eq!(
        lines[0],
        format!(
            "{},\"file\":\"{SEED_PAGE_PATH}\"}}",
            AGL_JSONL.trim_end_matches('}')
        )
    );
    assert_eq!(
        lines[30],
        r#"{"symbol":"btc","price":"71400","direction":"up","change":null,"percent":"1.2","span":[0,14],"findings":[],"evidence":"markers","name":null,"label":"ticker","currency":"$","magnitude":"k","previous_close":null,"file":"tests/data/conformance/crypto.txt"}"#
    );
}

#[test]
fn several_files_add_a_file_column() {
    let crypto = "tests/data/conformance/crypto.txt";
    let csv = run_tool(&["--format", "csv", crypto, crypto]);
    assert_eq!(csv.code, Some(0), "{}", csv.stderr);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(lines[0], format!("{CSV_HEADER},file"));
    assert_eq!(
        lines[1],
        format!("btc,71400,up,,1.2,0,14,,markers,,ticker,$,k,,{crypto}")
    );
    let table = run_tool(&[crypto, crypto]);
    assert_eq!(table.code, Some(0), "{}", table.stderr);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "symbol            price  direction      change   percent  span          evidence    file                               findings",
            "btc               71400  up                  -       1.2  0..14         markers     tests/data/conformance/crypto.txt  -",
        ]
    );
    // Each copy of the file ends with a newline.
    assert_eq!(lines.last(), Some(&"8 quotes in 2 files, 2 bytes skipped"));
}

#[test]
fn dash_reads_stdin() {
    let strip = "KEL6.34▼ -0.06 (-0.01%)";
    let run = run_tool_in(crate_dir(), &["--format", "jsonl", "-"], strip.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "{\"symbol\":\"KEL\",\"price\":\"6.34\",\"direction\":\"down\",\"change\":\"-0.06\",\
         \"percent\":\"-0.01\",\"span\":[0,25],\"findings\":[\"percent-is-fraction\"],\
         \"evidence\":\"arithmetic\",\"name\":null,\"label\":\"ticker\",\"currency\":null,\"magnitude\":null,\"previous_close\":null}\n"
    );
    let both = run_tool_in(
        crate_dir(),
        &["--format", "csv", "-", SEED_PAGE_PATH],
        strip.as_bytes(),
    );
    assert_eq!(both.code, Some(0), "{}", both.stderr);
    assert_eq!(
        both.stdout.lines().nth(1),
        Some("KEL,6.34,down,-0.06,-0.01,0,25,percent-is-fraction,arithmetic,,ticker,,,,<stdin>")
    );
}

#[test]
fn a_missing_file_is_an_input_error() {
    let run = run_tool(&["--format", "jsonl", "does-not-exist.txt"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with("error: does-not-exist.txt: "),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn invalid_utf8_is_skipped_and_counted_in_scan_mode() {
    // One Latin-1 byte between two quotes: both quotes, the byte counted.
    let page = b"KEL6.34\xE2\x96\xBC -0.06 (-0.01%) \xE9 AGL40.13\xE2\x96\xB2 0.12 (0.00%)";
    let run = run_tool_in(crate_dir(), &["--format", "jsonl", "-"], page);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let symbols: Vec<_> = run.stdout.lines().map(|line| &line[..16]).collect();
    assert_eq!(symbols, ["{\"symbol\":\"KEL\",", "{\"symbol\":\"AGL\","]);
    let run = run_tool_in(crate_dir(), &["--summary", "-"], page);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("quotes: 2\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("skipped: 3 bytes (1 byte not UTF-8)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn invalid_utf8_is_a_parse_error_at_its_offset_in_strict_mode() {
    let run = run_tool_in(
        crate_dir(),
        &["--strict", "-"],
        b"AGL40.13\xE2\x96 0.12 (0.00%)",
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr, "error: <stdin>: byte 8: invalid UTF-8\n");
}

#[test]
fn a_byte_order_mark_starts_a_strict_strip() {
    let run = run_tool_in(
        crate_dir(),
        &["--strict", "--format", "csv", "-"],
        "\u{feff}KEL6.34▼ -0.06 (-0.01%)".as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().nth(1),
        Some("KEL,6.34,down,-0.06,-0.01,3,28,percent-is-fraction,arithmetic,,ticker,,,")
    );
}

/// The run stopped at its arguments: status 2, nothing out, `message`
/// first on stderr.
fn assert_usage_error(run: &Run, message: &str) {
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.starts_with(message), "{}", run.stderr);
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let run = run_tool(&["--no-such-flag"]);
    assert_usage_error(&run, "error: unexpected argument '--no-such-flag' found");
    let bad_format = run_tool(&["--format", "xml"]);
    assert_usage_error(
        &bad_format,
        "error: invalid value 'xml' for '--format <FORMAT>'",
    );
    let bad_style = run_tool(&["--number-style", "roman"]);
    assert_usage_error(
        &bad_style,
        "error: invalid value 'roman' for '--number-style <NUMBER_STYLE>'",
    );
}

#[test]
fn help_documents_every_option() {
    let run = run_tool(&["--help"]);
    assert_eq!(run.code, Some(0));
    for option in [
        "--format <FORMAT>",
        "--strict",
        "--summary",
        "--number-style <NUMBER_STYLE>",
        "--symbols <FILE>",
        "-H, --with-filename",
        "--no-filename",
        "With none, standard input is read when it is a pipe or a file; when it is a terminal or \
         /dev/null, the seed page bundled into the binary is read",
        "curl -s URL | tickerstrip ",
        "auto",
        "dot",
        "comma",
        "[FILE]...",
        "table",
        "jsonl",
        "csv",
    ] {
        assert!(run.stdout.contains(option), "{option} in:\n{}", run.stdout);
    }
}

/// A file name with a quote, a tab and a comma is escaped in JSON and
/// quoted in CSV.
#[cfg(unix)]
#[test]
fn file_names_are_escaped() {
    let name = "odd \"name\"\t,1.txt";
    let (dir, _) = temp_file(name, "KEL6.34▼ -0.06 (-0.01%)".as_bytes());
    let jsonl = run_tool_in(dir.path(), &["--format", "jsonl", name, name], b"");
    assert_eq!(jsonl.code, Some(0), "{}", jsonl.stderr);
    let line = jsonl.stdout.lines().next().expect("a record");
    assert!(
        line.ends_with(r#","file":"odd \"name\"\t,1.txt"}"#),
        "{line}"
    );
    let record: Value = serde_json::from_str(line).expect("the line is JSON");
    assert_eq!(record["file"], name);
    let csv = run_tool_in(dir.path(), &["--format", "csv", name, name], b"");
    assert_eq!(csv.code, Some(0), "{}", csv.stderr);
    assert_eq!(
        csv.stdout.lines().nth(1),
        Some(
            "KEL,6.34,down,-0.06,-0.01,0,25,percent-is-fraction,arithmetic,,ticker,,,,\"odd \"\"name\"\"\t,1.txt\""
        )
    );
}

/// `| head` closes the pipe early: the tool stops quietly, without a panic.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let strip = SEED_PAGE.lines().next().expect("the page has a first line");
    let input = format!("{strip}\n").repeat(2_000); // about 3.6 MB of JSON out
    let mut child = Command::new(common::example::binary("tickerstrip"))
        .args(["--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    // The tool streams: it writes while it reads, so feed it from a thread.
    let mut stdin = child.stdin.take().expect("a stdin pipe");
    let feeder = std::thread::spawn(move || {
        // The tool may stop reading once its output is closed.
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("a stdout pipe");
    let mut first = [0; AGL_JSONL.len()];
    stdout.read_exact(&mut first).expect("the first record");
    assert_eq!(first, AGL_JSONL.as_bytes());
    drop(stdout);
    let output = child.wait_with_output().expect("the example runs");
    feeder.join().expect("the feeder ends");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn with_filename_names_one_input_and_no_filename_none() {
    let crypto = "tests/data/conformance/crypto.txt";
    let one = run_tool(&["-H", "--format", "jsonl", crypto]);
    assert_eq!(one.code, Some(0), "{}", one.stderr);
    let record: Value = serde_json::from_str(one.stdout.lines().next().expect("a record"))
        .expect("the line is JSON");
    assert_eq!(record["file"], crypto);
    let two = run_tool(&["--no-filename", "--format", "csv", crypto, crypto]);
    assert_eq!(two.code, Some(0), "{}", two.stderr);
    assert_eq!(two.stdout.lines().next(), Some(CSV_HEADER));
    // As in grep, the last of the two options wins.
    let last = run_tool(&["-H", "--no-filename", "--format", "csv", crypto]);
    assert_eq!(last.stdout.lines().next(), Some(CSV_HEADER));
    let last = run_tool(&["--no-filename", "-H", "--format", "csv", crypto]);
    assert_eq!(
        last.stdout.lines().next().map(String::from),
        Some(format!("{CSV_HEADER},file"))
    );
}

#[test]
fn stdin_can_be_named_only_once() {
    let run = run_tool_in(crate_dir(), &["-", "-"], b"KEL6.34 -0.06 (-0.01%)");
    assert_usage_error(&run, "error: standard input (`-`) can be read only once");
}

#[test]
fn summary_honours_the_format() {
    let jsonl = run_tool(&["--summary", "--format", "jsonl", SEED_PAGE_PATH]);
    assert_eq!(jsonl.code, Some(0), "{}", jsonl.stderr);
    assert_eq!(jsonl.stdout.lines().count(), 1);
    let summary: Value = serde_json::from_str(&jsonl.stdout).expect("one JSON object");
    assert_eq!(summary["quotes"], 30);
    assert_eq!(summary["findings"]["percent-is-fraction"], 29);
    assert_eq!(summary["pattern"]["kind"], "percent-is-fraction");
    assert_eq!(summary["skipped_bytes"], 6476);
    assert_eq!(summary["invalid_utf8_bytes"], 0);

    let csv = run_tool(&["--summary", "--format", "csv", SEED_PAGE_PATH]);
    assert_eq!(csv.code, Some(0), "{}", csv.stderr);
    let rows: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(rows[..3], ["name,value", "quotes,30", "checkable,30"]);
    assert!(rows.contains(&"percent-is-fraction,29"), "{rows:?}");
    assert!(rows.contains(&"marker-conflict,0"), "{rows:?}");
    assert_eq!(rows.last(), Some(&"pattern,percent-is-fraction"));
}

#[test]
fn min_evidence_keeps_only_quotes_that_strong() {
    // The seed page's strip: MLCF's zero change pins no percent, so only
    // its markers vouch for it; the rest check by arithmetic.
    let all = run_tool(&["--format", "csv", SEED_PAGE_PATH]);
    let checked = run_tool(&[
        "--format",
        "csv",
        "--min-evidence",
        "arithmetic",
        SEED_PAGE_PATH,
    ]);
    assert_eq!(
        (all.code, checked.code),
        (Some(0), Some(0)),
        "{}",
        checked.stderr
    );
    let evidence = |run: &Run| -> Vec<String> {
        let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
        let column = reader
            .headers()
            .expect("a header")
            .iter()
            .position(|h| h == "evidence");
        let column = column.expect("an evidence column");
        reader
            .records()
            .map(|record| record.expect("a row")[column].to_owned())
            .collect()
    };
    let (all, checked) = (evidence(&all), evidence(&checked));
    assert!(all.contains(&"markers".to_owned()), "{all:?}");
    assert!(
        !checked.is_empty() && checked.iter().all(|e| e == "arithmetic"),
        "{checked:?}"
    );
    assert_eq!(
        checked.len(),
        all.iter().filter(|e| *e == "arithmetic").count()
    );
}

#[test]
fn an_unknown_evidence_level_is_a_usage_error_listing_the_levels() {
    let run = run_tool(&["--min-evidence", "certain", SEED_PAGE_PATH]);
    assert_eq!(run.code, Some(2));
    assert!(run.stdout.is_empty());
    for level in ["arithmetic", "header", "markers", "shape"] {
        assert!(run.stderr.contains(level), "{}", run.stderr);
    }
}
