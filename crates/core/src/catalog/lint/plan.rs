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
