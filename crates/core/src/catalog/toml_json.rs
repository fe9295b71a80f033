//! A TOML catalog rewritten as JSON text, so that one deserializer (serde_json's) reads the
//! catalog model whichever format it was written in: the model's serde code is compiled
//! once, not once per format, and the browser carries no TOML deserializer.
//!
//! Every value starts a JSON line of its own, and every key too, and each JSON line
//! remembers the byte offset in the TOML text it came from. A model error (unknown field,
//! wrong type, missing field) found by serde_json at line N of the JSON is then reported at
//! the TOML position of that line: the key for a key's error, the value for a value's, and
//! the table or array for an error found at its closing bracket — the positions the TOML
//! deserializer reported before.

use std::fmt::Write;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The JSON form of a TOML document and, per JSON line, where its value is in the TOML.
#[derive(Debug)]
pub(crate) struct TomlAsJson {
    /// The document as JSON, one key or value per line.
    pub(crate) json: String,
    offsets: Vec<usize>,
}

/// A TOML value that JSON cannot carry: its byte offset and what is wrong.
#[derive(Debug)]
pub(crate) struct Unrepresentable {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

impl TomlAsJson {
    /// Rewrites a parsed TOML document as JSON.
    pub(crate) fn new(root: &Spanned<DeTable<'_>>) -> Result<TomlAsJson, Unrepresentable> {
        let mut out = TomlAsJson {
            json: String::new(),
            offsets: Vec::new(),
        };
        out.table(root.get_ref(), root.span().start)?;
        Ok(out)
    }

    /// The TOML byte offset of a 1-based JSON line (as serde_json's errors give it).
    pub(crate) fn toml_offset(&self, json_line: usize) -> Option<usize> {
        self.offsets.get(json_line.checked_sub(1)?).copied()
    }

    fn start_line(&mut self, offset: usize) {
        if !self.offsets.is_empty() {
            self.json.push('\n');
        }
        self.offsets.push(offset);
    }

    fn table(&mut self, table: &DeTable<'_>, offset: usize) -> Result<(), Unrepresentable> {
        self.start_line(offset);
        self.json.push('{');
        for (index, (key, value)) in table.iter().enumerate() {
            if index > 0 {
                self.json.push(',');
            }
            self.start_line(key.span().start);
            push_string(&mut self.json, key.get_ref());
            self.json.push(':');
            self.value(value)?;
        }
        // Errors found at the closing brace (a missing field, say) belong to the table.
        self.start_line(offset);
        self.json.push('}');
        Ok(())
    }

    fn value(&mut self, value: &Spanned<DeValue<'_>>) -> Result<(), Unrepresentable> {
        let offset = value.span().start;
        let refuse = |message: String| Unrepresentable { offset, message };
        match value.get_ref() {
            DeValue::Table(table) => return self.table(table, offset),
            DeValue::Array(items) => {
                self.start_line(offset);
                self.json.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.json.push(',');
                    }
                    self.value(item)?;
                }
                self.start_line(offset);
                self.json.push(']');
                return Ok(());
            }
            _ => self.start_line(offset),
        }
        match value.get_ref() {
            DeValue::String(text) => push_string(&mut self.json, text),
            DeValue::Boolean(flag) => self.json.push_str(if *flag { "true" } else { "false" }),
            DeValue::Integer(integer) => {
                let number = i128::from_str_radix(integer.as_str(), integer.radix())
                    .map_err(|_| refuse(format!("the integer {integer} is too large")))?;
                let _ = write!(self.json, "{number}");
            }
            DeValue::Float(float) => {
                // Written with a `.` or an exponent, so JSON reads it as a float again (the
                // lint refuses floats, naming the field; it needs them to arrive as floats).
                match float.as_str().parse::<f64>() {
                    Ok(number) if number.is_finite() => {
                        let _ = write!(self.json, "{number:?}");
                    }
                    _ => {
                        return Err(refuse(format!(
                            "{float} is not a finite number; write amounts and other \
                             decimals as strings"
                        )));
                    }
                }
            }
            // As the TOML deserializer hands a date to serde: a table with one private key,
            // so a field that wants text reports a table where a string belongs.
            DeValue::Datetime(datetime) => {
                self.json.push_str("{\"$__toml_private_datetime\":");
                push_string(&mut self.json, &datetime.to_string());
                self.json.push('}');
            }
            DeValue::Table(_) | DeValue::Array(_) => {}
        }
        Ok(())
    }
}

