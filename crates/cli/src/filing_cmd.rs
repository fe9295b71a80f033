//! `scopecraft sow-request SCOPE --submit`: sends the call the core builds
//! ([`scopecraft::issue_filing`]) to GitLab with the token from `GITLAB_TOKEN`, and prints
//! the new issue's address. The token goes only into the `PRIVATE-TOKEN` header: it is
//! never printed, logged or written anywhere, and redirects are not followed (so it never
//! reaches another host).

use std::time::Duration;

use scopecraft::{FilingOptions, SowRequest, issue_filing, read_filing_answer};

use crate::Failure;

/// The environment variable that holds the GitLab access token.
pub(crate) const TOKEN_VARIABLE: &str = "GITLAB_TOKEN";

/// Most bytes of GitLab's answer read (a created issue is a few kilobytes).
const MAX_ANSWER_BYTES: u64 = 1 << 20;

/// Where and how to file.
pub(crate) struct SubmitArgs {
    pub(crate) gitlab_url: String,
    pub(crate) project: String,
    pub(crate) options: FilingOptions,
    pub(crate) timeout: Duration,
}

/// The token, checked before anything else happens: present, and a single header value
/// (no spaces or control characters). Errors never show it.
pub(crate) fn token() -> Result<String, Failure> {
    let token = std::env::var(TOKEN_VARIABLE).unwrap_or_default();
    if token.trim().is_empty() {
        return Err(Failure(format!(
            "error: --submit needs a GitLab access token with the api scope in the {TOKEN_VARIABLE} environment variable; nothing was filed"
        )));
    }
    if token
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || !c.is_ascii())
    {
        return Err(Failure(format!(
            "error: {TOKEN_VARIABLE} holds spaces, control or non-ASCII characters, so it is not a GitLab token; nothing was filed"
        )));
    }
    Ok(token)
}

/// Files `request`; prints the new issue's address on success.
pub(crate) fn submit(request: &SowRequest, args: &SubmitArgs, token: &str) -> Result<(), Failure> {
    let call = issue_filing(request, &args.gitlab_url, &args.project, &args.options)
        .map_err(|errors| Failure(format!("error: cannot file the SOW request:\n{errors}")))?;
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(args.timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("scopecraft/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let answer = agent
        .post(&call.url)
        .header("PRIVATE-TOKEN", token)
        .header("Content-Type", call.content_type)
        .header("Accept", "application/json")
        .send(call.body.as_bytes());
    let mut response = answer.map_err(|e| transport_failure(&e, &args.gitlab_url, args.timeout))?;
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_ANSWER_BYTES)
        .read_to_string()
        .map_err(|e| {
            Failure(format!(
                "error: GitLab answered {status} but its answer could not be read ({}). \
                 The issue may have been created: look in the project before filing again",
                match e {
                    ureq::Error::Timeout(_) => "it took longer than --timeout".to_string(),
                    ureq::Error::BodyExceedsLimit(_) =>
                        format!("longer than {MAX_ANSWER_BYTES} bytes"),
                    other => other.to_string(),
                }
            ))
        })?;
    let issue = read_filing_answer(status, &body, &args.project)
        .map_err(|e| Failure(format!("error: {e}")))?;
    println!("{}", issue.web_url);
    Ok(())
}

/// A network problem in words. A timeout after the call went out may still have created
/// the issue, and says so.
fn transport_failure(error: &ureq::Error, gitlab_url: &str, timeout: Duration) -> Failure {
    let why = match error {
        ureq::Error::Timeout(_) => {
            return Failure(format!(
                "error: GitLab at {gitlab_url} did not answer within {} seconds (--timeout). \
                 The issue may or may not have been created: look in the project before filing again",
                timeout.as_secs()
            ));
        }
        ureq::Error::HostNotFound => "the host name was not found".to_string(),
        ureq::Error::ConnectionFailed => "the connection failed".to_string(),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "the connection was refused (nothing listens there)".to_string()
        }
        ureq::Error::Io(io) => format!("a network error: {}", io.kind()),
        other => other.to_string(),
    };
    Failure(format!(
        "error: cannot reach GitLab at {gitlab_url}: {why}; nothing was filed"
    ))
}
