//! CSV import of fiches: rows to candidates (the mapping from the header, each value read and
//! checked), then [`plan_candidates`].

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, TimeZone, Utc};

use crate::domain::codec::csv_read::{read_table, ReadError, Table};
use crate::domain::codec::mapping::{AddressPart, Layout, ListSplit, Mapping, Target};
use crate::domain::codec::plan::{
    could_be_too_long, plan_candidates, Candidate, FichePlan, ImportOptions, ImportProblem, Origin,
    Origins, RowError,
};
use crate::domain::codec::text::Encoding;
use crate::domain::codec::values::{
    parse_channel, parse_civility, parse_import_date, parse_kind, parse_sex, parse_status,
    unneutralise, DateOrder, DateProblem,
};
use crate::domain::custom_field::{CustomFieldDef, CustomKind, CustomValue};
use crate::domain::fiche::{Address, Fiche, FicheKind, Labelled};
use crate::domain::money::parse_amount;
use crate::domain::phone::normalize_phone;
use crate::domain::search::fold;
use crate::domain::validate::{
    is_valid_email, max_len, parse_custom_input, parse_headcount, validate_fiche, FieldError,
    Problem,
};

/// Everything the preview shows before an import of fiches is confirmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub encoding: Encoding,
    pub delimiter: u8,
    /// The mapping used (the one given, or the one guessed from the header).
    pub mapping: Mapping,
    /// Ignored columns that hold values, with how many rows have one.
    pub ignored_columns: Vec<(String, usize)>,
    pub fiches: FichePlan,
}

impl ImportPlan {
    /// Row problems, reading problems first.
    pub fn errors(&self) -> &[RowError] {
        &self.fiches.errors
    }
}

/// Reads a CSV file and plans its import. The last of `mappings` that fits the file's header
/// (see [`Mapping::fits`]) is used: saved mappings, then the one the user is editing; without
/// one the mapping is guessed. (Choosing here reads the file once.) `new_id` makes ids for new
/// fiches (`uuid` v4 in the app; a counter in tests).
pub fn plan_import(
    bytes: &[u8],
    mappings: &[&Mapping],
    defs: &[CustomFieldDef],
    existing: &[&Fiche],
    opts: &ImportOptions,
    new_id: &mut dyn FnMut() -> String,
) -> Result<ImportPlan, ReadError> {
    let table = read_table(bytes)?;
    let mapping = match mappings.iter().rev().find(|m| m.fits(&table.headers)) {
        Some(m) => (*m).clone(),
        None => Mapping::auto(&table.headers, defs),
    };
    let (candidates, errors) = candidates(&table, &mapping, defs, opts.today);
    let fiches = plan_candidates(candidates, existing, defs, opts, new_id).with_read_errors(errors);
    let ignored_columns = mapping
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Target::Ignore)
        .filter_map(|(i, _)| {
            let n = table
                .rows
                .iter()
                .filter(|r| !r.fields[i].trim().is_empty())
                .count();
            (n > 0).then(|| (table.headers[i].clone(), n))
        })
        .collect();
    Ok(ImportPlan {
        encoding: table.encoding,
        delimiter: table.delimiter,
        mapping,
        ignored_columns,
        fiches,
    })
}

/// The rows of a table as candidate fiches, with the problems found in their values and the
/// ragged rows.
pub fn candidates(
    table: &Table,
    mapping: &Mapping,
    defs: &[CustomFieldDef],
    today: NaiveDate,
) -> (Vec<Candidate>, Vec<RowError>) {
    let order = DateOrder::detect(table.rows.iter().flat_map(|r| {
        r.fields
            .iter()
            .zip(&mapping.targets)
            .filter(|(_, t)| matches!(t, Target::BirthDate | Target::FirstContact))
            .map(|(v, _)| v.as_str())
    }));
    let mut errors: Vec<RowError> = table
        .ragged
        .iter()
        .map(|r| RowError {
            line: r.line,
            column: String::new(),
            value: String::new(),
            problem: ImportProblem::Ragged {
                expected: r.expected,
                found: r.found,
            },
            kept_in_notes: false,
        })
        .collect();
    let defs_by_id: HashMap<&str, &CustomFieldDef> =
        defs.iter().map(|d| (d.id.as_str(), d)).collect();
    let cands = table
        .rows
        .iter()
        .map(|row| {
            let mut b = RowBuilder::new(row.line);
            b.google = mapping.layout == Layout::Google;
            for ((cell, target), header) in
                row.fields.iter().zip(&mapping.targets).zip(&table.headers)
            {
                let value = unneutralise(cell.trim()).trim();
                if !value.is_empty() {
                    b.set(target, header, value, order, &defs_by_id);
                }
            }
            b.finish(defs, today, &mut errors)
        })
        .collect();
    (cands, errors)
}

