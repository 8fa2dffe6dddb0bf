//! The list's engine on the in-memory file: what the file computes for each fiche (customer
//! type, RFM), the order of the list, the selection by search and filter with the answers kept
//! from pass to pass, and the segment counts.
//!
//! Costs at 100,000 fiches: [`derive`] and [`sorted`] run when the file, the thresholds or the
//! order change; a keystroke or a condition change runs only [`select`], one pass over the
//! sorted indices into a buffer reused from the previous pass (no allocation per row).

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Computed, FileStats, Filter, FoldedText, Row, Thresholds};
use crate::domain::fiche::{FicheKind, Status};
use crate::domain::file::{FileState, Record};
use crate::domain::search::{fold, Query};
use crate::domain::sort::SortDir;

/// What the file computes for each fiche, index for index with [`FileState::records`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    pub today: NaiveDate,
    pub computed: Vec<Computed>,
}

/// Customer types and RFM of every fiche, from the file's statistics of `today`.
pub fn derive(file: &FileState, thresholds: Thresholds, today: NaiveDate) -> Derived {
    let records = file.records();
    let stats = FileStats::new(records.iter().map(|r| &r.summary), today, thresholds);
    Derived {
        today,
        computed: records.iter().map(|r| stats.compute(&r.summary)).collect(),
    }
}

fn row<'a>(r: &'a Record, text: &'a FoldedText, computed: &'a Computed) -> Row<'a> {
    Row {
        fiche: &r.fiche,
        summary: &r.summary,
        computed,
        text,
    }
}

/// How many fiches each filter selects, in one pass over the file.
pub fn counts(file: &FileState, d: &Derived, filters: &[Filter]) -> Vec<usize> {
    let mut n = vec![0; filters.len()];
    for ((r, t), c) in file.records().iter().zip(file.texts()).zip(&d.computed) {
        let row = row(r, t, c);
        for (n, f) in n.iter_mut().zip(filters) {
            *n += usize::from(f.matches(row, d.today));
        }
    }
    n
}

/// What the last [`select`] pass was made of, so that the next one can narrow its result: a
/// search that only grows ("d", "du", "dup") re-tests the previous hits rather than the file,
/// and a filter that changes in one condition re-tests only that condition.
#[derive(Debug, Clone, Default)]
pub struct Pass {
    /// The [`Sorted::serial`] the hits were taken from; `None` before any pass.
    serial: Option<u64>,
    query: Query,
    filter: Filter,
    /// One flag per record, reused from pass to pass.
    hit: Vec<bool>,
    /// What each part of the filter (each member of a top-level AND) said of each record, for
    /// the same serial: while a condition is typed, the others' answers are read back, and the
    /// one being typed is tested only on the records all the others keep.
    parts: Vec<Part>,
}

const NO: u8 = 0;
const YES: u8 = 1;
const UNKNOWN: u8 = 2;

/// One member of the filter's top-level AND and its answers so far: [`YES`], [`NO`] or
/// [`UNKNOWN`] (not asked yet) per record.
#[derive(Debug, Clone)]
struct Part {
    filter: Filter,
    answers: Vec<u8>,
    unknown: usize,
}

impl Part {
    fn new(filter: &Filter, n: usize) -> Part {
        Part {
            filter: filter.clone(),
            answers: vec![UNKNOWN; n],
            unknown: n,
        }
    }

    /// The answer for record `i`, asked of `row` the first time.
    fn matches(&mut self, i: usize, row: Row<'_>, today: NaiveDate) -> bool {
        match self.answers.get(i).copied() {
            Some(YES) => true,
            Some(NO) => false,
            _ => {
                let yes = self.filter.matches(row, today);
                if let Some(a) = self.answers.get_mut(i) {
                    *a = if yes { YES } else { NO };
                    self.unknown -= 1;
                }
                yes
            }
        }
    }
}

