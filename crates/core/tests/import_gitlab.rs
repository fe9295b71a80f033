//! Imports GitLab's real `services.yml` (kept in the shared reference folder, never copied
//! into the repository) and checks the result.

// Test helpers outside `#[test]` functions panic on purpose: a failed lookup is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use scopecraft::{
    CatalogData, DeliveryMode, GitLabImport, ImportError, LicenseTier, Offering, PriceEntry,
    Pricing, SaleForm, import_gitlab_services,
};

const RELATIVE: &str = "shared/reference/gitlab-services.yml";

/// `$SCOPECRAFT_SHARED` (the shared folder, or the file itself), else the first
/// `shared/reference/gitlab-services.yml` found walking up from this crate.
fn locate_services_yml() -> PathBuf {
    if let Some(dir) = std::env::var_os("SCOPECRAFT_SHARED") {
        let given = PathBuf::from(dir);
        let file = if given.is_file() {
            given.clone()
        } else {
            given.join("reference/gitlab-services.yml")
        };
        assert!(
            file.is_file(),
            "SCOPECRAFT_SHARED={} but {} does not exist",
            given.display(),
            file.display()
        );
        return file;
    }
    let start = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in start.ancestors() {
        let candidate = dir.join(RELATIVE);
        if candidate.is_file() {
            return candidate;
        }
    }
    panic!(
        "cannot find {RELATIVE} in any parent of {}; set SCOPECRAFT_SHARED to the shared folder",
        start.display()
    );
}

fn real_import() -> (String, GitLabImport) {
    let path = locate_services_yml();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let import = import_gitlab_services(&text).expect("the real file imports");
    (text, import)
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn offering<'a>(catalog: &'a CatalogData, sku: &str) -> &'a Offering {
    catalog
        .offerings
        .iter()
        .find(|o| o.sku == sku)
        .unwrap_or_else(|| panic!("offering {sku} imported"))
}

fn usd<'a>(catalog: &'a CatalogData, sku: &str) -> &'a PriceEntry {
    catalog.price_books[0]
        .prices
        .get(sku)
        .unwrap_or_else(|| panic!("USD price for {sku}"))
}

/// Rules the real linter will check, checked here while it is still being written.
fn self_check(catalog: &CatalogData) {
    assert_eq!(catalog.format, scopecraft::CATALOG_FORMAT);
    assert_eq!(catalog.base_currency, "USD");
    let book = catalog
        .price_books
        .iter()
        .find(|b| b.currency == catalog.base_currency)
        .expect("a base-currency price book");
    let mut skus = BTreeSet::new();
    let mut names = BTreeSet::new();
    for o in &catalog.offerings {
        assert!(skus.insert(o.sku.as_str()), "duplicate SKU {}", o.sku);
        assert!(names.insert(o.name.as_str()), "duplicate name {}", o.name);
        assert!(!o.summary.trim().is_empty(), "{} has no summary", o.sku);
        assert!(
            !o.delivery.modes.is_empty(),
            "{} has no delivery mode",
            o.sku
        );
        assert!(
            catalog.categories.iter().any(|c| c.id == o.category),
            "{} is in unknown category {}",
            o.sku,
            o.category
        );
        if o.pricing.needs_price_entry() {
            let entry = book
                .prices
                .get(&o.sku)
                .unwrap_or_else(|| panic!("{} has no USD price", o.sku));
            let priced = entry.price.is_some()
                || o.delivery.modes.iter().all(|mode| match mode {
                    DeliveryMode::Remote => entry.remote.is_some(),
                    DeliveryMode::OnSite => entry.on_site.is_some(),
                });
            assert!(priced, "{} has no USD amount for its modes", o.sku);
            assert_eq!(o.sale, SaleForm::Standard, "{} is priced", o.sku);
        } else {
            assert_eq!(o.sale, SaleForm::CustomSow, "{} is not priced", o.sku);
        }
        if let Some(sibling) = &o.delivery.sibling {
            let other = offering(catalog, sibling);
            assert_eq!(
                other.delivery.sibling.as_deref(),
                Some(o.sku.as_str()),
                "{} ↔ {sibling} is not mutual",
                o.sku
            );
            assert_ne!(other.delivery.modes, o.delivery.modes);
        }
        if let Pricing::Class { seat_addon, .. } = &o.pricing {
            assert!(
                skus.contains(seat_addon.as_str())
                    || catalog.offerings.iter().any(|x| &x.sku == seat_addon),
                "{}'s seat add-on {seat_addon} is not an offering",
                o.sku
            );
        }
    }
    for sku in book.prices.keys() {
        assert!(skus.contains(sku.as_str()), "price for unknown SKU {sku}");
    }
    let mut category_ids = BTreeSet::new();
    for c in &catalog.categories {
        assert!(
            category_ids.insert(c.id.as_str()),
            "duplicate category {}",
            c.id
        );
        assert!(
            catalog.offerings.iter().any(|o| o.category == c.id),
            "unused category {}",
            c.id
        );
    }
    if catalog
        .offerings
        .iter()
        .any(|o| o.delivery.modes.contains(&DeliveryMode::OnSite))
    {
        assert!(
            book.travel.is_some(),
            "on-site offerings need travel defaults"
        );
    }
}

