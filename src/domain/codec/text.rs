//! Bytes of an imported file to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! otherwise Windows-1252, what Excel writes on a French Windows machine.
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
        (
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        )
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
            Err(_) => (windows_1252(bytes), Encoding::Windows1252),
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
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
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
