//! Rule 13 for recommendation rules: what they name exists, each kind takes its own
//! fields, reasons say something, and each offering a rule adds fits its pricing and
//! delivery.

use super::conditions::condition_rules;
use super::context::{Ctx, Sink};
use super::questions::{ChoiceSet, question_of_kind, single_choice_from};
use super::wording::{is_blank, unknown_sku};
use crate::catalog::ItemField;
use crate::catalog::model::{QuestionKind, RecommendationKind, RecommendationRule, RuleAdd};
use crate::money::thousands;
use crate::template::{Piece, Placeholders, SINGLE_BRACES};

pub(super) fn recommendations(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let rules = &cx.data.recommendations;
    for (r, rule) in rules.iter().enumerate() {
        let path = format!("recommendations[{r}]");
        if let Some(category) = &rule.service_type
            && !cx.has_category(category)
        {
            out.at(
                format!("{path}.service_type"),
                cx.unknown_category(category),
            );
        }
        condition_rules(cx, out, &format!("{path}.when"), &rule.when);
        reason_rules(cx, out, &path, &rule.reason);
        match rule.kind {
            RecommendationKind::Add if rule.add.is_empty() => out.at(
                format!("{path}.add"),
                "a rule of kind \"add\" needs at least one offering in add, e.g. add = [{ sku = \"GL-IMPL-QS\" }]".to_string(),
            ),
            RecommendationKind::Warning | RecommendationKind::Note => {
                let kind = if rule.kind == RecommendationKind::Warning {
                    "warning"
                } else {
                    "note"
                };
                for (name, set) in [
                    ("add", !rule.add.is_empty()),
                    ("instead_of", !rule.instead_of.is_empty()),
                    ("alternative_to", rule.alternative_to.is_some()),
                ] {
                    if set {
                        out.at(
                            format!("{path}.{name}"),
                            format!("{name} applies only to rules of kind \"add\", and this one is a {kind}; remove it or change the kind"),
                        );
                    }
                }
            }
            RecommendationKind::Add => {}
        }
        for (k, add) in rule.add.iter().enumerate() {
            rule_add(cx, out, &format!("{path}.add[{k}]"), add);
        }
        for (k, sku) in rule.instead_of.iter().enumerate() {
            if !cx.has_sku(sku) {
                out.at(format!("{path}.instead_of[{k}]"), unknown_sku(sku));
            }
        }
        if let Some(other) = &rule.alternative_to {
            alternative(out, &path, rule, rules, other);
        }
        if let Some(days) = rule.effort_days
            && days.to.is_some_and(|to| to < days.from)
        {
            out.at(
                format!("{path}.effort_days"),
                format!(
                    "effort_days runs from {} down to {}; from must not be above to",
                    thousands(days.from),
                    thousands(days.to.unwrap_or_default())
                ),
            );
        }
    }
}

/// A reason must say something, and `{…}` placeholders must name questions.
fn reason_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, path: &str, reason: &str) {
    if is_blank(reason) {
        out.at(
            format!("{path}.reason"),
            "reason is empty; say why, in words the account executive and the customer understand"
                .to_string(),
        );
    }
    // Read the reason as recommendations fill it (`recommend::interpolate`): a placeholder
    // that names no question is text, and one may start inside it (`{a{b}`: `{b}`).
    let mut pieces = Placeholders::new(reason, SINGLE_BRACES);
    while let Some(piece) = pieces.next() {
        let Piece::Placeholder(inner) = piece else {
            continue;
        };
        if cx.question(inner).is_some() {
            continue;
        }
        if !inner.is_empty() && !inner.contains(|c: char| c.is_whitespace() || c == '{') {
            out.at(
                format!("{path}.reason"),
                format!(
                    "{{{inner}}} names no question; placeholders are replaced by the answer to the question with that id"
                ),
            );
        }
        pieces.reopen_inside();
    }
}

