//! The JSON backup of the whole file, and one person's data for the GDPR right of access.
//!
//! One versioned envelope, `{format: "carnet-backup", version, exported_at, fiches, history,
//! meta}`, read back exactly (`parse_backup(export_backup(x)) == x`). A backup is checked
//! completely before anything is used: envelope, then the JSON shape of every record, then
//! identities (ids present and unique, every entry pointing to a fiche of the backup, custom
//! field ids unique, numbers finite). Business rules ([`validate_fiche`]) are not applied: a
//! backup restores what was stored, and refusing a whole restore because a rule changed since
//! would leave the user with nothing.
//!
//! [`validate_fiche`]: super::super::validate::validate_fiche

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::super::custom_field::{CustomFieldDef, CustomValue};
use super::super::fiche::Fiche;
use super::super::history::HistoryEntry;
use super::mapping::Mapping;

pub const FORMAT: &str = "carnet-backup";
/// The envelope version written; versions up to this one are read.
pub const VERSION: u32 = 1;
pub const PERSON_FORMAT: &str = "carnet-person";

/// Everything in `meta` worth saving, besides the records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(default)]
    pub custom_fields: Vec<CustomFieldDef>,
    #[serde(default)]
    pub saved_mappings: Vec<Mapping>,
    /// The app's settings as the state layer stores them (opaque here).
    #[serde(default)]
    pub settings: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub fiches: Vec<Fiche>,
    pub history: Vec<HistoryEntry>,
    #[serde(default)]
    pub meta: Meta,
}

/// The same envelope, borrowed, so exporting 100k fiches clones nothing.
#[derive(Serialize)]
struct BackupRef<'a> {
    format: &'a str,
    version: u32,
    exported_at: DateTime<Utc>,
    fiches: &'a [Fiche],
    history: &'a [HistoryEntry],
    meta: &'a Meta,
}

/// What makes a backup unusable. Identity problems are all listed, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BackupError {
    #[error("not a JSON file: {0}")]
    NotJson(String),
    #[error("not a Carnet backup")]
    NotABackup,
    #[error("backup version {found} comes from a newer Carnet (this one reads up to {VERSION})")]
    NewerVersion { found: u32 },
    /// Valid JSON whose records do not have the expected shape (a missing id, a date that is
    /// not ISO 8601…), with serde's line and column.
    #[error("damaged backup: {0}")]
    Malformed(String),
    #[error("inconsistent backup: {} problem(s)", .0.len())]
    Inconsistent(Vec<BackupProblem>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    EmptyFicheId,
    DuplicateFicheId(String),
    EmptyEntryId,
    DuplicateEntryId(String),
    /// An entry whose fiche is not in the backup.
    OrphanEntry {
        entry: String,
        fiche: String,
    },
    DuplicateFieldId(String),
    /// A custom number that is NaN or infinite (JSON cannot carry it).
    NonFiniteNumber {
        fiche: String,
        field: String,
    },
}

/// Serialises the file. Refuses (with the same checks as [`parse_backup`]) data that could not
/// be read back, so no backup is ever written that cannot be restored.
pub fn export_backup(
    fiches: &[Fiche],
    history: &[HistoryEntry],
    meta: &Meta,
    now: DateTime<Utc>,
) -> Result<String, BackupError> {
    let problems = check(fiches, history, meta);
    if !problems.is_empty() {
        return Err(BackupError::Inconsistent(problems));
    }
    serde_json::to_string(&BackupRef {
        format: FORMAT,
        version: VERSION,
        exported_at: now,
        fiches,
        history,
        meta,
    })
    .map_err(|e| BackupError::Malformed(e.to_string()))
}

/// Reads and checks a backup completely; nothing of it should be used on error.
pub fn parse_backup(bytes: &[u8]) -> Result<Backup, BackupError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Parsed from `&str`, as everything JSON in the app: serde code is generated per input type,
    // and a second one (`from_slice`) would double it.
    let text = std::str::from_utf8(bytes).map_err(|e| BackupError::NotJson(e.to_string()))?;
    // The envelope first, so a newer version or another JSON file gets its own message
    // rather than a shape error deep inside.
    // `Value` rather than an untagged enum: its code is already there for `settings`, and an
    // untagged enum would add its own buffering code.
    #[derive(Deserialize)]
    struct Envelope {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let env: Envelope = match serde_json::from_str(text) {
        Ok(e) => e,
        Err(e) if e.is_data() => return Err(BackupError::NotABackup),
        Err(e) => return Err(BackupError::NotJson(e.to_string())),
    };
    if env.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match env.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(BackupError::NewerVersion {
                found: u32::try_from(v).unwrap_or(u32::MAX),
            })
        }
        Some(v) if v >= 1 => {}
        _ => return Err(BackupError::NotABackup),
    }
    let backup: Backup =
        serde_json::from_str(text).map_err(|e| BackupError::Malformed(e.to_string()))?;
    let problems = check(&backup.fiches, &backup.history, &backup.meta);
    if problems.is_empty() {
        Ok(backup)
    } else {
        Err(BackupError::Inconsistent(problems))
    }
}

