//! The history in memory for the analyses: not the entries themselves (a million of them held
//! as records is half a gigabyte of JS heap) but four columns, about 17 bytes an entry: the
//! fiche, the UTC day, the kind, and the amount. Entries are grouped by fiche and sorted by day
//! within a fiche, so "the purchases of this fiche up to that day" is a slice.
//!
//! Fiches are the log's own slots (an id each), not indices of the in-memory file, which move
//! when a fiche is deleted; [`Log::slot`] and [`Log::id`] join the two.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::domain::history::{HistoryEntry, HistoryKind};

/// A day as a number: days from 0001-01-01 (chrono's `num_days_from_ce`), so that a period is
/// a range of integers.
pub type Day = i32;

pub fn day(d: NaiveDate) -> Day {
    d.num_days_from_ce()
}

pub fn date(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// One entry as the analyses read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub day: Day,
    pub kind: HistoryKind,
    /// Cents (missing = 0) for the kinds that carry an amount, 0 for the others.
    pub amount: i64,
    /// A campaign's label, as an index into [`Log::label`]; 0 for the other kinds.
    pub label: u32,
}

impl Entry {
    /// An order: a purchase that is not a refund (a refund is a purchase with a negative
    /// amount, see [`HistoryEntry::is_refund`]; it lowers revenue but is not a purchase event).
    pub fn is_order(&self) -> bool {
        self.kind == HistoryKind::Purchase && self.amount >= 0
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Log {
    ids: Vec<String>,
    slot_of: HashMap<String, u32>,
    /// `start[s]..start[s + 1]` are the entries of slot `s`; one more item than `ids`.
    start: Vec<u32>,
    day: Vec<Day>,
    kind: Vec<u8>,
    /// Cents for the kinds with an amount; for a campaign, its label's index (campaigns carry
    /// no amount, so the column serves both and the log stays at 17 bytes an entry).
    value: Vec<i64>,
    labels: Vec<String>,
    label_of: HashMap<String, u32>,
}

fn kind_code(k: HistoryKind) -> u8 {
    HistoryKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8
}

fn kind_of(code: u8) -> HistoryKind {
    HistoryKind::ALL
        .get(usize::from(code))
        .copied()
        .unwrap_or(HistoryKind::Note)
}

impl Log {
    pub fn new() -> Log {
        Log {
            start: vec![0],
            // Label 0 is "no label", so that a campaign without one still has a row.
            labels: vec![String::new()],
            label_of: HashMap::from([(String::new(), 0)]),
            ..Log::default()
        }
    }

    /// The log of these entries, whatever their order.
    pub fn from_entries<'a>(entries: impl IntoIterator<Item = &'a HistoryEntry>) -> Log {
        let mut b = LogBuilder::with_capacity(0);
        for e in entries {
            b.add(e);
        }
        b.build()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.day.len()
    }

    pub fn is_empty(&self) -> bool {
        self.day.is_empty()
    }

    /// Number of slots (fiches seen, those whose history is now empty included).
    pub fn slots(&self) -> usize {
        self.ids.len()
    }

    pub fn id(&self, slot: u32) -> &str {
        &self.ids[slot as usize]
    }

    pub fn slot(&self, id: &str) -> Option<u32> {
        self.slot_of.get(id).copied()
    }

    /// Positions of the entries of `slot`, sorted by day.
    pub fn range(&self, slot: u32) -> Range<usize> {
        self.start[slot as usize] as usize..self.start[slot as usize + 1] as usize
    }

    pub fn entry(&self, i: usize) -> Entry {
        let kind = kind_of(self.kind[i]);
        let (amount, label) = if kind == HistoryKind::Campaign {
            (0, self.value[i] as u32)
        } else {
            (self.value[i], 0)
        };
        Entry {
            day: self.day[i],
            kind,
            amount,
            label,
        }
    }

    /// The entries of `slot`, by day.
    pub fn entries(&self, slot: u32) -> impl Iterator<Item = Entry> + '_ {
        self.range(slot).map(|i| self.entry(i))
    }

