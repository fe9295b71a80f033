//! The services catalog: offerings, price books, approval rules and discovery questions,
//! loaded from TOML or JSON, checked by [`lint`], and identified by a content hash.

mod approval_rule;
mod issue_settings;
mod item_fields;
mod license_tiers;
mod lint;
mod model;
mod name_index;
mod public;
#[cfg(feature = "schema")]
mod schema;
mod shared;
mod source_map;
mod toml_json;

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};

pub use issue_settings::{
    CustomerFlag, DEFAULT_ISSUE_TITLE, DEFAULT_SCHEDULING_TITLE, IssueSettings, SchedulingSettings,
    UsernameRule, UsernameRules,
};
pub use item_fields::{ItemField, ItemFields};
pub use lint::LintIssue;
pub use model::*;
pub use public::Dropped;
#[cfg(feature = "schema")]
pub use schema::catalog_schema;
pub(crate) use shared::{AxisNames, SharedNames, TableNames};
pub use source_map::SourceMap;

use crate::money::Currency;
use license_tiers::GITLAB_TIERS;
use name_index::NameIndex;

/// The GitLab professional-services catalog shipped with Scopecraft.
pub const GITLAB_CATALOG_TOML: &str = include_str!("../../catalogs/gitlab.toml");

/// A checked catalog, ready to price with.
#[derive(Debug, Clone)]
pub struct Catalog {
    data: CatalogData,
    base_currency: Currency,
    offerings_by_sku: NameIndex,
    /// Each offering's SKU and names as shared strings, by offering position: every quote
    /// line that prices the offering holds these (a reference count) instead of copies.
    shared: Vec<SharedNames>,
    questions_by_id: NameIndex,
    hash: String,
}

/// Identifies the exact catalog a quote was priced with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct CatalogRef {
    /// The catalog's id.
    pub id: String,
    /// The catalog's own version string.
    pub version: String,
    /// SHA-256 of the catalog's canonical JSON form, in hex.
    pub hash: String,
    /// `"public"` when the catalog was the public projection; absent for the full catalog.
    #[serde(default, skip_serializing_if = "Projection::is_full")]
    pub projection: Projection,
}

/// The two file formats a catalog can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogFormat {
    /// TOML, the format people edit.
    Toml,
    /// JSON, for tools.
    Json,
}

impl CatalogFormat {
    /// Picks the format from a file name, falling back to the content: JSON starts with `{`.
    pub fn detect(file_name: &str, text: &str) -> CatalogFormat {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            CatalogFormat::Json
        } else if lower.ends_with(".toml") {
            CatalogFormat::Toml
        } else if text.trim_start().starts_with('{') {
            CatalogFormat::Json
        } else {
            CatalogFormat::Toml
        }
    }
}

