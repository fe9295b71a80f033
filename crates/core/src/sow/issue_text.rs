//! The text of the GitLab issue a SOW request becomes: title, labels and Markdown
//! description.
//!
//! The hand-off is the catalog's data (`[sow.issue]`, recorded in the request as
//! `issue_settings`): the title template, and the labels, in order and without repeats —
//! the base labels; those of each service type in scope; those of each customer flag that
//! is set; then the labels of the approvals the quote needs (the GitLab catalog's
//! technical-review rule carries `TA::Needs-Review` when the high end of the total is over
//! $50,000, converted at the price book's fixed rate for other currencies). Each customer
//! flag is a row of the intake table.

use super::document::{
    Block, Column, Target, bold_cell, cell, heading, money, paragraph, strong, text, to_markdown,
};
use super::issue::{GitLabIssue, MAX_TITLE_CHARS};
use super::payload::SowRequest;
use crate::catalog::UsernameRules;
use crate::markdown::title_text;
use crate::quote::{LineKind, Quote};
use crate::recommend::RecommendationDecision;

/// The issue for a request (everything but `gitlab` must be filled in).
pub(crate) fn issue(request: &SowRequest) -> GitLabIssue {
    GitLabIssue {
        title: title(&request.issue_settings.title, &request.customer.name),
        description: description(request),
        labels: labels(request).join(","),
        confidential: true,
    }
}

/// The catalog's title template with `{{customer}}` filled in, at most
/// [`MAX_TITLE_CHARS`] characters: when too long, the customer part is cut short and ends
/// in `…`; the template's own text is always kept whole. The whole title is made safe
/// once more after filling in, so no reference forms across the customer's name and the
/// template's text.
pub(crate) fn title(template: &str, customer: &str) -> String {
    // The linter refuses a template that is not one; such a one is shown before the name.
    let (prefix, suffix) = crate::template::title_parts(template)
        .unwrap_or_else(|_| (format!("{template} "), String::new()));
    let customer = title_text(customer);
    let fixed = prefix.chars().count() + suffix.chars().count();
    let mut room = MAX_TITLE_CHARS.saturating_sub(fixed);
    loop {
        let part = if customer.chars().count() <= room {
            customer.clone()
        } else {
            let kept: String = customer.chars().take(room.saturating_sub(1)).collect();
            format!("{}…", kept.trim_end())
        };
        let whole = title_text(&format!("{prefix}{part}{suffix}"));
        let over = whole.chars().count().saturating_sub(MAX_TITLE_CHARS);
        if over == 0 || room == 0 {
            return whole;
        }
        room = room.saturating_sub(over);
    }
}

/// The labels, in order, without repeats or blanks; commas (which would split a label)
/// are removed.
pub(crate) fn labels(request: &SowRequest) -> Vec<String> {
    labels_with(request, &request.issue_settings.labels, true)
}

/// `base`, then the labels of each service type in scope and of each customer flag that is
/// set, then (with `approvals`) those of the approvals the quote needs: in order, without
/// repeats or blanks, commas removed.
pub(crate) fn labels_with(request: &SowRequest, base: &[String], approvals: bool) -> Vec<String> {
    let settings = &request.issue_settings;
    let mut wanted: Vec<String> = base.to_vec();
    for service_type in &request.service_types {
        if let Some(labels) = settings.service_type_labels.get(&service_type.id) {
            wanted.extend(labels.iter().cloned());
        }
    }
    for flag in &settings.customer_flags {
        if request.customer.has_flag(&flag.id) {
            wanted.extend(flag.labels.iter().cloned());
        }
    }
    if approvals {
        wanted.extend(
            request
                .quote
                .approvals
                .iter()
                .filter_map(|a| a.label.clone()),
        );
    }
    let mut labels: Vec<String> = Vec::new();
    for label in wanted {
        let label = label.replace(',', " ").trim().to_string();
        if !label.is_empty() && !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// The totals table of an issue: subtotal, quote discount, total, and the travel estimate
/// (labelled `expenses`) when there is one.
pub(super) fn totals_table(quote: &Quote, expenses: &str) -> Block {
    let currency = quote.currency;
    let mut totals = vec![vec![
        cell("Subtotal"),
        cell(money(currency, Some(quote.subtotal))),
    ]];
    if !quote.discount.percent.is_zero() {
        totals.push(vec![
            cell(format!(
                "Quote discount {}",
                crate::money::percent_text(quote.discount.percent)
            )),
            cell(format!("−{}", money(currency, Some(quote.discount.amount)))),
        ]);
    }
    totals.push(vec![
        bold_cell("Total"),
        bold_cell(money(currency, Some(quote.total))),
    ]);
    if !quote.expenses_estimate.high.is_zero() {
        totals.push(vec![
            cell(expenses),
            cell(money(currency, Some(quote.expenses_estimate))),
        ]);
    }
    Block::Table(vec![Column::left(""), Column::right("Amount")], totals)
}

pub(super) fn yes_no(flag: bool) -> &'static str {
    if flag { "Yes" } else { "No" }
}

fn kind_word(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Firm => "firm",
        LineKind::Range => "range",
        LineKind::Estimate => "estimate (range)",
        LineKind::TimeAndMaterials => "time and materials",
        LineKind::Recurring => "recurring fee, billed monthly",
        LineKind::Custom => "custom estimate needed",
        LineKind::Expense => "expenses, billed at actual cost",
    }
}

