//! What a catalog merge request is reviewed with, as a user runs it: `scopecraft catalog
//! diff` (table, Markdown, JSON; exit status 3 when a price changed) and `scopecraft catalog
//! check --format json | codequality`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use support::Run;

use serde_json::Value;

fn scopecraft(args: &[&str], stdin: Option<&str>) -> Run {
    support::scopecraft(args, stdin.map(str::as_bytes))
}

fn temp_file(name: &str, contents: &str) -> String {
    support::temp_file(name, contents)
        .to_str()
        .unwrap()
        .to_string()
}

const GITLAB: &str = "crates/core/catalogs/gitlab.toml";

/// The embedded catalog with `from` replaced by `to` (which must occur once).
fn edited(from: &str, to: &str) -> String {
    let text = scopecraft::GITLAB_CATALOG_TOML;
    assert_eq!(text.matches(from).count(), 1, "{from:?}");
    text.replacen(from, to, 1)
}

fn one_price_changed() -> String {
    temp_file(
        "catalog.toml",
        &edited(
            "\"GL-XPRT\" = { price = \"14400\" }",
            "\"GL-XPRT\" = { price = \"15120\" }",
        ),
    )
}

#[test]
fn one_changed_price_is_the_only_line_and_exits_3() {
    let new = one_price_changed();
    let out = scopecraft(&["catalog", "diff", GITLAB, &new], None);
    assert_eq!(Some(out.code), Some(3), "{}", out.stderr.clone());
    let text = out.stdout.clone();
    assert!(text.contains("1 price changed."), "{text}");
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("USD ")).collect();
    assert_eq!(
        rows,
        ["USD   GL-XPRT  price   USD 14,400.00  USD 15,120.00   +5.0%"],
        "{text}"
    );
    // Nothing but the prices section.
    for section in [
        "Offerings",
        "Questions",
        "Recommendation rules",
        "Approval rules",
    ] {
        assert!(!text.lines().any(|l| l == section), "{section}: {text}");
    }
}

#[test]
fn the_same_catalog_exits_0_in_every_format() {
    for format in ["table", "markdown", "json"] {
        let out = scopecraft(
            &["catalog", "diff", GITLAB, GITLAB, "--format", format],
            None,
        );
        assert_eq!(Some(out.code), Some(0), "{format}: {}", out.stderr.clone());
        assert!(out.stderr.clone().is_empty());
    }
    let out = scopecraft(&["catalog", "diff", GITLAB, GITLAB], None);
    assert!(
        out.stdout
            .clone()
            .contains("The two catalogs are identical.")
    );
}

