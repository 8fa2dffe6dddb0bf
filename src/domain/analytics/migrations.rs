//! Migrations: each fiche's customer type on the eve of the period against its type at the
//! period's end, by Carnet's own rule, as if the file had been looked at on those two days.

use chrono::{Days, NaiveDate, NaiveTime};

use super::log::{date, day, Day};
use super::period::Period;
use super::scan::{fiches, Columns};
use super::Joined;
use crate::domain::segment::{CustomerType, FileStats, Thresholds};
use crate::domain::summary::Summary;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrations {
    /// The day before the period's first day.
    pub start: NaiveDate,
    /// The period's last day.
    pub end: NaiveDate,
    /// `cells[a][b]`: the fiches of type a at the end of `start` and of type b at the end of
    /// `end`, types in [`CustomerType::ALL`] order; record indices, ascending.
    pub cells: Vec<Vec<Vec<u32>>>,
}

/// Every fiche of the file in exactly one cell: its type at the end of the day before `p`
/// starts, then at the end of `p`'s last day. The type at the end of day D is
/// [`FileStats::customer_type`] with the thresholds, for the [`Summary`] the fiche's history
/// dated up to D gives, read against the [`FileStats`] of the whole file's such summaries on D:
/// as [`Summary::from_history`] would have made them then (total net of refunds, orders, first
/// and last order at 00:00 UTC of their day, the latest orders' days; contacts, which no type
/// reads, are left out). A fiche without history by D (created later, or never bought) is a
/// prospect.
pub fn migrations(j: &Joined, p: Period, thresholds: Thresholds) -> Migrations {
    let start = p.from.pred_opt().unwrap_or(NaiveDate::MIN);
    let ends = [start, p.to];
    let dates = Dates::before(start.max(p.to));
    let [by_start, by_end] = buyers_by(j, ends.map(day));
    let before = types(j, &by_start, start, thresholds, &dates);
    let after = types(j, &by_end, p.to, thresholds, &dates);
    let n = CustomerType::ALL.len();
    let mut cells = vec![vec![Vec::new(); n]; n];
    for (r, (&a, &b)) in before.iter().zip(&after).enumerate() {
        if let Some(cell) = cells
            .get_mut(usize::from(a))
            .and_then(|row| row.get_mut(usize::from(b)))
        {
            cell.push(r as u32);
        }
    }
    Migrations {
        start,
        end: p.to,
        cells,
    }
}

/// A fiche that had ordered by a day, and what its purchases then added up to: a few
/// numbers, not a [`Summary`] (160,000 summaries were 25 MB to write and free).
struct Buyer {
    slot: u32,
    record: u32,
    /// How many of its entries are dated up to the day.
    end: u32,
    orders: u32,
    first: Day,
    last: Day,
    total: i64,
}

impl Buyer {
    /// Its summary, without the latest days (the file's statistics do not read them).
    fn summary(&self, dates: &Dates) -> Summary {
        let midnight = |d: Day| Some(dates.get(d).and_time(NaiveTime::MIN).and_utc());
        Summary {
            total_spent_cents: self.total,
            orders: self.orders,
            first_purchase: midnight(self.first),
            last_purchase: midnight(self.last),
            ..Summary::default()
        }
    }
}

/// The buyers by the end of each of the two days, in one pass over the log. Fiches without an
/// order by then count for nothing in the file's statistics, and are prospects.
fn buyers_by(j: &Joined, last: [Day; 2]) -> [Vec<Buyer>; 2] {
    // Room for every fiche at once: grown by doubling, the vectors were copied over and over.
    let room = j.file.len();
    let mut buyers = [Vec::with_capacity(room), Vec::with_capacity(room)];
    let bounds = last.map(|d| i64::from(d) + 1);
    fiches(j, |slot, record, c| {
        let Some(first) = c.first_order() else {
            return;
        };
        for (b, t) in buyers.iter_mut().zip(c.totals_before(bounds)) {
            if t.orders > 0 {
                b.push(Buyer {
                    slot,
                    record,
                    end: t.entries as u32,
                    orders: u32::try_from(t.orders).unwrap_or(u32::MAX),
                    first,
                    last: t.last_order,
                    total: t.revenue,
                });
            }
        }
    });
    buyers
}

/// Each record's type at the end of `d`, as its place in [`CustomerType::ALL`], from the
/// buyers by then.
fn types(
    j: &Joined,
    buyers: &[Buyer],
    d: NaiveDate,
    thresholds: Thresholds,
    dates: &Dates,
) -> Vec<u8> {
    let stats = FileStats::new(buyers.iter().map(|b| b.summary(dates)), d, thresholds);
    let mut types = vec![CustomerType::Prospect as u8; j.file.len()];
    // One summary filled for each buyer in turn: its vector of days is allocated once.
    let mut s = Summary::default();
    for b in buyers {
        let c = Columns::of(j.log, b.slot);
        // The latest order days, most recent first: a write at each entry, kept by counting it
        // only when an order (no branch on the kind).
        let mut latest = [0; Summary::RECENT_PURCHASES];
        let mut n = 0;
        for i in (0..c.len().min(b.end as usize)).rev() {
            if n == latest.len() {
                break;
            }
            latest[n] = c.days[i];
            n += usize::from(c.is_order(i));
        }
        let recent = std::mem::take(&mut s.recent_purchases);
        s = Summary {
            recent_purchases: recent,
            ..b.summary(dates)
        };
        s.recent_purchases.clear();
        for &d in latest.get(..n).unwrap_or_default() {
            s.recent_purchases.push(dates.get(d));
        }
        if let Some(t) = types.get_mut(b.record as usize) {
            *t = stats.customer_type(&s) as u8;
        }
    }
    types
}

/// Days as dates for the ten years up to a day, where most purchases are: chrono's conversion
/// of a day number costs more than all the rest of a fiche's summary.
struct Dates {
    first: i64,
    dates: Vec<NaiveDate>,
}

impl Dates {
    const DAYS: u64 = 3_653;

    fn before(last: NaiveDate) -> Dates {
        let from = last
            .checked_sub_days(Days::new(Self::DAYS - 1))
            .unwrap_or(NaiveDate::MIN);
        let dates: Vec<NaiveDate> =
            std::iter::successors(Some(from), |d| d.succ_opt().filter(|next| *next <= last))
                .collect();
        Dates {
            first: day(from).into(),
            dates,
        }
    }

    #[inline(always)]
    fn get(&self, d: Day) -> NaiveDate {
        usize::try_from(i64::from(d) - self.first)
            .ok()
            .and_then(|i| self.dates.get(i).copied())
            .unwrap_or_else(|| date(d))
    }
}
