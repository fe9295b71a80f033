//! Matching two lists of catalog entries by key and naming the fields that differ, on the
//! entries' JSON form (the catalog file's own field names).

use serde::Serialize;
use serde_json::{Map, Value};

use super::{DiffEntry, EntryChange, FieldChange, ListChanges};

/// One entry of a list: its key, its title and its JSON form.
pub(super) struct Keyed {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) value: Value,
}

/// The entries of `items` with the key and title `key` picks.
pub(super) fn keyed<T: Serialize>(
    items: &[T],
    key: impl Fn(&T) -> (&String, &String),
) -> Vec<Keyed> {
    items
        .iter()
        .map(|item| {
            let (id, title) = key(item);
            Keyed {
                id: id.clone(),
                title: title.clone(),
                value: serde_json::to_value(item).unwrap_or(Value::Null),
            }
        })
        .collect()
}

/// Added, removed and changed entries; with a key given twice, the first one counts.
pub(super) fn compare(old: Vec<Keyed>, new: Vec<Keyed>) -> ListChanges {
    let find = |list: &[Keyed], id: &str| list.iter().position(|entry| entry.id == id);
    let mut changes = ListChanges::default();
    for (index, entry) in new.iter().enumerate() {
        if find(&new, &entry.id) != Some(index) {
            continue;
        }
        match find(&old, &entry.id).and_then(|i| old.get(i)) {
            None => changes.added.push(DiffEntry {
                id: entry.id.clone(),
                title: entry.title.clone(),
            }),
            Some(before) => {
                let fields = changed_fields("", &before.value, &entry.value);
                if !fields.is_empty() {
                    changes.changed.push(EntryChange {
                        id: entry.id.clone(),
                        title: entry.title.clone(),
                        fields,
                    });
                }
            }
        }
    }
    for (index, entry) in old.iter().enumerate() {
        if find(&old, &entry.id) == Some(index) && find(&new, &entry.id).is_none() {
            changes.removed.push(DiffEntry {
                id: entry.id.clone(),
                title: entry.title.clone(),
            });
        }
    }
    let common_old: Vec<&str> = old
        .iter()
        .filter(|e| find(&new, &e.id).is_some())
        .map(|e| e.id.as_str())
        .collect();
    let common_new: Vec<&str> = new
        .iter()
        .filter(|e| find(&old, &e.id).is_some())
        .map(|e| e.id.as_str())
        .collect();
    changes.reordered = common_old != common_new;
    changes
}

/// The fields that differ between two JSON values, sorted by path. Objects are compared key
/// by key, all the way down; anything else (a string, a number, a whole list) is one field.
pub(super) fn changed_fields(prefix: &str, old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    collect(prefix, Some(old), Some(new), &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn collect(path: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<FieldChange>) {
    if old == new {
        return;
    }
    // An object that appears or disappears is compared with an empty one, so its fields are
    // named one by one.
    let empty = Map::new();
    let is_object = |value: Option<&Value>| matches!(value, Some(Value::Object(_)));
    if let (true, Some(old_map), Some(new_map)) = (
        is_object(old) || is_object(new),
        as_object(old, &empty),
        as_object(new, &empty),
    ) {
        let mut keys: Vec<&String> = old_map.keys().chain(new_map.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            collect(&child, old_map.get(key), new_map.get(key), out);
        }
        return;
    }
    out.push(FieldChange {
        field: path.to_string(),
        old: old.cloned(),
        new: new.cloned(),
    });
}

/// The object `value` is, or `empty` when there is none; `None` for anything else.
fn as_object<'a>(
    value: Option<&'a Value>,
    empty: &'a Map<String, Value>,
) -> Option<&'a Map<String, Value>> {
    match value {
        Some(Value::Object(map)) => Some(map),
        None => Some(empty),
        Some(_) => None,
    }
}