#[test]
fn a_question_change_is_listed_and_is_not_a_price_change() {
    let question = "text = \"How many people will use the instance?\"";
    let new = temp_file(
        "catalog.toml",
        &edited(
            question,
            "text = \"How many people will use the new instance?\"",
        ),
    );
    let out = scopecraft(&["catalog", "diff", GITLAB, &new], None);
    assert_eq!(Some(out.code), Some(0), "{}", out.stderr.clone());
    let text = out.stdout.clone();
    assert!(text.contains("No price changed."), "{text}");
    assert!(text.lines().any(|l| l == "Questions"), "{text}");
    let row = text
        .lines()
        .find(|l| l.starts_with("changed "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.contains("How many people will use the new instance?"),
        "{row}"
    );
    assert!(row.ends_with(" text"), "{row}");
}

#[test]
fn added_and_removed_offerings_are_listed_with_their_prices() {
    let extra = "[[offerings]]\nsku = \"PS-NEW\"\nname = \"A new workshop\"\n\
                 category = \"consulting\"\nsummary = \"New.\"\nsale = \"custom_sow\"\n\
                 delivery = { modes = [\"remote\"] }\npricing = { model = \"fixed\" }\n\n";
    let text = scopecraft::GITLAB_CATALOG_TOML;
    let first = text.find("[[offerings]]").unwrap();
    let with_extra = format!("{}{extra}{}", &text[..first], &text[first..]).replacen(
        "\"GL-XPRT\" = { price = \"14400\" }",
        "\"GL-XPRT\" = { price = \"14400\" }\n\"PS-NEW\" = { price = \"999.5\" }",
        1,
    );
    let bigger = temp_file("catalog.toml", &with_extra);
    let check = scopecraft(&["catalog", "check", &bigger], None);
    assert_eq!(Some(check.code), Some(0), "{}", check.stderr.clone());

    let out = scopecraft(&["catalog", "diff", GITLAB, &bigger], None);
    assert_eq!(Some(out.code), Some(3));
    let shown = out.stdout.clone();
    assert!(
        shown.lines().any(|l| l.starts_with("added ")
            && l.contains("PS-NEW")
            && l.contains("A new workshop")),
        "{shown}"
    );
    assert!(
        shown.lines().any(|l| l.starts_with("USD ")
            && l.contains("PS-NEW")
            && l.contains("USD 999.50")
            && l.ends_with("added")),
        "{shown}"
    );

    let out = scopecraft(
        &["catalog", "diff", &bigger, GITLAB, "--format", "json"],
        None,
    );
    assert_eq!(Some(out.code), Some(3));
    let diff: Value = serde_json::from_str(&out.stdout.clone()).unwrap();
    assert_eq!(diff["offerings"]["removed"][0]["id"], "PS-NEW");
    assert_eq!(diff["prices"][0]["key"], "PS-NEW");
    assert_eq!(diff["prices"][0]["old"], "999.50");
    assert_eq!(diff["prices"][0]["new"], Value::Null);
}

#[test]
fn the_json_is_the_documented_document() {
    let new = one_price_changed();
    let out = scopecraft(&["catalog", "diff", GITLAB, &new, "--format", "json"], None);
    assert_eq!(Some(out.code), Some(3));
    let diff: Value = serde_json::from_str(&out.stdout.clone()).unwrap();
    assert_eq!(diff["format"], "scopecraft.catalog-diff/1");
    assert_eq!(diff["prices_changed"], true);
    assert_eq!(diff["old"]["id"], "gitlab-ps");
    assert_eq!(diff["old"]["hash"].as_str().unwrap().len(), 64);
    assert_ne!(diff["old"]["hash"], diff["new"]["hash"]);
    assert_eq!(
        diff["prices"],
        serde_json::json!([{
            "currency": "USD",
            "minor_units": 2,
            "kind": "offering",
            "key": "GL-XPRT",
            "cell": "price",
            "label": "price",
            "old": "14400.00",
            "new": "15120.00",
            "change_percent": "5.0",
        }])
    );
    for list in [
        "price_books",
        "offerings",
        "questions",
        "recommendations",
        "approvals",
        "categories",
    ] {
        assert_eq!(
            diff[list],
            serde_json::json!({ "added": [], "removed": [], "changed": [], "reordered": false }),
            "{list}"
        );
    }
    assert_eq!(diff["settings"], serde_json::json!([]));
}

#[test]
fn the_markdown_is_a_merge_request_comment_with_a_price_table() {
    let new = one_price_changed();
    let out = scopecraft(
        &["catalog", "diff", GITLAB, &new, "--format", "markdown"],
        None,
    );
    assert_eq!(Some(out.code), Some(3));
    let markdown = out.stdout.clone();
    assert!(markdown.starts_with("## Catalog changes: gitlab-ps 2022.11 → gitlab-ps 2022.11\n"));
    assert!(markdown.contains("\n**1 price changed.**\n"));
    assert!(markdown.contains(
        "\n| Book | Item | Amount | Old | New | Change |\n| --- | --- | --- | ---: | ---: | ---: |\n\
         | USD | GL-XPRT | price | USD 14,400.00 | USD 15,120.00 | +5.0% |\n"
    ));
}

#[test]
fn one_side_can_come_from_stdin_but_not_both() {
    let new = edited(
        "\"GL-XPRT\" = { price = \"14400\" }",
        "\"GL-XPRT\" = { price = \"15120\" }",
    );
    let out = scopecraft(&["catalog", "diff", GITLAB, "-"], Some(&new));
    assert_eq!(Some(out.code), Some(3), "{}", out.stderr.clone());
    let out = scopecraft(
        &["catalog", "diff", "-", GITLAB],
        Some(scopecraft::GITLAB_CATALOG_TOML),
    );
    assert_eq!(Some(out.code), Some(0), "{}", out.stderr.clone());
    let out = scopecraft(&["catalog", "diff", "-", "-"], Some(""));
    assert_eq!(Some(out.code), Some(2));
    assert!(out.stderr.clone().contains("only one of OLD and NEW"));
}

#[test]
fn a_refused_catalog_exits_1_with_its_problems() {
    let out = scopecraft(
        &[
            "catalog",
            "diff",
            GITLAB,
            "tests/bad-inputs/catalog-dangling-category.toml",
        ],
        None,
    );
    assert_eq!(Some(out.code), Some(1));
    assert!(out.stdout.clone().is_empty());
    assert!(out.stderr.clone().contains("unknown category \"nowhere\""));
}

// catalog check --format ---------------------------------------------------------------------

const BROKEN: &str = "tests/bad-inputs/catalog-duplicate-sku.toml";

#[test]
fn code_quality_lists_every_problem_where_gitlab_shows_it() {
    let text = scopecraft(&["catalog", "check", BROKEN], None);
    let out = scopecraft(
        &["catalog", "check", BROKEN, "--format", "codequality"],
        None,
    );
    assert_eq!(Some(out.code), Some(1));
    // The text report is unchanged, on stderr.
    assert_eq!(out.stderr.clone(), text.stderr.clone());
    let report: Value = serde_json::from_str(&out.stdout.clone()).unwrap();
    let issues = report.as_array().unwrap();
    assert_eq!(issues.len(), 4);
    let lines: Vec<u64> = issues
        .iter()
        .map(|i| i["location"]["lines"]["begin"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [21, 25, 30, 120]);
    let mut fingerprints: Vec<&str> = Vec::new();
    for issue in issues {
        assert_eq!(issue["location"]["path"], BROKEN);
        assert_eq!(issue["severity"], "critical");
        let fingerprint = issue["fingerprint"].as_str().unwrap();
        assert_eq!(fingerprint.len(), 64);
        assert!(fingerprint.bytes().all(|b| b.is_ascii_hexdigit()));
        fingerprints.push(fingerprint);
        let description = issue["description"].as_str().unwrap();
        assert!(out.stderr.clone().contains(description), "{description}");
    }
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), 4, "every fingerprint is different");
    assert_eq!(issues[1]["check_name"], "offerings[].sku");
    assert_eq!(issues[3]["check_name"], "price_books[].prices.*");
}

