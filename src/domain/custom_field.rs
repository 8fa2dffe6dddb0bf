//! Fields the user defines for their trade (engine oil for a garage, floor area for a carpet shop).

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::dates::format_date;
use super::lang::Lang;
use super::money::{format_amount, format_amount_plain};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomKind {
    Text,
    LongText,
    Number,
    Amount,
    Date,
    YesNo,
    Choice,
    MultiChoice,
}

impl CustomKind {
    pub const ALL: [CustomKind; 8] = [
        CustomKind::Text,
        CustomKind::LongText,
        CustomKind::Number,
        CustomKind::Amount,
        CustomKind::Date,
        CustomKind::YesNo,
        CustomKind::Choice,
        CustomKind::MultiChoice,
    ];

    pub fn has_options(self) -> bool {
        matches!(self, CustomKind::Choice | CustomKind::MultiChoice)
    }
}

/// The definition of one custom field. The order of the fields is the order of the list in `meta`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldDef {
    pub id: String,
    pub name: String,
    pub kind: CustomKind,
    /// The choices, for `Choice` and `MultiChoice`.
    #[serde(default)]
    pub options: Vec<String>,
}

/// A stored value; its variant matches the kind of its definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum CustomValue {
    Text(String),
    Number(f64),
    /// Cents.
    Amount(i64),
    Date(NaiveDate),
    Bool(bool),
    Choice(String),
    Choices(Vec<String>),
}

/// A value as text for people: "12,5", "1 234,56 €", "14/07/2024", "oui", "rouge, bleu".
pub fn render_value(v: &CustomValue, lang: Lang) -> String {
    match v {
        CustomValue::Text(t) | CustomValue::Choice(t) => t.clone(),
        CustomValue::Number(n) => format_number(*n, lang),
        CustomValue::Amount(cents) => format_amount(*cents, lang),
        CustomValue::Date(d) => format_date(*d, lang),
        CustomValue::Bool(b) => match (lang, b) {
            (Lang::Fr, true) => "oui",
            (Lang::Fr, false) => "non",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }
        .to_string(),
        CustomValue::Choices(cs) => cs.join(", "),
    }
}

/// A value as the text to put back into its input, read again by
/// [`parse_custom_input`](super::validate::parse_custom_input): no thousands separators, dates
/// in ISO form (what `<input type="date">` takes), choices one per line.
pub fn value_to_input(v: &CustomValue, lang: Lang) -> String {
    match v {
        CustomValue::Text(t) | CustomValue::Choice(t) => t.clone(),
        CustomValue::Number(n) => format_number(*n, lang),
        CustomValue::Amount(cents) => format_amount_plain(*cents),
        CustomValue::Date(d) => format_date(*d, Lang::En),
        CustomValue::Bool(b) => b.to_string(),
        CustomValue::Choices(cs) => cs.join("\n"),
    }
}

/// Shortest form that reads back to the same number, with a decimal comma in French.
/// The text Rust's `Display` gives a finite number ("1", "0.5", "0.0000001", never an exponent;
/// a tie between two shortest forms may round the other way), made from serde_json's shortest form: that printer is linked anyway for JSON, while `Display`
/// would link core's own (about 10 KB of wasm).
pub fn plain_number(n: f64) -> String {
    let json = serde_json::to_string(&n).unwrap_or_default();
    let (mantissa, exp) = match json.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (json.as_str(), 0),
    };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    let digits = format!("{int}{frac}");
    // Where the decimal point falls in `digits`.
    let point = int.len() as i32 + exp;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{body}")
}

fn format_number(n: f64, lang: Lang) -> String {
    let s = plain_number(n);
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}
