//! Rule 3, duplicate and empty ids: SKUs, categories, questions, choices, approval and
//! recommendation rules, licence tiers, plan phases.

use std::collections::BTreeMap;

use super::context::{Ctx, Sink};
use super::wording::is_blank;

/// `(first, repeat, id)` for every non-empty id that appears again, in order.
fn repeats<'s>(ids: impl IntoIterator<Item = &'s str>) -> Vec<(usize, usize, &'s str)> {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    let mut found = Vec::new();
    for (index, id) in ids.into_iter().enumerate() {
        if id.is_empty() {
            continue;
        }
        match first.get(id) {
            Some(&earlier) => found.push((earlier, index, id)),
            None => {
                first.insert(id, index);
            }
        }
    }
    found
}

/// Reports repeated ids of the list at `list` (`categories`), each item's id at `key`.
fn report_repeats<'s>(
    out: &mut Sink<'_>,
    list: &str,
    key: &str,
    what: &str,
    ids: impl IntoIterator<Item = &'s str>,
) {
    for (first, again, id) in repeats(ids) {
        let message = format!(
            "duplicate {what} {id:?}: {} and {} both use it; {what}s must be unique",
            out.position(&format!("{list}[{first}]")),
            out.position(&format!("{list}[{again}]")),
        );
        out.at(format!("{list}[{again}].{key}"), message);
    }
}

/// Reports empty ids of the list at `list`.
fn report_empty<'s>(
    out: &mut Sink<'_>,
    list: &str,
    what: &str,
    ids: impl IntoIterator<Item = &'s str>,
) {
    for (index, id) in ids.into_iter().enumerate() {
        if is_blank(id) {
            out.at(
                format!("{list}[{index}].id"),
                format!("the {what} id is empty; give it a unique id"),
            );
        }
    }
}

pub(super) fn duplicates(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let data = cx.data;
    for (first, again, sku) in repeats(data.offerings.iter().map(|o| o.sku.as_str())) {
        let message = format!(
            "duplicate SKU {sku:?}: {} and {} both use it; SKUs must be unique",
            out.position(&format!("offerings[{first}]")),
            out.position(&format!("offerings[{again}]")),
        );
        out.add(Some(sku), format!("offerings[{again}].sku"), message);
    }
    let categories = || data.categories.iter().map(|c| c.id.as_str());
    report_empty(out, "categories", "category", categories());
    report_repeats(out, "categories", "id", "category id", categories());
    let questions = || data.questions.iter().map(|q| q.id.as_str());
    report_empty(out, "questions", "question", questions());
    report_repeats(out, "questions", "id", "question id", questions());
    let approvals = || data.approvals.iter().map(|a| a.id.as_str());
    report_empty(out, "approvals", "approval rule", approvals());
    report_repeats(out, "approvals", "id", "approval id", approvals());
    let rules = || data.recommendations.iter().map(|r| r.id.as_str());
    report_empty(out, "recommendations", "recommendation rule", rules());
    report_repeats(out, "recommendations", "id", "recommendation id", rules());
    let tiers = || data.license_tiers.iter().map(|t| t.id.as_str());
    report_empty(out, "license_tiers", "licence tier", tiers());
    report_repeats(out, "license_tiers", "id", "licence tier id", tiers());
    if let Some(plan) = &data.plan {
        let phases = || plan.phases.iter().map(|p| p.id.as_str());
        report_empty(out, "plan.phases", "plan phase", phases());
        report_repeats(out, "plan.phases", "id", "phase id", phases());
    }
    for (q, question) in data.questions.iter().enumerate() {
        let list = format!("questions[{q}].choices");
        let choices = || question.choices.iter().map(|c| c.id.as_str());
        report_empty(out, &list, "choice", choices());
        report_repeats(out, &list, "id", "choice id", choices());
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edit, edits, find, line_of, lint_text, nth_line_of};

    #[test]
    fn duplicate_skus_name_both_positions() {
        let text = edit("sku = \"HC\"", "sku = \"SEAT\"");
        let issues = lint_text(&text);
        let issue = find(&issues, "offerings[9].sku", "duplicate SKU \"SEAT\"");
        assert!(
            issue.message.contains("offerings[2] (line"),
            "{}",
            issue.message
        );
        assert!(
            issue.message.contains("offerings[9] (line"),
            "{}",
            issue.message
        );
        assert_eq!(issue.offering.as_deref(), Some("SEAT"));
        assert_eq!(issue.line, Some(nth_line_of(&text, "sku = \"SEAT\"", 1)));
        // The duplicate is not also counted as an offering without a price.
        assert!(!issues.iter().any(|i| i.field == "price_books[0].prices"));
    }

    #[test]
    fn duplicate_ids_are_reported() {
        let text = edits(&[
            ("id = \"migration\"", "id = \"education\""),
            ("id = \"projects\"", "id = \"users\""),
            ("id = \"discount\"", "id = \"ta-review\""),
            ("{ id = \"on_prem\", label", "{ id = \"aws\", label"),
        ]);
        let issues = lint_text(&text);
        let category = find(
            &issues,
            "categories[1].id",
            "duplicate category id \"education\"",
        );
        assert_eq!(
            category.line,
            Some(nth_line_of(&text, "id = \"education\"", 1))
        );
        find(
            &issues,
            "questions[2].id",
            "duplicate question id \"users\"",
        );
        find(
            &issues,
            "approvals[1].id",
            "duplicate approval id \"ta-review\"",
        );
        let choice = find(
            &issues,
            "questions[4].choices[1].id",
            "duplicate choice id \"aws\"",
        );
        assert_eq!(choice.line, Some(line_of(&text, "choices = [")));
    }

    #[test]
    fn empty_ids_are_reported() {
        let text = edits(&[
            ("id = \"education\"", "id = \"\""),
            ("id = \"discount\"", "id = \"\""),
        ]);
        let issues = lint_text(&text);
        find(&issues, "categories[0].id", "category id is empty");
        find(&issues, "approvals[1].id", "approval rule id is empty");
    }
}
