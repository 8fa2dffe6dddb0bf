//! The period's buyers in ten groups by what they spent: how much of the revenue the best tenth
//! brings.

use super::period::Period;
use super::scan::fiches;
use super::{pct_tenths, Joined};

/// One tenth of the buyers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decile {
    /// 1 to 10, 1 the buyers who spent the most.
    pub rank: u8,
    /// Record indices, in rank order (who spent the most first).
    pub members: Vec<u32>,
    /// What the members spent in the period, net of their refunds in it.
    pub revenue: i64,
    /// `revenue` ÷ [`Deciles::revenue`], in tenths of a percent; `None` when that total is 0.
    pub share_tenths: Option<i64>,
    /// The share of this group and those above it, from their summed revenue (not the sum of
    /// rounded shares, so that the tenth group says exactly 100 %).
    pub cumulative_tenths: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deciles {
    /// Always ten, empty ones included.
    pub groups: Vec<Decile>,
    pub buyers: u64,
    /// The sum of the groups' revenue.
    pub revenue: i64,
    /// The first group's share.
    pub top_share_tenths: Option<i64>,
}

/// The buyers of `p` (fiches with at least one order in it) ranked by their revenue in the
/// period, net of their refunds in it, highest first, ties by fiche id ascending (so the result
/// does not depend on the order of the file); then cut into ten groups: with n = 10q + r buyers,
/// groups 1 to r hold q + 1 buyers and the others q (with fewer than ten buyers, one each in
/// the first n groups).
///
/// Shares are of the buyers' revenue: a refund by a fiche that bought nothing in the period is
/// not in it (it belongs to no group), so the total may differ from the revenue key figure.
/// That total may be negative when refunds outweigh orders; the shares then keep the sign of
/// the plain division.
pub fn deciles(j: &Joined, p: Period) -> Deciles {
    let (from, to) = p.day_range();
    let mut buyers: Vec<(i64, u32, u32)> = Vec::new();
    fiches(j, |slot, record, c| {
        let [start, end] = c.totals_before([from.into(), i64::from(to) + 1]);
        let (revenue, orders) = start.until(end);
        if orders > 0 {
            buyers.push((revenue, slot, record));
        }
    });
    // Sorted by revenue as plain integers, then each run of equal revenue by id: comparing
    // ids throughout would compare strings at every step of the sort.
    buyers.sort_unstable_by_key(|&(revenue, _, _)| std::cmp::Reverse(revenue));
    for run in buyers.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            run.sort_unstable_by(|a, b| j.log.id(a.1).cmp(j.log.id(b.1)));
        }
    }
    let total = buyers
        .iter()
        .fold(0i64, |sum, &(revenue, _, _)| sum.saturating_add(revenue));
    let (q, r) = (buyers.len() / 10, buyers.len() % 10);
    let mut rest = buyers.as_slice();
    let mut cumulative = 0i64;
    let groups: Vec<Decile> = (0..10u8)
        .map(|g| {
            let size = (q + usize::from(usize::from(g) < r)).min(rest.len());
            let (group, tail) = rest.split_at(size);
            rest = tail;
            let revenue = group
                .iter()
                .fold(0i64, |sum, &(revenue, _, _)| sum.saturating_add(revenue));
            cumulative = cumulative.saturating_add(revenue);
            Decile {
                rank: g + 1,
                members: group.iter().map(|&(_, _, record)| record).collect(),
                revenue,
                share_tenths: pct_tenths(revenue, total),
                cumulative_tenths: pct_tenths(cumulative, total),
            }
        })
        .collect();
    Deciles {
        top_share_tenths: groups.first().and_then(|g| g.share_tenths),
        groups,
        buyers: buyers.len() as u64,
        revenue: total,
    }
}
