//! Travel and expenses for on-site delivery: travelers × (per trip + days × per day) for
//! each trip, rounded once, on a separate expense line billed at actual cost.

use rust_decimal::Decimal;

use crate::catalog::DeliveryMode;
use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::line::ExpenseDraft;
use crate::quote::trace::{Converted, TraceDetail, TraceStep};

use super::Ctx;

/// The unrounded travel estimate of one on-site delivery (all travelers), or `None` when the
/// item is delivered remotely or the book has no travel defaults. Models that choose between
/// numbers of deliveries weigh it, since the customer pays it on top of the fee.
pub(super) fn per_trip_estimate(ctx: &Ctx<'_>) -> Result<Option<Decimal>, Vec<FieldError>> {
    if ctx.delivery != DeliveryMode::OnSite {
        return Ok(None);
    }
    let Some((travel, _)) = ctx.prices.travel() else {
        return Ok(None);
    };
    let delivery = &ctx.offering.delivery;
    times(travel.per_day, u64::from(delivery.on_site_days))
        .and_then(|d| d.checked_add(travel.per_trip))
        .and_then(|d| times(d, u64::from(delivery.travelers)))
        .map(Some)
        .ok_or_else(|| ctx.overflow())
}

/// The expense line for an on-site item with `trips` (low, high) deliveries.
pub(super) fn expense(
    ctx: &Ctx<'_>,
    trips: (u64, u64),
) -> Result<Box<ExpenseDraft>, Vec<FieldError>> {
    let Some((travel, source)) = ctx.prices.travel() else {
        return Err(ctx.error(
            "delivery",
            format!(
                "on-site delivery needs a travel estimate, but the {} price book has none",
                ctx.currency().code()
            ),
        ));
    };
    let delivery = &ctx.offering.delivery;
    let travelers = u64::from(delivery.travelers);
    let days = u64::from(delivery.on_site_days);
    let currency = ctx.currency();
    let per_trip = per_trip_estimate(ctx)?.unwrap_or(Decimal::ZERO);
    let amount = PriceRange {
        low: currency.round(
            times(per_trip, trips.0).ok_or_else(|| ctx.overflow())?,
            ctx.prices.mode,
        ),
        high: currency.round(
            times(per_trip, trips.1).ok_or_else(|| ctx.overflow())?,
            ctx.prices.mode,
        ),
    };
    let mut trace = Vec::with_capacity(2);
    if let Some(detail) = ctx
        .prices
        .source_detail(&source, travel.per_trip, Converted::Travel)
    {
        trace.push(TraceStep::new(detail, currency, None, None));
    }
    trace.push(TraceStep::new(
        TraceDetail::Travel {
            travelers,
            per_trip: travel.per_trip,
            days,
            per_day: travel.per_day,
            trips,
            amount,
        },
        currency,
        None,
        Some(amount),
    ));
    Ok(Box::new(ExpenseDraft {
        item: ctx.index,
        sku: ctx.offering.sku.clone(),
        name: format!("Travel and expenses for {} (estimate)", ctx.offering.name),
        sale: ctx.offering.sale,
        delivery: ctx.delivery,
        trips,
        amount,
        trace,
    }))
}
