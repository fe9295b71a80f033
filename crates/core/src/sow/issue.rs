//! The GitLab issue a SOW request becomes, as GitLab's `POST /projects/:id/issues` takes
//! it, and the prefilled new-issue link that files it from a browser.
//!
//! A new-issue link cannot carry labels or confidentiality as URL parameters, so the
//! description used in the link ends with GitLab quick actions (`/label …`,
//! `/confidential`), which GitLab applies when the issue is created (labels that do not
//! exist in the project are ignored).

use serde::{Deserialize, Serialize};

use crate::gitlab_project::GitLabProject;
use crate::percent_encoding::percent_encode;

/// The first label of every SOW request: the proposal board's first column.
pub const PROPOSAL_SCOPING_LABEL: &str = "proposal::Scoping";
/// The label for US public sector customers.
pub const PUBLIC_SECTOR_US_LABEL: &str = "Public Sector US";
/// Longest new-issue link produced: longer URLs are cut short by browsers and proxies in
/// front of GitLab, which would silently truncate the description.
pub const MAX_NEW_ISSUE_LINK: usize = 8000;

/// The body of GitLab's `POST /projects/:id/issues` for a SOW request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GitLabIssue {
    /// `<Customer name> - Scope Issue and Write SOW`.
    pub title: String,
    /// The issue body, in GitLab Flavored Markdown.
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

/// A prefilled new-issue link, or the Markdown to paste when the link would be too long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewIssueLink {
    /// `<project>/-/issues/new?issue[title]=…&issue[description]=…`.
    Link(String),
    /// The link would be `length` characters, over [`MAX_NEW_ISSUE_LINK`]: paste `markdown`
    /// (the description with its quick actions) into a new issue instead.
    TooLong {
        /// The link's length in characters.
        length: usize,
        /// The description with its quick actions.
        markdown: String,
    },
}

/// The new-issue link for `issue` in `project`. Values are percent-encoded per RFC 3986
/// (only unreserved characters stay as they are).
pub fn new_issue_link(project: &GitLabProject, issue: &GitLabIssue) -> NewIssueLink {
    let markdown = issue.description_with_quick_actions();
    let link = format!(
        "{}/-/issues/new?issue[title]={}&issue[description]={}",
        project.url(),
        percent_encode(&issue.title),
        percent_encode(&markdown)
    );
    if link.len() > MAX_NEW_ISSUE_LINK {
        NewIssueLink::TooLong {
            length: link.len(),
            markdown,
        }
    } else {
        NewIssueLink::Link(link)
    }
}
