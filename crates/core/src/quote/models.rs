//! The pricing models: from one scope item to a gross amount with its trace.

use rust_decimal::Decimal;

use super::prices::PriceList;
use super::trace::{AddOnWords, AxisWords, Converted, Count, TraceDetail};
use super::{Component, LineKind, QuoteLine, QuoteOptions, TraceStep, at_scale};
use crate::catalog::{
    AddOnRule, Axis, Band, Catalog, DeliveryMode, Offering, Pricing, SaleForm, TierMode,
};
use std::borrow::Cow;

use crate::money::{Currency, PriceRange};
use crate::scope::{Answer, FieldError, Scope, ScopeItem};

/// A line being priced.
pub(crate) struct Draft<'c> {
    pub(crate) item: usize,
    pub(crate) sku: String,
    pub(crate) name: String,
    pub(crate) category: &'c str,
    pub(crate) sale: SaleForm,
    pub(crate) delivery: Option<DeliveryMode>,
    pub(crate) quantity: u64,
    pub(crate) quantity_high: Option<u64>,
    pub(crate) unit: Cow<'static, str>,
    pub(crate) unit_price: Option<Decimal>,
    pub(crate) components: Vec<Component>,
    pub(crate) gross: Option<PriceRange>,
    pub(crate) discount: Option<PriceRange>,
    pub(crate) net: Option<PriceRange>,
    pub(crate) trace: Vec<TraceStep>,
    pub(crate) missing: Vec<String>,
    pub(crate) warnings: Vec<String>,
    pub(crate) expense: Option<Box<ExpenseDraft>>,
    percent_of: Option<(Decimal, Vec<String>)>,
    line_discount: LineDiscount,
    currency: Currency,
}

/// The travel-and-expenses line that follows an on-site line.
#[derive(Clone)]
pub(crate) struct ExpenseDraft {
    item: usize,
    sku: String,
    name: String,
    sale: SaleForm,
    delivery: DeliveryMode,
    trips: (u64, u64),
    pub(crate) amount: PriceRange,
    trace: Vec<TraceStep>,
}

#[derive(Clone, Copy)]
enum LineDiscount {
    None,
    Percent(Decimal),
    Amount(Decimal),
}

/// What a model computed for one item.
struct Priced {
    currency: Currency,
    quantity: u64,
    quantity_high: Option<u64>,
    unit: Cow<'static, str>,
    unit_price: Option<Decimal>,
    components: Vec<Component>,
    gross: Option<PriceRange>,
    trace: Vec<TraceStep>,
    missing: Vec<String>,
    warnings: Vec<String>,
    /// Deliveries that need travel when on site (low, high).
    trips: (u64, u64),
}

impl Priced {
    fn new(unit: &str, currency: Currency) -> Priced {
        Priced {
            currency,
            quantity: 1,
            quantity_high: None,
            unit: unit_words(unit),
            unit_price: None,
            components: Vec::new(),
            gross: None,
            trace: Vec::with_capacity(8),
            missing: Vec::new(),
            warnings: Vec::new(),
            trips: (1, 1),
        }
    }

    fn push(&mut self, detail: TraceDetail, after: Option<PriceRange>) {
        self.trace
            .push(TraceStep::new(detail, self.currency, None, after));
    }

    fn push_opt(&mut self, detail: Option<TraceDetail>) {
        if let Some(detail) = detail {
            self.push(detail, None);
        }
    }
}

/// Everything a model needs to price one item.
struct Ctx<'a> {
    catalog: &'a Catalog,
    prices: &'a PriceList<'a>,
    scope: &'a Scope,
    offering: &'a Offering,
    item: &'a ScopeItem,
    delivery: DeliveryMode,
    index: usize,
}

impl Ctx<'_> {
    fn currency(&self) -> Currency {
        self.prices.currency
    }

    fn money(&self, amount: Decimal) -> String {
        self.currency().display(amount)
    }

    fn field(&self, name: &str) -> String {
        format!("items[{}].{name}", self.index)
    }

    fn error(&self, name: &str, message: impl Into<String>) -> Vec<FieldError> {
        vec![FieldError::new(self.field(name), message)]
    }

    fn overflow(&self) -> Vec<FieldError> {
        self.error(
            "sku",
            "the amounts are too large to price exactly; check the quantities",
        )
    }

    /// The unit price of `sku` for this item's delivery mode, with a trace note.
    fn unit_price(
        &self,
        sku: &str,
        mode: DeliveryMode,
    ) -> Result<(Decimal, Option<TraceDetail>), Vec<FieldError>> {
        let (price, source) = self.prices.unit_price(sku, mode).ok_or_else(|| {
            self.error(
                "sku",
                format!(
                    "the catalog has no {} price for {sku}; ask PS operations to add it to the price book",
                    self.currency().code()
                ),
            )
        })?;
        let note = self
            .prices
            .source_detail(&source, price, Converted::ListPrice);
        Ok((at_scale(price, self.currency()), note))
    }

    /// A whole-number answer, or an error naming the answer when it is another kind.
    fn number_answer(&self, question: &str) -> Result<Option<u64>, Vec<FieldError>> {
        match self.scope.answers.get(question) {
            None => Ok(None),
            Some(Answer::Number(n)) => Ok(Some(*n)),
            Some(other) => Err(vec![FieldError::new(
                format!("answers.{question}"),
                format!("expected a whole number, got {:?}", other.display()),
            )]),
        }
    }

    /// The band an unanswered question plausibly falls in.
    fn plausible(&self, question: &str) -> Option<Band> {
        let question = self.catalog.question(question)?;
        question.plausible.or(match (question.min, question.max) {
            (min, Some(max)) => Some(Band {
                from: min.unwrap_or(0),
                to: Some(max),
            }),
            _ => None,
        })
    }
}

fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

fn dec(n: u64) -> Decimal {
    Decimal::from(n)
}

