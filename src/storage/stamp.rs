//! The stamp of the `fiches` store: a random id in `cache`, new with every transaction that may
//! write fiches ([`super::Db`]'s `tx`), which tells a startup snapshot taken from another state.
//! A leaf, so that opening, migrating and snapshotting can all stamp without importing each
//! other.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use super::error::StorageError;
use super::idb::{fire, key, pending, set, Tx};
use super::schema::CACHE;

/// `cache` key of the stamp record, `{key, value: "<uuid>"}`.
pub(crate) const STAMP_KEY: &str = "stamp";

pub(crate) fn new_stamp() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Issues the write of a new stamp in `tx` (which spans `cache`).
pub(crate) fn put_stamp(tx: &Tx, stamp: &str) -> Result<(), StorageError> {
    let record = Object::new();
    set(&record, "key", &JsValue::from_str(STAMP_KEY))?;
    set(&record, "value", &JsValue::from_str(stamp))?;
    fire(tx.store(CACHE)?.put(&record))
}

/// The stamp in a stamp record read from `cache`; `None` when there is none yet.
pub(crate) fn stamp_of(record: &JsValue) -> Option<String> {
    if !record.is_object() {
        return None;
    }
    Reflect::get(record, &JsValue::from_str("value"))
        .ok()?
        .as_string()
}

/// Reads the stamp alone in `tx` (which spans `cache`).
pub(crate) async fn read_stamp(tx: &Tx) -> Result<Option<String>, StorageError> {
    let stored = pending(tx.store(CACHE)?.get(&key(STAMP_KEY)))?;
    Ok(stamp_of(&stored.result().await?))
}
