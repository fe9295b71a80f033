//! Facts about the embedded GitLab catalog that PS operations would check by hand: SKUs,
//! list prices, class rules, the migration ROM table and the fixed discovery question ids.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use scopecraft::{
    ApprovalLines, ApprovalTrigger, Catalog, DeliveryMode, LicenseTier, PriceBook, PriceEntry,
    Pricing, QuestionKind, SaleForm,
};

// Helpers are marked `cfg(test)` so clippy treats them like the tests: they may panic.

#[cfg(test)]
fn catalog() -> Catalog {
    match Catalog::gitlab() {
        Ok(catalog) => catalog,
        Err(error) => panic!("the embedded catalog does not load:\n{error}"),
    }
}

#[cfg(test)]
fn usd(catalog: &Catalog) -> &PriceBook {
    catalog.base_price_book().expect("a base (USD) price book")
}

#[cfg(test)]
fn entry<'a>(book: &'a PriceBook, sku: &str) -> &'a PriceEntry {
    book.prices
        .get(sku)
        .unwrap_or_else(|| panic!("{sku} has no entry in the {} book", book.currency))
}

#[cfg(test)]
fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal literal")
}

const OFFICIAL_SKUS: &[&str] = &[
    "GL-BAS-R",
    "GL-BAS",
    "GL-CICD-R",
    "GL-CICD",
    "GL-PM-R",
    "GL-PM",
    "GL-SEC-R",
    "GL-IS-R",
    "GL-IS",
    "GL-DOF",
    "SRV-PERSEAT-R",
    "GL-IMPL-QS",
    "GL-IMPL-QS-HA",
    "GL-RR-SELF",
    "GL-RR-COM",
    "MIG+",
    "GL-JIRA",
    "GL-JENKINS",
    "GL-LDAP",
    "GL-XPRT",
    "GL-XPRT-SVC48",
    "GL-ENGR-3",
    "GL-ENGR-6",
    "GL-ENGR-12",
    "GL-ENGR-CLEARED-3",
    "GL-ENGR-CLEARED-6",
    "GL-ENGR-CLEARED-12",
    "GL-MIG-SM-SAAS",
];

const INTERNAL_SKUS: &[&str] = &[
    "PS-SYSADMIN-R",
    "PS-SYSADMIN",
    "PS-SELF-PACED-CERT",
    "PS-HEALTH-CHECK",
    "PS-TAILORED-IMPL",
    "PS-CUSTOM-IMPL",
    "PS-DEVOPS-TRANSFORMATION",
    "PS-ADVISORY-WORKSHOP",
    "PS-CI-MIGRATION",
    "PS-CUSTOM-MIGRATION",
    "PS-SAAS-DISCOVERY",
    "PS-SSO-CONFIG",
    "PS-SECURITY-CONFIG",
];

#[test]
fn loads_with_header() {
    let catalog = catalog();
    let data = catalog.data();
    assert_eq!(data.format, 1);
    assert_eq!(data.id, "gitlab-ps");
    assert_eq!(data.version, "2022.11");
    assert_eq!(data.base_currency, "USD");
    assert!(!data.publisher.is_empty());
    let categories: Vec<&str> = data.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        categories,
        [
            "education",
            "implementation",
            "migration",
            "integration",
            "consulting",
            "assessment",
            "staff_augmentation",
        ]
    );
    for category in &data.categories {
        assert!(
            !category.description.is_empty(),
            "{} has no description",
            category.id
        );
    }
}

#[test]
fn every_official_and_internal_sku_exists_once() {
    let catalog = catalog();
    for sku in OFFICIAL_SKUS.iter().chain(INTERNAL_SKUS) {
        assert!(catalog.offering(sku).is_some(), "{sku} is missing");
    }
    let mut seen = BTreeSet::new();
    for offering in catalog.offerings() {
        assert!(
            seen.insert(&offering.sku),
            "{} is listed twice",
            offering.sku
        );
        assert!(
            catalog.category(&offering.category).is_some(),
            "{} has unknown category {}",
            offering.sku,
            offering.category
        );
        let known =
            OFFICIAL_SKUS.contains(&offering.sku.as_str()) || offering.sku.starts_with("PS-");
        assert!(known, "{} is neither official nor PS-", offering.sku);
    }
}

