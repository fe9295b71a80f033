//! Component tests of the whole app on the embedded GitLab catalog, and of the failure panel.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use scopecraft::Catalog;
use scopecraft_web::state::SharedCatalog;
use scopecraft_web::{App, AppProps, effects};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn app_renders_the_gitlab_catalog_and_switches_currency() {
    set_hash("#/");
    let root = mount_point();
    let props = AppProps::new(SharedCatalog::new(Catalog::gitlab().unwrap()));
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let page = text(&root);
    assert!(page.contains("Scopecraft"), "rendered: {page}");
    assert!(
        page.contains("GitLab Professional Services"),
        "rendered: {page}"
    );
    assert!(page.contains("GitLab CI/CD (remote)"), "rendered: {page}");
    let price = |root: &web_sys::Element| {
        let card = get(root, "#card-GL-CICD-R")
            .closest(".card")
            .unwrap()
            .unwrap();
        text(&card.query_selector(".card-price").unwrap().unwrap())
    };
    assert_eq!(price(&root), "List price: USD 5,000.00 per class");

    // The EUR book converts from USD at 0.97, rounded to 10: the core's figure, not ours.
    let select: HtmlSelectElement = get(&root, ".currency select").dyn_into().unwrap();
    select.set_value("EUR");
    let init = EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    settle().await;
    assert_eq!(price(&root), "List price: EUR 4,850.00 per class");
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_failure_panel_is_text_only() {
    let document = web_sys::window().unwrap().document().unwrap();
    let app = document.create_element("div").unwrap();
    app.set_id("app");
    app.set_inner_html("<p class=\"boot\">Loading…</p>");
    document.body().unwrap().append_child(&app).unwrap();
    effects::show_failure("It <i>broke</i>", "Details: <img src=x onerror=alert(1)>");
    let panel = get(&app, ".failure");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(text(&get(&panel, "h1")), "It <i>broke</i>");
    assert_eq!(
        text(&get(&panel, "p")),
        "Details: <img src=x onerror=alert(1)>"
    );
    assert!(
        find(&app, ".boot").is_none(),
        "the loading message is replaced"
    );
    assert!(find(&app, "img").is_none() && find(&app, "i").is_none());
    app.remove();
}