/// Appends `text` as a JSON string literal.
fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(text: &str) -> TomlAsJson {
        TomlAsJson::new(&DeTable::parse(text).expect("TOML")).expect("representable")
    }

    #[test]
    fn the_json_holds_the_same_values() {
        let text = "a = \"x\\\"y\\n\"\nb = 0x10\nc = [1, 2.5, true]\n[t]\nd = 1979-05-27\n";
        let json: serde_json::Value =
            serde_json::from_str(&convert(text).json).expect("valid JSON");
        assert_eq!(
            json,
            serde_json::json!({
                "a": "x\"y\n",
                "b": 16,
                "c": [1, 2.5, true],
                "t": {"d": {"$__toml_private_datetime": "1979-05-27"}},
            })
        );
    }

    #[test]
    fn a_whole_float_stays_a_float() {
        let json: serde_json::Value =
            serde_json::from_str(&convert("a = 8.0\nb = 1e300\n").json).expect("JSON");
        assert!(json["a"].is_f64() && json["b"].is_f64(), "{json}");
    }

    #[test]
    fn each_json_line_points_back_at_its_toml_key_or_value() {
        let text = "x = 1\n\n[t]\ny = \"z\"\n";
        let converted = convert(text);
        let line_of = |needle: &str| {
            let index = converted
                .json
                .lines()
                .position(|line| line.contains(needle))
                .expect("present");
            let offset = converted.toml_offset(index + 1).expect("mapped");
            crate::catalog::source_map::line_col(text, offset).0
        };
        assert_eq!(line_of("\"y\""), 4);
        assert_eq!(line_of("\"z\""), 4);
        assert_eq!(line_of("\"x\""), 1);
    }

    #[test]
    fn non_finite_floats_are_refused_where_they_are() {
        let text = "a = 1\nb = nan\n";
        let error = TomlAsJson::new(&DeTable::parse(text).expect("TOML")).expect_err("nan");
        assert_eq!(
            crate::catalog::source_map::line_col(text, error.offset).0,
            2
        );
        assert!(
            error.message.contains("not a finite number"),
            "{}",
            error.message
        );
    }

    /// Model errors in TOML name the line, column and message the TOML deserializer named
    /// before the model was read through JSON (the tests enable that deserializer).
    #[test]
    fn model_errors_keep_the_toml_position_and_message() {
        use crate::catalog::{CatalogData, CatalogError, GITLAB_CATALOG_TOML, parse};
        let cases = [
            // A wrong type in an inline table (internally tagged pricing): the table.
            (
                "capacity = 12, seat_addon = \"SRV-PERSEAT-R\"",
                "capacity = \"x\", seat_addon = \"SRV-PERSEAT-R\"",
            ),
            // An unknown key: the key.
            ("effort_days = \"1\"\n", "effort_days = \"1\"\nspeed = 3\n"),
            // A missing field of an array-of-tables entry: the entry.
            ("sku = \"GL-BAS-R\"\n", ""),
            // A wrong type in a list: the element.
            ("\"Developers\", \"Project", "7, \"Project"),
            // A date where text belongs.
            ("as_of = \"2022-11-15\"", "as_of = 2022-11-15"),
            // A table where text belongs, and a field missing at the top.
            (
                "name = \"GitLab Professional Services\"",
                "name = { a = 1 }",
            ),
            ("base_currency = \"USD\"\n", ""),
        ];
        for (from, to) in cases {
            assert!(GITLAB_CATALOG_TOML.contains(from), "{from}");
            let text = GITLAB_CATALOG_TOML.replacen(from, to, 1);
            let before = toml::from_str::<CatalogData>(&text).expect_err(to);
            let span = before.span().expect("a position");
            let (line, column) = crate::catalog::source_map::line_col(&text, span.start);
            let Err(CatalogError::Syntax {
                line: now_line,
                column: now_column,
                message,
                ..
            }) = parse("gitlab.toml", &text)
            else {
                panic!("{to}: not refused as a syntax error");
            };
            assert_eq!(
                (now_line, now_column, message.as_str()),
                (Some(line), Some(column), before.message().trim()),
                "{to}"
            );
        }
    }
}
