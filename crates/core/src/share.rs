//! Share links: a scope packed into a string that fits in a URL fragment.
//!
//! A link carries the scope (what was picked and answered, never a price) and the catalog it
//! was made with (id, version and content hash), so whoever opens it prices the scope with
//! their own engine and can warn when their catalog differs from the sender's.
//!
//! The format, version 1:
//!
//! ```text
//! s1.<base64url without padding of: checksum (4 bytes) ‖ raw deflate of the scope JSON>
//! ```
//!
//! - The scope JSON is the compact scope document ([`Scope::to_json`]) with its `catalog`
//!   field set; it is read back with the strict scope reader, so a bad link yields the same
//!   path-precise errors as a bad scope file.
//! - The checksum is the first four bytes of the SHA-256 of the compressed bytes. It catches
//!   links that were cut short, mistyped or edited by hand (it is not a signature: anyone can
//!   make a valid link).
//! - Decoding refuses links longer than [`limits::MAX_SHARE_LINK_CHARS`] before doing any
//!   work, and stops inflating at [`limits::MAX_SHARE_INFLATED_BYTES`] (a small link cannot
//!   expand into a huge document).

use std::fmt;

use sha2::{Digest, Sha256};

use crate::catalog::CatalogRef;
use crate::field_error::{FieldError, FieldPath};
use crate::limits;
use crate::scope::{Scope, ScopeError};

/// The version this code writes.
pub const VERSION: u32 = 1;

/// The prefix of a version-1 link.
pub const PREFIX: &str = "s1.";

const CHECKSUM_BYTES: usize = 4;

/// Deflate level: the best ratio; scopes are small, so speed does not matter.
const LEVEL: u8 = 10;

/// A decoded share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedScope {
    /// The scope, with its `catalog` field set to [`SharedScope::catalog`].
    pub scope: Scope,
    /// The catalog the link was made with.
    pub catalog: CatalogRef,
}

impl SharedScope {
    /// Whether the link was made with a catalog of exactly this content hash.
    pub fn made_with(&self, hash: &str) -> bool {
        self.catalog.hash == hash
    }
}

