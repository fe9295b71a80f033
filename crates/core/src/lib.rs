//! # Scopecraft core
//!
//! The domain of scoping and pricing professional services (implementation, migration,
//! training, consulting) sold around a software product.
//!
//! - A [`Catalog`] lists [`Offering`]s, each with a [`Pricing`] model, and [`PriceBook`]s
//!   with the amounts per currency. Catalogs are data (TOML or JSON), checked by a linter,
//!   and identified by a content hash. The GitLab catalog is embedded ([`Catalog::gitlab`]).
//! - [`import_gitlab_services`] turns GitLab's own `services.yml` into a catalog document,
//!   with an [`ImportWarning`] for every entry it skipped or changed.
//! - A [`Scope`] is what an account executive chose and answered; [`price`] turns it into a
//!   [`Quote`] (a range while answers that drive a price are missing).
//! - Discovery scoping: [`completeness`] lists the required answers still missing and the
//!   answers that break their question's rules; [`recommend`] evaluates the catalog's rules
//!   of thumb into suggested offerings, warnings and notes; [`plan`] lays the scope out in
//!   phases with relative weeks (and dates once a signature date is known).
//! - SOW requests: [`sow_request`] checks the intake and builds the [`SowRequest`] payload
//!   with its [`GitLabIssue`]; [`new_issue_link`] prefills GitLab's new-issue form;
//!   [`sow_draft`] fills the catalog's SOW template into Markdown or print-ready HTML.
//! - [`share::encode`] packs a scope and its catalog's hash into a URL-fragment-safe link;
//!   [`share::decode`] reads it back with the strict scope reader.
//! - [`diff_catalogs`] compares two versions of a catalog for review: entries added, removed
//!   and changed by field, and every price-book amount that moved ([`CatalogDiff`]).
//! - [`CodeQualityReport`] turns what the catalog check found into GitLab's Code Quality
//!   report, with fingerprints that survive edits elsewhere in the file.
//!
//! This crate is pure: no I/O, no clock, no randomness. It compiles for native targets and
//! for `wasm32-unknown-unknown`, where the browser app calls it.

mod catalog;
mod catalog_diff;
mod catalog_file;
mod code_quality;
mod condition;
mod date;
mod decimal;
mod field_error;
mod gitlab_project;
mod import;
mod json;
mod label;
mod license;
pub mod limits;
mod markdown;
mod money;
mod percent_encoding;
mod plan;
mod quote;
mod quote_diff;
mod recommend;
mod scope;
mod scoping;
pub mod share;
mod sow;
mod template;

#[cfg(feature = "schema")]
pub use catalog::catalog_schema;
pub use catalog::{
    AddOnRule, AnswerValue, ApprovalLines, ApprovalRule, ApprovalTrigger, Availability, Axis, Band,
    CATALOG_FORMAT, Catalog, CatalogData, CatalogError, CatalogFormat, CatalogRef, Category,
    Choice, Condition, Conversion, CustomSowRoute, Delivery, DeliveryMode, Dropped,
    GITLAB_CATALOG_TOML, LicenseTier, LicenseTierDefinition, LintIssue, MAX_CATALOG_BYTES,
    MigrationWaves, Offering, OfferingDuration, PaymentTerms, PhaseTemplate, PlanTemplate,
    Prerequisites, PriceBook, PriceEntry, Pricing, Projection, Question, QuestionKind,
    RecommendationKind, RecommendationRule, Role, RuleAdd, SaleForm, SourceMap, SowSettings,
    TierMode, Travel, WaveSize, check as check_catalog, load as load_catalog,
    parse as parse_catalog,
};
pub use catalog::{
    CustomerFlag, DEFAULT_ISSUE_TITLE, DEFAULT_SCHEDULING_TITLE, IssueSettings, ItemField,
    ItemFields, SchedulingSettings, UsernameRule, UsernameRules,
};
pub use catalog_diff::{
    CATALOG_DIFF_FORMAT, CatalogDiff, DiffEntry, EntryChange, FieldChange, ListChanges,
    PriceChange, PriceKind, diff_catalogs,
};
pub use catalog_file::{OpenedCatalog, is_gitlab_services_file, open_catalog};
pub use code_quality::{
    CodeQualityIssue, CodeQualityLines, CodeQualityLocation, CodeQualityReport,
    CodeQualitySeverity, import_check_name, lint_check_name, stable_field_path,
};
pub use condition::{ScopeFacts, holds as condition_holds, service_types};
pub use date::{Date, DateError};
pub use decimal::{NotANumber, NumberKind, read_decimal_number, read_whole_number};
pub use field_error::{FieldError, FieldErrors, FieldPath};
pub use import::{GitLabImport, ImportError, ImportWarning, import_gitlab_services};
pub use license::license_requirement;
pub use markdown::html_escape;
pub use money::{
    Currency, PriceRange, RoundingMode, allocate, group_thousands, percent_text, thousands,
};
pub use percent_encoding::{percent_decode, percent_encode};
pub use plan::{
    DateSpan, PhaseDates, Plan, PlanError, PlanItem, PlanOptions, PlanPhase, RoleEffort, plan,
};
pub use quote::{
    Approval, Component, ComponentDescription, LineKind, ListPrice, ModePrice, Paperwork, Quote,
    QuoteDiscount, QuoteError, QuoteLine, QuoteOptions, Routing, Trace, TraceStep,
    edited_item_errors, item_errors, list_price, price, price_with,
};
pub use quote_diff::{
    LineChange, LineComparison, QUOTE_COMPARISON_FORMAT, QuoteComparison, Repriced, RetiredItem,
    compare_quotes, compare_with_quoted, quoted_prices, reprice, with_quoted_prices,
};
pub use recommend::{
    RecommendError, Recommendation, RecommendationDecision, Recommendations, RecommendedItem,
    recommend, recommend_for_quote,
};
#[cfg(feature = "schema")]
pub use scope::scope_schema;
pub use scope::{
    Answer, Customer, Decision, QuotedApproval, QuotedItem, QuotedPrices, Requester, Scope,
    ScopeError, ScopeItem, ScopeReading,
};
pub use scoping::{
    Audience, Completeness, MigrationWaveEstimate, MissingAnswer, PreviewScope, answer_errors,
    asked_questions, completeness, is_asked, is_required, migration_waves, preview_scope,
    validate_answer,
};
pub use share::{ShareError, SharedScope};
#[cfg(feature = "schema")]
pub use sow::sow_request_schema;
pub use sow::{
    Contact, GitLabIssue, GitLabProject, Intake, IntakeError, MAX_DESCRIPTION_CHARS,
    MAX_NEW_ISSUE_LINK, MAX_TITLE_CHARS, NewIssueLink, OfferingTerms, ProjectUrlError,
    RequestRecommendation, SOW_REQUEST_SCHEMA, SchedulingIntake, ScopingRow, ServiceType, SowDraft,
    SowDraftError, SowPayloadError, SowRequest, SowRequestError, SowRequestOptions, Timestamp,
    TimestampError, check_app_url, check_intake, markdown_cell, markdown_inline, new_issue_link,
    sow_draft, sow_request,
};
pub use sow::{
    FiledIssue, FilingOptions, IssueFiling, issue_filing, read_filing_answer, sow_issue_template,
};
