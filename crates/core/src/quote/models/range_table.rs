//! A rough-order-of-magnitude range table: two scoping answers pick a row and a column (a
//! missing answer spans its plausible bands), plus add-ons per started group of a third
//! answer. An answer beyond the table leaves the line to a custom estimate.

use rust_decimal::Decimal;

use crate::catalog::{AddOnRule, Axis, Band};
use crate::field_error::FieldError;
use crate::money::{PriceRange, times};
use crate::quote::trace::{AddOnWords, AxisWords, Count, TraceDetail, TraceStep};
use crate::quote::types::Component;
use crate::quote::wording::plural;
use crate::scope::Answer;

use super::{Ctx, Priced};

/// Looks up the range for the two answers and adds the add-ons; beyond the table, the line
/// has no price and a custom estimate is needed.
pub(super) fn range_table(
    ctx: &Ctx<'_>,
    rows: &Axis,
    columns: &Axis,
    add_ons: &[AddOnRule],
) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new(ctx);
    let row = pick(ctx, rows, &mut priced)?;
    let column = pick(ctx, columns, &mut priced)?;
    let (Some((r0, r1)), Some((c0, c1))) = (span(&row), span(&column)) else {
        let limit = |axis: &Axis| axis.bands.last().and_then(|b| b.to);
        priced.push(
            TraceDetail::BeyondTable {
                axes: Box::new((
                    axis_words(ctx, rows, &row),
                    axis_words(ctx, columns, &column),
                )),
                rows_limit: limit(rows),
                columns_limit: limit(columns),
            },
            None,
        );
        priced.warnings.push(format!(
            "{}: the scope is beyond the rough-order-of-magnitude table; a custom estimate is needed",
            ctx.offering.sku
        ));
        return Ok(priced);
    };
    let (entry, converted) = ctx.prices.entry(&ctx.offering.sku).ok_or_else(|| {
        ctx.error(
            "sku",
            format!(
                "the catalog has no {} estimate table for {}",
                ctx.currency().code(),
                ctx.offering.sku
            ),
        )
    })?;
    if converted {
        priced.push(
            TraceDetail::ConvertedTable {
                tiers: false,
                base_currency: ctx.prices.base_currency,
            },
            None,
        );
    }
    let mut low: Option<Decimal> = None;
    let mut high: Option<Decimal> = None;
    for r in r0..=r1 {
        for c in c0..=c1 {
            let cell = entry
                .table
                .get(r)
                .and_then(|row| row.get(c))
                .ok_or_else(|| ctx.error("sku", format!("the catalog's estimate table for {} has no cell at row {r}, column {c}", ctx.offering.sku)))?;
            low = Some(low.map_or(cell[0], |l| l.min(cell[0])));
            high = Some(high.map_or(cell[1], |h| h.max(cell[1])));
        }
    }
    let currency = ctx.currency();
    let (Some(low), Some(high)) = (low, high) else {
        return Err(ctx.error("sku", "the estimate table is empty"));
    };
    let mut gross = PriceRange {
        low: currency.at_scale(low),
        high: currency.at_scale(high),
    };
    priced.push(
        TraceDetail::RangeTable {
            axes: Box::new((
                axis_words(ctx, rows, &row),
                axis_words(ctx, columns, &column),
            )),
        },
        Some(gross),
    );
    for (index, rule) in add_ons.iter().enumerate() {
        let price = entry.add_ons.get(index).copied().ok_or_else(|| {
            ctx.error(
                "sku",
                format!(
                    "the catalog has no amount for add-on {:?} of {}",
                    rule.label, ctx.offering.sku
                ),
            )
        })?;
        let (groups_low, groups_high, count) = match ctx.number_answer(&rule.question)? {
            Some(count) => {
                let groups = count.div_ceil(rule.per.max(1));
                (groups, groups, Count::Answered(count))
            }
            None => {
                let band = ctx.plausible(&rule.question).unwrap_or(Band {
                    from: 0,
                    to: Some(0),
                });
                priced.missing.push(rule.question.clone());
                (
                    band.from.div_ceil(rule.per.max(1)),
                    band.to.unwrap_or(band.from).div_ceil(rule.per.max(1)),
                    Count::Missing(band),
                )
            }
        };
        let add = PriceRange {
            low: times(price, groups_low).ok_or_else(|| ctx.overflow())?,
            high: times(price, groups_high).ok_or_else(|| ctx.overflow())?,
        };
        let before = gross;
        gross = gross
            .checked_add(add)
            .ok_or_else(|| ctx.overflow())?
            .at_scale(currency);
        let groups = if groups_low == groups_high {
            format!("{groups_low} started {}", plural("group", groups_low))
        } else {
            format!("{groups_low}–{groups_high} started groups")
        };
        priced.trace.push(TraceStep::new(
            TraceDetail::AddOn(Box::new(AddOnWords {
                question: rule.question.clone(),
                count,
                groups: (groups_low, groups_high),
                per: rule.per,
                label: rule.label.clone(),
                price,
                amount: add,
            })),
            currency,
            Some(before),
            Some(gross),
        ));
        if groups_high > 0 {
            priced.components.push(Component {
                sku: ctx.offering.sku.clone(),
                description: format!("{groups}: {}", rule.label),
                quantity: Decimal::from(groups_high),
                unit_price: currency.at_scale(price),
                amount: currency.at_scale(add.high),
            });
        }
    }
    priced.gross = Some(gross);
    Ok(priced)
}

