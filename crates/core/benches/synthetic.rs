//! The synthetic scopes the benchmarks and the profiling example price.
#![allow(dead_code)]

use rust_decimal::Decimal;
use scopecraft::{Answer, DeliveryMode, Scope, ScopeItem};

/// A realistic mix: classes with attendees (the costliest model), blocks, fixed fees,
/// on-site delivery with travel, a range-table estimate, discounts on some lines.
pub(crate) fn synthetic_scope(lines: usize) -> Scope {
    let mut items = Vec::with_capacity(lines);
    for i in 0..lines {
        let n = u64::try_from(i).unwrap_or(0);
        let mut item = match i % 6 {
            0 => ScopeItem {
                attendees: Some(5 + n % 60),
                ..ScopeItem::new("GL-CICD-R")
            },
            1 => ScopeItem {
                hours: Some(Decimal::from(10 + n % 300)),
                ..ScopeItem::new("GL-XPRT")
            },
            2 => ScopeItem {
                quantity: Some(1 + n % 3),
                ..ScopeItem::new("GL-JIRA")
            },
            3 => ScopeItem {
                attendees: Some(8 + n % 30),
                delivery: Some(DeliveryMode::OnSite),
                ..ScopeItem::new("GL-DOF")
            },
            4 => ScopeItem::new("GL-MIG-SM-SAAS"),
            _ => ScopeItem::new("MIG+"),
        };
        if i % 4 == 0 {
            item.discount_percent = Some(Decimal::new(75, 1));
        }
        items.push(item);
    }
    let mut scope = Scope {
        items,
        quote_discount_percent: Some(Decimal::from(5)),
        ..Scope::default()
    };
    scope
        .answers
        .insert("migration.users".into(), Answer::Number(800));
    scope
        .answers
        .insert("migration.repositories".into(), Answer::Number(2500));
    scope
}
