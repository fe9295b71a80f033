use scopecraft::Currency;
use yew::prelude::*;

use crate::offering_view::{card_duration, card_link_id, card_price, delivery_summary};
use crate::route::Route;
use crate::state::SharedCatalog;

/// Which offering a card shows.
#[derive(Properties, PartialEq)]
pub struct OfferingCardProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The offering's SKU.
    pub sku: AttrValue,
    /// The currency prices are shown in.
    pub currency: Currency,
}

/// An offering in the catalog grid: name, SKU, summary, duration, delivery and list price (or
/// "custom quote"). The whole card opens the offering; the name is the link.
#[component]
pub fn OfferingCard(props: &OfferingCardProps) -> Html {
    let Some(offering) = props.catalog.offering(&props.sku) else {
        return Html::default();
    };
    let price = card_price(&props.catalog, offering, props.currency);
    let (price_text, priced) = (price.text, price.is_priced);
    let duration = card_duration(offering).to_string();
    html! {
        <article class="card">
            <h3 class="card-title">
                <a
                    class="card-link"
                    id={card_link_id(&offering.sku)}
                    href={Route::offering_href(&offering.sku)}
                >
                    { offering.name.clone() }
                </a>
            </h3>
            <p class="sku">
                <span class="visually-hidden">{ "SKU " }</span>
                { offering.sku.clone() }
            </p>
            <p class="card-summary">{ offering.summary.clone() }</p>
            <dl class="card-facts">
                <div>
                    <dt>{ "Duration" }</dt>
                    <dd>{ duration }</dd>
                </div>
                <div>
                    <dt>{ "Delivery" }</dt>
                    <dd>{ delivery_summary(offering) }</dd>
                </div>
            </dl>
            <p class={classes!("card-price", (!priced).then_some("card-price-custom"))}>
                <span class="visually-hidden">{ "List price: " }</span>
                { price_text }
            </p>
        </article>
    }
}
