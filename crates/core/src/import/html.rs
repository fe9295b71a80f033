//! HTML fragments (as found in `services.yml` text fields) to plain text.
//!
//! Not an HTML parser: a forgiving tag stripper that knows the few tags that shape text.
//! `<br>` ends a line, `<p>`/`<div>` and top-level lists start paragraphs, each `<li>`
//! becomes a line starting `- ` (indented two spaces per nesting level), every other tag is
//! dropped with its text kept, entities are decoded and whitespace is tidied. Text with no
//! tags keeps its own line breaks.

/// Plain text, and whether anything HTML (a tag or an entity) was removed to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlainText {
    pub(crate) text: String,
    pub(crate) had_html: bool,
}

/// Converts an HTML fragment (or plain text) to tidy plain text.
pub(crate) fn to_plain_text(input: &str) -> PlainText {
    let html = contains_tag(input);
    let mut out = Writer::new(html);
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        let after = rest.get(c.len_utf8()..).unwrap_or("");
        if c == '<'
            && html
            && let Some((tag, remaining)) = split_tag(rest)
        {
            out.tag(&tag);
            rest = remaining;
            continue;
        }
        if c == '&'
            && let Some((decoded, remaining)) = split_entity(rest)
        {
            out.had_entity = true;
            out.text_char(decoded);
            rest = remaining;
            continue;
        }
        out.text_char(c);
        rest = after;
    }
    out.finish()
}

/// Whether the text holds something that looks like a tag (`<x`, `</x`, `<!`).
fn contains_tag(input: &str) -> bool {
    input.match_indices('<').any(|(i, _)| {
        input
            .get(i + 1..)
            .and_then(|after| after.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
    })
}

/// A tag at the start of `text`: its lower-case name (with a leading `/` when closing) and
/// the text after it. `None` when `<` does not start a tag.
fn split_tag(text: &str) -> Option<(String, &str)> {
    let inner = text.strip_prefix('<')?;
    if let Some(comment) = inner.strip_prefix("!--") {
        let end = comment.find("-->")?;
        return Some((String::from("!--"), comment.get(end + 3..).unwrap_or("")));
    }
    let first = inner.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let end = inner.find('>')?;
    let body = inner.get(..end)?;
    let closing = body.starts_with('/');
    let name: String = body
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let name = if closing { format!("/{name}") } else { name };
    Some((name, inner.get(end + 1..).unwrap_or("")))
}

/// An entity (`&amp;`, `&#39;`, `&#x2019;`) at the start of `text`, decoded.
fn split_entity(text: &str) -> Option<(char, &str)> {
    let inner = text.strip_prefix('&')?;
    let end = inner.find(';').filter(|&end| end > 0 && end <= 10)?;
    let name = inner.get(..end)?;
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
    } else {
        named_entity(name)?
    };
    Some((decoded, inner.get(end + 1..).unwrap_or("")))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        _ => return None,
    })
}

/// Builds the plain text as tags and characters arrive.
struct Writer {
    html: bool,
    buf: String,
    pending_space: bool,
    list_depth: usize,
    skipping: Option<&'static str>,
    had_tag: bool,
    had_entity: bool,
}

impl Writer {
    fn new(html: bool) -> Writer {
        Writer {
            html,
            buf: String::new(),
            pending_space: false,
            list_depth: 0,
            skipping: None,
            had_tag: false,
            had_entity: false,
        }
    }

    fn at_line_start(&self) -> bool {
        self.buf.is_empty() || self.buf.ends_with('\n')
    }

    fn text_char(&mut self, c: char) {
        if self.skipping.is_some() {
            return;
        }
        if c == '\n' && !self.html {
            self.buf.push('\n');
            self.pending_space = false;
        } else if c.is_whitespace() {
            self.pending_space = true;
        } else {
            if self.pending_space && !self.at_line_start() && !self.buf.ends_with(' ') {
                self.buf.push(' ');
            }
            self.pending_space = false;
            self.buf.push(c);
        }
    }

    fn line_break(&mut self) {
        self.buf.push('\n');
        self.pending_space = false;
    }

    fn start_line(&mut self) {
        if !self.at_line_start() {
            self.line_break();
        }
        self.pending_space = false;
    }

    fn paragraph_break(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        self.start_line();
        if !self.buf.ends_with("\n\n") {
            self.line_break();
        }
    }

