//! `sow-request --submit` against a local stand-in for GitLab on 127.0.0.1: the call it
//! makes (method, path, headers, body in GitLab's documented parameters) and what it does
//! with each of GitLab's answers, a server that never answers, and nothing listening.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::Command;
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::Value;
use support::{Run, repo_root, scenario};

const TOKEN: &str = "glpat-test-Secret-123";
const GENERATED_AT: &str = "2026-11-26T09:00:00Z";

/// One request as the stand-in server received it.
struct Received {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A server on 127.0.0.1 that takes one request and answers `status` with `body` (JSON),
/// or, with `answer: false`, reads the request and never answers.
fn gitlab(status: u16, body: &'static str, answer: bool) -> (String, JoinHandle<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or_default().to_string();
        let path = parts.next().unwrap_or_default().to_string();
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').unwrap();
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map_or(0, |(_, v)| v.parse().unwrap());
        let mut bytes = vec![0; length];
        reader.read_exact(&mut bytes).unwrap();
        let received = Received {
            method,
            path,
            headers,
            body: String::from_utf8(bytes).unwrap(),
        };
        let mut stream = stream;
        if answer {
            let reason = match status {
                201 => "Created",
                401 => "Unauthorized",
                403 => "Forbidden",
                404 => "Not Found",
                _ => "Unprocessable Entity",
            };
            write!(
                stream,
                "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
            .unwrap();
        } else {
            // Hold the connection open past the client's timeout.
            std::thread::sleep(Duration::from_secs(4));
        }
        drop(stream);
        received
    });
    (address, handle)
}

/// Runs `sow-request` on the Initech scope with `--submit` and the extra arguments, the
/// token in the environment (when given) and no proxy.
fn submit(gitlab_url: &str, token: Option<&str>, extra: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scopecraft"));
    command
        .args([
            "sow-request",
            &scenario("sow-education-basics-remote"),
            "--generated-at",
            GENERATED_AT,
            "--submit",
            "--gitlab-url",
            gitlab_url,
        ])
        .args(extra)
        .current_dir(repo_root())
        .env_remove("GITLAB_TOKEN");
    for proxy in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        command.env_remove(proxy);
    }
    if let Some(token) = token {
        command.env("GITLAB_TOKEN", token);
    }
    let output = command.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The description the payload carries for the same scope and timestamp.
fn payload_description() -> String {
    let run = support::scopecraft(
        &[
            "sow-request",
            &scenario("sow-education-basics-remote"),
            "--generated-at",
            GENERATED_AT,
        ],
        None,
    );
    assert!(run.ok(), "{}", run.stderr);
    let payload: Value = serde_json::from_str(&run.stdout).unwrap();
    payload["gitlab"]["description"]
        .as_str()
        .unwrap()
        .to_string()
}

fn never_shows_the_token(run: &Run) {
    assert!(!run.stdout.contains(TOKEN) && !run.stderr.contains(TOKEN));
    assert!(!run.stderr.contains("Secret"));
}

#[test]
fn files_the_issue_and_prints_its_address() {
    let (url, server) = gitlab(
        201,
        r#"{"id": 90, "iid": 12, "project_id": 7, "title": "Initech - Scope Issue and Write SOW", "confidential": true, "web_url": "https://gitlab.example.com/ps/sow-requests/-/issues/12"}"#,
        true,
    );
    let run = submit(
        &url,
        Some(TOKEN),
        &[
            "--project",
            "ps/sow-requests",
            "--epic-id",
            "42",
            "--segment",
            "Enterprise",
        ],
    );
    let received = server.join().unwrap();
    assert!(run.ok(), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "https://gitlab.example.com/ps/sow-requests/-/issues/12\n"
    );
    never_shows_the_token(&run);

    assert_eq!(received.method, "POST");
    assert_eq!(received.path, "/api/v4/projects/ps%2Fsow-requests/issues");
    assert_eq!(received.header("PRIVATE-TOKEN"), Some(TOKEN));
    assert_eq!(received.header("Content-Type"), Some("application/json"));
    assert!(received.header("Authorization").is_none());
    let body: Value = serde_json::from_str(&received.body).unwrap();
    assert_eq!(body["title"], "Initech - Scope Issue and Write SOW");
    assert_eq!(body["description"], payload_description().as_str());
    assert_eq!(
        body["labels"],
        "proposal::Scoping,Education,Segment::Enterprise"
    );
    assert_eq!(body["confidential"], true);
    assert_eq!(body["epic_id"], 42);
    assert_eq!(
        body.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["confidential", "description", "epic_id", "labels", "title"]
    );
}

