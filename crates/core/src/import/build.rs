//! From read entries to the catalog document: which entries become offerings, and how
//! each field maps.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::ImportWarning;
use super::entry::{Entry, Sku, TEXT_FIELDS};
use super::price::{
    ModePrices, PriceField, dollar_amounts, mode_prices, parse_amount, starts_on_site,
};
use crate::catalog::{
    CATALOG_FORMAT, CatalogData, Category, Delivery, DeliveryMode, LicenseTier, Offering,
    OfferingDuration, Prerequisites, PriceBook, PriceEntry, Pricing, Projection, SaleForm, Travel,
};
use crate::money::{RoundingMode, group_thousands};

/// Id of the imported catalog.
pub(crate) const CATALOG_ID: &str = "gitlab-services-import";

/// The entry the file uses for extra class seats.
const SEAT_ADDON_ID: &str = "training_sessions_seat_add-on";

/// Placeholder travel and expenses per traveler (USD): the source has none, but on-site
/// delivery is billed "plus travel expenses". Replace with real figures before quoting.
pub(crate) const PLACEHOLDER_TRAVEL_PER_TRIP: u32 = 1_500;
/// Placeholder per day on site (USD); see [`PLACEHOLDER_TRAVEL_PER_TRIP`].
pub(crate) const PLACEHOLDER_TRAVEL_PER_DAY: u32 = 400;

/// Builds the catalog from the entries, warning about every entry skipped or changed.
pub(crate) fn build_catalog(entries: &[Entry], warnings: &mut Vec<ImportWarning>) -> CatalogData {
    let selected = select(entries, warnings);
    let skus: BTreeSet<&str> = selected.iter().map(|(_, sku)| sku.as_str()).collect();
    let seat_addon = find_seat_addon(&selected);
    let mut offerings = Vec::new();
    let mut categories: Vec<Category> = Vec::new();
    let mut prices = BTreeMap::new();
    for (entry, sku) in &selected {
        let mut cx = Cx {
            entry,
            sku,
            skus: &skus,
            seat_addon: seat_addon.as_deref(),
            warnings,
            html_fields: Vec::new(),
        };
        let (offering, category, price) = cx.offering();
        if !categories.iter().any(|c| c.id == category.id) {
            categories.push(category);
        }
        if let Some(price) = price {
            prices.insert(sku.clone(), price);
        }
        offerings.push(offering);
    }
    rename_duplicate_names(&mut offerings, &selected, warnings);
    let travel = travel(&offerings, warnings);
    CatalogData {
        schema: None,
        format: CATALOG_FORMAT,
        id: CATALOG_ID.to_string(),
        projection: Projection::Full,
        name: "GitLab services (imported from services.yml)".to_string(),
        version: "imported".to_string(),
        publisher: "GitLab".to_string(),
        base_currency: "USD".to_string(),
        rounding: RoundingMode::default(),
        license_tiers: Vec::new(),
        license_question: None,
        license_minimum: None,
        categories,
        offerings,
        price_books: vec![PriceBook {
            currency: "USD".to_string(),
            conversion: None,
            prices,
            rate_card: BTreeMap::new(),
            travel,
        }],
        approvals: Vec::new(),
        questions: Vec::new(),
        recommendations: Vec::new(),
        migration_waves: None,
        plan: None,
        sow: None,
    }
}

/// Entries with a usable, not yet imported SKU, with that SKU.
fn select<'a>(entries: &'a [Entry], warnings: &mut Vec<ImportWarning>) -> Vec<(&'a Entry, String)> {
    let mut first_by_sku: BTreeMap<&str, &Entry> = BTreeMap::new();
    let mut first_by_id: BTreeMap<&str, &Entry> = BTreeMap::new();
    let mut selected = Vec::new();
    for entry in entries {
        let id = entry.at.id.as_deref();
        let earlier_same_id = id.and_then(|id| first_by_id.get(id).copied());
        if let Some(id) = id {
            first_by_id.entry(id).or_insert(entry);
        }
        let sku = match &entry.sku {
            Sku::Present(sku) => sku,
            missing => {
                warnings.push(entry.at.warning(None, "sku", skip_without_sku(missing)));
                continue;
            }
        };
        if let Some(first) = first_by_sku.get(sku.as_str()) {
            warnings.push(entry.at.warning(
                Some(sku),
                "sku",
                format!(
                    "skipped: SKU {sku} was already imported from entries[{}]",
                    first.at.index
                ),
            ));
            continue;
        }
        if let (Some(id), Some(first)) = (id, earlier_same_id) {
            let first_sku = match &first.sku {
                Sku::Present(sku) => format!("SKU {sku}"),
                _ => "no SKU".to_string(),
            };
            warnings.push(entry.at.warning(
                Some(sku),
                "id",
                format!(
                    "duplicate id `{id}` (also entries[{}], {first_sku}): kept because its SKU differs",
                    first.at.index
                ),
            ));
        }
        first_by_sku.insert(sku, entry);
        selected.push((entry, sku.clone()));
    }
    selected
}

