//! The pipeline template for catalog repositories
//! (`examples/catalog-repository/.gitlab-ci.yml`) cannot rot: every `scopecraft …` line in
//! its `script:` sections is run here, as the job would run it, against the embedded catalog
//! exported to `catalog.toml` and against a copy with one price changed, and its exit status
//! and output are checked.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn template() -> String {
    std::fs::read_to_string(repo_root().join("examples/catalog-repository/.gitlab-ci.yml"))
        .expect("the template is committed")
}

/// One shell command of a job's `script`, `before_script` or `after_script`.
#[derive(Debug)]
struct ScriptLine {
    job: String,
    text: String,
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The commands of every script section, in file order: one per list item, or one per line
/// of a `- |` block.
fn script_lines(yaml: &str) -> Vec<ScriptLine> {
    let mut out = Vec::new();
    let mut job = String::new();
    let mut section: Option<usize> = None;
    let mut block: Option<usize> = None;
    for line in yaml.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = indentation(line);
        if indent == 0 {
            job = trimmed.trim_end_matches(':').to_string();
            section = None;
            block = None;
            continue;
        }
        if let Some(item_indent) = block {
            if indent > item_indent {
                out.push(ScriptLine {
                    job: job.clone(),
                    text: trimmed.to_string(),
                });
                continue;
            }
            block = None;
        }
        if let Some(key_indent) = section {
            if indent <= key_indent {
                section = None;
            } else if let Some(item) = trimmed.strip_prefix("- ") {
                if item == "|" || item == ">" {
                    block = Some(indent);
                } else {
                    out.push(ScriptLine {
                        job: job.clone(),
                        text: item.to_string(),
                    });
                }
                continue;
            }
        }
        if matches!(trimmed, "script:" | "before_script:" | "after_script:") {
            section = Some(indent);
        }
    }
    out
}

/// A command line as shell words, up to the first operator; with the file its stdout is
/// redirected to.
fn words(command: &str) -> (Vec<String>, Option<String>) {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    tokens.push(std::mem::take(&mut current));
                    started = false;
                }
            }
            c => {
                current.push(c);
                started = true;
            }
        }
    }
    if started {
        tokens.push(current);
    }
    let end = tokens
        .iter()
        .position(|t| {
            matches!(
                t.as_str(),
                ">" | ">>" | "|" | "||" | "&&" | ";" | "<" | "2>"
            )
        })
        .unwrap_or(tokens.len());
    let redirect = (tokens.get(end).map(String::as_str) == Some(">"))
        .then(|| tokens.get(end + 1).cloned())
        .flatten();
    tokens.truncate(end);
    (tokens, redirect)
}

fn work_dir(catalog: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "scopecraft-pipeline-test-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("catalog.toml"), catalog).unwrap();
    dir
}

/// What a run of one `scopecraft` line gave.
struct Ran {
    job: String,
    args: Vec<String>,
    status: i32,
    stdout: String,
    redirect: Option<String>,
}