/// The issue body: intake, scoping table, quote, approvals, plan, recommendations, catalog.
fn description(request: &SowRequest) -> String {
    let mut blocks: Vec<Block> = Vec::new();
    let quote = &request.quote;
    let currency = quote.currency;

    // Intake.
    blocks.push(heading(2, "Intake"));
    let service_types: Vec<&str> = request
        .service_types
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let intake = if request.intake.complete {
        "Complete: every required question is answered".to_string()
    } else {
        let n = request.intake.missing.len();
        format!(
            "Incomplete: {n} required answer{} still to do",
            if n == 1 { " is" } else { "s are" }
        )
    };
    let mut rows = vec![
        vec![cell("Customer"), cell(&request.customer.name)],
        vec![cell("Requester"), requester_text(request)],
    ];
    rows.extend(flag_rows(request));
    rows.extend([
        vec![cell("Service types"), cell(service_types.join(", "))],
        vec![cell("Paperwork"), cell(&quote.routing.reason)],
        vec![
            cell("Requires custom SOW"),
            cell(yes_no(request.requires_custom_sow)),
        ],
        vec![cell("Intake"), cell(intake)],
        vec![cell("Generated"), cell(&request.generated_at)],
    ]);
    blocks.push(Block::Table(
        vec![Column::left("Field"), Column::left("Value")],
        rows,
    ));
    if !request.scope.notes.trim().is_empty() {
        blocks.push(Block::Paragraph(vec![
            strong("Notes from the account team:"),
            text(format!(" {}", request.scope.notes)),
        ]));
    }

    // Scoping questions.
    blocks.push(heading(2, "Scoping questions"));
    blocks.push(paragraph(
        "Required questions are in bold; to-do marks a response still to get from the customer.",
    ));
    let rows = request
        .questions
        .iter()
        .map(|row| {
            let question = if row.required {
                bold_cell(&row.question)
            } else {
                cell(&row.question)
            };
            vec![
                question,
                cell(row.response.as_deref().unwrap_or("to-do")),
                cell(&row.example),
                cell(&row.why),
            ]
        })
        .collect();
    blocks.push(Block::Table(
        vec![
            Column::left("Question"),
            Column::left("Customer response"),
            Column::left("Example"),
            Column::left("Why we ask"),
        ],
        rows,
    ));

    // Quote.
    blocks.push(heading(2, format!("Quote ({})", quote.currency)));
    if quote.lines.is_empty() {
        blocks.push(paragraph("No offerings are in the scope yet."));
    } else {
        let rows = quote
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                vec![
                    cell((i + 1).to_string()),
                    cell(&*line.sku),
                    cell(&*line.name),
                    cell(line.quantity_label()),
                    cell(money(currency, line.net)),
                    cell(money(currency, line.total)),
                    cell(kind_word(line.kind)),
                ]
            })
            .collect();
        blocks.push(Block::Table(
            vec![
                Column::right("Line"),
                Column::left("SKU"),
                Column::left("Item"),
                Column::right("Quantity"),
                Column::right("Net"),
                Column::right("Total"),
                Column::left("Kind"),
            ],
            rows,
        ));
    }
    blocks.push(totals_table(
        quote,
        "Travel and expenses (estimate, billed at actual cost)",
    ));
    if !quote.missing_answers.is_empty() {
        blocks.push(paragraph(format!(
            "The total is a range until these are answered: {}.",
            quote.missing_answers.join(", ")
        )));
    }
    if quote.custom_estimate_needed {
        blocks.push(paragraph(
            "Some lines have no list price: the total leaves them out until the PS team estimates them.",
        ));
    }
    let notes: Vec<Vec<super::document::Inline>> = request
        .scope
        .items
        .iter()
        .filter(|item| !item.note.trim().is_empty())
        .map(|item| {
            vec![
                strong(format!("{}:", item.sku)),
                text(format!(" {}", item.note)),
            ]
        })
        .collect();
    if !notes.is_empty() {
        blocks.push(heading(3, "Notes on items"));
        blocks.push(Block::Bullets(notes));
    }
    blocks.push(heading(3, "Approvals needed"));
    if request.approvals.is_empty() {
        blocks.push(paragraph("None."));
    } else {
        let items = request
            .approvals
            .iter()
            .map(|a| {
                let label = a
                    .label
                    .as_deref()
                    .map_or(String::new(), |l| format!(" (label {l})"));
                let example = if a.example {
                    " (example threshold)"
                } else {
                    ""
                };
                vec![
                    strong(format!("{}{label}{example}:", a.approver)),
                    text(format!(" {}", a.reason)),
                ]
            })
            .collect();
        blocks.push(Block::Bullets(items));
    }
    if !quote.warnings.is_empty() {
        blocks.push(heading(3, "Warnings"));
        blocks.push(Block::Bullets(quote.warnings.iter().map(cell).collect()));
    }
    let mut out = to_markdown(&blocks, Target::GitLab);

    // The plan, as `scopecraft plan --format markdown` prints it.
    if let Some(plan) = &request.plan {
        out.push('\n');
        out.push_str(&plan.markdown_for(Target::GitLab));
    }

    let mut tail: Vec<Block> = Vec::new();
    if !request.recommendations.is_empty() {
        tail.push(heading(2, "Recommendations"));
        tail.push(Block::Bullets(
            request
                .recommendations
                .iter()
                .map(|r| {
                    let skus = if r.skus.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", r.skus.join(", "))
                    };
                    vec![
                        strong(format!("{}:", decision_word(r.decision))),
                        text(format!(" {}{skus}", r.reason)),
                    ]
                })
                .collect(),
        ));
    }
    tail.push(Block::Rule);
    tail.push(paragraph(format!(
        "Catalog {} {}, sha256 {}. Generated by Scopecraft at {}.",
        request.catalog.id, request.catalog.version, request.catalog.hash, request.generated_at
    )));
    out.push('\n');
    out.push_str(&to_markdown(&tail, Target::GitLab));
    out
}