/// The members of the filter's top-level AND (the filter itself when it is not an AND), each
/// with the answers the previous pass kept for it, those fully answered first.
fn parts(filter: &Filter, mut old: Vec<Part>, n: usize) -> Vec<Part> {
    let members = match filter {
        Filter::All(fs) => fs.iter().collect(),
        f => vec![f],
    };
    let parts = members
        .into_iter()
        .map(|f| match old.iter().position(|p| p.filter == *f) {
            Some(i) => old.swap_remove(i),
            None => Part::new(f, n),
        });
    // Not a sort: a stable sort links kilobytes of code per use.
    let (mut done, asking): (Vec<Part>, Vec<Part>) = parts.partition(|p| p.unknown == 0);
    done.extend(asking);
    done
}

/// Every record index in the list's order, with a serial number that changes whenever it is
/// recomputed (a new file, new computed types, another order).
#[derive(Debug, Clone, Default)]
pub struct Sorted {
    pub serial: u64,
    pub ids: Vec<u32>,
}

/// Whether every fiche matching `new` matches `old`: each old word is inside a new word.
fn narrows(old: &Query, new: &Query) -> bool {
    old.words()
        .iter()
        .all(|o| new.words().iter().any(|n| n.contains(o.as_str())))
}

/// The indices of the fiches matching the search and the filter, in `order`, into `out`
/// (its capacity kept). Records are tested in storage order, which reads memory sequentially
/// (in sorted order each record would be a cache miss), then picked in the list's order.
pub fn select(
    file: &FileState,
    d: &Derived,
    order: &Sorted,
    query: &Query,
    filter: &Filter,
    pass: &mut Pass,
    out: &mut Vec<u32>,
) {
    let (records, texts) = (file.records(), file.texts());
    if pass.serial == Some(order.serial) && pass.filter == *filter && narrows(&pass.query, query) {
        // The previous hits re-tested in storage order too: in the list's order each would be a
        // cache miss (measured: 50–90 ms at 100,000 fiches after a one-letter search).
        for (hit, t) in pass.hit.iter_mut().zip(texts) {
            if *hit {
                *hit = t.matches_query(query);
            }
        }
        let hit = &pass.hit;
        out.retain(|&i| hit.get(i as usize).copied().unwrap_or(false));
    } else {
        if pass.serial != Some(order.serial) {
            pass.parts.clear();
        }
        let mut parts = parts(filter, std::mem::take(&mut pass.parts), records.len());
        pass.hit.clear();
        // The search first: it reads only the compact texts. Then each part in turn, stopping
        // at the first that refuses the record: known answers are a byte each, read in order;
        // only an unknown one reads the (large) record.
        let each = records.iter().zip(texts).zip(&d.computed).enumerate();
        pass.hit.extend(each.map(|(i, ((r, t), c))| {
            (query.is_empty() || t.matches_query(query))
                && parts
                    .iter_mut()
                    .all(|p| p.matches(i, row(r, t, c), d.today))
        }));
        pass.parts = parts;
        out.clear();
        out.extend(
            order
                .ids
                .iter()
                .copied()
                .filter(|&i| pass.hit.get(i as usize).copied().unwrap_or(false)),
        );
        pass.serial = Some(order.serial);
        pass.filter = filter.clone();
    }
    pass.query = query.clone();
}

/// A column of the list. The serde name is stored in the preferences: add, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Col {
    #[default]
    Name,
    Company,
    Contact,
    Email,
    Phone,
    PostalCode,
    City,
    Kind,
    Status,
    Type,
    Rfm,
    Total,
    Orders,
    LastPurchase,
    LastContact,
    Created,
    Owner,
    Tags,
}

impl Col {
    pub const ALL: [Col; 18] = [
        Col::Name,
        Col::Company,
        Col::Contact,
        Col::Email,
        Col::Phone,
        Col::PostalCode,
        Col::City,
        Col::Kind,
        Col::Status,
        Col::Type,
        Col::Rfm,
        Col::Total,
        Col::Orders,
        Col::LastPurchase,
        Col::LastContact,
        Col::Created,
        Col::Owner,
        Col::Tags,
    ];

