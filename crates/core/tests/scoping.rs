//! Discovery scoping on the embedded GitLab catalog, driven by realistic scope documents in
//! `tests/scenarios/` at the repository root: recommended SKUs, quantities, reasons and
//! prices; warnings and notes; ranges that narrow as answers arrive; completeness; plans.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use rust_decimal::Decimal;
use scopecraft::{
    Band, Catalog, Date, LineKind, PlanOptions, PriceRange, Recommendation, RecommendationDecision,
    Recommendations, Scope, ScopeItem, completeness, plan, price, recommend,
};
use serde_json::{Value, json};

fn catalog() -> Catalog {
    Catalog::gitlab().unwrap_or_else(|e| panic!("the embedded catalog does not load:\n{e}"))
}

fn scenario_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/scenarios")
        .join(format!("{name}.json"))
}

/// A scope document from `tests/scenarios/<name>.json`.
fn scenario(name: &str) -> Scope {
    let path = scenario_path(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Scope::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn scope(value: Value) -> Scope {
    Scope::from_value(&value).unwrap_or_else(|e| panic!("{e}"))
}

fn run(scope: &Scope) -> Recommendations {
    recommend(&catalog(), scope).unwrap_or_else(|e| panic!("refused:\n{e}"))
}

fn usd(text: &str) -> Decimal {
    let mut amount: Decimal = text.parse().expect("a decimal");
    amount.rescale(2);
    amount
}

fn range(low: &str, high: &str) -> PriceRange {
    PriceRange {
        low: usd(low),
        high: usd(high),
    }
}

fn firm(amount: &str) -> PriceRange {
    PriceRange::firm(usd(amount))
}

fn band(from: u64, to: u64) -> Band {
    Band { from, to: Some(to) }
}

fn ids(list: &[Recommendation]) -> Vec<&str> {
    list.iter().map(|r| r.id.as_str()).collect()
}

fn get<'a>(list: &'a [Recommendation], id: &str) -> &'a Recommendation {
    list.iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no {id} among {:?}", ids(list)))
}

/// One expected suggested item: SKU, quantity (low end), list price.
struct Item<'a> {
    sku: &'a str,
    quantity: u64,
    price: Option<PriceRange>,
}

fn item(sku: &str, quantity: u64, price: Option<PriceRange>) -> Item<'_> {
    Item {
        sku,
        quantity,
        price,
    }
}

