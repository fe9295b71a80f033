//! Rule 14, SOW requests: the `[sow]` section (GitLab project, payment terms, template),
//! the hand-off in `[sow.issue]` (title template, labels, customer flags) and every label
//! a SOW-request issue can get (the hand-off's and the approval rules').

use super::context::{Ctx, Sink};
use super::wording::is_blank;
use crate::label::label_problem;

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

/// Every label a SOW-request issue can get: `[sow.issue]`'s and the approval rules'.
pub(super) fn labels(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let mut check = |field: String, label: &str| {
        if let Some(problem) = label_problem(label) {
            out.at(field, format!("the label {label:?} {problem}"));
        }
    };
    if let Some(sow) = &cx.data.sow {
        let issue = &sow.issue;
        for (l, label) in issue.labels.iter().enumerate() {
            check(format!("sow.issue.labels[{l}]"), label);
        }
        for (category, labels) in &issue.service_type_labels {
            for (l, label) in labels.iter().enumerate() {
                check(
                    format!("sow.issue.service_type_labels.{category}[{l}]"),
                    label,
                );
            }
        }
        for (f, flag) in issue.customer_flags.iter().enumerate() {
            for (l, label) in flag.labels.iter().enumerate() {
                check(format!("sow.issue.customer_flags[{f}].labels[{l}]"), label);
            }
        }
        for (l, label) in issue.scheduling.labels.iter().enumerate() {
            check(format!("sow.issue.scheduling.labels[{l}]"), label);
        }
    }
    for (a, rule) in cx.data.approvals.iter().enumerate() {
        if let Some(label) = &rule.label {
            check(format!("approvals[{a}].label"), label);
        }
    }
}

/// The hand-off: a title template with `{{customer}}` once and room left for the name,
/// service-type labels for known categories, customer flags with unique ids and names.
pub(super) fn issue(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(sow) = &cx.data.sow else {
        return;
    };
    let issue = &sow.issue;
    if let Some(problem) = title_problem(&issue.title) {
        out.at("sow.issue.title", problem);
    }
    if let Some(problem) = title_problem(&issue.scheduling.title) {
        out.at("sow.issue.scheduling.title", problem);
    }
    if let Some(name) = &issue.template
        && let Some(problem) = template_name_problem(name)
    {
        out.at("sow.issue.template", problem);
    }
    for category in issue.service_type_labels.keys() {
        if !cx.has_category(category) {
            out.at(
                format!("sow.issue.service_type_labels.{category}"),
                cx.unknown_category(category),
            );
        }
    }
    for (f, flag) in issue.customer_flags.iter().enumerate() {
        let valid_id = !flag.id.is_empty()
            && flag
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid_id {
            out.at(
                format!("sow.issue.customer_flags[{f}].id"),
                format!(
                    "{:?} is not a flag id: use lowercase letters, digits and '_' (a scope lists it in customer.flags)",
                    flag.id
                ),
            );
        }
        if issue.customer_flags.iter().take(f).any(|o| o.id == flag.id) {
            out.at(
                format!("sow.issue.customer_flags[{f}].id"),
                format!("the customer flag {:?} is defined twice", flag.id),
            );
        }
        if is_blank(&flag.name) || flag.name.contains(['\n', '\r']) {
            out.at(
                format!("sow.issue.customer_flags[{f}].name"),
                "write the flag's name on one line: it is a row of the request's intake table"
                    .to_string(),
            );
        }
    }
}

/// What is wrong with the name of an issue template: it is a file name in the project's
/// `.gitlab/issue_templates/`, without `.md`.
fn template_name_problem(name: &str) -> Option<String> {
    if is_blank(name) {
        return Some(
            "the issue template's name is empty; write its file name without .md (e.g. \"SOW Request\"), or leave template out"
                .to_string(),
        );
    }
    if name
        .chars()
        .any(|c| c.is_control() || c == '/' || c == '\\')
        || name.ends_with(".md")
    {
        return Some(format!(
            "{name:?} is not an issue template's name: write the file name in .gitlab/issue_templates/ without .md, on one line, with no / or \\"
        ));
    }
    None
}

/// Longest fixed text of a title template, so a customer's name always has 55 characters
/// of GitLab's 255.
const MAX_TITLE_TEMPLATE_TEXT: usize = 200;

