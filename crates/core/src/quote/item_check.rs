//! The check a line editor runs before it changes a scope item: the scope format's rules for
//! the item's fields and the pricing engine's, so the editor never puts into a scope a value
//! the engine refuses or a saved scope would not read back.

use crate::catalog::Catalog;
use crate::field_error::{FieldErrors, FieldPath};
use crate::scope::Scope;

use super::{QuoteOptions, price_with};

/// Every problem with the item at `index` of `scope`, each naming its field
/// (`items[2].discount_percent`): first the scope format's ([`crate::ScopeItem::format_errors`]),
/// then, when there are none, the pricing engine's for that item (a field its model does not
/// read, a role the offering is not staffed by, a percentage and an amount together). The
/// other items' problems and the scope's own are not reported. Empty when the item is fine,
/// or when there is no item at `index`.
pub fn item_errors(catalog: &Catalog, scope: &Scope, index: usize) -> FieldErrors {
    let Some(item) = scope.items.get(index) else {
        return FieldErrors::new();
    };
    let format = item.format_errors(index);
    if !format.is_empty() {
        return format;
    }
    match price_with(catalog, scope, &QuoteOptions::default()) {
        Ok(_) => FieldErrors::new(),
        Err(error) => error
            .errors
            .into_iter()
            .filter(|e| matches!(&e.field, FieldPath::Item { index: i, .. } if *i == index))
            .collect(),
    }
}
