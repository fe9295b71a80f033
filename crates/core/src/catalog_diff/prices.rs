//! Price books compared amount by amount: each SKU's price, per-mode prices, tiers, table
//! cells and add-ons; each rate-card rate; the travel defaults.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

use super::fields::Keyed;
use super::{PriceChange, PriceKind};
use crate::catalog::{CatalogData, PriceBook, PriceEntry, Pricing, Role, Travel};
use crate::money::Currency;

/// One amount of an entry, with where it sits and what it is in words.
struct Cell {
    cell: String,
    label: String,
    amount: Decimal,
}

fn cell(cell: impl Into<String>, label: impl Into<String>, amount: Decimal) -> Cell {
    Cell {
        cell: cell.into(),
        label: label.into(),
        amount,
    }
}

/// The price books as keyed entries (by currency) with only their own fields: the amounts
/// are compared by [`price_changes`].
pub(super) fn book_entries(data: &CatalogData) -> Vec<Keyed> {
    data.price_books
        .iter()
        .map(|book| {
            let mut value = serde_json::to_value(book).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut value {
                for amounts in ["prices", "rate_card", "travel"] {
                    map.remove(amounts);
                }
            }
            Keyed {
                id: book.currency.clone(),
                title: book.currency.clone(),
                value,
            }
        })
        .collect()
}

/// Every amount added, removed or changed, book by book (the new catalog's books in order,
/// then removed books), SKU by SKU, then the rate card and travel.
pub(super) fn price_changes(old: &CatalogData, new: &CatalogData) -> Vec<PriceChange> {
    let mut currencies: Vec<&str> = new
        .price_books
        .iter()
        .map(|b| b.currency.as_str())
        .collect();
    for book in &old.price_books {
        if !currencies.contains(&book.currency.as_str()) {
            currencies.push(&book.currency);
        }
    }
    currencies.dedup();
    fn book<'a>(data: &'a CatalogData, currency: &str) -> Option<&'a PriceBook> {
        data.price_books.iter().find(|b| b.currency == currency)
    }
    let mut out = Vec::new();
    for currency in currencies {
        let old_book = book(old, currency);
        let new_book = book(new, currency);
        let mut changes = BookChanges {
            currency,
            out: &mut out,
        };
        let mut skus: Vec<&String> = old_book
            .iter()
            .chain(new_book.iter())
            .flat_map(|b| b.prices.keys())
            .collect();
        skus.sort();
        skus.dedup();
        for sku in skus {
            let cells = |data: &CatalogData, book: Option<&PriceBook>| {
                book.and_then(|b| b.prices.get(sku))
                    .map(|entry| offering_cells(entry, pricing(data, sku)))
                    .unwrap_or_default()
            };
            changes.merge(
                PriceKind::Offering,
                Some(sku),
                cells(old, old_book),
                cells(new, new_book),
            );
        }
        let mut roles: Vec<&String> = old_book
            .iter()
            .chain(new_book.iter())
            .flat_map(|b| b.rate_card.keys())
            .collect();
        roles.sort();
        roles.dedup();
        for role in roles {
            let cells = |book: Option<&PriceBook>| {
                book.and_then(|b| b.rate_card.get(role))
                    .map(rate_cells)
                    .unwrap_or_default()
            };
            changes.merge(
                PriceKind::RateCard,
                Some(role),
                cells(old_book),
                cells(new_book),
            );
        }
        let travel = |book: Option<&PriceBook>| {
            book.and_then(|b| b.travel.as_ref())
                .map(travel_cells)
                .unwrap_or_default()
        };
        changes.merge(PriceKind::Travel, None, travel(old_book), travel(new_book));
    }
    out
}

fn pricing<'a>(data: &'a CatalogData, sku: &str) -> Option<&'a Pricing> {
    data.offerings
        .iter()
        .find(|o| o.sku == sku)
        .map(|o| &o.pricing)
}

/// The changes found in one book.
struct BookChanges<'a> {
    currency: &'a str,
    out: &'a mut Vec<PriceChange>,
}

