//! Loyalty: month by month, how many buyers had bought before, and how long clients wait
//! between two orders.

use super::period::{Month, Period};
use super::scan::{ascending, fiches, Months};
use super::{pct_tenths, Joined};

/// The buyers of one month of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoyaltyMonth {
    pub month: Month,
    /// Record indices, ascending.
    pub buyers: Vec<u32>,
    pub returning: u64,
    pub new: u64,
    /// `returning` ÷ buyers, in tenths of a percent; `None` without buyers.
    pub returning_tenths: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loyalty {
    /// Every month of the period, empty ones included.
    pub months: Vec<LoyaltyMonth>,
    pub median_gap_days: Option<i64>,
    /// How many gaps the median is taken over.
    pub pairs: u64,
}

/// Per month of `p` (the first and the last clipped to the period): its buyers, the fiches
/// with an order in it ([`super::Entry::is_order`]); the returning ones, who had ordered before
/// the month's first day (before the period's first day for the first month); the new ones,
/// the others.
///
/// The median gap is over the pairs of consecutive orders of one fiche (by day; two on the same
/// day are a pair with a gap of 0) whose second order is in the period; with an even number of
/// pairs, the lower of the two middle gaps.
pub fn loyalty(j: &Joined, p: Period) -> Loyalty {
    let (from, to) = p.day_range();
    let months = Months::of(p);
    let mut buyers: Vec<Vec<u32>> = vec![Vec::new(); months.len()];
    let mut returning = vec![0u64; months.len()];
    let mut gaps: Vec<i64> = Vec::new();
    fiches(j, |_, record, c| {
        let (mut first, mut previous) = (None, None);
        // Month 0 holds the period's first day.
        let (mut m, mut last_month) = (0, None);
        for i in 0..c.len() {
            let d = c.days[i];
            if d > to {
                break;
            }
            if d < from {
                // Before the period, a selection rather than a branch on the kind.
                let order = c.is_order(i);
                previous = if order { Some(d) } else { previous };
                first = first.or(if order { Some(d) } else { None });
                continue;
            }
            if !c.is_order(i) {
                continue;
            }
            let first = *first.get_or_insert(d);
            if let Some(before) = previous {
                gaps.push(i64::from(d) - i64::from(before));
            }
            previous = Some(d);
            m = months.later(m, d);
            if last_month != Some(m) {
                last_month = Some(m);
                if let (Some(b), Some(n)) = (buyers.get_mut(m), returning.get_mut(m)) {
                    b.push(record);
                    *n += u64::from(first < months.window_start(m));
                }
            }
        }
    });
    let pairs = gaps.len() as u64;
    let median_gap_days = match gaps.len() {
        0 => None,
        n => Some(*gaps.select_nth_unstable((n - 1) / 2).1),
    };
    Loyalty {
        months: months
            .months
            .iter()
            .zip(buyers)
            .zip(returning)
            .map(|((&month, buyers), returning)| {
                let n = buyers.len() as u64;
                LoyaltyMonth {
                    month,
                    buyers: ascending(buyers),
                    returning,
                    new: n.saturating_sub(returning),
                    returning_tenths: pct_tenths(returning as i64, n as i64),
                }
            })
            .collect(),
        median_gap_days,
        pairs,
    }
}
