//! The filter builder's editable form of a [`Filter`]: groups of lines, each line one
//! condition, possibly negated. One level of groups is what a person builds by hand; every
//! filter the app itself makes (built-in segments included) converts to it and back.
//!
//! The builder's UI is data-driven: a line is shown as (field, operator, up to two values as
//! text), all three read with [`Line::parts`] and written back with [`build`], so one editor
//! serves every kind of field.

use chrono::NaiveDate;

use super::computed::{CustomerType, RfmPart};
use super::filter::{
    Condition, CustomOp, DateField, DateOp, Filter, ListField, ListOp, Needle, NumField, Range,
    TextOp,
};
use super::text::TextField;
use crate::domain::custom_field::{plain_number, CustomFieldDef, CustomKind};
use crate::domain::fiche::{Channel, FicheKind, Sex, Status};

/// One condition of the builder; `not` negates it ("has not consented by SMS").
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub not: bool,
    pub cond: Condition,
}

/// Lines combined by AND (`any: false`) or OR.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub any: bool,
    pub lines: Vec<Line>,
}

/// Groups combined by AND or OR. The default (no group) lists every fiche.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub any: bool,
    pub groups: Vec<Group>,
}

fn combine(any: bool, fs: Vec<Filter>) -> Filter {
    if any {
        Filter::Any(fs)
    } else {
        Filter::All(fs)
    }
}

impl Line {
    fn filter(&self) -> Filter {
        let f = Filter::Cond(self.cond.clone());
        if self.not {
            f.negate()
        } else {
            f
        }
    }

