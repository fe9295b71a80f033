//! A small document model — headings, paragraphs, bullet lists, tables, bold — rendered to
//! Markdown (escaped by [`crate::markdown`]) or to HTML (every text escaped as text).
//!
//! Nothing is ever passed through as raw HTML: the HTML renderer only writes the tags of
//! this model, so customer or catalog text can never become markup in either output.

pub(crate) use crate::markdown::Target;
use crate::markdown::{html_text, markdown_for};
use crate::money::{Currency, PriceRange};

/// A run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline {
    /// Plain text.
    Text(String),
    /// Bold text.
    Strong(String),
    /// A GitLab mention of a username the caller has validated (`@jdoe`): the one text that
    /// is not neutralised, because it is meant to reach that person.
    Mention(String),
    /// Text this crate wrote itself that must reach the reader byte for byte (a link it
    /// built): written as it is, never escaped. Never customer or catalog text.
    Verbatim(String),
    /// A code span of text without backticks (a share code), shown exactly as written.
    Code(String),
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub(crate) title: String,
    /// Right-aligned (amounts, quantities).
    pub(crate) right: bool,
}

impl Column {
    pub(crate) fn left(title: &str) -> Column {
        Column {
            title: title.to_string(),
            right: false,
        }
    }

    pub(crate) fn right(title: &str) -> Column {
        Column {
            title: title.to_string(),
            right: true,
        }
    }
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// `#` to `######`.
    Heading(u8, Vec<Inline>),
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bullet list, one entry per item.
    Bullets(Vec<Vec<Inline>>),
    /// A table: columns, then rows of cells.
    Table(Vec<Column>, Vec<Vec<Vec<Inline>>>),
    /// A thematic break.
    Rule,
}

/// Plain text.
pub(crate) fn text(t: impl Into<String>) -> Inline {
    Inline::Text(t.into())
}

/// Bold text.
pub(crate) fn strong(t: impl Into<String>) -> Inline {
    Inline::Strong(t.into())
}

/// A paragraph of one plain text.
pub(crate) fn paragraph(t: impl Into<String>) -> Block {
    Block::Paragraph(vec![text(t)])
}

/// A heading of one plain text.
pub(crate) fn heading(level: u8, t: impl Into<String>) -> Block {
    Block::Heading(level, vec![text(t)])
}

/// A cell of one plain text.
pub(crate) fn cell(t: impl Into<String>) -> Vec<Inline> {
    vec![text(t)]
}

/// A cell of bold text.
pub(crate) fn bold_cell(t: impl Into<String>) -> Vec<Inline> {
    vec![strong(t)]
}

/// Where a run of inlines is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// At the start of a line: a paragraph or a list item.
    LineStart,
    /// After a heading's `#`.
    Heading,
    /// In a table cell.
    Cell,
}

fn inlines_markdown(inlines: &[Inline], place: Place, target: Target) -> String {
    let mut out = String::new();
    for inline in inlines {
        let line_start = place == Place::LineStart && out.is_empty();
        let escape = |t: &str| markdown_for(t, line_start, target);
        match inline {
            Inline::Text(t) => {
                // Escaping trims each run; keep the spaces between runs.
                let lead = t.starts_with(' ') && !out.is_empty();
                let trail = t.ends_with(' ');
                if lead {
                    out.push(' ');
                }
                out.push_str(&escape(t));
                if trail && !t.trim().is_empty() {
                    out.push(' ');
                }
            }
            Inline::Strong(t) if !t.trim().is_empty() => {
                out.push_str("**");
                out.push_str(&escape(t));
                out.push_str("**");
            }
            Inline::Strong(_) => {}
            Inline::Mention(username) => {
                out.push('@');
                out.push_str(&username.replace('_', "\\_"));
            }
            Inline::Verbatim(t) => out.push_str(t),
            Inline::Code(t) => {
                out.push('`');
                out.push_str(&t.replace('`', ""));
                out.push('`');
            }
        }
    }
    out.trim_end().to_string()
}

fn inlines_html(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(&html_text(t)),
            Inline::Strong(t) => {
                out.push_str("<strong>");
                out.push_str(&html_text(t));
                out.push_str("</strong>");
            }
            Inline::Mention(username) => out.push_str(&html_text(&format!("@{username}"))),
            Inline::Verbatim(t) => out.push_str(&html_text(t)),
            Inline::Code(t) => {
                out.push_str("<code>");
                out.push_str(&html_text(t));
                out.push_str("</code>");
            }
        }
    }
    out
}

