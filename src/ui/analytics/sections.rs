//! Each analysis turned into what the page shows: its table (header, cells, what each cell
//! opens) and its chart, in the interface's language.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart::{Bar, HeatCell};
use super::{section, Chart, Shown, Target};
use crate::domain::analytics::kpis::{Change, Kpi, Value};
use crate::domain::analytics::makeup::{AgeBand, Makeup, Part, Place};
use crate::domain::analytics::table::{tenths, Cell, Table};
use crate::domain::dates::format_date;
use crate::domain::history::HistoryKind;
use crate::domain::segment::CustomerType;
use crate::i18n::{labels, t, tf, Lang, K};
use crate::state::analytics::Report;
use crate::state::AppState;

/// Cohort rows drawn in the heat map (the table holds them all): the latest ones.
const HEAT_ROWS: usize = 24;
/// Rows drawn in a make-up chart (the table holds them all): the largest.
const BAR_ROWS: usize = 15;

fn target(title: K, detail: String, records: &[u32]) -> Option<Target> {
    Some(Target {
        title,
        detail,
        records: Arc::new(records.to_vec()),
    })
}

fn heads(lang: Lang, keys: &[K]) -> Vec<String> {
    keys.iter().map(|k| t(lang, *k).to_string()).collect()
}

fn cents_f(c: i64) -> f64 {
    c as f64 / 100.0
}

/// The sections of the period: key figures, deciles, cohorts, loyalty, migrations, campaigns,
/// activity.
pub fn period_sections(
    app: AppState,
    lang: Lang,
    r: &Report,
    on_pick: Callback<Target>,
) -> impl IntoView {
    view! {
        {kpis(app, lang, r, on_pick)}
        {deciles(app, lang, r, on_pick)}
        {cohorts(app, lang, r, on_pick)}
        {loyalty(app, lang, r, on_pick)}
        {migrations(app, lang, r, on_pick)}
        {campaigns(app, lang, r, on_pick)}
        {activity(app, lang, r, on_pick)}
    }
}

fn kpis(app: AppState, lang: Lang, r: &Report, on_pick: Callback<Target>) -> impl IntoView {
    let value = |v: Value| match v {
        Value::Count(n) => Cell::Count(n),
        Value::Cents(c) => Cell::Cents(c),
        Value::Tenths(t) => Cell::Pct(Some(t)),
        Value::Missing => Cell::Blank,
    };
    let rows = r
        .kpis
        .iter()
        .map(|row| {
            let name = match row.kpi {
                Kpi::Buyers => K::AnBuyers,
                Kpi::Revenue => K::AnRevenue,
                Kpi::Orders => K::AnOrders,
                Kpi::Basket => K::AnBasket,
                Kpi::RepeatRate => K::AnRepeat,
                Kpi::NewBuyers => K::AnNewBuyers,
            };
            let change = match row.change {
                Change::Relative(t) => Cell::Change {
                    tenths: Some(t),
                    points: false,
                },
                Change::Points(t) => Cell::Change {
                    tenths: Some(t),
                    points: true,
                },
                Change::Missing => Cell::Blank,
            };
            vec![
                Cell::Text(t(lang, name).into()),
                value(row.current),
                value(row.previous),
                change,
            ]
        })
        .collect::<Vec<_>>();
    let shown = Shown {
        targets: vec![Vec::new(); rows.len()],
        table: Table {
            name: "kpis",
            head: heads(
                lang,
                &[
                    K::AnIndicator,
                    K::AnThisPeriod,
                    K::AnPrevPeriod,
                    K::AnChange,
                ],
            ),
            rows,
        },
    };
    // Six figures of different units: a chart would compare what cannot be compared.
    section(
        app,
        K::AnKpis,
        t(lang, K::AnKpisNote).into(),
        None,
        shown,
        Chart::None,
        on_pick,
    )
}