/// Asserts a suggestion: its items (SKU, quantity, price) and words in its reason.
fn expect(result: &Recommendations, id: &str, items: &[Item<'_>], reason: &[&str]) {
    let recommendation = get(&result.recommended, id);
    let got: Vec<(&str, u64, Option<PriceRange>)> = recommendation
        .items
        .iter()
        .map(|i| (i.sku.as_str(), i.quantity, i.price))
        .collect();
    let want: Vec<(&str, u64, Option<PriceRange>)> =
        items.iter().map(|i| (i.sku, i.quantity, i.price)).collect();
    assert_eq!(got, want, "{id}");
    for words in reason {
        assert!(
            recommendation.reason.contains(words),
            "{id}: {words:?} not in {:?}",
            recommendation.reason
        );
    }
}

fn reason_has(list: &[Recommendation], id: &str, words: &str) {
    let reason = &get(list, id).reason;
    assert!(reason.contains(words), "{id}: {words:?} not in {reason:?}");
}

// Implementation ---------------------------------------------------------------------------

#[test]
fn three_thousand_users_on_aws_with_ha() {
    let result = run(&scenario("implementation-aws-ha-3250"));
    assert_eq!(
        ids(&result.recommended),
        [
            "impl-quickstart-ha",
            "impl-rapid-results",
            "impl-sysadmin-training"
        ]
    );
    expect(
        &result,
        "impl-quickstart-ha",
        &[item("GL-IMPL-QS-HA", 1, Some(firm("32500")))],
        &["3,250 users on Amazon Web Services", "highly available"],
    );
    // Rapid Results is the alternative, and the reason explains the difference.
    expect(
        &result,
        "impl-rapid-results",
        &[item("GL-RR-SELF", 1, Some(firm("40000")))],
        &[
            "alternative to Quickstart HA",
            "disaster-recovery plan",
            "System Administration and Git Basics training",
        ],
    );
    assert_eq!(
        get(&result.recommended, "impl-rapid-results")
            .alternative_to
            .as_deref(),
        Some("impl-quickstart-ha")
    );
    // Admin training for a VM install; attendees not given yet, so the price is a range
    // over 1–48 attendees: one class up to one class with 36 seat add-ons.
    let training = &get(&result.recommended, "impl-sysadmin-training").items[0];
    assert_eq!(training.sku, "PS-SYSADMIN-R");
    assert_eq!(training.price, Some(range("12000", "30000")));
    assert_eq!(training.line_kind, LineKind::Range);
    assert_eq!(training.missing_answers, ["education.attendees"]);
    assert!(result.warnings.is_empty(), "{:?}", ids(&result.warnings));
    assert!(result.notes.is_empty(), "{:?}", ids(&result.notes));
    assert_eq!((result.answered_required, result.total_required), (2, 2));
}

#[test]
fn managed_kubernetes_rules_out_rapid_results_self_managed() {
    let mut eks = scenario("implementation-eks-3250");
    let result = run(&eks);
    assert_eq!(ids(&result.recommended), ["impl-quickstart-ha"]);
    reason_has(
        &result.notes,
        "impl-rapid-results-ruled-out",
        "does not cover Amazon EKS",
    );
    // No System Administration class for a Kubernetes install.
    assert!(
        !result
            .recommended
            .iter()
            .flat_map(|r| &r.items)
            .any(|i| i.sku.starts_with("PS-SYSADMIN"))
    );

    // With Rapid Results already chosen, the conflict is a warning naming the SKU, and
    // Quickstart HA is still suggested.
    eks.items.push(ScopeItem::new("GL-RR-SELF"));
    eks.items.push(ScopeItem::new("PS-SYSADMIN-R"));
    let result = run(&eks);
    let warning = get(&result.warnings, "impl-rapid-results-on-kubernetes");
    assert_eq!(warning.skus, ["GL-RR-SELF"]);
    assert!(warning.reason.contains("excludes managed Kubernetes"));
    assert!(warning.reason.contains("Amazon EKS"));
    reason_has(
        &result.warnings,
        "impl-sysadmin-on-kubernetes",
        "not recommended when GitLab runs on Amazon EKS",
    );
    // Quickstart HA is still suggested (and the admin class's prerequisite course).
    assert_eq!(
        ids(&result.recommended),
        ["impl-quickstart-ha", "prerequisite:PS-SYSADMIN-R:GL-BAS-R"]
    );
}

#[test]
fn on_premises_air_gapped_with_geo_is_a_custom_implementation() {
    let result = run(&scenario("implementation-on-prem-air-gapped"));
    assert_eq!(
        ids(&result.recommended),
        ["impl-custom", "impl-sysadmin-training"]
    );
    expect(
        &result,
        "impl-custom",
        &[item("PS-CUSTOM-IMPL", 1, None)],
        &["stop at 5,000 users", "time and materials"],
    );
    assert_eq!(
        get(&result.recommended, "impl-custom").items[0].line_kind,
        LineKind::Custom
    );
    let geo = get(&result.notes, "impl-geo-ha-effort");
    assert_eq!(geo.effort_days, Some(band(20, 25)));
    assert!(geo.reason.contains("20 to 25 days"));
    assert_eq!(
        ids(&result.notes),
        [
            "impl-geo-ha-effort",
            "impl-on-prem-effort",
            "impl-air-gapped-effort",
            "impl-gitaly-cluster-effort"
        ]
    );
    reason_has(
        &result.notes,
        "impl-on-prem-effort",
        "than the same size on AWS",
    );

    // A packaged implementation already in the scope is replaced, with a warning.
    let mut with_package = scenario("implementation-on-prem-air-gapped");
    with_package.items.push(ScopeItem::new("GL-IMPL-QS-HA"));
    let result = run(&with_package);
    assert_eq!(
        get(&result.recommended, "impl-custom").replaces,
        ["GL-IMPL-QS-HA"]
    );
    for id in ["impl-package-too-large", "impl-package-off-cloud"] {
        assert_eq!(get(&result.warnings, id).skus, ["GL-IMPL-QS-HA"], "{id}");
    }
}

#[test]
fn a_small_cloud_install_gets_quickstart_and_admin_training() {
    let result = run(&scenario("implementation-gcp-small"));
    expect(
        &result,
        "impl-quickstart",
        &[item("GL-IMPL-QS", 1, Some(firm("16000")))],
        &["400 users on Google Cloud", "single-node"],
    );
    // Six administrators fit one class.
    expect(
        &result,
        "impl-sysadmin-training",
        &[item("PS-SYSADMIN-R", 1, Some(firm("12000")))],
        &["virtual-machine install"],
    );
    assert_eq!(
        get(&result.recommended, "impl-sysadmin-training").items[0]
            .scope_item
            .attendees,
        Some(6)
    );
    // An undersized package already chosen for a bigger need is flagged.
    let result = run(&scope(json!({
        "items": [{"sku": "GL-IMPL-QS"}],
        "answers": {"implementation.users": 1500, "implementation.target": "aws", "license.tier": "premium"}
    })));
    assert_eq!(
        get(&result.warnings, "impl-quickstart-too-small").skus,
        ["GL-IMPL-QS"]
    );
    assert_eq!(
        get(&result.recommended, "impl-quickstart-ha").replaces,
        ["GL-IMPL-QS"]
    );
}

// Migration --------------------------------------------------------------------------------

#[test]
fn github_enterprise_with_400_users_and_800_repositories_fits_migration_plus() {
    let result = run(&scenario("migration-github-enterprise-400"));
    assert_eq!(ids(&result.recommended), ["migration-plus"]);
    expect(
        &result,
        "migration-plus",
        &[item("MIG+", 1, Some(firm("35000")))],
        &[
            "400 users and 800 repositories",
            "GitHub Enterprise Server",
            "three classes",
        ],
    );
    let waves = result.migration_waves.as_ref().expect("waves");
    assert_eq!(waves.projects_per_wave, band(7000, 7000));
    assert_eq!(waves.waves, band(1, 1));
    reason_has(
        &result.notes,
        "migration-out-of-scope",
        "Secrets and credentials",
    );
    // Already chosen with 800 users, Migration+ no longer fits: a warning, and a custom
    // migration that would replace it.
    let result = run(&scope(json!({
        "items": [{"sku": "MIG+"}],
        "answers": {"migration.source": "github_enterprise", "migration.users": 800, "migration.repositories": 800}
    })));
    assert_eq!(
        get(&result.warnings, "migration-plus-misfit").skus,
        ["MIG+"]
    );
    assert_eq!(
        get(&result.recommended, "migration-custom").replaces,
        ["MIG+"]
    );
}

#[test]
fn self_managed_gitlab_to_gitlab_com_with_800_users_and_2500_repositories() {
    let result = run(&scenario("migration-self-managed-to-gitlab-com"));
    assert_eq!(
        ids(&result.recommended),
        [
            "migration-self-managed-to-saas",
            "migration-saas-activities",
            "migration-saas-sso",
            "migration-ci-conversion"
        ]
    );
    // 801–1,000 users × 2,001–3,000 projects: 75–85k, plus 2 started groups of ten large
    // repositories at 12k each.
    expect(
        &result,
        "migration-self-managed-to-saas",
        &[item("GL-MIG-SM-SAAS", 1, Some(range("99000", "109000")))],
        &["rough range", "3,000 users and 10,000 projects"],
    );
    let rom = &get(&result.recommended, "migration-self-managed-to-saas").items[0];
    assert!(rom.missing_answers.is_empty());
    assert!(
        rom.explanation
            .iter()
            .any(|s| s.contains("migration.users = 800 (the 501–1,000 band)")),
        "{:?}",
        rom.explanation
    );
    expect(
        &result,
        "migration-saas-activities",
        &[
            item("PS-SAAS-DISCOVERY", 1, None),
            item("PS-SECURITY-CONFIG", 1, None),
        ],
        &["custom activities"],
    );
    expect(
        &result,
        "migration-saas-sso",
        &[item("PS-SSO-CONFIG", 1, None)],
        &["single sign-on"],
    );
    expect(
        &result,
        "migration-ci-conversion",
        &[item("PS-CI-MIGRATION", 1, None)],
        &["GitLab CI/CD"],
    );
    // What migrations leave out is called out.
    assert_eq!(ids(&result.warnings), ["migration-ci-jobs"]);
    reason_has(&result.warnings, "migration-ci-jobs", "350 CI/CD jobs");
    reason_has(
        &result.notes,
        "migration-out-of-scope",
        "Secrets and credentials do not come across",
    );
    reason_has(
        &result.notes,
        "migration-large-repositories",
        "13 repositories",
    );
    reason_has(&result.notes, "migration-versions", "two minor versions");
    // 2,500 projects at 200–300 per wave.
    let waves = result.migration_waves.as_ref().expect("waves");
    assert_eq!(waves.waves, band(9, 13));
    assert_eq!(
        waves.explanation,
        "Migrations into GitLab.com (SaaS) move 200 to 300 projects per wave, so 2,500 projects take 9 to 13 waves."
    );
    assert!(result.missing_required.is_empty());
    assert_eq!((result.answered_required, result.total_required), (3, 3));
}

#[test]
fn an_azure_devops_source_is_a_custom_migration() {
    let result = run(&scenario("migration-azure-devops"));
    assert_eq!(
        ids(&result.recommended),
        ["migration-custom", "migration-ci-conversion"]
    );
    expect(
        &result,
        "migration-custom",
        &[item("PS-CUSTOM-MIGRATION", 1, None)],
        &["Neither Migration+", "time and materials"],
    );
    for id in ["migration-tfvc", "migration-work-items"] {
        get(&result.notes, id);
    }
    // No wave size is published for Azure DevOps into self-managed GitLab.
    assert!(result.migration_waves.is_none());
}

#[test]
fn twenty_repositories_may_be_cheaper_by_hand() {
    let result = run(&scenario("migration-twenty-repositories"));
    reason_has(
        &result.notes,
        "migration-manual-may-be-cheaper",
        "only 20 repositories",
    );
    expect(
        &result,
        "migration-plus",
        &[item("MIG+", 1, Some(firm("35000")))],
        &["GitHub.com"],
    );
    // GitLab.com destination: discovery and security configuration, but no single
    // sign-on set-up when the customer has none.
    assert_eq!(
        ids(&result.recommended),
        ["migration-plus", "migration-saas-activities"]
    );
    assert_eq!(
        result.migration_waves.as_ref().map(|w| w.waves),
        Some(band(1, 1))
    );
}

#[test]
fn missing_migration_answers_widen_the_range_until_they_arrive() {
    // The scope holds the ROM offering; each answer narrows the quote's total.
    let catalog = catalog();
    let mut scope = scenario("migration-gitlab-com-unanswered");
    let steps: [(&str, u64, PriceRange, &[&str]); 3] = [
        // 501–1,000 users; any number of projects (plausible 1–10,000); 0–30 large.
        (
            "migration.users",
            800,
            range("35000", "241000"),
            &["migration.repositories", "migration.large_repositories"],
        ),
        // The 2,001–3,000 column: 75–85k, plus 0–3 groups of large repositories.
        (
            "migration.repositories",
            2500,
            range("75000", "121000"),
            &["migration.large_repositories"],
        ),
        // 13 large repositories: 2 started groups of ten, 24k.
        (
            "migration.large_repositories",
            13,
            range("99000", "109000"),
            &[],
        ),
    ];
    let quote = price(&catalog, &scope).expect("priced");
    // Nothing answered: 1–3,000 users × 1–10,000 projects, plus 0–3 groups of 12k.
    assert_eq!(quote.total, range("30000", "256000"));
    assert_eq!(
        quote.missing_answers,
        [
            "migration.users",
            "migration.repositories",
            "migration.large_repositories"
        ]
    );
    let trace: Vec<String> = quote.lines[0].trace.iter().map(|s| s.text()).collect();
    assert!(
        trace
            .iter()
            .any(|t| t.contains("migration.users not answered yet")),
        "{trace:?}"
    );
    for (question, answer, total, still_missing) in steps {
        scope
            .answers
            .insert(question.to_string(), scopecraft::Answer::Number(answer));
        let quote = price(&catalog, &scope).expect("priced");
        assert_eq!(quote.total, total, "after {question}");
        assert_eq!(quote.missing_answers, still_missing, "after {question}");
    }
    assert!(quote_is_firm_cell(&catalog, &scope));

    // The same range when the offering is only recommended.
    let mut suggested = scenario("migration-gitlab-com-unanswered");
    suggested.items.clear();
    suggested.service_types = vec!["migration".to_string()];
    suggested.answers.insert(
        "migration.users".to_string(),
        scopecraft::Answer::Number(800),
    );
    let result = run(&suggested);
    let rom = &get(&result.recommended, "migration-self-managed-to-saas").items[0];
    assert_eq!(rom.price, Some(range("35000", "241000")));
    assert_eq!(
        rom.missing_answers,
        ["migration.repositories", "migration.large_repositories"]
    );
    let missing: Vec<&str> = result
        .missing_required
        .iter()
        .map(|m| m.question.as_str())
        .collect();
    assert_eq!(
        missing,
        ["migration.repositories", "migration.large_repositories"]
    );
}

/// With every answer in, the table line is the cell's own range (low < high), not a guess.
fn quote_is_firm_cell(catalog: &Catalog, scope: &Scope) -> bool {
    let quote = price(catalog, scope).expect("priced");
    quote.missing_answers.is_empty() && quote.lines[0].kind == LineKind::Estimate
}

// Education --------------------------------------------------------------------------------

#[test]
fn forty_attendees_for_ci_cd_take_three_classes_and_four_seat_add_ons() {
    let result = run(&scenario("education-cicd-40"));
    expect(
        &result,
        "course-cicd",
        &[item("GL-CICD-R", 3, Some(firm("17000")))],
        &["40 people", "lowest total"],
    );
    let cicd = &get(&result.recommended, "course-cicd").items[0];
    let parts: Vec<(&str, String, String)> = cicd
        .components
        .iter()
        .map(|c| (&*c.sku, c.quantity.to_string(), c.amount.to_string()))
        .collect();
    assert_eq!(
        parts,
        [
            ("GL-CICD-R", "3".to_string(), "15000.00".to_string()),
            ("SRV-PERSEAT-R", "4".to_string(), "2000.00".to_string())
        ]
    );
    assert_eq!(cicd.scope_item.attendees, Some(40));
    // Accepting it gives the same price in a quote.
    let mut accepted = scenario("education-cicd-40");
    accepted.items.push(cicd.scope_item.clone());
    let quote = price(&catalog(), &accepted).expect("priced");
    assert_eq!(quote.total, firm("17000"));
    // Once in the scope it is not suggested again, and its prerequisite is.
    let result = run(&accepted);
    assert_eq!(
        ids(&result.recommended),
        ["prerequisite:GL-CICD-R:GL-BAS-R"]
    );
}

#[test]
fn security_essentials_on_premium_is_a_warning_and_prerequisites_are_suggested() {
    let result = run(&scenario("education-security-premium"));
    let warning = get(&result.warnings, "license:GL-SEC-R");
    assert_eq!(warning.skus, ["GL-SEC-R"]);
    assert!(warning.reason.contains("needs an Ultimate licence"));
    assert!(warning.reason.contains("the customer's tier is Premium"));
    // Basics and CI/CD for the same 15 people: one class and three seat add-ons each.
    expect(
        &result,
        "prerequisite:GL-SEC-R:GL-BAS-R",
        &[item("GL-BAS-R", 1, Some(firm("6500")))],
        &["GitLab Security Essentials (GL-SEC-R) builds on what GL-BAS-R"],
    );
    expect(
        &result,
        "prerequisite:GL-SEC-R:GL-CICD-R",
        &[item("GL-CICD-R", 1, Some(firm("6500")))],
        &["builds on what GL-CICD-R"],
    );
    // On Ultimate the warning goes away.
    let mut ultimate = scenario("education-security-premium");
    ultimate.answers.insert(
        "license.tier".to_string(),
        scopecraft::Answer::Text("ultimate".to_string()),
    );
    assert!(run(&ultimate).warnings.is_empty());
    // A suggested Security Essentials class is checked too.
    let result = run(&scope(json!({
        "service_types": ["education"],
        "answers": {"license.tier": "premium", "education.courses": ["security"], "education.attendees": 10}
    })));
    get(&result.warnings, "license:GL-SEC-R");
}

#[test]
fn courses_follow_delivery_and_four_courses_point_at_devops_fundamentals() {
    let result = run(&scope(json!({
        "service_types": ["education"],
        "answers": {
            "license.tier": "ultimate",
            "education.courses": ["basics", "cicd", "project_management", "security", "self_paced"],
            "education.attendees": 14,
            "education.delivery": "on_site"
        }
    })));
    let skus: Vec<(&str, Option<&str>)> = result
        .recommended
        .iter()
        .flat_map(|r| &r.items)
        .map(|i| (i.sku.as_str(), i.scope_item.delivery.map(|d| d.as_str())))
        .collect();
    assert_eq!(
        skus,
        [
            ("GL-BAS", None),
            ("GL-CICD", None),
            ("GL-PM", None),
            ("GL-SEC-R", Some("on_site")),
            ("PS-SELF-PACED-CERT", None)
        ]
    );
    // 14 on site: one class at 7,000 and two seat add-ons.
    expect(
        &result,
        "course-basics",
        &[item("GL-BAS", 1, Some(firm("8000")))],
        &["14 people"],
    );
    expect(
        &result,
        "course-self-paced",
        &[item("PS-SELF-PACED-CERT", 14, Some(firm("7000")))],
        &["14 learners"],
    );
    get(&result.notes, "education-devops-fundamentals-instead");
    get(&result.notes, "education-on-site-travel");
}

// Integrations and general ------------------------------------------------------------------

#[test]
fn integrations_are_fixed_packages_or_custom_work() {
    let result = run(&scope(json!({
        "service_types": ["integration"],
        "answers": {"integrations.systems": ["jira", "ldap", "other"]}
    })));
    assert_eq!(
        ids(&result.recommended),
        ["integration-jira", "integration-ldap"]
    );
    expect(
        &result,
        "integration-jira",
        &[item("GL-JIRA", 1, Some(firm("2400")))],
        &["Jira"],
    );
    get(&result.notes, "integration-other");
}

#[test]
fn free_tier_customers_are_warned() {
    let result = run(&scope(json!({
        "service_types": ["implementation"],
        "answers": {"license.tier": "free", "implementation.ha": true, "implementation.users": 2000, "implementation.target": "azure"}
    })));
    // The catalog's license_minimum (Premium) flags Free customers: no services for CE.
    reason_has(
        &result.warnings,
        "license-minimum",
        "The customer's licence tier is Free, below Premium: professional services are not sold",
    );
    get(&result.warnings, "impl-ha-needs-premium");
    // The suggested HA packages need Premium as well.
    reason_has(
        &result.warnings,
        "license:GL-IMPL-QS-HA",
        "The suggested GL-IMPL-QS-HA",
    );
}

#[test]
fn a_recommended_licence_tier_is_a_note_not_a_warning() {
    // GL-DOF is recommended for Ultimate, not required: a Premium customer gets a note.
    let result = run(&scope(json!({
        "service_types": ["education"],
        "items": [{"sku": "GL-DOF"}],
        "answers": {"license.tier": "premium"}
    })));
    reason_has(
        &result.notes,
        "license-recommended:GL-DOF",
        "is recommended for Ultimate customers (not required)",
    );
    assert!(
        !result.warnings.iter().any(|w| w.id.starts_with("license")),
        "{:?}",
        result.warnings
    );
}

#[test]
fn decisions_are_recorded_per_recommendation() {
    let mut scope = scenario("implementation-aws-ha-3250");
    scope.recommendations.insert(
        "impl-quickstart-ha".to_string(),
        scopecraft::Decision::Accepted,
    );
    scope.recommendations.insert(
        "impl-rapid-results".to_string(),
        scopecraft::Decision::Dismissed,
    );
    let result = run(&scope);
    let decisions: Vec<(&str, RecommendationDecision)> = result
        .recommended
        .iter()
        .map(|r| (r.id.as_str(), r.decision))
        .collect();
    assert_eq!(
        decisions,
        [
            ("impl-quickstart-ha", RecommendationDecision::Accepted),
            ("impl-rapid-results", RecommendationDecision::Dismissed),
            ("impl-sysadmin-training", RecommendationDecision::Pending)
        ]
    );
    // Once the accepted item is in the scope, neither it nor its alternative is suggested.
    scope.items.push(ScopeItem::new("GL-IMPL-QS-HA"));
    assert_eq!(ids(&run(&scope).recommended), ["impl-sysadmin-training"]);
}

// Completeness and answer errors -------------------------------------------------------------

#[test]
fn completeness_lists_the_missing_required_answers() {
    let catalog = catalog();
    let missing = |value: Value| -> (Vec<String>, usize, usize) {
        let status = completeness(&catalog, &scope(value));
        assert!(status.errors.is_empty(), "{:?}", status.errors);
        (
            status
                .missing_required
                .iter()
                .map(|m| m.question.clone())
                .collect(),
            status.answered_required,
            status.total_required,
        )
    };
    assert_eq!(
        missing(json!({"service_types": ["implementation", "migration", "education"]})),
        (
            vec![
                "implementation.users".to_string(),
                "implementation.target".to_string(),
                "migration.users".to_string(),
                "migration.repositories".to_string(),
                "education.attendees".to_string()
            ],
            0,
            5
        )
    );
    // Large repositories are required only for migrations to GitLab.com.
    assert_eq!(
        missing(json!({
            "service_types": ["migration"],
            "answers": {"migration.destination": "gitlab_com", "migration.users": 800}
        })),
        (
            vec![
                "migration.repositories".to_string(),
                "migration.large_repositories".to_string()
            ],
            1,
            3
        )
    );
    // Service types come from the items when the scope names none.
    assert_eq!(
        missing(json!({"items": [{"sku": "GL-JIRA"}, {"sku": "MIG+"}]})),
        (
            vec![
                "migration.users".to_string(),
                "migration.repositories".to_string()
            ],
            0,
            2
        )
    );
    let status = completeness(&catalog, &scope(json!({"service_types": ["migration"]})));
    assert_eq!(status.missing_required[0].section, "migration");
    assert_eq!(
        status.missing_required[0].text,
        "How many user accounts are being migrated?"
    );
    assert!(completeness(&catalog, &scenario("implementation-aws-ha-3250")).is_complete());
}

#[test]
fn an_answer_that_breaks_its_question_is_an_error_naming_it() {
    let bad = scope(json!({
        "service_types": ["implementation", "migration", "education"],
        "answers": {
            "implementation.target": "mars",
            "implementation.users": 0,
            "migration.users": 2000000,
            "implementation.ha": "yes",
            "education.courses": ["basics", "klingon"]
        }
    }));
    let status = completeness(&catalog(), &bad);
    let errors: Vec<String> = status.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "answers.education.courses: \"klingon\" is not a choice of \"Which courses should the team take?\"; the choices are: basics, cicd, project_management, security, innersourcing, system_administration, devops_fundamentals, self_paced",
            "answers.implementation.ha: \"Does the instance need a highly available architecture?\" takes yes or no (true or false), got \"yes\"",
            "answers.implementation.target: \"mars\" is not a choice of \"Where will GitLab run?\"; choose one of: aws, gcp, azure, on_prem",
            "answers.implementation.users: 0 is below the smallest accepted answer, 1, to \"How many people will use the instance?\"",
            "answers.migration.users: 2,000,000 is above the largest accepted answer, 1,000,000, to \"How many user accounts are being migrated?\"",
        ]
    );
    // Recommendations and plans refuse such a scope, naming every answer.
    let refused = recommend(&catalog(), &bad).expect_err("refused");
    let fields: Vec<String> = refused.errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(
        fields,
        [
            "answers.education.courses",
            "answers.implementation.ha",
            "answers.implementation.target",
            "answers.implementation.users",
            "answers.migration.users"
        ]
    );
    let refused = plan(&catalog(), &bad, &PlanOptions::default()).expect_err("refused");
    assert_eq!(refused.errors.len(), 5);
}

