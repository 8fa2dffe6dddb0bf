//! How the analyses read the log, shared by them: one pass over the fiches in log order (the
//! columns read front to back, not in the file's order, which has nothing to do with the
//! log's), each fiche's entries as slices of the columns.
//!
//! Written for the release build, which optimizes for size and so inlines next to nothing on
//! its own: a call per entry, even an index into a `Vec`, costs more than the work it does
//! (measured: reading through `Log::entry` was a fifth of all the analyses' time). Hence loops
//! over slices, `#[inline(always)]` on the one-line readers, and no branch on an entry's kind,
//! which follows no pattern the branch predictor could learn (a selection instead: summing
//! `amount × is_purchase` took half the time of an `if`).

use std::ops::Range;

use super::log::{day, Day, Log};
use super::makeup::AgeBand;
use super::period::{Month, Period};
use super::Joined;
use crate::domain::history::HistoryKind;
use crate::domain::segment::CustomerType;

/// The kinds the analyses single out, as the log codes them (their place in
/// [`HistoryKind::ALL`]).
const PURCHASE: u8 = HistoryKind::Purchase as u8;
pub(super) const CAMPAIGN: u8 = HistoryKind::Campaign as u8;

// The analyses index arrays by `x as usize` for these enums, where a lookup in `ALL` would be
// a search per entry or per fiche: that must be the place of `x` in its `ALL`. (A kind's code
// in the log is its place in `HistoryKind::ALL`.)
const _: () = {
    let mut i = 0;
    while i < HistoryKind::ALL.len() {
        assert!(HistoryKind::ALL[i] as usize == i);
        i += 1;
    }
    let mut i = 0;
    while i < CustomerType::ALL.len() {
        assert!(CustomerType::ALL[i] as usize == i);
        i += 1;
    }
    let mut i = 0;
    while i < AgeBand::ALL.len() {
        assert!(AgeBand::ALL[i] as usize == i);
        i += 1;
    }
};

/// Calls `each` for every fiche of the file that has a history, in log order, with its slot,
/// its record index and its entries.
pub(super) fn fiches<'a>(j: &Joined<'a>, mut each: impl FnMut(u32, u32, Columns<'a>)) {
    let columns = j.log.columns();
    let mut start = 0;
    for (slot, &end) in columns.0.iter().skip(1).enumerate() {
        let range = start..end;
        start = end;
        if let Some(record) = j.record(slot as u32) {
            each(slot as u32, record, Columns::at(columns, range));
        }
    }
}

/// What [`Log::columns`] gives.
type LogColumns<'a> = (&'a [u32], &'a [Day], &'a [u8], &'a [i64]);

/// One fiche's entries, sorted by day, as slices of the log's columns (all of one length: one
/// range of each).
#[derive(Clone, Copy)]
pub(super) struct Columns<'a> {
    pub days: &'a [Day],
    pub kinds: &'a [u8],
    /// Cents, or a campaign's label index.
    pub values: &'a [i64],
}

