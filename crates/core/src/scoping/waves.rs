//! Migration waves: how many batches the projects move in, from the catalog's wave sizes.

use serde::{Deserialize, Serialize};

use crate::catalog::{Band, Catalog, MigrationWaves, WaveSize};
use crate::condition::answer_in;
use crate::money::thousands;
use crate::scope::{Answer, Scope};

/// The number of migration waves the answers imply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MigrationWaveEstimate {
    /// The source answer, when the wave size depends on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The destination answer.
    pub destination: String,
    /// Projects to move.
    pub projects: u64,
    /// Projects per wave from the catalog (`from = to` when it is one figure).
    pub projects_per_wave: Band,
    /// Waves: from the largest wave size to the smallest.
    pub waves: Band,
    /// How it was worked out, in words.
    pub explanation: String,
}

impl MigrationWaveEstimate {
    /// The fewest waves.
    pub fn fewest(&self) -> u64 {
        self.waves.from
    }

    /// The most waves.
    pub fn most(&self) -> u64 {
        self.waves.to.unwrap_or(self.waves.from)
    }
}

/// The waves for this scope, when the catalog has wave sizes and the destination and
/// project count are answered (and, for source-specific sizes, the source).
pub fn migration_waves(catalog: &Catalog, scope: &Scope) -> Option<MigrationWaveEstimate> {
    let rules = catalog.data().migration_waves.as_ref()?;
    // Only answers are read: the scope's items are not looked at.
    let answer = |id: &str| answer_in(&scope.answers, id);
    let text = |id: &str| match answer(id) {
        Some(Answer::Text(t)) => Some(t.clone()),
        _ => None,
    };
    let destination = text(&rules.destination_question)?;
    let source = text(&rules.source_question);
    let projects = answer(&rules.projects_question)?.as_number()?;
    let size = matching_size(rules, source.as_deref(), &destination)?;
    let per_wave = size.projects_per_wave;
    let largest = per_wave.to.unwrap_or(per_wave.from).max(1);
    let smallest = per_wave.from.max(1);
    let waves = Band {
        from: projects.div_ceil(largest),
        to: Some(projects.div_ceil(smallest)),
    };
    let label = |question: &str, choice: &str| {
        catalog
            .question(question)
            .and_then(|q| q.choices.iter().find(|c| c.id == choice))
            .map_or_else(|| choice.to_string(), |c| c.label.clone())
    };
    let route = match (&size.source, &source) {
        (Some(_), Some(from)) => format!(
            "from {} into {}",
            label(&rules.source_question, from),
            label(&rules.destination_question, &destination)
        ),
        _ => format!("into {}", label(&rules.destination_question, &destination)),
    };
    let size_words = if per_wave.from == largest {
        format!("up to {} projects", thousands(largest))
    } else {
        format!(
            "{} to {} projects",
            thousands(per_wave.from),
            thousands(largest)
        )
    };
    let wave_words = if waves.from == waves.to.unwrap_or(waves.from) {
        format!(
            "{} wave{}",
            waves.from,
            if waves.from == 1 { "" } else { "s" }
        )
    } else {
        format!("{} to {} waves", waves.from, waves.to.unwrap_or(waves.from))
    };
    let explanation = format!(
        "Migrations {route} move {size_words} per wave, so {} projects take {wave_words}.",
        thousands(projects)
    );
    Some(MigrationWaveEstimate {
        source: size.source.as_ref().and(source),
        destination,
        projects,
        projects_per_wave: per_wave,
        waves,
        explanation,
    })
}

/// The first size for this source and destination; a size without a source matches any.
fn matching_size<'a>(
    rules: &'a MigrationWaves,
    source: Option<&str>,
    destination: &str,
) -> Option<&'a WaveSize> {
    rules.sizes.iter().find(|size| {
        size.destination == destination
            && size
                .source
                .as_deref()
                .is_none_or(|wanted| source == Some(wanted))
    })
}
