//! Fiches to CSV, in the French Excel variant or the standard one, with the columns chosen.
//!
//! Headers are chosen so that [`Mapping::auto`](super::mapping::Mapping::auto) maps them back
//! to the same fields (numbered like Google's: "E-mail 1 - Value"), lists are written one item
//! per line under a header that says so, and every cell goes through
//! [`neutralise`]: re-importing a Carnet export gives back the same
//! fiches for every field CSV carries.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::super::custom_field::{render_value, CustomFieldDef, CustomValue};
use super::super::dates::{format_date, iso_date};
use super::super::fiche::{Channel, Civility, Fiche, FicheKind, Sex, Status};
use super::super::lang::Lang;
use super::super::money::format_amount_plain;
use super::super::summary::Summary;
use super::mapping::AddressPart;
use super::values::neutralise;

/// The two CSV dialects Carnet writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// What Excel opens right on a French Windows machine: `;`, UTF-8 BOM, CRLF, decimal comma,
    /// dd/mm/yyyy, French headers and words.
    #[default]
    FrenchExcel,
    /// `,`, no BOM, CRLF (RFC 4180), ISO 8601 dates, decimal dot, English headers and words.
    Standard,
}

impl Variant {
    fn lang(self) -> Lang {
        match self {
            Variant::FrenchExcel => Lang::Fr,
            Variant::Standard => Lang::En,
        }
    }
}

/// A column of an export. Slots number phones, e-mails and addresses from 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
// Externally tagged (serde's default): internally tagged enums cost several KB of wasm each.
#[serde(rename_all = "snake_case")]
pub enum Column {
    CarnetId,
    Kind,
    Status,
    Civility,
    FirstName,
    LastName,
    Sex,
    BirthDate,
    Company,
    JobTitle,
    Sector,
    Revenue,
    Headcount,
    EmailLabel(u8),
    Email(u8),
    PhoneLabel(u8),
    Phone(u8),
    AddressLabel(u8),
    Address(u8, AddressPart),
    Website,
    Owner,
    Source,
    FirstContact,
    PreferredChannel,
    Interests,
    Tags,
    Notes,
    ExternalIds,
    /// A custom field, by definition id.
    Custom(String),
    CreatedAt,
    UpdatedAt,
    // Summary values (exported for reading; ignored on import).
    TotalSpent,
    Orders,
    AverageBasket,
    FirstPurchase,
    LastPurchase,
    LastContact,
    Contacts,
}

const ADDRESS_PARTS: [AddressPart; 5] = [
    AddressPart::Street,
    AddressPart::PostalCode,
    AddressPart::City,
    AddressPart::Region,
    AddressPart::Country,
];

/// Every column that carries a field, with as many phone, e-mail and address slots as the
/// fiches need (at least one), then the custom fields, then the timestamps. Add
/// [`summary_columns`] for spending figures.
pub fn default_columns<'a>(
    fiches: impl IntoIterator<Item = &'a Fiche> + Clone,
    defs: &[CustomFieldDef],
) -> Vec<Column> {
    use Column::*;
    let slots = |n: fn(&Fiche) -> usize| -> u8 {
        let max = fiches.clone().into_iter().map(n).max().unwrap_or(0).max(1);
        u8::try_from(max).unwrap_or(u8::MAX)
    };
    let mut cols = vec![
        CarnetId, Kind, Status, Civility, FirstName, LastName, Sex, BirthDate, Company, JobTitle,
        Sector, Revenue, Headcount,
    ];
    for i in 0..slots(|f| f.emails.len()) {
        cols.extend([EmailLabel(i), Email(i)]);
    }
    for i in 0..slots(|f| f.phones.len()) {
        cols.extend([PhoneLabel(i), Phone(i)]);
    }
    for i in 0..slots(|f| f.addresses.len()) {
        cols.push(AddressLabel(i));
        cols.extend(ADDRESS_PARTS.iter().map(|p| Address(i, *p)));
    }
    cols.extend([
        Website,
        Owner,
        Source,
        FirstContact,
        PreferredChannel,
        Interests,
        Tags,
        Notes,
        ExternalIds,
    ]);
    cols.extend(defs.iter().map(|d| Custom(d.id.clone())));
    cols.extend([CreatedAt, UpdatedAt]);
    cols
}

