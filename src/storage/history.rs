//! A fiche's history. Every write also rewrites the fiche's stored summary, recomputed from the
//! entries in the same transaction, so the two can never disagree.

use std::collections::HashSet;

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::IdbKeyRange;
use web_sys::IdbTransactionMode::{Readonly, Readwrite};

use crate::domain::analytics::{Log, LogBuilder};
use crate::domain::history::HistoryEntry;
use crate::domain::summary::Summary;

use super::connection::Db;
use super::error::{from_js as js_error, Stage, StorageError};
use super::idb::{array, fire, index, key, pending, Tx};
use super::records::{from_js, from_js_all, set_summary, sort_newest_first, to_js};
use super::schema::{BY_DATE, BY_FICHE, FICHES, HISTORY};

impl Db {
    /// The entries of a fiche, newest first. An entry that does not decode is an error
    /// ([`StorageError::Corrupt`]) rather than silently missing from a timeline.
    pub async fn history(&self, fiche_id: &str) -> Result<Vec<HistoryEntry>, StorageError> {
        let tx = self.tx(&[HISTORY], Readonly)?;
        let read = async {
            let by_fiche = index(&tx.store(HISTORY)?, BY_FICHE)?;
            pending(by_fiche.get_all_with_key(&key(fiche_id)))?
                .result()
                .await
        }
        .await;
        let raw = tx.finish(read).await?;
        let mut entries = decode_entries(raw)?;
        sort_newest_first(&mut entries);
        Ok(entries)
    }

    /// The stored entries that could equal one of `entries` (what a history import compares
    /// its rows with): those of their fiches dated from the first to the last of their dates,
    /// in no particular order. One `getAll` on the `date` index whatever the number of fiches
    /// concerned (a read per fiche took seconds for 100k); only the entries of these fiches are
    /// decoded, since the period may hold many others.
    pub async fn entries_dated_like(
        &self,
        entries: &[HistoryEntry],
    ) -> Result<Vec<HistoryEntry>, StorageError> {
        // The index holds the dates as stored: strings, compared as strings; an entry equal to
        // one of `entries` has the very same string, so it lies between their least and greatest.
        let mut dates = Vec::with_capacity(entries.len());
        for e in entries {
            dates.push(to_js(&e.date)?.as_string().unwrap_or_default());
        }
        let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
            return Ok(Vec::new());
        };
        let range =
            IdbKeyRange::bound(&key(first), &key(last)).map_err(|e| js_error(&e, Stage::Use))?;
        let tx = self.tx(&[HISTORY], Readonly)?;
        let read = async {
            let by_date = index(&tx.store(HISTORY)?, BY_DATE)?;
            pending(by_date.get_all_with_key(&range))?.result().await
        }
        .await;
        let raw = tx.finish(read).await?;
        let fiches: HashSet<&str> = entries.iter().map(|e| e.fiche_id.as_str()).collect();
        let fiche_id = JsValue::from_str("fiche_id");
        array(raw)?
            .iter()
            .filter(|r| {
                Reflect::get(r, &fiche_id)
                    .ok()
                    .and_then(|id| id.as_string())
                    .is_some_and(|id| fiches.contains(id.as_str()))
            })
            .map(|r| from_js(r, "history entry"))
            .collect()
    }

    /// The history log of the analyses, built from the whole history store: in one read-only
    /// transaction (a consistent state; writes wait for it), [`LOG_CHUNK`] entries per
    /// `getAll`, so the page breathes between chunks; `progress` hears (entries read, total).
    pub async fn history_log(
        &self,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Log, StorageError> {
        let tx = self.tx(&[HISTORY], Readonly)?;
        let read = async {
            let store = tx.store(HISTORY)?;
            let total = pending(store.count())?
                .result()
                .await?
                .as_f64()
                .unwrap_or(0.0) as usize;
            let mut builder = LogBuilder::with_capacity(total);
            let mut after: Option<JsValue> = None;
            loop {
                let range = match &after {
                    Some(k) => IdbKeyRange::lower_bound_with_open(k, true)
                        .map_err(|e| js_error(&e, Stage::Use))?
                        .into(),
                    None => JsValue::UNDEFINED,
                };
                let raw = pending(store.get_all_with_key_and_limit(&range, LOG_CHUNK))?
                    .result()
                    .await?;
                let chunk = decode_entries(raw)?;
                for e in &chunk {
                    builder.add(e);
                }
                progress(builder.len(), total.max(builder.len()));
                match chunk.last() {
                    Some(last) if chunk.len() == LOG_CHUNK as usize => {
                        after = Some(key(&last.id));
                    }
                    _ => break,
                }
            }
            Ok(builder.build())
        }
        .await;
        tx.finish(read).await
    }

    /// The entries of each of these fiches (none for a fiche that has none or is gone), read
    /// in one transaction: what the history log needs after their history changed.
    pub async fn histories(&self, ids: &[String]) -> Result<Vec<Vec<HistoryEntry>>, StorageError> {
        let tx = self.tx(&[HISTORY], Readonly)?;
        let read = async {
            let by_fiche = index(&tx.store(HISTORY)?, BY_FICHE)?;
            let requests = ids
                .iter()
                .map(|id| pending(by_fiche.get_all_with_key(&key(id))))
                .collect::<Result<Vec<_>, _>>()?;
            let mut out = Vec::with_capacity(ids.len());
            for r in requests {
                out.push(decode_entries(r.result().await?)?);
            }
            Ok(out)
        }
        .await;
        tx.finish(read).await
    }

    /// Adds or replaces an entry and returns its fiche's new summary. The fiche must exist
    /// ([`StorageError::NotFound`]); an entry cannot move to another fiche (delete and re-add).
    pub async fn save_entry(&self, entry: &HistoryEntry) -> Result<Summary, StorageError> {
        let tx = self.tx(&[FICHES, HISTORY], Readwrite)?;
        let result = async {
            let history = tx.store(HISTORY)?;
            check_owner(&history, &entry.id, &entry.fiche_id).await?;
            fire(history.put(&to_js(entry)?))?;
            resummarise(&tx, &entry.fiche_id).await
        }
        .await;
        tx.finish(result).await
    }

    /// Deletes an entry (no error if it is already gone) and returns its fiche's new summary.
    pub async fn delete_entry(
        &self,
        fiche_id: &str,
        entry_id: &str,
    ) -> Result<Summary, StorageError> {
        let tx = self.tx(&[FICHES, HISTORY], Readwrite)?;
        let result = async {
            let history = tx.store(HISTORY)?;
            check_owner(&history, entry_id, fiche_id).await?;
            fire(history.delete(&key(entry_id)))?;
            resummarise(&tx, fiche_id).await
        }
        .await;
        tx.finish(result).await
    }
}

