//! The first screen as HTML text: the catalog page of the built-in catalog, written once at
//! build time (`build.rs` includes this file) so that the first-load module
//! (`src/bin/scopecraft-shell.rs`) shows the cards without parsing a catalog, pricing or
//! running Yew. The full app (`src/main.rs`) is fetched right after and replaces it with the
//! same page, live.
//!
//! Every word comes from the functions the Yew components use (`catalog_text`,
//! `offering_view`, `route`), every price from the core, and every piece of catalog text is
//! escaped by the core's [`scopecraft::html_escape`]. The markup mirrors `App`'s header and
//! footer, `CatalogView`, `CategorySection` and `OfferingCard`; the controls that only work
//! once the full app runs (search, filters, currency, opening a file) are placeholders (the
//! search field disabled, the filter column empty) so the page does not move when it
//! arrives. Its `<main>` carries `data-first-screen`, which the full app's does not: tests
//! wait for the live page by it.

use scopecraft::{Catalog, html_escape};

use crate::catalog_filter::{CatalogFilter, facets, filter_catalog};
use crate::catalog_text::{
    PRICE_NOTE, catalog_intro, category_heading_id, items_in_scope, result_count,
};
use crate::offering_view::{card_duration, card_link_id, card_price, delivery_summary};
use crate::route::Route;

/// The catalog page of `catalog` in its base currency with an empty scope, as the full app
/// first shows it to a new visitor; `None` when that page depends on the day it is shown
/// (an offering with availability dates), which only the running app knows.
pub fn catalog_page_html(catalog: &Catalog) -> Option<String> {
    let dated = catalog
        .offerings()
        .iter()
        .any(|o| o.available_from.is_some() || o.available_until.is_some());
    if dated {
        return None;
    }
    let currency = catalog.base_currency();
    let data = catalog.data();
    let facets = facets(catalog, None);
    let groups = filter_catalog(catalog, &CatalogFilter::default(), None);
    let total: usize = facets.categories.iter().map(|c| c.count).sum();
    let e = |text: &str| html_escape(text);

    let mut out = String::new();
    out.push_str(&format!(
        concat!(
            r#"<header class="site-header"><div class="site-header-inner">"#,
            r#"<a class="brand" href="{catalog}"><span class="brand-mark" aria-hidden="true"></span>Scopecraft</a>"#,
            r#"<p class="catalog-name"><span class="visually-hidden">Catalog: </span>{name}"#,
            r#"<span class="catalog-version">Version {version}</span></p>"#,
            r#"<div class="header-tools"><a class="scope-count" href="{scope}" id="scope-link">"#,
            r#"<span class="scope-count-number">0</span>{items}"#,
            r#"<span class="scope-count-action">Scope and quote</span></a></div></div></header>"#,
            r#"<main id="main" class="page" data-first-screen><div class="app-notices"></div><div class="catalog">"#,
            r#"<div class="catalog-intro"><h1>Services catalog</h1><p class="lead" id="catalog-lead">{intro}</p></div>"#,
            r#"<div class="search" role="search"><label for="catalog-search">Search offerings</label>"#,
            r#"<input id="catalog-search" type="search" placeholder="Name, SKU or keyword" disabled></div>"#,
            r#"<div class="catalog-layout"><div class="filters filters-pending" aria-hidden="true"></div>"#,
            r#"<section class="results" aria-labelledby="results-heading">"#,
            r#"<h2 id="results-heading" class="visually-hidden">Offerings</h2>"#,
            r#"<p id="result-count" class="result-count" role="status">{count}</p>"#,
        ),
        catalog = Route::Catalog.href(),
        name = e(&data.name),
        version = e(&data.version),
        scope = Route::Scope.href(),
        items = e(&items_in_scope(0)),
        intro = e(&catalog_intro(&data.name, &data.publisher, &facets.categories)),
        count = e(&result_count(total, total, false)),
    ));
    for group in &groups {
        let category = group.category;
        let heading = e(&category_heading_id(&category.id));
        out.push_str(&format!(
            r#"<section class="category" aria-labelledby="{heading}"><div class="category-head"><h2 id="{heading}">{name}<span class="category-count">{count}</span></h2>"#,
            name = e(&category.name),
            count = group.offerings.len(),
        ));
        if !category.description.is_empty() {
            out.push_str(&format!("<p>{}</p>", e(&category.description)));
        }
        out.push_str(r#"</div><ul class="card-grid" role="list">"#);
        for offering in &group.offerings {
            let price = card_price(catalog, offering, currency);
            let price_class = if price.is_priced {
                "card-price"
            } else {
                "card-price card-price-custom"
            };
            out.push_str(&format!(
                concat!(
                    r#"<li><article class="card"><h3 class="card-title">"#,
                    r#"<a class="card-link" id="{id}" href="{href}">{name}</a></h3>"#,
                    r#"<p class="sku"><span class="visually-hidden">SKU </span>{sku}</p>"#,
                    r#"<p class="card-summary">{summary}</p><dl class="card-facts">"#,
                    r#"<div><dt>Duration</dt><dd>{duration}</dd></div>"#,
                    r#"<div><dt>Delivery</dt><dd>{delivery}</dd></div></dl>"#,
                    r#"<p class="{price_class}"><span class="visually-hidden">List price: </span>{price}</p>"#,
                    r#"</article></li>"#,
                ),
                id = e(&card_link_id(&offering.sku)),
                href = e(&Route::offering_href(&offering.sku)),
                name = e(&offering.name),
                sku = e(&offering.sku),
                summary = e(&offering.summary),
                duration = e(card_duration(offering)),
                delivery = e(&delivery_summary(offering)),
                price = e(&price.text),
                price_class = price_class,
            ));
        }
        out.push_str("</ul></section>");
    }
    out.push_str(&format!(
        r#"</section></div></div></main><footer class="site-footer"><p>{}</p></footer>"#,
        e(PRICE_NOTE)
    ));
    Some(out)
}

// An explicit path: `build.rs` also includes this file, from which `mod tests;` would be
// looked for beside it (rustfmt follows it even though tests are not built there).
#[cfg(test)]
#[path = "first_screen/tests.rs"]
mod tests;
