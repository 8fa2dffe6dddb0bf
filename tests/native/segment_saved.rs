//! Saved segments as stored JSON, and filters in the address bar.

use carnet::domain::fiche::{Channel, FicheKind, Sex, Status};
use carnet::domain::segment::{
    from_url, to_url, Condition, CustomOp, CustomerType, DateField, DateOp, Filter, ListField,
    ListOp, Needle, NumField, Range, RfmPart, SavedSegment, SegmentError, TextField, TextOp,
};
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

fn loyal_in_rhone() -> Filter {
    Filter::All(vec![
        Condition::CustomerType(vec![CustomerType::Loyal]).into(),
        Condition::Text(TextField::PostalCode, TextOp::Prefix(Needle::new("69"))).into(),
    ])
}

const LOYAL_IN_RHONE_JSON: &str = r#"{"format":1,"id":"s1","name":"Fidèles du Rhône","filter":{"all":[{"cond":{"customer_type":["loyal"]}},{"cond":{"text":["postal_code",{"prefix":"69"}]}}]},"created_at":"2025-03-01T09:00:00Z"}"#;

fn saved() -> SavedSegment {
    SavedSegment::new(
        "s1".into(),
        "Fidèles du Rhône".into(),
        loyal_in_rhone(),
        Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap(),
    )
}

#[test]
fn saved_segment_json_is_stable_and_round_trips() {
    let s = saved();
    assert_eq!(s.to_json(), LOYAL_IN_RHONE_JSON, "the stored format");
    assert_eq!(SavedSegment::from_json(LOYAL_IN_RHONE_JSON), Ok(s.clone()));
    // Through serde too, as the meta store does.
    let value = serde_json::to_value(&s).unwrap();
    assert_eq!(serde_json::from_value::<SavedSegment>(value).unwrap(), s);
}

#[test]
fn a_segment_from_a_newer_version_is_refused() {
    let newer = LOYAL_IN_RHONE_JSON.replace(r#""format":1"#, r#""format":2"#);
    match SavedSegment::from_json(&newer) {
        Err(SegmentError::Invalid(msg)) => assert!(msg.contains("newer"), "{msg}"),
        other => panic!("{other:?}"),
    }
    let unknown_condition = LOYAL_IN_RHONE_JSON.replace("customer_type", "mood");
    assert!(SavedSegment::from_json(&unknown_condition).is_err());
    assert!(SavedSegment::from_json("").is_err());
    assert!(SavedSegment::from_json("[]").is_err());
}

#[test]
fn url_form() {
    assert_eq!(
        to_url(&Filter::default()),
        "1.eyJhbGwiOltdfQ",
        "base64url of {{\"all\":[]}}"
    );
    let url = to_url(&loyal_in_rhone());
    assert!(url
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)));
    assert_eq!(from_url(&url), Ok(loyal_in_rhone()));
}

#[test]
fn url_garbage_is_an_error() {
    use SegmentError::*;
    let cases: &[(&str, SegmentError)] = &[
        ("", NotAFilter),
        ("1", NotAFilter),
        ("x.eyJhbGwiOltdfQ", NotAFilter),
        ("-1.eyJhbGwiOltdfQ", NotAFilter),
        ("2.eyJhbGwiOltdfQ", NewerFormat(2)),
        ("1.eyJhbGwiOltdfQ==", NotAFilter),
        ("1.eyJhbGwiOltdfR", NotAFilter),
        ("1.eyJhbGwiOltdf", NotAFilter),
        ("1.eyJhbGwiOlt+fQ", NotAFilter),
        ("1.e", NotAFilter),
    ];
    for (s, want) in cases {
        assert_eq!(from_url(s).as_ref(), Err(want), "{s}");
    }
    assert!(matches!(from_url("1."), Err(Invalid(_))));
    assert!(
        matches!(from_url("1.W10"), Err(Invalid(_))),
        "[] is not a filter"
    );
}

#[test]
fn deeply_nested_url_is_refused_without_overflow() {
    let depth = 100_000;
    let json = format!(
        "{}{{\"all\":[]}}{}",
        "{\"not\":".repeat(depth),
        "}".repeat(depth)
    );
    let url = to_url_of_json(json.as_bytes());
    assert!(matches!(from_url(&url), Err(SegmentError::Invalid(_))));
}

/// `1.` and `bytes` in base64url, written independently of the code under test.
fn to_url_of_json(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits: Vec<bool> = bytes
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| b >> i & 1 == 1))
        .collect();
    let chars = bits.chunks(6).map(|c| {
        let v = (0..6).fold(0, |v, i| {
            v << 1 | usize::from(c.get(i).copied().unwrap_or(false))
        });
        char::from(A[v])
    });
    format!("1.{}", chars.collect::<String>())
}

fn needle() -> impl Strategy<Value = Needle> {
    any::<String>().prop_map(Needle::new)
}

fn needles() -> impl Strategy<Value = Vec<Needle>> {
    prop::collection::vec(needle(), 0..4)
}

