//! Bulk actions on a segment in real IndexedDB: many fiches saved in one transaction with
//! their versions checked (all or nothing), and many deleted with their history.

use crate::support::{at, db_name};
use carnet::domain::fiche::Fiche;
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::segment::add_tag;
use carnet::storage::{self, StorageError};
use wasm_bindgen_test::*;

fn fiches(n: usize) -> Vec<Fiche> {
    (0..n)
        .map(|i| {
            let mut f = Fiche::new(format!("f{i}"), at("2024-01-15T09:30:00Z"));
            f.last_name = format!("Nom {i}");
            f.version = 1;
            f
        })
        .collect()
}

fn purchase(id: &str, fiche: &str) -> HistoryEntry {
    HistoryEntry {
        id: id.into(),
        fiche_id: fiche.into(),
        date: at("2024-03-01T10:00:00Z"),
        kind: HistoryKind::Purchase,
        label: "Achat".into(),
        amount_cents: Some(1250),
        currency: "EUR".into(),
        status: None,
        text: String::new(),
    }
}

#[wasm_bindgen_test]
async fn save_fiches_writes_all_bumped_and_keeps_summaries() {
    let name = db_name("bulk-save");
    let db = storage::open(&name).await.unwrap();
    let all = fiches(300);
    db.bulk_insert(&all, &[purchase("h1", "f7")]).await.unwrap();

    let tagged = add_tag(&all, "Fidèle");
    assert_eq!(tagged.len(), 300);
    let saved = db.save_fiches(&tagged).await.unwrap();
    assert_eq!(saved.len(), 300);
    assert!(saved.iter().all(|f| f.version == 2 && f.tags == ["Fidèle"]));

    let loaded = db.load().await.unwrap().fiches;
    assert_eq!(loaded.len(), 300);
    for (f, s) in &loaded {
        assert_eq!(f.version, 2, "{}", f.id);
        assert_eq!(f.tags, ["Fidèle"]);
        assert_eq!(s.orders, u32::from(f.id == "f7"), "the summary is kept");
    }
    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn one_stale_or_deleted_fiche_writes_nothing() {
    let name = db_name("bulk-conflict");
    let db = storage::open(&name).await.unwrap();
    let all = fiches(50);
    db.bulk_insert(&all, &[]).await.unwrap();

    // Another tab saved f3 meanwhile: our copy of it is version 1, the stored one 2.
    let mut other = all[3].clone();
    other.notes = "changé ailleurs".into();
    db.save_fiche(&other).await.unwrap();
    let tagged = add_tag(&all, "vip");
    assert_eq!(
        db.save_fiches(&tagged).await,
        Err(StorageError::Conflict { id: "f3".into() })
    );
    let loaded = db.load().await.unwrap().fiches;
    assert!(
        loaded.iter().all(|(f, _)| f.tags.is_empty()),
        "nothing of the batch was written"
    );

    // A fiche deleted meanwhile refuses the batch too, and is never brought back.
    db.delete_fiche("f9").await.unwrap();
    let mut fresh: Vec<Fiche> = db
        .load()
        .await
        .unwrap()
        .fiches
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    fresh.push(all[9].clone());
    assert_eq!(
        db.save_fiches(&add_tag(&fresh, "vip")).await,
        Err(StorageError::Deleted { id: "f9".into() })
    );
    assert_eq!(db.load().await.unwrap().fiches.len(), 49);
    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn delete_fiches_removes_them_and_their_history_only() {
    let name = db_name("bulk-delete");
    let db = storage::open(&name).await.unwrap();
    let all = fiches(20);
    let entries = [
        purchase("h1", "f1"),
        purchase("h2", "f2"),
        purchase("h3", "f5"),
    ];
    db.bulk_insert(&all, &entries).await.unwrap();

    let ids: Vec<String> = ["f1", "f2", "f3", "not-there"].map(String::from).to_vec();
    db.delete_fiches(&ids).await.unwrap();
    let loaded = db.load().await.unwrap().fiches;
    assert_eq!(loaded.len(), 17);
    assert!(loaded.iter().all(|(f, _)| !ids.contains(&f.id)));
    assert!(db.history("f1").await.unwrap().is_empty());
    assert!(db.history("f2").await.unwrap().is_empty());
    assert_eq!(
        db.history("f5").await.unwrap().len(),
        1,
        "other history stays"
    );
    db.close();
    storage::delete_database(&name).await.unwrap();
}
