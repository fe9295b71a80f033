//! The app's state and every change to it, as plain data and one reducer (the
//! `function_todomvc` pattern). No effects here: the URL, storage and the clock are read and
//! written in [`crate::effects`], and their results arrive as [`Action`]s.

use std::ops::Deref;
use std::rc::Rc;

use rust_decimal::Decimal;
use scopecraft::{
    Answer, Audience, Catalog, Currency, Customer, Date, Decision, DeliveryMode, Requester, Scope,
    ScopeItem,
};
use yew::Reducible;

use crate::catalog_filter::CatalogFilter;
use crate::notices::{AppNotice, add_notice};
use crate::route::Route;

/// A catalog shared between components without copying it. Two handles are equal when they
/// are the same catalog (same allocation, or the same content hash).
#[derive(Debug, Clone)]
pub struct SharedCatalog(Rc<Catalog>);

impl SharedCatalog {
    /// Shares `catalog`.
    pub fn new(catalog: Catalog) -> SharedCatalog {
        SharedCatalog(Rc::new(catalog))
    }
}

impl PartialEq for SharedCatalog {
    fn eq(&self, other: &SharedCatalog) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.hash() == other.0.hash()
    }
}

impl Deref for SharedCatalog {
    type Target = Catalog;

    fn deref(&self) -> &Catalog {
        &self.0
    }
}

/// The scope shared between the state, the analysis memo and the components without
/// copying it. Two handles are equal when they are the same scope (the same allocation): a
/// change to the scope makes a new one ([`SharedScope::make_mut`]), so comparing a panel's
/// props or the memo's inputs is a pointer comparison, whatever the number of lines. (A
/// new handle for an equal scope only renders again what it did not need to; the reducer
/// keeps the old handle when an action changes nothing.)
#[derive(Debug, Clone, Default)]
pub struct SharedScope(Rc<Scope>);

impl SharedScope {
    /// Shares `scope`.
    pub fn new(scope: Scope) -> SharedScope {
        SharedScope(Rc::new(scope))
    }

    /// The scope to change: a copy of it when this handle is not the only one, so every
    /// other handle keeps the scope it had.
    pub fn make_mut(&mut self) -> &mut Scope {
        Rc::make_mut(&mut self.0)
    }

    /// The scope's shared allocation.
    pub fn rc(&self) -> Rc<Scope> {
        self.0.clone()
    }

    /// Whether both are the same handle (see [`SharedScope`]'s equality).
    fn same(&self, other: &SharedScope) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl From<Scope> for SharedScope {
    fn from(scope: Scope) -> SharedScope {
        SharedScope::new(scope)
    }
}

impl PartialEq for SharedScope {
    fn eq(&self, other: &SharedScope) -> bool {
        self.same(other)
    }
}

impl Deref for SharedScope {
    type Target = Scope;

    fn deref(&self) -> &Scope {
        &self.0
    }
}

/// Everything the app shows and remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The customer's scope: what they added, in the order they added it.
    pub scope: SharedScope,
    /// The catalog search and filters.
    pub filter: CatalogFilter,
    /// Where the customer is.
    pub route: Route,
    /// Today, when the browser could tell; hides offerings outside their availability dates.
    pub today: Option<Date>,
    /// Who the page is set up for: what it shows, never what it may do.
    pub mode: Mode,
    /// What happened to the last share link opened, until dismissed.
    pub notice: Option<ShareNotice>,
    /// The notices above the page, oldest first, until dismissed.
    pub notices: Vec<AppNotice>,
}

/// The outcome of opening a share link.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareNotice {
    /// The link holds a scope, and the scope shown has items: nothing is replaced until the
    /// user chooses ([`Action::AcceptShared`], or [`Action::DismissNotice`] to keep theirs).
    Pending {
        /// The link's scope.
        shared: Rc<Scope>,
    },
    /// The link's scope is now the scope; `replaced` holds the one it replaced, if it had
    /// anything in it, so it can be brought back.
    Opened {
        /// The scope before the link was opened.
        replaced: Option<Rc<Scope>>,
    },
    /// The link could not be read (the core's reason); the scope is unchanged.
    Failed(String),
}

/// Who is using the page. The mode only hides or shows fields: the static site holds no
/// secrets, and everything it knows is in the public catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A customer building a wish list: list prices only.
    #[default]
    Customer,
    /// An account executive: intake, discounts, approvals and the SOW request.
    AccountExecutive,
}

