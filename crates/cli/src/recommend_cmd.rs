//! `scopecraft recommend SCOPE`: the catalog's scoping rules applied to a scope, as JSON.

use scopecraft::recommend;

use crate::Failure;
use crate::input::{self, display_name};
use crate::quote_cmd::{read_scope, refused};

/// Prints the recommendations as pretty JSON; a scope with invalid answers or items is
/// refused with every problem on stderr.
pub(crate) fn recommend_cmd(scope_path: &str, catalog_path: Option<&str>) -> Result<(), Failure> {
    let catalog = input::catalog(catalog_path)?;
    let scope = read_scope(scope_path)?;
    let result = recommend(&catalog, &scope)
        .map_err(|e| refused(&display_name(scope_path), "scope", &e.errors))?;
    println!("{}", serde_json::to_string_pretty(&result)?);
    Ok(())
}
