use scopecraft::{Currency, Decision, Recommendation, RecommendationDecision, Recommendations};
use yew::prelude::*;

use crate::state::Action;

/// The recommendations to show.
#[derive(Properties, PartialEq)]
pub struct RecommendationListProps {
    /// The core's recommendations for the scope.
    pub recommendations: Recommendations,
    /// The currency their prices are in.
    pub currency: Currency,
    /// Receives accept, dismiss and undo.
    pub on_action: Callback<Action>,
}

/// Suggested offerings with the reason for each, to accept (adds them to the scope) or
/// dismiss; then the catalog's warnings and notes for this scope. Every decision is recorded
/// in the scope.
#[component]
pub fn RecommendationList(props: &RecommendationListProps) -> Html {
    let r = &props.recommendations;
    if r.recommended.is_empty() && r.warnings.is_empty() && r.notes.is_empty() {
        return Html::default();
    }
    html! {
        <section class="panel recommendations" aria-labelledby="recommendations-heading">
            <h2 id="recommendations-heading">{ "Recommendations" }</h2>
            if !r.recommended.is_empty() {
                <ul class="recommendation-list" role="list">
                    for rec in r.recommended.iter() {
                        <li key={rec.id.clone()}>{ suggestion(props, rec) }</li>
                    }
                </ul>
            }
            if !r.warnings.is_empty() {
                <h3>{ "Check before you go on" }</h3>
                <ul class="advice advice-warning">
                    for rec in r.warnings.iter() {
                        <li key={rec.id.clone()}>{ rec.reason.clone() }</li>
                    }
                </ul>
            }
            if !r.notes.is_empty() {
                <h3>{ "Good to know" }</h3>
                <ul class="advice">
                    for rec in r.notes.iter() {
                        <li key={rec.id.clone()}>{ rec.reason.clone() }</li>
                    }
                </ul>
            }
        </section>
    }
}

/// One suggestion: what it adds, why, its price, and its decision buttons.
fn suggestion(props: &RecommendationListProps, rec: &Recommendation) -> Html {
    let decide = |decision: Option<Decision>| {
        let action = Action::Decide {
            id: rec.id.clone(),
            decision,
            add: rec.items.iter().map(|i| i.scope_item.clone()).collect(),
            remove: rec.replaces.clone(),
        };
        props.on_action.reform(move |_: MouseEvent| action.clone())
    };
    let names: Vec<&str> = rec.items.iter().map(|i| i.name.as_str()).collect();
    let title = if names.is_empty() {
        "Suggestion".to_string()
    } else {
        names.join(" + ")
    };
    let status = match rec.decision {
        RecommendationDecision::Pending => None,
        RecommendationDecision::Accepted => Some("Accepted: added to your scope"),
        RecommendationDecision::Dismissed => Some("Dismissed"),
    };
    html! {
        <article class={classes!("recommendation", format!("recommendation-{}", decision_class(rec.decision)))}
            data-recommendation={rec.id.clone()}>
            <h3>{ title.clone() }</h3>
            <p class="recommendation-reason">{ rec.reason.clone() }</p>
            if let Some(price) = rec.price {
                <p class="recommendation-price">
                    <span class="help-label">{ "List price: " }</span>
                    { price.display(props.currency) }
                </p>
            }
            <div class="button-row">
                if let Some(status) = status {
                    <p class="recommendation-status" role="status">{ status }</p>
                    <button type="button" class="link-button" onclick={decide(None)}>{ "Undo" }</button>
                } else {
                    <button type="button" class="button button-primary" onclick={decide(Some(Decision::Accepted))}>
                        { "Accept" }
                        <span class="visually-hidden">{ format!(": {title}") }</span>
                    </button>
                    <button type="button" class="button" onclick={decide(Some(Decision::Dismissed))}>
                        { "Dismiss" }
                        <span class="visually-hidden">{ format!(": {title}") }</span>
                    </button>
                }
            </div>
        </article>
    }
}

fn decision_class(decision: RecommendationDecision) -> &'static str {
    match decision {
        RecommendationDecision::Pending => "pending",
        RecommendationDecision::Accepted => "accepted",
        RecommendationDecision::Dismissed => "dismissed",
    }
}
