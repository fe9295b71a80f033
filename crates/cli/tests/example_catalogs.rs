//! `scopecraft catalog check` accepts the two example catalogs of invented firms, and
//! `scopecraft quote` prices one scenario of each to its hand-computed total (the full
//! arithmetic is in `crates/core/tests/example_catalogs.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::scopecraft;

#[test]
fn catalog_check_accepts_both_example_catalogs() {
    for file in [
        "examples/nordlicht-eur/catalog.toml",
        "examples/sakura-jpy/catalog.toml",
    ] {
        let run = scopecraft(&["catalog", "check", file], None);
        assert!(run.ok(), "{file}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains(": ok"), "{}", run.stdout);
    }
}

#[test]
fn quote_prices_the_example_scenarios_to_their_hand_computed_totals() {
    // 12,500.00 + min(40 × 180 + 120 × 140 = 24,000, cap 20,000) = 32,500.00.
    let run = scopecraft(
        &[
            "quote",
            "--catalog",
            "examples/nordlicht-eur/catalog.toml",
            "examples/nordlicht-eur/scopes/assessment-and-capped-build.json",
        ],
        None,
    );
    assert!(run.ok(), "{}", run.stderr);
    assert!(
        run.stdout.contains("Total     EUR 32,500.00"),
        "{}",
        run.stdout
    );
    // 800,000 + 180,000 × 6 = 1,880,000, less 3% (56,400) = 1,823,600 yen.
    let run = scopecraft(
        &[
            "quote",
            "--catalog",
            "examples/sakura-jpy/catalog.toml",
            "examples/sakura-jpy/scopes/package-and-operations.json",
        ],
        None,
    );
    assert!(run.ok(), "{}", run.stderr);
    assert!(run.stdout.contains("JPY 1,823,600"), "{}", run.stdout);
}
