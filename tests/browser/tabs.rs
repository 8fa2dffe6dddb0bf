//! Several connections to one database, as several tabs make them: an old tab that will not let
//! go blocks an upgrade (reported, not hung), a newer tab or a deletion is never blocked by us
//! (and `on_closed` says so at once), and one tab reads back what another wrote (`get_fiche`).

use crate::support::db_name;
use carnet::storage::{self, StorageError};
use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{IdbDatabase, IdbOpenDbRequest};

/// A raw connection, like a tab running code that ignores `versionchange`. `None`: the
/// current version, whatever it is.
async fn raw_open(name: &str, version: Option<u32>) -> IdbDatabase {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request: IdbOpenDbRequest = match version {
        Some(v) => factory.open_with_u32(name, v).unwrap(),
        None => factory.open(name).unwrap(),
    };
    let done = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await.unwrap();
    request.result().unwrap().dyn_into().unwrap()
}

#[wasm_bindgen_test]
async fn an_old_tab_holding_version_1_blocks_the_upgrade_which_is_then_dropped() {
    let name = db_name("blocked");
    let old_tab = raw_open(&name, Some(1)).await;

    assert_eq!(
        storage::open(&name).await.unwrap_err(),
        StorageError::Blocked
    );

    // The old tab goes. The upgrade that was asked for must not happen behind our back: the
    // database is still at version 1 (this open is queued after the abandoned one).
    old_tab.close();
    let raw = raw_open(&name, None).await;
    assert_eq!(raw.version(), 1.0);
    raw.close();

    // Trying again works.
    let db = storage::open(&name).await.unwrap();
    assert!(db.load().await.unwrap().fiches.is_empty());
    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_newer_tab_is_not_blocked_and_this_one_then_reports_newer_version() {
    let name = db_name("newer-tab");
    let db = storage::open(&name).await.unwrap();

    // Would hang if `db` kept its connection open.
    let newer = raw_open(&name, Some(storage::SCHEMA_VERSION + 1)).await;
    assert_eq!(db.load().await.unwrap_err(), StorageError::NewerVersion);
    newer.close();

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn deleting_the_database_is_not_blocked_by_an_open_db() {
    let name = db_name("delete-open");
    let db = storage::open(&name).await.unwrap();
    storage::delete_database(&name).await.unwrap();
    assert!(matches!(
        db.load().await.unwrap_err(),
        StorageError::Other(_)
    ));
    db.close();
}

#[wasm_bindgen_test]
async fn a_newer_tab_closing_us_is_told_at_once_not_at_the_next_write() {
    use std::cell::RefCell;
    use std::rc::Rc;

    let name = db_name("on-closed");
    let db = storage::open(&name).await.unwrap();
    let told: Rc<RefCell<Vec<StorageError>>> = Rc::default();
    {
        let told = Rc::clone(&told);
        db.on_closed(move |why| told.borrow_mut().push(why));
    }
    let newer = raw_open(&name, Some(storage::SCHEMA_VERSION + 1)).await;
    assert_eq!(
        *told.borrow(),
        [StorageError::NewerVersion],
        "told once, with the reason"
    );
    assert_eq!(db.load().await.unwrap_err(), StorageError::NewerVersion);
    newer.close();
    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn another_tab_reads_one_fiche_as_stored_and_none_once_deleted() {
    use carnet::domain::fiche::Fiche;
    use carnet::domain::summary::Summary;

    let name = db_name("get-fiche");
    let writer = storage::open(&name).await.unwrap();
    let reader = storage::open(&name).await.unwrap();
    let mut f = Fiche::new("f1".into(), chrono::Utc::now());
    f.last_name = "Bernard".into();
    assert_eq!(reader.get_fiche("f1").await.unwrap(), None);
    let saved = writer.save_fiche(&f).await.unwrap();
    assert_eq!(
        reader.get_fiche("f1").await.unwrap(),
        Some((saved, Summary::default()))
    );
    writer.delete_fiche("f1").await.unwrap();
    assert_eq!(reader.get_fiche("f1").await.unwrap(), None);
    assert!(reader.custom_fields().await.unwrap().is_empty());
    writer.close();
    reader.close();
    storage::delete_database(&name).await.unwrap();
}
