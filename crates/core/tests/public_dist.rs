//! The public site ships none of the seller's internal data: every file of a built `dist/`
//! (the wasm as raw bytes included) is searched for every internal string of the catalog
//! (each internal note, each approval rule's reason, each cost rate as a catalog file writes
//! it), and any hit fails, listed.
//!
//! Runs only when `SCOPECRAFT_DIST` names the built site (`cargo xtask test` sets it after
//! the release build); the catalog is `SCOPECRAFT_CATALOG` (relative to the repository
//! root), default the GitLab catalog, as for the web build.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_public_dist_holds_no_internal_string_of_the_catalog() {
    let Some(dist) = std::env::var_os("SCOPECRAFT_DIST") else {
        eprintln!("SCOPECRAFT_DIST is not set: no built site to search");
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dist = root.join(dist);
    let catalog = match std::env::var_os("SCOPECRAFT_CATALOG").filter(|p| !p.is_empty()) {
        Some(path) => {
            let path = root.join(path);
            let text = std::fs::read_to_string(&path).unwrap();
            scopecraft::load_catalog(&path.display().to_string(), &text).unwrap()
        }
        None => scopecraft::Catalog::gitlab().unwrap(),
    };
    let texts = catalog.data().dropped_by_public_projection().texts();
    assert!(
        !texts.is_empty(),
        "the catalog has internal strings to look for"
    );
    let mut paths = Vec::new();
    files(&dist, &mut paths);
    paths.sort();
    assert!(
        paths
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "wasm")),
        "{} holds a built site (a .wasm file)",
        dist.display()
    );
    let mut hits = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        for text in &texts {
            if contains(&bytes, text.as_bytes()) {
                hits.push(format!("{}: {text:?}", path.display()));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "{} internal string(s) in the public site ({} searched in {} files):\n{}",
        hits.len(),
        texts.len(),
        paths.len(),
        hits.join("\n")
    );
}
