//! A rough-order-of-magnitude range table: two scoping answers pick a row and a column (a
//! missing answer spans its plausible bands), plus add-ons per started group of a third
//! answer. An answer beyond the table leaves the line to a custom estimate.

use std::borrow::Cow;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::catalog::{AddOnRule, Axis, AxisNames, Band, TableNames};
use crate::field_error::FieldError;
use crate::money::{PriceRange, thousands, times};
use crate::quote::component::{Component, ComponentDescription};
use crate::quote::trace::{AddOnWords, AxisReading, AxisWords, Count, TraceDetail, TraceStep};

use super::{Ctx, Priced};

/// Looks up the range for the two answers and adds the add-ons; beyond the table, the line
/// has no price and a custom estimate is needed.
pub(super) fn range_table(
    ctx: &Ctx<'_>,
    rows: &Axis,
    columns: &Axis,
    add_ons: &[AddOnRule],
    priced: &mut Priced,
) -> Result<(), Vec<FieldError>> {
    // The catalog shares the table's names with every line; built here only for an offering
    // the catalog did not see (never, for a checked catalog).
    let names = match ctx.names.table.as_deref() {
        Some(names) => Cow::Borrowed(names),
        None => Cow::Owned(TableNames::new(rows, columns, add_ons, |id| {
            ctx.catalog.question(id)
        })),
    };
    let row = pick(ctx, rows, &names.rows, priced)?;
    let column = pick(ctx, columns, &names.columns, priced)?;
    let (Some((r0, r1)), Some((c0, c1))) = (span(&row), span(&column)) else {
        let limit = |axis: &Axis| axis.bands.last().and_then(|b| b.to);
        priced.push(
            TraceDetail::BeyondTable {
                axes: Box::new((
                    axis_words(rows, &names.rows, &row),
                    axis_words(columns, &names.columns, &column),
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
        return Ok(());
    };
    let (entry, converted) = ctx.prices.entry(ctx.key()).ok_or_else(|| {
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
                axis_words(rows, &names.rows, &row),
                axis_words(columns, &names.columns, &column),
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
        let add_on_names = names.add_ons.get(index);
        let shared =
            |own: &str, name: Option<&Arc<str>>| name.cloned().unwrap_or_else(|| Arc::from(own));
        let question = shared(&rule.question, add_on_names.map(|n| &n.question));
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
                priced.missing.push(question.clone());
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
        let label = shared(&rule.label, add_on_names.map(|n| &n.label));
        priced.trace.push(TraceStep::new(
            TraceDetail::AddOn(Box::new(AddOnWords {
                question,
                count,
                groups: (groups_low, groups_high),
                per: rule.per,
                label: label.clone(),
                price,
                amount: add,
            })),
            currency,
            Some(before),
            Some(gross),
        ));
        if groups_high > 0 {
            priced.components.push(Component {
                sku: ctx.names.sku.clone(),
                description: ComponentDescription::groups(groups_low, groups_high, label),
                quantity: Decimal::from(groups_high),
                unit_price: currency.at_scale(price),
                amount: currency.at_scale(add.high),
            });
        }
    }
    priced.gross = Some(gross);
    Ok(())
}

/// Where an answer falls on a table axis.
enum Pick {
    /// The counted value, in band `index`.
    Band(usize, Counted),
    /// Not all answered: anywhere from band `from` to band `to`, the counted value plausibly
    /// in `band`.
    Span(usize, usize, Band),
    /// Answered, but outside every band.
    Outside(u64),
}

/// The value an axis counts: the answer, less the `minus` answer when the axis has one.
struct Counted {
    value: u64,
    /// The answer and the subtracted answer, when the axis subtracts one.
    difference: Option<(u64, u64)>,
}

/// A whole-number answer, or the band it plausibly falls in (recorded as missing).
fn reading(
    ctx: &Ctx<'_>,
    question: &Arc<str>,
    fallback: Band,
    priced: &mut Priced,
) -> Result<Result<u64, Band>, Vec<FieldError>> {
    Ok(match ctx.number_answer(question)? {
        Some(value) => Ok(value),
        None => {
            priced.missing.push(question.clone());
            Err(ctx.plausible(question).unwrap_or(fallback))
        }
    })
}

fn pick(
    ctx: &Ctx<'_>,
    axis: &Axis,
    names: &AxisNames,
    priced: &mut Priced,
) -> Result<Pick, Vec<FieldError>> {
    let all = Band {
        from: axis.bands.first().map_or(0, |b| b.from),
        to: axis.bands.last().and_then(|b| b.to),
    };
    let total = reading(ctx, &names.question, all, priced)?;
    let minus = match &names.minus {
        Some(question) => Some((
            question,
            reading(
                ctx,
                question,
                Band {
                    from: 0,
                    to: Some(0),
                },
                priced,
            )?,
        )),
        None => None,
    };
    let band = match (total, minus) {
        (Ok(value), None) => {
            let counted = Counted {
                value,
                difference: None,
            };
            return Ok(band_of(axis, counted));
        }
        (Ok(total), Some((question, Ok(minus)))) => {
            if minus > total {
                priced.warnings.push(format!(
                    "{}: {question} ({}) is more than {} ({}); the table counts none left",
                    ctx.offering.sku,
                    thousands(minus),
                    axis.question,
                    thousands(total)
                ));
            }
            let counted = Counted {
                value: total.saturating_sub(minus),
                difference: Some((total, minus)),
            };
            return Ok(band_of(axis, counted));
        }
        (Err(band), None) => band,
        (total, Some((_, minus))) => {
            // Whatever is unanswered spans its plausible band: the difference runs from the
            // smallest total less the largest subtraction to the largest total less the
            // smallest subtraction.
            let total = total.map_or_else(
                |band| band,
                |v| Band {
                    from: v,
                    to: Some(v),
                },
            );
            let minus = minus.map_or_else(
                |band| band,
                |v| Band {
                    from: v,
                    to: Some(v),
                },
            );
            Band {
                from: minus.to.map_or(0, |most| total.from.saturating_sub(most)),
                to: total.to.map(|to| to.saturating_sub(minus.from)),
            }
        }
    };
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
    Ok(Pick::Span(first, last.max(first), band))
}

fn band_of(axis: &Axis, counted: Counted) -> Pick {
    match axis.bands.iter().position(|b| b.contains(counted.value)) {
        Some(index) => Pick::Band(index, counted),
        None => Pick::Outside(counted.value),
    }
}

fn span(pick: &Pick) -> Option<(usize, usize)> {
    match pick {
        Pick::Band(i, _) => Some((*i, *i)),
        Pick::Span(a, b, _) => Some((*a, *b)),
        Pick::Outside(_) => None,
    }
}

fn axis_words(axis: &Axis, names: &AxisNames, pick: &Pick) -> AxisWords {
    let reading = match pick {
        Pick::Band(i, counted) => AxisReading::Band {
            value: counted.value,
            band: axis
                .bands
                .get(*i)
                .copied()
                .unwrap_or(Band { from: 0, to: None }),
            difference: counted.difference,
        },
        Pick::Span(_, _, band) => AxisReading::Missing { band: *band },
        Pick::Outside(value) => AxisReading::Outside { value: *value },
    };
    AxisWords {
        names: names.clone(),
        reading,
    }
}

#[cfg(test)]
mod tests;
