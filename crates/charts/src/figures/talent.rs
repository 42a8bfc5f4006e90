//! The pool-or-spread model's charts: its curves, the tornado of what moves its answer, and the
//! evidence of who wrote the 2017 frameworks.

use crate::{Bar, BarChart, LineChart, Marker, Series, Tone, TornadoChart, TornadoRow, PUBLICATION_WIDTH};
use headstart_core::dataset::{Dataset, Framework};
use headstart_core::format::{percent, significant, ValueUnit};
use headstart_core::talent::{curve, optimum, CurvePoint, Optimum, Params, Tornado, TornadoBar};

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

/// Which outcome a tornado explains.
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
