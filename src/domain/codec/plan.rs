//! From candidate fiches (CSV rows, vCards) to what an import would write: duplicates found,
//! updates merged, every row's outcome counted. Shared by every importer, so a vCard and a CSV
//! row follow the same rules.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::super::custom_field::CustomFieldDef;
use super::super::fiche::{Fiche, Labelled, Status};
use super::super::phone::normalize_phone;
use super::super::search::fold;
use super::super::validate::{validate_fiche, Problem};

/// A fiche read from one record of a file, before duplicates are looked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// 1-based line where the record starts.
    pub line: u64,
    /// The fiche as read; its id is empty unless the file carried a Carnet id.
    pub fiche: Fiche,
    /// Where the fiche's values came from, so that a value [`validate_fiche`] refuses is
    /// reported at its column.
    pub origins: Origins,
}

/// The column (header or vCard property) and the value as read that a field of a candidate
/// came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The field's path in [`validate_fiche`]'s errors ("first_name", "emails.0"…); an
    /// address part as "address-slot.<slot>.<part>" (see [`Origins::find`]).
    pub path: String,
    pub column: String,
    pub value: String,
}

/// Where a candidate's values came from. Readers note only what a check may refuse: the
/// values the notes fallback moves (dates, amounts, website, postal codes) and the texts long
/// enough to pass a length limit ([`could_be_too_long`]), so that a file of ordinary values
/// costs no copy of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    list: Vec<Origin>,
    /// The reader's slot of each of the fiche's addresses, in order (empty ones are dropped,
    /// so an address's index is known only once the fiche is complete).
    address_slots: Vec<u8>,
}

impl Origins {
    pub fn push(&mut self, path: String, column: &str, value: &str) {
        self.list.push(Origin {
            path,
            column: column.to_string(),
            value: value.to_string(),
        });
    }

    /// The fiche's next address comes from the reader's `slot`.
    pub fn push_address(&mut self, slot: u8) {
        self.address_slots.push(slot);
    }

    /// Where the value of the field at `path` came from. When several columns filled it (a
    /// street and its second line, a first and a middle name) the longest value is named: the
    /// one a length limit refuses.
    pub fn find(&self, path: &str) -> Option<&Origin> {
        let by_slot;
        let path = match path
            .strip_prefix("addresses.")
            .and_then(|r| r.split_once('.'))
        {
            Some((i, part)) => {
                let slot = self.address_slots.get(i.parse::<usize>().ok()?)?;
                by_slot = format!("address-slot.{slot}.{part}");
                by_slot.as_str()
            }
            None => path,
        };
        self.list
            .iter()
            .filter(|o| o.path == path)
            .max_by_key(|o| o.value.len())
    }
}

/// Whether a value read for a field limited to `max` characters may make it too long, when the
/// field joins up to `pieces` values with a separator (a first and a middle name, street lines).
/// Bytes are at least characters, so a value whose bytes stay under its share cannot.
pub fn could_be_too_long(value: &str, max: usize, pieces: usize) -> bool {
    (value.len() + 1) * pieces > max
}

/// A value as a problem row shows it: whole unless it is very long (a 100,000-character paste
/// refused for its length), then its first 60 characters and "…".
pub fn shown_value(value: &str) -> String {
    const SHOWN: usize = 60;
    match value.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

/// What is wrong with one value (or one row, when `column` is empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportProblem {
    /// A rule of [`validate_fiche`] or a value that does not parse (date, amount, e-mail…).
    Invalid(Problem),
    /// A civility, status, kind, sex, channel or yes/no that is none of the known words.
    UnknownValue,
    /// A birthday without its year.
    NoYear,
    /// The row has `found` values where the header has `expected` columns.
    Ragged { expected: usize, found: usize },
    /// Same person as the row starting at this line; merged into it.
    DuplicateInFile { line: u64 },
    /// A history row whose fiche is in neither the file nor the import.
    NoMatchingFiche,
    /// A history row without a date.
    DateRequired,
    /// A history kind that is none of the known words.
    UnknownKind,
}

