//! Intake: what a SOW request needs before the professional-services team can act on it.
//!
//! Always required, because the issue cannot be filed or followed up without them: the
//! customer's name (it is the issue title) and a valid email address for the requester.
//! The requester's username follows the catalog's rule (`[sow.issue]
//! requester_username`): required or not, and checked by GitLab's username rules or taken
//! as text. The customer flags a scope sets must be the catalog's. The required scoping
//! answers for the chosen service types are required too, unless the caller allows an
//! incomplete request: then each missing answer becomes a `to-do` row and is listed in
//! [`Intake::missing`]. An answer that breaks its question's rules is refused either way.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, UsernameRule, UsernameRules};
use crate::field_error::{FieldError, FieldErrors, FieldPath};
use crate::scope::{PUBLIC_SECTOR_US_FLAG, Scope};
use crate::scoping::{MissingAnswer, completeness};

/// How complete the intake is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Intake {
    /// Every required answer is given.
    pub complete: bool,
    /// Required answers still to do (only when an incomplete request was allowed).
    pub missing: Vec<MissingAnswer>,
    /// What was accepted but deserves a second look (a group-like requester username).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Why the intake was refused: every field, each named (`customer.name`,
/// `requester.username`, `requester.email`, `answers.<question id>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeError {
    /// The problems, customer and requester first, then answers in catalog order.
    pub errors: FieldErrors,
}

impl fmt::Display for IntakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.errors.fmt(f)
    }
}

impl std::error::Error for IntakeError {}

