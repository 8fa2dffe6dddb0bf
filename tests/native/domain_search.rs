//! Accent-insensitive search over fiches.

use carnet::domain::fiche::{Address, Fiche, FicheKind, Labelled};
use carnet::domain::search::{fold, haystack, Query};
use chrono::{TimeZone, Utc};
use proptest::prelude::*;

fn fiche(first: &str, last: &str) -> Fiche {
    let mut f = Fiche::new(
        "id-1".into(),
        Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap(),
    );
    f.first_name = first.into();
    f.last_name = last.into();
    f
}

fn finds(query: &str, f: &Fiche) -> bool {
    Query::new(query).matches(&haystack(f))
}

#[test]
fn fold_removes_case_and_accents() {
    assert_eq!(fold("Hélène"), "helene");
    assert_eq!(fold("HÉLÈNE"), "helene");
    assert_eq!(fold("Jérôme François"), "jerome francois");
    assert_eq!(fold("Zoé Noël Anaïs"), "zoe noel anais");
    assert_eq!(fold("ÀÂÄ ÎÏ ÔÖ ÙÛÜ Ç Ÿ"), "aaa ii oo uuu c y");
    assert_eq!(fold("Œuvre cœur Æsir"), "oeuvre coeur aesir");
    assert_eq!(fold("Straße STRASSE"), "strasse strasse");
    assert_eq!(fold("Muñoz Núñez"), "munoz nunez");
    assert_eq!(fold("João Conceição"), "joao conceicao");
    assert_eq!(fold("Łódź Dvořák"), "lodz dvorak");
    assert_eq!(fold("O’Brien"), "o'brien");
    // Decomposed input: "e" followed by a combining acute accent.
    assert_eq!(fold("He\u{301}le\u{300}ne"), "helene");
    assert_eq!(fold("Москва 東京"), "москва 東京");
    assert_eq!(fold(""), "");
}

#[test]
fn names_are_found_without_accents_or_case() {
    let f = fiche("Hélène", "Dupré");
    assert!(finds("helene", &f));
    assert!(finds("HÉLÈNE", &f));
    assert!(finds("hél", &f));
    assert!(finds("dupre helene", &f));
    assert!(finds("  Dupré   Hélène ", &f));
    assert!(!finds("helene martin", &f));
    let upper = fiche("HELENE", "DUPRE");
    assert!(finds("Hélène", &upper));
}

#[test]
fn the_empty_query_matches_everything() {
    let q = Query::new("   ");
    assert!(q.is_empty());
    assert!(q.matches(""));
    assert!(q.matches(&haystack(&fiche("A", "B"))));
}

#[test]
fn emails_companies_cities_and_postal_codes_are_searched() {
    let mut f = fiche("Jérôme", "Bénard");
    f.kind = FicheKind::Company;
    f.company = "Boulangerie Ménard SARL".into();
    f.emails.push(Labelled {
        label: "pro".into(),
        value: "J.Benard@Exemple.fr".into(),
    });
    f.addresses.push(Address {
        city: "Saint-Étienne".into(),
        postal_code: "42000".into(),
        ..Address::default()
    });
    assert!(finds("menard", &f));
    assert!(finds("benard@exemple", &f));
    assert!(finds("saint-etienne", &f));
    assert!(finds("42000", &f));
    assert!(finds("420", &f));
    assert!(finds("jerome", &f));
    assert!(!finds("lyon", &f));
}

#[test]
fn phones_are_found_in_every_form() {
    let mut f = fiche("Zoé", "Martin");
    f.phones.push(Labelled {
        label: "mobile".into(),
        value: "+33 6 12 34 56 78".into(),
    });
    for q in [
        "0612",
        "06 12 34",
        "06.12.34.56.78",
        "0612345678",
        "33612",
        "+33 6 12",
        "+33612345678",
        "5678",
    ] {
        assert!(finds(q, &f), "{q:?}");
    }
    assert!(!finds("0699", &f));

    let mut national = fiche("Zoé", "Martin");
    national.phones.push(Labelled {
        label: String::new(),
        value: "06 12 34 56 78".into(),
    });
    assert!(finds("+33612345678", &national));
    assert!(finds("0612345678", &national));

    let mut foreign = fiche("John", "Smith");
    foreign.phones.push(Labelled {
        label: String::new(),
        value: "+44 20 7946 0958".into(),
    });
    assert!(finds("7946 0958", &foreign));
    assert!(finds("+44 20 7946", &foreign));
}

#[test]
fn query_words_do_not_match_across_fields() {
    let f = fiche("Anne", "Marie");
    // "annemarie" must not match "anne\nmarie" and a word never straddles the separator.
    assert!(!finds("annemarie", &f));
    assert!(finds("anne marie", &f));
}

proptest! {
    #[test]
    fn fold_never_panics_and_is_idempotent(s in "\\PC*") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn fold_of_any_unicode_never_panics(s in any::<String>()) {
        let _ = fold(&s);
        let _ = Query::new(&s).matches(&s);
    }

    #[test]
    fn a_fiche_is_found_by_its_own_name(first in "[A-Za-zÀ-ÿ]{1,12}", last in "[A-Za-zÀ-ÿ]{1,12}") {
        let f = fiche(&first, &last);
        prop_assert!(finds(&first, &f));
        let both = format!("{last} {first}");
        prop_assert!(finds(&both, &f));
    }
}
