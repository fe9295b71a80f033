//! `scopecraft schema catalog` against real catalogs: every catalog file the repository ships
//! (TOML read as JSON, and the embedded catalog's canonical JSON) is valid, and the broken
//! shapes the loader refuses are refused by the schema too.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn validator() -> jsonschema::Validator {
    let output = Command::new(env!("CARGO_BIN_EXE_scopecraft"))
        .args(["schema", "catalog"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// A catalog file as the JSON value the schema describes (TOML tables are its objects).
fn as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(&text).unwrap()
    } else {
        toml::from_str(&text).unwrap()
    }
}

fn problems(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Catalog files that are not under `tests/bad-inputs/`.
const GOOD_CATALOGS: &[&str] = &[
    "crates/core/catalogs/gitlab.toml",
    "web/tests/fixtures/small-catalog.toml",
    "fuzz/corpus/catalog/small.toml",
    "fuzz/corpus/catalog/imported.json",
];

/// Bad inputs whose shape is right: what is wrong with them is a catalog rule (a dangling
/// reference, a duplicate, a band overlap, a limit) that only `catalog check` knows.
const RULE_BREAKERS: &[&str] = &[
    "catalog-absurd-price.toml",
    "catalog-approval-over-100.toml",
    "catalog-cyclic-prerequisites.toml",
    "catalog-dangling-category.toml",
    "catalog-dangling-prerequisite.toml",
    "catalog-duplicate-sku.toml",
    "catalog-no-offerings.toml",
    "catalog-overlapping-tiers.toml",
    "catalog-unknown-currency.toml",
    "catalog-zero-conversion-rate.toml",
];

/// Bad inputs that read as TOML but do not have the catalog's shape: the schema refuses them.
const WRONG_SHAPES: &[&str] = &[
    // `capacity = "twelve"`: a string where a whole number belongs.
    "catalog-wrong-type.toml",
    // No `format`, `id`, `name`, … at all.
    "catalog-empty.toml",
    // `price = "-14400"` / `"-1"`: catalog amounts are written without a sign.
    "catalog-negative-price.toml",
    "catalog-for-quote.toml",
    // `price = 1000.5`: a TOML float where a decimal string belongs.
    "catalog-float-price.toml",
];

/// Bad inputs that are not TOML/JSON documents the schema could be applied to (invalid
/// UTF-8, broken syntax, a key given twice, nesting past the limit).
const NOT_DOCUMENTS: &[&str] = &[
    "catalog-invalid-utf8.toml",
    "catalog-malformed.toml",
    "catalog-duplicate-json-key.json",
    "catalog-deep-json.json",
];

#[test]
fn every_catalog_the_repository_ships_is_valid() {
    let validator = validator();
    for file in GOOD_CATALOGS {
        let value = as_json(&repo_root().join(file));
        assert_eq!(problems(&validator, &value), Vec::<String>::new(), "{file}");
    }
    for file in RULE_BREAKERS {
        let value = as_json(&repo_root().join("tests/bad-inputs").join(file));
        assert_eq!(problems(&validator, &value), Vec::<String>::new(), "{file}");
    }
}

#[test]
fn every_bad_input_catalog_is_classified() {
    // A new bad-input catalog must be added to one of the lists above, so this test keeps
    // covering every catalog file in the repository.
    let known: Vec<&str> = [RULE_BREAKERS, WRONG_SHAPES, NOT_DOCUMENTS].concat();
    for entry in std::fs::read_dir(repo_root().join("tests/bad-inputs")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.starts_with("catalog-") {
            assert!(known.contains(&name.as_str()), "{name} is not classified");
        }
    }
}

#[test]
fn the_embedded_catalog_is_valid_as_canonical_json_and_as_toml() {
    let validator = validator();
    let catalog = scopecraft::Catalog::gitlab().unwrap();
    let canonical: Value = serde_json::from_str(&catalog.to_canonical_json()).unwrap();
    assert_eq!(problems(&validator, &canonical), Vec::<String>::new());
    let from_toml: Value = toml::from_str(scopecraft::GITLAB_CATALOG_TOML).unwrap();
    assert_eq!(problems(&validator, &from_toml), Vec::<String>::new());
    // An editor's `$schema` key is part of the format (the loader ignores it).
    let mut with_schema = canonical;
    with_schema["$schema"] = json!("./schemas/catalog.schema.json");
    assert!(validator.is_valid(&with_schema));
}

#[test]
fn catalogs_of_the_wrong_shape_are_refused() {
    let validator = validator();
    for file in WRONG_SHAPES {
        let value = as_json(&repo_root().join("tests/bad-inputs").join(file));
        assert!(!validator.is_valid(&value), "{file} should be refused");
    }
    let good: Value = toml::from_str(scopecraft::GITLAB_CATALOG_TOML).unwrap();
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut value = good.clone();
        edit(&mut value);
        value
    };
    let cases: Vec<(&str, Value)> = vec![
        (
            "an unknown top-level field",
            broken(&|v| v["colour"] = json!("blue")),
        ),
        (
            "an unknown offering field",
            broken(&|v| v["offerings"][0]["prise"] = json!("5000")),
        ),
        (
            "a name that is a number",
            broken(&|v| v["offerings"][0]["name"] = json!(42)),
        ),
        (
            "a price written as a bare number",
            broken(&|v| v["price_books"][0]["prices"]["GL-BAS-R"]["price"] = json!(5000)),
        ),
        (
            "a price that is not a decimal",
            broken(&|v| v["price_books"][0]["prices"]["GL-BAS-R"]["price"] = json!("5k")),
        ),
        (
            "an unknown pricing model",
            broken(&|v| v["offerings"][0]["pricing"]["model"] = json!("auction")),
        ),
        (
            "an unknown delivery mode",
            broken(&|v| v["offerings"][0]["delivery"]["modes"] = json!(["carrier_pigeon"])),
        ),
        (
            "a date that is not YYYY-MM-DD",
            broken(&|v| v["price_books"][1]["conversion"]["as_of"] = json!("15/11/2022")),
        ),
        (
            "another format version",
            broken(&|v| v["format"] = json!(2)),
        ),
        (
            "a missing SKU",
            broken(&|v| {
                v["offerings"][0].as_object_mut().unwrap().remove("sku");
            }),
        ),
    ];
    for (what, value) in cases {
        assert!(!validator.is_valid(&value), "{what} should be refused");
    }
}

#[test]
fn the_loader_accepts_an_editor_schema_key_and_leaves_it_out_of_the_hash() {
    let catalog = scopecraft::Catalog::gitlab().unwrap();
    let mut value: Value = serde_json::from_str(&catalog.to_canonical_json()).unwrap();
    value["$schema"] = json!("./schemas/catalog.schema.json");
    let loaded = scopecraft::load_catalog("catalog.json", &value.to_string()).unwrap();
    assert_eq!(loaded.hash(), catalog.hash());
}
