//! Component tests of the scope page on the embedded GitLab catalog: the questionnaire
//! (examples, reasons, required marks, the core's validation messages, conditional
//! questions, progress), the recommendations, and the live quote panel (editable lines,
//! totals from the core, "Why this price", modes, approvals).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use scopecraft::{
    Answer, Currency, Quote, QuoteOptions, Scope, ScopeItem, price_with, validate_answer,
};
use scopecraft_web::state::Mode;
use scopecraft_web::{App, AppProps};
use support::*;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

fn scope_of(skus: &[&str]) -> Scope {
    Scope {
        items: skus.iter().map(|sku| ScopeItem::new(*sku)).collect(),
        ..Scope::default()
    }
}

/// The app on the GitLab catalog at `#/scope`, starting with `scope` in `mode`.
async fn scope_app(scope: Scope, mode: Mode) -> (Element, AppHandle<App>) {
    set_hash("#/scope");
    let root = mount_point();
    let props = AppProps {
        scope: Some(scope),
        mode,
        ..AppProps::new(gitlab_catalog())
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, handle)
}

/// What the core prices for `scope` (the customer preview drops discounts before pricing).
fn core_quote(scope: &Scope) -> Quote {
    price_with(&gitlab_catalog(), scope, &QuoteOptions::default()).unwrap()
}

fn usd() -> Currency {
    Currency::from_code("USD").unwrap()
}

/// The `.question` block holding the input with `id`.
fn question(root: &Element, id: &str) -> Option<Element> {
    find(root, &format!("#{id}")).and_then(|input| input.closest(".question").unwrap())
}

#[wasm_bindgen_test]
async fn questions_show_example_reason_and_required_mark_and_count_progress() {
    let (root, app) = scope_app(scope_of(&["GL-MIG-SM-SAAS"]), Mode::Customer).await;
    let users = question(&root, "q-migration-users").expect("the users question is asked");
    let catalog = gitlab_catalog();
    let asked = catalog.question("migration.users").unwrap();
    let shown = text(&users);
    assert!(shown.contains(&asked.text), "{shown}");
    assert!(shown.contains("Required"), "{shown}");
    assert!(
        shown.contains(&format!("Example: {}", asked.example)),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("Why we ask: {}", asked.why)),
        "{shown}"
    );
    // Not for a migration: no implementation questions.
    assert!(find(&root, "#q-implementation-target").is_none());

    let status = scopecraft::completeness(&catalog, &scope_of(&["GL-MIG-SM-SAAS"]));
    let progress = || text(&get(&root, "#scoping-progress-text"));
    assert_eq!(
        progress(),
        format!("0 of {} required answers given", status.total_required)
    );
    type_into(&root, "#q-migration-users", "400").await;
    assert_eq!(
        progress(),
        format!("1 of {} required answers given", status.total_required)
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_wrong_answer_shows_the_cores_message_inline() {
    let (root, app) = scope_app(scope_of(&["GL-MIG-SM-SAAS"]), Mode::Customer).await;
    type_into(&root, "#q-migration-users", "many").await;
    let catalog = gitlab_catalog();
    let expected = validate_answer(
        catalog.question("migration.users").unwrap(),
        &Answer::Text("many".into()),
    )
    .unwrap();
    assert_eq!(text(&get(&root, "#q-migration-users-error")), expected);
    let input = get(&root, "#q-migration-users");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        input
            .get_attribute("aria-describedby")
            .unwrap()
            .contains("q-migration-users-error")
    );
    type_into(&root, "#q-migration-users", "").await;
    assert!(find(&root, "#q-migration-users-error").is_none());
    app.destroy();
}

#[wasm_bindgen_test]
async fn conditional_questions_appear_and_disappear() {
    let (root, app) = scope_app(scope_of(&["GL-IMPL-QS"]), Mode::Customer).await;
    assert!(find(&root, "#q-implementation-target").is_some());
    assert!(
        find(&root, "#q-implementation-appliances").is_none(),
        "asked only for on-premises installs"
    );
    choose(&root, "#q-implementation-target", "on_prem").await;
    assert!(find(&root, "#q-implementation-appliances").is_some());
    choose(&root, "#q-implementation-target", "aws").await;
    assert!(find(&root, "#q-implementation-appliances").is_none());

    // Required only for migrations to GitLab.com.
    let (root2, app2) = scope_app(scope_of(&["GL-MIG-SM-SAAS"]), Mode::Customer).await;
    let large = || text(&question(&root2, "q-migration-large-repositories").unwrap());
    assert!(!large().contains("Required"));
    choose(&root2, "#q-migration-destination", "gitlab_com").await;
    assert!(large().contains("Required"));
    app.destroy();
    app2.destroy();
}

