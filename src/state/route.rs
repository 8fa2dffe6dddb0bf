//! Where the user is, kept in the URL's hash so that reload and the back button restore the
//! view. Hash routes need no server rewrite rules, so dist/ works on any static host and under
//! any sub-path; a hand-written parser costs far less than leptos_router's 56 KB.

use crate::domain::analytics::Period;
use crate::domain::dates::{iso_date, parse_iso_date};

/// What the analysis page's address holds: the period and the campaigns' response window,
/// each `None` when the address does not say (then the defaults apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnalyticsView {
    pub period: Option<Period>,
    pub window: Option<u32>,
}

impl AnalyticsView {
    /// Campaign response window when the address gives none, in days.
    pub const WINDOW: u32 = 30;
    /// The longest window offered (a year).
    pub const WINDOW_MAX: u32 = 366;

    /// Reads `from=YYYY-MM-DD&to=YYYY-MM-DD&window=N`; a period needs both dates in order, a
    /// window 1 to [`Self::WINDOW_MAX`]; anything else is left to the defaults.
    pub fn parse(query: &str) -> AnalyticsView {
        let (mut from, mut to, mut window) = (None, None, None);
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("from", v)) => from = parse_iso_date(v),
                Some(("to", v)) => to = parse_iso_date(v),
                Some(("window", v)) => {
                    window = v
                        .parse::<u32>()
                        .ok()
                        .filter(|n| (1..=Self::WINDOW_MAX).contains(n))
                }
                _ => {}
            }
        }
        AnalyticsView {
            period: from.zip(to).and_then(|(f, t)| Period::new(f, t)),
            window,
        }
    }

    fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = self.period {
            parts.push(format!("from={}&to={}", iso_date(p.from), iso_date(p.to)));
        }
        if let Some(w) = self.window {
            parts.push(format!("window={w}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    List,
    New,
    Fiche(String),
    Edit(String),
    Settings,
    /// The import and export page (its address stays `#/files`, as bookmarked).
    ImportExport,
    /// The analysis page, `#/analytics?from=…&to=…&window=…`.
    Analytics(AnalyticsView),
}

impl Route {
    /// Parses a location hash such as `#/fiche/<id>`; anything unknown is the list.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        if path == "analytics" {
            return Route::Analytics(AnalyticsView::parse(query));
        }
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("new"), None, _) => Route::New,
            (Some("settings"), None, _) => Route::Settings,
            (Some("files"), None, _) => Route::ImportExport,
            (Some("fiche"), Some(id), None) if !id.is_empty() => Route::Fiche(id.to_string()),
            (Some("fiche"), Some(id), Some("edit")) if !id.is_empty() => {
                Route::Edit(id.to_string())
            }
            _ => Route::List,
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::List => "#/".to_string(),
            Route::New => "#/new".to_string(),
            Route::Fiche(id) => format!("#/fiche/{id}"),
            Route::Edit(id) => format!("#/fiche/{id}/edit"),
            Route::Settings => "#/settings".to_string(),
            Route::ImportExport => "#/files".to_string(),
            Route::Analytics(view) => format!("#/analytics{}", view.query()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_its_hash() {
        for r in [
            Route::List,
            Route::New,
            Route::Settings,
            Route::ImportExport,
            Route::Fiche("a-b".into()),
            Route::Edit("a-b".into()),
            Route::Analytics(AnalyticsView::default()),
            Route::Analytics(AnalyticsView {
                period: Period::new(
                    chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
                    chrono::NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
                ),
                window: Some(45),
            }),
        ] {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
    }

    #[test]
    fn an_analytics_address_keeps_what_it_can_read() {
        let Route::Analytics(v) =
            Route::parse("#/analytics?from=2025-01-01&to=2024-12-31&window=0")
        else {
            panic!("analytics");
        };
        assert_eq!(v, AnalyticsView::default(), "dates out of order, window 0");
        let Route::Analytics(v) = Route::parse("#/analytics?to=2025-03-31&x=1&from=2025-01-01")
        else {
            panic!("analytics");
        };
        assert_eq!(v.period.unwrap().days(), 90);
        assert_eq!(v.window, None);
    }

    #[test]
    fn unknown_hashes_fall_back_to_the_list() {
        assert_eq!(Route::parse(""), Route::List);
        assert_eq!(Route::parse("#/nope/x/y/z"), Route::List);
        assert_eq!(Route::parse("#/fiche/"), Route::List);
    }
}
