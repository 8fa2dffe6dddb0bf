//! Field-by-field validation of fiches and history entries, and the parsing of form inputs.
//!
//! Errors are data, not sentences: a [`FieldError`] names the field by a stable path ("name",
//! "emails.0", "addresses.1.postal_code", "custom.<definition id>") and a [`Problem`] that the UI
//! turns into a French or English sentence next to that field.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use email_address::{EmailAddress, Options};

use super::custom_field::{CustomFieldDef, CustomKind, CustomValue};
use super::dates::parse_date;
use super::fiche::{Channel, Fiche};
use super::history::{HistoryEntry, HistoryKind};
use super::money::{parse_amount, MoneyError};
use super::phone::{normalize_phone, PhoneError};
use super::search::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    /// No first name, last name or company name.
    NameRequired,
    InvalidEmail,
    PhoneTooFewDigits,
    PhoneTooManyDigits,
    PhoneInvalidCharacters,
    /// Neither French (leading 0) nor international (leading + or 00).
    PhoneMissingCountryCode,
    BirthDateInFuture,
    BirthDateBefore1900,
    FirstContactInFuture,
    NegativeRevenue,
    /// A `javascript:`, `data:` or `vbscript:` link: never made clickable.
    UnsafeLink,
    /// Not a web address (spaces, no domain, a scheme other than http/https).
    InvalidWebsite,
    /// A French postal code is five digits.
    PostalCodeInvalid,
    /// A purchase without an amount.
    AmountRequired,
    /// An amount on an entry kind that has none (a call, a note…).
    AmountNotExpected,
    /// A negative amount where none makes sense (a quote); purchases and invoices may be
    /// negative (refunds, credit notes).
    NegativeAmount,
    InvalidAmount,
    /// More than two decimals in an amount.
    AmountTooPrecise,
    AmountTooLarge,
    InvalidNumber,
    InvalidDate,
    /// An entry dated before 1900 or after 2200: a typo in the year.
    DateOutOfRange,
    /// Not one of yes/no, oui/non, true/false, 1/0.
    InvalidYesNo,
    ChoiceNotInList,
    /// A custom value whose type does not match its field's definition.
    WrongType,
    /// A consent dated in the future.
    ConsentDateInFuture,
    /// A quote or complaint needs a status.
    StatusRequired,
    /// A status this kind of entry cannot have.
    StatusNotAllowed,
    /// A note with neither a label nor a text.
    NoteEmpty,
    /// A currency is a three-letter ISO 4217 code.
    InvalidCurrency,
    /// More characters than the field takes (see [`max_len`]).
    TooLong {
        max: usize,
    },
}

/// The longest text each field takes, in characters (Unicode scalar values, not bytes: "é" is
/// one, as a person counts it). Long enough for any real value, short enough that a paste gone
/// wrong (a whole document in a first name) is refused with [`Problem::TooLong`] rather than
/// stored, slowing every search and export. Forms do not cut what is typed (no `maxlength`):
/// the person reads the limit under the field. Importers go through the same checks, so an
/// overlong value makes its row a problem row, reported at its line and column.
///
/// | field (path in [`FieldError`]) | max |
/// | --- | ---: |
/// | `first_name`, `last_name` | 100 |
/// | `company` | 200 |
/// | `job_title`, `sector`, `owner`, `source` | 100 |
/// | `emails.i` | 254 |
/// | `phones.i` | 40 |
/// | `emails.i.label`, `phones.i.label`, `addresses.i.label` | 60 |
/// | `addresses.i.street` (all its lines) | 400 |
/// | `addresses.i.postal_code` | 16 |
/// | `addresses.i.city`, `.region`, `.country` | 100 |
/// | `website` | 2,000 |
/// | `tags`, `interests` (each item) | 60 |
/// | `notes` | 20,000 |
/// | `custom.<id>`: text / long text | 1,000 / 20,000 |
/// | `consents.<channel>.source` | 200 |
/// | `external_ids.<system>` | 200 |
/// | history `label` / `text` | 200 / 20,000 |
pub mod max_len {
    pub const NAME: usize = 100;
    pub const COMPANY: usize = 200;
    /// Job title, sector, owner, source; city, region, country.
    pub const SHORT_TEXT: usize = 100;
    /// RFC 5321's longest address.
    pub const EMAIL: usize = 254;
    pub const PHONE: usize = 40;
    /// The label of a phone, e-mail or address; each tag and interest.
    pub const LABEL: usize = 60;
    /// The street with its other lines (building, "lieu-dit"): two lines of 200.
    pub const STREET: usize = 400;
    pub const POSTAL_CODE: usize = 16;
    pub const WEBSITE: usize = 2_000;
    pub const NOTES: usize = 20_000;
    pub const CUSTOM_TEXT: usize = 1_000;
    pub const CUSTOM_LONG_TEXT: usize = 20_000;
    pub const CONSENT_SOURCE: usize = 200;
    pub const EXTERNAL_ID: usize = 200;
    pub const ENTRY_LABEL: usize = 200;
    pub const ENTRY_TEXT: usize = 20_000;
}