fn skip_without_sku(sku: &Sku) -> String {
    match sku {
        Sku::Absent | Sku::Present(_) => "skipped: no SKU (no `sku:` key)".to_string(),
        Sku::Empty {
            comment: Some(comment),
        } => format!("skipped: no SKU (`sku:` is empty — a `{comment}` comment in the file)"),
        Sku::Empty { comment: None } => "skipped: no SKU (`sku:` is empty)".to_string(),
        Sku::NotText(what) => format!("skipped: no SKU (`sku:` holds {what})"),
    }
}

/// The seat add-on's SKU: the entry with the known id, else an education entry sold per seat.
fn find_seat_addon(selected: &[(&Entry, String)]) -> Option<String> {
    let by_id = selected
        .iter()
        .find(|(entry, _)| entry.at.id.as_deref() == Some(SEAT_ADDON_ID));
    let by_unit = || {
        selected.iter().find(|(entry, _)| {
            entry.unit.as_deref() == Some("seat")
                && entry.category.as_deref().map(slugify).as_deref() == Some("education")
        })
    };
    by_id.or_else(by_unit).map(|(_, sku)| sku.clone())
}

/// Building one offering: the entry, its SKU and what is known about the others.
struct Cx<'a, 'w> {
    entry: &'a Entry,
    sku: &'a str,
    skus: &'a BTreeSet<&'a str>,
    seat_addon: Option<&'a str>,
    warnings: &'w mut Vec<ImportWarning>,
    /// Text fields used whose HTML was removed.
    html_fields: Vec<&'static str>,
}

