//! The two example catalogs of invented firms in `examples/` (not GitLab): each passes
//! `catalog check`, and each scenario scope in its `scopes/` folder prices to the totals
//! worked out by hand in the comments.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::str::FromStr;

use rust_decimal::Decimal;
use scopecraft::{
    Catalog, Currency, LineKind, Paperwork, PriceRange, Quote, Scope, check_catalog, load_catalog,
    price,
};

const NORDLICHT: &str = include_str!("../../../examples/nordlicht-eur/catalog.toml");
const SAKURA: &str = include_str!("../../../examples/sakura-jpy/catalog.toml");

fn catalog(name: &str, text: &str) -> Catalog {
    let issues = check_catalog(name, text).unwrap();
    assert!(issues.is_empty(), "{issues:#?}");
    load_catalog(name, text).unwrap()
}

fn quote(catalog: &Catalog, scope: &str) -> Quote {
    price(catalog, &Scope::from_json(scope).unwrap()).unwrap()
}

fn firm(amount: &str) -> PriceRange {
    PriceRange::firm(Decimal::from_str(amount).unwrap())
}

fn line_totals(q: &Quote) -> Vec<Option<PriceRange>> {
    q.lines.iter().map(|l| l.total).collect()
}

// Nordlicht Cloud Consulting: EUR, two decimals, rounding half to even.

fn nordlicht() -> Catalog {
    catalog("nordlicht-eur/catalog.toml", NORDLICHT)
}

#[test]
fn nordlicht_prices_in_euros_with_two_decimals() {
    let catalog = nordlicht();
    assert_eq!(catalog.base_currency(), Currency::from_code("EUR").unwrap());
    assert_eq!(catalog.base_currency().minor_units(), 2);
}

#[test]
fn nordlicht_assessment_and_a_capped_build() {
    // Assessment: 12,500.00 fixed. Build: 40 h × 180 = 7,200 + 120 h × 140 = 16,800 =
    // 24,000.00, over the not-to-exceed cap, so 20,000.00. Total 32,500.00; the assessment on
    // the order form, the build on its own SOW.
    let q = quote(
        &nordlicht(),
        include_str!("../../../examples/nordlicht-eur/scopes/assessment-and-capped-build.json"),
    );
    assert_eq!(q.lines[1].kind, LineKind::TimeAndMaterials);
    assert_eq!(
        line_totals(&q),
        vec![Some(firm("12500.00")), Some(firm("20000.00"))]
    );
    assert_eq!(q.total, firm("32500.00"));
    assert_eq!(q.routing.form, Paperwork::OrderFormAndCustomSow);
    assert!(
        q.warnings
            .iter()
            .any(|w| w.contains("EUR 24,000.00 is above the not-to-exceed cap EUR 20,000.00")),
        "{:#?}",
        q.warnings
    );
    assert!(q.approvals.is_empty());
}

#[test]
fn nordlicht_graduated_academy_and_a_two_year_managed_service() {
    // Academy, graduated, 120 seats: 20 × 90 = 1,800 + 80 × 75 = 6,000 + 20 × 60 = 1,200 =
    // 9,000.00. Managed landing zone: 2,400 a month × 24 months = 57,600.00. Subtotal
    // 66,600.00; 5% quote discount = 3,330.00, shared 450.00 (9,000/66,600) and 2,880.00;
    // total 63,270.00: lines 8,550.00 and 54,720.00 (2,280.00 a month).
    let q = quote(
        &nordlicht(),
        include_str!("../../../examples/nordlicht-eur/scopes/academy-and-managed.json"),
    );
    assert_eq!(q.lines[0].components.len(), 3);
    assert_eq!(q.lines[1].kind, LineKind::Recurring);
    assert_eq!(q.lines[1].quantity, 24);
    assert_eq!(q.subtotal, firm("66600.00"));
    assert_eq!(q.discount.amount, firm("3330.00"));
    assert_eq!(q.total, firm("63270.00"));
    assert_eq!(
        line_totals(&q),
        vec![Some(firm("8550.00")), Some(firm("54720.00"))]
    );
}

