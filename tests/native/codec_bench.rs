//! Native throughput of the codec (the browser path is measured separately): run with
//! `cargo test --release --test native codec_bench -- --ignored --nocapture`. Prints figures,
//! never fails on time.

use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};

use carnet::domain::codec::csv_import::plan_import;
use carnet::domain::codec::csv_write::{default_columns, export_csv, Variant};
use carnet::domain::codec::json_backup::{export_backup, parse_backup, Meta};
use carnet::domain::codec::plan::{ImportOptions, OnMatch};
use carnet::domain::fiche::{Address, Fiche, Labelled};

/// A French shop's customers: name, e-mail, mobile, address, a tag, a note.
fn fiche(i: usize) -> Fiche {
    let now = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let mut f = Fiche::new(format!("{i:08x}-0000-4000-8000-000000000000"), now);
    f.first_name = ["Hélène", "Jean", "Zoé", "François"][i % 4].into();
    f.last_name = format!("Dupont-{i}");
    f.emails.push(Labelled {
        label: String::new(),
        value: format!("client.{i}@exemple.fr"),
    });
    f.phones.push(Labelled {
        label: "mobile".into(),
        value: format!(
            "06 {:02} {:02} {:02} {:02}",
            i / 1_000_000 % 100,
            i / 10_000 % 100,
            i / 100 % 100,
            i % 100
        ),
    });
    f.addresses.push(Address {
        street: format!("{} rue de la République", i % 200 + 1),
        postal_code: format!("{:05}", 1000 + i % 90_000),
        city: "Lyon".into(),
        ..Address::default()
    });
    f.birth_date = NaiveDate::from_ymd_opt(
        1950 + (i % 50) as i32,
        1 + (i % 12) as u32,
        1 + (i % 28) as u32,
    );
    f.tags = vec!["fidèle".into()];
    f.notes = "Préfère être appelé le matin; « très fidèle »".into();
    f
}

fn bench(n: usize) {
    let fiches: Vec<Fiche> = (0..n).map(fiche).collect();
    let cols = default_columns(&fiches, &[]);
    let rows: Vec<(&Fiche, _)> = fiches.iter().map(|f| (f, None)).collect();
    let t = Instant::now();
    let csv = export_csv(&rows, &cols, &[], Variant::FrenchExcel);
    let export = t.elapsed();
    // A tenth of the rows already exist (matched by e-mail and updated).
    let existing: Vec<Fiche> = fiches
        .iter()
        .step_by(10)
        .map(|f| {
            let mut f = f.clone();
            f.id = format!("old-{}", f.id);
            f.notes.clear();
            f
        })
        .collect();
    let opts = ImportOptions {
        on_match: OnMatch::Update,
        today: NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
        now: Utc::now(),
    };
    let mut k = 0u64;
    let t = Instant::now();
    let plan = plan_import(
        csv.as_bytes(),
        &[],
        &[],
        &existing.iter().collect::<Vec<_>>(),
        &opts,
        &mut || {
            k += 1;
            k.to_string()
        },
    )
    .unwrap();
    let import = t.elapsed();
    assert_eq!(plan.fiches.created() + plan.fiches.updated(), n);
    let t = Instant::now();
    let json = export_backup(&fiches, &[], &Meta::default(), Utc::now()).unwrap();
    let backup_out = t.elapsed();
    let t = Instant::now();
    let back = parse_backup(json.as_bytes()).unwrap();
    let backup_in = t.elapsed();
    assert_eq!(back.fiches.len(), n);
    println!(
        "{n} rows ({:.1} MB CSV): plan_import {:.0} ms = {:.0} rows/s; export_csv {:.0} ms; \
         JSON backup ({:.1} MB) export {:.0} ms, parse+check {:.0} ms",
        csv.len() as f64 / 1e6,
        import.as_secs_f64() * 1e3,
        n as f64 / import.as_secs_f64(),
        export.as_secs_f64() * 1e3,
        json.len() as f64 / 1e6,
        backup_out.as_secs_f64() * 1e3,
        backup_in.as_secs_f64() * 1e3,
    );
}

#[test]
#[ignore = "benchmark: prints figures"]
fn import_and_export_throughput() {
    bench(10_000);
    bench(100_000);
}
