//! Every filter operator on hand-made fiches, AND / OR / NOT nesting, the built-in segments.

use std::collections::BTreeMap;

use crate::segment_support::{bought, day, fiche, rows, selects, selects_with, stats, today};
use crate::support::labelled;
use carnet::domain::custom_field::CustomValue;
use carnet::domain::fiche::{Address, Channel, Consent, Fiche, FicheKind, Sex, Status};
use carnet::domain::segment::{
    builtin_counts, BuiltinId, Computed, Condition, CustomOp, CustomerType, DateField, DateOp,
    Filter, FoldedText, ListField, ListOp, Needle, NumField, Range, Rfm, RfmPart, TextField,
    TextOp,
};
use carnet::domain::summary::Summary;
use chrono::NaiveDate;

use Condition as C;

fn consent(granted: bool) -> Option<Consent> {
    Some(Consent {
        granted,
        date: day(2024, 3, 1),
        source: "formulaire".into(),
    })
}

/// A fully filled company fiche; 45 today.
fn helene() -> Fiche {
    let mut f = fiche("h");
    f.kind = FicheKind::Company;
    f.status = Status::Client;
    f.first_name = "Hélène".into();
    f.last_name = "Dupré".into();
    f.company = "Les Délices".into();
    f.job_title = "Gérante".into();
    f.sector = "Boulangerie".into();
    f.sex = Some(Sex::Female);
    f.birth_date = Some(day(1980, 6, 15));
    f.revenue_cents = Some(48_500_000);
    f.headcount = Some(7);
    f.addresses = vec![Address {
        street: "12 rue de la République".into(),
        postal_code: " 69001".into(),
        city: "Lyon".into(),
        region: "Auvergne-Rhône-Alpes".into(),
        country: "France".into(),
        ..Address::default()
    }];
    f.phones = vec![labelled("+33612345678")];
    f.emails = vec![labelled(" "), labelled("helene@delices.fr")];
    f.website = "https://delices.fr".into();
    f.owner = "Camille".into();
    f.source = "Salon".into();
    f.first_contact = Some(day(2019, 9, 14));
    f.preferred_channel = Some(Channel::Email);
    f.interests = vec!["Pâtisserie".into(), "vins".into()];
    f.tags = vec!["VIP".into(), "Fidélité".into()];
    f.notes = "Livraison le mardi.".into();
    f.custom = BTreeMap::from([
        ("t".to_string(), CustomValue::Text("5W30".into())),
        ("n".to_string(), CustomValue::Number(12.5)),
        ("a".to_string(), CustomValue::Amount(1999)),
        ("d".to_string(), CustomValue::Date(day(2024, 2, 29))),
        ("b".to_string(), CustomValue::Bool(false)),
        ("c".to_string(), CustomValue::Choice("Électrique".into())),
        (
            "m".to_string(),
            CustomValue::Choices(vec!["chat".into(), "chien".into()]),
        ),
    ]);
    f.consents.email = consent(true);
    f.consents.sms = consent(false);
    f
}

/// Hélène with two purchases of 25 € (400 and 100 days ago), loyal, RFM 4-2-5.
fn on_helene(c: Condition) -> bool {
    let computed = Computed {
        kind: CustomerType::Loyal,
        rfm: Some(Rfm { r: 4, f: 2, m: 5 }),
    };
    selects_with(&c.into(), &helene(), &bought(&[400, 100], 2500), &computed)
}

/// On an empty fiche without history.
fn on_blank(c: Condition) -> bool {
    selects(&c.into(), &fiche("blank"))
}

fn n(s: &str) -> Needle {
    Needle::new(s)
}

fn ns(words: &[&str]) -> Vec<Needle> {
    words.iter().map(|w| n(w)).collect()
}

fn range<T: PartialOrd>(min: Option<T>, max: Option<T>) -> Range<T> {
    Range::new(min, max)
}

fn text(field: TextField, op: TextOp) -> bool {
    on_helene(C::Text(field, op))
}

