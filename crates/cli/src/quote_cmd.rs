//! `scopecraft quote SCOPE`.

use scopecraft::{
    Catalog, Date, FieldErrors, LineKind, Quote, QuoteOptions, Scope, ScopeReading, percent_text,
    price_with,
};

use crate::Failure;
use crate::input::{self, display_name};
use crate::table::Table;

/// Reads and checks a scope document, naming the file in errors.
pub(crate) fn read_scope(path: &str) -> Result<Scope, Failure> {
    let name = display_name(path);
    let text = input::read_text(path)?;
    Scope::from_json(&text).map_err(|e| refused(&name, "scope", &e.errors))
}

/// Reads the scope at `path` and runs `op` on it, refusing it (as a `what`) with every problem
/// at once: the reading's, a catalog other than `catalog` named by the scope, and `op`'s own
/// on what could be read (except those about fields the reading already named).
pub(crate) fn with_scope<T>(
    path: &str,
    catalog: &Catalog,
    what: &str,
    op: impl FnOnce(&Scope) -> Result<T, FieldErrors>,
) -> Result<(Scope, T), Failure> {
    let name = display_name(path);
    let text = input::read_text(path)?;
    let ScopeReading { scope, mut errors } = Scope::read_json(&text);
    let Some(scope) = scope else {
        return Err(refused(&name, "scope", &errors));
    };
    let other_catalog = scope.catalog_errors(catalog);
    if !other_catalog.is_empty() {
        errors.extend_after_reading(other_catalog);
        return Err(refused(&name, "scope", &errors));
    }
    let result = op(&scope);
    match result {
        Ok(value) if errors.is_empty() => Ok((scope, value)),
        Ok(_) => Err(refused(&name, "scope", &errors)),
        Err(later) => {
            let what = if errors.is_empty() { what } else { "scope" };
            errors.extend_after_reading(later);
            Err(refused(&name, what, &errors))
        }
    }
}

/// One message listing every problem, one per line.
pub(crate) fn refused(name: &str, what: &str, errors: &FieldErrors) -> Failure {
    let mut message = format!(
        "error: {name}: the {what} was refused ({} problem{}):",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    );
    message.push_str(&errors.indented().to_string());
    Failure(message)
}

pub(crate) fn parse_date(flag: &str, text: Option<&str>) -> Result<Option<Date>, Failure> {
    text.map(|t| Date::parse(t).map_err(|e| Failure(format!("{flag}: {e}"))))
        .transpose()
}

pub(crate) fn quote(
    scope_path: &str,
    catalog_path: Option<&str>,
    json: bool,
    explain: bool,
    as_of: Option<&str>,
) -> Result<(), Failure> {
    let as_of = parse_date("--as-of", as_of)?;
    let catalog = input::catalog(catalog_path)?;
    let (scope, quote) = with_scope(scope_path, &catalog, "scope", |scope| {
        price_with(&catalog, scope, &QuoteOptions { as_of }).map_err(|e| e.errors)
    })?;
    if json {
        println!("{}", serde_json::to_string_pretty(&quote)?);
    } else {
        print!("{}", render(&quote, &scope, explain));
    }
    Ok(())
}

fn render(quote: &Quote, scope: &Scope, explain: bool) -> String {
    let currency = quote.currency;
    let money =
        |r: Option<scopecraft::PriceRange>| r.map_or("—".to_string(), |r| r.display(currency));
    let mut out = String::new();
    let customer = if scope.customer.name.is_empty() {
        String::new()
    } else {
        format!(" for {}", scope.customer.name)
    };
    out.push_str(&format!(
        "Quote{customer} — catalog {} {} (sha256 {}), in {}\n\n",
        quote.catalog.id,
        quote.catalog.version,
        quote.catalog.hash.get(..12).unwrap_or_default(),
        quote.currency
    ));
    let mut table = Table::new(&[
        "#",
        "SKU",
        "Item",
        ">Qty",
        ">Unit price",
        ">Gross",
        ">Discount",
        ">Net",
        "Kind",
    ]);
    for (i, line) in quote.lines.iter().enumerate() {
        let quantity = line.quantity_label();
        table.row(vec![
            (i + 1).to_string(),
            line.sku.to_string(),
            line.name.to_string(),
            quantity,
            line.unit_price
                .map_or("—".to_string(), |p| currency.display(p)),
            money(line.gross),
            line.discount
                .filter(|d| !d.high.is_zero())
                .map_or(String::new(), |d| d.display(currency)),
            money(line.net),
            match line.kind {
                LineKind::Firm => "firm",
                LineKind::Range => "range",
                LineKind::Estimate => "estimate",
                LineKind::TimeAndMaterials => "T&M",
                LineKind::Recurring => "recurring",
                LineKind::Custom => "custom estimate",
                LineKind::Expense => "expense (at actuals)",
            }
            .to_string(),
        ]);
    }
    out.push_str(&table.render());
    out.push('\n');
    let mut totals = Table::new(&["", ">Amount"]);
    totals.row(vec!["Subtotal".into(), quote.subtotal.display(currency)]);
    if !quote.discount.percent.is_zero() {
        totals.row(vec![
            format!("Quote discount {}", percent_text(quote.discount.percent)),
            format!("-{}", quote.discount.amount.display(currency)),
        ]);
    }
    totals.row(vec!["Total".into(), quote.total.display(currency)]);
    if !quote.expenses_estimate.high.is_zero() {
        totals.row(vec![
            "Travel and expenses (estimate, billed at actual cost)".into(),
            quote.expenses_estimate.display(currency),
        ]);
    }
    out.push_str(&totals.render());
    if !quote.missing_answers.is_empty() {
        out.push_str(&format!(
            "\nThe total is a range until these are answered: {}\n",
            quote.missing_answers.join(", ")
        ));
    }
    if quote.custom_estimate_needed {
        out.push_str("\nSome lines have no list price: the total leaves them out until the PS team estimates them.\n");
    }
    out.push_str(&format!("\nPaperwork: {}\n", quote.routing.reason));
    if !quote.approvals.is_empty() {
        out.push_str("\nApprovals needed:\n");
        for approval in &quote.approvals {
            let label = approval
                .label
                .as_deref()
                .map_or(String::new(), |l| format!(" [{l}]"));
            let example = if approval.example {
                " (example threshold)"
            } else {
                ""
            };
            out.push_str(&format!(
                "  - {}{label}{example}: {}\n",
                approval.approver, approval.reason
            ));
        }
    }
    if !quote.warnings.is_empty() {
        out.push_str("\nWarnings:\n");
        for warning in &quote.warnings {
            out.push_str(&format!("  - {warning}\n"));
        }
    }
    if explain {
        out.push_str("\nWhy these prices:\n");
        for (i, line) in quote.lines.iter().enumerate() {
            out.push_str(&format!("\n  {}. {} — {}\n", i + 1, line.sku, line.name));
            for step in &line.trace {
                out.push_str(&format!("     - {}\n", step.text()));
            }
        }
    } else {
        out.push_str("\n(--explain shows every rule applied to each line)\n");
    }
    out
}
