//! Money invariants and lossless round trips, checked on random scopes over the embedded
//! GitLab catalog (10,000 cases per property; `PROPTEST_CASES` overrides). The ten properties
//! took about 2.5 minutes together in a debug build on two busy cores; the SOW-request round
//! trip is the slowest.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::OnceLock;

use proptest::prelude::*;
use rust_decimal::Decimal;
use scopecraft::{
    Answer, Catalog, Currency, DeliveryMode, LineKind, PriceRange, Quote, Scope, ScopeItem,
    SowRequest, SowRequestOptions, Timestamp, allocate, price, share, sow_request,
};

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::gitlab().unwrap())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(10_000)
}

/// Offerings with a price, each with the fields its model takes.
fn item() -> impl Strategy<Value = ScopeItem> {
    let discount = prop_oneof![
        3 => Just((None, None)),
        2 => (0u32..=10_000).prop_map(|bp| (Some(Decimal::new(i64::from(bp), 2)), None)),
        1 => (0u64..=200_000).prop_map(|a| (None, Some(Decimal::from(a)))),
    ];
    let class_sku = prop::sample::select(vec![
        "GL-BAS-R",
        "GL-CICD-R",
        "GL-PM-R",
        "GL-IS-R",
        "GL-BAS",
        "GL-CICD",
        "GL-DOF",
    ]);
    let fixed_sku = prop::sample::select(vec![
        "GL-JIRA",
        "GL-LDAP",
        "GL-IMPL-QS",
        "MIG+",
        "GL-ENGR-3",
        "PS-SELF-PACED-CERT",
    ]);
    let classes = (
        class_sku,
        0u64..=500,
        prop::option::of(1u64..=20),
        any::<bool>(),
    )
        .prop_map(|(sku, attendees, quantity, on_site)| ScopeItem {
            attendees: Some(attendees),
            quantity,
            delivery: (sku == "GL-DOF").then_some(if on_site {
                DeliveryMode::OnSite
            } else {
                DeliveryMode::Remote
            }),
            ..ScopeItem::new(sku)
        });
    let fixed = (fixed_sku, 1u64..=50).prop_map(|(sku, quantity)| ScopeItem {
        quantity: Some(quantity),
        ..ScopeItem::new(sku)
    });
    let blocks = (1u64..=5_000, 0u32..=99).prop_map(|(hours, cents)| ScopeItem {
        hours: Some(Decimal::from(hours) + Decimal::new(i64::from(cents), 2)),
        ..ScopeItem::new("GL-XPRT")
    });
    let rom = Just(ScopeItem::new("GL-MIG-SM-SAAS"));
    // Migration+ with 0 to 3 of its five classes chosen as included.
    let migration_plus = prop::sample::subsequence(
        vec![
            "GL-BAS-R",
            "GL-CICD-R",
            "GL-PM-R",
            "GL-SEC-R",
            "PS-SYSADMIN-R",
        ],
        0..=3,
    )
    .prop_map(|chosen| ScopeItem {
        included: chosen.into_iter().map(String::from).collect(),
        ..ScopeItem::new("MIG+")
    });
    let tm = (0u64..=2_000, 0u64..=500).prop_map(|(engineer, pm)| {
        let mut item = ScopeItem::new("PS-CUSTOM-IMPL");
        item.effort
            .insert("engineer".into(), Decimal::from(engineer));
        item.effort
            .insert("project_manager".into(), Decimal::from(pm));
        item
    });
    (
        prop_oneof![4 => classes, 3 => fixed, 2 => blocks, 1 => rom, 1 => tm, 1 => migration_plus],
        discount,
    )
        .prop_map(|(mut item, (percent, amount))| {
            item.discount_percent = percent;
            item.discount_amount = amount;
            item
        })
}

fn scope() -> impl Strategy<Value = Scope> {
    (
        prop::collection::vec(item(), 0..8),
        prop::option::of(0u32..=10_000),
        prop::option::of(1u64..=4_000),
        prop::option::of(1u64..=12_000),
        prop::option::of(0u64..=60),
        any::<bool>(),
    )
        .prop_map(|(items, quote_bp, users, repos, large, eur)| {
            let mut scope = Scope {
                items,
                quote_discount_percent: quote_bp.map(|bp| Decimal::new(i64::from(bp), 2)),
                currency: eur.then(|| "EUR".to_string()),
                ..Scope::default()
            };
            for (id, value) in [
                ("migration.users", users),
                ("migration.repositories", repos),
                ("migration.large_repositories", large),
            ] {
                if let Some(value) = value {
                    scope.answers.insert(id.to_string(), Answer::Number(value));
                }
            }
            scope
        })
}

