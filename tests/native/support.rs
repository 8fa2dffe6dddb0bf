//! Builders shared by the native tests of more than one theme.

use carnet::domain::fiche::Labelled;
use chrono::NaiveDate;

/// The day the domain and segment tests run on (the codec tests have their own, in
/// `codec_support`).
pub fn today() -> NaiveDate {
    day(2025, 6, 15)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A phone, e-mail or address without a label.
pub fn labelled(value: &str) -> Labelled {
    Labelled {
        label: String::new(),
        value: value.into(),
    }
}
