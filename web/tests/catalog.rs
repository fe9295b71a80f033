//! Component tests of the catalog page: search, filters, grouping, cards.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use scopecraft_web::{App, AppProps};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// The app on the fixture catalog, at the catalog page.
async fn catalog_app() -> (Element, AppHandle<App>) {
    set_hash("#/");
    let root = mount_point();
    let handle =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(small_catalog()))
            .render();
    settle().await;
    (root, handle)
}

#[wasm_bindgen_test]
async fn shows_public_offerings_grouped_by_category() {
    let (root, app) = catalog_app().await;
    assert_eq!(category_names(&root), ["Training", "Consulting"]);
    assert_eq!(
        card_skus(&root),
        ["TR-GIT-R", "TR-GIT", "TR-SEC", "CO-ADVICE"]
    );
    let page = text(&root);
    assert!(
        !page.contains("Partner enablement"),
        "non-public offering shown"
    );
    assert!(!page.contains("Partners"), "its audience is not a filter");
    assert!(text(&get(&root, "#result-count")).contains("4 offerings"));
    assert!(text(&get(&root, ".catalog-name")).contains("Small Test Catalog"));
    assert!(text(&get(&root, ".catalog-name")).contains("2024.1"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn cards_show_name_sku_summary_duration_delivery_and_price() {
    let (root, app) = catalog_app().await;
    let card = |sku: &str| {
        let link = get(&root, &format!("#card-{sku}"));
        text(&link.closest(".card").unwrap().unwrap())
    };
    let git = card("TR-GIT-R");
    for expected in [
        "Git fundamentals (remote)",
        "TR-GIT-R",
        "A first class in Git, taught live over video.",
        "Two half days",
        "Remote (on-site also available)",
        "USD 1,000.00 per class",
    ] {
        assert!(git.contains(expected), "{expected:?} missing from {git:?}");
    }
    assert!(card("TR-SEC").contains("USD 2,000.00 remote · USD 2,600.00 on-site per class"));
    let advice = card("CO-ADVICE");
    assert!(advice.contains("custom quote"), "{advice}");
    let price = get(&root, "#card-CO-ADVICE")
        .closest(".card")
        .unwrap()
        .unwrap()
        .query_selector(".card-price")
        .unwrap()
        .unwrap();
    assert!(price.class_name().contains("card-price-custom"));
    assert_eq!(
        get(&root, "#card-TR-SEC").get_attribute("href").as_deref(),
        Some("#/offering/TR-SEC")
    );
    let page = text(&root);
    assert!(!page.contains("INTERNAL-ONLY"), "internal notes shown");
    assert!(!page.contains("ESTIMATE-NOTE"), "estimate note shown");
    app.destroy();
}

#[wasm_bindgen_test]
async fn search_by_sku_name_and_text() {
    let (root, app) = catalog_app().await;
    type_into(&root, "#catalog-search", "tr-git").await;
    assert_eq!(card_skus(&root), ["TR-GIT-R", "TR-GIT"]);
    assert!(text(&get(&root, "#result-count")).contains("2 of 4 offerings match"));

    type_into(&root, "#catalog-search", "Secure Pipelines").await;
    assert_eq!(card_skus(&root), ["TR-SEC"]);
    assert!(text(&get(&root, "#result-count")).contains("1 of 4 offerings matches"));

    type_into(&root, "#catalog-search", "kubernetes").await;
    assert_eq!(card_skus(&root), ["CO-ADVICE"]);
    assert_eq!(category_names(&root), ["Consulting"]);

    type_into(&root, "#catalog-search", "").await;
    assert_eq!(card_skus(&root).len(), 4);
    app.destroy();
}

#[wasm_bindgen_test]
async fn category_and_delivery_filters() {
    let (root, app) = catalog_app().await;
    // Categories in catalog order: 0 Training, 1 Consulting.
    click(&root, "#filter-category-1").await;
    assert_eq!(card_skus(&root), ["CO-ADVICE"]);
    click(&root, "#filter-category-1").await;
    assert_eq!(card_skus(&root).len(), 4);

    click(&root, "#filter-delivery-on_site").await;
    assert_eq!(card_skus(&root), ["TR-GIT", "TR-SEC"]);
    assert!(
        text(&get(&root, ".filters-toggle")).contains("1 on"),
        "the narrow-screen toggle counts active filters"
    );
    click(&root, "#filter-category-0").await;
    type_into(&root, "#catalog-search", "secure").await;
    assert_eq!(card_skus(&root), ["TR-SEC"]);

    click_button(&root, "Clear all").await;
    assert_eq!(card_skus(&root).len(), 4);
    let on_site = get(&root, "#filter-delivery-on_site")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    assert!(!on_site.checked());
    assert_eq!(
        get(&root, "#catalog-search")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value(),
        ""
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn audience_filter() {
    let (root, app) = catalog_app().await;
    let labels: Vec<String> = all(&root, "[id^=filter-audience-] + label")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        labels,
        ["Developers", "Engineering leaders", "Security teams"]
    );
    click(&root, "#filter-audience-2").await;
    assert_eq!(card_skus(&root), ["TR-SEC"]);
    click(&root, "#filter-audience-1").await;
    assert_eq!(card_skus(&root), ["TR-SEC", "CO-ADVICE"]);
    app.destroy();
}

#[wasm_bindgen_test]
async fn no_match_explains_and_offers_to_clear() {
    let (root, app) = catalog_app().await;
    type_into(&root, "#catalog-search", "zzz-nothing").await;
    assert!(card_skus(&root).is_empty());
    let empty = text(&get(&root, ".empty"));
    assert!(empty.contains("No offerings match"), "{empty}");
    assert!(empty.contains("“zzz-nothing”"), "{empty}");
    click_button(&root, "Clear search and filters").await;
    assert_eq!(card_skus(&root).len(), 4);
    assert!(find(&root, ".empty").is_none());
    app.destroy();
}
