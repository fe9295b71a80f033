//! Words for counted things on a quote: `class` → `classes`, and the units a line counts.

use std::borrow::Cow;

/// `class` → `classes` when `n != 1`.
pub(crate) fn plural(word: &str, n: u64) -> String {
    if n == 1 {
        return word.to_string();
    }
    if word.ends_with("ss") || word.ends_with('x') || word.ends_with("ch") {
        format!("{word}es")
    } else if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if word.ends_with('s') || word.contains(' ') || word.contains('(') {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// `4 seat add-ons`: the count and the phrase with its last word in the plural.
pub(crate) fn count_words(n: u64, phrase: &str) -> String {
    match phrase.rsplit_once(' ') {
        Some((head, last)) => format!("{n} {head} {}", plural(last, n)),
        None => format!("{n} {}", plural(phrase, n)),
    }
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
