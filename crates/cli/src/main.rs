//! `scopecraft`: check catalogs, price scopes and export SOW requests from the command line.
//!
//! A thin front end over the `scopecraft` core crate: it reads files (or stdin), calls the
//! core, and prints tables or JSON. Exit status: 0 success, 1 the input was refused (every
//! problem on stderr), 2 the command line itself was wrong; `catalog diff` exits 3 when a
//! price changed.

mod catalog_check_report;
mod catalog_cmd;
mod catalog_diff_cmd;
mod filing_cmd;
mod input;
mod plan_cmd;
mod quote_cmd;
mod quote_compare_cmd;
mod recommend_cmd;
mod share_cmd;
mod sow_cmd;
mod table;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "scopecraft",
    version,
    about = "Scope and price professional services from a services catalog",
    long_about = "Scope and price professional services (implementation, migration, training, \
                  consulting) from a catalog. Without --catalog, the embedded GitLab \
                  professional-services catalog is used."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check, convert and list catalogs.
    Catalog {
        #[command(subcommand)]
        command: CatalogCommand,
    },
    /// Price a scope document (JSON).
    Quote {
        /// The scope file, or `-` for standard input.
        scope: String,
        #[command(flatten)]
        catalog: CatalogArg,
        /// Output format (markdown only with --compare-with).
        #[arg(long, value_enum, default_value_t = quote_compare_cmd::QuoteFormat::Table)]
        format: quote_compare_cmd::QuoteFormat,
        /// In the table, show each line's trace: every rule applied, in words.
        #[arg(long, conflicts_with = "compare_with")]
        explain: bool,
        /// Check availability dates against this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Re-price against the catalog: price the scope (or the scope of a saved SOW
        /// request) with this older catalog too and show each line old and new, why it
        /// moved, and the change in total.
        #[arg(long, value_name = "OLD_CATALOG")]
        compare_with: Option<String>,
    },
    /// Apply the catalog's scoping rules to a scope: suggested offerings (with quantities and
    /// prices), warnings, notes and missing required answers, as JSON.
    Recommend {
        /// The scope file, or `-` for standard input.
        scope: String,
        #[command(flatten)]
        catalog: CatalogArg,
    },
    /// Lay a scope out as an implementation plan: phases, weeks after kick-off, what the
    /// customer needs ready, and time-and-materials effort by role.
    Plan {
        /// The scope file, or `-` for standard input.
        scope: String,
        #[command(flatten)]
        catalog: CatalogArg,
        /// The day the SOW, agreements and purchase order were signed (YYYY-MM-DD); adds
        /// calendar dates. Without it the plan has relative weeks only.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan_cmd::date_arg)]
        signed_on: Option<scopecraft::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = plan_cmd::PlanFormat::Table)]
        format: plan_cmd::PlanFormat,
    },
    /// Build the SOW request for a scope: the scopecraft.sow-request/1 payload, the GitLab
    /// issue description, or a prefilled new-issue link.
    #[command(
        long_about = "Build the SOW request the professional-services team works from: \
        the scope, the quote (the same numbers as `scopecraft quote`), the scoping answers, \
        recommendations and decisions, the plan, the offerings' terms and the GitLab issue.\n\n\
        Intake: the customer's name and the requester's valid email are always required; \
        the requester's username as the catalog's [sow.issue] requester_username says (GitLab's \
        catalog: a GitLab username, required); the required scoping answers for the scope's \
        service types unless --allow-incomplete is given (then each missing answer is a to-do row). \
        Every missing or invalid field is listed on stderr and the exit status is 1.\n\n\
        --format url prints a prefilled new-issue link for --gitlab-project (default: the \
        catalog's [sow] gitlab_project). Its description is the short one: intake, required \
        questions, totals, approvals, the plan's phases and a share link that reopens the \
        whole scope in Scopecraft (--app-url). When even that would be longer than 8,000 \
        characters, a note on stderr gives a link that fills in the title only, the full \
        description to paste (ending in the /label and /confidential quick actions) goes to \
        stdout, and the exit status is still 0.\n\n\
        --submit files the issue through GitLab's API (POST /api/v4/projects/:id/issues on \
        --gitlab-url, project --project: a numeric ID or group/project) with the token in the \
        GITLAB_TOKEN environment variable (never printed or written anywhere), and prints the \
        new issue's address. The issue is confidential and carries the request's labels, \
        Segment::<name> with --segment, and joins --epic-id. Every problem (token, addresses, \
        401, 403, 404, 422, timeouts, network) is an error on stderr with exit status 1; \
        nothing is printed on stdout unless GitLab created the issue.\n\n\
        The payload records when it was generated: the current UTC time unless \
        --generated-at is given. Pass --generated-at to make the output reproducible, byte \
        for byte.\n\n\
        The payload also carries a second issue, the Project Scheduling Intake (its field \
        scheduling): customer, service types, the catalog's lead time, the earliest start \
        after --signed-on (or signature + the lead time when no date is given) and the \
        contacts. --format scheduling-markdown prints its description with its quick actions."
    )]
    SowRequest {
        /// The scope file, or `-` for standard input.
        scope: String,
        #[command(flatten)]
        catalog: CatalogArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = sow_cmd::RequestFormat::Json)]
        format: sow_cmd::RequestFormat,
        /// The GitLab project for --format url (https://host/group/project); default: the
        /// catalog's [sow] gitlab_project.
        #[arg(long, value_name = "URL", value_parser = sow_cmd::project_arg)]
        gitlab_project: Option<scopecraft::GitLabProject>,
        /// The Scopecraft app the share link opens (https://host/path/), for
        /// --format url; default: the catalog's [sow] app_url. Without either, the issue
        /// carries the share code and says how to open it.
        #[arg(long, value_name = "URL", value_parser = sow_cmd::app_url_arg)]
        app_url: Option<String>,
        /// Accept missing required answers: they become to-do rows and are listed in the
        /// payload's intake.missing.
        #[arg(long)]
        allow_incomplete: bool,
        /// When the request was generated (RFC 3339, e.g. 2026-03-31T09:30:00Z); default:
        /// now, in UTC. Give it for reproducible output.
        #[arg(long, value_name = "RFC3339", value_parser = sow_cmd::timestamp_arg)]
        generated_at: Option<scopecraft::Timestamp>,
        /// The day the SOW, agreements and purchase order were signed (YYYY-MM-DD): the
        /// plan gets calendar dates and the scheduling intake its earliest start. Without
        /// it, the start is written as signature + the catalog's lead time.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan_cmd::date_arg)]
        signed_on: Option<scopecraft::Date>,
        /// File the issue through GitLab's API (token in GITLAB_TOKEN) and print its address.
        #[arg(
            long,
            requires_all = ["gitlab_url", "project"],
            conflicts_with_all = ["format", "gitlab_project", "app_url"]
        )]
        submit: bool,
        /// The GitLab instance for --submit (https://gitlab.example.com).
        #[arg(long, value_name = "URL", requires = "submit")]
        gitlab_url: Option<String>,
        /// The project for --submit: its numeric ID or its path (group/project).
        #[arg(long, value_name = "ID_OR_PATH", requires = "submit")]
        project: Option<String>,
        /// The customer's epic the issue joins (--submit).
        #[arg(long, value_name = "ID", requires = "submit")]
        epic_id: Option<u64>,
        /// The customer's segment, added as the label Segment::<NAME> (--submit).
        #[arg(long, value_name = "NAME", requires = "submit")]
        segment: Option<String>,
        /// Seconds to wait for GitLab's answer (--submit).
        #[arg(long, value_name = "SECONDS", default_value_t = 30,
              value_parser = clap::value_parser!(u64).range(1..=600))]
        timeout: u64,
    },
    /// Write the GitLab issue template for SOW requests filed by hand, from the catalog: the
    /// same intake and scoping tables as a generated request, every response to-do, and the
    /// quick actions that label the issue and make it confidential.
    SowTemplate {
        #[command(flatten)]
        catalog: CatalogArg,
        /// Write it to this file (e.g. ".gitlab/issue_templates/SOW Request.md", folders
        /// created) instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<std::path::PathBuf>,
    },
    /// Draft the Statement of Work for a scope from the catalog's SOW template, as Markdown
    /// or as one self-contained, print-ready HTML page.
    SowDraft {
        /// The scope file, or `-` for standard input.
        scope: String,
        #[command(flatten)]
        catalog: CatalogArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = sow_cmd::DraftFormat::Markdown)]
        format: sow_cmd::DraftFormat,
    },
    /// Print a JSON Schema generated from the Rust types (the committed copy lives in
    /// schemas/).
    Schema {
        /// Which schema.
        #[arg(value_enum)]
        name: sow_cmd::SchemaName,
    },
    /// Pack a scope into a share link, or read one back.
    Share {
        #[command(subcommand)]
        command: ShareCommand,
    },
}

