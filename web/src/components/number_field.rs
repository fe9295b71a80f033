use scopecraft::{read_decimal_number, read_whole_number};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{FieldProblem, ProblemWiring, use_checked_text};

/// A labelled number input.
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// What the number is.
    pub label: AttrValue,
    /// The value held now (as the scope holds it), blank when unset.
    #[prop_or_default]
    pub value: Option<AttrValue>,
    /// True for whole numbers only; false allows a decimal point.
    #[prop_or(true)]
    pub whole: bool,
    /// Called with the new value when it reads as a number (`None` when cleared) and
    /// `check` takes it.
    pub on_value: Callback<Option<String>>,
    /// Asks the core about a value that reads as a number before it is passed on: the
    /// core's message when it refuses it (the value is then not passed on). Unset: every
    /// number is passed on.
    #[prop_or_default]
    pub check: Option<Callback<Option<String>, Option<String>>>,
}

/// A small number field that passes on every keystroke that reads as a number and that the
/// core takes, and says why when one is refused (the last good value stays in the scope
/// meanwhile).
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let judge = {
        let check = props.check.clone();
        let whole = props.whole;
        Callback::from(move |text: String| {
            let read = if whole {
                read_whole_number(&text).map(|n| n.is_some())
            } else {
                read_decimal_number(&text).map(|n| n.is_some())
            };
            let value = match read {
                Ok(false) => None,
                Ok(true) => Some(text.trim().to_string()),
                Err(error) => return Err(error.message().to_string()),
            };
            match check.as_ref().and_then(|check| check.emit(value.clone())) {
                Some(refused) => Err(refused),
                None => Ok(value),
            }
        })
    };
    let (problem, on_text) = use_checked_text(props.value.clone(), props.on_value.clone(), judge);
    let on_input = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_text.emit(input.value());
    });
    let wiring = ProblemWiring::new(&props.id, problem.is_some());
    html! {
        <div class={classes!("number-field", problem.is_some().then_some("number-field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type="text"
                inputmode={if props.whole { "numeric" } else { "decimal" }}
                autocomplete="off"
                value={props.value.clone().unwrap_or_default()}
                aria-invalid={wiring.invalid}
                aria-describedby={wiring.described_by}
                oninput={on_input}
            />
            <FieldProblem field={props.id.clone()} message={problem} />
        </div>
    }
}
