//! `cargo xtask test`: every check the project has, in one command, with a one-screen summary.
//!
//! Each step's full output goes to `target/xtask/<step>.log`; the console shows one line per
//! step and, when a step fails, the end of its log. Steps whose input failed are skipped.

use std::process::Command;
use std::time::Instant;

use crate::setup::{self, CHROMEDRIVER, CHROMIUM, Env, WASM_TARGET};
use crate::steps::{format_duration, run_logged, tail};

struct Check {
    name: &'static str,
    /// A step that must have passed first.
    needs: Option<&'static str>,
    command: fn(&Env) -> Command,
}

enum Outcome {
    Passed,
    Failed,
    Skipped,
}

struct Report {
    name: &'static str,
    outcome: Outcome,
    seconds: String,
    tests: Option<TestCounts>,
}

#[derive(Default, Clone, Copy)]
struct TestCounts {
    passed: u64,
    failed: u64,
    ignored: u64,
}

const CHECKS: &[Check] = &[
    Check {
        name: "format",
        needs: None,
        command: |env| cargo(env, &["fmt", "--all", "--check"]),
    },
    Check {
        name: "clippy (native)",
        needs: None,
        command: |env| {
            cargo(
                env,
                &[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--locked",
                    "--",
                    "-D",
                    "warnings",
                ],
            )
        },
    },
    Check {
        name: "clippy (wasm32)",
        needs: None,
        // The core library and every web target; core's own tests are native-only (they
        // read reference files and use proptest).
        command: |env| {
            let mut sh = env.command("sh");
            sh.args([
                "-c",
                "cargo clippy --package scopecraft-core --lib --target wasm32-unknown-unknown --locked -- -D warnings \
                 && cargo clippy --package scopecraft-web --all-targets --target wasm32-unknown-unknown --locked -- -D warnings",
            ])
            .env("CARGO_TERM_COLOR", "never");
            sh
        },
    },
    Check {
        name: "native tests",
        needs: None,
        command: |env| cargo(env, &["test", "--workspace", "--locked"]),
    },
    Check {
        name: "wasm build (trunk, release)",
        needs: None,
        command: |env| {
            let mut trunk = env.command("trunk");
            // The public build, whatever the shell says.
            trunk
                .args(["build", "--release"])
                .env_remove("SCOPECRAFT_BUILD");
            trunk
        },
    },
    Check {
        name: "no internal data in dist/",
        needs: Some("wasm build (trunk, release)"),
        // Every file of the public site, the wasm's raw bytes included, searched for every
        // internal note, approval reason and cost rate of the catalog.
        command: |env| {
            let mut test = cargo(
                env,
                &[
                    "test",
                    "--package",
                    "scopecraft-core",
                    "--test",
                    "public_dist",
                    "--locked",
                ],
            );
            test.env("SCOPECRAFT_DIST", "dist");
            test
        },
    },
    Check {
        name: "size budget (first load and dist/, gzip)",
        needs: Some("wasm build (trunk, release)"),
        command: |env| {
            let mut node = env.command("node");
            node.args(["tests/perf/sizes.mjs", "dist", "--check"]);
            node
        },
    },
    Check {
        name: "wasm component tests",
        needs: None,
        command: |env| {
            let mut test = cargo(
                env,
                &[
                    "test",
                    "--package",
                    "scopecraft-web",
                    "--target",
                    WASM_TARGET,
                    "--locked",
                ],
            );
            // wasm-bindgen-test-runner starts and stops chromedriver itself; it reads the
            // browser flags (headless, no sandbox as root) from web/webdriver.json.
            test.env("CHROMEDRIVER", CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
                .current_dir(env.root.join("web"));
            test
        },
    },
    Check {
        name: "end-to-end (Chromium)",
        needs: Some("wasm build (trunk, release)"),
        command: |env| {
            let mut node = env.command("node");
            node.args(["--test", "--test-reporter=spec", "tests/e2e/"])
                .env("SCOPECRAFT_CHROMIUM", CHROMIUM);
            node
        },
    },
];

fn cargo(env: &Env, args: &[&str]) -> Command {
    let mut command = env.command("cargo");
    command.args(args).env("CARGO_TERM_COLOR", "never");
    command
}

/// The project's shared reference folder (GitLab's real `services.yml` lives there; the
/// importer is tested against it but it is never copied into the repository): `$SCOPECRAFT_SHARED`,
/// else a `shared/` beside the checkout or one of its parents, else this machine's
/// `/work/shared`.
fn shared_reference_folder(root: &std::path::Path) -> Result<std::path::PathBuf, String> {
    const FILE: &str = "reference/gitlab-services.yml";
    if let Some(dir) = std::env::var_os("SCOPECRAFT_SHARED") {
        let dir = std::path::PathBuf::from(dir);
        return if dir.join(FILE).is_file() {
            Ok(dir)
        } else {
            Err(format!("SCOPECRAFT_SHARED={} has no {FILE}", dir.display()))
        };
    }
    root.ancestors()
        .map(|a| a.join("shared"))
        .chain(std::iter::once(std::path::PathBuf::from("/work/shared")))
        .find(|dir| dir.join(FILE).is_file())
        .ok_or_else(|| {
            format!(
                "GitLab's services.yml, which the importer tests read, was not found in a shared/{FILE} \
                 beside {} or its parents, nor in /work/shared; set SCOPECRAFT_SHARED to the folder holding it",
                root.display()
            )
        })
}

pub(crate) fn run(root: &std::path::Path, verbose: bool) -> Result<(), String> {
    let started = Instant::now();
    let shared = shared_reference_folder(root)?;
    let env = setup::run(root, true)?;
    println!("  reference files: {}", shared.display());
    println!("\n==> Running checks (logs in {})", env.log_dir().display());
    let mut reports: Vec<Report> = Vec::new();
    for (index, check) in CHECKS.iter().enumerate() {
        print!("  [{}/{}] {} ... ", index + 1, CHECKS.len(), check.name);
        let _ = std::io::Write::flush(&mut std::io::stdout());
        if let Some(needed) = check.needs {
            let ok = reports
                .iter()
                .any(|r| r.name == needed && matches!(r.outcome, Outcome::Passed));
            if !ok {
                println!("skipped (needs {needed})");
                reports.push(Report {
                    name: check.name,
                    outcome: Outcome::Skipped,
                    seconds: "-".into(),
                    tests: None,
                });
                continue;
            }
        }
        let log = env.log_dir().join(format!("{}.log", slug(check.name)));
        let step_started = Instant::now();
        if verbose {
            println!();
        }
        let mut command = (check.command)(&env);
        command.env("SCOPECRAFT_SHARED", &shared);
        let result = run_logged(&mut command, &log, verbose);
        let seconds = format_duration(step_started.elapsed());
        let tests = count_tests(&std::fs::read_to_string(&log).unwrap_or_default());
        let outcome = match result {
            Ok(()) => {
                println!("ok ({seconds})");
                Outcome::Passed
            }
            Err(error) => {
                println!("FAILED ({seconds}): {error}");
                if !verbose {
                    println!("{}", indent(&tail(&log, 40)));
                }
                println!("      full log: {}", log.display());
                Outcome::Failed
            }
        };
        reports.push(Report {
            name: check.name,
            outcome,
            seconds,
            tests,
        });
    }
    print_summary(&reports, started);
    if reports
        .iter()
        .any(|r| !matches!(r.outcome, Outcome::Passed))
    {
        Err("some checks did not pass (see above)".into())
    } else {
        Ok(())
    }
}

fn slug(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("      | {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sums the counts cargo's test harness, wasm-bindgen-test and `node --test` print.
fn count_tests(log: &str) -> Option<TestCounts> {
    let mut counts = TestCounts::default();
    let mut seen = false;
    for line in log.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            seen = true;
            for part in rest.split(';') {
                let mut words = part.split_whitespace().rev();
                let label = words.next().unwrap_or_default();
                let number = part
                    .split_whitespace()
                    .find_map(|w| w.parse::<u64>().ok())
                    .unwrap_or(0);
                match label {
                    "passed" => counts.passed += number,
                    "failed" => counts.failed += number,
                    "ignored" => counts.ignored += number,
                    _ => {}
                }
            }
        } else if let Some(rest) = line.strip_prefix("ℹ ") {
            // node --test's spec reporter: "ℹ pass 12", "ℹ fail 0", "ℹ skipped 1"
            let mut words = rest.split_whitespace();
            let (Some(label), Some(number)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(number) = number.parse::<u64>() else {
                continue;
            };
            match label {
                "pass" => {
                    seen = true;
                    counts.passed += number;
                }
                "fail" => counts.failed += number,
                "skipped" | "todo" => counts.ignored += number,
                _ => {}
            }
        }
    }
    seen.then_some(counts)
}

fn print_summary(reports: &[Report], started: Instant) {
    println!("\n==> Summary");
    println!("  {:<30} {:<8} {:>8}  tests", "step", "result", "time");
    let mut total = TestCounts::default();
    for report in reports {
        let result = match report.outcome {
            Outcome::Passed => "ok",
            Outcome::Failed => "FAILED",
            Outcome::Skipped => "skipped",
        };
        let tests = report
            .tests
            .map(|t| {
                total.passed += t.passed;
                total.failed += t.failed;
                total.ignored += t.ignored;
                format!(
                    "{} passed, {} failed, {} ignored",
                    t.passed, t.failed, t.ignored
                )
            })
            .unwrap_or_default();
        println!(
            "  {:<30} {:<8} {:>8}  {}",
            report.name, result, report.seconds, tests
        );
    }
    let failed = reports
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed))
        .count();
    println!(
        "\n  {} tests passed, {} failed, {} ignored; {} of {} steps failed; total {}",
        total.passed,
        total.failed,
        total.ignored,
        failed,
        reports.len(),
        format_duration(started.elapsed())
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_and_node_results() {
        let log = "test result: ok. 12 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out\n\
                   test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured\n\
                   ℹ tests 5\nℹ pass 4\nℹ fail 1\nℹ skipped 0\n";
        let counts = count_tests(log).unwrap();
        assert_eq!((counts.passed, counts.failed, counts.ignored), (19, 2, 2));
        assert!(count_tests("Compiling foo\n").is_none());
    }

    #[test]
    fn slugs_are_file_names() {
        assert_eq!(
            slug("wasm build (trunk, release)"),
            "wasm-build-trunk-release"
        );
    }
}