#[test]
fn text_contains_ignores_case_and_accents() {
    use TextField::*;
    assert!(text(Name, TextOp::Contains(n("HELENE"))));
    assert!(text(Name, TextOp::Contains(n("dupre"))));
    assert!(
        text(Name, TextOp::Contains(n("délices"))),
        "the company is a name"
    );
    assert!(!text(Name, TextOp::Contains(n("xyz"))));
    assert!(text(Name, TextOp::Contains(n(""))));
    assert!(text(Region, TextOp::Contains(n("Rhône"))));
    assert!(text(Street, TextOp::Contains(n("REPUBLIQUE"))));
    assert!(text(JobTitle, TextOp::Contains(n("gerante"))));
    assert!(text(Notes, TextOp::Contains(n("MARDI"))));
    assert!(text(Phone, TextOp::Contains(n("+336"))));
    assert!(
        text(Email, TextOp::Contains(n("delices"))),
        "any of the e-mails"
    );
    assert!(text(Website, TextOp::Contains(n("delices.fr"))));
    assert!(!text(FirstName, TextOp::Contains(n("dupre"))));
}

#[test]
fn text_equals_and_prefix() {
    use TextField::*;
    assert!(text(FirstName, TextOp::Equals(n("  helene "))));
    assert!(!text(FirstName, TextOp::Equals(n("hél"))));
    assert!(text(LastName, TextOp::Equals(n("DUPRÉ"))));
    assert!(text(Company, TextOp::Equals(n("les delices"))));
    assert!(text(City, TextOp::Equals(n("LYON"))));
    assert!(text(Country, TextOp::Equals(n("france"))));
    assert!(text(Owner, TextOp::Equals(n("camille"))));
    assert!(text(Source, TextOp::Equals(n("salon"))));
    assert!(text(Sector, TextOp::Equals(n("boulangerie"))));
    assert!(
        text(PostalCode, TextOp::Prefix(n("69"))),
        "leading space ignored"
    );
    assert!(text(PostalCode, TextOp::Prefix(n("69001"))));
    assert!(!text(PostalCode, TextOp::Prefix(n("690010"))));
    assert!(!text(PostalCode, TextOp::Prefix(n("75"))));
    assert!(text(LastName, TextOp::Prefix(n("du"))));
}

#[test]
fn text_empty_and_not_empty() {
    use TextField::*;
    assert!(!text(Email, TextOp::Empty), "one of the two is filled");
    assert!(text(Email, TextOp::NotEmpty));
    for field in TextField::ALL {
        assert!(on_blank(C::Text(field, TextOp::Empty)), "{field:?}");
        assert!(!on_blank(C::Text(field, TextOp::NotEmpty)), "{field:?}");
        assert!(!on_blank(C::Text(field, TextOp::Contains(n("a")))));
    }
    let mut f = fiche("x");
    f.emails = vec![labelled("  ")];
    assert!(selects(&C::Text(Email, TextOp::Empty).into(), &f));
}

fn num(field: NumField, min: Option<i64>, max: Option<i64>) -> bool {
    on_helene(C::Number(field, range(min, max)))
}

#[test]
fn number_ranges_are_inclusive() {
    use NumField::*;
    assert!(num(Revenue, Some(48_500_000), None));
    assert!(!num(Revenue, None, Some(48_499_999)));
    assert!(num(Headcount, Some(7), Some(7)));
    assert!(num(TotalSpent, Some(5000), Some(5000)));
    assert!(num(Orders, Some(2), Some(2)));
    assert!(num(AverageBasket, Some(2500), Some(2500)));
    assert!(num(Contacts, Some(2), None));
    assert!(num(Age, Some(45), Some(45)), "45 on the day");
    assert!(!num(Age, Some(46), None));
    let mut f = fiche("young");
    f.birth_date = Some(day(1980, 6, 16));
    let age_44 = C::Number(Age, range(Some(44), Some(44)));
    assert!(selects(&age_44.into(), &f), "44 until tomorrow");
}

