//! Pricing a scope against a catalog: the [`Quote`].
//!
//! The order of operations is fixed and documented, so a salesperson can redo any line by
//! hand:
//!
//! 1. **Unit price** from the quote currency's price book (or converted from the base book
//!    at its dated rate, rounded once).
//! 2. **Quantity** from the pricing model: classes and seat add-ons, blocks of hours, tiers,
//!    effort by role, a range-table lookup, or a percentage of the other lines.
//! 3. **Line discount**, a percentage or an amount (never more than the line).
//! 4. **Round** the line's net amount to the currency's minor units, once, with the catalog's
//!    rounding mode.
//! 5. **Sum** the nets into the subtotal.
//! 6. **Quote discount** (a percentage of the subtotal), **rounded** once, and allocated back
//!    to the lines by largest remainder so the line totals add up to the quote total exactly.
//!
//! On-site travel and expenses are never folded into a fee: they are separate `expense`
//! lines, summed into `expenses_estimate`, billed at actual cost. Lines without a list price
//! are `custom`: they are left out of the total and the quote says a custom estimate is
//! needed. Every line carries a trace of each rule applied, in words.

mod list_price;
mod models;
mod prices;
mod trace;

pub use list_price::{ListPrice, ModePrice, list_price};
pub use trace::TraceStep;

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::{ApprovalTrigger, Catalog, CatalogRef, DeliveryMode, SaleForm};
use crate::date::Date;
use crate::money::{Currency, PriceRange, allocate};
use crate::scope::{FieldError, Scope};

use models::Draft;
use prices::PriceList;

/// A priced scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// ISO 4217 code of every amount in the quote.
    pub currency: String,
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
    pub sku: String,
    /// The offering's name (for expense lines, what the expenses are for).
    pub name: String,
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
    pub unit: Cow<'static, str>,
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
    pub trace: Vec<TraceStep>,
}

impl QuoteLine {
    /// The quantity in words: `3 classes`, `1–4 classes`, `1 trip`.
    pub fn quantity_label(&self) -> String {
        match self.quantity_high {
            Some(high) => format!(
                "{}–{high} {}",
                self.quantity,
                models::plural(&self.unit, high)
            ),
            None => format!(
                "{} {}",
                self.quantity,
                models::plural(&self.unit, self.quantity)
            ),
        }
    }
}

/// Firm, range, custom or expense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// One price.
    Firm,
    /// A low–high range (rough-order-of-magnitude table, or missing answers).
    Range,
    /// No list price: a custom estimate is needed.
    Custom,
    /// Travel and expenses estimate, billed at actual cost.
    Expense,
}

/// A part of a line's gross amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Component {
    /// The SKU billed (e.g. the seat add-on).
    pub sku: String,
    /// What it is.
    pub description: String,
    /// How many (hours may be fractional).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub quantity: Decimal,
    /// Price per one.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub unit_price: Decimal,
    /// Quantity × unit price.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Decimal,
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
    pub errors: Vec<FieldError>,
}

