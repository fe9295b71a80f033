//! Filing a SOW request through GitLab's REST API, as data: the `POST
//! /api/v4/projects/:id/issues` call a request becomes ([`issue_filing`]), and what GitLab's
//! answer means ([`read_filing_answer`]). The core never opens a connection and never sees
//! the token: the caller sends the call with its `PRIVATE-TOKEN` header and hands back the
//! status and body.
//!
//! The body carries GitLab's documented parameters: `title`, `description` (the full one,
//! without quick actions: labels and confidentiality are parameters here), `labels`
//! (comma-separated, plus `Segment::<name>` when asked), `confidential` and, when given,
//! `epic_id`.

use serde::Serialize;
use serde_json::Value;

use super::payload::SowRequest;
use crate::field_error::{FieldError, FieldErrors};
use crate::label::label_problem;
use crate::percent_encoding::percent_encode;

/// What to add to the issue beyond the request's own `gitlab` block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilingOptions {
    /// The customer's epic the issue joins (`epic_id`).
    pub epic_id: Option<u64>,
    /// The customer's segment, filed as the label `Segment::<segment>`.
    pub segment: Option<String>,
}

/// The API call that files a request: `POST url` with `body` as `content_type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueFiling {
    /// `<gitlab>/api/v4/projects/<id or URL-encoded path>/issues`.
    pub url: String,
    /// Always `application/json`.
    pub content_type: &'static str,
    /// The JSON body.
    pub body: String,
}

/// The body of `POST /projects/:id/issues`, in GitLab's parameter names.
#[derive(Serialize)]
struct FilingBody<'a> {
    title: &'a str,
    description: &'a str,
    labels: String,
    confidential: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    epic_id: Option<u64>,
}

/// The issue GitLab created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledIssue {
    /// Its address, as GitLab gave it (`web_url`).
    pub web_url: String,
}

/// The call that files `request` in `project` (a numeric ID or a `group/project` path) on
/// the GitLab at `gitlab_url`. Every problem with the three inputs is reported at once,
/// naming `gitlab_url`, `project` or `segment`.
pub fn issue_filing(
    request: &SowRequest,
    gitlab_url: &str,
    project: &str,
    options: &FilingOptions,
) -> Result<IssueFiling, FieldErrors> {
    let mut errors = FieldErrors::new();
    let base = check_gitlab_url(gitlab_url)
        .map_err(|problem| errors.push(FieldError::new("gitlab_url", problem)))
        .ok();
    let project = check_project(project)
        .map_err(|problem| errors.push(FieldError::new("project", problem)))
        .ok();
    let mut labels = request.gitlab.labels.clone();
    if let Some(segment) = &options.segment {
        let label = format!("Segment::{}", segment.trim());
        match label_problem(segment) {
            Some(problem) => errors.push(FieldError::new(
                "segment",
                format!("the segment {segment:?} {problem}"),
            )),
            None if !labels.split(',').any(|l| l.trim() == label) => {
                if !labels.is_empty() {
                    labels.push(',');
                }
                labels.push_str(&label);
            }
            None => {}
        }
    }
    let (Some(base), Some(project)) = (base, project) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let body = FilingBody {
        title: &request.gitlab.title,
        description: &request.gitlab.description,
        labels,
        confidential: request.gitlab.confidential,
        epic_id: options.epic_id,
    };
    Ok(IssueFiling {
        url: format!("{base}/api/v4/projects/{}/issues", percent_encode(&project)),
        content_type: "application/json",
        body: serde_json::to_string(&body).unwrap_or_default(),
    })
}

/// The GitLab instance's address: `https://host[:port][/path]`, no query, fragment or
/// credentials, a trailing `/` dropped. Plain `http://` only to this machine (`localhost`,
/// `127.0.0.1`, `[::1]`): anywhere else the token would cross the network unencrypted.
fn check_gitlab_url(text: &str) -> Result<String, String> {
    let text = text.trim();
    let scheme_end = text.find("://").map_or(0, |i| i + 3);
    let url = match text.get(scheme_end..) {
        Some(rest) => text
            .get(..scheme_end + rest.trim_end_matches('/').len())
            .unwrap_or(text),
        None => text,
    };
    let lower = url.to_ascii_lowercase();
    let (rest, secure) = if let Some(rest) = lower.strip_prefix("https://") {
        (rest, true)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (rest, false)
    } else {
        return Err(format!(
            "{url:?} is not a GitLab address: it starts with https://, e.g. https://gitlab.com"
        ));
    };
    if let Some(bad) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "?#@\\\"'<>".contains(*c))
    {
        return Err(format!(
            "{url:?}: {bad:?} is not allowed (no query, fragment or credentials)"
        ));
    }
    let host = rest.split('/').next().unwrap_or_default();
    let (name, port) = match host.strip_prefix('[') {
        Some(inner) => match inner.split_once(']') {
            Some((_, after)) => (
                host.get(..host.len() - after.len()).unwrap_or(host),
                after.strip_prefix(':'),
            ),
            None => return Err(format!("{url:?}: the host name is not valid")),
        },
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    if let Some(port) = port
        && (port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("{url:?}: the port must be a number"));
    }
    if name.is_empty() {
        return Err(format!("{url:?} has no host"));
    }
    if !secure && !matches!(name, "localhost" | "127.0.0.1" | "[::1]") {
        return Err(format!(
            "{url:?} is plain http: the token would cross the network unencrypted; use https://"
        ));
    }
    Ok(url.to_string())
}

