use super::*;
use crate::catalog::{Catalog, load};

fn gitlab() -> Catalog {
    Catalog::gitlab().expect("the embedded catalog loads")
}

#[test]
fn the_public_projection_has_no_internal_note_cost_rate_or_approval_rule() {
    let full = gitlab();
    let dropped = full.data().dropped_by_public_projection();
    assert!(
        !dropped.internal_notes.is_empty(),
        "the GitLab catalog has internal notes"
    );
    assert!(
        !dropped.cost_rates.is_empty(),
        "the GitLab catalog has cost rates"
    );
    assert!(
        !dropped.approval_rules.is_empty(),
        "the GitLab catalog has approval rules"
    );

    let public = full.public().expect("the projection passes lint");
    let data = public.data();
    assert_eq!(data.projection, Projection::Public);
    assert!(
        data.offerings
            .iter()
            .all(|o| o.internal_notes.is_empty() && o.public)
    );
    assert!(data.approvals.is_empty());
    for book in &data.price_books {
        assert!(book.rate_card.values().all(|role| role.cost.is_none()));
    }
    assert_eq!(data.dropped_by_public_projection(), Dropped::default());
    let json = public.to_canonical_json();
    for text in dropped.texts() {
        assert!(!json.contains(&text), "the projection still holds {text:?}");
    }
}

#[test]
fn the_projection_keeps_bill_rates_prices_and_offerings() {
    let full = gitlab();
    let public = full.public().unwrap();
    assert_eq!(public.offerings().len(), full.offerings().len());
    for (a, b) in full
        .data()
        .price_books
        .iter()
        .zip(&public.data().price_books)
    {
        assert_eq!(a.prices, b.prices);
        assert_eq!(a.travel, b.travel);
        let bills = |book: &crate::catalog::PriceBook| {
            book.rate_card
                .iter()
                .map(|(id, role)| (id.clone(), role.bill))
                .collect::<Vec<_>>()
        };
        assert_eq!(bills(a), bills(b));
    }
}

