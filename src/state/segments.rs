//! Segments as the app holds them: the builder's filter and the address, saved segments in
//! `meta`, and bulk actions. The list's engine they drive is `domain::segment::list`.

use chrono::Utc;
use leptos::prelude::*;

use super::change::{notify, Change};
use super::db::db;
use super::history_log;
use super::{AppError, AppState, Notice};
use crate::domain::fiche::{Fiche, Status};
use crate::domain::search::fold;
use crate::domain::segment::{from_url, to_url, Draft, Filter, SavedSegment};
use crate::i18n::K;

/// `meta` key of the saved segments: a list of [`SavedSegment::to_json`] strings (read back with
/// serde_json, whose filter deserializer the URL form already ships).
pub const SAVED_KEY: &str = "segments";

/// Replaces the builder's filter (a segment picked, a URL opened, the filter cleared); the
/// builder redraws its boxes from it.
pub fn load_draft(app: AppState, draft: Draft) {
    app.draft.set(draft);
    app.draft_loaded.update(|n| *n = n.wrapping_add(1));
}

/// The list's location hash for `filter`: `#/`, or `#/?f=` and [`to_url`]'s form.
pub fn list_hash(filter: &Filter) -> String {
    match Draft::from_filter(filter) {
        Some(d) if d.is_empty() => "#/".to_string(),
        _ => format!("#/?f={}", to_url(filter)),
    }
}

/// The filter part of a list hash, if any.
fn filter_param(hash: &str) -> Option<&str> {
    let (_, query) = hash.split_once('?')?;
    query.split('&').find_map(|kv| kv.strip_prefix("f="))
}

/// Follows a list hash opened (start, bookmark, back button): loads its filter when it is not
/// the current one. One that does not read is said in the banner; the list then shows all.
pub fn restore_filter(app: AppState, hash: &str) {
    let Some(param) = filter_param(hash) else {
        return;
    };
    if app.filter.with_untracked(|f| to_url(f) == param) {
        return;
    }
    match from_url(param).ok().and_then(|f| Draft::from_filter(&f)) {
        Some(d) => load_draft(app, d),
        None => {
            load_draft(app, Draft::default());
            app.notice.set(Some(Notice::Text(K::FilterUnreadable)));
        }
    }
}

/// The ids of the listed fiches, in the list's order.
pub fn listed_ids(app: AppState) -> Vec<String> {
    app.listed.with_untracked(|listed| {
        app.file.with_untracked(|f| {
            listed
                .iter()
                .filter_map(|&i| f.records().get(i as usize))
                .map(|r| r.fiche.id.clone())
                .collect()
        })
    })
}

/// The listed fiches (cloned: a bulk action edits copies).
fn listed_fiches(app: AppState, ids: &[String]) -> Vec<Fiche> {
    app.file.with_untracked(|f| {
        ids.iter()
            .filter_map(|id| f.get(id))
            .map(|r| r.fiche.clone())
            .collect()
    })
}

/// A bulk edit of fiches.
#[derive(Debug, Clone, PartialEq)]
pub enum Bulk {
    AddTag(String),
    RemoveTag(String),
    Status(Status),
    Owner(String),
}