fn title_problem(title: &str) -> Option<String> {
    let (before, after) = match crate::template::title_parts(title) {
        Ok(parts) => parts,
        Err(problem) => return Some(problem),
    };
    let rest = format!("{before}{after}");
    if rest.chars().any(char::is_control) {
        return Some("the title is one line, with no control characters".to_string());
    }
    let length = rest.chars().count();
    (length > MAX_TITLE_TEMPLATE_TEXT).then(|| {
        format!(
            "the title's own text is {length} characters; at most {MAX_TITLE_TEMPLATE_TEXT}, so the customer's name keeps room within GitLab's 255"
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::catalog::LintIssue;
    use crate::catalog::lint::test_support::{SOW, VALID, edit, find, line_of, lint_text};

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
        let text = format!(
            "{}{SOW}{}",
            edit(
                "reason = \"Large estimates need a technical review.\"",
                "reason = \"Large estimates need a technical review.\"\nlabel = \"TA,Review\"",
            ),
            r#"
[sow.issue]
labels = ["proposal::Scoping", "say \"hi\""]
service_type_labels = { education = ["Education, training"] }
customer_flags = [{ id = "regulated", name = "Regulated", labels = [" "] }]
"#
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "approvals[0].label",
            "\"TA,Review\" contains a comma",
        );
        find(&issues, "sow.issue.labels[1]", "contains a double quote");
        find(
            &issues,
            "sow.issue.service_type_labels.education[0]",
            "contains a comma",
        );
        find(&issues, "sow.issue.customer_flags[0].labels[0]", "is empty");
        assert_eq!(issues.len(), 4, "{issues:#?}");
    }

    #[test]
    fn the_hand_off_is_checked() {
        let text = format!(
            "{VALID}{SOW}{}",
            r#"
[sow.issue]
title = "SOW for {{client}}"
service_type_labels = { education = ["Education"], training = ["Training"] }
customer_flags = [
  { id = "public_sector_us", name = "US public sector" },
  { id = "public_sector_us", name = "" },
  { id = "Regulated Industry", name = "Regulated" },
]
"#
        );
        let issues = lint_text(&text);
        find(&issues, "sow.issue.title", "unknown placeholder {{client}}");
        find(
            &issues,
            "sow.issue.service_type_labels.training",
            "unknown category \"training\"",
        );
        find(&issues, "sow.issue.customer_flags[1].id", "defined twice");
        find(&issues, "sow.issue.customer_flags[1].name", "one line");
        find(&issues, "sow.issue.customer_flags[2].id", "not a flag id");
        assert_eq!(issues.len(), 5, "{issues:#?}");

        for (title, why) in [
            ("Scope Issue", "0 times"),
            ("{{customer}} and {{customer}}", "2 times"),
            ("{{customer}}\tSOW", "one line"),
        ] {
            let text = format!("{VALID}{SOW}\n[sow.issue]\ntitle = {title:?}\n");
            let issues = lint_text(&text);
            find(&issues, "sow.issue.title", why);
            assert_eq!(issues.len(), 1, "{title}: {issues:#?}");
        }
        let long = format!("{{{{customer}}}} {}", "x".repeat(200));
        let text = format!("{VALID}{SOW}\n[sow.issue]\ntitle = {long:?}\n");
        find(
            &lint_text(&text),
            "sow.issue.title",
            "201 characters; at most 200",
        );
        let fits = format!("{{{{customer}}}}{}", "x".repeat(200));
        let text = format!("{VALID}{SOW}\n[sow.issue]\ntitle = {fits:?}\n");
        assert_eq!(lint_text(&text), Vec::<LintIssue>::new());
    }

    #[test]
    fn the_issue_template_name_and_the_scheduling_issue_are_checked() {
        let good = format!(
            "{VALID}{SOW}\n[sow.issue]\ntemplate = \"SOW Request\"\n\n[sow.issue.scheduling]\ntitle = \"Schedule {{{{customer}}}}\"\nlabels = [\"scheduling::New\"]\n"
        );
        assert_eq!(lint_text(&good), Vec::<LintIssue>::new());
        for (name, why) in [
            (" ", "name is empty"),
            ("templates/SOW Request", "with no / or \\"),
            ("SOW Request.md", "without .md"),
            ("SOW\nRequest", "on one line"),
        ] {
            let text = format!("{VALID}{SOW}\n[sow.issue]\ntemplate = {name:?}\n");
            let issues = lint_text(&text);
            find(&issues, "sow.issue.template", why);
            assert_eq!(issues.len(), 1, "{name:?}: {issues:#?}");
        }
        let text = format!(
            "{VALID}{SOW}\n[sow.issue.scheduling]\ntitle = \"Scheduling intake\"\nlabels = [\"a,b\"]\n"
        );
        let issues = lint_text(&text);
        find(&issues, "sow.issue.scheduling.title", "0 times");
        find(
            &issues,
            "sow.issue.scheduling.labels[0]",
            "contains a comma",
        );
        assert_eq!(issues.len(), 2, "{issues:#?}");
    }
}
