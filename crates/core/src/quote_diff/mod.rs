//! A scope re-priced against another catalog: each item's total before and after with the
//! reason it moved (its list price changed, a pricing rule changed, its offering was retired
//! or is new), the approvals the quote now needs or no longer needs, and the change in total.
//!
//! The "before" side is [`QuotedPrices`]: what a scope was quoted at. The CLI makes it by
//! pricing the scope with the old catalog ([`quoted_prices`]); the web app reads the one the
//! scope carries (`"quoted"`, written when it was saved or shared). [`compare_quotes`] is the
//! one comparison rule for both.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{Catalog, CatalogRef};
use crate::catalog_diff::percent_change;
use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::money::{Currency, PriceRange};
use crate::quote::{Approval, LineKind, Quote, QuoteError, QuoteOptions, price_with};
use crate::scope::{QuotedApproval, QuotedItem, QuotedPrices, Scope};

/// The identifier of the JSON document a [`QuoteComparison`] serializes as.
pub const QUOTE_COMPARISON_FORMAT: &str = "scopecraft.quote-comparison/1";

/// A scope priced with a catalog, without the items whose offering the catalog no longer has.
#[derive(Debug, Clone, PartialEq)]
pub struct Repriced {
    /// The quote of the items the catalog can price; line `item` indices are the scope's.
    pub quote: Quote,
    /// The items left out, in scope order.
    pub retired: Vec<RetiredItem>,
}

/// A scope item whose offering the catalog no longer has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetiredItem {
    /// Index of the scope item.
    pub item: usize,
    /// Its SKU.
    pub sku: String,
}

/// Prices `scope` with `catalog`, leaving out (and naming) the items whose SKU the catalog
/// does not have, so a retired offering does not stop the rest from being compared. Any
/// other problem is an error naming the field, with the scope's own item numbers.
pub fn reprice(
    catalog: &Catalog,
    scope: &Scope,
    options: &QuoteOptions,
) -> Result<Repriced, QuoteError> {
    let (kept, retired): (Vec<usize>, Vec<usize>) = (0..scope.items.len()).partition(|&i| {
        scope
            .items
            .get(i)
            .is_some_and(|item| catalog.offering(&item.sku).is_some())
    });
    let original = |index: usize| kept.get(index).copied().unwrap_or(index);
    let priced = Scope {
        items: kept
            .iter()
            .filter_map(|&i| scope.items.get(i).cloned())
            .collect(),
        ..scope.clone()
    };
    let mut quote = price_with(catalog, &priced, options).map_err(|error| QuoteError {
        errors: error
            .errors
            .iter()
            .map(|e| match &e.field {
                FieldPath::Item { index, field } => FieldError {
                    field: FieldPath::item(original(*index), field.clone()),
                    message: e.message.clone(),
                },
                _ => e.clone(),
            })
            .collect::<FieldErrors>(),
    })?;
    for line in &mut quote.lines {
        line.item = original(line.item);
    }
    Ok(Repriced {
        quote,
        retired: retired
            .into_iter()
            .filter_map(|i| {
                scope.items.get(i).map(|item| RetiredItem {
                    item: i,
                    sku: item.sku.clone(),
                })
            })
            .collect(),
    })
}

/// What a quote prices, kept so a later catalog can be compared with it: each item's unit
/// price and total (expense lines left out), the total and the approvals.
pub fn quoted_prices(quote: &Quote) -> QuotedPrices {
    QuotedPrices {
        currency: quote.currency,
        items: quote
            .lines
            .iter()
            .filter(|line| line.kind != LineKind::Expense)
            .map(|line| QuotedItem {
                item: line.item,
                sku: line.sku.to_string(),
                name: line.name.to_string(),
                unit_price: line.unit_price,
                total: line.total,
            })
            .collect(),
        total: quote.total,
        approvals: quote
            .approvals
            .iter()
            .map(|a| QuotedApproval {
                rule: a.rule.clone(),
                approver: a.approver.clone(),
            })
            .collect(),
    }
}

