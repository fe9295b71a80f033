use super::*;
use crate::catalog::{Catalog, GITLAB_CATALOG_TOML, load};
use crate::percent_encoding::percent_encode;
use crate::quote::price;
use crate::scope::Scope;

const ACME: &str = include_str!("../../../../tests/scenarios/acme-mixed.json");
const EDUCATION: &str =
    include_str!("../../../../tests/scenarios/sow-education-basics-remote.json");
const PUBLIC_SECTOR: &str =
    include_str!("../../../../tests/scenarios/sow-public-sector-implementation.json");
const EUR: &str = include_str!("../../../../tests/scenarios/sow-eur-migration.json");
const HOSTILE: &str = include_str!("../../../../tests/scenarios/sow-hostile-text.json");

fn gitlab() -> Catalog {
    Catalog::gitlab().unwrap()
}

fn scope(text: &str) -> Scope {
    Scope::from_json(text).unwrap()
}

fn options(allow_incomplete: bool) -> SowRequestOptions {
    SowRequestOptions {
        generated_at: Timestamp::parse("2026-03-31T09:30:00Z").unwrap(),
        allow_incomplete,
        signed_on: None,
    }
}

fn request(text: &str) -> SowRequest {
    sow_request(&gitlab(), &scope(text), &options(true)).unwrap()
}

fn fields(errors: &[crate::FieldError]) -> Vec<String> {
    errors.iter().map(|e| e.field.to_string()).collect()
}

// Payload -----------------------------------------------------------------------------------

#[test]
fn the_payload_embeds_the_quote_the_engine_gives() {
    let catalog = gitlab();
    for text in [ACME, EDUCATION, PUBLIC_SECTOR, EUR, HOSTILE] {
        let scope = scope(text);
        let request = sow_request(&catalog, &scope, &options(true)).unwrap();
        let quote = price(&catalog, &scope).unwrap();
        assert_eq!(
            serde_json::to_string(&request.quote).unwrap(),
            serde_json::to_string(&quote).unwrap()
        );
        assert_eq!(request.approvals, quote.approvals);
        assert_eq!(request.requires_custom_sow, quote.requires_custom_sow);
        assert_eq!(request.scope, scope);
        assert_eq!(request.schema, SOW_REQUEST_SCHEMA);
        assert_eq!(request.generated_at, "2026-03-31T09:30:00Z");
        assert_eq!(request.catalog, catalog.reference());
        assert!(request.gitlab.confidential);
    }
}

#[test]
fn the_payload_reads_back_byte_for_byte_and_reprices_the_same() {
    let catalog = gitlab();
    for text in [ACME, EDUCATION, PUBLIC_SECTOR, EUR, HOSTILE] {
        let json = request(text).to_json_pretty();
        let back = SowRequest::from_json(&json).unwrap();
        assert_eq!(back.to_json_pretty(), json);
        let repriced = price(&catalog, &back.scope).unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&repriced).unwrap(),
            serde_json::to_string_pretty(&back.quote).unwrap()
        );
        assert_eq!(back.scope.to_json_pretty(), scope(text).to_json_pretty());
    }
}

#[test]
fn reading_back_refuses_other_documents() {
    let json = request(EDUCATION).to_json_pretty();
    let wrong_schema = json.replace(SOW_REQUEST_SCHEMA, "scopecraft.sow-request/2");
    let error = SowRequest::from_json(&wrong_schema).unwrap_err();
    assert_eq!(fields(&error.errors), ["schema"]);
    let bad_scope = json.replacen("\"attendees\": 10", "\"attendees\": \"ten\"", 1);
    let error = SowRequest::from_json(&bad_scope).unwrap_err();
    assert_eq!(fields(&error.errors), ["scope.items[0].attendees"]);
    let bad_time = json.replace("2026-03-31T09:30:00Z", "yesterday");
    let error = SowRequest::from_json(&bad_time).unwrap_err();
    assert_eq!(fields(&error.errors), ["generated_at"]);
    let extra = json.replacen("{", "{\n  \"extra\": 1,", 1);
    assert!(SowRequest::from_json(&extra).is_err());
    assert!(SowRequest::from_json("[]").is_err());
}

#[test]
fn the_payload_lists_questions_offerings_and_service_types() {
    let request = request(ACME);
    let names: Vec<&str> = request
        .service_types
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Education", "Migration", "Consulting"]);
    let users = request
        .questions
        .iter()
        .find(|q| q.id == "migration.users")
        .unwrap();
    assert!(users.required);
    assert_eq!(users.response.as_deref(), Some("800"));
    let attendees = request
        .questions
        .iter()
        .find(|q| q.id == "education.attendees")
        .unwrap();
    assert!(attendees.required);
    assert_eq!(attendees.response, None);
    assert!(!request.intake.complete);
    assert_eq!(
        request
            .intake
            .missing
            .iter()
            .map(|m| m.question.as_str())
            .collect::<Vec<_>>(),
        ["education.attendees"]
    );
    let skus: Vec<&str> = request.offerings.iter().map(|o| o.sku.as_str()).collect();
    assert_eq!(skus, ["GL-CICD-R", "GL-XPRT", "GL-DOF", "GL-MIG-SM-SAAS"]);
    assert!(!request.offerings[0].deliverables.is_empty());
    assert!(request.plan.is_some());
}

