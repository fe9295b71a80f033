//! `scopecraft share encode` and `scopecraft share decode`, run as the built binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::Value;
use support::{Run, repo_root, temp_file};

fn run(args: &[&str], stdin: Option<&str>) -> Run {
    support::scopecraft(args, stdin.map(str::as_bytes))
}

fn encode(scenario: &str) -> String {
    let out = run(&["share", "encode", scenario], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    out.stdout.trim().to_string()
}

#[test]
fn encode_then_decode_gives_the_scope_back() {
    let scenario = "tests/scenarios/acme-mixed.json";
    let link = encode(scenario);
    assert!(link.starts_with("s1."), "{link}");
    assert!(
        link.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "{link}"
    );
    let out = run(&["share", "decode", &link], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.is_empty(),
        "same catalog, no warning: {}",
        out.stderr
    );
    let decoded: Value = serde_json::from_str(&out.stdout).unwrap();
    let original: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join(scenario)).unwrap())
            .unwrap();
    for key in ["customer", "requester", "currency", "answers"] {
        assert_eq!(decoded[key], original[key], "{key}");
    }
    assert_eq!(decoded["items"][0], original["items"][0]);
    assert_eq!(decoded["items"][1]["hours"], "100");
    assert_eq!(decoded["items"][3]["sku"], "GL-MIG-SM-SAAS");
    assert_eq!(decoded["quote_discount_percent"], "5");
    assert_eq!(decoded["catalog"]["id"], "gitlab-ps");
    assert_eq!(decoded["catalog"]["hash"].as_str().unwrap().len(), 64);

    // The decoded scope prices exactly like the original.
    let path = temp_file("decoded.json", &out.stdout);
    let a = run(&["quote", scenario, "--format", "json"], None);
    let b = run(&["quote", path.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let (a, b): (Value, Value) = (
        serde_json::from_str(&a.stdout).unwrap(),
        serde_json::from_str(&b.stdout).unwrap(),
    );
    assert_eq!(a["total"], b["total"]);
    assert_eq!(a["lines"], b["lines"]);
}

#[test]
fn links_read_from_stdin_and_never_carry_prices() {
    let link = encode("tests/scenarios/acme-mixed.json");
    let out = run(&["share", "decode", "-"], Some(&format!("  {link}\n")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    for word in ["\"total", "\"net", "\"gross", "\"price", "\"lines"] {
        assert!(!out.stdout.contains(word), "{word}: {}", out.stdout);
    }
    let scope =
        std::fs::read_to_string(repo_root().join("tests/scenarios/acme-mixed.json")).unwrap();
    let out = run(&["share", "encode", "-"], Some(&scope));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.trim(), link);
}

#[test]
fn decode_warns_when_the_catalog_differs() {
    let link = encode("tests/scenarios/acme-mixed.json");
    let toml = std::fs::read_to_string(repo_root().join("crates/core/catalogs/gitlab.toml"))
        .unwrap()
        .replacen("version = \"2022.11\"", "version = \"2099.1\"", 1);
    let path = temp_file("newer.toml", &toml);
    let out = run(
        &[
            "share",
            "decode",
            &link,
            "--catalog",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("warning: the link was made with catalog gitlab-ps 2022.11"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("this is gitlab-ps 2099.1"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("\"GL-CICD-R\""), "{}", out.stdout);
}

#[test]
fn decode_errors_name_the_problem() {
    let link = encode("tests/scenarios/acme-mixed.json");
    let mut tampered = link.clone().into_bytes();
    let i = tampered.len() / 2;
    tampered[i] = if tampered[i] == b'x' { b'y' } else { b'x' };
    let tampered = String::from_utf8(tampered).unwrap();
    let too_long = format!("s1.{}", "A".repeat(40_000));
    // Cut at a whole base64 group, so what is left is valid base64url but not the whole link.
    let cut = 3 + (link.len() - 3) / 4 * 4 - 8;
    let cases: [(&str, &str); 6] = [
        ("https://example.com/", "not a share link"),
        ("s9.AAAA", "version 9 is not supported"),
        (
            "s1.ab$d",
            "not valid base64url: unexpected character at position 2",
        ),
        (&link[..cut], "checksum does not match"),
        (&tampered, "checksum does not match"),
        (&too_long, "at most 32768 are allowed"),
    ];
    for (input, expected) in cases {
        let out = run(&["share", "decode", input], None);
        assert_eq!(out.code, 1, "{input}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{input}: {}", out.stdout);
        assert!(out.stderr.contains(expected), "{input}: {}", out.stderr);
    }
}

#[test]
fn encode_refuses_invalid_scopes_with_paths() {
    let path = temp_file(
        "bad-scope.json",
        r#"{"items": [{"sku": "GL-XPRT", "hours": "-3"}]}"#,
    );
    let out = run(&["share", "encode", path.to_str().unwrap()], None);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("items[0].hours"), "{}", out.stderr);
}
