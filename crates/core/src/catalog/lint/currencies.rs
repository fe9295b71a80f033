//! Rule 2, currencies: ISO 4217 codes, one price book per currency, and a base book
//! without a conversion.

use std::collections::BTreeMap;

use super::context::{Ctx, Sink};
use crate::money::Currency;

/// Reports `code` when it is not a known ISO 4217 code; returns whether it is known.
fn check_currency(out: &mut Sink<'_>, field: String, code: &str) -> bool {
    if Currency::from_code(code).is_some() {
        return true;
    }
    let upper = code.trim().to_ascii_uppercase();
    let message = if Currency::from_code(&upper).is_some() {
        format!("unknown currency {code:?}; write the ISO 4217 code in upper case: {upper:?}")
    } else {
        format!(
            "unknown currency {code:?} (expected a three-letter ISO 4217 code such as \"USD\" or \"EUR\")"
        )
    };
    out.at(field, message);
    false
}

pub(super) fn currencies(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let data = cx.data;
    let base = data.base_currency.as_str();
    let base_known = check_currency(out, "base_currency".to_string(), base);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (b, book) in data.price_books.iter().enumerate() {
        let field = format!("price_books[{b}].currency");
        let code = book.currency.as_str();
        check_currency(out, field.clone(), code);
        if let Some(&first) = seen.get(code) {
            let message = format!(
                "a second price book for {code}: {} is already the {code} book; keep one book per currency",
                out.position(&format!("price_books[{first}]"))
            );
            out.at(field, message);
        } else {
            seen.insert(code, b);
        }
        if code == base && book.conversion.is_some() {
            out.at(
                format!("price_books[{b}].conversion"),
                format!(
                    "the {code} book is the base book (base_currency = {base:?}), so it must not \
                     have a conversion; the other books are converted from it"
                ),
            );
        }
    }
    if base_known && !seen.contains_key(base) {
        out.at(
            "base_currency",
            format!(
                "no price book for the base currency {base}; add a [[price_books]] with \
                 currency = {base:?} and no conversion"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{at, edit, find, line_of, lint_text};

    #[test]
    fn base_currency_must_be_a_known_code() {
        let text = edit("base_currency = \"USD\"", "base_currency = \"usd\"");
        let issues = lint_text(&text);
        let issue = find(&issues, "base_currency", "unknown currency \"usd\"");
        assert!(issue.message.contains("upper case: \"USD\""));
        assert_eq!(issue.line, Some(5));
        // An unknown base currency is not also reported as lacking a book.
        assert_eq!(at(&issues, "base_currency").len(), 1);
    }

    #[test]
    fn book_currencies_must_be_known_and_unique() {
        let text = edit("currency = \"EUR\"", "currency = \"EURO\"");
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "price_books[1].currency",
            "unknown currency \"EURO\"",
        );
        assert!(issue.message.contains("ISO 4217"));
        assert_eq!(issue.line, Some(line_of(&text, "\"EURO\"")));

        let text = edit("currency = \"EUR\"", "currency = \"USD\"");
        let issues = lint_text(&text);
        let first = line_of(&text, "[[price_books]]");
        let issue = find(
            &issues,
            "price_books[1].currency",
            "a second price book for USD",
        );
        assert!(
            issue
                .message
                .contains(&format!("price_books[0] (line {first})")),
            "{}",
            issue.message
        );
        // The second USD book is a base book with a conversion.
        find(
            &issues,
            "price_books[1].conversion",
            "must not have a conversion",
        );
    }

    #[test]
    fn the_base_book_must_exist_without_a_conversion() {
        let text = edit("\ncurrency = \"USD\"", "\ncurrency = \"GBP\"");
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "base_currency",
            "no price book for the base currency USD",
        );
        assert_eq!(issue.line, Some(5));

        let text = edit(
            "\ncurrency = \"USD\"\n",
            "\ncurrency = \"USD\"\nconversion = { rate = \"1\", as_of = \"2022-11-01\" }\n",
        );
        let issues = lint_text(&text);
        let issue = find(&issues, "price_books[0].conversion", "base book");
        assert_eq!(
            issue.line,
            Some(line_of(&text, "conversion = { rate = \"1\""))
        );
    }
}
