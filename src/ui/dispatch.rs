//! How a component acts: [`go`] to another page, [`run`] an action whose failure goes to the
//! banner. A leaf, so that pages need not import the frame or each other for it.

use leptos::task::spawn_local;

use crate::state::{AppError, AppState, Route};

/// Goes to `route` through the URL, so the back button and reload follow.
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.to_hash());
    }
}

/// Runs an async action and shows its failure in the banner.
pub fn run<F>(app: AppState, fut: F)
where
    F: std::future::Future<Output = Result<(), AppError>> + 'static,
{
    spawn_local(async move {
        if let Err(e) = fut.await {
            app.report(e);
        }
    });
}
