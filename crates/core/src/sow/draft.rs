//! The SOW draft: the catalog's template (Markdown with placeholders) filled in from a
//! scope, rendered as Markdown or as a self-contained, print-ready HTML page.
//!
//! The template understands a small Markdown subset: `#`–`######` headings, paragraphs
//! (consecutive lines), `- ` bullets, `**bold**` and `---` rules. Placeholders:
//!
//! - inline, anywhere in a line: `{{customer}}`, `{{catalog}}`, `{{currency}}`, `{{total}}`;
//! - block, alone on their line: `{{scope_summary}}`, `{{deliverables}}`, `{{price_table}}`,
//!   `{{assumptions}}`, `{{exclusions}}`, `{{payment_terms}}`, `{{schedule}}`.
//!
//! The template is parsed into the document model and every text — template prose,
//! customer text, catalog text — is escaped by the renderer, so neither output ever passes
//! text through as markup.

use std::fmt;

use super::document::{
    Block, Column, Inline, bold_cell, cell, heading, money, paragraph, strong, text, to_html,
    to_markdown,
};
use crate::catalog::{Catalog, SowSettings};
use crate::condition::{ScopeFacts, service_types};
use crate::field_error::{FieldError, FieldErrors};
use crate::markdown::html_text;
use crate::plan::{Plan, PlanOptions, plan};
use crate::quote::{LineKind, Quote, price};
use crate::recommend::answer_words;
use crate::scope::Scope;
use crate::scoping::{answer_errors, asked_questions};
use crate::template::{BLOCK_PLACEHOLDERS, DOUBLE_BRACES, Piece, Placeholders, sole_placeholder};

/// A SOW draft, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SowDraft {
    title: String,
    blocks: Vec<Block>,
}

/// Why a SOW draft could not be made: every problem, each naming its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SowDraftError {
    /// The problems.
    pub errors: FieldErrors,
}

impl fmt::Display for SowDraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.errors.fmt(f)
    }
}

impl std::error::Error for SowDraftError {}

/// Everything the placeholders are filled from.
struct Context<'a> {
    catalog: &'a Catalog,
    scope: &'a Scope,
    settings: &'a SowSettings,
    quote: Quote,
    plan: Option<Plan>,
}

/// Drafts the SOW for `scope` from the catalog's `[sow]` template. Missing answers are
/// allowed (it is a draft); invalid answers, unpriceable items and a missing customer name
/// are refused.
pub fn sow_draft(catalog: &Catalog, scope: &Scope) -> Result<SowDraft, SowDraftError> {
    let mut errors = FieldErrors::new();
    let settings = catalog.data().sow.as_ref();
    if settings.is_none() {
        errors.push(FieldError::new(
            "",
            format!(
                "catalog {} has no [sow] section, so it has no SOW draft template",
                catalog.data().id
            ),
        ));
    }
    if scope.customer.name.trim().is_empty() {
        errors.push(FieldError::new(
            "customer.name",
            "missing: the customer's name is required for a SOW",
        ));
    }
    errors.extend(answer_errors(catalog, scope));
    let quote = match price(catalog, scope) {
        Ok(quote) => Some(quote),
        Err(error) => {
            errors.extend_after_answer_check(error.errors);
            None
        }
    };
    let (Some(settings), Some(quote), true) = (settings, quote, errors.is_empty()) else {
        return Err(SowDraftError { errors });
    };
    let plan = match catalog.data().plan {
        Some(_) => Some(
            plan(catalog, scope, &PlanOptions::default())
                .map_err(|e| SowDraftError { errors: e.errors })?,
        ),
        None => None,
    };
    let cx = Context {
        catalog,
        scope,
        settings,
        quote,
        plan,
    };
    Ok(SowDraft {
        title: format!("Statement of Work: {}", scope.customer.name.trim()),
        blocks: fill(&cx, &settings.template),
    })
}

impl SowDraft {
    /// `Statement of Work: <customer>`.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The draft as Markdown.
    pub fn to_markdown(&self) -> String {
        to_markdown(&self.blocks, super::document::Target::Document)
    }

    /// The draft as one self-contained HTML page: inline print CSS (page size and margins;
    /// sections that flow on one after the other, never a page each; a heading kept with
    /// what follows it; table rows and list items never split across pages; bordered tables
    /// whose headers repeat), no scripts, no external assets, and a content security policy
    /// that forbids loading any.
    pub fn to_html(&self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>\n{PRINT_CSS}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
            html_text(&self.title),
            to_html(&self.blocks)
        )
    }
}

