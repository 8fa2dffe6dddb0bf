//! The one translation layer: every string a person reads comes from here.
//!
//! A typed key enum with a French and an English text per key, checked by the compiler (a
//! missing translation does not build). Chosen over leptos_i18n, which adds 62 KB gzip for the
//! same two tables. Messages about records (validation problems, storage errors) are in
//! `messages.rs`.

pub mod labels;
mod messages;

pub use crate::domain::lang::Lang;
pub use messages::{problem_text, storage_text};

macro_rules! texts {
    ($($key:ident => $fr:literal, $en:literal;)*) => {
        /// A user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum K { $($key,)* }

        /// The text of `key` in `lang`.
        pub fn t(lang: Lang, key: K) -> &'static str {
            match lang {
                Lang::Fr => match key { $(K::$key => $fr,)* },
                Lang::En => match key { $(K::$key => $en,)* },
            }
        }
    };
}

texts! {
    AppTagline => "Votre fichier client, privé, sur cet appareil", "Your customer file, private, on this device";
    NavList => "Fiches", "Records";
    NavSettings => "Réglages", "Settings";
    Language => "Langue", "Language";
    Loading => "Ouverture du fichier…", "Opening the file…";
    Dismiss => "Fermer", "Dismiss";
    // List
    SearchPlaceholder => "Rechercher : nom, société, e-mail, téléphone, ville", "Search: name, company, e-mail, phone, city";
    SearchLabel => "Rechercher", "Search";
    SortBy => "Trier par", "Sort by";
    SortName => "Nom", "Name";
    SortCreated => "Date de création", "Creation date";
    SortLastContact => "Dernier contact", "Last contact";
    Ascending => "croissant", "ascending";
    Descending => "décroissant", "descending";
    NewFiche => "Nouvelle fiche", "New record";
    FichesCount1 => "fiche", "record";
    FichesCountN => "fiches", "records";
    EmptyFile => "Votre fichier est vide. Créez une première fiche, ou chargez des données de démonstration pour découvrir Carnet.", "Your file is empty. Create a first record, or load demo data to discover Carnet.";
    LoadDemo => "Charger des données de démonstration", "Load demo data";
    DemoLoading => "Chargement des données de démonstration…", "Loading demo data…";
    DemoOnlyEmpty => "Les données de démonstration ne se chargent que dans un fichier vide.", "Demo data can only be loaded into an empty file.";
    NoMatch => "Aucune fiche ne correspond à la recherche.", "No record matches the search.";
    ShowMore => "Afficher plus", "Show more";
    ColName => "Nom", "Name";
    ColCompany => "Société", "Company";
    ColContact => "Contact", "Contact";
    ColCity => "Ville", "City";
    ColStatus => "Statut", "Status";
    ColTotal => "Total dépensé", "Total spent";
    ColLastContact => "Dernier contact", "Last contact";
    // Enums
    Person => "Particulier (B2C)", "Person (B2C)";
    Company => "Entreprise (B2B)", "Company (B2B)";
    Prospect => "Prospect", "Prospect";
    Client => "Client", "Customer";
    CivMr => "M.", "Mr";
    CivMrs => "Mme", "Mrs";
    CivMx => "Mx", "Mx";
    SexFemale => "Femme", "Female";
    SexMale => "Homme", "Male";
    SexOther => "Autre", "Other";
    ChEmail => "E-mail", "E-mail";
    ChSms => "SMS", "SMS";
    ChPhone => "Téléphone", "Phone";
    ChPost => "Courrier", "Post";
    ChInPerson => "En personne", "In person";
    NotSet => "—", "—";
    // Form
    FormNewTitle => "Nouvelle fiche", "New record";
    FormEditTitle => "Modifier la fiche", "Edit record";
    SecIdentity => "Identité", "Identity";
    SecContact => "Coordonnées", "Contact details";
    SecCompany => "Entreprise", "Company";
    SecRelationship => "Relation", "Relationship";
    SecPreferences => "Préférences et notes", "Preferences and notes";
    SecConsent => "Consentements", "Consents";
    SecCustom => "Spécifique à mon activité", "Specific to my business";
    FKind => "Type", "Type";
    FStatus => "Statut", "Status";
    FCivility => "Civilité", "Title";
    FFirstName => "Prénom", "First name";
    FLastName => "Nom", "Last name";
    FSex => "Sexe", "Sex";
    FBirthDate => "Date de naissance", "Birth date";
    FPhones => "Téléphones", "Phones";
    FEmails => "E-mails", "E-mails";
    FAddresses => "Adresses", "Addresses";
    FLabel => "Libellé", "Label";
    FPhone => "Téléphone", "Phone";
    FEmail => "E-mail", "E-mail";
    FStreet => "Rue", "Street";
    FPostalCode => "Code postal", "Postal code";
    FCity => "Ville", "City";
    FRegion => "Région", "Region";
    FCountry => "Pays", "Country";
    FWebsite => "Site web", "Website";
    FCompany => "Société", "Company";
    FJobTitle => "Fonction", "Job title";
    FSector => "Secteur d'activité", "Sector";
    FRevenue => "Chiffre d'affaires annuel (€)", "Yearly revenue (€)";
    FHeadcount => "Effectif", "Headcount";
    FOwner => "Commercial en charge", "Owner";
    FSource => "Source", "Source";
    FFirstContact => "Date de prise de contact", "First-contact date";
    FPreferredChannel => "Canal de contact privilégié", "Preferred channel";
    FInterests => "Centres d'intérêt (séparés par des virgules)", "Interests (comma-separated)";
    FTags => "Étiquettes (séparées par des virgules)", "Tags (comma-separated)";
    FNotes => "Notes", "Notes";
    Revenue => "Chiffre d'affaires annuel", "Yearly revenue";
    Interests => "Centres d'intérêt", "Interests";
    Tags => "Étiquettes", "Tags";
    NotesHint => "Restez objectif : pas d'opinion, ni de santé, religion, politique, syndicat, vie sexuelle ou infraction (CNIL).", "Keep it factual: no opinions, health, religion, politics, union membership, sex life or offences (GDPR).";
    AddPhone => "Ajouter un téléphone", "Add a phone";
    AddEmail => "Ajouter un e-mail", "Add an e-mail";
    AddAddress => "Ajouter une adresse", "Add an address";
    Remove => "Retirer", "Remove";
    ConsentUnknown => "Non demandé", "Not asked";
    ConsentGranted => "Accordé", "Given";
    ConsentWithdrawn => "Retiré", "Withdrawn";
    ConsentDate => "Date", "Date";
    ConsentSource => "Preuve / source", "Proof / source";
    Save => "Enregistrer", "Save";
    Saving => "Enregistrement…", "Saving…";
    Cancel => "Annuler", "Cancel";
    FormHasErrors => "Certains champs sont à corriger : rien n'a été enregistré.", "Some fields need fixing: nothing was saved.";
    Yes => "Oui", "Yes";
    No => "Non", "No";
    // Fiche page
    Back => "← Retour à la liste", "← Back to the list";
    Edit => "Modifier", "Edit";
    Delete => "Supprimer", "Delete";
    ConfirmDeleteFiche => "Supprimer définitivement cette fiche et tout son historique ?", "Delete this record and all its history for good?";
    ConfirmDelete => "Oui, supprimer", "Yes, delete";
    FicheNotFound => "Cette fiche n'existe pas ou a été supprimée.", "This record does not exist or was deleted.";
    Summary => "Synthèse", "Summary";
    TotalSpent => "Total dépensé", "Total spent";
    Orders => "Commandes", "Orders";
    AverageBasket => "Panier moyen", "Average basket";
    FirstPurchase => "Premier achat", "First purchase";
    LastPurchase => "Dernier achat", "Last purchase";
    LastContact => "Dernier contact", "Last contact";
    Contacts => "Contacts", "Contacts";
    History => "Historique", "History";
    NoHistory => "Aucun événement pour l'instant.", "Nothing recorded yet.";
    AddEntry => "Ajouter un événement", "Add an event";
    EditEntry => "Modifier l'événement", "Edit event";
    EntryKind => "Type", "Type";
    EntryDate => "Date", "Date";
    EntryAmount => "Montant (€)", "Amount (€)";
    EntryLabel => "Libellé", "Label";
    EntryStatus => "État", "Status";
    EntryText => "Détails", "Details";
    ConfirmDeleteEntry => "Supprimer cet événement ?", "Delete this event?";
    Created => "Créée le", "Created";
    Updated => "Modifiée le", "Updated";
    // History kinds and statuses
    HkPurchase => "Achat", "Purchase";
    HkQuote => "Devis", "Quote";
    HkInvoice => "Facture", "Invoice";
    HkCall => "Appel", "Call";
    HkVisit => "Visite", "Visit";
    HkEmail => "E-mail", "E-mail";
    HkMeeting => "Rendez-vous", "Meeting";
    HkComplaint => "Réclamation", "Complaint";
    HkNote => "Note", "Note";
    HkCampaign => "Campagne", "Campaign";
    EsOpen => "Ouverte", "Open";
    EsResolved => "Résolue", "Resolved";
    EsPending => "En attente", "Pending";
    EsAccepted => "Accepté", "Accepted";
    EsRefused => "Refusé", "Refused";
    // Settings
    SettingsTitle => "Réglages", "Settings";
    CustomFieldsTitle => "Champs spécifiques à mon activité", "Fields specific to my business";
    CustomFieldsHelp => "Ajoutez les informations propres à votre métier (huile moteur préférée, surface au sol…). Elles apparaissent dans le formulaire et sur la fiche.", "Add the information your trade needs (preferred engine oil, floor area…). It appears in the form and on the record.";
    NoCustomFields => "Aucun champ pour l'instant.", "No field yet.";
    FieldName => "Nom du champ", "Field name";
    FieldKind => "Type", "Type";
    FieldOptions => "Choix possibles (un par ligne)", "Choices (one per line)";
    AddField => "Ajouter le champ", "Add the field";
    MoveUp => "Monter", "Move up";
    MoveDown => "Descendre", "Move down";
    Rename => "Renommer", "Rename";
    FieldNameRequired => "Donnez un nom au champ.", "Give the field a name.";
    FieldOptionsRequired => "Indiquez au moins un choix.", "Give at least one choice.";
    RemoveFieldTitle => "Supprimer ce champ ?", "Remove this field?";
    RemoveFieldValues => "fiches ont une valeur pour ce champ. Que faire de ces valeurs ?", "records have a value for this field. What should happen to those values?";
    RemoveMoveToNotes => "Les déplacer dans les notes", "Move them to the notes";
    RemoveDeleteValues => "Les effacer", "Erase them";
    CkText => "Texte", "Text";
    CkLongText => "Texte long", "Long text";
    CkNumber => "Nombre", "Number";
    CkAmount => "Montant", "Amount";
    CkDate => "Date", "Date";
    CkYesNo => "Oui / non", "Yes / no";
    CkChoice => "Un choix dans une liste", "One choice from a list";
    CkMultiChoice => "Plusieurs choix dans une liste", "Several choices from a list";
    DemoTitle => "Données de démonstration", "Demo data";
    DemoHelp => "Remplit un fichier vide avec 300 fiches fictives et leur historique.", "Fills an empty file with 300 fictitious records and their history.";
    AboutTitle => "Vos données", "Your data";
    AboutText => "Tout reste dans ce navigateur, sur cet appareil : aucune donnée n'est envoyée ailleurs.", "Everything stays in this browser, on this device: no data is sent anywhere.";
    Crash => "Une erreur inattendue s'est produite. Vos données enregistrées sont intactes ; rechargez la page.", "An unexpected error happened. Your saved data is safe; reload the page.";
    Reload => "Recharger", "Reload";
}

/// The language the browser prefers: French unless it asks for something else first.
pub fn from_browser_languages<'a>(languages: impl IntoIterator<Item = &'a str>) -> Lang {
    for tag in languages {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => return Lang::Fr,
            "en" => return Lang::En,
            _ => {}
        }
    }
    Lang::Fr
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_preference_picks_first_known_language() {
        assert_eq!(from_browser_languages(["en-GB", "fr"]), Lang::En);
        assert_eq!(from_browser_languages(["de-DE", "fr-CA", "en"]), Lang::Fr);
        assert_eq!(from_browser_languages(["de"]), Lang::Fr);
        assert_eq!(from_browser_languages([]), Lang::Fr);
    }

    #[test]
    fn both_languages_have_a_text_for_a_key() {
        assert_eq!(t(Lang::Fr, K::NewFiche), "Nouvelle fiche");
        assert_eq!(t(Lang::En, K::NewFiche), "New record");
    }
}
