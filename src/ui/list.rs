//! The list of fiches: search, sort, live count.

use super::tx;
use leptos::prelude::*;

use super::demo::DemoButton;

use super::app::go;
use crate::domain::dates::format_date;
use crate::domain::fiche::FicheKind;
use crate::domain::money::format_amount;
use crate::domain::search::Query;
use crate::domain::sort::{SortDir, SortKey};
use crate::i18n::{labels, t, K};
use crate::state::prefs::Prefs;
use crate::state::{use_app, Route};

/// Rows drawn at first and added by "show more"; the count always covers every match.
const PAGE: usize = 200;

#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    company: String,
    contact: String,
    city: String,
    status: K,
    total: String,
    last_contact: String,
}

#[component]
pub fn ListPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let tr = move |k: K| t(lang.get(), k);
    let prefs = Prefs::load();
    let query = app.list_query;
    let sort = RwSignal::new(prefs.sort);
    let dir = RwSignal::new(prefs.dir);
    let shown = RwSignal::new(PAGE);

    Effect::new(move |_| {
        let mut p = Prefs::load();
        p.sort = sort.get();
        p.dir = dir.get();
        p.save();
    });

    // Every match, in order: the count reads its length, the table the first `shown`.
    let matches = Memo::new(move |_| {
        let q = Query::new(&query.get());
        app.file.with(|f| {
            f.list(&q, sort.get(), dir.get())
                .into_iter()
                .map(|r| r.fiche.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let rows = Memo::new(move |_| {
        let lang = lang.get();
        let ids = matches.get();
        app.file.with(|f| {
            ids.iter()
                .take(shown.get())
                .filter_map(|id| f.get(id))
                .map(|r| Row {
                    id: r.fiche.id.clone(),
                    name: r.fiche.display_name(),
                    // A company's name is already the row's name.
                    company: if r.fiche.kind == FicheKind::Company {
                        String::new()
                    } else {
                        r.fiche.company.clone()
                    },
                    contact: r
                        .fiche
                        .primary_email()
                        .or(r.fiche.primary_phone())
                        .unwrap_or_default()
                        .to_string(),
                    city: r.fiche.primary_city().unwrap_or_default().to_string(),
                    status: labels::status(r.fiche.status),
                    total: if r.summary.orders > 0 {
                        format_amount(r.summary.total_spent_cents, lang)
                    } else {
                        String::new()
                    },
                    last_contact: r
                        .summary
                        .last_contact
                        .map(|d| format_date(d.date_naive(), lang))
                        .unwrap_or_default(),
                })
                .collect::<Vec<_>>()
        })
    });
    let count = move || matches.with(Vec::len);
    let empty_file = move || app.file.with(|f| f.is_empty());

    view! {
        <section class="list-page">
            <h1 class="sr-only">{tx(lang, K::NavList)}</h1>
            <div class="toolbar">
                <label class="search">
                    <span class="sr-only">{tx(lang, K::SearchLabel)}</span>
                    <input type="search" data-testid="search" autocomplete="off" aria-keyshortcuts="/"
                        placeholder=tx(lang, K::SearchPlaceholder)
                        prop:value=move || query.get()
                        on:input=move |ev| { query.set(event_target_value(&ev)); shown.set(PAGE); }/>
                </label>
                <label class="sort">
                    <span>{tx(lang, K::SortBy)}</span>
                    <select data-testid="sort"
                        prop:value=move || sort_value(sort.get())
                        on:change=move |ev| sort.set(parse_sort(&event_target_value(&ev)))>
                        <option value="name" selected=move || sort_value(sort.get()) == "name">{tx(lang, K::SortName)}</option>
                        <option value="created" selected=move || sort_value(sort.get()) == "created">{tx(lang, K::SortCreated)}</option>
                        <option value="last_contact" selected=move || sort_value(sort.get()) == "last_contact">{tx(lang, K::SortLastContact)}</option>
                    </select>
                </label>
                <button type="button" class="ghost" data-testid="sort-dir"
                    on:click=move |_| dir.update(|d| *d = if *d == SortDir::Asc { SortDir::Desc } else { SortDir::Asc })>
                    {move || if dir.get() == SortDir::Asc { "↑ ".to_string() + tr(K::Ascending) } else { "↓ ".to_string() + tr(K::Descending) }}
                </button>
                <span class="count" data-testid="count" aria-live="polite">
                    {move || {
                        let n = count();
                        format!("{n} {}", tr(if n == 1 { K::FichesCount1 } else { K::FichesCountN }))
                    }}
                </span>
                <button type="button" class="primary" data-testid="new-fiche" aria-keyshortcuts="N Alt+N"
                    on:click=move |_| go(&Route::New)>
                    {tx(lang, K::NewFiche)}
                </button>
            </div>
            <Show when=empty_file>
                <div class="empty">
                    <p>{tx(lang, K::EmptyFile)}</p>
                    <DemoButton/>
                </div>
            </Show>
            <Show when=move || !empty_file() && count() == 0>
                <p class="empty">{tx(lang, K::NoMatch)}</p>
            </Show>
            <Show when=move || count() != 0>
                <table class="fiches">
                    <thead>
                        <tr>
                            <th>{tx(lang, K::ColName)}</th>
                            <th class="wide">{tx(lang, K::ColCompany)}</th>
                            <th class="wide">{tx(lang, K::ColContact)}</th>
                            <th>{tx(lang, K::ColCity)}</th>
                            <th>{tx(lang, K::ColStatus)}</th>
                            <th class="num">{tx(lang, K::ColTotal)}</th>
                            <th class="wide">{tx(lang, K::ColLastContact)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let route = Route::Fiche(r.id.clone());
                            let href = route.to_hash();
                            let here = route.clone();
                            view! {
                                <tr data-testid="fiche-row" data-id=r.id.clone()
                                    aria-current=move || app.route.with(|now| *now == here).then_some("true")
                                    on:click=move |_| go(&route)>
                                    <td><a href=href>{r.name}</a></td>
                                    <td class="wide">{r.company}</td>
                                    <td class="wide">{r.contact}</td>
                                    <td>{r.city}</td>
                                    <td>{move || tr(r.status)}</td>
                                    <td class="num">{r.total}</td>
                                    <td class="wide">{r.last_contact}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <Show when=move || { count() > shown.get() }>
                    <button type="button" class="ghost more" data-testid="show-more"
                        on:click=move |_| shown.update(|n| *n += PAGE)>
                        {tx(lang, K::ShowMore)}
                    </button>
                </Show>
            </Show>
        </section>
    }
}

fn sort_value(k: SortKey) -> &'static str {
    match k {
        SortKey::Name => "name",
        SortKey::Created => "created",
        SortKey::LastContact => "last_contact",
    }
}

fn parse_sort(v: &str) -> SortKey {
    match v {
        "created" => SortKey::Created,
        "last_contact" => SortKey::LastContact,
        _ => SortKey::Name,
    }
}