    fn tag(&mut self, name: &str) {
        self.had_tag = true;
        if let Some(end) = self.skipping {
            if name == end {
                self.skipping = None;
            }
            return;
        }
        match name {
            "br" => self.line_break(),
            "p" | "/p" | "div" | "/div" | "table" | "/table" | "blockquote" | "/blockquote"
            | "h1" | "/h1" | "h2" | "/h2" | "h3" | "/h3" | "h4" | "/h4" | "h5" | "/h5" | "h6"
            | "/h6" => {
                if self.list_depth == 0 {
                    self.paragraph_break();
                } else {
                    self.start_line();
                }
            }
            "ul" | "ol" => {
                self.list_depth = self.list_depth.saturating_add(1);
                if self.list_depth == 1 {
                    self.paragraph_break();
                } else {
                    self.start_line();
                }
            }
            "/ul" | "/ol" => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    self.paragraph_break();
                } else {
                    self.start_line();
                }
            }
            "li" => {
                self.start_line();
                for _ in 1..self.list_depth {
                    self.buf.push_str("  ");
                }
                self.buf.push_str("- ");
            }
            "/li" | "tr" | "/tr" => self.start_line(),
            "td" | "th" => self.pending_space = true,
            "script" => self.skipping = Some("/script"),
            "style" => self.skipping = Some("/style"),
            _ => {}
        }
    }

    fn finish(self) -> PlainText {
        let had_html = self.had_tag || self.had_entity;
        PlainText {
            text: tidy_lines(&self.buf),
            had_html,
        }
    }
}

/// Trims each line's end (and, for lines that are not list items, its start), keeps at most
/// one blank line in a row, and drops blank lines at both ends.
fn tidy_lines(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    let mut blank_run = false;
    for line in text.lines() {
        let trimmed_end = line.trim_end();
        let line = if trimmed_end.trim_start().starts_with("- ") {
            trimmed_end
        } else {
            trimmed_end.trim_start()
        };
        if line.is_empty() {
            if !lines.is_empty() {
                blank_run = true;
            }
            continue;
        }
        if blank_run {
            lines.push("");
            blank_run = false;
        }
        lines.push(line);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(input: &str) -> String {
        to_plain_text(input).text
    }

    #[test]
    fn plain_text_passes_through_and_keeps_its_lines() {
        let result = to_plain_text("First line.\n  Second   line.\n\n\n\nNew paragraph.");
        assert_eq!(result.text, "First line.\nSecond line.\n\nNew paragraph.");
        assert!(!result.had_html);
    }

    #[test]
    fn br_ends_a_line_and_two_make_a_paragraph() {
        assert_eq!(plain("one<br/>two"), "one\ntwo");
        assert_eq!(plain("one.<br/>\n<br/>\ntwo."), "one.\n\ntwo.");
        assert_eq!(plain("one<BR>two<br />three"), "one\ntwo\nthree");
    }

    #[test]
    fn source_newlines_inside_html_are_spaces() {
        assert_eq!(
            plain("a long\n    sentence <b>here</b>.<br/><br/>Next"),
            "a long sentence here.\n\nNext"
        );
    }

    #[test]
    fn inline_tags_are_dropped_and_links_keep_their_text() {
        let result = to_plain_text(
            r#"<strong>Remote:</strong> $5,000. See <a href ="https://example.com/x">this seat add-on</a> now."#,
        );
        assert_eq!(result.text, "Remote: $5,000. See this seat add-on now.");
        assert!(result.had_html);
    }

    #[test]
    fn lists_become_dash_lines_and_nest_by_two_spaces() {
        let html = "<ul>\n  <li>Anyone new to GitLab</li>\n  <li>Prerequisites\n    <ul>\n      <li>SDLC knowledge</li><li>Any VCS helps</li>\n    </ul>\n  </li>\n  <li><b>Not for beginners</b></li>\n</ul>";
        assert_eq!(
            plain(html),
            "- Anyone new to GitLab\n- Prerequisites\n  - SDLC knowledge\n  - Any VCS helps\n- Not for beginners"
        );
    }

    #[test]
    fn a_list_after_text_starts_a_new_paragraph() {
        assert_eq!(
            plain("Covers:<ol><li>one</li><li>two</li></ol>Done."),
            "Covers:\n\n- one\n- two\n\nDone."
        );
    }

    #[test]
    fn entities_are_decoded_once() {
        let result = to_plain_text("Q&amp;A &lt;b&gt; &quot;x&quot; it&#39;s &#x2019; &amp;lt;");
        assert_eq!(result.text, "Q&A <b> \"x\" it's ’ &lt;");
        assert!(result.had_html);
        // An encoded tag stays text even in HTML mode.
        assert_eq!(plain("<p>&lt;br&gt; is a tag</p>"), "<br> is a tag");
    }

    #[test]
    fn unknown_or_broken_entities_and_stray_angles_stay_literal() {
        assert_eq!(
            plain("AT&T & co &bogus; &#xZZ;"),
            "AT&T & co &bogus; &#xZZ;"
        );
        assert_eq!(plain("a < b and 3<4"), "a < b and 3<4");
        assert_eq!(plain("<b>bold</b> then <unclosed"), "bold then <unclosed");
    }

    #[test]
    fn comments_scripts_and_styles_vanish() {
        assert_eq!(
            plain("a<!-- hidden <b> -->b<script>alert(1)</script><style>p{}</style>c"),
            "abc"
        );
    }

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        assert_eq!(
            plain("<p>One</p><p>Two</p>\n\n<p></p><p>Three</p>"),
            "One\n\nTwo\n\nThree"
        );
    }

    #[test]
    fn empty_and_whitespace_only_inputs_give_empty_text() {
        assert_eq!(plain(""), "");
        assert_eq!(plain("  \n <br/> <ul></ul> "), "");
    }
}
