//! An analysis as a table: the accessible form of its chart and the source of its CSV. Cells
//! keep their numbers, written as the interface writes them (`1 234,56`, `31,8`) or as the CSV
//! variant wants them (`1234,56`, no thousands separator, so that a spreadsheet reads numbers).

use crate::domain::codec::csv_write::{table_csv, Variant};
use crate::domain::lang::Lang;
use crate::domain::money::{format_amount_plain, format_whole};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Count(u64),
    /// Money, in cents, written without the currency (the header says "€").
    Cents(i64),
    /// A percentage in tenths, written without the sign (the header says "%"); blank when
    /// there is none (a share of nothing).
    Pct(Option<i64>),
    /// A change: relative in tenths of a percent, or in tenths of a point (`points`); signed.
    Change {
        tenths: Option<i64>,
        points: bool,
    },
    Blank,
}

impl Cell {
    /// The cell as the page shows it.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => format_whole(*n as usize, lang),
            Cell::Cents(c) => money(*c, lang),
            Cell::Pct(t) => t.map(|t| tenths(t, lang)).unwrap_or_default(),
            Cell::Change { tenths: t, points } => t.map_or(String::new(), |t| {
                let sign = if t > 0 { "+" } else { "" };
                let unit = match (points, lang) {
                    (true, Lang::Fr) => "\u{202f}pt",
                    (true, Lang::En) => " pt",
                    (false, Lang::Fr) => "\u{202f}%",
                    (false, Lang::En) => "%",
                };
                format!("{sign}{}{unit}", tenths(t, lang))
            }),
            Cell::Blank => String::new(),
        }
    }

    /// Whether the cell holds a number (aligned to the right).
    pub fn is_number(&self) -> bool {
        !matches!(self, Cell::Text(_) | Cell::Blank)
    }

    /// The cell in a CSV file of `variant`: plain numbers, the decimal mark of the variant.
    pub fn csv(&self, variant: Variant) -> String {
        let comma = |s: String| match variant {
            Variant::FrenchExcel => s,
            Variant::Standard => s.replace(',', "."),
        };
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Cents(c) => comma(format_amount_plain(*c)),
            Cell::Pct(t) | Cell::Change { tenths: t, .. } => {
                t.map(|t| comma(tenths_plain(t))).unwrap_or_default()
            }
            Cell::Blank => String::new(),
        }
    }
}

/// One analysis's table: its name (the `data-testid` is `analytics-<name>`), header and rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub name: &'static str,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn to_csv(&self, variant: Variant) -> String {
        let mut all = Vec::with_capacity(self.rows.len() + 1);
        all.push(self.head.clone());
        all.extend(
            self.rows
                .iter()
                .map(|r| r.iter().map(|c| c.csv(variant)).collect()),
        );
        table_csv(&all, variant)
    }
}

/// "1 234,56" / "1,234.56": an amount without its currency.
pub fn money(cents: i64, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let units = format_whole((abs / 100) as usize, lang);
    match lang {
        Lang::Fr => format!("{sign}{units},{:02}", abs % 100),
        Lang::En => format!("{sign}{units}.{:02}", abs % 100),
    }
}

/// "31,8" / "31.8" from 318; "1 523,5" / "1,523.5" with the thousands apart.
pub fn tenths(t: i64, lang: Lang) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let abs = t.unsigned_abs();
    let units = format_whole((abs / 10) as usize, lang);
    let mark = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    format!("{sign}{units}{mark}{}", abs % 10)
}

fn tenths_plain(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let abs = t.unsigned_abs();
    format!("{sign}{},{}", abs / 10, abs % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_the_interface_and_the_csv_write_numbers() {
        assert_eq!(Cell::Cents(123_456).show(Lang::Fr), "1\u{202f}234,56");
        assert_eq!(Cell::Cents(-5).show(Lang::En), "-0.05");
        assert_eq!(Cell::Cents(123_456).csv(Variant::FrenchExcel), "1234,56");
        assert_eq!(Cell::Cents(123_456).csv(Variant::Standard), "1234.56");
        assert_eq!(Cell::Pct(Some(318)).show(Lang::Fr), "31,8");
        assert_eq!(Cell::Pct(Some(-5)).show(Lang::En), "-0.5");
        assert_eq!(Cell::Pct(None).show(Lang::Fr), "");
        assert_eq!(Cell::Pct(Some(15_235)).show(Lang::Fr), "1\u{202f}523,5");
        assert_eq!(Cell::Pct(Some(15_235)).show(Lang::En), "1,523.5");
        assert_eq!(Cell::Pct(Some(15_235)).csv(Variant::FrenchExcel), "1523,5");
        let up = Cell::Change {
            tenths: Some(125),
            points: false,
        };
        assert_eq!(up.show(Lang::Fr), "+12,5\u{202f}%");
        assert_eq!(up.csv(Variant::Standard), "12.5");
        let down = Cell::Change {
            tenths: Some(-32),
            points: true,
        };
        assert_eq!(down.show(Lang::En), "-3.2 pt");
        assert_eq!(Cell::Count(12_345).show(Lang::En), "12,345");
        assert_eq!(Cell::Count(12_345).csv(Variant::FrenchExcel), "12345");
    }

    #[test]
    fn a_table_becomes_csv_with_its_header_and_neutralised_cells() {
        let t = Table {
            name: "x",
            head: vec!["Libellé".into(), "CA (€)".into()],
            rows: vec![vec![Cell::Text("=cmd".into()), Cell::Cents(150)]],
        };
        assert_eq!(
            t.to_csv(Variant::FrenchExcel),
            "\u{feff}Libellé;CA (€)\r\n'=cmd;1,50\r\n"
        );
    }
}