#[test]
fn key_usd_list_prices() {
    let catalog = catalog();
    let book = usd(&catalog);
    assert_eq!(book.currency, "USD");
    assert!(book.conversion.is_none());
    let expected = [
        ("GL-BAS-R", "5000"),
        ("GL-BAS", "7000"),
        ("GL-CICD-R", "5000"),
        ("GL-CICD", "7000"),
        ("GL-PM-R", "5000"),
        ("GL-PM", "7000"),
        ("GL-IS-R", "5000"),
        ("GL-IS", "7000"),
        ("PS-SYSADMIN-R", "12000"),
        ("PS-SYSADMIN", "16000"),
        ("PS-SELF-PACED-CERT", "500"),
        ("GL-XPRT", "14400"),
        ("GL-XPRT-SVC48", "115200"),
        ("MIG+", "35000"),
        ("GL-IMPL-QS", "16000"),
        ("GL-IMPL-QS-HA", "32500"),
        ("GL-RR-COM", "17500"),
        ("GL-JIRA", "2400"),
        ("GL-JENKINS", "2400"),
        ("GL-LDAP", "2400"),
        ("GL-ENGR-3", "147900"),
        ("GL-ENGR-6", "281010"),
        ("GL-ENGR-12", "502860"),
        ("GL-ENGR-CLEARED-3", "184875"),
        ("GL-ENGR-CLEARED-6", "351263"),
        ("GL-ENGR-CLEARED-12", "628575"),
    ];
    for (sku, price) in expected {
        assert_eq!(entry(book, sku).price, Some(dec(price)), "{sku}");
    }
    // Rapid Results self-managed: one fee, remote or on site (travel on top).
    let rapid = entry(book, "GL-RR-SELF");
    assert_eq!(rapid.remote, Some(dec("40000")));
    assert_eq!(rapid.on_site, Some(dec("40000")));
    let dof = entry(book, "GL-DOF");
    assert_eq!(dof.remote, Some(dec("20000")));
    assert_eq!(dof.on_site, Some(dec("20000")));
    let sec = entry(book, "GL-SEC-R");
    assert_eq!(sec.remote, Some(dec("5000")));
    assert_eq!(sec.on_site, Some(dec("7000")));
    let seat = entry(book, "SRV-PERSEAT-R");
    assert_eq!(seat.remote, Some(dec("500")));
    assert_eq!(seat.on_site, Some(dec("500")));
}

#[test]
fn every_priced_offering_has_a_usd_entry_and_unpriced_ones_do_not() {
    let catalog = catalog();
    let book = usd(&catalog);
    for offering in catalog.offerings() {
        let listed = book.prices.contains_key(&offering.sku);
        assert_eq!(
            listed,
            offering.pricing.needs_price_entry(),
            "{} ({})",
            offering.sku,
            offering.pricing.model_name()
        );
        if !listed {
            continue;
        }
        let entry = entry(book, &offering.sku);
        if offering.pricing.model_name() == "range_table" {
            continue;
        }
        if offering.delivery.modes.len() > 1 {
            for mode in &offering.delivery.modes {
                let amount = match mode {
                    DeliveryMode::Remote => entry.remote,
                    DeliveryMode::OnSite => entry.on_site,
                };
                assert!(
                    amount.is_some(),
                    "{} has no {} price",
                    offering.sku,
                    mode.as_str()
                );
            }
        } else {
            assert!(entry.price.is_some(), "{} has no price", offering.sku);
        }
    }
    for sku in book.prices.keys() {
        assert!(
            catalog.offering(sku).is_some(),
            "price for unknown SKU {sku}"
        );
    }
}

