//! Bulk inserts (demo data, imports) in real IndexedDB: one transaction, everything or nothing,
//! summaries computed on the way. Prints its timings; they never fail the test.

use std::collections::HashMap;

use crate::support::{db_name, now_ms};
use carnet::domain::fiche::{Address, Fiche, FicheKind, Status};
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::summary::Summary;
use carnet::storage::{self, StorageError};
use chrono::{DateTime, Duration, Utc};
use rexie::{Rexie, TransactionMode};
use wasm_bindgen_test::*;

fn start() -> DateTime<Utc> {
    "2022-01-01T08:00:00Z".parse().unwrap()
}

/// `n` fiches with `per_fiche` entries each, all different, deterministic.
fn generate(n: usize, per_fiche: usize) -> (Vec<Fiche>, Vec<HistoryEntry>) {
    let mut fiches = Vec::with_capacity(n);
    let mut entries = Vec::with_capacity(n * per_fiche);
    for i in 0..n {
        let mut f = Fiche::new(format!("f{i:06}"), start() + Duration::minutes(i as i64));
        f.kind = if i % 7 == 0 {
            FicheKind::Company
        } else {
            FicheKind::Person
        };
        f.status = if i % 3 == 0 {
            Status::Prospect
        } else {
            Status::Client
        };
        f.first_name = ["Zoé", "Jérôme", "Anaïs", "Łukasz", "Ana"][i % 5].into();
        f.last_name = format!("Client n°{i}");
        f.company = format!("Société {} 🏪", i % 97);
        f.addresses.push(Address {
            city: ["Besançon", "Orléans", "Nîmes", "Évry"][i % 4].into(),
            ..Address::default()
        });
        f.tags = vec![format!("lot-{}", i % 10)];
        f.version = (i % 4) as u32;
        for j in 0..per_fiche {
            let kind = HistoryKind::ALL[(i + j) % HistoryKind::ALL.len()];
            entries.push(HistoryEntry {
                id: format!("e{i:06}-{j:02}"),
                fiche_id: f.id.clone(),
                date: start() + Duration::hours((i * per_fiche + j) as i64),
                kind,
                label: format!("{kind:?} {j}"),
                amount_cents: kind
                    .has_amount()
                    .then_some(((i * 31 + j * 7) % 50_000) as i64),
                currency: "EUR".into(),
                status: None,
                text: String::new(),
            });
        }
        fiches.push(f);
    }
    (fiches, entries)
}

fn expected_summaries(entries: &[HistoryEntry]) -> HashMap<String, Summary> {
    let mut by_fiche: HashMap<String, Vec<&HistoryEntry>> = HashMap::new();
    for e in entries {
        by_fiche.entry(e.fiche_id.clone()).or_default().push(e);
    }
    by_fiche
        .into_iter()
        .map(|(id, list)| (id, Summary::from_history(list)))
        .collect()
}

async fn count(name: &str, store: &str) -> u32 {
    let raw = Rexie::builder(name).build().await.unwrap();
    let tx = raw
        .transaction(&[store], TransactionMode::ReadOnly)
        .unwrap();
    let n = tx.store(store).unwrap().count(None).await.unwrap();
    tx.done().await.unwrap();
    raw.close();
    n
}

