//! Finding an offering by SKU or a question by id: the position of the first entry with a
//! name, by binary search over the names ordered by length first.
//!
//! Every scope item is looked up by SKU when it is priced and several answers by question
//! id, so the lookup is on the pricing path. Ordering by length first means most of the
//! search's comparisons are one integer comparison; only names of the same length compare
//! their bytes.

use std::cmp::Ordering;

/// Names and the position of the first entry with each, for lookup.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    /// Ordered by [`by_length_then_bytes`], one entry per name.
    entries: Vec<(Box<str>, usize)>,
}

/// Shorter names first; names of one length in byte order.
fn by_length_then_bytes(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

impl NameIndex {
    /// Indexes `names` by position; when a name occurs more than once, its first position
    /// is the one found.
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> NameIndex {
        let mut index = NameIndex::default();
        // Each name goes in at its place in the order (a catalog has at most a few thousand
        // names, and inserting keeps the browser build free of a sort of its own).
        for (position, name) in names.into_iter().enumerate() {
            if let Err(place) = index.find(name) {
                index.entries.insert(place, (Box::from(name), position));
            }
        }
        index
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(entry, _)| by_length_then_bytes(entry, name))
    }

    /// The position of the first entry named `name`.
    pub(crate) fn get(&self, name: &str) -> Option<usize> {
        let found = self.find(name).ok()?;
        self.entries.get(found).map(|&(_, position)| position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_name_at_its_first_position_and_nothing_else() {
        let names = ["GL-JIRA", "B", "GL-MIGRATE-PLUS", "AA", "B", "GL-JIRB", ""];
        let index = NameIndex::new(names);
        assert_eq!(index.get("GL-JIRA"), Some(0));
        assert_eq!(index.get("B"), Some(1), "the first of two entries named B");
        assert_eq!(index.get("GL-MIGRATE-PLUS"), Some(2));
        assert_eq!(index.get("AA"), Some(3));
        assert_eq!(index.get("GL-JIRB"), Some(5));
        assert_eq!(index.get(""), Some(6));
        for absent in ["GL-JIR", "GL-JIRAA", "gl-jira", "A", "C", "GL-MIGRATE-PLUT"] {
            assert_eq!(index.get(absent), None, "{absent:?}");
        }
        assert_eq!(NameIndex::default().get("B"), None);
    }

    #[test]
    fn agrees_with_a_linear_search_over_many_names() {
        let names: Vec<String> = (0..300_u32)
            .map(|i| format!("{}-{}", "X".repeat((i % 7) as usize), i % 250))
            .collect();
        let index = NameIndex::new(names.iter().map(String::as_str));
        for probe in names.iter().map(String::as_str).chain(["", "X-", "XX-999"]) {
            let first = names.iter().position(|name| name == probe);
            assert_eq!(index.get(probe), first, "{probe:?}");
        }
    }
}
