//! The filter builder's form of a filter (`segment::Draft`): every filter the app makes comes
//! back from it unchanged in meaning; each field's editor reads and writes its condition; the
//! list's search runs on the folded text.

use crate::segment_support::*;
use carnet::domain::custom_field::{CustomFieldDef, CustomKind, CustomValue};
use carnet::domain::fiche::{Labelled, Status};
use carnet::domain::search::Query;
use carnet::domain::segment::{
    build, fields, parts, BuiltinId, Condition, CustomOp, CustomerType, DateField, DateOp, Draft,
    Field, Filter, FoldedText, Input, Line, NumField, Op, Range, TextField, TextOp,
};

fn defs() -> Vec<CustomFieldDef> {
    let def = |id: &str, kind| CustomFieldDef {
        id: id.into(),
        name: id.into(),
        kind,
        options: vec![],
    };
    vec![
        def("oil", CustomKind::Text),
        def("area", CustomKind::Number),
        def("deposit", CustomKind::Amount),
        def("since", CustomKind::Date),
        def("pro", CustomKind::YesNo),
        def("brands", CustomKind::MultiChoice),
    ]
}

#[test]
fn builtin_segments_convert_to_drafts_that_select_the_same_fiches() {
    let mut fiches = Vec::new();
    for i in 0..40 {
        let mut f = fiche(&format!("f{i}"));
        if i % 3 == 0 {
            f.emails.push(Labelled {
                label: String::new(),
                value: format!("a{i}@x.fr"),
            });
        }
        if i % 4 == 0 {
            f.consents.email = Some(carnet::domain::fiche::Consent {
                granted: i % 8 == 0,
                date: day(2024, 1, 1),
                source: String::new(),
            });
        }
        if i % 5 == 0 {
            f.kind = carnet::domain::fiche::FicheKind::Company;
        }
        f.birth_date = day(1980, 1 + (i % 12), 3).into();
        fiches.push(f);
    }
    let summaries: Vec<_> = (0..40u64)
        .map(|i| bought(&[i * 40, i * 90], 1000))
        .collect();
    let st = stats(&summaries);
    for b in BuiltinId::ALL {
        let filter = b.filter();
        let draft = Draft::from_filter(&filter).unwrap_or_else(|| panic!("{b:?} has no draft"));
        let back = draft.to_filter();
        for (f, s) in fiches.iter().zip(&summaries) {
            let c = st.compute(s);
            assert_eq!(
                selects_with(&back, f, s, &c),
                selects_with(&filter, f, s, &c),
                "{b:?} on {}",
                f.id
            );
        }
    }
}

#[test]
fn drafts_keep_groups_and_their_and_or() {
    let pc = |p: &str| Line {
        not: false,
        cond: Condition::Text(TextField::PostalCode, TextOp::Prefix(p.into())),
    };
    let loyal = Line {
        not: false,
        cond: Condition::CustomerType(vec![CustomerType::Loyal]),
    };
    let draft = Draft {
        any: false,
        groups: vec![
            carnet::domain::segment::Group {
                any: false,
                lines: vec![loyal],
            },
            carnet::domain::segment::Group {
                any: true,
                lines: vec![
                    pc("69"),
                    Line {
                        not: true,
                        ..pc("75")
                    },
                ],
            },
        ],
    };
    let filter = draft.to_filter();
    assert_eq!(Draft::from_filter(&filter), Some(draft.clone()));
    // One group of several lines reads back as itself, OR included.
    let single = Draft {
        any: false,
        groups: vec![draft.groups[1].clone()],
    };
    assert_eq!(Draft::from_filter(&single.to_filter()), Some(single));
    assert!(Draft::default().is_empty());
    assert_eq!(Draft::default().to_filter(), Filter::default());
    assert_eq!(
        Draft::from_filter(&Filter::default()),
        Some(Draft::default())
    );
    // Deeper than one level of groups: not editable here, said rather than flattened.
    let deep = Filter::All(vec![Filter::Any(vec![Filter::All(vec![pc("1")
        .cond
        .into()])])]);
    assert_eq!(Draft::from_filter(&deep), None);
}