#[test]
fn missing_numbers_never_match() {
    use NumField::*;
    for field in [Revenue, Headcount, AverageBasket, Age] {
        assert!(
            num(field, None, None),
            "{field:?}: an open range is 'has a value'"
        );
        assert!(!on_blank(C::Number(field, Range::default())), "{field:?}");
    }
    assert!(on_blank(C::Number(TotalSpent, range(Some(0), Some(0)))));
    assert!(on_blank(C::Number(Orders, range(None, Some(0)))));
    let mut future = fiche("unborn");
    future.birth_date = Some(day(2030, 1, 1));
    assert!(!selects(&C::Number(Age, Range::default()).into(), &future));
}

fn date(field: DateField, op: DateOp) -> bool {
    on_helene(C::Date(field, op))
}

fn between(min: Option<NaiveDate>, max: Option<NaiveDate>) -> DateOp {
    DateOp::Between(range(min, max))
}

#[test]
fn date_ranges_and_last_days() {
    use DateField::*;
    let (y80, y81) = (day(1980, 1, 1), day(1981, 1, 1));
    assert!(date(BirthDate, between(Some(y80), Some(day(1980, 12, 31)))));
    assert!(!date(BirthDate, between(Some(y81), None)));
    assert!(date(BirthDate, between(None, Some(y81))));
    let jan1 = day(2024, 1, 1);
    assert!(
        date(Created, between(Some(jan1), Some(jan1))),
        "instants count by day"
    );
    assert!(date(Updated, between(Some(jan1), Some(jan1))));
    assert!(date(FirstContact, between(Some(day(2019, 9, 14)), None)));
    assert!(
        date(LastPurchase, DateOp::LastDays(100)),
        "100 days ago is included"
    );
    assert!(!date(LastPurchase, DateOp::LastDays(99)));
    assert!(date(FirstPurchase, DateOp::LastDays(400)));
    assert!(!date(FirstPurchase, DateOp::LastDays(399)));
    assert!(date(LastContact, DateOp::LastDays(100)));
    assert!(
        date(FirstContact, DateOp::LastDays(u32::MAX)),
        "no overflow"
    );
    let mut future = fiche("f");
    future.first_contact = Some(day(2025, 6, 16));
    let last_10 = C::Date(FirstContact, DateOp::LastDays(10));
    assert!(
        !selects(&last_10.into(), &future),
        "tomorrow is not in the last days"
    );
}

#[test]
fn date_anniversary_and_emptiness() {
    use DateField::*;
    assert!(
        date(BirthDate, DateOp::Anniversary(None)),
        "born in June, today is in June"
    );
    assert!(date(BirthDate, DateOp::Anniversary(Some(6))));
    assert!(!date(BirthDate, DateOp::Anniversary(Some(7))));
    assert!(!date(BirthDate, DateOp::Anniversary(Some(13))));
    assert!(date(BirthDate, DateOp::NotEmpty));
    assert!(!date(BirthDate, DateOp::Empty));
    for field in [
        FirstContact,
        FirstPurchase,
        LastPurchase,
        LastContact,
        BirthDate,
    ] {
        assert!(on_blank(C::Date(field, DateOp::Empty)), "{field:?}");
        assert!(
            !on_blank(C::Date(field, DateOp::Anniversary(None))),
            "{field:?}"
        );
        assert!(
            !on_blank(C::Date(field, DateOp::LastDays(10_000))),
            "{field:?}"
        );
    }
    assert!(!on_blank(C::Date(Created, DateOp::Empty)), "always set");
}

fn tags(op: ListOp) -> bool {
    on_helene(C::List(ListField::Tags, op))
}

