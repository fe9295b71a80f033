//! Importing GitLab's own services file (`services.yml`, the list its services calculator
//! read) into a catalog document.
//!
//! The file is real data with real mess: prices written as `40000`, `"$14,400"` or not at
//! all, SKUs left as a `#TODO` comment, one id used twice, HTML in the descriptions. The
//! importer never trusts it: it turns what it can into a [`CatalogData`] and reports every
//! entry it skipped or changed as an [`ImportWarning`]. Only input that is not YAML, or not
//! a list of entries, is an [`ImportError`].
//!
//! ```
//! let yaml = "- id: jira\n  name: Jira integration\n  category: Integration\n  sku: GL-JIRA\n  price: $2,400\n";
//! let import = scopecraft::import_gitlab_services(yaml).unwrap();
//! assert_eq!(import.catalog.offerings[0].sku, "GL-JIRA");
//! assert_eq!(
//!     import.warnings[0].to_string(),
//!     "line 1, entries[0] `jira` (GL-JIRA): price: `$2,400` read as 2400"
//! );
//! ```

mod build;
mod entry;
mod html;
mod load;
mod price;

use std::fmt;

use crate::catalog::CatalogData;

/// The result of an import: the catalog document and what the importer had to do to get it.
#[derive(Debug, Clone, PartialEq)]
pub struct GitLabImport {
    /// The imported catalog; check it with [`CatalogData::into_catalog`].
    pub catalog: CatalogData,
    /// Every entry skipped or changed, in file order; catalog-wide notes last.
    pub warnings: Vec<ImportWarning>,
}

/// Something the importer skipped, guessed or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// Position of the entry in the list, from 0; `None` for the catalog as a whole.
    pub index: Option<usize>,
    /// The entry's `id`, when it has one.
    pub id: Option<String>,
    /// The entry's SKU, when it has one.
    pub sku: Option<String>,
    /// 1-based line where the entry starts.
    pub line: Option<usize>,
    /// The field concerned (`price`, `sku`, `long_desc, target_audience`), or a catalog path.
    pub field: String,
    /// What was found and what was done.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if let Some(line) = self.line {
            place.push(format!("line {line}"));
        }
        match self.index {
            Some(index) => {
                let mut entry = format!("entries[{index}]");
                if let Some(id) = &self.id {
                    entry.push_str(&format!(" `{id}`"));
                }
                if let Some(sku) = &self.sku {
                    entry.push_str(&format!(" ({sku})"));
                }
                place.push(entry);
            }
            None => place.push("catalog".to_string()),
        }
        write!(f, "{}: {}: {}", place.join(", "), self.field, self.message)
    }
}

