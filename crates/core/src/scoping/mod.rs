//! Discovery scoping: which questions a scope is asked, which required answers are still
//! missing, whether each answer fits its question, and how many migration waves the
//! answers imply.

mod preview;
mod validate;
mod waves;

use serde::{Deserialize, Serialize};

pub use preview::{Audience, PreviewScope, preview_scope};
pub use validate::validate_answer;
pub use waves::{MigrationWaveEstimate, migration_waves};

use crate::catalog::{Catalog, Question};
use crate::condition::{ScopeFacts, holds};
use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::scope::Scope;

/// Whether `question` is asked for this scope: it belongs to one of the scope's service
/// types (or to every scope) and its `shown_when` holds.
pub fn is_asked(question: &Question, facts: &ScopeFacts<'_>) -> bool {
    let for_scope = question.service_types.is_empty()
        || question
            .service_types
            .iter()
            .any(|s| facts.has_service_type(s));
    for_scope && question.shown_when.as_ref().is_none_or(|c| holds(c, facts))
}

/// Whether an answer to `question` is needed before the team can scope: it is asked,
/// required for one of the scope's service types, and its `required_when` holds.
pub fn is_required(question: &Question, facts: &ScopeFacts<'_>) -> bool {
    is_asked(question, facts)
        && question
            .required_for
            .iter()
            .any(|s| facts.has_service_type(s))
        && question
            .required_when
            .as_ref()
            .is_none_or(|c| holds(c, facts))
}

/// The questions asked for this scope, in catalog order.
pub fn asked_questions<'c>(catalog: &'c Catalog, scope: &Scope) -> Vec<&'c Question> {
    let facts = ScopeFacts::new(catalog, scope);
    catalog
        .questions()
        .iter()
        .filter(|q| is_asked(q, &facts))
        .collect()
}

/// A required question without an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingAnswer {
    /// The question id.
    pub question: String,
    /// Its section (`migration`).
    pub section: String,
    /// The question as asked.
    pub text: String,
}

/// How far discovery has got for the scope's service types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completeness {
    /// The service types considered.
    pub service_types: Vec<String>,
    /// Required questions still without an answer, in catalog order.
    pub missing_required: Vec<MissingAnswer>,
    /// Answers that break their question's rules, each naming `answers.<id>`; also unknown
    /// service types (`service_types[i]`).
    pub errors: FieldErrors,
    /// Required questions answered (with a valid answer).
    pub answered_required: usize,
    /// Required questions in all.
    pub total_required: usize,
}

impl Completeness {
    /// True when every required question has a valid answer and no answer is invalid.
    pub fn is_complete(&self) -> bool {
        self.missing_required.is_empty() && self.errors.is_empty()
    }
}

/// Which required answers are missing and which answers are invalid.
pub fn completeness(catalog: &Catalog, scope: &Scope) -> Completeness {
    completeness_with(catalog, scope, &ScopeFacts::new(catalog, scope))
}

/// [`completeness`] with `scope`'s facts already gathered (`facts` is
/// `ScopeFacts::new(catalog, scope)`).
pub(crate) fn completeness_with(
    catalog: &Catalog,
    scope: &Scope,
    facts: &ScopeFacts<'_>,
) -> Completeness {
    let errors = answer_errors(catalog, scope);
    let mut missing_required = Vec::new();
    let mut answered_required = 0;
    let mut total_required = 0;
    for question in catalog.questions() {
        if !is_required(question, facts) {
            continue;
        }
        total_required += 1;
        let invalid = errors
            .iter()
            .any(|e| e.field.question() == Some(question.id.as_str()));
        if facts.answer(&question.id).is_some() && !invalid {
            answered_required += 1;
        } else if !invalid {
            missing_required.push(MissingAnswer {
                question: question.id.clone(),
                section: question.section.clone(),
                text: question.text.clone(),
            });
        }
    }
    Completeness {
        service_types: facts.service_types().to_vec(),
        missing_required,
        errors,
        answered_required,
        total_required,
    }
}

/// Every answer that does not fit its question, and every unknown service type.
pub fn answer_errors(catalog: &Catalog, scope: &Scope) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (index, id) in scope.service_types.iter().enumerate() {
        if catalog.category(id).is_none() {
            let known: Vec<&str> = catalog
                .data()
                .categories
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            errors.push(FieldError::new(
                FieldPath::field("service_types").entry(index),
                format!(
                    "unknown service type {id:?}; the catalog's service types are: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    for (id, answer) in &scope.answers {
        match catalog.question(id) {
            None => errors.push(FieldError::answer(
                id.as_str(),
                format!(
                    "no question has the id {id:?} in catalog {}; check the spelling or remove the answer",
                    catalog.data().id
                ),
            )),
            Some(question) => {
                if let Some(message) = validate_answer(question, answer) {
                    errors.push(FieldError::answer(id.as_str(), message));
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests;
