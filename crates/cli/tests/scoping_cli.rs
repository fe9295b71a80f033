//! `scopecraft recommend` and `scopecraft plan`, run as the built binary on the scenario
//! files in `tests/scenarios/`: exit codes, output shape and error messages.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::Value;
use support::{Run, scenario};

/// Runs the binary from the repository root, with `stdin` piped in when given.
fn scopecraft(args: &[&str], stdin: Option<&str>) -> Run {
    support::scopecraft(args, stdin.map(str::as_bytes))
}

fn json(run: &Run) -> Value {
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|r| r["id"].as_str().expect("an id"))
        .collect()
}

#[test]
fn recommend_prints_suggestions_warnings_and_missing_answers_as_json() {
    let run = scopecraft(
        &[
            "recommend",
            &scenario("migration-self-managed-to-gitlab-com"),
        ],
        None,
    );
    let out = json(&run);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(out["currency"], "USD");
    assert_eq!(out["catalog"]["id"], "gitlab-ps");
    assert_eq!(
        ids(&out["recommended"]),
        [
            "migration-self-managed-to-saas",
            "migration-saas-activities",
            "migration-saas-sso",
            "migration-ci-conversion"
        ]
    );
    let rom = &out["recommended"][0];
    assert_eq!(rom["kind"], "add");
    assert_eq!(rom["decision"], "pending");
    assert_eq!(rom["items"][0]["sku"], "GL-MIG-SM-SAAS");
    assert_eq!(rom["items"][0]["scope_item"]["sku"], "GL-MIG-SM-SAAS");
    // Amounts are decimal strings at the currency's scale.
    assert_eq!(rom["price"]["low"], "99000.00");
    assert_eq!(rom["price"]["high"], "109000.00");
    assert!(
        rom["reason"]
            .as_str()
            .expect("reason")
            .contains("rough range")
    );
    assert_eq!(ids(&out["warnings"]), ["migration-ci-jobs"]);
    assert!(ids(&out["notes"]).contains(&"migration-out-of-scope"));
    assert_eq!(out["migration_waves"]["waves"]["from"], 9);
    assert_eq!(out["migration_waves"]["waves"]["to"], 13);
    assert_eq!(out["missing_required"], Value::Array(Vec::new()));
    assert_eq!(out["answered_required"], 3);
    assert_eq!(out["total_required"], 3);
}

#[test]
fn recommend_lists_missing_required_answers_and_reads_stdin() {
    let scope =
        r#"{"service_types": ["migration"], "answers": {"migration.destination": "gitlab_com"}}"#;
    let out = json(&scopecraft(&["recommend", "-"], Some(scope)));
    let missing: Vec<&str> = out["missing_required"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|m| m["question"].as_str().expect("an id"))
        .collect();
    assert_eq!(
        missing,
        [
            "migration.users",
            "migration.repositories",
            "migration.large_repositories"
        ]
    );
    assert_eq!(out["missing_required"][0]["section"], "migration");
    assert_eq!(out["total_required"], 3);
}

#[test]
fn recommend_derives_classes_and_seat_add_ons() {
    let out = json(&scopecraft(
        &["recommend", &scenario("education-cicd-40")],
        None,
    ));
    let item = &out["recommended"][0]["items"][0];
    assert_eq!(item["sku"], "GL-CICD-R");
    assert_eq!(item["quantity"], 3);
    assert_eq!(item["scope_item"]["attendees"], 40);
    assert_eq!(item["components"][1]["sku"], "SRV-PERSEAT-R");
    assert_eq!(item["components"][1]["quantity"], "4");
    assert_eq!(item["price"]["low"], "17000.00");
}

#[test]
fn recommend_output_is_byte_identical_between_runs() {
    let args = [
        "recommend",
        "tests/scenarios/implementation-aws-ha-3250.json",
    ];
    let first = scopecraft(&args, None);
    let second = scopecraft(&args, None);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.stdout, second.stdout);
    assert!(first.stdout.starts_with("{\n  \"catalog\": {"));
}

#[test]
fn recommend_refuses_invalid_answers_naming_each() {
    let scope = r#"{"service_types": ["implementation"],
        "items": [{"sku": "GL-NOPE"}],
        "answers": {"implementation.target": "mars", "implementation.users": 0}}"#;
    let run = scopecraft(&["recommend", "-"], Some(scope));
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .starts_with("error: <stdin>: the scope was refused (3 problems):"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(
        "answers.implementation.target: \"mars\" is not a choice of \"Where will GitLab run?\""
    ));
    assert!(
        run.stderr
            .contains("answers.implementation.users: 0 is below")
    );
    assert!(run.stderr.contains("items[0].sku: unknown SKU \"GL-NOPE\""));
}

