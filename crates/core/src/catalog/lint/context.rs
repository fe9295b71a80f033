//! What every rule works with: the catalog with its lookups by id (`Ctx`), and the list
//! the rules add their issues to (`Sink`), which locates each issue by its field path.

use std::collections::{BTreeMap, BTreeSet};

use super::LintIssue;
use crate::catalog::model::{CatalogData, Offering, Question};
use crate::catalog::source_map::SourceMap;

/// The catalog with lookups by id. With duplicate ids the first one wins.
pub(super) struct Ctx<'a> {
    pub(super) data: &'a CatalogData,
    pub(super) skus: BTreeMap<&'a str, usize>,
    categories: BTreeSet<&'a str>,
    questions: BTreeMap<&'a str, &'a Question>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(data: &'a CatalogData) -> Ctx<'a> {
        let mut skus = BTreeMap::new();
        for (index, offering) in data.offerings.iter().enumerate() {
            skus.entry(offering.sku.as_str()).or_insert(index);
        }
        let mut questions = BTreeMap::new();
        for question in &data.questions {
            questions.entry(question.id.as_str()).or_insert(question);
        }
        Ctx {
            data,
            skus,
            categories: data.categories.iter().map(|c| c.id.as_str()).collect(),
            questions,
        }
    }

    pub(super) fn offering(&self, sku: &str) -> Option<(usize, &'a Offering)> {
        let index = *self.skus.get(sku)?;
        self.data.offerings.get(index).map(|o| (index, o))
    }

    pub(super) fn has_sku(&self, sku: &str) -> bool {
        self.skus.contains_key(sku)
    }

    pub(super) fn has_category(&self, id: &str) -> bool {
        self.categories.contains(id)
    }

    pub(super) fn question(&self, id: &str) -> Option<&'a Question> {
        self.questions.get(id).copied()
    }

    /// Whether `index` is the first offering with its SKU (later duplicates are reported
    /// once, as duplicates, and otherwise skipped).
    pub(super) fn is_first(&self, index: usize, offering: &Offering) -> bool {
        self.skus.get(offering.sku.as_str()) == Some(&index)
    }

    pub(super) fn unknown_category(&self, id: &str) -> String {
        let known: Vec<&str> = self.data.categories.iter().map(|c| c.id.as_str()).collect();
        if known.is_empty() {
            format!(
                "unknown category {id:?} (the catalog defines no categories; add it under [[categories]])"
            )
        } else {
            format!(
                "unknown category {id:?} (categories are: {})",
                known.join(", ")
            )
        }
    }
}

/// Collects issues, each located by its field path.
pub(super) struct Sink<'a> {
    map: &'a SourceMap,
    file: &'a str,
    issues: Vec<LintIssue>,
}

impl<'a> Sink<'a> {
    pub(super) fn new(map: &'a SourceMap, file: &'a str) -> Sink<'a> {
        Sink {
            map,
            file,
            issues: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, offering: Option<&str>, field: String, message: String) {
        self.issues.push(LintIssue {
            file: self.file.to_string(),
            line: self.map.line(&field),
            offering: offering.filter(|sku| !sku.is_empty()).map(str::to_string),
            field,
            message,
        });
    }

    /// An issue outside any offering.
    pub(super) fn at(&mut self, field: impl Into<String>, message: String) {
        self.add(None, field.into(), message);
    }

    /// An issue inside offering `index`; `field` is relative to it (`pricing.capacity`).
    pub(super) fn offering(
        &mut self,
        index: usize,
        offering: &Offering,
        field: &str,
        message: String,
    ) {
        self.add(
            Some(&offering.sku),
            format!("offerings[{index}].{field}"),
            message,
        );
    }

    /// `offerings[3] (line 40)`, or just the path when the file has no lines.
    pub(super) fn position(&self, path: &str) -> String {
        match self.map.line(path) {
            Some(line) => format!("{path} (line {line})"),
            None => path.to_string(),
        }
    }

    /// The issues in file order: by line, keeping rule order within a line. Issues
    /// without a line (whole-catalog problems) come first.
    pub(super) fn finish(mut self) -> Vec<LintIssue> {
        self.issues.sort_by_key(|issue| issue.line);
        self.issues
    }
}
