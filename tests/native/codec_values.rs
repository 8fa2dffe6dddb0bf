//! Cell values: dates in the forms exports use, words of other tools, formula neutralisation,
//! summary columns.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use proptest::prelude::*;

use carnet::domain::codec::csv_write::{export_csv, summary_columns, Column, Variant};
use carnet::domain::codec::values::{
    neutralise, parse_civility, parse_import_date, parse_import_datetime, parse_kind, parse_status,
    unneutralise, DateOrder, DateProblem,
};
use carnet::domain::fiche::{Civility, Fiche, FicheKind, Status};
use carnet::domain::summary::Summary;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

#[test]
fn dates_in_the_forms_exports_use() {
    let day = DateOrder::DayFirst;
    assert_eq!(parse_import_date("14/07/1985", day), Ok(d(1985, 7, 14)));
    assert_eq!(parse_import_date("1985-07-14", day), Ok(d(1985, 7, 14)));
    assert_eq!(parse_import_date("4/7/1985", day), Ok(d(1985, 7, 4)));
    assert_eq!(
        parse_import_date("4/7/1985", DateOrder::MonthFirst),
        Ok(d(1985, 4, 7))
    );
    assert_eq!(parse_import_date("14.07.1985", day), Ok(d(1985, 7, 14)));
    assert_eq!(
        parse_import_date("2024-05-03 14:22", day),
        Ok(d(2024, 5, 3))
    );
    assert_eq!(
        parse_import_date("2024-05-03T14:22:00.000Z", day),
        Ok(d(2024, 5, 3))
    );
    assert_eq!(parse_import_date("0/0/00", day), Ok(None));
    assert_eq!(parse_import_date("", day), Ok(None));
    assert_eq!(parse_import_date("--01-31", day), Err(DateProblem::NoYear));
    assert_eq!(
        parse_import_date("31/02/1990", day),
        Err(DateProblem::Invalid)
    );
    assert_eq!(
        parse_import_date("14/07/85", day),
        Err(DateProblem::Invalid)
    );
    assert_eq!(parse_import_date("hier", day), Err(DateProblem::Invalid));
    assert_eq!(
        parse_import_datetime("2024-05-03 14:22", day),
        Ok(Some((
            NaiveDate::from_ymd_opt(2024, 5, 3).unwrap(),
            NaiveTime::from_hms_opt(14, 22, 0)
        )))
    );
    assert_eq!(
        parse_import_datetime("03/05/2024", day).unwrap().unwrap().1,
        None
    );
    assert_eq!(
        DateOrder::detect(["1/2/1980", "1/31/1980"]),
        DateOrder::MonthFirst
    );
    assert_eq!(
        DateOrder::detect(["1/2/1980", "31/1/1980"]),
        DateOrder::DayFirst
    );
    assert_eq!(DateOrder::detect(["1980-01-31"]), DateOrder::DayFirst);
}

#[test]
fn words_of_other_tools() {
    assert_eq!(parse_civility("M."), Some(Civility::Mr));
    assert_eq!(parse_civility("Mrs."), Some(Civility::Mrs));
    assert_eq!(parse_civility("Mlle"), Some(Civility::Mrs));
    assert_eq!(parse_civility("Dr."), None);
    assert_eq!(parse_status("customer"), Some(Status::Client));
    assert_eq!(parse_status("salesqualifiedlead"), Some(Status::Prospect));
    assert_eq!(parse_status("3"), Some(Status::Client));
    assert_eq!(parse_kind("PME/PMI"), Some(FicheKind::Company));
    assert_eq!(parse_kind("Particulier"), Some(FicheKind::Person));
}

#[test]
fn neutralisation_examples() {
    assert_eq!(neutralise("=1+1"), "'=1+1");
    assert_eq!(neutralise("+33 6 12"), "'+33 6 12");
    assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(neutralise("\tx"), "'\tx");
    assert_eq!(neutralise("'=x"), "''=x");
    assert_eq!(neutralise("-3,20"), "-3,20", "a plain number is no formula");
    assert_eq!(neutralise("-3+2"), "'-3+2");
    assert_eq!(neutralise("Dupont"), "Dupont");
    assert_eq!(neutralise("'hello"), "'hello");
    assert_eq!(unneutralise("'=1+1"), "=1+1");
    assert_eq!(
        unneutralise("'hello"),
        "'hello",
        "a quote a person typed stays"
    );
}

proptest! {
    #[test]
    fn unneutralise_undoes_neutralise(s in "['=+@\\-\t\r0-9,.a ]{0,12}|\\PC{0,20}") {
        let out = neutralise(&s);
        prop_assert_eq!(unneutralise(&out), s.as_str());
        let dangerous = out.starts_with(['=', '+', '@', '\t', '\r'])
            || (out.starts_with('-') && out[1..].contains(|c: char| !c.is_ascii_digit() && c != ',' && c != '.'));
        prop_assert!(!dangerous, "{:?}", out);
    }
}

#[test]
fn summary_columns_are_exported_for_reading() {
    let mut f = Fiche::new(
        "a".into(),
        Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap(),
    );
    f.last_name = "Martin".into();
    let s = Summary {
        total_spent_cents: 12_345,
        orders: 2,
        first_purchase: Some(Utc.with_ymd_and_hms(2024, 2, 1, 10, 0, 0).unwrap()),
        last_purchase: Some(Utc.with_ymd_and_hms(2024, 3, 5, 10, 0, 0).unwrap()),
        last_contact: Some(Utc.with_ymd_and_hms(2024, 3, 6, 10, 0, 0).unwrap()),
        contacts: 4,
        ..Summary::default()
    };
    let mut cols = vec![Column::LastName];
    cols.extend(summary_columns());
    let fr = export_csv(&[(&f, Some(&s))], &cols, &[], Variant::FrenchExcel);
    assert_eq!(
        fr,
        "\u{feff}Nom;Total dépensé;Nombre d'achats;Panier moyen;Premier achat;Dernier achat;Dernier contact;Nombre de contacts\r\n\
         Martin;123,45;2;61,73;01/02/2024;05/03/2024;06/03/2024;4\r\n"
    );
    let en = export_csv(&[(&f, None)], &cols, &[], Variant::Standard);
    assert!(en.ends_with("Martin,,,,,,,\r\n"), "{en}");
}
