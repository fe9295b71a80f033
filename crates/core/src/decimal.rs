//! Plain numbers as people and documents write them: decimals (`12`, `12.50`, `-3`) and
//! whole numbers (`12`), and the same grammar for what someone types into a number field,
//! with the words that say when the text is not a number.

use std::fmt;
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

/// Parses a plain whole number (`0`, `1200`): digits only, no sign, no separators, at most
/// `u64::MAX`.
pub(crate) fn parse_whole(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The kind of number a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// `12`.
    Whole,
    /// `12` or `7.5`, not negative.
    Decimal,
}

/// Text typed into a number field that is not a number of the field's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber(pub NumberKind);

impl NotANumber {
    /// What to type instead, as a sentence.
    pub fn message(self) -> &'static str {
        match self.0 {
            NumberKind::Whole => "Enter a whole number, like 12.",
            NumberKind::Decimal => "Enter a number, like 12 or 7.5.",
        }
    }
}

impl fmt::Display for NotANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for NotANumber {}

/// A whole-number field's text: blank (spaces aside) is `None`, digits are the number.
pub fn read_whole_number(text: &str) -> Result<Option<u64>, NotANumber> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_whole(text)
        .map(Some)
        .ok_or(NotANumber(NumberKind::Whole))
}

/// A decimal field's text: blank (spaces aside) is `None`, a plain decimal that is not
/// negative (`12`, `7.5`) is the number.
pub fn read_decimal_number(text: &str) -> Result<Option<Decimal>, NotANumber> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_decimal(text)
        .filter(|d| !d.is_sign_negative())
        .map(Some)
        .ok_or(NotANumber(NumberKind::Decimal))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_whole_numbers_only() {
        assert_eq!(parse_whole("0"), Some(0));
        assert_eq!(parse_whole("999"), Some(999));
        assert_eq!(parse_whole("1000"), Some(1_000));
        assert_eq!(parse_whole("18446744073709551615"), Some(u64::MAX));
        for bad in [
            "",
            "-1",
            "+1",
            "1,000",
            "1.0",
            " 1",
            "18446744073709551616",
            "١٢",
        ] {
            assert_eq!(parse_whole(bad), None, "{bad}");
        }
    }

    #[test]
    fn whole_number_fields_read_digits_and_blank() {
        assert_eq!(read_whole_number(""), Ok(None));
        assert_eq!(read_whole_number("   "), Ok(None));
        assert_eq!(read_whole_number(" 12 "), Ok(Some(12)));
        assert_eq!(read_whole_number("0"), Ok(Some(0)));
        for bad in ["-3", "1,200", "lots", "7.5", "+5"] {
            let error = read_whole_number(bad).expect_err(bad);
            assert_eq!(error.to_string(), "Enter a whole number, like 12.");
        }
    }

    #[test]
    fn decimal_fields_read_plain_decimals_that_are_not_negative() {
        assert_eq!(read_decimal_number(""), Ok(None));
        assert_eq!(
            read_decimal_number("12.50"),
            Ok(Some(Decimal::new(1250, 2)))
        );
        assert_eq!(read_decimal_number(" 7 "), Ok(Some(Decimal::from(7))));
        assert_eq!(read_decimal_number("0"), Ok(Some(Decimal::ZERO)));
        for bad in ["-3", "-0.5", "1e3", "1,000", "12.", ".5", "1.2.3", "abc"] {
            let error = read_decimal_number(bad).expect_err(bad);
            assert_eq!(error.to_string(), "Enter a number, like 12 or 7.5.");
        }
    }

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(parse_decimal("12.50"), Some(Decimal::new(1250, 2)));
        assert_eq!(parse_decimal("-3"), Some(Decimal::from(-3)));
        for bad in ["", "1e3", "1,000", "12.", ".5", "+1", "NaN", "1 000", "--1"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }
}
