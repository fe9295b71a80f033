//! The catalog document: what PS operations edit (as TOML, or JSON) and the pricing engine
//! reads. Field names here are the file format; `docs/catalog-format.md` describes it for
//! catalog authors.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use super::approval_rule::{ApprovalLines, ApprovalRule, ApprovalTrigger};
use super::issue_settings::IssueSettings;
pub use super::license_tiers::{LicenseTier, LicenseTierDefinition};
use crate::date::Date;
use crate::money::RoundingMode;

/// The version of the catalog file format this build reads.
pub const CATALOG_FORMAT: u32 = 1;

/// Everything in a catalog file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "Scopecraft catalog",
        description = "A services catalog: offerings, price books, approval rules and discovery questions (docs/catalog-format.md). Amounts are decimal strings, never bare numbers."
    )
)]
#[serde(deny_unknown_fields)]
pub struct CatalogData {
    /// Where an editor finds this file's JSON Schema (`"$schema"` in a JSON catalog). Read
    /// and ignored: never written back and not part of the hash.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// File format version; must be [`CATALOG_FORMAT`].
    #[cfg_attr(feature = "schema", schemars(extend("const" = 1)))]
    pub format: u32,
    /// Stable identifier of the catalog, e.g. `gitlab-ps`.
    pub id: String,
    /// `"public"` on a catalog made by [`CatalogData::public_projection`] (no internal
    /// notes, cost rates, approval rules or non-public offerings); absent on a full catalog.
    #[serde(default, skip_serializing_if = "Projection::is_full")]
    pub projection: Projection,
    /// Display name.
    pub name: String,
    /// The catalog's own version, chosen by its authors (e.g. `2022.11`).
    pub version: String,
    /// Who publishes it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// ISO 4217 code of the base price book's currency; approval amounts are written in it.
    pub base_currency: String,
    /// How amounts are rounded to minor units.
    #[serde(default)]
    pub rounding: RoundingMode,
    /// The licence tiers or editions the catalog sells to, lowest first; offerings, the
    /// licence question and `license_minimum` name them by id. Absent: GitLab's tiers
    /// (`free`, `premium`, `ultimate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub license_tiers: Vec<LicenseTierDefinition>,
    /// The single-choice question whose answer is the customer's licence tier (choice ids
    /// are tier ids of `license_tiers`); offerings with a `prerequisites.license_tier` are
    /// checked against it when scoping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_question: Option<String>,
    /// The lowest licence tier services are sold to: a licence answer below it is a warning
    /// on every quote and SOW request (e.g. no services for Community Edition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_minimum: Option<LicenseMinimum>,
    /// Offering categories, in display order. Each is also a service type on a SOW request.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// The offerings.
    #[serde(default)]
    pub offerings: Vec<Offering>,
    /// Prices, one book per currency.
    #[serde(default)]
    pub price_books: Vec<PriceBook>,
    /// Who must approve what.
    #[serde(default)]
    pub approvals: Vec<ApprovalRule>,
    /// Discovery questions.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Scoping rules of thumb, evaluated in file order: what to add, warn about or note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<RecommendationRule>,
    /// How many projects a migration moves per wave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_waves: Option<MigrationWaves>,
    /// The template of an implementation plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanTemplate>,
    /// What SOW requests and SOW drafts need: the GitLab project, payment terms, the draft
    /// template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sow: Option<SowSettings>,
}

/// Which part of a catalog a file (and a quote priced with it) holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Projection {
    /// Everything the catalog's authors wrote, internal data included.
    #[default]
    Full,
    /// What customers may see: see [`CatalogData::public_projection`].
    Public,
}

impl Projection {
    /// True for the full catalog (the default, left out of files and quotes).
    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub fn is_full(&self) -> bool {
        *self == Projection::Full
    }

    /// The spelling in files and quotes (`public`).
    pub fn as_str(self) -> &'static str {
        match self {
            Projection::Full => "full",
            Projection::Public => "public",
        }
    }
}

