//! Segments on the in-memory file: what the file computes for each fiche (customer type, RFM),
//! the list's order and selection, segment counts, saved segments in `meta`, and bulk actions.
//!
//! Costs at 100,000 fiches: [`derive`] and [`sorted`] run when the file, the thresholds or the
//! order change; a keystroke or a condition change runs only [`select`], one pass over the
//! sorted indices into a buffer reused from the previous pass (no allocation per row).

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::file::{FileState, Record};
use super::sync::{notify, Change};
use super::{actions, AppError, AppState, Notice};
use crate::domain::dates::format_date;
use crate::domain::fiche::{Fiche, Status};
use crate::domain::lang::Lang;
use crate::domain::money::format_amount;
use crate::domain::search::{fold, Query};
use crate::domain::segment::{
    from_url, to_url, Computed, Draft, FileStats, Filter, FoldedText, Row, SavedSegment, Thresholds,
};
use crate::domain::sort::SortDir;
use crate::i18n::{labels, t, K};

/// `meta` key of the saved segments: a list of [`SavedSegment::to_json`] strings (read back with
/// serde_json, whose filter deserializer the URL form already ships).
pub const SAVED_KEY: &str = "segments";

/// What the file computes for each fiche, index for index with [`FileState::records`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    pub today: NaiveDate,
    pub computed: Vec<Computed>,
}

/// Customer types and RFM of every fiche, from the file's statistics of `today`.
pub fn derive(file: &FileState, thresholds: Thresholds, today: NaiveDate) -> Derived {
    let records = file.records();
    let stats = FileStats::new(records.iter().map(|r| &r.summary), today, thresholds);
    Derived {
        today,
        computed: records.iter().map(|r| stats.compute(&r.summary)).collect(),
    }
}

fn row<'a>(r: &'a Record, text: &'a FoldedText, computed: &'a Computed) -> Row<'a> {
    Row {
        fiche: &r.fiche,
        summary: &r.summary,
        computed,
        text,
    }
}

/// How many fiches each filter selects, in one pass over the file.
pub fn counts(file: &FileState, d: &Derived, filters: &[Filter]) -> Vec<usize> {
    let mut n = vec![0; filters.len()];
    for ((r, t), c) in file.records().iter().zip(file.texts()).zip(&d.computed) {
        let row = row(r, t, c);
        for (n, f) in n.iter_mut().zip(filters) {
            *n += usize::from(f.matches(row, d.today));
        }
    }
    n
}

/// What the last [`select`] pass was made of, so that the next one can narrow its result: a
/// search that only grows ("d", "du", "dup") re-tests the previous hits rather than the file,
/// and a filter that changes in one condition re-tests only that condition.
#[derive(Debug, Clone, Default)]
pub struct Pass {
    /// The [`Sorted::serial`] the hits were taken from; `None` before any pass.
    serial: Option<u64>,
    query: Query,
    filter: Filter,
    /// One flag per record, reused from pass to pass.
    hit: Vec<bool>,
    /// What each part of the filter (each member of a top-level AND) said of each record, for
    /// the same serial: while a condition is typed, the others' answers are read back, and the
    /// one being typed is tested only on the records all the others keep.
    parts: Vec<Part>,
}

const NO: u8 = 0;
const YES: u8 = 1;
const UNKNOWN: u8 = 2;

/// One member of the filter's top-level AND and its answers so far: [`YES`], [`NO`] or
/// [`UNKNOWN`] (not asked yet) per record.
#[derive(Debug, Clone)]
struct Part {
    filter: Filter,
    answers: Vec<u8>,
    unknown: usize,
}

impl Part {
    fn new(filter: &Filter, n: usize) -> Part {
        Part {
            filter: filter.clone(),
            answers: vec![UNKNOWN; n],
            unknown: n,
        }
    }

    /// The answer for record `i`, asked of `row` the first time.
    fn matches(&mut self, i: usize, row: Row<'_>, today: NaiveDate) -> bool {
        match self.answers.get(i).copied() {
            Some(YES) => true,
            Some(NO) => false,
            _ => {
                let yes = self.filter.matches(row, today);
                if let Some(a) = self.answers.get_mut(i) {
                    *a = if yes { YES } else { NO };
                    self.unknown -= 1;
                }
                yes
            }
        }
    }
}

