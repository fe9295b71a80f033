//! The SOW-request payload: everything the professional-services team needs, as one JSON
//! document (`"schema": "scopecraft.sow-request/1"`), with the GitLab issue it becomes.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::intake::Intake;
use super::issue::GitLabIssue;
use super::timestamp::Timestamp;
use crate::catalog::{Band, CatalogRef, IssueSettings, RecommendationKind, SaleForm};
use crate::date::Date;
use crate::field_error::{FieldError, FieldErrors};
use crate::plan::{DateSpan, Plan};
use crate::quote::{Approval, Quote};
use crate::recommend::RecommendationDecision;
use crate::scope::{Customer, Requester, Scope};

/// The payload's schema identifier.
pub const SOW_REQUEST_SCHEMA: &str = "scopecraft.sow-request/1";

/// A SOW request: the scope as entered, the quote `scopecraft quote` gives for it, the
/// scoping answers, recommendations and decisions, the plan, the chosen offerings' terms,
/// and the GitLab issue to file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "Scopecraft SOW request",
        description = "What an account executive hands to the professional-services team: scope, quote, scoping answers, plan, terms and the GitLab issue (POST /projects/:id/issues body)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct SowRequest {
    /// Always `scopecraft.sow-request/1`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = "scopecraft.sow-request/1")))]
    pub schema: String,
    /// When the request was generated, as given by the caller (RFC 3339).
    #[cfg_attr(
        feature = "schema",
        schemars(
            regex(pattern = r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$"),
            extend("format" = "date-time")
        )
    )]
    pub generated_at: String,
    /// The customer, with its flags.
    pub customer: Customer,
    /// Who requests the SOW.
    pub requester: Requester,
    /// The service types in scope, with their display names.
    pub service_types: Vec<ServiceType>,
    /// The catalog everything was priced and planned with.
    pub catalog: CatalogRef,
    /// Whether every required answer is given, and which are still to do.
    pub intake: Intake,
    /// The scope document, as entered.
    pub scope: Scope,
    /// The quote, exactly as `scopecraft quote --format json` gives it for this scope.
    pub quote: Quote,
    /// The scoping questions asked for this scope, with the customer's responses.
    pub questions: Vec<ScopingRow>,
    /// Recommendations the catalog's rules make, and the decisions recorded on them.
    pub recommendations: Vec<RequestRecommendation>,
    /// Approvals the quote needs (the quote's own list).
    pub approvals: Vec<Approval>,
    /// Whether any line needs a custom SOW.
    pub requires_custom_sow: bool,
    /// The implementation plan in weeks after kick-off; absent when the catalog has no plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// What each chosen offering delivers, assumes and excludes.
    pub offerings: Vec<OfferingTerms>,
    /// How the request becomes an issue, as the catalog says (`[sow.issue]`; a neutral
    /// request when the catalog says nothing): the issue text is written from it.
    #[serde(default)]
    pub issue_settings: IssueSettings,
    /// The issue, shaped as the body of GitLab's `POST /projects/:id/issues`.
    pub gitlab: GitLabIssue,
    /// The second issue: the "Project Scheduling Intake" for the team that schedules the
    /// work (empty in requests written before it existed).
    #[serde(default)]
    pub scheduling: SchedulingIntake,
}

/// What the team that schedules the work needs, and the issue that asks for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchedulingIntake {
    /// The day the SOW, agreements and purchase order were all signed, when the caller
    /// gave it (`YYYY-MM-DD`); the core never reads a clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub signed_on: Option<Date>,
    /// Weeks from signature to the earliest start (the catalog's `plan.lead_time_weeks`);
    /// absent when the catalog has no plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_time_weeks: Option<Band>,
    /// The earliest and latest start: the signature date plus the lead time's first and
    /// last week; absent until a signature date is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_start: Option<DateSpan>,
    /// Who to talk to.
    pub contacts: Vec<Contact>,
    /// The issue, shaped as the body of GitLab's `POST /projects/:id/issues`.
    pub issue: GitLabIssue,
}

/// A person the scheduling team can reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Their part (`Requester (account team)`).
    pub role: String,
    /// Username, when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub username: String,
    /// Email address, when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
}

/// A service type (a catalog category).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceType {
    /// The category id (`education`).
    pub id: String,
    /// Its display name, also the issue label (`Education`).
    pub name: String,
}

