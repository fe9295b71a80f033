//! Calendar dates without a clock: parsed from `YYYY-MM-DD`, shifted by days, compared.
//! The core never reads the current date; callers pass one in when they have it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What was given.
    pub input: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "expected a date as YYYY-MM-DD (e.g. 2026-03-31), got {:?}",
            self.input
        )
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// A date from its parts, if it exists (years 1–9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let error = || DateError {
            input: text.chars().take(40).collect(),
        };
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return Err(error());
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10))
        else {
            return Err(error());
        };
        let (Ok(year), Ok(month), Ok(day)) =
            (i32::try_from(year), u8::try_from(month), u8::try_from(day))
        else {
            return Err(error());
        };
        Date::new(year, month, day).ok_or_else(error)
    }

    /// The date `days` later (or earlier when negative); `None` outside years 1–9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        let shifted = self.days_since_epoch().checked_add(days)?;
        let date = Date::from_days_since_epoch(shifted);
        (1..=9999).contains(&date.year).then_some(date)
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        let days = self.days_since_epoch();
        u8::try_from((days + 3).rem_euclid(7)).unwrap_or(0)
    }

    fn days_since_epoch(self) -> i64 {
        // Days from civil: shift the year to start in March so leap days fall last.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    fn from_days_since_epoch(days: i64) -> Date {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(0),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let date = Date::parse("2026-02-28").unwrap();
        assert_eq!(date.to_string(), "2026-02-28");
        assert!(Date::parse("2026-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("26-01-01").is_err());
        assert!(Date::parse("2026-1-01").is_err());
        assert!(Date::parse("+026-01-01").is_err());
        assert!(Date::parse("").is_err());
    }

    #[test]
    fn adds_days_across_months_and_leap_years() {
        let date = Date::parse("2024-02-27").unwrap();
        assert_eq!(date.add_days(2).unwrap().to_string(), "2024-02-29");
        assert_eq!(date.add_days(3).unwrap().to_string(), "2024-03-01");
        assert_eq!(date.add_days(-58).unwrap().to_string(), "2023-12-31");
        assert_eq!(
            Date::parse("2026-11-25")
                .unwrap()
                .add_days(42)
                .unwrap()
                .to_string(),
            "2027-01-06"
        );
        assert!(Date::parse("9999-12-31").unwrap().add_days(1).is_none());
    }

    #[test]
    fn knows_weekdays() {
        assert_eq!(Date::parse("1970-01-01").unwrap().weekday(), 3);
        assert_eq!(Date::parse("2026-11-25").unwrap().weekday(), 2); // a Wednesday
    }

    #[test]
    fn round_trips_every_day_of_a_few_centuries() {
        let mut date = Date::parse("1899-12-25").unwrap();
        for _ in 0..80_000 {
            let next = date.add_days(1).unwrap();
            assert!(next > date);
            assert_eq!(Date::parse(&next.to_string()).unwrap(), next);
            date = next;
        }
    }
}
