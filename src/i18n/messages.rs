//! Sentences for what the domain refuses and what storage reports.

use super::{fill, Lang};
use crate::domain::validate::Problem;
use chrono::{DateTime, Local, Timelike, Utc};

use crate::domain::dates::format_date;
use crate::domain::safety::{FileMark, NEARLY_FULL};
use crate::storage::StorageError;

/// What is wrong with a field, said to the person who typed it.
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    use Problem::*;
    let (fr, en) = match p {
        TooLong { max } => {
            let max = whole_number(lang, *max);
            return match lang {
                Lang::Fr => format!("Ce texte est trop long : {max} caractères au plus."),
                Lang::En => format!("This text is too long: {max} characters at most."),
            };
        }
        NameRequired => (
            "Indiquez un nom : prénom, nom ou société.",
            "Enter a name: first name, last name or company.",
        ),
        InvalidEmail => (
            "Cette adresse e-mail n'est pas valide (exemple : nom@domaine.fr).",
            "This e-mail address is not valid (example: name@domain.com).",
        ),
        PhoneTooFewDigits => (
            "Ce numéro n'a pas assez de chiffres.",
            "This number does not have enough digits.",
        ),
        PhoneTooManyDigits => (
            "Ce numéro a trop de chiffres.",
            "This number has too many digits.",
        ),
        PhoneInvalidCharacters => (
            "Un numéro ne contient que des chiffres, espaces, points, tirets et un + initial.",
            "A number holds only digits, spaces, dots, dashes and a leading +.",
        ),
        PhoneMissingCountryCode => (
            "Commencez par 0 (France) ou par l'indicatif du pays (+33, +44…).",
            "Start with 0 (France) or the country code (+33, +44…).",
        ),
        BirthDateInFuture => (
            "La date de naissance ne peut pas être dans le futur.",
            "The birth date cannot be in the future.",
        ),
        BirthDateBefore1900 => (
            "La date de naissance doit être postérieure au 1er janvier 1900.",
            "The birth date must be after 1 January 1900.",
        ),
        FirstContactInFuture => (
            "La date de prise de contact ne peut pas être dans le futur.",
            "The first-contact date cannot be in the future.",
        ),
        NegativeRevenue => (
            "Le chiffre d'affaires ne peut pas être négatif.",
            "Revenue cannot be negative.",
        ),
        UnsafeLink => (
            "Ce lien n'est pas autorisé : seules les adresses web (http, https) le sont.",
            "This link is not allowed: only web addresses (http, https) are.",
        ),
        InvalidWebsite => (
            "Ce n'est pas une adresse web valide.",
            "This is not a valid web address.",
        ),
        PostalCodeInvalid => (
            "Un code postal français a cinq chiffres.",
            "A French postal code has five digits.",
        ),
        AmountRequired => (
            "Indiquez le montant de l'achat.",
            "Enter the amount of the purchase.",
        ),
        AmountNotExpected => (
            "Ce type d'événement n'a pas de montant.",
            "This kind of event has no amount.",
        ),
        NegativeAmount => (
            "Un devis ne peut pas être négatif : un remboursement s'enregistre comme un achat de montant négatif.",
            "A quote cannot be negative: record a refund as a purchase with a negative amount.",
        ),
        InvalidAmount => (
            "Ce montant n'est pas lisible (exemple : 12,50).",
            "This amount cannot be read (example: 12.50).",
        ),
        AmountTooPrecise => (
            "Pas plus de deux chiffres après la virgule.",
            "No more than two decimals.",
        ),
        AmountTooLarge => ("Ce montant est trop grand.", "This amount is too large."),
        InvalidNumber => ("Indiquez un nombre.", "Enter a number."),
        InvalidDate => ("Cette date n'est pas valide.", "This date is not valid."),
        DateOutOfRange => (
            "Cette date semble erronée (année avant 1900 ou après 2200).",
            "This date looks wrong (year before 1900 or after 2200).",
        ),
        InvalidYesNo => ("Répondez par oui ou non.", "Answer yes or no."),
        ChoiceNotInList => (
            "Choisissez une valeur de la liste.",
            "Pick a value from the list.",
        ),
        WrongType => (
            "Cette valeur n'a pas le type attendu pour ce champ.",
            "This value does not have the type this field expects.",
        ),
        ConsentDateInFuture => (
            "La date du consentement ne peut pas être dans le futur.",
            "The consent date cannot be in the future.",
        ),
        StatusRequired => ("Choisissez un état.", "Choose a status."),
        StatusNotAllowed => (
            "Cet état ne convient pas à ce type d'événement.",
            "This status does not fit this kind of event.",
        ),
        NoteEmpty => (
            "Une note a besoin d'un libellé ou d'un texte.",
            "A note needs a label or a text.",
        ),
        InvalidCurrency => (
            "Une devise s'écrit en trois lettres (EUR, USD…).",
            "A currency is three letters (EUR, USD…).",
        ),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
    .to_string()
}

