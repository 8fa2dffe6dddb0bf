//! Cohorts: the new buyers of each month, and how many of them bought again in each of the
//! eleven months that follow.

use super::period::{Month, Period};
use super::scan::{fiches, Months};
use super::{pct_tenths, Joined};

/// How many months a cohort is followed, its first included.
pub const COHORT_MONTHS: usize = 12;

/// The buyers whose first order ever was in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cohort {
    pub month: Month,
    /// Record indices, ascending.
    pub members: Vec<u32>,
    /// Month k after the cohort's (k = 0 to 11); `None` past the period's last month.
    pub cells: Vec<Option<Cell>>,
}

/// The members with at least one order in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Record indices, ascending.
    pub active: Vec<u32>,
    /// Share of the cohort's members, in tenths of a percent.
    pub share_tenths: i64,
}

/// The buyers whose first order ever ([`super::Entry::is_order`]; a refund is not a purchase
/// date) is in `p`, grouped by that order's month, months ascending, empty ones left out: their
/// sizes add up to the new-buyers key figure. Cell k holds the members with at least one order
/// in the cohort's month + k, counting orders up to `p.to` (so cell 0 is all of them); cells
/// whose month is after the period's last month are `None`.
pub fn cohorts(j: &Joined, p: Period) -> Vec<Cohort> {
    let (from, to) = p.day_range();
    let months = Months::of(p);
    // Per record: its cohort (an index into `months`) and a bit per month it ordered in.
    let mut of_record: Vec<Option<(usize, u16)>> = vec![None; j.file.len()];
    fiches(j, |_, record, c| {
        let Some(first) = c.first_order().filter(|d| (from..=to).contains(d)) else {
            return;
        };
        let cohort = months.index(first);
        let (mut m, mut active) = (cohort, 0u16);
        for i in c.between(first, to) {
            if c.is_order(i) {
                m = months.later(m, c.days[i]);
                let k = m - cohort;
                if k >= COHORT_MONTHS {
                    break;
                }
                active |= 1 << k;
            }
        }
        if let Some(r) = of_record.get_mut(record as usize) {
            *r = Some((cohort, active));
        }
    });
    // Gathered in record order, so every list comes out ascending.
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); months.len()];
    let mut active: Vec<[Vec<u32>; COHORT_MONTHS]> = vec![Default::default(); months.len()];
    for (r, &o) in of_record.iter().enumerate() {
        let Some((c, bits)) = o else { continue };
        if let (Some(m), Some(a)) = (members.get_mut(c), active.get_mut(c)) {
            m.push(r as u32);
            for (k, cell) in a.iter_mut().enumerate() {
                if bits & (1 << k) != 0 {
                    cell.push(r as u32);
                }
            }
        }
    }
    members
        .into_iter()
        .zip(active)
        .enumerate()
        .filter(|(_, (m, _))| !m.is_empty())
        .map(|(c, (members, active))| Cohort {
            month: months.months[c],
            cells: active
                .into_iter()
                .enumerate()
                .map(|(k, active)| {
                    (c + k < months.len()).then(|| Cell {
                        share_tenths: pct_tenths(active.len() as i64, members.len() as i64)
                            .unwrap_or(0),
                        active,
                    })
                })
                .collect(),
            members,
        })
        .collect()
}
