//! Catalog text (TOML, or JSON when it starts with `{`): parse, lint, and when it loads, list
//! every offering's price and price a scope holding every offering once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scopecraft::{
    Catalog, CatalogFormat, Scope, ScopeItem, check_catalog, list_price, load_catalog, price,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let name = match CatalogFormat::detect("", text) {
        CatalogFormat::Json => "fuzz.json",
        CatalogFormat::Toml => "fuzz.toml",
    };
    let _ = check_catalog(name, text);
    let Ok(catalog) = load_catalog(name, text) else {
        return;
    };
    exercise(&catalog);
});

fn exercise(catalog: &Catalog) {
    let mut scope = Scope::default();
    for offering in catalog.offerings() {
        for currency in catalog.currencies() {
            let _ = list_price(catalog, &offering.sku, currency);
        }
        let mut item = ScopeItem::new(offering.sku.clone());
        item.attendees = Some(13);
        scope.items.push(item);
    }
    if let Ok(quote) = price(catalog, &scope) {
        assert!(quote.total.low <= quote.total.high, "total runs backwards");
        assert!(!quote.total.low.is_sign_negative() || quote.total.low.is_zero());
    }
    // The canonical JSON reloads to the same hash.
    let json = catalog.to_canonical_json();
    let again = load_catalog("again.json", &json).expect("canonical JSON reloads");
    assert_eq!(again.hash(), catalog.hash());
}