// Plans ------------------------------------------------------------------------------------------

/// The scenario with every pending suggestion accepted into the scope.
fn with_suggestions(name: &str) -> Scope {
    let mut scope = scenario(name);
    let result = run(&scope);
    for recommendation in &result.recommended {
        scope
            .items
            .extend(recommendation.items.iter().map(|i| i.scope_item.clone()));
    }
    scope
}

#[test]
fn plan_for_the_gitlab_com_migration_runs_in_waves() {
    let mut scope = with_suggestions("migration-self-managed-to-gitlab-com");
    for item in &mut scope.items {
        if item.sku == "PS-SAAS-DISCOVERY" {
            item.effort
                .insert("architect".to_string(), Decimal::from(24));
            item.effort
                .insert("engineer".to_string(), Decimal::from(40));
        }
    }
    let plan = plan(&catalog(), &scope, &PlanOptions::default()).expect("a plan");
    let phases: Vec<(&str, &str, Band)> = plan
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.when.as_str(), p.weeks))
        .collect();
    assert_eq!(
        phases,
        [
            ("kickoff", "week 1 after kick-off", band(1, 1)),
            ("design", "week 2 after kick-off", band(1, 1)),
            // 9–13 waves of a week (the discovery's 24 architect hours at 20 a week, 1.2
            // weeks, are shorter), plus 13 repositories over 5 GB at 2 a day: 7 days, 1.4
            // weeks. 10.4–14.4 → 11–15.
            (
                "migrate",
                "weeks 3–13 after kick-off (weeks 3–17 at the latest)",
                band(11, 15)
            ),
            (
                "handoff",
                "week 14 after kick-off (week 18 at the latest)",
                band(1, 1)
            ),
        ]
    );
    let migrate = &plan.phases[2];
    let delivered: Vec<&str> = migrate.items.iter().map(|i| i.sku.as_str()).collect();
    assert_eq!(
        delivered,
        [
            "GL-MIG-SM-SAAS",
            "PS-SAAS-DISCOVERY",
            "PS-SECURITY-CONFIG",
            "PS-SSO-CONFIG",
            "PS-CI-MIGRATION"
        ]
    );
    assert!(
        migrate
            .prerequisites
            .iter()
            .any(|p| p.contains("tokens for the source system"))
    );
    assert!(
        migrate
            .prerequisites
            .iter()
            .any(|p| p.contains("Administrator access to the identity provider"))
    );
    assert_eq!(plan.total_weeks, band(14, 18));
    assert_eq!(plan.lead_time_weeks, band(4, 6));
    let effort: Vec<(&str, String)> = plan
        .effort
        .iter()
        .map(|r| (r.name.as_str(), r.hours.to_string()))
        .collect();
    assert_eq!(
        effort,
        [
            ("Technical architect", "24".to_string()),
            ("Professional services engineer", "40".to_string())
        ]
    );
    assert_eq!(
        plan.unestimated,
        ["PS-SECURITY-CONFIG", "PS-SSO-CONFIG", "PS-CI-MIGRATION"]
    );
    assert!(plan.kickoff.is_none());
}