    /// Shown until the user chooses.
    pub const DEFAULT: [Col; 7] = [
        Col::Name,
        Col::Company,
        Col::Contact,
        Col::City,
        Col::Type,
        Col::Total,
        Col::LastContact,
    ];

    /// A stable id (the serde name), for the sort menu and the tests.
    pub fn id(self) -> &'static str {
        match self {
            Col::Name => "name",
            Col::Company => "company",
            Col::Contact => "contact",
            Col::Email => "email",
            Col::Phone => "phone",
            Col::PostalCode => "postal_code",
            Col::City => "city",
            Col::Kind => "kind",
            Col::Status => "status",
            Col::Type => "type",
            Col::Rfm => "rfm",
            Col::Total => "total",
            Col::Orders => "orders",
            Col::LastPurchase => "last_purchase",
            Col::LastContact => "last_contact",
            Col::Created => "created",
            Col::Owner => "owner",
            Col::Tags => "tags",
        }
    }

    pub fn from_id(id: &str) -> Col {
        Col::ALL
            .into_iter()
            .find(|c| c.id() == id)
            .unwrap_or_default()
    }

    /// Right-aligned figures.
    pub fn numeric(self) -> bool {
        matches!(self, Col::Total | Col::Orders | Col::Rfm)
    }

    fn bit(self) -> u32 {
        1 << Col::ALL.iter().position(|&c| c == self).unwrap_or(0)
    }

    /// The columns of a preference mask (0: the default ones), in [`Col::ALL`] order.
    pub fn of_mask(mask: u32) -> Vec<Col> {
        if mask == 0 {
            return Col::DEFAULT.to_vec();
        }
        Col::ALL
            .into_iter()
            .filter(|c| mask & c.bit() != 0)
            .collect()
    }

    pub fn mask(cols: &[Col]) -> u32 {
        cols.iter().fold(0, |m, c| m | c.bit())
    }
}

fn first<'a>(mut it: impl Iterator<Item = &'a str>) -> &'a str {
    it.find(|v| !v.trim().is_empty()).unwrap_or_default()
}

/// The text of a column that is the fiche's own words (no label, no figure); empty for the
/// others. The list shows it as it is, and sorts by it.
pub fn text(col: Col, r: &Record) -> String {
    let f = &r.fiche;
    match col {
        Col::Name => f.display_name(),
        Col::Company => f.company.clone(),
        Col::Contact => f
            .primary_email()
            .or(f.primary_phone())
            .unwrap_or_default()
            .to_string(),
        Col::Email => f.primary_email().unwrap_or_default().to_string(),
        Col::Phone => f.primary_phone().unwrap_or_default().to_string(),
        Col::PostalCode => first(f.addresses.iter().map(|a| a.postal_code.as_str())).to_string(),
        Col::City => f.primary_city().unwrap_or_default().to_string(),
        Col::Owner => f.owner.clone(),
        Col::Tags => f.tags.join(", "),
        Col::Kind
        | Col::Status
        | Col::Type
        | Col::Rfm
        | Col::Total
        | Col::Orders
        | Col::LastPurchase
        | Col::LastContact
        | Col::Created => String::new(),
    }
}

/// A sort key: text folded, or a number; missing values sort last in both directions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Num(i64),
    Text(String),
}

