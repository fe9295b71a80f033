//! The amounts a quote uses, in its currency: straight from the currency's price book, or
//! converted from the base book at the book's dated fixed rate. Conversion starts from the
//! base amount and rounds once (to the book's `round_to` step or to minor units); converted
//! amounts are never converted back.

use std::borrow::Cow;
use std::cell::OnceCell;

use rust_decimal::Decimal;

use super::trace::{self, Converted, TraceDetail};
use crate::catalog::{Catalog, Conversion, DeliveryMode, PriceBook, PriceEntry, Role, Travel};
use crate::date::Date;
use crate::money::{Currency, RoundingMode};

/// The price books a quote reads, with conversion applied on demand.
pub(crate) struct PriceList<'c> {
    pub(crate) currency: Currency,
    pub(crate) base_currency: Currency,
    pub(crate) mode: RoundingMode,
    book: &'c PriceBook,
    base: Option<&'c PriceBook>,
    /// This book's entry of each offering, by offering position, looked up the first time a
    /// line asks for it: a quote of a thousand lines searches the book once per offering.
    listed: Box<[OnceCell<Option<Listed<'c>>>]>,
}

/// A price-book entry, with its unit prices at the currency's scale (scaled once per quote
/// rather than once per line).
#[derive(Clone, Copy)]
struct Listed<'c> {
    entry: &'c PriceEntry,
    /// `price`, `remote` and `on_site`, at the currency's scale.
    unit_prices: [Option<Decimal>; 3],
}

impl<'c> Listed<'c> {
    fn new(entry: &'c PriceEntry, currency: Currency) -> Listed<'c> {
        let scaled = |price: Option<Decimal>| price.map(|p| currency.at_scale(p));
        Listed {
            entry,
            unit_prices: [
                scaled(entry.price),
                scaled(entry.remote),
                scaled(entry.on_site),
            ],
        }
    }
}

/// The price-book key of an amount: a SKU, and the position of its offering when the SKU is
/// one (so the entry is looked up once per quote).
#[derive(Clone, Copy)]
pub(crate) struct Key<'a> {
    pub(crate) sku: &'a str,
    pub(crate) position: Option<usize>,
}

impl<'a> Key<'a> {
    /// A SKU whose offering position is not known.
    pub(crate) fn sku(sku: &'a str) -> Key<'a> {
        Key {
            sku,
            position: None,
        }
    }
}

/// Where an amount came from, for the trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// Listed in the quote currency's price book.
    Listed,
    /// Converted from the base book: base amount, rate and date, rounding step.
    Converted {
        base_amount: Decimal,
        rate: Decimal,
        as_of: Date,
        step: Option<Decimal>,
    },
}

