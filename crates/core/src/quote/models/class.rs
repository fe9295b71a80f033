//! Instructor-led classes with a seat cap: the mix of classes and seat add-ons that costs the
//! customer least for the attendees, travel and expenses of on-site classes included (a tie
//! goes to more classes), or a range across the plausible attendees while their number is not
//! known.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::catalog::Band;
use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::component::{Component, ComponentDescription};
use crate::quote::trace::{ClassOptions, TraceDetail};

use super::travel::per_trip_estimate;
use super::{Ctx, Priced};
use crate::quote::prices::Key;

/// A class offering's rule: its capacity, seat add-on, add-ons per extra attendee, and the
/// question that gives attendees when the scope item does not.
pub(super) struct ClassRule<'a> {
    pub(super) capacity: u64,
    pub(super) seat_addon: &'a str,
    pub(super) per_extra: u64,
    pub(super) attendees_question: Option<&'a str>,
    /// The most attendees one class may hold, seat add-ons included.
    pub(super) max_attendees: Option<u64>,
}

impl ClassRule<'_> {
    /// The fewest classes that can hold `attendees` under the hard maximum (1 without one).
    fn fewest_classes(&self, attendees: u64) -> u64 {
        self.max_attendees
            .map_or(1, |max| attendees.div_ceil(max.max(1)))
            .max(1)
    }
}

/// Prices classes: for a class count, for attendees (the cheapest seating), across the
/// plausible attendees while they are not known, or one class when nothing is given.
pub(super) fn class(
    ctx: &Ctx<'_>,
    rule: ClassRule<'_>,
    priced: &mut Priced,
) -> Result<(), Vec<FieldError>> {
    let (class_price, note) = ctx.unit_price(ctx.key(), ctx.delivery)?;
    let addon = ctx.names.seat_addon.as_ref();
    let addon_key = Key {
        sku: rule.seat_addon,
        position: addon.and_then(|a| a.position),
    };
    let (addon_price, addon_note) = ctx.unit_price(addon_key, ctx.delivery)?;
    priced.list_price_step(ctx, class_price, ctx.names.unit.clone(), note);
    priced.push_opt(addon_note);
    priced.unit_price = Some(class_price);

    let attendees = match (ctx.item.attendees, rule.attendees_question) {
        (Some(a), _) => Attendees::Known(a, None),
        (None, Some(question)) => match ctx.number_answer(question)? {
            Some(a) => Attendees::Known(a, Some(question.to_string())),
            None if ctx.item.quantity.is_none() => match ctx.plausible(question) {
                Some(band) => Attendees::Unknown(band, question.to_string()),
                None => Attendees::NotGiven,
            },
            None => Attendees::NotGiven,
        },
        (None, None) => Attendees::NotGiven,
    };
    let overflow = || ctx.overflow();
    let addon_sku = rule.seat_addon;
    // Each on-site class is one more trip, which the customer pays on top of the fee.
    let trip = per_trip_estimate(ctx)?;
    let cheapest = |attendees| {
        cheapest_seating(&rule, attendees, class_price, addon_price, trip).ok_or_else(overflow)
    };

    match (ctx.item.quantity, attendees) {
        (Some(classes), Attendees::Known(attendees, source)) => {
            if let Some(max) = rule.max_attendees
                && attendees > classes.saturating_mul(max)
            {
                let field = if source.is_some() {
                    "quantity"
                } else {
                    "attendees"
                };
                return Err(ctx.error(
                    field,
                    format!(
                        "{} holds at most {max} attendees a class; {attendees} attendees need at \
                         least {} classes, not {classes} (give more classes, or leave quantity \
                         out to split them)",
                        ctx.offering.sku,
                        rule.fewest_classes(attendees)
                    ),
                ));
            }
            if let Some(question) = source {
                priced.push(
                    TraceDetail::AttendeesFromAnswer {
                        attendees,
                        question,
                    },
                    None,
                );
            }
            let seat = seating(&rule, attendees, classes, class_price, addon_price)
                .ok_or_else(overflow)?;
            seat_trace(ctx, priced, &rule, attendees, seat, addon_price);
            fill_seating(ctx, priced, seat, class_price, addon_sku, addon_price);
        }
        (Some(classes), _) => {
            let seat = seating(&rule, 0, classes, class_price, addon_price).ok_or_else(overflow)?;
            priced.push(
                TraceDetail::ClassCount {
                    classes,
                    capacity: rule.capacity,
                },
                None,
            );
            fill_seating(ctx, priced, seat, class_price, addon_sku, addon_price);
        }
        (None, Attendees::Known(attendees, source)) => {
            if let Some(question) = source {
                priced.push(
                    TraceDetail::AttendeesFromAnswer {
                        attendees,
                        question,
                    },
                    None,
                );
            }
            let (best, compared) = cheapest(attendees)?;
            let fewest = rule.fewest_classes(attendees);
            if let Some(max) = rule.max_attendees
                && fewest > 1
            {
                priced.push(
                    TraceDetail::ClassMaximum {
                        attendees,
                        max,
                        classes: fewest,
                    },
                    None,
                );
            }
            seat_trace(ctx, priced, &rule, attendees, best, addon_price);
            if compared.len() > 1 {
                priced.push(TraceDetail::CheapestClasses(compared), None);
            }
            fill_seating(ctx, priced, best, class_price, addon_sku, addon_price);
        }
        (None, Attendees::Unknown(band, question)) => {
            let low_count = band.from;
            let high_count = band.to.unwrap_or(band.from);
            let (low, _) = cheapest(low_count)?;
            let (high, _) = cheapest(high_count)?;
            let gross = PriceRange {
                low: ctx.currency().at_scale(low.total),
                high: ctx.currency().at_scale(high.total),
            };
            priced.missing.push(Arc::from(question.as_str()));
            priced.push(
                TraceDetail::AttendeesMissing {
                    question,
                    band,
                    low_classes: low.classes,
                    high_classes: high.classes,
                },
                Some(gross),
            );
            priced.quantity = low.classes;
            priced.quantity_high = (high.classes != low.classes).then_some(high.classes);
            priced.trips = (low.classes, high.classes);
            priced.gross = Some(gross);
        }
        (None, Attendees::NotGiven) => {
            let seat = seating(&rule, 0, 1, class_price, addon_price).ok_or_else(overflow)?;
            priced.push(
                TraceDetail::DefaultClass {
                    capacity: rule.capacity,
                },
                None,
            );
            fill_seating(ctx, priced, seat, class_price, addon_sku, addon_price);
        }
    }
    Ok(())
}

