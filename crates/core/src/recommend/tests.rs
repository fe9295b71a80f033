//! The recommendation engine's mechanics on a small catalog: rules firing by service type
//! and condition, derived quantities priced by the engine, items never suggested twice,
//! alternatives, decisions, prerequisites and licence tiers.

use rust_decimal::Decimal;
use serde_json::json;

use super::*;
use crate::catalog::load;

const CATALOG: &str = include_str!("../../testdata/catalogs/recommendation-rules.toml");

fn catalog() -> Catalog {
    load("test.toml", CATALOG).expect("the test catalog loads")
}

fn scope(value: serde_json::Value) -> Scope {
    Scope::from_value(&value).expect("a valid scope document")
}

fn run(value: serde_json::Value) -> Recommendations {
    recommend(&catalog(), &scope(value)).expect("recommendations")
}

fn d(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn ids(list: &[Recommendation]) -> Vec<&str> {
    list.iter().map(|r| r.id.as_str()).collect()
}

fn find<'a>(list: &'a [Recommendation], id: &str) -> &'a Recommendation {
    list.iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no recommendation {id}: {:?}", ids(list)))
}

#[test]
fn rules_fire_on_answers_for_their_service_type() {
    let implementation = json!({
        "service_types": ["implementation"],
        "answers": {"users": 3250, "k8s": "none", "tier": "premium"}
    });
    let result = run(implementation);
    assert_eq!(ids(&result.recommended), ["qsha", "rr"]);
    let qsha = find(&result.recommended, "qsha");
    assert_eq!(qsha.reason, "3,250 users need the highly available design.");
    assert_eq!(qsha.price, Some(PriceRange::firm(d("32500.00"))));
    assert_eq!(qsha.items[0].scope_item, ScopeItem::new("QSHA"));
    assert_eq!(qsha.decision, RecommendationDecision::Pending);
    let rr = find(&result.recommended, "rr");
    assert_eq!(rr.alternative_to.as_deref(), Some("qsha"));
    // Choice answers read as their labels.
    assert_eq!(
        rr.reason,
        "Rapid Results adds training on No, virtual machines."
    );
    assert!(
        result.notes.is_empty() && result.warnings.is_empty(),
        "{:?} {:?}",
        result.notes,
        result.warnings
    );

    // The same answers without the service type fire nothing.
    let result = run(json!({"service_types": ["education"], "answers": {"users": 3250}}));
    assert!(result.recommended.is_empty());
}

#[test]
fn notes_and_warnings_carry_their_reason_and_skus() {
    let result = run(json!({
        "items": [{"sku": "RR"}],
        "answers": {"users": 3250, "k8s": "eks"}
    }));
    let note = find(&result.notes, "rr-k8s");
    assert_eq!(note.reason, "Rapid Results is ruled out on Amazon EKS.");
    let warning = find(&result.warnings, "rr-on-k8s");
    assert_eq!(warning.kind, RecommendationKind::Warning);
    assert_eq!(warning.skus, ["RR"]);
    assert_eq!(
        warning.reason,
        "Rapid Results installs on virtual machines, not Amazon EKS."
    );
    // RR is taken but ruled out on EKS, so QSHA is still suggested.
    assert_eq!(ids(&result.recommended), ["qsha"]);
}

#[test]
fn an_alternative_chosen_but_ruled_out_does_not_block_the_other() {
    // On virtual machines RR applies, so its alternative QSHA drops out.
    let result = run(json!({
        "items": [{"sku": "RR"}],
        "answers": {"users": 3250, "k8s": "none", "tier": "premium"}
    }));
    assert!(
        result.recommended.is_empty(),
        "{:?}",
        ids(&result.recommended)
    );
}

#[test]
fn items_in_the_scope_or_their_siblings_are_not_suggested_again() {
    let answers = json!({"courses": ["basics"], "attendees": 15});
    let result = run(json!({"service_types": ["education"], "answers": answers.clone()}));
    assert_eq!(ids(&result.recommended), ["course-basics"]);
    let with_item = run(json!({"items": [{"sku": "BAS-R"}], "answers": answers.clone()}));
    assert!(with_item.recommended.is_empty());
    let with_sibling = run(json!({"items": [{"sku": "BAS"}], "answers": answers}));
    assert!(with_sibling.recommended.is_empty());
}

