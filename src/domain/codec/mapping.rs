//! Which fiche field each column of an imported file goes to.
//!
//! Headers are compared folded (case, accents, spaces and punctuation ignored: "E-mail",
//! "Email" and "e mail" are one key). A header is looked up, in order: a custom field of exactly
//! that name, the meaning a known layout gives it (Outlook's "Title" is a civility, Dolibarr's
//! "Nom" is the company), the French and English synonyms, numbered columns ("E-mail 2 - Value",
//! "Téléphone 1", "Address 1 - City", "Business Street 2"), a custom field of the same folded
//! name. Anything else is ignored, and the plan says how many values each ignored column held.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::super::custom_field::CustomFieldDef;
use super::super::search::fold;

/// Where a column's values go. Slots number the phones, e-mails and addresses of a row from 0;
/// a label column applies its text to the value of the same slot.
///
/// Saved as a short string ("first_name", "email:0:", "phone:1:mobile", "custom:ID"; see
/// [`Target::code`]): a derived deserializer for this enum costs 13 to 26 KB of wasm.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Target {
    Ignore,
    /// The fiche's own id (Carnet's exports): matches the fiche, or is reused for a new one.
    CarnetId,
    Kind,
    Status,
    Civility,
    FirstName,
    /// Appended to the first name ("Jean Pierre").
    MiddleName,
    LastName,
    /// Split into first and last name when the row has neither.
    FullName,
    Sex,
    BirthDate,
    Company,
    JobTitle,
    Sector,
    Revenue,
    Headcount,
    Email {
        slot: u8,
        label: String,
    },
    EmailLabel {
        slot: u8,
    },
    Phone {
        slot: u8,
        label: String,
    },
    PhoneLabel {
        slot: u8,
    },
    Address {
        slot: u8,
        part: AddressPart,
        label: String,
    },
    AddressLabel {
        slot: u8,
    },
    Website,
    Owner,
    Source,
    FirstContact,
    PreferredChannel,
    Interests {
        split: ListSplit,
    },
    Tags {
        split: ListSplit,
    },
    /// The text as it is.
    Notes,
    /// A line `<header>: <value>` added to the notes: keeps a column that has no field.
    NoteLine,
    /// The id this person has in another system ("hubspot", "dolibarr"…), for re-imports.
    ExternalId {
        system: String,
    },
    /// Lines "system=id" (Carnet's exports).
    ExternalIds,
    /// A custom field, by definition id.
    Custom {
        id: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressPart {
    Street,
    /// A further street line, appended to the street on a new line.
    Street2,
    PostalCode,
    City,
    Region,
    Country,
}

/// The variants without data, with their codes.
const UNIT_TARGETS: [(&str, Target); 27] = [
    ("ignore", Target::Ignore),
    ("carnet_id", Target::CarnetId),
    ("kind", Target::Kind),
    ("status", Target::Status),
    ("civility", Target::Civility),
    ("first_name", Target::FirstName),
    ("middle_name", Target::MiddleName),
    ("last_name", Target::LastName),
    ("full_name", Target::FullName),
    ("sex", Target::Sex),
    ("birth_date", Target::BirthDate),
    ("company", Target::Company),
    ("job_title", Target::JobTitle),
    ("sector", Target::Sector),
    ("revenue", Target::Revenue),
    ("headcount", Target::Headcount),
    ("website", Target::Website),
    ("owner", Target::Owner),
    ("source", Target::Source),
    ("first_contact", Target::FirstContact),
    ("preferred_channel", Target::PreferredChannel),
    ("notes", Target::Notes),
    ("note_line", Target::NoteLine),
    ("external_ids", Target::ExternalIds),
    (
        "tags:auto",
        Target::Tags {
            split: ListSplit::Auto,
        },
    ),
    (
        "tags:lines",
        Target::Tags {
            split: ListSplit::Lines,
        },
    ),
    (
        "interests:lines",
        Target::Interests {
            split: ListSplit::Lines,
        },
    ),
];

const ADDRESS_PARTS: [(&str, AddressPart); 6] = [
    ("street", AddressPart::Street),
    ("street2", AddressPart::Street2),
    ("postal_code", AddressPart::PostalCode),
    ("city", AddressPart::City),
    ("region", AddressPart::Region),
    ("country", AddressPart::Country),
];

impl Target {
    /// The saved form: a unit variant's name, or fields after colons, free text last
    /// ("email:0:bureau", "address:1:city:domicile", "external_id:hubspot", "custom:f-12").
    pub fn code(&self) -> String {
        if let Some((code, _)) = UNIT_TARGETS.iter().find(|(_, t)| t == self) {
            return (*code).to_string();
        }
        let part = |p: &AddressPart| {
            ADDRESS_PARTS
                .iter()
                .find(|(_, x)| x == p)
                .map_or("street", |(c, _)| c)
        };
        match self {
            Target::Email { slot, label } => format!("email:{slot}:{label}"),
            Target::EmailLabel { slot } => format!("email_label:{slot}"),
            Target::Phone { slot, label } => format!("phone:{slot}:{label}"),
            Target::PhoneLabel { slot } => format!("phone_label:{slot}"),
            Target::Address {
                slot,
                part: p,
                label,
            } => {
                format!("address:{slot}:{}:{label}", part(p))
            }
            Target::AddressLabel { slot } => format!("address_label:{slot}"),
            Target::Interests { .. } => "interests:auto".into(),
            Target::ExternalId { system } => format!("external_id:{system}"),
            Target::Custom { id } => format!("custom:{id}"),
            _ => "ignore".into(),
        }
    }

    /// Reads [`Target::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Target> {
        if let Some((_, t)) = UNIT_TARGETS.iter().find(|(c, _)| *c == code) {
            return Some(t.clone());
        }
        if code == "interests:auto" {
            return Some(Target::Interests {
                split: ListSplit::Auto,
            });
        }
        let (kind, rest) = code.split_once(':')?;
        let mut fields = rest.splitn(3, ':');
        let mut slot = || fields.next()?.parse::<u8>().ok();
        let t = match kind {
            "external_id" => Target::ExternalId {
                system: rest.to_string(),
            },
            "custom" => Target::Custom {
                id: rest.to_string(),
            },
            "email_label" => Target::EmailLabel { slot: slot()? },
            "phone_label" => Target::PhoneLabel { slot: slot()? },
            "address_label" => Target::AddressLabel { slot: slot()? },
            "email" | "phone" => {
                let (slot, label) = rest.split_once(':')?;
                let (slot, label) = (slot.parse().ok()?, label.to_string());
                if kind == "email" {
                    Target::Email { slot, label }
                } else {
                    Target::Phone { slot, label }
                }
            }
            "address" => {
                let mut f = rest.splitn(3, ':');
                let slot = f.next()?.parse().ok()?;
                let code = f.next()?;
                let part = ADDRESS_PARTS.iter().find(|(c, _)| *c == code)?.1;
                Target::Address {
                    slot,
                    part,
                    label: f.next()?.to_string(),
                }
            }
            _ => return None,
        };
        Some(t)
    }
}