/// Why a share link could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The text does not start with a version prefix such as `s1.`.
    NotAShareLink,
    /// A share link of a version this build does not read.
    UnknownVersion {
        /// The version in the prefix, as written.
        version: String,
    },
    /// The link is longer than the limit.
    TooLong {
        /// Characters in the link.
        length: usize,
        /// [`limits::MAX_SHARE_LINK_CHARS`].
        max: usize,
    },
    /// A character that base64url does not use, or a length it cannot have.
    BadBase64 {
        /// 0-based character offset after the prefix, when one character is to blame.
        position: Option<usize>,
    },
    /// The checksum does not match: the link was cut short, mistyped or edited.
    Damaged,
    /// The payload is not valid deflate data.
    BadCompression,
    /// The payload inflates past the limit.
    TooLarge {
        /// [`limits::MAX_SHARE_INFLATED_BYTES`].
        max: usize,
    },
    /// The payload is not UTF-8 text.
    NotText,
    /// The scope inside is invalid (or, when encoding, the scope would not read back).
    InvalidScope(ScopeError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotAShareLink => write!(
                f,
                "not a share link: expected text starting with \"{PREFIX}\""
            ),
            ShareError::UnknownVersion { version } => write!(
                f,
                "share link version {version} is not supported (this build reads version {VERSION})"
            ),
            ShareError::TooLong { length, max } => write!(
                f,
                "share link is {length} characters; at most {max} are allowed"
            ),
            ShareError::BadBase64 {
                position: Some(position),
            } => write!(
                f,
                "share link is not valid base64url: unexpected character at position {position}"
            ),
            ShareError::BadBase64 { position: None } => write!(
                f,
                "share link is not valid base64url: its length is impossible (cut short?)"
            ),
            ShareError::Damaged => write!(
                f,
                "share link checksum does not match: the link was cut short, mistyped or edited"
            ),
            ShareError::BadCompression => {
                write!(f, "share link payload is not valid deflate data")
            }
            ShareError::TooLarge { max } => write!(
                f,
                "share link payload inflates to more than {max} bytes; refusing it"
            ),
            ShareError::NotText => write!(f, "share link payload is not UTF-8 text"),
            ShareError::InvalidScope(error) => {
                write!(
                    f,
                    "share link holds an invalid scope:{}",
                    error.errors.indented()
                )
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// Packs `scope` and the catalog it was made with into a share link.
///
/// The scope's own `catalog` field is replaced by `catalog`. Fails with
/// [`ShareError::InvalidScope`] when the scope would not read back (a limit is exceeded, say)
/// and with [`ShareError::TooLong`] when the link would pass the length limit.
pub fn encode(scope: &Scope, catalog: &CatalogRef) -> Result<String, ShareError> {
    let mut scope = scope.clone();
    scope.catalog = Some(catalog.clone());
    let json = serde_json::to_string(&scope).map_err(|e| {
        ShareError::InvalidScope(ScopeError {
            errors: FieldError::new(FieldPath::Document, e.to_string()).into(),
        })
    })?;
    // What decode would refuse, encode refuses: the link must open.
    Scope::from_json(&json).map_err(ShareError::InvalidScope)?;
    if json.len() > limits::MAX_SHARE_INFLATED_BYTES {
        return Err(ShareError::TooLarge {
            max: limits::MAX_SHARE_INFLATED_BYTES,
        });
    }
    let compressed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    let link = pack(&compressed);
    if link.len() > limits::MAX_SHARE_LINK_CHARS {
        return Err(ShareError::TooLong {
            length: link.len(),
            max: limits::MAX_SHARE_LINK_CHARS,
        });
    }
    Ok(link)
}

/// Reads a share link made by [`encode`].
///
/// Checks run cheapest first: prefix and version, length, base64url, checksum, inflation with
/// a size cap, then the strict scope reader. The link must also name its catalog.
pub fn decode(link: &str) -> Result<SharedScope, ShareError> {
    let body = strip_prefix(link)?;
    if link.len() > limits::MAX_SHARE_LINK_CHARS {
        return Err(ShareError::TooLong {
            length: link.chars().count(),
            max: limits::MAX_SHARE_LINK_CHARS,
        });
    }
    let bytes = base64url_decode(body)?;
    let (checksum, compressed) = bytes
        .split_at_checked(CHECKSUM_BYTES)
        .ok_or(ShareError::Damaged)?;
    if checksum != checksum_of(compressed) {
        return Err(ShareError::Damaged);
    }
    let json = inflate(compressed)?;
    let text = String::from_utf8(json).map_err(|_| ShareError::NotText)?;
    let scope = Scope::from_json(&text).map_err(ShareError::InvalidScope)?;
    let Some(catalog) = scope.catalog.clone() else {
        return Err(ShareError::InvalidScope(ScopeError {
            errors: FieldError::new(
                "catalog",
                "missing: a share link names the catalog it was made with",
            )
            .into(),
        }));
    };
    Ok(SharedScope { scope, catalog })
}

/// The body after a supported version prefix.
fn strip_prefix(link: &str) -> Result<&str, ShareError> {
    if let Some(body) = link.strip_prefix(PREFIX) {
        return Ok(body);
    }
    let Some((head, _)) = link.split_once('.') else {
        return Err(ShareError::NotAShareLink);
    };
    match head.strip_prefix('s') {
        Some(version)
            if !version.is_empty()
                && version.len() <= 9
                && version.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Err(ShareError::UnknownVersion {
                version: version.to_string(),
            })
        }
        _ => Err(ShareError::NotAShareLink),
    }
}

/// Prefix, then base64url of checksum ‖ compressed bytes.
fn pack(compressed: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(CHECKSUM_BYTES + compressed.len());
    bytes.extend_from_slice(&checksum_of(compressed));
    bytes.extend_from_slice(compressed);
    format!("{PREFIX}{}", base64url_encode(&bytes))
}

fn checksum_of(compressed: &[u8]) -> [u8; CHECKSUM_BYTES] {
    let digest = Sha256::digest(compressed);
    let mut checksum = [0u8; CHECKSUM_BYTES];
    for (out, byte) in checksum.iter_mut().zip(digest.iter()) {
        *out = *byte;
    }
    checksum
}

fn inflate(compressed: &[u8]) -> Result<Vec<u8>, ShareError> {
    use miniz_oxide::inflate::TINFLStatus;
    miniz_oxide::inflate::decompress_to_vec_with_limit(compressed, limits::MAX_SHARE_INFLATED_BYTES)
        .map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                max: limits::MAX_SHARE_INFLATED_BYTES,
            },
            _ => ShareError::BadCompression,
        })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url (RFC 4648 §5) without padding.
