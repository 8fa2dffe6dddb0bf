//! vCard 4.0 export and 3.0 / 4.0 (and 2.1 quoted-printable) import through the same plan as CSV.

use chrono::NaiveDate;

use crate::codec_support::{now, today};
use carnet::domain::codec::plan::{ImportOptions, ImportProblem, OnMatch, Outcome};
use carnet::domain::codec::vcard::{export_vcards, plan_vcard_import};
use carnet::domain::fiche::{Address, Civility, Fiche, FicheKind, Labelled, Sex};
use carnet::domain::validate::Problem;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/vcard/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn opts() -> ImportOptions {
    ImportOptions {
        on_match: OnMatch::Update,
        today: today(),
        now: now(),
    }
}

fn import(bytes: &[u8], existing: &[Fiche]) -> carnet::domain::codec::plan::FichePlan {
    let mut n = 0;
    let existing: Vec<&Fiche> = existing.iter().collect();
    plan_vcard_import(bytes, &[], &existing, &opts(), &mut || {
        n += 1;
        format!("v-{n}")
    })
    .unwrap()
}

fn pairs(l: &[Labelled]) -> Vec<(&str, &str)> {
    l.iter()
        .map(|x| (x.label.as_str(), x.value.as_str()))
        .collect()
}

#[test]
fn vcard_3_with_apple_groups_and_a_2_1_quoted_printable_card() {
    let p = import(&fixture("contacts_v3.vcf"), &[]);
    assert_eq!(p.created(), 3, "{:#?}", p.rows);
    let e = &p.to_create[0];
    assert_eq!(
        (e.first_name.as_str(), e.last_name.as_str()),
        ("Élodie", "Moreau")
    );
    assert_eq!(e.civility, Some(Civility::Mrs));
    assert_eq!(e.company, "Fleurs & Cie");
    assert_eq!(e.job_title, "Fleuriste");
    assert_eq!(
        pairs(&e.emails),
        [
            ("bureau", "elodie@fleurs-cie.fr"),
            ("perso", "elodie.moreau@exemple.fr")
        ]
    );
    assert_eq!(
        pairs(&e.phones),
        [("mobile", "06 10 20 30 40"), ("domicile", "01 45 67 89 10")]
    );
    assert_eq!(e.addresses[0].street, "14 rue des Lilas\nBâtiment B");
    assert_eq!(
        (
            e.addresses[0].city.as_str(),
            e.addresses[0].postal_code.as_str()
        ),
        ("Rennes", "35000")
    );
    assert_eq!(
        e.notes,
        "Aime les pivoines, les roses; pas les lys.\nRappeler en mai."
    );
    assert_eq!(e.birth_date, NaiveDate::from_ymd_opt(1979, 6, 21));
    assert_eq!(e.tags, ["Clients", "Mariages"]);
    assert_eq!(
        e.external_ids["vcard"],
        "4D3F2A10-1B2C-4D5E-8F90-A1B2C3D4E5F6"
    );

    let a = &p.to_create[1];
    assert_eq!(
        (a.first_name.as_str(), a.last_name.as_str()),
        ("André", "Lefèvre")
    );
    assert_eq!(pairs(&a.phones), [("mobile", "+33612345679")]);
    assert_eq!(
        a.notes,
        "Très long commentaire sur plusieurs lignes qui continue ici."
    );

    let q = &p.to_create[2];
    assert_eq!(q.kind, FicheKind::Company);
    assert_eq!(
        (q.company.as_str(), q.last_name.as_str()),
        ("Quincaillerie Dubois", "")
    );
    // Invalid e-mail and birthday without a year: reported on the card's line, kept in notes.
    let line = 31;
    assert!(
        p.errors.iter().any(|e| e.line == line
            && e.column == "EMAIL"
            && e.problem == ImportProblem::Invalid(Problem::InvalidEmail)),
        "{:#?}",
        p.errors
    );
    assert!(p
        .errors
        .iter()
        .any(|e| e.line == line && e.problem == ImportProblem::NoYear));
    assert!(q.notes.contains("EMAIL: pas-une-adresse"));
}

