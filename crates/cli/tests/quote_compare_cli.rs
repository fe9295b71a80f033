//! `scopecraft quote FILE --compare-with OLD_CATALOG` as a user runs it: a scope, and a saved
//! SOW request, re-priced from the shipped catalog (version 2022.11) to a later version of it
//! (2023.02: GL-XPRT 14,400 → 16,800, GL-JENKINS retired), figures by hand. The later
//! catalog is derived from the shipped one by `crates/core/testdata/later_catalog.rs` and
//! written to a temporary file, as a user would have it on disk.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../../core/testdata/later_catalog.rs"]
mod later_catalog;
mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::{Run, scopecraft, temp_file};

const OLD: &str = "crates/core/catalogs/gitlab.toml";

/// The later catalog, in a file of its own.
fn later_catalog_file() -> PathBuf {
    temp_file(
        "gitlab-2023.02.toml",
        later_catalog::later_gitlab_catalog(scopecraft::GITLAB_CATALOG_TOML),
    )
}

/// 100 expert hours (3 blocks of 48), the Jenkins integration, a self-paced certification.
const SCOPE: &str = r#"{"customer": {"name": "Acme Corp"},
  "requester": {"username": "jdoe", "email": "jdoe@example.com"},
  "items": [{"sku": "GL-XPRT", "hours": 100}, {"sku": "GL-JENKINS"},
            {"sku": "PS-SELF-PACED-CERT"}]}"#;

fn compare(file: &str, old: &str, format: &str) -> Run {
    let new = later_catalog_file();
    scopecraft(
        &[
            "quote",
            file,
            "--catalog",
            new.to_str().unwrap(),
            "--compare-with",
            old,
            "--format",
            format,
        ],
        None,
    )
}

#[test]
fn the_table_shows_each_line_old_and_new_with_its_reason_and_the_total() {
    let scope = temp_file("scope.json", SCOPE);
    let run = compare(scope.to_str().unwrap(), OLD, "table");
    assert!(run.ok(), "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.contains("catalog gitlab-ps 2022.11"), "{out}");
    assert!(out.contains("→ gitlab-ps 2023.02"), "{out}");
    let row = |sku: &str| out.lines().find(|l| l.contains(sku)).unwrap().to_string();
    // 3 × 14,400 = 43,200 → 3 × 16,800 = 50,400.
    let xprt = row("GL-XPRT");
    for cell in [
        "USD 43,200.00",
        "USD 50,400.00",
        "+USD 7,200.00",
        "price changed: unit USD 14,400.00 → USD 16,800.00",
    ] {
        assert!(xprt.contains(cell), "{xprt}");
    }
    let jenkins = row("GL-JENKINS");
    for cell in ["USD 2,400.00", "—", "-USD 2,400.00", "offering retired"] {
        assert!(jenkins.contains(cell), "{jenkins}");
    }
    assert!(row("PS-SELF-PACED-CERT").contains("unchanged"));
    // 46,100 → 50,900: +4,800, 4,800 / 46,100 = 10.4 %. Over 50,000, but every line is a
    // standard SKU: the technical review looks at custom work only, so no approval is added.
    assert!(
        out.contains("Total: USD 46,100.00 → USD 50,900.00 (+USD 4,800.00, +10.4%)"),
        "{out}"
    );
    assert!(!out.contains("Approvals now needed"), "{out}");
}

#[test]
fn json_is_the_comparison_document_and_markdown_a_table() {
    let scope = temp_file("scope.json", SCOPE);
    let run = compare(scope.to_str().unwrap(), OLD, "json");
    assert!(run.ok(), "{}", run.stderr);
    let value: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["format"], "scopecraft.quote-comparison/1");
    assert_eq!(value["total_before"]["high"], "46100.00");
    assert_eq!(value["total_after"]["high"], "50900.00");
    assert_eq!(value["total_change"]["low"], "4800.00");
    assert_eq!(value["total_change_percent"], "10.4");
    let changes: Vec<&str> = value["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["price_changed", "retired", "unchanged"]);
    assert_eq!(value["approvals_added"], serde_json::json!([]));

    let run = compare(scope.to_str().unwrap(), OLD, "markdown");
    assert!(run.ok(), "{}", run.stderr);
    assert!(run.stdout.contains(
        "| 2 | GL-JENKINS | Jenkins integration | USD 2,400.00 | — | -USD 2,400.00 | offering retired |"
    ), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("**Total:** USD 46,100.00 → USD 50,900.00 (+USD 4,800.00, +10.4%)")
    );
}

#[test]
fn a_saved_sow_request_is_re_priced_like_its_scope() {
    let scope = temp_file("scope.json", SCOPE);
    let request = scopecraft(
        &[
            "sow-request",
            scope.to_str().unwrap(),
            "--generated-at",
            "2026-11-26T09:00:00Z",
            "--allow-incomplete",
        ],
        None,
    );
    assert!(request.ok(), "{}", request.stderr);
    let saved = temp_file("request.json", &request.stdout);
    let from_request = compare(saved.to_str().unwrap(), OLD, "json");
    assert!(from_request.ok(), "{}", from_request.stderr);
    assert_eq!(
        from_request.stderr, "",
        "priced with the same catalog: no warning"
    );
    let from_scope = compare(scope.to_str().unwrap(), OLD, "json");
    assert_eq!(from_request.stdout, from_scope.stdout);
    // Compared with a catalog other than the one the request was priced with: said so.
    let new = later_catalog_file();
    let other = compare(saved.to_str().unwrap(), new.to_str().unwrap(), "table");
    assert!(other.ok(), "{}", other.stderr);
    assert!(
        other
            .stderr
            .contains("was priced with catalog gitlab-ps 2022.11"),
        "{}",
        other.stderr
    );
    assert!(
        other.stdout.contains("Nothing changed for this scope."),
        "{}",
        other.stdout
    );
}

#[test]
fn wrong_uses_are_refused() {
    let scope = temp_file("scope.json", SCOPE);
    let path = scope.to_str().unwrap();
    let markdown = scopecraft(&["quote", path, "--format", "markdown"], None);
    assert_eq!(markdown.code, 1);
    assert!(
        markdown
            .stderr
            .contains("--format markdown needs --compare-with"),
        "{}",
        markdown.stderr
    );
    let explain = scopecraft(&["quote", path, "--explain", "--compare-with", OLD], None);
    assert_eq!(explain.code, 2, "{}", explain.stderr);
    // A scope the old catalog cannot price (a field its model does not read) names the field.
    let bad = temp_file(
        "bad.json",
        r#"{"items": [{"sku": "GL-JENKINS", "hours": 3}]}"#,
    );
    let run = compare(bad.to_str().unwrap(), OLD, "table");
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("items[0].hours"), "{}", run.stderr);
}
