//! Prices as `services.yml` writes them: `40000`, `"$14,400"`, `14,400.50`, empty, or words.

use std::str::FromStr;

use rust_decimal::Decimal;
use yaml_rust2::Yaml;

/// What a `price:` value holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PriceField {
    /// No key, `null`, or an empty string.
    Missing,
    /// An amount. `written` is the source text when it was not a plain YAML number
    /// (`$14,400`), so the reader can be told how it was read.
    Amount {
        value: Decimal,
        written: Option<String>,
    },
    /// Something that is not a positive amount (`TBD`, `-5`, a list).
    Invalid(String),
}

/// Reads a `price:` value.
pub(crate) fn read_price(node: Option<&Yaml>) -> PriceField {
    match node {
        None | Some(Yaml::Null) | Some(Yaml::BadValue) => PriceField::Missing,
        Some(Yaml::Integer(n)) => positive(Decimal::from(*n), None, n.to_string()),
        Some(Yaml::Real(text)) => match parse_amount(text) {
            Some(value) => positive(value, None, text.clone()),
            None => PriceField::Invalid(text.clone()),
        },
        Some(Yaml::String(text)) => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return PriceField::Missing;
            }
            match parse_amount(trimmed) {
                Some(value) => positive(value, Some(trimmed.to_string()), trimmed.to_string()),
                None => PriceField::Invalid(trimmed.to_string()),
            }
        }
        Some(Yaml::Boolean(b)) => PriceField::Invalid(b.to_string()),
        Some(Yaml::Array(_)) => PriceField::Invalid("a list".to_string()),
        Some(Yaml::Hash(_)) => PriceField::Invalid("a mapping".to_string()),
        Some(Yaml::Alias(_)) => PriceField::Invalid("an alias".to_string()),
    }
}

fn positive(value: Decimal, written: Option<String>, source: String) -> PriceField {
    if value > Decimal::ZERO {
        PriceField::Amount {
            value: value.normalize(),
            written,
        }
    } else {
        PriceField::Invalid(source)
    }
}

/// Parses an amount written for people: `40000`, `$14,400`, `14,400.50`, `USD 500`,
/// `7000.0`, `1.5e4`. Thousands separators must group by three. Returns `None` for anything
/// else, including negative amounts and trailing words.
pub(crate) fn parse_amount(text: &str) -> Option<Decimal> {
    let mut rest = text.trim();
    for prefix in ["US$", "USD", "$"] {
        if let Some(stripped) = rest.strip_prefix(prefix) {
            rest = stripped.trim_start();
            break;
        }
    }
    if let Some(stripped) = rest.strip_suffix("USD") {
        rest = stripped.trim_end();
    }
    if rest.is_empty() {
        return None;
    }
    if rest.contains(['e', 'E']) {
        return Decimal::from_scientific(rest)
            .ok()
            .filter(|v| *v >= Decimal::ZERO);
    }
    let (int, frac) = match rest.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (rest, None),
    };
    if !valid_integer_part(int) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let plain: String = rest.chars().filter(|&c| c != ',').collect();
    Decimal::from_str(&plain).ok()
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// `14400` or `14,400` (groups of three after the first).
fn valid_integer_part(int: &str) -> bool {
    let mut groups = int.split(',');
    let Some(first) = groups.next() else {
        return false;
    };
    if !all_digits(first) {
        return false;
    }
    let mut grouped = false;
    for group in groups {
        grouped = true;
        if group.len() != 3 || !all_digits(group) {
            return false;
        }
    }
    !grouped || first.len() <= 3
}

/// Every dollar amount written in a text (`$5,000`), in order.
pub(crate) fn dollar_amounts(text: &str) -> Vec<Decimal> {
    text.match_indices('$')
        .filter_map(|(i, _)| {
            let after = text.get(i + 1..)?;
            let number: String = after
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .collect();
            parse_amount(number.trim_end_matches(['.', ',']))
        })
        .map(|amount| amount.normalize())
        .collect()
}

/// Per-mode amounts stated in a `price_desc` (`Remote: $5,000` / `On-site: $7,000 plus
/// travel`), one line per mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ModePrices {
    pub(crate) remote: Option<Decimal>,
    pub(crate) on_site: Option<Decimal>,
}

/// Reads the per-mode amounts from plain text (HTML already removed).
pub(crate) fn mode_prices(price_desc: &str) -> ModePrices {
    let mut prices = ModePrices::default();
    for line in price_desc.lines() {
        let lower = line.trim().to_lowercase();
        let first = dollar_amounts(line).into_iter().next();
        if lower.starts_with("remote") {
            prices.remote = prices.remote.or(first);
        } else if starts_on_site(&lower) {
            prices.on_site = prices.on_site.or(first);
        }
    }
    prices
}

