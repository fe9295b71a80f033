//! Checks a scope item before it is priced: its SKU is known, its delivery mode sold, the
//! offering available on the date given, and its fields fit the pricing model, by the
//! catalog's table of the fields each model reads ([`crate::Pricing::item_fields`]), and its
//! amounts are whole minor units of the quote currency.

use super::Ctx;
use crate::catalog::{Availability, Catalog, DeliveryMode, ItemField, Offering};
use crate::field_error::FieldError;
use crate::money::finer_than_currency;
use crate::quote::line::LineDiscount;
use crate::quote::types::QuoteOptions;
use crate::quote::wording::plural;
use crate::scope::ScopeItem;

/// An unknown SKU, with the closest SKU in the catalog when one is a typo away.
pub(super) fn unknown_sku_message(catalog: &Catalog, sku: &str) -> String {
    let suggestion = catalog
        .offerings()
        .iter()
        .map(|o| {
            (
                edit_distance(&o.sku.to_ascii_uppercase(), &sku.to_ascii_uppercase()),
                &o.sku,
            )
        })
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, s)| format!("; did you mean {s}?"))
        .unwrap_or_default();
    format!(
        "unknown SKU {sku:?}: no offering in catalog {} has it{suggestion}",
        catalog.data().id
    )
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution =
                previous.get(j).copied().unwrap_or(usize::MAX / 2) + usize::from(ca != *cb);
            let deletion = previous.get(j + 1).copied().unwrap_or(usize::MAX / 2) + 1;
            let insertion = current.get(j).copied().unwrap_or(usize::MAX / 2) + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// The delivery mode priced: the one asked for, if the offering is sold that way (else an
/// error naming the sibling SKU that is), or the offering's first mode.
pub(super) fn delivery_mode(
    catalog: &Catalog,
    offering: &Offering,
    item: &ScopeItem,
    index: usize,
) -> Result<DeliveryMode, Vec<FieldError>> {
    let default = offering
        .delivery
        .modes
        .first()
        .copied()
        .unwrap_or(DeliveryMode::Remote);
    let Some(wanted) = item.delivery else {
        return Ok(default);
    };
    if offering.delivery.modes.contains(&wanted) {
        return Ok(wanted);
    }
    let sibling = offering
        .delivery
        .sibling
        .as_deref()
        .and_then(|s| catalog.offering(s))
        .filter(|s| s.delivery.modes.contains(&wanted))
        .map(|s| format!("; for {} delivery use {}", wanted.label(), s.sku))
        .unwrap_or_default();
    Err(vec![FieldError::item(
        index,
        "delivery",
        format!(
            "{} is delivered {} only{sibling}",
            offering.sku,
            offering
                .delivery
                .modes
                .iter()
                .map(|m| m.label())
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    )])
}

/// Refuses an offering not sold on the day given (no date: not checked).
pub(super) fn check_availability(
    ctx: &Ctx<'_>,
    options: &QuoteOptions,
) -> Result<(), Vec<FieldError>> {
    let Some(today) = options.as_of else {
        return Ok(());
    };
    let offering = ctx.offering;
    match offering.availability_on(today) {
        Availability::Sold => Ok(()),
        Availability::NotYet(from) => {
            Err(ctx.error("sku", format!("{} is not sold until {from}", offering.sku)))
        }
        Availability::Withdrawn(until) => Err(ctx.error(
            "sku",
            format!("{} was withdrawn after {until}", offering.sku),
        )),
    }
}

/// Refuses fields that do not apply to the offering's pricing model, so a typo or a stale
/// field never silently prices something else; then reads the line discount.
pub(super) fn check_fields(ctx: &Ctx<'_>) -> Result<LineDiscount, Vec<FieldError>> {
    let item = ctx.item;
    let pricing = &ctx.offering.pricing;
    let fields = pricing.item_fields();
    let mut errors: Vec<FieldError> = ItemField::ALL
        .into_iter()
        .filter(|field| is_given(item, *field) && !fields.accepts(*field))
        .map(|field| {
            FieldError::new(
                ctx.field(field.name()),
                format!(
                    "{} is priced by the {} model; `{}` only applies to {}",
                    ctx.offering.sku,
                    pricing.model_name(),
                    field.name(),
                    field.applies_to()
                ),
            )
        })
        .collect();
    if let Some(field) = fields.instead_of_quantity
        && is_given(item, field)
        && is_given(item, ItemField::Quantity)
    {
        errors.push(FieldError::new(
            ctx.field(field.name()),
            format!(
                "give {} or a number of {} (quantity), not both",
                field.name(),
                plural(pricing.unit(), 2)
            ),
        ));
    }
    let currency = ctx.currency();
    for (name, amount) in [
        ("discount_amount", item.discount_amount),
        ("not_to_exceed", item.not_to_exceed),
    ] {
        if let Some(message) = amount.and_then(|a| finer_than_currency(name, a, currency)) {
            errors.push(FieldError::new(ctx.field(name), message));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let discount = match (item.discount_percent, item.discount_amount) {
        (Some(_), Some(_)) => {
            return Err(ctx.error(
                "discount_amount",
                "give a discount as a percentage or as an amount, not both",
            ));
        }
        (Some(p), None) => LineDiscount::Percent(p),
        (None, Some(a)) => LineDiscount::Amount(a),
        (None, None) => LineDiscount::None,
    };
    if !fields.discountable && !matches!(discount, LineDiscount::None) {
        let field = if item.discount_percent.is_some() {
            "discount_percent"
        } else {
            "discount_amount"
        };
        return Err(ctx.error(
            field,
            format!(
                "{} has no list price, so there is nothing to discount; discount the custom estimate instead",
                ctx.offering.sku
            ),
        ));
    }
    Ok(discount)
}

/// Whether the scope item gives `field`.
fn is_given(item: &ScopeItem, field: ItemField) -> bool {
    match field {
        ItemField::Quantity => item.quantity.is_some(),
        ItemField::Attendees => item.attendees.is_some(),
        ItemField::Hours => item.hours.is_some(),
        ItemField::Effort => !item.effort.is_empty(),
        ItemField::NotToExceed => item.not_to_exceed.is_some(),
    }
}
