//! Line assembly: each priced line is written once, into the quote's lines, and finished
//! there. The line discount is applied and the net rounded, once per line, as soon as the
//! line is priced, and a slot is left as its last step for its share of the quote discount;
//! once every line is priced, the line takes its share and the slot is filled. A [`Draft`]
//! holds what pricing still needs and the line does not: where the line is, what it is
//! priced from, how it is discounted and billed.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::prices::PriceList;
use super::trace::{Trace, TraceDetail, TraceStep};
use super::types::{LineKind, QuoteLine};
use crate::catalog::{Offering, SharedNames};
use crate::field_error::FieldPath;
use crate::money::{Currency, PriceRange, is_positive, percent_of};

/// A line being priced.
pub(super) struct Draft<'c> {
    /// Where the line is in the quote's lines (its expense and included lines follow it).
    pub(super) line: usize,
    pub(super) item: usize,
    /// The offering priced.
    pub(super) offering: &'c Offering,
    /// The offering's SKU and name as the catalog shares them with the line.
    pub(super) names: &'c SharedNames,
    pub(super) missing: Vec<Arc<str>>,
    pub(super) warnings: Vec<String>,
    /// A percent-of-subtotal line's percentage and the categories it counts; it is priced
    /// once the other lines have their nets.
    pub(super) percent_of_subtotal: Option<(Decimal, &'c [String])>,
    pub(super) line_discount: LineDiscount,
    /// How the offering's pricing model bills a priced line.
    pub(super) billing: Billing,
    /// A percent-of-subtotal line's steps so far, kept aside until it is priced (its steps
    /// are then written after every other line's).
    pub(super) waiting_steps: Vec<TraceStep>,
    /// Whether the amounts overflowed when the line discount was applied: the quote cannot
    /// be priced, which is said once the other items are checked ([`Draft::overflow`]).
    pub(super) overflowed: bool,
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

/// A scope item's line discount: none, a percentage of the gross, or an amount.
#[derive(Clone, Copy)]
pub(super) enum LineDiscount {
    None,
    Percent(Decimal),
    Amount(Decimal),
}

impl Draft<'_> {
    /// Whether this is a percent-of-subtotal line, priced after the others.
    pub(super) fn is_percent(&self) -> bool {
        self.percent_of_subtotal.is_some()
    }

    /// Applies the line discount ([`Draft::apply_line_discount`]) and leaves the slot for the
    /// line's share of the quote discount, or records where the amounts overflowed.
    pub(super) fn discount(
        &mut self,
        lines: &mut [QuoteLine],
        steps: &mut Vec<TraceStep>,
        prices: &PriceList<'_>,
        quote_percent: Decimal,
    ) {
        let discounted = self
            .apply_line_discount(lines, steps, prices)
            .and_then(|()| self.reserve_quote_discount(lines, steps, quote_percent, prices));
        self.overflowed = discounted.is_err();
    }

    /// The field named when the line's amounts overflowed, if they did.
    pub(super) fn overflow(&self) -> Option<FieldPath> {
        self.overflowed.then(|| FieldPath::item(self.item, ""))
    }

    /// Sets a percent-of-subtotal line's steps aside until the other lines are priced.
    pub(super) fn wait_for_other_lines(
        &mut self,
        lines: &mut [QuoteLine],
        steps: &mut Vec<TraceStep>,
    ) {
        if let Some(line) = lines.get_mut(self.line) {
            let first = line.trace.first_step().min(steps.len());
            self.waiting_steps = steps.split_off(first);
            line.trace = Trace::starting_at(steps.len());
        }
    }

    /// A percent-of-subtotal line's steps set aside, written now after every other line's.
    pub(super) fn resume(
        &mut self,
        lines: &mut [QuoteLine],
        steps: &mut Vec<TraceStep>,
    ) -> Result<(), FieldPath> {
        let field = || FieldPath::item(self.item, "");
        let line = lines.get_mut(self.line).ok_or_else(field)?;
        line.trace = Trace::starting_at(steps.len());
        for step in std::mem::take(&mut self.waiting_steps) {
            line.trace.push(steps, step).ok_or_else(field)?;
        }
        Ok(())
    }

    /// The slot for the line's share of the quote discount, its last step, filled by
    /// [`Draft::finish`]: a line with a net takes the step when the quote has a discount.
    fn reserve_quote_discount(
        &self,
        lines: &mut [QuoteLine],
        steps: &mut Vec<TraceStep>,
        quote_percent: Decimal,
        prices: &PriceList<'_>,
    ) -> Result<(), FieldPath> {
        let field = || FieldPath::item(self.item, "");
        let line = lines.get_mut(self.line).ok_or_else(field)?;
        let Some(net) = line.net else {
            return Ok(());
        };
        if is_positive(&quote_percent) {
            // Any share will do: `finish` writes the line's own.
            let slot = TraceStep::new(
                TraceDetail::QuoteDiscount {
                    percent: quote_percent,
                    share: PriceRange::firm(Decimal::ZERO),
                },
                prices.currency,
                Some(net),
                Some(net),
            );
            line.trace.push(steps, slot).ok_or_else(field)?;
        }
        Ok(())
    }

    /// Rounds the gross to the currency (the list amount the line shows), applies the line
    /// discount to it and rounds the net. The discount is the rounded gross less the rounded
    /// net, so gross − discount = net exactly as printed, and a line without a discount has a
    /// discount of zero: a rounding difference is never shown as a discount.
    fn apply_line_discount(
        &self,
        lines: &mut [QuoteLine],
        steps: &mut Vec<TraceStep>,
        prices: &PriceList<'_>,
    ) -> Result<(), FieldPath> {
        let field = || FieldPath::item(self.item, "");
        let line = lines.get_mut(self.line).ok_or_else(field)?;
        let Some(exact) = line.gross else {
            return Ok(());
        };
        let currency = prices.currency;
        let mode = prices.mode;
        let gross = exact.round(currency, mode);
        if gross != exact {
            let step = TraceStep::new(
                TraceDetail::Rounding { mode },
                currency,
                Some(exact),
                Some(gross),
            );
            line.trace.push(steps, step).ok_or_else(field)?;
        }
        let (discounted, detail) = match self.line_discount {
            LineDiscount::None => {
                // No discount: the net is the rounded gross, and the discount is zero.
                line.gross = Some(gross);
                line.discount = Some(PriceRange::firm(currency.zero()));
                line.net = Some(gross);
                return Ok(());
            }
            LineDiscount::Percent(percent) => (
                gross
                    .try_map(|end| end.checked_sub(percent_of(end, percent)?))
                    .ok_or_else(field)?,
                TraceDetail::LineDiscountPercent { percent },
            ),
            LineDiscount::Amount(amount) => (
                gross
                    .try_map(|end| Some((end - amount.min(end)).max(Decimal::ZERO)))
                    .ok_or_else(field)?,
                TraceDetail::LineDiscountAmount {
                    amount,
                    capped: amount > gross.low,
                },
            ),
        };
        let net = discounted.round(currency, mode);
        let step = TraceStep::new(detail, currency, Some(gross), Some(net));
        line.trace.push(steps, step).ok_or_else(field)?;
        line.gross = Some(gross);
        // Both are rounded to exactly the currency's minor units, and so is their difference.
        line.discount = Some(gross.checked_sub(net).ok_or_else(field)?);
        line.net = Some(net);
        Ok(())
    }

    /// Finishes the line with its share of the quote discount: its kind, its total and the
    /// quote-discount step, in the slot the line left for it.
    pub(super) fn finish(
        &self,
        lines: &mut [QuoteLine],
        steps: &mut [TraceStep],
        share: PriceRange,
        quote_percent: Decimal,
        currency: Currency,
    ) -> Option<()> {
        let line = lines.get_mut(self.line)?;
        line.kind = match (line.gross, self.billing) {
            (None, _) => LineKind::Custom,
            (Some(_), Billing::Estimate) => LineKind::Estimate,
            (Some(_), Billing::TimeAndMaterials) => LineKind::TimeAndMaterials,
            (Some(_), Billing::Recurring) => LineKind::Recurring,
            (Some(g), Billing::FixedFee) if g.is_firm() => LineKind::Firm,
            (Some(_), Billing::FixedFee) => LineKind::Range,
        };
        if let Some(net) = line.net {
            let total = net.checked_sub(share)?;
            if is_positive(&quote_percent) {
                let slot = line.trace.last_mut(steps)?;
                if slot.step() != "quote_discount" {
                    return None;
                }
                *slot = TraceStep::new(
                    TraceDetail::QuoteDiscount {
                        percent: quote_percent,
                        share,
                    },
                    currency,
                    Some(net),
                    Some(total),
                );
            }
            line.quote_discount = Some(share);
            line.total = Some(total);
        }
        Some(())
    }
}
