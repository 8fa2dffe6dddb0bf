//! The analyses of the file: key figures, deciles, cohorts, loyalty, migrations between
//! customer types, make-up of the file, campaigns and contact activity. Each is a pure function
//! of the history log, the file and the period, with its definition written beside it; the
//! page only draws what they return.

pub mod log;
pub mod period;

use crate::domain::file::FileState;

pub use log::{date, day, Day, Entry, Log, LogBuilder};
pub use period::{Month, Period, Preset};

/// What the analyses read: the file, its history log, and the join between the two (the log's
/// slots and the file's record indices). Built once per change of either.
pub struct Joined<'a> {
    pub file: &'a FileState,
    pub log: &'a Log,
    /// For each log slot, its record index in `file`, or [`Joined::NONE`] (a fiche no longer
    /// in the file: its entries are left out of every analysis).
    record_of_slot: Vec<u32>,
    /// For each record, its log slot, or [`Joined::NONE`] (a fiche without history).
    slot_of_record: Vec<u32>,
}

impl<'a> Joined<'a> {
    pub const NONE: u32 = u32::MAX;

    pub fn new(file: &'a FileState, log: &'a Log) -> Joined<'a> {
        let mut slot_of_record = vec![Self::NONE; file.len()];
        let record_of_slot = (0..log.slots() as u32)
            .map(|s| match file.index_of(log.id(s)) {
                Some(i) => {
                    slot_of_record[i] = s;
                    i as u32
                }
                None => Self::NONE,
            })
            .collect();
        Joined {
            file,
            log,
            record_of_slot,
            slot_of_record,
        }
    }

    /// The record index of a log slot, if that fiche is in the file.
    pub fn record(&self, slot: u32) -> Option<u32> {
        let r = self.record_of_slot[slot as usize];
        (r != Self::NONE).then_some(r)
    }

    /// The log slot of a record, if that fiche has a history.
    pub fn slot(&self, record: u32) -> Option<u32> {
        let s = self.slot_of_record[record as usize];
        (s != Self::NONE).then_some(s)
    }

    /// The slots of the fiches in the file, in slot order.
    pub fn live_slots(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.record_of_slot.len() as u32)
            .filter(|&s| self.record_of_slot[s as usize] != Self::NONE)
    }
}

/// `num / den` as a percentage in tenths (318 for 31,8 %), rounded half away from zero; `None`
/// when `den` is 0.
pub fn pct_tenths(num: i64, den: i64) -> Option<i64> {
    if den == 0 {
        return None;
    }
    Some(div_round(num * 1000, den))
}

/// `a / b` rounded to the nearest integer, half away from zero (`b` ≠ 0).
pub fn div_round(a: i64, b: i64) -> i64 {
    let (a, b) = if b < 0 { (-a, -b) } else { (a, b) };
    if a >= 0 {
        (a + b / 2) / b
    } else {
        (a - b / 2) / b
    }
}
