//! Fiches, custom field definitions and settings: what is read at startup and written by forms.

use chrono::Utc;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode::{Readonly, Readwrite};

use crate::domain::analytics::Log;
use crate::domain::custom_field::CustomFieldDef;
use crate::domain::fiche::Fiche;
use crate::domain::history::HistoryEntry;
use crate::domain::summary::Summary;

use super::bulk::{add_all, check_new, no_progress, Bulk};
use super::connection::Db;
use super::error::StorageError;
use super::idb::{array, fire, index, key, pending};
use super::records::{
    base_summary, bumped, decode, decode_array, from_js_opt, to_js, MetaOwned, MetaRef,
    StoredFiche, StoredFicheRef,
};
use super::schema::{is_reserved, BY_FICHE, CACHE, CUSTOM_FIELDS_KEY, FICHES, HISTORY, META};
use super::snapshot;
use super::space::{ensure_room, records_size};
use super::stamp::read_stamp;

/// Everything the app keeps in memory, read at startup.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    pub fiches: Vec<(Fiche, Summary)>,
    pub custom_fields: Vec<CustomFieldDef>,
    /// Records that did not decode. They are skipped so that one bad record does not lock the
    /// user out of the whole file, and left untouched in the database (nothing here deletes
    /// them) so that they can still be recovered. Show them; do not ignore them: saving the
    /// custom field definitions while `meta/custom_fields` is listed here replaces it.
    pub corrupt: Vec<CorruptRecord>,
    /// Read from the startup snapshot rather than record by record.
    pub from_snapshot: bool,
    /// The history log stored with the snapshot, when it is of the state loaded; else it has
    /// to be rebuilt from the history store ([`Db::history_log`]).
    pub log: Option<Log>,
}

/// A stored record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorruptRecord {
    /// `"fiches"` or `"meta"`.
    pub store: &'static str,
    pub key: String,
    pub reason: String,
}

impl Db {
    /// Every fiche with its summary, and the custom field definitions. From the startup
    /// snapshot when it is current (one `get`, see `snapshot.rs`), else with one `getAll` on
    /// `fiches`; one `get` on `meta` either way; the history store is not read, but the history
    /// log stored with the snapshot is, when current.
    pub async fn load(&self) -> Result<Loaded, StorageError> {
        // First transaction: the stamp, the snapshot and the definitions.
        let tx = self.tx(&[CACHE, META], Readonly)?;
        let read = async {
            let defs = pending(tx.store(META)?.get(&key(CUSTOM_FIELDS_KEY)))?;
            let cached = snapshot::read(&tx).await?;
            Ok((cached, defs.result().await?))
        }
        .await;
        let (cached, defs) = tx.finish(read).await?;
        let snapshot::Cached {
            stamp,
            snapshot: snap,
            log,
        } = cached;
        let from_snapshot = snapshot::bytes_if_current(&snap, stamp.as_deref())
            .and_then(|bytes| snapshot::decode_bytes(&bytes, snapshot::count_of(&snap)));
        drop(snap);

        let mut loaded = Loaded::default();
        let log_stamp = stamp.clone();
        let (stamp, defs) = match from_snapshot {
            Some(fiches) => {
                loaded.fiches = fiches;
                loaded.from_snapshot = true;
                (stamp, defs)
            }
            None => {
                // No current snapshot: the whole store, with the stamp it goes with.
                let tx = self.tx(&[FICHES, META, CACHE], Readonly)?;
                let read = async {
                    let fiches = pending(tx.store(FICHES)?.get_all())?;
                    let defs = pending(tx.store(META)?.get(&key(CUSTOM_FIELDS_KEY)))?;
                    // The stamp only: the stale snapshot was read once already.
                    let stamp = read_stamp(&tx).await?;
                    Ok((stamp, fiches.result().await?, defs.result().await?))
                }
                .await;
                let (stamp, fiches, defs) = tx.finish(read).await?;
                decode_fiches(fiches, &mut loaded)?;
                (stamp, defs)
            }
        };
        // The log only if the fiches were read at the stamp it was stored with.
        if stamp == log_stamp {
            loaded.log = snapshot::log_if_current(&log, stamp.as_deref());
        }
        // No stamp record yet (nothing written since schema 3): known as "", which a snapshot
        // write turns into a real stamp.
        *self.known_stamp.borrow_mut() = Some(stamp.unwrap_or_default());
        if !defs.is_undefined() {
            match decode::<MetaOwned<Vec<CustomFieldDef>>>(defs) {
                Ok(m) => loaded.custom_fields = m.value,
                Err(reason) => loaded.corrupt.push(CorruptRecord {
                    store: META,
                    key: CUSTOM_FIELDS_KEY.into(),
                    reason,
                }),
            }
        }
        // Records left out of memory would vanish from a snapshot taken from memory.
        self.foreign_change.set(!loaded.corrupt.is_empty());
        Ok(loaded)
    }

