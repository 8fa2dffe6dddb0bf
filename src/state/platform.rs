//! What the app asks of the browser besides IndexedDB: the service worker (offline use and
//! updates) and the storage manager (persistence, usage). The JavaScript side is
//! `pwa/platform.js`; every call here is safe where the browser lacks the feature.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::AppState;

#[wasm_bindgen(module = "/pwa/platform.js")]
extern "C" {
    fn register_worker(on_update: &Closure<dyn FnMut()>);
    #[wasm_bindgen(js_name = apply_update)]
    fn apply_update_js();
    async fn persist_storage() -> JsValue;
    async fn storage_info() -> JsValue;
    fn set_crash_texts(message: &str, reload: &str);
    #[wasm_bindgen(js_name = show_crash)]
    fn show_crash_js();
}

/// Draws the crash banner (the module is going down).
pub fn show_crash() {
    show_crash_js();
}

/// Hands the crash banner its texts, in the language now shown.
pub fn crash_texts(message: &str, reload: &str) {
    set_crash_texts(message, reload);
}

/// What the browser says about the site's storage.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StorageInfo {
    /// Bytes used by this site (IndexedDB, the app's cache…).
    pub usage: Option<f64>,
    /// Bytes this site may use at most.
    pub quota: Option<f64>,
    /// Whether the browser keeps the data even when space runs short.
    pub persisted: Option<bool>,
}

/// Registers the service worker; `app.update_ready` turns true when a new version waits.
pub fn start_worker(app: AppState) {
    let on_update = Closure::<dyn FnMut()>::new(move || app.update_ready.set(true));
    register_worker(&on_update);
    // Called for as long as the page lives.
    on_update.forget();
}

/// Switches to the waiting version and reloads the page.
pub fn apply_update() {
    apply_update_js();
}

/// Asks once that the file not be evicted under storage pressure; whether it is granted.
pub async fn persist() -> bool {
    persist_storage().await.as_bool().unwrap_or(false)
}

/// Usage, quota and persistence; `None` where the browser does not tell.
pub async fn storage() -> Option<StorageInfo> {
    let info = storage_info().await;
    if !info.is_object() {
        return None;
    }
    let field = |name: &str| js_sys::Reflect::get(&info, &JsValue::from_str(name)).ok();
    Some(StorageInfo {
        usage: field("usage").and_then(|v| v.as_f64()),
        quota: field("quota").and_then(|v| v.as_f64()),
        persisted: field("persisted").and_then(|v| v.as_bool()),
    })
}

/// Resolves in a task of its own, after what the page has queued (input, rendering).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the page has painted what was changed before the call (the next animation
/// frame, then a task after it): long synchronous work started then does not hide a status
/// line set just before it.
pub async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    next_task().await;
}