/// The members of the filter's top-level AND (the filter itself when it is not an AND), each
/// with the answers the previous pass kept for it, those fully answered first.
fn parts(filter: &Filter, mut old: Vec<Part>, n: usize) -> Vec<Part> {
    let members = match filter {
        Filter::All(fs) => fs.iter().collect(),
        f => vec![f],
    };
    let parts = members
        .into_iter()
        .map(|f| match old.iter().position(|p| p.filter == *f) {
            Some(i) => old.swap_remove(i),
            None => Part::new(f, n),
        });
    // Not a sort: a stable sort links kilobytes of code per use.
    let (mut done, asking): (Vec<Part>, Vec<Part>) = parts.partition(|p| p.unknown == 0);
    done.extend(asking);
    done
}

/// Every record index in the list's order, with a serial number that changes whenever it is
/// recomputed (a new file, new computed types, another order).
#[derive(Debug, Clone, Default)]
pub struct Sorted {
    pub serial: u64,
    pub ids: Vec<u32>,
}

/// Whether every fiche matching `new` matches `old`: each old word is inside a new word.
fn narrows(old: &Query, new: &Query) -> bool {
    old.words()
        .iter()
        .all(|o| new.words().iter().any(|n| n.contains(o.as_str())))
}

/// The indices of the fiches matching the search and the filter, in `order`, into `out`
/// (its capacity kept). Records are tested in storage order, which reads memory sequentially
/// (in sorted order each record would be a cache miss), then picked in the list's order.
pub fn select(
    file: &FileState,
    d: &Derived,
    order: &Sorted,
    query: &Query,
    filter: &Filter,
    pass: &mut Pass,
    out: &mut Vec<u32>,
) {
    let (records, texts) = (file.records(), file.texts());
    if pass.serial == Some(order.serial) && pass.filter == *filter && narrows(&pass.query, query) {
        // The previous hits re-tested in storage order too: in the list's order each would be a
        // cache miss (measured: 50–90 ms at 100,000 fiches after a one-letter search).
        for (hit, t) in pass.hit.iter_mut().zip(texts) {
            if *hit {
                *hit = t.matches_query(query);
            }
        }
        let hit = &pass.hit;
        out.retain(|&i| hit.get(i as usize).copied().unwrap_or(false));
    } else {
        if pass.serial != Some(order.serial) {
            pass.parts.clear();
        }
        let mut parts = parts(filter, std::mem::take(&mut pass.parts), records.len());
        pass.hit.clear();
        // The search first: it reads only the compact texts. Then each part in turn, stopping
        // at the first that refuses the record: known answers are a byte each, read in order;
        // only an unknown one reads the (large) record.
        let each = records.iter().zip(texts).zip(&d.computed).enumerate();
        pass.hit.extend(each.map(|(i, ((r, t), c))| {
            (query.is_empty() || t.matches_query(query))
                && parts
                    .iter_mut()
                    .all(|p| p.matches(i, row(r, t, c), d.today))
        }));
        pass.parts = parts;
        out.clear();
        out.extend(
            order
                .ids
                .iter()
                .copied()
                .filter(|&i| pass.hit.get(i as usize).copied().unwrap_or(false)),
        );
        pass.serial = Some(order.serial);
        pass.filter = filter.clone();
    }
    pass.query = query.clone();
}

/// A column of the list. The serde name is stored in the preferences: add, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Col {
    #[default]
    Name,
    Company,
    Contact,
    Email,
    Phone,
    PostalCode,
    City,
    Kind,
    Status,
    Type,
    Rfm,
    Total,
    Orders,
    LastPurchase,
    LastContact,
    Created,
    Owner,
    Tags,
}

impl Col {
    pub const ALL: [Col; 18] = [
        Col::Name,
        Col::Company,
        Col::Contact,
        Col::Email,
        Col::Phone,
        Col::PostalCode,
        Col::City,
        Col::Kind,
        Col::Status,
        Col::Type,
        Col::Rfm,
        Col::Total,
        Col::Orders,
        Col::LastPurchase,
        Col::LastContact,
        Col::Created,
        Col::Owner,
        Col::Tags,
    ];

