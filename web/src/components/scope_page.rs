use std::rc::Rc;

use scopecraft::{Currency, Scope};
use yew::prelude::*;

use super::{
    CatalogChanges, ExportPanel, IntakeForm, ModeSwitch, Notice, Questionnaire, QuotePanel,
    RecommendationList, SowRequestPanel, Tone,
};
use crate::analysis::ScopeAnalysis;
use crate::route::Route;
use crate::state::{Action, Mode, ShareNotice, SharedCatalog, SharedScope};

/// What the scope page needs.
#[derive(Properties, PartialEq)]
pub struct ScopePageProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The scope.
    pub scope: SharedScope,
    /// The core's view of the scope (completeness, quote, recommendations).
    pub analysis: Rc<ScopeAnalysis>,
    /// The currency the quote is in.
    pub currency: Currency,
    /// Customer preview or account executive.
    pub mode: Mode,
    /// What happened to the last share link opened.
    #[prop_or_default]
    pub notice: Option<ShareNotice>,
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
        notice,
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
            if let Some(notice) = notice {
                { share_notice(notice, scope, on_action) }
            }
            if let Some(made) = made_with {
                <Notice id="catalog-changed" tone={Tone::Warning}>
                    <p>
                        { format!(
                            "This scope was made with the catalog {} version {}, which differs from the one shown ({} version {}). Questions and prices come from the catalog shown.",
                            made.id, made.version, catalog.data().id, catalog.data().version
                        ) }
                    </p>
                </Notice>
                <CatalogChanges catalog={catalog.clone()} scope={scope.clone()} />
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
                        <IntakeForm catalog={catalog.clone()} scope={scope.clone()} on_action={on_action.clone()} />
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

/// What opening a share link did (or asks before doing), with a way back to the scope it
/// replaced.
fn share_notice(notice: &ShareNotice, scope: &Scope, on_action: &Callback<Action>) -> Html {
    let dismiss = Some(on_action.reform(|_: MouseEvent| Action::DismissNotice));
    match notice {
        ShareNotice::Pending { shared } => {
            let accept = on_action.reform(|_: MouseEvent| Action::AcceptShared);
            let keep = on_action.reform(|_: MouseEvent| Action::DismissNotice);
            html! {
                <Notice id="share-notice" tone={Tone::Warning} actions={html! {
                    <>
                        <button type="button" class="button button-primary" id="open-shared" onclick={accept}>
                            { "Open the shared scope" }
                        </button>
                        <button type="button" class="button" id="keep-scope" onclick={keep}>
                            { "Keep my scope" }
                        </button>
                    </>
                }}>
                    <p>
                        { format!(
                            "This share link holds a scope with {}. Open it in place of your scope ({})? You can bring yours back afterwards.",
                            items(shared.items.len()),
                            items(scope.items.len())
                        ) }
                    </p>
                </Notice>
            }
        }
        ShareNotice::Opened { replaced } => {
            let restore = replaced.clone().map(|previous| {
                let on_action = on_action.clone();
                Callback::from(move |_: MouseEvent| {
                    on_action.emit(Action::ReplaceScope((*previous).clone()));
                    on_action.emit(Action::DismissNotice);
                })
            });
            html! {
                <Notice id="share-notice" on_dismiss={dismiss} actions={html! {
                    if let Some(restore) = restore {
                        <button type="button" class="button" id="restore-scope" onclick={restore}>
                            { "Bring back my previous scope" }
                        </button>
                    }
                }}>
                    <p>
                        { "You opened a shared scope. Its prices are worked out here, from the catalog; the link itself carries none." }
                    </p>
                </Notice>
            }
        }
        ShareNotice::Failed(reason) => html! {
            <Notice id="share-notice" tone={Tone::Failure} on_dismiss={dismiss}>
                <p>
                    { "This share link could not be opened: it may have been cut short or changed on the way. Your scope is unchanged; ask for the link again." }
                </p>
                <p class="help">{ format!("Details: {reason}") }</p>
            </Notice>
        },
    }
}

fn items(count: usize) -> String {
    match count {
        1 => "1 item".to_string(),
        n => format!("{n} items"),
    }
}
