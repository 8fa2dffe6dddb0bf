//! Files in and out: pure functions from bytes to reports and from records to bytes. No
//! storage and no UI here; the caller reads the file, shows the plan, and writes what the plan
//! says in one transaction.
//!
//! # Importing fiches (CSV, vCard)
//! 1. [`csv_read::read_table`] (or let [`csv_import::plan_import`] do it): bytes are decoded
//!    ([`text::decode`]: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252; empty,
//!    binary and >50 MB files are refused with a [`text::TextError`]), the delimiter (`,` `;`
//!    tab, or Excel's `sep=` line) is detected, and rows come with their physical line numbers.
//! 2. [`mapping::Mapping::auto`] guesses where each column goes from its header (French and
//!    English synonyms; Google Contacts, Outlook, HubSpot, Dolibarr and Carnet's own layouts).
//!    The UI may edit `targets` and save the mapping in `meta` ([`json_backup::Meta`]);
//!    [`mapping::find_saved`] offers it again for a file with the same header signature.
//! 3. [`csv_import::plan_import`] (CSV) or [`vcard::plan_vcard_import`] (vCard 3.0/4.0) read
//!    every record into a candidate fiche and run [`plan::plan_candidates`]: duplicates by
//!    Carnet id, external id, e-mail or phone against the existing fiches (the user's
//!    [`plan::OnMatch`]: update, create or skip) and inside the file (merged and reported).
//!    The [`plan::FichePlan`] gives each row's [`plan::Outcome`], the counts, the
//!    [`plan::RowError`]s (line, column, value, problem), the fiches to create and to update,
//!    and the stored versions the updates replace (`replaced`, for "undo last import"). Nothing
//!    panics on any input: problems are data.
//! 4. [`csv_import::report_csv`] turns the problems into a CSV to download.
//!
//! Values a field cannot take (an invalid e-mail, a date that does not parse, an unknown
//! civility) are reported and kept in the fiche's notes as `<column>: <value>`, so an import
//! never drops text; only a row with no name at all is invalid. Phones are stored as written
//! (as the form does) and compared normalised. Updates fill empty fields and add phones,
//! e-mails, addresses, tags and notes; they never remove anything.
//!
//! # Importing history
//! [`csv_import::plan_history_import`]: a till or invoicing CSV (fiche key, date, amount,
//! label, kind) to [`HistoryEntry`](super::history::HistoryEntry)s of the matching fiches;
//! unmatched and invalid rows are reported.
//!
//! # Exporting
//! - [`csv_write::export_csv`]: chosen [`csv_write::Column`]s in the French Excel variant
//!   (`;`, BOM, CRLF, comma decimals, dd/mm/yyyy) or the standard one (`,`, ISO dates, dot
//!   decimals). Cells a spreadsheet would run as a formula are prefixed with `'` (OWASP);
//!   importing strips that quote again ([`values::unneutralise`]), so a Carnet export imports
//!   back to the same fiches for every field CSV carries (all but consents, timestamps and
//!   versions).
//! - [`json_backup::export_backup`] / [`json_backup::parse_backup`] /
//!   [`json_backup::merge_backup`]: the whole file in one versioned envelope, validated
//!   completely before use; lossless.
//! - [`json_backup::person_export`]: one person's data (GDPR access and portability).
//! - [`vcard::export_vcards`]: vCard 4.0.
//!
//! Ids for new fiches and entries come from a `new_id` callback (`uuid` v4 in the app), so
//! plans are deterministic in tests.

pub mod csv_import;
pub mod csv_read;
pub mod csv_write;
pub mod json_backup;
pub mod mapping;
pub mod plan;
pub mod text;
pub mod values;
pub mod vcard;
