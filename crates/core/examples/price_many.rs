//! Prices a synthetic 1,000-line scope many times, for profiling
//! (`cargo run --release -p scopecraft-core --example price_many [ROUNDS]`).
#![allow(clippy::unwrap_used, clippy::float_arithmetic)]

#[path = "../benches/synthetic.rs"]
mod synthetic;

fn main() {
    let catalog = scopecraft::Catalog::gitlab().unwrap();
    let scope = synthetic::synthetic_scope(1_000);
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let started = std::time::Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(scopecraft::price(&catalog, &scope).unwrap());
    }
    let lines = rounds * 1_000;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{lines} lines in {secs:.3} s: {:.0} lines/s",
        lines as f64 / secs
    );
}
