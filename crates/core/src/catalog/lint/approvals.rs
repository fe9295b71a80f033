//! Rule 10, approval rules: thresholds that can fire, an approver and a reason.

use rust_decimal::Decimal;

use super::context::{Ctx, Sink};
use super::wording::{is_blank, join_names};
use crate::catalog::model::{ApprovalLines, ApprovalTrigger};
use crate::limits;
use crate::money::{Currency, finer_than_currency, thousands};

pub(super) fn approvals(cx: &Ctx<'_>, out: &mut Sink<'_>) {
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
                if rule.lines == ApprovalLines::CustomWork {
                    out.at(
                        format!("approvals[{a}].lines"),
                        "lines = \"custom_work\" cannot narrow quote_discount_percent_over: the \
                         quote discount is one percentage of the whole quote; remove `lines` or \
                         use line_discount_percent_over or total_high_over"
                            .to_string(),
                    );
                }
            }
            ApprovalTrigger::EffectiveDiscountPercentOver(percent) => {
                percent_threshold(out, &field, "effective_discount_percent_over", *percent);
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
                thousands(limits::MAX_CATALOG_AMOUNT)
            ),
        );
    } else if let Some(currency) = Currency::from_code(base)
        && let Some(message) = finer_than_currency("total_high_over", amount, currency)
    {
        out.at(field, message);
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

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edit, edits, find, line_of, lint_text};

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
            "when = { quote_discount_percent_over = \"20\" }",
            "when = { quote_discount_percent_over = \"20\" }\nlines = \"custom_work\"",
        );
        find(
            &lint_text(&text),
            "approvals[1].lines",
            "lines = \"custom_work\" cannot narrow quote_discount_percent_over",
        );

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
}
