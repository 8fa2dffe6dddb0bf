//! The list of fiches: the segments sidebar, the filter builder, search, a virtualised table
//! with chosen and sortable columns, and bulk actions on the listed (or ticked) fiches.

use std::collections::HashSet;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::columns::{cell, label};
use super::demo::DemoButton;
use super::dispatch::go;
use super::segments::{BulkBar, FilterBuilder, Sidebar};
use super::tx;
use crate::domain::segment::list::Col;
use crate::domain::sort::SortDir;
use crate::i18n::{t, tf, tn, K};
use crate::state::prefs::Prefs;
use crate::state::segments::list_hash;
use crate::state::{use_app, Route};

/// Rows drawn above and below the visible ones, so a quick scroll never shows a gap.
const OVERSCAN: usize = 8;
/// The row height before one is measured (CSS: `.vlist tr.frow`).
const ROW_PX: f64 = 40.0;

#[component]
pub fn ListPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let query = app.list_query;
    let cols = RwSignal::new(Col::of_mask(Prefs::load().cols));
    let selected: RwSignal<HashSet<String>> = RwSignal::new(HashSet::new());

    Effect::new(move |_| {
        let mut p = Prefs::load();
        (p.order, p.dir) = app.order.get();
        p.cols = Col::mask(&cols.get());
        p.save();
    });
    // The address follows the filter, so that a reload or a bookmark brings it back.
    // `replaceState`: editing a condition neither piles up history entries nor navigates (a
    // `location.replace` per keystroke cost several milliseconds). Once typing pauses: a
    // `replaceState` still costs about 2 ms at each keystroke (measured at 100k fiches).
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let hash = app.filter.with(list_hash);
        generation.update_value(|g| *g = g.wrapping_add(1));
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine)
                    && app.route.get_untracked() == Route::List
                {
                    set_address(&hash);
                }
            },
            URL_DELAY,
        );
    });
    let count = move || app.listed.with(Vec::len);
    // A lost file is not a new one: the banner says what happened instead.
    let empty_file = move || app.file.with(|f| f.is_empty()) && app.lost.with(Option::is_none);
    let sort_options = move || {
        Col::ALL
            .into_iter()
            .map(|c| {
                view! {
                    <option value=c.id() selected=move || app.order.get().0 == c>{tx(lang, label(c))}</option>
                }
            })
            .collect_view()
    };

    view! {
        <section class="list-page">
            <h1 class="sr-only">{tx(lang, K::NavList)}</h1>
            <div class="list-layout">
                <Sidebar/>
                <div class="list-main">
                    <div class="toolbar">
                        <label class="search">
                            <span class="sr-only">{tx(lang, K::SearchLabel)}</span>
                            <input type="search" data-testid="search" autocomplete="off" aria-keyshortcuts="/"
                                placeholder=tx(lang, K::SearchPlaceholder)
                                prop:value=move || query.get()
                                on:input=move |ev| query.set(event_target_value(&ev))/>
                        </label>
                        <label class="sort">
                            <span>{tx(lang, K::SortBy)}</span>
                            <select data-testid="sort"
                                on:change=move |ev| app.order.update(|o| o.0 = Col::from_id(&event_target_value(&ev)))>
                                {sort_options}
                            </select>
                        </label>
                        <button type="button" class="ghost" data-testid="sort-dir"
                            on:click=move |_| app.order.update(|o| o.1 = flip(o.1))>
                            {move || t(lang.get(), if app.order.get().1 == SortDir::Asc { K::Ascending } else { K::Descending })}
                        </button>
                        <ColumnsMenu cols=cols/>
                        <span class="count" data-testid="count" aria-live="polite">
                            {move || tn(lang.get(), K::Fiches, count(), &[])}
                        </span>
                        <button type="button" class="primary" data-testid="new-fiche" aria-keyshortcuts="N Alt+N"
                            on:click=move |_| go(&Route::New)>
                            {tx(lang, K::NewFiche)}
                        </button>
                    </div>
                    <PickBanner/>
                    <FilterBuilder/>
                    <Show when=move || count() != 0>
                        <BulkBar selected=selected/>
                    </Show>
                    <Show when=empty_file>
                        <div class="empty">
                            <p>{tx(lang, K::EmptyFile)}</p>
                            <DemoButton/>
                        </div>
                    </Show>
                    <Show when=move || !empty_file() && count() == 0>
                        <p class="empty">{tx(lang, K::NoMatch)}</p>
                    </Show>
                    <Table cols=cols selected=selected/>
                </div>
            </div>
        </section>
    }
}

/// Where a selection made on the analysis page came from, the way back, and the way out.
#[component]
fn PickBanner() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    move || {
        app.pick.get().map(|p| {
            let back = p.back.clone();
            view! {
                <div class="pick-banner" data-testid="pick-banner" role="status">
                    <span>{move || tf(lang.get(), K::PkFrom, &[("title", t(lang.get(), p.title)), ("detail", &p.detail)])}</span>
                    <button type="button" class="button" data-testid="pick-back"
                        on:click=move |_| go(&back)>{tx(lang, K::PkBack)}</button>
                    <button type="button" class="ghost" data-testid="pick-clear"
                        on:click=move |_| app.pick.set(None)>{tx(lang, K::PkAll)}</button>
                </div>
            }
        })
    }
}

