//! Campaigns and what followed them, and the month-by-month activity of the history.

use super::period::{Month, Period};
use super::scan::{ascending, fiches, Months, CAMPAIGN};
use super::{pct_tenths, Joined};
use crate::domain::history::HistoryKind;

/// The campaigns of the period sent under one label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignRow {
    /// As the log holds it, trimmed; "" for campaigns without a label.
    pub label: String,
    /// Campaign entries with this label in the period.
    pub sent: u64,
    /// Those followed by an order within the window.
    pub responded: u64,
    /// `responded` ÷ `sent`, in tenths of a percent.
    pub rate_tenths: Option<i64>,
    /// The orders in the windows of the entries that responded, each counted once.
    pub revenue: i64,
    /// Record indices of the fiches sent to, ascending.
    pub recipients: Vec<u32>,
    /// Record indices of the fiches that responded, ascending.
    pub responders: Vec<u32>,
}

/// One row per label among the campaign entries of `p` (rows by `sent` descending, then label
/// ascending). An entry responded when the same fiche has at least one order
/// ([`super::Entry::is_order`]) dated from the campaign's day to that day + `window_days`,
/// inclusive (the window may run past the period's end; an order the same day counts, the log
/// knowing days, not hours). The revenue of a label is the sum of the distinct orders that fall
/// in the window of at least one of its entries for that fiche: an order after two campaigns of
/// one label counts once, after two campaigns of different labels once for each.
pub fn campaigns(j: &Joined, p: Period, window_days: u32) -> Vec<CampaignRow> {
    let (from, to) = p.day_range();
    let window = i64::from(window_days);
    let log = j.log;
    let mut tallies: Vec<Tally> = Vec::new();
    // Running sums of the slot's order amounts (in 128 bits: no sum overflows), built once per
    // slot with a campaign, so that a window's revenue is one subtraction.
    let mut sums: Vec<i128> = Vec::new();
    fiches(j, |slot, record, c| {
        // The window of each campaign in turn: [lo, hi) are the slot's entries from its day to
        // its last day, holding `orders` orders. Campaigns come by day, so both ends only move
        // forward: one pass per slot whatever the number of campaigns.
        let (mut lo, mut hi, mut orders) = (0, 0, 0u64);
        sums.clear();
        for i in c.between(from, to) {
            if c.kinds[i] != CAMPAIGN {
                continue;
            }
            if sums.is_empty() {
                sums.resize(c.len() + 1, 0);
                let (mut sum, out) = (0i128, sums.as_mut_slice());
                for k in 0..c.len() {
                    sum += i128::from(c.values[k] * i64::from(c.is_order(k)));
                    out[k + 1] = sum;
                }
            }
            let (d, last) = (c.days[i], i64::from(c.days[i]) + window);
            while hi < c.len() && i64::from(c.days[hi]) <= last {
                orders += u64::from(c.is_order(hi));
                hi += 1;
            }
            while lo < hi && c.days[lo] < d {
                orders = orders.saturating_sub(u64::from(c.is_order(lo)));
                lo += 1;
            }
            // Indices past the log's labels (a damaged log) read as no label.
            let label = u32::try_from(c.values[i])
                .ok()
                .filter(|&l| !log.label(l).is_empty())
                .map_or(0, |l| l as usize);
            if tallies.len() <= label {
                tallies.resize_with(label + 1, Tally::default);
            }
            let Some(t) = tallies.get_mut(label) else {
                continue;
            };
            t.sent += 1;
            if t.slot != Some(slot) {
                t.slot = Some(slot);
                t.recipients.push(record);
                t.responder = false;
                t.counted_to = 0;
            }
            if orders > 0 {
                t.responded += 1;
                if !t.responder {
                    t.responder = true;
                    t.responders.push(record);
                }
                // Only the orders this label has not counted yet for this fiche: its earlier
                // windows end at `counted_to`, and none starts later than this one.
                let start = lo.max(t.counted_to);
                if hi > start {
                    let sum = |k: usize| sums.get(k).copied().unwrap_or(0);
                    let added = i64::try_from(sum(hi) - sum(start)).unwrap_or(i64::MAX);
                    t.revenue = t.revenue.saturating_add(added);
                }
                t.counted_to = t.counted_to.max(hi);
            }
        }
    });
    let mut rows: Vec<CampaignRow> = tallies
        .into_iter()
        .enumerate()
        .filter(|(_, t)| t.sent > 0)
        .map(|(label, t)| CampaignRow {
            label: log.label(label as u32).trim().to_string(),
            sent: t.sent,
            responded: t.responded,
            rate_tenths: pct_tenths(t.responded as i64, t.sent as i64),
            revenue: t.revenue,
            recipients: ascending(t.recipients),
            responders: ascending(t.responders),
        })
        .collect();
    rows.sort_by(|a, b| b.sent.cmp(&a.sent).then_with(|| a.label.cmp(&b.label)));
    rows
}

/// One label's figures as the pass goes, with where it stands in the current slot.
#[derive(Default)]
struct Tally {
    sent: u64,
    responded: u64,
    revenue: i64,
    recipients: Vec<u32>,
    responders: Vec<u32>,
    /// The last slot sent to, and whether it responded.
    slot: Option<u32>,
    responder: bool,
    /// The end (exclusive position) of this label's windows counted so far in that slot.
    counted_to: usize,
}

/// The number of entries of each kind in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityMonth {
    pub month: Month,
    /// In [`HistoryKind::ALL`] order.
    pub counts: [u64; 10],
}

/// Every month of `p` with the number of entries of each kind dated in it and in the period
/// (the first and last months clipped to it), empty months included.
pub fn activity(j: &Joined, p: Period) -> Vec<ActivityMonth> {
    let (from, to) = p.day_range();
    let months = Months::of(p);
    let mut counts = vec![[0u64; HistoryKind::ALL.len()]; months.len()];
    let counts_of = counts.as_mut_slice();
    fiches(j, |_, _, c| {
        // Month 0 holds the period's first day.
        let mut m = 0;
        for i in c.between(from, to) {
            m = months.later(m, c.days[i]);
            // In bounds: a day of the period is in one of its months, and the log holds only
            // kinds of `HistoryKind::ALL` (checked when decoded).
            counts_of[m][usize::from(c.kinds[i])] += 1;
        }
    });
    months
        .months
        .iter()
        .zip(counts)
        .map(|(&month, counts)| ActivityMonth { month, counts })
        .collect()
}
