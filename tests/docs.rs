//! The docs' lists of finding kinds against `FindingKind::ALL`: a kind
//! added to the crate and left out of a table fails here.

use tickerstrip::FindingKind;

/// The README.
const README: &str = include_str!("../README.md");

/// The crate docs.
const LIB: &str = include_str!("../src/lib.rs");

/// The rules the parser and the validator follow.
const FORMATS: &str = include_str!("../src/formats.rs");

/// The names in the first column of the table under the header row
/// `header`, in order: each row's first cell, between backticks. Lines
/// start with `prefix` (`//! ` in a Rust file's docs).
fn first_column(text: &str, prefix: &str, header: &str) -> Vec<String> {
    let mut lines = text
        .lines()
        .map(|line| line.strip_prefix(prefix).unwrap_or(line));
    lines
        .by_ref()
        .find(|line| *line == header)
        .unwrap_or_else(|| panic!("a table with the header {header:?}"));
    let separator = lines.next().expect("a row under the header");
    assert!(separator.starts_with("|---"), "{separator}");
    lines
        .take_while(|line| line.starts_with('|'))
        .map(|row| {
            let cell = row.split('|').nth(1).expect("a first cell").trim();
            let name = cell.strip_prefix('`').and_then(|c| c.strip_suffix('`'));
            name.unwrap_or_else(|| panic!("{row}: the first cell is a `name`"))
                .to_owned()
        })
        .collect()
}

/// Every kind's name, in the order of `FindingKind::ALL`.
fn kind_names() -> Vec<String> {
    FindingKind::ALL
        .map(|kind| kind.as_str().to_owned())
        .to_vec()
}

#[test]
fn each_findings_table_lists_every_kind_once_in_order() {
    for (file, text, prefix, header) in [
        ("README.md", README, "", "| finding | meaning |"),
        ("src/lib.rs", LIB, "//! ", "| kind | meaning |"),
    ] {
        let names = first_column(text, prefix, header);
        assert_eq!(names, kind_names(), "the findings table of {file}");
    }
}

#[test]
fn the_formats_module_names_every_kind() {
    for name in kind_names() {
        assert!(
            FORMATS.contains(&format!("`{name}`")),
            "src/formats.rs does not name `{name}`"
        );
    }
}
