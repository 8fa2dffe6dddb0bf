//! History in real IndexedDB: every write keeps the stored summary equal to
//! `Summary::from_history` of the entries, and deleting a fiche deletes all its entries.

use crate::support::db_name;
use carnet::domain::fiche::Fiche;
use carnet::domain::history::{EntryStatus, HistoryEntry, HistoryKind};
use carnet::domain::summary::Summary;
use carnet::storage::{self, Db, StorageError};
use chrono::{DateTime, Utc};
use rexie::{KeyRange, Rexie, TransactionMode};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn entry(id: &str, fiche: &str, date: &str, kind: HistoryKind, cents: Option<i64>) -> HistoryEntry {
    HistoryEntry {
        id: id.into(),
        fiche_id: fiche.into(),
        date: date.parse::<DateTime<Utc>>().unwrap(),
        kind,
        label: format!("{kind:?} n°{id}"),
        amount_cents: cents,
        currency: "EUR".into(),
        status: None,
        text: "Échange cordial 👍".into(),
    }
}

async fn new_fiche(db: &Db, id: &str) -> Fiche {
    let f = Fiche::new(id.into(), "2024-01-01T00:00:00Z".parse().unwrap());
    db.save_fiche(&f).await.unwrap()
}

/// The stored summary (what `load` returns) and the history as stored.
async fn stored(db: &Db, id: &str) -> (Summary, Vec<HistoryEntry>) {
    let loaded = db.load().await.unwrap();
    let summary = loaded
        .fiches
        .into_iter()
        .find(|(f, _)| f.id == id)
        .unwrap()
        .1;
    (summary, db.history(id).await.unwrap())
}

