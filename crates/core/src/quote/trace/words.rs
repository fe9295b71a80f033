//! The words of each trace step, rendered only when someone reads them.

use std::borrow::Cow;
use std::fmt::Write;

use rust_decimal::Decimal;

use super::detail::{
    AddOnWords, AxisReading, AxisWords, Conversion, Converted, Count, DaysOnSite, TierVolume,
    TraceDetail,
};
use crate::catalog::AxisNames;
use crate::money::{Currency, PriceRange, RoundingMode, percent_text, thousands};
use crate::quote::wording::{count_words, plural};

/// `3 trips`, or `2–4 trips` for a range.
fn span_words((low, high): (u64, u64), word: &str) -> String {
    if low == high {
        count_words(low, word)
    } else {
        format!("{low}–{high} {}", plural(word, 2))
    }
}

impl AxisWords {
    fn render(&self) -> String {
        let AxisNames {
            question,
            minus,
            counts,
            text,
        } = &self.names;
        match (&self.reading, minus) {
            (
                AxisReading::Band {
                    value,
                    band,
                    difference: Some((total, less)),
                },
                Some(minus),
            ) => format!(
                "{} {}: {question} = {} − {minus} = {} (the {} band)",
                thousands(*value),
                counts.as_deref().unwrap_or("counted"),
                thousands(*total),
                thousands(*less),
                band.label()
            ),
            (AxisReading::Band { value, band, .. }, _) => format!(
                "{question} = {} (the {} band)",
                thousands(*value),
                band.label()
            ),
            (AxisReading::Missing { band }, minus) => {
                let text = match minus {
                    Some(_) => counts.as_deref().unwrap_or("the difference"),
                    None => text,
                };
                format!(
                    "{} not answered yet (\"{text}\"): priced across {}",
                    self.question(),
                    band.label()
                )
            }
            (AxisReading::Outside { value }, _) => {
                format!(
                    "{} = {} is outside the table",
                    self.question(),
                    thousands(*value)
                )
            }
        }
    }

    /// The question the axis reads: an answered band names the question itself; otherwise
    /// the difference it counts (`a − b`) when the axis subtracts a question.
    fn question(&self) -> Cow<'_, str> {
        match (&self.reading, &self.names.minus) {
            (AxisReading::Band { .. }, _) | (_, None) => Cow::Borrowed(&self.names.question),
            (_, Some(minus)) => Cow::Owned(format!("{} − {minus}", self.names.question)),
        }
    }
}

