//! The `scopecraft` binary as a user runs it: exit codes, stdout, stderr.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::{Path, PathBuf};

use support::{repo_root, scopecraft, temp_file};

fn gitlab_services_yml() -> PathBuf {
    if let Some(dir) = std::env::var_os("SCOPECRAFT_SHARED") {
        let dir = PathBuf::from(dir);
        for candidate in [
            dir.join("reference/gitlab-services.yml"),
            dir.join("gitlab-services.yml"),
        ] {
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    let start = Path::new(env!("CARGO_MANIFEST_DIR"));
    start
        .ancestors()
        .map(|a| a.join("shared/reference/gitlab-services.yml"))
        .find(|p| p.is_file())
        .expect("GitLab's services.yml was not found: set SCOPECRAFT_SHARED to the shared folder")
}

#[test]
fn embedded_catalog_passes_check() {
    let out = scopecraft(&["catalog", "check"], None);
    assert!(out.ok(), "{}", out.stderr);
    let stdout = out.stdout;
    assert!(stdout.contains(": ok — catalog gitlab-ps"), "{stdout}");
    assert!(stdout.contains("price books (USD, EUR)"), "{stdout}");
}

#[test]
fn check_reports_every_problem_with_file_line_and_offering() {
    let toml = br#"format = 1
id = "broken"
name = "Broken"
version = "1"
base_currency = "USD"

[[categories]]
id = "education"
name = "Education"

[[offerings]]
sku = "A"
name = "A"
category = "education"
summary = "A."
sale = "standard"
delivery = { modes = ["remote"] }
pricing = { model = "fixed" }

[[offerings]]
sku = "A"
name = "A again"
category = "nowhere"
summary = "A."
sale = "standard"
delivery = { modes = ["remote"] }
pricing = { model = "fixed" }

[[price_books]]
currency = "USD"
prices = { A = { price = "-5" } }
"#;
    let path = temp_file("broken.toml", toml);
    let out = scopecraft(&["catalog", "check", path.to_str().unwrap()], None);
    assert_eq!(Some(out.code), Some(1));
    let stderr = out.stderr;
    assert!(
        stderr.contains("broken.toml:21: offering A: offerings[1].sku: duplicate SKU"),
        "{stderr}"
    );
    assert!(stderr.contains("offerings[1].category"), "{stderr}");
    assert!(stderr.contains("price_books[0].prices.A.price"), "{stderr}");
    assert!(stderr.contains("problems found"), "{stderr}");
}

#[test]
fn syntax_errors_name_the_line() {
    let path = temp_file("bad.toml", b"format = 1\nid = \"x\"\nname = \n");
    let out = scopecraft(&["catalog", "check", path.to_str().unwrap()], None);
    assert_eq!(Some(out.code), Some(1));
    let stderr = out.stderr;
    assert!(stderr.contains("bad.toml:3"), "{stderr}");
}

#[test]
fn imports_gitlab_services_yml_into_a_catalog_that_passes_check() {
    let yml = gitlab_services_yml();
    let out = scopecraft(&["catalog", "import-gitlab", yml.to_str().unwrap()], None);
    assert!(out.ok(), "{}", out.stderr);
    let stderr = out.stderr;
    assert!(
        stderr.contains("training_sessions_admin") && stderr.contains("skipped: no SKU"),
        "{stderr}"
    );
    assert!(stderr.contains("Dedicated-12"), "{stderr}");
    assert!(stderr.contains("`$14,400` read as 14400"), "{stderr}");
    let warnings = stderr.lines().filter(|l| l.starts_with("warning:")).count();
    assert!(warnings >= 10, "{warnings} warnings");
    let imported = temp_file("imported.toml", &out.stdout);
    let check = scopecraft(&["catalog", "check", imported.to_str().unwrap()], None);
    assert!(check.ok(), "{}", check.stderr);
    // And it prices.
    let scope = br#"{"items": [{"sku": "GL-XPRT", "quantity": 2}]}"#;
    let quote = scopecraft(
        &[
            "quote",
            "-",
            "--catalog",
            imported.to_str().unwrap(),
            "--format",
            "json",
        ],
        Some(scope),
    );
    assert!(quote.ok(), "{}", quote.stderr);
    let json: serde_json::Value = serde_json::from_str(&quote.stdout).unwrap();
    assert_eq!(json["total"]["low"], "28800.00");
}

#[test]
fn show_lists_offerings_with_list_prices() {
    let out = scopecraft(&["catalog", "show", "--format", "json"], None);
    assert!(out.ok(), "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let offerings = json["offerings"].as_array().unwrap();
    let find = |sku: &str| offerings.iter().find(|o| o["sku"] == sku).unwrap().clone();
    assert_eq!(
        find("GL-CICD-R")["list_price_text"],
        "USD 5,000.00 per class"
    );
    assert_eq!(
        find("GL-XPRT")["list_price_text"],
        "USD 14,400.00 per block"
    );
    assert_eq!(find("PS-HEALTH-CHECK")["list_price_text"], "custom quote");
    let table = scopecraft(&["catalog", "show", "--currency", "EUR"], None);
    assert!(table.stdout.contains("EUR 13,970.00 per block"));
    let bad = scopecraft(&["catalog", "show", "--currency", "GBP"], None);
    assert_eq!(Some(bad.code), Some(1));
    assert!(bad.stderr.contains("available: USD, EUR"));
}

#[test]
fn quotes_the_documented_example() {
    let out = scopecraft(
        &[
            "quote",
            "tests/scenarios/acme-mixed.json",
            "--format",
            "json",
        ],
        None,
    );
    assert!(out.ok(), "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["currency"], "USD");
    assert_eq!(json["lines"][0]["sku"], "GL-CICD-R");
    assert_eq!(json["lines"][0]["quantity"], 3);
    assert_eq!(json["lines"][0]["net"]["low"], "17000.00");
    assert!(json["lines"][0]["trace"].as_array().unwrap().len() >= 3);
    assert_eq!(json["subtotal"]["low"], "178880.00");
    assert_eq!(json["discount"]["amount"]["low"], "8944.00");
    assert_eq!(
        json["total"],
        serde_json::json!({"low": "169936.00", "high": "179436.00"})
    );
    assert_eq!(json["expenses_estimate"]["low"], "3100.00");
    assert_eq!(json["requires_custom_sow"], true);
    assert_eq!(json["approvals"][0]["label"], "TA::Needs-Review");
    assert_eq!(json["catalog"]["id"], "gitlab-ps");
    // Byte-identical on a second run, and the same from stdin.
    let again = scopecraft(
        &[
            "quote",
            "tests/scenarios/acme-mixed.json",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.stdout, again.stdout);
    let scope = std::fs::read(repo_root().join("tests/scenarios/acme-mixed.json")).unwrap();
    let piped = scopecraft(&["quote", "-", "--format", "json"], Some(&scope));
    assert_eq!(out.stdout, piped.stdout);
    // The table says the same numbers.
    let table = scopecraft(
        &["quote", "tests/scenarios/acme-mixed.json", "--explain"],
        None,
    );
    let table = table.stdout;
    assert!(table.contains("USD 169,936.00 – 179,436.00"), "{table}");
    assert!(table.contains("3 classes"), "{table}");
    assert!(table.contains("Cheapest way to seat them"), "{table}");
}

#[test]
fn bad_scopes_name_the_field_and_produce_no_total() {
    let cases: &[(&[u8], &str)] = &[
        (
            br#"{"items": [{"sku": "GL-BAS-R"}, {"sku": "GL-XPRT"}, {"sku": "GL-CICD-R", "attendees": "abc"}]}"#,
            r#"items[2].attendees: expected a whole number ≥ 0, got "abc""#,
        ),
        (br#"{"items": [{"sku": "GL-NOPE"}]}"#, r#"items[0].sku: unknown SKU "GL-NOPE""#),
        (br#"{"items": [{"sku": "GL-XPRT", "hours": -4}]}"#, "items[0].hours:"),
        (br#"{"items": [{"sku": "GL-XPRT", "discount_percent": "101"}]}"#, "items[0].discount_percent: 101 is out of range"),
        (br#"{"currency": "ZZZ", "items": []}"#, "currency: unknown currency \"ZZZ\""),
        (br#"{"items": [{"sku": "GL-BAS-R", "delivery": "on_site"}]}"#, "for on-site delivery use GL-BAS"),
        (br#"{"items": [{"sku": "GL-XPRT", "quantity": 99999999999}]}"#, "items[0].quantity: 99,999,999,999 is too large"),
        (b"{\"items\": [", "not valid JSON"),
        (b"\xff\xfe{}", "not valid UTF-8"),
    ];
    for (scope, expected) in cases {
        let out = scopecraft(&["quote", "-", "--format", "json"], Some(scope));
        assert_eq!(Some(out.code), Some(1), "{expected}");
        assert!(out.stdout.is_empty(), "a total was printed for {expected}");
        let stderr = out.stderr;
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in {stderr}"
        );
    }
}

#[test]
fn missing_files_and_bad_flags_are_explained() {
    let out = scopecraft(&["quote", "no-such-scope.json"], None);
    assert_eq!(Some(out.code), Some(1));
    assert!(out.stderr.contains("no-such-scope.json: cannot read"));
    let out = scopecraft(
        &[
            "quote",
            "tests/scenarios/acme-mixed.json",
            "--as-of",
            "2026-02-30",
        ],
        None,
    );
    assert_eq!(Some(out.code), Some(1));
    assert!(
        out.stderr
            .contains("--as-of: expected a date as YYYY-MM-DD")
    );
    let out = scopecraft(&["quote"], None);
    assert_eq!(Some(out.code), Some(2));
}