impl ImportProblem {
    /// A stable code for files and tests ("invalid_email", "no_year", "ragged:3/5"…).
    pub fn code(self) -> String {
        match self {
            ImportProblem::Invalid(Problem::TooLong { max }) => format!("too_long:{max}"),
            // "InvalidEmail" -> "invalid_email", "NameRequired" -> "name_required".
            ImportProblem::Invalid(p) => {
                let mut out = String::new();
                for c in format!("{p:?}").chars() {
                    if c.is_ascii_uppercase() && !out.is_empty() {
                        out.push('_');
                    }
                    out.push(c.to_ascii_lowercase());
                }
                out
            }
            ImportProblem::UnknownValue => "unknown_value".into(),
            ImportProblem::NoYear => "no_year".into(),
            ImportProblem::Ragged { expected, found } => {
                format!("ragged:{found}/{expected}")
            }
            ImportProblem::DuplicateInFile { line } => format!("duplicate_of_line:{line}"),
            ImportProblem::NoMatchingFiche => "no_matching_fiche".into(),
            ImportProblem::DateRequired => "date_required".into(),
            ImportProblem::UnknownKind => "unknown_kind".into(),
        }
    }
}

/// A problem found in a file. Values that could not be stored in their field are kept in the
/// fiche's notes as `<column>: <value>` (`kept_in_notes`), so an import never loses text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    /// The header of the column, or the vCard property; empty for the whole row.
    pub column: String,
    pub value: String,
    pub problem: ImportProblem,
    pub kept_in_notes: bool,
}

/// What to do with a row that matches a fiche already in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnMatch {
    /// Fill the fiche's empty fields and add new phones, e-mails, addresses and tags.
    #[default]
    Update,
    /// Create a new fiche anyway.
    Create,
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOptions {
    pub on_match: OnMatch,
    /// The user's local date: birth and first-contact dates may not be after it.
    pub today: NaiveDate,
    /// Stamped on created fiches.
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Create {
        id: String,
    },
    Update {
        id: String,
    },
    /// Matches this existing fiche and the user chose to skip matches.
    Skip {
        id: String,
    },
    /// Matches this fiche, which already holds everything the row says.
    Unchanged {
        id: String,
    },
    /// Same person as an earlier row of the file (see [`ImportProblem::DuplicateInFile`]).
    Merged {
        line: u64,
    },
    /// Cannot make a valid fiche (no name at all); see the errors for this line.
    Invalid,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowOutcome {
    pub line: u64,
    pub outcome: Outcome,
}

/// The result of planning: nothing is written yet. `to_create` are new fiches (version 0);
/// `to_update` are existing fiches with the imported data merged in, still at their stored
/// `version` and `updated_at` (the save path bumps them, as for any edit); `replaced` keeps
/// their stored versions for an undo.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FichePlan {
    pub rows: Vec<RowOutcome>,
    pub errors: Vec<RowError>,
    pub to_create: Vec<Fiche>,
    pub to_update: Vec<Fiche>,
    /// The stored fiches `to_update` replaces, in the same order: what "undo last import"
    /// writes back (and `to_create`'s ids are what it deletes).
    pub replaced: Vec<Fiche>,
}

impl FichePlan {
    /// Puts the reader's problems (`read`) with the plan's own, in line order.
    pub fn with_read_errors(mut self, mut read: Vec<RowError>) -> FichePlan {
        read.append(&mut self.errors);
        read.sort_by_key(|e| e.line);
        self.errors = read;
        self
    }

    fn count(&self, f: fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|r| f(&r.outcome)).count()
    }
    pub fn created(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Create { .. }))
    }
    pub fn updated(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Update { .. }))
    }
    /// Skipped by choice, unchanged, or merged into an earlier row.
    pub fn skipped(&self) -> usize {
        self.count(|o| {
            matches!(
                o,
                Outcome::Skip { .. } | Outcome::Unchanged { .. } | Outcome::Merged { .. }
            )
        })
    }
    pub fn invalid(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Invalid))
    }
}

/// Where a matched fiche lives while planning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Existing(usize),
    Updated(usize),
    /// A fiche created by this import, with the line of its row.
    Created(usize, u64),
}

/// The keys a fiche is recognised by: its id, external ids, e-mails (lowercase) and phones
/// (normalised).
fn keys(f: &Fiche) -> Vec<String> {
    let mut out = Vec::new();
    if !f.id.is_empty() {
        out.push(format!("i\u{1f}{}", f.id));
    }
    out.extend(
        f.external_ids
            .iter()
            .map(|(s, v)| format!("x\u{1f}{s}\u{1f}{v}")),
    );
    out.extend(
        f.emails
            .iter()
            .map(|e| format!("e\u{1f}{}", e.value.trim().to_lowercase())),
    );
    out.extend(
        f.phones
            .iter()
            .filter_map(|p| normalize_phone(&p.value).ok())
            .map(|p| format!("p\u{1f}{p}")),
    );
    out
}

