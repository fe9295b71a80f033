//! Recommendations: the catalog's scoping rules evaluated against a scope's answers and
//! items, plus what offerings themselves say (prerequisite courses, licence tiers).
//!
//! Recommendations are suggestions. Each carries a stable id under which the scope records
//! whether it was accepted or dismissed; items already in the scope (or their sibling in the
//! other delivery mode) are never suggested again. Suggested items are priced by the quote
//! engine on a one-item scope with the scope's answers, so classes, seat add-ons and ranges
//! from missing answers are exactly what a quote would show.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::{
    Band, Catalog, CatalogRef, DeliveryMode, ItemField, Offering, RecommendationKind,
    RecommendationRule, RuleAdd, SaleForm,
};
use crate::condition::{ScopeFacts, holds, selected_skus};
use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::license::{self, LicenseGap};
use crate::money::PriceRange;
use crate::quote::{Component, LineKind, Quote, TraceStep, price};
use crate::scope::{Answer, Decision, Scope, ScopeItem};
use crate::scoping::{
    Completeness, MigrationWaveEstimate, MissingAnswer, completeness_with, migration_waves,
};
use crate::template::{Piece, Placeholders, SINGLE_BRACES};

/// Everything the rules say about a scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recommendations {
    /// The catalog whose rules were applied.
    pub catalog: CatalogRef,
    /// Currency of every price below.
    pub currency: String,
    /// Digits after the decimal point in every price below (the currency's minor units).
    pub minor_units: u32,
    /// The service types considered.
    pub service_types: Vec<String>,
    /// Offerings to add, with their derived quantities and prices.
    pub recommended: Vec<Recommendation>,
    /// Conflicts, missing prerequisites and mismatches with the answers.
    pub warnings: Vec<Recommendation>,
    /// Information for the estimate and the customer.
    pub notes: Vec<Recommendation>,
    /// Waves the migration moves in, when the answers allow an estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_waves: Option<MigrationWaveEstimate>,
    /// Required questions still unanswered.
    pub missing_required: Vec<MissingAnswer>,
    /// Required questions answered.
    pub answered_required: usize,
    /// Required questions in all.
    pub total_required: usize,
}

/// One suggestion, warning or note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recommendation {
    /// Stable id: a rule id, `prerequisite:<SKU>:<SKU>` or `license:<SKU>`.
    pub id: String,
    /// Add, warning or note.
    pub kind: RecommendationKind,
    /// Why, in words for the account executive and the customer.
    pub reason: String,
    /// The offerings to add (kind `add`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<RecommendedItem>,
    /// Sum of the items' list prices, when any is priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<PriceRange>,
    /// Items in the scope this suggestion would replace.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
    /// The id of the recommendation this one is an alternative to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_to: Option<String>,
    /// Extra consultant days the finding adds to an estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort_days: Option<Band>,
    /// The scope's SKUs a warning or note is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skus: Vec<String>,
    /// What the account executive decided.
    pub decision: RecommendationDecision,
}

/// A recommendation's state in the scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecommendationDecision {
    /// Not decided yet.
    Pending,
    /// Accepted (its items belong in the scope).
    Accepted,
    /// Dismissed.
    Dismissed,
}

impl From<Option<Decision>> for RecommendationDecision {
    fn from(decision: Option<Decision>) -> Self {
        match decision {
            None => RecommendationDecision::Pending,
            Some(Decision::Accepted) => RecommendationDecision::Accepted,
            Some(Decision::Dismissed) => RecommendationDecision::Dismissed,
        }
    }
}