#[test]
fn vcard_4_card() {
    let p = import(&fixture("contacts_v4.vcf"), &[]);
    let s = &p.to_create[0];
    assert_eq!(
        (s.first_name.as_str(), s.last_name.as_str()),
        ("Sophie", "Laurent")
    );
    assert_eq!(s.sex, Some(Sex::Female));
    assert_eq!(
        pairs(&s.phones),
        [
            ("mobile", "+33-6-77-88-99-00"),
            ("bureau", "+33-1-23-45-67-80")
        ]
    );
    assert_eq!(s.addresses[0].region, "Côte-d'Or");
    assert_eq!(s.website, "https://sophie-laurent.example.fr");
    assert_eq!(s.birth_date, NaiveDate::from_ymd_opt(1975, 3, 17));
    // "Dr." is no civility: reported and kept.
    assert!(p
        .errors
        .iter()
        .any(|e| e.value == "Dr." && e.problem == ImportProblem::UnknownValue));
}

#[test]
fn a_card_with_an_overlong_name_is_a_problem_row_not_a_fiche() {
    let long = "A".repeat(5_000);
    let vcf = format!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jeanne Dupuis\r\nN:Dupuis;Jeanne;;;\r\n\
         EMAIL:jeanne@exemple.fr\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\nN:{long};Paul;;;\r\n\
         NOTE:{}\r\nEND:VCARD\r\n",
        "n".repeat(25_000)
    );
    let p = import(vcf.as_bytes(), &[]);
    assert_eq!(p.to_create.len(), 1, "only the first card");
    assert_eq!(p.to_create[0].last_name, "Dupuis");
    assert_eq!(p.rows[1].outcome, Outcome::Invalid);
    let mut problems: Vec<(u64, &str, ImportProblem)> = p
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.problem))
        .collect();
    problems.sort_by_key(|e| e.1);
    assert_eq!(
        problems,
        [
            (
                7,
                "N",
                ImportProblem::Invalid(Problem::TooLong { max: 100 })
            ),
            (
                7,
                "NOTE",
                ImportProblem::Invalid(Problem::TooLong { max: 20_000 })
            ),
        ]
    );
    let name = p.errors.iter().find(|e| e.column == "N").unwrap();
    assert_eq!(name.value, format!("{}…", "A".repeat(60)), "shortened");
}

#[test]
fn cards_match_existing_fiches_like_csv_rows() {
    let mut existing = Fiche::new("old".into(), now());
    existing.last_name = "Lefèvre".into();
    existing.phones.push(Labelled {
        label: String::new(),
        value: "06 12 34 56 79".into(),
    });
    let p = import(&fixture("contacts_v3.vcf"), std::slice::from_ref(&existing));
    assert_eq!(p.rows[1].outcome, Outcome::Update { id: "old".into() });
    assert_eq!(p.to_update[0].first_name, "André");
    assert_eq!(
        p.to_update[0].phones.len(),
        1,
        "same number, other spelling: not added"
    );
}

