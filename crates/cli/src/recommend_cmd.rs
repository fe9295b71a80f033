//! `scopecraft recommend SCOPE`: the catalog's scoping rules applied to a scope, as JSON.

use scopecraft::recommend;

use crate::Failure;
use crate::input;
use crate::quote_cmd::with_scope;

/// Prints the recommendations as pretty JSON; a scope with invalid answers or items is
/// refused with every problem on stderr.
pub(crate) fn recommend_cmd(scope_path: &str, catalog_path: Option<&str>) -> Result<(), Failure> {
    let catalog = input::catalog(catalog_path)?;
    let (_, result) = with_scope(scope_path, &catalog, "scope", |scope| {
        recommend(&catalog, scope).map_err(|e| e.errors)
    })?;
    println!("{}", serde_json::to_string_pretty(&result)?);
    Ok(())
}