/// One offering to add, priced as a quote would price it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecommendedItem {
    /// The offering's SKU.
    pub sku: String,
    /// The offering's name.
    pub name: String,
    /// Standard SKU or custom SOW.
    pub sale: SaleForm,
    /// The item to put in the scope when the recommendation is accepted.
    pub scope_item: ScopeItem,
    /// Units priced (classes, engagements); the low end when it is a range.
    pub quantity: u64,
    /// The high end of the quantity when an answer is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_high: Option<u64>,
    /// What one unit is.
    pub unit: String,
    /// The parts of the price (e.g. classes and seat add-ons).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Firm, range or custom (no list price).
    pub line_kind: LineKind,
    /// List price before discounts; absent when a custom estimate is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<PriceRange>,
    /// Questions whose missing answers widen the price.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_answers: Vec<String>,
    /// How the engine priced it, one rule per sentence (the quote line's trace).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanation: Vec<String>,
}

/// Why recommendations could not be made: every problem, each naming its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendError {
    /// The problems (invalid answers, unknown SKUs, pricing errors).
    pub errors: FieldErrors,
}

impl fmt::Display for RecommendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.errors.fmt(f)
    }
}

impl std::error::Error for RecommendError {}

/// Evaluates the catalog's rules against `scope`. Refuses scopes with invalid answers or
/// items (every problem at once), because advice built on them would mislead.
pub fn recommend(catalog: &Catalog, scope: &Scope) -> Result<Recommendations, RecommendError> {
    let facts = ScopeFacts::new(catalog, scope);
    let status = completeness_with(catalog, scope, &facts);
    let mut errors = status.errors.clone();
    let quote = match price(catalog, scope) {
        Ok(quote) => Some(quote),
        Err(error) => {
            // Invalid answers are already named by the answer check, in its words.
            errors.extend_after_answer_check(error.errors);
            None
        }
    };
    match quote.filter(|_| errors.is_empty()) {
        Some(quote) => apply_rules(catalog, scope, &facts, status, &quote),
        None => Err(RecommendError { errors }),
    }
}

/// [`recommend`] for a scope the caller has already priced: `quote` is `scope`'s quote
/// (from [`price`] or [`crate::price_with`]), so the scope is not priced a second time. The
/// result is the one [`recommend`] gives (the engine refuses invalid answers, so a priced
/// scope's answers are valid; they are checked again all the same).
pub fn recommend_for_quote(
    catalog: &Catalog,
    scope: &Scope,
    quote: &Quote,
) -> Result<Recommendations, RecommendError> {
    // The scope's facts are gathered once, for the answer check and every rule.
    let facts = ScopeFacts::new(catalog, scope);
    let status = completeness_with(catalog, scope, &facts);
    if !status.errors.is_empty() {
        return Err(RecommendError {
            errors: status.errors,
        });
    }
    apply_rules(catalog, scope, &facts, status, quote)
}

/// The rules, prerequisites and licence checks on a scope that prices (`quote`) and whose
/// answers are valid (`status`).
fn apply_rules(
    catalog: &Catalog,
    scope: &Scope,
    facts: &ScopeFacts<'_>,
    status: Completeness,
    quote: &Quote,
) -> Result<Recommendations, RecommendError> {
    let mut engine = Engine {
        catalog,
        scope,
        facts,
        recommended: Vec::new(),
        warnings: Vec::new(),
        notes: Vec::new(),
        errors: FieldErrors::new(),
    };
    for rule in &catalog.data().recommendations {
        engine.rule(rule);
    }
    engine.prerequisites();
    engine.licences();
    if !engine.errors.is_empty() {
        return Err(RecommendError {
            errors: engine.errors,
        });
    }
    Ok(Recommendations {
        catalog: catalog.reference(),
        currency: quote.currency.code().to_string(),
        minor_units: quote.minor_units,
        service_types: status.service_types,
        recommended: engine.recommended,
        warnings: engine.warnings,
        notes: engine.notes,
        migration_waves: migration_waves(catalog, scope),
        missing_required: status.missing_required,
        answered_required: status.answered_required,
        total_required: status.total_required,
    })
}

