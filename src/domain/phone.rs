//! Phone numbers: a small rule for French and E.164 numbers instead of `phonenumber` (461 KB).
//!
//! Numbers are stored in E.164 form ("+33612345678") so that duplicates and searches compare
//! equal whatever way they were typed, and shown in the French national form when French.

use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PhoneError {
    #[error("empty phone number")]
    Empty,
    #[error("a phone number may only contain digits, spaces and . - ( ) /, after an optional +")]
    InvalidCharacters,
    #[error("too few digits for a phone number")]
    TooFewDigits,
    #[error("too many digits for a phone number")]
    TooManyDigits,
    /// Neither a French number starting with 0 nor an international one starting with + or 00.
    #[error("international numbers start with + or 00 and the country code")]
    MissingCountryCode,
}

/// E.164 allows at most 15 digits, country code included; below 8 nothing real is dialable.
const E164_MIN: usize = 8;
const E164_MAX: usize = 15;
/// Digits of a French number after the country code or the trunk 0.
const FR_SUBSCRIBER: usize = 9;

/// Normalises a typed phone number to E.164 ("+33612345678").
///
/// Accepts "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678",
/// "+33 (0)6 12 34 56 78" and international numbers ("+44 20 7946 0958", "0044…"). Also repairs
/// what spreadsheets do to French numbers: "612345678" (leading 0 eaten) and "33612345678"
/// (plus sign eaten) are read as French.
pub fn normalize_phone(raw: &str) -> Result<String, PhoneError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(PhoneError::Empty);
    }
    let (plus, rest) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '\u{a0}' | '\u{202f}' | '\t' | '.' | '-' | '(' | ')' | '/' => {}
            _ => return Err(PhoneError::InvalidCharacters),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::TooFewDigits);
    }

    let intl = if plus {
        // "+33 (0)6…": the bracketed trunk zero is not dialled from abroad.
        strip_bracketed_zero(rest, &digits)
    } else if let Some(intl) = digits.strip_prefix("00") {
        intl.to_string()
    } else if let Some(sub) = digits.strip_prefix('0') {
        return french_subscriber(sub);
    } else if digits.len() == FR_SUBSCRIBER {
        return french_subscriber(&digits);
    } else if digits.len() == FR_SUBSCRIBER + 2 && digits.starts_with("33") {
        digits
    } else {
        return Err(match digits.len() {
            n if n < E164_MIN => PhoneError::TooFewDigits,
            n if n > E164_MAX => PhoneError::TooManyDigits,
            _ => PhoneError::MissingCountryCode,
        });
    };

    if let Some(fr) = intl.strip_prefix("33") {
        // "+33 06 12 34 56 78" is a frequent slip: drop the trunk zero.
        let fr = if fr.len() == FR_SUBSCRIBER + 1 {
            fr.strip_prefix('0').unwrap_or(fr)
        } else {
            fr
        };
        return french_subscriber(fr);
    }
    match intl.len() {
        n if n < E164_MIN => Err(PhoneError::TooFewDigits),
        n if n > E164_MAX => Err(PhoneError::TooManyDigits),
        _ if intl.starts_with('0') => Err(PhoneError::MissingCountryCode),
        _ => Ok(format!("+{intl}")),
    }
}

/// The digits after "+", without a "(0)" that follows the country code.
fn strip_bracketed_zero(rest: &str, digits: &str) -> String {
    let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.find("(0)") {
        Some(at) => {
            let before = compact[..at].chars().filter(char::is_ascii_digit).count();
            let mut d = digits.to_string();
            d.remove(before);
            d
        }
        None => digits.to_string(),
    }
}

/// "+33" and the nine digits after the trunk zero.
fn french_subscriber(sub: &str) -> Result<String, PhoneError> {
    match sub.len() {
        n if n < FR_SUBSCRIBER => Err(PhoneError::TooFewDigits),
        n if n > FR_SUBSCRIBER => Err(PhoneError::TooManyDigits),
        // "00…" is an international prefix and was handled before; "+33 0…" with 9 digits is not
        // a number either.
        _ if sub.starts_with('0') => Err(PhoneError::TooFewDigits),
        _ => Ok(format!("+33{sub}")),
    }
}

/// The digits of a number, for searching: "06 12 34" -> "061234".
pub fn phone_digits(raw: &str) -> String {
    raw.chars().filter(char::is_ascii_digit).collect()
}

/// The French national form of a French E.164 number ("+33612345678" -> "06 12 34 56 78");
/// anything else is returned as it is.
pub fn format_phone_fr(normalized: &str) -> String {
    match national_fr(normalized) {
        Some(national) => {
            let mut out = String::with_capacity(14);
            for (i, c) in national.chars().enumerate() {
                if i > 0 && i.is_multiple_of(2) {
                    out.push(' ');
                }
                out.push(c);
            }
            out
        }
        None => normalized.to_string(),
    }
}

/// "+33612345678" -> "0612345678"; `None` for anything that is not a French E.164 number.
pub fn national_fr(normalized: &str) -> Option<String> {
    let sub = normalized.strip_prefix("+33")?;
    (sub.len() == FR_SUBSCRIBER && sub.bytes().all(|b| b.is_ascii_digit()) && !sub.starts_with('0'))
        .then(|| format!("0{sub}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_zero_only_after_country_code() {
        assert_eq!(
            normalize_phone("+33 (0)6 12 34 56 78").as_deref(),
            Ok("+33612345678")
        );
        assert_eq!(
            normalize_phone("+44 (0)20 7946 0958").as_deref(),
            Ok("+442079460958")
        );
    }
}
