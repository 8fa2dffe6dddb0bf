//! What every many-record write shares (demo data, imports, restores, undo): requests issued
//! without awaiting each, a checkpoint every [`CHUNK`], progress reports, and the reads that
//! recompute the summaries of the fiches a write touches.
//!
//! Awaiting each of 100k requests would cost a round trip each (20-50 times slower); awaiting
//! none would leave the page frozen until the commit. So one request in [`CHUNK`] is awaited:
//! the browser paints and answers the user in between, and the transaction stays active
//! because what is awaited is one of its own requests. What is awaited is the checkpoint of the
//! chunk before, not the request just issued: the database works through one chunk while the
//! page prepares the next (awaiting the last one left the page idle a quarter of the time).

use std::collections::{HashMap, HashSet};

use wasm_bindgen::JsValue;
use web_sys::IdbRequest;

use crate::domain::fiche::Fiche;
use crate::domain::history::HistoryEntry;
use crate::domain::summary::Summary;

use super::error::StorageError;
use super::error::{from_js, Stage};
use super::history::decode_entries;
use super::idb::{array, fire, index, key, pending, Pending, Tx};
use super::records::{
    from_js_opt, set_summary, summaries_by_fiche, to_js, StoredFiche, StoredFicheRef,
};
use super::schema::{BY_FICHE, FICHES, HISTORY};

/// How many bulk requests are issued between two waits.
pub(crate) const CHUNK: usize = 2_000;

/// A progress callback that ignores everything, for callers with no bar to draw.
pub(crate) fn no_progress(_: usize, _: usize) {}

/// Counts the requests of one transaction and paces them.
pub(crate) struct Bulk<'p> {
    done: usize,
    total: usize,
    progress: &'p dyn Fn(usize, usize),
    /// The last checkpoint issued, not yet awaited, with its position.
    in_flight: Option<(usize, Pending)>,
}

impl<'p> Bulk<'p> {
    /// `total` is the number of requests the transaction will count (reads and writes), so that
    /// `progress(done, total)` can draw a bar.
    pub(crate) fn new(total: usize, progress: &'p dyn Fn(usize, usize)) -> Self {
        Bulk {
            done: 0,
            total,
            progress,
            in_flight: None,
        }
    }

    /// Issues one write; every [`CHUNK`] requests, watches it and waits for the one watched
    /// before (so for every request before that: a transaction runs its requests in order),
    /// then reports progress. A failed request is seen there or at the commit, and aborts the
    /// whole transaction. (A watcher dropped unawaited is harmless: its callbacks free
    /// themselves.)
    pub(crate) async fn write(
        &mut self,
        request: Result<IdbRequest, JsValue>,
    ) -> Result<(), StorageError> {
        self.done += 1;
        if !self.done.is_multiple_of(CHUNK) {
            return fire(request);
        }
        let watched = (self.done, pending(request)?);
        if let Some((at, before)) = self.in_flight.replace(watched) {
            before.result().await?;
            (self.progress)(at, self.total.max(self.done));
        }
        Ok(())
    }

    /// Counts `n` reads whose results are in, reporting progress at each checkpoint passed.
    fn read(&mut self, n: usize) {
        let before = self.done / CHUNK;
        self.done += n;
        if self.done / CHUNK > before {
            self.report();
        }
    }

    /// Reports the end of the requests (called once the last one is issued, before the commit).
    pub(crate) fn issued(&self) {
        self.report();
    }

    fn report(&self) {
        (self.progress)(self.done, self.total.max(self.done));
    }
}

/// Checks a set of new records before a transaction is opened: fiche ids unique
/// ([`StorageError::Conflict`] names the repeated one), every entry belonging to one of these
/// fiches ([`StorageError::NotFound`] names the missing fiche). Returns the fiche ids.
pub(crate) fn check_new<'a>(
    fiches: &'a [Fiche],
    entries: &[HistoryEntry],
) -> Result<HashSet<&'a str>, StorageError> {
    let ids = unique_ids(fiches)?;
    if let Some(e) = entries.iter().find(|e| !ids.contains(e.fiche_id.as_str())) {
        return Err(StorageError::NotFound {
            id: e.fiche_id.clone(),
        });
    }
    Ok(ids)
}

/// The ids of fiches to write, refusing one given twice ([`StorageError::Conflict`]): the
/// second would silently replace the first.
pub(crate) fn unique_ids<'a>(
    fiches: impl IntoIterator<Item = &'a Fiche>,
) -> Result<HashSet<&'a str>, StorageError> {
    let mut ids = HashSet::new();
    for f in fiches {
        if !ids.insert(f.id.as_str()) {
            return Err(StorageError::Conflict { id: f.id.clone() });
        }
    }
    Ok(ids)
}

/// Refuses an entry id given twice: the second `add` would abort the transaction with a
/// browser message that does not say which entry.
pub(crate) fn check_entry_ids(entries: &[HistoryEntry]) -> Result<(), StorageError> {
    let mut ids = HashSet::with_capacity(entries.len());
    match entries.iter().find(|e| !ids.insert(e.id.as_str())) {
        Some(e) => Err(StorageError::Other(format!(
            "history entry {} is given twice",
            e.id
        ))),
        None => Ok(()),
    }
}