/// One row (or vCard) being turned into a fiche.
pub(crate) struct RowBuilder {
    line: u64,
    fiche: Fiche,
    full_name: String,
    middle_name: String,
    emails: Slots,
    phones: Slots,
    addresses: BTreeMap<u8, Address>,
    note_lines: Vec<String>,
    errors: Vec<RowError>,
    /// Where the values a check may refuse came from (see [`Origins`]).
    origins: Origins,
    /// The column of a phone or e-mail slot's label long enough to be refused.
    label_columns: BTreeMap<(bool, u8), String>,
    kind_given: bool,
    /// Google's markers: "* " before the primary value's label, "* myContacts" in the labels.
    pub(crate) google: bool,
}

impl RowBuilder {
    pub(crate) fn new(line: u64) -> Self {
        RowBuilder {
            line,
            fiche: Fiche::new(
                String::new(),
                Utc.timestamp_opt(0, 0).single().unwrap_or_default(),
            ),
            full_name: String::new(),
            middle_name: String::new(),
            emails: BTreeMap::new(),
            phones: BTreeMap::new(),
            addresses: BTreeMap::new(),
            note_lines: Vec::new(),
            errors: Vec::new(),
            origins: Origins::default(),
            label_columns: BTreeMap::new(),
            kind_given: false,
            google: false,
        }
    }

    /// Records a problem; the value is kept as a line of the notes.
    fn reject(&mut self, column: &str, value: &str, problem: ImportProblem) {
        self.note_lines.push(format!("{column}: {value}"));
        self.errors.push(RowError {
            line: self.line,
            column: column.to_string(),
            value: value.to_string(),
            problem,
            kept_in_notes: true,
        });
    }

    fn date(&mut self, column: &str, value: &str, order: DateOrder) -> Option<NaiveDate> {
        match parse_import_date(value, order) {
            Ok(d) => d,
            Err(DateProblem::NoYear) => {
                self.reject(column, value, ImportProblem::NoYear);
                None
            }
            Err(DateProblem::Invalid) => {
                self.reject(column, value, ImportProblem::Invalid(Problem::InvalidDate));
                None
            }
        }
    }

