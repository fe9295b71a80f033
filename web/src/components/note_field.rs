//! A labelled free-text field (a scope item's note) whose text the core checks before it
//! reaches the scope.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::{FieldProblem, ProblemWiring, use_checked_text};

/// What the note field shows and whom it tells.
#[derive(Properties, PartialEq)]
pub struct NoteFieldProps {
    /// The textarea's id.
    pub id: AttrValue,
    /// What the text is.
    pub label: AttrValue,
    /// The text held now (as the scope holds it).
    #[prop_or_default]
    pub value: AttrValue,
    /// Called with the new text (`None` when cleared) when `check` takes it.
    pub on_value: Callback<Option<String>>,
    /// Asks the core about the text: its message when it refuses it (the text is then not
    /// passed on, and the last good text stays in the scope).
    pub check: Callback<Option<String>, Option<String>>,
}

/// A small textarea that passes on each change the core takes, and says why when one is
/// refused, beside the field (`aria-invalid`, `aria-describedby`).
#[component]
pub fn NoteField(props: &NoteFieldProps) -> Html {
    let judge = {
        let check = props.check.clone();
        Callback::from(move |text: String| {
            let value = (!text.trim().is_empty()).then_some(text);
            match check.emit(value.clone()) {
                Some(refused) => Err(refused),
                None => Ok(value),
            }
        })
    };
    let (problem, on_text) =
        use_checked_text(Some(props.value.clone()), props.on_value.clone(), judge);
    let on_input = Callback::from(move |event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        on_text.emit(area.value());
    });
    let wiring = ProblemWiring::new(&props.id, problem.is_some());
    html! {
        <div class={classes!("note-field", problem.is_some().then_some("number-field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <textarea
                id={props.id.clone()}
                rows="2"
                value={props.value.clone()}
                aria-invalid={wiring.invalid}
                aria-describedby={wiring.described_by}
                oninput={on_input}
            />
            <FieldProblem field={props.id.clone()} message={problem} />
        </div>
    }
}
