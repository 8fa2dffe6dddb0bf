//! Words of the import and export page that depend on data: where a column goes, what is wrong
//! with a row or a file. Each maps its variant to a key of the table.

use super::{labels::with_label, messages::problem_text, t, tf, tn, Lang, K};
use crate::domain::codec::csv_read::ReadError;
use crate::domain::codec::json_backup::BackupError;
use crate::domain::codec::mapping::{AddressPart, Target};
use crate::domain::codec::plan::ImportProblem;
use crate::domain::codec::text::TextError;
use crate::domain::custom_field::CustomFieldDef;

fn part(p: AddressPart) -> K {
    match p {
        AddressPart::Street => K::PartStreet,
        AddressPart::Street2 => K::PartStreet2,
        AddressPart::PostalCode => K::PartPostalCode,
        AddressPart::City => K::PartCity,
        AddressPart::Region => K::PartRegion,
        AddressPart::Country => K::PartCountry,
    }
}

/// Where a column goes, in words: "E-mail 2 (travail)", "Adresse 1 : ville".
pub fn target_text(lang: Lang, target: &Target, defs: &[CustomFieldDef]) -> String {
    let slot = |slot: &u8| (slot + 1).to_string();
    let numbered = |key: K, s: &u8| tf(lang, key, &[("slot", &slot(s))]);
    let key = match target {
        Target::Ignore => K::TgIgnore,
        Target::CarnetId => K::TgCarnetId,
        Target::Kind => K::TgKind,
        Target::Status => K::TgStatus,
        Target::Civility => K::FCivility,
        Target::FirstName => K::FFirstName,
        Target::MiddleName => K::TgMiddleName,
        Target::LastName => K::FLastName,
        Target::FullName => K::TgFullName,
        Target::Sex => K::FSex,
        Target::BirthDate => K::FBirthDate,
        Target::Company => K::FCompany,
        Target::JobTitle => K::FJobTitle,
        Target::Sector => K::FSector,
        Target::Revenue => K::TgRevenue,
        Target::Headcount => K::FHeadcount,
        Target::Email { slot, label } => {
            return with_label(lang, &numbered(K::TgEmail, slot), label);
        }
        Target::EmailLabel { slot } => return numbered(K::TgEmailLabel, slot),
        Target::Phone { slot, label } => {
            return with_label(lang, &numbered(K::TgPhone, slot), label);
        }
        Target::PhoneLabel { slot } => return numbered(K::TgPhoneLabel, slot),
        Target::Address {
            slot: s,
            part: p,
            label,
        } => {
            let text = tf(
                lang,
                K::TgAddress,
                &[("slot", &slot(s)), ("part", t(lang, part(*p)))],
            );
            return with_label(lang, &text, label);
        }
        Target::AddressLabel { slot } => return numbered(K::TgAddressLabel, slot),
        Target::Website => K::FWebsite,
        Target::Owner => K::FOwner,
        Target::Source => K::FSource,
        Target::FirstContact => K::FFirstContact,
        Target::PreferredChannel => K::FPreferredChannel,
        Target::Interests { .. } => K::Interests,
        Target::Tags { .. } => K::Tags,
        Target::Notes => K::FNotes,
        Target::NoteLine => K::TgNoteLine,
        Target::ExternalId { system } => {
            return tf(lang, K::TgExternalId, &[("system", system)]);
        }
        Target::ExternalIds => K::TgExternalIds,
        Target::Custom { id } => {
            let name = defs
                .iter()
                .find(|d| &d.id == id)
                .map_or(id.as_str(), |d| d.name.as_str());
            return tf(lang, K::TgCustom, &[("name", name)]);
        }
    };
    t(lang, key).to_string()
}

/// What is wrong with a row or a value.
pub fn import_problem_text(lang: Lang, p: &ImportProblem) -> String {
    let key = match p {
        ImportProblem::Invalid(problem) => return problem_text(lang, problem),
        ImportProblem::UnknownValue => K::IpUnknownValue,
        ImportProblem::NoYear => K::IpNoYear,
        ImportProblem::Ragged { expected, found } => {
            let expected = expected.to_string();
            return tn(lang, K::IpRagged, *found, &[("expected", &expected)]);
        }
        ImportProblem::DuplicateInFile { line } => {
            return tf(lang, K::IpDuplicateInFile, &[("line", &line.to_string())]);
        }
        ImportProblem::NoMatchingFiche => K::IpNoMatchingFiche,
        ImportProblem::DateRequired => K::IpDateRequired,
        ImportProblem::UnknownKind => K::IpUnknownKind,
    };
    t(lang, key).to_string()
}

/// Why a file could not be read at all.
pub fn read_error_text(lang: Lang, e: &ReadError) -> String {
    match e {
        ReadError::Text(e) => text_error_text(lang, e),
        ReadError::NoHeader => t(lang, K::RdNoHeader).to_string(),
        ReadError::Csv { line, reason } => tf(
            lang,
            K::RdCsv,
            &[("line", &line.to_string()), ("reason", reason)],
        ),
        ReadError::TooManyColumns { found, max } => tf(
            lang,
            K::RdTooManyColumns,
            &[("found", &found.to_string()), ("max", &max.to_string())],
        ),
    }
}

pub fn text_error_text(lang: Lang, e: &TextError) -> String {
    match e {
        TextError::Empty => t(lang, K::TxEmpty).to_string(),
        TextError::TooLarge { size, limit } => tf(
            lang,
            K::TxTooLarge,
            &[
                ("size", &(size / 1_000_000).to_string()),
                ("limit", &(limit / 1_000_000).to_string()),
            ],
        ),
        TextError::Binary => t(lang, K::TxBinary).to_string(),
    }
}

pub fn backup_error_text(lang: Lang, e: &BackupError) -> String {
    match e {
        BackupError::NotJson(_) | BackupError::NotABackup => t(lang, K::BkNotABackup).to_string(),
        BackupError::NewerVersion { found } => {
            tf(lang, K::BkNewerVersion, &[("version", &found.to_string())])
        }
        BackupError::Malformed(detail) => tf(lang, K::BkMalformed, &[("detail", detail)]),
        BackupError::Inconsistent(problems) => tn(lang, K::BkInconsistent, problems.len(), &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_reads_in_each_language_own_punctuation() {
        let city = Target::Address {
            slot: 0,
            part: AddressPart::City,
            label: "bureau".into(),
        };
        assert_eq!(
            target_text(Lang::Fr, &city, &[]),
            "Adresse 1 : ville (bureau)"
        );
        assert_eq!(
            target_text(Lang::En, &city, &[]),
            "Address 1: city (bureau)"
        );
        let email = Target::Email {
            slot: 1,
            label: String::new(),
        };
        assert_eq!(target_text(Lang::Fr, &email, &[]), "E-mail 2");
        let custom = Target::Custom { id: "oil".into() };
        assert_eq!(target_text(Lang::En, &custom, &[]), "Field: oil");
    }

    #[test]
    fn a_short_row_counts_its_columns() {
        let p = ImportProblem::Ragged {
            expected: 3,
            found: 1,
        };
        assert_eq!(import_problem_text(Lang::Fr, &p), "1 colonne au lieu de 3.");
        assert_eq!(import_problem_text(Lang::En, &p), "1 column instead of 3.");
    }
}
