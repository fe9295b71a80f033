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
        parallel_with(out, plan, p);
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

/// `parallel_with` names another phase that comes earlier in the list; a reference to
/// itself, to a later phase or round a loop is refused, so the layout never waits on a phase
/// not laid out yet.
fn parallel_with(out: &mut Sink<'_>, plan: &PlanTemplate, p: usize) {
    let Some(phase) = plan.phases.get(p) else {
        return;
    };
    let Some(other) = phase.parallel_with.as_deref() else {
        return;
    };
    let field = format!("plan.phases[{p}].parallel_with");
    let position = |id: &str| plan.phases.iter().position(|q| q.id == id);
    let message = match position(other) {
        None => format!(
            "unknown phase {other:?}: parallel_with names the id of an earlier phase of the plan"
        ),
        Some(q) if q == p => format!(
            "phase {other:?} cannot run alongside itself; name an earlier phase or leave parallel_with out"
        ),
        Some(q) if q > p => {
            // Follow the later phase's own references: back to this phase is a loop.
            let mut chain = vec![phase.id.as_str(), other];
            let mut next = plan.phases.get(q).and_then(|q| q.parallel_with.as_deref());
            while let Some(id) = next {
                if chain.len() > plan.phases.len() {
                    break;
                }
                chain.push(id);
                if id == phase.id {
                    break;
                }
                next = position(id)
                    .and_then(|i| plan.phases.get(i))
                    .and_then(|q| q.parallel_with.as_deref());
            }
            if chain.last() == Some(&phase.id.as_str()) {
                format!(
                    "circular parallel_with: {}; a phase runs alongside an earlier one",
                    chain.join(" → ")
                )
            } else {
                format!(
                    "phase {other:?} comes later in the plan; a phase runs alongside an earlier one, so list {other:?} first"
                )
            }
        }
        Some(_) => return,
    };
    out.at(field, message);
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

    #[test]
    fn parallel_phases_name_an_earlier_phase_without_a_loop() {
        // The test plan's phases: kickoff, migrate, train.
        let with = |edits: &[(&str, &str)]| lint_text(&scoping_edits(edits));
        let loop_and_self = with(&[
            (
                "id = \"kickoff\"",
                "id = \"kickoff\"\nparallel_with = \"train\"",
            ),
            (
                "id = \"train\"",
                "id = \"train\"\nparallel_with = \"kickoff\"",
            ),
            (
                "id = \"migrate\"",
                "id = \"migrate\"\nparallel_with = \"migrate\"",
            ),
        ]);
        find(
            &loop_and_self,
            "plan.phases[0].parallel_with",
            "circular parallel_with: kickoff → train → kickoff",
        );
        find(
            &loop_and_self,
            "plan.phases[1].parallel_with",
            "phase \"migrate\" cannot run alongside itself",
        );
        // train alongside kickoff, an earlier phase, is fine.
        assert_eq!(loop_and_self.len(), 2, "{loop_and_self:#?}");

        let unknown_and_later = with(&[
            (
                "id = \"kickoff\"",
                "id = \"kickoff\"\nparallel_with = \"migrate\"",
            ),
            (
                "id = \"train\"",
                "id = \"train\"\nparallel_with = \"deploy\"",
            ),
        ]);
        find(
            &unknown_and_later,
            "plan.phases[0].parallel_with",
            "phase \"migrate\" comes later in the plan",
        );
        find(
            &unknown_and_later,
            "plan.phases[2].parallel_with",
            "unknown phase \"deploy\"",
        );
        assert_eq!(unknown_and_later.len(), 2, "{unknown_and_later:#?}");
    }
}
