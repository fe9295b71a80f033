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
//!   `!123`, `~label`, `%milestone`, `$123`, `&123`, `^alert#1`, `*iteration:`,
//!   `[vulnerability:1]` and `:emoji:` in the rendered text. Where GitLab honours a
//!   backslash escape (`\@ \# \! \$ \& \~ \% \^`) the sigil gets one; for `*iteration:`,
//!   `[vulnerability:` and `:emoji:`, which it does not, a word joiner (U+2060) after the
//!   sigil breaks the reference in GitLab text, only there, and never in customer documents
//!   (SOW draft, plan). GitLab's reference boundary is ASCII: `Café@all` mentions everyone,
//!   `jdoe@example.com` mentions no one.
//! - **URLs and e-mail addresses** (`https://…`, `www.…`, `a@b.com`) are written exactly as
//!   given: GitLab links them and never looks for references inside a link.
//! - **Quick actions**: GitLab runs `/close`, `/label` … at the start of a description line.
//!   Customer text never starts a line (newlines are `<br>`), and a leading `/` is escaped as
//!   well.

/// Word joiner: breaks a GitLab reference without changing how the text reads or wraps.
const WORD_JOINER: char = '\u{2060}';

/// Who reads the Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A GitLab issue or note: references are broken, with invisible characters if need be.
    GitLab,
    /// A customer document (SOW draft, plan): backslash escapes only.
    Document,
}

/// Text for a Markdown table cell in GitLab: Markdown, HTML and GitLab references
/// neutralised, a `|` never ends the cell, newlines as `<br>`. A cell never starts a line,
/// so line-start markers (`# `, `- `, `1. `) are left as they are.
pub fn markdown_cell(text: &str) -> String {
    escape(text, false, Target::GitLab)
}

/// Text that starts a Markdown line (a paragraph or list item) in GitLab: everything
/// [`markdown_cell`] does, and a leading `#`, `-`, `+`, `=`, `/` or `1.` is escaped so it
/// cannot start a heading, a list or a quick action.
pub fn markdown_inline(text: &str) -> String {
    escape(text, true, Target::GitLab)
}

/// [`markdown_cell`] (`line_start` false) or [`markdown_inline`] (true) for `target`.
pub(crate) fn markdown_for(text: &str, line_start: bool, target: Target) -> String {
    escape(text, line_start, target)
}

/// A GitLab issue title: one line (whitespace collapsed), bidirectional controls removed,
/// references broken with a word joiner. Titles are shown as plain text in lists and
/// e-mails, so no backslashes or entities are added; URLs and e-mail addresses are kept.
pub(crate) fn title_text(text: &str) -> String {
    let one_line = text
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let chars: Vec<char> = one_line.chars().collect();
    let mut out = String::with_capacity(one_line.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if let Some(end) = autolink_end(&chars, i) {
            out.extend(chars.get(i..end).unwrap_or_default());
            i = end;
            continue;
        }
        out.push(c);
        if forms_reference(&chars, i) {
            out.push(WORD_JOINER);
        }
        i += 1;
    }
    out
}

/// U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn ascii_word(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
}

/// Whether the character at `i` starts a GitLab reference with what follows it.
fn forms_reference(chars: &[char], i: usize) -> bool {
    let Some(&c) = chars.get(i) else {
        return false;
    };
    let next = chars.get(i + 1);
    let prev = i.checked_sub(1).and_then(|p| chars.get(p));
    let rest = || chars.get(i + 1..).unwrap_or_default();
    let digit = next.is_some_and(char::is_ascii_digit);
    match c {
        '@' => ascii_word(next) && !ascii_word(prev),
        '#' | '!' | '$' | '&' => digit,
        '~' | '%' => next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '_' | '"')),
        '^' => next.is_some_and(char::is_ascii_alphabetic),
        '*' => {
            let word: String = rest().iter().take(10).collect();
            word.eq_ignore_ascii_case("iteration:")
        }
        '[' => named_then_colon(rest(), |c| c.is_ascii_alphabetic() || c == '_'),
        ':' => {
            !prev.is_some_and(|p| p.is_ascii_alphanumeric() || *p == ':')
                && named_then_colon(rest(), |c| {
                    c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-')
                })
        }
        _ => false,
    }
}