/// The blocks as Markdown for `target`, separated by blank lines, ending in a newline.
pub(crate) fn to_markdown(blocks: &[Block], target: Target) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let part = match block {
            Block::Heading(level, inlines) => format!(
                "{} {}",
                "#".repeat(usize::from((*level).clamp(1, 6))),
                inlines_markdown(inlines, Place::Heading, target)
            ),
            Block::Paragraph(inlines) => inlines_markdown(inlines, Place::LineStart, target),
            Block::Bullets(items) => items
                .iter()
                .map(|item| format!("- {}", inlines_markdown(item, Place::LineStart, target)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table(columns, rows) => {
                let mut lines = Vec::with_capacity(rows.len() + 2);
                let titles: Vec<String> = columns
                    .iter()
                    .map(|c| markdown_for(&c.title, false, target))
                    .collect();
                lines.push(format!("| {} |", titles.join(" | ")));
                let rules: Vec<&str> = columns
                    .iter()
                    .map(|c| if c.right { "---:" } else { "---" })
                    .collect();
                lines.push(format!("| {} |", rules.join(" | ")));
                for row in rows {
                    let cells: Vec<String> = (0..columns.len())
                        .map(|i| {
                            row.get(i)
                                .map_or(String::new(), |c| inlines_markdown(c, Place::Cell, target))
                        })
                        .collect();
                    lines.push(format!("| {} |", cells.join(" | ")));
                }
                lines.join("\n")
            }
            Block::Rule => "---".to_string(),
        };
        if !part.is_empty() {
            parts.push(part);
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// The blocks as HTML elements. `h2` headings get the class `section` (a print page break
/// before each, except the first).
pub(crate) fn to_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut sections = 0usize;
    for block in blocks {
        match block {
            Block::Heading(level, inlines) => {
                let level = (*level).clamp(1, 6);
                let class = if level == 2 {
                    sections += 1;
                    if sections == 1 {
                        " class=\"section first\""
                    } else {
                        " class=\"section\""
                    }
                } else {
                    ""
                };
                out.push_str(&format!(
                    "<h{level}{class}>{}</h{level}>\n",
                    inlines_html(inlines)
                ));
            }
            Block::Paragraph(inlines) => {
                out.push_str(&format!("<p>{}</p>\n", inlines_html(inlines)));
            }
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", inlines_html(item)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(columns, rows) => {
                let class = |c: Option<&Column>| {
                    if c.is_some_and(|c| c.right) {
                        " class=\"num\""
                    } else {
                        ""
                    }
                };
                out.push_str("<table>\n<thead>\n<tr>");
                for column in columns {
                    out.push_str(&format!(
                        "<th{}>{}</th>",
                        class(Some(column)),
                        html_text(&column.title)
                    ));
                }
                out.push_str("</tr>\n</thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (i, column) in columns.iter().enumerate() {
                        let content = row.get(i).map_or(String::new(), |c| inlines_html(c));
                        out.push_str(&format!("<td{}>{content}</td>", class(Some(column))));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
        }
    }
    out
}

/// An amount as a table cell shows it: `USD 17,000.00`, a range, or `—` when there is none.
pub(super) fn money(currency: Currency, range: Option<PriceRange>) -> String {
    range.map_or_else(|| "—".to_string(), |range| range.display(currency))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Block> {
        vec![
            heading(1, "SOW for <Acme>"),
            Block::Paragraph(vec![text("Total: "), strong("USD 5,000.00"), text(" due.")]),
            Block::Bullets(vec![cell("one"), cell("two | three")]),
            Block::Table(
                vec![Column::left("Item"), Column::right("Amount")],
                vec![
                    vec![cell("a\nb"), cell("1")],
                    vec![bold_cell("Total"), bold_cell("1")],
                ],
            ),
            Block::Rule,
        ]
    }

    #[test]
    fn renders_markdown() {
        assert_eq!(
            to_markdown(&sample(), Target::Document),
            "# SOW for &lt;Acme&gt;\n\nTotal: **USD 5,000.00** due.\n\n- one\n- two \\| three\n\n| Item | Amount |\n| --- | ---: |\n| a<br>b | 1 |\n| **Total** | **1** |\n\n---\n"
        );
    }

    #[test]
    fn renders_html_with_every_text_escaped() {
        let html = to_html(&sample());
        assert!(
            html.starts_with("<h1>SOW for &lt;Acme&gt;</h1>\n"),
            "{html}"
        );
        assert!(html.contains("<p>Total: <strong>USD 5,000.00</strong> due.</p>"));
        assert!(html.contains("<th class=\"num\">Amount</th>"));
        assert!(html.contains("<td>a<br>b</td><td class=\"num\">1</td>"));
        assert!(html.contains("<li>two | three</li>"));
        assert!(!html.contains("<Acme>"));
    }
}
