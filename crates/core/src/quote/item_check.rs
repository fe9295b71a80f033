//! The check a line editor runs before it changes a scope item: the scope format's rules for
//! the item's fields and the pricing engine's, so the editor never puts into a scope a value
//! the engine refuses or a saved scope would not read back.
//!
//! The check prices the one item, not the scope: an item's problems are its own (its
//! offering, its fields, its model's rules, the scope's answers and currency), so they are
//! found by drafting that item alone, as [`super::price_with`] drafts every item. Two kinds
//! of item read the other items, and are checked by pricing the whole scope as before: a
//! percentage of the other lines (its amount is theirs), and an item whose SKU the edit
//! changes (an offering's `custom_sow_when` reads which SKUs the scope has, the edited
//! item's included).

use crate::catalog::{Catalog, Pricing};
use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::scope::{Scope, ScopeItem};

use super::prices::PriceList;
use super::{OVERFLOW, QuoteOptions, models, price_with, quote_currency};

/// Every problem with the item at `index` of `scope`, each naming its field
/// (`items[2].discount_percent`): first the scope format's ([`crate::ScopeItem::format_errors`]),
/// then, when there are none, the pricing engine's for that item (a field its model does not
/// read, a role the offering is not staffed by, a percentage and an amount together). The
/// other items' problems and the scope's own (its answers, its currency) are not reported.
/// Empty when the item is fine, or when there is no item at `index`.
///
/// The same problems as pricing the whole scope and keeping the item's, but for amounts too
/// large to price: pricing stops at the first line that overflows, or before any line when
/// another item has problems, where this check names the item's own overflow either way.
pub fn item_errors(catalog: &Catalog, scope: &Scope, index: usize) -> FieldErrors {
    let Some(item) = scope.items.get(index) else {
        return FieldErrors::new();
    };
    errors_in_scope(catalog, scope, index, item)
}

/// [`item_errors`] for `item` in place of the item at `index` of `scope` (a line editor's
/// change, before it is made), without copying the scope when the edit keeps the item's
/// SKU. Empty when there is no item at `index`.
pub fn edited_item_errors(
    catalog: &Catalog,
    scope: &Scope,
    index: usize,
    item: &ScopeItem,
) -> FieldErrors {
    let Some(current) = scope.items.get(index) else {
        return FieldErrors::new();
    };
    if current.sku == item.sku && !prices_on_other_lines(catalog, item) {
        // The item's own problems do not depend on the rest of the scope.
        return errors_in_scope(catalog, scope, index, item);
    }
    let mut edited = scope.clone();
    if let Some(slot) = edited.items.get_mut(index) {
        slot.clone_from(item);
    }
    item_errors(catalog, &edited, index)
}

/// `item`'s problems as the item at `index` of `scope`: the format's first, then the
/// engine's. Only an item priced on the other lines reads `scope` beyond its answers and
/// currency, so `scope` must hold `item` at `index` for such an item.
fn errors_in_scope(
    catalog: &Catalog,
    scope: &Scope,
    index: usize,
    item: &ScopeItem,
) -> FieldErrors {
    let format = item.format_errors(index);
    if !format.is_empty() {
        return format;
    }
    if prices_on_other_lines(catalog, item) {
        whole_scope_errors(catalog, scope, index)
    } else {
        own_errors(catalog, scope, index, item)
    }
}

/// Whether the item's offering is priced on the other lines' nets.
fn prices_on_other_lines(catalog: &Catalog, item: &ScopeItem) -> bool {
    catalog
        .offering(&item.sku)
        .is_some_and(|o| matches!(o.pricing, Pricing::PercentOfSubtotal { .. }))
}

/// The item drafted alone, as pricing drafts each item, then its line discount applied (the
/// one step after the draft that can fail on a line of its own). A scope whose currency
/// cannot be priced is the scope's problem: the item has none of its own then.
fn own_errors(catalog: &Catalog, scope: &Scope, index: usize, item: &ScopeItem) -> FieldErrors {
    let Ok(currency) = quote_currency(catalog, scope) else {
        return FieldErrors::new();
    };
    let Some(prices) = PriceList::new(catalog, currency) else {
        return FieldErrors::new();
    };
    let mut lines = Vec::new();
    let mut steps = Vec::new();
    let options = QuoteOptions::default();
    let inputs = models::QuoteInputs::new(catalog, &prices, scope, &options);
    match models::draft(&inputs, index, item, &mut lines, &mut steps) {
        Ok(draft) => match draft.overflow() {
            None => FieldErrors::new(),
            Some(field) => of_item(vec![FieldError::new(field, OVERFLOW)], index),
        },
        Err(problems) => of_item(problems, index),
    }
}