#[test]
fn every_field_and_operator_reads_back_what_the_editor_wrote() {
    let defs = defs();
    let values = |inputs: &[Input]| -> [String; 2] {
        let one = |i: &Input| match i {
            Input::Text => "Rhône, vip".to_string(),
            Input::Number => "3".to_string(),
            Input::Money => "12.5".to_string(),
            Input::Decimal => "2.25".to_string(),
            Input::Date => "2024-02-29".to_string(),
        };
        [
            inputs.first().map(one).unwrap_or_default(),
            inputs.get(1).map(one).unwrap_or_default(),
        ]
    };
    let all = fields(&defs);
    assert!(all.len() > 50, "every field is offered");
    for field in &all {
        for op in field.ops() {
            let v = values(field.inputs(op));
            let cond = build(field, op, &v);
            let (f2, op2, v2) = parts(&cond, &defs);
            assert_eq!((&f2, op2), (field, op), "{cond:?}");
            assert_eq!(
                build(&f2, op2, &v2),
                cond,
                "{field:?} {op:?} {v:?} → {v2:?}"
            );
        }
    }
}

#[test]
fn values_read_as_typed_money_in_cents_half_typed_leaves_open() {
    let spent = Field::Number(NumField::TotalSpent);
    assert_eq!(
        build(&spent, Op::Between, &["12,50".into(), "".into()]),
        Condition::Number(NumField::TotalSpent, Range::new(Some(1250), None))
    );
    assert_eq!(
        build(&spent, Op::Between, &["1e".into(), "abc".into()]),
        Condition::Number(NumField::TotalSpent, Range::new(None, None))
    );
    let deposit = Field::Custom("deposit".into(), CustomKind::Amount);
    assert_eq!(
        build(&deposit, Op::Between, &["".into(), "3".into()]),
        Condition::Custom(
            "deposit".into(),
            CustomOp::Range(Range::new(None, Some(300.0)))
        )
    );
    assert_eq!(
        build(
            &Field::Date(DateField::BirthDate),
            Op::Month,
            &["".into(), "".into()]
        ),
        Condition::Date(DateField::BirthDate, DateOp::Anniversary(None))
    );
    assert_eq!(
        build(&Field::Status, Op::Is(1), &Default::default()),
        Condition::Status(Status::Client)
    );
}

#[test]
fn search_on_folded_text_finds_names_mails_phones_and_places_only() {
    let mut f = fiche("a");
    f.first_name = "Hélène".into();
    f.last_name = "Dupré".into();
    f.phones.push(Labelled {
        label: String::new(),
        value: "+33 6 12 34 56 78".into(),
    });
    f.emails.push(Labelled {
        label: String::new(),
        value: "helene@exemple.fr".into(),
    });
    f.addresses.push(carnet::domain::fiche::Address {
        postal_code: "69003".into(),
        city: "Lyon".into(),
        ..Default::default()
    });
    f.notes = "aime le chocolat".into();
    f.custom
        .insert("oil".into(), CustomValue::Text("5W30".into()));
    let text = FoldedText::new(&f);
    for q in [
        "helene dupre",
        "DUPRÉ",
        "0612",
        "06 12 34",
        "33612",
        "exemple.fr",
        "6900",
        "lyon",
    ] {
        assert!(text.matches_query(&Query::new(q)), "{q}");
    }
    for q in ["chocolat", "5w30", "paris", "helene paris"] {
        assert!(!text.matches_query(&Query::new(q)), "{q}");
    }
    assert!(text.matches_query(&Query::new("")));
}

/// The letters shortcut (a text lacking one of the query's letters is refused unread; one-letter
/// words are answered by the letters alone) gives the search's own answer: every word in the
/// names, e-mails, phones, postal codes or cities, as over `search::haystack`.
#[test]
fn the_search_by_letters_answers_as_the_full_search() {
    use carnet::domain::demo::demo_file;
    use carnet::domain::search::haystack;
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let (fiches, _) = demo_file(11, 400, today);
    let queries = [
        "a", "m", "z", "q", "0", "6", "9", "é", "-", "@", ".", "m a", "d 0", "mar", "du", "lyon",
        "69", "0612", "06 12", "+33", "x y", "hélène", "ma rt", "k", "w", "1 2 3",
    ];
    let mut hits = 0;
    for f in &fiches {
        let (text, hay) = (FoldedText::new(f), haystack(f));
        for q in queries {
            let q = Query::new(q);
            let expected = q.matches(&hay);
            assert_eq!(text.matches_query(&q), expected, "{q:?} on {hay:?}");
            hits += usize::from(expected);
        }
    }
    // Both answers occur: the comparison means something.
    assert!(hits > 0 && hits < fiches.len() * queries.len());
}