/// Why a catalog could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum CatalogError {
    /// The file is not valid TOML/JSON or does not have the catalog's shape.
    Syntax {
        /// The file name given to the loader.
        file: String,
        /// 1-based line, when known.
        line: Option<usize>,
        /// 1-based column, when known.
        column: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The file parsed but breaks catalog rules; every problem found is listed.
    Lint(Vec<LintIssue>),
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Syntax {
                file,
                line,
                column,
                message,
            } => {
                write!(f, "{file}")?;
                if let Some(line) = line {
                    write!(f, ":{line}")?;
                    if let Some(column) = column {
                        write!(f, ":{column}")?;
                    }
                }
                write!(f, ": {message}")
            }
            CatalogError::Lint(issues) => {
                let count = issues.len();
                write!(
                    f,
                    "{count} problem{} in the catalog:",
                    if count == 1 { "" } else { "s" }
                )?;
                for issue in issues {
                    write!(f, "\n  {issue}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CatalogError {}

/// Largest catalog file accepted, in bytes (also [`crate::limits::MAX_CATALOG_BYTES`]).
pub const MAX_CATALOG_BYTES: usize = crate::limits::MAX_CATALOG_BYTES;

/// Parses a catalog without checking its rules; with the source map for line numbers.
pub fn parse(file: &str, text: &str) -> Result<(CatalogData, SourceMap), CatalogError> {
    let syntax =
        |line: Option<usize>, column: Option<usize>, message: String| CatalogError::Syntax {
            file: file.to_string(),
            line,
            column,
            message,
        };
    if text.len() > MAX_CATALOG_BYTES {
        return Err(syntax(
            None,
            None,
            format!(
                "the file is {} bytes; catalogs are limited to {MAX_CATALOG_BYTES} bytes",
                text.len()
            ),
        ));
    }
    match CatalogFormat::detect(file, text) {
        CatalogFormat::Json => {
            if let Some(depth) = crate::json::json_depth_over(text, crate::limits::MAX_JSON_DEPTH) {
                return Err(syntax(
                    None,
                    None,
                    format!(
                        "the JSON is nested {depth} levels deep; catalogs allow at most {}",
                        crate::limits::MAX_JSON_DEPTH
                    ),
                ));
            }
            // Keys given twice (two prices for one SKU, say) are refused, not overwritten.
            let value = crate::json::strict_json(text).map_err(|e| {
                syntax(
                    Some(e.line()),
                    Some(e.column()),
                    strip_position(&e.to_string()),
                )
            })?;
            let data: CatalogData = serde_json::from_str(text).map_err(|e| {
                syntax(
                    Some(e.line()),
                    Some(e.column()),
                    strip_position(&e.to_string()),
                )
            })?;
            Ok((data, SourceMap::from_json(&value)))
        }
        CatalogFormat::Toml => {
            let (data, root) = parse_toml(file, text)?;
            Ok((data, SourceMap::from_toml_table(&root, text)))
        }
    }
}

/// TOML is read into its document tree, rewritten as JSON and deserialized by serde_json
/// like a JSON catalog; a model error names the TOML line. The tree is returned for the
/// source map, which only a catalog that is linted needs.
fn parse_toml<'t>(
    file: &str,
    text: &'t str,
) -> Result<(CatalogData, toml::Spanned<toml::de::DeTable<'t>>), CatalogError> {
    let at = |offset: Option<usize>, message: String| {
        let (line, column) = offset
            .map(|offset| source_map::line_col(text, offset))
            .unzip();
        CatalogError::Syntax {
            file: file.to_string(),
            line,
            column,
            message,
        }
    };
    let root = toml::de::DeTable::parse(text).map_err(|e| toml_error(file, text, &e))?;
    let converted = toml_json::TomlAsJson::new(&root).map_err(|e| at(Some(e.offset), e.message))?;
    let data: CatalogData = serde_json::from_str(&converted.json).map_err(|e| {
        at(
            converted.toml_offset(e.line()),
            strip_position(&e.to_string()),
        )
    })?;
    Ok((data, root))
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message.get(..index).unwrap_or(message).to_string(),
        None => message.to_string(),
    }
}

fn toml_error(file: &str, text: &str, error: &toml::de::Error) -> CatalogError {
    let (line, column) = match error.span() {
        Some(span) => {
            let (line, column) = source_map::line_col(text, span.start);
            (Some(line), Some(column))
        }
        None => (None, None),
    };
    CatalogError::Syntax {
        file: file.to_string(),
        line,
        column,
        message: error.message().trim().to_string(),
    }
}

/// Parses and lints a catalog; any lint issue refuses it.
pub fn load(file: &str, text: &str) -> Result<Catalog, CatalogError> {
    let (data, map) = parse(file, text)?;
    let issues = lint::lint(&data, &map, file);
    if issues.is_empty() {
        Catalog::new(data)
    } else {
        Err(CatalogError::Lint(issues))
    }
}

/// Every rule the catalog breaks, for `scopecraft catalog check`.
pub fn check(file: &str, text: &str) -> Result<Vec<LintIssue>, CatalogError> {
    let (data, map) = parse(file, text)?;
    Ok(lint::lint(&data, &map, file))
}

impl Catalog {
    /// The embedded GitLab professional-services catalog.
    ///
    /// It is linted by the test suite (`embedded_catalog_passes_lint`), not at every start:
    /// the browser app loads it on each page view, and the source map and lint that an
    /// untrusted file needs would double the time. A syntax or model error still fails here.
    pub fn gitlab() -> Result<Catalog, CatalogError> {
        let (data, _) = parse_toml("gitlab.toml", GITLAB_CATALOG_TOML)?;
        Catalog::new(data)
    }

    /// A catalog in the canonical JSON form that was linted when it was written (the web
    /// app's build script bakes one in): parsed, not linted again, so start-up stays fast.
    pub fn from_linted_json(text: &str) -> Result<Catalog, CatalogError> {
        let data: CatalogData = serde_json::from_str(text).map_err(|e| CatalogError::Syntax {
            file: "catalog.json".to_string(),
            line: Some(e.line()),
            column: Some(e.column()),
            message: strip_position(&e.to_string()),
        })?;
        Catalog::new(data)
    }

    /// Wraps linted data; builds the lookup indexes and the content hash.
    fn new(data: CatalogData) -> Result<Catalog, CatalogError> {
        let base_currency = Currency::from_code(&data.base_currency).ok_or_else(|| {
            CatalogError::Lint(vec![LintIssue {
                file: "catalog".to_string(),
                line: None,
                offering: None,
                field: "base_currency".to_string(),
                message: format!("unknown currency {:?}", data.base_currency),
            }])
        })?;
        let offerings_by_sku = NameIndex::new(data.offerings.iter().map(|o| o.sku.as_str()));
        let questions_by_id = NameIndex::new(data.questions.iter().map(|q| q.id.as_str()));
        let question = |id: &str| questions_by_id.get(id).and_then(|i| data.questions.get(i));
        let shared =
            shared::shared_names(&data.offerings, |sku| offerings_by_sku.get(sku), question);
        let hash = content_hash(&data);
        Ok(Catalog {
            data,
            base_currency,
            offerings_by_sku,
            shared,
            questions_by_id,
            hash,
        })
    }

    /// All of the catalog's data.
    pub fn data(&self) -> &CatalogData {
        &self.data
    }

    /// The offerings, in file order.
    pub fn offerings(&self) -> &[Offering] {
        &self.data.offerings
    }

    /// The offering with this SKU.
    pub fn offering(&self, sku: &str) -> Option<&Offering> {
        self.offering_shared(sku).map(|(offering, _)| offering)
    }

    /// The offering with this SKU and its shared names (for quote lines).
    // Not inlined: it is called once per item, and inlined it leaves the code that drafts a
    // line too large for the compiler to inline the line's own steps (about 2 % more
    // instructions per priced line, callgrind).
    #[inline(never)]
    pub(crate) fn offering_shared(&self, sku: &str) -> Option<(&Offering, &SharedNames)> {
        let i = self.offerings_by_sku.get(sku)?;
        Some((self.data.offerings.get(i)?, self.shared.get(i)?))
    }

    /// The shared SKU string of an offering, or a new one when no offering has the SKU.
    pub(crate) fn shared_sku(&self, sku: &str) -> Arc<str> {
        self.offering_shared(sku)
            .map_or_else(|| Arc::from(sku), |(_, names)| names.sku.clone())
    }

    /// The discovery questions, in file order.
    pub fn questions(&self) -> &[Question] {
        &self.data.questions
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions_by_id
            .get(id)
            .and_then(|i| self.data.questions.get(i))
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.data.categories.iter().find(|c| c.id == id)
    }

    /// How a SOW request becomes an issue: the catalog's `[sow.issue]`, or a neutral
    /// request when the catalog has none.
    pub fn issue_settings(&self) -> IssueSettings {
        self.data
            .sow
            .as_ref()
            .map(|sow| sow.issue.clone())
            .unwrap_or_default()
    }

    /// The price book for a currency.
    pub fn price_book(&self, currency: Currency) -> Option<&PriceBook> {
        self.data
            .price_books
            .iter()
            .find(|book| book.currency == currency.code())
    }

    /// The catalog's base currency.
    pub fn base_currency(&self) -> Currency {
        self.base_currency
    }

    /// The base price book (its currency is the catalog's base currency).
    pub fn base_price_book(&self) -> Option<&PriceBook> {
        self.price_book(self.base_currency)
    }

    /// The roles a time-and-materials offering's effort is given in, as `(id, name)`: the
    /// offering's own list, or every role of the base rate card when it names none, with
    /// the name the base rate card gives it (its id when the card lacks it). Empty for
    /// every other pricing model.
    pub fn effort_roles<'c>(&'c self, offering: &'c Offering) -> Vec<(&'c str, &'c str)> {
        let Pricing::TimeAndMaterials { roles } = &offering.pricing else {
            return Vec::new();
        };
        let card = self.base_price_book().map(|book| &book.rate_card);
        let name = |id: &'c str| {
            card.and_then(|card| card.get(id))
                .map_or(id, |role| role.name.as_str())
        };
        if roles.is_empty() {
            card.into_iter()
                .flat_map(|card| card.iter())
                .map(|(id, role)| (id.as_str(), role.name.as_str()))
                .collect()
        } else {
            roles.iter().map(|id| (id.as_str(), name(id))).collect()
        }
    }

    /// Currencies a quote can be priced in, in file order.
    pub fn currencies(&self) -> Vec<Currency> {
        self.data
            .price_books
            .iter()
            .filter_map(|b| Currency::from_code(&b.currency))
            .collect()
    }

    /// The currencies of the price books, as people read them in an error: `USD, EUR`.
    pub fn currency_list(&self) -> String {
        self.currencies()
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Id, version and content hash.
    pub fn reference(&self) -> CatalogRef {
        CatalogRef {
            id: self.data.id.clone(),
            version: self.data.version.clone(),
            hash: self.hash.clone(),
            projection: self.data.projection,
        }
    }

    /// SHA-256 of the canonical JSON form, in hex.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The catalog as canonical JSON (what the hash is computed over).
    pub fn to_canonical_json(&self) -> String {
        canonical_json(&self.data)
    }

    /// The catalog as TOML (feature `toml-write`).
    #[cfg(feature = "toml-write")]
    pub fn to_toml(&self) -> Result<String, String> {
        toml::to_string_pretty(&self.data).map_err(|e| e.to_string())
    }
}

impl CatalogData {
    /// Checks the data against the catalog rules and wraps it, e.g. after an import.
    pub fn into_catalog(self) -> Result<Catalog, CatalogError> {
        let issues = lint::lint(&self, &SourceMap::default(), "catalog");
        if issues.is_empty() {
            Catalog::new(self)
        } else {
            Err(CatalogError::Lint(issues))
        }
    }
}

/// Canonical form: compact JSON with fields in declaration order and maps sorted by key, so
/// whitespace, comments, key order and TOML-vs-JSON do not change the hash.
fn canonical_json(data: &CatalogData) -> String {
    serde_json::to_string(data).unwrap_or_default()
}

fn content_hash(data: &CatalogData) -> String {
    sha256_hex(canonical_json(data).as_bytes())
}

/// SHA-256 of `bytes`, in lower-case hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

impl CatalogData {
    /// The catalog's licence tiers, lowest first: its `license_tiers`, or GitLab's when it
    /// lists none.
    pub fn license_tier_list(&self) -> Cow<'_, [LicenseTierDefinition]> {
        if self.license_tiers.is_empty() {
            Cow::Owned(
                GITLAB_TIERS
                    .iter()
                    .map(|(id, name)| LicenseTierDefinition {
                        id: (*id).to_string(),
                        name: (*name).to_string(),
                    })
                    .collect(),
            )
        } else {
            Cow::Borrowed(&self.license_tiers)
        }
    }

    /// Where `id` stands in the list (0 is the lowest), or `None` when it is not a tier.
    pub fn license_rank(&self, id: &str) -> Option<usize> {
        self.license_tier_list().iter().position(|t| t.id == id)
    }

    /// The tier's display name (`Premium`); its id when it is not a tier of the catalog.
    pub fn license_tier_name(&self, tier: &LicenseTier) -> String {
        self.license_tier_list()
            .iter()
            .find(|t| t.id == tier.as_str())
            .map_or_else(|| tier.as_str().to_string(), |t| t.name.clone())
    }
}
