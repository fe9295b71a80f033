//! Reading a catalog the user opens, in the page's words: the core opens the file (our own
//! TOML or JSON, or GitLab's `services.yml` through its importer); this turns what it found
//! into the loaded catalog with the importer's warnings, or the problems to list, one per
//! line.

use scopecraft::{Catalog, CatalogError};

/// A catalog read from a file, with what the importer skipped or changed.
#[derive(Debug, Clone)]
pub struct OpenedCatalog {
    /// The checked catalog.
    pub catalog: Catalog,
    /// Import warnings (GitLab's `services.yml` only), one per line.
    pub warnings: Vec<String>,
}

/// Reads `text` as a catalog with [`scopecraft::open_catalog`]. On failure, every problem,
/// one per entry.
pub fn open_catalog(file_name: &str, text: &str) -> Result<OpenedCatalog, Vec<String>> {
    let opened = scopecraft::open_catalog(file_name, text).map_err(|e| vec![e.to_string()])?;
    let catalog = opened.catalog.map_err(problems)?;
    Ok(OpenedCatalog {
        catalog,
        warnings: opened.warnings.iter().map(ToString::to_string).collect(),
    })
}

fn problems(error: CatalogError) -> Vec<String> {
    match error {
        CatalogError::Lint(issues) => issues.iter().map(ToString::to_string).collect(),
        other => vec![other.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../tests/fixtures/small-catalog.toml");

    #[test]
    fn reads_toml_and_json_catalogs() {
        let opened = open_catalog("small.toml", SMALL).expect("the fixture loads");
        assert_eq!(opened.catalog.data().id, "small-test");
        assert!(opened.warnings.is_empty());
        let json = opened.catalog.to_canonical_json();
        let again = open_catalog("small.json", &json).expect("its JSON form loads");
        assert_eq!(again.catalog.hash(), opened.catalog.hash());
    }

    #[test]
    fn broken_catalogs_list_every_problem() {
        let broken = SMALL.replace("sku = \"TR-GIT\"\n", "sku = \"TR-GIT-R\"\n");
        let problems = open_catalog("small.toml", &broken).expect_err("duplicate SKU");
        assert!(!problems.is_empty());
        assert!(
            problems.iter().any(|p| p.contains("TR-GIT-R")),
            "{problems:?}"
        );
        let syntax = open_catalog("x.toml", "this is = = not toml").expect_err("syntax");
        assert_eq!(syntax.len(), 1);
        assert!(syntax[0].starts_with("x.toml"), "{syntax:?}");
    }

    #[test]
    fn gitlab_services_yaml_is_imported_with_warnings() {
        let yaml = "- id: demo_class\n  name: Demo class\n  short_desc: A <b>demo</b>.\n  category: Education\n  price: \"$1,000\"\n  unit: session\n  sku: GL-DEMO\n- id: no_sku\n  name: Nameless price\n  category: Education\n  price: 500\n  sku: #TODO\n";
        let opened = open_catalog("services.yml", yaml).expect("imports");
        let demo = opened.catalog.offering("GL-DEMO").expect("imported");
        assert_eq!(demo.summary, "A demo.");
        assert!(
            !opened.warnings.is_empty(),
            "the price and HTML are reported"
        );
        let refused = open_catalog("services.yaml", "not: [a list").expect_err("not YAML");
        assert_eq!(refused.len(), 1);
    }
}
