//! Pricing a scope against a catalog: the [`Quote`].
//!
//! The order of operations is fixed and documented, so a salesperson can redo any line by
//! hand:
//!
//! 1. **Unit price** from the quote currency's price book (or converted from the base book
//!    at its dated rate, rounded once).
//! 2. **Quantity** from the pricing model: classes and seat add-ons, blocks of hours, tiers,
//!    effort by role, a range-table lookup, or a percentage of the other lines.
//! 3. **Round** the line's gross to the currency's minor units with the catalog's rounding
//!    mode (time and materials per role first; a percentage line its percentage).
//! 4. **Line discount** on the rounded gross, a percentage or an amount (never more than the
//!    line), **rounded** once to the net; the discount is gross − net of the rounded
//!    amounts, so a rounding difference is never shown as a discount.
//! 5. **Sum** the nets into the subtotal.
//! 6. **Quote discount** (a percentage of the subtotal), **rounded** once, and allocated back
//!    to the lines by largest remainder so the line totals add up to the quote total exactly.
//!
//! On-site travel and expenses are never folded into a fee: they are separate `expense`
//! lines, summed into `expenses_estimate`, billed at actual cost. Lines without a list price
//! are `custom`: they are left out of the total and the quote says a custom estimate is
//! needed. Every line carries a trace of each rule applied, in words.

mod approvals;
mod component;
mod included;
mod item_check;
mod line;
mod list_price;
mod models;
mod prices;
mod trace;
mod types;
mod wording;

pub use component::{Component, ComponentDescription};
pub use item_check::{edited_item_errors, item_errors};
pub use list_price::{ListPrice, ModePrice, list_price};
pub use trace::{Trace, TraceStep};
pub use types::{
    Approval, LineKind, Paperwork, Quote, QuoteDiscount, QuoteError, QuoteLine, QuoteOptions,
    Routing,
};

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::catalog::{Catalog, DeliveryMode, Offering, SaleForm};
use crate::condition::included_skus;
use crate::field_error::FieldPath;
use crate::license;
use crate::money::{Currency, PriceRange, allocate, percent_of};
use crate::scope::Scope;
use crate::scoping::answer_errors;

use line::Draft;
use prices::PriceList;

/// The problem named when a line's amounts overflow once discounted or summed.
const OVERFLOW: &str = "the amounts are too large to price exactly; check quantities and prices";

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
                catalog.currency_list()
            ),
        )
    })?;

    // Answers are checked as recommend, plan and the SOW request check them; every item is
    // still priced, so one run names every problem of the scope.
    let mut errors = answer_errors(catalog, scope);
    let mut item_errors = Vec::new();
    let mut drafts: Vec<Draft<'_>> = Vec::with_capacity(scope.items.len());
    // Each line is written once, here, and finished in place: one per item, an expense line
    // after each item delivered on site, then the item's included lines.
    let line_count = line_count(scope);
    let mut lines = Vec::with_capacity(line_count);
    // The steps of every line, one after the other: about four a line.
    let mut steps = Vec::with_capacity(line_count.saturating_mul(4));
    let inputs = models::QuoteInputs::new(catalog, &prices, scope, options);
    for (index, item) in scope.items.iter().enumerate() {
        match models::draft(&inputs, index, item, &mut lines, &mut steps) {
            Ok(draft) => drafts.push(draft),
            Err(mut problems) => item_errors.append(&mut problems),
        }
    }
    errors.extend_after_answer_check(item_errors.into());
    if !errors.is_empty() {
        return Err(QuoteError { errors });
    }
    let overflow = |field: FieldPath| QuoteError::single(field, OVERFLOW);
    if let Some(field) = drafts.iter().find_map(Draft::overflow) {
        return Err(overflow(field));
    }
    // Percentage lines are priced on the other lines' nets, then discounted like any line;
    // their steps come after every other line's.
    if drafts.iter().any(Draft::is_percent) {
        let nets: Vec<(&str, Option<PriceRange>, bool)> = drafts
            .iter()
            .map(|d| {
                // The catalog's offering, not a borrow of the draft: the drafts change below
                // while `nets` is read.
                let offering: &Offering = d.offering;
                let net = lines.get(d.line).and_then(|line| line.net);
                (offering.category.as_str(), net, d.is_percent())
            })
            .collect();
        let quote_percent = scope.quote_discount_percent.unwrap_or(Decimal::ZERO);
        for draft in drafts.iter_mut().filter(|d| d.is_percent()) {
            draft.resume(&mut lines, &mut steps).map_err(overflow)?;
            models::price_on_other_lines(draft, &mut lines, &mut steps, &nets, &prices)
                .map_err(overflow)?;
            draft.discount(&mut lines, &mut steps, &prices, quote_percent);
            if let Some(field) = draft.overflow() {
                return Err(overflow(field));
            }
        }
    }
    assemble(catalog, scope, &prices, drafts, lines, steps).map_err(overflow)
}

/// How many lines the scope's quote is likely to have, to allocate them once: one per item,
/// one more per item chosen on site, and the included items chosen (an item on site by its
/// offering's default, not by choice, may grow the lines once).
fn line_count(scope: &Scope) -> usize {
    let extra: usize = scope
        .items
        .iter()
        .map(|item| usize::from(item.delivery == Some(DeliveryMode::OnSite)) + item.included.len())
        .sum();
    scope.items.len() + extra
}

