//! The catalog-format features of issue 13 (part B, point 12), each priced on a small
//! catalog of a neutral firm (`testdata/catalogs/format-features.toml`) with the figure
//! worked out by hand in the comment above the assertion.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::str::FromStr;

use rust_decimal::Decimal;
use scopecraft::{
    Catalog, LicenseTier, LineKind, Paperwork, PlanOptions, PriceRange, Quote, Scope,
    check_catalog, list_price, load_catalog, plan, price, sow_draft,
};

const CATALOG: &str = include_str!("../testdata/catalogs/format-features.toml");

fn catalog() -> Catalog {
    load_catalog("format-features.toml", CATALOG).unwrap()
}

fn quote(json: &str) -> Quote {
    price(&catalog(), &Scope::from_json(json).unwrap()).unwrap()
}

fn quote_error(json: &str) -> String {
    price(&catalog(), &Scope::from_json(json).unwrap())
        .unwrap_err()
        .to_string()
}

fn firm(amount: &str) -> PriceRange {
    PriceRange::firm(Decimal::from_str(amount).unwrap())
}

/// The lint messages of the catalog with `from` replaced by `to`.
fn lint_after(from: &str, to: &str) -> Vec<String> {
    assert!(
        CATALOG.contains(from),
        "{from:?} is not in the test catalog"
    );
    let text = CATALOG.replacen(from, to, 1);
    check_catalog("format-features.toml", &text)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_test_catalog_passes_lint() {
    let issues = check_catalog("format-features.toml", CATALOG).unwrap();
    assert!(issues.is_empty(), "{issues:#?}");
}

// 3. An approval on the effective discount.

#[test]
fn line_and_quote_discounts_compound_into_the_effective_discount() {
    // 10,000 − 15% = 8,500; − 15% of 8,500 (1,275) = 7,225. 10,000 − 7,225 = 2,775, which
    // is 27.75% of 10,000: over 25%, though neither discount alone is.
    let q = quote(
        r#"{"items": [{"sku": "WORKSHOP", "discount_percent": "15"}], "quote_discount_percent": "15"}"#,
    );
    assert_eq!(q.total, firm("7225.00"));
    assert_eq!(q.approvals.len(), 1, "{:#?}", q.approvals);
    assert_eq!(q.approvals[0].rule, "effective-discount");
    assert!(
        q.approvals[0].reason.contains("WORKSHOP at 27.75%"),
        "{}",
        q.approvals[0].reason
    );
}

#[test]
fn an_effective_discount_at_the_threshold_needs_no_approval() {
    // A line discount of 25% alone: 10,000 − 2,500 = 7,500, exactly 25% effective; "over"
    // is strict, so no approval.
    let q = quote(r#"{"items": [{"sku": "WORKSHOP", "discount_percent": "25"}]}"#);
    assert_eq!(q.total, firm("7500.00"));
    assert!(q.approvals.is_empty(), "{:#?}", q.approvals);
    // 12% + 15%: 10,000 → 8,800 → 8,800 − 1,320 = 7,480: 25.2% effective, over 25%.
    let q = quote(
        r#"{"items": [{"sku": "WORKSHOP", "discount_percent": "12"}], "quote_discount_percent": "15"}"#,
    );
    assert_eq!(q.total, firm("7480.00"));
    assert!(
        q.approvals[0].reason.contains("WORKSHOP at 25.2%"),
        "{}",
        q.approvals[0].reason
    );
}

#[test]
fn an_effective_discount_threshold_of_100_is_refused() {
    let issues = lint_after(
        "effective_discount_percent_over = \"25\"",
        "effective_discount_percent_over = \"100\"",
    );
    assert!(
        issues.iter().any(|i| i.contains("approvals[0].when")
            && i.contains("effective_discount_percent_over is 100")),
        "{issues:#?}"
    );
}

// 6. Routing to a custom SOW by quantity or by answer.

#[test]
fn five_countries_are_priced_and_six_need_a_custom_sow() {
    // 5 countries × 8,000 = 40,000, on an order form.
    let q = quote(r#"{"items": [{"sku": "ROLLOUT", "quantity": 5}]}"#);
    assert_eq!(q.total, firm("40000.00"));
    assert_eq!(q.lines[0].kind, LineKind::Firm);
    assert_eq!(q.routing.form, Paperwork::OrderForm);
    // 6 countries is over quantity_over = 5: no price, not in the total, a custom SOW.
    let q = quote(r#"{"items": [{"sku": "ROLLOUT", "quantity": 6}]}"#);
    let line = &q.lines[0];
    assert_eq!(line.kind, LineKind::Custom);
    assert_eq!(line.gross, None);
    assert_eq!(line.total, None);
    assert_eq!(q.total, firm("0.00"));
    assert!(q.requires_custom_sow);
    assert!(q.custom_estimate_needed);
    assert_eq!(q.routing.form, Paperwork::CustomSow);
    assert!(
        q.warnings
            .iter()
            .any(|w| w == "ROLLOUT: custom SOW required: More than five countries need a tailored rollout plan."),
        "{:#?}",
        q.warnings
    );
    let words = line.trace.last().unwrap().text();
    assert!(words.contains("a quantity of 6 is over 5"), "{words}");
}

#[test]
fn an_answer_over_five_countries_routes_the_line_to_a_custom_sow() {
    // 5 countries: the handover is priced, 6,000.
    let q = quote(r#"{"answers": {"general.countries": 5}, "items": [{"sku": "HANDOVER"}]}"#);
    assert_eq!(q.total, firm("6000.00"));
    // 7 countries: the condition holds; with a 10,000 workshop beside it, the workshop goes
    // on the order form (total 10,000) and the handover on its own SOW.
    let q = quote(
        r#"{"answers": {"general.countries": 7}, "items": [{"sku": "WORKSHOP"}, {"sku": "HANDOVER"}]}"#,
    );
    assert_eq!(q.lines[1].kind, LineKind::Custom);
    assert_eq!(q.total, firm("10000.00"));
    assert_eq!(q.routing.form, Paperwork::OrderFormAndCustomSow);
    // Unanswered: comparisons on a missing answer are false, so the line is priced.
    let q = quote(r#"{"items": [{"sku": "HANDOVER"}]}"#);
    assert_eq!(q.total, firm("6000.00"));
}

#[test]
fn every_line_of_a_routed_offering_reads_the_same_answers() {
    // The scope's facts are gathered once for the quote and read by each line's route:
    // every handover of a seven-country scope goes to the SOW, and the workshops stay priced
    // at 10,000 each.
    let items: Vec<&str> = (0..60)
        .map(|i| {
            if i % 3 == 0 {
                r#"{"sku": "WORKSHOP"}"#
            } else {
                r#"{"sku": "HANDOVER"}"#
            }
        })
        .collect();
    let q = quote(&format!(
        r#"{{"answers": {{"general.countries": 7}}, "items": [{}]}}"#,
        items.join(",")
    ));
    let kinds: Vec<(&str, LineKind)> = q.lines.iter().map(|l| (&*l.sku, l.kind)).collect();
    assert!(
        kinds.iter().all(|(sku, kind)| match *sku {
            "HANDOVER" => *kind == LineKind::Custom,
            _ => *kind == LineKind::Firm,
        }),
        "{kinds:?}"
    );
    assert_eq!(kinds.len(), 60);
    assert_eq!(q.total, firm("200000.00"));
    assert_eq!(q.routing.form, Paperwork::OrderFormAndCustomSow);
}

#[test]
fn a_custom_sow_route_must_test_something_say_why_and_name_known_questions() {
    let issues = lint_after(
        "custom_sow_when = { quantity_over = 5, reason = \"More than five countries need a tailored rollout plan.\" }",
        "custom_sow_when = { reason = \" \" }",
    );
    assert!(
        issues.iter().any(|i| i.contains("offering ROLLOUT")
            && i.contains("offerings[1].custom_sow_when")
            && i.contains("tests nothing")),
        "{issues:#?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("offerings[1].custom_sow_when.reason") && i.contains("is empty")),
        "{issues:#?}"
    );
    let issues = lint_after(
        "question = \"general.countries\", gt",
        "question = \"countries\", gt",
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("offerings[2].custom_sow_when.when.question")
                && i.contains("countries")),
        "{issues:#?}"
    );
}

// 7. Recurring fees: per month with a minimum term.

#[test]
fn a_monthly_fee_over_its_minimum_term_is_the_contract_total() {
    // No term given: the minimum, 12 months. 1,500 a month × 12 = 18,000 over the term.
    let q = quote(r#"{"items": [{"sku": "MANAGED"}]}"#);
    let line = &q.lines[0];
    assert_eq!(line.kind, LineKind::Recurring);
    assert_eq!(line.quantity, 12);
    assert_eq!(line.quantity_label(), "12 months");
    assert_eq!(line.unit_price, Some(Decimal::from_str("1500.00").unwrap()));
    assert_eq!(q.total, firm("18000.00"));
    assert!(!line.kind.is_fixed_fee());
    let words = line
        .trace
        .iter()
        .map(|t| t.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains(
            "USD 1,500.00 per month × 12 months (minimum term 12 months) = USD 18,000.00"
        ),
        "{words}"
    );
    // 24 months with 10% off: 1,500 × 24 = 36,000, less 3,600 = 32,400 (1,350 a month).
    let q = quote(r#"{"items": [{"sku": "MANAGED", "quantity": 24, "discount_percent": "10"}]}"#);
    assert_eq!(q.total, firm("32400.00"));
}

#[test]
fn a_term_below_the_minimum_or_above_the_maximum_is_refused_naming_the_field() {
    let text = quote_error(r#"{"items": [{"sku": "MANAGED", "quantity": 6}]}"#);
    assert!(
        text.contains("items[0].quantity")
            && text.contains("minimum term of 12 months; got a term of 6"),
        "{text}"
    );
    let text = quote_error(r#"{"items": [{"sku": "MANAGED", "quantity": 48}]}"#);
    assert!(
        text.contains("terms up to 36 months; got a term of 48"),
        "{text}"
    );
}

#[test]
fn a_recurring_term_sets_the_plan_length_and_its_payment_terms() {
    // 24 months × 52 ÷ 12 = 104 weeks of the "run" phase; "deliver" is not in scope.
    let scope = Scope::from_json(
        r#"{"customer": {"name": "Example Ltd"}, "items": [{"sku": "MANAGED", "quantity": 24}]}"#,
    )
    .unwrap();
    let plan = plan(&catalog(), &scope, &PlanOptions::default()).unwrap();
    assert_eq!(plan.phases.len(), 1);
    assert_eq!(plan.phases[0].id, "run");
    assert_eq!(plan.phases[0].weeks.from, 104);
    let draft = sow_draft(&catalog(), &scope).unwrap().to_markdown();
    assert!(
        draft.contains("**Recurring fees:** Invoiced monthly in advance over the whole term."),
        "{draft}"
    );
    assert!(
        draft.contains("Recurring fee (monthly, over the term)"),
        "{draft}"
    );
    assert!(!draft.contains("**Fixed fees:**"), "{draft}");
}

#[test]
fn recurring_terms_are_checked() {
    let issues = lint_after(
        "min_term_months = 12, max_term_months = 36",
        "min_term_months = 0, max_term_months = 36",
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("pricing.min_term_months") && i.contains("min_term_months is 0")),
        "{issues:#?}"
    );
    let issues = lint_after("max_term_months = 36", "max_term_months = 6");
    assert!(
        issues.iter().any(
            |i| i.contains("pricing.max_term_months") && i.contains("below min_term_months 12")
        ),
        "{issues:#?}"
    );
    let issues = lint_after(
        "recurring = \"Invoiced monthly in advance over the whole term.\"\n",
        "",
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("sow.payment_terms.recurring")
                && i.contains("MANAGED is a recurring fee")),
        "{issues:#?}"
    );
}

// 5. A flat fee per band (packages by company size), never falling from band to band.

#[test]
fn a_flat_fee_is_the_band_fee_whatever_the_count_inside_it() {
    // 1–50 users: 4,000; 51–250: 9,000; 251–1,000: 20,000. 50 users pay 4,000, 51 pay 9,000,
    // 250 pay 9,000 too.
    for (users, fee) in [
        (1, "4000.00"),
        (50, "4000.00"),
        (51, "9000.00"),
        (250, "9000.00"),
        (251, "20000.00"),
    ] {
        let q = quote(&format!(
            r#"{{"items": [{{"sku": "PACKAGE", "quantity": {users}}}]}}"#
        ));
        assert_eq!(q.total, firm(fee), "{users} users");
        assert_eq!(
            q.lines[0].unit_price, None,
            "a band fee is not a unit price"
        );
    }
    let q = quote(r#"{"items": [{"sku": "PACKAGE", "quantity": 51}]}"#);
    let words = q.lines[0].trace.last().unwrap().text();
    assert!(
        words.contains("51 users fall in the 51–250 band, whose fee is USD 9,000.00"),
        "{words}"
    );
    let text = quote_error(r#"{"items": [{"sku": "PACKAGE", "quantity": 1001}]}"#);
    assert!(
        text.contains("items[0].quantity") && text.contains("up to 1000 users"),
        "{text}"
    );
    let card = list_price(
        &catalog(),
        "PACKAGE",
        scopecraft::Currency::from_code("USD").unwrap(),
    );
    assert_eq!(
        card.unwrap()
            .display(scopecraft::Currency::from_code("USD").unwrap()),
        "from USD 4,000.00 per package"
    );
}

#[test]
fn a_band_fee_below_the_previous_band_is_refused() {
    // 51–250 at 3,500 would make 51 users cost less than 50 (4,000).
    let issues = lint_after(
        r#"tiers = ["4000", "9000", "20000"]"#,
        r#"tiers = ["4000", "3500", "20000"]"#,
    );
    assert!(
        issues.iter().any(|i| i.contains("PACKAGE.tiers[1]")
            && i.contains("the flat fee for 51–250 is 3500, below the 4000 for 1–50, so 51 would cost less than 50")),
        "{issues:#?}"
    );
}

// 1. Volume tiers on blocks of hours.

#[test]
fn blocks_are_priced_at_the_rate_of_the_band_their_count_reaches() {
    // 80 hours = 2 blocks of 40, in the 1–2 band: 2 × 10,000 = 20,000.
    let q = quote(r#"{"items": [{"sku": "EXPERT", "hours": "80"}]}"#);
    assert_eq!((q.lines[0].quantity, q.total), (2, firm("20000.00")));
    // 81 hours = 3 blocks (2.025 rounded up), in the 3–5 band: every block 9,000 = 27,000.
    let q = quote(r#"{"items": [{"sku": "EXPERT", "hours": "81"}]}"#);
    assert_eq!(q.lines[0].quantity, 3);
    assert_eq!(
        q.lines[0].unit_price,
        Some(Decimal::from_str("9000.00").unwrap())
    );
    assert_eq!(q.total, firm("27000.00"));
    let words = q.lines[0].trace.last().unwrap().text();
    assert!(words.contains("3 blocks reaches the 3–5 tier"), "{words}");
    // 6 blocks given as a quantity, in the 6+ band: 6 × 8,000 = 48,000.
    let q = quote(r#"{"items": [{"sku": "EXPERT", "quantity": 6}]}"#);
    assert_eq!(q.total, firm("48000.00"));
    let usd = scopecraft::Currency::from_code("USD").unwrap();
    assert_eq!(
        list_price(&catalog(), "EXPERT", usd).unwrap().display(usd),
        "from USD 8,000.00 per block"
    );
}

#[test]
fn block_tiers_are_checked_against_their_bands() {
    let issues = lint_after(
        r#"EXPERT = { tiers = ["10000", "9000", "8000"] }"#,
        r#"EXPERT = { price = "10000" }"#,
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("EXPERT.price") && i.contains("give tiers, one price per block")),
        "{issues:#?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("EXPERT.tiers") && i.contains("0 tier prices for 3 bands")),
        "{issues:#?}"
    );
    let issues = lint_after(
        "bands = [{ from = 1, to = 2 }, { from = 3, to = 5 }",
        "bands = [{ from = 2, to = 2 }, { from = 3, to = 5 }",
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("pricing.bands[0].from") && i.contains("start at 1 block")),
        "{issues:#?}"
    );
}

// 2. A hard maximum of attendees per class: split when only attendees are given, an error
// when a class count cannot seat them.

#[test]
fn attendees_over_the_room_size_are_split_into_more_classes() {
    // 14 attendees: 1 class + 4 seats = 4,000 + 4 × 300 = 5,200 (cheaper than 2 classes,
    // 8,000), and 14 fit the room.
    let q = quote(r#"{"items": [{"sku": "ROOM", "attendees": 14}]}"#);
    assert_eq!((q.lines[0].quantity, q.total), (1, firm("5200.00")));
    // 15 attendees: 1 class + 5 seats (5,500) would be cheaper, but a class holds at most 14,
    // so 2 classes of 10 seats: 8,000, no add-ons.
    let q = quote(r#"{"items": [{"sku": "ROOM", "attendees": 15}]}"#);
    assert_eq!((q.lines[0].quantity, q.total), (2, firm("8000.00")));
    let words: Vec<String> = q.lines[0].trace.iter().map(|t| t.text()).collect();
    assert!(
        words.iter().any(|w| w.contains("at most 14 attendees")
            && w.contains("15 attendees are split into at least 2 classes")),
        "{words:#?}"
    );
    // 29 attendees: at least ⌈29 / 14⌉ = 3 classes (30 seats): 12,000, where 2 classes + 9
    // seats (10,700) would hold 19 people a room.
    let q = quote(r#"{"items": [{"sku": "ROOM", "attendees": 29}]}"#);
    assert_eq!((q.lines[0].quantity, q.total), (3, firm("12000.00")));
}

#[test]
fn a_class_count_that_cannot_seat_the_attendees_is_refused() {
    let text = quote_error(r#"{"items": [{"sku": "ROOM", "quantity": 1, "attendees": 15}]}"#);
    assert!(
        text.contains("items[0].attendees")
            && text.contains("ROOM holds at most 14 attendees a class; 15 attendees need at least 2 classes, not 1"),
        "{text}"
    );
    // 2 classes seat 20, under 2 × 14: 8,000.
    let q = quote(r#"{"items": [{"sku": "ROOM", "quantity": 2, "attendees": 15}]}"#);
    assert_eq!(q.total, firm("8000.00"));
}

#[test]
fn a_maximum_below_the_capacity_is_refused() {
    let issues = lint_after("max_attendees = 14", "max_attendees = 8");
    assert!(
        issues.iter().any(|i| i.contains("pricing.max_attendees")
            && i.contains("max_attendees is 8, below the capacity of 10")),
        "{issues:#?}"
    );
}

// 4. Trips for on-site time and materials, from the days on site.

/// The expense line after the scope's first item, and its trace as text.
fn travel_of(q: &Quote) -> (PriceRange, String) {
    let line = q
        .lines
        .iter()
        .find(|l| l.kind == LineKind::Expense)
        .expect("an expense line");
    let text: Vec<String> = line.trace.iter().map(|s| s.text()).collect();
    (line.total.unwrap(), text.join("\n"))
}

#[test]
fn on_site_time_and_materials_takes_a_trip_per_started_five_days_the_hours_imply() {
    // 120 hours ÷ (1 traveler × 8 hours a day) = 15 days on site; one trip per started
    // 5 days: 3 trips. Travel: 1 × (3 × 1,200 + 15 × 300) = 3,600 + 4,500 = 8,100.
    // (Before: one trip of 5 days whatever the hours, 1,200 + 5 × 300 = 2,700.)
    // The fee: 120 × 150 = 18,000.
    let q = quote(
        r#"{"items": [{"sku": "ONSITE", "delivery": "on_site", "effort": {"consultant": "120"}}]}"#,
    );
    assert_eq!(q.total, firm("18000.00"));
    assert_eq!(q.expenses_estimate, firm("8100.00"));
    let (amount, trace) = travel_of(&q);
    assert_eq!(amount, firm("8100.00"));
    assert!(
        trace.contains("15 days on site: 120 effort hours ÷ (1 traveler × 8 hours a day), rounded up; one trip per started 5 days on site: 3 trips."),
        "{trace}"
    );
    assert!(
        trace.contains("1 traveler × (3 trips × USD 1,200.00 travel + 15 days on site × USD 300.00) = USD 8,100.00"),
        "{trace}"
    );

    // 124 hours: 15.5 days, rounded up to 16; 16 ÷ 5 started blocks = 4 trips.
    // 4 × 1,200 + 16 × 300 = 4,800 + 4,800 = 9,600.
    let q = quote(
        r#"{"items": [{"sku": "ONSITE", "delivery": "on_site", "effort": {"consultant": "124"}}]}"#,
    );
    assert_eq!(q.expenses_estimate, firm("9600.00"));
}

#[test]
fn the_days_on_site_the_scope_states_come_before_the_hours() {
    // The answer says 7 days: 2 trips (5 + 2). 2 × 1,200 + 7 × 300 = 2,400 + 2,100 = 4,500,
    // though the 120 hours would imply 15 days.
    let q = quote(
        r#"{"items": [{"sku": "ONSITE", "delivery": "on_site", "effort": {"consultant": "120"}}],
            "answers": {"consulting.on_site_days": 7}}"#,
    );
    let (amount, trace) = travel_of(&q);
    assert_eq!(amount, firm("4500.00"));
    assert!(
        trace.contains("7 days on site (consulting.on_site_days); one trip per started 5 days on site: 2 trips."),
        "{trace}"
    );
}

#[test]
fn without_hours_or_an_answer_the_days_on_site_are_the_plausible_range() {
    // No effort yet and no answer: 5–10 days (the question's plausible range), 1–2 trips.
    // Low: 1 × 1,200 + 5 × 300 = 2,700. High: 2 × 1,200 + 10 × 300 = 5,400.
    let q = quote(r#"{"items": [{"sku": "ONSITE", "delivery": "on_site"}]}"#);
    let (amount, trace) = travel_of(&q);
    assert_eq!(
        amount,
        PriceRange {
            low: Decimal::from_str("2700.00").unwrap(),
            high: Decimal::from_str("5400.00").unwrap(),
        }
    );
    assert!(trace.contains("1–2 trips"), "{trace}");
}

#[test]
fn two_travelers_share_the_hours_and_each_travels() {
    // 120 hours ÷ (2 travelers × 8 hours) = 7.5, so 8 days on site; 2 trips (5 + 3).
    // 2 × (2 × 1,200 + 8 × 300) = 2 × (2,400 + 2,400) = 9,600.
    let q = quote(r#"{"items": [{"sku": "PAIR", "effort": {"consultant": "120"}}]}"#);
    assert_eq!(q.expenses_estimate, firm("9600.00"));
    // Remote delivery has no travel at all.
    let q = quote(
        r#"{"items": [{"sku": "ONSITE", "delivery": "remote", "effort": {"consultant": "120"}}]}"#,
    );
    assert_eq!(q.expenses_estimate, firm("0.00"));
}

#[test]
fn days_on_site_settings_are_checked() {
    let issues = lint_after(
        "on_site_days_question = \"consulting.on_site_days\", on_site_hours_per_day = \"8\"",
        "on_site_days_question = \"consulting.days\", on_site_hours_per_day = \"0\"",
    );
    assert!(
        issues.iter().any(|i| i.contains(
            "offerings[8].delivery.on_site_days_question: unknown question \"consulting.days\""
        )),
        "{issues:#?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("offerings[8].delivery.on_site_hours_per_day: 0 hours a day")),
        "{issues:#?}"
    );
}

// 8. Plan phases that run in parallel.

fn plan_of(json: &str) -> scopecraft::Plan {
    plan(
        &catalog(),
        &Scope::from_json(json).unwrap(),
        &PlanOptions::default(),
    )
    .unwrap()
}

#[test]
fn a_phase_alongside_another_makes_the_plan_as_long_as_the_longer_one() {
    // Deliver (the workshop, 2 weeks) and Train (3 weeks, alongside Deliver) both start in
    // week 1: the plan is max(2, 3) = 3 weeks, not 2 + 3 = 5.
    let p = plan_of(
        r#"{"customer": {"name": "Example Ltd"}, "items": [{"sku": "WORKSHOP"}, {"sku": "TRAINING"}]}"#,
    );
    let ids: Vec<&str> = p.phases.iter().map(|ph| ph.id.as_str()).collect();
    assert_eq!(ids, ["deliver", "train"]);
    assert_eq!(p.phases[0].when, "weeks 1–2 after kick-off");
    assert_eq!(p.phases[1].when, "weeks 1–3 after kick-off");
    assert_eq!(p.phases[1].parallel_with.as_deref(), Some("deliver"));
    assert_eq!(p.total_weeks.span(), "3");
    let markdown = p.to_markdown();
    assert!(markdown.contains("Train (alongside Deliver)"), "{markdown}");
    assert!(
        markdown.contains("Total: 3 weeks from kick-off to hand-off."),
        "{markdown}"
    );

    // The phase after them waits for the longer: Run (12 months = 52 weeks) starts in
    // week 4 and ends in week 3 + 52 = 55 (before: 2 + 3 + 52 = 57).
    let p = plan_of(
        r#"{"customer": {"name": "Example Ltd"}, "items": [{"sku": "WORKSHOP"}, {"sku": "TRAINING"}, {"sku": "MANAGED", "quantity": 12}]}"#,
    );
    assert_eq!(p.phases[2].id, "run");
    assert_eq!(p.phases[2].when, "weeks 4–55 after kick-off");
    assert_eq!(p.total_weeks.span(), "55");
}

#[test]
fn a_phase_alongside_one_left_out_starts_where_that_one_would() {
    // Only the training: Deliver is left out (nothing to deliver), Train starts in week 1
    // and is not said to run alongside a phase that is not there.
    let p = plan_of(r#"{"customer": {"name": "Example Ltd"}, "items": [{"sku": "TRAINING"}]}"#);
    assert_eq!(p.phases.len(), 1);
    assert_eq!(p.phases[0].when, "weeks 1–3 after kick-off");
    assert_eq!(p.phases[0].parallel_with, None);
    assert!(p.to_markdown().contains("| Train |"));
}

#[test]
fn parallel_phases_name_a_known_earlier_phase() {
    let issues = lint_after("parallel_with = \"deliver\"", "parallel_with = \"design\"");
    assert!(
        issues
            .iter()
            .any(|i| i.contains("plan.phases[1].parallel_with: unknown phase \"design\"")),
        "{issues:#?}"
    );
    let issues = lint_after("parallel_with = \"deliver\"", "parallel_with = \"run\"");
    assert!(
        issues
            .iter()
            .any(|i| i
                .contains("plan.phases[1].parallel_with: phase \"run\" comes later in the plan")),
        "{issues:#?}"
    );
}

// 7. Licence tiers or editions defined by the catalog.

#[test]
fn the_catalogs_own_editions_order_the_licence_warnings() {
    // AUDIT requires Enterprise, the highest of community < standard < enterprise. A
    // Standard customer is below it: the quote warns and still prices the line (7,000).
    let q = quote(r#"{"items": [{"sku": "AUDIT"}], "answers": {"general.edition": "standard"}}"#);
    assert_eq!(q.total, firm("7000.00"));
    assert!(
        q.warnings.iter().any(|w| w.contains(
            "AUDIT (Compliance audit) needs an Enterprise licence or higher, but the customer's tier is Standard."
        )),
        "{:#?}",
        q.warnings
    );
    // Community is below the catalog's minimum (Standard): no services for it.
    let q =
        quote(r#"{"items": [{"sku": "WORKSHOP"}], "answers": {"general.edition": "community"}}"#);
    assert!(
        q.warnings.iter().any(|w| w.contains(
            "The customer's licence tier is Community, below Standard: no services are sold for the free Community edition."
        )),
        "{:#?}",
        q.warnings
    );
    // Enterprise meets both: no licence warning.
    let q = quote(r#"{"items": [{"sku": "AUDIT"}], "answers": {"general.edition": "enterprise"}}"#);
    assert!(
        !q.warnings.iter().any(|w| w.contains("licence")),
        "{:#?}",
        q.warnings
    );
}

#[test]
fn a_catalog_card_names_the_tiers_that_meet_a_requirement() {
    let catalog = catalog();
    let words = |id: &str| scopecraft::license_requirement(&catalog, &LicenseTier::new(id));
    assert_eq!(words("community"), "any tier");
    assert_eq!(words("standard"), "Standard or Enterprise");
    assert_eq!(words("enterprise"), "Enterprise");
}

#[test]
fn unknown_and_duplicate_tiers_are_refused_naming_the_field() {
    let issues = lint_after(
        "prerequisites = { license_tier = \"enterprise\" }",
        "prerequisites = { license_tier = \"premium\" }",
    );
    assert!(
        issues.iter().any(|i| i.contains(
            "offering AUDIT: offerings[11].prerequisites.license_tier: unknown licence tier \"premium\"; the catalog's tiers are \"community\", \"standard\", \"enterprise\""
        )),
        "{issues:#?}"
    );
    let issues = lint_after("id = \"enterprise\"\nname", "id = \"standard\"\nname");
    assert!(
        issues
            .iter()
            .any(|i| i.contains("license_tiers[2].id: duplicate licence tier id \"standard\"")),
        "{issues:#?}"
    );
    // The licence question still offers "enterprise", no longer a tier.
    assert!(
        issues
            .iter()
            .any(|i| i.contains("licence tiers of license_tiers")),
        "{issues:#?}"
    );
}