/// Entries per `getAll` when the history log is rebuilt: the page is blocked while a chunk
/// decodes (about 15 µs an entry), so a few thousand at a time.
pub const LOG_CHUNK: u32 = 5_000;

/// Refuses to touch entry `entry_id` through fiche `fiche_id` if it is stored under another
/// fiche: that fiche's summary would go stale.
async fn check_owner(
    history: &web_sys::IdbObjectStore,
    entry_id: &str,
    fiche_id: &str,
) -> Result<(), StorageError> {
    let stored = pending(history.get(&key(entry_id)))?.result().await?;
    if stored.is_undefined() {
        return Ok(());
    }
    let owner = Reflect::get(&stored, &JsValue::from_str("fiche_id"))
        .map_err(|e| js_error(&e, Stage::Use))?
        .as_string()
        .ok_or_else(|| StorageError::Corrupt(format!("history entry {entry_id}: no fiche_id")))?;
    if owner == fiche_id {
        Ok(())
    } else {
        Err(StorageError::Other(format!(
            "history entry {entry_id} belongs to fiche {owner}, not {fiche_id}"
        )))
    }
}

/// Recomputes the summary of `fiche_id` from its entries as they stand in this transaction
/// (requests run in order, so earlier writes are seen) and stores it in the fiche record.
async fn resummarise(tx: &Tx, fiche_id: &str) -> Result<Summary, StorageError> {
    let fiches = tx.store(FICHES)?;
    let stored = pending(fiches.get(&key(fiche_id)))?;
    let entries = pending(index(&tx.store(HISTORY)?, BY_FICHE)?.get_all_with_key(&key(fiche_id)))?;
    let stored = stored.result().await?;
    let entries = entries.result().await?;
    if stored.is_undefined() {
        return Err(StorageError::NotFound {
            id: fiche_id.to_string(),
        });
    }
    let summary = Summary::from_history(&decode_entries(entries)?);
    set_summary(&stored, fiche_id, &summary)?;
    fire(fiches.put(&stored))?;
    Ok(summary)
}

/// The entries of a `getAll` on `history`; one that does not decode fails the whole read.
pub(crate) fn decode_entries(raw: JsValue) -> Result<Vec<HistoryEntry>, StorageError> {
    from_js_all(raw, "history entry")
}
