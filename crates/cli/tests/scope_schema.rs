//! `scopecraft schema scope` against real scopes: every scope the repository ships (the
//! scenarios, the fuzz seeds, and each of them as the app writes it back) is valid, an
//! editor's `$schema` key is accepted by the schema and by the reader, and the bad-input
//! scopes of the wrong shape are refused by the schema as the reader refuses them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::{Value, json};
use support::repo_root;

fn validator() -> jsonschema::Validator {
    let output = support::scopecraft(&["schema", "scope"], None);
    assert!(output.ok(), "{}", output.stderr);
    let schema: Value = serde_json::from_str(&output.stdout).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn problems(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Every `.json` file in a folder of the repository.
fn json_files(folder: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(repo_root().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn read(path: &std::path::Path) -> (String, Value) {
    let text = std::fs::read_to_string(path).unwrap();
    let value = serde_json::from_str(&text).unwrap();
    (text, value)
}

/// The scopes the repository ships: the shared scenarios and the fuzz seeds.
fn shipped_scopes() -> Vec<std::path::PathBuf> {
    let mut files = json_files("tests/scenarios");
    files.extend(json_files("fuzz/corpus/scope"));
    assert!(files.len() >= 16, "the scenarios are found");
    files
}

/// Bad inputs whose shape is right: what is wrong is a limit, a control character, or a
/// SKU or currency only the catalog knows.
const RULE_BREAKERS: &[&str] = &[
    "scope-absurd-hours.json",
    "scope-amount-too-large.json",
    "scope-control-characters.json",
    "scope-currency-without-book.json",
    "scope-huge-integer.json",
    "scope-every-stage.json",
    "scope-line-discount-over-100.json",
    "scope-long-customer-name.json",
    "scope-migration-plus-four-classes.json",
    "scope-other-catalog.json",
    "scope-too-many-decimals.json",
    "scope-too-many-items.json",
    "scope-too-many-roles.json",
    "scope-unknown-currency.json",
    "scope-unknown-sku.json",
    "scope-zero-quantity.json",
];

/// Bad inputs of the wrong shape: the schema refuses them, as the reader does.
const WRONG_SHAPES: &[&str] = &[
    // "attendees": "forty"
    "scope-attendees-text.json",
    // an answer of -5
    "scope-bad-answer.json",
    // "delivery": "moon"
    "scope-bad-delivery.json",
    // "1e3" is not a plain decimal
    "scope-exponent-hours.json",
    // "discount_amount": 10.5, an amount through floating point
    "scope-float-amount.json",
    // "attendees": 2.5
    "scope-fractional-attendees.json",
    "scope-items-not-a-list.json",
    // an item without "sku"
    "scope-missing-sku.json",
    "scope-negative-quantity.json",
    "scope-not-an-object.json",
    // "quote_discount_percent": "-5"
    "scope-quote-discount-negative.json",
    // "itemz"
    "scope-unknown-field.json",
];

/// Bad inputs that are not JSON documents a schema applies to (empty, broken syntax, not
/// UTF-8, a key given twice, nesting past any parser's limit).
const NOT_DOCUMENTS: &[&str] = &[
    "scope-deep-nesting.json",
    "scope-empty.json",
    "scope-malformed.json",
    "scope-invalid-utf8.json",
    "scope-duplicate-key.json",
];

#[test]
fn every_scope_the_repository_ships_is_valid_as_written_and_as_written_back() {
    let validator = validator();
    for path in shipped_scopes() {
        let (text, value) = read(&path);
        let name = path.display();
        assert_eq!(problems(&validator, &value), Vec::<String>::new(), "{name}");
        // The reader takes it, and what the app and the CLI write back is valid too.
        let scope = scopecraft::Scope::from_json(&text).unwrap();
        let written: Value = serde_json::from_str(&scope.to_json_pretty()).unwrap();
        assert_eq!(
            problems(&validator, &written),
            Vec::<String>::new(),
            "{name} written back"
        );
        // With the catalog reference a saved or shared scope carries.
        let mut shared = scope.clone();
        shared.catalog = Some(scopecraft::Catalog::gitlab().unwrap().reference());
        let shared: Value = serde_json::from_str(&shared.to_json()).unwrap();
        assert!(validator.is_valid(&shared), "{name} with its catalog");
    }
    for file in RULE_BREAKERS {
        let (_, value) = read(&repo_root().join("tests/bad-inputs").join(file));
        assert_eq!(problems(&validator, &value), Vec::<String>::new(), "{file}");
    }
}

#[test]
fn every_bad_input_scope_is_classified() {
    let known: Vec<&str> = [RULE_BREAKERS, WRONG_SHAPES, NOT_DOCUMENTS].concat();
    for entry in std::fs::read_dir(repo_root().join("tests/bad-inputs")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.starts_with("scope-") {
            assert!(known.contains(&name.as_str()), "{name} is not classified");
        }
    }
}

#[test]
fn scopes_of_the_wrong_shape_are_refused_by_the_schema_and_the_reader() {
    let validator = validator();
    for file in WRONG_SHAPES {
        let path = repo_root().join("tests/bad-inputs").join(file);
        let (text, value) = read(&path);
        assert!(!validator.is_valid(&value), "{file} should be refused");
        assert!(scopecraft::Scope::from_json(&text).is_err(), "{file}");
    }
    let (_, good) = read(&repo_root().join("tests/scenarios/acme-mixed.json"));
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut value = good.clone();
        edit(&mut value);
        value
    };
    let cases: Vec<(&str, Value)> = vec![
        (
            "an unknown item field",
            broken(&|v| v["items"][0]["hourz"] = json!(3)),
        ),
        (
            "an unknown customer field",
            broken(&|v| v["customer"]["nom"] = json!("Acme")),
        ),
        (
            "hours as words",
            broken(&|v| v["items"][1]["hours"] = json!("a hundred")),
        ),
        (
            "a negative percent",
            broken(&|v| v["quote_discount_percent"] = json!(-5)),
        ),
        (
            "a decision that is neither",
            broken(&|v| v["recommendations"] = json!({"r": "maybe"})),
        ),
        (
            "an answer that is an object",
            broken(&|v| v["answers"]["migration.users"] = json!({"n": 1})),
        ),
        (
            "a catalog version that is a number",
            broken(&|v| v["catalog"] = json!({"id": "gitlab-ps", "version": 2022, "hash": "ab"})),
        ),
        (
            "a $schema that is not text",
            broken(&|v| v["$schema"] = json!(1)),
        ),
    ];
    for (what, value) in cases {
        assert!(!validator.is_valid(&value), "{what} should be refused");
        assert!(
            scopecraft::Scope::from_value(&value).is_err(),
            "the reader refuses {what} too"
        );
    }
}

#[test]
fn an_editor_schema_key_is_accepted_and_not_written_back() {
    let validator = validator();
    let (_, mut value) = read(&repo_root().join("tests/scenarios/acme-mixed.json"));
    value["$schema"] = json!("../../schemas/scope.schema.json");
    assert!(validator.is_valid(&value));
    let scope = scopecraft::Scope::from_value(&value).unwrap();
    assert!(!scope.to_json().contains("$schema"));
    // The same quote as without the key.
    let quoted = support::scopecraft(&["quote", "tests/scenarios/acme-mixed.json"], None);
    let file = support::temp_file("with-schema.json", value.to_string());
    let with_key = support::scopecraft(&["quote", file.to_str().unwrap()], None);
    assert!(with_key.ok(), "{}", with_key.stderr);
    assert_eq!(with_key.stdout, quoted.stdout);
}
