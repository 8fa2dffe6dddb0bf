//! The in-memory customer file and the actions that change it. Every write goes to IndexedDB
//! first; memory (and so the screen) changes only once the transaction has committed.

pub mod actions;
pub mod backup;
pub mod draft;
pub mod file;
pub mod platform;
pub mod prefs;
pub mod route;
pub mod snapshot;
pub mod sync;
pub mod transfer;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::custom_field::CustomFieldDef;
use crate::domain::lang::Lang;
use crate::domain::validate::FieldError;
use crate::i18n::K;
use crate::storage::StorageError;

pub use file::{FileState, Record};
pub use route::Route;
pub use sync::{notify, Change};

/// Where opening the file stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Loading,
    Ready,
    /// The file could not be opened: nothing else can work.
    Failed(StorageError),
}

/// The one error type of this layer.
#[derive(Debug, Clone, PartialEq)]
pub enum AppError {
    /// Input refused field by field; nothing was written.
    Invalid(Vec<FieldError>),
    Storage(StorageError),
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        AppError::Storage(e)
    }
}

/// A message shown in the banner until dismissed. Kept as data, not text, so it follows a
/// language switch.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Storage(StorageError),
    Text(K),
    Crash,
}

/// Everything the interface reads, shared through leptos context. All fields are signals, so
/// the struct is `Copy`.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub file: RwSignal<FileState>,
    pub fields: RwSignal<Vec<CustomFieldDef>>,
    pub phase: RwSignal<Phase>,
    pub notice: RwSignal<Option<Notice>>,
    pub route: RwSignal<Route>,
    /// The list's search text: kept across pages, and "export the listed fiches" uses it.
    pub list_query: RwSignal<String>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// When the last JSON backup was made, if ever.
    pub last_backup: RwSignal<Option<DateTime<Utc>>>,
    /// The last JSON backup is older than 30 days, or there is none (see [`backup`]).
    pub backup_due: RwSignal<bool>,
    /// The last change another tab made, once applied here (pages showing it re-read it).
    pub remote: RwSignal<Option<Change>>,
}

impl AppState {
    pub fn new(lang: Lang, route: Route) -> AppState {
        AppState {
            lang: RwSignal::new(lang),
            file: RwSignal::new(FileState::default()),
            fields: RwSignal::new(Vec::new()),
            phase: RwSignal::new(Phase::Loading),
            notice: RwSignal::new(None),
            route: RwSignal::new(route),
            list_query: RwSignal::new(String::new()),
            update_ready: RwSignal::new(false),
            last_backup: RwSignal::new(None),
            backup_due: RwSignal::new(false),
            remote: RwSignal::new(None),
        }
    }

    /// Shows a storage failure in the banner (for actions whose caller has nowhere better).
    pub fn report(&self, error: AppError) {
        if let AppError::Storage(e) = error {
            self.notice.set(Some(Notice::Storage(e)));
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
