//! The demo file: deterministic, realistic, and valid record by record.

use std::collections::{HashMap, HashSet};

use carnet::domain::demo::demo_file;
use carnet::domain::fiche::{Fiche, FicheKind, Status};
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::summary::Summary;
use carnet::domain::validate::{validate_entry, validate_fiche};
use chrono::{Datelike, NaiveDate};

use crate::support::today;

fn demo(count: usize) -> (Vec<Fiche>, Vec<HistoryEntry>) {
    demo_file(7, count, today())
}

fn is_uuid_shaped(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && id
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
        && parts[2].starts_with('4')
        && parts[3].starts_with('8')
}

#[test]
fn same_arguments_same_file() {
    assert_eq!(demo(120), demo(120));
    assert_ne!(demo_file(1, 50, today()).0, demo_file(2, 50, today()).0);
    let (fiches, entries) = demo_file(7, 0, today());
    assert!(fiches.is_empty() && entries.is_empty());
}

#[test]
fn every_record_is_valid() {
    let (fiches, entries) = demo(1000);
    assert_eq!(fiches.len(), 1000);
    for f in &fiches {
        assert_eq!(validate_fiche(f, &[], today()), vec![], "{f:#?}");
    }
    for e in &entries {
        assert_eq!(validate_entry(e), vec![], "{e:#?}");
    }
}

#[test]
fn ids_are_unique_and_uuid_shaped_and_entries_belong_to_fiches() {
    let (fiches, entries) = demo(500);
    let fiche_ids: HashSet<&str> = fiches.iter().map(|f| f.id.as_str()).collect();
    let entry_ids: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(fiche_ids.len(), fiches.len());
    assert_eq!(entry_ids.len(), entries.len());
    assert!(fiche_ids.is_disjoint(&entry_ids));
    assert!(fiches.iter().all(|f| is_uuid_shaped(&f.id)));
    assert!(entries.iter().all(|e| is_uuid_shaped(&e.id)));
    assert!(entries
        .iter()
        .all(|e| fiche_ids.contains(e.fiche_id.as_str())));
}

#[test]
fn status_is_client_exactly_when_there_is_a_purchase() {
    let (fiches, entries) = demo(600);
    let mut by_fiche: HashMap<&str, Vec<&HistoryEntry>> = HashMap::new();
    for e in &entries {
        by_fiche.entry(e.fiche_id.as_str()).or_default().push(e);
    }
    let mut clients = 0;
    for f in &fiches {
        let history = by_fiche.get(f.id.as_str()).cloned().unwrap_or_default();
        assert!(history.len() <= 30, "{} entries", history.len());
        let summary = Summary::from_history(history.iter().copied());
        assert_eq!(f.status == Status::Client, summary.orders > 0, "{}", f.id);
        clients += usize::from(f.status == Status::Client);
        // Dated between the first contact and today.
        let first = f.first_contact.unwrap();
        for e in &history {
            let day = e.date.date_naive();
            assert!(first <= day && day <= today(), "{e:?}");
        }
        assert!(f.created_at <= f.updated_at);
        assert_eq!(f.created_at.date_naive(), first);
    }
    assert!(
        (300..=480).contains(&clients),
        "{clients} clients out of 600"
    );
}

#[test]
fn the_file_looks_french_and_varied() {
    let (fiches, entries) = demo(1000);
    let companies = fiches
        .iter()
        .filter(|f| f.kind == FicheKind::Company)
        .count();
    assert!((120..=280).contains(&companies), "{companies} companies");
    assert!(
        fiches.iter().any(|f| !f.first_name.is_ascii()),
        "accented first names"
    );
    assert!(fiches
        .iter()
        .flat_map(|f| &f.emails)
        .all(|e| e.value.is_ascii()));
    for f in fiches.iter().filter(|f| f.kind == FicheKind::Company) {
        assert!(
            ["SARL", "SAS", "EURL", "SASU"]
                .iter()
                .any(|form| f.company.contains(form)),
            "{}",
            f.company
        );
        assert!(f.headcount.is_some() && f.revenue_cents.is_some() && !f.sector.is_empty());
    }
    for f in &fiches {
        let a = &f.addresses[0];
        let expected_prefix = match a.city.as_str() {
            "Lyon" => "6900",
            "Paris" => "750",
            "Marseille" => "130",
            "Nice" => "06000",
            _ => "",
        };
        assert!(
            a.postal_code.starts_with(expected_prefix),
            "{} {}",
            a.city,
            a.postal_code
        );
        assert!(!a.region.is_empty());
        let phone = &f.phones[0].value;
        assert_eq!(phone.len(), 14, "{phone}");
        assert!(phone.starts_with('0'));
    }
    let kinds: HashSet<HistoryKind> = entries.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds.len(),
        HistoryKind::ALL.len(),
        "every kind of entry appears"
    );
    for e in entries.iter().filter(|e| e.kind == HistoryKind::Purchase) {
        let amount = e.amount_cents.unwrap();
        assert!((500..=90_000).contains(&amount), "{amount}");
    }
    let sources: HashSet<&str> = fiches.iter().map(|f| f.source.as_str()).collect();
    assert!(sources.contains("bouche-à-oreille") && sources.contains("salon"));
    assert!(fiches.iter().any(|f| f.consents.email.is_some()));
    let years: HashSet<i32> = fiches
        .iter()
        .filter_map(|f| f.first_contact)
        .map(|d| d.year())
        .collect();
    assert!(
        years.len() >= 5,
        "first contacts spread over five years: {years:?}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Valid whatever the seed and the day it is generated on (leap days, the distant past).
    #[test]
    fn valid_for_any_seed_and_day(seed: u64, days in 0i64..40_000) {
        let today = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
        let (fiches, entries) = demo_file(seed, 30, today);
        for f in &fiches {
            proptest::prop_assert_eq!(validate_fiche(f, &[], today), vec![]);
        }
        for e in &entries {
            proptest::prop_assert_eq!(validate_entry(e), vec![]);
        }
    }
}