#[test]
fn plan_for_an_implementation_with_training_and_a_signature_date() {
    let mut scope = scenario("implementation-gcp-small");
    scope.items = vec![
        ScopeItem::new("GL-IMPL-QS"),
        ScopeItem::new("GL-JIRA"),
        ScopeItem {
            attendees: Some(6),
            ..ScopeItem::new("PS-SYSADMIN-R")
        },
        ScopeItem::new("GL-BAS-R"),
        ScopeItem {
            hours: Some(Decimal::from(40)),
            ..ScopeItem::new("GL-XPRT")
        },
    ];
    let signed = Date::parse("2026-03-02").ok();
    let plan = plan(&catalog(), &scope, &PlanOptions { signed_on: signed }).expect("a plan");
    let phases: Vec<(&str, &str)> = plan
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.when.as_str()))
        .collect();
    assert_eq!(
        phases,
        [
            ("kickoff", "week 1 after kick-off"),
            ("design", "week 2 after kick-off"),
            // Quickstart's 1.5 weeks and Jira's week run side by side.
            ("deploy", "weeks 3–4 after kick-off"),
            // The two classes run one after the other.
            ("train", "weeks 5–6 after kick-off"),
            ("handoff", "week 7 after kick-off"),
        ]
    );
    assert_eq!(plan.alongside[0].sku, "GL-XPRT");
    let kickoff = plan.kickoff.expect("kick-off dates");
    assert_eq!(kickoff.to_string(), "2026-03-30 to 2026-04-13");
    let handoff = plan.phases[4].dates.expect("dates");
    assert_eq!(handoff.end.to_string(), "2026-05-17 to 2026-05-31");
    let markdown = plan.to_markdown();
    assert!(markdown.contains("Nothing is scheduled until the SOW"));
    assert!(markdown.contains("Signed on 2026-03-02: kick-off between 2026-03-30 and 2026-04-13."));
    assert!(markdown.contains(
        "| 3 | Deploy | weeks 3–4 after kick-off | 2 | GL-IMPL-QS Implementation Quickstart<br>GL-JIRA Jira integration |"
    ));
    assert!(markdown.contains("Alongside the phases: GL-XPRT Expert Services."));
}

