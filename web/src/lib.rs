//! The Scopecraft browser quoting tool: a Yew app over `scopecraft` (the core crate).
//!
//! This crate owns every effect (storage, clipboard, downloads, the URL); every number it
//! shows comes from the core crate.

pub mod catalog_filter;
pub mod offering_view;
pub mod route;
pub mod state;

use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    html! {
        <main>
            <h1>{ "Scopecraft" }</h1>
            <p>{ "Professional services quoting." }</p>
        </main>
    }
}

/// Mounts the app on the `#app` element that `index.html` provides.
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    if let Some(root) = root {
        root.set_text_content(None);
        yew::Renderer::<App>::with_root(root).render();
    }
}
