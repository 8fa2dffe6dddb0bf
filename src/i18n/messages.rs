//! Sentences for what the domain refuses and what storage reports: each variant maps to a key
//! of the table, with its data in placeholders.

use super::{format_bytes, t, tf, tn, Lang, K};
use crate::domain::validate::Problem;
use chrono::{DateTime, Local, Timelike, Utc};

use crate::domain::dates::format_date;
use crate::domain::money::format_whole;
use crate::domain::safety::{FileMark, NEARLY_FULL};
use crate::storage::StorageError;

/// What is wrong with a field, said to the person who typed it.
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    use Problem::*;
    let key = match p {
        TooLong { max } => {
            return tf(lang, K::PrTooLong, &[("max", &format_whole(*max, lang))]);
        }
        NameRequired => K::PrNameRequired,
        InvalidEmail => K::PrInvalidEmail,
        PhoneTooFewDigits => K::PrPhoneTooFewDigits,
        PhoneTooManyDigits => K::PrPhoneTooManyDigits,
        PhoneInvalidCharacters => K::PrPhoneInvalidCharacters,
        PhoneMissingCountryCode => K::PrPhoneMissingCountryCode,
        BirthDateInFuture => K::PrBirthDateInFuture,
        BirthDateBefore1900 => K::PrBirthDateBefore1900,
        FirstContactInFuture => K::PrFirstContactInFuture,
        NegativeRevenue => K::PrNegativeRevenue,
        UnsafeLink => K::PrUnsafeLink,
        InvalidWebsite => K::PrInvalidWebsite,
        PostalCodeInvalid => K::PrPostalCodeInvalid,
        AmountRequired => K::PrAmountRequired,
        AmountNotExpected => K::PrAmountNotExpected,
        NegativeAmount => K::PrNegativeAmount,
        InvalidAmount => K::PrInvalidAmount,
        AmountTooPrecise => K::PrAmountTooPrecise,
        AmountTooLarge => K::PrAmountTooLarge,
        InvalidNumber => K::PrInvalidNumber,
        InvalidDate => K::PrInvalidDate,
        DateOutOfRange => K::PrDateOutOfRange,
        InvalidYesNo => K::PrInvalidYesNo,
        ChoiceNotInList => K::PrChoiceNotInList,
        WrongType => K::PrWrongType,
        ConsentDateInFuture => K::PrConsentDateInFuture,
        StatusRequired => K::PrStatusRequired,
        StatusNotAllowed => K::PrStatusNotAllowed,
        NoteEmpty => K::PrNoteEmpty,
        InvalidCurrency => K::PrInvalidCurrency,
    };
    t(lang, key).to_string()
}

/// What went wrong with the browser's storage, and what the person can do about it.
pub fn storage_text(lang: Lang, e: &StorageError) -> String {
    let bytes = |b: u64| format_bytes(lang, b as f64);
    let key = match e {
        StorageError::QuotaExceeded => K::StQuotaExceeded,
        StorageError::NoRoom { need, free } => {
            let need = bytes(*need);
            return match free {
                Some(free) => tf(
                    lang,
                    K::StNoRoomLeft,
                    &[("need", &need), ("free", &bytes(*free))],
                ),
                None => tf(lang, K::StNoRoom, &[("need", &need)]),
            };
        }
        StorageError::Closed { free } => match free.filter(|&f| f < NEARLY_FULL) {
            Some(free) => return tf(lang, K::StClosedDiskFull, &[("free", &bytes(free))]),
            None => K::StClosed,
        },
        StorageError::Blocked => K::StBlocked,
        StorageError::NewerVersion => K::StNewerVersion,
        StorageError::Unavailable => K::StUnavailable,
        StorageError::Conflict { .. } => K::StConflict,
        StorageError::Deleted { .. } => K::StDeleted,
        StorageError::ChangedSinceImport { ids } => {
            return tn(lang, K::StChangedSinceImport, ids.len(), &[]);
        }
        StorageError::NotFound { .. } => K::StNotFound,
        StorageError::Corrupt(detail) => return tf(lang, K::StCorrupt, &[("detail", detail)]),
        StorageError::Other(detail) => return tf(lang, K::StOther, &[("detail", detail)]),
    };
    t(lang, key).to_string()
}

