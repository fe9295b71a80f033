//! What a scope was quoted at when it was saved or shared (`"quoted"` in the scope
//! document): per item its unit price and total, the quote's total and the approvals it
//! needed. It is never used to price anything; it lets whoever opens the scope with another
//! catalog see what changed (`scopecraft::compare_quotes`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::limits;
use crate::money::{Currency, PriceRange};

/// The prices a scope was quoted at, with the catalog named by the scope's `catalog`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuotedPrices {
    /// ISO 4217 code of every amount here.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub currency: Currency,
    /// One entry per priced scope item (expense lines left out), in scope order.
    pub items: Vec<QuotedItem>,
    /// The quote's total.
    pub total: PriceRange,
    /// The approvals the quote needed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<QuotedApproval>,
}

/// What one scope item was quoted at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuotedItem {
    /// Index of the scope item.
    pub item: usize,
    /// The offering's SKU.
    pub sku: String,
    /// The offering's name then.
    pub name: String,
    /// List price per unit, when the model has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub unit_price: Option<Decimal>,
    /// The line's total; absent for a line without a list price (custom estimate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<PriceRange>,
}

/// An approval a quote needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuotedApproval {
    /// The catalog rule's id.
    pub rule: String,
    /// Who approves.
    pub approver: String,
}

/// Reads `"quoted"` from a scope document: the prices, or the problems at `quoted`.
pub(super) fn read_quoted(value: &Value) -> Result<QuotedPrices, FieldErrors> {
    let field = FieldPath::from("quoted");
    let quoted: QuotedPrices = serde_json::from_value(value.clone()).map_err(|e| {
        FieldErrors::from(FieldError::new(
            field.clone(),
            format!("not the prices a scope was quoted at: {e}"),
        ))
    })?;
    let mut errors = FieldErrors::default();
    if quoted.items.len() > limits::MAX_ITEMS {
        errors.push(FieldError::new(
            field.child("items"),
            format!(
                "{} items; a scope holds at most {}",
                quoted.items.len(),
                limits::MAX_ITEMS
            ),
        ));
    }
    let texts = quoted
        .items
        .iter()
        .flat_map(|item| [&item.sku, &item.name])
        .chain(quoted.approvals.iter().flat_map(|a| [&a.rule, &a.approver]));
    for text in texts {
        if text.chars().count() > limits::MAX_LONG_TEXT
            || text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            errors.push(FieldError::new(
                field.clone(),
                "holds text that is too long or has control characters",
            ));
            break;
        }
    }
    if errors.is_empty() {
        Ok(quoted)
    } else {
        Err(errors)
    }
}
