//! The catalog's strings that quote lines carry, built once per catalog and shared by
//! reference count: a quote of a thousand lines holds a thousand counts, not a thousand
//! copies of each SKU, name and question id.

use std::sync::Arc;

use super::model::{AddOnRule, Axis, Offering, Pricing, Question};

/// An offering's SKU and the names its quote lines carry, shared by every line.
#[derive(Debug, Clone)]
pub(crate) struct SharedNames {
    /// The offering's position in the catalog.
    pub(crate) position: usize,
    /// The offering's SKU.
    pub(crate) sku: Arc<str>,
    /// The offering's name.
    pub(crate) name: Arc<str>,
    /// The name of the travel-and-expenses line that follows an on-site line of it.
    pub(crate) expense_name: Arc<str>,
    /// What one unit of it is (`class`, `block`, the unit of a fixed fee).
    pub(crate) unit: Arc<str>,
    /// What one unit of its travel-and-expenses line is: `trip`, one string for the catalog.
    pub(crate) expense_unit: Arc<str>,
    /// The names a range-table offering's trace carries (none for other models).
    pub(crate) table: Option<Box<TableNames>>,
    /// A class offering's seat add-on (none for other models).
    pub(crate) seat_addon: Option<SeatAddOn>,
}

/// The seat add-on a class offering bills extra attendees with.
#[derive(Debug, Clone)]
pub(crate) struct SeatAddOn {
    /// Its SKU, shared with the add-on's own offering when it is one.
    pub(crate) sku: Arc<str>,
    /// The position of its offering, when the SKU is one.
    pub(crate) position: Option<usize>,
}

/// The names of a range table's axes and add-ons.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableNames {
    pub(crate) rows: AxisNames,
    pub(crate) columns: AxisNames,
    /// One per add-on rule, in the rule's order.
    pub(crate) add_ons: Vec<AddOnNames>,
}

/// The names of one axis of a range table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AxisNames {
    /// The question whose answer picks the band.
    pub(crate) question: Arc<str>,
    /// The question subtracted from it, when the axis has one.
    pub(crate) minus: Option<Arc<str>>,
    /// What the axis counts, in words, when the catalog says.
    pub(crate) counts: Option<Arc<str>>,
    /// The question's text (its id when the catalog has no such question).
    pub(crate) text: Arc<str>,
}

/// The names of one add-on rule of a range table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AddOnNames {
    pub(crate) question: Arc<str>,
    pub(crate) label: Arc<str>,
}

/// The shared names of every offering, by position; `position` finds an offering by SKU and
/// `question` a question by id.
pub(crate) fn shared_names<'q>(
    offerings: &[Offering],
    position: impl Fn(&str) -> Option<usize>,
    question: impl Fn(&str) -> Option<&'q Question>,
) -> Vec<SharedNames> {
    let trip: Arc<str> = Arc::from("trip");
    let mut shared: Vec<SharedNames> = offerings
        .iter()
        .enumerate()
        .map(|(i, o)| SharedNames::new(i, o, &question, &trip))
        .collect();
    // Seat add-ons share the SKU string of their own offering, now that it exists.
    let addons: Vec<Option<SeatAddOn>> = offerings
        .iter()
        .map(|o| match &o.pricing {
            Pricing::Class { seat_addon, .. } => {
                let position = position(seat_addon);
                let sku = position
                    .and_then(|p| shared.get(p))
                    .map_or_else(|| Arc::from(seat_addon.as_str()), |n| n.sku.clone());
                Some(SeatAddOn { sku, position })
            }
            _ => None,
        })
        .collect();
    for (names, addon) in shared.iter_mut().zip(addons) {
        names.seat_addon = addon;
    }
    shared
}

impl SharedNames {
    fn new<'q>(
        position: usize,
        offering: &Offering,
        question: impl Fn(&str) -> Option<&'q Question>,
        trip: &Arc<str>,
    ) -> SharedNames {
        let table = match &offering.pricing {
            Pricing::RangeTable {
                rows,
                columns,
                add_ons,
            } => Some(Box::new(TableNames::new(rows, columns, add_ons, question))),
            _ => None,
        };
        SharedNames {
            position,
            sku: Arc::from(offering.sku.as_str()),
            name: Arc::from(offering.name.as_str()),
            expense_name: Arc::from(format!(
                "Travel and expenses for {} (estimate)",
                offering.name
            )),
            unit: Arc::from(offering.pricing.unit()),
            expense_unit: trip.clone(),
            table,
            seat_addon: None,
        }
    }
}

impl TableNames {
    pub(crate) fn new<'q>(
        rows: &Axis,
        columns: &Axis,
        add_ons: &[AddOnRule],
        question: impl Fn(&str) -> Option<&'q Question>,
    ) -> TableNames {
        let axis = |axis: &Axis| AxisNames {
            question: Arc::from(axis.question.as_str()),
            minus: axis.minus.as_deref().map(Arc::from),
            counts: axis.counts.as_deref().map(Arc::from),
            text: Arc::from(
                question(&axis.question).map_or(axis.question.as_str(), |q| q.text.as_str()),
            ),
        };
        TableNames {
            rows: axis(rows),
            columns: axis(columns),
            add_ons: add_ons
                .iter()
                .map(|rule| AddOnNames {
                    question: Arc::from(rule.question.as_str()),
                    label: Arc::from(rule.label.as_str()),
                })
                .collect(),
        }
    }
}
