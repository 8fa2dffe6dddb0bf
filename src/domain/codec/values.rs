//! Reading single cell values the way the exports of other tools write them, and the formula
//! neutralisation shared by the CSV writer and reader.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::super::fiche::{Channel, Civility, FicheKind, Sex, Status};
use super::super::search::fold;

/// Whether "1/2/1980" is the 1st of February (French, the default) or January 2nd (US).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

impl DateOrder {
    /// The order a column of dates is written in: day first unless some value can only be read
    /// month first ("1/31/1980"), so one unambiguous date decides for the whole file.
    pub fn detect<'a>(values: impl IntoIterator<Item = &'a str>) -> DateOrder {
        for v in values {
            if let Some((a, b, _)) = slashed(date_part(v.trim())) {
                if a > 12 {
                    return DateOrder::DayFirst;
                }
                if b > 12 {
                    return DateOrder::MonthFirst;
                }
            }
        }
        DateOrder::DayFirst
    }
}

/// Why a date cell was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    Invalid,
    /// A birthday without its year (Google writes "--01-31"): nothing to store.
    NoYear,
}

/// Reads a date in any of the forms files use: "2024-07-14", "14/07/2024", "7/14/2024"
/// (with [`DateOrder::MonthFirst`]), "14.07.2024", "14-07-2024", with an optional time after a
/// space or 'T' ("2024-05-03 14:22", "2024-05-03T14:22:00Z"). `Ok(None)` for the empty dates
/// Outlook writes ("0/0/00", "00/00/0000").
pub fn parse_import_date(raw: &str, order: DateOrder) -> Result<Option<NaiveDate>, DateProblem> {
    let text = raw.trim();
    if text.is_empty() || text.bytes().all(|b| matches!(b, b'0' | b'/' | b'.' | b'-')) {
        return Ok(None);
    }
    if text.starts_with("--") {
        return Err(DateProblem::NoYear);
    }
    let date = date_part(text);
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    let [a, b, c] = parts[..] else {
        return Err(DateProblem::Invalid);
    };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())?
    };
    let (y, m, d) = match (a.len(), c.len()) {
        (4, 1..=2) => (num(a), num(b), num(c)),
        (1..=2, 4) => match order {
            DateOrder::DayFirst => (num(c), num(b), num(a)),
            DateOrder::MonthFirst => (num(c), num(a), num(b)),
        },
        _ => return Err(DateProblem::Invalid),
    };
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) => i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .map(Some)
            .ok_or(DateProblem::Invalid),
        _ => Err(DateProblem::Invalid),
    }
}

/// A date with its time of day when the file gives one ("2024-05-03 14:22"); `None` for the
/// time when it gives none.
pub fn parse_import_datetime(
    raw: &str,
    order: DateOrder,
) -> Result<Option<(NaiveDate, Option<NaiveTime>)>, DateProblem> {
    let Some(date) = parse_import_date(raw, order)? else {
        return Ok(None);
    };
    let text = raw.trim();
    let time = text
        .get(date_part(text).len() + 1..)
        .map(|t| t.trim_end_matches('Z'))
        .and_then(|t| {
            let t = t.split(['+', '.']).next().unwrap_or(t);
            // "14:22" or "14:22:05", read by hand: chrono's format parser is 8 KB of wasm.
            let mut parts = t.split(':').map(|n| {
                (n.len() == 2 && n.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| n.parse::<u32>().ok())
                    .flatten()
            });
            let (h, m) = (parts.next()??, parts.next()??);
            let s = match parts.next() {
                None => 0,
                Some(s) => s?,
            };
            if parts.next().is_some() {
                return None;
            }
            NaiveTime::from_hms_opt(h, m, s)
        });
    Ok(Some((date, time)))
}

/// "2024-05-03 14:22" -> "2024-05-03"; "2024-05-03T14:22:00Z" -> "2024-05-03".
fn date_part(text: &str) -> &str {
    text.split([' ', 'T']).next().unwrap_or(text)
}

/// "1/31/1980" -> (1, 31, 1980): the first two numbers of a d/m/y or m/d/y date.
fn slashed(text: &str) -> Option<(u32, u32, u32)> {
    let mut it = text.split(['/', '.', '-']);
    let a = it.next()?;
    if a.len() > 2 {
        return None;
    }
    let (b, c) = (it.next()?, it.next()?);
    Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?))
}