#[test]
fn tags_and_interests() {
    assert!(tags(ListOp::AnyOf(ns(&["fidelite", "nope"]))));
    assert!(!tags(ListOp::AnyOf(ns(&["fidel"]))), "whole words only");
    assert!(tags(ListOp::AllOf(ns(&["vip", " FIDÉLITÉ "]))));
    assert!(!tags(ListOp::AllOf(ns(&["vip", "nope"]))));
    assert!(!tags(ListOp::NoneOf(ns(&["nope", "Vip"]))));
    assert!(tags(ListOp::NoneOf(ns(&["nope"]))));
    assert!(!tags(ListOp::Empty));
    assert!(!tags(ListOp::AnyOf(vec![])));
    assert!(tags(ListOp::AllOf(vec![])));
    assert!(tags(ListOp::NoneOf(vec![])));
    assert!(on_blank(C::List(ListField::Tags, ListOp::Empty)));
    assert!(on_blank(C::List(
        ListField::Interests,
        ListOp::NoneOf(ns(&["vins"]))
    )));
    let interests = |op| on_helene(C::List(ListField::Interests, op));
    assert!(interests(ListOp::AnyOf(ns(&["patisserie"]))));
    assert!(!interests(ListOp::AnyOf(ns(&["vip"]))));
}

#[test]
fn consent_type_rfm_and_plain_choices() {
    assert!(on_helene(C::Consent(Channel::Email)));
    assert!(!on_helene(C::Consent(Channel::Sms)), "withdrawn");
    assert!(!on_helene(C::Consent(Channel::Phone)), "never asked");
    use CustomerType::*;
    assert!(on_helene(C::CustomerType(vec![New, Loyal])));
    assert!(!on_helene(C::CustomerType(vec![Prospect])));
    assert!(!on_helene(C::CustomerType(vec![])));
    assert!(on_blank(C::CustomerType(vec![Prospect])));
    assert!(on_helene(C::Rfm(RfmPart::Recency, range(Some(4), Some(5)))));
    assert!(on_helene(C::Rfm(RfmPart::Monetary, range(Some(5), None))));
    assert!(!on_helene(C::Rfm(RfmPart::Frequency, range(Some(3), None))));
    assert!(
        !on_blank(C::Rfm(RfmPart::Frequency, Range::default())),
        "prospect"
    );
    assert!(on_helene(C::Kind(FicheKind::Company)));
    assert!(on_blank(C::Kind(FicheKind::Person)));
    assert!(on_helene(C::Status(Status::Client)));
    assert!(on_blank(C::Status(Status::Prospect)));
    assert!(on_helene(C::Sex(Sex::Female)));
    assert!(!on_helene(C::Sex(Sex::Male)));
    assert!(!on_blank(C::Sex(Sex::Female)));
    assert!(on_helene(C::PreferredChannel(Channel::Email)));
    assert!(!on_blank(C::PreferredChannel(Channel::Email)));
}

fn custom(id: &str, op: CustomOp) -> bool {
    on_helene(C::Custom(id.into(), op))
}

#[test]
fn custom_fields_by_kind() {
    assert!(custom("t", CustomOp::Text(TextOp::Contains(n("5w")))));
    assert!(custom("c", CustomOp::Text(TextOp::Equals(n("electrique")))));
    assert!(custom("m", CustomOp::Text(TextOp::Equals(n("CHAT")))));
    assert!(!custom("t", CustomOp::Text(TextOp::Empty)));
    assert!(custom("missing", CustomOp::Text(TextOp::Empty)));
    assert!(custom("n", CustomOp::Range(range(Some(12.5), Some(12.5)))));
    assert!(!custom("n", CustomOp::Range(range(Some(12.6), None))));
    assert!(
        custom("a", CustomOp::Range(range(Some(1999.0), None))),
        "cents"
    );
    assert!(!custom("t", CustomOp::Range(Range::default())));
    assert!(!custom("missing", CustomOp::Range(Range::default())));
    let feb29 = day(2024, 2, 29);
    assert!(custom(
        "d",
        CustomOp::Date(between(Some(feb29), Some(feb29)))
    ));
    assert!(custom("d", CustomOp::Date(DateOp::Anniversary(Some(2)))));
    assert!(custom("missing", CustomOp::Date(DateOp::Empty)));
    assert!(custom("t", CustomOp::Date(DateOp::Empty)), "not a date");
    assert!(custom("b", CustomOp::Yes(false)));
    assert!(!custom("b", CustomOp::Yes(true)));
    assert!(
        !custom("missing", CustomOp::Yes(false)),
        "unknown is not no"
    );
    assert!(custom(
        "c",
        CustomOp::List(ListOp::AnyOf(ns(&["électrique", "diesel"])))
    ));
    assert!(custom(
        "m",
        CustomOp::List(ListOp::AnyOf(ns(&["chien", "lapin"])))
    ));
    assert!(custom(
        "m",
        CustomOp::List(ListOp::AllOf(ns(&["Chat", "chien"])))
    ));
    assert!(!custom("m", CustomOp::List(ListOp::NoneOf(ns(&["chat"])))));
    assert!(custom("missing", CustomOp::List(ListOp::Empty)));
    assert!(!custom(
        "missing",
        CustomOp::List(ListOp::AnyOf(ns(&["chat"])))
    ));
}

