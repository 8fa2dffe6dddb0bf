//! The one translation layer: every string a person reads comes from here.
//!
//! One table, `texts!` below: a typed key enum with a French and an English text per key,
//! checked by the compiler (a missing translation does not build). Chosen over leptos_i18n,
//! which adds 62 KB gzip for the same two tables. A text is a whole sentence in each language,
//! never built by concatenation: what depends on data is a `{name}` placeholder, so that each
//! language keeps its own word order and punctuation (French " : ", English ": ").
//!
//! A text that counts something holds its two forms, singular then plural, apart with `|`
//! ("{n} fiche|{n} fiches"). The language's rule picks one ([`singular`]: French says "0 fiche"
//! and "1 fiche", English "0 records" and "1 record"), and `{n}` is written as the interface
//! writes numbers ("1 000 fiches" with U+202F, "1,000 records").
//!
//! The ways to get a text, by role:
//! - [`t`]`(lang, key)`: a text without placeholders.
//! - [`tf`]`(lang, key, &[("name", value)])`: a text with its placeholders filled.
//! - [`tn`]`(lang, key, n, &[...])`: a counting text in the form for `n`, `{n}` filled.
//!
//! In a component there is one way: `ui::tx(lang, key)` for a text without placeholders (a
//! closure that follows the language switch, one type for all); anything else is
//! `move || t/tf/tn(lang.get(), ...)`, a closure that reads the language, so that the text
//! follows the switch too. No local helper closures around `t`.
//!
//! `messages.rs` maps validation problems and storage errors to keys, `transfer.rs` the import
//! page's words that depend on data, `labels.rs` the domain's enums.

pub mod labels;
mod messages;
pub mod transfer;

use crate::domain::money::format_whole;

pub use crate::domain::lang::Lang;
pub use messages::{lost_text, open_failed_text, problem_text, storage_text};

