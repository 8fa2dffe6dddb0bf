//! Figures, not a pass/fail test: ms per full filter pass over 100,000 demo fiches (median and
//! p95 of 100 passes). Run natively in release:
//! `cargo test --release --test native segment_bench -- --ignored --nocapture`

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::segment_support::rows;
use carnet::domain::demo::demo_file;
use carnet::domain::fiche::{Channel, FicheKind};
use carnet::domain::history::HistoryEntry;
use carnet::domain::search::{haystack, Query};
use carnet::domain::segment::{
    builtin_counts, Computed, Condition as C, CustomerType, DateField, DateOp, FileStats, Filter,
    FoldedText, ListField, ListOp, Needle, NumField, Range, RfmPart, TextField, TextOp, Thresholds,
};
use carnet::domain::summary::Summary;
use chrono::NaiveDate;

const FICHES: usize = 100_000;
const PASSES: usize = 100;

/// Median and p95 of `PASSES` runs of `f`, in ms, printed with the fastest run (the least
/// disturbed by other processes on a shared machine).
pub fn time(mut f: impl FnMut() -> usize) -> (f64, f64, usize) {
    let mut runs: Vec<Duration> = Vec::with_capacity(PASSES);
    let mut hits = 0;
    for _ in 0..PASSES {
        let t = Instant::now();
        hits = black_box(f());
        runs.push(t.elapsed());
    }
    runs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    print!("min {:>6.2} ms, ", ms(runs[0]));
    (ms(runs[PASSES / 2]), ms(runs[PASSES * 95 / 100]), hits)
}

fn text(field: TextField, op: TextOp) -> Filter {
    C::Text(field, op).into()
}

#[test]
#[ignore = "benchmark; run with --release --ignored --nocapture"]
fn filter_passes_over_100k_fiches() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 15).unwrap();
    let t = Instant::now();
    let (fiches, entries) = demo_file(42, FICHES, today);
    let mut by_fiche: HashMap<&str, Vec<&HistoryEntry>> = HashMap::new();
    for e in &entries {
        by_fiche.entry(e.fiche_id.as_str()).or_default().push(e);
    }
    let summaries: Vec<Summary> = fiches
        .iter()
        .map(|f| Summary::from_history(by_fiche.get(f.id.as_str()).into_iter().flatten().copied()))
        .collect();
    println!(
        "demo file: {} fiches, {} history entries, built in {:.1} s",
        fiches.len(),
        entries.len(),
        t.elapsed().as_secs_f64()
    );

    let mut computed: Vec<Computed> = Vec::new();
    let (med, p95, _) = time(|| {
        let stats = FileStats::new(&summaries, today, Thresholds::default());
        computed = summaries.iter().map(|s| stats.compute(s)).collect();
        computed.len()
    });
    println!(
        "{:<58} {med:>7.2} ms median {p95:>7.2} ms p95",
        "file stats + computed types and RFM (per file change)"
    );
    let mut per_type: HashMap<CustomerType, usize> = HashMap::new();
    for c in &computed {
        *per_type.entry(c.kind).or_default() += 1;
    }
    println!("types: {per_type:?}");

    let n = Needle::new;
    let filters: Vec<(&str, Filter)> = vec![
        ("everything (empty All)", Filter::default()),
        (
            "loyal clients in postal codes 69*",
            Filter::All(vec![
                C::CustomerType(vec![CustomerType::Loyal]).into(),
                text(TextField::PostalCode, TextOp::Prefix(n("69"))),
            ]),
        ),
        (
            "name contains \"mar\"",
            text(TextField::Name, TextOp::Contains(n("mar"))),
        ),
        (
            "name contains \"Hél\" (folded needle)",
            text(TextField::Name, TextOp::Contains(n("Hél"))),
        ),
        (
            "city equals \"Saint-Étienne\"",
            text(TextField::City, TextOp::Equals(n("Saint-Étienne"))),
        ),
        (
            "notes contain \"livraison\"",
            text(TextField::Notes, TextOp::Contains(n("livraison"))),
        ),
        (
            "tag VIP or parrain, aged 30-60, e-mail consent",
            Filter::All(vec![
                C::List(ListField::Tags, ListOp::AnyOf(vec![n("vip"), n("parrain")])).into(),
                C::Number(NumField::Age, Range::new(Some(30), Some(60))).into(),
                C::Consent(Channel::Email).into(),
            ]),
        ),
        (
            "(B2B & revenue >= 1 M EUR) | (R>=4 & F>=4) | not contacted 180 d",
            Filter::Any(vec![
                Filter::All(vec![
                    C::Kind(FicheKind::Company).into(),
                    C::Number(NumField::Revenue, Range::new(Some(100_000_000), None)).into(),
                ]),
                Filter::All(vec![
                    C::Rfm(RfmPart::Recency, Range::new(Some(4), None)).into(),
                    C::Rfm(RfmPart::Frequency, Range::new(Some(4), None)).into(),
                ]),
                Filter::from(C::Date(DateField::LastContact, DateOp::LastDays(180))).negate(),
            ]),
        ),
    ];
    let t = Instant::now();
    let texts: Vec<FoldedText> = fiches.iter().map(FoldedText::new).collect();
    let bytes: usize = texts
        .iter()
        .map(|t| t.heap_bytes() + std::mem::size_of::<FoldedText>())
        .sum();
    println!(
        "folded text of every fiche (per fiche change): {:.0} ms for all, {:.1} MB",
        t.elapsed().as_secs_f64() * 1000.0,
        bytes as f64 / 1e6
    );
    let rows = rows(&fiches, &summaries, &computed, &texts);
    for (name, filter) in &filters {
        let (med, p95, hits) = time(|| rows.iter().filter(|&&r| filter.matches(r, today)).count());
        println!("{name:<58} {med:>7.2} ms median {p95:>7.2} ms p95 ({hits} fiches)");
    }
    let (med, p95, _) = time(|| builtin_counts(rows.iter().copied(), today).len());
    println!(
        "{:<58} {med:>7.2} ms median {p95:>7.2} ms p95",
        "counts of the 10 built-in segments (one pass)"
    );
    // The list's search as the app runs it: over the folded texts, one letter (the slowest
    // keystroke: most fiches hold it) and words.
    for q in ["m", "mar", "dupont", "06 12"] {
        let query = Query::new(q);
        let (med, p95, hits) = time(|| texts.iter().filter(|t| t.matches_query(&query)).count());
        println!(
            "{:<58} {med:>7.2} ms median {p95:>7.2} ms p95 ({hits} fiches)",
            format!("search \"{q}\" over the folded texts")
        );
    }
    // The comparison point: the list's search over the pre-folded haystacks.
    let hay: Vec<String> = fiches.iter().map(haystack).collect();
    let query = Query::new("mar");
    let (med, p95, hits) = time(|| hay.iter().filter(|h| query.matches(h)).count());
    println!(
        "{:<58} {med:>7.2} ms median {p95:>7.2} ms p95 ({hits} fiches)",
        "(search::Query \"mar\" over the haystacks, for comparison)"
    );
}
