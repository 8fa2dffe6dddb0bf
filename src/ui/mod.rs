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
