//! `scopecraft sow-template`: the committed GitLab issue template is what the catalog gives
//! today, it asks every required question, and another firm's catalog gets a neutral one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{repo_root, scopecraft};

const COMMITTED: &str = "examples/sow-project/.gitlab/issue_templates/SOW Request.md";

#[test]
fn the_committed_template_is_the_catalogs() {
    let run = scopecraft(&["sow-template"], None);
    assert!(run.ok(), "{}", run.stderr);
    let committed = std::fs::read_to_string(repo_root().join(COMMITTED)).unwrap();
    assert_eq!(
        run.stdout, committed,
        "regenerate with: scopecraft sow-template --output \"{COMMITTED}\""
    );
    // Every question required for a service type is there, in bold, with a to-do response.
    let catalog = scopecraft::Catalog::gitlab().unwrap();
    let required: Vec<_> = catalog
        .data()
        .questions
        .iter()
        .filter(|q| !q.required_for.is_empty())
        .collect();
    assert!(required.len() > 5);
    for question in required {
        let row = format!(
            "| **{}** | to-do |",
            scopecraft::markdown_cell(&question.text)
        );
        assert!(committed.contains(&row), "{row}");
    }
    // The generated issue's scoping columns, GitLab's intake rows, and the quick actions.
    let generated =
        std::fs::read_to_string(repo_root().join("tests/cli-snapshots/acme-mixed/sow-request.md"))
            .unwrap();
    let columns = "| Question | Customer response | Example | Why we ask |";
    assert!(generated.contains(columns) && committed.contains(columns));
    assert!(committed.contains("| US public sector | to-do: Yes or No |"));
    assert!(committed.ends_with("\n\n/label ~\"proposal::Scoping\"\n/confidential\n"));
}

#[test]
fn another_firms_template_is_neutral_and_output_writes_the_file() {
    let folder = std::env::temp_dir().join(format!("scopecraft-template-{}", std::process::id()));
    let path = folder.join(".gitlab/issue_templates/SOW Request.md");
    let catalog = "crates/core/testdata/catalogs/other-firm.toml";
    let run = scopecraft(
        &[
            "sow-template",
            "--catalog",
            catalog,
            "--output",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(run.ok(), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let written = std::fs::read_to_string(&path).unwrap();
    let printed = scopecraft(&["sow-template", "--catalog", catalog], None).stdout;
    assert_eq!(written, printed);
    assert!(written.contains("| Requester | to-do: name · email |"));
    assert!(written.contains("| **How many cloud accounts?** | to-do | 12 |"));
    assert!(written.contains("to-do: any of Cloud Setup, Training"));
    assert!(!written.contains("public sector") && !written.contains("/label"));
    assert!(written.ends_with("\n\n/confidential\n"));
    std::fs::remove_dir_all(&folder).unwrap();
}
