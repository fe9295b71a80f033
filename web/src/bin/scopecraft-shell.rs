//! The first-load module: the only WebAssembly the page fetches before the catalog can be
//! used. It shows the catalog page `build.rs` wrote (`src/first_screen.rs`) and nothing else:
//! no catalog parsing, no pricing, no Yew. `boot.js` then fetches the full app
//! (`src/main.rs`), which replaces this page with the same one, live.
//!
//! It stands aside, leaving the loading message to the full app, when the page it holds
//! might not be the one the visitor would see: another route than the catalog, a saved scope
//! (which may pick another currency) or a catalog opened from a file on an earlier visit.

use scopecraft_web::route::Route;
use scopecraft_web::saves::{CATALOG_KEY, SCOPE_KEY};

/// The catalog page, written at build time; empty when it depends on the day.
const FIRST_SCREEN: &str = include_str!(concat!(env!("OUT_DIR"), "/first-screen.html"));

fn main() {
    // Showing nothing is always safe: the full app follows.
    let _shown = show();
}

fn show() -> Option<()> {
    if FIRST_SCREEN.is_empty() {
        return None;
    }
    let window = web_sys::window()?;
    if Route::from_hash(&window.location().hash().ok()?) != Route::Catalog {
        return None;
    }
    if let Ok(Some(storage)) = window.local_storage() {
        for key in [SCOPE_KEY, CATALOG_KEY] {
            if storage.get_item(key).ok().flatten().is_some() {
                return None;
            }
        }
    }
    let root = window.document()?.get_element_by_id("app")?;
    root.set_inner_html(FIRST_SCREEN);
    Some(())
}
