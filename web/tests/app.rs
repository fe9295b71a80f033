//! Component tests, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use scopecraft::Catalog;
use scopecraft_web::state::SharedCatalog;
use scopecraft_web::{App, AppProps};
use wasm_bindgen_test::*;
use yew::platform::time::sleep;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_point() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn app_renders_the_gitlab_catalog() {
    let root = mount_point();
    let props = AppProps {
        catalog: SharedCatalog::new(Catalog::gitlab().unwrap()),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    sleep(std::time::Duration::ZERO).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Scopecraft"), "rendered: {text}");
    assert!(
        text.contains("GitLab Professional Services"),
        "rendered: {text}"
    );
    assert!(text.contains("GitLab CI/CD (remote)"), "rendered: {text}");
}