macro_rules! texts {
    ($($key:ident => $fr:literal, $en:literal;)*) => {
        /// A user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum K { $($key,)* }

        #[cfg(test)]
        impl K {
            /// Every key, for the tests of the table.
            const ALL: &'static [K] = &[$(K::$key,)*];
        }

        /// The text of `key` in `lang` as the table writes it (placeholders unfilled).
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
    Ascending => "↑ croissant", "↑ ascending";
    Descending => "↓ décroissant", "↓ descending";
    NewFiche => "Nouvelle fiche", "New record";
    Fiches => "{n} fiche|{n} fiches", "{n} record|{n} records";
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
    // Segments: sidebar, customer types, filter builder, bulk actions
    Segments => "Segments", "Segments";
    AllFiches => "Toutes les fiches", "All records";
    MySegments => "Mes segments", "My segments";
    NoSavedSegment => "Enregistrez un filtre pour le retrouver ici.", "Save a filter to find it here.";
    SegProspects => "Prospects", "Prospects";
    SegNew => "Nouveaux clients", "New customers";
    SegOccasional => "Clients occasionnels", "Occasional customers";
    SegLoyal => "Clients fidèles", "Loyal customers";
    SegInactive => "Clients inactifs", "Inactive customers";
    SegB2b => "Entreprises (B2B)", "Companies (B2B)";
    SegB2c => "Particuliers (B2C)", "People (B2C)";
    SegBirthdays => "Anniversaires ce mois-ci", "Birthdays this month";
    SegNoConsent => "Sans consentement marketing", "No marketing consent";
    SegIncomplete => "Fiches incomplètes (ni e-mail ni téléphone)", "Incomplete (no e-mail, no phone)";
    CustomerType => "Type de client", "Customer type";
    TypeProspect => "Prospect", "Prospect";
    TypeNew => "Nouveau", "New";
    TypeOccasional => "Occasionnel", "Occasional";
    TypeLoyal => "Fidèle", "Loyal";
    TypeInactive => "Inactif", "Inactive";
    RfmScore => "RFM", "RFM";
    RfmRecency => "RFM : récence (1 à 5)", "RFM: recency (1 to 5)";
    RfmFrequency => "RFM : fréquence (1 à 5)", "RFM: frequency (1 to 5)";
    RfmMonetary => "RFM : montant (1 à 5)", "RFM: monetary (1 to 5)";
    PersonOrCompany => "Particulier ou entreprise", "Person or company";
    Age => "Âge (ans)", "Age (years)";
    UpdatedAt => "Date de modification", "Last modified";
    ConsentForChannel => "Consentement : {channel}", "Consent: {channel}";
    OpContains => "contient", "contains";
    OpEquals => "est exactement", "is exactly";
    OpPrefix => "commence par", "starts with";
    OpEmpty => "est vide", "is empty";
    OpNotEmpty => "est renseigné", "is filled in";
    OpBetween => "entre", "between";
    OpLastDays => "dans les derniers … jours", "in the last … days";
    OpMonth => "au mois n° (vide : ce mois-ci)", "in month no. (empty: this month)";
    OpAnyOf => "a l'une de (séparées par des virgules)", "has any of (comma-separated)";
    OpAllOf => "a toutes (séparées par des virgules)", "has all of (comma-separated)";
    OpNoneOf => "n'a aucune de (séparées par des virgules)", "has none of (comma-separated)";
    OpGiven => "accordé", "given";
    Filter => "Filtre", "Filter";
    FilterCount => "Filtre ({n})", "Filter ({n})";
    FilterField => "Champ", "Field";
    FilterOp => "Condition", "Condition";
    FilterValue => "Valeur", "Value";
    FilterFrom => "De", "From";
    FilterTo => "À", "To";
    FilterNot => "sauf", "not";
    MatchAll => "toutes les conditions (ET)", "all conditions (AND)";
    MatchAny => "au moins une condition (OU)", "any condition (OR)";
    GroupsAll => "tous les groupes (ET)", "all groups (AND)";
    GroupsAny => "au moins un groupe (OU)", "any group (OR)";
    AddCondition => "Ajouter une condition", "Add a condition";
    AddGroup => "Ajouter un groupe", "Add a group";
    RemoveCondition => "Retirer la condition", "Remove the condition";
    ClearFilter => "Effacer le filtre", "Clear the filter";
    FilterUnreadable => "Le filtre de cette adresse ne peut pas être ouvert ici : la liste montre toutes les fiches.", "The filter in this address cannot be opened here: the list shows every record.";
    SegmentName => "Nom du segment", "Segment name";
    SaveSegment => "Enregistrer comme segment", "Save as a segment";
    DeleteSegment => "Supprimer le segment", "Delete the segment";
    ConfirmDeleteSegment => "Supprimer ce segment ? Les fiches restent.", "Delete this segment? The records stay.";
    SortColumn => "Trier par cette colonne", "Sort by this column";
    SelectFiche => "Sélectionner", "Select";
    BulkOnListed => "Actions groupées sur les fiches listées ({n})", "Bulk actions on the listed records ({n})";
    BulkOnSelected => "Actions groupées sur les fiches cochées ({n})", "Bulk actions on the ticked records ({n})";
    ClearSelection => "Tout décocher", "Untick all";
    BulkAddTag => "Ajouter l'étiquette", "Add the tag";
    BulkRemoveTag => "Retirer l'étiquette", "Remove the tag";
    BulkSetStatus => "Passer en", "Set status to";
    BulkSetOwner => "Attribuer au commercial", "Assign to owner";
    BulkApply => "Appliquer", "Apply";
    FichesChanged => "{n} fiche modifiée|{n} fiches modifiées", "{n} record changed|{n} records changed";
    CopyEmails => "Copier les e-mails (consentement donné)", "Copy the e-mails (consent given)";
    AddressesCopied => "{n} adresse copiée|{n} adresses copiées", "{n} address copied|{n} addresses copied";
    EmailsCopied => "{copied} ; fiches écartées (sans consentement, sans e-mail ou en double) : {n}", "{copied}; records left out (no consent, no e-mail or duplicate): {n}";
    EmailsToCopy => "Copiez ces adresses :", "Copy these addresses:";
    BulkDelete => "Supprimer ces fiches", "Delete these records";
    ConfirmBulkDelete => "Supprimer définitivement ces fiches et tout leur historique ?", "Delete these records and all their history for good?";
    // Settings: customer types
    TypesTitle => "Types de clients", "Customer types";
    TypesHelp => "Règles du type calculé à partir de l'historique. Prospect : aucun achat. Inactif : aucun achat depuis la durée choisie. Nouveau : premier achat récent. Fidèle : assez d'achats sur la période, ou plus fréquents que la médiane du fichier. Sinon : occasionnel.", "Rules of the type computed from the history. Prospect: no purchase. Inactive: no purchase for the chosen time. New: a recent first purchase. Loyal: enough purchases in the period, or more frequent than the file's median. Otherwise: occasional.";
    NewDays => "Nouveau : premier achat depuis (jours)", "New: first purchase within (days)";
    InactiveDays => "Inactif : aucun achat depuis (jours)", "Inactive: no purchase for (days)";
    LoyalOrders => "Fidèle : au moins (achats)", "Loyal: at least (purchases)";
    LoyalWindow => "Fidèle : sur une période de (jours)", "Loyal: within a period of (days)";
    DefaultValue => "par défaut : {value}", "default: {value}";
    ResetDefaults => "Revenir aux valeurs par défaut", "Back to the defaults";
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
    Labelled => "{name} ({label})", "{name} ({label})";
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
    ConsentOn => "{state}, {date}", "{state}, {date}";
    ConsentOnFrom => "{state}, {date} — {source}", "{state}, {date} — {source}";
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
    CreatedUpdated => "Créée le {created} · Modifiée le {updated}", "Created {created} · Updated {updated}";
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
    Refund => "Remboursement / avoir", "Refund / credit note";
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
    RemoveFieldValues => "« {name} » — {n} fiche a une valeur pour ce champ. Que faire de cette valeur ?|« {name} » — {n} fiches ont une valeur pour ce champ. Que faire de ces valeurs ?", "“{name}” — {n} record has a value for this field. What should happen to that value?|“{name}” — {n} records have a value for this field. What should happen to those values?";
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
    // Import and export (issue 3)
    NavFiles => "Import / export", "Import / export";
    FilesTitle => "Importer et exporter", "Import and export";
    ImportTitle => "Importer des fiches", "Import records";
    ImportHelp => "Un fichier CSV (Excel, Google Contacts, Outlook, HubSpot, Dolibarr…) ou des vCards (.vcf). Rien n'est enregistré avant votre confirmation.", "A CSV file (Excel, Google Contacts, Outlook, HubSpot, Dolibarr…) or vCards (.vcf). Nothing is saved before you confirm.";
    DropHere => "Déposez un fichier ici, ou", "Drop a file here, or";
    ChooseFile => "choisissez un fichier", "choose a file";
    Reading => "Lecture du fichier…", "Reading the file…";
    PreviewOf => "Aperçu — {name}", "Preview — {name}";
    WillCreate => "fiches à créer", "records to create";
    WillUpdate => "fiches à mettre à jour", "records to update";
    WillSkip => "lignes ignorées", "rows skipped";
    Invalid => "lignes invalides", "invalid rows";
    EncodingLine => "Encodage : {encoding} · Séparateur : « {delimiter} »", "Encoding: {encoding} · Delimiter: “{delimiter}”";
    Tab => "tabulation", "tab";
    MixedEncoding => "Ce fichier mélange deux encodages (UTF-8 et Windows-1252) : vérifiez les accents.", "This file mixes two encodings (UTF-8 and Windows-1252): check the accents.";
    OnMatchLabel => "Quand une ligne correspond à une fiche existante (même e-mail, téléphone ou identifiant)", "When a row matches an existing record (same e-mail, phone or id)";
    OnMatchUpdate => "compléter la fiche existante", "complete the existing record";
    OnMatchCreate => "créer une nouvelle fiche", "create a new record";
    OnMatchSkip => "ignorer la ligne", "skip the row";
    MappingTitle => "Correspondance des colonnes", "Column mapping";
    ColumnHeader => "Colonne du fichier", "Column in the file";
    ColumnTarget => "Va dans", "Goes to";
    IgnoredWithValues => "Colonnes non importées qui contiennent des valeurs : {columns}", "Columns not imported that hold values: {columns}";
    ProblemsCount => "Problèmes ({n})", "Problems ({n})";
    NoProblems => "Aucun problème détecté.", "No problem found.";
    Line => "Ligne", "Line";
    Column => "Colonne", "Column";
    Value => "Valeur", "Value";
    Reason => "Raison", "Reason";
    KeptInNotes => "gardée dans les notes", "kept in the notes";
    DownloadReport => "Télécharger le rapport (CSV)", "Download the report (CSV)";
    DownloadRefused => "Le navigateur a refusé le téléchargement : le fichier est peut-être trop grand pour la mémoire disponible. Essayez une exportation plus petite.", "The browser refused the download: the file may be too large for the memory available. Try a smaller export.";
    ConfirmImport => "Importer", "Import";
    Importing => "Import en cours…", "Importing…";
    ImportDoneFiches => "Import terminé : {created}, {updated}.", "Import finished: {created}, {updated}.";
    ImportDoneHistory => "Import terminé : {entries}.", "Import finished: {entries}.";
    FichesCreated => "{n} fiche créée|{n} fiches créées", "{n} record created|{n} records created";
    FichesUpdated => "{n} fiche mise à jour|{n} fiches mises à jour", "{n} record updated|{n} records updated";
    EventsAdded => "{n} événement ajouté|{n} événements ajoutés", "{n} event added|{n} events added";
    LastImport => "« {label} » — {date} · {created}, {updated}, {entries}", "“{label}” — {date} · {created}, {updated}, {entries}";
    NothingToImport => "Rien à importer.", "Nothing to import.";
    HistoryImportTitle => "Importer un historique (achats, contacts)", "Import history (purchases, contacts)";
    HistoryImportHelp => "Un CSV d'une caisse ou d'une facturation : pour chaque ligne, l'e-mail, le téléphone ou l'identifiant de la fiche, la date, le montant, le libellé, le type.", "A CSV from a till or invoicing tool: for each row, the record's e-mail, phone or id, the date, the amount, the label, the kind.";
    EntriesToAdd => "événements à ajouter", "events to add";
    RowsRejected => "lignes écartées", "rows rejected";
    AlreadyThere => "déjà dans le fichier (ignorés)", "already in the file (skipped)";
    UndoTitle => "Annuler le dernier import", "Undo the last import";
    UndoButton => "Annuler cet import", "Undo this import";
    UndoConfirm => "Retirer tout ce que cet import a ajouté ou modifié ?", "Remove everything this import added or changed?";
    UndoDone => "Import annulé.", "Import undone.";
    NoImport => "Aucun import à annuler.", "No import to undo.";
    ExportTitle => "Exporter", "Export";
    ExportScope => "Fiches", "Records";
    ScopeAll => "tout le fichier", "the whole file";
    ScopeListed => "les fiches listées (recherche en cours)", "the listed records (current search)";
    Variant => "Format CSV", "CSV format";
    VariantFrench => "Excel français (;, virgule décimale, jj/mm/aaaa)", "French Excel (;, decimal comma, dd/mm/yyyy)";
    VariantStandard => "Standard (,, point décimal, dates ISO)", "Standard (,, decimal point, ISO dates)";
    Columns => "Colonnes", "Columns";
    ExportCsv => "Exporter en CSV", "Export as CSV";
    ExportVcard => "Exporter en vCard", "Export as vCard";
    BackupTitle => "Sauvegarde complète", "Full backup";
    BackupHelp => "Un fichier JSON avec toutes les fiches, tout l'historique, vos champs et vos correspondances de colonnes. Gardez-le ailleurs que sur cet appareil.", "A JSON file with every record, all the history, your fields and your column mappings. Keep it somewhere other than this device.";
    BackupButton => "Télécharger une sauvegarde (JSON)", "Download a backup (JSON)";
    RestoreTitle => "Restaurer une sauvegarde", "Restore a backup";
    RestoreHelp => "La sauvegarde est entièrement vérifiée avant que quoi que ce soit ne soit écrit.", "The backup is checked completely before anything is written.";
    RestoreReplace => "Remplacer tout le fichier par la sauvegarde", "Replace the whole file with the backup";
    RestoreMerge => "Fusionner (la version la plus récente de chaque fiche gagne)", "Merge (the newest version of each record wins)";
    RestoreConfirmReplace => "Toutes les fiches actuelles seront remplacées par celles de la sauvegarde. Continuer ?", "Every current record will be replaced by the backup's. Continue?";
    RestoreDone => "Sauvegarde restaurée.", "Backup restored.";
    BackupOf => "Sauvegarde du {date} : {fiches}, {entries}", "Backup of {date}: {fiches}, {entries}";
    Events => "{n} événement|{n} événements", "{n} event|{n} events";
    PersonExport => "Exporter ses données (RGPD)", "Export their data (GDPR)";
    VcardOne => "vCard", "vCard";
    // Updates, other tabs, backups, storage (issue 5)
    UpdateReady => "Une nouvelle version de Carnet est prête.", "A new version of Carnet is ready.";
    UpdateReload => "Recharger pour l'utiliser", "Reload to use it";
    ReloadFiche => "Recharger la fiche", "Reload the record";
    ConflictHint => "Recharger affiche la version enregistrée ; les modifications faites ici seront à refaire.", "Reloading shows the saved version; the changes made here will have to be made again.";
    BackupNever => "Aucune sauvegarde de votre fichier n'a encore été faite : exportez-en une copie (sauvegarde JSON) et gardez-la ailleurs que sur cet appareil.", "Your file has never been backed up: export a copy (JSON backup) and keep it somewhere other than this device.";
    BackupOld => "Votre dernière sauvegarde date de plus de 30 jours : exportez-en une nouvelle (sauvegarde JSON).", "Your last backup is more than 30 days old: export a new one (JSON backup).";
    Later => "Plus tard", "Later";
    RescueDownload => "Télécharger les fiches affichées (sans l'historique)", "Download the records shown (without history)";
    LostRestore => "Restaurer une sauvegarde…", "Restore a backup…";
    LostStartEmpty => "Repartir d'un fichier vide", "Start again with an empty file";
    LostConfirm => "Confirmer : ce message ne reviendra pas", "Confirm: this message will not come back";
    StorageTitle => "Stockage sur cet appareil", "Storage on this device";
    StorageUsed => "Espace utilisé", "Space used";
    StorageQuota => "Espace disponible pour Carnet", "Space available to Carnet";
    StoragePersistent => "Stockage persistant", "Persistent storage";
    PersistGranted => "Accordé : le navigateur n'effacera pas ces données pour faire de la place.", "Granted: the browser will not clear this data to free space.";
    PersistRefused => "Non accordé : si l'appareil manque de place, le navigateur pourrait effacer ces données. Installez Carnet (ou ajoutez-le aux favoris) et faites des sauvegardes.", "Not granted: if the device runs short of space, the browser may clear this data. Install Carnet (or bookmark it) and make backups.";
    StorageUnknown => "Le navigateur ne le dit pas.", "The browser does not say.";
    LastBackup => "Dernière sauvegarde", "Last backup";
    NeverBackedUp => "jamais", "never";
    OfflineText => "Après une première visite, Carnet s'ouvre et fonctionne sans réseau ; vous pouvez aussi l'installer depuis le menu du navigateur.", "After a first visit, Carnet opens and works with no network; you can also install it from the browser's menu.";
    ShortcutsTitle => "Raccourcis clavier", "Keyboard shortcuts";
    ShortcutNew => "nouvelle fiche", "new record";
    ShortcutSearch => "rechercher", "search";
    // What the domain refuses in a field (messages.rs)
    PrTooLong => "Ce texte est trop long : {max} caractères au plus.", "This text is too long: {max} characters at most.";
    PrNameRequired => "Indiquez un nom : prénom, nom ou société.", "Enter a name: first name, last name or company.";
    PrInvalidEmail => "Cette adresse e-mail n'est pas valide (exemple : nom@domaine.fr).", "This e-mail address is not valid (example: name@domain.com).";
    PrPhoneTooFewDigits => "Ce numéro n'a pas assez de chiffres.", "This number does not have enough digits.";
    PrPhoneTooManyDigits => "Ce numéro a trop de chiffres.", "This number has too many digits.";
    PrPhoneInvalidCharacters => "Un numéro ne contient que des chiffres, espaces, points, tirets et un + initial.", "A number holds only digits, spaces, dots, dashes and a leading +.";
    PrPhoneMissingCountryCode => "Commencez par 0 (France) ou par l'indicatif du pays (+33, +44…).", "Start with 0 (France) or the country code (+33, +44…).";
    PrBirthDateInFuture => "La date de naissance ne peut pas être dans le futur.", "The birth date cannot be in the future.";
    PrBirthDateBefore1900 => "La date de naissance doit être postérieure au 1er janvier 1900.", "The birth date must be after 1 January 1900.";
    PrFirstContactInFuture => "La date de prise de contact ne peut pas être dans le futur.", "The first-contact date cannot be in the future.";
    PrNegativeRevenue => "Le chiffre d'affaires ne peut pas être négatif.", "Revenue cannot be negative.";
    PrUnsafeLink => "Ce lien n'est pas autorisé : seules les adresses web (http, https) le sont.", "This link is not allowed: only web addresses (http, https) are.";
    PrInvalidWebsite => "Ce n'est pas une adresse web valide.", "This is not a valid web address.";
    PrPostalCodeInvalid => "Un code postal français a cinq chiffres.", "A French postal code has five digits.";
    PrAmountRequired => "Indiquez le montant de l'achat.", "Enter the amount of the purchase.";
    PrAmountNotExpected => "Ce type d'événement n'a pas de montant.", "This kind of event has no amount.";
    PrNegativeAmount => "Un devis ne peut pas être négatif : un remboursement s'enregistre comme un achat de montant négatif.", "A quote cannot be negative: record a refund as a purchase with a negative amount.";
    PrInvalidAmount => "Ce montant n'est pas lisible (exemple : 12,50).", "This amount cannot be read (example: 12.50).";
    PrAmountTooPrecise => "Pas plus de deux chiffres après la virgule.", "No more than two decimals.";
    PrAmountTooLarge => "Ce montant est trop grand.", "This amount is too large.";
    PrInvalidNumber => "Indiquez un nombre.", "Enter a number.";
    PrInvalidDate => "Cette date n'est pas valide.", "This date is not valid.";
    PrDateOutOfRange => "Cette date semble erronée (année avant 1900 ou après 2200).", "This date looks wrong (year before 1900 or after 2200).";
    PrInvalidYesNo => "Répondez par oui ou non.", "Answer yes or no.";
    PrChoiceNotInList => "Choisissez une valeur de la liste.", "Pick a value from the list.";
    PrWrongType => "Cette valeur n'a pas le type attendu pour ce champ.", "This value does not have the type this field expects.";
    PrConsentDateInFuture => "La date du consentement ne peut pas être dans le futur.", "The consent date cannot be in the future.";
    PrStatusRequired => "Choisissez un état.", "Choose a status.";
    PrStatusNotAllowed => "Cet état ne convient pas à ce type d'événement.", "This status does not fit this kind of event.";
    PrNoteEmpty => "Une note a besoin d'un libellé ou d'un texte.", "A note needs a label or a text.";
    PrInvalidCurrency => "Une devise s'écrit en trois lettres (EUR, USD…).", "A currency is three letters (EUR, USD…).";
    // What the browser's storage reports (messages.rs)
    StQuotaExceeded => "L'espace de stockage du navigateur est plein : rien n'a été enregistré. Libérez de la place sur l'appareil, puis réessayez.", "The browser's storage is full: nothing was saved. Free some space on the device, then try again.";
    StNoRoomLeft => "Il n'y a pas assez de place sur l'appareil pour cette opération : elle demande environ {need} libres, il en reste {free}. Rien n'a été écrit et votre fichier est intact. Libérez de la place (ou importez un fichier plus petit), puis réessayez.", "There is not enough space on the device for this: it needs about {need} free, {free} are left. Nothing was written and your file is intact. Free some space (or import a smaller file), then try again.";
    StNoRoom => "Il n'y a pas assez de place sur l'appareil pour cette opération : elle demande environ {need} libres. Rien n'a été écrit et votre fichier est intact. Libérez de la place (ou importez un fichier plus petit), puis réessayez.", "There is not enough space on the device for this: it needs about {need} free. Nothing was written and your file is intact. Free some space (or import a smaller file), then try again.";
    StClosedDiskFull => "Le disque de l'appareil est plein (il reste {free}) et le navigateur a fermé la base de données du fichier : plus rien ne peut être enregistré dans cette page. Téléchargez d'abord les fiches affichées, puis libérez de la place et rechargez la page.", "The device's disk is full ({free} left) and the browser closed the file's database: nothing more can be saved in this page. First download the records shown, then free some space and reload the page.";
    StClosed => "Le navigateur a fermé la base de données du fichier : plus rien ne peut être enregistré dans cette page. Cela arrive quand le disque est plein, quand les données du site sont effacées ou quand la base est endommagée. Téléchargez d'abord les fiches affichées, puis libérez de la place si le disque est plein et rechargez la page.", "The browser closed the file's database: nothing more can be saved in this page. This happens when the disk is full, when the site's data is cleared, or when the database is damaged. First download the records shown, then free some space if the disk is full and reload the page.";
    StBlocked => "Carnet est ouvert dans un autre onglet avec une version plus ancienne : fermez les autres onglets, puis rechargez.", "Carnet is open in another tab with an older version: close the other tabs, then reload.";
    StNewerVersion => "Ce fichier a été enregistré par une version plus récente de Carnet : rechargez la page.", "This file was saved by a newer version of Carnet: reload the page.";
    StUnavailable => "Le stockage du navigateur n'est pas disponible (navigation privée ou données de site désactivées) : Carnet ne peut rien enregistrer ici.", "The browser's storage is not available (private browsing or site data disabled): Carnet cannot save anything here.";
    StConflict => "Cette fiche a été modifiée ailleurs (un autre onglet ?) : rechargez-la avant d'enregistrer. Rien n'a été écrasé.", "This record was changed elsewhere (another tab?): reload it before saving. Nothing was overwritten.";
    StDeleted => "Cette fiche a été supprimée dans un autre onglet : elle n'a pas été enregistrée.", "This record was deleted in another tab: it was not saved.";
    StChangedSinceImport => "L'import ne peut pas être annulé : {n} fiche a été modifiée depuis. Rien n'a été changé.|L'import ne peut pas être annulé : {n} fiches ont été modifiées depuis. Rien n'a été changé.", "The import cannot be undone: {n} record was changed since. Nothing was changed.|The import cannot be undone: {n} records were changed since. Nothing was changed.";
    StNotFound => "Cette fiche n'existe plus (supprimée dans un autre onglet ?).", "This record no longer exists (deleted in another tab?).";
    StCorrupt => "Un enregistrement est illisible et a été laissé de côté : {detail}", "A stored record could not be read and was left aside: {detail}";
    StOther => "Le stockage du navigateur a refusé l'opération : {detail}", "The browser's storage refused the operation: {detail}";
    // A start that failed or found the file empty: what the file held, the way back (messages.rs)
    DateAtTime => "{date} à {time}", "{date} at {time}";
    MarkHeld => "Sur cet appareil, le fichier contenait {n} fiche le {at}.|Sur cet appareil, le fichier contenait {n} fiches le {at}.", "On this device, the file held {n} record on {at}.|On this device, the file held {n} records on {at}.";
    MarkBackup => "Votre dernière sauvegarde JSON date du {at} : restaurez-la depuis « Import / export », « Restaurer une sauvegarde ».", "Your last JSON backup was made on {at}: restore it from “Import / export”, “Restore a backup”.";
    MarkNoBackup => "Aucune sauvegarde n'a été faite sur cet appareil : si vous en avez une ailleurs (un autre appareil, un e-mail), restaurez-la depuis « Import / export ».", "No backup was made on this device: if you have one elsewhere (another device, an e-mail), restore it from “Import / export”.";
    OpenRefused => "Le navigateur refuse d'ouvrir la base de données du fichier, qui s'ouvrait jusqu'ici sur cet appareil.", "The browser refuses to open the file's database, which opened on this device until now.";
    DiskAlmostFull => "Le disque est presque plein (il reste {free}) : libérez de la place, puis rechargez la page, avant toute autre chose.", "The disk is almost full ({free} left): free some space, then reload the page, before anything else.";
    ProbablyOnDisk => "Vos fiches sont sans doute encore sur le disque : rechargez la page, ou redémarrez le navigateur.", "Your records are probably still on disk: reload the page, or restart the browser.";
    LostFile => "Votre fichier est vide, alors qu'il ne l'était pas : le navigateur a peut-être effacé sa base de données (cela peut arriver quand le disque est plein).", "Your file is empty, though it was not: the browser may have discarded its database (this can happen when the disk is full).";
    // Where an imported column goes (transfer.rs); the others are the form's labels
    PartStreet => "rue", "street";
    PartStreet2 => "complément d'adresse", "street (line 2)";
    PartPostalCode => "code postal", "postal code";
    PartCity => "ville", "city";
    PartRegion => "région", "region";
    PartCountry => "pays", "country";
    TgIgnore => "— ne pas importer —", "— do not import —";
    TgCarnetId => "Identifiant Carnet", "Carnet id";
    TgKind => "Type (particulier / entreprise)", "Type (person / company)";
    TgStatus => "Statut (prospect / client)", "Status (prospect / customer)";
    TgMiddleName => "Deuxième prénom", "Middle name";
    TgFullName => "Nom complet", "Full name";
    TgRevenue => "Chiffre d'affaires", "Revenue";
    TgEmail => "E-mail {slot}", "E-mail {slot}";
    TgEmailLabel => "Libellé de l'e-mail {slot}", "E-mail label {slot}";
    TgPhone => "Téléphone {slot}", "Phone {slot}";
    TgPhoneLabel => "Libellé du téléphone {slot}", "Phone label {slot}";
    TgAddress => "Adresse {slot} : {part}", "Address {slot}: {part}";
    TgAddressLabel => "Libellé de l'adresse {slot}", "Address label {slot}";
    TgNoteLine => "Notes (avec le nom de la colonne)", "Notes (with the column name)";
    TgExternalId => "Identifiant externe ({system})", "External id ({system})";
    TgExternalIds => "Identifiants externes", "External ids";
    TgCustom => "Champ : {name}", "Field: {name}";
    // What is wrong with an imported row, or with a whole file (transfer.rs)
    IpUnknownValue => "Valeur non reconnue.", "Value not recognised.";
    IpNoYear => "Date sans année : ignorée.", "Date without a year: ignored.";
    IpRagged => "{n} colonne au lieu de {expected}.|{n} colonnes au lieu de {expected}.", "{n} column instead of {expected}.|{n} columns instead of {expected}.";
    IpDuplicateInFile => "Même personne que la ligne {line} : fusionnée avec elle.", "Same person as line {line}: merged with it.";
    IpNoMatchingFiche => "Aucune fiche ne correspond.", "No record matches.";
    IpDateRequired => "Date manquante.", "Date missing.";
    IpUnknownKind => "Type d'événement inconnu.", "Unknown kind of event.";
    RdNoHeader => "Ce fichier n'a pas de ligne d'en-tête.", "This file has no header line.";
    RdCsv => "Ligne {line} illisible : {reason}", "Line {line} cannot be read: {reason}";
    RdTooManyColumns => "Ce fichier a {found} colonnes ; Carnet en lit au plus {max}. Un export de contacts ou de ventes en a bien moins : vérifiez le séparateur, ou retirez les colonnes inutiles dans le tableur.", "This file has {found} columns; Carnet reads at most {max}. An export of contacts or sales has far fewer: check the separator, or remove the columns you do not need in the spreadsheet.";
    TxEmpty => "Ce fichier est vide.", "This file is empty.";
    TxTooLarge => "Ce fichier fait {size} Mo ; la limite est de {limit} Mo.", "This file is {size} MB; the limit is {limit} MB.";
    TxBinary => "Ce n'est pas un fichier texte : un classeur Excel doit d'abord être enregistré au format CSV.", "This is not a text file: a spreadsheet must first be saved as CSV.";
    BkNotABackup => "Ce fichier n'est pas une sauvegarde Carnet.", "This file is not a Carnet backup.";
    BkNewerVersion => "Cette sauvegarde (version {version}) vient d'une version plus récente de Carnet : mettez l'application à jour.", "This backup (version {version}) comes from a newer Carnet: update the app.";
    BkMalformed => "Cette sauvegarde est endommagée : {detail}. Rien n'a été modifié.", "This backup is damaged: {detail}. Nothing was changed.";
    BkInconsistent => "Cette sauvegarde est incohérente ({n} problème) : rien n'a été modifié.|Cette sauvegarde est incohérente ({n} problèmes) : rien n'a été modifié.", "This backup is inconsistent ({n} problem): nothing was changed.|This backup is inconsistent ({n} problems): nothing was changed.";
    // Analysis page
    NavAnalytics => "Analyse", "Analysis";
    AnTitle => "Analyse du fichier", "File analysis";
    AnLast12 => "12 derniers mois", "Last 12 months";
    AnThisYear => "Cette année", "This year";
    AnLastYear => "L'an dernier", "Last year";
    AnLastQuarter => "Dernier trimestre", "Last quarter";
    AnFrom => "Du", "From";
    AnTo => "Au", "To";
    AnWindow => "Réponse à une campagne sous (jours)", "Campaign response within (days)";
    AnPeriodIs => "Du {from} au {to} ({days} jours), comparé au {pfrom} – {pto}.", "From {from} to {to} ({days} days), compared with {pfrom} – {pto}.";
    AnReading => "Lecture de l'historique… {read} entrées sur {total}.", "Reading the history… {read} entries of {total}.";
    AnFailed => "L'historique n'a pas pu être lu, l'analyse n'est pas disponible : {reason}", "The history could not be read, so the analysis is not available: {reason}";
    AnNoHistory => "Ce fichier n'a encore aucun historique : ajoutez des achats aux fiches, ou importez un historique de ventes, pour voir l'analyse.", "This file has no history yet: add purchases to the records, or import a sales history, to see the analysis.";
    AnDownloadCsv => "Télécharger le tableau (CSV)", "Download the table (CSV)";
    AnDownloadSvg => "Télécharger le graphique (SVG)", "Download the chart (SVG)";
    AnKpis => "Chiffres clés", "Key figures";
    AnIndicator => "Indicateur", "Figure";
    AnThisPeriod => "Période", "Period";
    AnPrevPeriod => "Période précédente", "Previous period";
    AnChange => "Évolution", "Change";
    AnBuyers => "Acheteurs", "Buyers";
    AnRevenue => "Chiffre d'affaires (€)", "Revenue (€)";
    AnOrders => "Commandes", "Orders";
    AnBasket => "Panier moyen (€)", "Average basket (€)";
    AnRepeat => "Taux de réachat (%)", "Repeat rate (%)";
    AnNewBuyers => "Nouveaux acheteurs", "New buyers";
    AnKpisNote => "Un acheteur a au moins un achat dans la période ; le chiffre d'affaires déduit les avoirs (achats négatifs), qui ne sont pas des commandes ; panier moyen = chiffre d'affaires ÷ commandes ; réachat = part des acheteurs ayant au moins 2 achats dans la période ; nouveaux = premier achat de leur histoire dans la période ; la période précédente a la même durée.", "A buyer has at least one purchase in the period; revenue is net of refunds (negative purchases), which are not orders; average basket = revenue ÷ orders; repeat rate = share of buyers with at least 2 purchases in the period; new buyers = first purchase ever in the period; the previous period has the same length.";
    AnDeciles => "Déciles de clients", "Customer deciles";
    AnDecile => "Décile", "Decile";
    AnShare => "Part (%)", "Share (%)";
    AnCumShare => "Part cumulée (%)", "Cumulative share (%)";
    AnTopShare => "Les 10 % meilleurs acheteurs apportent {pct} % du chiffre d'affaires.", "The top 10 % of buyers bring {pct} % of the revenue.";
    AnNoBuyers => "Aucun achat sur cette période.", "No purchase in this period.";
    AnDecilesNote => "Les acheteurs de la période classés par chiffre d'affaires décroissant (à égalité, par identifiant), coupés en 10 groupes dont les premiers ont un acheteur de plus quand le nombre ne tombe pas juste ; les parts portent sur le chiffre d'affaires de ces acheteurs.", "The period's buyers ranked by revenue, highest first (ties by id), cut into 10 groups, the first ones holding one more buyer when the count does not divide evenly; shares are of these buyers' revenue.";
    AnCohorts => "Cohortes de nouveaux clients", "Cohorts of new customers";
    AnCohortMonth => "Cohorte", "Cohort";
    AnSize => "Taille", "Size";
    AnMonthK => "Mois {k} (%)", "Month {k} (%)";
    AnNoCohort => "Aucun nouvel acheteur sur cette période.", "No new buyer in this period.";
    AnCohortsNote => "Les acheteurs dont le premier achat de leur histoire tombe dans la période, groupés par mois de ce premier achat ; la case du mois k donne la part de la cohorte qui a acheté k mois plus tard (mois 0 = 100 %), jusqu'à la fin de la période.", "The buyers whose first purchase ever falls in the period, grouped by the month of that purchase; the month k cell is the share of the cohort that bought k months later (month 0 = 100 %), up to the end of the period.";
    AnLoyalty => "Fidélité", "Loyalty";
    AnMonth => "Mois", "Month";
    AnReturning => "Déjà clients", "Returning";
    AnNew => "Nouveaux", "New";
    AnReturningShare => "Part des déjà clients (%)", "Returning share (%)";
    AnMedianGap => "Délai médian entre deux achats d'un même client : {days} jours ({pairs} rachats dans la période).", "Median time between two purchases of the same customer: {days} days ({pairs} repeat purchases in the period).";
    AnNoGap => "Aucun rachat dans la période : pas de délai entre deux achats à mesurer.", "No repeat purchase in the period: no time between purchases to measure.";
    AnLoyaltyNote => "Pour chaque mois, les acheteurs du mois, dont ceux qui avaient déjà acheté avant ce mois ; le délai médian porte sur les achats successifs d'une même fiche dont le second est dans la période (médiane basse).", "For each month, the month's buyers, and those of them who had bought before that month; the median is over consecutive purchases of the same record whose second one is in the period (lower median).";
    AnMigrations => "Migrations entre types de clients", "Migrations between customer types";
    AnStartEnd => "Au début ↓ / à la fin →", "At the start ↓ / at the end →";
    AnTotal => "Total", "Total";
    AnMigrationDates => "Type au {start} (lignes) et au {end} (colonnes) : la diagonale reste, le reste change de type.", "Type on {start} (rows) and on {end} (columns): the diagonal stayed, the rest changed type.";
    AnMigrationsNote => "Chaque type est calculé comme dans la liste, avec les seuils des réglages, sur l'historique arrêté à chacune des deux dates ; une fiche créée pendant la période compte comme prospect au début.", "Each type is computed as in the list, with the settings' thresholds, on the history up to each of the two dates; a record created during the period counts as a prospect at the start.";
    AnCampaigns => "Campagnes", "Campaigns";
    AnCampaign => "Campagne", "Campaign";
    AnSent => "Envois", "Sent";
    AnResponded => "Réponses", "Responses";
    AnNotResponded => "Sans réponse", "No response";
    AnRate => "Taux de réponse (%)", "Response rate (%)";
    AnCampaignRevenue => "CA des réponses (€)", "Revenue of responses (€)";
    AnNoLabel => "(sans libellé)", "(no label)";
    AnNoCampaign => "Aucune campagne dans l'historique de cette période.", "No campaign in this period's history.";
    AnCampaignsNote => "Un envoi a une réponse quand la fiche achète entre le jour de la campagne et {days} jours après ; le CA compte ces achats, et un achat qui suit deux campagnes compte pour les deux.", "A send has a response when the record buys from the campaign's day to {days} days after; revenue counts those purchases, and a purchase following two campaigns counts for both.";
    AnActivity => "Activité de contact", "Contact activity";
    AnActivityNote => "Le nombre d'événements de l'historique par mois et par type, dans la période.", "The number of history events per month and kind, in the period.";
    AnByType => "Composition : types de clients", "Make-up: customer types";
    AnByKind => "Composition : particuliers et entreprises", "Make-up: people and companies";
    AnBySex => "Composition : sexe des particuliers", "Make-up: sex of people";
    AnByAge => "Composition : âge des particuliers", "Make-up: age of people";
    AnByPlace => "Composition : département", "Make-up: département";
    AnBySource => "Composition : source", "Make-up: source";
    AnByOwner => "Composition : responsable", "Make-up: owner";
    AnValue => "Valeur", "Value";
    AnCount => "Fiches", "Records";
    AnUnknown => "Inconnu", "Unknown";
    AnAbroad => "Étranger", "Abroad";
    AnAgeUnder25 => "Moins de 25 ans", "Under 25";
    AnAge25 => "25-34 ans", "25-34";
    AnAge35 => "35-44 ans", "35-44";
    AnAge45 => "45-54 ans", "45-54";
    AnAge55 => "55-64 ans", "55-64";
    AnAge65 => "65 ans et plus", "65 and over";
    AnMakeupNote => "Le fichier d'aujourd'hui, quelle que soit la période ; sexe et âge portent sur les particuliers, le département sur le code postal de la première adresse.", "Today's file, whatever the period; sex and age are of people, the département is from the first address's postal code.";
    PkFrom => "Sélection de l'analyse : {title} — {detail}.", "Selection from the analysis: {title} — {detail}.";
    PkBack => "Retour à l'analyse", "Back to the analysis";
    PkAll => "Toute la liste", "Whole list";
    PkDecile => "décile {n}", "decile {n}";
    PkCohort => "cohorte {month}", "cohort {month}";
    PkCohortCell => "cohorte {month}, acheteurs du mois {k}", "cohort {month}, buyers in month {k}";
    PkMonth => "acheteurs de {month}", "buyers of {month}";
    PkMigration => "{from} → {to}", "{from} → {to}";
    PkRecipients => "destinataires de « {label} »", "recipients of “{label}”";
    PkResponders => "réponses à « {label} »", "responses to “{label}”";
}

/// The text of `key` with its `{name}` placeholders filled: `tf(lang, K::PreviewOf,
/// &[("name", file)])`.
pub fn tf(lang: Lang, key: K, values: &[(&str, &str)]) -> String {
    fill(t(lang, key), values)
}

/// A counting text in the form `lang` uses for `n` (see [`singular`]), with `{n}` written as
/// the interface writes numbers and the other placeholders filled from `values`:
/// `tn(lang, K::Fiches, 1000, &[])` is "1 000 fiches" (U+202F) or "1,000 records".
pub fn tn(lang: Lang, key: K, n: usize, values: &[(&str, &str)]) -> String {
    let text = t(lang, key);
    let form = match text.split_once('|') {
        Some((one, many)) => {
            if singular(lang, n) {
                one
            } else {
                many
            }
        }
        None => text,
    };
    let count = format_whole(n, lang);
    let mut all = Vec::with_capacity(values.len() + 1);
    all.push(("n", count.as_str()));
    all.extend_from_slice(values);
    fill(form, &all)
}

/// Whether `n` takes the singular in `lang`: French puts 0 and 1 in the singular ("0 fiche",
/// "1 fiche"), English only 1 ("0 records", "1 record").
pub fn singular(lang: Lang, n: usize) -> bool {
    match lang {
        Lang::Fr => n < 2,
        Lang::En => n == 1,
    }
}

/// `text` with each `{name}` in it replaced by its value, in one pass: a value is never read
/// again for placeholders (a user's label "{n}" stays as typed). A placeholder without a value
/// stays as written, where a test or a reader sees it; a value without a placeholder is unused.
fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16 * values.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number of bytes as a person reads it: "1,5 Mo" / "1.5 MB" (powers of 1,000, like disks).
pub fn format_bytes(lang: Lang, bytes: f64) -> String {
    let (units, sep) = match lang {
        Lang::Fr => (["o", "ko", "Mo", "Go", "To"], ','),
        Lang::En => (["B", "kB", "MB", "GB", "TB"], '.'),
    };
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < units.len() {
        value /= 1000.0;
        unit += 1;
    }
    // Integer arithmetic: formatting an f64 would link the float printer (kilobytes of wasm).
    let tenths = (value * 10.0).round() as u64;
    let text = if unit == 0 || tenths >= 1000 {
        ((tenths + 5) / 10).to_string()
    } else {
        format!("{}{sep}{}", tenths / 10, tenths % 10)
    };
    format!("{text}\u{a0}{}", units[unit])
}

/// The language the browser prefers: French unless it asks for something else first.
pub fn from_browser_languages<'a>(languages: impl IntoIterator<Item = &'a str>) -> Lang {
    languages
        .into_iter()
        .find_map(Lang::from_code)
        .unwrap_or_default()
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
    fn bytes_read_like_disk_sizes_in_each_language() {
        assert_eq!(format_bytes(Lang::Fr, 0.0), "0\u{a0}o");
        assert_eq!(format_bytes(Lang::En, 999.0), "999\u{a0}B");
        assert_eq!(format_bytes(Lang::Fr, 1_500_000.0), "1,5\u{a0}Mo");
        assert_eq!(format_bytes(Lang::En, 1_500_000.0), "1.5\u{a0}MB");
        assert_eq!(format_bytes(Lang::En, 250_000_000_000.0), "250\u{a0}GB");
        assert_eq!(format_bytes(Lang::En, 3e15), "3000\u{a0}TB");
    }

    #[test]
    fn both_languages_have_a_text_for_a_key() {
        assert_eq!(t(Lang::Fr, K::NewFiche), "Nouvelle fiche");
        assert_eq!(t(Lang::En, K::NewFiche), "New record");
        for &key in K::ALL {
            for lang in Lang::ALL {
                assert!(
                    !t(lang, key).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
    }

    /// The `{name}`s of a text, sorted, without repeats.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn both_languages_fill_the_same_placeholders_and_count_alike() {
        for &key in K::ALL {
            let (fr, en) = (t(Lang::Fr, key), t(Lang::En, key));
            assert_eq!(placeholders(fr), placeholders(en), "{key:?}");
            let (fr_forms, en_forms) = (fr.split('|').count(), en.split('|').count());
            assert_eq!(
                fr_forms, en_forms,
                "{key:?}: singular and plural in both or neither"
            );
            assert!(fr_forms <= 2, "{key:?}: one `|` at most");
            if fr_forms == 2 {
                for form in fr.split('|').chain(en.split('|')) {
                    assert!(
                        form.contains("{n}"),
                        "{key:?}: a form without its count: {form}"
                    );
                }
            }
        }
    }

    #[test]
    fn french_says_0_and_1_in_the_singular_english_only_1() {
        let fiches = |lang, n| tn(lang, K::Fiches, n, &[]);
        assert_eq!(fiches(Lang::Fr, 0), "0 fiche");
        assert_eq!(fiches(Lang::Fr, 1), "1 fiche");
        assert_eq!(fiches(Lang::Fr, 2), "2 fiches");
        assert_eq!(fiches(Lang::Fr, 1000), "1\u{202f}000 fiches");
        assert_eq!(fiches(Lang::En, 0), "0 records");
        assert_eq!(fiches(Lang::En, 1), "1 record");
        assert_eq!(fiches(Lang::En, 2), "2 records");
        assert_eq!(fiches(Lang::En, 1000), "1,000 records");
        assert_eq!(fiches(Lang::En, 1_234_567), "1,234,567 records");
    }

    #[test]
    fn a_counting_sentence_fills_its_other_placeholders_too() {
        let values = [("expected", "12")];
        assert_eq!(
            tn(Lang::Fr, K::IpRagged, 0, &values),
            "0 colonne au lieu de 12."
        );
        assert_eq!(
            tn(Lang::En, K::IpRagged, 0, &values),
            "0 columns instead of 12."
        );
        let values = [("name", "Huile")];
        assert_eq!(
            tn(Lang::Fr, K::RemoveFieldValues, 1, &values),
            "« Huile » — 1 fiche a une valeur pour ce champ. Que faire de cette valeur ?"
        );
        assert_eq!(
            tn(Lang::En, K::RemoveFieldValues, 3, &values),
            "“Huile” — 3 records have a value for this field. What should happen to those values?"
        );
        // A text without forms is the same for every count.
        assert_eq!(
            tn(Lang::Fr, K::ProblemsCount, 1000, &[]),
            "Problèmes (1\u{202f}000)"
        );
        assert_eq!(
            tn(Lang::En, K::TgCustom, 1, &[("name", "oil")]),
            "Field: oil"
        );
    }

    #[test]
    fn tf_fills_placeholders_in_each_language_word_order() {
        let values = [("date", "02/03/2024"), ("time", "09:05")];
        assert_eq!(tf(Lang::Fr, K::DateAtTime, &values), "02/03/2024 à 09:05");
        assert_eq!(tf(Lang::En, K::DateAtTime, &values), "02/03/2024 at 09:05");
        assert_eq!(
            tf(Lang::En, K::ConsentForChannel, &[("channel", "SMS")]),
            "Consent: SMS"
        );
        assert_eq!(
            tf(Lang::Fr, K::ConsentForChannel, &[("channel", "SMS")]),
            "Consentement : SMS"
        );
    }

    #[test]
    fn fill_repeats_keeps_missing_and_never_reads_a_value_again() {
        // Repeated: every occurrence.
        assert_eq!(fill("{a} et {a}", &[("a", "x")]), "x et x");
        // Missing: the placeholder stays as written; an unused value is ignored.
        assert_eq!(fill("{a} et {b}", &[("a", "x"), ("c", "z")]), "x et {b}");
        // A value holding braces is data, not a placeholder.
        assert_eq!(fill("{a}, {b}", &[("a", "{b}"), ("b", "y")]), "{b}, y");
        // Lone braces.
        assert_eq!(fill("{ a } {", &[("a", "x")]), "{ a } {");
        assert_eq!(fill("}{a}{", &[("a", "x")]), "}x{");
        assert_eq!(fill("", &[("a", "x")]), "");
    }
}
