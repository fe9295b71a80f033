//! Approval rules that look at every line or only at the custom work, on
//! `testdata/catalogs/approval-lines.toml`: STD is a standard fixed fee of 40,000; TM is
//! time and materials on a custom SOW at 300 an hour (on site: 1 traveler, 5 days, so
//! 1,500 + 5 × 400 = 3,500 of travel). Totals worked out by hand in each test.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::catalog::{Catalog, DeliveryMode, load};
use crate::quote::{Quote, price};
use crate::scope::{Scope, ScopeItem};

fn catalog() -> Catalog {
    load(
        "approval-lines.toml",
        include_str!("../../../testdata/catalogs/approval-lines.toml"),
    )
    .unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn tm(hours: &str) -> ScopeItem {
    ScopeItem {
        effort: BTreeMap::from([("engineer".to_string(), d(hours))]),
        ..ScopeItem::new("TM")
    }
}

fn quote(items: Vec<ScopeItem>, quote_discount: Option<&str>) -> Quote {
    let scope = Scope {
        items,
        quote_discount_percent: quote_discount.map(d),
        ..Scope::default()
    };
    price(&catalog(), &scope).unwrap()
}

fn fired(q: &Quote) -> Vec<&str> {
    q.approvals.iter().map(|a| a.rule.as_str()).collect()
}

#[test]
fn all_lines_count_the_standard_fee_custom_work_does_not() {
    // 40,000 + 100 h × 300 = 30,000 → 70,000 over 50,000; the custom work alone is 30,000.
    let q = quote(vec![ScopeItem::new("STD"), tm("100")], None);
    assert_eq!(q.total.high, d("70000.00"));
    assert_eq!(fired(&q), ["review-all"]);
    assert!(
        q.approvals[0]
            .reason
            .contains("high end of the total over USD 50,000.00: USD 70,000.00"),
        "{}",
        q.approvals[0].reason
    );
}

#[test]
fn custom_work_over_the_threshold_fires_both() {
    // 200 h × 300 = 60,000 of custom work; total 100,000.
    let q = quote(vec![ScopeItem::new("STD"), tm("200")], None);
    assert_eq!(fired(&q), ["review-all", "review-custom"]);
    assert!(
        q.approvals[1]
            .reason
            .contains("high end of the custom work over USD 50,000.00: USD 60,000.00"),
        "{}",
        q.approvals[1].reason
    );
}

#[test]
fn custom_work_is_counted_after_its_share_of_the_quote_discount() {
    // 180 h × 300 = 54,000; subtotal 94,000; 10% = 9,400, of which TM takes
    // 9,400 × 54,000 / 94,000 = 5,400: custom work 48,600, not over 50,000. Total 84,600.
    let q = quote(vec![ScopeItem::new("STD"), tm("180")], Some("10"));
    assert_eq!(q.total.high, d("84600.00"));
    assert_eq!(q.lines[1].total.unwrap().high, d("48600.00"));
    assert_eq!(fired(&q), ["review-all"]);
}

#[test]
fn travel_is_never_custom_work() {
    // On site: 166 h × 300 = 49,800 of fees plus 3,500 of travel (an expense line sold
    // with the custom SOW). 49,800 alone is under 50,000; with travel it would be 53,300.
    let q = quote(
        vec![ScopeItem {
            delivery: Some(DeliveryMode::OnSite),
            ..tm("166")
        }],
        None,
    );
    assert_eq!(q.expenses_estimate.high, d("3500.00"));
    assert_eq!(q.total.high, d("49800.00"));
    assert!(fired(&q).is_empty(), "{:?}", fired(&q));
}

#[test]
fn a_line_discount_rule_on_custom_work_ignores_standard_lines() {
    // 15% off the standard fee: over 10%, but STD is not custom work.
    let discounted_std = ScopeItem {
        discount_percent: Some(d("15")),
        ..ScopeItem::new("STD")
    };
    let q = quote(vec![discounted_std, tm("10")], None);
    assert!(!fired(&q).contains(&"discount-custom"), "{:?}", fired(&q));
    // 15% off the custom work (10 h × 300 = 3,000, less 450): fires, naming TM.
    let q = quote(
        vec![
            ScopeItem::new("STD"),
            ScopeItem {
                discount_percent: Some(d("15")),
                ..tm("10")
            },
        ],
        None,
    );
    assert_eq!(fired(&q), ["discount-custom"]);
    assert_eq!(
        q.approvals[0].reason,
        "Discounted custom work. (line discount over 10%: TM at 15%)"
    );
}

#[test]
fn every_trigger_says_what_went_over_which_threshold_in_one_shape() {
    // The GitLab catalog: one Expert Services block (48 h, 14,400), 30% off the line
    // (10,080), then 20% off the quote: 10,080 − 2,016 = 8,064.
    let catalog = Catalog::gitlab().unwrap();
    let scope = Scope::from_json(
        r#"{"items": [{"sku": "GL-XPRT", "hours": 48, "discount_percent": "30"}],
            "quote_discount_percent": "20"}"#,
    )
    .unwrap();
    let q = price(&catalog, &scope).unwrap();
    assert_eq!(q.total.high, d("8064.00"));
    let triggers: Vec<(&str, &str)> = q
        .approvals
        .iter()
        .map(|a| {
            let open = a.reason.rfind(" (").unwrap();
            (a.rule.as_str(), &a.reason[open..])
        })
        .collect();
    assert_eq!(
        triggers,
        [
            (
                "line-discount-regional",
                " (line discount over 10%: GL-XPRT at 30%)"
            ),
            (
                "line-discount-vp",
                " (line discount over 25%: GL-XPRT at 30%)"
            ),
            ("quote-discount-finance", " (quote discount over 15%: 20%)"),
        ]
    );
}
