//! Calendar dates as people write them: "jj/mm/aaaa" in French, ISO 8601 in English and files.

//!
//! Written by hand rather than with chrono's `format`: its strftime interpreter costs about
//! 10 KB of wasm for three fixed layouts. Tests check them against chrono's output.

use chrono::{Datelike, NaiveDate};

use super::lang::Lang;

/// "14/07/2024" in French, "2024-07-14" in English.
pub fn format_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{}", d.day(), d.month(), year(d)),
        Lang::En => iso_date(d),
    }
}

/// "2024-07-14" (chrono's `%Y-%m-%d`).
pub fn iso_date(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year(d), d.month(), d.day())
}

/// "20240714" (chrono's `%Y%m%d`, vCard's basic form).
pub fn compact_date(d: NaiveDate) -> String {
    format!("{}{:02}{:02}", year(d), d.month(), d.day())
}

/// The year as chrono's `%Y` writes it: four digits, a sign beyond 9999 or before year 0.
fn year(d: NaiveDate) -> String {
    match d.year() {
        y @ 0..=9999 => format!("{y:04}"),
        y if y > 9999 => format!("+{y}"),
        y => format!("{y:05}"),
    }
}

/// Reads exactly "2024-07-14", what `<input type=date>` gives; anything else is `None`.
pub fn parse_iso_date(raw: &str) -> Option<NaiveDate> {
    let b = raw.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    parse_date(raw)
}

/// Reads "2024-07-14" or "14/07/2024" (also "4/7/2024"). The year must have four digits: "14/07/24"
/// is refused rather than read as the year 24. Impossible dates ("31/02/2024") are `None`.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let text = raw.trim();
    let (y, m, d) = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (y, m, d)
    } else {
        let (d, rest) = text.split_once('/')?;
        let (m, y) = rest.split_once('/')?;
        (y, m, d)
    };
    let num = |s: &str, lens: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())?
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(num(y, 4..=4)?).ok()?,
        num(m, 1..=2)?,
        num(d, 1..=2)?,
    )
}
