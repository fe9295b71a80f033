//! Included items on `testdata/catalogs/included-items.toml`: BUNDLE is 35,000 and includes
//! two classes chosen from CLS-A, CLS-B and CLS-C, which cost 5,000 each on their own.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::json;

use crate::catalog::{Catalog, load};
use crate::quote::{LineKind, Quote, QuoteError, price};
use crate::scope::Scope;

fn catalog() -> Catalog {
    load(
        "included-items.toml",
        include_str!("../../../testdata/catalogs/included-items.toml"),
    )
    .unwrap()
}

fn scope(value: serde_json::Value) -> Scope {
    Scope::from_value(&value).unwrap()
}

fn quote(value: serde_json::Value) -> Quote {
    price(&catalog(), &scope(value)).unwrap()
}

fn refused(value: serde_json::Value) -> QuoteError {
    price(&catalog(), &scope(value)).unwrap_err()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn chosen_items_are_lines_at_no_charge() {
    let q = quote(json!({"items": [{"sku": "BUNDLE", "included": ["CLS-B", "CLS-A"]}]}));
    let skus: Vec<&str> = q.lines.iter().map(|l| l.sku.as_ref()).collect();
    assert_eq!(skus, ["BUNDLE", "CLS-B", "CLS-A"]);
    for line in &q.lines[1..] {
        assert_eq!(line.item, 0);
        assert_eq!(line.kind, LineKind::Firm);
        assert_eq!(line.total.unwrap().high, d("0.00"));
        assert_eq!(line.quantity_label(), "1 class");
        assert_eq!(
            line.trace[0].text(),
            "Included with BUNDLE (Migration bundle), one of the 2 classes it includes: no charge."
        );
        assert_eq!(line.trace[0].step(), "included");
        assert!(line.is_included());
    }
    assert!(!q.lines[0].is_included());
    // 35,000 for the bundle; the two classes add nothing.
    assert_eq!(q.total.high, d("35000.00"));
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
}

#[test]
fn open_choices_are_a_to_do_on_the_quote() {
    let q = quote(json!({"items": [{"sku": "BUNDLE"}]}));
    assert_eq!(q.lines.len(), 1);
    assert_eq!(
        q.warnings,
        [
            "BUNDLE includes 2 classes at no charge; 0 chosen so far, 2 still to choose (items[0].included) from CLS-A, CLS-B, CLS-C"
        ]
    );
    let q = quote(json!({"items": [{"sku": "BUNDLE", "included": ["CLS-C"]}]}));
    assert!(q.warnings[0].contains("1 chosen so far, 1 still to choose"));
}

#[test]
fn a_third_class_is_an_item_of_its_own_and_is_charged() {
    // 35,000 + one CLS-C class of 5,000 = 40,000.
    let q = quote(json!({"items": [
        {"sku": "BUNDLE", "included": ["CLS-A", "CLS-B"]},
        {"sku": "CLS-C", "quantity": 1}
    ]}));
    assert_eq!(q.total.high, d("40000.00"));
    assert_eq!(&*q.lines[3].sku, "CLS-C");
    assert_eq!(q.lines[3].net.unwrap().high, d("5000.00"));
}

#[test]
fn wrong_choices_are_refused_all_at_once_naming_the_field() {
    let error = refused(json!({"items": [
        {"sku": "BUNDLE", "included": ["CLS-A", "SEAT", "CLS-A"]},
        {"sku": "CLS-A", "included": ["CLS-B"]}
    ]}));
    let found: Vec<(String, String)> = error
        .errors
        .iter()
        .map(|e| (e.field.to_string(), e.message.clone()))
        .collect();
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "items[0].included[1]",
            "items[0].included[2]",
            "items[0].included",
            "items[1].included"
        ],
        "{found:#?}"
    );
    assert!(found[0].1.contains(
        "\"SEAT\" is not one of the classes BUNDLE includes; choose from CLS-A, CLS-B, CLS-C"
    ));
    assert!(found[1].1.contains("CLS-A is chosen twice"));
    assert!(
        found[2]
            .1
            .contains("3 chosen, but BUNDLE includes 2 classes")
    );
    assert!(found[3].1.contains("CLS-A includes nothing to choose"));
}
