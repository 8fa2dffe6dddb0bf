//! Async actions: validate, write to IndexedDB, then update memory. The UI spawns them and
//! reads their `Result`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::change::{notify, Change};
use super::clock::today;
use super::db::{db, set_db, DB_NAME};
use super::sync;
use super::{
    history_log, mark, platform, snapshot, AppError, AppState, Failure, FileState, Notice, Phase,
};
use crate::domain::custom_field::CustomFieldDef;
use crate::domain::demo::demo_file;
use crate::domain::fiche::Fiche;
use crate::domain::field_removal::{remove_field_values, RemovalMode};
use crate::domain::history::HistoryEntry;
use crate::domain::safety::lost;
use crate::domain::summary::Summary;
use crate::domain::validate::{drop_empty_rows, validate_entry, validate_fiche};
use crate::storage::{self, StorageError};

/// Number of fiches "load demo data" creates.
pub const DEMO_SIZE: usize = 300;

/// Opens the database and reads the whole file into memory in one go; then joins the other tabs
/// and asks for persistent storage. (The backup reminder is checked by the app once `Ready`.)
pub async fn start(app: AppState) {
    // First, and whatever becomes of the file: the app shell is cached for offline use.
    platform::start_worker(app);
    let result = async {
        let db = storage::open(DB_NAME).await?;
        let loaded = db.load().await?;
        set_db(db);
        Ok::<_, StorageError>(loaded)
    }
    .await;
    let known = mark::read();
    match result {
        Ok(loaded) => {
            let from_snapshot = loaded.from_snapshot;
            history_log::start(app, loaded.log);
            if lost(known.as_ref(), loaded.fiches.len()) {
                app.lost.set(known);
            }
            app.file.set(FileState::from_records(loaded.fiches));
            app.fields.set(loaded.custom_fields);
            app.phase.set(Phase::Ready);
            snapshot::attach(app);
            if !from_snapshot {
                snapshot::schedule(snapshot::AFTER_START);
            }
        }
        Err(error) => {
            let free = storage::free_space().await;
            // Another tab's version is not a lost file: those messages say what to do.
            let other_tab = matches!(error, StorageError::Blocked | StorageError::NewerVersion);
            let mark = known.filter(|m| m.fiches > 0 && !other_tab);
            return app.phase.set(Phase::Failed(Failure { error, mark, free }));
        }
    }
    mark::follow(app);
    // Another tab upgrading (or deleting) the database closes ours, and so does the browser
    // when the disk fills or the site's data is cleared: say so now, not at the next write.
    if let Ok(db) = db() {
        db.on_closed(move |why| {
            spawn_local(async move {
                let why = match why {
                    StorageError::Closed { .. } => StorageError::Closed {
                        free: storage::free_space().await,
                    },
                    other => other,
                };
                app.notice.set(Some(Notice::Storage(why)));
            })
        });
    }
    sync::listen(app);
    super::segments::load_saved(app).await;
    // The answer shows in the settings; asked once per start, after the file is known to open.
    platform::persist().await;
}

/// Reads one fiche again from IndexedDB (after a conflict) and updates memory; `None` if it was
/// deleted meanwhile.
pub async fn reload_fiche(app: AppState, id: String) -> Result<Option<Fiche>, AppError> {
    let stored = db()?.get_fiche(&id).await?;
    app.file.update(|f| match &stored {
        Some((fiche, summary)) => f.upsert(fiche.clone(), Some(summary.clone())),
        None => {
            f.remove(&id);
        }
    });
    Ok(stored.map(|(fiche, _)| fiche))
}

/// Cleans, validates and saves a fiche (new or edited); returns it as stored.
pub async fn save_fiche(app: AppState, mut fiche: Fiche) -> Result<Fiche, AppError> {
    drop_empty_rows(&mut fiche);
    let errors = validate_fiche(&fiche, &app.fields.get_untracked(), today());
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let saved = db()?.save_fiche(&fiche).await?;
    app.file.update(|f| f.upsert(saved.clone(), None));
    notify(Change::fiche(&saved.id));
    Ok(saved)
}

/// Deletes a fiche and its whole history.
pub async fn delete_fiche(app: AppState, id: String) -> Result<(), AppError> {
    db()?.delete_fiche(&id).await?;
    app.file.update(|f| {
        f.remove(&id);
    });
    history_log::forget(app, std::slice::from_ref(&id));
    notify(Change::fiche(&id));
    Ok(())
}

/// The history of one fiche, newest first. Read on demand: history never sits in memory.
pub async fn history(id: String) -> Result<Vec<HistoryEntry>, AppError> {
    Ok(db()?.history(&id).await?)
}

/// Validates and saves a history entry; the fiche's summary is recomputed in the same
/// transaction and returned.
pub async fn save_entry(app: AppState, entry: HistoryEntry) -> Result<Summary, AppError> {
    let errors = validate_entry(&entry);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let summary = db()?.save_entry(&entry).await?;
    app.file
        .update(|f| f.set_summary(&entry.fiche_id, summary.clone()));
    let change = Change::fiche(&entry.fiche_id);
    history_log::follow(app, &change);
    notify(change);
    Ok(summary)
}

pub async fn delete_entry(
    app: AppState,
    fiche_id: String,
    entry_id: String,
) -> Result<Summary, AppError> {
    let summary = db()?.delete_entry(&fiche_id, &entry_id).await?;
    app.file
        .update(|f| f.set_summary(&fiche_id, summary.clone()));
    let change = Change::fiche(&fiche_id);
    history_log::follow(app, &change);
    notify(change);
    Ok(summary)
}

/// Saves the list of custom field definitions (added, renamed or reordered).
pub async fn save_fields(app: AppState, defs: Vec<CustomFieldDef>) -> Result<(), AppError> {
    db()?.save_custom_fields(&defs, &[]).await?;
    app.fields.set(defs);
    notify(Change::Fields { ids: Vec::new() });
    Ok(())
}

/// Removes a definition and, in the same transaction, what the user chose to do with the
/// values the fiches hold for it.
pub async fn remove_field(
    app: AppState,
    def: CustomFieldDef,
    mode: RemovalMode,
) -> Result<(), AppError> {
    let defs: Vec<CustomFieldDef> = app
        .fields
        .get_untracked()
        .into_iter()
        .filter(|d| d.id != def.id)
        .collect();
    let changed = app.file.with_untracked(|f| {
        let fiches: Vec<Fiche> = f.records().iter().map(|r| r.fiche.clone()).collect();
        remove_field_values(&fiches, &def, mode, app.lang.get_untracked())
    });
    let saved = db()?.save_custom_fields(&defs, &changed).await?;
    let ids = saved.iter().map(|f| f.id.clone()).collect();
    app.file.update(|f| {
        for fiche in saved {
            f.upsert(fiche, None);
        }
    });
    app.fields.set(defs);
    notify(Change::Fields { ids });
    Ok(())
}

/// Fills an empty file with the deterministic demo data set.
pub async fn load_demo(app: AppState) -> Result<(), AppError> {
    let (fiches, entries) = demo_file(2024, DEMO_SIZE, today());
    let stored = db()?.bulk_insert(&fiches, &entries).await?;
    app.file.update(|f| {
        for (fiche, summary) in stored {
            f.upsert(fiche, Some(summary));
        }
    });
    history_log::follow(app, &Change::All);
    notify(Change::All);
    Ok(())
}
