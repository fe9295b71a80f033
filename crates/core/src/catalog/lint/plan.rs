//! Rule 13 for the plan template: a closed lead time, and phases that are named, take
//! time, deliver known categories (each category in one phase) and can appear.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::context::{Ctx, Sink};
use super::wording::is_blank;
use crate::catalog::model::PlanTemplate;

pub(super) fn plan(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(plan) = &cx.data.plan else {
        return;
    };
    lead_time(out, plan);
    staffing(cx, out, plan);
    if plan.phases.is_empty() {
        out.at(
            "plan.phases",
            "the plan has no phases; add [[plan.phases]] entries".to_string(),
        );
    }
    let mut owner: BTreeMap<&str, usize> = BTreeMap::new();
    for (p, phase) in plan.phases.iter().enumerate() {
        let path = format!("plan.phases[{p}]");
        if is_blank(&phase.name) {
            out.at(
                format!("{path}.name"),
                "name is empty; give the phase a display name".to_string(),
            );
        }
        if phase.weeks <= Decimal::ZERO {
            out.at(
                format!("{path}.weeks"),
                format!(
                    "weeks is {}; a phase lasts at least part of a week",
                    phase.weeks
                ),
            );
        }
        for (k, category) in phase.categories.iter().enumerate() {
            let field = format!("{path}.categories[{k}]");
            if !cx.has_category(category) {
                out.at(field, cx.unknown_category(category));
                continue;
            }
            if let Some(&first) = owner.get(category.as_str()) {
                let message = format!(
                    "category {category:?} is already delivered by {}; each category belongs to one phase",
                    out.position(&format!("plan.phases[{first}]"))
                );
                out.at(field, message);
            } else {
                owner.insert(category, p);
            }
        }
        if !phase.always && phase.categories.is_empty() {
            let wave_phase = cx
                .data
                .migration_waves
                .as_ref()
                .and_then(|w| w.phase.as_deref())
                == Some(phase.id.as_str());
            if !wave_phase {
                out.at(
                    path,
                    "the phase delivers no category and is not kept always, so it never appears; add categories or set always = true".to_string(),
                );
            }
        }
    }
}

/// Hours per week name roles of the base book's rate card and are above zero; a week has
/// between one and seven working days.
fn staffing(cx: &Ctx<'_>, out: &mut Sink<'_>, plan: &PlanTemplate) {
    let base = cx
        .data
        .price_books
        .iter()
        .find(|b| b.currency == cx.data.base_currency);
    for (role, hours) in &plan.hours_per_week {
        let path = format!("plan.hours_per_week.{role}");
        if base.is_some_and(|b| !b.rate_card.contains_key(role)) {
            out.at(
                path.clone(),
                format!("unknown role {role:?}: staffing is stated for rate-card roles of the base price book"),
            );
        }
        if *hours <= Decimal::ZERO || *hours > Decimal::from(168) {
            out.at(
                path,
                format!(
                    "{hours} hours a week; a person works more than 0 and at most 168 hours a week"
                ),
            );
        }
    }
    if let Some(days) = plan.days_per_week
        && (days <= Decimal::ZERO || days > Decimal::from(7))
    {
        out.at(
            "plan.days_per_week",
            format!("days_per_week is {days}; a week has more than 0 and at most 7 working days"),
        );
    }
}

fn lead_time(out: &mut Sink<'_>, plan: &PlanTemplate) {
    let lead = plan.lead_time_weeks;
    let message = match lead.to {
        None => Some(
            "lead_time_weeks needs a `to`, e.g. { from = 4, to = 6 } (the same number for a fixed lead time)"
                .to_string(),
        ),
        Some(to) if to < lead.from => Some(format!(
            "lead_time_weeks runs from {} down to {to}; from must not be above to",
            lead.from
        )),
        Some(_) => None,
    };
    if let Some(message) = message {
        out.at("plan.lead_time_weeks", message);
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{find, lint_text, nth_line_of, scoping_edits};

    #[test]
    fn staffing_names_rate_card_roles_with_hours_above_zero() {
        let text = scoping_edits(&[(
            "notes = [\"Nothing starts before the paperwork is signed.\"]",
            "notes = [\"Nothing starts before the paperwork is signed.\"]\nhours_per_week = { consultant = \"40\", designer = \"0\" }\ndays_per_week = \"8\"",
        )]);
        let issues = lint_text(&text);
        find(
            &issues,
            "plan.hours_per_week.designer",
            "unknown role \"designer\"",
        );
        find(&issues, "plan.hours_per_week.designer", "0 hours a week");
        find(&issues, "plan.days_per_week", "days_per_week is 8");
        assert!(
            !issues
                .iter()
                .any(|i| i.field == "plan.hours_per_week.consultant"),
            "{issues:#?}"
        );
    }

    #[test]
    fn plan_phases_are_unique_and_deliver_known_categories() {
        let text = scoping_edits(&[
            (
                "lead_time_weeks = { from = 4, to = 6 }",
                "lead_time_weeks = { from = 6, to = 4 }",
            ),
            (
                "id = \"kickoff\"\nname = \"Kick-off\"\nweeks = \"1\"\nalways = true",
                "id = \"kickoff\"\nname = \"\"\nweeks = \"0\"",
            ),
            (
                "weeks = \"2\"\ncategories = [\"migration\"]",
                "weeks = \"2\"\ncategories = [\"migration\", \"moving\"]",
            ),
            (
                "categories = [\"education\"]",
                "categories = [\"education\", \"migration\"]",
            ),
            ("id = \"train\"", "id = \"migrate\""),
        ]);
        let issues = lint_text(&text);
        find(&issues, "plan.lead_time_weeks", "runs from 6 down to 4");
        find(&issues, "plan.phases[0].name", "name is empty");
        find(&issues, "plan.phases[0].weeks", "weeks is 0");
        find(&issues, "plan.phases[0]", "never appears");
        find(
            &issues,
            "plan.phases[1].categories[1]",
            "unknown category \"moving\"",
        );
        let twice = find(
            &issues,
            "plan.phases[2].categories[1]",
            "category \"migration\" is already delivered by plan.phases[1]",
        );
        assert_eq!(
            twice.line,
            Some(nth_line_of(
                &text,
                "categories = [\"education\", \"migration\"]",
                0
            ))
        );
        find(
            &issues,
            "plan.phases[2].id",
            "duplicate phase id \"migrate\"",
        );
        assert_eq!(issues.len(), 7, "{issues:#?}");
    }
}