/// Adds new fiches (as given) and their entries, with summaries computed from `entries`, which
/// must be all their history ([`check_new`] first). `add` refuses a key already stored, which
/// aborts the transaction. Returns each fiche with its summary, in the order given.
pub(crate) async fn add_all(
    tx: &Tx,
    fiches: &[Fiche],
    entries: &[HistoryEntry],
    bulk: &mut Bulk<'_>,
) -> Result<Vec<(Fiche, Summary)>, StorageError> {
    let fiche_store = tx.store(FICHES)?;
    let history = tx.store(HISTORY)?;
    let mut summaries = summaries_by_fiche(entries);
    let mut out = Vec::with_capacity(fiches.len());
    for f in fiches {
        let summary = summaries.remove(f.id.as_str()).unwrap_or_default();
        bulk.write(fiche_store.add(&to_js(&StoredFicheRef::new(f, &summary))?))
            .await?;
        out.push((f.clone(), summary));
    }
    for e in entries {
        bulk.write(history.add(&to_js(e)?)).await?;
    }
    Ok(out)
}

/// Many reads issued back to back, before any is awaited: one round trip in all.
///
/// Only one read in [`CHUNK`], and the last, is watched by a promise: a transaction completes
/// its requests in order, so once a watched read has succeeded, every read issued before it has
/// its result. The others cost no promise and no closure (a third of the time of 10k reads
/// went there). If one fails, the transaction aborts and the next watched read reports it.
pub(crate) struct Reads {
    requests: Vec<IdbRequest>,
    /// Positions in `requests` and their watchers, in order.
    watched: Vec<(usize, Pending)>,
}

impl Reads {
    pub(crate) fn issue(
        requests: impl IntoIterator<Item = Result<IdbRequest, JsValue>>,
    ) -> Result<Reads, StorageError> {
        let requests = requests
            .into_iter()
            .map(|r| r.map_err(|e| from_js(&e, Stage::Use)))
            .collect::<Result<Vec<_>, _>>()?;
        let n = requests.len();
        let watched = requests
            .iter()
            .enumerate()
            .filter(|(i, _)| (i + 1).is_multiple_of(CHUNK) || i + 1 == n)
            .map(|(i, r)| Ok((i, pending(Ok(r.clone()))?)))
            .collect::<Result<Vec<_>, StorageError>>()?;
        Ok(Reads { requests, watched })
    }

    /// The results in the order issued (`undefined` for a `get` that found nothing).
    pub(crate) async fn results(self, bulk: &mut Bulk<'_>) -> Result<Vec<JsValue>, StorageError> {
        let mut out = Vec::with_capacity(self.requests.len());
        for (end, watcher) in self.watched {
            watcher.result().await?;
            let start = out.len();
            for r in &self.requests[start..=end] {
                out.push(r.result().map_err(|e| from_js(&e, Stage::Use))?);
            }
            bulk.read(end + 1 - start);
        }
        Ok(out)
    }
}

/// Issues one `get` on `fiches` per id.
pub(crate) fn get_fiches<'a>(
    tx: &Tx,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<Reads, StorageError> {
    let store = tx.store(FICHES)?;
    Reads::issue(ids.into_iter().map(|id| store.get(&key(id))))
}

/// Issues one `getAll` on the `fiche_id` index per id: the stored history of each fiche, to
/// recompute its summary. (One `getAll` over the whole store would read every entry of the file
/// to use a few.)
pub(crate) fn get_histories<'a>(
    tx: &Tx,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<Reads, StorageError> {
    let by_fiche = index(&tx.store(HISTORY)?, BY_FICHE)?;
    Reads::issue(
        ids.into_iter()
            .map(|id| by_fiche.get_all_with_key(&key(id))),
    )
}

/// The results of [`get_histories`], decoded (an entry that does not decode is
/// [`StorageError::Corrupt`]: a summary computed without it would be wrong).
pub(crate) async fn read_histories(
    reads: Reads,
    bulk: &mut Bulk<'_>,
) -> Result<Vec<Vec<HistoryEntry>>, StorageError> {
    reads
        .results(bulk)
        .await?
        .into_iter()
        .map(decode_entries)
        .collect()
}

/// The summary of each fiche of `ids` from its stored entries (`stored`, from
/// [`read_histories`] in the same order) and the new ones about to be added: every entry it
/// will have, without reading back what this transaction writes.
pub(crate) fn summaries_with_new(
    ids: &[&str],
    stored: &[Vec<HistoryEntry>],
    new: &[HistoryEntry],
) -> Vec<Summary> {
    let mut by_fiche: HashMap<&str, Vec<&HistoryEntry>> = HashMap::new();
    for e in new {
        by_fiche.entry(e.fiche_id.as_str()).or_default().push(e);
    }
    ids.iter()
        .zip(stored)
        .map(|(id, old)| {
            let new = by_fiche.remove(id).unwrap_or_default();
            Summary::from_history(old.iter().chain(new))
        })
        .collect()
}

