//! Installs what the build and the tests need, skipping whatever is already present at the
//! right version. Each step prints one progress line; slow installs say how long they take.
//!
//! What gets installed and where (see `../shared/toolchain.md` for why):
//! - the `wasm32-unknown-unknown` target (rustup);
//! - trunk 0.21.14 and the wasm-bindgen CLI into `~/.cargo/bin` (cargo install);
//! - wasm-opt (npm package `binaryen`), playwright-core and axe-core into `./node_modules` (npm ci,
//!   versions locked by `package-lock.json`);
//! - with `--browser`: Chromium and chromedriver (apt).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::steps::{format_duration, run_logged};

pub(crate) const TRUNK_VERSION: &str = "0.21.14";
pub(crate) const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub(crate) const CHROMIUM: &str = "/usr/bin/chromium";
pub(crate) const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The environment every later command runs in: project-local tools first on `PATH`.
pub(crate) struct Env {
    path: String,
    pub(crate) root: PathBuf,
}

impl Env {
    pub(crate) fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path).current_dir(&self.root);
        command
    }

    pub(crate) fn log_dir(&self) -> PathBuf {
        self.root.join("target").join("xtask")
    }
}

pub(crate) fn run(root: &Path, browser: bool) -> Result<Env, String> {
    let env = environment(root)?;
    let total = if browser { 6 } else { 5 };
    println!("==> Setting up Scopecraft's build tools");
    let mut step = Step { index: 0, total };

    step.next("rustup target wasm32-unknown-unknown");
    wasm_target(&env)?;

    step.next(&format!("trunk {TRUNK_VERSION}"));
    trunk(&env)?;

    let bindgen = wasm_bindgen_version(root)?;
    step.next(&format!("wasm-bindgen-cli {bindgen} (equal to Cargo.lock)"));
    wasm_bindgen(&env, &bindgen)?;

    step.next("wasm-opt, playwright-core and axe-core (npm ci, package-lock.json)");
    npm_tools(&env)?;

    step.next("crate sources (cargo fetch, so trunk can build offline)");
    let log = env.log_dir().join("setup-cargo-fetch.log");
    let mut fetch = env.command("cargo");
    fetch.args(["fetch", "--locked"]);
    check(run_logged(&mut fetch, &log, false), "cargo fetch", &log)?;
    done_line("ok");

    if browser {
        step.next("Chromium and chromedriver (apt)");
        chromium(&env)?;
    }
    Ok(env)
}

struct Step {
    index: usize,
    total: usize,
}

impl Step {
    fn next(&mut self, what: &str) {
        self.index += 1;
        print!("  [{}/{}] {what} ... ", self.index, self.total);
        flush();
    }
}

fn flush() {
    use std::io::Write;
    let _ = std::io::stdout().flush();
}

fn done_line(message: &str) {
    println!("{message}");
}

pub(crate) fn environment(root: &Path) -> Result<Env, String> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set; cannot find where cargo installs tools")?;
    let mut parts = vec![
        root.join("node_modules").join(".bin"),
        cargo_home.join("bin"),
    ];
    if let Some(existing) = std::env::var_os("PATH") {
        parts.extend(std::env::split_paths(&existing));
    }
    let path = std::env::join_paths(parts)
        .map_err(|e| format!("cannot build PATH: {e}"))?
        .to_string_lossy()
        .into_owned();
    let env = Env {
        path,
        root: root.to_path_buf(),
    };
    std::fs::create_dir_all(env.log_dir())
        .map_err(|e| format!("cannot create {}: {e}", env.log_dir().display()))?;
    Ok(env)
}

