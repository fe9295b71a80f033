//! A recurring fee: a monthly amount over a term of months (the scope item's quantity), at
//! least the offering's minimum term; the line's gross is the contract total over the term.

use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::trace::TraceDetail;

use super::{Ctx, Priced};

/// Prices `quantity` months (the minimum term when none is given) at the monthly fee.
pub(super) fn recurring(
    ctx: &Ctx<'_>,
    min_term_months: u32,
    max_term_months: Option<u32>,
    priced: &mut Priced,
) -> Result<(), Vec<FieldError>> {
    let (monthly, note) = ctx.unit_price(ctx.key(), ctx.delivery)?;
    priced.list_price_step(ctx, monthly, ctx.names.unit.clone(), note);
    let min = u64::from(min_term_months);
    let months = ctx.item.quantity.unwrap_or(min);
    if months < min {
        return Err(ctx.error(
            "quantity",
            format!(
                "{} has a minimum term of {min} months; got a term of {months}",
                ctx.offering.sku
            ),
        ));
    }
    if let Some(max) = max_term_months.map(u64::from)
        && months > max
    {
        return Err(ctx.error(
            "quantity",
            format!(
                "{} is sold for terms up to {max} months; got a term of {months}",
                ctx.offering.sku
            ),
        ));
    }
    let total = times(monthly, months).ok_or_else(|| ctx.overflow())?;
    let gross = PriceRange::firm(ctx.currency().at_scale(total));
    priced.push(
        TraceDetail::Recurring {
            monthly,
            months,
            min_term: min,
            total: gross.low,
        },
        Some(gross),
    );
    priced.quantity = months;
    priced.unit_price = Some(monthly);
    priced.gross = Some(gross);
    priced.trips = (1, 1);
    Ok(())
}
