use std::rc::Rc;

use scopecraft::{
    Currency, DeliveryMode, ItemField, LineKind, Quote, QuoteLine, Scope, ScopeItem,
    read_decimal_number, read_whole_number,
};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{NoteField, NumberField};
use crate::item_edit::{LineScope, ShownScope};
use crate::offering_view::mode_name;
use crate::state::{Action, Mode, SharedCatalog};

/// One element of a shared whole (a quote's lines, a scope's items), pointing into it rather
/// than copied out of it. Two are equal when their elements are (the same element of the same
/// whole, or elements with the same content), so a line that priced the same after an edit
/// elsewhere, or an item left alone, leaves its row alone.
#[derive(Debug)]
pub struct SharedPart<W: Parts> {
    whole: Rc<W>,
    index: usize,
}

/// A whole whose elements rows show one by one.
pub trait Parts {
    /// One element (a line, an item).
    type Part: PartialEq;
    /// The elements, in order.
    fn parts(&self) -> &[Self::Part];
}

impl Parts for Quote {
    type Part = QuoteLine;
    fn parts(&self) -> &[QuoteLine] {
        &self.lines
    }
}

impl Parts for Scope {
    type Part = ScopeItem;
    fn parts(&self) -> &[ScopeItem] {
        &self.items
    }
}

/// One line of a shared quote.
pub type SharedLine = SharedPart<Quote>;
/// One item of a shared scope.
pub type SharedItem = SharedPart<Scope>;

impl<W: Parts> SharedPart<W> {
    /// Element `index` of `whole`; `None` when it has none there.
    pub fn new(whole: &Rc<W>, index: usize) -> Option<SharedPart<W>> {
        whole.parts().get(index).map(|_| SharedPart {
            whole: whole.clone(),
            index,
        })
    }

    /// The element (always there: `new` checked, and a shared whole is never changed).
    pub fn get(&self) -> Option<&W::Part> {
        self.whole.parts().get(self.index)
    }
}

impl<W: Parts> Clone for SharedPart<W> {
    fn clone(&self) -> SharedPart<W> {
        SharedPart {
            whole: self.whole.clone(),
            index: self.index,
        }
    }
}

impl<W: Parts> PartialEq for SharedPart<W> {
    fn eq(&self, other: &SharedPart<W>) -> bool {
        (Rc::ptr_eq(&self.whole, &other.whole) && self.index == other.index)
            || self.get() == other.get()
    }
}

/// One priced line and the scope item it prices.
#[derive(Properties, PartialEq)]
pub struct QuoteLineRowProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The line, as the core priced it.
    pub line: SharedLine,
    /// The scope item behind it.
    pub item: SharedItem,
    /// The whole scope as shown, which the core checks each edit of the item in (one handle
    /// for every line, so another line's edit leaves this line's props equal).
    pub scope: ShownScope,
    /// The quote's currency.
    pub currency: Currency,
    /// Customer preview or account executive (discounts, effort, cap, note).
    pub mode: Mode,
    /// Receives edits and removal.
    pub on_action: Callback<Action>,
}