/// A scope's quote before and after a catalog change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteComparison {
    /// Always [`QUOTE_COMPARISON_FORMAT`].
    pub format: &'static str,
    /// The catalog of the "before" side, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_catalog: Option<CatalogRef>,
    /// The catalog of the "after" side.
    pub after_catalog: CatalogRef,
    /// The currency of the "before" amounts.
    pub before_currency: Currency,
    /// The currency of the "after" amounts.
    pub currency: Currency,
    /// One entry per scope item priced on either side, in scope order.
    pub lines: Vec<LineComparison>,
    /// The total before.
    pub total_before: PriceRange,
    /// The total after.
    pub total_after: PriceRange,
    /// After less before, end by end; absent when the currencies differ.
    pub total_change: Option<PriceRange>,
    /// The change of the total's high end in percent (one decimal), when both are in one
    /// currency and the old total is not zero.
    pub total_change_percent: Option<Decimal>,
    /// Approvals the quote needs now and did not before.
    pub approvals_added: Vec<Approval>,
    /// Approvals it needed before and no longer does.
    pub approvals_removed: Vec<QuotedApproval>,
}

impl QuoteComparison {
    /// Whether any line, the total or the approvals changed.
    pub fn changed(&self) -> bool {
        self.lines.iter().any(|l| l.change.is_change())
            || self.total_before != self.total_after
            || self.before_currency != self.currency
            || !self.approvals_added.is_empty()
            || !self.approvals_removed.is_empty()
    }

    /// The lines that changed.
    pub fn changed_lines(&self) -> impl Iterator<Item = &LineComparison> {
        self.lines.iter().filter(|l| l.change.is_change())
    }
}

/// One scope item before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineComparison {
    /// Index of the scope item.
    pub item: usize,
    /// Its SKU.
    pub sku: String,
    /// The offering's name (the new one while the catalog has it).
    pub name: String,
    /// Unit price before.
    pub unit_before: Option<Decimal>,
    /// Unit price after.
    pub unit_after: Option<Decimal>,
    /// Line total before (absent: not priced then, or no list price).
    pub before: Option<PriceRange>,
    /// Line total after (absent: retired, or no list price).
    pub after: Option<PriceRange>,
    /// After less before, when both are amounts in one currency.
    pub change: LineChange,
    /// After less before, end by end.
    pub difference: Option<PriceRange>,
}

/// Why a line moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineChange {
    /// Same unit price and total.
    Unchanged,
    /// The list price per unit changed (or the amount of a line priced without a unit
    /// price, such as an estimate table or a custom line getting a price).
    PriceChanged,
    /// Same unit price, different total: a pricing rule changed (bands, class size, add-ons,
    /// rounding, a quantity rule).
    RuleChanged,
    /// The catalog no longer has the offering.
    Retired,
    /// Priced now, not before (the old catalog did not have the offering).
    New,
    /// Neither catalog has the offering: not priced either time, so nothing changed.
    InNeither,
}

impl LineChange {
    /// The reason in words, for tables and notices.
    pub fn words(self) -> &'static str {
        match self {
            LineChange::Unchanged => "unchanged",
            LineChange::PriceChanged => "price changed",
            LineChange::RuleChanged => "pricing rule changed",
            LineChange::Retired => "offering retired",
            LineChange::New => "not in the earlier catalog",
            LineChange::InNeither => "in neither catalog",
        }
    }

    /// Whether the line moved (anything but unchanged or in neither catalog).
    pub fn is_change(self) -> bool {
        !matches!(self, LineChange::Unchanged | LineChange::InNeither)
    }
}

