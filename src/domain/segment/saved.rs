//! Saved dynamic segments (the filter is stored, never the fiches it selected) and the filter's
//! form in the address bar.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use thiserror::Error;

use super::filter::Filter;

/// The version of the stored and URL forms. Readers refuse a newer one rather than misread it;
/// a change that old readers cannot ignore bumps it, and older versions are converted on read.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SegmentError {
    #[error("made by a newer version of Carnet (format {0})")]
    NewerFormat(u32),
    #[error("not a filter address")]
    NotAFilter,
    #[error("invalid filter: {0}")]
    Invalid(String),
}

/// A named filter, e.g. `{"format":1,"id":"…","name":"Fidèles du Rhône","filter":{…},
/// "created_at":"2025-03-01T09:00:00Z"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSegment {
    #[serde(deserialize_with = "known_format")]
    format: u32,
    pub id: String,
    pub name: String,
    pub filter: Filter,
    pub created_at: DateTime<Utc>,
}

impl SavedSegment {
    pub fn new(id: String, name: String, filter: Filter, created_at: DateTime<Utc>) -> Self {
        SavedSegment {
            format: FORMAT,
            id,
            name,
            filter,
            created_at,
        }
    }

    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Result<SavedSegment, SegmentError> {
        serde_json::from_str(json).map_err(invalid)
    }
}

fn known_format<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if v > FORMAT {
        return Err(serde::de::Error::custom(SegmentError::NewerFormat(v)));
    }
    Ok(v)
}

fn invalid(e: serde_json::Error) -> SegmentError {
    SegmentError::Invalid(e.to_string())
}

/// The filter as a URL-safe string: `1.` then the JSON in unpadded base64url (RFC 4648 §5).
pub fn to_url(filter: &Filter) -> String {
    let json = serde_json::to_vec(filter).unwrap_or_default();
    format!("{FORMAT}.{}", base64url(&json))
}

/// Reads [`to_url`]'s string back; anything else is an error, never a panic.
pub fn from_url(s: &str) -> Result<Filter, SegmentError> {
    let (version, data) = s.split_once('.').ok_or(SegmentError::NotAFilter)?;
    match version.parse::<u32>() {
        Ok(FORMAT) => {}
        Ok(v) if v > FORMAT => return Err(SegmentError::NewerFormat(v)),
        _ => return Err(SegmentError::NotAFilter),
    }
    let json = from_base64url(data).ok_or(SegmentError::NotAFilter)?;
    let json = String::from_utf8(json).map_err(|_| SegmentError::NotAFilter)?;
    // `from_str` as in `SavedSegment::from_json`: one deserializer in the wasm, not two (the
    // filter's is about 20 KB).
    serde_json::from_str(&json).map_err(invalid)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        // 1, 2 or 3 bytes make 2, 3 or 4 characters.
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Strict: only the alphabet, no padding, and the unused bits of the last character are zero,
/// so every byte string has exactly one encoding.
fn from_base64url(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in s.bytes() {
        let v = ALPHABET.iter().position(|&a| a == b)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (bits < 6 && acc == 0).then_some(out)
}
