use yew::prelude::*;

use scopecraft::Scope;

use super::{AppNotices, CatalogLoader, CatalogView, Header, Notice, OfferingDetail, ScopePage};
use crate::catalog_filter::visible_offering;
use crate::catalog_text::PRICE_NOTE;
use crate::effects;
use crate::hooks::{
    use_catalog_memory, use_release_when_idle, use_route_focus, use_scope_analysis,
    use_scope_storage, use_share_link, use_url_route,
};
use crate::notices::AppNotice;
use crate::route::Route;
use crate::state::{Action, AppState, Mode, SharedCatalog, SharedScope};

/// What the app starts with.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The built-in catalog (the embedded GitLab catalog, in the real app).
    pub catalog: SharedCatalog,
    /// A catalog opened from a file on an earlier visit, shown instead of the built-in one.
    #[prop_or_default]
    pub opened_catalog: Option<SharedCatalog>,
    /// A scope to start with (the one saved in this browser); `None`: an empty one.
    #[prop_or_default]
    pub scope: Option<Scope>,
    /// The mode to start in.
    #[prop_or_default]
    pub mode: Mode,
    /// Whether every change is saved to this browser's local storage (and other tabs'
    /// changes taken).
    #[prop_or_default]
    pub autosave: bool,
    /// Notices to start with (a save that could not be read, a new version).
    #[prop_or_default]
    pub notices: Vec<AppNotice>,
}

impl AppProps {
    /// A fresh start on `catalog`: an empty scope, the customer preview, nothing saved.
    pub fn new(catalog: SharedCatalog) -> AppProps {
        AppProps {
            catalog,
            opened_catalog: None,
            scope: None,
            mode: Mode::default(),
            autosave: false,
            notices: Vec::new(),
        }
    }
}

/// The root component: owns the state, follows the URL, and shows the catalog or one
/// offering under the header.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let catalog = props
            .opened_catalog
            .clone()
            .unwrap_or(props.catalog.clone());
        let scope = props.scope.clone();
        let mode = props.mode;
        let notices = props.notices.clone();
        move || {
            let mut state = AppState::new(catalog, effects::current_route(), effects::today());
            if let Some(scope) = scope {
                state.scope = SharedScope::new(scope);
            }
            state.mode = mode;
            state.notices = notices;
            state
        }
    });
    use_url_route(state.dispatcher());
    use_share_link(&state.route, state.dispatcher());
    use_route_focus(&state.route, page_title(&state));
    use_catalog_memory(props.autosave, &state, &props.catalog, state.dispatcher());
    let on_action = use_scope_storage(props.autosave, &state, state.dispatcher());
    let analysis = use_scope_analysis(&state);
    use_release_when_idle((state.scope.clone(), analysis.clone()));

    let catalog = state.catalog.clone();
    let from_file = catalog != props.catalog;
    let currency = state.currency();
    let page = match &state.route {
        Route::Catalog => html! {
            <>
                if from_file {
                    <Notice id="catalog-from-file" actions={html! {
                        <button type="button" class="button" id="back-to-builtin"
                            onclick={on_action.reform({
                                let builtin = props.catalog.clone();
                                move |_: MouseEvent| Action::ReplaceCatalog(builtin.clone())
                            })}>
                            { format!("Back to {}", props.catalog.data().name) }
                        </button>
                    }}>
                        <p>
                            { format!(
                                "You are looking at {} (version {}), a catalog opened from a file. It stays until you go back to the built-in catalog.",
                                catalog.data().name, catalog.data().version
                            ) }
                        </p>
                    </Notice>
                }
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
            <main id="main" class="page">
                <AppNotices
                    notices={state.notices.clone()}
                    scope={state.scope.clone()}
                    on_action={on_action.clone()}
                />
                { page }
            </main>
            <footer class="site-footer">
                <p>{ PRICE_NOTE }</p>
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
