//! The public projection prices like the full catalog: every scenario in `tests/scenarios/`
//! gives the same quote JSON with either, except the catalog reference (which says which
//! projection priced it) and the approvals (the public projection has no approval rules).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use scopecraft::{Catalog, Projection, Scope, price};
use serde_json::Value;

fn without_internal_parts(mut quote: Value) -> Value {
    let object = quote.as_object_mut().expect("a quote is an object");
    object.remove("catalog");
    object.remove("approvals");
    quote
}

#[test]
fn every_scenario_prices_the_same_with_the_public_projection() {
    let full = Catalog::gitlab().unwrap();
    let public = full.public().expect("the projection passes lint");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 10,
        "the scenarios are found in {}",
        dir.display()
    );
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let scope = Scope::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let a = price(&full, &scope).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let b = price(&public, &scope).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(a.catalog.projection, Projection::Full);
        assert_eq!(b.catalog.projection, Projection::Public);
        assert!(b.approvals.is_empty());
        assert_eq!(a.total, b.total, "{}", path.display());
        assert_eq!(
            without_internal_parts(serde_json::to_value(&a).unwrap()),
            without_internal_parts(serde_json::to_value(&b).unwrap()),
            "{}",
            path.display()
        );
    }
}
