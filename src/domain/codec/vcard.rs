//! vCard: 4.0 export (RFC 6350), 3.0 and 4.0 import (2.1's quoted-printable too, as phones
//! still write it).
//!
//! Import turns each card into the same [`Target`] assignments a CSV row gets, so cards go
//! through the same value checks, notes fallback and duplicate rules ([`plan_candidates`]).

use std::collections::HashMap;

use super::super::custom_field::CustomFieldDef;
use super::super::dates::compact_date;
use super::super::fiche::{Civility, Fiche, FicheKind, Sex};
use super::csv_import::RowBuilder;
use super::mapping::{AddressPart, ListSplit, Target};
use super::plan::{plan_candidates, Candidate, FichePlan, ImportOptions, RowError};
use super::text::{decode, windows_1252, Encoding, TextError};
use super::values::DateOrder;

// ---------------------------------------------------------------------------------------------
// Export

/// vCard 4.0 text for the fiches, one card each, CRLF line ends, lines folded at 75 octets.
pub fn export_vcards(fiches: &[Fiche]) -> String {
    let mut out = String::new();
    for f in fiches {
        card(&mut out, f);
    }
    out
}

fn card(out: &mut String, f: &Fiche) {
    let mut line = |name: &str, value: &str| fold_line(out, &format!("{name}:{value}"));
    line("BEGIN", "VCARD");
    line("VERSION", "4.0");
    line("UID", &format!("urn:uuid:{}", f.id));
    if f.kind == FicheKind::Company {
        line("KIND", "org");
    }
    let fn_ = f.display_name();
    line("FN", &escape(if fn_.is_empty() { "?" } else { &fn_ }));
    let prefix = match f.civility {
        Some(Civility::Mr) => "M.",
        Some(Civility::Mrs) => "Mme",
        Some(Civility::Mx) => "Mx",
        None => "",
    };
    line(
        "N",
        &format!(
            "{};{};;{};",
            escape(&f.last_name),
            escape(&f.first_name),
            escape(prefix)
        ),
    );
    if !f.company.is_empty() {
        line("ORG", &escape(&f.company));
    }
    if !f.job_title.is_empty() {
        line("TITLE", &escape(&f.job_title));
    }
    if let Some(s) = f.sex {
        line(
            "GENDER",
            match s {
                Sex::Female => "F",
                Sex::Male => "M",
                Sex::Other => "O",
            },
        );
    }
    for p in &f.phones {
        line(&format!("TEL{}", type_param(&p.label)), &escape(&p.value));
    }
    for e in &f.emails {
        line(&format!("EMAIL{}", type_param(&e.label)), &escape(&e.value));
    }
    for a in &f.addresses {
        let parts = [&a.street, &a.city, &a.region, &a.postal_code, &a.country].map(|s| escape(s));
        line(
            &format!("ADR{}", type_param(&a.label)),
            &format!(";;{}", parts.join(";")),
        );
    }
    if !f.website.is_empty() {
        line("URL", &f.website);
    }
    if let Some(b) = f.birth_date {
        line("BDAY", &compact_date(b));
    }
    if !f.tags.is_empty() {
        let tags: Vec<String> = f.tags.iter().map(|t| escape(t)).collect();
        line("CATEGORIES", &tags.join(","));
    }
    if !f.notes.is_empty() {
        line("NOTE", &escape(&f.notes));
    }
    line("END", "VCARD");
}

/// The vCard TYPE for Carnet's usual labels; other labels are not carried.
fn type_param(label: &str) -> &'static str {
    match super::mapping::key(label).as_str() {
        "mobile" | "portable" | "cell" | "gsm" => ";TYPE=cell",
        "bureau" | "work" | "pro" | "travail" | "professionnel" => ";TYPE=work",
        "domicile" | "home" | "perso" | "maison" | "personnel" => ";TYPE=home",
        "fax" => ";TYPE=fax",
        _ => "",
    }
}