    fn from_filter(f: &Filter) -> Option<Line> {
        match f {
            Filter::Cond(c) => Some(Line {
                not: false,
                cond: c.clone(),
            }),
            Filter::Not(inner) => match &**inner {
                Filter::Cond(c) => Some(Line {
                    not: true,
                    cond: c.clone(),
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// The field, the operator and the values as the editor shows them.
    pub fn parts(&self, defs: &[CustomFieldDef]) -> (Field, Op, [String; 2]) {
        parts(&self.cond, defs)
    }
}

impl Group {
    fn filter(&self) -> Filter {
        match self.lines.as_slice() {
            [one] => one.filter(),
            lines => combine(self.any, lines.iter().map(Line::filter).collect()),
        }
    }

    fn from_filter(f: &Filter) -> Option<Group> {
        let lines = |fs: &[Filter], not: bool| {
            fs.iter()
                .map(|f| {
                    Line::from_filter(f).map(|mut l| {
                        l.not ^= not;
                        l
                    })
                })
                .collect::<Option<Vec<_>>>()
        };
        match f {
            Filter::All(fs) => Some(Group {
                any: false,
                lines: lines(fs, false)?,
            }),
            Filter::Any(fs) => Some(Group {
                any: true,
                lines: lines(fs, false)?,
            }),
            // De Morgan: NOT (a OR b) is (NOT a) AND (NOT b), as "no marketing consent" says.
            Filter::Not(inner) if matches!(**inner, Filter::All(_) | Filter::Any(_)) => {
                let g = Group::from_filter(inner)?;
                Some(Group {
                    any: !g.any,
                    lines: g
                        .lines
                        .into_iter()
                        .map(|l| Line { not: !l.not, ..l })
                        .collect(),
                })
            }
            _ => Some(Group {
                any: false,
                lines: vec![Line::from_filter(f)?],
            }),
        }
    }
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        self.groups.iter().all(|g| g.lines.is_empty())
    }

    /// The filter the draft means; empty groups are left out.
    pub fn to_filter(&self) -> Filter {
        let groups: Vec<Filter> = self
            .groups
            .iter()
            .filter(|g| !g.lines.is_empty())
            .map(Group::filter)
            .collect();
        match groups.len() {
            1 => groups.into_iter().next().unwrap_or_default(),
            _ => combine(self.any, groups),
        }
    }

    /// The draft of a filter, or `None` when it nests deeper than the builder shows (a
    /// hand-made URL).
    pub fn from_filter(f: &Filter) -> Option<Draft> {
        let groups = |fs: &[Filter]| {
            fs.iter()
                .map(Group::from_filter)
                .collect::<Option<Vec<_>>>()
        };
        let single = |f| {
            Some(Draft {
                any: false,
                groups: vec![Group::from_filter(f)?],
            })
        };
        match f {
            Filter::All(fs) if fs.is_empty() => Some(Draft::default()),
            // "Nothing": no line of the builder says it.
            Filter::Any(fs) if fs.is_empty() => None,
            Filter::All(fs) if fs.iter().all(|x| Line::from_filter(x).is_some()) => single(f),
            Filter::All(fs) => Some(Draft {
                any: false,
                groups: groups(fs)?,
            }),
            Filter::Any(fs) if fs.iter().any(|x| Line::from_filter(x).is_none()) => Some(Draft {
                any: true,
                groups: groups(fs)?,
            }),
            _ => single(f),
        }
    }
}

/// A field the builder offers, in the order of [`fields`].
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(TextField),
    Number(NumField),
    Date(DateField),
    List(ListField),
    Consent(Channel),
    Type,
    Rfm(RfmPart),
    Kind,
    Status,
    Sex,
    Channel,
    Custom(String, CustomKind),
}

/// Every field a condition can test: the fiche's, the summary's, the computed ones, then the
/// user's own fields.
pub fn fields(defs: &[CustomFieldDef]) -> Vec<Field> {
    let mut out = vec![Field::Type, Field::Kind, Field::Status, Field::Sex];
    out.extend(TextField::ALL.map(Field::Text));
    out.extend([ListField::Tags, ListField::Interests].map(Field::List));
    out.extend(NumField::ALL.map(Field::Number));
    out.extend(DateField::ALL.map(Field::Date));
    out.extend(Channel::CONSENT.map(Field::Consent));
    out.push(Field::Channel);
    out.extend([RfmPart::Recency, RfmPart::Frequency, RfmPart::Monetary].map(Field::Rfm));
    out.extend(defs.iter().map(|d| Field::Custom(d.id.clone(), d.kind)));
    out
}

/// An operator of the builder. `Is(i)` picks the i-th value of an enumerated field (customer
/// type, kind, status, channel): the operator list is then the list of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Contains,
    Equals,
    Prefix,
    Empty,
    NotEmpty,
    Between,
    LastDays,
    Month,
    AnyOf,
    AllOf,
    NoneOf,
    Given,
    Yes,
    No,
    Is(u8),
}

/// How a value box reads its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    /// A whole number (days, years, orders, a month 1–12, a score 1–5).
    Number,
    /// Euros with decimals, kept in cents.
    Money,
    /// A decimal number (custom number fields).
    Decimal,
    Date,
}

const TEXT_OPS: &[Op] = &[
    Op::Contains,
    Op::Equals,
    Op::Prefix,
    Op::Empty,
    Op::NotEmpty,
];
const DATE_OPS: &[Op] = &[
    Op::Between,
    Op::LastDays,
    Op::Month,
    Op::Empty,
    Op::NotEmpty,
];
const LIST_OPS: &[Op] = &[Op::AnyOf, Op::AllOf, Op::NoneOf, Op::Empty];

impl Field {
    /// The operators offered for this field, the first being the default.
    pub fn ops(&self) -> Vec<Op> {
        let values = |n: usize| (0..n as u8).map(Op::Is).collect();
        match self {
            Field::Text(_) => TEXT_OPS.to_vec(),
            Field::Number(_) | Field::Rfm(_) => vec![Op::Between],
            Field::Date(_) => DATE_OPS.to_vec(),
            Field::List(_) => LIST_OPS.to_vec(),
            Field::Consent(_) => vec![Op::Given],
            Field::Type => values(CustomerType::ALL.len()),
            Field::Kind | Field::Status => values(2),
            Field::Sex => values(SEXES.len()),
            Field::Channel => values(Channel::ALL.len()),
            Field::Custom(_, kind) => match kind {
                CustomKind::Text | CustomKind::LongText | CustomKind::Choice => TEXT_OPS.to_vec(),
                CustomKind::Number | CustomKind::Amount => vec![Op::Between],
                CustomKind::Date => DATE_OPS.to_vec(),
                CustomKind::YesNo => vec![Op::Yes, Op::No],
                CustomKind::MultiChoice => LIST_OPS.to_vec(),
            },
        }
    }

    /// The value boxes of `op` on this field (none, one or two: from and to).
    pub fn inputs(&self, op: Op) -> &'static [Input] {
        use Input::*;
        match op {
            Op::Contains | Op::Equals | Op::Prefix | Op::AnyOf | Op::AllOf | Op::NoneOf => &[Text],
            Op::LastDays | Op::Month => &[Number],
            Op::Between => match self {
                Field::Date(_) | Field::Custom(_, CustomKind::Date) => &[Date, Date],
                Field::Number(n) if money(*n) => &[Money, Money],
                Field::Custom(_, CustomKind::Amount) => &[Money, Money],
                Field::Custom(..) => &[Decimal, Decimal],
                _ => &[Number, Number],
            },
            _ => &[],
        }
    }

    /// The condition for this field with its default operator and no value yet.
    pub fn default_condition(&self) -> Condition {
        let op = self.ops().first().copied().unwrap_or(Op::Empty);
        build(self, op, &Default::default())
    }
}

fn money(n: NumField) -> bool {
    matches!(
        n,
        NumField::Revenue | NumField::TotalSpent | NumField::AverageBasket
    )
}

