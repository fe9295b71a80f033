//! `cargo xtask bench`: the five performance figures in one reproducible command.
//!
//! 1. shipped bytes of the release `dist/` (raw, gzip -9, brotli) against the size budget;
//! 2. load to an interactive catalog, median of 15, beside a minimal Yew counter built by the
//!    same pipeline (`tests/perf/baseline`);
//! 3. reprice latency inside wasm in Chromium (`tests/perf/reprice`);
//! 4. keystroke to paint with a 200-line quote on screen;
//! 5. native engine throughput and its scaling in lines and in rules.
//!
//! Figures are printed, never asserted: only the size budget can fail, and only in
//! `cargo xtask test`. See BENCHMARKS.md for recorded results.

use std::process::Command;

use crate::setup::{self, CHROMIUM, Env};
use crate::steps::format_duration;

pub(crate) fn run(root: &std::path::Path) -> Result<(), String> {
    let env = setup::run(root, true)?;
    let perf = root.join("target").join("perf");
    std::fs::create_dir_all(&perf).map_err(|e| format!("cannot create {}: {e}", perf.display()))?;

    step(
        "5. native engine throughput (cargo run --release --example throughput)",
        env.command("cargo").args([
            "run",
            "--release",
            "--quiet",
            "--locked",
            "--package",
            "scopecraft-core",
            "--example",
            "throughput",
            "--",
            &perf.join("native.json").to_string_lossy(),
        ]),
    )?;
    step(
        "building the app (trunk build --release)",
        &mut trunk(&env, "web/index.html", "dist"),
    )?;
    step(
        "building the baseline Yew counter (same pipeline and profile)",
        &mut trunk(
            &env,
            "tests/perf/baseline/index.html",
            "target/perf/baseline",
        ),
    )?;
    step(
        "building the in-browser reprice benchmark",
        &mut trunk(&env, "tests/perf/reprice/index.html", "target/perf/reprice"),
    )?;
    step(
        "measuring in headless Chromium (sizes, load, reprice, keystroke)",
        env.command("node")
            .args(["tests/perf/bench.mjs"])
            .env("SCOPECRAFT_CHROMIUM", CHROMIUM),
    )
}

fn trunk(env: &Env, target: &str, dist: &str) -> Command {
    let mut trunk = env.command("trunk");
    // `--release=true`: a bare `--release` would swallow the target path as its value.
    trunk.args(["build", "--release=true", "--dist", dist, target]);
    trunk
}

fn step(title: &str, command: &mut Command) -> Result<(), String> {
    println!("\n==> {title}");
    let started = std::time::Instant::now();
    let status = command
        .status()
        .map_err(|e| format!("could not start {title}: {e}"))?;
    if status.success() {
        println!("    ({})", format_duration(started.elapsed()));
        Ok(())
    } else {
        Err(format!("{title} failed ({status})"))
    }
}
