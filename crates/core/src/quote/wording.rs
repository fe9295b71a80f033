//! Words for counted things on a quote: `class` → `classes`, and the units a line counts.

use std::borrow::Cow;

/// `class` → `classes` when `n != 1`; borrowed when the word does not change, so the common
/// case allocates nothing.
pub(crate) fn plural(word: &str, n: u64) -> Cow<'_, str> {
    match plural_parts(word, n) {
        (stem, "") => Cow::Borrowed(stem),
        (stem, ending) => Cow::Owned([stem, ending].concat()),
    }
}

/// The plural as the part of the word kept and the ending added (`class` → `class` + `es`,
/// `party` → `part` + `ies`; `("seats", "")` when the word does not change).
fn plural_parts(word: &str, n: u64) -> (&str, &'static str) {
    if n == 1 {
        return (word, "");
    }
    if word.ends_with("ss") || word.ends_with('x') || word.ends_with("ch") {
        (word, "es")
    } else if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        (stem, "ies")
    } else if word.ends_with('s') || word.contains(' ') || word.contains('(') {
        (word, "")
    } else {
        (word, "s")
    }
}

/// `4 seat add-ons`: the count and the phrase with its last word in the plural, written into
/// one string (one allocation, no formatting machinery: components are written per line).
pub(crate) fn count_words(n: u64, phrase: &str) -> String {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((head, last)) => (Some(head), last),
        None => (None, phrase),
    };
    let (stem, ending) = plural_parts(last, n);
    let mut text = String::with_capacity(phrase.len() + 24);
    push_number(&mut text, n);
    text.push(' ');
    if let Some(head) = head {
        text.push_str(head);
        text.push(' ');
    }
    text.push_str(stem);
    text.push_str(ending);
    text
}

/// Appends `n` in decimal digits.
pub(crate) fn push_number(text: &mut String, n: u64) {
    let mut digits = [0_u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        if let Some(digit) = digits.get_mut(start) {
            // `rest % 10` is below 10, so the cast keeps it exactly.
            *digit = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || start == 0 {
            break;
        }
    }
    for &digit in digits.get(start..).unwrap_or_default() {
        text.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pluralise_the_last_word_of_a_phrase() {
        assert_eq!(count_words(4, "seat add-on"), "4 seat add-ons");
        assert_eq!(count_words(1, "seat add-on"), "1 seat add-on");
        assert_eq!(count_words(3, "class"), "3 classes");
        assert_eq!(count_words(0, "class"), "0 classes");
        assert_eq!(count_words(12, "party"), "12 parties");
        assert_eq!(count_words(10_007, "user seats"), "10007 user seats");
        assert_eq!(
            count_words(u64::MAX, "seat add-on"),
            "18446744073709551615 seat add-ons"
        );
    }

    #[test]
    fn plurals_add_the_ending_the_word_takes() {
        assert_eq!(plural("class", 2), "classes");
        assert_eq!(plural("class", 1), "class");
        assert_eq!(plural("party", 3), "parties");
        assert_eq!(plural("day", 3), "days");
        assert_eq!(plural("box", 2), "boxes");
        assert_eq!(plural("seats", 2), "seats");
        assert_eq!(plural("block (48 hours)", 2), "block (48 hours)");
        assert!(matches!(plural("trip", 1), Cow::Borrowed(_)));
    }
}