/// Why the input could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not YAML (or YAML the importer refuses: too large, too deep, alias bombs, several
    /// documents).
    Syntax {
        /// 1-based line, when the parser reports one.
        line: Option<usize>,
        /// 1-based column, when the parser reports one.
        column: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The document is not a list.
    NotAList {
        /// What it is instead (`a mapping`).
        found: String,
    },
    /// The list holds no entry (no mapping).
    NoEntries,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Syntax {
                line,
                column,
                message,
            } => {
                if let Some(line) = line {
                    write!(f, "line {line}")?;
                    if let Some(column) = column {
                        write!(f, ", column {column}")?;
                    }
                    write!(f, ": ")?;
                }
                write!(f, "not readable as YAML: {message}")
            }
            ImportError::NotAList { found } => write!(
                f,
                "expected a YAML list of services (`- id: …` entries), found {found}"
            ),
            ImportError::NoEntries => {
                write!(f, "the list holds no services (no `- id: …` mappings)")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Where an entry is, for warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    pub(crate) index: usize,
    pub(crate) line: Option<usize>,
    pub(crate) id: Option<String>,
}

impl Located {
    pub(crate) fn warning(
        &self,
        sku: Option<&str>,
        field: &str,
        message: impl Into<String>,
    ) -> ImportWarning {
        ImportWarning {
            index: Some(self.index),
            id: self.id.clone(),
            sku: sku.map(str::to_string),
            line: self.line,
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// Imports GitLab's `services.yml` into a catalog document.
///
/// Entries without a usable SKU, or repeating an imported SKU, are skipped; prices written
/// as text are read; missing prices make custom offerings; HTML becomes plain text. Each
/// such step is one [`ImportWarning`]. Never panics, whatever the input.
pub fn import_gitlab_services(yaml: &str) -> Result<GitLabImport, ImportError> {
    let raw = load::load_entries(yaml)?;
    let mut warnings = Vec::new();
    let entries: Vec<entry::Entry> = raw
        .iter()
        .enumerate()
        .filter_map(|(index, raw)| entry::read_entry(index, raw, yaml, &mut warnings))
        .collect();
    if entries.is_empty() {
        return Err(ImportError::NoEntries);
    }
    let catalog = build::build_catalog(&entries, &mut warnings);
    // File order; catalog-wide notes last (the sort is stable).
    warnings.sort_by_key(|w| w.index.unwrap_or(usize::MAX));
    Ok(GitLabImport { catalog, warnings })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::*;
    use crate::catalog::{DeliveryMode, Pricing, SaleForm};

    /// A small file in the shape of `services.yml`, with one of each kind of mess.
    const SAMPLE: &str = r#"
- id: class_onsite
  name: Widgets Training
  category: Education
  short_desc: Learn <b>widgets</b> &amp; gadgets.
  long_desc: |
    First paragraph.<br/>
    <br/>
    Second paragraph.
  target_audience: |
    <ul>
      <li>Widget makers</li>
      <li>Prerequisites
        <ul><li>Basic <a href="https://example.com">widget course</a></li></ul>
      </li>
    </ul>
  price: 7000
  price_desc: <strong>Remote:</strong> $5,000<br/><strong>On-site:</strong> $7,000 plus travel
  duration_desc: <strong>Remote:</strong> two sessions.<br/><strong>On-site:</strong> one day.
  unit: session
  duration: 1
  class_size: Maximum 12 attendees.
  sku: WID-1
- id: class_remote
  name: Widgets Training - Remote Delivery
  category: Education
  description2: WID-1 over video. Two sessions.
  price: "$5,000"
  unit: session
  class_size: Maximum 12 attendees.
  sku: WID-1-R
- id: seats
  name: Extra seat
  category: Education
  description2: One more seat in a 12-seat class.
  price: 500
  unit: seat
  class_size: adds 1 seat to a 12-seat class
  sku: SEAT-R
- id: admin
  name: Admin Training
  category: Education
  price: 12000
  sku: #TODO
- id: consult
  name: Advice
  category: Consulting Services
  description2: We advise. A lot.
  price: TBD
  sku: ADV
- id: consult
  name: Advice
  category: Consulting Services
  description2: More advice.
  price: 14,400.50
  sku: ADV-2
- id: consult-copy
  name: Advice again
  category: Consulting Services
  price: 100
  sku: ADV
- just a stray line
- id: nameless
  price: 1000
  sku: NONAME
"#;

    fn sample() -> GitLabImport {
        import_gitlab_services(SAMPLE).unwrap()
    }

    fn warnings_for(import: &GitLabImport, index: usize) -> Vec<String> {
        import
            .warnings
            .iter()
            .filter(|w| w.index == Some(index))
            .map(|w| format!("{}: {}", w.field, w.message))
            .collect()
    }

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn sample_imports_the_usable_entries() {
        let import = sample();
        let skus: Vec<&str> = import
            .catalog
            .offerings
            .iter()
            .map(|o| o.sku.as_str())
            .collect();
        assert_eq!(
            skus,
            vec!["WID-1", "WID-1-R", "SEAT-R", "ADV", "ADV-2", "NONAME"]
        );
        let ids: Vec<&str> = import
            .catalog
            .categories
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, vec!["education", "consulting_services", "other"]);
        assert_eq!(import.catalog.id, "gitlab-services-import");
        assert_eq!(import.catalog.base_currency, "USD");
        assert!(import.catalog.clone().into_catalog().is_ok());
    }

    #[test]
    fn classes_siblings_and_modes() {
        let import = sample();
        let [onsite, remote, seat, ..] = import.catalog.offerings.as_slice() else {
            panic!("three offerings at least");
        };
        assert_eq!(onsite.delivery.modes, vec![DeliveryMode::OnSite]);
        assert_eq!(remote.delivery.modes, vec![DeliveryMode::Remote]);
        assert_eq!(onsite.delivery.sibling.as_deref(), Some("WID-1-R"));
        assert_eq!(remote.delivery.sibling.as_deref(), Some("WID-1"));
        assert_eq!(
            onsite.pricing,
            Pricing::Class {
                capacity: 12,
                seat_addon: "SEAT-R".into(),
                addons_per_extra_attendee: 1,
                attendees_question: None,
                max_attendees: None,
            }
        );
        assert_eq!(
            seat.pricing,
            Pricing::Fixed {
                unit: "seat".into()
            }
        );
        assert_eq!(onsite.delivery.on_site, "one day.");
        assert_eq!(onsite.delivery.remote, "");
        assert_eq!(onsite.duration.summary, "On-site: one day.");
        let book = &import.catalog.price_books[0];
        assert_eq!(book.prices["WID-1"].price, Some(dec("7000")));
        assert_eq!(book.prices["WID-1-R"].price, Some(dec("5000")));
        assert!(book.travel.is_some());
    }

    #[test]
    fn texts_become_plain() {
        let import = sample();
        let onsite = &import.catalog.offerings[0];
        assert_eq!(onsite.summary, "Learn widgets & gadgets.");
        assert_eq!(onsite.description, "First paragraph.\n\nSecond paragraph.");
        assert_eq!(onsite.audience, vec!["Widget makers"]);
        assert_eq!(onsite.prerequisites.notes, vec!["Basic widget course"]);
        assert_eq!(import.catalog.offerings[1].summary, "WID-1 over video.");
        assert_eq!(
            warnings_for(&import, 0),
            vec![
                "short_desc, long_desc, target_audience, duration_desc: HTML removed: tags dropped, list items made `- ` lines, entities decoded"
            ]
        );
    }

    #[test]
    fn each_skipped_or_changed_entry_is_warned() {
        let import = sample();
        assert_eq!(
            warnings_for(&import, 1),
            vec!["price: `$5,000` read as 5000"]
        );
        assert!(warnings_for(&import, 2).is_empty());
        assert_eq!(
            warnings_for(&import, 3),
            vec!["sku: skipped: no SKU (`sku:` is empty — a `#TODO` comment in the file)"]
        );
        assert_eq!(
            warnings_for(&import, 4),
            vec!["price: price `TBD` is not an amount: priced as custom"]
        );
        assert_eq!(
            warnings_for(&import, 5),
            vec![
                "id: duplicate id `consult` (also entries[4], SKU ADV): kept because its SKU differs",
                "price: `14,400.50` read as 14400.5",
                "name: `Advice` is already the name of entries[4] (ADV): renamed `Advice (ADV-2)`",
            ]
        );
        assert_eq!(
            warnings_for(&import, 6),
            vec!["sku: skipped: SKU ADV was already imported from entries[4]"]
        );
        assert_eq!(
            warnings_for(&import, 7),
            vec!["entry: skipped: the entry is a text scalar, not a mapping of fields"]
        );
        assert_eq!(
            warnings_for(&import, 8),
            vec![
                "name: missing: used `nameless`",
                "category: missing: filed under Other",
                "short_desc: no short_desc or description: used the name as the summary",
            ]
        );
        let last = import.warnings.last().unwrap();
        assert_eq!(last.index, None);
        assert_eq!(last.field, "price_books[USD].travel");
    }

    #[test]
    fn unpriced_entries_are_custom() {
        let import = sample();
        let advice = &import.catalog.offerings[3];
        assert_eq!(advice.sale, SaleForm::CustomSow);
        assert!(matches!(advice.pricing, Pricing::Custom { .. }));
        assert!(!import.catalog.price_books[0].prices.contains_key("ADV"));
        assert_eq!(advice.delivery.modes, vec![DeliveryMode::Remote]);
    }

    #[test]
    fn missing_price_falls_back_to_price_desc_or_custom() {
        let yaml = "- id: a\n  name: A\n  category: Education\n  short_desc: A class.\n  sku: A\n  price_desc: <strong>Remote:</strong> $5,000<br/><strong>On-site:</strong> $7,000\n- id: a-r\n  name: A remote\n  category: Education\n  sku: A-R\n  price: 5000\n- id: b\n  name: B\n  category: Consulting\n  short_desc: Advice.\n  sku: B\n  price: \"\"\n  price_desc: Varies\n";
        let import = import_gitlab_services(yaml).unwrap();
        let book = &import.catalog.price_books[0];
        assert_eq!(book.prices["A"].price, Some(dec("7000")));
        assert!(!book.prices.contains_key("B"));
        assert_eq!(
            warnings_for(&import, 0),
            vec!["price: price missing: used the on-site amount $7,000 stated in price_desc"]
        );
        assert_eq!(
            warnings_for(&import, 2),
            vec!["price: price missing: priced as custom"]
        );
    }

    #[test]
    fn class_without_a_seat_addon_is_fixed() {
        let yaml = "- id: a\n  name: A\n  category: Education\n  description2: A class.\n  sku: A\n  price: 100\n  unit: session\n  class_size: Maximum 12 attendees.\n";
        let import = import_gitlab_services(yaml).unwrap();
        assert_eq!(
            import.catalog.offerings[0].pricing,
            Pricing::Fixed {
                unit: "session".into()
            }
        );
        assert_eq!(
            warnings_for(&import, 0),
            vec![
                "class_size: classes hold 12 attendees but the file has no seat add-on entry: priced fixed per session"
            ]
        );
    }

    #[test]
    fn warnings_display_on_one_line() {
        let import = sample();
        let shown: Vec<String> = import.warnings.iter().map(ToString::to_string).collect();
        assert!(shown.iter().all(|line| !line.contains('\n')));
        assert!(shown.contains(
            &"line 45, entries[4] `consult` (ADV): price: price `TBD` is not an amount: priced as custom"
                .to_string()
        ));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let error = import_gitlab_services("- id: [").unwrap_err();
        assert!(error.to_string().starts_with("line "), "{error}");
        assert!(
            error.to_string().contains("not readable as YAML"),
            "{error}"
        );
        let error = import_gitlab_services("id: a").unwrap_err();
        assert_eq!(
            error.to_string(),
            "expected a YAML list of services (`- id: …` entries), found a mapping"
        );
        assert_eq!(
            import_gitlab_services("[]").unwrap_err(),
            ImportError::NoEntries
        );
    }
}
