//! Migrations: every fiche's type on the eve of the period and at its end, by Carnet's own
//! rule (checked by hand, and against summaries built by `Summary::from_history`).

use std::collections::HashMap;

use carnet::domain::analytics::{migrations, Joined, Log};
use carnet::domain::demo::demo_file;
use carnet::domain::file::FileState;
use carnet::domain::history::HistoryEntry;
use carnet::domain::segment::{CustomerType, FileStats, Thresholds};
use carnet::domain::summary::Summary;
use chrono::{NaiveDate, TimeZone, Utc};

use crate::analytics_support::{buy, day, fiche, file, log, period};

const P: usize = 0;
const N: usize = 1;
const O: usize = 2;
const L: usize = 3;
const I: usize = 4;

/// The 5 × 5 cells with these filled, the others empty.
fn cells(filled: &[(usize, usize, &[u32])]) -> Vec<Vec<Vec<u32>>> {
    let mut c = vec![vec![vec![]; 5]; 5];
    for &(a, b, members) in filled {
        c[a][b] = members.to_vec();
    }
    c
}

fn sample() -> (FileState, Log) {
    let mut imported = fiche("imp");
    imported.created_at = Utc.with_ymd_and_hms(2025, 1, 10, 0, 0, 0).unwrap();
    let fiches = vec![
        fiche("p"),
        fiche("q"),
        fiche("l"),
        fiche("o"),
        fiche("r"),
        fiche("n"),
        imported,
    ];
    let entries = vec![
        // q: its first order in November: a prospect becoming new.
        buy("q", day(2024, 11, 15), 3_000),
        // l: three orders in the year before the period (loyal), none in the year before its
        // end (inactive).
        buy("l", day(2023, 7, 10), 1_000),
        buy("l", day(2023, 8, 10), 1_000),
        buy("l", day(2023, 9, 10), 1_000),
        // o: two orders two years apart, fewer a year than the file's median buyer.
        buy("o", day(2022, 1, 10), 1_000),
        buy("o", day(2024, 5, 1), 1_000),
        // r: a refund only; n: an order after the period.
        buy("r", day(2024, 3, 1), -500),
        buy("n", day(2025, 1, 5), 1_000),
        // imp: created after the period, with history imported from before its end.
        buy("imp", day(2024, 12, 20), 1_000),
    ];
    (file(fiches), log(&entries))
}

#[test]
fn each_fiche_in_one_cell_by_its_type_before_and_after() {
    let (file, log) = sample();
    let p = period(day(2024, 7, 1), day(2024, 12, 31));
    let m = migrations(&Joined::new(&file, &log), p, Thresholds::default());
    assert_eq!(m.start, day(2024, 6, 30));
    assert_eq!(m.end, day(2024, 12, 31));
    // On 2024-06-30 the yearly frequencies are l 3,000 and o 809 (median 809); on
    // 2024-12-31 l 2,027, o 672, q and imp 1,000 (median 1,000): o stays occasional.
    assert_eq!(
        m.cells,
        cells(&[
            (P, P, &[0, 4, 5]),
            (P, N, &[1, 6]),
            (L, I, &[2]),
            (O, O, &[3])
        ])
    );
}

#[test]
fn the_thresholds_are_the_ones_given() {
    let (file, log) = sample();
    let p = period(day(2024, 7, 1), day(2024, 12, 31));
    let t = Thresholds {
        new_days: 400,
        ..Thresholds::default()
    };
    let m = migrations(&Joined::new(&file, &log), p, t);
    // l's first order (2023-07-10) is within 400 days of 2024-06-30: new, then inactive.
    // o's first (2022-01-10) is not; q and imp are new at the end.
    assert_eq!(
        m.cells,
        cells(&[
            (P, P, &[0, 4, 5]),
            (P, N, &[1, 6]),
            (N, I, &[2]),
            (O, O, &[3])
        ])
    );
}

#[test]
fn the_types_are_those_of_summaries_made_from_the_history_of_the_time() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 15).unwrap();
    let (fiches, entries) = demo_file(7, 400, today);
    let file = FileState::from_records(fiches.iter().map(|f| (f.clone(), Summary::default())));
    let log = Log::from_entries(&entries);
    let j = Joined::new(&file, &log);
    let t = Thresholds::default();
    let p = period(day(2024, 4, 1), day(2025, 3, 31));
    let m = migrations(&j, p, t);
    let type_at = |d: NaiveDate| -> Vec<CustomerType> {
        let mut by_fiche: HashMap<&str, Vec<&HistoryEntry>> = HashMap::new();
        for e in entries.iter().filter(|e| e.date.date_naive() <= d) {
            by_fiche.entry(&e.fiche_id).or_default().push(e);
        }
        let summaries: Vec<Summary> = fiches
            .iter()
            .map(|f| {
                Summary::from_history(by_fiche.get(f.id.as_str()).into_iter().flatten().copied())
            })
            .collect();
        let stats = FileStats::new(&summaries, d, t);
        summaries.iter().map(|s| stats.customer_type(s)).collect()
    };
    let (before, after) = (type_at(day(2024, 3, 31)), type_at(day(2025, 3, 31)));
    let mut moved = 0;
    for (r, (a, b)) in before.iter().zip(&after).enumerate() {
        let (a, b) = (index(*a), index(*b));
        assert!(m.cells[a][b].contains(&(r as u32)), "record {r}");
        moved += usize::from(a != b);
    }
    let total: usize = m.cells.iter().flatten().map(Vec::len).sum();
    assert_eq!(total, fiches.len());
    assert!(moved > 0, "the demo file has fiches changing type");
}

fn index(t: CustomerType) -> usize {
    CustomerType::ALL.iter().position(|&x| x == t).unwrap()
}
