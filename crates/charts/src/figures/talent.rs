//! The pool-or-spread model's charts: its curves, the tornado of what moves its answer, and the
//! evidence of who wrote the 2017 frameworks.

use crate::{
    Bar, BarChart, HeatmapChart, HistogramChart, LineChart, Marker, Series, Tone, TornadoChart, TornadoRow,
    PUBLICATION_WIDTH,
};
use headstart_core::dataset::{Dataset, Framework};
use headstart_core::format::{grouped, percent, significant, ValueUnit};
use headstart_core::talent::{
    curve, optimum, CurvePoint, HeatmapGrid, HeatmapRow, MapAxis, MonteCarloSummary, Optimum, Params,
    Tornado, TornadoBar,
};

/// How many points a curve is drawn from.
pub const POINTS: usize = 201;
const X_LABEL: &str = "Share of engineers pooled in labs (c)";

/// Which of the model's curves a chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// V(c) split into firms and labs.
    Value,
    /// κ: how much of a firm's platform the open-source stock covers.
    Coverage,
    /// E: a firm's platform effort.
    Effort,
}

/// One of the model's curves for `params`, with c* marked; the page, the essay and the embed
/// all draw it from here.
pub fn curve_chart(which: Curve, points: &[CurvePoint], best: &Optimum) -> LineChart {
    let series = |name: &str, tone: Tone, y: fn(&CurvePoint) -> f64| Series {
        name: name.to_owned(),
        points: points.iter().map(|p| (p.c, y(p))).collect(),
        tone,
    };
    let (title, y_label, y_unit, series, width) = match which {
        Curve::Value => (
            "Ecosystem value against concentration",
            "Value (weighted person-months)",
            ValueUnit::Count,
            vec![
                series("Firms", Tone::Primary, |p| p.v_firms),
                series("Labs", Tone::Secondary, |p| p.v_labs),
                series("Total", Tone::Total, |p| p.v_total),
            ],
            PUBLICATION_WIDTH,
        ),
        Curve::Coverage => (
            "Share of a firm's platform covered by open source (κ)",
            "κ",
            ValueUnit::Share,
            vec![series("κ", Tone::Primary, |p| p.kappa)],
            370,
        ),
        Curve::Effort => (
            "A firm's platform effort (E)",
            "Person-months",
            ValueUnit::Count,
            vec![series("E", Tone::Secondary, |p| p.firm_platform_effort)],
            370,
        ),
    };
    LineChart {
        title: title.into(),
        x_label: X_LABEL.into(),
        y_label: y_label.into(),
        y_unit,
        series,
        marker: Some(Marker { x: best.c_star, label: format!("c* = {}", percent(best.c_star)) }),
        width,
    }
}

/// The chart for a parameter set, computing its curve and optimum.
pub fn curve_chart_for(which: Curve, params: &Params) -> LineChart {
    curve_chart(which, &curve(params, POINTS), &optimum(params))
}

fn rows(bars: &[TornadoBar]) -> Vec<TornadoRow> {
    bars.iter()
        .map(|bar| TornadoRow {
            label: format!("{} ({})", bar.key.meta().symbol, bar.key.meta().label),
            low_label: significant(bar.low),
            high_label: significant(bar.high),
            at_low: bar.at_low,
            at_high: bar.at_high,
        })
        .collect()
}

/// Which outcome a tornado explains, or a histogram shows the spread of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    CStar,
    Gain,
}

/// The tornado of one outcome; the page and the embed draw it from here.
pub fn sensitivity_chart(t: &Tornado, outcome: Outcome) -> TornadoChart {
    let (title, value_label, unit, base, bars) = match outcome {
        Outcome::CStar => {
            ("What moves c*", "Best share pooled, c*", ValueUnit::Share, t.base.c_star, &t.c_star)
        }
        Outcome::Gain => (
            "What moves the gain",
            "Gain over the better pure choice",
            ValueUnit::Multiple,
            t.base.gain,
            &t.gain,
        ),
    };
    TornadoChart {
        title: title.into(),
        value_label: value_label.into(),
        unit,
        base,
        rows: rows(bars),
        width: PUBLICATION_WIDTH,
    }
}

/// The spread of one outcome over the Monte Carlo's draws.
pub fn draws_histogram(summary: &MonteCarloSummary, outcome: Outcome) -> HistogramChart {
    let (title, x_label, unit, distribution) = match outcome {
        Outcome::CStar => ("Best share pooled, c*", "c*", ValueUnit::Share, &summary.c_star),
        Outcome::Gain => {
            ("Gain of the best mix", "V(c*) over the better pure choice", ValueUnit::Multiple, &summary.gain)
        }
    };
    HistogramChart {
        title: format!("{title} over {} draws", grouped(summary.draws as f64)),
        x_label: x_label.into(),
        unit,
        distribution: distribution.clone(),
        width: PUBLICATION_WIDTH,
    }
}

/// "ρ (relevance of the open-source stock)"
fn axis_title(axis: MapAxis) -> String {
    let m = axis.key().meta();
    format!("{} ({})", m.symbol, m.label)
}

fn c_star(row: &HeatmapRow) -> &[f64] {
    &row.c_star
}

/// c* over a grid of two parameters' values, with a ring at `params`' own.
pub fn c_star_map(grid: &HeatmapGrid, x: MapAxis, y: MapAxis, params: &Params) -> HeatmapChart {
    HeatmapChart {
        title: format!("Best share pooled, c*, over {} and {}", axis_title(x), axis_title(y)),
        x_label: axis_title(x),
        y_label: axis_title(y),
        x_values: grid.x_values.clone(),
        y_values: grid.y_values.clone(),
        cells: grid.cells(c_star),
        value_label: "c*".into(),
        unit: ValueUnit::Share,
        // The map's own span, so its structure shows; the key states it.
        domain: grid.extremes(c_star).map_or((0.0, 1.0), |(low, high)| (low.value, high.value)),
        marker: Some((params.get(x.key()), params.get(y.key()))),
        width: PUBLICATION_WIDTH,
    }
}

/// The 2017 frameworks with a commit history, largest sponsor share first: the evidence chart's
/// bars and the page's table beside it.
pub fn evidence_frameworks() -> Vec<&'static Framework> {
    let mut frameworks: Vec<_> = Dataset::bundled()
        .frameworks
        .iter()
        .filter(|f| f.trees.y2017.is_some() && f.authors_before_2017.is_some())
        .collect();
    frameworks.sort_by(|a, b| {
        b.sponsor_commit_share_2017.unwrap_or(-1.0).total_cmp(&a.sponsor_commit_share_2017.unwrap_or(-1.0))
    });
    frameworks
}

/// The sponsors' share of each framework's commits; the page and the embed draw it from here.
pub fn evidence_chart() -> BarChart {
    BarChart {
        title: "Share of commits from the sponsor's own domains, to April 2017".into(),
        value_label: "Share of non-merge commits".into(),
        unit: ValueUnit::Share,
        bars: evidence_frameworks()
            .iter()
            .map(|f| Bar { label: f.name.clone(), value: f.sponsor_commit_share_2017, range: None })
            .collect(),
        width: PUBLICATION_WIDTH,
    }
}