/// RFC 6350 §3.4: backslash, comma, semicolon and line breaks are escaped in text values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (RFC 6350 §3.2), never inside a UTF-8 character.
fn fold_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

// ---------------------------------------------------------------------------------------------
// Import

/// One property of a card, unfolded: `item1.TEL;TYPE=cell:06…`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Property {
    group: String,
    /// Upper case.
    name: String,
    /// (upper-case name, value) pairs; a bare parameter (2.1 "WORK") has name "TYPE".
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn types(&self) -> impl Iterator<Item = String> + '_ {
        self.params
            .iter()
            .filter(|(n, _)| n == "TYPE")
            .flat_map(|(_, v)| v.split(','))
            .map(|t| t.trim().trim_matches('"').to_ascii_lowercase())
    }
}

/// A card as read: the line of its BEGIN and its properties.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Card {
    line: u64,
    props: Vec<Property>,
}

/// Unfolds lines (CRLF or LF followed by a space or tab) and joins quoted-printable soft line
/// breaks, keeping the physical line where each logical line starts.
fn logical_lines(text: &str) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = Vec::new();
    let mut qp_open = false;
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(last) = out.last_mut() {
            if raw.starts_with([' ', '\t']) {
                last.1.push_str(&raw[1..]);
                continue;
            }
            if qp_open {
                last.1.push_str(raw);
                qp_open = raw.ends_with('=');
                if qp_open {
                    last.1.pop();
                }
                continue;
            }
        }
        if raw.trim().is_empty() {
            continue;
        }
        let mut l = raw.to_string();
        qp_open = is_quoted_printable(&l) && l.ends_with('=');
        if qp_open {
            l.pop();
        }
        out.push((line_no, l));
    }
    out
}

fn is_quoted_printable(line: &str) -> bool {
    let head = line.split(':').next().unwrap_or("").to_ascii_uppercase();
    head.contains("QUOTED-PRINTABLE")
}

/// `group.NAME;P=V;BARE:value`; `None` for a line without a colon.
fn parse_property(line: &str) -> Option<Property> {
    let mut in_quotes = false;
    let colon = line.char_indices().find_map(|(i, c)| match c {
        '"' => {
            in_quotes = !in_quotes;
            None
        }
        ':' if !in_quotes => Some(i),
        _ => None,
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = head.split(';');
    let full = parts.next()?.trim();
    let (group, name) = match full.rsplit_once('.') {
        Some((g, n)) => (g.to_string(), n),
        None => (String::new(), full),
    };
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((n, v)) => (n.trim().to_ascii_uppercase(), v.trim().to_string()),
            None if p.eq_ignore_ascii_case("QUOTED-PRINTABLE")
                || p.eq_ignore_ascii_case("BASE64") =>
            {
                ("ENCODING".to_string(), p.trim().to_string())
            }
            None => ("TYPE".to_string(), p.trim().to_string()),
        })
        .collect();
    Some(Property {
        group,
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_string(),
    })
}

fn cards(text: &str) -> Vec<Card> {
    let mut out = Vec::new();
    let mut current: Option<Card> = None;
    for (line, l) in logical_lines(text) {
        let Some(p) = parse_property(&l) else {
            continue;
        };
        match p.name.as_str() {
            "BEGIN" if p.value.trim().eq_ignore_ascii_case("VCARD") => {
                current = Some(Card {
                    line,
                    props: Vec::new(),
                });
            }
            "END" if p.value.trim().eq_ignore_ascii_case("VCARD") => {
                out.extend(current.take());
            }
            _ => {
                if let Some(c) = current.as_mut() {
                    c.props.push(decode_value(p));
                }
            }
        }
    }
    // A last card without END (a truncated file) still counts.
    out.extend(current);
    out
}