/// A project as the API names it: a numeric ID, or a `group/subgroup/project` path whose
/// parts are letters, digits, `_`, `-` and `.` (URL-encoded in the call, `/` as `%2F`).
fn check_project(text: &str) -> Result<String, String> {
    let project = text.trim().trim_matches('/');
    if project.is_empty() {
        return Err("missing: give the project's ID or its path, e.g. group/project".to_string());
    }
    if project.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(project.to_string());
    }
    if project.contains("://") {
        return Err(format!(
            "{project:?} is an address: give the project's ID or its path, e.g. group/project"
        ));
    }
    let parts: Vec<&str> = project.split('/').collect();
    let part_ok = |part: &&str| {
        !part.is_empty()
            && *part != "."
            && *part != ".."
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    };
    if parts.len() < 2 || !parts.iter().all(part_ok) {
        return Err(format!(
            "{project:?} is not a project ID or path: a path is group/project, each part letters, digits, '_', '-' and '.'"
        ));
    }
    Ok(project.to_string())
}

/// What GitLab's answer to the call means: the new issue for `201 Created`, or an error in
/// words with GitLab's own message (for 401, 403, 404, 400/422 and anything else).
/// `project` is named in the errors as the caller gave it.
pub fn read_filing_answer(status: u16, body: &str, project: &str) -> Result<FiledIssue, String> {
    let message = gitlab_message(body);
    let said = if message.is_empty() {
        String::new()
    } else {
        format!(" (GitLab says: {message})")
    };
    match status {
        200 | 201 => {
            let web_url = serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|v| v.get("web_url").and_then(Value::as_str).map(str::to_string))
                .filter(|url| {
                    (url.starts_with("https://") || url.starts_with("http://"))
                        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
                });
            web_url.map(|web_url| FiledIssue { web_url }).ok_or_else(|| {
                format!(
                    "GitLab answered {status} but gave no web_url: the issue was probably created; look in project {project:?} before filing again"
                )
            })
        }
        301..=308 => Err(format!(
            "GitLab answered {status} (a redirect){said}: nothing was filed; pass the instance's final address as --gitlab-url"
        )),
        401 => Err(format!(
            "GitLab did not accept the token in GITLAB_TOKEN (401 Unauthorized){said}: it may be mistyped, expired or revoked, or lack the api scope; nothing was filed"
        )),
        403 => Err(format!(
            "the token may not create issues in project {project:?} (403 Forbidden){said}: it needs a role in the project that can create issues; nothing was filed"
        )),
        404 => Err(format!(
            "project {project:?} was not found (404 Not Found){said}: check --project and --gitlab-url (a private project the token cannot see also answers 404); nothing was filed"
        )),
        400 | 422 => Err(format!(
            "GitLab refused the issue ({status}){said}; nothing was filed"
        )),
        _ => Err(format!(
            "GitLab answered {status}{said}; nothing was filed as far as the answer says"
        )),
    }
}

/// GitLab's error message from a body `{"message": …}` (text, or the per-field object of a
/// validation error, written as compact JSON) or `{"error": …}`, else the body's text; one
/// line, control characters removed, at most 300 characters.
fn gitlab_message(body: &str) -> String {
    let value: Option<Value> = serde_json::from_str(body).ok();
    let text = match value
        .as_ref()
        .and_then(|v| v.get("message").or_else(|| v.get("error")))
    {
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
        None => body.to_string(),
    };
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut kept: String = one_line.chars().take(300).collect();
    if one_line.chars().count() > 300 {
        kept.push('…');
    }
    kept
}

#[cfg(test)]
mod tests;
