use std::rc::Rc;

use scopecraft::{Currency, Scope};
use yew::prelude::*;

use super::{
    ExportPanel, IntakeForm, ModeSwitch, Questionnaire, QuotePanel, RecommendationList,
    SowRequestPanel,
};
use crate::analysis::ScopeAnalysis;
use crate::route::Route;
use crate::state::{Action, Mode, SharedCatalog};

/// What the scope page needs.
#[derive(Properties, PartialEq)]
pub struct ScopePageProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The scope.
    pub scope: Scope,
    /// The core's view of the scope (completeness, quote, recommendations).
    pub analysis: Rc<ScopeAnalysis>,
    /// The currency the quote is in.
    pub currency: Currency,
    /// Customer preview or account executive.
    pub mode: Mode,
    /// Receives every change.
    pub on_action: Callback<Action>,
}

/// The scope: who it is for (account executives), the scoping questions with their progress,
/// the recommendations, the live quote and the ways to send it on.
#[component]
pub fn ScopePage(props: &ScopePageProps) -> Html {
    let ScopePageProps {
        catalog,
        scope,
        analysis,
        currency,
        mode,
        on_action,
    } = props;
    let executive = *mode == Mode::AccountExecutive;
    let made_with = scope
        .catalog
        .as_ref()
        .filter(|made| made.hash != catalog.hash());
    html! {
        <div class="scope-page">
            <div class="scope-intro">
                <h1 id="scope-title" tabindex="-1">{ "Your scope" }</h1>
                <ModeSwitch mode={*mode} on_action={on_action.clone()} />
            </div>
            if let Some(made) = made_with {
                <p class="notice notice-warning" id="catalog-changed" role="status">
                    { format!(
                        "This scope was made with the catalog {} version {}, which differs from the one shown ({} version {}). Questions and prices come from the catalog shown.",
                        made.id, made.version, catalog.data().id, catalog.data().version
                    ) }
                </p>
            }
            if scope.items.is_empty() {
                <section class="empty scope-empty">
                    <h2>{ "Nothing in your scope yet" }</h2>
                    <p>{ "Pick offerings from the catalog with “Add to scope”; their questions and a live quote appear here." }</p>
                    <p><a class="button button-primary" href={Route::Catalog.href()}>{ "Browse the catalog" }</a></p>
                </section>
            }
            <div class="scope-layout">
                <div class="scope-main">
                    if executive {
                        <IntakeForm scope={scope.clone()} on_action={on_action.clone()} />
                    }
                    if !scope.items.is_empty() {
                        <Questionnaire
                            catalog={catalog.clone()}
                            scope={scope.clone()}
                            completeness={analysis.completeness.clone()}
                            on_action={on_action.clone()}
                        />
                    }
                </div>
                <div class="scope-side">
                    <QuotePanel
                        catalog={catalog.clone()}
                        scope={scope.clone()}
                        analysis={analysis.clone()}
                        currency={*currency}
                        mode={*mode}
                        on_action={on_action.clone()}
                    />
                    if let Some(recommendations) = &analysis.recommendations {
                        <RecommendationList
                            recommendations={recommendations.clone()}
                            currency={*currency}
                            on_action={on_action.clone()}
                        />
                    }
                    if executive && !scope.items.is_empty() {
                        <SowRequestPanel catalog={catalog.clone()} scope={scope.clone()} />
                    }
                    <ExportPanel
                        catalog={catalog.clone()}
                        scope={scope.clone()}
                        mode={*mode}
                        on_action={on_action.clone()}
                    />
                </div>
            </div>
        </div>
    }
}
