//! Prepaid blocks of hours: hours round up to whole blocks, or a number of blocks is given;
//! every block at the one block price, or, with volume tiers by block count, at the rate of
//! the band the count reaches.

use rust_decimal::Decimal;

use crate::catalog::Band;
use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::trace::{TierVolume, TraceDetail};
use crate::quote::wording::plural;

use super::{Ctx, Priced};

/// Prices whole blocks: from the hours (rounded up), or the quantity, or 1.
pub(super) fn blocks(
    ctx: &Ctx<'_>,
    hours_per_block: u64,
    included_pm_hours: u32,
    bands: &[Band],
    priced: &mut Priced,
) -> Result<(), Vec<FieldError>> {
    let mut count_step = None;
    let blocks = match ctx.item.hours {
        Some(hours) => {
            if hours <= Decimal::ZERO {
                return Err(ctx.error("hours", "must be more than 0 hours"));
            }
            let exact = hours
                .checked_div(Decimal::from(hours_per_block.max(1)))
                .ok_or_else(|| ctx.overflow())?;
            let blocks = u64::try_from(exact.ceil()).map_err(|_| ctx.overflow())?;
            count_step = Some(TraceDetail::Blocks {
                hours,
                hours_per_block,
                exact,
                blocks,
            });
            blocks
        }
        None => ctx.item.quantity.unwrap_or(1),
    };
    let (price, note, tier) = if bands.is_empty() {
        let (price, note) = ctx.unit_price(ctx.key(), ctx.delivery)?;
        (price, note, None)
    } else {
        let (price, band, converted) = tier_price(ctx, bands, blocks)?;
        let note = converted.then_some(TraceDetail::ConvertedTable {
            tiers: true,
            base_currency: ctx.prices.base_currency,
        });
        (price, note, Some(band))
    };
    priced.push(
        TraceDetail::BlockListPrice {
            price,
            hours: hours_per_block,
            pm_hours: included_pm_hours,
        },
        None,
    );
    priced.push_opt(note);
    priced.push_opt(count_step);
    let gross = times(price, blocks).ok_or_else(|| ctx.overflow())?;
    let gross = PriceRange::firm(ctx.currency().at_scale(gross));
    if let Some(band) = tier {
        priced.push(
            TraceDetail::TierVolume(Box::new(TierVolume {
                quantity: blocks,
                unit: "block".to_string(),
                band,
                price,
                amount: gross.low,
            })),
            Some(gross),
        );
    } else {
        priced.push(
            TraceDetail::UnitQuantity {
                quantity: blocks,
                unit: ctx.names.unit.clone(),
                price,
                total: gross.low,
            },
            Some(gross),
        );
    }
    priced.quantity = blocks;
    priced.unit_price = Some(price);
    priced.gross = Some(gross);
    priced.trips = (blocks, blocks);
    Ok(())
}

/// The price per block of the band `blocks` reaches, the band, and whether the price was
/// converted from the base book.
fn tier_price(
    ctx: &Ctx<'_>,
    bands: &[Band],
    blocks: u64,
) -> Result<(Decimal, Band, bool), Vec<FieldError>> {
    let sku = &ctx.offering.sku;
    let (entry, converted) = ctx.prices.entry(ctx.key()).ok_or_else(|| {
        ctx.error(
            "sku",
            format!(
                "the catalog has no {} block tiers for {sku}",
                ctx.currency().code()
            ),
        )
    })?;
    let field = if ctx.item.hours.is_some() {
        "hours"
    } else {
        "quantity"
    };
    let found = bands
        .iter()
        .enumerate()
        .find(|(_, band)| band.contains(blocks))
        .and_then(|(index, band)| Some((*entry.tiers.get(index)?, *band)));
    let (price, band) = found.ok_or_else(|| {
        ctx.error(
            field,
            format!(
                "{blocks} {} is in none of the catalog's block tiers for {sku}",
                plural("block", blocks)
            ),
        )
    })?;
    Ok((ctx.currency().at_scale(price), band, converted))
}
