//! Loyalty: returning and new buyers month by month (the first and last months clipped to the
//! period), and the median gap between consecutive orders.

use carnet::domain::analytics::{loyalty, Joined, Loyalty, LoyaltyMonth, Month};

use crate::analytics_support::{buy, day, file_of, log, period};

fn month(m: u32, buyers: &[u32], returning: u64, tenths: Option<i64>) -> LoyaltyMonth {
    LoyaltyMonth {
        month: Month {
            year: 2024,
            month: m,
        },
        buyers: buyers.to_vec(),
        returning,
        new: buyers.len() as u64 - returning,
        returning_tenths: tenths,
    }
}

#[test]
fn returning_buyers_month_by_month_and_the_median_gap() {
    let p = period(day(2024, 1, 15), day(2024, 3, 10));
    let entries = vec![
        // a (record 0): ordered before; gaps 50, 5 and 16.
        buy("a", day(2023, 12, 1), 1_000),
        buy("a", day(2024, 1, 20), 1_000),
        buy("a", day(2024, 1, 25), 1_000),
        buy("a", day(2024, 2, 10), 1_000),
        // b (1): the day before the period makes it returning in January; gap 1.
        buy("b", day(2024, 1, 14), 1_000),
        buy("b", day(2024, 1, 15), 1_000),
        // c (2): new in January, returning in February and March; gaps 1, 38 and 0 (two
        // orders the same day).
        buy("c", day(2024, 1, 31), 1_000),
        buy("c", day(2024, 2, 1), 1_000),
        buy("c", day(2024, 3, 10), 1_000),
        buy("c", day(2024, 3, 10), 500),
        // d (3): an older refund does not make it returning.
        buy("d", day(2024, 1, 5), -1_000),
        buy("d", day(2024, 2, 15), 1_000),
        // e (4): the day after the period; its pair ends outside it.
        buy("e", day(2024, 1, 1), 1_000),
        buy("e", day(2024, 3, 11), 1_000),
        // Not in the file.
        buy("gone", day(2024, 2, 1), 1_000),
        buy("gone", day(2024, 2, 2), 1_000),
    ];
    let (file, log) = (file_of(&["a", "b", "c", "d", "e"]), log(&entries));
    assert_eq!(
        loyalty(&Joined::new(&file, &log), p),
        Loyalty {
            months: vec![
                month(1, &[0, 1, 2], 2, Some(667)),
                month(2, &[0, 2, 3], 2, Some(667)),
                month(3, &[2], 1, Some(1_000)),
            ],
            // 0, 1, 1, 5, 16, 38, 50.
            median_gap_days: Some(5),
            pairs: 7,
        }
    );
}

#[test]
fn the_lower_median_of_an_even_count_and_empty_months() {
    let p = period(day(2024, 1, 1), day(2024, 4, 30));
    let entries = vec![
        buy("a", day(2024, 1, 1), 1_000),
        buy("a", day(2024, 1, 11), 1_000),
        buy("a", day(2024, 1, 31), 1_000),
    ];
    let (file, log) = (file_of(&["a"]), log(&entries));
    let l = loyalty(&Joined::new(&file, &log), p);
    assert_eq!(l.median_gap_days, Some(10));
    assert_eq!(l.pairs, 2);
    assert_eq!(
        l.months,
        vec![
            month(1, &[0], 0, Some(0)),
            month(2, &[], 0, None),
            month(3, &[], 0, None),
            month(4, &[], 0, None),
        ]
    );
}

#[test]
fn without_orders_every_month_is_there_empty() {
    let p = period(day(2024, 2, 10), day(2024, 3, 5));
    let (file, log) = (file_of(&["a"]), log(&[buy("a", day(2024, 2, 20), -500)]));
    assert_eq!(
        loyalty(&Joined::new(&file, &log), p),
        Loyalty {
            months: vec![month(2, &[], 0, None), month(3, &[], 0, None)],
            median_gap_days: None,
            pairs: 0,
        }
    );
}
