//! Rule 14, SOW requests: the `[sow]` section (GitLab project, payment terms, template)
//! and the labels a SOW-request issue gets (category names, approval labels).

use super::context::{Ctx, Sink};
use super::wording::is_blank;

pub(super) fn sow(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(sow) = &cx.data.sow else {
        return;
    };
    if let Some(project) = &sow.gitlab_project
        && let Err(error) = crate::gitlab_project::GitLabProject::parse(project)
    {
        out.at("sow.gitlab_project", error.to_string());
    }
    let terms = [
        ("fixed_fee", &sow.payment_terms.fixed_fee),
        ("time_and_materials", &sow.payment_terms.time_and_materials),
        ("expenses", &sow.payment_terms.expenses),
    ];
    for (name, text) in terms {
        if is_blank(text) {
            out.at(
                format!("sow.payment_terms.{name}"),
                format!("{name} is empty; write the payment terms a SOW states for it"),
            );
        }
    }
    let recurring = cx
        .data
        .offerings
        .iter()
        .find(|o| matches!(o.pricing, crate::catalog::model::Pricing::Recurring { .. }));
    match (&sow.payment_terms.recurring, recurring) {
        (None, Some(offering)) => out.at(
            "sow.payment_terms.recurring",
            format!(
                "recurring is missing, but {} is a recurring fee; write the payment terms a SOW \
                 states for monthly fees (e.g. \"Invoiced monthly in advance over the term\")",
                offering.sku
            ),
        ),
        (Some(text), _) if is_blank(text) => out.at(
            "sow.payment_terms.recurring",
            "recurring is empty; write the payment terms a SOW states for it".to_string(),
        ),
        _ => {}
    }
    for problem in crate::template::template_problems(&sow.template) {
        out.at("sow.template", problem);
    }
}

/// What makes `label` unusable as a GitLab label sent comma-separated or in a `/label`
/// quick action.
fn label_problem(label: &str) -> Option<&'static str> {
    if is_blank(label) {
        Some("is empty")
    } else if label.contains(',') {
        Some("contains a comma, which would split it in two: labels are sent comma-separated")
    } else if label.contains('"') {
        Some("contains a double quote, which would end it early in a /label quick action")
    } else if label.chars().any(char::is_control) {
        Some("contains a control character")
    } else {
        None
    }
}

/// Category names and approval labels become labels of the SOW-request issue.
pub(super) fn labels(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    for (c, category) in cx.data.categories.iter().enumerate() {
        if let Some(problem) = label_problem(&category.name) {
            out.at(
                format!("categories[{c}].name"),
                format!(
                    "the category name {:?} {problem}; a category name is also the service type's label on a SOW request",
                    category.name
                ),
            );
        }
    }
    for (a, rule) in cx.data.approvals.iter().enumerate() {
        if let Some(label) = &rule.label
            && let Some(problem) = label_problem(label)
        {
            out.at(
                format!("approvals[{a}].label"),
                format!("the label {label:?} {problem}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::LintIssue;
    use crate::catalog::lint::test_support::{SOW, VALID, edits, find, line_of, lint_text};

    #[test]
    fn the_valid_sow_section_has_no_issues() {
        assert_eq!(lint_text(&format!("{VALID}{SOW}")), Vec::<LintIssue>::new());
    }

    #[test]
    fn sow_settings_are_checked() {
        let text = format!("{VALID}{SOW}")
            .replace(
                "https://gitlab.example.com/ps/sow-requests",
                "http://gitlab.example.com/ps/sow-requests?x=1",
            )
            .replace(
                "# SOW for {{customer}}",
                "# SOW for {{client}} {{schedule}} {{total",
            )
            .replace("fixed_fee = \"Paid up front.\"", "fixed_fee = \" \"");
        let issues = lint_text(&text);
        let project = find(&issues, "sow.gitlab_project", "must start with https://");
        assert_eq!(project.line, Some(line_of(&text, "gitlab_project = ")));
        find(
            &issues,
            "sow.template",
            "line 1: unknown placeholder {{client}}",
        );
        find(
            &issues,
            "sow.template",
            "line 1: {{schedule}} becomes whole paragraphs",
        );
        find(&issues, "sow.template", "line 1: '{{' is never closed");
        find(&issues, "sow.payment_terms.fixed_fee", "fixed_fee is empty");
        assert_eq!(issues.len(), 5, "{issues:#?}");
    }

    #[test]
    fn labels_cannot_break_the_comma_separated_list() {
        let text = edits(&[
            ("name = \"Education\"", "name = \"Education, training\""),
            (
                "reason = \"Large estimates need a technical review.\"",
                "reason = \"Large estimates need a technical review.\"\nlabel = \"TA,Review\"",
            ),
        ]);
        let issues = lint_text(&text);
        find(&issues, "categories[0].name", "contains a comma");
        find(
            &issues,
            "approvals[0].label",
            "\"TA,Review\" contains a comma",
        );
        assert_eq!(issues.len(), 2, "{issues:#?}");
    }
}