    /// The day column, for passes over every entry.
    pub fn days(&self) -> &[Day] {
        &self.day
    }

    /// The columns, for the analyses' passes over every entry, where a call per entry or even
    /// per fiche costs more than the pass itself (the release build optimizes for size and
    /// inlines almost nothing): where each slot starts (slot `s` is `starts[s]..starts[s + 1]`),
    /// days, kinds as their index in [`HistoryKind::ALL`], values (cents for the kinds with an
    /// amount, 0 for the others, the label index for a campaign).
    pub fn columns(&self) -> (&[u32], &[Day], &[u8], &[i64]) {
        (&self.start, &self.day, &self.kind, &self.value)
    }

    /// The kind of entry `i`.
    pub fn kind(&self, i: usize) -> HistoryKind {
        kind_of(self.kind[i])
    }

    /// A campaign label by its index (index 0: a campaign without a label, the empty string).
    pub fn label(&self, label: u32) -> &str {
        self.labels.get(label as usize).map_or("", String::as_str)
    }

    /// Replaces the whole history of one fiche (after a write to it): O(entries), a splice.
    pub fn replace_fiche(&mut self, fiche_id: &str, entries: &[HistoryEntry]) {
        let slot = self.slot_or_new(fiche_id);
        let mut rows: Vec<(Day, u8, i64)> = entries
            .iter()
            .filter(|e| e.fiche_id == fiche_id)
            .map(|e| {
                let (kind, value) = self.columns_of(e);
                (day(e.date.date_naive()), kind, value)
            })
            .collect();
        rows.sort_unstable();
        let range = self.range(slot);
        let old = range.len();
        self.day
            .splice(range.clone(), rows.iter().map(|r| r.0))
            .for_each(drop);
        self.kind
            .splice(range.clone(), rows.iter().map(|r| r.1))
            .for_each(drop);
        self.value
            .splice(range, rows.iter().map(|r| r.2))
            .for_each(drop);
        let delta = rows.len() as i64 - old as i64;
        for s in &mut self.start[slot as usize + 1..] {
            *s = (i64::from(*s) + delta) as u32;
        }
    }

    /// Forgets a fiche's history (the fiche was deleted).
    pub fn remove_fiche(&mut self, fiche_id: &str) {
        if self.slot_of.contains_key(fiche_id) {
            self.replace_fiche(fiche_id, &[]);
        }
    }

    fn slot_or_new(&mut self, id: &str) -> u32 {
        if let Some(&s) = self.slot_of.get(id) {
            return s;
        }
        let s = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.slot_of.insert(id.to_string(), s);
        let end = *self.start.last().unwrap_or(&0);
        self.start.push(end);
        s
    }

    fn label_or_new(&mut self, label: &str) -> u32 {
        let label = label.trim();
        if let Some(&l) = self.label_of.get(label) {
            return l;
        }
        let l = self.labels.len() as u32;
        self.labels.push(label.to_string());
        self.label_of.insert(label.to_string(), l);
        l
    }

    fn columns_of(&mut self, e: &HistoryEntry) -> (u8, i64) {
        let value = match e.kind {
            HistoryKind::Campaign => i64::from(self.label_or_new(&e.label)),
            k if k.has_amount() => e.amount_cents.unwrap_or(0),
            _ => 0,
        };
        (kind_code(e.kind), value)
    }

    /// Lays out `rows` (slot, day, kind, value) grouped by slot and sorted by day; the slots
    /// must already exist.
    fn fill(&mut self, mut rows: Vec<(u32, Day, u8, i64)>) {
        rows.sort_unstable();
        let n = rows.len();
        self.day = Vec::with_capacity(n);
        self.kind = Vec::with_capacity(n);
        self.value = Vec::with_capacity(n);
        self.start = vec![0; self.ids.len() + 1];
        for &(slot, d, k, v) in &rows {
            self.start[slot as usize + 1] += 1;
            self.day.push(d);
            self.kind.push(k);
            self.value.push(v);
        }
        for s in 1..self.start.len() {
            self.start[s] += self.start[s - 1];
        }
    }