#[test]
fn an_sku_suggested_twice_is_kept_by_the_first_rule_not_dismissed() {
    let answers = json!({"courses": ["basics", "security"], "attendees": 10, "tier": "ultimate"});
    let result = run(json!({"service_types": ["education"], "answers": answers.clone()}));
    let security = find(&result.recommended, "course-security");
    let skus: Vec<&str> = security.items.iter().map(|i| i.sku.as_str()).collect();
    assert_eq!(skus, ["SEC-R"]);
    // Dismissing the basics course hands BAS-R to the security suggestion.
    let result = run(json!({
        "service_types": ["education"],
        "answers": answers,
        "recommendations": {"course-basics": "dismissed"}
    }));
    assert_eq!(
        find(&result.recommended, "course-basics").decision,
        RecommendationDecision::Dismissed
    );
    let skus: Vec<&str> = find(&result.recommended, "course-security")
        .items
        .iter()
        .map(|i| i.sku.as_str())
        .collect();
    assert_eq!(skus, ["SEC-R", "BAS-R"]);
}

#[test]
fn derived_fields_are_priced_by_the_engine() {
    let answers = json!({"courses": ["basics", "cert"], "attendees": 40, "mode": "remote"});
    let result = run(json!({"service_types": ["education"], "answers": answers}));
    // 40 attendees: 3 classes + 4 seat add-ons is the cheapest seating.
    let basics = &find(&result.recommended, "course-basics").items[0];
    assert_eq!(basics.sku, "BAS-R");
    assert_eq!(basics.scope_item.attendees, Some(40));
    assert_eq!(basics.quantity, 3);
    let parts: Vec<(&str, Decimal)> = basics
        .components
        .iter()
        .map(|c| (c.sku.as_ref(), c.quantity))
        .collect();
    assert_eq!(parts, [("BAS-R", d("3")), ("SEAT", d("4"))]);
    assert_eq!(basics.price, Some(PriceRange::firm(d("17000.00"))));
    let cert = &find(&result.recommended, "course-cert").items[0];
    assert_eq!(cert.scope_item.quantity, Some(40));
    assert_eq!(cert.price, Some(PriceRange::firm(d("20000.00"))));

    // On site picks the sibling sold on site; an offering sold both ways gets the mode.
    let result = run(json!({
        "service_types": ["education"],
        "answers": {"courses": ["basics", "security"], "attendees": 12, "mode": "on_site", "tier": "ultimate"}
    }));
    let basics = &find(&result.recommended, "course-basics").items[0];
    assert_eq!(
        (basics.sku.as_str(), basics.scope_item.delivery),
        ("BAS", None)
    );
    assert_eq!(basics.price, Some(PriceRange::firm(d("7000.00"))));
    let security = &find(&result.recommended, "course-security").items[0];
    assert_eq!(
        (security.sku.as_str(), security.scope_item.delivery),
        ("SEC-R", Some(DeliveryMode::OnSite))
    );
    assert_eq!(security.price, Some(PriceRange::firm(d("7000.00"))));
}

#[test]
fn a_missing_attendee_count_prices_a_range_and_says_so() {
    let result = run(json!({"service_types": ["education"], "answers": {"courses": ["basics"]}}));
    let basics = find(&result.recommended, "course-basics");
    assert_eq!(basics.reason, "Basics for (not answered) people.");
    let item = &basics.items[0];
    assert_eq!(item.scope_item.attendees, None);
    assert_eq!(item.missing_answers, ["attendees"]);
    assert_eq!(item.line_kind, LineKind::Range);
    // 1 attendee: one class; 48: four classes (20,000) beat one class + 36 seats (23,000).
    assert_eq!(
        item.price,
        Some(PriceRange {
            low: d("5000.00"),
            high: d("20000.00")
        })
    );
    assert_eq!(result.missing_required[0].question, "attendees");
}