/// `name:` at the start of `chars`, the name one or more characters for which `ok` holds.
fn named_then_colon(chars: &[char], ok: impl Fn(char) -> bool) -> bool {
    let name = chars.iter().take_while(|c| ok(**c)).count();
    name > 0 && chars.get(name) == Some(&':')
}

/// Where a URL (`http://`, `https://`, `www.`) or an e-mail address starting at `i` ends,
/// when one does: GitLab links these, and they are kept exactly as written. A URL stops at
/// whitespace and at characters that would break Markdown around it (`< > | \ ` " [ ] *`),
/// and leaves out trailing punctuation and unbalanced `)`, as GitLab's autolinker does.
fn autolink_end(chars: &[char], i: usize) -> Option<usize> {
    let prev = i.checked_sub(1).and_then(|p| chars.get(p));
    let rest = chars.get(i..)?;
    let starts = |prefix: &str| {
        rest.len() > prefix.len()
            && rest
                .iter()
                .zip(prefix.chars())
                .all(|(a, b)| a.eq_ignore_ascii_case(&b))
    };
    if !prev.is_some_and(char::is_ascii_alphanumeric)
        && (starts("https://") || starts("http://") || starts("www."))
    {
        let stop = |c: &char| c.is_whitespace() || c.is_control() || "<>|\\`\"[]*{}".contains(*c);
        let mut end = rest.iter().position(stop).unwrap_or(rest.len());
        while let Some(last) = end.checked_sub(1).and_then(|e| rest.get(e)) {
            let slice = rest.get(..end).unwrap_or_default();
            let unbalanced = *last == ')'
                && slice.iter().filter(|c| **c == ')').count()
                    > slice.iter().filter(|c| **c == '(').count();
            if "?!.,:;'_~".contains(*last) || unbalanced {
                end -= 1;
            } else {
                break;
            }
        }
        let scheme = rest
            .iter()
            .position(|c| *c == '.' || *c == '/')
            .unwrap_or(0);
        return (end > scheme + 2).then_some(i + end);
    }
    let local = |c: &char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
    if prev.is_some_and(local) {
        return None;
    }
    let at = rest.iter().take_while(|c| local(c)).count();
    if at == 0 || rest.get(at) != Some(&'@') {
        return None;
    }
    let domain = rest.get(at + 1..)?;
    let mut len = domain
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .count();
    while len > 0 && matches!(domain.get(len - 1), Some('.' | '-')) {
        len -= 1;
    }
    let name: String = domain.get(..len)?.iter().collect();
    let labels: Vec<&str> = name.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    (labels.len() >= 2 && labels.iter().all(|l| !l.is_empty()) && tld_ok)
        .then_some(i + at + 1 + len)
}

fn escape(text: &str, line_start: bool, target: Target) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let chars: Vec<char> = normalised.trim().chars().collect();
    let mut out = String::with_capacity(chars.len() + 16);
    // A run of digits at the very start, for `1.` / `1)` list markers.
    let leading_digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if let Some(end) = autolink_end(&chars, i) {
            out.extend(chars.get(i..end).unwrap_or_default());
            i = end;
            continue;
        }
        match c {
            '\n' => out.push_str("<br>"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if forms_reference(&chars, i) => out.push_str("\\&"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' | '/' if line_start && i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '@' | '#' | '!' | '%' | '^' if forms_reference(&chars, i) => {
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
        // GitLab honours no backslash before these three.
        if target == Target::GitLab && matches!(c, '*' | '[' | ':') && forms_reference(&chars, i) {
            out.push(WORD_JOINER);
        }
        i += 1;
    }
    out
}

/// Text for HTML element content: `&`, `<`, `>`, `"` and `'` as entities, newlines as `<br>`.
pub(crate) fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '\r' => {}
            _ => push_html_char(&mut out, c),
        }
    }
    out
}

/// Text for HTML element content or a quoted attribute value, shown exactly as a DOM text
/// node would show it: `&`, `<`, `>`, `"` and `'` as entities, everything else as written
/// (the web app's first screen is HTML written at build time).
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        push_html_char(&mut out, c);
    }
    out
}