fn alternative(
    out: &mut Sink<'_>,
    path: &str,
    rule: &RecommendationRule,
    rules: &[RecommendationRule],
    other: &str,
) {
    let field = format!("{path}.alternative_to");
    if other == rule.id {
        out.at(
            field,
            format!("{other:?} names the rule itself; name the rule this one is an alternative to"),
        );
        return;
    }
    match rules.iter().find(|r| r.id == other) {
        None => out.at(
            field,
            format!("unknown recommendation {other:?} (no rule has this id)"),
        ),
        Some(target) if target.kind != RecommendationKind::Add => out.at(
            field,
            format!(
                "{other:?} is not a rule of kind \"add\", so there is nothing to choose between"
            ),
        ),
        Some(_) => {}
    }
}

/// One offering a rule suggests: it exists, and its fields fit its pricing and delivery.
fn rule_add(cx: &Ctx<'_>, out: &mut Sink<'_>, path: &str, add: &RuleAdd) {
    for (name, id) in [
        ("quantity_from", &add.quantity_from),
        ("attendees_from", &add.attendees_from),
    ] {
        if let Some(id) = id {
            question_of_kind(
                cx,
                out,
                format!("{path}.{name}"),
                id,
                QuestionKind::WholeNumber,
                name,
            );
        }
    }
    if let Some(id) = &add.delivery_from {
        delivery_question(cx, out, &format!("{path}.delivery_from"), id);
    }
    for (a, b, set) in [
        (
            "quantity",
            "quantity_from",
            add.quantity.is_some() && add.quantity_from.is_some(),
        ),
        (
            "delivery",
            "delivery_from",
            add.delivery.is_some() && add.delivery_from.is_some(),
        ),
    ] {
        if set {
            out.at(format!("{path}.{b}"), format!("give {a} or {b}, not both"));
        }
    }
    let Some((_, offering)) = cx.offering(&add.sku) else {
        out.at(format!("{path}.sku"), unknown_sku(&add.sku));
        return;
    };
    let model = offering.pricing.model_name();
    let fields = offering.pricing.item_fields();
    if add.attendees_from.is_some() && !fields.accepts(ItemField::Attendees) {
        out.at(
            format!("{path}.attendees_from"),
            format!(
                "attendees_from applies only to classes, and {} is priced {model}",
                offering.sku
            ),
        );
    }
    if (add.quantity.is_some() || add.quantity_from.is_some())
        && !fields.accepts(ItemField::Quantity)
    {
        out.at(
            format!("{path}.quantity"),
            format!(
                "{} is priced {model}, which takes no quantity; remove it",
                offering.sku
            ),
        );
    }
    if add.quantity == Some(0) {
        out.at(
            format!("{path}.quantity"),
            "quantity is 0; suggest at least 1".to_string(),
        );
    }
    if let Some(mode) = add.delivery {
        let sibling_has = offering
            .delivery
            .sibling
            .as_deref()
            .and_then(|s| cx.offering(s))
            .is_some_and(|(_, s)| s.delivery.modes.contains(&mode));
        if !offering.delivery.modes.contains(&mode) && !sibling_has {
            out.at(
                format!("{path}.delivery"),
                format!(
                    "{} is not sold {}, and has no sibling that is",
                    offering.sku,
                    mode.label()
                ),
            );
        }
    }
}

