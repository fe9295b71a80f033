//! The pricing models: from one scope item to a gross amount with its trace.
//!
//! [`draft`] checks the item ([`input`]), dispatches on the offering's [`Pricing`] model to
//! the file that prices it, has [`super::line`] apply the line discount and round, and adds
//! the travel line for on-site delivery. The share of the quote discount comes once every
//! line is priced.

mod blocks;
mod class;
mod custom;
mod custom_sow_route;
mod fixed;
mod input;
mod percent_of_subtotal;
mod range_table;
mod recurring;
mod tiered;
mod time_and_materials;
mod travel;

pub(super) use percent_of_subtotal::price_on_other_lines;

use std::cell::OnceCell;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::component::Component;
use super::line::{Billing, Draft, LineDiscount};
use super::prices::{Key, PriceList};
use super::trace::{Converted, Trace, TraceDetail, TraceStep};
use super::types::{LineKind, QuoteLine, QuoteOptions};
use crate::catalog::{Band, Catalog, DeliveryMode, Offering, Pricing, SharedNames};
use crate::condition::ScopeFacts;
use crate::field_error::{FieldError, FieldPath};
use crate::money::{Currency, PriceRange};
use crate::scope::{Answer, Scope, ScopeItem};

/// What a model computed for one item.
struct Priced {
    currency: Currency,
    quantity: u64,
    quantity_high: Option<u64>,
    unit: Arc<str>,
    unit_price: Option<Decimal>,
    components: Vec<Component>,
    gross: Option<PriceRange>,
    /// The quote's steps being written; this line's are those from `first_step` on.
    trace: Vec<TraceStep>,
    first_step: usize,
    missing: Vec<Arc<str>>,
    warnings: Vec<String>,
    /// Deliveries that need travel when on site (low, high).
    trips: (u64, u64),
}

impl Priced {
    /// Nothing priced yet: one unit of the model's unit, no amount; its steps are written
    /// after `steps`, the quote's steps so far.
    fn new(ctx: &Ctx<'_>, steps: Vec<TraceStep>) -> Priced {
        Priced {
            currency: ctx.currency(),
            quantity: 1,
            quantity_high: None,
            unit: ctx.names.unit.clone(),
            unit_price: None,
            components: Vec::new(),
            gross: None,
            first_step: steps.len(),
            trace: steps,
            missing: Vec::new(),
            warnings: Vec::new(),
            trips: (1, 1),
        }
    }

    /// The line as priced, to be discounted and finished where it lies in the quote; the
    /// quote's steps, this line's last; and the line's missing answers and warnings. Every
    /// field moves out: nothing is left to drop.
    #[inline(always)] // called once; outlined, its 336-byte line is returned through a copy
    fn into_line(self, ctx: &Ctx<'_>) -> (QuoteLine, Vec<TraceStep>, Vec<Arc<str>>, Vec<String>) {
        let Priced {
            currency,
            quantity,
            quantity_high,
            unit,
            unit_price,
            components,
            gross,
            trace: steps,
            first_step,
            missing,
            warnings,
            trips: _,
        } = self;
        let line = QuoteLine {
            item: ctx.index,
            sku: ctx.names.sku.clone(),
            name: ctx.names.name.clone(),
            // Decided when the line is finished, once its amounts are rounded.
            kind: LineKind::Custom,
            sale: ctx.offering.sale,
            delivery: Some(ctx.delivery),
            quantity,
            quantity_high,
            unit,
            unit_price: unit_price.map(|p| currency.at_scale(p)),
            components,
            gross,
            discount: None,
            net: None,
            quote_discount: None,
            total: None,
            trace: Trace::written(first_step, steps.len()),
        };
        (line, steps, missing, warnings)
    }

    /// The last step this line took, if it took any.
    fn last_step_mut(&mut self) -> Option<&mut TraceStep> {
        if self.trace.len() > self.first_step {
            self.trace.last_mut()
        } else {
            None
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

    /// The list-price step (naming the delivery mode when the offering has several), then
    /// the conversion note when the price was converted.
    fn list_price_step(
        &mut self,
        ctx: &Ctx<'_>,
        price: Decimal,
        unit: Arc<str>,
        note: Option<TraceDetail>,
    ) {
        let delivery = (ctx.offering.delivery.modes.len() > 1).then_some(ctx.delivery);
        self.push(
            TraceDetail::ListPrice {
                price,
                unit,
                delivery,
            },
            None,
        );
        self.push_opt(note);
    }
}

/// What every line of one quote is priced from: the catalog, its prices in the quote's
/// currency, the scope and the options; and the scope's facts, which a custom-SOW route's
/// conditions test, gathered the first time a line asks (once a quote, not once a line: a
/// scope of many such lines would otherwise cost lines × items).
pub(super) struct QuoteInputs<'c> {
    pub(super) catalog: &'c Catalog,
    pub(super) prices: &'c PriceList<'c>,
    pub(super) scope: &'c Scope,
    pub(super) options: &'c QuoteOptions,
    facts: OnceCell<ScopeFacts<'c>>,
}

impl<'c> QuoteInputs<'c> {
    pub(super) fn new(
        catalog: &'c Catalog,
        prices: &'c PriceList<'c>,
        scope: &'c Scope,
        options: &'c QuoteOptions,
    ) -> QuoteInputs<'c> {
        QuoteInputs {
            catalog,
            prices,
            scope,
            options,
            facts: OnceCell::new(),
        }
    }
}

