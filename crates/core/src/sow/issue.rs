//! The GitLab issue a SOW request becomes, as GitLab's `POST /projects/:id/issues` takes
//! it, with the quick actions (`/label …`, `/confidential`) that label it when its
//! description is pasted or sent through a new-issue link.

use serde::{Deserialize, Serialize};

/// Longest new-issue link produced: longer URLs are cut short by browsers and proxies in
/// front of GitLab, which would silently truncate the description.
pub const MAX_NEW_ISSUE_LINK: usize = 8000;

/// Longest issue title GitLab accepts, in characters.
pub const MAX_TITLE_CHARS: usize = 255;
/// Longest issue description GitLab accepts, in characters (1 MiB).
pub const MAX_DESCRIPTION_CHARS: usize = 1_048_576;

/// The body of GitLab's `POST /projects/:id/issues` for a SOW request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GitLabIssue {
    /// The catalog's title template with the customer's name filled in (GitLab's catalog:
    /// `<Customer name> - Scope Issue and Write SOW`), at most 255 characters (a long
    /// customer name is cut short with an ellipsis).
    #[cfg_attr(feature = "schema", schemars(length(max = 255)))]
    pub title: String,
    /// The issue body, in GitLab Flavored Markdown, at most 1,048,576 characters.
    #[cfg_attr(feature = "schema", schemars(length(max = 1_048_576)))]
    pub description: String,
    /// Comma-separated labels.
    pub labels: String,
    /// SOW requests hold customer data: always true.
    pub confidential: bool,
}

impl GitLabIssue {
    /// The labels, one by one.
    pub fn label_list(&self) -> Vec<&str> {
        self.labels
            .split(',')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// The description followed by the quick actions that label the issue and make it
    /// confidential: what to paste into a new issue, and what the new-issue link carries.
    pub fn description_with_quick_actions(&self) -> String {
        let labels: Vec<String> = self
            .label_list()
            .iter()
            .map(|l| format!("~\"{}\"", l.replace('"', "")))
            .collect();
        let mut out = self.description.trim_end().to_string();
        out.push_str("\n\n");
        if !labels.is_empty() {
            out.push_str(&format!("/label {}\n", labels.join(" ")));
        }
        if self.confidential {
            out.push_str("/confidential\n");
        }
        out
    }
}