/// Whether lower-case text starts by naming on-site delivery.
pub(crate) fn starts_on_site(lower: &str) -> bool {
    ["on-site", "onsite", "on site", "at your site"]
        .iter()
        .any(|label| lower.starts_with(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn yaml_price(source: &str) -> PriceField {
        let docs = yaml_rust2::YamlLoader::load_from_str(source).unwrap();
        read_price(Some(&docs[0]["price"]))
    }

    #[test]
    fn plain_yaml_numbers_are_amounts_without_a_note() {
        assert_eq!(
            yaml_price("price: 40000"),
            PriceField::Amount {
                value: dec("40000"),
                written: None
            }
        );
        assert_eq!(
            yaml_price("price: 7000.0"),
            PriceField::Amount {
                value: dec("7000"),
                written: None
            }
        );
    }

    #[test]
    fn written_amounts_are_read_and_remember_how_they_were_written() {
        assert_eq!(
            yaml_price("price: $14,400"),
            PriceField::Amount {
                value: dec("14400"),
                written: Some("$14,400".to_string())
            }
        );
        assert_eq!(
            yaml_price(r#"price: "$14,400""#),
            PriceField::Amount {
                value: dec("14400"),
                written: Some("$14,400".to_string())
            }
        );
        assert_eq!(
            yaml_price("price: 14,400"),
            PriceField::Amount {
                value: dec("14400"),
                written: Some("14,400".to_string())
            }
        );
        assert_eq!(
            yaml_price("price: 14,400.50"),
            PriceField::Amount {
                value: dec("14400.5"),
                written: Some("14,400.50".to_string())
            }
        );
        assert_eq!(
            yaml_price("price: USD 500"),
            PriceField::Amount {
                value: dec("500"),
                written: Some("USD 500".to_string())
            }
        );
    }

    #[test]
    fn empty_null_and_absent_prices_are_missing() {
        assert_eq!(yaml_price(r#"price: """#), PriceField::Missing);
        assert_eq!(yaml_price("price:"), PriceField::Missing);
        assert_eq!(yaml_price("price: null"), PriceField::Missing);
        assert_eq!(yaml_price("price: ~"), PriceField::Missing);
        assert_eq!(yaml_price("price: #TODO"), PriceField::Missing);
        assert_eq!(yaml_price("other: 1"), PriceField::Missing);
        assert_eq!(read_price(None), PriceField::Missing);
    }

    #[test]
    fn words_negatives_zero_and_structures_are_invalid() {
        assert_eq!(yaml_price("price: TBD"), PriceField::Invalid("TBD".into()));
        assert_eq!(yaml_price("price: -5"), PriceField::Invalid("-5".into()));
        assert_eq!(yaml_price("price: 0"), PriceField::Invalid("0".into()));
        assert_eq!(
            yaml_price("price: true"),
            PriceField::Invalid("true".into())
        );
        assert_eq!(
            yaml_price("price: [1, 2]"),
            PriceField::Invalid("a list".into())
        );
        assert_eq!(
            yaml_price("price: {a: 1}"),
            PriceField::Invalid("a mapping".into())
        );
        assert_eq!(
            yaml_price("price: 5000 per class"),
            PriceField::Invalid("5000 per class".into())
        );
        assert_eq!(
            yaml_price("price: .nan"),
            PriceField::Invalid(".nan".into())
        );
    }

    #[test]
    fn amount_grammar() {
        assert_eq!(parse_amount("1,234,567.89"), Some(dec("1234567.89")));
        assert_eq!(parse_amount("$ 500"), Some(dec("500")));
        assert_eq!(parse_amount("500 USD"), Some(dec("500")));
        assert_eq!(parse_amount("1.5e4"), Some(dec("15000")));
        assert_eq!(parse_amount("1,2,3"), None);
        assert_eq!(parse_amount("1234,567"), None);
        assert_eq!(parse_amount("12,34"), None);
        assert_eq!(parse_amount("1."), None);
        assert_eq!(parse_amount(".5"), None);
        assert_eq!(parse_amount("$"), None);
        assert_eq!(parse_amount("-1e3"), None);
        assert_eq!(parse_amount("99999999999999999999999999999999"), None);
    }

    #[test]
    fn dollar_amounts_are_found_in_sentences() {
        assert_eq!(
            dollar_amounts("$14,400 for 48 hour block. Or $500."),
            vec![dec("14400"), dec("500")]
        );
        assert_eq!(dollar_amounts("Varies. $ and $x"), Vec::<Decimal>::new());
    }

    #[test]
    fn mode_prices_read_one_line_per_mode() {
        let prices =
            mode_prices("Remote: $5,000\nOn-site: $7,000 plus travel expenses for each instructor");
        assert_eq!(prices.remote, Some(dec("5000")));
        assert_eq!(prices.on_site, Some(dec("7000")));
        let prices = mode_prices("Remote delivery is $5,000 per class.");
        assert_eq!(prices.remote, Some(dec("5000")));
        assert_eq!(prices.on_site, None);
        let prices = mode_prices("Remote: $20,000\nOnsite: $20,000 plus trainer travel.");
        assert_eq!(prices.on_site, Some(dec("20000")));
        let prices = mode_prices("Remote: $5,000\nAt your site: $7,000");
        assert_eq!(prices.on_site, Some(dec("7000")));
        assert_eq!(mode_prices("$2,400"), ModePrices::default());
    }
}