fn deciles(app: AppState, lang: Lang, r: &Report, on_pick: Callback<Target>) -> impl IntoView {
    let d = &r.deciles;
    let mut rows = Vec::new();
    let mut targets = Vec::new();
    let mut bars = Vec::new();
    for g in &d.groups {
        let detail = tf(lang, K::PkDecile, &[("n", &g.rank.to_string())]);
        let tg = (!g.members.is_empty())
            .then(|| target(K::AnDeciles, detail.clone(), &g.members))
            .flatten();
        rows.push(vec![
            Cell::Text(g.rank.to_string()),
            Cell::Count(g.members.len() as u64),
            Cell::Cents(g.revenue),
            Cell::Pct(g.share_tenths),
            Cell::Pct(g.cumulative_tenths),
        ]);
        targets.push(vec![tg.clone(), tg.clone()]);
        bars.push(Bar {
            label: g.rank.to_string(),
            values: vec![cents_f(g.revenue)],
            target: tg,
        });
    }
    let above = if d.buyers == 0 {
        t(lang, K::AnNoBuyers).to_string()
    } else {
        tf(
            lang,
            K::AnTopShare,
            &[(
                "pct",
                &d.top_share_tenths
                    .map(|s| tenths(s, lang))
                    .unwrap_or_default(),
            )],
        )
    };
    section(
        app,
        K::AnDeciles,
        t(lang, K::AnDecilesNote).into(),
        Some(above),
        Shown {
            table: Table {
                name: "deciles",
                head: heads(
                    lang,
                    &[
                        K::AnDecile,
                        K::AnBuyers,
                        K::AnRevenue,
                        K::AnShare,
                        K::AnCumShare,
                    ],
                ),
                rows,
            },
            targets,
        },
        Chart::Bars {
            bars,
            series: Vec::new(),
            horizontal: false,
        },
        on_pick,
    )
}

fn cohorts(app: AppState, lang: Lang, r: &Report, on_pick: Callback<Target>) -> impl IntoView {
    let mut head = heads(lang, &[K::AnCohortMonth, K::AnSize]);
    head.extend((0..12).map(|k| tf(lang, K::AnMonthK, &[("k", &k.to_string())])));
    let mut rows = Vec::new();
    let mut targets = Vec::new();
    let mut heat_rows = Vec::new();
    let mut heat = Vec::new();
    for c in &r.cohorts {
        let month = c.month.iso();
        let mut row = vec![
            Cell::Text(month.clone()),
            Cell::Count(c.members.len() as u64),
        ];
        let mut row_targets = vec![
            None,
            target(
                K::AnCohorts,
                tf(lang, K::PkCohort, &[("month", &month)]),
                &c.members,
            ),
        ];
        let mut line = Vec::new();
        for (k, cell) in c.cells.iter().enumerate() {
            match cell {
                Some(cell) => {
                    let tg = target(
                        K::AnCohorts,
                        tf(
                            lang,
                            K::PkCohortCell,
                            &[("month", &month), ("k", &k.to_string())],
                        ),
                        &cell.active,
                    );
                    row.push(Cell::Pct(Some(cell.share_tenths)));
                    row_targets.push(tg.clone());
                    line.push(Some(HeatCell {
                        shade: cell.share_tenths as f64 / 1000.0,
                        text: tenths(cell.share_tenths, lang),
                        target: tg,
                    }));
                }
                None => {
                    row.push(Cell::Blank);
                    row_targets.push(None);
                    line.push(None);
                }
            }
        }
        rows.push(row);
        targets.push(row_targets);
        heat_rows.push(month);
        heat.push(line);
    }
    let skip = heat_rows.len().saturating_sub(HEAT_ROWS);
    let heat_rows: Vec<String> = heat_rows.into_iter().skip(skip).collect();
    let heat: Vec<_> = heat.into_iter().skip(skip).collect();
    let cols: Vec<String> = (0..12)
        .map(|k| tf(lang, K::AnMonthK, &[("k", &k.to_string())]))
        .collect();
    let above = rows.is_empty().then(|| t(lang, K::AnNoCohort).to_string());
    section(
        app,
        K::AnCohorts,
        t(lang, K::AnCohortsNote).into(),
        above,
        Shown {
            table: Table {
                name: "cohorts",
                head,
                rows,
            },
            targets,
        },
        Chart::Heat {
            rows: heat_rows,
            cols,
            cells: heat,
        },
        on_pick,
    )
}

