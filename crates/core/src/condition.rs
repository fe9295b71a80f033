//! Evaluating a catalog [`Condition`] against a scope: the one place where questions
//! (`shown_when`, `required_when`), recommendation rules and warnings are decided, with
//! the facts they test ([`ScopeFacts`]: answers, SKUs selected, [`service_types`]).
//!
//! Comparisons on a question that is not answered are false (only `answered = false`
//! holds), so rules fire on facts, never on guesses. A blank text answer or an empty list
//! of choices counts as not answered.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{AnswerValue, Catalog, Condition, Offering};
use crate::scope::{Answer, Scope, ScopeItem};

/// One pass over a scope's items: its SKUs, each once in the order first seen, and the
/// categories of the offerings its items sell, each once (`selected` and the service
/// types both come from it).
///
/// A scope repeats a few SKUs over many items, and this runs on every keystroke: an item
/// whose offering was seen is skipped by the offering's position, without comparing names.
struct ItemsSeen<'a, 'c> {
    skus: Vec<&'a str>,
    /// The categories of the items' offerings (not of included choices), in no order.
    categories: Vec<&'c str>,
}

impl<'a, 'c> ItemsSeen<'a, 'c> {
    fn of(catalog: &'c Catalog, scope: &'a Scope) -> ItemsSeen<'a, 'c> {
        let mut seen = vec![false; catalog.offerings().len()];
        let mut found = ItemsSeen {
            skus: Vec::new(),
            categories: Vec::new(),
        };
        // Whether `sku` (at offering `position`, when the catalog has it) is new.
        let mut first = |skus: &[&str], sku: &str, position: Option<usize>| match position
            .and_then(|p| seen.get_mut(p))
        {
            Some(seen) => !std::mem::replace(seen, true),
            // A SKU the catalog does not have: compared by name.
            None => !skus.contains(&sku),
        };
        let mut with_offerings = Vec::new();
        for item in &scope.items {
            let offering = catalog.offering_shared(&item.sku);
            if first(&found.skus, &item.sku, offering.map(|(_, n)| n.position)) {
                found.skus.push(&item.sku);
                if let Some((offering, _)) = offering
                    && !found.categories.contains(&offering.category.as_str())
                {
                    found.categories.push(&offering.category);
                }
            }
            if let Some((offering, _)) = offering.filter(|(o, _)| o.includes.is_some()) {
                with_offerings.push((item, offering));
            }
        }
        for sku in included_skus(with_offerings.into_iter()) {
            let position = catalog.offering_shared(sku).map(|(_, n)| n.position);
            if first(&found.skus, sku, position) {
                found.skus.push(sku);
            }
        }
        found
    }
}

/// The SKUs chosen as included with the items, each item with its offering, in order: an
/// item's `included` counts only when its offering includes others (pricing reports any
/// other as an error of the item).
pub(crate) fn included_skus<'a, 'c>(
    items: impl Iterator<Item = (&'a ScopeItem, &'c Offering)>,
) -> impl Iterator<Item = &'a str> {
    items
        .filter(|(_, offering)| offering.includes.is_some())
        .flat_map(|(item, _)| item.included.iter().map(String::as_str))
}

/// What conditions can test about a scope: its answers, the SKUs selected and its service
/// types.
#[derive(Debug, Clone)]
pub struct ScopeFacts<'a> {
    answers: &'a BTreeMap<String, Answer>,
    /// The SKUs in the scope, each once, in the order first seen ([`ScopeFacts::skus`]).
    skus: Vec<&'a str>,
    selected: BTreeSet<&'a str>,
    service_types: Vec<String>,
}

