//! The make-up of today's file (not of a period): customer types, kinds, sexes, ages,
//! départements, sources and owners.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::domain::fiche::{Fiche, FicheKind, Sex};
use crate::domain::file::FileState;
use crate::domain::search::fold;
use crate::domain::segment::list::Derived;
use crate::domain::segment::CustomerType;

use super::pct_tenths;

/// One row of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<K> {
    pub key: K,
    /// Record indices, ascending.
    pub members: Vec<u32>,
    /// Share of the breakdown's whole (the file, or its persons), in tenths of a percent; 0 when
    /// that whole is empty.
    pub share_tenths: i64,
}

/// Age in whole years on the day of the analysis; `band as usize` is its place in
/// [`AgeBand::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeBand {
    Under25,
    From25To34,
    From35To44,
    From45To54,
    From55To64,
    From65,
    /// No birth date, or one in the future.
    Unknown,
}

impl AgeBand {
    pub const ALL: [AgeBand; 7] = [
        AgeBand::Under25,
        AgeBand::From25To34,
        AgeBand::From35To44,
        AgeBand::From45To54,
        AgeBand::From55To64,
        AgeBand::From65,
        AgeBand::Unknown,
    ];

    fn of(years: Option<u32>) -> AgeBand {
        match years {
            None => AgeBand::Unknown,
            Some(0..=24) => AgeBand::Under25,
            Some(25..=34) => AgeBand::From25To34,
            Some(35..=44) => AgeBand::From35To44,
            Some(45..=54) => AgeBand::From45To54,
            Some(55..=64) => AgeBand::From55To64,
            Some(_) => AgeBand::From65,
        }
    }
}

/// Where a fiche lives, from its first address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// A French département: "01" to "95", "2A", "2B", or three digits overseas ("971", "988").
    Departement(String),
    Abroad,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Makeup {
    /// Every type, in [`CustomerType::ALL`] order; shares of the file.
    pub types: Vec<Part<CustomerType>>,
    /// Person, then company; shares of the file.
    pub kinds: Vec<Part<FicheKind>>,
    /// Female, male, other, then unknown (`None`); persons only, shares of the persons.
    pub sexes: Vec<Part<Option<Sex>>>,
    /// Every band, in [`AgeBand::ALL`] order; persons only, shares of the persons.
    pub ages: Vec<Part<AgeBand>>,
    /// The non-empty ones, by count descending then key ascending, [`Place::Unknown`] last;
    /// shares of the file.
    pub places: Vec<Part<Place>>,
    /// As `places`, unknown (`None`) last.
    pub sources: Vec<Part<Option<String>>>,
    /// As `places`, unknown (`None`) last.
    pub owners: Vec<Part<Option<String>>>,
}

/// The file today (`derived.today`, with `derived`'s customer types; a record `derived` does
/// not cover counts as a prospect). Sexes and ages are of the persons, companies left out: the
/// age is in whole years on `derived.today`, unknown without a birth date or with one in the
/// future. The place is that of the first address ([`place`]). Source and owner are the trimmed
/// text, blank being unknown, grouped without regard to case or accents and shown as first met
/// in the file; rows of equal count are in the alphabetical order of those folded texts.
pub fn makeup(file: &FileState, derived: &Derived) -> Makeup {
    let records = file.records();
    let mut types = Tally::new(CustomerType::ALL);
    let mut kinds = Tally::new([FicheKind::Person, FicheKind::Company]);
    let mut sexes = Tally::new([Some(Sex::Female), Some(Sex::Male), Some(Sex::Other), None]);
    let mut ages = Tally::new(AgeBand::ALL);
    let mut persons = 0;
    let mut places: Vec<Vec<u32>> = vec![Vec::new(); PlaceCode::COUNT];
    let (mut sources, mut owners) = (Texts::default(), Texts::default());
    for (r, record) in records.iter().enumerate() {
        let (r, f) = (r as u32, &record.fiche);
        let kind = derived
            .computed
            .get(r as usize)
            .map_or(CustomerType::Prospect, |c| c.kind);
        types.add(kind as usize, r);
        kinds.add(usize::from(f.kind == FicheKind::Company), r);
        if f.kind == FicheKind::Person {
            persons += 1;
            let sex = match f.sex {
                Some(Sex::Female) => 0,
                Some(Sex::Male) => 1,
                Some(Sex::Other) => 2,
                None => 3,
            };
            sexes.add(sex, r);
            let years = f.birth_date.and_then(|b| derived.today.years_since(b));
            ages.add(AgeBand::of(years) as usize, r);
        }
        if let Some(p) = places.get_mut(PlaceCode::of(f).index()) {
            p.push(r);
        }
        sources.add(&f.source, r);
        owners.add(&f.owner, r);
    }
    let all = records.len();
    let mut places: Vec<(Place, Vec<u32>)> = places
        .into_iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(i, m)| (PlaceCode::from_index(i).place(), m))
        .collect();
    // The unknown row sorts last whatever its count (its key sorts after every other).
    places.sort_by(|a, b| {
        (a.0 == Place::Unknown)
            .cmp(&(b.0 == Place::Unknown))
            .then(b.1.len().cmp(&a.1.len()))
            .then(a.0.cmp(&b.0))
    });
    Makeup {
        types: types.parts(all),
        kinds: kinds.parts(all),
        sexes: sexes.parts(persons),
        ages: ages.parts(persons),
        places: parts(places, all),
        sources: sources.parts(all),
        owners: owners.parts(all),
    }
}