/// Whether `text` has more than `max` characters. A text of at most `max` bytes has at most
/// `max` characters (most of them: nothing is counted); else counting stops at `max + 1`.
#[inline]
fn longer_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().nth(max).is_some()
}

/// The fields of a fiche longer than [`max_len`] allows, with their paths.
fn too_long_fields(f: &Fiche, defs: &[CustomFieldDef]) -> Vec<FieldError> {
    use max_len::*;
    let mut out = Vec::new();
    // Each field is measured first: a path is written only for one too long.
    let mut too_long =
        |path: String, max: usize| out.push(FieldError::new(path, Problem::TooLong { max }));
    for (path, text, max) in [
        ("first_name", &f.first_name, NAME),
        ("last_name", &f.last_name, NAME),
        ("company", &f.company, COMPANY),
        ("job_title", &f.job_title, SHORT_TEXT),
        ("sector", &f.sector, SHORT_TEXT),
        ("owner", &f.owner, SHORT_TEXT),
        ("source", &f.source, SHORT_TEXT),
        ("website", &f.website, WEBSITE),
        ("notes", &f.notes, NOTES),
    ] {
        if longer_than(text, max) {
            too_long(path.to_string(), max);
        }
    }
    for (list, rows, max) in [("emails", &f.emails, EMAIL), ("phones", &f.phones, PHONE)] {
        for (i, r) in rows.iter().enumerate() {
            if longer_than(&r.label, LABEL) {
                too_long(format!("{list}.{i}.label"), LABEL);
            }
            if longer_than(&r.value, max) {
                too_long(format!("{list}.{i}"), max);
            }
        }
    }
    for (i, a) in f.addresses.iter().enumerate() {
        for (part, text, max) in [
            ("label", &a.label, LABEL),
            ("street", &a.street, STREET),
            ("postal_code", &a.postal_code, POSTAL_CODE),
            ("city", &a.city, SHORT_TEXT),
            ("region", &a.region, SHORT_TEXT),
            ("country", &a.country, SHORT_TEXT),
        ] {
            if longer_than(text, max) {
                too_long(format!("addresses.{i}.{part}"), max);
            }
        }
    }
    // The form edits each list as one input: one message for the list.
    for (path, items) in [("tags", &f.tags), ("interests", &f.interests)] {
        if items.iter().any(|t| longer_than(t, LABEL)) {
            too_long(path.to_string(), LABEL);
        }
    }
    for (id, value) in &f.custom {
        let max = match defs.iter().find(|d| &d.id == id).map(|d| d.kind) {
            Some(CustomKind::Text) => CUSTOM_TEXT,
            Some(CustomKind::LongText) => CUSTOM_LONG_TEXT,
            // Choices are the definition's; values of a deleted definition are left alone.
            _ => continue,
        };
        match value {
            CustomValue::Text(text) if longer_than(text, max) => {
                too_long(format!("custom.{id}"), max);
            }
            _ => {}
        }
    }
    for channel in Channel::CONSENT {
        if f.consents
            .get(channel)
            .is_some_and(|c| longer_than(&c.source, CONSENT_SOURCE))
        {
            too_long(
                format!("consents.{}.source", channel_key(channel)),
                CONSENT_SOURCE,
            );
        }
    }
    for (system, id) in &f.external_ids {
        if longer_than(id, EXTERNAL_ID) {
            too_long(format!("external_ids.{system}"), EXTERNAL_ID);
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: Problem) -> FieldError {
        FieldError {
            field: field.into(),
            problem,
        }
    }
}

impl From<PhoneError> for Problem {
    fn from(e: PhoneError) -> Problem {
        match e {
            PhoneError::Empty | PhoneError::TooFewDigits => Problem::PhoneTooFewDigits,
            PhoneError::TooManyDigits => Problem::PhoneTooManyDigits,
            PhoneError::InvalidCharacters => Problem::PhoneInvalidCharacters,
            PhoneError::MissingCountryCode => Problem::PhoneMissingCountryCode,
        }
    }
}

impl From<MoneyError> for Problem {
    fn from(e: MoneyError) -> Problem {
        match e {
            MoneyError::Empty | MoneyError::Invalid => Problem::InvalidAmount,
            MoneyError::TooManyDecimals => Problem::AmountTooPrecise,
            MoneyError::Overflow => Problem::AmountTooLarge,
        }
    }
}

fn min_birth_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Checks a fiche against the field definitions in force; empty means valid. `today` is the
/// user's local date (birth dates and consents may not be after it).
///
/// Every text is also checked against its [`max_len`]; a value too long is reported as
/// [`Problem::TooLong`] only, not also for its content (an e-mail of 300 characters).
pub fn validate_fiche(f: &Fiche, defs: &[CustomFieldDef], today: NaiveDate) -> Vec<FieldError> {
    let too_long = too_long_fields(f, defs);
    let long = |path: &str| too_long.iter().any(|e| e.field == path);
    let mut errors = Vec::new();
    let mut push = |field: String, problem| {
        if !long(&field) {
            errors.push(FieldError { field, problem })
        }
    };

    // The same rule serves both kinds: a company fiche may name only its contact person, and a
    // person may be known only by their company ("le fleuriste de la place").
    if [&f.first_name, &f.last_name, &f.company]
        .iter()
        .all(|s| s.trim().is_empty())
    {
        push("name".into(), Problem::NameRequired);
    }
    for (i, e) in f.emails.iter().enumerate() {
        if !e.value.trim().is_empty() && !is_valid_email(&e.value) {
            push(format!("emails.{i}"), Problem::InvalidEmail);
        }
    }
    for (i, p) in f.phones.iter().enumerate() {
        if !p.value.trim().is_empty() {
            if let Err(e) = normalize_phone(&p.value) {
                push(format!("phones.{i}"), e.into());
            }
        }
    }
    if let Some(birth) = f.birth_date {
        if birth > today {
            push("birth_date".into(), Problem::BirthDateInFuture);
        } else if birth < min_birth_date() {
            push("birth_date".into(), Problem::BirthDateBefore1900);
        }
    }
    if f.first_contact.is_some_and(|d| d > today) {
        push("first_contact".into(), Problem::FirstContactInFuture);
    }
    if f.revenue_cents.is_some_and(|r| r < 0) {
        push("revenue".into(), Problem::NegativeRevenue);
    }
    if let Err(p) = check_website(&f.website) {
        push("website".into(), p);
    }
    for (i, a) in f.addresses.iter().enumerate() {
        let code = a.postal_code.trim();
        if is_france(&a.country) && !code.is_empty() && !is_french_postal_code(code) {
            push(
                format!("addresses.{i}.postal_code"),
                Problem::PostalCodeInvalid,
            );
        }
    }
    for channel in Channel::CONSENT {
        if f.consents.get(channel).is_some_and(|c| c.date > today) {
            push(
                format!("consents.{}", channel_key(channel)),
                Problem::ConsentDateInFuture,
            );
        }
    }
    for (id, value) in &f.custom {
        // Values of a deleted definition are left alone: they are invisible and harmless.
        if let Some(def) = defs.iter().find(|d| &d.id == id) {
            if let Err(p) = check_custom_value(def, value) {
                push(format!("custom.{id}"), p);
            }
        }
    }
    errors.extend(too_long);
    errors
}

/// The serde name of a consent channel, used in field paths ("consents.email").
fn channel_key(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        Channel::Sms => "sms",
        Channel::Phone => "phone",
        Channel::Post => "post",
        Channel::InPerson => "in_person",
    }
}

