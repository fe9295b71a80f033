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
    LicenseTier, MigrationWaves, Offering, PlanTemplate, PriceBook, PriceEntry, Pricing, Question,
    QuestionKind, RecommendationKind, RecommendationRule, RuleAdd,
};
use super::source_map::SourceMap;
use crate::limits;
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
    if data.offerings.is_empty() {
        out.at(
            "offerings",
            "the catalog has no offerings; add at least one [[offerings]]".to_string(),
        );
    }
    if data.offerings.len() > limits::MAX_OFFERINGS {
        out.at(
            "offerings",
            format!(
                "{} offerings; a catalog holds at most {}",
                number(data.offerings.len() as u64),
                number(limits::MAX_OFFERINGS as u64)
            ),
        );
    }
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
    license_question(&cx, &mut out);
    recommendations(&cx, &mut out);
    migration_waves(&cx, &mut out);
    plan(&cx, &mut out);
    sow(&cx, &mut out);
    labels(&cx, &mut out);
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
    let rules = || data.recommendations.iter().map(|r| r.id.as_str());
    report_empty(out, "recommendations", "recommendation rule", rules());
    report_repeats(out, "recommendations", "id", "recommendation id", rules());
    if let Some(plan) = &data.plan {
        let phases = || plan.phases.iter().map(|p| p.id.as_str());
        report_empty(out, "plan.phases", "plan phase", phases());
        report_repeats(out, "plan.phases", "id", "phase id", phases());
    }
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
    } else if conversion.rate > Decimal::from(limits::MAX_CONVERSION_RATE) {
        out.at(
            format!("price_books[{b}].conversion.rate"),
            format!(
                "conversion rate is {}; rates are limited to {} units of {} per 1 {}",
                conversion.rate,
                number(limits::MAX_CONVERSION_RATE),
                book.currency,
                cx.data.base_currency
            ),
        );
    }
    if let Some(round_to) = conversion.round_to
        && round_to > Decimal::from(limits::MAX_CATALOG_AMOUNT)
    {
        out.at(
            format!("price_books[{b}].conversion.round_to"),
            format!(
                "round_to is {round_to}; catalog amounts are limited to {}",
                number(limits::MAX_CATALOG_AMOUNT)
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

/// Amounts must be 0 or more and at most [`limits::MAX_CATALOG_AMOUNT`].
fn negative(out: &mut Sink<'_>, offering: Option<&str>, field: String, what: &str, value: Decimal) {
    if value < Decimal::ZERO {
        out.add(
            offering,
            field,
            format!("{what} is {value}; amounts must not be negative"),
        );
    } else if value > Decimal::from(limits::MAX_CATALOG_AMOUNT) {
        out.add(
            offering,
            field,
            format!(
                "{what} is {value}; catalog amounts are limited to {}",
                number(limits::MAX_CATALOG_AMOUNT)
            ),
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
    } else if amount > Decimal::from(limits::MAX_CATALOG_AMOUNT) {
        out.at(
            field,
            format!(
                "total_high_over is {amount}; catalog amounts are limited to {}",
                number(limits::MAX_CATALOG_AMOUNT)
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
        if let Some(condition) = &question.required_when {
            condition_rules(cx, out, &format!("questions[{q}].required_when"), condition);
            if question.required_for.is_empty() {
                out.at(
                    format!("questions[{q}].required_when"),
                    "required_when narrows required_for, which is empty, so the question is \
                     never required; add the service types to required_for"
                        .to_string(),
                );
            }
        }
        match question.max_length {
            Some(_) if question.kind != QuestionKind::FreeText => out.at(
                format!("questions[{q}].max_length"),
                format!(
                    "max_length applies only to free_text questions, and this one is {}; remove it",
                    kind_name(question.kind)
                ),
            ),
            Some(0) => out.at(
                format!("questions[{q}].max_length"),
                "max_length is 0, so no answer would be accepted; give a length such as 200"
                    .to_string(),
            ),
            _ => {}
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
    if let Some(message) = never_holds(cx, condition) {
        out.at(path, message);
    }
}

/// A reason the tests on one question, made together by a condition and its plain `all`
/// members, can never all hold: a whole-number range no answer falls in, two different
/// required values, or "unanswered" together with a comparison. Only what is cheap to see.
fn never_holds(cx: &Ctx<'_>, condition: &Condition) -> Option<String> {
    let plain = |c: &Condition| c.all.is_empty() && c.any.is_empty() && c.not.is_none();
    let mut by_question: BTreeMap<&str, Vec<&Condition>> = BTreeMap::new();
    for test in std::iter::once(condition).chain(condition.all.iter().filter(|c| plain(c))) {
        if let Some(id) = &test.question {
            by_question.entry(id.as_str()).or_default().push(test);
        }
    }
    for (id, tests) in by_question {
        let Some(question) = cx.question(id) else {
            continue;
        };
        let unanswered = tests.iter().any(|t| t.answered == Some(false));
        let compared = tests
            .iter()
            .any(|t| comparisons(t).iter().any(|c| *c != "answered"));
        if unanswered && compared {
            return Some(format!(
                "this condition can never hold: it requires {id:?} to be unanswered and also compares its answer"
            ));
        }
        if tests.iter().any(|t| t.answered == Some(true)) && unanswered {
            return Some(format!(
                "this condition can never hold: it requires {id:?} to be both answered and unanswered"
            ));
        }
        let message = if question.kind == QuestionKind::WholeNumber {
            number_contradiction(question, &tests)
        } else {
            value_contradiction(&tests)
        };
        if let Some(message) = message {
            return Some(format!(
                "this condition can never hold: no answer to {id:?} {message}"
            ));
        }
    }
    None
}

fn number_contradiction(question: &Question, tests: &[&Condition]) -> Option<String> {
    let mut low = question.min.unwrap_or(0);
    let mut high = question.max.unwrap_or(u64::MAX);
    let mut words: Vec<String> = Vec::new();
    for test in tests {
        if let Some(lt) = test.lt {
            words.push(format!("below {}", number(lt)));
            match lt.checked_sub(1) {
                Some(h) => high = high.min(h),
                None => return Some(format!("is below {}", number(lt))),
            }
        }
        if let Some(lte) = test.lte {
            words.push(format!("at most {}", number(lte)));
            high = high.min(lte);
        }
        if let Some(gt) = test.gt {
            words.push(format!("above {}", number(gt)));
            match gt.checked_add(1) {
                Some(l) => low = low.max(l),
                None => return Some(format!("is above {}", number(gt))),
            }
        }
        if let Some(gte) = test.gte {
            words.push(format!("at least {}", number(gte)));
            low = low.max(gte);
        }
        if let Some(AnswerValue::Number(n)) = test.eq {
            words.push(format!("equal to {}", number(n)));
            low = low.max(n);
            high = high.min(n);
        }
        let listed: Vec<u64> = test
            .one_of
            .iter()
            .filter_map(|v| match v {
                AnswerValue::Number(n) => Some(*n),
                _ => None,
            })
            .collect();
        if let (Some(least), Some(most)) = (listed.iter().min(), listed.iter().max()) {
            words.push(format!(
                "one of {}",
                listed
                    .iter()
                    .map(|n| number(*n))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            low = low.max(*least);
            high = high.min(*most);
        }
    }
    if low <= high {
        return None;
    }
    let mut limits = Vec::new();
    if let Some(min) = question.min {
        limits.push(format!("min {}", number(min)));
    }
    if let Some(max) = question.max {
        limits.push(format!("max {}", number(max)));
    }
    let limits = if limits.is_empty() {
        String::new()
    } else {
        format!(" (the question accepts {})", limits.join(", "))
    };
    let words = if words.is_empty() {
        "fits".to_string()
    } else {
        format!(
            "is {}",
            join_names(&words.iter().map(String::as_str).collect::<Vec<_>>())
        )
    };
    Some(format!("{words}{limits}"))
}

fn value_contradiction(tests: &[&Condition]) -> Option<String> {
    let equal: Vec<&AnswerValue> = tests.iter().filter_map(|t| t.eq.as_ref()).collect();
    if let Some(first) = equal.first()
        && let Some(other) = equal.iter().find(|v| *v != first)
    {
        return Some(format!(
            "equals both {} and {}",
            show_value(first),
            show_value(other)
        ));
    }
    if let Some(value) = equal.first() {
        if tests.iter().any(|t| t.ne.as_ref() == Some(*value)) {
            return Some(format!(
                "both equals and differs from {}",
                show_value(value)
            ));
        }
        if tests
            .iter()
            .any(|t| !t.one_of.is_empty() && !t.one_of.contains(value))
        {
            return Some(format!(
                "equals {} and is also one of a list without it",
                show_value(value)
            ));
        }
    }
    None
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

// ---------------------------------------------------------------------------------------
// Rule 13: scoping (licence question, recommendation rules, migration waves, plan)
// ---------------------------------------------------------------------------------------

/// A question a scoping rule reads must exist and be of `kind`.
fn question_of_kind(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    field: String,
    id: &str,
    kind: QuestionKind,
    purpose: &str,
) -> Option<&'static str> {
    match cx.question(id) {
        None => {
            out.at(field, unknown_question(id));
            Some("unknown")
        }
        Some(question) if question.kind != kind => {
            out.at(
                field,
                format!(
                    "question {id:?} is {}, but {purpose} needs a {} question",
                    kind_name(question.kind),
                    kind_name(kind)
                ),
            );
            Some("kind")
        }
        Some(_) => None,
    }
}

fn license_question(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(id) = &cx.data.license_question else {
        return;
    };
    let field = "license_question";
    if question_of_kind(
        cx,
        out,
        field.to_string(),
        id,
        QuestionKind::SingleChoice,
        "the licence tier",
    )
    .is_some()
    {
        return;
    }
    if let Some(question) = cx.question(id) {
        let wrong: Vec<&str> = question
            .choices
            .iter()
            .map(|c| c.id.as_str())
            .filter(|c| LicenseTier::parse(c).is_none())
            .collect();
        if !wrong.is_empty() {
            out.at(
                field,
                format!(
                    "{} of question {id:?} {}; the choices must be free, premium and ultimate",
                    choice_words(&wrong),
                    if wrong.len() == 1 {
                        "is not a licence tier"
                    } else {
                        "are not licence tiers"
                    }
                ),
            );
        }
    }
}

fn recommendations(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let rules = &cx.data.recommendations;
    for (r, rule) in rules.iter().enumerate() {
        let path = format!("recommendations[{r}]");
        if let Some(category) = &rule.service_type
            && !cx.has_category(category)
        {
            out.at(
                format!("{path}.service_type"),
                cx.unknown_category(category),
            );
        }
        condition_rules(cx, out, &format!("{path}.when"), &rule.when);
        reason_rules(cx, out, &path, &rule.reason);
        match rule.kind {
            RecommendationKind::Add if rule.add.is_empty() => out.at(
                format!("{path}.add"),
                "a rule of kind \"add\" needs at least one offering in add, e.g. add = [{ sku = \"GL-IMPL-QS\" }]".to_string(),
            ),
            RecommendationKind::Warning | RecommendationKind::Note => {
                let kind = if rule.kind == RecommendationKind::Warning {
                    "warning"
                } else {
                    "note"
                };
                for (name, set) in [
                    ("add", !rule.add.is_empty()),
                    ("instead_of", !rule.instead_of.is_empty()),
                    ("alternative_to", rule.alternative_to.is_some()),
                ] {
                    if set {
                        out.at(
                            format!("{path}.{name}"),
                            format!("{name} applies only to rules of kind \"add\", and this one is a {kind}; remove it or change the kind"),
                        );
                    }
                }
            }
            RecommendationKind::Add => {}
        }
        for (k, add) in rule.add.iter().enumerate() {
            rule_add(cx, out, &format!("{path}.add[{k}]"), add);
        }
        for (k, sku) in rule.instead_of.iter().enumerate() {
            if !cx.has_sku(sku) {
                out.at(format!("{path}.instead_of[{k}]"), unknown_sku(sku));
            }
        }
        if let Some(other) = &rule.alternative_to {
            alternative(out, &path, rule, rules, other);
        }
        if let Some(days) = rule.effort_days
            && days.to.is_some_and(|to| to < days.from)
        {
            out.at(
                format!("{path}.effort_days"),
                format!(
                    "effort_days runs from {} down to {}; from must not be above to",
                    number(days.from),
                    number(days.to.unwrap_or_default())
                ),
            );
        }
    }
}

/// A reason must say something, and `{…}` placeholders must name questions.
fn reason_rules(cx: &Ctx<'_>, out: &mut Sink<'_>, path: &str, reason: &str) {
    if is_blank(reason) {
        out.at(
            format!("{path}.reason"),
            "reason is empty; say why, in words the account executive and the customer understand"
                .to_string(),
        );
    }
    let mut rest = reason;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('}') else {
            break;
        };
        let inner = after.get(..close).unwrap_or("");
        if !inner.is_empty() && !inner.contains(char::is_whitespace) && cx.question(inner).is_none()
        {
            out.at(
                format!("{path}.reason"),
                format!(
                    "{{{inner}}} names no question; placeholders are replaced by the answer to the question with that id"
                ),
            );
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
}

fn alternative(
    out: &mut Sink<'_>,
    path: &str,
    rule: &RecommendationRule,
    rules: &[RecommendationRule],
    other: &str,
) {
    let field = format!("{path}.alternative_to");
    if other == rule.id {
        out.at(
            field,
            format!("{other:?} names the rule itself; name the rule this one is an alternative to"),
        );
        return;
    }
    match rules.iter().find(|r| r.id == other) {
        None => out.at(
            field,
            format!("unknown recommendation {other:?} (no rule has this id)"),
        ),
        Some(target) if target.kind != RecommendationKind::Add => out.at(
            field,
            format!(
                "{other:?} is not a rule of kind \"add\", so there is nothing to choose between"
            ),
        ),
        Some(_) => {}
    }
}

/// One offering a rule suggests: it exists, and its fields fit its pricing and delivery.
fn rule_add(cx: &Ctx<'_>, out: &mut Sink<'_>, path: &str, add: &RuleAdd) {
    for (name, id) in [
        ("quantity_from", &add.quantity_from),
        ("attendees_from", &add.attendees_from),
    ] {
        if let Some(id) = id {
            question_of_kind(
                cx,
                out,
                format!("{path}.{name}"),
                id,
                QuestionKind::WholeNumber,
                name,
            );
        }
    }
    if let Some(id) = &add.delivery_from {
        delivery_question(cx, out, &format!("{path}.delivery_from"), id);
    }
    for (a, b, set) in [
        (
            "quantity",
            "quantity_from",
            add.quantity.is_some() && add.quantity_from.is_some(),
        ),
        (
            "delivery",
            "delivery_from",
            add.delivery.is_some() && add.delivery_from.is_some(),
        ),
    ] {
        if set {
            out.at(format!("{path}.{b}"), format!("give {a} or {b}, not both"));
        }
    }
    let Some((_, offering)) = cx.offering(&add.sku) else {
        out.at(format!("{path}.sku"), unknown_sku(&add.sku));
        return;
    };
    let model = offering.pricing.model_name();
    if add.attendees_from.is_some() && !matches!(offering.pricing, Pricing::Class { .. }) {
        out.at(
            format!("{path}.attendees_from"),
            format!(
                "attendees_from applies only to classes, and {} is priced {model}",
                offering.sku
            ),
        );
    }
    let unit_sold = !matches!(
        offering.pricing,
        Pricing::RangeTable { .. }
            | Pricing::TimeAndMaterials { .. }
            | Pricing::PercentOfSubtotal { .. }
    );
    if (add.quantity.is_some() || add.quantity_from.is_some()) && !unit_sold {
        out.at(
            format!("{path}.quantity"),
            format!(
                "{} is priced {model}, which takes no quantity; remove it",
                offering.sku
            ),
        );
    }
    if add.quantity == Some(0) {
        out.at(
            format!("{path}.quantity"),
            "quantity is 0; suggest at least 1".to_string(),
        );
    }
    if let Some(mode) = add.delivery {
        let sibling_has = offering
            .delivery
            .sibling
            .as_deref()
            .and_then(|s| cx.offering(s))
            .is_some_and(|(_, s)| s.delivery.modes.contains(&mode));
        if !offering.delivery.modes.contains(&mode) && !sibling_has {
            out.at(
                format!("{path}.delivery"),
                format!(
                    "{} is not sold {}, and has no sibling that is",
                    offering.sku,
                    mode.label()
                ),
            );
        }
    }
}

/// A question that picks a delivery mode: single choice, choices `remote` and `on_site`.
fn delivery_question(cx: &Ctx<'_>, out: &mut Sink<'_>, field: &str, id: &str) {
    if question_of_kind(
        cx,
        out,
        field.to_string(),
        id,
        QuestionKind::SingleChoice,
        "delivery_from",
    )
    .is_some()
    {
        return;
    }
    if let Some(question) = cx.question(id) {
        let wrong: Vec<&str> = question
            .choices
            .iter()
            .map(|c| c.id.as_str())
            .filter(|c| !matches!(*c, "remote" | "on_site"))
            .collect();
        if !wrong.is_empty() {
            out.at(
                field,
                format!(
                    "{} of question {id:?} {}; delivery_from needs a question whose choices are \"remote\" and \"on_site\"",
                    choice_words(&wrong),
                    if wrong.len() == 1 {
                        "is not a delivery mode"
                    } else {
                        "are not delivery modes"
                    }
                ),
            );
        }
    }
}

/// `choice "a"`, `choices "a" and "b"`.
fn choice_words(ids: &[&str]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("{id:?}")).collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    format!(
        "choice{} {}",
        if ids.len() == 1 { "" } else { "s" },
        join_names(&quoted)
    )
}

fn migration_waves(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(waves) = &cx.data.migration_waves else {
        return;
    };
    let path = "migration_waves";
    let source_ok = question_of_kind(
        cx,
        out,
        format!("{path}.source_question"),
        &waves.source_question,
        QuestionKind::SingleChoice,
        "the wave source",
    )
    .is_none();
    let destination_ok = question_of_kind(
        cx,
        out,
        format!("{path}.destination_question"),
        &waves.destination_question,
        QuestionKind::SingleChoice,
        "the wave destination",
    )
    .is_none();
    question_of_kind(
        cx,
        out,
        format!("{path}.projects_question"),
        &waves.projects_question,
        QuestionKind::WholeNumber,
        "the project count",
    );
    if waves.weeks_per_wave <= Decimal::ZERO {
        out.at(
            format!("{path}.weeks_per_wave"),
            format!(
                "weeks_per_wave is {}; a wave takes some time, e.g. \"1\"",
                waves.weeks_per_wave
            ),
        );
    }
    if let Some(phase) = &waves.phase {
        let known = cx
            .data
            .plan
            .as_ref()
            .is_some_and(|p| p.phases.iter().any(|ph| ph.id == *phase));
        if !known {
            out.at(
                format!("{path}.phase"),
                format!("unknown plan phase {phase:?} (no [[plan.phases]] has this id)"),
            );
        }
    }
    if waves.sizes.is_empty() {
        out.at(
            path,
            "no wave sizes; add [[migration_waves.sizes]] entries".to_string(),
        );
    }
    wave_sizes(cx, out, waves, source_ok, destination_ok);
}

fn wave_sizes(
    cx: &Ctx<'_>,
    out: &mut Sink<'_>,
    waves: &MigrationWaves,
    source_ok: bool,
    destination_ok: bool,
) {
    let choice_problem = |question: &str, value: &str| {
        cx.question(question)
            .and_then(|q| value_problem(q, &AnswerValue::Text(value.to_string())))
    };
    for (k, size) in waves.sizes.iter().enumerate() {
        let path = format!("migration_waves.sizes[{k}]");
        if source_ok
            && let Some(source) = &size.source
            && let Some(message) = choice_problem(&waves.source_question, source)
        {
            out.at(format!("{path}.source"), message);
        }
        if destination_ok
            && let Some(message) = choice_problem(&waves.destination_question, &size.destination)
        {
            out.at(format!("{path}.destination"), message);
        }
        let band = size.projects_per_wave;
        let message = match band.to {
            None => Some(
                "projects_per_wave needs a `to` (the largest wave), e.g. { from = 200, to = 300 }"
                    .to_string(),
            ),
            Some(_) if band.from == 0 => {
                Some("projects_per_wave starts at 0; a wave moves at least one project".to_string())
            }
            Some(to) if to < band.from => Some(format!(
                "projects_per_wave runs from {} down to {}; from must not be above to",
                number(band.from),
                number(to)
            )),
            Some(_) => None,
        };
        if let Some(message) = message {
            out.at(format!("{path}.projects_per_wave"), message);
        }
        let shadow = waves.sizes.iter().take(k).position(|earlier| {
            earlier.destination == size.destination
                && (earlier.source.is_none() || earlier.source == size.source)
        });
        if let Some(earlier) = shadow {
            let message = format!(
                "never applies: {} already matches every migration this one would, and the first match wins; remove it or move it up",
                out.position(&format!("migration_waves.sizes[{earlier}]"))
            );
            out.at(path, message);
        }
    }
}

fn plan(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(plan) = &cx.data.plan else {
        return;
    };
    lead_time(out, plan);
    if plan.phases.is_empty() {
        out.at(
            "plan.phases",
            "the plan has no phases; add [[plan.phases]] entries".to_string(),
        );
    }
    let mut owner: BTreeMap<&str, usize> = BTreeMap::new();
    for (p, phase) in plan.phases.iter().enumerate() {
        let path = format!("plan.phases[{p}]");
        if is_blank(&phase.name) {
            out.at(
                format!("{path}.name"),
                "name is empty; give the phase a display name".to_string(),
            );
        }
        if phase.weeks <= Decimal::ZERO {
            out.at(
                format!("{path}.weeks"),
                format!(
                    "weeks is {}; a phase lasts at least part of a week",
                    phase.weeks
                ),
            );
        }
        for (k, category) in phase.categories.iter().enumerate() {
            let field = format!("{path}.categories[{k}]");
            if !cx.has_category(category) {
                out.at(field, cx.unknown_category(category));
                continue;
            }
            if let Some(&first) = owner.get(category.as_str()) {
                let message = format!(
                    "category {category:?} is already delivered by {}; each category belongs to one phase",
                    out.position(&format!("plan.phases[{first}]"))
                );
                out.at(field, message);
            } else {
                owner.insert(category, p);
            }
        }
        if !phase.always && phase.categories.is_empty() {
            let wave_phase = cx
                .data
                .migration_waves
                .as_ref()
                .and_then(|w| w.phase.as_deref())
                == Some(phase.id.as_str());
            if !wave_phase {
                out.at(
                    path,
                    "the phase delivers no category and is not kept always, so it never appears; add categories or set always = true".to_string(),
                );
            }
        }
    }
}

fn lead_time(out: &mut Sink<'_>, plan: &PlanTemplate) {
    let lead = plan.lead_time_weeks;
    let message = match lead.to {
        None => Some(
            "lead_time_weeks needs a `to`, e.g. { from = 4, to = 6 } (the same number for a fixed lead time)"
                .to_string(),
        ),
        Some(to) if to < lead.from => Some(format!(
            "lead_time_weeks runs from {} down to {to}; from must not be above to",
            lead.from
        )),
        Some(_) => None,
    };
    if let Some(message) = message {
        out.at("plan.lead_time_weeks", message);
    }
}

// ---------------------------------------------------------------------------------------
// Rule 14: SOW requests (the [sow] section and the labels an issue gets)
// ---------------------------------------------------------------------------------------

fn sow(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let Some(sow) = &cx.data.sow else {
        return;
    };
    if let Some(project) = &sow.gitlab_project
        && let Err(error) = crate::sow::GitLabProject::parse(project)
    {
        out.at("sow.gitlab_project", error.to_string());
    }
    let terms = [
        ("fixed_fee", &sow.payment_terms.fixed_fee),
        ("time_and_materials", &sow.payment_terms.time_and_materials),
        ("expenses", &sow.payment_terms.expenses),
    ];
    for (name, text) in terms {
        if is_blank(text) {
            out.at(
                format!("sow.payment_terms.{name}"),
                format!("{name} is empty; write the payment terms a SOW states for it"),
            );
        }
    }
    for problem in crate::sow::template_problems(&sow.template) {
        out.at("sow.template", problem);
    }
}

/// What makes `label` unusable as a GitLab label sent comma-separated or in a `/label`
/// quick action.
fn label_problem(label: &str) -> Option<&'static str> {
    if is_blank(label) {
        Some("is empty")
    } else if label.contains(',') {
        Some("contains a comma, which would split it in two: labels are sent comma-separated")
    } else if label.contains('"') {
        Some("contains a double quote, which would end it early in a /label quick action")
    } else if label.chars().any(char::is_control) {
        Some("contains a control character")
    } else {
        None
    }
}

/// Category names and approval labels become labels of the SOW-request issue.
fn labels(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    for (c, category) in cx.data.categories.iter().enumerate() {
        if let Some(problem) = label_problem(&category.name) {
            out.at(
                format!("categories[{c}].name"),
                format!(
                    "the category name {:?} {problem}; a category name is also the service type's label on a SOW request",
                    category.name
                ),
            );
        }
    }
    for (a, rule) in cx.data.approvals.iter().enumerate() {
        if let Some(label) = &rule.label
            && let Some(problem) = label_problem(label)
        {
            out.at(
                format!("approvals[{a}].label"),
                format!("the label {label:?} {problem}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::parse;

    /// A small catalog that breaks no rule; tests edit it to break one.
    const VALID: &str = r#"format = 1
id = "test"
name = "Test catalog"
version = "1"
base_currency = "USD"

[[categories]]
id = "education"
name = "Education"

[[categories]]
id = "migration"
name = "Migration"

[[offerings]]
sku = "GL-BAS-R"
name = "Basics, remote"
category = "education"
summary = "Git basics."
sale = "standard"
delivery = { modes = ["remote"], sibling = "GL-BAS" }
pricing = { model = "class", capacity = 12, seat_addon = "SEAT", attendees_question = "attendees" }

[[offerings]]
sku = "GL-BAS"
name = "Basics, on site"
category = "education"
summary = "Git basics."
sale = "standard"
delivery = { modes = ["on_site"], sibling = "GL-BAS-R" }
pricing = { model = "class", capacity = 12, seat_addon = "SEAT" }

[[offerings]]
sku = "SEAT"
name = "Seat add-on"
category = "education"
summary = "One more seat."
sale = "standard"
delivery = { modes = ["remote"] }
pricing = { model = "fixed", unit = "seat" }

[[offerings]]
sku = "GL-CICD"
name = "CI/CD"
category = "education"
summary = "Pipelines."
sale = "standard"
prerequisites = { skus = ["GL-BAS-R"] }
delivery = { modes = ["remote", "on_site"] }
duration = { weeks = "1", effort_days = "2" }
available_from = "2022-01-01"
available_until = "2022-12-31"
pricing = { model = "fixed" }

[[offerings]]
sku = "GL-XPRT"
name = "Expert block"
category = "migration"
summary = "Hours."
sale = "standard"
delivery = { modes = ["remote"] }
pricing = { model = "blocks", hours_per_block = 48 }

[[offerings]]
sku = "USERS"
name = "Users"
category = "migration"
summary = "Per user."
sale = "standard"
delivery = { modes = ["remote"] }
pricing = { model = "tiered", mode = "volume", unit = "user", bands = [{ from = 1, to = 500 }, { from = 501 }] }

[[offerings]]
sku = "MIG"
name = "Migration"
category = "migration"
summary = "Move repositories."
sale = "custom_sow"
delivery = { modes = ["remote"] }

[offerings.pricing]
model = "range_table"
rows = { question = "users", bands = [{ from = 1, to = 500 }, { from = 501, to = 1000 }] }
columns = { question = "projects", bands = [{ from = 1, to = 1000 }] }
add_ons = [{ question = "large", per = 10, label = "per 10 large repositories" }]

[[offerings]]
sku = "TM"
name = "Consulting"
category = "migration"
summary = "Hours."
sale = "custom_sow"
delivery = { modes = ["remote"] }
pricing = { model = "time_and_materials", roles = ["consultant"] }

[[offerings]]
sku = "PM"
name = "Project management"
category = "migration"
summary = "Ten percent."
sale = "custom_sow"
delivery = { modes = ["remote"] }
pricing = { model = "percent_of_subtotal", percent = "10", categories = ["migration"] }

[[offerings]]
sku = "HC"
name = "Health check"
category = "migration"
summary = "Custom."
sale = "custom_sow"
delivery = { modes = ["remote"] }
pricing = { model = "custom" }

[[price_books]]
currency = "USD"
travel = { per_trip = "1500", per_day = "300" }

[price_books.prices]
GL-BAS-R = { price = "5000" }
GL-BAS = { price = "7000" }
SEAT = { price = "500" }
GL-CICD = { remote = "5000", on_site = "7000" }
GL-XPRT = { price = "14400" }
USERS = { tiers = ["10", "8"] }
MIG = { table = [[["30000", "40000"]], [["35000", "45000"]]], add_ons = ["12000"] }

[price_books.rate_card]
consultant = { name = "Consultant", bill = "300", cost = "150" }

[[price_books]]
currency = "EUR"
conversion = { rate = "0.95", as_of = "2022-11-01", round_to = "10" }

[[approvals]]
id = "ta-review"
when = { total_high_over = "50000" }
approver = "Technical architect"
reason = "Large estimates need a technical review."

[[approvals]]
id = "discount"
when = { quote_discount_percent_over = "20" }
approver = "Regional director"
reason = "Large discounts."

[[questions]]
id = "attendees"
section = "education"
text = "How many people attend?"
kind = "whole_number"
min = 1
max = 500
plausible = { from = 5, to = 20 }
service_types = ["education"]

[[questions]]
id = "users"
section = "migration"
text = "How many users?"
kind = "whole_number"
required_for = ["migration"]

[[questions]]
id = "projects"
section = "migration"
text = "How many projects?"
kind = "whole_number"

[[questions]]
id = "large"
section = "migration"
text = "How many repositories over 5 GB?"
kind = "whole_number"

[[questions]]
id = "target"
section = "implementation"
text = "Where will it run?"
kind = "single_choice"
choices = [{ id = "aws", label = "AWS" }, { id = "on_prem", label = "On premises" }]

[[questions]]
id = "hypervisor"
section = "implementation"
text = "Which hypervisor?"
kind = "free_text"
shown_when = { all = [{ question = "target", eq = "on_prem" }, { not = { selected = "HC" } }, { any = [{ service_type = "migration" }, { question = "users", gt = 10 }] }] }
"#;

    fn lint_text(text: &str) -> Vec<LintIssue> {
        let (data, map) = parse("test.toml", text).expect("test catalog parses");
        lint(&data, &map, "test.toml")
    }

    /// `VALID` with the first `from` replaced by `to` (which must be present).
    fn edit(from: &str, to: &str) -> String {
        edits(&[(from, to)])
    }

    fn edits(changes: &[(&str, &str)]) -> String {
        let mut text = VALID.to_string();
        for (from, to) in changes {
            assert!(text.contains(from), "VALID has no {from:?}");
            text = text.replacen(from, to, 1);
        }
        text
    }

    /// 1-based line of the first line containing `needle`.
    fn line_of(text: &str, needle: &str) -> usize {
        text.lines()
            .position(|line| line.contains(needle))
            .map(|index| index + 1)
            .unwrap_or_else(|| panic!("no line contains {needle:?}"))
    }

    /// The issues at `field`; fails when there are none.
    fn at<'a>(issues: &'a [LintIssue], field: &str) -> Vec<&'a LintIssue> {
        let found: Vec<&LintIssue> = issues.iter().filter(|i| i.field == field).collect();
        assert!(
            !found.is_empty(),
            "no issue at {field}; issues: {issues:#?}"
        );
        found
    }

    /// The one issue at `field` whose message contains `text`.
    fn find<'a>(issues: &'a [LintIssue], field: &str, text: &str) -> &'a LintIssue {
        let found = at(issues, field);
        found
            .iter()
            .find(|i| i.message.contains(text))
            .copied()
            .unwrap_or_else(|| panic!("no issue at {field} mentions {text:?}; got {found:#?}"))
    }

    #[test]
    fn amounts_rates_and_offerings_are_limited() {
        let issues = lint_text(&edits(&[
            (
                "GL-BAS-R = { price = \"5000\" }",
                "GL-BAS-R = { price = \"1000000000000.01\" }",
            ),
            ("rate = \"0.95\"", "rate = \"1000001\""),
            ("round_to = \"10\"", "round_to = \"2000000000000\""),
            (
                "total_high_over = \"50000\"",
                "total_high_over = \"9999999999999\"",
            ),
        ]));
        find(
            &issues,
            "price_books[0].prices.GL-BAS-R.price",
            "catalog amounts are limited to 1,000,000,000,000",
        );
        find(
            &issues,
            "price_books[1].conversion.rate",
            "rates are limited to 1,000,000",
        );
        find(
            &issues,
            "price_books[1].conversion.round_to",
            "catalog amounts are limited",
        );
        find(&issues, "approvals[0].when", "catalog amounts are limited");
        // At the limit is fine.
        let issues = lint_text(&edit(
            "GL-BAS-R = { price = \"5000\" }",
            "GL-BAS-R = { price = \"1000000000000\" }",
        ));
        assert!(
            !issues.iter().any(|i| i.message.contains("limited")),
            "{issues:#?}"
        );

        let (mut data, map) = parse("test.toml", VALID).unwrap();
        let first = data.offerings[0].clone();
        data.offerings = vec![first; limits::MAX_OFFERINGS + 1];
        let issues = lint(&data, &map, "test.toml");
        find(
            &issues,
            "offerings",
            "5,001 offerings; a catalog holds at most 5,000",
        );
        data.offerings.clear();
        let issues = lint(&data, &map, "test.toml");
        find(&issues, "offerings", "the catalog has no offerings");
    }

    #[test]
    fn the_valid_catalog_has_no_issues() {
        assert_eq!(lint_text(VALID), Vec::<LintIssue>::new());
    }

    /// 1-based line of the `n`th (0-based) line containing `needle`.
    fn nth_line_of(text: &str, needle: &str, n: usize) -> usize {
        text.lines()
            .enumerate()
            .filter(|(_, line)| line.contains(needle))
            .nth(n)
            .map(|(index, _)| index + 1)
            .unwrap_or_else(|| panic!("fewer than {} lines contain {needle:?}", n + 1))
    }

    // Rule 1 ------------------------------------------------------------------------------

    #[test]
    fn header_needs_the_current_format_and_names() {
        let text = edits(&[
            ("format = 1", "format = 2"),
            ("name = \"Test catalog\"", "name = \"\""),
            ("version = \"1\"", "version = \" \""),
        ]);
        let issues = lint_text(&text);
        let format = find(&issues, "format", "format is 2");
        assert!(format.message.contains("reads format 1"));
        assert_eq!(format.line, Some(1));
        assert_eq!(find(&issues, "name", "name is empty").line, Some(3));
        assert_eq!(find(&issues, "version", "version is empty").line, Some(4));
        assert!(!issues.iter().any(|i| i.field == "id"));
    }

    // Rule 2 ------------------------------------------------------------------------------

    #[test]
    fn base_currency_must_be_a_known_code() {
        let text = edit("base_currency = \"USD\"", "base_currency = \"usd\"");
        let issues = lint_text(&text);
        let issue = find(&issues, "base_currency", "unknown currency \"usd\"");
        assert!(issue.message.contains("upper case: \"USD\""));
        assert_eq!(issue.line, Some(5));
        // An unknown base currency is not also reported as lacking a book.
        assert_eq!(at(&issues, "base_currency").len(), 1);
    }

    #[test]
    fn book_currencies_must_be_known_and_unique() {
        let text = edit("currency = \"EUR\"", "currency = \"EURO\"");
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "price_books[1].currency",
            "unknown currency \"EURO\"",
        );
        assert!(issue.message.contains("ISO 4217"));
        assert_eq!(issue.line, Some(line_of(&text, "\"EURO\"")));

        let text = edit("currency = \"EUR\"", "currency = \"USD\"");
        let issues = lint_text(&text);
        let first = line_of(&text, "[[price_books]]");
        let issue = find(
            &issues,
            "price_books[1].currency",
            "a second price book for USD",
        );
        assert!(
            issue
                .message
                .contains(&format!("price_books[0] (line {first})")),
            "{}",
            issue.message
        );
        // The second USD book is a base book with a conversion.
        find(
            &issues,
            "price_books[1].conversion",
            "must not have a conversion",
        );
    }

    #[test]
    fn the_base_book_must_exist_without_a_conversion() {
        let text = edit("\ncurrency = \"USD\"", "\ncurrency = \"GBP\"");
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "base_currency",
            "no price book for the base currency USD",
        );
        assert_eq!(issue.line, Some(5));

        let text = edit(
            "\ncurrency = \"USD\"\n",
            "\ncurrency = \"USD\"\nconversion = { rate = \"1\", as_of = \"2022-11-01\" }\n",
        );
        let issues = lint_text(&text);
        let issue = find(&issues, "price_books[0].conversion", "base book");
        assert_eq!(
            issue.line,
            Some(line_of(&text, "conversion = { rate = \"1\""))
        );
    }

    // Rule 3 ------------------------------------------------------------------------------

    #[test]
    fn duplicate_skus_name_both_positions() {
        let text = edit("sku = \"HC\"", "sku = \"SEAT\"");
        let issues = lint_text(&text);
        let issue = find(&issues, "offerings[9].sku", "duplicate SKU \"SEAT\"");
        assert!(
            issue.message.contains("offerings[2] (line"),
            "{}",
            issue.message
        );
        assert!(
            issue.message.contains("offerings[9] (line"),
            "{}",
            issue.message
        );
        assert_eq!(issue.offering.as_deref(), Some("SEAT"));
        assert_eq!(issue.line, Some(nth_line_of(&text, "sku = \"SEAT\"", 1)));
        // The duplicate is not also counted as an offering without a price.
        assert!(!issues.iter().any(|i| i.field == "price_books[0].prices"));
    }

    #[test]
    fn duplicate_ids_are_reported() {
        let text = edits(&[
            ("id = \"migration\"", "id = \"education\""),
            ("id = \"projects\"", "id = \"users\""),
            ("id = \"discount\"", "id = \"ta-review\""),
            ("{ id = \"on_prem\", label", "{ id = \"aws\", label"),
        ]);
        let issues = lint_text(&text);
        let category = find(
            &issues,
            "categories[1].id",
            "duplicate category id \"education\"",
        );
        assert_eq!(
            category.line,
            Some(nth_line_of(&text, "id = \"education\"", 1))
        );
        find(
            &issues,
            "questions[2].id",
            "duplicate question id \"users\"",
        );
        find(
            &issues,
            "approvals[1].id",
            "duplicate approval id \"ta-review\"",
        );
        let choice = find(
            &issues,
            "questions[4].choices[1].id",
            "duplicate choice id \"aws\"",
        );
        assert_eq!(choice.line, Some(line_of(&text, "choices = [")));
    }

    #[test]
    fn empty_ids_are_reported() {
        let text = edits(&[
            ("id = \"education\"", "id = \"\""),
            ("id = \"discount\"", "id = \"\""),
        ]);
        let issues = lint_text(&text);
        find(&issues, "categories[0].id", "category id is empty");
        find(&issues, "approvals[1].id", "approval rule id is empty");
    }

    // Rule 4 ------------------------------------------------------------------------------

    #[test]
    fn offering_references_must_exist() {
        let text = edits(&[
            (
                "sku = \"HC\"\nname = \"Health check\"\ncategory = \"migration\"",
                "sku = \"HC\"\nname = \"Health check\"\ncategory = \"health\"",
            ),
            (
                "skus = [\"GL-BAS-R\"]",
                "skus = [\"GL-BAS-R\", \"GL-NOPE\"]",
            ),
            (
                "seat_addon = \"SEAT\", attendees",
                "seat_addon = \"SRV-PERSEAT\", attendees",
            ),
        ]);
        let issues = lint_text(&text);
        let category = find(
            &issues,
            "offerings[9].category",
            "unknown category \"health\"",
        );
        assert!(
            category
                .message
                .contains("categories are: education, migration")
        );
        assert_eq!(category.offering.as_deref(), Some("HC"));
        assert_eq!(category.line, Some(line_of(&text, "\"health\"")));
        let prerequisite = find(
            &issues,
            "offerings[3].prerequisites.skus[1]",
            "unknown SKU \"GL-NOPE\" (no offering has this SKU)",
        );
        assert_eq!(prerequisite.line, Some(line_of(&text, "GL-NOPE")));
        let seat = find(
            &issues,
            "offerings[0].pricing.seat_addon",
            "unknown SKU \"SRV-PERSEAT\" (no offering has this SKU)",
        );
        assert_eq!(seat.line, Some(line_of(&text, "SRV-PERSEAT")));
        assert_eq!(seat.offering.as_deref(), Some("GL-BAS-R"));
    }

    #[test]
    fn price_keys_must_name_offerings() {
        let text = edit(
            "SEAT = { price = \"500\" }\n",
            "SEAT = { price = \"500\" }\nGHOST = { price = \"1\" }\n",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "price_books[0].prices.GHOST",
            "unknown SKU \"GHOST\"",
        );
        assert_eq!(issue.line, Some(line_of(&text, "GHOST")));
        assert_eq!(issue.offering, None);
    }

    #[test]
    fn pricing_questions_must_exist_and_be_whole_numbers() {
        let text = edits(&[
            (
                "attendees_question = \"attendees\"",
                "attendees_question = \"target\"",
            ),
            (
                "question = \"users\", bands",
                "question = \"hypervisor\", bands",
            ),
            (
                "question = \"projects\", bands",
                "question = \"nope\", bands",
            ),
            ("question = \"large\"", "question = \"huge\""),
        ]);
        let issues = lint_text(&text);
        let attendees = find(
            &issues,
            "offerings[0].pricing.attendees_question",
            "question \"target\" is single_choice",
        );
        assert_eq!(attendees.line, Some(line_of(&text, "attendees_question")));
        find(
            &issues,
            "offerings[6].pricing.rows.question",
            "\"hypervisor\" is free_text",
        );
        find(
            &issues,
            "offerings[6].pricing.columns.question",
            "unknown question \"nope\"",
        );
        let add_on = find(
            &issues,
            "offerings[6].pricing.add_ons[0].question",
            "unknown question \"huge\"",
        );
        assert_eq!(add_on.line, Some(line_of(&text, "add_ons = [{ question")));
    }

    #[test]
    fn question_service_types_must_be_categories() {
        let text = edits(&[
            (
                "service_types = [\"education\"]",
                "service_types = [\"educaton\"]",
            ),
            (
                "required_for = [\"migration\"]",
                "required_for = [\"migrate\"]",
            ),
        ]);
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "questions[0].service_types[0]",
            "unknown category \"educaton\"",
        );
        assert_eq!(issue.line, Some(line_of(&text, "educaton")));
        find(
            &issues,
            "questions[1].required_for[0]",
            "unknown category \"migrate\"",
        );
    }

    const SHOWN_WHEN: &str = "shown_when = { all = [{ question = \"target\", eq = \"on_prem\" }, { not = { selected = \"HC\" } }, { any = [{ service_type = \"migration\" }, { question = \"users\", gt = 10 }] }] }";

    #[test]
    fn conditions_refer_to_known_things_recursively() {
        let broken = "shown_when = { all = [{ question = \"target\", eq = \"on_premise\" }, { not = { selected = \"NOPE\" } }, { any = [{ service_type = \"ops\" }, { question = \"nope\", gt = 10 }, { gt = 3 }] }] }";
        let text = edit(SHOWN_WHEN, broken);
        let issues = lint_text(&text);
        let path = "questions[5].shown_when";
        let choice = find(
            &issues,
            &format!("{path}.all[0].eq"),
            "\"on_premise\" is not a choice of question \"target\" (its choices are: aws, on_prem)",
        );
        assert_eq!(choice.line, Some(line_of(&text, "shown_when")));
        find(
            &issues,
            &format!("{path}.all[1].not.selected"),
            "unknown SKU \"NOPE\"",
        );
        find(
            &issues,
            &format!("{path}.all[2].any[0].service_type"),
            "unknown category \"ops\"",
        );
        find(
            &issues,
            &format!("{path}.all[2].any[1].question"),
            "unknown question \"nope\"",
        );
        find(
            &issues,
            &format!("{path}.all[2].any[2]"),
            "compares an answer (gt) but names no question",
        );
        assert_eq!(issues.len(), 5, "{issues:#?}");
    }

    #[test]
    fn condition_values_fit_the_question() {
        let broken = "shown_when = { any = [{ question = \"target\", includes = \"aws\" }, { question = \"users\", eq = \"5\" }, { question = \"hypervisor\", lt = 3 }, { question = \"target\", in = [\"aws\", \"gcp\"] }] }";
        let text = edit(SHOWN_WHEN, broken);
        let issues = lint_text(&text);
        let path = "questions[5].shown_when.any";
        find(
            &issues,
            &format!("{path}[0].includes"),
            "only to multiple_choice questions",
        );
        find(
            &issues,
            &format!("{path}[1].eq"),
            "compare with a whole number, not \"5\"",
        );
        find(
            &issues,
            &format!("{path}[2].lt"),
            "lt compares whole numbers",
        );
        find(
            &issues,
            &format!("{path}[3].in[1]"),
            "\"gcp\" is not a choice",
        );
        assert_eq!(issues.len(), 4, "{issues:#?}");
    }

    // Rule 5 ------------------------------------------------------------------------------

    #[test]
    fn prerequisite_cycles_are_reported_with_their_path() {
        let text = edit(
            "summary = \"Git basics.\"\nsale = \"standard\"\ndelivery = { modes = [\"remote\"], sibling",
            "summary = \"Git basics.\"\nsale = \"standard\"\nprerequisites = { skus = [\"GL-CICD\"] }\ndelivery = { modes = [\"remote\"], sibling",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[0].prerequisites.skus[0]",
            "prerequisites form a cycle: GL-BAS-R → GL-CICD → GL-BAS-R",
        );
        assert_eq!(issue.line, Some(line_of(&text, "skus = [\"GL-CICD\"]")));
        assert_eq!(
            issues
                .iter()
                .filter(|i| i.message.contains("cycle"))
                .count(),
            1
        );
    }

    #[test]
    fn an_offering_requiring_itself_is_a_cycle() {
        let text = edit(
            "skus = [\"GL-BAS-R\"]",
            "skus = [\"GL-BAS-R\", \"GL-CICD\"]",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[3].prerequisites.skus[1]",
            "GL-CICD requires itself (GL-CICD → GL-CICD)",
        );
        assert_eq!(issue.offering.as_deref(), Some("GL-CICD"));
    }

    #[test]
    fn find_cycles_finds_loops_and_ignores_diamonds() {
        assert_eq!(
            find_cycles(&[vec![1, 2], vec![3], vec![3], vec![]]),
            Vec::<Vec<usize>>::new()
        );
        assert_eq!(
            find_cycles(&[vec![1], vec![2], vec![0]]),
            vec![vec![0, 1, 2, 0]]
        );
        assert_eq!(find_cycles(&[vec![], vec![1]]), vec![vec![1, 1]]);
        // An edge to a node outside the graph is ignored rather than a panic.
        assert_eq!(find_cycles(&[vec![7]]), Vec::<Vec<usize>>::new());
    }

    // Rule 6 ------------------------------------------------------------------------------

    #[test]
    fn siblings_must_name_each_other() {
        let text = edit(
            "delivery = { modes = [\"on_site\"], sibling = \"GL-BAS-R\" }",
            "delivery = { modes = [\"on_site\"] }",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[0].delivery.sibling",
            "sibling GL-BAS names no sibling",
        );
        assert!(
            issue
                .message
                .contains("delivery.sibling = \"GL-BAS-R\" on GL-BAS")
        );
        assert_eq!(issue.line, Some(line_of(&text, "sibling = \"GL-BAS\"")));

        let text = edit("sibling = \"GL-BAS\" }", "sibling = \"GL-BAS-R\" }");
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[0].delivery.sibling",
            "names itself as its sibling",
        );
    }

    #[test]
    fn siblings_must_differ_in_delivery_mode() {
        let text = edit(
            "delivery = { modes = [\"on_site\"], sibling",
            "delivery = { modes = [\"remote\"], sibling",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[0].delivery.sibling",
            "GL-BAS-R and its sibling GL-BAS are both sold remote",
        );
        assert_eq!(issue.offering.as_deref(), Some("GL-BAS-R"));
        // A mutual pair is reported once.
        assert_eq!(
            issues
                .iter()
                .filter(|i| i.message.contains("both sold"))
                .count(),
            1
        );
    }

    #[test]
    fn delivery_modes_are_listed_once_each() {
        let text = edits(&[
            (
                "delivery = { modes = [\"remote\"] }\npricing = { model = \"fixed\", unit",
                "delivery = { modes = [] }\npricing = { model = \"fixed\", unit",
            ),
            (
                "modes = [\"remote\", \"on_site\"]",
                "modes = [\"remote\", \"on_site\", \"remote\"]",
            ),
        ]);
        let issues = lint_text(&text);
        let empty = find(&issues, "offerings[2].delivery.modes", "no delivery modes");
        assert_eq!(empty.line, Some(line_of(&text, "modes = []")));
        find(
            &issues,
            "offerings[3].delivery.modes[2]",
            "\"remote\" is listed twice",
        );
    }

    // Rule 7 ------------------------------------------------------------------------------

    #[test]
    fn tier_bands_report_overlaps_and_gaps_distinctly() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }]",
            "bands = [{ from = 1, to = 100 }, { from = 101, to = 600 }, { from = 501, to = 1000 }, { from = 1100 }]",
        );
        let issues = lint_text(&text);
        let overlap = find(
            &issues,
            "offerings[5].pricing.bands[2]",
            "bands 2 and 3 overlap at 501–600",
        );
        assert!(overlap.message.contains("band 3 should start at 601"));
        assert_eq!(overlap.line, Some(line_of(&text, "from = 1100")));
        let gap = find(
            &issues,
            "offerings[5].pricing.bands[3]",
            "gap between bands 3 and 4: 1,001–1,099 is in no band",
        );
        assert!(gap.message.contains("band 4 should start at 1,001"));
    }

    #[test]
    fn bands_must_be_ordered_closed_and_non_empty() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }]",
            "bands = [{ from = 1 }, { from = 10, to = 5 }]",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[5].pricing.bands[0]",
            "band 1 (1+) is open-ended but is not the last band",
        );
        find(
            &issues,
            "offerings[5].pricing.bands[1]",
            "band 2 runs from 10 down to 5",
        );

        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }]",
            "bands = []",
        );
        find(&lint_text(&text), "offerings[5].pricing.bands", "no bands");
    }

    #[test]
    fn tier_bands_cover_min_to_max_quantity() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }] }",
            "bands = [{ from = 1, to = 500 }, { from = 501, to = 1000 }], min_quantity = 5, max_quantity = 2000 }",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[5].pricing.bands[0]",
            "the first band starts at 1, but min_quantity is 5",
        );
        find(
            &issues,
            "offerings[5].pricing.bands[1]",
            "the last band ends at 1,000, but max_quantity is 2,000, so 1,001–2,000 would have no price",
        );

        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }] }",
            "bands = [{ from = 2, to = 500 }, { from = 501 }], min_quantity = 9, max_quantity = 3 }",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[5].pricing.max_quantity",
            "max_quantity 3 is below min_quantity 9",
        );
        find(
            &issues,
            "offerings[5].pricing.bands[0]",
            "the first band starts at 2, but min_quantity is 9",
        );
    }

    #[test]
    fn first_tier_band_starts_at_one_without_min_quantity() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }]",
            "bands = [{ from = 0, to = 500 }, { from = 501 }]",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[5].pricing.bands[0]",
            "min_quantity is not set, so sales start at 1",
        );
    }

    #[test]
    fn range_table_axes_are_checked_as_bands() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501, to = 1000 }] }",
            "bands = [{ from = 1, to = 500 }, { from = 400, to = 300 }] }",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[6].pricing.rows.bands[1]",
            "band 2 runs from 400 down to 300",
        );
        assert_eq!(issue.line, Some(line_of(&text, "to = 300")));
    }

    #[test]
    fn band_problems_in_isolation() {
        let band = |from, to| Band { from, to };
        assert!(
            band_problems("b", &[band(1, Some(5)), band(6, Some(9)), band(10, None)]).is_empty()
        );
        assert_eq!(
            band_problems("b", &[band(10, Some(20)), band(1, Some(5))]),
            vec![(
                "b[1]".to_string(),
                "band 2 (1–5) comes before band 1 (10–20); list bands in ascending order"
                    .to_string()
            )]
        );
        assert_eq!(
            band_problems("b", &[band(1, Some(5)), band(7, None)]),
            vec![(
                "b[1]".to_string(),
                "gap between bands 1 and 2: 6 is in no band; band 2 should start at 6".to_string()
            )]
        );
        // The largest band end does not overflow.
        let problems = band_problems("b", &[band(1, Some(u64::MAX)), band(5, None)]);
        assert_eq!(problems.len(), 1);
        assert!(
            problems
                .iter()
                .all(|(_, m)| m.starts_with("bands 1 and 2 overlap"))
        );
    }

    // Rule 8 ------------------------------------------------------------------------------

    #[test]
    fn class_parameters_must_be_positive() {
        let text = edit(
            "capacity = 12, seat_addon = \"SEAT\", attendees",
            "capacity = 0, addons_per_extra_attendee = 0, seat_addon = \"SEAT\", attendees",
        );
        let issues = lint_text(&text);
        let capacity = find(&issues, "offerings[0].pricing.capacity", "capacity is 0");
        assert_eq!(capacity.line, Some(line_of(&text, "capacity = 0")));
        find(
            &issues,
            "offerings[0].pricing.addons_per_extra_attendee",
            "addons_per_extra_attendee is 0",
        );
    }

    #[test]
    fn the_seat_addon_must_be_a_fixed_price_not_a_class() {
        let text = edits(&[
            (
                "seat_addon = \"SEAT\", attendees",
                "seat_addon = \"GL-BAS\", attendees",
            ),
            ("seat_addon = \"SEAT\" }", "seat_addon = \"GL-XPRT\" }"),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[0].pricing.seat_addon",
            "seat add-on GL-BAS is itself a class",
        );
        find(
            &issues,
            "offerings[1].pricing.seat_addon",
            "seat add-on GL-XPRT is priced blocks",
        );
    }

    #[test]
    fn other_pricing_parameters_must_be_in_range() {
        let text = edits(&[
            ("hours_per_block = 48", "hours_per_block = 0"),
            ("per = 10", "per = 0"),
            (
                "percent = \"10\", categories = [\"migration\"]",
                "percent = \"150\", categories = [\"ops\"]",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[4].pricing.hours_per_block",
            "hours_per_block is 0",
        );
        find(&issues, "offerings[6].pricing.add_ons[0].per", "per is 0");
        find(
            &issues,
            "offerings[8].pricing.percent",
            "percent is 150; it must be between 0 and 100",
        );
        find(
            &issues,
            "offerings[8].pricing.categories[0]",
            "unknown category \"ops\"",
        );
    }

    // Rule 9 ------------------------------------------------------------------------------

    #[test]
    fn negative_amounts_are_errors() {
        let text = edits(&[
            (
                "GL-BAS = { price = \"7000\" }",
                "GL-BAS = { price = \"-7000\" }",
            ),
            ("tiers = [\"10\", \"8\"]", "tiers = [\"10\", \"-8\"]"),
            ("[[[\"30000\", \"40000\"]]", "[[[\"-30000\", \"40000\"]]"),
            ("add_ons = [\"12000\"]", "add_ons = [\"-12000\"]"),
            (
                "bill = \"300\", cost = \"150\"",
                "bill = \"-300\", cost = \"-150\"",
            ),
            ("per_trip = \"1500\"", "per_trip = \"-1500\""),
        ]);
        let issues = lint_text(&text);
        let price = find(
            &issues,
            "price_books[0].prices.GL-BAS.price",
            "price is -7000; amounts must not be negative",
        );
        assert_eq!(price.offering.as_deref(), Some("GL-BAS"));
        assert_eq!(price.line, Some(line_of(&text, "\"-7000\"")));
        find(
            &issues,
            "price_books[0].prices.USERS.tiers[1]",
            "tier 2 is -8",
        );
        find(
            &issues,
            "price_books[0].prices.MIG.table[0][0]",
            "the low end of row 1, column 1 is -30000",
        );
        find(
            &issues,
            "price_books[0].prices.MIG.add_ons[0]",
            "add-on 1 is -12000",
        );
        find(
            &issues,
            "price_books[0].rate_card.consultant.bill",
            "bill rate of consultant is -300",
        );
        find(
            &issues,
            "price_books[0].rate_card.consultant.cost",
            "cost rate of consultant is -150",
        );
        find(
            &issues,
            "price_books[0].travel.per_trip",
            "travel per_trip is -1500",
        );
        assert_eq!(issues.len(), 7, "{issues:#?}");
    }

    #[test]
    fn table_cells_are_low_then_high() {
        let text = edit("[[[\"30000\", \"40000\"]]", "[[[\"40000\", \"30000\"]]");
        let issues = lint_text(&text);
        find(
            &issues,
            "price_books[0].prices.MIG.table[0][0]",
            "row 1, column 1: low 40000 is above high 30000",
        );
    }

    #[test]
    fn entries_match_the_pricing_model() {
        let text = edits(&[
            ("SEAT = { price = \"500\" }", "SEAT = { remote = \"500\" }"),
            (
                "GL-CICD = { remote = \"5000\", on_site = \"7000\" }",
                "GL-CICD = { remote = \"5000\" }",
            ),
            (
                "GL-XPRT = { price = \"14400\" }",
                "GL-XPRT = { price = \"14400\", tiers = [\"1\"] }",
            ),
            ("tiers = [\"10\", \"8\"]", "tiers = [\"10\"]"),
            (
                "MIG = { table = [[[\"30000\", \"40000\"]], [[\"35000\", \"45000\"]]], add_ons = [\"12000\"] }",
                "MIG = { table = [[[\"30000\", \"40000\"], [\"1\", \"2\"]]], add_ons = [\"12000\", \"1\"] }\nTM = { price = \"1\" }",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "price_books[0].prices.SEAT.remote",
            "only for offerings sold in both modes; SEAT is sold remote only",
        );
        find(
            &issues,
            "price_books[0].prices.GL-CICD",
            "GL-CICD is sold in both modes but has no on_site price",
        );
        find(
            &issues,
            "price_books[0].prices.GL-XPRT.tiers",
            "tiers does not apply to GL-XPRT, which is priced blocks",
        );
        find(
            &issues,
            "price_books[0].prices.USERS.tiers",
            "1 tier price for 2 bands",
        );
        find(
            &issues,
            "price_books[0].prices.MIG.table",
            "the table has 1 rows, but MIG has 2 row bands",
        );
        find(
            &issues,
            "price_books[0].prices.MIG.table[0]",
            "row 1 has 2 cells, but MIG has 1 column bands",
        );
        find(
            &issues,
            "price_books[0].prices.MIG.add_ons",
            "2 add-on amounts, but MIG has 1 add-ons",
        );
        let tm = find(
            &issues,
            "price_books[0].prices.TM",
            "TM is priced time_and_materials, so there is nothing to price here",
        );
        assert_eq!(tm.line, Some(line_of(&text, "TM = {")));
        assert_eq!(issues.len(), 8, "{issues:#?}");
    }

    #[test]
    fn books_without_conversion_price_every_offering() {
        let text = edit("SEAT = { price = \"500\" }\n", "");
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "price_books[0].prices",
            "price book USD has no price for SEAT",
        );
        assert_eq!(issue.offering.as_deref(), Some("SEAT"));
        assert_eq!(issue.line, Some(line_of(&text, "[price_books.prices]")));
        assert_eq!(issues.len(), 1, "{issues:#?}");
    }

    #[test]
    fn a_book_without_conversion_needs_prices_rates_and_travel() {
        let text = edit(
            "conversion = { rate = \"0.95\", as_of = \"2022-11-01\", round_to = \"10\" }\n",
            "",
        );
        let issues = lint_text(&text);
        let missing = at(&issues, "price_books[1].prices");
        assert_eq!(missing.len(), 7, "{missing:#?}");
        assert!(missing.iter().any(|i| {
            i.message
                .starts_with("price book EUR has no price for GL-BAS-R")
        }));
        find(
            &issues,
            "price_books[1].rate_card",
            "price book EUR has no rate card, but TM is priced time and materials",
        );
        find(
            &issues,
            "price_books[1]",
            "price book EUR has no travel estimate, but GL-BAS and 1 more are sold on site",
        );
        // The USD threshold cannot be converted into EUR.
        let approval = find(&issues, "approvals[0].when", "cannot be converted into EUR");
        assert_eq!(approval.line, Some(line_of(&text, "total_high_over")));
    }

    #[test]
    fn a_book_with_conversion_may_omit_entries_but_rates_must_be_positive() {
        let text = edit(
            "rate = \"0.95\", as_of = \"2022-11-01\", round_to = \"10\"",
            "rate = \"0\", as_of = \"2022-11-01\", round_to = \"-1\"",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "price_books[1].conversion.rate",
            "conversion rate is 0; it must be above 0 (units of EUR per 1 USD)",
        );
        find(
            &issues,
            "price_books[1].conversion.round_to",
            "round_to is -1",
        );
        assert_eq!(issues.len(), 2, "{issues:#?}");
    }

    #[test]
    fn rate_cards_hold_the_roles_offerings_use() {
        let text = edit(
            "roles = [\"consultant\"]",
            "roles = [\"consultant\", \"architect\"]",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "price_books[0].rate_card",
            "has no role \"architect\", which TM lists",
        );
        assert_eq!(issue.offering.as_deref(), Some("TM"));
        assert_eq!(issue.line, Some(line_of(&text, "[price_books.rate_card]")));
    }

    #[test]
    fn on_site_delivery_needs_travel() {
        let text = edit("travel = { per_trip = \"1500\", per_day = \"300\" }\n", "");
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "price_books[0]",
            "price book USD has no travel estimate",
        );
        assert_eq!(issue.line, Some(line_of(&text, "[[price_books]]")));
    }

    // Rule 10 -----------------------------------------------------------------------------

    #[test]
    fn approval_rules_that_cannot_fire_properly() {
        let text = edits(&[
            ("total_high_over = \"50000\"", "total_high_over = \"-1\""),
            (
                "quote_discount_percent_over = \"20\"",
                "quote_discount_percent_over = \"100\"",
            ),
            ("approver = \"Regional director\"", "approver = \"\""),
            ("reason = \"Large discounts.\"", "reason = \" \""),
        ]);
        let issues = lint_text(&text);
        let total = find(&issues, "approvals[0].when", "total_high_over is -1");
        assert_eq!(total.line, Some(line_of(&text, "total_high_over")));
        find(
            &issues,
            "approvals[1].when",
            "quote_discount_percent_over is 100; a discount is never over 100%, so the rule can never fire",
        );
        find(&issues, "approvals[1].approver", "approver is empty");
        find(&issues, "approvals[1].reason", "reason is empty");

        let text = edit(
            "quote_discount_percent_over = \"20\"",
            "line_discount_percent_over = \"-5\"",
        );
        find(
            &lint_text(&text),
            "approvals[1].when",
            "line_discount_percent_over is -5; a threshold below 0 fires on every quote",
        );
    }

    // Rule 11 -----------------------------------------------------------------------------

    #[test]
    fn whole_number_limits_are_consistent() {
        let text = edit("min = 1\nmax = 500\n", "min = 10\nmax = 5\n");
        let issues = lint_text(&text);
        let max = find(&issues, "questions[0].max", "max 5 is below min 10");
        assert_eq!(max.line, Some(line_of(&text, "max = 5")));
        find(
            &issues,
            "questions[0].plausible",
            "the plausible range 5–20 starts below min 10",
        );
        find(
            &issues,
            "questions[0].plausible",
            "the plausible range 5–20 goes above max 5",
        );
    }

    #[test]
    fn choices_only_on_choice_questions() {
        let text = edits(&[
            (
                "choices = [{ id = \"aws\", label = \"AWS\" }, { id = \"on_prem\", label = \"On premises\" }]",
                "choices = [{ id = \"on_prem\", label = \"On premises\" }]\nmax = 3",
            ),
            (
                "kind = \"free_text\"\n",
                "kind = \"free_text\"\nchoices = [{ id = \"a\", label = \"A\" }, { id = \"b\", label = \"B\" }]\nplausible = { from = 1, to = 2 }\n",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "questions[4].choices",
            "a single_choice question needs at least two choices; it has 1",
        );
        find(
            &issues,
            "questions[4].max",
            "max applies only to whole_number questions, and this one is single_choice",
        );
        find(
            &issues,
            "questions[5].choices",
            "a free_text question takes no choices",
        );
        find(
            &issues,
            "questions[5].plausible",
            "plausible applies only to whole_number questions",
        );
    }

    // Rule 12 -----------------------------------------------------------------------------

    #[test]
    fn offerings_need_texts_and_sane_dates_and_durations() {
        let text = edits(&[
            ("name = \"Seat add-on\"", "name = \"\""),
            ("summary = \"One more seat.\"", "summary = \"\""),
            (
                "available_until = \"2022-12-31\"",
                "available_until = \"2021-12-31\"",
            ),
            (
                "weeks = \"1\", effort_days = \"2\"",
                "weeks = \"-1\", effort_days = \"-0.5\"",
            ),
        ]);
        let issues = lint_text(&text);
        let name = find(&issues, "offerings[2].name", "name is empty");
        assert_eq!(name.offering.as_deref(), Some("SEAT"));
        find(&issues, "offerings[2].summary", "summary is empty");
        let until = find(
            &issues,
            "offerings[3].available_until",
            "available_until 2021-12-31 is before available_from 2022-01-01",
        );
        assert_eq!(until.line, Some(line_of(&text, "available_until")));
        find(
            &issues,
            "offerings[3].duration.weeks",
            "duration.weeks is -1",
        );
        find(
            &issues,
            "offerings[3].duration.effort_days",
            "duration.effort_days is -0.5",
        );
    }

    #[test]
    fn an_empty_sku_is_reported_without_an_offering() {
        let text = edit("sku = \"HC\"", "sku = \"\"");
        let issues = lint_text(&text);
        let issue = find(&issues, "offerings[9].sku", "sku is empty");
        assert_eq!(issue.offering, None);
    }

    // Rule 13: scoping -------------------------------------------------------------------

    /// `VALID` plus a licence question, recommendation rules, wave sizes and a plan.
    const SCOPING: &str = r#"
[[questions]]
id = "tier"
section = "general"
text = "Which licence tier?"
kind = "single_choice"
choices = [{ id = "free", label = "Free" }, { id = "premium", label = "Premium" }, { id = "ultimate", label = "Ultimate" }]

[[questions]]
id = "mode"
section = "education"
text = "Remote or on site?"
kind = "single_choice"
choices = [{ id = "remote", label = "Remote" }, { id = "on_site", label = "On site" }]

[[questions]]
id = "destination"
section = "migration"
text = "Where to?"
kind = "single_choice"
choices = [{ id = "saas", label = "SaaS" }, { id = "self", label = "Self-managed" }]
required_for = ["migration"]
required_when = { question = "target", eq = "aws" }

[[recommendations]]
id = "basics"
service_type = "education"
when = { question = "attendees", gte = 1 }
kind = "add"
add = [{ sku = "GL-BAS-R", attendees_from = "attendees", delivery_from = "mode" }]
reason = "{attendees} people need the basics."

[[recommendations]]
id = "basics-alt"
service_type = "education"
kind = "add"
add = [{ sku = "GL-CICD", delivery = "on_site", quantity = 1 }]
alternative_to = "basics"
instead_of = ["GL-BAS"]
reason = "Or go straight to CI/CD."
effort_days = { from = 1, to = 2 }

[[recommendations]]
id = "big-migration"
service_type = "migration"
when = { all = [{ question = "users", gt = 500 }, { question = "projects", lte = 1000 }] }
kind = "warning"
reason = "Many users for few projects."

[migration_waves]
source_question = "target"
destination_question = "destination"
projects_question = "projects"
phase = "migrate"
sizes = [
  { source = "aws", destination = "self", projects_per_wave = { from = 1000, to = 1000 } },
  { destination = "saas", projects_per_wave = { from = 200, to = 300 } },
]

[plan]
lead_time_weeks = { from = 4, to = 6 }
notes = ["Nothing starts before the paperwork is signed."]

[[plan.phases]]
id = "kickoff"
name = "Kick-off"
weeks = "1"
always = true

[[plan.phases]]
id = "migrate"
name = "Migrate"
weeks = "2"
categories = ["migration"]

[[plan.phases]]
id = "train"
name = "Train"
weeks = "1"
categories = ["education"]
sequential = true
"#;

    fn scoping_valid() -> String {
        let text = VALID.replacen(
            "base_currency = \"USD\"\n",
            "base_currency = \"USD\"\nlicense_question = \"tier\"\n",
            1,
        );
        format!("{text}{SCOPING}")
    }

    /// `scoping_valid()` with each `from` replaced by its `to` (each must be present).
    fn scoping_edits(changes: &[(&str, &str)]) -> String {
        let mut text = scoping_valid();
        for (from, to) in changes {
            assert!(text.contains(from), "the scoping catalog has no {from:?}");
            text = text.replacen(from, to, 1);
        }
        text
    }

    #[test]
    fn the_valid_scoping_catalog_has_no_issues() {
        assert_eq!(lint_text(&scoping_valid()), Vec::<LintIssue>::new());
    }

    #[test]
    fn recommendation_rules_refer_to_known_things() {
        let text = scoping_edits(&[
            (
                "service_type = \"education\"\nwhen",
                "service_type = \"training\"\nwhen",
            ),
            (
                "add = [{ sku = \"GL-BAS-R\", attendees_from = \"attendees\", delivery_from = \"mode\" }]",
                "add = [{ sku = \"GL-BAS-X\", attendees_from = \"people\", delivery_from = \"target\" }, { sku = \"TM\", attendees_from = \"attendees\", quantity = 2 }, { sku = \"SEAT\", delivery = \"on_site\" }]",
            ),
            (
                "reason = \"{attendees} people",
                "reason = \"{atendees} people",
            ),
            ("instead_of = [\"GL-BAS\"]", "instead_of = [\"GL-BASIC\"]"),
            (
                "alternative_to = \"basics\"",
                "alternative_to = \"big-migration\"",
            ),
        ]);
        let issues = lint_text(&text);
        let rule = "recommendations[0]";
        let unknown = find(
            &issues,
            &format!("{rule}.service_type"),
            "unknown category \"training\"",
        );
        assert_eq!(unknown.line, Some(line_of(&text, "\"training\"")));
        find(
            &issues,
            &format!("{rule}.add[0].sku"),
            "unknown SKU \"GL-BAS-X\"",
        );
        find(
            &issues,
            &format!("{rule}.add[0].attendees_from"),
            "unknown question \"people\"",
        );
        find(
            &issues,
            &format!("{rule}.add[0].delivery_from"),
            "choices \"aws\" and \"on_prem\" of question \"target\" are not delivery modes",
        );
        find(
            &issues,
            &format!("{rule}.add[1].attendees_from"),
            "applies only to classes, and TM is priced time_and_materials",
        );
        find(
            &issues,
            &format!("{rule}.add[1].quantity"),
            "TM is priced time_and_materials, which takes no quantity",
        );
        find(
            &issues,
            &format!("{rule}.add[2].delivery"),
            "SEAT is not sold on-site",
        );
        find(
            &issues,
            &format!("{rule}.reason"),
            "{atendees} names no question",
        );
        find(
            &issues,
            "recommendations[1].instead_of[0]",
            "unknown SKU \"GL-BASIC\"",
        );
        find(
            &issues,
            "recommendations[1].alternative_to",
            "\"big-migration\" is not a rule of kind \"add\"",
        );
        assert_eq!(issues.len(), 10, "{issues:#?}");
    }

    #[test]
    fn recommendation_kinds_take_the_right_fields() {
        let text = scoping_edits(&[
            (
                "add = [{ sku = \"GL-BAS-R\", attendees_from = \"attendees\", delivery_from = \"mode\" }]\n",
                "",
            ),
            ("reason = \"Or go straight to CI/CD.\"", "reason = \" \""),
            (
                "alternative_to = \"basics\"",
                "alternative_to = \"basics-alt\"",
            ),
            (
                "effort_days = { from = 1, to = 2 }",
                "effort_days = { from = 3, to = 2 }",
            ),
            (
                "kind = \"warning\"\n",
                "kind = \"note\"\nadd = [{ sku = \"SEAT\" }]\n",
            ),
            (
                "[[recommendations]]\nid = \"big-migration\"",
                "[[recommendations]]\nid = \"basics\"",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "recommendations[0].add",
            "needs at least one offering",
        );
        find(&issues, "recommendations[1].reason", "reason is empty");
        find(
            &issues,
            "recommendations[1].alternative_to",
            "names the rule itself",
        );
        find(
            &issues,
            "recommendations[1].effort_days",
            "runs from 3 down to 2",
        );
        find(
            &issues,
            "recommendations[2].add",
            "applies only to rules of kind \"add\", and this one is a note",
        );
        find(
            &issues,
            "recommendations[2].id",
            "duplicate recommendation id \"basics\"",
        );
        assert_eq!(issues.len(), 6, "{issues:#?}");
    }

    #[test]
    fn conditions_that_can_never_hold_are_reported() {
        let text = scoping_edits(&[
            (
                "when = { question = \"attendees\", gte = 1 }",
                "when = { question = \"attendees\", lt = 1 }",
            ),
            (
                "when = { all = [{ question = \"users\", gt = 500 }, { question = \"projects\", lte = 1000 }] }",
                "when = { all = [{ question = \"users\", gt = 5000 }, { question = \"users\", lt = 1000 }, { any = [{ question = \"target\", eq = \"aws\" }] }] }",
            ),
            (
                "required_when = { question = \"target\", eq = \"aws\" }",
                "required_when = { question = \"target\", eq = \"aws\", in = [\"on_prem\"] }",
            ),
            (
                "service_type = \"education\"\nkind = \"add\"",
                "service_type = \"education\"\nwhen = { question = \"mode\", answered = false, eq = \"remote\" }\nkind = \"add\"",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "recommendations[0].when",
            "no answer to \"attendees\" is below 1 (the question accepts min 1, max 500)",
        );
        find(
            &issues,
            "recommendations[2].when",
            "no answer to \"users\" is above 5,000 and below 1,000",
        );
        find(
            &issues,
            "questions[8].required_when",
            "equals \"aws\" and is also one of a list without it",
        );
        find(
            &issues,
            "recommendations[1].when",
            "requires \"mode\" to be unanswered and also compares its answer",
        );
        assert_eq!(issues.len(), 4, "{issues:#?}");
    }

    #[test]
    fn the_licence_question_lists_tiers() {
        let issues = lint_text(&scoping_edits(&[(
            "{ id = \"premium\", label = \"Premium\" }",
            "{ id = \"gold\", label = \"Gold\" }",
        )]));
        find(
            &issues,
            "license_question",
            "choice \"gold\" of question \"tier\" is not a licence tier",
        );
        let issues = lint_text(&scoping_edits(&[(
            "license_question = \"tier\"",
            "license_question = \"users\"",
        )]));
        find(
            &issues,
            "license_question",
            "question \"users\" is whole_number, but the licence tier needs a single_choice question",
        );
    }

    #[test]
    fn question_scoping_fields_fit_the_question() {
        let text = scoping_edits(&[
            (
                "required_for = [\"migration\"]\nrequired_when",
                "required_when",
            ),
            (
                "text = \"Which hypervisor?\"\nkind = \"free_text\"",
                "text = \"Which hypervisor?\"\nkind = \"free_text\"\nmax_length = 0",
            ),
            (
                "text = \"How many projects?\"\nkind = \"whole_number\"",
                "text = \"How many projects?\"\nkind = \"whole_number\"\nmax_length = 20",
            ),
        ]);
        let issues = lint_text(&text);
        find(&issues, "questions[8].required_when", "never required");
        find(&issues, "questions[5].max_length", "max_length is 0");
        find(
            &issues,
            "questions[2].max_length",
            "applies only to free_text questions, and this one is whole_number",
        );
        assert_eq!(issues.len(), 3, "{issues:#?}");
    }

    #[test]
    fn migration_wave_sizes_fit_their_questions_and_can_apply() {
        let text = scoping_edits(&[
            (
                "projects_question = \"projects\"",
                "projects_question = \"target\"",
            ),
            (
                "phase = \"migrate\"",
                "phase = \"moves\"\nweeks_per_wave = \"0\"",
            ),
            (
                "{ source = \"aws\", destination = \"self\", projects_per_wave = { from = 1000, to = 1000 } },",
                "{ source = \"gcp\", destination = \"self\", projects_per_wave = { from = 0, to = 1000 } },\n  { destination = \"self\", projects_per_wave = { from = 10 } },\n  { source = \"aws\", destination = \"self\", projects_per_wave = { from = 9, to = 8 } },",
            ),
            (
                "{ destination = \"saas\", projects_per_wave",
                "{ destination = \"cloud\", projects_per_wave",
            ),
        ]);
        let issues = lint_text(&text);
        find(
            &issues,
            "migration_waves.projects_question",
            "question \"target\" is single_choice, but the project count needs a whole_number question",
        );
        find(
            &issues,
            "migration_waves.phase",
            "unknown plan phase \"moves\"",
        );
        find(
            &issues,
            "migration_waves.weeks_per_wave",
            "weeks_per_wave is 0",
        );
        find(
            &issues,
            "migration_waves.sizes[0].source",
            "\"gcp\" is not a choice of question \"target\"",
        );
        find(
            &issues,
            "migration_waves.sizes[0].projects_per_wave",
            "starts at 0",
        );
        find(
            &issues,
            "migration_waves.sizes[1].projects_per_wave",
            "needs a `to`",
        );
        find(
            &issues,
            "migration_waves.sizes[2].projects_per_wave",
            "runs from 9 down to 8",
        );
        let shadowed = find(&issues, "migration_waves.sizes[2]", "never applies");
        assert!(
            shadowed.message.contains("migration_waves.sizes[1] (line"),
            "{shadowed}"
        );
        find(
            &issues,
            "migration_waves.sizes[3].destination",
            "\"cloud\" is not a choice of question \"destination\"",
        );
        assert_eq!(issues.len(), 9, "{issues:#?}");
    }

    #[test]
    fn plan_phases_are_unique_and_deliver_known_categories() {
        let text = scoping_edits(&[
            (
                "lead_time_weeks = { from = 4, to = 6 }",
                "lead_time_weeks = { from = 6, to = 4 }",
            ),
            (
                "id = \"kickoff\"\nname = \"Kick-off\"\nweeks = \"1\"\nalways = true",
                "id = \"kickoff\"\nname = \"\"\nweeks = \"0\"",
            ),
            (
                "weeks = \"2\"\ncategories = [\"migration\"]",
                "weeks = \"2\"\ncategories = [\"migration\", \"moving\"]",
            ),
            (
                "categories = [\"education\"]",
                "categories = [\"education\", \"migration\"]",
            ),
            ("id = \"train\"", "id = \"migrate\""),
        ]);
        let issues = lint_text(&text);
        find(&issues, "plan.lead_time_weeks", "runs from 6 down to 4");
        find(&issues, "plan.phases[0].name", "name is empty");
        find(&issues, "plan.phases[0].weeks", "weeks is 0");
        find(&issues, "plan.phases[0]", "never appears");
        find(
            &issues,
            "plan.phases[1].categories[1]",
            "unknown category \"moving\"",
        );
        let twice = find(
            &issues,
            "plan.phases[2].categories[1]",
            "category \"migration\" is already delivered by plan.phases[1]",
        );
        assert_eq!(
            twice.line,
            Some(nth_line_of(
                &text,
                "categories = [\"education\", \"migration\"]",
                0
            ))
        );
        find(
            &issues,
            "plan.phases[2].id",
            "duplicate phase id \"migrate\"",
        );
        assert_eq!(issues.len(), 7, "{issues:#?}");
    }

    // All at once, in file order ------------------------------------------------------

    #[test]
    fn every_problem_is_reported_in_file_order() {
        // Questions come before offerings in this file; issues still follow the lines.
        let text = edits(&[
            ("format = 1", "format = 3"),
            (
                "[[offerings]]\nsku = \"GL-BAS-R\"",
                "[[questions]]\nid = \"early\"\nsection = \"s\"\ntext = \"t\"\nkind = \"yes_no\"\nmin = 1\n\n[[offerings]]\nsku = \"GL-BAS-R\"",
            ),
            (
                "capacity = 12, seat_addon = \"SEAT\", attendees",
                "capacity = 0, seat_addon = \"SEAT\", attendees",
            ),
            (
                "quote_discount_percent_over = \"20\"",
                "quote_discount_percent_over = \"120\"",
            ),
        ]);
        let issues = lint_text(&text);
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "format",
                "questions[0].min",
                "offerings[0].pricing.capacity",
                "approvals[1].when"
            ]
        );
        let lines: Vec<Option<usize>> = issues.iter().map(|i| i.line).collect();
        let mut sorted = lines.clone();
        sorted.sort();
        assert_eq!(lines, sorted);
        assert!(issues.iter().all(|i| i.file == "test.toml"));
    }

    #[test]
    fn json_catalogs_have_no_lines_and_keep_model_order() {
        let (data, _) = parse("test.toml", VALID).expect("valid");
        let json = serde_json::to_string(&data).expect("serializes");
        let json = json
            .replace("\"format\":1", "\"format\":2")
            .replace("\"capacity\":12", "\"capacity\":0");
        let (data, map) = parse("test.json", &json).expect("json parses");
        let issues = lint(&data, &map, "test.json");
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "format",
                "offerings[0].pricing.capacity",
                "offerings[1].pricing.capacity"
            ]
        );
        assert!(issues.iter().all(|i| i.line.is_none()));
    }

    #[test]
    fn issues_display_with_file_line_and_offering() {
        let text = edit(
            "capacity = 12, seat_addon = \"SEAT\", attendees",
            "capacity = 0, seat_addon = \"SEAT\", attendees",
        );
        let issues = lint_text(&text);
        let line = line_of(&text, "capacity = 0");
        assert_eq!(
            issues.first().map(ToString::to_string),
            Some(format!(
                "test.toml:{line}: offering GL-BAS-R: offerings[0].pricing.capacity: capacity is 0; a class must hold at least one attendee (e.g. 12)"
            ))
        );
    }

    // Rule 14: SOW requests -------------------------------------------------------------

    const SOW: &str = r#"
[sow]
gitlab_project = "https://gitlab.example.com/ps/sow-requests"
template = """
# SOW for {{customer}}

{{price_table}}
"""

[sow.payment_terms]
fixed_fee = "Paid up front."
time_and_materials = "Invoiced monthly."
expenses = "At cost."
"#;

    #[test]
    fn the_valid_sow_section_has_no_issues() {
        assert_eq!(lint_text(&format!("{VALID}{SOW}")), Vec::<LintIssue>::new());
    }

    #[test]
    fn sow_settings_are_checked() {
        let text = format!("{VALID}{SOW}")
            .replace(
                "https://gitlab.example.com/ps/sow-requests",
                "http://gitlab.example.com/ps/sow-requests?x=1",
            )
            .replace(
                "# SOW for {{customer}}",
                "# SOW for {{client}} {{schedule}} {{total",
            )
            .replace("fixed_fee = \"Paid up front.\"", "fixed_fee = \" \"");
        let issues = lint_text(&text);
        let project = find(&issues, "sow.gitlab_project", "must start with https://");
        assert_eq!(project.line, Some(line_of(&text, "gitlab_project = ")));
        find(
            &issues,
            "sow.template",
            "line 1: unknown placeholder {{client}}",
        );
        find(
            &issues,
            "sow.template",
            "line 1: {{schedule}} becomes whole paragraphs",
        );
        find(&issues, "sow.template", "line 1: '{{' is never closed");
        find(&issues, "sow.payment_terms.fixed_fee", "fixed_fee is empty");
        assert_eq!(issues.len(), 5, "{issues:#?}");
    }

    #[test]
    fn labels_cannot_break_the_comma_separated_list() {
        let text = edits(&[
            ("name = \"Education\"", "name = \"Education, training\""),
            (
                "reason = \"Large estimates need a technical review.\"",
                "reason = \"Large estimates need a technical review.\"\nlabel = \"TA,Review\"",
            ),
        ]);
        let issues = lint_text(&text);
        find(&issues, "categories[0].name", "contains a comma");
        find(
            &issues,
            "approvals[0].label",
            "\"TA,Review\" contains a comma",
        );
        assert_eq!(issues.len(), 2, "{issues:#?}");
    }
}
