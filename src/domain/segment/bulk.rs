//! Bulk actions on a list of fiches, as pure functions: each returns only the fiches it changed,
//! so the caller writes only those. Bumping `version` and `updated_at` is left to the save path,
//! as for any other edit.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::filter::Needle;
use crate::domain::fiche::{Channel, Fiche, Status};
use crate::domain::validate::is_valid_email;

/// Adds `tag` (trimmed) to the fiches that do not have it yet, ignoring case and accents.
pub fn add_tag<'a>(fiches: impl IntoIterator<Item = &'a Fiche>, tag: &str) -> Vec<Fiche> {
    let tag = tag.trim();
    if tag.is_empty() {
        return Vec::new();
    }
    let needle = Needle::new(tag);
    changed(
        fiches,
        |f| !f.tags.iter().any(|t| needle.equals(t)),
        |f| f.tags.push(tag.to_string()),
    )
}

/// Removes every spelling of `tag` (ignoring case and accents) from the fiches that have it.
pub fn remove_tag<'a>(fiches: impl IntoIterator<Item = &'a Fiche>, tag: &str) -> Vec<Fiche> {
    let needle = Needle::new(tag);
    changed(
        fiches,
        |f| f.tags.iter().any(|t| needle.equals(t)),
        |f| f.tags.retain(|t| !needle.equals(t)),
    )
}

pub fn set_status<'a>(fiches: impl IntoIterator<Item = &'a Fiche>, status: Status) -> Vec<Fiche> {
    changed(fiches, |f| f.status != status, |f| f.status = status)
}

pub fn set_owner<'a>(fiches: impl IntoIterator<Item = &'a Fiche>, owner: &str) -> Vec<Fiche> {
    let owner = owner.trim();
    changed(
        fiches,
        |f| f.owner != owner,
        |f| f.owner = owner.to_string(),
    )
}

/// Clones and edits the fiches `needs` selects; the others are not copied.
fn changed<'a>(
    fiches: impl IntoIterator<Item = &'a Fiche>,
    needs: impl Fn(&Fiche) -> bool,
    edit: impl Fn(&mut Fiche),
) -> Vec<Fiche> {
    fiches
        .into_iter()
        .filter(|f| needs(f))
        .map(|f| {
            let mut f = f.clone();
            edit(&mut f);
            f
        })
        .collect()
}

/// Why a fiche is left out of a mailing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Skip {
    /// E-mail consent never asked.
    NoConsent,
    ConsentWithdrawn,
    NoEmail,
    /// Only addresses that do not look valid.
    InvalidEmail,
    /// Its address is already in the list, from an earlier fiche.
    Duplicate,
}

/// The addresses to paste into a mailing tool, and the fiches left out with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mailing {
    /// One per fiche (its first valid address), without duplicates (ignoring case), in the
    /// order of the fiches.
    pub emails: Vec<String>,
    /// Fiche ids, in the order of the fiches.
    pub skipped: Vec<(String, Skip)>,
}

/// Consent is checked first: without it the address does not matter.
pub fn mailing_list<'a>(fiches: impl IntoIterator<Item = &'a Fiche>) -> Mailing {
    let mut out = Mailing::default();
    let mut seen = HashSet::new();
    for f in fiches {
        let email = f
            .emails
            .iter()
            .map(|e| e.value.trim())
            .find(|v| is_valid_email(v));
        let skip = match (f.consents.get(Channel::Email), email) {
            (None, _) => Some(Skip::NoConsent),
            (Some(c), _) if !c.granted => Some(Skip::ConsentWithdrawn),
            (_, None) if f.primary_email().is_some() => Some(Skip::InvalidEmail),
            (_, None) => Some(Skip::NoEmail),
            (_, Some(e)) if !seen.insert(e.to_lowercase()) => Some(Skip::Duplicate),
            (_, Some(e)) => {
                out.emails.push(e.to_string());
                None
            }
        };
        if let Some(skip) = skip {
            out.skipped.push((f.id.clone(), skip));
        }
    }
    out
}