#[test]
fn a_numeric_project_id_goes_as_is_without_epic_or_segment() {
    let (url, server) = gitlab(
        201,
        r#"{"web_url": "https://gitlab.example.com/ps/sow-requests/-/issues/13"}"#,
        true,
    );
    let run = submit(&url, Some(TOKEN), &["--project", "278964"]);
    let received = server.join().unwrap();
    assert!(run.ok(), "{}", run.stderr);
    assert_eq!(received.path, "/api/v4/projects/278964/issues");
    let body: Value = serde_json::from_str(&received.body).unwrap();
    assert_eq!(body["labels"], "proposal::Scoping,Education");
    assert!(body.get("epic_id").is_none());
}

#[test]
fn gitlabs_refusals_are_explained_with_its_message() {
    let cases: [(u16, &'static str, &[&str]); 4] = [
        (
            401,
            r#"{"message": "401 Unauthorized"}"#,
            &[
                "(GitLab says: 401 Unauthorized)",
                "GITLAB_TOKEN",
                "nothing was filed",
            ],
        ),
        (
            403,
            r#"{"message": "403 Forbidden"}"#,
            &[
                "(GitLab says: 403 Forbidden)",
                "ps/sow-requests",
                "nothing was filed",
            ],
        ),
        (
            404,
            r#"{"message": "404 Project Not Found"}"#,
            &[
                "(GitLab says: 404 Project Not Found)",
                "--project",
                "nothing was filed",
            ],
        ),
        (
            422,
            r#"{"message": {"labels": ["is invalid"]}}"#,
            &[
                "(422)",
                "{\"labels\":[\"is invalid\"]}",
                "nothing was filed",
            ],
        ),
    ];
    for (status, answer, expected) in cases {
        let (url, server) = gitlab(status, answer, true);
        let run = submit(&url, Some(TOKEN), &["--project", "ps/sow-requests"]);
        server.join().unwrap();
        assert_eq!(run.code, 1, "{status}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{status}");
        for part in expected {
            assert!(run.stderr.contains(part), "{status}: {}", run.stderr);
        }
        never_shows_the_token(&run);
    }
}

#[test]
fn a_server_that_never_answers_times_out() {
    let (url, server) = gitlab(201, "", false);
    let run = submit(
        &url,
        Some(TOKEN),
        &["--project", "ps/sow-requests", "--timeout", "1"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("did not answer within 1 seconds"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("may or may not have been created"));
    never_shows_the_token(&run);
    // The call did go out, in full.
    let received = server.join().unwrap();
    assert_eq!(received.method, "POST");
}

#[test]
fn nothing_listening_is_a_network_error() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let run = submit(&url, Some(TOKEN), &["--project", "ps/sow-requests"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("cannot reach GitLab"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was filed"), "{}", run.stderr);
    never_shows_the_token(&run);
}

#[test]
fn no_call_without_a_token_or_over_plain_http() {
    // Nothing listens on these: had a call been made, the error would be a network one.
    let run = submit("http://127.0.0.1:9", None, &["--project", "ps/sow"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("GITLAB_TOKEN"), "{}", run.stderr);
    assert!(!run.stderr.contains("cannot reach"), "{}", run.stderr);
    let run = submit(
        "http://127.0.0.1:9",
        Some("two words"),
        &["--project", "ps/sow"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("spaces"), "{}", run.stderr);
    assert!(!run.stderr.contains("two words"));
    let run = submit(
        "http://gitlab.example.com",
        Some(TOKEN),
        &["--project", "ps/sow", "--segment", "a,b"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("gitlab_url"), "{}", run.stderr);
    assert!(run.stderr.contains("unencrypted"), "{}", run.stderr);
    assert!(run.stderr.contains("segment"), "{}", run.stderr);
    never_shows_the_token(&run);
    // --submit needs both the instance and the project.
    let run = submit("https://gitlab.example.com", Some(TOKEN), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--project"), "{}", run.stderr);
}