impl<'a> Cx<'a, '_> {
    fn warn(&mut self, field: &str, message: impl Into<String>) {
        self.warnings
            .push(self.entry.at.warning(Some(self.sku), field, message));
    }

    /// A text field's plain text, noting that it was used.
    fn take(&mut self, key: &'static str) -> Option<&'a str> {
        let entry: &'a Entry = self.entry;
        let text = entry.text(key)?;
        if text.had_html && !self.html_fields.contains(&key) {
            self.html_fields.push(key);
        }
        Some(text.text.as_str())
    }

    fn offering(&mut self) -> (Offering, Category, Option<PriceEntry>) {
        let entry = self.entry;
        let name = self.name();
        let category = self.category();
        let sibling = sibling_of(self.sku, self.skus);
        let mode = default_mode(entry, self.sku, &name, &category.id);
        let stated = entry
            .plain("price_desc")
            .map(mode_prices)
            .unwrap_or_default();
        let both_modes = sibling.is_none() && stated.remote.is_some() && stated.on_site.is_some();
        let modes = if both_modes {
            vec![mode, other_mode(mode)]
        } else {
            vec![mode]
        };
        let price = if both_modes {
            self.per_mode_price(stated)
        } else {
            self.single_price(mode, stated)
        };
        let pricing = self.pricing(&category.id, price.is_some());
        let long_desc = self.long_desc();
        let description = self.description(long_desc);
        let summary = self.summary(long_desc, &name);
        self.check_months(&name);
        let (audience, mut notes) = self.audience_and_prerequisites();
        notes.extend(entry.prereqs.iter().cloned());
        let license_tier = license_tier(entry);
        let (duration, remote, on_site) = self.duration_and_delivery(&modes);
        let on_site_days = match entry.duration {
            Some(days @ 1..=60) if modes.contains(&DeliveryMode::OnSite) => days,
            _ => 1,
        };
        if !self.html_fields.is_empty() {
            self.html_fields.sort_by_key(|field| {
                TEXT_FIELDS
                    .iter()
                    .position(|known| known == field)
                    .unwrap_or(usize::MAX)
            });
            let fields = self.html_fields.join(", ");
            self.warn(
                &fields,
                "HTML removed: tags dropped, list items made `- ` lines, entities decoded",
            );
        }
        let offering = Offering {
            sku: self.sku.to_string(),
            name,
            category: category.id.clone(),
            summary,
            description,
            audience,
            prerequisites: Prerequisites {
                notes,
                skus: Vec::new(),
                license_tier,
                recommended_license_tier: recommended_license_tier(entry),
            },
            delivery: Delivery {
                modes,
                remote,
                on_site,
                sibling,
                travelers: 1,
                on_site_days,
                on_site_days_question: None,
                on_site_hours_per_day: None,
            },
            duration,
            deliverables: entry.whats_included.clone(),
            sale: if price.is_some() {
                SaleForm::Standard
            } else {
                SaleForm::CustomSow
            },
            public: true,
            available_from: None,
            available_until: None,
            assumptions: Vec::new(),
            exclusions: Vec::new(),
            internal_notes: vec![source_note(entry)],
            includes: None,
            pricing,
            custom_sow_when: None,
        };
        (offering, category, price)
    }

    fn name(&mut self) -> String {
        if let Some(name) = &self.entry.name {
            return name.clone();
        }
        let fallback = self
            .entry
            .at
            .id
            .clone()
            .unwrap_or_else(|| self.sku.to_string());
        self.warn("name", format!("missing: used `{fallback}`"));
        fallback
    }

    fn category(&mut self) -> Category {
        let name = match &self.entry.category {
            Some(name) => name.clone(),
            None => {
                self.warn("category", "missing: filed under Other");
                "Other".to_string()
            }
        };
        Category {
            id: slugify(&name),
            name,
            description: String::new(),
        }
    }

    /// One SKU sold in both modes, at the amounts `price_desc` gives per mode.
    fn per_mode_price(&mut self, stated: ModePrices) -> Option<PriceEntry> {
        let (Some(remote), Some(on_site)) = (stated.remote, stated.on_site) else {
            return None;
        };
        let source = match &self.entry.price {
            PriceField::Amount { value, .. } if *value == on_site => {
                format!("`price: {value}` is the on-site amount")
            }
            PriceField::Amount { value, .. } if *value == remote => {
                format!("`price: {value}` is the remote amount")
            }
            PriceField::Amount { value, .. } => format!("`price: {value}` matches neither"),
            PriceField::Missing => "`price` is missing".to_string(),
            PriceField::Invalid(text) => format!("`price: {text}` is not an amount"),
        };
        self.warn(
            "price",
            format!(
                "price_desc gives remote ${} and on-site ${} and no other SKU covers the other mode: sold in both modes at those prices ({source})",
                group(remote),
                group(on_site)
            ),
        );
        Some(PriceEntry {
            remote: Some(remote),
            on_site: Some(on_site),
            ..PriceEntry::default()
        })
    }

    /// The `price:` amount, or failing that the amount `price_desc` states for the mode.
    fn single_price(&mut self, mode: DeliveryMode, stated: ModePrices) -> Option<PriceEntry> {
        let for_mode = match mode {
            DeliveryMode::Remote => stated.remote,
            DeliveryMode::OnSite => stated.on_site,
        };
        let stated_amount = for_mode.or_else(|| self.only_amount_in_price_desc());
        let amount = match &self.entry.price {
            PriceField::Amount { value, written } => {
                if let Some(written) = written {
                    self.warn("price", format!("`{written}` read as {value}"));
                }
                if let Some(stated) = stated_amount
                    && stated != *value
                {
                    self.warn(
                        "price",
                        format!(
                            "price {value} differs from the ${} in price_desc: kept {value}",
                            group(stated)
                        ),
                    );
                }
                Some(*value)
            }
            PriceField::Missing | PriceField::Invalid(_) => {
                let problem = match &self.entry.price {
                    PriceField::Invalid(text) => format!("price `{text}` is not an amount"),
                    _ => "price missing".to_string(),
                };
                match stated_amount {
                    Some(stated) => {
                        let label = match (for_mode, mode) {
                            (Some(_), DeliveryMode::Remote) => "the remote amount ",
                            (Some(_), DeliveryMode::OnSite) => "the on-site amount ",
                            (None, _) => "",
                        };
                        self.warn(
                            "price",
                            format!(
                                "{problem}: used {label}${} stated in price_desc",
                                group(stated)
                            ),
                        );
                        Some(stated)
                    }
                    None => {
                        self.warn("price", format!("{problem}: priced as custom"));
                        None
                    }
                }
            }
        };
        amount.map(|price| PriceEntry {
            price: Some(price),
            ..PriceEntry::default()
        })
    }

    fn only_amount_in_price_desc(&self) -> Option<Decimal> {
        let amounts: BTreeSet<Decimal> = dollar_amounts(self.entry.plain("price_desc")?)
            .into_iter()
            .collect();
        let mut iter = amounts.into_iter();
        match (iter.next(), iter.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    fn pricing(&mut self, category: &str, priced: bool) -> Pricing {
        if !priced {
            return Pricing::Custom {
                estimate_note: "services.yml gives no list price: estimate from the scope"
                    .to_string(),
            };
        }
        let unit = self
            .entry
            .unit
            .clone()
            .unwrap_or_else(|| "engagement".to_string());
        let is_seat_addon = self.seat_addon == Some(self.sku);
        let capacity = self.entry.plain("class_size").and_then(class_capacity);
        if let (Some(capacity), "education", false) = (capacity, category, is_seat_addon) {
            match self.seat_addon {
                Some(addon) => {
                    return Pricing::Class {
                        capacity,
                        seat_addon: addon.to_string(),
                        addons_per_extra_attendee: self
                            .entry
                            .plain("class_size")
                            .map_or(1, addons_per_extra_attendee),
                        attendees_question: None,
                        max_attendees: None,
                    };
                }
                None => self.warn(
                    "class_size",
                    format!(
                        "classes hold {capacity} attendees but the file has no seat add-on entry: priced fixed per {unit}"
                    ),
                ),
            }
        }
        Pricing::Fixed { unit }
    }

    /// `long_desc`, unless it is a placeholder (warned once).
    fn long_desc(&mut self) -> Option<&'a str> {
        let entry: &'a Entry = self.entry;
        let long = entry.plain("long_desc")?;
        if is_placeholder(long) {
            self.warn(
                "long_desc",
                format!("`{long}` looks like a placeholder: not used"),
            );
            return None;
        }
        Some(long)
    }

    fn description(&mut self, long_desc: Option<&'a str>) -> String {
        if long_desc.is_some() {
            return self.take("long_desc").unwrap_or_default().to_string();
        }
        self.take("summary")
            .or_else(|| self.take("description2"))
            .unwrap_or_default()
            .to_string()
    }

    fn summary(&mut self, long_desc: Option<&'a str>, name: &str) -> String {
        if let Some(short) = self.take("short_desc") {
            return one_line(short);
        }
        let mut keys: Vec<&'static str> = vec!["description2"];
        if long_desc.is_some() {
            keys.push("long_desc");
        }
        keys.extend(["summary", "subtitle"]);
        for key in keys {
            if let Some(text) = self.take(key) {
                let sentence = first_sentence(text);
                if !sentence.is_empty() {
                    return sentence;
                }
            }
        }
        self.warn(
            "short_desc",
            "no short_desc or description: used the name as the summary",
        );
        name.to_string()
    }

    /// Warns when a description contradicts the months in the name ("Dedicated Engineer -
    /// 6 Month" described as "for 12 months"); the text is kept as written.
    fn check_months(&mut self, name: &str) {
        let Some(&named) = months_in(name).first() else {
            return;
        };
        for key in ["short_desc", "long_desc", "description2"] {
            let said = self.entry.plain(key).map(months_in).unwrap_or_default();
            if let Some(months) = said.into_iter().find(|&m| m != named) {
                self.warn(
                    key,
                    format!(
                        "says {months} months but the name says {named}: kept as written, check the source"
                    ),
                );
            }
        }
    }

    /// Audience labels and prerequisite notes from `target_audience` (whose list often has
    /// a "Prerequisites" item) or `whos-this-for`.
    fn audience_and_prerequisites(&mut self) -> (Vec<String>, Vec<String>) {
        let Some(text) = self
            .take("target_audience")
            .or_else(|| self.take("whos-this-for"))
        else {
            return (Vec::new(), Vec::new());
        };
        if !text.lines().any(|line| line.trim_start().starts_with("- ")) {
            return (vec![one_line(text)], Vec::new());
        }
        let mut audience = Vec::new();
        let mut prerequisites = Vec::new();
        let mut in_prerequisites = false;
        for line in text.lines() {
            let top_level = !line.starts_with(' ');
            let item = line.trim_start();
            let item = item.strip_prefix("- ").unwrap_or(item).trim();
            if item.is_empty() {
                continue;
            }
            let lower = item.to_lowercase();
            if top_level {
                in_prerequisites = lower.starts_with("prerequisite");
                if in_prerequisites {
                    if let Some((_, rest)) = item.split_once(':')
                        && !rest.trim().is_empty()
                    {
                        prerequisites.push(rest.trim().to_string());
                    }
                } else if lower.contains("not appropriate") || lower.contains("not intended") {
                    prerequisites.push(item.to_string());
                } else {
                    audience.push(item.to_string());
                }
            } else if in_prerequisites {
                prerequisites.push(item.to_string());
            } else {
                audience.push(item.to_string());
            }
        }
        (audience, prerequisites)
    }

    /// The duration summary and, per mode offered, how delivery runs (`Remote: …` lines).
    fn duration_and_delivery(
        &mut self,
        modes: &[DeliveryMode],
    ) -> (OfferingDuration, String, String) {
        let entry: &'a Entry = self.entry;
        let mut remote = String::new();
        let mut on_site = String::new();
        let Some(text) = entry.plain("duration_desc") else {
            return (OfferingDuration::default(), remote, on_site);
        };
        if parse_amount(text).is_some() {
            let replacement = entry
                .plain("price_desc")
                .filter(|desc| dollar_amounts(desc).is_empty());
            let summary = match replacement {
                Some(desc) => {
                    self.warn(
                        "duration_desc",
                        format!(
                            "`{text}` is a price, not a duration (duration_desc and price_desc look swapped): used price_desc `{desc}` as the duration"
                        ),
                    );
                    self.take("price_desc");
                    one_line(desc)
                }
                None => {
                    self.warn(
                        "duration_desc",
                        format!("`{text}` is a price, not a duration: ignored"),
                    );
                    String::new()
                }
            };
            return (duration_summary(summary), remote, on_site);
        }
        if matches!(
            text.trim().to_lowercase().as_str(),
            "n/a" | "na" | "-" | "tbd"
        ) {
            return (OfferingDuration::default(), remote, on_site);
        }
        self.take("duration_desc");
        let mut kept = Vec::new();
        for line in text.lines() {
            let lower = line.trim().to_lowercase();
            if lower.starts_with("remote") && line.contains(':') {
                if modes.contains(&DeliveryMode::Remote) {
                    remote = after_label(line);
                    kept.push(line);
                }
            } else if starts_on_site(&lower) && line.contains(':') {
                if modes.contains(&DeliveryMode::OnSite) {
                    on_site = after_label(line);
                    kept.push(line);
                }
            } else {
                kept.push(line);
            }
        }
        let summary = if kept.is_empty() {
            one_line(text)
        } else {
            one_line(&kept.join("\n"))
        };
        (duration_summary(summary), remote, on_site)
    }
}

fn duration_summary(summary: String) -> OfferingDuration {
    OfferingDuration {
        summary,
        weeks: None,
        effort_days: None,
    }
}

/// The text after a `Label:` at the start of a line.
fn after_label(line: &str) -> String {
    match line.split_once(':') {
        Some((_, rest)) => rest.trim().to_string(),
        None => line.trim().to_string(),
    }
}

/// `X-R` and `X` are the same offering in its two modes when both exist.
fn sibling_of(sku: &str, skus: &BTreeSet<&str>) -> Option<String> {
    let other = match sku.strip_suffix("-R") {
        Some(base) => base.to_string(),
        None => format!("{sku}-R"),
    };
    skus.contains(other.as_str()).then_some(other)
}

/// Remote when the SKU ends `-R` or the name or descriptions say remote; on-site when they
/// say on-site; otherwise on-site for education and remote for everything else.
fn default_mode(entry: &Entry, sku: &str, name: &str, category: &str) -> DeliveryMode {
    let mut said = name.to_lowercase();
    for key in ["short_desc", "description2"] {
        if let Some(text) = entry.plain(key) {
            said.push(' ');
            said.push_str(&text.to_lowercase());
        }
    }
    if sku.ends_with("-R") || said.contains("remote") {
        DeliveryMode::Remote
    } else if ["on-site", "onsite", "on site", "at your site"]
        .iter()
        .any(|words| said.contains(words))
        || category == "education"
    {
        DeliveryMode::OnSite
    } else {
        DeliveryMode::Remote
    }
}

fn other_mode(mode: DeliveryMode) -> DeliveryMode {
    match mode {
        DeliveryMode::Remote => DeliveryMode::OnSite,
        DeliveryMode::OnSite => DeliveryMode::Remote,
    }
}

/// Ultimate when a description says the offering is for Ultimate customers only.
fn license_tier(entry: &Entry) -> Option<LicenseTier> {
    ["short_desc", "long_desc", "description2", "target_audience"]
        .iter()
        .filter_map(|key| entry.plain(key))
        .any(|text| text.to_lowercase().contains("ultimate customers only"))
        .then(|| LicenseTier::new("ultimate"))
}

/// Ultimate when a description recommends the offering for Ultimate customers (without
/// requiring it).
fn recommended_license_tier(entry: &Entry) -> Option<LicenseTier> {
    ["short_desc", "long_desc", "description2", "target_audience"]
        .iter()
        .filter_map(|key| entry.plain(key))
        .any(|text| {
            text.to_lowercase()
                .contains("recommended for customers with ultimate")
        })
        .then(|| LicenseTier::new("ultimate"))
}

/// Whole numbers in a text, in order.
fn numbers(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|digits| digits.parse().ok())
        .collect()
}

