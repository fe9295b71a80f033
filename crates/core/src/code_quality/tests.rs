use super::*;
use crate::catalog::{Catalog, GITLAB_CATALOG_TOML, check};

fn gitlab() -> CatalogData {
    Catalog::gitlab().unwrap().data().clone()
}

#[test]
fn check_names_are_the_shape_of_the_field() {
    assert_eq!(
        lint_check_name("offerings[3].prerequisites.skus[0]"),
        "offerings[].prerequisites.skus[]"
    );
    assert_eq!(
        lint_check_name("price_books[0].prices.GL-XPRT.price"),
        "price_books[].prices.*.price"
    );
    assert_eq!(
        lint_check_name("price_books[1].rate_card.engineer.bill"),
        "price_books[].rate_card.*.bill"
    );
    assert_eq!(
        lint_check_name("price_books[0].prices.GL-MIG-SM-SAAS.table[1][2]"),
        "price_books[].prices.*.table[][]"
    );
    assert_eq!(lint_check_name("base_currency"), "base_currency");
}

#[test]
fn stable_fields_name_entries_by_key() {
    let data = gitlab();
    let sku = &data.offerings[3].sku;
    assert_eq!(
        stable_field_path("offerings[3].pricing.capacity", &data),
        format!("offerings[{sku}].pricing.capacity")
    );
    assert_eq!(
        stable_field_path("price_books[1].conversion.rate", &data),
        "price_books[EUR].conversion.rate"
    );
    let phase = &data.plan.as_ref().unwrap().phases[0].id;
    assert_eq!(
        stable_field_path("plan.phases[0].weeks", &data),
        format!("plan.phases[{phase}].weeks")
    );
    // Past the end, or not a list: unchanged.
    assert_eq!(
        stable_field_path("offerings[999].sku", &data),
        "offerings[999].sku"
    );
    assert_eq!(stable_field_path("sow.template", &data), "sow.template");
}

/// The embedded catalog with one offering's category broken.
fn broken(text: &str) -> (Vec<LintIssue>, CatalogData) {
    let issues = check("catalog.toml", text).unwrap();
    let (data, _) = crate::catalog::parse("catalog.toml", text).unwrap();
    (issues, data)
}

#[test]
fn fingerprints_survive_edits_elsewhere_in_the_file() {
    let bad = GITLAB_CATALOG_TOML.replacen("category = \"migration\"", "category = \"nowhere\"", 1);
    let (issues, data) = broken(&bad);
    let mut before = CodeQualityReport::new();
    before.add_lint_issues("catalog.toml", &issues, Some(&data));
    assert_eq!(before.issues().len(), 1);
    let issue = &before.issues()[0];
    assert_eq!(issue.severity, CodeQualitySeverity::Critical);
    assert_eq!(issue.check_name, "offerings[].category");
    assert_eq!(issue.location.path, "catalog.toml");
    assert!(issue.location.lines.begin > 1);
    assert!(issue.description.contains("unknown category \"nowhere\""));
    assert_eq!(issue.fingerprint.len(), 64);

    // Ten lines of comments and a new first offering move the problem down the file and
    // one place along the list; the fingerprint stays.
    let first_offering = bad.find("[[offerings]]").unwrap();
    let extra = "# a comment\n".repeat(10);
    let moved = format!(
        "{}{extra}[[offerings]]\nsku = \"PS-FIRST\"\nname = \"First\"\ncategory = \"education\"\n\
         summary = \"New.\"\nsale = \"custom_sow\"\ndelivery = {{ modes = [\"remote\"] }}\n\
         pricing = {{ model = \"custom\" }}\n\n{}",
        &bad[..first_offering],
        &bad[first_offering..]
    );
    let (issues, data) = broken(&moved);
    let mut after = CodeQualityReport::new();
    after.add_lint_issues("catalog.toml", &issues, Some(&data));
    assert_eq!(after.issues().len(), 1);
    assert_ne!(
        after.issues()[0].location.lines.begin,
        issue.location.lines.begin
    );
    assert_eq!(after.issues()[0].fingerprint, issue.fingerprint);

    // Another file, another fingerprint.
    let mut elsewhere = CodeQualityReport::new();
    let (issues, data) = broken(&bad);
    elsewhere.add_lint_issues("other.toml", &issues, Some(&data));
    assert_ne!(elsewhere.issues()[0].fingerprint, issue.fingerprint);
}

#[test]
fn repeated_checks_on_one_field_get_their_own_fingerprints() {
    let issue = LintIssue {
        file: "catalog.toml".to_string(),
        line: Some(3),
        offering: None,
        field: "base_currency".to_string(),
        message: "one".to_string(),
    };
    let second = LintIssue {
        message: "two".to_string(),
        ..issue.clone()
    };
    let mut report = CodeQualityReport::new();
    report.add_lint_issues("catalog.toml", &[issue, second], None);
    let [first, second] = report.issues() else {
        panic!("two issues")
    };
    assert_ne!(first.fingerprint, second.fingerprint);
}

#[test]
fn syntax_errors_are_blockers_and_the_json_is_what_gitlab_reads() {
    let error = crate::catalog::load("catalog.toml", "format = 1\nid = \n").unwrap_err();
    let mut report = CodeQualityReport::new();
    report.add_catalog_error("catalog.toml", &error, None);
    let value: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let issue = &value[0];
    assert_eq!(issue["severity"], "blocker");
    assert_eq!(issue["check_name"], "syntax");
    assert_eq!(issue["location"]["path"], "catalog.toml");
    assert_eq!(issue["location"]["lines"]["begin"], 2);
    assert!(issue["description"].as_str().unwrap().len() > 5);
    assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 64);
    assert_eq!(
        issue.as_object().unwrap().keys().collect::<Vec<_>>(),
        [
            "check_name",
            "description",
            "fingerprint",
            "location",
            "severity"
        ]
    );
    assert_eq!(CodeQualityReport::new().to_json(), "[]");
}
