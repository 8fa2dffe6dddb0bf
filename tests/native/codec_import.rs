//! CSV import of fiches and history: each known layout from its fixture, mapping, problems,
//! duplicates and merge rules.

use chrono::{NaiveDate, TimeZone, Utc};

use carnet::domain::codec::csv_import::{plan_history_import, plan_import, report_csv, ImportPlan};
use carnet::domain::codec::csv_read::read_table;
use carnet::domain::codec::mapping::{find_saved, signature, Layout, Mapping, Target};
use carnet::domain::codec::plan::{ImportOptions, ImportProblem, OnMatch, Outcome, RowError};
use carnet::domain::codec::text::Encoding;
use carnet::domain::custom_field::{CustomFieldDef, CustomKind, CustomValue};
use carnet::domain::fiche::{Civility, Fiche, FicheKind, Labelled, Sex, Status};
use carnet::domain::history::HistoryKind;
use carnet::domain::validate::{validate_fiche, Problem};

use crate::codec_support::today;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/csv/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn opts(on_match: OnMatch) -> ImportOptions {
    ImportOptions {
        on_match,
        today: today(),
        now: Utc.with_ymd_and_hms(2025, 1, 15, 9, 0, 0).unwrap(),
    }
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("new-{n}")
    }
}

fn plan(bytes: &[u8], existing: &[Fiche], defs: &[CustomFieldDef], m: OnMatch) -> ImportPlan {
    let existing: Vec<&Fiche> = existing.iter().collect();
    plan_import(bytes, &[], defs, &existing, &opts(m), &mut ids()).expect("readable")
}

fn created<'a>(p: &'a ImportPlan, last: &str) -> &'a Fiche {
    p.fiches
        .to_create
        .iter()
        .find(|f| f.last_name == last || f.company == last)
        .unwrap_or_else(|| panic!("{last} not created: {:#?}", p.fiches.to_create))
}

fn values(list: &[Labelled]) -> Vec<(&str, &str)> {
    list.iter()
        .map(|l| (l.label.as_str(), l.value.as_str()))
        .collect()
}

fn errors_at(p: &ImportPlan, line: u64) -> Vec<&RowError> {
    p.errors().iter().filter(|e| e.line == line).collect()
}

#[test]
fn french_excel_windows_1252_file_with_a_problem_row() {
    let p = plan(&fixture("french_excel_1252.csv"), &[], &[], OnMatch::Update);
    assert_eq!(p.encoding, Encoding::Windows1252);
    assert_eq!(p.delimiter, b';');
    assert_eq!(p.mapping.layout, Layout::Generic);
    assert_eq!(
        (
            p.fiches.created(),
            p.fiches.updated(),
            p.fiches.skipped(),
            p.fiches.invalid()
        ),
        (4, 0, 0, 1)
    );
    let h = created(&p, "Lefèvre");
    assert_eq!(h.civility, Some(Civility::Mrs));
    assert_eq!(h.first_name, "Hélène");
    assert_eq!(
        values(&h.phones),
        [("", "01 42 68 53 00"), ("mobile", "06 12 34 56 78")]
    );
    assert_eq!(h.addresses[0].street, "12 rue de l'Église");
    assert_eq!(h.birth_date, NaiveDate::from_ymd_opt(1985, 7, 14));
    assert_eq!(h.tags, ["fidèle", "vip"]);
    assert_eq!(h.notes, "Préfère être appelée le matin");

    let f = created(&p, "Nœl");
    assert_eq!(f.kind, FicheKind::Person);
    assert_eq!(f.company, "Boulangerie Nœl");
    assert_eq!(f.revenue_cents, Some(12_500_050));
    assert_eq!(f.addresses[0].postal_code, "07500", "leading zero restored");

    // Line 4: invalid e-mail and an impossible date, reported with column, kept in the notes.
    let z = created(&p, "Garçon");
    assert!(z.emails.is_empty() && z.birth_date.is_none());
    assert!(
        z.notes.contains("E-mail: zoe.garcon@exemple"),
        "{}",
        z.notes
    );
    assert!(z.notes.contains("Date de naissance: 31/02/1990"));
    let problems: Vec<(String, ImportProblem)> = errors_at(&p, 4)
        .iter()
        .map(|e| (e.column.clone(), e.problem))
        .collect();
    assert!(problems.contains(&(
        "E-mail".into(),
        ImportProblem::Invalid(Problem::InvalidEmail)
    )));
    assert!(problems.contains(&(
        "Date de naissance".into(),
        ImportProblem::Invalid(Problem::InvalidDate)
    )));
    // Line 5 has no name at all.
    assert_eq!(p.fiches.rows[3].line, 5);
    assert_eq!(p.fiches.rows[3].outcome, Outcome::Invalid);
    assert!(errors_at(&p, 5)
        .iter()
        .any(|e| e.problem == ImportProblem::Invalid(Problem::NameRequired)));
    assert_eq!(
        created(&p, "Dupré").notes,
        "Client depuis 2019 – « très fidèle »"
    );
    for f in &p.fiches.to_create {
        assert!(validate_fiche(f, &[], today()).is_empty(), "{f:#?}");
        assert_eq!(f.version, 0);
    }

    let report = report_csv(p.errors(), &|e| format!("{:?}", e.problem));
    assert!(report.starts_with("\u{feff}line,column,value,problem,message\r\n"));
    assert!(report.contains("4,E-mail,zoe.garcon@exemple,invalid_email,"));
    assert_eq!(report.lines().count(), 1 + p.errors().len());
}

