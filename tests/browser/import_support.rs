//! Builders and checks shared by `import` and `backup`.

use carnet::domain::custom_field::CustomValue;
use carnet::domain::fiche::{Fiche, Labelled};
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::summary::Summary;
use carnet::storage::{Db, Loaded};
use chrono::{DateTime, Duration, Utc};
use rexie::{Rexie, TransactionMode};

pub fn start() -> DateTime<Utc> {
    "2023-06-01T09:00:00Z".parse().unwrap()
}

pub fn fiche(id: &str, i: usize) -> Fiche {
    let mut f = Fiche::new(id.into(), start() + Duration::minutes(i as i64));
    f.first_name = ["Zoé", "Hélène", "Łukasz", "Ana"][i % 4].into();
    f.last_name = format!("Client n°{i} \"quoted\"; ok");
    f.emails.push(Labelled {
        label: "perso".into(),
        value: format!("client{i}@example.fr"),
    });
    f.tags = vec![format!("lot-{}", i % 5), "🎉".into()];
    f.custom
        .insert("points".into(), CustomValue::Number(i as f64 * 1.5));
    f
}

pub fn entry(id: &str, fiche_id: &str, hours: i64, kind: HistoryKind, cents: i64) -> HistoryEntry {
    HistoryEntry {
        id: id.into(),
        fiche_id: fiche_id.into(),
        date: start() + Duration::hours(hours),
        kind,
        label: format!("{kind:?} {id}"),
        amount_cents: kind.has_amount().then_some(cents),
        currency: "EUR".into(),
        status: None,
        text: "Échange cordial 👍".into(),
    }
}

/// Ten stored fiches `s0`..`s9`, each with two entries (a purchase and a call).
pub async fn stored_file(db: &Db) -> Vec<Fiche> {
    let fiches: Vec<Fiche> = (0..10)
        .map(|i| {
            let mut f = fiche(&format!("s{i}"), i);
            f.version = 1;
            f
        })
        .collect();
    let entries: Vec<HistoryEntry> = (0..10)
        .flat_map(|i| {
            let id = format!("s{i}");
            [
                entry(&format!("se{i}a"), &id, i, HistoryKind::Purchase, 1_000),
                entry(&format!("se{i}b"), &id, i + 100, HistoryKind::Call, 0),
            ]
        })
        .collect();
    db.bulk_insert(&fiches, &entries).await.unwrap();
    fiches
}

/// An import over [`stored_file`]: creates `n0`..`n4` (each with a purchase), updates `s0` and
/// `s1` (adding a tag; `s1` also gets an entry), and attaches a purchase to `s5`.
pub fn an_import(stored: &[Fiche]) -> (Vec<Fiche>, Vec<Fiche>, Vec<HistoryEntry>) {
    let create: Vec<Fiche> = (0..5).map(|i| fiche(&format!("n{i}"), 100 + i)).collect();
    let update: Vec<Fiche> = stored[..2]
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.tags.push("importé".into());
            f
        })
        .collect();
    let mut entries: Vec<HistoryEntry> = (0..5)
        .map(|i| {
            let id = format!("n{i}");
            entry(
                &format!("ne{i}"),
                &id,
                200 + i,
                HistoryKind::Purchase,
                4_990,
            )
        })
        .collect();
    entries.push(entry("ue1", "s1", 300, HistoryKind::Purchase, 12_000));
    entries.push(entry("ae5", "s5", 400, HistoryKind::Purchase, 2_500));
    (create, update, entries)
}

/// Every fiche's stored summary equals what its stored history says.
pub async fn assert_summaries_true(db: &Db) {
    for (f, summary) in db.load().await.unwrap().fiches {
        let history = db.history(&f.id).await.unwrap();
        assert_eq!(summary, Summary::from_history(&history), "fiche {}", f.id);
    }
}

/// The whole file as the app sees it: `load()` and every fiche's history.
pub async fn snapshot(db: &Db) -> (Loaded, Vec<Vec<HistoryEntry>>) {
    let loaded = db.load().await.unwrap();
    let mut histories = Vec::new();
    for (f, _) in &loaded.fiches {
        histories.push(db.history(&f.id).await.unwrap());
    }
    (loaded, histories)
}

/// Record counts of the three stores, read with rexie (independently of the code under test).
pub async fn counts(name: &str) -> [u32; 3] {
    let raw = Rexie::builder(name).build().await.unwrap();
    let mut out = [0; 3];
    for (i, store) in ["fiches", "history", "meta"].iter().enumerate() {
        let tx = raw
            .transaction(&[store], TransactionMode::ReadOnly)
            .unwrap();
        out[i] = tx.store(store).unwrap().count(None).await.unwrap();
        tx.done().await.unwrap();
    }
    raw.close();
    out
}

pub fn no_progress(_: usize, _: usize) {}