#[test]
fn rom_table_matches_the_reference() {
    let catalog = catalog();
    let offering = catalog.offering("GL-MIG-SM-SAAS").expect("ROM offering");
    assert_eq!(offering.sale, SaleForm::CustomSow);
    let Pricing::RangeTable {
        rows,
        columns,
        add_ons,
    } = &offering.pricing
    else {
        panic!("GL-MIG-SM-SAAS is not a range table");
    };
    assert_eq!(rows.question, "migration.users");
    assert_eq!(columns.question, "migration.repositories");
    // Columns count projects under 5 GB: repositories less the large ones.
    assert_eq!(
        columns.minus.as_deref(),
        Some("migration.large_repositories")
    );
    let row_bands: Vec<(u64, Option<u64>)> = rows.bands.iter().map(|b| (b.from, b.to)).collect();
    assert_eq!(
        row_bands,
        [
            (1, Some(500)),
            (501, Some(1000)),
            (1001, Some(2000)),
            (2001, Some(3000))
        ]
    );
    assert_eq!(columns.bands.len(), 10);
    for (index, band) in columns.bands.iter().enumerate() {
        let index = u64::try_from(index).expect("small index");
        // The first column is "≤1,000 projects under 5 GB": it starts at none.
        let from = if index == 0 { 0 } else { index * 1000 + 1 };
        assert_eq!((band.from, band.to), (from, Some((index + 1) * 1000)));
    }
    assert_eq!(add_ons.len(), 1);
    assert_eq!(add_ons[0].question, "migration.large_repositories");
    assert_eq!(add_ons[0].per, 10);

    let book = usd(&catalog);
    let prices = entry(book, "GL-MIG-SM-SAAS");
    assert_eq!(prices.table.len(), 4);
    for row in &prices.table {
        assert_eq!(row.len(), 10);
        for [low, high] in row {
            assert_eq!(*high - *low, dec("10000"), "every cell spans 10k");
        }
    }
    assert_eq!(prices.table[0][0], [dec("30000"), dec("40000")]);
    assert_eq!(prices.table[0][9], [dec("190000"), dec("200000")]);
    assert_eq!(prices.table[1][0], [dec("35000"), dec("45000")]);
    assert_eq!(prices.table[2][5], [dec("135000"), dec("145000")]);
    assert_eq!(prices.table[3][0], [dec("60000"), dec("70000")]);
    assert_eq!(prices.table[3][9], [dec("210000"), dec("220000")]);
    assert_eq!(prices.add_ons, [dec("12000")]);
}

#[test]
fn class_rules() {
    let catalog = catalog();
    let classes: Vec<_> = catalog
        .offerings()
        .iter()
        .filter(|o| o.pricing.model_name() == "class")
        .collect();
    assert_eq!(classes.len(), 12);
    for offering in classes {
        let Pricing::Class {
            capacity,
            seat_addon,
            addons_per_extra_attendee,
            attendees_question,
            ..
        } = &offering.pricing
        else {
            unreachable!();
        };
        assert_eq!(*capacity, 12, "{}", offering.sku);
        assert_eq!(seat_addon, "SRV-PERSEAT-R", "{}", offering.sku);
        let per_extra = if offering.sku == "GL-DOF" { 4 } else { 1 };
        assert_eq!(*addons_per_extra_attendee, per_extra, "{}", offering.sku);
        assert_eq!(attendees_question.as_deref(), Some("education.attendees"));
        if offering.delivery.modes.contains(&DeliveryMode::OnSite) {
            assert_eq!(offering.delivery.travelers, 1, "{}", offering.sku);
        }
    }
    let on_site_days = |sku: &str| catalog.offering(sku).expect(sku).delivery.on_site_days;
    assert_eq!(on_site_days("GL-BAS"), 1);
    assert_eq!(on_site_days("PS-SYSADMIN"), 2);
    assert_eq!(on_site_days("GL-DOF"), 4);
    let dof = catalog.offering("GL-DOF").expect("GL-DOF");
    assert_eq!(
        dof.delivery.modes,
        [DeliveryMode::Remote, DeliveryMode::OnSite]
    );
    let seat = catalog.offering("SRV-PERSEAT-R").expect("seat add-on");
    assert!(matches!(&seat.pricing, Pricing::Fixed { unit } if unit == "seat"));
    let cert = catalog.offering("PS-SELF-PACED-CERT").expect("self-paced");
    assert!(matches!(&cert.pricing, Pricing::Fixed { unit } if unit == "learner"));
}

