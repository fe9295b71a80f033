//! The bad-input table, `tests/bad-inputs/cases.toml`: every case runs the real binary and
//! must be refused cleanly — exit status 1, every expected text on stderr (the field or path
//! at fault), nothing on stdout (so never a total), and no panic or backtrace.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::io::Write;
mod support;

use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde::Deserialize;
use support::repo_root;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    area: String,
    what: String,
    args: Vec<String>,
    input: String,
    #[serde(default)]
    stdin: bool,
    expect: Vec<String>,
}

fn folder() -> PathBuf {
    repo_root().join("tests/bad-inputs")
}

fn table() -> Table {
    let text = std::fs::read_to_string(folder().join("cases.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

/// Runs one case; returns a description of every way it failed.
fn check(case: &Case) -> Vec<String> {
    let input = folder().join(&case.input);
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| a.replace("{input}", input.to_str().unwrap()))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_scopecraft"))
        .args(&args)
        .current_dir(repo_root())
        .stdin(if case.stdin {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("RUST_BACKTRACE", "1")
        .spawn()
        .unwrap();
    if case.stdin {
        let bytes = std::fs::read(&input).unwrap();
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(1) {
        problems.push(format!("exit status {:?}, expected 1", out.status.code()));
    }
    for expected in &case.expect {
        if !stderr.contains(expected.as_str()) {
            problems.push(format!("stderr does not mention {expected:?}"));
        }
    }
    for forbidden in ["panicked", "backtrace", "internal error", "RUST_BACKTRACE"] {
        if stderr.contains(forbidden) {
            problems.push(format!("stderr contains {forbidden:?}"));
        }
    }
    if !stdout.is_empty() {
        problems.push(format!(
            "stdout is not empty: {:?}",
            stdout.chars().take(200).collect::<String>()
        ));
    }
    if problems.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "{} ({}: {}):\n    {}\n    stderr: {}",
            case.name,
            case.area,
            case.what,
            problems.join("\n    "),
            stderr.chars().take(600).collect::<String>()
        )]
    }
}

#[test]
fn every_bad_input_is_refused_cleanly() {
    let table = table();
    let failures: Vec<String> = table.case.iter().flat_map(check).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        table.case.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_covers_every_area_and_every_file() {
    let table = table();
    assert!(table.case.len() >= 30, "{} cases", table.case.len());
    let names: BTreeSet<&str> = table.case.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), table.case.len(), "case names must be unique");
    let areas: BTreeSet<&str> = table.case.iter().map(|c| c.area.as_str()).collect();
    for area in ["scope", "catalog", "import", "share link"] {
        assert!(areas.contains(area), "no {area} case");
    }
    for case in &table.case {
        assert!(!case.expect.is_empty(), "{} expects nothing", case.name);
        assert!(
            case.stdin || case.args.iter().any(|a| a.contains("{input}")),
            "{} never reads its input",
            case.name
        );
    }
    let used: BTreeSet<&str> = table.case.iter().map(|c| c.input.as_str()).collect();
    for entry in std::fs::read_dir(folder()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name != "cases.toml" {
            assert!(
                used.contains(name.as_str()),
                "{name} is not used by any case"
            );
        }
    }
}