/// Where an answer falls on a table axis.
enum Pick {
    /// In band `index`.
    Band(usize),
    /// Unanswered: anywhere from band `from` to band `to`.
    Span(usize, usize, Band),
    /// Answered, but outside every band.
    Outside(u64),
}

fn pick(ctx: &Ctx<'_>, axis: &Axis, priced: &mut Priced) -> Result<Pick, Vec<FieldError>> {
    match ctx.number_answer(&axis.question)? {
        Some(value) => Ok(axis
            .bands
            .iter()
            .position(|b| b.contains(value))
            .map_or(Pick::Outside(value), Pick::Band)),
        None => {
            let all = Band {
                from: axis.bands.first().map_or(0, |b| b.from),
                to: axis.bands.last().and_then(|b| b.to),
            };
            let band = ctx.plausible(&axis.question).unwrap_or(all);
            let first = axis
                .bands
                .iter()
                .position(|b| b.to.is_none_or(|to| to >= band.from))
                .unwrap_or(0);
            let last = axis
                .bands
                .iter()
                .rposition(|b| band.to.is_none_or(|to| b.from <= to))
                .unwrap_or(axis.bands.len().saturating_sub(1));
            priced.missing.push(axis.question.clone());
            Ok(Pick::Span(first, last.max(first), band))
        }
    }
}

fn span(pick: &Pick) -> Option<(usize, usize)> {
    match pick {
        Pick::Band(i) => Some((*i, *i)),
        Pick::Span(a, b, _) => Some((*a, *b)),
        Pick::Outside(_) => None,
    }
}

fn axis_words(ctx: &Ctx<'_>, axis: &Axis, pick: &Pick) -> AxisWords {
    let question = axis.question.clone();
    match pick {
        Pick::Band(i) => AxisWords::Band {
            value: ctx
                .scope
                .answers
                .get(&axis.question)
                .and_then(Answer::as_number)
                .unwrap_or(0),
            band: axis
                .bands
                .get(*i)
                .copied()
                .unwrap_or(Band { from: 0, to: None }),
            question,
        },
        Pick::Span(_, _, band) => AxisWords::Missing {
            text: ctx
                .catalog
                .question(&axis.question)
                .map_or_else(|| axis.question.clone(), |q| q.text.clone()),
            band: *band,
            question,
        },
        Pick::Outside(value) => AxisWords::Outside {
            question,
            value: *value,
        },
    }
}