/// A quote line: name, SKU, quantity and amount from the core; the fields that drive its
/// price (quantity, attendees, hours, delivery; for account executives the effort by role and
/// the not-to-exceed cap of time-and-materials work, the line discount as a percentage or
/// an amount, and the item's note); "Why this price" with every rule the core applied. Each
/// edit is checked by the core before it reaches the scope, and its message shown beside
/// the field.
#[component]
pub fn QuoteLineRow(props: &QuoteLineRowProps) -> Html {
    let QuoteLineRowProps {
        catalog,
        line,
        item,
        scope,
        currency,
        mode,
        on_action,
    } = props;
    let explain = use_state(|| false);
    let (Some(line), Some(item)) = (line.get(), item.get()) else {
        return Html::default();
    };
    let index = line.item;
    let included = line.is_included();
    let base = if included {
        format!("line-{index}-{}", line.sku)
    } else {
        format!("line-{index}")
    };
    let edits = LineScope {
        catalog: catalog.clone(),
        scope: scope.clone(),
        index,
        on_action: on_action.clone(),
    };
    let executive = *mode == Mode::AccountExecutive;
    // The field the offering's pricing model computes the amount from, per the core's table.
    let offering = catalog.offering(&item.sku);
    let model = offering.map(|o| o.pricing.item_fields());
    let priced_by = model.and_then(|f| f.priced_by);
    let accepts = |field| model.is_some_and(|f| f.accepts(field));
    let fields = match priced_by {
        Some(ItemField::Attendees) => {
            let edit = edits
                .edit(|i, v| i.attendees = v.and_then(|v| read_whole_number(&v).ok().flatten()));
            html! {
                <NumberField id={format!("{base}-attendees")} label="Attendees"
                    value={item.attendees.map(|n| AttrValue::from(n.to_string()))}
                    on_value={edit.on_value} check={edit.check} />
            }
        }
        Some(ItemField::Hours) => {
            let edit =
                edits.edit(|i, v| i.hours = v.and_then(|v| read_decimal_number(&v).ok().flatten()));
            html! {
                <NumberField id={format!("{base}-hours")} label="Hours" whole={false}
                    value={item.hours.map(|h| AttrValue::from(h.to_string()))}
                    on_value={edit.on_value} check={edit.check} />
            }
        }
        Some(ItemField::Quantity) => {
            let edit = edits
                .edit(|i, v| i.quantity = v.and_then(|v| read_whole_number(&v).ok().flatten()));
            html! {
                <NumberField id={format!("{base}-quantity")} label="Quantity"
                    value={item.quantity.map(|n| AttrValue::from(n.to_string()))}
                    on_value={edit.on_value} check={edit.check} />
            }
        }
        // Effort by role is given role by role, below, for account executives.
        Some(ItemField::Effort | ItemField::NotToExceed) | None => Html::default(),
    };
    // An included line is edited from its offering's check-list, not on its own.
    let fields = if included { Html::default() } else { fields };
    let choices = if included {
        Html::default()
    } else {
        included_choices(props, item, index, &base)
    };
    let effort = match offering {
        Some(offering) if executive && !included && accepts(ItemField::Effort) => {
            effort_fields(item, &edits, catalog.effort_roles(offering), &base)
        }
        _ => Html::default(),
    };
    let cap = (executive && !included && accepts(ItemField::NotToExceed)).then(|| {
        let edit = edits
            .edit(|i, v| i.not_to_exceed = v.and_then(|v| read_decimal_number(&v).ok().flatten()));
        html! {
            <NumberField id={format!("{base}-not-to-exceed")}
                label={format!("Not-to-exceed cap ({})", currency.code())} whole={false}
                value={item.not_to_exceed.map(|d| AttrValue::from(d.to_string()))}
                on_value={edit.on_value} check={edit.check} />
        }
    });
    let delivery = if included {
        Html::default()
    } else {
        delivery_select(props, item, index, &base)
    };
    let discountable = model.is_some_and(|f| f.discountable);
    let discount = (executive && discountable && !included).then(|| {
        let percent = edits.edit(|i, v| {
            i.discount_percent = v.and_then(|v| read_decimal_number(&v).ok().flatten())
        });
        let amount = edits.edit(|i, v| {
            i.discount_amount = v.and_then(|v| read_decimal_number(&v).ok().flatten())
        });
        html! {
            <>
                <NumberField id={format!("{base}-discount")} label="Discount %" whole={false}
                    value={item.discount_percent.map(|d| AttrValue::from(d.to_string()))}
                    on_value={percent.on_value} check={percent.check} />
                <NumberField id={format!("{base}-discount-amount")}
                    label={format!("Discount amount ({})", currency.code())} whole={false}
                    value={item.discount_amount.map(|d| AttrValue::from(d.to_string()))}
                    on_value={amount.on_value} check={amount.check} />
            </>
        }
    });
    let note = (executive && !included).then(|| {
        let edit = edits.edit(|i, v| i.note = v.unwrap_or_default());
        html! {
            <NoteField id={format!("{base}-note")} label="Note for the PS team"
                value={AttrValue::from(item.note.clone())}
                on_value={edit.on_value} check={edit.check} />
        }
    });
    let on_remove = on_action.reform(move |_: MouseEvent| Action::RemoveItem(index));
    let on_explain = {
        let explain = explain.clone();
        Callback::from(move |_: MouseEvent| explain.set(!*explain))
    };
    let amount = match (line.kind, line.net) {
        _ if included => format!("Included with {}", item.sku),
        (LineKind::Custom, _) | (_, None) => "Estimated by the PS team".to_string(),
        (_, Some(net)) => net.display(*currency),
    };
    let trace_id = format!("{base}-trace");
    html! {
        <li class={classes!("quote-line", kind_class(line.kind))} data-sku={line.sku.to_string()}>
            <div class="quote-line-head">
                <div class="quote-line-name">
                    <h3>{ line.name.clone() }</h3>
                    <p class="sku">
                        <span class="visually-hidden">{ "SKU " }</span>
                        { line.sku.clone() }
                        { " · " }
                        { line.quantity_label() }
                    </p>
                </div>
                <p class="quote-line-amount">
                    if let Some(badge) = kind_badge(line.kind) {
                        <span class="badge badge-range">{ badge }</span>
                    }
                    <span class="amount">{ amount }</span>
                </p>
            </div>
            if *mode == Mode::AccountExecutive {
                if let Some(discount) = line.discount.filter(|d| !d.high.is_zero()) {
                    <p class="quote-line-discount">
                        { "Line discount: −" }{ discount.display(*currency) }
                    </p>
                }
            }
            <div class="quote-line-fields">
                { fields }
                { delivery }
                { for cap }
                { for discount }
            </div>
            { choices }
            { effort }
            { for note }
            <div class="quote-line-tools">
                <button type="button" class="link-button" aria-expanded={if *explain { "true" } else { "false" }}
                    aria-controls={trace_id.clone()} onclick={on_explain}>
                    { "Why this price" }
                    <span class="visually-hidden">{ format!(" for {}", line.name) }</span>
                </button>
                if !included {
                    <button type="button" class="link-button link-danger" onclick={on_remove}>
                        { "Remove" }
                        <span class="visually-hidden">{ format!(" {}", line.name) }</span>
                    </button>
                }
            </div>
            if *explain {
                <ol class="trace" id={trace_id}>
                    for step in line.trace.iter() {
                        <li data-step={step.step().to_string()}>{ step.text() }</li>
                    }
                </ol>
            }
        </li>
    }
}

