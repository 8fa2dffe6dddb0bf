//! Words of the import and export page that depend on data: where a column goes, what is wrong
//! with a row.

use super::{fill, messages::problem_text, Lang};
use crate::domain::codec::csv_read::ReadError;
use crate::domain::codec::json_backup::BackupError;
use crate::domain::codec::mapping::{AddressPart, Target};
use crate::domain::codec::plan::ImportProblem;
use crate::domain::codec::text::TextError;
use crate::domain::custom_field::CustomFieldDef;

fn pick(lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
    .to_string()
}

fn part(lang: Lang, p: AddressPart) -> String {
    match p {
        AddressPart::Street => pick(lang, "rue", "street"),
        AddressPart::Street2 => pick(lang, "complément d'adresse", "street (line 2)"),
        AddressPart::PostalCode => pick(lang, "code postal", "postal code"),
        AddressPart::City => pick(lang, "ville", "city"),
        AddressPart::Region => pick(lang, "région", "region"),
        AddressPart::Country => pick(lang, "pays", "country"),
    }
}

/// Where a column goes, in words: "E-mail 2 (travail)", "Adresse 1 : ville".
pub fn target_text(lang: Lang, t: &Target, defs: &[CustomFieldDef]) -> String {
    let n = |slot: &u8| slot + 1;
    let with_label = |s: String, label: &str| {
        if label.is_empty() {
            s
        } else {
            format!("{s} ({label})")
        }
    };
    match t {
        Target::Ignore => pick(lang, "— ne pas importer —", "— do not import —"),
        Target::CarnetId => pick(lang, "Identifiant Carnet", "Carnet id"),
        Target::Kind => pick(
            lang,
            "Type (particulier / entreprise)",
            "Type (person / company)",
        ),
        Target::Status => pick(
            lang,
            "Statut (prospect / client)",
            "Status (prospect / customer)",
        ),
        Target::Civility => pick(lang, "Civilité", "Title"),
        Target::FirstName => pick(lang, "Prénom", "First name"),
        Target::MiddleName => pick(lang, "Deuxième prénom", "Middle name"),
        Target::LastName => pick(lang, "Nom", "Last name"),
        Target::FullName => pick(lang, "Nom complet", "Full name"),
        Target::Sex => pick(lang, "Sexe", "Sex"),
        Target::BirthDate => pick(lang, "Date de naissance", "Birth date"),
        Target::Company => pick(lang, "Société", "Company"),
        Target::JobTitle => pick(lang, "Fonction", "Job title"),
        Target::Sector => pick(lang, "Secteur d'activité", "Sector"),
        Target::Revenue => pick(lang, "Chiffre d'affaires", "Revenue"),
        Target::Headcount => pick(lang, "Effectif", "Headcount"),
        Target::Email { slot, label } => with_label(format!("E-mail {}", n(slot)), label),
        Target::EmailLabel { slot } => format!(
            "{} {}",
            pick(lang, "Libellé de l'e-mail", "E-mail label"),
            n(slot)
        ),
        Target::Phone { slot, label } => with_label(
            format!("{} {}", pick(lang, "Téléphone", "Phone"), n(slot)),
            label,
        ),
        Target::PhoneLabel { slot } => format!(
            "{} {}",
            pick(lang, "Libellé du téléphone", "Phone label"),
            n(slot)
        ),
        Target::Address {
            slot,
            part: p,
            label,
        } => with_label(
            format!(
                "{} {} : {}",
                pick(lang, "Adresse", "Address"),
                n(slot),
                part(lang, *p)
            ),
            label,
        ),
        Target::AddressLabel { slot } => format!(
            "{} {}",
            pick(lang, "Libellé de l'adresse", "Address label"),
            n(slot)
        ),
        Target::Website => pick(lang, "Site web", "Website"),
        Target::Owner => pick(lang, "Commercial en charge", "Owner"),
        Target::Source => pick(lang, "Source", "Source"),
        Target::FirstContact => pick(lang, "Date de prise de contact", "First-contact date"),
        Target::PreferredChannel => pick(lang, "Canal de contact privilégié", "Preferred channel"),
        Target::Interests { .. } => pick(lang, "Centres d'intérêt", "Interests"),
        Target::Tags { .. } => pick(lang, "Étiquettes", "Tags"),
        Target::Notes => pick(lang, "Notes", "Notes"),
        Target::NoteLine => pick(
            lang,
            "Notes (avec le nom de la colonne)",
            "Notes (with the column name)",
        ),
        Target::ExternalId { system } => format!(
            "{} ({system})",
            pick(lang, "Identifiant externe", "External id")
        ),
        Target::ExternalIds => pick(lang, "Identifiants externes", "External ids"),
        Target::Custom { id } => {
            let name = defs
                .iter()
                .find(|d| &d.id == id)
                .map_or(id.as_str(), |d| d.name.as_str());
            format!("{} : {name}", pick(lang, "Champ", "Field"))
        }
    }
}