/// A group of offerings, e.g. education or migration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Identifier used by offerings and questions (`education`).
    pub id: String,
    /// Display name (`Education`).
    pub name: String,
    /// One sentence for customers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// One thing that can be sold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Offering {
    /// Unique stock-keeping unit, e.g. `GL-CICD-R`.
    pub sku: String,
    /// Display name.
    pub name: String,
    /// A category id.
    pub category: String,
    /// One or two sentences for a catalog card.
    pub summary: String,
    /// The full description (plain text; paragraphs separated by blank lines).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Who it is for (short labels, used as filters).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<String>,
    /// What the customer needs first.
    #[serde(default, skip_serializing_if = "Prerequisites::is_empty")]
    pub prerequisites: Prerequisites,
    /// How it is delivered.
    pub delivery: Delivery,
    /// How long it takes.
    #[serde(default, skip_serializing_if = "OfferingDuration::is_empty")]
    pub duration: OfferingDuration,
    /// What the customer receives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deliverables: Vec<String>,
    /// Standard SKU on an order form, or custom work on a SOW.
    pub sale: SaleForm,
    /// Whether customers see it in the public catalog.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub public: bool,
    /// First day it can be sold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<super::schema::DateText>"))]
    pub available_from: Option<Date>,
    /// Last day it can be sold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<super::schema::DateText>"))]
    pub available_until: Option<Date>,
    /// What the price assumes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<String>,
    /// What is not included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<String>,
    /// Notes for the account team only (never shown in customer preview).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub internal_notes: Vec<String>,
    /// Other offerings that come with this one at no charge, chosen in the scope
    /// (Migration+ includes three classes chosen from five).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes: Option<Includes>,
    /// How the price is computed; amounts come from the price books.
    pub pricing: Pricing,
    /// When a line of this offering is not priced but needs a custom SOW instead (by its
    /// quantity or by the scope's answers, e.g. more than five countries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_sow_when: Option<CustomSowRoute>,
}

/// When a line stops being a price and becomes "custom SOW required": its quantity is over
/// `quantity_over`, or the scope's answers meet `when` (either is enough).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomSowRoute {
    /// The line's priced quantity (units, classes, blocks, months, …) above which it needs a
    /// custom SOW; exactly this quantity is still priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_over: Option<u64>,
    /// A condition on the scope (answers, SKUs selected) under which it needs a custom SOW.
    #[serde(default, skip_serializing_if = "Condition::is_empty")]
    pub when: Condition,
    /// Why, shown on the quote (`more than five countries need a tailored rollout`).
    pub reason: String,
}

/// Offerings that come with another at no charge: `choose` of them, picked from `from` in
/// the scope item's `included` list; each appears as its own line at price 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Includes {
    /// How many the offering includes (at most this many may be chosen).
    pub choose: u32,
    /// The SKUs they are chosen from.
    pub from: Vec<String>,
    /// What they are, in the plural, for warnings and traces (`classes`).
    #[serde(default = "included_items")]
    pub label: String,
}

fn included_items() -> String {
    "items".to_string()
}

/// Whether an offering can be sold on a given day (its `available_from` and
/// `available_until`, both inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// It is sold that day.
    Sold,
    /// Not sold yet: the first day it can be sold.
    NotYet(Date),
    /// No longer sold: the last day it could be.
    Withdrawn(Date),
}

impl Offering {
    /// Whether the offering is sold on `day`.
    pub fn availability_on(&self, day: Date) -> Availability {
        match (self.available_from, self.available_until) {
            (Some(from), _) if day < from => Availability::NotYet(from),
            (_, Some(until)) if day > until => Availability::Withdrawn(until),
            _ => Availability::Sold,
        }
    }
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_true(value: &bool) -> bool {
    *value
}

/// What a customer should have before buying an offering.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Prerequisites {
    /// Knowledge or environment, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Offerings to take first (or equivalent knowledge).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skus: Vec<String>,
    /// The lowest licence tier the offering requires; a customer below it gets a warning on
    /// the quote and the SOW request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_tier: Option<LicenseTier>,
    /// The licence tier the offering is recommended for, without requiring it; a customer
    /// below it gets a note in the recommendations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended_license_tier: Option<LicenseTier>,
}