impl TraceDetail {
    /// The words, with amounts in `currency`.
    pub(crate) fn render(
        &self,
        currency: Currency,
        before: Option<PriceRange>,
        after: Option<PriceRange>,
    ) -> String {
        let money = |amount: &Decimal| currency.display(*amount);
        let range = |r: &PriceRange| r.display(currency);
        let zero = PriceRange::firm(Decimal::ZERO);
        let (before, after) = (before.unwrap_or(zero), after.unwrap_or(zero));
        match self {
            TraceDetail::ListPrice {
                price,
                unit,
                delivery,
            } => {
                let delivery = delivery
                    .map(|d| format!(", {} delivery", d.label()))
                    .unwrap_or_default();
                format!("List price {} per {unit}{delivery}.", money(price))
            }
            TraceDetail::BlockListPrice {
                price,
                hours,
                pm_hours,
            } => {
                let hours = if *pm_hours > 0 {
                    format!(
                        "{hours} hours: {} expert hours + {pm_hours} project-management hours",
                        hours.saturating_sub(u64::from(*pm_hours))
                    )
                } else {
                    format!("{hours} hours")
                };
                format!("List price {} per block ({hours}).", money(price))
            }
            TraceDetail::Converted(conversion) => {
                let Conversion {
                    what,
                    base_currency,
                    base_amount,
                    rate,
                    as_of,
                    step,
                    amount,
                } = conversion.as_ref();
                let rounding = step
                    .map(|s| format!(", rounded to the nearest {s}"))
                    .unwrap_or_default();
                let prefix = match what {
                    Converted::ListPrice => "",
                    Converted::Travel => "Travel defaults: ",
                };
                format!(
                    "{prefix}Converted from the {} list price {} at the fixed rate {rate} of {as_of}{rounding}: {}.",
                    base_currency.code(),
                    base_currency.display(*base_amount),
                    money(amount)
                )
            }
            TraceDetail::ConvertedTable {
                tiers,
                base_currency,
            } => format!(
                "{} converted from the {} price book at its fixed rate.",
                if *tiers { "Tier prices" } else { "Table amounts" },
                base_currency.code()
            ),
            TraceDetail::UnitQuantity {
                quantity,
                unit,
                price,
                total,
            } => format!(
                "{} × {} = {}.",
                count_words(*quantity, unit),
                money(price),
                money(total)
            ),
            TraceDetail::AttendeesFromAnswer {
                attendees,
                question,
            } => format!("{attendees} attendees, from the answer to {question}."),
            TraceDetail::ClassCount { classes, capacity } => format!(
                "{} of up to {capacity} attendees each.",
                count_words(*classes, "class")
            ),
            TraceDetail::DefaultClass { capacity } => {
                format!("1 class of up to {capacity} attendees (no attendee count given).")
            }
            TraceDetail::Seating {
                attendees,
                classes,
                capacity,
                seat_sku,
                addon_price,
                per_extra,
            } => {
                let seats = capacity.saturating_mul(*classes);
                let addons = attendees.saturating_sub(seats).saturating_mul(*per_extra);
                if addons == 0 {
                    format!(
                        "{attendees} attendees fit in {} of up to {capacity} ({seats} seats): no seat add-ons needed.",
                        count_words(*classes, "class")
                    )
                } else {
                    let extra = attendees.saturating_sub(seats);
                    let per_extra = if *per_extra == 1 {
                        String::new()
                    } else {
                        format!(" ({per_extra} add-ons per extra attendee, one per course)")
                    };
                    format!(
                        "{attendees} attendees: {} seat {seats}; the other {extra} need {} ({seat_sku}) at {} each{per_extra}.",
                        count_words(*classes, "class"),
                        count_words(addons, "seat add-on"),
                        money(addon_price)
                    )
                }
            }
            TraceDetail::CheapestClasses(compared) => {
                let options: Vec<String> = compared
                    .options()
                    .map(|(classes, total)| format!("{} {}", count_words(classes, "class"), money(&total)))
                    .collect();
                format!(
                    "Cheapest way to seat them{}: {} → {}{}.",
                    if compared.with_travel {
                        ", fee plus the travel estimate of each on-site class"
                    } else {
                        ""
                    },
                    options.join(" · "),
                    count_words(compared.chosen(), "class"),
                    if compared.tie {
                        " (a tie goes to more classes: smaller groups)"
                    } else {
                        ""
                    }
                )
            }
            TraceDetail::AttendeesMissing {
                question,
                band,
                low_classes,
                high_classes,
            } => format!(
                "Attendees not given yet ({question}): priced for {} attendees, from {} to {} with seat add-ons. Add the number of attendees to get one price.",
                band.label(),
                count_words(*low_classes, "class"),
                count_words(*high_classes, "class")
            ),
            TraceDetail::ClassTotal {
                classes,
                class_price,
                addons,
                addon_price,
                total,
            } => {
                let addons = if *addons > 0 {
                    format!(" + {} × {}", count_words(*addons, "seat add-on"), money(addon_price))
                } else {
                    String::new()
                };
                format!(
                    "{} × {}{addons} = {}.",
                    count_words(*classes, "class"),
                    money(class_price),
                    money(total)
                )
            }
            TraceDetail::Blocks {
                hours,
                hours_per_block,
                exact,
                blocks,
            } => format!(
                "{} hours ÷ {hours_per_block} hours per block (every hour counts, project management included) = {} → {} (blocks are sold whole).",
                hours.normalize(),
                exact.round_dp(2).normalize(),
                count_words(*blocks, "block")
            ),
            TraceDetail::TierVolume(tier) => {
                let TierVolume {
                    quantity,
                    unit,
                    band,
                    price,
                    amount,
                } = tier.as_ref();
                format!(
                "Volume pricing: {} reaches the {} tier, so every unit is {}: {}.",
                count_words(*quantity, unit),
                band.label(),
                money(price),
                money(amount)
            )
            }
            TraceDetail::TierFlat {
                quantity,
                unit,
                band,
                fee,
            } => format!(
                "Flat fee per band: {} fall in the {} band, whose fee is {}.",
                count_words(*quantity, unit),
                band.label(),
                money(fee)
            ),
            TraceDetail::TierGraduated { parts, total } => {
                let parts: Vec<String> = parts
                    .iter()
                    .map(|(count, price, band)| format!("{count} × {} ({})", money(price), band.label()))
                    .collect();
                format!(
                    "Graduated pricing, each tier at its own rate: {} = {}.",
                    parts.join(" + "),
                    money(total)
                )
            }
            TraceDetail::NoEffort => "Time and materials with no effort estimate yet: add hours by role to price it, or leave it to the PS team's estimate.".to_string(),
            TraceDetail::Effort {
                role,
                hours,
                rate,
                amount,
            } => format!(
                "{role}: {} hours × {} per hour = {}.",
                hours.normalize(),
                money(rate),
                money(amount)
            ),
            TraceDetail::NotToExceed {
                estimate,
                cap,
                capped,
            } => {
                if *capped {
                    format!(
                        "Capped at the not-to-exceed amount: {} → {}.",
                        money(estimate),
                        money(cap)
                    )
                } else {
                    format!("Within the not-to-exceed cap of {}.", money(cap))
                }
            }
            TraceDetail::EffortTotal { hours, amount } => format!(
                "{} hours in all, billed as delivered: {}.",
                hours.normalize(),
                money(amount)
            ),
            TraceDetail::RangeTable { axes } => format!(
                "{}; {}: rough-order-of-magnitude range {}.",
                axes.0.render(),
                axes.1.render(),
                range(&after)
            ),
            TraceDetail::BeyondTable {
                axes,
                rows_limit,
                columns_limit,
            } => {
                let (rows, columns) = axes.as_ref();
                let limit = |l: &Option<u64>| l.map(thousands).unwrap_or_default();
                format!(
                    "{}; {}. The rough-order-of-magnitude table covers up to {} for {} and {} for {}: beyond it the PS team prepares a custom estimate.",
                    rows.render(),
                    columns.render(),
                    limit(rows_limit),
                    rows.question(),
                    limit(columns_limit),
                    columns.question()
                )
            }
            TraceDetail::AddOn(add_on) => {
                let AddOnWords {
                    question,
                    count,
                    groups,
                    per,
                    label,
                    price,
                    amount,
                } = add_on.as_ref();
                let words = match count {
                    Count::Answered(n) => format!("{question} = {n}"),
                    Count::Missing(band) => {
                        format!("{question} not answered yet: priced for {}", band.label())
                    }
                };
                let groups = if groups.0 == groups.1 {
                    format!("{} started {}", groups.0, plural("group", groups.0))
                } else {
                    format!("{}–{} started groups", groups.0, groups.1)
                };
                format!(
                    "{words}: {groups} of {per} ({label}) × {} = {}.",
                    money(price),
                    range(amount)
                )
            }
            TraceDetail::Custom { note } => {
                let mut text = "No list price: the PS team prepares a custom estimate, so this line is not in the total.".to_string();
                if !note.is_empty() {
                    let _ = write!(text, " {note}");
                }
                text
            }
            TraceDetail::Included {
                parent_sku,
                parent_name,
                choose,
                label,
            } => format!(
                "Included with {parent_sku} ({parent_name}), one of the {choose} {label} it includes: no charge."
            ),
            TraceDetail::ClassMaximum {
                attendees,
                max,
                classes,
            } => format!(
                "A class holds at most {max} attendees, seat add-ons included: {} are split into at least {}.",
                count_words(*attendees, "attendee"),
                count_words(*classes, "class")
            ),
            TraceDetail::Recurring {
                monthly,
                months,
                min_term,
                total,
            } => format!(
                "{} per month × {} (minimum term {}) = {} over the term, billed monthly.",
                money(monthly),
                count_words(*months, "month"),
                count_words(*min_term, "month"),
                money(total)
            ),
            TraceDetail::CustomSowRoute {
                reason,
                quantity_over,
            } => {
                let why = match quantity_over {
                    Some((quantity, limit)) => format!(
                        "a quantity of {} is over {}",
                        thousands(*quantity),
                        thousands(*limit)
                    ),
                    None => "the scope's answers call for it".to_string(),
                };
                format!(
                    "Custom SOW required ({why}): {reason} The line is not priced and not in the total."
                )
            }
            TraceDetail::OnSiteDays {
                basis,
                days_per_trip,
                trips,
            } => {
                let days = match basis {
                    DaysOnSite::Answered { question, days } => {
                        format!("{} on site ({question})", count_words(*days, "day"))
                    }
                    DaysOnSite::FromHours {
                        hours,
                        travelers,
                        hours_per_day,
                        days,
                    } => format!(
                        "{} on site: {} effort hours ÷ ({} × {} hours a day), rounded up",
                        count_words(*days, "day"),
                        hours.normalize(),
                        count_words(*travelers, "traveler"),
                        hours_per_day.normalize()
                    ),
                    DaysOnSite::Plausible { question, band } => format!(
                        "{} days on site: {question} is not answered yet, so its plausible range",
                        band.span()
                    ),
                };
                format!(
                    "{days}; one trip per started {} on site: {}.",
                    count_words(*days_per_trip, "day"),
                    span_words(*trips, "trip")
                )
            }
            TraceDetail::Travel {
                travelers,
                per_trip,
                per_day,
                trips,
                total_days: Some(total_days),
                ..
            } => format!(
                "On-site delivery: {} × ({} × {} travel + {} on site × {}) = {}. Billed at actual cost, on top of the fee.",
                count_words(*travelers, "traveler"),
                span_words(*trips, "trip"),
                money(per_trip),
                span_words(*total_days, "day"),
                money(per_day),
                range(&after)
            ),
            TraceDetail::Travel {
                travelers,
                per_trip,
                days,
                per_day,
                trips,
                ..
            } => {
                let trips = span_words(*trips, "trip");
                format!(
                    "On-site delivery: {} × ({} travel + {} on site × {}) per trip × {trips} = {}. Billed at actual cost, on top of the fee.",
                    count_words(*travelers, "traveler"),
                    money(per_trip),
                    count_words(*days, "day"),
                    money(per_day),
                    range(&after)
                )
            }
            TraceDetail::PercentOfSubtotal {
                percent,
                categories,
                basis,
            } => {
                let scope = if categories.is_empty() {
                    "the other lines".to_string()
                } else {
                    format!("the {} lines", categories.join(", "))
                };
                format!(
                    "{} of {scope} ({}) = {}.",
                    percent_text(*percent),
                    range(basis),
                    range(&after)
                )
            }
            TraceDetail::LineDiscountPercent { percent } => format!(
                "Line discount {}: {} → {}.",
                percent_text(*percent),
                range(&before),
                range(&after)
            ),
            TraceDetail::LineDiscountAmount { amount, capped } => format!(
                "Line discount of {}{}: {} → {}.",
                money(amount),
                if *capped {
                    " (capped at the line amount: a line never goes below zero)"
                } else {
                    ""
                },
                range(&before),
                range(&after)
            ),
            TraceDetail::Rounding { mode } => format!(
                "Rounded to {} ({}): {} → {}.",
                match currency.minor_units() {
                    0 => "whole units".to_string(),
                    2 => "the cent".to_string(),
                    n => format!("{n} decimal places"),
                },
                match mode {
                    RoundingMode::HalfAwayFromZero => "halves away from zero",
                    RoundingMode::HalfEven => "halves to even",
                    RoundingMode::TowardZero => "toward zero",
                    RoundingMode::AwayFromZero => "away from zero",
                },
                range(&before),
                range(&after)
            ),
            TraceDetail::QuoteDiscount { percent, share } => format!(
                "Quote discount {}, this line's share {}: {} → {}.",
                percent_text(*percent),
                range(share),
                range(&before),
                range(&after)
            ),
        }
    }
}
