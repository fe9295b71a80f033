//! The SOW-request payload: everything the professional-services team needs, as one JSON
//! document (`"schema": "scopecraft.sow-request/1"`), with the GitLab issue it becomes.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::gitlab::{GitLabIssue, issue};
use super::intake::{Intake, check_intake};
use super::timestamp::Timestamp;
use crate::catalog::{Catalog, CatalogRef, RecommendationKind, SaleForm};
use crate::condition::{ScopeFacts, service_types};
use crate::plan::{Plan, PlanOptions, plan};
use crate::quote::{Approval, Quote, price};
use crate::recommend::{
    Recommendation, RecommendationDecision, answer_words, interpolate, recommend,
};
use crate::scope::{Customer, FieldError, Requester, Scope};
use crate::scoping::{asked_questions, is_required};

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
    /// The customer, with the US public sector flag.
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
    /// The issue, shaped as the body of GitLab's `POST /projects/:id/issues`.
    pub gitlab: GitLabIssue,
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

/// Options for [`sow_request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SowRequestOptions {
    /// When the request is generated; the core never reads a clock.
    pub generated_at: Timestamp,
    /// Record missing required answers as to-do instead of refusing the request.
    pub allow_incomplete: bool,
}

/// Why a SOW request could not be made: every problem, each naming its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SowRequestError {
    /// Intake fields first, then pricing and planning problems.
    pub errors: Vec<FieldError>,
}

impl fmt::Display for SowRequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_errors(f, &self.errors)
    }
}

impl std::error::Error for SowRequestError {}

/// Why a payload could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SowPayloadError {
    /// The problems, each naming its field.
    pub errors: Vec<FieldError>,
}

impl fmt::Display for SowPayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_errors(f, &self.errors)
    }
}

impl std::error::Error for SowPayloadError {}

fn write_errors(f: &mut fmt::Formatter<'_>, errors: &[FieldError]) -> fmt::Result {
    for (i, error) in errors.iter().enumerate() {
        if i > 0 {
            f.write_str("\n")?;
        }
        write!(f, "{error}")?;
    }
    Ok(())
}

/// Builds the SOW request for `scope`: checks the intake, prices the scope exactly as
/// [`price`] does, evaluates the recommendations, lays out the plan and writes the issue.
pub fn sow_request(
    catalog: &Catalog,
    scope: &Scope,
    options: &SowRequestOptions,
) -> Result<SowRequest, SowRequestError> {
    let mut errors = Vec::new();
    let intake = match check_intake(catalog, scope, options.allow_incomplete) {
        Ok(intake) => Some(intake),
        Err(error) => {
            errors.extend(error.errors);
            None
        }
    };
    let answers_checked = errors.iter().any(|e| e.field.starts_with("answers."));
    let quote = match price(catalog, scope) {
        Ok(quote) => Some(quote),
        Err(error) => {
            // Invalid answers are already named by the intake, in its words.
            errors.extend(
                error
                    .errors
                    .into_iter()
                    .filter(|e| !(answers_checked && e.field.starts_with("answers."))),
            );
            None
        }
    };
    let (Some(intake), Some(quote)) = (intake, quote) else {
        return Err(SowRequestError { errors });
    };
    if !errors.is_empty() {
        return Err(SowRequestError { errors });
    }
    let recommendations =
        recommend(catalog, scope).map_err(|e| SowRequestError { errors: e.errors })?;
    let plan = match catalog.data().plan {
        Some(_) => Some(
            plan(catalog, scope, &PlanOptions::default())
                .map_err(|e| SowRequestError { errors: e.errors })?,
        ),
        None => None,
    };
    let mut request = SowRequest {
        schema: SOW_REQUEST_SCHEMA.to_string(),
        generated_at: options.generated_at.as_str().to_string(),
        customer: scope.customer.clone(),
        requester: scope.requester.clone(),
        service_types: service_type_names(catalog, scope),
        catalog: catalog.reference(),
        intake,
        scope: scope.clone(),
        approvals: quote.approvals.clone(),
        requires_custom_sow: quote.requires_custom_sow,
        quote,
        questions: scoping_rows(catalog, scope),
        recommendations: decided(catalog, scope, &recommendations),
        plan,
        offerings: offering_terms(catalog, scope),
        gitlab: GitLabIssue::default(),
    };
    request.gitlab = issue(&request);
    Ok(request)
}

