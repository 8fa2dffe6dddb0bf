//! Helpers every browser test module may use.

use chrono::{DateTime, Utc};
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// A database name of its own for each test (`test` says which in the browser's storage).
pub fn db_name(test: &str) -> String {
    format!("carnet-test-{test}-{}", uuid::Uuid::new_v4())
}

pub fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn storage_manager() -> JsValue {
    let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).unwrap();
    Reflect::get(&navigator, &"storage".into()).unwrap()
}

/// `navigator.storage.estimate` answering `usage` and `quota` for as long as this lives (the
/// tests share one page: the original comes back when it is dropped, a failed test included).
pub struct FakeEstimate(JsValue);

impl FakeEstimate {
    pub fn new(usage: f64, quota: f64) -> FakeEstimate {
        let storage = storage_manager();
        let original = Reflect::get(&storage, &"estimate".into()).unwrap();
        let fake = js_sys::Function::new_no_args(&format!(
            "return Promise.resolve({{ usage: {usage}, quota: {quota} }});"
        ));
        Reflect::set(&storage, &"estimate".into(), &fake).unwrap();
        FakeEstimate(original)
    }
}

impl Drop for FakeEstimate {
    fn drop(&mut self) {
        let _ = Reflect::set(&storage_manager(), &"estimate".into(), &self.0);
    }
}
