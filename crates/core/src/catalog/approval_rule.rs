//! Approval rules: who must approve a quote and what makes the rule fire (a line, effective
//! or quote discount over a percentage, or the total over an amount), and which lines it
//! looks at. Part of the catalog document (`[[approvals]]`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Who must approve a quote, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ApprovalRule {
    /// Stable identifier.
    pub id: String,
    /// The condition.
    pub when: ApprovalTrigger,
    /// Which quote lines the condition looks at: every line (the default) or only the
    /// custom work, the lines sold on a custom SOW. Travel and expenses never count.
    #[serde(default, skip_serializing_if = "ApprovalLines::is_all")]
    pub lines: ApprovalLines,
    /// Who approves (`Technical architect`).
    pub approver: String,
    /// Why, in words the account executive understands.
    pub reason: String,
    /// Label added to the SOW-request issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Marks thresholds that illustrate the mechanism rather than real policy.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
}

/// The quote lines an approval rule looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApprovalLines {
    /// Every priced line (travel and expenses excepted).
    #[default]
    All,
    /// Only the lines sold on a custom SOW (`sale = "custom_sow"`): the estimate the
    /// scoping issue carries, without the standard SKUs that go on the order form.
    CustomWork,
}

impl ApprovalLines {
    /// Whether the rule looks at every line (the default, left out of the file).
    pub fn is_all(&self) -> bool {
        *self == ApprovalLines::All
    }
}

/// What makes an approval rule fire. Percentages and amounts are compared with "over":
/// exactly the threshold does not fire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ApprovalTrigger {
    /// Any line's discount, as a percentage of its gross, is over this.
    LineDiscountPercentOver(
        #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))] Decimal,
    ),
    /// The quote discount percentage is over this.
    QuoteDiscountPercentOver(
        #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))] Decimal,
    ),
    /// Any line's effective discount is over this: its line discount and its share of the
    /// quote discount compounded, as a percentage of its gross (15% on the line and 15% on
    /// the quote make 27.75%).
    EffectiveDiscountPercentOver(
        #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))] Decimal,
    ),
    /// The high end of the total is over this amount in the base currency.
    TotalHighOver(
        #[cfg_attr(feature = "schema", schemars(with = "super::schema::DecimalText"))] Decimal,
    ),
}
