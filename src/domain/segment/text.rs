//! The text a filter reads, folded once per fiche change rather than per pass.
//!
//! Measured over 100,000 demo fiches: reading the fiches' own strings costs a cache miss per
//! string and folding them an allocation each (70 ms for "name contains" natively). Here each
//! fiche has one folded string with its fields side by side and where each starts, so a text
//! test is one substring search in memory already at hand.

use serde::{Deserialize, Serialize};

use crate::domain::custom_field::CustomValue;
use crate::domain::fiche::{Address, Fiche};
use crate::domain::phone::{national_fr, normalize_phone, phone_digits};
use crate::domain::search::{fold, letters, Query};

/// Separators: after each slot (field), between two values of a slot, between two custom fields,
/// between a custom field's id and its values. Never in user text: [`clean`] replaces them.
const SLOT: char = '\u{1e}';
const VALUE: char = '\u{1f}';
const ENTRY: char = '\u{1c}';
const KEY: char = '\u{1d}';

/// Text fields. Several values (e-mails, phones, addresses; first name, last name and company
/// for `Name`) match when one of them does, and are empty when all of them are blank. The order
/// is that of [`FoldedText`]'s slots (not a stored format: serde uses the names): `Name` must
/// stay just before its three parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    Name,
    FirstName,
    LastName,
    Company,
    // The list's search reads these five with the three above: kept together, they are one
    // range of `FoldedText` (one substring search per word instead of several).
    Email,
    Phone,
    PostalCode,
    City,
    JobTitle,
    Sector,
    Website,
    Street,
    Region,
    Country,
    Owner,
    Source,
    Notes,
}

impl TextField {
    pub const ALL: [TextField; 17] = [
        TextField::Name,
        TextField::FirstName,
        TextField::LastName,
        TextField::Company,
        TextField::Email,
        TextField::Phone,
        TextField::PostalCode,
        TextField::City,
        TextField::JobTitle,
        TextField::Sector,
        TextField::Website,
        TextField::Street,
        TextField::Region,
        TextField::Country,
        TextField::Owner,
        TextField::Source,
        TextField::Notes,
    ];
}

/// The slots: one per [`TextField`] in its order (`Name`'s stays empty: it is the range of its
/// three parts), then tags, interests, custom fields (`id KEY values`, separated by `ENTRY`) and
/// the phones' digit forms that the list's search also reads.
const TAGS: usize = TextField::ALL.len();
const INTERESTS: usize = TAGS + 1;
const CUSTOM: usize = TAGS + 2;
const DIGITS: usize = TAGS + 3;
const SLOTS: usize = TAGS + 4;

/// User text as stored in a [`FoldedText`], separators made spaces.
pub(super) fn clean(c: char) -> char {
    if matches!(c, SLOT | VALUE | ENTRY | KEY) {
        ' '
    } else {
        c
    }
}

/// The values of a slot, or of a custom field, as bytes: the separators are ASCII, and a
/// byte split is several times faster than a split on two chars.
pub(super) fn values(slot: &str) -> impl Iterator<Item = &[u8]> + Clone {
    slot.as_bytes()
        .split(|&b| b == SLOT as u8 || b == VALUE as u8)
        .filter(|v| !v.is_empty())
}

/// Every text field, tag, interest and custom text or choice of one fiche: folded
/// ([`fold`]), trimmed, blank values left out. Keep it next to the fiche and rebuild it whenever
/// the fiche changes, as for `search::haystack`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldedText {
    text: Box<str>,
    /// Where each slot starts in `text`.
    starts: [u32; SLOTS],
    /// The letters and digits of what the list's search reads ([`letters`]).
    searched: u64,
}

impl FoldedText {
    pub fn new(f: &Fiche) -> FoldedText {
        let mut b = Builder {
            text: String::with_capacity(256),
            ..Builder::default()
        };
        for field in TextField::ALL {
            b.field(f, field);
        }
        b.slot(f.tags.iter());
        b.slot(f.interests.iter());
        b.next_slot();
        for (id, v) in &f.custom {
            let texts = match v {
                CustomValue::Text(t) | CustomValue::Choice(t) => std::slice::from_ref(t),
                CustomValue::Choices(cs) => cs.as_slice(),
                _ => continue,
            };
            if !b.text.ends_with(SLOT) {
                b.text.push(ENTRY);
            }
            b.text.extend(id.chars().map(clean));
            b.text.push(KEY);
            b.values(texts.iter());
        }
        let mut digits = Vec::new();
        for p in &f.phones {
            digits.push(phone_digits(&p.value));
            if let Ok(normalized) = normalize_phone(&p.value) {
                digits.push(phone_digits(&normalized));
                digits.extend(national_fr(&normalized));
            }
        }
        b.slot(digits.iter());
        let mut text = FoldedText {
            text: b.text.into_boxed_str(),
            starts: b.starts,
            searched: 0,
        };
        text.searched = text
            .searched_parts()
            .iter()
            .fold(0, |m, p| m | letters(p.as_bytes()));
        text
    }

