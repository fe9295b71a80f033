//! Placeholders in catalog text, read in one place: `{question.id}` in recommendation
//! reasons and `{{customer}}` in the SOW template. Also the SOW template's placeholder
//! names and the checks the catalog linter runs on a template.
//!
//! A placeholder runs from an opening delimiter to the first closing delimiter after it:
//! `{{a {{b}}` is one placeholder named `a {{b`. An opening delimiter that is never closed
//! is text. Callers that want a placeholder to start inside one they do not accept
//! (`{a{b}`: `{b}`) say so with [`Placeholders::reopen_inside`].

/// How placeholders are written: their opening and closing delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Delimiters {
    open: &'static str,
    close: &'static str,
}

/// `{question.id}`, in recommendation reasons.
pub(crate) const SINGLE_BRACES: Delimiters = Delimiters {
    open: "{",
    close: "}",
};

/// `{{customer}}`, in the SOW template.
pub(crate) const DOUBLE_BRACES: Delimiters = Delimiters {
    open: "{{",
    close: "}}",
};

/// One piece of a text, as [`Placeholders`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// Text outside placeholders, as written (never empty).
    Text(&'t str),
    /// A placeholder: what stands between its delimiters, untrimmed.
    Placeholder(&'t str),
    /// An opening delimiter that is never closed: the text from it to the end, as written;
    /// always the last piece.
    Unclosed(&'t str),
}

/// The pieces of a text, in order: text, placeholders and an unclosed opening delimiter.
#[derive(Debug, Clone)]
pub(crate) struct Placeholders<'t> {
    text: &'t str,
    at: usize,
    delimiters: Delimiters,
    last_open: usize,
}

impl<'t> Placeholders<'t> {
    /// The pieces of `text`, with placeholders written with `delimiters`.
    pub(crate) fn new(text: &'t str, delimiters: Delimiters) -> Placeholders<'t> {
        Placeholders {
            text,
            at: 0,
            delimiters,
            last_open: 0,
        }
    }

    /// Takes the opening delimiter of the placeholder just read as text, and reads on from
    /// just after it, so that a placeholder may start inside it (`{a{b}`: `{b}`). Returns
    /// the delimiter, for the caller to write out.
    pub(crate) fn reopen_inside(&mut self) -> &'static str {
        self.at = self.last_open + self.delimiters.open.len();
        self.delimiters.open
    }
}

impl<'t> Iterator for Placeholders<'t> {
    type Item = Piece<'t>;

    fn next(&mut self) -> Option<Piece<'t>> {
        let rest = self.text.get(self.at..).filter(|r| !r.is_empty())?;
        let Delimiters { open, close } = self.delimiters;
        match rest.find(open) {
            None => {
                self.at = self.text.len();
                Some(Piece::Text(rest))
            }
            Some(0) => {
                let after = rest.get(open.len()..).unwrap_or("");
                match after.find(close) {
                    Some(end) => {
                        self.last_open = self.at;
                        self.at += open.len() + end + close.len();
                        Some(Piece::Placeholder(after.get(..end).unwrap_or("")))
                    }
                    None => {
                        self.at = self.text.len();
                        Some(Piece::Unclosed(rest))
                    }
                }
            }
            Some(start) => {
                self.at += start;
                rest.get(..start).map(Piece::Text)
            }
        }
    }
}

/// An issue-title template split around its one `{{customer}}` (spaces inside the braces
/// allowed): the text before it and the text after it, or why the template is not one.
pub(crate) fn title_parts(template: &str) -> Result<(String, String), String> {
    let (mut before, mut after) = (String::new(), String::new());
    let mut seen = 0;
    for piece in Placeholders::new(template, DOUBLE_BRACES) {
        match piece {
            Piece::Text(text) if seen == 0 => before.push_str(text),
            Piece::Text(text) => after.push_str(text),
            Piece::Placeholder(name) if name.trim() == "customer" => seen += 1,
            Piece::Placeholder(name) => {
                return Err(format!(
                    "unknown placeholder {{{{{}}}}}: a title takes only {{{{customer}}}}",
                    name.trim()
                ));
            }
            Piece::Unclosed(_) => return Err("'{{' is never closed".to_string()),
        }
    }
    if seen == 1 {
        Ok((before, after))
    } else {
        Err(format!(
            "the title has {{{{customer}}}} {seen} times; it needs it exactly once (the customer's name)"
        ))
    }
}

/// The name of the one placeholder `line` holds (spaces around it aside), trimmed; `None`
/// when the line holds anything else.
pub(crate) fn sole_placeholder(line: &str, delimiters: Delimiters) -> Option<&str> {
    let mut pieces = Placeholders::new(line.trim(), delimiters);
    match (pieces.next(), pieces.next()) {
        (Some(Piece::Placeholder(name)), None) => Some(name.trim()),
        _ => None,
    }
}

