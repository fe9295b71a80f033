//! A catalog reads the same from TOML and JSON: exporting and reloading keeps the content
//! hash, which is what quotes and share links identify a catalog by.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use scopecraft::{Catalog, load_catalog};

#[test]
fn json_export_reloads_with_the_same_hash() {
    let catalog = Catalog::gitlab().unwrap();
    let json = catalog.to_canonical_json();
    let again = load_catalog("gitlab.json", &json).unwrap();
    assert_eq!(again.hash(), catalog.hash());
    assert_eq!(again.data(), catalog.data());
}

#[test]
fn toml_export_reloads_with_the_same_hash() {
    let catalog = Catalog::gitlab().unwrap();
    let toml = catalog.to_toml().unwrap();
    let again = load_catalog("exported.toml", &toml).unwrap();
    assert_eq!(again.hash(), catalog.hash());
}

#[test]
fn comments_and_whitespace_do_not_change_the_hash_but_data_does() {
    let text = scopecraft::GITLAB_CATALOG_TOML;
    let base = load_catalog("a.toml", text).unwrap();
    let commented = format!("# a comment\n\n{text}\n\n# another\n");
    assert_eq!(
        load_catalog("b.toml", &commented).unwrap().hash(),
        base.hash()
    );
    let changed = text.replacen("version = \"2022.11\"", "version = \"2022.12\"", 1);
    assert_ne!(
        load_catalog("c.toml", &changed).unwrap().hash(),
        base.hash()
    );
}

#[test]
fn deeply_nested_json_is_refused_with_the_limit() {
    let json = format!(
        "{{\"offerings\": {}{}}}",
        "[".repeat(scopecraft::limits::MAX_JSON_DEPTH),
        "]".repeat(scopecraft::limits::MAX_JSON_DEPTH)
    );
    let message = load_catalog("deep.json", &json).unwrap_err().to_string();
    assert!(
        message
            .starts_with("deep.json: the JSON is nested 33 levels deep; catalogs allow at most 32"),
        "{message}"
    );
}

#[test]
fn a_json_key_given_twice_is_refused() {
    let catalog = Catalog::gitlab().unwrap();
    let json = catalog.to_canonical_json();
    let doubled = json.replacen("\"id\":", "\"id\": \"twice\", \"id\":", 1);
    assert_ne!(doubled, json);
    let message = load_catalog("twice.json", &doubled)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("the key \"id\" appears twice in one object"),
        "{message}"
    );
}