/// "20 000" (U+202F, as French amounts) or "20,000".
fn whole_number(lang: Lang, n: usize) -> String {
    let sep = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// What went wrong with the browser's storage, and what the person can do about it.
pub fn storage_text(lang: Lang, e: &StorageError) -> String {
    let (fr, en): (String, String) = match e {
        StorageError::QuotaExceeded => (
            "L'espace de stockage du navigateur est plein : rien n'a été enregistré. Libérez de la place sur l'appareil, puis réessayez.".into(),
            "The browser's storage is full: nothing was saved. Free some space on the device, then try again.".into(),
        ),
        StorageError::NoRoom { need, free } => {
            let need = super::format_bytes(lang, *need as f64);
            let left = free.map(|f| super::format_bytes(lang, f as f64));
            let (fr, en) = match &left {
                Some(_) => (
                    "Il n'y a pas assez de place sur l'appareil pour cette opération : elle demande environ {need} libres, il en reste {free}.",
                    "There is not enough space on the device for this: it needs about {need} free, {free} are left.",
                ),
                None => (
                    "Il n'y a pas assez de place sur l'appareil pour cette opération : elle demande environ {need} libres.",
                    "There is not enough space on the device for this: it needs about {need} free.",
                ),
            };
            let values = [("need", need.as_str()), ("free", left.as_deref().unwrap_or(""))];
            (
                fill(fr, &values) + " Rien n'a été écrit et votre fichier est intact. Libérez de la place (ou importez un fichier plus petit), puis réessayez.",
                fill(en, &values) + " Nothing was written and your file is intact. Free some space (or import a smaller file), then try again.",
            )
        }
        StorageError::Closed { free } => match free.filter(|&f| f < NEARLY_FULL) {
            Some(free) => {
                let free = super::format_bytes(lang, free as f64);
                (
                    fill("Le disque de l'appareil est plein (il reste {free}) et le navigateur a fermé la base de données du fichier : plus rien ne peut être enregistré dans cette page. Téléchargez d'abord les fiches affichées, puis libérez de la place et rechargez la page.", &[("free", &free)]),
                    fill("The device's disk is full ({free} left) and the browser closed the file's database: nothing more can be saved in this page. First download the records shown, then free some space and reload the page.", &[("free", &free)]),
                )
            }
            None => (
                "Le navigateur a fermé la base de données du fichier : plus rien ne peut être enregistré dans cette page. Cela arrive quand le disque est plein, quand les données du site sont effacées ou quand la base est endommagée. Téléchargez d'abord les fiches affichées, puis libérez de la place si le disque est plein et rechargez la page.".into(),
                "The browser closed the file's database: nothing more can be saved in this page. This happens when the disk is full, when the site's data is cleared, or when the database is damaged. First download the records shown, then free some space if the disk is full and reload the page.".into(),
            ),
        },
        StorageError::Blocked => (
            "Carnet est ouvert dans un autre onglet avec une version plus ancienne : fermez les autres onglets, puis rechargez.".into(),
            "Carnet is open in another tab with an older version: close the other tabs, then reload.".into(),
        ),
        StorageError::NewerVersion => (
            "Ce fichier a été enregistré par une version plus récente de Carnet : rechargez la page.".into(),
            "This file was saved by a newer version of Carnet: reload the page.".into(),
        ),
        StorageError::Unavailable => (
            "Le stockage du navigateur n'est pas disponible (navigation privée ou données de site désactivées) : Carnet ne peut rien enregistrer ici.".into(),
            "The browser's storage is not available (private browsing or site data disabled): Carnet cannot save anything here.".into(),
        ),
        StorageError::Conflict { .. } => (
            "Cette fiche a été modifiée ailleurs (un autre onglet ?) : rechargez-la avant d'enregistrer. Rien n'a été écrasé.".into(),
            "This record was changed elsewhere (another tab?): reload it before saving. Nothing was overwritten.".into(),
        ),
        StorageError::Deleted { .. } => (
            "Cette fiche a été supprimée dans un autre onglet : elle n'a pas été enregistrée.".into(),
            "This record was deleted in another tab: it was not saved.".into(),
        ),
        StorageError::ChangedSinceImport { ids } => (
            format!("L'import ne peut pas être annulé : {} fiche(s) ont été modifiées depuis. Rien n'a été changé.", ids.len()),
            format!("The import cannot be undone: {} record(s) were changed since. Nothing was changed.", ids.len()),
        ),
        StorageError::NotFound { .. } => (
            "Cette fiche n'existe plus (supprimée dans un autre onglet ?).".into(),
            "This record no longer exists (deleted in another tab?).".into(),
        ),
        StorageError::Corrupt(detail) => (
            format!("Un enregistrement est illisible et a été laissé de côté : {detail}"),
            format!("A stored record could not be read and was left aside: {detail}"),
        ),
        StorageError::Other(detail) => (
            format!("Le stockage du navigateur a refusé l'opération : {detail}"),
            format!("The browser's storage refused the operation: {detail}"),
        ),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The date and time of `at` as the user reads it (device's local time).
fn when(lang: Lang, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Local).naive_local();
    let date = format_date(local.date(), lang);
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    match lang {
        Lang::Fr => format!("{date} à {time}"),
        Lang::En => format!("{date} at {time}"),
    }
}

/// What the file held on this device when last seen, and the last backup: the way back after
/// a failure or a loss.
pub fn mark_text(lang: Lang, mark: &FileMark) -> String {
    let (n, at) = (mark.fiches.to_string(), when(lang, mark.at));
    let held = match lang {
        Lang::Fr => fill(
            "Sur cet appareil, le fichier contenait {n} fiches le {at}.",
            &[("n", &n), ("at", &at)],
        ),
        Lang::En => fill(
            "On this device, the file held {n} records on {at}.",
            &[("n", &n), ("at", &at)],
        ),
    };
    let backup = match (mark.backup, lang) {
        (Some(b), Lang::Fr) => fill("Votre dernière sauvegarde JSON date du {at} : restaurez-la depuis « Import / export », « Restaurer une sauvegarde ».", &[("at", &when(lang, b))]),
        (Some(b), Lang::En) => fill("Your last JSON backup was made on {at}: restore it from “Import / export”, “Restore a backup”.", &[("at", &when(lang, b))]),
        (None, Lang::Fr) => "Aucune sauvegarde n'a été faite sur cet appareil : si vous en avez une ailleurs (un autre appareil, un e-mail), restaurez-la depuis « Import / export ».".into(),
        (None, Lang::En) => "No backup was made on this device: if you have one elsewhere (another device, an e-mail), restore it from “Import / export”.".into(),
    };
    format!("{held} {backup}")
}

/// Why the file could not be opened, where it opened before (`mark`), with the free space.
pub fn open_failed_text(
    lang: Lang,
    error: &StorageError,
    mark: &FileMark,
    free: Option<u64>,
) -> String {
    let first = match error {
        // It opened before on this device: not private browsing, the browser refuses it now.
        StorageError::Unavailable => match lang {
            Lang::Fr => "Le navigateur refuse d'ouvrir la base de données du fichier, qui s'ouvrait jusqu'ici sur cet appareil.".to_string(),
            Lang::En => "The browser refuses to open the file's database, which opened on this device until now.".to_string(),
        },
        e => storage_text(lang, e),
    };
    let disk = match free.filter(|&f| f < NEARLY_FULL) {
        Some(f) => {
            let free = super::format_bytes(lang, f as f64);
            match lang {
                Lang::Fr => fill(" Le disque est presque plein (il reste {free}) : libérez de la place, puis rechargez la page, avant toute autre chose.", &[("free", &free)]),
                Lang::En => fill(" The disk is almost full ({free} left): free some space, then reload the page, before anything else.", &[("free", &free)]),
            }
        }
        None => match lang {
            Lang::Fr => " Vos fiches sont sans doute encore sur le disque : rechargez la page, ou redémarrez le navigateur.".into(),
            Lang::En => " Your records are probably still on disk: reload the page, or restart the browser.".into(),
        },
    };
    format!("{first}{disk} {}", mark_text(lang, mark))
}

/// The file is empty where it held fiches: said at once, with the way back.
pub fn lost_text(lang: Lang, mark: &FileMark) -> String {
    let head = match lang {
        Lang::Fr => "Votre fichier est vide, alors qu'il ne l'était pas : le navigateur a peut-être effacé sa base de données (cela peut arriver quand le disque est plein).",
        Lang::En => "Your file is empty, though it was not: the browser may have discarded its database (this can happen when the disk is full).",
    };
    format!("{head} {}", mark_text(lang, mark))
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
}
