use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::json;

use super::prices::percent_change;
use super::*;
use crate::catalog::{GITLAB_CATALOG_TOML, Pricing};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn gitlab() -> Catalog {
    Catalog::gitlab().unwrap()
}

/// The embedded catalog with `from` replaced by `to` in its TOML (exactly once).
fn edited(from: &str, to: &str) -> Catalog {
    assert_eq!(GITLAB_CATALOG_TOML.matches(from).count(), 1, "{from:?}");
    crate::catalog::load("gitlab.toml", &GITLAB_CATALOG_TOML.replacen(from, to, 1)).unwrap()
}

/// The embedded catalog's data changed by `edit`, checked again.
fn changed(edit: impl FnOnce(&mut CatalogData)) -> Catalog {
    let mut data = gitlab().data().clone();
    edit(&mut data);
    data.into_catalog().unwrap()
}

/// The embedded catalog with one more offering: a copy of a fixed-price one without a
/// sibling, under a new SKU, with its own price.
fn with_extra_offering() -> Catalog {
    changed(|data| {
        let mut extra = data
            .offerings
            .iter()
            .find(|o| o.delivery.sibling.is_none() && matches!(o.pricing, Pricing::Fixed { .. }))
            .unwrap()
            .clone();
        let template = extra.sku.clone();
        extra.sku = "PS-NEW-WORKSHOP".to_string();
        extra.name = "New workshop".to_string();
        data.offerings.push(extra);
        let price = data.price_books[0].prices[&template].clone();
        data.price_books[0]
            .prices
            .insert("PS-NEW-WORKSHOP".to_string(), price);
    })
}

/// Only the price list and whether prices changed differ from "nothing changed".
fn assert_only_prices(diff: &CatalogDiff) {
    for (title, list) in diff.lists() {
        assert!(list.is_empty(), "{title}: {list:#?}");
    }
    assert!(diff.settings.is_empty(), "{:#?}", diff.settings);
}

#[test]
fn a_catalog_compared_with_itself_has_no_changes() {
    let diff = diff_catalogs(&gitlab(), &gitlab());
    assert!(diff.is_identical());
    assert!(!diff.prices_changed);
    assert!(diff.prices.is_empty());
    assert_only_prices(&diff);
    assert!(
        diff.to_markdown()
            .contains("The two catalogs are identical.")
    );
}

#[test]
fn one_changed_price_is_exactly_one_change() {
    let new = edited(
        "\"GL-BAS-R\" = { price = \"5000\" }",
        "\"GL-BAS-R\" = { price = \"5500\" }",
    );
    let diff = diff_catalogs(&gitlab(), &new);
    assert!(diff.prices_changed);
    assert_eq!(
        diff.prices,
        vec![PriceChange {
            currency: "USD".to_string(),
            minor_units: Some(2),
            kind: PriceKind::Offering,
            key: Some("GL-BAS-R".to_string()),
            cell: "price".to_string(),
            label: "price".to_string(),
            old: Some(d("5000.00")),
            new: Some(d("5500.00")),
            change_percent: Some(d("10.0")),
        }]
    );
    assert_only_prices(&diff);
    let price = &diff.prices[0];
    assert_eq!(price.old_text(), "USD 5,000.00");
    assert_eq!(price.new_text(), "USD 5,500.00");
    assert_eq!(price.change_text(), "+10.0%");
    assert_eq!(diff.summary_line(), "1 price changed.");
    // The euro book converts the USD amounts, which the comment says.
    assert_eq!(diff.converted_books, vec!["EUR".to_string()]);
    assert!(diff.conversion_note().unwrap().contains("(EUR)"));
}

#[test]
fn the_same_amount_written_differently_is_not_a_change() {
    let new = edited(
        "\"GL-BAS-R\" = { price = \"5000\" }",
        "\"GL-BAS-R\" = { price = \"5000.00\" }",
    );
    let diff = diff_catalogs(&gitlab(), &new);
    assert!(!diff.prices_changed);
    assert!(diff.prices.is_empty());
    assert_only_prices(&diff);
}

