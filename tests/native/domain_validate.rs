//! Validation of fiches and entries, tidying of forms, custom fields.

use std::collections::BTreeMap;

use carnet::domain::custom_field::{
    plain_number, render_value, value_to_input, CustomFieldDef, CustomKind, CustomValue,
};
use carnet::domain::fiche::{Address, Consent, Fiche, FicheKind, Labelled};
use carnet::domain::field_removal::{remove_field_values, RemovalMode};
use carnet::domain::history::{EntryStatus, HistoryEntry, HistoryKind};
use carnet::domain::lang::Lang;
use carnet::domain::money::NNBSP;
use carnet::domain::validate::{
    drop_empty_rows, is_valid_email, max_len, parse_custom_input, parse_headcount, parse_number,
    validate_entry, validate_fiche, website_href, FieldError, Problem,
};
use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use crate::support::{day as date, labelled, today};

fn named(first: &str, last: &str) -> Fiche {
    let mut f = Fiche::new(
        "f1".into(),
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
    );
    f.first_name = first.into();
    f.last_name = last.into();
    f
}

fn def(id: &str, kind: CustomKind, options: &[&str]) -> CustomFieldDef {
    CustomFieldDef {
        id: id.into(),
        name: format!("Field {id}"),
        kind,
        options: options.iter().map(|o| o.to_string()).collect(),
    }
}

