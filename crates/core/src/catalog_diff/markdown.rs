//! A catalog diff as GitLab Markdown, for a merge-request comment: a summary, then one
//! table per kind of change. Catalog text is escaped with [`crate::markdown_cell`].

use std::fmt::Write as _;

use super::{
    CatalogDiff, DiffEntry, EntryChange, FieldChange, ListChanges, PriceChange, PriceKind,
};
use crate::markdown_cell;
use crate::money::group_thousands;

/// Longest title shown in a table, in characters (rule reasons can be paragraphs).
const TITLE_CHARS: usize = 80;

/// Longest old or new value shown beside a field name, in characters.
const VALUE_CHARS: usize = 40;

impl PriceChange {
    /// What the amount belongs to, in words: the SKU, `rate card: engineer`, `travel`.
    pub fn item_text(&self) -> String {
        match (self.kind, &self.key) {
            (PriceKind::Offering, Some(sku)) => sku.clone(),
            (PriceKind::RateCard, Some(role)) => format!("rate card: {role}"),
            _ => "travel".to_string(),
        }
    }

    /// The old amount for people (`USD 5,000.00`), or `—` when it was added.
    pub fn old_text(&self) -> String {
        self.amount_text(self.old)
    }

    /// The new amount for people, or `—` when it was removed.
    pub fn new_text(&self) -> String {
        self.amount_text(self.new)
    }

    fn amount_text(&self, amount: Option<rust_decimal::Decimal>) -> String {
        match amount {
            Some(amount) => format!("{} {}", self.currency, group_thousands(&amount.to_string())),
            None => "—".to_string(),
        }
    }

    /// The change for people: `+10.0%`, `-2.5%`, `added`, `removed`, `from zero`.
    pub fn change_text(&self) -> String {
        match (self.old, self.new, self.change_percent) {
            (None, _, _) => "added".to_string(),
            (_, None, _) => "removed".to_string(),
            (Some(old), Some(new), Some(percent)) => {
                if new > old {
                    format!("+{percent}%")
                } else {
                    format!("{percent}%")
                }
            }
            (Some(_), Some(_), None) => "from zero".to_string(),
        }
    }
}

