//! Where a quote keeps its lines' steps: one buffer for the whole quote, each line a range
//! of it ([`Trace`]).
//!
//! A line used to own a vector of its steps: one allocation per line, freed with the quote,
//! and room for steps it never took. Pricing now writes every line's steps into one buffer,
//! a line's steps one after the other (its model's, its line discount's, the slot for its
//! share of the quote discount), and the lines share the buffer once the quote is priced.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::TraceStep;

/// A quote line's steps, in order. Reads as a slice of [`TraceStep`]; in JSON, an array.
#[derive(Clone, Default)]
pub struct Trace {
    /// The quote's steps; `None` while the quote is being priced.
    store: Option<Arc<Vec<TraceStep>>>,
    /// Where the line's steps start in the quote's steps, and how many there are.
    start: usize,
    len: usize,
}

impl Trace {
    /// A line whose steps start at `start` of the quote's steps being written: none yet.
    pub(crate) fn starting_at(start: usize) -> Trace {
        Trace {
            store: None,
            start,
            len: 0,
        }
    }

    /// A line whose steps are `start..end` of the quote's steps being written.
    pub(crate) fn written(start: usize, end: usize) -> Trace {
        Trace {
            store: None,
            start,
            len: end.saturating_sub(start),
        }
    }

    /// Where the line's steps start in the quote's steps.
    pub(crate) fn first_step(&self) -> usize {
        self.start
    }

    /// Adds `step` to the line, at the end of the quote's steps being written. `None` when
    /// the line's steps are not the last ones written, so a step can never land in another
    /// line's trace.
    pub(crate) fn push(&mut self, steps: &mut Vec<TraceStep>, step: TraceStep) -> Option<()> {
        if self.store.is_some() || self.start.checked_add(self.len)? != steps.len() {
            return None;
        }
        steps.push(step);
        self.len += 1;
        Some(())
    }

    /// The line's last step, in the quote's steps being written.
    pub(crate) fn last_mut<'s>(&self, steps: &'s mut [TraceStep]) -> Option<&'s mut TraceStep> {
        let last = self.start.checked_add(self.len)?.checked_sub(1)?;
        if self.len == 0 || self.store.is_some() {
            return None;
        }
        steps.get_mut(last)
    }

    /// Once the quote is priced: the line reads its steps from the quote's.
    pub(crate) fn attach(&mut self, store: &Arc<Vec<TraceStep>>) {
        self.store = Some(Arc::clone(store));
    }
}

impl From<Vec<TraceStep>> for Trace {
    fn from(steps: Vec<TraceStep>) -> Trace {
        Trace {
            len: steps.len(),
            start: 0,
            store: Some(Arc::new(steps)),
        }
    }
}

impl Deref for Trace {
    type Target = [TraceStep];

    fn deref(&self) -> &[TraceStep] {
        let Some(store) = &self.store else {
            return &[];
        };
        self.start
            .checked_add(self.len)
            .and_then(|end| store.get(self.start..end))
            .unwrap_or(&[])
    }
}

impl<'a> IntoIterator for &'a Trace {
    type Item = &'a TraceStep;
    type IntoIter = std::slice::Iter<'a, TraceStep>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Trace {
    fn eq(&self, other: &Trace) -> bool {
        **self == **other
    }
}

impl fmt::Debug for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Trace {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Trace {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<TraceStep>::deserialize(deserializer).map(Trace::from)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::money::Currency;
    use crate::quote::trace::TraceDetail;

    fn step(percent: i64) -> TraceStep {
        TraceStep::new(
            TraceDetail::LineDiscountPercent {
                percent: Decimal::from(percent),
            },
            Currency::from_code("USD").unwrap(),
            None,
            None,
        )
    }

    #[test]
    fn each_line_reads_its_own_steps_once_the_quote_is_priced() {
        let mut steps = Vec::new();
        let mut first = Trace::starting_at(steps.len());
        first.push(&mut steps, step(1)).unwrap();
        first.push(&mut steps, step(2)).unwrap();
        let mut second = Trace::starting_at(steps.len());
        second.push(&mut steps, step(3)).unwrap();
        // The first line's steps are no longer the last ones: it takes no more.
        assert_eq!(first.push(&mut steps, step(4)), None);
        assert!(
            first.is_empty(),
            "nothing is read before the quote is priced"
        );
        let store = Arc::new(steps);
        first.attach(&store);
        second.attach(&store);
        assert_eq!(&*first, &[step(1), step(2)]);
        assert_eq!(&*second, &[step(3)]);
        assert_eq!(second, Trace::from(vec![step(3)]));
        assert_ne!(first, second);
    }

    #[test]
    fn a_trace_is_an_array_in_json_and_reads_back_equal() {
        let trace = Trace::from(vec![step(5), step(10)]);
        let json = serde_json::to_value(&trace).unwrap();
        assert_eq!(json.as_array().map(Vec::len), Some(2));
        assert_eq!(json[0]["step"], "line_discount");
        let read: Trace = serde_json::from_value(json).unwrap();
        assert_eq!(read, trace);
        assert_eq!(serde_json::to_string(&Trace::default()).unwrap(), "[]");
    }
}
