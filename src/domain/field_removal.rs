//! Deleting a custom field from the fiches that hold a value of it: the value goes, or moves to
//! the notes, as the user chooses.

use serde::{Deserialize, Serialize};

use super::custom_field::{render_value, CustomFieldDef};
use super::fiche::Fiche;
use super::lang::Lang;

/// What happens to the values of a custom field that is being deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RemovalMode {
    #[default]
    DeleteValues,
    /// Keep the information as a line of the fiche's notes.
    MoveToNotes,
}

/// The fiches that hold a value of `def`, with that value removed (and, with
/// [`RemovalMode::MoveToNotes`], a line "<field name>: <value>" appended to their notes).
/// Untouched fiches are not returned, so the caller writes only what changed; bumping `version`
/// and `updated_at` is left to the save path, as for any other edit.
pub fn remove_field_values(
    fiches: &[Fiche],
    def: &CustomFieldDef,
    mode: RemovalMode,
    lang: Lang,
) -> Vec<Fiche> {
    fiches
        .iter()
        .filter(|f| f.custom.contains_key(&def.id))
        .map(|f| {
            let mut f = f.clone();
            if let Some(value) = f.custom.remove(&def.id) {
                if mode == RemovalMode::MoveToNotes {
                    if !f.notes.trim_end().is_empty() {
                        f.notes.truncate(f.notes.trim_end().len());
                        f.notes.push('\n');
                    }
                    f.notes.push_str(&format!(
                        "{}: {}",
                        def.name.trim(),
                        render_value(&value, lang)
                    ));
                }
            }
            f
        })
        .collect()
}
