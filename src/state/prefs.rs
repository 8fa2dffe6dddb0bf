//! Small preferences kept in localStorage (not in the customer file): language and list order.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::domain::lang::Lang;
use crate::domain::sort::{SortDir, SortKey};

const KEY: &str = "carnet.prefs";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Prefs {
    /// `None` until the user picks one: the browser's preference applies.
    #[serde(default)]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub sort: SortKey,
    #[serde(default)]
    pub dir: SortDir,
}

impl Prefs {
    /// The saved preferences; defaults when there are none or they cannot be read (a private
    /// window may refuse localStorage: the app still works, it just forgets).
    pub fn load() -> Prefs {
        LocalStorage::get(KEY).unwrap_or_default()
    }

    pub fn save(&self) {
        // Losing a preference is harmless; never let it disturb the user.
        let _ = LocalStorage::set(KEY, self);
    }
}