const KINDS: [FicheKind; 2] = [FicheKind::Person, FicheKind::Company];
const STATUSES: [Status; 2] = [Status::Prospect, Status::Client];
const SEXES: [Sex; 3] = [Sex::Female, Sex::Male, Sex::Other];

fn pick<T: Copy + PartialEq>(all: &[T], op: Op) -> T {
    match op {
        Op::Is(i) => all.get(usize::from(i)).copied().unwrap_or(all[0]),
        _ => all[0],
    }
}

fn index_of<T: PartialEq>(all: &[T], v: &T) -> Op {
    Op::Is(all.iter().position(|x| x == v).unwrap_or(0) as u8)
}

/// The condition a line of the builder means. A value that does not read (half typed) leaves
/// its bound open, so the list follows the typing without errors.
pub fn build(field: &Field, op: Op, v: &[String; 2]) -> Condition {
    let inputs = field.inputs(op);
    match field {
        Field::Text(f) => Condition::Text(*f, text_op(op, &v[0])),
        Field::Number(f) => Condition::Number(*f, int_range(inputs, v)),
        Field::Date(f) => Condition::Date(*f, date_op(op, v)),
        Field::List(f) => Condition::List(*f, list_op(op, &v[0])),
        Field::Consent(ch) => Condition::Consent(*ch),
        Field::Type => Condition::CustomerType(vec![pick(&CustomerType::ALL, op)]),
        Field::Rfm(p) => {
            let r = int_range(inputs, v);
            let score = |x: Option<i64>| x.map(|x| x.clamp(0, 9) as u8);
            Condition::Rfm(*p, Range::new(score(r.min), score(r.max)))
        }
        Field::Kind => Condition::Kind(pick(&KINDS, op)),
        Field::Status => Condition::Status(pick(&STATUSES, op)),
        Field::Sex => Condition::Sex(pick(&SEXES, op)),
        Field::Channel => Condition::PreferredChannel(pick(&Channel::ALL, op)),
        Field::Custom(id, kind) => Condition::Custom(
            id.clone(),
            match kind {
                CustomKind::Number | CustomKind::Amount => {
                    let r = |i: usize| read_num(inputs.get(i).copied(), &v[i]);
                    CustomOp::Range(Range::new(r(0), r(1)))
                }
                CustomKind::Date => CustomOp::Date(date_op(op, v)),
                CustomKind::YesNo => CustomOp::Yes(op != Op::No),
                CustomKind::MultiChoice => CustomOp::List(list_op(op, &v[0])),
                _ => CustomOp::Text(text_op(op, &v[0])),
            },
        ),
    }
}

fn text_op(op: Op, v: &str) -> TextOp {
    match op {
        Op::Equals => TextOp::Equals(v.into()),
        Op::Prefix => TextOp::Prefix(v.into()),
        Op::Empty => TextOp::Empty,
        Op::NotEmpty => TextOp::NotEmpty,
        _ => TextOp::Contains(v.into()),
    }
}

/// Comma-separated words.
fn list_op(op: Op, v: &str) -> ListOp {
    let words = v
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(Needle::from)
        .collect();
    match op {
        Op::AllOf => ListOp::AllOf(words),
        Op::NoneOf => ListOp::NoneOf(words),
        Op::Empty => ListOp::Empty,
        _ => ListOp::AnyOf(words),
    }
}

fn date_op(op: Op, v: &[String; 2]) -> DateOp {
    let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let n = |s: &str| s.trim().parse::<u32>().ok();
    match op {
        Op::LastDays => DateOp::LastDays(n(&v[0]).unwrap_or(30)),
        Op::Month => DateOp::Anniversary(n(&v[0]).filter(|m| (1..=12).contains(m))),
        Op::Empty => DateOp::Empty,
        Op::NotEmpty => DateOp::NotEmpty,
        _ => DateOp::Between(Range::new(date(&v[0]), date(&v[1]))),
    }
}

/// A number as typed: French or English decimals; money in cents.
fn read_num(input: Option<Input>, s: &str) -> Option<f64> {
    let x: f64 = s.trim().replace(',', ".").parse().ok()?;
    let x = if input == Some(Input::Money) {
        (x * 100.0).round()
    } else {
        x
    };
    x.is_finite().then_some(x)
}

fn int_range(inputs: &[Input], v: &[String; 2]) -> Range<i64> {
    let r = |i: usize| read_num(inputs.get(i).copied(), &v[i]).map(|x| x as i64);
    Range::new(r(0), r(1))
}

fn show_num(input: Input, x: f64) -> String {
    if input == Input::Money {
        let cents = x as i64;
        if cents % 100 == 0 {
            (cents / 100).to_string()
        } else {
            format!("{}.{:02}", cents / 100, (cents % 100).abs())
        }
    } else {
        // Not `to_string`: that links core's float printer for this one use.
        plain_number(x)
    }
}