/// The requester cell: `@username · email` for a GitLab username (the intake validated it,
/// so its `@` is a real mention of the requester, kept as one; a group path is text), and
/// `username · email` as text when the catalog has no username rule.
pub(super) fn requester_text(request: &SowRequest) -> Vec<super::document::Inline> {
    let username = &request.requester.username;
    let email = &request.requester.email;
    let rules = request.issue_settings.requester_username.rules;
    let at = if rules == UsernameRules::Gitlab {
        "@"
    } else {
        ""
    };
    let requester = match (username.trim().is_empty(), email.is_empty()) {
        (false, false) => format!("{at}{username} · {email}"),
        (false, true) => format!("{at}{username}"),
        (true, _) => email.clone(),
    };
    if super::intake::mentionable(rules, username) {
        let rest = requester
            .strip_prefix(&format!("@{username}"))
            .unwrap_or_default();
        vec![
            super::document::Inline::Mention(username.to_string()),
            text(rest),
        ]
    } else {
        cell(requester)
    }
}

/// The intake rows of the catalog's customer flags, each `Yes` or `No` for this customer.
pub(super) fn flag_rows(request: &SowRequest) -> Vec<Vec<Vec<super::document::Inline>>> {
    request
        .issue_settings
        .customer_flags
        .iter()
        .map(|flag| {
            vec![
                cell(&flag.name),
                cell(yes_no(request.customer.has_flag(&flag.id))),
            ]
        })
        .collect()
}

/// Decisions recorded as the scope spells them (for callers that show them).
pub(crate) fn decision_word(decision: RecommendationDecision) -> &'static str {
    match decision {
        RecommendationDecision::Pending => "Pending",
        RecommendationDecision::Accepted => "Accepted",
        RecommendationDecision::Dismissed => "Dismissed",
    }
}

#[cfg(test)]
mod tests;
