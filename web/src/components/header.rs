use scopecraft::Currency;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::catalog_text::items_in_scope;
use crate::route::Route;

/// What the header shows.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The active catalog's name.
    pub catalog_name: AttrValue,
    /// The active catalog's version.
    pub catalog_version: AttrValue,
    /// Items in the scope.
    pub scope_count: usize,
    /// The currency prices are shown in.
    pub currency: Currency,
    /// Currencies the catalog has price books for.
    pub currencies: Vec<Currency>,
    /// Called with the currency the customer picks.
    pub on_currency: Callback<Currency>,
}

/// The product name, the active catalog, the currency and the scope count.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let on_change = {
        let on_currency = props.on_currency.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(currency) = Currency::from_code(&select.value()) {
                on_currency.emit(currency);
            }
        })
    };
    html! {
        <header class="site-header">
            <div class="site-header-inner">
                <a class="brand" href="#/">
                    <span class="brand-mark" aria-hidden="true"></span>
                    { "Scopecraft" }
                </a>
                <p class="catalog-name">
                    <span class="visually-hidden">{ "Catalog: " }</span>
                    { props.catalog_name.clone() }
                    <span class="catalog-version">{ format!("Version {}", props.catalog_version) }</span>
                </p>
                <div class="header-tools">
                    if props.currencies.len() > 1 {
                        <label class="currency">
                            <span>{ "Currency" }</span>
                            <select onchange={on_change}>
                                for currency in props.currencies.iter().copied() {
                                    <option
                                        value={currency.code()}
                                        selected={currency == props.currency}
                                    >
                                        { currency.code() }
                                    </option>
                                }
                            </select>
                        </label>
                    }
                    <a class="scope-count" href={Route::Scope.href()} id="scope-link">
                        <span class="scope-count-number">{ props.scope_count }</span>
                        { items_in_scope(props.scope_count) }
                        <span class="scope-count-action">{ "Scope and quote" }</span>
                    </a>
                </div>
            </div>
        </header>
    }
}
