//! The app's custom hooks: they connect the state to the effects in [`crate::effects`], and
//! read what earlier visits saved ([`load_saves`]).

use std::cell::RefCell;
use std::rc::Rc;

use scopecraft::{Catalog, Scope};
use yew::prelude::*;

use crate::analysis::{ScopeAnalysis, analyse};
use crate::effects;
use crate::notices::{AppNotice, blocks_writes};
use crate::route::Route;
use crate::saves::{
    BUILD_KEY, CATALOG_KEY, MODE_KEY, SCOPE_KEY, Saved, UnreadableSave, is_new_build, read_catalog,
    read_scope, set_aside_key,
};
use crate::state::{Action, AppState, Mode, SharedCatalog, SharedScope};

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

/// Holds `value` (a render's scope and analysis) until the browser is idle after the next
/// render: the frame that shows a change then does not also free the scope and quote it
/// replaces (every item and line of both), which is done once that frame is painted.
#[hook]
pub fn use_release_when_idle<T: 'static>(value: T) {
    let held = use_mut_ref(|| None::<T>);
    if let Some(previous) = held.replace(Some(value)) {
        effects::when_idle(move || drop(previous));
    }
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

/// Keeps the scope in step with local storage, which every tab of this browser shares, and
/// returns the callback every component sends its actions to.
///
/// The rule: **a tab never saves over a change it has not seen.** The tab remembers the text
/// it last read or wrote under [`SCOPE_KEY`]. Whenever another tab writes (the `storage`
/// event), and again before any action that edits the scope, it reads the stored text; when
/// that differs from what it remembers, it first takes the stored scope (“Updated from another
/// tab”), so the action applies on top of the latest save; only an edit of a line named by its
/// position is dropped then, since the line may have moved. Two tabs that each add an item
/// therefore end with both items saved. The stored text is compared where the browser holds
/// it, without copying it into the app, so the check costs little on every keystroke.
///
/// After every change the scope and mode are saved (when `enabled`): the mode at once when it
/// changes, the scope once the frame showing the change has been painted (see [`effects::when_idle`]),
/// and at once when the page is hidden or left, so nothing typed waits on a save and nothing
/// typed is lost with the page. Several changes before a save are saved together, as the
/// last. (Two edits in two tabs within the same few milliseconds, before either is saved,
/// could still race: the tab that sees the other's save takes it; a person does not type
/// into two tabs at once.)
///
/// A save the browser refuses shows a notice with a download, which the next save that works
/// takes away. A stored scope that cannot be read is set aside under its own key before
/// anything is saved (and if even that is refused, nothing is saved over it until the user
/// closes the notice).
#[hook]
pub fn use_scope_storage(
    enabled: bool,
    state: &AppState,
    dispatcher: UseReducerDispatcher<AppState>,
) -> Callback<Action> {
    let saves = (*use_memo((), {
        let dispatcher = dispatcher.clone();
        move |_| {
            Rc::new(ScopeSaves {
                known: RefCell::new(effects::stored_text(SCOPE_KEY)),
                pending: RefCell::new(None),
                dispatcher,
            })
        }
    }))
    .clone();
    {
        let saves = saves.clone();
        use_effect_with((), move |_| {
            let listeners = enabled.then(|| {
                let storage = effects::watch_storage({
                    let saves = saves.clone();
                    move |key| {
                        if key.is_none_or(|key| key == SCOPE_KEY)
                            && let Some(action) = saves.take_stored_change()
                        {
                            saves.dispatcher.dispatch(action);
                        }
                    }
                });
                let leaving = effects::watch_leaving({
                    let saves = saves.clone();
                    move || saves.flush()
                });
                (storage, leaving)
            });
            move || {
                drop(listeners);
                saves.flush();
            }
        });
    }
    use_effect_with(state.mode, move |mode| {
        if enabled {
            effects::store(MODE_KEY, mode.as_str());
        }
    });
    {
        let saves = saves.clone();
        // The notices are a dependency too: closing one that held writes back, or setting
        // aside another tab's unreadable save, is a reason to save again.
        use_effect_with(
            (state.scope.clone(), state.notices.clone()),
            move |(scope, notices)| {
                if !enabled {
                    return;
                }
                if blocks_writes(notices, Saved::Scope) {
                    saves.pending.replace(None);
                    return;
                }
                if saves.pending.replace(Some(scope.clone())).is_none() {
                    let saves = saves.clone();
                    effects::when_idle(move || saves.flush());
                }
            },
        );
    }
    // One callback for the app's life (its parts never change), so the props of components
    // that take it stay equal from one render to the next.
    use_callback(enabled, move |action: Action, &enabled| {
        if enabled
            && action.edits_scope()
            && let Some(stored) = saves.take_stored_change()
        {
            let taken = matches!(stored, Action::ScopeFromOtherTab(_));
            saves.dispatcher.dispatch(stored);
            // A line named by its position on the page may have moved in the scope just
            // taken: the edit is not applied (the notice says the page changed).
            if taken && action.names_a_line() {
                return;
            }
        }
        saves.dispatcher.dispatch(action);
    })
}

