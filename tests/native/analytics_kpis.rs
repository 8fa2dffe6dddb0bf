//! Key figures: a period against the one before it, refunds lowering revenue without making
//! orders or buyers, the period's ends in and the days beside them out, UTC days, leap years.

use carnet::domain::analytics::{kpis, Change, Joined, Kpi, KpiRow, Value};
use carnet::domain::history::HistoryKind;

use crate::analytics_support::{at, buy, day, entry, file_of, log, period};

fn row(kpi: Kpi, current: Value, previous: Value, change: Change) -> KpiRow {
    KpiRow {
        kpi,
        current,
        previous,
        change,
    }
}

#[test]
fn figures_of_a_period_and_of_the_one_before() {
    let p = period(day(2024, 3, 1), day(2024, 5, 31));
    // 92 days ending on the leap day.
    assert_eq!(p.previous(), period(day(2023, 11, 30), day(2024, 2, 29)));
    let entries = vec![
        // a: both ends of the period, and an order in the previous one.
        buy("a", day(2024, 3, 1), 10_000),
        at(
            "a",
            day(2024, 5, 31),
            23,
            HistoryKind::Purchase,
            Some(5_000),
            "",
        ),
        buy("a", day(2023, 12, 15), 2_000),
        // b: the previous period's last day, a refund in this one, the day after this one.
        buy("b", day(2024, 2, 29), 3_000),
        buy("b", day(2024, 4, 10), -1_500),
        buy("b", day(2024, 6, 1), 7_000),
        // c: a first order in the period and a free item.
        buy("c", day(2024, 4, 15), 8_000),
        buy("c", day(2024, 4, 20), 0),
        // d: 23:30 UTC on the last day of March is March 31st; an older refund is no order.
        at(
            "d",
            day(2024, 3, 31),
            23,
            HistoryKind::Purchase,
            Some(1_000),
            "",
        ),
        buy("d", day(2023, 1, 1), -200),
        // f: no purchase; g: the day before the previous period; gone: not in the file.
        entry("f", day(2024, 4, 1), HistoryKind::Note, None, ""),
        entry("f", day(2024, 4, 2), HistoryKind::Campaign, None, "x"),
        entry("f", day(2024, 4, 3), HistoryKind::Quote, Some(9_000), ""),
        buy("g", day(2023, 11, 29), 4_000),
        buy("gone", day(2024, 4, 1), 99_999),
    ];
    let (file, log) = (file_of(&["a", "b", "c", "d", "f", "g"]), log(&entries));
    let j = Joined::new(&file, &log);
    use Value::{Cents, Count, Tenths};
    assert_eq!(
        kpis(&j, p),
        vec![
            row(Kpi::Buyers, Count(3), Count(2), Change::Relative(500)),
            // 10,000 + 5,000 − 1,500 + 8,000 + 0 + 1,000 against 2,000 + 3,000.
            row(
                Kpi::Revenue,
                Cents(22_500),
                Cents(5_000),
                Change::Relative(3_500)
            ),
            row(Kpi::Orders, Count(5), Count(2), Change::Relative(1_500)),
            row(
                Kpi::Basket,
                Cents(4_500),
                Cents(2_500),
                Change::Relative(800)
            ),
            // a and c of a, c, d: 66.67 %; nobody ordered twice before.
            row(Kpi::RepeatRate, Tenths(667), Tenths(0), Change::Points(667)),
            // c and d; a and b before (their first orders were then).
            row(Kpi::NewBuyers, Count(2), Count(2), Change::Relative(0)),
        ]
    );
}

#[test]
fn without_any_buyer_rates_and_baskets_are_missing() {
    let p = period(day(2024, 1, 1), day(2024, 1, 31));
    for entries in [vec![], vec![buy("a", day(2024, 1, 10), -800)]] {
        let (file, log) = (file_of(&["a"]), log(&entries));
        let rows = kpis(&Joined::new(&file, &log), p);
        let revenue = if entries.is_empty() { 0 } else { -800 };
        assert_eq!(
            rows,
            vec![
                row(
                    Kpi::Buyers,
                    Value::Count(0),
                    Value::Count(0),
                    Change::Missing
                ),
                row(
                    Kpi::Revenue,
                    Value::Cents(revenue),
                    Value::Cents(0),
                    Change::Missing
                ),
                row(
                    Kpi::Orders,
                    Value::Count(0),
                    Value::Count(0),
                    Change::Missing
                ),
                row(Kpi::Basket, Value::Missing, Value::Missing, Change::Missing),
                row(
                    Kpi::RepeatRate,
                    Value::Missing,
                    Value::Missing,
                    Change::Missing
                ),
                row(
                    Kpi::NewBuyers,
                    Value::Count(0),
                    Value::Count(0),
                    Change::Missing
                ),
            ]
        );
    }
}

#[test]
fn halves_round_away_from_zero_and_changes_are_against_the_absolute_previous_value() {
    // The leap year 2024 as the period: the previous one is the 366 days before, from
    // 2022-12-31.
    let p = period(day(2024, 1, 1), day(2024, 12, 31));
    assert_eq!(p.previous(), period(day(2022, 12, 31), day(2023, 12, 31)));
    let entries = vec![
        buy("a", day(2024, 2, 29), 1_001),
        buy("a", day(2024, 7, 1), 0),
        buy("b", day(2022, 12, 31), 500),
        buy("b", day(2023, 6, 1), -1_500),
        buy("b", day(2022, 12, 30), 10_000),
    ];
    let (file, log) = (file_of(&["a", "b"]), log(&entries));
    let rows = kpis(&Joined::new(&file, &log), p);
    // (1,001 − (−1,000)) / 1,000.
    assert_eq!(
        rows[1],
        row(
            Kpi::Revenue,
            Value::Cents(1_001),
            Value::Cents(-1_000),
            Change::Relative(2_001)
        )
    );
    // 1,001 / 2 = 500.5 → 501; −1,000 / 1.
    assert_eq!(
        rows[3],
        row(
            Kpi::Basket,
            Value::Cents(501),
            Value::Cents(-1_000),
            Change::Relative(1_501)
        )
    );
    // a ordered twice (2/1 buyers) against b once.
    assert_eq!(
        rows[4],
        row(
            Kpi::RepeatRate,
            Value::Tenths(1_000),
            Value::Tenths(0),
            Change::Points(1_000)
        )
    );
    // b's first order (2022-12-30) is before the previous period: not a new buyer there.
    assert_eq!(
        rows[5],
        row(
            Kpi::NewBuyers,
            Value::Count(1),
            Value::Count(0),
            Change::Missing
        )
    );
}

#[test]
fn a_period_ending_before_it_starts_holds_nothing() {
    let (file, log) = (file_of(&["a"]), log(&[buy("a", day(2024, 1, 10), 800)]));
    let p = carnet::domain::analytics::Period {
        from: day(2024, 1, 11),
        to: day(2024, 1, 10),
    };
    let rows = kpis(&Joined::new(&file, &log), p);
    assert_eq!(rows[0].current, Value::Count(0));
    assert_eq!(rows[0].previous, Value::Count(0));
}