fn problems(f: &Fiche, defs: &[CustomFieldDef]) -> Vec<(String, Problem)> {
    validate_fiche(f, defs, today())
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

fn one(field: &str, problem: Problem) -> Vec<(String, Problem)> {
    vec![(field.to_string(), problem)]
}

#[test]
fn a_name_is_required() {
    assert_eq!(
        problems(&named("", ""), &[]),
        one("name", Problem::NameRequired)
    );
    assert_eq!(
        problems(&named("  ", "\t"), &[]),
        one("name", Problem::NameRequired)
    );
    assert!(problems(&named("Zoé", ""), &[]).is_empty());
    assert!(problems(&named("", "Martin"), &[]).is_empty());

    let mut company = named("", "");
    company.kind = FicheKind::Company;
    assert_eq!(problems(&company, &[]), one("name", Problem::NameRequired));
    company.company = "SARL Dupont".into();
    assert!(problems(&company, &[]).is_empty());
    company.company.clear();
    company.last_name = "Dupont".into();
    assert!(
        problems(&company, &[]).is_empty(),
        "a company known by its contact's name"
    );

    let mut person_at_company = named("", "");
    person_at_company.company = "Fleuriste de la place".into();
    assert!(problems(&person_at_company, &[]).is_empty());
}

#[test]
fn emails_are_checked_and_blank_rows_ignored() {
    let mut f = named("Zoé", "Martin");
    f.emails = vec![
        labelled("zoe@exemple.fr"),
        labelled(""),
        labelled("zoe@gmail"),
        labelled("Zoé <z@x.fr>"),
        labelled(" a@b.co "),
    ];
    assert_eq!(
        problems(&f, &[]),
        vec![
            ("emails.2".to_string(), Problem::InvalidEmail),
            ("emails.3".to_string(), Problem::InvalidEmail)
        ]
    );
    assert!(is_valid_email("helene.dupre+crm@orange.fr"));
    for bad in [
        "",
        "plain",
        "@exemple.fr",
        "a@",
        "a b@c.fr",
        "a@[127.0.0.1]",
        "a@@b.fr",
    ] {
        assert!(!is_valid_email(bad), "{bad:?}");
    }
}

#[test]
fn phones_report_the_right_problem() {
    let mut f = named("Zoé", "Martin");
    f.phones = vec![
        labelled("06 12 34 56 78"),
        labelled("06 12 34"),
        labelled("06 12 34 56 78 99"),
        labelled("06 AB"),
        labelled("   "),
        labelled("1234567890"),
    ];
    assert_eq!(
        problems(&f, &[]),
        vec![
            ("phones.1".to_string(), Problem::PhoneTooFewDigits),
            ("phones.2".to_string(), Problem::PhoneTooManyDigits),
            ("phones.3".to_string(), Problem::PhoneInvalidCharacters),
            ("phones.5".to_string(), Problem::PhoneMissingCountryCode),
        ]
    );
}

#[test]
fn dates_revenue_and_consents() {
    let mut f = named("Zoé", "Martin");
    f.birth_date = Some(date(2025, 6, 16));
    assert_eq!(
        problems(&f, &[]),
        one("birth_date", Problem::BirthDateInFuture)
    );
    f.birth_date = Some(date(1899, 12, 31));
    assert_eq!(
        problems(&f, &[]),
        one("birth_date", Problem::BirthDateBefore1900)
    );
    f.birth_date = Some(date(1900, 1, 1));
    assert!(problems(&f, &[]).is_empty());
    f.birth_date = Some(today());
    assert!(problems(&f, &[]).is_empty());

    f.first_contact = Some(date(2026, 1, 1));
    assert_eq!(
        problems(&f, &[]),
        one("first_contact", Problem::FirstContactInFuture)
    );
    f.first_contact = Some(today());

    f.revenue_cents = Some(-1);
    assert_eq!(problems(&f, &[]), one("revenue", Problem::NegativeRevenue));
    f.revenue_cents = Some(0);
    assert!(problems(&f, &[]).is_empty());

    f.consents.sms = Some(Consent {
        granted: true,
        date: date(2025, 7, 1),
        source: "formulaire".into(),
    });
    assert_eq!(
        problems(&f, &[]),
        one("consents.sms", Problem::ConsentDateInFuture)
    );
    f.consents.sms = Some(Consent {
        granted: false,
        date: today(),
        source: String::new(),
    });
    assert!(problems(&f, &[]).is_empty());
}

#[test]
fn websites_and_unsafe_links() {
    let mut f = named("Zoé", "Martin");
    for ok in [
        "",
        "exemple.fr",
        "www.exemple.fr",
        "https://exemple.fr/a?b=c#d",
        "HTTP://Exemple.FR",
        "exemple.fr:8080/x",
    ] {
        f.website = ok.into();
        assert!(problems(&f, &[]).is_empty(), "{ok:?}");
    }
    for unsafe_link in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
    ] {
        f.website = unsafe_link.into();
        assert_eq!(
            problems(&f, &[]),
            one("website", Problem::UnsafeLink),
            "{unsafe_link:?}"
        );
        assert_eq!(website_href(unsafe_link), None);
    }
    for invalid in [
        "pas un site",
        "exemple",
        "ftp://exemple.fr",
        "mailto:a@b.fr",
        "https://",
        "http://-x.fr",
    ] {
        f.website = invalid.into();
        assert_eq!(
            problems(&f, &[]),
            one("website", Problem::InvalidWebsite),
            "{invalid:?}"
        );
    }
    assert_eq!(
        website_href("www.exemple.fr").as_deref(),
        Some("https://www.exemple.fr")
    );
    assert_eq!(
        website_href(" http://exemple.fr ").as_deref(),
        Some("http://exemple.fr")
    );
}

#[test]
fn french_postal_codes() {
    let mut f = named("Zoé", "Martin");
    let addr = |code: &str, country: &str| Address {
        postal_code: code.into(),
        country: country.into(),
        city: "Lyon".into(),
        ..Address::default()
    };
    f.addresses = vec![
        addr("69001", ""),
        addr("6900", ""),
        addr("69 001", "France"),
        addr("SW1A 1AA", "Royaume-Uni"),
        addr("1000", "Belgique"),
        addr("ABCDE", "FRANCE"),
        addr("", ""),
    ];
    assert_eq!(
        problems(&f, &[]),
        vec![
            (
                "addresses.1.postal_code".to_string(),
                Problem::PostalCodeInvalid
            ),
            (
                "addresses.2.postal_code".to_string(),
                Problem::PostalCodeInvalid
            ),
            (
                "addresses.5.postal_code".to_string(),
                Problem::PostalCodeInvalid
            ),
        ]
    );
}

