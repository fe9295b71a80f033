//! The "Project Scheduling Intake" issue a SOW request also produces: what the team that
//! slots engagements needs — the customer and its flags, the service types, the lead time,
//! the earliest start after signature, how long the plan runs, and who to contact.
//!
//! Its title and first labels are the catalog's (`[sow.issue.scheduling]`); it also gets
//! the labels of the service types in scope and of the customer flags that are set, but not
//! the SOW request's own labels or its approvals'. Its text is written with the same
//! document model, and so escaped by the same rules, as the SOW request's issue. Dates come
//! from the plan, laid out with the signature date the caller gave; the core never reads a
//! clock, so without one the start is written relative to signature.

use super::document::{Block, Column, Target, cell, heading, paragraph, to_markdown};
use super::issue::GitLabIssue;
use super::issue_text::{flag_rows, labels_with, requester_text, title};
use super::payload::{Contact, SchedulingIntake, SowRequest};

/// The scheduling intake for `request` (its plan laid out with the signature date, if any).
pub(crate) fn scheduling_intake(request: &SowRequest) -> SchedulingIntake {
    let plan = request.plan.as_ref();
    let mut intake = SchedulingIntake {
        signed_on: plan.and_then(|p| p.signed_on),
        lead_time_weeks: plan.map(|p| p.lead_time_weeks),
        earliest_start: plan.and_then(|p| p.kickoff),
        contacts: contacts(request),
        issue: GitLabIssue::default(),
    };
    let settings = &request.issue_settings.scheduling;
    intake.issue = GitLabIssue {
        title: title(&settings.title, &request.customer.name),
        description: description(request, &intake),
        labels: labels_with(request, &settings.labels, false).join(","),
        confidential: true,
    };
    intake
}

fn contacts(request: &SowRequest) -> Vec<Contact> {
    let requester = &request.requester;
    if requester.username.trim().is_empty() && requester.email.trim().is_empty() {
        return Vec::new();
    }
    vec![Contact {
        role: "Requester (account team)".to_string(),
        username: requester.username.clone(),
        email: requester.email.clone(),
    }]
}

/// `4–6 weeks`, `1 week`.
fn weeks(span: &str) -> String {
    format!("{span} week{}", if span == "1" { "" } else { "s" })
}

fn description(request: &SowRequest, intake: &SchedulingIntake) -> String {
    let mut blocks: Vec<Block> = Vec::new();
    blocks.push(heading(2, "Scheduling intake"));
    blocks.push(paragraph(
        "Slot this engagement once the SOW, the agreements and the purchase order are signed; the scope, quote and plan are in the customer's SOW request.",
    ));
    let service_types: Vec<&str> = request
        .service_types
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let lead = intake.lead_time_weeks.map(|band| weeks(&band.span()));
    let signed = intake
        .signed_on
        .map_or_else(|| "Not yet".to_string(), |date| date.to_string());
    let start = match (intake.earliest_start, intake.lead_time_weeks) {
        (Some(span), Some(band)) => {
            let first = weeks(&band.from.to_string());
            if span.earliest == span.latest {
                format!("{} (signature + {first})", span.earliest)
            } else {
                format!(
                    "{} (signature + {first}); at the latest {}",
                    span.earliest, span.latest
                )
            }
        }
        (None, Some(band)) => format!("Signature + {}", weeks(&band.from.to_string())),
        (_, None) => "After signature, once the team confirms a slot".to_string(),
    };
    let mut rows = vec![vec![cell("Customer"), cell(&request.customer.name)]];
    rows.extend(flag_rows(request));
    rows.push(vec![
        cell("Service types"),
        cell(if service_types.is_empty() {
            "None chosen yet".to_string()
        } else {
            service_types.join(", ")
        }),
    ]);
    rows.push(vec![
        cell("Lead time"),
        cell(lead.map_or_else(
            || "Not set by the catalog".to_string(),
            |lead| format!("{lead} from signature"),
        )),
    ]);
    rows.push(vec![cell("Signed"), cell(signed)]);
    rows.push(vec![cell("Earliest start"), cell(start)]);
    if let Some(plan) = &request.plan {
        rows.push(vec![
            cell("Plan length"),
            cell(format!(
                "{} from kick-off, {} phase{}",
                weeks(&plan.total_weeks.span()),
                plan.phases.len(),
                if plan.phases.len() == 1 { "" } else { "s" }
            )),
        ]);
    }
    blocks.push(Block::Table(
        vec![Column::left("Field"), Column::left("Value")],
        rows,
    ));

    blocks.push(heading(2, "Contacts"));
    let mut contacts = Vec::new();
    if !intake.contacts.is_empty() {
        contacts.push(vec![
            cell("Requester (account team)"),
            requester_text(request),
        ]);
    }
    contacts.push(vec![
        cell("Customer contact"),
        cell("to-do: name, role and email of who schedules on the customer's side"),
    ]);
    blocks.push(Block::Table(
        vec![Column::left("Role"), Column::left("Contact")],
        contacts,
    ));
    if let Some(plan) = request.plan.as_ref().filter(|p| !p.notes.is_empty()) {
        blocks.push(Block::Bullets(plan.notes.iter().map(cell).collect()));
    }
    blocks.push(Block::Rule);
    blocks.push(paragraph(format!(
        "Catalog {} {}. Generated by Scopecraft at {}.",
        request.catalog.id, request.catalog.version, request.generated_at
    )));
    to_markdown(&blocks, Target::GitLab)
}

#[cfg(test)]
mod tests;
