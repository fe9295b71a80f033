//! GitLab `services.yml` text: import, and when it imports, check the resulting catalog.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scopecraft::import_gitlab_services;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(import) = import_gitlab_services(text) else {
        return;
    };
    let _ = import.catalog.into_catalog();
});
