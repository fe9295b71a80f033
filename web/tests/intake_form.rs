//! Component tests of the account executive's intake form: one checkbox per customer flag of
//! the loaded catalog, named by the catalog and rendered as text, writing `customer.flags`;
//! a catalog without flags shows none; a scope saved with the older
//! `customer.public_sector_us: true` shows its flag ticked.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use scopecraft::{Customer, Scope};
use scopecraft_web::components::{IntakeForm, IntakeFormProps};
use scopecraft_web::state::{Action, SharedCatalog};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The form for `scope` on `catalog`, and the customers it sends on.
async fn form(catalog: SharedCatalog, scope: Scope) -> (Element, Rc<RefCell<Vec<Customer>>>) {
    let root = mount_point();
    let sent: Rc<RefCell<Vec<Customer>>> = Rc::default();
    let on_action = {
        let sent = sent.clone();
        Callback::from(move |action: Action| {
            if let Action::SetCustomer(customer) = action {
                sent.borrow_mut().push(customer);
            }
        })
    };
    let props = IntakeFormProps {
        catalog,
        scope: scope.into(),
        on_action,
    };
    yew::Renderer::<IntakeForm>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, sent)
}

fn checkbox(root: &Element, id: &str) -> HtmlInputElement {
    get(root, &format!("#intake-flag-{id}")).dyn_into().unwrap()
}

fn scope_with(customer: &str) -> Scope {
    Scope::from_json(&format!(r#"{{"customer": {customer}}}"#)).unwrap()
}

#[wasm_bindgen_test]
async fn the_gitlab_catalog_shows_its_us_public_sector_flag_and_writes_customer_flags() {
    let (root, sent) = form(gitlab_catalog(), scope_with(r#"{"name": "Acme"}"#)).await;
    let boxes = all(&root, "input[type=checkbox]");
    assert_eq!(boxes.len(), 1);
    let flag = checkbox(&root, "public_sector_us");
    assert!(!flag.checked());
    let label = get(&root, "label[for=intake-flag-public_sector_us]");
    assert_eq!(text(&label), "US public sector");
    click(&root, "#intake-flag-public_sector_us").await;
    let customer = sent.borrow().last().cloned().unwrap();
    assert_eq!(customer.flags, ["public_sector_us"]);
    assert!(!customer.public_sector_us);
    assert_eq!(customer.name, "Acme");
}

#[wasm_bindgen_test]
async fn an_old_scope_with_public_sector_us_shows_it_ticked_and_unticking_clears_it() {
    let old = scope_with(r#"{"name": "State of Example", "public_sector_us": true}"#);
    let (root, sent) = form(gitlab_catalog(), old).await;
    assert!(checkbox(&root, "public_sector_us").checked());
    click(&root, "#intake-flag-public_sector_us").await;
    let customer = sent.borrow().last().cloned().unwrap();
    assert!(!customer.has_flag("public_sector_us"), "{customer:?}");
}

#[wasm_bindgen_test]
async fn a_catalog_without_customer_flags_shows_no_checkbox() {
    let (root, _) = form(small_catalog(), scope_with(r#"{"name": "Acme"}"#)).await;
    assert!(small_catalog().issue_settings().customer_flags.is_empty());
    assert_eq!(all(&root, "input[type=checkbox]").len(), 0);
    assert!(find(&root, "#intake-customer").is_some());
}

#[wasm_bindgen_test]
async fn each_flag_of_the_catalog_is_a_checkbox_named_as_text() {
    let toml = scopecraft::GITLAB_CATALOG_TOML.replace(
        "labels = [\"Public Sector US\"]\n",
        "labels = [\"Public Sector US\"]\n\n[[sow.issue.customer_flags]]\nid = \"regulated\"\nname = \"Regulated <b>industry</b>\"\nlabels = [\"Compliance\"]\n",
    );
    let catalog = SharedCatalog::new(scopecraft::load_catalog("gitlab.toml", &toml).unwrap());
    let scope = scope_with(r#"{"name": "Acme", "flags": ["regulated"]}"#);
    let (root, sent) = form(catalog, scope).await;
    let names: Vec<String> = all(&root, ".field-check label").iter().map(text).collect();
    assert_eq!(names, ["US public sector", "Regulated <b>industry</b>"]);
    assert!(find(&root, ".field-check b").is_none(), "the name is text");
    assert!(checkbox(&root, "regulated").checked());
    assert!(!checkbox(&root, "public_sector_us").checked());
    click(&root, "#intake-flag-public_sector_us").await;
    let customer = sent.borrow().last().cloned().unwrap();
    assert_eq!(customer.flags, ["regulated", "public_sector_us"]);
}
