//! The one translation layer: every string a person reads comes from here.
//!
//! A typed key enum with a French and an English text per key, checked by the compiler (a
//! missing translation does not build). Chosen over leptos_i18n, which adds 62 KB gzip for the
//! same two tables. Messages about records (validation problems, storage errors) are in
//! `messages.rs`.

pub mod labels;
mod messages;
pub mod transfer;

pub use crate::domain::lang::Lang;
pub use messages::{lost_text, open_failed_text, problem_text, storage_text};

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
    ConsentFor => "Consentement", "Consent";
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
    BulkTitle => "Actions groupées", "Bulk actions";
    BulkOnListed => "sur les fiches listées", "on the listed records";
    BulkOnSelected => "sur les fiches cochées", "on the ticked records";
    ClearSelection => "Tout décocher", "Untick all";
    BulkAddTag => "Ajouter l'étiquette", "Add the tag";
    BulkRemoveTag => "Retirer l'étiquette", "Remove the tag";
    BulkSetStatus => "Passer en", "Set status to";
    BulkSetOwner => "Attribuer au commercial", "Assign to owner";
    BulkApply => "Appliquer", "Apply";
    BulkDone => "fiches modifiées", "records changed";
    CopyEmails => "Copier les e-mails (consentement donné)", "Copy the e-mails (consent given)";
    EmailsCopied => "adresses copiées ; fiches écartées (sans consentement, sans e-mail ou en double) :", "addresses copied; records left out (no consent, no e-mail or duplicate):";
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
    DefaultValue => "par défaut :", "default:";
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
    // Import and export (issue 3)
    NavFiles => "Import / export", "Import / export";
    FilesTitle => "Importer et exporter", "Import and export";
    ImportTitle => "Importer des fiches", "Import records";
    ImportHelp => "Un fichier CSV (Excel, Google Contacts, Outlook, HubSpot, Dolibarr…) ou des vCards (.vcf). Rien n'est enregistré avant votre confirmation.", "A CSV file (Excel, Google Contacts, Outlook, HubSpot, Dolibarr…) or vCards (.vcf). Nothing is saved before you confirm.";
    DropHere => "Déposez un fichier ici, ou", "Drop a file here, or";
    ChooseFile => "choisissez un fichier", "choose a file";
    Reading => "Lecture du fichier…", "Reading the file…";
    PreviewTitle => "Aperçu", "Preview";
    WillCreate => "fiches à créer", "records to create";
    WillUpdate => "fiches à mettre à jour", "records to update";
    WillSkip => "lignes ignorées", "rows skipped";
    Invalid => "lignes invalides", "invalid rows";
    Encoding => "Encodage", "Encoding";
    Delimiter => "Séparateur", "Delimiter";
    MixedEncoding => "Ce fichier mélange deux encodages (UTF-8 et Windows-1252) : vérifiez les accents.", "This file mixes two encodings (UTF-8 and Windows-1252): check the accents.";
    OnMatchLabel => "Quand une ligne correspond à une fiche existante (même e-mail, téléphone ou identifiant)", "When a row matches an existing record (same e-mail, phone or id)";
    OnMatchUpdate => "compléter la fiche existante", "complete the existing record";
    OnMatchCreate => "créer une nouvelle fiche", "create a new record";
    OnMatchSkip => "ignorer la ligne", "skip the row";
    MappingTitle => "Correspondance des colonnes", "Column mapping";
    ColumnHeader => "Colonne du fichier", "Column in the file";
    ColumnTarget => "Va dans", "Goes to";
    IgnoredWithValues => "Colonnes non importées qui contiennent des valeurs", "Columns not imported that hold values";
    ProblemsTitle => "Problèmes", "Problems";
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
    ImportDone => "Import terminé.", "Import finished.";
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
    BackupContains => "Sauvegarde du", "Backup of";
    HistoryEntries => "événements", "events";
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
}

/// `text` with each `{name}` in it replaced by its value: sentences keep their words in the
/// order of their language instead of being built by concatenation.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
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
    }
}
