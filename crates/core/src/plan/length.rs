//! How long a plan phase lasts, from the effort it holds: its items' weeks (time-and-materials
//! items at the catalog's staffing rate), the migration waves and the hand-moved projects of
//! the wave phase, and the extra days of the scoping rules that apply (a Geo secondary).
//!
//! The rule is monotone: an item without weeks counts as the phase's usual length, so
//! adding an item, hours or an answer never shortens a phase.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::catalog::{Band, Offering, PhaseTemplate, Pricing};
use crate::scope::ScopeItem;
use crate::scoping::MigrationWaveEstimate;

/// Time added to a phase on top of its items and waves, with why.
pub(super) struct Extra {
    /// Weeks added at the low and high end.
    pub(super) weeks: (Decimal, Decimal),
    /// Why, in words (`20–25 days for impl-geo-ha-effort`).
    pub(super) words: String,
}

/// The weeks an item takes: the offering's weeks, or for time-and-materials effort the
/// weeks its busiest role needs at the catalog's hours per week, whichever is longer.
pub(super) fn item_weeks(
    offering: &Offering,
    item: Option<&ScopeItem>,
    hours_per_week: &BTreeMap<String, Decimal>,
) -> Option<Decimal> {
    let effort = item
        .into_iter()
        .flat_map(|i| &i.effort)
        .filter_map(|(role, hours)| {
            let rate = hours_per_week.get(role).filter(|r| **r > Decimal::ZERO)?;
            hours.checked_div(*rate)
        })
        .max();
    match (own_weeks(offering, item), effort) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The calendar weeks an item occupies by its offering alone: a recurring fee runs for its
/// term (months × 52 ÷ 12, so 12 months are 52 weeks; the minimum term while none is given);
/// any other offering for its `duration.weeks`.
fn own_weeks(offering: &Offering, item: Option<&ScopeItem>) -> Option<Decimal> {
    match offering.pricing {
        Pricing::Recurring {
            min_term_months, ..
        } => {
            let months = item
                .and_then(|item| item.quantity)
                .unwrap_or(u64::from(min_term_months));
            Decimal::from(months)
                .checked_mul(Decimal::from(52))?
                .checked_div(Decimal::from(12))
        }
        _ => offering.duration.weeks,
    }
}

/// Whole weeks, at least one.
pub(super) fn whole_weeks(weeks: Decimal) -> u64 {
    u64::try_from(weeks.ceil()).unwrap_or(1).max(1)
}

/// The phase's length and how it was found.
pub(super) fn phase_length(
    phase: &PhaseTemplate,
    item_weeks: &[Option<Decimal>],
    waves: Option<(&MigrationWaveEstimate, Decimal)>,
    extras: &[Extra],
) -> (Band, String) {
    let usual = phase.weeks;
    let weeks: Vec<Decimal> = item_weeks.iter().map(|w| w.unwrap_or(usual)).collect();
    let (mut low, mut basis) = if weeks.is_empty() || item_weeks.iter().all(Option::is_none) {
        (
            usual,
            format!("{} weeks, the phase's usual length", usual.normalize()),
        )
    } else if phase.sequential {
        let sum = weeks
            .iter()
            .fold(Decimal::ZERO, |a, w| a.checked_add(*w).unwrap_or(a));
        (
            sum,
            format!("{} weeks: its items one after another", sum.normalize()),
        )
    } else {
        let longest = weeks.iter().copied().max().unwrap_or(usual);
        (
            longest,
            format!("{} weeks: its longest item", longest.normalize()),
        )
    };
    if phase.always {
        low = low.max(usual);
    }
    let mut high = low;
    if let Some((estimate, per_wave)) = waves {
        let wave_weeks = |count: u64| {
            Decimal::from(count)
                .checked_mul(per_wave)
                .unwrap_or(Decimal::MAX)
        };
        let (fewest, most) = (wave_weeks(estimate.fewest()), wave_weeks(estimate.most()));
        if whole_weeks(most) > whole_weeks(low) {
            let count = if estimate.fewest() == estimate.most() {
                format!("{}", estimate.fewest())
            } else {
                format!("{} to {}", estimate.fewest(), estimate.most())
            };
            basis = format!(
                "{count} migration waves of {} week{} each",
                per_wave.normalize(),
                if per_wave == Decimal::ONE { "" } else { "s" }
            );
        }
        low = low.max(fewest);
        high = high.max(most);
    }
    for extra in extras {
        low = low.checked_add(extra.weeks.0).unwrap_or(low);
        high = high.checked_add(extra.weeks.1).unwrap_or(high);
        basis = format!("{basis}, plus {}", extra.words);
    }
    (
        Band {
            from: whole_weeks(low),
            to: Some(whole_weeks(high).max(whole_weeks(low))),
        },
        basis,
    )
}