impl Prerequisites {
    /// True when nothing is required.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
            && self.skus.is_empty()
            && self.license_tier.is_none()
            && self.recommended_license_tier.is_none()
    }
}

/// The lowest licence tier a catalog's services are sold to, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LicenseMinimum {
    /// Customers below this tier are flagged.
    pub tier: LicenseTier,
    /// What the account team should know, in words.
    pub reason: String,
}

/// Remote or on-site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMode {
    /// Over video conference.
    Remote,
    /// At the customer's site; travel and expenses are billed on top.
    OnSite,
}

impl DeliveryMode {
    /// The catalog spelling (`on_site`).
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryMode::Remote => "remote",
            DeliveryMode::OnSite => "on_site",
        }
    }

    /// Words for people (`on-site`).
    pub fn label(self) -> &'static str {
        match self {
            DeliveryMode::Remote => "remote",
            DeliveryMode::OnSite => "on-site",
        }
    }
}

/// How an offering is delivered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    /// The modes this SKU can be sold in; the first is the default. One SKU with two modes
    /// (like DevOps Fundamentals) is priced per mode.
    pub modes: Vec<DeliveryMode>,
    /// How remote delivery runs, in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remote: String,
    /// How on-site delivery runs, in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub on_site: String,
    /// The same offering in the other mode when that is a separate SKU (GL-BAS-R ↔ GL-BAS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sibling: Option<String>,
    /// People who travel for one on-site delivery (for the expenses estimate).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub travelers: u32,
    /// Days on site per delivery (for the expenses estimate). For time and materials, the
    /// longest stay of one trip: one trip per started block of this many days on site.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub on_site_days: u32,
    /// Time and materials on site: a whole-number question whose answer is the days on site
    /// the engagement needs (when the scope states them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_site_days_question: Option<String>,
    /// Time and materials on site: the effort hours one traveler works in a day on site;
    /// without an answer, the days on site are the item's effort hours ÷ (travelers × this),
    /// rounded up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub on_site_hours_per_day: Option<Decimal>,
}

fn one() -> u32 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_one(value: &u32) -> bool {
    *value == 1
}

/// How long an offering takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferingDuration {
    /// In words (`about 1.5 weeks`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Calendar weeks it occupies in an implementation plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub weeks: Option<Decimal>,
    /// Consultant days of effort, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub effort_days: Option<Decimal>,
}

impl OfferingDuration {
    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.summary.is_empty() && self.weeks.is_none() && self.effort_days.is_none()
    }
}

/// Standard SKU or custom SOW.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SaleForm {
    /// A packaged fixed fee, paid up front; an order form is enough.
    Standard,
    /// Tailored work that needs scoping, an estimate and a signed SOW.
    CustomSow,
}

