//! `scopecraft sow-request`, `sow-draft` and `schema` as a user runs them, with the
//! payloads checked against the committed JSON Schema.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use support::{Run, repo_root};

const AT: &str = "2026-11-26T09:00:00Z";

fn scopecraft(args: &[&str]) -> Run {
    support::scopecraft(args, None)
}

fn ok(args: &[&str]) -> String {
    let output = scopecraft(args);
    assert!(output.ok(), "{args:?} failed: {}", output.stderr);
    output.stdout.clone()
}

/// Realistic scopes: complete ones, and incomplete ones sent with --allow-incomplete.
const SCOPES: &[(&str, bool)] = &[
    (
        "tests/scenarios/sow-public-sector-implementation.json",
        false,
    ),
    ("tests/scenarios/sow-education-basics-remote.json", false),
    ("tests/scenarios/sow-eur-migration.json", false),
    ("tests/scenarios/sow-hostile-text.json", true),
    ("tests/scenarios/acme-mixed.json", true),
    (
        "tests/scenarios/migration-self-managed-to-gitlab-com.json",
        true,
    ),
    ("tests/scenarios/implementation-aws-ha-3250.json", true),
];

fn payload(scope: &str, incomplete: bool) -> String {
    let mut args = vec!["sow-request", scope, "--generated-at", AT];
    if incomplete {
        args.push("--allow-incomplete");
    }
    ok(&args)
}

#[test]
fn the_committed_schemas_are_the_ones_the_types_generate() {
    for name in ["sow-request", "catalog", "scope"] {
        let path = format!("schemas/{name}.schema.json");
        let committed = std::fs::read_to_string(repo_root().join(&path))
            .unwrap_or_else(|_| panic!("{path} is committed"));
        let generated = ok(&["schema", name]);
        assert!(
            committed == generated,
            "{path} is stale: regenerate it with \
             `cargo run -p scopecraft-cli -- schema {name} > {path}`"
        );
    }
}

#[test]
fn real_payloads_validate_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&ok(&["schema", "sow-request"])).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for &(scope, incomplete) in SCOPES {
        let value: serde_json::Value = serde_json::from_str(&payload(scope, incomplete)).unwrap();
        assert_eq!(value["schema"], "scopecraft.sow-request/1");
        let problems: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{scope}: {problems:#?}");
    }
    // And the validator does reject a payload that breaks the schema.
    let mut broken: serde_json::Value = serde_json::from_str(&payload(SCOPES[0].0, false)).unwrap();
    broken["gitlab"]["confidential"] = serde_json::Value::String("yes".into());
    assert!(!validator.is_valid(&broken));
}

#[test]
fn the_payload_quote_is_exactly_what_quote_prints() {
    for &(scope, incomplete) in SCOPES {
        let value: serde_json::Value = serde_json::from_str(&payload(scope, incomplete)).unwrap();
        let quote: serde_json::Value =
            serde_json::from_str(&ok(&["quote", scope, "--format", "json"])).unwrap();
        assert_eq!(value["quote"], quote, "{scope}");
        // The GitLab block is the body of POST /projects/:id/issues.
        let gitlab = &value["gitlab"];
        assert_eq!(gitlab["confidential"], true);
        assert!(
            gitlab["title"]
                .as_str()
                .unwrap()
                .ends_with(" - Scope Issue and Write SOW")
        );
        assert!(
            gitlab["labels"]
                .as_str()
                .unwrap()
                .starts_with("proposal::Scoping")
        );
    }
}

#[test]
fn the_same_scope_and_timestamp_give_the_same_bytes() {
    let scope = SCOPES[2].0;
    assert_eq!(payload(scope, false), payload(scope, false));
}

#[test]
fn labels_name_the_service_types_public_sector_and_reviews() {
    let value: serde_json::Value = serde_json::from_str(&payload(
        "tests/scenarios/sow-public-sector-implementation.json",
        false,
    ))
    .unwrap();
    let labels: Vec<&str> = value["gitlab"]["labels"]
        .as_str()
        .unwrap()
        .split(',')
        .collect();
    for label in [
        "proposal::Scoping",
        "Implementation",
        "Public Sector US",
        "TA::Needs-Review",
    ] {
        assert!(labels.contains(&label), "{label} missing from {labels:?}");
    }
    let value: serde_json::Value = serde_json::from_str(&payload(
        "tests/scenarios/sow-education-basics-remote.json",
        false,
    ))
    .unwrap();
    let labels = value["gitlab"]["labels"].as_str().unwrap();
    assert!(!labels.contains("Public Sector US"), "{labels}");
    assert!(!labels.contains("TA::Needs-Review"), "{labels}");
}

