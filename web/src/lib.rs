//! The Scopecraft browser quoting tool: a Yew app over `scopecraft` (the core crate).
//!
//! - [`state`]: the app state and its actions (one reducer); [`route`]: the URL hash.
//! - [`catalog_filter`], [`catalog_text`] and [`offering_view`]: what the catalog shows, as
//!   plain functions; [`first_screen`]: the catalog page as HTML, written at build time for
//!   the first-load module (`src/bin/scopecraft-shell.rs`);
//!   [`analysis`]: what the core says about the scope (completeness, quote, recommendations).
//! - [`components`]: one component per file; [`hooks`]: the custom hooks;
//!   [`item_edit`]: a line editor's change to a scope item, checked by the core first.
//! - [`saves`]: what the browser keeps between visits (keys, reading saves back);
//!   [`notices`]: the notices above the page.
//! - [`effects`]: everything that touches the browser (URL, clock, storage, focus, service
//!   worker, failure panel).
//!
//! Every number shown comes from the core crate, which also formats prices. Catalog text is
//! untrusted and only ever rendered as text nodes.

pub mod analysis;
pub mod catalog_file;
pub mod catalog_filter;
pub mod catalog_text;
pub mod components;
pub mod effects;
pub mod first_screen;
pub mod hooks;
pub mod item_edit;
pub mod notices;
pub mod offering_view;
pub mod route;
pub mod saves;
pub mod state;

pub use components::{App, AppProps};

use scopecraft::Catalog;
use state::SharedCatalog;

/// The catalog `build.rs` baked in: the public projection of `SCOPECRAFT_CATALOG` (default
/// the GitLab catalog), or the full catalog when built with `SCOPECRAFT_BUILD=internal`.
const BUILT_IN_CATALOG: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

/// Which projection the built-in catalog is: `public`, or `full` in the internal build.
pub const BUILT_IN_PROJECTION: &str = env!("SCOPECRAFT_PROJECTION");

/// Mounts the app on the `#app` element that `index.html` provides, with the embedded GitLab
/// catalog and what earlier visits saved, then registers the service worker that keeps it
/// offline. A catalog that does not load, or a panic later, shows a failure panel instead.
pub fn start() {
    effects::show_failure_on_panic();
    let Some(root) = effects::mount_point() else {
        return;
    };
    match Catalog::from_linted_json(BUILT_IN_CATALOG) {
        Ok(catalog) => {
            root.set_text_content(None);
            let saves = hooks::load_saves();
            let props = AppProps {
                catalog: SharedCatalog::new(catalog),
                opened_catalog: saves.catalog.map(SharedCatalog::new),
                scope: saves.scope,
                mode: saves.mode,
                autosave: true,
                notices: saves.notices,
            };
            yew::Renderer::<App>::with_root_and_props(root, props).render();
            effects::register_service_worker();
        }
        Err(error) => effects::show_failure(
            "The catalog could not be loaded",
            &format!("The services catalog built into this page is invalid: {error}"),
        ),
    }
}
