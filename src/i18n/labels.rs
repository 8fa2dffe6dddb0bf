//! The words for the domain's enums.

use super::{t, tf, Lang, K};
use crate::domain::custom_field::{CustomFieldDef, CustomKind};
use crate::domain::fiche::{Channel, Civility, FicheKind, Sex, Status};
use crate::domain::history::{EntryStatus, HistoryKind};
use crate::domain::segment::{
    BuiltinId, CustomerType, DateField, Field, ListField, NumField, Op, RfmPart, TextField,
};

/// A name with the label a person gave it: "Téléphone (travail)"; the name alone without one.
pub fn with_label(lang: Lang, name: &str, label: &str) -> String {
    if label.is_empty() {
        name.to_string()
    } else {
        tf(lang, K::Labelled, &[("name", name), ("label", label)])
    }
}

pub fn fiche_kind(k: FicheKind) -> K {
    match k {
        FicheKind::Person => K::Person,
        FicheKind::Company => K::Company,
    }
}

pub fn status(s: Status) -> K {
    match s {
        Status::Prospect => K::Prospect,
        Status::Client => K::Client,
    }
}

pub fn civility(c: Civility) -> K {
    match c {
        Civility::Mr => K::CivMr,
        Civility::Mrs => K::CivMrs,
        Civility::Mx => K::CivMx,
    }
}

pub fn sex(s: Sex) -> K {
    match s {
        Sex::Female => K::SexFemale,
        Sex::Male => K::SexMale,
        Sex::Other => K::SexOther,
    }
}

pub fn channel(c: Channel) -> K {
    match c {
        Channel::Email => K::ChEmail,
        Channel::Sms => K::ChSms,
        Channel::Phone => K::ChPhone,
        Channel::Post => K::ChPost,
        Channel::InPerson => K::ChInPerson,
    }
}

pub fn history_kind(k: HistoryKind) -> K {
    match k {
        HistoryKind::Purchase => K::HkPurchase,
        HistoryKind::Quote => K::HkQuote,
        HistoryKind::Invoice => K::HkInvoice,
        HistoryKind::Call => K::HkCall,
        HistoryKind::Visit => K::HkVisit,
        HistoryKind::Email => K::HkEmail,
        HistoryKind::Meeting => K::HkMeeting,
        HistoryKind::Complaint => K::HkComplaint,
        HistoryKind::Note => K::HkNote,
        HistoryKind::Campaign => K::HkCampaign,
    }
}

pub fn entry_status(s: EntryStatus) -> K {
    match s {
        EntryStatus::Open => K::EsOpen,
        EntryStatus::Resolved => K::EsResolved,
        EntryStatus::Pending => K::EsPending,
        EntryStatus::Accepted => K::EsAccepted,
        EntryStatus::Refused => K::EsRefused,
    }
}

pub fn custom_kind(k: CustomKind) -> K {
    match k {
        CustomKind::Text => K::CkText,
        CustomKind::LongText => K::CkLongText,
        CustomKind::Number => K::CkNumber,
        CustomKind::Amount => K::CkAmount,
        CustomKind::Date => K::CkDate,
        CustomKind::YesNo => K::CkYesNo,
        CustomKind::Choice => K::CkChoice,
        CustomKind::MultiChoice => K::CkMultiChoice,
    }
}

pub fn text_field(f: TextField) -> K {
    use TextField as T;
    match f {
        T::Name => K::ColName,
        T::FirstName => K::FFirstName,
        T::LastName => K::FLastName,
        T::Company => K::FCompany,
        T::JobTitle => K::FJobTitle,
        T::Sector => K::FSector,
        T::Email => K::FEmail,
        T::Phone => K::FPhone,
        T::Website => K::FWebsite,
        T::Street => K::FStreet,
        T::PostalCode => K::FPostalCode,
        T::City => K::FCity,
        T::Region => K::FRegion,
        T::Country => K::FCountry,
        T::Owner => K::FOwner,
        T::Source => K::FSource,
        T::Notes => K::FNotes,
    }
}

