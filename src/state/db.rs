//! The database handle of the app, set once the file has opened: a leaf that every state module
//! reads, so that none of them has to import the actions that set it.

use std::cell::RefCell;
use std::rc::Rc;

use super::AppError;
use crate::storage::{Db, StorageError};

/// The database of the app; tests of the storage layer use their own names.
pub const DB_NAME: &str = "carnet";

thread_local! {
    // The browser runs the app on one thread; the handle is not `Send`, so it lives here
    // rather than in a signal.
    static DB: RefCell<Option<Rc<Db>>> = const { RefCell::new(None) };
}

/// The open database; [`StorageError::Unavailable`] before it has opened (or if it never did).
pub fn db() -> Result<Rc<Db>, AppError> {
    DB.with(|d| d.borrow().clone())
        .ok_or(AppError::Storage(StorageError::Unavailable))
}

/// Keeps the database that has just opened (the app at start; the state tests, their own).
pub fn set_db(db: Db) {
    DB.with(|d| *d.borrow_mut() = Some(Rc::new(db)));
}
