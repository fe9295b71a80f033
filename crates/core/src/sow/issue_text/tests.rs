//! The hand-off is the catalog's data: another firm's catalog gets a neutral request, or its
//! own title, labels, flags and username rule; GitLab's catalog keeps its own.

use super::title;
use crate::catalog::{Catalog, load};
use crate::field_error::FieldError;
use crate::scope::Scope;
use crate::sow::{SowRequest, SowRequestError, SowRequestOptions, Timestamp, sow_request};

const OTHER_FIRM: &str = include_str!("../../../testdata/catalogs/other-firm.toml");

/// Northwind's own hand-off, appended to its catalog.
const OWN_HAND_OFF: &str = r#"
[sow.issue]
title = "SOW request: {{customer}}"
labels = ["sales::new"]
service_type_labels = { cloud = ["Cloud"] }
customer_flags = [{ id = "regulated", name = "Regulated industry", labels = ["Compliance"] }]
requester_username = { required = true, rules = "gitlab" }
"#;

/// Contoso: a landing zone (EUR 12,000) and a class (EUR 3,000), the one required answer
/// given.
fn contoso(customer: &str, requester: &str) -> Scope {
    Scope::from_json(&format!(
        r#"{{"customer": {customer}, "requester": {requester},
            "items": [{{"sku": "NW-LZ"}}, {{"sku": "NW-TRAIN"}}],
            "answers": {{"accounts": 12}}}}"#
    ))
    .unwrap()
}

fn file(catalog: &Catalog, scope: &Scope) -> Result<SowRequest, SowRequestError> {
    let options = SowRequestOptions {
        generated_at: Timestamp::parse("2026-03-31T09:30:00Z").unwrap(),
        allow_incomplete: false,
        signed_on: None,
    };
    sow_request(catalog, scope, &options)
}

fn fields(errors: &[FieldError]) -> Vec<String> {
    errors.iter().map(|e| e.field.to_string()).collect()
}

