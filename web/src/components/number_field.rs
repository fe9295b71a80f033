use web_sys::HtmlInputElement;
use yew::prelude::*;

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
    /// Called with the new value when it reads as a number (`None` when cleared).
    pub on_value: Callback<Option<String>>,
}

/// A small number field that passes on every keystroke that reads as a number, and says so
/// when one does not (the last good value stays in the scope meanwhile).
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let problem = use_state(|| None::<&'static str>);
    let on_input = {
        let problem = problem.clone();
        let on_value = props.on_value.clone();
        let whole = props.whole;
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let text = input.value();
            let trimmed = text.trim();
            if trimmed.is_empty() {
                problem.set(None);
                on_value.emit(None);
            } else if is_number(trimmed, whole) {
                problem.set(None);
                on_value.emit(Some(trimmed.to_string()));
            } else {
                problem.set(Some(if whole {
                    "Enter a whole number, like 12."
                } else {
                    "Enter a number, like 12 or 7.5."
                }));
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("number-field", problem.is_some().then_some("number-field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type="text"
                inputmode={if props.whole { "numeric" } else { "decimal" }}
                autocomplete="off"
                value={props.value.clone().unwrap_or_default()}
                aria-invalid={problem.is_some().then_some("true")}
                aria-describedby={problem.is_some().then(|| error_id.clone())}
                oninput={on_input}
            />
            if let Some(message) = *problem {
                <p class="field-error" id={error_id}>{ message }</p>
            }
        </div>
    }
}

/// Digits only, or (when not `whole`) digits with at most one decimal point.
fn is_number(text: &str, whole: bool) -> bool {
    let mut points = 0;
    let mut digits = 0;
    for c in text.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' if !whole => points += 1,
            _ => return false,
        }
    }
    digits > 0 && points <= 1 && text.len() <= 18
}