    /// Shown until the user chooses.
    pub const DEFAULT: [Col; 7] = [
        Col::Name,
        Col::Company,
        Col::Contact,
        Col::City,
        Col::Type,
        Col::Total,
        Col::LastContact,
    ];

    pub fn label(self) -> K {
        match self {
            Col::Name => K::ColName,
            Col::Company => K::ColCompany,
            Col::Contact => K::ColContact,
            Col::Email => K::FEmail,
            Col::Phone => K::FPhone,
            Col::PostalCode => K::FPostalCode,
            Col::City => K::ColCity,
            Col::Kind => K::FKind,
            Col::Status => K::ColStatus,
            Col::Type => K::CustomerType,
            Col::Rfm => K::RfmScore,
            Col::Total => K::ColTotal,
            Col::Orders => K::Orders,
            Col::LastPurchase => K::LastPurchase,
            Col::LastContact => K::ColLastContact,
            Col::Created => K::SortCreated,
            Col::Owner => K::FOwner,
            Col::Tags => K::Tags,
        }
    }

    /// A stable id (the serde name), for the sort menu and the tests.
    pub fn id(self) -> &'static str {
        match self {
            Col::Name => "name",
            Col::Company => "company",
            Col::Contact => "contact",
            Col::Email => "email",
            Col::Phone => "phone",
            Col::PostalCode => "postal_code",
            Col::City => "city",
            Col::Kind => "kind",
            Col::Status => "status",
            Col::Type => "type",
            Col::Rfm => "rfm",
            Col::Total => "total",
            Col::Orders => "orders",
            Col::LastPurchase => "last_purchase",
            Col::LastContact => "last_contact",
            Col::Created => "created",
            Col::Owner => "owner",
            Col::Tags => "tags",
        }
    }

    pub fn from_id(id: &str) -> Col {
        Col::ALL
            .into_iter()
            .find(|c| c.id() == id)
            .unwrap_or_default()
    }

    /// Right-aligned figures.
    pub fn numeric(self) -> bool {
        matches!(self, Col::Total | Col::Orders | Col::Rfm)
    }

    fn bit(self) -> u32 {
        1 << Col::ALL.iter().position(|&c| c == self).unwrap_or(0)
    }

    /// The columns of a preference mask (0: the default ones), in [`Col::ALL`] order.
    pub fn of_mask(mask: u32) -> Vec<Col> {
        if mask == 0 {
            return Col::DEFAULT.to_vec();
        }
        Col::ALL
            .into_iter()
            .filter(|c| mask & c.bit() != 0)
            .collect()
    }

    pub fn mask(cols: &[Col]) -> u32 {
        cols.iter().fold(0, |m, c| m | c.bit())
    }
}

fn first<'a>(mut it: impl Iterator<Item = &'a str>) -> &'a str {
    it.find(|v| !v.trim().is_empty()).unwrap_or_default()
}

/// The text of one cell.
pub fn cell(col: Col, r: &Record, c: &Computed, lang: Lang) -> String {
    let (f, s) = (&r.fiche, &r.summary);
    let date = |d: Option<chrono::DateTime<Utc>>| {
        d.map(|d| format_date(d.naive_utc().date(), lang))
            .unwrap_or_default()
    };
    match col {
        Col::Name => f.display_name(),
        Col::Company => f.company.clone(),
        Col::Contact => f
            .primary_email()
            .or(f.primary_phone())
            .unwrap_or_default()
            .to_string(),
        Col::Email => f.primary_email().unwrap_or_default().to_string(),
        Col::Phone => f.primary_phone().unwrap_or_default().to_string(),
        Col::PostalCode => first(f.addresses.iter().map(|a| a.postal_code.as_str())).to_string(),
        Col::City => f.primary_city().unwrap_or_default().to_string(),
        Col::Kind => t(lang, labels::fiche_kind(f.kind)).to_string(),
        Col::Status => t(lang, labels::status(f.status)).to_string(),
        Col::Type => t(lang, labels::customer_type(c.kind)).to_string(),
        Col::Rfm => c
            .rfm
            .map(|x| format!("{}{}{}", x.r, x.f, x.m))
            .unwrap_or_default(),
        Col::Total => s
            .total_if_any()
            .map(|c| format_amount(c, lang))
            .unwrap_or_default(),
        Col::Orders => s.orders.to_string(),
        Col::LastPurchase => date(s.last_purchase),
        Col::LastContact => date(s.last_contact),
        Col::Created => date(Some(f.created_at)),
        Col::Owner => f.owner.clone(),
        Col::Tags => f.tags.join(", "),
    }
}

