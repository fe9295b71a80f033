//! A percentage of the other lines' nets (e.g. project management): a placeholder while the
//! items are priced, then priced on the nets of the lines of its categories (all priced lines
//! when it names none), percentage lines left out, and rounded to the currency.

use crate::field_error::FieldPath;
use crate::money::{PriceRange, percent_of};
use crate::quote::line::Draft;
use crate::quote::prices::PriceList;
use crate::quote::trace::{TraceDetail, TraceStep};
use crate::quote::types::QuoteLine;

use super::{Ctx, Priced};

/// The line before the others are priced: a firm zero.
pub(super) fn placeholder(ctx: &Ctx<'_>, priced: &mut Priced) {
    priced.gross = Some(PriceRange::firm(ctx.currency().zero()));
}

/// Prices a percent-of-subtotal line on `nets`, each line's (category, net, is a percentage
/// line); the error names the line when the amounts overflow.
pub(in crate::quote) fn price_on_other_lines(
    draft: &Draft<'_>,
    lines: &mut [QuoteLine],
    steps: &mut Vec<TraceStep>,
    nets: &[(&str, Option<PriceRange>, bool)],
    prices: &PriceList<'_>,
) -> Result<(), FieldPath> {
    let Some((percent, categories)) = draft.percent_of_subtotal else {
        return Ok(());
    };
    let field = || FieldPath::item(draft.item, "");
    let line = lines.get_mut(draft.line).ok_or_else(field)?;
    let currency = prices.currency;
    let mut basis = PriceRange::firm(currency.zero());
    for (category, net, is_percent) in nets {
        if *is_percent || !(categories.is_empty() || categories.iter().any(|c| c == category)) {
            continue;
        }
        if let Some(net) = net {
            basis = basis.checked_add(*net).ok_or_else(field)?;
        }
    }
    let gross = basis
        .try_map(|end| Some(currency.round(percent_of(end, percent)?, prices.mode)))
        .ok_or_else(field)?;
    let step = TraceStep::new(
        TraceDetail::PercentOfSubtotal {
            percent,
            categories: categories.into(),
            basis,
        },
        currency,
        None,
        Some(gross),
    );
    line.trace.push(steps, step).ok_or_else(field)?;
    line.gross = Some(gross);
    Ok(())
}
