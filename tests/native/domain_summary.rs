//! Summaries always equal what the history says; records survive JSON unchanged.

use std::collections::BTreeMap;

use carnet::domain::custom_field::CustomValue;
use carnet::domain::fiche::{
    Address, Channel, Civility, Consent, Consents, Fiche, FicheKind, Labelled, Sex, Status,
};
use carnet::domain::history::{EntryStatus, HistoryEntry, HistoryKind};
use carnet::domain::summary::Summary;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap()
}

fn entry(kind: HistoryKind, secs: i64, amount: Option<i64>) -> HistoryEntry {
    HistoryEntry {
        id: format!("e{secs}"),
        fiche_id: "f".into(),
        date: at(secs),
        kind,
        label: String::new(),
        amount_cents: amount,
        currency: "EUR".into(),
        status: None,
        text: String::new(),
    }
}

#[test]
fn summary_by_hand() {
    let history = vec![
        entry(HistoryKind::Call, 100, None),
        entry(HistoryKind::Purchase, 300, Some(1250)),
        entry(HistoryKind::Invoice, 310, Some(1250)),
        entry(HistoryKind::Purchase, 200, Some(750)),
        entry(HistoryKind::Note, 900, None),
        entry(HistoryKind::Campaign, 950, None),
        entry(HistoryKind::Quote, 50, Some(99_00)),
    ];
    let s = Summary::from_history(&history);
    assert_eq!(
        s.total_spent_cents, 2000,
        "invoices document purchases and are not added again"
    );
    assert_eq!(s.orders, 2);
    assert_eq!(s.first_purchase, Some(at(200)));
    assert_eq!(s.last_purchase, Some(at(300)));
    assert_eq!(
        s.last_contact,
        Some(at(310)),
        "notes and campaigns are not exchanges"
    );
    assert_eq!(s.contacts, 5);
    assert_eq!(s.average_basket_cents(), Some(1000));
}

#[test]
fn refunds_lower_the_total_but_are_not_orders_nor_purchase_dates() {
    let history = vec![
        entry(HistoryKind::Purchase, 100, Some(4990)),
        entry(HistoryKind::Purchase, 200, Some(1200)),
        // The refund of the first purchase, and a credit note sent with it (an invoice: a
        // document, not added again, as positive invoices are not).
        entry(HistoryKind::Purchase, 300, Some(-4990)),
        entry(HistoryKind::Invoice, 300, Some(-4990)),
        entry(HistoryKind::Purchase, 400, Some(0)),
    ];
    let s = Summary::from_history(&history);
    assert_eq!(s.total_spent_cents, 1200, "net of the refund");
    assert_eq!(s.orders, 3, "the refund is not an order; a free item is");
    assert_eq!(s.first_purchase, Some(at(100)));
    assert_eq!(s.last_purchase, Some(at(400)));
    assert_eq!(s.recent_purchases.len(), 3);
    assert_eq!(s.average_basket_cents(), Some(400));
    assert_eq!(s.total_if_any(), Some(1200));
    assert!(history[2].is_refund() && history[3].is_refund());
    assert!(!history[4].is_refund());

    // The latest purchase line is a refund: the last purchase stays the one before.
    let s = Summary::from_history(&[
        entry(HistoryKind::Purchase, 100, Some(1000)),
        entry(HistoryKind::Purchase, 900, Some(-250)),
    ]);
    assert_eq!(
        (s.total_spent_cents, s.orders, s.last_purchase),
        (750, 1, Some(at(100)))
    );
    assert_eq!(s.recent_purchases, [at(100).date_naive()]);
}

#[test]
fn refunds_above_what_was_bought_give_a_negative_total_and_basket() {
    // 10,00 € bought twice, 25,01 € given back: -5,01 € over two orders.
    let s = Summary::from_history(&[
        entry(HistoryKind::Purchase, 100, Some(1000)),
        entry(HistoryKind::Purchase, 200, Some(1000)),
        entry(HistoryKind::Purchase, 300, Some(-2501)),
    ]);
    assert_eq!((s.total_spent_cents, s.orders), (-501, 2));
    assert_eq!(
        s.average_basket_cents(),
        Some(-251),
        "-250.5 rounds away from zero"
    );

    // Refunds only (the purchase predates the file): a negative total, no order, no basket.
    let s = Summary::from_history(&[entry(HistoryKind::Purchase, 100, Some(-1250))]);
    assert_eq!((s.total_spent_cents, s.orders), (-1250, 0));
    assert_eq!((s.first_purchase, s.last_purchase), (None, None));
    assert_eq!(s.average_basket_cents(), None);
    assert_eq!(s.total_if_any(), Some(-1250), "listed, not blank");
    assert_eq!(Summary::default().total_if_any(), None);
}

