//! Every CLI command on every scope in `tests/scenarios/`, compared byte for byte with the
//! outputs committed under `tests/cli-snapshots/`.
//!
//! The snapshots are what a user saw: stdout, stderr and the exit status of each command.
//! A change to any of them is a change in behaviour, and shows up here as a failing test with
//! the first differing line. When the change is intended, rewrite the snapshots with
//!
//! ```sh
//! SCOPECRAFT_UPDATE_SNAPSHOTS=1 cargo test -p scopecraft-cli --test snapshots
//! ```
//!
//! and review the diff in `git diff tests/cli-snapshots/` before committing it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
mod support;

use std::process::{Command, Stdio};

use support::repo_root;

/// A fixed timestamp, so the SOW request's `generated_at` is reproducible.
const GENERATED_AT: &str = "2026-11-26T09:00:00Z";

/// One command of a scenario: the snapshot's file name and the arguments after the scope.
const SCOPE_COMMANDS: &[(&str, &[&str])] = &[
    ("quote.txt", &["quote", "{scope}"]),
    ("quote-explain.txt", &["quote", "{scope}", "--explain"]),
    ("quote.json", &["quote", "{scope}", "--format", "json"]),
    ("recommend.json", &["recommend", "{scope}"]),
    ("plan.txt", &["plan", "{scope}"]),
    ("plan.json", &["plan", "{scope}", "--format", "json"]),
    ("plan.md", &["plan", "{scope}", "--format", "markdown"]),
    (
        "plan-signed.md",
        &[
            "plan",
            "{scope}",
            "--format",
            "markdown",
            "--signed-on",
            "2026-12-01",
        ],
    ),
    (
        "sow-request.json",
        &[
            "sow-request",
            "{scope}",
            "--allow-incomplete",
            "--generated-at",
            GENERATED_AT,
        ],
    ),
    (
        "sow-request-strict.json",
        &["sow-request", "{scope}", "--generated-at", GENERATED_AT],
    ),
    (
        "sow-request.md",
        &[
            "sow-request",
            "{scope}",
            "--format",
            "markdown",
            "--allow-incomplete",
            "--generated-at",
            GENERATED_AT,
        ],
    ),
    (
        "sow-request-url.txt",
        &[
            "sow-request",
            "{scope}",
            "--format",
            "url",
            "--allow-incomplete",
            "--generated-at",
            GENERATED_AT,
        ],
    ),
    (
        "sow-request-scheduling.md",
        &[
            "sow-request",
            "{scope}",
            "--format",
            "scheduling-markdown",
            "--allow-incomplete",
            "--signed-on",
            "2026-12-01",
            "--generated-at",
            GENERATED_AT,
        ],
    ),
    ("sow-draft.md", &["sow-draft", "{scope}"]),
    (
        "sow-draft.html",
        &["sow-draft", "{scope}", "--format", "html"],
    ),
    ("share.txt", &["share", "encode", "{scope}"]),
];

/// Commands that do not take a scope.
const CATALOG_COMMANDS: &[(&str, &[&str])] = &[
    ("catalog-check.txt", &["catalog", "check"]),
    ("catalog-show.txt", &["catalog", "show"]),
    (
        "catalog-show-eur.txt",
        &["catalog", "show", "--currency", "EUR"],
    ),
    (
        "catalog-show.json",
        &["catalog", "show", "--format", "json"],
    ),
];

/// What a user sees from one command: the exit status, stderr, then stdout.
fn run(args: &[String]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_scopecraft"))
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let mut shown = String::new();
    writeln!(shown, "$ scopecraft {}", args.join(" ")).unwrap();
    writeln!(shown, "exit: {}", output.status.code().unwrap_or(-1)).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    if !stderr.is_empty() {
        shown.push_str("--- stderr\n");
        shown.push_str(&stderr);
    }
    shown.push_str("--- stdout\n");
    shown.push_str(&String::from_utf8(output.stdout).unwrap());
    shown
}

fn scenarios() -> Vec<(String, String)> {
    let dir = repo_root().join("tests/scenarios");
    let mut names: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .map(|name| {
            let stem = name.trim_end_matches(".json").to_string();
            (stem, format!("tests/scenarios/{name}"))
        })
        .collect();
    names.sort();
    names
}

/// Every snapshot this test knows: (path under `tests/cli-snapshots/`, arguments).
fn cases() -> Vec<(String, Vec<String>)> {
    let mut cases = Vec::new();
    for (file, args) in CATALOG_COMMANDS {
        cases.push((
            format!("catalog/{file}"),
            args.iter().map(|a| (*a).to_string()).collect(),
        ));
    }
    for (stem, path) in scenarios() {
        for (file, args) in SCOPE_COMMANDS {
            let args = args
                .iter()
                .map(|a| {
                    if *a == "{scope}" {
                        path.clone()
                    } else {
                        (*a).to_string()
                    }
                })
                .collect();
            cases.push((format!("{stem}/{file}"), args));
        }
    }
    cases
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (index, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  expected: {e}\n  actual:   {a}", index + 1);
        }
    }
    format!(
        "one output is a prefix of the other ({} vs {} lines)",
        expected.lines().count(),
        actual.lines().count()
    )
}

#[test]
fn every_command_on_every_scenario_matches_its_snapshot() {
    let root = repo_root().join("tests/cli-snapshots");
    let update = std::env::var_os("SCOPECRAFT_UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    let cases = cases();
    for (name, args) in &cases {
        let actual = run(args);
        let path = root.join(name);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name} differs, {}",
                first_difference(&expected, &actual)
            )),
            Err(error) => failures.push(format!("{name}: no snapshot ({error})")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} CLI snapshots differ (rewrite with SCOPECRAFT_UPDATE_SNAPSHOTS=1 if intended):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn no_snapshot_is_left_without_a_command() {
    if std::env::var_os("SCOPECRAFT_UPDATE_SNAPSHOTS").is_some() {
        return; // the other test is writing them
    }
    let root = repo_root().join("tests/cli-snapshots");
    let known: std::collections::BTreeSet<String> =
        cases().into_iter().map(|(name, _)| name).collect();
    let mut stale = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap();
        for file in std::fs::read_dir(dir.path()).unwrap() {
            let name = format!(
                "{}/{}",
                dir.file_name().to_string_lossy(),
                file.unwrap().file_name().to_string_lossy()
            );
            if !known.contains(&name) {
                stale.push(name);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots with no command (a scenario was renamed or removed?): {stale:?}"
    );
}