fn sort_key(col: Col, r: &Record, c: &Computed) -> Option<Key> {
    let (f, s) = (&r.fiche, &r.summary);
    let ts = |d: Option<chrono::DateTime<Utc>>| d.map(|d| Key::Num(d.timestamp()));
    match col {
        Col::Total => s.total_if_any().map(Key::Num),
        Col::Orders => Some(Key::Num(s.orders.into())),
        Col::LastPurchase => ts(s.last_purchase),
        Col::LastContact => ts(s.last_contact),
        Col::Created => ts(Some(f.created_at)),
        Col::Type => Some(Key::Num(c.kind as i64)),
        Col::Rfm => c
            .rfm
            .map(|x| Key::Num(i64::from(x.r) * 100 + i64::from(x.f) * 10 + i64::from(x.m))),
        // Ranked as their French labels sort ("Entreprise" before "Particulier", "Client"
        // before "Prospect"), whatever the language shown: the order must not move with it.
        Col::Kind => Some(Key::Num(match f.kind {
            FicheKind::Company => 0,
            FicheKind::Person => 1,
        })),
        Col::Status => Some(Key::Num(match f.status {
            Status::Client => 0,
            Status::Prospect => 1,
        })),
        col => {
            let text = text(col, r);
            let text = text.trim();
            (!text.is_empty()).then(|| Key::Text(fold(text)))
        }
    }
}

