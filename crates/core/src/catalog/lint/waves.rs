//! Rule 13 for migration waves: the questions they read, a known plan phase, and wave
//! sizes that fit those questions and can each apply.

use rust_decimal::Decimal;

use super::conditions::value_problem;
use super::context::{Ctx, Sink};
use super::questions::question_of_kind;
use crate::catalog::model::{AnswerValue, MigrationWaves, QuestionKind};
use crate::money::thousands;

pub(super) fn migration_waves(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(waves) = &cx.data.migration_waves else {
        return;
    };
    let path = "migration_waves";
    let source_ok = question_of_kind(
        cx,
        out,
        format!("{path}.source_question"),
        &waves.source_question,
        QuestionKind::SingleChoice,
        "the wave source",
    )
    .is_none();
    let destination_ok = question_of_kind(
        cx,
        out,
        format!("{path}.destination_question"),
        &waves.destination_question,
        QuestionKind::SingleChoice,
        "the wave destination",
    )
    .is_none();
    question_of_kind(
        cx,
        out,
        format!("{path}.projects_question"),
        &waves.projects_question,
        QuestionKind::WholeNumber,
        "the project count",
    );
    if waves.weeks_per_wave <= Decimal::ZERO {
        out.at(
            format!("{path}.weeks_per_wave"),
            format!(
                "weeks_per_wave is {}; a wave takes some time, e.g. \"1\"",
                waves.weeks_per_wave
            ),
        );
    }
    if let Some(phase) = &waves.phase {
        let known = cx
            .data
            .plan
            .as_ref()
            .is_some_and(|p| p.phases.iter().any(|ph| ph.id == *phase));
        if !known {
            out.at(
                format!("{path}.phase"),
                format!("unknown plan phase {phase:?} (no [[plan.phases]] has this id)"),
            );
        }
    }
    match (&waves.large_projects_question, waves.large_projects_per_day) {
        (Some(question), Some(per_day)) => {
            question_of_kind(
                cx,
                out,
                format!("{path}.large_projects_question"),
                question,
                QuestionKind::WholeNumber,
                "the count of projects moved by hand",
            );
            if per_day == 0 {
                out.at(
                    format!("{path}.large_projects_per_day"),
                    "large_projects_per_day is 0; give how many are moved a day, e.g. 2"
                        .to_string(),
                );
            }
        }
        (None, None) => {}
        (Some(_), None) => out.at(
            format!("{path}.large_projects_per_day"),
            "missing: large_projects_question needs large_projects_per_day (how many are moved a day)"
                .to_string(),
        ),
        (None, Some(_)) => out.at(
            format!("{path}.large_projects_question"),
            "missing: large_projects_per_day needs large_projects_question (the count of projects moved by hand)"
                .to_string(),
        ),
    }
    if waves.sizes.is_empty() {
        out.at(
            path,
            "no wave sizes; add [[migration_waves.sizes]] entries".to_string(),
        );
    }
    wave_sizes(cx, out, waves, source_ok, destination_ok);
}

fn wave_sizes(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    waves: &MigrationWaves,
    source_ok: bool,
    destination_ok: bool,
) {
    let choice_problem = |question: &str, value: &str| {
        cx.question(question)
            .and_then(|q| value_problem(q, &AnswerValue::Text(value.to_string())))
    };
    for (k, size) in waves.sizes.iter().enumerate() {
        let path = format!("migration_waves.sizes[{k}]");
        if source_ok
            && let Some(source) = &size.source
            && let Some(message) = choice_problem(&waves.source_question, source)
        {
            out.at(format!("{path}.source"), message);
        }
        if destination_ok
            && let Some(message) = choice_problem(&waves.destination_question, &size.destination)
        {
            out.at(format!("{path}.destination"), message);
        }
        let band = size.projects_per_wave;
        let message = match band.to {
            None => Some(
                "projects_per_wave needs a `to` (the largest wave), e.g. { from = 200, to = 300 }"
                    .to_string(),
            ),
            Some(_) if band.from == 0 => {
                Some("projects_per_wave starts at 0; a wave moves at least one project".to_string())
            }
            Some(to) if to < band.from => Some(format!(
                "projects_per_wave runs from {} down to {}; from must not be above to",
                thousands(band.from),
                thousands(to)
            )),
            Some(_) => None,
        };
        if let Some(message) = message {
            out.at(format!("{path}.projects_per_wave"), message);
        }
        let shadow = waves.sizes.iter().take(k).position(|earlier| {
            earlier.destination == size.destination
                && (earlier.source.is_none() || earlier.source == size.source)
        });
        if let Some(earlier) = shadow {
            let message = format!(
                "never applies: {} already matches every migration this one would, and the first match wins; remove it or move it up",
                out.position(&format!("migration_waves.sizes[{earlier}]"))
            );
            out.at(path, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{find, lint_text, scoping_edits};

    #[test]
    fn migration_wave_sizes_fit_their_questions_and_can_apply() {
        let text = scoping_edits(&[
            (
                "projects_question = \"projects\"",
                "projects_question = \"target\"",
            ),
            (
                "phase = \"migrate\"",
                "phase = \"moves\"\nweeks_per_wave = \"0\"",
            ),
            (
                "{ source = \"aws\", destination = \"self\", projects_per_wave = { from = 1000, to = 1000 } },",
                "{ source = \"gcp\", destination = \"self\", projects_per_wave = { from = 0, to = 1000 } },\n  { destination = \"self\", projects_per_wave = { from = 10 } },\n  { source = \"aws\", destination = \"self\", projects_per_wave = { from = 9, to = 8 } },",
            ),
            (
                "{ destination = \"saas\", projects_per_wave",
                "{ destination = \"cloud\", projects_per_wave",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "migration_waves.projects_question",
            "question \"target\" is single_choice, but the project count needs a whole_number question",
        );
        let large_text = scoping_edits(&[(
            "projects_question = \"projects\"",
            "projects_question = \"projects\"\nlarge_projects_question = \"target\"\nlarge_projects_per_day = 0",
        )]);
        let large = lint_text(&large_text);
        find(
            &large,
            "migration_waves.large_projects_question",
            "the count of projects moved by hand needs a whole_number question",
        );
        find(
            &large,
            "migration_waves.large_projects_per_day",
            "large_projects_per_day is 0",
        );
        find(
            &issues,
            "migration_waves.phase",
            "unknown plan phase \"moves\"",
        );
        find(
            &issues,
            "migration_waves.weeks_per_wave",
            "weeks_per_wave is 0",
        );
        find(
            &issues,
            "migration_waves.sizes[0].source",
            "\"gcp\" is not a choice of question \"target\"",
        );
        find(
            &issues,
            "migration_waves.sizes[0].projects_per_wave",
            "starts at 0",
        );
        find(
            &issues,
            "migration_waves.sizes[1].projects_per_wave",
            "needs a `to`",
        );
        find(
            &issues,
            "migration_waves.sizes[2].projects_per_wave",
            "runs from 9 down to 8",
        );
        let shadowed = find(&issues, "migration_waves.sizes[2]", "never applies");
        assert!(
            shadowed.message.contains("migration_waves.sizes[1] (line"),
            "{shadowed}"
        );
        find(
            &issues,
            "migration_waves.sizes[3].destination",
            "\"cloud\" is not a choice of question \"destination\"",
        );
        assert_eq!(issues.len(), 9, "{issues:#?}");
    }
}
