//! Builders shared by the `segment_*` tests.

use carnet::domain::fiche::Fiche;
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::segment::{
    Computed, CustomerType, FileStats, Filter, FoldedText, Row, Thresholds,
};
use carnet::domain::summary::Summary;
use chrono::{Days, NaiveDate, TimeZone, Utc};

/// The day every test runs on, and dates.
pub use crate::support::{day, today};

pub fn ago(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).unwrap()
}

/// An empty person fiche, created on 2024-01-01.
pub fn fiche(id: &str) -> Fiche {
    Fiche::new(
        id.into(),
        Utc.with_ymd_and_hms(2024, 1, 1, 10, 0, 0).unwrap(),
    )
}

/// The summary of purchases made `days` ago, each of `cents`.
pub fn bought(days: &[u64], cents: i64) -> Summary {
    let lines: Vec<(u64, i64)> = days.iter().map(|&d| (d, cents)).collect();
    purchases(&lines)
}

/// The summary of purchases and refunds (negative amounts), each (days ago, cents).
pub fn purchases(lines: &[(u64, i64)]) -> Summary {
    let entries: Vec<HistoryEntry> = lines
        .iter()
        .enumerate()
        .map(|(i, &(d, cents))| HistoryEntry {
            id: format!("e{i}"),
            fiche_id: "f".into(),
            date: ago(d).and_hms_opt(12, 0, 0).unwrap().and_utc(),
            kind: HistoryKind::Purchase,
            label: String::new(),
            amount_cents: Some(cents),
            currency: "EUR".into(),
            status: None,
            text: String::new(),
        })
        .collect();
    Summary::from_history(&entries)
}

/// The rows a filter reads, index for index.
pub fn rows<'a>(
    fiches: &'a [Fiche],
    summaries: &'a [Summary],
    computed: &'a [Computed],
    texts: &'a [FoldedText],
) -> Vec<Row<'a>> {
    (0..fiches.len())
        .map(|i| Row {
            fiche: &fiches[i],
            summary: &summaries[i],
            computed: &computed[i],
            text: &texts[i],
        })
        .collect()
}

/// What a prospect computes to.
pub fn prospect() -> Computed {
    Computed {
        kind: CustomerType::Prospect,
        rfm: None,
    }
}

/// Whether `filter` selects `f` with this summary and computed type, today.
pub fn selects_with(filter: &Filter, f: &Fiche, s: &Summary, c: &Computed) -> bool {
    let text = FoldedText::new(f);
    let row = Row {
        fiche: f,
        summary: s,
        computed: c,
        text: &text,
    };
    filter.matches(row, today())
}

/// Whether `filter` selects `f`, a prospect without history, today.
pub fn selects(filter: &Filter, f: &Fiche) -> bool {
    selects_with(filter, f, &Summary::default(), &prospect())
}

/// Stats of a file made of these summaries, with the default thresholds.
pub fn stats(summaries: &[Summary]) -> FileStats {
    FileStats::new(summaries, today(), Thresholds::default())
}
