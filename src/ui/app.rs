//! The frame: header, banner, and the page the route names.

use super::tx;
use gloo_storage::{SessionStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::analytics::AnalyticsPage;
use super::device_files::{dated_name, download};
use super::dispatch::go;
use super::fiche_page::FichePage;
use super::form::FicheForm;
use super::import_export::ImportExportPage;
use super::list::ListPage;
use super::settings::SettingsPage;
use crate::i18n::{from_browser_languages, lost_text, open_failed_text, storage_text, t, Lang, K};
use crate::state::prefs::Prefs;
use crate::state::StorageError;
use crate::state::{actions, backup, clock, mark, platform, segments, transfer};
use crate::state::{AppState, Notice, Phase, Route};

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn browser_lang() -> Lang {
    let langs: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    from_browser_languages(langs.iter().map(String::as_str))
}

#[component]
pub fn App() -> impl IntoView {
    let prefs = Prefs::load();
    let app = AppState::new(
        prefs.lang.unwrap_or_else(browser_lang),
        Route::parse(&current_hash()),
    );
    provide_context(app);
    // A bookmarked or reloaded list brings its filter back.
    segments::restore_filter(app, &current_hash());

    let _hash = window_event_listener(leptos::ev::hashchange, move |_| {
        // Only a real change redraws the page (and so drops its state, a search, a focus).
        let hash = current_hash();
        segments::restore_filter(app, &hash);
        let route = Route::parse(&hash);
        if app.route.with_untracked(|r| *r != route) {
            app.route.set(route);
        }
    });
    let _keys = window_event_listener(leptos::ev::keydown, move |e| shortcut(app, &e));
    // Customer types and the other date rules follow midnight while the app stays open.
    clock::follow(app);
    // The backup reminder follows a backup made on another page (or tab) at the next move.
    Effect::new(move |_| {
        app.route.track();
        if app.phase.get() == Phase::Ready {
            spawn_local(backup::check_backup(app));
        }
    });
    // The page language follows the switch, for screen readers and the crash banner.
    Effect::new(move |_| {
        let code = app.lang.get().code();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", code);
        }
        let l = app.lang.get();
        platform::crash_texts(t(l, K::Crash), t(l, K::Reload));
    });
    spawn_local(actions::start(app));

    let lang = app.lang;
    let on_lang = move |ev| {
        let l = Lang::from_code(&event_target_value(&ev)).unwrap_or_default();
        lang.set(l);
        let mut p = Prefs::load();
        p.lang = Some(l);
        p.save();
    };
    let is_settings = move || app.route.get() == Route::Settings;

    view! {
        <header class="topbar">
            <a class="brand" href="#/" data-testid="nav-home">
                <span class="brand-mark" aria-hidden="true">"C"</span>
                <span class="brand-name">"Carnet"</span>
            </a>
            <span class="tagline">{tx(lang, K::AppTagline)}</span>
            <nav class="nav">
                <a href="#/" data-testid="nav-list" class:active=move || matches!(app.route.get(), Route::List | Route::New | Route::Fiche(_) | Route::Edit(_))>
                    {tx(lang, K::NavList)}
                </a>
                <a href="#/analytics" data-testid="nav-analytics" class:active=move || matches!(app.route.get(), Route::Analytics(_))>
                    {tx(lang, K::NavAnalytics)}
                </a>
                <a href="#/files" data-testid="nav-files" class:active=move || app.route.get() == Route::ImportExport>
                    {tx(lang, K::NavFiles)}
                </a>
                <a href="#/settings" data-testid="nav-settings" class:active=is_settings>
                    {tx(lang, K::NavSettings)}
                </a>
                <label class="lang">
                    <span class="sr-only">{tx(lang, K::Language)}</span>
                    <select data-testid="lang-switch" on:change=on_lang
                        prop:value=move || lang.get().code()>
                        <option value="fr" selected=move || lang.get() == Lang::Fr>"Français"</option>
                        <option value="en" selected=move || lang.get() == Lang::En>"English"</option>
                    </select>
                </label>
            </nav>
        </header>
        <Banner/>
        <main class="page">
            {move || match app.phase.get() {
                Phase::Loading => view! {
                    <p class="loading" data-testid="loading">{tx(lang, K::Loading)}</p>
                }.into_any(),
                Phase::Failed(f) => view! {
                    <div class="banner banner-error" role="alert" data-testid="error-banner">
                        <p>{match &f.mark {
                            Some(mark) => open_failed_text(lang.get(), &f.error, mark, f.free),
                            None => storage_text(lang.get(), &f.error),
                        }}</p>
                        {reload_button(lang.get(), &f.error)}
                    </div>
                }.into_any(),
                Phase::Ready => view! { <Routed/> }.into_any(),
            }}
        </main>
    }
}

