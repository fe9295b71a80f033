//! The words issues are written in: numbers with thousands separators, ranges, lists of
//! names and choices, question kinds and answer values as the catalog spells them, the
//! messages for an unknown SKU or question, and what counts as an empty text.

use crate::catalog::model::{AnswerValue, Band, QuestionKind};

/// `501–600`, or `501` when the range is one value.
pub(super) fn range_label(from: u64, to: u64) -> String {
    Band { from, to: Some(to) }.span()
}

/// `EUR`, `EUR and GBP`, `EUR, GBP and JPY`.
pub(super) fn join_names(names: &[&str]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// `choice "a"`, `choices "a" and "b"`.
pub(super) fn choice_words(ids: &[&str]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("{id:?}")).collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    format!(
        "choice{} {}",
        if ids.len() == 1 { "" } else { "s" },
        join_names(&quoted)
    )
}

pub(super) fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::WholeNumber => "whole_number",
        QuestionKind::YesNo => "yes_no",
        QuestionKind::SingleChoice => "single_choice",
        QuestionKind::MultipleChoice => "multiple_choice",
        QuestionKind::FreeText => "free_text",
    }
}

pub(super) fn show_value(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Bool(flag) => flag.to_string(),
        AnswerValue::Number(n) => n.to_string(),
        AnswerValue::Text(text) => format!("{text:?}"),
    }
}

pub(super) fn unknown_sku(sku: &str) -> String {
    format!("unknown SKU {sku:?} (no offering has this SKU)")
}

pub(super) fn unknown_question(id: &str) -> String {
    format!("unknown question {id:?} (no question has this id)")
}

pub(super) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}
