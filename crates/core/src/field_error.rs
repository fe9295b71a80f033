//! Field errors: one problem with one field of a document ([`FieldError`]), the field's
//! typed path ([`FieldPath`]: a question's answer, an item's field, a named field), and the
//! one list every operation that checks a document reports ([`FieldErrors`]).
//!
//! Paths render as they are written in the document (`answers.migration.users`,
//! `items[2].attendees`, `customer.name`), in messages and in JSON alike; code that needs to
//! know what a path points at asks it ([`FieldPath::question`]) instead of reading the text.

#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Deref;

use serde::{Serialize, Serializer};

/// Where in a document a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// The document as a whole (renders as nothing: the message stands alone).
    Document,
    /// A named field: `customer.name`, `requester.email`, `items`, `signed_on`,
    /// `service_types[1]`, `catalog.hash`.
    Field(String),
    /// The answer to a discovery question, `answers.<question id>`; with an `entry`, one
    /// entry of a list answer, `answers.<question id>[2]`.
    Answer {
        /// The question's id.
        question: String,
        /// The entry of a list answer, if the problem is with one entry.
        entry: Option<usize>,
    },
    /// A field of one scope item, `items[2].attendees` (`items[0].effort.architect` for an
    /// effort role); an empty `field` is the item as a whole, `items[2]`.
    Item {
        /// The item's position in the scope, from 0.
        index: usize,
        /// The item's field, or empty for the whole item.
        field: String,
    },
    /// A recommendation, by id: `recommendations.<id>` (its decision, or its priced items).
    Recommendation(String),
    /// A path inside a document embedded in another, e.g. the scope inside a SOW request:
    /// `scope.items[0].sku`, and `scope` for the embedded document as a whole.
    Within {
        /// The embedding document's field that holds the embedded one.
        document: &'static str,
        /// The path inside the embedded document.
        path: Box<FieldPath>,
    },
}

impl FieldPath {
    /// A named field (`customer.name`, `items`).
    pub fn field(name: impl Into<String>) -> FieldPath {
        FieldPath::Field(name.into())
    }

    /// The answer to the question `question`.
    pub fn answer(question: impl Into<String>) -> FieldPath {
        FieldPath::Answer {
            question: question.into(),
            entry: None,
        }
    }

    /// The field `field` of the item at `index` (empty: the whole item).
    pub fn item(index: usize, field: impl Into<String>) -> FieldPath {
        FieldPath::Item {
            index,
            field: field.into(),
        }
    }

    /// The recommendation `id`.
    pub fn recommendation(id: impl Into<String>) -> FieldPath {
        FieldPath::Recommendation(id.into())
    }

    /// This path, inside the document held by the field `document` of another.
    pub fn within(self, document: &'static str) -> FieldPath {
        FieldPath::Within {
            document,
            path: Box::new(self),
        }
    }

    /// The id of the question whose answer this path points at, if it points at an answer of
    /// this document (not at one inside an embedded document).
    pub fn question(&self) -> Option<&str> {
        match self {
            FieldPath::Answer { question, .. } => Some(question),
            _ => None,
        }
    }

    /// The field `key` below this one (`customer` → `customer.name`, `items[0]` →
    /// `items[0].sku`).
    pub(crate) fn child(&self, key: &str) -> FieldPath {
        match self {
            FieldPath::Document => FieldPath::field(key),
            FieldPath::Field(name) => FieldPath::Field(format!("{name}.{key}")),
            FieldPath::Item { index, field } if field.is_empty() => FieldPath::item(*index, key),
            FieldPath::Item { index, field } => FieldPath::item(*index, format!("{field}.{key}")),
            other => FieldPath::Field(format!("{other}.{key}")),
        }
    }

    /// The entry `index` of the list at this path (`service_types` → `service_types[1]`).
    pub(crate) fn entry(&self, index: usize) -> FieldPath {
        match self {
            FieldPath::Field(name) => FieldPath::Field(format!("{name}[{index}]")),
            FieldPath::Answer {
                question,
                entry: None,
            } => FieldPath::Answer {
                question: question.clone(),
                entry: Some(index),
            },
            FieldPath::Item { index: item, field } => {
                FieldPath::item(*item, format!("{field}[{index}]"))
            }
            other => FieldPath::Field(format!("{other}[{index}]")),
        }
    }
}

