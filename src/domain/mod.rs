//! Pure Rust: records, rules and computations. No browser types here, so all of it is tested
//! natively with `cargo test`.

pub mod analytics;
pub mod codec;
pub mod custom_field;
pub mod dates;
pub mod demo;
pub mod fiche;
pub mod field_removal;
pub mod file;
pub mod history;
pub mod lang;
pub mod money;
pub mod phone;
pub mod safety;
pub mod search;
pub mod segment;
pub mod sort;
pub mod summary;
pub mod validate;
