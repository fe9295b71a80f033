//! The strict scope reader: walks a JSON value field by field, collects every problem with
//! the path of its field (`items[2].attendees`) instead of stopping at the first, and
//! refuses anything past a [`crate::limits`] value.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::Value;

use super::{Answer, Decision, Scope, ScopeItem};
use crate::catalog::{CatalogRef, DeliveryMode, Projection};
use crate::decimal::{parse_decimal, parse_whole};
use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::json::describe;
use crate::limits;

/// Reads a scope from parsed JSON: the scope without the fields that could not be read, and
/// every problem found, in document order.
pub(super) fn read(value: &Value) -> (Scope, FieldErrors) {
    let mut reader = Reader::default();
    let scope = reader.scope(value);
    (scope, reader.errors)
}

/// Reads one scope item, as the item at `index` of a scope: every problem the reader would
/// report for it inside a scope document.
pub(super) fn item_errors(value: &Value, index: usize) -> FieldErrors {
    let mut reader = Reader::default();
    reader.item(value, &FieldPath::item(index, ""));
    reader.errors
}

/// Reads a quote discount as a scope document holds it: every problem the reader would
/// report for `quote_discount_percent`.
pub(super) fn quote_discount_errors(percent: Decimal) -> FieldErrors {
    let mut reader = Reader::default();
    let value = Value::String(percent.to_string());
    reader.percent(Some(&value), &"quote_discount_percent".into());
    reader.errors
}

/// Walks the JSON value, collecting every problem with its path.
#[derive(Default)]
struct Reader {
    errors: FieldErrors,
}

