//! The analyses' history log in real IndexedDB: rebuilt from the whole history store across
//! its read chunks, stored with the snapshot under its stamp, and refused once the file moved.

use crate::support::{at, db_name};
use carnet::domain::analytics::Log;
use carnet::domain::fiche::Fiche;
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::summary::Summary;
use carnet::storage::{self, Db, LOG_CHUNK, LOG_MIN};
use chrono::Duration;
use wasm_bindgen_test::*;

fn fiches(n: usize) -> Vec<Fiche> {
    (0..n)
        .map(|i| {
            let mut f = Fiche::new(format!("f{i:05}"), at("2023-01-01T08:00:00Z"));
            f.last_name = format!("Client {i}");
            f
        })
        .collect()
}

/// `per` entries for each of the `n` fiches: purchases of (i + k) euros, a campaign every
/// tenth entry, one day apart.
fn entries(n: usize, per: usize) -> Vec<HistoryEntry> {
    let mut out = Vec::with_capacity(n * per);
    for i in 0..n {
        for k in 0..per {
            let campaign = k % 10 == 9;
            out.push(HistoryEntry {
                id: format!("e{i:05}-{k:03}"),
                fiche_id: format!("f{i:05}"),
                date: at("2024-01-01T12:00:00Z") + Duration::days(k as i64),
                kind: if campaign {
                    HistoryKind::Campaign
                } else {
                    HistoryKind::Purchase
                },
                label: if campaign {
                    "Soldes".into()
                } else {
                    String::new()
                },
                amount_cents: (!campaign).then_some(((i + k) * 100) as i64),
                currency: "EUR".into(),
                status: None,
                text: String::new(),
            });
        }
    }
    out
}

fn same(a: &Log, b: &Log) {
    assert_eq!(a.len(), b.len());
    for slot in 0..a.slots() as u32 {
        let id = a.id(slot);
        let other = b.slot(id).expect("same fiches");
        let left: Vec<_> = a
            .entries(slot)
            .map(|e| (e.day, e.kind, e.amount, a.label(e.label).to_string()))
            .collect();
        let right: Vec<_> = b
            .entries(other)
            .map(|e| (e.day, e.kind, e.amount, b.label(e.label).to_string()))
            .collect();
        assert_eq!(left, right, "fiche {id}");
    }
}

async fn snapshot_with_log(db: &Db, loaded: &[(Fiche, Summary)], log: &Log) -> bool {
    let mut draft = db.begin_snapshot(loaded.len()).unwrap();
    let refs: Vec<(&Fiche, &Summary)> = loaded.iter().map(|(f, s)| (f, s)).collect();
    draft.push(&refs).unwrap();
    draft.set_log(log);
    db.write_snapshot(draft.finish()).await.unwrap()
}

#[wasm_bindgen_test]
async fn the_log_is_rebuilt_across_chunks_and_stored_only_for_its_stamp() {
    let name = db_name("history-log");
    let db = storage::open(&name).await.unwrap();
    // 210 × 100 = 21,000 entries: over LOG_MIN, several read chunks and a part of one.
    let all = entries(210, 100);
    assert!(all.len() >= LOG_MIN && !all.len().is_multiple_of(LOG_CHUNK as usize));
    db.bulk_insert(&fiches(210), &all).await.unwrap();
    let loaded = db.load().await.unwrap();
    assert!(loaded.log.is_none(), "none stored yet");

    let mut calls = Vec::new();
    let log = db
        .history_log(|read, total| calls.push((read, total)))
        .await
        .unwrap();
    same(&log, &Log::from_entries(&all));
    let chunk = LOG_CHUNK as usize;
    let expected: Vec<(usize, usize)> = (1..=all.len().div_ceil(chunk))
        .map(|k| ((k * chunk).min(all.len()), all.len()))
        .collect();
    assert_eq!(calls, expected, "one call per chunk read");

    assert!(snapshot_with_log(&db, &loaded.fiches, &log).await);
    db.close();
    let db = storage::open(&name).await.unwrap();
    let again = db.load().await.unwrap();
    same(&again.log.expect("stored with the snapshot"), &log);

    // A write to the history moves the stamp: the stored log is no longer used.
    let mut e = all[5].clone();
    e.amount_cents = Some(1);
    db.save_entry(&e).await.unwrap();
    assert!(db.load().await.unwrap().log.is_none());
    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_small_log_is_not_stored_and_histories_reads_each_fiche() {
    let name = db_name("history-log-small");
    let db = storage::open(&name).await.unwrap();
    let all = entries(3, 4);
    db.bulk_insert(&fiches(3), &all).await.unwrap();
    let loaded = db.load().await.unwrap();
    let log = db.history_log(|_, _| {}).await.unwrap();
    assert_eq!(log.len(), 12);
    snapshot_with_log(&db, &loaded.fiches, &log).await;
    assert!(
        db.load().await.unwrap().log.is_none(),
        "under LOG_MIN: rebuilt at start"
    );

    let ids = vec![
        "f00002".to_string(),
        "nobody".to_string(),
        "f00000".to_string(),
    ];
    let read = db.histories(&ids).await.unwrap();
    assert_eq!(read.iter().map(Vec::len).collect::<Vec<_>>(), vec![4, 0, 4]);
    assert!(read[0].iter().all(|e| e.fiche_id == "f00002"));
    db.close();
    storage::delete_database(&name).await.unwrap();
}
