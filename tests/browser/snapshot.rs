//! The startup snapshot in real IndexedDB: used only while it matches the file, never written
//! over a newer state, dropped for small files.

use crate::support::db_name;
use carnet::domain::fiche::Fiche;
use carnet::domain::summary::Summary;
use carnet::storage::{self, Db, SNAPSHOT_MIN};
use chrono::{DateTime, Duration, Utc};
use rexie::{Rexie, TransactionMode};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn fiches(n: usize) -> Vec<Fiche> {
    let start: DateTime<Utc> = "2023-05-01T08:00:00Z".parse().unwrap();
    (0..n)
        .map(|i| {
            let mut f = Fiche::new(format!("s{i:06}"), start + Duration::minutes(i as i64));
            f.first_name = ["Zoé", "Noël", "Ana"][i % 3].into();
            f.last_name = format!("Client « {i} »");
            f.notes = "ligne 1\nligne 2; \"guillemets\"".into();
            f
        })
        .collect()
}

/// Prepares a snapshot from what `load` gave (as the app does from memory) and writes it.
async fn snapshot_of(db: &Db, loaded: &[(Fiche, Summary)]) -> bool {
    let refs: Vec<(&Fiche, &Summary)> = loaded.iter().map(|(f, s)| (f, s)).collect();
    match db.prepare_snapshot(&refs).unwrap() {
        Some(s) => db.write_snapshot(s).await.unwrap(),
        None => false,
    }
}