/// A sort key: text folded, or a number; missing values sort last in both directions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Num(i64),
    Text(String),
}

fn sort_key(col: Col, r: &Record, c: &Computed) -> Option<Key> {
    let (f, s) = (&r.fiche, &r.summary);
    let ts = |d: Option<chrono::DateTime<Utc>>| d.map(|d| Key::Num(d.timestamp()));
    match col {
        Col::Total => s.total_if_any().map(Key::Num),
        Col::Orders => Some(Key::Num(s.orders.into())),
        Col::LastPurchase => ts(s.last_purchase),
        Col::LastContact => ts(s.last_contact),
        Col::Created => ts(Some(f.created_at)),
        Col::Type => Some(Key::Num(c.kind as i64)),
        Col::Rfm => c
            .rfm
            .map(|x| Key::Num(i64::from(x.r) * 100 + i64::from(x.f) * 10 + i64::from(x.m))),
        // Text columns: the cell's text (labels in a fixed language: the order must not move
        // with a language switch).
        col => {
            let text = cell(col, r, c, Lang::Fr);
            let text = text.trim();
            (!text.is_empty()).then(|| Key::Text(fold(text)))
        }
    }
}

/// Every record's index, ordered by `col` then by id (the same order whatever order the records
/// were read in); fiches without a value last.
pub fn sorted(file: &FileState, d: &Derived, col: Col, dir: SortDir) -> Vec<u32> {
    let records = file.records();
    let mut idx: Vec<u32> = (0..records.len() as u32).collect();
    idx.sort_by_cached_key(|&i| {
        let r = &records[i as usize];
        let key = d.computed.get(i as usize).and_then(|c| sort_key(col, r, c));
        (key.is_none(), key, r.fiche.id.clone())
    });
    if dir == SortDir::Desc {
        let with_value = idx
            .iter()
            .position(|&i| {
                let r = &records[i as usize];
                d.computed
                    .get(i as usize)
                    .is_none_or(|c| sort_key(col, r, c).is_none())
            })
            .unwrap_or(idx.len());
        idx[..with_value].reverse();
    }
    idx
}

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
    let saved = actions::db()?.save_fiches(&changed).await?;
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
    actions::db()?.delete_fiches(&ids).await?;
    app.file.update(|f| {
        for id in &ids {
            f.remove(id);
        }
    });
    notify(Change::Fiches { ids });
    Ok(())
}