/// A shared phone number (a family's landline, a shop's switchboard) is only the same person
/// when the last names do not disagree.
fn names_agree(a: &Fiche, b: &Fiche) -> bool {
    let (x, y) = (fold(a.last_name.trim()), fold(b.last_name.trim()));
    x.is_empty() || y.is_empty() || x == y
}

/// Plans the import of candidates against the fiches already in the file.
///
/// A candidate is the same person as a fiche (existing, or from an earlier row) when they share
/// the Carnet id, an external id, an e-mail, or a phone number with compatible last names; keys
/// are tried in that order. Rows matching an existing fiche follow `opts.on_match`; rows
/// matching an earlier row are merged into it and reported. Candidates that fail
/// [`validate_fiche`] are `Invalid` (readers already moved bad values to the notes, so this is
/// in practice a row without any name, or with a value too long for its field).
pub fn plan_candidates(
    candidates: Vec<Candidate>,
    existing: &[&Fiche],
    defs: &[CustomFieldDef],
    opts: &ImportOptions,
    new_id: &mut dyn FnMut() -> String,
) -> FichePlan {
    let mut index: HashMap<String, Slot> = HashMap::with_capacity(existing.len() * 3);
    for (i, f) in existing.iter().enumerate() {
        for k in keys(f) {
            index.entry(k).or_insert(Slot::Existing(i));
        }
    }
    let mut plan = FichePlan::default();
    for Candidate {
        line,
        fiche,
        origins,
    } in candidates
    {
        let problems = validate_fiche(&fiche, defs, opts.today);
        if !problems.is_empty() {
            // At the value's column when it came from one; else (no name at all) the field.
            plan.errors.extend(problems.into_iter().map(|e| {
                let origin = origins.find(&e.field);
                RowError {
                    line,
                    column: origin.map(|o| o.column.clone()).unwrap_or_default(),
                    value: origin.map_or(e.field, |o| shown_value(&o.value)),
                    problem: ImportProblem::Invalid(e.problem),
                    kept_in_notes: false,
                }
            }));
            plan.rows.push(RowOutcome {
                line,
                outcome: Outcome::Invalid,
            });
            continue;
        }
        let found = keys(&fiche).into_iter().find_map(|k| {
            let slot = *index.get(&k)?;
            let other = match slot {
                Slot::Existing(i) => existing[i],
                Slot::Updated(i) => &plan.to_update[i],
                Slot::Created(i, _) => &plan.to_create[i],
            };
            (!k.starts_with('p') || names_agree(other, &fiche)).then_some(slot)
        });
        let outcome = match (found, opts.on_match) {
            (Some(Slot::Created(i, first)), _) => {
                plan.errors.push(RowError {
                    line,
                    column: String::new(),
                    value: String::new(),
                    problem: ImportProblem::DuplicateInFile { line: first },
                    kept_in_notes: false,
                });
                merge_into(&mut plan.to_create[i], &fiche);
                add_keys(&mut index, &plan.to_create[i], Slot::Created(i, first));
                Outcome::Merged { line: first }
            }
            (Some(Slot::Existing(i)), OnMatch::Skip) => Outcome::Skip {
                id: existing[i].id.clone(),
            },
            (Some(Slot::Updated(i)), OnMatch::Skip) => Outcome::Skip {
                id: plan.to_update[i].id.clone(),
            },
            (Some(Slot::Existing(i)), OnMatch::Update) => {
                let mut merged = (*existing[i]).clone();
                if merge_into(&mut merged, &fiche) {
                    let id = merged.id.clone();
                    let at = plan.to_update.len();
                    add_keys(&mut index, &merged, Slot::Updated(at));
                    // Later rows must see the merged fiche, not the stored one.
                    for k in keys(existing[i]) {
                        index.insert(k, Slot::Updated(at));
                    }
                    plan.to_update.push(merged);
                    plan.replaced.push((*existing[i]).clone());
                    Outcome::Update { id }
                } else {
                    Outcome::Unchanged {
                        id: merged.id.clone(),
                    }
                }
            }
            (Some(Slot::Updated(i)), OnMatch::Update) => {
                let target = &mut plan.to_update[i];
                if merge_into(target, &fiche) {
                    let id = target.id.clone();
                    add_keys(&mut index, &plan.to_update[i], Slot::Updated(i));
                    Outcome::Update { id }
                } else {
                    Outcome::Unchanged {
                        id: target.id.clone(),
                    }
                }
            }
            (None, _) | (Some(_), OnMatch::Create) => {
                let mut f = fiche;
                // A Carnet id is reused only while no fiche has it (a restore into another file).
                let taken = f.id.is_empty()
                    || index.contains_key(&format!("i\u{1f}{}", f.id))
                    || found.is_some();
                if taken {
                    f.id = new_id();
                }
                f.created_at = opts.now;
                f.updated_at = opts.now;
                f.version = 0;
                let id = f.id.clone();
                let at = plan.to_create.len();
                add_keys(&mut index, &f, Slot::Created(at, line));
                plan.to_create.push(f);
                Outcome::Create { id }
            }
        };
        plan.rows.push(RowOutcome { line, outcome });
    }
    plan
}