// Every rule, deterministically ------------------------------------------------------------------

/// Scopes that, together with the scenario files, fire every rule in the catalog.
fn extra_scopes() -> Vec<Value> {
    vec![
        json!({"service_types": ["implementation", "migration"], "items": [{"sku": "GL-RR-SELF"}, {"sku": "GL-IMPL-QS-HA"}],
               "answers": {"implementation.users": 6000, "implementation.target": "aws", "implementation.geo": true}}),
        json!({"service_types": ["implementation"],
               "answers": {"implementation.users": 9000, "implementation.target": "on_prem", "implementation.kubernetes": "openshift"}}),
        json!({"service_types": ["migration"], "items": [{"sku": "GL-MIG-SM-SAAS"}],
               "answers": {"migration.source": "github_com", "migration.destination": "gitlab_com", "migration.users": 100, "migration.repositories": 50}}),
        json!({"service_types": ["education"],
               "answers": {"education.courses": ["innersourcing", "system_administration", "devops_fundamentals"], "education.attendees": 12}}),
        json!({"service_types": ["integration"], "answers": {"integrations.systems": ["jenkins", "jira", "ldap", "other"]}}),
        json!({"service_types": ["education"],
               "answers": {"license.tier": "ultimate", "education.attendees": 14, "education.delivery": "on_site",
                           "education.courses": ["basics", "cicd", "project_management", "security", "self_paced"]}}),
        json!({"service_types": ["implementation"], "items": [{"sku": "GL-IMPL-QS"}],
               "answers": {"implementation.users": 300, "implementation.target": "on_prem"}}),
    ]
}