impl<'a> ScopeFacts<'a> {
    /// The facts of `scope`; its service types are resolved with `catalog`
    /// (see [`service_types`]).
    pub fn new(catalog: &Catalog, scope: &'a Scope) -> ScopeFacts<'a> {
        let seen = ItemsSeen::of(catalog, scope);
        ScopeFacts {
            answers: &scope.answers,
            service_types: types_in_scope(catalog, scope, &seen.categories),
            selected: seen.skus.iter().copied().collect(),
            skus: seen.skus,
        }
    }

    /// The SKUs in the scope, each once, in the order first seen: each item's, then the
    /// ones chosen as included with an item (they are in the scope at no charge: `selected`
    /// holds for them and nothing suggests a paid copy).
    pub(crate) fn skus(&self) -> &[&'a str] {
        &self.skus
    }

    /// The answer to `question`, when it is answered (not blank).
    pub fn answer(&self, question: &str) -> Option<&'a Answer> {
        answer_in(self.answers, question)
    }

    /// Whether the scope has an item with this SKU.
    pub fn is_selected(&self, sku: &str) -> bool {
        self.selected.contains(sku)
    }

    /// Whether this service type is in scope.
    pub fn has_service_type(&self, id: &str) -> bool {
        self.service_types.iter().any(|s| s == id)
    }

    /// The service types in scope, in order.
    pub fn service_types(&self) -> &[String] {
        &self.service_types
    }
}

/// The service types of a scope: `scope.service_types` when given, otherwise the
/// categories of its items in the catalog's category order.
pub fn service_types(catalog: &Catalog, scope: &Scope) -> Vec<String> {
    if scope.service_types.is_empty() {
        types_in_scope(catalog, scope, &ItemsSeen::of(catalog, scope).categories)
    } else {
        types_in_scope(catalog, scope, &[])
    }
}

/// [`service_types`], given the categories of the scope's items (read only when the scope
/// names no service types).
fn types_in_scope(catalog: &Catalog, scope: &Scope, item_categories: &[&str]) -> Vec<String> {
    if !scope.service_types.is_empty() {
        let mut types: Vec<String> = Vec::new();
        for id in &scope.service_types {
            if !types.contains(id) {
                types.push(id.clone());
            }
        }
        return types;
    }
    catalog
        .data()
        .categories
        .iter()
        .filter(|category| item_categories.contains(&category.id.as_str()))
        .map(|category| category.id.clone())
        .collect()
}

/// The answer to `question` among `answers`, when it is answered (not blank): what
/// [`ScopeFacts::answer`] reads, for callers that need nothing else of the scope.
pub(crate) fn answer_in<'a>(
    answers: &'a BTreeMap<String, Answer>,
    question: &str,
) -> Option<&'a Answer> {
    answers.get(question).filter(|a| is_answered(a))
}

/// Whether an answer says something: blank text and empty lists do not.
pub(crate) fn is_answered(answer: &Answer) -> bool {
    match answer {
        Answer::Text(text) => !text.trim().is_empty(),
        Answer::Choices(choices) => !choices.is_empty(),
        Answer::Bool(_) | Answer::Number(_) => true,
    }
}

/// Whether `condition` holds for the scope. Every key present must hold; an empty
/// condition always holds.
pub fn holds(condition: &Condition, facts: &ScopeFacts<'_>) -> bool {
    if !condition.all.iter().all(|c| holds(c, facts)) {
        return false;
    }
    if !condition.any.is_empty() && !condition.any.iter().any(|c| holds(c, facts)) {
        return false;
    }
    if let Some(sub) = &condition.not
        && holds(sub, facts)
    {
        return false;
    }
    if let Some(sku) = &condition.selected
        && !facts.is_selected(sku)
    {
        return false;
    }
    if let Some(id) = &condition.service_type
        && !facts.has_service_type(id)
    {
        return false;
    }
    match &condition.question {
        Some(question) => comparisons_hold(condition, facts.answer(question)),
        None => true,
    }
}

