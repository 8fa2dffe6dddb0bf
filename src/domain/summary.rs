//! What a fiche's history adds up to. Always derived from the entries, never edited by hand.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::history::{HistoryEntry, HistoryKind};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Sum of purchase amounts, in cents. Invoices document purchases and are not added again.
    pub total_spent_cents: i64,
    /// Number of purchases.
    pub orders: u32,
    pub first_purchase: Option<DateTime<Utc>>,
    pub last_purchase: Option<DateTime<Utc>>,
    /// Latest exchange with the client (see [`HistoryKind::is_contact`]).
    pub last_contact: Option<DateTime<Utc>>,
    /// Number of exchanges with the client.
    pub contacts: u32,
}

impl Summary {
    pub fn from_history<'a>(entries: impl IntoIterator<Item = &'a HistoryEntry>) -> Summary {
        let mut s = Summary::default();
        for e in entries {
            if e.kind == HistoryKind::Purchase {
                s.total_spent_cents += e.amount_cents.unwrap_or(0);
                s.orders += 1;
                s.first_purchase = Some(s.first_purchase.map_or(e.date, |d| d.min(e.date)));
                s.last_purchase = Some(s.last_purchase.map_or(e.date, |d| d.max(e.date)));
            }
            if e.kind.is_contact() {
                s.contacts += 1;
                s.last_contact = Some(s.last_contact.map_or(e.date, |d| d.max(e.date)));
            }
        }
        s
    }

    /// Total spent ÷ number of purchases, rounded to the nearest cent; `None` before any purchase.
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
