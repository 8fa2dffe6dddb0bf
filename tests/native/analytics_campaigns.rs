//! Campaigns: responses within the window (its last day in, the day after out), revenue counted
//! once per label, and the month-by-month activity.

use carnet::domain::analytics::{activity, campaigns, ActivityMonth, CampaignRow, Joined, Month};
use carnet::domain::history::HistoryKind;

use crate::analytics_support::{at, buy, campaign, day, entry, file_of, log, period};

fn row(
    label: &str,
    (sent, responded): (u64, u64),
    rate_tenths: i64,
    revenue: i64,
    recipients: &[u32],
    responders: &[u32],
) -> CampaignRow {
    CampaignRow {
        label: label.into(),
        sent,
        responded,
        rate_tenths: Some(rate_tenths),
        revenue,
        recipients: recipients.to_vec(),
        responders: responders.to_vec(),
    }
}

#[test]
fn responses_rates_and_revenue_per_label() {
    let p = period(day(2024, 3, 1), day(2024, 3, 31));
    let entries = vec![
        // a (record 0): an order on the window's last day.
        campaign("a", day(2024, 3, 5), "Printemps"),
        buy("a", day(2024, 3, 12), 5_000),
        // b (1): the day after the window.
        campaign("b", day(2024, 3, 5), "Printemps"),
        buy("b", day(2024, 3, 13), 4_000),
        // c (2): two Printemps (an order in both windows counts once) and a Soldes sharing
        // that order.
        campaign("c", day(2024, 3, 10), " Printemps "),
        campaign("c", day(2024, 3, 12), "Printemps"),
        campaign("c", day(2024, 3, 11), "Soldes"),
        buy("c", day(2024, 3, 14), 3_000),
        buy("c", day(2024, 3, 19), 2_000),
        buy("c", day(2024, 3, 20), 9_000),
        // d (3): no label, the period's last day; the order after the period is in the window.
        campaign("d", day(2024, 3, 31), "  "),
        buy("d", day(2024, 4, 3), 700),
        // e (4): campaigns the day before and the day after the period.
        campaign("e", day(2024, 2, 29), "Printemps"),
        campaign("e", day(2024, 4, 1), "Soldes"),
        buy("e", day(2024, 3, 2), 1_000),
        // f (5): a refund is no response.
        campaign("f", day(2024, 3, 20), "Soldes"),
        buy("f", day(2024, 3, 21), -400),
        // g (6): an order the campaign's day, earlier in the day.
        at(
            "g",
            day(2024, 3, 20),
            9,
            HistoryKind::Purchase,
            Some(1_200),
            "",
        ),
        at(
            "g",
            day(2024, 3, 20),
            18,
            HistoryKind::Campaign,
            None,
            "Soldes",
        ),
        // h (7): nothing after it.
        campaign("h", day(2024, 3, 15), "Noël"),
        entry("h", day(2024, 3, 16), HistoryKind::Call, None, ""),
        // Not in the file.
        campaign("gone", day(2024, 3, 5), "Printemps"),
        buy("gone", day(2024, 3, 6), 1_000),
    ];
    let (file, log) = (
        file_of(&["a", "b", "c", "d", "e", "f", "g", "h"]),
        log(&entries),
    );
    let j = Joined::new(&file, &log);
    assert_eq!(
        campaigns(&j, p, 7),
        vec![
            // a 5,000; c 3,000 + 2,000 (windows to the 17th and the 19th).
            row("Printemps", (4, 3), 750, 10_000, &[0, 1, 2], &[0, 2]),
            // c 3,000 (window to the 18th); g 1,200.
            row("Soldes", (3, 2), 667, 4_200, &[2, 5, 6], &[2, 6]),
            row("", (1, 1), 1_000, 700, &[3], &[3]),
            row("Noël", (1, 0), 0, 0, &[7], &[]),
        ]
    );
    // Window 0: only orders of the campaign's day.
    let same_day = campaigns(&j, p, 0);
    assert_eq!(
        same_day[1],
        row("Soldes", (3, 1), 333, 1_200, &[2, 5, 6], &[6])
    );
    assert_eq!(same_day[0].responded, 0);
}

#[test]
fn no_campaign_no_row() {
    let p = period(day(2024, 3, 1), day(2024, 3, 31));
    let (file, log) = (file_of(&["a"]), log(&[buy("a", day(2024, 3, 2), 100)]));
    assert!(campaigns(&Joined::new(&file, &log), p, 30).is_empty());
}

#[test]
fn activity_counts_each_kind_by_month_within_the_period() {
    let p = period(day(2024, 2, 15), day(2024, 4, 10));
    let entries = vec![
        buy("a", day(2024, 2, 14), 100),
        buy("a", day(2024, 2, 15), 100),
        buy("a", day(2024, 2, 29), -100),
        campaign("a", day(2024, 2, 29), "x"),
        entry("b", day(2024, 3, 1), HistoryKind::Call, None, ""),
        entry("b", day(2024, 3, 31), HistoryKind::Note, None, ""),
        at("b", day(2024, 3, 31), 23, HistoryKind::Complaint, None, ""),
        entry("b", day(2024, 4, 10), HistoryKind::Quote, Some(5), ""),
        entry("b", day(2024, 4, 11), HistoryKind::Quote, Some(5), ""),
        entry("gone", day(2024, 3, 1), HistoryKind::Call, None, ""),
    ];
    let (file, log) = (file_of(&["a", "b"]), log(&entries));
    let month = |month, counts| ActivityMonth {
        month: Month { year: 2024, month },
        counts,
    };
    // Purchase, quote, invoice, call, visit, e-mail, meeting, complaint, note, campaign.
    assert_eq!(
        activity(&Joined::new(&file, &log), p),
        vec![
            month(2, [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
            month(3, [0, 0, 0, 1, 0, 0, 0, 1, 1, 0]),
            month(4, [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]),
        ]
    );
}