impl SowRequest {
    /// The payload as pretty JSON (what [`SowRequest::from_json`] reads).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a payload back: the schema identifier, the document's shape, the timestamp, and
    /// the scope with the scope reader's strict rules.
    pub fn from_json(text: &str) -> Result<SowRequest, SowPayloadError> {
        let single = |field: &str, message: String| SowPayloadError {
            errors: vec![FieldError::new(field, message)],
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
        let mut errors = Vec::new();
        if let Some(scope) = value.get("scope")
            && let Err(error) = Scope::from_value(scope)
        {
            errors.extend(error.errors.into_iter().map(|e| {
                let field = if e.field.is_empty() {
                    "scope".to_string()
                } else {
                    format!("scope.{}", e.field)
                };
                FieldError::new(field, e.message)
            }));
        }
        if !errors.is_empty() {
            return Err(SowPayloadError { errors });
        }
        let request: SowRequest = serde_json::from_value(value)
            .map_err(|e| single("", format!("not a SOW request: {e}")))?;
        if let Err(error) = Timestamp::parse(&request.generated_at) {
            return Err(single("generated_at", error.to_string()));
        }
        Ok(request)
    }
}

fn service_type_names(catalog: &Catalog, scope: &Scope) -> Vec<ServiceType> {
    service_types(catalog, scope)
        .into_iter()
        .map(|id| ServiceType {
            name: catalog
                .category(&id)
                .map_or_else(|| id.clone(), |c| c.name.clone()),
            id,
        })
        .collect()
}

fn scoping_rows(catalog: &Catalog, scope: &Scope) -> Vec<ScopingRow> {
    let facts = ScopeFacts::new(catalog, scope);
    asked_questions(catalog, scope)
        .into_iter()
        .map(|question| ScopingRow {
            id: question.id.clone(),
            question: question.text.clone(),
            response: facts
                .answer(&question.id)
                .map(|answer| answer_words(catalog, &question.id, answer)),
            example: question.example.clone(),
            why: question.why.clone(),
            required: is_required(question, &facts),
        })
        .collect()
}

/// The current recommendations with their decisions, then decisions the scope records on
/// recommendations that no longer appear (an accepted suggestion whose items are now in the
/// scope, a rule whose condition no longer holds).
fn decided(
    catalog: &Catalog,
    scope: &Scope,
    recommendations: &crate::recommend::Recommendations,
) -> Vec<RequestRecommendation> {
    let current = recommendations
        .recommended
        .iter()
        .chain(&recommendations.warnings)
        .chain(&recommendations.notes);
    let mut out: Vec<RequestRecommendation> = current.map(from_recommendation).collect();
    let facts = ScopeFacts::new(catalog, scope);
    for (id, decision) in &scope.recommendations {
        if out.iter().any(|r| &r.id == id) {
            continue;
        }
        let decision = RecommendationDecision::from(Some(*decision));
        let rule = catalog.data().recommendations.iter().find(|r| &r.id == id);
        let entry = match rule {
            Some(rule) => RequestRecommendation {
                id: id.clone(),
                kind: Some(rule.kind),
                reason: interpolate(catalog, &facts, &rule.reason),
                skus: rule.add.iter().map(|a| a.sku.clone()).collect(),
                decision,
            },
            None => recorded_elsewhere(id, decision),
        };
        out.push(entry);
    }
    out
}

fn from_recommendation(r: &Recommendation) -> RequestRecommendation {
    let skus = if r.items.is_empty() {
        r.skus.clone()
    } else {
        r.items.iter().map(|i| i.sku.clone()).collect()
    };
    RequestRecommendation {
        id: r.id.clone(),
        kind: Some(r.kind),
        reason: r.reason.clone(),
        skus,
        decision: r.decision,
    }
}

/// A decision on a recommendation that is not a catalog rule: a prerequisite or licence
/// finding (ids `prerequisite:<SKU>:<SKU>`, `license:<SKU>`, `license-unknown:<SKU>`), or an
/// id the catalog no longer knows.
fn recorded_elsewhere(id: &str, decision: RecommendationDecision) -> RequestRecommendation {
    let parts: Vec<&str> = id.split(':').collect();
    let (kind, reason, skus) = match parts.as_slice() {
        ["prerequisite", sku, needed] => (
            Some(RecommendationKind::Add),
            format!("Take {needed} before {sku}."),
            vec![(*needed).to_string()],
        ),
        ["license", sku] => (
            Some(RecommendationKind::Warning),
            format!("{sku} needs a higher licence tier than the customer's."),
            vec![(*sku).to_string()],
        ),
        ["license-unknown", sku] => (
            Some(RecommendationKind::Note),
            format!("{sku} needs a minimum licence tier; the tier is not answered."),
            vec![(*sku).to_string()],
        ),
        _ => (
            None,
            "The catalog has no rule with this id any more.".to_string(),
            Vec::new(),
        ),
    };
    RequestRecommendation {
        id: id.to_string(),
        kind,
        reason,
        skus,
        decision,
    }
}

fn offering_terms(catalog: &Catalog, scope: &Scope) -> Vec<OfferingTerms> {
    let mut out: Vec<OfferingTerms> = Vec::new();
    for item in &scope.items {
        if out.iter().any(|o| o.sku == item.sku) {
            continue;
        }
        if let Some(offering) = catalog.offering(&item.sku) {
            out.push(OfferingTerms {
                sku: offering.sku.clone(),
                name: offering.name.clone(),
                sale: offering.sale,
                deliverables: offering.deliverables.clone(),
                assumptions: offering.assumptions.clone(),
                exclusions: offering.exclusions.clone(),
            });
        }
    }
    out
}

/// Decisions recorded as the scope spells them (for callers that show them).
pub(crate) fn decision_word(decision: RecommendationDecision) -> &'static str {
    match decision {
        RecommendationDecision::Pending => "Pending",
        RecommendationDecision::Accepted => "Accepted",
        RecommendationDecision::Dismissed => "Dismissed",
    }
}
