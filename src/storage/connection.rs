//! Opening, closing and deleting the database.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use js_sys::{Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Event, IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbTransactionMode, IdbVersionChangeEvent,
};

use super::error::{from_js, Stage, StorageError};
use super::idb::{request_error, Tx};
use super::migrate;
use super::schema::{self, CACHE, FICHES, HISTORY, META, SCHEMA_VERSION};
use super::stamp::{new_stamp, put_stamp};

/// An open connection to one database. Every method runs in its own transaction and returns
/// once that transaction has committed (or reports why it did not).
///
/// When another tab asks for a newer version, or deletes the database, the connection closes
/// itself so as never to block it; later calls then fail with [`StorageError::NewerVersion`]
/// (or `Other` after a deletion), and the callback given to [`Db::on_closed`] is told at once.
pub struct Db {
    name: String,
    db: IdbDatabase,
    /// Why the connection was closed under us, when it was.
    closed: Rc<RefCell<Option<StorageError>>>,
    on_closed: Rc<RefCell<Option<ClosedCallback>>>,
    /// The stamp of the `fiches` store as this connection last knew it (read by `load`, written
    /// by its own commits); `None` once unknown. See `snapshot.rs`.
    pub(crate) known_stamp: Rc<RefCell<Option<String>>>,
    /// Set by [`Db::forget_stamp`], cleared by `load`.
    pub(crate) foreign_change: Cell<bool>,
    _on_version_change: Closure<dyn FnMut(IdbVersionChangeEvent)>,
    _on_close: Closure<dyn FnMut(Event)>,
}

impl fmt::Debug for Db {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Db").field("name", &self.name).finish()
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.set_onclose(None);
        self.db.close();
    }
}

type ClosedCallback = Box<dyn Fn(StorageError)>;

/// Records why the connection closed (the first reason wins) and tells the callback, once.
fn closed_under_us(
    closed: &RefCell<Option<StorageError>>,
    callback: &RefCell<Option<ClosedCallback>>,
    why: StorageError,
) {
    if closed.borrow().is_some() {
        return;
    }
    closed.borrow_mut().replace(why.clone());
    if let Some(f) = callback.borrow().as_ref() {
        f(why);
    }
}

