//! Room on disk before a large write, checked before the transaction opens, so that an import or
//! a restore that cannot fit is refused with figures instead of filling the disk (where Chromium
//! may then discard the whole database it finds damaged). The browser's estimate is asked first
//! (it is cheap, and truthful in some browsers); then the room is probed for real (`room.js`),
//! since Chromium's estimate says "usage + 1 GiB" on a disk with a few megabytes left.

use js_sys::{Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::error::StorageError;
use crate::domain::safety::{disk_need, json_size, room, Room, WRITE_MARGIN};

#[wasm_bindgen(module = "/src/storage/room.js")]
extern "C" {
    async fn probe_room(bytes: f64) -> JsValue;
}

/// What `navigator.storage.estimate()` says, in bytes: (usage, quota), each `None` where the
/// browser does not tell.
pub async fn estimate() -> (Option<f64>, Option<f64>) {
    let Some(promise) = estimate_promise() else {
        return (None, None);
    };
    let Ok(value) = JsFuture::from(promise).await else {
        return (None, None);
    };
    let field = |name: &str| {
        Reflect::get(&value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    (field("usage"), field("quota"))
}

fn estimate_promise() -> Option<Promise> {
    let navigator = Reflect::get(&js_sys::global(), &JsValue::from_str("navigator")).ok()?;
    let storage = Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    let estimate = Reflect::get(&storage, &JsValue::from_str("estimate"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    estimate.call0(&storage).ok()?.dyn_into::<Promise>().ok()
}

/// The free space the browser reports (quota minus usage), if it tells.
pub async fn free_space() -> Option<u64> {
    match estimate().await {
        (Some(usage), Some(quota)) if quota.is_finite() && usage.is_finite() && quota > 0.0 => {
            Some((quota - usage).max(0.0) as u64)
        }
        _ => None,
    }
}

/// Refuses with [`StorageError::NoRoom`] a write of about `json_bytes` of records that would
/// not fit with its margin; lets it through where the browser can tell neither way.
pub async fn ensure_room(json_bytes: u64) -> Result<(), StorageError> {
    ensure_free(disk_need(json_bytes), json_bytes >= PROBE_FROM).await
}

/// Writes smaller than this are not probed (only the estimate is asked): a bulk edit of a few
/// fiches would otherwise write its margin, 16 MB, to disk each time. The full disk that
/// damages a database comes from a large write.
const PROBE_FROM: u64 = 1024 * 1024;

/// The same for one value written as it is (the startup snapshot: no index, no undo record, one
/// copy): its size and the margin.
pub async fn ensure_room_for_value(bytes: u64) -> Result<(), StorageError> {
    ensure_free(bytes.saturating_add(WRITE_MARGIN), bytes >= PROBE_FROM).await
}

async fn ensure_free(need: u64, probe: bool) -> Result<(), StorageError> {
    let (usage, quota) = estimate().await;
    if let Room::Short { need, free } = room(need, usage, quota) {
        return Err(StorageError::NoRoom {
            need,
            free: Some(free),
        });
    }
    if probe && probe_room(need as f64).await.as_bool() == Some(false) {
        // How much is left is not known: the estimate was the browser's, and wrong.
        return Err(StorageError::NoRoom { need, free: None });
    }
    Ok(())
}

/// The JSON size of the records a large write will put.
pub fn records_size<A: Serialize, B: Serialize>(a: &[A], b: &[B]) -> u64 {
    json_size(a) + json_size(b)
}