const PRINT_CSS: &str = "@page { size: auto; margin: 20mm 18mm; }
html { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 2rem; }
h1 { font-size: 20pt; margin: 0 0 1rem; }
h2 { font-size: 15pt; margin: 2rem 0 0.75rem; padding-bottom: 0.2rem; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; margin: 1.25rem 0 0.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; }
th, td { border: 1px solid #777; padding: 4pt 6pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.num { text-align: right; white-space: nowrap; }
hr { border: 0; border-top: 1px solid #999; margin: 2rem 0 1rem; }
@media print {
  body { max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  thead { display: table-header-group; }
  th { background: none; }
}
";

/// Parses the template into blocks, filling in the placeholders.
fn fill(cx: &Context<'_>, template: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut paragraph_lines: Vec<String> = Vec::new();
    let mut bullets: Vec<Vec<Inline>> = Vec::new();
    let flush =
        |blocks: &mut Vec<Block>, lines: &mut Vec<String>, bullets: &mut Vec<Vec<Inline>>| {
            if !lines.is_empty() {
                blocks.push(Block::Paragraph(inline(cx, &lines.join(" "))));
                lines.clear();
            }
            if !bullets.is_empty() {
                blocks.push(Block::Bullets(std::mem::take(bullets)));
            }
        };
    for line in template.lines() {
        let trimmed = line.trim();
        let block_name = sole_placeholder(trimmed, DOUBLE_BRACES)
            .filter(|name| BLOCK_PLACEHOLDERS.contains(name));
        if trimmed.is_empty() {
            flush(&mut blocks, &mut paragraph_lines, &mut bullets);
        } else if let Some(name) = block_name {
            flush(&mut blocks, &mut paragraph_lines, &mut bullets);
            blocks.extend(block(cx, name));
        } else if trimmed == "---" {
            flush(&mut blocks, &mut paragraph_lines, &mut bullets);
            blocks.push(Block::Rule);
        } else if let Some((level, title)) = heading_line(trimmed) {
            flush(&mut blocks, &mut paragraph_lines, &mut bullets);
            blocks.push(Block::Heading(level, inline(cx, title)));
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            if !paragraph_lines.is_empty() {
                flush(&mut blocks, &mut paragraph_lines, &mut bullets);
            }
            bullets.push(inline(cx, item));
        } else {
            if !bullets.is_empty() {
                flush(&mut blocks, &mut paragraph_lines, &mut bullets);
            }
            paragraph_lines.push(trimmed.to_string());
        }
    }
    flush(&mut blocks, &mut paragraph_lines, &mut bullets);
    blocks
}

fn heading_line(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let title = line.get(hashes..)?.strip_prefix(' ')?;
    Some((u8::try_from(hashes).ok()?, title.trim()))
}

/// A line of template text: `**bold**` spans, then inline placeholders in each span (so a
/// customer name containing `**` stays text).
fn inline(cx: &Context<'_>, line: &str) -> Vec<Inline> {
    line.split("**")
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            let filled = placeholders(cx, part);
            if i % 2 == 1 {
                strong(filled)
            } else {
                text(filled)
            }
        })
        .collect()
}

fn placeholders(cx: &Context<'_>, part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for piece in Placeholders::new(part, DOUBLE_BRACES) {
        match piece {
            Piece::Text(text) | Piece::Unclosed(text) => out.push_str(text),
            Piece::Placeholder(name) => out.push_str(&inline_value(cx, name.trim())),
        }
    }
    out
}

fn inline_value(cx: &Context<'_>, name: &str) -> String {
    match name {
        "customer" => cx.scope.customer.name.trim().to_string(),
        "catalog" => {
            let r = cx.catalog.reference();
            format!("{} {} (sha256 {})", r.id, r.version, r.hash)
        }
        "currency" => cx.quote.currency.code().to_string(),
        "total" => money(cx.quote.currency, Some(cx.quote.total)),
        other => format!("{{{{{other}}}}}"),
    }
}

fn block(cx: &Context<'_>, name: &str) -> Vec<Block> {
    match name {
        "scope_summary" => scope_summary(cx),
        "deliverables" => deliverables(cx),
        "price_table" => price_table(cx),
        "assumptions" => terms(
            cx,
            |o| &o.assumptions,
            "Nothing beyond what this SOW states.",
        ),
        "exclusions" => terms(
            cx,
            |o| &o.exclusions,
            "Nothing beyond what this SOW leaves out.",
        ),
        "payment_terms" => payment_terms(cx),
        "schedule" => schedule(cx),
        _ => Vec::new(),
    }
}

