//! The startup snapshot: every fiche with its summary as one UTF-8 JSON byte array in the
//! `cache` store, so that opening a large file reads one value instead of one structured object
//! per fiche. At 100,000 fiches the `getAll` of `fiches` alone takes seconds; one `get` of the
//! snapshot, a copy into wasm and one parse take a fraction of that.
//!
//! It is derived data, never the reference. Every transaction that may write `fiches` puts a
//! fresh random stamp into `cache` ([`Db::tx`]), and the snapshot carries the stamp of the state
//! it was taken from: `load` uses it only when both are equal, read in one transaction. A
//! snapshot is written only from a state whose stamp this connection knows (what `load` read, or
//! its own last commit) and only if the stored stamp is still that one, checked in the writing
//! transaction; after a change from another tab ([`Db::forget_stamp`]) none is written until the
//! next full load. Small files do without: below [`SNAPSHOT_MIN`] fiches any snapshot is deleted.
//!
//! The history log of the analyses ([`Log`]) is stored beside it, under the same stamp, when it
//! holds at least [`LOG_MIN`] entries: below that, rebuilding it from the history store at start
//! is quick.

use std::rc::Rc;

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbTransactionMode::Readwrite;

use crate::domain::analytics::Log;
use crate::domain::fiche::Fiche;
use crate::domain::summary::Summary;

use super::connection::Db;
use super::error::StorageError;
use super::idb::{fire, key, pending, set, Tx};
use super::records::{from_json_array, StoredFiche, StoredFicheRef};
use super::schema::CACHE;
use super::space::ensure_room_for_value;
use super::stamp::{new_stamp, put_stamp, read_stamp, stamp_of, STAMP_KEY};

/// `cache` key of the snapshot record, `{key, stamp, bytes: Uint8Array, count}`.
const SNAPSHOT_KEY: &str = "fiches";
/// `cache` key of the history log record, `{key, stamp, bytes: Uint8Array}`.
const LOG_KEY: &str = "log";
/// Below this many history entries the log is rebuilt from the history store at each start
/// (20,000 entries: well under a second) rather than stored.
pub const LOG_MIN: usize = 20_000;
/// Below this many fiches the `getAll` is fast enough (2,000 fiches: about 0.1 s) and a
/// snapshot would only cost writes.
pub const SNAPSHOT_MIN: usize = 5_000;

/// What `cache` holds for a start: the stamp, the snapshot record and the log record.
pub(crate) struct Cached {
    pub stamp: Option<String>,
    pub snapshot: JsValue,
    pub log: JsValue,
}

/// Issues the reads of the stamp, the snapshot and the log in `tx` and awaits them.
pub(crate) async fn read(tx: &Tx) -> Result<Cached, StorageError> {
    let cache = tx.store(CACHE)?;
    let stamp = pending(cache.get(&key(STAMP_KEY)))?;
    let snapshot = pending(cache.get(&key(SNAPSHOT_KEY)))?;
    let log = pending(cache.get(&key(LOG_KEY)))?;
    let stamp = stamp_of(&stamp.result().await?);
    Ok(Cached {
        stamp,
        snapshot: snapshot.result().await?,
        log: log.result().await?,
    })
}

/// The log stored at `stamp`, if it decodes.
pub(crate) fn log_if_current(record: &JsValue, stamp: Option<&str>) -> Option<Log> {
    let bytes = bytes_if_current(record, stamp)?;
    Log::decode(&bytes.to_vec())
}

/// The bytes of `snapshot` if it was taken at `stamp`.
pub(crate) fn bytes_if_current(snapshot: &JsValue, stamp: Option<&str>) -> Option<Uint8Array> {
    let stamp = stamp?;
    if !snapshot.is_object() {
        return None;
    }
    let taken_at = Reflect::get(snapshot, &JsValue::from_str("stamp")).ok()?;
    if taken_at.as_string().as_deref() != Some(stamp) {
        return None;
    }
    Reflect::get(snapshot, &JsValue::from_str("bytes"))
        .ok()?
        .dyn_into::<Uint8Array>()
        .ok()
}

/// How many fiches a snapshot holds (written with it, to make room for them at once); 0 when
/// it does not say.
pub(crate) fn count_of(snapshot: &JsValue) -> usize {
    Reflect::get(snapshot, &JsValue::from_str("count"))
        .ok()
        .and_then(|n| n.as_f64())
        .map_or(0, |n| n as usize)
}

/// Decodes snapshot bytes holding about `count` fiches; `None` when they do not decode (then
/// the full read is used, and the snapshot rewritten).
pub(crate) fn decode_bytes(bytes: &Uint8Array, count: usize) -> Option<Vec<(Fiche, Summary)>> {
    let text = String::from_utf8(bytes.to_vec()).ok()?;
    let all: Vec<StoredFiche> = from_json_array(&text, count).ok()?;
    Some(all.into_iter().map(|s| (s.fiche, s.summary)).collect())
}

/// A snapshot ready to be stored: the file as memory held it, with the stamp it goes with.
pub struct Snapshot {
    stamp: String,
    /// `None` for a file below [`SNAPSHOT_MIN`]: any stored snapshot is then deleted.
    bytes: Option<Uint8Array>,
    /// How many fiches `bytes` holds.
    count: usize,
    /// The encoded history log, when memory held a current one of at least [`LOG_MIN`] entries.
    log: Option<Uint8Array>,
}

/// A snapshot being encoded a slice at a time ([`Db::begin_snapshot`]), so that the page can
/// breathe in between: 100,000 fiches in one go held the main thread for several hundred
/// milliseconds.
pub struct SnapshotDraft {
    stamp: String,
    /// The JSON array so far; `None` for a file below [`SNAPSHOT_MIN`].
    text: Option<Vec<u8>>,
    count: usize,
    log: Option<Uint8Array>,
}

