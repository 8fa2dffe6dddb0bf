//! Make-up of today's file: every fixed row present, persons only for sexes and ages, ages at
//! their boundaries, départements (Corsica, overseas, abroad, unknown), sources and owners
//! grouped without regard to case or accents.

use carnet::domain::analytics::{makeup, place, AgeBand, Part, Place};
use carnet::domain::fiche::{Address, Fiche, FicheKind, Sex};
use carnet::domain::segment::list::Derived;
use carnet::domain::segment::{Computed, CustomerType};
use chrono::NaiveDate;

use crate::analytics_support::{day, fiche, file};
use crate::support::today;

struct F {
    company: bool,
    sex: Option<Sex>,
    birth: Option<NaiveDate>,
    /// (country, postal code) of each address.
    addresses: &'static [(&'static str, &'static str)],
    source: &'static str,
    owner: &'static str,
    kind: CustomerType,
}

fn build(i: usize, f: &F) -> Fiche {
    let mut x = fiche(&format!("f{i}"));
    if f.company {
        x.kind = FicheKind::Company;
    }
    x.sex = f.sex;
    x.birth_date = f.birth;
    x.addresses = f
        .addresses
        .iter()
        .map(|&(country, postal_code)| Address {
            country: country.into(),
            postal_code: postal_code.into(),
            city: "Somewhere".into(),
            ..Address::default()
        })
        .collect();
    x.source = f.source.into();
    x.owner = f.owner.into();
    x
}

fn part<K>(key: K, members: &[u32], share_tenths: i64) -> Part<K> {
    Part {
        key,
        members: members.to_vec(),
        share_tenths,
    }
}

fn dep(code: &str) -> Place {
    Place::Departement(code.into())
}

#[test]
fn the_file_by_type_kind_sex_age_place_source_and_owner() {
    use CustomerType::*;
    let p = |sex, birth, addresses, source, owner, kind| F {
        company: false,
        sex,
        birth,
        addresses,
        source,
        owner,
        kind,
    };
    let (female, male, other) = (Some(Sex::Female), Some(Sex::Male), Some(Sex::Other));
    // Today is 2025-06-15.
    let rows = [
        // 0: 25 today.
        p(
            female,
            Some(day(2000, 6, 15)),
            &[("", "20000")],
            "Salon",
            "Zoé",
            Loyal,
        ),
        // 1: 25 tomorrow.
        p(
            male,
            Some(day(2000, 6, 16)),
            &[("", "20200")],
            "salon ",
            "alice",
            New,
        ),
        // 2: 65 today.
        p(
            other,
            Some(day(1960, 6, 15)),
            &[("", "2A004")],
            "SALON",
            "Bob",
            Loyal,
        ),
        // 3: 65 tomorrow.
        p(
            None,
            Some(day(1960, 6, 16)),
            &[("", "2b200")],
            "Site web",
            "",
            Inactive,
        ),
        // 4: born in the future.
        p(
            female,
            Some(day(2026, 1, 1)),
            &[("", "97400")],
            "  ",
            "  ",
            Prospect,
        ),
        // 5: no birth date, no address.
        p(female, None, &[], "", "Alice", Prospect),
        // 6 and 7: companies (their sex and birth date are not counted).
        F {
            company: true,
            sex: male,
            birth: Some(day(1990, 1, 1)),
            addresses: &[("Belgique", "75008")],
            source: "Site Web",
            owner: "Zoe",
            kind: Occasional,
        },
        F {
            company: true,
            sex: None,
            birth: None,
            addresses: &[("FRANCE", "69 001")],
            source: "Salon",
            owner: "",
            kind: Loyal,
        },
        // 8: 35 today.
        p(
            male,
            Some(day(1990, 6, 15)),
            &[(" République Française ", "13001")],
            "",
            "",
            Prospect,
        ),
        // 9: 45 since yesterday; only the first address counts.
        p(
            male,
            Some(day(1980, 6, 14)),
            &[("", ""), ("", "75001")],
            "",
            "",
            Prospect,
        ),
        // 10, 11, 12, 13.
        p(
            female,
            Some(day(2010, 1, 1)),
            &[("", "98800")],
            "",
            "",
            Prospect,
        ),
        p(
            male,
            Some(day(1970, 1, 1)),
            &[("", "7500")],
            "",
            "",
            Prospect,
        ),
        p(
            female,
            Some(day(1985, 5, 5)),
            &[("", "00123")],
            "",
            "",
            Prospect,
        ),
        p(female, None, &[("fr", "20199")], "", "", Prospect),
    ];
    let file = file(rows.iter().enumerate().map(|(i, f)| build(i, f)).collect());
    let derived = Derived {
        today: today(),
        computed: rows
            .iter()
            .map(|f| Computed {
                kind: f.kind,
                rfm: None,
            })
            .collect(),
    };
    let m = makeup(&file, &derived);
    // 14 fiches, 12 persons.
    assert_eq!(
        m.types,
        vec![
            part(Prospect, &[4, 5, 8, 9, 10, 11, 12, 13], 571),
            part(New, &[1], 71),
            part(Occasional, &[6], 71),
            part(Loyal, &[0, 2, 7], 214),
            part(Inactive, &[3], 71),
        ]
    );
    assert_eq!(
        m.kinds,
        vec![
            part(
                FicheKind::Person,
                &[0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13],
                857
            ),
            part(FicheKind::Company, &[6, 7], 143),
        ]
    );
    assert_eq!(
        m.sexes,
        vec![
            part(female, &[0, 4, 5, 10, 12, 13], 500),
            part(male, &[1, 8, 9, 11], 333),
            part(other, &[2], 83),
            part(None, &[3], 83),
        ]
    );
    assert_eq!(
        m.ages,
        vec![
            part(AgeBand::Under25, &[1, 10], 167),
            part(AgeBand::From25To34, &[0], 83),
            part(AgeBand::From35To44, &[8, 12], 167),
            part(AgeBand::From45To54, &[9], 83),
            part(AgeBand::From55To64, &[3, 11], 167),
            part(AgeBand::From65, &[2], 83),
            part(AgeBand::Unknown, &[4, 5, 13], 250),
        ]
    );
    assert_eq!(
        m.places,
        vec![
            part(dep("2A"), &[0, 2, 13], 214),
            part(dep("2B"), &[1, 3], 143),
            part(dep("13"), &[8], 71),
            part(dep("69"), &[7], 71),
            part(dep("974"), &[4], 71),
            part(dep("988"), &[10], 71),
            part(Place::Abroad, &[6], 71),
            part(Place::Unknown, &[5, 9, 11, 12], 286),
        ]
    );
    assert_eq!(
        m.sources,
        vec![
            part(Some("Salon".to_string()), &[0, 1, 2, 7], 286),
            part(Some("Site web".to_string()), &[3, 6], 143),
            part(None, &[4, 5, 8, 9, 10, 11, 12, 13], 571),
        ]
    );
    // Two of two each, in alphabetical order (folded), then one, then the unknown.
    assert_eq!(
        m.owners,
        vec![
            part(Some("alice".to_string()), &[1, 5], 143),
            part(Some("Zoé".to_string()), &[0, 6], 143),
            part(Some("Bob".to_string()), &[2], 71),
            part(None, &[3, 4, 7, 8, 9, 10, 11, 12, 13], 643),
        ]
    );
}

