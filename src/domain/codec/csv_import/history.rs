//! CSV import of history (a till's or an invoicing tool's export): rows to entries attached
//! to the fiches they name, leaving out those already stored or repeated.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::domain::codec::csv_read::{read_table, ReadError};
use crate::domain::codec::mapping::key;
use crate::domain::codec::plan::{shown_value, ImportProblem, RowError};
use crate::domain::codec::text::Encoding;
use crate::domain::codec::values::{at, parse_import_datetime, unneutralise, DateOrder};
use crate::domain::fiche::Fiche;
use crate::domain::history::{default_currency, EntryStatus, HistoryEntry, HistoryKind};
use crate::domain::money::parse_amount;
use crate::domain::phone::normalize_phone;
use crate::domain::validate::{validate_entry, Problem};

/// Where each column of a history file goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HistCol {
    Key(KeyKind),
    Date,
    Amount,
    Label,
    Kind,
    Currency,
    Status,
    Text,
    Ignore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    CarnetId,
    External,
    Email,
    Phone,
}

fn hist_col(k: &str) -> HistCol {
    match k {
        "carnetid" | "ficheid" => HistCol::Key(KeyKind::CarnetId),
        "email" | "mail" | "courriel" | "emailclient" | "emailaddress" => {
            HistCol::Key(KeyKind::Email)
        }
        "telephone" | "tel" | "phone" | "portable" | "mobile" | "phonenumber" => {
            HistCol::Key(KeyKind::Phone)
        }
        "codeclient" | "idclient" | "clientid" | "customerid" | "refclient" | "numeroclient"
        | "recordid" | "id" | "reference" | "ref" => HistCol::Key(KeyKind::External),
        "date" | "datedachat" | "datedevente" | "datedefacture" | "datefacture" | "jour"
        | "dateheure" | "datetime" | "when" => HistCol::Date,
        "montant" | "montantttc" | "totalttc" | "total" | "amount" | "prix" | "price"
        | "montanteur" | "somme" => HistCol::Amount,
        "libelle" | "designation" | "produit" | "article" | "label" | "objet" | "product"
        | "titre" | "title" => HistCol::Label,
        "type" | "nature" | "kind" | "categorie" => HistCol::Kind,
        "devise" | "currency" | "monnaie" => HistCol::Currency,
        "statut" | "status" | "etat" => HistCol::Status,
        "commentaire" | "commentaires" | "notes" | "note" | "texte" | "text" | "description"
        | "details" => HistCol::Text,
        _ => HistCol::Ignore,
    }
}

/// Words a till writes in its type column for money given back: a purchase with a negative
/// amount, whichever sign the row's amount has.
fn is_refund_kind(raw: &str) -> bool {
    matches!(
        key(raw).as_str(),
        "avoir" | "remboursement" | "rembourse" | "retour" | "refund" | "creditnote" | "return"
    )
}

fn parse_history_kind(raw: &str) -> Option<HistoryKind> {
    if is_refund_kind(raw) {
        return Some(HistoryKind::Purchase);
    }
    let k = key(raw);
    Some(match k.as_str() {
        "achat" | "purchase" | "vente" | "sale" | "commande" | "order" => HistoryKind::Purchase,
        "devis" | "quote" => HistoryKind::Quote,
        "facture" | "invoice" => HistoryKind::Invoice,
        "appel" | "call" | "telephone" | "phone" => HistoryKind::Call,
        "visite" | "visit" | "passage" => HistoryKind::Visit,
        "email" | "mail" | "courriel" => HistoryKind::Email,
        "rdv" | "rendezvous" | "meeting" | "reunion" => HistoryKind::Meeting,
        "reclamation" | "complaint" | "plainte" => HistoryKind::Complaint,
        "note" => HistoryKind::Note,
        "campagne" | "campaign" => HistoryKind::Campaign,
        _ => return None,
    })
}

fn parse_entry_status(raw: &str) -> Option<EntryStatus> {
    Some(match key(raw).as_str() {
        "ouverte" | "ouvert" | "open" => EntryStatus::Open,
        "resolue" | "resolu" | "resolved" | "close" | "closed" => EntryStatus::Resolved,
        "enattente" | "pending" | "envoye" | "sent" => EntryStatus::Pending,
        "accepte" | "accepted" | "signe" => EntryStatus::Accepted,
        "refuse" | "refused" | "rejected" => EntryStatus::Refused,
        _ => return None,
    })
}

