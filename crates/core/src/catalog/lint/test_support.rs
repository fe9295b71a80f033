//! What the rule tests share: the sample catalogs (files in `crates/core/testdata/catalogs/`),
//! linting a text, editing a sample to break one rule, and finding the issue it causes.

use super::{LintIssue, lint};
use crate::catalog::parse;

/// A small catalog that breaks no rule; tests edit it to break one.
pub(super) const VALID: &str = include_str!("../../../testdata/catalogs/lint-valid.toml");

/// Added to `VALID` (which then also names `tier` as its licence question): a licence
/// question, recommendation rules, wave sizes and a plan, all breaking no rule.
const SCOPING: &str = include_str!("../../../testdata/catalogs/lint-scoping.part.toml");

/// Added to `VALID`: a `[sow]` section that breaks no rule.
pub(super) const SOW: &str = include_str!("../../../testdata/catalogs/lint-sow.part.toml");

pub(super) fn lint_text(text: &str) -> Vec<LintIssue> {
    let (data, map) = parse("test.toml", text).expect("test catalog parses");
    lint(&data, &map, "test.toml")
}

/// `VALID` with the first `from` replaced by `to` (which must be present).
pub(super) fn edit(from: &str, to: &str) -> String {
    edits(&[(from, to)])
}

pub(super) fn edits(changes: &[(&str, &str)]) -> String {
    let mut text = VALID.to_string();
    for (from, to) in changes {
        assert!(text.contains(from), "VALID has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// 1-based line of the first line containing `needle`.
pub(super) fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .map(|index| index + 1)
        .unwrap_or_else(|| panic!("no line contains {needle:?}"))
}

/// The issues at `field`; fails when there are none.
pub(super) fn at<'a>(issues: &'a [LintIssue], field: &str) -> Vec<&'a LintIssue> {
    let found: Vec<&LintIssue> = issues.iter().filter(|i| i.field == field).collect();
    assert!(
        !found.is_empty(),
        "no issue at {field}; issues: {issues:#?}"
    );
    found
}

/// The one issue at `field` whose message contains `text`.
pub(super) fn find<'a>(issues: &'a [LintIssue], field: &str, text: &str) -> &'a LintIssue {
    let found = at(issues, field);
    found
        .iter()
        .find(|i| i.message.contains(text))
        .copied()
        .unwrap_or_else(|| panic!("no issue at {field} mentions {text:?}; got {found:#?}"))
}

/// 1-based line of the `n`th (0-based) line containing `needle`.
pub(super) fn nth_line_of(text: &str, needle: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .nth(n)
        .map(|(index, _)| index + 1)
        .unwrap_or_else(|| panic!("fewer than {} lines contain {needle:?}", n + 1))
}

pub(super) fn scoping_valid() -> String {
    let text = VALID.replacen(
        "base_currency = \"USD\"\n",
        "base_currency = \"USD\"\nlicense_question = \"tier\"\n",
        1,
    );
    format!("{text}{SCOPING}")
}

/// `scoping_valid()` with each `from` replaced by its `to` (each must be present).
pub(super) fn scoping_edits(changes: &[(&str, &str)]) -> String {
    let mut text = scoping_valid();
    for (from, to) in changes {
        assert!(text.contains(from), "the scoping catalog has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}