#[test]
fn another_firms_catalog_gets_a_neutral_request() {
    let catalog = load("other-firm.toml", OTHER_FIRM).unwrap();
    // No username at all: the catalog has no username rule.
    let scope = contoso(
        r#"{"name": "Contoso"}"#,
        r#"{"email": "kim@contoso.example"}"#,
    );
    let request = file(&catalog, &scope).unwrap();
    let issue = &request.gitlab;
    assert_eq!(issue.title, "Contoso - SOW request");
    assert_eq!(issue.labels, "");
    assert!(issue.confidential);
    let markdown = issue.description_with_quick_actions();
    assert!(markdown.ends_with("\n\n/confidential\n"), "{markdown}");
    assert!(!markdown.contains("/label"));
    for gitlab_only in ["US public sector", "Public Sector", "proposal::", "TA::"] {
        assert!(!markdown.contains(gitlab_only), "{gitlab_only}");
    }
    // The intake table: customer, requester (the e-mail alone), then the common rows; no
    // flag row.
    let intake: Vec<&str> = issue
        .description
        .lines()
        .skip_while(|l| !l.starts_with("| Field"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.split('|').nth(1).unwrap_or_default().trim())
        .collect();
    assert_eq!(
        intake,
        [
            "Customer",
            "Requester",
            "Service types",
            "Paperwork",
            "Requires custom SOW",
            "Intake",
            "Generated"
        ]
    );
    assert!(
        issue
            .description
            .contains("| Service types | Cloud Setup, Training |")
    );

    // A username is text under no rule: no @, no mention, and GitLab's "all" is not special.
    let scope = contoso(
        r#"{"name": "Contoso"}"#,
        r#"{"username": "all", "email": "kim@contoso.example"}"#,
    );
    let request = file(&catalog, &scope).unwrap();
    assert!(request.intake.warnings.is_empty());
    assert!(
        request
            .gitlab
            .description
            .contains("| Requester | all · kim@contoso.example |"),
        "{}",
        request.gitlab.description
    );

    // Flags this catalog does not define are refused, the older spelling included.
    let scope = contoso(
        r#"{"name": "Contoso", "public_sector_us": true, "flags": ["regulated"]}"#,
        r#"{"email": "kim@contoso.example"}"#,
    );
    let error = file(&catalog, &scope).unwrap_err();
    assert_eq!(
        fields(&error.errors),
        ["customer.flags[0]", "customer.public_sector_us"]
    );
    assert!(error.to_string().contains("it defines none"), "{error}");
}

#[test]
fn the_hand_off_follows_the_catalog() {
    let catalog = load("other-firm.toml", &format!("{OTHER_FIRM}{OWN_HAND_OFF}")).unwrap();
    let scope = contoso(
        r#"{"name": "Contoso", "flags": ["regulated"]}"#,
        r#"{"username": "kim", "email": "kim@contoso.example"}"#,
    );
    let request = file(&catalog, &scope).unwrap();
    let issue = &request.gitlab;
    assert_eq!(issue.title, "SOW request: Contoso");
    // Base label, the cloud service type's (training has none), the flag's.
    assert_eq!(issue.labels, "sales::new,Cloud,Compliance");
    assert!(
        issue
            .description
            .contains("| Requester | @kim · kim@contoso.example |")
    );
    assert!(issue.description.contains("| Regulated industry | Yes |"));
    assert!(
        issue
            .description_with_quick_actions()
            .ends_with("/label ~\"sales::new\" ~\"Cloud\" ~\"Compliance\"\n/confidential\n")
    );

    // Without the flag: the row says No and the label goes.
    let scope = contoso(
        r#"{"name": "Contoso"}"#,
        r#"{"username": "kim", "email": "kim@contoso.example"}"#,
    );
    let request = file(&catalog, &scope).unwrap();
    assert_eq!(request.gitlab.labels, "sales::new,Cloud");
    assert!(
        request
            .gitlab
            .description
            .contains("| Regulated industry | No |")
    );

    // The username is required and follows GitLab's rules.
    for (username, why) in [("", "GitLab username is required"), ("all", "every member")] {
        let scope = contoso(
            r#"{"name": "Contoso"}"#,
            &format!(r#"{{"username": "{username}", "email": "kim@contoso.example"}}"#),
        );
        let error = file(&catalog, &scope).unwrap_err();
        assert_eq!(fields(&error.errors), ["requester.username"]);
        assert!(error.to_string().contains(why), "{error}");
    }
}

#[test]
fn gitlabs_public_sector_flag_reads_both_spellings() {
    let catalog = Catalog::gitlab().unwrap();
    let scope = |customer: &str| {
        Scope::from_json(&format!(
            r#"{{"customer": {customer}, "requester": {{"username": "jdoe", "email": "jdoe@example.com"}},
                "items": [{{"sku": "GL-BAS-R", "attendees": 10}}],
                "answers": {{"license.tier": "premium", "education.attendees": 10,
                             "education.courses": ["basics"], "education.delivery": "remote"}}}}"#
        ))
        .unwrap()
    };
    let older = file(
        &catalog,
        &scope(r#"{"name": "Dept", "public_sector_us": true}"#),
    )
    .unwrap();
    let newer = file(
        &catalog,
        &scope(r#"{"name": "Dept", "flags": ["public_sector_us"]}"#),
    )
    .unwrap();
    let neither = file(&catalog, &scope(r#"{"name": "Dept"}"#)).unwrap();
    for request in [&older, &newer] {
        assert_eq!(
            request.gitlab.labels,
            "proposal::Scoping,Education,Public Sector US"
        );
        assert!(
            request
                .gitlab
                .description
                .contains("| US public sector | Yes |")
        );
    }
    assert_eq!(neither.gitlab.labels, "proposal::Scoping,Education");
    assert!(
        neither
            .gitlab
            .description
            .contains("| US public sector | No |")
    );
    assert_eq!(older.gitlab.title, "Dept - Scope Issue and Write SOW");
}

#[test]
fn the_title_keeps_the_templates_text_whole() {
    // 5 characters before the name and 6 after leave 244 of GitLab's 255: 243 of the
    // name's 300 characters and an ellipsis.
    let long = title("SOW: {{customer}} (new)", &"x".repeat(300));
    assert_eq!(long.chars().count(), 255);
    assert_eq!(long, format!("SOW: {}… (new)", "x".repeat(243)));
    assert_eq!(title("SOW: {{customer}} (new)", "Acme"), "SOW: Acme (new)");
    // A reference cannot form across the template's text and the name.
    assert_eq!(title("@{{customer}}", "all"), "@\u{2060}all");
    assert_eq!(title("{{customer}}all", "@"), "@\u{2060}all");
}
