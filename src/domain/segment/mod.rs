//! Segments: computed customer types and RFM scores, filters over every field, built-in and
//! saved segments, bulk actions. Pure and synchronous; the state layer runs it on the in-memory
//! file.
//!
//! # Use
//! Figures: 100,000 demo fiches, native release build on the shared 2-core machine
//! (`tests/native/segment_bench.rs`); expect wasm in a browser to be slower.
//! ```text
//! // When a fiche changes (the list's search reads it too); 2.7 µs a fiche, ~270 bytes:
//! record.text = FoldedText::new(&record.fiche);
//! // When the file, the day or the thresholds change: O(n), ~10 ms:
//! let stats = FileStats::new(records.iter().map(|r| &r.summary), today, thresholds);
//! let computed: Vec<Computed> = records.iter().map(|r| stats.compute(&r.summary)).collect();
//! // Per keystroke or condition change: O(n), 0.3 to 7 ms for typical filters:
//! let row = |(r, c)| Row { fiche: &r.fiche, summary: &r.summary, computed: c, text: &r.text };
//! let hits = records.iter().zip(&computed).map(row).filter(|&row| filter.matches(row, today));
//! // When the file or the day changes (the sidebar's counts), ~15 ms:
//! let counts = builtin_counts(records.iter().zip(&computed).map(row), today);
//! ```
//! Keep `computed` and the folded texts in vectors of their own rather than inside a large
//! record: a pass then reads small, contiguous items (a cache miss per fiche is most of its
//! cost).
//!
//! # API
//! - [`Thresholds`] (serde, with defaults: new 90 days, inactive 365 days, loyal 3 purchases in
//!   365 days) → [`FileStats::new`] → [`FileStats::compute`] gives a [`Computed`]: the
//!   [`CustomerType`] and, for buyers, an [`Rfm`] (1–5 each, quintiles of the file's buyers).
//! - [`Filter`] (`All` / `Any` / `Not` / `Cond`) of [`Condition`]s on text fields ([`TextOp`]:
//!   contains, equals, prefix, empty, not empty; accent- and case-insensitive), numbers
//!   ([`Range`] over [`NumField`], money in cents, age in years), dates ([`DateOp`]: between,
//!   last n days, anniversary month, empty), tags and interests ([`ListOp`]), consents, customer
//!   type, RFM, kind, status, sex, preferred channel and custom fields ([`CustomOp`]).
//!   [`Filter::matches`] tests one [`Row`]: the fiche, its summary, its [`Computed`] and its
//!   [`FoldedText`] (the text folded once per fiche change, so a pass never folds).
//! - [`BuiltinId`]: the sidebar's segments, stable ids, [`BuiltinId::filter`];
//!   [`builtin_counts`] counts them all in one pass.
//! - [`SavedSegment`]: a named filter, versioned JSON ([`SavedSegment::to_json`] /
//!   [`SavedSegment::from_json`]); [`to_url`] / [`from_url`]: the filter in the address bar.
//! - Bulk actions returning only the fiches they change: [`add_tag`], [`remove_tag`],
//!   [`set_status`], [`set_owner`]; [`mailing_list`]: consented e-mail addresses, deduplicated,
//!   with the reason each other fiche is left out.
//!
//! # Size
//! Measured with a probe calling all of the API from a wasm that already reads fiches with
//! serde_json (release, `wasm-opt -Oz`): about +100 KB raw, +41 KB gzip, +33 KB brotli, a third
//! of it the serde code of [`Filter`]. Every read goes through `serde_json::from_str`, so that
//! code is there once: store saved segments in `meta` as [`SavedSegment::to_json`] strings, not
//! through serde-wasm-bindgen, which would add a second copy.
//!
//! Customer types and the "purchases in a window" rule read
//! [`Summary::recent_purchases`](crate::domain::summary::Summary::recent_purchases).

mod builtin;
mod bulk;
mod computed;
mod draft;
mod filter;
pub mod list;
mod saved;
mod text;

pub use builtin::{builtin_counts, BuiltinId};
pub use bulk::{add_tag, mailing_list, remove_tag, set_owner, set_status, Mailing, Skip};
pub use computed::{Computed, CustomerType, FileStats, Rfm, RfmPart, Thresholds};
pub use draft::{build, fields, parts, Draft, Field, Group, Input, Line, Op};
pub use filter::{
    Condition, CustomOp, DateField, DateOp, Filter, ListField, ListOp, Needle, NumField, Range,
    Row, TextOp,
};
pub use saved::{from_url, to_url, SavedSegment, SegmentError, FORMAT};
pub use text::{FoldedText, TextField};