/// How an offering's price is computed. The amounts live in the price books, so the same
/// model prices every currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "model", rename_all = "snake_case", deny_unknown_fields)]
pub enum Pricing {
    /// A fixed fee per unit (price entry: `price`, or `remote`/`on_site`).
    Fixed {
        /// What one unit is (`engagement`, `class`, `integration`).
        #[serde(default = "unit_engagement")]
        unit: String,
    },
    /// Instructor-led classes with a seat cap; extra attendees need seat add-ons.
    Class {
        /// Attendees one class holds.
        capacity: u32,
        /// The SKU of the seat add-on.
        seat_addon: String,
        /// Add-ons needed per attendee over capacity (4 for a four-course cohort).
        #[serde(default = "one")]
        addons_per_extra_attendee: u32,
        /// The question whose answer gives attendees when the scope item does not.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attendees_question: Option<String>,
        /// A hard maximum of attendees in one class, seat add-ons included (a room's size):
        /// attendees alone are split into as many classes as it takes; a class count that
        /// cannot seat them is refused.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_attendees: Option<u32>,
    },
    /// Prepaid blocks of hours (price entry: `price` per block).
    Blocks {
        /// Hours a block holds in all, project management included; entered hours count
        /// against this whole (48 hours are one block of 48).
        hours_per_block: u32,
        /// How many of the block's hours are project management (the rest are expert hours).
        #[serde(default)]
        included_pm_hours: u32,
        /// Volume tiers by number of blocks, from 1 block (price entry: `tiers`, one price
        /// per block for each band, instead of `price`): every block at the rate of the band
        /// the block count reaches. Empty: one `price` per block.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        bands: Vec<Band>,
    },
    /// Volume, graduated or flat tiers by quantity (price entry: `tiers`, one unit price per
    /// band, or one fee per band for flat tiers).
    Tiered {
        /// Volume: every unit at the rate of the band reached. Graduated: each band at its rate.
        mode: TierMode,
        /// What is counted (`user`, `seat`).
        unit: String,
        /// Contiguous bands starting at `min_quantity` (or 1).
        bands: Vec<Band>,
        /// Smallest quantity sold.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_quantity: Option<u64>,
        /// Largest quantity sold.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_quantity: Option<u64>,
    },
    /// Time and materials: effort hours by role at the price book's rate card.
    TimeAndMaterials {
        /// Roles this offering may use (empty: any role on the rate card).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        roles: Vec<String>,
    },
    /// A rough-order-of-magnitude range looked up from two scoping answers, plus add-ons per
    /// started group of a third (price entry: `table` and `add_ons`).
    RangeTable {
        /// The answer that picks the row.
        rows: Axis,
        /// The answer that picks the column.
        columns: Axis,
        /// Amounts added per started group of an answer (e.g. per 10 large repositories).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        add_ons: Vec<AddOnRule>,
    },
    /// A percentage of the other lines' net amounts (e.g. project management).
    PercentOfSubtotal {
        /// Percent, e.g. `"10"`.
        #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))]
        percent: Decimal,
        /// Only lines of these categories count (empty: all priced lines).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        categories: Vec<String>,
    },
    /// A recurring fee per month with a minimum term (price entry: `price` per month, or
    /// `remote`/`on_site`); the scope item's `quantity` is the term in months.
    Recurring {
        /// The shortest term sold, in months; a term is at least this (and is this when the
        /// scope item gives none).
        min_term_months: u32,
        /// The longest term sold, in months.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_term_months: Option<u32>,
    },
    /// No list price: a custom estimate is needed.
    Custom {
        /// What the estimate depends on, for the account team.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        estimate_note: String,
    },
}

fn unit_engagement() -> String {
    "engagement".to_string()
}

impl Pricing {
    /// The model's catalog name (`range_table`).
    pub fn model_name(&self) -> &'static str {
        match self {
            Pricing::Fixed { .. } => "fixed",
            Pricing::Class { .. } => "class",
            Pricing::Blocks { .. } => "blocks",
            Pricing::Tiered { .. } => "tiered",
            Pricing::TimeAndMaterials { .. } => "time_and_materials",
            Pricing::RangeTable { .. } => "range_table",
            Pricing::PercentOfSubtotal { .. } => "percent_of_subtotal",
            Pricing::Recurring { .. } => "recurring",
            Pricing::Custom { .. } => "custom",
        }
    }

    /// Whether a price book must list amounts for an offering priced this way.
    pub fn needs_price_entry(&self) -> bool {
        !matches!(
            self,
            Pricing::TimeAndMaterials { .. }
                | Pricing::PercentOfSubtotal { .. }
                | Pricing::Custom { .. }
        )
    }
}