#[derive(Subcommand)]
enum ShareCommand {
    /// Print a URL-fragment-safe link holding the scope and the catalog's hash (never a price).
    Encode {
        /// The scope file, or `-` for standard input.
        scope: String,
        #[command(flatten)]
        catalog: CatalogArg,
    },
    /// Print the scope inside a share link as JSON; warns when the link was made with another
    /// catalog.
    Decode {
        /// The link (`s1.…`), or `-` to read it from standard input.
        link: String,
        #[command(flatten)]
        catalog: CatalogArg,
    },
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Lint a catalog (the embedded one without FILE); every problem goes to stderr.
    Check {
        /// A catalog in TOML or JSON, or `-` for standard input.
        file: Option<String>,
        /// Output format: text on stderr, the problems as JSON, or GitLab's Code Quality
        /// report (JSON on stdout; the text still goes to stderr).
        #[arg(long, value_enum, default_value_t = catalog_cmd::CheckFormat::Text)]
        format: catalog_cmd::CheckFormat,
    },
    /// Convert GitLab's services.yml into a Scopecraft catalog (TOML on stdout, warnings on stderr).
    ImportGitlab {
        /// GitLab's services.yml, or `-` for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CatalogFormatArg::Toml)]
        format: CatalogFormatArg,
    },
    /// Compare two catalogs: offerings, questions and rules added, removed or changed, and
    /// every price that moved. Exit status 3 when any price changed, 0 when none did.
    #[command(
        long_about = "Compare two versions of a catalog (TOML, JSON or GitLab's services.yml; \
        `-` reads one of them from standard input): offerings, questions, recommendation and \
        approval rules and categories added, removed or changed (by field), every price-book \
        amount that moved with its percentage change, and the catalog's own fields.\n\n\
        Exit status: 0 when no price changed, 3 when any did (a price-book amount, a book, its \
        conversion, an offering's pricing, the base currency or rounding), 1 when a catalog \
        was refused, 2 when the command line was wrong."
    )]
    Diff {
        /// The old catalog, or `-` for standard input.
        old: String,
        /// The new catalog, or `-` for standard input.
        new: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = catalog_diff_cmd::DiffFormat::Table)]
        format: catalog_diff_cmd::DiffFormat,
    },
    /// Print a catalog as it would be published: with `--public`, its public projection (no
    /// internal notes, cost rates, approval rules or non-public offerings), linted. What was
    /// dropped goes to stderr.
    Publish {
        /// A catalog file (our TOML/JSON, or GitLab's services.yml), or `-` for standard
        /// input; default: the embedded GitLab catalog.
        file: Option<String>,
        /// Print the public projection instead of the full catalog.
        #[arg(long)]
        public: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CatalogFormatArg::Toml)]
        format: CatalogFormatArg,
    },
    /// List a catalog's offerings and prices.
    Show {
        #[command(flatten)]
        catalog: CatalogArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Price column currency (default: the catalog's base currency).
        #[arg(long)]
        currency: Option<String>,
    },
}