/// The fiches that receive entries without being written in full, each once, in the order of
/// their first entry: their stored record is read and only its summary rewritten.
pub(crate) fn attached_only<'a>(
    given: &HashSet<&str>,
    entries: &'a [HistoryEntry],
) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    entries
        .iter()
        .map(|e| e.fiche_id.as_str())
        .filter(|id| !given.contains(id) && seen.insert(*id))
        .collect()
}

/// Decodes the stored records of [`attached_only`] fiches (read with [`get_fiches`]): each must
/// be there, since entries cannot be added to a fiche that does not exist
/// ([`StorageError::NotFound`]).
pub(crate) fn decode_attached(ids: &[&str], raws: &[JsValue]) -> Result<Vec<Fiche>, StorageError> {
    ids.iter()
        .zip(raws)
        .map(|(id, raw)| {
            from_js_opt::<StoredFiche>(raw.clone(), &format!("fiche {id}"))?
                .map(|s| s.fiche)
                .ok_or_else(|| StorageError::NotFound { id: id.to_string() })
        })
        .collect()
}

/// Writes back raw fiche records read in this transaction with a new summary each (see
/// [`set_summary`]), and lists them as stored for memory to follow.
pub(crate) async fn put_summaries(
    tx: &Tx,
    fiches: Vec<Fiche>,
    raws: &[JsValue],
    summaries: impl IntoIterator<Item = Summary>,
    bulk: &mut Bulk<'_>,
    out: &mut Vec<(Fiche, Summary)>,
) -> Result<(), StorageError> {
    let store = tx.store(FICHES)?;
    for ((fiche, raw), summary) in fiches.into_iter().zip(raws).zip(summaries) {
        set_summary(raw, &fiche.id, &summary)?;
        bulk.write(store.put(raw)).await?;
        out.push((fiche, summary));
    }
    Ok(())
}

/// The keys of a `getAllKeys` result, as strings (the stores here are keyed by string ids).
pub(crate) fn string_keys(raw: JsValue) -> Result<Vec<String>, StorageError> {
    Ok(array(raw)?.iter().filter_map(|k| k.as_string()).collect())
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::domain::history::HistoryKind;

    fn entry(id: &str, fiche: &str, day: u32, kind: HistoryKind) -> HistoryEntry {
        HistoryEntry {
            id: id.into(),
            fiche_id: fiche.into(),
            date: Utc.with_ymd_and_hms(2024, 5, day, 12, 0, 0).unwrap(),
            kind,
            label: String::new(),
            amount_cents: Some(100 * i64::from(day)),
            currency: "EUR".into(),
            status: None,
            text: String::new(),
        }
    }

    fn fiche(id: &str) -> Fiche {
        Fiche::new(
            id.into(),
            Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap(),
        )
    }

    #[test]
    fn summaries_count_stored_and_new_entries() {
        let stored = vec![
            vec![entry("1", "a", 1, HistoryKind::Purchase)],
            vec![],
            vec![entry("2", "c", 2, HistoryKind::Call)],
        ];
        let new = vec![
            entry("3", "a", 3, HistoryKind::Purchase),
            entry("4", "b", 4, HistoryKind::Purchase),
            entry("5", "a", 5, HistoryKind::Note),
        ];
        let s = summaries_with_new(&["a", "b", "c"], &stored, &new);
        let a = [&stored[0][0], &new[0], &new[2]];
        assert_eq!(s[0], Summary::from_history(a));
        assert_eq!(s[0].orders, 2);
        assert_eq!(s[1], Summary::from_history([&new[1]]));
        assert_eq!(s[2], Summary::from_history(&stored[2]));
    }

    #[test]
    fn attached_fiches_are_listed_once_in_order() {
        let given = HashSet::from(["a"]);
        let new = vec![
            entry("1", "c", 1, HistoryKind::Call),
            entry("2", "a", 1, HistoryKind::Call),
            entry("3", "b", 1, HistoryKind::Call),
            entry("4", "c", 1, HistoryKind::Call),
        ];
        assert_eq!(attached_only(&given, &new), ["c", "b"]);
    }

    #[test]
    fn new_records_are_checked_before_any_transaction() {
        let fiches = [fiche("a"), fiche("b"), fiche("a")];
        assert_eq!(
            check_new(&fiches, &[]),
            Err(StorageError::Conflict { id: "a".into() })
        );
        let orphan = [entry("1", "z", 1, HistoryKind::Call)];
        assert_eq!(
            check_new(&fiches[..2], &orphan),
            Err(StorageError::NotFound { id: "z".into() })
        );
        let twice = [
            entry("1", "a", 1, HistoryKind::Call),
            entry("1", "b", 2, HistoryKind::Call),
        ];
        assert!(check_new(&fiches[..2], &twice).is_ok());
        assert!(matches!(
            check_entry_ids(&twice),
            Err(StorageError::Other(m)) if m.contains("entry 1")
        ));
    }
}