/// Prices one scope item up to its gross amount (discounts come later).
pub(crate) fn draft<'c>(
    catalog: &'c Catalog,
    prices: &PriceList<'_>,
    scope: &Scope,
    index: usize,
    item: &ScopeItem,
    options: &QuoteOptions,
) -> Result<Draft<'c>, Vec<FieldError>> {
    let offering = catalog.offering(&item.sku).ok_or_else(|| {
        vec![FieldError::new(
            format!("items[{index}].sku"),
            unknown_sku_message(catalog, &item.sku),
        )]
    })?;
    let delivery = delivery_mode(catalog, offering, item, index)?;
    let ctx = Ctx {
        catalog,
        prices,
        scope,
        offering,
        item,
        delivery,
        index,
    };
    check_availability(&ctx, options)?;
    check_fields(&ctx)?;
    let line_discount = match (item.discount_percent, item.discount_amount) {
        (Some(_), Some(_)) => {
            return Err(ctx.error(
                "discount_amount",
                "give a discount as a percentage or as an amount, not both",
            ));
        }
        (Some(p), None) => LineDiscount::Percent(p),
        (None, Some(a)) => LineDiscount::Amount(a),
        (None, None) => LineDiscount::None,
    };
    let mut percent_of = None;
    let priced = match &offering.pricing {
        Pricing::Fixed { unit } => fixed(&ctx, unit)?,
        Pricing::Class {
            capacity,
            seat_addon,
            addons_per_extra_attendee,
            attendees_question,
        } => class(
            &ctx,
            ClassRule {
                capacity: u64::from(*capacity),
                seat_addon,
                per_extra: u64::from(*addons_per_extra_attendee),
                attendees_question: attendees_question.as_deref(),
            },
        )?,
        Pricing::Blocks {
            hours_per_block,
            included_pm_hours,
        } => blocks(&ctx, u64::from(*hours_per_block), *included_pm_hours)?,
        Pricing::Tiered {
            mode,
            unit,
            bands,
            min_quantity,
            max_quantity,
        } => tiered(&ctx, *mode, unit, bands, *min_quantity, *max_quantity)?,
        Pricing::TimeAndMaterials { roles } => time_and_materials(&ctx, roles)?,
        Pricing::RangeTable {
            rows,
            columns,
            add_ons,
        } => range_table(&ctx, rows, columns, add_ons)?,
        Pricing::PercentOfSubtotal {
            percent,
            categories,
        } => {
            percent_of = Some((*percent, categories.clone()));
            let mut priced = Priced::new("engagement", prices.currency);
            priced.gross = Some(PriceRange::firm(prices.currency.zero()));
            priced
        }
        Pricing::Custom { estimate_note } => custom(&ctx, estimate_note),
    };
    let mut priced = priced;
    if priced.gross.is_none() && !matches!(line_discount, LineDiscount::None) {
        let field = if item.discount_percent.is_some() {
            "discount_percent"
        } else {
            "discount_amount"
        };
        if matches!(offering.pricing, Pricing::Custom { .. }) {
            return Err(ctx.error(
                field,
                format!(
                    "{} has no list price, so there is nothing to discount; discount the custom estimate instead",
                    offering.sku
                ),
            ));
        }
        // The line has no price for now (e.g. an answer is beyond the estimate table): the
        // discount is kept in the scope and applies again once the line is priced.
        priced.warnings.push(format!(
            "{}: the line discount does not apply while the line has no price",
            offering.sku
        ));
    }
    let expense = if delivery == DeliveryMode::OnSite {
        expense(&ctx, index, priced.trips)?
    } else {
        None
    };
    Ok(Draft {
        item: index,
        sku: offering.sku.clone(),
        name: offering.name.clone(),
        category: &offering.category,
        sale: offering.sale,
        delivery: Some(delivery),
        quantity: priced.quantity,
        quantity_high: priced.quantity_high,
        unit: priced.unit,
        unit_price: priced.unit_price,
        components: priced.components,
        gross: priced.gross,
        discount: None,
        net: None,
        trace: priced.trace,
        missing: priced.missing,
        warnings: priced.warnings,
        expense,
        percent_of,
        line_discount,
        currency: prices.currency,
    })
}

fn unknown_sku_message(catalog: &Catalog, sku: &str) -> String {
    let suggestion = catalog
        .offerings()
        .iter()
        .map(|o| {
            (
                edit_distance(&o.sku.to_ascii_uppercase(), &sku.to_ascii_uppercase()),
                &o.sku,
            )
        })
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, s)| format!("; did you mean {s}?"))
        .unwrap_or_default();
    format!(
        "unknown SKU {sku:?}: no offering in catalog {} has it{suggestion}",
        catalog.data().id
    )
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution =
                previous.get(j).copied().unwrap_or(usize::MAX / 2) + usize::from(ca != *cb);
            let deletion = previous.get(j + 1).copied().unwrap_or(usize::MAX / 2) + 1;
            let insertion = current.get(j).copied().unwrap_or(usize::MAX / 2) + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

