//! `scopecraft catalog check | import-gitlab | show` (`check --format json | codequality` is
//! in `catalog_check_report`).

use scopecraft::{
    Catalog, Currency, GITLAB_CATALOG_TOML, import_gitlab_services, list_price, open_catalog,
};
use serde_json::json;

use crate::Failure;
use crate::input::{self, display_name};
use crate::table::Table;

/// What `catalog check` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CheckFormat {
    /// A summary on stdout, or every problem on stderr.
    Text,
    /// The problems as JSON on stdout.
    Json,
    /// GitLab's Code Quality report (a JSON array) on stdout.
    Codequality,
}

/// Lints a catalog: exit 0 with a one-line summary, or 1 with every problem on stderr.
/// With `--format json` or `codequality` the same text goes to stderr and the report to
/// stdout.
pub(crate) fn check(file: Option<&str>, format: CheckFormat) -> Result<(), Failure> {
    if format != CheckFormat::Text {
        return crate::catalog_check_report::report(file, format);
    }
    let (name, text) = match file {
        None => (
            "gitlab.toml (embedded)".to_string(),
            GITLAB_CATALOG_TOML.to_string(),
        ),
        Some(path) => (display_name(path), input::read_text(path)?),
    };
    let opened = open_catalog(&name, &text).map_err(|e| Failure(format!("{name}: {e}")))?;
    for warning in &opened.warnings {
        eprintln!("warning: {name}: {warning}");
    }
    match opened.catalog {
        Ok(catalog) => summary(&name, &catalog),
        Err(scopecraft::CatalogError::Lint(issues)) => Err(Failure(problems_text(&name, &issues))),
        Err(other) => Err(other.into()),
    }
}

/// One `error: …` line per issue, then `NAME: N problems found`.
pub(crate) fn problems_text(name: &str, issues: &[scopecraft::LintIssue]) -> String {
    let mut message = String::new();
    for issue in issues {
        message.push_str(&format!("error: {issue}\n"));
    }
    message.push_str(&format!(
        "{name}: {} problem{} found",
        issues.len(),
        if issues.len() == 1 { "" } else { "s" }
    ));
    message
}

fn summary(name: &str, catalog: &Catalog) -> Result<(), Failure> {
    println!("{}", summary_text(name, catalog));
    Ok(())
}

/// `NAME: ok — catalog ID VERSION: N offerings, …; sha256 HASH`.
pub(crate) fn summary_text(name: &str, catalog: &Catalog) -> String {
    let data = catalog.data();
    let currencies: Vec<&str> = catalog.currencies().iter().map(|c| c.code()).collect();
    format!(
        "{name}: ok — catalog {} {}: {} offerings, {} price book{} ({}), {} questions, {} approval rules; sha256 {}",
        data.id,
        data.version,
        data.offerings.len(),
        currencies.len(),
        if currencies.len() == 1 { "" } else { "s" },
        currencies.join(", "),
        data.questions.len(),
        data.approvals.len(),
        catalog.hash()
    )
}

/// Converts GitLab's services.yml: our catalog on stdout, one warning per line on stderr.
pub(crate) fn import_gitlab(file: &str, json: bool) -> Result<(), Failure> {
    let name = display_name(file);
    let text = input::read_text(file)?;
    let import = import_gitlab_services(&text).map_err(|e| Failure(format!("{name}: {e}")))?;
    for warning in &import.warnings {
        eprintln!("warning: {name}: {warning}");
    }
    let catalog = import.catalog.into_catalog()?;
    if json {
        println!("{}", catalog.to_canonical_json());
    } else {
        print!("{}", catalog.to_toml().map_err(Failure)?);
    }
    eprintln!(
        "{name}: imported {} offerings with {} warning{}",
        catalog.offerings().len(),
        import.warnings.len(),
        if import.warnings.len() == 1 { "" } else { "s" }
    );
    Ok(())
}

/// Prints the catalog (or its public projection) on stdout; on stderr, what was dropped.
pub(crate) fn publish(file: Option<&str>, public: bool, json: bool) -> Result<(), Failure> {
    let full = input::catalog(file)?;
    let name = file.map_or_else(|| "gitlab.toml".to_string(), display_name);
    let catalog = if public { full.public()? } else { full.clone() };
    if json {
        println!("{}", catalog.to_canonical_json());
    } else {
        print!("{}", catalog.to_toml().map_err(Failure)?);
    }
    if public {
        let dropped = full.data().dropped_by_public_projection();
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        eprintln!(
            "{name}: public projection without {}, {}, {} and {}",
            count(
                dropped.internal_notes.len(),
                "internal note",
                "internal notes"
            ),
            count(dropped.cost_rates.len(), "cost rate", "cost rates"),
            count(
                dropped.approval_rules.len(),
                "approval rule",
                "approval rules"
            ),
            count(
                dropped.offerings.len(),
                "non-public offering",
                "non-public offerings"
            ),
        );
    }
    Ok(())
}

/// Lists offerings with their list prices.
pub(crate) fn show(file: Option<&str>, json: bool, currency: Option<&str>) -> Result<(), Failure> {
    let catalog = input::catalog(file)?;
    let currency = match currency {
        None => catalog.base_currency(),
        Some(code) => Currency::from_code(code)
            .filter(|c| catalog.price_book(*c).is_some())
            .ok_or_else(|| {
                Failure(format!(
                    "--currency: the catalog has no price book for {code:?}; available: {}",
                    catalog.currency_list()
                ))
            })?,
    };
    if json {
        let offerings: Vec<_> = catalog
            .offerings()
            .iter()
            .map(|o| {
                let price = list_price(&catalog, &o.sku, currency);
                json!({
                    "sku": o.sku,
                    "name": o.name,
                    "category": o.category,
                    "summary": o.summary,
                    "delivery": o.delivery.modes,
                    "sale": o.sale,
                    "public": o.public,
                    "list_price": price,
                    "list_price_text": price.map(|p| p.display(currency)),
                })
            })
            .collect();
        let out = json!({
            "catalog": catalog.reference(),
            "name": catalog.data().name,
            "currency": currency.code(),
            "minor_units": currency.minor_units(),
            "offerings": offerings,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    let data = catalog.data();
    println!(
        "{} — catalog {} {} (sha256 {}), prices in {}\n",
        data.name,
        data.id,
        data.version,
        catalog.hash().get(..12).unwrap_or_default(),
        currency.code()
    );
    let mut table = Table::new(&[
        "SKU",
        "Offering",
        "Category",
        "Delivery",
        "Sale",
        "List price",
    ]);
    for offering in catalog.offerings() {
        let price = list_price(&catalog, &offering.sku, currency)
            .map(|p| p.display(currency))
            .unwrap_or_default();
        let modes: Vec<&str> = offering.delivery.modes.iter().map(|m| m.label()).collect();
        table.row(vec![
            offering.sku.clone(),
            offering.name.clone(),
            offering.category.clone(),
            modes.join(", "),
            match offering.sale {
                scopecraft::SaleForm::Standard => "standard".to_string(),
                scopecraft::SaleForm::CustomSow => "custom SOW".to_string(),
            },
            price,
        ]);
    }
    print!("{}", table.render());
    Ok(())
}
