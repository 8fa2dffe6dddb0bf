//! Files between the user's disk and the page: reading a picked or dropped file, offering a
//! download. Nothing here leaves the device: a download is a blob URL of this page.

use leptos::prelude::Set;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::K;
use crate::state::{AppState, Notice};

/// The bytes of a file the user picked or dropped.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the file could not be read".into())
    })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file of an `<input type=file>` change event.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0);
    // Picking the same file again must fire `change` again.
    input.set_value("");
    file
}

/// The first file of a drop event.
pub fn dropped_file(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()?.files()?.get(0)
}

/// Offers `bytes` as a download named `name`. A refusal (the browser could not hold the file)
/// is said in the banner rather than lost: the user would wait for a file that never comes.
pub fn download(app: AppState, name: &str, mime: &str, bytes: &[u8]) {
    if offer(name, mime, bytes).is_err() {
        app.notice.set(Some(Notice::Text(K::DownloadRefused)));
    }
}

fn offer(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_string();
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name with today's date: `carnet-2026-11-25.json`.
pub fn dated_name(stem: &str, ext: &str) -> String {
    format!(
        "{stem}-{}.{ext}",
        crate::domain::dates::iso_date(crate::state::clock::today())
    )
}