#[test]
fn the_reference_says_which_projection_priced_it() {
    let full = gitlab();
    let public = full.public().unwrap();
    assert_ne!(full.hash(), public.hash());
    assert_eq!(full.reference().projection, Projection::Full);
    assert_eq!(public.reference().projection, Projection::Public);
    let full_json = serde_json::to_string(&full.reference()).unwrap();
    assert!(
        !full_json.contains("projection"),
        "full references are written as before"
    );
    let public_json = serde_json::to_string(&public.reference()).unwrap();
    assert!(
        public_json.ends_with(r#","projection":"public"}"#),
        "{public_json}"
    );
}

#[test]
fn projecting_twice_changes_nothing_and_survives_a_round_trip() {
    let public = gitlab().public().unwrap();
    let again = public.public().unwrap();
    assert_eq!(public.hash(), again.hash());
    let reloaded = load("public.json", &public.to_canonical_json()).expect("loads back");
    assert_eq!(reloaded.hash(), public.hash());
    assert_eq!(reloaded.projection(), Projection::Public);
}

#[test]
fn non_public_offerings_and_their_prices_are_dropped() {
    let full = gitlab();
    let json = full.to_canonical_json();
    // An offering nothing else names: its SKU appears only as its own `sku` and price keys.
    let hidden = full
        .offerings()
        .iter()
        .rev()
        .map(|o| o.sku.clone())
        .find(|sku| {
            let quoted = format!("\"{sku}\"");
            let listed = full
                .data()
                .price_books
                .iter()
                .filter(|b| b.prices.contains_key(sku))
                .count();
            json.matches(&quoted).count() == 1 + listed
        })
        .expect("some offering is named nowhere else");
    let mut data = full.data().clone();
    let offering = data.offerings.iter_mut().find(|o| o.sku == hidden).unwrap();
    offering.public = false;
    offering.internal_notes = vec!["only for us".to_string()];
    let catalog = data.into_catalog().expect("the edited catalog passes lint");
    let dropped = catalog.data().dropped_by_public_projection();
    assert_eq!(dropped.offerings, vec![hidden.clone()]);
    assert!(dropped.texts().contains(&"only for us".to_string()));
    let public = catalog.public().expect("the projection passes lint");
    assert!(public.offering(&hidden).is_none());
    assert_eq!(public.offerings().len(), full.offerings().len() - 1);
    assert!(
        public
            .data()
            .price_books
            .iter()
            .all(|b| !b.prices.contains_key(&hidden))
    );
}

#[test]
fn a_condition_on_a_non_public_offering_makes_the_projection_fail_lint() {
    let full = gitlab();
    let mut data = full.data().clone();
    let tested = serde_json::to_string(&data.recommendations).unwrap();
    let offering = data
        .offerings
        .iter()
        .find(|o| tested.contains(&format!("\"selected\":\"{}\"", o.sku)))
        .expect("some recommendation tests whether an offering is selected");
    // The offering and its other-mode sibling go together.
    let pair = [
        Some(offering.sku.clone()),
        offering.delivery.sibling.clone(),
    ];
    for other in &mut data.offerings {
        if pair.contains(&Some(other.sku.clone())) {
            other.public = false;
        }
    }
    let catalog = data.into_catalog().expect("the full catalog may test it");
    let Err(crate::catalog::CatalogError::Lint(issues)) = catalog.public() else {
        panic!("the projection names an offering it dropped");
    };
    assert!(
        issues.iter().any(|i| i.field.ends_with(".selected")),
        "{issues:?}"
    );
}

#[test]
fn a_public_offering_may_not_need_a_non_public_seat_add_on() {
    let mut data = gitlab().data().clone();
    let (index, addon) = data
        .offerings
        .iter()
        .enumerate()
        .find_map(|(i, o)| match &o.pricing {
            crate::catalog::Pricing::Class { seat_addon, .. } => Some((i, seat_addon.clone())),
            _ => None,
        })
        .expect("some GitLab offering is a class with seat add-ons");
    let at = data.offerings.iter().position(|o| o.sku == addon).unwrap();
    data.offerings[at].public = false;
    let Err(crate::catalog::CatalogError::Lint(issues)) = data.into_catalog() else {
        panic!("a public class whose seat add-on is not public is refused");
    };
    let field = format!("offerings[{index}].pricing.seat_addon");
    let issue = issues
        .iter()
        .find(|i| i.field == field)
        .expect("the issue names the field");
    assert!(issue.message.contains("is not public"), "{}", issue.message);
}

#[test]
fn prerequisites_naming_a_non_public_offering_are_dropped_from_the_projection() {
    let mut data = gitlab().data().clone();
    let (index, needed) = data
        .offerings
        .iter()
        .enumerate()
        .find_map(|(i, o)| o.prerequisites.skus.first().map(|sku| (i, sku.clone())))
        .expect("some GitLab offering has a prerequisite");
    let sku = data.offerings[index].sku.clone();
    for other in &mut data.offerings {
        // The prerequisite and its other-mode sibling go together.
        if other.sku == needed || other.delivery.sibling.as_ref() == Some(&needed) {
            other.public = false;
        }
    }
    let catalog = data
        .into_catalog()
        .expect("a public offering may name a non-public prerequisite");
    let public = catalog.public().expect("the projection passes lint");
    let offering = public.offering(&sku).expect("the offering stays");
    assert!(!offering.prerequisites.skus.contains(&needed));
}

#[test]
fn a_file_marked_public_may_not_carry_internal_data() {
    let mut data = gitlab().data().clone();
    data.projection = Projection::Public;
    let Err(crate::catalog::CatalogError::Lint(issues)) = data.into_catalog() else {
        panic!("internal data in a public file is refused");
    };
    assert!(issues.iter().any(|i| i.field == "approvals"));
    assert!(issues.iter().any(|i| i.field.ends_with(".internal_notes")));
    assert!(issues.iter().any(|i| i.field.ends_with(".cost")));
}