/// Volume or graduated tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TierMode {
    /// All units at the rate of the band the quantity reaches.
    Volume,
    /// Each band's units at that band's rate.
    Graduated,
    /// One fee for the whole band the quantity falls in, whatever the count inside it
    /// (packages by company size); `catalog check` refuses a band's fee below the previous
    /// band's, so more never costs less.
    Flat,
}

/// An inclusive range of whole numbers; `to` absent means "and above".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// First value in the band.
    pub from: u64,
    /// Last value in the band (inclusive), or open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<u64>,
}

impl Band {
    /// Whether `value` falls in the band.
    pub fn contains(&self, value: u64) -> bool {
        value >= self.from && self.to.is_none_or(|to| value <= to)
    }

    /// `1–500`, `501+`.
    pub fn label(&self) -> String {
        match self.to {
            Some(to) => format!(
                "{}–{}",
                crate::money::thousands(self.from),
                crate::money::thousands(to)
            ),
            None => format!("{}+", crate::money::thousands(self.from)),
        }
    }

    /// The values from `from` to `to` as a span: `2–4`, `1,001–2,000`, or one number when
    /// the span holds one value (`3`). A missing `to` reads as `from`, as a plan's lead time
    /// and phase lengths use it.
    pub fn span(&self) -> String {
        match self.to {
            Some(to) if to != self.from => format!(
                "{}–{}",
                crate::money::thousands(self.from),
                crate::money::thousands(to)
            ),
            _ => crate::money::thousands(self.from),
        }
    }
}

/// One dimension of a range table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// The question id whose whole-number answer is looked up.
    pub question: String,
    /// A question whose whole-number answer is subtracted from `question`'s before the band
    /// is chosen (e.g. repositories larger than 5 GB, priced by an add-on instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minus: Option<String>,
    /// What the axis counts, in words (`projects under 5 GB`), for the trace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<String>,
    /// Contiguous bands; a value outside every band has no table price.
    pub bands: Vec<Band>,
}

/// An amount added for every started group of `per` counted by a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AddOnRule {
    /// The question id counted.
    pub question: String,
    /// Group size: each started group adds one amount.
    pub per: u64,
    /// What the add-on is, in words (`per started 10 repositories over 5 GB`).
    pub label: String,
}

/// Prices in one currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceBook {
    /// ISO 4217 code of the currency every amount in this book is in.
    pub currency: String,
    /// A fixed rate from the base currency. With no `prices`, every amount is converted
    /// from the base book; with `prices`, listed SKUs use their own amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion: Option<Conversion>,
    /// Amounts by SKU.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prices: BTreeMap<String, PriceEntry>,
    /// Hourly rates by role for time-and-materials work.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rate_card: BTreeMap<String, Role>,
    /// Default travel and expense estimate for on-site delivery, per traveler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel: Option<Travel>,
}

/// A dated fixed exchange rate from the base currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    /// Units of this book's currency per unit of the base currency.
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))]
    pub rate: Decimal,
    /// The date the rate was fixed.
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::DateText"))]
    pub as_of: Date,
    /// Converted unit prices are rounded to a multiple of this (e.g. `"10"`); absent:
    /// to the currency's minor unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub round_to: Option<Decimal>,
}

/// Amounts for one SKU; which fields apply depends on the offering's pricing model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceEntry {
    /// Price per unit, class or block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub price: Option<Decimal>,
    /// Price per unit when delivered remotely (one SKU, two modes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub remote: Option<Decimal>,
    /// Price per unit when delivered on site (one SKU, two modes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub on_site: Option<Decimal>,
    /// Unit price per band, for tiered pricing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<super::schema::DecimalText>"))]
    pub tiers: Vec<Decimal>,
    /// `[low, high]` per row and column, for range tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<Vec<[super::schema::DecimalText; 2]>>")
    )]
    pub table: Vec<Vec<[Decimal; 2]>>,
    /// Amount per started group, aligned with the model's `add_ons`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<super::schema::DecimalText>"))]
    pub add_ons: Vec<Decimal>,
}

