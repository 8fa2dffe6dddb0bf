//! The analysis page, `#/analytics?from=…&to=…&window=…`: the period bar, then each analysis
//! as a chart with its table (the table is the chart's accessible form and the source of its
//! CSV), a note saying how it is computed, and its downloads. A bar, a cell or a row opens the
//! list of exactly its fiches.

mod chart;
mod sections;

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::device_files::download;
use super::dispatch::go;
use super::tx;
use crate::domain::analytics::table::Table;
use crate::domain::analytics::{Period, Preset};
use crate::domain::codec::csv_write::Variant;
use crate::domain::dates::{format_date, iso_date, parse_iso_date};
use crate::i18n::{storage_text, t, tf, K};
use crate::state::analytics::{file_makeup, pick, report, settle};
use crate::state::history_log::LogStatus;
use crate::state::route::AnalyticsView;
use crate::state::{use_app, AppState, Route};

/// What a bar, a cell or a row opens: the list of these records, titled.
#[derive(Clone, Debug)]
pub struct Target {
    pub title: K,
    pub detail: String,
    pub records: Arc<Vec<u32>>,
}

/// The chart of a section.
pub enum Chart {
    /// Key figures: six numbers of different units, which a chart would compare wrongly.
    None,
    Bars {
        bars: Vec<chart::Bar>,
        series: Vec<String>,
        horizontal: bool,
    },
    Heat {
        rows: Vec<String>,
        cols: Vec<String>,
        cells: Vec<Vec<Option<chart::HeatCell>>>,
    },
}

/// One analysis as shown: its table, what each cell opens, and its chart.
pub struct Shown {
    pub table: Table,
    /// Per row, per cell: what a click on it opens.
    pub targets: Vec<Vec<Option<Target>>>,
}

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let view = Memo::new(move |_| match app.route.get() {
        Route::Analytics(v) => v,
        _ => AnalyticsView::default(),
    });
    let settled = Memo::new(move |_| settle(view.get(), app.today.get()));
    let report = report(app, settled);
    let makeup = file_makeup(app);
    let on_pick = Callback::new(move |target: Target| {
        pick(
            app,
            target.title,
            target.detail,
            &target.records,
            app.route.get_untracked(),
        );
        go(&Route::List);
    });

    let status = move || {
        match app.log_status.get() {
        LogStatus::Ready => None,
        LogStatus::Reading { read, total } => Some(
            view! {
                <p class="hint" data-testid="analytics-reading">
                    {tf(lang.get(), K::AnReading, &[("read", &read.to_string()), ("total", &total.to_string())])}
                </p>
            }
            .into_any(),
        ),
        LogStatus::Failed(e) => Some(
            view! {
                <p class="error" data-testid="analytics-failed">
                    {tf(lang.get(), K::AnFailed, &[("reason", &storage_text(lang.get(), &e))])}
                </p>
            }
            .into_any(),
        ),
    }
    };

    view! {
        <section class="analytics-page" data-testid="analytics-page">
            <h1>{tx(lang, K::AnTitle)}</h1>
            <PeriodBar settled=settled view=view/>
            {status}
            {move || report.with(|r| r.as_ref().map(|r| {
                let lang_now = lang.get();
                if r.entries == 0 {
                    return view! { <p class="empty" data-testid="analytics-empty">{t(lang_now, K::AnNoHistory)}</p> }.into_any();
                }
                sections::period_sections(app, lang_now, r, on_pick).into_any()
            }))}
            {move || makeup.with(|m| sections::makeup_sections(app, lang.get(), m, on_pick))}
        </section>
    }
}

/// Presets, the two dates and the campaigns' window; each change is a new address, so the
/// back button and a bookmark give the same view.
#[component]
fn PeriodBar(settled: Memo<(Period, u32)>, view: Memo<AnalyticsView>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let set = move |period: Option<Period>, window: Option<u32>| {
        let mut v = view.get_untracked();
        if period.is_some() {
            v.period = period;
        }
        if window.is_some() {
            v.window = window;
        }
        go(&Route::Analytics(v));
    };
    let presets = Preset::ALL
        .into_iter()
        .map(|p| {
            let (key, id) = match p {
                Preset::Last12Months => (K::AnLast12, "last12"),
                Preset::ThisYear => (K::AnThisYear, "this-year"),
                Preset::LastYear => (K::AnLastYear, "last-year"),
                Preset::LastQuarter => (K::AnLastQuarter, "last-quarter"),
            };
            let active = move || settled.get().0.preset(app.today.get()) == Some(p);
            view! {
                <button class="chip" class:active=active data-testid=format!("preset-{id}")
                    on:click=move |_| set(Some(p.period(app.today.get_untracked())), None)>
                    {tx(lang, key)}
                </button>
            }
        })
        .collect_view();
    let from = move || iso_date(settled.get().0.from);
    let to = move || iso_date(settled.get().0.to);
    let on_date = move |is_from: bool, value: String| {
        let Some(d) = parse_iso_date(&value) else {
            return;
        };
        let p = settled.get_untracked().0;
        let (f, t) = if is_from { (d, p.to) } else { (p.from, d) };
        // Dates crossed: the period becomes that one day, rather than nothing.
        let period = Period::new(f, t).or_else(|| Period::new(d, d));
        set(period, None);
    };
    let summary = move || {
        let (p, _) = settled.get();
        let prev = p.previous();
        let l = lang.get();
        tf(
            l,
            K::AnPeriodIs,
            &[
                ("from", &format_date(p.from, l)),
                ("to", &format_date(p.to, l)),
                ("days", &p.days().to_string()),
                ("pfrom", &format_date(prev.from, l)),
                ("pto", &format_date(prev.to, l)),
            ],
        )
    };
    view! {
        <div class="period-bar card" data-testid="period-bar">
            <div class="chips">{presets}</div>
            <label>{tx(lang, K::AnFrom)}
                <input type="date" data-testid="period-from" prop:value=from
                    on:change=move |e| on_date(true, event_target_value(&e))/>
            </label>
            <label>{tx(lang, K::AnTo)}
                <input type="date" data-testid="period-to" prop:value=to
                    on:change=move |e| on_date(false, event_target_value(&e))/>
            </label>
            <label>{tx(lang, K::AnWindow)}
                <input type="number" min="1" max=AnalyticsView::WINDOW_MAX.to_string() data-testid="period-window"
                    prop:value=move || settled.get().1.to_string()
                    on:change=move |e| {
                        let w = event_target_value(&e).trim().parse::<u32>().ok()
                            .filter(|n| (1..=AnalyticsView::WINDOW_MAX).contains(n));
                        if w.is_some() { set(None, w) }
                    }/>
            </label>
            <p class="hint" data-testid="period-summary">{summary}</p>
        </div>
    }
}