/// One row of the scoping table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScopingRow {
    /// The question id.
    pub id: String,
    /// The question as asked.
    pub question: String,
    /// The customer's response as people read it; absent: to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// A typical answer.
    pub example: String,
    /// Why the team asks.
    pub why: String,
    /// Whether an answer is required for this scope.
    pub required: bool,
}

/// A recommendation and what was decided about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RequestRecommendation {
    /// The recommendation id the scope records decisions under.
    pub id: String,
    /// Add, warning or note; absent when the catalog no longer has the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RecommendationKind>,
    /// Why, in words.
    pub reason: String,
    /// The SKUs it suggests or is about.
    pub skus: Vec<String>,
    /// Pending, accepted or dismissed.
    pub decision: RecommendationDecision,
}

/// The terms of one chosen offering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferingTerms {
    /// The SKU.
    pub sku: String,
    /// The offering's name.
    pub name: String,
    /// Standard SKU or custom SOW.
    pub sale: SaleForm,
    /// What the customer receives.
    pub deliverables: Vec<String>,
    /// What the price assumes.
    pub assumptions: Vec<String>,
    /// What is not included.
    pub exclusions: Vec<String>,
}

/// Options for [`sow_request`](super::sow_request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SowRequestOptions {
    /// When the request is generated; the core never reads a clock.
    pub generated_at: Timestamp,
    /// Record missing required answers as to-do instead of refusing the request.
    pub allow_incomplete: bool,
    /// The day the SOW, agreements and purchase order were all signed, when known: the
    /// plan gets calendar dates and the scheduling intake its earliest start.
    pub signed_on: Option<Date>,
}

/// Why a SOW request could not be made: every problem, each naming its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SowRequestError {
    /// Intake fields first, then pricing and planning problems.
    pub errors: FieldErrors,
}

impl fmt::Display for SowRequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.errors.fmt(f)
    }
}

impl std::error::Error for SowRequestError {}

/// Why a payload could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SowPayloadError {
    /// The problems, each naming its field.
    pub errors: FieldErrors,
}

impl fmt::Display for SowPayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.errors.fmt(f)
    }
}

impl std::error::Error for SowPayloadError {}

impl SowRequest {
    /// The payload as pretty JSON (what [`SowRequest::from_json`] reads).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a payload back: the schema identifier, the document's shape, the timestamp, and
    /// the scope with the scope reader's strict rules.
    pub fn from_json(text: &str) -> Result<SowRequest, SowPayloadError> {
        let single = |field: &'static str, message: String| SowPayloadError {
            errors: FieldError::new(field, message).into(),
        };
        let value: Value =
            serde_json::from_str(text).map_err(|e| single("", format!("not valid JSON: {e}")))?;
        match value.get("schema").and_then(Value::as_str) {
            Some(SOW_REQUEST_SCHEMA) => {}
            Some(other) => {
                return Err(single(
                    "schema",
                    format!(
                        "{other:?} is not {SOW_REQUEST_SCHEMA:?}; this build reads only that version"
                    ),
                ));
            }
            None => {
                return Err(single(
                    "schema",
                    format!("missing: a SOW request says \"schema\": {SOW_REQUEST_SCHEMA:?}"),
                ));
            }
        }
        let mut errors = FieldErrors::new();
        if let Some(scope) = value.get("scope")
            && let Err(error) = Scope::from_value(scope)
        {
            errors.extend(
                error
                    .errors
                    .into_iter()
                    .map(|e| FieldError::new(e.field.within("scope"), e.message)),
            );
        }
        if !errors.is_empty() {
            return Err(SowPayloadError { errors });
        }
        let request: SowRequest = serde_json::from_value(value)
            .map_err(|e| single("", format!("not a SOW request: {e}")))?;
        if let Err(error) = Timestamp::parse(&request.generated_at) {
            return Err(single("generated_at", error.to_string()));
        }
        let minor_units = request.quote.currency.minor_units();
        if request.quote.minor_units != minor_units {
            return Err(single(
                "quote.minor_units",
                format!(
                    "{} has {minor_units} minor units, not {}",
                    request.quote.currency, request.quote.minor_units
                ),
            ));
        }
        Ok(request)
    }
}