fn parts<K>(rows: Vec<(K, Vec<u32>)>, whole: usize) -> Vec<Part<K>> {
    rows.into_iter()
        .map(|(key, members)| Part {
            share_tenths: pct_tenths(members.len() as i64, whole as i64).unwrap_or(0),
            key,
            members,
        })
        .collect()
}

/// A breakdown with a fixed list of rows, all shown even when empty.
struct Tally<K> {
    rows: Vec<(K, Vec<u32>)>,
}

impl<K> Tally<K> {
    fn new(keys: impl IntoIterator<Item = K>) -> Tally<K> {
        Tally {
            rows: keys.into_iter().map(|k| (k, Vec::new())).collect(),
        }
    }

    /// Adds a record to the row of the `row`-th key.
    fn add(&mut self, row: usize, record: u32) {
        if let Some((_, m)) = self.rows.get_mut(row) {
            m.push(record);
        }
    }

    fn parts(self, whole: usize) -> Vec<Part<K>> {
        parts(self.rows, whole)
    }
}

/// A breakdown by a free text (source, owner): one row per text folded ([`fold`]), shown as
/// first met.
#[derive(Default)]
struct Texts<'a> {
    /// Row of each exact trimmed spelling met, so that folding is once per spelling, not once
    /// per fiche.
    by_spelling: HashMap<&'a str, usize, BuildHasherDefault<Fnv>>,
    by_folded: HashMap<String, usize, BuildHasherDefault<Fnv>>,
    /// (folded, shown, members).
    rows: Vec<(String, &'a str, Vec<u32>)>,
    unknown: Vec<u32>,
}

impl<'a> Texts<'a> {
    fn add(&mut self, text: &'a str, record: u32) {
        let text = text.trim();
        if text.is_empty() {
            self.unknown.push(record);
            return;
        }
        let row = match self.by_spelling.get(text) {
            Some(&row) => row,
            None => {
                let folded = fold(text);
                let row = match self.by_folded.get(&folded) {
                    Some(&row) => row,
                    None => {
                        self.rows.push((folded.clone(), text, Vec::new()));
                        self.by_folded.insert(folded, self.rows.len() - 1);
                        self.rows.len() - 1
                    }
                };
                self.by_spelling.insert(text, row);
                row
            }
        };
        if let Some((_, _, m)) = self.rows.get_mut(row) {
            m.push(record);
        }
    }

    fn parts(mut self, whole: usize) -> Vec<Part<Option<String>>> {
        self.rows
            .sort_by(|a, b| b.2.len().cmp(&a.2.len()).then_with(|| a.0.cmp(&b.0)));
        let mut rows: Vec<(Option<String>, Vec<u32>)> = self
            .rows
            .into_iter()
            .map(|(_, shown, m)| (Some(shown.to_string()), m))
            .collect();
        if !self.unknown.is_empty() {
            rows.push((None, self.unknown));
        }
        parts(rows, whole)
    }
}