/// The quick actions at the end of a description: the labels, and whether it says
/// `/confidential`.
fn quick_actions(markdown: &str) -> (Vec<String>, bool) {
    let lines: Vec<&str> = markdown.trim_end().lines().collect();
    let confidential = lines.last() == Some(&"/confidential");
    let labels = lines
        .iter()
        .rev()
        .find_map(|l| l.strip_prefix("/label "))
        .map(|l| {
            l.split("~\"")
                .filter(|p| !p.trim().is_empty())
                .map(|p| p.trim().trim_end_matches('"').to_string())
                .collect()
        })
        .unwrap_or_default();
    (labels, confidential)
}

#[test]
fn markdown_and_link_are_confidential_and_labelled_like_the_api_body() {
    for (scope, incomplete) in SCOPES {
        let value: serde_json::Value = serde_json::from_str(&payload(scope, *incomplete)).unwrap();
        let api_labels: Vec<String> = value["gitlab"]["labels"]
            .as_str()
            .unwrap()
            .split(',')
            .map(String::from)
            .collect();
        assert_eq!(value["gitlab"]["confidential"], true);
        let mut args = vec![
            "sow-request",
            scope,
            "--format",
            "markdown",
            "--generated-at",
            AT,
        ];
        if *incomplete {
            args.push("--allow-incomplete");
        }
        let markdown = ok(&args);
        assert_eq!(
            quick_actions(&markdown),
            (api_labels.clone(), true),
            "{scope}"
        );
        args[3] = "url";
        let link = ok(&args);
        assert!(
            link.contains("&issue[confidential]=true&"),
            "{scope}: {link}"
        );
        let description = link.trim().split_once("&issue[description]=").unwrap().1;
        let description = percent_decode(description);
        assert_eq!(quick_actions(&description), (api_labels, true), "{scope}");
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(
                u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap(), 16).unwrap(),
            );
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn hostile_text_stays_inside_its_table_cell() {
    let markdown = ok(&[
        "sow-request",
        "tests/scenarios/sow-hostile-text.json",
        "--format",
        "markdown",
        "--generated-at",
        AT,
        "--allow-incomplete",
    ]);
    assert!(!markdown.contains("<script"), "{markdown}");
    assert!(!markdown.contains("<img"), "{markdown}");
    // Only the quick actions this tool writes, after the last blank line, start with `/`.
    let (body, ours) = markdown.rsplit_once("\n\n/label ").unwrap();
    assert!(ours.ends_with("\n/confidential\n"), "{ours}");
    for line in body.lines() {
        let trimmed = line.trim_start();
        assert!(
            !trimmed.starts_with("/close"),
            "quick action leaked: {line}"
        );
        assert!(
            !trimmed.starts_with("/label"),
            "quick action leaked: {line}"
        );
        assert!(!trimmed.starts_with("# Heading"), "heading leaked: {line}");
    }
    // The answer with pipes is one row of the scoping table.
    let row = markdown
        .lines()
        .find(|line| line.contains("99.9%"))
        .expect("the availability answer is in the table");
    assert!(row.starts_with("| ") && row.ends_with(" |"), "{row}");
    assert!(row.contains("\\|"), "pipes are escaped: {row}");
}

#[test]
fn incomplete_intake_is_refused_with_every_field_named() {
    let scope =
        std::env::temp_dir().join(format!("scopecraft-sow-intake-{}.json", std::process::id()));
    std::fs::write(
        &scope,
        r#"{"customer": {"name": ""}, "requester": {"username": "", "email": "not-an-email"},
            "service_types": ["migration"], "items": [{"sku": "GL-MIG-PLUS"}]}"#,
    )
    .unwrap();
    let path = scope.to_str().unwrap();
    let output = scopecraft(&["sow-request", path, "--generated-at", AT]);
    assert_eq!(Some(output.code), Some(1));
    assert!(output.stdout.is_empty(), "nothing is printed on refusal");
    let errors = output.stderr;
    for field in [
        "customer.name",
        "requester.username",
        "requester.email",
        "answers.migration.",
    ] {
        assert!(errors.contains(field), "{field} not named in: {errors}");
    }
    // With --allow-incomplete, the missing answers are to-do rows, but the intake fields
    // are still required.
    let output = scopecraft(&[
        "sow-request",
        path,
        "--generated-at",
        AT,
        "--allow-incomplete",
    ]);
    assert_eq!(Some(output.code), Some(1));
    let errors = output.stderr;
    assert!(
        errors.contains("customer.name") && !errors.contains("answers.migration."),
        "{errors}"
    );
    std::fs::remove_file(&scope).unwrap();
}