#[test]
fn real_file_passes_the_linter_and_the_self_check() {
    let (_, import) = real_import();
    self_check(&import.catalog);
    let catalog = import.catalog.clone().into_catalog();
    assert!(
        catalog.is_ok(),
        "{}",
        catalog.err().map(|e| e.to_string()).unwrap_or_default()
    );
}

#[test]
fn real_file_prints_its_warnings() {
    let (_, import) = real_import();
    println!(
        "{} offerings, {} warnings:",
        import.catalog.offerings.len(),
        import.warnings.len()
    );
    for warning in &import.warnings {
        let line = warning.to_string();
        assert!(!line.contains('\n'), "one line per warning: {line}");
        println!("{line}");
    }
}

#[test]
fn real_file_prices() {
    let (_, import) = real_import();
    let catalog = &import.catalog;
    for (sku, amount) in [
        ("GL-BAS", "7000"),
        ("GL-BAS-R", "5000"),
        ("GL-PM-R", "5000"),
        ("GL-CICD", "7000"),
        ("GL-IS-R", "5000"),
        ("SRV-PERSEAT-R", "500"),
        ("GL-JIRA", "2400"),
        ("GL-RR-SELF", "40000"),
        ("GL-RR-COM", "17500"),
        ("MIG+", "35000"),
        ("GL-ENGR-3", "147900"),
        ("GL-ENGR-12", "502860"),
        ("GL-ENGR-CLEARED-12", "628575"),
        ("GL-XPRT", "14400"),
        ("GL-XPRT-SVC48", "115200"),
        ("GL-IMPL-QS-HA", "32500"),
        ("GL-IMPL-QS", "16000"),
    ] {
        assert_eq!(usd(catalog, sku).price, Some(dec(amount)), "{sku}");
        assert_eq!(offering(catalog, sku).sale, SaleForm::Standard, "{sku}");
    }
    // GL-PM has no `price:`; its price_desc states the on-site amount.
    assert_eq!(usd(catalog, "GL-PM").price, Some(dec("7000")));
    // One SKU, two modes, priced per mode from price_desc.
    let sec = usd(catalog, "GL-SEC-R");
    assert_eq!(
        (sec.remote, sec.on_site),
        (Some(dec("5000")), Some(dec("7000")))
    );
    assert_eq!(
        offering(catalog, "GL-SEC-R").delivery.modes,
        vec![DeliveryMode::Remote, DeliveryMode::OnSite]
    );
    let dof = usd(catalog, "GL-DOF");
    assert_eq!(
        (dof.remote, dof.on_site),
        (Some(dec("20000")), Some(dec("20000")))
    );
}

#[test]
fn real_file_pricing_models_and_delivery() {
    let (_, import) = real_import();
    let catalog = &import.catalog;
    for sku in [
        "GL-BAS",
        "GL-BAS-R",
        "GL-PM",
        "GL-CICD-R",
        "GL-SEC-R",
        "GL-IS",
    ] {
        assert_eq!(
            offering(catalog, sku).pricing,
            Pricing::Class {
                capacity: 12,
                seat_addon: "SRV-PERSEAT-R".to_string(),
                addons_per_extra_attendee: 1,
                attendees_question: None,
                max_attendees: None,
            },
            "{sku}"
        );
    }
    assert!(matches!(
        offering(catalog, "GL-DOF").pricing,
        Pricing::Class {
            capacity: 12,
            addons_per_extra_attendee: 4,
            ..
        }
    ));
    assert_eq!(
        offering(catalog, "SRV-PERSEAT-R").pricing,
        Pricing::Fixed {
            unit: "seat".to_string()
        }
    );
    assert_eq!(
        offering(catalog, "GL-XPRT").pricing,
        Pricing::Fixed {
            unit: "engagement".to_string()
        }
    );
    for (remote, on_site) in [
        ("GL-BAS-R", "GL-BAS"),
        ("GL-PM-R", "GL-PM"),
        ("GL-CICD-R", "GL-CICD"),
        ("GL-IS-R", "GL-IS"),
    ] {
        let r = offering(catalog, remote);
        let o = offering(catalog, on_site);
        assert_eq!(r.delivery.modes, vec![DeliveryMode::Remote]);
        assert_eq!(o.delivery.modes, vec![DeliveryMode::OnSite]);
        assert_eq!(r.delivery.sibling.as_deref(), Some(on_site));
        assert_eq!(o.delivery.sibling.as_deref(), Some(remote));
    }
    assert_eq!(offering(catalog, "GL-SEC-R").delivery.sibling, None);
    assert_eq!(offering(catalog, "GL-DOF").delivery.on_site_days, 4);
    assert_eq!(
        offering(catalog, "GL-RR-SELF").delivery.modes,
        vec![DeliveryMode::Remote]
    );
    assert!(catalog.price_books[0].travel.is_some());
}

