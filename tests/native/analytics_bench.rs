//! Figures, not a pass/fail test: ms per analysis of one period over 100,000 fiches and
//! 1,000,000 history entries (median and p95 of 100 runs). Run natively in release:
//! `cargo test --release --test native analytics_bench -- --ignored --nocapture`
//!
//! The file's records are in another order than the log's slots (as after deletions, or a
//! history read in another order than the fiches), so the passes pay for the join.

use std::time::Instant;

use carnet::domain::analytics::{
    activity, campaigns, cohorts, deciles, kpis, loyalty, makeup, migrations, Joined, Log, Period,
    Preset,
};
use carnet::domain::fiche::{Address, Fiche, FicheKind, Sex};
use carnet::domain::file::FileState;
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::segment::list::{derive, Derived};
use carnet::domain::segment::Thresholds;
use carnet::domain::summary::Summary;
use chrono::{Days, NaiveDate, TimeZone, Utc};

use crate::segment_bench::time;

const FICHES: usize = 100_000;
/// Entries per fiche: 0 to 20, 10 on average.
const MAX_ENTRIES: u64 = 20;

/// Knuth's MMIX linear congruential generator: the same file on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn fiche(rng: &mut Lcg, i: usize) -> Fiche {
    let mut f = Fiche::new(
        format!("f{i:06}"),
        Utc.with_ymd_and_hms(2021, 1, 1, 0, 0, 0).unwrap(),
    );
    if rng.below(10) == 0 {
        f.kind = FicheKind::Company;
    }
    f.sex = [Some(Sex::Female), Some(Sex::Male), Some(Sex::Other), None][rng.below(4) as usize];
    f.birth_date = (rng.below(5) > 0).then(|| {
        NaiveDate::from_ymd_opt(1940 + rng.below(70) as i32, 1, 1).unwrap()
            + Days::new(rng.below(365))
    });
    let postal = match rng.below(20) {
        0 => String::new(),
        1 => format!("20{:03}", rng.below(300)),
        2 => format!("97{:03}", 100 + rng.below(400)),
        _ => format!("{:05}", 1000 + rng.below(94_000)),
    };
    let country = if rng.below(25) == 0 { "Belgique" } else { "" };
    f.addresses = vec![Address {
        postal_code: postal,
        country: country.into(),
        ..Address::default()
    }];
    f.source = [
        "Salon",
        "salon",
        "Site web",
        "Bouche à oreille",
        "",
        "Parrainage",
    ][rng.below(6) as usize]
        .into();
    f.owner = ["Alice", "Bruno", "", "Chloé", "chloe"][rng.below(5) as usize].into();
    f
}

fn entries(rng: &mut Lcg, id: &str, first: NaiveDate, span: u64) -> Vec<HistoryEntry> {
    let n = rng.below(MAX_ENTRIES + 1);
    (0..n)
        .map(|k| {
            let d = first + Days::new(rng.below(span));
            let (kind, amount, label) = match rng.below(20) {
                0..=7 => {
                    let cents = 100 + rng.below(30_000) as i64;
                    let sign = if rng.below(20) == 0 { -1 } else { 1 };
                    (HistoryKind::Purchase, Some(sign * cents), String::new())
                }
                8..=10 => (
                    HistoryKind::Campaign,
                    None,
                    format!("Campagne {}", rng.below(12)),
                ),
                other => (
                    HistoryKind::ALL[1 + (other as usize % 8)],
                    None,
                    String::new(),
                ),
            };
            HistoryEntry {
                id: format!("{id}-{k}"),
                fiche_id: id.into(),
                date: Utc.from_utc_datetime(&d.and_hms_opt(12, 0, 0).unwrap()),
                kind,
                label,
                amount_cents: amount,
                currency: "EUR".into(),
                status: None,
                text: String::new(),
            }
        })
        .collect()
}

/// The benchmark's file and log: 100,000 fiches, about 1,000,000 entries, with the file's
/// derived types on `today`.
pub fn sample(today: NaiveDate) -> (FileState, Log, Derived) {
    let t = Instant::now();
    let mut rng = Lcg(42);
    let fiches: Vec<Fiche> = (0..FICHES).map(|i| fiche(&mut rng, i)).collect();
    // The log's slots in id order, one fiche at a time (its history is never held whole).
    let first = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let span = (today - first).num_days() as u64;
    let mut log = Log::new();
    for f in &fiches {
        log.replace_fiche(&f.id, &entries(&mut rng, &f.id, first, span));
    }
    // The file in a shuffled order (Fisher-Yates).
    let mut order: Vec<usize> = (0..FICHES).collect();
    for i in (1..FICHES).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let file = FileState::from_records(
        order
            .iter()
            .map(|&i| (fiches[i].clone(), Summary::default())),
    );
    let derived = derive(&file, Thresholds::default(), today);
    println!(
        "{} fiches, {} history entries, built in {:.1} s",
        file.len(),
        log.len(),
        t.elapsed().as_secs_f64()
    );
    (file, log, derived)
}

#[test]
#[ignore = "benchmark; run with --release --ignored --nocapture"]
fn analyses_of_one_period_over_100k_fiches_and_1m_entries() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 15).unwrap();
    let (file, log, derived) = sample(today);
    let j = Joined::new(&file, &log);
    let p: Period = Preset::Last12Months.period(today);
    let print = |name: &str, (med, p95, n): (f64, f64, usize)| {
        println!("{name:<40} {med:>7.2} ms median {p95:>7.2} ms p95 ({n})");
    };
    print(
        "join log and file (per change)",
        time(|| Joined::new(&file, &log).live_slots().count()),
    );
    print("kpis (period and previous)", time(|| kpis(&j, p).len()));
    print("deciles", time(|| deciles(&j, p).buyers as usize));
    print("cohorts", time(|| cohorts(&j, p).len()));
    print("loyalty", time(|| loyalty(&j, p).pairs as usize));
    print(
        "migrations",
        time(|| migrations(&j, p, Thresholds::default()).cells.len()),
    );
    print(
        "make-up (today's file)",
        time(|| makeup(&file, &derived).places.len()),
    );
    print(
        "campaigns (30-day window)",
        time(|| campaigns(&j, p, 30).len()),
    );
    print("activity", time(|| activity(&j, p).len()));
    print(
        "all of them",
        time(|| {
            kpis(&j, p).len()
                + deciles(&j, p).groups.len()
                + cohorts(&j, p).len()
                + loyalty(&j, p).months.len()
                + migrations(&j, p, Thresholds::default()).cells.len()
                + makeup(&file, &derived).types.len()
                + campaigns(&j, p, 30).len()
                + activity(&j, p).len()
        }),
    );
}
