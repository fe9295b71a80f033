//! Amounts written as TOML floats (`price = 1000.5`) or JSON numbers with a fraction
//! (`"price": 1000.5`): refused, as every decimal of the format is a string. A float is binary floating point, so it cannot hold most decimal amounts
//! exactly; the catalog's numbers that are not decimals (capacities, bands, days) are whole
//! numbers, so a float is never right anywhere.

use super::context::Sink;
use crate::catalog::source_map::SourceMap;

pub(super) fn toml_floats(map: &SourceMap, out: &mut Sink<'_>) {
    for (path, written) in map.floats() {
        out.at(
            path.clone(),
            format!(
                "{written} is a floating-point number, which is not an exact decimal; write \
                 amounts and other decimals as strings: \"{written}\""
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
            "1000.5 is a floating-point number, which is not an exact decimal; write amounts \
             and other decimals as strings: \"1000.5\"",
        );
        assert_eq!(price.line, Some(line_of(&text, "1000.5")));
        find(
            &issues,
            "price_books[0].prices.USERS.tiers[1]",
            "8.0 is a floating-point number",
        );
        find(
            &issues,
            "price_books[1].conversion.rate",
            "0.95 is a floating-point number",
        );
        // The same amounts as strings are accepted.
        let strings = edits(&[(
            "GL-BAS = { price = \"7000\" }",
            "GL-BAS = { price = \"1000.5\" }",
        )]);
        assert!(
            !lint_text(&strings)
                .iter()
                .any(|i| i.message.contains("floating-point")),
            "a string is no float"
        );
    }

    #[test]
    fn json_numbers_with_a_fraction_are_refused_too() {
        let (data, map) = crate::catalog::parse(
            "test.json",
            r#"{"format": 1, "id": "t", "name": "T", "version": "1", "base_currency": "USD",
                "price_books": [{"currency": "USD", "prices": {"X": {"price": 1000.5}}}]}"#,
        )
        .expect("a JSON float still parses");
        let issues = crate::catalog::lint::lint(&data, &map, "test.json");
        find(
            &issues,
            "price_books[0].prices.X.price",
            "1000.5 is a floating-point number",
        );
    }
}
