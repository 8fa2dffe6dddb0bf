//! Imports (CSV, vCard, a till's history) written as one batch, and undone as one.
//!
//! [`Db::apply_import`] writes the fiches to create and to update and the history entries of a
//! planned import (see `domain::codec`) in one readwrite transaction over `fiches`, `history`
//! and `meta`: everything or nothing. Alongside, it stores in `meta` under `last_import` what
//! undoing needs: the ids and stored versions of the created fiches, the updated fiches as they
//! were before, and the ids of the added entries, grouped by fiche. Only the last import can be
//! undone; the next one replaces that record.
//!
//! [`Db::undo_last_import`] puts the file back, in one transaction, unless that would lose work
//! done since: a fiche saved again after the import (its version is no longer the one the
//! import stored) or a created fiche that received entries since. Then nothing is changed and
//! the error lists those fiches ([`StorageError::ChangedSinceImport`]).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use js_sys::Reflect;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode::{Readonly, Readwrite};

use crate::domain::fiche::Fiche;
use crate::domain::history::HistoryEntry;
use crate::domain::summary::Summary;

use super::bulk::{
    attached_only, check_entry_ids, decode_attached, get_fiches, get_histories, no_progress,
    put_summaries, read_histories, string_keys, summaries_with_new, unique_ids, Bulk, Reads,
};
use super::connection::Db;
use super::error::StorageError;
use super::idb::{fire, index, key, pending, Tx};
use super::records::{bumped, from_js_opt, to_js, MetaOwned, MetaRef, StoredFiche, StoredFicheRef};
use super::schema::{BY_FICHE, FICHES, HISTORY, LAST_IMPORT_KEY, META};
use super::space::{ensure_room, records_size};

/// The last import, as an "undo last import" button describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportBatchInfo {
    /// What the user imported (the file's name, say), as given to [`Db::apply_import`].
    pub label: String,
    pub at: DateTime<Utc>,
    /// Fiches created, fiches updated, history entries added.
    pub created: usize,
    pub updated: usize,
    pub entries: usize,
}

/// What [`Db::apply_import`] stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// Every fiche the import touched, as stored now, for memory to follow: the created ones,
    /// then the updated ones (each in the order given), then the fiches that only received
    /// entries (their summary changed; the fiche itself did not).
    pub fiches: Vec<(Fiche, Summary)>,
    pub info: ImportBatchInfo,
}

/// What [`Db::undo_last_import`] changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// The import that was undone.
    pub info: ImportBatchInfo,
    /// Fiches the import had created, now deleted with their entries. A created fiche deleted
    /// since the import is not listed (it was already gone).
    pub removed: Vec<String>,
    /// Fiches as stored now: those the import had updated, back to their previous record, and
    /// those that only lost the entries it had added. Summaries are recomputed from the
    /// entries left (entries added since the import stay). An updated fiche deleted since the
    /// import stays deleted and is not listed.
    pub restored: Vec<(Fiche, Summary)>,
}

/// The `meta` record under `last_import`. The info comes first and is read alone by
/// [`Db::last_import`]; the rest can be megabytes for a large import.
#[derive(Serialize, Deserialize)]
struct Batch {
    info: ImportBatchInfo,
    created: Vec<CreatedFiche>,
    /// The updated fiches as they were before; the import stored each at `version + 1`.
    previous: Vec<Fiche>,
    entries: Vec<EntriesOf>,
}