#[test]
fn google_contacts_export() {
    let p = plan(&fixture("google_contacts.csv"), &[], &[], OnMatch::Update);
    assert_eq!(p.mapping.layout, Layout::Google);
    assert_eq!(p.fiches.created(), 2);
    let c = created(&p, "Martin");
    assert_eq!(c.company, "Atelier Martin");
    assert_eq!(c.job_title, "Gérante");
    assert_eq!(
        values(&c.emails),
        [
            ("Work", "camille@atelier-martin.fr"),
            ("Work", "c.martin@exemple.fr")
        ]
    );
    assert_eq!(
        values(&c.phones),
        [("Mobile", "+33 6 12 34 56 78"), ("Work", "04 78 00 00 00")]
    );
    assert_eq!(c.addresses.len(), 1);
    assert_eq!(
        (c.addresses[0].label.as_str(), c.addresses[0].city.as_str()),
        ("Work", "Lyon")
    );
    assert_eq!(
        c.tags,
        ["Clients", "VIP"],
        "Google's system group is dropped"
    );
    assert_eq!(c.website, "https://atelier-martin.fr");
    assert_eq!(c.birth_date, NaiveDate::from_ymd_opt(1982, 3, 9));
    // Birthday without a year: reported, kept in the notes, no date stored. Camille's
    // formatted address spans three lines, so Paul's row starts on line 5.
    let r = created(&p, "Roux");
    assert_eq!(r.first_name, "Paul Henri");
    assert_eq!(r.birth_date, None);
    assert!(p
        .errors()
        .iter()
        .any(|e| e.problem == ImportProblem::NoYear && e.value == "--01-31" && e.line == 5));
    // The formatted address is not imported on top of its parts.
    assert!(p
        .ignored_columns
        .iter()
        .any(|(h, _)| h == "Address 1 - Formatted"));
}

#[test]
fn outlook_export_with_92_columns() {
    let bytes = fixture("outlook.csv");
    let table = read_table(&bytes).unwrap();
    assert_eq!(table.headers.len(), 92);
    let p = plan(&bytes, &[], &[], OnMatch::Update);
    assert_eq!(p.mapping.layout, Layout::Outlook);
    assert_eq!(p.fiches.created(), 2);
    let s = created(&p, "Miller");
    assert_eq!(
        s.civility,
        Some(Civility::Mrs),
        "Outlook's Title is a civility"
    );
    assert_eq!(s.job_title, "Buyer");
    assert_eq!(s.sex, Some(Sex::Female));
    // "1/31/1980" makes the whole file month-first.
    assert_eq!(s.birth_date, NaiveDate::from_ymd_opt(1980, 1, 31));
    assert_eq!(
        created(&p, "Durand").birth_date,
        NaiveDate::from_ymd_opt(1975, 4, 5)
    );
    assert_eq!(
        values(&s.emails),
        [("", "susan@contoso.com"), ("", "s.miller@example.com")]
    );
    assert_eq!(
        values(&s.phones),
        [("bureau", "+1 425 555 0100"), ("mobile", "+1 425 555 0199")]
    );
    assert_eq!(s.addresses[0].street, "1 Microsoft Way\nBuilding 4");
    assert_eq!(s.addresses[0].label, "bureau");
    assert_eq!(s.tags, ["Clients", "Salon 2024"]);
    assert!(s.notes.starts_with("Met at the trade fair"));
    assert!(s.notes.contains("Department: Purchasing"));
    let m = created(&p, "Durand");
    assert_eq!(m.addresses[0].label, "domicile");
    assert_eq!(m.source, "Susan Miller");
    // "0/0/00" is Outlook's empty date, "Unspecified" its unknown gender: no problem.
    assert!(p.errors().is_empty(), "{:#?}", p.errors());
}

