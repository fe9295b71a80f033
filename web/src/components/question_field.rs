use scopecraft::{Answer, Question, QuestionKind};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{FieldProblem, ProblemWiring};

/// One question and its answer.
#[derive(Properties, PartialEq)]
pub struct QuestionFieldProps {
    /// The question (from the catalog).
    pub question: Question,
    /// The answer given, if any.
    #[prop_or_default]
    pub answer: Option<Answer>,
    /// Whether an answer is required for this scope.
    #[prop_or_default]
    pub required: bool,
    /// What the core says is wrong with the answer.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Called with the new answer (`None` when cleared).
    pub on_answer: Callback<Option<Answer>>,
}

/// The DOM id of a question's input (`q-migration-users`).
pub fn question_input_id(question_id: &str) -> String {
    let mut id = String::with_capacity(question_id.len() + 2);
    id.push_str("q-");
    id.extend(
        question_id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }),
    );
    id
}

/// A question with its input (by kind), its example, why it is asked, whether it is
/// required, and the core's message when the answer breaks its rules.
#[component]
pub fn QuestionField(props: &QuestionFieldProps) -> Html {
    let question = &props.question;
    let id = question_input_id(&question.id);
    let help_id = format!("{id}-help");
    let ProblemWiring {
        invalid,
        described_by: described,
    } = ProblemWiring::with_help(&id, &help_id, props.error.is_some());
    let input = match question.kind {
        QuestionKind::WholeNumber => {
            let value = match &props.answer {
                Some(Answer::Number(n)) => n.to_string(),
                Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            };
            let on_input = props.on_answer.reform(|event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                number_answer(&input.value())
            });
            html! {
                <input id={id.clone()} type="text" inputmode="numeric" autocomplete="off"
                    aria-describedby={described.clone()} aria-invalid={invalid}
                    aria-required={props.required.then_some("true")}
                    {value} oninput={on_input} />
            }
        }
        QuestionKind::FreeText => {
            let value = match &props.answer {
                Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            };
            let on_input = props.on_answer.reform(|event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                let text = input.value();
                (!text.trim().is_empty()).then_some(Answer::Text(text))
            });
            html! {
                <input id={id.clone()} type="text" autocomplete="off"
                    aria-describedby={described.clone()} aria-invalid={invalid}
                    aria-required={props.required.then_some("true")}
                    {value} oninput={on_input} />
            }
        }
        QuestionKind::YesNo => {
            let current = match &props.answer {
                Some(Answer::Bool(true)) => "yes",
                Some(Answer::Bool(false)) => "no",
                _ => "",
            };
            let on_change = props.on_answer.reform(|event: Event| {
                let select: HtmlSelectElement = event.target_unchecked_into();
                match select.value().as_str() {
                    "yes" => Some(Answer::Bool(true)),
                    "no" => Some(Answer::Bool(false)),
                    _ => None,
                }
            });
            html! {
                <select id={id.clone()} aria-describedby={described.clone()} aria-invalid={invalid}
                    aria-required={props.required.then_some("true")} onchange={on_change}>
                    <option value="" selected={current.is_empty()}>{ "Not answered yet" }</option>
                    <option value="yes" selected={current == "yes"}>{ "Yes" }</option>
                    <option value="no" selected={current == "no"}>{ "No" }</option>
                </select>
            }
        }
        QuestionKind::SingleChoice => {
            let current = match &props.answer {
                Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            };
            let on_change = props.on_answer.reform(|event: Event| {
                let select: HtmlSelectElement = event.target_unchecked_into();
                let value = select.value();
                (!value.is_empty()).then_some(Answer::Text(value))
            });
            html! {
                <select id={id.clone()} aria-describedby={described.clone()} aria-invalid={invalid}
                    aria-required={props.required.then_some("true")} onchange={on_change}>
                    <option value="" selected={current.is_empty()}>{ "Not answered yet" }</option>
                    for choice in question.choices.iter() {
                        <option value={choice.id.clone()} selected={choice.id == current}>
                            { choice.label.clone() }
                        </option>
                    }
                </select>
            }
        }
        QuestionKind::MultipleChoice => {
            let chosen: Vec<String> = match &props.answer {
                Some(Answer::Choices(list)) => list.clone(),
                _ => Vec::new(),
            };
            html! {
                <div class="choice-list" id={id.clone()} role="group"
                    aria-describedby={described.clone()}>
                    for (index, choice) in question.choices.iter().enumerate() {
                        { choice_box(props, &id, index, choice, &chosen) }
                    }
                </div>
            }
        }
    };
    html! {
        <div class={classes!("question", props.error.is_some().then_some("question-invalid"))}>
            <label for={id.clone()} class="question-text">
                { question.text.clone() }
                if props.required {
                    <span class="required">{ "Required" }</span>
                }
            </label>
            { input }
            <FieldProblem field={id.clone()} message={props.error.clone()} />
            <div class="question-help" id={help_id}>
                if !question.example.is_empty() {
                    <p class="question-example">
                        <span class="help-label">{ "Example: " }</span>
                        { question.example.clone() }
                    </p>
                }
                if !question.why.is_empty() {
                    <p class="question-why">
                        <span class="help-label">{ "Why we ask: " }</span>
                        { question.why.clone() }
                    </p>
                }
            </div>
        </div>
    }
}

/// One checkbox of a multiple-choice question.
fn choice_box(
    props: &QuestionFieldProps,
    id: &str,
    index: usize,
    choice: &scopecraft::Choice,
    chosen: &[String],
) -> Html {
    let box_id = format!("{id}-{index}");
    let checked = chosen.contains(&choice.id);
    let on_change = {
        let chosen = chosen.to_vec();
        let choice_id = choice.id.clone();
        let order: Vec<String> = props
            .question
            .choices
            .iter()
            .map(|c| c.id.clone())
            .collect();
        props.on_answer.reform(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let on = input.checked();
            // Kept in the catalog's order, so the same choices give the same scope.
            let next: Vec<String> = order
                .iter()
                .filter(|c| {
                    if **c == choice_id {
                        on
                    } else {
                        chosen.contains(c)
                    }
                })
                .cloned()
                .collect();
            (!next.is_empty()).then_some(Answer::Choices(next))
        })
    };
    html! {
        <div class="check">
            <input type="checkbox" id={box_id.clone()} {checked} onchange={on_change} />
            <label for={box_id}>{ choice.label.clone() }</label>
        </div>
    }
}

/// A whole-number field's text as an answer: blank clears it, digits are a number, anything
/// else (`1,200`, `lots`) is kept as written so the core can say what is wrong with it. The
/// field shows what was typed either way, so nothing jumps while typing.
pub fn number_answer(text: &str) -> Option<Answer> {
    match scopecraft::read_whole_number(text) {
        Ok(number) => number.map(Answer::Number),
        Err(_) => Some(Answer::Text(text.trim().to_string())),
    }
}
