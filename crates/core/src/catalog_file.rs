//! Opening a catalog file someone hands over: Scopecraft's own TOML or JSON catalog (told
//! apart by content), or GitLab's `services.yml` (told by its `.yml` / `.yaml` name), which
//! goes through the importer first. The CLI and the web app both open files this way.

use crate::catalog::{self, Catalog, CatalogData, CatalogError};
use crate::import::{ImportError, ImportWarning, import_gitlab_services};

/// What opening a catalog file found.
#[derive(Debug, Clone)]
pub struct OpenedCatalog {
    /// The checked catalog, or why it is refused: a syntax error or every broken rule.
    pub catalog: Result<Catalog, CatalogError>,
    /// The parsed data when the catalog is refused but the file parsed (for pointing at
    /// the entries that break rules); `None` otherwise.
    pub data: Option<CatalogData>,
    /// What the importer skipped or changed (GitLab's `services.yml` only), in file order.
    pub warnings: Vec<ImportWarning>,
}

/// Whether the file name says GitLab's `services.yml` (`.yml` / `.yaml`, any case).
pub fn is_gitlab_services_file(file_name: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    lower.ends_with(".yml") || lower.ends_with(".yaml")
}

/// Reads `text`, named `file_name` in messages, as a catalog. Fails only when a
/// `services.yml` is not YAML the importer reads; every other problem is in
/// [`OpenedCatalog::catalog`].
pub fn open_catalog(file_name: &str, text: &str) -> Result<OpenedCatalog, ImportError> {
    if is_gitlab_services_file(file_name) {
        let import = import_gitlab_services(text)?;
        let catalog = import.catalog.clone().into_catalog();
        let data = catalog.is_err().then_some(import.catalog);
        return Ok(OpenedCatalog {
            catalog,
            data,
            warnings: import.warnings,
        });
    }
    let catalog = catalog::load(file_name, text);
    let data = match &catalog {
        Err(CatalogError::Lint(_)) => catalog::parse(file_name, text).ok().map(|(data, _)| data),
        _ => None,
    };
    Ok(OpenedCatalog {
        catalog,
        data,
        warnings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::GITLAB_CATALOG_TOML;

    const YAML: &str = "- id: demo_class\n  name: Demo class\n  short_desc: A <b>demo</b>.\n  category: Education\n  price: \"$1,000\"\n  unit: session\n  sku: GL-DEMO\n";

    #[test]
    fn services_files_are_told_by_their_name() {
        for name in ["services.yml", "SERVICES.YAML", "a.b.yaml"] {
            assert!(is_gitlab_services_file(name), "{name}");
        }
        for name in ["catalog.toml", "catalog.json", "yml", "services.yml.toml"] {
            assert!(!is_gitlab_services_file(name), "{name}");
        }
    }

    #[test]
    fn toml_and_json_catalogs_open_without_warnings() {
        let opened = open_catalog("gitlab.toml", GITLAB_CATALOG_TOML).expect("not YAML");
        let catalog = opened.catalog.expect("the embedded catalog loads");
        assert!(opened.data.is_none() && opened.warnings.is_empty());
        let json = catalog.to_canonical_json();
        let again = open_catalog("catalog.json", &json).expect("not YAML");
        assert_eq!(again.catalog.expect("loads").hash(), catalog.hash());
    }

    #[test]
    fn a_refused_catalog_keeps_its_data_and_a_syntax_error_has_none() {
        let gitlab = Catalog::gitlab().expect("loads");
        let (first, second) = (&gitlab.offerings()[0].sku, &gitlab.offerings()[1].sku);
        let broken = GITLAB_CATALOG_TOML.replacen(
            &format!("sku = \"{second}\""),
            &format!("sku = \"{first}\""),
            1,
        );
        let opened = open_catalog("gitlab.toml", &broken).expect("not YAML");
        assert!(matches!(opened.catalog, Err(CatalogError::Lint(_))));
        assert!(opened.data.is_some(), "the data parsed");

        let syntax = open_catalog("x.toml", "this is = = not toml").expect("not YAML");
        assert!(matches!(syntax.catalog, Err(CatalogError::Syntax { .. })));
        assert!(syntax.data.is_none());
    }

    #[test]
    fn services_yaml_is_imported_with_its_warnings() {
        let opened = open_catalog("services.yml", YAML).expect("imports");
        let catalog = opened.catalog.expect("checks");
        assert_eq!(
            catalog.offering("GL-DEMO").expect("imported").summary,
            "A demo."
        );
        assert!(
            !opened.warnings.is_empty(),
            "the price and HTML are reported"
        );
        assert!(opened.data.is_none());
        assert!(open_catalog("services.yaml", "not: [a list").is_err());
    }
}
