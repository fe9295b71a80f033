//! The short issue description a new-issue link carries, so that a typical scope files in
//! one click: intake, the required questions, totals, approvals, one line per plan phase,
//! and a Scopecraft share link that reopens the whole scope. The full description stays in
//! the payload (`gitlab.description`) and in `scopecraft sow-request --format markdown`.

use super::document::{Block, Column, cell, heading, paragraph, strong, text};
use super::issue_text::{requester_text, totals_table, yes_no};
use super::payload::SowRequest;

/// How the summary points back to the whole scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ScopeLink {
    /// A link into the Scopecraft app (`<app>#/share/s1.…`).
    App(String),
    /// The share code alone, when no app address is known.
    Code(String),
    /// No share link could be made (the scope is too large for one).
    Unavailable(String),
}

/// The short description for `request`.
pub(crate) fn summary(request: &SowRequest, link: &ScopeLink) -> String {
    let quote = &request.quote;
    let mut blocks: Vec<Block> = Vec::new();

    blocks.push(heading(2, "Intake"));
    let service_types: Vec<&str> = request
        .service_types
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let intake = if request.intake.complete {
        "Complete".to_string()
    } else {
        format!(
            "Incomplete: {} required to do",
            request.intake.missing.len()
        )
    };
    let mut rows = vec![
        vec![cell("Customer"), cell(&request.customer.name)],
        vec![cell("Requester"), requester_text(request)],
    ];
    rows.extend(super::issue_text::flag_rows(request));
    rows.extend([
        vec![cell("Service types"), cell(service_types.join(", "))],
        vec![
            cell("Requires custom SOW"),
            cell(yes_no(request.requires_custom_sow)),
        ],
        vec![cell("Intake"), cell(intake)],
    ]);
    blocks.push(Block::Table(
        vec![Column::left("Field"), Column::left("Value")],
        rows,
    ));

    let required: Vec<Vec<Vec<super::document::Inline>>> = request
        .questions
        .iter()
        .filter(|row| row.required)
        .map(|row| {
            vec![
                cell(&row.question),
                cell(row.response.as_deref().unwrap_or("to-do")),
            ]
        })
        .collect();
    if !required.is_empty() {
        blocks.push(heading(2, "Required questions"));
        blocks.push(Block::Table(
            vec![Column::left("Question"), Column::left("Customer response")],
            required,
        ));
    }

    blocks.push(heading(2, format!("Totals ({})", quote.currency)));
    blocks.push(totals_table(quote, "Travel and expenses (estimate)"));
    let lines = quote.lines.len();
    blocks.push(paragraph(format!(
        "{lines} quote line{}{}.",
        if lines == 1 { "" } else { "s" },
        if quote.custom_estimate_needed {
            "; some have no list price and need a PS estimate"
        } else {
            ""
        }
    )));

    blocks.push(heading(2, "Approvals needed"));
    if request.approvals.is_empty() {
        blocks.push(paragraph("None."));
    } else {
        blocks.push(Block::Bullets(
            request
                .approvals
                .iter()
                .map(|a| {
                    vec![
                        strong(format!("{}:", a.approver)),
                        text(format!(" {}", a.reason)),
                    ]
                })
                .collect(),
        ));
    }

    if let Some(plan) = &request.plan {
        blocks.push(heading(
            2,
            format!("Plan ({} weeks from kick-off)", plan.total_weeks.span()),
        ));
        blocks.push(Block::Bullets(
            plan.phases
                .iter()
                .map(|phase| {
                    let skus: Vec<&str> = phase.items.iter().map(|i| i.sku.as_str()).collect();
                    let delivers = if skus.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", skus.join(", "))
                    };
                    cell(format!(
                        "{}, {}{delivers}",
                        plan.phase_label(phase),
                        phase.when
                    ))
                })
                .collect(),
        ));
    }

    blocks.push(heading(2, "The whole scope"));
    match link {
        ScopeLink::App(url) => blocks.push(Block::Paragraph(vec![
            text("Open it in Scopecraft: "),
            super::document::Inline::Verbatim(url.clone()),
        ])),
        ScopeLink::Code(code) => {
            blocks.push(Block::Paragraph(vec![
                text("Scopecraft share code: "),
                super::document::Inline::Code(code.clone()),
            ]));
            blocks.push(Block::Paragraph(vec![
                text("To open it, add "),
                super::document::Inline::Code("#/share/".to_string()),
                text(" and the code to the address of your Scopecraft app, or run "),
                super::document::Inline::Code("scopecraft share decode CODE".to_string()),
                text("."),
            ]));
        }
        ScopeLink::Unavailable(why) => {
            blocks.push(paragraph(format!("No share link: {why}.")));
        }
    }
    blocks.push(paragraph(
        "Every question, quote line, term and the full plan are in the SOW request: its JSON download, or scopecraft sow-request --format markdown.",
    ));
    super::document::to_markdown(&blocks, super::document::Target::GitLab)
}
