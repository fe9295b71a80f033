//! A change to one field of a scope item, as a line editor makes it: the core checks the
//! item with the change made ([`scopecraft::edited_item_errors`]: the scope format's rules
//! and the pricing engine's, for that item alone) before the change reaches the scope, so
//! the scope never holds a value the engine refuses or a saved scope would not read back.

use std::cell::RefCell;
use std::rc::Rc;

use scopecraft::{Scope, ScopeItem, edited_item_errors};
use yew::Callback;

use crate::state::{Action, SharedCatalog};

/// The two callbacks a field of a line editor takes.
#[derive(Clone, PartialEq)]
pub struct ItemEdit {
    /// Asks the core about the typed value: its messages (joined) when it refuses the item
    /// with the change made, `None` when it takes it.
    pub check: Callback<Option<String>, Option<String>>,
    /// Makes the change (a value `check` took).
    pub on_value: Callback<Option<String>>,
}

/// The scope as the page shows it now, one handle shared by every line editor. The quote
/// panel puts each new scope in it as it renders, and an edit reads it when it is made, so
/// a line whose own item and price did not change keeps equal props (two handles are equal
/// when they are the same handle) and is not rendered again when another line is edited.
#[derive(Clone, Default)]
pub struct ShownScope(Rc<RefCell<Rc<Scope>>>);

impl ShownScope {
    /// The scope shown from now on.
    pub fn show(&self, scope: Rc<Scope>) {
        *self.0.borrow_mut() = scope;
    }

    /// The scope shown now.
    pub fn get(&self) -> Rc<Scope> {
        self.0.borrow().clone()
    }
}

impl PartialEq for ShownScope {
    fn eq(&self, other: &ShownScope) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The line's scope and where its item is, for the edits of its fields.
#[derive(Clone)]
pub struct LineScope {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The scope as the page shows it.
    pub scope: ShownScope,
    /// The item's position in it.
    pub index: usize,
    /// Receives the edited item.
    pub on_action: Callback<Action>,
}

impl LineScope {
    /// The item as the scope holds it now.
    fn item(&self) -> ScopeItem {
        self.scope
            .get()
            .items
            .get(self.index)
            .cloned()
            .unwrap_or_default()
    }

    /// The edit of one field: `change` writes the typed value (`None`: cleared) into a copy
    /// of the item.
    pub fn edit(&self, change: impl Fn(&mut ScopeItem, Option<String>) + 'static) -> ItemEdit {
        let change = Rc::new(change);
        let check = {
            let line = self.clone();
            let change = change.clone();
            Callback::from(move |value: Option<String>| {
                // The item with the change made, checked in the scope as it is: neither the
                // scope nor its other items are copied or priced.
                let scope = line.scope.get();
                let mut item = scope.items.get(line.index)?.clone();
                change(&mut item, value);
                let errors = edited_item_errors(&line.catalog, &scope, line.index, &item);
                (!errors.is_empty()).then(|| {
                    errors
                        .iter()
                        .map(|e| e.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
            })
        };
        let on_value = {
            let line = self.clone();
            Callback::from(move |value: Option<String>| {
                let mut item = line.item();
                change(&mut item, value);
                line.on_action.emit(Action::SetItem {
                    index: line.index,
                    item,
                });
            })
        };
        ItemEdit { check, on_value }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_copy_of_a_shown_scope_reads_the_scope_shown_last() {
        let shown = ShownScope::default();
        let row = shown.clone();
        assert!(
            row == shown,
            "a copy is the same handle: a row's props stay equal"
        );
        assert!(
            ShownScope::default() != shown,
            "another panel's handle is another"
        );
        let scope = Scope {
            items: vec![ScopeItem::new("GL-JIRA")],
            ..Scope::default()
        };
        shown.show(Rc::new(scope.clone()));
        assert_eq!(
            *row.get(),
            scope,
            "the row reads what the panel showed since"
        );
    }
}