/// A role on a rate card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Display name.
    pub name: String,
    /// Hourly bill rate.
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))]
    pub bill: Decimal,
    /// Hourly cost rate (internal; for margin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub cost: Option<Decimal>,
}

/// Travel and expense estimate per traveler for on-site delivery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Travel {
    /// Per trip (airfare, ground transport).
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))]
    pub per_trip: Decimal,
    /// Per day on site (lodging, meals).
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))]
    pub per_day: Decimal,
}

/// A discovery question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier (`migration.users`).
    pub id: String,
    /// Where it is shown (`general`, `implementation`, `migration`, `azure_devops`, …).
    pub section: String,
    /// The question.
    pub text: String,
    /// The kind of answer.
    pub kind: QuestionKind,
    /// Smallest whole number accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// Largest whole number accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    /// For pricing while unanswered: the range the answer plausibly falls in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plausible: Option<Band>,
    /// Choices for single and multiple choice questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// A typical answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub example: String,
    /// Why the team asks.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// Service types (category ids) for which the question is asked; empty: always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_types: Vec<String>,
    /// Service types for which an answer is required before scoping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_for: Vec<String>,
    /// Asked only when this holds (e.g. the hypervisor only for on-premises VM installs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_when: Option<Condition>,
    /// With `required_for`: required only when this also holds (e.g. large repositories
    /// only for migrations to GitLab.com).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_when: Option<Condition>,
    /// Longest free-text answer accepted, in characters (default: `limits::MAX_LONG_TEXT`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
}

/// A test on the scope, written as a TOML inline table. Every key present must hold:
///
/// ```toml
/// shown_when = { all = [
///   { question = "implementation.target", eq = "on_prem" },
///   { question = "implementation.kubernetes", eq = "none" },
/// ] }
/// ```
///
/// Comparisons on a question that is not answered are false (only `answered = false` holds),
/// so rules fire on facts, never on guesses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Every sub-condition holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<Condition>,
    /// At least one sub-condition holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<Condition>,
    /// The sub-condition does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
    /// The question the comparisons below apply to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Whether the question has an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<bool>,
    /// The answer equals this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eq: Option<AnswerValue>,
    /// The answer is answered and differs from this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ne: Option<AnswerValue>,
    /// The answer is one of these.
    #[serde(default, rename = "in", skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<AnswerValue>,
    /// A multiple-choice answer includes this choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes: Option<String>,
    /// The whole-number answer is below this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<u64>,
    /// The whole-number answer is at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<u64>,
    /// The whole-number answer is above this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<u64>,
    /// The whole-number answer is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<u64>,
    /// The scope includes an item with this SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    /// The scope includes this service type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
}

impl Condition {
    /// True when the condition tests nothing (and so always holds).
    pub fn is_empty(&self) -> bool {
        self == &Condition::default()
    }
}

/// A literal answer in a condition: yes/no, a whole number or a choice id / text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum AnswerValue {
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Number(u64),
    /// A choice id or text.
    Text(String),
}

/// The kinds of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A whole number between `min` and `max`.
    WholeNumber,
    /// Yes or no.
    YesNo,
    /// One of `choices`.
    SingleChoice,
    /// Any of `choices`.
    MultipleChoice,
    /// Free text.
    FreeText,
}

/// One choice of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The value stored in answers (`gitlab_com`).
    pub id: String,
    /// What people see (`GitLab.com (SaaS)`).
    pub label: String,
}

