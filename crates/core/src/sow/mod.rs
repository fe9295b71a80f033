//! SOW requests: what an account executive hands to the professional-services team.
//!
//! - [`sow_request`] checks the intake ([`check_intake`]), prices the scope exactly as
//!   [`crate::price`] does, and assembles the [`SowRequest`] payload
//!   (`"schema": "scopecraft.sow-request/1"`) with the [`GitLabIssue`] it becomes.
//! - The request also carries a second issue, the "Project Scheduling Intake"
//!   ([`SchedulingIntake`]): customer, service types, lead time, earliest start after the
//!   signature date the caller gives, and contacts.
//! - [`new_issue_link`] turns the request into a prefilled GitLab new-issue link with a
//!   short description and a share link back to the whole scope; when even that is too
//!   long, a title-only link and the full Markdown to paste.
//! - [`issue_filing`] turns the request into GitLab's `POST /projects/:id/issues` call (as
//!   data; the caller sends it) and [`read_filing_answer`] reads GitLab's answer.
//! - [`sow_draft`] fills the catalog's SOW template into a [`SowDraft`], rendered as
//!   Markdown or as print-ready HTML.
//!
//! Customer and catalog text is escaped in one place, [`markdown_cell`] and
//! [`markdown_inline`]. The core never reads a clock: the caller passes the generation
//! time as a [`Timestamp`].

mod document;
mod draft;
mod filing;
mod intake;
mod issue;
mod issue_summary;
mod issue_template;
mod issue_text;
mod link;
mod payload;
mod request;
mod scheduling;
mod timestamp;

// The project address lives below sow and catalog; it is re-exported here as the crate's
// public API has it (and for the catalog linter, which still names `crate::sow::…`).
pub use crate::gitlab_project::{GitLabProject, ProjectUrlError};
pub use crate::markdown::{markdown_cell, markdown_inline};
pub use draft::{SowDraft, SowDraftError, sow_draft};
pub use filing::{FiledIssue, FilingOptions, IssueFiling, issue_filing, read_filing_answer};
pub use intake::{Intake, IntakeError, check_intake};
pub use issue::{GitLabIssue, MAX_DESCRIPTION_CHARS, MAX_NEW_ISSUE_LINK, MAX_TITLE_CHARS};
pub use issue_template::sow_issue_template;
pub use link::{NewIssueLink, check_app_url, new_issue_link};
pub use payload::{
    Contact, OfferingTerms, RequestRecommendation, SOW_REQUEST_SCHEMA, SchedulingIntake,
    ScopingRow, ServiceType, SowPayloadError, SowRequest, SowRequestError, SowRequestOptions,
};
pub use request::sow_request;
pub use timestamp::{Timestamp, TimestampError};

/// The JSON Schema of [`SowRequest`], as pretty JSON (generated from the Rust types).
#[cfg(feature = "schema")]
pub fn sow_request_schema() -> String {
    let schema = schemars::schema_for!(SowRequest);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests;
