//! Rules about what customers may see: a public offering needs no non-public one as its seat
//! add-on or sibling (they would vanish from the public projection), and a
//! catalog marked `projection = "public"` carries none of the internal data that projection
//! drops.

use super::context::{Ctx, Sink};
use crate::catalog::model::{Pricing, Projection};

pub(super) fn public_offerings(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    for (index, offering) in cx.data.offerings.iter().enumerate() {
        if !offering.public {
            continue;
        }
        // Prerequisites are advice ("or equivalent knowledge"): the projection drops the
        // non-public ones. A seat add-on prices the offering and a sibling is its other mode,
        // so those must stay.
        let mut needs: Vec<(String, &str)> = Vec::new();
        if let Pricing::Class { seat_addon, .. } = &offering.pricing {
            needs.push(("pricing.seat_addon".to_string(), seat_addon.as_str()));
        }
        if let Some(sibling) = &offering.delivery.sibling {
            needs.push(("delivery.sibling".to_string(), sibling.as_str()));
        }
        for (field, sku) in needs {
            if cx.offering(sku).is_some_and(|(_, other)| !other.public) {
                out.offering(
                    index,
                    offering,
                    &field,
                    format!(
                        "{sku} is not public (public = false) but this public offering needs it; \
                         make {sku} public or this offering non-public"
                    ),
                );
            }
        }
    }
}

pub(super) fn public_projection(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    if cx.data.projection != Projection::Public {
        return;
    }
    const WHY: &str = "a catalog marked projection = \"public\" carries no internal data";
    for (index, offering) in cx.data.offerings.iter().enumerate() {
        if !offering.public {
            out.offering(
                index,
                offering,
                "public",
                format!("{WHY}; remove this non-public offering"),
            );
        }
        if !offering.internal_notes.is_empty() {
            out.offering(
                index,
                offering,
                "internal_notes",
                format!("{WHY}; remove the internal notes"),
            );
        }
    }
    for (index, book) in cx.data.price_books.iter().enumerate() {
        for (role, rate) in &book.rate_card {
            if rate.cost.is_some() {
                out.at(
                    format!("price_books[{index}].rate_card.{role}.cost"),
                    format!("{WHY}; remove the cost rate"),
                );
            }
        }
    }
    if !cx.data.approvals.is_empty() {
        out.at("approvals", format!("{WHY}; remove the approval rules"));
    }
}
