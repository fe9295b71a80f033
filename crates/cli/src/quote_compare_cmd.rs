//! `scopecraft quote FILE --compare-with OLD_CATALOG`: the scope (or the scope inside a saved
//! SOW request) priced with the old catalog and with the current one, each line old and new
//! with the reason it moved, the approvals now needed or no longer needed, and the change in
//! total — as a table, GitLab Markdown or the `scopecraft.quote-comparison/1` JSON document.

use scopecraft::{
    CatalogRef, Currency, LineChange, LineComparison, PriceRange, QuoteComparison, QuoteOptions,
    SowRequest, compare_quotes, markdown_cell, markdown_inline, percent_text, quoted_prices,
    reprice,
};

use crate::Failure;
use crate::input::{self, display_name};
use crate::quote_cmd::{parse_date, refused};
use crate::table::Table;

/// What `quote` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum QuoteFormat {
    /// Plain-text tables for the terminal.
    Table,
    /// GitLab Markdown (with --compare-with), e.g. for an issue or merge-request comment.
    Markdown,
    /// JSON: the quote, or with --compare-with the comparison.
    Json,
}

/// Prices `file` with `old_path` and with the current catalog and prints what changed.
pub(crate) fn compare(
    file: &str,
    catalog_path: Option<&str>,
    old_path: &str,
    format: QuoteFormat,
    as_of: Option<&str>,
) -> Result<(), Failure> {
    let options = QuoteOptions {
        as_of: parse_date("--as-of", as_of)?,
    };
    let old_catalog = input::catalog(Some(old_path))?;
    let catalog = input::catalog(catalog_path)?;
    let name = display_name(file);
    let (scope, customer, recorded) = read_scope_or_request(file)?;
    if let Some(recorded) = recorded
        && recorded.hash != old_catalog.hash()
    {
        let old = old_catalog.reference();
        eprintln!(
            "warning: {name} was priced with catalog {} {} (sha256 {}); --compare-with is {} {} (sha256 {})",
            recorded.id,
            recorded.version,
            short(&recorded.hash),
            old.id,
            old.version,
            short(&old.hash)
        );
    }
    let before = reprice(&old_catalog, &scope, &options).map_err(|e| {
        refused(
            &name,
            &format!("scope priced with {}", display_name(old_path)),
            &e.errors,
        )
    })?;
    let after =
        reprice(&catalog, &scope, &options).map_err(|e| refused(&name, "scope", &e.errors))?;
    let comparison = compare_quotes(
        &quoted_prices(&before.quote),
        Some(&before.quote.catalog),
        &after,
    );
    match format {
        QuoteFormat::Table => print!("{}", table(&comparison, &customer)),
        QuoteFormat::Markdown => print!("{}", markdown(&comparison, &customer)),
        QuoteFormat::Json => println!("{}", serde_json::to_string_pretty(&comparison)?),
    }
    Ok(())
}

