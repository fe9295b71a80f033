//! Repository automation for Scopecraft, in the style of `cargo xtask`.
//!
//! - `cargo xtask serve [--internal]` — install what is missing, build the app and serve it
//!   on <http://127.0.0.1:8080> with the public projection of the default catalog (with
//!   `--internal`: the full catalog, for account executives; never publish that build).
//! - `cargo xtask build [--internal]` — the release site in `dist/` (public), or in
//!   `dist-internal/` with the full catalog.
//! - `cargo xtask test` — the same setup plus Chromium, then every check the project has,
//!   ending with a one-screen summary. `.ci/run` calls exactly this.
//! - `cargo xtask bench` — the performance figures (sizes, load, reprice, keystroke, native
//!   throughput); see BENCHMARKS.md.
//! - `cargo xtask setup [--browser]` — only the installation part.
//! - `cargo xtask code-size` — lines of code per source file, failing over the 800-line rule.
//! - `cargo xtask fuzz [--seconds N] [TARGET]` — install cargo-fuzz if missing and run the
//!   fuzz targets in `fuzz/` with nightly (not part of `test`).
//!
//! The crate has no dependencies so that its own first build takes seconds.

mod bench;
mod code_size;
mod fuzz;
mod setup;
mod steps;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N] [--internal]
                       install missing tools, build the app and serve it on http://127.0.0.1:8080
                       (--internal: with the full catalog, internal notes and approvals included)
  build [--internal]   the release site: dist/ with the catalog's public projection, or
                       dist-internal/ with the full catalog (SCOPECRAFT_CATALOG picks the file)
  test [--verbose]     install missing tools (with Chromium), run every check, print a summary
  bench                print the performance figures (sizes, load, reprice, keystroke, throughput)
  code-size            lines of code per source file; fails when one is over 800
  setup [--browser]    only install missing tools (add --browser for Chromium and chromedriver)
  fuzz [--seconds N] [TARGET]
                       run the fuzz targets (catalog, scope, share, import; default all, 60 s
                       each) with nightly and cargo-fuzz, printing executions and crashes
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = match repo_root() {
        Ok(root) => root,
        Err(message) => return fail(&message),
    };
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root, args.get(1..).unwrap_or_default()),
        Some("build") => build(&root, args.get(1..).unwrap_or_default()),
        Some("test") => test::run(&root, args.iter().any(|a| a == "--verbose")),
        Some("bench") => bench::run(&root),
        Some("setup") => {
            let browser = args.iter().any(|a| a == "--browser");
            setup::run(&root, browser).map(|_| ())
        }
        Some("code-size") => code_size::run(&root),
        Some("fuzz") => fuzz::run(&root, args.get(1..).unwrap_or_default()),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("\nerror: {message}");
    ExitCode::FAILURE
}

/// The workspace root: the parent of `crates/xtask`.
fn repo_root() -> Result<PathBuf, String> {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .ancestors()
        .nth(2)
        .map(PathBuf::from)
        .ok_or_else(|| "cannot locate the repository root from crates/xtask".to_string())
}

fn serve(root: &std::path::Path, args: &[String]) -> Result<(), String> {
    let port = match args.iter().position(|a| a == "--port") {
        Some(i) => args
            .get(i + 1)
            .and_then(|p| p.parse::<u16>().ok())
            .ok_or("--port needs a port number, e.g. --port 8080")?,
        None => 8080,
    };
    let internal = args.iter().any(|a| a == "--internal");
    let env = setup::run(root, false)?;
    println!(
        "\n==> Building and serving Scopecraft{} on http://127.0.0.1:{port} (Ctrl-C to stop)\n",
        if internal {
            " (internal build: full catalog)"
        } else {
            ""
        }
    );
    let mut trunk = env.command("trunk");
    trunk.args([
        "serve",
        "--address",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ]);
    if internal {
        trunk
            .args(["--dist", INTERNAL_DIST])
            .env("SCOPECRAFT_BUILD", "internal");
    }
    let status = trunk
        .current_dir(root)
        .status()
        .map_err(|e| format!("could not start trunk: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("trunk serve exited with {status}"))
    }
}

/// Where the internal build goes, apart from the public `dist/`.
const INTERNAL_DIST: &str = "dist-internal";

/// `trunk build --release`: the public site in `dist/`, or with `--internal` the full
/// catalog's build in `dist-internal/`.
fn build(root: &std::path::Path, args: &[String]) -> Result<(), String> {
    let internal = args.iter().any(|a| a == "--internal");
    let env = setup::run(root, false)?;
    let mut trunk = env.command("trunk");
    trunk.args(["build", "--release"]);
    if internal {
        trunk
            .args(["--dist", INTERNAL_DIST])
            .env("SCOPECRAFT_BUILD", "internal");
    } else {
        // The public build never inherits the internal switch from the shell.
        trunk.env_remove("SCOPECRAFT_BUILD");
    }
    let status = trunk
        .current_dir(root)
        .status()
        .map_err(|e| format!("could not start trunk: {e}"))?;
    if status.success() {
        println!(
            "\n==> {} site in {}/",
            if internal { "Internal" } else { "Public" },
            if internal { INTERNAL_DIST } else { "dist" }
        );
        Ok(())
    } else {
        Err(format!("trunk build exited with {status}"))
    }
}
