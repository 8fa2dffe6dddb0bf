//! Schema migrations against real IndexedDB: a version 1 database, built with rexie from a stored
//! fixture exactly as version 1 laid it out, opened by `storage::open`; and databases from a
//! newer version, which must be refused without being touched.

use std::collections::HashMap;

use crate::support::db_name;
use carnet::domain::custom_field::CustomFieldDef;
use carnet::domain::fiche::Fiche;
use carnet::domain::history::HistoryEntry;
use carnet::domain::summary::Summary;
use carnet::storage::{self, StorageError, SCHEMA_VERSION};
use rexie::{Index, ObjectStore, Rexie, TransactionMode};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const FIXTURE: &str = include_str!("../fixtures/schema_v1.json");

fn fixture() -> Value {
    serde_json::from_str(FIXTURE).unwrap()
}

fn js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

fn records<T: serde::de::DeserializeOwned>(fixture: &Value, store: &str) -> Vec<T> {
    serde_json::from_value(fixture[store].clone()).unwrap()
}

/// The stores as version 1 declared them; `date_index` adds what version 2 declares, and from
/// version 3 on the `cache` store is there too.
fn layout(name: &str, version: u32, date_index: bool) -> rexie::RexieBuilder {
    let mut history = ObjectStore::new("history")
        .key_path("id")
        .add_index(Index::new("fiche_id", "fiche_id"));
    if date_index {
        history = history.add_index(Index::new("date", "date"));
    }
    let builder = Rexie::builder(name)
        .version(version)
        .add_object_store(ObjectStore::new("fiches").key_path("id"))
        .add_object_store(history)
        .add_object_store(ObjectStore::new("meta").key_path("key"));
    if version >= 3 {
        builder.add_object_store(ObjectStore::new("cache").key_path("key"))
    } else {
        builder
    }
}

/// Writes the fixture's records as they are (bare fiches, no schema record) into a database
/// built by `builder`, then closes it.
async fn write_raw(builder: rexie::RexieBuilder, fixture: &Value) {
    let db = builder.build().await.unwrap();
    let stores = ["fiches", "history", "meta"];
    let tx = db.transaction(&stores, TransactionMode::ReadWrite).unwrap();
    for store in stores {
        let values = fixture[store].as_array().unwrap().iter();
        let put = values.map(|v| (js(v), None));
        tx.store(store).unwrap().put_all(put).await.unwrap();
    }
    tx.done().await.unwrap();
    db.close();
}

/// Checks that every fixture record came through, with summaries equal to what the history says.
async fn assert_migrated(name: &str, fixture: &Value) {
    let fiches: Vec<Fiche> = records(fixture, "fiches");
    let entries: Vec<HistoryEntry> = records(fixture, "history");
    let mut by_fiche: HashMap<&str, Vec<HistoryEntry>> = HashMap::new();
    for e in &entries {
        by_fiche.entry(&e.fiche_id).or_default().push(e.clone());
    }

    let db = storage::open(name).await.unwrap();
    let loaded = db.load().await.unwrap();
    assert!(loaded.corrupt.is_empty(), "{:?}", loaded.corrupt);
    assert_eq!(loaded.fiches.len(), fiches.len());
    for expected in &fiches {
        let (fiche, summary) = loaded
            .fiches
            .iter()
            .find(|(f, _)| f.id == expected.id)
            .unwrap();
        assert_eq!(fiche, expected);
        let history = by_fiche.remove(expected.id.as_str()).unwrap_or_default();
        assert_eq!(summary, &Summary::from_history(&history), "{}", expected.id);
        let mut stored = db.history(&expected.id).await.unwrap();
        stored.reverse();
        let mut history = history;
        history.sort_by_key(|e| e.date);
        assert_eq!(stored, history);
    }
    assert!(by_fiche.is_empty(), "entries of unknown fiches");

    let defs: Vec<CustomFieldDef> =
        serde_json::from_value(fixture["meta"][0]["value"].clone()).unwrap();
    assert_eq!(loaded.custom_fields, defs);
    let prefs: Option<Value> = db.get_meta("prefs").await.unwrap();
    assert_eq!(prefs.as_ref(), Some(&fixture["meta"][1]["value"]));
    assert_eq!(
        db.get_meta::<u32>("schema").await.unwrap(),
        Some(SCHEMA_VERSION)
    );
    db.close();

    // The layout itself, seen without `storage`: the current version, the `date` index, the
    // `cache` store, wrapped records.
    let raw = Rexie::builder(name).build().await.unwrap();
    assert_eq!(raw.version(), Ok(SCHEMA_VERSION));
    assert!(raw.store_names().contains(&"cache".to_string()));
    let tx = raw
        .transaction(&["fiches", "history"], TransactionMode::ReadOnly)
        .unwrap();
    let mut indexes = tx.store("history").unwrap().index_names();
    indexes.sort();
    assert_eq!(indexes, ["date", "fiche_id"]);
    let first = JsValue::from_str(&fiches[0].id);
    let record = tx
        .store("fiches")
        .unwrap()
        .get(first)
        .await
        .unwrap()
        .unwrap();
    let record: Value =
        serde_json::from_str(&String::from(js_sys::JSON::stringify(&record).unwrap())).unwrap();
    assert_eq!(record["id"], fiches[0].id.as_str());
    assert_eq!(record["fiche"]["last_name"], "Lefèvre");
    // Two purchases and a refund (-12,05 €, after the complaint): a refund is not an order.
    assert_eq!(record["summary"]["orders"], 2);
    tx.done().await.unwrap();
    raw.close();
}