fn flip(d: SortDir) -> SortDir {
    if d == SortDir::Asc {
        SortDir::Desc
    } else {
        SortDir::Asc
    }
}

/// Which columns show (the name always does). A `<details>`: keyboard and touch for free.
#[component]
fn ColumnsMenu(cols: RwSignal<Vec<Col>>) -> impl IntoView {
    let lang = use_app().lang;
    let boxes = Col::ALL[1..]
        .iter()
        .map(|&c| {
            let toggle = move |_| {
                cols.update(|cs| {
                    let on = !cs.contains(&c);
                    *cs = Col::ALL
                        .into_iter()
                        .filter(|x| if *x == c { on } else { cs.contains(x) })
                        .collect();
                })
            };
            view! {
                <label class="check">
                    <input type="checkbox" data-testid=format!("col-{}", c.id())
                        prop:checked=move || cols.with(|cs| cs.contains(&c)) on:change=toggle/>
                    {tx(lang, label(c))}
                </label>
            }
        })
        .collect_view();
    view! {
        <details class="menu" data-testid="columns-menu">
            <summary class="ghost">{tx(lang, K::Columns)}</summary>
            <div class="menu-body">{boxes}</div>
        </details>
    }
}

fn set_height(el: Option<web_sys::HtmlTableRowElement>, px: f64) {
    if let Some(el) = el {
        // The CSSOM, not a `style` attribute: allowed by the page's CSP (no inline styles).
        // Whole pixels: formatting an `f64` would link core's float printer for this alone.
        let px = format!("{}px", px.round() as i64);
        let _ = web_sys::HtmlElement::style(&el).set_property("height", &px);
    }
}

