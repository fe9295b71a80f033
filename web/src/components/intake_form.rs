use scopecraft::{Customer, Requester};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::{Action, SharedCatalog, SharedScope};

/// The scope whose intake fields to edit.
#[derive(Properties, PartialEq)]
pub struct IntakeFormProps {
    /// The active catalog: its customer flags are the checkboxes.
    pub catalog: SharedCatalog,
    /// The scope.
    pub scope: SharedScope,
    /// Receives the changes.
    pub on_action: Callback<Action>,
}

/// The account executive's intake: the customer, one checkbox per customer flag of the
/// catalog (`[sow.issue] customer_flags`, GitLab's "US public sector"; none when it has
/// none), who asks for the SOW, and notes for the PS team.
#[component]
pub fn IntakeForm(props: &IntakeFormProps) -> Html {
    let customer = props.scope.customer.clone();
    let requester = props.scope.requester.clone();
    let on_name = {
        let customer = customer.clone();
        props.on_action.reform(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            Action::SetCustomer(Customer {
                name: input.value(),
                ..customer.clone()
            })
        })
    };
    let flags: Html = props
        .catalog
        .issue_settings()
        .customer_flags
        .into_iter()
        .map(|flag| {
            let id = format!("intake-flag-{}", flag.id);
            let checked = customer.has_flag(&flag.id);
            let onchange = {
                let customer = customer.clone();
                let flag = flag.id.clone();
                props.on_action.reform(move |event: Event| {
                    let input: HtmlInputElement = event.target_unchecked_into();
                    Action::SetCustomer(customer.with_flag(&flag, input.checked()))
                })
            };
            html! {
                <div class="check field-check" key={flag.id.clone()}>
                    <input id={id.clone()} type="checkbox" data-flag={flag.id.clone()}
                        {checked} {onchange} />
                    <label for={id}>{ flag.name.clone() }</label>
                </div>
            }
        })
        .collect();
    let on_username = {
        let requester = requester.clone();
        props.on_action.reform(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            Action::SetRequester(Requester {
                username: input.value().trim_start_matches('@').to_string(),
                ..requester.clone()
            })
        })
    };
    let on_email = {
        let requester = requester.clone();
        props.on_action.reform(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            Action::SetRequester(Requester {
                email: input.value(),
                ..requester.clone()
            })
        })
    };
    let on_notes = props.on_action.reform(|event: InputEvent| {
        let input: HtmlTextAreaElement = event.target_unchecked_into();
        Action::SetNotes(input.value())
    });
    html! {
        <section class="panel intake" aria-labelledby="intake-heading">
            <h2 id="intake-heading">{ "Intake" }</h2>
            <div class="field-grid">
                <div class="field">
                    <label for="intake-customer">{ "Customer name" }</label>
                    <input id="intake-customer" type="text" autocomplete="organization"
                        value={customer.name.clone()} oninput={on_name} />
                </div>
                <div class="field">
                    <label for="intake-username">{ "Requester’s GitLab username" }</label>
                    <input id="intake-username" type="text" autocomplete="username"
                        spellcheck="false" value={requester.username.clone()} oninput={on_username} />
                </div>
                <div class="field">
                    <label for="intake-email">{ "Requester’s email" }</label>
                    <input id="intake-email" type="email" autocomplete="email"
                        value={requester.email.clone()} oninput={on_email} />
                </div>
                { flags }
            </div>
            <div class="field">
                <label for="intake-notes">{ "Notes for the professional services team" }</label>
                <textarea id="intake-notes" rows="3" value={props.scope.notes.clone()} oninput={on_notes} />
            </div>
        </section>
    }
}
