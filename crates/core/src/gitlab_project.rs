//! A GitLab project's web address, checked: where SOW requests are filed (the catalog's
//! `[sow] gitlab_project`, the CLI's `--project`, the web app's project field).

use std::fmt;

/// A GitLab project's web address: `https://host/group/project` (subgroups allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitLabProject {
    url: String,
}

/// Why a project address was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectUrlError {
    /// What was given (at most 80 characters of it).
    pub input: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for ProjectUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a GitLab project address like https://gitlab.com/group/project: {}",
            self.input, self.problem
        )
    }
}

impl std::error::Error for ProjectUrlError {}

impl GitLabProject {
    /// Checks a project address: https, a host, a path of at least two segments (group and
    /// project) made of letters, digits, `_`, `-` and `.`, no query, no fragment, no
    /// credentials. A trailing `/` is dropped.
    pub fn parse(text: &str) -> Result<GitLabProject, ProjectUrlError> {
        let fail = |problem: &str| ProjectUrlError {
            input: text.chars().take(80).collect(),
            problem: problem.to_string(),
        };
        if text.chars().any(char::is_whitespace) {
            return Err(fail("it contains spaces"));
        }
        let rest = match text.get(..8) {
            Some(scheme) if scheme.eq_ignore_ascii_case("https://") => text.get(8..).unwrap_or(""),
            _ => return Err(fail("it must start with https://")),
        };
        if rest.contains('?') {
            return Err(fail("remove the query (the part from '?')"));
        }
        if rest.contains('#') {
            return Err(fail("remove the fragment (the part from '#')"));
        }
        let rest = rest.trim_end_matches('/');
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.contains('@') {
            return Err(fail(
                "an address with credentials ('user@') is not accepted",
            ));
        }
        let (name, port) = match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        };
        let host_ok = !name.is_empty()
            && name.split('.').all(|label| {
                !label.is_empty()
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && !label.starts_with('-')
                    && !label.ends_with('-')
            });
        if !host_ok {
            return Err(fail("the host name is not valid"));
        }
        if let Some(port) = port
            && (port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(fail("the port must be a number"));
        }
        let segments: Vec<&str> = path.split('/').collect();
        if path.is_empty() || segments.len() < 2 {
            return Err(fail(
                "it needs the group and the project, e.g. /group/project",
            ));
        }
        for segment in &segments {
            if *segment == "-" {
                return Err(fail(
                    "use the project's own address, without /-/ and what follows it",
                ));
            }
            let ok = !segment.is_empty()
                && *segment != "."
                && *segment != ".."
                && segment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
            if !ok {
                return Err(fail(
                    "each part of the path has only letters, digits, '_', '-' and '.'",
                ));
            }
        }
        Ok(GitLabProject {
            url: format!("https://{host}/{path}"),
        })
    }

    /// The address, `https://host/group/project`.
    pub fn url(&self) -> &str {
        &self.url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_addresses_are_checked() {
        for good in [
            "https://gitlab.com/gitlab-com/customer-success/professional-services",
            "HTTPS://gitlab.example.com:8443/a/b",
            "https://gitlab.com/group/project.name/",
        ] {
            assert!(GitLabProject::parse(good).is_ok(), "{good}");
        }
        let cases = [
            ("http://gitlab.com/a/b", "https://"),
            ("gitlab.com/a/b", "https://"),
            ("https://gitlab.com/a/b?x=1", "query"),
            ("https://gitlab.com/a/b#top", "fragment"),
            ("https://gitlab.com/a", "group and the project"),
            ("https://gitlab.com", "group and the project"),
            ("https://user:pw@gitlab.com/a/b", "credentials"),
            ("https://gitlab.com/a/b/-/issues", "without /-/"),
            ("https://gitlab.com/a/../b", "each part"),
            ("https://gitlab.com/a%20b/c", "each part"),
            ("https://gitlab.com/a/b c", "spaces"),
            ("https://-bad.com/a/b", "host"),
            ("https://gitlab.com:x/a/b", "port"),
        ];
        for (bad, expected) in cases {
            let error = GitLabProject::parse(bad).unwrap_err().to_string();
            assert!(error.contains(expected), "{bad}: {error}");
        }
    }
}