/// Applies ENCODING=QUOTED-PRINTABLE with its CHARSET (UTF-8 unless it says Latin-1 / 1252).
fn decode_value(mut p: Property) -> Property {
    let qp = p
        .param("ENCODING")
        .is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE"));
    if qp {
        let bytes = quoted_printable(&p.value);
        let latin = p.param("CHARSET").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("8859") || c.contains("1252") || c.contains("latin")
        });
        p.value = if latin {
            windows_1252(&bytes)
        } else {
            match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => windows_1252(e.as_bytes()),
            }
        };
    }
    p
}

fn quoted_printable(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Splits a structured value on unescaped `sep` and unescapes each part.
fn components(value: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => out.last_mut().map_or((), |s| s.push('\n')),
                Some(other) => out.last_mut().map_or((), |s| s.push(other)),
                None => {}
            },
            c if c == sep => out.push(String::new()),
            c => out.last_mut().map_or((), |s| s.push(c)),
        }
    }
    out
}

fn unescape(value: &str) -> String {
    components(value, '\u{0}').concat()
}

/// A label from TYPE parameters or an Apple `X-ABLabel` ("_$!<Mobile>!$_" or free text).
fn label_of(p: &Property, ab_label: Option<&str>) -> String {
    if let Some(l) = ab_label {
        let inner = l
            .trim()
            .trim_start_matches("_$!<")
            .trim_end_matches(">!$_")
            .to_string();
        return normal_label(&inner.to_ascii_lowercase()).unwrap_or(inner);
    }
    p.types().find_map(|t| normal_label(&t)).unwrap_or_default()
}

fn normal_label(t: &str) -> Option<String> {
    Some(
        match t {
            "cell" | "mobile" | "iphone" => "mobile",
            "work" => "bureau",
            "home" => "domicile",
            "fax" | "workfax" | "homefax" => "fax",
            "other" => "autre",
            _ => return None,
        }
        .to_string(),
    )
}

/// vCard dates are often compact ("19800131", "--0131"): written out for the date reader.
fn bday(value: &str) -> String {
    let v = value.trim();
    let date = v.split('T').next().unwrap_or(v);
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match date.len() {
        8 if digits(date) => format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]),
        6 if date.starts_with("--") && digits(&date[2..]) => {
            format!("--{}-{}", &date[2..4], &date[4..])
        }
        _ => date.to_string(),
    }
}

