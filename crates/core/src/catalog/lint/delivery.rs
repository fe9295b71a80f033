//! Rule 6, delivery: an offering's delivery modes, each listed once, and its sibling (the
//! same offering in the other mode), which names it back and is sold in other modes.

use rust_decimal::Decimal;

use super::context::{Ctx, Sink};
use super::wording::{join_names, unknown_sku};
use crate::catalog::model::{DeliveryMode, Offering, Pricing, QuestionKind};

/// Rule 6: delivery modes and siblings.
pub(super) fn delivery(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering) {
    let modes = &o.delivery.modes;
    if modes.is_empty() {
        out.offering(
            i,
            o,
            "delivery.modes",
            "no delivery modes; list at least one of \"remote\" and \"on_site\"".to_string(),
        );
    }
    for (k, mode) in modes.iter().enumerate() {
        if modes.iter().take(k).any(|earlier| earlier == mode) {
            out.offering(
                i,
                o,
                &format!("delivery.modes[{k}]"),
                format!(
                    "{:?} is listed twice; list each delivery mode once",
                    mode.as_str()
                ),
            );
        }
    }
    if let Some(sibling) = &o.delivery.sibling {
        sibling_rules(cx, out, i, o, sibling);
    }
    days_on_site(cx, out, i, o);
}

/// The days on site of time and materials: only a time-and-materials offering sold on site
/// reads `on_site_days_question` and `on_site_hours_per_day`; the question counts days (a
/// whole number) and a day on site holds more than 0 and at most 24 hours.
fn days_on_site(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering) {
    let delivery = &o.delivery;
    let fields = [
        (
            "delivery.on_site_days_question",
            delivery.on_site_days_question.is_some(),
        ),
        (
            "delivery.on_site_hours_per_day",
            delivery.on_site_hours_per_day.is_some(),
        ),
    ];
    let time_and_materials = matches!(o.pricing, Pricing::TimeAndMaterials { .. });
    let on_site = delivery.modes.contains(&DeliveryMode::OnSite);
    for (field, _) in fields.iter().filter(|(_, set)| *set) {
        if !time_and_materials {
            out.offering(
                i,
                o,
                field,
                format!(
                    "only time-and-materials work reads {field}; a {} offering travels once per delivery of delivery.on_site_days days",
                    o.pricing.model_name()
                ),
            );
        } else if !on_site {
            out.offering(
                i,
                o,
                field,
                format!("{} is not sold on site, so it has no days on site; add \"on_site\" to delivery.modes or leave {field} out", o.sku),
            );
        }
    }
    if let Some(id) = &delivery.on_site_days_question {
        let field = "delivery.on_site_days_question";
        match cx.question(id) {
            None => out.offering(
                i,
                o,
                field,
                format!("unknown question {id:?}; name a whole-number question of the catalog"),
            ),
            Some(q) if q.kind != QuestionKind::WholeNumber => out.offering(
                i,
                o,
                field,
                format!("question {id:?} is not a whole-number question; the days on site are a whole number"),
            ),
            Some(_) => {}
        }
    }
    if let Some(hours) = delivery.on_site_hours_per_day
        && (hours <= Decimal::ZERO || hours > Decimal::from(24))
    {
        out.offering(
            i,
            o,
            "delivery.on_site_hours_per_day",
            format!("{hours} hours a day; a day on site holds more than 0 and at most 24 hours"),
        );
    }
}