#[wasm_bindgen_test]
async fn a_current_snapshot_is_used_and_any_write_makes_it_stale() {
    let name = db_name("snapshot");
    let db = storage::open(&name).await.unwrap();
    db.bulk_insert(&fiches(SNAPSHOT_MIN), &[]).await.unwrap();
    let first = db.load().await.unwrap();
    assert!(!first.from_snapshot, "nothing written yet");
    assert!(snapshot_of(&db, &first.fiches).await);
    db.close();

    // A new connection (the next start) reads the same file from the snapshot.
    let db = storage::open(&name).await.unwrap();
    let second = db.load().await.unwrap();
    assert!(second.from_snapshot);
    assert_eq!(second.fiches, first.fiches);

    // Any write to the fiches makes it stale: the next load reads the store, with the change.
    let mut edited = second.fiches[7].0.clone();
    edited.notes = "changé".into();
    let saved = db.save_fiche(&edited).await.unwrap();
    let third = db.load().await.unwrap();
    assert!(!third.from_snapshot);
    let found = third.fiches.iter().find(|(f, _)| f.id == saved.id).unwrap();
    assert_eq!(found.0, saved);

    // Rewritten from the state after that write (what memory holds), it is current again.
    assert!(snapshot_of(&db, &third.fiches).await);
    let fourth = db.load().await.unwrap();
    assert!(fourth.from_snapshot);
    assert_eq!(fourth.fiches, third.fiches);

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_snapshot_prepared_before_a_write_is_not_stored() {
    let name = db_name("snapshot-stale");
    let db = storage::open(&name).await.unwrap();
    db.bulk_insert(&fiches(SNAPSHOT_MIN), &[]).await.unwrap();
    let loaded = db.load().await.unwrap();
    let refs: Vec<(&Fiche, &Summary)> = loaded.fiches.iter().map(|(f, s)| (f, s)).collect();
    let prepared = db.prepare_snapshot(&refs).unwrap().unwrap();

    // Another connection (another tab) writes in between.
    let other = storage::open(&name).await.unwrap();
    other.delete_fiche(&loaded.fiches[0].0.id).await.unwrap();
    other.close();

    assert!(!db.write_snapshot(prepared).await.unwrap());
    let again = db.load().await.unwrap();
    assert!(!again.from_snapshot);
    assert_eq!(again.fiches.len(), SNAPSHOT_MIN - 1);

    // After taking in another tab's change, memory is not known to match: nothing prepared.
    db.forget_stamp();
    assert!(db.prepare_snapshot(&refs).unwrap().is_none());

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_small_file_keeps_no_snapshot() {
    let name = db_name("snapshot-small");
    let db = storage::open(&name).await.unwrap();
    db.bulk_insert(&fiches(SNAPSHOT_MIN), &[]).await.unwrap();
    let loaded = db.load().await.unwrap();
    assert!(snapshot_of(&db, &loaded.fiches).await);

    // The file shrinks below the threshold: the snapshot is deleted rather than rewritten.
    let ids: Vec<String> = loaded.fiches[..10]
        .iter()
        .map(|(f, _)| f.id.clone())
        .collect();
    for id in &ids {
        db.delete_fiche(id).await.unwrap();
    }
    let small = db.load().await.unwrap();
    assert!(!small.from_snapshot);
    assert!(snapshot_of(&db, &small.fiches).await);
    let after = db.load().await.unwrap();
    assert!(!after.from_snapshot);
    assert_eq!(after.fiches.len(), SNAPSHOT_MIN - 10);

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_file_never_stamped_gets_a_snapshot_too() {
    // Records written by something other than this storage code (here rexie; in life, a file
    // last written before schema 3): no stamp record exists.
    let name = db_name("snapshot-unstamped");
    storage::open(&name).await.unwrap().close();
    let raw = rexie::Rexie::builder(&name).build().await.unwrap();
    let tx = raw
        .transaction(&["fiches"], rexie::TransactionMode::ReadWrite)
        .unwrap();
    let records = fiches(SNAPSHOT_MIN).into_iter().map(|f| {
        let record = serde_json::json!({"id": f.id, "fiche": f, "summary": Summary::default()});
        (js_sys::JSON::parse(&record.to_string()).unwrap(), None)
    });
    tx.store("fiches").unwrap().put_all(records).await.unwrap();
    tx.done().await.unwrap();
    raw.close();

    let db = storage::open(&name).await.unwrap();
    let loaded = db.load().await.unwrap();
    assert!(!loaded.from_snapshot);
    assert_eq!(loaded.fiches.len(), SNAPSHOT_MIN);
    assert!(snapshot_of(&db, &loaded.fiches).await);
    db.close();

    let db = storage::open(&name).await.unwrap();
    let again = db.load().await.unwrap();
    assert!(again.from_snapshot);
    assert_eq!(again.fiches, loaded.fiches);
    db.close();
    storage::delete_database(&name).await.unwrap();
}

/// Sets the fiche count written with the stored snapshot, bypassing `storage`.
async fn set_count(name: &str, count: f64) {
    let raw = Rexie::builder(name).build().await.unwrap();
    let tx = raw
        .transaction(&["cache"], TransactionMode::ReadWrite)
        .unwrap();
    let store = tx.store("cache").unwrap();
    let record = store.get(JsValue::from_str("fiches")).await.unwrap();
    let record = record.expect("a stored snapshot");
    js_sys::Reflect::set(
        &record,
        &JsValue::from_str("count"),
        &JsValue::from_f64(count),
    )
    .unwrap();
    store.put(&record, None).await.unwrap();
    tx.done().await.unwrap();
    raw.close();
}

#[wasm_bindgen_test]
async fn the_count_written_with_a_snapshot_is_only_a_hint() {
    let name = db_name("count");
    let db = storage::open(&name).await.unwrap();
    db.bulk_insert(&fiches(SNAPSHOT_MIN), &[]).await.unwrap();
    let first = db.load().await.unwrap();
    assert!(snapshot_of(&db, &first.fiches).await);
    db.close();
    // Wrong, absurd or missing: the same file, from the snapshot, and no abort.
    for count in [3.0, 0.0, 1e15, -1.0, f64::NAN, (SNAPSHOT_MIN * 1000) as f64] {
        set_count(&name, count).await;
        let db = storage::open(&name).await.unwrap();
        let again = db.load().await.unwrap();
        assert!(again.from_snapshot, "count {count}");
        assert_eq!(again.fiches, first.fiches, "count {count}");
        db.close();
    }
}

#[wasm_bindgen_test]
async fn a_snapshot_encoded_in_slices_is_refused_after_a_write_between_them() {
    let name = db_name("slices");
    let db = storage::open(&name).await.unwrap();
    db.bulk_insert(&fiches(SNAPSHOT_MIN + 10), &[])
        .await
        .unwrap();
    let first = db.load().await.unwrap();
    let refs: Vec<(&Fiche, &Summary)> = first.fiches.iter().map(|(f, s)| (f, s)).collect();

    // A save commits between two slices: what was encoded mixes two states, and is not stored.
    let mut draft = db.begin_snapshot(refs.len()).unwrap();
    draft.push(&refs[..1_000]).unwrap();
    let mut edited = first.fiches[3].0.clone();
    edited.notes = "entre deux tranches".into();
    db.save_fiche(&edited).await.unwrap();
    draft.push(&refs[1_000..]).unwrap();
    assert!(!db.write_snapshot(draft.finish()).await.unwrap());

    // Nothing between the slices: stored, and the next start reads the file from it.
    let second = db.load().await.unwrap();
    assert!(!second.from_snapshot);
    let refs: Vec<(&Fiche, &Summary)> = second.fiches.iter().map(|(f, s)| (f, s)).collect();
    let mut draft = db.begin_snapshot(refs.len()).unwrap();
    for slice in refs.chunks(777) {
        draft.push(slice).unwrap();
    }
    assert!(db.write_snapshot(draft.finish()).await.unwrap());
    db.close();
    let db = storage::open(&name).await.unwrap();
    let third = db.load().await.unwrap();
    assert!(third.from_snapshot);
    assert_eq!(third.fiches, second.fiches);
    assert!(third
        .fiches
        .iter()
        .any(|(f, _)| f.notes == "entre deux tranches"));
    db.close();
}