fn comparisons_hold(condition: &Condition, answer: Option<&Answer>) -> bool {
    if let Some(wanted) = condition.answered
        && wanted != answer.is_some()
    {
        return false;
    }
    let compares = condition.eq.is_some()
        || condition.ne.is_some()
        || !condition.one_of.is_empty()
        || condition.includes.is_some()
        || condition.lt.is_some()
        || condition.lte.is_some()
        || condition.gt.is_some()
        || condition.gte.is_some();
    if !compares {
        return true;
    }
    let Some(answer) = answer else {
        return false;
    };
    if let Some(value) = &condition.eq
        && !equals(answer, value)
    {
        return false;
    }
    if let Some(value) = &condition.ne
        && equals(answer, value)
    {
        return false;
    }
    if !condition.one_of.is_empty() && !condition.one_of.iter().any(|v| equals(answer, v)) {
        return false;
    }
    if let Some(choice) = &condition.includes {
        let included = match answer {
            Answer::Choices(choices) => choices.iter().any(|c| c == choice),
            _ => false,
        };
        if !included {
            return false;
        }
    }
    let numeric = [
        (condition.lt, u64::lt as fn(&u64, &u64) -> bool),
        (condition.lte, u64::le),
        (condition.gt, u64::gt),
        (condition.gte, u64::ge),
    ];
    for (limit, compare) in numeric {
        if let Some(limit) = limit {
            match answer {
                Answer::Number(n) if compare(n, &limit) => {}
                _ => return false,
            }
        }
    }
    true
}

fn equals(answer: &Answer, value: &AnswerValue) -> bool {
    match (answer, value) {
        (Answer::Bool(a), AnswerValue::Bool(b)) => a == b,
        (Answer::Number(a), AnswerValue::Number(b)) => a == b,
        (Answer::Text(a), AnswerValue::Text(b)) => a == b,
        _ => false,
    }
}

