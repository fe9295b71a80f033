//! Rules 4 and 9 for one price entry: it names an offering, its amounts are in range and
//! ordered, and its fields fit the offering's pricing model (one price, remote and on-site
//! prices, one tier price per band, one table cell per row and column band).

use super::negative;
use crate::catalog::lint::context::{Ctx, Sink};
use crate::catalog::lint::wording::{join_names, unknown_sku};
use crate::catalog::model::{Axis, Band, DeliveryMode, Offering, PriceEntry, Pricing, TierMode};
use crate::money::Currency;

pub(super) fn price_entry(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    b: usize,
    sku: &str,
    entry: &PriceEntry,
) {
    let path = format!("price_books[{b}].prices.{sku}");
    let Some((_, offering)) = cx.offering(sku) else {
        out.at(
            path,
            format!("{}; remove the entry or correct its SKU", unknown_sku(sku)),
        );
        return;
    };
    let currency = cx
        .data
        .price_books
        .get(b)
        .and_then(|book| Currency::from_code(&book.currency));
    entry_amounts(out, currency, &path, sku, entry);
    entry_shape(out, &path, offering, entry);
}

/// Negative amounts and inverted ranges in one entry.
fn entry_amounts(
    out: &mut Sink<'_>,
    currency: Option<Currency>,
    path: &str,
    sku: &str,
    entry: &PriceEntry,
) {
    let single = [
        ("price", entry.price),
        ("remote", entry.remote),
        ("on_site", entry.on_site),
    ];
    for (field, value) in single {
        if let Some(value) = value {
            negative(
                out,
                currency,
                Some(sku),
                format!("{path}.{field}"),
                field,
                value,
            );
        }
    }
    for (k, &tier) in entry.tiers.iter().enumerate() {
        negative(
            out,
            currency,
            Some(sku),
            format!("{path}.tiers[{k}]"),
            &format!("tier {}", k + 1),
            tier,
        );
    }
    for (r, row) in entry.table.iter().enumerate() {
        for (c, &[low, high]) in row.iter().enumerate() {
            let cell = format!("row {}, column {}", r + 1, c + 1);
            let field = format!("{path}.table[{r}][{c}]");
            negative(
                out,
                currency,
                Some(sku),
                field.clone(),
                &format!("the low end of {cell}"),
                low,
            );
            negative(
                out,
                currency,
                Some(sku),
                field.clone(),
                &format!("the high end of {cell}"),
                high,
            );
            if low > high {
                out.add(
                    Some(sku),
                    field,
                    format!(
                        "{cell}: low {low} is above high {high}; write each cell as [low, high]"
                    ),
                );
            }
        }
    }
    for (k, &amount) in entry.add_ons.iter().enumerate() {
        negative(
            out,
            currency,
            Some(sku),
            format!("{path}.add_ons[{k}]"),
            &format!("add-on {}", k + 1),
            amount,
        );
    }
}

/// The fields an entry sets, by catalog name.
fn entry_fields(entry: &PriceEntry) -> Vec<&'static str> {
    [
        ("price", entry.price.is_some()),
        ("remote", entry.remote.is_some()),
        ("on_site", entry.on_site.is_some()),
        ("tiers", !entry.tiers.is_empty()),
        ("table", !entry.table.is_empty()),
        ("add_ons", !entry.add_ons.is_empty()),
    ]
    .into_iter()
    .filter_map(|(name, set)| set.then_some(name))
    .collect()
}

/// The entry fits the offering's pricing model.
fn entry_shape(out: &mut Sink<'_>, path: &str, offering: &Offering, entry: &PriceEntry) {
    let sku = offering.sku.as_str();
    let model = offering.pricing.model_name();
    let (allowed, expected): (&[&str], &str) = match &offering.pricing {
        Pricing::Blocks { bands, .. } if !bands.is_empty() => (
            &["tiers"],
            "give tiers, one price per block for each band of block counts",
        ),
        Pricing::Fixed { .. }
        | Pricing::Class { .. }
        | Pricing::Blocks { .. }
        | Pricing::Recurring { .. } => (
            &["price", "remote", "on_site"],
            "give price (or remote and on_site when it is sold in both modes)",
        ),
        Pricing::Tiered { .. } => (&["tiers"], "give tiers, one unit price per band"),
        Pricing::RangeTable { .. } => (
            &["table", "add_ons"],
            "give table (one [low, high] per row and column band) and add_ons",
        ),
        Pricing::TimeAndMaterials { .. }
        | Pricing::PercentOfSubtotal { .. }
        | Pricing::Custom { .. } => {
            out.add(Some(sku), path.to_string(), nothing_to_price(offering));
            return;
        }
    };
    for field in entry_fields(entry) {
        if !allowed.contains(&field) {
            out.add(
                Some(sku),
                format!("{path}.{field}"),
                format!("{field} does not apply to {sku}, which is priced {model}; {expected}"),
            );
        }
    }
    match &offering.pricing {
        Pricing::Blocks { bands, .. } if !bands.is_empty() => {
            tier_count(out, path, sku, entry, bands.len());
        }
        Pricing::Tiered { bands, mode, .. } => {
            tier_count(out, path, sku, entry, bands.len());
            if *mode == TierMode::Flat {
                flat_fees_never_fall(out, path, sku, entry, bands);
            }
        }
        Pricing::RangeTable {
            rows,
            columns,
            add_ons,
        } => table_shape(out, path, sku, entry, rows, columns, add_ons.len()),
        _ => unit_price_shape(out, path, offering, entry),
    }
}