/// Numbers written before "month(s)": "for 12 months" → 12.
fn months_in(text: &str) -> Vec<u32> {
    let lower = text.to_lowercase();
    lower
        .match_indices("month")
        .filter_map(|(i, _)| {
            let before = lower.get(..i)?.trim_end();
            let digits: String = before
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.chars().rev().collect::<String>().parse().ok()
        })
        .collect()
}

/// "Maximum 12 attendees." → 12.
fn class_capacity(class_size: &str) -> Option<u32> {
    numbers(class_size)
        .into_iter()
        .find(|n| (1..=1000).contains(n))
}

/// "Order a quantity of 4 seats per additional attendee" → 4; otherwise 1.
fn addons_per_extra_attendee(class_size: &str) -> u32 {
    let lower = class_size.to_lowercase();
    ["per additional attendee", "per extra attendee"]
        .iter()
        .find_map(|phrase| lower.find(phrase))
        .and_then(|end| lower.get(..end))
        .and_then(|before| numbers(before).last().copied())
        .filter(|n| (1..=100).contains(n))
        .unwrap_or(1)
}

fn is_placeholder(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    lower.ends_with("long description")
        || lower.starts_with("lorem ipsum")
        || matches!(lower.as_str(), "tbd" | "todo" | "tba" | "n/a" | "-")
}