fn add_keys(index: &mut HashMap<String, Slot>, f: &Fiche, slot: Slot) {
    for k in keys(f) {
        index.entry(k).or_insert(slot);
    }
}

/// Merges what `incoming` knows into `target` without removing anything: empty texts and
/// unknown values are filled, new phones, e-mails, addresses, tags, interests, external ids and
/// custom values are added, notes are appended when they say something new, and a prospect
/// becomes a client if the file says so. True when `target` changed.
pub fn merge_into(target: &mut Fiche, incoming: &Fiche) -> bool {
    let before = target.clone();
    for (t, i) in [
        (&mut target.first_name, &incoming.first_name),
        (&mut target.last_name, &incoming.last_name),
        (&mut target.company, &incoming.company),
        (&mut target.job_title, &incoming.job_title),
        (&mut target.sector, &incoming.sector),
        (&mut target.website, &incoming.website),
        (&mut target.owner, &incoming.owner),
        (&mut target.source, &incoming.source),
    ] {
        if t.trim().is_empty() && !i.trim().is_empty() {
            t.clone_from(i);
        }
    }
    fill(&mut target.civility, incoming.civility);
    fill(&mut target.sex, incoming.sex);
    fill(&mut target.birth_date, incoming.birth_date);
    fill(&mut target.revenue_cents, incoming.revenue_cents);
    fill(&mut target.headcount, incoming.headcount);
    fill(&mut target.first_contact, incoming.first_contact);
    fill(&mut target.preferred_channel, incoming.preferred_channel);
    if incoming.status == Status::Client {
        target.status = Status::Client;
    }
    add_labelled(&mut target.emails, &incoming.emails, |v| {
        v.trim().to_lowercase()
    });
    add_labelled(&mut target.phones, &incoming.phones, |v| {
        normalize_phone(v).unwrap_or_else(|_| v.trim().to_string())
    });
    for a in &incoming.addresses {
        let same = |b: &super::super::fiche::Address| {
            fold(&b.street) == fold(&a.street)
                && b.postal_code.trim() == a.postal_code.trim()
                && fold(&b.city) == fold(&a.city)
        };
        if !target.addresses.iter().any(same) {
            target.addresses.push(a.clone());
        }
    }
    for (list, new) in [
        (&mut target.tags, &incoming.tags),
        (&mut target.interests, &incoming.interests),
    ] {
        for t in new {
            if !list.iter().any(|x| x.to_lowercase() == t.to_lowercase()) {
                list.push(t.clone());
            }
        }
    }
    let notes = incoming.notes.trim();
    if !notes.is_empty() && !target.notes.contains(notes) {
        if !target.notes.trim().is_empty() {
            target.notes.push('\n');
        }
        target.notes.push_str(notes);
    }
    for (k, v) in &incoming.custom {
        target.custom.entry(k.clone()).or_insert_with(|| v.clone());
    }
    for (k, v) in &incoming.external_ids {
        target
            .external_ids
            .entry(k.clone())
            .or_insert_with(|| v.clone());
    }
    *target != before
}

fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn add_labelled(list: &mut Vec<Labelled>, new: &[Labelled], norm: fn(&str) -> String) {
    for n in new {
        let k = norm(&n.value);
        if !list.iter().any(|x| norm(&x.value) == k) {
            list.push(n.clone());
        }
    }
}
