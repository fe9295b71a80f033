//! The implementation plan: the scope's items laid out in the catalog's phases (kick-off,
//! design, deploy, migrate in waves, train, hand-off), with durations, what each phase
//! delivers and what the customer must have ready first.
//!
//! Weeks are counted from kick-off ("weeks 3–5 after kick-off"). Nothing is scheduled
//! before the paperwork is signed, so calendar dates appear only when a signature date is
//! given; kick-off is then the catalog's lead time after it (a range, e.g. 4–6 weeks), and
//! every date is a range from the earliest to the latest kick-off.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod length;

use crate::catalog::{Band, Catalog, CatalogRef, ItemField, Offering, PlanTemplate};
use crate::condition::{ScopeFacts, holds};
use crate::date::Date;
use crate::field_error::{FieldError, FieldErrors};
use crate::markdown::{Target, markdown_for};
use crate::scope::{Decision, Scope};
use crate::scoping::{MigrationWaveEstimate, answer_errors, migration_waves};

use length::{Extra, item_weeks, phase_length};

/// Options for [`plan`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanOptions {
    /// The day the SOW, agreements and purchase order were all signed; without it the plan
    /// has relative weeks only.
    pub signed_on: Option<Date>,
}

/// An implementation plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Plan {
    /// The catalog the plan was made with.
    pub catalog: CatalogRef,
    /// Weeks from signature to the earliest kick-off.
    pub lead_time_weeks: Band,
    /// Sentences that go with every plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The phases, in order; phases with nothing to deliver are left out unless the catalog
    /// keeps them always.
    pub phases: Vec<PlanPhase>,
    /// Weeks from kick-off to the end of the last phase.
    pub total_weeks: Band,
    /// Items that belong to no phase and run alongside (e.g. expert hours).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alongside: Vec<PlanItem>,
    /// The migration waves, when the answers allow an estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_waves: Option<MigrationWaveEstimate>,
    /// Hours per role on the time-and-materials items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effort: Vec<RoleEffort>,
    /// Total time-and-materials hours.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub effort_hours: Decimal,
    /// Time-and-materials items without an effort estimate yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unestimated: Vec<String>,
    /// The signature date given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub signed_on: Option<Date>,
    /// Earliest and latest kick-off, when signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kickoff: Option<DateSpan>,
}

/// One phase of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanPhase {
    /// The catalog's phase id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Length in whole weeks (a range when the number of waves is).
    pub weeks: Band,
    /// First week, counted from kick-off (week 1).
    pub start_week: Band,
    /// Last week.
    pub end_week: Band,
    /// `weeks 3–5 after kick-off`.
    pub when: String,
    /// How the length was found, in words.
    pub length_basis: String,
    /// What the phase delivers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<PlanItem>,
    /// What the customer must have ready before the phase starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<String>,
    /// The id of the phase this one runs alongside (both start the same week), when the
    /// catalog says so and that phase is in the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_with: Option<String>,
    /// Calendar dates, when a signature date was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<PhaseDates>,
}

/// A scope item in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanItem {
    /// Index of the scope item.
    pub item: usize,
    /// The offering's SKU.
    pub sku: String,
    /// The offering's name.
    pub name: String,
    /// Calendar weeks the offering takes, when the catalog says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub weeks: Option<Decimal>,
}

/// Start and end dates of a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhaseDates {
    /// The first day.
    pub start: DateSpan,
    /// The last day.
    pub end: DateSpan,
}

/// A day known to fall between two dates (the same date when certain).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateSpan {
    /// The earliest date.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub earliest: Date,
    /// The latest date.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub latest: Date,
}

impl PlanPhase {
    /// What the phase delivers: each item as `item` writes it, joined with `separator`,
    /// or `—` when it delivers nothing.
    pub fn delivers(&self, item: impl Fn(&PlanItem) -> String, separator: &str) -> String {
        if self.items.is_empty() {
            "—".to_string()
        } else {
            self.items
                .iter()
                .map(item)
                .collect::<Vec<_>>()
                .join(separator)
        }
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.earliest == self.latest {
            write!(f, "{}", self.earliest)
        } else {
            write!(f, "{} to {}", self.earliest, self.latest)
        }
    }
}

