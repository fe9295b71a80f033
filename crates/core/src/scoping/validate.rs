//! One answer against its question: kind, limits, choices and length.

use std::collections::BTreeSet;

use crate::catalog::{Question, QuestionKind};
use crate::limits;
use crate::money::thousands;
use crate::scope::Answer;

/// What is wrong with `answer` as an answer to `question`, in words that name the question;
/// `None` when it fits. A blank text or an empty list is "not answered", not an error.
pub fn validate_answer(question: &Question, answer: &Answer) -> Option<String> {
    let asked = &question.text;
    let got = describe(answer);
    match (question.kind, answer) {
        (QuestionKind::WholeNumber, Answer::Number(n)) => {
            let n = *n;
            if let Some(min) = question.min
                && n < min
            {
                return Some(format!(
                    "{} is below the smallest accepted answer, {}, to \"{asked}\"",
                    thousands(n),
                    thousands(min)
                ));
            }
            if let Some(max) = question.max
                && n > max
            {
                return Some(format!(
                    "{} is above the largest accepted answer, {}, to \"{asked}\"",
                    thousands(n),
                    thousands(max)
                ));
            }
            None
        }
        (QuestionKind::WholeNumber, _) => Some(format!(
            "\"{asked}\" takes a whole number{}, got {got}",
            limits_words(question)
        )),
        (QuestionKind::YesNo, Answer::Bool(_)) => None,
        (QuestionKind::YesNo, _) => Some(format!(
            "\"{asked}\" takes yes or no (true or false), got {got}"
        )),
        (QuestionKind::SingleChoice, Answer::Text(text)) => {
            if text.trim().is_empty() || is_choice(question, text) {
                None
            } else {
                Some(format!(
                    "{text:?} is not a choice of \"{asked}\"; choose one of: {}",
                    choice_ids(question)
                ))
            }
        }
        (QuestionKind::SingleChoice, _) => Some(format!(
            "\"{asked}\" takes one choice id (one of: {}), got {got}",
            choice_ids(question)
        )),
        (QuestionKind::MultipleChoice, Answer::Choices(choices)) => {
            let unknown: Vec<&str> = choices
                .iter()
                .filter(|c| !is_choice(question, c))
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                return Some(format!(
                    "{} {} not {} of \"{asked}\"; the choices are: {}",
                    unknown
                        .iter()
                        .map(|c| format!("{c:?}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    if unknown.len() == 1 { "is" } else { "are" },
                    if unknown.len() == 1 {
                        "a choice"
                    } else {
                        "choices"
                    },
                    choice_ids(question)
                ));
            }
            let mut seen = BTreeSet::new();
            if let Some(repeated) = choices.iter().find(|c| !seen.insert(c.as_str())) {
                return Some(format!(
                    "{repeated:?} is listed twice; list each choice once"
                ));
            }
            None
        }
        (QuestionKind::MultipleChoice, Answer::Text(text)) if is_choice(question, text) => Some(
            format!("\"{asked}\" takes a list of choices, e.g. [{text:?}], got {got}"),
        ),
        (QuestionKind::MultipleChoice, _) => Some(format!(
            "\"{asked}\" takes a list of choice ids (any of: {}), got {got}",
            choice_ids(question)
        )),
        (QuestionKind::FreeText, Answer::Text(text)) => {
            let max = question
                .max_length
                .and_then(|m| usize::try_from(m).ok())
                .unwrap_or(limits::MAX_LONG_TEXT);
            let count = text.chars().count();
            (count > max).then(|| {
                format!(
                    "{} characters; answers to \"{asked}\" are limited to {}",
                    thousands(count as u64),
                    thousands(max as u64)
                )
            })
        }
        (QuestionKind::FreeText, _) => Some(format!("\"{asked}\" takes text, got {got}")),
    }
}

fn is_choice(question: &Question, id: &str) -> bool {
    question.choices.iter().any(|c| c.id == id)
}

fn choice_ids(question: &Question) -> String {
    question
        .choices
        .iter()
        .map(|c| c.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn limits_words(question: &Question) -> String {
    match (question.min, question.max) {
        (Some(min), Some(max)) => format!(" from {} to {}", thousands(min), thousands(max)),
        (Some(min), None) => format!(" of at least {}", thousands(min)),
        (None, Some(max)) => format!(" up to {}", thousands(max)),
        (None, None) => String::new(),
    }
}

fn describe(answer: &Answer) -> String {
    match answer {
        Answer::Bool(b) => b.to_string(),
        Answer::Number(n) => n.to_string(),
        Answer::Text(text) => {
            let shown: String = text.chars().take(40).collect();
            if shown.len() < text.len() {
                format!("{shown:?}…")
            } else {
                format!("{shown:?}")
            }
        }
        Answer::Choices(choices) => format!(
            "[{}]",
            choices
                .iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
