//! Re-pricing the shipped GitLab catalog's scopes against a later version of it (one price
//! changed, one offering retired, derived from the shipped text by `later_catalog.rs`), with
//! the figures worked out by hand.

use rust_decimal::Decimal;

use super::*;
use crate::catalog_diff::diff_catalogs;
use crate::scope::Scope;

#[path = "../../testdata/later_catalog.rs"]
mod later_catalog;

fn later() -> Catalog {
    let text = later_catalog::later_gitlab_catalog(crate::GITLAB_CATALOG_TOML);
    crate::catalog::load("gitlab-2023.02.toml", &text).unwrap()
}

fn usd(amount: i64) -> PriceRange {
    PriceRange::firm(Decimal::from(amount))
}

/// 100 expert hours (3 blocks of 48), the Jenkins integration, a self-paced certification.
fn scope() -> Scope {
    Scope::from_json(
        r#"{"items": [{"sku": "GL-XPRT", "hours": 100}, {"sku": "GL-JENKINS"},
                      {"sku": "PS-SELF-PACED-CERT"}]}"#,
    )
    .unwrap()
}

#[test]
fn the_later_catalog_differs_by_exactly_one_price_and_one_retired_offering() {
    let diff = diff_catalogs(&Catalog::gitlab().unwrap(), &later());
    let usd_changes: Vec<_> = diff.prices.iter().filter(|p| p.currency == "USD").collect();
    assert_eq!(usd_changes.len(), 2, "{usd_changes:#?}");
    assert!(diff.offerings.added.is_empty());
    let removed: Vec<_> = diff
        .offerings
        .removed
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(removed, ["GL-JENKINS"]);
    assert!(diff.offerings.changed.is_empty());
    let removed: Vec<_> = diff
        .recommendations
        .removed
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(removed, ["integration-jenkins"]);
}

#[test]
fn each_line_old_and_new_with_its_reason_and_the_change_in_total() {
    let old = reprice(
        &Catalog::gitlab().unwrap(),
        &scope(),
        &QuoteOptions::default(),
    )
    .unwrap();
    assert!(old.retired.is_empty());
    let before = quoted_prices(&old.quote);
    let new = reprice(&later(), &scope(), &QuoteOptions::default()).unwrap();
    assert_eq!(
        new.retired,
        [RetiredItem {
            item: 1,
            sku: "GL-JENKINS".into()
        }]
    );
    let comparison = compare_quotes(&before, Some(&old.quote.catalog), &new);
    let lines: Vec<_> = comparison
        .lines
        .iter()
        .map(|l| (l.sku.as_str(), l.before, l.after, l.change, l.difference))
        .collect();
    // GL-XPRT: 3 blocks × 14,400 = 43,200 before, 3 × 16,800 = 50,400 after (+7,200).
    // GL-JENKINS: 2,400 before, retired (−2,400). PS-SELF-PACED-CERT: 500 both times.
    assert_eq!(
        lines,
        [
            (
                "GL-XPRT",
                Some(usd(43_200)),
                Some(usd(50_400)),
                LineChange::PriceChanged,
                Some(usd(7_200))
            ),
            (
                "GL-JENKINS",
                Some(usd(2_400)),
                None,
                LineChange::Retired,
                Some(usd(-2_400))
            ),
            (
                "PS-SELF-PACED-CERT",
                Some(usd(500)),
                Some(usd(500)),
                LineChange::Unchanged,
                Some(usd(0))
            ),
        ]
    );
    assert_eq!(comparison.lines[0].unit_before, Some(Decimal::from(14_400)));
    assert_eq!(comparison.lines[0].unit_after, Some(Decimal::from(16_800)));
    // 43,200 + 2,400 + 500 = 46,100 → 50,400 + 500 = 50,900: +4,800, 4,800 / 46,100 = 10.4 %.
    assert_eq!(comparison.total_before, usd(46_100));
    assert_eq!(comparison.total_after, usd(50_900));
    assert_eq!(comparison.total_change, Some(usd(4_800)));
    assert_eq!(comparison.total_change_percent, Some(Decimal::new(104, 1)));
    // Over 50,000 now, but every line is a standard SKU and the technical review looks at
    // custom work only (the GitLab catalog's reading of the reference): no approval is added.
    let added: Vec<_> = comparison
        .approvals_added
        .iter()
        .map(|a| a.rule.as_str())
        .collect();
    assert!(added.is_empty(), "{added:?}");
    assert!(comparison.approvals_removed.is_empty());
    assert!(comparison.changed());
    assert_eq!(comparison.changed_lines().count(), 2);
}