impl<'c> PriceList<'c> {
    pub(crate) fn new(catalog: &'c Catalog, currency: Currency) -> Option<PriceList<'c>> {
        Some(PriceList {
            currency,
            base_currency: catalog.base_currency(),
            mode: catalog.data().rounding,
            book: catalog.price_book(currency)?,
            base: catalog.base_price_book(),
            listed: (0..catalog.offerings().len())
                .map(|_| OnceCell::new())
                .collect(),
        })
    }

    /// The entry this book lists for `key`.
    fn listed(&self, key: Key<'_>) -> Option<Listed<'c>> {
        let book = self.book;
        let currency = self.currency;
        let look_up = || book.prices.get(key.sku).map(|e| Listed::new(e, currency));
        match key.position.and_then(|p| self.listed.get(p)) {
            Some(cell) => *cell.get_or_init(look_up),
            None => look_up(),
        }
    }

    fn conversion(&self) -> Option<&'c Conversion> {
        self.book.conversion.as_ref()
    }

    /// The fixed rate from the base currency, if this book has one (1 for the base book).
    pub(crate) fn rate_from_base(&self) -> Option<Decimal> {
        if self.currency == self.base_currency {
            Some(Decimal::ONE)
        } else {
            self.conversion().map(|c| c.rate)
        }
    }

    /// Converts one base-currency amount into this book's currency, rounding once.
    pub(crate) fn convert(&self, base_amount: Decimal) -> Option<(Decimal, Source)> {
        let conversion = self.conversion()?;
        let exact = base_amount.checked_mul(conversion.rate)?;
        let rounded = match conversion.round_to {
            Some(step) => self.mode.round_to_increment(exact, step)?,
            None => exact,
        };
        Some((
            self.currency.round(rounded, self.mode),
            Source::Converted {
                base_amount,
                rate: conversion.rate,
                as_of: conversion.as_of,
                step: conversion.round_to,
            },
        ))
    }

    /// The price entry for a SKU: listed in this book, or converted from the base book.
    pub(crate) fn entry(&self, key: Key<'_>) -> Option<(Cow<'c, PriceEntry>, bool)> {
        if let Some(listed) = self.listed(key) {
            return Some((Cow::Borrowed(listed.entry), false));
        }
        let base = self.base?.prices.get(key.sku)?;
        let convert = |amount: Decimal| self.convert(amount).map(|(value, _)| value);
        let convert_opt = |amount: Option<Decimal>| match amount {
            Some(amount) => convert(amount).map(Some),
            None => Some(None),
        };
        let converted = PriceEntry {
            price: convert_opt(base.price)?,
            remote: convert_opt(base.remote)?,
            on_site: convert_opt(base.on_site)?,
            tiers: base
                .tiers
                .iter()
                .map(|t| convert(*t))
                .collect::<Option<_>>()?,
            table: base
                .table
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|[low, high]| Some([convert(*low)?, convert(*high)?]))
                        .collect::<Option<Vec<_>>>()
                })
                .collect::<Option<_>>()?,
            add_ons: base
                .add_ons
                .iter()
                .map(|a| convert(*a))
                .collect::<Option<_>>()?,
        };
        Some((Cow::Owned(converted), true))
    }

    /// The unit price of a SKU for a delivery mode, with where it came from; a listed price
    /// is at the currency's scale.
    pub(crate) fn unit_price(&self, key: Key<'_>, mode: DeliveryMode) -> Option<(Decimal, Source)> {
        let pick = |[price, remote, on_site]: [Option<Decimal>; 3]| {
            price.or(match mode {
                DeliveryMode::Remote => remote,
                DeliveryMode::OnSite => on_site,
            })
        };
        if let Some(listed) = self.listed(key) {
            return pick(listed.unit_prices).map(|price| (price, Source::Listed));
        }
        let base = self.base?.prices.get(key.sku)?;
        self.convert(pick([base.price, base.remote, base.on_site])?)
    }

    /// A rate-card role, listed or converted.
    pub(crate) fn role(&self, id: &str) -> Option<(Role, Source)> {
        if let Some(role) = self.book.rate_card.get(id) {
            return Some((role.clone(), Source::Listed));
        }
        let base = self.base?.rate_card.get(id)?;
        let (bill, source) = self.convert(base.bill)?;
        let cost = match base.cost {
            Some(cost) => Some(self.convert(cost)?.0),
            None => None,
        };
        Some((
            Role {
                name: base.name.clone(),
                bill,
                cost,
            },
            source,
        ))
    }

    /// Travel defaults, listed or converted.
    pub(crate) fn travel(&self) -> Option<(Travel, Source)> {
        if let Some(travel) = &self.book.travel {
            return Some((travel.clone(), Source::Listed));
        }
        let base = self.base?.travel.as_ref()?;
        let (per_trip, source) = self.convert(base.per_trip)?;
        let (per_day, _) = self.convert(base.per_day)?;
        Some((Travel { per_trip, per_day }, source))
    }

    /// The trace step for a converted amount (none when it was listed).
    pub(crate) fn source_detail(
        &self,
        source: &Source,
        amount: Decimal,
        what: Converted,
    ) -> Option<TraceDetail> {
        match source {
            Source::Listed => None,
            Source::Converted {
                base_amount,
                rate,
                as_of,
                step,
            } => Some(TraceDetail::Converted(Box::new(trace::Conversion {
                what,
                base_currency: self.base_currency,
                base_amount: *base_amount,
                rate: *rate,
                as_of: *as_of,
                step: *step,
                amount,
            }))),
        }
    }
}