pub fn summary_columns() -> [Column; 7] {
    use Column::*;
    [
        TotalSpent,
        Orders,
        AverageBasket,
        FirstPurchase,
        LastPurchase,
        LastContact,
        Contacts,
    ]
}

/// The header of a column in the variant's language.
pub fn header(col: &Column, defs: &[CustomFieldDef], variant: Variant) -> String {
    let fr = variant == Variant::FrenchExcel;
    let pick = |f: &str, e: &str| if fr { f.to_string() } else { e.to_string() };
    // "E-mail 2 - Value", as Google numbers them, so the import maps them back.
    let slot = |i: &u8, (pf, pe): (&str, &str), (sf, se): (&str, &str)| {
        pick(
            &format!("{pf} {} - {sf}", i + 1),
            &format!("{pe} {} - {se}", i + 1),
        )
    };
    const LABEL: (&str, &str) = ("Libellé", "Label");
    const VALUE: (&str, &str) = ("Valeur", "Value");
    const ADDRESS: (&str, &str) = ("Adresse", "Address");
    match col {
        Column::CarnetId => "Carnet ID".into(),
        Column::Kind => pick("Type de fiche", "Kind"),
        Column::Status => pick("Statut", "Status"),
        Column::Civility => pick("Civilité", "Civility"),
        Column::FirstName => pick("Prénom", "First Name"),
        Column::LastName => pick("Nom", "Last Name"),
        Column::Sex => pick("Sexe", "Sex"),
        Column::BirthDate => pick("Date de naissance", "Birth Date"),
        Column::Company => pick("Société", "Company"),
        Column::JobTitle => pick("Fonction", "Job Title"),
        Column::Sector => pick("Secteur d'activité", "Sector"),
        Column::Revenue => pick("Chiffre d'affaires", "Revenue"),
        Column::Headcount => pick("Effectif", "Headcount"),
        Column::EmailLabel(i) => slot(i, ("E-mail", "E-mail"), LABEL),
        Column::Email(i) => slot(i, ("E-mail", "E-mail"), VALUE),
        Column::PhoneLabel(i) => slot(i, ("Téléphone", "Phone"), LABEL),
        Column::Phone(i) => slot(i, ("Téléphone", "Phone"), VALUE),
        Column::AddressLabel(i) => slot(i, ADDRESS, LABEL),
        Column::Address(i, part) => slot(
            i,
            ADDRESS,
            match part {
                AddressPart::Street | AddressPart::Street2 => ("Rue", "Street"),
                AddressPart::PostalCode => ("Code postal", "Postal Code"),
                AddressPart::City => ("Ville", "City"),
                AddressPart::Region => ("Région", "Region"),
                AddressPart::Country => ("Pays", "Country"),
            },
        ),
        Column::Website => pick("Site web", "Website"),
        Column::Owner => pick("Commercial en charge", "Owner"),
        Column::Source => "Source".into(),
        Column::FirstContact => pick("Date de prise de contact", "First Contact"),
        Column::PreferredChannel => pick("Canal de contact privilégié", "Preferred Channel"),
        Column::Interests => pick(
            "Centres d'intérêt (un par ligne)",
            "Interests (one per line)",
        ),
        Column::Tags => pick("Tags (un par ligne)", "Tags (one per line)"),
        Column::Notes => "Notes".into(),
        Column::ExternalIds => pick(
            "Identifiants externes (un par ligne)",
            "External IDs (one per line)",
        ),
        Column::Custom(id) => defs
            .iter()
            .find(|d| &d.id == id)
            .map_or_else(|| id.clone(), |d| d.name.clone()),
        Column::CreatedAt => pick("Créée le", "Created At"),
        Column::UpdatedAt => pick("Modifiée le", "Updated At"),
        Column::TotalSpent => pick("Total dépensé", "Total Spent"),
        Column::Orders => pick("Nombre d'achats", "Orders"),
        Column::AverageBasket => pick("Panier moyen", "Average Basket"),
        Column::FirstPurchase => pick("Premier achat", "First Purchase"),
        Column::LastPurchase => pick("Dernier achat", "Last Purchase"),
        Column::LastContact => pick("Dernier contact", "Last Contact"),
        Column::Contacts => pick("Nombre de contacts", "Contacts Count"),
    }
}