#[test]
fn the_same_catalog_changes_nothing_and_a_rule_change_is_told_from_a_price_change() {
    let catalog = Catalog::gitlab().unwrap();
    let now = reprice(&catalog, &scope(), &QuoteOptions::default()).unwrap();
    let same = compare_quotes(&quoted_prices(&now.quote), None, &now);
    assert!(!same.changed());
    assert_eq!(same.total_change, Some(usd(0)));
    // Blocks of 40 hours instead of 48 at the same block price: 100 h is 3 blocks either
    // way, so only a scope of 90 h (2 blocks of 48, 3 of 40) shows the rule change.
    let ninety = Scope::from_json(r#"{"items": [{"sku": "GL-XPRT", "hours": 90}]}"#).unwrap();
    let before = quoted_prices(
        &reprice(&catalog, &ninety, &QuoteOptions::default())
            .unwrap()
            .quote,
    );
    let text = crate::GITLAB_CATALOG_TOML;
    let at = text.find("sku = \"GL-XPRT\"").unwrap();
    let block = text[at..].find("hours_per_block = 48").unwrap() + at;
    let edited = format!(
        "{}hours_per_block = 40{}",
        &text[..block],
        &text[block + 20..]
    );
    let forty = crate::catalog::load("gitlab.toml", &edited).unwrap();
    let after = reprice(&forty, &ninety, &QuoteOptions::default()).unwrap();
    let comparison = compare_quotes(&before, None, &after);
    let line = &comparison.lines[0];
    // 2 × 14,400 = 28,800 → 3 × 14,400 = 43,200, the unit price unchanged.
    assert_eq!(
        (line.before, line.after),
        (Some(usd(28_800)), Some(usd(43_200)))
    );
    assert_eq!(line.change, LineChange::RuleChanged);
}

#[test]
fn item_numbers_in_errors_are_the_scopes_own() {
    // Item 2 has a field the fixed-price model does not read; item 1 is retired. The error
    // names items[2], not the position it has once the retired item is left out.
    let scope = Scope::from_json(
        r#"{"items": [{"sku": "GL-XPRT", "hours": 10}, {"sku": "GL-JENKINS"},
                      {"sku": "PS-SELF-PACED-CERT", "hours": 3}]}"#,
    )
    .unwrap();
    let error = reprice(&later(), &scope, &QuoteOptions::default()).unwrap_err();
    let fields: Vec<String> = error.errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["items[2].hours"], "{error}");
}

#[test]
fn a_scope_carrying_its_quoted_prices_is_compared_only_with_another_catalog() {
    let catalog = Catalog::gitlab().unwrap();
    let mut scope = with_quoted_prices(&catalog, &scope());
    assert_eq!(scope.catalog, Some(catalog.reference()));
    assert_eq!(scope.quoted.as_ref().unwrap().total, usd(46_100));
    // The same catalog: nothing to compare.
    assert!(compare_with_quoted(&catalog, &scope, &QuoteOptions::default()).is_none());
    // Read back from its JSON (as a saved file or a share link holds it) and opened with the
    // later catalog: the same comparison as pricing with both catalogs.
    let read = Scope::from_json(&scope.to_json()).unwrap();
    assert_eq!(read, scope);
    let comparison = compare_with_quoted(&later(), &read, &QuoteOptions::default())
        .unwrap()
        .unwrap();
    assert_eq!(comparison.total_change, Some(usd(4_800)));
    assert_eq!(comparison.before_catalog.unwrap().version, "2022.11");
    // Without prices in the scope there is nothing to compare.
    scope.quoted = None;
    assert!(compare_with_quoted(&later(), &scope, &QuoteOptions::default()).is_none());
}