fn loyalty(app: AppState, lang: Lang, r: &Report, on_pick: Callback<Target>) -> impl IntoView {
    let l = &r.loyalty;
    let mut rows = Vec::new();
    let mut targets = Vec::new();
    let mut bars = Vec::new();
    for m in &l.months {
        let month = m.month.iso();
        let tg = (!m.buyers.is_empty())
            .then(|| {
                target(
                    K::AnLoyalty,
                    tf(lang, K::PkMonth, &[("month", &month)]),
                    &m.buyers,
                )
            })
            .flatten();
        rows.push(vec![
            Cell::Text(month.clone()),
            Cell::Count(m.buyers.len() as u64),
            Cell::Count(m.returning),
            Cell::Count(m.new),
            Cell::Pct(m.returning_tenths),
        ]);
        targets.push(vec![None, tg.clone()]);
        bars.push(Bar {
            label: month,
            values: vec![m.returning as f64, m.new as f64],
            target: tg,
        });
    }
    let above = match l.median_gap_days {
        Some(days) => tf(
            lang,
            K::AnMedianGap,
            &[("days", &days.to_string()), ("pairs", &l.pairs.to_string())],
        ),
        None => t(lang, K::AnNoGap).to_string(),
    };
    let series = vec![
        t(lang, K::AnReturning).to_string(),
        t(lang, K::AnNew).to_string(),
    ];
    section(
        app,
        K::AnLoyalty,
        t(lang, K::AnLoyaltyNote).into(),
        Some(above),
        Shown {
            table: Table {
                name: "loyalty",
                head: heads(
                    lang,
                    &[
                        K::AnMonth,
                        K::AnBuyers,
                        K::AnReturning,
                        K::AnNew,
                        K::AnReturningShare,
                    ],
                ),
                rows,
            },
            targets,
        },
        Chart::Bars {
            bars,
            series,
            horizontal: false,
        },
        on_pick,
    )
}

fn migrations(app: AppState, lang: Lang, r: &Report, on_pick: Callback<Target>) -> impl IntoView {
    let m = &r.migrations;
    let type_name = |k: CustomerType| t(lang, labels::customer_type(k)).to_string();
    let mut head = vec![t(lang, K::AnStartEnd).to_string()];
    head.extend(CustomerType::ALL.iter().map(|k| type_name(*k)));
    head.push(t(lang, K::AnTotal).to_string());
    let max = m
        .cells
        .iter()
        .flatten()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let mut rows = Vec::new();
    let mut targets = Vec::new();
    let mut heat = Vec::new();
    for (a, from) in CustomerType::ALL.iter().enumerate() {
        let line = m.cells.get(a).cloned().unwrap_or_default();
        let mut row = vec![Cell::Text(type_name(*from))];
        let mut row_targets = vec![None];
        let mut heat_line = Vec::new();
        for (b, to) in CustomerType::ALL.iter().enumerate() {
            let members = line.get(b).map(Vec::as_slice).unwrap_or_default();
            let tg = (!members.is_empty())
                .then(|| {
                    target(
                        K::AnMigrations,
                        tf(
                            lang,
                            K::PkMigration,
                            &[("from", &type_name(*from)), ("to", &type_name(*to))],
                        ),
                        members,
                    )
                })
                .flatten();
            row.push(Cell::Count(members.len() as u64));
            row_targets.push(tg.clone());
            heat_line.push(Some(HeatCell {
                shade: members.len() as f64 / max,
                text: members.len().to_string(),
                target: tg,
            }));
        }
        row.push(Cell::Count(line.iter().map(Vec::len).sum::<usize>() as u64));
        rows.push(row);
        targets.push(row_targets);
        heat.push(heat_line);
    }
    let above = tf(
        lang,
        K::AnMigrationDates,
        &[
            ("start", &format_date(m.start, lang)),
            ("end", &format_date(m.end, lang)),
        ],
    );
    let names: Vec<String> = CustomerType::ALL.iter().map(|k| type_name(*k)).collect();
    let cols = names.clone();
    section(
        app,
        K::AnMigrations,
        t(lang, K::AnMigrationsNote).into(),
        Some(above),
        Shown {
            table: Table {
                name: "migrations",
                head,
                rows,
            },
            targets,
        },
        Chart::Heat {
            rows: names,
            cols,
            cells: heat,
        },
        on_pick,
    )
}