impl SnapshotDraft {
    /// Encodes the next fiches of the file, in its order.
    pub fn push(&mut self, fiches: &[(&Fiche, &Summary)]) -> Result<(), StorageError> {
        if let Some(text) = &mut self.text {
            for (f, s) in fiches {
                text.push(if self.count == 0 { b'[' } else { b',' });
                serde_json::to_writer(&mut *text, &StoredFicheRef::new(f, s))
                    .map_err(|e| StorageError::Other(format!("snapshot: {e}")))?;
                self.count += 1;
            }
        }
        Ok(())
    }

    /// Stores the history log with the snapshot. It must be the log of the same state as the
    /// fiches pushed (every history write this connection committed applied to it, none from
    /// elsewhere); a log under [`LOG_MIN`] entries is not stored.
    pub fn set_log(&mut self, log: &Log) {
        self.log = (log.len() >= LOG_MIN).then(|| Uint8Array::from(log.encode().as_slice()));
    }

    /// The snapshot of what was pushed.
    pub fn finish(self) -> Snapshot {
        let bytes = self.text.map(|mut text| {
            if self.count == 0 {
                text.push(b'[');
            }
            text.push(b']');
            Uint8Array::from(text.as_slice())
        });
        Snapshot {
            stamp: self.stamp,
            bytes,
            count: self.count,
            log: self.log,
        }
    }
}

impl Db {
    /// Starts a snapshot of a file of `total` fiches for [`Db::write_snapshot`], with the stamp
    /// of the state this connection last knew; `None` when that state is not known (a change
    /// from another tab, corrupt records left out of memory, nothing loaded yet).
    ///
    /// The caller must push exactly what memory holds after this connection's last committed
    /// write: the app changes memory only after each commit, and calls [`Db::forget_stamp`]
    /// when it takes in changes from elsewhere. Memory may change between two pushes: that
    /// takes a commit, which changes the stored stamp, so the snapshot is then not written.
    pub fn begin_snapshot(&self, total: usize) -> Option<SnapshotDraft> {
        if self.foreign_change.get() {
            return None;
        }
        let stamp = self.known_stamp.borrow().clone()?;
        Some(SnapshotDraft {
            stamp,
            text: (total >= SNAPSHOT_MIN).then(Vec::new),
            count: 0,
            log: None,
        })
    }

    /// [`Db::begin_snapshot`] and one push of the whole file.
    pub fn prepare_snapshot(
        &self,
        fiches: &[(&Fiche, &Summary)],
    ) -> Result<Option<Snapshot>, StorageError> {
        let Some(mut draft) = self.begin_snapshot(fiches.len()) else {
            return Ok(None);
        };
        draft.push(fiches)?;
        Ok(Some(draft.finish()))
    }

    /// Stores a prepared snapshot if the file in the database is still the state it was taken
    /// from (else leaves everything as it is); returns whether it was written.
    pub async fn write_snapshot(&self, snapshot: Snapshot) -> Result<bool, StorageError> {
        let Snapshot {
            mut stamp,
            bytes,
            count,
            log,
        } = snapshot;
        // Only a shortcut for the next start: on a disk short of room it is not worth a write
        // that could fill it (it is about the size of the whole file).
        let size = [&bytes, &log]
            .iter()
            .filter_map(|b| b.as_ref())
            .map(|b| u64::from(b.length()))
            .sum::<u64>();
        if size > 0 && ensure_room_for_value(size).await.is_err() {
            return Ok(false);
        }
        let mut tx = self.tx(&[CACHE], Readwrite)?;
        let write = async {
            let cache = tx.store(CACHE)?;
            if read_stamp(&tx).await?.unwrap_or_default() != stamp {
                return Ok(false);
            }
            if stamp.is_empty() {
                // A file never stamped (written before schema 3 and not since): any write to
                // the fiches after it was read would have put a stamp, so it is still that
                // state; give it one now.
                stamp = new_stamp();
                put_stamp(&tx, &stamp)?;
            }
            match &bytes {
                Some(bytes) => {
                    let record = Object::new();
                    set(&record, "key", &JsValue::from_str(SNAPSHOT_KEY))?;
                    set(&record, "stamp", &JsValue::from_str(&stamp))?;
                    set(&record, "bytes", bytes)?;
                    set(&record, "count", &JsValue::from_f64(count as f64))?;
                    fire(cache.put(&record))?;
                }
                None => fire(cache.delete(&key(SNAPSHOT_KEY)))?,
            }
            // A log not given is not known to be current: the stored one (if any) is deleted,
            // so that a stale log cannot pass for this stamp's.
            match &log {
                Some(bytes) => {
                    let record = Object::new();
                    set(&record, "key", &JsValue::from_str(LOG_KEY))?;
                    set(&record, "stamp", &JsValue::from_str(&stamp))?;
                    set(&record, "bytes", bytes)?;
                    fire(cache.put(&record))?;
                }
                None => fire(cache.delete(&key(LOG_KEY)))?,
            }
            Ok(true)
        }
        .await;
        if write.as_ref().is_ok_and(|&written| written) {
            let known = Rc::clone(&self.known_stamp);
            let new = stamp.clone();
            tx.on_commit(move || *known.borrow_mut() = Some(new));
        }
        tx.finish(write).await
    }

    /// Says that memory may now hold changes made by another tab, which this connection's stamp
    /// does not account for: no snapshot is prepared until the next [`Db::load`].
    pub fn forget_stamp(&self) {
        self.foreign_change.set(true);
    }
}