/// A scoping rule of thumb: when `when` holds for a scope of `service_type`, suggest
/// offerings (`add`), warn, or add a note. The engine only evaluates rules; the knowledge
/// lives in the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecommendationRule {
    /// Stable identifier; the scope records decisions under it.
    pub id: String,
    /// The service type (category id) the rule belongs to; absent: every scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    /// When the rule fires; empty: always (for its service type).
    #[serde(default, skip_serializing_if = "Condition::is_empty")]
    pub when: Condition,
    /// Add offerings, warn, or note.
    pub kind: RecommendationKind,
    /// The offerings suggested together (kind `add` only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<RuleAdd>,
    /// Why, shown to the user. `{question.id}` is replaced by that answer.
    pub reason: String,
    /// SKUs the suggestion replaces when they are in the scope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instead_of: Vec<String>,
    /// Another rule's id: the two are alternatives, pick one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_to: Option<String>,
    /// Extra consultant days this finding adds to an estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort_days: Option<Band>,
}

/// What a rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    /// Suggests offerings to add.
    Add,
    /// Something in the scope conflicts or is missing.
    Warning,
    /// Information for the estimate or the customer.
    Note,
}

/// One offering a rule suggests, with what drives its price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleAdd {
    /// The offering.
    pub sku: String,
    /// A fixed quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// A whole-number question whose answer is the quantity (e.g. learners).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_from: Option<String>,
    /// A whole-number question whose answer is the attendees of a class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendees_from: Option<String>,
    /// A fixed delivery mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryMode>,
    /// A single-choice question (choices `remote`, `on_site`) that picks the delivery mode;
    /// the offering's sibling is suggested when it is the one sold in that mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_from: Option<String>,
}

/// Projects moved per migration wave, by source and destination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MigrationWaves {
    /// The single-choice question naming the source system.
    pub source_question: String,
    /// The single-choice question naming the destination.
    pub destination_question: String,
    /// The whole-number question counting the projects to move.
    pub projects_question: String,
    /// Calendar weeks one wave takes in a plan.
    #[serde(default = "one_decimal")]
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))]
    pub weeks_per_wave: Decimal,
    /// The plan phase whose length follows the number of waves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// The whole-number question counting projects moved by hand (repositories over 5 GB);
    /// they lengthen the wave phase at `large_projects_per_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_projects_question: Option<String>,
    /// Hand-moved projects per working day (2 for repositories over 5 GB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_projects_per_day: Option<u32>,
    /// Wave sizes; the first that matches the answers applies.
    pub sizes: Vec<WaveSize>,
}

fn one_decimal() -> Decimal {
    Decimal::ONE
}

/// The wave size for one source (or any) and destination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WaveSize {
    /// A choice of the source question; absent: any source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A choice of the destination question.
    pub destination: String,
    /// Projects per wave: one figure (`from = to`) or a range.
    pub projects_per_wave: Band,
}

/// How an implementation plan is laid out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanTemplate {
    /// Weeks from signature to the earliest kick-off.
    pub lead_time_weeks: Band,
    /// Sentences printed with every plan (e.g. what must be signed first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The phases, in order.
    pub phases: Vec<PhaseTemplate>,
    /// Staffing: hours per week one person of each rate-card role works on an engagement.
    /// A time-and-materials item lasts as many weeks as its busiest role needs.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "BTreeMap<String, super::schema::DecimalText>")
    )]
    pub hours_per_week: BTreeMap<String, Decimal>,
    /// Working days in a plan week (default 5), for effort given in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::schema::DecimalText>")
    )]
    pub days_per_week: Option<Decimal>,
}

impl PlanTemplate {
    /// Working days in a plan week: the catalog's, or 5.
    pub fn working_days_per_week(&self) -> Decimal {
        self.days_per_week
            .filter(|d| *d > Decimal::ZERO)
            .unwrap_or(Decimal::from(5))
    }
}

/// One phase of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PhaseTemplate {
    /// Stable identifier (`deploy`).
    pub id: String,
    /// Display name (`Deploy`).
    pub name: String,
    /// Length when no item sets one.
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))]
    pub weeks: Decimal,
    /// Offering categories whose items this phase delivers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// What the customer must have in place before the phase starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<String>,
    /// Keep the phase even when it delivers no item (kick-off, hand-off).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub always: bool,
    /// Items run one after another (their weeks add up) rather than side by side.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sequential: bool,
    /// The id of an earlier phase this one runs alongside: both start in the same week, and
    /// the phase after them starts once the longer of the two has ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_with: Option<String>,
}

