//! The frame: header, banner, and the page the route names.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fiche_page::FichePage;
use super::form::FicheForm;
use super::list::ListPage;
use super::settings::SettingsPage;
use crate::i18n::{from_browser_languages, storage_text, t, Lang, K};
use crate::state::actions;
use crate::state::prefs::Prefs;
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

/// Goes to `route` through the URL, so the back button and reload follow.
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.to_hash());
    }
}

#[component]
pub fn App() -> impl IntoView {
    let prefs = Prefs::load();
    let app = AppState::new(
        prefs.lang.unwrap_or_else(browser_lang),
        Route::parse(&current_hash()),
    );
    provide_context(app);

    let _hash = window_event_listener(leptos::ev::hashchange, move |_| {
        app.route.set(Route::parse(&current_hash()));
    });
    // The page language follows the switch, for screen readers and the crash banner.
    Effect::new(move |_| {
        let code = match app.lang.get() {
            Lang::Fr => "fr",
            Lang::En => "en",
        };
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", code);
        }
    });
    spawn_local(actions::start(app));

    let lang = app.lang;
    let tr = move |k: K| t(lang.get(), k);
    let on_lang = move |ev| {
        let l = if event_target_value(&ev) == "en" {
            Lang::En
        } else {
            Lang::Fr
        };
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
            <span class="tagline">{move || tr(K::AppTagline)}</span>
            <nav class="nav">
                <a href="#/" data-testid="nav-list" class:active=move || !is_settings()>
                    {move || tr(K::NavList)}
                </a>
                <a href="#/settings" data-testid="nav-settings" class:active=is_settings>
                    {move || tr(K::NavSettings)}
                </a>
                <label class="lang">
                    <span class="sr-only">{move || tr(K::Language)}</span>
                    <select data-testid="lang-switch" on:change=on_lang
                        prop:value=move || if lang.get() == Lang::En { "en" } else { "fr" }>
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
                    <p class="loading" data-testid="loading">{tr(K::Loading)}</p>
                }.into_any(),
                Phase::Failed(e) => view! {
                    <div class="banner banner-error" role="alert" data-testid="error-banner">
                        <p>{storage_text(lang.get(), &e)}</p>
                    </div>
                }.into_any(),
                Phase::Ready => view! { <Routed/> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Routed() -> impl IntoView {
    let app = expect_context::<AppState>();
    move || match app.route.get() {
        Route::List => view! { <ListPage/> }.into_any(),
        Route::New => view! { <FicheForm id=None/> }.into_any(),
        Route::Edit(id) => view! { <FicheForm id=Some(id)/> }.into_any(),
        Route::Fiche(id) => view! { <FichePage id=id/> }.into_any(),
        Route::Settings => view! { <SettingsPage/> }.into_any(),
    }
}

/// The dismissable message line under the header.
#[component]
fn Banner() -> impl IntoView {
    let app = expect_context::<AppState>();
    move || {
        app.notice.get().map(|n| {
            let lang = app.lang.get();
            let text = match &n {
                Notice::Storage(e) => storage_text(lang, e),
                Notice::Text(k) => t(lang, *k).to_string(),
                Notice::Crash => t(lang, K::Crash).to_string(),
            };
            view! {
                <div class="banner banner-error" role="alert" data-testid="error-banner">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| app.notice.set(None)>
                        {t(lang, K::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}