#[test]
fn hubspot_export() {
    let p = plan(&fixture("hubspot.csv"), &[], &[], OnMatch::Update);
    assert_eq!(p.mapping.layout, Layout::HubSpot);
    let j = created(&p, "Bernard");
    assert_eq!(
        j.external_ids.get("hubspot").map(String::as_str),
        Some("51")
    );
    assert_eq!(j.status, Status::Client);
    assert_eq!(j.owner, "Alice Commerciale");
    assert_eq!(j.first_contact, NaiveDate::from_ymd_opt(2024, 5, 3));
    assert_eq!(j.revenue_cents, Some(150_000_000));
    assert_eq!(j.headcount, Some(45));
    assert_eq!(j.sector, "Retail");
    assert_eq!(j.addresses[0].region, "Île-de-France");
    assert_eq!(created(&p, "Lambert").status, Status::Prospect);
    // Re-importing the same export updates by record id instead of duplicating.
    let existing: Vec<Fiche> = p
        .fiches
        .to_create
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.emails.clear();
            f
        })
        .collect();
    let again = plan(&fixture("hubspot.csv"), &existing, &[], OnMatch::Update);
    assert_eq!((again.fiches.created(), again.fiches.updated()), (0, 2));
    assert!(matches!(
        again.fiches.rows[2].outcome,
        Outcome::Unchanged { .. }
    ));
}

#[test]
fn dolibarr_third_parties() {
    let p = plan(&fixture("dolibarr_tiers.csv"), &[], &[], OnMatch::Update);
    assert_eq!(p.mapping.layout, Layout::Dolibarr);
    let g = created(&p, "Menuiserie Girard");
    assert_eq!(g.kind, FicheKind::Company);
    assert_eq!(g.status, Status::Client);
    assert_eq!(g.headcount, Some(11), "a range keeps its lower bound");
    assert_eq!(
        g.external_ids.get("dolibarr_code").map(String::as_str),
        Some("CU2401-0012")
    );
    assert_eq!(
        g.external_ids.get("dolibarr").map(String::as_str),
        Some("12")
    );
    assert_eq!(values(&g.phones)[1], ("fax", "05 56 00 00 01"));
    assert!(g.notes.contains("Nom alternatif: Girard Bois"));
    assert!(g.notes.contains("Client historique"));
    assert_eq!(created(&p, "Garage du Centre").status, Status::Prospect);
    // "TPE" is no known kind: reported and kept.
    assert!(p
        .errors()
        .iter()
        .any(|e| e.column == "Type du tiers" && e.problem == ImportProblem::UnknownValue));
    let v = created(&p, "Jean Vidal");
    assert_eq!(v.kind, FicheKind::Person);
    assert_eq!(v.status, Status::Client, "3 is client and prospect");
}

fn existing_fiche(id: &str, last: &str, email: &str, phone: &str) -> Fiche {
    let mut f = Fiche::new(
        id.into(),
        Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap(),
    );
    f.last_name = last.into();
    f.version = 3;
    if !email.is_empty() {
        f.emails.push(Labelled {
            label: String::new(),
            value: email.into(),
        });
    }
    if !phone.is_empty() {
        f.phones.push(Labelled {
            label: String::new(),
            value: phone.into(),
        });
    }
    f
}