/// The result of planning a history import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryPlan {
    pub encoding: Encoding,
    pub delimiter: u8,
    /// Entries to write, each attached to an existing fiche.
    pub entries: Vec<HistoryEntry>,
    /// Problems, including rows that match no fiche ([`ImportProblem::NoMatchingFiche`]).
    pub errors: Vec<RowError>,
    /// Rows that gave no entry.
    pub rejected: usize,
    /// Rows skipped because their entry is already in the file or repeats an earlier row: the
    /// same fiche, date, kind, amount and label (see [`HistoryPlan::skip_known`]).
    pub duplicates: usize,
}

/// What makes two entries the same one imported twice.
type EntryKey<'a> = (&'a str, DateTime<Utc>, HistoryKind, Option<i64>, &'a str);

fn entry_key(e: &HistoryEntry) -> EntryKey<'_> {
    (&e.fiche_id, e.date, e.kind, e.amount_cents, &e.label)
}

impl HistoryPlan {
    /// Drops the entries equal to one of `known` (stored entries; others are ignored) or to an
    /// earlier entry of the plan, and counts them in `duplicates`: importing the same till
    /// export twice adds nothing the second time.
    pub fn skip_known(&mut self, known: &[HistoryEntry]) {
        let mut seen: HashSet<EntryKey> = known.iter().map(entry_key).collect();
        let keep: Vec<bool> = self
            .entries
            .iter()
            .map(|e| seen.insert(entry_key(e)))
            .collect();
        let before = self.entries.len();
        let mut keep = keep.into_iter();
        self.entries.retain(|_| keep.next().unwrap_or(true));
        self.duplicates += before - self.entries.len();
    }
}

