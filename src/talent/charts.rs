//! The model's curves: value against concentration, and how fast open source frees firms.

use crate::chart_frame::ChartFrame;
use headstart_charts::{render, LineChart, Marker, Series, Tone, PUBLICATION_WIDTH};
use headstart_core::embeds::Embed;
use headstart_core::format::{percent, ValueUnit};
use headstart_core::talent::{curve, optimum, CurvePoint, Optimum, Params};
use leptos::prelude::*;

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

#[component]
pub fn TalentCharts(params: Memo<Params>, best: Memo<Optimum>) -> impl IntoView {
    let points = Memo::new(move |_| curve(&params.get(), POINTS));
    let chart = move |which| {
        Memo::new(move |_| points.with(|points| render(&curve_chart(which, points, &best.get()))))
    };
    view! {
        <section class="chart-panel" aria-labelledby="value-chart-title">
            <h2 id="value-chart-title">"Value against concentration"</h2>
            <p class="table-hint">
                "Left, everyone works in small teams at firms (“all distributed”); right, everyone is pooled in the labs (“all pooled”). "
                "The vertical line marks the best mix, c*."
            </p>
            <ChartFrame id="value-chart" chart=chart(Curve::Value) embed=Embed::TalentValue />
        </section>
        <section class="chart-panel" aria-labelledby="coverage-chart-title">
            <h2 id="coverage-chart-title">"How fast open source frees firms from platform work"</h2>
            <div class="chart-pair">
                <ChartFrame id="coverage-chart" chart=chart(Curve::Coverage) embed=Embed::TalentCoverage />
                <ChartFrame id="effort-chart" chart=chart(Curve::Effort) embed=Embed::TalentEffort />
            </div>
        </section>
    }
}
