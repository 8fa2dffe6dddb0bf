//! Carnet: a private customer file that lives in the browser.
//!
//! Layers, data flowing one way: `ui` renders and dispatches to `state`, which keeps the file in
//! memory and writes through `storage` (the only IndexedDB user); `domain` is pure Rust.

pub mod domain;
pub mod i18n;
pub mod state;
pub mod storage;
pub mod ui;
