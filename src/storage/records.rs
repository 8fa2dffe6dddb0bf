//! The shapes of stored records, their conversion to and from JS values, and the pure
//! computations done before writing.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use js_sys::Reflect;
use serde::de::{DeserializeOwned, DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::fiche::Fiche;
use crate::domain::history::HistoryEntry;
use crate::domain::summary::Summary;

use super::error::{from_js as js_error, Stage, StorageError};
use super::idb::array;

/// A record of the `fiches` store, `{id, fiche, summary}` (`id` is the key path, equal to
/// `fiche.id`): the summary of its history is kept with the fiche so that opening the file never
/// reads the much larger `history` store.
#[derive(Debug, Deserialize)]
pub(crate) struct StoredFiche {
    pub fiche: Fiche,
    pub summary: Summary,
}

/// The same record, borrowed for writing (no clone of the fiche).
#[derive(Serialize)]
pub(crate) struct StoredFicheRef<'a> {
    pub id: &'a str,
    pub fiche: &'a Fiche,
    pub summary: &'a Summary,
}

impl<'a> StoredFicheRef<'a> {
    pub fn new(fiche: &'a Fiche, summary: &'a Summary) -> Self {
        StoredFicheRef {
            id: &fiche.id,
            fiche,
            summary,
        }
    }
}

/// A record of the `meta` store.
#[derive(Serialize)]
pub(crate) struct MetaRef<'a, T: ?Sized> {
    pub key: &'a str,
    pub value: &'a T,
}

#[derive(Deserialize)]
pub(crate) struct MetaOwned<T> {
    pub value: T,
}

/// Serialises for IndexedDB, through JSON: `serde_json` writes the text and the browser's
/// `JSON.parse` builds the object, which is both smaller (one serde path in the whole app, the
/// one backups use) and faster than building it field by field across the wasm boundary. The
/// stored shape is plain JSON: ISO 8601 strings for dates (so the `date` index orders them),
/// `null` for `None`, objects for maps. Integers stay exact because amounts are capped below 2^53
/// ([`crate::domain::money::MAX_CENTS`]) and versions are `u32`.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StorageError> {
    let text = serde_json::to_string(value)
        .map_err(|e| StorageError::Other(format!("value cannot be stored: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|e| js_error(&e, Stage::Use))
}

/// Decodes a stored record; `what` names it in the error.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, StorageError> {
    decode(value).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
}

/// Decodes a stored record (or an array of them, read by one `getAll`), with the bare reason on
/// failure: `JSON.stringify` in the browser, `serde_json` here.
pub(crate) fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_json::from_str(&stringify(&value)?).map_err(|e| e.to_string())
}

/// The JSON text of a value read from IndexedDB.
fn stringify(value: &JsValue) -> Result<String, String> {
    let text = js_sys::JSON::stringify(value)
        .map_err(|_| "not JSON data (a cycle or a BigInt)".to_string())?;
    // `undefined` stringifies to `undefined`, not to a string.
    text.as_string().ok_or_else(|| "no record".to_string())
}

/// Decodes the result of a `getAll`: in one piece (one stringify, one parse), and record by
/// record only when that fails, to name the record that does not decode.
pub(crate) fn from_js_all<T: DeserializeOwned>(
    raw: JsValue,
    what: &str,
) -> Result<Vec<T>, StorageError> {
    if let Ok(all) = decode_array(raw.clone()) {
        return Ok(all);
    }
    array(raw)?.iter().map(|r| from_js(r, what)).collect()
}

/// [`decode`] for an array (a `getAll` result), into a vector of its length.
pub(crate) fn decode_array<T: DeserializeOwned>(value: JsValue) -> Result<Vec<T>, String> {
    let len = match value.dyn_ref::<js_sys::Array>() {
        Some(a) => a.length() as usize,
        None => 0,
    };
    from_json_array(&stringify(&value)?, len).map_err(|e| e.to_string())
}