    pub(crate) fn set(
        &mut self,
        target: &Target,
        column: &str,
        value: &str,
        order: DateOrder,
        defs: &HashMap<&str, &CustomFieldDef>,
    ) {
        let f = &mut self.fiche;
        let unknown = ImportProblem::UnknownValue;
        match target {
            Target::Ignore => {}
            Target::CarnetId => {
                if value.len() <= 64 && !value.contains(char::is_whitespace) {
                    f.id = value.to_string();
                }
            }
            Target::Kind => match parse_kind(value) {
                Some(k) => {
                    f.kind = k;
                    self.kind_given = true;
                }
                None => self.reject(column, value, unknown),
            },
            Target::Status => match parse_status(value) {
                Some(s) => f.status = s,
                None => self.reject(column, value, unknown),
            },
            Target::Civility => match parse_civility(value) {
                Some(c) => f.civility = Some(c),
                None => self.reject(column, value, unknown),
            },
            Target::Sex => match parse_sex(value) {
                Some(s) => f.sex = s,
                None => self.reject(column, value, unknown),
            },
            Target::PreferredChannel => match parse_channel(value) {
                Some(c) => f.preferred_channel = Some(c),
                None => self.reject(column, value, unknown),
            },
            Target::FirstName | Target::MiddleName => {
                if *target == Target::FirstName {
                    f.first_name = value.to_string();
                } else {
                    self.middle_name = value.to_string();
                }
                // The middle name is joined to the first: two pieces.
                self.origin_if_long("first_name", column, value, max_len::NAME, 2);
            }
            Target::LastName => {
                f.last_name = value.to_string();
                self.origin_if_long("last_name", column, value, max_len::NAME, 1);
            }
            Target::FullName => {
                self.full_name = value.to_string();
                self.origin_if_long("first_name", column, value, max_len::NAME, 1);
                self.origin_if_long("last_name", column, value, max_len::NAME, 1);
            }
            Target::Company
            | Target::JobTitle
            | Target::Sector
            | Target::Owner
            | Target::Source
            | Target::Website
            | Target::Notes => {
                let (field, path, max) = match target {
                    Target::Company => (&mut f.company, "company", max_len::COMPANY),
                    Target::JobTitle => (&mut f.job_title, "job_title", max_len::SHORT_TEXT),
                    Target::Sector => (&mut f.sector, "sector", max_len::SHORT_TEXT),
                    Target::Owner => (&mut f.owner, "owner", max_len::SHORT_TEXT),
                    Target::Source => (&mut f.source, "source", max_len::SHORT_TEXT),
                    // Always: an invalid website is moved to the notes.
                    Target::Website => (&mut f.website, "website", 0),
                    _ => (&mut f.notes, "notes", max_len::NOTES),
                };
                *field = value.to_string();
                self.origin_if_long(path, column, value, max, 1);
            }
            Target::NoteLine => self.note_lines.push(format!("{column}: {value}")),
            Target::BirthDate => {
                self.fiche.birth_date = self.date(column, value, order);
                self.origin("birth_date", column, value);
            }
            Target::FirstContact => {
                self.fiche.first_contact = self.date(column, value, order);
                self.origin("first_contact", column, value);
            }
            Target::Revenue => match parse_amount(value) {
                Ok(c) => {
                    f.revenue_cents = Some(c);
                    self.origin("revenue", column, value);
                }
                Err(e) => self.reject(column, value, ImportProblem::Invalid(e.into())),
            },
            Target::Headcount => match parse_headcount(value).ok().flatten() {
                Some(n) => f.headcount = Some(n),
                // Ranges ("11 - 50", "> 500", Dolibarr's "EF11-50") keep their lower bound.
                None => match first_number(value) {
                    Some(n) => f.headcount = Some(n),
                    None => self.reject(
                        column,
                        value,
                        ImportProblem::Invalid(Problem::InvalidNumber),
                    ),
                },
            },
            Target::Email { slot, label } => {
                add_values(&mut self.emails, *slot, value, label, column)
            }
            Target::EmailLabel { slot } => {
                self.emails.entry(*slot).or_default().1 = clean_label(value, self.google);
                if could_be_too_long(value, max_len::LABEL, 1) {
                    self.label_columns.insert((true, *slot), column.to_string());
                }
            }
            Target::Phone { slot, label } => {
                add_values(&mut self.phones, *slot, value, label, column)
            }
            Target::PhoneLabel { slot } => {
                self.phones.entry(*slot).or_default().1 = clean_label(value, self.google);
                if could_be_too_long(value, max_len::LABEL, 1) {
                    self.label_columns
                        .insert((false, *slot), column.to_string());
                }
            }
            Target::Address { slot, part, label } => {
                let a = self.addresses.entry(*slot).or_default();
                if a.label.is_empty() {
                    a.label.clone_from(label);
                }
                let field = match part {
                    AddressPart::Street | AddressPart::Street2 => &mut a.street,
                    AddressPart::PostalCode => &mut a.postal_code,
                    AddressPart::City => &mut a.city,
                    AddressPart::Region => &mut a.region,
                    AddressPart::Country => &mut a.country,
                };
                if *part == AddressPart::Street2 && !field.is_empty() {
                    field.push('\n');
                    field.push_str(value);
                } else if *part == AddressPart::Street && !field.is_empty() {
                    // Street2 came first in the file: the street goes before it.
                    *field = format!("{value}\n{field}");
                } else {
                    *field = value.to_string();
                }
                self.origin_address(*slot, column, value, *part);
            }
            Target::AddressLabel { slot } => {
                self.addresses.entry(*slot).or_default().label = clean_label(value, self.google);
                if could_be_too_long(value, max_len::LABEL, 1) {
                    self.origin(format!("address-slot.{slot}.label"), column, value);
                }
            }
            Target::Tags { split } => {
                push_list(&mut f.tags, value, *split, self.google);
                self.origin_if_long("tags", column, value, max_len::LABEL, 1);
            }
            Target::Interests { split } => {
                push_list(&mut f.interests, value, *split, self.google);
                self.origin_if_long("interests", column, value, max_len::LABEL, 1);
            }
            Target::ExternalId { system } => {
                f.external_ids.insert(system.clone(), value.to_string());
                if could_be_too_long(value, max_len::EXTERNAL_ID, 1) {
                    self.origin(format!("external_ids.{system}"), column, value);
                }
            }
            Target::ExternalIds => {
                for line in value.lines() {
                    match line.split_once('=') {
                        Some((s, v)) if !s.trim().is_empty() && !v.trim().is_empty() => {
                            self.fiche
                                .external_ids
                                .insert(s.trim().to_string(), v.trim().to_string());
                            if could_be_too_long(v.trim(), max_len::EXTERNAL_ID, 1) {
                                let path = format!("external_ids.{}", s.trim());
                                self.origin(path, column, v.trim());
                            }
                        }
                        _ if line.trim().is_empty() => {}
                        _ => self.reject(column, line, unknown),
                    }
                }
            }
            Target::Custom { id } => {
                let Some(def) = defs.get(id.as_str()) else {
                    self.note_lines.push(format!("{column}: {value}"));
                    return;
                };
                match parse_custom(def, value, order) {
                    Ok(Some(v)) => {
                        self.fiche.custom.insert(id.clone(), v);
                        let max = match def.kind {
                            CustomKind::Text => max_len::CUSTOM_TEXT,
                            _ => max_len::CUSTOM_LONG_TEXT,
                        };
                        if could_be_too_long(value, max, 1) {
                            self.origin(format!("custom.{id}"), column, value);
                        }
                    }
                    Ok(None) => {}
                    Err(p) => self.reject(column, value, p),
                }
            }
        }
    }

