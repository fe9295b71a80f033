//! Finding an offering by SKU or a question by id: the position of the first entry with a
//! name, through a small hash table.
//!
//! Every scope item is looked up by SKU when it is priced and several answers by question
//! id, so the lookup is on the pricing path. A name is hashed a word at a time and the table
//! is probed from there; the one entry found is then compared byte for byte, so a lookup
//! costs about one comparison of names whatever the catalog's size. The hash is fixed (no
//! random seed): the same catalog always makes the same table, in every build.

/// Names and the position of the first entry with each, for lookup.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    /// One entry per distinct name, in the order first seen: the name, its hash and the
    /// position of its first entry.
    entries: Vec<(Box<str>, u64, usize)>,
    /// Open addressing: each slot holds `EMPTY` or an index into `entries`. Its length is a
    /// power of two at least twice the number of names, so probes stay short.
    slots: Box<[u32]>,
}

const EMPTY: u32 = u32::MAX;

/// A multiplicative hash of `name`, read eight bytes at a time; the last word is read
/// overlapping the one before (and a name under eight bytes as two overlapping halves), so
/// every name takes one or two reads more than its whole words. The length is mixed in, so
/// overlapping reads of names of different lengths do not meet.
fn hash(name: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes = name.as_bytes();
    let len = bytes.len();
    let mix = |h: u64, word: u64| (h.rotate_left(23) ^ word).wrapping_mul(K);
    let mut h = u64::try_from(len).unwrap_or(u64::MAX).wrapping_mul(K);
    if len >= 8 {
        let mut words = bytes.chunks_exact(8);
        for word in words.by_ref() {
            h = mix(h, read(word));
        }
        if !words.remainder().is_empty() {
            h = mix(h, read(bytes.get(len - 8..).unwrap_or_default()));
        }
    } else if len >= 4 {
        let low = read(bytes.get(..4).unwrap_or_default());
        let high = read(bytes.get(len - 4..).unwrap_or_default());
        h = mix(h, low | (high << 32));
    } else {
        // One to three bytes (or none): the first, the middle and the last.
        let byte = |i: usize| bytes.get(i).copied().map_or(0, u64::from);
        h = mix(
            h,
            byte(0) | (byte(len / 2) << 8) | (byte(len.saturating_sub(1)) << 16),
        );
    }
    h ^ (h >> 29)
}

/// Up to eight bytes as a little-endian number.
fn read(bytes: &[u8]) -> u64 {
    let mut word = [0_u8; 8];
    for (to, from) in word.iter_mut().zip(bytes) {
        *to = *from;
    }
    u64::from_le_bytes(word)
}

impl NameIndex {
    /// Indexes `names` by position; when a name occurs more than once, its first position
    /// is the one found.
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> NameIndex {
        let mut index = NameIndex::default();
        for (position, name) in names.into_iter().enumerate() {
            // Grown before the table is half full.
            if index.entries.len().saturating_mul(2) >= index.slots.len() {
                index.grow();
            }
            let h = hash(name);
            if let Some(slot) = index.probe(name, h) {
                index.fill(slot, (Box::from(name), h, position));
            }
        }
        index
    }

    /// Doubles the table and places every entry again.
    fn grow(&mut self) {
        let len = self.slots.len().max(8).saturating_mul(2);
        self.slots = vec![EMPTY; len].into_boxed_slice();
        let entries = std::mem::take(&mut self.entries);
        for entry in entries {
            if let Some(slot) = self.probe(&entry.0, entry.1) {
                self.fill(slot, entry);
            }
        }
    }

    /// Puts `entry` in `slot` unless the slot already holds its name (a later entry of a
    /// name already indexed). An entry count beyond `u32` is far beyond any catalog: such
    /// names are not indexed.
    fn fill(&mut self, slot: usize, entry: (Box<str>, u64, usize)) {
        if let Some(cell) = self.slots.get_mut(slot)
            && *cell == EMPTY
            && let Ok(next) = u32::try_from(self.entries.len())
            && next != EMPTY
        {
            *cell = next;
            self.entries.push(entry);
        }
    }

    /// The slot holding `name`, or the empty slot where it would go; `None` only when the
    /// table has no slots.
    fn probe(&self, name: &str, h: u64) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        // The low bits of the hash choose the first slot (the table's length is a power of
        // two); then slot after slot, wrapping around. Some slot is always empty.
        let mut slot = usize::try_from(h & u64::from(u32::MAX)).ok()? & mask;
        for _ in 0..self.slots.len() {
            let cell = *self.slots.get(slot)?;
            if cell == EMPTY {
                return Some(slot);
            }
            let (entry, entry_hash, _) = self.entries.get(usize::try_from(cell).ok()?)?;
            if *entry_hash == h && **entry == *name {
                return Some(slot);
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// The position of the first entry named `name`.
    pub(crate) fn get(&self, name: &str) -> Option<usize> {
        let cell = *self.slots.get(self.probe(name, hash(name))?)?;
        let (_, _, position) = self.entries.get(usize::try_from(cell).ok()?)?;
        Some(*position)
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
        // Names of many lengths (the eight-byte words and the tail both vary), repeated, so
        // the table grows several times and probes collide.
        let names: Vec<String> = (0..3_000_u32)
            .map(|i| format!("{}-{}", "X".repeat((i % 19) as usize), i % 2_500))
            .collect();
        let index = NameIndex::new(names.iter().map(String::as_str));
        for probe in names
            .iter()
            .map(String::as_str)
            .chain(["", "X-", "XX-99999", "-"])
        {
            let first = names.iter().position(|name| name == probe);
            assert_eq!(index.get(probe), first, "{probe:?}");
        }
    }

    #[test]
    fn names_differing_only_in_trailing_zero_bytes_are_different_names() {
        let index = NameIndex::new(["A", "A\0", "A\0\0\0\0\0\0\0", "A\0\0\0\0\0\0\0\0"]);
        assert_eq!(index.get("A"), Some(0));
        assert_eq!(index.get("A\0"), Some(1));
        assert_eq!(index.get("A\0\0\0\0\0\0\0"), Some(2));
        assert_eq!(index.get("A\0\0\0\0\0\0\0\0"), Some(3));
        assert_eq!(index.get("A\0\0"), None);
    }
}