/// A JSON array of about `len` values, decoded into a vector with room for `len` made at once:
/// serde's own grows it by doubling, which at 100,000 fiches copied 50 MB at the last step and
/// left as much unused. `len` is a hint (a stored count may be wrong): capped by what the text
/// can hold (two bytes a value, and four times the text's size in memory), reserved only if
/// the memory is there, and the vector grows past it if need be.
pub(crate) fn from_json_array<T: DeserializeOwned>(
    text: &str,
    len: usize,
) -> Result<Vec<T>, serde_json::Error> {
    let most = (text.len() / 2).min(text.len().saturating_mul(4) / size_of::<T>().max(1));
    let mut de = serde_json::Deserializer::from_str(text);
    let all = Room(len.min(most), PhantomData).deserialize(&mut de)?;
    de.end()?;
    Ok(all)
}

struct Room<T>(usize, PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Room<T> {
    type Value = Vec<T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Room<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut all = Vec::new();
        // Fallible: a room the memory cannot give is left to growth rather than aborting.
        let _ = all.try_reserve_exact(self.0);
        while let Some(one) = seq.next_element()? {
            all.push(one);
        }
        Ok(all)
    }
}

/// Like [`from_js`] for the result of a `get`: `undefined` means no record.
pub(crate) fn from_js_opt<T: DeserializeOwned>(
    value: JsValue,
    what: &str,
) -> Result<Option<T>, StorageError> {
    if value.is_undefined() {
        Ok(None)
    } else {
        from_js(value, what).map(Some)
    }
}

/// The fiche after a save: one version more, stamped `now`.
pub(crate) fn bumped(fiche: &Fiche, now: DateTime<Utc>) -> Fiche {
    let mut saved = fiche.clone();
    saved.version = fiche.version.wrapping_add(1);
    saved.updated_at = now;
    saved
}

/// The summary of each fiche that has entries, computed in one pass over the entries.
pub(crate) fn summaries_by_fiche(entries: &[HistoryEntry]) -> HashMap<&str, Summary> {
    let mut by_fiche: HashMap<&str, Vec<&HistoryEntry>> = HashMap::new();
    for e in entries {
        by_fiche.entry(e.fiche_id.as_str()).or_default().push(e);
    }
    by_fiche
        .into_iter()
        .map(|(id, list)| (id, Summary::from_history(list.iter().copied())))
        .collect()
}

/// Checks the stored record a write is based on and returns the summary to keep: the stored one
/// if its version is the caller's, an empty one for a new fiche (version 0, nothing stored).
/// A fiche deleted elsewhere since it was read (absent but version > 0) is
/// [`StorageError::Deleted`]: saving it would bring it back without its history. Any other
/// version is a [`StorageError::Conflict`]. To re-create a deleted fiche on purpose, save it
/// with version 0.
pub(crate) fn base_summary(
    stored: Option<StoredFiche>,
    fiche: &Fiche,
) -> Result<Summary, StorageError> {
    match stored {
        Some(s) if s.fiche.version == fiche.version => Ok(s.summary),
        None if fiche.version == 0 => Ok(Summary::default()),
        None => Err(StorageError::Deleted {
            id: fiche.id.clone(),
        }),
        Some(_) => Err(StorageError::Conflict {
            id: fiche.id.clone(),
        }),
    }
}

/// Puts `summary` into a stored fiche record read (raw) in the same transaction, before it is
/// written back. Only the summary changes: the fiche part stays exactly as read, so a write that
/// concerns the history never re-encodes, nor bumps, the fiche.
pub(crate) fn set_summary(
    stored: &JsValue,
    fiche_id: &str,
    summary: &Summary,
) -> Result<(), StorageError> {
    if !is_wrapped(stored) {
        return Err(StorageError::Corrupt(format!(
            "fiche {fiche_id}: not a stored fiche"
        )));
    }
    Reflect::set(stored, &JsValue::from_str("summary"), &to_js(summary)?)
        .map(drop)
        .map_err(|e| js_error(&e, Stage::Use))
}

/// Newest first; entries at the same instant in a stable order (by id, descending).
pub(crate) fn sort_newest_first(entries: &mut [HistoryEntry]) {
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
}

