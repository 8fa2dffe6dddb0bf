//! Accent- and case-insensitive search over the file.
//!
//! Each fiche gets a pre-folded [`haystack`]; a [`Query`] is folded once and then each fiche costs
//! a few substring scans, which keeps filtering 100k fiches in memory in the millisecond range.

use super::fiche::Fiche;
use super::phone::{national_fr, normalize_phone, phone_digits};

/// Lowercases and removes accents: "HÉLÈNE" and "Hélène" both give "helene", "Œuvre" gives
/// "oeuvre", "Straße" gives "strasse".
///
/// A hand-written table for the Latin-1 and Latin Extended-A letters of the languages served
/// (French, Spanish, German, Portuguese, Italian, plus the common central European ones) instead
/// of `unicode-normalization`, which would cost 65 KB of wasm. Combining accents (text typed in
/// decomposed form) are dropped; other characters are only lowercased.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// [`fold`] appending to `out`.
fn fold_into(out: &mut String, s: &str) {
    for upper in s.chars() {
        if upper.is_ascii() {
            out.push(upper.to_ascii_lowercase());
            continue;
        }
        for c in upper.to_lowercase() {
            match fold_char(c) {
                Folded::One(f) => out.push(f),
                Folded::Two(a, b) => {
                    out.push(a);
                    out.push(b);
                }
                Folded::Drop => {}
                Folded::Keep => out.push(c),
            }
        }
    }
}

enum Folded {
    One(char),
    Two(char, char),
    Drop,
    Keep,
}

/// Folds one already lowercased character.
fn fold_char(c: char) -> Folded {
    use Folded::{Drop, Keep, One, Two};
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => One('a'),
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => One('c'),
        'ď' | 'đ' => One('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => One('e'),
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => One('g'),
        'ĥ' | 'ħ' => One('h'),
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => One('i'),
        'ĵ' => One('j'),
        'ķ' => One('k'),
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => One('l'),
        'ñ' | 'ń' | 'ņ' | 'ň' => One('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => One('o'),
        'ŕ' | 'ŗ' | 'ř' => One('r'),
        'ś' | 'ŝ' | 'ş' | 'š' => One('s'),
        'ţ' | 'ť' | 'ŧ' => One('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => One('u'),
        'ŵ' => One('w'),
        'ý' | 'ÿ' | 'ŷ' => One('y'),
        'ź' | 'ż' | 'ž' => One('z'),
        'œ' => Two('o', 'e'),
        'æ' => Two('a', 'e'),
        'ß' => Two('s', 's'),
        'ð' => One('d'),
        'þ' => Two('t', 'h'),
        // Typographic apostrophes, so "O’Brien" finds "O'Brien"; no-break spaces as spaces.
        '\u{2019}' | '\u{2018}' | '\u{2bc}' => One('\''),
        '\u{a0}' | '\u{202f}' => One(' '),
        // Combining diacritical marks.
        '\u{300}'..='\u{36f}' => Drop,
        _ => Keep,
    }
}

/// Everything a search looks at in one fiche, folded, one field per line so that a query word
/// never matches across two fields.
///
/// Phones appear as typed, as bare digits and, for French numbers, in the national form too:
/// "0612" and "33612" both find "+33 6 12 34 56 78".
pub fn haystack(f: &Fiche) -> String {
    // Folded straight into one string: this runs for every fiche of an import or of the file.
    let mut out = String::new();
    let mut add = |part: &str| {
        let part = part.trim();
        if !part.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            fold_into(&mut out, part);
        }
    };
    add(&f.display_name());
    add(&f.first_name);
    add(&f.last_name);
    add(&f.company);
    for e in &f.emails {
        add(&e.value);
    }
    for p in &f.phones {
        add(&p.value);
        add(&phone_digits(&p.value));
        if let Ok(normalized) = normalize_phone(&p.value) {
            add(&phone_digits(&normalized));
            if let Some(national) = national_fr(&normalized) {
                add(&national);
            }
        }
    }
    for a in &f.addresses {
        add(&a.city);
        add(&a.postal_code);
    }
    out
}

/// A folded search: every word must appear somewhere in the haystack.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
    /// [`letters`] of every word.
    letters: u64,
    /// Every word is one letter or digit: [`Query::letters`] is the whole answer.
    only_letters: bool,
}

/// The ASCII letters and digits in `bytes`, a bit each (`a`–`z`, then `0`–`9`): a text lacking
/// one of a query's cannot match it, which a pass over 100,000 fiches tells from one `u64` per
/// fiche instead of a search through its text.
pub fn letters(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |m, &b| m | letter_bit(b))
}

fn letter_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

impl Query {
    /// Splits on whitespace and folds. A query made only of digits and phone punctuation
    /// ("06 12 34", "06.12.34") becomes one string of digits, so it matches the phone's digits.
    pub fn new(raw: &str) -> Query {
        let folded = fold(raw);
        let phone_like = folded.chars().any(|c| c.is_ascii_digit())
            && folded
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace() || "+.-/()".contains(c));
        let words = if phone_like {
            vec![phone_digits(&folded)]
        } else {
            folded.split_whitespace().map(str::to_string).collect()
        };
        let letters = words.iter().fold(0, |m, w| m | letters(w.as_bytes()));
        let only_letters = words
            .iter()
            .all(|w| w.len() == 1 && letter_bit(w.as_bytes()[0]) != 0);
        Query {
            words,
            letters,
            only_letters,
        }
    }

    /// The letters and digits every matching text holds (see [`letters`]).
    pub fn letters(&self) -> u64 {
        self.letters
    }

    /// Whether the letters tell the whole answer: every word is one letter or digit (known
    /// from the start: a pass asks it of every fiche).
    pub fn only_letters(&self) -> bool {
        self.only_letters
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded words, for highlighting.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// True when every word is a substring of `haystack` (which must come from [`haystack`] or
    /// be folded the same way). The empty query matches everything.
    pub fn matches(&self, haystack: &str) -> bool {
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}