/// An address as people mean it: no display name ("Jo <jo@x.fr>"), no IP literal, and a domain
/// with a dot, which catches the frequent "jo@gmail".
pub fn is_valid_email(raw: &str) -> bool {
    let options = Options::default()
        .with_required_tld()
        .without_domain_literal()
        .without_display_text();
    EmailAddress::parse_with_options(raw.trim(), options).is_ok()
}

/// Postal codes are only checked in France, where the country is usually left blank.
fn is_france(country: &str) -> bool {
    matches!(fold(country.trim()).as_str(), "" | "france" | "fr" | "fra")
}

fn is_french_postal_code(code: &str) -> bool {
    code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Checks a website as typed; blank is fine. Schemes that run code are refused even with
/// tricks browsers forgive (case, embedded tabs or newlines, leading spaces).
fn check_website(raw: &str) -> Result<(), Problem> {
    if raw.trim().is_empty() {
        return Ok(());
    }
    website_href(raw).map(|_| ()).ok_or_else(|| {
        if is_unsafe_scheme(raw) {
            Problem::UnsafeLink
        } else {
            Problem::InvalidWebsite
        }
    })
}

fn is_unsafe_scheme(raw: &str) -> bool {
    // Browsers strip ASCII tabs and newlines anywhere in a URL and leading control characters.
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "data:", "vbscript:"]
        .iter()
        .any(|s| compact.starts_with(s))
}