/// First line of `program --version`, or `None` when the program is not installed.
fn version_of(env: &Env, program: &str) -> Option<String> {
    let output = env
        .command(program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines().next().map(|line| line.trim().to_string())
}

fn require(env: &Env, program: &str, hint: &str) -> Result<(), String> {
    if env
        .command(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
    {
        Ok(())
    } else {
        println!("missing");
        Err(format!("`{program}` is not installed. {hint}"))
    }
}

fn check(result: Result<(), String>, what: &str, log: &Path) -> Result<(), String> {
    result.map_err(|e| {
        println!("FAILED");
        format!("{what} failed: {e}\n       full log: {}", log.display())
    })
}

fn wasm_target(env: &Env) -> Result<(), String> {
    require(
        env,
        "rustup",
        "Scopecraft needs rustup to add the wasm32-unknown-unknown target (https://rustup.rs).",
    )?;
    let installed = env
        .command("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup failed: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == WASM_TARGET)
    {
        done_line("already installed");
        return Ok(());
    }
    let log = env.log_dir().join("setup-rustup-target.log");
    let mut add = env.command("rustup");
    add.args(["target", "add", WASM_TARGET]);
    check(run_logged(&mut add, &log, false), "rustup target add", &log)?;
    done_line("installed");
    Ok(())
}

fn cargo_install(env: &Env, args: &[&str], name: &str, estimate: &str) -> Result<(), String> {
    println!("installing (about {estimate} on 2 cores)");
    let started = Instant::now();
    let log = env.log_dir().join(format!("setup-install-{name}.log"));
    let mut install = env.command("cargo");
    install.arg("install").args(args);
    check(
        run_logged(&mut install, &log, false),
        &format!("cargo install {name}"),
        &log,
    )?;
    println!(
        "        installed {name} in {}",
        format_duration(started.elapsed())
    );
    Ok(())
}

fn trunk(env: &Env) -> Result<(), String> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    match version_of(env, "trunk") {
        Some(found) if found == wanted => {
            done_line("already installed");
            Ok(())
        }
        found => {
            if let Some(found) = found {
                print!("found `{found}`, replacing ... ");
            }
            cargo_install(
                env,
                &["trunk", "--version", TRUNK_VERSION, "--locked", "--force"],
                "trunk",
                "7 minutes",
            )
        }
    }
}

/// The `wasm-bindgen` version in `Cargo.lock`, checked against the exact pin in
/// `web/Cargo.toml` and the tool version in `Trunk.toml`.
pub(crate) fn wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = read(&root.join("Cargo.lock"))?;
    let locked = lock_version(&lock, "wasm-bindgen")
        .ok_or("Cargo.lock has no wasm-bindgen package; run `cargo generate-lockfile`")?;
    let manifest = read(&root.join("web").join("Cargo.toml"))?;
    let pinned = manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("wasm-bindgen = \"="))
        .and_then(|rest| rest.split('"').next());
    if pinned != Some(locked.as_str()) {
        return Err(format!(
            "web/Cargo.toml must pin the crate exactly so the CLI cannot drift: \
             wasm-bindgen = \"={locked}\" (found {pinned:?})"
        ));
    }
    let trunk_toml = read(&root.join("Trunk.toml"))?;
    let in_trunk = trunk_toml
        .lines()
        .find_map(|l| l.trim().strip_prefix("wasm_bindgen = \""))
        .and_then(|rest| rest.split('"').next());
    if in_trunk != Some(locked.as_str()) {
        return Err(format!(
            "Trunk.toml [tools] must name the same wasm-bindgen as Cargo.lock: \
             wasm_bindgen = \"{locked}\" (found {in_trunk:?})"
        ));
    }
    Ok(locked)
}

fn lock_version(lock: &str, package: &str) -> Option<String> {
    let needle = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return version.split('"').next().map(str::to_string);
        }
    }
    None
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn wasm_bindgen(env: &Env, version: &str) -> Result<(), String> {
    let wanted = format!("wasm-bindgen {version}");
    match version_of(env, "wasm-bindgen") {
        Some(found) if found == wanted => {
            done_line("already installed");
            Ok(())
        }
        found => {
            if let Some(found) = found {
                print!(
                    "the installed CLI is `{found}` but Cargo.lock has {version}; \
                     reinstalling the matching one ... "
                );
            }
            // Without --locked: the CLI's own lock file names a webpki-roots version the
            // registry no longer serves.
            cargo_install(
                env,
                &["wasm-bindgen-cli", "--version", version, "--force"],
                "wasm-bindgen-cli",
                "3 minutes",
            )
        }
    }
}