#[derive(Serialize, Deserialize)]
struct CreatedFiche {
    id: String,
    /// The version the import stored.
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct EntriesOf {
    fiche_id: String,
    ids: Vec<String>,
}

/// [`Batch`] without the lists, so that asking for the button's text does not decode them.
#[derive(Deserialize)]
struct BatchHead {
    info: ImportBatchInfo,
}

impl Db {
    /// Writes an import in one transaction and records it for [`Db::undo_last_import`].
    ///
    /// - `create`: new fiches. Refused with [`StorageError::Conflict`] if one's id is already
    ///   stored.
    /// - `update`: stored fiches with the imported data merged in, at the version they were
    ///   read at. Refused with [`StorageError::Conflict`] if the stored version differs (saved or
    ///   deleted meanwhile).
    /// - `entries`: history entries to add, of fiches created or updated here or already stored
    ///   ([`StorageError::NotFound`] otherwise). An entry id already stored is refused too
    ///   ([`StorageError::Other`] naming it).
    ///
    /// Fiches are stored as a save stores them: version + 1 and `updated_at` now. The summary
    /// of every fiche touched is recomputed from all its entries: for an updated fiche or one
    /// that only receives entries, the stored ones (read through the `fiche_id` index) and the
    /// new ones; for a created fiche, the new ones, since an id that is not stored has no
    /// entries (entries are only ever written for a stored fiche, and deleted with it). On any
    /// refusal or failure nothing is written.
    ///
    /// New fiches are not read first: `add` refuses an id already stored, which aborts the
    /// transaction, and only then does a read-only pass find which record it was. Reading 100k
    /// ids that are almost never there would double the time of a large import.
    ///
    /// `progress(done, total)` counts the transaction's requests (reads and writes): it is called
    /// every 2,000 of them, once all are issued, never after the commit.
    pub async fn apply_import(
        &self,
        create: &[Fiche],
        update: &[Fiche],
        entries: &[HistoryEntry],
        label: &str,
        progress: &dyn Fn(usize, usize),
    ) -> Result<Applied, StorageError> {
        match self
            .write_import(create, update, entries, label, progress)
            .await
        {
            // The database refused a key already stored (see `classify`): say which.
            Err(StorageError::Other(m)) if m.starts_with("ConstraintError") => {
                Err(match self.find_stored(create, entries).await {
                    Ok(Some(e)) => e,
                    _ => StorageError::Other(m),
                })
            }
            other => other,
        }
    }

    /// After `add` was refused: the first new fiche ([`StorageError::Conflict`]) or entry whose
    /// id is stored, read in a transaction of its own (the import's was aborted).
    async fn find_stored(
        &self,
        create: &[Fiche],
        entries: &[HistoryEntry],
    ) -> Result<Option<StorageError>, StorageError> {
        let tx = self.tx(&[FICHES, HISTORY], Readonly)?;
        let mut bulk = Bulk::new(create.len() + entries.len(), &no_progress);
        let read = async {
            let fiches = tx.store(FICHES)?;
            let history = tx.store(HISTORY)?;
            let fiche_keys = Reads::issue(create.iter().map(|f| fiches.get_key(&key(&f.id))))?;
            let entry_keys = Reads::issue(entries.iter().map(|e| history.get_key(&key(&e.id))))?;
            Ok((
                fiche_keys.results(&mut bulk).await?,
                entry_keys.results(&mut bulk).await?,
            ))
        }
        .await;
        let (fiche_keys, entry_keys) = tx.finish(read).await?;
        if let Some((f, _)) = create
            .iter()
            .zip(fiche_keys)
            .find(|(_, k)| !k.is_undefined())
        {
            return Ok(Some(StorageError::Conflict { id: f.id.clone() }));
        }
        Ok(entries
            .iter()
            .zip(entry_keys)
            .find(|(_, k)| !k.is_undefined())
            .map(|(e, _)| StorageError::Other(format!("history entry {} is already stored", e.id))))
    }

