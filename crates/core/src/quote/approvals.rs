//! What a quote needs before it goes out: the approvals the catalog's rules call for, and
//! the paperwork (order form, custom SOW, or both).

use rust_decimal::Decimal;

use super::prices::PriceList;
use super::types::{Approval, LineKind, Paperwork, QuoteLine, Routing};
use crate::catalog::{ApprovalLines, ApprovalTrigger, Catalog, SaleForm};
use crate::money::{PriceRange, is_positive, percent_text};

/// The paperwork: an order form for standard SKUs, a SOW for custom work, or both.
pub(super) fn routing(standard: bool, custom: bool) -> Routing {
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

/// The approvals the catalog's rules call for, in rule order, each saying what triggered it.
pub(super) fn approvals(
    catalog: &Catalog,
    prices: &PriceList<'_>,
    lines: &[QuoteLine],
    quote_percent: Decimal,
    total: PriceRange,
) -> Vec<Approval> {
    let currency = prices.currency;
    let mut approvals = Vec::new();
    let rules = &catalog.data().approvals;
    let lowest = |kind: fn(&ApprovalTrigger) -> Option<Decimal>| {
        rules.iter().filter_map(|rule| kind(&rule.when)).min()
    };
    let discounted = by_largest(
        lines,
        line_discount,
        lowest(|when| match when {
            ApprovalTrigger::LineDiscountPercentOver(threshold) => Some(*threshold),
            _ => None,
        }),
    );
    let effective = by_largest(
        lines,
        effective_discount,
        lowest(|when| match when {
            ApprovalTrigger::EffectiveDiscountPercentOver(threshold) => Some(*threshold),
            _ => None,
        }),
    );
    let custom_only = |sorted: &[(Decimal, usize)]| -> Vec<(Decimal, usize)> {
        sorted
            .iter()
            .copied()
            .filter(|&(_, index)| lines.get(index).is_some_and(is_custom_work))
            .collect()
    };
    let custom_discounted = custom_only(&discounted);
    let custom_effective = custom_only(&effective);
    let custom_total = custom_work_total(lines, currency);
    for rule in rules {
        let (discounted, effective, total, total_words) = match rule.lines {
            ApprovalLines::All => (&discounted, &effective, Some(total), "the total"),
            ApprovalLines::CustomWork => (
                &custom_discounted,
                &custom_effective,
                custom_total,
                "the custom work",
            ),
        };
        let over = match &rule.when {
            ApprovalTrigger::LineDiscountPercentOver(threshold) => {
                let named = named_over(discounted, lines, *threshold);
                (!named.is_empty()).then(|| Over {
                    measure: "line discount".to_string(),
                    threshold: percent_text(*threshold),
                    found: named.join(", "),
                })
            }
            ApprovalTrigger::EffectiveDiscountPercentOver(threshold) => {
                let named = named_over(effective, lines, *threshold);
                (!named.is_empty()).then(|| Over {
                    measure: "effective discount (line and quote discounts compounded)".to_string(),
                    threshold: percent_text(*threshold),
                    found: named.join(", "),
                })
            }
            ApprovalTrigger::QuoteDiscountPercentOver(threshold) => (quote_percent > *threshold)
                .then(|| Over {
                    measure: "quote discount".to_string(),
                    threshold: percent_text(*threshold),
                    found: percent_text(quote_percent),
                }),
            ApprovalTrigger::TotalHighOver(threshold) => {
                let converted = prices
                    .rate_from_base()
                    .and_then(|rate| threshold.checked_mul(rate));
                converted.zip(total).and_then(|(limit, total)| {
                    (total.high > limit).then(|| {
                        let base_note = if currency == prices.base_currency {
                            String::new()
                        } else {
                            format!(
                                " ({} at the book's fixed rate)",
                                prices.base_currency.display(*threshold)
                            )
                        };
                        Over {
                            measure: format!("high end of {total_words}"),
                            threshold: format!("{}{base_note}", currency.display(limit)),
                            found: currency.display(total.high),
                        }
                    })
                })
            }
        };
        if let Some(over) = over {
            approvals.push(Approval {
                rule: rule.id.clone(),
                approver: rule.approver.clone(),
                reason: format!("{} ({over})", rule.reason),
                label: rule.label.clone(),
                example: rule.example,
            });
        }
    }
    approvals
}

/// What made a rule fire: the measure, the threshold it went over, and what was found over
/// it. Every trigger is put in words by this one rule, `{measure} over {threshold}: {found}`
/// (`line discount over 10%: GL-XPRT at 15%`, `quote discount over 15%: 20%`, `high end of
/// the total over USD 50,000.00: USD 70,000.00`).
struct Over {
    measure: String,
    threshold: String,
    found: String,
}

impl std::fmt::Display for Over {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} over {}: {}",
            self.measure, self.threshold, self.found
        )
    }
}