#[test]
fn duplicates_against_the_file_follow_the_users_choice() {
    let existing = vec![
        existing_fiche("a", "Lefèvre", "Helene.Lefevre@Exemple.fr", ""),
        existing_fiche("b", "Nœl", "", "+33 6 98 76 54 32"),
        // Same home phone as Hélène's landline but another family: not a match.
        existing_fiche("c", "Autre", "", "01.42.68.53.00"),
    ];
    let bytes = fixture("french_excel_1252.csv");
    let p = plan(&bytes, &existing, &[], OnMatch::Update);
    assert_eq!(
        (p.fiches.created(), p.fiches.updated()),
        (2, 2),
        "{:#?}",
        p.fiches.rows
    );
    let a = p.fiches.to_update.iter().find(|f| f.id == "a").unwrap();
    let undo: Vec<&str> = p.fiches.replaced.iter().map(|f| f.id.as_str()).collect();
    let updated: Vec<&str> = p.fiches.to_update.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(undo, updated);
    assert_eq!(
        p.fiches.replaced[0], existing[0],
        "the stored version, for an undo"
    );
    assert_eq!(a.version, 3, "the save path bumps the version");
    assert_eq!(a.emails.len(), 1, "same e-mail, other case: not added");
    assert_eq!(a.first_name, "Hélène", "empty field filled");
    assert_eq!(a.phones.len(), 2);
    let b = p.fiches.to_update.iter().find(|f| f.id == "b").unwrap();
    assert_eq!(b.last_name, "Nœl", "never overwritten");
    assert_eq!(b.emails[0].value, "francois@boulangerie-noel.fr");

    let skip = plan(&bytes, &existing, &[], OnMatch::Skip);
    assert_eq!(
        (
            skip.fiches.created(),
            skip.fiches.updated(),
            skip.fiches.skipped()
        ),
        (2, 0, 2)
    );
    assert!(skip.fiches.to_update.is_empty());
    let create = plan(&bytes, &existing, &[], OnMatch::Create);
    assert_eq!(create.fiches.created(), 4);
    assert!(create
        .fiches
        .to_create
        .iter()
        .all(|f| !["a", "b", "c"].contains(&f.id.as_str())));
}

#[test]
fn duplicates_inside_the_file_are_merged_and_reported() {
    let csv = "Prénom;Nom;Email;Téléphone;Tags\n\
               Ana;Silva;ana@exemple.fr;;a\n\
               Ana;Silva;ANA@exemple.fr;06 12 34 56 78;b\n\
               Luc;Silva;;06 12 34 56 78;\n\
               Léo;;;06 12 34 56 78;\n";
    let p = plan(csv.as_bytes(), &[], &[], OnMatch::Update);
    assert_eq!(p.fiches.created(), 1, "{:#?}", p.fiches.rows);
    assert_eq!(p.fiches.rows[1].outcome, Outcome::Merged { line: 2 });
    let ana = &p.fiches.to_create[0];
    assert_eq!(ana.tags, ["a", "b"]);
    assert_eq!(ana.phones.len(), 1);
    assert!(p.errors().contains(&RowError {
        line: 3,
        column: String::new(),
        value: String::new(),
        problem: ImportProblem::DuplicateInFile { line: 2 },
        kept_in_notes: false,
    }));
    // Luc shares the phone and the last name: same household record, merged. Léo has no last
    // name to disagree with: merged too.
    assert_eq!(p.fiches.rows[2].outcome, Outcome::Merged { line: 2 });
    assert_eq!(p.fiches.rows[3].outcome, Outcome::Merged { line: 2 });
    let csv2 = "Prénom;Nom;Téléphone\nAna;Silva;0612345678\nJo;Costa;06 12 34 56 78\n";
    let p2 = plan(csv2.as_bytes(), &[], &[], OnMatch::Update);
    assert_eq!(
        p2.fiches.created(),
        2,
        "another last name: not the same person"
    );
}