    /// [`Db::apply_import`] but for naming the record of a `ConstraintError`.
    async fn write_import(
        &self,
        create: &[Fiche],
        update: &[Fiche],
        entries: &[HistoryEntry],
        label: &str,
        progress: &dyn Fn(usize, usize),
    ) -> Result<Applied, StorageError> {
        // What can be checked without the database is, before a transaction is opened.
        let given = unique_ids(create.iter().chain(update))?;
        check_entry_ids(entries)?;
        let attached = attached_only(&given, entries);
        // The fiches read: the updated ones and those that only receive entries.
        let read: Vec<&str> = update
            .iter()
            .map(|f| f.id.as_str())
            .chain(attached.iter().copied())
            .collect();
        let touched: Vec<&str> = create
            .iter()
            .map(|f| f.id.as_str())
            .chain(read.iter().copied())
            .collect();
        let info = ImportBatchInfo {
            label: label.to_string(),
            at: Utc::now(),
            created: create.len(),
            updated: update.len(),
            entries: entries.len(),
        };
        // A get and a history read per fiche read, a write per fiche and entry, the batch.
        let total = 2 * read.len() + touched.len() + entries.len() + 1;
        let mut bulk = Bulk::new(total, progress);
        let size = records_size(create, entries) + records_size(update, &[] as &[Fiche]);
        ensure_room(size).await?;

        let tx = self.tx(&[FICHES, HISTORY, META], Readwrite)?;
        let result = async {
            // Every read is issued before the first write, and before any is awaited: one round
            // trip in all. The stored history is read before the new entries are added, which
            // are then counted in Rust rather than read back.
            let gets = get_fiches(&tx, read.iter().copied())?;
            let histories = get_histories(&tx, read.iter().copied())?;
            let stored = gets.results(&mut bulk).await?;
            let mut histories_read = read_histories(histories, &mut bulk).await?;
            // Created fiches: no stored entries (see above).
            let mut histories = vec![Vec::new(); create.len()];
            histories.append(&mut histories_read);

            let (stored_updated, stored_attached) = stored.split_at(update.len());
            let mut previous = Vec::with_capacity(update.len());
            for (f, raw) in update.iter().zip(stored_updated) {
                match from_js_opt::<StoredFiche>(raw.clone(), &format!("fiche {}", f.id))? {
                    Some(s) if s.fiche.version == f.version => previous.push(s.fiche),
                    _ => return Err(StorageError::Conflict { id: f.id.clone() }),
                }
            }
            let attached_fiches = decode_attached(&attached, stored_attached)?;
            let mut summaries = summaries_with_new(&touched, &histories, entries).into_iter();

            let fiche_store = tx.store(FICHES)?;
            let mut out = Vec::with_capacity(touched.len());
            let mut created = Vec::with_capacity(create.len());
            for (i, f) in create.iter().chain(update).enumerate() {
                let saved = bumped(f, info.at);
                let summary = summaries.next().unwrap_or_default();
                let record = to_js(&StoredFicheRef::new(&saved, &summary))?;
                if i < create.len() {
                    // `add`: the database itself refuses an id already stored.
                    bulk.write(fiche_store.add(&record)).await?;
                    created.push(CreatedFiche {
                        id: saved.id.clone(),
                        version: saved.version,
                    });
                } else {
                    bulk.write(fiche_store.put(&record)).await?;
                }
                out.push((saved, summary));
            }
            let (b, o) = (&mut bulk, &mut out);
            put_summaries(&tx, attached_fiches, stored_attached, summaries, b, o).await?;
            let history = tx.store(HISTORY)?;
            for e in entries {
                bulk.write(history.add(&to_js(e)?)).await?;
            }
            let batch = Batch {
                info: info.clone(),
                created,
                previous,
                entries: entry_ids_by_fiche(entries),
            };
            let record = to_js(&MetaRef {
                key: LAST_IMPORT_KEY,
                value: &batch,
            })?;
            bulk.write(tx.store(META)?.put(&record)).await?;
            bulk.issued();
            Ok(Applied {
                fiches: out,
                info: info.clone(),
            })
        }
        .await;
        tx.finish(result).await
    }

    /// The import [`Db::undo_last_import`] would undo, if any.
    pub async fn last_import(&self) -> Result<Option<ImportBatchInfo>, StorageError> {
        let tx = self.tx(&[META], Readonly)?;
        let read = async {
            pending(tx.store(META)?.get(&key(LAST_IMPORT_KEY)))?
                .result()
                .await
        }
        .await;
        let raw = tx.finish(read).await?;
        Ok(from_js_opt::<MetaOwned<BatchHead>>(raw, "meta last_import")?.map(|m| m.value.info))
    }

    /// Undoes the last import in one transaction: deletes the fiches it created and the entries
    /// it added, puts back the fiches it updated as they were, recomputes the summaries of the
    /// fiches that keep entries, and forgets the import. `Ok(None)` if there is nothing to undo.
    ///
    /// Refused with [`StorageError::ChangedSinceImport`], changing nothing, when that would lose
    /// later work: a created or updated fiche saved again since (its version is not the one the
    /// import stored), or a created fiche that received entries since. An entry the import added
    /// and that was edited since is deleted all the same (entries carry no version).
    pub async fn undo_last_import(&self) -> Result<Option<Undone>, StorageError> {
        self.undo_last_import_with_progress(&no_progress).await
    }

