//! Which fields of a scope item each pricing model reads: one table, [`Pricing::item_fields`],
//! that the engine's input check and the line editor share (and the catalog linter can), so
//! the rule "attendees only apply to classes" is written once.
//!
//! The fields every model takes are not in the table: the SKU, the delivery mode (checked
//! against the offering's modes, not its model) and the note.

use super::model::Pricing;

/// A field of a scope item that only some pricing models read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemField {
    /// `quantity`: units sold (classes, blocks, engagements, users, months of a term).
    Quantity,
    /// `attendees`: people to train.
    Attendees,
    /// `hours`: expert hours, rounded up to whole blocks.
    Hours,
    /// `effort`: hours by rate-card role.
    Effort,
    /// `not_to_exceed`: a cap on time-and-materials work.
    NotToExceed,
}

impl ItemField {
    /// Every field, in the order a scope item's problems are reported.
    pub const ALL: [ItemField; 5] = [
        ItemField::Attendees,
        ItemField::Hours,
        ItemField::Effort,
        ItemField::NotToExceed,
        ItemField::Quantity,
    ];

    /// The field's name in a scope item (`not_to_exceed`).
    pub fn name(self) -> &'static str {
        match self {
            ItemField::Quantity => "quantity",
            ItemField::Attendees => "attendees",
            ItemField::Hours => "hours",
            ItemField::Effort => "effort",
            ItemField::NotToExceed => "not_to_exceed",
        }
    }

    /// The offerings the field applies to, in words: `classes`.
    pub fn applies_to(self) -> &'static str {
        match self {
            ItemField::Quantity => "offerings sold by the unit",
            ItemField::Attendees => "classes",
            ItemField::Hours => "blocks of hours",
            ItemField::Effort | ItemField::NotToExceed => "time-and-materials work",
        }
    }
}

/// The fields one pricing model reads from a scope item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemFields {
    /// The field the amount is computed from, the one a line editor offers: quantity for a
    /// fixed fee, attendees for classes, hours for blocks. `None` when the price comes from
    /// scoping answers, the other lines, or the PS team's estimate.
    pub priced_by: Option<ItemField>,
    /// Every field the model reads; a scope item that gives any other is refused.
    pub accepted: &'static [ItemField],
    /// A field that stands for the quantity (hours for blocks: the model counts the blocks
    /// from them), so a scope item gives one or the other, not both.
    pub instead_of_quantity: Option<ItemField>,
    /// Whether a line discount applies; not for a model that never has a list price.
    pub discountable: bool,
}

impl ItemFields {
    /// Whether the model reads `field`.
    pub fn accepts(&self, field: ItemField) -> bool {
        self.accepted.contains(&field)
    }
}

impl Pricing {
    /// The scope-item fields this model reads: the table every check of a scope item's
    /// fields against its model goes by.
    pub fn item_fields(&self) -> ItemFields {
        use ItemField::{Attendees, Effort, Hours, NotToExceed, Quantity};
        let fields = |priced_by, accepted| ItemFields {
            priced_by,
            accepted,
            instead_of_quantity: None,
            discountable: true,
        };
        match self {
            Pricing::Fixed { .. } | Pricing::Tiered { .. } | Pricing::Recurring { .. } => {
                fields(Some(Quantity), &[Quantity])
            }
            // A class count and attendees together: the attendees beyond the classes' seats
            // need seat add-ons.
            Pricing::Class { .. } => fields(Some(Attendees), &[Attendees, Quantity]),
            Pricing::Blocks { .. } => ItemFields {
                instead_of_quantity: Some(Hours),
                ..fields(Some(Hours), &[Hours, Quantity])
            },
            Pricing::TimeAndMaterials { .. } => fields(Some(Effort), &[Effort, NotToExceed]),
            Pricing::RangeTable { .. } | Pricing::PercentOfSubtotal { .. } => fields(None, &[]),
            // The quantity counts engagements (and their trips), not a price.
            Pricing::Custom { .. } => ItemFields {
                discountable: false,
                ..fields(None, &[Quantity])
            },
        }
    }

    /// What one unit of a line priced this way is: the fixed fee's or the tiers' own unit,
    /// `class`, `block`, `estimate` for a range table, `engagement` otherwise.
    pub fn unit(&self) -> &str {
        match self {
            Pricing::Fixed { unit } | Pricing::Tiered { unit, .. } => unit,
            Pricing::Class { .. } => "class",
            Pricing::Blocks { .. } => "block",
            Pricing::Recurring { .. } => "month",
            Pricing::RangeTable { .. } => "estimate",
            Pricing::TimeAndMaterials { .. }
            | Pricing::PercentOfSubtotal { .. }
            | Pricing::Custom { .. } => "engagement",
        }
    }
}