/// One way to seat a group: `classes` classes plus `addons` seat add-ons.
#[derive(Clone, Copy)]
struct Seating {
    classes: u64,
    addons: u64,
    classes_amount: Decimal,
    addons_amount: Decimal,
    /// The fee: classes and add-ons.
    total: Decimal,
    /// What the customer pays in all: the fee plus the travel estimate of each on-site class.
    cost: Decimal,
}

fn seating(
    rule: &ClassRule<'_>,
    attendees: u64,
    classes: u64,
    class_price: Decimal,
    addon_price: Decimal,
) -> Option<Seating> {
    let seats = rule.capacity.checked_mul(classes)?;
    let addons = attendees
        .saturating_sub(seats)
        .checked_mul(rule.per_extra)?;
    let classes_amount = times(class_price, classes)?;
    let addons_amount = times(addon_price, addons)?;
    let total = classes_amount.checked_add(addons_amount)?;
    Some(Seating {
        classes,
        addons,
        classes_amount,
        addons_amount,
        total,
        cost: total,
    })
}

/// The seating for `attendees` that costs the customer least, counting `trip` (the travel
/// estimate of one on-site class) for every class; on a tie, more classes. The cost is
/// linear in the class count up to ⌊attendees / capacity⌋ and then jumps to
/// ⌈attendees / capacity⌉ classes with no add-ons, so the cheapest is at 1, ⌊a/c⌋ or ⌈a/c⌉;
/// under a hard maximum per class, each of those is raised to ⌈attendees / maximum⌉.
fn cheapest_seating(
    rule: &ClassRule<'_>,
    attendees: u64,
    class_price: Decimal,
    addon_price: Decimal,
    trip: Option<Decimal>,
) -> Option<(Seating, ClassOptions)> {
    let capacity = rule.capacity.max(1);
    // Under a hard maximum per class, no fewer classes than it takes to seat everyone.
    let floor = rule.fewest_classes(attendees);
    let most = attendees.div_ceil(capacity).max(floor);
    let fewest = (attendees / capacity).max(floor);
    let option = |classes| {
        let mut seat = seating(rule, attendees, classes, class_price, addon_price)?;
        if let Some(trip) = trip {
            seat.cost = seat.total.checked_add(times(trip, classes)?)?;
        }
        Some(seat)
    };
    // Each class count is costed once, though the candidates and the neighbours shown in the
    // trace overlap (`fewest` is often `floor`, the choice's neighbour often `most`).
    // At most five counts: three candidates and two more neighbours. Kept on the stack.
    let mut costed: [Option<Seating>; 5] = [None; 5];
    let mut costed_option = |classes: u64| -> Option<Seating> {
        if let Some(seat) = costed.iter().flatten().find(|s| s.classes == classes) {
            return Some(*seat);
        }
        let seat = option(classes)?;
        if let Some(free) = costed.iter_mut().find(|s| s.is_none()) {
            *free = Some(seat);
        }
        Some(seat)
    };
    let mut best: Option<Seating> = None;
    for classes in [floor, fewest, most] {
        let option = costed_option(classes)?;
        best = match best {
            Some(b) if b.cost < option.cost => Some(b),
            Some(b) if b.cost == option.cost && b.classes >= option.classes => Some(b),
            _ => Some(option),
        };
    }
    let best = best?;
    // The neighbours of the choice, to show the comparison in the trace.
    let mut compared = ClassOptions::new(trip.is_some());
    let mut same_cost = 0;
    for classes in [
        best.classes.saturating_sub(1),
        best.classes,
        best.classes + 1,
    ] {
        if (floor..=most).contains(&classes) {
            let seat = costed_option(classes)?;
            compared.push(seat.classes, seat.cost, seat.classes == best.classes);
            same_cost += usize::from(seat.cost == best.cost);
        }
    }
    compared.tie = same_cost > 1;
    Some((best, compared))
}

