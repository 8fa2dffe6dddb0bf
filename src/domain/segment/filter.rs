//! Conditions over a fiche, its summary, its folded text and what the file computed for it,
//! nested in AND / OR / NOT groups. Plain serde data: saved segments and the URL carry it as
//! JSON, so variant and field names are a stored format (add, never rename).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::computed::{days_before, Computed, CustomerType, RfmPart};
use super::text::{clean, values, FoldedText, TextField};
use crate::domain::custom_field::CustomValue;
use crate::domain::fiche::{Channel, Fiche, FicheKind, Sex, Status};
use crate::domain::search::fold;
use crate::domain::summary::Summary;

/// Text typed by the user, kept as typed (shown and saved) and folded once, trimmed, for
/// matching: a pass over 100k fiches never folds the needle again.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Needle {
    raw: String,
    folded: String,
}

impl Needle {
    pub fn new(raw: impl Into<String>) -> Needle {
        let raw = raw.into();
        let folded = fold(raw.trim()).chars().map(clean).collect();
        Needle { raw, folded }
    }

    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// `value`, as typed, equals the needle ignoring case, accents and surrounding spaces.
    pub fn equals(&self, value: &str) -> bool {
        let value = value.trim();
        // ASCII text folds to its lowercase: compare without building it.
        if value.is_ascii() {
            value.eq_ignore_ascii_case(&self.folded)
        } else {
            self.is(fold(value).as_bytes())
        }
    }

    /// Whether `v`, a value from a [`FoldedText`], is the needle.
    fn is(&self, v: &[u8]) -> bool {
        v == self.folded.as_bytes()
    }
}

/// The folded form is a function of the raw one.
impl PartialEq for Needle {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl From<String> for Needle {
    fn from(raw: String) -> Self {
        Needle::new(raw)
    }
}

impl From<&str> for Needle {
    fn from(raw: &str) -> Self {
        Needle::new(raw)
    }
}

impl From<Needle> for String {
    fn from(n: Needle) -> Self {
        n.raw
    }
}

/// Inclusive bounds; a missing bound is open. With both missing, any present value matches, so
/// `Not` of it selects the fiches without a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Range<T> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<T>,
}

impl<T: PartialOrd> Range<T> {
    pub fn new(min: Option<T>, max: Option<T>) -> Self {
        Range { min, max }
    }

    pub fn contains(&self, v: T) -> bool {
        self.min.as_ref().is_none_or(|m| v >= *m) && self.max.as_ref().is_none_or(|m| v <= *m)
    }
}

/// Text tests, ignoring case, accents ([`fold`]) and the value's surrounding spaces. `Prefix`
/// is the postal-code one: "69" for the Rhône. An empty needle matches every fiche.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextOp {
    Contains(Needle),
    Equals(Needle),
    Prefix(Needle),
    Empty,
    NotEmpty,
}

impl TextOp {
    /// On a field's values in a [`FoldedText`]. An empty needle does not filter (the condition
    /// is still being typed).
    fn matches(&self, slot: &str) -> bool {
        let mut vs = values(slot);
        match self {
            TextOp::Contains(n) | TextOp::Equals(n) | TextOp::Prefix(n) if n.folded.is_empty() => {
                true
            }
            // The needle holds no separator, so one search covers every value.
            TextOp::Contains(n) => slot.contains(&*n.folded),
            TextOp::Equals(n) => vs.any(|v| n.is(v)),
            TextOp::Prefix(n) => vs.any(|v| v.starts_with(n.folded.as_bytes())),
            TextOp::Empty => vs.next().is_none(),
            TextOp::NotEmpty => vs.next().is_some(),
        }
    }
}

/// Numbers: money in cents, the age in whole years from the birth date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumField {
    Revenue,
    Headcount,
    TotalSpent,
    Orders,
    AverageBasket,
    Contacts,
    Age,
}

impl NumField {
    pub const ALL: [NumField; 7] = [
        NumField::Revenue,
        NumField::Headcount,
        NumField::TotalSpent,
        NumField::Orders,
        NumField::AverageBasket,
        NumField::Contacts,
        NumField::Age,
    ];
}

