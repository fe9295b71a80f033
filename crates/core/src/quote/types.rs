//! What pricing returns: the [`Quote`] with its lines, discounts, approvals and routing, the
//! options that change pricing, and the error when a scope cannot be priced.

use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::component::Component;
use super::trace::Trace;
#[cfg(feature = "schema")]
use super::trace::TraceStep;
use super::wording::plural;
use crate::catalog::{CatalogRef, DeliveryMode, SaleForm};
use crate::date::Date;
use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::money::{Currency, PriceRange};

/// A priced scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// ISO 4217 code of every amount in the quote.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub currency: Currency,
    /// Digits after the decimal point in every amount of the quote: the currency's ISO 4217
    /// minor units (USD 2, JPY 0, KWD 3).
    pub minor_units: u32,
    /// One line per scope item (plus an expense line after each on-site item).
    pub lines: Vec<QuoteLine>,
    /// Sum of the priced lines' net amounts (expenses and custom lines excluded).
    pub subtotal: PriceRange,
    /// The quote-level discount.
    pub discount: QuoteDiscount,
    /// Subtotal less the quote discount; `low == high` when every price is firm.
    pub total: PriceRange,
    /// Estimated travel and expenses for on-site delivery, billed at actual cost.
    pub expenses_estimate: PriceRange,
    /// Approvals the quote needs before it goes out.
    pub approvals: Vec<Approval>,
    /// Whether any line needs a custom SOW (custom work or no list price).
    pub requires_custom_sow: bool,
    /// How the deal is papered.
    pub routing: Routing,
    /// Whether some line has no price yet, so the total leaves it out.
    pub custom_estimate_needed: bool,
    /// Questions whose missing answers widen the range, in the order they matter.
    pub missing_answers: Vec<String>,
    /// Things the account executive should know (custom lines, capped amounts, …).
    pub warnings: Vec<String>,
    /// The catalog the quote was priced with.
    pub catalog: CatalogRef,
}

/// One line of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteLine {
    /// Index of the scope item this line prices.
    pub item: usize,
    /// The offering's SKU.
    pub sku: Arc<str>,
    /// The offering's name (for expense lines, what the expenses are for).
    pub name: Arc<str>,
    /// Firm, range, custom (no price) or expense.
    pub kind: LineKind,
    /// Standard SKU or custom SOW.
    pub sale: SaleForm,
    /// The delivery mode priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryMode>,
    /// Units priced (classes, blocks, engagements); the low end when it is a range.
    pub quantity: u64,
    /// The high end of the quantity when it depends on a missing answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_high: Option<u64>,
    /// What one unit is.
    pub unit: Arc<str>,
    /// List price per unit, when the model has one.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub unit_price: Option<Decimal>,
    /// The parts of the gross amount (e.g. classes and seat add-ons).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Before discounts; absent for custom lines.
    pub gross: Option<PriceRange>,
    /// The line discount.
    pub discount: Option<PriceRange>,
    /// Gross less the line discount, rounded.
    pub net: Option<PriceRange>,
    /// This line's share of the quote discount.
    pub quote_discount: Option<PriceRange>,
    /// Net less its share of the quote discount.
    pub total: Option<PriceRange>,
    /// Each rule applied, in order.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<TraceStep>"))]
    pub trace: Trace,
}

impl QuoteLine {
    /// Whether the line is an item included at no charge with the scope item it belongs to
    /// (the offering's `includes`), rather than the item itself.
    pub fn is_included(&self) -> bool {
        self.trace
            .first()
            .is_some_and(|step| step.step() == "included")
    }

    /// The quantity in words: `3 classes`, `1–4 classes`, `1 trip`.
    pub fn quantity_label(&self) -> String {
        match self.quantity_high {
            Some(high) => format!("{}–{high} {}", self.quantity, plural(&self.unit, high)),
            None => format!("{} {}", self.quantity, plural(&self.unit, self.quantity)),
        }
    }
}

/// Firm, range, custom or expense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A fixed fee at one price.
    Firm,
    /// A fixed fee whose price is a low–high range until missing answers come in.
    Range,
    /// A rough-order-of-magnitude range from an estimate table: an estimate for a custom SOW,
    /// never a fixed fee.
    Estimate,
    /// Effort at the rate card, billed as delivered: the amount is an estimate, not firm.
    TimeAndMaterials,
    /// A recurring fee: a monthly amount over a term of months, billed monthly; the line's
    /// total is the contract total over the term.
    Recurring,
    /// No list price: a custom estimate is needed.
    Custom,
    /// Travel and expenses estimate, billed at actual cost.
    Expense,
}

impl LineKind {
    /// Whether the line is sold at a fixed fee (paid up front, non-cancellable for standard
    /// SKUs); every other kind is an estimate or billed as delivered.
    pub fn is_fixed_fee(self) -> bool {
        matches!(self, LineKind::Firm | LineKind::Range)
    }

    /// How the line is charged, in the words of a SOW's fee table.
    pub fn fee_words(self) -> &'static str {
        match self {
            LineKind::Firm | LineKind::Range => "Fixed fee",
            LineKind::Estimate => "Estimate (range)",
            LineKind::TimeAndMaterials => "Time and materials",
            LineKind::Recurring => "Recurring fee (monthly, over the term)",
            LineKind::Custom => "Custom estimate",
            LineKind::Expense => "Travel and expenses (estimate)",
        }
    }
}

/// The quote-level discount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteDiscount {
    /// Percent of the subtotal.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub percent: Decimal,
    /// The amount taken off, rounded once.
    pub amount: PriceRange,
}

/// An approval the quote needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Approval {
    /// The catalog rule's id.
    pub rule: String,
    /// Who approves.
    pub approver: String,
    /// Why, including what triggered it.
    pub reason: String,
    /// Label for the SOW-request issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether the rule's threshold is an illustrative example.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
}

/// Order form, custom SOW, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Routing {
    /// Which paperwork.
    pub form: Paperwork,
    /// Why, in words.
    pub reason: String,
}

/// The paperwork a deal needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Paperwork {
    /// Nothing in scope yet.
    None,
    /// Standard SKUs only: an order form.
    OrderForm,
    /// Custom work only: a SOW.
    CustomSow,
    /// Both: standard SKUs on an order form, custom work on its own SOW (two quotes).
    OrderFormAndCustomSow,
}

/// Options that change pricing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteOptions {
    /// Check each offering's availability dates against this day. The core never reads a
    /// clock; without a date, availability is not checked.
    pub as_of: Option<Date>,
}

/// Why a scope could not be priced: every problem, each naming its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteError {
    /// The problems, in scope order.
    pub errors: FieldErrors,
}

impl fmt::Display for QuoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.errors.fmt(f)
    }
}

impl std::error::Error for QuoteError {}

impl QuoteError {
    pub(super) fn single(field: impl Into<FieldPath>, message: impl Into<String>) -> QuoteError {
        QuoteError {
            errors: FieldError::new(field, message).into(),
        }
    }
}
