//! `scopecraft share encode SCOPE` and `scopecraft share decode LINK`.

use scopecraft::share;

use crate::Failure;
use crate::input::{self, display_name};
use crate::quote_cmd::{read_scope, refused};

/// Prints the share link for a scope, made with the given (or embedded) catalog.
pub(crate) fn encode(scope_path: &str, catalog_path: Option<&str>) -> Result<(), Failure> {
    let catalog = input::catalog(catalog_path)?;
    let scope = read_scope(scope_path)?;
    let link = share::encode(&scope, &catalog.reference()).map_err(|e| match e {
        scopecraft::ShareError::InvalidScope(errors) => {
            refused(&display_name(scope_path), "scope", &errors.errors)
        }
        other => Failure(format!("error: {}: {other}", display_name(scope_path))),
    })?;
    println!("{link}");
    Ok(())
}

/// Prints the scope inside a share link as pretty JSON; says on stderr when the link was made
/// with another catalog than the given (or embedded) one.
pub(crate) fn decode(link: &str, catalog_path: Option<&str>) -> Result<(), Failure> {
    let link = if link == "-" {
        input::read_text("-")?
    } else {
        link.to_string()
    };
    let shared = share::decode(link.trim()).map_err(|e| Failure(format!("error: {e}")))?;
    let catalog = input::catalog(catalog_path)?;
    if !shared.made_with(catalog.hash()) {
        let made = &shared.catalog;
        let ours = catalog.reference();
        eprintln!(
            "warning: the link was made with catalog {} {} (sha256 {}); this is {} {} (sha256 {}): \
             prices may differ",
            made.id,
            made.version,
            made.hash.get(..12).unwrap_or(&made.hash),
            ours.id,
            ours.version,
            ours.hash.get(..12).unwrap_or(&ours.hash),
        );
    }
    println!("{}", shared.scope.to_json_pretty());
    Ok(())
}
