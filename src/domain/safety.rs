//! Keeping the file from being lost without a word: the room a large write needs on disk, and
//! the mark of the file that the app keeps outside IndexedDB so that a start finding the
//! database empty can tell a new file from a lost one.

use std::io;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What the app remembers of the file outside IndexedDB (a few bytes in `localStorage`, which
/// the browser keeps and clears together with IndexedDB when the user clears the site's data,
/// but which survives the browser discarding a database it finds damaged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileMark {
    /// How many fiches the file held after its last committed change.
    pub fiches: u64,
    /// When that count was last seen.
    pub at: DateTime<Utc>,
    /// When the last JSON backup was made on this device, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<DateTime<Utc>>,
}

impl FileMark {
    /// The mark of a file now holding `fiches`, keeping what `old` knew of the last backup.
    pub fn holding(old: Option<&FileMark>, fiches: usize, now: DateTime<Utc>) -> FileMark {
        FileMark {
            fiches: fiches as u64,
            at: now,
            backup: old.and_then(|m| m.backup),
        }
    }

    /// The same mark, with a backup made at `at`.
    pub fn backed_up(old: Option<&FileMark>, fiches: usize, at: DateTime<Utc>) -> FileMark {
        FileMark {
            backup: Some(at),
            ..FileMark::holding(old, fiches, old.map_or(at, |m| m.at))
        }
    }
}

/// Whether a start that found `found` fiches has lost the file `mark` remembers: the database
/// is empty (or was just created) where the file held fiches. A file emptied on purpose leaves
/// a mark of 0 fiches, and clearing the site's data clears the mark too.
pub fn lost(mark: Option<&FileMark>, found: usize) -> bool {
    found == 0 && mark.is_some_and(|m| m.fiches > 0)
}

/// At most this many records are serialised to estimate the size of a write.
const SAMPLE: usize = 256;

/// About how many bytes of JSON `records` make, from a sample of them (serialising 100,000
/// fiches to weigh them would cost a large share of writing them). The sample is spread by a
/// multiplicative hash rather than an even step, which a file's own period (every tenth row
/// a company…) would bias.
pub fn json_size<T: Serialize>(records: &[T]) -> u64 {
    let len = records.len() as u64;
    if len <= SAMPLE as u64 {
        return records.iter().map(size_of_json).sum();
    }
    let sampled: u64 = (0..SAMPLE as u64)
        .map(|k| {
            let at = (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) % len;
            size_of_json(&records[at as usize])
        })
        .sum();
    sampled * len / SAMPLE as u64
}

fn size_of_json<T: Serialize>(record: &T) -> u64 {
    let mut counter = Counter(0);
    // A record that does not serialise is refused later by the write itself.
    let _ = serde_json::to_writer(&mut counter, record);
    counter.0
}

/// An `io::Write` that only counts.
struct Counter(u64);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The database writes a record to its log before it compacts it into its tables, keeps the
/// older copies (and the import's undo record) until then, and indexes history entries twice:
/// a write takes up to about twice its JSON size on disk while it runs (measured: README).
pub const WRITE_FACTOR: u64 = 2;

/// Left free on top of that: the browser needs room of its own to commit and to compact,
/// and a disk filled to the last megabyte is where databases get damaged.
pub const WRITE_MARGIN: u64 = 16 * 1024 * 1024;

/// The free space a write of `json_bytes` of records needs to go through safely.
pub fn disk_need(json_bytes: u64) -> u64 {
    json_bytes
        .saturating_mul(WRITE_FACTOR)
        .saturating_add(WRITE_MARGIN)
}

/// Whether a write fits in the space the browser says is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Enough,
    /// `need` bytes are needed, `free` are left.
    Short {
        need: u64,
        free: u64,
    },
    /// The browser does not tell (no `navigator.storage.estimate`): the write is tried, and a
    /// full disk is then reported by the write itself.
    Unknown,
}

