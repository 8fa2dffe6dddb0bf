//! The analysis page's charts: Carnet's own SVG (a chart crate weighed 147 KB). Two shapes
//! cover every analysis: bars (stacked when there are several series, horizontal for long
//! labels) and a heat map (cohorts, migrations). Each bar or cell may open the list of its
//! fiches. Colours are attributes, not CSS classes, so that a downloaded SVG keeps them.

use leptos::html;
use leptos::prelude::*;

use super::{picked, Target};

/// Series colours, readable on white and told apart in grey too (light to dark alternate).
pub const PALETTE: [&str; 10] = [
    "#2f6db5", "#e39b2d", "#4a9b5f", "#b5485d", "#7a5cb0", "#3aa5b5", "#9b7a2d", "#d46a9f",
    "#5f6b7a", "#8cb23a",
];

/// One bar: its label, the values of its series (stacked), and what a click opens.
#[derive(Clone)]
pub struct Bar {
    pub label: String,
    pub values: Vec<f64>,
    pub target: Option<Target>,
}

const W: f64 = 640.0;
const LABEL_W: f64 = 150.0;

/// Bars, vertical (few, short labels) or horizontal (`horizontal`: names of sources, places).
#[component]
pub fn Bars(
    bars: Vec<Bar>,
    /// Series names, for the legend (none for a single series).
    #[prop(default = Vec::new())]
    series: Vec<String>,
    #[prop(default = false)] horizontal: bool,
    title: String,
    svg_ref: NodeRef<html::Div>,
    on_pick: Callback<Target>,
) -> impl IntoView {
    let max = bars
        .iter()
        .map(|b| b.values.iter().filter(|v| **v > 0.0).sum::<f64>())
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    let n = bars.len().max(1) as f64;
    let targets: Vec<Option<Target>> = bars.iter().map(|b| b.target.clone()).collect();
    let on_click = move |e: web_sys::MouseEvent| {
        if let Some(Some(t)) = picked(&e).and_then(|(i, _)| targets.get(i)) {
            on_pick.run(t.clone());
        }
    };
    let legend_h = if series.len() > 1 { 22.0 } else { 0.0 };
    let (height, items) = if horizontal {
        let row = 22.0;
        let h = legend_h + n * row + 8.0;
        let items = bars
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let y = legend_h + i as f64 * row + 4.0;
                let mut x = LABEL_W;
                let rects = stack(&b.values, max, W - LABEL_W - 60.0)
                    .into_iter()
                    .map(|(k, len)| {
                        let r = view! {
                            <rect x=x y=y width=len height=row - 6.0 fill=PALETTE[k % PALETTE.len()]/>
                        };
                        x += len;
                        r
                    })
                    .collect_view();
                let total: f64 = b.values.iter().sum();
                view! {
                    <g class:pickable=b.target.is_some() data-pick=b.target.is_some().then(|| format!("{i},0"))>
                        <title>{format!("{} : {}", b.label, number(total))}</title>
                        <text x=LABEL_W - 6.0 y=y + 12.0 text-anchor="end" font-size="11" fill="#333">{clip(&b.label, 24)}</text>
                        {rects}
                        <text x=x + 4.0 y=y + 12.0 font-size="11" fill="#333">{number(total)}</text>
                    </g>
                }
            })
            .collect_view()
            .into_any();
        (h, items)
    } else {
        let h = 220.0 + legend_h;
        let plot = 180.0;
        let slot = (W - 20.0) / n;
        let items = bars
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let x = 10.0 + i as f64 * slot + slot * 0.15;
                let mut top = legend_h + 10.0 + plot;
                let rects = stack(&b.values, max, plot)
                    .into_iter()
                    .map(|(k, len)| {
                        top -= len;
                        view! {
                            <rect x=x y=top width=slot * 0.7 height=len fill=PALETTE[k % PALETTE.len()]/>
                        }
                    })
                    .collect_view();
                let total: f64 = b.values.iter().sum();
                view! {
                    <g class:pickable=b.target.is_some() data-pick=b.target.is_some().then(|| format!("{i},0"))>
                        <title>{format!("{} : {}", b.label, number(total))}</title>
                        {rects}
                        <text x=x + slot * 0.35 y=legend_h + plot + 24.0 text-anchor="middle" font-size="10" fill="#333">{clip(&b.label, 9)}</text>
                    </g>
                }
            })
            .collect_view()
            .into_any();
        (h, items)
    };
    let legend = (series.len() > 1).then(|| {
        series
            .iter()
            .enumerate()
            .map(|(k, name)| {
                let x = 10.0 + k as f64 * (W - 20.0) / series.len() as f64;
                view! {
                    <rect x=x y=4 width=10 height=10 fill=PALETTE[k % PALETTE.len()]/>
                    <text x=x + 14.0 y=13 font-size="10" fill="#333">{clip(name, 14)}</text>
                }
            })
            .collect_view()
    });
    let label = title.clone();
    view! {
        <div class="chart" node_ref=svg_ref on:click=on_click>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {W} {height}") role="img" aria-label=label>
                <title>{title}</title>
                {legend}
                {items}
            </svg>
        </div>
    }
}