/// Flat fees per band: a band's fee is never below the previous band's, so buying more never
/// costs less (no cliff where 51 users cost less than 50).
fn flat_fees_never_fall(
    out: &mut Sink<'_>,
    path: &str,
    sku: &str,
    entry: &PriceEntry,
    bands: &[Band],
) {
    for (k, pair) in entry.tiers.windows(2).enumerate() {
        let ([previous, fee], Some(lower), Some(band)) = (pair, bands.get(k), bands.get(k + 1))
        else {
            continue;
        };
        if fee < previous {
            out.add(
                Some(sku),
                format!("{path}.tiers[{}]", k + 1),
                format!(
                    "the flat fee for {} is {fee}, below the {previous} for {}, so {} would cost \
                     less than {}; a band's fee must be at least the previous band's",
                    band.label(),
                    lower.label(),
                    band.from,
                    lower.to.unwrap_or(lower.from)
                ),
            );
        }
    }
}

fn nothing_to_price(offering: &Offering) -> String {
    let why = match &offering.pricing {
        Pricing::TimeAndMaterials { .. } => "its hours are priced from the rate card",
        Pricing::PercentOfSubtotal { .. } => "it is a percentage of the other lines",
        _ => "it needs a custom estimate",
    };
    format!(
        "{} is priced {}, so there is nothing to price here ({why}); remove this entry",
        offering.sku,
        offering.pricing.model_name()
    )
}

fn sold_in_both_modes(offering: &Offering) -> bool {
    let modes = &offering.delivery.modes;
    modes.contains(&DeliveryMode::Remote) && modes.contains(&DeliveryMode::OnSite)
}

/// Fixed, class and blocks: `price`, or `remote` + `on_site` for an offering sold both ways.
fn unit_price_shape(out: &mut Sink<'_>, path: &str, offering: &Offering, entry: &PriceEntry) {
    let sku = offering.sku.as_str();
    let both = sold_in_both_modes(offering);
    let per_mode = entry.remote.is_some() || entry.on_site.is_some();
    let mode_field = if entry.remote.is_some() {
        "remote"
    } else {
        "on_site"
    };
    let (field, message) = match (entry.price.is_some(), per_mode) {
        (true, false) => return,
        (true, true) => (
            format!("{path}.{mode_field}"),
            format!(
                "{sku} has both price and remote/on_site amounts; give either one price or a remote and an on_site price"
            ),
        ),
        (false, false) if both => (
            path.to_string(),
            format!(
                "no price for {sku}; give price, or remote and on_site (it is sold in both modes)"
            ),
        ),
        (false, false) => (
            path.to_string(),
            format!("no price for {sku}; add price = \"…\""),
        ),
        (false, true) if !both => (
            format!("{path}.{mode_field}"),
            format!(
                "remote and on_site prices are only for offerings sold in both modes; {sku} is \
                 sold {} only, so give a single price",
                join_names(
                    &offering
                        .delivery
                        .modes
                        .iter()
                        .map(|m| m.label())
                        .collect::<Vec<_>>()
                )
            ),
        ),
        (false, true) => {
            let missing = if entry.remote.is_none() {
                "remote"
            } else if entry.on_site.is_none() {
                "on_site"
            } else {
                return;
            };
            (
                path.to_string(),
                format!(
                    "{sku} is sold in both modes but has no {missing} price; give both remote and on_site"
                ),
            )
        }
    };
    out.add(Some(sku), field, message);
}

