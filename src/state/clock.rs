//! The date the derived data is computed for (customer types, RFM, "birthdays this month", "in
//! the last N days"), followed while the app stays open: read once a minute, and the file's
//! types recomputed only when it has changed.

use std::time::Duration;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use super::AppState;

/// How often the date is read. A hidden tab's timers run about once a minute at most anyway;
/// a machine waking from sleep runs the overdue one.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Today, as the app counts it: the UTC date, like the forms and the timeline.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
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
