//! Scope JSON against the embedded GitLab catalog: the strict reader, then quote, recommend,
//! plan and completeness; an accepted scope must survive a JSON round trip unchanged.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use scopecraft::{Catalog, PlanOptions, Scope, completeness, plan, price, recommend};

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::gitlab().expect("the embedded catalog loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scope) = Scope::from_json(text) else {
        return;
    };
    let again = Scope::from_json(&scope.to_json()).expect("a read scope reads back");
    assert_eq!(again, scope);
    let catalog = catalog();
    if let Ok(quote) = price(catalog, &scope) {
        assert!(quote.total.low <= quote.total.high, "total runs backwards");
        assert!(quote.total.low.is_sign_positive() || quote.total.low.is_zero());
        assert!(
            quote.subtotal.high >= quote.total.high,
            "discount raised the total"
        );
    }
    let _ = recommend(catalog, &scope);
    let _ = completeness(catalog, &scope);
    let _ = plan(catalog, &scope, &PlanOptions::default());
});
