//! CSV text to a table of strings: delimiter detection, header, rows with their line numbers.
//!
//! The `csv` crate does the quoting (embedded delimiters, doubled quotes, line breaks inside
//! quotes, CRLF). This module adds what spreadsheets produce around it: blank lines and rows of
//! bare separators, trailing separators, rows shorter or longer than the header (kept and
//! reported, never fatal).

use csv::{ReaderBuilder, StringRecord};
use thiserror::Error;

use super::text::{decode, Encoding, TextError};

/// The delimiters recognised, in order of preference when several fit equally well.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based physical line where the record starts (a quoted line break makes a record span
    /// several lines, so this is not the record's index).
    pub line: u64,
    /// Exactly one value per header column: short rows are padded with empty strings.
    pub fields: Vec<String>,
}

/// A row whose number of fields differs from the header's. Its values are kept as far as the
/// header goes; extra non-empty values are lost, which is why it is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ragged {
    pub line: u64,
    pub expected: usize,
    pub found: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub encoding: Encoding,
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    pub ragged: Vec<Ragged>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("the file has no header line")]
    NoHeader,
    #[error("line {line}: {reason}")]
    Csv { line: u64, reason: String },
    /// A header wider than any export of contacts or sales (Outlook's has 92 columns): reading
    /// it on would only build a mapping table the page cannot hold.
    #[error("the header has {found} columns; at most {max} are read")]
    TooManyColumns { found: usize, max: usize },
}

/// The widest header read. Real exports have at most a few hundred columns (Outlook 92,
/// Google Contacts about 90, HubSpot's wide ones about 300).
pub const MAX_COLUMNS: usize = 500;

/// Decodes and reads a CSV file, detecting encoding and delimiter.
pub fn read_table(bytes: &[u8]) -> Result<Table, ReadError> {
    let decoded = decode(bytes)?;
    // Excel's "sep=;" first line names the delimiter; the header comes after it.
    if let Some((delimiter, rest)) = sep_line(&decoded.text) {
        let mut table = read_text(rest, delimiter, decoded.encoding)?;
        for r in table.rows.iter_mut() {
            r.line += 1;
        }
        for r in table.ragged.iter_mut() {
            r.line += 1;
        }
        return Ok(table);
    }
    let delimiter = detect_delimiter(&decoded.text);
    read_text(&decoded.text, delimiter, decoded.encoding)
}

fn sep_line(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n')?;
    let first = first.strip_suffix('\r').unwrap_or(first);
    match first.as_bytes() {
        [s, e, p, b'=', d] if [s, e, p].map(u8::to_ascii_lowercase) == *b"sep" => Some((*d, rest)),
        _ => None,
    }
}

/// Reads decoded text with a known delimiter. The first non-blank record is the header;
/// trailing empty header cells (a trailing separator) are dropped.
pub fn read_text(text: &str, delimiter: u8, encoding: Encoding) -> Result<Table, ReadError> {
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = StringRecord::new();
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut ragged = Vec::new();
    let mut lines = LineCounter::new(text.as_bytes());
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(ReadError::Csv {
                    line,
                    reason: e.to_string(),
                });
            }
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
        let Some(headers) = &headers else {
            let mut h: Vec<String> = record.iter().map(|s| s.trim().to_string()).collect();
            while h.last().is_some_and(String::is_empty) {
                h.pop();
            }
            if h.len() > MAX_COLUMNS {
                return Err(ReadError::TooManyColumns {
                    found: h.len(),
                    max: MAX_COLUMNS,
                });
            }
            headers = Some(h);
            continue;
        };
        let expected = headers.len();
        // Trailing empty cells beyond the header are a trailing separator, not a ragged row.
        let last_filled = (0..record.len())
            .rev()
            .find(|&i| !record[i].is_empty())
            .map_or(0, |i| i + 1);
        let found = last_filled.max(expected.min(record.len()));
        if found != expected {
            ragged.push(Ragged {
                line,
                expected,
                found,
            });
        }
        let mut fields: Vec<String> = record.iter().take(expected).map(str::to_string).collect();
        fields.resize(expected, String::new());
        rows.push(Row { line, fields });
    }
    Ok(Table {
        encoding,
        delimiter,
        headers: headers.ok_or(ReadError::NoHeader)?,
        rows,
        ragged,
    })
}

/// Physical line numbers of record starts. The `csv` crate's own count is taken before the
/// line break that ends the previous record ("\r\n") and before skipped blank lines, so it is
/// one line early after a CRLF line.
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The line of the first character of a record whose position is `byte` (calls in order).
    fn line_at(&mut self, byte: u64) -> u64 {
        let len = self.bytes.len();
        let mut b = usize::try_from(byte).unwrap_or(len).clamp(self.at, len);
        while b < len && matches!(self.bytes[b], b'\r' | b'\n') {
            b += 1;
        }
        let breaks = self.bytes[self.at..b]
            .iter()
            .filter(|&&c| c == b'\n')
            .count();
        self.line += u64::try_from(breaks).unwrap_or(0);
        self.at = b;
        self.line
    }
}

/// The delimiter that splits the first records (up to 20, within the first 64 KB) into the
/// most consistent number of columns, quotes respected; ties go to the one giving more
/// columns, then to the order of [`DELIMITERS`]. A one-column file reads as `,`.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut best = (b',', 0usize, 0usize);
    for &d in &DELIMITERS {
        let (consistent, columns) = consistency(sample, d);
        if columns > 1 && (consistent, columns) > (best.1, best.2) {
            best = (d, consistent, columns);
        }
    }
    best.0
}

/// (records with the header's column count, header column count) over the sample.
fn consistency(sample: &str, delimiter: u8) -> (usize, usize) {
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(sample.as_bytes());
    let mut counts = reader
        .records()
        .map_while(Result::ok)
        .filter(|r| !r.iter().all(|f| f.trim().is_empty()))
        .take(20)
        .map(|r| r.len());
    let Some(columns) = counts.next() else {
        return (0, 0);
    };
    (1 + counts.filter(|&n| n == columns).count(), columns)
}