/// Time-and-materials hours for one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleEffort {
    /// The rate-card role id.
    pub role: String,
    /// Its display name.
    pub name: String,
    /// Hours on all time-and-materials items.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub hours: Decimal,
}

/// Why a plan could not be made: every problem, each naming its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    /// The problems.
    pub errors: FieldErrors,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.errors.fmt(f)
    }
}

impl std::error::Error for PlanError {}

/// Lays the scope's items out in the catalog's plan phases.
pub fn plan(catalog: &Catalog, scope: &Scope, options: &PlanOptions) -> Result<Plan, PlanError> {
    let mut errors = answer_errors(catalog, scope);
    let mut offerings: Vec<(usize, &Offering)> = Vec::new();
    for (index, item) in scope.items.iter().enumerate() {
        match catalog.offering(&item.sku) {
            Some(offering) => offerings.push((index, offering)),
            None => errors.push(FieldError::item(
                index,
                "sku",
                format!(
                    "unknown SKU {:?}: no offering in catalog {} has it",
                    item.sku,
                    catalog.data().id
                ),
            )),
        }
    }
    let Some(template) = catalog.data().plan.as_ref() else {
        errors.push(FieldError::new(
            "",
            format!(
                "catalog {} has no [plan] section, so it cannot lay out a plan",
                catalog.data().id
            ),
        ));
        return Err(PlanError { errors });
    };
    if !errors.is_empty() {
        return Err(PlanError { errors });
    }
    let waves = migration_waves(catalog, scope);
    let wave_settings = catalog.data().migration_waves.as_ref();

    let mut phases: Vec<PlanPhase> = Vec::new();
    let mut placed = vec![false; scope.items.len()];
    // Where the next phase starts: after the latest end so far, so a phase laid out
    // alongside another (`parallel_with`) makes the plan as long as the longer of the two.
    let mut next_start = Band {
        from: 1,
        to: Some(1),
    };
    // The week each phase of the template starts (or would start, when it is left out).
    let mut starts: BTreeMap<&str, Band> = BTreeMap::new();
    for phase in &template.phases {
        let parallel = phase
            .parallel_with
            .as_deref()
            .and_then(|id| starts.get(id).copied().map(|start| (id, start)));
        let start = parallel.map_or(next_start, |(_, start)| start);
        starts.insert(phase.id.as_str(), start);
        let items: Vec<PlanItem> = offerings
            .iter()
            .filter(|(_, o)| phase.categories.contains(&o.category))
            .filter(|(index, _)| !placed.get(*index).copied().unwrap_or(true))
            .map(|(index, o)| PlanItem {
                item: *index,
                sku: o.sku.clone(),
                name: o.name.clone(),
                weeks: item_weeks(o, scope.items.get(*index), &template.hours_per_week),
            })
            .collect();
        for item in &items {
            if let Some(slot) = placed.get_mut(item.item) {
                *slot = true;
            }
        }
        let phase_waves = waves
            .as_ref()
            .zip(wave_settings)
            .filter(|(_, settings)| settings.phase.as_deref() == Some(phase.id.as_str()))
            .map(|(estimate, settings)| (estimate, settings.weeks_per_wave));
        // Extra days lengthen a phase that is laid out; alone they do not make one appear.
        if items.is_empty() && !phase.always && phase_waves.is_none() {
            continue;
        }
        let extras = phase_extras(catalog, scope, template, &phase.id, &phase.categories);
        let item_weeks: Vec<Option<Decimal>> = items.iter().map(|i| i.weeks).collect();
        let (weeks, length_basis) = phase_length(phase, &item_weeks, phase_waves, &extras);
        let end = Band {
            from: start.from + weeks.from - 1,
            to: Some(high(start) + high(weeks) - 1),
        };
        next_start = latest(
            next_start,
            Band {
                from: end.from + 1,
                to: Some(high(end) + 1),
            },
        );
        let parallel_with = parallel
            .map(|(id, _)| id)
            .filter(|id| phases.iter().any(|p| p.id == *id))
            .map(str::to_string);
        let mut prerequisites = phase.prerequisites.clone();
        for (_, offering) in offerings
            .iter()
            .filter(|(index, _)| items.iter().any(|i| i.item == *index))
        {
            for note in &offering.prerequisites.notes {
                if !prerequisites.contains(note) {
                    prerequisites.push(note.clone());
                }
            }
        }
        phases.push(PlanPhase {
            id: phase.id.clone(),
            name: phase.name.clone(),
            weeks,
            start_week: start,
            end_week: end,
            when: when(start, end),
            length_basis,
            items,
            prerequisites,
            parallel_with,
            dates: None,
        });
    }
    // The plan ends with the phase that ends last, which with parallel phases need not be
    // the last one listed.
    let total_weeks = phases
        .iter()
        .map(|p| p.end_week)
        .reduce(latest)
        .unwrap_or(Band {
            from: 0,
            to: Some(0),
        });
    let alongside = offerings
        .iter()
        .filter(|(index, _)| !placed.get(*index).copied().unwrap_or(true))
        .map(|(index, o)| PlanItem {
            item: *index,
            sku: o.sku.clone(),
            name: o.name.clone(),
            weeks: item_weeks(o, scope.items.get(*index), &template.hours_per_week),
        })
        .collect();

    let (effort, effort_hours, unestimated) = effort(catalog, scope, &offerings)?;
    let kickoff = match options.signed_on {
        None => None,
        Some(signed) => Some(kickoff(signed, template.lead_time_weeks)?),
    };
    if let Some(kickoff) = kickoff {
        for phase in &mut phases {
            phase.dates = Some(phase_dates(kickoff, phase.start_week, phase.end_week)?);
        }
    }
    Ok(Plan {
        catalog: catalog.reference(),
        lead_time_weeks: template.lead_time_weeks,
        notes: template.notes.clone(),
        phases,
        total_weeks,
        alongside,
        migration_waves: waves,
        effort,
        effort_hours,
        unestimated,
        signed_on: options.signed_on,
        kickoff,
    })
}