#[wasm_bindgen_test]
async fn a_version_1_database_is_migrated_with_every_record_and_true_summaries() {
    let name = db_name("migrate-v1");
    let fixture = fixture();
    assert_eq!(fixture["idb_version"], 1);
    write_raw(layout(&name, 1, false), &fixture).await;

    assert_migrated(&name, &fixture).await;
    // Opening again finds the current schema and changes nothing.
    assert_migrated(&name, &fixture).await;

    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_upgrade_interrupted_after_the_structural_step_is_finished_on_next_open() {
    // IndexedDB version 2 with its indexes, but the records still as version 1 left them.
    let name = db_name("migrate-interrupted");
    let fixture = fixture();
    write_raw(layout(&name, 2, true), &fixture).await;

    assert_migrated(&name, &fixture).await;

    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_version_1_record_that_does_not_decode_is_kept_and_reported() {
    let name = db_name("migrate-corrupt");
    let mut fixture = fixture();
    let bad = serde_json::json!({"id": "bad-1", "last_name": 42, "notes": "no created_at"});
    fixture["fiches"].as_array_mut().unwrap().push(bad);
    write_raw(layout(&name, 1, false), &fixture).await;

    let db = storage::open(&name).await.unwrap();
    let loaded = db.load().await.unwrap();
    assert_eq!(loaded.fiches.len(), 5);
    assert_eq!(loaded.corrupt.len(), 1);
    assert_eq!(
        (loaded.corrupt[0].store, loaded.corrupt[0].key.as_str()),
        ("fiches", "bad-1")
    );
    db.close();

    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let name = db_name("newer-idb");
    write_raw(layout(&name, SCHEMA_VERSION + 1, true), &fixture()).await;

    assert_eq!(
        storage::open(&name).await.unwrap_err(),
        StorageError::NewerVersion
    );
    let raw = Rexie::builder(&name).build().await.unwrap();
    assert_eq!(raw.version(), Ok(SCHEMA_VERSION + 1));
    raw.close();

    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn newer_records_under_the_current_idb_version_are_refused() {
    let name = db_name("newer-schema");
    let mut fixture = fixture();
    let schema = serde_json::json!({"key": "schema", "value": SCHEMA_VERSION + 1});
    fixture["meta"].as_array_mut().unwrap().push(schema);
    write_raw(layout(&name, SCHEMA_VERSION, true), &fixture).await;

    assert_eq!(
        storage::open(&name).await.unwrap_err(),
        StorageError::NewerVersion
    );

    storage::delete_database(&name).await.unwrap();
}
