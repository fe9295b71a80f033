//! The rules all at once: the samples break none, limits on the whole catalog, file order
//! (by line in TOML, model order in JSON), and how an issue is displayed.

use super::test_support::{VALID, edit, edits, find, line_of, lint_text, scoping_valid};
use super::{LintIssue, lint};
use crate::catalog::parse;
use crate::limits;

#[test]
fn amounts_rates_and_offerings_are_limited() {
    let issues = lint_text(&edits(&[
        (
            "GL-BAS-R = { price = \"5000\" }",
            "GL-BAS-R = { price = \"1000000000000.01\" }",
        ),
        ("rate = \"0.95\"", "rate = \"1000001\""),
        ("round_to = \"10\"", "round_to = \"2000000000000\""),
        (
            "total_high_over = \"50000\"",
            "total_high_over = \"9999999999999\"",
        ),
    ]));
    find(
        &issues,
        "price_books[0].prices.GL-BAS-R.price",
        "catalog amounts are limited to 1,000,000,000,000",
    );
    find(
        &issues,
        "price_books[1].conversion.rate",
        "rates are limited to 1,000,000",
    );
    find(
        &issues,
        "price_books[1].conversion.round_to",
        "catalog amounts are limited",
    );
    find(&issues, "approvals[0].when", "catalog amounts are limited");
    // At the limit is fine.
    let issues = lint_text(&edit(
        "GL-BAS-R = { price = \"5000\" }",
        "GL-BAS-R = { price = \"1000000000000\" }",
    ));
    assert!(
        !issues.iter().any(|i| i.message.contains("limited")),
        "{issues:#?}"
    );

    let (mut data, map) = parse("test.toml", VALID).unwrap();
    let first = data.offerings[0].clone();
    data.offerings = vec![first; limits::MAX_OFFERINGS + 1];
    let issues = lint(&data, &map, "test.toml");
    find(
        &issues,
        "offerings",
        "5,001 offerings; a catalog holds at most 5,000",
    );
    data.offerings.clear();
    let issues = lint(&data, &map, "test.toml");
    find(&issues, "offerings", "the catalog has no offerings");
}

#[test]
fn the_valid_catalog_has_no_issues() {
    assert_eq!(lint_text(VALID), Vec::<LintIssue>::new());
}

#[test]
fn the_valid_scoping_catalog_has_no_issues() {
    assert_eq!(lint_text(&scoping_valid()), Vec::<LintIssue>::new());
}

#[test]
fn every_problem_is_reported_in_file_order() {
    // Questions come before offerings in this file; issues still follow the lines.
    let text = edits(&[
        ("format = 1", "format = 3"),
        (
            "[[offerings]]\nsku = \"GL-BAS-R\"",
            "[[questions]]\nid = \"early\"\nsection = \"s\"\ntext = \"t\"\nkind = \"yes_no\"\nmin = 1\n\n[[offerings]]\nsku = \"GL-BAS-R\"",
        ),
        (
            "capacity = 12, seat_addon = \"SEAT\", attendees",
            "capacity = 0, seat_addon = \"SEAT\", attendees",
        ),
        (
            "quote_discount_percent_over = \"20\"",
            "quote_discount_percent_over = \"120\"",
        ),
    ]);
    let issues = lint_text(&text);
    let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "format",
            "questions[0].min",
            "offerings[0].pricing.capacity",
            "approvals[1].when"
        ]
    );
    let lines: Vec<Option<usize>> = issues.iter().map(|i| i.line).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
    assert!(issues.iter().all(|i| i.file == "test.toml"));
}

#[test]
fn json_catalogs_have_no_lines_and_keep_model_order() {
    let (data, _) = parse("test.toml", VALID).expect("valid");
    let json = serde_json::to_string(&data).expect("serializes");
    let json = json
        .replace("\"format\":1", "\"format\":2")
        .replace("\"capacity\":12", "\"capacity\":0");
    let (data, map) = parse("test.json", &json).expect("json parses");
    let issues = lint(&data, &map, "test.json");
    let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "format",
            "offerings[0].pricing.capacity",
            "offerings[1].pricing.capacity"
        ]
    );
    assert!(issues.iter().all(|i| i.line.is_none()));
}

#[test]
fn issues_display_with_file_line_and_offering() {
    let text = edit(
        "capacity = 12, seat_addon = \"SEAT\", attendees",
        "capacity = 0, seat_addon = \"SEAT\", attendees",
    );
    let issues = lint_text(&text);
    let line = line_of(&text, "capacity = 0");
    assert_eq!(
        issues.first().map(ToString::to_string),
        Some(format!(
            "test.toml:{line}: offering GL-BAS-R: offerings[0].pricing.capacity: capacity is 0; a class must hold at least one attendee (e.g. 12)"
        ))
    );
}