#[test]
fn decisions_are_kept_even_when_the_recommendation_no_longer_fires() {
    let mut scope = scope(ACME);
    // Accept the Basics prerequisite: its class is now in the scope, so it is not suggested
    // again, but the decision travels with the request.
    scope.items.push(crate::scope::ScopeItem {
        attendees: Some(40),
        ..crate::scope::ScopeItem::new("GL-BAS-R")
    });
    scope.recommendations.insert(
        "prerequisite:GL-CICD-R:GL-BAS-R".to_string(),
        crate::scope::Decision::Accepted,
    );
    scope.recommendations.insert(
        "no-such-rule".to_string(),
        crate::scope::Decision::Dismissed,
    );
    let request = sow_request(&gitlab(), &scope, &options(true)).unwrap();
    let find = |id: &str| request.recommendations.iter().find(|r| r.id == id).unwrap();
    let accepted = find("prerequisite:GL-CICD-R:GL-BAS-R");
    assert_eq!(
        accepted.decision,
        crate::recommend::RecommendationDecision::Accepted
    );
    assert_eq!(accepted.skus, ["GL-BAS-R"]);
    let unknown = find("no-such-rule");
    assert_eq!(unknown.kind, None);
    assert!(
        request
            .gitlab
            .description
            .contains("**Accepted:** Take GL-BAS-R before GL-CICD-R.")
    );
}

// Intake ------------------------------------------------------------------------------------

#[test]
fn intake_names_every_missing_field_at_once() {
    let scope = scope(
        r#"{"customer": {"name": "  "}, "requester": {"username": "@jdoe", "email": "jdoe@localhost"},
            "service_types": ["migration"],
            "answers": {"migration.users": 0}}"#,
    );
    let error = sow_request(&gitlab(), &scope, &options(false)).unwrap_err();
    let names = fields(&error.errors);
    assert_eq!(
        names.get(..3).unwrap(),
        ["customer.name", "requester.username", "requester.email"]
    );
    assert!(
        names.iter().any(|n| n == "answers.migration.users"),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n == "answers.migration.repositories"),
        "{names:?}"
    );
    let message = error.to_string();
    assert!(message.contains("without the @"), "{message}");
    assert!(
        message.contains("below the smallest accepted answer"),
        "{message}"
    );
}

#[test]
fn allow_incomplete_turns_missing_answers_into_to_do_rows_only() {
    let catalog = gitlab();
    let text = r#"{"customer": {"name": "Acme Corp"}, "requester": {"username": "jdoe", "email": "jdoe@example.com"},
                   "service_types": ["migration"]}"#;
    let error = sow_request(&catalog, &scope(text), &options(false)).unwrap_err();
    assert!(error.errors.iter().all(|e| e.field.question().is_some()));
    let request = sow_request(&catalog, &scope(text), &options(true)).unwrap();
    assert!(!request.intake.complete);
    assert_eq!(request.intake.missing.len(), error.errors.len());
    assert!(
        request
            .gitlab
            .description
            .contains("| **How many user accounts are being migrated?** | to-do |")
    );
    // Customer and requester stay required; invalid answers stay refused.
    let no_requester = r#"{"customer": {"name": "Acme"}, "answers": {"migration.users": "many"}}"#;
    let error = sow_request(&catalog, &scope(no_requester), &options(true)).unwrap_err();
    assert_eq!(
        fields(&error.errors),
        [
            "requester.username",
            "requester.email",
            "answers.migration.users"
        ]
    );
}

#[test]
fn an_unmet_licence_requirement_is_a_warning_in_the_request() {
    // Security Essentials requires Ultimate; the customer has Premium.
    let request = request(
        r#"{"customer": {"name": "Acme Corp"}, "requester": {"username": "jdoe", "email": "jdoe@example.com"},
            "service_types": ["education"], "items": [{"sku": "GL-SEC-R", "attendees": 12}],
            "answers": {"license.tier": "premium"}}"#,
    );
    let warning = "GL-SEC-R (GitLab Security Essentials) needs an Ultimate licence or higher, but the customer's tier is Premium.";
    assert!(
        request
            .quote
            .warnings
            .iter()
            .any(|w| w.starts_with(warning))
    );
    let description = &request.gitlab.description;
    let section = description
        .find("### Warnings")
        .expect("a Warnings section");
    assert!(description[section..].contains(warning), "{description}");
}

#[test]
fn check_intake_alone() {
    let intake = check_intake(&gitlab(), &scope(EDUCATION), false).unwrap();
    assert!(intake.complete);
    assert!(intake.missing.is_empty());
}

// Labels ------------------------------------------------------------------------------------

#[test]
fn labels_follow_the_rules_in_order() {
    assert_eq!(
        request(EDUCATION).gitlab.labels,
        "proposal::Scoping,Education"
    );
    assert_eq!(
        request(ACME).gitlab.labels,
        "proposal::Scoping,Education,Migration,Consulting,TA::Needs-Review"
    );
    assert_eq!(
        request(PUBLIC_SECTOR).gitlab.label_list(),
        [
            "proposal::Scoping",
            "Implementation",
            "Integration",
            "Public Sector US",
            "TA::Needs-Review"
        ]
    );
}

