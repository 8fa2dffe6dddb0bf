//! The analysis page's data: every analysis of the period recomputed together when the file,
//! the history log, the period, the window or the thresholds change, and the make-up of the
//! file when the file or the day change. The page only draws them.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{AppState, Pick, Route};
use crate::domain::analytics::campaigns::{activity, campaigns, ActivityMonth, CampaignRow};
use crate::domain::analytics::cohorts::{cohorts, Cohort};
use crate::domain::analytics::deciles::{deciles, Deciles};
use crate::domain::analytics::kpis::{kpis, KpiRow};
use crate::domain::analytics::loyalty::{loyalty, Loyalty};
use crate::domain::analytics::makeup::{makeup, Makeup};
use crate::domain::analytics::migrations::{migrations, Migrations};
use crate::domain::analytics::{JoinIndex, Joined, Period};
use crate::i18n::K;
use crate::state::route::AnalyticsView;

/// What the page shows for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub period: Period,
    pub window: u32,
    /// History entries in the log (0: a file without history, said as such).
    pub entries: usize,
    pub kpis: Vec<KpiRow>,
    pub deciles: Deciles,
    pub cohorts: Vec<Cohort>,
    pub loyalty: Loyalty,
    pub migrations: Migrations,
    pub campaigns: Vec<CampaignRow>,
    pub activity: Vec<ActivityMonth>,
}

/// The period and window of an address, the defaults filled in for `today`.
pub fn settle(view: AnalyticsView, today: NaiveDate) -> (Period, u32) {
    (
        view.period.unwrap_or_else(|| Period::default_for(today)),
        view.window.unwrap_or(AnalyticsView::WINDOW),
    )
}

/// Every analysis of the period, once the log is ready.
pub fn report(app: AppState, view: Memo<(Period, u32)>) -> Memo<Option<Report>> {
    // The join follows the file and the log only: a period change reuses it.
    let index = Memo::new_with_compare(
        move |_| app.file.with(|f| app.log.with(|l| JoinIndex::new(f, l))),
        |_, _| true,
    );
    Memo::new_with_compare(
        move |_| {
            let ready = app
                .log_status
                .with(|s| *s == super::history_log::LogStatus::Ready);
            if !ready {
                return None;
            }
            let (period, window) = view.get();
            let thresholds = app.thresholds.get();
            app.file.with(|file| {
                app.log.with(|log| {
                    index.with(|index| {
                        let j = Joined::with_index(file, log, index);
                        Some(Report {
                            period,
                            window,
                            entries: log.len(),
                            kpis: kpis(&j, period),
                            deciles: deciles(&j, period),
                            cohorts: cohorts(&j, period),
                            loyalty: loyalty(&j, period),
                            migrations: migrations(&j, period, thresholds),
                            campaigns: campaigns(&j, period, window),
                            activity: activity(&j, period),
                        })
                    })
                })
            })
        },
        |_, _| true,
    )
}

/// Today's make-up of the file (types, kinds, people, places, sources, owners).
pub fn file_makeup(app: AppState) -> Memo<Makeup> {
    Memo::new_with_compare(
        move |_| app.file.with(|f| app.derived.with(|d| makeup(f, d))),
        |_, _| true,
    )
}

/// Shows these records in the list, saying where they came from.
pub fn pick(app: AppState, title: K, detail: String, records: &[u32], back: Route) {
    let ids = app.file.with_untracked(|f| {
        records
            .iter()
            .filter_map(|&i| f.records().get(i as usize))
            .map(|r| r.fiche.id.clone())
            .collect()
    });
    app.pick.set(Some(Pick {
        title,
        detail,
        back,
        ids,
    }));
}
