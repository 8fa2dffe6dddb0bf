//! The file's mark outside IndexedDB ([`FileMark`] in `localStorage`): kept current after every
//! committed change, read at start to tell a lost file from a new one.

use chrono::Utc;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use super::{AppState, Phase};
use crate::domain::safety::FileMark;

const KEY: &str = "carnet.file-mark";

/// The mark as last written; `None` on a first start, after the site's data was cleared, or
/// where `localStorage` is refused.
pub fn read() -> Option<FileMark> {
    LocalStorage::get(KEY).ok()
}

fn write(mark: &FileMark) {
    // A refused write (private mode, full quota) only loses the warning, never data.
    let _ = LocalStorage::set(KEY, mark);
}

/// Keeps the mark at the number of fiches in memory, which changes only after a commit. Not
/// while a lost file is shown: the mark is the evidence, kept until the user restores a
/// backup or chooses to start again.
pub fn follow(app: AppState) {
    Effect::new(move |last: Option<Option<usize>>| {
        if app.phase.get() != Phase::Ready || app.lost.with(Option::is_some) {
            return None;
        }
        let count = app.file.with(|f| f.len());
        if last.flatten() != Some(count) {
            write(&FileMark::holding(read().as_ref(), count, Utc::now()));
        }
        Some(count)
    });
}

/// Notes a backup just made of a file of `fiches`.
pub fn backed_up(fiches: usize) {
    write(&FileMark::backed_up(read().as_ref(), fiches, Utc::now()));
}

/// The user saw that the file was lost and chose to go on with what the database holds now
/// (after a restore, or to start again).
pub fn accept_loss(app: AppState) {
    let count = app.file.with_untracked(|f| f.len());
    write(&FileMark::holding(read().as_ref(), count, Utc::now()));
    app.lost.set(None);
}
