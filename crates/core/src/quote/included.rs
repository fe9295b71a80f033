//! Offerings included with another at no charge (the catalog's `includes`, the scope item's
//! `included`): the check of the choices, one line at price 0 for each chosen SKU, and the
//! warning that says how many choices are still open.

use super::trace::{Trace, TraceDetail, TraceStep};
use super::types::{LineKind, QuoteLine};
use super::wording::push_number;
use crate::catalog::{Catalog, DeliveryMode, Includes, Offering};
use crate::field_error::{FieldError, FieldPath};
use crate::money::{Currency, PriceRange};
use crate::scope::ScopeItem;

/// Every problem with the item's `included` list: nothing to choose, a SKU the offering does
/// not include, one chosen twice, more than the offering includes.
pub(crate) fn check(offering: &Offering, item: &ScopeItem, index: usize) -> Vec<FieldError> {
    if item.included.is_empty() {
        return Vec::new();
    }
    let field = FieldPath::item(index, "included");
    let Some(includes) = &offering.includes else {
        return vec![FieldError::new(
            field,
            format!(
                "{} includes nothing to choose; `included` only applies to offerings whose catalog entry has `includes`",
                offering.sku
            ),
        )];
    };
    let mut errors = Vec::new();
    for (n, sku) in item.included.iter().enumerate() {
        if !includes.from.contains(sku) {
            errors.push(FieldError::new(
                field.entry(n),
                format!(
                    "{sku:?} is not one of the {} {} includes; choose from {}",
                    includes.label,
                    offering.sku,
                    includes.from.join(", ")
                ),
            ));
        } else if item.included.iter().take(n).any(|s| s == sku) {
            errors.push(FieldError::new(
                field.entry(n),
                format!("{sku} is chosen twice; each included item counts once"),
            ));
        }
    }
    let chosen = item.included.len();
    if chosen > includes.choose as usize {
        errors.push(FieldError::new(
            field,
            format!(
                "{chosen} chosen, but {} includes {} {}; add any further one as an item of its own (it is charged)",
                offering.sku, includes.choose, includes.label
            ),
        ));
    }
    errors
}

/// The included lines of a checked item, in the order chosen, added to `lines`: price 0,
/// firm, sold as the parent is, each with a trace naming the parent.
pub(crate) fn lines(
    catalog: &Catalog,
    offering: &Offering,
    item: &ScopeItem,
    index: usize,
    currency: Currency,
    lines: &mut Vec<QuoteLine>,
    steps: &mut Vec<TraceStep>,
) {
    let Some(includes) = &offering.includes else {
        return;
    };
    let zero = PriceRange::firm(currency.zero());
    let included = item
        .included
        .iter()
        .filter_map(|sku| catalog.offering_shared(sku))
        .map(|(included, names)| {
            let first_step = steps.len();
            steps.push(TraceStep::new(
                TraceDetail::Included {
                    parent_sku: offering.sku.clone(),
                    parent_name: offering.name.clone(),
                    choose: includes.choose,
                    label: includes.label.clone(),
                },
                currency,
                None,
                Some(zero),
            ));
            QuoteLine {
                item: index,
                sku: names.sku.clone(),
                name: names.name.clone(),
                kind: LineKind::Firm,
                sale: offering.sale,
                delivery: Some(
                    included
                        .delivery
                        .modes
                        .first()
                        .copied()
                        .unwrap_or(DeliveryMode::Remote),
                ),
                quantity: 1,
                quantity_high: None,
                unit: names.unit.clone(),
                unit_price: Some(currency.zero()),
                components: Vec::new(),
                gross: Some(zero),
                discount: Some(zero),
                net: Some(zero),
                quote_discount: Some(zero),
                total: Some(zero),
                trace: Trace::written(first_step, steps.len()),
            }
        });
    lines.extend(included);
}

/// The choices still open on an item, as a warning for the account executive.
pub(crate) fn open_choices(offering: &Offering, item: &ScopeItem, index: usize) -> Option<String> {
    let Includes {
        choose,
        from,
        label,
    } = offering.includes.as_ref()?;
    let open = (*choose as usize).checked_sub(item.included.len())?;
    (open > 0).then(|| {
        // Written piece by piece, without the formatting machinery (which costs several
        // times the pricing of the line): this warning is repeated on every such line.
        let listed: usize = from.iter().map(|sku| sku.len() + 2).sum();
        let mut text = String::with_capacity(offering.sku.len() + label.len() + listed + 120);
        text.push_str(&offering.sku);
        text.push_str(" includes ");
        push_number(&mut text, u64::from(*choose));
        text.push(' ');
        text.push_str(label);
        text.push_str(" at no charge; ");
        push_number(&mut text, item.included.len() as u64);
        text.push_str(" chosen so far, ");
        push_number(&mut text, open as u64);
        text.push_str(" still to choose (items[");
        push_number(&mut text, index as u64);
        text.push_str("].included) from ");
        for (n, sku) in from.iter().enumerate() {
            if n > 0 {
                text.push_str(", ");
            }
            text.push_str(sku);
        }
        text
    })
}

#[cfg(test)]
mod tests;