/// SOW-template placeholders that may appear anywhere in a line.
pub(crate) const INLINE_PLACEHOLDERS: [&str; 4] = ["customer", "catalog", "currency", "total"];
/// SOW-template placeholders that stand alone on their line and become whole blocks.
pub(crate) const BLOCK_PLACEHOLDERS: [&str; 7] = [
    "scope_summary",
    "deliverables",
    "price_table",
    "assumptions",
    "exclusions",
    "payment_terms",
    "schedule",
];

/// Every problem with a SOW template, each with its line: unknown placeholders, unclosed
/// braces, block placeholders that share their line, an empty template.
pub(crate) fn template_problems(template: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if template.trim().is_empty() {
        problems.push("the template is empty; write the SOW draft's Markdown".to_string());
    }
    for (n, line) in template.lines().enumerate() {
        let number = n + 1;
        for piece in Placeholders::new(line, DOUBLE_BRACES) {
            let name = match piece {
                Piece::Text(_) => continue,
                Piece::Unclosed(_) => {
                    problems.push(format!("line {number}: '{{{{' is never closed with '}}}}'"));
                    break;
                }
                Piece::Placeholder(name) => name.trim(),
            };
            if BLOCK_PLACEHOLDERS.contains(&name) {
                if line.trim() != format!("{{{{{name}}}}}") {
                    problems.push(format!(
                        "line {number}: {{{{{name}}}}} becomes whole paragraphs, lists or tables, so it must stand alone on its line"
                    ));
                }
            } else if !INLINE_PLACEHOLDERS.contains(&name) {
                problems.push(format!(
                    "line {number}: unknown placeholder {{{{{name}}}}}; the placeholders are {}",
                    INLINE_PLACEHOLDERS
                        .iter()
                        .chain(BLOCK_PLACEHOLDERS.iter())
                        .map(|p| format!("{{{{{p}}}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, delimiters: Delimiters) -> Vec<Piece<'_>> {
        Placeholders::new(text, delimiters).collect()
    }

    #[test]
    fn placeholders_run_to_the_first_closing_delimiter() {
        use Piece::{Placeholder, Text, Unclosed};
        assert_eq!(
            pieces("Hi {{customer}}, {{ total }}!", DOUBLE_BRACES),
            [
                Text("Hi "),
                Placeholder("customer"),
                Text(", "),
                Placeholder(" total "),
                Text("!")
            ]
        );
        assert_eq!(
            pieces("{{a {{b}} c", DOUBLE_BRACES),
            [Placeholder("a {{b"), Text(" c")]
        );
        assert_eq!(
            pieces("x {{a} {b", DOUBLE_BRACES),
            [Text("x "), Unclosed("{{a} {b")]
        );
        assert_eq!(
            pieces("{a{b} {}", SINGLE_BRACES),
            [Placeholder("a{b"), Text(" "), Placeholder("")]
        );
        assert_eq!(pieces("", SINGLE_BRACES), []);
        // Reopening reads a placeholder that starts inside the one refused.
        let mut scan = Placeholders::new("{a{b}c", SINGLE_BRACES);
        assert_eq!(scan.next(), Some(Placeholder("a{b")));
        assert_eq!(scan.reopen_inside(), "{");
        assert_eq!(
            scan.collect::<Vec<_>>(),
            [Text("a"), Placeholder("b"), Text("c")]
        );
        assert_eq!(
            sole_placeholder("  {{ price_table }} ", DOUBLE_BRACES),
            Some("price_table")
        );
        assert_eq!(sole_placeholder("{{a}} {{b}}", DOUBLE_BRACES), None);
        assert_eq!(sole_placeholder("{{a}} b", DOUBLE_BRACES), None);
    }

    #[test]
    fn template_rules() {
        assert!(template_problems("# {{customer}}\n\n{{price_table}}\n").is_empty());
        assert_eq!(
            title_parts("{{ customer }} - SOW"),
            Ok((String::new(), " - SOW".to_string()))
        );
        assert_eq!(
            title_parts("SOW: {{customer}}!"),
            Ok(("SOW: ".to_string(), "!".to_string()))
        );
        for (bad, why) in [
            ("SOW", "0 times"),
            ("{{customer}} {{customer}}", "2 times"),
            ("{{client}}", "unknown placeholder {{client}}"),
            ("{{customer}} {{", "never closed"),
        ] {
            let problem = title_parts(bad).unwrap_err();
            assert!(problem.contains(why), "{bad}: {problem}");
        }
        let problems = template_problems("Dear {{client}},\nsee {{price_table}} {{total");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("line 1: unknown placeholder {{client}}"));
        assert!(problems[1].starts_with("line 2: {{price_table}} becomes whole"));
        assert!(problems[2].starts_with("line 2: '{{' is never closed"));
        assert_eq!(template_problems("  \n").len(), 1);
    }
}
