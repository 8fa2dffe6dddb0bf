//! JSON backup: lossless round trip on generated files, complete validation before use, merge
//! keeping the newest version, and the GDPR export of one person.

use chrono::Duration;
use proptest::prelude::*;

use crate::codec_support::{defs, full_file, now};
use carnet::domain::codec::json_backup::{
    export_backup, merge_backup, parse_backup, person_export, Backup, BackupError, BackupProblem,
    Meta,
};
use carnet::domain::codec::mapping::Mapping;
use carnet::domain::custom_field::CustomValue;
use carnet::domain::fiche::Fiche;

fn meta() -> Meta {
    Meta {
        custom_fields: defs(),
        saved_mappings: vec![Mapping::auto(
            &["Nom".to_string(), "E-mail".to_string()],
            &defs(),
        )],
        settings: serde_json::json!({"lang": "fr", "backup_reminder_days": 30}),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn backup_round_trip_is_exact((fiches, history) in full_file(8)) {
        let meta = meta();
        let json = export_backup(&fiches, &history, &meta, now()).unwrap();
        let back = parse_backup(json.as_bytes()).unwrap();
        prop_assert_eq!(back.format.as_str(), "carnet-backup");
        prop_assert_eq!(back.version, 1);
        prop_assert_eq!(back.exported_at, now());
        prop_assert_eq!(&back.fiches, &fiches);
        prop_assert_eq!(&back.history, &history);
        prop_assert_eq!(&back.meta, &meta);
        // A UTF-8 BOM (a backup opened and saved in a text editor) changes nothing.
        let bom = format!("\u{feff}{json}");
        prop_assert_eq!(parse_backup(bom.as_bytes()).unwrap(), back);
    }
}

fn sample() -> (Vec<Fiche>, Vec<carnet::domain::history::HistoryEntry>) {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    loop {
        let (f, h) = full_file(6).new_tree(&mut runner).unwrap().current();
        if f.len() >= 3 && h.len() >= 2 {
            return (f, h);
        }
    }
}

#[test]
fn numbers_json_cannot_carry_are_refused_on_export() {
    let (mut fiches, history) = sample();
    fiches[0]
        .custom
        .insert("c-num".into(), CustomValue::Number(f64::NAN));
    fiches[0]
        .custom
        .insert("c-x".into(), CustomValue::Number(f64::INFINITY));
    let err = export_backup(&fiches, &history, &meta(), now()).unwrap_err();
    let BackupError::Inconsistent(problems) = err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 2);
    assert!(
        matches!(&problems[0], BackupProblem::NonFiniteNumber { field, .. } if field == "c-num")
    );
    // What a NaN would have become (null) is a damaged backup, not a silent zero.
    let json = serde_json::to_string(&serde_json::json!({
        "format": "carnet-backup", "version": 1, "exported_at": "2025-01-15T09:00:00Z",
        "fiches": [{"id": "a", "created_at": "2025-01-15T09:00:00Z", "updated_at": "2025-01-15T09:00:00Z",
                    "custom": {"c-num": {"type": "number", "value": null}}}],
        "history": []
    }))
    .unwrap();
    assert!(matches!(
        parse_backup(json.as_bytes()),
        Err(BackupError::Malformed(_))
    ));
}

#[test]
fn everything_is_checked_before_use() {
    assert!(matches!(
        parse_backup(b"not json"),
        Err(BackupError::NotJson(_))
    ));
    assert!(matches!(parse_backup(b""), Err(BackupError::NotJson(_))));
    assert_eq!(parse_backup(b"[1,2]"), Err(BackupError::NotABackup));
    assert_eq!(
        parse_backup(br#"{"format":"excalidraw","version":2}"#),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        parse_backup(br#"{"format":"carnet-backup","version":"1"}"#),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        parse_backup(br#"{"format":"carnet-backup","version":2,"fiches":"whatever"}"#),
        Err(BackupError::NewerVersion { found: 2 })
    );
    let (fiches, history) = sample();
    let json = export_backup(&fiches, &history, &meta(), now()).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // A fiche without an id: the shape is wrong, with serde's position.
    let mut broken = value.clone();
    broken["fiches"][0].as_object_mut().unwrap().remove("id");
    let err = parse_backup(broken.to_string().as_bytes()).unwrap_err();
    assert!(
        matches!(&err, BackupError::Malformed(m) if m.contains("id")),
        "{err:?}"
    );
    // Duplicate ids, orphan entries, duplicate field ids: all listed.
    let first = value["fiches"][0].clone();
    value["fiches"].as_array_mut().unwrap().push(first);
    value["history"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "orphan", "fiche_id": "nobody", "date": "2024-01-01T00:00:00Z", "kind": "note", "label": "x"
    }));
    let def = value["meta"]["custom_fields"][0].clone();
    value["meta"]["custom_fields"]
        .as_array_mut()
        .unwrap()
        .push(def);
    let Err(BackupError::Inconsistent(problems)) = parse_backup(value.to_string().as_bytes())
    else {
        panic!("accepted")
    };
    assert!(problems.contains(&BackupProblem::DuplicateFicheId(fiches[0].id.clone())));
    assert!(problems.contains(&BackupProblem::OrphanEntry {
        entry: "orphan".into(),
        fiche: "nobody".into()
    }));
    assert!(problems.contains(&BackupProblem::DuplicateFieldId("c-text".into())));
    assert!(!BackupError::Inconsistent(problems).to_string().is_empty());
}