impl BookChanges<'_> {
    /// Pairs the old and new cells of one entry by position and records those that differ.
    fn merge(&mut self, kind: PriceKind, key: Option<&String>, old: Vec<Cell>, new: Vec<Cell>) {
        let scale = |amount: Decimal| match Currency::from_code(self.currency) {
            Some(currency) => currency.at_scale(amount),
            None => amount,
        };
        let mut record = |label: &str, cell: &str, old: Option<Decimal>, new: Option<Decimal>| {
            self.out.push(PriceChange {
                currency: self.currency.to_string(),
                minor_units: Currency::from_code(self.currency).map(Currency::minor_units),
                kind,
                key: key.cloned(),
                cell: cell.to_string(),
                label: label.to_string(),
                old: old.map(scale),
                new: new.map(scale),
                change_percent: old.zip(new).and_then(|(o, n)| percent_change(o, n)),
            });
        };
        for new_cell in &new {
            let before = old.iter().find(|c| c.cell == new_cell.cell);
            match before {
                Some(before) if before.amount == new_cell.amount => {}
                _ => record(
                    &new_cell.label,
                    &new_cell.cell,
                    before.map(|c| c.amount),
                    Some(new_cell.amount),
                ),
            }
        }
        for old_cell in &old {
            if !new.iter().any(|c| c.cell == old_cell.cell) {
                record(&old_cell.label, &old_cell.cell, Some(old_cell.amount), None);
            }
        }
    }
}

/// (new − old) / old × 100, rounded half away from zero to one decimal place.
pub(crate) fn percent_change(old: Decimal, new: Decimal) -> Option<Decimal> {
    if old.is_zero() {
        return None;
    }
    let ratio = new
        .checked_sub(old)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(old)?;
    let mut percent = ratio.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    percent.rescale(1);
    Some(percent)
}

/// The amounts of one SKU's price entry, labelled with the model's bands and add-ons.
fn offering_cells(entry: &PriceEntry, pricing: Option<&Pricing>) -> Vec<Cell> {
    let mut cells = Vec::new();
    if let Some(price) = entry.price {
        cells.push(cell("price", "price", price));
    }
    if let Some(remote) = entry.remote {
        cells.push(cell("remote", "remote", remote));
    }
    if let Some(on_site) = entry.on_site {
        cells.push(cell("on_site", "on-site", on_site));
    }
    for (index, amount) in entry.tiers.iter().enumerate() {
        let label = match pricing {
            Some(Pricing::Tiered { bands, unit, .. }) => bands
                .get(index)
                .map(|band| format!("tier {} {unit}", band.label())),
            _ => None,
        };
        cells.push(cell(
            format!("tiers[{index}]"),
            label.unwrap_or_else(|| format!("tier {}", index + 1)),
            *amount,
        ));
    }
    for (row, cells_in_row) in entry.table.iter().enumerate() {
        for (column, [low, high]) in cells_in_row.iter().enumerate() {
            let place = match pricing {
                Some(Pricing::RangeTable { rows, columns, .. }) => rows
                    .bands
                    .get(row)
                    .zip(columns.bands.get(column))
                    .map(|(r, c)| {
                        format!(
                            "{} {} × {} {}",
                            rows.question,
                            r.label(),
                            columns.question,
                            c.label()
                        )
                    }),
                _ => None,
            }
            .unwrap_or_else(|| format!("row {} × column {}", row + 1, column + 1));
            for (end, amount) in [("low", low), ("high", high)] {
                cells.push(cell(
                    format!("table[{row}][{column}].{end}"),
                    format!("{place} ({end})"),
                    *amount,
                ));
            }
        }
    }
    for (index, amount) in entry.add_ons.iter().enumerate() {
        let label = match pricing {
            Some(Pricing::RangeTable { add_ons, .. }) => add_ons
                .get(index)
                .map(|rule| format!("add-on {}", rule.label)),
            _ => None,
        };
        cells.push(cell(
            format!("add_ons[{index}]"),
            label.unwrap_or_else(|| format!("add-on {}", index + 1)),
            *amount,
        ));
    }
    cells
}

fn rate_cells(role: &Role) -> Vec<Cell> {
    let mut cells = vec![cell("bill", "bill rate per hour", role.bill)];
    if let Some(cost) = role.cost {
        cells.push(cell("cost", "cost rate per hour (internal)", cost));
    }
    cells
}

fn travel_cells(travel: &Travel) -> Vec<Cell> {
    vec![
        cell("per_trip", "travel per trip", travel.per_trip),
        cell("per_day", "travel per day on site", travel.per_day),
    ]
}
