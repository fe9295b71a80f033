//! A fixed fee per unit: the list price times the quantity (1 when none is given).

use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::trace::TraceDetail;
use crate::quote::wording::unit_words;

use super::{Ctx, Priced};

/// Prices the quantity (1 when none is given) at the list price.
pub(super) fn fixed(ctx: &Ctx<'_>, unit: &str) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new(ctx);
    let (price, note) = ctx.unit_price(ctx.key(), ctx.delivery)?;
    priced.list_price_step(ctx, price, unit_words(unit), note);
    let quantity = ctx.item.quantity.unwrap_or(1);
    let gross = times(price, quantity).ok_or_else(|| ctx.overflow())?;
    let gross = PriceRange::firm(ctx.currency().at_scale(gross));
    priced.push(
        TraceDetail::UnitQuantity {
            quantity,
            unit: unit_words(unit),
            price,
            total: gross.low,
        },
        Some(gross),
    );
    priced.quantity = quantity;
    priced.unit_price = Some(price);
    priced.gross = Some(gross);
    priced.trips = (quantity, quantity);
    Ok(priced)
}
