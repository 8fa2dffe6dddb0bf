//! The state layer's actions against real IndexedDB: a write reaches the database before memory
//! changes, and a refused or failed write leaves memory as it was. Each test has its own
//! database, set as the app's handle (`state::db::set_db`), and deletes it.
use carnet::domain::fiche::Fiche;
use carnet::domain::lang::Lang;
use carnet::state::{actions, db, AppError, AppState, Route, StorageError};
use carnet::storage;
use chrono::Utc;
use leptos::prelude::*;
use wasm_bindgen_test::*;

use crate::support::{db_name, FakeEstimate};

/// An app state on a fresh database of its own.
async fn app_on(name: &str) -> AppState {
    db::set_db(storage::open(name).await.unwrap());
    AppState::new(Lang::Fr, Route::List)
}

fn fiche(id: &str, last: &str) -> Fiche {
    let mut f = Fiche::new(id.into(), Utc::now());
    f.last_name = last.into();
    f
}

fn in_memory(app: AppState, id: &str) -> Option<Fiche> {
    app.file
        .with_untracked(|f| f.get(id).map(|r| r.fiche.clone()))
}

/// What a connection of its own reads: only committed data.
async fn on_disk(name: &str, id: &str) -> Option<Fiche> {
    let other = storage::open(name).await.unwrap();
    let stored = other.get_fiche(id).await.unwrap().map(|(f, _)| f);
    other.close();
    stored
}

#[wasm_bindgen_test]
async fn a_save_is_committed_before_memory_shows_it_and_memory_shows_what_was_stored() {
    let name = db_name("state-save");
    let app = app_on(&name).await;
    let saved = actions::save_fiche(app, fiche("a", "Martin"))
        .await
        .unwrap();
    assert_eq!(saved.version, 1);
    assert_eq!(on_disk(&name, "a").await, Some(saved.clone()), "committed");
    assert_eq!(
        in_memory(app, "a"),
        Some(saved),
        "memory holds the stored record"
    );
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_refused_save_leaves_memory_as_it_was() {
    let name = db_name("state-refused");
    let app = app_on(&name).await;
    let saved = actions::save_fiche(app, fiche("a", "Martin"))
        .await
        .unwrap();
    // An edit based on version 0, when version 1 is stored: refused by storage.
    let mut stale = saved.clone();
    stale.version = 0;
    stale.last_name = "Durand".into();
    let refused = actions::save_fiche(app, stale).await;
    assert!(
        matches!(
            refused,
            Err(AppError::Storage(StorageError::Conflict { .. }))
        ),
        "{refused:?}"
    );
    assert_eq!(in_memory(app, "a"), Some(saved.clone()), "memory unchanged");
    assert_eq!(on_disk(&name, "a").await, Some(saved));
    // Invalid input is refused before storage, and memory is untouched too.
    let invalid = actions::save_fiche(app, fiche("b", "")).await;
    assert!(matches!(invalid, Err(AppError::Invalid(_))), "{invalid:?}");
    assert_eq!(in_memory(app, "b"), None);
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_write_that_fails_in_the_database_leaves_memory_empty() {
    let name = db_name("state-failed");
    let app = app_on(&name).await;
    // The demo data needs room; the browser says 1 MB is left: refused before any write.
    let estimate = FakeEstimate::new(0.0, 1e6);
    let result = actions::load_demo(app).await;
    drop(estimate);
    assert!(
        matches!(result, Err(AppError::Storage(StorageError::NoRoom { .. }))),
        "{result:?}"
    );
    assert!(
        app.file.with_untracked(|f| f.is_empty()),
        "memory unchanged"
    );
    let other = storage::open(&name).await.unwrap();
    assert!(
        other.load().await.unwrap().fiches.is_empty(),
        "nothing written"
    );
    other.close();
    // With the room back, the same action fills both.
    actions::load_demo(app).await.unwrap();
    let n = app.file.with_untracked(|f| f.len());
    assert_eq!(n, actions::DEMO_SIZE);
    let other = storage::open(&name).await.unwrap();
    assert_eq!(other.load().await.unwrap().fiches.len(), n);
    other.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_bulk_edit_the_form_would_refuse_is_refused_before_anything_is_written() {
    use carnet::state::segments::{bulk_edit, Bulk};
    let name = db_name("state-bulk");
    let app = app_on(&name).await;
    let saved = actions::save_fiche(app, fiche("a", "Martin"))
        .await
        .unwrap();
    let ids = vec!["a".to_string()];
    for action in [Bulk::AddTag("t".repeat(61)), Bulk::Owner("o".repeat(101))] {
        let refused = bulk_edit(app, &ids, action).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
    }
    assert_eq!(in_memory(app, "a"), Some(saved.clone()), "memory unchanged");
    assert_eq!(on_disk(&name, "a").await, Some(saved));
    // At the limit it goes through.
    let n = bulk_edit(app, &ids, Bulk::AddTag("t".repeat(60)))
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(on_disk(&name, "a").await.unwrap().tags, ["t".repeat(60)]);
    storage::delete_database(&name).await.unwrap();
}