/// Checks the intake of `scope`. With `allow_incomplete`, missing required answers are
/// recorded instead of refused; customer name, username and email are required either way.
pub fn check_intake(
    catalog: &Catalog,
    scope: &Scope,
    allow_incomplete: bool,
) -> Result<Intake, IntakeError> {
    let mut errors = FieldErrors::new();
    if scope.customer.name.trim().is_empty() {
        errors.push(FieldError::new(
            "customer.name",
            "missing: the customer's name is required (it is the issue title)",
        ));
    }
    let settings = catalog.issue_settings();
    let rule = settings.requester_username;
    if let Some(problem) = username_problem(rule, &scope.requester.username) {
        errors.push(FieldError::new("requester.username", problem));
    }
    let known: Vec<&str> = settings
        .customer_flags
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    let known_words = if known.is_empty() {
        "it defines none".to_string()
    } else {
        format!("its flags are {}", known.join(", "))
    };
    for (i, flag) in scope.customer.flags.iter().enumerate() {
        if !known.contains(&flag.as_str()) {
            errors.push(FieldError::new(
                FieldPath::field("customer.flags").entry(i),
                format!(
                    "{flag:?} is not a customer flag of catalog {} ({known_words})",
                    catalog.data().id
                ),
            ));
        }
    }
    if scope.customer.public_sector_us && !known.contains(&PUBLIC_SECTOR_US_FLAG) {
        errors.push(FieldError::new(
            "customer.public_sector_us",
            format!(
                "catalog {} has no customer flag {PUBLIC_SECTOR_US_FLAG:?} ({known_words}): leave it out or set it to false",
                catalog.data().id
            ),
        ));
    }
    if let Some(problem) = email_problem(&scope.requester.email) {
        errors.push(FieldError::new("requester.email", problem));
    }
    let status = completeness(catalog, scope);
    errors.extend(status.errors);
    if !allow_incomplete {
        for missing in &status.missing_required {
            errors.push(FieldError::answer(
                missing.question.as_str(),
                format!(
                    "missing: required for this scope's service types: \"{}\" (or allow an incomplete request, which lists it as to-do)",
                    missing.text
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(IntakeError { errors });
    }
    Ok(Intake {
        complete: status.missing_required.is_empty(),
        missing: status.missing_required,
        warnings: match rule.rules {
            UsernameRules::Gitlab => gitlab_username_warning(&scope.requester.username)
                .into_iter()
                .collect(),
            UsernameRules::None => Vec::new(),
        },
    })
}

/// What is wrong with the requester's username under the catalog's rule.
fn username_problem(rule: UsernameRule, username: &str) -> Option<String> {
    if username.trim().is_empty() {
        let what = match rule.rules {
            UsernameRules::Gitlab => "GitLab username",
            UsernameRules::None => "username",
        };
        return rule
            .required
            .then(|| format!("missing: the requester's {what} is required"));
    }
    match rule.rules {
        UsernameRules::Gitlab => gitlab_username_problem(username),
        UsernameRules::None => None,
    }
}

/// What is wrong with a GitLab username, by GitLab's rules for new usernames: 2 to 255
/// characters; letters, digits, `_`, `-` and `.`; starting with a letter, digit or `_`;
/// not ending in `.`, `-`, `.git` or `.atom`; no two special characters in a row.
pub(crate) fn gitlab_username_problem(username: &str) -> Option<String> {
    if username.trim().is_empty() {
        return Some("missing: the requester's GitLab username is required".to_string());
    }
    if let Some(rest) = username.strip_prefix('@') {
        return Some(format!(
            "write the username without the @, e.g. {:?}",
            rest.chars().take(40).collect::<String>()
        ));
    }
    if username.eq_ignore_ascii_case("all") {
        return Some(
            "\"all\" would mention every member of the project: give the requester's own username"
                .to_string(),
        );
    }
    if username.contains('/') {
        // A group path: each part follows the username rules (see the warning).
        return username.split('/').find_map(gitlab_username_problem);
    }
    let count = username.chars().count();
    if !(2..=255).contains(&count) {
        return Some(format!(
            "{count} characters; a GitLab username has 2 to 255"
        ));
    }
    if let Some(bad) = username
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
    {
        return Some(format!(
            "{bad:?} is not allowed; a GitLab username has only letters, digits, '_', '-' and '.'"
        ));
    }
    if username.starts_with(['-', '.']) {
        return Some("a GitLab username starts with a letter, a digit or '_'".to_string());
    }
    let lower = username.to_ascii_lowercase();
    if lower.ends_with(['.', '-']) || lower.ends_with(".git") || lower.ends_with(".atom") {
        return Some("a GitLab username cannot end in '.', '-', '.git' or '.atom'".to_string());
    }
    let special = |c: char| matches!(c, '_' | '-' | '.');
    let chars: Vec<char> = username.chars().collect();
    if chars.windows(2).any(|w| w.iter().all(|c| special(*c))) {
        return Some(
            "a GitLab username cannot have two special characters ('_', '-', '.') in a row"
                .to_string(),
        );
    }
    None
}

/// A warning for a username that is a group path (`ps/scoping`): accepted, but written as
/// text rather than a mention, since mentioning a group notifies every member.
pub(crate) fn gitlab_username_warning(username: &str) -> Option<String> {
    username.contains('/').then(|| {
        format!(
            "requester.username: {username:?} looks like a group path, not a person: it is shown as text, not mentioned (a group mention notifies every member)"
        )
    })
}

/// Whether the username is one to mention: a GitLab username by the catalog's rule,
/// valid, and a person, not a group.
pub(crate) fn mentionable(rules: UsernameRules, username: &str) -> bool {
    rules == UsernameRules::Gitlab
        && gitlab_username_problem(username).is_none()
        && gitlab_username_warning(username).is_none()
}

/// What is wrong with an email address. The check follows RFC 5321/5322 for the addresses
/// people actually use: `local@domain`, a dot-atom local part of at most 64 characters, a
/// domain of at least two dot-separated labels (letters, digits, inner hyphens, at most 63
/// characters each) ending in a top-level domain of letters (or `xn--` punycode), 254
/// characters in all. Quoted local parts, IP-address domains and non-ASCII addresses are
/// refused: no intake needs them.
pub(crate) fn email_problem(email: &str) -> Option<String> {
    if email.trim().is_empty() {
        return Some("missing: the requester's email address is required".to_string());
    }
    let invalid = |why: &str| Some(format!("{email:?} is not a valid email address: {why}"));
    if email.len() > 254 {
        return invalid("longer than 254 characters");
    }
    if !email.is_ascii() {
        return invalid(
            "only ASCII addresses are accepted (write an international domain in its xn-- form)",
        );
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return invalid("it has no '@'");
    };
    if local.is_empty() {
        return invalid("nothing before the '@'");
    }
    if local.len() > 64 {
        return invalid("the part before the '@' is longer than 64 characters");
    }
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    if let Some(bad) = local.chars().find(|c| !(atext(*c) || *c == '.')) {
        return invalid(&format!("{bad:?} does not belong before the '@'"));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return invalid("dots before the '@' must sit between other characters");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if domain.is_empty() || labels.len() < 2 {
        return invalid("the domain needs a name and a top-level domain, e.g. example.com");
    }
    for label in &labels {
        if label.is_empty() || label.len() > 63 {
            return invalid("each part of the domain has 1 to 63 characters");
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return invalid("the domain has only letters, digits, '-' and '.'");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return invalid("a part of the domain cannot start or end with '-'");
        }
    }
    let tld = labels.last().copied().unwrap_or_default();
    let punycode = tld.to_ascii_lowercase().starts_with("xn--");
    if !punycode && (tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_alphabetic())) {
        return invalid("the top-level domain is letters only, e.g. .com");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitlab_usernames() {
        for good in ["jdoe", "j.doe", "j_doe-2", "_svc", "ab", "A1"] {
            assert_eq!(gitlab_username_problem(good), None, "{good}");
        }
        let cases = [
            ("", "missing"),
            ("@jdoe", "without the @"),
            ("j", "2 to 255"),
            ("j doe", "' ' is not allowed"),
            ("jdoé", "is not allowed"),
            ("-jdoe", "starts with"),
            ("jdoe.", "cannot end"),
            ("jdoe.git", "cannot end"),
            ("jdoe.ATOM", "cannot end"),
            ("j..doe", "in a row"),
            ("j_-doe", "in a row"),
            ("<script>", "is not allowed"),
            ("all", "every member"),
            ("ALL", "every member"),
            ("ps/@x", "without the @"),
            ("ps/", "missing"),
        ];
        for (bad, expected) in cases {
            let problem = gitlab_username_problem(bad).unwrap_or_default();
            assert!(problem.contains(expected), "{bad:?}: {problem:?}");
        }
    }

    #[test]
    fn group_like_usernames_are_accepted_with_a_warning() {
        assert_eq!(gitlab_username_problem("ps/scoping"), None);
        assert!(
            gitlab_username_warning("ps/scoping")
                .unwrap_or_default()
                .contains("group")
        );
        assert!(!mentionable(UsernameRules::Gitlab, "ps/scoping"));
        assert!(mentionable(UsernameRules::Gitlab, "jdoe"));
        assert!(!mentionable(UsernameRules::None, "jdoe"));
        assert_eq!(gitlab_username_warning("jdoe"), None);
    }

    #[test]
    fn email_addresses() {
        for good in [
            "jdoe@example.com",
            "j.doe+sow@mail.example.co.uk",
            "o'brien@example.org",
            "x@xn--bcher-kva.xn--p1ai",
            "a@b-c.io",
        ] {
            assert_eq!(email_problem(good), None, "{good}");
        }
        let cases = [
            ("", "missing"),
            ("jdoe", "no '@'"),
            ("@example.com", "nothing before"),
            ("jdoe@", "needs a name"),
            ("jdoe@localhost", "needs a name"),
            ("jdoe@example", "needs a name"),
            ("j..doe@example.com", "dots"),
            (".jdoe@example.com", "dots"),
            ("j doe@example.com", "' ' does not belong"),
            ("jdoe@exa mple.com", "only letters"),
            ("jdoe@-example.com", "cannot start or end"),
            ("jdoe@example..com", "1 to 63"),
            ("jdoe@example.c0m", "letters only"),
            ("jdoe@example.c", "letters only"),
            ("jdoé@example.com", "ASCII"),
            ("a@b@example.com", "'@' does not belong"),
            ("<script>@example.com", "'<' does not belong"),
        ];
        for (bad, expected) in cases {
            let problem = email_problem(bad).unwrap_or_default();
            assert!(problem.contains(expected), "{bad:?}: {problem:?}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert!(
            email_problem(&long_local)
                .unwrap_or_default()
                .contains("64")
        );
    }
}