/// SKUs a condition requires to be selected (outside any `not`), for naming what a
/// warning is about.
pub(crate) fn selected_skus(condition: &Condition, out: &mut Vec<String>) {
    if let Some(sku) = &condition.selected
        && !out.contains(sku)
    {
        out.push(sku.clone());
    }
    for sub in condition.all.iter().chain(&condition.any) {
        selected_skus(sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::ScopeItem;

    fn catalog() -> Catalog {
        Catalog::gitlab().expect("the embedded catalog loads")
    }

    fn scope(answers: serde_json::Value) -> Scope {
        Scope::from_value(&serde_json::json!({
            "service_types": ["implementation"],
            "items": [{"sku": "GL-RR-SELF"}],
            "answers": answers,
        }))
        .expect("a valid scope")
    }

    fn cond(toml_text: &str) -> Condition {
        #[derive(serde::Deserialize)]
        struct Wrapper {
            c: Condition,
        }
        let wrapper: Wrapper = toml::from_str(&format!("c = {toml_text}")).expect("condition");
        wrapper.c
    }

    #[test]
    fn comparisons_on_answers() {
        let catalog = catalog();
        let scope = scope(serde_json::json!({
            "implementation.users": 3250,
            "implementation.target": "aws",
            "implementation.ha": true,
            "implementation.iac": ["terraform_ansible", "helm"],
            "implementation.os": "  ",
        }));
        let facts = ScopeFacts::new(&catalog, &scope);
        let cases = [
            ("{}", true),
            (
                "{ question = \"implementation.users\", gte = 1000, lte = 5000 }",
                true,
            ),
            ("{ question = \"implementation.users\", lt = 1000 }", false),
            ("{ question = \"implementation.users\", gt = 3250 }", false),
            ("{ question = \"implementation.users\", eq = 3250 }", true),
            (
                "{ question = \"implementation.target\", in = [\"aws\", \"gcp\"] }",
                true,
            ),
            (
                "{ question = \"implementation.target\", ne = \"aws\" }",
                false,
            ),
            ("{ question = \"implementation.ha\", eq = true }", true),
            (
                "{ question = \"implementation.iac\", includes = \"helm\" }",
                true,
            ),
            (
                "{ question = \"implementation.iac\", includes = \"other\" }",
                false,
            ),
            // Unanswered: only `answered = false` holds; `ne` needs an answer.
            ("{ question = \"implementation.geo\", eq = false }", false),
            ("{ question = \"implementation.geo\", ne = true }", false),
            (
                "{ not = { question = \"implementation.geo\", eq = true } }",
                true,
            ),
            (
                "{ question = \"implementation.geo\", answered = false }",
                true,
            ),
            // A blank text answer is not an answer.
            (
                "{ question = \"implementation.os\", answered = true }",
                false,
            ),
            // Kinds must match: the text "3250" is not the number 3250.
            (
                "{ question = \"implementation.users\", eq = \"3250\" }",
                false,
            ),
            ("{ selected = \"GL-RR-SELF\" }", true),
            ("{ selected = \"GL-IMPL-QS\" }", false),
            ("{ service_type = \"implementation\" }", true),
            ("{ service_type = \"migration\" }", false),
            (
                "{ all = [{ selected = \"GL-RR-SELF\" }, { any = [{ question = \"implementation.target\", eq = \"on_prem\" }, { question = \"implementation.users\", gt = 3000 }] }] }",
                true,
            ),
            ("{ any = [] }", true),
        ];
        for (text, expected) in cases {
            assert_eq!(holds(&cond(text), &facts), expected, "{text}");
        }
    }

    #[test]
    fn service_types_come_from_items_when_not_given() {
        let catalog = catalog();
        let mut scope = Scope::default();
        scope.items.push(ScopeItem::new("GL-CICD-R"));
        scope.items.push(ScopeItem::new("MIG+"));
        scope.items.push(ScopeItem::new("GL-BAS-R"));
        let facts = ScopeFacts::new(&catalog, &scope);
        assert_eq!(facts.service_types(), ["education", "migration"]);
        scope.service_types = vec!["implementation".to_string()];
        let facts = ScopeFacts::new(&catalog, &scope);
        assert_eq!(facts.service_types(), ["implementation"]);
    }

    #[test]
    fn scope_skus_are_each_named_once_in_the_order_first_seen() {
        let catalog = catalog();
        let item = |sku: &str, included: &[&str]| ScopeItem {
            included: included.iter().map(|s| s.to_string()).collect(),
            ..ScopeItem::new(sku)
        };
        let scope = Scope {
            items: vec![
                item("GL-XPRT", &[]),
                item("MIG+", &["GL-CICD-R", "GL-XPRT"]),
                item("GL-XPRT", &[]),
                item("NOT-A-SKU", &[]),
                item("GL-JIRA", &[]),
                item("NOT-A-SKU", &[]),
                item("MIG+", &["GL-CICD-R", "ALSO-NOT-A-SKU"]),
                // Included choices count only on an offering that includes others.
                item("GL-JIRA", &["GL-SEC-R"]),
            ],
            ..Scope::default()
        };
        assert_eq!(
            ScopeFacts::new(&catalog, &scope).skus(),
            [
                "GL-XPRT",
                "MIG+",
                "NOT-A-SKU",
                "GL-JIRA",
                "GL-CICD-R",
                "ALSO-NOT-A-SKU"
            ]
        );
        let facts = ScopeFacts::new(&catalog, &scope);
        assert!(facts.is_selected("GL-CICD-R") && facts.is_selected("NOT-A-SKU"));
        assert!(!facts.is_selected("GL-SEC-R"));
    }

    #[test]
    fn selected_skus_skip_negations() {
        let condition = cond(
            "{ all = [{ selected = \"A\" }, { not = { selected = \"B\" } }, { any = [{ selected = \"C\" }] }] }",
        );
        let mut skus = Vec::new();
        selected_skus(&condition, &mut skus);
        assert_eq!(skus, ["A", "C"]);
    }
}
