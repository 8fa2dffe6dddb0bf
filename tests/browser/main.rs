//! The browser tests, in one wasm test binary (one link step and one headless Chromium
//! instead of one per file): the storage layer against real IndexedDB, with
//! wasm-bindgen-test. Each test has its own database and deletes it. Run them with
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target
//! wasm32-unknown-unknown --test browser` (what scripts/test.sh does); one module's tests
//! with its path as the filter: `... --test browser -- snapshot::`. Natively this crate is
//! empty.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod import_support;
mod support;

mod backup;
mod bulk;
mod corrupt;
mod history;
mod history_log;
mod import;
mod migration;
mod segments;
mod snapshot;
mod state;
mod storage;
mod tabs;
