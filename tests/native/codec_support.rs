//! Generated files for the codec tests: fiches with hostile text that are nevertheless what the
//! app stores (tidied by `drop_empty_rows`, valid for `validate_fiche`), unique contact keys per
//! fiche so no two are the same person, and history entries.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use carnet::domain::custom_field::{CustomFieldDef, CustomKind, CustomValue};
use carnet::domain::fiche::{
    Address, Channel, Civility, Consent, Fiche, FicheKind, Labelled, Sex, Status,
};
use carnet::domain::history::{HistoryEntry, HistoryKind};
use carnet::domain::validate::{drop_empty_rows, max_len, validate_fiche};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 15).unwrap()
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 15, 9, 0, 0).unwrap()
}

/// One of each kind, with option texts that contain separators and formula characters.
pub fn defs() -> Vec<CustomFieldDef> {
    let def = |id: &str, name: &str, kind, options: &[&str]| CustomFieldDef {
        id: id.into(),
        name: name.into(),
        kind,
        options: options.iter().map(|s| s.to_string()).collect(),
    };
    let options = ["rouge", "bleu, clair", "=vert", "Été; chaud", "'+1"];
    vec![
        def("c-text", "Champ texte", CustomKind::Text, &[]),
        def("c-long", "Texte long", CustomKind::LongText, &[]),
        def("c-num", "Nombre", CustomKind::Number, &[]),
        def("c-amount", "Montant perso", CustomKind::Amount, &[]),
        def("c-date", "Date perso", CustomKind::Date, &[]),
        def("c-bool", "Oui ou non", CustomKind::YesNo, &[]),
        def("c-choice", "Choix", CustomKind::Choice, &options),
        def(
            "c-multi",
            "Choix multiples",
            CustomKind::MultiChoice,
            &options,
        ),
    ]
}

const PIECES: &[&str] = &[
    "\"", ";", ",", "\r\n", "\n", "\r", "\u{feff}", "=", "+", "-", "@", "'", "é", "Œuvre", "😀",
    "a", "Zoé", " ", "\t", ":::", "\\", "x=y", "1,5", "€", "=SUM(A1)", "@cmd", "ß", "«»",
];

/// Text made of pieces that break naive CSV writers, sometimes 2,000 characters long.
pub fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|v| v.concat()),
        1 => (prop::sample::select(PIECES), any::<bool>()).prop_map(|(p, quote)| {
            let unit = if quote { "\"é;😀," } else { p };
            unit.repeat(2000).chars().take(2000).collect()
        }),
    ]
}

/// Hostile text on one line (list items, labels of lists that are one per line).
pub fn one_line() -> impl Strategy<Value = String> {
    hostile().prop_map(|s| s.replace(['\r', '\n'], " "))
}

fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

#[derive(Debug, Clone)]
pub struct Parts {
    flags: (bool, bool, Option<u8>, Option<u8>, Option<u8>, bool),
    names: (String, String, String, String, String),
    more: (String, String, String),
    dates: (Option<u16>, Option<u16>),
    numbers: (Option<i64>, Option<u32>),
    emails: Vec<String>,
    phones: Vec<(String, u8)>,
    addresses: Vec<(String, String, String, String, u8)>,
    lists: (Vec<String>, Vec<String>, Vec<(u8, String)>),
    custom: Vec<Option<(u64, String)>>,
}