fn push_html_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escape_keeps_text_as_written_and_breaks_every_tag() {
        assert_eq!(
            html_escape("<a href=\"x\">Tom & Jerry's</a>\nnext"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;\nnext"
        );
        assert_eq!(html_escape("Ünïcode — 5,000.00"), "Ünïcode — 5,000.00");
    }

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
            "\\*\\*bold\\*\\* \\_it\\_"
        );
        assert_eq!(
            markdown_inline("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
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
        assert_eq!(markdown_inline("ok\n/label ~x"), "ok<br>/label \\~x");
        // Not at the start: left alone.
        assert_eq!(markdown_inline("a - b / c"), "a - b / c");
        // In a cell or mid-line they cannot start a block either.
        assert_eq!(markdown_cell("# 1. /close"), "# 1. /close");
        assert_eq!(markdown_for("1. Scope", false, Target::GitLab), "1. Scope");
    }

    #[test]
    fn gitlab_references_are_broken() {
        let wj = WORD_JOINER;
        assert_eq!(markdown_inline("@all"), "\\@all");
        assert_eq!(markdown_inline("Café@all"), "Café\\@all");
        assert_eq!(markdown_inline("see #123"), "see \\#123");
        assert_eq!(markdown_inline("!45"), "\\!45");
        assert_eq!(markdown_inline("~bug"), "\\~bug");
        assert_eq!(markdown_inline("%\"v1\""), "\\%\"v1\"");
        assert_eq!(markdown_inline("$9"), "\\$9");
        assert_eq!(markdown_inline("&7"), "\\&7");
        assert_eq!(markdown_inline("^alert#1"), "\\^alert\\#1");
        assert_eq!(
            markdown_inline("*iteration:4"),
            format!("\\*{wj}iteration:4")
        );
        assert_eq!(
            markdown_inline("[vulnerability:1]"),
            format!("\\[{wj}vulnerability:1\\]")
        );
        assert_eq!(markdown_inline("a :smile: b"), format!("a :{wj}smile: b"));
        // In customer documents: backslashes only, never an invisible character.
        assert_eq!(
            markdown_for(
                "*iteration:4 [vulnerability:1] :smile: @all",
                true,
                Target::Document
            ),
            "\\*iteration:4 \\[vulnerability:1\\] :smile: \\@all"
        );
        // A lone sigil, or one before a space, links nothing; an e-mail mentions no one.
        assert_eq!(
            markdown_inline("C# and 50 % at 09:00:00"),
            "C# and 50 % at 09:00:00"
        );
        assert_eq!(markdown_cell("a_b@example.com"), "a_b@example.com");
    }

    #[test]
    fn urls_and_email_addresses_are_kept_exactly() {
        for url in [
            "https://example.com/a_b/c?x=1&y=~2#frag",
            "http://example.com/@all/#12",
            "www.example.com/!3",
            "j_doe+sow@mail.example.co.uk",
        ] {
            let text = format!("see {url}, then");
            assert_eq!(markdown_inline(&text), text, "{url}");
            assert_eq!(title_text(&text), text, "{url}");
        }
        // Characters that would break the table end the URL.
        assert_eq!(
            markdown_cell("https://example.com/a|b"),
            "https://example.com/a\\|b"
        );
        assert_eq!(
            markdown_cell("(https://example.com/x)."),
            "(https://example.com/x)."
        );
    }

    #[test]
    fn titles_are_one_line_without_references() {
        let wj = WORD_JOINER;
        assert_eq!(
            title_text("  Acme\n Corp @all  #1 "),
            format!("Acme Corp @{wj}all #{wj}1")
        );
        assert_eq!(title_text("A | B `c`"), "A | B `c`");
        assert_eq!(title_text("株式会社@all"), format!("株式会社@{wj}all"));
        assert_eq!(title_text("a\u{202E}b\u{2066}c\u{2069}"), "abc");
    }

    #[test]
    fn html_text_escapes_everything() {
        assert_eq!(
            html_text("<b a=\"1\">'x' & y</b>\nz"),
            "&lt;b a=&quot;1&quot;&gt;&#39;x&#39; &amp; y&lt;/b&gt;<br>z"
        );
    }
}
