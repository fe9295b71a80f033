//! The app's custom hooks: they connect the state to the effects in [`crate::effects`].

use std::rc::Rc;

use scopecraft::Scope;
use yew::prelude::*;

use crate::analysis::{ScopeAnalysis, analyse};
use crate::effects;
use crate::route::Route;
use crate::state::{Action, AppState, Mode};

/// Where the scope is saved in local storage.
pub const SCOPE_KEY: &str = "scopecraft.scope";
/// Where the mode is saved in local storage.
pub const MODE_KEY: &str = "scopecraft.mode";

/// The core's completeness, quote and recommendations for the scope: computed once per
/// change of catalog, scope, mode or date, and shared by every component that shows them.
#[hook]
pub fn use_scope_analysis(state: &AppState) -> Rc<ScopeAnalysis> {
    use_memo(
        (
            state.catalog.clone(),
            state.scope.clone(),
            state.mode,
            state.today,
        ),
        |(catalog, scope, mode, today)| analyse(catalog, scope, *mode, *today),
    )
}

/// Opens a share link found in the URL (`#/share/s1.…`, on load or when followed): the
/// reducer decodes it with the core, and the address becomes `#/scope` without a new history
/// entry, so a reload does not open the link again.
#[hook]
pub fn use_share_link(route: &Route, dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with(route.clone(), move |route| {
        if let Route::Share(link) = route {
            dispatcher.dispatch(Action::OpenShared(link.clone()));
            effects::replace_hash(&Route::Scope.href());
        }
    });
}

/// Saves the scope and the mode to local storage after every change (when `enabled`).
#[hook]
pub fn use_autosave(enabled: bool, scope: &Scope, mode: Mode) {
    use_effect_with((scope.clone(), mode), move |(scope, mode)| {
        if enabled {
            effects::store(SCOPE_KEY, &scope.to_json());
            effects::store(MODE_KEY, mode.as_str());
        }
    });
}

/// The scope and mode saved in this browser, if any and still readable.
pub fn saved_scope() -> (Option<Scope>, Mode) {
    let scope = effects::stored(SCOPE_KEY).and_then(|text| Scope::from_json(&text).ok());
    let mode = effects::stored(MODE_KEY)
        .and_then(|text| Mode::parse(&text))
        .unwrap_or_default();
    (scope, mode)
}

/// Keeps the state's route in step with the URL hash: every hash change (a followed link,
/// back, forward) becomes an [`Action::Navigate`].
#[hook]
pub fn use_url_route(dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let listener = effects::watch_route(move |route| {
            dispatcher.dispatch(Action::Navigate(route));
        });
        move || drop(listener)
    });
}

/// After a route change: sets the tab title, and moves focus where a keyboard or
/// screen-reader user expects it — to the offering's heading when one opens, and back to
/// the card they came from when they return to the catalog.
#[hook]
pub fn use_route_focus(route: &Route, title: String) {
    let previous = use_mut_ref(|| None::<Route>);
    use_effect_with((route.clone(), title), move |(route, title)| {
        effects::set_title(title);
        let before = previous.borrow_mut().replace(route.clone());
        match (before, route) {
            // First render: leave focus where the browser put it.
            (None, _) => {}
            (Some(_), Route::Offering(_)) => effects::focus(OFFERING_HEADING_ID),
            (Some(_), Route::Scope | Route::Share(_)) => effects::focus(SCOPE_HEADING_ID),
            (Some(Route::Offering(sku)), Route::Catalog) => effects::focus(&card_link_id(&sku)),
            (Some(_), Route::Catalog) => {}
        }
    });
}

/// The id of the scope page's heading.
pub const SCOPE_HEADING_ID: &str = "scope-title";

/// The id of the offering detail's heading.
pub const OFFERING_HEADING_ID: &str = "offering-title";

/// The id of an offering card's link (SKUs are unique, and ids may hold any character but
/// spaces, which SKUs do not have).
pub fn card_link_id(sku: &str) -> String {
    format!("card-{}", sku.replace(char::is_whitespace, "_"))
}
