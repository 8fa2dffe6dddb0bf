//! The history log: grouped by fiche and sorted by day whatever the order it was fed, kept
//! equal to a rebuild by per-fiche replacements, and read back exactly from its bytes.

use carnet::domain::analytics::{day, Log};
use carnet::domain::history::{HistoryEntry, HistoryKind};
use chrono::{NaiveDate, TimeZone, Utc};

use crate::support;

fn entry(
    fiche: &str,
    d: NaiveDate,
    kind: HistoryKind,
    amount: Option<i64>,
    label: &str,
) -> HistoryEntry {
    HistoryEntry {
        id: format!("{fiche}-{d}-{label}-{amount:?}"),
        fiche_id: fiche.into(),
        date: Utc.from_utc_datetime(&d.and_hms_opt(23, 30, 0).unwrap()),
        kind,
        label: label.into(),
        amount_cents: amount,
        currency: "EUR".into(),
        status: None,
        text: String::new(),
    }
}

fn sample() -> Vec<HistoryEntry> {
    use HistoryKind::*;
    vec![
        entry("b", support::day(2024, 3, 1), Purchase, Some(1250), ""),
        entry(
            "a",
            support::day(2024, 2, 29),
            Campaign,
            None,
            "Soldes\nd'hiver",
        ),
        entry("a", support::day(2024, 1, 5), Purchase, None, ""),
        entry("b", support::day(2023, 12, 31), Purchase, Some(-300), ""),
        entry("c", support::day(2024, 5, 1), Call, None, ""),
        entry("a", support::day(2024, 3, 2), Campaign, None, ""),
    ]
}

fn dump(log: &Log, id: &str) -> Vec<(i32, HistoryKind, i64, String)> {
    let Some(slot) = log.slot(id) else {
        return vec![];
    };
    log.entries(slot)
        .map(|e| (e.day, e.kind, e.amount, log.label(e.label).to_string()))
        .collect()
}

#[test]
fn entries_are_grouped_by_fiche_and_sorted_by_utc_day() {
    let log = Log::from_entries(&sample());
    assert_eq!(log.len(), 6);
    assert_eq!(
        dump(&log, "a"),
        vec![
            (
                day(support::day(2024, 1, 5)),
                HistoryKind::Purchase,
                0,
                String::new()
            ),
            (
                day(support::day(2024, 2, 29)),
                HistoryKind::Campaign,
                0,
                "Soldes\nd'hiver".into()
            ),
            (
                day(support::day(2024, 3, 2)),
                HistoryKind::Campaign,
                0,
                String::new()
            ),
        ]
    );
    let b = dump(&log, "b");
    assert_eq!(b[0].2, -300, "a refund keeps its negative amount");
    assert!(!log
        .entries(log.slot("b").unwrap())
        .next()
        .unwrap()
        .is_order());
    assert_eq!(b[1].2, 1250);
}

#[test]
fn replacing_a_fiche_equals_rebuilding_the_whole_log() {
    let mut all = sample();
    let mut log = Log::from_entries(&all);
    let a_new = vec![entry(
        "a",
        support::day(2025, 1, 1),
        HistoryKind::Purchase,
        Some(99),
        "",
    )];
    log.replace_fiche("a", &a_new);
    all.retain(|e| e.fiche_id != "a");
    all.extend(a_new);
    let rebuilt = Log::from_entries(&all);
    for id in ["a", "b", "c"] {
        assert_eq!(dump(&log, id), dump(&rebuilt, id), "fiche {id}");
    }
    log.remove_fiche("b");
    assert!(dump(&log, "b").is_empty());
    assert_eq!(dump(&log, "c").len(), 1);
    log.replace_fiche(
        "new",
        &[entry(
            "new",
            support::day(2020, 1, 1),
            HistoryKind::Note,
            None,
            "",
        )],
    );
    assert_eq!(log.len(), 3);
}

#[test]
fn bytes_give_back_the_same_log_and_garbage_gives_none() {
    let log = Log::from_entries(&sample());
    let bytes = log.encode();
    let back = Log::decode(&bytes).expect("decodes");
    for id in ["a", "b", "c"] {
        assert_eq!(dump(&back, id), dump(&log, id));
    }
    assert_eq!(Log::decode(&Log::new().encode()), Some(Log::new()));
    assert!(Log::decode(b"carnet-log-1\n").is_none());
    assert!(Log::decode(&bytes[..bytes.len() - 1]).is_none());
    let mut extra = bytes.clone();
    extra.push(0);
    assert!(Log::decode(&extra).is_none());
}
