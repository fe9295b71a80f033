//! What `scopecraft catalog check` found, as a GitLab Code Quality report: the JSON array a
//! CI job saves as its `artifacts:reports:codequality` file, which GitLab shows in the merge
//! request beside the changed lines.
//!
//! Each issue has a fingerprint that GitLab uses to tell new problems from old ones. It is a
//! SHA-256 of the check name, the file path and the field, with list positions replaced by
//! the entry's key (`offerings[GL-CICD]` rather than `offerings[3]`): it survives edits
//! elsewhere in the file, including inserted offerings, and never depends on a line number.

use std::collections::BTreeMap;

use crate::catalog::{CatalogData, CatalogError, LintIssue, sha256_hex};
use crate::import::ImportWarning;
use serde::Serialize;

/// How serious a Code Quality issue is, in GitLab's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeQualitySeverity {
    /// The file cannot be read as a catalog at all.
    Blocker,
    /// The catalog breaks a rule and is refused.
    Critical,
    /// Not used by the catalog checks.
    Major,
    /// A warning: something was skipped or changed (GitLab import), the catalog loads.
    Minor,
    /// Not used by the catalog checks.
    Info,
}

/// One entry of a Code Quality report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeQualityIssue {
    /// What is wrong, in one line.
    pub description: String,
    /// The kind of problem (see [`lint_check_name`]).
    pub check_name: String,
    /// Identifies the problem across pipelines (see the module documentation).
    pub fingerprint: String,
    /// How serious it is.
    pub severity: CodeQualitySeverity,
    /// Where it is.
    pub location: CodeQualityLocation,
}

/// A file and line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeQualityLocation {
    /// The file, as given on the command line (relative to the repository in CI).
    pub path: String,
    /// The line.
    pub lines: CodeQualityLines,
}

/// The first line of a problem (1 when the file has no line numbers, e.g. JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeQualityLines {
    /// 1-based line.
    pub begin: usize,
}

/// A Code Quality report under construction.
#[derive(Debug, Clone, Default)]
pub struct CodeQualityReport {
    issues: Vec<CodeQualityIssue>,
    seen: BTreeMap<String, usize>,
}

impl CodeQualityReport {
    /// An empty report.
    pub fn new() -> CodeQualityReport {
        CodeQualityReport::default()
    }

    /// The issues, in the order they were added.
    pub fn issues(&self) -> &[CodeQualityIssue] {
        &self.issues
    }

    /// The report as GitLab reads it: a JSON array, pretty-printed.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.issues).unwrap_or_else(|_| "[]".to_string())
    }

    /// Lint issues of the catalog at `path` (critical). `data` gives the keys that make the
    /// fingerprints independent of list positions.
    pub fn add_lint_issues(
        &mut self,
        path: &str,
        issues: &[LintIssue],
        data: Option<&CatalogData>,
    ) {
        for issue in issues {
            let mut description = String::new();
            if let Some(sku) = &issue.offering {
                description.push_str(&format!("offering {sku}: "));
            }
            description.push_str(&format!("{}: {}", issue.field, issue.message));
            let field = match data {
                Some(data) => stable_field_path(&issue.field, data),
                None => issue.field.clone(),
            };
            self.push(
                description,
                lint_check_name(&issue.field),
                CodeQualitySeverity::Critical,
                path,
                issue.line,
                &field,
            );
        }
    }

    /// A catalog that could not be loaded: a syntax error (blocker) or its lint issues.
    pub fn add_catalog_error(
        &mut self,
        path: &str,
        error: &CatalogError,
        data: Option<&CatalogData>,
    ) {
        match error {
            CatalogError::Lint(issues) => self.add_lint_issues(path, issues, data),
            CatalogError::Syntax { line, message, .. } => self.push(
                message.clone(),
                "syntax".to_string(),
                CodeQualitySeverity::Blocker,
                path,
                *line,
                message,
            ),
        }
    }

    /// A file that is not a catalog at all (unreadable, not UTF-8, not GitLab's YAML).
    pub fn add_unreadable(&mut self, path: &str, message: &str) {
        self.push(
            message.to_string(),
            "unreadable".to_string(),
            CodeQualitySeverity::Blocker,
            path,
            None,
            "",
        );
    }

    /// Warnings from importing GitLab's `services.yml` (minor).
    pub fn add_import_warnings(&mut self, path: &str, warnings: &[ImportWarning]) {
        for warning in warnings {
            let entry = warning
                .sku
                .clone()
                .or_else(|| warning.id.clone())
                .or_else(|| warning.index.map(|i| i.to_string()))
                .unwrap_or_default();
            self.push(
                warning.to_string(),
                import_check_name(warning),
                CodeQualitySeverity::Minor,
                path,
                warning.line,
                &entry,
            );
        }
    }

    fn push(
        &mut self,
        description: String,
        check_name: String,
        severity: CodeQualitySeverity,
        path: &str,
        line: Option<usize>,
        field: &str,
    ) {
        let key = format!("{check_name}\u{0}{path}\u{0}{field}");
        // The same check on the same field twice (two messages): number the repeats, so
        // every issue has its own fingerprint and the first keeps the plain one.
        let count = self.seen.entry(key.clone()).or_insert(0);
        *count += 1;
        let key = if *count == 1 {
            key
        } else {
            format!("{key}\u{0}{count}")
        };
        self.issues.push(CodeQualityIssue {
            description,
            check_name,
            fingerprint: sha256_hex(key.as_bytes()),
            severity,
            location: CodeQualityLocation {
                path: path.to_string(),
                lines: CodeQualityLines {
                    begin: line.unwrap_or(1),
                },
            },
        });
    }
}