/// The `data-pick="r,c"` of the element clicked or of its nearest ancestor that has one.
pub fn picked(e: &web_sys::MouseEvent) -> Option<(usize, usize)> {
    use wasm_bindgen::JsCast;
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let at = el
        .closest("[data-pick]")
        .ok()??
        .get_attribute("data-pick")?;
    let (r, c) = at.split_once(',')?;
    Some((r.parse().ok()?, c.parse().ok()?))
}

/// A section: title, chart, table, note, downloads. Not generic, so its view is compiled once.
pub fn section(
    app: AppState,
    title: K,
    note: String,
    above: Option<String>,
    shown: Shown,
    chart: Chart,
    on_pick: Callback<Target>,
) -> impl IntoView {
    let lang = app.lang;
    let svg_ref = NodeRef::<html::Div>::new();
    let name = shown.table.name;
    let csv_table = shown.table.clone();
    let save_csv = move |_| {
        let csv = csv_table.to_csv(Variant::FrenchExcel);
        download(
            app,
            &format!("carnet-{name}.csv"),
            "text/csv;charset=utf-8",
            csv.as_bytes(),
        );
    };
    let save_svg = move |_| {
        let svg = svg_ref
            .get_untracked()
            .and_then(|div| div.first_element_child())
            .map(|svg| svg.outer_html())
            .unwrap_or_default();
        download(
            app,
            &format!("carnet-{name}.svg"),
            "image/svg+xml",
            svg.as_bytes(),
        );
    };
    let Shown { table, targets } = shown;
    let lang_now = lang.get_untracked();
    let head = table
        .head
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    // One click handler for the whole table, reading the cell's place from its attributes:
    // a handler per cell made a period change build hundreds of closures.
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let text = cell.show(lang_now);
                    let picks = targets
                        .get(r)
                        .and_then(|t| t.get(c))
                        .is_some_and(Option::is_some);
                    let inner = if picks && !text.is_empty() {
                        view! { <button class="link" data-pick=format!("{r},{c}")>{text}</button> }
                            .into_any()
                    } else {
                        text.into_any()
                    };
                    if c == 0 {
                        view! { <th scope="row">{inner}</th> }.into_any()
                    } else {
                        view! { <td class:num=cell.is_number()>{inner}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let on_table = move |e: web_sys::MouseEvent| {
        let Some((r, c)) = picked(&e) else { return };
        if let Some(Some(t)) = targets.get(r).and_then(|row| row.get(c)) {
            on_pick.run(t.clone());
        }
    };
    view! {
        <section class="card analysis" data-testid=format!("section-{name}")>
            <h2>{t(lang_now, title)}</h2>
            {above.map(|a| view! { <p class="lead" data-testid=format!("lead-{name}")>{a}</p> })}
            {match chart {
                Chart::None => ().into_any(),
                Chart::Bars { bars, series, horizontal } => view! {
                    <chart::Bars bars=bars series=series horizontal=horizontal title=t(lang_now, title).to_string() svg_ref=svg_ref on_pick=on_pick/>
                }.into_any(),
                Chart::Heat { rows, cols, cells } => view! {
                    <chart::Heat rows=rows cols=cols cells=cells title=t(lang_now, title).to_string() svg_ref=svg_ref on_pick=on_pick/>
                }.into_any(),
            }}
            <div class="analysis-table">
                <table data-testid=format!("analytics-{name}") on:click=on_table>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint note">{note}</p>
            <div class="downloads">
                <button class="button" data-testid=format!("csv-{name}") on:click=save_csv>{t(lang_now, K::AnDownloadCsv)}</button>
                <button class="button" data-testid=format!("svg-{name}") on:click=save_svg>{t(lang_now, K::AnDownloadSvg)}</button>
            </div>
        </section>
    }
}