/// The `href` to put on a fiche's website, or `None` when it must not be a link: only http and
/// https, "https://" added when no scheme was typed ("www.example.fr").
pub fn website_href(raw: &str) -> Option<String> {
    let text = raw.trim();
    if text.is_empty()
        || is_unsafe_scheme(text)
        || text.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (href, rest) = if lower.starts_with("https://") || lower.starts_with("http://") {
        let at = text.find("://").map_or(0, |i| i + 3);
        (text.to_string(), &text[at..])
    } else if text.contains("://") || has_scheme(text) {
        return None;
    } else {
        (format!("https://{text}"), text)
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let labels_ok = host.split('.').all(|l| {
        !l.is_empty() && !l.starts_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    (host.contains('.') && labels_ok).then_some(href)
}

/// "mailto:x", "ftp:x", "tel:…": a scheme before any '/' (but "example.fr:8080" has none).
fn has_scheme(text: &str) -> bool {
    match text.split_once(':') {
        Some((scheme, _)) => {
            !scheme.contains(['/', '.'])
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// Whether a stored value fits its definition.
pub fn check_custom_value(def: &CustomFieldDef, value: &CustomValue) -> Result<(), Problem> {
    let in_list = |s: &String| def.options.contains(s);
    match (def.kind, value) {
        (CustomKind::Text | CustomKind::LongText, CustomValue::Text(_))
        | (CustomKind::Amount, CustomValue::Amount(_))
        | (CustomKind::Date, CustomValue::Date(_))
        | (CustomKind::YesNo, CustomValue::Bool(_)) => Ok(()),
        (CustomKind::Number, CustomValue::Number(n)) if n.is_finite() => Ok(()),
        (CustomKind::Number, CustomValue::Number(_)) => Err(Problem::InvalidNumber),
        (CustomKind::Choice, CustomValue::Choice(c)) if in_list(c) => Ok(()),
        (CustomKind::MultiChoice, CustomValue::Choices(cs)) if cs.iter().all(in_list) => Ok(()),
        (CustomKind::Choice, CustomValue::Choice(_))
        | (CustomKind::MultiChoice, CustomValue::Choices(_)) => Err(Problem::ChoiceNotInList),
        _ => Err(Problem::WrongType),
    }
}

/// Checks a history entry; empty means valid.
///
/// A purchase or an invoice may have a negative amount: a refund or a credit note ("avoir"),
/// which lowers the total spent without counting as an order (see
/// [`HistoryEntry::is_refund`]). A quote's amount is never negative; calls, visits,
/// complaints and the other kinds carry no amount at all.
pub fn validate_entry(e: &HistoryEntry) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match e.amount_cents {
        None if e.kind == HistoryKind::Purchase => {
            errors.push(FieldError::new("amount", Problem::AmountRequired))
        }
        Some(_) if !e.kind.has_amount() => {
            errors.push(FieldError::new("amount", Problem::AmountNotExpected))
        }
        Some(a) if a < 0 && e.kind == HistoryKind::Quote => {
            errors.push(FieldError::new("amount", Problem::NegativeAmount))
        }
        _ => {}
    }
    let statuses = e.kind.statuses();
    match e.status {
        None if !statuses.is_empty() => {
            errors.push(FieldError::new("status", Problem::StatusRequired))
        }
        Some(s) if !statuses.contains(&s) => {
            errors.push(FieldError::new("status", Problem::StatusNotAllowed))
        }
        _ => {}
    }
    if e.kind == HistoryKind::Note && e.label.trim().is_empty() && e.text.trim().is_empty() {
        errors.push(FieldError::new("label", Problem::NoteEmpty));
    }
    if !(1900..=2200).contains(&e.date.year()) {
        errors.push(FieldError::new("date", Problem::DateOutOfRange));
    }
    if !(e.currency.len() == 3 && e.currency.bytes().all(|b| b.is_ascii_uppercase())) {
        errors.push(FieldError::new("currency", Problem::InvalidCurrency));
    }
    for (field, text, max) in [
        ("label", &e.label, max_len::ENTRY_LABEL),
        ("text", &e.text, max_len::ENTRY_TEXT),
    ] {
        if longer_than(text, max) {
            errors.push(FieldError::new(field, Problem::TooLong { max }));
        }
    }
    errors
}

/// Reads a custom field's text input. Empty input is `Ok(None)` (no value). Numbers take a comma
/// or a dot; amounts go through [`parse_amount`]; dates through [`parse_date`]; yes/no accepts
/// oui/non, yes/no, true/false, vrai/faux, 1/0; choices are matched ignoring case and accents
/// and stored as spelled in the definition. For `MultiChoice` the options are joined by '\n'.
pub fn parse_custom_input(def: &CustomFieldDef, raw: &str) -> Result<Option<CustomValue>, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value = match def.kind {
        CustomKind::Text | CustomKind::LongText => CustomValue::Text(text.to_string()),
        CustomKind::Number => CustomValue::Number(parse_number(text)?),
        CustomKind::Amount => CustomValue::Amount(parse_amount(text)?),
        CustomKind::Date => CustomValue::Date(parse_date(text).ok_or(Problem::InvalidDate)?),
        CustomKind::YesNo => CustomValue::Bool(parse_yes_no(text).ok_or(Problem::InvalidYesNo)?),
        CustomKind::Choice => CustomValue::Choice(find_option(def, text)?),
        CustomKind::MultiChoice => {
            let mut chosen: Vec<String> = Vec::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let option = find_option(def, line)?;
                if !chosen.contains(&option) {
                    chosen.push(option);
                }
            }
            CustomValue::Choices(chosen)
        }
    };
    Ok(Some(value))
}

fn find_option(def: &CustomFieldDef, text: &str) -> Result<String, Problem> {
    if let Some(exact) = def.options.iter().find(|o| o.trim() == text) {
        return Ok(exact.clone());
    }
    let key = fold(text);
    def.options
        .iter()
        .find(|o| fold(o.trim()) == key)
        .cloned()
        .ok_or(Problem::ChoiceNotInList)
}

fn parse_yes_no(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "oui" | "o" | "yes" | "y" | "true" | "vrai" | "1" => Some(true),
        "non" | "n" | "no" | "false" | "faux" | "0" => Some(false),
        _ => None,
    }
}

/// A decimal number with a comma or a dot, spaces between thousands allowed ("1 234,5", "-0.25").
/// Refuses what `f64::from_str` would also take but nobody types in a form: "inf", "NaN", "1e3".
pub fn parse_number(raw: &str) -> Result<f64, Problem> {
    let compact = without_spaces(raw);
    let unsigned = compact.strip_prefix(['-', '+']).unwrap_or(&compact);
    let seps = unsigned.matches([',', '.']).count();
    let digits = unsigned.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 || seps > 1 || digits + seps != unsigned.len() {
        return Err(Problem::InvalidNumber);
    }
    compact
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or(Problem::InvalidNumber)
}

/// The text without spaces of any kind (thousands separators).
fn without_spaces(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A headcount input: a whole number of people, blank for unknown.
pub fn parse_headcount(raw: &str) -> Result<Option<u32>, Problem> {
    let compact = without_spaces(raw);
    if compact.is_empty() {
        return Ok(None);
    }
    if !compact.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::InvalidNumber);
    }
    compact
        .parse()
        .map(Some)
        .map_err(|_| Problem::InvalidNumber)
}

/// Tidies a fiche before validation and saving: trims every text, removes blank phone, e-mail
/// and address rows and blank custom texts, and removes blank and duplicate tags and interests
/// (case-insensitively, keeping the first spelling).
pub fn drop_empty_rows(f: &mut Fiche) {
    for s in [
        &mut f.first_name,
        &mut f.last_name,
        &mut f.company,
        &mut f.job_title,
        &mut f.sector,
        &mut f.website,
        &mut f.owner,
        &mut f.source,
        &mut f.notes,
    ] {
        trim_in_place(s);
    }
    for rows in [&mut f.phones, &mut f.emails] {
        rows.retain(|r| !r.value.trim().is_empty());
        for r in rows.iter_mut() {
            trim_in_place(&mut r.label);
            trim_in_place(&mut r.value);
        }
    }
    f.addresses.retain(|a| !a.is_empty());
    for a in &mut f.addresses {
        for s in [
            &mut a.label,
            &mut a.street,
            &mut a.postal_code,
            &mut a.city,
            &mut a.region,
            &mut a.country,
        ] {
            trim_in_place(s);
        }
    }
    tidy_list(&mut f.tags);
    tidy_list(&mut f.interests);
    f.custom.retain(|_, v| match v {
        CustomValue::Text(t) => {
            trim_in_place(t);
            !t.is_empty()
        }
        CustomValue::Choices(cs) => !cs.is_empty(),
        _ => true,
    });
    for channel in Channel::CONSENT {
        if let Some(Some(c)) = f.consents.slot(channel) {
            trim_in_place(&mut c.source);
        }
    }
}

fn trim_in_place(s: &mut String) {
    let trimmed = s.trim();
    if trimmed.len() != s.len() {
        *s = trimmed.to_string();
    }
}

fn tidy_list(items: &mut Vec<String>) {
    let mut seen = HashSet::new();
    items.retain_mut(|t| {
        trim_in_place(t);
        !t.is_empty() && seen.insert(t.to_lowercase())
    });
}
