//! A field's problem: the core's sentence saying why the field's value is refused, shown
//! beside the field, and the attributes that tie it to the field's input for assistive
//! technology (`aria-invalid`, `aria-describedby`). Every field of the app shows its problem
//! this way, and [`use_checked_text`] decides what the problem is.

use yew::prelude::*;

/// Text typed into a field that the scope did not take, with the value the field showed from
/// the scope when it was typed.
#[derive(Debug, Clone, PartialEq)]
struct Refused {
    text: String,
    shown: Option<AttrValue>,
}

/// What a field does with the text typed into it. `judge` reads the text and asks the core:
/// `Ok(value)` when the scope takes it (`None`: cleared), `Err(problem)` when it is refused.
/// Taken text is passed to `on_value` at once. Refused text is judged again at every render,
/// so its problem always says what the core says about it now:
/// - emptied, the field has nothing refused left, so its problem goes;
/// - when a change elsewhere makes the core take it (the amount discount cleared, so a
///   percentage may be given), it is passed on and the problem goes;
/// - when the scope's value for the field changes from outside (another tab, a shared scope),
///   the field shows that value and the refused text and its problem are dropped.
///
/// Returns the problem to show (see [`FieldProblem`]) and the callback for each new text.
#[hook]
pub fn use_checked_text(
    value: Option<AttrValue>,
    on_value: Callback<Option<String>>,
    judge: Callback<String, Result<Option<String>, String>>,
) -> (Option<AttrValue>, Callback<String>) {
    let refused = use_state(|| None::<Refused>);
    let pending = (*refused).clone().filter(|r| r.shown == value);
    let verdict = pending.as_ref().map(|r| judge.emit(r.text.clone()));
    let problem = match &verdict {
        Some(Err(problem)) => Some(AttrValue::from(problem.clone())),
        _ => None,
    };
    let now_taken = match verdict {
        Some(Ok(taken)) => Some(taken),
        _ => None,
    };
    let settle = refused.is_some() && (pending.is_none() || now_taken.is_some());
    {
        let refused = refused.clone();
        let on_value = on_value.clone();
        use_effect_with((now_taken, settle), move |(now_taken, settle)| {
            if let Some(taken) = now_taken {
                on_value.emit(taken.clone());
            }
            if *settle {
                refused.set(None);
            }
        });
    }
    let on_text = Callback::from(move |text: String| match judge.emit(text.clone()) {
        Ok(taken) => {
            refused.set(None);
            on_value.emit(taken);
        }
        Err(_) => refused.set(Some(Refused {
            text,
            shown: value.clone(),
        })),
    });
    (problem, on_text)
}

/// The id of the problem text of the field whose input has the id `field`
/// (`line-0-discount` → `line-0-discount-error`).
pub fn problem_id(field: &str) -> String {
    format!("{field}-error")
}

/// What a field's input carries: `aria-invalid="true"` while it has a problem, and in
/// `aria-describedby` its help text (if any) and then its problem text (while there is one).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProblemWiring {
    /// `aria-invalid`: `"true"` while there is a problem, absent otherwise.
    pub invalid: Option<AttrValue>,
    /// `aria-describedby`: the ids of the texts that describe the input, absent when none.
    pub described_by: Option<AttrValue>,
}

impl ProblemWiring {
    /// The wiring of the input with the id `field`, with or without a problem.
    pub fn new(field: &str, has_problem: bool) -> ProblemWiring {
        ProblemWiring::described(field, None, has_problem)
    }

    /// The same, for an input also described by a help text with the id `help` (always
    /// named, before the problem).
    pub fn with_help(field: &str, help: &str, has_problem: bool) -> ProblemWiring {
        ProblemWiring::described(field, Some(help), has_problem)
    }

    fn described(field: &str, help: Option<&str>, has_problem: bool) -> ProblemWiring {
        let problem = has_problem.then(|| problem_id(field));
        let ids: Vec<String> = help
            .map(str::to_string)
            .into_iter()
            .chain(problem)
            .collect();
        ProblemWiring {
            invalid: has_problem.then_some(AttrValue::Static("true")),
            described_by: (!ids.is_empty()).then(|| AttrValue::from(ids.join(" "))),
        }
    }
}

/// What a field's problem shows.
#[derive(Properties, PartialEq)]
pub struct FieldProblemProps {
    /// The id of the field's input (the problem text's id is [`problem_id`] of it).
    pub field: AttrValue,
    /// The problem, in the core's words; nothing is shown without one.
    #[prop_or_default]
    pub message: Option<AttrValue>,
}

/// The problem text of one field, with the id its input's `aria-describedby` names (see
/// [`ProblemWiring`]); nothing at all while the field has no problem.
#[component]
pub fn FieldProblem(props: &FieldProblemProps) -> Html {
    match &props.message {
        Some(message) => html! {
            <p class="field-error" id={problem_id(&props.field)}>{ message.clone() }</p>
        },
        None => Html::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_names_its_problem_only_while_there_is_one() {
        assert_eq!(problem_id("line-0-discount"), "line-0-discount-error");
        let fine = ProblemWiring::new("quote-discount", false);
        assert_eq!((fine.invalid, fine.described_by), (None, None));
        let refused = ProblemWiring::new("quote-discount", true);
        assert_eq!(refused.invalid.as_deref(), Some("true"));
        assert_eq!(
            refused.described_by.as_deref(),
            Some("quote-discount-error")
        );
    }

    #[test]
    fn a_help_text_is_named_first_and_always() {
        let fine = ProblemWiring::with_help("q-users", "q-users-help", false);
        assert_eq!(fine.invalid, None);
        assert_eq!(fine.described_by.as_deref(), Some("q-users-help"));
        let refused = ProblemWiring::with_help("q-users", "q-users-help", true);
        assert_eq!(
            refused.described_by.as_deref(),
            Some("q-users-help q-users-error")
        );
    }
}
