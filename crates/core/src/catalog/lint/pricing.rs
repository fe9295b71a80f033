//! Rules 4, 7 and 8 for an offering's pricing parameters: class capacity and seat add-on,
//! block hours, tier and table bands, add-ons, percentages, and the questions pricing
//! counts.

use rust_decimal::Decimal;

use super::bands::{band_problems, tiered};
use super::context::{Ctx, Sink};
use super::wording::{kind_name, unknown_question, unknown_sku};
use crate::catalog::model::{Axis, Band, Offering, Pricing, QuestionKind};

/// Rules 4, 7 and 8 for the pricing model's parameters.
pub(super) fn pricing(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering) {
    match &o.pricing {
        Pricing::Class {
            capacity,
            seat_addon,
            addons_per_extra_attendee,
            attendees_question,
            max_attendees,
        } => {
            class_parameters(out, i, o, *capacity, *addons_per_extra_attendee);
            if let Some(max) = max_attendees
                && max < capacity
            {
                out.offering(
                    i,
                    o,
                    "pricing.max_attendees",
                    format!(
                        "max_attendees is {max}, below the capacity of {capacity}; a class must \
                         hold at least its own seats, so raise max_attendees or lower capacity"
                    ),
                );
            }
            seat_addon_rules(cx, out, i, o, seat_addon);
            if let Some(id) = attendees_question {
                whole_number_reference(cx, out, i, o, "pricing.attendees_question", id);
            }
        }
        Pricing::Blocks {
            hours_per_block,
            included_pm_hours,
            bands,
        } => {
            block_bands(out, i, o, bands);
            if *hours_per_block == 0 {
                out.offering(
                    i,
                    o,
                    "pricing.hours_per_block",
                    "hours_per_block is 0; a block must hold at least one hour (e.g. 48)"
                        .to_string(),
                );
            } else if included_pm_hours >= hours_per_block {
                out.offering(
                    i,
                    o,
                    "pricing.included_pm_hours",
                    format!(
                        "included_pm_hours is {included_pm_hours} of a {hours_per_block}-hour \
                         block; hours_per_block counts the whole block, project management \
                         included, so it must leave expert hours (e.g. 48 with 8)"
                    ),
                );
            }
        }
        Pricing::Tiered {
            bands,
            min_quantity,
            max_quantity,
            ..
        } => tiered(out, i, o, bands, *min_quantity, *max_quantity),
        Pricing::RangeTable {
            rows,
            columns,
            add_ons,
        } => {
            axis(cx, out, i, o, "pricing.rows", rows);
            axis(cx, out, i, o, "pricing.columns", columns);
            for (k, add_on) in add_ons.iter().enumerate() {
                let path = format!("pricing.add_ons[{k}]");
                whole_number_reference(
                    cx,
                    out,
                    i,
                    o,
                    &format!("{path}.question"),
                    &add_on.question,
                );
                if add_on.per == 0 {
                    out.offering(
                        i,
                        o,
                        &format!("{path}.per"),
                        "per is 0; the add-on is charged per started group of `per`, so it must \
                         be at least 1"
                            .to_string(),
                    );
                }
            }
        }
        Pricing::PercentOfSubtotal {
            percent,
            categories,
        } => percent_parameters(cx, out, i, o, *percent, categories),
        Pricing::Recurring {
            min_term_months,
            max_term_months,
        } => term_parameters(out, i, o, *min_term_months, *max_term_months),
        Pricing::Fixed { .. } | Pricing::TimeAndMaterials { .. } | Pricing::Custom { .. } => {}
    }
}

/// Volume tiers on blocks: contiguous bands of block counts from 1 block.
fn block_bands(out: &mut Sink<'_>, i: usize, o: &Offering, bands: &[Band]) {
    if bands.is_empty() {
        return;
    }
    for (field, message) in band_problems("pricing.bands", bands) {
        out.offering(i, o, &field, message);
    }
    if let Some(first) = bands.first()
        && first.from != 1
    {
        out.offering(
            i,
            o,
            "pricing.bands[0].from",
            format!(
                "the first band of blocks starts at {}; block tiers start at 1 block, or a \
                 smaller order would have no price",
                first.from
            ),
        );
    }
}

fn term_parameters(out: &mut Sink<'_>, i: usize, o: &Offering, min: u32, max: Option<u32>) {
    if min == 0 {
        out.offering(
            i,
            o,
            "pricing.min_term_months",
            "min_term_months is 0; a recurring fee runs for at least one month (e.g. 12)"
                .to_string(),
        );
    }
    if let Some(max) = max
        && max < min
    {
        out.offering(
            i,
            o,
            "pricing.max_term_months",
            format!(
                "max_term_months is {max}, below min_term_months {min}, so no term could be \
                 sold; raise it or lower the minimum"
            ),
        );
    }
}

fn class_parameters(out: &mut Sink<'_>, i: usize, o: &Offering, capacity: u32, addons: u32) {
    if capacity == 0 {
        out.offering(
            i,
            o,
            "pricing.capacity",
            "capacity is 0; a class must hold at least one attendee (e.g. 12)".to_string(),
        );
    }
    if addons == 0 {
        out.offering(
            i,
            o,
            "pricing.addons_per_extra_attendee",
            "addons_per_extra_attendee is 0; each attendee over capacity needs at least one seat \
             add-on (1, or 4 for a four-course cohort)"
                .to_string(),
        );
    }
}