impl From<Target> for String {
    fn from(t: Target) -> String {
        t.code()
    }
}

impl TryFrom<String> for Target {
    type Error = String;
    fn try_from(code: String) -> Result<Target, String> {
        Target::from_code(&code).ok_or_else(|| format!("unknown column target {code:?}"))
    }
}

/// How a cell holding several values is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListSplit {
    /// " ::: " (Google), else ';', else ','; also line breaks.
    Auto,
    /// One value per line, nothing else (Carnet's exports, so values may hold commas).
    Lines,
}

/// The tool a file comes from, recognised from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    #[default]
    Generic,
    Carnet,
    Google,
    Outlook,
    HubSpot,
    Dolibarr,
}

impl Layout {
    /// The system name external ids of this layout are kept under.
    pub fn system(self) -> &'static str {
        match self {
            Layout::Generic | Layout::Carnet => "import",
            Layout::Google => "google",
            Layout::Outlook => "outlook",
            Layout::HubSpot => "hubspot",
            Layout::Dolibarr => "dolibarr",
        }
    }
}

/// A column-by-column mapping, one target per header column. Saved in `meta` and offered again
/// for any file whose header has the same [`signature`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub signature: String,
    pub layout: Layout,
    pub headers: Vec<String>,
    pub targets: Vec<Target>,
}

