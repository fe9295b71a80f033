//! Markdown for GitLab, in one place: every piece of customer or catalog text that goes into
//! a SOW-request issue, a SOW draft or a plan passes through [`markdown_cell`] or
//! [`markdown_inline`].
//!
//! What is neutralised, and why:
//!
//! - **Markdown structure**: `\`, `` ` ``, `*`, `_`, `[`, `]`, `|`, `~`, `$` get a backslash,
//!   so an answer cannot open a code span, emphasis, a link, a table column, strikethrough or
//!   math. A line-leading `#`, `-`, `+`, `=`, `>` or `1.` cannot start a heading, list or
//!   quote.
//! - **HTML**: `<`, `>` and `&` become entities, so `<script>` is shown, never parsed.
//! - **Newlines** become a `<br>` that this module writes itself, so a multi-line answer
//!   stays inside its table cell or list item and can never start a new block.
//! - **GitLab references**: GitLab links (and for `@` notifies) `@user`, `@all`, `#123`,
//!   `!123`, `~label`, `%milestone`, `$snippet`, `&epic`, `*iteration:`, `[vulnerability:`
//!   and `^alert#` *after* rendering, on the text itself, so a backslash is not enough. A
//!   zero-width space (U+200B) after the sigil breaks the reference while the text reads the
//!   same. An `@` inside a word (an email address) is not a mention and is left alone.
//! - **Quick actions**: GitLab runs `/close`, `/label` … at the start of a description line.
//!   Customer text never starts a line (newlines are `<br>`), and a leading `/` is escaped as
//!   well.

/// Zero-width space: breaks a GitLab reference without changing how the text reads.
const ZWSP: char = '\u{200B}';

/// Characters after which GitLab looks for a reference.
const SIGILS: [char; 10] = ['@', '#', '!', '~', '%', '$', '&', '*', '[', '^'];

/// Text for a Markdown table cell: Markdown, HTML and GitLab references neutralised, a `|`
/// never ends the cell, newlines as `<br>`. A cell never starts a line, so line-start
/// markers (`# `, `- `, `1. `) are left as they are.
pub fn markdown_cell(text: &str) -> String {
    escape(text, false)
}

/// Text that starts a Markdown line (a paragraph or list item): everything
/// [`markdown_cell`] does, and a leading `#`, `-`, `+`, `=`, `/` or `1.` is escaped so it
/// cannot start a heading, a list or a quick action.
pub fn markdown_inline(text: &str) -> String {
    escape(text, true)
}

/// Text inside a line that something else starts (a heading after its `#`, a run after
/// bold text).
pub(crate) fn markdown_in_line(text: &str) -> String {
    escape(text, false)
}

/// A GitLab issue title: one line (whitespace collapsed) with references broken. Titles are
/// shown as plain text in lists and emails, so no backslashes or entities are added.
pub(crate) fn title_text(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = one_line.chars().collect();
    let mut out = String::with_capacity(one_line.len());
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        if breaks_reference(&chars, i) {
            out.push(ZWSP);
        }
    }
    out
}

/// Whether the character at `i` is a reference sigil that something follows.
fn breaks_reference(chars: &[char], i: usize) -> bool {
    let Some(&c) = chars.get(i) else {
        return false;
    };
    if !SIGILS.contains(&c) {
        return false;
    }
    let next_is_text = chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
    let after_word = i
        .checked_sub(1)
        .and_then(|p| chars.get(p))
        .is_some_and(|p| p.is_alphanumeric() || *p == '_');
    next_is_text && !(c == '@' && after_word)
}

fn escape(text: &str, line_start: bool) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let chars: Vec<char> = normalised.trim().chars().collect();
    let mut out = String::with_capacity(chars.len() + 16);
    // A run of digits at the very start, for `1.` / `1)` list markers.
    let leading_digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\n' => out.push_str("<br>"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' | '/' if line_start && i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')'
                if line_start
                    && i > 0
                    && i == leading_digits
                    && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) =>
            {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(' '),
            _ => out.push(c),
        }
        if breaks_reference(&chars, i) {
            out.push(ZWSP);
        }
    }
    out
}