    /// One fiche with its summary, as stored now; `None` if it is not (or no longer) there. For
    /// re-reading what another tab changed.
    pub async fn get_fiche(&self, id: &str) -> Result<Option<(Fiche, Summary)>, StorageError> {
        let tx = self.tx(&[FICHES], Readonly)?;
        let read = async { pending(tx.store(FICHES)?.get(&key(id)))?.result().await }.await;
        let raw = tx.finish(read).await?;
        Ok(from_js_opt::<StoredFiche>(raw, &format!("fiche {id}"))?.map(|s| (s.fiche, s.summary)))
    }

    /// The custom field definitions alone (what [`Db::load`] reads with the fiches).
    pub async fn custom_fields(&self) -> Result<Vec<CustomFieldDef>, StorageError> {
        Ok(self
            .get_meta::<Vec<CustomFieldDef>>(CUSTOM_FIELDS_KEY)
            .await?
            .unwrap_or_default())
    }

    /// Saves a fiche edited from version `fiche.version` (0 for a new one) and returns it as
    /// stored: version + 1, `updated_at` now, its summary kept. If the stored version differs
    /// (saved in another tab meanwhile) nothing is written: [`StorageError::Conflict`]; if the
    /// fiche is no longer stored (deleted in another tab), [`StorageError::Deleted`], and it is
    /// not re-created.
    pub async fn save_fiche(&self, fiche: &Fiche) -> Result<Fiche, StorageError> {
        let tx = self.tx(&[FICHES], Readwrite)?;
        let result = async {
            let store = tx.store(FICHES)?;
            let stored = pending(store.get(&key(&fiche.id)))?.result().await?;
            let summary = base_summary(from_js_opt(stored, "fiche")?, fiche)?;
            let saved = bumped(fiche, Utc::now());
            fire(store.put(&to_js(&StoredFicheRef::new(&saved, &summary))?))?;
            Ok(saved)
        }
        .await;
        tx.finish(result).await
    }

    /// Deletes a fiche and every history entry of it, in one transaction. Deleting a fiche that
    /// is not there is not an error.
    pub async fn delete_fiche(&self, id: &str) -> Result<(), StorageError> {
        self.delete_fiches(&[id.to_string()]).await
    }

    /// Replaces the custom field definitions and, in the same transaction, saves the fiches whose
    /// values changed because of it (a field removed, its values dropped or moved to notes).
    /// Those are checked and bumped as by [`Db::save_fiche`]; a conflict on any of them writes
    /// nothing. Returns the fiches as stored.
    pub async fn save_custom_fields(
        &self,
        defs: &[CustomFieldDef],
        changed_fiches: &[Fiche],
    ) -> Result<Vec<Fiche>, StorageError> {
        let tx = self.tx(&[META, FICHES], Readwrite)?;
        let result = async {
            let store = tx.store(FICHES)?;
            let record = MetaRef {
                key: CUSTOM_FIELDS_KEY,
                value: defs,
            };
            fire(tx.store(META)?.put(&to_js(&record)?))?;
            put_checked(&store, changed_fiches).await
        }
        .await;
        tx.finish(result).await
    }

    /// Saves many edited fiches in one transaction (bulk actions on a segment), each checked
    /// and bumped as by [`Db::save_fiche`]: a conflict on any of them (edited in another tab
    /// meanwhile, or [`StorageError::Deleted`]) writes nothing. Returns the fiches as stored.
    /// A bulk action on a large segment rewrites as much as an import: its room is checked
    /// first ([`StorageError::NoRoom`]).
    pub async fn save_fiches(&self, fiches: &[Fiche]) -> Result<Vec<Fiche>, StorageError> {
        ensure_room(records_size(fiches, &[] as &[Fiche])).await?;
        let tx = self.tx(&[FICHES], Readwrite)?;
        let result = async { put_checked(&tx.store(FICHES)?, fiches).await }.await;
        tx.finish(result).await
    }

    /// Deletes fiches and all their history in one transaction; ids not stored are skipped.
    pub async fn delete_fiches(&self, ids: &[String]) -> Result<(), StorageError> {
        let tx = self.tx(&[FICHES, HISTORY], Readwrite)?;
        let result = async {
            let history = tx.store(HISTORY)?;
            let by_fiche = index(&history, BY_FICHE)?;
            let fiches = tx.store(FICHES)?;
            // Every key read is issued before the first is awaited: one round trip in all.
            let reads = ids
                .iter()
                .map(|id| pending(by_fiche.get_all_keys_with_key(&key(id))))
                .collect::<Result<Vec<_>, _>>()?;
            for (id, keys) in ids.iter().zip(reads) {
                for k in array(keys.result().await?)?.iter() {
                    fire(history.delete(&k))?;
                }
                fire(fiches.delete(&key(id)))?;
            }
            Ok(())
        }
        .await;
        tx.finish(result).await
    }

