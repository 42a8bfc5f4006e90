//! Three views of the selected frameworks beside the ledger's table: effort against size with
//! the model's curve, 2017's code against today's, and what languages they are written in.

use crate::chart_frame::ChartFrame;
use crate::url_state::UrlState;
use headstart_charts::{
    render, LabelledPoint, ScatterChart, Series, StackedBarChart, StackedRow, Tone, ValueUnit,
    PUBLICATION_WIDTH,
};
use headstart_core::dataset::Counter;
use headstart_core::embeds::Embed;
use headstart_core::ledger::compare::{effort_curve, effort_points, growth, language_mix};
use headstart_core::ledger::{Ledger, LedgerView};
use leptos::prelude::*;

/// Effort against size on log axes, with the model's curve for one codebase of each size.
pub fn effort_chart(ledger: &Ledger, view: &LedgerView) -> ScatterChart {
    let curve = effort_curve(&view.settings(), 1_000.0, 10_000_000.0, 60);
    ScatterChart {
        title: "Effort against size".into(),
        x_label: "Lines of code".into(),
        y_label: "Person-months".into(),
        x_unit: ValueUnit::Count,
        y_unit: ValueUnit::Count,
        points: effort_points(ledger)
            .into_iter()
            .map(|(label, x, y)| LabelledPoint { label, x, y })
            .collect(),
        curves: vec![Series {
            name: format!("{}, one codebase", view.settings().model.name()),
            points: curve,
            tone: Tone::Primary,
        }],
        highlight: None,
        width: PUBLICATION_WIDTH,
    }
}

/// Each selected framework's lines in April 2017 against its latest tree, with the no-change
/// diagonal; the essay and the embed draw the same chart.
pub fn growth_chart(ledger: &Ledger, counter: Counter) -> ScatterChart {
    let points = growth(ledger, counter);
    let (low, high) =
        points.iter().fold((f64::MAX, 0.0_f64), |(lo, hi), p| (lo.min(p.1.min(p.2)), hi.max(p.1.max(p.2))));
    let diagonal =
        if high > 0.0 { vec![(low / 2.0, low / 2.0), (high * 2.0, high * 2.0)] } else { Vec::new() };
    ScatterChart {
        title: format!("Code in April 2017 and in the latest tree ({})", counter.label()),
        x_label: "Lines in April 2017".into(),
        y_label: "Lines in the latest tree".into(),
        x_unit: ValueUnit::Count,
        y_unit: ValueUnit::Count,
        points: points.into_iter().map(|(label, x, y)| LabelledPoint { label, x, y }).collect(),
        curves: vec![Series { name: "no change".into(), points: diagonal, tone: Tone::Secondary }],
        highlight: None,
        width: PUBLICATION_WIDTH,
    }
}

/// Each selected framework's code by language, as shares.
pub fn mix_chart(ledger: &Ledger, view: &LedgerView) -> StackedBarChart {
    StackedBarChart {
        title: format!("Language mix, {} (tokei)", view.era.label()),
        rows: language_mix(ledger, view)
            .into_iter()
            .map(|(label, parts)| StackedRow { label, parts })
            .collect(),
        width: PUBLICATION_WIDTH,
    }
}

#[component]
pub fn CompareCharts(ledger: Memo<Ledger<'static>>, url: UrlState<LedgerView>) -> impl IntoView {
    let effort = Memo::new(move |_| render(&ledger.with(|ledger| effort_chart(ledger, &url.get()))));
    let growth = Memo::new(move |_| render(&ledger.with(|ledger| growth_chart(ledger, url.get().counter))));
    let mix = Memo::new(move |_| render(&ledger.with(|ledger| mix_chart(ledger, &url.get()))));
    view! {
        <section class="chart-panel" aria-labelledby="compare-title">
            <h2 id="compare-title">"The frameworks compared"</h2>
            <p class="chart-note">
                "Each dot is a selected framework; the curve is the model's effort for one codebase of each size. Under "
                "Open Hub's method, which estimates logic, markup and build lines separately, the dots sit a little below it."
            </p>
            <ChartFrame id="effort-size-chart" chart=effort embed=Embed::EffortSize />
            <p class="chart-note">"Above the diagonal, a framework has grown since the article; below it, it has shrunk or moved code elsewhere."</p>
            <ChartFrame id="growth-chart" chart=growth embed=Embed::Growth />
            <p class="chart-note">"Shares of code lines by language, counted by tokei (the only counter whose per-language counts are bundled)."</p>
            <ChartFrame id="language-mix-chart" chart=mix embed=Embed::LanguageMix />
        </section>
    }
}