    /// [`Db::undo_last_import`] with `progress` as for [`Db::apply_import`]: undoing an import
    /// of 100k fiches takes seconds too.
    pub async fn undo_last_import_with_progress(
        &self,
        progress: &dyn Fn(usize, usize),
    ) -> Result<Option<Undone>, StorageError> {
        let tx = self.tx(&[FICHES, HISTORY, META], Readwrite)?;
        let result = async {
            let meta = tx.store(META)?;
            let raw = pending(meta.get(&key(LAST_IMPORT_KEY)))?.result().await?;
            let Some(batch) =
                from_js_opt::<MetaOwned<Batch>>(raw, "meta last_import")?.map(|m| m.value)
            else {
                return Ok(None);
            };
            undo(&tx, batch, progress).await.map(Some)
        }
        .await;
        tx.finish(result).await
    }

    /// Forgets the last import without undoing it (after [`StorageError::ChangedSinceImport`],
    /// when the user decides to keep it): the undo button goes away.
    pub async fn forget_last_import(&self) -> Result<(), StorageError> {
        let tx = self.tx(&[META], Readwrite)?;
        let result = async { fire(tx.store(META)?.delete(&key(LAST_IMPORT_KEY))) }.await;
        tx.finish(result).await
    }
}

fn entry_ids_by_fiche(entries: &[HistoryEntry]) -> Vec<EntriesOf> {
    let mut out: Vec<EntriesOf> = Vec::new();
    let mut at = HashMap::new();
    for e in entries {
        let i = *at.entry(e.fiche_id.as_str()).or_insert_with(|| {
            out.push(EntriesOf {
                fiche_id: e.fiche_id.clone(),
                ids: Vec::new(),
            });
            out.len() - 1
        });
        out[i].ids.push(e.id.clone());
    }
    out
}

/// The version of a stored fiche record, `None` if nothing is stored. Only that field is read
/// (decoding goes through JSON, which would stringify the whole fiche).
fn stored_version(raw: JsValue, id: &str) -> Result<Option<u32>, StorageError> {
    if raw.is_undefined() {
        return Ok(None);
    }
    let field = |target: &JsValue, name: &str| Reflect::get(target, &JsValue::from_str(name));
    let version = field(&raw, "fiche").and_then(|f| {
        if f.is_object() {
            field(&f, "version")
        } else {
            Err(f)
        }
    });
    match version {
        Ok(v) if v.is_undefined() => Ok(Some(0)),
        Ok(v) => match v.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => {
                Ok(Some(n as u32))
            }
            _ => Err(StorageError::Corrupt(format!("fiche {id}: bad version"))),
        },
        Err(_) => Err(StorageError::Corrupt(format!(
            "fiche {id}: not a stored fiche"
        ))),
    }
}

