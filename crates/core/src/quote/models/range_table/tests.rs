//! The words of a range-table line: what a salesperson reads to check the lookup by hand.

use crate::catalog::Catalog;
use crate::quote::{QuoteLine, price};
use crate::scope::{Answer, Scope, ScopeItem};

/// The GitLab.com migration table: users by projects under 5 GB (repositories less those
/// over 5 GB), plus an add-on per started group of ten repositories over 5 GB.
fn migration_line(answers: &[(&str, u64)]) -> QuoteLine {
    let catalog = Catalog::gitlab().unwrap();
    let mut scope = Scope {
        items: vec![ScopeItem::new("GL-MIG-SM-SAAS")],
        ..Scope::default()
    };
    for (question, value) in answers {
        scope
            .answers
            .insert((*question).to_string(), Answer::Number(*value));
    }
    price(&catalog, &scope).unwrap().lines.remove(0)
}

fn texts(line: &QuoteLine) -> Vec<String> {
    line.trace.iter().map(|step| step.text()).collect()
}

#[test]
fn an_answered_difference_shows_the_subtraction_and_the_band() {
    let line = migration_line(&[
        ("migration.users", 800),
        ("migration.repositories", 2_500),
        ("migration.large_repositories", 13),
    ]);
    let texts = texts(&line);
    let table = texts.iter().find(|t| t.contains("band")).unwrap();
    assert!(
        table.contains("migration.users = 800 (the 501–1,000 band)"),
        "{table}"
    );
    assert!(
        table.contains(
            "2,487 projects under 5 GB: migration.repositories = 2,500 − \
             migration.large_repositories = 13 (the 2,001–3,000 band)"
        ),
        "{table}"
    );
    let add_on = texts.iter().find(|t| t.contains("started")).unwrap();
    assert!(
        add_on.starts_with(
            "migration.large_repositories = 13: 2 started groups of 10 (per started group of \
             10 repositories over 5 GB)"
        ),
        "{add_on}"
    );
    let parts: Vec<String> = line
        .components
        .iter()
        .map(|c| c.description.to_string())
        .collect();
    assert_eq!(
        parts,
        ["2 started groups: per started group of 10 repositories over 5 GB"]
    );
}

#[test]
fn a_missing_answer_names_the_question_and_what_the_axis_counts() {
    let line = migration_line(&[("migration.repositories", 2_500)]);
    let texts = texts(&line);
    let table = texts.iter().find(|t| t.contains("priced across")).unwrap();
    // The users axis has no subtraction: it quotes the question as the customer reads it.
    assert!(
        table.contains(
            "migration.users not answered yet (\"How many user accounts are being migrated?\")"
        ),
        "{table}"
    );
    // The projects axis subtracts a missing answer: it names the difference it counts.
    assert!(
        table.contains(
            "migration.repositories − migration.large_repositories not answered yet \
             (\"projects under 5 GB\")"
        ),
        "{table}"
    );
    assert!(line.quantity_high.is_none() || line.gross.is_some());
}

#[test]
fn an_answer_beyond_the_table_names_the_limit_of_each_axis() {
    let line = migration_line(&[
        ("migration.users", 5_000),
        ("migration.repositories", 2_500),
        ("migration.large_repositories", 0),
    ]);
    assert!(line.gross.is_none());
    let texts = texts(&line);
    let beyond = texts
        .iter()
        .find(|t| t.contains("outside the table"))
        .unwrap();
    assert!(
        beyond.starts_with("migration.users = 5,000 is outside the table; "),
        "{beyond}"
    );
    assert!(
        beyond.contains(
            "covers up to 3,000 for migration.users and 10,000 for migration.repositories"
        ),
        "{beyond}"
    );
}