    /// The log as bytes, to be stored with the startup snapshot: a header, the ids and labels
    /// as length-prefixed UTF-8, then the columns, little-endian.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.ids.len() * 40 + self.len() * 17);
        out.extend_from_slice(MAGIC);
        for n in [self.ids.len(), self.labels.len(), self.len()] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        for text in self.ids.iter().chain(&self.labels) {
            out.extend_from_slice(&(text.len() as u32).to_le_bytes());
            out.extend_from_slice(text.as_bytes());
        }
        for s in &self.start {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for d in &self.day {
            out.extend_from_slice(&d.to_le_bytes());
        }
        out.extend_from_slice(&self.kind);
        for v in &self.value {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// Reads [`Log::encode`]'s bytes; `None` when they are not such bytes (then the log is
    /// rebuilt from the history store).
    pub fn decode(bytes: &[u8]) -> Option<Log> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let (slots, labels, len) = (r.u32()? as usize, r.u32()? as usize, r.u32()? as usize);
        let mut texts = Vec::with_capacity(slots + labels);
        for _ in 0..slots + labels {
            let n = r.u32()? as usize;
            texts.push(std::str::from_utf8(r.take(n)?).ok()?.to_string());
        }
        let label_texts = texts.split_off(slots);
        let start = r.column(slots + 1, 4, |b| {
            u32::from_le_bytes(b.try_into().unwrap_or([0; 4]))
        })?;
        let day = r.column(len, 4, |b| {
            i32::from_le_bytes(b.try_into().unwrap_or([0; 4]))
        })?;
        let kind = r.take(len)?.to_vec();
        let value = r.column(len, 8, |b| {
            i64::from_le_bytes(b.try_into().unwrap_or([0; 8]))
        })?;
        let consistent = r.at == bytes.len()
            && start.first() == Some(&0)
            && start.last().map(|&e| e as usize) == Some(len)
            && start.windows(2).all(|w| w[0] <= w[1])
            && kind
                .iter()
                .all(|&k| usize::from(k) < HistoryKind::ALL.len())
            && label_texts.first().is_some_and(String::is_empty);
        if !consistent {
            return None;
        }
        Some(Log {
            slot_of: texts
                .iter()
                .enumerate()
                .map(|(i, t)| (t.clone(), i as u32))
                .collect(),
            ids: texts,
            start,
            day,
            kind,
            value,
            label_of: label_texts
                .iter()
                .enumerate()
                .map(|(i, t)| (t.clone(), i as u32))
                .collect(),
            labels: label_texts,
        })
    }
}

/// A log fed entries one at a time in any order (a read of the history store in chunks),
/// laid out once at the end.
pub struct LogBuilder {
    log: Log,
    rows: Vec<(u32, Day, u8, i64)>,
}

impl LogBuilder {
    pub fn with_capacity(entries: usize) -> LogBuilder {
        LogBuilder {
            log: Log::new(),
            rows: Vec::with_capacity(entries),
        }
    }

    pub fn add(&mut self, e: &HistoryEntry) {
        let slot = self.log.slot_or_new(&e.fiche_id);
        let (kind, value) = self.log.columns_of(e);
        self.rows
            .push((slot, day(e.date.date_naive()), kind, value));
    }

    /// Entries added so far.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn build(mut self) -> Log {
        self.log.fill(self.rows);
        self.log
    }
}

const MAGIC: &[u8] = b"carnet-log-1\n";

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn column<T>(&mut self, n: usize, width: usize, read: impl Fn(&[u8]) -> T) -> Option<Vec<T>> {
        let raw = self.take(n.checked_mul(width)?)?;
        Some(raw.chunks_exact(width).map(read).collect())
    }
}