pub fn parts() -> impl Strategy<Value = Parts> {
    (
        (
            any::<bool>(),
            any::<bool>(),
            opt(0u8..3),
            opt(0u8..3),
            opt(0u8..5),
            any::<bool>(),
        ),
        (hostile(), hostile(), hostile(), hostile(), hostile()),
        (hostile(), hostile(), hostile()),
        (opt(0u16..40000), opt(0u16..20000)),
        (opt(0i64..1_000_000_000_000), opt(any::<u32>())),
        prop::collection::vec(hostile(), 0..3),
        prop::collection::vec((hostile(), 0u8..4), 0..3),
        prop::collection::vec((hostile(), hostile(), hostile(), hostile(), 0u8..3), 0..3),
        (
            prop::collection::vec(one_line(), 0..4),
            prop::collection::vec(one_line(), 0..3),
            prop::collection::vec((0u8..3, one_line()), 0..3),
        ),
        prop::collection::vec(opt((any::<u64>(), hostile())), 8),
    )
        .prop_map(
            |(flags, names, more, dates, numbers, emails, phones, addresses, lists, custom)| {
                Parts {
                    flags,
                    names,
                    more,
                    dates,
                    numbers,
                    emails,
                    phones,
                    addresses,
                    lists,
                    custom,
                }
            },
        )
}