#[test]
fn prices_follow_the_scope_currency() {
    let result = run(json!({
        "currency": "EUR",
        "service_types": ["implementation"],
        "answers": {"users": 200}
    }));
    assert_eq!(result.currency, "EUR");
    assert_eq!(
        find(&result.recommended, "qs").price,
        Some(PriceRange::firm(d("8000.00")))
    );
}

#[test]
fn recommending_from_a_priced_quote_gives_what_recommend_gives() {
    let catalog = catalog();
    let scopes = [
        json!({
            "currency": "EUR",
            "service_types": ["implementation"],
            "answers": {"users": 200}
        }),
        json!({
            "service_types": ["implementation"],
            "answers": {"users": 3250, "k8s": "none", "tier": "premium"}
        }),
        json!({"items": [{"sku": "QSHA"}], "answers": {"users": 3250}}),
    ];
    for value in scopes {
        let scope = scope(value);
        let quote = price(&catalog, &scope).expect("prices");
        let once = recommend_for_quote(&catalog, &scope, &quote).expect("recommendations");
        assert_eq!(once, recommend(&catalog, &scope).expect("recommendations"));
    }
    let eur = scope(
        json!({"currency": "EUR", "service_types": ["implementation"], "answers": {"users": 200}}),
    );
    let quote = price(&catalog, &eur).expect("prices");
    let result = recommend_for_quote(&catalog, &eur, &quote).expect("recommendations");
    assert_eq!(result.currency, "EUR");
    assert_eq!(
        find(&result.recommended, "qs").price,
        Some(PriceRange::firm(d("8000.00"))),
        "the suggestion is priced by the engine in the quote's currency"
    );
}

#[test]
fn suggestions_name_what_they_replace_and_extra_effort() {
    let result = run(json!({
        "items": [{"sku": "QS"}],
        "answers": {"users": 8000}
    }));
    let custom = find(&result.recommended, "custom");
    assert_eq!(custom.replaces, ["QS"]);
    assert_eq!(
        custom.effort_days,
        Some(Band {
            from: 20,
            to: Some(25)
        })
    );
    assert_eq!(custom.items[0].line_kind, LineKind::Custom);
    assert_eq!(custom.price, None);
}

#[test]
fn decisions_come_from_the_scope() {
    let result = run(json!({
        "service_types": ["implementation"],
        "answers": {"users": 3250, "k8s": "none"},
        "recommendations": {"qsha": "accepted", "rr": "dismissed"}
    }));
    assert_eq!(
        find(&result.recommended, "qsha").decision,
        RecommendationDecision::Accepted
    );
    assert_eq!(
        find(&result.recommended, "rr").decision,
        RecommendationDecision::Dismissed
    );
}

#[test]
fn prerequisites_of_scope_items_are_suggested_with_their_attendees() {
    let result = run(json!({
        "items": [{"sku": "SEC-R", "attendees": 20}],
        "answers": {"tier": "ultimate"}
    }));
    assert_eq!(
        ids(&result.recommended),
        ["prerequisite:SEC-R:BAS-R", "prerequisite:SEC-R:CICD-R"]
    );
    let basics = find(&result.recommended, "prerequisite:SEC-R:BAS-R");
    assert_eq!(basics.items[0].scope_item.attendees, Some(20));
    assert_eq!(basics.skus, ["SEC-R"]);
    assert!(
        basics
            .reason
            .starts_with("Security (SEC-R) builds on what BAS-R, Basics, teaches."),
        "{}",
        basics.reason
    );
    // With the on-site sibling of the basics class in scope, only CI/CD is missing.
    let result = run(json!({
        "items": [{"sku": "SEC-R", "attendees": 20}, {"sku": "BAS"}],
        "answers": {"tier": "ultimate"}
    }));
    assert_eq!(ids(&result.recommended), ["prerequisite:SEC-R:CICD-R"]);
}