impl Reader {
    fn error(&mut self, field: &FieldPath, message: impl Into<String>) {
        self.errors.push(FieldError::new(field.clone(), message));
    }

    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &FieldPath,
        known: &[&str],
    ) -> Option<&'v serde_json::Map<String, Value>> {
        match value {
            Value::Object(map) => {
                for key in map.keys() {
                    if !known.contains(&key.as_str()) {
                        let field = path.child(key);
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
            &FieldPath::Document,
            &[
                // Where an editor finds the schema: accepted and ignored.
                "$schema",
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
                "quoted",
            ],
        ) else {
            return scope;
        };
        if let Some(v) = present(map.get("customer"))
            && let Some(customer) = self.object(
                v,
                &"customer".into(),
                &["name", "public_sector_us", "flags"],
            )
        {
            scope.customer.name = self
                .text(
                    customer.get("name"),
                    &"customer.name".into(),
                    limits::MAX_SHORT_TEXT,
                )
                .unwrap_or_default();
            scope.customer.public_sector_us = self
                .boolean(
                    customer.get("public_sector_us"),
                    &"customer.public_sector_us".into(),
                )
                .unwrap_or(false);
            scope.customer.flags = self.string_list(
                customer.get("flags"),
                &"customer.flags".into(),
                limits::MAX_CHOICES,
            );
        }
        if let Some(v) = present(map.get("requester"))
            && let Some(requester) = self.object(v, &"requester".into(), &["username", "email"])
        {
            scope.requester.username = self
                .text(
                    requester.get("username"),
                    &"requester.username".into(),
                    limits::MAX_SHORT_TEXT,
                )
                .unwrap_or_default();
            scope.requester.email = self
                .text(
                    requester.get("email"),
                    &"requester.email".into(),
                    limits::MAX_EMAIL,
                )
                .unwrap_or_default();
        }
        scope.currency = self.currency(map.get("currency"));
        scope.service_types = self.string_list(
            map.get("service_types"),
            &"service_types".into(),
            limits::MAX_CHOICES,
        );
        scope.items = self.items(map.get("items"));
        scope.answers = self.answers(map.get("answers"));
        scope.quote_discount_percent = self.percent(
            map.get("quote_discount_percent"),
            &"quote_discount_percent".into(),
        );
        scope.recommendations = self.decisions(map.get("recommendations"));
        scope.notes = self
            .text(map.get("notes"), &"notes".into(), limits::MAX_LONG_TEXT)
            .unwrap_or_default();
        scope.catalog = self.catalog_ref(map.get("catalog"));
        if let Some(value) = present(map.get("quoted")) {
            match super::quoted::read_quoted(value) {
                Ok(quoted) => scope.quoted = Some(quoted),
                Err(errors) => self.errors.extend(errors),
            }
        }
        // `$schema` is read only to refuse a value that is not text.
        let _ = self.text(map.get("$schema"), &"$schema".into(), limits::MAX_LONG_TEXT);
        scope
    }

    fn currency(&mut self, value: Option<&Value>) -> Option<String> {
        let code = self.text(present(value), &"currency".into(), 3)?;
        if crate::money::Currency::from_code(&code).is_none() {
            self.error(
                &"currency".into(),
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
                &"items".into(),
                format!("expected a list of items, got {}", describe(value)),
            );
            return Vec::new();
        };
        if list.len() > limits::MAX_ITEMS {
            self.error(
                &"items".into(),
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
            .map(|(i, v)| self.item(v, &FieldPath::item(i, "")))
            .collect()
    }

    fn item(&mut self, value: &Value, path: &FieldPath) -> ScopeItem {
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
                "included",
                "note",
            ],
        ) else {
            return item;
        };
        let field = |name: &str| path.child(name);
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
        item.included =
            self.string_list(map.get("included"), &field("included"), limits::MAX_CHOICES);
        item.note = self
            .text(map.get("note"), &field("note"), limits::MAX_LONG_TEXT)
            .unwrap_or_default();
        item
    }

    fn effort(&mut self, value: Option<&Value>, path: &FieldPath) -> BTreeMap<String, Decimal> {
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
            let field = path.child(role);
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

    fn delivery(&mut self, value: Option<&Value>, path: &FieldPath) -> Option<DeliveryMode> {
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
                &"answers".into(),
                format!("expected answers by question id, got {}", describe(value)),
            );
            return answers;
        };
        if map.len() > limits::MAX_ANSWERS {
            self.error(
                &"answers".into(),
                format!(
                    "{} answers; a scope holds at most {}",
                    map.len(),
                    limits::MAX_ANSWERS
                ),
            );
            return answers;
        }
        for (id, answer) in map {
            let field = FieldPath::answer(id.as_str());
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
                &"recommendations".into(),
                format!(
                    "expected decisions by recommendation id, got {}",
                    describe(value)
                ),
            );
            return decisions;
        };
        if map.len() > limits::MAX_ANSWERS {
            self.error(
                &"recommendations".into(),
                format!(
                    "{} decisions; a scope holds at most {}",
                    map.len(),
                    limits::MAX_ANSWERS
                ),
            );
            return decisions;
        }
        for (id, decision) in map {
            let field = FieldPath::recommendation(id.as_str());
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
        let map = self.object(
            value,
            &"catalog".into(),
            &["id", "version", "hash", "projection"],
        )?;
        Some(CatalogRef {
            id: self
                .text(map.get("id"), &"catalog.id".into(), limits::MAX_SHORT_TEXT)
                .unwrap_or_default(),
            version: self
                .text(
                    map.get("version"),
                    &"catalog.version".into(),
                    limits::MAX_SHORT_TEXT,
                )
                .unwrap_or_default(),
            hash: self
                .text(map.get("hash"), &"catalog.hash".into(), 64)
                .unwrap_or_default(),
            projection: match present(map.get("projection")) {
                None => Projection::Full,
                Some(value) if value == "full" => Projection::Full,
                Some(value) if value == "public" => Projection::Public,
                Some(_) => {
                    self.error(
                        &"catalog.projection".into(),
                        "must be \"public\" or \"full\"",
                    );
                    Projection::Full
                }
            },
        })
    }

    fn text(
        &mut self,
        value: Option<&Value>,
        path: &FieldPath,
        max_chars: usize,
    ) -> Option<String> {
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

    fn boolean(&mut self, value: Option<&Value>, path: &FieldPath) -> Option<bool> {
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

    fn string_list(&mut self, value: Option<&Value>, path: &FieldPath, max: usize) -> Vec<String> {
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
            .filter_map(|(i, v)| self.text(Some(v), &path.entry(i), limits::MAX_SHORT_TEXT))
            .collect()
    }

    /// A whole number in `min..=max`; accepts JSON integers and digit strings.
    fn whole(
        &mut self,
        value: Option<&Value>,
        path: &FieldPath,
        min: u64,
        max: u64,
    ) -> Option<u64> {
        let value = present(value)?;
        let expected = || format!("expected a whole number ≥ {min}, got {}", describe(value));
        let number = match value {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => parse_whole(s),
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
                        crate::money::thousands(n),
                        crate::money::thousands(max)
                    ),
                );
                None
            }
            Some(n) => Some(n),
        }
    }

    fn percent(&mut self, value: Option<&Value>, path: &FieldPath) -> Option<Decimal> {
        self.decimal(value, path, Decimal::ZERO, Decimal::ONE_HUNDRED, false)
    }

    /// A decimal in `min..=max`, written as a string (`"12.5"`) or a JSON number. Amounts
    /// (`amount = true`) must be strings or integers: a fractional JSON number is binary
    /// floating point, which money never passes through.
    fn decimal(
        &mut self,
        value: Option<&Value>,
        path: &FieldPath,
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

fn present(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !v.is_null())
}