/// Whether a line is custom work: sold on a custom SOW, and not travel and expenses.
fn is_custom_work(line: &QuoteLine) -> bool {
    line.sale == SaleForm::CustomSow && line.kind != LineKind::Expense
}

/// The custom work's total (after its share of the quote discount), low and high; `None`
/// only when the sum overflows, so the rule cannot be judged.
fn custom_work_total(lines: &[QuoteLine], currency: crate::money::Currency) -> Option<PriceRange> {
    lines
        .iter()
        .filter(|line| is_custom_work(line))
        .filter_map(|line| line.total)
        .try_fold(PriceRange::firm(currency.zero()), |sum, total| {
            sum.checked_add(total)
        })
}

/// The lines' percentages (lines without one left out), computed once and ordered from the
/// largest, so a rule costs a binary search plus the lines it names: pricing stays linear in
/// lines plus rules, not lines times rules. Only lines that can be over `lowest`, the lowest
/// threshold of the rules that read them, are kept (none without such a rule): a percentage
/// at least a hundredth under it stays under it once rounded to hundredths, and telling so
/// takes two multiplications where the percentage takes a division.
fn by_largest(
    lines: &[QuoteLine],
    parts: fn(&QuoteLine) -> Option<(Decimal, Decimal)>,
    lowest: Option<Decimal>,
) -> Vec<(Decimal, usize)> {
    let Some(lowest) = lowest else {
        return Vec::new();
    };
    let margin = lowest.checked_sub(Decimal::new(1, 2));
    let mut sorted: Vec<(Decimal, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| {
            let (discount, gross) = parts(line)?;
            let surely_under = margin
                .and_then(|m| m.checked_mul(gross))
                .zip(discount.checked_mul(Decimal::ONE_HUNDRED))
                .is_some_and(|(limit, scaled)| scaled <= limit);
            if surely_under {
                return None;
            }
            percent_of_gross(discount, gross).map(|p| (p, index))
        })
        .collect();
    sorted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    sorted
}

/// The lines whose percentage is over `threshold`, in line order: `SKU at 27.75%`.
fn named_over(sorted: &[(Decimal, usize)], lines: &[QuoteLine], threshold: Decimal) -> Vec<String> {
    let count = sorted.partition_point(|(percent, _)| *percent > threshold);
    let mut over: Vec<(usize, Decimal)> = sorted
        .iter()
        .take(count)
        .map(|&(percent, index)| (index, percent))
        .collect();
    over.sort_unstable_by_key(|&(index, _)| index);
    over.iter()
        .filter_map(|&(index, percent)| {
            let line = lines.get(index)?;
            Some(format!("{} at {}", line.sku, percent_text(percent)))
        })
        .collect()
}

/// A line's effective discount (gross less its total, after its line discount and its share
/// of the quote discount) and its gross, at the high end; `None` unless both are positive.
fn effective_discount(line: &QuoteLine) -> Option<(Decimal, Decimal)> {
    let gross = line.gross?.high;
    let discount = gross.checked_sub(line.total?.high)?;
    (is_positive(&gross) && is_positive(&discount)).then_some((discount, gross))
}

/// A line's discount and its gross, at the high end; `None` unless both are positive.
fn line_discount(line: &QuoteLine) -> Option<(Decimal, Decimal)> {
    let gross = line.gross?.high;
    let discount = line.discount?.high;
    (is_positive(&gross) && is_positive(&discount)).then_some((discount, gross))
}

/// `discount` as a percentage of `gross`, rounded to hundredths.
fn percent_of_gross(discount: Decimal, gross: Decimal) -> Option<Decimal> {
    discount
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(gross)
        .map(|p| p.round_dp(2))
}

#[cfg(test)]
mod tests;
