//! Sentences about a catalog as a whole, written from its own data, so that another firm's
//! catalog describes itself rather than the one the app ships with. Pure.
//!
//! The catalog format has no introduction of its own yet; until it does, the introduction is
//! made of the catalog's publisher (or name) and the names of its categories.

use crate::catalog_filter::CategoryFacet;

/// The catalog page's introduction: what is on offer and from whom, then what to do.
/// `categories` are those with something to show (see [`crate::catalog_filter::facets`]).
pub fn catalog_intro(name: &str, publisher: &str, categories: &[CategoryFacet]) -> String {
    let from = if publisher.trim().is_empty() {
        name.trim()
    } else {
        publisher.trim()
    };
    let names: Vec<&str> = categories
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| c.name.as_str())
        .collect();
    let offer = match names.as_slice() {
        [] => format!("Offerings from {from}."),
        [only] => format!("{only}, from {from}."),
        [first @ .., last] => format!("{} and {last}, from {from}.", first.join(", ")),
    };
    format!("{offer} Open an offering for details and prices, then add it to your scope.")
}

/// The note at the foot of every page: what the prices shown are.
pub const PRICE_NOTE: &str = "Prices are list prices before taxes and discounts. On-site delivery adds travel and expenses. A quote becomes binding only once it is signed.";

/// The line above the results: how many offerings there are, or how many match the search
/// and filters.
pub fn result_count(shown: usize, total: usize, filtered: bool) -> String {
    match (shown, filtered) {
        (_, false) => format!("{total} offerings"),
        (1, true) => format!("1 of {total} offerings matches"),
        (n, true) => format!("{n} of {total} offerings match"),
    }
}

/// The id of a category's heading on the catalog page.
pub fn category_heading_id(category_id: &str) -> String {
    format!("category-{}", category_id.replace(char::is_whitespace, "_"))
}

/// The header's scope link: `1 item in scope`, `3 items in scope`.
pub fn items_in_scope(count: usize) -> String {
    let items = if count == 1 { "item" } else { "items" };
    format!(" {items} in scope")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(name: &str, count: usize) -> CategoryFacet {
        CategoryFacet {
            id: name.to_lowercase(),
            name: name.into(),
            count,
        }
    }

    #[test]
    fn the_introduction_names_the_categories_and_who_offers_them() {
        let categories = [
            category("Training", 3),
            category("Empty", 0),
            category("Consulting", 1),
            category("Audits", 2),
        ];
        assert_eq!(
            catalog_intro("Small Catalog", "Acme Services", &categories),
            "Training, Consulting and Audits, from Acme Services. Open an offering for details and prices, then add it to your scope."
        );
        assert_eq!(
            catalog_intro("Small Catalog", " ", &categories[..1]),
            "Training, from Small Catalog. Open an offering for details and prices, then add it to your scope."
        );
        assert!(
            catalog_intro("Small Catalog", "", &[]).starts_with("Offerings from Small Catalog.")
        );
    }

    #[test]
    fn the_gitlab_catalog_introduces_its_own_categories() {
        let catalog = scopecraft::Catalog::gitlab().expect("the embedded catalog loads");
        let facets = crate::catalog_filter::facets(&catalog, None);
        let intro = catalog_intro(
            &catalog.data().name,
            &catalog.data().publisher,
            &facets.categories,
        );
        assert!(
            intro.starts_with("Education, Implementation, Migration"),
            "{intro}"
        );
        assert!(
            intro.contains(", from GitLab Professional Services."),
            "{intro}"
        );
    }
}
