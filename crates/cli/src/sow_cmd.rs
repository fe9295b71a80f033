//! `scopecraft sow-request SCOPE`, `scopecraft sow-template`, `scopecraft sow-draft SCOPE`, and
//! `scopecraft schema sow-request | catalog | scope`.

use std::time::{SystemTime, UNIX_EPOCH};

use scopecraft::{
    GitLabProject, MAX_NEW_ISSUE_LINK, NewIssueLink, SowRequestOptions, Timestamp, check_app_url,
    new_issue_link, sow_draft, sow_request,
};

use crate::Failure;
use crate::input;
use crate::quote_cmd::with_scope;

/// What `sow-request` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum RequestFormat {
    /// The `scopecraft.sow-request/1` payload as pretty JSON.
    Json,
    /// The GitLab issue description (Markdown), ending in the `/label` and `/confidential`
    /// quick actions.
    Markdown,
    /// A prefilled GitLab new-issue link.
    Url,
    /// The "Project Scheduling Intake" issue description (Markdown), ending in its quick
    /// actions.
    SchedulingMarkdown,
}

/// What `sow-draft` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DraftFormat {
    /// Markdown.
    Markdown,
    /// One self-contained, print-ready HTML page.
    Html,
}

/// The schemas `scopecraft schema` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SchemaName {
    /// The SOW-request payload (`scopecraft.sow-request/1`).
    SowRequest,
    /// A catalog file (TOML or JSON), for editors and CI.
    Catalog,
    /// A scope document (JSON), for editors.
    Scope,
}

/// Parses `--generated-at` for clap, so a bad timestamp is a command-line error.
pub(crate) fn timestamp_arg(text: &str) -> Result<Timestamp, String> {
    Timestamp::parse(text).map_err(|e| e.to_string())
}

/// Parses `--gitlab-project` for clap.
pub(crate) fn project_arg(text: &str) -> Result<GitLabProject, String> {
    GitLabProject::parse(text).map_err(|e| e.to_string())
}

/// Parses `--app-url` for clap.
pub(crate) fn app_url_arg(text: &str) -> Result<String, String> {
    check_app_url(text)
}

pub(crate) struct RequestArgs<'a> {
    pub(crate) scope: &'a str,
    pub(crate) catalog: Option<&'a str>,
    pub(crate) format: RequestFormat,
    pub(crate) project: Option<GitLabProject>,
    pub(crate) app_url: Option<String>,
    pub(crate) allow_incomplete: bool,
    pub(crate) generated_at: Option<Timestamp>,
    pub(crate) signed_on: Option<scopecraft::Date>,
    /// File through GitLab's API instead of printing (`--submit`).
    pub(crate) submit: Option<crate::filing_cmd::SubmitArgs>,
}

pub(crate) fn sow_request_cmd(args: RequestArgs<'_>) -> Result<(), Failure> {
    // The token is checked first, so a missing one costs nothing and files nothing.
    let token = match &args.submit {
        Some(_) => Some(crate::filing_cmd::token()?),
        None => None,
    };
    let catalog = input::catalog(args.catalog)?;
    // The project is checked before anything is printed, so a bad one prints nothing.
    let project = if args.format == RequestFormat::Url {
        Some(match args.project {
            Some(project) => project,
            None => catalog_project(&catalog)?,
        })
    } else {
        None
    };
    let generated_at = match args.generated_at {
        Some(timestamp) => timestamp,
        None => now_utc()?,
    };
    let options = SowRequestOptions {
        generated_at,
        allow_incomplete: args.allow_incomplete,
        signed_on: args.signed_on,
    };
    let (_, request) = with_scope(args.scope, &catalog, "SOW request", |scope| {
        sow_request(&catalog, scope, &options).map_err(|e| e.errors)
    })?;
    if let (Some(submit), Some(token)) = (&args.submit, &token) {
        return crate::filing_cmd::submit(&request, submit, token);
    }
    match (args.format, project) {
        (RequestFormat::Json, _) => println!("{}", request.to_json_pretty()),
        (RequestFormat::Markdown, _) => {
            print!("{}", request.gitlab.description_with_quick_actions());
        }
        (RequestFormat::SchedulingMarkdown, _) => {
            print!(
                "{}",
                request.scheduling.issue.description_with_quick_actions()
            );
        }
        (RequestFormat::Url, Some(project)) => {
            let app_url = match args.app_url {
                Some(url) => Some(url),
                None => catalog_app_url(&catalog)?,
            };
            match new_issue_link(&project, &request, app_url.as_deref()) {
                NewIssueLink::Link(link) => println!("{link}"),
                NewIssueLink::TooLong {
                    length,
                    link,
                    markdown,
                } => {
                    eprintln!(
                        "note: the new-issue link with a description would be {length} characters, over the \
                         {MAX_NEW_ISSUE_LINK} that GitLab reliably accepts. This link opens the new issue with \
                         its title filled in:\n  {link}\n\
                         paste the Markdown printed on standard output as its description \
                         (its last lines label the issue and make it confidential)."
                    );
                    print!("{markdown}");
                }
            }
        }
        (RequestFormat::Url, None) => {}
    }
    Ok(())
}

