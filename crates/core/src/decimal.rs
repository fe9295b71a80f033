//! Plain decimal numbers as people and documents write them: `12`, `12.50`, `-3`.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Parses a plain decimal (`12`, `12.50`, `-3`); no exponents, no thousands separators.
pub(crate) fn parse_decimal(text: &str) -> Option<Decimal> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits_ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && int.len() + frac.len() <= 28
        && !(body.contains('.') && frac.is_empty());
    if !digits_ok {
        return None;
    }
    Decimal::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(parse_decimal("12.50"), Some(Decimal::new(1250, 2)));
        assert_eq!(parse_decimal("-3"), Some(Decimal::from(-3)));
        for bad in ["", "1e3", "1,000", "12.", ".5", "+1", "NaN", "1 000", "--1"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }
}
