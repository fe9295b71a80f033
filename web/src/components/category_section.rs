use scopecraft::Currency;
use yew::prelude::*;

use super::OfferingCard;
use crate::catalog_text::category_heading_id;
use crate::state::SharedCatalog;

/// One category and the offerings of it to show.
#[derive(Properties, PartialEq)]
pub struct CategorySectionProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The category id.
    pub category: AttrValue,
    /// The SKUs to show, in order.
    pub skus: Vec<AttrValue>,
    /// The currency prices are shown in.
    pub currency: Currency,
}

/// A category heading, its one-line description and a grid of offering cards.
#[component]
pub fn CategorySection(props: &CategorySectionProps) -> Html {
    let Some(category) = props.catalog.category(&props.category) else {
        return Html::default();
    };
    let heading_id = category_heading_id(&category.id);
    html! {
        <section class="category" aria-labelledby={heading_id.clone()}>
            <div class="category-head">
                <h2 id={heading_id}>
                    { category.name.clone() }
                    <span class="category-count">{ props.skus.len() }</span>
                </h2>
                if !category.description.is_empty() {
                    <p>{ category.description.clone() }</p>
                }
            </div>
            <ul class="card-grid" role="list">
                for sku in props.skus.iter() {
                    <li key={sku.to_string()}>
                        <OfferingCard
                            catalog={props.catalog.clone()}
                            sku={sku.clone()}
                            currency={props.currency}
                        />
                    </li>
                }
            </ul>
        </section>
    }
}
