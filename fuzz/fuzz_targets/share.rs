//! Share links: decode; a decoded link re-encodes to a link that decodes to the same.
//!
//! Random edits almost never keep the checksum valid, so the first byte picks a mode that
//! wraps the rest in a correct envelope to reach the later stages:
//! - `0x00`: the rest is the deflated payload (inflation with its size cap, then the reader);
//! - `0x01`: the rest is the scope JSON, deflated here (the strict scope reader);
//! - anything else: the whole input is the link text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scopecraft::share;
use sha2::{Digest, Sha256};

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((0, compressed)) => check(&link_for(compressed)),
        Some((1, json)) => check(&link_for(&miniz_oxide::deflate::compress_to_vec(json, 6))),
        _ => {
            if let Ok(text) = std::str::from_utf8(data) {
                check(text);
            }
        }
    }
});

fn check(link: &str) {
    let Ok(shared) = share::decode(link) else {
        return;
    };
    let again = share::encode(&shared.scope, &shared.catalog).expect("a decoded scope encodes");
    assert_eq!(share::decode(&again).expect("a fresh link decodes"), shared);
}

/// `s1.` + base64url(first 4 bytes of SHA-256 ‖ compressed), as docs/scope-format.md says.
fn link_for(compressed: &[u8]) -> String {
    let mut bytes = Sha256::digest(compressed)[..4].to_vec();
    bytes.extend_from_slice(compressed);
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut link = String::from("s1.");
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            link.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    link
}