#[test]
fn prerequisites_and_licence_tiers() {
    let catalog = catalog();
    let offering = |sku: &str| catalog.offering(sku).expect(sku);
    assert_eq!(offering("GL-CICD-R").prerequisites.skus, ["GL-BAS-R"]);
    let sec = &offering("GL-SEC-R").prerequisites;
    assert_eq!(sec.skus, ["GL-BAS-R", "GL-CICD-R"]);
    assert_eq!(sec.license_tier, Some(LicenseTier::new("ultimate")));
    // DevOps Fundamentals is recommended for Ultimate customers, not restricted to them.
    let dof = &offering("GL-DOF").prerequisites;
    assert_eq!(dof.license_tier, None);
    assert_eq!(
        dof.recommended_license_tier,
        Some(LicenseTier::new("ultimate"))
    );
    // No services for Free (Community Edition) customers.
    let minimum = catalog
        .data()
        .license_minimum
        .as_ref()
        .expect("license_minimum");
    assert_eq!(minimum.tier, LicenseTier::new("premium"));
    assert_eq!(
        offering("GL-IMPL-QS-HA").prerequisites.license_tier,
        Some(LicenseTier::new("premium"))
    );
    for offering in catalog.offerings() {
        for sku in &offering.prerequisites.skus {
            assert!(
                catalog.offering(sku).is_some(),
                "{} requires unknown {sku}",
                offering.sku
            );
        }
    }
}

#[test]
fn expert_services_blocks() {
    let catalog = catalog();
    let xprt = catalog.offering("GL-XPRT").expect("GL-XPRT");
    assert_eq!(
        xprt.pricing,
        Pricing::Blocks {
            hours_per_block: 48,
            included_pm_hours: 8,
            bands: Vec::new(),
        }
    );
    // 48 hours a block at the implied $300 an hour.
    let book = usd(&catalog);
    assert_eq!(entry(book, "GL-XPRT").price, Some(dec("300") * dec("48")));
    for role in book.rate_card.values() {
        assert_eq!(role.bill, dec("300"));
        assert_eq!(role.cost, Some(dec("210")));
    }
    assert!(book.travel.is_some());
}

#[test]
fn rapid_results_self_managed_is_remote_or_on_site() {
    let catalog = catalog();
    let delivery = &catalog.offering("GL-RR-SELF").expect("GL-RR-SELF").delivery;
    // One SKU for both modes, remote by default; on site adds one engineer's travel.
    assert_eq!(delivery.modes, [DeliveryMode::Remote, DeliveryMode::OnSite]);
    assert!(!delivery.on_site.is_empty());
    assert_eq!(delivery.sibling, None);
    assert_eq!((delivery.travelers, delivery.on_site_days), (1, 5));
}

#[test]
fn siblings_are_mutual() {
    let catalog = catalog();
    let mut pairs = 0;
    for offering in catalog.offerings() {
        let Some(sibling) = &offering.delivery.sibling else {
            continue;
        };
        pairs += 1;
        let other = catalog
            .offering(sibling)
            .unwrap_or_else(|| panic!("{} names unknown sibling {sibling}", offering.sku));
        assert_eq!(
            other.delivery.sibling.as_deref(),
            Some(offering.sku.as_str()),
            "{} -> {sibling} is one-way",
            offering.sku
        );
        assert_ne!(other.delivery.modes, offering.delivery.modes);
        assert_eq!(other.category, offering.category);
    }
    assert_eq!(pairs, 10, "five remote/on-site pairs");
    assert_eq!(
        catalog
            .offering("GL-BAS-R")
            .and_then(|o| o.delivery.sibling.as_deref()),
        Some("GL-BAS")
    );
}

