//! Money as integer cents: parsing what people type and formatting it back.
//!
//! French formatting follows what browsers print for `Intl.NumberFormat("fr-FR")`, with one
//! character for both gaps: U+202F NARROW NO-BREAK SPACE between thousands and before "€"
//! ("1 234,56 €"), so an amount never breaks across lines. Parsing accepts any space.

use thiserror::Error;

use super::lang::Lang;

/// The space used by [`format_amount`] in French (thousands and before the currency sign).
pub const NNBSP: char = '\u{202f}';

/// The largest amount accepted, in cents (just under 10 000 billion euros): below 2^53, so the
/// amount stays exact once stored as a JavaScript number in IndexedDB.
pub const MAX_CENTS: i64 = 999_999_999_999_999;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum MoneyError {
    #[error("empty amount")]
    Empty,
    #[error("not an amount")]
    Invalid,
    #[error("more than two decimals")]
    TooManyDecimals,
    #[error("amount too large")]
    Overflow,
}

/// A minus sign: ASCII hyphen-minus or U+2212 MINUS SIGN.
const MINUS: [char; 2] = ['-', '\u{2212}'];

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | NNBSP | '\t')
}

/// Reads an amount in euros into cents: "12,50", "12.50", "1 234,56", "1.234,56", "1,234.56",
/// "1234", "12,5", "€ 12,50", "12,50 €", "12,50 EUR", "-3,20".
///
/// A negative amount (a refund, a credit note) is written as till and accounting exports write
/// it: a leading minus ("-3,20", "€ -3,20", "−3,20" with U+2212), a trailing one ("3,20-"), or
/// parentheses ("(3,20)", "(3,20 €)"). One sign only: "--3", "-(3)" or "+3-" are refused.
///
/// When only one kind of separator appears it is the decimal separator if it appears once and a
/// thousands separator if it appears several times; with both, the last one is the decimal
/// separator. Thousands groups must have three digits, so "12 50" or "1.2.3" are refused rather
/// than guessed.
pub fn parse_amount(raw: &str) -> Result<i64, MoneyError> {
    let mut text = raw.trim();
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    // `Some(true)` once a minus or parentheses were read, `Some(false)` after a plus.
    let mut sign: Option<bool> = None;
    // The sign may come before or after the currency sign: "-€3,20", "€ -3,20", "-3,20 €",
    // "(3,20 €)", "3,20 €-".
    loop {
        let before = text;
        text = strip_currency(text).trim_matches(is_space);
        let signed = if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            Some((inner, true))
        } else if let Some(rest) = text.strip_prefix(MINUS) {
            Some((rest, true))
        } else if let Some(rest) = text.strip_suffix(MINUS) {
            Some((rest, true))
        } else {
            text.strip_prefix('+').map(|rest| (rest, false))
        };
        if let Some((rest, negative)) = signed {
            if sign.replace(negative).is_some() {
                return Err(MoneyError::Invalid);
            }
            text = rest;
        }
        if text == before {
            break;
        }
    }
    let negative = sign == Some(true);
    if text.is_empty() {
        return Err(MoneyError::Invalid);
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_space(c))
    {
        return Err(MoneyError::Invalid);
    }

    let last_comma = text.rfind(',');
    let last_dot = text.rfind('.');
    let commas = text.matches(',').count();
    let dots = text.matches('.').count();
    let decimal = match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(c), None) if commas == 1 => Some(c),
        (None, Some(d)) if dots == 1 => Some(d),
        _ => None,
    };
    let (int_part, frac_part) = match decimal {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };

    let int_digits = integer_digits(int_part)?;
    let frac_digits = match frac_part {
        None => "",
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(MoneyError::Invalid)
        }
        Some(f) if f.len() > 2 => return Err(MoneyError::TooManyDecimals),
        Some(f) => f,
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(MoneyError::Invalid);
    }

    let mut cents: i64 = 0;
    for b in int_digits.bytes() {
        cents = cents
            .checked_mul(10)
            .and_then(|c| c.checked_add(i64::from(b - b'0')))
            .ok_or(MoneyError::Overflow)?;
    }
    let frac = match frac_digits.as_bytes() {
        [] => 0,
        [d] => i64::from(d - b'0') * 10,
        [d, e, ..] => i64::from(d - b'0') * 10 + i64::from(e - b'0'),
    };
    let cents = cents
        .checked_mul(100)
        .and_then(|c| c.checked_add(frac))
        .filter(|&c| c <= MAX_CENTS)
        .ok_or(MoneyError::Overflow)?;
    Ok(if negative { -cents } else { cents })
}

fn strip_currency(text: &str) -> &str {
    let text = text.trim_matches(is_space);
    let text = text
        .strip_prefix('€')
        .or_else(|| text.strip_suffix('€'))
        .unwrap_or(text);
    let upper = |s: &str| s.to_ascii_uppercase();
    if text.len() >= 3 && text.is_char_boundary(3) && upper(&text[..3]) == "EUR" {
        &text[3..]
    } else if text.len() >= 3
        && text.is_char_boundary(text.len() - 3)
        && upper(&text[text.len() - 3..]) == "EUR"
    {
        &text[..text.len() - 3]
    } else {
        text
    }
}

/// The digits of the integer part, checking that any separators in it group by three.
fn integer_digits(int_part: &str) -> Result<String, MoneyError> {
    let groups: Vec<&str> = int_part
        .split(|c: char| c == ',' || c == '.' || is_space(c))
        .collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(MoneyError::Invalid);
        }
    }
    Ok(groups.concat())
}

/// "1 234,56 €" (French, U+202F spaces) or "€1,234.56" (English); negatives as "-3,20 €" / "-€3.20".
pub fn format_amount(cents: i64, lang: Lang) -> String {
    let (units, frac) = split_cents(cents);
    let sign = if cents < 0 { "-" } else { "" };
    match lang {
        Lang::Fr => format!("{sign}{},{frac:02}{NNBSP}€", group_thousands(units, NNBSP)),
        Lang::En => format!("{sign}€{}.{frac:02}", group_thousands(units, ',')),
    }
}

/// A whole number as the interface writes it, with the thousands apart as in amounts:
/// "20 000" (French, U+202F) or "20,000" (English).
pub fn format_whole(n: usize, lang: Lang) -> String {
    let sep = match lang {
        Lang::Fr => NNBSP,
        Lang::En => ',',
    };
    group_thousands(n as u64, sep)
}

/// "1234,56" or "-3,20": what goes back into an input, read again by [`parse_amount`].
pub fn format_amount_plain(cents: i64) -> String {
    let (units, frac) = split_cents(cents);
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{units},{frac:02}")
}

/// Absolute euros and cents; `unsigned_abs` so that `i64::MIN` formats too.
fn split_cents(cents: i64) -> (u64, u64) {
    let abs = cents.unsigned_abs();
    (abs / 100, abs % 100)
}

fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len_utf8());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}
