//! Deciles: ten groups whatever the number of buyers, ties by fiche id whatever the order of
//! the file, net revenue, cumulative shares from sums.

use carnet::domain::analytics::{deciles, Decile, Joined};

use crate::analytics_support::{buy, day, file_of, log, period};

fn ids(n: usize) -> Vec<String> {
    (1..=n).map(|k| format!("x{k:02}")).collect()
}

#[test]
fn twenty_three_buyers_make_three_groups_of_three_then_seven_of_two() {
    let p = period(day(2024, 1, 1), day(2024, 12, 31));
    let ids = ids(23);
    let mut entries = vec![];
    for (k, id) in ids.iter().enumerate() {
        // x01 to x06 spent 1,000 each, the others 400: ties all along.
        match k {
            // Net: 1,200 bought, 200 given back.
            2 => {
                entries.push(buy(id, day(2024, 5, 1), 1_200));
                entries.push(buy(id, day(2024, 6, 1), -200));
            }
            0..=5 => entries.push(buy(id, day(2024, 3, 1), 1_000)),
            // A free item is an order too.
            22 => {
                entries.push(buy(id, day(2024, 3, 1), 0));
                entries.push(buy(id, day(2024, 3, 2), 400));
            }
            _ => entries.push(buy(id, day(2024, 12, 31), 400)),
        }
    }
    // Out of the deciles: a refund without an order in the period, and a purchase the day
    // after it.
    entries.push(buy("y", day(2024, 7, 1), -5_000));
    entries.push(buy("y", day(2025, 1, 1), 100_000));
    // The file in reverse order (x23 is record 0, x01 record 22), the log fed shuffled.
    let mut order: Vec<&str> = ids.iter().rev().map(String::as_str).collect();
    order.push("y");
    entries.reverse();
    entries.swap(3, 17);
    let (file, log) = (file_of(&order), log(&entries));
    let d = deciles(&Joined::new(&file, &log), p);
    let record = |k: usize| (23 - k) as u32;
    let group = |rank: u8, ks: &[usize], revenue: i64, share: i64, cumulative: i64| Decile {
        rank,
        members: ks.iter().map(|&k| record(k)).collect(),
        revenue,
        share_tenths: Some(share),
        cumulative_tenths: Some(cumulative),
    };
    // Total 12,800: 3,000 is 23.4375 %, 1,200 9.375 %, 800 6.25 % (63 each, rounded up:
    // the rounded shares add up to 100.3 %, the cumulative ones end at exactly 100 %).
    let expected = vec![
        group(1, &[1, 2, 3], 3_000, 234, 234),
        group(2, &[4, 5, 6], 3_000, 234, 469),
        group(3, &[7, 8, 9], 1_200, 94, 563),
        group(4, &[10, 11], 800, 63, 625),
        group(5, &[12, 13], 800, 63, 688),
        group(6, &[14, 15], 800, 63, 750),
        group(7, &[16, 17], 800, 63, 813),
        group(8, &[18, 19], 800, 63, 875),
        group(9, &[20, 21], 800, 63, 938),
        group(10, &[22, 23], 800, 63, 1_000),
    ];
    assert_eq!(d.groups, expected);
    assert_eq!(d.buyers, 23);
    assert_eq!(d.revenue, 12_800);
    assert_eq!(d.top_share_tenths, Some(234));
}

#[test]
fn fewer_than_ten_buyers_fill_the_first_groups_one_each() {
    let p = period(day(2024, 1, 1), day(2024, 1, 31));
    let entries = vec![
        buy("a", day(2024, 1, 5), 100),
        buy("b", day(2024, 1, 5), 300),
        buy("c", day(2024, 1, 5), 100),
    ];
    let (file, log) = (file_of(&["c", "b", "a"]), log(&entries));
    let d = deciles(&Joined::new(&file, &log), p);
    assert_eq!(d.buyers, 3);
    let members: Vec<Vec<u32>> = d.groups.iter().map(|g| g.members.clone()).collect();
    // b, then a before c (same amount, id order), whatever the file's order.
    let mut expected = vec![vec![1], vec![2], vec![0]];
    expected.resize(10, vec![]);
    assert_eq!(members, expected);
    let shares: Vec<Option<i64>> = d.groups.iter().map(|g| g.share_tenths).collect();
    let mut expected = vec![Some(600), Some(200), Some(200)];
    expected.resize(10, Some(0));
    assert_eq!(shares, expected);
    assert_eq!(d.groups[9].cumulative_tenths, Some(1_000));
    assert_eq!(d.groups[3].rank, 4);
}

#[test]
fn without_buyers_there_are_still_ten_empty_groups() {
    let p = period(day(2024, 1, 1), day(2024, 1, 31));
    for entries in [vec![], vec![buy("a", day(2024, 1, 5), -300)]] {
        let (file, log) = (file_of(&["a"]), log(&entries));
        let d = deciles(&Joined::new(&file, &log), p);
        assert_eq!(d.groups.len(), 10);
        assert_eq!(d.buyers, 0);
        assert_eq!(d.revenue, 0);
        assert_eq!(d.top_share_tenths, None);
        for (g, rank) in d.groups.iter().zip(1..) {
            assert_eq!(
                *g,
                Decile {
                    rank,
                    members: vec![],
                    revenue: 0,
                    share_tenths: None,
                    cumulative_tenths: None,
                }
            );
        }
    }
}

#[test]
fn only_free_items_give_buyers_without_shares() {
    let p = period(day(2024, 1, 1), day(2024, 1, 31));
    let (file, log) = (file_of(&["a"]), log(&[buy("a", day(2024, 1, 5), 0)]));
    let d = deciles(&Joined::new(&file, &log), p);
    assert_eq!(d.buyers, 1);
    assert_eq!(d.groups[0].members, vec![0]);
    assert_eq!(d.groups[0].share_tenths, None);
}