/// The `[sow]` section: where SOW requests are filed and how a SOW draft reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SowSettings {
    /// The GitLab project SOW-request issues are opened in (`https://host/group/project`:
    /// https, no query or fragment). The CLI's `--gitlab-project` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gitlab_project: Option<String>,
    /// The address of the Scopecraft app (`https://host/path/`) that a SOW request's share
    /// link opens (`<app_url>#/share/s1.…`). Without it the issue carries the share code and
    /// says how to open it. The CLI's `--app-url` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_url: Option<String>,
    /// How a request becomes an issue: title, labels, customer flags, username rule
    /// (`[sow.issue]`; absent: a neutral request).
    #[serde(default)]
    pub issue: IssueSettings,
    /// Payment terms, by how a line is priced; the draft prints those that apply.
    pub payment_terms: PaymentTerms,
    /// The SOW draft: Markdown (headings, paragraphs, `- ` bullets, `**bold**`) with
    /// placeholders such as `{{customer}}` and `{{price_table}}`
    /// (see `docs/catalog-format.md`).
    pub template: String,
}

/// Payment terms, one paragraph per way of pricing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PaymentTerms {
    /// For fixed fees (standard SKUs, classes, blocks, tiers, range tables).
    pub fixed_fee: String,
    /// For time-and-materials and custom-estimate work.
    pub time_and_materials: String,
    /// For recurring fees (billed per month over the term); required once an offering is
    /// priced `recurring`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring: Option<String>,
    /// For travel and expenses of on-site delivery.
    pub expenses: String,
}

#[cfg(test)]
mod tests {
    use super::{Availability, Band, Offering};
    use crate::catalog::Catalog;
    use crate::date::Date;

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    fn offering(from: Option<&str>, until: Option<&str>) -> Offering {
        let catalog = Catalog::gitlab().expect("the embedded catalog loads");
        let mut offering = catalog.data().offerings[0].clone();
        offering.available_from = from.map(day);
        offering.available_until = until.map(day);
        offering
    }

    #[test]
    fn availability_is_inclusive_at_both_ends() {
        let window = offering(Some("2025-01-01"), Some("2025-12-31"));
        assert_eq!(
            window.availability_on(day("2024-12-31")),
            Availability::NotYet(day("2025-01-01"))
        );
        assert_eq!(
            window.availability_on(day("2025-01-01")),
            Availability::Sold
        );
        assert_eq!(
            window.availability_on(day("2025-12-31")),
            Availability::Sold
        );
        assert_eq!(
            window.availability_on(day("2026-01-01")),
            Availability::Withdrawn(day("2025-12-31"))
        );
        let always = offering(None, None);
        assert_eq!(
            always.availability_on(day("1999-01-01")),
            Availability::Sold
        );
    }

    #[test]
    fn band_spans_group_thousands_and_collapse_one_value() {
        let band = |from, to| Band { from, to }.span();
        assert_eq!(band(0, Some(0)), "0");
        assert_eq!(band(2, Some(4)), "2–4");
        assert_eq!(band(999, Some(1_000)), "999–1,000");
        assert_eq!(band(1_001, Some(2_000)), "1,001–2,000");
        assert_eq!(band(3, Some(3)), "3");
        assert_eq!(
            band(5_001, None),
            "5,001",
            "an open end reads as the first value"
        );
    }

    #[test]
    fn band_labels_keep_both_ends_and_open_ends() {
        let label = |from, to| Band { from, to }.label();
        assert_eq!(label(1, Some(500)), "1–500");
        assert_eq!(label(5, Some(5)), "5–5");
        assert_eq!(label(5_001, None), "5,001+");
    }
}