/// Reads the cards of a .vcf file into candidates (with the problems of their values).
pub fn read_vcards(
    bytes: &[u8],
    defs: &[CustomFieldDef],
    today: chrono::NaiveDate,
) -> Result<(Encoding, Vec<Candidate>, Vec<RowError>), TextError> {
    let decoded = decode(bytes)?;
    let no_defs = HashMap::new();
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for card in cards(&decoded.text) {
        let labels: HashMap<&str, &str> = card
            .props
            .iter()
            .filter(|p| p.name == "X-ABLABEL" && !p.group.is_empty())
            .map(|p| (p.group.as_str(), p.value.as_str()))
            .collect();
        let mut b = RowBuilder::new(card.line);
        let (mut phone, mut email, mut adr) = (0u8, 0u8, 0u8);
        let (mut full_name, mut org, mut has_n) = (String::new(), String::new(), false);
        let set = |b: &mut RowBuilder, t: Target, col: &str, v: &str| {
            if !v.trim().is_empty() {
                b.set(&t, col, v.trim(), DateOrder::DayFirst, &no_defs);
            }
        };
        for p in &card.props {
            let ab = labels.get(p.group.as_str()).copied();
            match p.name.as_str() {
                "FN" => full_name = unescape(&p.value),
                "N" => {
                    let c = components(&p.value, ';');
                    has_n = c.iter().take(2).any(|s| !s.trim().is_empty());
                    let part = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
                    set(&mut b, Target::LastName, "N", part(0));
                    set(&mut b, Target::FirstName, "N", part(1));
                    set(&mut b, Target::MiddleName, "N", part(2));
                    set(&mut b, Target::Civility, "N", part(3));
                }
                "ORG" => {
                    let c = components(&p.value, ';');
                    org = c.into_iter().next().unwrap_or_default();
                    set(&mut b, Target::Company, "ORG", &org);
                }
                "TITLE" => set(&mut b, Target::JobTitle, "TITLE", &unescape(&p.value)),
                "TEL" => {
                    let v = unescape(&p.value);
                    let v = v.strip_prefix("tel:").unwrap_or(&v);
                    let label = label_of(p, ab);
                    set(&mut b, Target::Phone { slot: phone, label }, "TEL", v);
                    phone = phone.saturating_add(1);
                }
                "EMAIL" => {
                    let label = label_of(p, ab);
                    set(
                        &mut b,
                        Target::Email { slot: email, label },
                        "EMAIL",
                        &unescape(&p.value),
                    );
                    email = email.saturating_add(1);
                }
                "ADR" => {
                    let c = components(&p.value, ';');
                    let part = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
                    let label = label_of(p, ab);
                    // PO box, extended address, street, locality, region, code, country.
                    let street = [part(2), part(1), part(0)]
                        .iter()
                        .filter(|s| !s.trim().is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join("\n");
                    for (part_kind, v) in [
                        (AddressPart::Street, street.as_str()),
                        (AddressPart::City, part(3)),
                        (AddressPart::Region, part(4)),
                        (AddressPart::PostalCode, part(5)),
                        (AddressPart::Country, part(6)),
                    ] {
                        let t = Target::Address {
                            slot: adr,
                            part: part_kind,
                            label: label.clone(),
                        };
                        set(&mut b, t, "ADR", v);
                    }
                    adr = adr.saturating_add(1);
                }
                "URL" => set(&mut b, Target::Website, "URL", &unescape(&p.value)),
                "BDAY" => set(&mut b, Target::BirthDate, "BDAY", &bday(&p.value)),
                "NOTE" => set(&mut b, Target::Notes, "NOTE", &unescape(&p.value)),
                "CATEGORIES" => {
                    let tags = components(&p.value, ',').join("\n");
                    set(
                        &mut b,
                        Target::Tags {
                            split: ListSplit::Lines,
                        },
                        "CATEGORIES",
                        &tags,
                    );
                }
                "UID" => set(
                    &mut b,
                    Target::ExternalId {
                        system: "vcard".into(),
                    },
                    "UID",
                    &unescape(&p.value),
                ),
                "GENDER" | "X-GENDER" => {
                    let g = p.value.split(';').next().unwrap_or("").trim();
                    match g.to_ascii_uppercase().as_str() {
                        "O" => set(&mut b, Target::Sex, "GENDER", "other"),
                        "" | "N" | "U" => {}
                        _ => set(&mut b, Target::Sex, "GENDER", g),
                    }
                }
                "KIND" | "X-ABSHOWAS" => {
                    if matches!(
                        p.value.trim().to_ascii_lowercase().as_str(),
                        "org" | "company"
                    ) {
                        set(&mut b, Target::Kind, "KIND", "company");
                    }
                }
                // PHOTO, LOGO, SOUND, KEY and the rest are not fiche fields.
                _ => {}
            }
        }
        // A company's card repeats its name in FN: not a person's name.
        if !has_n && full_name.trim() != org.trim() {
            set(&mut b, Target::FullName, "FN", &full_name);
        }
        out.push(b.finish(defs, today, &mut errors));
    }
    Ok((decoded.encoding, out, errors))
}

/// Reads a .vcf file and plans its import exactly like a CSV's.
pub fn plan_vcard_import(
    bytes: &[u8],
    defs: &[CustomFieldDef],
    existing: &[&Fiche],
    opts: &ImportOptions,
    new_id: &mut dyn FnMut() -> String,
) -> Result<FichePlan, TextError> {
    let (_, candidates, errors) = read_vcards(bytes, defs, opts.today)?;
    Ok(plan_candidates(candidates, existing, defs, opts, new_id).with_read_errors(errors))
}
