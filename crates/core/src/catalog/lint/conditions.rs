//! Rule 4 for conditions (`shown_when`, `required_when`, a recommendation's `when`): the
//! questions, SKUs and categories they name exist, the values they compare fit the
//! question, and they can hold at all.

use std::collections::BTreeMap;

use super::context::{Ctx, Sink};
use super::wording::{join_names, kind_name, show_value, unknown_question, unknown_sku};
use crate::catalog::model::{AnswerValue, Condition, Question, QuestionKind};
use crate::money::thousands;

fn comparisons(condition: &Condition) -> Vec<&'static str> {
    [
        ("answered", condition.answered.is_some()),
        ("eq", condition.eq.is_some()),
        ("ne", condition.ne.is_some()),
        ("in", !condition.one_of.is_empty()),
        ("includes", condition.includes.is_some()),
        ("lt", condition.lt.is_some()),
        ("lte", condition.lte.is_some()),
        ("gt", condition.gt.is_some()),
        ("gte", condition.gte.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, set)| set.then_some(name))
    .collect()
}

/// Rule 4 for conditions, recursively through `all`, `any` and `not`.
pub(super) fn condition_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, path: &str, condition: &Condition) {
    for (k, sub) in condition.all.iter().enumerate() {
        condition_rules(cx, out, &format!("{path}.all[{k}]"), sub);
    }
    for (k, sub) in condition.any.iter().enumerate() {
        condition_rules(cx, out, &format!("{path}.any[{k}]"), sub);
    }
    if let Some(sub) = &condition.not {
        condition_rules(cx, out, &format!("{path}.not"), sub);
    }
    match &condition.question {
        None => {
            let used = comparisons(condition);
            if !used.is_empty() {
                out.at(
                    path,
                    format!(
                        "the condition compares an answer ({}) but names no question; add \
                         question = \"<question id>\"",
                        used.join(", ")
                    ),
                );
            }
        }
        Some(id) => match cx.question(id) {
            None => out.at(format!("{path}.question"), unknown_question(id)),
            Some(question) => condition_values(out, path, condition, question),
        },
    }
    if let Some(sku) = &condition.selected
        && !cx.has_sku(sku)
    {
        out.at(format!("{path}.selected"), unknown_sku(sku));
    }
    if let Some(category) = &condition.service_type
        && !cx.has_category(category)
    {
        out.at(
            format!("{path}.service_type"),
            cx.unknown_category(category),
        );
    }
    if let Some(message) = never_holds(cx, condition) {
        out.at(path, message);
    }
}

/// A reason the tests on one question, made together by a condition and its plain `all`
/// members, can never all hold: a whole-number range no answer falls in, two different
/// required values, or "unanswered" together with a comparison. Only what is cheap to see.
fn never_holds(cx: &Ctx<'_>, condition: &Condition) -> Option<String> {
    let plain = |c: &Condition| c.all.is_empty() && c.any.is_empty() && c.not.is_none();
    let mut by_question: BTreeMap<&str, Vec<&Condition>> = BTreeMap::new();
    for test in std::iter::once(condition).chain(condition.all.iter().filter(|c| plain(c))) {
        if let Some(id) = &test.question {
            by_question.entry(id.as_str()).or_default().push(test);
        }
    }
    for (id, tests) in by_question {
        let Some(question) = cx.question(id) else {
            continue;
        };
        let unanswered = tests.iter().any(|t| t.answered == Some(false));
        let compared = tests
            .iter()
            .any(|t| comparisons(t).iter().any(|c| *c != "answered"));
        if unanswered && compared {
            return Some(format!(
                "this condition can never hold: it requires {id:?} to be unanswered and also compares its answer"
            ));
        }
        if tests.iter().any(|t| t.answered == Some(true)) && unanswered {
            return Some(format!(
                "this condition can never hold: it requires {id:?} to be both answered and unanswered"
            ));
        }
        let message = if question.kind == QuestionKind::WholeNumber {
            number_contradiction(question, &tests)
        } else {
            value_contradiction(&tests)
        };
        if let Some(message) = message {
            return Some(format!(
                "this condition can never hold: no answer to {id:?} {message}"
            ));
        }
    }
    None
}

