//! Which offerings the customer catalog shows: only public ones that can be sold today,
//! narrowed by the search text and the category, delivery and audience filters, grouped by
//! category in the catalog's order.
//!
//! Plain functions over the core's catalog model, so they are tested natively as well as in
//! the browser.

use std::collections::BTreeSet;

use scopecraft::{Availability, Catalog, Category, Date, DeliveryMode, Offering};

/// What the customer searched for and filtered by. An empty set means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogFilter {
    /// Free text; every word must appear in the name, SKU, summary, description, audience
    /// or deliverables (case does not matter).
    pub search: String,
    /// Category ids; an offering matches when it is in one of them.
    pub categories: BTreeSet<String>,
    /// Delivery modes; an offering matches when it can be delivered in one of them.
    pub delivery: BTreeSet<DeliveryMode>,
    /// Audience labels; an offering matches when it is for one of them.
    pub audiences: BTreeSet<String>,
}

impl CatalogFilter {
    /// True when nothing narrows the catalog.
    pub fn is_empty(&self) -> bool {
        self.search.trim().is_empty()
            && self.categories.is_empty()
            && self.delivery.is_empty()
            && self.audiences.is_empty()
    }

    /// Whether `offering` passes the search and every filter.
    pub fn matches(&self, offering: &Offering) -> bool {
        let category = self.categories.is_empty() || self.categories.contains(&offering.category);
        let delivery = self.delivery.is_empty()
            || offering
                .delivery
                .modes
                .iter()
                .any(|mode| self.delivery.contains(mode));
        let audience = self.audiences.is_empty()
            || offering
                .audience
                .iter()
                .any(|label| self.audiences.contains(label));
        category && delivery && audience && self.matches_search(offering)
    }

    fn matches_search(&self, offering: &Offering) -> bool {
        let terms: Vec<String> = self
            .search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if terms.is_empty() {
            return true;
        }
        let fields = [
            offering.sku.as_str(),
            offering.name.as_str(),
            offering.summary.as_str(),
            offering.description.as_str(),
        ];
        let haystack = fields
            .into_iter()
            .chain(offering.audience.iter().map(String::as_str))
            .chain(offering.deliverables.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n")
            .to_lowercase();
        terms.iter().all(|term| haystack.contains(term.as_str()))
    }
}

/// Whether customers see `offering`: it is public and, when today's date is known, inside
/// its availability window.
pub fn is_customer_visible(offering: &Offering, today: Option<Date>) -> bool {
    let available = today.is_none_or(|today| offering.availability_on(today) == Availability::Sold);
    offering.public && available
}

/// The customer-visible offering with `sku`, if any.
pub fn visible_offering<'a>(
    catalog: &'a Catalog,
    sku: &str,
    today: Option<Date>,
) -> Option<&'a Offering> {
    catalog
        .offering(sku)
        .filter(|offering| is_customer_visible(offering, today))
}

/// The offerings of one category that passed the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryGroup<'a> {
    /// The category.
    pub category: &'a Category,
    /// Its matching offerings, in catalog order.
    pub offerings: Vec<&'a Offering>,
}

/// The customer-visible offerings that match `filter`, grouped by category in the catalog's
/// order. Categories with no match are left out.
pub fn filter_catalog<'a>(
    catalog: &'a Catalog,
    filter: &CatalogFilter,
    today: Option<Date>,
) -> Vec<CategoryGroup<'a>> {
    catalog
        .data()
        .categories
        .iter()
        .map(|category| CategoryGroup {
            category,
            offerings: catalog
                .offerings()
                .iter()
                .filter(|o| o.category == category.id)
                .filter(|o| is_customer_visible(o, today) && filter.matches(o))
                .collect(),
        })
        .filter(|group| !group.offerings.is_empty())
        .collect()
}

/// One category the filter panel offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryFacet {
    /// The category id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// How many customer-visible offerings it has.
    pub count: usize,
}

/// What the filter panel offers: only values that some visible offering has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Categories with at least one visible offering, in catalog order.
    pub categories: Vec<CategoryFacet>,
    /// Delivery modes in use, remote first.
    pub delivery: Vec<DeliveryMode>,
    /// Audience labels in use, alphabetically.
    pub audiences: Vec<String>,
}

