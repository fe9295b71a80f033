//! Golden tests: realistic GitLab deals priced with the embedded catalog. Every expected
//! figure is worked out by hand in the comment above it, from the published prices
//! (domain reference §3) and the catalog's planning defaults for travel (USD 1,500 per trip
//! plus USD 400 per day on site, per traveler).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::str::FromStr;

use rust_decimal::Decimal;
use scopecraft::{Catalog, LineKind, Paperwork, PriceRange, Quote, Scope, price};

fn quote(json: &str) -> Quote {
    let catalog = Catalog::gitlab().unwrap();
    let scope = Scope::from_json(json).unwrap();
    price(&catalog, &scope).unwrap()
}

fn usd(low: &str, high: &str) -> PriceRange {
    PriceRange {
        low: Decimal::from_str(low).unwrap(),
        high: Decimal::from_str(high).unwrap(),
    }
}

fn firm(amount: &str) -> PriceRange {
    usd(amount, amount)
}

fn labels(q: &Quote) -> Vec<&str> {
    q.approvals
        .iter()
        .filter_map(|a| a.label.as_deref())
        .collect()
}

#[test]
fn remote_basics_for_thirty() {
    // 1 class + 18 seats = 5,000 + 9,000 = 14,000; 2 classes + 6 seats = 10,000 + 3,000 =
    // 13,000; 3 classes = 15,000. Two classes and six seat add-ons.
    let q = quote(r#"{"items": [{"sku": "GL-BAS-R", "attendees": 30}]}"#);
    assert_eq!(q.lines[0].quantity, 2);
    assert_eq!(&*q.lines[0].components[1].sku, "SRV-PERSEAT-R");
    assert_eq!(q.lines[0].components[1].quantity, Decimal::from(6));
    assert_eq!(q.total, firm("13000.00"));
    assert_eq!(q.expenses_estimate, firm("0.00"));
    assert_eq!(q.routing.form, Paperwork::OrderForm);
    assert!(q.approvals.is_empty());
}

#[test]
fn devops_fundamentals_cohort_remote_for_thirty() {
    // 1 cohort: 20,000 + 18 extra × 4 seats × 500 = 56,000. 2 cohorts: 40,000 + 6 × 4 × 500
    // = 52,000. 3 cohorts: 60,000. Two cohorts. Over $50,000, but a standard SKU at a fixed
    // fee is no estimate: the technical review counts custom work only (0 here).
    let q = quote(r#"{"items": [{"sku": "GL-DOF", "attendees": 30}]}"#);
    assert_eq!(q.lines[0].quantity, 2);
    assert_eq!(q.lines[0].components[1].quantity, Decimal::from(24));
    assert_eq!(q.total, firm("52000.00"));
    assert!(labels(&q).is_empty(), "{:?}", labels(&q));
}

#[test]
fn on_site_cicd_class_bills_travel_separately() {
    // One on-site class of 12: 7,000 fee. Travel: 1 instructor × (1,500 + 1 day × 400).
    let q = quote(r#"{"items": [{"sku": "GL-CICD", "attendees": 12}]}"#);
    assert_eq!(q.lines.len(), 2);
    assert_eq!(q.lines[0].net, Some(firm("7000.00")));
    assert_eq!(q.lines[1].kind, LineKind::Expense);
    assert_eq!(q.total, firm("7000.00"));
    assert_eq!(q.expenses_estimate, firm("1900.00"));
}

#[test]
fn on_site_devops_fundamentals_for_22_counts_travel_in_the_cohort_count() {
    // GL-DOF on site: 20,000 a cohort of 12, 4 × SRV-PERSEAT-R at 500 per extra attendee;
    // travel per cohort 1 traveler × (1,500 + 4 days × 400) = 3,100.
    // 1 cohort: 20,000 + 10 × 4 × 500 = 40,000 fee + 3,100 travel = 43,100.
    // 2 cohorts: 40,000 fee + 2 × 3,100 = 46,200.
    // The fees tie at 40,000; with travel one cohort and one trip is cheaper.
    let q = quote(r#"{"items": [{"sku": "GL-DOF", "attendees": 22, "delivery": "on_site"}]}"#);
    assert_eq!(q.lines[0].quantity, 1);
    assert_eq!(&*q.lines[0].components[1].sku, "SRV-PERSEAT-R");
    assert_eq!(q.lines[0].components[1].quantity, Decimal::from(40));
    assert_eq!(q.total, firm("40000.00"));
    assert_eq!(q.expenses_estimate, firm("3100.00"));
    // Remote, with no travel, the tie still goes to more cohorts (smaller groups).
    let q = quote(r#"{"items": [{"sku": "GL-DOF", "attendees": 22}]}"#);
    assert_eq!(q.lines[0].quantity, 2);
    assert_eq!(q.total, firm("40000.00"));
}

#[test]
fn rapid_results_self_managed_remote_or_on_site() {
    // Remote (the default): the 40,000 fee, no travel.
    let q = quote(r#"{"items": [{"sku": "GL-RR-SELF"}]}"#);
    assert_eq!(q.total, firm("40000.00"));
    assert_eq!(q.expenses_estimate, firm("0.00"));
    // On site: the same fee plus 1 engineer × (1,500 + 5 days × 400) = 3,500 travel.
    let q = quote(r#"{"items": [{"sku": "GL-RR-SELF", "delivery": "on_site"}]}"#);
    assert_eq!(q.total, firm("40000.00"));
    assert_eq!(q.lines[1].kind, LineKind::Expense);
    assert_eq!(q.expenses_estimate, firm("3500.00"));
}

#[test]
fn licence_requirements_are_quote_warnings_and_recommendations_are_not() {
    let tiered = |tier: &str, sku: &str| {
        quote(&format!(
            r#"{{"items": [{{"sku": "{sku}", "attendees": 12}}], "answers": {{"license.tier": "{tier}"}}}}"#
        ))
    };
    // Security Essentials requires Ultimate: a Premium customer is warned on the quote, which
    // is still priced (one remote class of 12, 5,000).
    let q = tiered("premium", "GL-SEC-R");
    assert_eq!(q.total, firm("5000.00"));
    assert_eq!(q.warnings.len(), 1, "{:?}", q.warnings);
    assert!(
        q.warnings[0].starts_with("GL-SEC-R (")
            && q.warnings[0].contains(
                "needs an Ultimate licence or higher, but the customer's tier is Premium"
            )
    );
    assert!(tiered("ultimate", "GL-SEC-R").warnings.is_empty());
    // DevOps Fundamentals is only recommended for Ultimate: no quote warning for Premium.
    assert!(tiered("premium", "GL-DOF").warnings.is_empty());
    // Free (Community Edition): every quote is flagged, whatever it holds.
    let q = tiered("free", "GL-BAS-R");
    assert_eq!(q.warnings.len(), 1, "{:?}", q.warnings);
    assert!(
        q.warnings[0].starts_with("The customer's licence tier is Free, below Premium"),
        "{:?}",
        q.warnings
    );
    // Free and Security Essentials: both warnings, the minimum first.
    assert_eq!(tiered("free", "GL-SEC-R").warnings.len(), 2);
    // No licence answer: nothing on the quote (the recommendations note it).
    let q = quote(r#"{"items": [{"sku": "GL-SEC-R"}]}"#);
    assert!(q.warnings.is_empty());
}

#[test]
fn the_issue_example_deal() {
    // GL-CICD-R 40 attendees: 3 classes + 4 seats = 17,000.
    // GL-XPRT 100 hours: 3 blocks × 14,400 = 43,200, less 10% = 38,880.
    // GL-DOF on site, 14 attendees: 20,000 + 2 × 4 × 500 = 24,000; travel 1 × (1,500 + 4 × 400)
    // = 3,100.
    // GL-MIG-SM-SAAS: 800 users × 2,500 repos → 75,000–85,000; 13 large → 2 groups × 12,000.
    // Subtotal 178,880–188,880; 5% quote discount 8,944–9,444 → 169,936–179,436.
    let scope = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/scenarios/acme-mixed.json"
    ))
    .unwrap();
    let q = quote(&scope);
    assert_eq!(q.subtotal, usd("178880.00", "188880.00"));
    assert_eq!(q.discount.amount, usd("8944.00", "9444.00"));
    assert_eq!(q.total, usd("169936.00", "179436.00"));
    assert_eq!(q.expenses_estimate, firm("3100.00"));
    assert!(q.requires_custom_sow);
    assert_eq!(q.routing.form, Paperwork::OrderFormAndCustomSow);
    // The 10% line discount is not over 10%. The custom work (the GL-MIG-SM-SAAS range after
    // its share of the 5% discount) is over $50,000 at its high end.
    assert_eq!(labels(&q), vec!["TA::Needs-Review"]);
}

#[test]
fn expert_services_for_two_hundred_hours() {
    // A block is 48 hours, its 8 PM hours included: 200 / 48 = 4.17 → 5 blocks × 14,400 =
    // 72,000: standard blocks on the order form, so no technical review (custom work only).
    let q = quote(r#"{"items": [{"sku": "GL-XPRT", "hours": 200}]}"#);
    assert_eq!(q.lines[0].quantity, 5);
    assert_eq!(q.total, firm("72000.00"));
    assert!(labels(&q).is_empty(), "{:?}", labels(&q));
    // 240 hours fill exactly 5 blocks (72,000); 241 start a sixth: 6 × 14,400 = 86,400.
    let q = quote(r#"{"items": [{"sku": "GL-XPRT", "hours": 240}]}"#);
    assert_eq!(q.total, firm("72000.00"));
    let q = quote(r#"{"items": [{"sku": "GL-XPRT", "hours": 241}]}"#);
    assert_eq!(q.total, firm("86400.00"));
}

#[test]
fn expert_hours_count_against_the_whole_48_hour_block() {
    // 48 hours = 40 expert + 8 PM = one block: 14,400 (not two blocks, 28,800).
    let q = quote(r#"{"items": [{"sku": "GL-XPRT", "hours": 48}]}"#);
    assert_eq!(q.lines[0].quantity, 1);
    assert_eq!(q.total, firm("14400.00"));
    assert!(q.lines[0].trace.iter().any(|t| {
        t.text()
            .contains("per block (48 hours: 40 expert hours + 8 project-management hours)")
    }));
    // 49 hours start a second block: 2 × 14,400 = 28,800.
    let q = quote(r#"{"items": [{"sku": "GL-XPRT", "hours": 49}]}"#);
    assert_eq!(q.lines[0].quantity, 2);
    assert_eq!(q.total, firm("28800.00"));
}

#[test]
fn rom_table_corners_and_edges() {
    let rom = |users: u64, repos: u64, large: u64| {
        quote(&format!(
            r#"{{"items": [{{"sku": "GL-MIG-SM-SAAS"}}], "answers": {{"migration.users": {users}, "migration.repositories": {repos}, "migration.large_repositories": {large}}}}}"#
        ))
    };
    // ≤500 users, ≤1,000 projects: 30–40k.
    assert_eq!(rom(1, 1, 0).total, usd("30000.00", "40000.00"));
    assert_eq!(rom(500, 1000, 0).total, usd("30000.00", "40000.00"));
    // One over each edge moves one band.
    assert_eq!(rom(501, 1000, 0).total, usd("35000.00", "45000.00"));
    assert_eq!(rom(500, 1001, 0).total, usd("50000.00", "60000.00"));
    // The far corner: 2,001–3,000 users, 9,001–10,000 projects: 210–220k.
    assert_eq!(rom(3000, 10000, 0).total, usd("210000.00", "220000.00"));
    // Large repositories: each started group of ten adds 12,000.
    assert_eq!(rom(1, 1, 10).total, usd("42000.00", "52000.00"));
    assert_eq!(rom(1, 1, 11).total, usd("54000.00", "64000.00"));
    assert_eq!(rom(1, 1, 20).total, usd("54000.00", "64000.00"));
    // Beyond the table: no price; the quote says a custom estimate is needed.
    for q in [rom(3001, 100, 0), rom(100, 10001, 0)] {
        assert_eq!(q.lines[0].kind, LineKind::Custom);
        assert!(q.custom_estimate_needed);
        assert_eq!(q.total, firm("0.00"));
    }
}

#[test]
fn rom_table_columns_count_projects_under_5_gb() {
    let rom = |repos: u64, large: u64| {
        quote(&format!(
            r#"{{"items": [{{"sku": "GL-MIG-SM-SAAS"}}], "answers": {{"migration.users": 800, "migration.repositories": {repos}, "migration.large_repositories": {large}}}}}"#
        ))
    };
    // 800 users is the 501–1,000 row. 1,005 repositories − 10 over 5 GB = 995 projects under
    // 5 GB: the ≤1,000 column, 35–45k, + 1 started group of ten × 12,000 = 47,000–57,000
    // (not the 1,001–2,000 column's 55–65k + 12,000).
    let q = rom(1005, 10);
    assert_eq!(q.total, usd("47000.00", "57000.00"));
    assert!(q.lines[0].trace.iter().any(|t| t.text().contains(
        "995 projects under 5 GB: migration.repositories = 1,005 − migration.large_repositories = 10 (the 0–1,000 band)"
    )));
    // 1,000 exactly, none large: 1,000 under 5 GB, still the first column: 35–45k.
    assert_eq!(rom(1000, 0).total, usd("35000.00", "45000.00"));
    // 1,001, none large: the second column, 55–65k.
    assert_eq!(rom(1001, 0).total, usd("55000.00", "65000.00"));
    // 1,010 with 10 large: 1,000 under 5 GB → first column 35–45k + 1 group 12,000.
    assert_eq!(rom(1010, 10).total, usd("47000.00", "57000.00"));
    // 1,011 with 11 large: 1,000 under 5 GB → first column + 2 started groups × 12,000 =
    // 59,000–69,000.
    assert_eq!(rom(1011, 11).total, usd("59000.00", "69000.00"));
    // All 10 repositories large: 0 under 5 GB still prices in the first column:
    // 35–45k + 12,000.
    let q = rom(10, 10);
    assert_eq!(q.total, usd("47000.00", "57000.00"));
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
    // More large repositories than repositories: counted as none left, with a warning.
    let q = rom(5, 10);
    assert_eq!(q.total, usd("47000.00", "57000.00"));
    assert_eq!(q.warnings.len(), 1, "{:?}", q.warnings);
    // Large repositories unanswered (0–30 plausible): 1,005 − 30 … 1,005 − 0 = 975–1,005
    // projects under 5 GB spans the first two columns (35–65k), + 0–3 groups (0–36,000):
    // 35,000–101,000.
    let q = quote(
        r#"{"items": [{"sku": "GL-MIG-SM-SAAS"}], "answers": {"migration.users": 800, "migration.repositories": 1005}}"#,
    );
    assert_eq!(q.total, usd("35000.00", "101000.00"));
    assert_eq!(q.missing_answers, vec!["migration.large_repositories"]);
}

#[test]
fn a_migration_plus_deal_with_a_deep_discount() {
    // MIG+ 35,000 less 30% = 24,500 → over 10% and over 25%: regional and VP review.
    let q = quote(r#"{"items": [{"sku": "MIG+", "discount_percent": "30"}]}"#);
    assert_eq!(q.total, firm("24500.00"));
    assert_eq!(
        labels(&q),
        vec!["Discount::Regional-Review", "Discount::VP-Review"]
    );
    // A 20% quote discount on three integrations: 7,200 − 1,440 = 5,760 → finance review.
    let q = quote(
        r#"{"items": [{"sku": "GL-JIRA"}, {"sku": "GL-JENKINS"}, {"sku": "GL-LDAP"}],
            "quote_discount_percent": "20"}"#,
    );
    assert_eq!(q.subtotal, firm("7200.00"));
    assert_eq!(q.total, firm("5760.00"));
    assert_eq!(labels(&q), vec!["Discount::Finance-Review"]);
    let shares: Vec<_> = q
        .lines
        .iter()
        .map(|l| l.quote_discount.unwrap().low)
        .collect();
    assert_eq!(shares, vec![Decimal::from(480); 3]);
}

#[test]
fn staff_augmentation_and_custom_work() {
    // A dedicated engineer for a year plus a health check (no list price).
    let q = quote(r#"{"items": [{"sku": "GL-ENGR-12"}, {"sku": "PS-HEALTH-CHECK"}]}"#);
    assert_eq!(q.total, firm("502860.00"));
    assert_eq!(q.lines[1].kind, LineKind::Custom);
    assert!(q.custom_estimate_needed);
    assert_eq!(q.routing.form, Paperwork::OrderFormAndCustomSow);
    // Custom implementation estimated by role at the rate card: 160 h engineer + 40 h
    // architect + 20 h PM, all at 300/h = 66,000.
    let q = quote(
        r#"{"items": [{"sku": "PS-CUSTOM-IMPL", "effort": {"engineer": 160, "architect": 40, "project_manager": 20}}]}"#,
    );
    assert_eq!(q.total, firm("66000.00"));
    assert_eq!(q.routing.form, Paperwork::CustomSow);
    // Time and materials is billed as delivered: an estimate, never a firm fixed fee.
    assert_eq!(q.lines[0].kind, LineKind::TimeAndMaterials);
    assert!(!q.lines[0].kind.is_fixed_fee());
    // The engineer's year is a standard SKU at a fixed fee.
    let q = quote(r#"{"items": [{"sku": "GL-ENGR-12"}]}"#);
    assert_eq!(q.lines[0].kind, LineKind::Firm);
    assert!(q.lines[0].kind.is_fixed_fee());
}

#[test]
fn euro_quotes_convert_once_from_dollars() {
    // 5,000 × 0.97 = 4,850 EUR per remote Basics class; 3 integrations 2,400 × 0.97 = 2,328
    // → nearest 10 → 2,330 each.
    let q = quote(
        r#"{"currency": "EUR", "items": [{"sku": "GL-BAS-R", "quantity": 1}, {"sku": "GL-JIRA", "quantity": 3}]}"#,
    );
    assert_eq!(q.currency.code(), "EUR");
    assert_eq!(q.lines[0].net, Some(firm("4850.00")));
    assert_eq!(q.lines[1].net, Some(firm("6990.00")));
    assert_eq!(q.total, firm("11840.00"));
}

#[test]
fn missing_answers_price_the_plausible_range() {
    // Users (1–3,000 plausible) and large repos (0–30 plausible) unknown; 2,500 projects
    // (column 2,001–3,000): rows give 70–100k; large repos 0–3 groups: + 0–36,000.
    let q = quote(
        r#"{"items": [{"sku": "GL-MIG-SM-SAAS"}], "answers": {"migration.repositories": 2500}}"#,
    );
    assert_eq!(q.total, usd("70000.00", "136000.00"));
    assert_eq!(
        q.missing_answers,
        vec!["migration.users", "migration.large_repositories"]
    );
    assert!(
        q.lines[0]
            .trace
            .iter()
            .any(|t| t.text().contains("migration.users not answered yet"))
    );
}

#[test]
fn a_firm_line_gets_the_same_quote_discount_share_at_both_ends() {
    // Found by the property tests: 42 Jira integrations next to a range line, in EUR, with a
    // 63.56% quote discount once left the firm line's low total a cent above its high total.
    let q = quote(
        r#"{"currency": "EUR",
            "items": [{"sku": "GL-JIRA", "quantity": 42},
                      {"sku": "GL-MIG-SM-SAAS", "discount_percent": "27.49"}],
            "answers": {"migration.repositories": 1},
            "quote_discount_percent": "63.56"}"#,
    );
    let jira = &q.lines[0];
    let share = jira.quote_discount.unwrap();
    assert_eq!(share.low, share.high);
    let total = jira.total.unwrap();
    assert_eq!(total.low, total.high);
    for line in &q.lines {
        let t = line.total.unwrap();
        assert!(t.low <= t.high, "{}: {t:?}", line.sku);
    }
}

#[test]
fn migration_plus_includes_three_classes_and_a_fourth_is_charged() {
    // Migration+ 35,000 with Basics, CI/CD and Security Essentials included at 0, plus a
    // fourth class of the list (Project Managers, 10 attendees: one class of 5,000) as an
    // item of its own: 35,000 + 5,000 = 40,000.
    let scope = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/scenarios/migration-plus-classes.json"
    ))
    .unwrap();
    let q = quote(&scope);
    let lines: Vec<(&str, String)> = q
        .lines
        .iter()
        .map(|l| (l.sku.as_ref(), l.total.unwrap().high.to_string()))
        .collect();
    assert_eq!(
        lines,
        [
            ("MIG+", "35000.00".to_string()),
            ("GL-BAS-R", "0.00".to_string()),
            ("GL-CICD-R", "0.00".to_string()),
            ("GL-SEC-R", "0.00".to_string()),
            ("GL-PM-R", "5000.00".to_string()),
        ]
    );
    assert_eq!(
        q.lines[3].trace[0].text(),
        "Included with MIG+ (Migration+), one of the 3 classes it includes: no charge."
    );
    assert_eq!(q.total, firm("40000.00"));
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
    assert_eq!(q.routing.form, Paperwork::OrderForm);
}

#[test]
fn migration_plus_says_which_class_choices_remain() {
    // One class chosen: two still to choose, and the total stays the 35,000 fee.
    let q = quote(r#"{"items": [{"sku": "MIG+", "included": ["PS-SYSADMIN-R"]}]}"#);
    assert_eq!(q.total, firm("35000.00"));
    assert_eq!(
        q.warnings,
        [
            "MIG+ includes 3 classes at no charge; 1 chosen so far, 2 still to choose (items[0].included) from GL-BAS-R, GL-CICD-R, GL-PM-R, GL-SEC-R, PS-SYSADMIN-R"
        ]
    );
    // Security Essentials needs Ultimate, included or not.
    let q = quote(
        r#"{"items": [{"sku": "MIG+", "included": ["GL-SEC-R"]}], "answers": {"license.tier": "premium"}}"#,
    );
    assert!(
        q.warnings.iter().any(|w| w.starts_with("GL-SEC-R")),
        "{:?}",
        q.warnings
    );
}

#[test]
fn migration_plus_refuses_a_fourth_or_foreign_class_in_its_choices() {
    let catalog = Catalog::gitlab().unwrap();
    let scope = Scope::from_json(
        r#"{"items": [{"sku": "MIG+", "included": ["GL-BAS-R", "GL-CICD-R", "GL-PM-R", "GL-DOF"]}]}"#,
    )
    .unwrap();
    let error = price(&catalog, &scope).unwrap_err().to_string();
    assert!(
        error.contains("items[0].included[3]: \"GL-DOF\" is not one of the classes MIG+ includes"),
        "{error}"
    );
    assert!(
        error.contains("items[0].included: 4 chosen, but MIG+ includes 3 classes"),
        "{error}"
    );
}
