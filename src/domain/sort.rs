//! Orders of the fiche list. Every order ends on the id, so two sorts of the same file always
//! agree, whatever order the records came out of IndexedDB in.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};

use serde::{Deserialize, Serialize};

use super::fiche::Fiche;
use super::search::fold;
use super::summary::Summary;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Display name, ignoring case and accents.
    #[default]
    Name,
    Created,
    LastContact,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SortDir {
    #[default]
    Asc,
    Desc,
}

/// Sorts fiches with their summaries. Fiches without a name (by name) or never contacted (by
/// last contact) go last in both directions: they are what the user is not looking for.
pub fn sort_fiches(items: &mut [(&Fiche, &Summary)], key: SortKey, dir: SortDir) {
    // Keys are computed once per item (`sort_by_cached_key`, which is stable): folding a name
    // inside each comparison would redo it O(n log n) times.
    items.sort_by_cached_key(|&(f, s)| sort_value(f, s, key, dir));
}

/// The owned key [`sort_fiches`] sorts on, for sorting anything else that leads to a fiche and
/// its summary, such as indices into the state's vectors:
/// `idx.sort_by_cached_key(|&i| sort_value(&fiches[i], &summaries[i], key, dir))`.
pub fn sort_value(f: &Fiche, s: &Summary, key: SortKey, dir: SortDir) -> SortValue {
    let (last, primary) = match key {
        SortKey::Name => {
            let name = fold(&f.display_name());
            (name.is_empty(), Primary::Name(name))
        }
        SortKey::Created => (false, Primary::Instant(Some(f.created_at))),
        SortKey::LastContact => (s.last_contact.is_none(), Primary::Instant(s.last_contact)),
    };
    // The fiches that go last keep one order, so Desc is exactly Asc reversed before them.
    let dir = if last { SortDir::Asc } else { dir };
    SortValue {
        last,
        rest: Directed((primary, f.id.clone()), dir),
    }
}

/// See [`sort_value`]. Only values built with the same key and direction are comparable.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortValue {
    last: bool,
    rest: Directed<(Primary, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Primary {
    Name(String),
    Instant(Option<DateTime<Utc>>),
}

/// Orders by the key, reversed for [`SortDir::Desc`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Directed<K>(K, SortDir);

impl<K: Ord> Ord for Directed<K> {
    fn cmp(&self, other: &Self) -> Ordering {
        let o = self.0.cmp(&other.0);
        match self.1 {
            SortDir::Asc => o,
            SortDir::Desc => o.reverse(),
        }
    }
}

impl<K: Ord> PartialOrd for Directed<K> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