    /// Notes where the value of `path` came from (several columns may fill one field: see
    /// [`Origins::find`]).
    fn origin(&mut self, path: impl Into<String>, column: &str, value: &str) {
        self.origins.push(path.into(), column, value);
    }

    /// Notes where a text came from only if it may be too long for its field ([`max_len`]):
    /// ordinary values are not copied. `max` 0 notes it always.
    fn origin_if_long(
        &mut self,
        path: &'static str,
        column: &str,
        value: &str,
        max: usize,
        pieces: usize,
    ) {
        if could_be_too_long(value, max, pieces) {
            self.origin(path, column, value);
        }
    }

    fn origin_address(&mut self, slot: u8, column: &str, value: &str, part: AddressPart) {
        let (part, max, pieces) = match part {
            // Street, its second and third lines (vCard: PO box, extended address, street).
            AddressPart::Street | AddressPart::Street2 => ("street", max_len::STREET, 3),
            // Four or five digits are never refused (four get their leading 0 back); any other
            // code may be, and is then moved to the notes.
            AddressPart::PostalCode
                if (4..=5).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) =>
            {
                return
            }
            AddressPart::PostalCode => ("postal_code", 0, 1),
            AddressPart::City => ("city", max_len::SHORT_TEXT, 1),
            AddressPart::Region => ("region", max_len::SHORT_TEXT, 1),
            AddressPart::Country => ("country", max_len::SHORT_TEXT, 1),
        };
        if could_be_too_long(value, max, pieces) {
            self.origin(format!("address-slot.{slot}.{part}"), column, value);
        }
    }

    /// Gathers the slots into the fiche, checks it with [`validate_fiche`] and moves any value
    /// it refuses to the notes, so that only a row without any name stays invalid.
    pub(crate) fn finish(
        mut self,
        defs: &[CustomFieldDef],
        today: NaiveDate,
        errors: &mut Vec<RowError>,
    ) -> Candidate {
        let f = &mut self.fiche;
        if f.first_name.is_empty() && f.last_name.is_empty() && !self.full_name.is_empty() {
            let (first, last) = split_full_name(&self.full_name);
            f.first_name = first;
            f.last_name = last;
        }
        if !self.middle_name.is_empty() {
            f.first_name = format!("{} {}", f.first_name, self.middle_name)
                .trim()
                .to_string();
        }
        if !self.kind_given
            && f.first_name.is_empty()
            && f.last_name.is_empty()
            && !f.company.is_empty()
        {
            f.kind = FicheKind::Company;
        }
        let emails = std::mem::take(&mut self.emails);
        for (slot, (values, label)) in emails {
            for (v, column) in values {
                if !is_valid_email(&v) {
                    self.reject(&column, &v, ImportProblem::Invalid(Problem::InvalidEmail));
                } else if !self
                    .fiche
                    .emails
                    .iter()
                    .any(|e| e.value.eq_ignore_ascii_case(&v))
                {
                    self.origin_labelled(true, slot, &column, &v, &label);
                    self.fiche.emails.push(Labelled {
                        label: label.clone(),
                        value: v,
                    });
                }
            }
        }
        let phones = std::mem::take(&mut self.phones);
        for (slot, (values, label)) in phones {
            for (v, column) in values {
                match normalize_phone(&v) {
                    Err(e) => self.reject(&column, &v, ImportProblem::Invalid(e.into())),
                    Ok(n) => {
                        let dup =
                            self.fiche.phones.iter().any(|p| {
                                normalize_phone(&p.value).ok().as_deref() == Some(n.as_str())
                            });
                        if !dup {
                            self.origin_labelled(false, slot, &column, &v, &label);
                            self.fiche.phones.push(Labelled {
                                label: label.clone(),
                                value: v,
                            });
                        }
                    }
                }
            }
        }
        let addresses = std::mem::take(&mut self.addresses);
        for (slot, mut a) in addresses {
            if a.is_empty() {
                continue;
            }
            // Spreadsheets read "07500" as a number and write "7500".
            if a.postal_code.len() == 4
                && a.postal_code.bytes().all(|b| b.is_ascii_digit())
                && is_france(&a.country)
            {
                a.postal_code.insert(0, '0');
            }
            self.origins.push_address(slot);
            self.fiche.addresses.push(a);
        }
        for problem in validate_fiche(&self.fiche, defs, today) {
            self.demote(problem);
        }
        let f = &mut self.fiche;
        if !self.note_lines.is_empty() {
            let mut notes = std::mem::take(&mut f.notes);
            for l in &self.note_lines {
                if !notes.is_empty() {
                    notes.push('\n');
                }
                notes.push_str(l);
            }
            f.notes = notes;
        }
        errors.append(&mut self.errors);
        Candidate {
            line: self.line,
            fiche: self.fiche,
            origins: self.origins,
        }
    }

    /// Where the phone or e-mail about to be pushed (and its label) came from, if either may
    /// be too long.
    fn origin_labelled(&mut self, email: bool, slot: u8, column: &str, value: &str, label: &str) {
        let (list, i, max) = if email {
            ("emails", self.fiche.emails.len(), max_len::EMAIL)
        } else {
            ("phones", self.fiche.phones.len(), max_len::PHONE)
        };
        if could_be_too_long(value, max, 1) {
            self.origin(format!("{list}.{i}"), column, value);
        }
        if let Some(c) = self.label_columns.get(&(email, slot)).cloned() {
            self.origin(format!("{list}.{i}.label"), &c, label);
        }
    }

    /// Takes a value [`validate_fiche`] refuses out of the fiche and into the notes. A value
    /// too long for its field stays: notes would not take it either, so the row is refused by
    /// [`plan_candidates`], which reports the value at its column.
    fn demote(&mut self, e: FieldError) {
        if matches!(e.problem, Problem::TooLong { .. }) {
            return;
        }
        let path = e.field.as_str();
        let Some(Origin { column, value, .. }) = self.origins.find(path).cloned() else {
            // Name required: nothing to move; the row stays invalid.
            return;
        };
        let f = &mut self.fiche;
        match path {
            "website" => f.website.clear(),
            "birth_date" => f.birth_date = None,
            "first_contact" => f.first_contact = None,
            "revenue" => f.revenue_cents = None,
            p if p.starts_with("addresses.") && p.ends_with(".postal_code") => {
                let i: usize = p[10..]
                    .split('.')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                if let Some(a) = f.addresses.get_mut(i) {
                    a.postal_code.clear();
                }
            }
            _ => return,
        }
        self.reject(&column, &value, ImportProblem::Invalid(e.problem));
    }
}

