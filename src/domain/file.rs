//! The customer file held in memory: every fiche with its summary and its pre-folded text (for
//! the search and the segment filters). Filled by one bulk read at start; changed only after
//! IndexedDB has committed.

use std::collections::HashMap;

use crate::domain::fiche::Fiche;
use crate::domain::search::Query;
use crate::domain::segment::FoldedText;
use crate::domain::sort::{sort_fiches, SortDir, SortKey};
use crate::domain::summary::Summary;

#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub fiche: Fiche,
    pub summary: Summary,
}

impl Record {
    pub fn new(fiche: Fiche, summary: Summary) -> Record {
        Record { fiche, summary }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileState {
    records: Vec<Record>,
    /// Each record's text folded once per change rather than per keystroke, index for index
    /// with `records`: the search and the segment filters read it. A vector of its own, not a
    /// field of `Record`: a pass over 100,000 fiches then reads small contiguous items instead
    /// of striding through the large records (scripts/bench-segments.mjs, 100,000 fiches:
    /// search median 22 → 15 ms a keystroke).
    texts: Vec<FoldedText>,
    by_id: HashMap<String, usize>,
}

impl FileState {
    pub fn from_records(records: impl IntoIterator<Item = (Fiche, Summary)>) -> FileState {
        let mut state = FileState::default();
        state.upsert_all(records);
        state
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Record> {
        self.by_id.get(id).map(|&i| &self.records[i])
    }

    /// The index of a fiche in [`FileState::records`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// The folded texts, index for index with [`FileState::records`].
    pub fn texts(&self) -> &[FoldedText] {
        &self.texts
    }

    /// Inserts or replaces a fiche. `summary: None` keeps the one already known (a fiche edit
    /// does not change its history).
    pub fn upsert(&mut self, fiche: Fiche, summary: Option<Summary>) {
        match self.by_id.get(&fiche.id) {
            Some(&i) => {
                let summary = summary.unwrap_or_else(|| self.records[i].summary.clone());
                self.texts[i] = FoldedText::new(&fiche);
                self.records[i] = Record::new(fiche, summary);
            }
            None => {
                self.by_id.insert(fiche.id.clone(), self.records.len());
                self.texts.push(FoldedText::new(&fiche));
                self.records
                    .push(Record::new(fiche, summary.unwrap_or_default()));
            }
        }
    }

    /// [`FileState::upsert`] of many fiches with their summaries (a load's, an import's), with
    /// room made once: grown by doubling, 100k records held a copy of their old buffer at each
    /// step, and up to twice the room they need once loaded.
    pub fn upsert_all(&mut self, items: impl IntoIterator<Item = (Fiche, Summary)>) {
        let items = items.into_iter();
        let n = items.size_hint().0;
        self.records.reserve(n);
        self.texts.reserve(n);
        self.by_id.reserve(n);
        for (fiche, summary) in items {
            self.upsert(fiche, Some(summary));
        }
    }

    pub fn set_summary(&mut self, id: &str, summary: Summary) {
        if let Some(&i) = self.by_id.get(id) {
            self.records[i].summary = summary;
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Record> {
        let i = self.by_id.remove(id)?;
        let removed = self.records.swap_remove(i);
        self.texts.swap_remove(i);
        if let Some(moved) = self.records.get(i) {
            self.by_id.insert(moved.fiche.id.clone(), i);
        }
        Some(removed)
    }

    /// The records matching `query`, in the requested order.
    pub fn list(&self, query: &Query, key: SortKey, dir: SortDir) -> Vec<&Record> {
        let mut hits: Vec<(&Fiche, &Summary)> = self
            .records
            .iter()
            .zip(&self.texts)
            .filter(|(_, t)| t.matches_query(query))
            .map(|(r, _)| (&r.fiche, &r.summary))
            .collect();
        sort_fiches(&mut hits, key, dir);
        hits.into_iter()
            .filter_map(|(f, _)| self.get(&f.id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn fiche(id: &str, first: &str, last: &str) -> Fiche {
        let mut f = Fiche::new(
            id.into(),
            Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap(),
        );
        f.first_name = first.into();
        f.last_name = last.into();
        f
    }

    #[test]
    fn upsert_replace_and_remove_keep_the_index_consistent() {
        let mut s = FileState::from_records([
            (fiche("a", "Hélène", "Dupré"), Summary::default()),
            (fiche("b", "Jérôme", "Martin"), Summary::default()),
            (fiche("c", "Zoé", "Bernard"), Summary::default()),
        ]);
        assert_eq!(s.len(), 3);
        s.remove("a");
        assert!(s.get("a").is_none());
        assert_eq!(s.get("c").unwrap().fiche.first_name, "Zoé");
        assert_eq!(s.get("b").unwrap().fiche.first_name, "Jérôme");
        let summary = Summary {
            orders: 2,
            ..Summary::default()
        };
        s.set_summary("b", summary.clone());
        s.upsert(fiche("b", "Jerome", "Martin"), None);
        assert_eq!(
            s.get("b").unwrap().summary,
            summary,
            "an edit keeps the summary"
        );
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn list_filters_without_accents_and_sorts_by_name() {
        let s = FileState::from_records([
            (fiche("a", "Hélène", "Dupré"), Summary::default()),
            (fiche("b", "Jérôme", "Martin"), Summary::default()),
            (fiche("c", "Zoé", "Bernard"), Summary::default()),
        ]);
        let all = s.list(&Query::new(""), SortKey::Name, SortDir::Asc);
        let names: Vec<_> = all.iter().map(|r| r.fiche.last_name.as_str()).collect();
        assert_eq!(names, ["Bernard", "Dupré", "Martin"]);
        let hits = s.list(&Query::new("helene"), SortKey::Name, SortDir::Asc);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].fiche.id, "a");
        assert!(s
            .list(&Query::new("zzz"), SortKey::Name, SortDir::Asc)
            .is_empty());
    }
}