/// The tab's side of the saved scope: the text it last read or wrote, and the scope it has
/// still to save.
struct ScopeSaves {
    known: RefCell<effects::StoredText>,
    pending: RefCell<Option<SharedScope>>,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl ScopeSaves {
    /// Saves the scope waiting to be saved, if any (unless it is the text stored already).
    /// When another tab saved since this tab last looked, its save is taken instead, as
    /// before an edit: this tab does not save over a change it has not seen.
    fn flush(&self) {
        if self.pending.borrow().is_none() {
            return;
        }
        if let Some(action) = self.take_stored_change() {
            self.dispatcher.dispatch(action);
            return;
        }
        let Some(scope) = self.pending.take() else {
            return;
        };
        let text = scope.to_json();
        let written = effects::StoredText::of(&text);
        if *self.known.borrow() == written {
            return;
        }
        if effects::store(SCOPE_KEY, &text) {
            self.known.replace(written);
            self.dispatcher
                .dispatch(Action::Dismiss(AppNotice::NotSaved.id()));
        } else {
            self.dispatcher
                .dispatch(Action::Notify(AppNotice::NotSaved));
        }
    }

    /// What another tab saved since this tab last looked, as the action that takes it: its
    /// scope, or a notice when it cannot be read (then set aside like an unreadable save at
    /// start). A save of this tab's still waiting then is not made: it would save over the
    /// other tab's change (after a notice, the scope is saved again).
    fn take_stored_change(&self) -> Option<Action> {
        let stored = effects::stored_text(SCOPE_KEY);
        if *self.known.borrow() == stored {
            return None;
        }
        self.pending.replace(None);
        let text = stored.text();
        self.known.replace(stored);
        let text = text?;
        Some(match read_scope(&text) {
            Ok(scope) => Action::ScopeFromOtherTab(scope),
            Err(reason) => {
                let save = set_aside(Saved::Scope, text, reason);
                if save.kept_under.is_some() {
                    self.known.replace(effects::StoredText::default());
                }
                Action::Notify(AppNotice::Unreadable(save))
            }
        })
    }
}

/// Remembers a catalog opened from a file for the next visit (its canonical JSON), and
/// forgets it when the user goes back to the built-in catalog. A catalog the browser refuses
/// to keep shows a notice.
#[hook]
pub fn use_catalog_memory(
    enabled: bool,
    state: &AppState,
    builtin: &SharedCatalog,
    dispatcher: UseReducerDispatcher<AppState>,
) {
    let first = use_mut_ref(|| true);
    let builtin = builtin.clone();
    let blocked = blocks_writes(&state.notices, Saved::Catalog);
    use_effect_with(state.catalog.clone(), move |catalog| {
        // The catalog the page starts with is already where it belongs.
        if first.replace(false) || !enabled {
            return;
        }
        let kept = if blocked {
            false
        } else if *catalog == builtin {
            effects::forget(CATALOG_KEY);
            true
        } else {
            effects::store(CATALOG_KEY, &catalog.to_canonical_json())
        };
        dispatcher.dispatch(if kept {
            Action::Dismiss(AppNotice::CatalogNotKept.id())
        } else {
            Action::Notify(AppNotice::CatalogNotKept)
        });
    });
}

/// What the browser kept from earlier visits, read once before the app starts.
#[derive(Debug, Default)]
pub struct Saves {
    /// The saved scope, if any and readable.
    pub scope: Option<Scope>,
    /// The saved mode.
    pub mode: Mode,
    /// A catalog opened from a file on an earlier visit, if any and readable.
    pub catalog: Option<Catalog>,
    /// What the user must be told: unreadable saves, a new version.
    pub notices: Vec<AppNotice>,
}

/// Reads the scope, mode and catalog saved in this browser. A save that cannot be read is set
/// aside under its own key (see [`set_aside`]) and reported; a build that differs from the
/// last one seen here is reported as an update.
pub fn load_saves() -> Saves {
    let mut saves = Saves {
        mode: effects::stored(MODE_KEY)
            .and_then(|text| Mode::parse(&text))
            .unwrap_or_default(),
        ..Saves::default()
    };
    if let Some(text) = effects::stored(SCOPE_KEY) {
        match read_scope(&text) {
            Ok(scope) => saves.scope = Some(scope),
            Err(reason) => {
                saves
                    .notices
                    .push(AppNotice::Unreadable(set_aside(Saved::Scope, text, reason)))
            }
        }
    }
    if let Some(text) = effects::stored(CATALOG_KEY) {
        match read_catalog(&text) {
            Ok(catalog) => saves.catalog = Some(catalog),
            Err(reason) => saves.notices.push(AppNotice::Unreadable(set_aside(
                Saved::Catalog,
                text,
                reason,
            ))),
        }
    }
    if let Some(build) = effects::build_id() {
        if is_new_build(effects::stored(BUILD_KEY).as_deref(), &build) {
            saves.notices.push(AppNotice::Updated);
        }
        effects::store(BUILD_KEY, &build);
    }
    saves
}

/// Moves an unreadable save to a key of its own (named with the time it was found), so that
/// nothing saves over it; `kept_under` is `None` when the browser refused the copy.
fn set_aside(what: Saved, text: String, reason: String) -> UnreadableSave {
    let key = set_aside_key(what, &effects::now_timestamp(), |key| {
        effects::stored(key).is_some()
    });
    let kept_under = effects::store(&key, &text).then(|| {
        effects::forget(what.key());
        key
    });
    UnreadableSave {
        what,
        text: Rc::from(text),
        reason,
        kept_under,
    }
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

pub use crate::offering_view::card_link_id;