#[test]
fn percentages_are_rounded_half_away_from_zero_to_one_decimal() {
    assert_eq!(percent_change(d("100"), d("133.35")), Some(d("33.4")));
    assert_eq!(percent_change(d("3"), d("2")), Some(d("-33.3")));
    assert_eq!(percent_change(d("200"), d("199.9")), Some(d("-0.1")));
    assert_eq!(percent_change(d("5000"), d("5000.01")), Some(d("0.0")));
    assert_eq!(percent_change(d("0"), d("10")), None);
    assert_eq!(
        percent_change(d("100"), d("150")).unwrap().to_string(),
        "50.0"
    );
}

#[test]
fn added_and_removed_offerings_are_named_with_their_prices() {
    let extra = with_extra_offering();
    let added = diff_catalogs(&gitlab(), &extra);
    assert_eq!(
        added.offerings.added,
        vec![DiffEntry {
            id: "PS-NEW-WORKSHOP".to_string(),
            title: "New workshop".to_string(),
        }]
    );
    assert!(added.offerings.removed.is_empty() && added.offerings.changed.is_empty());
    assert!(!added.offerings.reordered);
    // Every amount of its price entry is a new price (one, or one per delivery mode).
    assert!(!added.prices.is_empty());
    for price in &added.prices {
        assert_eq!(price.key.as_deref(), Some("PS-NEW-WORKSHOP"));
        assert_eq!(price.old, None);
        assert_eq!(price.change_text(), "added");
    }
    assert!(added.prices_changed);

    let removed = diff_catalogs(&extra, &gitlab());
    assert_eq!(removed.offerings.removed.len(), 1);
    assert_eq!(removed.offerings.removed[0].id, "PS-NEW-WORKSHOP");
    assert!(removed.offerings.added.is_empty());
    assert_eq!(removed.prices[0].new, None);
    assert_eq!(removed.prices[0].change_text(), "removed");
}

#[test]
fn a_changed_question_names_its_fields() {
    let old = gitlab();
    let question = old.questions()[0].clone();
    let new = changed(|data| {
        data.questions[0].text = "A clearer question?".to_string();
        data.questions[0].why = "A new reason.".to_string();
    });
    let diff = diff_catalogs(&old, &new);
    assert!(!diff.prices_changed);
    assert!(diff.prices.is_empty());
    assert_eq!(diff.questions.changed.len(), 1);
    let change = &diff.questions.changed[0];
    assert_eq!(change.id, question.id);
    assert_eq!(change.title, "A clearer question?");
    let fields: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["text", "why"]);
    assert_eq!(change.fields[0].old, Some(json!(question.text)));
    assert_eq!(change.fields[0].new, Some(json!("A clearer question?")));
    for (title, list) in diff.lists() {
        if title != "Questions" {
            assert!(list.is_empty(), "{title}");
        }
    }
}

#[test]
fn added_and_removed_questions_and_rules() {
    let old = gitlab();
    let new = changed(|data| {
        let mut question = data.questions.last().unwrap().clone();
        question.id = "general.new_question".to_string();
        data.questions.push(question);
        let approval = data.approvals.remove(0);
        assert!(approval.label.is_none() || !approval.id.is_empty());
        let mut rule = data.recommendations[0].clone();
        rule.id = "new-rule".to_string();
        data.recommendations.push(rule);
    });
    let diff = diff_catalogs(&old, &new);
    assert_eq!(diff.questions.added[0].id, "general.new_question");
    assert_eq!(diff.approvals.removed[0].id, old.data().approvals[0].id);
    assert_eq!(diff.recommendations.added[0].id, "new-rule");
    assert!(!diff.prices_changed);
}

#[test]
fn reordered_questions_are_flagged_and_nothing_else() {
    let new = changed(|data| data.questions.swap(0, 1));
    let diff = diff_catalogs(&gitlab(), &new);
    assert!(diff.questions.reordered);
    assert!(diff.questions.changed.is_empty() && diff.questions.added.is_empty());
    assert!(!diff.prices_changed);
    assert_eq!(
        diff.summary_line(),
        "No entry changed; the catalogs differ only in order or formatting."
    );
}

