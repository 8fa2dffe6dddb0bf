//! The analyses of the file: key figures, deciles, cohorts, loyalty, migrations between
//! customer types, make-up of the file, campaigns and contact activity. Each is a pure function
//! of the history log, the file and the period, with its definition written beside it; the
//! page only draws what they return.

pub mod campaigns;
pub mod cohorts;
pub mod deciles;
pub mod kpis;
pub mod log;
pub mod loyalty;
pub mod makeup;
pub mod migrations;
pub mod period;
mod scan;
pub mod table;

use std::borrow::Cow;

use crate::domain::file::FileState;

pub use campaigns::{activity, campaigns, ActivityMonth, CampaignRow};
pub use cohorts::{cohorts, Cell, Cohort, COHORT_MONTHS};
pub use deciles::{deciles, Decile, Deciles};
pub use kpis::{kpis, Change, Kpi, KpiRow, Value};
pub use log::{date, day, Day, Entry, Log, LogBuilder};
pub use loyalty::{loyalty, Loyalty, LoyaltyMonth};
pub use makeup::{makeup, place, AgeBand, Makeup, Part, Place};
pub use migrations::{migrations, Migrations};
pub use period::{Month, Period, Preset};

/// The join between the log's slots and the file's record indices: built once per change of
/// the file or the log (100,000 hash lookups), not once per period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JoinIndex {
    /// For each log slot, its record index in the file, or [`Joined::NONE`] (a fiche no longer
    /// in the file: its entries are left out of every analysis).
    record_of_slot: Vec<u32>,
    /// For each record, its log slot, or [`Joined::NONE`] (a fiche without history).
    slot_of_record: Vec<u32>,
}

impl JoinIndex {
    pub fn new(file: &FileState, log: &Log) -> JoinIndex {
        let mut slot_of_record = vec![Joined::NONE; file.len()];
        let record_of_slot = (0..log.slots() as u32)
            .map(|s| match file.index_of(log.id(s)) {
                Some(i) => {
                    slot_of_record[i] = s;
                    i as u32
                }
                None => Joined::NONE,
            })
            .collect();
        JoinIndex {
            record_of_slot,
            slot_of_record,
        }
    }
}

/// What the analyses read: the file, its history log, and the join between the two.
pub struct Joined<'a> {
    pub file: &'a FileState,
    pub log: &'a Log,
    index: Cow<'a, JoinIndex>,
}

impl<'a> Joined<'a> {
    pub const NONE: u32 = u32::MAX;

    pub fn new(file: &'a FileState, log: &'a Log) -> Joined<'a> {
        Joined {
            file,
            log,
            index: Cow::Owned(JoinIndex::new(file, log)),
        }
    }

    /// With a join built before, which must be of this file and log.
    pub fn with_index(file: &'a FileState, log: &'a Log, index: &'a JoinIndex) -> Joined<'a> {
        Joined {
            file,
            log,
            index: Cow::Borrowed(index),
        }
    }

    /// The record index of a log slot, if that fiche is in the file.
    pub fn record(&self, slot: u32) -> Option<u32> {
        let r = *self.index.record_of_slot.get(slot as usize)?;
        (r != Self::NONE).then_some(r)
    }

    /// The log slot of a record, if that fiche has a history.
    pub fn slot(&self, record: u32) -> Option<u32> {
        let s = *self.index.slot_of_record.get(record as usize)?;
        (s != Self::NONE).then_some(s)
    }

    /// The slots of the fiches in the file, in slot order.
    pub fn live_slots(&self) -> impl Iterator<Item = u32> + '_ {
        let of = &self.index.record_of_slot;
        (0..of.len() as u32).filter(|&s| of[s as usize] != Self::NONE)
    }
}

/// `num / den` as a percentage in tenths (318 for 31,8 %), rounded half away from zero; `None`
/// when `den` is 0.
pub fn pct_tenths(num: i64, den: i64) -> Option<i64> {
    if den == 0 {
        return None;
    }
    Some(round_div(i128::from(num) * 1000, i128::from(den)))
}

/// `a / b` rounded to the nearest integer, half away from zero (`b` ≠ 0).
pub fn div_round(a: i64, b: i64) -> i64 {
    round_div(a.into(), b.into())
}

/// In 128 bits, so that no amount overflows (`num * 1000` does past 9.2 × 10^15 cents, and
/// `-a` at `i64::MIN`); a result beyond 64 bits is clamped.
fn round_div(a: i128, b: i128) -> i64 {
    let (a, b) = if b < 0 { (-a, -b) } else { (a, b) };
    let q = if a >= 0 {
        (a + b / 2) / b
    } else {
        (a - b / 2) / b
    };
    i64::try_from(q).unwrap_or(if q < 0 { i64::MIN } else { i64::MAX })
}