/// For an offering that includes others at no charge: a check-list of the SKUs it includes,
/// checked for those chosen in the item's `included`; once as many as included are chosen,
/// the others are disabled. The core prices the choices and checks them.
fn included_choices(props: &QuoteLineRowProps, item: &ScopeItem, index: usize, base: &str) -> Html {
    let catalog = &props.catalog;
    let Some(includes) = catalog
        .offering(&item.sku)
        .and_then(|o| o.includes.as_ref())
    else {
        return Html::default();
    };
    let chosen = &item.included;
    let full = chosen.len() >= includes.choose as usize;
    html! {
        <fieldset class="included-choices">
            <legend>{ format!("Included {} (choose {})", includes.label, includes.choose) }</legend>
            for sku in includes.from.iter() {
                {{
                    let checked = chosen.contains(sku);
                    let id = format!("{base}-included-{sku}");
                    let name = catalog.offering(sku).map_or_else(|| sku.clone(), |o| o.name.clone());
                    let on_change = {
                        let item = item.clone();
                        let sku = sku.clone();
                        props.on_action.reform(move |_: Event| {
                            let mut next = item.clone();
                            if next.included.contains(&sku) {
                                next.included.retain(|s| *s != sku);
                            } else {
                                next.included.push(sku.clone());
                            }
                            Action::SetItem { index, item: next }
                        })
                    };
                    html! {
                        <div class="included-choice">
                            <input type="checkbox" id={id.clone()} {checked}
                                disabled={full && !checked} onchange={on_change} />
                            <label for={id}>{ format!("{name} ({sku})") }</label>
                        </div>
                    }
                }}
            }
        </fieldset>
    }
}

/// Hours for each role the offering is staffed by (the core's list), in a group of its own.
fn effort_fields(
    item: &ScopeItem,
    edits: &LineScope,
    roles: Vec<(&str, &str)>,
    base: &str,
) -> Html {
    if roles.is_empty() {
        return Html::default();
    }
    let legend_id = format!("{base}-effort-legend");
    html! {
        <fieldset class="quote-line-effort" aria-labelledby={legend_id.clone()}>
            <legend id={legend_id}>{ "Effort: hours by role" }</legend>
            <div class="quote-line-fields">
                for (role, name) in roles {
                    {{
                        let id = role.to_string();
                        let edit = edits.edit(move |i, v| {
                            match v.and_then(|v| read_decimal_number(&v).ok().flatten()) {
                                Some(hours) => i.effort.insert(id.clone(), hours),
                                None => i.effort.remove(&id),
                            };
                        });
                        html! {
                            <NumberField key={role.to_string()}
                                id={format!("{base}-effort-{}", field_id(role))}
                                label={format!("{name} (hours)")} whole={false}
                                value={item.effort.get(role).map(|h| AttrValue::from(h.to_string()))}
                                on_value={edit.on_value} check={edit.check} />
                        }
                    }}
                }
            </div>
        </fieldset>
    }
}