fn yes() -> Filter {
    C::Kind(FicheKind::Company).into()
}

fn no() -> Filter {
    C::Kind(FicheKind::Person).into()
}

fn on_h(f: Filter) -> bool {
    selects(&f, &helene())
}

#[test]
fn and_or_not_nesting() {
    use Filter::*;
    assert!(on_h(All(vec![])), "the empty filter lists everything");
    assert!(on_h(Filter::default()));
    assert!(!on_h(Any(vec![])));
    assert!(!on_h(All(vec![]).negate()));
    assert!(on_h(yes()) && !on_h(no()));
    assert!(on_h(Any(vec![no(), yes()])));
    assert!(!on_h(All(vec![yes(), no()])));
    assert!(on_h(All(vec![yes(), no().negate()])));
    assert!(on_h(yes().negate().negate()));
    // (person OR postal code 69…) AND NOT sms consent AND (anything but (company AND NOT 69…))
    let rhone: Filter = C::Text(TextField::PostalCode, TextOp::Prefix(n("69"))).into();
    let nested = All(vec![
        Any(vec![no(), rhone.clone()]),
        Filter::from(C::Consent(Channel::Sms)).negate(),
        All(vec![yes(), rhone.negate()]).negate(),
    ]);
    assert!(on_h(nested.clone()));
    assert!(!on_h(Not(Box::new(nested))));
}

/// One fiche of each type with the built-in segments each belongs to.
fn small_file() -> (Vec<Fiche>, Vec<Summary>) {
    let mut prospect = fiche("prospect");
    prospect.emails = vec![labelled("p@x.fr")];
    prospect.birth_date = Some(day(1990, 6, 30));
    let mut new = fiche("new");
    new.kind = FicheKind::Company;
    new.phones = vec![labelled("0478000000")];
    new.consents.email = consent(true);
    let occasional = fiche("occasional");
    let mut loyal = fiche("loyal");
    loyal.phones = vec![labelled("0600000000")];
    loyal.consents.sms = consent(true);
    let mut inactive = fiche("inactive");
    inactive.emails = vec![labelled("i@x.fr")];
    inactive.consents.email = consent(false);
    inactive.birth_date = Some(day(1990, 7, 1));
    let summaries = vec![
        Summary::default(),
        bought(&[20], 100),
        bought(&[1000, 200], 100),
        bought(&[300, 200, 100], 100),
        bought(&[500], 100),
    ];
    (vec![prospect, new, occasional, loyal, inactive], summaries)
}

#[test]
fn builtin_segments_and_their_counts() {
    let (fiches, summaries) = small_file();
    let st = stats(&summaries);
    let computed: Vec<Computed> = summaries.iter().map(|s| st.compute(s)).collect();
    let kinds: Vec<CustomerType> = computed.iter().map(|c| c.kind).collect();
    use CustomerType::*;
    assert_eq!(kinds, [Prospect, New, Occasional, Loyal, Inactive]);
    let texts: Vec<FoldedText> = fiches.iter().map(FoldedText::new).collect();
    let rows = rows(&fiches, &summaries, &computed, &texts);
    let counts = builtin_counts(rows.iter().copied(), today());
    use BuiltinId as B;
    let want = [
        (B::Prospects, 1),
        (B::New, 1),
        (B::Occasional, 1),
        (B::Loyal, 1),
        (B::Inactive, 1),
        (B::B2b, 1),
        (B::B2c, 4),
        (B::BirthdaysThisMonth, 1),
        (B::NoMarketingConsent, 3),
        (B::Incomplete, 1),
    ];
    assert_eq!(counts, want);
    // The counts are those of the filters, and name the expected fiches.
    for (id, count) in counts {
        let hits: Vec<&str> = rows
            .iter()
            .filter(|&&row| id.filter().matches(row, today()))
            .map(|row| row.fiche.id.as_str())
            .collect();
        assert_eq!(hits.len(), count, "{id:?}");
        let expected: &[&str] = match id {
            B::B2b => &["new"],
            B::BirthdaysThisMonth => &["prospect"],
            B::NoMarketingConsent => &["prospect", "occasional", "inactive"],
            B::Incomplete => &["occasional"],
            _ => &hits,
        };
        assert_eq!(hits, expected, "{id:?}");
    }
}

