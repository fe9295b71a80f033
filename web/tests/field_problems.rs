//! Component tests of how a field shows the problem with what was typed into it, on the
//! embedded GitLab catalog as an account executive: the quote discount, a line's discount
//! and its note. The problem is the core's sentence beside the field, the input is marked
//! invalid and described by it; once the field is emptied the problem goes, and so do the
//! marks, and the price is the core's for the scope without the value.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use scopecraft::{
    QuoteOptions, Scope, ScopeItem, item_errors, limits, price_with, read_decimal_number,
};
use scopecraft_web::state::Mode;
use scopecraft_web::{App, AppProps};
use support::*;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// The app at `#/scope` with one Expert Services line, for an account executive.
async fn executive_app(scope: Scope) -> (Element, AppHandle<App>) {
    set_hash("#/scope");
    let root = mount_point();
    let props = AppProps {
        scope: Some(scope),
        mode: Mode::AccountExecutive,
        ..AppProps::new(gitlab_catalog())
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, handle)
}

fn expert_services() -> Scope {
    Scope {
        items: vec![ScopeItem::new("GL-XPRT")],
        ..Scope::default()
    }
}

fn core_total(scope: &Scope) -> String {
    let quote = price_with(&gitlab_catalog(), scope, &QuoteOptions::default()).unwrap();
    quote
        .total
        .display(scopecraft::Currency::from_code("USD").unwrap())
}

/// What the core says about the scope's first item, as a line editor shows it.
fn item_problem(scope: &Scope) -> String {
    let errors = item_errors(&gitlab_catalog(), scope, 0);
    assert!(!errors.is_empty(), "the core refuses the item");
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The problem shown for the field whose input is `#id`, if any.
fn problem(root: &Element, id: &str) -> Option<String> {
    find(root, &format!("#{id}-error")).map(|p| text(&p))
}

/// The input's `aria-invalid` and `aria-describedby`.
fn marks(root: &Element, id: &str) -> (Option<String>, Option<String>) {
    let input = get(root, &format!("#{id}"));
    (
        input.get_attribute("aria-invalid"),
        input.get_attribute("aria-describedby"),
    )
}

/// Types `refused` into `#id` and checks the problem and the marks, then empties the field
/// and checks that both are gone.
async fn refused_then_emptied(root: &Element, id: &str, refused: &str, expected: &str) {
    type_into(root, &format!("#{id}"), refused).await;
    assert_eq!(problem(root, id).as_deref(), Some(expected), "{id}");
    assert_eq!(
        marks(root, id),
        (Some("true".to_string()), Some(format!("{id}-error"))),
        "{id}"
    );
    type_into(root, &format!("#{id}"), "").await;
    assert_eq!(problem(root, id), None, "{id}: emptied, the problem goes");
    assert_eq!(marks(root, id), (None, None), "{id}: and so do the marks");
}

#[wasm_bindgen_test]
async fn the_quote_discount_problem_goes_when_the_field_is_emptied() {
    let scope = expert_services();
    let (root, app) = executive_app(scope.clone()).await;
    let list = core_total(&scope);
    assert_eq!(text(&get(&root, "#quote-total")), list);
    let not_a_number = read_decimal_number("ten").unwrap_err().message();
    refused_then_emptied(&root, "quote-discount", "ten", not_a_number).await;
    assert_eq!(text(&get(&root, "#quote-total")), list);

    // A discount the scope takes, then refused text, then emptied: back to the list price.
    type_into(&root, "#quote-discount", "10").await;
    let mut discounted = scope.clone();
    discounted.quote_discount_percent = Some(rust_decimal::Decimal::TEN);
    assert_eq!(text(&get(&root, "#quote-total")), core_total(&discounted));
    refused_then_emptied(&root, "quote-discount", "10%", not_a_number).await;
    assert_eq!(text(&get(&root, "#quote-total")), list);

    // Over 100%: refused with the scope format's words before it reaches the scope, so the
    // total never goes below zero.
    let expected: Vec<String> = Scope::quote_discount_errors(rust_decimal::Decimal::from(150))
        .iter()
        .map(|e| e.message.clone())
        .collect();
    assert_eq!(expected.len(), 1);
    refused_then_emptied(&root, "quote-discount", "150", &expected[0]).await;
    assert_eq!(text(&get(&root, "#quote-total")), list);
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_line_discount_the_core_refuses_goes_when_the_field_is_emptied() {
    let scope = expert_services();
    let (root, app) = executive_app(scope.clone()).await;
    // Over 100%: the scope format's own rule, in the core's words.
    let mut over = scope.clone();
    over.items[0].discount_percent = Some(rust_decimal::Decimal::from(150));
    refused_then_emptied(&root, "line-0-discount", "150", &item_problem(&over)).await;
    assert_eq!(text(&get(&root, "#quote-total")), core_total(&scope));
    // Text that is not a number at all.
    let not_a_number = read_decimal_number("lots").unwrap_err().message();
    refused_then_emptied(&root, "line-0-discount", "lots", not_a_number).await;
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_note_the_core_refuses_goes_when_the_field_is_emptied() {
    let (root, app) = executive_app(expert_services()).await;
    let long = "n".repeat(limits::MAX_LONG_TEXT + 1);
    let mut over = expert_services();
    over.items[0].note = long.clone();
    refused_then_emptied(&root, "line-0-note", &long, &item_problem(&over)).await;
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_percentage_refused_beside_an_amount_is_taken_once_the_amount_is_emptied() {
    let scope = expert_services();
    let (root, app) = executive_app(scope.clone()).await;
    type_into(&root, "#line-0-discount-amount", "500").await;
    type_into(&root, "#line-0-discount", "5").await;
    let mut both = scope.clone();
    both.items[0].discount_amount = Some(rust_decimal::Decimal::from(500));
    both.items[0].discount_percent = Some(rust_decimal::Decimal::from(5));
    assert_eq!(problem(&root, "line-0-discount"), Some(item_problem(&both)));
    // 14,400 − 500 = 13,900: the amount is priced, the percentage is not.
    assert_eq!(text(&get(&root, "#quote-total")), "USD 13,900.00");
    // The amount emptied: nothing refuses the 5% any more, so it is priced, and its problem
    // goes: 14,400 − 720 = 13,680.
    type_into(&root, "#line-0-discount-amount", "").await;
    settle().await;
    assert_eq!(problem(&root, "line-0-discount"), None);
    assert_eq!(marks(&root, "line-0-discount"), (None, None));
    assert_eq!(text(&get(&root, "#quote-total")), "USD 13,680.00");
    let mut percent = scope.clone();
    percent.items[0].discount_percent = Some(rust_decimal::Decimal::from(5));
    assert_eq!(text(&get(&root, "#quote-total")), core_total(&percent));
    app.destroy();
}
