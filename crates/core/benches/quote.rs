//! Engine throughput: price synthetic quotes of 10 to 10,000 lines over the embedded GitLab
//! catalog and report lines per second (`cargo bench -p scopecraft-core`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use scopecraft::{Catalog, price};

mod synthetic;
use synthetic::synthetic_scope;

fn main() {
    divan::main();
}

#[divan::bench(args = [10, 100, 1_000, 10_000])]
fn price_quote(bencher: Bencher, lines: usize) {
    let catalog = Catalog::gitlab().unwrap();
    let scope = synthetic_scope(lines);
    bencher
        .counter(ItemsCount::new(lines))
        .bench(|| price(black_box(&catalog), black_box(&scope)).unwrap());
}

#[divan::bench]
fn load_embedded_catalog() -> Catalog {
    Catalog::gitlab().unwrap()
}