#[test]
fn the_review_label_comes_from_the_catalog_rule_converted_for_other_currencies() {
    // The GitLab rule counts custom work only. EUR 49,390 of standard SKUs (Migration+, an
    // Expert Services block, certifications) is over the converted EUR 48,500 threshold, but
    // none of it is custom work: no review.
    let eur = request(EUR);
    assert_eq!(eur.quote.currency.code(), "EUR");
    assert_eq!(eur.quote.total.high.to_string(), "49390.00");
    assert!(!eur.gitlab.label_list().contains(&"TA::Needs-Review"));
    // A custom migration of 168 engineer hours at the converted rate (300 × 0.97 = 291,
    // rounded to 290): 48,720, over EUR 48,500 (USD 50,000 at 0.97): labelled.
    let custom = |hours: &str| {
        EUR.replace(
            "{\"sku\": \"MIG+\"}",
            &format!(
                "{{\"sku\": \"PS-CUSTOM-MIGRATION\", \"effort\": {{\"engineer\": \"{hours}\"}}}}"
            ),
        )
    };
    let over = request(&custom("168"));
    assert!(over.gitlab.label_list().contains(&"TA::Needs-Review"));
    assert!(
        over.quote.approvals[0]
            .reason
            .contains("high end of the custom work over EUR 48,500.00 (USD 50,000.00 at the book's fixed rate): EUR 48,720.00"),
        "{}",
        over.quote.approvals[0].reason
    );
    // 167 hours: 48,430, not over.
    assert!(
        !request(&custom("167"))
            .gitlab
            .label_list()
            .contains(&"TA::Needs-Review")
    );
    // The label is the rule's: change the rule's label and the issue follows.
    let text = GITLAB_CATALOG_TOML.replace(
        "label = \"TA::Needs-Review\"",
        "label = \"Review::Architect\"",
    );
    let catalog = load("custom.toml", &text).unwrap();
    let relabelled = sow_request(&catalog, &scope(&custom("168")), &options(true)).unwrap();
    assert_eq!(
        relabelled.gitlab.labels,
        "proposal::Scoping,Education,Migration,Consulting,Review::Architect"
    );
}

#[test]
fn exactly_the_threshold_is_not_over_it() {
    // A custom migration of 200 engineer hours at 300 (60,000) less USD 10,000: exactly
    // USD 50,000 of custom work.
    let text = r#"{"customer": {"name": "Even Co"}, "requester": {"username": "jdoe", "email": "jdoe@example.com"},
                   "items": [{"sku": "PS-CUSTOM-MIGRATION", "effort": {"engineer": "200"}, "discount_amount": "10000"}]}"#;
    let request = request(text);
    assert_eq!(request.quote.total.high.to_string(), "50000.00");
    assert!(
        !request.gitlab.labels.contains("TA::Needs-Review"),
        "{}",
        request.gitlab.labels
    );
}

#[test]
fn the_title_names_the_customer() {
    assert_eq!(
        request(EDUCATION).gitlab.title,
        "Initech - Scope Issue and Write SOW"
    );
    let hostile = request(HOSTILE).gitlab.title;
    assert!(!hostile.contains('\n'));
    assert!(hostile.contains("@\u{2060}all"));
    assert!(hostile.ends_with(" - Scope Issue and Write SOW"));
}

#[test]
fn titles_and_descriptions_stay_within_gitlabs_limits() {
    let suffix = " - Scope Issue and Write SOW";
    // 200 characters (the longest name a scope takes) that become 300 once every mention is
    // broken: cut to 255 with an ellipsis, the suffix whole.
    let mut long = scope(EDUCATION);
    long.customer.name = "@ab ".repeat(50);
    let title = sow_request(&gitlab(), &long, &options(true))
        .unwrap()
        .gitlab
        .title;
    assert_eq!(title.chars().count(), MAX_TITLE_CHARS, "{title}");
    assert!(title.ends_with(&format!("…{suffix}")), "{title}");
    long.customer.name = "x".repeat(200);
    let title = sow_request(&gitlab(), &long, &options(true))
        .unwrap()
        .gitlab
        .title;
    assert_eq!(title, format!("{}{suffix}", "x".repeat(200)));

    // 120 items with 10,000-character notes: over a million characters, refused.
    let mut huge = scope(EDUCATION);
    let item = huge.items[0].clone();
    huge.items = (0..120)
        .map(|i| {
            let mut item = item.clone();
            item.note = format!("{i} {}", "n".repeat(9_990));
            item
        })
        .collect();
    let error = sow_request(&gitlab(), &huge, &options(true)).unwrap_err();
    assert_eq!(fields(&error.errors), ["gitlab.description"]);
    assert!(error.to_string().contains("1048576"), "{error}");
}

// Escaping ----------------------------------------------------------------------------------

