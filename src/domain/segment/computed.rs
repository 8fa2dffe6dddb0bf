//! Customer types and RFM scores: one fiche's summary read against statistics of the whole file.

use std::borrow::Borrow;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::summary::Summary;

/// The rules of the computed customer type, edited on the settings page. Days rather than months
/// so that every rule reads the same way: "on or after `today - n days`".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// New: first purchase in the last `new_days` days.
    pub new_days: u32,
    /// Inactive: no purchase in the last `inactive_days` days.
    pub inactive_days: u32,
    /// Loyal: at least `loyal_orders` purchases in the last `loyal_window_days` days (or a
    /// yearly frequency above the file's median). Counts above
    /// [`Summary::RECENT_PURCHASES`] are read as that cap, the most a summary remembers; the
    /// settings page offers 1 to that cap (0 would make every active buyer loyal).
    pub loyal_orders: u32,
    pub loyal_window_days: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            new_days: 90,
            inactive_days: 365,
            loyal_orders: 3,
            loyal_window_days: 365,
        }
    }
}

/// The computed customer type ("typologie de client").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerType {
    Prospect,
    New,
    Occasional,
    Loyal,
    Inactive,
}

impl CustomerType {
    pub const ALL: [CustomerType; 5] = [
        CustomerType::Prospect,
        CustomerType::New,
        CustomerType::Occasional,
        CustomerType::Loyal,
        CustomerType::Inactive,
    ];
}

/// Recency, frequency and monetary scores, 1 (lowest fifth of the file's buyers) to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rfm {
    pub r: u8,
    pub f: u8,
    pub m: u8,
}

/// One of the three RFM scores, for filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RfmPart {
    Recency,
    Frequency,
    Monetary,
}

impl Rfm {
    pub fn get(self, part: RfmPart) -> u8 {
        match part {
            RfmPart::Recency => self.r,
            RfmPart::Frequency => self.f,
            RfmPart::Monetary => self.m,
        }
    }
}

/// What the file says about one fiche; prospects have no RFM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Computed {
    pub kind: CustomerType,
    pub rfm: Option<Rfm>,
}

/// Statistics of the file's buyers (fiches with at least one purchase), computed in one pass
/// whenever the file or the day changes, so that [`FileStats::compute`] is O(1) per fiche.
///
/// RFM: among the n buyers, a value with b buyers strictly below it scores 1 + ⌊5·b/n⌋ (at most
/// 5): the fifths of the file it beats. Equal values share a score whatever the order of the
/// file, and a tie takes the score of its lowest rank (a file where every buyer bought once
/// scores F = 1 for all; with fewer than five buyers the top scores are not reached). Kept as
/// the four quintile boundaries, so a score is four comparisons. Values: R the day of the last
/// purchase, F the number of purchases, M the total spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStats {
    today: NaiveDate,
    thresholds: Thresholds,
    /// Lower median of the buyers' [`yearly_frequency`]; without buyers, none is above it.
    median_frequency: i64,
    // Every value as i64: one copy of the selection code in the wasm instead of four.
    recency: [i64; 4],
    frequency: [i64; 4],
    monetary: [i64; 4],
}

