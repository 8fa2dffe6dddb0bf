//! The whole file at once in real IndexedDB: `export_all`, `replace_all` (restoring a backup)
//! and `merge_changes` (merging one in). Each test has its own database and deletes it.
//! Timings are printed (run with `-- --nocapture`), never asserted.

use std::collections::BTreeMap;

use crate::import_support::*;
use crate::support::{db_name, now_ms};
use carnet::domain::custom_field::{CustomFieldDef, CustomKind};
use carnet::domain::fiche::Fiche;
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::storage::{self, StorageError};
use wasm_bindgen_test::*;

fn meta_values() -> BTreeMap<String, serde_json::Value> {
    BTreeMap::from([
        (
            "settings".to_string(),
            serde_json::json!({"lang": "fr", "page": 50, "ratio": 0.75, "none": null}),
        ),
        (
            "saved_mappings".to_string(),
            serde_json::json!([{"signature": "nom;prénom", "targets": ["last_name", null]}]),
        ),
    ])
}

fn field_defs() -> Vec<CustomFieldDef> {
    vec![CustomFieldDef {
        id: "points".into(),
        name: "Points fidélité".into(),
        kind: CustomKind::Number,
        options: vec![],
    }]
}

#[wasm_bindgen_test]
async fn replace_all_then_load_equals_the_input() {
    let name = db_name("replace-all");
    let db = storage::open(&name).await.unwrap();
    let stored = stored_file(&db).await;
    db.put_meta("kept", &"untouched").await.unwrap();
    let (create, update, entries) = an_import(&stored);
    db.apply_import(&create, &update, &entries, "x", &no_progress)
        .await
        .unwrap();

    // The backup: other fiches (versions and dates as they were), their history, meta.
    let fiches: Vec<Fiche> = (0..30)
        .map(|i| Fiche {
            version: (i % 4) as u32,
            ..fiche(&format!("b{i:02}"), i)
        })
        .collect();
    let history: Vec<HistoryEntry> = (0..90)
        .map(|j| {
            let kind = HistoryKind::ALL[j % HistoryKind::ALL.len()];
            entry(
                &format!("be{j:03}"),
                &fiches[j % 30].id,
                j as i64,
                kind,
                100 * j as i64,
            )
        })
        .collect();
    let meta = meta_values();
    let written = db
        .replace_all(&fiches, &history, &field_defs(), &meta, &no_progress)
        .await
        .unwrap();

    let loaded = db.load().await.unwrap();
    assert_eq!(loaded.fiches, written);
    let only: Vec<Fiche> = loaded.fiches.iter().map(|(f, _)| f.clone()).collect();
    assert_eq!(only, fiches);
    assert_eq!(loaded.custom_fields, field_defs());
    assert_summaries_true(&db).await;
    assert_eq!(
        db.last_import().await.unwrap(),
        None,
        "the import is forgotten"
    );

    let all = db.export_all().await.unwrap();
    assert_eq!(all.fiches, fiches);
    assert_eq!(all.history, history);
    assert_eq!(all.custom_fields, field_defs());
    let mut expected_meta = meta.clone();
    expected_meta.insert("kept".into(), serde_json::json!("untouched"));
    assert_eq!(all.meta, expected_meta);

    // Reserved keys are refused before anything is written.
    let mut bad = meta.clone();
    bad.insert("schema".into(), serde_json::json!(1));
    let r = db.replace_all(&[], &[], &[], &bad, &no_progress).await;
    assert!(matches!(r, Err(StorageError::Other(_))), "{r:?}");
    assert_eq!(db.export_all().await.unwrap(), all);

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn merge_changes_puts_fiches_adds_entries_and_recomputes_summaries() {
    let name = db_name("merge");
    let db = storage::open(&name).await.unwrap();
    let stored = stored_file(&db).await;

    // A newer s2 from the backup, a fiche only in the backup, entries for both and for s7.
    let mut newer = stored[2].clone();
    newer.version = 5;
    newer.notes = "from the backup".into();
    let upserts = vec![newer.clone(), fiche("only-in-backup", 50)];
    let entries = vec![
        entry("m1", "s2", 700, HistoryKind::Purchase, 3_000),
        entry("m2", "only-in-backup", 701, HistoryKind::Purchase, 100),
        entry("m3", "s7", 702, HistoryKind::Meeting, 0),
    ];
    let merged = db
        .merge_changes(
            &upserts,
            &entries,
            &field_defs(),
            &meta_values(),
            &no_progress,
        )
        .await
        .unwrap();
    let ids: Vec<&str> = merged.iter().map(|(f, _)| f.id.as_str()).collect();
    assert_eq!(ids, ["s2", "only-in-backup", "s7"]);
    assert_eq!(merged[0].0, newer, "put as given");
    assert_eq!(
        merged[0].1.orders, 2,
        "its stored purchase and the merged one"
    );
    assert_eq!(
        merged[2].1.contacts, 3,
        "a purchase, a call, the merged meeting"
    );

    let loaded = db.load().await.unwrap();
    assert_eq!(loaded.fiches.len(), 11);
    for m in &merged {
        assert!(loaded.fiches.contains(m));
    }
    assert_eq!(loaded.custom_fields, field_defs());
    assert_summaries_true(&db).await;

    // An entry already stored aborts it all.
    let again = db
        .merge_changes(&[], &entries[..1], &[], &BTreeMap::new(), &no_progress)
        .await;
    assert!(matches!(again, Err(StorageError::Other(_))), "{again:?}");
    assert_eq!(db.load().await.unwrap(), loaded);

    db.close();
    storage::delete_database(&name).await.unwrap();
}

/// Exports a file of 20,000 fiches and 40,000 entries and restores it over itself; prints how
/// long each step takes.
#[wasm_bindgen_test]
async fn twenty_thousand_fiche_backup_timing() {
    let name = db_name("backup-20k");
    let db = storage::open(&name).await.unwrap();
    let fiches: Vec<Fiche> = (0..20_000).map(|i| fiche(&format!("b{i:06}"), i)).collect();
    let entries: Vec<HistoryEntry> = fiches
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            [HistoryKind::Purchase, HistoryKind::Call].map(|kind| {
                let id = format!("{}-{kind:?}", f.id);
                entry(&id, &f.id, i as i64, kind, 1_500)
            })
        })
        .collect();
    db.bulk_insert(&fiches, &entries).await.unwrap();

    let t0 = now_ms();
    let all = db.export_all().await.unwrap();
    let t_export = now_ms() - t0;
    assert_eq!((all.fiches.len(), all.history.len()), (20_000, 40_000));
    let t0 = now_ms();
    let written = db
        .replace_all(&all.fiches, &all.history, &[], &all.meta, &no_progress)
        .await
        .unwrap();
    let t_replace = now_ms() - t0;
    assert_eq!(written.len(), 20_000);
    assert_eq!(db.export_all().await.unwrap(), all);

    console_log!(
        "backup-20k: export_all (20k fiches + 40k entries) {t_export:.0} ms; \
         replace_all {t_replace:.0} ms"
    );
    db.close();
    storage::delete_database(&name).await.unwrap();
}