impl Mapping {
    /// The mapping guessed from the header.
    pub fn auto(headers: &[String], defs: &[CustomFieldDef]) -> Mapping {
        let keys: Vec<String> = headers.iter().map(|h| key(h)).collect();
        let layout = detect_layout(&keys);
        let mut targets: Vec<Target> = headers
            .iter()
            .zip(&keys)
            .map(|(h, k)| guess(h, k, layout, defs))
            .collect();
        assign_slots(&mut targets);
        Mapping {
            signature: signature(headers),
            layout,
            headers: headers.to_vec(),
            targets,
        }
    }

    /// Whether this (saved) mapping was made for a file with this header.
    pub fn fits(&self, headers: &[String]) -> bool {
        self.targets.len() == headers.len() && self.signature == signature(headers)
    }
}

/// The saved mapping to offer for a header, if any (the last saved wins).
pub fn find_saved<'a>(saved: &'a [Mapping], headers: &[String]) -> Option<&'a Mapping> {
    saved.iter().rev().find(|m| m.fits(headers))
}

/// The folded header, column keys joined by '|': equal for files of the same layout, whatever
/// the case or accents of their header.
pub fn signature(headers: &[String]) -> String {
    headers.iter().map(|h| key(h)).collect::<Vec<_>>().join("|")
}

/// A header folded to lowercase ASCII letters and digits: "E-mail 1 - Value" -> "email1value".
pub fn key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn detect_layout(keys: &[String]) -> Layout {
    let has = |k: &str| keys.iter().any(|x| x == k);
    if has("carnetid") {
        Layout::Carnet
    } else if has("recordid") || (has("contactowner") && has("lifecyclestage")) {
        Layout::HubSpot
    } else if has("emailaddress") && (has("businessphone") || has("mobilephone")) {
        Layout::Outlook
    } else if [
        "nomtiers",
        "codeclient",
        "clientprospect",
        "naturedutiers",
        "typedutiers",
    ]
    .iter()
    .any(|k| has(k))
    {
        Layout::Dolibarr
    } else if (has("email1value") || has("phone1value"))
        && [
            "groupmembership",
            "labels",
            "givenname",
            "organizationname",
            "organization1name",
        ]
        .iter()
        .any(|k| has(k))
    {
        Layout::Google
    } else {
        Layout::Generic
    }
}

/// Placeholder slot for an unnumbered phone or e-mail column, given the first free slot later.
const NEXT: u8 = u8::MAX;

const MOBILE: &str = "mobile";
const WORK: &str = "bureau";
const HOME: &str = "domicile";

fn guess(header: &str, k: &str, layout: Layout, defs: &[CustomFieldDef]) -> Target {
    if let Some(d) = defs.iter().find(|d| d.name.trim() == header.trim()) {
        return Target::Custom { id: d.id.clone() };
    }
    layout_target(layout, k)
        .or_else(|| synonym(k, layout))
        .or_else(|| numbered(k))
        .or_else(|| {
            defs.iter()
                .find(|d| key(&d.name) == k)
                .map(|d| Target::Custom { id: d.id.clone() })
        })
        .unwrap_or(Target::Ignore)
}