impl FileStats {
    /// The statistics of these summaries, borrowed or owned (the analyses make past summaries
    /// on the fly, without keeping them).
    pub fn new<S: Borrow<Summary>>(
        summaries: impl IntoIterator<Item = S>,
        today: NaiveDate,
        thresholds: Thresholds,
    ) -> FileStats {
        let (mut rec, mut freq, mut money, mut yearly) = (vec![], vec![], vec![], vec![]);
        for s in summaries {
            let s = s.borrow();
            if let Some(last) = s.last_purchase.filter(|_| s.orders > 0) {
                rec.push(day_number(last.naive_utc().date()));
                freq.push(i64::from(s.orders));
                money.push(s.total_spent_cents);
                yearly.push(yearly_frequency(s, today));
            }
        }
        let mid = yearly.len().saturating_sub(1) / 2;
        FileStats {
            today,
            thresholds,
            median_frequency: if yearly.is_empty() {
                i64::MAX
            } else {
                *yearly.select_nth_unstable(mid).1
            },
            recency: quintile_bounds(rec),
            frequency: quintile_bounds(freq),
            monetary: quintile_bounds(money),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn thresholds(&self) -> Thresholds {
        self.thresholds
    }

    pub fn compute(&self, s: &Summary) -> Computed {
        Computed {
            kind: self.customer_type(s),
            rfm: self.rfm(s),
        }
    }

    /// Rules in order, the first that applies wins: prospect (no purchase), inactive (none in
    /// the last `inactive_days`), new (first purchase in the last `new_days`), loyal (enough
    /// purchases in the window, or a yearly frequency strictly above the file's median),
    /// occasional.
    pub fn customer_type(&self, s: &Summary) -> CustomerType {
        let t = &self.thresholds;
        let (Some(first), Some(last), 1..) = (s.first_purchase, s.last_purchase, s.orders) else {
            return CustomerType::Prospect;
        };
        if last.naive_utc().date() < days_before(self.today, t.inactive_days) {
            return CustomerType::Inactive;
        }
        if first.naive_utc().date() >= days_before(self.today, t.new_days) {
            return CustomerType::New;
        }
        let wanted = (t.loyal_orders as usize).min(Summary::RECENT_PURCHASES);
        let in_window = s.purchases_since(days_before(self.today, t.loyal_window_days));
        if in_window >= wanted || yearly_frequency(s, self.today) > self.median_frequency {
            return CustomerType::Loyal;
        }
        CustomerType::Occasional
    }

    pub fn rfm(&self, s: &Summary) -> Option<Rfm> {
        let last = s.last_purchase.filter(|_| s.orders > 0)?;
        Some(Rfm {
            r: score(day_number(last.naive_utc().date()), &self.recency),
            f: score(s.orders.into(), &self.frequency),
            m: score(s.total_spent_cents, &self.monetary),
        })
    }
}

/// `today - n days`, or the earliest date when that is out of the calendar.
pub(crate) fn days_before(today: NaiveDate, n: u32) -> NaiveDate {
    today
        .checked_sub_days(Days::new(n.into()))
        .unwrap_or(NaiveDate::MIN)
}

fn day_number(d: NaiveDate) -> i64 {
    d.num_days_from_ce().into()
}

/// Purchases per year since the first one, in thousandths; the period counts as at least a year
/// so that one recent purchase does not look like a rhythm.
fn yearly_frequency(s: &Summary, today: NaiveDate) -> i64 {
    let days = s
        .first_purchase
        .map_or(0, |first| (today - first.naive_utc().date()).num_days())
        .max(365);
    i64::from(s.orders) * 365_000 / days
}

/// The values at ranks ⌈k·n/5⌉ (1-based, ascending), k = 1..=4: a value is strictly above
/// boundary k exactly when at least k·n/5 values are strictly below it. Selection rather than a
/// sort: O(n), from the highest rank down, each within the part left below the previous one.
fn quintile_bounds(mut values: Vec<i64>) -> [i64; 4] {
    let n = values.len();
    let mut bounds = [0; 4];
    let mut below = values.as_mut_slice();
    for k in (1..=4).rev() {
        let i = (k * n).div_ceil(5).saturating_sub(1);
        if i < below.len() {
            let (lower, v, _) = below.select_nth_unstable(i);
            bounds[k - 1] = *v;
            below = lower;
        } else if let Some(&b) = bounds.get(k) {
            // Same rank as boundary k + 1 (fewer than five values).
            bounds[k - 1] = b;
        }
    }
    bounds
}

fn score(value: i64, bounds: &[i64; 4]) -> u8 {
    1 + bounds.iter().filter(|b| value > **b).count() as u8
}
