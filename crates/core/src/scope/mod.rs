//! The scope document: what an account executive (or a customer building a wish list) has
//! chosen and answered. It is the one document the CLI prices, the web app saves and
//! shares, and a SOW request embeds.
//!
//! ```json
//! { "customer": {"name": "Acme Corp", "public_sector_us": false},
//!   "requester": {"username": "jdoe", "email": "jdoe@example.com"},
//!   "currency": "USD",
//!   "items": [ {"sku": "GL-CICD-R", "attendees": 40},
//!              {"sku": "GL-XPRT", "hours": 100, "discount_percent": "10"} ],
//!   "answers": {"migration.users": 800},
//!   "quote_discount_percent": "5" }
//! ```
//!
//! Reading is strict and explains itself: every problem names its field
//! (`items[2].attendees: expected a whole number ≥ 0, got "abc"`), all problems are reported
//! together, and nothing past a [`crate::limits`] value is accepted. The document types are
//! here; the field-by-field reader is in `reader.rs`.

mod quoted;
mod reader;
#[cfg(feature = "schema")]
mod schema;

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::{Catalog, CatalogRef, DeliveryMode};
use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::json::{describe_json_error, json_depth_over, strict_json};
use crate::limits;

pub use quoted::{QuotedApproval, QuotedItem, QuotedPrices};
#[cfg(feature = "schema")]
pub use schema::scope_schema;

/// The customer the scope is for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Customer {
    /// Company name.
    #[serde(default)]
    pub name: String,
    /// Whether the customer is US public sector: the older spelling of the customer flag
    /// `public_sector_us` (see [`Customer::has_flag`]).
    #[serde(default)]
    pub public_sector_us: bool,
    /// The catalog's customer flags (`[sow.issue] customer_flags`) that hold for this
    /// customer, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

/// The flag id that `customer.public_sector_us: true` stands for.
pub(crate) const PUBLIC_SECTOR_US_FLAG: &str = "public_sector_us";

impl Customer {
    /// Whether the customer flag `id` is set: listed in `flags`, or, for
    /// `public_sector_us`, the older `public_sector_us: true`.
    pub fn has_flag(&self, id: &str) -> bool {
        self.flags.iter().any(|f| f == id) || (id == PUBLIC_SECTOR_US_FLAG && self.public_sector_us)
    }

    /// The customer with flag `id` set or cleared, written in today's spelling: the older
    /// `public_sector_us: true` moves into `flags`, so clearing it clears it for good.
    pub fn with_flag(&self, id: &str, set: bool) -> Customer {
        let mut flags: Vec<String> = self.flags.clone();
        if self.public_sector_us && !flags.iter().any(|f| f == PUBLIC_SECTOR_US_FLAG) {
            flags.push(PUBLIC_SECTOR_US_FLAG.to_string());
        }
        flags.retain(|f| f != id);
        if set {
            flags.push(id.to_string());
        }
        Customer {
            name: self.name.clone(),
            public_sector_us: false,
            flags,
        }
    }
}

/// Who asks for the SOW.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Requester {
    /// GitLab username, without the `@`.
    #[serde(default)]
    pub username: String,
    /// Email address.
    #[serde(default)]
    pub email: String,
}

/// One offering in the scope, with what drives its price.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ScopeItem {
    /// The offering's SKU.
    pub sku: String,
    /// Units (classes, blocks, engagements); omitted means 1 unless the model derives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<schema::WholeInput>"))]
    pub quantity: Option<u64>,
    /// People to train (class pricing picks the cheapest class count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<schema::WholeInput>"))]
    pub attendees: Option<u64>,
    /// Hours of expert time (block pricing rounds up to whole blocks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<schema::DecimalInput>"))]
    pub hours: Option<Decimal>,
    /// Remote or on-site, for offerings sold both ways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryMode>,
    /// Line discount as a percentage of the line's gross (0–100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<schema::DecimalInput>"))]
    pub discount_percent: Option<Decimal>,
    /// Line discount as an amount in the quote currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<schema::AmountInput>"))]
    pub discount_amount: Option<Decimal>,
    /// Time-and-materials effort: hours by rate-card role.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "BTreeMap<String, schema::DecimalInput>")
    )]
    pub effort: BTreeMap<String, Decimal>,
    /// Time-and-materials cap in the quote currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<schema::AmountInput>"))]
    pub not_to_exceed: Option<Decimal>,
    /// The SKUs chosen among those the offering includes at no charge (its catalog
    /// `includes`), e.g. the three classes of Migration+.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub included: Vec<String>,
    /// A note for the PS team.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl ScopeItem {
    /// An item with just a SKU.
    pub fn new(sku: impl Into<String>) -> ScopeItem {
        ScopeItem {
            sku: sku.into(),
            ..ScopeItem::default()
        }
    }

    /// The scope format's rules for this item as the item at `index` of a scope: every
    /// problem [`Scope::from_json`] would report for it (a percentage over 100, an amount
    /// past [`crate::limits::MAX_AMOUNT`], too many decimal places, control characters in
    /// the note, …). Empty when a scope holding it reads back, from a saved file or a share
    /// link, as it is.
    pub fn format_errors(&self, index: usize) -> FieldErrors {
        match serde_json::to_value(self) {
            Ok(value) => reader::item_errors(&value, index),
            Err(error) => FieldError::item(index, "", error.to_string()).into(),
        }
    }
}

/// An answer to a discovery question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Answer {
    /// Yes or no.
    Bool(bool),
    /// A whole number.
    Number(u64),
    /// A choice id or free text.
    Text(String),
    /// Several choice ids.
    Choices(Vec<String>),
}

