//! The prefilled new-issue link that files a SOW request from a browser in one click.
//!
//! The link carries the title and the short description of [`super::issue_summary`] (with
//! a Scopecraft share link back to the whole scope), ending in the quick actions that label
//! the issue, since a new-issue link cannot carry labels as URL parameters (GitLab ignores
//! labels that do not exist in the project). When even that would pass
//! [`MAX_NEW_ISSUE_LINK`], the link carries the title alone and the caller hands the full
//! description to the user to paste.
//!
//! The catalog's issue template (`[sow.issue] template`, GitLab's `issuable_template`) is
//! named only on that title-only link: GitLab appends a link's `issue[description]` to the
//! template it opens, so a link carrying both would hold two intake tables, one all to-do.

use super::issue::{GitLabIssue, MAX_NEW_ISSUE_LINK};
use super::issue_summary::{ScopeLink, summary};
use super::payload::SowRequest;
use crate::gitlab_project::GitLabProject;
use crate::percent_encoding::percent_encode;
use crate::share;

/// A prefilled new-issue link: title, confidentiality (`issue[confidential]=true`, which
/// GitLab's new-issue form takes as a URL parameter) and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewIssueLink {
    /// `<project>/-/issues/new?issue[title]=…&issue[confidential]=true&issue[description]=…`:
    /// everything filled in.
    Link(String),
    /// The link with a description would be `length` characters, over
    /// [`MAX_NEW_ISSUE_LINK`]: `link` opens the new-issue page with the title alone (and the
    /// catalog's issue template, `&issuable_template=…`, when it names one), and `markdown`
    /// (the full description with its quick actions) is to be pasted into it.
    TooLong {
        /// The length of the link with the short description, in characters.
        length: usize,
        /// The new-issue link with the title alone.
        link: String,
        /// The full description with its quick actions.
        markdown: String,
    },
}

/// The new-issue link for `request` in `project`. `app_url` is the address of the
/// Scopecraft app (what a share link's `#/share/…` is appended to); without one, the
/// description carries the share code and says how to open it. Values are
/// percent-encoded per RFC 3986 (only unreserved characters stay as they are).
pub fn new_issue_link(
    project: &GitLabProject,
    request: &SowRequest,
    app_url: Option<&str>,
) -> NewIssueLink {
    let scope_link = match share::encode(&request.scope, &request.catalog) {
        Ok(code) => match app_url.map(str::trim).filter(|a| !a.is_empty()) {
            Some(app) => ScopeLink::App(format!(
                "{}#/share/{code}",
                app.split('#').next().unwrap_or_default()
            )),
            None => ScopeLink::Code(code),
        },
        Err(error) => ScopeLink::Unavailable(error.to_string()),
    };
    let short = GitLabIssue {
        description: summary(request, &scope_link),
        ..request.gitlab.clone()
    };
    issue_link(
        project,
        &short,
        &request.gitlab,
        request.issue_settings.template.as_deref(),
    )
}

/// The link that files `short`, or, when it is too long, the title-only link (opening the
/// issue template named `template`, if any) with `full`'s Markdown to paste.
pub(crate) fn issue_link(
    project: &GitLabProject,
    short: &GitLabIssue,
    full: &GitLabIssue,
    template: Option<&str>,
) -> NewIssueLink {
    let link = url(
        project,
        short,
        Content::Description(&short.description_with_quick_actions()),
    );
    if link.len() > MAX_NEW_ISSUE_LINK {
        NewIssueLink::TooLong {
            length: link.len(),
            link: url(project, full, Content::Template(template)),
            markdown: full.description_with_quick_actions(),
        }
    } else {
        NewIssueLink::Link(link)
    }
}

/// Checks the address of a Scopecraft app (`--app-url`, the catalog's `[sow] app_url`):
/// `http://` or `https://`, with no spaces, quotes, angle brackets, backslashes, pipes or
/// backticks, which would end or break the link in Markdown. Any `#…` is dropped.
pub fn check_app_url(text: &str) -> Result<String, String> {
    let url = text.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(|| format!("{url:?} is not an app address: it starts with https://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("{url:?} has no host"));
    }
    if let Some(bad) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "\"'<>\\|`[]*".contains(*c))
    {
        return Err(format!("{url:?}: {bad:?} is not allowed in an app address"));
    }
    Ok(url.split('#').next().unwrap_or_default().to_string())
}

/// What a new-issue link fills the description with.
enum Content<'a> {
    /// This text.
    Description(&'a str),
    /// The project's issue template of this name, or nothing.
    Template(Option<&'a str>),
}

fn url(project: &GitLabProject, issue: &GitLabIssue, content: Content<'_>) -> String {
    let mut link = format!(
        "{}/-/issues/new?issue[title]={}",
        project.url(),
        percent_encode(&issue.title)
    );
    if issue.confidential {
        link.push_str("&issue[confidential]=true");
    }
    match content {
        Content::Description(description) => {
            link.push_str("&issue[description]=");
            link.push_str(&percent_encode(description));
        }
        Content::Template(Some(name)) if !name.trim().is_empty() => {
            link.push_str("&issuable_template=");
            link.push_str(&percent_encode(name.trim()));
        }
        Content::Template(_) => {}
    }
    link
}