#[test]
fn nordlicht_compounded_discounts_need_the_managing_director() {
    // 12,500.00 − 15% (1,875.00) = 10,625.00; − 10% quote discount (1,062.50) = 9,562.50.
    // Effective discount 2,937.50 / 12,500 = 23.5%, over the 20% rule.
    let q = quote(
        &nordlicht(),
        include_str!("../../../examples/nordlicht-eur/scopes/discounted-assessment.json"),
    );
    assert_eq!(q.total, firm("9562.50"));
    assert_eq!(q.approvals.len(), 1);
    assert_eq!(q.approvals[0].rule, "combined-discount");
    assert!(q.approvals[0].reason.contains("NL-ASSESS at 23.5%"));
}

// Sakura DevOps Partners: JPY, no minor unit, rounding half away from zero (the default).

fn sakura() -> Catalog {
    catalog("sakura-jpy/catalog.toml", SAKURA)
}

#[test]
fn sakura_prices_in_whole_yen() {
    assert_eq!(sakura().base_currency().minor_units(), 0);
}

#[test]
fn sakura_flat_package_and_six_months_of_operations() {
    // Package for 51 employees: the 51–300 band's flat fee, 800,000. Operations: no term
    // given, so the 6-month minimum: 180,000 × 6 = 1,080,000. Subtotal 1,880,000; 3% quote
    // discount = 56,400; total 1,823,600.
    let q = quote(
        &sakura(),
        include_str!("../../../examples/sakura-jpy/scopes/package-and-operations.json"),
    );
    assert_eq!(q.lines[0].unit_price, None);
    assert_eq!(q.lines[1].quantity, 6);
    assert_eq!(q.subtotal, firm("1880000"));
    assert_eq!(q.discount.amount, firm("56400"));
    assert_eq!(q.total, firm("1823600"));
    assert_eq!(q.routing.form, Paperwork::OrderForm);
}

#[test]
fn sakura_on_site_workshop_with_travel_and_volume_seats() {
    // Workshop on site: 450,000, plus travel for 1 traveler, 1 trip of 2 days: 30,000 +
    // 2 × 18,000 = 66,000, billed at cost outside the total. Seats, volume: 35 reaches the
    // 11–50 band, so every seat is 10,000: 350,000. Total 800,000; expenses 66,000.
    let q = quote(
        &sakura(),
        include_str!("../../../examples/sakura-jpy/scopes/on-site-workshop-and-seats.json"),
    );
    assert_eq!(q.lines.len(), 3);
    assert_eq!(q.lines[1].kind, LineKind::Expense);
    assert_eq!(q.lines[1].total, Some(firm("66000")));
    assert_eq!(q.lines[2].unit_price, Some(Decimal::from(10_000)));
    assert_eq!(q.total, firm("800000"));
    assert_eq!(q.expenses_estimate, firm("66000"));
}

#[test]
fn sakura_capped_engineering_rounds_to_whole_yen_and_routes_four_workshops() {
    // Engineering: 100.5 h × 15,000 = 1,507,500, over the 1,200,000 cap: 1,200,000.
    // Seats: 7 in the 1–10 band at 12,000 = 84,000, less 12.5% (10,500) = 73,500.
    // Workshops: 4 is over quantity_over = 3, so "custom SOW required", no price.
    // Subtotal 1,273,500; 1.5% = 19,102.5, rounded half away from zero to 19,103 yen.
    // Shares: 19,103 × 1,200,000 / 1,273,500 = 18,000.47 and × 73,500 / 1,273,500 =
    // 1,102.53; whole yen 18,000 + 1,102 = 19,102, the last yen to the larger remainder
    // (0.53): 18,000 and 1,103. Lines 1,182,000 and 72,397; total 1,254,397.
    let q = quote(
        &sakura(),
        include_str!("../../../examples/sakura-jpy/scopes/capped-engineering.json"),
    );
    assert_eq!(q.subtotal, firm("1273500"));
    assert_eq!(q.discount.amount, firm("19103"));
    assert_eq!(q.total, firm("1254397"));
    assert_eq!(
        line_totals(&q),
        vec![Some(firm("1182000")), Some(firm("72397")), None]
    );
    assert_eq!(q.lines[2].kind, LineKind::Custom);
    assert!(q.custom_estimate_needed);
    assert_eq!(q.routing.form, Paperwork::OrderFormAndCustomSow);
}