#[test]
fn an_empty_file_has_its_fixed_rows_at_zero() {
    let m = makeup(&file(vec![]), &Derived::default());
    assert_eq!(m.types.len(), 5);
    assert!(m
        .types
        .iter()
        .all(|p| p.members.is_empty() && p.share_tenths == 0));
    assert_eq!(m.kinds.len(), 2);
    assert_eq!(m.sexes.len(), 4);
    assert_eq!(m.ages.len(), 7);
    assert!(m.places.is_empty() && m.sources.is_empty() && m.owners.is_empty());
}

#[test]
fn places_from_postal_codes() {
    let at = |country: &str, code: &str| {
        let mut f = fiche("x");
        f.addresses = vec![Address {
            country: country.into(),
            postal_code: code.into(),
            ..Address::default()
        }];
        place(&f)
    };
    assert_eq!(at("", "01000"), dep("01"));
    assert_eq!(at("", "95 000"), dep("95"));
    assert_eq!(at("", "20000"), dep("2A"));
    assert_eq!(at("", "20199"), dep("2A"));
    assert_eq!(at("", "20200"), dep("2B"));
    assert_eq!(at("", "20620"), dep("2B"));
    assert_eq!(at("", "2A004"), dep("2A"));
    assert_eq!(at("", "2b 200"), dep("2B"));
    // Non-breaking spaces, as a spreadsheet may write them.
    assert_eq!(at("", "75\u{a0}008"), dep("75"));
    assert_eq!(at("", " 2A\u{202f}004\t"), dep("2A"));
    assert_eq!(at("", "97100"), dep("971"));
    assert_eq!(at("", "97400"), dep("974"));
    assert_eq!(at("", "98800"), dep("988"));
    assert_eq!(at("France", "75008"), dep("75"));
    assert_eq!(at("FRA", "75008"), dep("75"));
    assert_eq!(at("Deutschland", "10115"), Place::Abroad);
    assert_eq!(at("Belgique", ""), Place::Abroad);
    for code in [
        "",
        "7500",
        "750080",
        "2C004",
        "2A04",
        "00100",
        "7500A",
        "７５００８",
    ] {
        assert_eq!(at("", code), Place::Unknown, "{code:?}");
    }
    assert_eq!(place(&fiche("x")), Place::Unknown);
}