fn quote_currency(catalog: &Catalog, scope: &Scope) -> Result<Currency, QuoteError> {
    match &scope.currency {
        None => Ok(catalog.base_currency()),
        Some(code) => Currency::from_code(code).ok_or_else(|| {
            QuoteError::single(
                "currency",
                format!(
                    "unknown currency {code:?}; available: {}",
                    catalog.currency_list()
                ),
            )
        }),
    }
}

/// Sums, applies the quote discount, allocates it, adds expenses, approvals and routing.
fn assemble(
    catalog: &Catalog,
    scope: &Scope,
    prices: &PriceList<'_>,
    drafts: Vec<Draft<'_>>,
    mut lines: Vec<QuoteLine>,
    mut steps: Vec<TraceStep>,
) -> Result<Quote, FieldPath> {
    let currency = prices.currency;
    let mode = prices.mode;
    let no_share = currency.zero();
    let zero = PriceRange::firm(no_share);

    let mut subtotal = zero;
    for net in drafts.iter().filter_map(|d| lines.get(d.line)?.net) {
        subtotal = subtotal.checked_add(net).ok_or("subtotal")?;
    }
    let percent = scope.quote_discount_percent.unwrap_or(Decimal::ZERO);
    let discount_amount = subtotal
        .try_map(|end| Some(currency.round(percent_of(end, percent)?, mode)))
        .ok_or("quote_discount_percent")?;
    let total = subtotal
        .checked_sub(discount_amount)
        .ok_or("quote_discount_percent")?;

    let (shares_low, shares_high) =
        allocate_quote_discount(&drafts, &lines, discount_amount, currency)
            .ok_or("quote_discount_percent")?;

    let mut missing_answers: Vec<String> = Vec::new();
    // Licence shortfalls first: they decide whether the deal can go ahead at all.
    let with_offerings = drafts
        .iter()
        .filter_map(|d| Some((scope.items.get(d.item)?, d.offering)));
    let included = included_skus(with_offerings).filter_map(|sku| catalog.offering_shared(sku));
    let offerings = drafts
        .iter()
        .map(|d| (d.offering, d.names))
        .chain(included)
        .map(|(offering, names)| (names.position, offering));
    let mut warnings = license::quote_warnings(catalog, scope, offerings);
    warnings.reserve(drafts.iter().map(|d| d.warnings.len()).sum::<usize>());
    let mut custom_sow = false;
    let mut standard = false;
    let mut custom_estimate_needed = false;
    for (index, mut draft) in drafts.into_iter().enumerate() {
        for id in &draft.missing {
            if !missing_answers.iter().any(|known| **known == **id) {
                missing_answers.push(id.to_string());
            }
        }
        warnings.append(&mut draft.warnings);
        let unpriced = lines
            .get(draft.line)
            .is_none_or(|line| line.gross.is_none());
        if draft.offering.sale == SaleForm::CustomSow || unpriced {
            custom_sow = true;
        } else {
            standard = true;
        }
        custom_estimate_needed |= unpriced;
        let share = PriceRange {
            low: shares_low.get(index).copied().unwrap_or(no_share),
            high: shares_high.get(index).copied().unwrap_or(no_share),
        };
        draft
            .finish(&mut lines, &mut steps, share, percent, currency)
            .ok_or("lines")?;
    }
    // Every step is written: the lines read theirs from the quote's.
    let steps = Arc::new(steps);
    for line in &mut lines {
        line.trace.attach(&steps);
    }
    let mut expenses = zero;
    for line in lines.iter().filter(|line| line.kind == LineKind::Expense) {
        if let Some(amount) = line.total {
            expenses = expenses.checked_add(amount).ok_or("expenses")?;
        }
    }

    let approvals = approvals::approvals(catalog, prices, &lines, percent, total);
    let routing = approvals::routing(standard, custom_sow);
    Ok(Quote {
        currency,
        minor_units: currency.minor_units(),
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
    lines: &[QuoteLine],
    discount: PriceRange,
    currency: Currency,
) -> Option<(Vec<Decimal>, Vec<Decimal>)> {
    // No discount: every share is zero, which a missing share stands for.
    if discount.low.is_zero() && discount.high.is_zero() {
        return Some((Vec::new(), Vec::new()));
    }
    let nets = || {
        drafts
            .iter()
            .map(|d| lines.get(d.line).and_then(|line| line.net))
    };
    let low_weights: Vec<Decimal> = nets()
        .map(|net| net.map_or(Decimal::ZERO, |n| n.low))
        .collect();
    let low = allocate(discount.low, &low_weights, currency)?;
    let extra = discount.high.checked_sub(discount.low)?;
    if extra.is_zero() {
        // A firm discount (every line firm, or spreads too small to round to a minor
        // unit): no line takes more at the high end than at the low.
        return Some((low.clone(), low));
    }
    let spreads: Vec<Decimal> = nets()
        .map(|net| net.map_or(Decimal::ZERO, |n| n.high - n.low))
        .collect();
    let extra = allocate(extra, &spreads, currency)?;
    let high = low
        .iter()
        .zip(&extra)
        .map(|(l, e)| l.checked_add(*e))
        .collect::<Option<Vec<_>>>()?;
    Some((low, high))
}

#[cfg(test)]
mod tests;