impl Mode {
    /// The stored form (`customer`, `account_executive`).
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Customer => "customer",
            Mode::AccountExecutive => "account_executive",
        }
    }

    /// Reads the stored form; anything else is `None`.
    pub fn parse(text: &str) -> Option<Mode> {
        match text {
            "customer" => Some(Mode::Customer),
            "account_executive" => Some(Mode::AccountExecutive),
            _ => None,
        }
    }

    /// Who the core prices the scope for in this mode.
    pub fn audience(self) -> Audience {
        match self {
            Mode::Customer => Audience::Customer,
            Mode::AccountExecutive => Audience::AccountExecutive,
        }
    }
}

/// Every change the app can make to its state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The search box changed.
    SetSearch(String),
    /// A category filter was switched on or off.
    ToggleCategory(String),
    /// A delivery-mode filter was switched on or off.
    ToggleDelivery(DeliveryMode),
    /// An audience filter was switched on or off.
    ToggleAudience(String),
    /// Search and filters reset.
    ClearFilters,
    /// The URL now points somewhere else (a link was followed, or back was pressed).
    Navigate(Route),
    /// "Add to scope" on an offering; `delivery` is set for a SKU sold in both modes.
    AddToScope {
        /// The offering's SKU.
        sku: String,
        /// The delivery mode chosen, for a SKU sold both ways.
        delivery: Option<DeliveryMode>,
    },
    /// Quote currency chosen (one the catalog has a price book for).
    SetCurrency(Currency),
    /// A discovery question answered (`Some`) or cleared (`None`).
    SetAnswer {
        /// The question's id.
        question: String,
        /// The answer.
        answer: Option<Answer>,
    },
    /// A scope item edited (quantity, attendees, hours, delivery, discount): the whole item
    /// as it should now be.
    SetItem {
        /// Its position in the scope.
        index: usize,
        /// The item.
        item: ScopeItem,
    },
    /// A scope item taken out.
    RemoveItem(usize),
    /// A recommendation accepted, dismissed or reopened (`None`).
    Decide {
        /// The recommendation's id.
        id: String,
        /// The decision.
        decision: Option<Decision>,
        /// Items an acceptance adds (each once).
        add: Vec<ScopeItem>,
        /// SKUs an acceptance takes out (what the recommendation replaces).
        remove: Vec<String>,
    },
    /// Customer preview or account executive.
    SetMode(Mode),
    /// The customer's intake fields.
    SetCustomer(Customer),
    /// The requester's intake fields.
    SetRequester(Requester),
    /// The discount on the whole quote, in percent.
    SetQuoteDiscount(Option<Decimal>),
    /// Notes for the PS team.
    SetNotes(String),
    /// A whole new scope: "New scope", a scope file opened, or a share link followed.
    ReplaceScope(Scope),
    /// A share link followed: the text after `#/share/`. It replaces an empty scope at
    /// once; over a scope with items it waits for [`Action::AcceptShared`].
    OpenShared(String),
    /// "Open the shared scope" on a pending share link: it replaces the scope, which can be
    /// brought back.
    AcceptShared,
    /// The share notice closed (on a pending link: the scope shown is kept).
    DismissNotice,
    /// Another tab saved the scope: this tab takes it, and says so.
    ScopeFromOtherTab(Scope),
    /// A notice to show above the page (in place of one of the same kind).
    Notify(AppNotice),
    /// The notice with this id closed.
    Dismiss(&'static str),
    /// Another catalog, opened from a file (already checked by the core). The scope stays;
    /// items the new catalog does not sell are reported by the quote.
    ReplaceCatalog(SharedCatalog),
}

impl Action {
    /// Whether it changes the scope (what is saved and shared between tabs), as opposed to
    /// what this tab shows (search, filters, route, notices).
    pub fn edits_scope(&self) -> bool {
        !matches!(
            self,
            Action::SetSearch(_)
                | Action::ToggleCategory(_)
                | Action::ToggleDelivery(_)
                | Action::ToggleAudience(_)
                | Action::ClearFilters
                | Action::Navigate(_)
                | Action::SetMode(_)
                | Action::DismissNotice
                | Action::ScopeFromOtherTab(_)
                | Action::Notify(_)
                | Action::Dismiss(_)
        )
    }

    /// Whether it edits what the scope prices (items, answers, currency, discounts).
    pub fn reprices(&self) -> bool {
        matches!(
            self,
            Action::AddToScope { .. }
                | Action::SetCurrency(_)
                | Action::SetAnswer { .. }
                | Action::SetItem { .. }
                | Action::RemoveItem(_)
                | Action::SetQuoteDiscount(_)
        )
    }

