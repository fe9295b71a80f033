//! The pricing policy applied before a scope in progress is priced for someone to look at:
//! answers that break their question's rules and unknown service types are left out (the
//! questionnaire says why), and
//! a customer sees list prices, without any discount.

use std::borrow::Cow;

use crate::catalog::Catalog;
use crate::scope::Scope;

/// Who looks at the price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// The customer's preview: list prices, no discounts.
    #[default]
    Customer,
    /// The account executive: line and quote discounts apply.
    AccountExecutive,
}

/// The scope to price for an audience, and what was left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewScope<'a> {
    /// The scope as it is priced: the scope given, borrowed, when nothing is left out of it
    /// (the usual case, and the preview is made on every keystroke), else a changed copy.
    pub scope: Cow<'a, Scope>,
    /// Ids of the answers left out because they break their question's rules, in the order
    /// [`super::answer_errors`] reports them.
    pub ignored_answers: Vec<String>,
}

/// The scope priced for `audience`: `scope` without the answers that break their
/// question's rules and, for the customer, without line discounts (percent and amount) and
/// the quote discount. Everything else is as written; pricing it is [`crate::price_with`].
pub fn preview_scope<'a>(
    catalog: &Catalog,
    scope: &'a Scope,
    audience: Audience,
) -> PreviewScope<'a> {
    let ignored_answers: Vec<String> = super::answer_errors(catalog, scope)
        .into_iter()
        .filter_map(|error| error.field.question().map(str::to_string))
        .filter(|id| scope.answers.contains_key(id))
        .fold(Vec::new(), |mut ids, id| {
            if !ids.contains(&id) {
                ids.push(id);
            }
            ids
        });
    // Service types the catalog does not have (a scope kept across a catalog change) are
    // left out too: the questionnaire names them.
    let known_type = |id: &String| catalog.category(id).is_some();
    let unknown_types = !scope.service_types.iter().all(known_type);
    let discounted = scope.quote_discount_percent.is_some()
        || scope
            .items
            .iter()
            .any(|item| item.discount_percent.is_some() || item.discount_amount.is_some());
    let strip_discounts = audience == Audience::Customer && discounted;
    if ignored_answers.is_empty() && !unknown_types && !strip_discounts {
        return PreviewScope {
            scope: Cow::Borrowed(scope),
            ignored_answers,
        };
    }
    let mut priced = scope.clone();
    priced.service_types.retain(known_type);
    for id in &ignored_answers {
        priced.answers.remove(id);
    }
    if strip_discounts {
        priced.quote_discount_percent = None;
        for item in &mut priced.items {
            item.discount_percent = None;
            item.discount_amount = None;
        }
    }
    PreviewScope {
        scope: Cow::Owned(priced),
        ignored_answers,
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::scope::{Answer, ScopeItem};

    fn gitlab() -> Catalog {
        Catalog::gitlab().expect("the embedded catalog loads")
    }

    fn discounted() -> Scope {
        Scope {
            items: vec![ScopeItem {
                discount_percent: Some(Decimal::TEN),
                discount_amount: Some(Decimal::ONE),
                ..ScopeItem::new("GL-XPRT")
            }],
            quote_discount_percent: Some(Decimal::ONE),
            ..Scope::default()
        }
    }

    #[test]
    fn the_customer_sees_list_prices() {
        let scope = discounted();
        let preview = preview_scope(&gitlab(), &scope, Audience::Customer);
        assert_eq!(preview.scope.quote_discount_percent, None);
        let item = &preview.scope.items[0];
        assert_eq!((item.discount_percent, item.discount_amount), (None, None));
        assert_eq!(item.sku, "GL-XPRT");
        assert!(preview.ignored_answers.is_empty());
    }

    #[test]
    fn the_account_executive_keeps_every_discount() {
        let scope = discounted();
        let preview = preview_scope(&gitlab(), &scope, Audience::AccountExecutive);
        assert_eq!(*preview.scope, scope);
        assert!(
            matches!(preview.scope, Cow::Borrowed(_)),
            "nothing to leave out: borrowed"
        );
    }

    #[test]
    fn answers_that_break_their_rules_are_left_out_for_both() {
        let mut scope = Scope {
            items: vec![ScopeItem::new("GL-MIG-SM-SAAS")],
            ..Scope::default()
        };
        scope
            .answers
            .insert("migration.users".into(), Answer::Text("lots".into()));
        scope
            .answers
            .insert("migration.repositories".into(), Answer::Number(800));
        for audience in [Audience::Customer, Audience::AccountExecutive] {
            let preview = preview_scope(&gitlab(), &scope, audience);
            assert_eq!(preview.ignored_answers, ["migration.users"]);
            assert!(!preview.scope.answers.contains_key("migration.users"));
            assert_eq!(
                preview.scope.answers.get("migration.repositories"),
                Some(&Answer::Number(800))
            );
        }
    }
}