fn npm_tools(env: &Env) -> Result<(), String> {
    require(
        env,
        "npm",
        "Node.js and npm are needed for wasm-opt and the browser tests: apt-get install nodejs npm",
    )?;
    let package = read(&env.root.join("package.json"))?;
    let wanted_binaryen = package
        .lines()
        .find_map(|l| l.trim().strip_prefix("\"binaryen\": \""))
        .and_then(|rest| rest.split('"').next())
        .and_then(|v| v.split('.').next())
        .ok_or("package.json has no exact binaryen version")?
        .to_string();
    let wasm_opt_ok = version_of(env, "wasm-opt")
        .is_some_and(|v| v.contains(&format!("version_{wanted_binaryen}")))
        && env.root.join("node_modules").join("binaryen").is_dir();
    // The browser tests' packages: playwright-core, and axe-core for the accessibility test.
    let test_packages_ok = ["playwright-core", "axe-core"]
        .iter()
        .all(|name| env.root.join("node_modules").join(name).is_dir());
    if wasm_opt_ok && test_packages_ok {
        done_line("already installed");
        return Ok(());
    }
    let log = env.log_dir().join("setup-npm-ci.log");
    let mut npm = env.command("npm");
    npm.args(["ci", "--no-audit", "--no-fund"]);
    check(run_logged(&mut npm, &log, false), "npm ci", &log)?;
    match version_of(env, "wasm-opt") {
        Some(v) if v.contains(&format!("version_{wanted_binaryen}")) => {
            done_line(&format!("installed ({v})"));
            Ok(())
        }
        other => Err(format!(
            "after npm ci, wasm-opt reports {other:?}; expected version {wanted_binaryen}"
        )),
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn chromium(env: &Env) -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        let browser = version_of(env, CHROMIUM).unwrap_or_default();
        let driver = version_of(env, CHROMEDRIVER).unwrap_or_default();
        let major = |s: &str| {
            s.split_whitespace()
                .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .and_then(|v| v.split('.').next())
                .map(str::to_string)
        };
        if major(&browser).is_some() && major(&browser) == major(&driver) {
            done_line(&format!("already installed ({browser})"));
            return Ok(());
        }
        print!("versions differ ({browser} / {driver}), upgrading ... ");
    }
    let (program, prefix): (&str, &[&str]) = if is_root() {
        ("apt-get", &[])
    } else if Command::new("sudo")
        .args(["-n", "true"])
        .status()
        .is_ok_and(|s| s.success())
    {
        ("sudo", &["-n", "apt-get"])
    } else {
        println!("missing");
        return Err(
            "Chromium and chromedriver are needed for the browser tests and installing them \
             needs root: sudo apt-get install -y chromium chromium-driver"
                .to_string(),
        );
    };
    println!("installing with apt (about 1 minute)");
    let log = env.log_dir().join("setup-apt-chromium.log");
    let install = |log: &Path| {
        let mut apt = env.command(program);
        apt.args(prefix)
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive");
        run_logged(&mut apt, log, false)
    };
    if install(&log).is_err() {
        let mut update = env.command(program);
        update.args(prefix).args(["update"]);
        let update_log = env.log_dir().join("setup-apt-update.log");
        check(
            run_logged(&mut update, &update_log, false),
            "apt-get update",
            &update_log,
        )?;
        check(
            install(&log),
            "apt-get install chromium chromium-driver",
            &log,
        )?;
    }
    println!(
        "        installed {}",
        version_of(env, CHROMIUM).unwrap_or_default()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_package_version_from_lock_file() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\
                    [[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(lock_version(lock, "yew"), None);
    }

    #[test]
    fn repository_pins_agree() {
        let root = crate::repo_root().unwrap();
        let version = wasm_bindgen_version(&root).unwrap();
        assert!(version.starts_with("0.2."), "{version}");
    }
}
