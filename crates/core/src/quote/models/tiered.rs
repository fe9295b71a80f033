//! Tiers by quantity: volume (every unit at the rate of the band reached), graduated (each
//! band's units at that band's rate) or flat (one fee for the band reached), within the
//! offering's minimum and maximum quantity.

use rust_decimal::Decimal;

use crate::catalog::{Band, TierMode};
use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::component::{Component, ComponentDescription};
use crate::quote::trace::{TierVolume, TraceDetail};
use crate::quote::wording::plural;

use super::{Ctx, Priced};

/// Prices `quantity` units on the tiers, checked against the minimum and maximum sold.
pub(super) fn tiered(
    ctx: &Ctx<'_>,
    mode: TierMode,
    unit: &str,
    bands: &[Band],
    min_quantity: Option<u64>,
    max_quantity: Option<u64>,
    priced: &mut Priced,
) -> Result<(), Vec<FieldError>> {
    let (entry, converted) = ctx.prices.entry(ctx.key()).ok_or_else(|| {
        ctx.error(
            "sku",
            format!(
                "the catalog has no {} tier prices for {}",
                ctx.currency().code(),
                ctx.offering.sku
            ),
        )
    })?;
    let min = min_quantity.unwrap_or(1);
    let quantity = ctx.item.quantity.unwrap_or(min);
    if quantity < min {
        return Err(ctx.error(
            "quantity",
            format!(
                "{} is sold from {min} {}; got {quantity}",
                ctx.offering.sku,
                plural(unit, min)
            ),
        ));
    }
    if let Some(max) = max_quantity
        && quantity > max
    {
        return Err(ctx.error(
            "quantity",
            format!(
                "{} is sold up to {max} {}; got {quantity}",
                ctx.offering.sku,
                plural(unit, max)
            ),
        ));
    }
    if converted {
        priced.push(
            TraceDetail::ConvertedTable {
                tiers: true,
                base_currency: ctx.prices.base_currency,
            },
            None,
        );
    }
    let currency = ctx.currency();
    let no_band = || {
        ctx.error(
            "quantity",
            format!(
                "{quantity} {} is in none of the catalog's tiers for {}",
                plural(unit, quantity),
                ctx.offering.sku
            ),
        )
    };
    let gross = match mode {
        TierMode::Volume => {
            let (index, band) = bands
                .iter()
                .enumerate()
                .find(|(_, b)| b.contains(quantity))
                .ok_or_else(no_band)?;
            let price = entry.tiers.get(index).copied().ok_or_else(no_band)?;
            let amount = times(price, quantity).ok_or_else(|| ctx.overflow())?;
            priced.unit_price = Some(currency.at_scale(price));
            priced.push(
                TraceDetail::TierVolume(Box::new(TierVolume {
                    quantity,
                    unit: unit.to_string(),
                    band: *band,
                    price,
                    amount,
                })),
                None,
            );
            amount
        }
        TierMode::Flat => {
            let (index, band) = bands
                .iter()
                .enumerate()
                .find(|(_, b)| b.contains(quantity))
                .ok_or_else(no_band)?;
            let fee = entry.tiers.get(index).copied().ok_or_else(no_band)?;
            priced.push(
                TraceDetail::TierFlat {
                    quantity,
                    unit: unit.to_string(),
                    band: *band,
                    fee,
                },
                None,
            );
            fee
        }
        TierMode::Graduated => {
            let mut total = Decimal::ZERO;
            let mut parts = Vec::new();
            for (index, band) in bands.iter().enumerate() {
                if quantity < band.from {
                    break;
                }
                let upper = band.to.map_or(quantity, |to| to.min(quantity));
                let count = upper.saturating_sub(band.from) + 1;
                let price = entry.tiers.get(index).copied().ok_or_else(no_band)?;
                let amount = times(price, count).ok_or_else(|| ctx.overflow())?;
                total = total.checked_add(amount).ok_or_else(|| ctx.overflow())?;
                parts.push((count, price, *band));
                priced.components.push(Component {
                    sku: ctx.names.sku.clone(),
                    description: ComponentDescription::text(format!(
                        "{} {} in the {} tier",
                        count,
                        plural(unit, count),
                        band.label()
                    )),
                    quantity: Decimal::from(count),
                    unit_price: currency.at_scale(price),
                    amount: currency.at_scale(amount),
                });
            }
            priced.push(TraceDetail::TierGraduated { parts, total }, None);
            total
        }
    };
    let gross = PriceRange::firm(currency.at_scale(gross));
    priced.quantity = quantity;
    priced.gross = Some(gross);
    priced.trips = (1, 1);
    if let Some(step) = priced.last_step_mut() {
        step.after = Some(gross);
    }
    Ok(())
}
