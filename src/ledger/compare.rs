//! Three views of the selected frameworks beside the ledger's table: effort against size with
//! the model's curve, 2017's code against today's, and what languages they are written in.

use crate::url_state::UrlState;
use headstart_charts::{log_scatter, stacked_bars, LabelledPoint, ScatterChart, Series, StackedBarChart, StackedRow, Tone, ValueUnit};
use headstart_core::ledger::compare::{effort_curve, effort_points, growth, language_mix};
use headstart_core::dataset::Counter;
use headstart_core::ledger::{Ledger, LedgerView};
use leptos::prelude::*;

const WIDTH: u32 = 760;

/// Each selected framework's lines in April 2017 against its latest tree, with the no-change
/// diagonal; the essay draws the same chart.
pub fn growth_chart(ledger: &Ledger, counter: Counter) -> String {
    let points = growth(ledger, counter);
    let (low, high) = points.iter().fold((f64::MAX, 0.0_f64), |(lo, hi), p| (lo.min(p.1.min(p.2)), hi.max(p.1.max(p.2))));
    let diagonal = if high > 0.0 { vec![(low / 2.0, low / 2.0), (high * 2.0, high * 2.0)] } else { Vec::new() };
    log_scatter(&ScatterChart {
        title: format!("Code in April 2017 and in the latest tree ({})", counter.label()),
        x_label: "Lines in April 2017".into(),
        y_label: "Lines in the latest tree".into(),
        x_unit: ValueUnit::Count,
        y_unit: ValueUnit::Count,
        points: points.into_iter().map(|(label, x, y)| LabelledPoint { label, x, y }).collect(),
        curves: vec![Series { name: "no change".into(), points: diagonal, tone: Tone::Secondary }],
        width: WIDTH,
        height: 440,
    })
}

#[component]
pub fn CompareCharts(ledger: Memo<Ledger<'static>>, url: UrlState<LedgerView>) -> impl IntoView {
    let effort_svg = move || {
        let view = url.get();
        let points = ledger.with(effort_points);
        let curve = effort_curve(&view.settings(), 1_000.0, 10_000_000.0, 60);
        log_scatter(&ScatterChart {
            title: "Effort against size".into(),
            x_label: "Lines of code".into(),
            y_label: "Person-months".into(),
            x_unit: ValueUnit::Count,
            y_unit: ValueUnit::Count,
            points: points.into_iter().map(|(label, x, y)| LabelledPoint { label, x, y }).collect(),
            curves: vec![Series { name: format!("{}, one codebase", view.settings().model.name()), points: curve, tone: Tone::Primary }],
            width: WIDTH,
            height: 440,
        })
    };
    let growth_svg = move || ledger.with(|ledger| growth_chart(ledger, url.get().counter));
    let mix_svg = move || {
        let view = url.get();
        let rows = ledger.with(|ledger| language_mix(ledger, &view));
        stacked_bars(&StackedBarChart {
            title: format!("Language mix, {} (tokei)", view.era.label()),
            rows: rows.into_iter().map(|(label, parts)| StackedRow { label, parts }).collect(),
            width: WIDTH,
        })
    };
    view! {
        <section class="chart-panel" aria-labelledby="compare-title">
            <h2 id="compare-title">"The frameworks compared"</h2>
            <p class="chart-note">
                "Each dot is a selected framework; the curve is the model's effort for one codebase of each size. Under "
                "Open Hub's method, which estimates logic, markup and build lines separately, the dots sit a little below it."
            </p>
            <div id="effort-size-chart" class="chart" inner_html=effort_svg></div>
            <p class="chart-note">"Above the diagonal, a framework has grown since the article; below it, it has shrunk or moved code elsewhere."</p>
            <div id="growth-chart" class="chart" inner_html=growth_svg></div>
            <p class="chart-note">"Shares of code lines by language, counted by tokei (the only counter whose per-language counts are bundled)."</p>
            <div id="language-mix-chart" class="chart" inner_html=mix_svg></div>
        </section>
    }
}
