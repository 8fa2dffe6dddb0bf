//! The period: its presets on a given day, the previous period of the same length (leap years
//! included), and the months it touches.

use carnet::domain::analytics::{Month, Period, Preset};

use crate::support::day;

fn period(from: (i32, u32, u32), to: (i32, u32, u32)) -> Period {
    Period::new(day(from.0, from.1, from.2), day(to.0, to.1, to.2)).unwrap()
}

#[test]
fn presets_on_a_day_in_may() {
    let today = day(2025, 5, 20);
    assert_eq!(
        Preset::Last12Months.period(today),
        period((2024, 5, 1), (2025, 4, 30))
    );
    assert_eq!(
        Preset::ThisYear.period(today),
        period((2025, 1, 1), (2025, 5, 20))
    );
    assert_eq!(
        Preset::LastYear.period(today),
        period((2024, 1, 1), (2024, 12, 31))
    );
    assert_eq!(
        Preset::LastQuarter.period(today),
        period((2025, 1, 1), (2025, 3, 31))
    );
    assert_eq!(
        Period::default_for(today),
        Preset::Last12Months.period(today)
    );
    assert_eq!(
        period((2024, 1, 1), (2024, 12, 31)).preset(today),
        Some(Preset::LastYear)
    );
    assert_eq!(period((2024, 1, 2), (2024, 12, 31)).preset(today), None);
}

#[test]
fn in_january_the_last_quarter_and_months_are_last_years() {
    let today = day(2025, 1, 3);
    assert_eq!(
        Preset::LastQuarter.period(today),
        period((2024, 10, 1), (2024, 12, 31))
    );
    assert_eq!(
        Preset::Last12Months.period(today),
        period((2024, 1, 1), (2024, 12, 31))
    );
    assert_eq!(
        Preset::ThisYear.period(today),
        period((2025, 1, 1), (2025, 1, 3))
    );
}

#[test]
fn the_previous_period_has_the_same_number_of_days() {
    let p = period((2025, 1, 1), (2025, 6, 30));
    assert_eq!(p.days(), 181);
    assert_eq!(p.previous(), period((2024, 7, 4), (2024, 12, 31)));
    // Over 29 February: 366 days, and the year before is 365 days long plus one.
    let leap = period((2024, 1, 1), (2024, 12, 31));
    assert_eq!(leap.days(), 366);
    assert_eq!(leap.previous(), period((2022, 12, 31), (2023, 12, 31)));
    let one = period((2024, 3, 1), (2024, 3, 1));
    assert_eq!(one.previous(), period((2024, 2, 29), (2024, 2, 29)));
    assert!(Period::new(day(2024, 3, 2), day(2024, 3, 1)).is_none());
}

#[test]
fn months_run_from_the_first_touched_to_the_last() {
    let months = period((2024, 11, 15), (2025, 2, 1)).months();
    assert_eq!(
        months.iter().map(|m| m.iso()).collect::<Vec<_>>(),
        ["2024-11", "2024-12", "2025-01", "2025-02"]
    );
    let feb = Month {
        year: 2024,
        month: 2,
    };
    assert_eq!(feb.last_day(), day(2024, 2, 29));
    assert_eq!(
        feb.plus(-2),
        Month {
            year: 2023,
            month: 12
        }
    );
    assert_eq!(feb.plus(11).iso(), "2025-01");
    assert!(period((2024, 2, 29), (2024, 2, 29))
        .contains(carnet::domain::analytics::day(day(2024, 2, 29))));
}
