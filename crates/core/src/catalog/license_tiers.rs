//! Licence tiers or editions as catalog data: the ordered list `[[license_tiers]]` (lowest
//! first) that offerings' `prerequisites.license_tier` / `recommended_license_tier`, the
//! `license_minimum` and the licence question's choices name. A catalog without the list has
//! GitLab's tiers (`free`, `premium`, `ultimate`), so catalogs written before the list
//! existed read as they did.

use serde::{Deserialize, Serialize};

/// A licence tier or edition, by its id in the catalog's `license_tiers` (`premium`). Which
/// tier is higher is the catalog's order, not the id's spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct LicenseTier(String);

impl LicenseTier {
    /// The tier with this id.
    pub fn new(id: impl Into<String>) -> LicenseTier {
        LicenseTier(id.into())
    }

    /// The catalog spelling (`premium`).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One entry of `[[license_tiers]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LicenseTierDefinition {
    /// The id offerings and the licence question's choices use (`premium`).
    pub id: String,
    /// What people see (`Premium`).
    pub name: String,
}

/// GitLab's tiers, lowest first: the list of a catalog that states none.
pub(super) const GITLAB_TIERS: [(&str, &str); 3] = [
    ("free", "Free"),
    ("premium", "Premium"),
    ("ultimate", "Ultimate"),
];
