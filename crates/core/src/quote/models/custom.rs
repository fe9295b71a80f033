//! No list price: the line is left out of the total and the PS team prepares an estimate.

use super::{Ctx, Priced};
use crate::quote::trace::TraceDetail;

/// The line without a price: quantity engagements, a warning, the estimate note.
pub(super) fn custom(ctx: &Ctx<'_>, note: &str, priced: &mut Priced) {
    let quantity = ctx.item.quantity.unwrap_or(1);
    priced.quantity = quantity;
    priced.trips = (quantity, quantity);
    priced.push(
        TraceDetail::Custom {
            note: note.to_string(),
        },
        None,
    );
    priced.warnings.push(format!(
        "{}: custom estimate needed (not in the total)",
        ctx.offering.sku
    ));
}