/// Width from which the list stays beside an open fiche (a tablet in landscape).
const SPLIT_MIN_WIDTH: f64 = 1024.0;

fn wide_window() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= SPLIT_MIN_WIDTH)
}

#[component]
fn Routed() -> impl IntoView {
    let app = expect_context::<AppState>();
    let wide = RwSignal::new(wide_window());
    let _resize = window_event_listener(leptos::ev::resize, move |_| {
        let now = wide_window();
        if wide.get_untracked() != now {
            wide.set(now);
        }
    });
    // On a wide screen the list and the open fiche sit side by side. It is one and the same list
    // whether a fiche is open or not, so that its search and scroll stay while fiches are opened.
    let split =
        Memo::new(move |_| wide.get() && matches!(app.route.get(), Route::List | Route::Fiche(_)));
    let open = Memo::new(move |_| match app.route.get() {
        Route::Fiche(id) => Some(id),
        _ => None,
    });
    // The page to show: the analysis page stays mounted when only its period changes.
    let page = Memo::new(move |_| match app.route.get() {
        Route::Analytics(_) => Route::Analytics(Default::default()),
        r => r,
    });
    move || {
        if split.get() {
            return view! {
                <div class="split" class:split-open=move || open.with(Option::is_some)>
                    <div class="split-list"><ListPage/></div>
                    {move || open.get().map(|id| view! { <div class="split-fiche"><FichePage id=id/></div> })}
                </div>
            }
            .into_any();
        }
        match page.get() {
            Route::List => view! { <ListPage/> }.into_any(),
            Route::New => view! { <FicheForm id=None/> }.into_any(),
            Route::Edit(id) => view! { <FicheForm id=Some(id)/> }.into_any(),
            Route::Fiche(id) => view! { <FichePage id=id/> }.into_any(),
            Route::Settings => view! { <SettingsPage/> }.into_any(),
            Route::ImportExport => view! { <ImportExportPage/> }.into_any(),
            Route::Analytics(_) => view! { <AnalyticsPage/> }.into_any(),
        }
    }
}