#[test]
fn sale_forms() {
    let catalog = catalog();
    for offering in catalog.offerings() {
        let custom_pricing = matches!(
            offering.pricing,
            Pricing::Custom { .. } | Pricing::TimeAndMaterials { .. } | Pricing::RangeTable { .. }
        );
        if custom_pricing {
            assert_eq!(offering.sale, SaleForm::CustomSow, "{}", offering.sku);
        }
    }
    for sku in ["PS-SYSADMIN-R", "PS-SYSADMIN", "GL-MIG-SM-SAAS"] {
        assert_eq!(catalog.offering(sku).expect(sku).sale, SaleForm::CustomSow);
    }
    for sku in OFFICIAL_SKUS.iter().filter(|s| **s != "GL-MIG-SM-SAAS") {
        assert_eq!(
            catalog.offering(sku).expect(sku).sale,
            SaleForm::Standard,
            "{sku}"
        );
    }
}

#[test]
fn fixed_question_ids_and_choices() {
    let catalog = catalog();
    let expected: &[(&str, &[&str])] = &[
        ("license.tier", &["free", "premium", "ultimate"]),
        ("implementation.users", &[]),
        ("implementation.target", &["aws", "gcp", "azure", "on_prem"]),
        (
            "implementation.kubernetes",
            &["none", "eks", "gke", "aks", "openshift"],
        ),
        ("implementation.ha", &[]),
        ("implementation.geo", &[]),
        ("implementation.air_gapped", &[]),
        (
            "migration.source",
            &[
                "github_enterprise",
                "github_com",
                "bitbucket_server",
                "bitbucket_cloud",
                "gitlab_self_managed",
                "azure_devops",
                "other",
            ],
        ),
        (
            "migration.destination",
            &[
                "gitlab_com",
                "self_managed_ha",
                "self_managed_single",
                "dedicated",
            ],
        ),
        ("migration.users", &[]),
        ("migration.repositories", &[]),
        ("migration.large_repositories", &[]),
        ("migration.ci_jobs", &[]),
        ("education.attendees", &[]),
        (
            "integrations.systems",
            &["jira", "jenkins", "ldap", "other"],
        ),
    ];
    for (id, choices) in expected {
        let question = catalog
            .question(id)
            .unwrap_or_else(|| panic!("question {id} is missing"));
        let ids: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, *choices, "{id}");
    }
    let kind = |id: &str| catalog.question(id).expect(id).kind;
    for id in [
        "implementation.ha",
        "implementation.geo",
        "implementation.air_gapped",
    ] {
        assert_eq!(kind(id), QuestionKind::YesNo, "{id}");
    }
    for id in [
        "implementation.users",
        "migration.users",
        "migration.repositories",
        "migration.large_repositories",
        "migration.ci_jobs",
        "education.attendees",
    ] {
        assert_eq!(kind(id), QuestionKind::WholeNumber, "{id}");
    }
    assert_eq!(kind("migration.source"), QuestionKind::SingleChoice);
    assert_eq!(kind("integrations.systems"), QuestionKind::MultipleChoice);
}

#[test]
fn pricing_questions_are_bounded_and_required() {
    let catalog = catalog();
    let plausible = [
        ("migration.users", 1, 3000, "migration"),
        ("migration.repositories", 1, 10000, "migration"),
        ("migration.large_repositories", 0, 30, "migration"),
        ("education.attendees", 1, 48, "education"),
    ];
    for (id, from, to, required) in plausible {
        let question = catalog.question(id).expect(id);
        let band = question.plausible.expect("plausible range");
        assert_eq!((band.from, band.to), (from, Some(to)), "{id}");
        assert!(question.min.is_some() && question.max.is_some(), "{id}");
        assert!(question.required_for.iter().any(|s| s == required), "{id}");
    }
    for id in ["implementation.users", "implementation.target"] {
        let question = catalog.question(id).expect(id);
        assert!(question.required_for.iter().any(|s| s == "implementation"));
    }
    assert!(
        catalog
            .question("license.tier")
            .expect("tier")
            .service_types
            .is_empty()
    );
}