fn range<T: std::fmt::Debug + PartialOrd + Clone + 'static>(
    value: impl Strategy<Value = T> + Clone,
) -> impl Strategy<Value = Range<T>> {
    (prop::option::of(value.clone()), prop::option::of(value))
        .prop_map(|(min, max)| Range::new(min, max))
}

fn date() -> impl Strategy<Value = NaiveDate> + Clone {
    (1i32..3_600_000).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap())
}

fn text_op() -> impl Strategy<Value = TextOp> {
    prop_oneof![
        needle().prop_map(TextOp::Contains),
        needle().prop_map(TextOp::Equals),
        needle().prop_map(TextOp::Prefix),
        Just(TextOp::Empty),
        Just(TextOp::NotEmpty),
    ]
}

fn date_op() -> impl Strategy<Value = DateOp> {
    prop_oneof![
        range(date()).prop_map(DateOp::Between),
        any::<u32>().prop_map(DateOp::LastDays),
        any::<Option<u32>>().prop_map(DateOp::Anniversary),
        Just(DateOp::Empty),
        Just(DateOp::NotEmpty),
    ]
}

fn list_op() -> impl Strategy<Value = ListOp> {
    prop_oneof![
        needles().prop_map(ListOp::AnyOf),
        needles().prop_map(ListOp::AllOf),
        needles().prop_map(ListOp::NoneOf),
        Just(ListOp::Empty),
    ]
}

fn custom_op() -> impl Strategy<Value = CustomOp> {
    // Numbers as people type them (cents or hundredths): exact through JSON.
    let number = (-1_000_000_000_000i64..1_000_000_000_000).prop_map(|n| n as f64 / 100.0);
    prop_oneof![
        text_op().prop_map(CustomOp::Text),
        range(number).prop_map(CustomOp::Range),
        date_op().prop_map(CustomOp::Date),
        any::<bool>().prop_map(CustomOp::Yes),
        list_op().prop_map(CustomOp::List),
    ]
}

fn condition() -> impl Strategy<Value = Condition> {
    let channel = prop::sample::select(Channel::ALL.to_vec());
    let types = prop::collection::vec(prop::sample::select(CustomerType::ALL.to_vec()), 0..5);
    let part = prop::sample::select(vec![
        RfmPart::Recency,
        RfmPart::Frequency,
        RfmPart::Monetary,
    ]);
    prop_oneof![
        (prop::sample::select(TextField::ALL.to_vec()), text_op())
            .prop_map(|(f, op)| Condition::Text(f, op)),
        (
            prop::sample::select(NumField::ALL.to_vec()),
            range(any::<i64>())
        )
            .prop_map(|(f, r)| Condition::Number(f, r)),
        (prop::sample::select(DateField::ALL.to_vec()), date_op())
            .prop_map(|(f, op)| Condition::Date(f, op)),
        (
            prop::sample::select(vec![ListField::Tags, ListField::Interests]),
            list_op()
        )
            .prop_map(|(f, op)| Condition::List(f, op)),
        channel.clone().prop_map(Condition::Consent),
        types.prop_map(Condition::CustomerType),
        (part, range(any::<u8>())).prop_map(|(p, r)| Condition::Rfm(p, r)),
        prop::sample::select(vec![FicheKind::Person, FicheKind::Company]).prop_map(Condition::Kind),
        prop::sample::select(vec![Status::Prospect, Status::Client]).prop_map(Condition::Status),
        prop::sample::select(vec![Sex::Female, Sex::Male, Sex::Other]).prop_map(Condition::Sex),
        channel.prop_map(Condition::PreferredChannel),
        (any::<String>(), custom_op()).prop_map(|(id, op)| Condition::Custom(id, op)),
    ]
}

fn filter() -> impl Strategy<Value = Filter> {
    condition()
        .prop_map(Filter::Cond)
        .prop_recursive(5, 48, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Filter::All),
                prop::collection::vec(inner.clone(), 0..4).prop_map(Filter::Any),
                inner.prop_map(Filter::negate),
            ]
        })
}

proptest! {
    #[test]
    fn url_round_trip(f in filter()) {
        let url = to_url(&f);
        prop_assert!(url.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)));
        prop_assert_eq!(from_url(&url), Ok(f));
    }

    #[test]
    fn saved_round_trip(f in filter(), name in any::<String>(), secs in 0i64..4_000_000_000) {
        let s = SavedSegment::new("id".into(), name, f, Utc.timestamp_opt(secs, 0).unwrap());
        prop_assert_eq!(SavedSegment::from_json(&s.to_json()), Ok(s));
    }

    #[test]
    fn from_url_never_panics(s in any::<String>()) {
        let _ = from_url(&s);
    }

    #[test]
    fn from_url_never_panics_on_plausible_input(s in "1\\.[A-Za-z0-9_-]{0,200}") {
        let _ = from_url(&s);
    }

    #[test]
    fn from_url_never_panics_on_any_json(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = from_url(&to_url_of_json(&bytes));
    }
}