impl Answer {
    /// The whole number, if this is one.
    pub fn as_number(&self) -> Option<u64> {
        match self {
            Answer::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// How the answer reads in a table.
    pub fn display(&self) -> String {
        match self {
            Answer::Bool(true) => "yes".to_string(),
            Answer::Bool(false) => "no".to_string(),
            Answer::Number(n) => crate::money::thousands(*n),
            Answer::Text(text) => text.clone(),
            Answer::Choices(choices) => choices.join(", "),
        }
    }
}

/// What the account executive decided about a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Added to the scope.
    Accepted,
    /// Considered and left out.
    Dismissed,
}

/// The scope document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Scope {
    /// The customer.
    #[serde(default)]
    pub customer: Customer,
    /// Who requests the SOW.
    #[serde(default)]
    pub requester: Requester,
    /// ISO 4217 code of the quote currency; absent: the catalog's base currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Service types (category ids) in scope; absent: those of the items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_types: Vec<String>,
    /// The offerings, in the order the quote lists them.
    #[serde(default)]
    pub items: Vec<ScopeItem>,
    /// Answers to discovery questions, by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, Answer>,
    /// Discount on the whole quote, in percent (0–100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<schema::DecimalInput>"))]
    pub quote_discount_percent: Option<Decimal>,
    /// Decisions on recommendations, by recommendation id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub recommendations: BTreeMap<String, Decision>,
    /// Notes for the PS team.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The catalog the scope was made with, to warn when it has changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<CatalogRef>,
    /// What the scope was quoted at with that catalog, when the app saved or shared it: shown
    /// next to today's prices when the catalog has changed, never used to price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoted: Option<QuotedPrices>,
}

/// Why a scope document was refused: every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeError {
    /// The problems, in document order.
    pub errors: FieldErrors,
}

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.errors.fmt(f)
    }
}

impl std::error::Error for ScopeError {}

/// A scope document read as far as it goes: what could be read, and every problem.
///
/// A later stage (pricing, the plan, the SOW request) can run on `scope` so that one run
/// names every problem of the document; [`FieldErrors::extend_after_reading`] leaves out
/// its problems with fields the reading already named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeReading {
    /// The scope without the fields that could not be read; `None` when the document itself
    /// could not be read (too large, too deep, not JSON, not an object).
    pub scope: Option<Scope>,
    /// Every problem found, in document order.
    pub errors: FieldErrors,
}

impl Scope {
    /// The scope format's rules for a quote discount of `percent`: every problem
    /// [`Scope::from_json`] would report for `quote_discount_percent` (over 100, too many
    /// decimal places). Empty when a scope holding it reads back, from a saved file or a
    /// share link, as it is.
    pub fn quote_discount_errors(percent: Decimal) -> FieldErrors {
        reader::quote_discount_errors(percent)
    }

    /// Reads a scope document from JSON text.
    pub fn from_json(text: &str) -> Result<Scope, ScopeError> {
        let reading = Scope::read_json(text);
        match reading.scope {
            Some(scope) if reading.errors.is_empty() => Ok(scope),
            _ => Err(ScopeError {
                errors: reading.errors,
            }),
        }
    }

    /// Reads a scope document from JSON text as far as it goes (see [`ScopeReading`]).
    pub fn read_json(text: &str) -> ScopeReading {
        let single = |message: String| ScopeReading {
            scope: None,
            errors: FieldError::new(FieldPath::Document, message).into(),
        };
        if text.len() > limits::MAX_SCOPE_BYTES {
            return single(format!(
                "the scope is {} bytes; scopes are limited to {} bytes",
                text.len(),
                limits::MAX_SCOPE_BYTES
            ));
        }
        if let Some(depth) = json_depth_over(text, limits::MAX_JSON_DEPTH) {
            return single(format!(
                "the JSON is nested {depth} levels deep; scopes allow at most {}",
                limits::MAX_JSON_DEPTH
            ));
        }
        match strict_json(text) {
            Ok(value) => Scope::read_value(&value),
            Err(e) => single(format!(
                "not valid JSON: {} (line {}, column {})",
                describe_json_error(&e),
                e.line(),
                e.column()
            )),
        }
    }

    /// Reads a scope document from parsed JSON.
    pub fn from_value(value: &Value) -> Result<Scope, ScopeError> {
        let (scope, errors) = reader::read(value);
        if errors.is_empty() {
            Ok(scope)
        } else {
            Err(ScopeError { errors })
        }
    }

    fn read_value(value: &Value) -> ScopeReading {
        let (scope, errors) = reader::read(value);
        ScopeReading {
            scope: value.is_object().then_some(scope),
            errors,
        }
    }

    /// The problem with a scope made with another catalog than `catalog` (another id): it
    /// names both, since its SKUs and answers mean something else there. The same catalog
    /// at another version or hash is no problem here (the web app says it has changed).
    pub fn catalog_errors(&self, catalog: &Catalog) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if let Some(named) = &self.catalog
            && named.id != catalog.data().id
        {
            errors.push(FieldError::new(
                "catalog.id",
                format!(
                    "the scope was made with catalog {} {}, but the catalog loaded is {} {}; \
                     price it with its own catalog (--catalog FILE), or remove \"catalog\" \
                     from the scope to price it with this one",
                    named.id,
                    named.version,
                    catalog.data().id,
                    catalog.data().version
                ),
            ));
        }
        errors
    }

    /// The document as pretty JSON (the format `from_json` reads).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The document as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
