use std::rc::Rc;

use scopecraft::Scope;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::effects;
use crate::route::Route;
use crate::state::{Action, Mode, SharedCatalog, SharedScope};

/// The scope to export.
#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The scope.
    pub scope: SharedScope,
    /// Customer preview or account executive.
    pub mode: Mode,
    /// Receives a scope opened from a file, or a new empty one.
    pub on_action: Callback<Action>,
}

/// The file name scopes are downloaded as.
const SCOPE_FILE_NAME: &str = "scope.json";

/// Sending the scope on: to the account team (customers), as a scope file the CLI reads,
/// printed; opening a scope file; and starting over.
#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let status = use_state(|| None::<String>);
    let problems = use_state(Vec::<String>::new);
    // Saved with the prices it is quoted at, so a later catalog can show what changed. The
    // core prices the scope for that when a button is pressed, not on every edit.
    let quoted = {
        let catalog = props.catalog.clone();
        let scope = props.scope.clone();
        Rc::new(move || scopecraft::with_quoted_prices(&catalog, &scope))
    };
    let on_send = {
        let status = status.clone();
        let quoted = quoted.clone();
        Callback::from(move |_: MouseEvent| {
            let json = quoted().to_json_pretty();
            let saved = effects::download(SCOPE_FILE_NAME, "application/json", &json);
            let status = status.clone();
            effects::copy_text(&json, move |copied| {
                status.set(Some(send_status(saved, copied).to_string()));
            });
        })
    };
    let on_download = {
        let status = status.clone();
        let quoted = quoted.clone();
        Callback::from(move |_: MouseEvent| {
            let json = quoted().to_json_pretty();
            let message = if effects::download(SCOPE_FILE_NAME, "application/json", &json) {
                "The scope file is downloading as scope.json."
            } else {
                "The browser did not start the download."
            };
            status.set(Some(message.to_string()));
        })
    };
    let on_open = {
        let status = status.clone();
        let problems = problems.clone();
        let on_action = props.on_action.clone();
        let hash = props.catalog.hash().to_string();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let status = status.clone();
            let problems = problems.clone();
            let on_action = on_action.clone();
            let hash = hash.clone();
            effects::read_chosen_file(&input, move |file| {
                let Some((name, text)) = file else {
                    problems.set(vec!["The file could not be read.".to_string()]);
                    return;
                };
                match Scope::from_json(&text) {
                    Ok(scope) => {
                        let other_catalog = scope.catalog.as_ref().is_some_and(|c| c.hash != hash);
                        on_action.emit(Action::ReplaceScope(scope));
                        problems.set(Vec::new());
                        status.set(Some(if other_catalog {
                            format!("Opened {name}. It was made with a different version of the catalog; check the prices and questions.")
                        } else {
                            format!("Opened {name}.")
                        }));
                    }
                    Err(error) => {
                        status.set(Some(format!(
                            "{name} was not opened; your scope is unchanged."
                        )));
                        problems.set(error.errors.iter().map(ToString::to_string).collect());
                    }
                }
            });
        })
    };
    let share_link = use_state(|| None::<String>);
    let on_share = {
        let status = status.clone();
        let share_link = share_link.clone();
        let reference = props.catalog.reference();
        Callback::from(move |_: MouseEvent| {
            match scopecraft::share::encode(&quoted(), &reference) {
                Ok(link) => {
                    let mut address = effects::page_address();
                    address.push_str(&Route::Share(link).href());
                    let status = status.clone();
                    effects::copy_text(&address, move |copied| {
                        status.set(Some(
                        if copied {
                            "The share link is copied. It holds the whole scope and what it is quoted at now; whoever opens it sees prices from their catalog, and what changed if it differs."
                        } else {
                            "Copy the share link below. It holds the whole scope and what it is quoted at now."
                        }
                        .to_string(),
                    ));
                    });
                    share_link.set(Some(address));
                }
                Err(error) => {
                    share_link.set(None);
                    status.set(Some(format!("No share link could be made: {error}")));
                }
            }
        })
    };
    let on_print = Callback::from(|_: MouseEvent| effects::print());
    let on_new = {
        let on_action = props.on_action.clone();
        let status = status.clone();
        let fresh = Scope {
            catalog: Some(props.catalog.reference()),
            currency: props.scope.currency.clone(),
            ..Scope::default()
        };
        Callback::from(move |_: MouseEvent| {
            if effects::confirm(
                "Start a new scope? The current scope, its answers and intake are cleared.",
            ) {
                on_action.emit(Action::ReplaceScope(fresh.clone()));
                status.set(Some("Started a new, empty scope.".to_string()));
            }
        })
    };
    let has_items = !props.scope.items.is_empty();
    html! {
        <section class="panel export" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Send and save" }</h2>
            if props.mode == Mode::Customer && has_items {
                <div class="export-send">
                    <button type="button" class="button button-primary" id="send-to-account-team" onclick={on_send}>
                        { "Send to my account team" }
                    </button>
                    <p class="help">
                        { "Downloads your scope as a file and copies it, so you can attach or paste it into an email to your account team." }
                    </p>
                </div>
            }
            <div class="button-row">
                <button type="button" class="button" id="download-scope" onclick={on_download}>
                    { "Download scope file" }
                </button>
                if has_items {
                    <button type="button" class="button" id="copy-share-link" onclick={on_share}>{ "Copy share link" }</button>
                    <button type="button" class="button" id="print-quote" onclick={on_print}>{ "Print quote" }</button>
                }
                <button type="button" class="button link-danger" id="new-scope" onclick={on_new}>{ "New scope" }</button>
            </div>
            <div class="file-field">
                <label for="open-scope">{ "Open a scope file" }</label>
                <input type="file" id="open-scope" accept=".json,application/json" onchange={on_open} />
            </div>
            if let Some(link) = &*share_link {
                <div class="field">
                    <label for="share-link">{ "Share link" }</label>
                    <input id="share-link" type="text" readonly=true value={link.clone()} />
                </div>
            }
            if let Some(message) = &*status {
                <p class="export-status" role="status">{ message.clone() }</p>
            }
            if !problems.is_empty() {
                <ul class="field-error export-problems" role="alert">
                    for problem in problems.iter() {
                        <li>{ problem.clone() }</li>
                    }
                </ul>
            }
            <p class="help">
                { "Your scope is saved in this browser as you work. Scope files open in the command-line tool too." }
            </p>
        </section>
    }
}

fn send_status(saved: bool, copied: bool) -> &'static str {
    match (saved, copied) {
        (true, true) => {
            "Your scope is downloading as scope.json and is copied: attach the file or paste it into an email to your account team."
        }
        (true, false) => {
            "Your scope is downloading as scope.json: attach it to an email to your account team."
        }
        (false, true) => "Your scope is copied: paste it into an email to your account team.",
        (false, false) => {
            "The browser allowed neither a download nor the clipboard; use “Download scope file” instead."
        }
    }
}
