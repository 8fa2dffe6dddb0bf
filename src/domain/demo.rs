//! A realistic, deterministic demo file: French persons and companies with their history.
//!
//! Same seed, count and day give the same file byte for byte (tests, screenshots, benchmarks).
//! Randomness comes from a SplitMix64 generator rather than the `rand` crate, which is not
//! needed anywhere else.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};

use super::fiche::{
    Address, Channel, Civility, Consent, Consents, Fiche, FicheKind, Labelled, Sex, Status,
};
use super::history::{EntryStatus, HistoryEntry, HistoryKind};
use super::search::fold;
use words::*;

/// Builds `count` fiches (about 80 % persons, 20 % companies) and their history, everything
/// dated on or before `today`. About a third are prospects without any purchase; the others are
/// clients with up to 30 entries. Every record passes `validate_fiche` / `validate_entry`.
pub fn demo_file(seed: u64, count: usize, today: NaiveDate) -> (Vec<Fiche>, Vec<HistoryEntry>) {
    let mut gen = Generator {
        rng: SplitMix64(seed),
        today,
        emails: HashSet::new(),
    };
    let mut fiches = Vec::with_capacity(count);
    let mut entries = Vec::new();
    for _ in 0..count {
        let mut fiche = gen.fiche();
        let history = gen.history(&fiche);
        if history.iter().any(|e| e.kind == HistoryKind::Purchase) {
            fiche.status = Status::Client;
        }
        fiches.push(fiche);
        entries.extend(history);
    }
    (fiches, entries)
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for made-up customers.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`); the modulo bias is irrelevant at these sizes.
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below(hi.saturating_sub(lo) as u64 + 1) as i64
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Up to `max` distinct items.
    fn some_of(&mut self, items: &[&str], max: u64) -> Vec<String> {
        let n = self.below(max + 1);
        let mut out: Vec<String> = Vec::new();
        for _ in 0..n {
            let item = self.pick(items).to_string();
            if !out.contains(&item) {
                out.push(item);
            }
        }
        out
    }

    /// A version-4-shaped UUID: xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx.
    fn uuid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            b >> 52,
            b & 0xffff_ffff_ffff
        )
    }
}

struct Generator {
    rng: SplitMix64,
    today: NaiveDate,
    /// E-mail addresses already given, so two namesakes get distinct ones.
    emails: HashSet<String>,
}

impl Generator {
    fn fiche(&mut self) -> Fiche {
        let days_known = self.rng.between(0, 5 * 365);
        let first_contact = self.today - Duration::days(days_known);
        let created_at = self.instant(first_contact);
        let mut f = Fiche::new(self.rng.uuid(), created_at);
        let updated = first_contact + Duration::days(self.rng.between(0, days_known));
        f.updated_at = self.instant(updated).max(created_at);
        f.version = 1;
        f.first_contact = Some(first_contact);

        let city = self.rng.pick(CITIES);
        if self.rng.chance(20) {
            self.company(&mut f, city);
        } else {
            self.person(&mut f, city);
        }
        let postal = city.postal + self.rng.below(u64::from(city.districts)) as u32;
        f.addresses.push(Address {
            label: if f.kind == FicheKind::Company {
                "siège"
            } else {
                "domicile"
            }
            .into(),
            street: format!("{} {}", self.rng.between(1, 120), self.rng.pick(STREETS)),
            postal_code: format!("{postal:05}"),
            city: city.name.into(),
            region: city.region.into(),
            country: "France".into(),
        });
        f.owner = self.rng.pick(OWNERS).to_string();
        f.source = self.rng.pick(SOURCES).to_string();
        f.preferred_channel = if self.rng.chance(70) {
            Some(*self.rng.pick(&Channel::ALL))
        } else {
            None
        };
        f.tags = self.rng.some_of(TAGS, 2);
        f.interests = if f.kind == FicheKind::Person {
            self.rng.some_of(INTERESTS, 3)
        } else {
            Vec::new()
        };
        if self.rng.chance(15) {
            f.notes = self.rng.pick(NOTES).to_string();
        }
        f.consents = self.consents(first_contact);
        f
    }

    /// A person's civility and names (for a company, its contact's).
    fn names(&mut self, f: &mut Fiche, female: bool) {
        f.civility = Some(if female { Civility::Mrs } else { Civility::Mr });
        f.first_name = self
            .rng
            .pick(if female { FEMALE } else { MALE })
            .to_string();
        f.last_name = self.rng.pick(LAST).to_string();
    }

    fn person(&mut self, f: &mut Fiche, city: &City) {
        let female = self.rng.chance(52);
        f.kind = FicheKind::Person;
        f.sex = Some(if female { Sex::Female } else { Sex::Male });
        self.names(f, female);
        let age = self.rng.between(18, 85);
        if self.rng.chance(60) {
            let age_days = age * 365 + self.rng.between(0, 364);
            let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
            f.birth_date = Some((self.today - Duration::days(age_days)).max(earliest));
        }
        if self.rng.chance(30) {
            let job = match age {
                ..=22 => &STUDENT,
                65.. => &RETIRED,
                _ => self.rng.pick(JOBS),
            };
            f.job_title = gendered(job, female);
        }
        f.phones.push(Labelled {
            label: "mobile".into(),
            value: self.mobile(),
        });
        if self.rng.chance(15) {
            f.phones.push(Labelled {
                label: "domicile".into(),
                value: self.landline(city.area),
            });
        }
        if self.rng.chance(85) {
            let local = self.local_part(&f.first_name, &f.last_name);
            let domain = self.rng.pick(MAIL_DOMAINS).to_string();
            let email = self.unique_email(&local, &domain);
            f.emails.push(Labelled {
                label: "personnel".into(),
                value: email,
            });
        }
    }

    fn company(&mut self, f: &mut Fiche, city: &City) {
        let (sector, patterns) = self.rng.pick(SECTORS);
        let last = self.rng.pick(LAST);
        let base = self
            .rng
            .pick(patterns)
            .replace("{last}", last)
            .replace("{city}", city.name);
        let form = self.rng.pick(LEGAL_FORMS);
        f.kind = FicheKind::Company;
        f.company = if self.rng.chance(50) {
            format!("{base} {form}")
        } else {
            format!("{form} {base}")
        };
        f.sector = sector.to_string();
        let headcount = match self.rng.below(10) {
            0..=5 => self.rng.between(1, 9),
            6..=8 => self.rng.between(10, 49),
            _ => self.rng.between(50, 250),
        };
        f.headcount = Some(headcount as u32);
        // Yearly revenue of 60 k€ to 180 k€ per employee, rounded to the thousand euros.
        f.revenue_cents = Some(headcount * self.rng.between(60, 180) * 1000 * 100);
        if self.rng.chance(70) {
            let female = self.rng.chance(50);
            self.names(f, female);
            f.job_title = gendered(self.rng.pick(CONTACT_JOBS), female);
        }
        let slug = slug(&base);
        f.phones.push(Labelled {
            label: "standard".into(),
            value: self.landline(city.area),
        });
        if self.rng.chance(40) {
            f.phones.push(Labelled {
                label: "mobile".into(),
                value: self.mobile(),
            });
        }
        let email = self.unique_email("contact", &format!("{slug}.fr"));
        f.emails.push(Labelled {
            label: "contact".into(),
            value: email,
        });
        if self.rng.chance(50) {
            f.website = format!("https://www.{slug}.fr");
        }
    }

    /// "06 12 34 56 78" or "07 …".
    fn mobile(&mut self) -> String {
        let lead = if self.rng.chance(75) { 6 } else { 7 };
        self.french_number(lead)
    }

    fn landline(&mut self, area: u8) -> String {
        self.french_number(area)
    }

    fn french_number(&mut self, lead: u8) -> String {
        let pairs: Vec<String> = (0..4)
            .map(|_| format!("{:02}", self.rng.below(100)))
            .collect();
        format!("0{lead} {}", pairs.join(" "))
    }

    fn local_part(&mut self, first: &str, last: &str) -> String {
        let (first, last) = (slug(first), slug(last));
        match self.rng.below(4) {
            0 => format!("{first}.{last}"),
            1 => format!("{first}{last}").replace('-', ""),
            2 => format!("{}.{last}", &first[..1]),
            _ => format!("{first}.{last}{}", self.rng.between(1, 99)),
        }
    }

    fn unique_email(&mut self, local: &str, domain: &str) -> String {
        let mut email = format!("{local}@{domain}");
        let mut n = 2;
        while !self.emails.insert(email.clone()) {
            email = format!("{local}{n}@{domain}");
            n += 1;
        }
        email
    }

    fn consents(&mut self, first_contact: NaiveDate) -> Consents {
        let mut consents = Consents::default();
        for channel in Channel::CONSENT {
            if self.rng.chance(60) {
                let consent = Consent {
                    granted: self.rng.chance(75),
                    date: self.day_between(first_contact, self.today),
                    source: self.rng.pick(CONSENT_SOURCES).to_string(),
                };
                if let Some(slot) = consents.slot(channel) {
                    *slot = Some(consent);
                }
            }
        }
        consents
    }

    fn day_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        from + Duration::days(self.rng.between(0, (to - from).num_days().max(0)))
    }

    /// A moment of opening hours (8:00–18:59 UTC) on `day`.
    fn instant(&mut self, day: NaiveDate) -> DateTime<Utc> {
        let secs = self.rng.between(8 * 3600, 19 * 3600 - 1) as u32;
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap_or(NaiveTime::MIN);
        day.and_time(time).and_utc()
    }

    fn history(&mut self, f: &Fiche) -> Vec<HistoryEntry> {
        let start = f.first_contact.unwrap_or(self.today);
        let client = self.rng.chance(65);
        let n = if client {
            self.rng.between(1, 30)
        } else {
            self.rng.between(0, 6)
        };
        let n = n as usize;
        let mut out = Vec::with_capacity(n + 1);
        while out.len() < n {
            let day = self.day_between(start, self.today);
            // Clients' first entry is a purchase, so each one really has one.
            let kind = if client && out.is_empty() {
                HistoryKind::Purchase
            } else {
                self.kind(client)
            };
            self.entry(f, kind, day, client, &mut out);
        }
        // A quote's follow-up purchase may have gone one past the count.
        out.truncate(n);
        out.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        out
    }

    fn kind(&mut self, client: bool) -> HistoryKind {
        use HistoryKind::*;
        let weighted: &[(HistoryKind, u64)] = if client {
            &[
                (Purchase, 40),
                (Invoice, 5),
                (Quote, 6),
                (Call, 14),
                (Visit, 10),
                (Email, 10),
                (Meeting, 4),
                (Complaint, 3),
                (Note, 4),
                (Campaign, 4),
            ]
        } else {
            &[
                (Quote, 15),
                (Call, 25),
                (Visit, 10),
                (Email, 20),
                (Meeting, 8),
                (Note, 10),
                (Campaign, 12),
            ]
        };
        let total: u64 = weighted.iter().map(|(_, w)| w).sum();
        let mut roll = self.rng.below(total);
        for &(kind, w) in weighted {
            if roll < w {
                return kind;
            }
            roll -= w;
        }
        Note
    }

    fn entry(
        &mut self,
        f: &Fiche,
        kind: HistoryKind,
        day: NaiveDate,
        client: bool,
        out: &mut Vec<HistoryEntry>,
    ) {
        // The last label of CALLS, VISITS and EMAILS is about an order: not for prospects.
        let label = |rng: &mut SplitMix64, list: &[&str]| {
            let list = if client {
                list
            } else {
                &list[..list.len() - 1]
            };
            rng.pick(list).to_string()
        };
        let recent = (self.today - day).num_days() < 45;
        let mut e = HistoryEntry {
            id: self.rng.uuid(),
            fiche_id: f.id.clone(),
            date: self.instant(day),
            kind,
            label: String::new(),
            amount_cents: None,
            currency: "EUR".into(),
            status: None,
            text: String::new(),
        };
        match kind {
            HistoryKind::Purchase => {
                e.label = self.rng.pick(PURCHASES).to_string();
                e.amount_cents = Some(self.purchase_amount());
            }
            HistoryKind::Invoice => {
                e.label = self.document("Facture F", day);
                e.amount_cents = Some(self.purchase_amount());
            }
            HistoryKind::Quote => {
                e.label = self.document("Devis D", day);
                e.amount_cents = Some(self.rng.between(50, 900) * 100);
                e.status = Some(match self.rng.below(3) {
                    _ if recent => EntryStatus::Pending,
                    0 => EntryStatus::Refused,
                    _ => EntryStatus::Accepted,
                });
            }
            HistoryKind::Complaint => {
                e.label = self.rng.pick(COMPLAINTS).to_string();
                let open = recent && self.rng.chance(60);
                e.status = Some(if open {
                    EntryStatus::Open
                } else {
                    EntryStatus::Resolved
                });
                if !open {
                    e.text = "Avoir accordé sur la commande suivante.".into();
                }
            }
            HistoryKind::Call => e.label = label(&mut self.rng, CALLS),
            HistoryKind::Visit => e.label = label(&mut self.rng, VISITS),
            HistoryKind::Email => e.label = label(&mut self.rng, EMAILS),
            HistoryKind::Meeting => e.label = self.rng.pick(MEETINGS).to_string(),
            HistoryKind::Note => {
                e.label = "Note".into();
                e.text = self.rng.pick(NOTES).to_string();
            }
            HistoryKind::Campaign => e.label = self.rng.pick(CAMPAIGNS).to_string(),
        }
        // An accepted quote became a purchase a few days later, if that day has come.
        let follow_up = (e.status == Some(EntryStatus::Accepted)).then(|| {
            (
                e.amount_cents,
                day + Duration::days(self.rng.between(1, 20)),
            )
        });
        out.push(e);
        if let Some((amount, when)) = follow_up.filter(|(_, when)| *when <= self.today) {
            let mut purchase = HistoryEntry {
                id: self.rng.uuid(),
                date: self.instant(when),
                kind: HistoryKind::Purchase,
                label: "Commande suite à devis".into(),
                amount_cents: amount,
                ..out[out.len() - 1].clone()
            };
            purchase.status = None;
            out.push(purchase);
        }
    }

    /// "Facture F2024-0042": a document number of the day's year.
    fn document(&mut self, prefix: &str, day: NaiveDate) -> String {
        format!("{prefix}{}-{:04}", day.year(), self.rng.between(1, 9999))
    }

    /// 5 € to 900 €, most of them small: what a shop's tills see.
    fn purchase_amount(&mut self) -> i64 {
        match self.rng.below(10) {
            0..=5 => self.rng.between(500, 6_000),
            6..=8 => self.rng.between(6_000, 25_000),
            _ => self.rng.between(25_000, 90_000),
        }
    }
}

fn gendered(pair: &(&str, &str), female: bool) -> String {
    if female { pair.0 } else { pair.1 }.to_string()
}

/// Lowercase ASCII letters and digits with single dashes: "Le Gall" -> "le-gall",
/// "Les Délices de Saint-Étienne" -> "les-delices-de-saint-etienne".
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The word lists, kept one table a few lines long (hence no rustfmt).
#[rustfmt::skip]
mod words {
    pub const FEMALE: &[&str] = &[
        "Hélène", "Zoé", "Chloé", "Léa", "Camille", "Manon", "Inès", "Émilie", "Sophie", "Juliette",
        "Anaïs", "Maëlle", "Clémence", "Amélie", "Céline", "Nathalie", "Isabelle", "Françoise",
        "Marie", "Louise", "Élodie", "Gaëlle", "Noémie", "Agnès", "Bérénice", "Sandrine", "Valérie",
        "Aurélie",
    ];
    pub const MALE: &[&str] = &[
        "Jérôme", "François", "Théo", "Lucas", "Hugo", "Louis", "Gabriel", "Raphaël", "Noé", "Benoît",
        "Stéphane", "Frédéric", "Thierry", "Pierre", "Nicolas", "Julien", "Sébastien", "Cédric",
        "Loïc", "Hervé", "Jean-Luc", "Rémi", "Antoine", "Maël", "Mathis", "Grégoire", "Éric",
        "Olivier",
    ];
    pub const LAST: &[&str] = &[
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet",
        "François", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
        "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Fontaine", "Chevalier", "Masson",
        "Nguyen", "Lemaire", "Duval", "Noël", "Meyer", "Ménard", "Pérez", "Dufour", "Brunet",
        "Colin", "Da Silva", "Le Gall", "Rivière", "Prévost", "Carré", "Lacroix", "Bréchet",
        "Gaillard", "Béranger", "D'Almeida", "Lefebvre", "Hoarau",
    ];

    /// A city, its first postal code and how many arrondissement codes follow, its region and
    /// the first digit of its landlines.
    pub struct City {
        pub name: &'static str,
        pub postal: u32,
        pub districts: u32,
        pub region: &'static str,
        pub area: u8,
    }

    const fn city(name: &'static str, postal: u32, districts: u32, region: &'static str, area: u8) -> City {
        City { name, postal, districts, region, area }
    }

    pub const CITIES: &[City] = &[
        city("Paris", 75001, 20, "Île-de-France", 1),
        city("Lyon", 69001, 9, "Auvergne-Rhône-Alpes", 4),
        city("Marseille", 13001, 16, "Provence-Alpes-Côte d'Azur", 4),
        city("Bordeaux", 33000, 1, "Nouvelle-Aquitaine", 5),
        city("Lille", 59000, 1, "Hauts-de-France", 3),
        city("Nantes", 44000, 1, "Pays de la Loire", 2),
        city("Toulouse", 31000, 1, "Occitanie", 5),
        city("Strasbourg", 67000, 1, "Grand Est", 3),
        city("Rennes", 35000, 1, "Bretagne", 2),
        city("Nice", 6000, 1, "Provence-Alpes-Côte d'Azur", 4),
        city("Montpellier", 34000, 1, "Occitanie", 4),
        city("Grenoble", 38000, 1, "Auvergne-Rhône-Alpes", 4),
        city("Dijon", 21000, 1, "Bourgogne-Franche-Comté", 3),
        city("Angers", 49000, 1, "Pays de la Loire", 2),
        city("Tours", 37000, 1, "Centre-Val de Loire", 2),
        city("Rouen", 76000, 1, "Normandie", 2),
        city("Clermont-Ferrand", 63000, 1, "Auvergne-Rhône-Alpes", 4),
        city("Saint-Étienne", 42000, 1, "Auvergne-Rhône-Alpes", 4),
        city("Annecy", 74000, 1, "Auvergne-Rhône-Alpes", 4),
        city("Aix-en-Provence", 13100, 1, "Provence-Alpes-Côte d'Azur", 4),
        city("Orléans", 45000, 1, "Centre-Val de Loire", 2),
        city("Caen", 14000, 1, "Normandie", 2),
        city("Brest", 29200, 1, "Bretagne", 2),
        city("Besançon", 25000, 1, "Bourgogne-Franche-Comté", 3),
        city("Ajaccio", 20000, 1, "Corse", 4),
    ];

    pub const STREETS: &[&str] = &[
        "rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "place du Marché",
        "rue des Lilas", "rue Pasteur", "rue de la Paix", "allée des Tilleuls", "chemin des Vignes",
        "impasse des Écoles", "rue du Général de Gaulle", "avenue de la Gare", "rue Émile Zola",
        "quai des Brumes", "rue Saint-Honoré", "cours Lafayette",
    ];
    pub const MAIL_DOMAINS: &[&str] = &[
        "gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr", "sfr.fr", "yahoo.fr",
        "wanadoo.fr", "hotmail.fr",
    ];
    pub const OWNERS: &[&str] = &["Camille", "Julien", "Nadia", "Thomas"];
    pub const SOURCES: &[&str] = &[
        "bouche-à-oreille", "salon", "site web", "Google", "recommandation", "passage en boutique",
    ];
    pub const TAGS: &[&str] = &[
        "VIP", "à relancer", "newsletter", "parrain", "saisonnier", "grand compte", "export",
    ];
    pub const INTERESTS: &[&str] = &[
        "jardinage", "vin", "cuisine", "randonnée", "vélo", "lecture", "musique", "bricolage",
        "photographie", "voyages", "pâtisserie", "théâtre",
    ];
    pub const CONSENT_SOURCES: &[&str] = &[
        "formulaire papier", "case à cocher site web", "en boutique", "par téléphone",
        "e-mail de confirmation",
    ];
    /// Objective facts only, as the CNIL asks of a notes field.
    pub const NOTES: &[&str] = &[
        "Préfère être contacté le matin.", "Demande les factures par e-mail.",
        "Livraison par l'entrée de service.", "Souhaite être rappelé à la rentrée.",
        "Paiement par virement à 30 jours.",
    ];

    /// Job titles as (feminine, masculine).
    pub const JOBS: &[(&str, &str)] = &[
        ("Enseignante", "Enseignant"), ("Infirmière", "Infirmier"), ("Artisane", "Artisan"),
        ("Comptable", "Comptable"), ("Architecte", "Architecte"), ("Ingénieure", "Ingénieur"),
        ("Commerçante", "Commerçant"), ("Médecin", "Médecin"),
    ];
    pub const STUDENT: (&str, &str) = ("Étudiante", "Étudiant");
    pub const RETIRED: (&str, &str) = ("Retraitée", "Retraité");
    pub const CONTACT_JOBS: &[(&str, &str)] = &[
        ("Gérante", "Gérant"), ("Directrice achats", "Directeur achats"),
        ("Responsable administrative", "Responsable administratif"),
        ("Assistante de direction", "Assistant de direction"),
    ];

    /// Sectors and company name patterns; `{last}` and `{city}` are filled in.
    pub const SECTORS: &[(&str, &[&str])] = &[
        ("Boulangerie-pâtisserie", &["Boulangerie {last}", "Au Pain Doré", "Les Délices de {city}"]),
        ("Garage automobile", &["Garage {last}", "Garage du Centre", "Auto Service {city}"]),
        ("Restauration", &["Brasserie {last}", "Le Petit Bistrot", "La Table de {city}"]),
        ("Bâtiment", &["{last} Rénovation", "Menuiserie {last}", "Bâti {city}"]),
        ("Conseil", &["{last} Conseil", "Cabinet {last} & Associés"]),
        ("Informatique", &["{last} Informatique", "Numérique {city}"]),
        ("Fleuriste", &["Fleurs de {city}", "L'Atelier Floral {last}"]),
        ("Coiffure", &["Salon {last}", "L'Hair du Temps"]),
        ("Immobilier", &["{last} Immobilier", "Agence du Centre {city}"]),
        ("Hôtellerie", &["Hôtel {last}", "Hôtel de la Gare {city}"]),
    ];
    pub const LEGAL_FORMS: &[&str] = &["SARL", "SAS", "EURL", "SASU"];

    pub const PURCHASES: &[&str] = &[
        "Achat en boutique", "Commande en ligne", "Bon cadeau", "Prestation", "Abonnement annuel",
        "Réparation", "Entretien", "Commande spéciale",
    ];
    pub const COMPLAINTS: &[&str] = &[
        "Produit défectueux", "Retard de livraison", "Erreur de facturation", "Article manquant",
    ];
    // For CALLS, VISITS and EMAILS the last label is about an order: prospects never get it.
    pub const CALLS: &[&str] = &["Appel entrant", "Relance devis", "Prise de rendez-vous", "Suivi de commande"];
    pub const VISITS: &[&str] = &["Passage en boutique", "Visite sur site", "Retrait de commande"];
    pub const EMAILS: &[&str] = &["Demande de renseignements", "Envoi de documentation", "Confirmation de commande"];
    pub const MEETINGS: &[&str] = &["Rendez-vous conseil", "Réunion de présentation", "Point annuel"];
    pub const CAMPAIGNS: &[&str] = &[
        "Newsletter de printemps", "Soldes d'hiver", "Offre fidélité", "Invitation portes ouvertes",
    ];
}
