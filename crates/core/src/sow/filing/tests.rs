use serde_json::Value;

use super::*;
use crate::catalog::Catalog;
use crate::scope::Scope;
use crate::sow::{SowRequestOptions, Timestamp, sow_request};

const EDUCATION: &str =
    include_str!("../../../../../tests/scenarios/sow-education-basics-remote.json");

fn request() -> SowRequest {
    let options = SowRequestOptions {
        generated_at: Timestamp::parse("2026-03-31T09:30:00Z").unwrap(),
        allow_incomplete: false,
        signed_on: None,
    };
    sow_request(
        &Catalog::gitlab().unwrap(),
        &Scope::from_json(EDUCATION).unwrap(),
        &options,
    )
    .unwrap()
}

#[test]
fn the_call_carries_gitlabs_parameters() {
    let request = request();
    let options = FilingOptions {
        epic_id: Some(42),
        segment: Some("Enterprise".to_string()),
    };
    let call = issue_filing(
        &request,
        "https://gitlab.example.com/",
        "ps/sow-requests",
        &options,
    )
    .unwrap();
    assert_eq!(
        call.url,
        "https://gitlab.example.com/api/v4/projects/ps%2Fsow-requests/issues"
    );
    assert_eq!(call.content_type, "application/json");
    let body: Value = serde_json::from_str(&call.body).unwrap();
    assert_eq!(body["title"], "Initech - Scope Issue and Write SOW");
    assert_eq!(body["description"], request.gitlab.description.as_str());
    assert!(!call.body.contains("/label"));
    assert_eq!(
        body["labels"],
        "proposal::Scoping,Education,Segment::Enterprise"
    );
    assert_eq!(body["confidential"], true);
    assert_eq!(body["epic_id"], 42);
    assert_eq!(body.as_object().unwrap().len(), 5);

    // A numeric ID as is; no epic, no segment: no epic_id and the request's own labels.
    let call = issue_filing(
        &request,
        "https://gitlab.com/gitlab",
        "278964",
        &FilingOptions::default(),
    )
    .unwrap();
    assert_eq!(
        call.url,
        "https://gitlab.com/gitlab/api/v4/projects/278964/issues"
    );
    let body: Value = serde_json::from_str(&call.body).unwrap();
    assert_eq!(body["labels"], "proposal::Scoping,Education");
    assert!(body.get("epic_id").is_none());
    // Plain http only to this machine.
    for local in [
        "http://127.0.0.1:8080",
        "http://localhost",
        "http://[::1]:3000",
    ] {
        assert!(
            issue_filing(&request, local, "1", &FilingOptions::default()).is_ok(),
            "{local}"
        );
    }
}

#[test]
fn bad_inputs_are_all_named_at_once() {
    let options = FilingOptions {
        epic_id: None,
        segment: Some("Public, Sector".to_string()),
    };
    let errors =
        issue_filing(&request(), "http://gitlab.example.com", "group", &options).unwrap_err();
    let fields: Vec<String> = errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["gitlab_url", "project", "segment"]);
    let text = errors.to_string();
    assert!(text.contains("unencrypted"), "{text}");
    assert!(text.contains("group/project"), "{text}");
    assert!(text.contains("comma"), "{text}");
    for (url, why) in [
        ("gitlab.com", "starts with https://"),
        ("https://user:pw@gitlab.com", "not allowed"),
        ("https://gitlab.com/?x=1", "not allowed"),
        ("https://gitlab.com:http", "port"),
        ("https://", "no host"),
    ] {
        let errors = issue_filing(&request(), url, "1", &FilingOptions::default()).unwrap_err();
        assert!(errors.to_string().contains(why), "{url}: {errors}");
    }
    for project in ["", "https://gitlab.com/a/b", "a/../b", "a b/c", "a/b?x"] {
        let errors = issue_filing(
            &request(),
            "https://gitlab.com",
            project,
            &FilingOptions::default(),
        )
        .unwrap_err();
        let fields: Vec<String> = errors.iter().map(|e| e.field.to_string()).collect();
        assert_eq!(fields, ["project"], "{project:?}");
    }
}

#[test]
fn gitlabs_answers_are_read() {
    let created = read_filing_answer(
        201,
        r#"{"id": 7, "iid": 12, "web_url": "https://gitlab.example.com/ps/sow/-/issues/12"}"#,
        "ps/sow",
    )
    .unwrap();
    assert_eq!(
        created.web_url,
        "https://gitlab.example.com/ps/sow/-/issues/12"
    );
    let cases: [(u16, &str, &[&str]); 7] = [
        (
            401,
            r#"{"message": "401 Unauthorized"}"#,
            &["GITLAB_TOKEN", "(GitLab says: 401 Unauthorized)"],
        ),
        (
            403,
            r#"{"message": "403 Forbidden"}"#,
            &["ps/sow", "403 Forbidden", "role"],
        ),
        (
            404,
            r#"{"message": "404 Project Not Found"}"#,
            &["ps/sow", "(GitLab says: 404 Project Not Found)"],
        ),
        (
            422,
            r#"{"message": {"title": ["is too long (maximum is 255 characters)"]}}"#,
            &["(422)", "is too long (maximum is 255 characters)"],
        ),
        (
            400,
            r#"{"error": "title is missing"}"#,
            &["(400)", "title is missing"],
        ),
        (302, "", &["redirect", "--gitlab-url"]),
        (
            500,
            "<html>\n\u{1b}[31mboom</html>",
            &["500", "<html> [31mboom</html>"],
        ),
    ];
    for (status, body, expected) in cases {
        let error = read_filing_answer(status, body, "ps/sow").unwrap_err();
        for part in expected {
            assert!(error.contains(part), "{status}: {error}");
        }
    }
    // Created, but no usable address: said so, never a made-up URL.
    for body in [
        r#"{"id": 7}"#,
        r#"{"web_url": "javascript:alert(1)"}"#,
        "not json",
    ] {
        let error = read_filing_answer(201, body, "ps/sow").unwrap_err();
        assert!(error.contains("probably created"), "{error}");
    }
    // A long message is cut at 300 characters.
    let long = format!(r#"{{"message": "{}"}}"#, "x".repeat(400));
    let error = read_filing_answer(422, &long, "1").unwrap_err();
    assert!(error.contains(&format!("{}…", "x".repeat(300))));
    assert!(!error.contains(&"x".repeat(301)));
}
