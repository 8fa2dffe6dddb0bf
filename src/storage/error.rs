//! The one error type of the storage layer, and how browser errors map onto it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::DomException;

/// What can go wrong when reading or writing the file. Each message says what a person can do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser refused to store more (disk full or the site's quota reached).
    #[error(
        "the browser's storage is full: free some disk space or delete old data, then try again"
    )]
    QuotaExceeded,
    /// A large write was refused before it started: it needs about `need` bytes free (its size
    /// twice over, and a margin) and the disk has less (`free` when the browser tells how much).
    /// Nothing was written.
    #[error("not enough free space: this needs about {need} bytes")]
    NoRoom { need: u64, free: Option<u64> },
    /// The browser closed the database while the page used it (a full disk, the site's data
    /// cleared, a damaged database): nothing more can be saved until the page is reloaded.
    /// `free` is filled in by the app from the browser's estimate, when it has one.
    #[error("the browser closed the file's database: reload the page")]
    Closed { free: Option<u64> },
    /// Another tab keeps an older version of the database open, so it cannot be upgraded. Nothing
    /// was changed; the upgrade goes through once that tab is closed.
    #[error(
        "Carnet is open in another tab with an older version: close the other tabs, then reload"
    )]
    Blocked,
    /// The database was written by a newer Carnet than this page (or upgraded by one in another tab).
    #[error("this file was saved by a newer version of Carnet: reload the page")]
    NewerVersion,
    /// IndexedDB is missing or disabled (some private-browsing modes, blocked site data).
    #[error(
        "the browser's storage is not available here (private browsing or site data disabled)"
    )]
    Unavailable,
    /// The stored record is not the one the write was based on: changed in another tab, or, for
    /// an insert, already there.
    #[error("fiche {id} was changed elsewhere (another tab?): reload it before saving again")]
    Conflict { id: String },
    /// An edit of a fiche that is no longer stored (deleted in another tab since it was read):
    /// nothing was written, and saving again will not bring it back.
    #[error("fiche {id} was deleted in another tab: it was not saved")]
    Deleted { id: String },
    /// Undoing the last import would lose what was done since: these fiches (ids) were saved
    /// again after the import, or a fiche it created received entries since. Nothing was
    /// changed; the import can be kept ([`crate::storage::Db::forget_last_import`]) or those
    /// fiches handled by hand.
    #[error(
        "the last import cannot be undone: {} fiche(s) were changed since ({})",
        .ids.len(),
        first_ids(.ids)
    )]
    ChangedSinceImport { ids: Vec<String> },
    /// The record the operation needs does not exist.
    #[error("record {id} does not exist")]
    NotFound { id: String },
    /// A stored record that does not decode. It is left untouched in the database.
    #[error("a stored record could not be read: {0}")]
    Corrupt(String),
    #[error("storage error: {0}")]
    Other(String),
}

/// The first few ids of a list, for a message that stays readable with 10,000 of them.
fn first_ids(ids: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = ids
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        text.push_str(", …");
    }
    text
}

/// Where the failure happened: the same DOMException name means different things on opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Open,
    Use,
}

/// Maps a DOMException name (and message, kept for the unknown cases) to a [`StorageError`].
pub(crate) fn classify(name: &str, message: &str, stage: Stage) -> StorageError {
    match (name, stage) {
        ("QuotaExceededError", _) => StorageError::QuotaExceeded,
        // Only `open` with a version lower than the stored one raises it.
        ("VersionError", _) => StorageError::NewerVersion,
        // On open these mean "no usable IndexedDB": Firefox private mode (InvalidStateError),
        // storage blocked by settings or an opaque origin (SecurityError). An UnknownError is
        // not that: Chromium gives it when its database files cannot be read or written (a full
        // disk, a damaged profile), so it keeps its name and text for the message.
        ("InvalidStateError" | "SecurityError" | "NotAllowedError", Stage::Open) => {
            StorageError::Unavailable
        }
        _ if message.is_empty() => StorageError::Other(name.to_string()),
        _ => StorageError::Other(format!("{name}: {message}")),
    }
}

/// Maps a value thrown by (or the `error` of) an IndexedDB call.
pub(crate) fn from_js(value: &JsValue, stage: Stage) -> StorageError {
    if let Some(e) = value.dyn_ref::<DomException>() {
        return classify(&e.name(), &e.message(), stage);
    }
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return StorageError::Other(String::from(e.message()));
    }
    StorageError::Other(value.as_string().unwrap_or_else(|| format!("{value:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_and_version_map_the_same_everywhere() {
        for stage in [Stage::Open, Stage::Use] {
            assert_eq!(
                classify("QuotaExceededError", "", stage),
                StorageError::QuotaExceeded
            );
            assert_eq!(
                classify("VersionError", "x", stage),
                StorageError::NewerVersion
            );
        }
    }

    #[test]
    fn open_failures_mean_unavailable_but_not_later() {
        assert_eq!(
            classify("UnknownError", "m", Stage::Open),
            StorageError::Other("UnknownError: m".into()),
            "a disk error is not 'unavailable storage'"
        );
        for name in ["InvalidStateError", "SecurityError"] {
            assert_eq!(classify(name, "m", Stage::Open), StorageError::Unavailable);
            assert_eq!(
                classify(name, "m", Stage::Use),
                StorageError::Other(format!("{name}: m"))
            );
        }
    }

    #[test]
    fn a_refused_undo_names_the_first_fiches_only() {
        let ids: Vec<String> = (1..=7).map(|i| format!("f{i}")).collect();
        let e = StorageError::ChangedSinceImport { ids };
        assert_eq!(
            e.to_string(),
            "the last import cannot be undone: 7 fiche(s) were changed since (f1, f2, f3, f4, f5, …)"
        );
    }

    #[test]
    fn unknown_names_keep_their_text() {
        assert_eq!(
            classify("DataError", "", Stage::Use),
            StorageError::Other("DataError".into())
        );
    }
}
