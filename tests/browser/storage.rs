//! Fiches in real IndexedDB: create, read, update, delete, optimistic concurrency, reload,
//! custom fields and settings. Each test has its own database and deletes it.

use crate::support::{at, db_name};
use carnet::domain::custom_field::{CustomFieldDef, CustomKind, CustomValue};
use carnet::domain::fiche::{Fiche, Labelled};
use carnet::domain::summary::Summary;
use carnet::storage::{self, StorageError};
use chrono::NaiveDate;
use wasm_bindgen_test::*;

fn fiche(id: &str, last: &str) -> Fiche {
    let mut f = Fiche::new(id.into(), at("2024-01-15T09:30:00Z"));
    f.last_name = last.into();
    f.first_name = "Zoé".into();
    f.birth_date = NaiveDate::from_ymd_opt(1990, 5, 17);
    f.emails.push(Labelled {
        label: "perso".into(),
        value: "zoe@example.fr".into(),
    });
    f.tags = vec!["fidèle".into(), "🎉".into()];
    f.custom
        .insert("oil".into(), CustomValue::Text("5W-30".into()));
    f
}

#[wasm_bindgen_test]
async fn create_read_update_delete() {
    let name = db_name("crud");
    let db = storage::open(&name).await.unwrap();
    assert!(db.load().await.unwrap().fiches.is_empty());

    let new = fiche("f1", "Lefèvre");
    let saved = db.save_fiche(&new).await.unwrap();
    assert_eq!(saved.version, 1);
    assert!(saved.updated_at > new.updated_at);
    assert_eq!(saved.created_at, new.created_at);

    let loaded = db.load().await.unwrap();
    assert_eq!(loaded.fiches, vec![(saved.clone(), Summary::default())]);
    assert!(loaded.corrupt.is_empty());

    let mut edited = saved.clone();
    edited.notes = "Préfère être appelée le matin ☀️".into();
    let saved2 = db.save_fiche(&edited).await.unwrap();
    assert_eq!(saved2.version, 2);
    assert_eq!(saved2.notes, edited.notes);
    assert_eq!(db.load().await.unwrap().fiches[0].0, saved2);

    db.save_fiche(&fiche("f2", "Martin")).await.unwrap();
    db.delete_fiche("f1").await.unwrap();
    let ids: Vec<_> = db
        .load()
        .await
        .unwrap()
        .fiches
        .into_iter()
        .map(|(f, _)| f.id)
        .collect();
    assert_eq!(ids, ["f2"]);
    // Deleting again is not an error.
    db.delete_fiche("f1").await.unwrap();

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_stale_version_is_refused_and_nothing_is_written() {
    let name = db_name("conflict");
    let db = storage::open(&name).await.unwrap();
    let v1 = db.save_fiche(&fiche("f1", "Dubois")).await.unwrap();

    // Two tabs start from version 1; the first save wins.
    let mut tab_a = v1.clone();
    tab_a.notes = "tab A: déménage à Saint-Étienne".into();
    let mut tab_b = v1.clone();
    tab_b.notes = "tab B".into();
    let a = db.save_fiche(&tab_a).await.unwrap();
    assert_eq!(
        db.save_fiche(&tab_b).await,
        Err(StorageError::Conflict { id: "f1".into() })
    );
    assert_eq!(db.load().await.unwrap().fiches[0].0, a);

    // A new fiche saved over an existing id is a conflict too (version 0 vs 2).
    assert!(matches!(
        db.save_fiche(&fiche("f1", "Autre")).await,
        Err(StorageError::Conflict { .. })
    ));
    // Saving an edit of a fiche deleted elsewhere does not bring it back (see also
    // `an_edit_of_a_fiche_deleted_in_another_tab_is_refused_as_deleted`).
    db.delete_fiche("f1").await.unwrap();
    assert_eq!(
        db.save_fiche(&a).await,
        Err(StorageError::Deleted { id: "f1".into() })
    );
    assert!(db.load().await.unwrap().fiches.is_empty());

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_edit_of_a_fiche_deleted_in_another_tab_is_refused_as_deleted() {
    let name = db_name("deleted");
    // Two connections, as two tabs: tab B opened the fiche for editing, tab A deletes it.
    let tab_a = storage::open(&name).await.unwrap();
    let tab_b = storage::open(&name).await.unwrap();
    let stored = tab_a.save_fiche(&fiche("f1", "Dubois")).await.unwrap();
    tab_a.save_fiche(&fiche("f2", "Martin")).await.unwrap();
    let (mut edited, _) = tab_b.get_fiche("f1").await.unwrap().unwrap();
    assert_eq!(edited, stored);
    tab_a.delete_fiche("f1").await.unwrap();

    // Tab B saves: told the fiche was deleted (not "changed elsewhere"), and it stays deleted.
    edited.notes = "tab B: a changé de numéro".into();
    let refused = tab_b.save_fiche(&edited).await;
    assert_eq!(refused, Err(StorageError::Deleted { id: "f1".into() }));
    assert_eq!(
        carnet::i18n::storage_text(carnet::i18n::Lang::Fr, &refused.unwrap_err()),
        "Cette fiche a été supprimée dans un autre onglet : elle n'a pas été enregistrée."
    );
    assert_eq!(tab_a.get_fiche("f1").await.unwrap(), None);
    // A bulk edit that includes it writes nothing, and says why.
    let (other, _) = tab_b.get_fiche("f2").await.unwrap().unwrap();
    assert_eq!(
        tab_b.save_fiches(&[other.clone(), edited.clone()]).await,
        Err(StorageError::Deleted { id: "f1".into() })
    );
    let loaded = tab_a.load().await.unwrap().fiches;
    assert_eq!(loaded.len(), 1);
    assert_eq!(loaded[0].0, other, "f2 untouched");

    // A stale edit of a fiche still there is still a conflict.
    let mut newer = other.clone();
    newer.notes = "tab A".into();
    tab_a.save_fiche(&newer).await.unwrap();
    assert_eq!(
        tab_b.save_fiche(&other).await,
        Err(StorageError::Conflict { id: "f2".into() })
    );

    tab_a.close();
    tab_b.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn everything_survives_closing_and_reopening() {
    let name = db_name("reload");
    let db = storage::open(&name).await.unwrap();
    let a = db.save_fiche(&fiche("a", "Nguyễn")).await.unwrap();
    let b = db.save_fiche(&fiche("b", "Øster")).await.unwrap();
    let defs = vec![CustomFieldDef {
        id: "oil".into(),
        name: "Huile moteur".into(),
        kind: CustomKind::Choice,
        options: vec!["5W-30".into(), "10W-40".into()],
    }];
    db.save_custom_fields(&defs, &[]).await.unwrap();
    db.put_meta("prefs", &serde_json::json!({"lang": "fr", "page": 50}))
        .await
        .unwrap();
    db.close();

    let db = storage::open(&name).await.unwrap();
    let loaded = db.load().await.unwrap();
    assert_eq!(
        loaded.fiches,
        vec![(a, Summary::default()), (b, Summary::default())]
    );
    assert_eq!(loaded.custom_fields, defs);
    let prefs: Option<serde_json::Value> = db.get_meta("prefs").await.unwrap();
    assert_eq!(prefs, Some(serde_json::json!({"lang": "fr", "page": 50})));
    assert_eq!(db.get_meta::<u32>("missing").await.unwrap(), None);
    assert_eq!(
        db.get_meta::<u32>("schema").await.unwrap(),
        Some(storage::SCHEMA_VERSION)
    );
    assert!(db.put_meta("schema", &1).await.is_err());

    db.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn removing_a_custom_field_saves_the_changed_fiches_in_the_same_transaction() {
    let name = db_name("custom");
    let db = storage::open(&name).await.unwrap();
    let a = db.save_fiche(&fiche("a", "Petit")).await.unwrap();
    let b = db.save_fiche(&fiche("b", "Grand")).await.unwrap();

    let drop_oil = |f: &Fiche| {
        let mut f = f.clone();
        f.custom.remove("oil");
        f.notes.push_str("Huile moteur : 5W-30");
        f
    };
    let saved = db
        .save_custom_fields(&[], &[drop_oil(&a), drop_oil(&b)])
        .await
        .unwrap();
    assert_eq!(saved.iter().map(|f| f.version).collect::<Vec<_>>(), [2, 2]);
    let loaded = db.load().await.unwrap();
    assert_eq!(
        loaded
            .fiches
            .into_iter()
            .map(|(f, _)| f)
            .collect::<Vec<_>>(),
        saved
    );

    // One stale fiche: nothing is written, not even the definitions.
    let defs = vec![CustomFieldDef {
        id: "m2".into(),
        name: "Surface (m²)".into(),
        kind: CustomKind::Number,
        options: vec![],
    }];
    let result = db.save_custom_fields(&defs, &[saved[0].clone(), b]).await;
    assert_eq!(result, Err(StorageError::Conflict { id: "b".into() }));
    let loaded = db.load().await.unwrap();
    assert!(loaded.custom_fields.is_empty());
    assert_eq!(loaded.fiches[0].0, saved[0]);

    db.close();
    storage::delete_database(&name).await.unwrap();
}
