use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The search field's text and what to do when it changes.
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The current search text.
    pub value: AttrValue,
    /// Called with the new text on every keystroke.
    pub on_search: Callback<String>,
}

/// Searches offerings by name, SKU and text.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let on_input = {
        let on_search = props.on_search.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_search.emit(input.value());
        })
    };
    html! {
        <div class="search" role="search">
            <label for="catalog-search">{ "Search offerings" }</label>
            <input
                id="catalog-search"
                type="search"
                placeholder="Name, SKU or keyword"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="result-count"
                value={props.value.clone()}
                oninput={on_input}
            />
        </div>
    }
}
