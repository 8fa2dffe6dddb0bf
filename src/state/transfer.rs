//! Files in and out: plans come from `domain::codec` (pure, previewed before anything is
//! written); each confirmed import or restore is one IndexedDB transaction, then memory follows.

use std::collections::BTreeMap;

use chrono::Utc;
use leptos::prelude::*;

use super::backup::LAST_BACKUP_KEY;
use super::change::{notify, Change};
use super::db::db;
use super::{history_log, mark};
use super::{AppError, AppState, FileState};
use crate::domain::codec::csv_import::{plan_history_import, plan_import, HistoryPlan, ImportPlan};
use crate::domain::codec::csv_read::ReadError;
use crate::domain::codec::csv_write::{export_csv, Column, Variant};
use crate::domain::codec::json_backup::{export_backup, merge_backup, person_export, Backup, Meta};
use crate::domain::codec::mapping::Mapping;
use crate::domain::codec::plan::{FichePlan, ImportOptions, OnMatch};
use crate::domain::codec::text::TextError;
use crate::domain::codec::vcard::{export_vcards, plan_vcard_import};
use crate::domain::fiche::Fiche;
use crate::storage::{Everything, ImportBatchInfo};

/// `meta` key of the column mappings the user confirmed, offered again for the same header.
pub const MAPPINGS_KEY: &str = "saved_mappings";

/// Makes the ids (uuid v4) of an import's new fiches and entries from random bytes asked of the
/// browser for 4,096 ids at a time: one call per id was a twentieth of planning 100k rows.
fn id_maker() -> impl FnMut() -> String {
    let mut pool: Vec<u8> = Vec::new();
    move || {
        if pool.len() < 16 {
            pool.resize(65_536, 0);
            let crypto = web_sys::window().and_then(|w| w.crypto().ok());
            if crypto.is_none_or(|c| c.get_random_values_with_u8_array(&mut pool).is_err()) {
                pool.clear();
                return uuid::Uuid::new_v4().to_string();
            }
        }
        let mut bytes = [0; 16];
        bytes.copy_from_slice(&pool[pool.len() - 16..]);
        pool.truncate(pool.len() - 16);
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }
}

fn options(on_match: OnMatch) -> ImportOptions {
    let now = Utc::now();
    ImportOptions {
        on_match,
        today: super::clock::today(),
        now,
    }
}

/// The fiches in memory, lent to a planner (cloning 100k fiches to plan cost more than the
/// matching itself).
fn with_fiches<T>(app: AppState, plan: impl FnOnce(&[&Fiche]) -> T) -> T {
    app.file.with_untracked(|f| {
        let fiches: Vec<&Fiche> = f.records().iter().map(|r| &r.fiche).collect();
        plan(&fiches)
    })
}

/// The mappings saved by earlier imports.
pub async fn saved_mappings() -> Result<Vec<Mapping>, AppError> {
    Ok(db()?
        .get_meta::<Vec<Mapping>>(MAPPINGS_KEY)
        .await?
        .unwrap_or_default())
}

/// Plans a CSV import of fiches: `mapping` when the user edited one, else a saved mapping for
/// this header, else the guess from the header.
pub fn plan_csv(
    app: AppState,
    bytes: &[u8],
    mapping: Option<&Mapping>,
    saved: &[Mapping],
    on_match: OnMatch,
) -> Result<ImportPlan, ReadError> {
    let defs = app.fields.get_untracked();
    // The last that fits the header wins: the user's own choice over any saved one.
    let mappings: Vec<&Mapping> = saved.iter().chain(mapping).collect();
    with_fiches(app, |existing| {
        plan_import(
            bytes,
            &mappings,
            &defs,
            existing,
            &options(on_match),
            &mut id_maker(),
        )
    })
}

/// Plans a vCard import through the same duplicate rules as CSV.
pub fn plan_vcard(app: AppState, bytes: &[u8], on_match: OnMatch) -> Result<FichePlan, TextError> {
    let defs = app.fields.get_untracked();
    with_fiches(app, |existing| {
        plan_vcard_import(bytes, &defs, existing, &options(on_match), &mut id_maker())
    })
}

