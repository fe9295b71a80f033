//! What the catalog card and the detail view show about an offering, in words. Every amount
//! and its formatting comes from the core (`list_price(..).display(..)`); this module only
//! picks which of the core's figures goes where.

use scopecraft::{
    Catalog, Currency, Date, DeliveryMode, LicenseTier, ListPrice, Offering, SaleForm,
    license_requirement, list_price,
};

use crate::catalog_filter::visible_offering;

/// An offering's list price as the core words it (`USD 5,000.00 per class`, `custom quote`),
/// and whether it is a firm list price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceLabel {
    /// The words.
    pub text: String,
    /// False for custom quotes and time-and-materials work.
    pub is_priced: bool,
}

/// The list price of `offering` in `currency`; `None` when the catalog has no price book for
/// that currency.
pub fn price_label(
    catalog: &Catalog,
    offering: &Offering,
    currency: Currency,
) -> Option<PriceLabel> {
    list_price(catalog, &offering.sku, currency).map(|price| PriceLabel {
        text: price.display(currency),
        is_priced: price.is_priced(),
    })
}

/// The price a catalog card shows, and whether it is a firm list price: the core's words, or
/// "price on request" when the catalog has no price book for `currency`.
pub fn card_price(catalog: &Catalog, offering: &Offering, currency: Currency) -> PriceLabel {
    price_label(catalog, offering, currency).unwrap_or_else(|| PriceLabel {
        text: "price on request".to_string(),
        is_priced: false,
    })
}

/// The duration a catalog card shows: the offering's own summary, or that it is agreed when
/// scoped.
pub fn card_duration(offering: &Offering) -> &str {
    if offering.duration.summary.is_empty() {
        "Agreed when scoped"
    } else {
        &offering.duration.summary
    }
}

/// The id of an offering card's link (SKUs are unique, and ids may hold any character but
/// spaces, which SKUs do not have).
pub fn card_link_id(sku: &str) -> String {
    format!("card-{}", sku.replace(char::is_whitespace, "_"))
}

/// The price of `offering` when delivered in `mode`: for a SKU sold both ways, just that
/// mode's unit price, worded by the core.
fn mode_price_label(
    catalog: &Catalog,
    offering: &Offering,
    mode: DeliveryMode,
    currency: Currency,
) -> Option<PriceLabel> {
    let price = list_price(catalog, &offering.sku, currency)?;
    let price = match price {
        ListPrice::PerUnit { unit, prices } => {
            match prices.into_iter().find(|p| p.delivery == mode) {
                Some(one) => ListPrice::PerUnit {
                    unit,
                    prices: vec![one],
                },
                None => ListPrice::Custom,
            }
        }
        other => other,
    };
    Some(PriceLabel {
        text: price.display(currency),
        is_priced: price.is_priced(),
    })
}

/// One way to buy an offering: a delivery mode, the SKU that sells it and its price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryOption {
    /// Remote or on-site.
    pub mode: DeliveryMode,
    /// The SKU sold for this mode (the offering's own, or its sibling's).
    pub sku: String,
    /// That SKU's name.
    pub name: String,
    /// How delivery in this mode runs, in the catalog's words (may be empty).
    pub how: String,
    /// The price in this mode; `None` without a price book for the currency.
    pub price: Option<PriceLabel>,
    /// True when the option is the sibling SKU rather than the offering itself.
    pub is_sibling: bool,
    /// The delivery mode a scope item for this option records: set only when the SKU is sold
    /// in more than one mode.
    pub scope_delivery: Option<DeliveryMode>,
}

/// Remote and on-site side by side: the offering's own modes plus its sibling SKU's (when
/// customers can see it), remote first.
pub fn delivery_options(
    catalog: &Catalog,
    offering: &Offering,
    currency: Currency,
    today: Option<Date>,
) -> Vec<DeliveryOption> {
    let sibling = offering
        .delivery
        .sibling
        .as_deref()
        .and_then(|sku| visible_offering(catalog, sku, today));
    let mut options: Vec<DeliveryOption> = Vec::new();
    for (source, is_sibling) in [(Some(offering), false), (sibling, true)] {
        let Some(source) = source else { continue };
        let both = source.delivery.modes.len() > 1;
        for &mode in &source.delivery.modes {
            if options.iter().any(|o| o.mode == mode) {
                continue;
            }
            let how = match mode {
                DeliveryMode::Remote => &source.delivery.remote,
                DeliveryMode::OnSite => &source.delivery.on_site,
            };
            options.push(DeliveryOption {
                mode,
                sku: source.sku.clone(),
                name: source.name.clone(),
                how: how.clone(),
                price: mode_price_label(catalog, source, mode, currency),
                is_sibling,
                scope_delivery: both.then_some(mode),
            });
        }
    }
    options.sort_by_key(|o| o.mode);
    options
}

/// `Remote`, `On-site` or `Remote or on-site`, plus a hint when the other mode is sold as a
/// sibling SKU.
pub fn delivery_summary(offering: &Offering) -> String {
    let labels: Vec<&str> = offering
        .delivery
        .modes
        .iter()
        .map(|mode| mode_name(*mode))
        .collect();
    let mut summary = match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        many => many.join(" or ").replacen(" or On-site", " or on-site", 1),
    };
    if offering.delivery.sibling.is_some() {
        let other = if offering.delivery.modes.contains(&DeliveryMode::Remote) {
            "on-site"
        } else {
            "remote"
        };
        summary.push_str(&format!(" ({other} also available)"));
    }
    summary
}

/// `Remote` or `On-site`, capitalised for headings.
pub fn mode_name(mode: DeliveryMode) -> &'static str {
    match mode {
        DeliveryMode::Remote => "Remote",
        DeliveryMode::OnSite => "On-site",
    }
}

