use scopecraft::{Customer, Requester, Scope};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::Action;

/// The scope whose intake fields to edit.
#[derive(Properties, PartialEq)]
pub struct IntakeFormProps {
    /// The scope.
    pub scope: Scope,
    /// Receives the changes.
    pub on_action: Callback<Action>,
}

/// The account executive's intake: the customer, whether it is US public sector, who asks
/// for the SOW, and notes for the PS team.
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
    let on_public = {
        let customer = customer.clone();
        props.on_action.reform(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            Action::SetCustomer(Customer {
                public_sector_us: input.checked(),
                ..customer.clone()
            })
        })
    };
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
                <div class="check field-check">
                    <input id="intake-public-sector" type="checkbox"
                        checked={customer.public_sector_us} onchange={on_public} />
                    <label for="intake-public-sector">{ "US public sector customer" }</label>
                </div>
            </div>
            <div class="field">
                <label for="intake-notes">{ "Notes for the professional services team" }</label>
                <textarea id="intake-notes" rows="3" value={props.scope.notes.clone()} oninput={on_notes} />
            </div>
        </section>
    }
}