/// The chosen offerings, in scope order, once each.
fn offerings<'a>(cx: &Context<'a>) -> Vec<&'a crate::catalog::Offering> {
    let mut out: Vec<&crate::catalog::Offering> = Vec::new();
    for item in &cx.scope.items {
        if let Some(offering) = cx.catalog.offering(&item.sku)
            && !out.iter().any(|o| o.sku == offering.sku)
        {
            out.push(offering);
        }
    }
    out
}

fn scope_summary(cx: &Context<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let names: Vec<String> = service_types(cx.catalog, cx.scope)
        .iter()
        .map(|id| {
            cx.catalog
                .category(id)
                .map_or_else(|| id.clone(), |c| c.name.clone())
        })
        .collect();
    if !names.is_empty() {
        blocks.push(paragraph(format!("Service types: {}.", names.join(", "))));
    }
    let items: Vec<Vec<Inline>> = cx
        .quote
        .lines
        .iter()
        .filter(|line| line.kind != LineKind::Expense)
        .map(|line| {
            let delivery = line
                .delivery
                .map_or(String::new(), |d| format!(", {}", d.label()));
            vec![
                strong(&*line.name),
                text(format!(
                    " ({}): {}{delivery}",
                    line.sku,
                    line.quantity_label()
                )),
            ]
        })
        .collect();
    if items.is_empty() {
        blocks.push(paragraph("No offerings have been chosen yet."));
    } else {
        blocks.push(Block::Bullets(items));
    }
    let facts = ScopeFacts::new(cx.catalog, cx.scope);
    let answered: Vec<Vec<Vec<Inline>>> = asked_questions(cx.catalog, cx.scope)
        .into_iter()
        .filter_map(|q| {
            let answer = facts.answer(&q.id)?;
            Some(vec![
                cell(&q.text),
                cell(answer_words(cx.catalog, &q.id, answer)),
            ])
        })
        .collect();
    if !answered.is_empty() {
        blocks.push(paragraph("What the customer told us during discovery:"));
        blocks.push(Block::Table(
            vec![Column::left("Question"), Column::left("Answer")],
            answered,
        ));
    }
    if !cx.scope.notes.trim().is_empty() {
        blocks.push(Block::Paragraph(vec![
            strong("Notes:"),
            text(format!(" {}", cx.scope.notes)),
        ]));
    }
    blocks
}

fn deliverables(cx: &Context<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    for offering in offerings(cx) {
        blocks.push(heading(3, format!("{} ({})", offering.name, offering.sku)));
        if offering.deliverables.is_empty() {
            blocks.push(paragraph(
                "The deliverables are defined with the customer during kick-off.",
            ));
        } else {
            blocks.push(Block::Bullets(
                offering.deliverables.iter().map(cell).collect(),
            ));
        }
    }
    if blocks.is_empty() {
        blocks.push(paragraph("No offerings have been chosen yet."));
    }
    blocks
}

fn price_table(cx: &Context<'_>) -> Vec<Block> {
    let quote = &cx.quote;
    let mut rows: Vec<Vec<Vec<Inline>>> = quote
        .lines
        .iter()
        .map(|line| {
            let amount = if line.kind == LineKind::Custom {
                "to be estimated".to_string()
            } else {
                money(cx.quote.currency, line.total)
            };
            vec![
                cell(format!("{} ({})", line.name, line.sku)),
                cell(line.quantity_label()),
                cell(line.kind.fee_words()),
                cell(amount),
            ]
        })
        .collect();
    rows.push(vec![
        bold_cell("Total fees"),
        cell(""),
        cell(""),
        bold_cell(money(cx.quote.currency, Some(quote.total))),
    ]);
    let mut blocks = vec![Block::Table(
        vec![
            Column::left("Item"),
            Column::right("Quantity"),
            Column::left("Fee"),
            Column::right("Amount"),
        ],
        rows,
    )];
    if !quote.discount.percent.is_zero() {
        blocks.push(paragraph(format!(
            "The amounts include a discount of {} on the whole order ({}).",
            crate::money::percent_text(quote.discount.percent),
            money(cx.quote.currency, Some(quote.discount.amount))
        )));
    }
    if !quote.expenses_estimate.high.is_zero() {
        blocks.push(paragraph(format!(
            "Travel and expenses are estimated at {} and are not part of the total fees; they are billed at actual cost.",
            money(cx.quote.currency, Some(quote.expenses_estimate))
        )));
    }
    if !quote.missing_answers.is_empty() {
        blocks.push(paragraph(
            "Some amounts are ranges: they narrow once the remaining scoping questions are answered.",
        ));
    }
    if quote.custom_estimate_needed {
        blocks.push(paragraph(
            "Lines marked to be estimated are priced by the professional-services team before this SOW is final.",
        ));
    }
    blocks
}

