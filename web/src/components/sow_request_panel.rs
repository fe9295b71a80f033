use scopecraft::{
    GitLabProject, NewIssueLink, SowRequest, SowRequestOptions, Timestamp, new_issue_link,
    sow_draft, sow_request,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::effects;
use crate::state::{SharedCatalog, SharedScope};

/// Where the GitLab project for SOW requests is remembered in local storage.
pub const GITLAB_PROJECT_KEY: &str = "scopecraft.gitlab_project";

/// The scope to request a SOW for.
#[derive(Properties, PartialEq)]
pub struct SowRequestPanelProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The scope.
    pub scope: SharedScope,
}

/// The account executive's SOW request: the payload as JSON, the issue's Markdown, a
/// prefilled new-issue link in the team's GitLab project, and the SOW draft to print. Each
/// is built by the core when asked, stamped with the current time that this page passes in.
#[component]
pub fn SowRequestPanel(props: &SowRequestPanelProps) -> Html {
    let default_project = props
        .catalog
        .data()
        .sow
        .as_ref()
        .and_then(|s| s.gitlab_project.clone())
        .unwrap_or_default();
    let project = use_state(move || effects::stored(GITLAB_PROJECT_KEY).unwrap_or(default_project));
    let allow_incomplete = use_state(|| false);
    let status = use_state(|| None::<String>);
    let problems = use_state(Vec::<String>::new);
    let too_long = use_state(|| None::<String>);

    // Builds the request now; on failure lists every problem and gives nothing.
    let build = {
        let catalog = props.catalog.clone();
        let scope = props.scope.clone();
        let allow_incomplete = allow_incomplete.clone();
        let problems = problems.clone();
        move || -> Option<SowRequest> {
            let generated_at = match Timestamp::parse(&effects::now_timestamp()) {
                Ok(t) => t,
                Err(error) => {
                    problems.set(vec![format!("The clock value could not be used: {error}")]);
                    return None;
                }
            };
            let options = SowRequestOptions {
                generated_at,
                allow_incomplete: *allow_incomplete,
                signed_on: None,
            };
            match sow_request(&catalog, &scope, &options) {
                Ok(request) => {
                    problems.set(Vec::new());
                    Some(request)
                }
                Err(error) => {
                    problems.set(error.errors.iter().map(ToString::to_string).collect());
                    None
                }
            }
        }
    };

    let on_json = {
        let build = build.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(request) = build() {
                let mut json = request.to_json_pretty();
                json.push('\n');
                let message = if effects::download("sow-request.json", "application/json", &json) {
                    "The SOW request is downloading as sow-request.json."
                } else {
                    "The browser did not start the download."
                };
                status.set(Some(message.to_string()));
            }
        })
    };
    let on_copy = {
        let build = build.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(request) = build() {
                let status = status.clone();
                let markdown = request.gitlab.description_with_quick_actions();
                effects::copy_text(&markdown, move |ok| {
                    status.set(Some(
                        if ok {
                            "The issue’s Markdown is copied: paste it as the description of a new issue."
                        } else {
                            "The browser did not allow copying."
                        }
                        .to_string(),
                    ));
                });
            }
        })
    };
    let on_open = {
        let build = build.clone();
        let status = status.clone();
        let problems = problems.clone();
        let project = project.clone();
        let too_long = too_long.clone();
        Callback::from(move |_: MouseEvent| {
            let target = match GitLabProject::parse(project.trim()) {
                Ok(target) => target,
                Err(error) => {
                    problems.set(vec![format!("GitLab project: {error}")]);
                    return;
                }
            };
            let Some(request) = build() else { return };
            let app = effects::page_address();
            match new_issue_link(&target, &request, Some(&app)) {
                NewIssueLink::Link(link) => {
                    too_long.set(None);
                    let message = if effects::open_in_new_tab(&link) {
                        "GitLab’s new-issue form opened in a new tab, filled in, with a share link back to the whole scope."
                    } else {
                        "The browser blocked the new tab; allow pop-ups for this page, or copy the Markdown instead."
                    };
                    status.set(Some(message.to_string()));
                }
                NewIssueLink::TooLong {
                    length,
                    link,
                    markdown,
                } => {
                    let opened = effects::open_in_new_tab(&link);
                    let title = request.gitlab.title.clone();
                    let status = status.clone();
                    effects::copy_text(&markdown, move |copied| {
                        let tab = if opened {
                            format!(
                                "GitLab’s new-issue form opened in a new tab with the title “{title}”"
                            )
                        } else {
                            format!(
                                "The browser blocked the new tab; open a new issue titled “{title}”"
                            )
                        };
                        let paste = if copied {
                            "the full description is on the clipboard: paste it as the description."
                        } else {
                            "copy the Markdown below and paste it as the description."
                        };
                        status.set(Some(format!(
                            "This request is too long for a prefilled link ({length} characters; GitLab reliably takes {}). {tab}; {paste}",
                            scopecraft::MAX_NEW_ISSUE_LINK
                        )));
                    });
                    too_long.set(Some(markdown));
                }
            }
        })
    };
    let on_copy_long = {
        let too_long = too_long.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(markdown) = &*too_long {
                let status = status.clone();
                effects::copy_text(markdown, move |ok| {
                    status.set(Some(
                        if ok {
                            "Copied."
                        } else {
                            "The browser did not allow copying."
                        }
                        .to_string(),
                    ));
                });
            }
        })
    };
    let on_draft = {
        let catalog = props.catalog.clone();
        let scope = props.scope.clone();
        let status = status.clone();
        let problems = problems.clone();
        Callback::from(move |_: MouseEvent| match sow_draft(&catalog, &scope) {
            Ok(draft) => {
                let opened = effects::open_html_document(&draft.to_html());
                problems.set(Vec::new());
                status.set(Some(
                    if opened {
                        "The SOW draft opened in a new tab, ready to print."
                    } else {
                        "The browser blocked the new tab; allow pop-ups for this page."
                    }
                    .to_string(),
                ));
            }
            Err(error) => problems.set(error.errors.iter().map(ToString::to_string).collect()),
        })
    };
    let on_draft_file = {
        let catalog = props.catalog.clone();
        let scope = props.scope.clone();
        let status = status.clone();
        let problems = problems.clone();
        Callback::from(move |_: MouseEvent| match sow_draft(&catalog, &scope) {
            Ok(draft) => {
                let saved = effects::download("sow-draft.html", "text/html", &draft.to_html());
                problems.set(Vec::new());
                status.set(Some(
                    if saved {
                        "The SOW draft is downloading as sow-draft.html; open it to print it with its layout."
                    } else {
                        "The browser did not start the download."
                    }
                    .to_string(),
                ));
            }
            Err(error) => problems.set(error.errors.iter().map(ToString::to_string).collect()),
        })
    };
    let on_project = {
        let project = project.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let value = input.value();
            effects::store(GITLAB_PROJECT_KEY, value.trim());
            project.set(value);
        })
    };
    let on_allow = {
        let allow_incomplete = allow_incomplete.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            allow_incomplete.set(input.checked());
        })
    };
    html! {
        <section class="panel sow-request" aria-labelledby="sow-heading">
            <h2 id="sow-heading">{ "SOW request" }</h2>
            <p class="help">
                { "Files the scope with the professional services team: customer, requester, answers, quote, approvals and plan." }
            </p>
            <div class="field">
                <label for="gitlab-project">{ "GitLab project for SOW requests" }</label>
                <input id="gitlab-project" type="url" spellcheck="false" autocomplete="url"
                    placeholder="https://gitlab.com/group/project"
                    value={(*project).clone()} oninput={on_project} />
                <p class="help">{ "Remembered in this browser." }</p>
            </div>
            <div class="check field-check">
                <input id="sow-allow-incomplete" type="checkbox" checked={*allow_incomplete} onchange={on_allow} />
                <label for="sow-allow-incomplete">{ "Send with required answers still to do" }</label>
            </div>
            <div class="button-row">
                <button type="button" class="button button-primary" id="open-in-gitlab" onclick={on_open}>
                    { "Open in GitLab" }
                </button>
                <button type="button" class="button" id="copy-issue-markdown" onclick={on_copy}>
                    { "Copy issue Markdown" }
                </button>
                <button type="button" class="button" id="download-sow-request" onclick={on_json}>
                    { "Download SOW request (JSON)" }
                </button>
                <button type="button" class="button" id="open-sow-draft" onclick={on_draft}>
                    { "Open SOW draft" }
                </button>
                <button type="button" class="button" id="download-sow-draft" onclick={on_draft_file}>
                    { "Download SOW draft" }
                </button>
            </div>
            if let Some(message) = &*status {
                <p class="export-status" role="status">{ message.clone() }</p>
            }
            if too_long.is_some() {
                <button type="button" class="button" id="copy-long-markdown" onclick={on_copy_long}>
                    { "Copy the Markdown" }
                </button>
            }
            if !problems.is_empty() {
                <div class="notice notice-error" role="alert" id="sow-problems">
                    <p>{ "The SOW request needs these first:" }</p>
                    <ul>
                        for problem in problems.iter() {
                            <li>{ problem.clone() }</li>
                        }
                    </ul>
                </div>
            }
        </section>
    }
}
