//! Keeps the startup snapshot (see `storage/snapshot.rs`) current: written a few seconds after
//! a start that could not use it, and again once local changes pause. Off the critical path: a
//! failure costs only a slower next start, so it is not reported.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::db::db;
use super::platform;
use super::AppState;
use crate::domain::fiche::Fiche;
use crate::domain::summary::Summary;

/// After a start that read the store record by record: once the list is on screen.
pub const AFTER_START: Duration = Duration::from_secs(3);
/// After a local change, counted from the last one: edits come in bursts.
pub const AFTER_CHANGE: Duration = Duration::from_secs(20);

thread_local! {
    static APP: RefCell<Option<AppState>> = const { RefCell::new(None) };
    /// Bumped by each request; a timer that fires after a newer request does nothing.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Called once the file is open: from then on [`schedule`] has the file to write.
pub fn attach(app: AppState) {
    APP.with(|a| a.replace(Some(app)));
}

/// Writes the snapshot after `delay`, unless another request comes first.
pub fn schedule(delay: Duration) {
    let Some(app) = APP.with(|a| *a.borrow()) else {
        return;
    };
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    set_timeout(
        move || {
            if GENERATION.with(Cell::get) == generation {
                spawn_local(write(app));
            }
        },
        delay,
    );
}

/// Fiches encoded per task: a few milliseconds each, then the page gets the main thread back.
const SLICE: usize = 2_000;

async fn write(app: AppState) {
    let Ok(db) = db() else { return };
    let total = app.file.with_untracked(|f| f.len());
    let Some(mut draft) = db.begin_snapshot(total) else {
        return;
    };
    let mut at = 0;
    while at < total {
        // Borrowed from memory (no copy of the file), a slice per task.
        let pushed = app.file.with_untracked(|f| {
            let records = f.records().get(at..(at + SLICE).min(total))?;
            let slice: Vec<(&Fiche, &Summary)> =
                records.iter().map(|r| (&r.fiche, &r.summary)).collect();
            Some(draft.push(&slice))
        });
        // The file shrank meanwhile (then the stored stamp moved too): a later request redoes it.
        if !matches!(pushed, Some(Ok(()))) {
            return;
        }
        at += SLICE;
        if at < total {
            platform::next_task().await;
        }
    }
    // The log of the same state only: one with a re-read or a rebuild under way is not.
    if super::history_log::settled(app) {
        app.log.with_untracked(|log| draft.set_log(log));
    }
    let _ = db.write_snapshot(draft.finish()).await;
}
