//! Share-link text: decode; a decoded link re-encodes to a link that decodes to the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scopecraft::share;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(shared) = share::decode(text) else {
        return;
    };
    let link = share::encode(&shared.scope, &shared.catalog).expect("a decoded scope encodes");
    let again = share::decode(&link).expect("a fresh link decodes");
    assert_eq!(again, shared);
});