/// FNV-1a: the texts hashed are a few bytes long, and the standard SipHash costs several
/// times more per fiche (no hostile input to fear here).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The place of a fiche: from its first address only (a fiche's main address is the first).
/// Abroad when that address's country is set and is not France ("France", "FR", "FRA" or
/// "République française", in any case and with or without accents); otherwise the
/// département of its postal code, spaces removed: five digits, the first two ("75"), three for
/// overseas ("971" to "988"), "2A" below 20200 and "2B" from 20200 for Corsica, or a code
/// written "2A…"/"2B…" (any case, three digits after). Unknown without an address, without such
/// a code, or with "00".
pub fn place(f: &Fiche) -> Place {
    PlaceCode::of(f).place()
}

/// A place as a small number, so that the pass over the file builds no string per fiche:
/// départements 00 to 99 as themselves (00 is never used), 2A and 2B, the overseas 970 to
/// 989, abroad, unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceCode {
    Two(u8),
    Corsica(u8),
    Overseas(u8),
    Abroad,
    Unknown,
}

impl PlaceCode {
    const COUNT: usize = 100 + 2 + 20 + 2;

    fn index(self) -> usize {
        match self {
            PlaceCode::Two(n) => usize::from(n),
            PlaceCode::Corsica(n) => 100 + usize::from(n),
            PlaceCode::Overseas(n) => 102 + usize::from(n),
            PlaceCode::Abroad => 122,
            PlaceCode::Unknown => 123,
        }
    }

    fn from_index(i: usize) -> PlaceCode {
        match i {
            0..=99 => PlaceCode::Two(i as u8),
            100..=101 => PlaceCode::Corsica((i - 100) as u8),
            102..=121 => PlaceCode::Overseas((i - 102) as u8),
            122 => PlaceCode::Abroad,
            _ => PlaceCode::Unknown,
        }
    }

    fn place(self) -> Place {
        match self {
            PlaceCode::Two(0) | PlaceCode::Unknown => Place::Unknown,
            PlaceCode::Two(n) => Place::Departement(format!("{n:02}")),
            PlaceCode::Corsica(0) => Place::Departement("2A".into()),
            PlaceCode::Corsica(_) => Place::Departement("2B".into()),
            PlaceCode::Overseas(n) => Place::Departement(format!("{}", 970 + u32::from(n))),
            PlaceCode::Abroad => Place::Abroad,
        }
    }

    fn of(f: &Fiche) -> PlaceCode {
        let Some(address) = f.addresses.first() else {
            return PlaceCode::Unknown;
        };
        if !is_france(&address.country) {
            return PlaceCode::Abroad;
        }
        let Some(code) = five(&address.postal_code) else {
            return PlaceCode::Unknown;
        };
        let digit = |b: u8| b.is_ascii_digit().then(|| b - b'0');
        match code.map(digit) {
            [Some(a), Some(b), Some(c), Some(d), Some(e)] => match (a, b) {
                (0, 0) => PlaceCode::Unknown,
                (2, 0) => PlaceCode::Corsica(u8::from(
                    u16::from(c) * 100 + u16::from(d) * 10 + u16::from(e) >= 200,
                )),
                (9, 7 | 8) => PlaceCode::Overseas((b - 7) * 10 + c),
                _ => PlaceCode::Two(a * 10 + b),
            },
            [Some(2), None, Some(_), Some(_), Some(_)] => match code[1] {
                b'a' | b'A' => PlaceCode::Corsica(0),
                b'b' | b'B' => PlaceCode::Corsica(1),
                _ => PlaceCode::Unknown,
            },
            _ => PlaceCode::Unknown,
        }
    }
}

/// The text without its white space, if that leaves five ASCII characters. Read as bytes: a
/// postal code is ASCII but for a rare non-breaking space, and decoding characters one by one
/// was most of the time of a fiche's place.
fn five(text: &str) -> Option<[u8; 5]> {
    if !text.is_ascii() {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        return if compact.is_ascii() {
            five(&compact)
        } else {
            None
        };
    }
    let (mut out, mut len) = ([0u8; 5], 0);
    for &b in text.as_bytes() {
        // ASCII white space as `char::is_whitespace` has it: space, tab to carriage return.
        if b == b' ' || (0x09..=0x0d).contains(&b) {
            continue;
        }
        *out.get_mut(len)? = b;
        len += 1;
    }
    (len == 5).then_some(out)
}

/// An empty country or France.
fn is_france(country: &str) -> bool {
    let country = country.trim();
    country.is_empty()
        || ["france", "fr", "fra"]
            .iter()
            .any(|f| country.eq_ignore_ascii_case(f))
        || fold(country) == "republique francaise"
}
