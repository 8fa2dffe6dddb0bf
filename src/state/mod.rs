//! The in-memory customer file and the actions that change it. Every write goes to IndexedDB
//! first; memory (and so the screen) changes only once the transaction has committed.

pub mod actions;
pub mod analytics;
pub mod backup;
pub mod change;
pub mod clock;
pub mod db;
pub mod draft;
pub mod history_log;
pub mod mark;
pub mod platform;
pub mod prefs;
pub mod route;
pub mod segments;
pub mod snapshot;
pub mod sync;
pub mod transfer;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::analytics::Log;
use crate::domain::custom_field::CustomFieldDef;
use crate::domain::lang::Lang;
use crate::domain::safety::FileMark;
use crate::domain::search::Query;
use crate::domain::segment::{list, Draft, Filter, SavedSegment, Thresholds};
use crate::domain::sort::SortDir;
use crate::domain::validate::FieldError;
use crate::i18n::K;

pub use crate::domain::file::{FileState, Record};
/// What the pages show of storage: its errors, and the last import (to undo it).
pub use crate::storage::{ImportBatchInfo, StorageError};
pub use change::{notify, Change};
pub use route::Route;

/// Where opening the file stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Loading,
    Ready,
    /// The file could not be opened: nothing else can work.
    Failed(Failure),
}

/// Why the file could not be opened, with what tells a person where their fiches may be.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub error: StorageError,
    /// What this device's file held when last seen: a database that opened before is not
    /// "unavailable storage", and the fiches may still be on disk.
    pub mark: Option<FileMark>,
    /// Free space the browser reports, when it does.
    pub free: Option<u64>,
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
}

/// Fiches chosen on the analysis page (a decile, a cohort, a migration…): the list shows only
/// them, says where they came from, and leads back. Kept as ids: record indices move when the
/// file changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    /// The analysis it came from.
    pub title: K,
    /// The bar, cell or row clicked, as the page wrote it.
    pub detail: String,
    /// The analysis page's address, period included, to go back to.
    pub back: Route,
    pub ids: Vec<String>,
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
    /// Set at start when the database is empty where the file's mark says it held fiches:
    /// the file was lost (see [`mark`]); cleared by a restore or by choosing to start again.
    pub lost: RwSignal<Option<FileMark>>,
    /// The last change another tab made, once applied here (pages showing it re-read it).
    pub remote: RwSignal<Option<Change>>,
    /// The date the derived data is computed for, kept current by [`clock::follow`].
    pub today: RwSignal<NaiveDate>,
    /// The customer-type rules (a preference, edited in the settings).
    pub thresholds: RwSignal<Thresholds>,
    /// The list's filter as the builder edits it (kept across pages, like the search).
    pub draft: RwSignal<Draft>,
    /// Bumped when the draft is replaced as a whole ([`segments::load_draft`]).
    pub draft_loaded: RwSignal<u32>,
    pub filter: Memo<Filter>,
    /// The list's sort column and direction.
    pub order: RwSignal<(list::Col, SortDir)>,
    pub saved: RwSignal<Vec<SavedSegment>>,
    /// The stored JSON of the saved segments, those this version cannot read included.
    pub saved_raw: RwSignal<Vec<String>>,
    /// Customer types and RFM, recomputed when the file, the thresholds or the date change.
    pub derived: Memo<list::Derived>,
    /// Every record index in the list's order.
    pub sorted: Memo<list::Sorted>,
    /// The listed record indices: search, filter and pick applied, in order.
    pub listed: Memo<Vec<u32>>,
    pub pick: RwSignal<Option<Pick>>,
    /// The history as the analyses read it, kept equal to the history store by
    /// [`history_log`].
    pub log: RwSignal<Log>,
    pub log_status: RwSignal<history_log::LogStatus>,
}

impl AppState {
    pub fn new(lang: Lang, route: Route) -> AppState {
        let prefs = prefs::Prefs::load();
        let file = RwSignal::new(FileState::default());
        let thresholds = RwSignal::new(prefs.thresholds);
        let today = RwSignal::new(clock::today());
        let draft = RwSignal::new(Draft::default());
        let order = RwSignal::new((prefs.order, prefs.dir));
        let list_query = RwSignal::new(String::new());
        // The memos below hold large vectors: "changed" without comparing them (the inputs
        // changed, so the result almost surely did).
        let derived = Memo::new_with_compare(
            move |_| file.with(|f| list::derive(f, thresholds.get(), today.get())),
            |_, _| true,
        );
        let sorted = Memo::new_owning(move |old: Option<list::Sorted>| {
            let (col, dir) = order.get();
            let ids = derived.with(|d| file.with(|f| list::sorted(f, d, col, dir)));
            let serial = old.map_or(0, |o| o.serial.wrapping_add(1));
            (list::Sorted { serial, ids }, true)
        });
        let filter = Memo::new(move |_| draft.with(Draft::to_filter));
        // Reuses the previous pass's buffers: a keystroke allocates nothing per row, and a
        // search that grows narrows the previous hits.
        let pass = StoredValue::new(list::Pass::default());
        let pick: RwSignal<Option<Pick>> = RwSignal::new(None);
        // The picked fiches as a mask over the records, remade when the file or the pick change.
        let picked = Memo::new_with_compare(
            move |_| {
                pick.with(|p| {
                    let p = p.as_ref()?;
                    file.with(|f| {
                        let mut mask = vec![false; f.len()];
                        for i in p.ids.iter().filter_map(|id| f.index_of(id)) {
                            mask[i] = true;
                        }
                        Some(mask)
                    })
                })
            },
            |_, _| true,
        );
        // What search and filter select, before the pick: `select` narrows its previous
        // result, which must not have lost the fiches a pick left out.
        let selected = StoredValue::new(Vec::<u32>::new());
        let listed = Memo::new_owning(move |old: Option<Vec<u32>>| {
            let mut out = old.unwrap_or_default();
            let query = Query::new(&list_query.get());
            sorted.with(|order| {
                derived.with(|d| {
                    file.with(|f| {
                        filter.with(|flt| {
                            pass.update_value(|p| {
                                selected.update_value(|sel| {
                                    list::select(f, d, order, &query, flt, p, sel)
                                })
                            })
                        })
                    })
                })
            });
            out.clear();
            selected.with_value(|sel| {
                picked.with(|mask| match mask {
                    Some(mask) => out.extend(
                        sel.iter()
                            .copied()
                            .filter(|&i| mask.get(i as usize).copied().unwrap_or(false)),
                    ),
                    None => out.extend_from_slice(sel),
                })
            });
            (out, true)
        });
        AppState {
            today,
            thresholds,
            draft,
            draft_loaded: RwSignal::new(0),
            filter,
            order,
            saved: RwSignal::new(Vec::new()),
            saved_raw: RwSignal::new(Vec::new()),
            derived,
            sorted,
            listed,
            lang: RwSignal::new(lang),
            file,
            fields: RwSignal::new(Vec::new()),
            phase: RwSignal::new(Phase::Loading),
            notice: RwSignal::new(None),
            route: RwSignal::new(route),
            list_query,
            update_ready: RwSignal::new(false),
            last_backup: RwSignal::new(None),
            backup_due: RwSignal::new(false),
            remote: RwSignal::new(None),
            lost: RwSignal::new(None),
            pick,
            log: RwSignal::new(Log::new()),
            log_status: RwSignal::new(history_log::LogStatus::Reading { read: 0, total: 0 }),
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
