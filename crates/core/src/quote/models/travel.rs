//! Travel and expenses for on-site delivery, one rule for every model: travelers × (trips ×
//! per trip + days on site × per day), rounded once, on a separate expense line billed at
//! actual cost.
//!
//! A fixed-fee delivery is one trip of the offering's `on_site_days`, so its days are trips
//! × `on_site_days`. Time and materials has no deliveries to count: its days on site come
//! from the scope (an answer, or the effort hours at the catalog's hours a day), and it takes
//! one trip per started block of `on_site_days`.

use rust_decimal::Decimal;

use crate::catalog::{Band, DeliveryMode};
use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::trace::{Converted, DaysOnSite, Trace, TraceDetail, TraceStep};
use crate::quote::types::{LineKind, QuoteLine};

use super::Ctx;

/// The trips of an on-site item and, for time and materials, its days on site in all.
pub(super) struct Stay {
    /// Trips (low, high).
    trips: (u64, u64),
    /// Days on site in all and how they were found; absent: trips × `on_site_days`.
    days: Option<((u64, u64), DaysOnSite)>,
}

impl Stay {
    /// `trips` deliveries of the offering's `on_site_days` each.
    pub(super) fn deliveries(trips: (u64, u64)) -> Stay {
        Stay { trips, days: None }
    }
}

/// travelers × (trips × per trip + days × per day), unrounded; `None` without travel defaults
/// in the book, `Some(Err)` when the amounts are too large.
fn estimate(ctx: &Ctx<'_>, trips: u64, days: u64) -> Option<Result<Decimal, Vec<FieldError>>> {
    let (travel, _) = ctx.prices.travel()?;
    let travelers = u64::from(ctx.offering.delivery.travelers);
    Some(
        times(travel.per_trip, trips)
            .zip(times(travel.per_day, days))
            .and_then(|(t, d)| t.checked_add(d))
            .and_then(|sum| times(sum, travelers))
            .ok_or_else(|| ctx.overflow()),
    )
}

/// The unrounded travel estimate of one on-site delivery (all travelers), or `None` when the
/// item is delivered remotely or the book has no travel defaults. Models that choose between
/// numbers of deliveries weigh it, since the customer pays it on top of the fee.
pub(super) fn per_trip_estimate(ctx: &Ctx<'_>) -> Result<Option<Decimal>, Vec<FieldError>> {
    if ctx.delivery != DeliveryMode::OnSite {
        return Ok(None);
    }
    estimate(ctx, 1, u64::from(ctx.offering.delivery.on_site_days)).transpose()
}

/// The days on site of a time-and-materials item delivered on site and the trips they take:
/// the answer to the delivery's `on_site_days_question`, else the effort hours ÷ (travelers
/// × `on_site_hours_per_day`) rounded up, else the question's plausible range while it is
/// unanswered. `None` when nothing gives the days (one trip of `on_site_days`, as a fixed fee).
pub(super) fn time_and_materials_stay(ctx: &Ctx<'_>) -> Result<Option<Stay>, Vec<FieldError>> {
    let delivery = &ctx.offering.delivery;
    let question = delivery.on_site_days_question.as_deref();
    let answered = match question {
        Some(q) => ctx.number_answer(q)?,
        None => None,
    };
    let hours = ctx
        .item
        .effort
        .values()
        .try_fold(Decimal::ZERO, |sum, h| sum.checked_add(*h))
        .ok_or_else(|| ctx.overflow())?;
    let travelers = u64::from(delivery.travelers);
    let per_day = delivery
        .on_site_hours_per_day
        .filter(|h| *h > Decimal::ZERO);
    let (days, basis) = if let (Some(question), Some(days)) = (question, answered) {
        (
            (days, days),
            DaysOnSite::Answered {
                question: question.to_string(),
                days,
            },
        )
    } else if let Some(per_day) = per_day.filter(|_| hours > Decimal::ZERO) {
        let days = Decimal::from(travelers)
            .checked_mul(per_day)
            .and_then(|d| hours.checked_div(d))
            .and_then(|d| u64::try_from(d.ceil()).ok())
            .ok_or_else(|| ctx.overflow())?;
        (
            (days, days),
            DaysOnSite::FromHours {
                hours,
                travelers,
                hours_per_day: per_day,
                days,
            },
        )
    } else if let Some((question, band)) =
        question.and_then(|q| ctx.plausible(q).map(|band| (q, band)))
    {
        let high = band.to.unwrap_or(band.from);
        (
            (band.from, high),
            DaysOnSite::Plausible {
                question: question.to_string(),
                band: Band {
                    from: band.from,
                    to: Some(high),
                },
            },
        )
    } else {
        return Ok(None);
    };
    let block = u64::from(delivery.on_site_days.max(1));
    Ok(Some(Stay {
        trips: (days.0.div_ceil(block), days.1.div_ceil(block)),
        days: Some((days, basis)),
    }))
}

/// The expense line for an on-site item with its `stay`.
pub(super) fn expense(
    ctx: &Ctx<'_>,
    stay: Stay,
    steps: &mut Vec<TraceStep>,
) -> Result<QuoteLine, Vec<FieldError>> {
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
    let per_delivery = u64::from(delivery.on_site_days);
    let trips = stay.trips;
    let total_days = match &stay.days {
        Some((days, _)) => *days,
        None => (
            trips
                .0
                .checked_mul(per_delivery)
                .ok_or_else(|| ctx.overflow())?,
            trips
                .1
                .checked_mul(per_delivery)
                .ok_or_else(|| ctx.overflow())?,
        ),
    };
    let currency = ctx.currency();
    let end = |trips: u64, days: u64| -> Result<Decimal, Vec<FieldError>> {
        let amount = estimate(ctx, trips, days).unwrap_or(Ok(Decimal::ZERO))?;
        Ok(currency.round(amount, ctx.prices.mode))
    };
    let amount = PriceRange {
        low: end(trips.0, total_days.0)?,
        high: end(trips.1, total_days.1)?,
    };
    let first_step = steps.len();
    if let Some((_, basis)) = stay.days.as_ref() {
        steps.push(TraceStep::new(
            TraceDetail::OnSiteDays {
                basis: basis.clone(),
                days_per_trip: per_delivery,
                trips,
            },
            currency,
            None,
            None,
        ));
    }
    if let Some(detail) = ctx
        .prices
        .source_detail(&source, travel.per_trip, Converted::Travel)
    {
        steps.push(TraceStep::new(detail, currency, None, None));
    }
    steps.push(TraceStep::new(
        TraceDetail::Travel {
            travelers,
            per_trip: travel.per_trip,
            days: per_delivery,
            per_day: travel.per_day,
            trips,
            total_days: stay.days.as_ref().map(|(days, _)| *days),
        },
        currency,
        None,
        Some(amount),
    ));
    // Billed at actual cost, never discounted.
    Ok(QuoteLine {
        item: ctx.index,
        sku: ctx.names.sku.clone(),
        name: ctx.names.expense_name.clone(),
        kind: LineKind::Expense,
        sale: ctx.offering.sale,
        delivery: Some(ctx.delivery),
        quantity: trips.0,
        quantity_high: (trips.1 != trips.0).then_some(trips.1),
        unit: ctx.names.expense_unit.clone(),
        unit_price: None,
        components: Vec::new(),
        gross: Some(amount),
        discount: None,
        net: Some(amount),
        quote_discount: None,
        total: Some(amount),
        trace: Trace::written(first_step, steps.len()),
    })
}