/// A version 2 record has a `fiche` object; a bare version 1 fiche has no such field.
pub(crate) fn is_wrapped(raw: &JsValue) -> bool {
    Reflect::get(raw, &JsValue::from_str("fiche")).is_ok_and(|f| f.is_object())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::history::HistoryKind;

    #[test]
    fn a_json_array_decodes_alike_whatever_the_room_said() {
        let text = "[1,2,3,4,5]";
        for hint in [0, 3, 5, 9, usize::MAX] {
            let all: Vec<u32> = from_json_array(text, hint).unwrap();
            assert_eq!(all, [1, 2, 3, 4, 5], "hint {hint}");
            // The room said, within what the text can hold (5 bytes per value at least here).
            assert!(all.capacity() >= hint.min(text.len() / 2).max(5));
        }
        let exact: Vec<u32> = from_json_array(text, 5).unwrap();
        assert_eq!(exact.capacity(), 5, "room made once");
        // A wild count reserves no more than four times the text's size.
        let big: Vec<[u64; 32]> = from_json_array("[]", usize::MAX).unwrap();
        assert_eq!(big.capacity(), 0);
        let text = format!("[{}]", vec!["0"; 100].join(","));
        let few: Vec<u64> = from_json_array(&text, usize::MAX).unwrap();
        assert_eq!(few.len(), 100);
        assert!(few.capacity() * size_of::<u64>() <= 4 * text.len());
        assert!(from_json_array::<u32>("[1,2", 2).is_err());
        assert!(
            from_json_array::<u32>("[1,2] x", 2).is_err(),
            "trailing text"
        );
        assert!(from_json_array::<u32>("{}", 2).is_err());
        assert_eq!(from_json_array::<u32>("[]", 0).unwrap(), Vec::<u32>::new());
    }

    fn entry(id: &str, fiche: &str, day: u32, kind: HistoryKind, cents: i64) -> HistoryEntry {
        HistoryEntry {
            id: id.into(),
            fiche_id: fiche.into(),
            date: Utc.with_ymd_and_hms(2024, 3, day, 10, 0, 0).unwrap(),
            kind,
            label: String::new(),
            amount_cents: Some(cents),
            currency: "EUR".into(),
            status: None,
            text: String::new(),
        }
    }

    #[test]
    fn bumped_adds_one_version_and_stamps() {
        let t0 = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        let t1 = Utc.with_ymd_and_hms(2024, 1, 2, 0, 0, 0).unwrap();
        let mut f = Fiche::new("a".into(), t0);
        f.version = 7;
        let s = bumped(&f, t1);
        assert_eq!((s.version, s.updated_at, s.created_at), (8, t1, t0));
    }

    #[test]
    fn base_summary_refuses_other_versions_and_resurrection() {
        let t0 = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        let kept = Summary {
            orders: 3,
            ..Summary::default()
        };
        let at = |version| Fiche {
            version,
            ..Fiche::new("a".into(), t0)
        };
        let stored = |version| StoredFiche {
            fiche: at(version),
            summary: kept.clone(),
        };
        let conflict = Err(StorageError::Conflict { id: "a".into() });
        assert_eq!(base_summary(None, &at(0)), Ok(Summary::default()));
        assert_eq!(base_summary(Some(stored(2)), &at(2)), Ok(kept.clone()));
        assert_eq!(base_summary(Some(stored(3)), &at(2)), conflict);
        assert_eq!(
            base_summary(None, &at(2)),
            Err(StorageError::Deleted { id: "a".into() }),
            "deleted elsewhere: told apart from a newer version"
        );
        assert_eq!(base_summary(Some(stored(0)), &at(2)), conflict);
    }

    #[test]
    fn summaries_group_by_fiche_and_match_from_history() {
        let entries = vec![
            entry("1", "a", 1, HistoryKind::Purchase, 1000),
            entry("2", "b", 2, HistoryKind::Call, 0),
            entry("3", "a", 3, HistoryKind::Purchase, 500),
        ];
        let s = summaries_by_fiche(&entries);
        assert_eq!(s.len(), 2);
        let a: Vec<_> = entries.iter().filter(|e| e.fiche_id == "a").collect();
        assert_eq!(s["a"], Summary::from_history(a));
        assert_eq!(s["a"].total_spent_cents, 1500);
        assert_eq!(s["b"].contacts, 1);
    }

    #[test]
    fn newest_first_breaks_ties_by_id() {
        let mut list = vec![
            entry("1", "a", 1, HistoryKind::Note, 0),
            entry("3", "a", 2, HistoryKind::Note, 0),
            entry("2", "a", 2, HistoryKind::Note, 0),
        ];
        sort_newest_first(&mut list);
        let ids: Vec<_> = list.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["3", "2", "1"]);
    }
}
