//! Fuzz-style property tests: any bytes given to the readers give a report or an error, never a
//! panic, and in time. Random bytes, and random sequences of the tokens that steer the parsers
//! (quotes, delimiters, line breaks, vCard keywords, encodings) to reach deeper states.

use proptest::prelude::*;

use crate::codec_support::{defs, now, today};
use carnet::domain::codec::csv_import::{plan_history_import, plan_import};
use carnet::domain::codec::csv_read::{read_table, ReadError, MAX_COLUMNS};
use carnet::domain::codec::json_backup::parse_backup;
use carnet::domain::codec::plan::{ImportOptions, OnMatch};
use carnet::domain::codec::vcard::plan_vcard_import;
use carnet::domain::fiche::Fiche;

const CSV_TOKENS: &[&str] = &[
    "\"",
    "\"\"",
    ",",
    ";",
    "\t",
    "\r\n",
    "\n",
    "\r",
    "Nom",
    "E-mail",
    "Prénom",
    "Date de naissance",
    "Téléphone",
    "Tags",
    "Carnet ID",
    "E-mail 1 - Value",
    "Phone 2 - Label",
    "Address 1 - City",
    "a@b.fr",
    "06 12 34 56 78",
    "31/02/2024",
    "--01-31",
    "1/31/1980",
    "12,50",
    "=1+1",
    "'=x",
    ":::",
    "\u{feff}",
    "é",
    "\u{0}",
    "\u{85}",
    "😀",
    "999999999999999999999",
    "-",
    " ",
    "Huile moteur",
    "Choix multiples",
    "Oui ou non",
    "Date perso",
    "Nombre",
];

const VCARD_TOKENS: &[&str] = &[
    "BEGIN:VCARD",
    "END:VCARD",
    "VERSION:3.0",
    "\r\n",
    "\n",
    " ",
    "\t",
    "N:",
    "FN:",
    "TEL",
    ";TYPE=cell",
    ":",
    ";",
    ",",
    "\\",
    "\\n",
    "item1.",
    "EMAIL",
    "X-ABLabel:",
    "_$!<Work>!$_",
    "ADR:",
    "BDAY:",
    "--0412",
    "19800131",
    "ENCODING=QUOTED-PRINTABLE",
    ";CHARSET=ISO-8859-1",
    "=C3=A9",
    "=",
    "=\r\n",
    "\"",
    "PHOTO;ENCODING=b:",
    "QUOTED-PRINTABLE",
    "CATEGORIES:",
    "é",
];

fn tokens(set: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(set), 0..120).prop_map(|v| v.concat().into_bytes())
}

fn existing() -> Vec<Fiche> {
    let mut f = Fiche::new("a".into(), now());
    f.last_name = "Nom".into();
    f.emails.push(carnet::domain::fiche::Labelled {
        label: String::new(),
        value: "a@b.fr".into(),
    });
    vec![f]
}

fn all_readers(bytes: &[u8]) {
    let defs = defs();
    let fiches = existing();
    let existing: Vec<&Fiche> = fiches.iter().collect();
    let mut n = 0;
    let mut id = || {
        n += 1;
        n.to_string()
    };
    for on_match in [OnMatch::Update, OnMatch::Create, OnMatch::Skip] {
        let opts = ImportOptions {
            on_match,
            today: today(),
            now: now(),
        };
        let _ = plan_import(bytes, &[], &defs, &existing, &opts, &mut id);
        let _ = plan_vcard_import(bytes, &defs, &existing, &opts, &mut id);
    }
    let _ = read_table(bytes);
    let _ = plan_history_import(bytes, &existing, &mut id);
    let _ = parse_backup(bytes);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        all_readers(&bytes);
    }

    #[test]
    fn csv_like_input_never_panics(bytes in tokens(CSV_TOKENS)) {
        all_readers(&bytes);
    }

    #[test]
    fn vcard_like_input_never_panics(bytes in tokens(VCARD_TOKENS)) {
        all_readers(&bytes);
    }

    #[test]
    fn windows_1252_and_utf16_never_panic(
        body in tokens(CSV_TOKENS),
        bom in prop::sample::select(vec![&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"]),
        high in prop::collection::vec(0x80u8..=0xFF, 0..8),
    ) {
        let mut bytes = bom.to_vec();
        bytes.extend(body);
        bytes.extend(high);
        all_readers(&bytes);
    }
}

#[test]
fn a_large_file_is_read_in_linear_time() {
    // 200k rows, one giant quoted field and a pathological vCard: each well under a few seconds
    // even unoptimised; a quadratic step would show here.
    let mut csv = String::from("Nom;E-mail;Notes\n");
    for i in 0..200_000 {
        csv.push_str(&format!("N{i};p{i}@exemple.fr;\"x;y\"\n"));
    }
    let start = std::time::Instant::now();
    assert_eq!(read_table(csv.as_bytes()).unwrap().rows.len(), 200_000);
    let giant = format!("Nom\n\"{}", "a\n".repeat(2_000_000));
    assert_eq!(read_table(giant.as_bytes()).unwrap().rows.len(), 1);
    let cards = "BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE:=\n".repeat(50_000);
    let _ = plan_vcard_import(
        cards.as_bytes(),
        &[],
        &[],
        &ImportOptions {
            on_match: OnMatch::Update,
            today: today(),
            now: now(),
        },
        &mut || "x".into(),
    );
    // The widest header read (all "Email": slots run out, the rest go to the notes); a wider
    // one is refused.
    let header = |n: usize| format!("{}\n{}\n", "Email,".repeat(n), "a@b.fr,".repeat(n));
    let opts = ImportOptions {
        on_match: OnMatch::Update,
        today: today(),
        now: now(),
    };
    let wide = header(MAX_COLUMNS);
    let plan = plan_import(wide.as_bytes(), &[], &[], &[], &opts, &mut || "w".into()).unwrap();
    assert_eq!(plan.fiches.rows.len(), 1);
    let wider = header(300_000);
    let refused = plan_import(wider.as_bytes(), &[], &[], &[], &opts, &mut || "w".into());
    assert!(matches!(
        refused,
        Err(ReadError::TooManyColumns { found: 300_000, .. })
    ));
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}
