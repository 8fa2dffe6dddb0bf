//! Computed customer types, RFM quintiles and the summary's recent purchases.

use crate::segment_support::{ago, bought, purchases, stats, today};
use carnet::domain::segment::{CustomerType, FileStats, Rfm, Thresholds};
use carnet::domain::summary::Summary;
use chrono::{Days, NaiveDate, TimeZone, Utc};

use CustomerType::*;

/// Buyers whose yearly frequencies (thousandths) are A 730, B 1564, C 3650, D 1000, E 730: the
/// lower median is 1000.
fn file() -> Vec<Summary> {
    vec![
        bought(&[1000, 200], 500),          // A: occasional
        bought(&[700, 300, 100], 500),      // B: loyal by frequency (2 in the window)
        bought(&[400, 300, 200, 100], 500), // C: loyal by 3 in the window
        bought(&[20], 500),                 // D: new
        bought(&[500], 500),                // E: inactive
        Summary::default(),                 // a prospect
    ]
}

fn types(stats: &FileStats, file: &[Summary]) -> Vec<CustomerType> {
    file.iter().map(|s| stats.customer_type(s)).collect()
}

#[test]
fn each_type_by_hand() {
    let file = file();
    assert_eq!(
        types(&stats(&file), &file),
        [Occasional, Loyal, Loyal, New, Inactive, Prospect]
    );
}

#[test]
fn boundaries_are_inclusive_windows() {
    let s = stats(&file());
    assert_eq!(
        s.customer_type(&bought(&[90], 1)),
        New,
        "90 days ago is new"
    );
    assert_eq!(s.customer_type(&bought(&[91], 1)), Occasional);
    assert_eq!(s.customer_type(&bought(&[365], 1)), Occasional);
    assert_eq!(s.customer_type(&bought(&[366], 1)), Inactive);
    assert_eq!(
        s.customer_type(&bought(&[365, 364, 363], 1)),
        Loyal,
        "three purchases from exactly 365 days ago are in the window"
    );
    assert_eq!(s.customer_type(&bought(&[366, 200, 100], 1)), Loyal);
}

#[test]
fn thresholds_change_the_types() {
    let file = file();
    let t = Thresholds {
        new_days: 10,
        loyal_orders: 2,
        ..Thresholds::default()
    };
    let s = FileStats::new(&file, today(), t);
    // D is no longer new, and its one purchase is not two.
    assert_eq!(
        types(&s, &file),
        [Occasional, Loyal, Loyal, Occasional, Inactive, Prospect]
    );
    let t = Thresholds {
        inactive_days: 1000,
        ..Thresholds::default()
    };
    let s = FileStats::new(&file, today(), t);
    assert_eq!(s.customer_type(&file[4]), Occasional);
}

#[test]
fn loyal_orders_above_what_a_summary_keeps_use_the_cap() {
    let monthly: Vec<u64> = (0..15).map(|m| 10 + 30 * m).collect();
    let s = bought(&monthly, 100);
    assert_eq!(s.recent_purchases.len(), Summary::RECENT_PURCHASES);
    assert_eq!(s.recent_purchases[0], ago(10), "most recent first");
    let t = Thresholds {
        loyal_orders: 500,
        ..Thresholds::default()
    };
    // Alone in its file, so not above the median: loyal only through the (capped) window rule.
    assert_eq!(FileStats::new([&s], today(), t).customer_type(&s), Loyal);
}

#[test]
fn purchases_since_counts_the_recent_dates() {
    let s = bought(&[400, 30, 30, 10], 100);
    assert_eq!(s.purchases_since(ago(30)), 3);
    assert_eq!(s.purchases_since(ago(29)), 1);
    assert_eq!(s.purchases_since(ago(1000)), 4);
    assert_eq!(Summary::default().purchases_since(ago(1000)), 0);
}

#[test]
fn thresholds_serde_defaults() {
    let t: Thresholds = serde_json::from_str(r#"{"loyal_orders":4}"#).unwrap();
    assert_eq!(
        t,
        Thresholds {
            loyal_orders: 4,
            ..Thresholds::default()
        }
    );
    let json = serde_json::to_string(&Thresholds::default()).unwrap();
    assert_eq!(
        json,
        r#"{"new_days":90,"inactive_days":365,"loyal_orders":3,"loyal_window_days":365}"#
    );
}

#[test]
fn an_old_stored_summary_without_recent_purchases_still_loads() {
    let json = r#"{"total_spent_cents":1200,"orders":2,"first_purchase":"2024-01-01T00:00:00Z",
        "last_purchase":"2025-06-01T00:00:00Z","last_contact":null,"contacts":2}"#;
    let s: Summary = serde_json::from_str(json).unwrap();
    assert!(s.recent_purchases.is_empty());
    // The window rule does not see its purchases until the summary is recomputed.
    assert_eq!(stats(&[]).customer_type(&s), Occasional);
}

