//! RFC 3339 timestamps, checked without a clock: the caller says when a SOW request was
//! generated, and the same timestamp gives the same payload byte for byte.

use std::fmt;

use crate::date::Date;

/// An RFC 3339 date-time (`2026-03-31T09:30:00Z`, `2026-03-31T11:30:00.5+02:00`), kept as
/// written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(String);

/// Why a timestamp was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    /// What was given (at most 40 characters of it).
    pub input: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "expected an RFC 3339 timestamp such as 2026-03-31T09:30:00Z, got {:?}: {}",
            self.input, self.problem
        )
    }
}

impl std::error::Error for TimestampError {}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. `T` and `Z` may be lower case
    /// (RFC 3339 allows it); a space instead of `T`, a missing offset or a missing seconds
    /// field is refused.
    pub fn parse(text: &str) -> Result<Timestamp, TimestampError> {
        let fail = |problem: &str| TimestampError {
            input: text.chars().take(40).collect(),
            problem: problem.to_string(),
        };
        if !text.is_ascii() {
            return Err(fail(
                "only ASCII digits, '-', ':', '.', 'T', 'Z' and '+' belong in it",
            ));
        }
        let (date, rest) = match (text.get(..10), text.get(10..11), text.get(11..)) {
            (Some(date), Some("T" | "t"), Some(rest)) => (date, rest),
            (Some(_), Some(" "), _) => {
                return Err(fail("separate the date and the time with 'T', not a space"));
            }
            _ => return Err(fail("it must start with a date and 'T', e.g. 2026-03-31T")),
        };
        Date::parse(date).map_err(|_| fail("the date is not a real YYYY-MM-DD date"))?;
        let (time, offset) = split_offset(rest)
            .ok_or_else(|| fail("it needs a time zone: 'Z' for UTC or an offset such as +02:00"))?;
        check_time(time).map_err(|p| fail(&p))?;
        if !offset.eq_ignore_ascii_case("z") {
            check_offset(offset).map_err(|p| fail(&p))?;
        }
        Ok(Timestamp(text.to_string()))
    }

    /// The timestamp as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `HH:MM:SS[.frac]` and `Z` / `±HH:MM`.
fn split_offset(rest: &str) -> Option<(&str, &str)> {
    if let Some(time) = rest.strip_suffix(['Z', 'z']) {
        return Some((time, "Z"));
    }
    let index = rest.rfind(['+', '-'])?;
    Some((rest.get(..index)?, rest.get(index..)?))
}

fn two_digits(text: Option<&str>, what: &str, max: u32) -> Result<u32, String> {
    let value = text
        .filter(|t| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|t| t.parse::<u32>().ok())
        .ok_or_else(|| format!("the {what} must be two digits"))?;
    if value > max {
        return Err(format!("the {what} {value} is over {max}"));
    }
    Ok(value)
}

fn check_time(time: &str) -> Result<(), String> {
    let (clock, fraction) = match time.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (time, None),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.len() != 3 {
        return Err("the time must be HH:MM:SS".to_string());
    }
    two_digits(parts.first().copied(), "hour", 23)?;
    two_digits(parts.get(1).copied(), "minute", 59)?;
    // 60 is a leap second, which RFC 3339 allows.
    two_digits(parts.get(2).copied(), "second", 60)?;
    if let Some(fraction) = fraction
        && (fraction.is_empty()
            || fraction.len() > 9
            || !fraction.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err("the fraction of a second must be 1 to 9 digits".to_string());
    }
    Ok(())
}

fn check_offset(offset: &str) -> Result<(), String> {
    let body = offset
        .strip_prefix(['+', '-'])
        .ok_or_else(|| "the offset must start with '+' or '-'".to_string())?;
    let (hours, minutes) = body
        .split_once(':')
        .ok_or_else(|| "the offset must be ±HH:MM".to_string())?;
    two_digits(Some(hours), "offset hour", 23)?;
    two_digits(Some(minutes), "offset minute", 59)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_rfc_3339() {
        for good in [
            "2026-03-31T09:30:00Z",
            "2026-03-31t09:30:00z",
            "2024-02-29T23:59:60Z",
            "2026-03-31T09:30:00.123456789+02:00",
            "2026-03-31T09:30:00-05:30",
            "0001-01-01T00:00:00Z",
        ] {
            assert_eq!(
                Timestamp::parse(good).map(|t| t.as_str().to_string()),
                Ok(good.to_string())
            );
        }
    }

    #[test]
    fn refuses_near_misses_with_a_reason() {
        let cases = [
            ("2026-03-31", "start with a date and 'T'"),
            ("2026-03-31 09:30:00Z", "not a space"),
            ("2026-02-30T09:30:00Z", "not a real"),
            ("2026-03-31T09:30:00", "time zone"),
            ("2026-03-31T09:30Z", "HH:MM:SS"),
            ("2026-03-31T24:00:00Z", "hour 24 is over 23"),
            ("2026-03-31T09:61:00Z", "minute 61"),
            ("2026-03-31T09:30:00.Z", "fraction"),
            ("2026-03-31T09:30:00+0200", "±HH:MM"),
            ("2026-03-31T09:30:00+24:00", "offset hour"),
            ("2026-03-31T9:30:00Z", "hour must be two digits"),
            ("yesterday", "start with a date"),
            ("2026-03-31T09:30:00Z\u{FF10}", "ASCII"),
            ("", "start with a date"),
        ];
        for (bad, expected) in cases {
            let error = Timestamp::parse(bad).unwrap_err();
            assert!(
                error.to_string().contains(expected),
                "{bad:?}: {error} (expected {expected:?})"
            );
        }
    }
}