fn all_scopes() -> Vec<Scope> {
    let dir = scenario_path("x").parent().map(PathBuf::from).expect("dir");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("scenario directory")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .map(str::to_string)
        })
        .collect();
    names.sort();
    let mut scopes: Vec<Scope> = names.iter().map(|n| scenario(n)).collect();
    scopes.extend(extra_scopes().into_iter().map(scope));
    scopes.push(scope(json!({
        "service_types": ["implementation"],
        "answers": {"license.tier": "free", "implementation.ha": true, "implementation.users": 2000, "implementation.target": "azure", "implementation.geo": true}
    })));
    scopes.push(with_suggestions("implementation-eks-3250"));
    let mut eks = scenario("implementation-eks-3250");
    eks.items = vec![ScopeItem::new("GL-RR-SELF"), ScopeItem::new("PS-SYSADMIN")];
    scopes.push(eks);
    let mut small = scenario("implementation-gcp-small");
    small.items = vec![ScopeItem::new("GL-IMPL-QS")];
    small.answers.insert(
        "implementation.ha".to_string(),
        scopecraft::Answer::Bool(true),
    );
    scopes.push(small);
    scopes.push(scope(json!({
        "items": [{"sku": "MIG+"}],
        "answers": {"migration.source": "github_enterprise", "migration.users": 800}
    })));
    scopes.push(scope(json!({
        "service_types": ["implementation"],
        "answers": {"implementation.users": 500, "implementation.target": "aws", "implementation.gitaly_cluster": true}
    })));
    scopes
}

