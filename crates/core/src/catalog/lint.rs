//! Catalog rules, checked all at once (see `lint`).
//!
//! Each area of the catalog (header, currencies, offerings, price books, approvals,
//! questions) has its own rules; every rule adds to the same list and none stops at the
//! first problem. Issues come back in file order: by line when the file has lines (TOML),
//! otherwise in the order of the document model.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use rust_decimal::Decimal;

use super::model::{
    AnswerValue, ApprovalTrigger, Axis, Band, CATALOG_FORMAT, CatalogData, Condition, DeliveryMode,
    Offering, PriceBook, PriceEntry, Pricing, Question, QuestionKind,
};
use super::source_map::SourceMap;
use crate::money::{Currency, group_thousands};

/// One broken rule, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintIssue {
    /// The file name given to the loader.
    pub file: String,
    /// 1-based line (TOML files only).
    pub line: Option<usize>,
    /// The offering's SKU, when the issue is inside one.
    pub offering: Option<String>,
    /// The field path, e.g. `offerings[3].pricing.seat_addon`.
    pub field: String,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
}

impl fmt::Display for LintIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(sku) = &self.offering {
            write!(f, ": offering {sku}")?;
        }
        write!(f, ": {}: {}", self.field, self.message)
    }
}

/// Every rule `data` breaks.
pub(crate) fn lint(data: &CatalogData, map: &SourceMap, file: &str) -> Vec<LintIssue> {
    let cx = Ctx::new(data);
    let mut out = Sink::new(map, file);
    header(&cx, &mut out);
    currencies(&cx, &mut out);
    duplicates(&cx, &mut out);
    for (index, offering) in data.offerings.iter().enumerate() {
        offering_rules(&cx, &mut out, index, offering);
    }
    prerequisite_cycles(&cx, &mut out);
    for (index, book) in data.price_books.iter().enumerate() {
        price_book(&cx, &mut out, index, book);
    }
    approvals(&cx, &mut out);
    questions(&cx, &mut out);
    out.finish()
}

// ---------------------------------------------------------------------------------------
// Shared context and the issue list
// ---------------------------------------------------------------------------------------

/// The catalog with lookups by id. With duplicate ids the first one wins.
struct Ctx<'a> {
    data: &'a CatalogData,
    skus: BTreeMap<&'a str, usize>,
    categories: BTreeSet<&'a str>,
    questions: BTreeMap<&'a str, &'a Question>,
}

impl<'a> Ctx<'a> {
    fn new(data: &'a CatalogData) -> Ctx<'a> {
        let mut skus = BTreeMap::new();
        for (index, offering) in data.offerings.iter().enumerate() {
            skus.entry(offering.sku.as_str()).or_insert(index);
        }
        let mut questions = BTreeMap::new();
        for question in &data.questions {
            questions.entry(question.id.as_str()).or_insert(question);
        }
        Ctx {
            data,
            skus,
            categories: data.categories.iter().map(|c| c.id.as_str()).collect(),
            questions,
        }
    }

    fn offering(&self, sku: &str) -> Option<(usize, &'a Offering)> {
        let index = *self.skus.get(sku)?;
        self.data.offerings.get(index).map(|o| (index, o))
    }

    fn has_sku(&self, sku: &str) -> bool {
        self.skus.contains_key(sku)
    }

    fn has_category(&self, id: &str) -> bool {
        self.categories.contains(id)
    }

    fn question(&self, id: &str) -> Option<&'a Question> {
        self.questions.get(id).copied()
    }

    /// Whether `index` is the first offering with its SKU (later duplicates are reported
    /// once, as duplicates, and otherwise skipped).
    fn is_first(&self, index: usize, offering: &Offering) -> bool {
        self.skus.get(offering.sku.as_str()) == Some(&index)
    }

    fn unknown_category(&self, id: &str) -> String {
        let known: Vec<&str> = self.data.categories.iter().map(|c| c.id.as_str()).collect();
        if known.is_empty() {
            format!(
                "unknown category {id:?} (the catalog defines no categories; add it under [[categories]])"
            )
        } else {
            format!(
                "unknown category {id:?} (categories are: {})",
                known.join(", ")
            )
        }
    }
}

fn unknown_sku(sku: &str) -> String {
    format!("unknown SKU {sku:?} (no offering has this SKU)")
}

fn unknown_question(id: &str) -> String {
    format!("unknown question {id:?} (no question has this id)")
}

/// Collects issues, each located by its field path.
struct Sink<'a> {
    map: &'a SourceMap,
    file: &'a str,
    issues: Vec<LintIssue>,
}

impl<'a> Sink<'a> {
    fn new(map: &'a SourceMap, file: &'a str) -> Sink<'a> {
        Sink {
            map,
            file,
            issues: Vec::new(),
        }
    }

    fn add(&mut self, offering: Option<&str>, field: String, message: String) {
        self.issues.push(LintIssue {
            file: self.file.to_string(),
            line: self.map.line(&field),
            offering: offering.filter(|sku| !sku.is_empty()).map(str::to_string),
            field,
            message,
        });
    }

    /// An issue outside any offering.
    fn at(&mut self, field: impl Into<String>, message: String) {
        self.add(None, field.into(), message);
    }

    /// An issue inside offering `index`; `field` is relative to it (`pricing.capacity`).
    fn offering(&mut self, index: usize, offering: &Offering, field: &str, message: String) {
        self.add(
            Some(&offering.sku),
            format!("offerings[{index}].{field}"),
            message,
        );
    }

    /// `offerings[3] (line 40)`, or just the path when the file has no lines.
    fn position(&self, path: &str) -> String {
        match self.map.line(path) {
            Some(line) => format!("{path} (line {line})"),
            None => path.to_string(),
        }
    }

    /// The issues in file order: by line, keeping rule order within a line. Issues
    /// without a line (whole-catalog problems) come first.
    fn finish(mut self) -> Vec<LintIssue> {
        self.issues.sort_by_key(|issue| issue.line);
        self.issues
    }
}

// ---------------------------------------------------------------------------------------
// Small formatting helpers
// ---------------------------------------------------------------------------------------

fn number(value: u64) -> String {
    group_thousands(&value.to_string())
}

/// `501–600`, or `501` when the range is one value.
fn range_label(from: u64, to: u64) -> String {
    if from == to {
        number(from)
    } else {
        Band { from, to: Some(to) }.label()
    }
}

/// `EUR`, `EUR and GBP`, `EUR, GBP and JPY`.
fn join_names(names: &[&str]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::WholeNumber => "whole_number",
        QuestionKind::YesNo => "yes_no",
        QuestionKind::SingleChoice => "single_choice",
        QuestionKind::MultipleChoice => "multiple_choice",
        QuestionKind::FreeText => "free_text",
    }
}

