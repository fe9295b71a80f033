//! What every CLI test needs: run the built `scopecraft` binary from the repository root as a
//! user would, and see its exit status, stdout and stderr.
//!
//! Each test file declares `mod support;`; not every file uses every function.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// One run of the binary.
pub(crate) struct Run {
    /// The exit status (-1 when the process was killed by a signal).
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// Whether the command succeeded (exit 0).
    pub(crate) fn ok(&self) -> bool {
        self.code == 0
    }
}

pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The path of a scope in `tests/scenarios/`, as the binary sees it from the repository root.
pub(crate) fn scenario(name: &str) -> String {
    format!("tests/scenarios/{name}.json")
}

/// Runs the binary from the repository root with `stdin` piped in (closed when `None`), and
/// fails the test if it panicked: no input may ever reach a panic.
pub(crate) fn scopecraft(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scopecraft"))
        .args(args)
        .current_dir(repo_root())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    let output = child.wait_with_output().expect("the binary finishes");
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    };
    for forbidden in ["panicked", "RUST_BACKTRACE", "internal error"] {
        assert!(
            !run.stderr.contains(forbidden),
            "the CLI failed badly ({forbidden}): {}",
            run.stderr
        );
    }
    run
}

/// Writes `contents` to a fresh file named `name` in a folder of its own under the system's
/// temporary directory, and returns its path.
pub(crate) fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "scopecraft-cli-test-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}