/// The dismissable message line under the header, and the notes that a new version waits or a
/// backup is due.
#[component]
fn Banner() -> impl IntoView {
    let app = expect_context::<AppState>();
    let notice = move || {
        app.notice.get().map(|n| {
            let lang = app.lang.get();
            let (text, reload) = match &n {
                Notice::Storage(e @ StorageError::Closed { .. }) => (
                    storage_text(lang, e),
                    Some(view! { {rescue_button(app, lang)} {reload_button(lang, e)} }.into_any()),
                ),
                Notice::Storage(e) => (storage_text(lang, e), reload_button(lang, e)),
                Notice::Text(k) => (t(lang, *k).to_string(), None),
            };
            view! {
                <div class="banner banner-error" role="alert" data-testid="error-banner">
                    <p>{text}</p>
                    {reload}
                    <button type="button" on:click=move |_| app.notice.set(None)>
                        {t(lang, K::Dismiss)}
                    </button>
                </div>
            }
        })
    };
    let lang = app.lang;
    // Dismissed for this tab's session: it comes back in a new tab or the next day's visit.
    let backup_later = RwSignal::new(SessionStorage::get::<bool>(BACKUP_LATER).unwrap_or(false));
    let show_backup = move || {
        app.backup_due.get()
            && !backup_later.get()
            && app.phase.get() == Phase::Ready
            && !app.file.with(|f| f.is_empty())
    };
    let confirming = RwSignal::new(false);
    let lost = move || {
        app.lost.get().map(|mark| {
            view! {
                <div class="banner banner-error banner-lost" role="alert" data-testid="lost-file">
                    <p>{lost_text(lang.get(), &mark)}</p>
                    <a class="button primary" href="#/files" data-testid="lost-restore">{tx(lang, K::LostRestore)}</a>
                    <button type="button" class="ghost" data-testid="lost-start-empty"
                        on:click=move |_| if confirming.get_untracked() { mark::accept_loss(app) } else { confirming.set(true) }>
                        {move || t(lang.get(), if confirming.get() { K::LostConfirm } else { K::LostStartEmpty })}
                    </button>
                </div>
            }
        })
    };
    view! {
        {lost}
        {notice}
        <Show when=move || app.update_ready.get()>
            <div class="banner banner-info" role="status" data-testid="update-banner">
                <p>{tx(lang, K::UpdateReady)}</p>
                <button type="button" class="primary" data-testid="apply-update"
                    on:click=move |_| platform::apply_update()>{tx(lang, K::UpdateReload)}</button>
            </div>
        </Show>
        <Show when=show_backup>
            <div class="banner banner-info" role="status" data-testid="backup-reminder">
                <p>{move || t(lang.get(), if app.last_backup.with(Option::is_none) { K::BackupNever } else { K::BackupOld })}</p>
                <button type="button" class="ghost" data-testid="backup-later"
                    on:click=move |_| {
                        let _ = SessionStorage::set(BACKUP_LATER, true);
                        backup_later.set(true);
                    }>{tx(lang, K::Later)}</button>
            </div>
        </Show>
    }
}

/// sessionStorage key: the backup reminder was put off for this tab's session.
const BACKUP_LATER: &str = "carnet.backup-later";

/// A reload button, for the failures that a reload cures (another tab upgraded the database, or
/// kept an old one open); `None` for the others.
fn reload_button(lang: Lang, e: &StorageError) -> Option<AnyView> {
    matches!(
        e,
        StorageError::NewerVersion | StorageError::Blocked | StorageError::Closed { .. }
    )
    .then(|| {
        view! {
            <button type="button" class="primary" data-testid="reload-page"
                on:click=|_| { let _ = window().location().reload(); }>{t(lang, K::Reload)}</button>
        }
        .into_any()
    })
}

/// Downloads what memory holds as a backup, for a database the browser closed (and may discard
/// at the next start).
fn rescue_button(app: AppState, lang: Lang) -> impl IntoView {
    view! {
        <button type="button" class="primary" data-testid="rescue-download" on:click=move |_| {
            if let Some(text) = transfer::rescue_json(app) {
                download(app, &dated_name("carnet-secours", "json"), "application/json", text.as_bytes());
            }
        }>{t(lang, K::RescueDownload)}</button>
    }
}

/// Keyboard shortcuts: `n` opens a new fiche and `/` the search, unless the user is typing;
/// Alt+N opens a new fiche from anywhere.
fn shortcut(app: AppState, e: &web_sys::KeyboardEvent) {
    if e.default_prevented()
        || e.ctrl_key()
        || e.meta_key()
        || app.phase.get_untracked() != Phase::Ready
    {
        return;
    }
    let new_fiche = if e.alt_key() {
        e.code() == "KeyN"
    } else {
        e.key() == "n" && !typing(e)
    };
    if new_fiche {
        e.prevent_default();
        go(&Route::New);
    } else if e.key() == "/" && !e.alt_key() && !typing(e) {
        e.prevent_default();
        focus_search(10);
    }
}

/// Whether the key goes to a field (input, text area, select, editable text).
fn typing(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// Focuses the list's search box; from another page, goes to the list first and tries again
/// while it is drawn.
fn focus_search(tries: u32) {
    let search = document()
        .query_selector("input[type=search]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match search {
        Some(input) => {
            let _ = input.focus();
        }
        None if tries > 0 => {
            if tries == 10 {
                go(&Route::List);
            }
            set_timeout(
                move || focus_search(tries - 1),
                std::time::Duration::from_millis(50),
            );
        }
        None => {}
    }
}