/// Category id from its name: `Education` → `education`, `Professional Services` →
/// `professional_services`.
pub(crate) fn slugify(name: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('_');
            }
            gap = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    if slug.is_empty() {
        "other".to_string()
    } else {
        slug
    }
}

/// All lines as one, whitespace collapsed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence of the first paragraph, as one line.
fn first_sentence(text: &str) -> String {
    let paragraph = text.split("\n\n").next().unwrap_or(text);
    let paragraph = paragraph
        .trim_start()
        .strip_prefix("- ")
        .unwrap_or(paragraph);
    let line = one_line(paragraph);
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at_end = chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        if matches!(c, '.' | '!' | '?') && at_end {
            return line.get(..i + c.len_utf8()).unwrap_or(&line).to_string();
        }
    }
    line
}

fn group(amount: Decimal) -> String {
    group_thousands(&amount.normalize().to_string())
}

fn source_note(entry: &Entry) -> String {
    let mut note = "Imported from services.yml".to_string();
    if let Some(id) = &entry.at.id {
        note.push_str(&format!(", entry `{id}`"));
    }
    if let Some(line) = entry.at.line {
        note.push_str(&format!(" (line {line})"));
    }
    note.push('.');
    note
}

/// Two entries with the same name (the second `Dedicated-12` is called like the first):
/// the later one gets its SKU appended.
fn rename_duplicate_names(
    offerings: &mut [Offering],
    selected: &[(&Entry, String)],
    warnings: &mut Vec<ImportWarning>,
) {
    let mut seen: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (offering, (entry, sku)) in offerings.iter_mut().zip(selected) {
        if let Some((index, first_sku)) = seen.get(&offering.name) {
            let renamed = format!("{} ({sku})", offering.name);
            warnings.push(entry.at.warning(
                Some(sku),
                "name",
                format!(
                    "`{}` is already the name of entries[{index}] ({first_sku}): renamed `{renamed}`",
                    offering.name
                ),
            ));
            offering.name = renamed;
        }
        seen.entry(offering.name.clone())
            .or_insert_with(|| (entry.at.index, sku.clone()));
    }
}