pub fn builtin(b: BuiltinId) -> K {
    match b {
        BuiltinId::Prospects => K::SegProspects,
        BuiltinId::New => K::SegNew,
        BuiltinId::Occasional => K::SegOccasional,
        BuiltinId::Loyal => K::SegLoyal,
        BuiltinId::Inactive => K::SegInactive,
        BuiltinId::B2b => K::SegB2b,
        BuiltinId::B2c => K::SegB2c,
        BuiltinId::BirthdaysThisMonth => K::SegBirthdays,
        BuiltinId::NoMarketingConsent => K::SegNoConsent,
        BuiltinId::Incomplete => K::SegIncomplete,
    }
}

pub fn customer_type(k: CustomerType) -> K {
    match k {
        CustomerType::Prospect => K::TypeProspect,
        CustomerType::New => K::TypeNew,
        CustomerType::Occasional => K::TypeOccasional,
        CustomerType::Loyal => K::TypeLoyal,
        CustomerType::Inactive => K::TypeInactive,
    }
}

/// The name of a filter builder field.
pub fn field(lang: Lang, f: &Field, defs: &[CustomFieldDef]) -> String {
    let k = match f {
        Field::Text(x) => text_field(*x),
        Field::Number(n) => match n {
            NumField::Revenue => K::Revenue,
            NumField::Headcount => K::FHeadcount,
            NumField::TotalSpent => K::ColTotal,
            NumField::Orders => K::Orders,
            NumField::AverageBasket => K::AverageBasket,
            NumField::Contacts => K::Contacts,
            NumField::Age => K::Age,
        },
        Field::Date(d) => match d {
            DateField::Created => K::SortCreated,
            DateField::Updated => K::UpdatedAt,
            DateField::FirstContact => K::FFirstContact,
            DateField::FirstPurchase => K::FirstPurchase,
            DateField::LastPurchase => K::LastPurchase,
            DateField::LastContact => K::ColLastContact,
            DateField::BirthDate => K::FBirthDate,
        },
        Field::List(ListField::Tags) => K::Tags,
        Field::List(ListField::Interests) => K::Interests,
        Field::Consent(ch) => {
            return tf(
                lang,
                K::ConsentForChannel,
                &[("channel", t(lang, channel(*ch)))],
            );
        }
        Field::Type => K::CustomerType,
        Field::Rfm(RfmPart::Recency) => K::RfmRecency,
        Field::Rfm(RfmPart::Frequency) => K::RfmFrequency,
        Field::Rfm(RfmPart::Monetary) => K::RfmMonetary,
        Field::Kind => K::PersonOrCompany,
        Field::Status => K::FStatus,
        Field::Sex => K::FSex,
        Field::Channel => K::FPreferredChannel,
        Field::Custom(id, _) => {
            return defs
                .iter()
                .find(|d| d.id == *id)
                .map_or_else(|| id.clone(), |d| d.name.clone())
        }
    };
    t(lang, k).to_string()
}

/// The words of an operator; for enumerated fields, the value it picks.
pub fn op(f: &Field, op: Op) -> K {
    let i = match op {
        Op::Is(i) => usize::from(i),
        Op::Contains => return K::OpContains,
        Op::Equals => return K::OpEquals,
        Op::Prefix => return K::OpPrefix,
        Op::Empty => return K::OpEmpty,
        Op::NotEmpty => return K::OpNotEmpty,
        Op::Between => return K::OpBetween,
        Op::LastDays => return K::OpLastDays,
        Op::Month => return K::OpMonth,
        Op::AnyOf => return K::OpAnyOf,
        Op::AllOf => return K::OpAllOf,
        Op::NoneOf => return K::OpNoneOf,
        Op::Given => return K::OpGiven,
        Op::Yes => return K::Yes,
        Op::No => return K::No,
    };
    match f {
        Field::Type => customer_type(CustomerType::ALL[i.min(4)]),
        Field::Kind => [K::Person, K::Company][i.min(1)],
        Field::Status => [K::Prospect, K::Client][i.min(1)],
        Field::Sex => [K::SexFemale, K::SexMale, K::SexOther][i.min(2)],
        _ => channel(Channel::ALL[i.min(4)]),
    }
}
