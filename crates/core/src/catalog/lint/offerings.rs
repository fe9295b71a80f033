//! The rules for one offering: its texts, dates and durations (rule 12) and the category
//! and prerequisites it names (rule 4), then its delivery and its pricing parameters.

use super::conditions::condition_rules;
use super::context::{Ctx, Sink};
use super::delivery::delivery;
use super::pricing::pricing;
use super::wording::{is_blank, unknown_sku};
use crate::catalog::model::Offering;

pub(super) fn offering_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, index: usize, offering: &Offering) {
    offering_basics(out, index, offering);
    offering_references(cx, out, index, offering);
    delivery(cx, out, index, offering);
    pricing(cx, out, index, offering);
    custom_sow_route(cx, out, index, offering);
}

/// Rule 12: texts, dates and durations.
fn offering_basics(out: &mut Sink<'_>, i: usize, o: &Offering) {
    let texts = [
        ("sku", &o.sku, "a unique SKU such as \"GL-BAS-R\""),
        ("name", &o.name, "a display name"),
        (
            "summary",
            &o.summary,
            "one or two sentences for the catalog card",
        ),
    ];
    for (field, value, expected) in texts {
        if is_blank(value) {
            out.offering(i, o, field, format!("{field} is empty; add {expected}"));
        }
    }
    if let (Some(from), Some(until)) = (o.available_from, o.available_until)
        && until < from
    {
        out.offering(
            i,
            o,
            "available_until",
            format!(
                "available_until {until} is before available_from {from}, so the offering could \
                 never be sold; swap or correct the dates"
            ),
        );
    }
    let durations = [
        ("duration.weeks", o.duration.weeks),
        ("duration.effort_days", o.duration.effort_days),
    ];
    for (field, value) in durations {
        if let Some(value) = value
            && value.is_sign_negative()
            && !value.is_zero()
        {
            out.offering(
                i,
                o,
                field,
                format!("{field} is {value}; it must be 0 or more"),
            );
        }
    }
}

/// Rule 4: the offering's category and prerequisite SKUs exist.
fn offering_references(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering) {
    if !cx.has_category(&o.category) {
        out.offering(i, o, "category", cx.unknown_category(&o.category));
    }
    for (k, sku) in o.prerequisites.skus.iter().enumerate() {
        if !cx.has_sku(sku) {
            out.offering(i, o, &format!("prerequisites.skus[{k}]"), unknown_sku(sku));
        }
    }
}

/// An offering's `custom_sow_when`: it tests something, says why, and its condition names
/// known questions and values.
fn custom_sow_route(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering) {
    let Some(route) = &o.custom_sow_when else {
        return;
    };
    if route.quantity_over.is_none() && route.when.is_empty() {
        out.offering(
            i,
            o,
            "custom_sow_when",
            "custom_sow_when tests nothing, so every line of the offering would need a custom \
             SOW; give quantity_over (a quantity limit) or when (a condition on the answers), \
             or make the offering's sale custom_sow"
                .to_string(),
        );
    }
    if is_blank(&route.reason) {
        out.offering(
            i,
            o,
            "custom_sow_when.reason",
            "custom_sow_when.reason is empty; say why such a line needs a custom SOW (it is \
             shown on the quote)"
                .to_string(),
        );
    }
    if !route.when.is_empty() {
        condition_rules(
            cx,
            out,
            &format!("offerings[{i}].custom_sow_when.when"),
            &route.when,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edit, edits, find, line_of, lint_text};

    #[test]
    fn offering_references_must_exist() {
        let text = edits(&[
            (
                "sku = \"HC\"\nname = \"Health check\"\ncategory = \"migration\"",
                "sku = \"HC\"\nname = \"Health check\"\ncategory = \"health\"",
            ),
            (
                "skus = [\"GL-BAS-R\"]",
                "skus = [\"GL-BAS-R\", \"GL-NOPE\"]",
            ),
            (
                "seat_addon = \"SEAT\", attendees",
                "seat_addon = \"SRV-PERSEAT\", attendees",
            ),
        ]);
        let issues = lint_text(&text);
        let category = find(
            &issues,
            "offerings[9].category",
            "unknown category \"health\"",
        );
        assert!(
            category
                .message
                .contains("categories are: education, migration")
        );
        assert_eq!(category.offering.as_deref(), Some("HC"));
        assert_eq!(category.line, Some(line_of(&text, "\"health\"")));
        let prerequisite = find(
            &issues,
            "offerings[3].prerequisites.skus[1]",
            "unknown SKU \"GL-NOPE\" (no offering has this SKU)",
        );
        assert_eq!(prerequisite.line, Some(line_of(&text, "GL-NOPE")));
        let seat = find(
            &issues,
            "offerings[0].pricing.seat_addon",
            "unknown SKU \"SRV-PERSEAT\" (no offering has this SKU)",
        );
        assert_eq!(seat.line, Some(line_of(&text, "SRV-PERSEAT")));
        assert_eq!(seat.offering.as_deref(), Some("GL-BAS-R"));
    }

    #[test]
    fn offerings_need_texts_and_sane_dates_and_durations() {
        let text = edits(&[
            ("name = \"Seat add-on\"", "name = \"\""),
            ("summary = \"One more seat.\"", "summary = \"\""),
            (
                "available_until = \"2022-12-31\"",
                "available_until = \"2021-12-31\"",
            ),
            (
                "weeks = \"1\", effort_days = \"2\"",
                "weeks = \"-1\", effort_days = \"-0.5\"",
            ),
        ]);
        let issues = lint_text(&text);
        let name = find(&issues, "offerings[2].name", "name is empty");
        assert_eq!(name.offering.as_deref(), Some("SEAT"));
        find(&issues, "offerings[2].summary", "summary is empty");
        let until = find(
            &issues,
            "offerings[3].available_until",
            "available_until 2021-12-31 is before available_from 2022-01-01",
        );
        assert_eq!(until.line, Some(line_of(&text, "available_until")));
        find(
            &issues,
            "offerings[3].duration.weeks",
            "duration.weeks is -1",
        );
        find(
            &issues,
            "offerings[3].duration.effort_days",
            "duration.effort_days is -0.5",
        );
    }

    #[test]
    fn an_empty_sku_is_reported_without_an_offering() {
        let text = edit("sku = \"HC\"", "sku = \"\"");
        let issues = lint_text(&text);
        let issue = find(&issues, "offerings[9].sku", "sku is empty");
        assert_eq!(issue.offering, None);
    }
}