fn delivery_mode(
    catalog: &Catalog,
    offering: &Offering,
    item: &ScopeItem,
    index: usize,
) -> Result<DeliveryMode, Vec<FieldError>> {
    let default = offering
        .delivery
        .modes
        .first()
        .copied()
        .unwrap_or(DeliveryMode::Remote);
    let Some(wanted) = item.delivery else {
        return Ok(default);
    };
    if offering.delivery.modes.contains(&wanted) {
        return Ok(wanted);
    }
    let sibling = offering
        .delivery
        .sibling
        .as_deref()
        .and_then(|s| catalog.offering(s))
        .filter(|s| s.delivery.modes.contains(&wanted))
        .map(|s| format!("; for {} delivery use {}", wanted.label(), s.sku))
        .unwrap_or_default();
    Err(vec![FieldError::new(
        format!("items[{index}].delivery"),
        format!(
            "{} is delivered {} only{sibling}",
            offering.sku,
            offering
                .delivery
                .modes
                .iter()
                .map(|m| m.label())
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    )])
}

fn check_availability(ctx: &Ctx<'_>, options: &QuoteOptions) -> Result<(), Vec<FieldError>> {
    let Some(today) = options.as_of else {
        return Ok(());
    };
    let offering = ctx.offering;
    if let Some(from) = offering.available_from
        && today < from
    {
        return Err(ctx.error("sku", format!("{} is not sold until {from}", offering.sku)));
    }
    if let Some(until) = offering.available_until
        && today > until
    {
        return Err(ctx.error(
            "sku",
            format!("{} was withdrawn after {until}", offering.sku),
        ));
    }
    Ok(())
}

/// Refuses fields that do not apply to the offering's pricing model, so a typo or a stale
/// field never silently prices something else.
fn check_fields(ctx: &Ctx<'_>) -> Result<(), Vec<FieldError>> {
    let item = ctx.item;
    let pricing = &ctx.offering.pricing;
    let model = pricing.model_name();
    let mut errors = Vec::new();
    let mut refuse = |present: bool, field: &str, applies: &str| {
        if present {
            errors.push(FieldError::new(
                ctx.field(field),
                format!(
                    "{} is priced by the {model} model; `{field}` only applies to {applies}",
                    ctx.offering.sku
                ),
            ));
        }
    };
    let is_class = matches!(pricing, Pricing::Class { .. });
    let is_blocks = matches!(pricing, Pricing::Blocks { .. });
    let is_tm = matches!(pricing, Pricing::TimeAndMaterials { .. });
    refuse(
        item.attendees.is_some() && !is_class,
        "attendees",
        "classes",
    );
    refuse(
        item.hours.is_some() && !is_blocks,
        "hours",
        "blocks of hours",
    );
    refuse(
        !item.effort.is_empty() && !is_tm,
        "effort",
        "time-and-materials work",
    );
    refuse(
        item.not_to_exceed.is_some() && !is_tm,
        "not_to_exceed",
        "time-and-materials work",
    );
    refuse(
        item.quantity.is_some()
            && matches!(
                pricing,
                Pricing::RangeTable { .. }
                    | Pricing::TimeAndMaterials { .. }
                    | Pricing::PercentOfSubtotal { .. }
            ),
        "quantity",
        "offerings sold by the unit",
    );
    if is_blocks && item.hours.is_some() && item.quantity.is_some() {
        errors.push(FieldError::new(
            ctx.field("hours"),
            "give hours or a number of blocks (quantity), not both",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn list_price_step(
    priced: &mut Priced,
    ctx: &Ctx<'_>,
    price: Decimal,
    unit: Cow<'static, str>,
    note: Option<TraceDetail>,
) {
    let delivery = (ctx.offering.delivery.modes.len() > 1).then_some(ctx.delivery);
    priced.push(
        TraceDetail::ListPrice {
            price,
            unit,
            delivery,
        },
        None,
    );
    priced.push_opt(note);
}

fn unit_words(unit: &str) -> Cow<'static, str> {
    match unit {
        "engagement" => Cow::Borrowed("engagement"),
        "class" => Cow::Borrowed("class"),
        "seat" => Cow::Borrowed("seat"),
        "block" => Cow::Borrowed("block"),
        "estimate" => Cow::Borrowed("estimate"),
        "trip" => Cow::Borrowed("trip"),
        other => Cow::Owned(other.to_string()),
    }
}

fn fixed(ctx: &Ctx<'_>, unit: &str) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new(unit, ctx.currency());
    let (price, note) = ctx.unit_price(&ctx.offering.sku, ctx.delivery)?;
    list_price_step(&mut priced, ctx, price, unit_words(unit), note);
    let quantity = ctx.item.quantity.unwrap_or(1);
    let gross = mul(price, dec(quantity)).ok_or_else(|| ctx.overflow())?;
    let gross = PriceRange::firm(at_scale(gross, ctx.currency()));
    priced.push(
        TraceDetail::UnitQuantity {
            quantity,
            unit: unit_words(unit),
            price,
            total: gross.low,
        },
        Some(gross),
    );
    priced.quantity = quantity;
    priced.unit_price = Some(price);
    priced.gross = Some(gross);
    priced.trips = (quantity, quantity);
    Ok(priced)
}

struct ClassRule<'a> {
    capacity: u64,
    seat_addon: &'a str,
    per_extra: u64,
    attendees_question: Option<&'a str>,
}

/// One way to seat a group: `classes` classes plus `addons` seat add-ons.
#[derive(Clone, Copy)]
struct Seating {
    classes: u64,
    addons: u64,
    classes_amount: Decimal,
    addons_amount: Decimal,
    total: Decimal,
}

fn seating(
    rule: &ClassRule<'_>,
    attendees: u64,
    classes: u64,
    class_price: Decimal,
    addon_price: Decimal,
) -> Option<Seating> {
    let seats = rule.capacity.checked_mul(classes)?;
    let addons = attendees
        .saturating_sub(seats)
        .checked_mul(rule.per_extra)?;
    let classes_amount = mul(class_price, dec(classes))?;
    let addons_amount = mul(addon_price, dec(addons))?;
    Some(Seating {
        classes,
        addons,
        classes_amount,
        addons_amount,
        total: classes_amount.checked_add(addons_amount)?,
    })
}

/// The cheapest seating for `attendees`; on a tie, more classes. The cost is linear in the
/// class count up to ⌊attendees / capacity⌋ and then jumps to ⌈attendees / capacity⌉ classes
/// with no add-ons, so the cheapest is at 1, ⌊a/c⌋ or ⌈a/c⌉.
fn cheapest_seating(
    rule: &ClassRule<'_>,
    attendees: u64,
    class_price: Decimal,
    addon_price: Decimal,
) -> Option<(Seating, Vec<Seating>)> {
    let capacity = rule.capacity.max(1);
    let most = attendees.div_ceil(capacity).max(1);
    let fewest = (attendees / capacity).max(1);
    let mut best: Option<Seating> = None;
    for classes in [1, fewest, most] {
        let option = seating(rule, attendees, classes, class_price, addon_price)?;
        best = match best {
            Some(b) if b.total < option.total => Some(b),
            Some(b) if b.total == option.total && b.classes >= option.classes => Some(b),
            _ => Some(option),
        };
    }
    let best = best?;
    // The neighbours of the choice, to show the comparison in the trace.
    let mut compared = Vec::new();
    for classes in [
        best.classes.saturating_sub(1),
        best.classes,
        best.classes + 1,
    ] {
        if (1..=most).contains(&classes) {
            compared.push(seating(rule, attendees, classes, class_price, addon_price)?);
        }
    }
    Some((best, compared))
}

enum Attendees {
    Known(u64, Option<String>),
    Unknown(Band, String),
    NotGiven,
}

fn class(ctx: &Ctx<'_>, rule: ClassRule<'_>) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new("class", ctx.currency());
    let (class_price, note) = ctx.unit_price(&ctx.offering.sku, ctx.delivery)?;
    let (addon_price, addon_note) = ctx.unit_price(rule.seat_addon, ctx.delivery)?;
    list_price_step(&mut priced, ctx, class_price, Cow::Borrowed("class"), note);
    priced.push_opt(addon_note);
    priced.unit_price = Some(class_price);

    let attendees = match (ctx.item.attendees, rule.attendees_question) {
        (Some(a), _) => Attendees::Known(a, None),
        (None, Some(question)) => match ctx.number_answer(question)? {
            Some(a) => Attendees::Known(a, Some(question.to_string())),
            None if ctx.item.quantity.is_none() => match ctx.plausible(question) {
                Some(band) => Attendees::Unknown(band, question.to_string()),
                None => Attendees::NotGiven,
            },
            None => Attendees::NotGiven,
        },
        (None, None) => Attendees::NotGiven,
    };
    let overflow = || ctx.overflow();
    let addon_sku = rule.seat_addon;

    match (ctx.item.quantity, attendees) {
        (Some(classes), Attendees::Known(attendees, source)) => {
            if let Some(question) = source {
                priced.push(
                    TraceDetail::AttendeesFromAnswer {
                        attendees,
                        question,
                    },
                    None,
                );
            }
            let seat = seating(&rule, attendees, classes, class_price, addon_price)
                .ok_or_else(overflow)?;
            seat_trace(&mut priced, &rule, attendees, seat, addon_price);
            fill_seating(ctx, &mut priced, seat, class_price, addon_sku, addon_price);
        }
        (Some(classes), _) => {
            let seat = seating(&rule, 0, classes, class_price, addon_price).ok_or_else(overflow)?;
            priced.push(
                TraceDetail::ClassCount {
                    classes,
                    capacity: rule.capacity,
                },
                None,
            );
            fill_seating(ctx, &mut priced, seat, class_price, addon_sku, addon_price);
        }
        (None, Attendees::Known(attendees, source)) => {
            if let Some(question) = source {
                priced.push(
                    TraceDetail::AttendeesFromAnswer {
                        attendees,
                        question,
                    },
                    None,
                );
            }
            let (best, compared) = cheapest_seating(&rule, attendees, class_price, addon_price)
                .ok_or_else(overflow)?;
            seat_trace(&mut priced, &rule, attendees, best, addon_price);
            if compared.len() > 1 {
                let tie = compared.iter().filter(|s| s.total == best.total).count() > 1;
                priced.push(
                    TraceDetail::CheapestClasses {
                        options: compared.iter().map(|s| (s.classes, s.total)).collect(),
                        chosen: best.classes,
                        tie,
                    },
                    None,
                );
            }
            fill_seating(ctx, &mut priced, best, class_price, addon_sku, addon_price);
        }
        (None, Attendees::Unknown(band, question)) => {
            let low_count = band.from;
            let high_count = band.to.unwrap_or(band.from);
            let (low, _) = cheapest_seating(&rule, low_count, class_price, addon_price)
                .ok_or_else(overflow)?;
            let (high, _) = cheapest_seating(&rule, high_count, class_price, addon_price)
                .ok_or_else(overflow)?;
            let gross = PriceRange {
                low: at_scale(low.total, ctx.currency()),
                high: at_scale(high.total, ctx.currency()),
            };
            priced.missing.push(question.clone());
            priced.push(
                TraceDetail::AttendeesMissing {
                    question,
                    band,
                    low_classes: low.classes,
                    high_classes: high.classes,
                },
                Some(gross),
            );
            priced.quantity = low.classes;
            priced.quantity_high = (high.classes != low.classes).then_some(high.classes);
            priced.trips = (low.classes, high.classes);
            priced.gross = Some(gross);
        }
        (None, Attendees::NotGiven) => {
            let seat = seating(&rule, 0, 1, class_price, addon_price).ok_or_else(overflow)?;
            priced.push(
                TraceDetail::DefaultClass {
                    capacity: rule.capacity,
                },
                None,
            );
            fill_seating(ctx, &mut priced, seat, class_price, addon_sku, addon_price);
        }
    }
    Ok(priced)
}

fn seat_trace(
    priced: &mut Priced,
    rule: &ClassRule<'_>,
    attendees: u64,
    seat: Seating,
    addon_price: Decimal,
) {
    priced.push(
        TraceDetail::Seating {
            attendees,
            classes: seat.classes,
            capacity: rule.capacity,
            addons: seat.addons,
            seat_sku: rule.seat_addon.to_string(),
            addon_price,
            per_extra: rule.per_extra,
        },
        None,
    );
}

fn fill_seating(
    ctx: &Ctx<'_>,
    priced: &mut Priced,
    seat: Seating,
    class_price: Decimal,
    addon_sku: &str,
    addon_price: Decimal,
) {
    let currency = ctx.currency();
    priced.components.push(Component {
        sku: ctx.offering.sku.clone(),
        description: format!("{} {}", seat.classes, plural("class", seat.classes)),
        quantity: dec(seat.classes),
        unit_price: class_price,
        amount: at_scale(seat.classes_amount, currency),
    });
    if seat.addons > 0 {
        priced.components.push(Component {
            sku: addon_sku.to_string(),
            description: format!("{} seat {}", seat.addons, plural("add-on", seat.addons)),
            quantity: dec(seat.addons),
            unit_price: addon_price,
            amount: at_scale(seat.addons_amount, currency),
        });
    }
    let gross = PriceRange::firm(at_scale(seat.total, currency));
    priced.push(
        TraceDetail::ClassTotal {
            classes: seat.classes,
            class_price,
            addons: seat.addons,
            addon_price,
            total: gross.low,
        },
        Some(gross),
    );
    priced.quantity = seat.classes;
    priced.trips = (seat.classes, seat.classes);
    priced.gross = Some(gross);
}

fn blocks(
    ctx: &Ctx<'_>,
    hours_per_block: u64,
    included_pm_hours: u32,
) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new("block", ctx.currency());
    let (price, note) = ctx.unit_price(&ctx.offering.sku, ctx.delivery)?;
    priced.push(
        TraceDetail::BlockListPrice {
            price,
            hours: hours_per_block,
            pm_hours: included_pm_hours,
        },
        None,
    );
    priced.push_opt(note);
    let blocks = match ctx.item.hours {
        Some(hours) => {
            if hours <= Decimal::ZERO {
                return Err(ctx.error("hours", "must be more than 0 hours"));
            }
            let exact = hours
                .checked_div(dec(hours_per_block.max(1)))
                .ok_or_else(|| ctx.overflow())?;
            let blocks = u64::try_from(exact.ceil()).map_err(|_| ctx.overflow())?;
            priced.push(
                TraceDetail::Blocks {
                    hours,
                    hours_per_block,
                    exact,
                    blocks,
                },
                None,
            );
            blocks
        }
        None => ctx.item.quantity.unwrap_or(1),
    };
    let gross = PriceRange::firm(at_scale(
        mul(price, dec(blocks)).ok_or_else(|| ctx.overflow())?,
        ctx.currency(),
    ));
    priced.push(
        TraceDetail::UnitQuantity {
            quantity: blocks,
            unit: Cow::Borrowed("block"),
            price,
            total: gross.low,
        },
        Some(gross),
    );
    priced.quantity = blocks;
    priced.unit_price = Some(price);
    priced.gross = Some(gross);
    priced.trips = (blocks, blocks);
    Ok(priced)
}

fn tiered(
    ctx: &Ctx<'_>,
    mode: TierMode,
    unit: &str,
    bands: &[Band],
    min_quantity: Option<u64>,
    max_quantity: Option<u64>,
) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new(unit, ctx.currency());
    let (entry, converted) = ctx.prices.entry(&ctx.offering.sku).ok_or_else(|| {
        ctx.error(
            "sku",
            format!(
                "the catalog has no {} tier prices for {}",
                ctx.currency().code(),
                ctx.offering.sku
            ),
        )
    })?;
    let min = min_quantity.unwrap_or(1);
    let quantity = ctx.item.quantity.unwrap_or(min);
    if quantity < min {
        return Err(ctx.error(
            "quantity",
            format!(
                "{} is sold from {min} {}; got {quantity}",
                ctx.offering.sku,
                plural(unit, min)
            ),
        ));
    }
    if let Some(max) = max_quantity
        && quantity > max
    {
        return Err(ctx.error(
            "quantity",
            format!(
                "{} is sold up to {max} {}; got {quantity}",
                ctx.offering.sku,
                plural(unit, max)
            ),
        ));
    }
    if converted {
        priced.push(
            TraceDetail::ConvertedTable {
                tiers: true,
                base_currency: ctx.prices.base_currency,
            },
            None,
        );
    }
    let currency = ctx.currency();
    let no_band = || {
        ctx.error(
            "quantity",
            format!(
                "{quantity} {} is in none of the catalog's tiers for {}",
                plural(unit, quantity),
                ctx.offering.sku
            ),
        )
    };
    let gross = match mode {
        TierMode::Volume => {
            let (index, band) = bands
                .iter()
                .enumerate()
                .find(|(_, b)| b.contains(quantity))
                .ok_or_else(no_band)?;
            let price = entry.tiers.get(index).copied().ok_or_else(no_band)?;
            let amount = mul(price, dec(quantity)).ok_or_else(|| ctx.overflow())?;
            priced.unit_price = Some(at_scale(price, currency));
            priced.push(
                TraceDetail::TierVolume {
                    quantity,
                    unit: unit.to_string(),
                    band: *band,
                    price,
                    amount,
                },
                None,
            );
            amount
        }
        TierMode::Graduated => {
            let mut total = Decimal::ZERO;
            let mut parts = Vec::new();
            for (index, band) in bands.iter().enumerate() {
                if quantity < band.from {
                    break;
                }
                let upper = band.to.map_or(quantity, |to| to.min(quantity));
                let count = upper.saturating_sub(band.from) + 1;
                let price = entry.tiers.get(index).copied().ok_or_else(no_band)?;
                let amount = mul(price, dec(count)).ok_or_else(|| ctx.overflow())?;
                total = total.checked_add(amount).ok_or_else(|| ctx.overflow())?;
                parts.push((count, price, *band));
                priced.components.push(Component {
                    sku: ctx.offering.sku.clone(),
                    description: format!(
                        "{} {} in the {} tier",
                        count,
                        plural(unit, count),
                        band.label()
                    ),
                    quantity: dec(count),
                    unit_price: at_scale(price, currency),
                    amount: at_scale(amount, currency),
                });
            }
            priced.push(TraceDetail::TierGraduated { parts, total }, None);
            total
        }
    };
    let gross = PriceRange::firm(at_scale(gross, currency));
    priced.quantity = quantity;
    priced.gross = Some(gross);
    priced.trips = (1, 1);
    if let Some(step) = priced.trace.last_mut() {
        step.after = Some(gross);
    }
    Ok(priced)
}

