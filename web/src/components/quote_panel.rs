use std::rc::Rc;

use scopecraft::{Currency, LineKind, Paperwork, Quote, Scope};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{NumberField, QuoteLineRow, SharedItem, SharedLine};
use crate::analysis::{ScopeAnalysis, question_text};
use crate::item_edit::ShownScope;
use crate::state::{Action, Mode, SharedCatalog, SharedScope};

/// What the quote panel shows.
#[derive(Properties, PartialEq)]
pub struct QuotePanelProps {
    /// The active catalog.
    pub catalog: SharedCatalog,
    /// The scope (its items are edited from the lines).
    pub scope: SharedScope,
    /// The core's view of the scope, with the quote.
    pub analysis: Rc<ScopeAnalysis>,
    /// The quote's currency.
    pub currency: Currency,
    /// Customer preview (list prices) or account executive (discounts and approvals).
    pub mode: Mode,
    /// Receives edits.
    pub on_action: Callback<Action>,
}

/// The live quote: editable lines, totals (a range while answers are missing), expenses
/// apart, the paperwork and approvals the deal needs, and warnings. Every amount and every
/// sentence about money comes from the core.
#[component]
pub fn QuotePanel(props: &QuotePanelProps) -> Html {
    let shown = use_shown_scope(&props.scope);
    let body = match &props.analysis.quote {
        Ok(quote) => quote_body(props, quote, &shown),
        Err(errors) => html! {
            <div class="notice notice-error" role="alert">
                <p>{ "This scope cannot be priced yet:" }</p>
                <ul>
                    for error in errors.iter() {
                        <li>{ error.to_string() }</li>
                    }
                </ul>
            </div>
        },
    };
    let currencies = props.catalog.currencies();
    let on_currency = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(currency) = Currency::from_code(&select.value()) {
                on_action.emit(Action::SetCurrency(currency));
            }
        })
    };
    html! {
        <section class="panel quote" id="quote" aria-labelledby="quote-heading">
            <div class="panel-head">
                <h2 id="quote-heading">
                    { if props.mode == Mode::Customer { "Estimate at list prices" } else { "Quote" } }
                </h2>
                if currencies.len() > 1 {
                    <div class="number-field quote-currency">
                        <label for="quote-currency">{ "Currency" }</label>
                        <select id="quote-currency" onchange={on_currency}>
                            for currency in currencies.iter().copied() {
                                <option value={currency.code()} selected={currency == props.currency}>
                                    { currency.code() }
                                </option>
                            }
                        </select>
                    </div>
                }
            </div>
            { body }
        </section>
    }
}

