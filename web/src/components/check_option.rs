use yew::prelude::*;

/// A checkbox with its label.
#[derive(Properties, PartialEq)]
pub struct CheckOptionProps {
    /// The input's id (the label points at it).
    pub id: AttrValue,
    /// What the option is.
    pub label: AttrValue,
    /// How many offerings it has, when worth showing.
    #[prop_or_default]
    pub count: Option<usize>,
    /// Whether it is on.
    pub checked: bool,
    /// Called when it is switched.
    pub on_toggle: Callback<()>,
}

/// One labelled checkbox of the filter panel.
#[component]
pub fn CheckOption(props: &CheckOptionProps) -> Html {
    let on_change = props.on_toggle.reform(|_: Event| ());
    html! {
        <div class="check">
            <input
                type="checkbox"
                id={props.id.clone()}
                checked={props.checked}
                onchange={on_change}
            />
            <label for={props.id.clone()}>
                <span class="check-label">{ props.label.clone() }</span>
                if let Some(count) = props.count {
                    <span class="check-count">{ count }</span>
                }
            </label>
        </div>
    }
}
