//! The list's columns as the page shows them: their headers and the text of each cell. Which
//! columns exist, and how they sort, is the engine's (`domain::segment::list::Col`).

use chrono::Utc;

use crate::domain::dates::format_date;
use crate::domain::file::Record;
use crate::domain::lang::Lang;
use crate::domain::money::format_amount;
use crate::domain::segment::list::{text, Col};
use crate::domain::segment::Computed;
use crate::i18n::{labels, t, K};
use crate::state::clock;

/// The header of a column.
pub fn label(col: Col) -> K {
    match col {
        Col::Name => K::ColName,
        Col::Company => K::ColCompany,
        Col::Contact => K::ColContact,
        Col::Email => K::FEmail,
        Col::Phone => K::FPhone,
        Col::PostalCode => K::FPostalCode,
        Col::City => K::ColCity,
        Col::Kind => K::FKind,
        Col::Status => K::ColStatus,
        Col::Type => K::CustomerType,
        Col::Rfm => K::RfmScore,
        Col::Total => K::ColTotal,
        Col::Orders => K::Orders,
        Col::LastPurchase => K::LastPurchase,
        Col::LastContact => K::ColLastContact,
        Col::Created => K::SortCreated,
        Col::Owner => K::FOwner,
        Col::Tags => K::Tags,
    }
}

/// The text of one cell.
pub fn cell(col: Col, r: &Record, c: &Computed, lang: Lang) -> String {
    let (f, s) = (&r.fiche, &r.summary);
    let date = |d: Option<chrono::DateTime<Utc>>| {
        d.map(|d| format_date(clock::local_day(d), lang))
            .unwrap_or_default()
    };
    match col {
        Col::Kind => t(lang, labels::fiche_kind(f.kind)).to_string(),
        Col::Status => t(lang, labels::status(f.status)).to_string(),
        Col::Type => t(lang, labels::customer_type(c.kind)).to_string(),
        Col::Rfm => c
            .rfm
            .map(|x| format!("{}{}{}", x.r, x.f, x.m))
            .unwrap_or_default(),
        Col::Total => s
            .total_if_any()
            .map(|c| format_amount(c, lang))
            .unwrap_or_default(),
        Col::Orders => s.orders.to_string(),
        Col::LastPurchase => date(s.last_purchase),
        Col::LastContact => date(s.last_contact),
        Col::Created => date(Some(f.created_at)),
        Col::Name
        | Col::Company
        | Col::Contact
        | Col::Email
        | Col::Phone
        | Col::PostalCode
        | Col::City
        | Col::Owner
        | Col::Tags => text(col, r),
    }
}
