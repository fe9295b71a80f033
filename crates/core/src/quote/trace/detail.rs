//! The data of each kind of trace step: amounts, counts and bands, recorded while pricing,
//! with the step's machine-readable name.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::catalog::{AxisNames, Band, DeliveryMode};
use crate::date::Date;
use crate::money::{Currency, PriceRange, RoundingMode};

/// Where one end of a range-table lookup fell, with the axis's names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AxisWords {
    pub(crate) names: AxisNames,
    pub(crate) reading: AxisReading,
}

/// Where the answer fell on an axis.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AxisReading {
    /// Answered, in a band; `difference` is the answer and the subtracted answer when the
    /// axis subtracts one.
    Band {
        value: u64,
        band: Band,
        difference: Option<(u64, u64)>,
    },
    /// Not answered: priced across the plausible band.
    Missing { band: Band },
    /// Answered, outside every band.
    Outside { value: u64 },
}

/// The class counts compared for the cheapest seating, with what each costs the customer:
/// up to three consecutive counts (the choice and its neighbours), kept inline and small (a
/// class line's trace is allocated once, in one of the allocator's fast size classes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ClassOptions {
    /// The first class count compared; the others follow it one by one.
    first: u64,
    costs: [Decimal; 3],
    len: u8,
    /// Which option was chosen.
    chosen: u8,
    /// Whether another option cost the same (a tie goes to more classes).
    pub(crate) tie: bool,
    /// Whether the costs include the travel estimate of on-site classes.
    pub(crate) with_travel: bool,
}

impl ClassOptions {
    pub(crate) fn new(with_travel: bool) -> ClassOptions {
        ClassOptions {
            first: 0,
            costs: [Decimal::ZERO; 3],
            len: 0,
            chosen: 0,
            tie: false,
            with_travel,
        }
    }

    /// Adds the next count (one more class than the last), marking it when it is the choice;
    /// beyond three it is not kept.
    pub(crate) fn push(&mut self, classes: u64, cost: Decimal, chosen: bool) {
        if self.len == 0 {
            self.first = classes;
        }
        if let Some(slot) = self.costs.get_mut(usize::from(self.len)) {
            *slot = cost;
            if chosen {
                self.chosen = self.len;
            }
            self.len += 1;
        }
    }

    /// The counts with their costs, in order.
    pub(crate) fn options(&self) -> impl Iterator<Item = (u64, Decimal)> + '_ {
        (self.first..)
            .zip(self.costs.iter().copied())
            .take(usize::from(self.len))
    }

    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// The count chosen.
    pub(crate) fn chosen(&self) -> u64 {
        self.first + u64::from(self.chosen)
    }
}

/// Volume pricing: every unit at the price of the band the quantity reaches.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TierVolume {
    pub(crate) quantity: u64,
    pub(crate) unit: String,
    pub(crate) band: Band,
    pub(crate) price: Decimal,
    pub(crate) amount: Decimal,
}

/// A count that was answered, or the band it plausibly falls in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Count {
    Answered(u64),
    Missing(Band),
}

/// How the days on site of a time-and-materials item were found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DaysOnSite {
    /// The scope's answer to the delivery's `on_site_days_question`.
    Answered { question: String, days: u64 },
    /// The effort hours ÷ (travelers × hours a day), rounded up.
    FromHours {
        hours: Decimal,
        travelers: u64,
        hours_per_day: Decimal,
        days: u64,
    },
    /// The question is not answered yet: its plausible range.
    Plausible { question: String, band: Band },
}

/// What was converted from the base currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Converted {
    ListPrice,
    Travel,
}

/// An amount converted from the base currency.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Conversion {
    pub(crate) what: Converted,
    pub(crate) base_currency: Currency,
    pub(crate) base_amount: Decimal,
    pub(crate) rate: Decimal,
    pub(crate) as_of: Date,
    pub(crate) step: Option<Decimal>,
    pub(crate) amount: Decimal,
}

/// An add-on per started group of a counted answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AddOnWords {
    pub(crate) question: Arc<str>,
    pub(crate) count: Count,
    pub(crate) groups: (u64, u64),
    pub(crate) per: u64,
    pub(crate) label: Arc<str>,
    pub(crate) price: Decimal,
    pub(crate) amount: PriceRange,
}

