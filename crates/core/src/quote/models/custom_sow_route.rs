//! An offering's `custom_sow_when`: a line whose quantity or scope calls for a custom SOW is
//! not priced; it becomes "custom SOW required", left out of the total, and routes the deal
//! to a SOW.

use super::{Ctx, Priced};
use crate::condition::holds;
use crate::money::thousands;
use crate::quote::trace::TraceDetail;

/// Turns the priced line into a custom-SOW line when the offering's route holds; returns
/// whether it did. A quantity that is a range while answers are missing routes the line only
/// when its low end is over the limit; when only the high end is, the quote warns.
#[inline(always)] // called once a line; outlined, it costs the drafting code its inlining
pub(super) fn route(ctx: &Ctx<'_>, priced: &mut Priced) -> bool {
    let Some(route) = &ctx.offering.custom_sow_when else {
        return false;
    };
    let sku = &ctx.offering.sku;
    let by_quantity = route
        .quantity_over
        .filter(|limit| priced.quantity > *limit)
        .map(|limit| (priced.quantity, limit));
    let fires =
        by_quantity.is_some() || (!route.when.is_empty() && holds(&route.when, ctx.facts()));
    if !fires {
        if let (Some(limit), Some(high)) = (route.quantity_over, priced.quantity_high)
            && high > limit
        {
            priced.warnings.push(format!(
                "{sku}: a quantity over {} needs a custom SOW ({}); the missing answers decide",
                thousands(limit),
                route.reason
            ));
        }
        return false;
    }
    priced.gross = None;
    priced.unit_price = None;
    priced.components.clear();
    priced.quantity_high = None;
    priced.push(
        TraceDetail::CustomSowRoute {
            reason: route.reason.clone(),
            quantity_over: by_quantity,
        },
        None,
    );
    priced
        .warnings
        .push(format!("{sku}: custom SOW required: {}", route.reason));
    true
}
