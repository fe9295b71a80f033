//! The GitLab issue template for SOW requests filed by hand
//! (`.gitlab/issue_templates/SOW Request.md`), written from the catalog so that a request
//! opened from the template reads like one Scopecraft writes: the same intake table (with
//! the catalog's customer flags), the same scoping-question columns with every response
//! `to-do`, and the quick actions that label the issue with the catalog's base labels and
//! make it confidential.

use super::document::{Block, Column, Target, bold_cell, cell, heading, paragraph, to_markdown};
use super::issue::GitLabIssue;
use crate::catalog::{Catalog, Question, UsernameRules};

/// The issue template's Markdown for `catalog`.
pub fn sow_issue_template(catalog: &Catalog) -> String {
    let settings = catalog.issue_settings();
    let data = catalog.data();
    let mut blocks: Vec<Block> = Vec::new();

    blocks.push(heading(2, "Intake"));
    blocks.push(paragraph(
        "Replace each to-do. Scopecraft (scopecraft sow-request) fills in this template for you, with the quote and the plan.",
    ));
    let requester = match settings.requester_username.rules {
        UsernameRules::Gitlab => "to-do: @username · email",
        UsernameRules::None => "to-do: name · email",
    };
    let service_types: Vec<&str> = data.categories.iter().map(|c| c.name.as_str()).collect();
    let mut rows = vec![
        vec![cell("Customer"), cell("to-do")],
        vec![cell("Requester"), cell(requester)],
    ];
    rows.extend(
        settings
            .customer_flags
            .iter()
            .map(|flag| vec![cell(&flag.name), cell("to-do: Yes or No")]),
    );
    rows.push(vec![
        cell("Service types"),
        cell(format!("to-do: any of {}", service_types.join(", "))),
    ]);
    blocks.push(Block::Table(
        vec![Column::left("Field"), Column::left("Value")],
        rows,
    ));

    blocks.push(heading(2, "Scoping questions"));
    blocks.push(paragraph(
        "Required questions are in bold (some only in the case their row's question says); to-do marks a response still to get from the customer. Answer the sections of the service types in scope.",
    ));
    let general: Vec<&Question> = data
        .questions
        .iter()
        .filter(|q| q.service_types.is_empty())
        .collect();
    if !general.is_empty() {
        blocks.push(heading(3, "Every request"));
        blocks.push(question_table(&general, None));
    }
    for category in &data.categories {
        let asked: Vec<&Question> = data
            .questions
            .iter()
            .filter(|q| q.service_types.contains(&category.id))
            .collect();
        if !asked.is_empty() {
            blocks.push(heading(3, category.name.clone()));
            blocks.push(question_table(&asked, Some(&category.id)));
        }
    }

    let issue = GitLabIssue {
        title: String::new(),
        description: to_markdown(&blocks, Target::GitLab),
        labels: settings.labels.join(","),
        confidential: true,
    };
    issue.description_with_quick_actions()
}

/// The scoping table: question (bold when required for `category`, or for any service type
/// in the general section), `to-do`, example, why.
fn question_table(questions: &[&Question], category: Option<&String>) -> Block {
    let rows = questions
        .iter()
        .map(|q| {
            let required = match category {
                Some(id) => q.required_for.contains(id),
                None => !q.required_for.is_empty(),
            };
            vec![
                if required {
                    bold_cell(&q.text)
                } else {
                    cell(&q.text)
                },
                cell("to-do"),
                cell(&q.example),
                cell(&q.why),
            ]
        })
        .collect();
    Block::Table(
        vec![
            Column::left("Question"),
            Column::left("Customer response"),
            Column::left("Example"),
            Column::left("Why we ask"),
        ],
        rows,
    )
}
