//! `scopecraft catalog publish --public`: the catalog customers may see, as a file that loads
//! and prices like the full catalog but holds none of its internal data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{scenario, scopecraft, temp_file};

#[test]
fn the_public_catalog_holds_no_internal_text_and_prices_the_same() {
    let run = scopecraft(&["catalog", "publish", "--public"], None);
    assert!(run.ok(), "{}", run.stderr);
    assert!(run.stdout.contains("projection = \"public\""));
    let full = scopecraft::Catalog::gitlab().unwrap();
    // Every note the catalog file holds, counted here from the offerings themselves.
    let notes: usize = full
        .data()
        .offerings
        .iter()
        .map(|o| o.internal_notes.len())
        .sum();
    assert!(notes > 20, "the GitLab catalog keeps its internal notes");
    assert!(
        run.stderr.contains(&format!(
            "without {notes} internal notes, 3 cost rates, 4 approval rules and 0 non-public offerings"
        )),
        "{}",
        run.stderr
    );
    for text in full.data().dropped_by_public_projection().texts() {
        assert!(
            !run.stdout.contains(&text),
            "the public catalog holds {text:?}"
        );
    }
    let file = temp_file("public.toml", &run.stdout);
    let file = file.to_str().unwrap();
    let check = scopecraft(&["catalog", "check", file], None);
    assert!(check.ok(), "{}", check.stderr);

    let scope = scenario("education-cicd-40");
    let with_full = scopecraft(&["quote", &scope, "--format", "json"], None);
    let with_public = scopecraft(
        &["quote", &scope, "--catalog", file, "--format", "json"],
        None,
    );
    assert!(with_public.ok(), "{}", with_public.stderr);
    let strip = |text: &str| {
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        let catalog = value["catalog"].take();
        value.as_object_mut().unwrap().remove("approvals");
        (value, catalog)
    };
    let (a, full_ref) = strip(&with_full.stdout);
    let (b, public_ref) = strip(&with_public.stdout);
    assert_eq!(a, b);
    assert_eq!(full_ref.get("projection"), None);
    assert_eq!(public_ref["projection"], "public");
}

#[test]
fn publish_without_public_prints_the_full_catalog_as_json() {
    let run = scopecraft(&["catalog", "publish", "--format", "json"], None);
    assert!(run.ok(), "{}", run.stderr);
    assert_eq!(
        run.stdout.trim_end(),
        scopecraft::Catalog::gitlab().unwrap().to_canonical_json()
    );
}