/// Runs every `scopecraft` line of the template in a checkout whose `catalog.toml` is
/// `catalog`, with every file a `git show … > FILE` line writes holding the embedded catalog
/// (the default branch).
fn run_template(catalog: &str) -> Vec<Ran> {
    let dir = work_dir(catalog);
    let lines = script_lines(&template());
    for line in &lines {
        if line.text.starts_with("git show ") {
            let (_, target) = words(&line.text);
            let target = target.expect("git show writes a file");
            std::fs::write(dir.join(target), scopecraft::GITLAB_CATALOG_TOML).unwrap();
        }
    }
    let mut ran = Vec::new();
    for line in lines.iter().filter(|l| l.text.starts_with("scopecraft ")) {
        let (words, redirect) = words(&line.text);
        for word in &words {
            assert!(
                !word.contains('$'),
                "{}: keep variables out of scopecraft lines so this test runs them exactly: {}",
                line.job,
                line.text
            );
        }
        let output = Command::new(env!("CARGO_BIN_EXE_scopecraft"))
            .args(&words[1..])
            .current_dir(&dir)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        if let Some(file) = &redirect {
            std::fs::write(dir.join(file), &stdout).unwrap();
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        ran.push(Ran {
            job: line.job.clone(),
            args: words[1..].to_vec(),
            status: output.status.code().unwrap_or(-1),
            stdout,
            redirect,
        });
    }
    ran
}

fn one_price_changed() -> String {
    let from = "\"GL-XPRT\" = { price = \"14400\" }";
    assert_eq!(scopecraft::GITLAB_CATALOG_TOML.matches(from).count(), 1);
    scopecraft::GITLAB_CATALOG_TOML.replacen(from, "\"GL-XPRT\" = { price = \"15120\" }", 1)
}

#[test]
fn the_template_has_the_commands_it_promises() {
    let lines = script_lines(&template());
    let commands: Vec<(&str, &str)> = lines
        .iter()
        .filter(|l| l.text.starts_with("scopecraft "))
        .map(|l| (l.job.as_str(), l.text.as_str()))
        .collect();
    assert!(
        commands
            .iter()
            .any(|(job, c)| *job == "catalog-check" && c.contains("--format codequality")),
        "{commands:#?}"
    );
    assert!(
        commands
            .iter()
            .any(|(job, c)| *job == "catalog-diff" && c.contains("--format markdown")),
        "{commands:#?}"
    );
    assert!(
        commands.iter().any(|(job, _)| *job == "pages"),
        "{commands:#?}"
    );
    // The block scalar was read too: the comment is posted from inside it.
    assert!(lines.iter().any(|l| l.text.starts_with("curl ")));
}

#[test]
fn every_scopecraft_line_passes_on_an_unchanged_catalog() {
    for ran in run_template(scopecraft::GITLAB_CATALOG_TOML) {
        assert_eq!(ran.status, 0, "{}: scopecraft {:?}", ran.job, ran.args);
        if ran.args.iter().any(|a| a == "diff") {
            assert!(ran.stdout.contains("The two catalogs are identical."));
        }
    }
}

#[test]
fn a_changed_price_makes_the_diff_job_exit_3_and_say_so() {
    let template = template();
    let ran = run_template(&one_price_changed());
    assert!(!ran.is_empty());
    for ran in &ran {
        match ran.args.get(..2).map(|a| [a[0].as_str(), a[1].as_str()]) {
            Some(["catalog", "check"]) => {
                assert_eq!(ran.status, 0, "{}: {:?}", ran.job, ran.args);
                if ran.args.iter().any(|a| a == "codequality") {
                    // GitLab reads the file the job redirects the report to.
                    let file = ran.redirect.as_deref().expect("the report is saved");
                    assert!(template.contains(&format!("codequality: {file}")));
                    assert_eq!(ran.stdout, "[]\n");
                }
            }
            Some(["catalog", "diff"]) => {
                assert_eq!(ran.status, 3, "{}: {:?}", ran.job, ran.args);
                // The job lets exactly that status through as a warning.
                assert!(template.contains("exit_codes: 3"));
                assert!(
                    ran.stdout.contains(
                        "| USD | GL-XPRT | price | USD 14,400.00 | USD 15,120.00 | +5.0% |"
                    ),
                    "{}",
                    ran.stdout
                );
                let file = ran.redirect.as_deref().expect("the comment is saved");
                assert!(template.contains(&format!("body@{file}")));
            }
            _ => panic!(
                "{}: no expectation for `scopecraft {}`; add one to this test",
                ran.job,
                ran.args.join(" ")
            ),
        }
    }
}

#[test]
fn script_lines_are_read_like_gitlab_reads_them() {
    let yaml = "job:\n  script:\n    - one\n    - |\n      two\n      three\n    - four > out.txt\n  artifacts:\n    paths:\n      - not-a-command\nother:\n  before_script:\n    - five\n";
    let lines: Vec<String> = script_lines(yaml).into_iter().map(|l| l.text).collect();
    assert_eq!(lines, ["one", "two", "three", "four > out.txt", "five"]);
    assert_eq!(
        words("scopecraft catalog diff \"a b.toml\" c.toml > d.md || status=$?"),
        (
            vec![
                "scopecraft".to_string(),
                "catalog".to_string(),
                "diff".to_string(),
                "a b.toml".to_string(),
                "c.toml".to_string()
            ],
            Some("d.md".to_string())
        )
    );
}