#[test]
fn custom_fields_carnet_ids_and_saved_mappings() {
    let defs = vec![
        CustomFieldDef {
            id: "oil".into(),
            name: "Huile moteur".into(),
            kind: CustomKind::Choice,
            options: vec!["5W30".into(), "10W40".into()],
        },
        CustomFieldDef {
            id: "km".into(),
            name: "Kilométrage".into(),
            kind: CustomKind::Number,
            options: vec![],
        },
    ];
    let csv = "Nom,Huile moteur,KILOMETRAGE,Couleur préférée,Carnet ID\n\
               Petit,5w30,\"120 500,5\",bleu,id-1\n\
               Grand,15W50,abc,,id-2\n";
    let p = plan(csv.as_bytes(), &[], &defs, OnMatch::Update);
    assert_eq!(
        p.mapping.targets,
        [
            Target::LastName,
            Target::Custom { id: "oil".into() },
            Target::Custom { id: "km".into() },
            Target::Ignore,
            Target::CarnetId
        ]
    );
    assert_eq!(p.mapping.layout, Layout::Carnet);
    let petit = created(&p, "Petit");
    assert_eq!(petit.id, "id-1", "a free Carnet id is kept");
    assert_eq!(
        petit.custom.get("oil"),
        Some(&CustomValue::Choice("5W30".into()))
    );
    assert_eq!(
        petit.custom.get("km"),
        Some(&CustomValue::Number(120_500.5))
    );
    assert_eq!(p.ignored_columns, [("Couleur préférée".to_string(), 1)]);
    let grand = created(&p, "Grand");
    assert!(grand.custom.is_empty());
    assert!(grand.notes.contains("Huile moteur: 15W50"));
    assert!(grand.notes.contains("KILOMETRAGE: abc"));

    // The user sends the ignored column to the notes and saves the mapping; a file with the
    // same header (other case and accents) gets it back.
    let mut edited = p.mapping.clone();
    edited.targets[3] = Target::NoteLine;
    let json = serde_json::to_string(&edited).unwrap();
    let saved: Vec<Mapping> = vec![serde_json::from_str(&json).unwrap()];
    let other_header: Vec<String> = [
        "NOM",
        "Huile Moteur",
        "kilometrage",
        "Couleur preferee",
        "carnet id",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(signature(&other_header), edited.signature);
    let found = find_saved(&saved, &other_header).expect("offered again");
    // plan_import picks the last mapping that fits the file: one for another header after it
    // is passed over.
    let mut unfitting = edited.clone();
    unfitting.signature = signature(&["Nom".to_string()]);
    let p = plan_import(
        csv.as_bytes(),
        &[found, &unfitting],
        &defs,
        &[],
        &opts(OnMatch::Update),
        &mut ids(),
    )
    .unwrap();
    assert_eq!(created(&p, "Petit").notes, "Couleur préférée: bleu");
    assert!(find_saved(&saved, &["Nom".to_string()]).is_none());
}

#[test]
fn a_mixed_encoding_file_maps_its_utf8_header_and_keeps_the_rows_accents() {
    // "Prénom" in UTF-8 over rows in Windows-1252: read as a whole in Windows-1252 the header
    // was "PrÃ©nom" and the column went unmapped.
    let mut bytes = "Prénom;Nom;Ville\n".as_bytes().to_vec();
    bytes.extend(b"H\xE9l\xE8ne;Dupr\xE9;Orl\xE9ans\n");
    let p = plan(&bytes, &[], &[], OnMatch::Update);
    assert_eq!(p.encoding, Encoding::Utf8AndWindows1252);
    assert_eq!(
        p.mapping.targets[..2],
        [Target::FirstName, Target::LastName]
    );
    let f = created(&p, "Dupré");
    assert_eq!(
        (f.first_name.as_str(), f.primary_city()),
        ("Hélène", Some("Orléans"))
    );

    // The history importer reads files the same way and reports it too.
    let fiche = existing_fiche("a", "Dupré", "helene@exemple.fr", "");
    let mut bytes = "Date;Email;Montant;Libellé\n".as_bytes().to_vec();
    bytes.extend(b"03/05/2024;helene@exemple.fr;12,50;Th\xE9i\xE8re\n");
    let h = plan_history_import(&bytes, &[&fiche], &mut ids()).unwrap();
    assert_eq!(h.encoding, Encoding::Utf8AndWindows1252);
    assert_eq!(
        h.entries[0].label, "Théière",
        "the Libellé column was found"
    );
}

#[test]
fn overlong_values_make_problem_rows_at_their_line_and_column() {
    let csv = format!(
        "Prénom;Nom;Email;Rue;Complément;Ville\n\
         Jeanne;Dupuis;jeanne@exemple.fr;1 rue Haute;;Lyon\n\
         {};Martin;paul@exemple.fr;;;Lyon\n\
         Léa;Petit;;{};{};Nantes\n\
         Hugo;Roux;hugo@exemple.fr;;;{}\n",
        "é".repeat(100_000),
        "r".repeat(300),
        "s".repeat(150),
        "V".repeat(101),
    );
    let p = plan(csv.as_bytes(), &[], &[], OnMatch::Update);
    assert_eq!(p.fiches.created(), 1, "only Jeanne is written");
    assert_eq!(p.fiches.to_create[0].last_name, "Dupuis");
    assert_eq!(p.fiches.invalid(), 3);
    let got: Vec<(u64, &str, ImportProblem)> = p
        .errors()
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.problem))
        .collect();
    let too_long = |max| ImportProblem::Invalid(Problem::TooLong { max });
    assert_eq!(
        got,
        [
            (3, "Prénom", too_long(100)),
            // Two columns fill the street: the longer one is named.
            (4, "Rue", too_long(400)),
            (5, "Ville", too_long(100)),
        ]
    );
    assert_eq!(p.errors()[0].value, format!("{}…", "é".repeat(60)));
    assert!(!p.errors()[0].kept_in_notes);
    assert_eq!(
        ImportProblem::Invalid(Problem::TooLong { max: 100 }).code(),
        "too_long:100"
    );
}