/// Reads the saved segments. One that does not read (made by a newer version) is not listed,
/// and its JSON is carried through unchanged when the list is written again.
pub async fn load_saved(app: AppState) {
    let Ok(db) = actions::db() else { return };
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
    actions::db()?.put_meta(SAVED_KEY, &stored).await?;
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
    use crate::domain::demo::demo_file;
    use crate::domain::segment::{Condition, CustomerType, Filter, TextField, TextOp};
    use crate::domain::summary::Summary;

    fn file() -> (FileState, Derived) {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let (fiches, entries) = demo_file(7, 300, today);
        let file = FileState::from_records(fiches.into_iter().map(|f| {
            let s = Summary::from_history(entries.iter().filter(|e| e.fiche_id == f.id));
            (f, s)
        }));
        let d = derive(&file, Thresholds::default(), today);
        (file, d)
    }

    /// `select` from scratch, for the tests.
    fn fresh(
        file: &FileState,
        d: &Derived,
        order: &[u32],
        q: &Query,
        f: &Filter,
        out: &mut Vec<u32>,
    ) {
        let order = Sorted {
            serial: 0,
            ids: order.to_vec(),
        };
        select(file, d, &order, q, f, &mut Pass::default(), out);
    }

    #[test]
    fn a_growing_search_narrows_to_what_a_fresh_pass_finds() {
        let (file, d) = file();
        let (mut pass, mut out, mut expected) = (Pass::default(), Vec::new(), Vec::new());
        let mut check = |order: &Sorted, q: &str, f: &Filter| {
            let q = Query::new(q);
            select(&file, &d, order, &q, f, &mut pass, &mut out);
            fresh(&file, &d, &order.ids, &q, f, &mut expected);
            assert_eq!(out, expected, "{q:?}");
        };
        let by_name = Sorted {
            serial: 7,
            ids: sorted(&file, &d, Col::Name, SortDir::Asc),
        };
        let f = Filter::default();
        for q in [
            "m", "ma", "mar", "mar l", "mar ly", "06", "06 1", "06 12", "06 12 a", "", "b",
        ] {
            check(&by_name, q, &f);
        }
        // Another filter or another order: a fresh pass.
        let loyal: Filter = Condition::CustomerType(vec![CustomerType::Loyal]).into();
        check(&by_name, "b", &loyal);
        let by_total = Sorted {
            serial: 8,
            ids: sorted(&file, &d, Col::Total, SortDir::Desc),
        };
        check(&by_total, "b", &loyal);
        assert!(narrows(&Query::new("du"), &Query::new("dup")));
        assert!(
            !narrows(&Query::new("06 12"), &Query::new("06 12 a")),
            "digits then words"
        );
        assert!(narrows(&Query::new(""), &Query::new("x")));
    }

    #[test]
    fn a_changed_condition_is_asked_again_and_only_where_the_others_agree() {
        let (file, d) = file();
        let (mut pass, mut out, mut expected) = (Pass::default(), Vec::new(), Vec::new());
        let by_name = Sorted {
            serial: 3,
            ids: sorted(&file, &d, Col::Name, SortDir::Asc),
        };
        let loyal: Filter = Condition::CustomerType(vec![CustomerType::Loyal]).into();
        let postal = |p: &str| -> Filter {
            Condition::Text(TextField::PostalCode, TextOp::Prefix(p.into())).into()
        };
        let mut check = |order: &Sorted, q: &str, f: &Filter, pass: &mut Pass| {
            let q = Query::new(q);
            select(&file, &d, order, &q, f, pass, &mut out);
            fresh(&file, &d, &order.ids, &q, f, &mut expected);
            assert_eq!(out, expected, "{f:?} {q:?}");
        };
        let both = |p: &str| Filter::All(vec![loyal.clone(), postal(p)]);
        for p in ["6", "69", "690", "69", "", "7", "75"] {
            check(&by_name, "", &both(p), &mut pass);
        }
        let loyal_count = d
            .computed
            .iter()
            .filter(|c| c.kind == CustomerType::Loyal)
            .count();
        assert!(loyal_count > 0 && loyal_count < file.len());
        // The loyal part kept its answers; "75" was asked only of the loyal fiches.
        let part = |pass: &Pass, f: &Filter| {
            pass.parts
                .iter()
                .find(|p| p.filter == *f)
                .map(|p| file.len() - p.unknown)
        };
        assert_eq!(part(&pass, &loyal), Some(file.len()));
        assert_eq!(part(&pass, &postal("75")), Some(loyal_count));
        assert_eq!(pass.parts.len(), 2, "the parts of the current filter only");

        // Searches, other shapes, a condition removed, then another serial: all agree with a
        // fresh pass.
        check(&by_name, "ma", &both("75"), &mut pass);
        check(&by_name, "", &Filter::All(vec![postal("69")]), &mut pass);
        check(
            &by_name,
            "",
            &Filter::Any(vec![loyal.clone(), postal("13")]),
            &mut pass,
        );
        check(&by_name, "", &postal("13").negate(), &mut pass);
        check(&by_name, "", &Filter::default(), &mut pass);
        check(&by_name, "", &both("69"), &mut pass);
        let by_total = Sorted {
            serial: 4,
            ids: sorted(&file, &d, Col::Total, SortDir::Desc),
        };
        check(&by_total, "", &both("69"), &mut pass);
        assert_eq!(
            part(&pass, &loyal),
            Some(file.len()),
            "answers from serial 4 only"
        );
    }

    #[test]
    fn select_follows_order_search_and_filter() {
        let (file, d) = file();
        let order = sorted(&file, &d, Col::Name, SortDir::Asc);
        assert_eq!(order.len(), file.len());
        let mut out = Vec::new();
        fresh(
            &file,
            &d,
            &order,
            &Query::new(""),
            &Filter::default(),
            &mut out,
        );
        assert_eq!(
            out, order,
            "no search and no filter list everything in order"
        );

        let loyal: Filter = Condition::CustomerType(vec![CustomerType::Loyal]).into();
        fresh(&file, &d, &order, &Query::new(""), &loyal, &mut out);
        let expected = d
            .computed
            .iter()
            .filter(|c| c.kind == CustomerType::Loyal)
            .count();
        assert!(expected > 0);
        assert_eq!(out.len(), expected);
        assert_eq!(
            counts(&file, &d, &[loyal.clone(), Filter::default()]),
            [expected, file.len()]
        );
        assert!(out.windows(2).all(|w| {
            let pos = |i| order.iter().position(|&x| x == i);
            pos(w[0]) < pos(w[1])
        }));

        let name = file.records()[out[0] as usize].fiche.last_name.clone();
        fresh(
            &file,
            &d,
            &order,
            &Query::new(&name.to_uppercase()),
            &loyal,
            &mut out,
        );
        assert!(!out.is_empty());
        assert!(out.iter().all(|&i| {
            let r = &file.records()[i as usize];
            d.computed[i as usize].kind == CustomerType::Loyal
                && fold(&r.fiche.display_name()).contains(&fold(&name))
        }));
    }

    #[test]
    fn sort_puts_missing_values_last_both_ways() {
        let (file, d) = file();
        for dir in [SortDir::Asc, SortDir::Desc] {
            let order = sorted(&file, &d, Col::Total, dir);
            let totals: Vec<Option<i64>> = order
                .iter()
                .map(|&i| {
                    let s: &Summary = &file.records()[i as usize].summary;
                    s.total_if_any()
                })
                .collect();
            let buyers = totals.iter().take_while(|t| t.is_some()).count();
            assert!(totals[buyers..].iter().all(Option::is_none));
            assert!(totals[..buyers].windows(2).all(|w| match dir {
                SortDir::Asc => w[0] <= w[1],
                SortDir::Desc => w[0] >= w[1],
            }));
        }
    }

    #[test]
    fn columns_mask_round_trips_and_zero_is_the_default() {
        assert_eq!(Col::of_mask(0), Col::DEFAULT);
        let cols = vec![Col::Name, Col::Rfm, Col::Tags];
        assert_eq!(Col::of_mask(Col::mask(&cols)), cols);
        for c in Col::ALL {
            assert_eq!(Col::from_id(c.id()), c);
        }
    }

    #[test]
    fn list_hash_round_trips_through_the_filter_param() {
        assert_eq!(list_hash(&Filter::default()), "#/");
        let f: Filter = Condition::Text(TextField::PostalCode, TextOp::Prefix("69".into())).into();
        let hash = list_hash(&f);
        let param = filter_param(&hash).unwrap();
        assert_eq!(from_url(param).unwrap(), f);
        assert_eq!(filter_param("#/fiche/x"), None);
    }

    #[test]
    fn empty_file_derives_and_counts_nothing() {
        let file = FileState::default();
        let d = derive(&file, Thresholds::default(), NaiveDate::MIN);
        let f: Filter = Condition::Text(TextField::Email, TextOp::Empty).into();
        assert_eq!(counts(&file, &d, &[f]), [0]);
        assert!(sorted(&file, &d, Col::Name, SortDir::Desc).is_empty());
    }
}