/// Meanings that only hold in one tool's export.
fn layout_target(layout: Layout, k: &str) -> Option<Target> {
    let t = match (layout, k) {
        (Layout::Outlook, "title") => Target::Civility,
        (
            Layout::Outlook,
            "suffix" | "emaildisplayname" | "email2displayname" | "email3displayname" | "emailtype"
            | "email2type" | "email3type",
        ) => Target::Ignore,
        (Layout::Dolibarr, "nom" | "name") => Target::Company,
        (Layout::Dolibarr, "nomalternatif") => Target::NoteLine,
        // Dolibarr's "Statut" is open / closed, not prospect / client.
        (Layout::Dolibarr, "statut" | "status") => Target::Ignore,
        (Layout::Dolibarr, "client") => Target::Status,
        (Layout::Dolibarr, "id" | "idtiers") => ext("dolibarr"),
        (Layout::Dolibarr, "codeclient") => ext("dolibarr_code"),
        (Layout::HubSpot, "createdate") => Target::FirstContact,
        _ => return None,
    };
    Some(t)
}

fn ext(system: &str) -> Target {
    Target::ExternalId {
        system: system.to_string(),
    }
}

fn phone(label: &str) -> Target {
    Target::Phone {
        slot: NEXT,
        label: label.to_string(),
    }
}

fn addr(slot: u8, part: AddressPart, label: &str) -> Target {
    Target::Address {
        slot,
        part,
        label: label.to_string(),
    }
}

