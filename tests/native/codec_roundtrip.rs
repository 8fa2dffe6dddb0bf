//! Export then import gives back the same fiches, for every field CSV carries, whatever the
//! text (quotes, delimiters, line breaks, BOM characters, leading = + - @, emoji, 2,000-char
//! values) and in both CSV variants.

use proptest::prelude::*;

use crate::codec_support::{defs, fiches, now, today};
use carnet::domain::codec::csv_import::plan_import;
use carnet::domain::codec::csv_write::{default_columns, export_csv, Variant};
use carnet::domain::codec::mapping::Layout;
use carnet::domain::codec::plan::{ImportOptions, OnMatch, Outcome};
use carnet::domain::fiche::{Consents, Fiche};

/// What CSV does not carry: consents, timestamps and version.
fn csv_fields(f: &Fiche) -> Fiche {
    let mut f = f.clone();
    f.consents = Consents::default();
    f.created_at = now();
    f.updated_at = now();
    f.version = 0;
    f
}

fn round_trip(fiches: &[Fiche], variant: Variant) -> Result<(), TestCaseError> {
    let defs = defs();
    let columns = default_columns(fiches, &defs);
    let rows: Vec<(&Fiche, _)> = fiches.iter().map(|f| (f, None)).collect();
    let text = export_csv(&rows, &columns, &defs, variant);
    let opts = ImportOptions {
        on_match: OnMatch::Update,
        today: today(),
        now: now(),
    };
    let mut n = 0;
    let plan = plan_import(text.as_bytes(), &[], &defs, &[], &opts, &mut || {
        n += 1;
        format!("new-{n}")
    })
    .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(plan.mapping.layout, Layout::Carnet);
    prop_assert!(plan.errors().is_empty(), "{:#?}", plan.errors());
    // Only the timestamps are not imported.
    let timestamps = ["Créée le", "Modifiée le", "Created At", "Updated At"];
    let ignored_ok = plan
        .ignored_columns
        .iter()
        .all(|(h, _)| timestamps.contains(&h.as_str()));
    prop_assert!(ignored_ok, "{:?}", plan.ignored_columns);
    let all_created = plan
        .fiches
        .rows
        .iter()
        .all(|r| matches!(r.outcome, Outcome::Create { .. }));
    prop_assert!(all_created, "{:?}", plan.fiches.rows);
    prop_assert_eq!(plan.fiches.to_create.len(), fiches.len());
    for (before, after) in fiches.iter().zip(&plan.fiches.to_create) {
        prop_assert_eq!(csv_fields(before), csv_fields(after));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn french_excel_export_imports_back_the_same_fiches(fs in fiches(6)) {
        round_trip(&fs, Variant::FrenchExcel)?;
    }

    #[test]
    fn standard_export_imports_back_the_same_fiches(fs in fiches(6)) {
        round_trip(&fs, Variant::Standard)?;
    }
}

#[test]
fn french_variant_is_excel_friendly() {
    use carnet::domain::fiche::Labelled;
    let mut f = Fiche::new("x".into(), now());
    f.last_name = "=HYPERLINK(\"http://evil\")".into();
    f.first_name = "Zoé".into();
    f.revenue_cents = Some(123_456);
    f.birth_date = chrono::NaiveDate::from_ymd_opt(1980, 7, 14);
    f.phones.push(Labelled {
        label: "mobile".into(),
        value: "+33 6 12 34 56 78".into(),
    });
    f.notes = "ligne 1\nligne 2; fin".into();
    let cols = default_columns(std::slice::from_ref(&f), &[]);
    let fr = export_csv(&[(&f, None)], &cols, &[], Variant::FrenchExcel);
    assert!(fr.starts_with("\u{feff}Carnet ID;Type de fiche;Statut;"));
    assert!(
        fr.contains(";\"'=HYPERLINK(\"\"http://evil\"\")\";"),
        "{fr}"
    );
    assert!(fr.contains(";1234,56;"));
    assert!(fr.contains(";14/07/1980;"));
    assert!(fr.contains(";'+33 6 12 34 56 78;"));
    assert!(fr.contains("\"ligne 1\nligne 2; fin\""));
    assert!(fr.ends_with("\r\n"));
    let en = export_csv(&[(&f, None)], &cols, &[], Variant::Standard);
    assert!(en.starts_with("Carnet ID,Kind,Status,"));
    assert!(en.contains(",1234.56,") && en.contains(",1980-07-14,"));
}
