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
//! together, and nothing past a [`crate::limits`] value is accepted.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::{CatalogRef, DeliveryMode};
use crate::limits;

/// The customer the scope is for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Customer {
    /// Company name.
    #[serde(default)]
    pub name: String,
    /// Whether the customer is US public sector (routes the SOW request accordingly).
    #[serde(default)]
    pub public_sector_us: bool,
}

/// Who asks for the SOW.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
pub struct ScopeItem {
    /// The offering's SKU.
    pub sku: String,
    /// Units (classes, blocks, engagements); omitted means 1 unless the model derives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// People to train (class pricing picks the cheapest class count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendees: Option<u64>,
    /// Hours of expert time (block pricing rounds up to whole blocks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub hours: Option<Decimal>,
    /// Remote or on-site, for offerings sold both ways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryMode>,
    /// Line discount as a percentage of the line's gross (0–100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub discount_percent: Option<Decimal>,
    /// Line discount as an amount in the quote currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub discount_amount: Option<Decimal>,
    /// Time-and-materials effort: hours by rate-card role.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
    pub effort: BTreeMap<String, Decimal>,
    /// Time-and-materials cap in the quote currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub not_to_exceed: Option<Decimal>,
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
            Answer::Number(n) => crate::money::group_thousands(&n.to_string()),
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
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
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
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field, as a path: `items[2].attendees`, `answers.migration.users`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

/// Why a scope document was refused: every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeError {
    /// The problems, in document order.
    pub errors: Vec<FieldError>,
}

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScopeError {}

impl Scope {
    /// Reads a scope document from JSON text.
    pub fn from_json(text: &str) -> Result<Scope, ScopeError> {
        let single = |field: &str, message: String| ScopeError {
            errors: vec![FieldError::new(field, message)],
        };
        if text.len() > limits::MAX_SCOPE_BYTES {
            return Err(single(
                "",
                format!(
                    "the scope is {} bytes; scopes are limited to {} bytes",
                    text.len(),
                    limits::MAX_SCOPE_BYTES
                ),
            ));
        }
        if let Some(depth) = json_depth_over(text, limits::MAX_JSON_DEPTH) {
            return Err(single(
                "",
                format!(
                    "the JSON is nested {depth} levels deep; scopes allow at most {}",
                    limits::MAX_JSON_DEPTH
                ),
            ));
        }
        let value: Value = strict_json(text).map_err(|e| {
            single(
                "",
                format!(
                    "not valid JSON: {} (line {}, column {})",
                    describe_json_error(&e),
                    e.line(),
                    e.column()
                ),
            )
        })?;
        Scope::from_value(&value)
    }

