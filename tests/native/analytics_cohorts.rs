//! Cohorts: new buyers by the month of their first order ever, followed month by month up to
//! the period's end.

use carnet::domain::analytics::{cohorts, kpis, Cell, Cohort, Joined, Kpi, Month, Value};

use crate::analytics_support::{buy, day, file_of, log, period};

fn month(year: i32, month: u32) -> Month {
    Month { year, month }
}

fn cell(active: &[u32], share_tenths: i64) -> Option<Cell> {
    Some(Cell {
        active: active.to_vec(),
        share_tenths,
    })
}

fn cells(known: Vec<Option<Cell>>) -> Vec<Option<Cell>> {
    let mut all = known;
    all.resize(12, None);
    all
}

#[test]
fn new_buyers_by_month_followed_up_to_the_period_end() {
    let p = period(day(2024, 1, 15), day(2024, 4, 10));
    let entries = vec![
        // a (record 0): January, back in February and on the period's last day.
        buy("a", day(2024, 1, 20), 1_000),
        buy("a", day(2024, 2, 5), 1_000),
        buy("a", day(2024, 4, 10), 1_000),
        // b (1): January, then an order the day after the period: not counted.
        buy("b", day(2024, 1, 16), 1_000),
        buy("b", day(2024, 4, 11), 1_000),
        // c (2): first order the day before the period: in no cohort.
        buy("c", day(2024, 1, 14), 1_000),
        buy("c", day(2024, 2, 14), 1_000),
        // d (3): an older refund is not a first purchase: March.
        buy("d", day(2024, 1, 10), -500),
        buy("d", day(2024, 3, 5), 1_000),
        // e (4): the period's last month: only its first cell.
        buy("e", day(2024, 4, 2), 1_000),
        // f (5): the leap day, then March 1st.
        buy("f", day(2024, 2, 29), 1_000),
        buy("f", day(2024, 3, 1), 1_000),
        // g (6): a free item is a first order.
        buy("g", day(2024, 2, 10), 0),
        // h (7): a refund only.
        buy("h", day(2024, 2, 10), -300),
        // Not in the file.
        buy("gone", day(2024, 2, 10), 1_000),
    ];
    let (file, log) = (
        file_of(&["a", "b", "c", "d", "e", "f", "g", "h"]),
        log(&entries),
    );
    let j = Joined::new(&file, &log);
    let got = cohorts(&j, p);
    assert_eq!(
        got,
        vec![
            Cohort {
                month: month(2024, 1),
                members: vec![0, 1],
                cells: cells(vec![
                    cell(&[0, 1], 1_000),
                    cell(&[0], 500),
                    cell(&[], 0),
                    cell(&[0], 500),
                ]),
            },
            Cohort {
                month: month(2024, 2),
                members: vec![5, 6],
                cells: cells(vec![cell(&[5, 6], 1_000), cell(&[5], 500), cell(&[], 0)]),
            },
            Cohort {
                month: month(2024, 3),
                members: vec![3],
                cells: cells(vec![cell(&[3], 1_000), cell(&[], 0)]),
            },
            Cohort {
                month: month(2024, 4),
                members: vec![4],
                cells: cells(vec![cell(&[4], 1_000)]),
            },
        ]
    );
    let sizes: usize = got.iter().map(|c| c.members.len()).sum();
    let new_buyers = kpis(&j, p)
        .into_iter()
        .find(|r| r.kpi == Kpi::NewBuyers)
        .map(|r| r.current);
    assert_eq!(new_buyers, Some(Value::Count(sizes as u64)));
}

#[test]
fn a_cohort_is_followed_over_twelve_months_at_most() {
    let p = period(day(2023, 1, 1), day(2024, 12, 31));
    let entries = vec![
        buy("a", day(2023, 1, 31), 1_000),
        // Month + 11: the last cell.
        buy("a", day(2023, 12, 1), 1_000),
        // Month + 12: past the cells.
        buy("a", day(2024, 1, 1), 1_000),
        buy("b", day(2023, 1, 1), 1_000),
        buy("b", day(2023, 1, 31), 1_000),
    ];
    let (file, log) = (file_of(&["a", "b"]), log(&entries));
    let got = cohorts(&Joined::new(&file, &log), p);
    let mut expected = vec![cell(&[0, 1], 1_000)];
    expected.resize(11, cell(&[], 0));
    expected.push(cell(&[0], 500));
    assert_eq!(
        got,
        vec![Cohort {
            month: month(2023, 1),
            members: vec![0, 1],
            cells: expected,
        }]
    );
}

#[test]
fn no_buyer_no_cohort() {
    let p = period(day(2024, 1, 1), day(2024, 3, 31));
    let (file, log) = (file_of(&["a"]), log(&[buy("a", day(2024, 2, 1), -100)]));
    assert!(cohorts(&Joined::new(&file, &log), p).is_empty());
}