#[test]
fn old_backups_without_new_fields_still_load() {
    // A fiche written before external_ids existed, and a backup without meta.
    let json = br#"{"format":"carnet-backup","version":1,"exported_at":"2025-01-15T09:00:00Z",
        "fiches":[{"id":"a","last_name":"Ancien","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","version":2}],
        "history":[]}"#;
    let b = parse_backup(json).unwrap();
    assert!(b.fiches[0].external_ids.is_empty());
    assert_eq!(b.meta, Meta::default());
}

#[test]
fn merge_keeps_the_newest_version_of_each_fiche() {
    let (fiches, history) = sample();
    assert!(fiches.len() >= 3, "{}", fiches.len());
    let mut current = fiches.clone();
    // 0: newer here (higher version); 1: newer in the backup (same version, later update);
    // 2: only here; the backup has one fiche the file does not.
    current[0].version = 5;
    current[0].notes = "edited here".into();
    let mut backup_fiches = fiches.clone();
    backup_fiches[1].updated_at += Duration::hours(1);
    backup_fiches[1].notes = "edited in the backup".into();
    backup_fiches.remove(2);
    let mut extra = Fiche::new("only-in-backup".into(), now());
    extra.last_name = "Nouveau".into();
    backup_fiches.push(extra);
    let mut current_meta = meta();
    current_meta.custom_fields.truncate(2);
    current_meta.settings = serde_json::json!({"lang": "en"});
    let backup = Backup {
        format: "carnet-backup".into(),
        version: 1,
        exported_at: now(),
        fiches: backup_fiches,
        history: history.clone(),
        meta: meta(),
    };
    let changes = merge_backup(
        &current,
        &history[..history.len() / 2],
        &current_meta,
        backup,
    );
    let put: Vec<&str> = changes.put_fiches.iter().map(|f| f.id.as_str()).collect();
    assert!(put.contains(&fiches[1].id.as_str()) && put.contains(&"only-in-backup"));
    assert!(!put.contains(&fiches[0].id.as_str()));
    assert_eq!(
        changes
            .put_fiches
            .iter()
            .find(|f| f.id == fiches[1].id)
            .unwrap()
            .notes,
        "edited in the backup"
    );
    assert_eq!(changes.put_history, history[history.len() / 2..]);
    assert_eq!(
        changes.meta.custom_fields,
        defs(),
        "definitions added, none removed"
    );
    assert_eq!(
        changes.meta.settings,
        serde_json::json!({"lang": "en"}),
        "current settings stay"
    );
    assert_eq!(changes.kept_current, fiches.len() - 2);
}

#[test]
fn one_persons_data_for_the_right_of_access() {
    let (fiches, history) = sample();
    let f = &fiches[0];
    let json = person_export(f, &history, &defs(), now());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format"], "carnet-person");
    assert_eq!(v["fiche"]["id"], f.id.as_str());
    let theirs = history.iter().filter(|e| e.fiche_id == f.id).count();
    assert_eq!(v["history"].as_array().unwrap().len(), theirs);
    assert_eq!(v["custom_fields"].as_array().unwrap().len(), f.custom.len());
    for c in v["custom_fields"].as_array().unwrap() {
        assert!(defs()
            .iter()
            .any(|d| d.name == c["field"].as_str().unwrap()));
    }
    assert!(json.contains("\n  "), "indented for reading");
}
