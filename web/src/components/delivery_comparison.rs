use scopecraft::{Currency, Date};
use yew::prelude::*;

use crate::catalog_filter::visible_offering;
use crate::offering_view::{DeliveryOption, delivery_options, mode_name};
use crate::route::Route;
use crate::state::{Action, SharedCatalog, SharedScope};

/// The offering whose delivery options to compare.
#[derive(Properties, PartialEq)]
pub struct DeliveryComparisonProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The offering's SKU.
    pub sku: AttrValue,
    /// The currency prices are shown in.
    pub currency: Currency,
    /// Today, when known.
    #[prop_or_default]
    pub today: Option<Date>,
    /// The scope, to show what is already in it.
    pub scope: SharedScope,
    /// Receives "Add to scope".
    pub on_action: Callback<Action>,
}

/// Remote and on-site side by side, each with how it runs, its price and "Add to scope".
#[component]
pub fn DeliveryComparison(props: &DeliveryComparisonProps) -> Html {
    let Some(offering) = visible_offering(&props.catalog, &props.sku, props.today) else {
        return Html::default();
    };
    let options = delivery_options(&props.catalog, offering, props.currency, props.today);
    let several = options.len() > 1;
    html! {
        <section class="delivery" aria-labelledby="delivery-heading">
            <h2 id="delivery-heading">
                { if several { "Remote or on-site" } else { "Delivery and price" } }
            </h2>
            <div class={classes!("delivery-options", several.then_some("delivery-options-two"))}>
                for option in options.iter() {
                    { delivery_option(props, option, several) }
                }
            </div>
        </section>
    }
}

fn delivery_option(
    props: &DeliveryComparisonProps,
    option: &DeliveryOption,
    several: bool,
) -> Html {
    let in_scope = props
        .scope
        .items
        .iter()
        .any(|item| item.sku == option.sku && item.delivery == option.scope_delivery);
    let on_add = {
        let action = Action::AddToScope {
            sku: option.sku.clone(),
            delivery: option.scope_delivery,
        };
        props.on_action.reform(move |_: MouseEvent| action.clone())
    };
    let mode = mode_name(option.mode);
    let label = match (in_scope, several) {
        (true, _) => "In your scope ✓".to_string(),
        (false, true) => format!("Add {} to scope", mode.to_lowercase()),
        (false, false) => "Add to scope".to_string(),
    };
    let (price, priced) = match &option.price {
        Some(price) => (price.text.clone(), price.is_priced),
        None => ("price on request".to_string(), false),
    };
    html! {
        <div class={classes!("delivery-option", option.is_sibling.then_some("delivery-option-sibling"))}>
            <h3>{ mode }</h3>
            <p class="sku">
                <span class="visually-hidden">{ "SKU " }</span>
                { option.sku.clone() }
            </p>
            if option.is_sibling {
                <p class="delivery-sibling">
                    { "Sold as " }
                    <a href={Route::offering_href(&option.sku)}>{ option.name.clone() }</a>
                </p>
            }
            if !option.how.is_empty() {
                <p class="delivery-how">{ option.how.clone() }</p>
            }
            <p class={classes!("delivery-price", (!priced).then_some("delivery-price-custom"))}>
                <span class="visually-hidden">{ format!("{mode} price: ") }</span>
                { price }
            </p>
            <button
                type="button"
                class={classes!("button", (!in_scope).then_some("button-primary"))}
                aria-disabled={in_scope.then_some("true")}
                onclick={if in_scope { Callback::noop() } else { on_add }}
            >
                { label }
            </button>
        </div>
    }
}
