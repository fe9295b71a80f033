use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::catalog_file::open_catalog;
use crate::effects;
use crate::state::{Action, SharedCatalog};

/// Which catalog is active, and the one built into the page.
#[derive(Properties, PartialEq)]
pub struct CatalogLoaderProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The catalog built into the page.
    pub builtin: SharedCatalog,
    /// Receives [`Action::ReplaceCatalog`].
    pub on_action: Callback<Action>,
}

/// Opens another catalog from a file (our TOML or JSON, or GitLab's `services.yml`), shows
/// the core's lint errors or import warnings, and keeps the active catalog when the file is
/// refused. Everything stays in the browser.
#[component]
pub fn CatalogLoader(props: &CatalogLoaderProps) -> Html {
    let status = use_state(|| None::<String>);
    let problems = use_state(Vec::<String>::new);
    let warnings = use_state(Vec::<String>::new);
    let on_file = {
        let status = status.clone();
        let problems = problems.clone();
        let warnings = warnings.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let status = status.clone();
            let problems = problems.clone();
            let warnings = warnings.clone();
            let on_action = on_action.clone();
            effects::read_chosen_file(&input, move |file| {
                let Some((name, text)) = file else {
                    status.set(Some("The file could not be read.".to_string()));
                    return;
                };
                match open_catalog(&name, &text) {
                    Ok(opened) => {
                        let data = opened.catalog.data();
                        status.set(Some(format!(
                            "Now showing {} (version {}) from {name}: {} offerings.",
                            data.name,
                            data.version,
                            opened.catalog.offerings().len()
                        )));
                        problems.set(Vec::new());
                        warnings.set(opened.warnings);
                        on_action.emit(Action::ReplaceCatalog(SharedCatalog::new(opened.catalog)));
                    }
                    Err(list) => {
                        status.set(Some(format!(
                            "{name} was not loaded; the catalog shown is unchanged."
                        )));
                        warnings.set(Vec::new());
                        problems.set(list);
                    }
                }
            });
        })
    };
    let builtin = props.catalog == props.builtin;
    let on_reset = {
        let builtin = props.builtin.clone();
        let status = status.clone();
        let warnings = warnings.clone();
        props.on_action.reform(move |_: MouseEvent| {
            status.set(Some("Back to the built-in catalog.".to_string()));
            warnings.set(Vec::new());
            Action::ReplaceCatalog(builtin.clone())
        })
    };
    html! {
        <section class="panel catalog-loader" aria-labelledby="catalog-loader-heading">
            <h2 id="catalog-loader-heading">{ "Use another catalog" }</h2>
            <p class="help">
                { "Open a catalog file (TOML or JSON) or GitLab’s services.yml. It is checked in your browser and never uploaded." }
            </p>
            <div class="file-field">
                <label for="open-catalog">{ "Catalog file" }</label>
                <input type="file" id="open-catalog" accept=".toml,.json,.yml,.yaml" onchange={on_file} />
            </div>
            if !builtin {
                <button type="button" class="button" id="builtin-catalog" onclick={on_reset}>
                    { "Back to the built-in catalog" }
                </button>
            }
            if let Some(message) = &*status {
                <p class="export-status" role="status">{ message.clone() }</p>
            }
            if !problems.is_empty() {
                <div class="notice notice-error" role="alert" id="catalog-problems">
                    <p>{ "Problems found:" }</p>
                    <ul>
                        for problem in problems.iter() {
                            <li>{ problem.clone() }</li>
                        }
                    </ul>
                </div>
            }
            if !warnings.is_empty() {
                <details class="notice notice-warning" id="catalog-warnings">
                    <summary>{ format!("{} import warnings", warnings.len()) }</summary>
                    <ul>
                        for warning in warnings.iter() {
                            <li>{ warning.clone() }</li>
                        }
                    </ul>
                </details>
            }
        </section>
    }
}