struct Engine<'a> {
    catalog: &'a Catalog,
    scope: &'a Scope,
    facts: &'a ScopeFacts<'a>,
    recommended: Vec<Recommendation>,
    warnings: Vec<Recommendation>,
    notes: Vec<Recommendation>,
    errors: FieldErrors,
}

impl Engine<'_> {
    fn decision(&self, id: &str) -> RecommendationDecision {
        self.scope.recommendations.get(id).copied().into()
    }

    /// The SKU, or its sibling in the other delivery mode, is in the scope.
    fn present(&self, sku: &str) -> bool {
        self.facts.is_selected(sku)
            || self
                .catalog
                .offering(sku)
                .and_then(|o| o.delivery.sibling.as_deref())
                .is_some_and(|s| self.facts.is_selected(s))
    }

    /// When a scope item still has included choices open and `sku` (or its sibling) is
    /// one of them, a note says to choose it there, and no paid copy is suggested.
    fn choose_as_included(&mut self, sku: &str) -> bool {
        let sibling = self
            .catalog
            .offering(sku)
            .and_then(|o| o.delivery.sibling.clone());
        let open = self
            .scope
            .items
            .iter()
            .enumerate()
            .find_map(|(index, item)| {
                let parent = self.catalog.offering(&item.sku)?;
                let includes = parent.includes.as_ref()?;
                let open = (includes.choose as usize).checked_sub(item.included.len())?;
                let candidate = [Some(sku), sibling.as_deref()]
                    .into_iter()
                    .flatten()
                    .find(|s| includes.from.iter().any(|f| f == s))?;
                (open > 0).then(|| (index, parent, open, candidate.to_string()))
            });
        let Some((index, parent, open, candidate)) = open else {
            return false;
        };
        let id = format!("included:{}:{candidate}", parent.sku);
        if self.notes.iter().any(|n| n.id == id) {
            return true;
        }
        let (choose, label) = parent
            .includes
            .as_ref()
            .map_or((0, "items"), |i| (i.choose, i.label.as_str()));
        let name = self
            .catalog
            .offering(&candidate)
            .map_or_else(String::new, |o| format!(" ({})", o.name));
        self.notes.push(Recommendation {
            reason: format!(
                "{candidate}{name} comes with {} ({}) at no charge: choose it in items[{index}].included ({open} of its {choose} {label} still to choose) rather than adding a paid one.",
                parent.sku, parent.name
            ),
            decision: self.decision(&id),
            skus: vec![parent.sku.clone(), candidate.clone()],
            ..note(id, RecommendationKind::Note, &candidate)
        });
        true
    }

    /// The SKU (or its sibling) is already suggested by a recommendation not dismissed.
    fn proposed(&self, sku: &str) -> bool {
        let sibling = self
            .catalog
            .offering(sku)
            .and_then(|o| o.delivery.sibling.as_deref());
        self.recommended
            .iter()
            .filter(|r| r.decision != RecommendationDecision::Dismissed)
            .flat_map(|r| &r.items)
            .any(|i| i.sku == sku || Some(i.sku.as_str()) == sibling)
    }

    /// The rule applies to this scope and some SKU of its suggestion is already in it.
    fn rule_taken(&self, rule: &RecommendationRule) -> bool {
        self.applies(rule) && rule.add.iter().any(|add| self.present(&add.sku))
    }

    /// The rule's service type is in scope and its condition holds.
    fn applies(&self, rule: &RecommendationRule) -> bool {
        rule.service_type
            .as_deref()
            .is_none_or(|s| self.facts.has_service_type(s))
            && holds(&rule.when, self.facts)
    }

    fn rule(&mut self, rule: &RecommendationRule) {
        if !self.applies(rule) {
            return;
        }
        let reason = interpolate(self.catalog, self.facts, &rule.reason);
        let decision = self.decision(&rule.id);
        let mut recommendation = Recommendation {
            id: rule.id.clone(),
            kind: rule.kind,
            reason,
            items: Vec::new(),
            price: None,
            replaces: Vec::new(),
            alternative_to: rule.alternative_to.clone(),
            effort_days: rule.effort_days,
            skus: Vec::new(),
            decision,
        };
        match rule.kind {
            RecommendationKind::Add => {
                if self.alternative_taken(rule) {
                    return;
                }
                for add in &rule.add {
                    let item = self.scope_item(add);
                    if self.present(&item.sku) || self.proposed(&item.sku) {
                        continue;
                    }
                    if self.choose_as_included(&item.sku) {
                        continue;
                    }
                    match self.priced(&rule.id, item) {
                        Ok(priced) => recommendation.items.push(priced),
                        Err(errors) => {
                            self.errors.extend(errors);
                            return;
                        }
                    }
                }
                if recommendation.items.is_empty() {
                    return;
                }
                recommendation.replaces = rule
                    .instead_of
                    .iter()
                    .filter(|sku| self.facts.is_selected(sku))
                    .cloned()
                    .collect();
                recommendation.price = total(&recommendation.items);
                self.recommended.push(recommendation);
            }
            RecommendationKind::Warning | RecommendationKind::Note => {
                let mut skus = Vec::new();
                selected_skus(&rule.when, &mut skus);
                skus.retain(|sku| self.facts.is_selected(sku));
                recommendation.skus = skus;
                if rule.kind == RecommendationKind::Warning {
                    self.warnings.push(recommendation);
                } else {
                    self.notes.push(recommendation);
                }
            }
        }
    }

    /// The rule's alternative (either way round) applies and is already chosen.
    fn alternative_taken(&self, rule: &RecommendationRule) -> bool {
        let rules = &self.catalog.data().recommendations;
        let named = rule
            .alternative_to
            .as_deref()
            .and_then(|id| rules.iter().find(|r| r.id == id));
        let naming = rules
            .iter()
            .filter(|r| r.alternative_to.as_deref() == Some(rule.id.as_str()));
        named.into_iter().chain(naming).any(|r| self.rule_taken(r))
    }

    /// The scope item a rule suggests, with answers filled in.
    fn scope_item(&self, add: &RuleAdd) -> ScopeItem {
        let number = |question: &Option<String>| {
            question
                .as_deref()
                .and_then(|q| self.facts.answer(q))
                .and_then(Answer::as_number)
                .filter(|n| *n > 0)
        };
        let wanted = add.delivery.or_else(|| {
            add.delivery_from
                .as_deref()
                .and_then(|q| self.facts.answer(q))
                .and_then(|a| match a {
                    Answer::Text(t) if t == "remote" => Some(DeliveryMode::Remote),
                    Answer::Text(t) if t == "on_site" => Some(DeliveryMode::OnSite),
                    _ => None,
                })
        });
        let (sku, delivery) = self.in_mode(&add.sku, wanted);
        let offering = self.catalog.offering(&sku);
        let takes_attendees =
            offering.is_some_and(|o| o.pricing.item_fields().accepts(ItemField::Attendees));
        ScopeItem {
            sku,
            quantity: add.quantity.or_else(|| number(&add.quantity_from)),
            attendees: if takes_attendees {
                number(&add.attendees_from)
            } else {
                None
            },
            delivery,
            ..ScopeItem::default()
        }
    }

    /// The SKU sold in `mode`: the offering itself, or its sibling. The delivery field is
    /// set only for an offering sold in several modes.
    fn in_mode(&self, sku: &str, mode: Option<DeliveryMode>) -> (String, Option<DeliveryMode>) {
        let Some(mode) = mode else {
            return (sku.to_string(), None);
        };
        let Some(offering) = self.catalog.offering(sku) else {
            return (sku.to_string(), None);
        };
        let pick = |o: &Offering| {
            let delivery = (o.delivery.modes.len() > 1).then_some(mode);
            (o.sku.clone(), delivery)
        };
        if offering.delivery.modes.contains(&mode) {
            return pick(offering);
        }
        match offering
            .delivery
            .sibling
            .as_deref()
            .and_then(|s| self.catalog.offering(s))
            .filter(|s| s.delivery.modes.contains(&mode))
        {
            Some(sibling) => pick(sibling),
            None => (sku.to_string(), None),
        }
    }

    /// Prices one item alone, with the scope's answers and currency.
    fn priced(&self, id: &str, item: ScopeItem) -> Result<RecommendedItem, Vec<FieldError>> {
        let alone = Scope {
            currency: self.scope.currency.clone(),
            answers: self.scope.answers.clone(),
            items: vec![item.clone()],
            ..Scope::default()
        };
        let quote = price(self.catalog, &alone).map_err(|e| {
            e.errors
                .into_iter()
                .map(|error| {
                    FieldError::new(
                        FieldPath::recommendation(id),
                        format!("{}: {}", item.sku, error.message),
                    )
                })
                .collect::<Vec<_>>()
        })?;
        let line = quote.lines.into_iter().next().ok_or_else(|| {
            vec![FieldError::new(
                FieldPath::recommendation(id),
                format!("{}: the engine returned no line", item.sku),
            )]
        })?;
        Ok(RecommendedItem {
            sku: line.sku.to_string(),
            name: line.name.to_string(),
            sale: line.sale,
            scope_item: item,
            quantity: line.quantity,
            quantity_high: line.quantity_high,
            unit: line.unit.to_string(),
            components: line.components,
            line_kind: line.kind,
            price: line.gross,
            missing_answers: quote.missing_answers,
            explanation: line.trace.iter().map(TraceStep::text).collect(),
        })
    }

    /// Prerequisite offerings of the scope's items that are not in the scope.
    fn prerequisites(&mut self) {
        for item in &self.scope.items {
            let Some(offering) = self.catalog.offering(&item.sku) else {
                continue;
            };
            for prerequisite in &offering.prerequisites.skus {
                if self.present(prerequisite) || self.proposed(prerequisite) {
                    continue;
                }
                if self.choose_as_included(prerequisite) {
                    continue;
                }
                let Some(needed) = self.catalog.offering(prerequisite) else {
                    continue;
                };
                let id = format!("prerequisite:{}:{}", offering.sku, needed.sku);
                let scope_item = ScopeItem {
                    attendees: item
                        .attendees
                        .filter(|_| needed.pricing.item_fields().accepts(ItemField::Attendees)),
                    ..ScopeItem::new(needed.sku.clone())
                };
                let priced = match self.priced(&id, scope_item) {
                    Ok(priced) => priced,
                    Err(errors) => {
                        self.errors.extend(errors);
                        continue;
                    }
                };
                let items = vec![priced];
                self.recommended.push(Recommendation {
                    reason: format!(
                        "{} ({}) builds on what {}, {}, teaches. Add it, unless the people attending already have that knowledge.",
                        offering.name, offering.sku, needed.sku, needed.name
                    ),
                    kind: RecommendationKind::Add,
                    price: total(&items),
                    items,
                    replaces: Vec::new(),
                    alternative_to: None,
                    effort_days: None,
                    skus: vec![offering.sku.clone()],
                    decision: self.decision(&id),
                    id,
                });
            }
        }
    }

    /// A licence tier below the catalog's minimum; offerings in the scope or suggested that
    /// need (or are recommended for) a higher licence tier than the customer's. The rule is
    /// [`crate::license`]'s, which the quote's warnings use too.
    fn licences(&mut self) {
        let Some(question) = self.catalog.data().license_question.as_deref() else {
            return;
        };
        let tier = license::customer_tier(self.catalog, self.facts.answer(question));
        if let Some(reason) = license::below_minimum(self.catalog, tier.as_ref()) {
            let id = "license-minimum".to_string();
            self.warnings.push(Recommendation {
                reason,
                decision: self.decision(&id),
                skus: Vec::new(),
                ..note(id, RecommendationKind::Warning, "")
            });
        }
        let mut skus: Vec<String> = self
            .facts
            .skus()
            .iter()
            .map(|sku| sku.to_string())
            .collect();
        for recommendation in &self.recommended {
            if recommendation.decision != RecommendationDecision::Dismissed {
                skus.extend(recommendation.items.iter().map(|i| i.sku.clone()));
            }
        }
        let mut seen: Vec<String> = Vec::new();
        for sku in skus {
            if seen.contains(&sku) {
                continue;
            }
            seen.push(sku.clone());
            let Some(offering) = self.catalog.offering(&sku) else {
                continue;
            };
            let Some(gap) = license::gap(self.catalog, offering, tier.as_ref()) else {
                continue;
            };
            let in_scope = self.facts.is_selected(&sku);
            let subject = if in_scope {
                format!("{} ({})", offering.sku, offering.name)
            } else {
                format!("The suggested {} ({})", offering.sku, offering.name)
            };
            let reason = gap.sentence(&subject, question);
            match gap {
                LicenseGap::Required { .. } => {
                    let id = format!("license:{sku}");
                    self.warnings.push(Recommendation {
                        reason,
                        decision: self.decision(&id),
                        ..note(id, RecommendationKind::Warning, &sku)
                    });
                }
                LicenseGap::RequiredUnknown { .. } => {
                    let id = format!("license-unknown:{sku}");
                    self.notes.push(Recommendation {
                        reason,
                        decision: self.decision(&id),
                        ..note(id, RecommendationKind::Note, &sku)
                    });
                }
                LicenseGap::Recommended { .. } => {
                    let id = format!("license-recommended:{sku}");
                    self.notes.push(Recommendation {
                        reason,
                        decision: self.decision(&id),
                        ..note(id, RecommendationKind::Note, &sku)
                    });
                }
            }
        }
    }
}