#[test]
fn offering_fields_are_named_by_path() {
    let old = gitlab();
    let sku = old.offerings()[0].sku.clone();
    let new = changed(|data| {
        let offering = &mut data.offerings[0];
        offering.summary = "Shorter.".to_string();
        offering.sale = crate::catalog::SaleForm::CustomSow;
        if let Pricing::Class { capacity, .. } = &mut offering.pricing {
            *capacity += 1;
        }
    });
    let diff = diff_catalogs(&old, &new);
    let change = &diff.offerings.changed[0];
    assert_eq!(change.id, sku);
    let fields: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["pricing.capacity", "sale", "summary"]);
    assert_eq!(
        change.fields[1].values_text().as_deref(),
        Some("standard → custom_sow")
    );
    // A pricing parameter changes what customers pay.
    assert!(diff.prices_changed);
    assert!(diff.prices.is_empty());
}

#[test]
fn table_cells_tiers_rates_travel_and_conversions() {
    let new = edited(
        "[[\"30000\", \"40000\"], [\"50000\", \"60000\"]",
        "[[\"30000\", \"42000\"], [\"50000\", \"60000\"]",
    );
    let diff = diff_catalogs(&gitlab(), &new);
    assert_eq!(diff.prices.len(), 1);
    let cell = &diff.prices[0];
    assert_eq!(cell.key.as_deref(), Some("GL-MIG-SM-SAAS"));
    assert_eq!(cell.cell, "table[0][0].high");
    assert!(cell.label.ends_with("(high)"), "{}", cell.label);
    assert!(cell.label.contains(" 1–500 × "), "{}", cell.label);
    assert_eq!(cell.change_percent, Some(d("5.0")));

    let new = edited(
        "engineer = { name = \"Professional services engineer\", bill = \"300\", cost = \"210\" }",
        "engineer = { name = \"Professional services engineer\", bill = \"320\", cost = \"210\" }",
    );
    let diff = diff_catalogs(&gitlab(), &new);
    assert_eq!(diff.prices.len(), 1);
    assert_eq!(diff.prices[0].kind, PriceKind::RateCard);
    assert_eq!(diff.prices[0].item_text(), "rate card: engineer");
    assert_eq!(diff.prices[0].cell, "bill");
    assert_eq!(diff.prices[0].change_percent, Some(d("6.7")));

    let new = edited("per_day = \"400\"", "per_day = \"450\"");
    let diff = diff_catalogs(&gitlab(), &new);
    assert_eq!(diff.prices.len(), 1);
    assert_eq!(diff.prices[0].kind, PriceKind::Travel);
    assert_eq!(diff.prices[0].key, None);

    let new = edited("rate = \"0.97\"", "rate = \"0.95\"");
    let diff = diff_catalogs(&gitlab(), &new);
    assert!(diff.prices.is_empty());
    assert!(diff.prices_changed);
    assert_eq!(diff.price_books.changed[0].id, "EUR");
    assert_eq!(
        diff.price_books.changed[0].fields[0].field,
        "conversion.rate"
    );
}

#[test]
fn tiers_are_labelled_with_their_bands() {
    let catalog = crate::catalog::load(
        "tiers.toml",
        r#"
format = 1
id = "tiers"
name = "Tiers"
version = "1"
base_currency = "JPY"
[[categories]]
id = "licences"
name = "Licences"
[[offerings]]
sku = "USERS"
name = "Users"
category = "licences"
summary = "Per user."
sale = "standard"
delivery = { modes = ["remote"] }
pricing = { model = "tiered", mode = "volume", unit = "user", bands = [{ from = 1, to = 100 }, { from = 101 }] }
[[price_books]]
currency = "JPY"
prices = { USERS = { tiers = ["1000", "800"] } }
"#,
    )
    .unwrap();
    let mut data = catalog.data().clone();
    data.price_books[0].prices.get_mut("USERS").unwrap().tiers[1] = d("750");
    data.version = "2".to_string();
    let diff = diff_catalogs(&catalog, &data.into_catalog().unwrap());
    assert_eq!(diff.prices.len(), 1);
    assert_eq!(diff.prices[0].cell, "tiers[1]");
    assert_eq!(diff.prices[0].label, "tier 101+ user");
    // JPY has no minor units.
    assert_eq!(diff.prices[0].old_text(), "JPY 800");
    assert_eq!(diff.prices[0].minor_units, Some(0));
    assert_eq!(diff.prices[0].new_text(), "JPY 750");
    assert_eq!(diff.prices[0].change_text(), "-6.3%");
    assert_eq!(diff.settings.len(), 1);
    assert_eq!(diff.settings[0].field, "version");
    assert_eq!(diff.settings[0].values_text().as_deref(), Some("1 → 2"));
}

