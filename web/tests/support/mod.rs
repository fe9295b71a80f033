//! Shared by the component tests: a fresh mount point, the fixture catalog, and ways to read
//! and drive the rendered DOM the way a user would.
#![allow(dead_code, unreachable_pub)]

use scopecraft_web::state::SharedCatalog;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// The small catalog in `tests/fixtures` (TR-SEC's description holds markup).
pub const SMALL_CATALOG: &str = include_str!("../fixtures/small-catalog.toml");

pub fn small_catalog() -> SharedCatalog {
    SharedCatalog::new(scopecraft::load_catalog("small-catalog.toml", SMALL_CATALOG).unwrap())
}

/// A new, empty element at the end of the page's body.
pub fn mount_point() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Sets the URL hash (the app reads its route from it).
pub fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

/// Lets yew finish rendering.
pub async fn settle() {
    yew::scheduler::flush().await;
}

pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub fn get(root: &Element, selector: &str) -> Element {
    find(root, selector).unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

pub fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// The SKUs of the cards shown, in order.
pub fn card_skus(root: &Element) -> Vec<String> {
    all(root, ".card-link")
        .iter()
        .filter_map(|link| link.id().strip_prefix("card-").map(str::to_string))
        .collect()
}

/// The category headings shown, without their counts.
pub fn category_names(root: &Element) -> Vec<String> {
    all(root, ".category h2")
        .iter()
        .map(|h| {
            h.first_child()
                .and_then(|n| n.text_content())
                .unwrap_or_default()
        })
        .collect()
}

/// Types `value` into the input or textarea matched by `selector` (sets it and fires
/// `input`).
pub async fn type_into(root: &Element, selector: &str, value: &str) {
    let input = get(root, selector);
    match input.dyn_ref::<HtmlInputElement>() {
        Some(field) => field.set_value(value),
        None => input
            .dyn_ref::<HtmlTextAreaElement>()
            .unwrap_or_else(|| panic!("{selector} is neither an input nor a textarea"))
            .set_value(value),
    }
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

/// Clicks the element matched by `selector`.
pub async fn click(root: &Element, selector: &str) {
    let element: HtmlElement = get(root, selector).dyn_into().unwrap();
    element.click();
    settle().await;
}

/// Clicks the first button whose text contains `label`.
pub async fn click_button(root: &Element, label: &str) {
    let button = all(root, "button")
        .into_iter()
        .find(|b| text(b).contains(label))
        .unwrap_or_else(|| panic!("no button labelled {label:?}"));
    button.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

/// Picks `value` in the select matched by `selector` (sets it and fires `change`).
pub async fn choose(root: &Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = get(root, selector).dyn_into().unwrap();
    select.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("change", &init).unwrap();
    select.dispatch_event(&event).unwrap();
    settle().await;
}

/// The embedded GitLab catalog.
pub fn gitlab_catalog() -> SharedCatalog {
    SharedCatalog::new(scopecraft::Catalog::gitlab().unwrap())
}