/// The description rendered the way GitLab renders Markdown (CommonMark with GFM tables).
#[cfg(not(target_arch = "wasm32"))]
fn rendered(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut out = String::new();
    html::push_html(
        &mut out,
        Parser::new_ext(
            markdown,
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
        ),
    );
    out
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn hostile_customer_text_cannot_break_the_issue() {
    let request = request(HOSTILE);
    let markdown = &request.gitlab.description;
    let html = rendered(markdown);
    for forbidden in [
        "<script",
        "<img",
        "<b>",
        "<code",
        "<h1",
        "<blockquote",
        "<ol",
        "<a ",
        "<del",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} in\n{html}");
    }
    // Every table row keeps its columns: the intake (2), the scoping table (4), the quote.
    for table in html.split("<table>").skip(1) {
        let table = table.split("</table>").next().unwrap();
        let header = table.split("</tr>").next().unwrap();
        let columns = header.matches("</th>").count();
        for row in table.split("</tr>").filter(|r| r.contains("<td")) {
            assert_eq!(row.matches("</td>").count(), columns, "{row}");
        }
    }
    assert!(
        html.contains("Evil | Corp &lt;script&gt;alert(1)&lt;/script&gt; `whoami`"),
        "{html}"
    );
    // No quick action can run: no line of the description starts with a slash.
    assert!(markdown.lines().all(|l| !l.starts_with('/')), "{markdown}");
    // No mention or reference survives.
    assert_eq!(
        live_references(markdown, &["mallory"]),
        Vec::<String>::new()
    );
    // The requester is mentioned on purpose: a validated username.
    assert!(markdown.contains("| Requester | @mallory · mallory@example.com |"));
}

/// What GitLab does before rendering: a backslash before a reference character keeps it
/// from starting a reference. Here the escaped character becomes U+E000, which no
/// reference pattern matches; other backslash pairs are left to the Markdown parser.
#[cfg(not(target_arch = "wasm32"))]
fn gitlab_pre_escape(markdown: &str) -> String {
    let mut out = String::new();
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(e) if "@#!$&~%^".contains(e) => out.push('\u{E000}'),
            Some(e) => {
                out.push('\\');
                out.push(e);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The text GitLab would look for references in: the Markdown rendered, tags removed,
/// code spans and links left out (GitLab skips both), entities decoded.
#[cfg(not(target_arch = "wasm32"))]
fn reference_text(markdown: &str) -> String {
    let html = rendered(&gitlab_pre_escape(markdown));
    let mut text = String::new();
    let mut rest = html.as_str();
    let mut skip: Option<&str> = None;
    while let Some(open) = rest.find('<') {
        if skip.is_none() {
            text.push_str(&rest[..open]);
        }
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        if tag.starts_with("<code") {
            skip = Some("</code>");
        } else if tag.starts_with("<a ") {
            skip = Some("</a>");
        } else if Some(tag) == skip {
            skip = None;
        }
        // A tag separates text nodes.
        text.push(' ');
        rest = &rest[close..];
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every live GitLab reference in `text` (plain text, as GitLab sees it), written from
/// GitLab's reference syntax: `@user` (not after an ASCII letter, digit or `_`), `#1`,
/// `!1`, `$1`, `&1`, `~label`, `%milestone`, `^alert#1`, `*iteration:`, `[vulnerability:`,
/// `:emoji:`. URLs and e-mail addresses are links in GitLab and are left out. `allowed`
/// names the usernames mentioned on purpose.
fn plain_text_references(text: &str, allowed: &[&str]) -> Vec<String> {
    let is_link = |word: &str| {
        let lower = word.to_ascii_lowercase();
        lower.contains("http://") || lower.contains("https://") || lower.starts_with("www.")
    };
    let is_email = |word: &str| {
        let word = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
        let Some((local, domain)) = word.split_once('@') else {
            return false;
        };
        !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c))
            && domain.contains('.')
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
    };
    let mut found = Vec::new();
    for word in text.split_whitespace() {
        // A link runs from its scheme to the end of the word.
        let cut = ["http://", "https://", "www."]
            .iter()
            .filter_map(|p| word.to_ascii_lowercase().find(p))
            .min()
            .unwrap_or(word.len());
        let word = &word[..cut];
        if is_link(word) || is_email(word) {
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            let prev = if i == 0 {
                None
            } else {
                chars.get(i - 1).copied()
            };
            let after: String = chars[i + 1..].iter().collect();
            let ascii_word =
                |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
            let live = match c {
                '@' => {
                    ascii_word(next)
                        && !ascii_word(prev)
                        && !allowed.iter().any(|a| {
                            after.starts_with(a) && !ascii_word(after[a.len()..].chars().next())
                        })
                }
                '#' | '!' | '$' | '&' => next.is_some_and(|n| n.is_ascii_digit()),
                '~' | '%' => next.is_some_and(|n| n.is_alphanumeric() || n == '_' || n == '"'),
                '^' => after.starts_with("alert#"),
                '*' => after.to_ascii_lowercase().starts_with("iteration:"),
                '[' => {
                    let name = after
                        .chars()
                        .take_while(|c| c.is_ascii_alphabetic() || *c == '_')
                        .count();
                    name > 0 && after[name..].starts_with(':')
                }
                ':' => {
                    let name = after
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || "_+-".contains(*c))
                        .count();
                    !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == ':')
                        && name > 0
                        && after[name..].starts_with(':')
                }
                _ => false,
            };
            if live {
                found.push(word.to_string());
            }
        }
    }
    found
}

/// Every live reference in a GitLab Markdown description.
#[cfg(not(target_arch = "wasm32"))]
fn live_references(markdown: &str, allowed: &[&str]) -> Vec<String> {
    plain_text_references(&reference_text(markdown), allowed)
}