/// Every kind of step, with the data its words need. Amounts the step's `before` and
/// `after` already hold are not repeated here.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TraceDetail {
    ListPrice {
        price: Decimal,
        unit: Arc<str>,
        delivery: Option<DeliveryMode>,
    },
    BlockListPrice {
        price: Decimal,
        hours: u64,
        pm_hours: u32,
    },
    Converted(Box<Conversion>),
    ConvertedTable {
        tiers: bool,
        base_currency: Currency,
    },
    UnitQuantity {
        quantity: u64,
        unit: Arc<str>,
        price: Decimal,
        total: Decimal,
    },
    AttendeesFromAnswer {
        attendees: u64,
        question: String,
    },
    ClassCount {
        classes: u64,
        capacity: u64,
    },
    /// The hard maximum per class sets the fewest classes.
    ClassMaximum {
        attendees: u64,
        max: u64,
        classes: u64,
    },
    DefaultClass {
        capacity: u64,
    },
    Seating {
        attendees: u64,
        classes: u64,
        capacity: u64,
        seat_sku: Arc<str>,
        addon_price: Decimal,
        /// Seat add-ons per attendee over the classes' seats.
        per_extra: u64,
    },
    /// The class counts compared, the choice among them, a tie, travel counted.
    CheapestClasses(ClassOptions),
    AttendeesMissing {
        question: String,
        band: Band,
        low_classes: u64,
        high_classes: u64,
    },
    ClassTotal {
        classes: u64,
        class_price: Decimal,
        addons: u64,
        addon_price: Decimal,
        total: Decimal,
    },
    Blocks {
        hours: Decimal,
        hours_per_block: u64,
        exact: Decimal,
        blocks: u64,
    },
    TierVolume(Box<TierVolume>),
    TierFlat {
        quantity: u64,
        unit: String,
        band: Band,
        fee: Decimal,
    },
    TierGraduated {
        parts: Vec<(u64, Decimal, Band)>,
        total: Decimal,
    },
    /// A monthly fee over a term of months.
    Recurring {
        monthly: Decimal,
        months: u64,
        min_term: u64,
        total: Decimal,
    },
    NoEffort,
    Effort {
        role: Box<str>,
        hours: Decimal,
        rate: Decimal,
        amount: Decimal,
    },
    NotToExceed {
        estimate: Decimal,
        cap: Decimal,
        capped: bool,
    },
    EffortTotal {
        hours: Decimal,
        amount: Decimal,
    },
    RangeTable {
        axes: Box<(AxisWords, AxisWords)>,
    },
    BeyondTable {
        axes: Box<(AxisWords, AxisWords)>,
        rows_limit: Option<u64>,
        columns_limit: Option<u64>,
    },
    AddOn(Box<AddOnWords>),
    Custom {
        note: String,
    },
    Included {
        parent_sku: String,
        parent_name: String,
        choose: u32,
        label: String,
    },
    /// The offering's `custom_sow_when` held: the line is not priced.
    CustomSowRoute {
        reason: String,
        /// The quantity and the limit it is over, when the quantity routed the line.
        quantity_over: Option<(u64, u64)>,
    },
    /// The days on site of time and materials, and the trips they take.
    OnSiteDays {
        basis: DaysOnSite,
        days_per_trip: u64,
        trips: (u64, u64),
    },
    Travel {
        travelers: u64,
        per_trip: Decimal,
        /// Days on site per trip.
        days: u64,
        per_day: Decimal,
        trips: (u64, u64),
        /// Days on site in all, when they are not trips × days (time and materials).
        total_days: Option<(u64, u64)>,
    },
    PercentOfSubtotal {
        percent: Decimal,
        categories: Box<[String]>,
        basis: PriceRange,
    },
    LineDiscountPercent {
        percent: Decimal,
    },
    LineDiscountAmount {
        amount: Decimal,
        capped: bool,
    },
    Rounding {
        mode: RoundingMode,
    },
    QuoteDiscount {
        percent: Decimal,
        share: PriceRange,
    },
}

impl TraceDetail {
    /// The machine-readable step name.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            TraceDetail::ListPrice { .. } | TraceDetail::BlockListPrice { .. } => "list_price",
            TraceDetail::Converted(_) | TraceDetail::ConvertedTable { .. } => "currency_conversion",
            TraceDetail::UnitQuantity { .. }
            | TraceDetail::ClassTotal { .. }
            | TraceDetail::EffortTotal { .. } => "quantity",
            TraceDetail::AttendeesFromAnswer { .. } => "attendees",
            TraceDetail::ClassCount { .. }
            | TraceDetail::DefaultClass { .. }
            | TraceDetail::ClassMaximum { .. }
            | TraceDetail::Seating { .. } => "class_count",
            TraceDetail::CheapestClasses { .. } => "cheapest_class_count",
            TraceDetail::AttendeesMissing { .. } => "missing_answer",
            TraceDetail::Blocks { .. } => "blocks",
            TraceDetail::Recurring { .. } => "recurring",
            TraceDetail::TierVolume { .. }
            | TraceDetail::TierFlat { .. }
            | TraceDetail::TierGraduated { .. } => "tier",
            TraceDetail::NoEffort
            | TraceDetail::Custom { .. }
            | TraceDetail::CustomSowRoute { .. }
            | TraceDetail::BeyondTable { .. } => "custom",
            TraceDetail::Effort { .. } => "effort",
            TraceDetail::NotToExceed { .. } => "not_to_exceed",
            TraceDetail::RangeTable { .. } => "range_table",
            TraceDetail::AddOn(_) => "add_on",
            TraceDetail::Included { .. } => "included",
            TraceDetail::OnSiteDays { .. } => "on_site_days",
            TraceDetail::Travel { .. } => "travel_estimate",
            TraceDetail::PercentOfSubtotal { .. } => "percent_of_subtotal",
            TraceDetail::LineDiscountPercent { .. } | TraceDetail::LineDiscountAmount { .. } => {
                "line_discount"
            }
            TraceDetail::Rounding { .. } => "rounding",
            TraceDetail::QuoteDiscount { .. } => "quote_discount",
        }
    }
}