/// The scope in a scope file, or in a saved SOW request (`"schema":
/// "scopecraft.sow-request/1"`) with the catalog the request was priced with.
fn read_scope_or_request(
    path: &str,
) -> Result<(scopecraft::Scope, String, Option<CatalogRef>), Failure> {
    let name = display_name(path);
    let text = input::read_text(path)?;
    let is_request = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .is_some_and(|v| v.get("schema").is_some());
    if is_request {
        let request =
            SowRequest::from_json(&text).map_err(|e| refused(&name, "SOW request", &e.errors))?;
        let customer = request.scope.customer.name.clone();
        return Ok((request.scope, customer, Some(request.catalog)));
    }
    let scope =
        scopecraft::Scope::from_json(&text).map_err(|e| refused(&name, "scope", &e.errors))?;
    let customer = scope.customer.name.clone();
    Ok((scope, customer, None))
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

fn catalog_label(catalog: &CatalogRef) -> String {
    format!(
        "{} {} (sha256 {})",
        catalog.id,
        catalog.version,
        short(&catalog.hash)
    )
}

fn money(amount: Option<PriceRange>, currency: Currency) -> String {
    amount.map_or("—".to_string(), |a| a.display(currency))
}

/// The reason column: the reason in words, with the unit prices when they moved.
fn reason(line: &LineComparison, before: Currency, after: Currency) -> String {
    match (line.change, line.unit_before, line.unit_after) {
        (LineChange::PriceChanged, Some(old), Some(new)) => format!(
            "{}: unit {} → {}",
            line.change.words(),
            before.display(old),
            after.display(new)
        ),
        _ => line.change.words().to_string(),
    }
}

fn total_line(comparison: &QuoteComparison) -> String {
    let before = comparison.total_before.display(comparison.before_currency);
    let after = comparison.total_after.display(comparison.currency);
    match comparison.total_change {
        Some(change) => {
            let percent = comparison.total_change_percent.map_or(String::new(), |p| {
                let sign = if p.is_sign_positive() && !p.is_zero() {
                    "+"
                } else {
                    ""
                };
                format!(", {sign}{}", percent_text(p))
            });
            format!(
                "{before} → {after} ({}{percent})",
                change.display_change(comparison.currency)
            )
        }
        None => format!("{before} → {after} (another currency)"),
    }
}

fn heading(comparison: &QuoteComparison, customer: &str) -> String {
    let customer = if customer.is_empty() {
        String::new()
    } else {
        format!(" for {customer}")
    };
    let before = comparison
        .before_catalog
        .as_ref()
        .map_or("the old catalog".to_string(), catalog_label);
    format!(
        "Quote{customer} re-priced: catalog {before} → {}, in {}",
        catalog_label(&comparison.after_catalog),
        comparison.currency
    )
}

fn table(comparison: &QuoteComparison, customer: &str) -> String {
    let mut out = format!("{}\n\n", heading(comparison, customer));
    let mut lines = Table::new(&["#", "SKU", "Item", ">Before", ">After", ">Change", "Reason"]);
    for line in &comparison.lines {
        lines.row(vec![
            (line.item + 1).to_string(),
            line.sku.clone(),
            line.name.clone(),
            money(line.before, comparison.before_currency),
            money(line.after, comparison.currency),
            line.difference
                .map_or("—".to_string(), |d| d.display_change(comparison.currency)),
            reason(line, comparison.before_currency, comparison.currency),
        ]);
    }
    out.push_str(&lines.render());
    out.push_str(&format!("\nTotal: {}\n", total_line(comparison)));
    if !comparison.approvals_added.is_empty() {
        out.push_str("\nApprovals now needed (a rule applies that did not before):\n");
        for approval in &comparison.approvals_added {
            out.push_str(&format!("  - {}: {}\n", approval.approver, approval.reason));
        }
    }
    if !comparison.approvals_removed.is_empty() {
        out.push_str("\nApprovals no longer needed:\n");
        for approval in &comparison.approvals_removed {
            out.push_str(&format!("  - {} ({})\n", approval.approver, approval.rule));
        }
    }
    if !comparison.changed() {
        out.push_str("\nNothing changed for this scope.\n");
    }
    out
}

fn markdown(comparison: &QuoteComparison, customer: &str) -> String {
    let mut out = format!(
        "### {}\n\n",
        markdown_inline(&heading(comparison, customer))
    );
    out.push_str("| # | SKU | Item | Before | After | Change | Reason |\n");
    out.push_str("| ---: | --- | --- | ---: | ---: | ---: | --- |\n");
    for line in &comparison.lines {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            line.item + 1,
            markdown_cell(&line.sku),
            markdown_cell(&line.name),
            money(line.before, comparison.before_currency),
            money(line.after, comparison.currency),
            line.difference
                .map_or("—".to_string(), |d| d.display_change(comparison.currency)),
            markdown_cell(&reason(
                line,
                comparison.before_currency,
                comparison.currency
            )),
        ));
    }
    out.push_str(&format!("\n**Total:** {}\n", total_line(comparison)));
    if !comparison.approvals_added.is_empty() {
        out.push_str("\n**Approvals now needed:**\n\n");
        for approval in &comparison.approvals_added {
            out.push_str(&format!(
                "- {}: {}\n",
                markdown_cell(&approval.approver),
                markdown_cell(&approval.reason)
            ));
        }
    }
    if !comparison.approvals_removed.is_empty() {
        out.push_str("\n**Approvals no longer needed:**\n\n");
        for approval in &comparison.approvals_removed {
            out.push_str(&format!("- {}\n", markdown_cell(&approval.approver)));
        }
    }
    out
}
