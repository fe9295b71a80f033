//! What this browser keeps between visits, as plain data: the local-storage keys, reading a
//! stored scope or catalog back, and where a save that cannot be read is set aside. Pure: the
//! storage itself is read and written in [`crate::effects`], through [`crate::hooks`].

use std::rc::Rc;

use scopecraft::{Catalog, Scope};

use crate::catalog_file::open_catalog;

/// Where the scope is saved.
pub const SCOPE_KEY: &str = "scopecraft.scope";
/// Where the mode is saved.
pub const MODE_KEY: &str = "scopecraft.mode";
/// Where a catalog opened from a file is kept (its canonical JSON).
pub const CATALOG_KEY: &str = "scopecraft.catalog";
/// The build that ran last in this browser (to say when a new version arrived).
pub const BUILD_KEY: &str = "scopecraft.build";

/// A thing the app saves and reads back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The scope.
    Scope,
    /// A catalog opened from a file.
    Catalog,
}

impl Saved {
    /// Its local-storage key.
    pub fn key(self) -> &'static str {
        match self {
            Saved::Scope => SCOPE_KEY,
            Saved::Catalog => CATALOG_KEY,
        }
    }

    /// The file name its unreadable text downloads as.
    pub fn unreadable_file_name(self) -> &'static str {
        match self {
            Saved::Scope => "unreadable-scope.json",
            Saved::Catalog => "unreadable-catalog.json",
        }
    }
}

/// A save this version of the app could not read (damaged, or written by a newer version):
/// kept as it was, never written over without the user's say.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableSave {
    /// What it was.
    pub what: Saved,
    /// Its text, exactly as stored.
    pub text: Rc<str>,
    /// Why it could not be read (the core's words).
    pub reason: String,
    /// The key it was moved to. `None` when the browser refused to store the copy: the text
    /// is then still under [`Saved::key`], and nothing is written there until the user closes
    /// the notice.
    pub kept_under: Option<String>,
}

/// Reads a stored scope; the error is the core's reason.
pub fn read_scope(text: &str) -> Result<Scope, String> {
    Scope::from_json(text).map_err(|error| error.to_string())
}

/// Reads a stored catalog (checked again by the core, like any opened file); the error lists
/// every problem, one per line.
pub fn read_catalog(text: &str) -> Result<Catalog, String> {
    open_catalog("saved-catalog.json", text)
        .map(|opened| opened.catalog)
        .map_err(|problems| problems.join("\n"))
}

/// The key an unreadable save moves to: `<key>.unreadable.<stamp>`, or with `.2`, `.3`…
/// appended when that key is `taken` already.
pub fn set_aside_key(what: Saved, stamp: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{}.unreadable.{stamp}", what.key());
    if !taken(&base) {
        return base;
    }
    (2_u32..)
        .map(|n| format!("{base}.{n}"))
        .find(|key| !taken(key))
        .unwrap_or(base)
}

/// Whether `current` is a new build for this browser: another build ran here before.
pub fn is_new_build(previous: Option<&str>, current: &str) -> bool {
    previous.is_some_and(|previous| !previous.is_empty() && previous != current)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../tests/fixtures/small-catalog.toml");

    #[test]
    fn a_scope_reads_back_or_says_why_not() {
        let scope = Scope {
            notes: "Hello".into(),
            ..Scope::default()
        };
        assert_eq!(read_scope(&scope.to_json()), Ok(scope));
        let damaged = read_scope("{\"items\": [").expect_err("cut short");
        assert!(damaged.contains("not valid JSON"), "{damaged}");
        let newer = read_scope("{\"format\": 2, \"items\": []}").expect_err("a newer field");
        assert!(newer.contains("format"), "{newer}");
    }

    #[test]
    fn a_catalog_reads_back_from_its_canonical_json() {
        let catalog = scopecraft::load_catalog("small.toml", SMALL).expect("fixture");
        let again = read_catalog(&catalog.to_canonical_json()).expect("reads back");
        assert_eq!(again.hash(), catalog.hash());
        let refused = read_catalog("{\"format\": 1").expect_err("damaged");
        assert!(refused.contains("saved-catalog.json"), "{refused}");
    }

    #[test]
    fn unreadable_saves_move_to_a_free_key() {
        let stamp = "2026-03-31T09:30:00Z";
        let free = set_aside_key(Saved::Scope, stamp, |_| false);
        assert_eq!(free, "scopecraft.scope.unreadable.2026-03-31T09:30:00Z");
        let taken = [free.clone(), format!("{free}.2")];
        let next = set_aside_key(Saved::Scope, stamp, |key| taken.iter().any(|t| t == key));
        assert_eq!(next, format!("{free}.3"));
        assert_eq!(
            set_aside_key(Saved::Catalog, "x", |_| false),
            "scopecraft.catalog.unreadable.x"
        );
    }

    #[test]
    fn a_new_build_is_one_that_follows_another() {
        assert!(!is_new_build(None, "abc"), "a first visit");
        assert!(!is_new_build(Some("abc"), "abc"));
        assert!(!is_new_build(Some(""), "abc"));
        assert!(is_new_build(Some("abc"), "def"));
    }
}