/// The first `max` characters of `s`: hostile text cut to what its field takes (the long
/// pieces stay long where the field allows it, as in the notes).
fn fit(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// The fiche number `i` of a file from random parts: stored form, valid, with contact keys
/// (id, e-mails, phones, external ids) that no other fiche of the file shares.
pub fn build(i: usize, p: &Parts, defs: &[CustomFieldDef]) -> Fiche {
    let created = Utc.with_ymd_and_hms(2023, 3, 1, 10, 0, 0).unwrap() + Duration::seconds(i as i64);
    let mut f = Fiche::new(format!("fiche-{i:05}"), created);
    let (company, status, civ, sex, channel, website) = p.flags;
    f.kind = if company {
        FicheKind::Company
    } else {
        FicheKind::Person
    };
    f.status = if status {
        Status::Client
    } else {
        Status::Prospect
    };
    f.civility = civ.map(|c| [Civility::Mr, Civility::Mrs, Civility::Mx][usize::from(c)]);
    f.sex = sex.map(|s| [Sex::Female, Sex::Male, Sex::Other][usize::from(s)]);
    f.preferred_channel = channel.map(|c| Channel::ALL[usize::from(c)]);
    let (first, last, comp, job, notes) = p.names.clone();
    f.first_name = fit(&first, max_len::NAME);
    // A name, so the fiche is valid whatever the hostile text trims to.
    f.last_name = fit(&format!("N{i}{last}"), max_len::NAME);
    f.company = fit(&comp, max_len::COMPANY);
    f.job_title = fit(&job, max_len::SHORT_TEXT);
    f.notes = notes;
    let (sector, owner, source) = p.more.clone();
    f.sector = fit(&sector, max_len::SHORT_TEXT);
    f.owner = fit(&owner, max_len::SHORT_TEXT);
    f.source = fit(&source, max_len::SHORT_TEXT);
    if website {
        f.website = format!("www.site-{i}.fr");
    }
    let day0 = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    f.birth_date = p.dates.0.map(|d| day0 + Duration::days(i64::from(d)));
    f.first_contact = p.dates.1.map(|d| today() - Duration::days(i64::from(d)));
    f.revenue_cents = p.numbers.0;
    f.headcount = p.numbers.1;
    for (j, label) in p.emails.iter().enumerate() {
        f.emails.push(Labelled {
            label: fit(label, max_len::LABEL),
            value: format!("P{i}.{j}@Exemple-{i}.fr"),
        });
    }
    for (j, (label, style)) in p.phones.iter().enumerate() {
        let n = 600_000_000 + i * 10 + j;
        let value = match style {
            0 => format!("0{n}"),
            1 => format!("+33 {n}"),
            2 => format!("00 44 20 {}", 10_000_000 + i * 10 + j),
            _ => format!("0{}.{:04}", n / 10_000, n % 10_000),
        };
        f.phones.push(Labelled {
            label: fit(label, max_len::LABEL),
            value,
        });
    }
    for (j, (label, street, city, region, country)) in p.addresses.iter().enumerate() {
        f.addresses.push(Address {
            label: fit(label, max_len::LABEL),
            street: fit(street, max_len::STREET),
            postal_code: format!("{:05}", (i * 7 + j) % 100_000),
            city: fit(city, max_len::SHORT_TEXT),
            region: fit(region, max_len::SHORT_TEXT),
            country: ["", "France", "Belgique"][usize::from(*country)].to_string(),
        });
    }
    let (tags, interests, ext) = &p.lists;
    f.tags = tags.iter().map(|t| fit(t, max_len::LABEL)).collect();
    f.interests = interests.iter().map(|t| fit(t, max_len::LABEL)).collect();
    for (system, v) in ext {
        let system = ["hubspot", "dolibarr", "google"][usize::from(*system)];
        f.external_ids.insert(
            system.to_string(),
            fit(&format!("{i}-{}", v.trim()), max_len::EXTERNAL_ID)
                .trim()
                .to_string(),
        );
    }
    for (def, value) in defs.iter().zip(&p.custom) {
        let Some((n, text)) = value else { continue };
        let pick = |k: u64| def.options[(k as usize) % def.options.len().max(1)].clone();
        let v = match def.kind {
            CustomKind::Text => CustomValue::Text(fit(text, max_len::CUSTOM_TEXT)),
            CustomKind::LongText => CustomValue::Text(text.clone()),
            CustomKind::Number => {
                let x = f64::from_bits(*n);
                CustomValue::Number(if x.is_finite() {
                    x
                } else {
                    (*n % 100_000) as f64 / 8.0
                })
            }
            CustomKind::Amount => CustomValue::Amount((*n % 2_000_000_000) as i64 - 1_000_000_000),
            CustomKind::Date => CustomValue::Date(day0 + Duration::days((*n % 100_000) as i64)),
            CustomKind::YesNo => CustomValue::Bool(n % 2 == 0),
            CustomKind::Choice => CustomValue::Choice(pick(*n)),
            CustomKind::MultiChoice => {
                let mut cs = vec![pick(*n), pick(*n / 7)];
                cs.dedup();
                CustomValue::Choices(cs)
            }
        };
        f.custom.insert(def.id.clone(), v);
    }
    drop_empty_rows(&mut f);
    let problems = validate_fiche(&f, defs, today());
    assert!(
        problems.is_empty(),
        "generator made an invalid fiche: {problems:?}"
    );
    f
}

pub fn fiches(max: usize) -> impl Strategy<Value = Vec<Fiche>> {
    prop::collection::vec(parts(), 1..max).prop_map(|ps| {
        let defs = defs();
        ps.iter()
            .enumerate()
            .map(|(i, p)| build(i, p, &defs))
            .collect()
    })
}

/// Consents and history on top of fiches, for the JSON backup.
pub fn full_file(max: usize) -> impl Strategy<Value = (Vec<Fiche>, Vec<HistoryEntry>)> {
    (
        fiches(max),
        prop::collection::vec(
            (
                any::<u16>(),
                0usize..10,
                opt(0i64..10_000_000),
                hostile(),
                hostile(),
                any::<i64>(),
            ),
            0..20,
        ),
        any::<bool>(),
    )
        .prop_map(|(mut fs, raw, consent)| {
            if consent {
                fs[0].consents.email = Some(Consent {
                    granted: true,
                    date: today(),
                    source: "formulaire signé".into(),
                });
            }
            let history = raw
                .into_iter()
                .enumerate()
                .map(|(k, (who, kind, amount, label, text, nanos))| {
                    let kind = HistoryKind::ALL[kind];
                    HistoryEntry {
                        id: format!("e-{k}"),
                        fiche_id: fs[usize::from(who) % fs.len()].id.clone(),
                        date: Utc.timestamp_nanos(nanos.rem_euclid(4_000_000_000_000_000_000)),
                        kind,
                        label,
                        amount_cents: amount.filter(|_| kind.has_amount()),
                        currency: "EUR".into(),
                        status: kind.statuses().first().copied(),
                        text,
                    }
                })
                .collect();
            (fs, history)
        })
}