fn base64url_encode(bytes: &[u8]) -> String {
    let symbol =
        |index: u32| char::from(ALPHABET.get((index & 63) as usize).copied().unwrap_or(b'A'));
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(symbol(n >> 18));
        out.push(symbol(n >> 12));
        if chunk.len() > 1 {
            out.push(symbol(n >> 6));
        }
        if chunk.len() > 2 {
            out.push(symbol(n));
        }
    }
    out
}

/// Strict base64url without padding: only the 64 symbols, no impossible length, and the
/// unused low bits of the last symbol must be zero (so each byte string has one spelling).
fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let value = |(position, byte): (usize, u8)| -> Result<u32, ShareError> {
        let v = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => {
                return Err(ShareError::BadBase64 {
                    position: Some(position),
                });
            }
        };
        Ok(u32::from(v))
    };
    let values = text
        .bytes()
        .enumerate()
        .map(value)
        .collect::<Result<Vec<u32>, ShareError>>()?;
    if values.len() % 4 == 1 {
        return Err(ShareError::BadBase64 { position: None });
    }
    let mut out = Vec::with_capacity(values.len() / 4 * 3 + 2);
    for chunk in values.chunks(4) {
        let n = chunk.iter().fold(0u32, |n, v| (n << 6) | v);
        let [_, b0, b1, b2] = match chunk.len() {
            4 => n,
            3 => {
                if n & 0b11 != 0 {
                    return Err(ShareError::BadBase64 { position: None });
                }
                n << 6
            }
            _ => {
                if n & 0b1111 != 0 {
                    return Err(ShareError::BadBase64 { position: None });
                }
                n << 12
            }
        }
        .to_be_bytes();
        out.push(b0);
        if chunk.len() > 2 {
            out.push(b1);
        }
        if chunk.len() > 3 {
            out.push(b2);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::quote::price;
    use crate::scope::ScopeItem;
    use rust_decimal::Decimal;

    fn gitlab_ref() -> CatalogRef {
        Catalog::gitlab().unwrap().reference()
    }

    fn example_scope() -> Scope {
        Scope::from_json(
            r#"{ "customer": {"name": "Acme Corp", "public_sector_us": false},
                 "requester": {"username": "jdoe", "email": "jdoe@example.com"},
                 "currency": "EUR",
                 "items": [ {"sku": "GL-CICD-R", "attendees": 40},
                            {"sku": "GL-XPRT", "hours": "100", "discount_percent": "10"},
                            {"sku": "GL-MIG-SM-SAAS", "note": "ünïcödé ✓"},
                            {"sku": "MIG+", "included": ["GL-BAS-R", "GL-SEC-R"]} ],
                 "answers": {"migration.users": 800, "migration.repositories": 2500},
                 "quote_discount_percent": "5",
                 "notes": "call before the kick-off" }"#,
        )
        .unwrap()
    }

    /// A link for arbitrary payload bytes with a valid checksum: to reach the later checks.
    fn link_for_compressed(compressed: &[u8]) -> String {
        pack(compressed)
    }

    fn link_for_json(json: &str) -> String {
        pack(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6))
    }

    #[test]
    fn round_trips_the_scope_and_the_catalog() {
        let scope = example_scope();
        let catalog = gitlab_ref();
        let link = encode(&scope, &catalog).unwrap();
        assert!(link.starts_with("s1."), "{link}");
        let shared = decode(&link).unwrap();
        assert_eq!(shared.catalog, catalog);
        assert!(shared.made_with(&catalog.hash));
        assert!(!shared.made_with("0000"));
        let mut expected = scope.clone();
        expected.catalog = Some(catalog.clone());
        assert_eq!(shared.scope, expected);
        assert_eq!(shared.scope.items[3].included, ["GL-BAS-R", "GL-SEC-R"]);
        // Same input, same link.
        assert_eq!(encode(&scope, &catalog).unwrap(), link);
    }

    #[test]
    fn links_are_fragment_safe_and_small() {
        let link = encode(&example_scope(), &gitlab_ref()).unwrap();
        assert!(
            link.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'),
            "{link}"
        );
        assert!(link.len() < 600, "{} characters", link.len());
    }

    #[test]
    fn an_empty_scope_round_trips() {
        let catalog = gitlab_ref();
        let shared = decode(&encode(&Scope::default(), &catalog).unwrap()).unwrap();
        assert!(shared.scope.items.is_empty());
        assert_eq!(shared.catalog, catalog);
    }

    #[test]
    fn a_link_never_contains_a_price() {
        let catalog = Catalog::gitlab().unwrap();
        let scope = example_scope();
        let quote = price(&catalog, &scope).unwrap();
        let link = encode(&scope, &catalog.reference()).unwrap();
        let body = base64url_decode(link.strip_prefix(PREFIX).unwrap()).unwrap();
        let json = String::from_utf8(inflate(&body[CHECKSUM_BYTES..]).unwrap()).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        for key in keys {
            assert!(
                [
                    "customer",
                    "requester",
                    "currency",
                    "items",
                    "answers",
                    "quote_discount_percent",
                    "notes",
                    "catalog"
                ]
                .contains(&key.as_str()),
                "unexpected key {key} in {json}"
            );
        }
        for word in ["price", "total", "net", "gross", "subtotal", "lines"] {
            assert!(!json.contains(&format!("\"{word}")), "{word} in {json}");
        }
        let total = quote.total.high.to_string();
        assert!(!json.contains(&total), "the total {total} is in {json}");
        for line in &quote.lines {
            if let Some(net) = line.net {
                assert!(
                    net.high == Decimal::ZERO || !json.contains(&net.high.to_string()),
                    "line net {} in {json}",
                    net.high
                );
            }
        }
    }

    #[test]
    fn refuses_text_that_is_not_a_link() {
        for text in [
            "", "hello", "s.abc", "x1.abc", "sx.abc", "S1.abc", "#s1.abc",
        ] {
            assert_eq!(decode(text), Err(ShareError::NotAShareLink), "{text:?}");
        }
    }

    #[test]
    fn refuses_unknown_versions() {
        assert_eq!(
            decode("s2.AAAA"),
            Err(ShareError::UnknownVersion {
                version: "2".to_string()
            })
        );
        assert_eq!(
            decode("s0.AAAA"),
            Err(ShareError::UnknownVersion {
                version: "0".to_string()
            })
        );
        let message = decode("s17.x").unwrap_err().to_string();
        assert!(message.contains("version 17"), "{message}");
    }

    #[test]
    fn refuses_bad_base64() {
        assert_eq!(
            decode("s1.abc+def"),
            Err(ShareError::BadBase64 { position: Some(3) })
        );
        assert_eq!(
            decode("s1.abc=="),
            Err(ShareError::BadBase64 { position: Some(3) })
        );
        assert_eq!(
            decode("s1.abcde"),
            Err(ShareError::BadBase64 { position: None })
        );
        // Non-zero unused bits in the last symbol: another spelling of the same bytes.
        assert_eq!(
            decode("s1.AB"),
            Err(ShareError::BadBase64 { position: None })
        );
        let message = decode("s1.a b").unwrap_err().to_string();
        assert!(message.contains("position 1"), "{message}");
    }

    #[test]
    fn base64url_matches_the_rfc_vectors() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xbf], "-_-_"),
        ] {
            assert_eq!(base64url_encode(bytes), text);
            assert_eq!(base64url_decode(text).unwrap(), bytes);
        }
    }

    #[test]
    fn detects_truncation_and_tampering() {
        let link = encode(&example_scope(), &gitlab_ref()).unwrap();
        // Cut short at every length that is still valid base64url.
        for cut in PREFIX.len()..link.len() {
            let short = &link[..cut];
            let result = decode(short);
            assert!(
                matches!(
                    result,
                    Err(ShareError::Damaged | ShareError::BadBase64 { .. })
                ),
                "cut at {cut}: {result:?}"
            );
        }
        // Change each character of the body in turn.
        let bytes = link.as_bytes();
        for i in PREFIX.len()..bytes.len() {
            let mut edited = bytes.to_vec();
            edited[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
            let edited = String::from_utf8(edited).unwrap();
            let result = decode(&edited);
            assert!(
                matches!(
                    result,
                    Err(ShareError::Damaged | ShareError::BadBase64 { .. })
                ),
                "edit at {i}: {result:?}"
            );
        }
    }

    #[test]
    fn refuses_bad_compression() {
        // 0xff starts a block of the reserved type 3.
        assert_eq!(
            decode(&link_for_compressed(&[0xff, 0xff, 0xff])),
            Err(ShareError::BadCompression)
        );
        assert_eq!(
            decode(&link_for_compressed(&[])),
            Err(ShareError::BadCompression)
        );
        // A valid stream cut short.
        let full = miniz_oxide::deflate::compress_to_vec(br#"{"items": []}"#, 6);
        assert_eq!(
            decode(&link_for_compressed(&full[..full.len() / 2])),
            Err(ShareError::BadCompression)
        );
    }

    #[test]
    fn refuses_a_zip_bomb() {
        // 16 MiB of spaces compress to a few kilobytes; inflating stops at the limit.
        let bomb = vec![b' '; 16 * 1024 * 1024];
        let compressed = miniz_oxide::deflate::compress_to_vec(&bomb, 10);
        let link = link_for_compressed(&compressed);
        assert!(link.len() <= limits::MAX_SHARE_LINK_CHARS, "{}", link.len());
        assert_eq!(
            decode(&link),
            Err(ShareError::TooLarge {
                max: limits::MAX_SHARE_INFLATED_BYTES
            })
        );
        // Exactly at the limit is still read (and then refused as a scope, not as a bomb).
        let at_limit = vec![b' '; limits::MAX_SHARE_INFLATED_BYTES];
        let link = link_for_compressed(&miniz_oxide::deflate::compress_to_vec(&at_limit, 10));
        assert!(matches!(decode(&link), Err(ShareError::InvalidScope(_))));
    }

    #[test]
    fn refuses_links_over_the_length_limit() {
        let link = format!("s1.{}", "A".repeat(limits::MAX_SHARE_LINK_CHARS));
        assert_eq!(
            decode(&link),
            Err(ShareError::TooLong {
                length: limits::MAX_SHARE_LINK_CHARS + 3,
                max: limits::MAX_SHARE_LINK_CHARS
            })
        );
        // A scope whose notes do not compress: the encoder refuses rather than make a link
        // that would be refused when opened.
        let mut scope = Scope::default();
        let mut state = 0x2545_f491_u32;
        for _ in 0..6 {
            let mut item = ScopeItem::new("GL-XPRT");
            for _ in 0..limits::MAX_LONG_TEXT {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                item.note.push(char::from(b'!' + (state % 90) as u8));
            }
            scope.items.push(item);
        }
        let result = encode(&scope, &gitlab_ref());
        assert!(
            matches!(result, Err(ShareError::TooLong { max, .. }) if max == limits::MAX_SHARE_LINK_CHARS),
            "{:?}",
            result.map(|link| link.len())
        );
    }

    #[test]
    fn refuses_invalid_scopes_with_their_paths() {
        let link = link_for_json(
            r#"{"items": [{"sku": "GL-XPRT", "hours": "-1"}], "catalog": {"id": "gitlab", "version": "1", "hash": "ab"}}"#,
        );
        let Err(ShareError::InvalidScope(error)) = decode(&link) else {
            panic!("expected an invalid scope");
        };
        assert_eq!(error.errors.len(), 1);
        assert_eq!(error.errors[0].field, "items[0].hours");
        let message = ShareError::InvalidScope(error).to_string();
        assert!(message.contains("items[0].hours:"), "{message}");

        let link = link_for_json(r#"{"items": "many"}"#);
        let Err(ShareError::InvalidScope(error)) = decode(&link) else {
            panic!("expected an invalid scope");
        };
        assert_eq!(error.errors[0].field, "items");

        let link = link_for_json("not json");
        assert!(matches!(decode(&link), Err(ShareError::InvalidScope(_))));

        let deep = format!("{}{}", "[".repeat(64), "]".repeat(64));
        let Err(ShareError::InvalidScope(error)) = decode(&link_for_json(&deep)) else {
            panic!("expected an invalid scope");
        };
        assert!(error.errors[0].message.contains("nested"), "{error}");
    }

    #[test]
    fn refuses_a_link_without_its_catalog() {
        let link = link_for_json(r#"{"items": [{"sku": "GL-XPRT"}]}"#);
        let Err(ShareError::InvalidScope(error)) = decode(&link) else {
            panic!("expected an invalid scope");
        };
        assert_eq!(error.errors[0].field, "catalog");
    }

    #[test]
    fn refuses_a_payload_that_is_not_text() {
        let link = link_for_compressed(&miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 6));
        assert_eq!(decode(&link), Err(ShareError::NotText));
    }

    #[test]
    fn encode_refuses_a_scope_that_would_not_read_back() {
        let mut scope = Scope::default();
        let mut item = ScopeItem::new("GL-XPRT");
        item.quantity = Some(limits::MAX_QUANTITY + 1);
        scope.items.push(item);
        let Err(ShareError::InvalidScope(error)) = encode(&scope, &gitlab_ref()) else {
            panic!("expected an invalid scope");
        };
        assert_eq!(error.errors[0].field, "items[0].quantity");
    }
}
