//! Where each value of a TOML catalog sits in its file, so lint issues can name a line, and
//! which values were written as TOML floats (amounts must be strings: a float is not exact).

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

/// Maps a field path (`offerings[3].pricing.seat_addon`) to its 1-based line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    lines: BTreeMap<String, usize>,
    floats: Vec<(String, String)>,
}

impl SourceMap {
    /// Records the line of every value in a TOML document.
    pub fn from_toml(text: &str) -> Result<SourceMap, toml::de::Error> {
        Ok(SourceMap::from_toml_table(&DeTable::parse(text)?, text))
    }

    /// Records the line of every value of a parsed TOML document (`text` is its source).
    pub(crate) fn from_toml_table(table: &toml::Spanned<DeTable<'_>>, text: &str) -> SourceMap {
        let starts = line_starts(text);
        let mut map = SourceMap::default();
        map.walk_table("", table.get_ref(), &starts, text);
        map
    }

    /// Every value written as a TOML float, as (field path, the text written), in file order.
    pub fn floats(&self) -> &[(String, String)] {
        &self.floats
    }

    fn note_float(&mut self, path: &str, value: &toml::Spanned<DeValue<'_>>, text: &str) {
        if matches!(value.get_ref(), DeValue::Float(_)) {
            let written = text.get(value.span()).unwrap_or_default().trim();
            self.floats.push((path.to_string(), written.to_string()));
        }
    }

    /// A JSON catalog has no lines to record; it records the numbers written with a fraction
    /// or an exponent (`"price": 1000.5`), which are floats as a TOML float is.
    pub fn from_json(value: &serde_json::Value) -> SourceMap {
        let mut map = SourceMap::default();
        map.walk_json("", value);
        map
    }

    fn walk_json(&mut self, path: &str, value: &serde_json::Value) {
        match value {
            serde_json::Value::Object(object) => {
                for (key, child) in object {
                    let child_path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    self.walk_json(&child_path, child);
                }
            }
            serde_json::Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.walk_json(&format!("{path}[{index}]"), item);
                }
            }
            serde_json::Value::Number(number) if number.is_f64() => {
                self.floats.push((path.to_string(), number.to_string()));
            }
            _ => {}
        }
    }

    /// The line of `path`, or of its nearest recorded parent.
    pub fn line(&self, path: &str) -> Option<usize> {
        let mut path = path;
        loop {
            if let Some(line) = self.lines.get(path) {
                return Some(*line);
            }
            let cut = path.rfind(['.', '['])?;
            path = path.get(..cut)?;
        }
    }

    fn walk_table(&mut self, prefix: &str, table: &DeTable<'_>, starts: &[usize], text: &str) {
        for (key, value) in table.iter() {
            let path = if prefix.is_empty() {
                key.get_ref().to_string()
            } else {
                format!("{prefix}.{}", key.get_ref())
            };
            self.lines
                .insert(path.clone(), line_of(starts, key.span().start));
            self.note_float(&path, value, text);
            self.walk_value(&path, value.get_ref(), starts, text);
        }
    }

    fn walk_value(&mut self, path: &str, value: &DeValue<'_>, starts: &[usize], text: &str) {
        match value {
            DeValue::Table(table) => self.walk_table(path, table, starts, text),
            DeValue::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let item_path = format!("{path}[{index}]");
                    self.lines
                        .insert(item_path.clone(), line_of(starts, item.span().start));
                    self.note_float(&item_path, item, text);
                    self.walk_value(&item_path, item.get_ref(), starts, text);
                }
            }
            _ => {}
        }
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn line_of(starts: &[usize], offset: usize) -> usize {
    match starts.binary_search(&offset) {
        Ok(index) => index + 1,
        Err(index) => index,
    }
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let starts = line_starts(text);
    let line = line_of(&starts, offset);
    let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
    let column = text
        .get(start..offset.min(text.len()))
        .map_or(1, |s| s.chars().count() + 1);
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "format = 1\nid = \"x\"\n\n[[offerings]]\nsku = \"A\"\n\n[[offerings]]\nsku = \"B\"\n[offerings.pricing]\nmodel = \"fixed\"\n";

    #[test]
    fn finds_lines_of_nested_values() {
        let map = SourceMap::from_toml(DOC).unwrap();
        assert_eq!(map.line("format"), Some(1));
        assert_eq!(map.line("offerings[0].sku"), Some(5));
        assert_eq!(map.line("offerings[1].sku"), Some(8));
        assert_eq!(map.line("offerings[1].pricing.model"), Some(10));
        // Unknown leaves fall back to their parent.
        assert_eq!(
            map.line("offerings[1].pricing.capacity"),
            map.line("offerings[1].pricing")
        );
        assert_eq!(map.line("nothing"), None);
    }

    #[test]
    fn computes_line_and_column() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
    }
}
