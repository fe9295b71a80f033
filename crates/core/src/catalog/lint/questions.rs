//! Rules 4, 11 and 13 for questions: the categories they name, their conditions, the
//! fields each kind takes, whole-number limits, the licence question, and the check that a
//! question another rule reads exists and is of the right kind.

use super::conditions::condition_rules;
use super::context::{Ctx, Sink};
use super::wording::{choice_words, kind_name, unknown_question};
use crate::catalog::model::{Question, QuestionKind};
use crate::money::thousands;

pub(super) fn questions(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    for (q, question) in cx.data.questions.iter().enumerate() {
        question_kind(out, q, question);
        let lists = [
            ("service_types", &question.service_types),
            ("required_for", &question.required_for),
        ];
        for (name, list) in lists {
            for (k, category) in list.iter().enumerate() {
                if !cx.has_category(category) {
                    out.at(
                        format!("questions[{q}].{name}[{k}]"),
                        cx.unknown_category(category),
                    );
                }
            }
        }
        if let Some(condition) = &question.shown_when {
            condition_rules(cx, out, &format!("questions[{q}].shown_when"), condition);
        }
        if let Some(condition) = &question.required_when {
            condition_rules(cx, out, &format!("questions[{q}].required_when"), condition);
            if question.required_for.is_empty() {
                out.at(
                    format!("questions[{q}].required_when"),
                    "required_when narrows required_for, which is empty, so the question is \
                     never required; add the service types to required_for"
                        .to_string(),
                );
            }
        }
        match question.max_length {
            Some(_) if question.kind != QuestionKind::FreeText => out.at(
                format!("questions[{q}].max_length"),
                format!(
                    "max_length applies only to free_text questions, and this one is {}; remove it",
                    kind_name(question.kind)
                ),
            ),
            Some(0) => out.at(
                format!("questions[{q}].max_length"),
                "max_length is 0, so no answer would be accepted; give a length such as 200"
                    .to_string(),
            ),
            _ => {}
        }
    }
}

/// Rule 11: the fields each kind of question takes.
fn question_kind(out: &mut Sink<'_>, q: usize, question: &Question) {
    let kind = kind_name(question.kind);
    let field = |name: &str| format!("questions[{q}].{name}");
    match question.kind {
        QuestionKind::WholeNumber => number_limits(out, q, question),
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            let count = question.choices.len();
            if count < 2 {
                out.at(
                    field("choices"),
                    format!("a {kind} question needs at least two choices; it has {count}"),
                );
            }
        }
        QuestionKind::YesNo | QuestionKind::FreeText => {
            if !question.choices.is_empty() {
                out.at(
                    field("choices"),
                    format!(
                        "a {kind} question takes no choices; remove them or make it single_choice \
                         or multiple_choice"
                    ),
                );
            }
        }
    }
    if question.kind != QuestionKind::WholeNumber {
        let limits = [
            ("min", question.min.is_some()),
            ("max", question.max.is_some()),
            ("plausible", question.plausible.is_some()),
        ];
        for (name, set) in limits {
            if set {
                out.at(
                    field(name),
                    format!("{name} applies only to whole_number questions, and this one is {kind}; remove it"),
                );
            }
        }
    }
}

fn number_limits(out: &mut Sink<'_>, q: usize, question: &Question) {
    let (min, max) = (question.min, question.max);
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        out.at(
            format!("questions[{q}].max"),
            format!(
                "max {} is below min {}; no answer would be accepted",
                thousands(max),
                thousands(min)
            ),
        );
    }
    let Some(plausible) = question.plausible else {
        return;
    };
    let field = format!("questions[{q}].plausible");
    if let Some(to) = plausible.to
        && to < plausible.from
    {
        out.at(
            field,
            format!(
                "plausible runs from {} down to {}; from must not be above to",
                thousands(plausible.from),
                thousands(to)
            ),
        );
        return;
    }
    if let Some(min) = min
        && plausible.from < min
    {
        out.at(
            field.clone(),
            format!(
                "the plausible range {} starts below min {}",
                plausible.label(),
                thousands(min)
            ),
        );
    }
    if let Some(max) = max
        && plausible.to.is_none_or(|to| to > max)
    {
        out.at(
            field,
            format!(
                "the plausible range {} goes above max {}",
                plausible.label(),
                thousands(max)
            ),
        );
    }
}

/// A question a scoping rule reads must exist and be of `kind`.
pub(super) fn question_of_kind(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    field: String,
    id: &str,
    kind: QuestionKind,
    purpose: &str,
) -> Option<&'static str> {
    match cx.question(id) {
        None => {
            out.at(field, unknown_question(id));
            Some("unknown")
        }
        Some(question) if question.kind != kind => {
            out.at(
                field,
                format!(
                    "question {id:?} is {}, but {purpose} needs a {} question",
                    kind_name(question.kind),
                    kind_name(kind)
                ),
            );
            Some("kind")
        }
        Some(_) => None,
    }
}

/// What a choice question must offer: each choice id passes `fits`, and the message for the
/// ones that do not.
pub(super) struct ChoiceSet<'a> {
    /// What the question is used for (`delivery_from`), in "… needs a single choice question".
    pub(super) purpose: &'a str,
    pub(super) fits: &'a dyn Fn(&str) -> bool,
    /// "a licence tier" / "licence tiers".
    pub(super) one: &'a str,
    pub(super) many: &'a str,
    /// Said after the list of wrong choices: what the choices must be.
    pub(super) expected: &'a str,
}