fn quote_body(props: &QuotePanelProps, quote: &Rc<Quote>, shown: &ShownScope) -> Html {
    let QuotePanelProps {
        catalog,
        scope,
        analysis,
        currency,
        mode,
        on_action,
    } = props;
    let executive = *mode == Mode::AccountExecutive;
    let currency = *currency;
    if quote.lines.is_empty() {
        return html! { <p class="quote-empty">{ "Add offerings to see a quote." }</p> };
    }
    let firm = quote.total.is_firm() && !quote.custom_estimate_needed;
    let status = if firm {
        "Firm price"
    } else if !quote.missing_answers.is_empty() {
        "Price range: some answers are still missing"
    } else if quote.custom_estimate_needed {
        "Partly estimated: some lines need a custom estimate"
    } else {
        "Price range"
    };
    // Each row shares its item with the scope (see `SharedItem`).
    let items = scope.rc();
    let on_quote_discount = on_action.reform(|value: Option<String>| {
        Action::SetQuoteDiscount(
            value.and_then(|v| scopecraft::read_decimal_number(&v).ok().flatten()),
        )
    });
    // The scope format's rule (0 to 100), asked before the discount reaches the scope.
    let check_quote_discount = Callback::from(|value: Option<String>| {
        let percent = value.and_then(|v| scopecraft::read_decimal_number(&v).ok().flatten())?;
        let errors = Scope::quote_discount_errors(percent);
        (!errors.is_empty()).then(|| {
            let words: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
            words.join("; ")
        })
    });
    html! {
        <>
            <p class={classes!("quote-status", if firm { "quote-status-firm" } else { "quote-status-range" })}
                id="quote-status" role="status">
                { status }
            </p>
            if !quote.missing_answers.is_empty() {
                <div class="notice">
                    <p>{ "Answer these to narrow the range:" }</p>
                    <ul class="missing-answers">
                        for id in quote.missing_answers.iter() {
                            <li key={id.clone()}>{ question_text(catalog, id).to_string() }</li>
                        }
                    </ul>
                </div>
            }
            if !analysis.ignored_answers.is_empty() {
                <p class="notice notice-warning">
                    { "Answers that break their question’s rules are left out of the price until they are corrected." }
                </p>
            }
            <ul class="quote-lines" role="list">
                for (at, line) in quote.lines.iter().enumerate().filter(|(_, l)| l.kind != LineKind::Expense) {
                    if let (Some(item), Some(shared)) = (SharedItem::new(&items, line.item), SharedLine::new(quote, at)) {
                        <QuoteLineRow
                            key={format!("{}-{}", line.item, line.sku)}
                            catalog={catalog.clone()}
                            line={shared}
                            {item}
                            scope={shown.clone()}
                            {currency}
                            mode={*mode}
                            on_action={on_action.clone()}
                        />
                    }
                }
            </ul>
            <dl class="totals">
                if executive || !quote.discount.percent.is_zero() {
                    <div class="totals-row">
                        <dt>{ "Subtotal" }</dt>
                        <dd id="quote-subtotal">{ quote.subtotal.display(currency) }</dd>
                    </div>
                }
                if !quote.discount.percent.is_zero() {
                    <div class="totals-row">
                        <dt>{ format!("Quote discount ({})", scopecraft::percent_text(quote.discount.percent)) }</dt>
                        <dd>{ "−" }{ quote.discount.amount.display(currency) }</dd>
                    </div>
                }
                <div class="totals-row totals-total">
                    <dt>{ "Total" }</dt>
                    <dd id="quote-total">{ quote.total.display(currency) }</dd>
                </div>
                if !quote.expenses_estimate.high.is_zero() {
                    <div class="totals-row totals-expenses">
                        <dt>{ "Travel and expenses (estimate, billed at actual cost, not in the total)" }</dt>
                        <dd id="quote-expenses">{ quote.expenses_estimate.display(currency) }</dd>
                    </div>
                }
            </dl>
            if executive {
                <div class="quote-discount">
                    <NumberField id="quote-discount" label="Discount on the whole quote (%)" whole={false}
                        value={scope.quote_discount_percent.map(|d| AttrValue::from(d.to_string()))}
                        on_value={on_quote_discount} check={check_quote_discount} />
                </div>
            }
            <div class="badges" id="quote-badges">
                { paperwork_badge(quote) }
                if executive {
                    for approval in quote.approvals.iter() {
                        <p class="badge-block badge-approval" key={approval.rule.clone()}>
                            <span class="badge badge-warning">
                                { format!("Approval: {}", approval.approver) }
                            </span>
                            <span class="badge-reason">
                                { approval.reason.clone() }
                                if approval.example {
                                    { " (the threshold is an example value)" }
                                }
                            </span>
                        </p>
                    }
                }
            </div>
            if !quote.warnings.is_empty() {
                <div class="notice notice-warning" id="quote-warnings">
                    <p>{ "Check these:" }</p>
                    <ul>
                        for warning in quote.warnings.iter() {
                            <li>{ warning.clone() }</li>
                        }
                    </ul>
                </div>
            }
            <p class="quote-footnote">
                { "Prices exclude taxes. " }
                if !executive {
                    { "They are list prices; your account team confirms the final price. " }
                }
                { format!("Catalog {} {}.", quote.catalog.id, quote.catalog.version) }
            </p>
        </>
    }
}

/// The one [`ShownScope`] handle of the panel's lines, holding `scope` from this render on.
#[hook]
fn use_shown_scope(scope: &SharedScope) -> ShownScope {
    let shown = (*use_memo((), |_| ShownScope::default())).clone();
    shown.show(scope.rc());
    shown
}

/// Order form, custom SOW or both, with the core's reason.
fn paperwork_badge(quote: &Quote) -> Html {
    let label = match quote.routing.form {
        Paperwork::None => return Html::default(),
        Paperwork::OrderForm => "Order form",
        Paperwork::CustomSow => "Custom SOW required",
        Paperwork::OrderFormAndCustomSow => "Order form + custom SOW",
    };
    let class = if quote.requires_custom_sow {
        "badge badge-sow"
    } else {
        "badge badge-ok"
    };
    html! {
        <p class="badge-block badge-paperwork">
            <span class={class}>{ label }</span>
            <span class="badge-reason">{ quote.routing.reason.clone() }</span>
        </p>
    }
}
