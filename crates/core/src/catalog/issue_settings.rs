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

/// The title of the scheduling-intake issue when the catalog names none.
pub const DEFAULT_SCHEDULING_TITLE: &str = "{{customer}} - Project Scheduling Intake";

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
    /// The name of the project's issue template for SOW requests (`SOW Request`, the file
    /// `.gitlab/issue_templates/SOW Request.md` that `scopecraft sow-template` writes): the
    /// title-only new-issue link opens it (`issuable_template`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The second issue a request produces, for the team that schedules the work.
    #[serde(default)]
    pub scheduling: SchedulingSettings,
}

/// How the "Project Scheduling Intake" issue is titled and labelled
/// (`[sow.issue.scheduling]`). It also gets the labels of the service types in scope and
/// of the customer flags that are set, as the SOW request does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchedulingSettings {
    /// The issue title, with `{{customer}}` exactly once.
    #[serde(default = "default_scheduling_title")]
    pub title: String,
    /// Labels the scheduling issue gets first, in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
}

impl Default for SchedulingSettings {
    fn default() -> Self {
        SchedulingSettings {
            title: default_scheduling_title(),
            labels: Vec::new(),
        }
    }
}

fn default_scheduling_title() -> String {
    DEFAULT_SCHEDULING_TITLE.to_string()
}

impl Default for IssueSettings {
    fn default() -> Self {
        IssueSettings {
            title: default_title(),
            labels: Vec::new(),
            service_type_labels: BTreeMap::new(),
            customer_flags: Vec::new(),
            requester_username: UsernameRule::default(),
            template: None,
            scheduling: SchedulingSettings::default(),
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
