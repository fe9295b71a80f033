//! One `services.yml` entry, read into typed fields with its text already plain.

use std::collections::BTreeMap;

use yaml_rust2::Yaml;
use yaml_rust2::yaml::Hash;

use super::html::to_plain_text;
use super::load::{RawEntry, describe};
use super::price::{PriceField, read_price};
use super::{ImportWarning, Located};

/// Text fields read from an entry (all optional in the file).
pub(crate) const TEXT_FIELDS: [&str; 10] = [
    "short_desc",
    "long_desc",
    "description2",
    "summary",
    "subtitle",
    "target_audience",
    "whos-this-for",
    "duration_desc",
    "price_desc",
    "class_size",
];

/// A text field as plain text, and whether HTML was removed from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Text {
    pub(crate) text: String,
    pub(crate) had_html: bool,
}

/// What the `sku:` key holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Sku {
    /// A usable SKU.
    Present(String),
    /// No `sku:` key.
    Absent,
    /// `sku:` with nothing after it; `comment` is a `#…` comment found on its line.
    Empty { comment: Option<String> },
    /// Something that is not text (a list, a mapping).
    NotText(&'static str),
}

/// An entry of the list, read.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) at: Located,
    pub(crate) sku: Sku,
    pub(crate) name: Option<String>,
    pub(crate) category: Option<String>,
    pub(crate) unit: Option<String>,
    pub(crate) price: PriceField,
    /// `duration:` as a whole number (days, for classes).
    pub(crate) duration: Option<u32>,
    pub(crate) prereqs: Vec<String>,
    pub(crate) whats_included: Vec<String>,
    texts: BTreeMap<&'static str, Text>,
}

impl Entry {
    /// A text field, when present and not empty.
    pub(crate) fn text(&self, key: &str) -> Option<&Text> {
        self.texts.get(key)
    }

    /// A text field's plain text.
    pub(crate) fn plain(&self, key: &str) -> Option<&str> {
        self.text(key).map(|t| t.text.as_str())
    }
}

/// Reads an item of the list; `None` (with a warning) when it is not a mapping.
pub(crate) fn read_entry(
    index: usize,
    raw: &RawEntry,
    source: &str,
    warnings: &mut Vec<ImportWarning>,
) -> Option<Entry> {
    let Yaml::Hash(hash) = &raw.node else {
        warnings.push(ImportWarning {
            index: Some(index),
            id: None,
            sku: None,
            line: raw.line,
            field: "entry".to_string(),
            message: format!(
                "skipped: the entry is {}, not a mapping of fields",
                describe(&raw.node)
            ),
        });
        return None;
    };
    let at = Located {
        index,
        line: raw.line,
        id: one_line(hash, "id"),
    };
    let sku = read_sku(hash, raw, source);
    let mut entry = Entry {
        sku,
        name: one_line(hash, "name"),
        category: one_line(hash, "category"),
        unit: one_line(hash, "unit"),
        price: read_price(get(hash, "price")),
        duration: get(hash, "duration")
            .and_then(Yaml::as_i64)
            .and_then(|n| u32::try_from(n).ok()),
        prereqs: text_list(get(hash, "prereqs")),
        whats_included: whats_included(hash),
        texts: BTreeMap::new(),
        at,
    };
    for key in TEXT_FIELDS {
        match get(hash, key) {
            None => {}
            Some(value) => match scalar_text(value) {
                Some(raw_text) => {
                    let plain = to_plain_text(&raw_text);
                    if !plain.text.is_empty() {
                        entry.texts.insert(
                            key,
                            Text {
                                text: plain.text,
                                had_html: plain.had_html,
                            },
                        );
                    }
                }
                None if value.is_null() || value.is_badvalue() => {}
                None => warnings.push(entry.at.warning(
                    None,
                    key,
                    format!("{} where text was expected: ignored", describe(value)),
                )),
            },
        }
    }
    Some(entry)
}

fn get<'a>(hash: &'a Hash, key: &str) -> Option<&'a Yaml> {
    hash.get(&Yaml::String(key.to_string()))
}