fn seat_addon_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering, seat_addon: &str) {
    let field = "pricing.seat_addon";
    let Some((_, addon)) = cx.offering(seat_addon) else {
        out.offering(i, o, field, unknown_sku(seat_addon));
        return;
    };
    let message = match &addon.pricing {
        Pricing::Fixed { .. } => return,
        Pricing::Class { .. } if addon.sku == o.sku => "the class names itself as its seat \
             add-on; point seat_addon at a per-seat SKU priced fixed"
            .to_string(),
        Pricing::Class { .. } => format!(
            "seat add-on {seat_addon} is itself a class; the seat add-on must be a per-seat SKU \
             priced fixed"
        ),
        other => format!(
            "seat add-on {seat_addon} is priced {}; a seat add-on must be priced fixed (one price \
             per seat)",
            other.model_name()
        ),
    };
    out.offering(i, o, field, message);
}

/// Rule 4: a question the pricing reads must exist and be a whole number.
fn whole_number_reference(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    i: usize,
    o: &Offering,
    field: &str,
    id: &str,
) {
    match cx.question(id) {
        None => out.offering(i, o, field, unknown_question(id)),
        Some(question) if question.kind != QuestionKind::WholeNumber => out.offering(
            i,
            o,
            field,
            format!(
                "question {id:?} is {}; pricing can only count a whole_number question",
                kind_name(question.kind)
            ),
        ),
        Some(_) => {}
    }
}

fn axis(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering, path: &str, axis: &Axis) {
    whole_number_reference(cx, out, i, o, &format!("{path}.question"), &axis.question);
    if let Some(minus) = &axis.minus {
        whole_number_reference(cx, out, i, o, &format!("{path}.minus"), minus);
    }
    for (field, message) in band_problems(&format!("{path}.bands"), &axis.bands) {
        out.offering(i, o, &field, message);
    }
}

fn percent_parameters(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    i: usize,
    o: &Offering,
    percent: Decimal,
    categories: &[String],
) {
    if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        out.offering(
            i,
            o,
            "pricing.percent",
            format!("percent is {percent}; it must be between 0 and 100 (e.g. \"10\")"),
        );
    }
    for (k, category) in categories.iter().enumerate() {
        if !cx.has_category(category) {
            out.offering(
                i,
                o,
                &format!("pricing.categories[{k}]"),
                cx.unknown_category(category),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edit, edits, find, line_of, lint_text};

    #[test]
    fn pricing_questions_must_exist_and_be_whole_numbers() {
        let text = edits(&[
            (
                "attendees_question = \"attendees\"",
                "attendees_question = \"target\"",
            ),
            (
                "question = \"users\", bands",
                "question = \"hypervisor\", bands",
            ),
            (
                "question = \"projects\", bands",
                "question = \"nope\", bands",
            ),
            ("question = \"large\"", "question = \"huge\""),
        ]);
        let issues = lint_text(&text);
        let attendees = find(
            &issues,
            "offerings[0].pricing.attendees_question",
            "question \"target\" is single_choice",
        );
        assert_eq!(attendees.line, Some(line_of(&text, "attendees_question")));
        find(
            &issues,
            "offerings[6].pricing.rows.question",
            "\"hypervisor\" is free_text",
        );
        find(
            &issues,
            "offerings[6].pricing.columns.question",
            "unknown question \"nope\"",
        );
        let add_on = find(
            &issues,
            "offerings[6].pricing.add_ons[0].question",
            "unknown question \"huge\"",
        );
        assert_eq!(add_on.line, Some(line_of(&text, "add_ons = [{ question")));
    }

    #[test]
    fn class_parameters_must_be_positive() {
        let text = edit(
            "capacity = 12, seat_addon = \"SEAT\", attendees",
            "capacity = 0, addons_per_extra_attendee = 0, seat_addon = \"SEAT\", attendees",
        );
        let issues = lint_text(&text);
        let capacity = find(&issues, "offerings[0].pricing.capacity", "capacity is 0");
        assert_eq!(capacity.line, Some(line_of(&text, "capacity = 0")));
        find(
            &issues,
            "offerings[0].pricing.addons_per_extra_attendee",
            "addons_per_extra_attendee is 0",
        );
    }

    #[test]
    fn the_seat_addon_must_be_a_fixed_price_not_a_class() {
        let text = edits(&[
            (
                "seat_addon = \"SEAT\", attendees",
                "seat_addon = \"GL-BAS\", attendees",
            ),
            ("seat_addon = \"SEAT\" }", "seat_addon = \"GL-XPRT\" }"),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[0].pricing.seat_addon",
            "seat add-on GL-BAS is itself a class",
        );
        find(
            &issues,
            "offerings[1].pricing.seat_addon",
            "seat add-on GL-XPRT is priced blocks",
        );
    }

    #[test]
    fn other_pricing_parameters_must_be_in_range() {
        let text = edits(&[
            ("hours_per_block = 48", "hours_per_block = 0"),
            ("per = 10", "per = 0"),
            (
                "percent = \"10\", categories = [\"migration\"]",
                "percent = \"150\", categories = [\"ops\"]",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[4].pricing.hours_per_block",
            "hours_per_block is 0",
        );
        find(&issues, "offerings[6].pricing.add_ons[0].per", "per is 0");
        find(
            &issues,
            "offerings[8].pricing.percent",
            "percent is 150; it must be between 0 and 100",
        );
        find(
            &issues,
            "offerings[8].pricing.categories[0]",
            "unknown category \"ops\"",
        );
    }

    #[test]
    fn project_management_must_leave_expert_hours_in_a_block() {
        // hours_per_block counts the whole block, so 48 PM hours of a 48-hour block leave none.
        let text = edit(
            "hours_per_block = 48",
            "hours_per_block = 48, included_pm_hours = 48",
        );
        find(
            &lint_text(&text),
            "offerings[4].pricing.included_pm_hours",
            "included_pm_hours is 48 of a 48-hour block",
        );
        let text = edit(
            "hours_per_block = 48",
            "hours_per_block = 48, included_pm_hours = 8",
        );
        assert!(lint_text(&text).is_empty());
    }
}