#[test]
fn builtin_ids_are_stable() {
    let ids: Vec<&str> = BuiltinId::ALL.iter().map(|b| b.id()).collect();
    assert_eq!(
        ids,
        [
            "prospects",
            "new",
            "occasional",
            "loyal",
            "inactive",
            "b2b",
            "b2c",
            "birthdays_this_month",
            "no_marketing_consent",
            "incomplete"
        ]
    );
    for b in BuiltinId::ALL {
        assert_eq!(BuiltinId::from_id(b.id()), Some(b));
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            format!("\"{}\"", b.id())
        );
    }
    assert_eq!(BuiltinId::from_id("Loyal"), None);
}

#[test]
fn empty_file() {
    let counts = builtin_counts([], today());
    assert_eq!(counts.len(), BuiltinId::ALL.len());
    assert!(counts.iter().all(|&(_, n)| n == 0));
}

#[test]
fn an_empty_needle_does_not_filter() {
    for op in [
        TextOp::Contains(n("")),
        TextOp::Equals(n("  ")),
        TextOp::Prefix(n("")),
    ] {
        assert!(on_blank(C::Text(TextField::City, op.clone())), "{op:?}");
        assert!(on_blank(C::Custom("t".into(), CustomOp::Text(op))));
    }
}

#[test]
fn folded_text_keeps_fields_and_custom_ids_apart() {
    let mut f = fiche("x");
    f.first_name = "Jean".into();
    f.last_name = "Du\u{1e}pont".into();
    f.tags = vec!["a\u{1f}b".into()];
    f.notes = "é".repeat(70_000);
    f.interests = vec!["vélo".into()];
    f.custom = BTreeMap::from([
        ("a".to_string(), CustomValue::Text("un".into())),
        ("ab".to_string(), CustomValue::Text("deux".into())),
    ]);
    let is = |c: Condition| selects(&c.into(), &f);
    use TextField::*;
    assert!(
        is(C::Text(LastName, TextOp::Equals(n("du pont")))),
        "separators become spaces"
    );
    assert!(is(C::Text(Name, TextOp::Contains(n("jean")))));
    assert!(
        !is(C::Text(Name, TextOp::Contains(n("jeandu")))),
        "never across two fields"
    );
    assert!(!is(C::Text(Name, TextOp::Contains(n("jean\u{1e}du")))));
    assert!(!is(C::Text(FirstName, TextOp::Contains(n("du")))));
    assert!(is(C::List(ListField::Tags, ListOp::AnyOf(ns(&["a b"])))));
    assert!(
        is(C::List(ListField::Interests, ListOp::AllOf(ns(&["velo"])))),
        "after long notes"
    );
    assert!(is(C::Text(Notes, TextOp::Prefix(n("éé")))));
    let custom = |id: &str, word: &str| {
        is(C::Custom(
            id.into(),
            CustomOp::Text(TextOp::Equals(n(word))),
        ))
    };
    assert!(custom("a", "un") && !custom("a", "deux"));
    assert!(custom("ab", "deux") && !custom("ab", "un"));
    assert!(!custom("b", "deux"));
    assert!(
        FoldedText::new(&f).heap_bytes() > 70_000,
        "é folds to one byte"
    );
}
