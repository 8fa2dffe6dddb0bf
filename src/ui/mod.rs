//! The interface: leptos components that render state and dispatch actions. Never touches
//! storage directly.

mod analytics;
mod app;
mod columns;
mod crash;
mod demo;
mod device_files;
mod dispatch;
mod fiche_page;
mod form;
mod import_export;
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

/// The text of `key`, following the language: the one way a component shows a text without
/// placeholders (texts with data are `move || tf/tn(lang.get(), ...)`, see `i18n`). One closure
/// type for every static text on every page: a `move || t(lang.get(), key)` written in place is
/// a new type each time, and leptos compiles its reactive rendering again for each (about half
/// a kilobyte of wasm apiece).
pub(crate) fn tx(
    lang: leptos::prelude::RwSignal<crate::i18n::Lang>,
    key: crate::i18n::K,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use leptos::prelude::Get;
    move || crate::i18n::t(lang.get(), key)
}
