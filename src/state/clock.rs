//! The user's clock: today's date on the device (what the derived data is computed for: customer
//! types, RFM, "birthdays this month", "in the last N days"), followed while the app stays open
//! (read once a minute, the types recomputed only when it has changed), and the local day and
//! time of stored instants for everything a person reads or types. Instants stay UTC on disk.

use std::time::Duration;

use chrono::{DateTime, Local, NaiveDate, NaiveTime, Utc};
use leptos::prelude::*;

use super::AppState;
use crate::domain::dates;

/// How often the date is read. A hidden tab's timers run about once a minute at most anyway;
/// a machine waking from sleep runs the overdue one.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Today on the device's clock.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The time of day now on the device's clock.
pub fn now_time() -> NaiveTime {
    Local::now().time()
}

/// The local day of a stored instant.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    dates::local_day(&Local, at)
}

/// The local time of day of a stored instant.
pub fn local_time(at: DateTime<Utc>) -> NaiveTime {
    dates::local_time(&Local, at)
}

/// The instant meant by a local day and time.
pub fn local_instant(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    dates::local_instant(&Local, day, time)
}

/// Keeps `app.today` current (called once, at start). Setting the signal recomputes the
/// derived data, so it is set only when the date has changed.
pub fn follow(app: AppState) {
    set_interval(
        move || {
            let now = today();
            if app.today.get_untracked() != now {
                app.today.set(now);
            }
        },
        CHECK_EVERY,
    );
}
