//! Component tests of the notices above the page: each reads as text with the right role,
//! offers its button, and closes; and the catalog page introduces the catalog it shows.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::rc::Rc;

use scopecraft_web::notices::AppNotice;
use scopecraft_web::saves::{Saved, UnreadableSave};
use scopecraft_web::{App, AppProps};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn notices_are_text_with_their_role_and_close() {
    set_hash("#/");
    let root = mount_point();
    let unreadable = UnreadableSave {
        what: Saved::Scope,
        text: Rc::from("{\"items\": [<b>"),
        reason: "not valid JSON: <i>cut</i>".into(),
        kept_under: Some("scopecraft.scope.unreadable.x".into()),
    };
    let props = AppProps {
        notices: vec![
            AppNotice::Updated,
            AppNotice::NotSaved,
            AppNotice::Unreadable(unreadable),
        ],
        ..AppProps::new(small_catalog())
    };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let updated = get(&root, "#notice-updated");
    assert_eq!(updated.get_attribute("role").as_deref(), Some("status"));
    assert!(text(&updated).contains("Updated to the latest version"));
    let not_saved = get(&root, "#notice-not-saved");
    assert_eq!(not_saved.get_attribute("role").as_deref(), Some("alert"));
    assert!(find(&not_saved, "#download-unsaved-scope").is_some());
    let unreadable = get(&root, "#notice-unreadable-scope");
    assert_eq!(unreadable.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&unreadable).contains("scopecraft.scope.unreadable.x"));
    assert!(text(&unreadable).contains("Details: not valid JSON: <i>cut</i>"));
    assert!(find(&unreadable, "i").is_none(), "the reason is text");
    assert!(find(&unreadable, "#download-unreadable-scope").is_some());

    click(&root, "#notice-updated .link-button").await;
    assert!(find(&root, "#notice-updated").is_none(), "closed");
    assert!(
        find(&root, "#notice-not-saved").is_some(),
        "the others stay"
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_catalog_page_introduces_the_catalog_it_shows() {
    set_hash("#/");
    let root = mount_point();
    let app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(small_catalog()))
            .render();
    settle().await;
    let lead = text(&get(&root, "#catalog-lead"));
    assert!(
        lead.starts_with("Training and Consulting, from Small Test Catalog."),
        "{lead}"
    );
    app.destroy();
}