/// French and English names of the fields, folded.
fn synonym(k: &str, layout: Layout) -> Option<Target> {
    use AddressPart::*;
    use Target as T;
    let t = match k {
        "carnetid" => T::CarnetId,
        "prenom" | "prenoms" | "firstname" | "givenname" | "first" | "forename" => T::FirstName,
        "middlename" | "additionalname" | "secondprenom" | "autresprenoms" => T::MiddleName,
        "nom" | "lastname" | "familyname" | "surname" | "nomdefamille" | "last" => T::LastName,
        "name" | "fullname" | "nomcomplet" | "contact" | "nomprenom" | "prenomnom"
        | "displayname" | "nomducontact" => T::FullName,
        "civilite" | "titre" | "salutation" | "nameprefix" | "prefix" | "civ" | "civility" => {
            T::Civility
        }
        "sexe" | "sex" | "gender" | "genre" => T::Sex,
        "typedefiche" | "type" | "kind" | "typedeclient" | "typeclient" | "b2bb2c"
        | "typedutiers" | "fichekind" => T::Kind,
        "statut" | "status" | "typologie" | "clientprospect" | "prospectclient"
        | "lifecyclestage" | "naturedutiers" | "etape" => T::Status,
        "societe" | "entreprise" | "company" | "companyname" | "organisation" | "organization"
        | "organizationname" | "organization1name" | "raisonsociale" | "nomtiers" | "tiers"
        | "employeur" | "employer" | "accountname" | "nomdelentreprise" | "associatedcompany"
        | "etablissement" => T::Company,
        "fonction" | "poste" | "jobtitle" | "title" | "organizationtitle"
        | "organization1title" | "occupation" | "metier" | "position" | "role" => T::JobTitle,
        "department" | "organizationdepartment" | "organization1department" | "service" => {
            T::NoteLine
        }
        "secteur" | "secteurdactivite" | "industry" | "sector" | "activite" | "branche" => {
            T::Sector
        }
        "ca" | "chiffredaffaires" | "chiffreaffaires" | "revenue" | "annualrevenue"
        | "caannuel" => T::Revenue,
        "effectif" | "effectifs" | "headcount" | "employees" | "numberofemployees"
        | "nombredesalaries" | "nbsalaries" | "salaries" => T::Headcount,
        "email"
        | "mail"
        | "courriel"
        | "emailaddress"
        | "adressemail"
        | "adresseemail"
        | "mel"
        | "adresseelectronique"
        | "adressecourriel"
        | "emailvalue" => T::Email {
            slot: NEXT,
            label: String::new(),
        },
        "telephone" | "tel" | "phone" | "phonenumber" | "numerodetelephone" | "telfixe"
        | "fixe" | "primaryphone" | "phonevalue" | "telephonevalue" => phone(""),
        "portable" | "mobile" | "mobilephone" | "mobilephonenumber" | "telportable"
        | "telmobile" | "telephoneportable" | "telephonemobile" | "cellphone" | "gsm" => {
            phone(MOBILE)
        }
        "telbureau"
        | "telephonebureau"
        | "telpro"
        | "telephoneprofessionnel"
        | "workphone"
        | "companymainphone"
        | "telstandard" => phone(WORK),
        "teldomicile" | "telephonedomicile" | "telperso" | "telephonepersonnel" => phone(HOME),
        "fax" | "telecopie" | "businessfax" | "homefax" | "otherfax" => phone("fax"),
        "otherphone" => phone("autre"),
        "adresse" | "address" | "rue" | "street" | "streetaddress" | "voie" | "adressepostale"
        | "addressline1" | "adresseligne1" => addr(0, Street, ""),
        "complementdadresse" | "complementadresse" | "complement" | "addressline2"
        | "adresseligne2" | "streetaddress2" => addr(0, Street2, ""),
        "codepostal" | "cp" | "postalcode" | "zip" | "zipcode" | "postcode" => {
            addr(0, PostalCode, "")
        }
        "ville" | "city" | "commune" | "localite" | "town" => addr(0, City, ""),
        "region" | "departement" | "state" | "stateregion" | "province" | "etat"
        | "stateprovince" => addr(0, Region, ""),
        "pays" | "country" | "countryregion" | "countryname" => addr(0, Country, ""),
        "siteweb" | "site" | "website" | "webpage" | "url" | "siteinternet" | "websiteurl"
        | "web" | "homepage" | "website1value" => T::Website,
        "datedenaissance" | "datenaissance" | "naissance" | "birthday" | "birthdate"
        | "dateofbirth" | "dob" => T::BirthDate,
        "datedeprisedecontact"
        | "dateprisedecontact"
        | "premiercontact"
        | "datedepremiercontact"
        | "datepremiercontact"
        | "firstcontact"
        | "clientdepuis"
        | "customersince" => T::FirstContact,
        "canal"
        | "canalprefere"
        | "canaldecontactprivilegie"
        | "canalprivilegie"
        | "preferredchannel" => T::PreferredChannel,
        "commercial" | "commercialencharge" | "owner" | "contactowner" | "responsable"
        | "suivipar" | "vendeur" | "salesrep" | "accountowner" => T::Owner,
        "source" | "origine" | "provenance" | "leadsource" | "originalsource" | "referredby" => {
            T::Source
        }
        "tags" | "etiquettes" | "etiquette" | "labels" | "groupmembership" | "categories"
        | "category" | "categorie" | "groupes" | "groupe" => T::Tags {
            split: ListSplit::Auto,
        },
        "tagsunparligne" | "tagsoneperline" => T::Tags {
            split: ListSplit::Lines,
        },
        "centresdinteret" | "centresdinterets" | "interets" | "interests" | "hobbies" | "hobby"
        | "loisirs" => T::Interests {
            split: ListSplit::Auto,
        },
        "centresdinteretunparligne" | "interestsoneperline" => T::Interests {
            split: ListSplit::Lines,
        },
        "notes" | "note" | "commentaire" | "commentaires" | "remarques" | "remarque"
        | "observations" | "comments" | "comment" | "memo" | "description" | "notepublique" => {
            T::Notes
        }
        "noteprivee" => T::NoteLine,
        "identifiantsexternesunparligne" | "externalidsoneperline" => T::ExternalIds,
        "recordid" => ext("hubspot"),
        "id" | "ref" | "reference" | "refclient" | "numeroclient" | "numclient" | "customerid"
        | "clientid" | "idclient" | "codeclient" | "codetiers" => ext(layout.system()),
        _ => return None,
    };
    Some(t)
}