/// Dates; instants (creation, purchases, contacts) count by their UTC day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateField {
    Created,
    Updated,
    FirstContact,
    FirstPurchase,
    LastPurchase,
    LastContact,
    BirthDate,
}

impl DateField {
    pub const ALL: [DateField; 7] = [
        DateField::Created,
        DateField::Updated,
        DateField::FirstContact,
        DateField::FirstPurchase,
        DateField::LastPurchase,
        DateField::LastContact,
        DateField::BirthDate,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOp {
    Between(Range<NaiveDate>),
    /// From `today - n days` to today, both included ("no contact for 6 months" is the `Not`
    /// of `LastDays(182)` on the last contact, which also keeps the never contacted).
    LastDays(u32),
    /// The date falls in this month (1–12) of any year; `None` is the current month
    /// ("birthdays this month").
    Anniversary(Option<u32>),
    Empty,
    NotEmpty,
}

impl DateOp {
    fn matches(&self, date: Option<NaiveDate>, today: NaiveDate) -> bool {
        let Some(d) = date else {
            return matches!(self, DateOp::Empty);
        };
        match self {
            DateOp::Between(r) => r.contains(d),
            DateOp::LastDays(n) => d <= today && d >= days_before(today, *n),
            DateOp::Anniversary(m) => d.month() == m.unwrap_or(today.month()),
            DateOp::Empty => false,
            DateOp::NotEmpty => true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListField {
    Tags,
    Interests,
}

/// Tests on a list of words (tags, interests, choices), each compared whole, ignoring case and
/// accents. `AnyOf` an empty list matches nothing; `AllOf` and `NoneOf` it match everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListOp {
    AnyOf(Vec<Needle>),
    AllOf(Vec<Needle>),
    NoneOf(Vec<Needle>),
    Empty,
}

impl ListOp {
    /// On a list's values in a [`FoldedText`].
    fn matches(&self, slot: &str) -> bool {
        let has = |n: &Needle| values(slot).any(|v| n.is(v));
        match self {
            ListOp::AnyOf(ns) => ns.iter().any(has),
            ListOp::AllOf(ns) => ns.iter().all(has),
            ListOp::NoneOf(ns) => !ns.iter().any(has),
            ListOp::Empty => values(slot).next().is_none(),
        }
    }
}

/// A test on one custom field, chosen by the UI from the field's kind: `Text` for text and
/// choices, `Range` for numbers and amounts (in cents), `Date`, `Yes` for yes/no (a missing
/// value is neither), `List` for choices and multiple choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomOp {
    Text(TextOp),
    Range(Range<f64>),
    Date(DateOp),
    Yes(bool),
    List(ListOp),
}

impl CustomOp {
    fn matches(&self, id: &str, row: Row<'_>, today: NaiveDate) -> bool {
        use CustomValue as V;
        let value = row.fiche.custom.get(id);
        match self {
            CustomOp::Text(op) => op.matches(row.text.custom(id)),
            CustomOp::List(op) => op.matches(row.text.custom(id)),
            CustomOp::Range(r) => match value {
                Some(V::Number(n)) => r.contains(*n),
                Some(V::Amount(cents)) => r.contains(*cents as f64),
                _ => false,
            },
            CustomOp::Date(op) => op.matches(
                match value {
                    Some(V::Date(d)) => Some(*d),
                    _ => None,
                },
                today,
            ),
            CustomOp::Yes(yes) => value == Some(&V::Bool(*yes)),
        }
    }
}

/// One test on a fiche.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    Text(TextField, TextOp),
    /// A fiche without the value (no revenue, no birth date, no purchase for the basket) never
    /// matches.
    Number(NumField, Range<i64>),
    Date(DateField, DateOp),
    List(ListField, ListOp),
    /// Consent currently granted on this channel.
    Consent(Channel),
    CustomerType(Vec<CustomerType>),
    /// Prospects have no RFM and never match.
    Rfm(RfmPart, Range<u8>),
    Kind(FicheKind),
    Status(Status),
    Sex(Sex),
    PreferredChannel(Channel),
    /// A custom field by its definition id; a fiche without a value matches only the "empty"
    /// tests.
    Custom(String, CustomOp),
}

impl Condition {
    pub fn matches(&self, row: Row<'_>, today: NaiveDate) -> bool {
        let (f, s, t) = (row.fiche, row.summary, row.text);
        match self {
            Condition::Text(field, op) => op.matches(t.field(*field)),
            Condition::Number(field, r) => {
                number(f, s, *field, today).is_some_and(|v| r.contains(v))
            }
            Condition::Date(field, op) => op.matches(date(f, s, *field), today),
            Condition::List(ListField::Tags, op) => op.matches(t.tags()),
            Condition::List(ListField::Interests, op) => op.matches(t.interests()),
            Condition::Consent(ch) => f.consents.granted(*ch),
            Condition::CustomerType(types) => types.contains(&row.computed.kind),
            Condition::Rfm(part, r) => row.computed.rfm.is_some_and(|x| r.contains(x.get(*part))),
            Condition::Kind(k) => f.kind == *k,
            Condition::Status(st) => f.status == *st,
            Condition::Sex(x) => f.sex == Some(*x),
            Condition::PreferredChannel(ch) => f.preferred_channel == Some(*ch),
            Condition::Custom(id, op) => op.matches(id, row, today),
        }
    }
}

fn number(f: &Fiche, s: &Summary, field: NumField, today: NaiveDate) -> Option<i64> {
    match field {
        NumField::Revenue => f.revenue_cents,
        NumField::Headcount => f.headcount.map(i64::from),
        NumField::TotalSpent => Some(s.total_spent_cents),
        NumField::Orders => Some(s.orders.into()),
        NumField::AverageBasket => s.average_basket_cents(),
        NumField::Contacts => Some(s.contacts.into()),
        NumField::Age => f
            .birth_date
            .and_then(|b| today.years_since(b))
            .map(i64::from),
    }
}

fn date(f: &Fiche, s: &Summary, field: DateField) -> Option<NaiveDate> {
    match field {
        // `naive_utc` reads the stored value; `date_naive` would add a zero offset first.
        DateField::Created => Some(f.created_at.naive_utc().date()),
        DateField::Updated => Some(f.updated_at.naive_utc().date()),
        DateField::FirstContact => f.first_contact,
        DateField::FirstPurchase => s.first_purchase.map(|t| t.naive_utc().date()),
        DateField::LastPurchase => s.last_purchase.map(|t| t.naive_utc().date()),
        DateField::LastContact => s.last_contact.map(|t| t.naive_utc().date()),
        DateField::BirthDate => f.birth_date,
    }
}

/// Conditions combined: `All` is AND (the empty `All` matches everything: the unfiltered list),
/// `Any` is OR (the empty `Any` matches nothing), `Not` negates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Filter {
    All(Vec<Filter>),
    Any(Vec<Filter>),
    Not(Box<Filter>),
    Cond(Condition),
}

impl Default for Filter {
    fn default() -> Self {
        Filter::All(Vec::new())
    }
}

impl From<Condition> for Filter {
    fn from(c: Condition) -> Self {
        Filter::Cond(c)
    }
}

/// Everything a filter reads about one fiche. The state layer keeps each part current: the
/// summary with the history, `computed` ([`FileStats::compute`](super::FileStats::compute))
/// when the file or the day changes, `text` ([`FoldedText::new`]) when the fiche changes.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub fiche: &'a Fiche,
    pub summary: &'a Summary,
    pub computed: &'a Computed,
    pub text: &'a FoldedText,
}

impl Filter {
    /// `Not` of this filter (a method rather than `std::ops::Not`: `!filter` reads like a bool).
    pub fn negate(self) -> Filter {
        Filter::Not(Box::new(self))
    }

    pub fn matches(&self, row: Row<'_>, today: NaiveDate) -> bool {
        match self {
            Filter::All(fs) => fs.iter().all(|x| x.matches(row, today)),
            Filter::Any(fs) => fs.iter().any(|x| x.matches(row, today)),
            Filter::Not(x) => !x.matches(row, today),
            Filter::Cond(cond) => cond.matches(row, today),
        }
    }
}
