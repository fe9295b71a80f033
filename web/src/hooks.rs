//! The app's custom hooks: they connect the state to the effects in [`crate::effects`].

use yew::prelude::*;

use crate::effects;
use crate::route::Route;
use crate::state::{Action, AppState};

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
            (Some(Route::Offering(sku)), Route::Catalog) => effects::focus(&card_link_id(&sku)),
            (Some(Route::Catalog), Route::Catalog) => {}
        }
    });
}

/// The id of the offering detail's heading.
pub const OFFERING_HEADING_ID: &str = "offering-title";

/// The id of an offering card's link (SKUs are unique, and ids may hold any character but
/// spaces, which SKUs do not have).
pub fn card_link_id(sku: &str) -> String {
    format!("card-{}", sku.replace(char::is_whitespace, "_"))
}
