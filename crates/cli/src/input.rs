//! Reading files and standard input, and loading catalogs.

use std::io::Read;

use scopecraft::{Catalog, open_catalog};

use crate::Failure;

/// Largest input read, in bytes (larger files are refused before parsing).
const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads `path` (or stdin for `-`) as UTF-8 text.
pub(crate) fn read_text(path: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let name = display_name(path);
    let result = if path == "-" {
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
    };
    result.map_err(|e| Failure(format!("{name}: cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Failure(format!(
            "{name}: larger than {MAX_INPUT_BYTES} bytes; refusing to read it"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{name}: not valid UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

pub(crate) fn display_name(path: &str) -> String {
    if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    }
}

/// The catalog named by `--catalog`, or the embedded GitLab catalog. GitLab's `services.yml`
/// is imported on the fly (its warnings go to stderr).
pub(crate) fn catalog(path: Option<&str>) -> Result<Catalog, Failure> {
    let Some(path) = path else {
        return Ok(Catalog::gitlab()?);
    };
    let text = read_text(path)?;
    let name = display_name(path);
    let opened = open_catalog(&name, &text).map_err(|e| Failure(format!("{name}: {e}")))?;
    for warning in &opened.warnings {
        eprintln!("warning: {name}: {warning}");
    }
    Ok(opened.catalog?)
}