#[derive(clap::Args)]
struct CatalogArg {
    /// A catalog file (our TOML/JSON, or GitLab's services.yml); default: the embedded
    /// GitLab catalog.
    #[arg(long, value_name = "FILE")]
    catalog: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CatalogFormatArg {
    Toml,
    Json,
}

/// A failure already explained to the user: what to print on stderr.
pub(crate) struct Failure(pub(crate) String);

impl<T: std::fmt::Display> From<T> for Failure {
    fn from(error: T) -> Failure {
        Failure(error.to_string())
    }
}

fn main() -> ExitCode {
    // No input should ever reach a panic; if a bug does, say so plainly, without a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "scopecraft: internal error ({}); please report it with the input that caused it",
            info.location()
                .map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()))
        );
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Catalog { command } => match command {
            CatalogCommand::Check { file, format } => catalog_cmd::check(file.as_deref(), format),
            CatalogCommand::Diff { old, new, format } => {
                if old == "-" && new == "-" {
                    let mut cli = Cli::command();
                    cli.build();
                    let mut diff = cli
                        .find_subcommand_mut("catalog")
                        .and_then(|catalog| catalog.find_subcommand_mut("diff"))
                        .cloned()
                        .unwrap_or_default();
                    diff.error(
                        clap::error::ErrorKind::ArgumentConflict,
                        "only one of OLD and NEW can be `-` (standard input)",
                    )
                    .exit();
                }
                match catalog_diff_cmd::diff(&old, &new, format) {
                    Ok(code) => return code,
                    Err(failure) => Err(failure),
                }
            }
            CatalogCommand::ImportGitlab { file, format } => {
                catalog_cmd::import_gitlab(&file, format == CatalogFormatArg::Json)
            }
            CatalogCommand::Publish {
                file,
                public,
                format,
            } => catalog_cmd::publish(file.as_deref(), public, format == CatalogFormatArg::Json),
            CatalogCommand::Show {
                catalog,
                format,
                currency,
            } => catalog_cmd::show(
                catalog.catalog.as_deref(),
                format == Format::Json,
                currency.as_deref(),
            ),
        },
        Command::Quote {
            scope,
            catalog,
            format,
            explain: _,
            as_of,
            compare_with: Some(old),
        } => quote_compare_cmd::compare(
            &scope,
            catalog.catalog.as_deref(),
            &old,
            format,
            as_of.as_deref(),
        ),
        Command::Quote {
            format: quote_compare_cmd::QuoteFormat::Markdown,
            ..
        } => Err(Failure(
            "error: --format markdown needs --compare-with OLD_CATALOG; a quote prints as a table or JSON".into(),
        )),
        Command::Quote {
            scope,
            catalog,
            format,
            explain,
            as_of,
            compare_with: None,
        } => quote_cmd::quote(
            &scope,
            catalog.catalog.as_deref(),
            format == quote_compare_cmd::QuoteFormat::Json,
            explain,
            as_of.as_deref(),
        ),
        Command::Recommend { scope, catalog } => {
            recommend_cmd::recommend_cmd(&scope, catalog.catalog.as_deref())
        }
        Command::Plan {
            scope,
            catalog,
            signed_on,
            format,
        } => plan_cmd::plan_cmd(&scope, catalog.catalog.as_deref(), signed_on, format),
        Command::SowRequest {
            scope,
            catalog,
            format,
            gitlab_project,
            app_url,
            allow_incomplete,
            generated_at,
            signed_on,
            submit,
            gitlab_url,
            project,
            epic_id,
            segment,
            timeout,
        } => sow_cmd::sow_request_cmd(sow_cmd::RequestArgs {
            scope: &scope,
            catalog: catalog.catalog.as_deref(),
            format,
            project: gitlab_project,
            app_url,
            allow_incomplete,
            generated_at,
            signed_on,
            submit: submit.then(|| filing_cmd::SubmitArgs {
                gitlab_url: gitlab_url.unwrap_or_default(),
                project: project.unwrap_or_default(),
                options: scopecraft::FilingOptions { epic_id, segment },
                timeout: std::time::Duration::from_secs(timeout),
            }),
        }),
        Command::SowTemplate { catalog, output } => {
            sow_cmd::sow_template_cmd(catalog.catalog.as_deref(), output.as_deref())
        }
        Command::SowDraft {
            scope,
            catalog,
            format,
        } => sow_cmd::sow_draft_cmd(&scope, catalog.catalog.as_deref(), format),
        Command::Schema { name } => sow_cmd::schema_cmd(name),
        Command::Share { command } => match command {
            ShareCommand::Encode { scope, catalog } => {
                share_cmd::encode(&scope, catalog.catalog.as_deref())
            }
            ShareCommand::Decode { link, catalog } => {
                share_cmd::decode(&link, catalog.catalog.as_deref())
            }
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
