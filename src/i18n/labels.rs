//! The words for the domain's enums.

use super::K;
use crate::domain::custom_field::CustomKind;
use crate::domain::fiche::{Channel, Civility, FicheKind, Sex, Status};
use crate::domain::history::{EntryStatus, HistoryKind};

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
