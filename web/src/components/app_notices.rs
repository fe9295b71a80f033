use scopecraft::Scope;
use yew::prelude::*;

use super::{Notice, Tone};
use crate::effects;
use crate::notices::AppNotice;
use crate::saves::{Saved, UnreadableSave};
use crate::state::{Action, SharedScope};

/// The notices to show, and what their buttons need.
#[derive(Properties, PartialEq)]
pub struct AppNoticesProps {
    /// The notices, oldest first.
    pub notices: Vec<AppNotice>,
    /// The scope (what "Download scope file" saves when the browser would not).
    pub scope: SharedScope,
    /// Receives [`Action::Dismiss`].
    pub on_action: Callback<Action>,
}

/// The notices above every page: another tab's change taken, a save that failed (with the
/// scope as a download), a save that could not be read (with its text as a download), a
/// catalog that could not be kept, a new version.
#[component]
pub fn AppNotices(props: &AppNoticesProps) -> Html {
    if props.notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="app-notices">
            for notice in props.notices.iter() {
                { app_notice(notice, &props.scope, &props.on_action) }
            }
        </div>
    }
}

fn app_notice(notice: &AppNotice, scope: &Scope, on_action: &Callback<Action>) -> Html {
    let id = notice.id();
    let tone = if notice.is_failure() {
        Tone::Failure
    } else {
        Tone::Info
    };
    let on_dismiss = Some(on_action.reform(move |_: MouseEvent| Action::Dismiss(id)));
    let (text, actions) = match notice {
        AppNotice::FromOtherTab => (
            html! { <p>{ "Updated from another tab: this page now shows the scope as saved there." }</p> },
            Html::default(),
        ),
        AppNotice::Updated => (
            html! { <p>{ "Updated to the latest version." }</p> },
            Html::default(),
        ),
        AppNotice::NotSaved => {
            let json = scope.to_json_pretty();
            let download = Callback::from(move |_: MouseEvent| {
                effects::download("scope.json", "application/json", &json);
            });
            (
                html! {
                    <p>
                        { "Your latest changes could not be saved in this browser: its storage is full or turned off. " }
                        { "Download the scope file to keep them; this notice goes away once saving works again." }
                    </p>
                },
                html! {
                    <button type="button" class="button" id="download-unsaved-scope" onclick={download}>
                        { "Download scope file" }
                    </button>
                },
            )
        }
        AppNotice::CatalogNotKept => (
            html! {
                <p>
                    { "This catalog could not be kept in this browser (its storage is full or turned off). " }
                    { "It is used until you reload; after that the built-in catalog is shown. Keep your catalog file." }
                </p>
            },
            Html::default(),
        ),
        AppNotice::Unreadable(save) => unreadable(save),
    };
    html! {
        <Notice id={id} {tone} {actions} {on_dismiss}>{ text }</Notice>
    }
}

/// What the notice of an unreadable save says, and its download.
fn unreadable(save: &UnreadableSave) -> (Html, Html) {
    let what = match save.what {
        Saved::Scope => {
            "The scope saved in this browser could not be read (it is damaged, or was saved by a newer version), so you start with an empty scope."
        }
        Saved::Catalog => {
            "The catalog kept in this browser could not be read again, so the built-in catalog is shown."
        }
    };
    let kept = match &save.kept_under {
        Some(key) => format!(
            "The unreadable save is kept in this browser, untouched, under the name “{key}”. Download it to keep a copy or to send it to your account team."
        ),
        None => "The browser had no room to set it aside, so nothing is saved over it until you close this notice: download it first.".to_string(),
    };
    let text = save.text.clone();
    let name = save.what.unreadable_file_name();
    let download = Callback::from(move |_: MouseEvent| {
        effects::download(name, "application/json", &text);
    });
    let button_id = match save.what {
        Saved::Scope => "download-unreadable-scope",
        Saved::Catalog => "download-unreadable-catalog",
    };
    (
        html! {
            <>
                <p>{ what }</p>
                <p>{ kept }</p>
                <p class="help">{ format!("Details: {}", save.reason) }</p>
            </>
        },
        html! {
            <button type="button" class="button" id={button_id} onclick={download}>
                { "Download the unreadable save" }
            </button>
        },
    )
}
