//! The native tests of the domain, in one test binary (one link step instead of one per file):
//! a module per theme and file, codec (CSV, vCard, JSON backup), domain (records, validation,
//! search, sort, summaries, demo data) and segment (types, RFM, filters, saved segments, bulk
//! actions), with the builders they share. Run one file's tests with its module as the filter:
//! `cargo test --test native codec_vcard::`. The benchmarks are `#[ignore]`d tests, run by hand
//! in release: `cargo test --release --test native segment_bench -- --ignored --nocapture`.
//!
//! proptest keeps its regression seeds in `tests/proptest-regressions/<module>.txt`: its default
//! (`FileFailurePersistence::SourceParallel`) finds this folder's `main.rs` and looks beside it.
// Native only: proptest, for one, does not build for wasm32.
#![cfg(not(target_arch = "wasm32"))]

mod analytics_support;
mod codec_support;
mod segment_support;
mod support;

mod analytics_bench;
mod analytics_campaigns;
mod analytics_cohorts;
mod analytics_deciles;
mod analytics_kpis;
mod analytics_log;
mod analytics_loyalty;
mod analytics_makeup;
mod analytics_migrations;
mod analytics_period;

mod codec_backup;
mod codec_bench;
mod codec_csv_read;
mod codec_fuzz;
mod codec_import;
mod codec_roundtrip;
mod codec_values;
mod codec_vcard;

mod domain_demo;
mod domain_money_phone;
mod domain_search;
mod domain_sort;
mod domain_summary;
mod domain_validate;

mod segment_bench;
mod segment_bulk;
mod segment_draft;
mod segment_filter;
mod segment_saved;
mod segment_types;
