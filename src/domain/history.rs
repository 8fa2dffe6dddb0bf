//! Entries of a customer's timeline ("dossier client").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    Purchase,
    Quote,
    Invoice,
    Call,
    Visit,
    Email,
    Meeting,
    Complaint,
    Note,
    Campaign,
}

impl HistoryKind {
    pub const ALL: [HistoryKind; 10] = [
        HistoryKind::Purchase,
        HistoryKind::Quote,
        HistoryKind::Invoice,
        HistoryKind::Call,
        HistoryKind::Visit,
        HistoryKind::Email,
        HistoryKind::Meeting,
        HistoryKind::Complaint,
        HistoryKind::Note,
        HistoryKind::Campaign,
    ];

    /// Kinds that carry an amount. Purchases and invoices may carry a negative one: a refund
    /// or a credit note ([`HistoryEntry::is_refund`]); a quote's is never negative.
    pub fn has_amount(self) -> bool {
        matches!(
            self,
            HistoryKind::Purchase | HistoryKind::Quote | HistoryKind::Invoice
        )
    }

    /// An exchange with the client: everything but internal notes and one-way campaigns.
    pub fn is_contact(self) -> bool {
        !matches!(self, HistoryKind::Note | HistoryKind::Campaign)
    }

    /// The statuses an entry of this kind may have (empty: none).
    pub fn statuses(self) -> &'static [EntryStatus] {
        match self {
            HistoryKind::Complaint => &[EntryStatus::Open, EntryStatus::Resolved],
            HistoryKind::Quote => &[
                EntryStatus::Pending,
                EntryStatus::Accepted,
                EntryStatus::Refused,
            ],
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// Complaint not yet dealt with.
    Open,
    Resolved,
    /// Quote sent, no answer yet.
    Pending,
    Accepted,
    Refused,
}

/// One event in a fiche's history. Amounts are integer cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: String,
    pub fiche_id: String,
    pub date: DateTime<Utc>,
    pub kind: HistoryKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_cents: Option<i64>,
    /// ISO 4217 code; "EUR" unless an import says otherwise.
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EntryStatus>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl HistoryEntry {
    /// A refund or a credit note ("avoir"): a purchase or an invoice with a negative amount.
    /// It lowers the total spent (see [`crate::domain::summary::Summary`]) but is not an order.
    pub fn is_refund(&self) -> bool {
        matches!(self.kind, HistoryKind::Purchase | HistoryKind::Invoice)
            && self.amount_cents.is_some_and(|a| a < 0)
    }
}

pub fn default_currency() -> String {
    "EUR".to_string()
}
