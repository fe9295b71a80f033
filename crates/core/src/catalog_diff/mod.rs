//! What changed between two versions of a catalog, for a merge-request review: offerings,
//! questions, recommendation and approval rules added, removed or changed (by field), every
//! price-book amount that moved (old, new, percentage change), and the catalog's own fields.
//!
//! [`diff_catalogs`] compares two checked catalogs; [`CatalogDiff`] serializes as the
//! `scopecraft.catalog-diff/1` JSON document and renders as Markdown
//! ([`CatalogDiff::to_markdown`]). Entries are matched by their key (SKU, id, currency), so
//! moving an entry is not a change, although it is flagged (`reordered`) because the order
//! of questions and rules is what people and the engine see.

mod fields;
mod markdown;
mod prices;

pub(crate) use prices::percent_change;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use crate::catalog::{Catalog, CatalogData, CatalogRef};

/// The identifier of the JSON document a [`CatalogDiff`] serializes as.
pub const CATALOG_DIFF_FORMAT: &str = "scopecraft.catalog-diff/1";

/// Everything that differs between an old and a new catalog.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogDiff {
    /// Always [`CATALOG_DIFF_FORMAT`].
    pub format: &'static str,
    /// The old catalog's id, version and hash.
    pub old: CatalogRef,
    /// The new catalog's id, version and hash.
    pub new: CatalogRef,
    /// Whether any price changed (see [`CatalogDiff::prices_changed`]).
    pub prices_changed: bool,
    /// Every price-book amount added, removed or changed.
    pub prices: Vec<PriceChange>,
    /// Price books added or removed, and changes to a book's own fields (its conversion).
    pub price_books: ListChanges,
    /// Offerings by SKU.
    pub offerings: ListChanges,
    /// Discovery questions by id.
    pub questions: ListChanges,
    /// Scoping rules of thumb by id.
    pub recommendations: ListChanges,
    /// Approval rules by id.
    pub approvals: ListChanges,
    /// Categories by id.
    pub categories: ListChanges,
    /// The catalog's own fields (`id`, `version`, `rounding`, `plan.*`, `sow.*`, …).
    pub settings: Vec<FieldChange>,
    /// The new catalog's base currency.
    pub base_currency: String,
    /// The new catalog's books that convert base-currency amounts at a fixed rate: their
    /// converted prices follow the base book's changes.
    pub converted_books: Vec<String>,
}

/// Entries of one kind added, removed and changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListChanges {
    /// In the new catalog only, in its order.
    pub added: Vec<DiffEntry>,
    /// In the old catalog only, in its order.
    pub removed: Vec<DiffEntry>,
    /// In both, with different fields, in the new catalog's order.
    pub changed: Vec<EntryChange>,
    /// Whether the entries both catalogs have are in a different order.
    pub reordered: bool,
}

impl ListChanges {
    /// True when nothing was added, removed, changed or moved.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && !self.reordered
    }
}

/// An entry, by key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffEntry {
    /// Its key: the SKU of an offering, the currency of a price book, otherwise the id.
    pub id: String,
    /// What people call it: the name, the question text, the rule's reason, the approver.
    pub title: String,
}

/// An entry both catalogs have, with what differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryChange {
    /// Its key (as in [`DiffEntry`]).
    pub id: String,
    /// Its title in the new catalog.
    pub title: String,
    /// The fields that differ, by path, sorted.
    pub fields: Vec<FieldChange>,
}

/// One field that differs: `summary`, `pricing.capacity`, `delivery.modes`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The path of the field inside its entry, as in the catalog file.
    pub field: String,
    /// The old value as JSON; `null` when the field was absent (or at its default).
    pub old: Option<Value>,
    /// The new value as JSON; `null` when the field is now absent (or at its default).
    pub new: Option<Value>,
}

/// What a price-book amount belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceKind {
    /// An offering's price entry (`key` is its SKU).
    Offering,
    /// A rate-card role (`key` is the role id).
    RateCard,
    /// The book's travel defaults (no key).
    Travel,
}

