//! When to remind the user to make a backup. The JSON export records its time in `meta` under
//! [`LAST_BACKUP_KEY`] (an RFC 3339 string); the reminder reads it.

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;

use super::db::db;
use super::AppState;

/// The `meta` key holding the time of the last JSON backup.
pub const LAST_BACKUP_KEY: &str = "last_backup_at";

/// A backup older than this is due again.
pub const BACKUP_EVERY_DAYS: i64 = 30;

/// Whether to remind: no backup was ever made, or the last one is more than 30 days old. A time
/// in the future (a clock put back) does not remind.
pub fn backup_due(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match last {
        None => true,
        Some(at) => now.signed_duration_since(at) > Duration::days(BACKUP_EVERY_DAYS),
    }
}

/// The stored value as a time; something unreadable counts as no backup at all. (Parsed as
/// serde parses the fiches' dates, so that no second date parser ships in the wasm.)
pub fn parse_backup_time(stored: Option<&str>) -> Option<DateTime<Utc>> {
    stored.and_then(|s| s.trim().parse::<DateTime<Utc>>().ok())
}

/// Reads when the last backup was made and sets `app.backup_due`. A failed read leaves the
/// reminder as it was: it is a reminder, not an error to show.
pub async fn check_backup(app: AppState) {
    let Ok(db) = db() else { return };
    if let Ok(stored) = db.get_meta::<String>(LAST_BACKUP_KEY).await {
        let last = parse_backup_time(stored.as_deref());
        app.last_backup.set(last);
        app.backup_due.set(backup_due(last, Utc::now()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, d, h, 0, 0).unwrap()
    }

    #[test]
    fn never_backed_up_is_due() {
        assert!(backup_due(None, at(1, 0)));
    }

    #[test]
    fn due_only_after_thirty_whole_days() {
        let last = at(1, 12);
        assert!(!backup_due(Some(last), at(1, 13)));
        assert!(
            !backup_due(Some(last), at(31, 12)),
            "exactly 30 days: not yet"
        );
        assert!(backup_due(Some(last), at(31, 13)));
    }

    #[test]
    fn a_backup_in_the_future_is_not_due() {
        assert!(!backup_due(Some(at(20, 0)), at(1, 0)));
    }

    #[test]
    fn stored_times_parse_with_any_offset_and_garbage_is_never() {
        assert_eq!(
            parse_backup_time(Some("2025-03-01T13:00:00+01:00")),
            Some(at(1, 12))
        );
        assert_eq!(
            parse_backup_time(Some("2025-03-01T12:00:00Z")),
            Some(at(1, 12))
        );
        assert_eq!(parse_backup_time(Some("last tuesday")), None);
        assert_eq!(parse_backup_time(None), None);
    }
}