/// Text for HTML element content: `&`, `<`, `>`, `"` and `'` as entities, newlines as `<br>`.
pub(crate) fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(markdown_cell("Acme Corp"), "Acme Corp");
        assert_eq!(markdown_inline("99.5% uptime"), "99.5% uptime");
        assert_eq!(markdown_cell("jdoe@example.com"), "jdoe@example.com");
    }

    #[test]
    fn table_structure_cannot_break() {
        let hostile = "a | b\n| --- |\nc";
        let cell = markdown_cell(hostile);
        assert!(!cell.contains('\n'), "{cell}");
        assert_eq!(cell, "a \\| b<br>\\| --- \\|<br>c");
        assert_eq!(cell.matches('|').count(), cell.matches("\\|").count());
    }

    #[test]
    fn html_is_shown_not_parsed() {
        assert_eq!(
            markdown_cell("<script>alert(1)</script> & co"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
    }

    #[test]
    fn code_emphasis_and_links_are_escaped() {
        assert_eq!(markdown_inline("`rm -rf`"), "\\`rm -rf\\`");
        assert_eq!(
            markdown_inline("**bold** _it_"),
            format!("\\*{ZWSP}\\*{ZWSP}bold\\*{ZWSP}\\* \\_it\\_")
        );
        assert_eq!(
            markdown_inline("[x](javascript:alert(1))"),
            format!("\\[{ZWSP}x\\](javascript:alert(1))")
        );
        assert_eq!(markdown_inline("C:\\path"), "C:\\\\path");
    }

    #[test]
    fn line_starts_cannot_become_blocks() {
        assert_eq!(markdown_inline("# Title"), "\\# Title");
        assert_eq!(markdown_inline("- item"), "\\- item");
        assert_eq!(markdown_inline("12. item"), "12\\. item");
        assert_eq!(markdown_inline("> quote"), "&gt; quote");
        assert_eq!(markdown_inline("/close"), "\\/close");
        assert_eq!(
            markdown_inline("ok\n/label ~x"),
            format!("ok<br>/label \\~{ZWSP}x")
        );
        // Not at the start: left alone.
        assert_eq!(markdown_inline("a - b / c"), "a - b / c");
        // In a cell or mid-line they cannot start a block either.
        assert_eq!(markdown_cell("# 1. /close"), format!("# 1. /close"));
        assert_eq!(markdown_in_line("1. Scope"), "1. Scope");
    }

    #[test]
    fn gitlab_references_are_broken() {
        assert_eq!(markdown_inline("@all"), format!("@{ZWSP}all"));
        assert_eq!(markdown_inline("see #123"), format!("see #{ZWSP}123"));
        assert_eq!(markdown_inline("!45"), format!("!{ZWSP}45"));
        assert_eq!(markdown_inline("~bug"), format!("\\~{ZWSP}bug"));
        assert_eq!(markdown_inline("%\"v1\""), format!("%{ZWSP}\"v1\""));
        assert_eq!(markdown_inline("$9"), format!("\\${ZWSP}9"));
        assert_eq!(markdown_inline("&7"), format!("&amp;{ZWSP}7"));
        // A lone sigil, or one before a space, links nothing.
        assert_eq!(markdown_inline("C# and 50 %"), "C# and 50 %");
    }

    #[test]
    fn titles_are_one_line_without_references() {
        assert_eq!(
            title_text("  Acme\n Corp @all  #1 "),
            format!("Acme Corp @{ZWSP}all #{ZWSP}1")
        );
        assert_eq!(title_text("A | B `c`"), "A | B `c`");
    }

    #[test]
    fn html_text_escapes_everything() {
        assert_eq!(
            html_text("<b a=\"1\">'x' & y</b>\nz"),
            "&lt;b a=&quot;1&quot;&gt;&#39;x&#39; &amp; y&lt;/b&gt;<br>z"
        );
    }
}