/// One amount in a price book that was added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriceChange {
    /// The book's currency.
    pub currency: String,
    /// Its ISO 4217 minor units (digits after the point in `old` and `new`); absent for a
    /// code this build does not know (`null`).
    pub minor_units: Option<u32>,
    /// What the amount belongs to.
    pub kind: PriceKind,
    /// The SKU or role; absent for travel.
    pub key: Option<String>,
    /// Where the amount sits in the entry: `price`, `remote`, `on_site`, `tiers[1]`,
    /// `table[0][2].low`, `add_ons[0]`, `bill`, `cost`, `per_trip`, `per_day`.
    pub cell: String,
    /// The cell in words: `tier 501–1,000 user`, `migration.users 1–500 × … (low)`.
    pub label: String,
    /// The old amount at the currency's minor units (never rounded); absent when added.
    pub old: Option<Decimal>,
    /// The new amount at the currency's minor units (never rounded); absent when removed.
    pub new: Option<Decimal>,
    /// (new − old) / old × 100, rounded half away from zero to one decimal; absent when
    /// either amount is missing or the old one is zero.
    pub change_percent: Option<Decimal>,
}

impl CatalogDiff {
    /// True when the two catalogs have the same content (their hashes are equal).
    pub fn is_identical(&self) -> bool {
        self.old.hash == self.new.hash
    }

    /// Whether the diff found no difference in content, order aside.
    fn has_no_changes(&self) -> bool {
        self.prices.is_empty()
            && self.settings.is_empty()
            && [
                &self.price_books,
                &self.offerings,
                &self.questions,
                &self.recommendations,
                &self.approvals,
                &self.categories,
            ]
            .iter()
            .all(|list| list.added.is_empty() && list.removed.is_empty() && list.changed.is_empty())
    }
}

/// Compares two catalogs.
///
/// A price changed when a price-book amount was added, removed or changed, a book was
/// added or removed or its conversion changed, an offering's `pricing` changed, or the
/// catalog's `base_currency` or `rounding` changed. Amounts compare by value: `"5000"` and
/// `"5000.00"` are the same price.
pub fn diff_catalogs(old: &Catalog, new: &Catalog) -> CatalogDiff {
    let (old_data, new_data) = (old.data(), new.data());
    let prices = prices::price_changes(old_data, new_data);
    let price_books = fields::compare(
        prices::book_entries(old_data),
        prices::book_entries(new_data),
    );
    let offerings = fields::compare(
        fields::keyed(&old_data.offerings, |o| (&o.sku, &o.name)),
        fields::keyed(&new_data.offerings, |o| (&o.sku, &o.name)),
    );
    let settings = fields::changed_fields("", &settings_value(old_data), &settings_value(new_data));
    let prices_changed = !prices.is_empty()
        || !price_books.added.is_empty()
        || !price_books.removed.is_empty()
        || !price_books.changed.is_empty()
        || offerings.changed.iter().any(|change| {
            change
                .fields
                .iter()
                .any(|f| f.field == "pricing" || f.field.starts_with("pricing."))
        })
        || settings
            .iter()
            .any(|f| f.field == "base_currency" || f.field == "rounding");
    CatalogDiff {
        format: CATALOG_DIFF_FORMAT,
        old: old.reference(),
        new: new.reference(),
        prices_changed,
        prices,
        price_books,
        offerings,
        questions: fields::compare(
            fields::keyed(&old_data.questions, |q| (&q.id, &q.text)),
            fields::keyed(&new_data.questions, |q| (&q.id, &q.text)),
        ),
        recommendations: fields::compare(
            fields::keyed(&old_data.recommendations, |r| (&r.id, &r.reason)),
            fields::keyed(&new_data.recommendations, |r| (&r.id, &r.reason)),
        ),
        approvals: fields::compare(
            fields::keyed(&old_data.approvals, |a| (&a.id, &a.approver)),
            fields::keyed(&new_data.approvals, |a| (&a.id, &a.approver)),
        ),
        categories: fields::compare(
            fields::keyed(&old_data.categories, |c| (&c.id, &c.name)),
            fields::keyed(&new_data.categories, |c| (&c.id, &c.name)),
        ),
        settings,
        base_currency: new_data.base_currency.clone(),
        converted_books: new_data
            .price_books
            .iter()
            .filter(|book| book.conversion.is_some())
            .map(|book| book.currency.clone())
            .collect(),
    }
}

/// The catalog's own fields: everything but the keyed lists compared on their own.
fn settings_value(data: &CatalogData) -> Value {
    let mut value = serde_json::to_value(data).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        for list in [
            "categories",
            "offerings",
            "price_books",
            "approvals",
            "questions",
            "recommendations",
        ] {
            map.remove(list);
        }
    }
    value
}

#[cfg(test)]
mod tests;
