//! Several tabs on one file. After every committed write, [`super::change::notify`] posts on the
//! BroadcastChannel `"carnet"` what changed (ids, never data); the other tabs read those records
//! again from IndexedDB and update their memory, so their list and fiche pages follow live. A tab
//! never trusts a message's content: IndexedDB is the one source, and a message it cannot read
//! (from a newer version of Carnet) makes it read the whole file again.
//!
//! Edits made at the same time in two tabs are not merged: storage refuses a save based on an
//! outdated version ([`crate::storage::StorageError::Conflict`]) and the form offers to reload;
//! an edit of a fiche deleted meanwhile is refused too ([`crate::storage::StorageError::Deleted`]),
//! and nothing offers to save it again.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{BroadcastChannel, MessageEvent};

use super::change::{set_channel, Change, CHANNEL};
use super::db::db;
use super::{backup, history_log, AppError, AppState, FileState};

thread_local! {
    /// Changes received and not applied yet: applied one at a time, in order, so that a slow
    /// read never lands after a newer one.
    static QUEUE: RefCell<VecDeque<Change>> = const { RefCell::new(VecDeque::new()) };
    static APPLYING: Cell<bool> = const { Cell::new(false) };
}

/// Joins the channel and applies what the other tabs announce. Call once, after the file opened.
pub fn listen(app: AppState) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return; // an old browser: each tab only sees its own changes until reloaded
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let change = e
            .data()
            .as_string()
            .map_or(Change::All, |m| Change::decode(&m));
        receive(app, change);
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Called for as long as the page lives.
    on_message.forget();
    set_channel(channel);
}

fn receive(app: AppState, change: Change) {
    QUEUE.with(|q| q.borrow_mut().push_back(change));
    if APPLYING.with(|a| a.replace(true)) {
        return;
    }
    spawn_local(async move {
        while let Some(change) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
            if let Err(e) = apply(app, &change).await {
                app.report(e);
            }
            history_log::follow(app, &change);
            app.remote.set(Some(change));
        }
        APPLYING.with(|a| a.set(false));
    });
}

/// Brings memory up to date with what another tab committed.
async fn apply(app: AppState, change: &Change) -> Result<(), AppError> {
    let db = db()?;
    match change {
        Change::Fiches { ids } => {
            // Memory now holds another tab's writes: no snapshot from it until the next load.
            db.forget_stamp();
            reread(app, &db, ids).await?
        }
        Change::Fields { ids } => {
            db.forget_stamp();
            app.fields.set(db.custom_fields().await?);
            reread(app, &db, ids).await?;
        }
        Change::All => {
            let loaded = db.load().await?;
            app.file.set(FileState::from_records(loaded.fiches));
            app.fields.set(loaded.custom_fields);
        }
        Change::Meta => {
            backup::check_backup(app).await;
            // Saved segments are `meta` too: another tab saved or deleted one.
            super::segments::load_saved(app).await;
        }
    }
    Ok(())
}

async fn reread(app: AppState, db: &crate::storage::Db, ids: &[String]) -> Result<(), AppError> {
    for id in ids {
        let stored = db.get_fiche(id).await?;
        app.file.update(|f| match stored {
            Some((fiche, summary)) => f.upsert(fiche, Some(summary)),
            None => {
                f.remove(id);
            }
        });
    }
    Ok(())
}