fn text_parts(op: &TextOp) -> (Op, String) {
    match op {
        TextOp::Contains(n) => (Op::Contains, n.as_str().into()),
        TextOp::Equals(n) => (Op::Equals, n.as_str().into()),
        TextOp::Prefix(n) => (Op::Prefix, n.as_str().into()),
        TextOp::Empty => (Op::Empty, String::new()),
        TextOp::NotEmpty => (Op::NotEmpty, String::new()),
    }
}

fn list_parts(op: &ListOp) -> (Op, String) {
    let join = |ns: &[Needle]| ns.iter().map(Needle::as_str).collect::<Vec<_>>().join(", ");
    match op {
        ListOp::AnyOf(ns) => (Op::AnyOf, join(ns)),
        ListOp::AllOf(ns) => (Op::AllOf, join(ns)),
        ListOp::NoneOf(ns) => (Op::NoneOf, join(ns)),
        ListOp::Empty => (Op::Empty, String::new()),
    }
}

fn date_parts(op: &DateOp) -> (Op, [String; 2]) {
    let show = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    match op {
        DateOp::Between(r) => (Op::Between, [show(r.min), show(r.max)]),
        DateOp::LastDays(n) => (Op::LastDays, [n.to_string(), String::new()]),
        DateOp::Anniversary(m) => (
            Op::Month,
            [m.map(|m| m.to_string()).unwrap_or_default(), String::new()],
        ),
        DateOp::Empty => (Op::Empty, Default::default()),
        DateOp::NotEmpty => (Op::NotEmpty, Default::default()),
    }
}

fn range_parts<T: Copy + Into<f64>>(input: Input, r: &Range<T>) -> [String; 2] {
    let show = |x: Option<T>| x.map(|x| show_num(input, x.into())).unwrap_or_default();
    [show(r.min), show(r.max)]
}

/// The inverse of [`build`]: what the editor shows for a condition.
pub fn parts(c: &Condition, defs: &[CustomFieldDef]) -> (Field, Op, [String; 2]) {
    let one = |(op, s): (Op, String)| (op, [s, String::new()]);
    let (field, (op, v)) = match c {
        Condition::Text(f, op) => (Field::Text(*f), one(text_parts(op))),
        Condition::Number(f, r) => {
            let input = if money(*f) {
                Input::Money
            } else {
                Input::Number
            };
            let r = Range::new(r.min.map(|x| x as f64), r.max.map(|x| x as f64));
            (Field::Number(*f), (Op::Between, range_parts(input, &r)))
        }
        Condition::Date(f, op) => (Field::Date(*f), date_parts(op)),
        Condition::List(f, op) => (Field::List(*f), one(list_parts(op))),
        Condition::Consent(ch) => (Field::Consent(*ch), (Op::Given, Default::default())),
        Condition::CustomerType(ts) => (
            Field::Type,
            (
                index_of(
                    &CustomerType::ALL,
                    ts.first().unwrap_or(&CustomerType::Prospect),
                ),
                Default::default(),
            ),
        ),
        Condition::Rfm(p, r) => (Field::Rfm(*p), (Op::Between, range_parts(Input::Number, r))),
        Condition::Kind(k) => (Field::Kind, (index_of(&KINDS, k), Default::default())),
        Condition::Status(s) => (Field::Status, (index_of(&STATUSES, s), Default::default())),
        Condition::Sex(s) => (Field::Sex, (index_of(&SEXES, s), Default::default())),
        Condition::PreferredChannel(ch) => (
            Field::Channel,
            (index_of(&Channel::ALL, ch), Default::default()),
        ),
        Condition::Custom(id, op) => {
            let def_kind = defs.iter().find(|d| d.id == *id).map(|d| d.kind);
            let (kind, parts) = match op {
                CustomOp::Text(t) => (CustomKind::Text, one(text_parts(t))),
                CustomOp::List(l) => (CustomKind::MultiChoice, one(list_parts(l))),
                CustomOp::Date(d) => (CustomKind::Date, date_parts(d)),
                CustomOp::Yes(y) => (
                    CustomKind::YesNo,
                    (if *y { Op::Yes } else { Op::No }, Default::default()),
                ),
                CustomOp::Range(r) => {
                    let kind = def_kind.unwrap_or(CustomKind::Number);
                    let input = if kind == CustomKind::Amount {
                        Input::Money
                    } else {
                        Input::Decimal
                    };
                    (kind, (Op::Between, range_parts(input, r)))
                }
            };
            (Field::Custom(id.clone(), def_kind.unwrap_or(kind)), parts)
        }
    };
    (field, op, v)
}
