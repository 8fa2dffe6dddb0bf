//! Persistence in IndexedDB: the only module that touches it.
//!
//! Stores: `fiches` (key `id`, records `{id, fiche, summary}`), `history` (key `id`, indexes
//! `fiche_id` and `date`), `meta` (key `key`: `schema`, `custom_fields`, `last_import`,
//! settings). See [`schema`] for versions and [`migrate`] for how older files are brought up
//! to date.
//!
//! Many-record writes (imports and their undo in [`imports`], backups in [`backup`], demo data)
//! share the pacing and summary code of [`bulk`].
//!
//! Every public call opens its own transaction, awaits only IndexedDB requests inside it (any
//! other await would let it auto-commit half-way) and returns after the commit, so the caller
//! never shows what is not on disk. A failure aborts the whole transaction.
//!
//! Records go through JSON (`serde_json` and the browser's `JSON.parse`/`stringify`), the same
//! serde path as backups: dates as ISO 8601 strings, `None` as `null`, maps as plain objects. A record that does not decode never panics: `load`
//! skips it and lists it in [`Loaded::corrupt`]; the other calls fail with
//! [`StorageError::Corrupt`], since computing a summary or saving over a record read in part
//! would lose data silently.
//!
//! Why web-sys and not rexie: rexie 0.6 reports an aborted transaction without its reason (so a
//! full disk, which Chromium reports at commit, could not be told from anything else), gives no
//! access to the `blocked` event (an open held up by another tab would just hang), panics in its
//! upgrade callback on error, and its builder deletes every store a version does not declare.
//! The layer needed here (requests and transactions as futures, see [`idb`]) is small.

mod backup;
mod bulk;
mod connection;
mod error;
mod fiches;
mod history;
mod idb;
mod imports;
mod migrate;
mod records;
mod schema;
mod snapshot;
mod space;
mod stamp;

pub use backup::Everything;
pub use connection::{delete_database, open, Db};
pub use error::StorageError;
pub use fiches::{CorruptRecord, Loaded};
pub use history::LOG_CHUNK;
pub use imports::{Applied, ImportBatchInfo, Undone};
pub use schema::SCHEMA_VERSION;
pub use snapshot::{Snapshot, SnapshotDraft, LOG_MIN, SNAPSHOT_MIN};
pub use space::{estimate, free_space};
