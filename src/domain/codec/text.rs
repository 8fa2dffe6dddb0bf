//! Bytes of an imported file to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! otherwise Windows-1252, what Excel writes on a French Windows machine. A file that is not
//! UTF-8 as a whole is read line by line: a UTF-8 header on a Windows-1252 export (a header
//! typed in another tool, rows pasted from the till) keeps its accents, and the mixture is
//! reported ([`Encoding::Utf8AndWindows1252`]).
//!
//! Windows-1252 is Latin-1 with 32 printable characters in 0x80–0x9F, so one small table does it
//! (`encoding_rs` would add 128 KB of wasm). ISO-8859-1 files decode the same way: their only
//! difference is in C1 control characters nobody types.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Files larger than this are refused with a message rather than parsed for a minute.
pub const MAX_IMPORT_BYTES: usize = 50 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with the byte order mark Excel writes ("CSV UTF-8").
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
    /// Some lines in UTF-8, others in Windows-1252 (the file is not UTF-8 as a whole, but a
    /// line with accents is): each line is decoded as what it is. Worth a word to the user,
    /// who should check the accents.
    Utf8AndWindows1252,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text without its byte order mark.
    pub text: String,
    pub encoding: Encoding,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TextError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes; files over {limit} bytes are not imported")]
    TooLarge { size: usize, limit: usize },
    /// NUL bytes or mostly control characters: a spreadsheet (.xlsx), an image, a zip…
    #[error("this is not a text file (a spreadsheet must be saved as CSV first)")]
    Binary,
}

/// Characters 0x80–0x9F of Windows-1252. The five holes (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep
/// their Latin-1 control character, as browsers do.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes an imported file, refusing empty, oversized and binary input.
pub fn decode(bytes: &[u8]) -> Result<Decoded, TextError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(TextError::TooLarge {
            size: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_string(), Encoding::Utf8Bom),
            // Rows appended by a tool writing Windows-1252 after a UTF-8 header.
            Err(_) => by_line(rest),
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, u16::from_le_bytes), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes), Encoding::Utf16Be)
    } else if bytes.contains(&0) {
        // UTF-16 without a BOM is also refused here: no tool writes it for CSV.
        return Err(TextError::Binary);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => by_line(bytes),
        }
    };
    if text.trim().is_empty() {
        return Err(TextError::Empty);
    }
    if looks_binary(&text) {
        return Err(TextError::Binary);
    }
    Ok(Decoded { text, encoding })
}

/// Windows-1252 to text; every byte is a character, so this never fails.
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1252(b)).collect()
}

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// A file that is not UTF-8 as a whole, line by line: a line that is valid UTF-8 is read as
/// UTF-8, any other as Windows-1252. (A line of Windows-1252 text with accents is valid UTF-8
/// only by a freak of byte values: "é" is 0xE9, which UTF-8 would need followed by two bytes of
/// 0x80–0xBF, symbols such as "€", "’" or "»", and every other accent of the line to fit too.)
/// Windows-1252 when no line with accents was UTF-8; else both, and the caller says so.
fn by_line(bytes: &[u8]) -> (String, Encoding) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 16);
    let mut utf8_accents = false;
    // UTF-8 never uses the byte of '\n' inside a character: lines split safely.
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(s) => {
                utf8_accents |= !s.is_ascii();
                text.push_str(s);
            }
            Err(_) => text.extend(line.iter().map(|&b| cp1252(b))),
        }
    }
    let encoding = if utf8_accents {
        Encoding::Utf8AndWindows1252
    } else {
        Encoding::Windows1252
    };
    (text, encoding)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// More than one character in ten of the first 4,096 is a control character other than
/// tab, line feed, carriage return and form feed (or a replacement character): not text.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(4096) {
        total += 1;
        if c == '\0'
            || c == char::REPLACEMENT_CHARACTER
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        {
            odd += 1;
        }
    }
    odd * 10 > total
}
