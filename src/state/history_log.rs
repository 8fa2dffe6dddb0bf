//! Keeps the analyses' history log ([`Log`]) equal to the history store: read with the file at
//! start when stored with the snapshot, else rebuilt from the history store once the list is on
//! screen; then each write applied to it, this tab's and the other tabs'. The snapshot stores it
//! only when it is [`settled`], so a stored log is always the state of its stamp.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
// wasm-bindgen's executor rather than leptos's: this runs from actions, also where no leptos
// app is mounted (the state tests), and leptos's needs one to be.
use wasm_bindgen_futures::spawn_local;

use super::change::Change;
use super::db::db;
use super::{platform, AppState, StorageError};
use crate::domain::analytics::Log;

/// Where the log stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LogStatus {
    /// Being read from the history store: entries read so far, of `total`.
    Reading {
        read: usize,
        total: usize,
    },
    Ready,
    Failed(StorageError),
}

/// Rebuilds after a start that found no current stored log: once the list had time to paint.
const AFTER_START: Duration = Duration::from_millis(1_500);
/// More fiches than this in one change: one read of the whole store rather than one per fiche.
const REREAD_MAX: usize = 2_000;

thread_local! {
    /// A rebuild is running.
    static BUILDING: Cell<bool> = const { Cell::new(false) };
    /// A write landed while the rebuild ran (its read may predate it): rebuild once more.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    /// Re-reads of fiches started and not yet applied.
    static PENDING: Cell<u32> = const { Cell::new(0) };
}

/// At start: the log read with the file, or a rebuild soon.
pub fn start(app: AppState, stored: Option<Log>) {
    match stored {
        Some(log) => {
            app.log.set(log);
            app.log_status.set(LogStatus::Ready);
        }
        None => {
            app.log_status.set(LogStatus::Reading { read: 0, total: 0 });
            set_timeout(move || rebuild(app), AFTER_START);
        }
    }
}

/// Whether memory's log holds every write this tab knows of: the snapshot stores it only then.
pub fn settled(app: AppState) -> bool {
    !BUILDING.with(Cell::get)
        && PENDING.with(Cell::get) == 0
        && app.log_status.with_untracked(|s| *s == LogStatus::Ready)
}

/// Brings the log up to date after `change` was committed (here or in another tab). Call it in
/// the same task as the commit's continuation, before any other await, so that [`settled`]
/// turns false at once.
pub fn follow(app: AppState, change: &Change) {
    match change {
        Change::Fiches { ids } if ids.len() <= REREAD_MAX => reread(app, ids.clone()),
        Change::Fiches { .. } | Change::All => rebuild(app),
        Change::Fields { .. } | Change::Meta => {}
    }
}

/// Forgets the history of deleted fiches (no read needed: it went with them).
pub fn forget(app: AppState, ids: &[String]) {
    app.log.update(|log| {
        for id in ids {
            log.remove_fiche(id);
        }
    });
}

fn reread(app: AppState, ids: Vec<String>) {
    if BUILDING.with(Cell::get) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    PENDING.with(|p| p.set(p.get() + 1));
    spawn_local(async move {
        let read = match db() {
            Ok(db) => db.histories(&ids).await,
            Err(_) => Err(StorageError::Unavailable),
        };
        PENDING.with(|p| p.set(p.get() - 1));
        match read {
            Ok(all) if !BUILDING.with(Cell::get) => app.log.update(|log| {
                for (id, entries) in ids.iter().zip(&all) {
                    log.replace_fiche(id, entries);
                }
            }),
            Ok(_) => AGAIN.with(|a| a.set(true)),
            // The log no longer knows these fiches' history: read it all again.
            Err(_) => rebuild(app),
        }
    });
}

/// Reads the whole log again from the history store (after many changes at once, or at start).
pub fn rebuild(app: AppState) {
    AGAIN.with(|a| a.set(false));
    if BUILDING.with(|b| b.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    spawn_local(async move {
        loop {
            app.log_status.set(LogStatus::Reading { read: 0, total: 0 });
            let result = match db() {
                Ok(db) => {
                    db.history_log(|read, total| {
                        app.log_status.set(LogStatus::Reading { read, total })
                    })
                    .await
                }
                Err(_) => Err(StorageError::Unavailable),
            };
            if AGAIN.with(|a| a.replace(false)) {
                platform::next_task().await;
                continue;
            }
            match result {
                Ok(log) => {
                    // Stored with the next snapshot, so that the next start need not rebuild
                    // it; one is asked for now, since no change may come to ask for it.
                    let store = log.len() >= crate::storage::LOG_MIN;
                    app.log.set(log);
                    app.log_status.set(LogStatus::Ready);
                    if store {
                        super::snapshot::schedule(super::snapshot::AFTER_START);
                    }
                }
                Err(e) => app.log_status.set(LogStatus::Failed(e)),
            }
            break;
        }
        BUILDING.with(|b| b.set(false));
    });
}
