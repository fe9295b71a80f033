use scopecraft::{Currency, Date};
use yew::prelude::*;

use super::{CategorySection, FilterPanel, SearchBox};
use crate::catalog_filter::{CatalogFilter, facets, filter_catalog};
use crate::catalog_text::{catalog_intro, result_count};
use crate::state::{Action, SharedCatalog};

/// What the catalog page needs.
#[derive(Properties, PartialEq)]
pub struct CatalogViewProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The search and filters.
    pub filter: CatalogFilter,
    /// The currency prices are shown in.
    pub currency: Currency,
    /// Today, when known (offerings outside their availability dates are hidden).
    #[prop_or_default]
    pub today: Option<Date>,
    /// Receives search and filter changes.
    pub on_action: Callback<Action>,
}

/// The catalog page: search, filters, and the matching offerings grouped by category.
#[component]
pub fn CatalogView(props: &CatalogViewProps) -> Html {
    let CatalogViewProps {
        catalog,
        filter,
        currency,
        today,
        on_action,
    } = props;
    let facets = use_memo((catalog.clone(), *today), |(catalog, today)| {
        facets(catalog, *today)
    });
    let groups = filter_catalog(catalog, filter, *today);
    let shown: usize = groups.iter().map(|g| g.offerings.len()).sum();
    let total: usize = facets.categories.iter().map(|c| c.count).sum();
    let count = result_count(shown, total, !filter.is_empty());
    let intro = catalog_intro(
        &catalog.data().name,
        &catalog.data().publisher,
        &facets.categories,
    );
    html! {
        <div class="catalog">
            <div class="catalog-intro">
                <h1>{ "Services catalog" }</h1>
                <p class="lead" id="catalog-lead">{ intro }</p>
            </div>
            <SearchBox
                value={AttrValue::from(filter.search.clone())}
                on_search={on_action.reform(Action::SetSearch)}
            />
            <div class="catalog-layout">
                <FilterPanel
                    facets={(*facets).clone()}
                    filter={filter.clone()}
                    on_action={on_action.clone()}
                />
                <section class="results" aria-labelledby="results-heading">
                    <h2 id="results-heading" class="visually-hidden">{ "Offerings" }</h2>
                    <p id="result-count" class="result-count" role="status">{ count }</p>
                    if groups.is_empty() {
                        <div class="empty">
                            <h3>{ "No offerings match" }</h3>
                            <p>
                                if filter.search.trim().is_empty() {
                                    { "No offering matches all of the selected filters. " }
                                } else {
                                    { format!("Nothing matches “{}” with the selected filters. ", filter.search.trim()) }
                                }
                                { "Try fewer words or filters." }
                            </p>
                            <button
                                type="button"
                                class="button"
                                onclick={on_action.reform(|_| Action::ClearFilters)}
                            >
                                { "Clear search and filters" }
                            </button>
                        </div>
                    }
                    for group in groups.iter() {
                        <CategorySection
                            catalog={catalog.clone()}
                            category={AttrValue::from(group.category.id.clone())}
                            skus={group.offerings.iter().map(|o| AttrValue::from(o.sku.clone())).collect::<Vec<_>>()}
                            currency={*currency}
                        />
                    }
                </section>
            </div>
        </div>
    }
}
