//! `scopecraft plan SCOPE [--signed-on YYYY-MM-DD] [--format table|json|markdown]`.

use scopecraft::{Date, Plan, PlanOptions, plan};

use crate::Failure;
use crate::input;
use crate::quote_cmd::with_scope;
use crate::table::Table;

/// How the plan is printed.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum PlanFormat {
    /// A table for the terminal.
    Table,
    /// The plan document as pretty JSON.
    Json,
    /// Markdown, as a SOW request embeds it.
    Markdown,
}

/// Parses `--signed-on` for clap, so a bad date is a command-line error.
pub(crate) fn date_arg(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| e.to_string())
}

pub(crate) fn plan_cmd(
    scope_path: &str,
    catalog_path: Option<&str>,
    signed_on: Option<Date>,
    format: PlanFormat,
) -> Result<(), Failure> {
    let catalog = input::catalog(catalog_path)?;
    let (scope, plan) = with_scope(scope_path, &catalog, "scope", |scope| {
        plan(&catalog, scope, &PlanOptions { signed_on }).map_err(|e| e.errors)
    })?;
    match format {
        PlanFormat::Json => println!("{}", serde_json::to_string_pretty(&plan)?),
        PlanFormat::Markdown => print!("{}", plan.to_markdown()),
        PlanFormat::Table => print!("{}", render(&plan, &scope.customer.name)),
    }
    Ok(())
}

fn render(plan: &Plan, customer: &str) -> String {
    let mut out = String::new();
    let customer = if customer.is_empty() {
        String::new()
    } else {
        format!(" for {customer}")
    };
    out.push_str(&format!(
        "Implementation plan{customer} — catalog {} {}\n\n",
        plan.catalog.id, plan.catalog.version
    ));
    for note in &plan.notes {
        out.push_str(note);
        out.push('\n');
    }
    out.push_str(&format!(
        "Work usually starts {} weeks after signature. Weeks count from kick-off.",
        plan.lead_time_weeks.span()
    ));
    if let (Some(signed), Some(kickoff)) = (plan.signed_on, plan.kickoff) {
        out.push_str(&format!(" Signed on {signed}: kick-off {kickoff}."));
    }
    out.push_str("\n\n");
    let dated = plan.kickoff.is_some();
    let mut headers = vec!["#", "Phase", "When", ">Weeks", "Delivers"];
    if dated {
        headers.push("Dates (earliest start – latest end)");
    }
    let mut table = Table::new(&headers);
    for (n, phase) in plan.phases.iter().enumerate() {
        let delivers = phase.delivers(|i| i.sku.clone(), ", ");
        let mut row = vec![
            (n + 1).to_string(),
            plan.phase_label(phase),
            phase.when.clone(),
            phase.weeks.span(),
            delivers,
        ];
        if let Some(dates) = phase.dates {
            row.push(format!("{} – {}", dates.start.earliest, dates.end.latest));
        }
        table.row(row);
    }
    out.push_str(&table.render());
    out.push_str(&format!(
        "\nTotal: {} weeks from kick-off to hand-off.\n",
        plan.total_weeks.span()
    ));
    if let Some(waves) = &plan.migration_waves {
        out.push_str(&format!("{}\n", waves.explanation));
    }
    if !plan.alongside.is_empty() {
        let items: Vec<&str> = plan.alongside.iter().map(|i| i.sku.as_str()).collect();
        out.push_str(&format!("Alongside the phases: {}.\n", items.join(", ")));
    }
    out.push_str("\nWhat the customer needs ready:\n");
    for (n, phase) in plan.phases.iter().enumerate() {
        if phase.prerequisites.is_empty() {
            continue;
        }
        out.push_str(&format!("  {}. {}\n", n + 1, phase.name));
        for prerequisite in &phase.prerequisites {
            out.push_str(&format!("     - {prerequisite}\n"));
        }
    }
    if !plan.effort.is_empty() || !plan.unestimated.is_empty() {
        out.push_str("\nEffort (time and materials):\n\n");
        if !plan.effort.is_empty() {
            let mut effort = Table::new(&["Role", ">Hours"]);
            for role in &plan.effort {
                effort.row(vec![role.name.clone(), role.hours.to_string()]);
            }
            effort.row(vec!["Total".to_string(), plan.effort_hours.to_string()]);
            out.push_str(&effort.render());
        }
        if !plan.unestimated.is_empty() {
            out.push_str(&format!(
                "Not estimated yet: {}.\n",
                plan.unestimated.join(", ")
            ));
        }
    }
    out
}