/// What is wrong with a row or a value.
pub fn import_problem_text(lang: Lang, p: &ImportProblem) -> String {
    match p {
        ImportProblem::Invalid(problem) => problem_text(lang, problem),
        ImportProblem::UnknownValue => pick(lang, "Valeur non reconnue.", "Value not recognised."),
        ImportProblem::NoYear => pick(
            lang,
            "Date sans année : ignorée.",
            "Date without a year: ignored.",
        ),
        ImportProblem::Ragged { expected, found } => match lang {
            Lang::Fr => format!("{found} colonnes au lieu de {expected}."),
            Lang::En => format!("{found} columns instead of {expected}."),
        },
        ImportProblem::DuplicateInFile { line } => match lang {
            Lang::Fr => format!("Même personne que la ligne {line} : fusionnée avec elle."),
            Lang::En => format!("Same person as line {line}: merged with it."),
        },
        ImportProblem::NoMatchingFiche => {
            pick(lang, "Aucune fiche ne correspond.", "No record matches.")
        }
        ImportProblem::DateRequired => pick(lang, "Date manquante.", "Date missing."),
        ImportProblem::UnknownKind => {
            pick(lang, "Type d'événement inconnu.", "Unknown kind of event.")
        }
    }
}

/// Why a file could not be read at all.
pub fn read_error_text(lang: Lang, e: &ReadError) -> String {
    match e {
        ReadError::Text(t) => text_error_text(lang, t),
        ReadError::NoHeader => pick(
            lang,
            "Ce fichier n'a pas de ligne d'en-tête.",
            "This file has no header line.",
        ),
        ReadError::Csv { line, reason } => match lang {
            Lang::Fr => format!("Ligne {line} illisible : {reason}"),
            Lang::En => format!("Line {line} cannot be read: {reason}"),
        },
        ReadError::TooManyColumns { found, max } => {
            let (found, max) = (found.to_string(), max.to_string());
            let values = [("found", found.as_str()), ("max", max.as_str())];
            match lang {
                Lang::Fr => fill("Ce fichier a {found} colonnes ; Carnet en lit au plus {max}. Un export de contacts ou de ventes en a bien moins : vérifiez le séparateur, ou retirez les colonnes inutiles dans le tableur.", &values),
                Lang::En => fill("This file has {found} columns; Carnet reads at most {max}. An export of contacts or sales has far fewer: check the separator, or remove the columns you do not need in the spreadsheet.", &values),
            }
        }
    }
}

pub fn text_error_text(lang: Lang, e: &TextError) -> String {
    match e {
        TextError::Empty => pick(lang, "Ce fichier est vide.", "This file is empty."),
        TextError::TooLarge { size, limit } => match lang {
            Lang::Fr => format!("Ce fichier fait {} Mo ; la limite est de {} Mo.", size / 1_000_000, limit / 1_000_000),
            Lang::En => format!("This file is {} MB; the limit is {} MB.", size / 1_000_000, limit / 1_000_000),
        },
        TextError::Binary => pick(
            lang,
            "Ce n'est pas un fichier texte : un classeur Excel doit d'abord être enregistré au format CSV.",
            "This is not a text file: a spreadsheet must first be saved as CSV.",
        ),
    }
}

pub fn backup_error_text(lang: Lang, e: &BackupError) -> String {
    match e {
        BackupError::NotJson(_) | BackupError::NotABackup => pick(
            lang,
            "Ce fichier n'est pas une sauvegarde Carnet.",
            "This file is not a Carnet backup.",
        ),
        BackupError::NewerVersion { found } => match lang {
            Lang::Fr => format!("Cette sauvegarde (version {found}) vient d'une version plus récente de Carnet : mettez l'application à jour."),
            Lang::En => format!("This backup (version {found}) comes from a newer Carnet: update the app."),
        },
        BackupError::Malformed(detail) => match lang {
            Lang::Fr => format!("Cette sauvegarde est endommagée : {detail}. Rien n'a été modifié."),
            Lang::En => format!("This backup is damaged: {detail}. Nothing was changed."),
        },
        BackupError::Inconsistent(problems) => match lang {
            Lang::Fr => format!("Cette sauvegarde est incohérente ({} problème(s)) : rien n'a été modifié.", problems.len()),
            Lang::En => format!("This backup is inconsistent ({} problem(s)): nothing was changed.", problems.len()),
        },
    }
}
