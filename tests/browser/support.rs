//! Helpers every browser test module may use.

use chrono::{DateTime, Utc};

/// A database name of its own for each test (`test` says which in the browser's storage).
pub fn db_name(test: &str) -> String {
    format!("carnet-test-{test}-{}", uuid::Uuid::new_v4())
}

pub fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
