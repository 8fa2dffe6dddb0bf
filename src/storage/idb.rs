//! IndexedDB requests and transactions as futures, over plain web-sys.
//!
//! Each future is a JS promise whose `resolve`/`reject` are installed as the event handlers
//! *when the future is created*, in the same turn as the request. So a request can be issued,
//! the future kept, and awaited later without missing its event; and no Rust closure is left
//! for the browser to call after it was dropped.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbIndex, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode,
};

use super::error::{classify, from_js, Stage, StorageError};

/// A request whose outcome will be awaited.
pub(crate) struct Pending {
    request: IdbRequest,
    done: JsFuture,
}

/// Starts watching a request just issued (the `Result` is what web-sys returns for the call).
pub(crate) fn pending(request: Result<IdbRequest, JsValue>) -> Result<Pending, StorageError> {
    let request = request.map_err(|e| from_js(&e, Stage::Use))?;
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    Ok(Pending {
        request,
        done: JsFuture::from(promise),
    })
}

impl Pending {
    /// The request's result. A failed request also aborts its transaction (its error event is
    /// not cancelled), which is what every caller here wants: all or nothing.
    pub(crate) async fn result(self) -> Result<JsValue, StorageError> {
        match self.done.await {
            Ok(_) => self.request.result().map_err(|e| from_js(&e, Stage::Use)),
            Err(_) => Err(request_error(&self.request, Stage::Use)),
        }
    }
}

/// The error of a request that fired `error`. A request that failed only because an earlier
/// one (issued without being awaited) aborted the transaction reports `AbortError`; the
/// transaction's error then names the real cause (a key already stored, a full disk).
pub(crate) fn request_error(request: &IdbRequest, stage: Stage) -> StorageError {
    match request.error() {
        Ok(Some(e)) => {
            let cause = (e.name() == "AbortError")
                .then(|| request.transaction().and_then(|tx| tx.error()))
                .flatten()
                .filter(|cause| cause.name() != "AbortError");
            let e = cause.unwrap_or(e);
            classify(&e.name(), &e.message(), stage)
        }
        Ok(None) => StorageError::Other("request failed without an error".into()),
        Err(e) => from_js(&e, stage),
    }
}

/// Issues a request whose outcome is only seen through the transaction's commit (bulk writes:
/// awaiting each of 100k puts would cost a round trip each).
pub(crate) fn fire(request: Result<IdbRequest, JsValue>) -> Result<(), StorageError> {
    request.map(drop).map_err(|e| from_js(&e, Stage::Use))
}

pub(crate) fn index(store: &IdbObjectStore, name: &str) -> Result<IdbIndex, StorageError> {
    store.index(name).map_err(|e| from_js(&e, Stage::Use))
}

/// Sets `field` of a JS object (a record being built).
pub(crate) fn set(
    target: &js_sys::Object,
    field: &str,
    value: &JsValue,
) -> Result<(), StorageError> {
    js_sys::Reflect::set(target, &JsValue::from_str(field), value)
        .map(drop)
        .map_err(|e| from_js(&e, Stage::Use))
}

pub(crate) fn key(id: &str) -> JsValue {
    JsValue::from_str(id)
}

/// The array of values a `getAll`/`getAllKeys` request returns.
pub(crate) fn array(value: JsValue) -> Result<Array, StorageError> {
    value
        .dyn_into::<Array>()
        .map_err(|_| StorageError::Other("getAll did not return an array".into()))
}

/// One transaction. Every storage call opens its own, issues its requests back to back (awaiting
/// only IndexedDB requests in between, so it stays active) and ends it with [`Tx::finish`].
pub(crate) struct Tx {
    inner: IdbTransaction,
    /// Run once the transaction has committed (see `Db::tx`: recording the snapshot stamp).
    on_commit: Option<Box<dyn FnOnce()>>,
}

impl Tx {
    pub(crate) fn new(
        db: &IdbDatabase,
        stores: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<Tx, JsValue> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        db.transaction_with_str_sequence_and_mode(&names, mode)
            .map(|inner| Tx {
                inner,
                on_commit: None,
            })
    }

    pub(crate) fn on_commit(&mut self, f: impl FnOnce() + 'static) {
        self.on_commit = Some(Box::new(f));
    }

    pub(crate) fn store(&self, name: &str) -> Result<IdbObjectStore, StorageError> {
        self.inner
            .object_store(name)
            .map_err(|e| from_js(&e, Stage::Use))
    }

    /// On `Ok`, waits until the transaction has committed, so the caller only reports what is on
    /// disk; on `Err`, aborts it so nothing of it is kept. Await this straight after the last
    /// request is issued: the listeners are attached here, and a transaction that completed
    /// before would never be seen.
    pub(crate) async fn finish<T>(
        self,
        result: Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        match result {
            Ok(value) => Self::committed(self.inner, self.on_commit)
                .await
                .map(|()| value),
            Err(e) => {
                // Throws if a failed request already aborted it: nothing more to undo then.
                let _ = self.inner.abort();
                Err(e)
            }
        }
    }

    /// Not generic, unlike `finish`, so this code is compiled once.
    async fn committed(
        tx: IdbTransaction,
        on_commit: Option<Box<dyn FnOnce()>>,
    ) -> Result<(), StorageError> {
        let promise = Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onabort(Some(&reject));
        });
        match JsFuture::from(promise).await {
            Ok(_) => {
                if let Some(f) = on_commit {
                    f();
                }
                Ok(())
            }
            // The reason of an abort is on the transaction; Chromium reports a full disk only
            // here, at commit, after every request succeeded.
            Err(_) => Err(match tx.error() {
                Some(e) => classify(&e.name(), &e.message(), Stage::Use),
                None => StorageError::Other("the transaction was aborted".into()),
            }),
        }
    }
}
