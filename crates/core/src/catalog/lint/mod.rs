//! Catalog rules, checked all at once (see `lint`).
//!
//! Each area of the catalog (header, currencies, offerings, price books, approvals,
//! questions) has its own rules; every rule adds to the same list and none stops at the
//! first problem. Issues come back in file order: by line when the file has lines (TOML),
//! otherwise in the order of the document model.
//!
//! Each family of rules has its own module, named after what it checks; `lint` runs them
//! in a fixed order, which is also the order of issues on the same line. `context` holds
//! what every rule works with (the catalog's lookups and the issue list), `wording` the
//! words their messages share.

mod approvals;
mod bands;
mod conditions;
mod context;
mod currencies;
mod delivery;
mod duplicates;
mod floats;
mod header;
mod includes;
mod license_tiers;
mod offerings;
mod plan;
mod prerequisites;
mod price_books;
mod pricing;
mod public;
mod questions;
mod recommendations;
mod sow;
mod waves;
mod wording;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

use std::fmt;

use self::approvals::approvals;
use self::context::{Ctx, Sink};
use self::currencies::currencies;
use self::duplicates::duplicates;
use self::floats::toml_floats;
use self::header::header;
use self::includes::includes;
use self::license_tiers::license_tiers;
use self::offerings::offering_rules;
use self::plan::plan;
use self::prerequisites::prerequisite_cycles;
use self::price_books::price_book;
use self::public::{public_offerings, public_projection};
use self::questions::{license_question, questions};
use self::recommendations::recommendations;
use self::sow::{issue, labels, sow};
use self::waves::migration_waves;
use crate::catalog::model::CatalogData;
use crate::catalog::source_map::SourceMap;
use crate::limits;
use crate::money::thousands;

/// One broken rule, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintIssue {
    /// The file name given to the loader.
    pub file: String,
    /// 1-based line (TOML files only).
    pub line: Option<usize>,
    /// The offering's SKU, when the issue is inside one.
    pub offering: Option<String>,
    /// The field path, e.g. `offerings[3].pricing.seat_addon`.
    pub field: String,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
}

impl fmt::Display for LintIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(sku) = &self.offering {
            write!(f, ": offering {sku}")?;
        }
        write!(f, ": {}: {}", self.field, self.message)
    }
}

/// Every rule `data` breaks.
pub(crate) fn lint(data: &CatalogData, map: &SourceMap, file: &str) -> Vec<LintIssue> {
    let cx = Ctx::new(data);
    let mut out = Sink::new(map, file);
    toml_floats(map, &mut out);
    header(&cx, &mut out);
    if data.offerings.is_empty() {
        out.at(
            "offerings",
            "the catalog has no offerings; add at least one [[offerings]]".to_string(),
        );
    }
    if data.offerings.len() > limits::MAX_OFFERINGS {
        out.at(
            "offerings",
            format!(
                "{} offerings; a catalog holds at most {}",
                thousands(data.offerings.len() as u64),
                thousands(limits::MAX_OFFERINGS as u64)
            ),
        );
    }
    currencies(&cx, &mut out);
    duplicates(&cx, &mut out);
    for (index, offering) in data.offerings.iter().enumerate() {
        offering_rules(&cx, &mut out, index, offering);
        includes(&cx, &mut out, index, offering);
    }
    prerequisite_cycles(&cx, &mut out);
    for (index, book) in data.price_books.iter().enumerate() {
        price_book(&cx, &mut out, index, book);
    }
    approvals(&cx, &mut out);
    questions(&cx, &mut out);
    license_tiers(&cx, &mut out);
    license_question(&cx, &mut out);
    recommendations(&cx, &mut out);
    migration_waves(&cx, &mut out);
    plan(&cx, &mut out);
    sow(&cx, &mut out);
    labels(&cx, &mut out);
    issue(&cx, &mut out);
    public_offerings(&cx, &mut out);
    public_projection(&cx, &mut out);
    out.finish()
}