fn high(band: Band) -> u64 {
    band.to.unwrap_or(band.from)
}

/// The later of two weeks, end by end (earliest schedule and latest schedule apart).
fn latest(a: Band, b: Band) -> Band {
    Band {
        from: a.from.max(b.from),
        to: Some(high(a).max(high(b))),
    }
}

/// Time a phase takes beyond its items and waves: the extra days of the scoping rules that
/// apply to the scope (not dismissed) for a service type the phase delivers, and, in the
/// wave phase, the projects moved by hand at the catalog's rate per day.
fn phase_extras(
    catalog: &Catalog,
    scope: &Scope,
    template: &PlanTemplate,
    phase: &str,
    categories: &[String],
) -> Vec<Extra> {
    let days_per_week = template.working_days_per_week();
    let weeks = |days: u64| {
        Decimal::from(days)
            .checked_div(days_per_week)
            .unwrap_or_default()
    };
    let facts = ScopeFacts::new(catalog, scope);
    let mut extras = Vec::new();
    for rule in &catalog.data().recommendations {
        let Some(days) = rule.effort_days else {
            continue;
        };
        let Some(service_type) = rule.service_type.as_deref() else {
            continue;
        };
        if !categories.iter().any(|c| c == service_type)
            || !facts.has_service_type(service_type)
            || scope.recommendations.get(&rule.id) == Some(&Decision::Dismissed)
            || !holds(&rule.when, &facts)
        {
            continue;
        }
        let high_days = high(days);
        extras.push(Extra {
            weeks: (weeks(days.from), weeks(high_days)),
            words: format!(
                "{} days of effort from the scoping rule {} at {} days a week",
                days.span(),
                rule.id,
                days_per_week.normalize()
            ),
        });
    }
    if let Some(rules) = catalog.data().migration_waves.as_ref()
        && rules.phase.as_deref() == Some(phase)
        && let (Some(question), Some(per_day)) = (
            rules.large_projects_question.as_deref(),
            rules.large_projects_per_day.filter(|n| *n > 0),
        )
        && let Some(large) = facts
            .answer(question)
            .and_then(crate::scope::Answer::as_number)
            .filter(|n| *n > 0)
    {
        let days = large.div_ceil(u64::from(per_day));
        extras.push(Extra {
            weeks: (weeks(days), weeks(days)),
            words: format!(
                "{large} projects moved by hand at {per_day} a day: {days} day{}",
                if days == 1 { "" } else { "s" }
            ),
        });
    }
    extras
}