#[test]
fn questions_are_well_formed() {
    let catalog = catalog();
    let sections = [
        "general",
        "implementation",
        "migration",
        "azure_devops",
        "education",
        "integrations",
    ];
    let mut ids = BTreeSet::new();
    for question in catalog.questions() {
        assert!(
            ids.insert(&question.id),
            "question {} is listed twice",
            question.id
        );
        assert!(
            sections.contains(&question.section.as_str()),
            "{}",
            question.id
        );
        assert!(!question.text.is_empty(), "{}", question.id);
        assert!(!question.why.is_empty(), "{} has no why", question.id);
        assert!(
            !question.example.is_empty(),
            "{} has no example",
            question.id
        );
        for service_type in question.service_types.iter().chain(&question.required_for) {
            assert!(catalog.category(service_type).is_some(), "{}", question.id);
        }
        let choice = matches!(
            question.kind,
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice
        );
        assert_eq!(choice, !question.choices.is_empty(), "{}", question.id);
        if let Some(condition) = &question.shown_when {
            let mut referenced = Vec::new();
            referenced.extend(condition.question.iter());
            for sub in condition.all.iter().chain(&condition.any) {
                referenced.extend(sub.question.iter());
            }
            assert!(!referenced.is_empty(), "{}", question.id);
            for id in referenced {
                assert!(
                    catalog.question(id).is_some(),
                    "{} refers to {id}",
                    question.id
                );
            }
        }
    }
    // Azure DevOps questions only appear for Azure DevOps sources.
    for question in catalog
        .questions()
        .iter()
        .filter(|q| q.section == "azure_devops")
    {
        let condition = question.shown_when.as_ref().expect("shown_when");
        assert_eq!(condition.question.as_deref(), Some("migration.source"));
    }
    let hypervisor = catalog
        .question("implementation.hypervisor")
        .expect("hypervisor");
    assert_eq!(
        hypervisor.shown_when.as_ref().expect("condition").all.len(),
        2
    );
    assert!(
        catalog
            .question("migration.large_repositories")
            .expect("large repos")
            .shown_when
            .is_none()
    );
}

#[test]
fn approvals() {
    let catalog = catalog();
    let rules = &catalog.data().approvals;
    let review = rules
        .iter()
        .find(|r| r.when == ApprovalTrigger::TotalHighOver(dec("50000")))
        .expect("technical review over $50,000");
    assert_eq!(review.approver, "Technical architect");
    assert_eq!(review.label.as_deref(), Some("TA::Needs-Review"));
    // GitLab's rule is about estimates, which only custom work has (see the catalog comment).
    assert_eq!(review.lines, ApprovalLines::CustomWork);
    assert!(!review.example);
    for rule in rules {
        assert!(!rule.reason.is_empty(), "{}", rule.id);
        assert!(rule.label.is_some(), "{}", rule.id);
        let discount = matches!(
            rule.when,
            ApprovalTrigger::LineDiscountPercentOver(_)
                | ApprovalTrigger::QuoteDiscountPercentOver(_)
        );
        assert_eq!(
            discount, rule.example,
            "{}: discount rules are examples",
            rule.id
        );
    }
}

#[test]
fn eur_book_is_a_dated_conversion() {
    let catalog = catalog();
    let eur = catalog
        .data()
        .price_books
        .iter()
        .find(|b| b.currency == "EUR")
        .expect("EUR book");
    let conversion = eur.conversion.as_ref().expect("conversion");
    assert_eq!(conversion.rate, dec("0.97"));
    assert_eq!(conversion.as_of.to_string(), "2022-11-15");
    assert_eq!(conversion.round_to, Some(dec("10")));
}

#[test]
fn customer_facing_text_is_plain() {
    let catalog = catalog();
    for offering in catalog.offerings() {
        for (field, text) in [
            ("summary", &offering.summary),
            ("description", &offering.description),
        ] {
            assert!(
                !text.trim().is_empty(),
                "{} has an empty {field}",
                offering.sku
            );
            assert!(
                !text.contains('<'),
                "{} {field} contains markup",
                offering.sku
            );
        }
        assert!(
            !offering.audience.is_empty(),
            "{} has no audience",
            offering.sku
        );
        for text in offering
            .deliverables
            .iter()
            .chain(&offering.assumptions)
            .chain(&offering.exclusions)
            .chain(&offering.prerequisites.notes)
        {
            assert!(!text.contains('<'), "{}: {text}", offering.sku);
        }
    }
}

