//! `docs/catalog-format.md` covers the whole catalog format: every field name of the catalog
//! schema (`schemas/catalog.schema.json`, generated from the loader's types) and every
//! spelled-out value (pricing models, rounding modes, question kinds, …) appears in the
//! document's code — a TOML example or a `field` in backticks — so a catalog author never
//! meets a field the format's description does not mention.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Property names and string values (`enum`, `const`) anywhere in the schema.
fn schema_words(value: &Value, names: &mut BTreeSet<String>, values: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                names.extend(properties.keys().cloned());
            }
            if let Some(Value::Array(options)) = map.get("enum") {
                values.extend(options.iter().filter_map(Value::as_str).map(String::from));
            }
            if let Some(Value::String(constant)) = map.get("const") {
                values.insert(constant.clone());
            }
            for child in map.values() {
                schema_words(child, names, values);
            }
        }
        Value::Array(items) => {
            for item in items {
                schema_words(item, names, values);
            }
        }
        _ => {}
    }
}

/// The document's code: fenced blocks and inline code spans, joined.
fn code_of(markdown: &str) -> String {
    let mut code = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            code.push_str(line);
            code.push('\n');
            continue;
        }
        for (index, span) in line.split('`').enumerate() {
            if index % 2 == 1 {
                code.push_str(span);
                code.push('\n');
            }
        }
    }
    code
}

/// Whether `word` occurs in `code` with no identifier character on either side.
fn mentions(code: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

#[test]
fn every_field_and_value_of_the_schema_is_in_the_format_document() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("schemas/catalog.schema.json")).unwrap(),
    )
    .unwrap();
    let (mut names, mut values) = (BTreeSet::new(), BTreeSet::new());
    schema_words(&schema, &mut names, &mut values);
    assert!(names.len() > 100, "the schema lists its fields: {names:?}");
    let doc = std::fs::read_to_string(repo_root().join("docs/catalog-format.md")).unwrap();
    let code = code_of(&doc);
    let missing: Vec<&String> = names
        .iter()
        .chain(&values)
        .filter(|word| !mentions(&code, word))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/catalog-format.md does not show these catalog fields or values in an example or \
         in backticks: {missing:?}"
    );
}

#[test]
fn the_check_finds_a_field_missing_from_a_document() {
    let code =
        code_of("Prose mentions capacity.\n\n```toml\nseat_addon = \"SEAT\"\n```\nand `per`.\n");
    assert!(mentions(&code, "seat_addon"));
    assert!(mentions(&code, "per"));
    assert!(
        !mentions(&code, "capacity"),
        "prose outside code does not count"
    );
    assert!(
        !mentions(&code, "seat"),
        "a word inside another does not count"
    );
}