#[test]
fn every_catalog_rule_fires_in_some_scenario() {
    let catalog = catalog();
    let mut fired = BTreeSet::new();
    for scope in all_scopes() {
        let result = recommend(&catalog, &scope).unwrap_or_else(|e| panic!("{e}"));
        for r in result
            .recommended
            .iter()
            .chain(&result.warnings)
            .chain(&result.notes)
        {
            fired.insert(r.id.clone());
        }
    }
    let missing: Vec<&str> = catalog
        .data()
        .recommendations
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !fired.contains(*id))
        .collect();
    assert!(missing.is_empty(), "rules never exercised: {missing:?}");
}

#[test]
fn recommendations_and_plans_are_deterministic() {
    let catalog = catalog();
    for scope in all_scopes() {
        let first = serde_json::to_string(&recommend(&catalog, &scope).expect("ok")).expect("json");
        let again = serde_json::to_string(&recommend(&catalog, &scope).expect("ok")).expect("json");
        assert_eq!(first, again);
        let plan_a = plan(&catalog, &scope, &PlanOptions::default()).expect("plan");
        let plan_b = plan(&catalog, &scope, &PlanOptions::default()).expect("plan");
        assert_eq!(plan_a.to_markdown(), plan_b.to_markdown());
    }
}

#[test]
fn plan_for_the_public_sector_implementation_follows_its_hours_and_geo() {
    // PS-CUSTOM-IMPL: engineer 240 h / 40 a week = 6 weeks, architect 40 / 20 = 2, project
    // manager 40 / 8 = 5: 6 weeks. A highly available Geo secondary adds 20–25 days at 5 a
    // week: 4–5 weeks. Deploy 10–11 weeks; with kick-off, design and hand-off, 13–14.
    let plan = plan(
        &catalog(),
        &scenario("sow-public-sector-implementation"),
        &PlanOptions::default(),
    )
    .expect("a plan");
    let deploy = plan
        .phases
        .iter()
        .find(|p| p.id == "deploy")
        .expect("a deploy phase");
    assert_eq!(deploy.items[0].sku, "PS-CUSTOM-IMPL");
    assert_eq!(deploy.items[0].weeks, Some(Decimal::from(6)));
    assert_eq!(deploy.weeks, band(10, 11));
    assert!(
        deploy.length_basis.contains("impl-geo-ha-effort"),
        "{}",
        deploy.length_basis
    );
    assert_eq!(plan.total_weeks, band(13, 14));
}
