//! Native engine throughput, for `cargo xtask bench`
//! (`cargo run --release -p scopecraft-core --example throughput [JSON_OUT]`).
//!
//! Prices the synthetic scopes of `benches/synthetic.rs` against the embedded GitLab catalog on
//! one thread and prints two scaling tables: cost by number of lines (10 to 10,000) and cost
//! by number of approval rules (the catalog rules every quote evaluates). Each figure is the
//! median of several timed samples. With a path argument it also writes the figures as JSON.
//!
//! `throughput --count LINES REPEATS` prices the LINES-line scope REPEATS times inside one
//! function, [`counted`], and nothing else: run under
//! `valgrind --tool=callgrind --toggle-collect=*counted*` it gives the instructions per priced
//! line, a figure that does not depend on the machine's load (`cargo xtask bench` does this
//! when valgrind is installed).
#![allow(clippy::unwrap_used, clippy::float_arithmetic)] // a measuring tool, not product code

#[path = "../benches/synthetic.rs"]
mod synthetic;

use std::fmt::Write as _;
use std::time::Instant;

use rust_decimal::Decimal;
use scopecraft::{ApprovalLines, ApprovalRule, ApprovalTrigger, Catalog};

const SAMPLES: usize = 7;
const SAMPLE_SECONDS: f64 = 0.15;

/// Median seconds per `price` call for this scope.
fn seconds_per_quote(catalog: &Catalog, lines: usize) -> f64 {
    let scope = synthetic::synthetic_scope(lines);
    let started = Instant::now();
    std::hint::black_box(scopecraft::price(catalog, &scope).unwrap());
    let once = started.elapsed().as_secs_f64().max(1e-7);
    let batch = ((SAMPLE_SECONDS / once).ceil() as usize).max(1);
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..batch {
                std::hint::black_box(scopecraft::price(catalog, std::hint::black_box(&scope)))
                    .unwrap();
            }
            started.elapsed().as_secs_f64() / batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples.get(SAMPLES / 2).copied().unwrap_or(f64::NAN)
}

/// The GitLab catalog with `extra` more approval rules (line-discount thresholds that never
/// fire on the synthetic scope, so every rule is evaluated and none changes the result).
fn catalog_with_rules(extra: usize) -> Catalog {
    let mut data = Catalog::gitlab().unwrap().data().clone();
    for i in 0..extra {
        data.approvals.push(ApprovalRule {
            id: format!("bench-{i}"),
            when: ApprovalTrigger::LineDiscountPercentOver(Decimal::from(50 + i % 40)),
            lines: ApprovalLines::All,
            approver: "Benchmark".into(),
            reason: "Synthetic rule for the scaling table.".into(),
            label: None,
            example: false,
        });
    }
    data.into_catalog().unwrap()
}

/// Prices `scope` `repeats` times, dropping each quote: the only code callgrind counts in
/// `--count` mode (one warm-up quote is priced before, outside it).
#[inline(never)]
fn counted(catalog: &Catalog, scope: &scopecraft::Scope, repeats: usize) {
    for _ in 0..repeats {
        drop(std::hint::black_box(
            scopecraft::price(catalog, std::hint::black_box(scope)).unwrap(),
        ));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--count") {
        let lines: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1_000);
        let repeats: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
        let catalog = Catalog::gitlab().unwrap();
        let scope = synthetic::synthetic_scope(lines);
        drop(std::hint::black_box(
            scopecraft::price(&catalog, &scope).unwrap(),
        ));
        counted(&catalog, &scope, repeats);
        return;
    }
    let out = args.first().cloned();
    let catalog = Catalog::gitlab().unwrap();
    let mut json = String::from("{\"lines\":[");

    println!("Native engine throughput (one thread, median of {SAMPLES} samples)\n");
    println!(
        "{:>8}  {:>12}  {:>10}  {:>14}",
        "lines", "per quote", "ns/line", "lines/s"
    );
    for (i, lines) in [10_usize, 100, 1_000, 10_000].into_iter().enumerate() {
        let seconds = seconds_per_quote(&catalog, lines);
        let per_line = seconds / lines as f64;
        println!(
            "{lines:>8}  {:>9.3} ms  {:>10.0}  {:>14.0}",
            seconds * 1e3,
            per_line * 1e9,
            1.0 / per_line
        );
        if i > 0 {
            json.push(',');
        }
        let _ = write!(
            json,
            "{{\"lines\":{lines},\"ms_per_quote\":{:.5},\"lines_per_second\":{:.0}}}",
            seconds * 1e3,
            1.0 / per_line
        );
    }
    json.push_str("],\"rules\":[");

    let base = catalog.data().approvals.len();
    println!("\nCost by number of approval rules (1,000-line scope)\n");
    println!("{:>8}  {:>12}  {:>10}", "rules", "per quote", "ns/line");
    for (i, extra) in [0_usize, 60, 600, 6_000].into_iter().enumerate() {
        let catalog = catalog_with_rules(extra);
        let seconds = seconds_per_quote(&catalog, 1_000);
        let rules = base + extra;
        println!(
            "{rules:>8}  {:>9.3} ms  {:>10.0}",
            seconds * 1e3,
            seconds / 1_000.0 * 1e9
        );
        if i > 0 {
            json.push(',');
        }
        let _ = write!(
            json,
            "{{\"rules\":{rules},\"ms_per_quote\":{:.5}}}",
            seconds * 1e3
        );
    }
    json.push_str("]}");
    if let Some(path) = out {
        std::fs::write(&path, json).unwrap();
    }
}