enum Attendees {
    Known(u64, Option<String>),
    Unknown(Band, String),
    NotGiven,
}

fn seat_trace(
    ctx: &Ctx<'_>,
    priced: &mut Priced,
    rule: &ClassRule<'_>,
    attendees: u64,
    seat: Seating,
    addon_price: Decimal,
) {
    priced.push(
        TraceDetail::Seating {
            attendees,
            classes: seat.classes,
            capacity: rule.capacity,
            seat_sku: seat_sku(ctx, rule.seat_addon),
            addon_price,
            per_extra: rule.per_extra,
        },
        None,
    );
}

/// The seat add-on's SKU as the catalog shares it.
fn seat_sku(ctx: &Ctx<'_>, sku: &str) -> Arc<str> {
    match &ctx.names.seat_addon {
        Some(addon) => addon.sku.clone(),
        None => ctx.catalog.shared_sku(sku),
    }
}

fn fill_seating(
    ctx: &Ctx<'_>,
    priced: &mut Priced,
    seat: Seating,
    class_price: Decimal,
    addon_sku: &str,
    addon_price: Decimal,
) {
    let currency = ctx.currency();
    // The classes, and the seat add-ons when there are any: one allocation of the right size.
    priced
        .components
        .reserve_exact(1 + usize::from(seat.addons > 0));
    priced.components.push(Component {
        sku: ctx.names.sku.clone(),
        description: ComponentDescription::count(seat.classes, "class"),
        quantity: Decimal::from(seat.classes),
        unit_price: class_price,
        amount: currency.at_scale(seat.classes_amount),
    });
    if seat.addons > 0 {
        priced.components.push(Component {
            sku: seat_sku(ctx, addon_sku),
            description: ComponentDescription::count(seat.addons, "seat add-on"),
            quantity: Decimal::from(seat.addons),
            unit_price: addon_price,
            amount: currency.at_scale(seat.addons_amount),
        });
    }
    let gross = PriceRange::firm(currency.at_scale(seat.total));
    priced.push(
        TraceDetail::ClassTotal {
            classes: seat.classes,
            class_price,
            addons: seat.addons,
            addon_price,
            total: gross.low,
        },
        Some(gross),
    );
    priced.quantity = seat.classes;
    priced.trips = (seat.classes, seat.classes);
    priced.gross = Some(gross);
}
