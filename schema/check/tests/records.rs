//! Every record the command-line tool writes for the conformance inputs
//! meets `schema/record.schema.json`, and the schema refuses records that
//! break it.
//!
//! `.ci/run` runs this after the crate's own tests have built the tool:
//!
//! ```text
//! TICKERSTRIP_CLI=target/debug/examples/tickerstrip cargo test --manifest-path schema/check/Cargo.toml
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The crate's root.
fn crate_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The tool to check, from `TICKERSTRIP_CLI` (relative to the crate root).
fn tool() -> PathBuf {
    let path = std::env::var_os("TICKERSTRIP_CLI").expect(
        "TICKERSTRIP_CLI names the built tool, e.g. target/debug/examples/tickerstrip \
         (build it with `cargo build --example tickerstrip` in the crate root)",
    );
    crate_dir().join(path)
}

/// The records the tool writes for `input`, each naming its file (`-H`).
fn records(input: &Path) -> Vec<Value> {
    let output = Command::new(tool())
        .args(["--format", "jsonl", "-H"])
        .arg(input)
        .current_dir(crate_dir())
        .output()
        .expect("the tool runs");
    assert!(output.status.success(), "{}: {output:?}", input.display());
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 out");
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

#[test]
fn records_meet_the_json_schema() {
    let schema = fs::read_to_string(crate_dir().join("schema/record.schema.json"));
    let schema: Value = serde_json::from_str(&schema.expect("the schema")).expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    let dir = crate_dir().join("tests/data/conformance");
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .expect("the conformance folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 15, "{inputs:?}");
    let mut checked = 0;
    for input in &inputs {
        for record in records(input) {
            let errors: Vec<String> = validator
                .iter_errors(&record)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{}: {record}: {errors:?}",
                input.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} records");

    let good = records(&dir.join("seed-page.txt")).remove(0);
    assert!(validator.is_valid(&good));
    for (field, bad) in [
        ("price", Value::from(40.13)),
        ("price", Value::from("4e1")),
        ("direction", Value::from("sideways")),
        ("findings", Value::from(vec!["percent"])),
        ("magnitude", Value::from("bn")),
        ("span", Value::from(vec![0])),
    ] {
        let mut record = good.clone();
        record[field] = bad.clone();
        assert!(!validator.is_valid(&record), "{field}: {bad}");
    }
    let mut missing = good.clone();
    missing.as_object_mut().expect("an object").remove("label");
    assert!(!validator.is_valid(&missing));
}
