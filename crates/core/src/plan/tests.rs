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

// The plan follows the effort -----------------------------------------------------------------

/// The test catalog with staffing (engineer 40 h a week, architect 20), hand-moved
/// projects at 2 a day, and a rule that adds 20–25 days when `geo` is yes.
fn effort_catalog() -> Catalog {
    let text = CATALOG
        .replace(
            "notes = [\"Nothing is booked before the paperwork is signed.\"]",
            "notes = [\"Nothing is booked before the paperwork is signed.\"]\nhours_per_week = { engineer = \"40\", architect = \"20\" }",
        )
        .replace(
            "phase = \"migrate\"\n",
            "phase = \"migrate\"\nlarge_projects_question = \"large\"\nlarge_projects_per_day = 2\n",
        )
        + r#"
[[questions]]
id = "large"
section = "migration"
text = "How many repositories are over 5 GB?"
kind = "whole_number"

[[questions]]
id = "geo"
section = "implementation"
text = "A Geo secondary?"
kind = "yes_no"

[[recommendations]]
id = "geo-effort"
service_type = "implementation"
when = { question = "geo", eq = true }
kind = "note"
effort_days = { from = 20, to = 25 }
reason = "A Geo secondary adds 20 to 25 days."
"#;
    load("effort.toml", &text).expect("the effort catalog loads")
}

fn effort_plan(value: serde_json::Value) -> Plan {
    plan(&effort_catalog(), &scope(value), &PlanOptions::default()).expect("a plan")
}

fn phase<'a>(plan: &'a Plan, id: &str) -> &'a PlanPhase {
    plan.phases
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no phase {id}"))
}

#[test]
fn time_and_materials_hours_set_the_phase_at_the_staffing_rate() {
    // Engineer 240 h / 40 = 6 weeks; architect 40 h / 20 = 2 weeks: the busiest role, 6.
    // Quickstart beside it (1.5 weeks) does not change that.
    let plan = effort_plan(json!({"items": [
        {"sku": "CUSTOM", "effort": {"engineer": 240, "architect": 40}},
        {"sku": "QS"}
    ]}));
    let deploy = phase(&plan, "deploy");
    assert_eq!(deploy.items[0].weeks, Some(Decimal::from(6)));
    assert_eq!(deploy.weeks, band(6, 6));
    assert_eq!(deploy.length_basis, "6 weeks: its longest item");
    assert_eq!(plan.total_weeks, band(8, 8));
    // 100 engineer hours: 2.5 weeks, so 3 whole weeks.
    let plan = effort_plan(json!({"items": [{"sku": "CUSTOM", "effort": {"engineer": 100}}]}));
    assert_eq!(phase(&plan, "deploy").weeks, band(3, 3));
}

#[test]
fn a_geo_secondary_adds_its_days_to_the_deploy_phase() {
    // 6 weeks of engineering + 20–25 days at 5 days a week (4–5 weeks) = 10–11 weeks.
    let base = json!({"items": [{"sku": "CUSTOM", "effort": {"engineer": 240}}],
                      "answers": {"geo": true}});
    let plan = effort_plan(base.clone());
    let deploy = phase(&plan, "deploy");
    assert_eq!(deploy.weeks, band(10, 11));
    assert_eq!(
        deploy.length_basis,
        "6 weeks: its longest item, plus 20–25 days of effort from the scoping rule geo-effort at 5 days a week"
    );
    // Kick-off 1 + deploy 10–11 + hand-off 1.
    assert_eq!(plan.total_weeks, band(12, 13));
    // Without Geo, or with the rule dismissed: 6 weeks.
    let mut dismissed = base;
    dismissed["recommendations"] = json!({"geo-effort": "dismissed"});
    assert_eq!(phase(&effort_plan(dismissed), "deploy").weeks, band(6, 6));
}

#[test]
fn repositories_moved_by_hand_lengthen_the_waves() {
    // 2,500 projects at 200–300 a wave: 9–13 waves of a week. 13 large repositories at 2 a
    // day: 7 days = 1.4 weeks. 9 + 1.4 = 10.4 → 11; 13 + 1.4 = 14.4 → 15.
    let plan = effort_plan(json!({
        "items": [{"sku": "MIG"}],
        "answers": {"destination": "saas", "projects": 2500, "large": 13}
    }));
    let migrate = phase(&plan, "migrate");
    assert_eq!(migrate.weeks, band(11, 15));
    assert_eq!(
        migrate.length_basis,
        "9 to 13 migration waves of 1 week each, plus 13 projects moved by hand at 2 a day: 7 days"
    );
    // One large repository: 1 day = 0.2 weeks on top of the 9–13 waves → 10–14.
    let plan = effort_plan(json!({
        "items": [{"sku": "MIG"}],
        "answers": {"destination": "saas", "projects": 2500, "large": 1}
    }));
    assert_eq!(phase(&plan, "migrate").weeks, band(10, 14));
}

#[test]
fn adding_an_item_never_shortens_a_phase() {
    // A custom implementation without hours counts the deploy phase's usual 2 weeks, so a
    // second one of 40 engineer hours (1 week) leaves it at 2 (it used to drop to 1).
    let plan = effort_plan(json!({"items": [{"sku": "CUSTOM"}]}));
    assert_eq!(phase(&plan, "deploy").weeks, band(2, 2));
    let plan = effort_plan(json!({"items": [
        {"sku": "CUSTOM"}, {"sku": "CUSTOM", "effort": {"engineer": 40}}
    ]}));
    assert_eq!(phase(&plan, "deploy").weeks, band(2, 2));

    // Every base scope, plus every extra item: no phase of the base plan gets shorter.
    let bases = [
        json!([]),
        json!([{"sku": "CUSTOM"}]),
        json!([{"sku": "CUSTOM", "effort": {"engineer": 240}}]),
        json!([{"sku": "QS"}]),
        json!([{"sku": "CLASS"}, {"sku": "MIG"}]),
    ];
    let extras = [
        json!({"sku": "QS"}),
        json!({"sku": "CUSTOM"}),
        json!({"sku": "CUSTOM", "effort": {"engineer": 40}}),
        json!({"sku": "CUSTOM", "effort": {"architect": 400}}),
        json!({"sku": "CLASS"}),
        json!({"sku": "OTHER-CLASS"}),
        json!({"sku": "MIG"}),
        json!({"sku": "XPRT"}),
    ];
    let answers = json!({"destination": "saas", "projects": 600, "large": 3, "geo": true});
    for base in &bases {
        let before = effort_plan(json!({"items": base, "answers": answers}));
        for extra in &extras {
            let mut items = base.as_array().expect("a list").clone();
            items.push(extra.clone());
            let after = effort_plan(json!({"items": items, "answers": answers}));
            for phase_before in &before.phases {
                let phase_after = phase(&after, &phase_before.id);
                assert!(
                    phase_after.weeks.from >= phase_before.weeks.from
                        && high(phase_after.weeks) >= high(phase_before.weeks),
                    "{base} + {extra}: {} went from {:?} to {:?}",
                    phase_before.id,
                    phase_before.weeks,
                    phase_after.weeks
                );
            }
            assert!(high(after.total_weeks) >= high(before.total_weeks));
        }
    }
}
