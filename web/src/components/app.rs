use yew::prelude::*;

use scopecraft::Scope;

use super::{CatalogLoader, CatalogView, Header, OfferingDetail, ScopePage};
use crate::catalog_filter::visible_offering;
use crate::effects;
use crate::hooks::{
    use_autosave, use_route_focus, use_scope_analysis, use_share_link, use_url_route,
};
use crate::route::Route;
use crate::state::{Action, AppState, Mode, SharedCatalog};

/// What the app starts with.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The catalog to show (the embedded GitLab catalog, in the real app).
    pub catalog: SharedCatalog,
    /// A scope to start with (the one saved in this browser); `None`: an empty one.
    #[prop_or_default]
    pub scope: Option<Scope>,
    /// The mode to start in.
    #[prop_or_default]
    pub mode: Mode,
    /// Whether every change is saved to this browser's local storage.
    #[prop_or_default]
    pub autosave: bool,
}

impl AppProps {
    /// A fresh start on `catalog`: an empty scope, the customer preview, nothing saved.
    pub fn new(catalog: SharedCatalog) -> AppProps {
        AppProps {
            catalog,
            scope: None,
            mode: Mode::default(),
            autosave: false,
        }
    }
}

/// The root component: owns the state, follows the URL, and shows the catalog or one
/// offering under the header.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let catalog = props.catalog.clone();
        let scope = props.scope.clone();
        let mode = props.mode;
        move || {
            let mut state = AppState::new(catalog, effects::current_route(), effects::today());
            if let Some(scope) = scope {
                state.scope = scope;
            }
            state.mode = mode;
            state
        }
    });
    use_url_route(state.dispatcher());
    use_share_link(&state.route, state.dispatcher());
    use_route_focus(&state.route, page_title(&state));
    use_autosave(props.autosave, &state.scope, state.mode);
    let analysis = use_scope_analysis(&state);

    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let catalog = state.catalog.clone();
    let currency = state.currency();
    let page = match &state.route {
        Route::Catalog => html! {
            <>
                <CatalogView
                    catalog={catalog.clone()}
                    filter={state.filter.clone()}
                    {currency}
                    today={state.today}
                    on_action={on_action.clone()}
                />
                <CatalogLoader
                    catalog={catalog.clone()}
                    builtin={props.catalog.clone()}
                    on_action={on_action.clone()}
                />
            </>
        },
        Route::Offering(sku) => html! {
            <OfferingDetail
                catalog={catalog.clone()}
                sku={AttrValue::from(sku.clone())}
                {currency}
                today={state.today}
                scope={state.scope.clone()}
                on_action={on_action.clone()}
            />
        },
        Route::Scope | Route::Share(_) => html! {
            <ScopePage
                catalog={catalog.clone()}
                scope={state.scope.clone()}
                analysis={analysis.clone()}
                {currency}
                mode={state.mode}
                notice={state.notice.clone()}
                on_action={on_action.clone()}
            />
        },
    };
    html! {
        <>
            <Header
                catalog_name={AttrValue::from(catalog.data().name.clone())}
                catalog_version={AttrValue::from(catalog.data().version.clone())}
                scope_count={state.scope.items.len()}
                {currency}
                currencies={catalog.currencies()}
                on_currency={on_action.reform(Action::SetCurrency)}
            />
            <main id="main" class="page">{ page }</main>
            <footer class="site-footer">
                <p>
                    { "Prices are list prices before taxes and discounts. On-site delivery adds travel and expenses. " }
                    { "A quote becomes binding only once it is signed." }
                </p>
            </footer>
        </>
    }
}

/// The tab title for the current page.
fn page_title(state: &AppState) -> String {
    let offering = match &state.route {
        Route::Catalog => None,
        Route::Scope | Route::Share(_) => {
            return format!("Your scope — {}", state.catalog.data().name);
        }
        Route::Offering(sku) => visible_offering(&state.catalog, sku, state.today),
    };
    match offering {
        Some(offering) => format!("{} — Scopecraft", offering.name),
        None => format!("{} — Scopecraft", state.catalog.data().name),
    }
}