#[test]
fn scoping_rules_waves_and_plan() {
    let catalog = catalog();
    let data = catalog.data();
    assert_eq!(data.license_question.as_deref(), Some("license.tier"));
    // Rule ids are unique and every reason is written out.
    let mut ids = BTreeSet::new();
    for rule in &data.recommendations {
        assert!(ids.insert(rule.id.as_str()), "{} twice", rule.id);
        assert!(rule.reason.len() > 40, "{}: reason too short", rule.id);
    }
    for id in [
        "impl-quickstart",
        "impl-quickstart-ha",
        "impl-rapid-results",
        "impl-custom",
        "impl-sysadmin-training",
        "impl-rapid-results-on-kubernetes",
        "migration-plus",
        "migration-self-managed-to-saas",
        "migration-custom",
        "migration-saas-activities",
        "migration-out-of-scope",
        "migration-manual-may-be-cheaper",
    ] {
        assert!(ids.contains(id), "rule {id} is missing");
    }
    // Wave sizes from the handbook figures.
    let waves = data.migration_waves.as_ref().expect("wave sizes");
    let sizes: Vec<(Option<&str>, &str, u64, Option<u64>)> = waves
        .sizes
        .iter()
        .map(|s| {
            (
                s.source.as_deref(),
                s.destination.as_str(),
                s.projects_per_wave.from,
                s.projects_per_wave.to,
            )
        })
        .collect();
    assert_eq!(
        sizes,
        [
            (
                Some("github_enterprise"),
                "self_managed_ha",
                7000,
                Some(7000)
            ),
            (
                Some("github_enterprise"),
                "self_managed_single",
                7000,
                Some(7000)
            ),
            (
                Some("bitbucket_server"),
                "self_managed_ha",
                1000,
                Some(1000)
            ),
            (
                Some("bitbucket_server"),
                "self_managed_single",
                1000,
                Some(1000)
            ),
            (Some("gitlab_self_managed"), "dedicated", 500, Some(500)),
            (None, "gitlab_com", 200, Some(300)),
        ]
    );
    // The plan: 4–6 weeks' lead time and the six phases in order.
    let plan = data.plan.as_ref().expect("plan template");
    assert_eq!(
        (plan.lead_time_weeks.from, plan.lead_time_weeks.to),
        (4, Some(6))
    );
    let phases: Vec<&str> = plan.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        phases,
        ["kickoff", "design", "deploy", "migrate", "train", "handoff"]
    );
    for phase in &plan.phases {
        assert!(!phase.prerequisites.is_empty(), "{}", phase.id);
    }
    assert_eq!(waves.phase.as_deref(), Some("migrate"));
}

#[test]
fn embedded_catalog_passes_lint() {
    // `Catalog::gitlab()` trusts the embedded file (it skips the lint to start fast in the
    // browser); this is the check that makes that safe.
    let issues = scopecraft::check_catalog("gitlab.toml", scopecraft::GITLAB_CATALOG_TOML)
        .expect("the embedded catalog parses");
    assert!(
        issues.is_empty(),
        "the embedded catalog breaks {} rule(s):\n{}",
        issues.len(),
        issues
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let loaded = scopecraft::load_catalog("gitlab.toml", scopecraft::GITLAB_CATALOG_TOML)
        .expect("loads through the checked path too");
    assert_eq!(
        loaded.hash(),
        catalog().hash(),
        "both paths give the same catalog"
    );
}

#[test]
fn migration_plus_includes_three_of_five_classes() {
    let catalog = catalog();
    let includes = catalog
        .offering("MIG+")
        .and_then(|o| o.includes.as_ref())
        .expect("Migration+ includes classes");
    assert_eq!(includes.choose, 3);
    assert_eq!(
        includes.from,
        [
            "GL-BAS-R",
            "GL-CICD-R",
            "GL-PM-R",
            "GL-SEC-R",
            "PS-SYSADMIN-R"
        ]
    );
    assert_eq!(includes.label, "classes");
}