#[test]
fn licence_tiers_are_checked_for_items_and_suggestions() {
    let result = run(json!({
        "items": [{"sku": "SEC-R"}, {"sku": "BAS-R"}, {"sku": "CICD-R"}],
        "answers": {"tier": "premium"}
    }));
    let warning = find(&result.warnings, "license:SEC-R");
    assert_eq!(
        warning.reason,
        "SEC-R (Security) needs an Ultimate licence or higher, but the customer's tier is Premium. Upgrade the licence first, or leave it out."
    );
    assert_eq!(warning.skus, ["SEC-R"]);
    // A suggested offering is checked too; an unanswered tier is a note.
    let result = run(json!({"service_types": ["implementation"], "answers": {"users": 2000}}));
    let note = find(&result.notes, "license-unknown:QSHA");
    assert!(
        note.reason
            .starts_with("The suggested QSHA (Quickstart HA) needs a Premium licence")
    );
    let result = run(json!({
        "service_types": ["implementation"],
        "answers": {"users": 2000, "tier": "ultimate"}
    }));
    assert!(result.notes.is_empty() && result.warnings.is_empty());
}

#[test]
fn invalid_answers_and_unknown_skus_are_refused_together() {
    let error = recommend(
        &catalog(),
        &scope(json!({
            "items": [{"sku": "NOPE"}],
            "answers": {"users": 0, "k8s": "mars"}
        })),
    )
    .expect_err("refused");
    let fields: Vec<String> = error.errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["answers.k8s", "answers.users", "items[0].sku"]);
    assert!(
        error
            .to_string()
            .contains("\"mars\" is not a choice of \"Kubernetes?\"")
    );
}

#[test]
fn interpolation_leaves_other_braces_alone() {
    let catalog = catalog();
    let scope = scope(json!({"answers": {"users": 1200}}));
    let facts = ScopeFacts::new(&catalog, &scope);
    assert_eq!(
        interpolate(&catalog, &facts, "{users} users, {not a question} {tier} {"),
        "1,200 users, {not a question} (not answered) {"
    );
}

// Included items (testdata/catalogs/included-items.toml: BUNDLE includes two classes chosen
// from CLS-A, CLS-B and CLS-C; its rules add CLS-A-OS, the on-site sibling of CLS-A, and
// CLS-B) --------------------------------------------------------------------------------------

fn included_run(value: serde_json::Value) -> Recommendations {
    let catalog = load(
        "included-items.toml",
        include_str!("../../testdata/catalogs/included-items.toml"),
    )
    .expect("the included-items catalog loads");
    recommend(&catalog, &scope(value)).expect("recommendations")
}

#[test]
fn included_classes_are_never_suggested_as_paid_copies() {
    // Both chosen: neither rule suggests them (nor CLS-A's on-site sibling), and CLS-C's
    // prerequisite CLS-A is met by the included class.
    let r = included_run(json!({"items": [
        {"sku": "BUNDLE", "included": ["CLS-A", "CLS-B"]},
        {"sku": "CLS-C", "quantity": 1}
    ]}));
    assert!(r.recommended.is_empty(), "{:?}", ids(&r.recommended));
    assert!(
        !ids(&r.notes).iter().any(|id| id.starts_with("included:")),
        "{:?}",
        ids(&r.notes)
    );
}

#[test]
fn an_open_choice_is_offered_as_included_not_as_a_paid_class() {
    // One choice open: CLS-B (and CLS-A, through its on-site sibling) are pointed at the
    // bundle's open choice instead of being added at 5,000 / 7,000.
    let r = included_run(json!({"items": [{"sku": "BUNDLE", "included": ["CLS-C"]}]}));
    assert!(r.recommended.is_empty(), "{:?}", ids(&r.recommended));
    assert_eq!(
        ids(&r.notes),
        ["included:BUNDLE:CLS-A", "included:BUNDLE:CLS-B"]
    );
    assert_eq!(
        find(&r.notes, "included:BUNDLE:CLS-B").reason,
        "CLS-B (Class B) comes with BUNDLE (Migration bundle) at no charge: choose it in items[0].included (1 of its 2 classes still to choose) rather than adding a paid one."
    );
    // With both choices made, a paid CLS-B is suggested like any class.
    let r = included_run(json!({"items": [{"sku": "BUNDLE", "included": ["CLS-C", "CLS-A"]}]}));
    assert_eq!(ids(&r.recommended), ["train-b"]);
    assert_eq!(r.recommended[0].price.unwrap().high, d("5000.00"));
}