    /// Inserts new fiches and their history in one transaction (demo data, imports, restoring a
    /// backup): records are stored as given (versions and dates kept), summaries are computed
    /// here. Requests are issued without awaiting each (one round trip per record would be
    /// 20-50 times slower), only one per chunk (see `bulk.rs`), and the commit is awaited once.
    ///
    /// Nothing is written if a fiche id is already stored or repeated
    /// ([`StorageError::Conflict`]) or an entry belongs to a fiche not in `fiches`
    /// ([`StorageError::NotFound`]); an entry id already stored aborts it too.
    pub async fn bulk_insert(
        &self,
        fiches: &[Fiche],
        entries: &[HistoryEntry],
    ) -> Result<Vec<(Fiche, Summary)>, StorageError> {
        let ids = check_new(fiches, entries)?;
        ensure_room(records_size(fiches, entries)).await?;
        let tx = self.tx(&[FICHES, HISTORY], Readwrite)?;
        let result = async {
            // `add` below refuses existing keys anyway; this names the fiche.
            let existing = pending(tx.store(FICHES)?.get_all_keys())?.result().await?;
            for k in array(existing)?.iter() {
                if let Some(id) = k.as_string().filter(|id| ids.contains(id.as_str())) {
                    return Err(StorageError::Conflict { id });
                }
            }
            let mut bulk = Bulk::new(fiches.len() + entries.len(), &no_progress);
            add_all(&tx, fiches, entries, &mut bulk).await
        }
        .await;
        tx.finish(result).await
    }

    /// A setting stored in `meta` under `name` (JSON-like: anything serde handles).
    pub async fn get_meta<T: DeserializeOwned>(
        &self,
        name: &str,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.tx(&[META], Readonly)?;
        let read = async { pending(tx.store(META)?.get(&key(name)))?.result().await }.await;
        let raw = tx.finish(read).await?;
        Ok(from_js_opt::<MetaOwned<T>>(raw, &format!("meta {name}"))?.map(|m| m.value))
    }

    /// Stores a setting in `meta`. The keys the storage layer keeps for itself (`schema` for the
    /// migrations, `last_import` for the undo) are refused.
    pub async fn put_meta<T: Serialize + ?Sized>(
        &self,
        name: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        if is_reserved(name) {
            return Err(StorageError::Other(format!(
                "meta key `{name}` is reserved"
            )));
        }
        let record = to_js(&MetaRef { key: name, value })?;
        let tx = self.tx(&[META], Readwrite)?;
        let result = async { fire(tx.store(META)?.put(&record)) }.await;
        tx.finish(result).await
    }
}

/// Decodes the `getAll` of `fiches` into `loaded`.
fn decode_fiches(fiches: JsValue, loaded: &mut Loaded) -> Result<(), StorageError> {
    // One `JSON.stringify` and one parse for the whole store: the fast path, taken unless a
    // record is corrupt. Then each record is decoded alone, to keep the good ones.
    match decode_array::<StoredFiche>(fiches.clone()) {
        Ok(all) => {
            loaded.fiches = all.into_iter().map(|s| (s.fiche, s.summary)).collect();
        }
        Err(_) => {
            for raw in array(fiches)?.iter() {
                let id = js_sys::Reflect::get(&raw, &JsValue::from_str("id"))
                    .ok()
                    .and_then(|k| k.as_string())
                    .unwrap_or_default();
                match decode::<StoredFiche>(raw) {
                    Ok(s) => loaded.fiches.push((s.fiche, s.summary)),
                    Err(reason) => loaded.corrupt.push(CorruptRecord {
                        store: FICHES,
                        key: id,
                        reason,
                    }),
                }
            }
        }
    }
    Ok(())
}

/// Puts edited fiches into `store` (of a read-write transaction), each refused unless its
/// version is the stored one ([`StorageError::Conflict`], or [`StorageError::Deleted`] when it
/// is gone; either aborts the transaction), and bumped. Every read is issued before the first is awaited: one round trip, not one each.
async fn put_checked(
    store: &web_sys::IdbObjectStore,
    fiches: &[Fiche],
) -> Result<Vec<Fiche>, StorageError> {
    let reads = fiches
        .iter()
        .map(|f| pending(store.get(&key(&f.id))))
        .collect::<Result<Vec<_>, _>>()?;
    let now = Utc::now();
    let mut saved = Vec::with_capacity(fiches.len());
    for (fiche, read) in fiches.iter().zip(reads) {
        let summary = base_summary(from_js_opt(read.result().await?, "fiche")?, fiche)?;
        let new = bumped(fiche, now);
        fire(store.put(&to_js(&StoredFicheRef::new(&new, &summary))?))?;
        saved.push(new);
    }
    Ok(saved)
}