#[test]
fn history_import_attaches_rows_to_fiches() {
    let fiche = existing_fiche("a", "Lefèvre", "helene.lefevre@exemple.fr", "");
    let p = plan_history_import(&fixture("history_till.csv"), &[&fiche], &mut ids()).unwrap();
    assert_eq!(p.encoding, Encoding::Windows1252);
    assert_eq!(p.entries.len(), 3);
    assert!(p.entries.iter().all(|e| e.fiche_id == "a"));
    assert_eq!(p.entries[0].kind, HistoryKind::Purchase);
    assert_eq!(p.entries[0].amount_cents, Some(4990));
    assert_eq!(p.entries[0].label, "Bouquet");
    assert_eq!(
        p.entries[0].date,
        Utc.with_ymd_and_hms(2024, 5, 3, 12, 0, 0).unwrap()
    );
    assert_eq!(
        p.entries[1].date,
        Utc.with_ymd_and_hms(2024, 5, 4, 10, 30, 0).unwrap()
    );
    assert_eq!(p.entries[2].kind, HistoryKind::Call);
    assert_eq!(p.rejected, 2);
    assert!(p
        .errors
        .iter()
        .any(|e| e.line == 4 && e.problem == ImportProblem::NoMatchingFiche));
    assert!(p.errors.iter().any(|e| e.line == 6
        && e.column == "Montant"
        && e.problem == ImportProblem::Invalid(Problem::InvalidAmount)));
}

#[test]
fn history_import_keeps_credit_notes_as_negative_amounts() {
    let fiche = existing_fiche("a", "Lefèvre", "helene.lefevre@exemple.fr", "");
    // A French till export (Windows-1252, ';') with refunds written the ways tills write them,
    // an invoicing line and its credit note, and a quote that cannot be negative.
    let csv = "Date;Email;Montant;Libellé;Type\n\
        03/05/2024;helene.lefevre@exemple.fr;49,90;Bouquet;vente\n\
        04/05/2024;helene.lefevre@exemple.fr;-49,90;Retour bouquet;vente\n\
        05/05/2024;helene.lefevre@exemple.fr;12,50-;Avoir carte;\n\
        06/05/2024;helene.lefevre@exemple.fr;(3,00);Remise;\n\
        07/05/2024;helene.lefevre@exemple.fr;-120.00;Avoir n° 12;facture\n\
        08/05/2024;helene.lefevre@exemple.fr;-10,00;Devis révisé;devis\n";
    let bytes: Vec<u8> = csv
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            '°' => 0xB0,
            c => u8::try_from(c).unwrap(),
        })
        .collect();
    let p = plan_history_import(&bytes, &[&fiche], &mut ids()).unwrap();
    assert_eq!(p.encoding, Encoding::Windows1252);
    let got: Vec<(HistoryKind, Option<i64>, &str)> = p
        .entries
        .iter()
        .map(|e| (e.kind, e.amount_cents, e.label.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (HistoryKind::Purchase, Some(4990), "Bouquet"),
            (HistoryKind::Purchase, Some(-4990), "Retour bouquet"),
            (HistoryKind::Purchase, Some(-1250), "Avoir carte"),
            (HistoryKind::Purchase, Some(-300), "Remise"),
            (HistoryKind::Invoice, Some(-12000), "Avoir n° 12"),
        ]
    );
    assert!(p.entries[1..].iter().all(|e| e.is_refund()));
    assert_eq!(p.rejected, 1);
    assert_eq!(p.errors.len(), 1);
    assert_eq!(p.errors[0].line, 7);
    assert_eq!(
        (p.errors[0].column.as_str(), p.errors[0].value.as_str()),
        ("Montant", "-10,00")
    );
    assert_eq!(
        p.errors[0].problem,
        ImportProblem::Invalid(Problem::NegativeAmount)
    );

    // What the fiche's summary becomes: 49,90 bought, everything else given back.
    let s = carnet::domain::summary::Summary::from_history(&p.entries);
    assert_eq!((s.total_spent_cents, s.orders), (-1550, 1));
}

