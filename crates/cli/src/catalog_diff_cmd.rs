//! `scopecraft catalog diff OLD NEW`: what changed between two catalogs, as a terminal
//! table, a Markdown merge-request comment or JSON; exit status 3 when a price changed.

use std::process::ExitCode;

use scopecraft::{CatalogDiff, ListChanges, diff_catalogs};

use crate::Failure;
use crate::input;
use crate::table::Table;

/// Exit status when the catalogs differ in any price (0: no price changed).
pub(crate) const PRICES_CHANGED: u8 = 3;

/// What `catalog diff` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DiffFormat {
    /// Plain-text tables for the terminal.
    Table,
    /// GitLab Markdown, for a merge-request comment.
    Markdown,
    /// The `scopecraft.catalog-diff/1` JSON document.
    Json,
}

/// Compares two catalog files (either may be `-`, not both) and prints the diff.
pub(crate) fn diff(old: &str, new: &str, format: DiffFormat) -> Result<ExitCode, Failure> {
    let old_catalog = input::catalog(Some(old))?;
    let new_catalog = input::catalog(Some(new))?;
    let diff = diff_catalogs(&old_catalog, &new_catalog);
    match format {
        DiffFormat::Table => print!("{}", table(&diff)),
        DiffFormat::Markdown => print!("{}", diff.to_markdown()),
        DiffFormat::Json => println!("{}", serde_json::to_string_pretty(&diff)?),
    }
    Ok(if diff.prices_changed {
        ExitCode::from(PRICES_CHANGED)
    } else {
        ExitCode::SUCCESS
    })
}

fn table(diff: &CatalogDiff) -> String {
    let mut out = format!(
        "catalog {} {} → {} {} (sha256 {} → {})\n{}\n",
        diff.old.id,
        diff.old.version,
        diff.new.id,
        diff.new.version,
        diff.old.hash.get(..12).unwrap_or_default(),
        diff.new.hash.get(..12).unwrap_or_default(),
        diff.summary_line()
    );
    if !diff.prices.is_empty() {
        let mut prices = Table::new(&["Book", "Item", "Amount", ">Old", ">New", ">Change"]);
        for price in &diff.prices {
            prices.row(vec![
                price.currency.clone(),
                price.item_text(),
                price.label.clone(),
                price.old_text(),
                price.new_text(),
                price.change_text(),
            ]);
        }
        out.push_str("\nPrices\n");
        out.push_str(&prices.render());
        if let Some(note) = diff.conversion_note() {
            out.push_str(&note);
            out.push('\n');
        }
    }
    for (title, list) in diff.lists() {
        if !list.is_empty() {
            out.push('\n');
            out.push_str(title);
            out.push('\n');
            out.push_str(&list_table(list));
        }
    }
    if !diff.settings.is_empty() {
        let mut settings = Table::new(&["Field", "Change"]);
        for field in &diff.settings {
            settings.row(vec![
                field.field.clone(),
                field.values_text().unwrap_or_else(|| "changed".to_string()),
            ]);
        }
        out.push_str("\nCatalog settings\n");
        out.push_str(&settings.render());
    }
    out
}

fn list_table(list: &ListChanges) -> String {
    const REORDERED: &str = "(the entries both catalogs have are in a different order)\n";
    if list.added.is_empty() && list.removed.is_empty() && list.changed.is_empty() {
        return REORDERED.to_string();
    }
    let mut table = Table::new(&["Change", "Key", "Name", "Fields"]);
    for entry in &list.added {
        table.row(vec![
            "added".into(),
            entry.id.clone(),
            entry.short_title(),
            String::new(),
        ]);
    }
    for entry in &list.removed {
        table.row(vec![
            "removed".into(),
            entry.id.clone(),
            entry.short_title(),
            String::new(),
        ]);
    }
    for change in &list.changed {
        let fields: Vec<String> = change
            .fields
            .iter()
            .map(|field| match field.values_text() {
                Some(values) => format!("{} ({values})", field.field),
                None => field.field.clone(),
            })
            .collect();
        table.row(vec![
            "changed".into(),
            change.id.clone(),
            change.short_title(),
            fields.join(", "),
        ]);
    }
    let mut out = table.render();
    if list.reordered {
        out.push_str(REORDERED);
    }
    out
}
