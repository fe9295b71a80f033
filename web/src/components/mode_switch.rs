use yew::prelude::*;

use crate::state::{Action, Mode};

/// The current mode.
#[derive(Properties, PartialEq)]
pub struct ModeSwitchProps {
    /// Customer preview or account executive.
    pub mode: Mode,
    /// Receives [`Action::SetMode`].
    pub on_action: Callback<Action>,
}

/// Two radio buttons that switch between the customer preview and the account executive's
/// view, with a plain note that switching only hides fields.
#[component]
pub fn ModeSwitch(props: &ModeSwitchProps) -> Html {
    let option = |mode: Mode, id: &'static str, label: &'static str| {
        let on_change = props
            .on_action
            .reform(move |_: Event| Action::SetMode(mode));
        html! {
            <div class="mode-option">
                <input
                    type="radio"
                    name="mode"
                    {id}
                    checked={props.mode == mode}
                    onchange={on_change}
                />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    html! {
        <fieldset class="mode-switch">
            <legend>{ "View as" }</legend>
            <div class="mode-options">
                { option(Mode::Customer, "mode-customer", "Customer preview") }
                { option(Mode::AccountExecutive, "mode-executive", "Account executive") }
            </div>
            if crate::BUILT_IN_PROJECTION == "public" {
                <p class="mode-note">
                    { "The view only hides or shows fields. This page runs entirely in your browser, " }
                    { "holds no secrets, and knows nothing that is not in the public catalog." }
                </p>
            } else {
                <p class="mode-note">
                    { "The view only hides or shows fields. This internal build holds the full " }
                    { "catalog (internal notes, approval rules, cost rates): do not publish it." }
                </p>
            }
        </fieldset>
    }
}
