//! The JSON Schema of a catalog file (feature `schema`), generated from the types in
//! [`super::model`]: what editors use to complete and check a catalog, and what
//! `schemas/catalog.schema.json` holds.
//!
//! Two leaf shapes are spelled out here because the Rust types do not say them: decimals
//! are strings in the file (`"14400"`, never `14400`), and dates are `YYYY-MM-DD` strings.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::CatalogData;

/// How a decimal is written in a catalog: a string of digits with an optional fraction.
/// Stands in for `rust_decimal::Decimal` in the schema (`schemars(with = …)`).
pub(crate) struct DecimalText;

impl JsonSchema for DecimalText {
    fn inline_schema() -> bool {
        false
    }

    fn schema_name() -> Cow<'static, str> {
        "DecimalString".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A decimal number written as a string (\"14400\", \"0.97\"), never as a bare number: amounts are exact decimals, not floating point. Catalog amounts are never negative.",
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]+)?$"
        })
    }
}

/// How a date is written in a catalog: `YYYY-MM-DD`. Stands in for [`crate::Date`].
pub(crate) struct DateText;

impl JsonSchema for DateText {
    fn inline_schema() -> bool {
        false
    }

    fn schema_name() -> Cow<'static, str> {
        "DateString".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar date as YYYY-MM-DD, e.g. \"2022-11-15\".",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// The JSON Schema of a catalog file ([`CatalogData`]), as pretty JSON with a final newline.
/// It describes the TOML file as well: TOML tables are its objects.
pub fn catalog_schema() -> String {
    let schema = schemars::schema_for!(CatalogData);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