/// The table: only the rows in view (plus [`OVERSCAN`]) exist; two spacer rows, sized through
/// the CSSOM, give the scroll bar the height of the whole list.
#[component]
fn Table(cols: RwSignal<Vec<Col>>, selected: RwSignal<HashSet<String>>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let viewport = NodeRef::<html::Div>::new();
    let top = NodeRef::<html::Tr>::new();
    let bottom = NodeRef::<html::Tr>::new();
    let scroll = RwSignal::new(0.0f64);
    let row_h = RwSignal::new(ROW_PX);

    // The viewport's height, read on mount and on resize only: reading layout in the passes
    // below would force the browser to lay the page out on every keystroke (measured: 5 ms).
    let height = RwSignal::new(
        window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0),
    );
    let measure = move || {
        if let Some(v) = viewport.get_untracked() {
            let h = f64::from(v.client_height());
            if h > 0.0 {
                height.set(h);
            }
        }
    };
    Effect::new(move |_| {
        viewport.track();
        measure();
    });
    // Removed with the list: a listener left behind would read this component's disposed
    // signals on the next resize (a panic when a tablet turns to portrait).
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // A new search or filter starts at the top of the list.
    Effect::new(move |_| {
        app.list_query.track();
        app.filter.track();
        if scroll.get_untracked() > 0.0 {
            if let Some(v) = viewport.get_untracked() {
                v.set_scroll_top(0);
            }
            scroll.set(0.0);
        }
    });
    let range = Memo::new(move |_| {
        let n = app.listed.with(Vec::len);
        let h = row_h.get();
        let first = (scroll.get() / h) as usize;
        let start = first.saturating_sub(OVERSCAN).min(n);
        let end = (first + (height.get() / h).ceil() as usize + OVERSCAN).min(n);
        (start, end, n)
    });
    // The row height, measured once rows exist (touch screens have taller rows, CSS).
    let measured = RwSignal::new(false);
    Effect::new(move |_| {
        let (start, end, n) = range.get();
        if !measured.get_untracked() && end > start {
            if let Some(row) = viewport
                .get_untracked()
                .and_then(|v| v.query_selector("tr.frow").ok().flatten())
            {
                let h = f64::from(row.unchecked_ref::<web_sys::HtmlElement>().offset_height());
                if h > 0.0 {
                    measured.set(true);
                    if (h - row_h.get_untracked()).abs() > 0.5 {
                        row_h.set(h);
                    }
                }
            }
        }
        let h = row_h.get_untracked();
        set_height(top.get(), start as f64 * h);
        set_height(bottom.get(), (n - end) as f64 * h);
    });

    let head = move || {
        let lang = lang.get();
        let (by, dir) = app.order.get();
        let shown: Vec<Col> = std::iter::once(Col::Name)
            .chain(cols.get().into_iter().filter(|c| *c != Col::Name))
            .collect();
        shown
            .into_iter()
            .map(|c| {
                let sort = (by == c).then_some(if dir == SortDir::Asc { "ascending" } else { "descending" });
                let arrow = match sort {
                    Some("ascending") => " ↑",
                    Some(_) => " ↓",
                    None => "",
                };
                view! {
                    <th aria-sort=sort class:num=c.numeric() class:name=c == Col::Name>
                        <button type="button" class="th-sort" data-testid=format!("th-{}", c.id())
                            title=t(lang, K::SortColumn)
                            on:click=move |_| app.order.update(|o| *o = if o.0 == c { (c, flip(o.1)) } else { (c, SortDir::Asc) })>
                            {t(lang, label(c))}{arrow}
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    // A fixed set of row slots, each showing whichever fiche is at its place in the window:
    // scrolling or typing updates the slots' texts instead of building rows again (building
    // 30 rows of DOM per keystroke cost more than the filter pass itself).
    let slots = Memo::new(move |_| {
        let (start, end, _) = range.get();
        end - start
    });
    let rows = move || {
        (0..slots.get())
            .map(|k| view! { <Slot k=k range=range cols=cols selected=selected/> })
            .collect_view()
    };

    view! {
        <div class="vlist" node_ref=viewport data-testid="list-viewport"
            class:hidden=move || app.listed.with(Vec::is_empty)
            on:scroll=move |_| {
                if let Some(v) = viewport.get_untracked() {
                    scroll.set(f64::from(v.scroll_top()));
                }
            }>
            <table class="fiches">
                <thead>
                    <tr>
                        <th class="sel"><span class="sr-only">{tx(lang, K::SelectFiche)}</span></th>
                        {head}
                    </tr>
                </thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true" node_ref=top></tr>
                    {rows}
                    <tr class="spacer" aria-hidden="true" node_ref=bottom></tr>
                </tbody>
            </table>
        </div>
    }
}

/// What a row slot shows: the fiche's id, its name, then the chosen columns' texts.
type SlotText = (String, String, Vec<String>);

/// Row slot `k` of the window: a tick box, the name as a link (keyboard), then the chosen
/// columns' cells, all following the fiche now at its place.
#[component]
fn Slot(
    k: usize,
    range: Memo<(usize, usize, usize)>,
    cols: RwSignal<Vec<Col>>,
    selected: RwSignal<HashSet<String>>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let index = Memo::new(move |_| {
        let (start, _, _) = range.get();
        app.listed.with(|l| l.get(start + k).copied())
    });
    let texts: Memo<Option<SlotText>> = Memo::new(move |_| {
        let i = index.get()? as usize;
        let lang = lang.get();
        cols.with(|cols| {
            app.file.with(|f| {
                app.derived.with(|d| {
                    let (r, c) = (f.records().get(i)?, d.computed.get(i)?);
                    let cells = cols
                        .iter()
                        .filter(|col| **col != Col::Name)
                        .map(|&col| cell(col, r, c, lang))
                        .collect();
                    Some((r.fiche.id.clone(), r.fiche.display_name(), cells))
                })
            })
        })
    });
    let id = move || texts.with(|t| t.as_ref().map(|t| t.0.clone()).unwrap_or_default());
    let cells = move || {
        cols.with(|cols| {
            cols.iter()
                .filter(|col| **col != Col::Name)
                .enumerate()
                .map(|(j, col)| {
                    let text = move || {
                        texts.with(|t| {
                            t.as_ref()
                                .and_then(|t| t.2.get(j).cloned())
                                .unwrap_or_default()
                        })
                    };
                    view! { <td class:num=col.numeric()>{text}</td> }
                })
                .collect_view()
        })
    };
    view! {
        <tr class="frow" data-testid="fiche-row" data-id=id
            aria-current=move || app.route.with(|now| matches!(now, Route::Fiche(x) if *x == id())).then_some("true")
            on:click=move |_| go(&Route::Fiche(id()))>
            <td class="sel" on:click=|ev| ev.stop_propagation()>
                <input type="checkbox" data-testid="select-row" aria-label=tx(lang, K::SelectFiche)
                    prop:checked=move || selected.with(|s| s.contains(&id()))
                    on:change=move |_| {
                        let id = id();
                        selected.update(|s| {
                            if !s.remove(&id) {
                                s.insert(id);
                            }
                        })
                    }/>
            </td>
            <td class="name">
                <a href=move || Route::Fiche(id()).to_hash()>
                    {move || texts.with(|t| t.as_ref().map(|t| t.1.clone()).unwrap_or_default())}
                </a>
            </td>
            {cells}
        </tr>
    }
}

/// How long the filter must stay unchanged before the address follows it.
const URL_DELAY: Duration = Duration::from_millis(250);

/// Puts `hash` in the address bar (when it differs), without a history entry.
fn set_address(hash: &str) {
    let w = window();
    // Only while the address still shows the list: a click on another page's link may have
    // changed it after this timer was set and before the route signal heard of it (CI lost a
    // click on "Import / export" that way, the list's address written back over it).
    let differs = w.location().hash().is_ok_and(|h| {
        h != hash && !(h.is_empty() && hash == "#/") && Route::parse(&h) == Route::List
    });
    if differs {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
        }
    }
}