/// Compares `need` with what the browser's estimate (`usage` and `quota` of the site, in
/// bytes) leaves free.
pub fn room(need: u64, usage: Option<f64>, quota: Option<f64>) -> Room {
    let (Some(usage), Some(quota)) = (usage, quota) else {
        return Room::Unknown;
    };
    if !(usage.is_finite() && quota.is_finite()) || quota <= 0.0 {
        return Room::Unknown;
    }
    let free = (quota - usage).max(0.0) as u64;
    if free >= need {
        Room::Enough
    } else {
        Room::Short { need, free }
    }
}

/// Below this much free space, a storage failure is most likely a full disk.
pub const NEARLY_FULL: u64 = 64 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, 10, 0, 0).unwrap()
    }

    #[test]
    fn an_empty_database_is_lost_only_where_the_mark_says_the_file_held_fiches() {
        let held = FileMark::holding(None, 300, at(1));
        assert!(lost(Some(&held), 0));
        assert!(!lost(Some(&held), 1), "a file with fiches is not lost");
        assert!(!lost(None, 0), "a first start (or cleared site data)");
        let emptied = FileMark::holding(Some(&held), 0, at(2));
        assert!(!lost(Some(&emptied), 0), "emptied on purpose");
    }

    #[test]
    fn the_mark_keeps_the_last_backup_across_changes() {
        let m = FileMark::backed_up(None, 10, at(3));
        assert_eq!(m.backup, Some(at(3)));
        let m = FileMark::holding(Some(&m), 12, at(4));
        assert_eq!((m.fiches, m.at, m.backup), (12, at(4), Some(at(3))));
        let m2 = FileMark::backed_up(Some(&m), 12, at(5));
        assert_eq!((m2.at, m2.backup), (at(4), Some(at(5))));
    }

    #[test]
    fn the_mark_reads_back_and_leaves_out_a_missing_backup() {
        let m = FileMark::holding(None, 7, at(1));
        let text = serde_json::to_string(&m).unwrap();
        assert!(!text.contains("backup"), "{text}");
        assert_eq!(serde_json::from_str::<FileMark>(&text).unwrap(), m);
    }

    #[test]
    fn the_size_of_equal_records_is_exact_and_of_mixed_ones_close() {
        let same = vec!["abcd".to_string(); 10_000]; // "abcd" with its quotes: 6 bytes
        assert_eq!(json_size(&same), 60_000);
        assert_eq!(json_size::<String>(&[]), 0);
        // Rows whose size follows a period (every tenth one a company…) must not fool it.
        for period in [2, 10, 40, 100, 256] {
            let mixed: Vec<String> = (0..10_000).map(|i| "x".repeat(i % period * 7)).collect();
            let exact: u64 = mixed
                .iter()
                .map(|s| serde_json::to_string(s).unwrap().len() as u64)
                .sum();
            let estimate = json_size(&mixed);
            let error = estimate.abs_diff(exact) as f64 / exact as f64;
            assert!(
                error < 0.1,
                "period {period}: estimate {estimate}, exact {exact}"
            );
        }
    }

    #[test]
    fn a_write_needs_its_size_several_times_and_a_margin() {
        assert_eq!(disk_need(0), WRITE_MARGIN);
        assert_eq!(disk_need(10), 20 + WRITE_MARGIN);
        assert_eq!(disk_need(u64::MAX), u64::MAX);
    }

    #[test]
    fn room_compares_the_need_with_quota_minus_usage() {
        assert_eq!(room(100, Some(900.0), Some(1000.0)), Room::Enough);
        assert_eq!(
            room(101, Some(900.0), Some(1000.0)),
            Room::Short {
                need: 101,
                free: 100
            }
        );
        assert_eq!(
            room(1, Some(1200.0), Some(1000.0)),
            Room::Short { need: 1, free: 0 },
            "over quota already"
        );
        assert_eq!(room(1, None, Some(1000.0)), Room::Unknown);
        assert_eq!(room(1, Some(0.0), Some(0.0)), Room::Unknown);
        assert_eq!(room(1, Some(f64::NAN), Some(1.0)), Room::Unknown);
    }
}