    /// Reads a scope document from parsed JSON.
    pub fn from_value(value: &Value) -> Result<Scope, ScopeError> {
        let mut reader = Reader::default();
        let scope = reader.scope(value);
        if reader.errors.is_empty() {
            Ok(scope)
        } else {
            Err(ScopeError {
                errors: reader.errors,
            })
        }
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

/// Parses JSON like `serde_json::from_str::<Value>`, but refuses an object that names the
/// same key twice: serde_json would keep the last one silently, so `{"currency": "USD",
/// "currency": "EUR"}` would be priced in euros without a word.
pub(crate) fn strict_json(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str::<StrictValue>(text).map(|v| v.0)
}

struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        while let Some(StrictValue(value)) = seq.next_element()? {
            list.push(value);
        }
        Ok(Value::Array(list))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "the key {key:?} appears twice in one object"
                )));
            }
            let StrictValue(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

fn describe_json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(index) => text.get(..index).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// Finds nesting deeper than `max` without building the tree (so a hostile document cannot
/// exhaust the stack before we refuse it). Returns the depth reached when over.
pub(crate) fn json_depth_over(text: &str, max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return Some(depth);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Short JSON rendering of a value for messages: `"abc"`, `-3`, `an object`.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            if shown.len() < s.len() {
                format!("{:?}…", shown)
            } else {
                format!("{shown:?}")
            }
        }
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// Walks the JSON value, collecting every problem with its path.
#[derive(Default)]
struct Reader {
    errors: Vec<FieldError>,
}

impl Reader {
    fn error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<&'v serde_json::Map<String, Value>> {
        match value {
            Value::Object(map) => {
                for key in map.keys() {
                    if !known.contains(&key.as_str()) {
                        let field = join(path, key);
                        self.error(
                            &field,
                            format!("unknown field; expected one of: {}", known.join(", ")),
                        );
                    }
                }
                Some(map)
            }
            other => {
                self.error(path, format!("expected an object, got {}", describe(other)));
                None
            }
        }
    }

    fn scope(&mut self, value: &Value) -> Scope {
        let mut scope = Scope::default();
        let Some(map) = self.object(
            value,
            "",
            &[
                "customer",
                "requester",
                "currency",
                "service_types",
                "items",
                "answers",
                "quote_discount_percent",
                "recommendations",
                "notes",
                "catalog",
            ],
        ) else {
            return scope;
        };
        if let Some(v) = present(map.get("customer"))
            && let Some(customer) = self.object(v, "customer", &["name", "public_sector_us"])
        {
            scope.customer.name = self
                .text(
                    customer.get("name"),
                    "customer.name",
                    limits::MAX_SHORT_TEXT,
                )
                .unwrap_or_default();
            scope.customer.public_sector_us = self
                .boolean(
                    customer.get("public_sector_us"),
                    "customer.public_sector_us",
                )
                .unwrap_or(false);
        }
        if let Some(v) = present(map.get("requester"))
            && let Some(requester) = self.object(v, "requester", &["username", "email"])
        {
            scope.requester.username = self
                .text(
                    requester.get("username"),
                    "requester.username",
                    limits::MAX_SHORT_TEXT,
                )
                .unwrap_or_default();
            scope.requester.email = self
                .text(requester.get("email"), "requester.email", limits::MAX_EMAIL)
                .unwrap_or_default();
        }
        scope.currency = self.currency(map.get("currency"));
        scope.service_types = self.string_list(
            map.get("service_types"),
            "service_types",
            limits::MAX_CHOICES,
        );
        scope.items = self.items(map.get("items"));
        scope.answers = self.answers(map.get("answers"));
        scope.quote_discount_percent =
            self.percent(map.get("quote_discount_percent"), "quote_discount_percent");
        scope.recommendations = self.decisions(map.get("recommendations"));
        scope.notes = self
            .text(map.get("notes"), "notes", limits::MAX_LONG_TEXT)
            .unwrap_or_default();
        scope.catalog = self.catalog_ref(map.get("catalog"));
        scope
    }

    fn currency(&mut self, value: Option<&Value>) -> Option<String> {
        let code = self.text(present(value), "currency", 3)?;
        if crate::money::Currency::from_code(&code).is_none() {
            self.error(
                "currency",
                format!("unknown currency {code:?}: expected an ISO 4217 code such as USD"),
            );
            return None;
        }
        Some(code)
    }

    fn items(&mut self, value: Option<&Value>) -> Vec<ScopeItem> {
        let Some(value) = present(value) else {
            return Vec::new();
        };
        let Value::Array(list) = value else {
            self.error(
                "items",
                format!("expected a list of items, got {}", describe(value)),
            );
            return Vec::new();
        };
        if list.len() > limits::MAX_ITEMS {
            self.error(
                "items",
                format!(
                    "{} items; a scope holds at most {}",
                    list.len(),
                    limits::MAX_ITEMS
                ),
            );
            return Vec::new();
        }
        list.iter()
            .enumerate()
            .map(|(i, v)| self.item(v, &format!("items[{i}]")))
            .collect()
    }

    fn item(&mut self, value: &Value, path: &str) -> ScopeItem {
        let mut item = ScopeItem::default();
        let Some(map) = self.object(
            value,
            path,
            &[
                "sku",
                "quantity",
                "attendees",
                "hours",
                "delivery",
                "discount_percent",
                "discount_amount",
                "effort",
                "not_to_exceed",
                "note",
            ],
        ) else {
            return item;
        };
        let field = |name: &str| format!("{path}.{name}");
        match present(map.get("sku")) {
            None => self.error(
                &field("sku"),
                "missing: every item needs the offering's SKU",
            ),
            Some(v) => {
                item.sku = self
                    .text(Some(v), &field("sku"), limits::MAX_SHORT_TEXT)
                    .unwrap_or_default();
                if item.sku.trim().is_empty() && matches!(v, Value::String(_)) {
                    self.error(&field("sku"), "empty: every item needs the offering's SKU");
                }
            }
        }
        item.quantity = self.whole(
            map.get("quantity"),
            &field("quantity"),
            1,
            limits::MAX_QUANTITY,
        );
        item.attendees = self.whole(
            map.get("attendees"),
            &field("attendees"),
            0,
            limits::MAX_ATTENDEES,
        );
        item.hours = self.decimal(
            map.get("hours"),
            &field("hours"),
            Decimal::ZERO,
            Decimal::from(limits::MAX_HOURS),
            false,
        );
        item.delivery = self.delivery(map.get("delivery"), &field("delivery"));
        item.discount_percent =
            self.percent(map.get("discount_percent"), &field("discount_percent"));
        item.discount_amount = self.decimal(
            map.get("discount_amount"),
            &field("discount_amount"),
            Decimal::ZERO,
            Decimal::from(limits::MAX_AMOUNT),
            true,
        );
        item.effort = self.effort(map.get("effort"), &field("effort"));
        item.not_to_exceed = self.decimal(
            map.get("not_to_exceed"),
            &field("not_to_exceed"),
            Decimal::ZERO,
            Decimal::from(limits::MAX_AMOUNT),
            true,
        );
        item.note = self
            .text(map.get("note"), &field("note"), limits::MAX_LONG_TEXT)
            .unwrap_or_default();
        item
    }

    fn effort(&mut self, value: Option<&Value>, path: &str) -> BTreeMap<String, Decimal> {
        let mut effort = BTreeMap::new();
        let Some(value) = present(value) else {
            return effort;
        };
        let Value::Object(map) = value else {
            self.error(
                path,
                format!(
                    "expected hours by role, e.g. {{\"engineer\": 80}}, got {}",
                    describe(value)
                ),
            );
            return effort;
        };
        if map.len() > limits::MAX_EFFORT_ROLES {
            self.error(
                path,
                format!(
                    "{} roles; an item has hours for at most {}",
                    map.len(),
                    limits::MAX_EFFORT_ROLES
                ),
            );
            return effort;
        }
        for (role, hours) in map {
            let field = format!("{path}.{role}");
            if role.is_empty() || role.chars().count() > limits::MAX_SHORT_TEXT {
                self.error(&field, "role names must be 1–200 characters");
                continue;
            }
            if let Some(hours) = self.decimal(
                Some(hours),
                &field,
                Decimal::ZERO,
                Decimal::from(limits::MAX_HOURS),
                false,
            ) {
                effort.insert(role.clone(), hours);
            }
        }
        effort
    }

    fn delivery(&mut self, value: Option<&Value>, path: &str) -> Option<DeliveryMode> {
        match present(value)? {
            Value::String(s) if s == "remote" => Some(DeliveryMode::Remote),
            Value::String(s) if s == "on_site" => Some(DeliveryMode::OnSite),
            other => {
                self.error(
                    path,
                    format!(
                        "expected \"remote\" or \"on_site\", got {}",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    fn answers(&mut self, value: Option<&Value>) -> BTreeMap<String, Answer> {
        let mut answers = BTreeMap::new();
        let Some(value) = present(value) else {
            return answers;
        };
        let Value::Object(map) = value else {
            self.error(
                "answers",
                format!("expected answers by question id, got {}", describe(value)),
            );
            return answers;
        };
        if map.len() > limits::MAX_ANSWERS {
            self.error(
                "answers",
                format!(
                    "{} answers; a scope holds at most {}",
                    map.len(),
                    limits::MAX_ANSWERS
                ),
            );
            return answers;
        }
        for (id, answer) in map {
            let field = format!("answers.{id}");
            if id.is_empty() || id.chars().count() > limits::MAX_SHORT_TEXT {
                self.error(&field, "question ids must be 1–200 characters");
                continue;
            }
            let parsed = match answer {
                Value::Null => continue,
                Value::Bool(b) => Some(Answer::Bool(*b)),
                Value::Number(_) => self
                    .whole(Some(answer), &field, 0, limits::MAX_ANSWER_NUMBER)
                    .map(Answer::Number),
                Value::String(_) => self
                    .text(Some(answer), &field, limits::MAX_LONG_TEXT)
                    .map(Answer::Text),
                Value::Array(_) => Some(Answer::Choices(self.string_list(
                    Some(answer),
                    &field,
                    limits::MAX_CHOICES,
                ))),
                Value::Object(_) => {
                    self.error(
                        &field,
                        "expected yes/no, a whole number, text or a list of choices, got an object",
                    );
                    None
                }
            };
            if let Some(parsed) = parsed {
                answers.insert(id.clone(), parsed);
            }
        }
        answers
    }

    fn decisions(&mut self, value: Option<&Value>) -> BTreeMap<String, Decision> {
        let mut decisions = BTreeMap::new();
        let Some(value) = present(value) else {
            return decisions;
        };
        let Value::Object(map) = value else {
            self.error(
                "recommendations",
                format!(
                    "expected decisions by recommendation id, got {}",
                    describe(value)
                ),
            );
            return decisions;
        };
        if map.len() > limits::MAX_ANSWERS {
            self.error(
                "recommendations",
                format!(
                    "{} decisions; a scope holds at most {}",
                    map.len(),
                    limits::MAX_ANSWERS
                ),
            );
            return decisions;
        }
        for (id, decision) in map {
            let field = format!("recommendations.{id}");
            match decision.as_str() {
                Some("accepted") => {
                    decisions.insert(id.clone(), Decision::Accepted);
                }
                Some("dismissed") => {
                    decisions.insert(id.clone(), Decision::Dismissed);
                }
                _ => self.error(
                    &field,
                    format!(
                        "expected \"accepted\" or \"dismissed\", got {}",
                        describe(decision)
                    ),
                ),
            }
        }
        decisions
    }

    fn catalog_ref(&mut self, value: Option<&Value>) -> Option<CatalogRef> {
        let value = present(value)?;
        let map = self.object(value, "catalog", &["id", "version", "hash"])?;
        Some(CatalogRef {
            id: self
                .text(map.get("id"), "catalog.id", limits::MAX_SHORT_TEXT)
                .unwrap_or_default(),
            version: self
                .text(
                    map.get("version"),
                    "catalog.version",
                    limits::MAX_SHORT_TEXT,
                )
                .unwrap_or_default(),
            hash: self
                .text(map.get("hash"), "catalog.hash", 64)
                .unwrap_or_default(),
        })
    }

    fn text(&mut self, value: Option<&Value>, path: &str, max_chars: usize) -> Option<String> {
        match present(value)? {
            Value::String(s) => {
                let count = s.chars().count();
                if count > max_chars {
                    self.error(
                        path,
                        format!("{count} characters; at most {max_chars} are allowed"),
                    );
                    None
                } else if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
                    self.error(path, "contains control characters");
                    None
                } else {
                    Some(s.clone())
                }
            }
            other => {
                self.error(path, format!("expected text, got {}", describe(other)));
                None
            }
        }
    }

    fn boolean(&mut self, value: Option<&Value>, path: &str) -> Option<bool> {
        match present(value)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.error(
                    path,
                    format!("expected true or false, got {}", describe(other)),
                );
                None
            }
        }
    }

    fn string_list(&mut self, value: Option<&Value>, path: &str, max: usize) -> Vec<String> {
        let Some(value) = present(value) else {
            return Vec::new();
        };
        let Value::Array(list) = value else {
            self.error(
                path,
                format!("expected a list of text, got {}", describe(value)),
            );
            return Vec::new();
        };
        if list.len() > max {
            self.error(
                path,
                format!("{} entries; at most {max} are allowed", list.len()),
            );
            return Vec::new();
        }
        list.iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.text(Some(v), &format!("{path}[{i}]"), limits::MAX_SHORT_TEXT)
            })
            .collect()
    }

    /// A whole number in `min..=max`; accepts JSON integers and digit strings.
    fn whole(&mut self, value: Option<&Value>, path: &str, min: u64, max: u64) -> Option<u64> {
        let value = present(value)?;
        let expected = || format!("expected a whole number ≥ {min}, got {}", describe(value));
        let number = match value {
            Value::Number(n) => n.as_u64(),
            Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.parse::<u64>().ok()
            }
            _ => None,
        };
        match number {
            None => {
                let message = match value {
                    Value::Number(n) if n.as_i64().is_some_and(|i| i < 0) => expected(),
                    Value::Number(n) if n.is_f64() => {
                        format!("expected a whole number ≥ {min}, got {n} (not a whole number)")
                    }
                    Value::String(s) if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() => {
                        format!("{s} is too large; at most {max} is allowed")
                    }
                    _ => expected(),
                };
                self.error(path, message);
                None
            }
            Some(n) if n < min => {
                self.error(path, expected());
                None
            }
            Some(n) if n > max => {
                self.error(
                    path,
                    format!(
                        "{} is too large; at most {} is allowed",
                        crate::money::group_thousands(&n.to_string()),
                        crate::money::group_thousands(&max.to_string())
                    ),
                );
                None
            }
            Some(n) => Some(n),
        }
    }

    fn percent(&mut self, value: Option<&Value>, path: &str) -> Option<Decimal> {
        self.decimal(value, path, Decimal::ZERO, Decimal::ONE_HUNDRED, false)
    }

    /// A decimal in `min..=max`, written as a string (`"12.5"`) or a JSON number. Amounts
    /// (`amount = true`) must be strings or integers: a fractional JSON number is binary
    /// floating point, which money never passes through.
    fn decimal(
        &mut self,
        value: Option<&Value>,
        path: &str,
        min: Decimal,
        max: Decimal,
        amount: bool,
    ) -> Option<Decimal> {
        let value = present(value)?;
        let expected = || {
            format!(
                "expected a decimal number between {min} and {max} (e.g. \"12.5\"), got {}",
                describe(value)
            )
        };
        let parsed = match value {
            Value::String(s) => parse_decimal(s),
            Value::Number(n) if n.is_f64() && amount => {
                self.error(
                    path,
                    format!(
                        "write amounts as decimal strings (e.g. \"{n}\"), not as JSON fractional numbers"
                    ),
                );
                return None;
            }
            Value::Number(n) => parse_decimal(&n.to_string()),
            _ => None,
        };
        match parsed {
            None => {
                self.error(path, expected());
                None
            }
            Some(d) if d.scale() > limits::MAX_DECIMAL_PLACES => {
                self.error(
                    path,
                    format!(
                        "{d} has more than {} decimal places",
                        limits::MAX_DECIMAL_PLACES
                    ),
                );
                None
            }
            Some(d) if d < min || d > max => {
                self.error(
                    path,
                    format!("{d} is out of range: expected {min} to {max}"),
                );
                None
            }
            Some(d) => Some(d),
        }
    }
}

