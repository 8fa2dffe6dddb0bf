//! Small preferences kept in localStorage (not in the customer file): language, the list's
//! order and columns, the customer-type thresholds.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::domain::lang::Lang;
use crate::domain::segment::list::Col;
use crate::domain::segment::Thresholds;
use crate::domain::sort::SortDir;

const KEY: &str = "carnet.prefs";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Prefs {
    /// `None` until the user picks one: the browser's preference applies.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The list's sort column (the older `sort` key, name / created / last contact, reads as
    /// the default).
    #[serde(default)]
    pub order: Col,
    #[serde(default)]
    pub dir: SortDir,
    /// The list's columns as a bit mask of [`Col::ALL`]; 0 for the default ones.
    #[serde(default)]
    pub cols: u32,
    #[serde(default)]
    pub thresholds: Thresholds,
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