fn check(fiches: &[Fiche], history: &[HistoryEntry], meta: &Meta) -> Vec<BackupProblem> {
    let mut problems = Vec::new();
    let mut ids: HashSet<&str> = HashSet::with_capacity(fiches.len());
    for f in fiches {
        if f.id.trim().is_empty() {
            problems.push(BackupProblem::EmptyFicheId);
        } else if !ids.insert(&f.id) {
            problems.push(BackupProblem::DuplicateFicheId(f.id.clone()));
        }
        for (field, v) in &f.custom {
            if matches!(v, CustomValue::Number(n) if !n.is_finite()) {
                problems.push(BackupProblem::NonFiniteNumber {
                    fiche: f.id.clone(),
                    field: field.clone(),
                });
            }
        }
    }
    let mut entry_ids: HashSet<&str> = HashSet::with_capacity(history.len());
    for e in history {
        if e.id.trim().is_empty() {
            problems.push(BackupProblem::EmptyEntryId);
        } else if !entry_ids.insert(&e.id) {
            problems.push(BackupProblem::DuplicateEntryId(e.id.clone()));
        }
        if !ids.contains(e.fiche_id.as_str()) {
            problems.push(BackupProblem::OrphanEntry {
                entry: e.id.clone(),
                fiche: e.fiche_id.clone(),
            });
        }
    }
    let mut field_ids = HashSet::new();
    for d in &meta.custom_fields {
        if !field_ids.insert(d.id.as_str()) {
            problems.push(BackupProblem::DuplicateFieldId(d.id.clone()));
        }
    }
    problems
}

/// What a merge restore writes: the fiches and entries to put, and the meta after the merge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeChanges {
    /// Fiches of the backup that are new, or newer than the current ones.
    pub put_fiches: Vec<Fiche>,
    /// Entries of the backup whose id is not in the current history.
    pub put_history: Vec<HistoryEntry>,
    /// Current fiches kept because they are as new as or newer than the backup's.
    pub kept_current: usize,
    pub meta: Meta,
}

/// Merges a backup into the current file, keeping the newest version of each fiche: the
/// higher `version`, then the later `updated_at`; on a tie the current one stays. Nothing is
/// deleted: fiches and entries only in the current file stay, entries are added by id, custom
/// field definitions and saved mappings are added when new (by id, by signature), and the
/// current settings stay. The put fiches carry the backup's version, so the caller writes them
/// as a restore (replacing the stored record), not as an edit.
pub fn merge_backup(
    current_fiches: &[Fiche],
    current_history: &[HistoryEntry],
    current_meta: &Meta,
    backup: Backup,
) -> MergeChanges {
    let current: HashMap<&str, &Fiche> =
        current_fiches.iter().map(|f| (f.id.as_str(), f)).collect();
    let mut changes = MergeChanges::default();
    for f in backup.fiches {
        match current.get(f.id.as_str()) {
            Some(c) if (c.version, c.updated_at) >= (f.version, f.updated_at) => {
                changes.kept_current += 1;
            }
            _ => changes.put_fiches.push(f),
        }
    }
    let entry_ids: HashSet<&str> = current_history.iter().map(|e| e.id.as_str()).collect();
    changes.put_history = backup
        .history
        .into_iter()
        .filter(|e| !entry_ids.contains(e.id.as_str()))
        .collect();
    let mut meta = current_meta.clone();
    for d in backup.meta.custom_fields {
        if !meta.custom_fields.iter().any(|c| c.id == d.id) {
            meta.custom_fields.push(d);
        }
    }
    for m in backup.meta.saved_mappings {
        if !meta
            .saved_mappings
            .iter()
            .any(|c| c.signature == m.signature)
        {
            meta.saved_mappings.push(m);
        }
    }
    changes.meta = meta;
    changes
}

#[derive(Serialize)]
struct NamedValue<'a> {
    field: &'a str,
    value: &'a CustomValue,
}

#[derive(Serialize)]
struct PersonRef<'a> {
    format: &'a str,
    version: u32,
    exported_at: DateTime<Utc>,
    fiche: &'a Fiche,
    /// The custom values again, under the names the user gave the fields.
    custom_fields: Vec<NamedValue<'a>>,
    history: Vec<&'a HistoryEntry>,
}

/// One person's data, readable and machine-readable (GDPR articles 15 and 20): the fiche with
/// its consents, its custom values under their field names, and its history, newest first.
pub fn person_export(
    fiche: &Fiche,
    history: &[HistoryEntry],
    defs: &[CustomFieldDef],
    now: DateTime<Utc>,
) -> String {
    let custom_fields = fiche
        .custom
        .iter()
        .map(|(id, value)| NamedValue {
            field: defs
                .iter()
                .find(|d| &d.id == id)
                .map_or(id.as_str(), |d| d.name.as_str()),
            value,
        })
        .collect();
    let mut entries: Vec<&HistoryEntry> =
        history.iter().filter(|e| e.fiche_id == fiche.id).collect();
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
    let person = PersonRef {
        format: PERSON_FORMAT,
        version: VERSION,
        exported_at: now,
        fiche,
        custom_fields,
        history: entries,
    };
    // Plain data with string keys: serialising cannot fail (a NaN number is written as null).
    serde_json::to_string_pretty(&person).unwrap_or_default()
}