/// Parses a plain decimal (`12`, `12.50`, `-3`); no exponents, no thousands separators.
pub(crate) fn parse_decimal(text: &str) -> Option<Decimal> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits_ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && int.len() + frac.len() <= 28
        && !(body.contains('.') && frac.is_empty());
    if !digits_ok {
        return None;
    }
    Decimal::from_str(text).ok()
}

fn present(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !v.is_null())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"{ "customer": {"name": "Acme Corp", "public_sector_us": false},
      "requester": {"username": "jdoe", "email": "jdoe@example.com"},
      "currency": "USD",
      "items": [ {"sku": "GL-CICD-R", "attendees": 40},
                 {"sku": "GL-XPRT", "hours": 100, "discount_percent": "10"},
                 {"sku": "GL-DOF", "delivery": "on_site", "attendees": 14},
                 {"sku": "GL-MIG-SM-SAAS"} ],
      "answers": {"migration.users": 800, "migration.repositories": 2500, "migration.large_repositories": 13},
      "quote_discount_percent": "5" }"#;

    fn errors(text: &str) -> Vec<String> {
        Scope::from_json(text)
            .unwrap_err()
            .errors
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_the_documented_example() {
        let scope = Scope::from_json(EXAMPLE).unwrap();
        assert_eq!(scope.customer.name, "Acme Corp");
        assert_eq!(scope.items.len(), 4);
        assert_eq!(scope.items[0].attendees, Some(40));
        assert_eq!(scope.items[1].hours, Some(Decimal::from(100)));
        assert_eq!(scope.items[1].discount_percent, Some(Decimal::from(10)));
        assert_eq!(scope.items[2].delivery, Some(DeliveryMode::OnSite));
        assert_eq!(
            scope.answers.get("migration.users"),
            Some(&Answer::Number(800))
        );
        assert_eq!(scope.quote_discount_percent, Some(Decimal::from(5)));
    }

    #[test]
    fn round_trips_byte_for_byte() {
        let scope = Scope::from_json(EXAMPLE).unwrap();
        let json = scope.to_json_pretty();
        let again = Scope::from_json(&json).unwrap();
        assert_eq!(again, scope);
        assert_eq!(again.to_json_pretty(), json);
    }

    #[test]
    fn names_the_field_and_the_value() {
        let errs =
            errors(r#"{"items": [{"sku": "A"}, {"sku": "B"}, {"sku": "C", "attendees": "abc"}]}"#);
        assert_eq!(
            errs,
            vec![r#"items[2].attendees: expected a whole number ≥ 0, got "abc""#]
        );
    }

    #[test]
    fn reports_every_problem_at_once() {
        let errs = errors(
            r#"{"items": [{"quantity": -1}, {"sku": "X", "discount_percent": "120", "delivery": "moon"}],
                "currency": "XXX", "quote_discount_percent": "abc", "extra": 1}"#,
        );
        assert!(
            errs.iter().any(|e| e.starts_with("extra: unknown field")),
            "{errs:?}"
        );
        assert!(
            errs.contains(
                &"items[0].sku: missing: every item needs the offering's SKU".to_string()
            )
        );
        assert!(
            errs.contains(&"items[0].quantity: expected a whole number ≥ 1, got -1".to_string())
        );
        assert!(
            errs.iter()
                .any(|e| e.starts_with("items[1].discount_percent: 120 is out of range"))
        );
        assert!(
            errs.iter()
                .any(|e| e.starts_with("items[1].delivery: expected \"remote\" or \"on_site\""))
        );
        assert!(
            errs.iter()
                .any(|e| e.starts_with("currency: unknown currency \"XXX\""))
        );
        assert!(
            errs.iter()
                .any(|e| e.starts_with("quote_discount_percent: expected a decimal"))
        );
    }

    #[test]
    fn refuses_fractions_and_floats_where_they_do_not_belong() {
        let errs =
            errors(r#"{"items": [{"sku": "A", "attendees": 2.5, "discount_amount": 10.5}]}"#);
        assert!(
            errs.iter()
                .any(|e| e.contains("attendees") && e.contains("not a whole number")),
            "{errs:?}"
        );
        assert!(
            errs.iter()
                .any(|e| e.contains("discount_amount") && e.contains("decimal strings")),
            "{errs:?}"
        );
        let ok = Scope::from_json(
            r#"{"items": [{"sku": "A", "hours": 12.5, "discount_amount": "10.50"}]}"#,
        )
        .unwrap();
        assert_eq!(ok.items[0].hours, Some(Decimal::new(125, 1)));
    }

    #[test]
    fn enforces_limits() {
        let errs = errors(r#"{"items": [{"sku": "A", "attendees": 100001}]}"#);
        assert_eq!(
            errs,
            vec!["items[0].attendees: 100,001 is too large; at most 100,000 is allowed"]
        );
        let errs = errors(r#"{"items": [{"sku": "A", "hours": "1e9"}]}"#);
        assert!(
            errs[0].starts_with("items[0].hours: expected a decimal"),
            "{errs:?}"
        );
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(errors(&deep)[0].contains("nested"));
        let roles: Vec<String> = (0..=limits::MAX_EFFORT_ROLES)
            .map(|i| format!("\"r{i}\": 1"))
            .collect();
        let many_roles = format!(
            r#"{{"items": [{{"sku": "A", "effort": {{{}}}}}]}}"#,
            roles.join(",")
        );
        assert_eq!(
            errors(&many_roles),
            vec!["items[0].effort: 101 roles; an item has hours for at most 100"]
        );
        let decisions: Vec<String> = (0..=limits::MAX_ANSWERS)
            .map(|i| format!("\"d{i}\": \"accepted\""))
            .collect();
        let many_decisions = format!(r#"{{"recommendations": {{{}}}}}"#, decisions.join(","));
        assert_eq!(
            errors(&many_decisions),
            vec!["recommendations: 1001 decisions; a scope holds at most 1000"]
        );
        let long_name = format!(r#"{{"customer": {{"name": "{}"}}}}"#, "x".repeat(201));
        assert_eq!(
            errors(&long_name),
            vec!["customer.name: 201 characters; at most 200 are allowed"]
        );
    }

    #[test]
    fn refuses_a_key_given_twice() {
        let errs = errors("{\"currency\": \"USD\",\n \"currency\": \"EUR\"}");
        assert_eq!(
            errs,
            vec![
                "not valid JSON: the key \"currency\" appears twice in one object (line 2, column 11)"
            ]
        );
        let errs = errors(r#"{"items": [{"sku": "A", "hours": 1, "hours": 2}]}"#);
        assert!(errs[0].contains("\"hours\" appears twice"), "{errs:?}");
        // The same key in different objects is fine.
        let scope = Scope::from_json(r#"{"items": [{"sku": "A"}, {"sku": "B"}]}"#).unwrap();
        assert_eq!(scope.items.len(), 2);
    }

    #[test]
    fn malformed_json_says_where() {
        let errs = errors("{\"items\": [\n{\"sku\": }]}");
        assert!(errs[0].starts_with("not valid JSON:"), "{errs:?}");
        assert!(errs[0].contains("line 2"), "{errs:?}");
        assert!(errors("[]")[0].contains("expected an object, got a list"));
    }

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(parse_decimal("12.50"), Some(Decimal::new(1250, 2)));
        assert_eq!(parse_decimal("-3"), Some(Decimal::from(-3)));
        for bad in ["", "1e3", "1,000", "12.", ".5", "+1", "NaN", "1 000", "--1"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }
}
