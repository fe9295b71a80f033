//! Bakes the catalog the app embeds, at build time, into `$OUT_DIR/catalog.json`.
//!
//! - `SCOPECRAFT_BUILD`: unset or `public` (the default) embeds the catalog's public
//!   projection, so internal notes, cost rates, approval rules and non-public offerings never
//!   reach the public wasm; `internal` embeds the full catalog (the account executives' build).
//! - `SCOPECRAFT_CATALOG`: the catalog file (TOML or JSON; a relative path is read from the
//!   repository root); default `crates/core/catalogs/gitlab.toml`.
//!
//! The catalog is linted here (and its projection too), so the app skips lint at start-up.
//!
//! It also writes `$OUT_DIR/first-screen.html`, the catalog page the first-load module
//! (`src/bin/scopecraft-shell.rs`) shows before the full app arrives, from the same catalog
//! and with the app's own text functions (included below); empty when the page depends on
//! the day (see `src/first_screen.rs`).

#![allow(unreachable_pub)]

use std::path::PathBuf;
use std::process::exit;

// The app's pure text modules, compiled into this script so the first screen is written by
// the very functions the app runs. Their `pub` is for the app; here they are private
// (`unreachable_pub` is allowed at the top of this file for them).
#[allow(dead_code)]
#[path = "src/catalog_filter.rs"]
mod catalog_filter;
#[allow(dead_code)]
#[path = "src/catalog_text.rs"]
mod catalog_text;
#[path = "src/first_screen.rs"]
mod first_screen;
#[allow(dead_code)]
#[path = "src/offering_view.rs"]
mod offering_view;
#[allow(dead_code)]
#[path = "src/route.rs"]
mod route;

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    exit(1)
}

fn main() {
    println!("cargo:rerun-if-env-changed=SCOPECRAFT_BUILD");
    println!("cargo:rerun-if-env-changed=SCOPECRAFT_CATALOG");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("..");
    let path = match std::env::var_os("SCOPECRAFT_CATALOG").filter(|p| !p.is_empty()) {
        Some(path) => root.join(path),
        None => root.join("crates/core/catalogs/gitlab.toml"),
    };
    println!("cargo:rerun-if-changed={}", path.display());
    let build = std::env::var("SCOPECRAFT_BUILD").unwrap_or_default();
    let internal = match build.as_str() {
        "" | "public" => false,
        "internal" => true,
        other => fail(&format!(
            "SCOPECRAFT_BUILD={other:?}: use `public` (the default) or `internal`"
        )),
    };
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| fail(&format!("cannot read the catalog {}: {e}", path.display())));
    let name = path.file_name().map_or_else(
        || "catalog".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let full = scopecraft::load_catalog(&name, &text).unwrap_or_else(|e| fail(&e.to_string()));
    let catalog = if internal {
        full
    } else {
        full.public()
            .unwrap_or_else(|e| fail(&format!("the public projection of {name} is refused: {e}")))
    };
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let out = out_dir.join("catalog.json");
    std::fs::write(&out, catalog.to_canonical_json())
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
    let page = first_screen::catalog_page_html(&catalog).unwrap_or_default();
    let out = out_dir.join("first-screen.html");
    std::fs::write(&out, page)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
    for source in [
        "catalog_filter",
        "catalog_text",
        "first_screen",
        "offering_view",
        "route",
    ] {
        println!("cargo:rerun-if-changed=src/{source}.rs");
    }
    println!(
        "cargo:rustc-env=SCOPECRAFT_PROJECTION={}",
        catalog.projection().as_str()
    );
}
