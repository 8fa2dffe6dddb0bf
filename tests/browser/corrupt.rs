//! Records that do not decode (written by hand, by a bug, by another program): nothing panics,
//! `load` skips and lists them, other calls refuse with `Corrupt` and write nothing.

use crate::support::db_name;
use carnet::domain::fiche::Fiche;
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::storage::{self, StorageError};
use rexie::{Rexie, TransactionMode};
use wasm_bindgen_test::*;

/// Puts a raw JSON record into `store`, bypassing `storage`.
async fn put_raw(name: &str, store: &str, record: serde_json::Value) {
    let raw = Rexie::builder(name).build().await.unwrap();
    let tx = raw
        .transaction(&[store], TransactionMode::ReadWrite)
        .unwrap();
    let value = js_sys::JSON::parse(&record.to_string()).unwrap();
    tx.store(store).unwrap().put(&value, None).await.unwrap();
    tx.done().await.unwrap();
    raw.close();
}

fn is_corrupt<T: std::fmt::Debug>(result: &Result<T, StorageError>) -> bool {
    matches!(result, Err(StorageError::Corrupt(_)))
}

#[wasm_bindgen_test]
async fn corrupt_records_are_reported_never_panicked_on() {
    let name = db_name("corrupt");
    let db = storage::open(&name).await.unwrap();
    let t0 = "2024-01-01T00:00:00Z".parse().unwrap();
    let a = db.save_fiche(&Fiche::new("a".into(), t0)).await.unwrap();

    let bad_fiche = serde_json::json!({"id": "zzz", "fiche": {"id": 5}, "summary": {}});
    put_raw(&name, "fiches", bad_fiche).await;
    let bad_defs = serde_json::json!({"key": "custom_fields", "value": "oops"});
    put_raw(&name, "meta", bad_defs).await;

    let loaded = db.load().await.unwrap();
    assert_eq!(loaded.fiches.len(), 1);
    assert_eq!(loaded.fiches[0].0, a);
    assert!(loaded.custom_fields.is_empty());
    let corrupt: Vec<_> = loaded
        .corrupt
        .iter()
        .map(|c| (c.store, c.key.as_str()))
        .collect();
    assert_eq!(corrupt, [("fiches", "zzz"), ("meta", "custom_fields")]);

    // Saving over the unreadable fiche is refused rather than guessed at.
    let over = Fiche::new("zzz".into(), t0);
    assert!(is_corrupt(&db.save_fiche(&over).await));

    // A history entry that does not decode: the timeline and the summary refuse to lie.
    let bad_entry =
        serde_json::json!({"id": "h-bad", "fiche_id": "a", "date": "hier", "kind": "call"});
    put_raw(&name, "history", bad_entry).await;
    assert!(is_corrupt(&db.history("a").await));
    let good = HistoryEntry {
        id: "h-1".into(),
        fiche_id: "a".into(),
        date: t0,
        kind: HistoryKind::Purchase,
        label: "Bouquet 💐".into(),
        amount_cents: Some(2_500),
        currency: "EUR".into(),
        status: None,
        text: String::new(),
    };
    assert!(is_corrupt(&db.save_entry(&good).await));
    // Nothing of it was written: the summary is still empty. Deleting the bad entry repairs it.
    assert_eq!(db.load().await.unwrap().fiches[0].1.orders, 0);
    db.delete_entry("a", "h-bad").await.unwrap();
    assert_eq!(db.save_entry(&good).await.unwrap().orders, 1);
    assert_eq!(db.history("a").await.unwrap(), vec![good]);

    db.close();
    storage::delete_database(&name).await.unwrap();
}