#[test]
fn empty_history() {
    let s = Summary::from_history(&[]);
    assert_eq!(s, Summary::default());
    assert_eq!(s.average_basket_cents(), None);
}

#[test]
fn average_basket_rounds_half_away_from_zero() {
    let s = |total, orders| Summary {
        total_spent_cents: total,
        orders,
        ..Summary::default()
    };
    assert_eq!(s(1000, 3).average_basket_cents(), Some(333));
    assert_eq!(s(1001, 2).average_basket_cents(), Some(501));
    assert_eq!(s(-1001, 2).average_basket_cents(), Some(-501));
    assert_eq!(s(-1000, 3).average_basket_cents(), Some(-333));
    assert_eq!(s(-5, 2).average_basket_cents(), Some(-3));
    assert_eq!(s(-1, 3).average_basket_cents(), Some(0));
    assert_eq!(s(-1250, 0).average_basket_cents(), None);
}

/// The summary recomputed the slow, obvious way.
fn naive(history: &[HistoryEntry]) -> Summary {
    let lines: Vec<&HistoryEntry> = history
        .iter()
        .filter(|e| e.kind == HistoryKind::Purchase)
        .collect();
    // Refunds (negative amounts) count in the total only.
    let purchases: Vec<&HistoryEntry> = lines
        .iter()
        .copied()
        .filter(|e| e.amount_cents.unwrap_or(0) >= 0)
        .collect();
    let contacts: Vec<&HistoryEntry> = history.iter().filter(|e| e.kind.is_contact()).collect();
    Summary {
        total_spent_cents: lines.iter().map(|e| e.amount_cents.unwrap_or(0)).sum(),
        orders: purchases.len() as u32,
        first_purchase: purchases.iter().map(|e| e.date).min(),
        last_purchase: purchases.iter().map(|e| e.date).max(),
        last_contact: contacts.iter().map(|e| e.date).max(),
        contacts: contacts.len() as u32,
        recent_purchases: {
            let mut days: Vec<NaiveDate> = purchases.iter().map(|e| e.date.date_naive()).collect();
            days.sort();
            days.reverse();
            days.truncate(Summary::RECENT_PURCHASES);
            days
        },
    }
}

fn any_entry() -> impl Strategy<Value = HistoryEntry> {
    (
        prop::sample::select(HistoryKind::ALL.to_vec()),
        0i64..2_000_000_000,
        prop::option::of(-10_000_000i64..100_000_000),
    )
        .prop_map(|(kind, secs, amount)| entry(kind, secs, amount))
}

proptest! {
    #[test]
    fn summary_equals_naive_recomputation(history in prop::collection::vec(any_entry(), 0..40)) {
        prop_assert_eq!(Summary::from_history(&history), naive(&history));
    }

    #[test]
    fn summary_does_not_depend_on_entry_order(
        history in prop::collection::vec(any_entry(), 0..40),
        seed in any::<u64>(),
    ) {
        let mut shuffled = history.clone();
        // Fisher–Yates with a tiny LCG: proptest shrinks the seed along with the history.
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(Summary::from_history(&history), Summary::from_history(&shuffled));
        let reversed: Vec<HistoryEntry> = history.iter().rev().cloned().collect();
        prop_assert_eq!(Summary::from_history(&history), Summary::from_history(&reversed));
    }
}

