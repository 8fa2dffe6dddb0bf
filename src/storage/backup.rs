//! The whole file at once, for the JSON backup (`domain::codec::json_backup`): reading
//! everything, replacing everything, merging a backup in. Each is one transaction.

use std::collections::BTreeMap;

use serde::Deserialize;
use web_sys::IdbTransactionMode::{Readonly, Readwrite};

use crate::domain::custom_field::CustomFieldDef;
use crate::domain::fiche::Fiche;
use crate::domain::history::HistoryEntry;
use crate::domain::summary::Summary;

use super::bulk::{
    add_all, attached_only, check_entry_ids, check_new, decode_attached, get_fiches, get_histories,
    put_summaries, read_histories, summaries_with_new, unique_ids, Bulk,
};
use super::connection::Db;
use super::error::StorageError;
use super::history::decode_entries;
use super::idb::{array, key, pending, Tx};
use super::records::{from_js, from_js_all, to_js, MetaRef, StoredFiche, StoredFicheRef};
use super::schema::{is_reserved, CUSTOM_FIELDS_KEY, FICHES, HISTORY, LAST_IMPORT_KEY, META};
use super::space::{ensure_room, records_size};

/// Everything stored, as a backup carries it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Everything {
    /// In id order.
    pub fiches: Vec<Fiche>,
    /// In id order.
    pub history: Vec<HistoryEntry>,
    pub custom_fields: Vec<CustomFieldDef>,
    /// The other `meta` records (settings, saved mappings, the time of the last backup…) by
    /// key, as JSON: the state layer knows their types, this layer does not. The storage
    /// layer's own records (`schema`, `last_import`) are left out: they describe this database,
    /// not the customer file.
    pub meta: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize)]
struct MetaRecord {
    key: String,
    value: serde_json::Value,
}

impl Db {
    /// Reads every fiche, every history entry and the `meta` records, in one read-only
    /// transaction (three `getAll`). A record that does not decode fails it all
    /// ([`StorageError::Corrupt`]): a backup that silently leaves something out would be found
    /// out only when restoring it.
    pub async fn export_all(&self) -> Result<Everything, StorageError> {
        let tx = self.tx(&[FICHES, HISTORY, META], Readonly)?;
        let read = async {
            let fiches = pending(tx.store(FICHES)?.get_all())?;
            let history = pending(tx.store(HISTORY)?.get_all())?;
            let meta = pending(tx.store(META)?.get_all())?;
            Ok((
                fiches.result().await?,
                history.result().await?,
                meta.result().await?,
            ))
        }
        .await;
        let (fiches, history, meta) = tx.finish(read).await?;

        let mut all = Everything {
            history: decode_entries(history)?,
            ..Everything::default()
        };
        all.fiches = from_js_all::<StoredFiche>(fiches, "fiche")?
            .into_iter()
            .map(|s| s.fiche)
            .collect();
        for raw in array(meta)?.iter() {
            let record = from_js::<MetaRecord>(raw, "meta record")?;
            if record.key == CUSTOM_FIELDS_KEY {
                // From text, the one serde path (`from_value` would be a second copy).
                all.custom_fields = serde_json::from_str(&record.value.to_string())
                    .map_err(|e| StorageError::Corrupt(format!("meta {CUSTOM_FIELDS_KEY}: {e}")))?;
            } else if !is_reserved(&record.key) {
                all.meta.insert(record.key, record.value);
            }
        }
        Ok(all)
    }