/// The date and time of `at` as the user reads it (device's local time).
fn when(lang: Lang, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Local).naive_local();
    let date = format_date(local.date(), lang);
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    tf(lang, K::DateAtTime, &[("date", &date), ("time", &time)])
}

/// What the file held on this device when last seen, and the last backup: the way back after
/// a failure or a loss. Two sentences.
pub fn mark_text(lang: Lang, mark: &FileMark) -> String {
    let held = tn(
        lang,
        K::MarkHeld,
        usize::try_from(mark.fiches).unwrap_or(usize::MAX),
        &[("at", &when(lang, mark.at))],
    );
    let backup = match mark.backup {
        Some(b) => tf(lang, K::MarkBackup, &[("at", &when(lang, b))]),
        None => t(lang, K::MarkNoBackup).to_string(),
    };
    format!("{held} {backup}")
}

/// Why the file could not be opened, where it opened before (`mark`), with the free space:
/// whole sentences, one after the other.
pub fn open_failed_text(
    lang: Lang,
    error: &StorageError,
    mark: &FileMark,
    free: Option<u64>,
) -> String {
    let first = match error {
        // It opened before on this device: not private browsing, the browser refuses it now.
        StorageError::Unavailable => t(lang, K::OpenRefused).to_string(),
        e => storage_text(lang, e),
    };
    let disk = match free.filter(|&f| f < NEARLY_FULL) {
        Some(f) => tf(
            lang,
            K::DiskAlmostFull,
            &[("free", &format_bytes(lang, f as f64))],
        ),
        None => t(lang, K::ProbablyOnDisk).to_string(),
    };
    format!("{first} {disk} {}", mark_text(lang, mark))
}

/// The file is empty where it held fiches: said at once, with the way back.
pub fn lost_text(lang: Lang, mark: &FileMark) -> String {
    format!("{} {}", t(lang, K::LostFile), mark_text(lang, mark))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fiche_deleted_elsewhere_is_not_said_to_be_changed() {
        let deleted = StorageError::Deleted { id: "f1".into() };
        assert_eq!(
            storage_text(Lang::Fr, &deleted),
            "Cette fiche a été supprimée dans un autre onglet : elle n'a pas été enregistrée."
        );
        assert_eq!(
            storage_text(Lang::En, &deleted),
            "This record was deleted in another tab: it was not saved."
        );
        let changed = StorageError::Conflict { id: "f1".into() };
        assert!(storage_text(Lang::Fr, &changed).contains("modifiée ailleurs"));
    }

    #[test]
    fn a_text_too_long_says_the_limit_in_each_language() {
        let p = Problem::TooLong { max: 20_000 };
        assert_eq!(
            problem_text(Lang::Fr, &p),
            "Ce texte est trop long : 20\u{202f}000 caractères au plus."
        );
        assert_eq!(
            problem_text(Lang::En, &p),
            "This text is too long: 20,000 characters at most."
        );
        let p = Problem::TooLong { max: 100 };
        assert_eq!(
            problem_text(Lang::En, &p),
            "This text is too long: 100 characters at most."
        );
    }

    #[test]
    fn no_room_is_one_sentence_per_case_with_the_sizes() {
        let e = StorageError::NoRoom {
            need: 2_500_000,
            free: Some(1_000_000),
        };
        assert_eq!(
            storage_text(Lang::En, &e),
            "There is not enough space on the device for this: it needs about 2.5\u{a0}MB free, \
             1.0\u{a0}MB are left. Nothing was written and your file is intact. Free some space \
             (or import a smaller file), then try again."
        );
        let e = StorageError::NoRoom {
            need: 2_500_000,
            free: None,
        };
        assert!(storage_text(Lang::Fr, &e).starts_with(
            "Il n'y a pas assez de place sur l'appareil pour cette opération : elle demande \
             environ 2,5\u{a0}Mo libres. Rien n'a été écrit"
        ));
    }

    #[test]
    fn an_undo_refused_counts_the_changed_fiches() {
        let e = |n: usize| StorageError::ChangedSinceImport {
            ids: (0..n).map(|i| i.to_string()).collect(),
        };
        assert_eq!(
            storage_text(Lang::Fr, &e(1)),
            "L'import ne peut pas être annulé : 1 fiche a été modifiée depuis. Rien n'a été changé."
        );
        assert_eq!(
            storage_text(Lang::En, &e(2)),
            "The import cannot be undone: 2 records were changed since. Nothing was changed."
        );
    }
}