/// A grid of cells shaded by their value (0 to 1), each with its text.
#[derive(Clone)]
pub struct HeatCell {
    pub shade: f64,
    pub text: String,
    pub target: Option<Target>,
}

#[component]
pub fn Heat(
    rows: Vec<String>,
    cols: Vec<String>,
    cells: Vec<Vec<Option<HeatCell>>>,
    title: String,
    svg_ref: NodeRef<html::Div>,
    on_pick: Callback<Target>,
) -> impl IntoView {
    let targets: Vec<Vec<Option<Target>>> = cells
        .iter()
        .map(|line| {
            line.iter()
                .map(|c| c.as_ref().and_then(|c| c.target.clone()))
                .collect()
        })
        .collect();
    let on_click = move |e: web_sys::MouseEvent| {
        if let Some(Some(t)) = picked(&e).and_then(|(r, c)| targets.get(r)?.get(c)) {
            on_pick.run(t.clone());
        }
    };
    let cw = ((W - LABEL_W) / cols.len().max(1) as f64).min(80.0);
    let rh = 22.0;
    let head = 20.0;
    let height = head + rows.len() as f64 * rh + 4.0;
    let heads = cols
        .iter()
        .enumerate()
        .map(|(c, name)| {
            view! {
                <text x=LABEL_W + c as f64 * cw + cw / 2.0 y=14 text-anchor="middle" font-size="10" fill="#333">{clip(name, 12)}</text>
            }
        })
        .collect_view();
    let body = rows
        .iter()
        .zip(cells)
        .enumerate()
        .map(|(r, (name, line))| {
            let y = head + r as f64 * rh;
            let row_cells = line
                .into_iter()
                .enumerate()
                .filter_map(|(c, cell)| cell.map(|cell| (c, cell)))
                .map(|(c, cell)| {
                    let x = LABEL_W + c as f64 * cw;
                    let shade = cell.shade.clamp(0.0, 1.0);
                    let dark = shade > 0.55;
                    view! {
                        <g class:pickable=cell.target.is_some() data-pick=cell.target.is_some().then(|| format!("{r},{c}"))>
                            <rect x=x + 1.0 y=y + 1.0 width=cw - 2.0 height=rh - 2.0 fill="#2f6db5" fill-opacity=format!("{:.2}", 0.08 + 0.92 * shade)/>
                            <text x=x + cw / 2.0 y=y + 15.0 text-anchor="middle" font-size="10" fill=if dark { "#fff" } else { "#222" }>{cell.text}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <text x=LABEL_W - 6.0 y=y + 15.0 text-anchor="end" font-size="11" fill="#333">{clip(name, 22)}</text>
                {row_cells}
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <div class="chart" node_ref=svg_ref on:click=on_click>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {W} {height}") role="img" aria-label=label>
                <title>{title}</title>
                {heads}
                {body}
            </svg>
        </div>
    }
}

/// The lengths of the positive values stacked, scaled so that `max` fills `room`, with their
/// series index (negative values, refunds beyond purchases, draw nothing).
fn stack(values: &[f64], max: f64, room: f64) -> Vec<(usize, f64)> {
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| **v > 0.0)
        .map(|(k, v)| (k, v / max * room))
        .collect()
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// A label cut to `n` characters with an ellipsis, for the chart only (the table holds it whole).
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