/// Applies `action` to the fiches `ids` and saves those it changes in one transaction (all or
/// nothing); memory follows after the commit. Returns how many fiches changed.
pub async fn bulk_edit(app: AppState, ids: &[String], action: Bulk) -> Result<usize, AppError> {
    use crate::domain::segment::{add_tag, remove_tag, set_owner, set_status};
    use crate::domain::validate::{max_len, FieldError, Problem};
    // What the form would refuse, a bulk edit refuses too, before anything is written.
    let too_long = match &action {
        Bulk::AddTag(tag) => {
            (tag.chars().count() > max_len::LABEL).then_some(("tags", max_len::LABEL))
        }
        Bulk::Owner(o) => {
            (o.chars().count() > max_len::SHORT_TEXT).then_some(("owner", max_len::SHORT_TEXT))
        }
        Bulk::RemoveTag(_) | Bulk::Status(_) => None,
    };
    if let Some((field, max)) = too_long {
        return Err(AppError::Invalid(vec![FieldError::new(
            field,
            Problem::TooLong { max },
        )]));
    }
    let fiches = listed_fiches(app, ids);
    let changed = match &action {
        Bulk::AddTag(tag) => add_tag(&fiches, tag),
        Bulk::RemoveTag(tag) => remove_tag(&fiches, tag),
        Bulk::Status(s) => set_status(&fiches, *s),
        Bulk::Owner(o) => set_owner(&fiches, o),
    };
    if changed.is_empty() {
        return Ok(0);
    }
    let saved = db()?.save_fiches(&changed).await?;
    let ids: Vec<String> = saved.iter().map(|f| f.id.clone()).collect();
    app.file.update(|f| {
        for fiche in saved {
            f.upsert(fiche, None);
        }
    });
    let n = ids.len();
    notify(Change::Fiches { ids });
    Ok(n)
}

/// Deletes the fiches `ids` and their history in one transaction.
pub async fn bulk_delete(app: AppState, ids: Vec<String>) -> Result<(), AppError> {
    db()?.delete_fiches(&ids).await?;
    app.file.update(|f| {
        for id in &ids {
            f.remove(id);
        }
    });
    history_log::forget(app, &ids);
    notify(Change::Fiches { ids });
    Ok(())
}

/// Reads the saved segments. One that does not read (made by a newer version) is not listed,
/// and its JSON is carried through unchanged when the list is written again.
pub async fn load_saved(app: AppState) {
    let Ok(db) = db() else { return };
    if let Ok(Some(stored)) = db.get_meta::<Vec<String>>(SAVED_KEY).await {
        app.saved.set(
            stored
                .iter()
                .filter_map(|j| SavedSegment::from_json(j).ok())
                .collect(),
        );
        app.saved_raw.set(stored);
    }
}

/// Writes the list of saved segments (those this version cannot read are kept as they were).
async fn write_saved(app: AppState, segments: Vec<SavedSegment>) -> Result<(), AppError> {
    let mut stored: Vec<String> = app
        .saved_raw
        .get_untracked()
        .into_iter()
        .filter(|j| SavedSegment::from_json(j).is_err())
        .collect();
    stored.extend(segments.iter().map(SavedSegment::to_json));
    db()?.put_meta(SAVED_KEY, &stored).await?;
    app.saved.set(segments);
    app.saved_raw.set(stored);
    notify(Change::Meta);
    Ok(())
}

/// Saves `filter` under `name`; a segment of the same name (ignoring case and accents) is
/// replaced. Returns its id.
pub async fn save_segment(app: AppState, name: String, filter: Filter) -> Result<String, AppError> {
    let name = name.trim().to_string();
    let key = fold(&name);
    let mut list = app.saved.get_untracked();
    let id = list
        .iter()
        .find(|s| fold(&s.name) == key)
        .map(|s| s.id.clone())
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let seg = SavedSegment::new(id.clone(), name, filter, Utc::now());
    match list.iter_mut().find(|s| s.id == id) {
        Some(s) => *s = seg,
        None => list.push(seg),
    }
    write_saved(app, list).await?;
    Ok(id)
}

pub async fn delete_segment(app: AppState, id: String) -> Result<(), AppError> {
    let mut list = app.saved.get_untracked();
    list.retain(|s| s.id != id);
    write_saved(app, list).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::segment::{Condition, TextField, TextOp};

    #[test]
    fn list_hash_round_trips_through_the_filter_param() {
        assert_eq!(list_hash(&Filter::default()), "#/");
        let f: Filter = Condition::Text(TextField::PostalCode, TextOp::Prefix("69".into())).into();
        let hash = list_hash(&f);
        let param = filter_param(&hash).unwrap();
        assert_eq!(from_url(param).unwrap(), f);
        assert_eq!(filter_param("#/fiche/x"), None);
    }
}