/// Numbered and prefixed columns: "email2", "e-mail 1 - value", "phone 3 - label",
/// "address 1 - postal code", "business street 2", "home phone 2", "e-mail 2 address".
fn numbered(k: &str) -> Option<Target> {
    use AddressPart::*;
    // Outlook's address blocks: business / home / other.
    for (prefix, slot, label) in [
        ("business", 0u8, WORK),
        ("home", 1, HOME),
        ("other", 2, "autre"),
    ] {
        if let Some(rest) = k.strip_prefix(prefix) {
            let part = match rest {
                "street" => Street,
                "street2" | "street3" | "pobox" => Street2,
                "city" => City,
                "state" => Region,
                "postalcode" => PostalCode,
                "countryregion" | "country" => Country,
                "phone" | "phone2" => return Some(phone(label)),
                _ => continue,
            };
            return Some(addr(slot, part, label));
        }
    }
    let split = k.find(|c: char| c.is_ascii_digit())?;
    let (prefix, rest) = k.split_at(split);
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let n: u8 = rest[..digits_end].parse().ok()?;
    let slot = n.checked_sub(1)?;
    let suffix = &rest[digits_end..];
    match prefix {
        "email" | "mail" | "courriel" | "emailaddress" => match suffix {
            "" | "value" | "valeur" | "address" => Some(Target::Email {
                slot,
                label: String::new(),
            }),
            "label" | "libelle" | "type" => Some(Target::EmailLabel { slot }),
            _ => None,
        },
        "phone" | "telephone" | "tel" => match suffix {
            "" | "value" | "valeur" => Some(Target::Phone {
                slot,
                label: String::new(),
            }),
            "label" | "libelle" | "type" => Some(Target::PhoneLabel { slot }),
            _ => None,
        },
        "address" | "adresse" => {
            let part = match suffix {
                // A bare "Adresse 2" is the second line of the address, not a second address.
                "" if slot == 0 => Street,
                "" => return Some(addr(0, Street2, "")),
                "street" | "rue" => Street,
                "extendedaddress" | "pobox" | "complement" => Street2,
                "city" | "ville" => City,
                "postalcode" | "codepostal" => PostalCode,
                "region" => Region,
                "country" | "pays" => Country,
                "label" | "libelle" | "type" => return Some(Target::AddressLabel { slot }),
                _ => return None,
            };
            Some(addr(slot, part, ""))
        }
        "website" | "siteweb" if slot == 0 && matches!(suffix, "" | "value" | "valeur") => {
            Some(Target::Website)
        }
        _ => None,
    }
}

/// Gives unnumbered phone and e-mail columns the first free slots, in column order, and sends
/// a second column of a single-valued field to the notes rather than overwrite the first.
fn assign_slots(targets: &mut [Target]) {
    // Slots in use, as bit sets over 0..=254 (255 is `NEXT`).
    let mut used_email = [false; 256];
    let mut used_phone = [false; 256];
    for t in targets.iter() {
        match t {
            Target::Email { slot, .. } => used_email[usize::from(*slot)] = true,
            Target::Phone { slot, .. } => used_phone[usize::from(*slot)] = true,
            _ => {}
        }
    }
    let free = |used: &mut [bool; 256]| {
        let s = (0..NEXT).find(|&s| !used[usize::from(s)])?;
        used[usize::from(s)] = true;
        Some(s)
    };
    // A set: a file may have a header of thousands of columns.
    let mut seen: HashSet<Target> = HashSet::new();
    for t in targets.iter_mut() {
        match t {
            Target::Email { slot, .. } if *slot == NEXT => match free(&mut used_email) {
                Some(s) => *slot = s,
                None => *t = Target::NoteLine,
            },
            Target::Phone { slot, .. } if *slot == NEXT => match free(&mut used_phone) {
                Some(s) => *slot = s,
                None => *t = Target::NoteLine,
            },
            Target::Ignore | Target::NoteLine | Target::Notes => {}
            Target::Address {
                part: AddressPart::Street2,
                ..
            } => {}
            _ => {
                if !seen.insert(t.clone()) {
                    *t = Target::NoteLine;
                }
            }
        }
    }
}
