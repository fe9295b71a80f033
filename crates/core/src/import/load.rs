//! Reading the YAML text safely: one pass over the parser's events checks nesting depth and
//! alias expansion (and notes where each entry and each entry's keys are), then the
//! document is loaded into values.
//!
//! The guard pass matters: `yaml-rust2` builds and drops nested values recursively, so
//! thousands of nesting levels or a "billion laughs" of aliases would exhaust the stack or
//! memory. Both are refused before loading.

use std::collections::BTreeMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, ScanError};
use yaml_rust2::{Yaml, YamlLoader};

use super::ImportError;
use crate::MAX_CATALOG_BYTES;

/// Deepest nesting of lists and mappings accepted (the real file needs 3).
pub(crate) const MAX_DEPTH: usize = crate::limits::MAX_YAML_DEPTH;

/// Most nodes the document may expand to, counting each alias as a copy of its anchor.
pub(crate) const MAX_NODES: usize = crate::limits::MAX_YAML_NODES;

/// One item of the top-level list, with where it is in the source.
#[derive(Debug)]
pub(crate) struct RawEntry {
    pub(crate) node: Yaml,
    /// 1-based line where the item starts.
    pub(crate) line: Option<usize>,
    /// 1-based line of each key of the item (when it is a mapping), first occurrence.
    pub(crate) key_lines: BTreeMap<String, usize>,
}

/// Parses `text` into the items of its top-level list.
pub(crate) fn load_entries(text: &str) -> Result<Vec<RawEntry>, ImportError> {
    if text.len() > MAX_CATALOG_BYTES {
        return Err(ImportError::Syntax {
            line: None,
            column: None,
            message: format!(
                "the input is {} bytes; imports are limited to {MAX_CATALOG_BYTES} bytes",
                text.len()
            ),
        });
    }
    let outline = scan(text)?;
    let docs = YamlLoader::load_from_str(text).map_err(|e| scan_error(&e))?;
    let mut docs = docs.into_iter();
    let Some(doc) = docs.next() else {
        return Err(ImportError::NotAList {
            found: "nothing (the input is empty)".to_string(),
        });
    };
    let Yaml::Array(items) = doc else {
        return Err(ImportError::NotAList {
            found: describe(&doc).to_string(),
        });
    };
    let mut positions = outline.entries.into_iter();
    Ok(items
        .into_iter()
        .map(|node| {
            let (line, key_lines) = positions.next().unwrap_or_default();
            RawEntry {
                node,
                line,
                key_lines,
            }
        })
        .collect())
}

/// What a YAML value is, in words.
pub(crate) fn describe(value: &Yaml) -> &'static str {
    match value {
        Yaml::Array(_) => "a list",
        Yaml::Hash(_) => "a mapping",
        Yaml::String(_) => "a text scalar",
        Yaml::Integer(_) | Yaml::Real(_) => "a number",
        Yaml::Boolean(_) => "a boolean",
        Yaml::Null | Yaml::BadValue => "an empty value",
        Yaml::Alias(_) => "an alias",
    }
}

fn scan_error(error: &ScanError) -> ImportError {
    syntax_at(error.marker(), error.info().to_string())
}

fn syntax_at(mark: &Marker, message: String) -> ImportError {
    ImportError::Syntax {
        line: Some(mark.line()),
        // yaml-rust2 counts columns from 0 (its own Display adds 1).
        column: Some(mark.col().saturating_add(1)),
        message,
    }
}

/// Where things are, from the guard pass.
#[derive(Default)]
struct Outline {
    /// Per item of the top-level list: its line and its keys' lines.
    entries: Vec<(Option<usize>, BTreeMap<String, usize>)>,
}

struct Frame {
    is_map: bool,
    expecting_key: bool,
    /// Anchor id of the collection, 0 for none.
    anchor: usize,
    /// Nodes inside it so far, aliases expanded.
    nodes: usize,
}

