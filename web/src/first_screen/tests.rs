use super::*;

const SMALL: &str = include_str!("../../tests/fixtures/small-catalog.toml");

/// The small catalog without CO-ADVICE's availability dates, so that its first screen does
/// not depend on the day.
fn undated() -> Catalog {
    let text = SMALL
        .replace("available_from = \"2021-01-01\"\n", "")
        .replace("available_until = \"2030-12-31\"\n", "");
    scopecraft::load_catalog("small-catalog.toml", &text).expect("the fixture is a valid catalog")
}

fn card_ids(html: &str) -> Vec<&str> {
    html.split(r#"<a class="card-link" id=""#)
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap_or(0)])
        .collect()
}

#[test]
fn shows_every_public_offering_as_a_card_with_the_cores_price() {
    let html = catalog_page_html(&undated()).expect("an undated catalog has a first screen");
    // Five offerings, CO-HIDDEN is not public: four cards, in catalog order by category.
    assert_eq!(
        card_ids(&html),
        [
            "card-TR-GIT-R",
            "card-TR-GIT",
            "card-TR-SEC",
            "card-CO-ADVICE"
        ]
    );
    assert!(!html.contains("CO-HIDDEN"), "{html}");
    assert!(
        html.contains(r#"<p id="result-count" class="result-count" role="status">4 offerings</p>"#)
    );
    assert!(html.contains(r##"href="#/offering/TR-GIT-R">Git fundamentals (remote)</a>"##));
    // Prices as the core words them for the cards (USD, the base currency).
    assert!(html.contains("</span>USD 1,000.00 per class</p>"), "{html}");
    assert!(html.contains("</span>USD 2,000.00 remote · USD 2,600.00 on-site per class</p>"));
    assert!(html.contains(r#"<p class="card-price card-price-custom"><span class="visually-hidden">List price: </span>custom quote</p>"#));
    // Three of the training category's offerings, one of consulting's.
    assert!(html.contains(
        r#"<h2 id="category-training">Training<span class="category-count">3</span></h2>"#
    ));
    assert!(html.contains(
        r#"<h2 id="category-consulting">Consulting<span class="category-count">1</span></h2>"#
    ));
    assert!(
        html.contains("<dd>Agreed when scoped</dd>"),
        "CO-ADVICE has no duration"
    );
    assert!(html.contains("<dd>Remote (on-site also available)</dd>"));
    assert!(
        html.contains("Small Test Catalog<span class=\"catalog-version\">Version 2024.1</span>")
    );
    assert!(html.contains("<span class=\"scope-count-number\">0</span> items in scope"));
}

#[test]
fn catalog_text_is_escaped_never_markup() {
    let text = SMALL
        .replace("available_from = \"2021-01-01\"\n", "")
        .replace("available_until = \"2030-12-31\"\n", "")
        .replace(
            "name = \"Secure pipelines\"",
            "name = \"Secure <script>alert(1)</script> & \\\"quoted\\\" pipelines\"",
        );
    let catalog = scopecraft::load_catalog("small-catalog.toml", &text).expect("valid");
    let html = catalog_page_html(&catalog).expect("undated");
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains(
        "Secure &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; pipelines"
    ));
    // The only elements are the page's own: no tag comes from the catalog.
    assert!(!html.contains("<img"), "{html}");
}

#[test]
fn a_catalog_with_availability_dates_has_no_first_screen() {
    let catalog = scopecraft::load_catalog("small-catalog.toml", SMALL).expect("valid");
    assert_eq!(catalog_page_html(&catalog), None);
}

#[test]
fn the_gitlab_catalog_has_a_first_screen_of_its_public_offerings() {
    let catalog = scopecraft::Catalog::gitlab().expect("the embedded catalog loads");
    let public = catalog.public().expect("the public projection");
    let html = catalog_page_html(&public).expect("no GitLab offering has availability dates");
    let visible = public.offerings().iter().filter(|o| o.public).count();
    assert_eq!(card_ids(&html).len(), visible);
    assert!(
        html.contains(&format!(">{visible} offerings</p>")),
        "{html}"
    );
}
