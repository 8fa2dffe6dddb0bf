//! The customer record ("fiche") and its parts. Plain serde data: no signals, no browser types.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::custom_field::CustomValue;

/// A person (B2C) or a company (B2B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FicheKind {
    #[default]
    Person,
    Company,
}

/// Prospect (never bought) or client. Set by the user; the computed customer type comes later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Prospect,
    Client,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Civility {
    /// Monsieur
    Mr,
    /// Madame
    Mrs,
    /// Neutral title (Mx)
    Mx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
}

/// Channels a client can be reached on; `InPerson` only makes sense as a preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
    Phone,
    Post,
    InPerson,
}

impl Channel {
    /// The channels that carry a marketing consent.
    pub const CONSENT: [Channel; 4] = [Channel::Email, Channel::Sms, Channel::Phone, Channel::Post];
    pub const ALL: [Channel; 5] = [
        Channel::Email,
        Channel::Sms,
        Channel::Phone,
        Channel::Post,
        Channel::InPerson,
    ];
}

/// A phone number or e-mail address with the user's label ("mobile", "bureau"…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Labelled {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Address {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub street: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub postal_code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
}

impl Address {
    pub fn is_empty(&self) -> bool {
        self.street.trim().is_empty()
            && self.postal_code.trim().is_empty()
            && self.city.trim().is_empty()
            && self.region.trim().is_empty()
            && self.country.trim().is_empty()
    }
}

/// The state of one channel's consent, with what proves it: when and how it was given or withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub granted: bool,
    pub date: NaiveDate,
    /// How it was collected: "signed form", "website checkbox", "in store"…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// Consent per marketing channel; `None` means never asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Consents {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Consent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<Consent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Consent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<Consent>,
}

impl Consents {
    /// No channel was ever asked.
    pub fn is_empty(&self) -> bool {
        *self == Consents::default()
    }

    pub fn get(&self, channel: Channel) -> Option<&Consent> {
        match channel {
            Channel::Email => self.email.as_ref(),
            Channel::Sms => self.sms.as_ref(),
            Channel::Phone => self.phone.as_ref(),
            Channel::Post => self.post.as_ref(),
            Channel::InPerson => None,
        }
    }

    pub fn slot(&mut self, channel: Channel) -> Option<&mut Option<Consent>> {
        match channel {
            Channel::Email => Some(&mut self.email),
            Channel::Sms => Some(&mut self.sms),
            Channel::Phone => Some(&mut self.phone),
            Channel::Post => Some(&mut self.post),
            Channel::InPerson => None,
        }
    }

    pub fn granted(&self, channel: Channel) -> bool {
        self.get(channel).is_some_and(|c| c.granted)
    }
}

/// One client or prospect. Every optional text is an empty string when unknown, so forms and
/// exports never have to tell `None` from `""`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fiche {
    pub id: String,
    #[serde(default)]
    pub kind: FicheKind,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub civility: Option<Civility>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub first_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// The company itself for a company fiche; the employer for a person.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub job_title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sector: String,
    /// Yearly revenue of a company, in cents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_cents: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headcount: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Labelled>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<Labelled>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
    /// Who follows this client ("commercial en charge").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Where the contact came from: word of mouth, fair, website…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_contact: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Values of the user's own fields, by field definition id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom: BTreeMap<String, CustomValue>,
    #[serde(default, skip_serializing_if = "Consents::is_empty")]
    pub consents: Consents,
    /// This person's ids in other systems, by system ("hubspot", "dolibarr", "google"…), kept
    /// by imports so that importing the same export again updates instead of duplicating.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub external_ids: BTreeMap<String, String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Bumped on every save; a save based on an older version is refused (two tabs).
    #[serde(default)]
    pub version: u32,
}

impl Fiche {
    /// An empty fiche with a fresh id, created now.
    pub fn new(id: String, now: DateTime<Utc>) -> Self {
        Fiche {
            id,
            kind: FicheKind::Person,
            status: Status::Prospect,
            civility: None,
            first_name: String::new(),
            last_name: String::new(),
            sex: None,
            birth_date: None,
            company: String::new(),
            job_title: String::new(),
            sector: String::new(),
            revenue_cents: None,
            headcount: None,
            addresses: Vec::new(),
            phones: Vec::new(),
            emails: Vec::new(),
            website: String::new(),
            owner: String::new(),
            source: String::new(),
            first_contact: None,
            preferred_channel: None,
            interests: Vec::new(),
            tags: Vec::new(),
            notes: String::new(),
            custom: BTreeMap::new(),
            consents: Consents::default(),
            external_ids: BTreeMap::new(),
            created_at: now,
            updated_at: now,
            version: 0,
        }
    }

    /// The name shown in lists: "Last First" for a person (falling back to the company),
    /// the company name for a company.
    pub fn display_name(&self) -> String {
        let person = match (self.last_name.trim(), self.first_name.trim()) {
            ("", "") => String::new(),
            (last, "") => last.to_string(),
            ("", first) => first.to_string(),
            (last, first) => format!("{last} {first}"),
        };
        match self.kind {
            FicheKind::Company if !self.company.trim().is_empty() => {
                self.company.trim().to_string()
            }
            _ if !person.is_empty() => person,
            _ => self.company.trim().to_string(),
        }
    }

    pub fn primary_email(&self) -> Option<&str> {
        self.emails
            .iter()
            .map(|e| e.value.as_str())
            .find(|v| !v.trim().is_empty())
    }

    pub fn primary_phone(&self) -> Option<&str> {
        self.phones
            .iter()
            .map(|p| p.value.as_str())
            .find(|v| !v.trim().is_empty())
    }

    pub fn primary_city(&self) -> Option<&str> {
        self.addresses
            .iter()
            .map(|a| a.city.as_str())
            .find(|v| !v.trim().is_empty())
    }
}