    /// Whether it names a line of the scope by its position, as the page showed it.
    pub fn names_a_line(&self) -> bool {
        matches!(self, Action::SetItem { .. } | Action::RemoveItem(_))
    }
}

impl AppState {
    /// A fresh state: an empty scope made with `catalog`, no filters.
    pub fn new(catalog: SharedCatalog, route: Route, today: Option<Date>) -> AppState {
        let scope = Scope {
            catalog: Some(catalog.reference()),
            ..Scope::default()
        };
        AppState {
            catalog,
            scope: SharedScope::new(scope),
            filter: CatalogFilter::default(),
            route,
            today,
            mode: Mode::default(),
            notice: None,
            notices: Vec::new(),
        }
    }

    /// An empty scope made with this state's catalog, in its currency.
    pub fn empty_scope(&self) -> Scope {
        Scope {
            catalog: Some(self.catalog.reference()),
            currency: self.scope.currency.clone(),
            ..Scope::default()
        }
    }

    /// The currency prices are shown in: the scope's, or the catalog's base currency.
    pub fn currency(&self) -> Currency {
        self.scope
            .currency
            .as_deref()
            .and_then(Currency::from_code)
            .filter(|c| self.catalog.price_book(*c).is_some())
            .unwrap_or_else(|| self.catalog.base_currency())
    }

    /// Whether the scope already has `sku` in this delivery mode.
    pub fn in_scope(&self, sku: &str, delivery: Option<DeliveryMode>) -> bool {
        self.scope
            .items
            .iter()
            .any(|item| item.sku == sku && item.delivery == delivery)
    }