/// Plans a CSV of purchases and contacts against the fiches in memory, leaving out the entries
/// already stored (history is not in memory: the entries of the file's period are read, in one
/// request). The outer error is storage's, the inner one the file's.
pub async fn plan_history(
    app: AppState,
    bytes: &[u8],
) -> Result<Result<HistoryPlan, ReadError>, AppError> {
    let mut plan = match with_fiches(app, |f| plan_history_import(bytes, f, &mut id_maker())) {
        Ok(plan) => plan,
        Err(e) => return Ok(Err(e)),
    };
    let stored = db()?.entries_dated_like(&plan.entries).await?;
    plan.skip_known(&stored);
    Ok(Ok(plan))
}

/// Writes a confirmed plan in one transaction and remembers its mapping for next time.
pub async fn apply_fiches(
    app: AppState,
    plan: &FichePlan,
    mapping: Option<Mapping>,
    label: &str,
    progress: &dyn Fn(usize, usize),
) -> Result<(), AppError> {
    let db = db()?;
    let applied = db
        .apply_import(&plan.to_create, &plan.to_update, &[], label, progress)
        .await?;
    app.file.update(|f| f.upsert_all(applied.fiches));
    notify(Change::All);
    if let Some(mapping) = mapping {
        // The import is done and said so at once; failing to remember its mapping only costs a
        // re-mapping later (two more transactions, a few hundred ms after a large import).
        leptos::task::spawn_local(async move {
            let mut saved = saved_mappings().await.unwrap_or_default();
            saved.retain(|m| m.signature != mapping.signature);
            saved.push(mapping);
            let _ = db.put_meta(MAPPINGS_KEY, &saved).await;
        });
    }
    Ok(())
}

/// Attaches the planned history entries in one transaction; summaries follow.
pub async fn apply_history(
    app: AppState,
    plan: &HistoryPlan,
    label: &str,
    progress: &dyn Fn(usize, usize),
) -> Result<(), AppError> {
    let applied = db()?
        .apply_import(&[], &[], &plan.entries, label, progress)
        .await?;
    let ids = applied.fiches.iter().map(|(f, _)| f.id.clone()).collect();
    app.file.update(|f| f.upsert_all(applied.fiches));
    history_log::follow(app, &Change::Fiches { ids });
    notify(Change::All);
    Ok(())
}

/// What "undo last import" would undo, if anything.
pub async fn last_import() -> Result<Option<ImportBatchInfo>, AppError> {
    Ok(db()?.last_import().await?)
}

/// Undoes the last import as a whole.
pub async fn undo_import(app: AppState) -> Result<(), AppError> {
    // Memory is read again whole: an undo may touch any number of fiches.
    db()?.undo_last_import().await?;
    reload_all(app).await?;
    history_log::follow(app, &Change::All);
    notify(Change::All);
    Ok(())
}

/// Reads the whole file again into memory (after a restore or an undo).
pub async fn reload_all(app: AppState) -> Result<(), AppError> {
    let loaded = db()?.load().await?;
    app.file.set(FileState::from_records(loaded.fiches));
    app.fields.set(loaded.custom_fields);
    Ok(())
}

/// The backup's `meta` from what storage holds: custom fields, saved mappings, and every other
/// record (settings) as it is, so a restore puts back exactly what was there.
fn backup_meta(all: &Everything) -> Meta {
    let mut settings = all.meta.clone();
    let saved_mappings = settings
        .remove(MAPPINGS_KEY)
        .and_then(|v| serde_json::from_str(&v.to_string()).ok())
        .unwrap_or_default();
    Meta {
        custom_fields: all.custom_fields.clone(),
        saved_mappings,
        settings: serde_json::Value::Object(settings.into_iter().collect()),
    }
}

/// The other way: the `meta` records a backup's `Meta` stands for.
fn stored_meta(meta: &Meta) -> BTreeMap<String, serde_json::Value> {
    let mut out: BTreeMap<String, serde_json::Value> = match &meta.settings {
        serde_json::Value::Object(map) => map.clone().into_iter().collect(),
        _ => BTreeMap::new(),
    };
    if let Ok(v) = serde_json::to_value(&meta.saved_mappings) {
        out.insert(MAPPINGS_KEY.to_string(), v);
    }
    out
}