impl FieldChange {
    /// `old → new` when both sides are short one-line values (text, numbers, yes/no);
    /// `None` for lists, objects and long text, where the field name says enough.
    pub fn values_text(&self) -> Option<String> {
        let short = |value: &Option<serde_json::Value>| -> Option<String> {
            let text = match value {
                None | Some(serde_json::Value::Null) => "(none)".to_string(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Bool(b)) => b.to_string(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                Some(_) => return None,
            };
            (text.chars().count() <= VALUE_CHARS && !text.contains('\n')).then_some(text)
        };
        Some(format!("{} → {}", short(&self.old)?, short(&self.new)?))
    }
}

impl DiffEntry {
    /// The title on one line, cut to 80 characters with an ellipsis.
    pub fn short_title(&self) -> String {
        shorten(&self.title, TITLE_CHARS)
    }
}

impl EntryChange {
    /// The title on one line, cut to 80 characters with an ellipsis.
    pub fn short_title(&self) -> String {
        shorten(&self.title, TITLE_CHARS)
    }
}

/// `text` on one line, cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

impl CatalogDiff {
    /// The diff as GitLab-flavoured Markdown: a `##` heading, the two catalogs, whether any
    /// price changed, then a `###` section with a table for each kind of change.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "## Catalog changes: {} {} → {} {}\n",
            markdown_cell(&self.old.id),
            markdown_cell(&self.old.version),
            markdown_cell(&self.new.id),
            markdown_cell(&self.new.version)
        );
        out.push_str("| | Old | New |\n| --- | --- | --- |\n");
        let _ = writeln!(
            out,
            "| Catalog | {} {} | {} {} |",
            markdown_cell(&self.old.id),
            markdown_cell(&self.old.version),
            markdown_cell(&self.new.id),
            markdown_cell(&self.new.version)
        );
        let _ = writeln!(
            out,
            "| SHA-256 | `{}` | `{}` |\n",
            short_hash(&self.old.hash),
            short_hash(&self.new.hash)
        );
        if self.prices_changed {
            let _ = writeln!(out, "**{}**", self.summary_line());
        } else {
            let _ = writeln!(out, "{}", self.summary_line());
        }
        if self.is_identical() || self.has_no_changes() {
            return out;
        }
        if !self.prices.is_empty() {
            out.push_str("\n### Prices\n\n");
            out.push_str("| Book | Item | Amount | Old | New | Change |\n");
            out.push_str("| --- | --- | --- | ---: | ---: | ---: |\n");
            for price in &self.prices {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    markdown_cell(&price.currency),
                    markdown_cell(&price.item_text()),
                    markdown_cell(&price.label),
                    markdown_cell(&price.old_text()),
                    markdown_cell(&price.new_text()),
                    markdown_cell(&price.change_text())
                );
            }
            if let Some(note) = self.conversion_note() {
                let _ = writeln!(out, "\n{}", crate::markdown_inline(&note));
            }
        }
        for (title, list) in self.lists() {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n### {title}\n");
            if list.added.is_empty() && list.removed.is_empty() && list.changed.is_empty() {
                out.push_str("The entries both catalogs have are in a different order.\n");
                continue;
            }
            out.push_str("| Change | Key | Name | Fields |\n| --- | --- | --- | --- |\n");
            let row = |out: &mut String, change: &str, id: &str, title: &str, fields: &str| {
                let _ = writeln!(
                    out,
                    "| {change} | {} | {} | {fields} |",
                    markdown_cell(id),
                    markdown_cell(title)
                );
            };
            for entry in &list.added {
                row(&mut out, "added", &entry.id, &entry.short_title(), "");
            }
            for entry in &list.removed {
                row(&mut out, "removed", &entry.id, &entry.short_title(), "");
            }
            for change in &list.changed {
                row(
                    &mut out,
                    "changed",
                    &change.id,
                    &change.short_title(),
                    &markdown_fields(change),
                );
            }
            if list.reordered {
                out.push_str("\nThe entries both catalogs have are in a different order.\n");
            }
        }
        if !self.settings.is_empty() {
            out.push_str("\n### Catalog settings\n\n| Field | Change |\n| --- | --- |\n");
            for field in &self.settings {
                let _ = writeln!(
                    out,
                    "| `{}` | {} |",
                    field.field,
                    field
                        .values_text()
                        .map_or_else(|| "changed".to_string(), |v| markdown_cell(&v))
                );
            }
        }
        out
    }

    /// One sentence: no change, or how many prices and other entries changed.
    pub fn summary_line(&self) -> String {
        if self.is_identical() {
            return "The two catalogs are identical.".to_string();
        }
        if self.has_no_changes() {
            return "No entry changed; the catalogs differ only in order or formatting."
                .to_string();
        }
        let count = self.prices.len();
        match (self.prices_changed, count) {
            (false, _) => "No price changed.".to_string(),
            (true, 0) => "Prices changed (see the price books and pricing fields).".to_string(),
            (true, 1) => "1 price changed.".to_string(),
            (true, n) => format!("{n} prices changed."),
        }
    }

    /// For base-currency price changes: which books convert them (their prices follow).
    pub fn conversion_note(&self) -> Option<String> {
        let base_changed = self.prices.iter().any(|p| p.currency == self.base_currency);
        (base_changed && !self.converted_books.is_empty()).then(|| {
            format!(
                "Books with a fixed conversion rate ({}) convert the {} amounts above, except \
                 SKUs they list themselves.",
                self.converted_books.join(", "),
                self.base_currency
            )
        })
    }

    /// The keyed lists with their section titles, in the order they are shown.
    pub fn lists(&self) -> [(&'static str, &ListChanges); 6] {
        [
            ("Price books", &self.price_books),
            ("Offerings", &self.offerings),
            ("Questions", &self.questions),
            ("Recommendation rules", &self.recommendations),
            ("Approval rules", &self.approvals),
            ("Categories", &self.categories),
        ]
    }
}

/// The changed fields of an entry: `` `summary`, `sale` (standard → custom_sow) ``.
fn markdown_fields(change: &EntryChange) -> String {
    change
        .fields
        .iter()
        .map(|field| match field.values_text() {
            Some(values) => format!("`{}` ({})", field.field, markdown_cell(&values)),
            None => format!("`{}`", field.field),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn short_hash(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