/// Assumptions or exclusions of every chosen offering, each once, with the SKUs it
/// belongs to.
fn terms(
    cx: &Context<'_>,
    pick: impl Fn(&crate::catalog::Offering) -> &Vec<String>,
    none: &str,
) -> Vec<Block> {
    let mut entries: Vec<(String, Vec<String>)> = Vec::new();
    for offering in offerings(cx) {
        for term in pick(offering) {
            match entries.iter_mut().find(|(t, _)| t == term) {
                Some((_, skus)) => skus.push(offering.sku.clone()),
                None => entries.push((term.clone(), vec![offering.sku.clone()])),
            }
        }
    }
    if entries.is_empty() {
        return vec![paragraph(none)];
    }
    vec![Block::Bullets(
        entries
            .into_iter()
            .map(|(term, skus)| cell(format!("{term} ({})", skus.join(", "))))
            .collect(),
    )]
}

fn payment_terms(cx: &Context<'_>) -> Vec<Block> {
    let terms = &cx.settings.payment_terms;
    let mut fixed = false;
    let mut hourly = false;
    let mut recurring = false;
    // The terms follow each line's kind: fixed fees are prepaid; estimate ranges, custom
    // estimates and time-and-materials lines are custom work, billed as delivered unless
    // the SOW agrees a fixed fee.
    for line in &cx.quote.lines {
        match line.kind {
            LineKind::Firm | LineKind::Range => fixed = true,
            LineKind::Estimate | LineKind::TimeAndMaterials | LineKind::Custom => hourly = true,
            LineKind::Recurring => recurring = true,
            LineKind::Expense => {}
        }
    }
    let expenses = !cx.quote.expenses_estimate.high.is_zero();
    let all = !fixed && !hourly && !expenses && !recurring;
    let mut items = Vec::new();
    if fixed || all {
        items.push(vec![
            strong("Fixed fees:"),
            text(format!(" {}", terms.fixed_fee)),
        ]);
    }
    if hourly || all {
        items.push(vec![
            strong("Time and materials:"),
            text(format!(" {}", terms.time_and_materials)),
        ]);
    }
    // Lint requires the recurring paragraph once an offering is recurring.
    if let Some(paragraph) = terms.recurring.as_ref().filter(|_| recurring || all) {
        items.push(vec![
            strong("Recurring fees:"),
            text(format!(" {paragraph}")),
        ]);
    }
    if expenses || all {
        items.push(vec![
            strong("Travel and expenses:"),
            text(format!(" {}", terms.expenses)),
        ]);
    }
    vec![Block::Bullets(items)]
}

fn schedule(cx: &Context<'_>) -> Vec<Block> {
    let Some(plan) = &cx.plan else {
        return vec![paragraph(
            "The schedule is agreed at kick-off, after this SOW is signed and the purchase order is received.",
        )];
    };
    let mut blocks = vec![paragraph(format!(
        "Kick-off is planned {} weeks after this SOW is signed and the purchase order is received. Week 1 is the week of kick-off.",
        plan.lead_time_weeks.span()
    ))];
    let rows = plan
        .phases
        .iter()
        .map(|phase| {
            let delivers = phase.delivers(|i| format!("{} ({})", i.name, i.sku), "\n");
            vec![
                cell(plan.phase_label(phase)),
                cell(&phase.when),
                cell(phase.weeks.span()),
                cell(delivers),
            ]
        })
        .collect();
    blocks.push(Block::Table(
        vec![
            Column::left("Phase"),
            Column::left("When"),
            Column::right("Weeks"),
            Column::left("Delivers"),
        ],
        rows,
    ));
    blocks.push(paragraph(format!(
        "In all, about {} weeks from kick-off to hand-off.",
        plan.total_weeks.span()
    )));
    if let Some(waves) = &plan.migration_waves {
        blocks.push(paragraph(&waves.explanation));
    }
    if !plan.alongside.is_empty() {
        let items: Vec<String> = plan
            .alongside
            .iter()
            .map(|i| format!("{} ({})", i.name, i.sku))
            .collect();
        blocks.push(paragraph(format!(
            "Delivered alongside the phases, as needed: {}.",
            items.join(", ")
        )));
    }
    blocks
}