#[test]
fn history_import_reads_a_credit_note_typed_as_such_as_money_given_back() {
    let fiche = existing_fiche("a", "Lefèvre", "helene.lefevre@exemple.fr", "");
    // The type column says what the row is; some tills write the credit note's amount positive.
    let csv = "Date;Email;Montant;Libellé;Type\n\
        05/05/2024;helene.lefevre@exemple.fr;12,50;Avoir carte;Avoir\n\
        06/05/2024;helene.lefevre@exemple.fr;-3,00;Retour;remboursement\n\
        07/05/2024;helene.lefevre@exemple.fr;8,00;Refund;Credit note\n\
        08/05/2024;helene.lefevre@exemple.fr;;Avoir sans montant;avoir\n";
    let p = plan_history_import(csv.as_bytes(), &[&fiche], &mut ids()).unwrap();
    let got: Vec<(HistoryKind, Option<i64>)> =
        p.entries.iter().map(|e| (e.kind, e.amount_cents)).collect();
    assert_eq!(
        got,
        [
            (HistoryKind::Purchase, Some(-1250)),
            (HistoryKind::Purchase, Some(-300)),
            (HistoryKind::Purchase, Some(-800)),
        ]
    );
    // A credit note needs its amount, as any purchase does.
    assert_eq!((p.rejected, p.errors.len()), (1, 1));
    assert_eq!(p.errors[0].line, 5);
}

#[test]
fn history_import_skips_entries_already_there() {
    let a = existing_fiche("a", "Lefèvre", "helene.lefevre@exemple.fr", "");
    let b = existing_fiche("b", "Martin", "jerome@exemple.fr", "");
    let fiches = [&a, &b];
    let first = plan_history_import(&fixture("history_till.csv"), &fiches, &mut ids()).unwrap();
    assert_eq!((first.entries.len(), first.duplicates), (3, 0));

    // The same export again, with one row repeated inside the file, one new purchase, and a
    // purchase that differs from a stored one only by its amount, its label or its fiche.
    let csv = "Date;Email;Montant;Libellé;Type\n\
        03/05/2024;helene.lefevre@exemple.fr;49,90;Bouquet;achat\n\
        2024-05-04 10:30;helene.lefevre@exemple.fr;12,00;Carte;achat\n\
        06/05/2024;helene.lefevre@exemple.fr;;Appel de suivi;appel\n\
        06/05/2024;helene.lefevre@exemple.fr;;Appel de suivi;appel\n\
        08/05/2024;helene.lefevre@exemple.fr;5,00;Graines;achat\n\
        03/05/2024;helene.lefevre@exemple.fr;49,00;Bouquet;achat\n\
        03/05/2024;helene.lefevre@exemple.fr;49,90;Bouquet rouge;achat\n\
        03/05/2024;jerome@exemple.fr;49,90;Bouquet;achat\n";
    let mut again = plan_history_import(csv.as_bytes(), &fiches, &mut ids()).unwrap();
    assert_eq!(again.duplicates, 1, "the repeated row, inside the file");
    assert_eq!(again.entries.len(), 7);
    again.skip_known(&first.entries);
    assert_eq!(again.duplicates, 4);
    let left: Vec<(&str, &str, Option<i64>)> = again
        .entries
        .iter()
        .map(|e| (e.fiche_id.as_str(), e.label.as_str(), e.amount_cents))
        .collect();
    assert_eq!(
        left,
        [
            ("a", "Graines", Some(500)),
            ("a", "Bouquet", Some(4900)),
            ("a", "Bouquet rouge", Some(4990)),
            ("b", "Bouquet", Some(4990)),
        ]
    );
    assert_eq!(again.rejected, 0);
}