/// A question that picks a delivery mode: single choice, choices `remote` and `on_site`.
fn delivery_question(cx: &Ctx<'_>, out: &mut Sink<'_>, field: &str, id: &str) {
    let modes = ChoiceSet {
        purpose: "delivery_from",
        fits: &|c| matches!(c, "remote" | "on_site"),
        one: "a delivery mode",
        many: "delivery modes",
        expected: "delivery_from needs a question whose choices are \"remote\" and \"on_site\"",
    };
    single_choice_from(cx, out, field, id, &modes);
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{find, line_of, lint_text, scoping_edits};

    #[test]
    fn recommendation_rules_refer_to_known_things() {
        let text = scoping_edits(&[
            (
                "service_type = \"education\"\nwhen",
                "service_type = \"training\"\nwhen",
            ),
            (
                "add = [{ sku = \"GL-BAS-R\", attendees_from = \"attendees\", delivery_from = \"mode\" }]",
                "add = [{ sku = \"GL-BAS-X\", attendees_from = \"people\", delivery_from = \"target\" }, { sku = \"TM\", attendees_from = \"attendees\", quantity = 2 }, { sku = \"SEAT\", delivery = \"on_site\" }]",
            ),
            (
                "reason = \"{attendees} people",
                "reason = \"{atendees} people",
            ),
            ("instead_of = [\"GL-BAS\"]", "instead_of = [\"GL-BASIC\"]"),
            (
                "alternative_to = \"basics\"",
                "alternative_to = \"big-migration\"",
            ),
        ]);
        let issues = lint_text(&text);
        let rule = "recommendations[0]";
        let unknown = find(
            &issues,
            &format!("{rule}.service_type"),
            "unknown category \"training\"",
        );
        assert_eq!(unknown.line, Some(line_of(&text, "\"training\"")));
        find(
            &issues,
            &format!("{rule}.add[0].sku"),
            "unknown SKU \"GL-BAS-X\"",
        );
        find(
            &issues,
            &format!("{rule}.add[0].attendees_from"),
            "unknown question \"people\"",
        );
        find(
            &issues,
            &format!("{rule}.add[0].delivery_from"),
            "choices \"aws\" and \"on_prem\" of question \"target\" are not delivery modes",
        );
        find(
            &issues,
            &format!("{rule}.add[1].attendees_from"),
            "applies only to classes, and TM is priced time_and_materials",
        );
        find(
            &issues,
            &format!("{rule}.add[1].quantity"),
            "TM is priced time_and_materials, which takes no quantity",
        );
        find(
            &issues,
            &format!("{rule}.add[2].delivery"),
            "SEAT is not sold on-site",
        );
        find(
            &issues,
            &format!("{rule}.reason"),
            "{atendees} names no question",
        );
        find(
            &issues,
            "recommendations[1].instead_of[0]",
            "unknown SKU \"GL-BASIC\"",
        );
        find(
            &issues,
            "recommendations[1].alternative_to",
            "\"big-migration\" is not a rule of kind \"add\"",
        );
        assert_eq!(issues.len(), 10, "{issues:#?}");
    }

    #[test]
    fn reason_placeholders_are_read_as_recommendations_fill_them() {
        // `{a{attendees}`: `{a{attendees}` is no question, so the recommendation writes
        // `{a` as text and fills `{attendees}` inside it; `{x{atendees}` has a typo inside.
        let text = scoping_edits(&[(
            "reason = \"{attendees} people",
            "reason = \"{a{attendees} {x{atendees} {two words} people",
        )]);
        let issues = lint_text(&text);
        let reasons: Vec<&str> = issues
            .iter()
            .filter(|i| i.field == "recommendations[0].reason")
            .map(|i| i.message.as_str())
            .collect();
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert!(
            reasons[0].starts_with("{atendees} names no question"),
            "{reasons:?}"
        );
    }

    #[test]
    fn recommendation_kinds_take_the_right_fields() {
        let text = scoping_edits(&[
            (
                "add = [{ sku = \"GL-BAS-R\", attendees_from = \"attendees\", delivery_from = \"mode\" }]\n",
                "",
            ),
            ("reason = \"Or go straight to CI/CD.\"", "reason = \" \""),
            (
                "alternative_to = \"basics\"",
                "alternative_to = \"basics-alt\"",
            ),
            (
                "effort_days = { from = 1, to = 2 }",
                "effort_days = { from = 3, to = 2 }",
            ),
            (
                "kind = \"warning\"\n",
                "kind = \"note\"\nadd = [{ sku = \"SEAT\" }]\n",
            ),
            (
                "[[recommendations]]\nid = \"big-migration\"",
                "[[recommendations]]\nid = \"basics\"",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "recommendations[0].add",
            "needs at least one offering",
        );
        find(&issues, "recommendations[1].reason", "reason is empty");
        find(
            &issues,
            "recommendations[1].alternative_to",
            "names the rule itself",
        );
        find(
            &issues,
            "recommendations[1].effort_days",
            "runs from 3 down to 2",
        );
        find(
            &issues,
            "recommendations[2].add",
            "applies only to rules of kind \"add\", and this one is a note",
        );
        find(
            &issues,
            "recommendations[2].id",
            "duplicate recommendation id \"basics\"",
        );
        assert_eq!(issues.len(), 6, "{issues:#?}");
    }
}