/// The licence a customer needs, in the catalog's tiers: `Licence: Premium or Ultimate`.
pub fn license_label(catalog: &Catalog, tier: &LicenseTier) -> String {
    format!("Licence: {}", license_requirement(catalog, tier))
}

/// How the offering is bought.
pub fn sale_label(sale: SaleForm) -> &'static str {
    match sale {
        SaleForm::Standard => "Fixed fee on an order form",
        SaleForm::CustomSow => "Scoped and estimated on a statement of work",
    }
}

/// The description's paragraphs (separated by blank lines), trimmed, empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../tests/fixtures/small-catalog.toml");

    fn small() -> Catalog {
        scopecraft::load_catalog("small-catalog.toml", SMALL)
            .expect("the fixture is a valid catalog")
    }

    fn usd() -> Currency {
        Currency::from_code("USD").expect("USD is known")
    }

    fn summary(options: &[DeliveryOption]) -> Vec<(DeliveryMode, String, String, bool)> {
        options
            .iter()
            .map(|o| {
                (
                    o.mode,
                    o.sku.clone(),
                    o.price.as_ref().map(|p| p.text.clone()).unwrap_or_default(),
                    o.is_sibling,
                )
            })
            .collect()
    }

    #[test]
    fn siblings_are_shown_side_by_side_remote_first() {
        let catalog = small();
        for sku in ["TR-GIT-R", "TR-GIT"] {
            let offering = catalog.offering(sku).expect("in the fixture");
            let options = delivery_options(&catalog, offering, usd(), None);
            let rows = summary(&options);
            assert_eq!(rows.len(), 2, "{sku}");
            assert_eq!(
                (rows[0].0, rows[0].1.as_str(), rows[0].2.as_str()),
                (DeliveryMode::Remote, "TR-GIT-R", "USD 1,000.00 per class")
            );
            assert_eq!(
                (rows[1].0, rows[1].1.as_str(), rows[1].2.as_str()),
                (DeliveryMode::OnSite, "TR-GIT", "USD 1,500.00 per class")
            );
            assert!(options.iter().all(|o| o.scope_delivery.is_none()));
            assert_eq!(options[0].how, "Two half-day video sessions.");
        }
        let remote = catalog.offering("TR-GIT-R").expect("in the fixture");
        let options = delivery_options(&catalog, remote, usd(), None);
        assert_eq!(
            (options[0].is_sibling, options[1].is_sibling),
            (false, true)
        );
    }

    #[test]
    fn one_sku_in_two_modes_shows_each_mode_price() {
        let catalog = small();
        let offering = catalog.offering("TR-SEC").expect("in the fixture");
        let options = delivery_options(&catalog, offering, usd(), None);
        let rows = summary(&options);
        assert_eq!(
            rows,
            [
                (
                    DeliveryMode::Remote,
                    "TR-SEC".to_string(),
                    "USD 2,000.00 per class".to_string(),
                    false
                ),
                (
                    DeliveryMode::OnSite,
                    "TR-SEC".to_string(),
                    "USD 2,600.00 per class".to_string(),
                    false
                ),
            ]
        );
        assert_eq!(options[1].scope_delivery, Some(DeliveryMode::OnSite));
        assert_eq!(
            price_label(&catalog, offering, usd()).map(|p| p.text),
            Some("USD 2,000.00 remote · USD 2,600.00 on-site per class".to_string())
        );
    }

    #[test]
    fn custom_offerings_say_custom_quote() {
        let catalog = small();
        let offering = catalog.offering("CO-ADVICE").expect("in the fixture");
        let label = price_label(&catalog, offering, usd()).expect("USD book");
        assert_eq!(label.text, "custom quote");
        assert!(!label.is_priced);
        let options = delivery_options(&catalog, offering, usd(), None);
        assert_eq!(summary(&options).len(), 1);
        assert_eq!(
            options[0].price.as_ref().map(|p| p.text.as_str()),
            Some("custom quote")
        );
        let eur = Currency::from_code("EUR").expect("EUR is known");
        assert_eq!(price_label(&catalog, offering, eur), None, "no EUR book");
    }

    #[test]
    fn gitlab_ci_cd_remote_and_on_site_prices() {
        let catalog = Catalog::gitlab().expect("the embedded catalog loads");
        let offering = catalog.offering("GL-CICD-R").expect("in the catalog");
        let rows = summary(&delivery_options(&catalog, offering, usd(), None));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].2, "USD 5,000.00 per class");
        assert_eq!(rows[1].2, "USD 7,000.00 per class");
        assert_eq!(rows[1].1, "GL-CICD");
    }

    #[test]
    fn words_for_delivery_licence_and_paragraphs() {
        let catalog = small();
        let summary_of = |sku: &str| delivery_summary(catalog.offering(sku).expect("fixture"));
        assert_eq!(summary_of("TR-GIT-R"), "Remote (on-site also available)");
        assert_eq!(summary_of("TR-GIT"), "On-site (remote also available)");
        assert_eq!(summary_of("TR-SEC"), "Remote or on-site");
        assert_eq!(summary_of("CO-ADVICE"), "Remote");
        assert_eq!(
            license_label(&catalog, &LicenseTier::new("premium")),
            "Licence: Premium or Ultimate"
        );
        assert_eq!(
            license_label(&catalog, &LicenseTier::new("ultimate")),
            "Licence: Ultimate"
        );
        assert_eq!(
            license_label(&catalog, &LicenseTier::new("free")),
            "Licence: any tier"
        );
        assert_eq!(
            paragraphs("One.\n\n  \n\nTwo\nlines.\n\n"),
            ["One.", "Two\nlines."]
        );
        assert_eq!(
            sale_label(SaleForm::CustomSow),
            "Scoped and estimated on a statement of work"
        );
    }
}