    /// Replaces the whole file (restoring a backup): in one transaction, empties `fiches` and
    /// `history`, writes the fiches and entries as given (versions and dates kept, summaries
    /// computed here), replaces the custom field definitions and the `meta` records named in
    /// `meta`, and forgets the last import (it described the file replaced). `meta` records
    /// not named stay as they are. Returns each fiche with its summary, in the order given.
    ///
    /// Refused before anything is touched: a fiche id given twice ([`StorageError::Conflict`]),
    /// an entry of a fiche not given ([`StorageError::NotFound`]), an entry id given twice, a
    /// `meta` key of the storage layer or `custom_fields` (given apart). `progress` as for
    /// [`Db::apply_import`].
    pub async fn replace_all(
        &self,
        fiches: &[Fiche],
        entries: &[HistoryEntry],
        custom_fields: &[CustomFieldDef],
        meta: &BTreeMap<String, serde_json::Value>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<Vec<(Fiche, Summary)>, StorageError> {
        check_new(fiches, entries)?;
        check_entry_ids(entries)?;
        check_meta_keys(meta)?;
        // Two clears, the forgotten import, the records, the custom fields, the meta records.
        let total = 3 + fiches.len() + entries.len() + 1 + meta.len();
        let mut bulk = Bulk::new(total, progress);
        // The old records go only once the new ones are written: room for all of them.
        ensure_room(records_size(fiches, entries)).await?;

        let tx = self.tx(&[FICHES, HISTORY, META], Readwrite)?;
        let result = async {
            bulk.write(tx.store(FICHES)?.clear()).await?;
            bulk.write(tx.store(HISTORY)?.clear()).await?;
            bulk.write(tx.store(META)?.delete(&key(LAST_IMPORT_KEY)))
                .await?;
            let out = add_all(&tx, fiches, entries, &mut bulk).await?;
            write_meta(&tx, custom_fields, meta, &mut bulk).await?;
            bulk.issued();
            Ok(out)
        }
        .await;
        tx.finish(result).await
    }

    /// Writes what a merge restore decided (`json_backup::merge_backup`), in one transaction:
    /// `upserts` are put as given (they are new, or newer than the stored ones: versions and
    /// dates kept, a stored fiche replaced without a version check), `entries` are added (an
    /// entry id already stored aborts it all), each fiche touched gets its summary recomputed
    /// from all its entries, and the custom field definitions and the `meta` records named are
    /// replaced by the merged ones. Nothing is deleted.
    ///
    /// Returns every fiche touched as stored now: the upserts in the order given, then the
    /// stored fiches that only received entries. An entry of a fiche neither given nor stored
    /// is [`StorageError::NotFound`]. `progress` as for [`Db::apply_import`].
    pub async fn merge_changes(
        &self,
        upserts: &[Fiche],
        entries: &[HistoryEntry],
        custom_fields: &[CustomFieldDef],
        meta: &BTreeMap<String, serde_json::Value>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<Vec<(Fiche, Summary)>, StorageError> {
        let given = unique_ids(upserts)?;
        check_entry_ids(entries)?;
        check_meta_keys(meta)?;
        let attached = attached_only(&given, entries);
        let touched: Vec<&str> = upserts
            .iter()
            .map(|f| f.id.as_str())
            .chain(attached.iter().copied())
            .collect();
        // Reads (the attached fiches, every touched history), then the writes.
        let total = attached.len() + 2 * touched.len() + entries.len() + 1 + meta.len();
        let mut bulk = Bulk::new(total, progress);
        ensure_room(records_size(upserts, entries)).await?;

        let tx = self.tx(&[FICHES, HISTORY, META], Readwrite)?;
        let result = async {
            let gets = get_fiches(&tx, attached.iter().copied())?;
            let histories = get_histories(&tx, touched.iter().copied())?;
            let stored_attached = gets.results(&mut bulk).await?;
            let histories = read_histories(histories, &mut bulk).await?;
            let attached_fiches = decode_attached(&attached, &stored_attached)?;
            let mut summaries = summaries_with_new(&touched, &histories, entries).into_iter();

            let fiche_store = tx.store(FICHES)?;
            let mut out = Vec::with_capacity(touched.len());
            for f in upserts {
                let summary = summaries.next().unwrap_or_default();
                bulk.write(fiche_store.put(&to_js(&StoredFicheRef::new(f, &summary))?))
                    .await?;
                out.push((f.clone(), summary));
            }
            let (b, o) = (&mut bulk, &mut out);
            put_summaries(&tx, attached_fiches, &stored_attached, summaries, b, o).await?;
            let history = tx.store(HISTORY)?;
            for e in entries {
                bulk.write(history.add(&to_js(e)?)).await?;
            }
            write_meta(&tx, custom_fields, meta, &mut bulk).await?;
            bulk.issued();
            Ok(out)
        }
        .await;
        tx.finish(result).await
    }
}

/// The `meta` records a restore may write: neither the storage layer's own nor
/// `custom_fields`, which is given apart so that it is typed.
fn check_meta_keys(meta: &BTreeMap<String, serde_json::Value>) -> Result<(), StorageError> {
    match meta
        .keys()
        .find(|k| is_reserved(k) || k.as_str() == CUSTOM_FIELDS_KEY)
    {
        Some(k) => Err(StorageError::Other(format!(
            "meta key `{k}` cannot be restored this way"
        ))),
        None => Ok(()),
    }
}

async fn write_meta(
    tx: &Tx,
    custom_fields: &[CustomFieldDef],
    meta: &BTreeMap<String, serde_json::Value>,
    bulk: &mut Bulk<'_>,
) -> Result<(), StorageError> {
    let store = tx.store(META)?;
    let defs = MetaRef {
        key: CUSTOM_FIELDS_KEY,
        value: custom_fields,
    };
    bulk.write(store.put(&to_js(&defs)?)).await?;
    for (k, value) in meta {
        bulk.write(store.put(&to_js(&MetaRef { key: k, value })?))
            .await?;
    }
    Ok(())
}