/// `week 1 after kick-off`, `weeks 2–4 after kick-off`; when the start or end is a range,
/// the earliest schedule then the latest: `weeks 2–10 after kick-off (weeks 2–14 at the
/// latest)`.
fn when(start: Band, end: Band) -> String {
    let weeks = |first: u64, last: u64| {
        let span = Band {
            from: first,
            to: Some(last),
        }
        .span();
        if first == last {
            format!("week {span}")
        } else {
            format!("weeks {span}")
        }
    };
    let earliest = weeks(start.from, end.from);
    let latest = weeks(high(start), high(end));
    if earliest == latest {
        format!("{earliest} after kick-off")
    } else {
        format!("{earliest} after kick-off ({latest} at the latest)")
    }
}

fn date_error(message: &str) -> PlanError {
    PlanError {
        errors: FieldError::new("signed_on", message).into(),
    }
}

fn add_days(date: Date, days: u64) -> Result<Date, PlanError> {
    i64::try_from(days)
        .ok()
        .and_then(|d| date.add_days(d))
        .ok_or_else(|| date_error("the plan's dates run past the year 9999"))
}

fn kickoff(signed: Date, lead: Band) -> Result<DateSpan, PlanError> {
    Ok(DateSpan {
        earliest: add_days(signed, lead.from.saturating_mul(7))?,
        latest: add_days(signed, high(lead).saturating_mul(7))?,
    })
}

/// Week n after kick-off starts on kick-off + 7(n − 1) days and ends six days later.
fn phase_dates(kickoff: DateSpan, start: Band, end: Band) -> Result<PhaseDates, PlanError> {
    let first_day =
        |from: Date, week: u64| add_days(from, week.saturating_sub(1).saturating_mul(7));
    let last_day = |from: Date, week: u64| add_days(from, week.saturating_mul(7).saturating_sub(1));
    Ok(PhaseDates {
        start: DateSpan {
            earliest: first_day(kickoff.earliest, start.from)?,
            latest: first_day(kickoff.latest, high(start))?,
        },
        end: DateSpan {
            earliest: last_day(kickoff.earliest, end.from)?,
            latest: last_day(kickoff.latest, high(end))?,
        },
    })
}

type EffortSummary = (Vec<RoleEffort>, Decimal, Vec<String>);

/// Hours by role on the time-and-materials items, and those not estimated yet.
fn effort(
    catalog: &Catalog,
    scope: &Scope,
    offerings: &[(usize, &Offering)],
) -> Result<EffortSummary, PlanError> {
    let overflow = || PlanError {
        errors: FieldError::new("items", "the effort hours are too large to add up").into(),
    };
    let mut hours: BTreeMap<&str, Decimal> = BTreeMap::new();
    let mut unestimated = Vec::new();
    for (index, offering) in offerings {
        if !offering.pricing.item_fields().accepts(ItemField::Effort) {
            continue;
        }
        let Some(item) = scope.items.get(*index) else {
            continue;
        };
        if item.effort.is_empty() && !unestimated.contains(&offering.sku) {
            unestimated.push(offering.sku.clone());
        }
        for (role, h) in &item.effort {
            let sum = hours.entry(role.as_str()).or_insert(Decimal::ZERO);
            *sum = sum.checked_add(*h).ok_or_else(overflow)?;
        }
    }
    let rates = catalog.base_price_book().map(|b| &b.rate_card);
    let mut total = Decimal::ZERO;
    let mut roles = Vec::new();
    for (role, h) in hours {
        total = total.checked_add(h).ok_or_else(overflow)?;
        roles.push(RoleEffort {
            role: role.to_string(),
            name: rates
                .and_then(|r| r.get(role))
                .map_or_else(|| role.to_string(), |r| r.name.clone()),
            hours: h.normalize(),
        });
    }
    Ok((roles, total.normalize(), unestimated))
}