/// Writes the fiches (each with its summary, when summary columns are asked for) as CSV text,
/// BOM included for the French variant; the caller saves it as bytes (UTF-8).
pub fn export_csv(
    rows: &[(&Fiche, Option<&Summary>)],
    columns: &[Column],
    defs: &[CustomFieldDef],
    variant: Variant,
) -> String {
    let mut w = writer(variant, rows.len() * 256);
    let mut record: Vec<String> = columns.iter().map(|c| header(c, defs, variant)).collect();
    write(&mut w, &record);
    for (f, summary) in rows {
        record.clear();
        record.extend(columns.iter().map(|c| cell(f, *summary, c, variant)));
        write(&mut w, &record);
    }
    finish(w, variant)
}

/// Any table (an analysis's) as CSV text in `variant`, its first row the header; cells are
/// written as given (already in the variant's number and date forms) and neutralised.
pub fn table_csv(rows: &[Vec<String>], variant: Variant) -> String {
    let mut w = writer(variant, rows.len() * 64);
    for r in rows {
        write(&mut w, r);
    }
    finish(w, variant)
}

fn writer(variant: Variant, capacity: usize) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(match variant {
            Variant::FrenchExcel => b';',
            Variant::Standard => b',',
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(capacity))
}

fn finish(w: csv::Writer<Vec<u8>>, variant: Variant) -> String {
    let body = w.into_inner().unwrap_or_default();
    let mut out = String::with_capacity(body.len() + 3);
    if variant == Variant::FrenchExcel {
        out.push('\u{feff}');
    }
    // Only strings went in, so the bytes are UTF-8.
    out.push_str(&String::from_utf8_lossy(&body));
    out
}

fn write(w: &mut csv::Writer<Vec<u8>>, record: &[String]) {
    // Writing into a Vec cannot fail.
    let _ = w.write_record(record.iter().map(|c| neutralise(c).into_owned()));
}

fn date(d: NaiveDate, variant: Variant) -> String {
    match variant {
        Variant::FrenchExcel => format_date(d, Lang::Fr),
        Variant::Standard => iso_date(d),
    }
}

pub(crate) fn amount(cents: i64, variant: Variant) -> String {
    let plain = format_amount_plain(cents);
    match variant {
        Variant::FrenchExcel => plain,
        Variant::Standard => plain.replace(',', "."),
    }
}

