//! Making a SOW request: check the intake, price the scope exactly as [`crate::price`]
//! does, evaluate the recommendations, lay out the plan, and write the GitLab issue.

use super::intake::check_intake;
use super::issue::{GitLabIssue, MAX_DESCRIPTION_CHARS};
use super::issue_text::issue;
use super::payload::{
    OfferingTerms, RequestRecommendation, SOW_REQUEST_SCHEMA, SchedulingIntake, ScopingRow,
    ServiceType, SowRequest, SowRequestError, SowRequestOptions,
};
use super::scheduling::scheduling_intake;
use crate::catalog::{Catalog, RecommendationKind};
use crate::condition::{ScopeFacts, service_types};
use crate::field_error::FieldError;
use crate::field_error::FieldErrors;
use crate::plan::{PlanOptions, plan};
use crate::quote::price;
use crate::recommend::{
    Recommendation, RecommendationDecision, Recommendations, answer_words, interpolate, recommend,
};
use crate::scope::Scope;
use crate::scoping::{asked_questions, is_required};

/// Builds the SOW request for `scope`: checks the intake, prices the scope exactly as
/// [`price`] does, evaluates the recommendations, lays out the plan and writes the issue.
pub fn sow_request(
    catalog: &Catalog,
    scope: &Scope,
    options: &SowRequestOptions,
) -> Result<SowRequest, SowRequestError> {
    let mut errors = FieldErrors::new();
    let intake = match check_intake(catalog, scope, options.allow_incomplete) {
        Ok(intake) => Some(intake),
        Err(error) => {
            errors.extend(error.errors);
            None
        }
    };
    let quote = match price(catalog, scope) {
        Ok(quote) => Some(quote),
        Err(error) => {
            // Invalid answers are already named by the intake, in its words.
            errors.extend_after_answer_check(error.errors);
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
            plan(
                catalog,
                scope,
                &PlanOptions {
                    signed_on: options.signed_on,
                },
            )
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
        issue_settings: catalog.issue_settings(),
        gitlab: GitLabIssue::default(),
        scheduling: SchedulingIntake::default(),
    };
    request.gitlab = issue(&request);
    request.scheduling = scheduling_intake(&request);
    let length = request.gitlab.description.chars().count();
    if length > MAX_DESCRIPTION_CHARS {
        return Err(SowRequestError {
            errors: FieldError::new(
                "gitlab.description",
                format!(
                    "the issue description would be {length} characters, over GitLab's limit of {MAX_DESCRIPTION_CHARS}: shorten the notes or split the scope"
                ),
            )
            .into(),
        });
    }
    Ok(request)
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
    recommendations: &Recommendations,
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
