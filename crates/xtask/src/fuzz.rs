//! `cargo xtask fuzz [--seconds N] [TARGET]`: runs the cargo-fuzz targets in `fuzz/` with the
//! nightly toolchain, one after the other, and prints executions and crashes per target.
//!
//! libFuzzer grows a working corpus under `target/xtask/fuzz/corpus/TARGET`, seeded from the
//! committed `fuzz/corpus/TARGET` (which it only reads). Crashing inputs land in
//! `fuzz/artifacts/TARGET/`; turn each into a regression test in core before fixing it.
//! Fuzzing is not part of `cargo xtask test`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::setup::{self, Env};
use crate::steps::{format_duration, run_logged, tail};

/// The targets in `fuzz/Cargo.toml`, in the order they run.
pub(crate) const TARGETS: [&str; 4] = ["catalog", "scope", "share", "import"];

const DEFAULT_SECONDS: u64 = 60;

struct Outcome {
    target: &'static str,
    seconds: u64,
    executions: Option<u64>,
    crashes: Vec<PathBuf>,
}

pub(crate) fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let (seconds, targets) = parse_args(args)?;
    let env = setup::environment(root)?;
    println!("==> Fuzzing setup");
    nightly(&env)?;
    cargo_fuzz(&env)?;
    let mut outcomes = Vec::new();
    for target in targets {
        outcomes.push(run_target(&env, target, seconds)?);
    }
    println!("\n==> Fuzzing summary");
    println!(
        "  {:<8} {:>8} {:>14} {:>8}",
        "target", "seconds", "executions", "crashes"
    );
    for outcome in &outcomes {
        println!(
            "  {:<8} {:>8} {:>14} {:>8}",
            outcome.target,
            outcome.seconds,
            outcome
                .executions
                .map_or_else(|| "?".to_string(), |n| n.to_string()),
            outcome.crashes.len()
        );
        for crash in &outcome.crashes {
            println!("           crash: {}", crash.display());
        }
    }
    let crashes: usize = outcomes.iter().map(|o| o.crashes.len()).sum();
    if crashes > 0 {
        Err(format!(
            "{crashes} crashing input(s); reproduce with `cargo +nightly fuzz run TARGET FILE` \
             and add each as a regression test in crates/core"
        ))
    } else {
        Ok(())
    }
}

fn parse_args(args: &[String]) -> Result<(u64, Vec<&'static str>), String> {
    let mut seconds = DEFAULT_SECONDS;
    let mut targets = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--seconds" {
            seconds = rest
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .filter(|&n| n > 0)
                .ok_or("--seconds needs a whole number of seconds above 0, e.g. --seconds 600")?;
        } else if let Some(target) = TARGETS.iter().find(|t| **t == arg.as_str()) {
            targets.push(*target);
        } else {
            return Err(format!(
                "unknown fuzz target or option `{arg}`; targets: {}",
                TARGETS.join(", ")
            ));
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    Ok((seconds, targets))
}

fn nightly(env: &Env) -> Result<(), String> {
    print!("  nightly toolchain ... ");
    let output = env
        .command("rustup")
        .args(["toolchain", "list"])
        .output()
        .map_err(|e| format!("rustup failed: {e}"))?;
    if String::from_utf8_lossy(&output.stdout)
        .lines()
        .any(|l| l.starts_with("nightly"))
    {
        println!("installed");
        return Ok(());
    }
    println!("installing (rustup toolchain install nightly --profile minimal)");
    let log = env.log_dir().join("fuzz-install-nightly.log");
    let mut install = env.command("rustup");
    install.args(["toolchain", "install", "nightly", "--profile", "minimal"]);
    run_logged(&mut install, &log, false)
        .map_err(|e| format!("installing nightly failed: {e}\n{}", tail(&log, 10)))
}

fn cargo_fuzz(env: &Env) -> Result<(), String> {
    print!("  cargo-fuzz ... ");
    let installed = env
        .command("cargo")
        .args(["fuzz", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if installed {
        println!("installed");
        return Ok(());
    }
    println!("installing (cargo install cargo-fuzz --locked, a few minutes on 2 cores)");
    let started = Instant::now();
    let log = env.log_dir().join("fuzz-install-cargo-fuzz.log");
    let mut install = env.command("cargo");
    install.args(["install", "cargo-fuzz", "--locked"]);
    run_logged(&mut install, &log, false)
        .map_err(|e| format!("cargo install cargo-fuzz failed: {e}\n{}", tail(&log, 10)))?;
    println!(
        "    installed cargo-fuzz in {}",
        format_duration(started.elapsed())
    );
    Ok(())
}

fn run_target(env: &Env, target: &'static str, seconds: u64) -> Result<Outcome, String> {
    let root = &env.root;
    let work = root.join("target").join("xtask").join("fuzz");
    let corpus = work.join("corpus").join(target);
    let artifacts = root.join("fuzz").join("artifacts").join(target);
    for dir in [&corpus, &artifacts] {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let before = crash_files(&artifacts);
    println!("\n==> Fuzzing `{target}` for {seconds} s (log: target/xtask/fuzz-{target}.log)");
    let log = env.log_dir().join(format!("fuzz-{target}.log"));
    let mut command = env.command("cargo");
    command
        .args(["+nightly", "fuzz", "run", target])
        .arg(&corpus)
        .arg(root.join("fuzz").join("corpus").join(target))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg("-max_len=65536")
        .arg("-rss_limit_mb=4096")
        .arg("-print_final_stats=1");
    let result = run_logged(&mut command, &log, false);
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let executions = text
        .lines()
        .filter_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
        .filter_map(|n| n.trim().parse::<u64>().ok())
        .next_back();
    let crashes: Vec<PathBuf> = crash_files(&artifacts)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    if let Err(error) = result
        && crashes.is_empty()
    {
        return Err(format!(
            "fuzzing `{target}` failed without a crash file: {error}\n{}",
            tail(&log, 20)
        ));
    }
    println!(
        "  {target}: {} executions, {} crash(es)",
        executions.map_or_else(|| "?".to_string(), |n| n.to_string()),
        crashes.len()
    );
    Ok(Outcome {
        target,
        seconds,
        executions,
        crashes,
    })
}

fn crash_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                ["crash-", "oom-", "timeout-", "leak-"]
                    .iter()
                    .any(|k| n.starts_with(k))
            })
        })
        .collect();
    files.sort();
    files
}