fn campaigns(app: AppState, lang: Lang, r: &Report, on_pick: Callback<Target>) -> impl IntoView {
    let mut rows = Vec::new();
    let mut targets = Vec::new();
    let mut bars = Vec::new();
    for c in &r.campaigns {
        let label = if c.label.is_empty() {
            t(lang, K::AnNoLabel).to_string()
        } else {
            c.label.clone()
        };
        let sent = target(
            K::AnCampaigns,
            tf(lang, K::PkRecipients, &[("label", &label)]),
            &c.recipients,
        );
        let responded = (!c.responders.is_empty())
            .then(|| {
                target(
                    K::AnCampaigns,
                    tf(lang, K::PkResponders, &[("label", &label)]),
                    &c.responders,
                )
            })
            .flatten();
        rows.push(vec![
            Cell::Text(label.clone()),
            Cell::Count(c.sent),
            Cell::Count(c.responded),
            Cell::Pct(c.rate_tenths),
            Cell::Cents(c.revenue),
        ]);
        targets.push(vec![None, sent.clone(), responded]);
        bars.push(Bar {
            label,
            values: vec![
                c.responded as f64,
                c.sent.saturating_sub(c.responded) as f64,
            ],
            target: sent,
        });
    }
    let above = rows
        .is_empty()
        .then(|| t(lang, K::AnNoCampaign).to_string());
    let series = vec![
        t(lang, K::AnResponded).to_string(),
        t(lang, K::AnNotResponded).to_string(),
    ];
    section(
        app,
        K::AnCampaigns,
        tf(lang, K::AnCampaignsNote, &[("days", &r.window.to_string())]),
        above,
        Shown {
            table: Table {
                name: "campaigns",
                head: heads(
                    lang,
                    &[
                        K::AnCampaign,
                        K::AnSent,
                        K::AnResponded,
                        K::AnRate,
                        K::AnCampaignRevenue,
                    ],
                ),
                rows,
            },
            targets,
        },
        Chart::Bars {
            bars,
            series,
            horizontal: true,
        },
        on_pick,
    )
}

fn activity(app: AppState, lang: Lang, r: &Report, on_pick: Callback<Target>) -> impl IntoView {
    let mut head = vec![t(lang, K::AnMonth).to_string()];
    head.extend(
        HistoryKind::ALL
            .iter()
            .map(|k| t(lang, labels::history_kind(*k)).to_string()),
    );
    let series = head[1..].to_vec();
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for m in &r.activity {
        let month = m.month.iso();
        let mut row = vec![Cell::Text(month.clone())];
        row.extend(m.counts.iter().map(|n| Cell::Count(*n)));
        rows.push(row);
        bars.push(Bar {
            label: month,
            values: m.counts.iter().map(|n| *n as f64).collect(),
            target: None,
        });
    }
    section(
        app,
        K::AnActivity,
        t(lang, K::AnActivityNote).into(),
        None,
        Shown {
            targets: vec![Vec::new(); rows.len()],
            table: Table {
                name: "activity",
                head,
                rows,
            },
        },
        Chart::Bars {
            bars,
            series,
            horizontal: false,
        },
        on_pick,
    )
}

