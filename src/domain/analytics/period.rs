//! The period an analysis covers, its presets, and the months it spans.

use chrono::{Datelike, NaiveDate};

use super::log::{day, Day};

/// From `from` to `to`, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    pub fn of(d: NaiveDate) -> Month {
        Month {
            year: d.year(),
            month: d.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn next(self) -> Month {
        self.plus(1)
    }

    /// The month `n` months later (`n` may be negative).
    pub fn plus(self, n: i32) -> Month {
        let index = self.index() + n;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Months since year 0: `b.index() - a.index()` is how many months `b` is after `a`.
    pub fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    /// "2024-07".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// The periods offered in one click.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The 12 full months before the current one (the default).
    Last12Months,
    /// January 1st to today.
    ThisYear,
    LastYear,
    /// The last full quarter.
    LastQuarter,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::Last12Months,
        Preset::ThisYear,
        Preset::LastYear,
        Preset::LastQuarter,
    ];

    pub fn period(self, today: NaiveDate) -> Period {
        let this_month = Month::of(today);
        let (from, to) = match self {
            Preset::Last12Months => (
                this_month.plus(-12).first_day(),
                this_month.plus(-1).last_day(),
            ),
            Preset::ThisYear => (
                Month {
                    year: today.year(),
                    month: 1,
                }
                .first_day(),
                today,
            ),
            Preset::LastYear => {
                let y = today.year() - 1;
                (
                    Month { year: y, month: 1 }.first_day(),
                    Month { year: y, month: 12 }.last_day(),
                )
            }
            Preset::LastQuarter => {
                let quarter_start = Month {
                    year: today.year(),
                    month: (today.month() - 1) / 3 * 3 + 1,
                };
                (
                    quarter_start.plus(-3).first_day(),
                    quarter_start.plus(-1).last_day(),
                )
            }
        };
        Period { from, to }
    }
}

impl Period {
    /// `None` when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    pub fn default_for(today: NaiveDate) -> Period {
        Preset::Last12Months.period(today)
    }

    /// Number of days, both ends counted.
    pub fn days(self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period of the same length that ends the day before this one starts.
    pub fn previous(self) -> Period {
        let to = self.from.pred_opt().unwrap_or(NaiveDate::MIN);
        let from = to
            .checked_sub_days(chrono::Days::new(self.days() as u64 - 1))
            .unwrap_or(NaiveDate::MIN);
        Period { from, to }
    }

    /// The bounds as day numbers, for comparisons with the log's days.
    pub fn day_range(self) -> (Day, Day) {
        (day(self.from), day(self.to))
    }

    pub fn contains(self, d: Day) -> bool {
        let (from, to) = self.day_range();
        (from..=to).contains(&d)
    }

    /// Every month the period touches, in order.
    pub fn months(self) -> Vec<Month> {
        let (first, last) = (Month::of(self.from), Month::of(self.to));
        (0..=last.index() - first.index())
            .map(|k| first.plus(k))
            .collect()
    }

    /// Which preset this period is, if any (for the page to show it selected).
    pub fn preset(self, today: NaiveDate) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.period(today) == self)
    }
}