/// Reads a CSV of purchases or contacts (till or invoicing exports) and attaches each row to
/// the fiche it names by Carnet id, external id, e-mail or phone. Columns are recognised from
/// French and English names; without a kind column a row with an amount is a purchase and
/// one without is a note. A date without a time is put at noon UTC. A row repeating an earlier
/// one is skipped; entries already stored are skipped by [`HistoryPlan::skip_known`] once the
/// caller has read them.
pub fn plan_history_import(
    bytes: &[u8],
    fiches: &[&Fiche],
    new_id: &mut dyn FnMut() -> String,
) -> Result<HistoryPlan, ReadError> {
    let table = read_table(bytes)?;
    let cols: Vec<HistCol> = table.headers.iter().map(|h| hist_col(&key(h))).collect();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, f) in fiches.iter().enumerate() {
        index.entry(format!("i{}", f.id)).or_insert(i);
        for v in f.external_ids.values() {
            index.entry(format!("x{v}")).or_insert(i);
        }
        for e in &f.emails {
            index
                .entry(format!("e{}", e.value.trim().to_lowercase()))
                .or_insert(i);
        }
        for p in &f.phones {
            if let Ok(n) = normalize_phone(&p.value) {
                index.entry(format!("p{n}")).or_insert(i);
            }
        }
    }
    let order = DateOrder::detect(table.rows.iter().flat_map(|r| {
        r.fields
            .iter()
            .zip(&cols)
            .filter(|(_, c)| **c == HistCol::Date)
            .map(|(v, _)| v.as_str())
    }));
    let mut plan = HistoryPlan {
        encoding: table.encoding,
        delimiter: table.delimiter,
        entries: Vec::new(),
        errors: Vec::new(),
        rejected: 0,
        duplicates: 0,
    };
    // Per row, (field of validate_entry, column, value): where a refused value is reported.
    let mut origins: Vec<(&str, &str, &str)> = Vec::new();
    for row in &table.rows {
        let line = row.line;
        let mut err = |column: &str, value: &str, problem| {
            plan.errors.push(RowError {
                line,
                column: column.to_string(),
                value: value.to_string(),
                problem,
                kept_in_notes: false,
            })
        };
        let mut fiche = None;
        let mut when = None;
        let mut amount = None;
        let mut kind = None;
        let mut status = None;
        let mut label = String::new();
        let mut text = String::new();
        let mut currency = default_currency();
        let mut refund = false;
        let mut ok = true;
        origins.clear();
        for ((cell, col), header) in row.fields.iter().zip(&cols).zip(&table.headers) {
            let v = unneutralise(cell.trim()).trim();
            if v.is_empty() {
                continue;
            }
            let field = match col {
                HistCol::Date => "date",
                HistCol::Amount => "amount",
                HistCol::Label => "label",
                HistCol::Text => "text",
                HistCol::Currency => "currency",
                HistCol::Status => "status",
                _ => "",
            };
            origins.push((field, header, v));
            match col {
                HistCol::Key(k) => {
                    let probe = match k {
                        KeyKind::CarnetId => Some(format!("i{v}")),
                        KeyKind::External => Some(format!("x{v}")),
                        KeyKind::Email => Some(format!("e{}", v.to_lowercase())),
                        KeyKind::Phone => normalize_phone(v).ok().map(|n| format!("p{n}")),
                    };
                    if fiche.is_none() {
                        fiche = probe.and_then(|p| index.get(&p).copied());
                    }
                }
                HistCol::Date => match parse_import_datetime(v, order) {
                    Ok(Some((d, t))) => when = Some(at(d, t).and_utc()),
                    Ok(None) => {}
                    Err(_) => {
                        err(header, v, ImportProblem::Invalid(Problem::InvalidDate));
                        ok = false;
                    }
                },
                HistCol::Amount => match parse_amount(v) {
                    Ok(c) => amount = Some(c),
                    Err(e) => {
                        err(header, v, ImportProblem::Invalid(e.into()));
                        ok = false;
                    }
                },
                HistCol::Kind => match parse_history_kind(v) {
                    Some(k) => {
                        kind = Some(k);
                        refund = is_refund_kind(v);
                    }
                    None => {
                        err(header, v, ImportProblem::UnknownKind);
                        ok = false;
                    }
                },
                HistCol::Status => match parse_entry_status(v) {
                    Some(s) => status = Some(s),
                    None => {
                        err(header, v, ImportProblem::UnknownValue);
                        ok = false;
                    }
                },
                HistCol::Label => label = v.to_string(),
                HistCol::Text => text = v.to_string(),
                HistCol::Currency => currency = v.to_ascii_uppercase(),
                HistCol::Ignore => {}
            }
        }
        if when.is_none() {
            err("", "", ImportProblem::DateRequired);
            ok = false;
        }
        let Some(fi) = fiche else {
            err("", "", ImportProblem::NoMatchingFiche);
            plan.rejected += 1;
            continue;
        };
        let (Some(date), true) = (when, ok) else {
            plan.rejected += 1;
            continue;
        };
        // A credit note typed as such is money given back, written positive by some tills.
        if refund {
            amount = amount.map(|a| -a.abs());
        }
        let kind = kind.unwrap_or(if amount.is_some() {
            HistoryKind::Purchase
        } else {
            HistoryKind::Note
        });
        let status = status.or(match kind {
            HistoryKind::Quote => Some(EntryStatus::Pending),
            HistoryKind::Complaint => Some(EntryStatus::Open),
            _ => None,
        });
        let entry = HistoryEntry {
            id: new_id(),
            fiche_id: fiches[fi].id.clone(),
            date,
            kind,
            label,
            amount_cents: amount,
            currency,
            status,
            text,
        };
        let problems = validate_entry(&entry);
        if problems.is_empty() {
            plan.entries.push(entry);
        } else {
            for p in problems {
                // At the column the value came from; the field's name when none did (a
                // purchase without an amount).
                let (column, value) = origins
                    .iter()
                    .rev()
                    .find(|(f, _, _)| *f == p.field)
                    .map_or((p.field.as_str(), ""), |&(_, h, v)| (h, v));
                err(
                    column,
                    &shown_value(value),
                    ImportProblem::Invalid(p.problem),
                );
            }
            plan.rejected += 1;
        }
    }
    plan.skip_known(&[]);
    Ok(plan)
}
