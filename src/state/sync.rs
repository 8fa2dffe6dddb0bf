//! Several tabs on one file. After every committed write, [`notify`] posts on the
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
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

use super::{actions, AppError, AppState, FileState};

/// The channel's name, shared by every tab of the origin.
pub const CHANNEL: &str = "carnet";

/// What a committed write changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// These fiches were saved or deleted, or their history (and so their summary) changed.
    Fiches { ids: Vec<String> },
    /// The custom field definitions changed, and with them the values of these fiches.
    Fields { ids: Vec<String> },
    /// Many fiches at once (demo data, an import, a restore): read the whole file again.
    All,
    /// A setting in `meta`, such as the time of the last backup.
    Meta,
}

impl Change {
    /// One fiche saved, deleted, or with its history changed.
    pub fn fiche(id: &str) -> Change {
        Change::Fiches {
            ids: vec![id.to_string()],
        }
    }

    /// Whether fiche `id` may have changed (a page showing it must read it again).
    pub fn touches(&self, id: &str) -> bool {
        match self {
            Change::Fiches { ids } | Change::Fields { ids } => ids.iter().any(|i| i == id),
            Change::All => true,
            Change::Meta => false,
        }
    }

    /// The message: a word, then one id per line (`"fiches\n<id>\n<id>"`). Written by hand
    /// rather than with serde: a tagged enum through serde_json costs kilobytes of wasm.
    pub fn encode(&self) -> String {
        let (word, ids): (&str, &[String]) = match self {
            Change::Fiches { ids } => ("fiches", ids),
            Change::Fields { ids } => ("fields", ids),
            Change::All => ("all", &[]),
            Change::Meta => ("meta", &[]),
        };
        let mut out = word.to_string();
        for id in ids {
            out.push('\n');
            out.push_str(id);
        }
        out
    }

    /// A message this version cannot read (from a newer Carnet) counts as "everything changed".
    pub fn decode(message: &str) -> Change {
        let mut lines = message.split('\n');
        let word = lines.next().unwrap_or_default();
        let ids = || lines.clone().map(str::to_string).collect();
        match word {
            "fiches" => Change::Fiches { ids: ids() },
            "fields" => Change::Fields { ids: ids() },
            "meta" => Change::Meta,
            _ => Change::All,
        }
    }
}

thread_local! {
    static CHANNEL_HANDLE: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
    /// Changes received and not applied yet: applied one at a time, in order, so that a slow
    /// read never lands after a newer one.
    static QUEUE: RefCell<VecDeque<Change>> = const { RefCell::new(VecDeque::new()) };
    static APPLYING: Cell<bool> = const { Cell::new(false) };
}

/// Tells the other tabs that `change` was committed. Call it after every write to the file
/// (imports included); it does nothing where BroadcastChannel is missing, and this tab's own
/// memory is the caller's business.
pub fn notify(change: Change) {
    if change != Change::Meta {
        super::snapshot::schedule(super::snapshot::AFTER_CHANGE);
    }
    CHANNEL_HANDLE.with(|c| {
        if let Some(channel) = c.borrow().as_ref() {
            // Fails only once the channel is closed (the page is going away).
            let _ = channel.post_message(&JsValue::from_str(&change.encode()));
        }
    });
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
    CHANNEL_HANDLE.with(|c| c.replace(Some(channel)));
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
            app.remote.set(Some(change));
        }
        APPLYING.with(|a| a.set(false));
    });
}

/// Brings memory up to date with what another tab committed.
async fn apply(app: AppState, change: &Change) -> Result<(), AppError> {
    let db = actions::db()?;
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
            actions::check_backup(app).await;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_survive_the_channel() {
        for c in [
            Change::fiche("a"),
            Change::Fiches { ids: Vec::new() },
            Change::Fields {
                ids: vec!["a".into(), "b-c d".into()],
            },
            Change::All,
            Change::Meta,
        ] {
            assert_eq!(Change::decode(&c.encode()), c);
        }
        assert_eq!(Change::fiche("x").encode(), "fiches\nx");
    }

    #[test]
    fn an_unreadable_message_means_everything_changed() {
        assert_eq!(Change::decode("segments\nx"), Change::All);
        assert_eq!(Change::decode(""), Change::All);
    }

    #[test]
    fn touches_names_the_fiches_concerned() {
        assert!(Change::fiche("a").touches("a"));
        assert!(!Change::fiche("a").touches("b"));
        assert!(Change::All.touches("b"));
        assert!(!Change::Meta.touches("a"));
    }
}
