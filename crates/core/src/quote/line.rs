//! Line assembly: a priced draft becomes a [`QuoteLine`]. The line discount is applied and
//! the net rounded, once per line; then the line takes its share of the quote discount and
//! its trace is finished. Expense lines are assembled here too, undiscounted.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::component::Component;
use super::prices::PriceList;
use super::trace::{TraceDetail, TraceStep};
use super::types::{LineKind, QuoteLine};
use crate::catalog::{DeliveryMode, Offering, SaleForm, SharedNames};
use crate::field_error::FieldPath;
use crate::money::{Currency, PriceRange, percent_of};

/// A line being priced.
pub(super) struct Draft<'c> {
    pub(super) item: usize,
    /// The offering priced: its SKU, name and category are read from it, not copied, until
    /// the line is finished.
    pub(super) offering: &'c Offering,
    /// The offering's SKU and name as the catalog shares them with the line.
    pub(super) names: &'c SharedNames,
    pub(super) sale: SaleForm,
    pub(super) delivery: Option<DeliveryMode>,
    pub(super) quantity: u64,
    pub(super) quantity_high: Option<u64>,
    pub(super) unit: Arc<str>,
    pub(super) unit_price: Option<Decimal>,
    pub(super) components: Vec<Component>,
    pub(super) gross: Option<PriceRange>,
    pub(super) discount: Option<PriceRange>,
    pub(super) net: Option<PriceRange>,
    pub(super) trace: Vec<TraceStep>,
    pub(super) missing: Vec<Arc<str>>,
    pub(super) warnings: Vec<String>,
    pub(super) expense: Option<Box<ExpenseDraft>>,
    /// A percent-of-subtotal line's percentage and the categories it counts; it is priced
    /// once the other lines have their nets.
    pub(super) percent_of_subtotal: Option<(Decimal, Vec<String>)>,
    pub(super) line_discount: LineDiscount,
    pub(super) currency: Currency,
    /// How the offering's pricing model bills a priced line.
    pub(super) billing: Billing,
}

/// How a priced line is billed, from its offering's pricing model.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Billing {
    /// A fixed fee (firm, or a range while answers are missing).
    FixedFee,
    /// An estimate table's range: an estimate, not a fee.
    Estimate,
    /// Time and materials: billed as delivered.
    TimeAndMaterials,
    /// A monthly fee over a term.
    Recurring,
}

/// The travel-and-expenses line that follows an on-site line.
#[derive(Clone)]
pub(super) struct ExpenseDraft {
    pub(super) item: usize,
    pub(super) sku: Arc<str>,
    pub(super) name: Arc<str>,
    pub(super) sale: SaleForm,
    pub(super) delivery: DeliveryMode,
    /// Trips (low, high).
    pub(super) trips: (u64, u64),
    /// `trip`.
    pub(super) unit: Arc<str>,
    pub(super) amount: PriceRange,
    pub(super) trace: Vec<TraceStep>,
}

/// A scope item's line discount: none, a percentage of the gross, or an amount.
#[derive(Clone, Copy)]
pub(super) enum LineDiscount {
    None,
    Percent(Decimal),
    Amount(Decimal),
}

impl ExpenseDraft {
    /// The expense line: billed at actual cost, never discounted.
    pub(super) fn into_line(self) -> QuoteLine {
        QuoteLine {
            item: self.item,
            sku: self.sku,
            name: self.name,
            kind: LineKind::Expense,
            sale: self.sale,
            delivery: Some(self.delivery),
            quantity: self.trips.0,
            quantity_high: (self.trips.1 != self.trips.0).then_some(self.trips.1),
            unit: self.unit,
            unit_price: None,
            components: Vec::new(),
            gross: Some(self.amount),
            discount: None,
            net: Some(self.amount),
            quote_discount: None,
            total: Some(self.amount),
            trace: self.trace,
        }
    }
}

impl Draft<'_> {
    /// Whether this is a percent-of-subtotal line, priced after the others.
    pub(super) fn is_percent(&self) -> bool {
        self.percent_of_subtotal.is_some()
    }

    /// Rounds the gross to the currency (the list amount the line shows), applies the line
    /// discount to it and rounds the net. The discount is the rounded gross less the rounded
    /// net, so gross − discount = net exactly as printed, and a line without a discount has a
    /// discount of zero: a rounding difference is never shown as a discount.
    pub(super) fn apply_line_discount(&mut self, prices: &PriceList<'_>) -> Result<(), FieldPath> {
        let Some(exact) = self.gross else {
            return Ok(());
        };
        let field = || FieldPath::item(self.item, "");
        let currency = prices.currency;
        let mode = prices.mode;
        let gross = exact.round(currency, mode);
        if gross != exact {
            self.trace.push(TraceStep::new(
                TraceDetail::Rounding { mode },
                currency,
                Some(exact),
                Some(gross),
            ));
        }
        let discounted = match self.line_discount {
            LineDiscount::None => gross,
            LineDiscount::Percent(p) => gross
                .try_map(|end| end.checked_sub(percent_of(end, p)?))
                .ok_or_else(field)?,
            LineDiscount::Amount(a) => gross
                .try_map(|end| Some((end - a.min(end)).max(Decimal::ZERO)))
                .ok_or_else(field)?,
        };
        let net = discounted.round(currency, mode);
        let detail = match self.line_discount {
            LineDiscount::None => None,
            LineDiscount::Percent(percent) => Some(TraceDetail::LineDiscountPercent { percent }),
            LineDiscount::Amount(amount) => Some(TraceDetail::LineDiscountAmount {
                amount,
                capped: amount > gross.low,
            }),
        };
        if let Some(detail) = detail {
            self.trace
                .push(TraceStep::new(detail, currency, Some(gross), Some(net)));
        }
        self.gross = Some(gross);
        self.discount = Some(
            gross
                .checked_sub(net)
                .ok_or_else(field)?
                .round(currency, mode),
        );
        self.net = Some(net);
        Ok(())
    }

    /// The finished line, with its share of the quote discount.
    pub(super) fn finish(mut self, share: PriceRange, quote_percent: Decimal) -> Option<QuoteLine> {
        let currency = self.currency;
        let kind = match (self.gross, self.billing) {
            (None, _) => LineKind::Custom,
            (Some(_), Billing::Estimate) => LineKind::Estimate,
            (Some(_), Billing::TimeAndMaterials) => LineKind::TimeAndMaterials,
            (Some(_), Billing::Recurring) => LineKind::Recurring,
            (Some(g), Billing::FixedFee) if g.is_firm() => LineKind::Firm,
            (Some(_), Billing::FixedFee) => LineKind::Range,
        };
        let (quote_discount, total) = match self.net {
            Some(net) => {
                let total = net.checked_sub(share)?;
                if quote_percent > Decimal::ZERO {
                    self.trace.push(TraceStep::new(
                        TraceDetail::QuoteDiscount {
                            percent: quote_percent,
                            share,
                        },
                        currency,
                        Some(net),
                        Some(total),
                    ));
                }
                (Some(share), Some(total))
            }
            None => (None, None),
        };
        Some(QuoteLine {
            item: self.item,
            sku: self.names.sku.clone(),
            name: self.names.name.clone(),
            kind,
            sale: self.sale,
            delivery: self.delivery,
            quantity: self.quantity,
            quantity_high: self.quantity_high,
            unit: self.unit,
            unit_price: self.unit_price.map(|p| currency.at_scale(p)),
            components: self.components,
            gross: self.gross,
            discount: self.discount,
            net: self.net,
            quote_discount,
            total,
            trace: self.trace,
        })
    }
}