fn priced_lines(quote: &Quote) -> impl Iterator<Item = &scopecraft::QuoteLine> {
    quote.lines.iter().filter(|l| l.kind != LineKind::Expense)
}

fn sum(ranges: impl Iterator<Item = PriceRange>) -> (Decimal, Decimal) {
    ranges.fold((Decimal::ZERO, Decimal::ZERO), |(l, h), r| {
        (l + r.low, h + r.high)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn lines_sum_to_the_subtotal_and_the_total(scope in scope()) {
        let q = price(catalog(), &scope).unwrap();
        prop_assert_eq!(sum(priced_lines(&q).filter_map(|l| l.net)), (q.subtotal.low, q.subtotal.high));
        prop_assert_eq!(sum(priced_lines(&q).filter_map(|l| l.total)), (q.total.low, q.total.high));
        prop_assert_eq!(sum(priced_lines(&q).filter_map(|l| l.quote_discount)), (q.discount.amount.low, q.discount.amount.high));
        let expenses = sum(q.lines.iter().filter(|l| l.kind == LineKind::Expense).filter_map(|l| l.net));
        prop_assert_eq!(expenses, (q.expenses_estimate.low, q.expenses_estimate.high));
        prop_assert_eq!(q.subtotal.low - q.discount.amount.low, q.total.low);
        prop_assert_eq!(q.subtotal.high - q.discount.amount.high, q.total.high);
    }

    #[test]
    fn nothing_is_negative_and_low_never_exceeds_high(scope in scope()) {
        let q = price(catalog(), &scope).unwrap();
        let mut all = vec![q.subtotal, q.total, q.discount.amount, q.expenses_estimate];
        for line in &q.lines {
            all.extend([line.gross, line.discount, line.net, line.quote_discount, line.total].into_iter().flatten());
        }
        for range in all {
            prop_assert!(range.low >= Decimal::ZERO, "{range:?}");
            prop_assert!(range.low <= range.high, "{range:?}");
        }
    }

    #[test]
    fn amounts_are_rounded_to_minor_units(scope in scope()) {
        let q = price(catalog(), &scope).unwrap();
        // Every amount the quote shows, in the JSON too, has exactly the currency's minor
        // units, and a line's printed gross − discount is its printed net.
        let minor = q.currency.minor_units();
        prop_assert_eq!(q.minor_units, minor);
        let mut amounts: Vec<Decimal> = Vec::new();
        let mut ranges = vec![q.subtotal, q.total, q.discount.amount, q.expenses_estimate];
        for line in &q.lines {
            ranges.extend([line.gross, line.discount, line.net, line.quote_discount, line.total].into_iter().flatten());
            amounts.extend(line.unit_price);
            for component in &line.components {
                amounts.extend([component.unit_price, component.amount]);
            }
            for step in &line.trace {
                ranges.extend([step.before, step.after].into_iter().flatten());
            }
            if let (Some(gross), Some(discount), Some(net)) = (line.gross, line.discount, line.net) {
                prop_assert_eq!(gross.low - discount.low, net.low, "{}", line.sku);
                prop_assert_eq!(gross.high - discount.high, net.high, "{}", line.sku);
            }
        }
        amounts.extend(ranges.iter().flat_map(|r| [r.low, r.high]));
        for amount in amounts {
            prop_assert_eq!(amount.scale(), minor, "{}", amount);
        }
    }

    #[test]
    fn a_full_quote_discount_gives_exactly_zero(scope in scope()) {
        let scope = Scope { quote_discount_percent: Some(Decimal::ONE_HUNDRED), ..scope };
        let q = price(catalog(), &scope).unwrap();
        prop_assert_eq!(q.total, PriceRange::firm(q.currency.zero()));
        prop_assert!(priced_lines(&q).filter_map(|l| l.total).all(|t| t.low.is_zero() && t.high.is_zero()));
    }

    #[test]
    fn repricing_is_idempotent_and_survives_a_json_round_trip(scope in scope()) {
        let first = price(catalog(), &scope).unwrap();
        let again = price(catalog(), &scope).unwrap();
        prop_assert_eq!(&first, &again);
        let json = scope.to_json();
        let read_back = Scope::from_json(&json).unwrap();
        prop_assert_eq!(&read_back, &scope);
        prop_assert_eq!(read_back.to_json(), json);
        let quote_json = serde_json::to_string(&first).unwrap();
        prop_assert_eq!(serde_json::to_string(&price(catalog(), &read_back).unwrap()).unwrap(), quote_json.clone());
        let quote_back: Quote = serde_json::from_str(&quote_json).unwrap();
        prop_assert_eq!(quote_back, first);
    }

    #[test]
    fn the_total_does_not_depend_on_item_order(
        (scope, shuffled) in scope().prop_flat_map(|scope| {
            let items = scope.items.clone();
            (Just(scope), Just(items).prop_shuffle())
        })
    ) {
        let forward = price(catalog(), &scope).unwrap();
        let reversed = Scope { items: shuffled, ..scope.clone() };
        let backward = price(catalog(), &reversed).unwrap();
        prop_assert_eq!(forward.subtotal, backward.subtotal);
        prop_assert_eq!(forward.total, backward.total);
        prop_assert_eq!(forward.discount.amount, backward.discount.amount);
        prop_assert_eq!(forward.expenses_estimate, backward.expenses_estimate);
        prop_assert_eq!(forward.approvals.len(), backward.approvals.len());
    }

    #[test]
    fn a_full_line_discount_zeroes_that_line(
        scope in scope(),
        extra in item(),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut discounted = scope;
        let index = pick.index(discounted.items.len() + 1);
        discounted.items.insert(index, ScopeItem {
            discount_percent: Some(Decimal::ONE_HUNDRED),
            discount_amount: None,
            ..extra
        });
        let q = price(catalog(), &discounted).unwrap();
        for line in priced_lines(&q).filter(|l| l.item == index) {
            if let Some(net) = line.net {
                prop_assert!(net.low.is_zero() && net.high.is_zero(), "{net:?}");
            }
        }
        prop_assert!(q.total.low >= Decimal::ZERO);
    }

    #[test]
    fn a_share_link_round_trips_the_scope_without_prices(scope in scope()) {
        let reference = catalog().reference();
        let link = share::encode(&scope, &reference).unwrap();
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        let shared = share::decode(&link).unwrap();
        prop_assert_eq!(&shared.catalog, &reference);
        let expected = Scope { catalog: Some(reference), ..scope.clone() };
        prop_assert_eq!(&shared.scope, &expected);
        // Same scope, same prices on the other side.
        prop_assert_eq!(price(catalog(), &shared.scope).unwrap().total, price(catalog(), &scope).unwrap().total);
    }

    #[test]
    fn the_sow_request_payload_survives_a_json_round_trip(scope in scope()) {
        let mut scope = scope;
        scope.customer.name = "Acme Corp".to_string();
        scope.requester.username = "jdoe".to_string();
        scope.requester.email = "jdoe@example.com".to_string();
        let options = SowRequestOptions {
            generated_at: Timestamp::parse("2026-03-31T09:30:00Z").unwrap(),
            allow_incomplete: true,
            signed_on: None,
        };
        let request = sow_request(catalog(), &scope, &options).unwrap();
        let json = request.to_json_pretty();
        let back = SowRequest::from_json(&json).unwrap();
        prop_assert_eq!(&back, &request);
        prop_assert_eq!(back.to_json_pretty(), json);
    }

    #[test]
    fn allocation_always_sums_exactly(
        total_cents in 0i64..=10_000_000_000,
        weights in prop::collection::vec(0i64..=1_000_000_000, 1..50),
        currency in prop::sample::select(vec!["USD", "JPY", "KWD"]),
    ) {
        let currency = Currency::from_code(currency).unwrap();
        let total = currency.round(Decimal::new(total_cents, 2), scopecraft::RoundingMode::TowardZero);
        let weights: Vec<Decimal> = weights.into_iter().map(|w| Decimal::new(w, 2)).collect();
        match allocate(total, &weights, currency) {
            Some(parts) => {
                prop_assert_eq!(parts.iter().copied().sum::<Decimal>(), total);
                prop_assert!(parts.iter().all(|p| *p >= Decimal::ZERO));
                for (part, weight) in parts.iter().zip(&weights) {
                    if weight.is_zero() { prop_assert!(part.is_zero()); }
                }
            }
            None => prop_assert!(weights.iter().all(|w| w.is_zero()) && !total.is_zero()),
        }
    }
}
