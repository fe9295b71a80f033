//! Answer validation, visibility and completeness on a small catalog.

use serde_json::json;

use super::*;
use crate::catalog::load;
use crate::scope::Answer;

const CATALOG: &str = include_str!("../../testdata/catalogs/scoping-questions.toml");

fn catalog() -> Catalog {
    load("test.toml", CATALOG).expect("the test catalog loads")
}

fn scope(value: serde_json::Value) -> Scope {
    Scope::from_value(&value).expect("a valid scope document")
}

fn question(id: &str) -> Question {
    catalog().question(id).expect("question").clone()
}

fn text(s: &str) -> Answer {
    Answer::Text(s.to_string())
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| (*s).to_string()).collect())
}

#[test]
fn whole_numbers_respect_min_and_max() {
    let users = question("users");
    assert_eq!(validate_answer(&users, &Answer::Number(3250)), None);
    assert_eq!(
        validate_answer(&users, &Answer::Number(0)).as_deref(),
        Some("0 is below the smallest accepted answer, 1, to \"How many users?\"")
    );
    assert_eq!(
        validate_answer(&users, &Answer::Number(250_000)).as_deref(),
        Some("250,000 is above the largest accepted answer, 100,000, to \"How many users?\"")
    );
    assert_eq!(
        validate_answer(&users, &text("many")).as_deref(),
        Some("\"How many users?\" takes a whole number from 1 to 100,000, got \"many\"")
    );
}

#[test]
fn choices_must_be_listed() {
    let target = question("target");
    assert_eq!(validate_answer(&target, &text("aws")), None);
    assert_eq!(
        validate_answer(&target, &text("mars")).as_deref(),
        Some("\"mars\" is not a choice of \"Where will it run?\"; choose one of: aws, on_prem")
    );
    assert_eq!(
        validate_answer(&target, &choices(&["aws"])).as_deref(),
        Some("\"Where will it run?\" takes one choice id (one of: aws, on_prem), got [\"aws\"]")
    );
    let ci = question("ci");
    assert_eq!(
        validate_answer(&ci, &choices(&["jenkins", "actions"])),
        None
    );
    assert_eq!(
        validate_answer(&ci, &choices(&["jenkins", "bamboo", "travis"])).as_deref(),
        Some(
            "\"bamboo\", \"travis\" are not choices of \"Which CI systems?\"; the choices are: jenkins, actions"
        )
    );
    assert_eq!(
        validate_answer(&ci, &choices(&["jenkins", "jenkins"])).as_deref(),
        Some("\"jenkins\" is listed twice; list each choice once")
    );
    assert_eq!(
        validate_answer(&ci, &text("jenkins")).as_deref(),
        Some("\"Which CI systems?\" takes a list of choices, e.g. [\"jenkins\"], got \"jenkins\"")
    );
}

#[test]
fn yes_no_and_free_text() {
    let ha = question("ha");
    assert_eq!(validate_answer(&ha, &Answer::Bool(true)), None);
    assert_eq!(
        validate_answer(&ha, &text("yes")).as_deref(),
        Some("\"Highly available?\" takes yes or no (true or false), got \"yes\"")
    );
    let hypervisor = question("hypervisor");
    assert_eq!(validate_answer(&hypervisor, &text("VMware")), None);
    assert_eq!(
        validate_answer(&hypervisor, &text("VMware vSphere 8")).as_deref(),
        Some("16 characters; answers to \"Which hypervisor?\" are limited to 10")
    );
    assert_eq!(
        validate_answer(&hypervisor, &Answer::Number(8)).as_deref(),
        Some("\"Which hypervisor?\" takes text, got 8")
    );
    // Blank is "not answered", never an error.
    assert_eq!(validate_answer(&question("target"), &text("  ")), None);
}

#[test]
fn questions_are_asked_by_service_type_and_condition() {
    let catalog = catalog();
    let ids = |scope: &Scope| -> Vec<String> {
        asked_questions(&catalog, scope)
            .iter()
            .map(|q| q.id.clone())
            .collect()
    };
    let implementation = scope(json!({"items": [{"sku": "IMPL"}]}));
    assert_eq!(ids(&implementation), ["tier", "users", "target", "ha"]);
    let on_prem = scope(json!({"items": [{"sku": "IMPL"}], "answers": {"target": "on_prem"}}));
    assert_eq!(
        ids(&on_prem),
        ["tier", "users", "target", "hypervisor", "ha"]
    );
    let migration = scope(json!({"service_types": ["migration"]}));
    assert_eq!(ids(&migration), ["tier", "ci", "destination", "large"]);
}

#[test]
fn completeness_lists_missing_required_answers_in_order() {
    let catalog = catalog();
    let status = completeness(
        &catalog,
        &scope(json!({"service_types": ["implementation"]})),
    );
    let missing: Vec<&str> = status
        .missing_required
        .iter()
        .map(|m| m.question.as_str())
        .collect();
    assert_eq!(missing, ["users", "target"]);
    assert_eq!(status.missing_required[0].section, "implementation");
    assert_eq!(status.missing_required[0].text, "How many users?");
    assert_eq!((status.answered_required, status.total_required), (0, 2));
    assert!(!status.is_complete());

    // On premises, the hypervisor becomes required as well.
    let status = completeness(
        &catalog,
        &scope(json!({
            "service_types": ["implementation"],
            "answers": {"users": 3250, "target": "on_prem"}
        })),
    );
    let missing: Vec<&str> = status
        .missing_required
        .iter()
        .map(|m| m.question.as_str())
        .collect();
    assert_eq!(missing, ["hypervisor"]);
    assert_eq!((status.answered_required, status.total_required), (2, 3));

    let done = completeness(
        &catalog,
        &scope(json!({
            "service_types": ["implementation"],
            "answers": {"users": 3250, "target": "aws"}
        })),
    );
    assert!(done.is_complete(), "{done:?}");
    assert_eq!((done.answered_required, done.total_required), (2, 2));
}

#[test]
fn required_when_narrows_required_for() {
    let catalog = catalog();
    let count = |answers: serde_json::Value| {
        let status = completeness(
            &catalog,
            &scope(json!({"service_types": ["migration"], "answers": answers})),
        );
        (status.answered_required, status.total_required)
    };
    assert_eq!(count(json!({})), (0, 0));
    assert_eq!(count(json!({"destination": "self"})), (0, 0));
    assert_eq!(count(json!({"destination": "saas"})), (0, 1));
    assert_eq!(count(json!({"destination": "saas", "large": 13})), (1, 1));
}

#[test]
fn invalid_answers_are_errors_naming_the_answer() {
    let catalog = catalog();
    let status = completeness(
        &catalog,
        &scope(json!({
            "service_types": ["implementation", "training"],
            "answers": {"users": 0, "target": "mars", "typo": 3, "ha": true}
        })),
    );
    let fields: Vec<String> = status.errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(
        fields,
        [
            "service_types[1]",
            "answers.target",
            "answers.typo",
            "answers.users"
        ]
    );
    assert!(
        status.errors[0]
            .message
            .contains("unknown service type \"training\"")
    );
    assert!(
        status.errors[2]
            .message
            .contains("no question has the id \"typo\"")
    );
    // Invalid answers are neither answered nor missing; they are errors to fix.
    assert!(status.missing_required.is_empty());
    assert_eq!((status.answered_required, status.total_required), (0, 2));
    assert_eq!(
        status.errors[1].to_string(),
        "answers.target: \"mars\" is not a choice of \"Where will it run?\"; choose one of: aws, on_prem"
    );
}
