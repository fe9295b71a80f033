//! The licence-tier rule, written once for quotes and recommendations: an offering's
//! required tier (`prerequisites.license_tier`), its recommended tier
//! (`prerequisites.recommended_license_tier`) and the catalog's lowest tier services are sold
//! to (`license_minimum`), each checked against the scope's licence answer.

use crate::catalog::{Catalog, LicenseTier, Offering};
use crate::scope::{Answer, Scope};

/// The customer's tier from the licence question's answer, when it names one.
pub(crate) fn customer_tier(answer: Option<&Answer>) -> Option<LicenseTier> {
    match answer {
        Some(Answer::Text(text)) => LicenseTier::parse(text),
        _ => None,
    }
}

/// How an offering's licence tiers fall short of the customer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LicenseGap {
    /// The offering requires `needed`; the customer has `tier`, below it.
    Required {
        needed: LicenseTier,
        tier: LicenseTier,
    },
    /// The offering requires `needed`; the customer's tier is not known yet.
    RequiredUnknown { needed: LicenseTier },
    /// The offering is recommended for `recommended`; the customer has `tier`, below it.
    Recommended {
        recommended: LicenseTier,
        tier: LicenseTier,
    },
}

/// Where `offering`'s tiers leave the customer's `tier` short, if anywhere. A missing
/// requirement comes before a missed recommendation; an unknown tier only matters for a
/// requirement.
pub(crate) fn gap(offering: &Offering, tier: Option<LicenseTier>) -> Option<LicenseGap> {
    let prerequisites = &offering.prerequisites;
    match (prerequisites.license_tier, tier) {
        (Some(needed), Some(tier)) if tier < needed => {
            return Some(LicenseGap::Required { needed, tier });
        }
        (Some(needed), None) => return Some(LicenseGap::RequiredUnknown { needed }),
        _ => {}
    }
    match (prerequisites.recommended_license_tier, tier) {
        (Some(recommended), Some(tier)) if tier < recommended => {
            Some(LicenseGap::Recommended { recommended, tier })
        }
        _ => None,
    }
}

impl LicenseGap {
    /// The sentence for `subject` (`GL-SEC-R (Security Essentials)`); `question` is the
    /// licence question's id, named when the tier is not answered.
    pub(crate) fn sentence(&self, subject: &str, question: &str) -> String {
        match *self {
            LicenseGap::Required { needed, tier } => format!(
                "{subject} needs {} licence or higher, but the customer's tier is {}. Upgrade the licence first, or leave it out.",
                with_article(needed),
                tier_label(tier)
            ),
            LicenseGap::RequiredUnknown { needed } => format!(
                "{subject} needs {} licence or higher; the licence tier ({question}) is not answered yet.",
                with_article(needed)
            ),
            LicenseGap::Recommended { recommended, tier } => format!(
                "{subject} is recommended for {} customers (not required); the customer's tier is {}, so part of the material covers features the customer does not have.",
                tier_label(recommended),
                tier_label(tier)
            ),
        }
    }
}

/// The catalog's reason when the customer's tier is below the lowest tier services are sold
/// to (`license_minimum`), e.g. Free (Community Edition).
pub(crate) fn below_minimum(catalog: &Catalog, tier: Option<LicenseTier>) -> Option<String> {
    let minimum = catalog.data().license_minimum.as_ref()?;
    let tier = tier?;
    (tier < minimum.tier).then(|| {
        format!(
            "The customer's licence tier is {}, below {}: {}",
            tier_label(tier),
            tier_label(minimum.tier),
            minimum.reason
        )
    })
}

/// The quote's licence warnings: a tier below the catalog's minimum, then every offering in
/// the scope whose required tier the customer's answer does not meet. Nothing while the
/// licence question is unanswered (the recommendations note that).
pub(crate) fn quote_warnings(catalog: &Catalog, scope: &Scope) -> Vec<String> {
    let Some(question) = catalog.data().license_question.as_deref() else {
        return Vec::new();
    };
    let tier = customer_tier(scope.answers.get(question));
    let mut warnings: Vec<String> = below_minimum(catalog, tier).into_iter().collect();
    let mut seen: Vec<&str> = Vec::new();
    for sku in crate::condition::scope_skus(catalog, scope) {
        if seen.contains(&sku) {
            continue;
        }
        seen.push(sku);
        let Some(offering) = catalog.offering(sku) else {
            continue;
        };
        if let Some(gap @ LicenseGap::Required { .. }) = gap(offering, tier) {
            let subject = format!("{} ({})", offering.sku, offering.name);
            warnings.push(gap.sentence(&subject, question));
        }
    }
    warnings
}

/// `Premium`.
pub(crate) fn tier_label(tier: LicenseTier) -> &'static str {
    match tier {
        LicenseTier::Free => "Free",
        LicenseTier::Premium => "Premium",
        LicenseTier::Ultimate => "Ultimate",
    }
}

/// `a Premium`, `an Ultimate`.
fn with_article(tier: LicenseTier) -> String {
    let label = tier_label(tier);
    let article = if label.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {label}")
}
