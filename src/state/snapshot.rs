//! Keeps the startup snapshot (see `storage/snapshot.rs`) current: written a few seconds after
//! a start that could not use it, and again once local changes pause. Off the critical path: a
//! failure costs only a slower next start, so it is not reported.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::actions::db;
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

async fn write(app: AppState) {
    let Ok(db) = db() else { return };
    // Encoded from memory, borrowed (no copy of the file), before anything is awaited.
    let prepared = app.file.with_untracked(|f| {
        let all: Vec<(&Fiche, &Summary)> =
            f.records().iter().map(|r| (&r.fiche, &r.summary)).collect();
        db.prepare_snapshot(&all)
    });
    if let Ok(Some(snapshot)) = prepared {
        let _ = db.write_snapshot(snapshot).await;
    }
}