#[test]
fn real_file_texts_are_plain() {
    let (_, import) = real_import();
    let catalog = &import.catalog;
    for o in &catalog.offerings {
        for text in [&o.summary, &o.description, &o.duration.summary]
            .into_iter()
            .chain(&o.audience)
            .chain(&o.prerequisites.notes)
        {
            assert!(
                !text.contains("<br") && !text.contains("</") && !text.contains("<strong"),
                "{}: HTML left in {text:?}",
                o.sku
            );
            assert!(
                !text.contains("&amp;"),
                "{}: entity left in {text:?}",
                o.sku
            );
        }
    }
    let basics = offering(catalog, "GL-BAS");
    assert_eq!(basics.category, "education");
    assert!(
        basics
            .summary
            .starts_with("GitLab training on using GitLab")
    );
    assert!(basics.description.contains("\n\n"), "paragraphs kept");
    assert_eq!(basics.audience, vec!["Anyone new to GitLab and/or Git"]);
    assert_eq!(basics.prerequisites.notes.len(), 2);
    assert!(basics.duration.summary.starts_with("On-site:"));
    assert!(!basics.delivery.on_site.is_empty());
    let security = offering(catalog, "GL-SEC-R");
    assert_eq!(
        security.prerequisites.license_tier,
        Some(LicenseTier::new("ultimate"))
    );
    assert!(
        security
            .prerequisites
            .notes
            .iter()
            .any(|n| n == "GitLab with Git Basics course or equivalent knowledge"),
        "links keep their text: {:?}",
        security.prerequisites.notes
    );
    let inner = offering(catalog, "GL-IS-R");
    assert_eq!(
        inner.prerequisites.notes,
        vec!["Agile development", "Source code management"]
    );
    let quickstart = offering(catalog, "GL-IMPL-QS");
    assert_eq!(quickstart.deliverables.len(), 3);
    let category_ids: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        category_ids,
        vec![
            "education",
            "integration",
            "implementation",
            "migration",
            "consulting"
        ]
    );
}

