//! `cargo xtask bench`: the five performance figures in one reproducible command.
//!
//! 1. shipped bytes of the release `dist/` (raw, gzip -9, brotli) against the size budget;
//! 2. load to an interactive catalog, median of 15, beside a minimal Yew counter built by the
//!    same pipeline (`tests/perf/baseline`);
//! 3. reprice latency inside wasm in Chromium (`tests/perf/reprice`);
//! 4. keystroke to paint with a 200-line and a 1,000-line quote on screen;
//! 5. native engine throughput and its scaling in lines and in rules, and — when valgrind is
//!    installed — the instructions per priced line at 1,000 and 10,000 lines, counted by
//!    callgrind (deterministic, unlike times on a shared machine).
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
    instructions_per_line(&env, &perf)?;
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

/// Scopes the callgrind count prices, with how many times each is priced.
const COUNTED: [(usize, usize); 2] = [(1_000, 20), (10_000, 2)];

/// Counts instructions per priced line with callgrind (the throughput example's `--count`
/// mode, collecting inside its pricing loop only) and writes `target/perf/callgrind.json`.
/// Without valgrind it writes nothing and says so; the bench then shows no count.
fn instructions_per_line(env: &Env, perf: &std::path::Path) -> Result<(), String> {
    let json = perf.join("callgrind.json");
    let _ = std::fs::remove_file(&json);
    let found = env
        .command("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("\n==> 5b. instructions per priced line: valgrind not installed, skipped");
        return Ok(());
    }
    println!("\n==> 5b. instructions per priced line (valgrind --tool=callgrind)");
    let example = env
        .root
        .join("target")
        .join("release")
        .join("examples")
        .join("throughput");
    let mut rows = Vec::new();
    for (lines, repeats) in COUNTED {
        let out = perf.join(format!("callgrind.{lines}.out"));
        let output = env
            .command("valgrind")
            .args([
                "--tool=callgrind",
                "--toggle-collect=*counted*",
                &format!("--callgrind-out-file={}", out.display()),
            ])
            .arg(&example)
            .args(["--count", &lines.to_string(), &repeats.to_string()])
            .output()
            .map_err(|e| format!("could not start valgrind: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "callgrind failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let collected = collected_instructions(&String::from_utf8_lossy(&output.stderr))
            .ok_or("callgrind printed no `Collected :` count")?;
        let per_line = collected / (lines * repeats) as u64;
        println!(
            "    {lines:>6} lines: {per_line:>7} instructions per priced line ({collected} in {repeats} quotes; profile {})",
            out.display()
        );
        rows.push(format!(
            "{{\"lines\":{lines},\"quotes\":{repeats},\"instructions\":{collected},\"instructions_per_line\":{per_line}}}"
        ));
    }
    std::fs::write(&json, format!("{{\"lines\":[{}]}}", rows.join(",")))
        .map_err(|e| format!("cannot write {}: {e}", json.display()))
}

/// The `==PID== Collected : N` total callgrind prints on exit.
fn collected_instructions(stderr: &str) -> Option<u64> {
    stderr.lines().find_map(|line| {
        let (_, count) = line.split_once("Collected :")?;
        count.trim().parse().ok()
    })
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
