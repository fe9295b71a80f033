use yew::prelude::*;

use super::CheckOption;
use crate::catalog_filter::{CatalogFilter, Facets};
use crate::offering_view::mode_name;
use crate::state::Action;

/// The filter choices and which are on.
#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    /// What can be filtered by.
    pub facets: Facets,
    /// What is filtered by now.
    pub filter: CatalogFilter,
    /// Receives the toggles.
    pub on_action: Callback<Action>,
}

/// Category, delivery and audience filters as groups of checkboxes: a sidebar on wide
/// screens; on narrow ones a "Filters" button above the results that shows them as wrapped
/// rows (the open/closed state is the panel's own, not the app's).
#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let FilterPanelProps {
        facets,
        filter,
        on_action,
    } = props;
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let active = filter.categories.len() + filter.delivery.len() + filter.audiences.len();
    html! {
        <aside
            class={classes!("filters", (*open).then_some("filters-open"))}
            aria-labelledby="filters-heading"
        >
            <div class="filters-head">
                <h2 id="filters-heading">
                    // Narrow screens: the heading is a disclosure button; wide screens show the
                    // groups always and hide the button.
                    <button
                        type="button"
                        class="filters-toggle"
                        aria-expanded={if *open { "true" } else { "false" }}
                        aria-controls="filter-groups"
                        onclick={toggle}
                    >
                        { "Filters" }
                        if active > 0 {
                            <span class="filters-active">{ format!("{active} on") }</span>
                        }
                    </button>
                    <span class="filters-title">{ "Filter" }</span>
                </h2>
                if !filter.is_empty() {
                    <button
                        type="button"
                        class="link-button"
                        onclick={on_action.reform(|_| Action::ClearFilters)}
                    >
                        { "Clear all" }
                    </button>
                }
            </div>
            <div class="filters-body" id="filter-groups">
                <fieldset>
                    <legend>{ "Category" }</legend>
                    <div class="filter-options">
                        for (index, category) in facets.categories.iter().enumerate() {
                            <CheckOption
                                id={format!("filter-category-{index}")}
                                label={category.name.clone()}
                                count={Some(category.count)}
                                checked={filter.categories.contains(&category.id)}
                                on_toggle={on_action.reform({
                                    let id = category.id.clone();
                                    move |_| Action::ToggleCategory(id.clone())
                                })}
                            />
                        }
                    </div>
                </fieldset>
                if facets.delivery.len() > 1 {
                    <fieldset>
                        <legend>{ "Delivery" }</legend>
                        <div class="filter-options">
                            for mode in facets.delivery.iter().copied() {
                                <CheckOption
                                    id={format!("filter-delivery-{}", mode.as_str())}
                                    label={mode_name(mode)}
                                    checked={filter.delivery.contains(&mode)}
                                    on_toggle={on_action.reform(move |_| Action::ToggleDelivery(mode))}
                                />
                            }
                        </div>
                    </fieldset>
                }
                if !facets.audiences.is_empty() {
                    <fieldset>
                        <legend>{ "Audience" }</legend>
                        <div class="filter-options">
                            for (index, audience) in facets.audiences.iter().enumerate() {
                                <CheckOption
                                    id={format!("filter-audience-{index}")}
                                    label={audience.clone()}
                                    checked={filter.audiences.contains(audience)}
                                    on_toggle={on_action.reform({
                                        let audience = audience.clone();
                                        move |_| Action::ToggleAudience(audience.clone())
                                    })}
                                />
                            }
                        </div>
                    </fieldset>
                }
            </div>
        </aside>
    }
}