#[test]
fn real_file_skips_and_duplicates_are_warned() {
    let (text, import) = real_import();
    let catalog = &import.catalog;
    let warnings = &import.warnings;
    // The `sku: #TODO` entry (System Administration).
    let todo: Vec<_> = warnings
        .iter()
        .filter(|w| w.id.as_deref() == Some("training_sessions_admin"))
        .collect();
    assert_eq!(todo.len(), 1, "{todo:?}");
    assert_eq!(todo[0].field, "sku");
    assert!(todo[0].message.starts_with("skipped: no SKU"));
    assert!(todo[0].message.contains("#TODO"), "{}", todo[0]);
    assert!(
        !catalog
            .offerings
            .iter()
            .any(|o| o.name.contains("System Administration"))
    );
    // Entries without any `sku:` key.
    for id in [
        "health-check",
        "CTP-Student-Kits",
        "CTP-Certification-Packets",
    ] {
        let found: Vec<_> = warnings
            .iter()
            .filter(|w| w.id.as_deref() == Some(id))
            .collect();
        assert_eq!(found.len(), 1, "{id}: {found:?}");
        assert!(found[0].message.contains("no `sku:` key"), "{}", found[0]);
    }
    // `Dedicated-12` twice, with different SKUs: both kept, the second warned and renamed.
    assert_eq!(usd(catalog, "GL-ENGR-12").price, Some(dec("502860")));
    let dup: Vec<_> = warnings
        .iter()
        .filter(|w| w.id.as_deref() == Some("Dedicated-12"))
        .collect();
    assert!(
        dup.iter()
            .all(|w| w.sku.as_deref() == Some("GL-ENGR-CLEARED-12")),
        "{dup:?}"
    );
    assert!(
        dup.iter()
            .any(|w| w.field == "id" && w.message.contains("kept because its SKU differs"))
    );
    assert!(dup.iter().any(|w| w.field == "name"));
    assert_ne!(
        offering(catalog, "GL-ENGR-12").name,
        offering(catalog, "GL-ENGR-CLEARED-12").name
    );
    // Text prices are reported once each.
    let xprt: Vec<_> = warnings
        .iter()
        .filter(|w| w.sku.as_deref() == Some("GL-XPRT"))
        .collect();
    assert_eq!(xprt.len(), 1, "{xprt:?}");
    assert_eq!(xprt[0].message, "`$14,400` read as 14400");
    // Every entry that did not become an offering has exactly one warning, a skip.
    let entries = text.lines().filter(|l| l.starts_with("- ")).count();
    let skipped = entries - catalog.offerings.len();
    let skips: Vec<_> = warnings
        .iter()
        .filter(|w| w.message.starts_with("skipped"))
        .collect();
    assert_eq!(skips.len(), skipped);
    for skip in &skips {
        let about: Vec<_> = warnings.iter().filter(|w| w.index == skip.index).collect();
        assert_eq!(about.len(), 1, "{about:?}");
    }
    // Entries imported as written have no warnings.
    for sku in ["GL-BAS-R", "GL-JIRA", "GL-RR-SELF", "MIG+", "GL-ENGR-3"] {
        assert!(
            !warnings.iter().any(|w| w.sku.as_deref() == Some(sku)),
            "{sku} was imported as written"
        );
    }
    // Warnings are in file order.
    let indexes: Vec<usize> = warnings.iter().filter_map(|w| w.index).collect();
    assert!(indexes.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn garbage_inputs_are_errors_not_panics() {
    let deep_block = "- ".repeat(50_000) + "x";
    let deep_flow = "[".repeat(50_000);
    let deep_map = (0..2_000)
        .map(|depth| format!("{}k:\n", "  ".repeat(depth)))
        .collect::<String>();
    for input in [
        "",
        "   \n# only a comment\n",
        "just some words",
        "42",
        "id: a\nsku: GL-X\n",
        "- [1, [2, [3, [4]]]]\n- 5\n",
        "- - - - - x\n",
        "[]",
        "- id: a\n  name: [unclosed\n",
        "key: \"unterminated\n",
        "- id: a\n  id: b\n",
        "\t- tab indented",
        "{{{{",
        "- !!binary aGVsbG8=\n",
        deep_block.as_str(),
        deep_flow.as_str(),
        deep_map.as_str(),
    ] {
        let result = import_gitlab_services(input);
        assert!(result.is_err(), "{:.40?} should be refused", input);
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(!message.is_empty());
    }
    assert!(matches!(
        import_gitlab_services("- id: a\n  name: [unclosed\n"),
        Err(ImportError::Syntax {
            line: Some(_),
            column: Some(_),
            ..
        })
    ));
    assert!(matches!(
        import_gitlab_services("id: a\n"),
        Err(ImportError::NotAList { .. })
    ));
    assert!(matches!(
        import_gitlab_services("- 1\n- [2]\n"),
        Err(ImportError::NoEntries)
    ));
}

mod fuzz {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 300,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = scopecraft::import_gitlab_services(&text);
        }

        #[test]
        fn yaml_shaped_text_never_panics(
            lines in proptest::collection::vec(
                "(- |  |    )?(id|sku|price|name|category|class_size|long_desc|target_audience|duration_desc|price_desc|prereqs)?(: )?(\\$?[0-9,]{0,8}|<li>|</ul>|<br/>|&amp;|#TODO|TBD|\\[|\\]|\\{|\\}|&a|\\*a|[A-Za-z -]{0,12}){0,3}",
                0..30,
            )
        ) {
            let text = lines.join("\n");
            if let Ok(import) = scopecraft::import_gitlab_services(&text) {
                let skus: std::collections::BTreeSet<&str> =
                    import.catalog.offerings.iter().map(|o| o.sku.as_str()).collect();
                prop_assert_eq!(skus.len(), import.catalog.offerings.len());
            }
        }
    }
}
