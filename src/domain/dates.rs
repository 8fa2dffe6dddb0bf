//! Calendar dates as people write them: "jj/mm/aaaa" in French, ISO 8601 in English and files.

use chrono::NaiveDate;

use super::lang::Lang;

/// "14/07/2024" in French, "2024-07-14" in English.
pub fn format_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
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
