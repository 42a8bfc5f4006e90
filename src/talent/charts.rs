//! The model's curves: value against concentration, and how fast open source frees firms.

use headstart_charts::{line_chart, LineChart, Marker, Series, Tone};
use headstart_core::format::{percent, ValueUnit};
use headstart_core::talent::{curve, CurvePoint, Optimum, Params};
use leptos::prelude::*;

pub const POINTS: usize = 201;
const X_LABEL: &str = "Share of engineers pooled in labs (c)";

/// V(c) split into firms and labs, with c* marked; the essay draws the same chart.
pub fn value_chart(points: &[CurvePoint], best: &Optimum) -> String {
    let series = |name: &str, tone: Tone, y: fn(&CurvePoint) -> f64| Series { name: name.to_owned(), points: points.iter().map(|p| (p.c, y(p))).collect(), tone };
    line_chart(&LineChart {
        title: "Ecosystem value against concentration".into(),
        x_label: X_LABEL.into(),
        y_label: "Value (weighted person-months)".into(),
        y_unit: ValueUnit::Count,
        series: vec![series("Firms", Tone::Primary, |p| p.v_firms), series("Labs", Tone::Secondary, |p| p.v_labs), series("Total", Tone::Total, |p| p.v_total)],
        marker: Some(Marker { x: best.c_star, label: format!("c* = {}", percent(best.c_star)) }),
        width: 760,
        height: 380,
    })
}

#[component]
pub fn TalentCharts(params: Memo<Params>, best: Memo<Optimum>) -> impl IntoView {
    let points = Memo::new(move |_| curve(&params.get(), POINTS));
    let series = move |name: &str, tone: Tone, y: fn(&CurvePoint) -> f64| Series {
        name: name.to_owned(),
        points: points.with(|points| points.iter().map(|p| (p.c, y(p))).collect()),
        tone,
    };
    let marker = move || Some(Marker { x: best.get().c_star, label: format!("c* = {}", percent(best.get().c_star)) });
    let value_chart = move || points.with(|points| value_chart(points, &best.get()));
    let coverage_chart = move || {
        line_chart(&LineChart {
            title: "Share of a firm's platform covered by open source (κ)".into(),
            x_label: X_LABEL.into(),
            y_label: "κ".into(),
            y_unit: ValueUnit::Share,
            series: vec![series("κ", Tone::Primary, |p| p.kappa)],
            marker: marker(),
            width: 370,
            height: 300,
        })
    };
    let effort_chart = move || {
        line_chart(&LineChart {
            title: "A firm's platform effort (E)".into(),
            x_label: X_LABEL.into(),
            y_label: "Person-months".into(),
            y_unit: ValueUnit::Count,
            series: vec![series("E", Tone::Secondary, |p| p.firm_platform_effort)],
            marker: marker(),
            width: 370,
            height: 300,
        })
    };
    view! {
        <section class="chart-panel" aria-labelledby="value-chart-title">
            <h2 id="value-chart-title">"Value against concentration"</h2>
            <p class="table-hint">
                "Left, everyone works in small teams at firms (“all distributed”); right, everyone is pooled in the labs (“all pooled”). "
                "The vertical line marks the best mix, c*."
            </p>
            <div id="value-chart" class="chart" inner_html=value_chart></div>
        </section>
        <section class="chart-panel" aria-labelledby="coverage-chart-title">
            <h2 id="coverage-chart-title">"How fast open source frees firms from platform work"</h2>
            <div class="chart-pair">
                <div id="coverage-chart" class="chart" inner_html=coverage_chart></div>
                <div id="effort-chart" class="chart" inner_html=effort_chart></div>
            </div>
        </section>
    }
}
