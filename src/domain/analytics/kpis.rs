//! The key figures of a period beside those of the period before it.

use super::log::Day;
use super::period::Period;
use super::scan::fiches;
use super::{div_round, pct_tenths, Joined};

/// The figures, in the order of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kpi {
    Buyers,
    Revenue,
    Orders,
    Basket,
    RepeatRate,
    NewBuyers,
}

impl Kpi {
    pub const ALL: [Kpi; 6] = [
        Kpi::Buyers,
        Kpi::Revenue,
        Kpi::Orders,
        Kpi::Basket,
        Kpi::RepeatRate,
        Kpi::NewBuyers,
    ];
}

/// One figure of one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Count(u64),
    Cents(i64),
    /// Tenths of a percent.
    Tenths(i64),
    /// Not defined for that period (a basket without orders, a rate without buyers).
    Missing,
}

/// How a figure moved from the previous period to this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// (current − previous) / |previous|, in tenths of a percent.
    Relative(i64),
    /// current − previous, in tenths of a percentage point (for a rate).
    Points(i64),
    /// Either side is missing, or the previous count or amount is 0.
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KpiRow {
    pub kpi: Kpi,
    pub current: Value,
    pub previous: Value,
    pub change: Change,
}

/// The six figures of `p` (columns: `p`, then [`Period::previous`]), in [`Kpi::ALL`] order:
/// - buyers: fiches with at least one order in the period ([`super::Entry::is_order`]);
/// - revenue: the sum of every purchase amount of the period, refunds included (net);
/// - orders: the number of orders;
/// - average basket: revenue ÷ orders, to the cent, half away from zero; missing without orders;
/// - repeat rate: the share of the period's buyers with at least two orders in it; missing
///   without buyers;
/// - new buyers: buyers whose first order ever is in the period.
///
/// Change: relative for counts and money (missing when the previous value is 0 or missing),
/// in points for the repeat rate. A period whose end is before its start holds no day, and
/// neither does its previous one.
pub fn kpis(j: &Joined, p: Period) -> Vec<KpiRow> {
    let previous = if p.from <= p.to { p.previous() } else { p };
    let ((from, to), (previous_from, previous_to)) = (p.day_range(), previous.day_range());
    // Totals before each period's first day and after its last.
    let bounds = [
        i64::from(previous_from),
        i64::from(previous_to) + 1,
        i64::from(from),
        i64::from(to) + 1,
    ];
    let (mut cur, mut prev) = (Figures::default(), Figures::default());
    fiches(j, |_, _, c| {
        let first = c.first_order();
        let [before_previous, after_previous, before, after] = c.totals_before(bounds);
        prev.add(before_previous.until(after_previous), first, previous_from);
        cur.add(before.until(after), first, from);
    });
    Kpi::ALL
        .into_iter()
        .map(|kpi| {
            let (current, previous) = (cur.value(kpi), prev.value(kpi));
            KpiRow {
                kpi,
                current,
                previous,
                change: change(kpi, current, previous),
            }
        })
        .collect()
}

/// What the six figures are made of, for one period.
#[derive(Default)]
struct Figures {
    buyers: u64,
    revenue: i64,
    orders: u64,
    repeat_buyers: u64,
    new_buyers: u64,
}

impl Figures {
    /// Adds one fiche: its revenue and orders in the period that starts on `from`, and the
    /// day of its first order ever.
    fn add(&mut self, (revenue, orders): (i64, u64), first: Option<Day>, from: Day) {
        self.revenue = self.revenue.saturating_add(revenue);
        if orders > 0 {
            self.buyers += 1;
            self.orders += orders;
            self.repeat_buyers += u64::from(orders >= 2);
            // It has an order in the period, so a first order on or after `from` is in it.
            self.new_buyers += u64::from(first.is_some_and(|d| d >= from));
        }
    }

    fn value(&self, kpi: Kpi) -> Value {
        match kpi {
            Kpi::Buyers => Value::Count(self.buyers),
            Kpi::Revenue => Value::Cents(self.revenue),
            Kpi::Orders => Value::Count(self.orders),
            Kpi::Basket => match self.orders {
                0 => Value::Missing,
                n => Value::Cents(div_round(self.revenue, count(n))),
            },
            Kpi::RepeatRate => pct_tenths(count(self.repeat_buyers), count(self.buyers))
                .map_or(Value::Missing, Value::Tenths),
            Kpi::NewBuyers => Value::Count(self.new_buyers),
        }
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn change(kpi: Kpi, current: Value, previous: Value) -> Change {
    let number = |v| match v {
        Value::Count(n) => Some(count(n)),
        Value::Cents(c) | Value::Tenths(c) => Some(c),
        Value::Missing => None,
    };
    let (Some(cur), Some(prev)) = (number(current), number(previous)) else {
        return Change::Missing;
    };
    match kpi {
        Kpi::RepeatRate => Change::Points(cur.saturating_sub(prev)),
        _ => pct_tenths(cur.saturating_sub(prev), prev.saturating_abs())
            .map_or(Change::Missing, Change::Relative),
    }
}
