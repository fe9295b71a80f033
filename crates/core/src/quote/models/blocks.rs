//! Prepaid blocks of hours: hours round up to whole blocks, or a number of blocks is given.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::trace::TraceDetail;

use super::{Ctx, Priced};

/// Prices whole blocks: from the hours (rounded up), or the quantity, or 1.
pub(super) fn blocks(
    ctx: &Ctx<'_>,
    hours_per_block: u64,
    included_pm_hours: u32,
) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new(ctx);
    let (price, note) = ctx.unit_price(&ctx.offering.sku, ctx.delivery)?;
    priced.push(
        TraceDetail::BlockListPrice {
            price,
            hours: hours_per_block,
            pm_hours: included_pm_hours,
        },
        None,
    );
    priced.push_opt(note);
    let blocks = match ctx.item.hours {
        Some(hours) => {
            if hours <= Decimal::ZERO {
                return Err(ctx.error("hours", "must be more than 0 hours"));
            }
            let exact = hours
                .checked_div(Decimal::from(hours_per_block.max(1)))
                .ok_or_else(|| ctx.overflow())?;
            let blocks = u64::try_from(exact.ceil()).map_err(|_| ctx.overflow())?;
            priced.push(
                TraceDetail::Blocks {
                    hours,
                    hours_per_block,
                    exact,
                    blocks,
                },
                None,
            );
            blocks
        }
        None => ctx.item.quantity.unwrap_or(1),
    };
    let gross = times(price, blocks).ok_or_else(|| ctx.overflow())?;
    let gross = PriceRange::firm(ctx.currency().at_scale(gross));
    priced.push(
        TraceDetail::UnitQuantity {
            quantity: blocks,
            unit: Cow::Borrowed("block"),
            price,
            total: gross.low,
        },
        Some(gross),
    );
    priced.quantity = blocks;
    priced.unit_price = Some(price);
    priced.gross = Some(gross);
    priced.trips = (blocks, blocks);
    Ok(priced)
}
