//! The interface: leptos components that render state and dispatch actions. Never touches
//! storage directly.

mod app;
mod crash;
mod demo;
mod fiche_page;
mod fileio;
mod files;
mod form;
mod inputs;
mod list;
mod segments;
mod settings;
mod timeline;

pub use app::App;

/// Starts the app in the page: panic banner first, then the component tree.
pub fn mount() {
    crash::install_panic_hook();
    leptos::mount::mount_to_body(App);
}

/// A text that follows the language switch. One closure type for every key, so the view code
/// that renders it is compiled once, not once per `move || t(lang.get(), K::…)` closure (each of
/// those is a type of its own, with its own copy of the text-node code in the wasm).
pub(crate) fn tx(k: crate::i18n::K) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = crate::state::use_app().lang;
    move || crate::i18n::t(leptos::prelude::Get::get(&lang), k)
}