#[test]
fn mapping_recognises_french_and_english_synonyms() {
    let headers: Vec<String> = [
        "Prénom",
        "first_name",
        "NOM DE FAMILLE",
        "Courriel",
        "Mail",
        "Tél.",
        "Portable",
        "Code Postal",
        "CP",
        "Ville",
        "Date de naissance",
        "Entreprise",
        "Raison sociale",
        "E-mail 3",
        "Adresse 2",
    ]
    .map(String::from)
    .to_vec();
    let m = Mapping::auto(&headers, &[]);
    use carnet::domain::codec::mapping::AddressPart;
    assert_eq!(m.targets[0], Target::FirstName);
    assert_eq!(m.targets[1], Target::NoteLine, "second first-name column");
    assert_eq!(m.targets[2], Target::LastName);
    assert_eq!(
        m.targets[3],
        Target::Email {
            slot: 0,
            label: String::new()
        }
    );
    assert_eq!(
        m.targets[4],
        Target::Email {
            slot: 1,
            label: String::new()
        }
    );
    assert_eq!(
        m.targets[5],
        Target::Phone {
            slot: 0,
            label: String::new()
        }
    );
    assert_eq!(
        m.targets[6],
        Target::Phone {
            slot: 1,
            label: "mobile".into()
        }
    );
    assert!(matches!(
        m.targets[7],
        Target::Address {
            part: AddressPart::PostalCode,
            ..
        }
    ));
    assert_eq!(m.targets[8], Target::NoteLine);
    assert_eq!(m.targets[11], Target::Company);
    assert_eq!(m.targets[12], Target::NoteLine);
    assert_eq!(
        m.targets[13],
        Target::Email {
            slot: 2,
            label: String::new()
        }
    );
    assert!(matches!(
        m.targets[14],
        Target::Address {
            part: AddressPart::Street2,
            ..
        }
    ));
}

#[test]
fn targets_are_saved_as_short_codes_and_read_back() {
    use carnet::domain::codec::mapping::{AddressPart, ListSplit};
    let mut all = vec![
        Target::Ignore,
        Target::CarnetId,
        Target::Kind,
        Target::Status,
        Target::Civility,
        Target::FirstName,
        Target::MiddleName,
        Target::LastName,
        Target::FullName,
        Target::Sex,
        Target::BirthDate,
        Target::Company,
        Target::JobTitle,
        Target::Sector,
        Target::Revenue,
        Target::Headcount,
        Target::Website,
        Target::Owner,
        Target::Source,
        Target::FirstContact,
        Target::PreferredChannel,
        Target::Notes,
        Target::NoteLine,
        Target::ExternalIds,
        Target::Email {
            slot: 3,
            label: "a:b".into(),
        },
        Target::EmailLabel { slot: 0 },
        Target::Phone {
            slot: 254,
            label: String::new(),
        },
        Target::PhoneLabel { slot: 1 },
        Target::AddressLabel { slot: 2 },
        Target::ExternalId {
            system: "x:y".into(),
        },
        Target::Custom { id: "f:1".into() },
    ];
    for split in [ListSplit::Auto, ListSplit::Lines] {
        all.push(Target::Tags { split });
        all.push(Target::Interests { split });
    }
    for part in [
        AddressPart::Street,
        AddressPart::Street2,
        AddressPart::PostalCode,
        AddressPart::City,
        AddressPart::Region,
        AddressPart::Country,
    ] {
        all.push(Target::Address {
            slot: 1,
            part,
            label: "domicile: ici".into(),
        });
    }
    for t in &all {
        let json = serde_json::to_string(t).unwrap();
        assert_eq!(&serde_json::from_str::<Target>(&json).unwrap(), t, "{json}");
    }
    assert_eq!(
        serde_json::to_string(&Target::FirstName).unwrap(),
        "\"first_name\""
    );
    assert!(serde_json::from_str::<Target>("\"nonsense\"").is_err());
    assert!(serde_json::from_str::<Target>("\"email:x:\"").is_err());
}

#[test]
fn a_file_too_wide_is_refused_by_both_importers_with_a_reason_not_a_panic() {
    use carnet::domain::codec::csv_read::{ReadError, MAX_COLUMNS};
    let wide: String = (0..200_000).map(|i| format!("c{i};")).collect::<String>() + "\r\n";
    let refused = |r: Result<(), ReadError>| {
        assert!(
            matches!(r, Err(ReadError::TooManyColumns { found, max }) if found == 200_000 && max == MAX_COLUMNS),
            "{r:?}"
        )
    };
    refused(
        plan_import(
            wide.as_bytes(),
            &[],
            &[],
            &[],
            &opts(OnMatch::Update),
            &mut ids(),
        )
        .map(|_| ()),
    );
    refused(plan_history_import(wide.as_bytes(), &[], &mut ids()).map(|_| ()));
}
