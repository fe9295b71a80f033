//! A fixed fee per unit: the list price times the quantity (1 when none is given).

use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::trace::TraceDetail;

use super::{Ctx, Priced};

/// Prices the quantity (1 when none is given) at the list price, per the offering's unit.
pub(super) fn fixed(ctx: &Ctx<'_>, priced: &mut Priced) -> Result<(), Vec<FieldError>> {
    let (price, note) = ctx.unit_price(ctx.key(), ctx.delivery)?;
    priced.list_price_step(ctx, price, ctx.names.unit.clone(), note);
    let quantity = ctx.item.quantity.unwrap_or(1);
    let gross = times(price, quantity).ok_or_else(|| ctx.overflow())?;
    let gross = PriceRange::firm(ctx.currency().at_scale(gross));
    priced.push(
        TraceDetail::UnitQuantity {
            quantity,
            unit: ctx.names.unit.clone(),
            price,
            total: gross.low,
        },
        Some(gross),
    );
    priced.quantity = quantity;
    priced.unit_price = Some(price);
    priced.gross = Some(gross);
    priced.trips = (quantity, quantity);
    Ok(())
}