/// The whole scope priced, and the problems of the item at `index` kept.
fn whole_scope_errors(catalog: &Catalog, scope: &Scope, index: usize) -> FieldErrors {
    match price_with(catalog, scope, &QuoteOptions::default()) {
        Ok(_) => FieldErrors::new(),
        Err(error) => of_item(error.errors, index),
    }
}

/// The problems naming a field of the item at `index`, each once (as pricing lists them).
fn of_item(problems: impl IntoIterator<Item = FieldError>, index: usize) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for problem in problems {
        let here = matches!(&problem.field, FieldPath::Item { index: i, .. } if *i == index);
        if here && !errors.contains(&problem) {
            errors.push(problem);
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::*;
    use crate::catalog::{DeliveryMode, load};
    use crate::scope::Answer;

    const MODELS: &str = include_str!("../../testdata/catalogs/pricing-models.toml");

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    /// The check as it was: the format's rules, then the whole scope priced and the item's
    /// problems kept.
    fn by_whole_scope(catalog: &Catalog, scope: &Scope, index: usize) -> FieldErrors {
        let Some(item) = scope.items.get(index) else {
            return FieldErrors::new();
        };
        let format = item.format_errors(index);
        if !format.is_empty() {
            return format;
        }
        whole_scope_errors(catalog, scope, index)
    }

    fn item(sku: &str, change: impl FnOnce(&mut ScopeItem)) -> ScopeItem {
        let mut item = ScopeItem::new(sku);
        change(&mut item);
        item
    }

    fn tm(engineer: &str, pm: &str) -> ScopeItem {
        item("TM", |i| {
            i.effort.insert("engineer".into(), d(engineer));
            i.effort.insert("project_manager".into(), d(pm));
        })
    }

    /// Scopes over the catalog of every pricing model: fine ones, ones with bad items, bad
    /// answers, an unknown currency, a converted currency.
    fn model_scopes() -> Vec<Scope> {
        let fine = vec![
            item("CLS-R", |i| i.attendees = Some(40)),
            tm("10", "4"),
            item("VOL", |i| i.quantity = Some(20)),
            item("PM", |_| {}),
            item("XPRT", |i| {
                i.hours = Some(d("60"));
                i.discount_percent = Some(d("10"));
            }),
            item("ROM", |_| {}),
            item("HEALTH", |_| {}),
            item("COHORT", |i| {
                i.attendees = Some(14);
                i.delivery = Some(DeliveryMode::OnSite);
            }),
            item("GRAD", |i| {
                i.quantity = Some(60);
                i.discount_amount = Some(d("250"));
            }),
        ];
        let bad = vec![
            item("NOPE", |_| {}),
            item("VOL", |i| i.quantity = Some(500)),
            item("TM", |i| {
                i.effort.insert("architect".into(), d("3"));
            }),
            item("XPRT", |i| {
                i.hours = Some(d("10"));
                i.discount_percent = Some(d("5"));
                i.discount_amount = Some(d("5"));
            }),
            item("CLS-R", |i| i.discount_percent = Some(d("150"))),
            item("PM", |i| i.quantity = Some(3)),
            item("COHORT", |i| i.attendees = Some(14)),
            item("CLS", |i| i.delivery = Some(DeliveryMode::Remote)),
            item("ODD", |i| i.hours = Some(d("2"))),
            item("SEAT", |i| i.note = "tab\u{7}bell".into()),
        ];
        let mut answered = Scope {
            items: vec![
                item("CLS-R", |_| {}),
                item("ROM", |_| {}),
                item("XPRT", |i| i.hours = Some(d("48"))),
            ],
            ..Scope::default()
        };
        answered
            .answers
            .insert("migration.users".into(), Answer::Number(700));
        answered
            .answers
            .insert("migration.repositories".into(), Answer::Number(1500));
        let mut wrong_answers = answered.clone();
        wrong_answers
            .answers
            .insert("education.attendees".into(), Answer::Number(0));
        wrong_answers
            .answers
            .insert("migration.users".into(), Answer::Text("lots".into()));
        wrong_answers
            .answers
            .insert("no.such.question".into(), Answer::Bool(true));
        let mixed: Vec<ScopeItem> =
            fine.iter()
                .cloned()
                .zip(bad.iter().cloned())
                .fold(Vec::new(), |mut items, (a, b)| {
                    items.push(a);
                    items.push(b);
                    items
                });
        let in_currency = |code: &str, items: &[ScopeItem]| Scope {
            items: items.to_vec(),
            currency: Some(code.into()),
            ..Scope::default()
        };
        vec![
            Scope::default(),
            Scope {
                items: fine.clone(),
                ..Scope::default()
            },
            Scope {
                items: bad.clone(),
                ..Scope::default()
            },
            Scope {
                items: mixed.clone(),
                quote_discount_percent: Some(d("12.5")),
                ..Scope::default()
            },
            answered,
            wrong_answers,
            in_currency("EUR", &mixed),
            in_currency("JPY", &fine),
            in_currency("GBP", &mixed),
            in_currency("XYZ", &mixed),
        ]
    }

    /// Scopes over the embedded GitLab catalog: included classes, on-site travel,
    /// custom-SOW routes, answers.
    fn gitlab_scopes() -> Vec<Scope> {
        let mut migration = Scope {
            items: vec![
                item("GL-MIG-SM-SAAS", |_| {}),
                item("MIG+", |i| {
                    i.included = vec!["GL-BAS-R".into(), "NOPE".into()]
                }),
                item("GL-DOF", |i| {
                    i.attendees = Some(30);
                    i.delivery = Some(DeliveryMode::OnSite);
                }),
                item("GL-JIRA", |i| i.quantity = Some(3)),
                item("GL-JIRA", |i| i.quantity = Some(0)),
                item("GL-XPRT", |i| i.hours = Some(d("100"))),
                item("GL-BAS-R", |i| i.attendees = Some(5000)),
            ],
            ..Scope::default()
        };
        let plain = migration.clone();
        migration
            .answers
            .insert("migration.users".into(), Answer::Number(4000));
        migration
            .answers
            .insert("migration.repositories".into(), Answer::Number(12_000));
        vec![plain, migration]
    }

    fn edits(item: &ScopeItem) -> Vec<ScopeItem> {
        let mut edits = vec![item.clone()];
        for quantity in [0, 1, 7, 120, u64::MAX] {
            let mut edit = item.clone();
            edit.quantity = Some(quantity);
            edits.push(edit);
        }
        let mut edit = item.clone();
        edit.attendees = Some(25);
        edits.push(edit);
        let mut edit = item.clone();
        edit.hours = Some(d("12.5"));
        edits.push(edit);
        let mut edit = item.clone();
        edit.discount_percent = Some(d("20"));
        edits.push(edit);
        let mut edit = item.clone();
        edit.discount_amount = Some(d("99999999"));
        edits.push(edit);
        let mut edit = item.clone();
        edit.delivery = Some(DeliveryMode::OnSite);
        edits.push(edit);
        let mut edit = item.clone();
        edit.sku = "PM".into();
        edits.push(edit);
        edits
    }

    fn scopes() -> Vec<(Catalog, Vec<Scope>)> {
        let models = load("test.toml", MODELS).unwrap_or_else(|e| panic!("{e}"));
        let gitlab = Catalog::gitlab().unwrap_or_else(|e| panic!("{e}"));
        vec![(models, model_scopes()), (gitlab, gitlab_scopes())]
    }

    #[test]
    fn an_item_alone_has_the_problems_pricing_the_whole_scope_finds_for_it() {
        let mut checked = 0;
        let mut refused = 0;
        for (catalog, scopes) in scopes() {
            for scope in &scopes {
                for index in 0..=scope.items.len() {
                    let expected = by_whole_scope(&catalog, scope, index);
                    assert_eq!(
                        item_errors(&catalog, scope, index),
                        expected,
                        "item {index} of {scope:?}"
                    );
                    checked += 1;
                    refused += usize::from(!expected.is_empty());
                }
            }
        }
        assert!(
            checked > 80 && refused > 20,
            "{checked} checked, {refused} refused"
        );
    }

    #[test]
    fn an_edited_item_has_the_problems_of_the_scope_with_the_edit_made() {
        let mut checked = 0;
        let mut refused = 0;
        for (catalog, scopes) in scopes() {
            for scope in &scopes {
                for (index, item) in scope.items.iter().enumerate() {
                    for edit in edits(item) {
                        let mut edited = scope.clone();
                        edited.items[index] = edit.clone();
                        let expected = by_whole_scope(&catalog, &edited, index);
                        assert_eq!(
                            edited_item_errors(&catalog, scope, index, &edit),
                            expected,
                            "item {index} as {edit:?} in {scope:?}"
                        );
                        checked += 1;
                        refused += usize::from(!expected.is_empty());
                    }
                }
                let nowhere = ScopeItem::new("GL-JIRA");
                let past = scope.items.len();
                assert!(edited_item_errors(&catalog, scope, past, &nowhere).is_empty());
            }
        }
        assert!(
            checked > 500 && refused > 200,
            "{checked} checked, {refused} refused"
        );
    }
}
