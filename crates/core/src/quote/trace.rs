//! The trace of a quote line: each rule applied, with the amount before and after.
//!
//! Pricing records each step as data (amounts, counts, bands) and renders the words only
//! when someone reads them ([`TraceStep::text`]) or the quote is serialised. Formatting
//! money is far more expensive than pricing it, so a quote that is repriced on every
//! keystroke pays for the words of the steps actually shown, not for every line every time.

mod detail;
mod store;
mod words;

pub(crate) use detail::{
    AddOnWords, AxisReading, AxisWords, ClassOptions, Conversion, Converted, Count, DaysOnSite,
    TierVolume, TraceDetail,
};

pub use store::Trace;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize};

use crate::money::{Currency, PriceRange};

/// One rule applied to a line, with the amount before and after.
///
/// In JSON: `{"step": "line_discount", "text": "Line discount 10%: …", "before": …, "after": …}`.
#[derive(Debug, Clone)]
pub struct TraceStep {
    content: Content,
    /// The amount before the step.
    pub before: Option<PriceRange>,
    /// The amount after the step.
    pub after: Option<PriceRange>,
}

#[derive(Debug, Clone)]
enum Content {
    /// Recorded while pricing; rendered on demand in this currency.
    Detail(TraceDetail, Currency),
    /// Read back from JSON.
    Rendered { step: String, text: String },
}

impl TraceStep {
    pub(crate) fn new(
        detail: TraceDetail,
        currency: Currency,
        before: Option<PriceRange>,
        after: Option<PriceRange>,
    ) -> TraceStep {
        TraceStep {
            content: Content::Detail(detail, currency),
            before,
            after,
        }
    }

    /// Machine-readable step name (`list_price`, `class_count`, `line_discount`, …).
    pub fn step(&self) -> &str {
        match &self.content {
            Content::Detail(detail, _) => detail.name(),
            Content::Rendered { step, .. } => step,
        }
    }

    /// What happened, in words a salesperson understands.
    pub fn text(&self) -> String {
        match &self.content {
            Content::Detail(detail, currency) => detail.render(*currency, self.before, self.after),
            Content::Rendered { text, .. } => text.clone(),
        }
    }
}

/// Two steps are equal when they say the same: steps recorded while pricing compare their
/// data (no words are rendered, so comparing two quotes, as the web app's rows do on every
/// keystroke, costs what comparing numbers costs); a step read back from JSON compares its
/// name and words with the other's.
impl PartialEq for TraceStep {
    fn eq(&self, other: &TraceStep) -> bool {
        if self.before != other.before || self.after != other.after {
            return false;
        }
        match (&self.content, &other.content) {
            (Content::Detail(detail, currency), Content::Detail(other_detail, other_currency)) => {
                currency == other_currency && detail == other_detail
            }
            _ => self.step() == other.step() && self.text() == other.text(),
        }
    }
}

impl Serialize for TraceStep {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = 2 + usize::from(self.before.is_some()) + usize::from(self.after.is_some());
        let mut state = serializer.serialize_struct("TraceStep", fields)?;
        state.serialize_field("step", self.step())?;
        state.serialize_field("text", &self.text())?;
        if let Some(before) = &self.before {
            state.serialize_field("before", before)?;
        }
        if let Some(after) = &self.after {
            state.serialize_field("after", after)?;
        }
        state.end()
    }
}

impl<'de> Deserialize<'de> for TraceStep {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Plain {
            step: String,
            text: String,
            #[serde(default)]
            before: Option<PriceRange>,
            #[serde(default)]
            after: Option<PriceRange>,
        }
        let plain = Plain::deserialize(deserializer)?;
        Ok(TraceStep {
            content: Content::Rendered {
                step: plain.step,
                text: plain.text,
            },
            before: plain.before,
            after: plain.after,
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for TraceStep {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("TraceStep")
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        #[derive(schemars::JsonSchema)]
        #[allow(dead_code)]
        /// One rule applied to a line, with the amount before and after.
        struct TraceStep {
            /// Machine-readable step name (`list_price`, `class_count`, `line_discount`, …).
            step: String,
            /// What happened, in words a salesperson understands.
            text: String,
            /// The amount before the step.
            before: Option<PriceRange>,
            /// The amount after the step.
            after: Option<PriceRange>,
        }
        <TraceStep as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn usd() -> Currency {
        Currency::from_code("USD").unwrap()
    }

    fn discount(percent: i64, after: i64) -> TraceStep {
        TraceStep::new(
            TraceDetail::LineDiscountPercent {
                percent: Decimal::from(percent),
            },
            usd(),
            Some(PriceRange::firm(Decimal::from(1_000))),
            Some(PriceRange::firm(Decimal::from(after))),
        )
    }

    #[test]
    fn steps_priced_alike_are_equal_and_any_difference_tells_them_apart() {
        assert_eq!(discount(10, 900), discount(10, 900));
        // Another percentage with the same amounts: the words differ, so do the steps.
        assert_ne!(discount(10, 900), discount(20, 900));
        assert_ne!(discount(10, 900), discount(10, 800));
        let in_euros = TraceStep {
            content: Content::Detail(
                TraceDetail::LineDiscountPercent {
                    percent: Decimal::from(10),
                },
                Currency::from_code("EUR").unwrap(),
            ),
            ..discount(10, 900)
        };
        assert_ne!(discount(10, 900), in_euros);
    }

    #[test]
    fn a_step_read_back_from_json_equals_the_step_it_was_written_from() {
        let step = discount(10, 900);
        let json = serde_json::to_string(&step).unwrap();
        let read: TraceStep = serde_json::from_str(&json).unwrap();
        assert_eq!(read, step);
        assert_eq!(step, read);
        assert_ne!(read, discount(20, 800));
    }
}