fn catalog_project(catalog: &scopecraft::Catalog) -> Result<GitLabProject, Failure> {
    let configured = catalog
        .data()
        .sow
        .as_ref()
        .and_then(|s| s.gitlab_project.as_deref());
    let Some(url) = configured else {
        return Err(Failure(format!(
            "error: --format url needs a GitLab project: pass --gitlab-project URL (catalog {} sets no [sow] gitlab_project)",
            catalog.data().id
        )));
    };
    Ok(GitLabProject::parse(url)?)
}

fn catalog_app_url(catalog: &scopecraft::Catalog) -> Result<Option<String>, Failure> {
    match catalog
        .data()
        .sow
        .as_ref()
        .and_then(|s| s.app_url.as_deref())
    {
        Some(url) => check_app_url(url)
            .map(Some)
            .map_err(|e| Failure(format!("error: catalog [sow] app_url: {e}"))),
        None => Ok(None),
    }
}

pub(crate) fn sow_template_cmd(
    catalog_path: Option<&str>,
    output: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let catalog = input::catalog(catalog_path)?;
    let template = scopecraft::sow_issue_template(&catalog);
    match output {
        None => print!("{template}"),
        Some(path) => {
            let fail =
                |e: std::io::Error| Failure(format!("error: cannot write {}: {e}", path.display()));
            if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(folder).map_err(fail)?;
            }
            std::fs::write(path, template).map_err(fail)?;
        }
    }
    Ok(())
}

pub(crate) fn sow_draft_cmd(
    scope_path: &str,
    catalog_path: Option<&str>,
    format: DraftFormat,
) -> Result<(), Failure> {
    let catalog = input::catalog(catalog_path)?;
    let (_, draft) = with_scope(scope_path, &catalog, "SOW draft", |scope| {
        sow_draft(&catalog, scope).map_err(|e| e.errors)
    })?;
    match format {
        DraftFormat::Markdown => print!("{}", draft.to_markdown()),
        DraftFormat::Html => print!("{}", draft.to_html()),
    }
    Ok(())
}

pub(crate) fn schema_cmd(name: SchemaName) -> Result<(), Failure> {
    match name {
        SchemaName::SowRequest => print!("{}", scopecraft::sow_request_schema()),
        SchemaName::Catalog => print!("{}", scopecraft::catalog_schema()),
        SchemaName::Scope => print!("{}", scopecraft::scope_schema()),
    }
    Ok(())
}

/// The current time in UTC as RFC 3339, to the second. The CLI may read the clock; the core
/// never does.
fn now_utc() -> Result<Timestamp, Failure> {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| Failure("error: the system clock is before 1970".to_string()))?
        .as_secs();
    Ok(Timestamp::parse(&rfc3339(seconds))?)
}

/// Seconds since 1970-01-01T00:00:00Z as `YYYY-MM-DDTHH:MM:SSZ` (civil-from-days, after
/// Howard Hinnant's algorithm).
pub(crate) fn rfc3339(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    let (hour, minute, second) = (rest / 3600, rest % 3600 / 60, rest % 60);
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_times() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_774_949_400), "2026-03-31T09:30:00Z");
        assert_eq!(rfc3339(4_102_444_799), "2099-12-31T23:59:59Z");
        assert!(Timestamp::parse(&rfc3339(1_700_000_000)).is_ok());
    }
}
