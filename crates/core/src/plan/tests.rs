//! Plans on a small catalog: phase lengths, relative weeks, waves, dates, effort, Markdown.

use serde_json::json;

use super::*;
use crate::catalog::load;

const CATALOG: &str = include_str!("../../testdata/catalogs/plan-phases.toml");

fn catalog() -> Catalog {
    load("test.toml", CATALOG).expect("the test catalog loads")
}

fn scope(value: serde_json::Value) -> Scope {
    Scope::from_value(&value).expect("a valid scope document")
}

fn make(value: serde_json::Value, signed_on: Option<&str>) -> Plan {
    let options = PlanOptions {
        signed_on: signed_on.map(|d| Date::parse(d).expect("a date")),
    };
    plan(&catalog(), &scope(value), &options).expect("a plan")
}

fn band(from: u64, to: u64) -> Band {
    Band { from, to: Some(to) }
}

fn summary(plan: &Plan) -> Vec<(&str, &str)> {
    plan.phases
        .iter()
        .map(|p| (p.id.as_str(), p.when.as_str()))
        .collect()
}

#[test]
fn phases_follow_each_other_in_relative_weeks() {
    let plan = make(
        json!({"items": [{"sku": "QS"}, {"sku": "CLASS"}, {"sku": "OTHER-CLASS"}, {"sku": "XPRT"}]}),
        None,
    );
    assert_eq!(
        summary(&plan),
        [
            ("kickoff", "week 1 after kick-off"),
            // 1.5 weeks round up to 2.
            ("deploy", "weeks 2–3 after kick-off"),
            // Classes run one after another.
            ("train", "weeks 4–5 after kick-off"),
            ("handoff", "week 6 after kick-off"),
        ]
    );
    assert_eq!(plan.total_weeks, band(6, 6));
    let deploy = &plan.phases[1];
    assert_eq!(deploy.weeks, band(2, 2));
    assert_eq!(deploy.length_basis, "1.5 weeks: its longest item");
    assert_eq!(deploy.items[0].sku, "QS");
    assert_eq!(
        deploy.prerequisites,
        [
            "Infrastructure ready.",
            "A cloud account | with admin access."
        ]
    );
    let train = &plan.phases[2];
    assert_eq!(train.length_basis, "2 weeks: its items one after another");
    // The same prerequisite note from two classes is listed once.
    assert_eq!(train.prerequisites, ["Attendees know Git."]);
    assert_eq!(plan.alongside.len(), 1);
    assert_eq!(plan.alongside[0].sku, "XPRT");
    assert_eq!(
        plan.notes,
        ["Nothing is booked before the paperwork is signed."]
    );
    assert!(plan.kickoff.is_none() && plan.phases.iter().all(|p| p.dates.is_none()));
}

#[test]
fn migration_waves_set_the_length_of_the_migrate_phase() {
    let plan = make(
        json!({
            "items": [{"sku": "MIG"}, {"sku": "CLASS"}],
            "answers": {"destination": "saas", "projects": 2500}
        }),
        None,
    );
    let waves = plan.migration_waves.as_ref().expect("waves");
    assert_eq!(waves.waves, band(9, 13));
    assert_eq!(
        summary(&plan),
        [
            ("kickoff", "week 1 after kick-off"),
            (
                "migrate",
                "weeks 2–10 after kick-off (weeks 2–14 at the latest)"
            ),
            ("train", "week 11 after kick-off (week 15 at the latest)"),
            ("handoff", "week 12 after kick-off (week 16 at the latest)"),
        ]
    );
    let migrate = &plan.phases[1];
    assert_eq!(migrate.weeks, band(9, 13));
    assert_eq!(
        migrate.length_basis,
        "9 to 13 migration waves of 1 week each"
    );
    assert_eq!(plan.total_weeks, band(12, 16));

    // One wave from GitHub into self-managed: the phase keeps its usual length.
    let plan = make(
        json!({
            "items": [{"sku": "MIG"}],
            "answers": {"source": "github", "destination": "self", "projects": 800}
        }),
        None,
    );
    assert_eq!(
        plan.migration_waves.as_ref().map(|w| w.waves),
        Some(band(1, 1))
    );
    assert_eq!(plan.phases[1].weeks, band(2, 2));
    assert_eq!(plan.phases[1].when, "weeks 2–3 after kick-off");
}

