//! Calendar dates as people write them: "jj/mm/aaaa" in French, ISO 8601 in English and files.

//!
//! Written by hand rather than with chrono's `format`: its strftime interpreter costs about
//! 10 KB of wasm for three fixed layouts. Tests check them against chrono's output.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};

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

/// The calendar day of `at` where the user is (`tz`: the device's zone in the app, a fixed
/// offset in tests). Instants are stored in UTC; people read and type local days.
pub fn local_day<Tz: TimeZone>(tz: &Tz, at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(tz).date_naive()
}

/// The time of day of `at` where the user is.
pub fn local_time<Tz: TimeZone>(tz: &Tz, at: DateTime<Utc>) -> NaiveTime {
    at.with_timezone(tz).time()
}

/// The instant a person means by `day` at `time` on their clock. In the hour a clock goes back
/// (twice the same time), the first; in the hour it skips, the same time an hour later.
pub fn local_instant<Tz: TimeZone>(tz: &Tz, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let naive = day.and_time(time);
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => match tz.from_local_datetime(&(naive + Duration::hours(1))) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
            LocalResult::None => naive.and_utc(),
        },
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn half_past_midnight_in_paris_is_the_evening_before_in_utc_and_reads_back_local() {
        let t = NaiveTime::from_hms_opt(0, 30, 0).unwrap();
        for (offset_h, utc_hour) in [(1, 23), (2, 22)] {
            // Winter (UTC+1) and summer (UTC+2).
            let paris = FixedOffset::east_opt(offset_h * 3600).unwrap();
            let at = local_instant(&paris, d(2026, 1, 15), t);
            assert_eq!(at.date_naive(), d(2026, 1, 14), "stored in UTC");
            assert_eq!(
                at.time().format("%H:%M").to_string(),
                format!("{utc_hour}:30")
            );
            assert_eq!(local_day(&paris, at), d(2026, 1, 15), "read as typed");
            assert_eq!(local_time(&paris, at), t);
        }
    }

    #[test]
    fn utc_is_unchanged() {
        let t = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        let at = local_instant(&Utc, d(2024, 2, 29), t);
        assert_eq!(
            (local_day(&Utc, at), local_time(&Utc, at)),
            (d(2024, 2, 29), t)
        );
    }
}