impl<'a> Columns<'a> {
    /// The entries of `slot`.
    pub fn of(log: &'a Log, slot: u32) -> Columns<'a> {
        let columns = log.columns();
        let (start, end) = (
            columns.0.get(slot as usize),
            columns.0.get(slot as usize + 1),
        );
        Columns::at(columns, *start.unwrap_or(&0)..*end.unwrap_or(&0))
    }

    /// The entries at `range` of the log's columns (none when the range is not in them: never
    /// for a log `Log` makes or decodes, whose slots cover its columns).
    fn at((_, days, kinds, values): LogColumns<'a>, range: Range<u32>) -> Columns<'a> {
        let range = range.start as usize..range.end as usize;
        match (
            days.get(range.clone()),
            kinds.get(range.clone()),
            values.get(range),
        ) {
            (Some(days), Some(kinds), Some(values)) => Columns {
                days,
                kinds,
                values,
            },
            _ => Columns {
                days: &[],
                kinds: &[],
                values: &[],
            },
        }
    }

    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// A purchase that is not a refund (see [`super::Entry::is_order`]); `i` < `len()`.
    #[inline(always)]
    pub fn is_order(&self, i: usize) -> bool {
        // `&`, not `&&`: no branch on the kind.
        (self.kinds[i] == PURCHASE) & (self.values[i] >= 0)
    }

    /// The amount of a purchase (negative for a refund), 0 for any other entry; `i` < `len()`.
    #[inline(always)]
    pub fn purchase_amount(&self, i: usize) -> i64 {
        self.values[i] * i64::from(self.kinds[i] == PURCHASE)
    }

    /// The positions dated from `from` to `to`, both inclusive (empty when `to < from`):
    /// counted rather than searched, a slot holding a handful of entries (the comparisons of
    /// a binary search would be branches nothing can predict).
    pub fn between(&self, from: Day, to: Day) -> Range<usize> {
        let (mut start, mut end) = (0, 0);
        for &d in self.days {
            start += usize::from(d < from);
            end += usize::from(d <= to);
        }
        start..end.max(start)
    }

    /// The day of the first order ever.
    pub fn first_order(&self) -> Option<Day> {
        (0..self.len())
            .find(|&i| self.is_order(i))
            .map(|i| self.days[i])
    }

    /// The running totals of the entries dated before each of `bounds`, in one pass that stops
    /// at the last bound (a bound below the one before it counts as that one). Differences of
    /// two of them give a span of days: [`Totals::until`].
    pub fn totals_before<const N: usize>(&self, bounds: [i64; N]) -> [Totals; N] {
        let mut out = [Totals::default(); N];
        let (mut now, mut k) = (Totals::default(), 0);
        for i in 0..self.len() {
            let d = self.days[i];
            // Days ascend: a branch taken once per bound.
            while k < N && i64::from(d) >= bounds[k] {
                out[k] = now;
                k += 1;
            }
            if k == N {
                return out;
            }
            let order = self.is_order(i);
            now.revenue = now.revenue.wrapping_add(self.purchase_amount(i));
            now.orders += u64::from(order);
            now.entries += 1;
            now.last_order = if order { d } else { now.last_order };
        }
        for o in out.iter_mut().skip(k) {
            *o = now;
        }
        out
    }
}

/// What a fiche's entries add up to before a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Totals {
    /// Purchase amounts, refunds included (net); wrapping, so that the difference of two
    /// totals is exact whenever it fits in 64 bits.
    pub revenue: i64,
    pub orders: u64,
    /// Entries of any kind: the position of the first entry not counted.
    pub entries: usize,
    /// The day of the last order, `Day::MIN` without one.
    pub last_order: Day,
}

impl Default for Totals {
    fn default() -> Totals {
        Totals {
            revenue: 0,
            orders: 0,
            entries: 0,
            last_order: Day::MIN,
        }
    }
}

impl Totals {
    /// The revenue and orders from these totals to `later` ones.
    pub fn until(self, later: Totals) -> (i64, u64) {
        (
            later.revenue.wrapping_sub(self.revenue),
            later.orders.saturating_sub(self.orders),
        )
    }
}

/// The months a period touches with the day each starts, so that the month of an entry is a
/// comparison of integers rather than a date conversion.
pub(super) struct Months {
    pub months: Vec<Month>,
    /// A boxed slice, not a vector: indexing a vector is a call in the size-optimized build.
    starts: Box<[Day]>,
    from: Day,
}

impl Months {
    pub fn of(p: Period) -> Months {
        let months = p.months();
        let starts = months.iter().map(|m| day(m.first_day())).collect();
        Months {
            months,
            starts,
            from: day(p.from),
        }
    }

    pub fn len(&self) -> usize {
        self.months.len()
    }

    /// The index of the month holding `d`, a day of the period.
    pub fn index(&self, d: Day) -> usize {
        self.starts.partition_point(|&s| s <= d).saturating_sub(1)
    }

    /// [`Months::index`] of a day known to be in month `m` or after it: entries come by day,
    /// so a pass moves forward from the month of the previous entry.
    #[inline(always)]
    pub fn later(&self, mut m: usize, d: Day) -> usize {
        while m + 1 < self.starts.len() && self.starts[m + 1] <= d {
            m += 1;
        }
        m
    }

    /// The first day of month `i` within the period: the period's first day for the first
    /// month, the month's first day for the others.
    pub fn window_start(&self, i: usize) -> Day {
        self.starts.get(i).map_or(self.from, |&s| s.max(self.from))
    }
}

/// Record indices in ascending order: the passes go over the log's slots, whose order is not
/// the file's.
pub(super) fn ascending(mut records: Vec<u32>) -> Vec<u32> {
    records.sort_unstable();
    records
}
