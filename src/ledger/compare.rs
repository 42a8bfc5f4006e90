//! Three views of the selected frameworks beside the ledger's table: effort against size with
//! the model's curve, 2017's code against today's, and what languages they are written in.

use crate::chart_frame::ChartFrame;
use crate::url_state::UrlState;
use headstart_charts::figures::{effort_chart, growth_chart, mix_chart};
use headstart_charts::render;
use headstart_core::embeds::Embed;
use headstart_core::ledger::{Ledger, LedgerView};
use leptos::prelude::*;

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