    /// Applies one action; `None` when it changes nothing (so nothing re-renders).
    fn apply(&self, action: Action) -> Option<AppState> {
        let mut next = self.clone();
        // An edit that changes what the scope prices makes the prices it was quoted at
        // (`quoted`) no longer comparable with today's.
        if action.reprices() && next.scope.quoted.is_some() {
            next.scope.make_mut().quoted = None;
        }
        match action {
            Action::SetSearch(text) => next.filter.search = text,
            Action::ToggleCategory(id) => toggle(&mut next.filter.categories, id),
            Action::ToggleDelivery(mode) => toggle(&mut next.filter.delivery, mode),
            Action::ToggleAudience(label) => toggle(&mut next.filter.audiences, label),
            Action::ClearFilters => next.filter = CatalogFilter::default(),
            Action::Navigate(route) => next.route = route,
            Action::AddToScope { sku, delivery } => {
                if self.catalog.offering(&sku).is_none() || self.in_scope(&sku, delivery) {
                    return None;
                }
                next.scope.make_mut().items.push(ScopeItem {
                    delivery,
                    ..ScopeItem::new(sku)
                });
            }
            Action::SetCurrency(currency) => {
                self.catalog.price_book(currency)?;
                next.scope.make_mut().currency = Some(currency.code().to_string());
            }
            Action::SetAnswer { question, answer } => {
                self.catalog.question(&question)?;
                match answer {
                    Some(answer) => {
                        next.scope.make_mut().answers.insert(question, answer);
                    }
                    None => {
                        next.scope.make_mut().answers.remove(&question);
                    }
                }
            }
            Action::SetItem { index, item } => {
                self.catalog.offering(&item.sku)?;
                // A line editor's keystroke: only the one item is compared, not the scope.
                if *self.scope.items.get(index)? == item {
                    return (next.scope.quoted != self.scope.quoted).then_some(next);
                }
                *next.scope.make_mut().items.get_mut(index)? = item;
                return Some(next);
            }
            Action::RemoveItem(index) => {
                if index >= next.scope.items.len() {
                    return None;
                }
                next.scope.make_mut().items.remove(index);
            }
            Action::Decide {
                id,
                decision,
                add,
                remove,
            } => match decision {
                Some(Decision::Accepted) => {
                    let scope = next.scope.make_mut();
                    scope.items.retain(|i| !remove.contains(&i.sku));
                    for item in add {
                        let known = self.catalog.offering(&item.sku).is_some();
                        let present = scope
                            .items
                            .iter()
                            .any(|i| i.sku == item.sku && i.delivery == item.delivery);
                        if known && !present {
                            scope.items.push(item);
                        }
                    }
                    scope.recommendations.insert(id, Decision::Accepted);
                }
                Some(decision) => {
                    next.scope.make_mut().recommendations.insert(id, decision);
                }
                None => {
                    next.scope.make_mut().recommendations.remove(&id);
                }
            },
            Action::SetMode(mode) => next.mode = mode,
            Action::SetCustomer(customer) => next.scope.make_mut().customer = customer,
            Action::SetRequester(requester) => next.scope.make_mut().requester = requester,
            Action::SetQuoteDiscount(percent) => {
                next.scope.make_mut().quote_discount_percent = percent;
            }
            Action::SetNotes(notes) => next.scope.make_mut().notes = notes,
            Action::ReplaceScope(scope) => next.scope = SharedScope::new(scope),
            Action::OpenShared(link) => {
                next.route = Route::Scope;
                match scopecraft::share::decode(&link) {
                    Ok(shared) if !self.scope.items.is_empty() && *self.scope != shared.scope => {
                        next.notice = Some(ShareNotice::Pending {
                            shared: Rc::new(shared.scope),
                        });
                    }
                    Ok(shared) => {
                        next.scope = SharedScope::new(shared.scope);
                        next.notice = Some(ShareNotice::Opened { replaced: None });
                    }
                    Err(error) => next.notice = Some(ShareNotice::Failed(error.to_string())),
                }
            }
            Action::AcceptShared => {
                let Some(ShareNotice::Pending { shared }) = &self.notice else {
                    return None;
                };
                next.scope = SharedScope(shared.clone());
                next.notice = Some(ShareNotice::Opened {
                    replaced: Some(self.scope.rc()),
                });
            }
            Action::DismissNotice => next.notice = None,
            Action::ScopeFromOtherTab(scope) => {
                if scope == *self.scope {
                    return None;
                }
                next.scope = SharedScope::new(scope);
                add_notice(&mut next.notices, AppNotice::FromOtherTab);
            }
            Action::Notify(notice) => add_notice(&mut next.notices, notice),
            Action::Dismiss(id) => next.notices.retain(|notice| notice.id() != id),
            Action::ReplaceCatalog(catalog) => {
                let keeps_currency = next
                    .scope
                    .currency
                    .as_deref()
                    .and_then(Currency::from_code)
                    .is_some_and(|c| catalog.price_book(c).is_some());
                if !keeps_currency && next.scope.currency.is_some() {
                    next.scope.make_mut().currency = None;
                }
                next.filter = CatalogFilter::default();
                next.catalog = catalog;
            }
        }
        // A scope changed to what it was keeps its handle: nothing that reads it renders again.
        if !next.scope.same(&self.scope) && *next.scope == *self.scope {
            next.scope = self.scope.clone();
        }
        (next != *self).then_some(next)
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../tests/fixtures/small-catalog.toml");

    fn state() -> Rc<AppState> {
        let catalog = scopecraft::load_catalog("small-catalog.toml", SMALL).expect("fixture");
        Rc::new(AppState::new(
            SharedCatalog::new(catalog),
            Route::Catalog,
            None,
        ))
    }

    #[test]
    fn add_to_scope_pushes_each_item_once() {
        let start = state();
        assert_eq!(
            start.scope.catalog.as_ref().map(|c| c.id.as_str()),
            Some("small-test")
        );
        let add = |sku: &str, delivery| Action::AddToScope {
            sku: sku.into(),
            delivery,
        };
        let one = start.clone().reduce(add("TR-GIT-R", None));
        assert_eq!(one.scope.items.len(), 1);
        assert!(one.in_scope("TR-GIT-R", None));
        let again = one.clone().reduce(add("TR-GIT-R", None));
        assert!(Rc::ptr_eq(&one, &again), "no change, no re-render");
        let unknown = one.clone().reduce(add("NOPE", None));
        assert!(Rc::ptr_eq(&one, &unknown));
        let two = one
            .reduce(add("TR-SEC", Some(DeliveryMode::OnSite)))
            .reduce(add("TR-SEC", Some(DeliveryMode::Remote)));
        let items: Vec<(&str, Option<DeliveryMode>)> = two
            .scope
            .items
            .iter()
            .map(|i| (i.sku.as_str(), i.delivery))
            .collect();
        assert_eq!(
            items,
            [
                ("TR-GIT-R", None),
                ("TR-SEC", Some(DeliveryMode::OnSite)),
                ("TR-SEC", Some(DeliveryMode::Remote))
            ]
        );
    }

    #[test]
    fn filters_toggle_and_clear() {
        let state = state()
            .reduce(Action::SetSearch("git".into()))
            .reduce(Action::ToggleCategory("training".into()))
            .reduce(Action::ToggleDelivery(DeliveryMode::OnSite))
            .reduce(Action::ToggleAudience("Developers".into()));
        assert_eq!(state.filter.search, "git");
        assert!(state.filter.categories.contains("training"));
        assert!(state.filter.delivery.contains(&DeliveryMode::OnSite));
        assert!(state.filter.audiences.contains("Developers"));
        let off = state
            .clone()
            .reduce(Action::ToggleCategory("training".into()));
        assert!(off.filter.categories.is_empty());
        let cleared = state.reduce(Action::ClearFilters);
        assert!(cleared.filter.is_empty());
        let same = cleared.clone().reduce(Action::ClearFilters);
        assert!(Rc::ptr_eq(&cleared, &same));
    }

    #[test]
    fn answers_items_and_decisions() {
        let start = state().reduce(Action::AddToScope {
            sku: "TR-GIT-R".into(),
            delivery: None,
        });
        let edited = start.clone().reduce(Action::SetItem {
            index: 0,
            item: ScopeItem {
                quantity: Some(3),
                ..ScopeItem::new("TR-GIT-R")
            },
        });
        assert_eq!(edited.scope.items[0].quantity, Some(3));
        let nowhere = edited.clone().reduce(Action::SetItem {
            index: 5,
            item: ScopeItem::new("TR-GIT-R"),
        });
        assert!(Rc::ptr_eq(&edited, &nowhere), "no item 5");
        let unknown = edited.clone().reduce(Action::SetAnswer {
            question: "no.such".into(),
            answer: Some(Answer::Bool(true)),
        });
        assert!(
            Rc::ptr_eq(&edited, &unknown),
            "the fixture has no questions"
        );

        let accepted = edited.clone().reduce(Action::Decide {
            id: "rule".into(),
            decision: Some(Decision::Accepted),
            add: vec![ScopeItem::new("TR-SEC"), ScopeItem::new("TR-GIT-R")],
            remove: Vec::new(),
        });
        let skus: Vec<&str> = accepted
            .scope
            .items
            .iter()
            .map(|i| i.sku.as_str())
            .collect();
        assert_eq!(skus, ["TR-GIT-R", "TR-SEC"], "each item once");
        assert_eq!(
            accepted.scope.recommendations.get("rule"),
            Some(&Decision::Accepted)
        );
        let replaced = edited.clone().reduce(Action::Decide {
            id: "swap".into(),
            decision: Some(Decision::Accepted),
            add: vec![ScopeItem::new("TR-GIT")],
            remove: vec!["TR-GIT-R".into()],
        });
        let skus: Vec<&str> = replaced
            .scope
            .items
            .iter()
            .map(|i| i.sku.as_str())
            .collect();
        assert_eq!(skus, ["TR-GIT"]);
        let reopened = accepted.reduce(Action::Decide {
            id: "rule".into(),
            decision: None,
            add: Vec::new(),
            remove: Vec::new(),
        });
        assert!(reopened.scope.recommendations.is_empty());
        let removed = reopened.reduce(Action::RemoveItem(0));
        assert_eq!(removed.scope.items.len(), 1);
        let fresh = removed
            .clone()
            .reduce(Action::ReplaceScope(removed.empty_scope()));
        assert!(fresh.scope.items.is_empty());
        assert_eq!(fresh.scope.catalog, removed.scope.catalog);
        assert_eq!(
            Mode::parse(Mode::AccountExecutive.as_str()),
            Some(Mode::AccountExecutive)
        );
        assert_eq!(Mode::parse("admin"), None);
    }

    #[test]
    fn share_links_open_into_the_scope_or_explain_themselves() {
        let start = state().reduce(Action::AddToScope {
            sku: "TR-SEC".into(),
            delivery: Some(DeliveryMode::Remote),
        });
        let mut shared = Scope {
            items: vec![ScopeItem::new("TR-GIT-R")],
            ..Scope::default()
        };
        let link = scopecraft::share::encode(&shared, &start.catalog.reference()).expect("encodes");
        // Over a scope with items, the link asks first: nothing is replaced yet.
        let asked = start.clone().reduce(Action::OpenShared(link.clone()));
        shared.catalog = Some(start.catalog.reference());
        assert_eq!(
            asked.scope, start.scope,
            "not replaced before the user chooses"
        );
        assert_eq!(asked.route, Route::Scope);
        assert_eq!(
            asked.notice,
            Some(ShareNotice::Pending {
                shared: Rc::new(shared.clone())
            })
        );
        let kept = asked.clone().reduce(Action::DismissNotice);
        assert_eq!(kept.scope, start.scope, "keep my scope");
        assert_eq!(kept.notice, None);
        let opened = asked.reduce(Action::AcceptShared);
        assert_eq!(*opened.scope, shared);
        assert_eq!(opened.route, Route::Scope);
        assert_eq!(
            opened.notice,
            Some(ShareNotice::Opened {
                replaced: Some(start.scope.rc())
            })
        );
        let again = opened.clone().reduce(Action::AcceptShared);
        assert!(Rc::ptr_eq(&opened, &again), "nothing pending");
        // Over an empty scope it opens at once, with nothing to bring back.
        let fresh = state().reduce(Action::OpenShared(link.clone()));
        assert_eq!(*fresh.scope, shared);
        assert_eq!(fresh.notice, Some(ShareNotice::Opened { replaced: None }));

        // One character changed in the middle: the core's checksum catches it.
        let middle = link.len() / 2;
        let swapped = if link.get(middle..=middle) == Some("A") {
            "B"
        } else {
            "A"
        };
        let tampered = format!("{}{swapped}{}", &link[..middle], &link[middle + 1..]);
        let refused = start.clone().reduce(Action::OpenShared(tampered));
        assert_eq!(refused.scope, start.scope, "the scope is unchanged");
        assert!(matches!(refused.notice, Some(ShareNotice::Failed(_))));
        let closed = refused.reduce(Action::DismissNotice);
        assert_eq!(closed.notice, None);
    }

    #[test]
    fn another_tabs_scope_is_taken_with_a_notice() {
        let start = state();
        let mut theirs = (*start.scope).clone();
        theirs.items.push(ScopeItem::new("TR-GIT-R"));
        let taken = start
            .clone()
            .reduce(Action::ScopeFromOtherTab(theirs.clone()));
        assert_eq!(*taken.scope, theirs);
        assert_eq!(taken.notices, [AppNotice::FromOtherTab]);
        let same = taken.clone().reduce(Action::ScopeFromOtherTab(theirs));
        assert!(Rc::ptr_eq(&taken, &same), "nothing new, no re-render");
        let edit = Action::SetItem {
            index: 0,
            item: ScopeItem::new("TR-SEC"),
        };
        assert!(edit.edits_scope() && edit.names_a_line());
        assert!(Action::RemoveItem(0).names_a_line());
        let add = Action::AddToScope {
            sku: "TR-SEC".into(),
            delivery: None,
        };
        assert!(add.edits_scope() && !add.names_a_line());
        let closed = taken.reduce(Action::Dismiss("notice-other-tab"));
        assert!(closed.notices.is_empty());
        assert!(
            !Action::Dismiss("x").edits_scope() && !Action::SetSearch(String::new()).edits_scope()
        );
    }

    #[test]
    fn navigation_and_currency() {
        let state = state().reduce(Action::Navigate(Route::Offering("TR-SEC".into())));
        assert_eq!(state.route, Route::Offering("TR-SEC".into()));
        assert_eq!(state.currency().code(), "USD");
        let eur = Currency::from_code("EUR").expect("EUR is known");
        let same = state.clone().reduce(Action::SetCurrency(eur));
        assert!(Rc::ptr_eq(&state, &same), "the fixture has no EUR book");
        assert_eq!(same.currency().code(), "USD");
    }

    #[test]
    fn an_edit_that_reprices_drops_the_quoted_prices_and_others_keep_them() {
        let start = state().reduce(Action::AddToScope {
            sku: "TR-GIT-R".into(),
            delivery: None,
        });
        let saved = scopecraft::with_quoted_prices(&start.catalog, &start.scope);
        assert!(saved.quoted.is_some());
        let opened = start.reduce(Action::ReplaceScope(saved));
        assert!(opened.scope.quoted.is_some(), "opening keeps them");
        let named = opened
            .clone()
            .reduce(Action::SetNotes("call Monday".into()));
        assert!(named.scope.quoted.is_some(), "a note changes no price");
        let edited = opened.reduce(Action::SetQuoteDiscount(Some(rust_decimal::Decimal::TEN)));
        assert_eq!(edited.scope.quoted, None);
    }
}
