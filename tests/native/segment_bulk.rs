//! Bulk actions: only changed fiches come back; the mailing list keeps the consented.

use crate::segment_support::{day, fiche};
use carnet::domain::fiche::{Consent, Fiche, Labelled, Status};
use carnet::domain::segment::{
    add_tag, mailing_list, remove_tag, set_owner, set_status, Mailing, Skip,
};

fn tagged(id: &str, tags: &[&str]) -> Fiche {
    let mut f = fiche(id);
    f.tags = tags.iter().map(|t| t.to_string()).collect();
    f
}

fn ids(fiches: &[Fiche]) -> Vec<&str> {
    fiches.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn add_tag_skips_fiches_that_have_it_in_any_spelling() {
    let file = [
        tagged("a", &[]),
        tagged("b", &["Fidélité"]),
        tagged("c", &["vip"]),
    ];
    let changed = add_tag(&file, " fidelite ");
    assert_eq!(ids(&changed), ["a", "c"]);
    assert_eq!(changed[1].tags, ["vip", "fidelite"]);
    assert_eq!(
        changed[0].version, file[0].version,
        "versions are the save path's job"
    );
    assert!(add_tag(&file, "  ").is_empty());
}

#[test]
fn remove_tag_removes_every_spelling() {
    let file = [tagged("a", &["VIP", "x", "vip "]), tagged("b", &["x"])];
    let changed = remove_tag(&file, "vip");
    assert_eq!(ids(&changed), ["a"]);
    assert_eq!(changed[0].tags, ["x"]);
    assert!(remove_tag(&file, "absent").is_empty());
}

#[test]
fn status_and_owner() {
    let mut client = fiche("client");
    client.status = Status::Client;
    client.owner = "Camille".into();
    let file = [fiche("prospect"), client];
    assert_eq!(ids(&set_status(&file, Status::Client)), ["prospect"]);
    assert_eq!(ids(&set_status(&file, Status::Prospect)), ["client"]);
    let changed = set_owner(&file, " Camille ");
    assert_eq!(ids(&changed), ["prospect"]);
    assert_eq!(changed[0].owner, "Camille");
    assert_eq!(set_owner(&file, "").len(), 1);
    assert!(set_status([], Status::Client).is_empty());
}

fn reachable(id: &str, emails: &[&str], granted: Option<bool>) -> Fiche {
    let mut f = fiche(id);
    f.emails = emails
        .iter()
        .map(|e| Labelled {
            label: String::new(),
            value: e.to_string(),
        })
        .collect();
    f.consents.email = granted.map(|granted| Consent {
        granted,
        date: day(2024, 1, 1),
        source: String::new(),
    });
    f
}

#[test]
fn mailing_list_keeps_consented_valid_unique_addresses() {
    let file = [
        reachable("ok", &[" anne@exemple.fr "], Some(true)),
        reachable("never-asked", &["bob@exemple.fr"], None),
        reachable("withdrawn", &["carl@exemple.fr"], Some(false)),
        reachable("no-email", &[], Some(true)),
        reachable("blank", &["  "], Some(true)),
        reachable("invalid", &["not an address"], Some(true)),
        reachable("second-valid", &["nope", "dora@exemple.fr"], Some(true)),
        reachable("same", &["ANNE@exemple.fr"], Some(true)),
        reachable("no-consent-no-email", &[], None),
    ];
    let m = mailing_list(&file);
    assert_eq!(
        m,
        Mailing {
            emails: vec!["anne@exemple.fr".into(), "dora@exemple.fr".into()],
            skipped: [
                ("never-asked", Skip::NoConsent),
                ("withdrawn", Skip::ConsentWithdrawn),
                ("no-email", Skip::NoEmail),
                ("blank", Skip::NoEmail),
                ("invalid", Skip::InvalidEmail),
                ("same", Skip::Duplicate),
                ("no-consent-no-email", Skip::NoConsent),
            ]
            .map(|(id, s)| (id.to_string(), s))
            .to_vec(),
        }
    );
    assert_eq!(mailing_list([]), Mailing::default());
}