#[test]
fn dates_appear_only_with_a_signature_date() {
    let plan = make(json!({"items": [{"sku": "QS"}]}), Some("2026-03-02"));
    let kickoff = plan.kickoff.expect("kick-off dates");
    assert_eq!(kickoff.earliest.to_string(), "2026-03-30");
    assert_eq!(kickoff.latest.to_string(), "2026-04-13");
    let deploy = plan.phases[1].dates.expect("dates");
    // Week 2 starts 7 days after kick-off; week 3 ends 21 days after it, less one.
    assert_eq!(deploy.start.to_string(), "2026-04-06 to 2026-04-20");
    assert_eq!(deploy.end.to_string(), "2026-04-19 to 2026-05-03");
    assert_eq!(
        plan.signed_on.map(|d| d.to_string()).as_deref(),
        Some("2026-03-02")
    );
}

#[test]
fn effort_is_summed_by_role_for_time_and_materials_items() {
    let plan = make(
        json!({"items": [
            {"sku": "CUSTOM", "effort": {"architect": 40, "engineer": "120.5"}},
            {"sku": "MIG", "effort": {"engineer": 80}},
            {"sku": "MIG"},
            {"sku": "QS"}
        ]}),
        None,
    );
    let roles: Vec<(&str, &str, String)> = plan
        .effort
        .iter()
        .map(|r| (r.role.as_str(), r.name.as_str(), r.hours.to_string()))
        .collect();
    assert_eq!(
        roles,
        [
            ("architect", "Technical architect", "40".to_string()),
            ("engineer", "Engineer", "200.5".to_string())
        ]
    );
    assert_eq!(plan.effort_hours.to_string(), "240.5");
    assert_eq!(plan.unestimated, ["MIG"]);
}

#[test]
fn errors_name_the_field() {
    let catalog = catalog();
    let error = plan(
        &catalog,
        &scope(json!({"items": [{"sku": "QS"}, {"sku": "NOPE"}], "answers": {"projects": 0}})),
        &PlanOptions::default(),
    )
    .expect_err("refused");
    let fields: Vec<String> = error.errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["answers.projects", "items[1].sku"]);

    let bare = load(
        "bare.toml",
        CATALOG
            .split("[migration_waves]")
            .next()
            .expect("the catalog head"),
    )
    .expect("loads without a plan");
    let error = plan(
        &bare,
        &scope(json!({"items": [{"sku": "QS"}]})),
        &PlanOptions::default(),
    )
    .expect_err("no plan section");
    assert!(
        error.to_string().contains("has no [plan] section"),
        "{error}"
    );

    let error = plan(
        &catalog,
        &scope(json!({"items": [{"sku": "QS"}]})),
        &PlanOptions {
            signed_on: Date::parse("9999-12-01").ok(),
        },
    )
    .expect_err("past 9999");
    assert_eq!(error.errors[0].field, "signed_on");
}

#[test]
fn markdown_has_the_phase_table_and_effort() {
    let plan = make(
        json!({"items": [{"sku": "QS"}, {"sku": "CUSTOM", "effort": {"engineer": 16}}]}),
        Some("2026-03-02"),
    );
    let markdown = plan.to_markdown();
    let expected = "## Implementation plan

Nothing is booked before the paperwork is signed.

Work usually starts 4–6 weeks after signature. Weeks below count from kick-off. Signed on 2026-03-02: kick-off between 2026-03-30 and 2026-04-13.

| # | Phase | When | Weeks | Delivers | Customer prerequisites | Dates (earliest start – latest end) |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | Kick-off | week 1 after kick-off | 1 | — | Signed SOW and purchase order. | 2026-03-30 – 2026-04-19 |
| 2 | Deploy | weeks 2–3 after kick-off | 2 | QS Quickstart<br>CUSTOM Custom implementation | Infrastructure ready.<br>A cloud account \\| with admin access. | 2026-04-06 – 2026-05-03 |
| 3 | Hand-off | week 4 after kick-off | 1 | — | — | 2026-04-20 – 2026-05-10 |

Total: 4 weeks from kick-off to hand-off.

### Effort (time and materials)

| Role | Hours |
| --- | ---: |
| Engineer | 16 |
| **Total** | **16** |
";
    assert_eq!(markdown, expected);
    // Without a signature date there is no date column.
    let undated = make(json!({"items": [{"sku": "QS"}]}), None).to_markdown();
    assert!(undated.contains("| # | Phase | When | Weeks | Delivers | Customer prerequisites |\n"));
    assert!(!undated.contains("Dates"));
}

#[test]
fn a_phase_lists_what_it_delivers_or_a_dash() {
    let plan = make(json!({"items": [{"sku": "QS"}, {"sku": "CLASS"}]}), None);
    for phase in &plan.phases {
        let written = phase.delivers(|i| i.sku.clone(), ", ");
        if phase.items.is_empty() {
            assert_eq!(written, "—");
        } else {
            let skus: Vec<&str> = phase.items.iter().map(|i| i.sku.as_str()).collect();
            assert_eq!(written, skus.join(", "));
        }
    }
    assert!(plan.phases.iter().any(|p| !p.items.is_empty()));
}