impl fmt::Display for QuoteError {
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

impl std::error::Error for QuoteError {}

impl QuoteError {
    fn single(field: &str, message: impl Into<String>) -> QuoteError {
        QuoteError {
            errors: vec![FieldError::new(field, message)],
        }
    }
}

/// Prices `scope` with `catalog`.
pub fn price(catalog: &Catalog, scope: &Scope) -> Result<Quote, QuoteError> {
    price_with(catalog, scope, &QuoteOptions::default())
}

/// Prices `scope` with `catalog` and options.
pub fn price_with(
    catalog: &Catalog,
    scope: &Scope,
    options: &QuoteOptions,
) -> Result<Quote, QuoteError> {
    let currency = quote_currency(catalog, scope)?;
    let prices = PriceList::new(catalog, currency).ok_or_else(|| {
        QuoteError::single(
            "currency",
            format!(
                "the catalog has no price book for {}; available: {}",
                currency.code(),
                available_currencies(catalog)
            ),
        )
    })?;

    let mut errors = Vec::new();
    let mut drafts: Vec<Draft<'_>> = Vec::with_capacity(scope.items.len());
    for (index, item) in scope.items.iter().enumerate() {
        match models::draft(catalog, &prices, scope, index, item, options) {
            Ok(draft) => drafts.push(draft),
            Err(mut item_errors) => errors.append(&mut item_errors),
        }
    }
    if !errors.is_empty() {
        return Err(QuoteError { errors });
    }
    let overflow = |field: &str| {
        QuoteError::single(
            field,
            "the amounts are too large to price exactly; check quantities and prices",
        )
    };
    for draft in &mut drafts {
        if !draft.is_percent() {
            draft
                .apply_line_discount(&prices)
                .map_err(|field| overflow(&field))?;
        }
    }
    // Percentage lines are priced on the other lines' nets, then discounted like any line.
    let nets: Vec<(&str, Option<PriceRange>, bool)> = drafts
        .iter()
        .map(|d| (d.category, d.net, d.is_percent()))
        .collect();
    for draft in drafts.iter_mut().filter(|d| d.is_percent()) {
        draft
            .price_percent(&nets, &prices)
            .map_err(|field| overflow(&field))?;
        draft
            .apply_line_discount(&prices)
            .map_err(|field| overflow(&field))?;
    }
    assemble(catalog, scope, &prices, drafts).map_err(|field| overflow(&field))
}

fn quote_currency(catalog: &Catalog, scope: &Scope) -> Result<Currency, QuoteError> {
    match &scope.currency {
        None => Ok(catalog.base_currency()),
        Some(code) => Currency::from_code(code).ok_or_else(|| {
            QuoteError::single(
                "currency",
                format!(
                    "unknown currency {code:?}; available: {}",
                    available_currencies(catalog)
                ),
            )
        }),
    }
}

fn available_currencies(catalog: &Catalog) -> String {
    catalog
        .currencies()
        .iter()
        .map(|c| c.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sums, applies the quote discount, allocates it, adds expenses, approvals and routing.
fn assemble(
    catalog: &Catalog,
    scope: &Scope,
    prices: &PriceList<'_>,
    drafts: Vec<Draft<'_>>,
) -> Result<Quote, String> {
    let currency = prices.currency;
    let mode = prices.mode;
    let zero = PriceRange::firm(currency.zero());

    let mut subtotal = zero;
    for net in drafts.iter().filter_map(|d| d.net) {
        subtotal = subtotal.checked_add(net).ok_or("subtotal")?;
    }
    let percent = scope.quote_discount_percent.unwrap_or(Decimal::ZERO);
    let discount_amount = subtotal
        .try_map(|end| {
            let raw = end
                .checked_mul(percent)?
                .checked_div(Decimal::ONE_HUNDRED)?;
            Some(currency.round(raw, mode))
        })
        .ok_or("quote_discount_percent")?;
    let total = subtotal
        .checked_sub(discount_amount)
        .ok_or("quote_discount_percent")?;

    let (shares_low, shares_high) = allocate_quote_discount(&drafts, discount_amount, currency)
        .ok_or("quote_discount_percent")?;

    let mut lines = Vec::with_capacity(drafts.len() + 4);
    let mut expenses = zero;
    let mut missing_answers: Vec<String> = Vec::new();
    let mut warnings = Vec::new();
    let mut custom_sow = false;
    let mut standard = false;
    let mut custom_estimate_needed = false;
    for (index, draft) in drafts.into_iter().enumerate() {
        for id in &draft.missing {
            if !missing_answers.contains(id) {
                missing_answers.push(id.clone());
            }
        }
        warnings.extend(draft.warnings.iter().cloned());
        if draft.sale == SaleForm::CustomSow || draft.gross.is_none() {
            custom_sow = true;
        } else {
            standard = true;
        }
        custom_estimate_needed |= draft.gross.is_none();
        let share = PriceRange {
            low: shares_low.get(index).copied().unwrap_or(currency.zero()),
            high: shares_high.get(index).copied().unwrap_or(currency.zero()),
        };
        let expense = draft.expense.clone();
        let line = draft.finish(share, percent).ok_or("lines")?;
        lines.push(line);
        if let Some(expense) = expense {
            expenses = expenses.checked_add(expense.amount).ok_or("expenses")?;
            lines.push(expense.into_line());
        }
    }

    let approvals = approvals(catalog, prices, &lines, percent, total);
    let routing = routing(standard, custom_sow);
    Ok(Quote {
        currency: currency.code().to_string(),
        lines,
        subtotal,
        discount: QuoteDiscount {
            percent,
            amount: discount_amount,
        },
        total,
        expenses_estimate: expenses,
        approvals,
        requires_custom_sow: custom_sow,
        routing,
        custom_estimate_needed,
        missing_answers,
        warnings,
        catalog: catalog.reference(),
    })
}

/// Splits the quote discount over the lines so both ends sum exactly and every line keeps
/// `low ≤ high`: the low-end discount goes by the lines' low nets; the extra discount at the
/// high end goes by each line's spread (high − low). A firm line has no spread, so its share
/// is the same at both ends; a range line's extra share never exceeds its spread.
fn allocate_quote_discount(
    drafts: &[Draft<'_>],
    discount: PriceRange,
    currency: Currency,
) -> Option<(Vec<Decimal>, Vec<Decimal>)> {
    let low_weights: Vec<Decimal> = drafts
        .iter()
        .map(|d| d.net.map_or(Decimal::ZERO, |n| n.low))
        .collect();
    let spreads: Vec<Decimal> = drafts
        .iter()
        .map(|d| d.net.map_or(Decimal::ZERO, |n| n.high - n.low))
        .collect();
    let low = allocate(discount.low, &low_weights, currency)?;
    let extra = allocate(discount.high.checked_sub(discount.low)?, &spreads, currency)?;
    let high = low
        .iter()
        .zip(&extra)
        .map(|(l, e)| l.checked_add(*e))
        .collect::<Option<Vec<_>>>()?;
    Some((low, high))
}

fn routing(standard: bool, custom: bool) -> Routing {
    let (form, reason) = match (standard, custom) {
        (false, false) => (Paperwork::None, "Nothing is in scope yet."),
        (true, false) => (
            Paperwork::OrderForm,
            "Every line is a standard SKU at a fixed fee: an order form is enough.",
        ),
        (false, true) => (
            Paperwork::CustomSow,
            "The scope is custom work: it needs an estimate, approval and a signed SOW.",
        ),
        (true, true) => (
            Paperwork::OrderFormAndCustomSow,
            "Standard SKUs go on the order form; the custom lines need their own SOW and a separate PS opportunity (two quotes).",
        ),
    };
    Routing {
        form,
        reason: reason.to_string(),
    }
}

fn approvals(
    catalog: &Catalog,
    prices: &PriceList<'_>,
    lines: &[QuoteLine],
    quote_percent: Decimal,
    total: PriceRange,
) -> Vec<Approval> {
    let currency = prices.currency;
    let mut approvals = Vec::new();
    // Each line's discount percentage, computed once and ordered from the largest, so a
    // line-discount rule costs a binary search plus the lines it names: pricing stays
    // linear in lines plus rules, not lines times rules.
    let mut discounted: Vec<(Decimal, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| line_discount_percent(line).map(|p| (p, index)))
        .collect();
    discounted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for rule in &catalog.data().approvals {
        let trigger = match &rule.when {
            ApprovalTrigger::LineDiscountPercentOver(threshold) => {
                let count = discounted.partition_point(|(percent, _)| percent > threshold);
                let mut over: Vec<(usize, Decimal)> = discounted
                    .iter()
                    .take(count)
                    .map(|&(percent, index)| (index, percent))
                    .collect();
                over.sort_unstable_by_key(|&(index, _)| index);
                let named: Vec<String> = over
                    .iter()
                    .filter_map(|&(index, percent)| {
                        let line = lines.get(index)?;
                        Some(format!("{} at {}%", line.sku, percent.normalize()))
                    })
                    .collect();
                (!named.is_empty()).then(|| {
                    format!(
                        "line discount over {}%: {}",
                        threshold.normalize(),
                        named.join(", ")
                    )
                })
            }
            ApprovalTrigger::QuoteDiscountPercentOver(threshold) => (quote_percent > *threshold)
                .then(|| {
                    format!(
                        "quote discount {}% is over {}%",
                        quote_percent.normalize(),
                        threshold.normalize()
                    )
                }),
            ApprovalTrigger::TotalHighOver(threshold) => {
                let converted = prices
                    .rate_from_base()
                    .and_then(|rate| threshold.checked_mul(rate));
                converted.and_then(|limit| {
                    (total.high > limit).then(|| {
                        let base_note = if currency == prices.base_currency {
                            String::new()
                        } else {
                            format!(
                                " ({} at the book's fixed rate)",
                                prices.base_currency.display(*threshold)
                            )
                        };
                        format!(
                            "the high end of the total, {}, is over {}{base_note}",
                            currency.display(total.high),
                            currency.display(limit)
                        )
                    })
                })
            }
        };
        if let Some(trigger) = trigger {
            approvals.push(Approval {
                rule: rule.id.clone(),
                approver: rule.approver.clone(),
                reason: format!("{} ({trigger})", rule.reason),
                label: rule.label.clone(),
                example: rule.example,
            });
        }
    }
    approvals
}

/// A line's discount as a percentage of its gross, at the high end.
fn line_discount_percent(line: &QuoteLine) -> Option<Decimal> {
    let gross = line.gross?.high;
    let discount = line.discount?.high;
    if gross <= Decimal::ZERO || discount <= Decimal::ZERO {
        return None;
    }
    discount
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(gross)
        .map(|p| p.round_dp(2))
}

/// An amount at no fewer decimals than the currency's minor units (never rounded).
pub(crate) fn at_scale(amount: Decimal, currency: Currency) -> Decimal {
    let mut scaled = amount;
    if scaled.scale() < currency.minor_units() {
        scaled.rescale(currency.minor_units());
    }
    scaled
}

#[cfg(test)]
mod tests;
