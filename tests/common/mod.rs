//! Shared test setup. Each test crate uses a part of it.

#![allow(dead_code)]

pub mod example;
pub mod record;

use proptest::test_runner::{Config, FileFailurePersistence};

/// Proptest's configuration (cases from `PROPTEST_CASES`, 256 by default),
/// with failures kept in `tests/proptest-regressions/NAME.txt` so that they
/// are committed and replayed.
pub fn proptest_config(name: &'static str) -> Config {
    let path: &'static str =
        Box::leak(format!("tests/proptest-regressions/{name}.txt").into_boxed_str());
    Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(path))),
        ..Config::default()
    }
}