fn number_contradiction(question: &Question, tests: &[&Condition]) -> Option<String> {
    let mut low = question.min.unwrap_or(0);
    let mut high = question.max.unwrap_or(u64::MAX);
    let mut words: Vec<String> = Vec::new();
    for test in tests {
        if let Some(lt) = test.lt {
            words.push(format!("below {}", thousands(lt)));
            match lt.checked_sub(1) {
                Some(h) => high = high.min(h),
                None => return Some(format!("is below {}", thousands(lt))),
            }
        }
        if let Some(lte) = test.lte {
            words.push(format!("at most {}", thousands(lte)));
            high = high.min(lte);
        }
        if let Some(gt) = test.gt {
            words.push(format!("above {}", thousands(gt)));
            match gt.checked_add(1) {
                Some(l) => low = low.max(l),
                None => return Some(format!("is above {}", thousands(gt))),
            }
        }
        if let Some(gte) = test.gte {
            words.push(format!("at least {}", thousands(gte)));
            low = low.max(gte);
        }
        if let Some(AnswerValue::Number(n)) = test.eq {
            words.push(format!("equal to {}", thousands(n)));
            low = low.max(n);
            high = high.min(n);
        }
        let listed: Vec<u64> = test
            .one_of
            .iter()
            .filter_map(|v| match v {
                AnswerValue::Number(n) => Some(*n),
                _ => None,
            })
            .collect();
        if let (Some(least), Some(most)) = (listed.iter().min(), listed.iter().max()) {
            words.push(format!(
                "one of {}",
                listed
                    .iter()
                    .map(|n| thousands(*n))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            low = low.max(*least);
            high = high.min(*most);
        }
    }
    if low <= high {
        return None;
    }
    let mut limits = Vec::new();
    if let Some(min) = question.min {
        limits.push(format!("min {}", thousands(min)));
    }
    if let Some(max) = question.max {
        limits.push(format!("max {}", thousands(max)));
    }
    let limits = if limits.is_empty() {
        String::new()
    } else {
        format!(" (the question accepts {})", limits.join(", "))
    };
    let words = if words.is_empty() {
        "fits".to_string()
    } else {
        format!(
            "is {}",
            join_names(&words.iter().map(String::as_str).collect::<Vec<_>>())
        )
    };
    Some(format!("{words}{limits}"))
}

fn value_contradiction(tests: &[&Condition]) -> Option<String> {
    let equal: Vec<&AnswerValue> = tests.iter().filter_map(|t| t.eq.as_ref()).collect();
    if let Some(first) = equal.first()
        && let Some(other) = equal.iter().find(|v| *v != first)
    {
        return Some(format!(
            "equals both {} and {}",
            show_value(first),
            show_value(other)
        ));
    }
    if let Some(value) = equal.first() {
        if tests.iter().any(|t| t.ne.as_ref() == Some(*value)) {
            return Some(format!(
                "both equals and differs from {}",
                show_value(value)
            ));
        }
        if tests
            .iter()
            .any(|t| !t.one_of.is_empty() && !t.one_of.contains(value))
        {
            return Some(format!(
                "equals {} and is also one of a list without it",
                show_value(value)
            ));
        }
    }
    None
}

/// The values compared fit the question: choice ids for choice questions, `true`/`false`
/// for yes/no, numbers for whole numbers.
fn condition_values(out: &mut Sink<'_>, path: &str, condition: &Condition, question: &Question) {
    let mut values: Vec<(String, &AnswerValue)> = Vec::new();
    values.extend(condition.eq.as_ref().map(|v| ("eq".to_string(), v)));
    values.extend(condition.ne.as_ref().map(|v| ("ne".to_string(), v)));
    values.extend(
        condition
            .one_of
            .iter()
            .enumerate()
            .map(|(k, v)| (format!("in[{k}]"), v)),
    );
    for (field, value) in values {
        if let Some(message) = value_problem(question, value) {
            out.at(format!("{path}.{field}"), message);
        }
    }
    let kind = kind_name(question.kind);
    if let Some(choice) = &condition.includes {
        let message = if question.kind != QuestionKind::MultipleChoice {
            Some(format!(
                "includes applies only to multiple_choice questions, but question {:?} is {kind}; use eq",
                question.id
            ))
        } else {
            value_problem(question, &AnswerValue::Text(choice.clone()))
        };
        if let Some(message) = message {
            out.at(format!("{path}.includes"), message);
        }
    }
    if question.kind != QuestionKind::WholeNumber {
        let numeric = [
            ("lt", condition.lt),
            ("lte", condition.lte),
            ("gt", condition.gt),
            ("gte", condition.gte),
        ];
        for (name, value) in numeric {
            if value.is_some() {
                out.at(
                    format!("{path}.{name}"),
                    format!(
                        "{name} compares whole numbers, but question {:?} is {kind}",
                        question.id
                    ),
                );
            }
        }
    }
}

pub(super) fn value_problem(question: &Question, value: &AnswerValue) -> Option<String> {
    let id = &question.id;
    match (question.kind, value) {
        (QuestionKind::SingleChoice | QuestionKind::MultipleChoice, AnswerValue::Text(text))
            if question.choices.iter().any(|c| c.id == *text) =>
        {
            None
        }
        (QuestionKind::SingleChoice | QuestionKind::MultipleChoice, _) => {
            let ids: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
            Some(format!(
                "{} is not a choice of question {id:?} (its choices are: {})",
                show_value(value),
                ids.join(", ")
            ))
        }
        (QuestionKind::YesNo, AnswerValue::Bool(_))
        | (QuestionKind::WholeNumber, AnswerValue::Number(_))
        | (QuestionKind::FreeText, _) => None,
        (QuestionKind::YesNo, _) => Some(format!(
            "question {id:?} is yes_no, so compare with true or false, not {}",
            show_value(value)
        )),
        (QuestionKind::WholeNumber, _) => Some(format!(
            "question {id:?} is whole_number, so compare with a whole number, not {}",
            show_value(value)
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edit, find, line_of, lint_text, scoping_edits};

    const SHOWN_WHEN: &str = "shown_when = { all = [{ question = \"target\", eq = \"on_prem\" }, { not = { selected = \"HC\" } }, { any = [{ service_type = \"migration\" }, { question = \"users\", gt = 10 }] }] }";

    #[test]
    fn conditions_refer_to_known_things_recursively() {
        let broken = "shown_when = { all = [{ question = \"target\", eq = \"on_premise\" }, { not = { selected = \"NOPE\" } }, { any = [{ service_type = \"ops\" }, { question = \"nope\", gt = 10 }, { gt = 3 }] }] }";
        let text = edit(SHOWN_WHEN, broken);
        let issues = lint_text(&text);
        let path = "questions[5].shown_when";
        let choice = find(
            &issues,
            &format!("{path}.all[0].eq"),
            "\"on_premise\" is not a choice of question \"target\" (its choices are: aws, on_prem)",
        );
        assert_eq!(choice.line, Some(line_of(&text, "shown_when")));
        find(
            &issues,
            &format!("{path}.all[1].not.selected"),
            "unknown SKU \"NOPE\"",
        );
        find(
            &issues,
            &format!("{path}.all[2].any[0].service_type"),
            "unknown category \"ops\"",
        );
        find(
            &issues,
            &format!("{path}.all[2].any[1].question"),
            "unknown question \"nope\"",
        );
        find(
            &issues,
            &format!("{path}.all[2].any[2]"),
            "compares an answer (gt) but names no question",
        );
        assert_eq!(issues.len(), 5, "{issues:#?}");
    }

    #[test]
    fn condition_values_fit_the_question() {
        let broken = "shown_when = { any = [{ question = \"target\", includes = \"aws\" }, { question = \"users\", eq = \"5\" }, { question = \"hypervisor\", lt = 3 }, { question = \"target\", in = [\"aws\", \"gcp\"] }] }";
        let text = edit(SHOWN_WHEN, broken);
        let issues = lint_text(&text);
        let path = "questions[5].shown_when.any";
        find(
            &issues,
            &format!("{path}[0].includes"),
            "only to multiple_choice questions",
        );
        find(
            &issues,
            &format!("{path}[1].eq"),
            "compare with a whole number, not \"5\"",
        );
        find(
            &issues,
            &format!("{path}[2].lt"),
            "lt compares whole numbers",
        );
        find(
            &issues,
            &format!("{path}[3].in[1]"),
            "\"gcp\" is not a choice",
        );
        assert_eq!(issues.len(), 4, "{issues:#?}");
    }

    #[test]
    fn conditions_that_can_never_hold_are_reported() {
        let text = scoping_edits(&[
            (
                "when = { question = \"attendees\", gte = 1 }",
                "when = { question = \"attendees\", lt = 1 }",
            ),
            (
                "when = { all = [{ question = \"users\", gt = 500 }, { question = \"projects\", lte = 1000 }] }",
                "when = { all = [{ question = \"users\", gt = 5000 }, { question = \"users\", lt = 1000 }, { any = [{ question = \"target\", eq = \"aws\" }] }] }",
            ),
            (
                "required_when = { question = \"target\", eq = \"aws\" }",
                "required_when = { question = \"target\", eq = \"aws\", in = [\"on_prem\"] }",
            ),
            (
                "service_type = \"education\"\nkind = \"add\"",
                "service_type = \"education\"\nwhen = { question = \"mode\", answered = false, eq = \"remote\" }\nkind = \"add\"",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "recommendations[0].when",
            "no answer to \"attendees\" is below 1 (the question accepts min 1, max 500)",
        );
        find(
            &issues,
            "recommendations[2].when",
            "no answer to \"users\" is above 5,000 and below 1,000",
        );
        find(
            &issues,
            "questions[8].required_when",
            "equals \"aws\" and is also one of a list without it",
        );
        find(
            &issues,
            "recommendations[1].when",
            "requires \"mode\" to be unanswered and also compares its answer",
        );
        assert_eq!(issues.len(), 4, "{issues:#?}");
    }
}