/// The kind of a lint problem, from the shape of its field path: list positions become `[]`
/// and price-book keys (SKUs, roles) `*`, so `price_books[0].prices.GL-XPRT.price` is
/// `price_books[].prices.*.price`.
pub fn lint_check_name(field: &str) -> String {
    let mut out = Vec::new();
    let mut after_map = false;
    for segment in field.split('.') {
        if after_map {
            out.push("*".to_string());
            after_map = false;
            continue;
        }
        let name = without_positions(segment);
        after_map = name == "prices" || name == "rate_card";
        out.push(name);
    }
    out.join(".")
}

/// The kind of an import warning: `import/` and the field (`import/price`).
pub fn import_check_name(warning: &ImportWarning) -> String {
    format!("import/{}", warning.field)
}

/// `skus[0]` → `skus[]`, `table[1][2]` → `table[][]`.
fn without_positions(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut in_brackets = false;
    for c in segment.chars() {
        match c {
            '[' => {
                in_brackets = true;
                out.push('[');
            }
            ']' => {
                in_brackets = false;
                out.push(']');
            }
            _ if in_brackets => {}
            _ => out.push(c),
        }
    }
    out
}

/// A field path with the position of its top-level entry replaced by the entry's key:
/// `offerings[3].pricing` → `offerings[GL-CICD].pricing`, `price_books[1]` →
/// `price_books[EUR]`, `plan.phases[2]` → `plan.phases[deploy]`.
pub fn stable_field_path(field: &str, data: &CatalogData) -> String {
    let (prefix, rest) = match field.strip_prefix("plan.") {
        Some(rest) => ("plan.", rest),
        None => ("", field),
    };
    let Some((list, after)) = rest.split_once('[') else {
        return field.to_string();
    };
    let Some((index, tail)) = after.split_once(']') else {
        return field.to_string();
    };
    let Ok(index) = index.parse::<usize>() else {
        return field.to_string();
    };
    let key = match (prefix, list) {
        ("", "offerings") => data.offerings.get(index).map(|o| o.sku.clone()),
        ("", "questions") => data.questions.get(index).map(|q| q.id.clone()),
        ("", "approvals") => data.approvals.get(index).map(|a| a.id.clone()),
        ("", "recommendations") => data.recommendations.get(index).map(|r| r.id.clone()),
        ("", "categories") => data.categories.get(index).map(|c| c.id.clone()),
        ("", "price_books") => data.price_books.get(index).map(|b| b.currency.clone()),
        ("plan.", "phases") => data
            .plan
            .as_ref()
            .and_then(|p| p.phases.get(index))
            .map(|p| p.id.clone()),
        _ => None,
    };
    match key {
        Some(key) => format!("{prefix}{list}[{key}]{tail}"),
        None => field.to_string(),
    }
}

#[cfg(test)]
mod tests;
