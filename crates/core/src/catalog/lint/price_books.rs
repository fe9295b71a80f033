//! Rule 9, price books: the conversion from the base currency, rate-card and travel
//! amounts, and, for a book without a conversion, a price for every offering, the roles
//! time-and-materials offerings use, and travel for on-site delivery. The rules for each
//! price entry are in `entries`.

mod entries;

use rust_decimal::Decimal;

use self::entries::price_entry;
use super::context::{Ctx, Sink};
use crate::catalog::model::{DeliveryMode, PriceBook, Pricing};
use crate::limits;
use crate::money::{Currency, finer_than_currency, thousands};

pub(super) fn price_book(cx: &Ctx<'_>, out: &mut Sink<'_>, b: usize, book: &PriceBook) {
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
                thousands(limits::MAX_CONVERSION_RATE),
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
                thousands(limits::MAX_CATALOG_AMOUNT)
            ),
        );
    }
    if let Some(round_to) = conversion.round_to
        && round_to > Decimal::ZERO
        && let Some(currency) = Currency::from_code(&book.currency)
        && let Some(message) = finer_than_currency("round_to", round_to, currency)
    {
        out.at(format!("price_books[{b}].conversion.round_to"), message);
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

/// Amounts must be 0 or more, at most [`limits::MAX_CATALOG_AMOUNT`], and whole minor units
/// of the book's currency (no `"1000.50"` in a JPY book).
fn negative(
    out: &mut Sink<'_>,
    currency: Option<Currency>,
    offering: Option<&str>,
    field: String,
    what: &str,
    value: Decimal,
) {
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
                thousands(limits::MAX_CATALOG_AMOUNT)
            ),
        );
    } else if let Some(message) = currency.and_then(|c| finer_than_currency(what, value, c)) {
        out.add(offering, field, message);
    }
}

/// Negative rate-card and travel amounts.
fn book_amounts(out: &mut Sink<'_>, b: usize, book: &PriceBook) {
    let currency = Currency::from_code(&book.currency);
    for (role, rate) in &book.rate_card {
        let path = format!("price_books[{b}].rate_card.{role}");
        negative(
            out,
            currency,
            None,
            format!("{path}.bill"),
            &format!("the bill rate of {role}"),
            rate.bill,
        );
        if let Some(cost) = rate.cost {
            negative(
                out,
                currency,
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
            currency,
            None,
            format!("{path}.per_trip"),
            "travel per_trip",
            travel.per_trip,
        );
        negative(
            out,
            currency,
            None,
            format!("{path}.per_day"),
            "travel per_day",
            travel.per_day,
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

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{at, edit, edits, find, line_of, lint_text};

    #[test]
    fn amounts_finer_than_their_currency_are_refused() {
        // JPY has no minor units: 1000.50 yen cannot be invoiced. USD has two: 33.355 neither.
        // "7000.00" in a JPY book is a whole amount and passes.
        let text = edits(&[
            ("currency = \"USD\"\ntravel", "currency = \"JPY\"\ntravel"),
            ("base_currency = \"USD\"", "base_currency = \"JPY\""),
            (
                "GL-BAS-R = { price = \"5000\" }",
                "GL-BAS-R = { price = \"1000.50\" }",
            ),
            (
                "GL-BAS = { price = \"7000\" }",
                "GL-BAS = { price = \"7000.00\" }",
            ),
            ("tiers = [\"10\", \"8\"]", "tiers = [\"10\", \"8.5\"]"),
            ("per_trip = \"1500\"", "per_trip = \"1500.1\""),
            (
                "total_high_over = \"50000\"",
                "total_high_over = \"50000.5\"",
            ),
        ]);
        let issues = lint_text(&text);
        let price = find(
            &issues,
            "price_books[0].prices.GL-BAS-R.price",
            "price is 1000.50; JPY has no minor units, so its amounts are whole numbers: write 1000 or 1001",
        );
        assert_eq!(price.offering.as_deref(), Some("GL-BAS-R"));
        assert_eq!(price.line, Some(line_of(&text, "\"1000.50\"")));
        find(
            &issues,
            "price_books[0].prices.USERS.tiers[1]",
            "tier 2 is 8.5; JPY has no minor units",
        );
        find(
            &issues,
            "price_books[0].travel.per_trip",
            "travel per_trip is 1500.1; JPY",
        );
        find(
            &issues,
            "approvals[0].when",
            "total_high_over is 50000.5; JPY has no minor units",
        );
        assert!(
            !issues
                .iter()
                .any(|i| i.field == "price_books[0].prices.GL-BAS.price"),
            "7000.00 is a whole amount: {issues:#?}"
        );
        let usd = edit(
            "GL-BAS = { price = \"7000\" }",
            "GL-BAS = { price = \"33.355\" }",
        );
        find(
            &lint_text(&usd),
            "price_books[0].prices.GL-BAS.price",
            "price is 33.355; USD amounts have at most 2 decimals: write 33.35 or 33.36",
        );
        let round_to = edit("round_to = \"10\"", "round_to = \"0.001\"");
        find(
            &lint_text(&round_to),
            "price_books[1].conversion.round_to",
            "round_to is 0.001; EUR amounts have at most 2 decimals",
        );
    }

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
}