/// The body of [`Db::undo_last_import`], inside its transaction.
async fn undo(
    tx: &Tx,
    batch: Batch,
    progress: &dyn Fn(usize, usize),
) -> Result<Undone, StorageError> {
    let added: HashSet<&str> = batch
        .entries
        .iter()
        .flat_map(|g| g.ids.iter().map(String::as_str))
        .collect();
    let created_ids: Vec<&str> = batch.created.iter().map(|c| c.id.as_str()).collect();
    let given: HashSet<&str> = created_ids
        .iter()
        .copied()
        .chain(batch.previous.iter().map(|f| f.id.as_str()))
        .collect();
    let attached: Vec<&str> = batch
        .entries
        .iter()
        .map(|g| g.fiche_id.as_str())
        .filter(|id| !given.contains(id))
        .collect();
    // Fiches that stay: their summaries are recomputed from the entries left.
    let kept: Vec<&str> = batch
        .previous
        .iter()
        .map(|f| f.id.as_str())
        .chain(attached.iter().copied())
        .collect();
    // Reads: two per created fiche and per kept one. Writes: the entries, the created fiches,
    // the kept ones, the batch.
    let total = 3 * created_ids.len() + 3 * kept.len() + added.len() + 1;
    let mut bulk = Bulk::new(total, progress);

    // Reads, all issued at once: each created fiche and the keys of its entries (to see whether
    // any was added since), each kept fiche and its entries.
    let created_gets = get_fiches(tx, created_ids.iter().copied())?;
    let by_fiche = index(&tx.store(HISTORY)?, BY_FICHE)?;
    let created_keys = Reads::issue(
        created_ids
            .iter()
            .map(|id| by_fiche.get_all_keys_with_key(&key(id))),
    )?;
    let kept_gets = get_fiches(tx, kept.iter().copied())?;
    let kept_histories = get_histories(tx, kept.iter().copied())?;
    let created_stored = created_gets.results(&mut bulk).await?;
    let created_keys_read = created_keys
        .results(&mut bulk)
        .await?
        .into_iter()
        .map(string_keys)
        .collect::<Result<Vec<_>, _>>()?;
    let kept_stored = kept_gets.results(&mut bulk).await?;
    let kept_histories = read_histories(kept_histories, &mut bulk).await?;

    let mut changed = Vec::new();
    let mut removed = Vec::new();
    for ((c, raw), keys) in batch
        .created
        .iter()
        .zip(created_stored)
        .zip(&created_keys_read)
    {
        // Deleted since: gone with its entries already.
        let Some(version) = stored_version(raw, &c.id)? else {
            continue;
        };
        if version != c.version || keys.iter().any(|k| !added.contains(k.as_str())) {
            changed.push(c.id.clone());
        } else {
            removed.push(c.id.clone());
        }
    }
    let (updated_stored, attached_stored) = kept_stored.split_at(batch.previous.len());
    for (prev, raw) in batch.previous.iter().zip(updated_stored) {
        let version = stored_version(raw.clone(), &prev.id)?;
        if version.is_some_and(|v| v != prev.version.wrapping_add(1)) {
            changed.push(prev.id.clone());
        }
    }
    if !changed.is_empty() {
        return Err(StorageError::ChangedSinceImport { ids: changed });
    }

    // Writes. The created fiches' entries are all among the added ones (checked above).
    let history = tx.store(HISTORY)?;
    for id in batch.entries.iter().flat_map(|g| &g.ids) {
        bulk.write(history.delete(&key(id))).await?;
    }
    let fiche_store = tx.store(FICHES)?;
    for id in &removed {
        bulk.write(fiche_store.delete(&key(id))).await?;
    }
    let summary_left = |entries: &[HistoryEntry]| {
        Summary::from_history(entries.iter().filter(|e| !added.contains(e.id.as_str())))
    };
    let (updated_histories, attached_histories) = kept_histories.split_at(batch.previous.len());
    let mut restored = Vec::with_capacity(kept.len());
    for ((prev, raw), entries) in batch
        .previous
        .into_iter()
        .zip(updated_stored)
        .zip(updated_histories)
    {
        // Deleted since: it stays deleted (restoring it would bring it back without history).
        if raw.is_undefined() {
            continue;
        }
        let summary = summary_left(entries);
        bulk.write(fiche_store.put(&to_js(&StoredFicheRef::new(&prev, &summary))?))
            .await?;
        restored.push((prev, summary));
    }
    // Fiches deleted since are left out: nothing to write back.
    let (mut ids, mut raws, mut summaries) = (Vec::new(), Vec::new(), Vec::new());
    for ((id, raw), entries) in attached.iter().zip(attached_stored).zip(attached_histories) {
        if !raw.is_undefined() {
            ids.push(*id);
            raws.push(raw.clone());
            summaries.push(summary_left(entries));
        }
    }
    let fiches = decode_attached(&ids, &raws)?;
    put_summaries(tx, fiches, &raws, summaries, &mut bulk, &mut restored).await?;
    bulk.write(tx.store(META)?.delete(&key(LAST_IMPORT_KEY)))
        .await?;
    bulk.issued();
    Ok(Undone {
        info: batch.info,
        removed,
        restored,
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::history::HistoryKind;

    #[test]
    fn added_entries_are_grouped_by_fiche_in_order() {
        let at = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
        let entries: Vec<HistoryEntry> = [("1", "b"), ("2", "a"), ("3", "b")]
            .into_iter()
            .map(|(id, fiche)| HistoryEntry {
                id: id.into(),
                fiche_id: fiche.into(),
                date: at,
                kind: HistoryKind::Note,
                label: String::new(),
                amount_cents: None,
                currency: "EUR".into(),
                status: None,
                text: String::new(),
            })
            .collect();
        let groups: Vec<(String, Vec<String>)> = entry_ids_by_fiche(&entries)
            .into_iter()
            .map(|g| (g.fiche_id, g.ids))
            .collect();
        assert_eq!(
            groups,
            [
                ("b".to_string(), vec!["1".to_string(), "3".to_string()]),
                ("a".to_string(), vec!["2".to_string()]),
            ]
        );
    }
}
