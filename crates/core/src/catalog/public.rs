//! The public projection of a catalog: what a customer-facing build may carry. It drops
//! the seller's internal data (offerings' internal notes, the rate cards' cost rates, the
//! approval rules, and offerings marked `public = false`) and keeps everything pricing reads,
//! so a quote priced with either projection has the same lines and totals.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::model::{CatalogData, Projection};
use super::{Catalog, CatalogError};

/// What [`CatalogData::public_projection`] leaves out of a catalog, as written in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dropped {
    /// Every offering's internal notes, in file order.
    pub internal_notes: Vec<String>,
    /// Every cost rate: price-book currency, role id and the rate.
    pub cost_rates: Vec<(String, String, Decimal)>,
    /// The approval rules' ids and reasons, in file order.
    pub approval_rules: Vec<(String, String)>,
    /// The SKUs of offerings marked `public = false`.
    pub offerings: Vec<String>,
}

impl Dropped {
    /// The internal strings a public build must not contain, each as it appears in a TOML
    /// or JSON catalog file: the internal notes, the approval rules' reasons, and each cost
    /// rate written as `cost = "210"` and `"cost":"210"`.
    pub fn texts(&self) -> Vec<String> {
        let mut texts: Vec<String> = self.internal_notes.clone();
        texts.extend(self.approval_rules.iter().map(|(_, reason)| reason.clone()));
        let rates: BTreeSet<String> = self
            .cost_rates
            .iter()
            .map(|(_, _, rate)| rate.to_string())
            .collect();
        for rate in rates {
            texts.push(format!("cost = \"{rate}\""));
            texts.push(format!("\"cost\":\"{rate}\""));
        }
        let mut seen = BTreeSet::new();
        texts.retain(|text| !text.is_empty() && seen.insert(text.clone()));
        texts
    }
}

impl CatalogData {
    /// What the public projection leaves out of this catalog.
    pub fn dropped_by_public_projection(&self) -> Dropped {
        Dropped {
            internal_notes: self
                .offerings
                .iter()
                .flat_map(|o| o.internal_notes.iter().cloned())
                .collect(),
            cost_rates: self
                .price_books
                .iter()
                .flat_map(|book| {
                    book.rate_card.iter().filter_map(|(role, rate)| {
                        rate.cost
                            .map(|cost| (book.currency.clone(), role.clone(), cost))
                    })
                })
                .collect(),
            approval_rules: self
                .approvals
                .iter()
                .map(|rule| (rule.id.clone(), rule.reason.clone()))
                .collect(),
            offerings: self
                .offerings
                .iter()
                .filter(|o| !o.public)
                .map(|o| o.sku.clone())
                .collect(),
        }
    }

    /// The catalog customers may see, marked `projection = "public"`: no internal notes,
    /// no cost rates, no approval rules, and no offering marked `public = false` (nor its
    /// price entries, nor recommendations that only suggest it, nor prerequisites or
    /// included items naming it). Bill rates, prices,
    /// travel defaults, questions and rules stay, so pricing gives the same amounts.
    pub fn public_projection(&self) -> CatalogData {
        let hidden: BTreeSet<&str> = self
            .offerings
            .iter()
            .filter(|o| !o.public)
            .map(|o| o.sku.as_str())
            .collect();
        let mut data = self.clone();
        data.projection = Projection::Public;
        data.approvals.clear();
        data.offerings.retain(|o| o.public);
        for offering in &mut data.offerings {
            offering.internal_notes.clear();
            let skus = &mut offering.prerequisites.skus;
            skus.retain(|sku| !hidden.contains(sku.as_str()));
            // Included items customers cannot see leave the list; fewer left than included
            // means each remaining one can be chosen.
            if let Some(includes) = &mut offering.includes {
                includes.from.retain(|sku| !hidden.contains(sku.as_str()));
                let left = u32::try_from(includes.from.len()).unwrap_or(u32::MAX);
                includes.choose = includes.choose.min(left);
            }
            if offering
                .includes
                .as_ref()
                .is_some_and(|i| i.from.is_empty())
            {
                offering.includes = None;
            }
        }
        for book in &mut data.price_books {
            book.prices.retain(|sku, _| !hidden.contains(sku.as_str()));
            for rate in book.rate_card.values_mut() {
                rate.cost = None;
            }
        }
        for rule in &mut data.recommendations {
            rule.instead_of.retain(|sku| !hidden.contains(sku.as_str()));
        }
        data.recommendations.retain(|rule| {
            rule.add.is_empty()
                || rule
                    .add
                    .iter()
                    .any(|add| !hidden.contains(add.sku.as_str()))
        });
        for rule in &mut data.recommendations {
            rule.add.retain(|add| !hidden.contains(add.sku.as_str()));
        }
        let rules: BTreeSet<String> = data.recommendations.iter().map(|r| r.id.clone()).collect();
        for rule in &mut data.recommendations {
            if rule
                .alternative_to
                .as_ref()
                .is_some_and(|id| !rules.contains(id))
            {
                rule.alternative_to = None;
            }
        }
        data
    }
}

impl Catalog {
    /// The public projection of this catalog, linted: see
    /// [`CatalogData::public_projection`]. Fails when the projection breaks a catalog rule
    /// (for example a recommendation whose condition tests a non-public offering).
    pub fn public(&self) -> Result<Catalog, CatalogError> {
        self.data().public_projection().into_catalog()
    }

    /// Which projection this catalog is.
    pub fn projection(&self) -> Projection {
        self.data().projection
    }
}

#[cfg(test)]
mod tests;
