//! Where the customer is in the app, as written in the URL's hash: `#/` for the catalog,
//! `#/offering/GL-CICD-R` for one offering and `#/scope` for the scope and its quote. Hash routing needs no server and makes no request.
//!
//! Parsing and writing are pure; reading and watching the real URL is in [`crate::effects`].

use scopecraft::{percent_decode, percent_encode};

/// A place in the app.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// The catalog: every offering, grouped by category.
    #[default]
    Catalog,
    /// One offering's detail, by SKU.
    Offering(String),
    /// The scope: questionnaire, recommendations, quote and export.
    Scope,
    /// A share link (`#/share/s1.…`): a whole scope packed by the core, opened into the scope.
    Share(String),
}

const OFFERING_PREFIX: &str = "/offering/";
const SCOPE_PATH: &str = "/scope";
const SHARE_PREFIX: &str = "/share/";

impl Route {
    /// Reads a URL hash (`#/offering/GL-CICD-R`, with or without the `#`). Anything unknown is
    /// the catalog, so a stale or mistyped link still shows something useful.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        if path == SCOPE_PATH {
            return Route::Scope;
        }
        if let Some(link) = path.strip_prefix(SHARE_PREFIX) {
            return Route::Share(percent_decode(link));
        }
        match path.strip_prefix(OFFERING_PREFIX) {
            Some(sku) if !sku.is_empty() => Route::Offering(percent_decode(sku)),
            _ => Route::Catalog,
        }
    }

    /// The `href` of a link to this place (`#/offering/MIG%2B` keeps every SKU intact).
    pub fn href(&self) -> String {
        match self {
            Route::Catalog => "#/".to_string(),
            Route::Offering(sku) => format!("#{OFFERING_PREFIX}{}", percent_encode(sku)),
            Route::Scope => format!("#{SCOPE_PATH}"),
            Route::Share(link) => format!("#{SHARE_PREFIX}{}", percent_encode(link)),
        }
    }

    /// The link to an offering's detail.
    pub fn offering_href(sku: &str) -> String {
        Route::Offering(sku.to_string()).href()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_catalog_and_offering_routes() {
        assert_eq!(Route::from_hash(""), Route::Catalog);
        assert_eq!(Route::from_hash("#"), Route::Catalog);
        assert_eq!(Route::from_hash("#/"), Route::Catalog);
        assert_eq!(Route::from_hash("#/nowhere"), Route::Catalog);
        assert_eq!(Route::from_hash("#/offering/"), Route::Catalog);
        assert_eq!(
            Route::from_hash("#/offering/GL-CICD-R"),
            Route::Offering("GL-CICD-R".into())
        );
        assert_eq!(
            Route::from_hash("/offering/GL-CICD-R"),
            Route::Offering("GL-CICD-R".into())
        );
    }

    #[test]
    fn links_round_trip_every_sku() {
        for sku in ["GL-CICD-R", "MIG+", "A B/C%D", "Ünïcode", "x%zz"] {
            let href = Route::offering_href(sku);
            assert!(
                href.bytes().all(|b| b.is_ascii_graphic()),
                "{href} is not URL-safe"
            );
            assert_eq!(Route::from_hash(&href), Route::Offering(sku.into()));
        }
        assert_eq!(Route::offering_href("MIG+"), "#/offering/MIG%2B");
        assert_eq!(Route::Catalog.href(), "#/");
        assert_eq!(Route::Scope.href(), "#/scope");
        assert_eq!(Route::from_hash("#/scope"), Route::Scope);
        assert_eq!(Route::from_hash("#/scope/extra"), Route::Catalog);
        let share = Route::Share("s1.AbC-_9".into());
        assert_eq!(share.href(), "#/share/s1.AbC-_9");
        assert_eq!(Route::from_hash(&share.href()), share);
    }

    #[test]
    fn malformed_escapes_are_kept() {
        assert_eq!(
            Route::from_hash("#/offering/100%"),
            Route::Offering("100%".into())
        );
        assert_eq!(
            Route::from_hash("#/offering/%4"),
            Route::Offering("%4".into())
        );
    }
}