fn note(id: String, kind: RecommendationKind, sku: &str) -> Recommendation {
    Recommendation {
        id,
        kind,
        reason: String::new(),
        items: Vec::new(),
        price: None,
        replaces: Vec::new(),
        alternative_to: None,
        effort_days: None,
        skus: vec![sku.to_string()],
        decision: RecommendationDecision::Pending,
    }
}

/// The sum of the priced items; `None` when none has a price.
fn total(items: &[RecommendedItem]) -> Option<PriceRange> {
    let mut sum: Option<PriceRange> = None;
    for price in items.iter().filter_map(|i| i.price) {
        sum = Some(match sum {
            None => price,
            Some(s) => s.checked_add(price)?,
        });
    }
    sum
}

/// Replaces `{question.id}` with the answer as people read it; other braces stay (and
/// braces that name no question may hold one that does: `{see {migration.users}`).
pub(crate) fn interpolate(catalog: &Catalog, facts: &ScopeFacts<'_>, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pieces = Placeholders::new(text, SINGLE_BRACES);
    while let Some(piece) = pieces.next() {
        match piece {
            Piece::Text(text) | Piece::Unclosed(text) => out.push_str(text),
            Piece::Placeholder(id) if catalog.question(id).is_some() => match facts.answer(id) {
                Some(answer) => out.push_str(&answer_words(catalog, id, answer)),
                None => out.push_str("(not answered)"),
            },
            Piece::Placeholder(_) => out.push_str(pieces.reopen_inside()),
        }
    }
    out
}

/// An answer as people read it: choice labels instead of ids, numbers grouped.
pub(crate) fn answer_words(catalog: &Catalog, question: &str, answer: &Answer) -> String {
    let label = |id: &str| {
        catalog
            .question(question)
            .and_then(|q| q.choices.iter().find(|c| c.id == id))
            .map_or_else(|| id.to_string(), |c| c.label.clone())
    };
    match answer {
        Answer::Text(text) => label(text),
        Answer::Choices(ids) => ids
            .iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.display(),
    }
}

#[cfg(test)]
mod tests;