/// Every record's index, ordered by `col` then by id (the same order whatever order the records
/// were read in); fiches without a value last.
pub fn sorted(file: &FileState, d: &Derived, col: Col, dir: SortDir) -> Vec<u32> {
    let records = file.records();
    let mut idx: Vec<u32> = (0..records.len() as u32).collect();
    idx.sort_by_cached_key(|&i| {
        let r = &records[i as usize];
        let key = d.computed.get(i as usize).and_then(|c| sort_key(col, r, c));
        (key.is_none(), key, r.fiche.id.clone())
    });
    if dir == SortDir::Desc {
        let with_value = idx
            .iter()
            .position(|&i| {
                let r = &records[i as usize];
                d.computed
                    .get(i as usize)
                    .is_none_or(|c| sort_key(col, r, c).is_none())
            })
            .unwrap_or(idx.len());
        idx[..with_value].reverse();
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_file;
    use crate::domain::segment::{Condition, CustomerType, Filter, TextField, TextOp};
    use crate::domain::summary::Summary;

    fn file() -> (FileState, Derived) {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let (fiches, entries) = demo_file(7, 300, today);
        let file = FileState::from_records(fiches.into_iter().map(|f| {
            let s = Summary::from_history(entries.iter().filter(|e| e.fiche_id == f.id));
            (f, s)
        }));
        let d = derive(&file, Thresholds::default(), today);
        (file, d)
    }

    /// `select` from scratch, for the tests.
    fn fresh(
        file: &FileState,
        d: &Derived,
        order: &[u32],
        q: &Query,
        f: &Filter,
        out: &mut Vec<u32>,
    ) {
        let order = Sorted {
            serial: 0,
            ids: order.to_vec(),
        };
        select(file, d, &order, q, f, &mut Pass::default(), out);
    }

    #[test]
    fn a_growing_search_narrows_to_what_a_fresh_pass_finds() {
        let (file, d) = file();
        let (mut pass, mut out, mut expected) = (Pass::default(), Vec::new(), Vec::new());
        let mut check = |order: &Sorted, q: &str, f: &Filter| {
            let q = Query::new(q);
            select(&file, &d, order, &q, f, &mut pass, &mut out);
            fresh(&file, &d, &order.ids, &q, f, &mut expected);
            assert_eq!(out, expected, "{q:?}");
        };
        let by_name = Sorted {
            serial: 7,
            ids: sorted(&file, &d, Col::Name, SortDir::Asc),
        };
        let f = Filter::default();
        for q in [
            "m", "ma", "mar", "mar l", "mar ly", "06", "06 1", "06 12", "06 12 a", "", "b",
        ] {
            check(&by_name, q, &f);
        }
        // Another filter or another order: a fresh pass.
        let loyal: Filter = Condition::CustomerType(vec![CustomerType::Loyal]).into();
        check(&by_name, "b", &loyal);
        let by_total = Sorted {
            serial: 8,
            ids: sorted(&file, &d, Col::Total, SortDir::Desc),
        };
        check(&by_total, "b", &loyal);
        assert!(narrows(&Query::new("du"), &Query::new("dup")));
        assert!(
            !narrows(&Query::new("06 12"), &Query::new("06 12 a")),
            "digits then words"
        );
        assert!(narrows(&Query::new(""), &Query::new("x")));
    }

    #[test]
    fn a_changed_condition_is_asked_again_and_only_where_the_others_agree() {
        let (file, d) = file();
        let (mut pass, mut out, mut expected) = (Pass::default(), Vec::new(), Vec::new());
        let by_name = Sorted {
            serial: 3,
            ids: sorted(&file, &d, Col::Name, SortDir::Asc),
        };
        let loyal: Filter = Condition::CustomerType(vec![CustomerType::Loyal]).into();
        let postal = |p: &str| -> Filter {
            Condition::Text(TextField::PostalCode, TextOp::Prefix(p.into())).into()
        };
        let mut check = |order: &Sorted, q: &str, f: &Filter, pass: &mut Pass| {
            let q = Query::new(q);
            select(&file, &d, order, &q, f, pass, &mut out);
            fresh(&file, &d, &order.ids, &q, f, &mut expected);
            assert_eq!(out, expected, "{f:?} {q:?}");
        };
        let both = |p: &str| Filter::All(vec![loyal.clone(), postal(p)]);
        for p in ["6", "69", "690", "69", "", "7", "75"] {
            check(&by_name, "", &both(p), &mut pass);
        }
        let loyal_count = d
            .computed
            .iter()
            .filter(|c| c.kind == CustomerType::Loyal)
            .count();
        assert!(loyal_count > 0 && loyal_count < file.len());
        // The loyal part kept its answers; "75" was asked only of the loyal fiches.
        let part = |pass: &Pass, f: &Filter| {
            pass.parts
                .iter()
                .find(|p| p.filter == *f)
                .map(|p| file.len() - p.unknown)
        };
        assert_eq!(part(&pass, &loyal), Some(file.len()));
        assert_eq!(part(&pass, &postal("75")), Some(loyal_count));
        assert_eq!(pass.parts.len(), 2, "the parts of the current filter only");

        // Searches, other shapes, a condition removed, then another serial: all agree with a
        // fresh pass.
        check(&by_name, "ma", &both("75"), &mut pass);
        check(&by_name, "", &Filter::All(vec![postal("69")]), &mut pass);
        check(
            &by_name,
            "",
            &Filter::Any(vec![loyal.clone(), postal("13")]),
            &mut pass,
        );
        check(&by_name, "", &postal("13").negate(), &mut pass);
        check(&by_name, "", &Filter::default(), &mut pass);
        check(&by_name, "", &both("69"), &mut pass);
        let by_total = Sorted {
            serial: 4,
            ids: sorted(&file, &d, Col::Total, SortDir::Desc),
        };
        check(&by_total, "", &both("69"), &mut pass);
        assert_eq!(
            part(&pass, &loyal),
            Some(file.len()),
            "answers from serial 4 only"
        );
    }

    #[test]
    fn select_follows_order_search_and_filter() {
        let (file, d) = file();
        let order = sorted(&file, &d, Col::Name, SortDir::Asc);
        assert_eq!(order.len(), file.len());
        let mut out = Vec::new();
        fresh(
            &file,
            &d,
            &order,
            &Query::new(""),
            &Filter::default(),
            &mut out,
        );
        assert_eq!(
            out, order,
            "no search and no filter list everything in order"
        );

        let loyal: Filter = Condition::CustomerType(vec![CustomerType::Loyal]).into();
        fresh(&file, &d, &order, &Query::new(""), &loyal, &mut out);
        let expected = d
            .computed
            .iter()
            .filter(|c| c.kind == CustomerType::Loyal)
            .count();
        assert!(expected > 0);
        assert_eq!(out.len(), expected);
        assert_eq!(
            counts(&file, &d, &[loyal.clone(), Filter::default()]),
            [expected, file.len()]
        );
        assert!(out.windows(2).all(|w| {
            let pos = |i| order.iter().position(|&x| x == i);
            pos(w[0]) < pos(w[1])
        }));

        let name = file.records()[out[0] as usize].fiche.last_name.clone();
        fresh(
            &file,
            &d,
            &order,
            &Query::new(&name.to_uppercase()),
            &loyal,
            &mut out,
        );
        assert!(!out.is_empty());
        assert!(out.iter().all(|&i| {
            let r = &file.records()[i as usize];
            d.computed[i as usize].kind == CustomerType::Loyal
                && fold(&r.fiche.display_name()).contains(&fold(&name))
        }));
    }

    #[test]
    fn sort_puts_missing_values_last_both_ways() {
        let (file, d) = file();
        for dir in [SortDir::Asc, SortDir::Desc] {
            let order = sorted(&file, &d, Col::Total, dir);
            let totals: Vec<Option<i64>> = order
                .iter()
                .map(|&i| {
                    let s: &Summary = &file.records()[i as usize].summary;
                    s.total_if_any()
                })
                .collect();
            let buyers = totals.iter().take_while(|t| t.is_some()).count();
            assert!(totals[buyers..].iter().all(Option::is_none));
            assert!(totals[..buyers].windows(2).all(|w| match dir {
                SortDir::Asc => w[0] <= w[1],
                SortDir::Desc => w[0] >= w[1],
            }));
        }
    }

    #[test]
    fn kind_and_status_sort_as_their_french_labels_in_every_language() {
        use crate::domain::fiche::{Fiche, FicheKind, Status};
        let (file, d) = file();
        // The values in the order sorted by `col`, and how many lead with `first`.
        fn leading<T: PartialEq>(values: &[T], first: &T) -> usize {
            values.iter().take_while(|v| *v == first).count()
        }
        let by = |col| -> Vec<&Fiche> {
            sorted(&file, &d, col, SortDir::Asc)
                .iter()
                .map(|&i| &file.records()[i as usize].fiche)
                .collect()
        };
        let kinds: Vec<FicheKind> = by(Col::Kind).iter().map(|f| f.kind).collect();
        let companies = leading(&kinds, &FicheKind::Company);
        assert!(companies > 0 && kinds[companies..].iter().all(|k| *k == FicheKind::Person));
        let statuses: Vec<Status> = by(Col::Status).iter().map(|f| f.status).collect();
        let clients = leading(&statuses, &Status::Client);
        assert!(clients > 0 && statuses[clients..].iter().all(|s| *s == Status::Prospect));
    }

    #[test]
    fn text_columns_are_the_fiches_own_words() {
        let (file, _) = file();
        let r = &file.records()[0];
        assert_eq!(text(Col::Name, r), r.fiche.display_name());
        assert_eq!(text(Col::Tags, r), r.fiche.tags.join(", "));
        assert_eq!(text(Col::Total, r), "", "a figure is the page's to format");
    }

    #[test]
    fn columns_mask_round_trips_and_zero_is_the_default() {
        assert_eq!(Col::of_mask(0), Col::DEFAULT);
        let cols = vec![Col::Name, Col::Rfm, Col::Tags];
        assert_eq!(Col::of_mask(Col::mask(&cols)), cols);
        for c in Col::ALL {
            assert_eq!(Col::from_id(c.id()), c);
        }
    }

    #[test]
    fn empty_file_derives_and_counts_nothing() {
        let file = FileState::default();
        let d = derive(&file, Thresholds::default(), NaiveDate::MIN);
        let f: Filter = Condition::Text(TextField::Email, TextOp::Empty).into();
        assert_eq!(counts(&file, &d, &[f]), [0]);
        assert!(sorted(&file, &d, Col::Name, SortDir::Desc).is_empty());
    }
}
