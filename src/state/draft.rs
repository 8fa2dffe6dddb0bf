//! A fiche being edited in a form: the record itself plus the text of the inputs that need
//! parsing (dates, amounts, lists, custom values). Turning it back into a fiche reports every
//! unparseable input by field, like validation does.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::domain::custom_field::{value_to_input, CustomFieldDef};
use crate::domain::dates::{iso_date, parse_iso_date};
use crate::domain::fiche::{Address, Channel, Consent, Fiche, Labelled};
use crate::domain::lang::Lang;
use crate::domain::money::{format_amount_plain, parse_amount};
use crate::domain::validate::{parse_custom_input, parse_headcount, FieldError, Problem};

/// What the consent inputs of one channel hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConsentDraft {
    /// "" (never asked), "granted" or "withdrawn".
    pub state: String,
    /// yyyy-mm-dd from a date input; empty means today.
    pub date: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FicheDraft {
    pub fiche: Fiche,
    pub birth_date: String,
    pub first_contact: String,
    pub revenue: String,
    pub headcount: String,
    pub tags: String,
    pub interests: String,
    /// Input text per custom field id.
    pub custom: BTreeMap<String, String>,
    /// In the order of `Channel::CONSENT`.
    pub consents: [ConsentDraft; 4],
}

/// The serde name of a unit enum variant, used as the value of `<option>`s. Through JSON text,
/// the app's one serde path (`to_value`/`from_value` would compile a second copy of every enum's
/// serde code).
pub fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(s) if s.len() >= 2 && s.starts_with('"') => s[1..s.len() - 1].to_string(),
        _ => String::new(),
    }
}

/// The variant whose serde name is `code`; `None` for "" or anything unknown.
pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    let quoted = serde_json::to_string(code).ok()?;
    serde_json::from_str(&quoted).ok()
}

fn iso(d: Option<NaiveDate>) -> String {
    d.map(iso_date).unwrap_or_default()
}

impl FicheDraft {
    /// A draft of `fiche`, with one empty phone, e-mail and address row where it has none so
    /// that the form always offers them.
    pub fn new(mut fiche: Fiche, defs: &[CustomFieldDef], lang: Lang) -> FicheDraft {
        if fiche.phones.is_empty() {
            fiche.phones.push(Labelled::default());
        }
        if fiche.emails.is_empty() {
            fiche.emails.push(Labelled::default());
        }
        if fiche.addresses.is_empty() {
            fiche.addresses.push(Address::default());
        }
        let consents = Channel::CONSENT.map(|ch| match fiche.consents.get(ch) {
            Some(c) => ConsentDraft {
                state: if c.granted { "granted" } else { "withdrawn" }.to_string(),
                date: iso(Some(c.date)),
                source: c.source.clone(),
            },
            None => ConsentDraft::default(),
        });
        let custom = defs
            .iter()
            .filter_map(|d| {
                fiche
                    .custom
                    .get(&d.id)
                    .map(|v| (d.id.clone(), value_to_input(v, lang)))
            })
            .collect();
        FicheDraft {
            birth_date: iso(fiche.birth_date),
            first_contact: iso(fiche.first_contact),
            revenue: fiche
                .revenue_cents
                .map(format_amount_plain)
                .unwrap_or_default(),
            headcount: fiche.headcount.map(|h| h.to_string()).unwrap_or_default(),
            tags: fiche.tags.join(", "),
            interests: fiche.interests.join(", "),
            custom,
            consents,
            fiche,
        }
    }