/// Buyer `i` of ten: `i` orders, last purchase `10 * (11 - i)` days ago, `(11 - i)` × 10 € spent.
fn ten_buyers() -> Vec<Summary> {
    (1..=10u32)
        .map(|i| {
            let last = ago(u64::from(10 * (11 - i)));
            Summary {
                orders: i,
                total_spent_cents: i64::from(11 - i) * 1000,
                first_purchase: Some(Utc.from_utc_datetime(&ago(800).into())),
                last_purchase: Some(Utc.from_utc_datetime(&last.into())),
                ..Summary::default()
            }
        })
        .collect()
}

#[test]
fn rfm_quintiles_of_ten_distinct_buyers() {
    let file = ten_buyers();
    let s = stats(&file);
    let got: Vec<Rfm> = file.iter().map(|b| s.rfm(b).unwrap()).collect();
    let want: Vec<Rfm> = (1..=10u8)
        .map(|i| Rfm {
            r: i.div_ceil(2),
            f: i.div_ceil(2),
            m: (12 - i) / 2,
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(s.rfm(&Summary::default()), None, "prospects get no RFM");
}

#[test]
fn rfm_does_not_depend_on_the_order_of_the_file() {
    let mut file = ten_buyers();
    let before = stats(&file);
    file.reverse();
    file.swap(2, 7);
    assert_eq!(stats(&file), before);
}

fn f_scores(orders: &[u32]) -> Vec<u8> {
    let file: Vec<Summary> = orders
        .iter()
        .map(|&n| Summary {
            orders: n,
            last_purchase: Some(Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap()),
            ..Summary::default()
        })
        .collect();
    let s = stats(&file);
    file.iter().map(|b| s.rfm(b).unwrap().f).collect()
}

#[test]
fn rfm_ties_share_the_lower_score() {
    assert_eq!(f_scores(&[1, 1, 1, 1, 1, 1]), [1; 6]);
    assert_eq!(
        f_scores(&[1, 1, 1, 1, 1, 1, 1, 1, 2, 3]),
        [1, 1, 1, 1, 1, 1, 1, 1, 5, 5]
    );
    // 5 beats 3 of 4 buyers: 1 + ⌊15/4⌋.
    assert_eq!(f_scores(&[5, 4, 4, 1]), [4, 2, 2, 1]);
    // Seven distinct values: groups of 2, 1, 2, 1, 1.
    assert_eq!(f_scores(&[1, 2, 3, 4, 5, 6, 7]), [1, 1, 2, 3, 3, 4, 5]);
    assert_eq!(f_scores(&[9]), [1], "a single buyer");
}

#[test]
fn refunds_leave_types_to_orders_and_lower_the_monetary_score() {
    // Bought and fully refunded (net 0); refunded more than bought (net < 0); refunds only.
    let zero = purchases(&[(400, 5000), (10, -5000)]);
    let negative = purchases(&[(20, 1000), (5, -3000)]);
    let refund_only = purchases(&[(5, -2000)]);
    assert_eq!((zero.total_spent_cents, zero.orders), (0, 1));
    assert_eq!((negative.total_spent_cents, negative.orders), (-2000, 1));
    assert_eq!(
        (refund_only.total_spent_cents, refund_only.orders),
        (-2000, 0)
    );

    let mut file = vec![zero.clone(), negative.clone(), refund_only.clone()];
    file.extend([bought(&[30], 100), bought(&[30], 900)]);
    let s = stats(&file);
    // The refund 10 days ago does not make the first fiche active: its last order is 400 days
    // old. A refund is not a purchase: a fiche with refunds only stays a prospect, without RFM.
    assert_eq!(types(&s, &file), [Inactive, New, Prospect, New, New]);
    assert_eq!(s.rfm(&refund_only), None);
    // Monetary: the negative total beats nobody, the zero one beats it.
    let m: Vec<u8> = file.iter().filter_map(|b| s.rfm(b)).map(|r| r.m).collect();
    assert_eq!(m, [2, 1, 3, 4]);
}

#[test]
fn empty_file() {
    let s = stats(&[]);
    let c = s.compute(&Summary::default());
    assert_eq!(c.kind, Prospect);
    assert_eq!(c.rfm, None);
    // A buyer read against an empty file (the stats not yet refreshed) still gets a score.
    assert!(s.rfm(&bought(&[10], 100)).is_some());
}

#[test]
fn out_of_calendar_thresholds_do_not_panic() {
    let t = Thresholds {
        new_days: u32::MAX,
        inactive_days: u32::MAX,
        loyal_orders: u32::MAX,
        loyal_window_days: u32::MAX,
    };
    let file = file();
    for today in [NaiveDate::MIN, NaiveDate::MAX, today()] {
        let s = FileStats::new(&file, today, t);
        for b in &file {
            s.compute(b);
        }
    }
    let far = today().checked_add_days(Days::new(100)).unwrap();
    let _ = FileStats::new(&file, far, Thresholds::default()).compute(&file[0]);
}