    /// What the list's search reads: two ranges, since its fields are neighbours in
    /// `TextField`'s order.
    fn searched_parts(&self) -> [&str; 2] {
        use TextField as T;
        [
            self.slots(T::FirstName as usize, T::City as usize),
            self.slots(DIGITS, DIGITS),
        ]
    }

    /// Bytes held on the heap, for memory figures.
    pub fn heap_bytes(&self) -> usize {
        self.text.len()
    }

    /// Slots `first..=last` as one string, separators included.
    fn slots(&self, first: usize, last: usize) -> &str {
        let start = self.starts.get(first).map_or(0, |&s| s as usize);
        let end = self
            .starts
            .get(last + 1)
            .map_or(self.text.len(), |&s| (s as usize).saturating_sub(1));
        self.text.get(start..end).unwrap_or_default()
    }

    /// The list's search ([`Query`], as over `search::haystack`): every word is found in the
    /// names, e-mails, phones (as typed or as digits), postal codes or cities. A word holds no
    /// separator, so it never spans two values.
    pub fn matches_query(&self, q: &Query) -> bool {
        // A letter the query needs and the text lacks settles it without reading the text;
        // one-letter words (the first keystroke of a search, the slowest) need nothing more.
        if self.searched & q.letters() != q.letters() {
            return false;
        }
        if q.only_letters() {
            return true;
        }
        let parts = self.searched_parts();
        q.words()
            .iter()
            .all(|w| parts.iter().any(|p| p.contains(w.as_str())))
    }

    /// The values of a text field (`Name`: first name, last name and company).
    pub(super) fn field(&self, field: TextField) -> &str {
        match field {
            TextField::Name => {
                self.slots(TextField::FirstName as usize, TextField::Company as usize)
            }
            f => self.slots(f as usize, f as usize),
        }
    }

    pub(super) fn tags(&self) -> &str {
        self.slots(TAGS, TAGS)
    }

    pub(super) fn interests(&self) -> &str {
        self.slots(INTERESTS, INTERESTS)
    }

    /// The text or choices of the custom field `id`.
    pub(super) fn custom(&self, id: &str) -> &str {
        self.slots(CUSTOM, CUSTOM)
            .split(ENTRY)
            .find_map(|e| e.strip_prefix(id)?.strip_prefix(KEY))
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct Builder {
    text: String,
    starts: [u32; SLOTS],
    slot: usize,
}

impl Builder {
    /// The values of a text field as typed (none for `Name`).
    fn field(&mut self, f: &Fiche, field: TextField) {
        use std::iter::once;
        use TextField as T;
        let each = |get: fn(&Address) -> &String| f.addresses.iter().map(get);
        match field {
            T::Name => self.slot(std::iter::empty()),
            T::FirstName => self.slot(once(&f.first_name)),
            T::LastName => self.slot(once(&f.last_name)),
            T::Company => self.slot(once(&f.company)),
            T::JobTitle => self.slot(once(&f.job_title)),
            T::Sector => self.slot(once(&f.sector)),
            T::Email => self.slot(f.emails.iter().map(|e| &e.value)),
            T::Phone => self.slot(f.phones.iter().map(|p| &p.value)),
            T::Website => self.slot(once(&f.website)),
            T::Street => self.slot(each(|a| &a.street)),
            T::PostalCode => self.slot(each(|a| &a.postal_code)),
            T::City => self.slot(each(|a| &a.city)),
            T::Region => self.slot(each(|a| &a.region)),
            T::Country => self.slot(each(|a| &a.country)),
            T::Owner => self.slot(once(&f.owner)),
            T::Source => self.slot(once(&f.source)),
            T::Notes => self.slot(once(&f.notes)),
        }
    }

    fn slot<'a>(&mut self, values: impl Iterator<Item = &'a String>) {
        self.next_slot();
        self.values(values);
    }

    fn next_slot(&mut self) {
        if self.slot > 0 {
            self.text.push(SLOT);
        }
        if let Some(start) = self.starts.get_mut(self.slot) {
            *start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        }
        self.slot += 1;
    }

    fn values<'a>(&mut self, values: impl Iterator<Item = &'a String>) {
        let mut first = true;
        for v in values.map(|v| v.trim()).filter(|v| !v.is_empty()) {
            if !first {
                self.text.push(VALUE);
            }
            first = false;
            // ASCII folds to its lowercase: spare the allocation of `fold` for most values.
            if v.is_ascii() {
                self.text
                    .extend(v.chars().map(|c| clean(c.to_ascii_lowercase())));
            } else {
                self.text.extend(fold(v).chars().map(clean));
            }
        }
    }
}
