//! The scheduling-intake issue: GitLab's catalog with and without a signature date, and
//! another firm's catalog, which gets a neutral one with its own lead time.

use crate::catalog::{Band, Catalog, load};
use crate::date::Date;
use crate::scope::Scope;
use crate::sow::{SowRequest, SowRequestOptions, Timestamp, sow_request};

const PUBLIC_SECTOR: &str =
    include_str!("../../../../../tests/scenarios/sow-public-sector-implementation.json");
const OTHER_FIRM: &str = include_str!("../../../testdata/catalogs/other-firm.toml");

fn request(catalog: &Catalog, scope: &str, signed_on: Option<&str>) -> SowRequest {
    let options = SowRequestOptions {
        generated_at: Timestamp::parse("2026-11-26T09:00:00Z").unwrap(),
        allow_incomplete: true,
        signed_on: signed_on.map(|d| Date::parse(d).unwrap()),
    };
    sow_request(catalog, &Scope::from_json(scope).unwrap(), &options).unwrap()
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn signed_on_december_1st_with_four_to_six_weeks_lead_time_starts_on_december_29th() {
    let request = request(
        &Catalog::gitlab().unwrap(),
        PUBLIC_SECTOR,
        Some("2026-12-01"),
    );
    let scheduling = &request.scheduling;
    assert_eq!(scheduling.signed_on, Some(date("2026-12-01")));
    assert_eq!(
        scheduling.lead_time_weeks,
        Some(Band {
            from: 4,
            to: Some(6)
        })
    );
    // 2026-12-01 + 4 × 7 days = 2026-12-29; + 6 × 7 days = 2027-01-12.
    let start = scheduling.earliest_start.unwrap();
    assert_eq!(start.earliest, date("2026-12-29"));
    assert_eq!(start.latest, date("2027-01-12"));
    // The plan in the request is laid out from the same date (one rule for kick-off).
    assert_eq!(request.plan.as_ref().unwrap().kickoff, Some(start));

    let issue = &scheduling.issue;
    assert_eq!(
        issue.title,
        "Federal Grid Authority - Project Scheduling Intake"
    );
    // The service types' and the flag's labels, not the SOW request's board column or its
    // technical-review label.
    assert_eq!(issue.labels, "Implementation,Integration,Public Sector US");
    assert!(request.gitlab.labels.contains("proposal::Scoping"));
    assert!(issue.confidential);
    let text = issue.description_with_quick_actions();
    for row in [
        "| Customer | Federal Grid Authority |",
        "| US public sector | Yes |",
        "| Service types | Implementation, Integration |",
        "| Lead time | 4–6 weeks from signature |",
        "| Signed | 2026-12-01 |",
        "| Earliest start | 2026-12-29 (signature + 4 weeks); at the latest 2027-01-12 |",
        "| Requester (account team) | @m.garcia · maria.garcia@example.gov |",
        "| Customer contact | to-do:",
    ] {
        assert!(text.contains(row), "{row}\n{text}");
    }
    assert!(
        text.ends_with(
            "\n\n/label ~\"Implementation\" ~\"Integration\" ~\"Public Sector US\"\n/confidential\n"
        ),
        "{text}"
    );
    assert_eq!(scheduling.contacts.len(), 1);
    assert_eq!(scheduling.contacts[0].email, "maria.garcia@example.gov");
}

#[test]
fn without_a_signature_date_the_start_is_signature_plus_the_lead_time() {
    let request = request(&Catalog::gitlab().unwrap(), PUBLIC_SECTOR, None);
    let scheduling = &request.scheduling;
    assert_eq!(scheduling.signed_on, None);
    assert_eq!(scheduling.earliest_start, None);
    let text = &scheduling.issue.description;
    assert!(text.contains("| Signed | Not yet |"), "{text}");
    assert!(
        text.contains("| Earliest start | Signature + 4 weeks |"),
        "{text}"
    );
    // Nothing else changes: the same issue as with a date, but for those two rows.
    let signed = request_signed();
    assert_eq!(scheduling.issue.title, signed.issue.title);
    assert_eq!(scheduling.issue.labels, signed.issue.labels);
}

fn request_signed() -> crate::sow::SchedulingIntake {
    request(
        &Catalog::gitlab().unwrap(),
        PUBLIC_SECTOR,
        Some("2026-12-01"),
    )
    .scheduling
}

#[test]
fn another_firms_catalog_gets_a_neutral_scheduling_issue_with_its_own_lead_time() {
    let catalog = load("other-firm.toml", OTHER_FIRM).unwrap();
    let scope = r#"{"customer": {"name": "Contoso"},
        "requester": {"username": "kim", "email": "kim@contoso.example"},
        "items": [{"sku": "NW-LZ"}, {"sku": "NW-TRAIN"}],
        "answers": {"accounts": 12}}"#;
    let request = request(&catalog, scope, Some("2026-12-01"));
    let scheduling = &request.scheduling;
    let issue = &scheduling.issue;
    assert_eq!(issue.title, "Contoso - Project Scheduling Intake");
    assert_eq!(issue.labels, "");
    // 2–3 weeks: 2026-12-01 + 14 days = 2026-12-15, + 21 days = 2026-12-22.
    let start = scheduling.earliest_start.unwrap();
    assert_eq!(
        (start.earliest, start.latest),
        (date("2026-12-15"), date("2026-12-22"))
    );
    let text = issue.description_with_quick_actions();
    assert!(
        text.contains("| Lead time | 2–3 weeks from signature |"),
        "{text}"
    );
    assert!(
        text.contains(
            "| Earliest start | 2026-12-15 (signature + 2 weeks); at the latest 2026-12-22 |"
        ),
        "{text}"
    );
    // No GitLab row, label or mention: the username is text.
    assert!(!text.contains("public sector"), "{text}");
    assert!(!text.contains("/label"), "{text}");
    assert!(text.contains("| kim · kim@contoso.example |"), "{text}");
    assert!(!text.contains("@kim"), "{text}");
    assert!(text.ends_with("\n\n/confidential\n"), "{text}");
}

#[test]
fn a_catalog_names_its_scheduling_title_and_labels() {
    let own = r#"
[sow.issue.scheduling]
title = "Slot {{customer}}"
labels = ["scheduling::new", "Slot"]
"#;
    let catalog = load("other-firm.toml", &format!("{OTHER_FIRM}{own}")).unwrap();
    let scope = r#"{"customer": {"name": "Contoso"},
        "requester": {"email": "kim@contoso.example"},
        "items": [{"sku": "NW-LZ"}], "answers": {"accounts": 12}}"#;
    let issue = request(&catalog, scope, None).scheduling.issue;
    assert_eq!(issue.title, "Slot Contoso");
    assert_eq!(issue.labels, "scheduling::new,Slot");
    assert!(
        issue
            .description_with_quick_actions()
            .ends_with("/label ~\"scheduling::new\" ~\"Slot\"\n/confidential\n")
    );
}

#[test]
fn a_payload_written_before_the_scheduling_intake_still_reads() {
    let request = request(
        &Catalog::gitlab().unwrap(),
        PUBLIC_SECTOR,
        Some("2026-12-01"),
    );
    let mut value = serde_json::to_value(&request).unwrap();
    value.as_object_mut().unwrap().remove("scheduling");
    let old = SowRequest::from_json(&value.to_string()).unwrap();
    assert_eq!(old.scheduling, crate::sow::SchedulingIntake::default());
    assert_eq!(old.gitlab, request.gitlab);
    // And a payload with it reads back as written.
    let back = SowRequest::from_json(&request.to_json_pretty()).unwrap();
    assert_eq!(back.scheduling, request.scheduling);
}