/// Everything a model needs to price one item.
struct Ctx<'a> {
    catalog: &'a Catalog,
    prices: &'a PriceList<'a>,
    scope: &'a Scope,
    /// The scope's facts, shared by the quote's lines ([`QuoteInputs`]).
    facts: &'a OnceCell<ScopeFacts<'a>>,
    offering: &'a Offering,
    /// The offering's shared SKU and names.
    names: &'a SharedNames,
    item: &'a ScopeItem,
    delivery: DeliveryMode,
    index: usize,
}

impl Ctx<'_> {
    fn currency(&self) -> Currency {
        self.prices.currency
    }

    /// The scope's facts, gathered on the quote's first call (only a route with conditions
    /// asks).
    fn facts(&self) -> &ScopeFacts<'_> {
        self.facts
            .get_or_init(|| ScopeFacts::new(self.catalog, self.scope))
    }

    fn money(&self, amount: Decimal) -> String {
        self.currency().display(amount)
    }

    fn field(&self, name: &str) -> FieldPath {
        FieldPath::item(self.index, name)
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

    /// The price-book key of the offering priced.
    fn key(&self) -> Key<'_> {
        Key {
            sku: &self.offering.sku,
            position: Some(self.names.position),
        }
    }

    /// The unit price of `key` for this item's delivery mode, with a trace note.
    fn unit_price(
        &self,
        key: Key<'_>,
        mode: DeliveryMode,
    ) -> Result<(Decimal, Option<TraceDetail>), Vec<FieldError>> {
        let sku = key.sku;
        let (price, source) = self.prices.unit_price(key, mode).ok_or_else(|| {
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
        Ok((self.currency().at_scale(price), note))
    }

    /// A whole-number answer, or an error naming the answer when it is another kind.
    fn number_answer(&self, question: &str) -> Result<Option<u64>, Vec<FieldError>> {
        match self.scope.answers.get(question) {
            None => Ok(None),
            Some(Answer::Number(n)) => Ok(Some(*n)),
            Some(other) => Err(vec![FieldError::answer(
                question,
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

/// Prices one scope item and adds its line to `lines`, followed by its expense line and its
/// included lines, and their steps to `steps`, the quote's steps; on an error nothing is
/// added. The line discount is applied at once (a line priced on the other lines' nets waits
/// for them, and its steps with it), so each line's steps are written one after the other,
/// with a slot for its share of the quote discount last.
pub(super) fn draft<'c>(
    quote: &'c QuoteInputs<'c>,
    index: usize,
    item: &'c ScopeItem,
    lines: &mut Vec<QuoteLine>,
    steps: &mut Vec<TraceStep>,
) -> Result<Draft<'c>, Vec<FieldError>> {
    let (first_line, first_step) = (lines.len(), steps.len());
    let drafted = draft_lines(quote, index, item, lines, steps);
    if drafted.is_err() {
        lines.truncate(first_line);
        steps.truncate(first_step);
    }
    drafted
}

/// [`draft`], which takes back what this adds on an error.
fn draft_lines<'c>(
    quote: &'c QuoteInputs<'c>,
    index: usize,
    item: &'c ScopeItem,
    lines: &mut Vec<QuoteLine>,
    steps: &mut Vec<TraceStep>,
) -> Result<Draft<'c>, Vec<FieldError>> {
    let (catalog, prices, scope) = (quote.catalog, quote.prices, quote.scope);
    let (offering, names) = catalog.offering_shared(&item.sku).ok_or_else(|| {
        vec![FieldError::item(
            index,
            "sku",
            input::unknown_sku_message(catalog, &item.sku),
        )]
    })?;
    let delivery = input::delivery_mode(catalog, offering, item, index)?;
    let ctx = Ctx {
        catalog,
        prices,
        scope,
        facts: &quote.facts,
        offering,
        names,
        item,
        delivery,
        index,
    };
    input::check_availability(&ctx, quote.options)?;
    let included_errors = super::included::check(offering, item, index);
    let line_discount = match input::check_fields(&ctx) {
        Ok(discount) if included_errors.is_empty() => discount,
        Ok(_) => return Err(included_errors),
        Err(mut errors) => {
            errors.extend(included_errors);
            return Err(errors);
        }
    };
    // Each model fills the line in place.
    let mut priced = Priced::new(&ctx, std::mem::take(steps));
    let percent_of = match price_item(&ctx, &mut priced) {
        Ok(percent_of) => percent_of,
        Err(errors) => {
            *steps = priced.trace;
            return Err(errors);
        }
    };
    let routed = custom_sow_route::route(&ctx, &mut priced);
    if priced.gross.is_none() && !matches!(line_discount, LineDiscount::None) {
        // The line has no price for now (e.g. an answer is beyond the estimate table): the
        // discount is kept in the scope and applies again once the line is priced.
        priced.warnings.push(format!(
            "{}: the line discount does not apply while the line has no price",
            offering.sku
        ));
    }
    let billing = match offering.pricing {
        Pricing::RangeTable { .. } => Billing::Estimate,
        Pricing::TimeAndMaterials { .. } => Billing::TimeAndMaterials,
        Pricing::Recurring { .. } => Billing::Recurring,
        _ => Billing::FixedFee,
    };
    let trips = priced.trips;
    let (line, quote_steps, missing, warnings) = priced.into_line(&ctx);
    *steps = quote_steps;
    let mut draft = Draft {
        line: lines.len(),
        item: index,
        offering,
        names,
        missing,
        warnings,
        percent_of_subtotal: percent_of,
        line_discount,
        billing,
        waiting_steps: Vec::new(),
        overflowed: false,
    };
    lines.push(line);
    if draft.is_percent() {
        draft.wait_for_other_lines(lines, steps);
    } else {
        let quote_percent = scope.quote_discount_percent.unwrap_or(Decimal::ZERO);
        draft.discount(lines, steps, prices, quote_percent);
    }
    // A line routed to a custom SOW has no travel estimate either: the SOW prices both.
    if delivery == DeliveryMode::OnSite && !routed {
        // Time and materials has no deliveries to count: its trips follow its days on site.
        let stay = match offering.pricing {
            Pricing::TimeAndMaterials { .. } => travel::time_and_materials_stay(&ctx)?,
            _ => None,
        };
        let stay = stay.unwrap_or_else(|| travel::Stay::deliveries(trips));
        let expense = travel::expense(&ctx, stay, steps)?;
        lines.push(expense);
    }
    if offering.includes.is_some() {
        super::included::lines(
            catalog,
            offering,
            item,
            index,
            prices.currency,
            lines,
            steps,
        );
        draft
            .warnings
            .extend(super::included::open_choices(offering, item, index));
    }
    Ok(draft)
}

/// Prices the item with its offering's model; a percentage of the other lines is a
/// placeholder for now, and its percentage and categories are returned.
fn price_item<'c>(
    ctx: &Ctx<'c>,
    priced: &mut Priced,
) -> Result<Option<(Decimal, &'c [String])>, Vec<FieldError>> {
    let offering: &'c Offering = ctx.offering;
    let mut percent_of = None;
    match &offering.pricing {
        Pricing::Fixed { .. } => fixed::fixed(ctx, priced)?,
        Pricing::Class {
            capacity,
            seat_addon,
            addons_per_extra_attendee,
            attendees_question,
            max_attendees,
        } => class::class(
            ctx,
            class::ClassRule {
                capacity: u64::from(*capacity),
                seat_addon,
                per_extra: u64::from(*addons_per_extra_attendee),
                attendees_question: attendees_question.as_deref(),
                max_attendees: max_attendees.map(u64::from),
            },
            priced,
        )?,
        Pricing::Blocks {
            hours_per_block,
            included_pm_hours,
            bands,
        } => blocks::blocks(
            ctx,
            u64::from(*hours_per_block),
            *included_pm_hours,
            bands,
            priced,
        )?,
        Pricing::Tiered {
            mode,
            unit,
            bands,
            min_quantity,
            max_quantity,
        } => tiered::tiered(
            ctx,
            *mode,
            unit,
            bands,
            *min_quantity,
            *max_quantity,
            priced,
        )?,
        Pricing::TimeAndMaterials { roles } => {
            time_and_materials::time_and_materials(ctx, roles, priced)?
        }
        Pricing::RangeTable {
            rows,
            columns,
            add_ons,
        } => range_table::range_table(ctx, rows, columns, add_ons, priced)?,
        Pricing::PercentOfSubtotal {
            percent,
            categories,
        } => {
            percent_of = Some((*percent, categories.as_slice()));
            percent_of_subtotal::placeholder(ctx, priced);
        }
        Pricing::Recurring {
            min_term_months,
            max_term_months,
        } => recurring::recurring(ctx, *min_term_months, *max_term_months, priced)?,
        Pricing::Custom { estimate_note } => custom::custom(ctx, estimate_note, priced),
    }
    Ok(percent_of)
}