/// Text no GitLab reference, mention, emoji or Markdown may come out of, each case named.
const HOSTILE_TEXT: &[&str] = &[
    "@all please",
    "Café@all",
    "株式会社@all",
    "ping @jdoe and @group/sub",
    "(@all)",
    "x_@all is fine, x-@all is not",
    "\\@all",
    "**@all**",
    "see #123 and group/project#4",
    "C#12",
    "merge !1",
    "label ~bug ~\"TA::Approved\" ~42",
    "milestone %v1 %\"Q4 2026\" %12",
    "snippet $9",
    "epic &7",
    "alert ^alert#3",
    "*iteration:5 and *iteration:\"Sprint 1\"",
    "[vulnerability:1] [feature_flag:2]",
    ":smile: :+1: :thumbsup:",
    "@all\n#1\n/close\n/label ~\"x\"",
    "<@all> &#64;all &amp; &7",
    "`@all` [@all](https://example.com)",
    "\u{202E}Corp\u{202C} \u{2066}@all\u{2069}",
];

/// URLs and e-mail addresses that must come through exactly.
const KEPT_EXACTLY: &[&str] = &[
    "https://example.com/a_b/c?x=1&y=~2#frag",
    "http://example.com/@all/!3",
    "www.example.org/path",
    "j_doe+sow@mail.example.co.uk",
    "a@b.com",
];

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn no_reference_forms_from_hostile_text_anywhere() {
    let project = GitLabProject::parse("https://gitlab.com/group/project").unwrap();
    for hostile in HOSTILE_TEXT.iter().chain(KEPT_EXACTLY) {
        let text = format!("Acme {hostile} Corp");
        let mut scope = scope(HOSTILE);
        scope.customer.name = text.clone();
        scope.notes = text.clone();
        scope.items[0].note = text.clone();
        scope.answers.insert(
            "implementation.availability_target".to_string(),
            crate::scope::Answer::Text(text.clone()),
        );
        let request = sow_request(&gitlab(), &scope, &options(true)).unwrap();
        let title = &request.gitlab.title;
        assert!(
            !title
                .chars()
                .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{title:?}"
        );
        assert_eq!(
            plain_text_references(title, &[]),
            Vec::<String>::new(),
            "{title:?}"
        );
        let description = &request.gitlab.description;
        assert_eq!(
            live_references(description, &["mallory"]),
            Vec::<String>::new(),
            "{hostile:?}"
        );
        // The scheduling-intake issue, written by the same rules.
        let scheduling = &request.scheduling.issue;
        assert!(
            !scheduling
                .title
                .chars()
                .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{:?}",
            scheduling.title
        );
        assert_eq!(
            plain_text_references(&scheduling.title, &[]),
            Vec::<String>::new(),
            "{:?}",
            scheduling.title
        );
        assert_eq!(
            live_references(&scheduling.description, &["mallory"]),
            Vec::<String>::new(),
            "{hostile:?}"
        );
        for app in [None, Some("https://scopecraft.example.com/")] {
            let NewIssueLink::Link(link) = new_issue_link(&project, &request, app) else {
                panic!("{hostile:?} fits in a link");
            };
            let short = decode(link.split_once("&issue[description]=").unwrap().1);
            let body = short.rsplit_once("\n\n/label ").unwrap().0;
            assert_eq!(
                live_references(body, &["mallory"]),
                Vec::<String>::new(),
                "{hostile:?}"
            );
        }
        // Customer documents carry no invisible characters.
        let draft = sow_draft(&gitlab(), &scope).unwrap().to_markdown();
        let plan = request.plan.as_ref().unwrap().to_markdown();
        for document in [&draft, &plan] {
            assert!(
                !document.contains(['\u{2060}', '\u{200B}']),
                "{hostile:?}: {document}"
            );
        }
    }
    for kept in KEPT_EXACTLY {
        let mut scope = scope(HOSTILE);
        scope.customer.name = format!("Acme {kept} Corp");
        scope.notes = format!("See {kept} now");
        let request = sow_request(&gitlab(), &scope, &options(true)).unwrap();
        assert!(
            request.gitlab.title.contains(kept),
            "{}",
            request.gitlab.title
        );
        assert!(
            request
                .gitlab
                .description
                .contains(&format!("| Customer | Acme {kept} Corp |")),
            "{kept}"
        );
        assert!(
            request
                .gitlab
                .description
                .contains(&format!("See {kept} now")),
            "{kept}"
        );
        let scheduling = &request.scheduling.issue;
        assert!(scheduling.title.contains(kept), "{}", scheduling.title);
        assert!(
            scheduling
                .description
                .contains(&format!("| Customer | Acme {kept} Corp |")),
            "{kept}"
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn requester_all_is_refused_and_a_group_is_not_mentioned() {
    let mut all = scope(EDUCATION);
    all.requester.username = "all".to_string();
    let error = sow_request(&gitlab(), &all, &options(true)).unwrap_err();
    assert_eq!(fields(&error.errors), ["requester.username"]);
    let mut group = scope(EDUCATION);
    group.requester.username = "ps/scoping".to_string();
    let request = sow_request(&gitlab(), &group, &options(true)).unwrap();
    assert_eq!(request.intake.warnings.len(), 1, "{:?}", request.intake);
    assert!(request.intake.warnings[0].contains("group"));
    assert_eq!(
        live_references(&request.gitlab.description, &[]),
        Vec::<String>::new()
    );
    assert!(request.gitlab.description.contains("ps/scoping"));
}

#[test]
fn the_reference_scanner_finds_what_gitlab_would_link() {
    for live in [
        "@all",
        "Café@all",
        "(@jdoe)",
        "#1",
        "x#1",
        "!2",
        "$3",
        "&4",
        "~bug",
        "~\"a b\"",
        "%v1",
        "^alert#5",
        "*iteration:6",
        "[vulnerability:7]",
        ":smile:",
    ] {
        assert!(!plain_text_references(live, &[]).is_empty(), "{live}");
    }
    for dead in [
        "a@b.com",
        "x_@all",
        "C# 1",
        "50 %",
        "09:00:00",
        "https://x.com/#1",
        "@\u{2060}all",
        "\u{E000}all",
        "@mallory",
    ] {
        assert!(
            plain_text_references(dead, &["mallory"]).is_empty(),
            "{dead}"
        );
    }
}

// Link --------------------------------------------------------------------------------------

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(
                u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap(), 16).unwrap(),
            );
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn the_new_issue_link_is_encoded_and_carries_the_labels() {
    let project = GitLabProject::parse("https://gitlab.example.com/ps/sow-requests/").unwrap();
    assert_eq!(project.url(), "https://gitlab.example.com/ps/sow-requests");
    let request = request(EDUCATION);
    let NewIssueLink::Link(link) = new_issue_link(&project, &request, None) else {
        panic!("the education request fits in a link");
    };
    let prefix = "https://gitlab.example.com/ps/sow-requests/-/issues/new?issue[title]=";
    assert!(link.starts_with(prefix), "{link}");
    let rest = &link[prefix.len()..];
    let (title, description) = rest.split_once("&issue[description]=").unwrap();
    assert_eq!(
        title,
        "Initech%20-%20Scope%20Issue%20and%20Write%20SOW&issue[confidential]=true"
    );
    assert!(
        description
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
        "only unreserved characters and escapes"
    );
    let markdown = decode(description);
    assert!(markdown.starts_with("## Intake\n"), "{markdown}");
    assert!(
        markdown.ends_with("\n\n/label ~\"proposal::Scoping\" ~\"Education\"\n/confidential\n")
    );
    assert!(link.len() <= MAX_NEW_ISSUE_LINK);
}

/// The share code or link in a short description, read back.
fn shared_scope(markdown: &str) -> crate::share::SharedScope {
    let start = markdown.find("s1.").expect("a share code");
    let code: String = markdown[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    crate::share::decode(&code).unwrap()
}

#[test]
fn the_short_description_has_the_essentials_and_reopens_the_whole_scope() {
    let project = GitLabProject::parse("https://gitlab.com/group/project").unwrap();
    let request = request(ACME);
    for app in [None, Some("https://scopecraft.example.com/app/")] {
        let NewIssueLink::Link(link) = new_issue_link(&project, &request, app) else {
            panic!("the mixed deal fits in a link");
        };
        let markdown = decode(link.split_once("&issue[description]=").unwrap().1);
        for part in [
            "| Customer | Acme Corp |",
            "## Required questions",
            "## Totals (USD)",
            "| **Total** |",
            "## Approvals needed",
            "## Plan (",
            "- Kick-off and discovery, week 1 after kick-off",
            "/confidential",
        ] {
            assert!(markdown.contains(part), "{part} missing from\n{markdown}");
        }
        // Only required questions, each with its answer or to-do.
        let required = request.questions.iter().filter(|q| q.required).count();
        assert!(required > 0);
        let optional = request.questions.iter().find(|q| !q.required).unwrap();
        assert!(!markdown.contains(&optional.question), "{markdown}");
        // The share link reopens exactly the scope of the request.
        let shared = shared_scope(&markdown);
        assert!(shared.made_with(&request.catalog.hash));
        let mut expected = request.scope.clone();
        expected.catalog = Some(request.catalog.clone());
        assert_eq!(shared.scope, expected);
        match app {
            Some(_) => assert!(
                markdown.contains("https://scopecraft.example.com/app/#/share/s1."),
                "{markdown}"
            ),
            None => assert!(
                markdown.contains("add `#/share/` and the code"),
                "{markdown}"
            ),
        }
    }
}

/// Every scope in `tests/scenarios/`, with a requester filled in where it has none.
#[cfg(not(target_arch = "wasm32"))]
fn every_scenario() -> Vec<(String, Scope)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/scenarios");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 16, "{paths:?}");
    paths
        .into_iter()
        .map(|path| {
            let mut scope = Scope::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
            if scope.requester.username.is_empty() {
                scope.requester.username = "jdoe".to_string();
            }
            if scope.requester.email.is_empty() {
                scope.requester.email = "jdoe@example.com".to_string();
            }
            if scope.customer.name.trim().is_empty() {
                scope.customer.name = "Customer".to_string();
            }
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, scope)
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_scenario_files_in_one_click() {
    let project = GitLabProject::parse(
        "https://gitlab.com/gitlab-com/customer-success/professional-services",
    )
    .unwrap();
    let app = "https://scopecraft.example.com/";
    let mut lengths = String::new();
    for (name, scope) in every_scenario() {
        let request = sow_request(&gitlab(), &scope, &options(true)).unwrap();
        let code = crate::share::encode(&request.scope, &request.catalog).unwrap();
        let mut row = format!("{name:40}");
        for (app, back) in [
            (None, format!("`{code}`")),
            (Some(app), format!("{app}#/share/{code}")),
        ] {
            match new_issue_link(&project, &request, app) {
                NewIssueLink::Link(link) => {
                    assert!(link.len() <= MAX_NEW_ISSUE_LINK, "{name}: {}", link.len());
                    let title = format!("?issue[title]={}&", percent_encode(&request.gitlab.title));
                    assert!(link.contains(&title), "{name}: {link}");
                    assert!(link.contains("&issue[confidential]=true&"), "{name}");
                    // The share link back to the whole scope, and the labels.
                    let description = decode(link.split_once("&issue[description]=").unwrap().1);
                    assert!(description.contains(&back), "{name}: {description}");
                    assert!(
                        description.contains("/label ~\"proposal::Scoping\""),
                        "{name}"
                    );
                    // The description is carried, so the issue template is not named.
                    assert!(!link.contains("issuable_template"), "{name}");
                    row.push_str(&format!(" {:>5}", link.len()));
                }
                NewIssueLink::TooLong { length, .. } => {
                    panic!("{name}: the link is {length} characters")
                }
            }
        }
        lengths.push_str(&row);
        lengths.push('\n');
    }
    println!("scenario (share code, app link)\n{lengths}");
}

#[test]
fn the_gitlab_catalog_names_its_issue_template_on_the_title_only_link() {
    let catalog = gitlab();
    assert_eq!(
        catalog.issue_settings().template.as_deref(),
        Some("SOW Request")
    );
    let project = GitLabProject::parse("https://gitlab.com/group/project").unwrap();
    let mut request = sow_request(&catalog, &scope(EDUCATION), &options(true)).unwrap();
    // A customer name the short description carries, long enough to pass 8,000 characters.
    request.customer.name = "Initech ".repeat(900);
    match new_issue_link(&project, &request, None) {
        NewIssueLink::TooLong { link, .. } => {
            assert!(
                link.ends_with("&issue[confidential]=true&issuable_template=SOW%20Request"),
                "{link}"
            );
        }
        NewIssueLink::Link(link) => panic!("{} characters should not fit", link.len()),
    }
}

#[test]
fn links_over_8000_characters_open_with_the_title_and_hand_over_the_markdown() {
    let project = GitLabProject::parse("https://gitlab.com/group/project").unwrap();
    let mut issue = GitLabIssue {
        title: "T".to_string(),
        description: String::new(),
        labels: "proposal::Scoping".to_string(),
        confidential: true,
    };
    let fixed = match link::issue_link(&project, &issue, &issue, None) {
        NewIssueLink::Link(link) => link.len(),
        NewIssueLink::TooLong { .. } => panic!("an empty issue fits"),
    };
    // Each `a` adds one character to the link.
    issue.description = "a".repeat(MAX_NEW_ISSUE_LINK - fixed);
    let NewIssueLink::Link(link) = link::issue_link(&project, &issue, &issue, None) else {
        panic!("exactly 8,000 characters is still a link");
    };
    assert_eq!(link.len(), MAX_NEW_ISSUE_LINK);
    issue.description.push('a');
    let full = GitLabIssue {
        description: "the full description".to_string(),
        ..issue.clone()
    };
    match link::issue_link(&project, &issue, &full, None) {
        NewIssueLink::TooLong {
            length,
            link,
            markdown,
        } => {
            assert_eq!(length, MAX_NEW_ISSUE_LINK + 1);
            assert_eq!(markdown, full.description_with_quick_actions());
            assert!(markdown.ends_with("/confidential\n"), "{markdown}");
            assert!(
                link == "https://gitlab.com/group/project/-/issues/new?issue[title]=T&issue[confidential]=true",
                "{link}"
            );
            assert!(!link.contains("issue[description]"), "{link}");
        }
        NewIssueLink::Link(_) => panic!("8,001 characters is too long"),
    }
    // With the catalog's issue template, the title-only link opens it: its name encoded
    // (a space is %20, `&` and `+` cannot end or change the parameter)...
    let NewIssueLink::TooLong { link, .. } =
        link::issue_link(&project, &issue, &full, Some("SOW Request & Co+"))
    else {
        panic!("still too long");
    };
    assert_eq!(
        link,
        "https://gitlab.com/group/project/-/issues/new?issue[title]=T&issue[confidential]=true&issuable_template=SOW%20Request%20%26%20Co%2B"
    );
    // ...but a link that carries the description does not name it: GitLab would append the
    // description to the template's own text.
    issue.description.pop();
    let NewIssueLink::Link(link) = link::issue_link(&project, &issue, &issue, Some("SOW Request"))
    else {
        panic!("8,000 characters is a link");
    };
    assert!(!link.contains("issuable_template"), "{link}");
}

// SOW draft ---------------------------------------------------------------------------------

#[test]
fn a_rom_range_is_drafted_as_an_estimate_never_a_prepaid_fixed_fee() {
    // The self-managed → GitLab.com scenario with its ROM line: 800 users (501–1,000 row),
    // 2,500 − 13 = 2,487 projects under 5 GB (2,001–3,000 column): 75,000–85,000, plus
    // 2 started groups of ten large repositories × 12,000 = 99,000–109,000.
    let mut scope = scope(include_str!(
        "../../../../tests/scenarios/migration-self-managed-to-gitlab-com.json"
    ));
    scope
        .items
        .push(crate::scope::ScopeItem::new("GL-MIG-SM-SAAS"));
    let markdown = sow_draft(&gitlab(), &scope).unwrap().to_markdown();
    assert!(
        markdown.contains("| Self-managed GitLab to GitLab.com migration (GL-MIG-SM-SAAS) | 1 estimate | Estimate (range) | USD 99,000.00 – 109,000.00 |"),
        "{markdown}"
    );
    // Only custom-work terms: nothing here is prepaid or non-cancellable.
    assert!(markdown.contains("**Time and materials:**"));
    assert!(!markdown.contains("**Fixed fees:**"), "{markdown}");
    assert!(!markdown.contains("| Fixed fee |"));
}

#[test]
fn the_draft_fills_every_section() {
    let draft = sow_draft(&gitlab(), &scope(ACME)).unwrap();
    let markdown = draft.to_markdown();
    assert_eq!(draft.title(), "Statement of Work: Acme Corp");
    assert!(
        markdown.starts_with("# Statement of Work: Acme Corp\n"),
        "{markdown}"
    );
    for expected in [
        "## 1. Scope",
        "Service types: Education, Migration, Consulting.",
        "### GitLab CI/CD (remote) (GL-CICD-R)",
        "| Item | Quantity | Fee | Amount |",
        "| GitLab CI/CD (remote) (GL-CICD-R) | 3 classes | Fixed fee | USD 16,150.00 |",
        "| **Total fees** |  |  | **USD 169,936.00 – 179,436.00** |",
        "The fees total **USD 169,936.00 – 179,436.00**",
        "Travel and expenses are estimated at USD 3,100.00",
        "- **Fixed fees:** Fixed fees are invoiced when this SOW is signed",
        "- **Travel and expenses:** Travel and expenses for on-site work",
        "Kick-off is planned 4–6 weeks after this SOW is signed and the purchase order is received.",
        // The usual 2 weeks plus 13 repositories over 5 GB at 2 a day (7 days, 1.4 weeks).
        "| Migrate in waves | weeks 3–6 after kick-off | 4 |",
        "Up to 12 attendees per class; more attendees need one seat add-on each. (GL-CICD-R)",
        "Drafted with Scopecraft from catalog gitlab-ps 2022.11 (sha256 ",
    ] {
        assert!(
            markdown.contains(expected),
            "{expected:?} missing from\n{markdown}"
        );
    }
    // The GitLab.com migration's rough-order-of-magnitude range is an estimate, not a fixed
    // fee: it brings the custom-work terms, beside the fixed fees of the standard SKUs.
    assert!(markdown.contains("| Estimate (range) |"), "{markdown}");
    assert!(markdown.contains("**Time and materials:**"));
    let tm = sow_draft(&gitlab(), &scope(PUBLIC_SECTOR))
        .unwrap()
        .to_markdown();
    assert!(tm.contains("**Time and materials:** Time-and-materials work is invoiced monthly"));
    assert!(tm.contains("| Time and materials |"));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_html_draft_is_self_contained_and_escaped() {
    let draft = sow_draft(&gitlab(), &scope(HOSTILE)).unwrap();
    let html = draft.to_html();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("@page"));
    // Printed, sections flow on (no forced break before each) and table rows stay whole.
    assert!(!html.contains("break-before: page"), "{html}");
    assert!(!html.contains("page-break-before: always"), "{html}");
    assert!(html.contains("tr, li { break-inside: avoid; page-break-inside: avoid; }"));
    assert!(html.contains("<style>"));
    assert!(html.contains("default-src 'none'"));
    for forbidden in [
        "<script", "<img", "<link", "src=", "href=", "http://", "https://", "url(",
    ] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("<title>Statement of Work: Evil | Corp &lt;script&gt;alert(1)&lt;/script&gt; `whoami` @all<br>/close</title>"), "{html}");
    assert!(html.contains("<h2 class=\"section first\">1. Scope</h2>"));
    assert!(html.contains("<h2 class=\"section\">2. Deliverables</h2>"));
    assert!(html.contains("<td class=\"num\">"));
    let markdown = draft.to_markdown();
    assert!(rendered_has_no_markup(&markdown), "{markdown}");
}

#[cfg(not(target_arch = "wasm32"))]
fn rendered_has_no_markup(markdown: &str) -> bool {
    let html = rendered(markdown);
    !["<script", "<img", "<code", "<blockquote"]
        .iter()
        .any(|t| html.contains(t))
}

#[test]
fn the_draft_needs_a_template_and_a_customer() {
    let error = sow_draft(&gitlab(), &scope(r#"{"items": [{"sku": "GL-NOPE"}]}"#)).unwrap_err();
    assert_eq!(fields(&error.errors), ["customer.name", "items[0].sku"]);
    let (mut data, _) = crate::catalog::parse("gitlab.toml", GITLAB_CATALOG_TOML).unwrap();
    data.sow = None;
    let catalog = data.into_catalog().unwrap();
    let error = sow_draft(&catalog, &scope(EDUCATION)).unwrap_err();
    assert!(
        error.to_string().contains("has no [sow] section"),
        "{error}"
    );
}