/// `id` names a single-choice question whose every choice fits `set`.
pub(super) fn single_choice_from(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    field: &str,
    id: &str,
    set: &ChoiceSet<'_>,
) {
    if question_of_kind(
        cx,
        out,
        field.to_string(),
        id,
        QuestionKind::SingleChoice,
        set.purpose,
    )
    .is_some()
    {
        return;
    }
    let Some(question) = cx.question(id) else {
        return;
    };
    let wrong: Vec<&str> = question
        .choices
        .iter()
        .map(|c| c.id.as_str())
        .filter(|c| !(set.fits)(c))
        .collect();
    if !wrong.is_empty() {
        let (verb, what) = if wrong.len() == 1 {
            ("is not", set.one)
        } else {
            ("are not", set.many)
        };
        out.at(
            field,
            format!(
                "{} of question {id:?} {verb} {what}; {}",
                choice_words(&wrong),
                set.expected
            ),
        );
    }
}

pub(super) fn license_question(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(id) = &cx.data.license_question else {
        if cx.data.license_minimum.is_some() {
            out.at(
                "license_minimum",
                "license_minimum needs a license_question to read the customer's tier from"
                    .to_string(),
            );
        }
        return;
    };
    let ids: Vec<String> = cx
        .data
        .license_tier_list()
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let expected = format!(
        "the choices must be licence tiers of license_tiers ({})",
        ids.join(", ")
    );
    let fits = |c: &str| ids.iter().any(|id| id == c);
    let tiers = ChoiceSet {
        purpose: "the licence tier",
        fits: &fits,
        one: "a licence tier",
        many: "licence tiers",
        expected: &expected,
    };
    single_choice_from(cx, out, "license_question", id, &tiers);
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{
        edit, edits, find, line_of, lint_text, scoping_edits,
    };

    #[test]
    fn question_service_types_must_be_categories() {
        let text = edits(&[
            (
                "service_types = [\"education\"]",
                "service_types = [\"educaton\"]",
            ),
            (
                "required_for = [\"migration\"]",
                "required_for = [\"migrate\"]",
            ),
        ]);
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "questions[0].service_types[0]",
            "unknown category \"educaton\"",
        );
        assert_eq!(issue.line, Some(line_of(&text, "educaton")));
        find(
            &issues,
            "questions[1].required_for[0]",
            "unknown category \"migrate\"",
        );
    }

    #[test]
    fn whole_number_limits_are_consistent() {
        let text = edit("min = 1\nmax = 500\n", "min = 10\nmax = 5\n");
        let issues = lint_text(&text);
        let max = find(&issues, "questions[0].max", "max 5 is below min 10");
        assert_eq!(max.line, Some(line_of(&text, "max = 5")));
        find(
            &issues,
            "questions[0].plausible",
            "the plausible range 5–20 starts below min 10",
        );
        find(
            &issues,
            "questions[0].plausible",
            "the plausible range 5–20 goes above max 5",
        );
    }

    #[test]
    fn choices_only_on_choice_questions() {
        let text = edits(&[
            (
                "choices = [{ id = \"aws\", label = \"AWS\" }, { id = \"on_prem\", label = \"On premises\" }]",
                "choices = [{ id = \"on_prem\", label = \"On premises\" }]\nmax = 3",
            ),
            (
                "kind = \"free_text\"\n",
                "kind = \"free_text\"\nchoices = [{ id = \"a\", label = \"A\" }, { id = \"b\", label = \"B\" }]\nplausible = { from = 1, to = 2 }\n",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "questions[4].choices",
            "a single_choice question needs at least two choices; it has 1",
        );
        find(
            &issues,
            "questions[4].max",
            "max applies only to whole_number questions, and this one is single_choice",
        );
        find(
            &issues,
            "questions[5].choices",
            "a free_text question takes no choices",
        );
        find(
            &issues,
            "questions[5].plausible",
            "plausible applies only to whole_number questions",
        );
    }

    #[test]
    fn question_scoping_fields_fit_the_question() {
        let text = scoping_edits(&[
            (
                "required_for = [\"migration\"]\nrequired_when",
                "required_when",
            ),
            (
                "text = \"Which hypervisor?\"\nkind = \"free_text\"",
                "text = \"Which hypervisor?\"\nkind = \"free_text\"\nmax_length = 0",
            ),
            (
                "text = \"How many projects?\"\nkind = \"whole_number\"",
                "text = \"How many projects?\"\nkind = \"whole_number\"\nmax_length = 20",
            ),
        ]);
        let issues = lint_text(&text);
        find(&issues, "questions[8].required_when", "never required");
        find(&issues, "questions[5].max_length", "max_length is 0");
        find(
            &issues,
            "questions[2].max_length",
            "applies only to free_text questions, and this one is whole_number",
        );
        assert_eq!(issues.len(), 3, "{issues:#?}");
    }

    #[test]
    fn the_licence_question_lists_tiers() {
        let issues = lint_text(&scoping_edits(&[(
            "{ id = \"premium\", label = \"Premium\" }",
            "{ id = \"gold\", label = \"Gold\" }",
        )]));
        find(
            &issues,
            "license_question",
            "choice \"gold\" of question \"tier\" is not a licence tier",
        );
        let issues = lint_text(&scoping_edits(&[(
            "license_question = \"tier\"",
            "license_question = \"users\"",
        )]));
        find(
            &issues,
            "license_question",
            "question \"users\" is whole_number, but the licence tier needs a single_choice question",
        );
    }
}
