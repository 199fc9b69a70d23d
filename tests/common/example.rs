//! Running the built example programs.
//!
//! `cargo test` builds the examples before it runs the tests. `cargo test
//! --test NAME` alone does not, so [`binary`] refuses a binary older than
//! its sources instead of testing stale code.

use std::env;

use assert_cmd::assert::OutputAssertExt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::SystemTime;

/// The crate root.
pub fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The example binary `name`: `target/<profile>/examples/<name>`, found from
/// the test's own `target/<profile>/deps/…`.
pub fn binary(name: &str) -> PathBuf {
    let exe = env::current_exe().expect("the test executable's path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test executable lives in target/<profile>/deps");
    let file = format!("{name}{}", env::consts::EXE_SUFFIX);
    let binary = profile_dir.join("examples").join(file);
    let rebuild =
        format!("run `cargo test`, or `cargo build --all-features --example {name}` first");
    let built = fs::metadata(&binary).and_then(|m| m.modified());
    let built = built.unwrap_or_else(|_| panic!("{} is missing: {rebuild}", binary.display()));
    let example = format!("examples/{name}.rs");
    let sources = [
        example.as_str(),
        "src",
        "tests/data/conformance/seed-page.txt",
    ];
    let newest = sources
        .iter()
        .map(|s| newest_change(&crate_dir().join(s)))
        .max();
    assert!(
        newest.flatten().is_none_or(|source| source <= built),
        "{} is older than its sources: {rebuild}",
        binary.display()
    );
    binary
}

/// When the file, or the newest file under the directory, `path` last changed.
fn newest_change(path: &Path) -> Option<SystemTime> {
    let metadata = fs::metadata(path).ok()?;
    if !metadata.is_dir() {
        return metadata.modified().ok();
    }
    let entries = fs::read_dir(path).ok()?;
    entries
        .filter_map(|entry| newest_change(&entry.ok()?.path()))
        .max()
}

/// What a run of an example did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// What a run's standard input is.
#[derive(Debug, Clone, Copy)]
pub enum Stdin<'a> {
    /// A pipe that carries these bytes, then ends.
    Pipe(&'a [u8]),
    /// `/dev/null`, as cron and CI runners give.
    Null,
    /// A regular file, as `< FILE` gives.
    File(&'a Path),
}

/// Runs the example `name` in `dir` with `args`, feeding it `stdin` through a pipe.
pub fn run(name: &str, dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    run_with(name, dir, args, Stdin::Pipe(stdin))
}

/// Runs the example `name` in `dir` with `args` and standard input `stdin`.
///
/// assert_cmd's `Command` always gives a pipe, which it writes and closes;
/// `/dev/null` and a file are given to a `std::process::Command`, which
/// assert_cmd's `OutputAssertExt` runs.
pub fn run_with(name: &str, dir: &Path, args: &[&str], stdin: Stdin<'_>) -> Run {
    let binary = binary(name);
    let mut command = std::process::Command::new(&binary);
    command.args(args).current_dir(dir);
    let output = match stdin {
        Stdin::Pipe(bytes) => assert_cmd::Command::from_std(command)
            .write_stdin(bytes)
            .output()
            .expect("the example runs"),
        Stdin::Null => command.stdin(Stdio::null()).assert().get_output().clone(),
        Stdin::File(path) => {
            let file = fs::File::open(path).expect("the input file opens");
            command.stdin(file).assert().get_output().clone()
        }
    };
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}