fn tier_count(out: &mut Sink<'_>, path: &str, sku: &str, entry: &PriceEntry, bands: usize) {
    let tiers = entry.tiers.len();
    if tiers != bands {
        out.add(
            Some(sku),
            format!("{path}.tiers"),
            format!(
                "{tiers} tier price{} for {bands} band{}; give exactly one unit price per band of {sku}, in band order",
                if tiers == 1 { "" } else { "s" },
                if bands == 1 { "" } else { "s" },
            ),
        );
    }
}

fn table_shape(
    out: &mut Sink<'_>,
    path: &str,
    sku: &str,
    entry: &PriceEntry,
    rows: &Axis,
    columns: &Axis,
    add_ons: usize,
) {
    let (row_count, column_count) = (rows.bands.len(), columns.bands.len());
    if entry.table.len() != row_count {
        out.add(
            Some(sku),
            format!("{path}.table"),
            format!(
                "the table has {} rows, but {sku} has {row_count} row bands (question {:?}); give one row per band",
                entry.table.len(),
                rows.question
            ),
        );
    }
    for (r, row) in entry.table.iter().enumerate() {
        if row.len() != column_count {
            out.add(
                Some(sku),
                format!("{path}.table[{r}]"),
                format!(
                    "row {} has {} cells, but {sku} has {column_count} column bands (question {:?}); give one [low, high] per column band",
                    r + 1,
                    row.len(),
                    columns.question
                ),
            );
        }
    }
    if entry.add_ons.len() != add_ons {
        out.add(
            Some(sku),
            format!("{path}.add_ons"),
            format!(
                "{} add-on amounts, but {sku} has {add_ons} add-ons; give one amount per add-on, in order",
                entry.add_ons.len()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edit, edits, find, line_of, lint_text};

    #[test]
    fn price_keys_must_name_offerings() {
        let text = edit(
            "SEAT = { price = \"500\" }\n",
            "SEAT = { price = \"500\" }\nGHOST = { price = \"1\" }\n",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "price_books[0].prices.GHOST",
            "unknown SKU \"GHOST\"",
        );
        assert_eq!(issue.line, Some(line_of(&text, "GHOST")));
        assert_eq!(issue.offering, None);
    }

    #[test]
    fn table_cells_are_low_then_high() {
        let text = edit("[[[\"30000\", \"40000\"]]", "[[[\"40000\", \"30000\"]]");
        let issues = lint_text(&text);
        find(
            &issues,
            "price_books[0].prices.MIG.table[0][0]",
            "row 1, column 1: low 40000 is above high 30000",
        );
    }

    #[test]
    fn entries_match_the_pricing_model() {
        let text = edits(&[
            ("SEAT = { price = \"500\" }", "SEAT = { remote = \"500\" }"),
            (
                "GL-CICD = { remote = \"5000\", on_site = \"7000\" }",
                "GL-CICD = { remote = \"5000\" }",
            ),
            (
                "GL-XPRT = { price = \"14400\" }",
                "GL-XPRT = { price = \"14400\", tiers = [\"1\"] }",
            ),
            ("tiers = [\"10\", \"8\"]", "tiers = [\"10\"]"),
            (
                "MIG = { table = [[[\"30000\", \"40000\"]], [[\"35000\", \"45000\"]]], add_ons = [\"12000\"] }",
                "MIG = { table = [[[\"30000\", \"40000\"], [\"1\", \"2\"]]], add_ons = [\"12000\", \"1\"] }\nTM = { price = \"1\" }",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "price_books[0].prices.SEAT.remote",
            "only for offerings sold in both modes; SEAT is sold remote only",
        );
        find(
            &issues,
            "price_books[0].prices.GL-CICD",
            "GL-CICD is sold in both modes but has no on_site price",
        );
        find(
            &issues,
            "price_books[0].prices.GL-XPRT.tiers",
            "tiers does not apply to GL-XPRT, which is priced blocks",
        );
        find(
            &issues,
            "price_books[0].prices.USERS.tiers",
            "1 tier price for 2 bands",
        );
        find(
            &issues,
            "price_books[0].prices.MIG.table",
            "the table has 1 rows, but MIG has 2 row bands",
        );
        find(
            &issues,
            "price_books[0].prices.MIG.table[0]",
            "row 1 has 2 cells, but MIG has 1 column bands",
        );
        find(
            &issues,
            "price_books[0].prices.MIG.add_ons",
            "2 add-on amounts, but MIG has 1 add-ons",
        );
        let tm = find(
            &issues,
            "price_books[0].prices.TM",
            "TM is priced time_and_materials, so there is nothing to price here",
        );
        assert_eq!(tm.line, Some(line_of(&text, "TM = {")));
        assert_eq!(issues.len(), 8, "{issues:#?}");
    }
}
