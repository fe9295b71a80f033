//! Component tests of the offering detail: untrusted catalog text stays text, remote and
//! on-site side by side, prerequisites as links, "Add to scope".
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

use scopecraft::{Currency, DeliveryMode, Scope};
use scopecraft_web::components::{OfferingDetail, OfferingDetailProps};
use scopecraft_web::state::Action;
use scopecraft_web::{App, AppProps};
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::{AppHandle, Callback};

wasm_bindgen_test_configure!(run_in_browser);

type Actions = Rc<RefCell<Vec<Action>>>;

/// The detail of `sku` in the fixture catalog, with an empty scope; returns the actions it
/// emits.
async fn detail(sku: &str) -> (Element, AppHandle<OfferingDetail>, Actions) {
    let root = mount_point();
    let actions: Actions = Rc::default();
    let props = OfferingDetailProps {
        catalog: small_catalog(),
        sku: sku.to_string().into(),
        currency: Currency::from_code("USD").unwrap(),
        today: None,
        scope: Scope::default().into(),
        on_action: Callback::from({
            let actions = actions.clone();
            move |action| actions.borrow_mut().push(action)
        }),
    };
    let handle = yew::Renderer::<OfferingDetail>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, handle, actions)
}

#[wasm_bindgen_test]
async fn markup_in_catalog_text_is_shown_as_text_and_never_runs() {
    let (root, handle, _) = detail("TR-SEC").await;
    let description = text(&get(&root, ".offering-description"));
    assert!(
        description.contains(r#"Learn why <img src=x onerror="window.scopecraftPwned=1"> is dangerous & how <script>window.scopecraftPwned=2</script> gets in."#),
        "{description}"
    );
    assert!(
        description.contains("Bring <b>your</b> own pipeline."),
        "{description}"
    );
    assert!(text(&root).contains("A pipeline policy <em>template</em>"));
    for tag in ["img", "script", "b", "em"] {
        assert!(find(&root, tag).is_none(), "a <{tag}> element was created");
    }
    // Give an injected handler every chance to run.
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    let window = web_sys::window().unwrap();
    let pwned = js_sys::Reflect::get(&window, &JsValue::from_str("scopecraftPwned")).unwrap();
    assert!(pwned.is_undefined(), "injected code ran: {pwned:?}");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn shows_everything_a_customer_needs_and_no_internal_notes() {
    let (root, handle, _) = detail("TR-SEC").await;
    let page = text(&root);
    for expected in [
        "Secure pipelines",
        "TR-SEC",
        "Scanning and policies in the delivery pipeline.",
        "Security teams",
        "Developers",
        "One day",
        "Fixed fee on an order form",
        "A working CI pipeline.",
        "Licence: Premium or Ultimate",
    ] {
        assert!(
            page.contains(expected),
            "{expected:?} missing from {page:?}"
        );
    }
    assert!(!page.contains("INTERNAL-ONLY"), "internal notes shown");
    assert_eq!(
        text(&get(&root, "h1")),
        "Secure pipelines",
        "the heading is the offering's name"
    );
    assert_eq!(get(&root, "h1").id(), "offering-title");
    handle.destroy();

    let (root, handle, _) = detail("TR-GIT").await;
    let page = text(&root);
    assert!(
        page.contains("Instructor travel, billed separately."),
        "exclusions"
    );
    assert!(page.contains("Not included"));
    handle.destroy();

    let (root, handle, _) = detail("TR-GIT-R").await;
    let page = text(&root);
    assert!(page.contains("Commits, branches and merge requests."));
    assert!(page.contains("Two sessions of hands-on labs."));
    assert_eq!(
        all(&root, ".offering-description p").len(),
        2,
        "two paragraphs"
    );
    assert!(page.contains("Lab handbook"), "deliverables");
    assert!(page.contains("Up to 12 attendees."), "assumptions");
    handle.destroy();

    let (root, handle, _) = detail("CO-ADVICE").await;
    let page = text(&root);
    assert!(page.contains("custom quote"), "{page}");
    assert!(page.contains("Scoped and estimated on a statement of work"));
    assert!(!page.contains("INTERNAL-ONLY") && !page.contains("ESTIMATE-NOTE"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn prerequisites_link_to_visible_offerings_only() {
    let (root, handle, _) = detail("TR-SEC").await;
    let links: Vec<(String, String)> = all(&root, ".prerequisites a")
        .iter()
        .map(|a| (text(a), a.get_attribute("href").unwrap_or_default()))
        .collect();
    assert_eq!(
        links,
        [(
            "Git fundamentals (remote)".to_string(),
            "#/offering/TR-GIT-R".to_string()
        )]
    );
    let prerequisites = text(&get(&root, ".prerequisites"));
    assert!(
        prerequisites.contains("Partner enablement (ask your account team)"),
        "{prerequisites}"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn sibling_skus_side_by_side_each_with_add_to_scope() {
    let (root, handle, actions) = detail("TR-GIT-R").await;
    let options = all(&root, ".delivery-option");
    assert_eq!(options.len(), 2);
    let remote = text(&options[0]);
    let on_site = text(&options[1]);
    assert!(
        remote.contains("Remote") && remote.contains("USD 1,000.00 per class"),
        "{remote}"
    );
    assert!(remote.contains("Two half-day video sessions."), "{remote}");
    assert!(
        on_site.contains("On-site") && on_site.contains("USD 1,500.00 per class"),
        "{on_site}"
    );
    assert!(
        on_site.contains("One full day in the customer's office."),
        "{on_site}"
    );
    assert_eq!(
        options[1]
            .query_selector(".delivery-sibling a")
            .unwrap()
            .and_then(|a| a.get_attribute("href"))
            .as_deref(),
        Some("#/offering/TR-GIT")
    );
    click_button(&root, "Add on-site to scope").await;
    assert_eq!(
        *actions.borrow(),
        [Action::AddToScope {
            sku: "TR-GIT".into(),
            delivery: None
        }]
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn one_sku_in_two_modes_adds_the_chosen_mode() {
    let (root, handle, actions) = detail("TR-SEC").await;
    let prices: Vec<String> = all(&root, ".delivery-price").iter().map(text).collect();
    assert_eq!(
        prices,
        [
            "Remote price: USD 2,000.00 per class",
            "On-site price: USD 2,600.00 per class"
        ]
    );
    click_button(&root, "Add remote to scope").await;
    assert_eq!(
        *actions.borrow(),
        [Action::AddToScope {
            sku: "TR-SEC".into(),
            delivery: Some(DeliveryMode::Remote)
        }]
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn unknown_and_hidden_skus_are_not_found() {
    for sku in ["NOPE", "CO-HIDDEN"] {
        let (root, handle, _) = detail(sku).await;
        let page = text(&root);
        assert!(page.contains("Offering not found"), "{sku}: {page}");
        assert!(!page.contains("Partner enablement"), "{sku}: {page}");
        assert_eq!(
            get(&root, "a.button").get_attribute("href").as_deref(),
            Some("#/")
        );
        handle.destroy();
    }
}

#[wasm_bindgen_test]
async fn the_app_opens_an_offering_from_the_url_and_counts_the_scope() {
    set_hash("#/offering/TR-SEC");
    let root = mount_point();
    let app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(small_catalog()))
            .render();
    settle().await;
    assert_eq!(text(&get(&root, "h1")), "Secure pipelines");
    assert!(text(&get(&root, ".scope-count")).contains("0 items in scope"));
    click_button(&root, "Add on-site to scope").await;
    assert!(text(&get(&root, ".scope-count")).contains("1 item in scope"));
    assert!(text(&root).contains("In your scope ✓"));
    // Pressing it again adds nothing.
    click_button(&root, "In your scope").await;
    assert!(text(&get(&root, ".scope-count")).contains("1 item in scope"));
    click_button(&root, "Add remote to scope").await;
    assert!(text(&get(&root, ".scope-count")).contains("2 items in scope"));

    // Following a link changes the hash; the app follows it.
    set_hash("#/offering/TR-GIT-R");
    yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    settle().await;
    assert_eq!(text(&get(&root, "h1")), "Git fundamentals (remote)");
    set_hash("#/");
    yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    settle().await;
    assert_eq!(text(&get(&root, "h1")), "Services catalog");
    assert!(text(&get(&root, ".scope-count")).contains("2 items in scope"));
    app.destroy();
}