#[wasm_bindgen_test]
async fn the_quote_total_is_the_cores_and_follows_each_keystroke() {
    let (root, app) = scope_app(scope_of(&["GL-CICD-R", "GL-MIG-SM-SAAS"]), Mode::Customer).await;
    let total = || text(&get(&root, "#quote-total"));
    let mut scope = scope_of(&["GL-CICD-R", "GL-MIG-SM-SAAS"]);
    assert_eq!(total(), core_quote(&scope).total.display(usd()));
    assert!(text(&get(&root, "#quote-status")).contains("range"));

    type_into(&root, "#line-0-attendees", "30").await;
    scope.items[0].attendees = Some(30);
    assert_eq!(total(), core_quote(&scope).total.display(usd()));

    type_into(&root, "#q-migration-users", "400").await;
    type_into(&root, "#q-migration-repositories", "800").await;
    scope
        .answers
        .insert("migration.users".into(), Answer::Number(400));
    scope
        .answers
        .insert("migration.repositories".into(), Answer::Number(800));
    let quote = core_quote(&scope);
    assert_eq!(total(), quote.total.display(usd()));

    // Lines in the scope's order, each with the core's amount.
    let lines = all(&root, ".quote-line");
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0].get_attribute("data-sku").as_deref(),
        Some("GL-CICD-R")
    );
    let amount = text(&get(&lines[0], ".amount"));
    assert_eq!(amount, quote.lines[0].net.unwrap().display(usd()));

    // "Why this price" lists the core's trace for the line.
    assert!(find(&lines[0], ".trace").is_none());
    click_button(&lines[0], "Why this price").await;
    let steps: Vec<String> = all(&root, ".quote-line .trace li")
        .iter()
        .map(text)
        .collect();
    let expected: Vec<String> = quote.lines[0].trace.iter().map(|s| s.text()).collect();
    assert_eq!(steps, expected);

    // Removing a line reprices.
    click_button(&lines[0], "Remove").await;
    assert_eq!(all(&root, ".quote-line").len(), 1);
    scope.items.remove(0);
    assert_eq!(total(), core_quote(&scope).total.display(usd()));
    app.destroy();
}

#[wasm_bindgen_test]
async fn discounts_and_approvals_only_for_account_executives() {
    let mut scope = scope_of(&["GL-XPRT"]);
    scope.items[0].discount_percent = Some(rust_decimal::Decimal::from(30));
    let (root, app) = scope_app(scope.clone(), Mode::AccountExecutive).await;
    let quote = core_quote(&scope);
    assert_eq!(
        text(&get(&root, "#quote-total")),
        quote.total.display(usd())
    );
    let badges = text(&get(&root, "#quote-badges"));
    for approval in &quote.approvals {
        assert!(badges.contains(&approval.approver), "{badges}");
        assert!(badges.contains(&approval.reason), "{badges}");
    }
    assert!(!quote.approvals.is_empty());
    assert!(find(&root, "#line-0-discount").is_some());
    assert!(find(&root, "#intake-customer").is_some());

    click(&root, "#mode-customer").await;
    assert!(find(&root, ".badge-approval").is_none());
    assert!(find(&root, "#line-0-discount").is_none());
    assert!(find(&root, "#intake-customer").is_none());
    let list = core_quote(&scope_of(&["GL-XPRT"]));
    assert_eq!(text(&get(&root, "#quote-total")), list.total.display(usd()));
    app.destroy();
}

#[wasm_bindgen_test]
async fn recommendations_give_reasons_and_record_decisions() {
    let (root, app) = scope_app(scope_of(&["GL-CICD-R"]), Mode::Customer).await;
    let catalog = gitlab_catalog();
    let found = scopecraft::recommend(&catalog, &scope_of(&["GL-CICD-R"])).unwrap();
    let first = found
        .recommended
        .first()
        .expect("a prerequisite is suggested");
    let card = get(&root, &format!("[data-recommendation=\"{}\"]", first.id));
    assert!(text(&card).contains(&first.reason));
    click_button(&card, "Dismiss").await;
    let card = get(&root, &format!("[data-recommendation=\"{}\"]", first.id));
    assert!(text(&card).contains("Dismissed"));
    click_button(&card, "Undo").await;
    let card = get(&root, &format!("[data-recommendation=\"{}\"]", first.id));
    click_button(&card, "Accept").await;
    let count = text(&get(&root, ".scope-count"));
    assert!(
        count.contains(&format!("{} items", 1 + first.items.len())),
        "{count}"
    );
    // The quote now has the accepted items; the suggestion is marked accepted or, once its
    // items are in the scope, no longer made.
    for item in &first.items {
        assert!(find(&root, &format!(".quote-line[data-sku=\"{}\"]", item.sku)).is_some());
    }
    if let Some(card) = find(&root, &format!("[data-recommendation=\"{}\"]", first.id)) {
        assert!(text(&card).contains("Accepted"));
    }
    app.destroy();
}

#[wasm_bindgen_test]
async fn share_links_open_into_the_scope_and_damaged_ones_explain_themselves() {
    let catalog = gitlab_catalog();
    let mut shared = scope_of(&["GL-CICD-R"]);
    shared.items[0].attendees = Some(20);
    let link = scopecraft::share::encode(&shared, &catalog.reference()).unwrap();

    set_hash(&format!("#/share/{link}"));
    let root = mount_point();
    let app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(catalog)).render();
    settle().await;
    settle().await;
    assert!(text(&get(&root, "#share-notice")).contains("shared scope"));
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#/scope"
    );
    shared.catalog = Some(gitlab_catalog().reference());
    assert_eq!(
        text(&get(&root, "#quote-total")),
        core_quote(&shared).total.display(usd())
    );
    app.destroy();

    set_hash("#/share/s1.not-a-real-link");
    let root = mount_point();
    let app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(gitlab_catalog()))
            .render();
    settle().await;
    settle().await;
    let notice = get(&root, "#share-notice");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&notice).contains("could not be opened"));
    assert!(text(&get(&root, ".scope-count")).contains("0 items"));
    app.destroy();
}
