//! What the scope page shows about a scope, computed once per change by the core: how
//! complete the answers are, the quote, and the recommendations. Nothing here computes an
//! amount or decides what is priced: the core's [`preview_scope`] does, for the mode's
//! audience.

use std::rc::Rc;

use scopecraft::{
    Catalog, Completeness, Date, FieldErrors, PreviewScope, Quote, QuoteOptions, Recommendations,
    Scope, completeness, preview_scope, price_with, recommend_for_quote,
};

use crate::state::Mode;

/// The core's view of one scope.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeAnalysis {
    /// Required answers given and missing, and the answers that break their question's rules.
    pub completeness: Completeness,
    /// The quote (shared with the lines that show it), or every reason the scope cannot be
    /// priced.
    pub quote: Result<Rc<Quote>, FieldErrors>,
    /// The catalog's rules of thumb applied to the scope (`None` when it cannot be priced).
    pub recommendations: Option<Recommendations>,
    /// Ids of answers left out of the price because they break their question's rules.
    pub ignored_answers: Vec<String>,
}

/// Asks the core about `scope`: completeness on the scope as written, the quote and the
/// recommendations on the scope it can price.
pub fn analyse(catalog: &Catalog, scope: &Scope, mode: Mode, today: Option<Date>) -> ScopeAnalysis {
    let status = completeness(catalog, scope);
    let PreviewScope {
        scope: priced,
        ignored_answers,
    } = preview_scope(catalog, scope, mode.audience());
    let quote = price_with(catalog, &priced, &QuoteOptions { as_of: today })
        .map(Rc::new)
        .map_err(|e| e.errors);
    // The rules of thumb read the quote just made: the scope is priced once per change.
    let recommendations = match &quote {
        Ok(quote) if !priced.items.is_empty() => recommend_for_quote(catalog, &priced, quote).ok(),
        _ => None,
    };
    ScopeAnalysis {
        completeness: status,
        quote,
        recommendations,
        ignored_answers,
    }
}

/// A question's text for a question id, or the id when the catalog does not have it.
pub fn question_text<'c>(catalog: &'c Catalog, id: &'c str) -> &'c str {
    catalog.question(id).map_or(id, |q| q.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use scopecraft::{Answer, ScopeItem};

    fn gitlab() -> Catalog {
        Catalog::gitlab().expect("the embedded catalog loads")
    }

    fn migration_scope() -> Scope {
        Scope {
            items: vec![ScopeItem::new("GL-MIG-SM-SAAS")],
            ..Scope::default()
        }
    }

    #[test]
    fn a_migration_is_a_range_until_answered_then_firm() {
        let catalog = gitlab();
        let mut scope = migration_scope();
        let open = analyse(&catalog, &scope, Mode::Customer, None);
        let quote = open.quote.as_ref().expect("prices");
        assert!(!quote.total.is_firm(), "no answers yet: a range");
        assert!(!quote.missing_answers.is_empty());
        assert!(open.completeness.total_required > open.completeness.answered_required);

        scope
            .answers
            .insert("migration.users".into(), Answer::Number(400));
        scope
            .answers
            .insert("migration.repositories".into(), Answer::Number(800));
        scope
            .answers
            .insert("migration.large_repositories".into(), Answer::Number(0));
        let answered = analyse(&catalog, &scope, Mode::Customer, None);
        let quote = answered.quote.as_ref().expect("prices");
        assert!(
            quote.missing_answers.is_empty(),
            "{:?}",
            quote.missing_answers
        );
        assert!(
            answered.completeness.is_complete(),
            "{:?}",
            answered.completeness.missing_required
        );
        assert!(answered.completeness.answered_required >= 2);
        let before = open.quote.as_ref().expect("prices").total;
        assert!(
            quote.total.low >= before.low && quote.total.high <= before.high,
            "the range narrowed: {before:?} → {:?}",
            quote.total
        );
        assert_ne!(quote.total, before);
    }

    #[test]
    fn recommendations_are_the_cores_for_the_scope_it_prices() {
        let catalog = gitlab();
        let mut scope = migration_scope();
        scope
            .answers
            .insert("migration.users".into(), Answer::Number(400));
        for mode in [Mode::Customer, Mode::AccountExecutive] {
            let analysis = analyse(&catalog, &scope, mode, None);
            let priced = preview_scope(&catalog, &scope, mode.audience()).scope;
            let expected = scopecraft::recommend(&catalog, &priced).expect("recommendations");
            assert_eq!(analysis.recommendations, Some(expected));
        }
        let empty = analyse(&catalog, &Scope::default(), Mode::Customer, None);
        assert_eq!(empty.recommendations, None, "nothing to recommend on");
    }

    #[test]
    fn invalid_answers_are_left_out_of_the_price_and_reported() {
        let catalog = gitlab();
        let mut scope = migration_scope();
        scope
            .answers
            .insert("migration.users".into(), Answer::Text("lots".into()));
        let analysis = analyse(&catalog, &scope, Mode::Customer, None);
        assert_eq!(analysis.ignored_answers, ["migration.users"]);
        assert!(analysis.quote.is_ok());
        assert!(
            analysis
                .completeness
                .errors
                .iter()
                .any(|e| e.field == "answers.migration.users")
        );
    }

    #[test]
    fn the_customer_preview_prices_without_discounts() {
        let catalog = gitlab();
        let scope = Scope {
            items: vec![ScopeItem {
                discount_percent: Some(rust_decimal::Decimal::TEN),
                ..ScopeItem::new("GL-XPRT")
            }],
            quote_discount_percent: Some(rust_decimal::Decimal::ONE),
            ..Scope::default()
        };
        let customer = analyse(&catalog, &scope, Mode::Customer, None);
        let executive = analyse(&catalog, &scope, Mode::AccountExecutive, None);
        let (c, e) = (
            customer.quote.expect("prices"),
            executive.quote.expect("prices"),
        );
        assert!(c.discount.percent.is_zero());
        assert!(!e.discount.percent.is_zero());
        assert!(
            c.total.low > e.total.low,
            "list price above the discounted one"
        );
    }
}