#[wasm_bindgen_test]
async fn adding_editing_and_deleting_entries_keeps_the_summary_true() {
    let name = db_name("history");
    let db = storage::open(&name).await.unwrap();
    new_fiche(&db, "f1").await;
    new_fiche(&db, "f2").await;

    let purchase = entry(
        "e1",
        "f1",
        "2024-02-01T10:00:00Z",
        HistoryKind::Purchase,
        Some(12_990),
    );
    let returned = db.save_entry(&purchase).await.unwrap();
    assert_eq!(returned.orders, 1);
    assert_eq!(returned.total_spent_cents, 12_990);

    let steps = [
        entry("e2", "f1", "2024-03-05T15:30:00Z", HistoryKind::Call, None),
        entry(
            "e3",
            "f1",
            "2024-04-01T08:00:00Z",
            HistoryKind::Purchase,
            Some(4_500),
        ),
        entry("e4", "f1", "2023-12-24T18:00:00Z", HistoryKind::Note, None),
        entry(
            "x1",
            "f2",
            "2024-05-01T12:00:00Z",
            HistoryKind::Purchase,
            Some(99),
        ),
        HistoryEntry {
            status: Some(EntryStatus::Open),
            ..entry(
                "e5",
                "f1",
                "2024-04-02T09:00:00Z",
                HistoryKind::Complaint,
                None,
            )
        },
    ];
    for e in &steps {
        let returned = db.save_entry(e).await.unwrap();
        let (summary, history) = stored(&db, &e.fiche_id).await;
        assert_eq!(returned, summary);
        assert_eq!(summary, Summary::from_history(&history));
    }

    // Edit: the amount of a purchase changes.
    let mut edited = purchase.clone();
    edited.amount_cents = Some(10_000);
    let returned = db.save_entry(&edited).await.unwrap();
    let (summary, history) = stored(&db, "f1").await;
    assert_eq!(
        (returned.total_spent_cents, summary.clone()),
        (14_500, returned)
    );
    assert_eq!(summary, Summary::from_history(&history));
    assert_eq!(history.len(), 5);
    // Newest first.
    let dates: Vec<_> = history.iter().map(|e| e.date).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");

    // Delete: back to one purchase; deleting twice is fine.
    for _ in 0..2 {
        let returned = db.delete_entry("f1", "e3").await.unwrap();
        let (summary, history) = stored(&db, "f1").await;
        assert_eq!(returned, summary);
        assert_eq!(summary, Summary::from_history(&history));
        assert_eq!(summary.orders, 1);
    }
    // The other fiche was not touched.
    let (summary, history) = stored(&db, "f2").await;
    assert_eq!((summary.orders, history.len()), (1, 1));

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn entries_need_their_fiche_and_cannot_change_fiche() {
    let name = db_name("history-refused");
    let db = storage::open(&name).await.unwrap();
    new_fiche(&db, "f1").await;
    new_fiche(&db, "f2").await;

    let orphan = entry(
        "e1",
        "nobody",
        "2024-02-01T10:00:00Z",
        HistoryKind::Call,
        None,
    );
    assert_eq!(
        db.save_entry(&orphan).await,
        Err(StorageError::NotFound {
            id: "nobody".into()
        })
    );
    // Nothing of the refused write remains.
    assert!(db.history("nobody").await.unwrap().is_empty());

    let e = entry(
        "e1",
        "f1",
        "2024-02-01T10:00:00Z",
        HistoryKind::Purchase,
        Some(500),
    );
    db.save_entry(&e).await.unwrap();
    let moved = HistoryEntry {
        fiche_id: "f2".into(),
        ..e.clone()
    };
    assert!(matches!(
        db.save_entry(&moved).await,
        Err(StorageError::Other(_))
    ));
    assert!(matches!(
        db.delete_entry("f2", "e1").await,
        Err(StorageError::Other(_))
    ));
    assert_eq!(db.history("f1").await.unwrap(), vec![e]);

    db.close();
    storage::delete_database(&name).await.unwrap();
}

/// Counts the records of the history store, all or those of one fiche, bypassing `storage`.
async fn count_history(name: &str, fiche_id: Option<&str>) -> u32 {
    // No version and no stores declared: opens the database as it is, without upgrading it.
    let raw = Rexie::builder(name).build().await.unwrap();
    let tx = raw
        .transaction(&["history"], TransactionMode::ReadOnly)
        .unwrap();
    let store = tx.store("history").unwrap();
    let n = match fiche_id {
        None => store.count(None).await.unwrap(),
        Some(id) => {
            let only = KeyRange::only(&JsValue::from_str(id)).unwrap();
            store
                .index("fiche_id")
                .unwrap()
                .count(Some(only))
                .await
                .unwrap()
        }
    };
    tx.done().await.unwrap();
    raw.close();
    n
}

#[wasm_bindgen_test]
async fn deleting_a_fiche_deletes_every_entry_of_it_from_indexeddb() {
    let name = db_name("cascade");
    let db = storage::open(&name).await.unwrap();
    new_fiche(&db, "f1").await;
    new_fiche(&db, "f2").await;
    for i in 0..30 {
        let day = format!("2024-01-{:02}T10:00:00Z", i % 28 + 1);
        let kind = HistoryKind::ALL[i % HistoryKind::ALL.len()];
        db.save_entry(&entry(&format!("a{i}"), "f1", &day, kind, Some(100)))
            .await
            .unwrap();
    }
    db.save_entry(&entry(
        "b1",
        "f2",
        "2024-01-01T10:00:00Z",
        HistoryKind::Visit,
        None,
    ))
    .await
    .unwrap();
    assert_eq!(count_history(&name, Some("f1")).await, 30);

    db.delete_fiche("f1").await.unwrap();
    assert_eq!(count_history(&name, Some("f1")).await, 0);
    assert_eq!(count_history(&name, None).await, 1);
    let loaded = db.load().await.unwrap();
    assert_eq!(loaded.fiches.len(), 1);
    assert_eq!(loaded.fiches[0].1.contacts, 1);

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn entries_dated_like_reads_the_period_of_the_entries_given() {
    let name = db_name("dated-like");
    let db = storage::open(&name).await.unwrap();
    for id in ["f1", "f2", "f3"] {
        new_fiche(&db, id).await;
    }
    let e1 = entry(
        "e1",
        "f1",
        "2024-02-01T10:00:00Z",
        HistoryKind::Purchase,
        Some(500),
    );
    let e2 = entry("e2", "f1", "2024-02-02T10:00:00Z", HistoryKind::Call, None);
    let e3 = entry("e3", "f2", "2024-02-03T10:00:00Z", HistoryKind::Note, None);
    let e4 = entry("e4", "f3", "2024-02-04T10:00:00Z", HistoryKind::Visit, None);
    let e5 = entry("e5", "f3", "2024-02-05T10:00:00Z", HistoryKind::Visit, None);
    for e in [&e1, &e2, &e3, &e4, &e5] {
        db.save_entry(e).await.unwrap();
    }
    // New rows of a file for f1 and f2, dated like e4 and e2 (in that order): the stored
    // entries of f1 and f2 from e2's date to e4's (e4 is f3's, e1 and e5 out of the period).
    let rows = [
        entry(
            "n1",
            "f1",
            "2024-02-04T10:00:00Z",
            HistoryKind::Purchase,
            Some(1),
        ),
        entry(
            "n2",
            "f2",
            "2024-02-02T10:00:00Z",
            HistoryKind::Purchase,
            Some(2),
        ),
    ];
    let mut got = db.entries_dated_like(&rows).await.unwrap();
    got.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(got, vec![e2, e3]);
    assert!(db.entries_dated_like(&[]).await.unwrap().is_empty());

    db.close();
    storage::delete_database(&name).await.unwrap();
}
