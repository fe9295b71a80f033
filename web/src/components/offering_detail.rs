use scopecraft::{Currency, Date, Offering};
use yew::prelude::*;

use super::DeliveryComparison;
use crate::catalog_filter::visible_offering;
use crate::hooks::OFFERING_HEADING_ID;
use crate::offering_view::{license_label, paragraphs, sale_label};
use crate::route::Route;
use crate::state::{Action, SharedCatalog, SharedScope};

/// The offering to show.
#[derive(Properties, PartialEq)]
pub struct OfferingDetailProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The offering's SKU (from the URL, so it may not exist).
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

/// One offering in full: description, remote and on-site side by side with prices,
/// deliverables, assumptions, exclusions, audience, duration and prerequisites. Every catalog
/// text is rendered as a text node; internal notes are never shown.
#[component]
pub fn OfferingDetail(props: &OfferingDetailProps) -> Html {
    let catalog = &props.catalog;
    let Some(offering) = visible_offering(catalog, &props.sku, props.today) else {
        return html! {
            <section class="not-found">
                <h1 id={OFFERING_HEADING_ID} tabindex="-1">{ "Offering not found" }</h1>
                <p>
                    { format!("This catalog has no offering with the SKU “{}”. ", props.sku) }
                    { "It may have been retired, or the link may be mistyped." }
                </p>
                <p><a class="button" href={Route::Catalog.href()}>{ "Browse the catalog" }</a></p>
            </section>
        };
    };
    let category = catalog
        .category(&offering.category)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| offering.category.clone());
    html! {
        <article class="offering" aria-labelledby={OFFERING_HEADING_ID}>
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <a href={Route::Catalog.href()}>{ "Catalog" }</a>
                <span aria-hidden="true">{ " / " }</span>
                <span>{ category }</span>
            </nav>
            <header class="offering-head">
                <p class="sku">
                    <span class="visually-hidden">{ "SKU " }</span>
                    { offering.sku.clone() }
                </p>
                <h1 id={OFFERING_HEADING_ID} tabindex="-1">{ offering.name.clone() }</h1>
                <p class="lead">{ offering.summary.clone() }</p>
            </header>
            <div class="offering-body">
                <div class="offering-main">
                    <DeliveryComparison
                        catalog={catalog.clone()}
                        sku={props.sku.clone()}
                        currency={props.currency}
                        today={props.today}
                        scope={props.scope.clone()}
                        on_action={props.on_action.clone()}
                    />
                    if !offering.description.trim().is_empty() {
                        <section class="offering-description">
                            <h2>{ "About this offering" }</h2>
                            for paragraph in paragraphs(&offering.description) {
                                <p>{ paragraph }</p>
                            }
                        </section>
                    }
                    { text_list("Deliverables", "What you receive", &offering.deliverables) }
                    { text_list("Assumptions", "What the price assumes", &offering.assumptions) }
                    { text_list("Exclusions", "Not included", &offering.exclusions) }
                </div>
                { facts(props, offering) }
            </div>
        </article>
    }
}

/// A titled list of catalog sentences, or nothing when there are none.
fn text_list(class: &str, title: &str, items: &[String]) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class={format!("offering-{}", class.to_lowercase())}>
            <h2>{ title.to_string() }</h2>
            <ul>
                for item in items.iter() {
                    <li>{ item.clone() }</li>
                }
            </ul>
        </section>
    }
}

/// The side panel: duration, audience, how it is sold and prerequisites.
fn facts(props: &OfferingDetailProps, offering: &Offering) -> Html {
    let prerequisites = &offering.prerequisites;
    let duration = if offering.duration.summary.is_empty() {
        "Agreed when scoped".to_string()
    } else {
        offering.duration.summary.clone()
    };
    html! {
        <aside class="offering-facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{ "At a glance" }</h2>
            <dl>
                <dt>{ "Duration" }</dt>
                <dd>{ duration }</dd>
                if !offering.audience.is_empty() {
                    <dt>{ "Audience" }</dt>
                    <dd>
                        <ul class="tags" role="list">
                            for label in offering.audience.iter() {
                                <li>{ label.clone() }</li>
                            }
                        </ul>
                    </dd>
                }
                <dt>{ "How it is sold" }</dt>
                <dd>{ sale_label(offering.sale) }</dd>
                <dt>{ "Prerequisites" }</dt>
                <dd>
                    if prerequisites.is_empty() {
                        { "None" }
                    } else {
                        <ul class="prerequisites">
                            for note in prerequisites.notes.iter() {
                                <li>{ note.clone() }</li>
                            }
                            if let Some(tier) = prerequisites.license_tier.as_ref() {
                                <li>{ license_label(&props.catalog, tier) }</li>
                            }
                            for sku in prerequisites.skus.iter() {
                                <li>{ prerequisite_link(props, sku) }</li>
                            }
                        </ul>
                    }
                </dd>
            </dl>
        </aside>
    }
}

/// A prerequisite offering: a link when customers can see it, its name otherwise.
fn prerequisite_link(props: &OfferingDetailProps, sku: &str) -> Html {
    match visible_offering(&props.catalog, sku, props.today) {
        Some(other) => html! {
            <>
                { "Taken first: " }
                <a href={Route::offering_href(&other.sku)}>{ other.name.clone() }</a>
                <span class="sku-inline">{ format!(" ({})", other.sku) }</span>
            </>
        },
        // Not in the customer catalog: named, not linked.
        None => {
            let name = props
                .catalog
                .offering(sku)
                .map_or(sku, |other| other.name.as_str());
            html! { <>{ format!("Taken first: {name} (ask your account team)") }</> }
        }
    }
}