/// Compares what a scope was quoted at (`before`) with its quote now (`after`). Items are
/// matched by their position in the scope and their SKU.
pub fn compare_quotes(
    before: &QuotedPrices,
    before_catalog: Option<&CatalogRef>,
    after: &Repriced,
) -> QuoteComparison {
    let same_currency = before.currency == after.quote.currency;
    let after_lines: Vec<_> = after
        .quote
        .lines
        .iter()
        .filter(|line| line.kind != LineKind::Expense)
        .collect();
    let mut items: Vec<usize> = before
        .items
        .iter()
        .map(|i| i.item)
        .chain(after_lines.iter().map(|l| l.item))
        .chain(after.retired.iter().map(|r| r.item))
        .collect();
    items.sort_unstable();
    items.dedup();
    let lines = items
        .into_iter()
        .filter_map(|item| {
            let retired = after.retired.iter().find(|r| r.item == item);
            let new = after_lines.iter().find(|l| l.item == item);
            let sku = new.map(|l| &*l.sku).or(retired.map(|r| r.sku.as_str()));
            let old = before
                .items
                .iter()
                .find(|i| i.item == item && sku.is_none_or(|sku| sku == i.sku));
            let change = match (old, new, retired) {
                (Some(_), _, Some(_)) => LineChange::Retired,
                (None, _, Some(_)) => LineChange::InNeither,
                (None, Some(_), None) => LineChange::New,
                (Some(old), Some(new), None) => {
                    if !same_currency || old.unit_price != new.unit_price {
                        LineChange::PriceChanged
                    } else if old.total != new.total {
                        if old.unit_price.is_none() {
                            LineChange::PriceChanged
                        } else {
                            LineChange::RuleChanged
                        }
                    } else {
                        LineChange::Unchanged
                    }
                }
                (_, None, None) => return None,
            };
            let before_total = old.and_then(|o| o.total);
            let after_total = new.and_then(|n| n.total);
            let difference = match (before_total, after_total, same_currency) {
                (Some(b), Some(a), true) => a.checked_sub(b),
                (Some(b), None, true) if retired.is_some() => {
                    PriceRange::firm(Decimal::ZERO).checked_sub(b)
                }
                (None, Some(a), true) if old.is_none() => Some(a),
                _ => None,
            };
            Some(LineComparison {
                item,
                sku: sku
                    .or(old.map(|o| o.sku.as_str()))
                    .unwrap_or_default()
                    .to_string(),
                name: new
                    .map(|n| n.name.to_string())
                    .or(old.map(|o| o.name.clone()))
                    .unwrap_or_default(),
                unit_before: old.and_then(|o| o.unit_price),
                unit_after: new.and_then(|n| n.unit_price),
                before: before_total,
                after: after_total,
                change,
                difference,
            })
        })
        .collect();
    let total_after = after.quote.total;
    let total_change = same_currency
        .then(|| total_after.checked_sub(before.total))
        .flatten();
    QuoteComparison {
        format: QUOTE_COMPARISON_FORMAT,
        before_catalog: before_catalog.cloned(),
        after_catalog: after.quote.catalog.clone(),
        before_currency: before.currency,
        currency: after.quote.currency,
        lines,
        total_before: before.total,
        total_after,
        total_change,
        total_change_percent: same_currency
            .then(|| percent_change(before.total.high, total_after.high))
            .flatten(),
        approvals_added: after
            .quote
            .approvals
            .iter()
            .filter(|a| !before.approvals.iter().any(|b| b.rule == a.rule))
            .cloned()
            .collect(),
        approvals_removed: before
            .approvals
            .iter()
            .filter(|b| !after.quote.approvals.iter().any(|a| a.rule == b.rule))
            .cloned()
            .collect(),
    }
}

/// The scope as an app saves or shares it from `catalog`: named as made with it and
/// carrying what it is quoted at now (no `quoted` when it cannot be priced).
pub fn with_quoted_prices(catalog: &Catalog, scope: &Scope) -> Scope {
    let mut saved = scope.clone();
    saved.catalog = Some(catalog.reference());
    saved.quoted = price_with(catalog, scope, &QuoteOptions::default())
        .ok()
        .map(|quote| quoted_prices(&quote));
    saved
}

/// What changed for a scope that carries the prices it was quoted at (`"quoted"`), priced
/// now with `catalog`: `None` when the scope carries none, or was made with this very
/// catalog. An error when the scope cannot be priced now.
pub fn compare_with_quoted(
    catalog: &Catalog,
    scope: &Scope,
    options: &QuoteOptions,
) -> Option<Result<QuoteComparison, QuoteError>> {
    let quoted = scope.quoted.as_ref()?;
    if scope
        .catalog
        .as_ref()
        .is_some_and(|c| c.hash == catalog.hash())
    {
        return None;
    }
    Some(
        reprice(catalog, scope, options)
            .map(|after| compare_quotes(quoted, scope.catalog.as_ref(), &after)),
    )
}

#[cfg(test)]
mod tests;
