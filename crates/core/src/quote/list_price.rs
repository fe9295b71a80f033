//! What a catalog card shows as the price of an offering: its list price per unit (per
//! delivery mode), a starting price, a range, or "custom quote". Computed here so every
//! front end shows the same figure the engine would charge for one unit.

use rust_decimal::Decimal;
use serde::Serialize;

use super::prices::{Key, PriceList};
use crate::catalog::{Catalog, DeliveryMode, Pricing, TierMode};
use crate::money::{Currency, PriceRange};

/// An offering's list price in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ListPrice {
    /// A price per unit, per delivery mode the offering is sold in.
    PerUnit {
        /// What one unit is (`class`, `block`, `engagement`).
        unit: String,
        /// The price in each delivery mode, in the offering's order.
        prices: Vec<ModePrice>,
    },
    /// Tiered pricing: the lowest unit price of any tier.
    From {
        /// What is counted.
        unit: String,
        /// The lowest unit price.
        amount: Decimal,
    },
    /// A rough-order-of-magnitude range over the whole table.
    Range {
        /// The lowest and highest amounts in the table (add-ons excluded).
        range: PriceRange,
    },
    /// Billed for the hours worked at the rate card.
    TimeAndMaterials,
    /// A percentage of the other lines.
    PercentOfSubtotal {
        /// The percentage.
        percent: Decimal,
    },
    /// No list price.
    Custom,
}

/// A unit price for one delivery mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModePrice {
    /// Remote or on-site.
    pub delivery: DeliveryMode,
    /// Price per unit.
    pub amount: Decimal,
}

impl ListPrice {
    /// Words for a catalog card: `USD 5,000.00 per class`, `USD 5,000.00 remote · USD
    /// 7,000.00 on-site per class`, `custom quote`.
    pub fn display(&self, currency: Currency) -> String {
        match self {
            ListPrice::PerUnit { unit, prices } => {
                let distinct = prices
                    .windows(2)
                    .any(|w| matches!(w, [a, b] if a.amount != b.amount));
                match prices.as_slice() {
                    [] => "custom quote".to_string(),
                    [only, ..] if !distinct => {
                        format!("{} per {unit}", currency.display(only.amount))
                    }
                    all => format!(
                        "{} per {unit}",
                        all.iter()
                            .map(|p| format!(
                                "{} {}",
                                currency.display(p.amount),
                                p.delivery.label()
                            ))
                            .collect::<Vec<_>>()
                            .join(" · ")
                    ),
                }
            }
            ListPrice::From { unit, amount } => {
                format!("from {} per {unit}", currency.display(*amount))
            }
            ListPrice::Range { range } => format!("{} (estimate)", range.display(currency)),
            ListPrice::TimeAndMaterials => "time and materials".to_string(),
            ListPrice::PercentOfSubtotal { percent } => {
                format!(
                    "{} of the other lines",
                    crate::money::percent_text(*percent)
                )
            }
            ListPrice::Custom => "custom quote".to_string(),
        }
    }

    /// Whether the offering has a list price at all.
    pub fn is_priced(&self) -> bool {
        !matches!(self, ListPrice::Custom | ListPrice::TimeAndMaterials)
    }
}

/// The list price of `sku` in `currency`; `None` for an unknown SKU or currency.
pub fn list_price(catalog: &Catalog, sku: &str, currency: Currency) -> Option<ListPrice> {
    let offering = catalog.offering(sku)?;
    let prices = PriceList::new(catalog, currency)?;
    let scaled = |amount: Decimal| currency.at_scale(amount);
    let per_unit = |unit: &str| {
        let prices: Vec<ModePrice> = offering
            .delivery
            .modes
            .iter()
            .filter_map(|mode| {
                prices
                    .unit_price(Key::sku(sku), *mode)
                    .map(|(amount, _)| ModePrice {
                        delivery: *mode,
                        amount: scaled(amount),
                    })
            })
            .collect();
        if prices.is_empty() {
            ListPrice::Custom
        } else {
            ListPrice::PerUnit {
                unit: unit.to_string(),
                prices,
            }
        }
    };
    let lowest_tier = || {
        prices
            .entry(Key::sku(sku))
            .and_then(|(entry, _)| entry.tiers.iter().copied().min())
    };
    Some(match &offering.pricing {
        Pricing::Blocks { bands, .. } if !bands.is_empty() => match lowest_tier() {
            Some(amount) => ListPrice::From {
                unit: "block".to_string(),
                amount: scaled(amount),
            },
            None => ListPrice::Custom,
        },
        Pricing::Fixed { .. }
        | Pricing::Class { .. }
        | Pricing::Blocks { .. }
        | Pricing::Recurring { .. } => per_unit(offering.pricing.unit()),
        Pricing::Tiered { unit, mode, .. } => match lowest_tier() {
            Some(amount) => ListPrice::From {
                // A flat tier's amount is the fee of a whole band, not a unit price.
                unit: if *mode == TierMode::Flat {
                    "package".to_string()
                } else {
                    unit.clone()
                },
                amount: scaled(amount),
            },
            None => ListPrice::Custom,
        },
        Pricing::RangeTable { .. } => {
            let cells: Vec<[Decimal; 2]> = prices
                .entry(Key::sku(sku))
                .map(|(entry, _)| entry.table.iter().flatten().copied().collect())
                .unwrap_or_default();
            let low = cells.iter().map(|c| c[0]).min();
            let high = cells.iter().map(|c| c[1]).max();
            match (low, high) {
                (Some(low), Some(high)) => ListPrice::Range {
                    range: PriceRange {
                        low: scaled(low),
                        high: scaled(high),
                    },
                },
                _ => ListPrice::Custom,
            }
        }
        Pricing::TimeAndMaterials { .. } => ListPrice::TimeAndMaterials,
        Pricing::PercentOfSubtotal { percent, .. } => {
            ListPrice::PercentOfSubtotal { percent: *percent }
        }
        Pricing::Custom { .. } => ListPrice::Custom,
    })
}
