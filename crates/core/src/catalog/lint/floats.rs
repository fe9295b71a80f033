//! Amounts written as TOML floats (`price = 1000.5`): refused, as every decimal of the format
//! is a string. A float is binary floating point, so it cannot hold most decimal amounts
//! exactly; the catalog's numbers that are not decimals (capacities, bands, days) are whole
//! numbers, so a float is never right anywhere.

use super::context::Sink;
use crate::catalog::source_map::SourceMap;

pub(super) fn toml_floats(map: &SourceMap, out: &mut Sink<'_>) {
    for (path, written) in map.floats() {
        out.at(
            path.clone(),
            format!(
                "{written} is a TOML float, which is not an exact decimal; write amounts and \
                 other decimals as strings: \"{written}\""
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edits, find, line_of, lint_text};

    #[test]
    fn floats_are_refused_naming_each_field() {
        let text = edits(&[
            (
                "GL-BAS = { price = \"7000\" }",
                "GL-BAS = { price = 1000.5 }",
            ),
            ("tiers = [\"10\", \"8\"]", "tiers = [\"10\", 8.0]"),
            ("rate = \"0.95\"", "rate = 0.95"),
        ]);
        let issues = lint_text(&text);
        let price = find(
            &issues,
            "price_books[0].prices.GL-BAS.price",
            "1000.5 is a TOML float, which is not an exact decimal; write amounts and other \
             decimals as strings: \"1000.5\"",
        );
        assert_eq!(price.line, Some(line_of(&text, "1000.5")));
        find(
            &issues,
            "price_books[0].prices.USERS.tiers[1]",
            "8.0 is a TOML float",
        );
        find(
            &issues,
            "price_books[1].conversion.rate",
            "0.95 is a TOML float",
        );
        // The same amounts as strings are accepted.
        let strings = edits(&[(
            "GL-BAS = { price = \"7000\" }",
            "GL-BAS = { price = \"1000.5\" }",
        )]);
        assert!(
            !lint_text(&strings)
                .iter()
                .any(|i| i.message.contains("TOML float")),
            "a string is no float"
        );
    }
}
