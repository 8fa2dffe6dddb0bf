//! The database layout: stores, indexes and the schema version.
//!
//! Two numbers move together: the IndexedDB version (stores and indexes, changed in
//! `upgradeneeded`) and the `schema` record in `meta` (the shape of the records, changed by
//! [`super::migrate`] right after opening). Both are [`SCHEMA_VERSION`].

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

use super::error::{from_js, Stage, StorageError};

/// The version this code reads and writes. Version 1: `fiches` held bare `Fiche` objects and
/// `history` had no `date` index. Version 2: `fiches` holds `{id, fiche, summary}`. Version 3:
/// the `cache` store (startup snapshot, see `snapshot.rs`); records unchanged.
pub const SCHEMA_VERSION: u32 = 3;

pub(crate) const FICHES: &str = "fiches";
pub(crate) const HISTORY: &str = "history";
pub(crate) const META: &str = "meta";
/// Derived data only: everything in it can be rebuilt from the other stores, and is.
pub(crate) const CACHE: &str = "cache";

pub(crate) const BY_FICHE: &str = "fiche_id";
pub(crate) const BY_DATE: &str = "date";

/// `meta` keys owned by this module.
pub(crate) const SCHEMA_KEY: &str = "schema";
pub(crate) const CUSTOM_FIELDS_KEY: &str = "custom_fields";
/// What undoing the last import needs (see `imports.rs`).
pub(crate) const LAST_IMPORT_KEY: &str = "last_import";

/// `meta` keys that only the storage layer writes: `put_meta` and restores refuse them, since a
/// value written from outside would break a migration or an undo.
pub(crate) fn is_reserved(name: &str) -> bool {
    name == SCHEMA_KEY || name == LAST_IMPORT_KEY
}

struct StoreDecl {
    name: &'static str,
    key_path: &'static str,
    /// (index name, key path)
    indexes: &'static [(&'static str, &'static str)],
}

/// The whole layout of the current version, declared in full (not as a diff): applying it to a
/// database of any older version creates exactly what is missing.
const LAYOUT: [StoreDecl; 4] = [
    StoreDecl {
        name: FICHES,
        key_path: "id",
        indexes: &[],
    },
    StoreDecl {
        name: HISTORY,
        key_path: "id",
        indexes: &[(BY_FICHE, "fiche_id"), (BY_DATE, "date")],
    },
    StoreDecl {
        name: META,
        key_path: "key",
        indexes: &[],
    },
    StoreDecl {
        name: CACHE,
        key_path: "key",
        indexes: &[],
    },
];

/// Runs inside `upgradeneeded`. Creates missing stores and indexes and never deletes anything
/// (unlike the `idb` builder under rexie, which drops every store a version does not list), so
/// a forgotten declaration cannot wipe data.
pub(crate) fn declare(db: &IdbDatabase, upgrade: &IdbTransaction) -> Result<(), StorageError> {
    let js = |e: JsValue| from_js(&e, Stage::Use);
    let existing = db.object_store_names();
    for decl in &LAYOUT {
        let store = if existing.contains(decl.name) {
            upgrade.object_store(decl.name).map_err(js)?
        } else {
            let params = IdbObjectStoreParameters::new();
            params.set_key_path(&JsValue::from_str(decl.key_path));
            db.create_object_store_with_optional_parameters(decl.name, &params)
                .map_err(js)?
        };
        let indexes = store.index_names();
        for (name, path) in decl.indexes {
            if !indexes.contains(name) {
                store.create_index_with_str(name, path).map_err(js)?;
            }
        }
    }
    Ok(())
}