/// Placeholder travel figures when anything can be delivered on site.
fn travel(offerings: &[Offering], warnings: &mut Vec<ImportWarning>) -> Option<Travel> {
    let on_site: Vec<&str> = offerings
        .iter()
        .filter(|o| o.delivery.modes.contains(&DeliveryMode::OnSite))
        .map(|o| o.sku.as_str())
        .collect();
    if on_site.is_empty() {
        return None;
    }
    warnings.push(ImportWarning {
        index: None,
        id: None,
        sku: None,
        line: None,
        field: "price_books[USD].travel".to_string(),
        message: format!(
            "the source has no travel figures but {} offering(s) can be delivered on site ({}): placeholder USD {} per trip and USD {} per day on site, per traveler; replace before quoting",
            on_site.len(),
            on_site.join(", "),
            group_thousands(&PLACEHOLDER_TRAVEL_PER_TRIP.to_string()),
            group_thousands(&PLACEHOLDER_TRAVEL_PER_DAY.to_string()),
        ),
    });
    Some(Travel {
        per_trip: Decimal::from(PLACEHOLDER_TRAVEL_PER_TRIP),
        per_day: Decimal::from(PLACEHOLDER_TRAVEL_PER_DAY),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Education"), "education");
        assert_eq!(slugify(" Professional  Services "), "professional_services");
        assert_eq!(slugify("CI/CD & more"), "ci_cd_more");
        assert_eq!(slugify("???"), "other");
    }

    #[test]
    fn first_sentences() {
        assert_eq!(
            first_sentence("Get access to experts. We can help."),
            "Get access to experts."
        );
        assert_eq!(first_sentence("No full stop here"), "No full stop here");
        assert_eq!(
            first_sentence("Version 1.5 is out. Yes."),
            "Version 1.5 is out."
        );
        assert_eq!(
            first_sentence("- item one\n- item two"),
            "item one - item two"
        );
        assert_eq!(
            first_sentence("One\nline.\n\nSecond paragraph."),
            "One line."
        );
    }

    #[test]
    fn class_sizes() {
        assert_eq!(
            class_capacity("Maximum 12 attendees. Order this seat add-on."),
            Some(12)
        );
        assert_eq!(class_capacity("No limit"), None);
        assert_eq!(
            addons_per_extra_attendee(
                "Maximum 12 attendees per cohort. Order a quantity of 4 seats per additional attendee using this seat add-on"
            ),
            4
        );
        assert_eq!(addons_per_extra_attendee("Maximum 12 attendees."), 1);
    }

    #[test]
    fn siblings_pair_x_and_x_r() {
        let skus: BTreeSet<&str> = ["GL-BAS", "GL-BAS-R", "GL-SEC-R"].into_iter().collect();
        assert_eq!(sibling_of("GL-BAS", &skus).as_deref(), Some("GL-BAS-R"));
        assert_eq!(sibling_of("GL-BAS-R", &skus).as_deref(), Some("GL-BAS"));
        assert_eq!(sibling_of("GL-SEC-R", &skus), None);
    }

    #[test]
    fn months() {
        assert_eq!(months_in("Dedicated Engineer - 6 Month"), vec![6]);
        assert_eq!(months_in("for 12 months, then 3 months"), vec![12, 3]);
        assert_eq!(months_in("a month or two"), Vec::<u32>::new());
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder("health check long description"));
        assert!(is_placeholder("TBD"));
        assert!(!is_placeholder("A real description of the service."));
    }
}