fn sibling_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering, sibling: &str) {
    let field = "delivery.sibling";
    if sibling == o.sku {
        out.offering(
            i,
            o,
            field,
            format!(
                "{sibling:?} names itself as its sibling; name the SKU of the same offering in \
                 the other delivery mode"
            ),
        );
        return;
    }
    let Some((j, other)) = cx.offering(sibling) else {
        out.offering(i, o, field, unknown_sku(sibling));
        return;
    };
    let mutual = other.delivery.sibling.as_deref() == Some(o.sku.as_str());
    match &other.delivery.sibling {
        _ if mutual => {}
        Some(back) => out.offering(
            i,
            o,
            field,
            format!(
                "sibling {sibling} names {back:?} as its sibling, not {:?}; siblings must name \
                 each other",
                o.sku
            ),
        ),
        None => out.offering(
            i,
            o,
            field,
            format!(
                "sibling {sibling} names no sibling; siblings must name each other (set \
                 delivery.sibling = {:?} on {sibling})",
                o.sku
            ),
        ),
    }
    let shared: Vec<&str> = o
        .delivery
        .modes
        .iter()
        .filter(|mode| other.delivery.modes.contains(mode))
        .map(|mode| mode.label())
        .collect();
    // A mutual pair is reported once, at the first of the two.
    if !shared.is_empty() && (!mutual || i < j) {
        out.offering(
            i,
            o,
            field,
            format!(
                "{} and its sibling {sibling} are both sold {}; siblings are one offering in two \
                 delivery modes, so their modes must differ",
                o.sku,
                join_names(&shared)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edit, edits, find, line_of, lint_text};

    #[test]
    fn siblings_must_name_each_other() {
        let text = edit(
            "delivery = { modes = [\"on_site\"], sibling = \"GL-BAS-R\" }",
            "delivery = { modes = [\"on_site\"] }",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[0].delivery.sibling",
            "sibling GL-BAS names no sibling",
        );
        assert!(
            issue
                .message
                .contains("delivery.sibling = \"GL-BAS-R\" on GL-BAS")
        );
        assert_eq!(issue.line, Some(line_of(&text, "sibling = \"GL-BAS\"")));

        let text = edit("sibling = \"GL-BAS\" }", "sibling = \"GL-BAS-R\" }");
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[0].delivery.sibling",
            "names itself as its sibling",
        );
    }

    #[test]
    fn siblings_must_differ_in_delivery_mode() {
        let text = edit(
            "delivery = { modes = [\"on_site\"], sibling",
            "delivery = { modes = [\"remote\"], sibling",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[0].delivery.sibling",
            "GL-BAS-R and its sibling GL-BAS are both sold remote",
        );
        assert_eq!(issue.offering.as_deref(), Some("GL-BAS-R"));
        // A mutual pair is reported once.
        assert_eq!(
            issues
                .iter()
                .filter(|i| i.message.contains("both sold"))
                .count(),
            1
        );
    }

    #[test]
    fn days_on_site_are_read_by_time_and_materials_on_site_only() {
        let text = edits(&[
            // GL-BAS-R is a class; TM is time and materials, remote only for now.
            (
                "delivery = { modes = [\"remote\"], sibling = \"GL-BAS\" }",
                "delivery = { modes = [\"remote\"], sibling = \"GL-BAS\", on_site_hours_per_day = \"8\" }",
            ),
            (
                "delivery = { modes = [\"remote\"] }\npricing = { model = \"time_and_materials\"",
                "delivery = { modes = [\"remote\"], on_site_days_question = \"hypervisor\", on_site_hours_per_day = \"25\" }\npricing = { model = \"time_and_materials\"",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[0].delivery.on_site_hours_per_day",
            "only time-and-materials work reads delivery.on_site_hours_per_day",
        );
        find(
            &issues,
            "offerings[7].delivery.on_site_days_question",
            "TM is not sold on site",
        );
        find(
            &issues,
            "offerings[7].delivery.on_site_days_question",
            "question \"hypervisor\" is not a whole-number question",
        );
        find(
            &issues,
            "offerings[7].delivery.on_site_hours_per_day",
            "25 hours a day",
        );
        find(
            &issues,
            "offerings[7].delivery.on_site_hours_per_day",
            "TM is not sold on site",
        );
        assert_eq!(issues.len(), 5, "{issues:#?}");
    }

    #[test]
    fn delivery_modes_are_listed_once_each() {
        let text = edits(&[
            (
                "delivery = { modes = [\"remote\"] }\npricing = { model = \"fixed\", unit",
                "delivery = { modes = [] }\npricing = { model = \"fixed\", unit",
            ),
            (
                "modes = [\"remote\", \"on_site\"]",
                "modes = [\"remote\", \"on_site\", \"remote\"]",
            ),
        ]);
        let issues = lint_text(&text);
        let empty = find(&issues, "offerings[2].delivery.modes", "no delivery modes");
        assert_eq!(empty.line, Some(line_of(&text, "modes = []")));
        find(
            &issues,
            "offerings[3].delivery.modes[2]",
            "\"remote\" is listed twice",
        );
    }
}
