//! Component tests, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

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
async fn app_renders_its_title() {
    let root = mount_point();
    yew::Renderer::<scopecraft_web::App>::with_root(root.clone()).render();
    sleep(std::time::Duration::ZERO).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Scopecraft"), "rendered: {text}");
}
