//! What changed for a scope opened with another catalog than the one it was quoted with:
//! the lines whose price moved (old → new, and why), the offerings retired, the approvals now
//! needed and the change in total. The comparison is the core's
//! ([`scopecraft::compare_with_quoted`], from the prices the scope carries in `quoted`); this
//! component only lays it out.

use scopecraft::{LineChange, LineComparison, QuoteComparison, QuoteOptions};
use yew::prelude::*;

use super::{Notice, Tone};
use crate::state::{SharedCatalog, SharedScope};

/// What the list needs.
#[derive(Properties, PartialEq)]
pub struct CatalogChangesProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The scope, with the prices it was quoted at.
    pub scope: SharedScope,
}

/// The comparison as a notice; nothing when the scope carries no prices, was quoted with
/// this catalog, or cannot be priced now (the quote panel says why).
#[component]
pub fn CatalogChanges(props: &CatalogChangesProps) -> Html {
    let Some(Ok(comparison)) =
        scopecraft::compare_with_quoted(&props.catalog, &props.scope, &QuoteOptions::default())
    else {
        return Html::default();
    };
    if !comparison.changed() {
        return html! {
            <Notice id="catalog-changes" tone={Tone::Info}>
                <p>{ "The prices of this scope are the same with the catalog shown." }</p>
            </Notice>
        };
    }
    html! {
        <Notice id="catalog-changes" tone={Tone::Warning}>
            <p>{ "What the catalog change does to this scope:" }</p>
            <ul class="catalog-changes">
                { for comparison.changed_lines().map(|line| line_item(line, &comparison)) }
            </ul>
            <p class="catalog-changes-total">{ total(&comparison) }</p>
            if !comparison.approvals_added.is_empty() {
                <p>{ "Now needs approval from: " }
                    { comparison.approvals_added.iter().map(|a| a.approver.clone()).collect::<Vec<_>>().join(", ") }
                </p>
            }
            if !comparison.approvals_removed.is_empty() {
                <p>{ "No longer needs approval from: " }
                    { comparison.approvals_removed.iter().map(|a| a.approver.clone()).collect::<Vec<_>>().join(", ") }
                </p>
            }
        </Notice>
    }
}

fn line_item(line: &LineComparison, comparison: &QuoteComparison) -> Html {
    let money = |amount: Option<scopecraft::PriceRange>, currency| {
        amount.map_or("no list price".to_string(), |a| a.display(currency))
    };
    let before = money(line.before, comparison.before_currency);
    let after = money(line.after, comparison.currency);
    let text = match line.change {
        LineChange::Retired => {
            format!("{before}, retired: no longer in the catalog, left out of the quote")
        }
        LineChange::New => format!("{after}, not in the catalog it was quoted with"),
        _ => {
            let difference = line.difference.map_or(String::new(), |d| {
                format!(" ({})", d.display_change(comparison.currency))
            });
            let unit = match (line.change, line.unit_before, line.unit_after) {
                (LineChange::PriceChanged, Some(old), Some(new)) => format!(
                    ": unit {} → {}",
                    comparison.before_currency.display(old),
                    comparison.currency.display(new)
                ),
                _ => String::new(),
            };
            format!(
                "{before} → {after}{difference}, {}{unit}",
                line.change.words()
            )
        }
    };
    html! {
        <li data-sku={line.sku.clone()} data-change={format!("{:?}", line.change)}>
            <strong>{ format!("{} {}", line.sku, line.name) }</strong>{ ": " }{ text }
        </li>
    }
}

fn total(comparison: &QuoteComparison) -> String {
    let before = comparison.total_before.display(comparison.before_currency);
    let after = comparison.total_after.display(comparison.currency);
    match comparison.total_change {
        Some(change) => format!(
            "Total: {before} → {after} ({})",
            change.display_change(comparison.currency)
        ),
        None => format!("Total: {before} → {after}"),
    }
}