fn time_and_materials(ctx: &Ctx<'_>, roles: &[String]) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new("engagement", ctx.currency());
    let effort = &ctx.item.effort;
    if effort.is_empty() {
        priced.push(TraceDetail::NoEffort, None);
        priced.warnings.push(format!(
            "{}: no effort estimate yet, so the line is not in the total",
            ctx.offering.sku
        ));
        return Ok(priced);
    }
    let currency = ctx.currency();
    let mut errors = Vec::new();
    let mut total = Decimal::ZERO;
    let mut hours_total = Decimal::ZERO;
    for (role_id, hours) in effort {
        let field = format!("effort.{role_id}");
        if !roles.is_empty() && !roles.contains(role_id) {
            errors.extend(ctx.error(
                &field,
                format!(
                    "{} is staffed by {}; {role_id:?} is not one of its roles",
                    ctx.offering.sku,
                    roles.join(", ")
                ),
            ));
            continue;
        }
        let Some((role, source)) = ctx.prices.role(role_id) else {
            errors.extend(ctx.error(
                &field,
                format!("the {} rate card has no role {role_id:?}", currency.code()),
            ));
            continue;
        };
        priced.push_opt(
            ctx.prices
                .source_detail(&source, role.bill, Converted::ListPrice),
        );
        let amount = mul(role.bill, *hours).ok_or_else(|| ctx.overflow())?;
        total = total.checked_add(amount).ok_or_else(|| ctx.overflow())?;
        hours_total = hours_total
            .checked_add(*hours)
            .ok_or_else(|| ctx.overflow())?;
        priced.components.push(Component {
            sku: ctx.offering.sku.clone(),
            description: format!("{} hours of {}", hours.normalize(), role.name),
            quantity: *hours,
            unit_price: at_scale(role.bill, currency),
            amount: at_scale(amount, currency),
        });
        priced.push(
            TraceDetail::Effort {
                role: role.name,
                hours: *hours,
                rate: role.bill,
                amount,
            },
            None,
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut gross = at_scale(total, currency);
    if let Some(cap) = ctx.item.not_to_exceed {
        if gross > cap {
            priced.push(
                TraceDetail::NotToExceed {
                    estimate: gross,
                    cap,
                    capped: true,
                },
                Some(PriceRange::firm(at_scale(cap, currency))),
            );
            priced.warnings.push(format!(
                "{}: effort estimate {} is above the not-to-exceed cap {}",
                ctx.offering.sku,
                ctx.money(gross),
                ctx.money(cap)
            ));
            gross = at_scale(cap, currency);
        } else {
            priced.push(
                TraceDetail::NotToExceed {
                    estimate: gross,
                    cap,
                    capped: false,
                },
                None,
            );
        }
    }
    let gross = PriceRange::firm(gross);
    priced.push(
        TraceDetail::EffortTotal {
            hours: hours_total,
            amount: gross.low,
        },
        Some(gross),
    );
    priced.unit = Cow::Borrowed("engagement");
    priced.gross = Some(gross);
    Ok(priced)
}

/// Where an answer falls on a table axis.
enum Pick {
    /// In band `index`.
    Band(usize),
    /// Unanswered: anywhere from band `from` to band `to`.
    Span(usize, usize, Band),
    /// Answered, but outside every band.
    Outside(u64),
}

fn pick(ctx: &Ctx<'_>, axis: &Axis, priced: &mut Priced) -> Result<Pick, Vec<FieldError>> {
    match ctx.number_answer(&axis.question)? {
        Some(value) => Ok(axis
            .bands
            .iter()
            .position(|b| b.contains(value))
            .map_or(Pick::Outside(value), Pick::Band)),
        None => {
            let all = Band {
                from: axis.bands.first().map_or(0, |b| b.from),
                to: axis.bands.last().and_then(|b| b.to),
            };
            let band = ctx.plausible(&axis.question).unwrap_or(all);
            let first = axis
                .bands
                .iter()
                .position(|b| b.to.is_none_or(|to| to >= band.from))
                .unwrap_or(0);
            let last = axis
                .bands
                .iter()
                .rposition(|b| band.to.is_none_or(|to| b.from <= to))
                .unwrap_or(axis.bands.len().saturating_sub(1));
            priced.missing.push(axis.question.clone());
            Ok(Pick::Span(first, last.max(first), band))
        }
    }
}

fn span(pick: &Pick) -> Option<(usize, usize)> {
    match pick {
        Pick::Band(i) => Some((*i, *i)),
        Pick::Span(a, b, _) => Some((*a, *b)),
        Pick::Outside(_) => None,
    }
}

fn axis_words(ctx: &Ctx<'_>, axis: &Axis, pick: &Pick) -> AxisWords {
    let question = axis.question.clone();
    match pick {
        Pick::Band(i) => AxisWords::Band {
            value: ctx
                .scope
                .answers
                .get(&axis.question)
                .and_then(Answer::as_number)
                .unwrap_or(0),
            band: axis
                .bands
                .get(*i)
                .copied()
                .unwrap_or(Band { from: 0, to: None }),
            question,
        },
        Pick::Span(_, _, band) => AxisWords::Missing {
            text: ctx
                .catalog
                .question(&axis.question)
                .map_or_else(|| axis.question.clone(), |q| q.text.clone()),
            band: *band,
            question,
        },
        Pick::Outside(value) => AxisWords::Outside {
            question,
            value: *value,
        },
    }
}

fn range_table(
    ctx: &Ctx<'_>,
    rows: &Axis,
    columns: &Axis,
    add_ons: &[AddOnRule],
) -> Result<Priced, Vec<FieldError>> {
    let mut priced = Priced::new("estimate", ctx.currency());
    let row = pick(ctx, rows, &mut priced)?;
    let column = pick(ctx, columns, &mut priced)?;
    let (Some((r0, r1)), Some((c0, c1))) = (span(&row), span(&column)) else {
        let limit = |axis: &Axis| axis.bands.last().and_then(|b| b.to);
        priced.push(
            TraceDetail::BeyondTable {
                axes: Box::new((
                    axis_words(ctx, rows, &row),
                    axis_words(ctx, columns, &column),
                )),
                rows_limit: limit(rows),
                columns_limit: limit(columns),
            },
            None,
        );
        priced.warnings.push(format!(
            "{}: the scope is beyond the rough-order-of-magnitude table; a custom estimate is needed",
            ctx.offering.sku
        ));
        return Ok(priced);
    };
    let (entry, converted) = ctx.prices.entry(&ctx.offering.sku).ok_or_else(|| {
        ctx.error(
            "sku",
            format!(
                "the catalog has no {} estimate table for {}",
                ctx.currency().code(),
                ctx.offering.sku
            ),
        )
    })?;
    if converted {
        priced.push(
            TraceDetail::ConvertedTable {
                tiers: false,
                base_currency: ctx.prices.base_currency,
            },
            None,
        );
    }
    let mut low: Option<Decimal> = None;
    let mut high: Option<Decimal> = None;
    for r in r0..=r1 {
        for c in c0..=c1 {
            let cell = entry
                .table
                .get(r)
                .and_then(|row| row.get(c))
                .ok_or_else(|| ctx.error("sku", format!("the catalog's estimate table for {} has no cell at row {r}, column {c}", ctx.offering.sku)))?;
            low = Some(low.map_or(cell[0], |l| l.min(cell[0])));
            high = Some(high.map_or(cell[1], |h| h.max(cell[1])));
        }
    }
    let currency = ctx.currency();
    let (Some(low), Some(high)) = (low, high) else {
        return Err(ctx.error("sku", "the estimate table is empty"));
    };
    let mut gross = PriceRange {
        low: at_scale(low, currency),
        high: at_scale(high, currency),
    };
    priced.push(
        TraceDetail::RangeTable {
            axes: Box::new((
                axis_words(ctx, rows, &row),
                axis_words(ctx, columns, &column),
            )),
        },
        Some(gross),
    );
    for (index, rule) in add_ons.iter().enumerate() {
        let price = entry.add_ons.get(index).copied().ok_or_else(|| {
            ctx.error(
                "sku",
                format!(
                    "the catalog has no amount for add-on {:?} of {}",
                    rule.label, ctx.offering.sku
                ),
            )
        })?;
        let (groups_low, groups_high, count) = match ctx.number_answer(&rule.question)? {
            Some(count) => {
                let groups = count.div_ceil(rule.per.max(1));
                (groups, groups, Count::Answered(count))
            }
            None => {
                let band = ctx.plausible(&rule.question).unwrap_or(Band {
                    from: 0,
                    to: Some(0),
                });
                priced.missing.push(rule.question.clone());
                (
                    band.from.div_ceil(rule.per.max(1)),
                    band.to.unwrap_or(band.from).div_ceil(rule.per.max(1)),
                    Count::Missing(band),
                )
            }
        };
        let add = PriceRange {
            low: mul(price, dec(groups_low)).ok_or_else(|| ctx.overflow())?,
            high: mul(price, dec(groups_high)).ok_or_else(|| ctx.overflow())?,
        };
        let before = gross;
        gross = gross
            .checked_add(add)
            .ok_or_else(|| ctx.overflow())?
            .try_map(|d| Some(at_scale(d, currency)))
            .ok_or_else(|| ctx.overflow())?;
        let groups = if groups_low == groups_high {
            format!("{groups_low} started {}", plural("group", groups_low))
        } else {
            format!("{groups_low}–{groups_high} started groups")
        };
        priced.trace.push(TraceStep::new(
            TraceDetail::AddOn(Box::new(AddOnWords {
                question: rule.question.clone(),
                count,
                groups: (groups_low, groups_high),
                per: rule.per,
                label: rule.label.clone(),
                price,
                amount: add,
            })),
            currency,
            Some(before),
            Some(gross),
        ));
        if groups_high > 0 {
            priced.components.push(Component {
                sku: ctx.offering.sku.clone(),
                description: format!("{groups}: {}", rule.label),
                quantity: dec(groups_high),
                unit_price: at_scale(price, currency),
                amount: at_scale(add.high, currency),
            });
        }
    }
    priced.gross = Some(gross);
    Ok(priced)
}

fn custom(ctx: &Ctx<'_>, note: &str) -> Priced {
    let mut priced = Priced::new("engagement", ctx.currency());
    let quantity = ctx.item.quantity.unwrap_or(1);
    priced.quantity = quantity;
    priced.trips = (quantity, quantity);
    priced.push(
        TraceDetail::Custom {
            note: note.to_string(),
        },
        None,
    );
    priced.warnings.push(format!(
        "{}: custom estimate needed (not in the total)",
        ctx.offering.sku
    ));
    priced
}

fn expense(
    ctx: &Ctx<'_>,
    item: usize,
    trips: (u64, u64),
) -> Result<Option<Box<ExpenseDraft>>, Vec<FieldError>> {
    let Some((travel, source)) = ctx.prices.travel() else {
        return Err(ctx.error(
            "delivery",
            format!(
                "on-site delivery needs a travel estimate, but the {} price book has none",
                ctx.currency().code()
            ),
        ));
    };
    let delivery = &ctx.offering.delivery;
    let travelers = u64::from(delivery.travelers);
    let days = u64::from(delivery.on_site_days);
    let currency = ctx.currency();
    let per_trip = mul(travel.per_day, dec(days))
        .and_then(|d| d.checked_add(travel.per_trip))
        .and_then(|d| mul(d, dec(travelers)))
        .ok_or_else(|| ctx.overflow())?;
    let amount = PriceRange {
        low: currency.round(
            mul(per_trip, dec(trips.0)).ok_or_else(|| ctx.overflow())?,
            ctx.prices.mode,
        ),
        high: currency.round(
            mul(per_trip, dec(trips.1)).ok_or_else(|| ctx.overflow())?,
            ctx.prices.mode,
        ),
    };
    let mut trace = Vec::with_capacity(2);
    if let Some(detail) = ctx
        .prices
        .source_detail(&source, travel.per_trip, Converted::Travel)
    {
        trace.push(TraceStep::new(detail, currency, None, None));
    }
    trace.push(TraceStep::new(
        TraceDetail::Travel {
            travelers,
            per_trip: travel.per_trip,
            days,
            per_day: travel.per_day,
            trips,
            amount,
        },
        currency,
        None,
        Some(amount),
    ));
    Ok(Some(Box::new(ExpenseDraft {
        item,
        sku: ctx.offering.sku.clone(),
        name: format!("Travel and expenses for {} (estimate)", ctx.offering.name),
        sale: ctx.offering.sale,
        delivery: ctx.delivery,
        trips,
        amount,
        trace,
    })))
}

impl ExpenseDraft {
    pub(crate) fn into_line(self) -> QuoteLine {
        QuoteLine {
            item: self.item,
            sku: self.sku,
            name: self.name,
            kind: LineKind::Expense,
            sale: self.sale,
            delivery: Some(self.delivery),
            quantity: self.trips.0,
            quantity_high: (self.trips.1 != self.trips.0).then_some(self.trips.1),
            unit: Cow::Borrowed("trip"),
            unit_price: None,
            components: Vec::new(),
            gross: Some(self.amount),
            discount: None,
            net: Some(self.amount),
            quote_discount: None,
            total: Some(self.amount),
            trace: self.trace,
        }
    }
}

impl<'c> Draft<'c> {
    pub(crate) fn is_percent(&self) -> bool {
        self.percent_of.is_some()
    }

    /// Prices a percent-of-subtotal line on the nets of the other lines.
    pub(crate) fn price_percent(
        &mut self,
        nets: &[(&str, Option<PriceRange>, bool)],
        prices: &PriceList<'_>,
    ) -> Result<(), String> {
        let Some((percent, categories)) = &self.percent_of else {
            return Ok(());
        };
        let currency = prices.currency;
        let mut basis = PriceRange::firm(currency.zero());
        for (category, net, is_percent) in nets {
            if *is_percent || !(categories.is_empty() || categories.iter().any(|c| c == category)) {
                continue;
            }
            if let Some(net) = net {
                basis = basis
                    .checked_add(*net)
                    .ok_or_else(|| format!("items[{}]", self.item))?;
            }
        }
        let gross = basis
            .try_map(|end| end.checked_mul(*percent)?.checked_div(Decimal::ONE_HUNDRED))
            .ok_or_else(|| format!("items[{}]", self.item))?
            .try_map(|end| Some(at_scale(end, currency)))
            .ok_or_else(|| format!("items[{}]", self.item))?;
        self.trace.push(TraceStep::new(
            TraceDetail::PercentOfSubtotal {
                percent: *percent,
                categories: categories.clone().into_boxed_slice(),
                basis,
            },
            currency,
            None,
            Some(gross),
        ));
        self.gross = Some(gross);
        Ok(())
    }

    /// Applies the line discount and rounds the net, once.
    pub(crate) fn apply_line_discount(&mut self, prices: &PriceList<'_>) -> Result<(), String> {
        let Some(gross) = self.gross else {
            return Ok(());
        };
        let field = || format!("items[{}]", self.item);
        let currency = prices.currency;
        let mode = prices.mode;
        let discounted = match self.line_discount {
            LineDiscount::None => gross,
            LineDiscount::Percent(p) => gross
                .try_map(|end| {
                    let off = end.checked_mul(p)?.checked_div(Decimal::ONE_HUNDRED)?;
                    end.checked_sub(off)
                })
                .ok_or_else(field)?,
            LineDiscount::Amount(a) => gross
                .try_map(|end| Some((end - a.min(end)).max(Decimal::ZERO)))
                .ok_or_else(field)?,
        };
        let net = discounted.round(currency, mode);
        let detail = match self.line_discount {
            LineDiscount::None if net != gross => Some(TraceDetail::Rounding { mode }),
            LineDiscount::None => None,
            LineDiscount::Percent(percent) => Some(TraceDetail::LineDiscountPercent { percent }),
            LineDiscount::Amount(amount) => Some(TraceDetail::LineDiscountAmount {
                amount,
                capped: amount > gross.low,
            }),
        };
        if let Some(detail) = detail {
            self.trace
                .push(TraceStep::new(detail, currency, Some(gross), Some(net)));
        }
        self.discount = Some(
            gross
                .checked_sub(net)
                .ok_or_else(field)?
                .try_map(|d| Some(at_scale(d, currency)))
                .ok_or_else(field)?,
        );
        self.net = Some(net);
        Ok(())
    }

    /// The finished line, with its share of the quote discount.
    pub(crate) fn finish(mut self, share: PriceRange, quote_percent: Decimal) -> Option<QuoteLine> {
        let currency = self.currency;
        let kind = match self.gross {
            None => LineKind::Custom,
            Some(g) if g.is_firm() => LineKind::Firm,
            Some(_) => LineKind::Range,
        };
        let (quote_discount, total) = match self.net {
            Some(net) => {
                let total = net.checked_sub(share)?;
                if quote_percent > Decimal::ZERO {
                    self.trace.push(TraceStep::new(
                        TraceDetail::QuoteDiscount {
                            percent: quote_percent,
                            share,
                        },
                        currency,
                        Some(net),
                        Some(total),
                    ));
                }
                (Some(share), Some(total))
            }
            None => (None, None),
        };
        Some(QuoteLine {
            item: self.item,
            sku: self.sku,
            name: self.name,
            kind,
            sale: self.sale,
            delivery: self.delivery,
            quantity: self.quantity,
            quantity_high: self.quantity_high,
            unit: self.unit,
            unit_price: self.unit_price.map(|p| at_scale(p, currency)),
            components: self.components,
            gross: self.gross,
            discount: self.discount,
            net: self.net,
            quote_discount,
            total,
            trace: self.trace,
        })
    }
}

/// `class` → `classes` when `n != 1`.
pub(crate) fn plural(word: &str, n: u64) -> String {
    if n == 1 {
        return word.to_string();
    }
    if word.ends_with("ss") || word.ends_with('x') || word.ends_with("ch") {
        format!("{word}es")
    } else if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if word.ends_with('s') || word.contains(' ') || word.contains('(') {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
