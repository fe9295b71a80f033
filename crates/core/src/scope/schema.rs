//! The JSON Schema of a scope document (feature `schema`), generated from the types in
//! [`super`]: what editors use to complete and check a scope file, and what
//! `schemas/scope.schema.json` holds.
//!
//! The scope reader is more lenient than the JSON the types write: numbers may be written as
//! JSON numbers or as strings (`"hours": 100` or `"hours": "100"`), so the leaf shapes the
//! reader accepts are spelled out here. Ranges and lengths (`crate::limits`) stay the
//! reader's job; the schema checks the shape.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::Scope;

/// A decimal the reader takes as a string (`"12.5"`) or a JSON number (hours, percentages).
pub(crate) struct DecimalInput;

impl JsonSchema for DecimalInput {
    fn inline_schema() -> bool {
        false
    }

    fn schema_name() -> Cow<'static, str> {
        "DecimalInput".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A decimal number, not negative: a string such as \"12.5\" (preferred), or a JSON number.",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" },
                { "type": "number", "minimum": 0 }
            ]
        })
    }
}

/// An amount: a decimal string or a whole JSON number, never a fractional JSON number (it
/// would have passed through binary floating point).
pub(crate) struct AmountInput;

impl JsonSchema for AmountInput {
    fn inline_schema() -> bool {
        false
    }

    fn schema_name() -> Cow<'static, str> {
        "AmountInput".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An amount in the quote currency, not negative: a decimal string such as \"2500.50\", or a whole JSON number. A fractional JSON number is refused.",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" },
                { "type": "integer", "minimum": 0 }
            ]
        })
    }
}

/// A whole number the reader takes as a JSON integer or a string of digits.
pub(crate) struct WholeInput;

impl JsonSchema for WholeInput {
    fn inline_schema() -> bool {
        false
    }

    fn schema_name() -> Cow<'static, str> {
        "WholeInput".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A whole number, not negative: a JSON integer such as 40, or a string of digits.",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": "^[0-9]+$" }
            ]
        })
    }
}

/// The JSON Schema of a scope document ([`Scope`]), as pretty JSON with a final newline.
pub fn scope_schema() -> String {
    let mut schema = schemars::schema_for!(Scope);
    schema.insert("title".into(), "Scopecraft scope".into());
    schema.insert(
        "description".into(),
        "A scope: the offerings picked, the numbers that drive their prices, discounts and answers to the catalog's discovery questions (docs/scope-format.md). Prices come from the catalog; `quoted` only records what the scope was last quoted at.".into(),
    );
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    {
        properties.insert(
            "$schema".into(),
            serde_json::json!({
                "description": "Where an editor finds this file's JSON Schema. Read and ignored: never written back.",
                "type": "string"
            }),
        );
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