impl Plan {
    /// A phase's name for a plan table, with the phase it runs alongside:
    /// `Train (alongside Deploy)`.
    pub fn phase_label(&self, phase: &PlanPhase) -> String {
        let other = phase
            .parallel_with
            .as_deref()
            .and_then(|id| self.phases.iter().find(|p| p.id == id));
        match other {
            Some(other) => format!("{} (alongside {})", phase.name, other.name),
            None => phase.name.clone(),
        }
    }

    /// The plan as Markdown, a customer document.
    pub fn to_markdown(&self) -> String {
        self.markdown_for(Target::Document)
    }

    /// The plan as Markdown for `target` (a SOW request's issue is [`Target::GitLab`]).
    pub(crate) fn markdown_for(&self, target: Target) -> String {
        let cell = |text: &str| markdown_for(text, false, target);
        let markdown_inline = |text: &str| markdown_for(text, true, target);
        let mut out = String::from("## Implementation plan\n\n");
        for note in &self.notes {
            out.push_str(&markdown_inline(note));
            out.push_str("\n\n");
        }
        out.push_str(&format!(
            "Work usually starts {} weeks after signature. Weeks below count from kick-off.",
            self.lead_time_weeks.span()
        ));
        if let (Some(signed), Some(kickoff)) = (self.signed_on, self.kickoff) {
            out.push_str(&format!(
                " Signed on {signed}: kick-off {}.",
                if kickoff.earliest == kickoff.latest {
                    format!("on {}", kickoff.earliest)
                } else {
                    format!("between {} and {}", kickoff.earliest, kickoff.latest)
                }
            ));
        }
        out.push_str("\n\n");
        let dated = self.kickoff.is_some();
        out.push_str("| # | Phase | When | Weeks | Delivers | Customer prerequisites |");
        out.push_str(if dated {
            " Dates (earliest start – latest end) |\n"
        } else {
            "\n"
        });
        out.push_str("| --- | --- | --- | --- | --- | --- |");
        out.push_str(if dated { " --- |\n" } else { "\n" });
        for (n, phase) in self.phases.iter().enumerate() {
            let delivers = phase.delivers(|i| cell(&format!("{} {}", i.sku, i.name)), "<br>");
            let prerequisites = if phase.prerequisites.is_empty() {
                "—".to_string()
            } else {
                phase
                    .prerequisites
                    .iter()
                    .map(|p| cell(p))
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |",
                n + 1,
                cell(&self.phase_label(phase)),
                cell(&phase.when),
                phase.weeks.span(),
                delivers,
                prerequisites
            ));
            if let Some(dates) = phase.dates {
                out.push_str(&format!(
                    " {} – {} |",
                    dates.start.earliest, dates.end.latest
                ));
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "\nTotal: {} weeks from kick-off to hand-off.\n",
            self.total_weeks.span()
        ));
        if let Some(waves) = &self.migration_waves {
            out.push_str(&format!("\n{}\n", markdown_inline(&waves.explanation)));
        }
        if !self.alongside.is_empty() {
            let items: Vec<String> = self
                .alongside
                .iter()
                .map(|i| format!("{} {}", i.sku, i.name))
                .collect();
            out.push_str(&format!(
                "\nAlongside the phases: {}.\n",
                markdown_inline(&items.join(", "))
            ));
        }
        if !self.effort.is_empty() || !self.unestimated.is_empty() {
            out.push_str("\n### Effort (time and materials)\n\n");
            if !self.effort.is_empty() {
                out.push_str("| Role | Hours |\n| --- | ---: |\n");
                for role in &self.effort {
                    out.push_str(&format!("| {} | {} |\n", cell(&role.name), role.hours));
                }
                out.push_str(&format!("| **Total** | **{}** |\n", self.effort_hours));
            }
            if !self.unestimated.is_empty() {
                out.push_str(&format!(
                    "\nNot estimated yet: {}.\n",
                    markdown_inline(&self.unestimated.join(", "))
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
