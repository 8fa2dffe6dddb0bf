//! Builders shared by the `analytics_*` tests: fiches, history entries, the file and its log.

use carnet::domain::analytics::{Log, Period};
use carnet::domain::fiche::Fiche;
use carnet::domain::file::FileState;
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::summary::Summary;
use chrono::{NaiveDate, TimeZone, Utc};

pub use crate::support::day;

/// An empty person fiche, created on 2024-01-01.
pub fn fiche(id: &str) -> Fiche {
    Fiche::new(
        id.into(),
        Utc.with_ymd_and_hms(2024, 1, 1, 10, 0, 0).unwrap(),
    )
}

/// The file of these fiches, in this order (record index = position), without summaries: the
/// analyses read the log, not the summaries.
pub fn file(fiches: Vec<Fiche>) -> FileState {
    FileState::from_records(fiches.into_iter().map(|f| (f, Summary::default())))
}

/// The file of fiches with these ids, in this order.
pub fn file_of(ids: &[&str]) -> FileState {
    file(ids.iter().map(|id| fiche(id)).collect())
}

/// An entry at noon UTC.
pub fn entry(
    fiche: &str,
    d: NaiveDate,
    kind: HistoryKind,
    amount: Option<i64>,
    label: &str,
) -> HistoryEntry {
    at(fiche, d, 12, kind, amount, label)
}

/// An entry at `hour`:30 UTC of day `d`.
pub fn at(
    fiche: &str,
    d: NaiveDate,
    hour: u32,
    kind: HistoryKind,
    amount: Option<i64>,
    label: &str,
) -> HistoryEntry {
    HistoryEntry {
        id: format!("{fiche}-{d}-{hour}-{kind:?}-{label}-{amount:?}"),
        fiche_id: fiche.into(),
        date: Utc.from_utc_datetime(&d.and_hms_opt(hour, 30, 0).unwrap()),
        kind,
        label: label.into(),
        amount_cents: amount,
        currency: "EUR".into(),
        status: None,
        text: String::new(),
    }
}

/// A purchase of `cents` (negative: a refund) at noon UTC.
pub fn buy(fiche: &str, d: NaiveDate, cents: i64) -> HistoryEntry {
    entry(fiche, d, HistoryKind::Purchase, Some(cents), "")
}

/// A campaign entry at noon UTC.
pub fn campaign(fiche: &str, d: NaiveDate, label: &str) -> HistoryEntry {
    entry(fiche, d, HistoryKind::Campaign, None, label)
}

pub fn log(entries: &[HistoryEntry]) -> Log {
    Log::from_entries(entries)
}

pub fn period(from: NaiveDate, to: NaiveDate) -> Period {
    Period::new(from, to).unwrap()
}
