//! Orders of the fiche list.

use carnet::domain::fiche::{Fiche, FicheKind};
use carnet::domain::sort::{sort_fiches, sort_value, SortDir, SortKey};
use carnet::domain::summary::Summary;
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, day, 12, 0, 0).unwrap()
}

fn fiche(id: &str, last: &str, created_day: u32) -> Fiche {
    let mut f = Fiche::new(id.into(), at(created_day));
    f.last_name = last.into();
    f
}

fn contacted(day: Option<u32>) -> Summary {
    Summary {
        last_contact: day.map(at),
        ..Summary::default()
    }
}

fn sorted(fiches: &[Fiche], summaries: &[Summary], key: SortKey, dir: SortDir) -> Vec<String> {
    let mut items: Vec<(&Fiche, &Summary)> = fiches.iter().zip(summaries).collect();
    sort_fiches(&mut items, key, dir);
    items.iter().map(|(f, _)| f.id.clone()).collect()
}

#[test]
fn by_name_ignores_accents_and_case_then_id() {
    let mut company = fiche("c", "", 1);
    company.kind = FicheKind::Company;
    company.company = "Boulangerie Éclair".into();
    let fiches = vec![
        fiche("e", "zola", 1),
        fiche("b", "Émile", 1),
        fiche("a", "Durand", 1),
        fiche("d", "durand", 1),
        company,
        fiche("g", "", 1), // no name: last in both directions, in id order
        fiche("f", "", 1),
    ];
    let summaries = vec![Summary::default(); fiches.len()];
    assert_eq!(
        sorted(&fiches, &summaries, SortKey::Name, SortDir::Asc),
        ["c", "a", "d", "b", "e", "f", "g"]
    );
    assert_eq!(
        sorted(&fiches, &summaries, SortKey::Name, SortDir::Desc),
        ["e", "b", "d", "a", "c", "f", "g"]
    );
}

#[test]
fn by_creation_then_id() {
    let fiches = vec![
        fiche("b", "x", 3),
        fiche("a", "y", 3),
        fiche("c", "z", 1),
        fiche("d", "w", 2),
    ];
    let summaries = vec![Summary::default(); fiches.len()];
    assert_eq!(
        sorted(&fiches, &summaries, SortKey::Created, SortDir::Asc),
        ["c", "d", "a", "b"]
    );
    assert_eq!(
        sorted(&fiches, &summaries, SortKey::Created, SortDir::Desc),
        ["b", "a", "d", "c"]
    );
}

#[test]
fn never_contacted_fiches_go_last_both_ways() {
    let fiches: Vec<Fiche> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|id| fiche(id, "", 1))
        .collect();
    let summaries = vec![
        contacted(None),
        contacted(Some(5)),
        contacted(Some(9)),
        contacted(None),
        contacted(Some(5)),
    ];
    assert_eq!(
        sorted(&fiches, &summaries, SortKey::LastContact, SortDir::Asc),
        ["b", "e", "c", "a", "d"]
    );
    assert_eq!(
        sorted(&fiches, &summaries, SortKey::LastContact, SortDir::Desc),
        ["c", "e", "b", "a", "d"]
    );
}

#[test]
fn sorting_indices_gives_the_same_order() {
    let fiches = vec![
        fiche("b", "Bé", 2),
        fiche("a", "ba", 1),
        fiche("c", "Ça", 3),
    ];
    let summaries = vec![contacted(Some(1)), contacted(None), contacted(Some(2))];
    for key in [SortKey::Name, SortKey::Created, SortKey::LastContact] {
        for dir in [SortDir::Asc, SortDir::Desc] {
            let mut idx: Vec<usize> = (0..fiches.len()).collect();
            idx.sort_by_cached_key(|&i| sort_value(&fiches[i], &summaries[i], key, dir));
            let by_index: Vec<String> = idx.iter().map(|&i| fiches[i].id.clone()).collect();
            assert_eq!(
                by_index,
                sorted(&fiches, &summaries, key, dir),
                "{key:?} {dir:?}"
            );
        }
    }
}

#[test]
fn defaults_and_serde_names() {
    assert_eq!(SortKey::default(), SortKey::Name);
    assert_eq!(SortDir::default(), SortDir::Asc);
    assert_eq!(
        serde_json::to_string(&SortKey::LastContact).unwrap(),
        "\"last_contact\""
    );
    assert_eq!(
        serde_json::from_str::<SortDir>("\"desc\"").unwrap(),
        SortDir::Desc
    );
}

proptest! {
    #[test]
    fn sorting_is_deterministic_and_desc_mirrors_asc(
        rows in prop::collection::vec(("[a-cé]{0,2}", 1u32..4, prop::option::of(1u32..4)), 0..12),
        key in prop::sample::select(vec![SortKey::Name, SortKey::Created, SortKey::LastContact]),
        desc: bool,
    ) {
        let dir = if desc { SortDir::Desc } else { SortDir::Asc };
        let fiches: Vec<Fiche> =
            rows.iter().enumerate().map(|(i, (name, day, _))| fiche(&format!("{i:02}"), name, *day)).collect();
        let summaries: Vec<Summary> = rows.iter().map(|(_, _, c)| contacted(*c)).collect();

        // Whatever order the records arrive in, the result is the same.
        let forward = sorted(&fiches, &summaries, key, dir);
        let rev_f: Vec<Fiche> = fiches.iter().rev().cloned().collect();
        let rev_s: Vec<Summary> = summaries.iter().rev().cloned().collect();
        prop_assert_eq!(&forward, &sorted(&rev_f, &rev_s, key, dir));

        // Descending is ascending reversed, apart from the fiches that go last in both.
        let goes_last = |id: &String| {
            let i: usize = id.parse().unwrap();
            match key {
                SortKey::Name => rows[i].0.is_empty(),
                SortKey::Created => false,
                SortKey::LastContact => rows[i].2.is_none(),
            }
        };
        let asc = sorted(&fiches, &summaries, key, SortDir::Asc);
        let desc_order = sorted(&fiches, &summaries, key, SortDir::Desc);
        let split = asc.iter().take_while(|id| !goes_last(id)).count();
        prop_assert!(asc[split..].iter().all(goes_last));
        let head: Vec<String> = asc[..split].iter().rev().cloned().collect();
        prop_assert_eq!(&desc_order[..split], &head[..]);
        prop_assert_eq!(&desc_order[split..], &asc[split..]);
    }
}
