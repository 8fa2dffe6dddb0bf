//! Data migrations, run by [`super::open`] right after the connection is made.
//!
//! The structural part of an upgrade (stores, indexes) happens in `upgradeneeded`
//! ([`super::schema::declare`]). The data part runs here, in one readwrite transaction over every
//! store, driven by the `schema` record of `meta` rather than by the IndexedDB version: a page
//! closed between the two steps leaves a database at IndexedDB version 2 with version 1 records
//! and no `schema` record, and the next open simply finishes the job. Each step is therefore
//! idempotent, and the transaction makes it all or nothing.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::history::HistoryEntry;
use crate::domain::summary::Summary;

use super::error::{from_js as js_error, Stage, StorageError};
use super::idb::{array, fire, key, pending, set, Tx};
use super::records::{
    from_js, from_js_opt, is_wrapped, summaries_by_fiche, to_js, MetaOwned, MetaRef,
};
use super::schema::{FICHES, HISTORY, META, SCHEMA_KEY, SCHEMA_VERSION};
use super::stamp::{new_stamp, put_stamp};

/// Brings the records up to [`SCHEMA_VERSION`]. `tx` spans `fiches`, `history`, `meta` and
/// `cache`.
pub(crate) async fn run(tx: Tx) -> Result<(), StorageError> {
    let result = migrate(&tx).await;
    tx.finish(result).await
}

async fn migrate(tx: &Tx) -> Result<(), StorageError> {
    let meta = tx.store(META)?;
    let stored = pending(meta.get(&key(SCHEMA_KEY)))?.result().await?;
    let schema = from_js_opt::<MetaOwned<u32>>(stored, "meta schema")?.map(|m| m.value);
    match schema {
        Some(v) if v == SCHEMA_VERSION => return Ok(()),
        Some(v) if v > SCHEMA_VERSION => return Err(StorageError::NewerVersion),
        // Absent (a database just created, or one written by version 1, which kept no schema
        // record) or 1: the 1 -> 2 step below is a no-op on an empty database.
        _ => {}
    }
    wrap_fiches(tx).await?;
    let record = MetaRef {
        key: SCHEMA_KEY,
        value: &SCHEMA_VERSION,
    };
    fire(meta.put(&to_js(&record)?))
}

/// 1 -> 2: each bare fiche becomes `{id, fiche, summary}`, the summary computed from its history.
///
/// It works on the raw JS objects, so a version 1 record that does not decode as a `Fiche` is
/// wrapped all the same (and then reported by `load` like any corrupt record) instead of
/// keeping the whole file from opening. History entries that do not decode are left out of the
/// summaries; they stay in the store, and reading that fiche's history reports them.
async fn wrap_fiches(tx: &Tx) -> Result<(), StorageError> {
    let fiches = tx.store(FICHES)?;
    let history = tx.store(HISTORY)?;
    let raw_fiches = pending(fiches.get_all())?;
    let raw_entries = pending(history.get_all())?;
    let raw_fiches = array(raw_fiches.result().await?)?;
    let raw_entries = array(raw_entries.result().await?)?;

    let bare: Vec<JsValue> = raw_fiches.iter().filter(|r| !is_wrapped(r)).collect();
    if bare.is_empty() {
        return Ok(());
    }
    let entries: Vec<HistoryEntry> = raw_entries
        .iter()
        .filter_map(|r| from_js(r, "history entry").ok())
        .collect();
    // Fiches are rewritten: any startup snapshot is stale from now on.
    put_stamp(tx, &new_stamp())?;
    let summaries = summaries_by_fiche(&entries);
    let none = Summary::default();
    for raw in bare {
        let id = get(&raw, "id")?;
        let summary = id
            .as_string()
            .and_then(|id| summaries.get(id.as_str()))
            .unwrap_or(&none);
        let wrapped = Object::new();
        set(&wrapped, "id", &id)?;
        set(&wrapped, "fiche", &raw)?;
        set(&wrapped, "summary", &to_js(summary)?)?;
        fire(fiches.put(&wrapped))?;
    }
    Ok(())
}

fn get(target: &JsValue, field: &str) -> Result<JsValue, StorageError> {
    Reflect::get(target, &JsValue::from_str(field)).map_err(|e| js_error(&e, Stage::Use))
}
