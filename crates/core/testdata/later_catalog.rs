//! A later GitLab catalog for the tests that re-price a scope against another catalog,
//! derived when the tests run from the shipped one (`crates/core/catalogs/gitlab.toml`), so a
//! change to the shipped catalog can never leave it behind.
//!
//! Shared, through `#[path]`, by `crates/core/src/quote_diff/tests.rs` and
//! `crates/cli/tests/quote_compare_cli.rs` (which writes it to a temporary file).

/// The version the later catalog carries.
pub(crate) const LATER_VERSION: &str = "2023.02";

/// The retired offering: its offering, its USD price and its recommendation are gone.
pub(crate) const RETIRED_SKU: &str = "GL-JENKINS";

/// `shipped` (the GitLab catalog's TOML text) as the made-up version 2023.02, with exactly
/// three edits and nothing else: GL-XPRT costs 16800 in the USD book, the GL-JENKINS
/// offering is retired (its offering, its USD price and the `integration-jenkins`
/// recommendation removed), and the version. Panics, naming what it looked for, when the
/// shipped catalog no longer holds something an edit needs.
pub(crate) fn later_gitlab_catalog(shipped: &str) -> String {
    let mut doc: toml::Table = toml::from_str(shipped).expect("the shipped catalog is TOML");
    let version = doc
        .get_mut("version")
        .expect("the shipped catalog has a version");
    assert_ne!(
        version.as_str(),
        Some(LATER_VERSION),
        "already the later version"
    );
    *version = toml::Value::from(LATER_VERSION);

    let usd = array(&mut doc, "price_books")
        .iter_mut()
        .find(|book| book.get("currency").and_then(toml::Value::as_str) == Some("USD"))
        .expect("the shipped catalog has a USD price book");
    let prices = usd
        .get_mut("prices")
        .and_then(toml::Value::as_table_mut)
        .expect("the USD book has [price_books.prices]");
    let xprt = prices
        .get_mut("GL-XPRT")
        .and_then(toml::Value::as_table_mut)
        .and_then(|entry| entry.get_mut("price"))
        .expect("the USD book prices GL-XPRT");
    *xprt = toml::Value::from("16800");
    assert!(
        prices.remove(RETIRED_SKU).is_some(),
        "the USD book prices {RETIRED_SKU}"
    );

    remove_one(array(&mut doc, "offerings"), "sku", RETIRED_SKU);
    remove_one(
        array(&mut doc, "recommendations"),
        "id",
        "integration-jenkins",
    );
    toml::to_string(&doc).expect("the edited catalog writes back as TOML")
}

/// The array of tables `key` (`[[key]]`).
fn array<'a>(doc: &'a mut toml::Table, key: &str) -> &'a mut Vec<toml::Value> {
    doc.get_mut(key)
        .and_then(toml::Value::as_array_mut)
        .unwrap_or_else(|| panic!("the shipped catalog has [[{key}]]"))
}

/// Removes the one table whose `field` is `value`; panics unless there is exactly one.
fn remove_one(tables: &mut Vec<toml::Value>, field: &str, value: &str) {
    let before = tables.len();
    tables.retain(|table| table.get(field).and_then(toml::Value::as_str) != Some(value));
    assert_eq!(
        before - tables.len(),
        1,
        "exactly one table with {field} = {value:?}"
    );
}