fn full_fiche() -> Fiche {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let consent = |granted, d| Consent {
        granted,
        date: d,
        source: "formulaire signé".into(),
    };
    Fiche {
        id: "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b".into(),
        kind: FicheKind::Company,
        status: Status::Client,
        civility: Some(Civility::Mrs),
        first_name: "Hélène".into(),
        last_name: "Dupré-Lefèvre".into(),
        sex: Some(Sex::Female),
        birth_date: Some(date(1978, 2, 28)),
        company: "SARL Les Délices d'Hélène".into(),
        job_title: "Gérante".into(),
        sector: "Boulangerie-pâtisserie".into(),
        revenue_cents: Some(48_500_000),
        headcount: Some(7),
        addresses: vec![Address {
            label: "boutique".into(),
            street: "12 rue de la République\nBâtiment B".into(),
            postal_code: "69001".into(),
            city: "Lyon".into(),
            region: "Auvergne-Rhône-Alpes".into(),
            country: "France".into(),
        }],
        phones: vec![
            Labelled {
                label: "mobile".into(),
                value: "+33612345678".into(),
            },
            Labelled {
                label: "boutique".into(),
                value: "+33478123456".into(),
            },
        ],
        emails: vec![Labelled {
            label: "pro".into(),
            value: "helene@delices.fr".into(),
        }],
        website: "https://delices.fr".into(),
        owner: "Camille".into(),
        source: "salon".into(),
        first_contact: Some(date(2019, 9, 14)),
        preferred_channel: Some(Channel::InPerson),
        interests: vec!["pâtisserie".into(), "vins \"nature\"".into()],
        tags: vec!["VIP".into(), "B2B".into()],
        notes: "Livraison le mardi.\nCode portail : 1234 — « sonner deux fois »".into(),
        custom: BTreeMap::from([
            ("t".to_string(), CustomValue::Text("5W30".into())),
            ("n".to_string(), CustomValue::Number(-12.375)),
            ("a".to_string(), CustomValue::Amount(-1)),
            ("d".to_string(), CustomValue::Date(date(2024, 2, 29))),
            ("b".to_string(), CustomValue::Bool(false)),
            ("c".to_string(), CustomValue::Choice("Électrique".into())),
            (
                "m".to_string(),
                CustomValue::Choices(vec!["chat".into(), "chien".into()]),
            ),
        ]),
        consents: Consents {
            email: Some(consent(true, date(2020, 1, 2))),
            sms: Some(consent(false, date(2021, 3, 4))),
            phone: Some(consent(true, date(2022, 5, 6))),
            post: Some(consent(false, date(2023, 7, 8))),
        },
        external_ids: BTreeMap::from([("hubspot".to_string(), "51".to_string())]),
        created_at: Utc.with_ymd_and_hms(2019, 9, 14, 8, 30, 15).unwrap()
            + chrono::Duration::milliseconds(123),
        updated_at: Utc.with_ymd_and_hms(2025, 1, 31, 23, 59, 59).unwrap(),
        version: 42,
    }
}

#[test]
fn a_fully_filled_fiche_survives_json() {
    let f = full_fiche();
    let json = serde_json::to_string(&f).unwrap();
    let back: Fiche = serde_json::from_str(&json).unwrap();
    assert_eq!(back, f);
    // And the text form is stable: serialising again gives the same bytes.
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

#[test]
fn a_fully_filled_entry_survives_json() {
    let e = HistoryEntry {
        id: "9b2d4f6a-8c0e-4a1b-8c3d-5e7f9a1b3c5d".into(),
        fiche_id: "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b".into(),
        date: Utc.with_ymd_and_hms(2024, 12, 24, 17, 45, 0).unwrap(),
        kind: HistoryKind::Quote,
        label: "Devis pièce montée".into(),
        amount_cents: Some(35_000),
        currency: "CHF".into(),
        status: Some(EntryStatus::Accepted),
        text: "Pour 40 personnes,\nlivraison comprise.".into(),
    };
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(serde_json::from_str::<HistoryEntry>(&json).unwrap(), e);
}

#[test]
fn a_minimal_json_fiche_gets_defaults() {
    let json =
        r#"{"id":"x","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}"#;
    let f: Fiche = serde_json::from_str(json).unwrap();
    assert_eq!(
        f,
        Fiche::new(
            "x".into(),
            Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap()
        )
    );
    let e: HistoryEntry = serde_json::from_str(
        r#"{"id":"e","fiche_id":"x","date":"2024-01-01T00:00:00Z","kind":"call"}"#,
    )
    .unwrap();
    assert_eq!(e.currency, "EUR");
}

/// Stored records leave their empty parts out (100k fiches are serialised, parsed and cloned
/// into IndexedDB on an import): an empty fiche holds only what identifies and dates it, and
/// reads back equal.
#[test]
fn empty_parts_are_left_out_of_the_json() {
    let mut f = Fiche::new(
        "x".into(),
        Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap(),
    );
    f.addresses.push(Address {
        city: "Lyon".into(),
        ..Address::default()
    });
    f.emails.push(Labelled {
        label: String::new(),
        value: "a@b.fr".into(),
    });
    let json = serde_json::to_string(&f).unwrap();
    for empty in ["\"\"", "null", "[]", "{}", "label", "consents", "custom"] {
        assert!(!json.contains(empty), "{empty} in {json}");
    }
    assert_eq!(serde_json::from_str::<Fiche>(&json).unwrap(), f);

    assert_eq!(serde_json::to_string(&Summary::default()).unwrap(), "{}");
    let s = Summary {
        orders: 1,
        ..Summary::default()
    };
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(json, r#"{"orders":1}"#);
    assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), s);
}