/// Inserts, reloads in a fresh connection and compares everything; returns nothing, prints times.
async fn round_trip(test: &str, n: usize, per_fiche: usize) {
    let name = db_name(test);
    let (fiches, entries) = generate(n, per_fiche);
    let expected = expected_summaries(&entries);

    let db = storage::open(&name).await.unwrap();
    let t0 = now_ms();
    let inserted = db.bulk_insert(&fiches, &entries).await.unwrap();
    let t_insert = now_ms() - t0;
    assert_eq!(inserted.len(), n);
    for (f, s) in &inserted {
        assert_eq!(s, &expected.get(&f.id).cloned().unwrap_or_default());
    }
    db.close();

    let db = storage::open(&name).await.unwrap();
    let t0 = now_ms();
    let loaded = db.load().await.unwrap();
    let t_load = now_ms() - t0;
    assert!(loaded.corrupt.is_empty());
    assert_eq!(loaded.fiches, inserted);
    // Stored as given: versions and timestamps of an import or a backup are kept.
    let stored: Vec<Fiche> = loaded.fiches.into_iter().map(|(f, _)| f).collect();
    assert_eq!(stored, fiches);
    for id in [&fiches[0].id, &fiches[n / 2].id, &fiches[n - 1].id] {
        let history = db.history(id).await.unwrap();
        assert_eq!(history.len(), per_fiche);
        assert_eq!(Summary::from_history(&history), expected[id.as_str()]);
    }
    db.close();
    assert_eq!(count(&name, "history").await as usize, entries.len());

    // The startup snapshot, as the app writes it after a start that could not use one.
    let db = storage::open(&name).await.unwrap();
    let loaded = db.load().await.unwrap();
    let refs: Vec<(&Fiche, &Summary)> = loaded.fiches.iter().map(|(f, s)| (f, s)).collect();
    let t0 = now_ms();
    let prepared = db.prepare_snapshot(&refs).unwrap().unwrap();
    let written = db.write_snapshot(prepared).await.unwrap();
    let t_snapshot = now_ms() - t0;
    assert!(written);
    db.close();
    let db = storage::open(&name).await.unwrap();
    let t0 = now_ms();
    let from_snapshot = db.load().await.unwrap();
    let t_load_snapshot = now_ms() - t0;
    assert_eq!(from_snapshot.from_snapshot, n >= storage::SNAPSHOT_MIN);
    assert_eq!(from_snapshot.fiches, loaded.fiches);
    db.close();

    console_log!(
        "{test}: bulk_insert of {n} fiches + {} entries {t_insert:.0} ms; load {t_load:.0} ms; \
         snapshot write {t_snapshot:.0} ms; load with snapshot {t_load_snapshot:.0} ms",
        entries.len()
    );
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn two_thousand_fiches_and_twenty_thousand_entries_round_trip() {
    round_trip("bulk-2k", 2_000, 10).await;
}

/// The size the app must handle. About a minute in a debug build: run it with
/// `-- --include-ignored`.
#[wasm_bindgen_test]
#[ignore]
async fn a_hundred_thousand_fiches_round_trip() {
    round_trip("bulk-100k", 100_000, 2).await;
}

#[wasm_bindgen_test]
async fn a_refused_bulk_insert_writes_nothing() {
    let name = db_name("bulk-refused");
    let db = storage::open(&name).await.unwrap();
    let (fiches, entries) = generate(20, 3);
    db.bulk_insert(&fiches[..10], &entries[..30]).await.unwrap();

    // A fiche already stored, a fiche twice, an entry of an unknown fiche: all refused up front.
    let again = db.bulk_insert(&fiches[5..15], &[]).await;
    assert_eq!(
        again,
        Err(StorageError::Conflict {
            id: fiches[5].id.clone()
        })
    );
    let twice = [fiches[12].clone(), fiches[12].clone()];
    let twice = db.bulk_insert(&twice, &[]).await;
    assert_eq!(
        twice,
        Err(StorageError::Conflict {
            id: fiches[12].id.clone()
        })
    );
    let orphan = db.bulk_insert(&fiches[10..11], &entries[45..48]).await;
    assert!(matches!(orphan, Err(StorageError::NotFound { .. })));
    // An entry id already stored: the database refuses it and the whole transaction goes.
    let mut reused = entries[0].clone();
    reused.fiche_id = fiches[10].id.clone();
    let reused = db.bulk_insert(&fiches[10..11], &[reused]).await;
    assert!(matches!(reused, Err(StorageError::Other(_))), "{reused:?}");

    assert_eq!(db.load().await.unwrap().fiches.len(), 10);
    db.close();
    assert_eq!(count(&name, "history").await, 30);

    storage::delete_database(&name).await.unwrap();
}
