//! The `[sow.issue]` table: how a SOW request is handed off as an issue — its title, its
//! labels (base, per service type, per customer flag), the customer flags an account
//! executive ticks, and the rule for the requester's username.
//!
//! Everything here is the catalog's data, so another firm files its requests its own way
//! with no code change; a catalog that says nothing gets a neutral request (a plain title,
//! no labels beyond its approval rules', no flags, no username rule).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The title of a neutral request: the customer's name and what is asked.
pub const DEFAULT_ISSUE_TITLE: &str = "{{customer}} - SOW request";

/// How a SOW request becomes an issue (`[sow.issue]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IssueSettings {
    /// The issue title, with `{{customer}}` exactly once (the customer's name, shortened
    /// with `…` when the title would pass 255 characters; the rest is always kept whole).
    #[serde(default = "default_title")]
    pub title: String,
    /// Labels every request gets, first and in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Labels added for each service type in scope, by category id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub service_type_labels: BTreeMap<String, Vec<String>>,
    /// Yes/no facts about the customer (US public sector…): each is a row of the intake
    /// table and adds its labels when set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customer_flags: Vec<CustomerFlag>,
    /// Whether the requester's username is required, and the rules it follows.
    #[serde(default)]
    pub requester_username: UsernameRule,
}

impl Default for IssueSettings {
    fn default() -> Self {
        IssueSettings {
            title: default_title(),
            labels: Vec::new(),
            service_type_labels: BTreeMap::new(),
            customer_flags: Vec::new(),
            requester_username: UsernameRule::default(),
        }
    }
}

fn default_title() -> String {
    DEFAULT_ISSUE_TITLE.to_string()
}

/// A yes/no fact about the customer that the request shows and labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerFlag {
    /// What a scope lists in `customer.flags` (`public_sector_us`, which a scope may
    /// also set with its older `customer.public_sector_us: true`).
    pub id: String,
    /// The intake row's name (`US public sector`).
    pub name: String,
    /// Labels the request gets when the flag is set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
}

/// The rule for the requester's username.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UsernameRule {
    /// A request without a username is refused.
    #[serde(default)]
    pub required: bool,
    /// Which rules a given username must follow.
    #[serde(default)]
    pub rules: UsernameRules,
}

/// The rules a requester's username follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum UsernameRules {
    /// Any text; it is shown as text, never as a mention.
    #[default]
    None,
    /// GitLab's rules for usernames (2 to 255 letters, digits, `_`, `-`, `.`; not `all`);
    /// a valid personal username is mentioned in the issue, a group path is shown as text.
    Gitlab,
}