/// A date-time as `NaiveDateTime`, for callers that need one.
pub fn at(date: NaiveDate, time: Option<NaiveTime>) -> NaiveDateTime {
    // Noon when there is no time, so the day stays the same in every time zone of Europe.
    date.and_time(time.unwrap_or(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)))
}

pub fn parse_civility(raw: &str) -> Option<Civility> {
    match fold(raw).trim_end_matches('.').trim() {
        "m" | "mr" | "monsieur" | "mister" | "sir" => Some(Civility::Mr),
        "mme" | "mrs" | "ms" | "madame" | "mlle" | "mademoiselle" | "miss" | "mmes" => {
            Some(Civility::Mrs)
        }
        "mx" => Some(Civility::Mx),
        _ => None,
    }
}

/// `None` for an unknown word; `Some(None)` for a word meaning "not said" (Outlook's
/// "Unspecified").
pub fn parse_sex(raw: &str) -> Option<Option<Sex>> {
    match fold(raw).trim() {
        "f" | "femme" | "female" | "feminin" | "woman" => Some(Some(Sex::Female)),
        "h" | "m" | "homme" | "male" | "masculin" | "man" => Some(Some(Sex::Male)),
        "autre" | "other" | "x" | "nonbinaire" | "nonbinary" => Some(Some(Sex::Other)),
        "unspecified" | "nonprecise" | "inconnu" | "unknown" => Some(None),
        _ => None,
    }
}

pub fn parse_kind(raw: &str) -> Option<FicheKind> {
    let k: String = fold(raw).chars().filter(|c| c.is_alphanumeric()).collect();
    match k.as_str() {
        "personne" | "person" | "particulier" | "individual" | "b2c" | "individu" => {
            Some(FicheKind::Person)
        }
        "entreprise" | "company" | "societe" | "b2b" | "professionnel" | "pro" | "pme"
        | "pmepmi" | "grandcompte" | "administration" | "organisation" | "organization"
        | "association" => Some(FicheKind::Company),
        _ => None,
    }
}

/// Carnet's words, HubSpot's lifecycle stages and Dolibarr's customer codes (0 neither,
/// 1 customer, 2 prospect, 3 both).
pub fn parse_status(raw: &str) -> Option<Status> {
    let k: String = fold(raw).chars().filter(|c| c.is_alphanumeric()).collect();
    match k.as_str() {
        "client" | "customer" | "evangelist" | "1" | "3" | "clientprospect" | "cliente" => {
            Some(Status::Client)
        }
        "prospect"
        | "lead"
        | "subscriber"
        | "marketingqualifiedlead"
        | "salesqualifiedlead"
        | "opportunity"
        | "other"
        | "0"
        | "2"
        | "niclientniprospect"
        | "prospecte" => Some(Status::Prospect),
        _ => None,
    }
}

pub fn parse_channel(raw: &str) -> Option<Channel> {
    let k: String = fold(raw).chars().filter(|c| c.is_alphanumeric()).collect();
    match k.as_str() {
        "email" | "mail" | "courriel" => Some(Channel::Email),
        "sms" | "texto" => Some(Channel::Sms),
        "phone" | "telephone" | "tel" | "appel" => Some(Channel::Phone),
        "post" | "courrier" | "poste" | "mailpostal" => Some(Channel::Post),
        "inperson" | "enpersonne" | "magasin" | "visite" => Some(Channel::InPerson),
        _ => None,
    }
}

/// The characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A plain number ("-3,20", "-12") starts with '-' but is no formula, and prefixing it would
/// turn it into text in the spreadsheet.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let mut parts = body.splitn(2, [',', '.']);
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Prefixes `'` to a cell a spreadsheet would run as a formula. Cells that already start with
/// quotes before such a character get one more, so that [`unneutralise`] is its exact inverse:
/// "=1+1" -> "'=1+1", "'=x" -> "''=x", "'hello" unchanged.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let bare = cell.trim_start_matches('\'');
    if bare.starts_with(FORMULA_START) && !is_plain_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Removes the quote [`neutralise`] added. Applied to every imported cell: a quote followed by
/// a formula character is what a neutralising exporter writes, never what a person types.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest.trim_start_matches('\'').starts_with(FORMULA_START)
                && !is_plain_number(rest) =>
        {
            rest
        }
        _ => cell,
    }
}