#[test]
fn recommend_needs_a_readable_scope() {
    let run = scopecraft(&["recommend", "tests/scenarios/no-such-file.json"], None);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
    let run = scopecraft(&["recommend"], None);
    assert_eq!(run.code, 2, "a missing argument is a usage error");
}

#[test]
fn plan_as_a_table_by_default() {
    let run = scopecraft(
        &["plan", &scenario("migration-self-managed-to-gitlab-com")],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = &run.stdout;
    assert!(text.starts_with("Implementation plan for Acme Corp — catalog gitlab-ps"));
    assert!(text.contains("Work usually starts 4–6 weeks after signature."));
    assert!(text.contains("Kick-off and discovery"));
    assert!(text.contains("Migrate in waves"));
    // 9–13 waves of a week, plus 13 repositories over 5 GB at 2 a day: 7 days, 1.4 weeks.
    assert!(text.contains("weeks 3–13 after kick-off (weeks 3–17 at the latest)"));
    assert!(text.contains("Total: 14–18 weeks from kick-off to hand-off."));
    assert!(text.contains("What the customer needs ready:"));
    assert!(!text.contains("Dates"), "no dates without --signed-on");
}

#[test]
fn plan_as_json_with_a_signature_date() {
    let out = json(&scopecraft(
        &[
            "plan",
            &scenario("implementation-gcp-small"),
            "--signed-on",
            "2026-03-02",
            "--format",
            "json",
        ],
        None,
    ));
    assert_eq!(out["signed_on"], "2026-03-02");
    assert_eq!(out["kickoff"]["earliest"], "2026-03-30");
    assert_eq!(out["kickoff"]["latest"], "2026-04-13");
    assert_eq!(out["lead_time_weeks"]["from"], 4);
    let phases: Vec<&str> = out["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .map(|p| p["id"].as_str().expect("id"))
        .collect();
    // The scenario has no items yet: only the phases that always run.
    assert_eq!(phases, ["kickoff", "design", "handoff"]);
    assert_eq!(out["phases"][0]["when"], "week 1 after kick-off");
    assert_eq!(out["phases"][0]["dates"]["start"]["earliest"], "2026-03-30");
    assert!(
        out["phases"][0]["prerequisites"]
            .as_array()
            .expect("prerequisites")
            .iter()
            .any(|p| p.as_str().is_some_and(|p| p.contains("purchase order")))
    );
}

#[test]
fn plan_as_markdown() {
    let scope = r#"{"items": [{"sku": "GL-IMPL-QS"}, {"sku": "PS-CUSTOM-IMPL", "effort": {"architect": 16, "engineer": 64}}]}"#;
    let run = scopecraft(&["plan", "-", "--format", "markdown"], Some(scope));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("## Implementation plan\n\n"));
    assert!(
        run.stdout
            .contains("| # | Phase | When | Weeks | Delivers | Customer prerequisites |\n")
    );
    assert!(
        run.stdout
            .contains("| 3 | Deploy | weeks 3–4 after kick-off | 2 |")
    );
    assert!(run.stdout.contains("| Technical architect | 16 |"));
    assert!(run.stdout.contains("| **Total** | **80** |"));
}

#[test]
fn plan_refuses_a_bad_signature_date_as_a_usage_error() {
    for bad in ["2026-02-30", "02/03/2026", "soon"] {
        let run = scopecraft(
            &[
                "plan",
                &scenario("implementation-gcp-small"),
                "--signed-on",
                bad,
            ],
            None,
        );
        assert_eq!(run.code, 2, "{bad}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "invalid value '{bad}' for '--signed-on <YYYY-MM-DD>'"
            )),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("expected a date as YYYY-MM-DD"));
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn plan_refuses_unknown_items_and_formats() {
    let run = scopecraft(&["plan", "-"], Some(r#"{"items": [{"sku": "GL-NOPE"}]}"#));
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("items[0].sku: unknown SKU \"GL-NOPE\""),
        "{}",
        run.stderr
    );
    let run = scopecraft(
        &[
            "plan",
            &scenario("implementation-gcp-small"),
            "--format",
            "pdf",
        ],
        None,
    );
    assert_eq!(run.code, 2);
}