#[test]
fn custom_values_follow_their_definition() {
    let defs = vec![
        def("oil", CustomKind::Choice, &["5W30", "10W40"]),
        def("area", CustomKind::Number, &[]),
        def("pets", CustomKind::MultiChoice, &["chat", "chien"]),
        def("vip", CustomKind::YesNo, &[]),
    ];
    let mut f = named("Zoé", "Martin");
    f.custom = BTreeMap::from([
        ("oil".to_string(), CustomValue::Choice("5W30".into())),
        ("area".to_string(), CustomValue::Number(42.5)),
        (
            "pets".to_string(),
            CustomValue::Choices(vec!["chat".into()]),
        ),
        ("vip".to_string(), CustomValue::Bool(true)),
        ("deleted".to_string(), CustomValue::Text("ignored".into())),
    ]);
    assert!(problems(&f, &defs).is_empty());

    f.custom
        .insert("oil".into(), CustomValue::Choice("0W20".into()));
    f.custom
        .insert("area".into(), CustomValue::Text("big".into()));
    f.custom.insert(
        "pets".into(),
        CustomValue::Choices(vec!["chat".into(), "poisson".into()]),
    );
    f.custom.insert("vip".into(), CustomValue::Number(f64::NAN));
    assert_eq!(
        problems(&f, &defs),
        vec![
            ("custom.area".to_string(), Problem::WrongType),
            ("custom.oil".to_string(), Problem::ChoiceNotInList),
            ("custom.pets".to_string(), Problem::ChoiceNotInList),
            ("custom.vip".to_string(), Problem::WrongType),
        ]
    );
    f.custom.clear();
    f.custom
        .insert("area".into(), CustomValue::Number(f64::INFINITY));
    assert_eq!(
        problems(&f, &defs),
        one("custom.area", Problem::InvalidNumber)
    );
}

#[test]
fn several_problems_are_all_reported() {
    let mut f = named("", "");
    f.emails.push(labelled("nope"));
    f.revenue_cents = Some(-5);
    let errors = validate_fiche(&f, &[], today());
    assert_eq!(errors.len(), 3);
    assert_eq!(errors[0], FieldError::new("name", Problem::NameRequired));
}

