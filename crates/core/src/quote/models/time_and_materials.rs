//! Time and materials: effort hours by role at the rate card (each role's amount rounded to
//! the currency), capped at the not-to-exceed amount when one is given; no effort yet leaves
//! the line out of the total.

use rust_decimal::Decimal;

use crate::field_error::FieldError;
use crate::money::PriceRange;
use crate::quote::component::{Component, ComponentDescription};
use crate::quote::trace::{Converted, TraceDetail};

use super::{Ctx, Priced};

/// Prices the effort by role at the rate card, refusing roles the offering does not use.
pub(super) fn time_and_materials(
    ctx: &Ctx<'_>,
    roles: &[String],
    priced: &mut Priced,
) -> Result<(), Vec<FieldError>> {
    let effort = &ctx.item.effort;
    if effort.is_empty() {
        priced.push(TraceDetail::NoEffort, None);
        priced.warnings.push(format!(
            "{}: no effort estimate yet, so the line is not in the total",
            ctx.offering.sku
        ));
        return Ok(());
    }
    let currency = ctx.currency();
    let mut errors = Vec::new();
    let mut total = Decimal::ZERO;
    let mut hours_total = Decimal::ZERO;
    for (role_id, hours) in effort {
        let field = format!("effort.{role_id}");
        if !roles.is_empty() && !roles.contains(role_id) {
            errors.extend(ctx.error(
                &field,
                format!(
                    "{} is staffed by {}; {role_id:?} is not one of its roles",
                    ctx.offering.sku,
                    roles.join(", ")
                ),
            ));
            continue;
        }
        let Some((role, source)) = ctx.prices.role(role_id) else {
            errors.extend(ctx.error(
                &field,
                format!("the {} rate card has no role {role_id:?}", currency.code()),
            ));
            continue;
        };
        priced.push_opt(
            ctx.prices
                .source_detail(&source, role.bill, Converted::ListPrice),
        );
        // Each role's amount is rounded to the currency, so the lines of the effort add up
        // to the line's gross as printed.
        let amount = currency.round(
            role.bill
                .checked_mul(*hours)
                .ok_or_else(|| ctx.overflow())?,
            ctx.prices.mode,
        );
        total = total.checked_add(amount).ok_or_else(|| ctx.overflow())?;
        hours_total = hours_total
            .checked_add(*hours)
            .ok_or_else(|| ctx.overflow())?;
        priced.components.push(Component {
            sku: ctx.names.sku.clone(),
            description: ComponentDescription::text(format!(
                "{} hours of {}",
                hours.normalize(),
                role.name
            )),
            quantity: *hours,
            unit_price: currency.at_scale(role.bill),
            amount: currency.at_scale(amount),
        });
        priced.push(
            TraceDetail::Effort {
                role: role.name.into_boxed_str(),
                hours: *hours,
                rate: role.bill,
                amount,
            },
            None,
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut gross = currency.at_scale(total);
    if let Some(cap) = ctx.item.not_to_exceed {
        if gross > cap {
            priced.push(
                TraceDetail::NotToExceed {
                    estimate: gross,
                    cap,
                    capped: true,
                },
                Some(PriceRange::firm(currency.at_scale(cap))),
            );
            priced.warnings.push(format!(
                "{}: effort estimate {} is above the not-to-exceed cap {}",
                ctx.offering.sku,
                ctx.money(gross),
                ctx.money(cap)
            ));
            gross = currency.at_scale(cap);
        } else {
            priced.push(
                TraceDetail::NotToExceed {
                    estimate: gross,
                    cap,
                    capped: false,
                },
                None,
            );
        }
    }
    let gross = PriceRange::firm(gross);
    priced.push(
        TraceDetail::EffortTotal {
            hours: hours_total,
            amount: gross.low,
        },
        Some(gross),
    );
    priced.unit = ctx.names.unit.clone();
    priced.gross = Some(gross);
    Ok(())
}