/// The make-up of today's file: one section per breakdown.
pub fn makeup_sections(
    app: AppState,
    lang: Lang,
    m: &Makeup,
    on_pick: Callback<Target>,
) -> impl IntoView {
    let unknown = || t(lang, K::AnUnknown).to_string();
    let text_or_unknown = |v: &Option<String>| v.clone().unwrap_or_else(unknown);
    let types = breakdown(lang, "makeup-type", K::AnByType, &m.types, |k| {
        t(lang, labels::customer_type(*k)).to_string()
    });
    let kinds = breakdown(lang, "makeup-kind", K::AnByKind, &m.kinds, |k| {
        t(lang, labels::fiche_kind(*k)).to_string()
    });
    let sexes = breakdown(lang, "makeup-sex", K::AnBySex, &m.sexes, |s| match s {
        Some(s) => t(lang, labels::sex(*s)).to_string(),
        None => unknown(),
    });
    let ages = breakdown(lang, "makeup-age", K::AnByAge, &m.ages, |a| {
        t(
            lang,
            match a {
                AgeBand::Under25 => K::AnAgeUnder25,
                AgeBand::From25To34 => K::AnAge25,
                AgeBand::From35To44 => K::AnAge35,
                AgeBand::From45To54 => K::AnAge45,
                AgeBand::From55To64 => K::AnAge55,
                AgeBand::From65 => K::AnAge65,
                AgeBand::Unknown => K::AnUnknown,
            },
        )
        .to_string()
    });
    let places = breakdown(
        lang,
        "makeup-departement",
        K::AnByPlace,
        &m.places,
        |p| match p {
            Place::Departement(d) => d.clone(),
            Place::Abroad => t(lang, K::AnAbroad).to_string(),
            Place::Unknown => unknown(),
        },
    );
    let sources = breakdown(
        lang,
        "makeup-source",
        K::AnBySource,
        &m.sources,
        text_or_unknown,
    );
    let owners = breakdown(
        lang,
        "makeup-owner",
        K::AnByOwner,
        &m.owners,
        text_or_unknown,
    );
    let note = t(lang, K::AnMakeupNote).to_string();
    [types, kinds, sexes, ages, places, sources, owners]
        .into_iter()
        .map(|(title, shown, bars)| {
            section(
                app,
                title,
                note.clone(),
                None,
                shown,
                Chart::Bars {
                    bars,
                    series: Vec::new(),
                    horizontal: true,
                },
                on_pick,
            )
        })
        .collect_view()
}

fn breakdown<T>(
    lang: Lang,
    name: &'static str,
    title: K,
    parts: &[Part<T>],
    label: impl Fn(&T) -> String,
) -> (K, Shown, Vec<Bar>) {
    let mut rows = Vec::new();
    let mut targets = Vec::new();
    let mut bars = Vec::new();
    for p in parts {
        let name = label(&p.key);
        let tg = (!p.members.is_empty())
            .then(|| target(title, name.clone(), &p.members))
            .flatten();
        rows.push(vec![
            Cell::Text(name.clone()),
            Cell::Count(p.members.len() as u64),
            Cell::Pct(Some(p.share_tenths)),
        ]);
        targets.push(vec![tg.clone(), tg.clone()]);
        if bars.len() < BAR_ROWS {
            bars.push(Bar {
                label: name,
                values: vec![p.members.len() as f64],
                target: tg,
            });
        }
    }
    (
        title,
        Shown {
            table: Table {
                name,
                head: heads(lang, &[K::AnValue, K::AnCount, K::AnShare]),
                rows,
            },
            targets,
        },
        bars,
    )
}
