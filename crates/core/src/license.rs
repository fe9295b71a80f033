//! The licence-tier rule, written once for quotes and recommendations: an offering's
//! required tier (`prerequisites.license_tier`), its recommended tier
//! (`prerequisites.recommended_license_tier`) and the catalog's lowest tier services are sold
//! to (`license_minimum`), each checked against the scope's licence answer. Which tier is
//! higher is the order of the catalog's `license_tiers`.

use crate::catalog::{Catalog, CatalogData, LicenseTier, Offering};
use crate::scope::{Answer, Scope};

/// The customer's tier from the licence question's answer, when it names one of the
/// catalog's tiers.
pub(crate) fn customer_tier(catalog: &Catalog, answer: Option<&Answer>) -> Option<LicenseTier> {
    match answer {
        Some(Answer::Text(text)) if catalog.data().license_rank(text).is_some() => {
            Some(LicenseTier::new(text.as_str()))
        }
        _ => None,
    }
}

/// How an offering's licence tiers fall short of the customer's; the tiers by display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LicenseGap {
    /// The offering requires `needed`; the customer has `tier`, below it.
    Required { needed: String, tier: String },
    /// The offering requires `needed`; the customer's tier is not known yet.
    RequiredUnknown { needed: String },
    /// The offering is recommended for `recommended`; the customer has `tier`, below it.
    Recommended { recommended: String, tier: String },
}

/// Whether `tier` stands below `other` in the catalog's order (never for a tier the catalog
/// does not list; the linter refuses those).
fn below(data: &CatalogData, tier: &LicenseTier, other: &LicenseTier) -> bool {
    match (
        data.license_rank(tier.as_str()),
        data.license_rank(other.as_str()),
    ) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    }
}

/// Where `offering`'s tiers leave the customer's `tier` short, if anywhere. A missing
/// requirement comes before a missed recommendation; an unknown tier only matters for a
/// requirement.
pub(crate) fn gap(
    catalog: &Catalog,
    offering: &Offering,
    tier: Option<&LicenseTier>,
) -> Option<LicenseGap> {
    let data = catalog.data();
    let name = |t: &LicenseTier| data.license_tier_name(t);
    let prerequisites = &offering.prerequisites;
    match (prerequisites.license_tier.as_ref(), tier) {
        (Some(needed), Some(tier)) if below(data, tier, needed) => {
            return Some(LicenseGap::Required {
                needed: name(needed),
                tier: name(tier),
            });
        }
        (Some(needed), None) => {
            return Some(LicenseGap::RequiredUnknown {
                needed: name(needed),
            });
        }
        _ => {}
    }
    match (prerequisites.recommended_license_tier.as_ref(), tier) {
        (Some(recommended), Some(tier)) if below(data, tier, recommended) => {
            Some(LicenseGap::Recommended {
                recommended: name(recommended),
                tier: name(tier),
            })
        }
        _ => None,
    }
}

impl LicenseGap {
    /// The sentence for `subject` (`GL-SEC-R (Security Essentials)`); `question` is the
    /// licence question's id, named when the tier is not answered.
    pub(crate) fn sentence(&self, subject: &str, question: &str) -> String {
        match self {
            LicenseGap::Required { needed, tier } => format!(
                "{subject} needs {} licence or higher, but the customer's tier is {tier}. Upgrade the licence first, or leave it out.",
                with_article(needed),
            ),
            LicenseGap::RequiredUnknown { needed } => format!(
                "{subject} needs {} licence or higher; the licence tier ({question}) is not answered yet.",
                with_article(needed)
            ),
            LicenseGap::Recommended { recommended, tier } => format!(
                "{subject} is recommended for {recommended} customers (not required); the customer's tier is {tier}, so part of the material covers features the customer does not have.",
            ),
        }
    }
}

/// The catalog's reason when the customer's tier is below the lowest tier services are sold
/// to (`license_minimum`), e.g. Free (Community Edition).
pub(crate) fn below_minimum(catalog: &Catalog, tier: Option<&LicenseTier>) -> Option<String> {
    let data = catalog.data();
    let minimum = data.license_minimum.as_ref()?;
    let tier = tier?;
    below(data, tier, &minimum.tier).then(|| {
        format!(
            "The customer's licence tier is {}, below {}: {}",
            data.license_tier_name(tier),
            data.license_tier_name(&minimum.tier),
            minimum.reason
        )
    })
}

/// The quote's licence warnings: a tier below the catalog's minimum, then every offering in
/// the scope whose required tier the customer's answer does not meet, in the order
/// `offerings` gives them (as `(position in the catalog, offering)`: each item's, then the
/// ones chosen as included), once each. Nothing while the licence question is unanswered
/// (the recommendations note that).
pub(crate) fn quote_warnings<'c>(
    catalog: &'c Catalog,
    scope: &Scope,
    offerings: impl IntoIterator<Item = (usize, &'c Offering)>,
) -> Vec<String> {
    let Some(question) = catalog.data().license_question.as_deref() else {
        return Vec::new();
    };
    let tier = customer_tier(catalog, scope.answers.get(question));
    let mut warnings: Vec<String> = below_minimum(catalog, tier.as_ref()).into_iter().collect();
    let mut seen = vec![false; catalog.offerings().len()];
    for (position, offering) in offerings {
        match seen.get_mut(position) {
            Some(true) => continue,
            Some(seen) => *seen = true,
            None => {}
        }
        if let Some(gap @ LicenseGap::Required { .. }) = gap(catalog, offering, tier.as_ref()) {
            let subject = format!("{} ({})", offering.sku, offering.name);
            warnings.push(gap.sentence(&subject, question));
        }
    }
    warnings
}

/// The tiers that meet a requirement of `tier`, for a catalog card: `any tier` for the
/// lowest, otherwise the tier and every higher one (`Premium or Ultimate`, `Ultimate`).
pub fn license_requirement(catalog: &Catalog, tier: &LicenseTier) -> String {
    let data = catalog.data();
    let tiers = data.license_tier_list();
    let Some(rank) = data.license_rank(tier.as_str()) else {
        return data.license_tier_name(tier);
    };
    if rank == 0 {
        return "any tier".to_string();
    }
    let names: Vec<&str> = tiers.iter().skip(rank).map(|t| t.name.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// `a Premium`, `an Ultimate`.
fn with_article(label: &str) -> String {
    let article = if label.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {label}")
}
