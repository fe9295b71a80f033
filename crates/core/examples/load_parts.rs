//! Where loading the embedded catalog spends its time
//! (`cargo run --release -p scopecraft-core --example load_parts`).
#![allow(clippy::unwrap_used, clippy::float_arithmetic)]
use std::time::Instant;
fn time<T>(label: &str, f: impl Fn() -> T) {
    let started = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(f());
    }
    println!(
        "{label:>28}: {:.2} ms",
        started.elapsed().as_secs_f64() * 1e3 / 20.0
    );
}
fn main() {
    let text = scopecraft::GITLAB_CATALOG_TOML;
    time("parse (TOML + source map)", || {
        scopecraft::parse_catalog("gitlab.toml", text).unwrap()
    });
    time("check (parse + lint)", || {
        scopecraft::check_catalog("gitlab.toml", text).unwrap()
    });
    time("Catalog::gitlab() (parse + hash)", || {
        scopecraft::Catalog::gitlab().unwrap()
    });
}