#[test]
fn code_quality_of_a_good_catalog_is_an_empty_list() {
    let out = scopecraft(
        &["catalog", "check", GITLAB, "--format", "codequality"],
        None,
    );
    assert_eq!(Some(out.code), Some(0));
    assert_eq!(out.stdout.clone(), "[]\n");
    assert!(
        out.stderr
            .clone()
            .contains(": ok — catalog gitlab-ps 2022.11")
    );
}

#[test]
fn code_quality_reports_a_file_that_does_not_parse_as_a_blocker() {
    let out = scopecraft(
        &[
            "catalog",
            "check",
            "tests/bad-inputs/catalog-malformed.toml",
            "--format",
            "codequality",
        ],
        None,
    );
    assert_eq!(Some(out.code), Some(1));
    let report: Value = serde_json::from_str(&out.stdout.clone()).unwrap();
    assert_eq!(report[0]["severity"], "blocker");
    assert_eq!(report[0]["check_name"], "syntax");
    assert_eq!(report[0]["location"]["lines"]["begin"], 3);
}

#[test]
fn check_json_lists_the_problems_by_field() {
    let out = scopecraft(&["catalog", "check", BROKEN, "--format", "json"], None);
    assert_eq!(Some(out.code), Some(1));
    let report: Value = serde_json::from_str(&out.stdout.clone()).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["file"], BROKEN);
    assert_eq!(report["catalog"], Value::Null);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 4);
    assert_eq!(errors[1]["field"], "offerings[1].sku");
    assert_eq!(errors[1]["offering"], "GL-BAS-R");
    assert_eq!(errors[1]["line"], 25);
    assert!(
        errors[1]["message"]
            .as_str()
            .unwrap()
            .starts_with("duplicate SKU")
    );

    let out = scopecraft(&["catalog", "check", "--format", "json"], None);
    assert_eq!(Some(out.code), Some(0));
    let report: Value = serde_json::from_str(&out.stdout.clone()).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["catalog"]["id"], "gitlab-ps");
    assert_eq!(report["errors"], serde_json::json!([]));
}
