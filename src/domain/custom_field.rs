//! Fields the user defines for their trade (engine oil for a garage, floor area for a carpet shop).

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

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