#[test]
fn the_new_issue_link_is_prefilled_and_carries_a_share_link() {
    let scope = "tests/scenarios/sow-education-basics-remote.json";
    let link = ok(&[
        "sow-request",
        scope,
        "--format",
        "url",
        "--gitlab-project",
        "https://gitlab.example.com/ps/scoping",
        "--generated-at",
        AT,
    ]);
    let link = link.trim();
    assert!(
        link.starts_with("https://gitlab.example.com/ps/scoping/-/issues/new?issue%5Btitle%5D=")
            || link.starts_with("https://gitlab.example.com/ps/scoping/-/issues/new?issue[title]="),
        "{link}"
    );
    assert!(link.contains("issue%5Bdescription%5D=") || link.contains("issue[description]="));
    assert!(!link.contains(' ') && !link.contains('\n'));
    assert!(link.len() <= 8000, "{}", link.len());

    // The public-sector request, whose full description would make a 12,709-character link,
    // files in one click: the link carries the short description, with a share link that
    // reopens the whole scope in the app given by --app-url.
    let link = ok(&[
        "sow-request",
        "tests/scenarios/sow-public-sector-implementation.json",
        "--format",
        "url",
        "--gitlab-project",
        "https://gitlab.example.com/ps/scoping",
        "--app-url",
        "https://scopecraft.example.com/",
        "--generated-at",
        AT,
    ]);
    let link = link.trim();
    assert!(link.len() <= 8000, "{}", link.len());
    assert!(
        link.contains("https%3A%2F%2Fscopecraft.example.com%2F%23%2Fshare%2Fs1."),
        "{link}"
    );
    let output = scopecraft(&[
        "sow-request",
        scope,
        "--format",
        "url",
        "--app-url",
        "javascript:alert(1)",
    ]);
    assert_eq!(Some(output.code), Some(2), "{}", output.stderr);
    assert!(output.stderr.contains("--app-url"), "{}", output.stderr);

    let output = scopecraft(&[
        "sow-request",
        scope,
        "--format",
        "url",
        "--gitlab-project",
        "ftp://x",
    ]);
    assert_eq!(Some(output.code), Some(2), "{}", output.stderr);
    assert!(
        output.stderr.contains("--gitlab-project"),
        "{}",
        output.stderr
    );
}

#[test]
fn the_sow_draft_renders_as_markdown_and_self_contained_html() {
    let scope = "tests/scenarios/sow-public-sector-implementation.json";
    let markdown = ok(&["sow-draft", scope, "--format", "markdown"]);
    assert!(markdown.contains("Federal Grid Authority"));
    assert!(markdown.contains("USD 96,000.00"), "{markdown}");
    let html = ok(&["sow-draft", scope, "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print") || html.contains("@page"));
    for external in ["src=", "href=\"http", "@import", "url("] {
        assert!(
            !html.contains(external),
            "external asset {external} in the draft"
        );
    }
    let hostile = ok(&[
        "sow-draft",
        "tests/scenarios/sow-hostile-text.json",
        "--format",
        "html",
    ]);
    assert!(
        !hostile.contains("<script>alert"),
        "customer text is escaped"
    );
    assert!(!hostile.contains("<img src=x"), "customer text is escaped");
}

#[test]
fn the_scheduling_intake_starts_the_lead_time_after_the_signature_date() {
    let scope = "tests/scenarios/sow-education-basics-remote.json";
    let signed = ok(&[
        "sow-request",
        scope,
        "--format",
        "scheduling-markdown",
        "--signed-on",
        "2026-12-01",
        "--generated-at",
        AT,
    ]);
    // GitLab's lead time is 4–6 weeks: 2026-12-01 + 28 days, + 42 days.
    assert!(
        signed.contains(
            "| Earliest start | 2026-12-29 (signature + 4 weeks); at the latest 2027-01-12 |"
        ),
        "{signed}"
    );
    assert!(signed.contains("| Lead time | 4–6 weeks from signature |"));
    assert!(signed.ends_with("/confidential\n"), "{signed}");
    // The payload carries the same issue and the dates as data.
    let json = ok(&[
        "sow-request",
        scope,
        "--signed-on",
        "2026-12-01",
        "--generated-at",
        AT,
    ]);
    let payload: serde_json::Value = serde_json::from_str(&json).unwrap();
    let scheduling = &payload["scheduling"];
    assert_eq!(scheduling["signed_on"], "2026-12-01");
    assert_eq!(scheduling["earliest_start"]["earliest"], "2026-12-29");
    assert_eq!(scheduling["earliest_start"]["latest"], "2027-01-12");
    assert!(signed.starts_with(scheduling["issue"]["description"].as_str().unwrap()));
    // Without a date the start is relative to signature.
    let unsigned = ok(&[
        "sow-request",
        scope,
        "--format",
        "scheduling-markdown",
        "--generated-at",
        AT,
    ]);
    assert!(
        unsigned.contains("| Earliest start | Signature + 4 weeks |"),
        "{unsigned}"
    );
    // A date that is not one is a command-line error.
    let bad = scopecraft(&["sow-request", scope, "--signed-on", "2026-13-01"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("--signed-on"), "{}", bad.stderr);
}