impl Db {
    fn new(name: &str, db: IdbDatabase) -> Db {
        let closed = Rc::new(RefCell::new(None));
        let on_closed: Rc<RefCell<Option<ClosedCallback>>> = Rc::new(RefCell::new(None));
        let on_version_change = {
            let (closed, on_closed, db) = (Rc::clone(&closed), Rc::clone(&on_closed), db.clone());
            Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |e: IdbVersionChangeEvent| {
                let why = match e.new_version() {
                    Some(_) => StorageError::NewerVersion,
                    None => StorageError::Other("the database was deleted".into()),
                };
                db.close();
                closed_under_us(&closed, &on_closed, why);
            })
        };
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        // `close` fires when the browser itself drops the connection (site data cleared).
        let on_close = {
            let (closed, on_closed) = (Rc::clone(&closed), Rc::clone(&on_closed));
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                closed_under_us(&closed, &on_closed, StorageError::Closed { free: None });
            })
        };
        db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        Db {
            name: name.to_string(),
            db,
            closed,
            on_closed,
            known_stamp: Rc::new(RefCell::new(None)),
            foreign_change: Cell::new(false),
            _on_version_change: on_version_change,
            _on_close: on_close,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Calls `f` with the reason when the connection is closed under us (another tab upgrades or
    /// deletes the database, or the browser drops it), so the page can say that it must be
    /// reloaded instead of failing at the next write. Replaces an earlier callback.
    pub fn on_closed(&self, f: impl Fn(StorageError) + 'static) {
        self.on_closed.borrow_mut().replace(Box::new(f));
    }

    /// Closes the connection (as dropping the `Db` does), once running transactions are done.
    pub fn close(self) {}

    ///
    /// Every transaction that may write `fiches` also writes a new stamp into `cache`, so that a
    /// startup snapshot taken before it is known to be stale (`snapshot.rs`); nothing else has
    /// to remember it.
    pub(crate) fn tx(&self, stores: &[&str], mode: IdbTransactionMode) -> Result<Tx, StorageError> {
        let writes_fiches = mode == IdbTransactionMode::Readwrite && stores.contains(&FICHES);
        let mut names = stores.to_vec();
        if writes_fiches && !names.contains(&CACHE) {
            names.push(CACHE);
        }
        let mut tx =
            Tx::new(&self.db, &names, mode).map_err(|e| match self.closed.borrow().as_ref() {
                Some(why) => why.clone(),
                None => from_js(&e, Stage::Use),
            })?;
        if writes_fiches {
            let stamp = new_stamp();
            put_stamp(&tx, &stamp)?;
            let known = Rc::clone(&self.known_stamp);
            tx.on_commit(move || *known.borrow_mut() = Some(stamp));
        }
        Ok(tx)
    }
}

/// Opens (creating or upgrading as needed) the database `name`; the app uses `"carnet"`.
///
/// Fails with [`StorageError::NewerVersion`] for a database written by a newer Carnet,
/// [`StorageError::Blocked`] when an upgrade is needed but another tab keeps the old version
/// open, [`StorageError::Unavailable`] without usable IndexedDB.
pub async fn open(name: &str) -> Result<Db, StorageError> {
    let request = factory()?
        .open_with_u32(name, SCHEMA_VERSION)
        .map_err(|e| from_js(&e, Stage::Open))?;
    let upgrade = Rc::new(Upgrade::default());
    let on_upgrade = {
        let (upgrade, request) = (Rc::clone(&upgrade), request.clone());
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::once(move |_: IdbVersionChangeEvent| {
            upgrade.run(&request)
        })
    };
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let outcome = settled(&request).await;
    if outcome.as_ref().is_err_and(is_blocked) {
        // The request stays queued in the browser. When the other tab lets go, its upgrade runs
        // and aborts itself (see `Upgrade::run`), leaving the database as it was, so the closure
        // must outlive this call.
        upgrade.gave_up.set(true);
        on_upgrade.forget();
        return Err(StorageError::Blocked);
    }
    request.set_onupgradeneeded(None);
    drop(on_upgrade);
    if outcome.is_err() {
        let failure = upgrade.failure.borrow_mut().take();
        return Err(failure.unwrap_or_else(|| request_error(&request, Stage::Open)));
    }
    let db = request
        .result()
        .ok()
        .and_then(|db| db.dyn_into::<IdbDatabase>().ok())
        .ok_or_else(|| StorageError::Other("opening gave no database".into()))?;
    let db = Db::new(name, db);
    // On failure `db` is dropped here, which closes the connection.
    // Not through `Db::tx`: opening must not make the snapshot stale. The migration stamps
    // itself when it rewrites fiches.
    let stores = [FICHES, HISTORY, META, CACHE];
    let tx = Tx::new(&db.db, &stores, IdbTransactionMode::Readwrite)
        .map_err(|e| from_js(&e, Stage::Use))?;
    migrate::run(tx).await?;
    Ok(db)
}

/// Deletes the database `name` and everything in it. Open `Db`s on it close themselves. If a
/// connection elsewhere does not, this returns [`StorageError::Blocked`] and the deletion happens
/// when that connection closes.
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    let request = factory()?
        .delete_database(name)
        .map_err(|e| from_js(&e, Stage::Open))?;
    match settled(&request).await {
        Ok(_) => Ok(()),
        Err(e) if is_blocked(&e) => Err(StorageError::Blocked),
        Err(_) => Err(request_error(&request, Stage::Open)),
    }
}

/// The `indexedDB` of the global object (window or worker).
fn factory() -> Result<IdbFactory, StorageError> {
    // Reading the property throws where storage is forbidden; it is missing in some embeddings.
    Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .ok()
        .and_then(|f| f.dyn_into::<IdbFactory>().ok())
        .ok_or(StorageError::Unavailable)
}

/// Resolves on `success`; rejects with the event on `error` or `blocked`.
async fn settled(request: &IdbOpenDbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
        request.set_onblocked(Some(&reject));
    });
    JsFuture::from(promise).await
}

fn is_blocked(event: &JsValue) -> bool {
    event
        .dyn_ref::<Event>()
        .is_some_and(|e| e.type_() == "blocked")
}

/// Shared between `open` and its `upgradeneeded` handler.
#[derive(Default)]
struct Upgrade {
    /// `open` returned `Blocked`: an upgrade that comes later must not happen behind its back.
    gave_up: Cell<bool>,
    /// Why the upgrade was aborted, for `open` to report.
    failure: RefCell<Option<StorageError>>,
}

impl Upgrade {
    fn run(&self, request: &IdbOpenDbRequest) {
        // Always there during `upgradeneeded`.
        let Some(tx) = request.transaction() else {
            return;
        };
        if self.gave_up.get() {
            let _ = tx.abort();
            return;
        }
        let result = match request.result().map(|db| db.dyn_into::<IdbDatabase>()) {
            Ok(Ok(db)) => schema::declare(&db, &tx),
            _ => Err(StorageError::Other("upgrade without a database".into())),
        };
        if let Err(e) = result {
            self.failure.borrow_mut().replace(e);
            let _ = tx.abort();
        }
    }
}