/// A scalar as text (numbers and booleans as written).
fn scalar_text(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(n) => Some(n.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A short field (`id`, `name`, `category`) as one tidy line.
fn one_line(hash: &Hash, key: &str) -> Option<String> {
    let text = scalar_text(get(hash, key)?)?;
    let plain = to_plain_text(&text).text;
    let line = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    (!line.is_empty()).then_some(line)
}

/// A field that may be one text or a list of texts.
fn text_list(value: Option<&Yaml>) -> Vec<String> {
    let items: Vec<&Yaml> = match value {
        Some(Yaml::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(scalar_text)
        .map(|t| to_plain_text(&t).text)
        .filter(|t| !t.is_empty())
        .collect()
}

/// `whats-included0`, `whats-included1`, … in numeric order.
fn whats_included(hash: &Hash) -> Vec<String> {
    let mut numbered: Vec<(u32, String)> = hash
        .iter()
        .filter_map(|(key, value)| {
            let number = key.as_str()?.strip_prefix("whats-included")?.parse().ok()?;
            let text = to_plain_text(&scalar_text(value)?).text;
            (!text.is_empty()).then_some((number, text))
        })
        .collect();
    numbered.sort_by_key(|(number, _)| *number);
    numbered.into_iter().map(|(_, text)| text).collect()
}

fn read_sku(hash: &Hash, raw: &RawEntry, source: &str) -> Sku {
    match get(hash, "sku") {
        None => Sku::Absent,
        Some(value) if value.is_null() || value.is_badvalue() => Sku::Empty {
            comment: raw
                .key_lines
                .get("sku")
                .and_then(|&line| comment_after_key(source, line, "sku")),
        },
        Some(value) => match scalar_text(value) {
            Some(text) => {
                let text = text.trim().to_string();
                if text.is_empty() {
                    Sku::Empty { comment: None }
                } else {
                    Sku::Present(text)
                }
            }
            None => Sku::NotText(describe(value)),
        },
    }
}

/// The `#…` comment right after `key:` on a 1-based source line, if any.
fn comment_after_key(source: &str, line: usize, key: &str) -> Option<String> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let (_, after) = text.split_once(&format!("{key}:"))?;
    let comment = after.trim();
    comment
        .starts_with('#')
        .then(|| comment.chars().take(40).collect())
}

#[cfg(test)]
mod tests {
    use super::super::load::load_entries;
    use super::*;

    fn read(source: &str) -> (Option<Entry>, Vec<ImportWarning>) {
        let raw = load_entries(source).unwrap();
        let mut warnings = Vec::new();
        let entry = read_entry(0, &raw[0], source, &mut warnings);
        (entry, warnings)
    }

    #[test]
    fn sku_forms() {
        let (entry, _) = read("- sku: GL-X\n");
        assert_eq!(entry.unwrap().sku, Sku::Present("GL-X".into()));
        let (entry, _) = read("- sku: #TODO\n");
        assert_eq!(
            entry.unwrap().sku,
            Sku::Empty {
                comment: Some("#TODO".into())
            }
        );
        let (entry, _) = read("- sku: \"  \"\n");
        assert_eq!(entry.unwrap().sku, Sku::Empty { comment: None });
        let (entry, _) = read("- id: a\n");
        assert_eq!(entry.unwrap().sku, Sku::Absent);
        let (entry, _) = read("- sku: [a, b]\n");
        assert_eq!(entry.unwrap().sku, Sku::NotText("a list"));
        let (entry, _) = read("- sku: 1234\n");
        assert_eq!(entry.unwrap().sku, Sku::Present("1234".into()));
    }

    #[test]
    fn text_fields_are_plain_and_remember_html() {
        let (entry, warnings) = read(
            "- id: a\n  long_desc: |\n    One.<br/>\n    <b>Two</b> &amp; three.\n  description2: plain words\n  short_desc: \"\"\n",
        );
        let entry = entry.unwrap();
        assert!(warnings.is_empty());
        let long = entry.text("long_desc").unwrap();
        assert_eq!(long.text, "One.\nTwo & three.");
        assert!(long.had_html);
        assert!(!entry.text("description2").unwrap().had_html);
        assert!(entry.text("short_desc").is_none());
    }

    #[test]
    fn structured_values_in_text_fields_are_ignored_with_a_warning() {
        let (entry, warnings) = read("- id: a\n  long_desc: {x: 1}\n  short_desc: [1]\n");
        assert!(entry.unwrap().text("long_desc").is_none());
        let fields: Vec<&str> = warnings.iter().map(|w| w.field.as_str()).collect();
        assert_eq!(fields, vec!["short_desc", "long_desc"]);
    }

    #[test]
    fn non_mapping_items_are_skipped_with_a_warning() {
        let (entry, warnings) = read("- just text\n");
        assert!(entry.is_none());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("not a mapping"));
    }

    #[test]
    fn lists_and_numbered_keys() {
        let (entry, _) = read(
            "- prereqs:\n    - Agile development\n    - <b>SCM</b>\n  whats-included2: c\n  whats-included0: a\n  whats-included1: b\n  whats-includedX: no\n",
        );
        let entry = entry.unwrap();
        assert_eq!(entry.prereqs, vec!["Agile development", "SCM"]);
        assert_eq!(entry.whats_included, vec!["a", "b", "c"]);
        let (entry, _) = read("- prereqs: one thing\n");
        assert_eq!(entry.unwrap().prereqs, vec!["one thing"]);
    }

    #[test]
    fn ids_and_names_are_trimmed_to_one_line() {
        let (entry, _) = read("- id: \"Expert-Services-Year \"\n  name:   Two\n    lines\n");
        let entry = entry.unwrap();
        assert_eq!(entry.at.id.as_deref(), Some("Expert-Services-Year"));
        assert_eq!(entry.name.as_deref(), Some("Two lines"));
    }
}