/// The filter choices for a catalog.
pub fn facets(catalog: &Catalog, today: Option<Date>) -> Facets {
    let visible: Vec<&Offering> = catalog
        .offerings()
        .iter()
        .filter(|o| is_customer_visible(o, today))
        .collect();
    let categories = catalog
        .data()
        .categories
        .iter()
        .map(|category| CategoryFacet {
            id: category.id.clone(),
            name: category.name.clone(),
            count: visible.iter().filter(|o| o.category == category.id).count(),
        })
        .filter(|facet| facet.count > 0)
        .collect();
    let delivery: BTreeSet<DeliveryMode> = visible
        .iter()
        .flat_map(|o| o.delivery.modes.iter().copied())
        .collect();
    let audiences: BTreeSet<&String> = visible.iter().flat_map(|o| o.audience.iter()).collect();
    Facets {
        categories,
        delivery: delivery.into_iter().collect(),
        audiences: audiences.into_iter().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../tests/fixtures/small-catalog.toml");

    fn small() -> Catalog {
        scopecraft::load_catalog("small-catalog.toml", SMALL)
            .expect("the fixture is a valid catalog")
    }

    fn skus(groups: &[CategoryGroup<'_>]) -> Vec<String> {
        groups
            .iter()
            .flat_map(|g| g.offerings.iter().map(|o| o.sku.clone()))
            .collect()
    }

    fn search(text: &str) -> CatalogFilter {
        CatalogFilter {
            search: text.into(),
            ..CatalogFilter::default()
        }
    }

    #[test]
    fn an_empty_filter_shows_every_public_offering_by_category() {
        let catalog = small();
        let groups = filter_catalog(&catalog, &CatalogFilter::default(), None);
        let names: Vec<&str> = groups.iter().map(|g| g.category.name.as_str()).collect();
        assert_eq!(names, ["Training", "Consulting"]);
        assert_eq!(
            skus(&groups),
            ["TR-GIT-R", "TR-GIT", "TR-SEC", "CO-ADVICE"],
            "CO-HIDDEN is not public"
        );
        assert!(CatalogFilter::default().is_empty());
    }

    #[test]
    fn search_by_sku_name_and_text_ignores_case() {
        let catalog = small();
        let by = |text: &str| skus(&filter_catalog(&catalog, &search(text), None));
        assert_eq!(by("tr-git"), ["TR-GIT-R", "TR-GIT"]);
        assert_eq!(by("Secure pipelines"), ["TR-SEC"]);
        assert_eq!(by("KUBERNETES"), ["CO-ADVICE"], "description text");
        assert_eq!(by("security teams"), ["TR-SEC"], "audience");
        assert_eq!(by("  git   on-site "), ["TR-GIT"], "every word must match");
        assert!(by("partner").is_empty(), "hidden offerings are never found");
        assert!(by("zzz").is_empty());
        assert!(!search("x").is_empty());
        assert!(search("   ").is_empty());
    }

    #[test]
    fn category_delivery_and_audience_filters_combine() {
        let catalog = small();
        let mut filter = CatalogFilter::default();
        filter.categories.insert("consulting".into());
        assert_eq!(
            skus(&filter_catalog(&catalog, &filter, None)),
            ["CO-ADVICE"]
        );

        let mut filter = CatalogFilter::default();
        filter.delivery.insert(DeliveryMode::OnSite);
        assert_eq!(
            skus(&filter_catalog(&catalog, &filter, None)),
            ["TR-GIT", "TR-SEC"]
        );
        filter.delivery.insert(DeliveryMode::Remote);
        assert_eq!(skus(&filter_catalog(&catalog, &filter, None)).len(), 4);

        let mut filter = CatalogFilter::default();
        filter.audiences.insert("Engineering leaders".into());
        filter.audiences.insert("Security teams".into());
        assert_eq!(
            skus(&filter_catalog(&catalog, &filter, None)),
            ["TR-SEC", "CO-ADVICE"]
        );
        filter.categories.insert("training".into());
        assert_eq!(skus(&filter_catalog(&catalog, &filter, None)), ["TR-SEC"]);
        filter.search = "advice".into();
        assert!(filter_catalog(&catalog, &filter, None).is_empty());
    }

    #[test]
    fn availability_dates_hide_offerings_when_today_is_known() {
        let catalog = small();
        let before = Date::new(2020, 1, 1);
        let during = Date::new(2024, 6, 1);
        let after = Date::new(2031, 1, 1);
        let advice = |today| {
            skus(&filter_catalog(&catalog, &CatalogFilter::default(), today))
                .contains(&"CO-ADVICE".to_string())
        };
        assert!(advice(None));
        assert!(!advice(before));
        assert!(advice(during));
        assert!(!advice(after));
        assert!(visible_offering(&catalog, "CO-ADVICE", after).is_none());
        assert!(visible_offering(&catalog, "CO-HIDDEN", None).is_none());
        assert!(visible_offering(&catalog, "TR-SEC", after).is_some());
    }

    #[test]
    fn facets_list_what_visible_offerings_have() {
        let catalog = small();
        let facets = facets(&catalog, None);
        let categories: Vec<(&str, usize)> = facets
            .categories
            .iter()
            .map(|c| (c.id.as_str(), c.count))
            .collect();
        assert_eq!(categories, [("training", 3), ("consulting", 1)]);
        assert_eq!(
            facets.delivery,
            [DeliveryMode::Remote, DeliveryMode::OnSite]
        );
        assert_eq!(
            facets.audiences,
            ["Developers", "Engineering leaders", "Security teams"],
            "the hidden offering's audience is not offered"
        );
    }

    #[test]
    fn the_gitlab_catalog_narrows_to_its_ci_cd_classes() {
        let catalog = Catalog::gitlab().expect("the embedded catalog loads");
        let all = skus(&filter_catalog(&catalog, &CatalogFilter::default(), None));
        assert_eq!(
            all.len(),
            catalog.offerings().iter().filter(|o| o.public).count()
        );
        assert_eq!(
            skus(&filter_catalog(&catalog, &search("CICD"), None)),
            ["GL-CICD-R", "GL-CICD"]
        );
    }
}
