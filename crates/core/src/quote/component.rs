//! The parts of a line's gross amount ([`Component`]), and what each part is in words
//! ([`ComponentDescription`]): recorded as counts while pricing, written out when someone reads them
//! or the quote is serialised, as the trace is.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::wording::{count_words, plural};

/// A part of a line's gross amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Component {
    /// The SKU billed (e.g. the seat add-on).
    pub sku: Arc<str>,
    /// What it is.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub description: ComponentDescription,
    /// How many (hours may be fractional).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub quantity: Decimal,
    /// Price per one.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub unit_price: Decimal,
    /// Quantity × unit price.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Decimal,
}

/// What a component is, in words (`3 classes`, `4 seat add-ons`, `2 started groups: per
/// started group of 10 repositories over 5 GB`). In JSON, a string.
#[derive(Debug, Clone)]
pub struct ComponentDescription(Words);

#[derive(Debug, Clone, PartialEq)]
enum Words {
    /// A count and the phrase counted, its last word in the plural when the count is not 1.
    Count(u64, &'static str),
    /// Started groups of an add-on (a range when an answer is missing), and its label.
    Groups {
        low: u64,
        high: u64,
        label: Arc<str>,
    },
    /// Written out: by a pricing model, or read back from JSON.
    Text(String),
}

impl ComponentDescription {
    /// `n` and the phrase counted: `3 classes`.
    pub(crate) fn count(n: u64, phrase: &'static str) -> ComponentDescription {
        ComponentDescription(Words::Count(n, phrase))
    }

    /// Started groups of an add-on: `2 started groups: <label>`.
    pub(crate) fn groups(low: u64, high: u64, label: Arc<str>) -> ComponentDescription {
        ComponentDescription(Words::Groups { low, high, label })
    }

    /// Words written out already.
    pub(crate) fn text(text: String) -> ComponentDescription {
        ComponentDescription(Words::Text(text))
    }

    /// The words.
    pub fn as_text(&self) -> Cow<'_, str> {
        match &self.0 {
            Words::Count(n, phrase) => Cow::Owned(count_words(*n, phrase)),
            Words::Groups { low, high, label } if low == high => {
                Cow::Owned(format!("{low} started {}: {label}", plural("group", *low)))
            }
            Words::Groups { low, high, label } => {
                Cow::Owned(format!("{low}–{high} started groups: {label}"))
            }
            Words::Text(text) => Cow::Borrowed(text),
        }
    }
}

impl fmt::Display for ComponentDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_text())
    }
}

/// Two descriptions are equal when they say the same: recorded ones compare their counts (no
/// words are written), others their words.
impl PartialEq for ComponentDescription {
    fn eq(&self, other: &ComponentDescription) -> bool {
        match (&self.0, &other.0) {
            (Words::Text(a), Words::Text(b)) => a == b,
            // The same kind of words with other counts or labels say something else.
            (a @ Words::Count(..), b @ Words::Count(..))
            | (a @ Words::Groups { .. }, b @ Words::Groups { .. }) => a == b,
            _ => self.as_text() == other.as_text(),
        }
    }
}

impl Serialize for ComponentDescription {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_text())
    }
}

impl<'de> Deserialize<'de> for ComponentDescription {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(ComponentDescription::text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_words_read_as_written_and_compare_by_what_they_say() {
        assert_eq!(
            ComponentDescription::count(3, "class").to_string(),
            "3 classes"
        );
        assert_eq!(
            ComponentDescription::count(1, "seat add-on").to_string(),
            "1 seat add-on"
        );
        let label: Arc<str> = Arc::from("per started group of 10 repositories over 5 GB");
        assert_eq!(
            ComponentDescription::groups(1, 1, label.clone()).to_string(),
            "1 started group: per started group of 10 repositories over 5 GB"
        );
        assert_eq!(
            ComponentDescription::groups(0, 3, label.clone()).to_string(),
            "0–3 started groups: per started group of 10 repositories over 5 GB"
        );
        assert_eq!(
            ComponentDescription::count(3, "class"),
            ComponentDescription::text("3 classes".into())
        );
        assert_ne!(
            ComponentDescription::count(3, "class"),
            ComponentDescription::count(4, "class")
        );
        assert_ne!(
            ComponentDescription::groups(2, 2, label.clone()),
            ComponentDescription::groups(2, 3, label)
        );
    }

    #[test]
    fn a_description_is_a_string_in_json() {
        let json = serde_json::to_string(&ComponentDescription::count(4, "seat add-on")).unwrap();
        assert_eq!(json, "\"4 seat add-ons\"");
        let read: ComponentDescription = serde_json::from_str(&json).unwrap();
        assert_eq!(read, ComponentDescription::count(4, "seat add-on"));
        assert_eq!(read.as_text(), "4 seat add-ons");
    }
}