fn is_france(country: &str) -> bool {
    matches!(fold(country.trim()).as_str(), "" | "france" | "fr" | "fra")
}

fn first_number(value: &str) -> Option<u32> {
    let start = value.find(|c: char| c.is_ascii_digit())?;
    let digits: String = value[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Phones or e-mails of one slot: (value, column) pairs (several with Google's " ::: ") and
/// their label.
type Slots = BTreeMap<u8, (Vec<(String, String)>, String)>;

fn add_values(slots: &mut Slots, slot: u8, value: &str, label: &str, column: &str) {
    let entry = slots.entry(slot).or_default();
    entry
        .0
        .extend(split_multi(value).map(|v| (v, column.to_string())));
    if entry.1.is_empty() {
        entry.1 = label.to_string();
    }
}

/// Google joins several values of one cell with " ::: ".
fn split_multi(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(":::")
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// Google marks the primary value's label with "* ".
fn clean_label(value: &str, google: bool) -> String {
    let value = value.trim();
    match value.strip_prefix("* ") {
        Some(rest) if google => rest.trim().to_string(),
        _ => value.to_string(),
    }
}

fn push_list(list: &mut Vec<String>, value: &str, split: ListSplit, google: bool) {
    let items: Vec<&str> = match split {
        ListSplit::Lines => value.lines().collect(),
        ListSplit::Auto if value.contains(":::") => value.split(":::").collect(),
        ListSplit::Auto if value.contains(['\n', ';']) => value.split(['\n', ';']).collect(),
        ListSplit::Auto => value.split(',').collect(),
    };
    for item in items {
        let item = item.trim();
        // Google's system group every contact is in.
        if item.is_empty() || (google && item.eq_ignore_ascii_case("* myContacts")) {
            continue;
        }
        let item = match item.strip_prefix("* ") {
            Some(rest) if google => rest,
            _ => item,
        }
        .to_string();
        if !list.iter().any(|x| x.to_lowercase() == item.to_lowercase()) {
            list.push(item);
        }
    }
}

/// "Jean Dupont" -> ("Jean", "Dupont"); "DUPONT Jean" -> ("Jean", "DUPONT"): a word in capitals
/// is the last name, as French files write it; otherwise the first word is the first name.
fn split_full_name(full: &str) -> (String, String) {
    let words: Vec<&str> = full.split_whitespace().collect();
    let caps = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    };
    if words.len() < 2 {
        return (String::new(), full.trim().to_string());
    }
    if words.iter().any(caps) && !words.iter().all(caps) {
        let (last, first): (Vec<&str>, Vec<&str>) = words.iter().partition(|w| caps(w));
        return (first.join(" "), last.join(" "));
    }
    (words[0].to_string(), words[1..].join(" "))
}

fn parse_custom(
    def: &CustomFieldDef,
    value: &str,
    order: DateOrder,
) -> Result<Option<CustomValue>, ImportProblem> {
    match def.kind {
        CustomKind::Date => match parse_import_date(value, order) {
            Ok(d) => Ok(d.map(CustomValue::Date)),
            Err(DateProblem::NoYear) => Err(ImportProblem::NoYear),
            Err(DateProblem::Invalid) => Err(ImportProblem::Invalid(Problem::InvalidDate)),
        },
        // One option per line (Carnet), else the separators other tools use, unless the whole
        // cell is one option that contains a comma.
        CustomKind::MultiChoice => parse_custom_input(def, value).or_else(|p| {
            if value.contains('\n') {
                return Err(ImportProblem::Invalid(p));
            }
            let lines = value.replace(":::", "\n").replace([';', ','], "\n");
            parse_custom_input(def, &lines).map_err(ImportProblem::Invalid)
        }),
        CustomKind::YesNo => parse_custom_input(def, value).map_err(|p| match p {
            Problem::InvalidYesNo => ImportProblem::UnknownValue,
            p => ImportProblem::Invalid(p),
        }),
        _ => parse_custom_input(def, value).map_err(ImportProblem::Invalid),
    }
}
