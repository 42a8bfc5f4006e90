//! The model's curves: value against concentration, and how fast open source frees firms.

use crate::chart_frame::ChartFrame;
use headstart_charts::figures::{curve_chart, Curve, POINTS};
use headstart_charts::render;
use headstart_core::embeds::Embed;
use headstart_core::talent::{curve, Optimum, Params};
use leptos::prelude::*;

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
