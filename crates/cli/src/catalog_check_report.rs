//! `scopecraft catalog check --format json | codequality`: what the check found as JSON on
//! stdout — Scopecraft's own shape, or GitLab's Code Quality report — while the usual text
//! goes to stderr. Exit status as for the text check: 1 when the catalog is refused.

use scopecraft::{
    Catalog, CatalogData, CatalogError, CodeQualityReport, GITLAB_CATALOG_TOML, ImportWarning,
    LintIssue, import_check_name, lint_check_name, open_catalog,
};
use serde_json::{Value, json};

use crate::Failure;
use crate::catalog_cmd::{CheckFormat, problems_text, summary_text};
use crate::input::{self, display_name};

/// Everything the check found in one file.
struct Examined {
    /// The file as named in messages and reports.
    name: String,
    /// The checked catalog, when it has no problem.
    catalog: Option<Catalog>,
    /// The parsed data, for fingerprints (absent when the file does not parse).
    data: Option<CatalogData>,
    /// Broken catalog rules.
    issues: Vec<LintIssue>,
    /// The file does not parse as a catalog.
    syntax: Option<CatalogError>,
    /// The file cannot be read, or is not GitLab's YAML.
    unreadable: Option<String>,
    /// GitLab import warnings (`services.yml` only).
    warnings: Vec<ImportWarning>,
}

fn examine(file: Option<&str>) -> Examined {
    let name = file.map_or_else(|| "gitlab.toml (embedded)".to_string(), display_name);
    let mut examined = Examined {
        name: name.clone(),
        catalog: None,
        data: None,
        issues: Vec::new(),
        syntax: None,
        unreadable: None,
        warnings: Vec::new(),
    };
    let text = match file {
        None => GITLAB_CATALOG_TOML.to_string(),
        Some(path) => match input::read_text(path) {
            Ok(text) => text,
            Err(Failure(message)) => {
                examined.unreadable = Some(message);
                return examined;
            }
        },
    };
    let opened = match open_catalog(&name, &text) {
        Ok(opened) => opened,
        Err(error) => {
            examined.unreadable = Some(format!("{name}: {error}"));
            return examined;
        }
    };
    examined.warnings = opened.warnings;
    examined.data = opened.data;
    match opened.catalog {
        Ok(catalog) => examined.catalog = Some(catalog),
        Err(CatalogError::Lint(issues)) => examined.issues = issues,
        Err(error) => examined.syntax = Some(error),
    }
    examined
}

/// Prints the report on stdout and the text check on stderr.
pub(crate) fn report(file: Option<&str>, format: CheckFormat) -> Result<(), Failure> {
    let examined = examine(file);
    let name = &examined.name;
    for warning in &examined.warnings {
        eprintln!("warning: {name}: {warning}");
    }
    let out = match format {
        CheckFormat::Codequality => code_quality(&examined).to_json(),
        _ => serde_json::to_string_pretty(&json_report(&examined))?,
    };
    println!("{out}");
    if let Some(message) = &examined.unreadable {
        return Err(Failure(message.clone()));
    }
    if let Some(error) = &examined.syntax {
        return Err(Failure(error.to_string()));
    }
    if !examined.issues.is_empty() {
        return Err(Failure(problems_text(name, &examined.issues)));
    }
    if let Some(catalog) = &examined.catalog {
        eprintln!("{}", summary_text(name, catalog));
    }
    Ok(())
}

fn code_quality(examined: &Examined) -> CodeQualityReport {
    let path = &examined.name;
    let mut report = CodeQualityReport::new();
    if let Some(message) = &examined.unreadable {
        report.add_unreadable(path, message);
    }
    if let Some(error) = &examined.syntax {
        report.add_catalog_error(path, error, examined.data.as_ref());
    }
    report.add_lint_issues(path, &examined.issues, examined.data.as_ref());
    report.add_import_warnings(path, &examined.warnings);
    report
}

/// `{file, ok, catalog, errors: [...], warnings: [...]}`; each problem has `check_name`,
/// `line`, `column`, `offering`, `field` and `message` (null where unknown).
fn json_report(examined: &Examined) -> Value {
    let problem = |check: String,
                   line: Option<usize>,
                   column: Option<usize>,
                   offering: Option<&String>,
                   field: Option<&String>,
                   message: &str| {
        json!({
            "check_name": check,
            "line": line,
            "column": column,
            "offering": offering,
            "field": field,
            "message": message,
        })
    };
    let mut errors = Vec::new();
    if let Some(message) = &examined.unreadable {
        errors.push(problem(
            "unreadable".into(),
            None,
            None,
            None,
            None,
            message,
        ));
    }
    if let Some(CatalogError::Syntax {
        line,
        column,
        message,
        ..
    }) = &examined.syntax
    {
        errors.push(problem(
            "syntax".into(),
            *line,
            *column,
            None,
            None,
            message,
        ));
    }
    for issue in &examined.issues {
        errors.push(problem(
            lint_check_name(&issue.field),
            issue.line,
            None,
            issue.offering.as_ref(),
            Some(&issue.field),
            &issue.message,
        ));
    }
    let warnings: Vec<Value> = examined
        .warnings
        .iter()
        .map(|w| {
            problem(
                import_check_name(w),
                w.line,
                None,
                w.sku.as_ref(),
                Some(&w.field),
                &w.message,
            )
        })
        .collect();
    json!({
        "file": examined.name,
        "ok": examined.catalog.is_some(),
        "catalog": examined.catalog.as_ref().map(Catalog::reference),
        "errors": errors,
        "warnings": warnings,
    })
}