/// A role id as part of an element id: letters, digits, `-` and `_` kept, anything else `-`
/// (catalog ids are untrusted text).
fn field_id(role: &str) -> String {
    role.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Remote or on-site, for an offering sold both ways or with a sibling SKU: picking the other
/// mode sets the item's delivery, or swaps it for the sibling.
fn delivery_select(props: &QuoteLineRowProps, item: &ScopeItem, index: usize, base: &str) -> Html {
    let catalog = &props.catalog;
    let Some(offering) = catalog.offering(&item.sku) else {
        return Html::default();
    };
    let sibling = offering
        .delivery
        .sibling
        .as_deref()
        .and_then(|sku| catalog.offering(sku));
    let mut modes: Vec<(DeliveryMode, String)> = offering
        .delivery
        .modes
        .iter()
        .map(|m| (*m, offering.sku.clone()))
        .collect();
    if let Some(sibling) = sibling {
        for mode in &sibling.delivery.modes {
            if !modes.iter().any(|(m, _)| m == mode) {
                modes.push((*mode, sibling.sku.clone()));
            }
        }
    }
    if modes.len() < 2 {
        return Html::default();
    }
    modes.sort_by_key(|(m, _)| *m);
    let current = item
        .delivery
        .or_else(|| offering.delivery.modes.first().copied());
    let on_change = {
        let item = item.clone();
        let modes = modes.clone();
        let catalog = catalog.clone();
        props.on_action.reform(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            let mut next = item.clone();
            if let Some((mode, sku)) = modes.iter().find(|(m, _)| m.as_str() == value) {
                let both = catalog
                    .offering(sku)
                    .is_some_and(|o| o.delivery.modes.len() > 1);
                next.sku = sku.clone();
                next.delivery = both.then_some(*mode);
            }
            Action::SetItem { index, item: next }
        })
    };
    let id = format!("{base}-delivery");
    html! {
        <div class="number-field">
            <label for={id.clone()}>{ "Delivery" }</label>
            <select {id} onchange={on_change}>
                for (mode, _) in modes.iter() {
                    <option value={mode.as_str()} selected={Some(*mode) == current}>
                        { mode_name(*mode) }
                    </option>
                }
            </select>
        </div>
    }
}

/// The badge beside the amount when it is not one fixed fee.
fn kind_badge(kind: LineKind) -> Option<&'static str> {
    match kind {
        LineKind::Range => Some("Range"),
        LineKind::Estimate => Some("Estimate"),
        LineKind::TimeAndMaterials => Some("Time and materials"),
        LineKind::Recurring => Some("Monthly, over the term"),
        LineKind::Firm | LineKind::Custom | LineKind::Expense => None,
    }
}

fn kind_class(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Firm => "quote-line-firm",
        LineKind::Range | LineKind::Estimate => "quote-line-range",
        LineKind::TimeAndMaterials | LineKind::Recurring => "quote-line-firm",
        LineKind::Custom => "quote-line-custom",
        LineKind::Expense => "quote-line-expense",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scopecraft::{Catalog, Scope, price};

    fn jira(quantities: &[u64]) -> Scope {
        Scope {
            items: quantities
                .iter()
                .map(|&n| ScopeItem {
                    quantity: Some(n),
                    ..ScopeItem::new("GL-JIRA")
                })
                .collect(),
            ..Scope::default()
        }
    }

    #[test]
    fn a_line_priced_the_same_again_is_equal_and_an_edited_one_is_not() {
        let catalog = Catalog::gitlab().expect("the embedded catalog loads");
        let quote = |scope: &Scope| Rc::new(price(&catalog, scope).expect("prices"));
        let before = quote(&jira(&[1, 2]));
        let after = quote(&jira(&[3, 2]));
        let line = |q: &Rc<Quote>, i| SharedLine::new(q, i).expect("a line");
        assert_eq!(line(&before, 0), line(&before, 0), "the same line");
        assert_ne!(
            line(&before, 0),
            line(&after, 0),
            "line 0 was edited: 1 → 3"
        );
        assert_eq!(
            line(&before, 1),
            line(&after, 1),
            "line 1 priced the same in the new quote: its row is left alone"
        );
        assert_ne!(line(&before, 0), line(&before, 1));
        assert!(SharedLine::new(&before, 2).is_none(), "two lines only");
        assert_eq!(line(&after, 0).get().map(|l| l.quantity), Some(3));
    }
}
