//! Written limits on what Scopecraft accepts. Anything past a limit is refused with an error
//! naming the field and the limit; these keep every total far inside `Decimal`'s range
//! (about 7.9 × 10^28) so arithmetic cannot overflow on accepted input. The tables in
//! `docs/scope-format.md` and `docs/catalog-format.md` list them all.
//!
//! Worst case on accepted input: a catalog amount (≤ 10^12) times a quantity (≤ 10^5) is
//! 10^17 per line, and 10^4 such lines make 10^21, seven orders of magnitude inside `Decimal`.
//! The engine still uses checked arithmetic everywhere and reports an overflow as an error.

/// Items in one scope.
pub const MAX_ITEMS: usize = 10_000;
/// Units, classes or blocks on one item.
pub const MAX_QUANTITY: u64 = 100_000;
/// Attendees on one item.
pub const MAX_ATTENDEES: u64 = 100_000;
/// Hours on one item or one role.
pub const MAX_HOURS: u64 = 1_000_000;
/// Any amount entered by a person (discount amounts, not-to-exceed caps).
pub const MAX_AMOUNT: u64 = 1_000_000_000_000;
/// A whole-number answer.
pub const MAX_ANSWER_NUMBER: u64 = 1_000_000_000;
/// Decimal places accepted in percentages, hours and amounts typed by people.
pub const MAX_DECIMAL_PLACES: u32 = 6;
/// Characters in a name, username, SKU or other short text.
pub const MAX_SHORT_TEXT: usize = 200;
/// Characters in an email address (RFC 5321).
pub const MAX_EMAIL: usize = 254;
/// Characters in a free-text answer or a note.
pub const MAX_LONG_TEXT: usize = 10_000;
/// Rate-card roles in one item's time-and-materials effort.
pub const MAX_EFFORT_ROLES: usize = 100;
/// Answers in one scope (and decisions on recommendations).
pub const MAX_ANSWERS: usize = 1_000;
/// Choices selected in one multiple-choice answer.
pub const MAX_CHOICES: usize = 100;
/// Bytes of a scope document.
pub const MAX_SCOPE_BYTES: usize = 8 * 1024 * 1024;
/// Nesting depth of a JSON document, scope or catalog (a scope needs 4, a catalog about 8).
pub const MAX_JSON_DEPTH: usize = 32;
/// Characters in a share link, prefix included (well under what browsers accept in a URL).
pub const MAX_SHARE_LINK_CHARS: usize = 32 * 1024;
/// Bytes a share link's payload may inflate to (the guard against tiny links that expand into
/// huge documents).
pub const MAX_SHARE_INFLATED_BYTES: usize = 1024 * 1024;
/// Bytes of a catalog file (TOML, JSON, or GitLab's `services.yml` before import).
pub const MAX_CATALOG_BYTES: usize = 4 * 1024 * 1024;
/// Offerings in one catalog.
pub const MAX_OFFERINGS: usize = 5_000;
/// Any amount written in a catalog: prices, table cells, add-ons, rates, travel, thresholds.
pub const MAX_CATALOG_AMOUNT: u64 = 1_000_000_000_000;
/// Units of a price book's currency per unit of the base currency.
pub const MAX_CONVERSION_RATE: u64 = 1_000_000;
/// Nesting of lists and mappings in GitLab's `services.yml` (the real file needs 3).
pub const MAX_YAML_DEPTH: usize = 64;
/// Values a `services.yml` may expand to, counting every alias as a copy of its anchor.
pub const MAX_YAML_NODES: usize = 200_000;