fn cell(f: &Fiche, s: Option<&Summary>, col: &Column, v: Variant) -> String {
    let fr = v == Variant::FrenchExcel;
    let word = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    let opt_date = |d: Option<NaiveDate>| d.map(|d| date(d, v)).unwrap_or_default();
    let slot = |i: &u8| usize::from(*i);
    match col {
        Column::CarnetId => f.id.clone(),
        Column::Kind => match f.kind {
            FicheKind::Person => word("personne", "person"),
            FicheKind::Company => word("entreprise", "company"),
        },
        Column::Status => match f.status {
            Status::Prospect => "prospect".into(),
            Status::Client => "client".into(),
        },
        Column::Civility => match f.civility {
            None => String::new(),
            Some(Civility::Mr) => word("M.", "Mr"),
            Some(Civility::Mrs) => word("Mme", "Mrs"),
            Some(Civility::Mx) => "Mx".into(),
        },
        Column::FirstName => f.first_name.clone(),
        Column::LastName => f.last_name.clone(),
        Column::Sex => match f.sex {
            None => String::new(),
            Some(Sex::Female) => word("femme", "female"),
            Some(Sex::Male) => word("homme", "male"),
            Some(Sex::Other) => word("autre", "other"),
        },
        Column::BirthDate => opt_date(f.birth_date),
        Column::Company => f.company.clone(),
        Column::JobTitle => f.job_title.clone(),
        Column::Sector => f.sector.clone(),
        Column::Revenue => f.revenue_cents.map(|c| amount(c, v)).unwrap_or_default(),
        Column::Headcount => f.headcount.map(|n| n.to_string()).unwrap_or_default(),
        Column::EmailLabel(i) => part(&f.emails, i, |e| &e.label),
        Column::Email(i) => part(&f.emails, i, |e| &e.value),
        Column::PhoneLabel(i) => part(&f.phones, i, |p| &p.label),
        Column::Phone(i) => part(&f.phones, i, |p| &p.value),
        Column::AddressLabel(i) => f
            .addresses
            .get(slot(i))
            .map(|a| a.label.clone())
            .unwrap_or_default(),
        Column::Address(i, part) => f
            .addresses
            .get(slot(i))
            .map(|a| match part {
                AddressPart::Street | AddressPart::Street2 => a.street.clone(),
                AddressPart::PostalCode => a.postal_code.clone(),
                AddressPart::City => a.city.clone(),
                AddressPart::Region => a.region.clone(),
                AddressPart::Country => a.country.clone(),
            })
            .unwrap_or_default(),
        Column::Website => f.website.clone(),
        Column::Owner => f.owner.clone(),
        Column::Source => f.source.clone(),
        Column::FirstContact => opt_date(f.first_contact),
        Column::PreferredChannel => match f.preferred_channel {
            None => String::new(),
            Some(Channel::Email) => word("e-mail", "email"),
            Some(Channel::Sms) => "sms".into(),
            Some(Channel::Phone) => word("téléphone", "phone"),
            Some(Channel::Post) => word("courrier", "post"),
            Some(Channel::InPerson) => word("en personne", "in person"),
        },
        Column::Interests => f.interests.join("\n"),
        Column::Tags => f.tags.join("\n"),
        Column::Notes => f.notes.clone(),
        Column::ExternalIds => f
            .external_ids
            .iter()
            .map(|(k, x)| format!("{k}={x}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Column::Custom(id) => f.custom.get(id).map(|x| custom(x, v)).unwrap_or_default(),
        Column::CreatedAt => f.created_at.to_rfc3339(),
        Column::UpdatedAt => f.updated_at.to_rfc3339(),
        Column::TotalSpent => s
            .map(|s| amount(s.total_spent_cents, v))
            .unwrap_or_default(),
        Column::Orders => s.map(|s| s.orders.to_string()).unwrap_or_default(),
        Column::AverageBasket => s
            .and_then(Summary::average_basket_cents)
            .map(|c| amount(c, v))
            .unwrap_or_default(),
        Column::FirstPurchase => opt_date(s.and_then(|s| s.first_purchase).map(|d| d.date_naive())),
        Column::LastPurchase => opt_date(s.and_then(|s| s.last_purchase).map(|d| d.date_naive())),
        Column::LastContact => opt_date(s.and_then(|s| s.last_contact).map(|d| d.date_naive())),
        Column::Contacts => s.map(|s| s.contacts.to_string()).unwrap_or_default(),
    }
}

/// A text of the `i`-th item of a list, empty when there is no such item.
fn part<T>(list: &[T], i: &u8, get: fn(&T) -> &String) -> String {
    list.get(usize::from(*i))
        .map(get)
        .cloned()
        .unwrap_or_default()
}

/// A custom value as the import reads it back: numbers and amounts with the variant's decimal
/// separator, dates in the variant's form, yes/no in its language, choices one per line.
fn custom(x: &CustomValue, v: Variant) -> String {
    match x {
        CustomValue::Amount(c) => amount(*c, v),
        CustomValue::Date(d) => date(*d, v),
        CustomValue::Choices(cs) => cs.join("\n"),
        _ => render_value(x, v.lang()),
    }
}