    /// The fiche the inputs describe, or every input that could not be read. Rules about the
    /// values themselves (e-mail syntax, dates in range…) are `validate_fiche`'s job.
    pub fn to_fiche(
        &self,
        defs: &[CustomFieldDef],
        today: NaiveDate,
    ) -> Result<Fiche, Vec<FieldError>> {
        let mut f = self.fiche.clone();
        let mut errors = Vec::new();
        let mut err = |field: &str, problem: Problem| {
            errors.push(FieldError {
                field: field.to_string(),
                problem,
            })
        };
        f.birth_date = parse_iso(&self.birth_date).unwrap_or_else(|()| {
            err("birth_date", Problem::InvalidDate);
            None
        });
        f.first_contact = parse_iso(&self.first_contact).unwrap_or_else(|()| {
            err("first_contact", Problem::InvalidDate);
            None
        });
        f.revenue_cents = match self.revenue.trim() {
            "" => None,
            raw => parse_amount(raw).map(Some).unwrap_or_else(|_| {
                err("revenue", Problem::InvalidAmount);
                None
            }),
        };
        f.headcount = parse_headcount(&self.headcount).unwrap_or_else(|p| {
            err("headcount", p);
            None
        });
        f.tags = split_list(&self.tags);
        f.interests = split_list(&self.interests);
        f.custom.retain(|id, _| !defs.iter().any(|d| &d.id == id));
        for def in defs {
            let raw = self.custom.get(&def.id).map(String::as_str).unwrap_or("");
            match parse_custom_input(def, raw) {
                Ok(Some(v)) => {
                    f.custom.insert(def.id.clone(), v);
                }
                Ok(None) => {}
                Err(p) => err(&format!("custom.{}", def.id), p),
            }
        }
        for (ch, draft) in Channel::CONSENT.iter().zip(&self.consents) {
            let granted = match draft.state.as_str() {
                "granted" => Some(true),
                "withdrawn" => Some(false),
                _ => None,
            };
            let value = match granted {
                None => None,
                Some(granted) => {
                    let date = match parse_iso(&draft.date) {
                        Ok(d) => d.unwrap_or(today),
                        Err(()) => {
                            err(&format!("consents.{}", code(ch)), Problem::InvalidDate);
                            today
                        }
                    };
                    Some(Consent {
                        granted,
                        date,
                        source: draft.source.trim().to_string(),
                    })
                }
            };
            if let Some(slot) = f.consents.slot(*ch) {
                *slot = value;
            }
        }
        if errors.is_empty() {
            Ok(f)
        } else {
            Err(errors)
        }
    }
}

/// An `<input type=date>` value: empty is `None`, anything but yyyy-mm-dd is an error.
fn parse_iso(raw: &str) -> Result<Option<NaiveDate>, ()> {
    match raw.trim() {
        "" => Ok(None),
        s => parse_iso_date(s).map(Some).ok_or(()),
    }
}

/// "a, b ,, c" -> ["a", "b", "c"].
fn split_list(raw: &str) -> Vec<String> {
    raw.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::custom_field::{CustomKind, CustomValue};
    use crate::domain::fiche::Civility;
    use chrono::{TimeZone, Utc};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn base() -> Fiche {
        let mut f = Fiche::new(
            "x".into(),
            Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap(),
        );
        f.first_name = "Hélène".into();
        f
    }

    #[test]
    fn a_draft_round_trips_a_full_fiche() {
        let defs = vec![CustomFieldDef {
            id: "oil".into(),
            name: "Huile".into(),
            kind: CustomKind::Choice,
            options: vec!["5W30".into(), "10W40".into()],
        }];
        let mut f = base();
        f.civility = Some(Civility::Mrs);
        f.birth_date = NaiveDate::from_ymd_opt(1980, 2, 29);
        f.revenue_cents = Some(123_456);
        f.headcount = Some(12);
        f.tags = vec!["vip".into(), "lyon".into()];
        f.interests = vec!["vin".into()];
        f.custom
            .insert("oil".into(), CustomValue::Choice("5W30".into()));
        f.consents.email = Some(Consent {
            granted: true,
            date: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
            source: "formulaire signé".into(),
        });
        f.phones.push(Labelled {
            label: "mobile".into(),
            value: "06 12 34 56 78".into(),
        });
        f.emails.push(Labelled::default());
        f.addresses.push(Address::default());
        let draft = FicheDraft::new(f.clone(), &defs, Lang::Fr);
        assert_eq!(draft.to_fiche(&defs, today()), Ok(f));
    }

    #[test]
    fn unreadable_inputs_are_reported_by_field() {
        let mut d = FicheDraft::new(base(), &[], Lang::Fr);
        d.revenue = "beaucoup".into();
        d.headcount = "-3".into();
        d.birth_date = "31/02/1990".into();
        d.consents[0].state = "granted".into();
        d.consents[0].date = "hier".into();
        let errors = d.to_fiche(&[], today()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["birth_date", "revenue", "headcount", "consents.email"]
        );
    }

    #[test]
    fn a_consent_without_date_is_dated_today_and_unasked_ones_stay_empty() {
        let mut d = FicheDraft::new(base(), &[], Lang::Fr);
        d.consents[1].state = "withdrawn".into();
        let f = d.to_fiche(&[], today()).unwrap();
        assert_eq!(
            f.consents.sms.as_ref().map(|c| (c.granted, c.date)),
            Some((false, today()))
        );
        assert!(f.consents.email.is_none());
    }

    #[test]
    fn enum_codes_are_the_serde_names() {
        assert_eq!(code(&Channel::InPerson), "in_person");
        assert_eq!(from_code::<Channel>("sms"), Some(Channel::Sms));
        assert_eq!(from_code::<Channel>(""), None);
    }
}
