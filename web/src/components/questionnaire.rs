use scopecraft::{Completeness, is_asked};
use yew::prelude::*;

use super::QuestionField;
use crate::state::{Action, SharedCatalog, SharedScope};

/// The scope whose questions to ask.
#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    /// The active catalog (its questions).
    pub catalog: SharedCatalog,
    /// The scope (its items decide which questions are asked; its answers fill them in).
    pub scope: SharedScope,
    /// The core's completeness of the scope: progress and validation messages.
    pub completeness: Completeness,
    /// Receives the answers.
    pub on_action: Callback<Action>,
}

/// The discovery questions for the service types in the scope, grouped by section, with the
/// required ones marked and progress counted by the core. Questions whose conditions stop
/// holding disappear; their answers are kept.
#[component]
pub fn Questionnaire(props: &QuestionnaireProps) -> Html {
    let QuestionnaireProps {
        catalog,
        scope,
        completeness,
        on_action,
    } = props;
    // The facts are worked out once (from every item) and serve both questions: which are
    // asked (as `scopecraft::asked_questions` does) and which are required.
    let facts = scopecraft::ScopeFacts::new(catalog, scope);
    let questions = catalog.questions().iter().filter(|q| is_asked(q, &facts));
    let mut sections: Vec<(&str, Vec<&scopecraft::Question>)> = Vec::new();
    for question in questions {
        match sections.iter_mut().find(|(s, _)| *s == question.section) {
            Some((_, list)) => list.push(question),
            None => sections.push((question.section.as_str(), vec![question])),
        }
    }
    let answered = completeness.answered_required;
    let total = completeness.total_required;
    let progress = if total == 0 {
        "No answers are required for this scope.".to_string()
    } else {
        format!("{answered} of {total} required answers given")
    };
    html! {
        <section class="panel questionnaire" aria-labelledby="questions-heading">
            <div class="panel-head">
                <h2 id="questions-heading">{ "Scoping questions" }</h2>
                <div class="progress" id="scoping-progress">
                    if total > 0 {
                        <progress
                            max={total.to_string()}
                            value={answered.to_string()}
                            aria-labelledby="scoping-progress-text"
                        />
                    }
                    <p id="scoping-progress-text" role="status">{ progress }</p>
                </div>
            </div>
            <p class="panel-lead">
                { "Answers firm up the price: while a required answer is missing, the quote shows a range." }
            </p>
            if sections.is_empty() {
                <p>{ "The offerings in this scope need no scoping questions." }</p>
            }
            for (section, list) in sections.iter() {
                <fieldset class="question-section" key={section.to_string()}>
                    <legend>{ section_title(catalog, section) }</legend>
                    for question in list.iter() {
                        <QuestionField
                            key={question.id.clone()}
                            question={(*question).clone()}
                            answer={scope.answers.get(&question.id).cloned()}
                            required={scopecraft::is_required(question, &facts)}
                            error={completeness
                                .errors
                                .iter()
                                .find(|e| e.field.question() == Some(question.id.as_str()))
                                .map(|e| AttrValue::from(e.message.clone()))}
                            on_answer={on_action.reform({
                                let id = question.id.clone();
                                move |answer| Action::SetAnswer { question: id.clone(), answer }
                            })}
                        />
                    }
                </fieldset>
            }
        </section>
    }
}

/// A section's heading: the category of that id, or the id in words.
fn section_title(catalog: &scopecraft::Catalog, section: &str) -> String {
    if let Some(category) = catalog.category(section) {
        return category.name.clone();
    }
    let words = section.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