/// The whole file as a JSON backup; records the time so the reminder rests for 30 days.
pub async fn backup_json(app: AppState) -> Result<String, AppError> {
    let db = db()?;
    let all = db.export_all().await?;
    let now = Utc::now();
    let text = export_backup(&all.fiches, &all.history, &backup_meta(&all), now)
        .map_err(|e| AppError::Storage(crate::storage::StorageError::Corrupt(e.to_string())))?;
    db.put_meta(LAST_BACKUP_KEY, &now.to_rfc3339()).await?;
    mark::backed_up(all.fiches.len());
    app.last_backup.set(Some(now));
    app.backup_due.set(false);
    notify(Change::Meta);
    Ok(text)
}

/// A backup of what memory holds, for when the database can no longer be read (the browser
/// closed it): every fiche and the custom fields, without history, which is never in memory.
/// It restores like any backup.
pub fn rescue_json(app: AppState) -> Option<String> {
    let fiches: Vec<Fiche> = app
        .file
        .with_untracked(|f| f.records().iter().map(|r| r.fiche.clone()).collect());
    let meta = Meta {
        custom_fields: app.fields.get_untracked(),
        saved_mappings: Vec::new(),
        settings: serde_json::Value::Object(Default::default()),
    };
    export_backup(&fiches, &[], &meta, Utc::now()).ok()
}

/// How a backup comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreMode {
    /// The file becomes exactly the backup.
    Replace,
    /// Fiches of both are kept; for one in both, the newer version wins.
    Merge,
}

/// Restores a validated backup in one transaction.
pub async fn restore(
    app: AppState,
    backup: Backup,
    mode: RestoreMode,
    progress: &dyn Fn(usize, usize),
) -> Result<(), AppError> {
    let db = db()?;
    match mode {
        RestoreMode::Replace => {
            let meta = stored_meta(&backup.meta);
            db.replace_all(
                &backup.fiches,
                &backup.history,
                &backup.meta.custom_fields,
                &meta,
                progress,
            )
            .await?;
        }
        RestoreMode::Merge => {
            let all = db.export_all().await?;
            let changes = merge_backup(&all.fiches, &all.history, &backup_meta(&all), backup);
            let meta = stored_meta(&changes.meta);
            db.merge_changes(
                &changes.put_fiches,
                &changes.put_history,
                &changes.meta.custom_fields,
                &meta,
                progress,
            )
            .await?;
        }
    }
    reload_all(app).await?;
    // The way back from a lost file: what was restored is the file now.
    if app.lost.with_untracked(Option::is_some) {
        mark::accept_loss(app);
    }
    history_log::follow(app, &Change::All);
    notify(Change::All);
    Ok(())
}

/// One person's data (fiche, history, consents) for the right of access and portability.
pub async fn person_json(app: AppState, id: &str) -> Result<Option<String>, AppError> {
    let Some(fiche) = app
        .file
        .with_untracked(|f| f.get(id).map(|r| r.fiche.clone()))
    else {
        return Ok(None);
    };
    let history = db()?.history(id).await?;
    Ok(Some(person_export(
        &fiche,
        &history,
        &app.fields.get_untracked(),
        Utc::now(),
    )))
}

/// The fiches `ids` (all when `None`) as CSV.
pub fn csv_of(
    app: AppState,
    ids: Option<&[String]>,
    columns: &[Column],
    variant: Variant,
) -> String {
    let defs = app.fields.get_untracked();
    app.file.with_untracked(|f| {
        let rows: Vec<_> = match ids {
            Some(ids) => ids
                .iter()
                .filter_map(|id| f.get(id))
                .map(|r| (&r.fiche, Some(&r.summary)))
                .collect(),
            None => f
                .records()
                .iter()
                .map(|r| (&r.fiche, Some(&r.summary)))
                .collect(),
        };
        export_csv(&rows, columns, &defs, variant)
    })
}

/// The fiches `ids` (all when `None`) as vCard 4.0.
pub fn vcards_of(app: AppState, ids: Option<&[String]>) -> String {
    app.file.with_untracked(|f| {
        let fiches: Vec<Fiche> = match ids {
            Some(ids) => ids
                .iter()
                .filter_map(|id| f.get(id))
                .map(|r| r.fiche.clone())
                .collect(),
            None => f.records().iter().map(|r| r.fiche.clone()).collect(),
        };
        export_vcards(&fiches)
    })
}