/// A named field from a literal: `""` is the document as a whole.
impl From<&'static str> for FieldPath {
    fn from(name: &'static str) -> FieldPath {
        if name.is_empty() {
            FieldPath::Document
        } else {
            FieldPath::field(name)
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Document => Ok(()),
            FieldPath::Field(name) => f.write_str(name),
            FieldPath::Answer { question, entry } => {
                write!(f, "answers.{question}")?;
                match entry {
                    Some(entry) => write!(f, "[{entry}]"),
                    None => Ok(()),
                }
            }
            FieldPath::Item { index, field } if field.is_empty() => write!(f, "items[{index}]"),
            FieldPath::Item { index, field } => write!(f, "items[{index}].{field}"),
            FieldPath::Recommendation(id) => write!(f, "recommendations.{id}"),
            FieldPath::Within { document, path } if **path == FieldPath::Document => {
                f.write_str(document)
            }
            FieldPath::Within { document, path } => write!(f, "{document}.{path}"),
        }
    }
}

/// As written in the document: a plain string.
impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Compares the path as written (`path == "items[0].sku"`).
impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        self.to_string().as_str() == other
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field: `items[2].attendees`, `answers.migration.users`.
    pub field: FieldPath,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: impl Into<FieldPath>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }

    /// A problem with the answer to `question`.
    pub(crate) fn answer(question: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError::new(FieldPath::answer(question), message)
    }

    /// A problem with the field `field` of the item at `index` (empty: the whole item).
    pub(crate) fn item(
        index: usize,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> FieldError {
        FieldError::new(FieldPath::item(index, field), message)
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field == FieldPath::Document {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

/// Every problem an operation found, in the order found. Displays one problem per line;
/// [`FieldErrors::indented`] lists them under a heading.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// No problems yet.
    pub fn new() -> FieldErrors {
        FieldErrors::default()
    }

    /// Adds a problem.
    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// The problems, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    /// These problems but those with answers: for adding pricing problems after the answer
    /// check, which names the answers' problems in its own words.
    fn besides_answers(self) -> FieldErrors {
        self.into_iter()
            .filter(|e| e.field.question().is_none())
            .collect()
    }

    /// Adds the problems of a later stage (pricing): when these problems already name an
    /// answer, the later stage's problems with answers are left out, since the answer check
    /// said them first, in its own words.
    ///
    /// A problem already in the list (the same field and message, as when a later stage ran
    /// the same check) is not repeated.
    pub(crate) fn extend_after_answer_check(&mut self, later: FieldErrors) {
        let later = if self.iter().any(|e| e.field.question().is_some()) {
            later.besides_answers()
        } else {
            later
        };
        for error in later {
            if !self.0.contains(&error) {
                self.0.push(error);
            }
        }
    }

    /// Adds the problems a later stage found in a scope that was read with these problems,
    /// but those about a field the reading already named (or a field inside it): an item
    /// whose `sku` could not be read is not also an unknown SKU.
    pub fn extend_after_reading(&mut self, later: FieldErrors) {
        let named: Vec<String> = self.iter().map(|e| e.field.to_string()).collect();
        for error in later {
            let field = error.field.to_string();
            let already = named.iter().any(|n| {
                field == *n
                    || field
                        .strip_prefix(n.as_str())
                        .is_some_and(|rest| rest.starts_with(['.', '[']))
            });
            if !already && !self.0.contains(&error) {
                self.0.push(error);
            }
        }
    }

    /// The problems, each on its own line after a line break and two spaces, to follow a
    /// heading such as `the scope was refused (2 problems):`.
    pub fn indented(&self) -> impl fmt::Display + '_ {
        Indented(self)
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

struct Indented<'a>(&'a FieldErrors);

impl fmt::Display for Indented<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in self.0 {
            write!(f, "\n  {error}")?;
        }
        Ok(())
    }
}

impl Deref for FieldErrors {
    type Target = [FieldError];

    fn deref(&self) -> &[FieldError] {
        &self.0
    }
}

impl From<FieldError> for FieldErrors {
    fn from(error: FieldError) -> FieldErrors {
        FieldErrors(vec![error])
    }
}

impl From<Vec<FieldError>> for FieldErrors {
    fn from(errors: Vec<FieldError>) -> FieldErrors {
        FieldErrors(errors)
    }
}

impl FromIterator<FieldError> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = FieldError>>(errors: I) -> FieldErrors {
        FieldErrors(errors.into_iter().collect())
    }
}

impl Extend<FieldError> for FieldErrors {
    fn extend<I: IntoIterator<Item = FieldError>>(&mut self, errors: I) {
        self.0.extend(errors);
    }
}

impl IntoIterator for FieldErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