#[test]
fn the_json_shape_is_stable() {
    let new = edited(
        "\"GL-BAS-R\" = { price = \"5000\" }",
        "\"GL-BAS-R\" = { price = \"5500\" }",
    );
    let old = gitlab();
    let value = serde_json::to_value(diff_catalogs(&old, &new)).unwrap();
    let empty = json!({ "added": [], "removed": [], "changed": [], "reordered": false });
    assert_eq!(
        value,
        json!({
            "format": "scopecraft.catalog-diff/1",
            "old": { "id": "gitlab-ps", "version": "2022.11", "hash": old.hash() },
            "new": { "id": "gitlab-ps", "version": "2022.11", "hash": new.hash() },
            "prices_changed": true,
            "prices": [{
                "currency": "USD",
                "minor_units": 2,
                "kind": "offering",
                "key": "GL-BAS-R",
                "cell": "price",
                "label": "price",
                "old": "5000.00",
                "new": "5500.00",
                "change_percent": "10.0",
            }],
            "price_books": empty,
            "offerings": empty,
            "questions": empty,
            "recommendations": empty,
            "approvals": empty,
            "categories": empty,
            "settings": [],
            "base_currency": "USD",
            "converted_books": ["EUR"],
        })
    );
}

/// Markdown rendered the way GitLab renders it (CommonMark with GFM tables).
#[cfg(not(target_arch = "wasm32"))]
fn rendered(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    out
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_markdown_renders_as_tables() {
    let new = edited(
        "\"GL-BAS-R\" = { price = \"5000\" }",
        "\"GL-BAS-R\" = { price = \"5500\" }",
    );
    let markdown = diff_catalogs(&gitlab(), &new).to_markdown();
    assert!(markdown.starts_with("## Catalog changes: gitlab-ps 2022.11 → gitlab-ps 2022.11\n"));
    assert!(markdown.contains("**1 price changed.**"));
    let html = rendered(&markdown);
    assert_eq!(html.matches("<table>").count(), 2, "{html}");
    assert!(html.contains("<h3>Prices</h3>"), "{html}");
    assert!(
        html.contains(
            "<tr><td>USD</td><td>GL-BAS-R</td><td>price</td>\
             <td style=\"text-align: right\">USD 5,000.00</td>\
             <td style=\"text-align: right\">USD 5,500.00</td>\
             <td style=\"text-align: right\">+10.0%</td></tr>"
        ),
        "{html}"
    );
    // Only the price section: no offering, question or rule tables.
    assert!(!html.contains("<h3>Offerings</h3>"));
    assert!(!html.contains("<h3>Questions</h3>"));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn catalog_text_cannot_break_the_markdown() {
    let old = gitlab();
    let new = changed(|data| {
        data.offerings[0].name = "Basics | <script>alert(1)</script> @all\n# heading".to_string();
    });
    let diff = diff_catalogs(&old, &new);
    let markdown = diff.to_markdown();
    let html = rendered(&markdown);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<h1>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    // The changed row still has its four cells.
    let row = html
        .split("<tr>")
        .find(|row| row.contains("<td>changed</td>"))
        .unwrap();
    assert_eq!(row.matches("<td>").count(), 4, "{row}");
    // GitLab honours a backslash before `@`: the mention is escaped, not live.
    assert!(markdown.contains("\\@all"), "{markdown}");
}
