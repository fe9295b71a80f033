//! Words for counted things on a quote: `class` → `classes`, and the units a line counts.

use std::borrow::Cow;

/// `class` → `classes` when `n != 1`; borrowed when the word does not change, so the common
/// case allocates nothing.
pub(crate) fn plural(word: &str, n: u64) -> Cow<'_, str> {
    if n == 1 {
        return Cow::Borrowed(word);
    }
    if word.ends_with("ss") || word.ends_with('x') || word.ends_with("ch") {
        Cow::Owned(format!("{word}es"))
    } else if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        Cow::Owned(format!("{stem}ies"))
    } else if word.ends_with('s') || word.contains(' ') || word.contains('(') {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("{word}s"))
    }
}

/// `4 seat add-ons`: the count and the phrase with its last word in the plural, written into
/// one string (one allocation).
pub(crate) fn count_words(n: u64, phrase: &str) -> String {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(phrase.len() + 24);
    let _ = match phrase.rsplit_once(' ') {
        Some((head, last)) => write!(text, "{n} {head} {}", plural(last, n)),
        None => write!(text, "{n} {}", plural(phrase, n)),
    };
    text
}

/// A line's unit, borrowed when it is one of the common ones so most lines allocate nothing.
pub(crate) fn unit_words(unit: &str) -> Cow<'static, str> {
    match unit {
        "engagement" => Cow::Borrowed("engagement"),
        "class" => Cow::Borrowed("class"),
        "seat" => Cow::Borrowed("seat"),
        "block" => Cow::Borrowed("block"),
        "estimate" => Cow::Borrowed("estimate"),
        "trip" => Cow::Borrowed("trip"),
        other => Cow::Owned(other.to_string()),
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
    }
}