/// `n` characters of `c`.
fn chars(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

#[test]
fn every_text_field_has_a_maximum_length_in_characters() {
    use max_len::*;
    let too_long = |max| Problem::TooLong { max };
    // At the limit, in two-byte characters: accepted (characters are counted, not bytes).
    let mut f = named(&chars('é', NAME), &chars('Ø', NAME));
    f.company = chars('ç', COMPANY);
    f.notes = chars('à', NOTES);
    f.tags = vec![chars('è', LABEL)];
    f.addresses.push(Address {
        street: chars('x', STREET),
        postal_code: "69001".into(),
        city: chars('y', SHORT_TEXT),
        ..Address::default()
    });
    f.phones.push(Labelled {
        label: chars('m', LABEL),
        value: "06 12 34 56 78".into(),
    });
    let defs = [
        def("t", CustomKind::Text, &[]),
        def("l", CustomKind::LongText, &[]),
    ];
    f.custom
        .insert("t".into(), CustomValue::Text(chars('t', CUSTOM_TEXT)));
    f.custom
        .insert("l".into(), CustomValue::Text(chars('l', CUSTOM_LONG_TEXT)));
    assert_eq!(problems(&f, &defs), []);

    // One character more: refused, each at its own path, with its limit.
    let mut g = f.clone();
    g.first_name.push('é');
    g.last_name.push('Ø');
    g.company.push('ç');
    g.job_title = chars('j', SHORT_TEXT + 1);
    g.sector = chars('s', SHORT_TEXT + 1);
    g.owner = chars('o', SHORT_TEXT + 1);
    g.source = chars('s', SHORT_TEXT + 1);
    g.notes.push('à');
    g.tags.push(chars('t', LABEL + 1));
    g.interests = vec!["vin".into(), chars('i', LABEL + 1)];
    g.addresses[0].street.push('x');
    g.addresses[0].city.push('y');
    g.addresses[0].postal_code = chars('1', POSTAL_CODE + 1);
    g.addresses[0].country = chars('c', SHORT_TEXT + 1);
    g.phones[0].label.push('m');
    g.emails
        .push(labelled(&format!("{}@exemple.fr", chars('a', EMAIL))));
    g.website = format!("https://exemple.fr/{}", chars('w', WEBSITE));
    g.custom
        .insert("t".into(), CustomValue::Text(chars('t', CUSTOM_TEXT + 1)));
    g.custom.insert(
        "l".into(),
        CustomValue::Text(chars('l', CUSTOM_LONG_TEXT + 1)),
    );
    g.consents.email = Some(Consent {
        granted: true,
        date: date(2024, 1, 1),
        source: chars('p', CONSENT_SOURCE + 1),
    });
    g.external_ids
        .insert("hubspot".into(), chars('9', EXTERNAL_ID + 1));
    let mut got = problems(&g, &defs);
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let mut want = vec![
        ("first_name".to_string(), too_long(NAME)),
        ("last_name".into(), too_long(NAME)),
        ("company".into(), too_long(COMPANY)),
        ("job_title".into(), too_long(SHORT_TEXT)),
        ("sector".into(), too_long(SHORT_TEXT)),
        ("owner".into(), too_long(SHORT_TEXT)),
        ("source".into(), too_long(SHORT_TEXT)),
        // The e-mail, website and postal code are reported for their length only.
        ("website".into(), too_long(WEBSITE)),
        ("notes".into(), too_long(NOTES)),
        ("emails.0".into(), too_long(EMAIL)),
        ("phones.0.label".into(), too_long(LABEL)),
        ("addresses.0.street".into(), too_long(STREET)),
        ("addresses.0.postal_code".into(), too_long(POSTAL_CODE)),
        ("addresses.0.city".into(), too_long(SHORT_TEXT)),
        ("addresses.0.country".into(), too_long(SHORT_TEXT)),
        ("tags".into(), too_long(LABEL)),
        ("interests".into(), too_long(LABEL)),
        ("custom.l".into(), too_long(CUSTOM_LONG_TEXT)),
        ("custom.t".into(), too_long(CUSTOM_TEXT)),
        ("consents.email.source".into(), too_long(CONSENT_SOURCE)),
        ("external_ids.hubspot".into(), too_long(EXTERNAL_ID)),
    ];
    want.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(got, want);

    // A 100,000-character first name (the paste that saved before).
    let huge = named(&chars('A', 100_000), "Martin");
    assert_eq!(problems(&huge, &[]), one("first_name", too_long(NAME)));
    assert_eq!((NAME, EMAIL, PHONE, WEBSITE), (100, 254, 40, 2_000));
}

#[test]
fn entry_label_and_text_have_a_maximum_length() {
    let mut e = entry(HistoryKind::Note);
    e.label = chars('é', max_len::ENTRY_LABEL);
    e.text = chars('à', max_len::ENTRY_TEXT);
    assert!(entry_problems(&e).is_empty());
    e.label.push('é');
    e.text.push('à');
    assert_eq!(
        entry_problems(&e),
        [
            ("label".to_string(), Problem::TooLong { max: 200 }),
            ("text".to_string(), Problem::TooLong { max: 20_000 }),
        ]
    );
}

fn entry(kind: HistoryKind) -> HistoryEntry {
    HistoryEntry {
        id: "e1".into(),
        fiche_id: "f1".into(),
        date: Utc.with_ymd_and_hms(2025, 3, 4, 10, 0, 0).unwrap(),
        kind,
        label: "Entretien".into(),
        amount_cents: None,
        currency: "EUR".into(),
        status: None,
        text: String::new(),
    }
}

fn entry_problems(e: &HistoryEntry) -> Vec<(String, Problem)> {
    validate_entry(e)
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn entries_amounts() {
    let mut purchase = entry(HistoryKind::Purchase);
    assert_eq!(
        entry_problems(&purchase),
        one("amount", Problem::AmountRequired)
    );
    purchase.amount_cents = Some(1250);
    assert!(entry_problems(&purchase).is_empty());
    purchase.amount_cents = Some(0);
    assert!(
        entry_problems(&purchase).is_empty(),
        "a free item is still a purchase"
    );
    purchase.amount_cents = Some(-100);
    assert!(
        entry_problems(&purchase).is_empty(),
        "a refund is a purchase with a negative amount"
    );
    assert!(purchase.is_refund());

    let mut invoice = entry(HistoryKind::Invoice);
    assert!(
        entry_problems(&invoice).is_empty(),
        "an invoice may be recorded without its amount"
    );
    invoice.amount_cents = Some(-1);
    assert!(
        entry_problems(&invoice).is_empty(),
        "a credit note is an invoice with a negative amount"
    );
    assert!(invoice.is_refund());

    let mut quote = entry(HistoryKind::Quote);
    quote.status = Some(EntryStatus::Pending);
    assert!(entry_problems(&quote).is_empty(), "a quote needs no amount");
    quote.amount_cents = Some(-1);
    assert_eq!(
        entry_problems(&quote),
        one("amount", Problem::NegativeAmount)
    );
    assert!(!quote.is_refund());

    let mut complaint = entry(HistoryKind::Complaint);
    complaint.status = Some(EntryStatus::Open);
    assert!(
        entry_problems(&complaint).is_empty(),
        "a complaint needs no amount"
    );
    complaint.amount_cents = Some(-500);
    assert_eq!(
        entry_problems(&complaint),
        one("amount", Problem::AmountNotExpected)
    );

    let mut call = entry(HistoryKind::Call);
    call.amount_cents = Some(100);
    assert_eq!(
        entry_problems(&call),
        one("amount", Problem::AmountNotExpected)
    );
}

#[test]
fn entries_statuses() {
    let mut quote = entry(HistoryKind::Quote);
    quote.amount_cents = Some(50_000);
    assert_eq!(
        entry_problems(&quote),
        one("status", Problem::StatusRequired)
    );
    for s in [
        EntryStatus::Pending,
        EntryStatus::Accepted,
        EntryStatus::Refused,
    ] {
        quote.status = Some(s);
        assert!(entry_problems(&quote).is_empty());
    }
    quote.status = Some(EntryStatus::Open);
    assert_eq!(
        entry_problems(&quote),
        one("status", Problem::StatusNotAllowed)
    );

    let mut complaint = entry(HistoryKind::Complaint);
    complaint.status = Some(EntryStatus::Resolved);
    assert!(entry_problems(&complaint).is_empty());

    let mut visit = entry(HistoryKind::Visit);
    visit.status = Some(EntryStatus::Open);
    assert_eq!(
        entry_problems(&visit),
        one("status", Problem::StatusNotAllowed)
    );

    for kind in HistoryKind::ALL {
        let mut e = entry(kind);
        e.amount_cents = kind.has_amount().then_some(100);
        e.status = kind.statuses().first().copied();
        assert!(entry_problems(&e).is_empty(), "{kind:?}");
    }
}

#[test]
fn entries_label_date_currency() {
    let mut note = entry(HistoryKind::Note);
    note.label.clear();
    assert_eq!(entry_problems(&note), one("label", Problem::NoteEmpty));
    note.text = "Préfère être appelée le matin".into();
    assert!(entry_problems(&note).is_empty());

    let mut e = entry(HistoryKind::Call);
    e.date = Utc.with_ymd_and_hms(1899, 1, 1, 0, 0, 0).unwrap();
    assert_eq!(entry_problems(&e), one("date", Problem::DateOutOfRange));
    e.date = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
    assert!(
        entry_problems(&e).is_empty(),
        "planned exchanges may be in the future"
    );

    e.currency = "eur".into();
    assert_eq!(
        entry_problems(&e),
        one("currency", Problem::InvalidCurrency)
    );
    e.currency = "CHF".into();
    assert!(entry_problems(&e).is_empty());
}

#[test]
fn drop_empty_rows_tidies_the_form() {
    let mut f = named("  Hélène ", " Dupré");
    f.company = " ".into();
    f.website = " exemple.fr\n".into();
    f.phones = vec![
        labelled(" "),
        Labelled {
            label: " mobile ".into(),
            value: " 06 12 34 56 78 ".into(),
        },
    ];
    f.emails = vec![labelled(""), labelled("h@exemple.fr ")];
    f.addresses = vec![
        Address {
            label: "maison".into(),
            ..Address::default()
        },
        Address {
            city: " Lyon ".into(),
            ..Address::default()
        },
    ];
    f.tags = vec![
        " VIP".into(),
        "vip".into(),
        "".into(),
        "Fidèle".into(),
        " fidèle ".into(),
        "Vip ".into(),
    ];
    f.interests = vec!["vélo".into(), "  ".into(), "Vélo".into()];
    f.custom.insert("a".into(), CustomValue::Text("  ".into()));
    f.custom.insert("b".into(), CustomValue::Text(" x ".into()));
    f.custom.insert("c".into(), CustomValue::Choices(vec![]));
    f.custom.insert("d".into(), CustomValue::Number(0.0));
    f.consents.email = Some(Consent {
        granted: true,
        date: today(),
        source: " site ".into(),
    });
    drop_empty_rows(&mut f);

    assert_eq!(
        (
            f.first_name.as_str(),
            f.last_name.as_str(),
            f.company.as_str()
        ),
        ("Hélène", "Dupré", "")
    );
    assert_eq!(f.website, "exemple.fr");
    assert_eq!(
        f.phones,
        vec![Labelled {
            label: "mobile".into(),
            value: "06 12 34 56 78".into()
        }]
    );
    assert_eq!(f.emails, vec![labelled("h@exemple.fr")]);
    assert_eq!(
        f.addresses.len(),
        1,
        "an address with only a label is blank"
    );
    assert_eq!(f.addresses[0].city, "Lyon");
    assert_eq!(f.tags, ["VIP", "Fidèle"]);
    assert_eq!(f.interests, ["vélo"]);
    assert_eq!(f.custom.keys().collect::<Vec<_>>(), ["b", "d"]);
    assert_eq!(f.custom["b"], CustomValue::Text("x".into()));
    assert_eq!(f.consents.email.as_ref().unwrap().source, "site");
    assert!(validate_fiche(&f, &[], today()).is_empty());
}

#[test]
fn custom_inputs_are_parsed_by_kind() {
    let text = def("t", CustomKind::Text, &[]);
    assert_eq!(parse_custom_input(&text, "  "), Ok(None));
    assert_eq!(
        parse_custom_input(&text, " 5W30 "),
        Ok(Some(CustomValue::Text("5W30".into())))
    );

    let number = def("n", CustomKind::Number, &[]);
    assert_eq!(
        parse_custom_input(&number, "12,5"),
        Ok(Some(CustomValue::Number(12.5)))
    );
    assert_eq!(
        parse_custom_input(&number, "-0.25"),
        Ok(Some(CustomValue::Number(-0.25)))
    );
    assert_eq!(
        parse_custom_input(&number, "1 234,5"),
        Ok(Some(CustomValue::Number(1234.5)))
    );
    for bad in ["abc", "1,2,3", "inf", "NaN", "1e3", "-", ",", "12,5 m²"] {
        assert_eq!(
            parse_custom_input(&number, bad),
            Err(Problem::InvalidNumber),
            "{bad:?}"
        );
    }

    let amount = def("a", CustomKind::Amount, &[]);
    assert_eq!(
        parse_custom_input(&amount, "12,50 €"),
        Ok(Some(CustomValue::Amount(1250)))
    );
    assert_eq!(
        parse_custom_input(&amount, "douze"),
        Err(Problem::InvalidAmount)
    );
    assert_eq!(
        parse_custom_input(&amount, "1,234"),
        Err(Problem::AmountTooPrecise)
    );
    assert_eq!(
        parse_custom_input(&amount, "99999999999999999999"),
        Err(Problem::AmountTooLarge)
    );

    let when = def("d", CustomKind::Date, &[]);
    assert_eq!(
        parse_custom_input(&when, "14/07/2024"),
        Ok(Some(CustomValue::Date(date(2024, 7, 14))))
    );
    assert_eq!(
        parse_custom_input(&when, "2024-07-14"),
        Ok(Some(CustomValue::Date(date(2024, 7, 14))))
    );
    assert_eq!(
        parse_custom_input(&when, "demain"),
        Err(Problem::InvalidDate)
    );

    let yes_no = def("y", CustomKind::YesNo, &[]);
    for (raw, b) in [
        ("oui", true),
        ("Non", false),
        ("YES", true),
        ("no", false),
        ("true", true),
        ("false", false),
        ("1", true),
        ("0", false),
    ] {
        assert_eq!(
            parse_custom_input(&yes_no, raw),
            Ok(Some(CustomValue::Bool(b))),
            "{raw:?}"
        );
    }
    assert_eq!(
        parse_custom_input(&yes_no, "peut-être"),
        Err(Problem::InvalidYesNo)
    );

    let choice = def("c", CustomKind::Choice, &["Électrique", "Diesel"]);
    assert_eq!(
        parse_custom_input(&choice, "Diesel"),
        Ok(Some(CustomValue::Choice("Diesel".into())))
    );
    assert_eq!(
        parse_custom_input(&choice, "electrique"),
        Ok(Some(CustomValue::Choice("Électrique".into())))
    );
    assert_eq!(
        parse_custom_input(&choice, "Essence"),
        Err(Problem::ChoiceNotInList)
    );

    let multi = def("m", CustomKind::MultiChoice, &["chat", "chien", "lapin"]);
    assert_eq!(
        parse_custom_input(&multi, "chien\n\nCHAT\nchien"),
        Ok(Some(CustomValue::Choices(vec![
            "chien".into(),
            "chat".into()
        ])))
    );
    assert_eq!(
        parse_custom_input(&multi, "chien\npoisson"),
        Err(Problem::ChoiceNotInList)
    );
    assert_eq!(parse_custom_input(&multi, "\n \n"), Ok(None));
}

#[test]
fn custom_values_render_and_read_back() {
    let cases = [
        (
            CustomKind::Text,
            CustomValue::Text("5W30".into()),
            "5W30",
            "5W30",
        ),
        (
            CustomKind::Number,
            CustomValue::Number(12.5),
            "12,5",
            "12.5",
        ),
        (
            CustomKind::Amount,
            CustomValue::Amount(123_456),
            "1\u{202f}234,56\u{202f}€",
            "€1,234.56",
        ),
        (
            CustomKind::Date,
            CustomValue::Date(date(2024, 7, 14)),
            "14/07/2024",
            "2024-07-14",
        ),
        (CustomKind::YesNo, CustomValue::Bool(true), "oui", "yes"),
        (
            CustomKind::Choice,
            CustomValue::Choice("chat".into()),
            "chat",
            "chat",
        ),
        (
            CustomKind::MultiChoice,
            CustomValue::Choices(vec!["chat".into(), "chien".into()]),
            "chat, chien",
            "chat, chien",
        ),
    ];
    for (kind, value, fr, en) in cases {
        assert_eq!(
            render_value(&value, Lang::Fr),
            fr.replace('\u{202f}', &NNBSP.to_string())
        );
        assert_eq!(render_value(&value, Lang::En), en);
        let d = def("x", kind, &["chat", "chien"]);
        for lang in Lang::ALL {
            assert_eq!(
                parse_custom_input(&d, &value_to_input(&value, lang)),
                Ok(Some(value.clone())),
                "{kind:?}"
            );
        }
    }
}

#[test]
fn removing_a_field_deletes_or_moves_values_to_notes() {
    let d = CustomFieldDef {
        id: "oil".into(),
        name: "Huile moteur".into(),
        kind: CustomKind::Amount,
        options: vec![],
    };
    let mut a = named("Zoé", "Martin");
    a.id = "a".into();
    a.notes = "Cliente depuis 2019\n".into();
    a.custom.insert("oil".into(), CustomValue::Amount(1250));
    a.custom.insert("other".into(), CustomValue::Bool(true));
    let mut b = named("Jérôme", "Petit");
    b.id = "b".into();
    b.custom.insert("other".into(), CustomValue::Bool(true));
    let mut c = named("Noé", "Leroy");
    c.id = "c".into();
    c.custom.insert("oil".into(), CustomValue::Amount(5));
    let fiches = vec![a, b, c];

    let deleted = remove_field_values(&fiches, &d, RemovalMode::DeleteValues, Lang::Fr);
    assert_eq!(
        deleted.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["a", "c"]
    );
    assert!(deleted.iter().all(|f| !f.custom.contains_key("oil")));
    assert!(deleted[0].custom.contains_key("other"));
    assert_eq!(deleted[0].notes, fiches[0].notes);

    let moved = remove_field_values(&fiches, &d, RemovalMode::MoveToNotes, Lang::Fr);
    assert_eq!(
        moved[0].notes,
        format!("Cliente depuis 2019\nHuile moteur: 12,50{NNBSP}€")
    );
    assert_eq!(moved[1].notes, format!("Huile moteur: 0,05{NNBSP}€"));
    assert!(moved.iter().all(|f| !f.custom.contains_key("oil")));
    let moved_en = remove_field_values(&fiches, &d, RemovalMode::MoveToNotes, Lang::En);
    assert_eq!(moved_en[1].notes, "Huile moteur: €0.05");
}

#[test]
fn headcount_and_numbers() {
    assert_eq!(parse_headcount(""), Ok(None));
    assert_eq!(parse_headcount(" 1 200 "), Ok(Some(1200)));
    assert_eq!(parse_headcount("-3"), Err(Problem::InvalidNumber));
    assert_eq!(parse_headcount("2,5"), Err(Problem::InvalidNumber));
    assert_eq!(parse_headcount("99999999999"), Err(Problem::InvalidNumber));
    assert_eq!(parse_number("+3"), Ok(3.0));
    assert_eq!(parse_number("3."), Ok(3.0));
}

#[test]
fn plain_number_prints_like_display_without_exponent() {
    for n in [
        0.0,
        -0.0,
        1.0,
        100.0,
        0.1,
        -2.5,
        1e21,
        1e-7,
        1.5e-7,
        1e15,
        1e16,
        0.000123,
        1.0e300,
        5e-324,
        123456789012345680.0,
        f64::MAX,
        f64::MIN_POSITIVE,
    ] {
        assert_eq!(plain_number(n), n.to_string(), "{n:e}");
    }
}

/// The significant digits of a plain decimal ("-0.00120" gives "12").
fn significant(s: &str) -> String {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    digits.trim_matches('0').to_string()
}

proptest! {
    /// Exact and as short as `Display`. Not always the same digits: when the number lies
    /// exactly halfway between two shortest forms (136437816782146.125), `Display` rounds the
    /// tie up and serde_json's printer to even; both read back to the same number.
    #[test]
    fn plain_number_reads_back_exactly_as_short_as_display(bits in any::<u64>()) {
        let n = f64::from_bits(bits);
        prop_assume!(n.is_finite());
        let (plain, display) = (plain_number(n), n.to_string());
        prop_assert_eq!(plain.parse::<f64>().ok(), Some(n), "{} for {}", plain, display);
        prop_assert_eq!(significant(&plain).len(), significant(&display).len(), "{} for {}", plain, display);
        prop_assert!(!plain.contains(['e', 'E']));
    }
}
