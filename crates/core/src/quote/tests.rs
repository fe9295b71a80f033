//! Engine tests on a small catalog that exercises every pricing model. Expected amounts are
//! worked out by hand in the comments.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::catalog::{DeliveryMode, load};
use crate::date::Date;
use crate::scope::{Answer, ScopeItem};

const CATALOG: &str = include_str!("../../testdata/catalogs/pricing-models.toml");

fn catalog() -> Catalog {
    load("test.toml", CATALOG).unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn firm(s: &str) -> PriceRange {
    PriceRange::firm(d(s))
}

fn range(low: &str, high: &str) -> PriceRange {
    PriceRange {
        low: d(low),
        high: d(high),
    }
}

fn scope(items: Vec<ScopeItem>) -> Scope {
    Scope {
        items,
        ..Scope::default()
    }
}

fn item(sku: &str) -> ScopeItem {
    ScopeItem::new(sku)
}

fn quote(scope: &Scope) -> Quote {
    price(&catalog(), scope).unwrap()
}

fn error_text(scope: &Scope) -> String {
    price(&catalog(), scope).unwrap_err().to_string()
}

#[test]
fn forty_attendees_take_three_classes_and_four_seats() {
    // 2 classes: 10,000 + 16 × 500 = 18,000; 3 classes: 15,000 + 4 × 500 = 17,000;
    // 4 classes: 20,000. Three is cheapest.
    let q = quote(&scope(vec![ScopeItem {
        attendees: Some(40),
        ..item("CLS-R")
    }]));
    let line = &q.lines[0];
    assert_eq!(line.quantity, 3);
    assert_eq!(line.net, Some(firm("17000.00")));
    assert_eq!(line.components.len(), 2);
    assert_eq!(&*line.components[1].sku, "SEAT");
    assert_eq!(line.components[1].quantity, d("4"));
    let words: Vec<String> = line.trace.iter().map(|t| t.text()).collect();
    assert!(
        words.iter().any(|t| t.contains("2 classes USD 18,000.00")
            && t.contains("3 classes USD 17,000.00")
            && t.contains("4 classes USD 20,000.00")),
        "{words:#?}"
    );
    assert_eq!(q.total, firm("17000.00"));
    assert_eq!(q.routing.form, Paperwork::OrderForm);
}

#[test]
fn class_count_and_attendees_together_count_extra_seats() {
    // 2 classes seat 24; 30 attendees → 6 add-ons: 10,000 + 3,000.
    let q = quote(&scope(vec![ScopeItem {
        attendees: Some(30),
        quantity: Some(2),
        ..item("CLS-R")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("13000.00")));
    // 4 classes for 30 attendees: no add-ons, even though 3 would be cheaper.
    let q = quote(&scope(vec![ScopeItem {
        attendees: Some(30),
        quantity: Some(4),
        ..item("CLS-R")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("20000.00")));
}

#[test]
fn a_tie_goes_to_more_classes() {
    // 24 attendees: 1 class + 12 seats = 6,000 + 6,000 = 12,000 = 2 classes × 6,000.
    let q = quote(&scope(vec![ScopeItem {
        attendees: Some(24),
        ..item("TIE")
    }]));
    assert_eq!(q.lines[0].quantity, 2);
    assert_eq!(q.lines[0].net, Some(firm("12000.00")));
    assert!(
        q.lines[0]
            .trace
            .iter()
            .any(|t| t.text().contains("a tie goes to more classes"))
    );
}

#[test]
fn small_and_exact_groups() {
    for (attendees, classes, total) in [
        (0, 1, "5000.00"),
        (1, 1, "5000.00"),
        (12, 1, "5000.00"),
        (13, 1, "5500.00"),
        (24, 2, "10000.00"),
        (25, 2, "10500.00"),
    ] {
        let q = quote(&scope(vec![ScopeItem {
            attendees: Some(attendees),
            ..item("CLS-R")
        }]));
        assert_eq!(q.lines[0].quantity, classes, "{attendees} attendees");
        assert_eq!(q.lines[0].net, Some(firm(total)), "{attendees} attendees");
    }
}

#[test]
fn cohort_needs_four_seats_per_extra_attendee_and_travel_on_site() {
    // 14 attendees: 1 cohort 20,000 + 2 extra × 4 seats × 500 = 24,000 (2 cohorts: 40,000).
    // On site: 1 traveler × (1,500 + 4 days × 400) = 3,100 for the one trip.
    let q = quote(&scope(vec![ScopeItem {
        attendees: Some(14),
        delivery: Some(DeliveryMode::OnSite),
        ..item("COHORT")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("24000.00")));
    assert_eq!(q.lines[0].components[1].quantity, d("8"));
    assert_eq!(q.lines.len(), 2);
    assert_eq!(q.lines[1].kind, LineKind::Expense);
    assert_eq!(q.lines[1].net, Some(firm("3100.00")));
    assert_eq!(q.expenses_estimate, firm("3100.00"));
    // Expenses are never part of the fee total.
    assert_eq!(q.total, firm("24000.00"));
}

#[test]
fn on_site_classes_travel_once_per_class() {
    // 30 attendees on site at 7,000: 1 class + 18 seats = 16,000 beats 2 classes + 6 seats
    // = 17,000 and 3 classes = 21,000. One class, one trip: 1,500 + 400.
    let q = quote(&scope(vec![ScopeItem {
        attendees: Some(30),
        ..item("CLS")
    }]));
    assert_eq!(q.lines[0].quantity, 1);
    assert_eq!(q.lines[0].net, Some(firm("16000.00")));
    assert_eq!(q.expenses_estimate, firm("1900.00"));
    // Two classes asked for: two trips.
    let q = quote(&scope(vec![ScopeItem {
        attendees: Some(30),
        quantity: Some(2),
        ..item("CLS")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("17000.00")));
    assert_eq!(q.expenses_estimate, firm("3800.00"));
}

#[test]
fn hours_round_up_to_whole_blocks() {
    // A block holds 48 hours in all (40 expert + 8 project management); entered hours count
    // against the 48: 100 / 48 = 2.08 → 3, 144 / 48 = 3, 144.5 / 48 = 3.01 → 4.
    for (hours, blocks) in [
        ("48", 1),
        ("48.01", 2),
        ("100", 3),
        ("144", 3),
        ("144.5", 4),
    ] {
        let q = quote(&scope(vec![ScopeItem {
            hours: Some(d(hours)),
            ..item("XPRT")
        }]));
        assert_eq!(q.lines[0].quantity, blocks, "{hours} hours");
    }
    let q = quote(&scope(vec![ScopeItem {
        hours: Some(d("100")),
        discount_percent: Some(d("10")),
        ..item("XPRT")
    }]));
    // 3 × 14,400 = 43,200; less 10% = 38,880.
    assert_eq!(q.lines[0].gross, Some(firm("43200.00")));
    assert_eq!(q.lines[0].discount, Some(firm("4320.00")));
    assert_eq!(q.lines[0].net, Some(firm("38880.00")));
}

#[test]
fn volume_and_graduated_tiers() {
    // Volume: 20 users reach the 11–50 tier: 20 × 90 = 1,800.
    let q = quote(&scope(vec![ScopeItem {
        quantity: Some(20),
        ..item("VOL")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("1800.00")));
    // Graduated: 10 × 100 + 10 × 90 = 1,900; 60: 1,000 + 40 × 90 + 10 × 80 = 5,400.
    let q = quote(&scope(vec![ScopeItem {
        quantity: Some(20),
        ..item("GRAD")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("1900.00")));
    let q = quote(&scope(vec![ScopeItem {
        quantity: Some(60),
        ..item("GRAD")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("5400.00")));
    assert_eq!(q.lines[0].components.len(), 3);
    // Band edges: 10 is the first tier, 11 the second, 51 the third.
    for (quantity, total) in [
        (10, "1000.00"),
        (11, "990.00"),
        (50, "4500.00"),
        (51, "4080.00"),
    ] {
        let q = quote(&scope(vec![ScopeItem {
            quantity: Some(quantity),
            ..item("VOL")
        }]));
        assert_eq!(q.lines[0].net, Some(firm(total)), "{quantity}");
    }
    assert_eq!(
        error_text(&scope(vec![ScopeItem {
            quantity: Some(101),
            ..item("VOL")
        }])),
        "items[0].quantity: VOL is sold up to 100 users; got 101"
    );
}

#[test]
fn time_and_materials_with_a_cap() {
    // 80 h × 300 + 10 h × 250 = 26,500.
    let mut tm = item("TM");
    tm.effort.insert("engineer".into(), d("80"));
    tm.effort.insert("project_manager".into(), d("10"));
    let q = quote(&scope(vec![tm.clone()]));
    assert_eq!(q.lines[0].net, Some(firm("26500.00")));
    assert!(q.requires_custom_sow);
    tm.not_to_exceed = Some(d("25000"));
    let q = quote(&scope(vec![tm.clone()]));
    assert_eq!(q.lines[0].net, Some(firm("25000.00")));
    assert!(q.warnings.iter().any(|w| w.contains("not-to-exceed")));
    // No effort: a custom line, left out of the total.
    let q = quote(&scope(vec![item("TM")]));
    assert_eq!(q.lines[0].kind, LineKind::Custom);
    assert!(q.custom_estimate_needed);
    tm.effort.insert("architect".into(), d("1"));
    assert!(
        error_text(&scope(vec![tm]))
            .starts_with("items[0].effort.architect: TM is staffed by engineer, project_manager")
    );
}

fn rom_scope(answers: &[(&str, u64)]) -> Scope {
    let mut s = scope(vec![item("ROM")]);
    for (id, value) in answers {
        s.answers.insert((*id).to_string(), Answer::Number(*value));
    }
    s
}

#[test]
fn range_table_lookup_with_large_repository_groups() {
    // 800 users (501–1,000), 2,500 repositories (2,001–3,000): 75,000–85,000; 13 large
    // repositories: 2 started groups of 10 × 12,000 = 24,000 → 99,000–109,000.
    let q = quote(&rom_scope(&[
        ("migration.users", 800),
        ("migration.repositories", 2500),
        ("migration.large_repositories", 13),
    ]));
    // An estimate table's range is an estimate, never a fixed fee.
    assert_eq!(q.lines[0].kind, LineKind::Estimate);
    assert_eq!(q.lines[0].net, Some(range("99000.00", "109000.00")));
    assert_eq!(q.total, range("99000.00", "109000.00"));
    assert!(q.missing_answers.is_empty());
    assert!(q.requires_custom_sow);
}

#[test]
fn range_table_band_edges() {
    for (users, repos, large, low, high) in [
        (500, 1000, 0, "30000.00", "40000.00"),
        (501, 1000, 0, "35000.00", "45000.00"),
        (500, 1001, 0, "50000.00", "60000.00"),
        (1, 1, 10, "42000.00", "52000.00"),
        (1, 1, 11, "54000.00", "64000.00"),
    ] {
        let q = quote(&rom_scope(&[
            ("migration.users", users),
            ("migration.repositories", repos),
            ("migration.large_repositories", large),
        ]));
        assert_eq!(
            q.lines[0].net,
            Some(range(low, high)),
            "{users} users, {repos} repos, {large} large"
        );
    }
}

#[test]
fn outside_the_table_needs_a_custom_estimate() {
    let q = quote(&rom_scope(&[
        ("migration.users", 1001),
        ("migration.repositories", 10),
        ("migration.large_repositories", 0),
    ]));
    assert_eq!(q.lines[0].kind, LineKind::Custom);
    assert_eq!(q.lines[0].net, None);
    assert!(q.custom_estimate_needed);
    assert_eq!(q.total, firm("0.00"));
    assert!(
        q.lines[0].trace[0].text().contains("custom estimate"),
        "{:?}",
        q.lines[0].trace
    );
}

#[test]
fn missing_answers_widen_the_range_and_narrow_as_they_arrive() {
    // Nothing answered: users 1–1,000 (both rows), repositories 1–3,000 (all columns),
    // large 0–30 (0–3 groups): 30,000 … 85,000 + 36,000.
    let q = quote(&rom_scope(&[]));
    assert_eq!(q.total, range("30000.00", "121000.00"));
    assert_eq!(
        q.missing_answers,
        vec![
            "migration.users",
            "migration.repositories",
            "migration.large_repositories"
        ]
    );
    let q = quote(&rom_scope(&[("migration.repositories", 2500)]));
    assert_eq!(q.total, range("70000.00", "121000.00"));
    let q = quote(&rom_scope(&[
        ("migration.repositories", 2500),
        ("migration.users", 800),
    ]));
    assert_eq!(q.total, range("75000.00", "121000.00"));
    let q = quote(&rom_scope(&[
        ("migration.repositories", 2500),
        ("migration.users", 800),
        ("migration.large_repositories", 0),
    ]));
    assert_eq!(q.total, range("75000.00", "85000.00"));
    assert!(q.missing_answers.is_empty());
    // Missing attendees price a class across the plausible 1–48 attendees: 5,000 … 4 classes 20,000.
    let q = quote(&scope(vec![item("CLS-R")]));
    assert_eq!(q.total, range("5000.00", "20000.00"));
    assert_eq!(q.lines[0].quantity_high, Some(4));
    assert_eq!(q.missing_answers, vec!["education.attendees"]);
}

#[test]
fn an_answer_of_the_wrong_kind_is_named() {
    let mut s = rom_scope(&[("migration.users", 800)]);
    s.answers
        .insert("migration.repositories".into(), Answer::Text("lots".into()));
    // The answer check names it once, in the words recommend and plan use; the range
    // table's own complaint about the same answer is not repeated.
    assert_eq!(
        error_text(&s),
        "answers.migration.repositories: \"How many repositories will be migrated?\" takes a \
         whole number of at least 1, got \"lots\""
    );
}

#[test]
fn every_problem_of_a_scope_is_named_in_one_run() {
    // An unknown SKU, an answer below its question's minimum and an answer to no question:
    // before, `quote` stopped at the SKU and never looked at the answers.
    let mut s = scope(vec![item("XPRT"), item("NOPE")]);
    s.answers
        .insert("migration.users".into(), Answer::Number(0));
    s.answers
        .insert("migration.usres".into(), Answer::Number(5));
    let text = error_text(&s);
    let fields: Vec<&str> = text
        .lines()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "answers.migration.users",
            "answers.migration.usres",
            "items[1].sku"
        ],
        "{text}"
    );
}

#[test]
fn percent_of_subtotal_counts_the_other_lines() {
    // 5,000 + 14,400 = 19,400; 10% = 1,940.
    let q = quote(&scope(vec![
        item("PM"),
        item("CLS-R").with_attendees(10),
        item("XPRT"),
    ]));
    assert_eq!(q.lines[0].net, Some(firm("1940.00")));
    assert_eq!(q.total, firm("21340.00"));
}

trait WithAttendees {
    fn with_attendees(self, attendees: u64) -> ScopeItem;
}

impl WithAttendees for ScopeItem {
    fn with_attendees(mut self, attendees: u64) -> ScopeItem {
        self.attendees = Some(attendees);
        self
    }
}

#[test]
fn rounding_happens_once_per_line_with_the_catalog_mode() {
    // 3 × 33.35 = 100.05; half off = 50.025 → 50.03 (half away from zero).
    let odd = ScopeItem {
        quantity: Some(3),
        discount_percent: Some(d("50")),
        ..item("ODD")
    };
    let q = quote(&scope(vec![odd.clone()]));
    assert_eq!(q.lines[0].net, Some(firm("50.03")));
    assert_eq!(q.lines[0].discount, Some(firm("50.02")));
    let even = load(
        "test.toml",
        &CATALOG.replace(
            "base_currency = \"USD\"",
            "base_currency = \"USD\"\nrounding = \"half_even\"",
        ),
    )
    .unwrap();
    let q = price(&even, &scope(vec![odd])).unwrap();
    assert_eq!(q.lines[0].net, Some(firm("50.02")));
}

#[test]
fn a_full_discount_gives_exactly_zero() {
    let q = quote(&Scope {
        quote_discount_percent: Some(d("100")),
        ..scope(vec![item("XPRT"), item("CLS-R").with_attendees(40)])
    });
    assert_eq!(q.total, firm("0.00"));
    assert_eq!(q.total.low.to_string(), "0.00");
    let q = quote(&scope(vec![ScopeItem {
        discount_percent: Some(d("100")),
        ..item("XPRT")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("0.00")));
}

#[test]
fn an_amount_discount_never_takes_a_line_below_zero() {
    let q = quote(&scope(vec![ScopeItem {
        discount_amount: Some(d("20000")),
        ..item("XPRT")
    }]));
    assert_eq!(q.lines[0].net, Some(firm("0.00")));
    assert!(q.lines[0].trace.iter().any(|t| t.text().contains("capped")));
}

#[test]
fn quote_discount_is_allocated_exactly() {
    // Subtotal 17,000 + 38,880 + 24,000 + 99,000–109,000 = 178,880–188,880.
    // 5%: 8,944.00–9,444.00 off → 169,936.00–179,436.00.
    let mut s = scope(vec![
        item("CLS-R").with_attendees(40),
        ScopeItem {
            hours: Some(d("100")),
            discount_percent: Some(d("10")),
            ..item("XPRT")
        },
        ScopeItem {
            delivery: Some(DeliveryMode::OnSite),
            ..item("COHORT").with_attendees(14)
        },
        item("ROM"),
    ]);
    for (id, value) in [
        ("migration.users", 800),
        ("migration.repositories", 2500),
        ("migration.large_repositories", 13),
    ] {
        s.answers.insert(id.into(), Answer::Number(value));
    }
    s.quote_discount_percent = Some(d("5"));
    let q = quote(&s);
    assert_eq!(q.subtotal, range("178880.00", "188880.00"));
    assert_eq!(q.discount.amount, range("8944.00", "9444.00"));
    assert_eq!(q.total, range("169936.00", "179436.00"));
    let priced: Vec<&QuoteLine> = q
        .lines
        .iter()
        .filter(|l| l.kind != LineKind::Expense)
        .collect();
    let low: Decimal = priced.iter().filter_map(|l| l.total).map(|t| t.low).sum();
    let high: Decimal = priced.iter().filter_map(|l| l.total).map(|t| t.high).sum();
    assert_eq!((low, high), (q.total.low, q.total.high));
    let shares: Decimal = priced
        .iter()
        .filter_map(|l| l.quote_discount)
        .map(|t| t.low)
        .sum();
    assert_eq!(shares, q.discount.amount.low);
    // The total's high end is over $50,000: technical review. The line discount is exactly
    // 10%, which is not over 10%.
    assert_eq!(q.approvals.len(), 1);
    assert_eq!(q.approvals[0].label.as_deref(), Some("TA::Needs-Review"));
    assert_eq!(q.routing.form, Paperwork::OrderFormAndCustomSow);
    assert_eq!(q.expenses_estimate, firm("3100.00"));
}

#[test]
fn approvals_fire_over_their_thresholds() {
    let q = quote(&scope(vec![ScopeItem {
        discount_percent: Some(d("12")),
        ..item("XPRT")
    }]));
    assert_eq!(q.approvals.len(), 1);
    assert_eq!(q.approvals[0].rule, "line-discount");
    assert!(
        q.approvals[0].reason.contains("XPRT at 12%"),
        "{}",
        q.approvals[0].reason
    );
    assert!(q.approvals[0].example);
}

#[test]
fn converted_price_books_round_once_at_their_step() {
    // 14,400 × 0.97 = 13,968 → nearest 10 → 13,970 EUR per block.
    let q = quote(&Scope {
        currency: Some("EUR".into()),
        ..scope(vec![item("XPRT")])
    });
    assert_eq!(q.currency.code(), "EUR");
    assert_eq!(q.lines[0].unit_price, Some(d("13970.00")));
    assert!(
        q.lines[0]
            .trace
            .iter()
            .any(|t| t.text().contains("fixed rate 0.97 of 2022-11-15"))
    );
    // JPY has no minor units: 14,400 × 150 = 2,160,000.
    let q = quote(&Scope {
        currency: Some("JPY".into()),
        ..scope(vec![item("XPRT")])
    });
    assert_eq!(q.total.low.to_string(), "2160000");
    // KWD has three: 5,000 × 0.3075 = 1,537.500.
    let q = quote(&Scope {
        currency: Some("KWD".into()),
        ..scope(vec![ScopeItem {
            quantity: Some(1),
            ..item("CLS-R")
        }])
    });
    assert_eq!(q.total.low.to_string(), "1537.500");
    // The $50,000 review threshold converts at the book's rate: 60,000 × 0.97 EUR.
    let q = quote(&Scope {
        currency: Some("EUR".into()),
        ..scope(vec![ScopeItem {
            quantity: Some(4),
            ..item("XPRT")
        }])
    });
    assert_eq!(q.approvals.len(), 1);
    assert!(
        q.approvals[0].reason.contains("EUR 48,500.00"),
        "{}",
        q.approvals[0].reason
    );
}

#[test]
fn errors_name_the_field_and_suggest_a_fix() {
    assert_eq!(
        error_text(&scope(vec![item("CLS-R"), item("XPTR")])),
        "items[1].sku: unknown SKU \"XPTR\": no offering in catalog test has it; did you mean XPRT?"
    );
    assert_eq!(
        error_text(&scope(vec![ScopeItem {
            delivery: Some(DeliveryMode::OnSite),
            ..item("CLS-R")
        }])),
        "items[0].delivery: CLS-R is delivered remote only; for on-site delivery use CLS"
    );
    assert_eq!(
        error_text(&scope(vec![item("XPRT").with_attendees(3)])),
        "items[0].attendees: XPRT is priced by the blocks model; `attendees` only applies to classes"
    );
    assert_eq!(
        error_text(&Scope {
            currency: Some("GBP".into()),
            ..scope(vec![item("XPRT")])
        }),
        "currency: the catalog has no price book for GBP; available: USD, EUR, JPY, KWD"
    );
    // Every bad item is reported, not just the first.
    let text = error_text(&scope(vec![item("NOPE"), item("XPRT").with_attendees(1)]));
    assert_eq!(text.lines().count(), 2, "{text}");
    let text = error_text(&scope(vec![ScopeItem {
        discount_percent: Some(d("5")),
        ..item("HEALTH")
    }]));
    assert!(
        text.starts_with("items[0].discount_percent: HEALTH has no list price,"),
        "{text}"
    );
    // A line that has no price only for now keeps its discount, with a warning.
    let mut s = rom_scope(&[
        ("migration.users", 5000),
        ("migration.repositories", 10),
        ("migration.large_repositories", 0),
    ]);
    s.items[0].discount_percent = Some(d("10"));
    let q = quote(&s);
    assert_eq!(q.lines[0].kind, LineKind::Custom);
    assert!(
        q.warnings
            .iter()
            .any(|w| w.contains("line discount does not apply")),
        "{:?}",
        q.warnings
    );
}

#[test]
fn availability_is_checked_against_the_date_given() {
    let dated = CATALOG.replace(
        "sku = \"ODD\"\nname = \"Odd price\"",
        "sku = \"ODD\"\navailable_from = \"2023-01-01\"\navailable_until = \"2023-12-31\"\nname = \"Odd price\"",
    );
    let catalog = load("test.toml", &dated).unwrap();
    let s = scope(vec![item("ODD")]);
    let on = |date: &str| {
        price_with(
            &catalog,
            &s,
            &QuoteOptions {
                as_of: Some(Date::parse(date).unwrap()),
            },
        )
    };
    assert!(on("2023-06-01").is_ok());
    assert_eq!(
        on("2022-12-31").unwrap_err().to_string(),
        "items[0].sku: ODD is not sold until 2023-01-01"
    );
    assert_eq!(
        on("2024-01-01").unwrap_err().to_string(),
        "items[0].sku: ODD was withdrawn after 2023-12-31"
    );
    assert!(price(&catalog, &s).is_ok());
}

#[test]
fn same_inputs_give_byte_identical_output() {
    let s = Scope {
        quote_discount_percent: Some(d("7.5")),
        ..scope(vec![
            item("CLS-R").with_attendees(40),
            item("ROM"),
            item("HEALTH"),
        ])
    };
    let a = serde_json::to_string(&quote(&s)).unwrap();
    let b = serde_json::to_string(&quote(&s)).unwrap();
    assert_eq!(a, b);
    assert!(a.contains("\"17000.00\""), "{a}");
}

#[test]
fn amounts_serialise_as_decimal_strings_at_currency_scale() {
    let q = quote(&scope(vec![item("CLS-R").with_attendees(40)]));
    let json = serde_json::to_value(&q).unwrap();
    assert_eq!(json["total"]["low"], "17000.00");
    assert_eq!(json["lines"][0]["net"]["high"], "17000.00");
    assert_eq!(json["lines"][0]["unit_price"], "5000.00");
    assert_eq!(json["lines"][0]["quantity"], 3);
    assert_eq!(json["catalog"]["id"], "test");
    assert_eq!(json["catalog"]["hash"].as_str().unwrap().len(), 64);
}

#[test]
fn list_prices_for_catalog_cards() {
    let c = catalog();
    let usd = Currency::from_code("USD").unwrap();
    let show = |sku: &str| list_price(&c, sku, usd).unwrap().display(usd);
    assert_eq!(show("CLS-R"), "USD 5,000.00 per class");
    assert_eq!(show("COHORT"), "USD 20,000.00 per class");
    assert_eq!(show("XPRT"), "USD 14,400.00 per block");
    assert_eq!(show("VOL"), "from USD 80.00 per user");
    assert_eq!(show("ROM"), "USD 30,000.00 – 85,000.00 (estimate)");
    assert_eq!(show("TM"), "time and materials");
    assert_eq!(show("HEALTH"), "custom quote");
    assert_eq!(show("PM"), "10% of the other lines");
    let eur = Currency::from_code("EUR").unwrap();
    assert_eq!(
        list_price(&c, "XPRT", eur).unwrap().display(eur),
        "EUR 13,970.00 per block"
    );
    assert!(list_price(&c, "NOPE", usd).is_none());
}

#[test]
fn a_rounding_difference_is_never_shown_as_a_discount() {
    // ODD 3 × 33.35 = 100.05; XPRT one block 14,400.00; PM 10% of 14,500.05 = 1,450.005,
    // which rounds (half away from zero) to 1,450.01. Before: gross 1,450.0050, discount
    // −0.0050 (printed "USD -0.01"), net 1,450.01. Now the gross is 1,450.01 and the line has
    // no discount; 100.05 + 14,400.00 + 1,450.01 = 15,950.06.
    let q = quote(&scope(vec![
        ScopeItem {
            quantity: Some(3),
            ..item("ODD")
        },
        item("XPRT"),
        item("PM"),
    ]));
    let pm = &q.lines[2];
    assert_eq!(pm.gross, Some(firm("1450.01")));
    assert_eq!(pm.discount, Some(firm("0.00")));
    assert_eq!(pm.net, Some(firm("1450.01")));
    assert_eq!(pm.gross.unwrap().low.to_string(), "1450.01");
    assert_eq!(q.subtotal, firm("15950.06"));
    for line in &q.lines {
        let (gross, discount, net) = (
            line.gross.unwrap(),
            line.discount.unwrap(),
            line.net.unwrap(),
        );
        assert_eq!(gross.checked_sub(discount), Some(net), "{}", line.sku);
        assert_eq!(discount, firm("0.00"), "{} has no line discount", line.sku);
    }
}

#[test]
fn a_discounted_line_shows_gross_less_discount_equal_to_net() {
    // PM 10% of 100.05 = 10.005 → gross 10.01; 15% off 10.01 = 8.5085 → net 8.51; the
    // discount is 10.01 − 8.51 = 1.50, so the three printed figures agree.
    let q = quote(&scope(vec![
        ScopeItem {
            quantity: Some(3),
            ..item("ODD")
        },
        ScopeItem {
            discount_percent: Some(d("15")),
            ..item("PM")
        },
    ]));
    let pm = &q.lines[1];
    assert_eq!(pm.gross, Some(firm("10.01")));
    assert_eq!(pm.net, Some(firm("8.51")));
    assert_eq!(pm.discount, Some(firm("1.50")));
}

#[test]
fn fractional_hours_are_rounded_per_role_so_the_effort_adds_up() {
    // Engineer 1.33335 h × 300 = 400.005 → 400.01; project manager 0.3333 h × 250 = 83.325
    // → 83.33 (half away from zero); the line is 400.01 + 83.33 = 483.34. Before, the
    // components read 400.00500 and 83.3250 and the gross 483.33000.
    let mut tm = item("TM");
    tm.effort.insert("engineer".into(), d("1.33335"));
    tm.effort.insert("project_manager".into(), d("0.3333"));
    let q = quote(&scope(vec![tm]));
    let line = &q.lines[0];
    let amounts: Vec<String> = line
        .components
        .iter()
        .map(|c| c.amount.to_string())
        .collect();
    assert_eq!(amounts, vec!["400.01", "83.33"]);
    assert_eq!(line.gross, Some(firm("483.34")));
    assert_eq!(line.gross.unwrap().low.to_string(), "483.34");
    // Engineer 0.00175 h × 300 = 0.525 → 0.53.
    let mut fine = item("TM");
    fine.effort.insert("engineer".into(), d("0.00175"));
    let q = quote(&scope(vec![fine]));
    assert_eq!(q.lines[0].components[0].amount.to_string(), "0.53");
    assert_eq!(q.lines[0].gross, Some(firm("0.53")));
    assert_eq!(q.lines[0].discount, Some(firm("0.00")));
}

#[test]
fn scope_amounts_finer_than_the_quote_currency_are_refused() {
    // In yen there are no minor units: a 1,000.50 discount or a 2,000.5 cap cannot be billed.
    let mut tm = ScopeItem {
        not_to_exceed: Some(d("2000.5")),
        ..item("TM")
    };
    tm.effort.insert("engineer".into(), d("10"));
    let s = Scope {
        currency: Some("JPY".into()),
        ..scope(vec![
            ScopeItem {
                discount_amount: Some(d("1000.50")),
                ..item("XPRT")
            },
            tm,
        ])
    };
    assert_eq!(
        error_text(&s),
        "items[0].discount_amount: discount_amount is 1000.50; JPY has no minor units, so its \
         amounts are whole numbers: write 1000 or 1001\n\
         items[1].not_to_exceed: not_to_exceed is 2000.5; JPY has no minor units, so its \
         amounts are whole numbers: write 2000 or 2001"
    );
    // The same discount in dollars is two decimals and prices: 14,400.00 − 1,000.50.
    let usd = scope(vec![ScopeItem {
        discount_amount: Some(d("1000.50")),
        ..item("XPRT")
    }]);
    assert_eq!(quote(&usd).lines[0].net, Some(firm("13399.50")));
}

#[test]
fn the_json_states_the_minor_units_and_writes_every_amount_with_them() {
    // XPRT 14,400 USD: in JPY × 150 = 2,160,000 (no minor units); in KWD × 0.3075 =
    // 4,428.000 (three).
    for (code, minor, gross) in [
        ("JPY", 0, "2160000"),
        ("KWD", 3, "4428.000"),
        ("USD", 2, "14400.00"),
    ] {
        let q = quote(&Scope {
            currency: Some(code.into()),
            ..scope(vec![item("XPRT")])
        });
        let json: serde_json::Value = serde_json::to_value(&q).unwrap();
        assert_eq!(json["currency"], code);
        assert_eq!(json["minor_units"], minor);
        assert_eq!(json["lines"][0]["gross"]["low"], gross);
        assert_eq!(
            json["lines"][0]["discount"]["low"],
            if minor == 0 {
                "0".to_string()
            } else {
                format!("0.{}", "0".repeat(minor))
            }
        );
        assert_eq!(json["total"]["high"], gross);
    }
}

#[test]
fn a_line_editor_check_names_the_items_own_problems_only() {
    let c = catalog();
    let messages = |s: &Scope, index: usize| -> Vec<String> {
        item_errors(&c, s, index)
            .iter()
            .map(|e| e.to_string())
            .collect()
    };
    // 10 h × 300 + 4 h × 250 = 4,000, capped at 3,500, less 200: a line the engine prices.
    let mut tm = item("TM");
    tm.effort.insert("engineer".into(), d("10"));
    tm.effort.insert("project_manager".into(), d("4"));
    tm.not_to_exceed = Some(d("3500"));
    tm.discount_amount = Some(d("200"));
    tm.note = "Phase one only.".into();
    let mut s = scope(vec![tm.clone(), item("NOPE")]);
    assert!(messages(&s, 0).is_empty(), "{:?}", messages(&s, 0));
    let mut alone = s.clone();
    alone.items.truncate(1);
    assert_eq!(quote(&alone).lines[0].net, Some(firm("3300.00")));
    // The other item's unknown SKU is its own problem, not item 0's.
    assert_eq!(messages(&s, 1).len(), 1);
    assert!(messages(&s, 1)[0].starts_with("items[1].sku: unknown SKU \"NOPE\""));
    assert!(messages(&s, 2).is_empty(), "no item 2");

    // The scope format's rules: what a saved scope or a share link would not read back.
    s.items[0].discount_amount = None;
    s.items[0].discount_percent = Some(d("150"));
    s.items[0].note = "tab\u{7}bell".into();
    assert_eq!(
        messages(&s, 0),
        [
            "items[0].discount_percent: 150 is out of range: expected 0 to 100",
            "items[0].note: contains control characters",
        ]
    );
    // The engine's: a role the offering is not staffed by, both kinds of discount.
    s.items[0] = tm.clone();
    s.items[0].effort.insert("architect".into(), d("1"));
    s.items[0].discount_percent = Some(d("5"));
    assert_eq!(
        messages(&s, 0),
        ["items[0].discount_amount: give a discount as a percentage or as an amount, not both",]
    );
    s.items[0].discount_percent = None;
    assert_eq!(
        messages(&s, 0),
        [
            "items[0].effort.architect: TM is staffed by engineer, project_manager; \"architect\" is not one of its roles",
        ]
    );
}

#[test]
fn effort_roles_are_the_offerings_with_their_rate_card_names() {
    let c = catalog();
    let tm = c.offering("TM").unwrap();
    assert_eq!(
        c.effort_roles(tm),
        [
            ("engineer", "Engineer"),
            ("project_manager", "Project manager")
        ]
    );
    assert!(c.effort_roles(c.offering("XPRT").unwrap()).is_empty());
}

#[test]
fn each_line_reads_its_own_steps_in_the_order_they_were_applied() {
    // A percentage line first (priced after the others, so its steps are written last), a
    // discounted class, a block of hours and a quote discount: every line's trace must be
    // its own, each amount following on from the one before, the quote discount last.
    let mut s = scope(vec![
        ScopeItem {
            discount_percent: Some(d("10")),
            ..item("PM")
        },
        ScopeItem {
            discount_percent: Some(d("12")),
            ..item("CLS-R").with_attendees(10)
        },
        item("XPRT"),
    ]);
    s.quote_discount_percent = Some(d("5"));
    let q = quote(&s);
    let names = |line: &QuoteLine| -> Vec<String> {
        line.trace
            .iter()
            .map(|step| step.step().to_string())
            .collect()
    };
    assert_eq!(
        names(&q.lines[0]),
        ["percent_of_subtotal", "line_discount", "quote_discount"]
    );
    for line in &q.lines {
        let last = line.trace.last().expect("every line has steps");
        assert_eq!(last.step(), "quote_discount", "{}", line.sku);
        assert_eq!(
            (last.before, last.after),
            (line.net, line.total),
            "{}",
            line.sku
        );
        let mut amount = None;
        for step in &line.trace {
            if step.before.is_some() && amount.is_some() {
                assert_eq!(step.before, amount, "{}: {}", line.sku, step.step());
            }
            amount = step.after.or(amount);
        }
        if let Some(discount) = line.trace.iter().find(|s| s.step() == "line_discount") {
            assert_eq!((discount.before, discount.after), (line.gross, line.net));
        }
    }
    let read: Quote = serde_json::from_str(&serde_json::to_string(&q).unwrap()).unwrap();
    assert_eq!(read, q);
    assert_eq!(names(&read.lines[0]), names(&q.lines[0]));
}