fn show_value(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Bool(flag) => flag.to_string(),
        AnswerValue::Number(n) => n.to_string(),
        AnswerValue::Text(text) => format!("{text:?}"),
    }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

// ---------------------------------------------------------------------------------------
// Rule 1: header
// ---------------------------------------------------------------------------------------

fn header(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let data = cx.data;
    if data.format != CATALOG_FORMAT {
        out.at(
            "format",
            format!(
                "format is {}, but this version of Scopecraft reads format {CATALOG_FORMAT}; \
                 set format = {CATALOG_FORMAT} after converting the file",
                data.format
            ),
        );
    }
    let required = [
        ("id", &data.id, "a stable identifier such as \"gitlab-ps\""),
        ("name", &data.name, "a display name"),
        (
            "version",
            &data.version,
            "the catalog's own version such as \"2022.11\"",
        ),
    ];
    for (field, value, expected) in required {
        if is_blank(value) {
            out.at(
                field,
                format!("{field} is empty; give the catalog {expected}"),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Rule 2: currencies
// ---------------------------------------------------------------------------------------

/// Reports `code` when it is not a known ISO 4217 code; returns whether it is known.
fn check_currency(out: &mut Sink<'_>, field: String, code: &str) -> bool {
    if Currency::from_code(code).is_some() {
        return true;
    }
    let upper = code.trim().to_ascii_uppercase();
    let message = if Currency::from_code(&upper).is_some() {
        format!("unknown currency {code:?}; write the ISO 4217 code in upper case: {upper:?}")
    } else {
        format!(
            "unknown currency {code:?} (expected a three-letter ISO 4217 code such as \"USD\" or \"EUR\")"
        )
    };
    out.at(field, message);
    false
}

fn currencies(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let data = cx.data;
    let base = data.base_currency.as_str();
    let base_known = check_currency(out, "base_currency".to_string(), base);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (b, book) in data.price_books.iter().enumerate() {
        let field = format!("price_books[{b}].currency");
        let code = book.currency.as_str();
        check_currency(out, field.clone(), code);
        if let Some(&first) = seen.get(code) {
            let message = format!(
                "a second price book for {code}: {} is already the {code} book; keep one book per currency",
                out.position(&format!("price_books[{first}]"))
            );
            out.at(field, message);
        } else {
            seen.insert(code, b);
        }
        if code == base && book.conversion.is_some() {
            out.at(
                format!("price_books[{b}].conversion"),
                format!(
                    "the {code} book is the base book (base_currency = {base:?}), so it must not \
                     have a conversion; the other books are converted from it"
                ),
            );
        }
    }
    if base_known && !seen.contains_key(base) {
        out.at(
            "base_currency",
            format!(
                "no price book for the base currency {base}; add a [[price_books]] with \
                 currency = {base:?} and no conversion"
            ),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Rule 3: duplicate and empty ids
// ---------------------------------------------------------------------------------------

/// `(first, repeat, id)` for every non-empty id that appears again, in order.
pub(crate) fn repeats<'s>(ids: impl IntoIterator<Item = &'s str>) -> Vec<(usize, usize, &'s str)> {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    let mut found = Vec::new();
    for (index, id) in ids.into_iter().enumerate() {
        if id.is_empty() {
            continue;
        }
        match first.get(id) {
            Some(&earlier) => found.push((earlier, index, id)),
            None => {
                first.insert(id, index);
            }
        }
    }
    found
}

/// Reports repeated ids of the list at `list` (`categories`), each item's id at `key`.
fn report_repeats<'s>(
    out: &mut Sink<'_>,
    list: &str,
    key: &str,
    what: &str,
    ids: impl IntoIterator<Item = &'s str>,
) {
    for (first, again, id) in repeats(ids) {
        let message = format!(
            "duplicate {what} {id:?}: {} and {} both use it; {what}s must be unique",
            out.position(&format!("{list}[{first}]")),
            out.position(&format!("{list}[{again}]")),
        );
        out.at(format!("{list}[{again}].{key}"), message);
    }
}

/// Reports empty ids of the list at `list`.
fn report_empty<'s>(
    out: &mut Sink<'_>,
    list: &str,
    what: &str,
    ids: impl IntoIterator<Item = &'s str>,
) {
    for (index, id) in ids.into_iter().enumerate() {
        if is_blank(id) {
            out.at(
                format!("{list}[{index}].id"),
                format!("the {what} id is empty; give it a unique id"),
            );
        }
    }
}

fn duplicates(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let data = cx.data;
    for (first, again, sku) in repeats(data.offerings.iter().map(|o| o.sku.as_str())) {
        let message = format!(
            "duplicate SKU {sku:?}: {} and {} both use it; SKUs must be unique",
            out.position(&format!("offerings[{first}]")),
            out.position(&format!("offerings[{again}]")),
        );
        out.add(Some(sku), format!("offerings[{again}].sku"), message);
    }
    let categories = || data.categories.iter().map(|c| c.id.as_str());
    report_empty(out, "categories", "category", categories());
    report_repeats(out, "categories", "id", "category id", categories());
    let questions = || data.questions.iter().map(|q| q.id.as_str());
    report_empty(out, "questions", "question", questions());
    report_repeats(out, "questions", "id", "question id", questions());
    let approvals = || data.approvals.iter().map(|a| a.id.as_str());
    report_empty(out, "approvals", "approval rule", approvals());
    report_repeats(out, "approvals", "id", "approval id", approvals());
    for (q, question) in data.questions.iter().enumerate() {
        let list = format!("questions[{q}].choices");
        let choices = || question.choices.iter().map(|c| c.id.as_str());
        report_empty(out, &list, "choice", choices());
        report_repeats(out, &list, "id", "choice id", choices());
    }
}

// ---------------------------------------------------------------------------------------
// Offerings: rules 4, 6, 7, 8 and 12
// ---------------------------------------------------------------------------------------

fn offering_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, index: usize, offering: &Offering) {
    offering_basics(out, index, offering);
    offering_references(cx, out, index, offering);
    delivery(cx, out, index, offering);
    pricing(cx, out, index, offering);
}

/// Rule 12: texts, dates and durations.
fn offering_basics(out: &mut Sink<'_>, i: usize, o: &Offering) {
    let texts = [
        ("sku", &o.sku, "a unique SKU such as \"GL-BAS-R\""),
        ("name", &o.name, "a display name"),
        (
            "summary",
            &o.summary,
            "one or two sentences for the catalog card",
        ),
    ];
    for (field, value, expected) in texts {
        if is_blank(value) {
            out.offering(i, o, field, format!("{field} is empty; add {expected}"));
        }
    }
    if let (Some(from), Some(until)) = (o.available_from, o.available_until)
        && until < from
    {
        out.offering(
            i,
            o,
            "available_until",
            format!(
                "available_until {until} is before available_from {from}, so the offering could \
                 never be sold; swap or correct the dates"
            ),
        );
    }
    let durations = [
        ("duration.weeks", o.duration.weeks),
        ("duration.effort_days", o.duration.effort_days),
    ];
    for (field, value) in durations {
        if let Some(value) = value
            && value.is_sign_negative()
            && !value.is_zero()
        {
            out.offering(
                i,
                o,
                field,
                format!("{field} is {value}; it must be 0 or more"),
            );
        }
    }
}

/// Rule 4: the offering's category and prerequisite SKUs exist.
fn offering_references(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering) {
    if !cx.has_category(&o.category) {
        out.offering(i, o, "category", cx.unknown_category(&o.category));
    }
    for (k, sku) in o.prerequisites.skus.iter().enumerate() {
        if !cx.has_sku(sku) {
            out.offering(i, o, &format!("prerequisites.skus[{k}]"), unknown_sku(sku));
        }
    }
}

/// Rule 6: delivery modes and siblings.
fn delivery(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering) {
    let modes = &o.delivery.modes;
    if modes.is_empty() {
        out.offering(
            i,
            o,
            "delivery.modes",
            "no delivery modes; list at least one of \"remote\" and \"on_site\"".to_string(),
        );
    }
    for (k, mode) in modes.iter().enumerate() {
        if modes.iter().take(k).any(|earlier| earlier == mode) {
            out.offering(
                i,
                o,
                &format!("delivery.modes[{k}]"),
                format!(
                    "{:?} is listed twice; list each delivery mode once",
                    mode.as_str()
                ),
            );
        }
    }
    if let Some(sibling) = &o.delivery.sibling {
        sibling_rules(cx, out, i, o, sibling);
    }
}

fn sibling_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering, sibling: &str) {
    let field = "delivery.sibling";
    if sibling == o.sku {
        out.offering(
            i,
            o,
            field,
            format!(
                "{sibling:?} names itself as its sibling; name the SKU of the same offering in \
                 the other delivery mode"
            ),
        );
        return;
    }
    let Some((j, other)) = cx.offering(sibling) else {
        out.offering(i, o, field, unknown_sku(sibling));
        return;
    };
    let mutual = other.delivery.sibling.as_deref() == Some(o.sku.as_str());
    match &other.delivery.sibling {
        _ if mutual => {}
        Some(back) => out.offering(
            i,
            o,
            field,
            format!(
                "sibling {sibling} names {back:?} as its sibling, not {:?}; siblings must name \
                 each other",
                o.sku
            ),
        ),
        None => out.offering(
            i,
            o,
            field,
            format!(
                "sibling {sibling} names no sibling; siblings must name each other (set \
                 delivery.sibling = {:?} on {sibling})",
                o.sku
            ),
        ),
    }
    let shared: Vec<&str> = o
        .delivery
        .modes
        .iter()
        .filter(|mode| other.delivery.modes.contains(mode))
        .map(|mode| mode.label())
        .collect();
    // A mutual pair is reported once, at the first of the two.
    if !shared.is_empty() && (!mutual || i < j) {
        out.offering(
            i,
            o,
            field,
            format!(
                "{} and its sibling {sibling} are both sold {}; siblings are one offering in two \
                 delivery modes, so their modes must differ",
                o.sku,
                join_names(&shared)
            ),
        );
    }
}

/// Rules 4, 7 and 8 for the pricing model's parameters.
fn pricing(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering) {
    match &o.pricing {
        Pricing::Class {
            capacity,
            seat_addon,
            addons_per_extra_attendee,
            attendees_question,
        } => {
            class_parameters(out, i, o, *capacity, *addons_per_extra_attendee);
            seat_addon_rules(cx, out, i, o, seat_addon);
            if let Some(id) = attendees_question {
                whole_number_reference(cx, out, i, o, "pricing.attendees_question", id);
            }
        }
        Pricing::Blocks {
            hours_per_block, ..
        } => {
            if *hours_per_block == 0 {
                out.offering(
                    i,
                    o,
                    "pricing.hours_per_block",
                    "hours_per_block is 0; a block must hold at least one hour (e.g. 48)"
                        .to_string(),
                );
            }
        }
        Pricing::Tiered {
            bands,
            min_quantity,
            max_quantity,
            ..
        } => tiered(out, i, o, bands, *min_quantity, *max_quantity),
        Pricing::RangeTable {
            rows,
            columns,
            add_ons,
        } => {
            axis(cx, out, i, o, "pricing.rows", rows);
            axis(cx, out, i, o, "pricing.columns", columns);
            for (k, add_on) in add_ons.iter().enumerate() {
                let path = format!("pricing.add_ons[{k}]");
                whole_number_reference(
                    cx,
                    out,
                    i,
                    o,
                    &format!("{path}.question"),
                    &add_on.question,
                );
                if add_on.per == 0 {
                    out.offering(
                        i,
                        o,
                        &format!("{path}.per"),
                        "per is 0; the add-on is charged per started group of `per`, so it must \
                         be at least 1"
                            .to_string(),
                    );
                }
            }
        }
        Pricing::PercentOfSubtotal {
            percent,
            categories,
        } => percent_parameters(cx, out, i, o, *percent, categories),
        Pricing::Fixed { .. } | Pricing::TimeAndMaterials { .. } | Pricing::Custom { .. } => {}
    }
}

fn class_parameters(out: &mut Sink<'_>, i: usize, o: &Offering, capacity: u32, addons: u32) {
    if capacity == 0 {
        out.offering(
            i,
            o,
            "pricing.capacity",
            "capacity is 0; a class must hold at least one attendee (e.g. 12)".to_string(),
        );
    }
    if addons == 0 {
        out.offering(
            i,
            o,
            "pricing.addons_per_extra_attendee",
            "addons_per_extra_attendee is 0; each attendee over capacity needs at least one seat \
             add-on (1, or 4 for a four-course cohort)"
                .to_string(),
        );
    }
}

fn seat_addon_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering, seat_addon: &str) {
    let field = "pricing.seat_addon";
    let Some((_, addon)) = cx.offering(seat_addon) else {
        out.offering(i, o, field, unknown_sku(seat_addon));
        return;
    };
    let message = match &addon.pricing {
        Pricing::Fixed { .. } => return,
        Pricing::Class { .. } if addon.sku == o.sku => "the class names itself as its seat \
             add-on; point seat_addon at a per-seat SKU priced fixed"
            .to_string(),
        Pricing::Class { .. } => format!(
            "seat add-on {seat_addon} is itself a class; the seat add-on must be a per-seat SKU \
             priced fixed"
        ),
        other => format!(
            "seat add-on {seat_addon} is priced {}; a seat add-on must be priced fixed (one price \
             per seat)",
            other.model_name()
        ),
    };
    out.offering(i, o, field, message);
}

/// Rule 4: a question the pricing reads must exist and be a whole number.
fn whole_number_reference(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    i: usize,
    o: &Offering,
    field: &str,
    id: &str,
) {
    match cx.question(id) {
        None => out.offering(i, o, field, unknown_question(id)),
        Some(question) if question.kind != QuestionKind::WholeNumber => out.offering(
            i,
            o,
            field,
            format!(
                "question {id:?} is {}; pricing can only count a whole_number question",
                kind_name(question.kind)
            ),
        ),
        Some(_) => {}
    }
}

fn axis(cx: &Ctx<'_>, out: &mut Sink<'_>, i: usize, o: &Offering, path: &str, axis: &Axis) {
    whole_number_reference(cx, out, i, o, &format!("{path}.question"), &axis.question);
    for (field, message) in band_problems(&format!("{path}.bands"), &axis.bands) {
        out.offering(i, o, &field, message);
    }
}

fn percent_parameters(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    i: usize,
    o: &Offering,
    percent: Decimal,
    categories: &[String],
) {
    if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        out.offering(
            i,
            o,
            "pricing.percent",
            format!("percent is {percent}; it must be between 0 and 100 (e.g. \"10\")"),
        );
    }
    for (k, category) in categories.iter().enumerate() {
        if !cx.has_category(category) {
            out.offering(
                i,
                o,
                &format!("pricing.categories[{k}]"),
                cx.unknown_category(category),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Rule 7: bands
// ---------------------------------------------------------------------------------------

/// What is wrong with a list of bands at `path`: `(field, message)` pairs. Bands must be
/// non-empty, each `from <= to`, contiguous without overlap or gap, and only the last may be
/// open-ended. Band numbers in messages are 1-based; paths are 0-based.
pub(crate) fn band_problems(path: &str, bands: &[Band]) -> Vec<(String, String)> {
    let Some(last) = bands.len().checked_sub(1) else {
        return vec![(
            path.to_string(),
            "no bands; add at least one, e.g. { from = 1, to = 500 }".to_string(),
        )];
    };
    let mut problems = Vec::new();
    for (k, band) in bands.iter().enumerate() {
        let n = k + 1;
        let message = match band.to {
            Some(to) if to < band.from => format!(
                "band {n} runs from {} down to {}; from must not be above to",
                number(band.from),
                number(to)
            ),
            None if k != last => format!(
                "band {n} ({}) is open-ended but is not the last band; only the last band may \
                 leave out \"to\"",
                band.label()
            ),
            _ => continue,
        };
        problems.push((format!("{path}[{k}]"), message));
    }
    for (k, pair) in bands.windows(2).enumerate() {
        if let [previous, next] = pair
            && let Some(message) = band_pair(previous, next, k + 1)
        {
            problems.push((format!("{path}[{}]", k + 1), message));
        }
    }
    problems
}

/// Whether band `n + 1` (`next`) continues band `n` (`previous`) without overlap or gap.
fn band_pair(previous: &Band, next: &Band, n: usize) -> Option<String> {
    let end = previous.to?; // an open-ended band in the middle is reported on its own
    if end < previous.from || next.to.is_some_and(|to| to < next.from) {
        return None; // an inverted band is reported on its own
    }
    let m = n + 1;
    let expected = end.checked_add(1);
    if Some(next.from) == expected {
        return None;
    }
    let hint = match expected {
        Some(start) => format!("; band {m} should start at {}", number(start)),
        None => String::new(),
    };
    if next.from > end {
        let gap = range_label(end.saturating_add(1), next.from.saturating_sub(1));
        return Some(format!(
            "gap between bands {n} and {m}: {gap} is in no band{hint}"
        ));
    }
    let low = next.from.max(previous.from);
    let high = next.to.map_or(end, |to| to.min(end));
    if low <= high {
        Some(format!(
            "bands {n} and {m} overlap at {}{hint}",
            range_label(low, high)
        ))
    } else {
        Some(format!(
            "band {m} ({}) comes before band {n} ({}); list bands in ascending order",
            next.label(),
            previous.label()
        ))
    }
}

/// Rule 7 for tiered pricing: bands plus their fit with `min_quantity`/`max_quantity`.
fn tiered(
    out: &mut Sink<'_>,
    i: usize,
    o: &Offering,
    bands: &[Band],
    min: Option<u64>,
    max: Option<u64>,
) {
    for (field, message) in band_problems("pricing.bands", bands) {
        out.offering(i, o, &field, message);
    }
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        out.offering(
            i,
            o,
            "pricing.max_quantity",
            format!(
                "max_quantity {} is below min_quantity {}; no quantity could be sold",
                number(max),
                number(min)
            ),
        );
    }
    let start = min.unwrap_or(1);
    if let Some(first) = bands.first()
        && first.from != start
    {
        let why = match min {
            Some(_) => format!("min_quantity is {}", number(start)),
            None => "min_quantity is not set, so sales start at 1".to_string(),
        };
        out.offering(
            i,
            o,
            "pricing.bands[0]",
            format!(
                "the first band starts at {}, but {why}; start the first band at {}",
                number(first.from),
                number(start)
            ),
        );
    }
    if let (Some(max), Some(last)) = (max, bands.last())
        && let Some(end) = last.to
        && end < max
        && end >= last.from
    {
        out.offering(
            i,
            o,
            &format!("pricing.bands[{}]", bands.len().saturating_sub(1)),
            format!(
                "the last band ends at {}, but max_quantity is {}, so {} would have no price; \
                 extend the last band to {} or leave out its \"to\"",
                number(end),
                number(max),
                range_label(end.saturating_add(1), max),
                number(max)
            ),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Rule 5: prerequisite cycles
// ---------------------------------------------------------------------------------------

/// Cycles in a directed graph given as adjacency lists, found by depth-first search from
/// each node in order. Each cycle is a node path that starts and ends at the same node
/// (`[a, b, a]`; a self-loop is `[a, a]`). Every graph with a cycle yields at least one.
pub(crate) fn find_cycles(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn set(marks: &mut [Mark], node: usize, mark: Mark) {
        if let Some(slot) = marks.get_mut(node) {
            *slot = mark;
        }
    }
    let mut marks = vec![Mark::New; edges.len()];
    let mut cycles = Vec::new();
    for start in 0..edges.len() {
        if marks.get(start) != Some(&Mark::New) {
            continue;
        }
        set(&mut marks, start, Mark::Open);
        // (node, index of the next edge to follow)
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(top) = path.last_mut() {
            let node = top.0;
            let target = edges.get(node).and_then(|e| e.get(top.1)).copied();
            top.1 += 1;
            match target {
                None => {
                    set(&mut marks, node, Mark::Done);
                    path.pop();
                }
                Some(next) => match marks.get(next) {
                    Some(Mark::New) => {
                        set(&mut marks, next, Mark::Open);
                        path.push((next, 0));
                    }
                    Some(Mark::Open) => {
                        let from = path.iter().position(|(n, _)| *n == next).unwrap_or(0);
                        let mut cycle: Vec<usize> =
                            path.iter().skip(from).map(|(n, _)| *n).collect();
                        cycle.push(next);
                        cycles.push(cycle);
                    }
                    _ => {}
                },
            }
        }
    }
    cycles
}

fn prerequisite_cycles(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let offerings = &cx.data.offerings;
    let edges: Vec<Vec<usize>> = offerings
        .iter()
        .map(|o| {
            o.prerequisites
                .skus
                .iter()
                .filter_map(|sku| cx.skus.get(sku.as_str()).copied())
                .collect()
        })
        .collect();
    for cycle in find_cycles(&edges) {
        let skus: Vec<&str> = cycle
            .iter()
            .filter_map(|&n| offerings.get(n))
            .map(|o| o.sku.as_str())
            .collect();
        let (Some(&start), Some(offering), Some(next)) = (
            cycle.first(),
            cycle.first().and_then(|&n| offerings.get(n)),
            skus.get(1),
        ) else {
            continue;
        };
        let path = skus.join(" → ");
        let field = match offering.prerequisites.skus.iter().position(|s| s == next) {
            Some(k) => format!("prerequisites.skus[{k}]"),
            None => "prerequisites.skus".to_string(),
        };
        let message = if skus.len() == 2 {
            format!(
                "{} requires itself ({path}); remove it from its own prerequisites",
                offering.sku
            )
        } else {
            format!("prerequisites form a cycle: {path}; remove one of these requirements")
        };
        out.offering(start, offering, &field, message);
    }
}

// ---------------------------------------------------------------------------------------
// Rule 9: price books
// ---------------------------------------------------------------------------------------

fn price_book(cx: &Ctx<'_>, out: &mut Sink<'_>, b: usize, book: &PriceBook) {
    conversion(cx, out, b, book);
    book_amounts(out, b, book);
    for (sku, entry) in &book.prices {
        price_entry(cx, out, b, sku, entry);
    }
    if book.conversion.is_none() {
        missing_prices(cx, out, b, book);
        rate_card_coverage(cx, out, b, book);
        travel_coverage(cx, out, b, book);
    }
}

fn conversion(cx: &Ctx<'_>, out: &mut Sink<'_>, b: usize, book: &PriceBook) {
    let Some(conversion) = &book.conversion else {
        return;
    };
    if conversion.rate <= Decimal::ZERO {
        out.at(
            format!("price_books[{b}].conversion.rate"),
            format!(
                "conversion rate is {}; it must be above 0 (units of {} per 1 {})",
                conversion.rate, book.currency, cx.data.base_currency
            ),
        );
    }
    if let Some(round_to) = conversion.round_to
        && round_to <= Decimal::ZERO
    {
        out.at(
            format!("price_books[{b}].conversion.round_to"),
            format!(
                "round_to is {round_to}; it must be above 0 (e.g. \"10\"), or left out to round \
                 to the currency's minor unit"
            ),
        );
    }
}

fn negative(out: &mut Sink<'_>, offering: Option<&str>, field: String, what: &str, value: Decimal) {
    if value < Decimal::ZERO {
        out.add(
            offering,
            field,
            format!("{what} is {value}; amounts must not be negative"),
        );
    }
}

/// Negative rate-card and travel amounts.
fn book_amounts(out: &mut Sink<'_>, b: usize, book: &PriceBook) {
    for (role, rate) in &book.rate_card {
        let path = format!("price_books[{b}].rate_card.{role}");
        negative(
            out,
            None,
            format!("{path}.bill"),
            &format!("the bill rate of {role}"),
            rate.bill,
        );
        if let Some(cost) = rate.cost {
            negative(
                out,
                None,
                format!("{path}.cost"),
                &format!("the cost rate of {role}"),
                cost,
            );
        }
    }
    if let Some(travel) = &book.travel {
        let path = format!("price_books[{b}].travel");
        negative(
            out,
            None,
            format!("{path}.per_trip"),
            "travel per_trip",
            travel.per_trip,
        );
        negative(
            out,
            None,
            format!("{path}.per_day"),
            "travel per_day",
            travel.per_day,
        );
    }
}

fn price_entry(cx: &Ctx<'_>, out: &mut Sink<'_>, b: usize, sku: &str, entry: &PriceEntry) {
    let path = format!("price_books[{b}].prices.{sku}");
    let Some((_, offering)) = cx.offering(sku) else {
        out.at(
            path,
            format!("{}; remove the entry or correct its SKU", unknown_sku(sku)),
        );
        return;
    };
    entry_amounts(out, &path, sku, entry);
    entry_shape(out, &path, offering, entry);
}

/// Negative amounts and inverted ranges in one entry.
fn entry_amounts(out: &mut Sink<'_>, path: &str, sku: &str, entry: &PriceEntry) {
    let single = [
        ("price", entry.price),
        ("remote", entry.remote),
        ("on_site", entry.on_site),
    ];
    for (field, value) in single {
        if let Some(value) = value {
            negative(out, Some(sku), format!("{path}.{field}"), field, value);
        }
    }
    for (k, &tier) in entry.tiers.iter().enumerate() {
        negative(
            out,
            Some(sku),
            format!("{path}.tiers[{k}]"),
            &format!("tier {}", k + 1),
            tier,
        );
    }
    for (r, row) in entry.table.iter().enumerate() {
        for (c, &[low, high]) in row.iter().enumerate() {
            let cell = format!("row {}, column {}", r + 1, c + 1);
            let field = format!("{path}.table[{r}][{c}]");
            negative(
                out,
                Some(sku),
                field.clone(),
                &format!("the low end of {cell}"),
                low,
            );
            negative(
                out,
                Some(sku),
                field.clone(),
                &format!("the high end of {cell}"),
                high,
            );
            if low > high {
                out.add(
                    Some(sku),
                    field,
                    format!(
                        "{cell}: low {low} is above high {high}; write each cell as [low, high]"
                    ),
                );
            }
        }
    }
    for (k, &amount) in entry.add_ons.iter().enumerate() {
        negative(
            out,
            Some(sku),
            format!("{path}.add_ons[{k}]"),
            &format!("add-on {}", k + 1),
            amount,
        );
    }
}

/// The fields an entry sets, by catalog name.
fn entry_fields(entry: &PriceEntry) -> Vec<&'static str> {
    [
        ("price", entry.price.is_some()),
        ("remote", entry.remote.is_some()),
        ("on_site", entry.on_site.is_some()),
        ("tiers", !entry.tiers.is_empty()),
        ("table", !entry.table.is_empty()),
        ("add_ons", !entry.add_ons.is_empty()),
    ]
    .into_iter()
    .filter_map(|(name, set)| set.then_some(name))
    .collect()
}

/// The entry fits the offering's pricing model.
fn entry_shape(out: &mut Sink<'_>, path: &str, offering: &Offering, entry: &PriceEntry) {
    let sku = offering.sku.as_str();
    let model = offering.pricing.model_name();
    let (allowed, expected): (&[&str], &str) = match &offering.pricing {
        Pricing::Fixed { .. } | Pricing::Class { .. } | Pricing::Blocks { .. } => (
            &["price", "remote", "on_site"],
            "give price (or remote and on_site when it is sold in both modes)",
        ),
        Pricing::Tiered { .. } => (&["tiers"], "give tiers, one unit price per band"),
        Pricing::RangeTable { .. } => (
            &["table", "add_ons"],
            "give table (one [low, high] per row and column band) and add_ons",
        ),
        Pricing::TimeAndMaterials { .. }
        | Pricing::PercentOfSubtotal { .. }
        | Pricing::Custom { .. } => {
            out.add(Some(sku), path.to_string(), nothing_to_price(offering));
            return;
        }
    };
    for field in entry_fields(entry) {
        if !allowed.contains(&field) {
            out.add(
                Some(sku),
                format!("{path}.{field}"),
                format!("{field} does not apply to {sku}, which is priced {model}; {expected}"),
            );
        }
    }
    match &offering.pricing {
        Pricing::Tiered { bands, .. } => tier_count(out, path, sku, entry, bands.len()),
        Pricing::RangeTable {
            rows,
            columns,
            add_ons,
        } => table_shape(out, path, sku, entry, rows, columns, add_ons.len()),
        _ => unit_price_shape(out, path, offering, entry),
    }
}

fn nothing_to_price(offering: &Offering) -> String {
    let why = match &offering.pricing {
        Pricing::TimeAndMaterials { .. } => "its hours are priced from the rate card",
        Pricing::PercentOfSubtotal { .. } => "it is a percentage of the other lines",
        _ => "it needs a custom estimate",
    };
    format!(
        "{} is priced {}, so there is nothing to price here ({why}); remove this entry",
        offering.sku,
        offering.pricing.model_name()
    )
}

fn sold_in_both_modes(offering: &Offering) -> bool {
    let modes = &offering.delivery.modes;
    modes.contains(&DeliveryMode::Remote) && modes.contains(&DeliveryMode::OnSite)
}

/// Fixed, class and blocks: `price`, or `remote` + `on_site` for an offering sold both ways.
fn unit_price_shape(out: &mut Sink<'_>, path: &str, offering: &Offering, entry: &PriceEntry) {
    let sku = offering.sku.as_str();
    let both = sold_in_both_modes(offering);
    let per_mode = entry.remote.is_some() || entry.on_site.is_some();
    let mode_field = if entry.remote.is_some() {
        "remote"
    } else {
        "on_site"
    };
    let (field, message) = match (entry.price.is_some(), per_mode) {
        (true, false) => return,
        (true, true) => (
            format!("{path}.{mode_field}"),
            format!(
                "{sku} has both price and remote/on_site amounts; give either one price or a remote and an on_site price"
            ),
        ),
        (false, false) if both => (
            path.to_string(),
            format!(
                "no price for {sku}; give price, or remote and on_site (it is sold in both modes)"
            ),
        ),
        (false, false) => (
            path.to_string(),
            format!("no price for {sku}; add price = \"…\""),
        ),
        (false, true) if !both => (
            format!("{path}.{mode_field}"),
            format!(
                "remote and on_site prices are only for offerings sold in both modes; {sku} is \
                 sold {} only, so give a single price",
                join_names(
                    &offering
                        .delivery
                        .modes
                        .iter()
                        .map(|m| m.label())
                        .collect::<Vec<_>>()
                )
            ),
        ),
        (false, true) => {
            let missing = if entry.remote.is_none() {
                "remote"
            } else if entry.on_site.is_none() {
                "on_site"
            } else {
                return;
            };
            (
                path.to_string(),
                format!(
                    "{sku} is sold in both modes but has no {missing} price; give both remote and on_site"
                ),
            )
        }
    };
    out.add(Some(sku), field, message);
}

fn tier_count(out: &mut Sink<'_>, path: &str, sku: &str, entry: &PriceEntry, bands: usize) {
    let tiers = entry.tiers.len();
    if tiers != bands {
        out.add(
            Some(sku),
            format!("{path}.tiers"),
            format!(
                "{tiers} tier price{} for {bands} band{}; give exactly one unit price per band of {sku}, in band order",
                if tiers == 1 { "" } else { "s" },
                if bands == 1 { "" } else { "s" },
            ),
        );
    }
}

fn table_shape(
    out: &mut Sink<'_>,
    path: &str,
    sku: &str,
    entry: &PriceEntry,
    rows: &Axis,
    columns: &Axis,
    add_ons: usize,
) {
    let (row_count, column_count) = (rows.bands.len(), columns.bands.len());
    if entry.table.len() != row_count {
        out.add(
            Some(sku),
            format!("{path}.table"),
            format!(
                "the table has {} rows, but {sku} has {row_count} row bands (question {:?}); give one row per band",
                entry.table.len(),
                rows.question
            ),
        );
    }
    for (r, row) in entry.table.iter().enumerate() {
        if row.len() != column_count {
            out.add(
                Some(sku),
                format!("{path}.table[{r}]"),
                format!(
                    "row {} has {} cells, but {sku} has {column_count} column bands (question {:?}); give one [low, high] per column band",
                    r + 1,
                    row.len(),
                    columns.question
                ),
            );
        }
    }
    if entry.add_ons.len() != add_ons {
        out.add(
            Some(sku),
            format!("{path}.add_ons"),
            format!(
                "{} add-on amounts, but {sku} has {add_ons} add-ons; give one amount per add-on, in order",
                entry.add_ons.len()
            ),
        );
    }
}

/// A book without a conversion lists every offering that needs a price.
fn missing_prices(cx: &Ctx<'_>, out: &mut Sink<'_>, b: usize, book: &PriceBook) {
    let hint = if book.currency == cx.data.base_currency {
        "add an entry under its prices"
    } else {
        "add an entry under its prices, or give the book a conversion from the base currency"
    };
    for (i, offering) in cx.data.offerings.iter().enumerate() {
        if cx.is_first(i, offering)
            && !offering.sku.is_empty()
            && offering.pricing.needs_price_entry()
            && !book.prices.contains_key(&offering.sku)
        {
            out.add(
                Some(&offering.sku),
                format!("price_books[{b}].prices"),
                format!(
                    "price book {} has no price for {}; {hint}",
                    book.currency, offering.sku
                ),
            );
        }
    }
}

/// Time-and-materials offerings need a rate card with the roles they list.
fn rate_card_coverage(cx: &Ctx<'_>, out: &mut Sink<'_>, b: usize, book: &PriceBook) {
    let field = format!("price_books[{b}].rate_card");
    for (i, offering) in cx.data.offerings.iter().enumerate() {
        let Pricing::TimeAndMaterials { roles } = &offering.pricing else {
            continue;
        };
        if !cx.is_first(i, offering) {
            continue;
        }
        if book.rate_card.is_empty() {
            out.add(
                Some(&offering.sku),
                field.clone(),
                format!(
                    "price book {} has no rate card, but {} is priced time and materials; add \
                     [price_books.rate_card.<role>] entries with a name and a bill rate",
                    book.currency, offering.sku
                ),
            );
            continue;
        }
        for role in roles {
            if !book.rate_card.contains_key(role) {
                out.add(
                    Some(&offering.sku),
                    field.clone(),
                    format!(
                        "the rate card of price book {} has no role {role:?}, which {} lists in \
                         pricing.roles; add the role or remove it from the offering",
                        book.currency, offering.sku
                    ),
                );
            }
        }
    }
}

/// Books without a conversion need travel when anything can be delivered on site.
fn travel_coverage(cx: &Ctx<'_>, out: &mut Sink<'_>, b: usize, book: &PriceBook) {
    if book.travel.is_some() {
        return;
    }
    let on_site: Vec<&str> = cx
        .data
        .offerings
        .iter()
        .filter(|o| o.delivery.modes.contains(&DeliveryMode::OnSite))
        .map(|o| o.sku.as_str())
        .collect();
    let Some(first) = on_site.first() else {
        return;
    };
    let who = match on_site.len() {
        1 => format!("{first} is"),
        n => format!("{first} and {} more are", n - 1),
    };
    out.at(
        format!("price_books[{b}]"),
        format!(
            "price book {} has no travel estimate, but {who} sold on site; add travel = {{ \
             per_trip = \"…\", per_day = \"…\" }}",
            book.currency
        ),
    );
}

// ---------------------------------------------------------------------------------------
// Rule 10: approval rules
// ---------------------------------------------------------------------------------------

fn approvals(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let data = cx.data;
    let unconverted: Vec<&str> = data
        .price_books
        .iter()
        .filter(|book| book.currency != data.base_currency && book.conversion.is_none())
        .map(|book| book.currency.as_str())
        .collect();
    for (a, rule) in data.approvals.iter().enumerate() {
        let field = format!("approvals[{a}].when");
        match &rule.when {
            ApprovalTrigger::LineDiscountPercentOver(percent) => {
                percent_threshold(out, &field, "line_discount_percent_over", *percent);
            }
            ApprovalTrigger::QuoteDiscountPercentOver(percent) => {
                percent_threshold(out, &field, "quote_discount_percent_over", *percent);
            }
            ApprovalTrigger::TotalHighOver(amount) => {
                total_threshold(out, &field, &data.base_currency, *amount, &unconverted);
            }
        }
        if is_blank(&rule.approver) {
            out.at(
                format!("approvals[{a}].approver"),
                "approver is empty; name who approves (e.g. \"Technical architect\")".to_string(),
            );
        }
        if is_blank(&rule.reason) {
            out.at(
                format!("approvals[{a}].reason"),
                "reason is empty; say why the approval is needed, in words the account executive understands".to_string(),
            );
        }
    }
}

fn percent_threshold(out: &mut Sink<'_>, field: &str, name: &str, percent: Decimal) {
    let message = if percent >= Decimal::ONE_HUNDRED {
        format!(
            "{name} is {percent}; a discount is never over 100%, so the rule can never fire; use \
             a threshold below 100"
        )
    } else if percent < Decimal::ZERO {
        format!(
            "{name} is {percent}; a threshold below 0 fires on every quote, even without a \
             discount; use a threshold from 0 up to below 100"
        )
    } else {
        return;
    };
    out.at(field, message);
}

fn total_threshold(
    out: &mut Sink<'_>,
    field: &str,
    base: &str,
    amount: Decimal,
    unconverted: &[&str],
) {
    if amount < Decimal::ZERO {
        out.at(
            field,
            format!(
                "total_high_over is {amount}; a negative amount fires on every quote; use an \
                 amount of 0 or more in {base}"
            ),
        );
    }
    if !unconverted.is_empty() {
        let (books, have, them) = if unconverted.len() == 1 {
            ("price book", "has", "that book")
        } else {
            ("price books", "have", "those books")
        };
        out.at(
            field,
            format!(
                "total_high_over is an amount in {base}, but {books} {} {have} no conversion, so \
                 the threshold cannot be converted into {} and the rule can never fire on such \
                 quotes; give {them} a conversion",
                join_names(unconverted),
                join_names(unconverted)
            ),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Rules 4 and 11: questions
// ---------------------------------------------------------------------------------------

fn questions(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    for (q, question) in cx.data.questions.iter().enumerate() {
        question_kind(out, q, question);
        let lists = [
            ("service_types", &question.service_types),
            ("required_for", &question.required_for),
        ];
        for (name, list) in lists {
            for (k, category) in list.iter().enumerate() {
                if !cx.has_category(category) {
                    out.at(
                        format!("questions[{q}].{name}[{k}]"),
                        cx.unknown_category(category),
                    );
                }
            }
        }
        if let Some(condition) = &question.shown_when {
            condition_rules(cx, out, &format!("questions[{q}].shown_when"), condition);
        }
    }
}

/// Rule 11: the fields each kind of question takes.
fn question_kind(out: &mut Sink<'_>, q: usize, question: &Question) {
    let kind = kind_name(question.kind);
    let field = |name: &str| format!("questions[{q}].{name}");
    match question.kind {
        QuestionKind::WholeNumber => number_limits(out, q, question),
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            let count = question.choices.len();
            if count < 2 {
                out.at(
                    field("choices"),
                    format!("a {kind} question needs at least two choices; it has {count}"),
                );
            }
        }
        QuestionKind::YesNo | QuestionKind::FreeText => {
            if !question.choices.is_empty() {
                out.at(
                    field("choices"),
                    format!(
                        "a {kind} question takes no choices; remove them or make it single_choice \
                         or multiple_choice"
                    ),
                );
            }
        }
    }
    if question.kind != QuestionKind::WholeNumber {
        let limits = [
            ("min", question.min.is_some()),
            ("max", question.max.is_some()),
            ("plausible", question.plausible.is_some()),
        ];
        for (name, set) in limits {
            if set {
                out.at(
                    field(name),
                    format!("{name} applies only to whole_number questions, and this one is {kind}; remove it"),
                );
            }
        }
    }
}

fn number_limits(out: &mut Sink<'_>, q: usize, question: &Question) {
    let (min, max) = (question.min, question.max);
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        out.at(
            format!("questions[{q}].max"),
            format!(
                "max {} is below min {}; no answer would be accepted",
                number(max),
                number(min)
            ),
        );
    }
    let Some(plausible) = question.plausible else {
        return;
    };
    let field = format!("questions[{q}].plausible");
    if let Some(to) = plausible.to
        && to < plausible.from
    {
        out.at(
            field,
            format!(
                "plausible runs from {} down to {}; from must not be above to",
                number(plausible.from),
                number(to)
            ),
        );
        return;
    }
    if let Some(min) = min
        && plausible.from < min
    {
        out.at(
            field.clone(),
            format!(
                "the plausible range {} starts below min {}",
                plausible.label(),
                number(min)
            ),
        );
    }
    if let Some(max) = max
        && plausible.to.is_none_or(|to| to > max)
    {
        out.at(
            field,
            format!(
                "the plausible range {} goes above max {}",
                plausible.label(),
                number(max)
            ),
        );
    }
}

/// The comparisons a condition makes, by catalog name.
fn comparisons(condition: &Condition) -> Vec<&'static str> {
    [
        ("answered", condition.answered.is_some()),
        ("eq", condition.eq.is_some()),
        ("ne", condition.ne.is_some()),
        ("in", !condition.one_of.is_empty()),
        ("includes", condition.includes.is_some()),
        ("lt", condition.lt.is_some()),
        ("lte", condition.lte.is_some()),
        ("gt", condition.gt.is_some()),
        ("gte", condition.gte.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, set)| set.then_some(name))
    .collect()
}

/// Rule 4 for conditions, recursively through `all`, `any` and `not`.
fn condition_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, path: &str, condition: &Condition) {
    for (k, sub) in condition.all.iter().enumerate() {
        condition_rules(cx, out, &format!("{path}.all[{k}]"), sub);
    }
    for (k, sub) in condition.any.iter().enumerate() {
        condition_rules(cx, out, &format!("{path}.any[{k}]"), sub);
    }
    if let Some(sub) = &condition.not {
        condition_rules(cx, out, &format!("{path}.not"), sub);
    }
    match &condition.question {
        None => {
            let used = comparisons(condition);
            if !used.is_empty() {
                out.at(
                    path,
                    format!(
                        "the condition compares an answer ({}) but names no question; add \
                         question = \"<question id>\"",
                        used.join(", ")
                    ),
                );
            }
        }
        Some(id) => match cx.question(id) {
            None => out.at(format!("{path}.question"), unknown_question(id)),
            Some(question) => condition_values(out, path, condition, question),
        },
    }
    if let Some(sku) = &condition.selected
        && !cx.has_sku(sku)
    {
        out.at(format!("{path}.selected"), unknown_sku(sku));
    }
    if let Some(category) = &condition.service_type
        && !cx.has_category(category)
    {
        out.at(
            format!("{path}.service_type"),
            cx.unknown_category(category),
        );
    }
}

/// The values compared fit the question: choice ids for choice questions, `true`/`false`
/// for yes/no, numbers for whole numbers.
fn condition_values(out: &mut Sink<'_>, path: &str, condition: &Condition, question: &Question) {
    let mut values: Vec<(String, &AnswerValue)> = Vec::new();
    values.extend(condition.eq.as_ref().map(|v| ("eq".to_string(), v)));
    values.extend(condition.ne.as_ref().map(|v| ("ne".to_string(), v)));
    values.extend(
        condition
            .one_of
            .iter()
            .enumerate()
            .map(|(k, v)| (format!("in[{k}]"), v)),
    );
    for (field, value) in values {
        if let Some(message) = value_problem(question, value) {
            out.at(format!("{path}.{field}"), message);
        }
    }
    let kind = kind_name(question.kind);
    if let Some(choice) = &condition.includes {
        let message = if question.kind != QuestionKind::MultipleChoice {
            Some(format!(
                "includes applies only to multiple_choice questions, but question {:?} is {kind}; use eq",
                question.id
            ))
        } else {
            value_problem(question, &AnswerValue::Text(choice.clone()))
        };
        if let Some(message) = message {
            out.at(format!("{path}.includes"), message);
        }
    }
    if question.kind != QuestionKind::WholeNumber {
        let numeric = [
            ("lt", condition.lt),
            ("lte", condition.lte),
            ("gt", condition.gt),
            ("gte", condition.gte),
        ];
        for (name, value) in numeric {
            if value.is_some() {
                out.at(
                    format!("{path}.{name}"),
                    format!(
                        "{name} compares whole numbers, but question {:?} is {kind}",
                        question.id
                    ),
                );
            }
        }
    }
}

fn value_problem(question: &Question, value: &AnswerValue) -> Option<String> {
    let id = &question.id;
    match (question.kind, value) {
        (QuestionKind::SingleChoice | QuestionKind::MultipleChoice, AnswerValue::Text(text))
            if question.choices.iter().any(|c| c.id == *text) =>
        {
            None
        }
        (QuestionKind::SingleChoice | QuestionKind::MultipleChoice, _) => {
            let ids: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
            Some(format!(
                "{} is not a choice of question {id:?} (its choices are: {})",
                show_value(value),
                ids.join(", ")
            ))
        }
        (QuestionKind::YesNo, AnswerValue::Bool(_))
        | (QuestionKind::WholeNumber, AnswerValue::Number(_))
        | (QuestionKind::FreeText, _) => None,
        (QuestionKind::YesNo, _) => Some(format!(
            "question {id:?} is yes_no, so compare with true or false, not {}",
            show_value(value)
        )),
        (QuestionKind::WholeNumber, _) => Some(format!(
            "question {id:?} is whole_number, so compare with a whole number, not {}",
            show_value(value)
        )),
    }
}