/// Walks the parser's events without building values.
fn scan(text: &str) -> Result<Outline, ImportError> {
    let mut parser = Parser::new_from_str(text);
    let mut outline = Outline::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchor_sizes: BTreeMap<usize, usize> = BTreeMap::new();
    let mut total_nodes: usize = 0;
    let mut documents = 0usize;
    let mut root_is_list = false;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| scan_error(&e))?;
        // A node (scalar, alias or collection start) fills a slot in its parent.
        let node_size = match &event {
            Event::StreamEnd => return Ok(outline),
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(syntax_at(
                        &mark,
                        "a second YAML document; expected a single list of services".to_string(),
                    ));
                }
                None
            }
            Event::Scalar(_, _, _, _) | Event::SequenceStart(_, _) | Event::MappingStart(_, _) => {
                Some(1)
            }
            Event::Alias(id) => Some(anchor_sizes.get(id).copied().unwrap_or(1)),
            _ => None,
        };
        if let Some(size) = node_size {
            total_nodes = total_nodes.saturating_add(size);
            if total_nodes > MAX_NODES {
                return Err(syntax_at(
                    &mark,
                    format!("the document expands to more than {MAX_NODES} values (aliases?)"),
                ));
            }
            note_position(&mut outline, &stack, &event, &mark, root_is_list);
            if let Some(parent) = stack.last_mut() {
                parent.nodes = parent.nodes.saturating_add(size);
                if parent.is_map {
                    parent.expecting_key = !parent.expecting_key;
                }
            }
        }
        match event {
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let is_map = matches!(event, Event::MappingStart(_, _));
                if stack.is_empty() {
                    root_is_list = !is_map;
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(syntax_at(
                        &mark,
                        format!("lists and mappings nested deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(Frame {
                    is_map,
                    expecting_key: true,
                    anchor,
                    nodes: 1,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = stack.pop() {
                    if frame.anchor > 0 {
                        anchor_sizes.insert(frame.anchor, frame.nodes);
                    }
                    if let Some(parent) = stack.last_mut() {
                        // The collection itself was counted when it started.
                        parent.nodes = parent.nodes.saturating_add(frame.nodes.saturating_sub(1));
                    }
                }
            }
            Event::Scalar(_, _, anchor, _) if anchor > 0 => {
                anchor_sizes.insert(anchor, 1);
            }
            _ => {}
        }
    }
}

/// Records where top-level items and their keys are.
fn note_position(
    outline: &mut Outline,
    stack: &[Frame],
    event: &Event,
    mark: &Marker,
    root_is_list: bool,
) {
    if !root_is_list {
        return;
    }
    match stack {
        [_root] => outline.entries.push((Some(mark.line()), BTreeMap::new())),
        [_root, entry] if entry.is_map && entry.expecting_key => {
            if let (Event::Scalar(key, _, _, _), Some((_, keys))) =
                (event, outline.entries.last_mut())
            {
                keys.entry(key.clone()).or_insert(mark.line());
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_know_their_lines_and_key_lines() {
        let text = "# header\n- id: a\n  sku: A-1\n\n- id: b\n  name: B\n  sku: #TODO\n";
        let entries = load_entries(text).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].line, Some(2));
        assert_eq!(entries[0].key_lines.get("sku"), Some(&3));
        assert_eq!(entries[1].line, Some(5));
        assert_eq!(entries[1].key_lines.get("sku"), Some(&7));
        assert!(entries[1].node["sku"].is_null());
    }

    #[test]
    fn nested_values_do_not_confuse_key_tracking() {
        let text = "- id: a\n  prereqs:\n    - x\n    - {k: v}\n  sku: S\n- plain\n";
        let entries = load_entries(text).unwrap();
        assert_eq!(entries[0].key_lines.get("sku"), Some(&5));
        assert_eq!(entries[0].key_lines.get("x"), None);
        assert_eq!(entries[0].key_lines.get("k"), None);
        assert_eq!(entries[1].line, Some(6));
    }

    #[test]
    fn broken_yaml_reports_line_and_column() {
        let err = load_entries("- id: a\n  name: [unclosed\n").unwrap_err();
        match err {
            ImportError::Syntax { line, column, .. } => {
                assert!(line.is_some());
                assert!(column.is_some());
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn deep_block_nesting_is_refused_without_overflowing() {
        let text = "- ".repeat(10_000) + "x\n";
        assert!(matches!(
            load_entries(&text),
            Err(ImportError::Syntax { .. })
        ));
        let text = "[".repeat(100_000);
        assert!(matches!(
            load_entries(&text),
            Err(ImportError::Syntax { .. })
        ));
        let mut text = String::new();
        for depth in 0..5_000 {
            text.push_str(&" ".repeat(depth * 2));
            text.push_str("k:\n");
        }
        assert!(matches!(
            load_entries(&text),
            Err(ImportError::Syntax { .. })
        ));
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..12 {
            let prev = level - 1;
            text.push_str(&format!(
                "a{level}: &a{level} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        match load_entries(&text) {
            Err(ImportError::Syntax { message, .. }) => assert!(message.contains("expands")),
            other => panic!("expected the alias bomb to be refused, got {other:?}"),
        }
    }

    #[test]
    fn small_aliases_are_fine() {
        let text = "- &base {id: a, category: Education}\n- *base\n";
        let entries = load_entries(text).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].node["id"].as_str(), Some("a"));
    }

    #[test]
    fn shapes_other_than_a_list_are_refused() {
        for (text, found) in [
            ("", "nothing"),
            ("just words", "text"),
            ("42", "number"),
            ("id: a\nsku: B\n", "mapping"),
            ("~", "empty"),
        ] {
            match load_entries(text) {
                Err(ImportError::NotAList { found: words }) => {
                    assert!(words.contains(found), "{text:?} → {words}")
                }
                other => panic!("{text:?}: expected NotAList, got {other:?}"),
            }
        }
    }

    #[test]
    fn several_documents_are_refused() {
        assert!(matches!(
            load_entries("- id: a\n---\n- id: b\n"),
            Err(ImportError::Syntax { line: Some(2), .. })
        ));
    }

    #[test]
    fn oversized_input_is_refused() {
        let text = " ".repeat(MAX_CATALOG_BYTES + 1);
        assert!(matches!(
            load_entries(&text),
            Err(ImportError::Syntax { line: None, .. })
        ));
    }
}