#[test]
fn export_escapes_folds_and_reads_back() {
    let mut f = Fiche::new("f81d4fae-7dec-11d0-a765-00a0c91e6bf6".into(), now());
    f.civility = Some(Civility::Mr);
    f.first_name = "Jean-Éric".into();
    f.last_name = "Dupont; Durand".into();
    f.company = "A, B & C".into();
    f.notes = "Ligne 1\nLigne 2 avec \\ antislash, virgule; point-virgule. ".to_string()
        + &"é".repeat(60);
    f.phones.push(Labelled {
        label: "mobile".into(),
        value: "06 12 34 56 78".into(),
    });
    f.emails.push(Labelled {
        label: "bureau".into(),
        value: "jean@exemple.fr".into(),
    });
    f.addresses.push(Address {
        label: "domicile".into(),
        street: "1 rue X".into(),
        postal_code: "75001".into(),
        city: "Paris".into(),
        ..Address::default()
    });
    f.tags = vec!["vip".into(), "a,b".into()];
    f.birth_date = NaiveDate::from_ymd_opt(1980, 1, 31);
    let text = export_vcards(std::slice::from_ref(&f));
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:f81d4fae"));
    assert!(text.contains("N:Dupont\\; Durand;Jean-Éric;;M.;\r\n"));
    assert!(text.contains("ORG:A\\, B & C\r\n"));
    assert!(text.contains("TEL;TYPE=cell:06 12 34 56 78\r\n"));
    assert!(text.contains("CATEGORIES:vip,a\\,b\r\n"));
    assert!(text.contains("BDAY:19800131\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let back = import(text.as_bytes(), &[]);
    let g = &back.to_create[0];
    assert_eq!(
        (
            g.first_name.as_str(),
            g.last_name.as_str(),
            g.company.as_str()
        ),
        ("Jean-Éric", "Dupont; Durand", "A, B & C")
    );
    assert_eq!(g.notes, f.notes.trim());
    assert_eq!(g.tags, f.tags);
    assert_eq!(pairs(&g.phones), pairs(&f.phones));
    assert_eq!(pairs(&g.emails), pairs(&f.emails));
    assert_eq!(g.addresses, f.addresses);
    assert_eq!(g.birth_date, f.birth_date);
    assert_eq!(g.civility, f.civility);
}

mod vcard_property {
    use proptest::prelude::*;

    use super::import;
    use crate::codec_support::{build, defs, parts};
    use carnet::domain::codec::vcard::export_vcards;
    use carnet::domain::fiche::{Fiche, FicheKind, Labelled};

    /// The label vCard keeps: Carnet's usual ones, by their TYPE; others are not carried.
    fn carried(label: &str) -> String {
        match label {
            "mobile" | "bureau" | "domicile" | "fax" => label.to_string(),
            _ => String::new(),
        }
    }

    fn labels(list: &[Labelled]) -> Vec<(String, String)> {
        list.iter()
            .map(|l| (carried(&l.label), l.value.clone()))
            .collect()
    }

    /// What a vCard carries: names, civility, sex, company, job title, phones, e-mails,
    /// addresses, website, birthday, tags and notes. A lone CR has no vCard form and comes back
    /// as a line break.
    fn vcard_fields(f: &Fiche) -> impl PartialEq + std::fmt::Debug {
        let cr = |s: &str| s.replace("\r\n", "\n").replace('\r', "\n");
        let addresses: Vec<_> = f
            .addresses
            .iter()
            .map(|a| {
                (
                    carried(&a.label),
                    cr(&a.street),
                    a.postal_code.clone(),
                    cr(&a.city),
                    cr(&a.region),
                    a.country.clone(),
                )
            })
            .collect();
        (
            (
                cr(&f.first_name),
                cr(&f.last_name),
                f.civility,
                f.sex,
                cr(&f.company),
                cr(&f.job_title),
                f.kind == FicheKind::Company,
            ),
            labels(&f.phones),
            labels(&f.emails),
            addresses,
            (
                f.website.clone(),
                f.birth_date,
                f.tags.clone(),
                cr(&f.notes),
            ),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn vcard_export_imports_back_what_vcard_carries(ps in prop::collection::vec(parts(), 1..5)) {
            let defs = defs();
            let fiches: Vec<Fiche> = ps.iter().enumerate().map(|(i, p)| {
                let mut f = build(i, p, &defs);
                // Known labels half of the time, so TYPE is exercised.
                for (k, l) in f.phones.iter_mut().enumerate() {
                    if k % 2 == 0 { l.label = "mobile".into(); }
                }
                f
            }).collect();
            let text = export_vcards(&fiches);
            for line in text.split("\r\n") {
                prop_assert!(line.len() <= 75);
            }
            let plan = import(text.as_bytes(), &[]);
            prop_assert!(plan.errors.is_empty(), "{:#?}", plan.errors);
            prop_assert_eq!(plan.to_create.len(), fiches.len());
            for (a, b) in fiches.iter().zip(&plan.to_create) {
                prop_assert_eq!(vcard_fields(a), vcard_fields(b));
            }
        }
    }
}
