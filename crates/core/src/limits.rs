//! Written limits on what Scopecraft accepts. Anything past a limit is refused with an error
//! naming the field and the limit; these keep every total far inside `Decimal`'s range
//! (about 7.9 × 10^28) so arithmetic cannot overflow on accepted input.

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
/// Answers in one scope.
pub const MAX_ANSWERS: usize = 1_000;
/// Choices selected in one multiple-choice answer.
pub const MAX_CHOICES: usize = 100;
/// Bytes of a scope document.
pub const MAX_SCOPE_BYTES: usize = 8 * 1024 * 1024;
/// Nesting depth of a JSON document (a scope is at most 4 deep).
pub const MAX_JSON_DEPTH: usize = 32;
/// Characters in a share link, prefix included (well under what browsers accept in a URL).
pub const MAX_SHARE_LINK_CHARS: usize = 32 * 1024;
/// Bytes a share link's payload may inflate to (the guard against tiny links that expand into
/// huge documents).
pub const MAX_SHARE_INFLATED_BYTES: usize = 1024 * 1024;
