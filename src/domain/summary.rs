//! What a fiche's history adds up to. Always derived from the entries, never edited by hand.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::history::{HistoryEntry, HistoryKind};

/// Stored with each fiche: its default parts are left out of the record (most fiches have no
/// purchase), and read back as defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Summary {
    /// Sum of purchase amounts, in cents, net of refunds (purchases with a negative amount, see
    /// [`HistoryEntry::is_refund`]): it can be zero or negative. Invoices document purchases and
    /// are not added again (a negative invoice, a credit note, neither).
    #[serde(skip_serializing_if = "is_zero")]
    pub total_spent_cents: i64,
    /// Number of purchases, refunds left out: a refund takes money back, it is not an order.
    #[serde(skip_serializing_if = "is_zero")]
    pub orders: u32,
    /// Earliest order (refunds left out: the day money was given back is not a purchase date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_purchase: Option<DateTime<Utc>>,
    /// Latest order (refunds left out, so a refund does not make a client look active).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_purchase: Option<DateTime<Utc>>,
    /// Latest exchange with the client (see [`HistoryKind::is_contact`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<DateTime<Utc>>,
    /// Number of exchanges with the client.
    #[serde(skip_serializing_if = "is_zero")]
    pub contacts: u32,
    /// Days of the latest orders (UTC, refunds left out), most recent first, at most
    /// [`Summary::RECENT_PURCHASES`].
    /// Enough to answer "at least k purchases in the last n days" for any k up to that cap
    /// (the k-th date is within the window) without keeping the history in memory.
    ///
    /// Summaries stored before this field existed read it as empty: storage recomputes a summary
    /// only when that fiche's history is written, so an old file needs the summaries recomputed
    /// once (a migration) before the "purchases in a window" rules see its past purchases.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recent_purchases: Vec<NaiveDate>,
}

fn is_zero<T: Default + PartialEq>(n: &T) -> bool {
    *n == T::default()
}

impl Summary {
    /// How many purchase dates [`Summary::recent_purchases`] keeps: one a month over a year, the
    /// most a loyalty rule ("k purchases in 12 months") can sensibly ask for.
    pub const RECENT_PURCHASES: usize = 12;

    pub fn from_history<'a>(entries: impl IntoIterator<Item = &'a HistoryEntry>) -> Summary {
        let mut s = Summary::default();
        for e in entries {
            if e.kind == HistoryKind::Purchase {
                // The total is net of refunds; a refund (a purchase with a negative amount) is
                // not an order, nor a purchase date: it counts in the total only. A free item
                // (amount 0) is still an order.
                s.total_spent_cents += e.amount_cents.unwrap_or(0);
                if !e.is_refund() {
                    s.orders += 1;
                    s.first_purchase = Some(s.first_purchase.map_or(e.date, |d| d.min(e.date)));
                    s.last_purchase = Some(s.last_purchase.map_or(e.date, |d| d.max(e.date)));
                    s.recent_purchases.push(e.date.date_naive());
                }
            }
            if e.kind.is_contact() {
                s.contacts += 1;
                s.last_contact = Some(s.last_contact.map_or(e.date, |d| d.max(e.date)));
            }
        }
        s.recent_purchases.sort_unstable_by(|a, b| b.cmp(a));
        s.recent_purchases.truncate(Self::RECENT_PURCHASES);
        s
    }

    /// The total spent when there is one to show: after any order or refund. `None` for a
    /// fiche that never bought (a blank cell, sorted last), whereas a fiche with a refund only
    /// shows its negative total.
    pub fn total_if_any(&self) -> Option<i64> {
        (self.orders > 0 || self.total_spent_cents != 0).then_some(self.total_spent_cents)
    }

    /// Number of purchases on or after `since`, counting at most [`Summary::RECENT_PURCHASES`].
    pub fn purchases_since(&self, since: NaiveDate) -> usize {
        self.recent_purchases.partition_point(|&d| d >= since)
    }

    /// Total spent (net of refunds) ÷ number of orders, rounded to the nearest cent, half away
    /// from zero; `None` without any order (a history of refunds only included). Negative when
    /// refunds exceed what was bought.
    pub fn average_basket_cents(&self) -> Option<i64> {
        if self.orders == 0 {
            return None;
        }
        let n = i64::from(self.orders);
        let t = self.total_spent_cents;
        // Round half away from zero, for refunds (negative totals) too.
        Some(if t >= 0 {
            (t + n / 2) / n
        } else {
            (t - n / 2) / n
        })
    }
}
