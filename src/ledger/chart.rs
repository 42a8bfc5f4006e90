//! The ledger's bar chart: one bar per selected framework.

use crate::chart_frame::ChartFrame;
use crate::url_state::UrlState;
use headstart_charts::figures::framework_bars;
use headstart_charts::render;
use headstart_core::embeds::Embed;
use headstart_core::ledger::{Band, Ledger, LedgerView, Metric};
use leptos::prelude::*;

#[component]
pub fn LedgerChart(
    ledger: Memo<Ledger<'static>>,
    url: UrlState<LedgerView>,
    band: RwSignal<Option<Band>>,
) -> impl IntoView {
    let metric = Memo::new(move |_| url.get().metric);
    let chart = Memo::new(move |_| {
        let metric = metric.get();
        // Every framework's figure moves by the same factor's percentiles: the whiskers.
        let factor = band.with(|band| {
            band.as_ref().map(|b| match metric {
                Metric::Cost => (b.project_cost_factor.p10, b.project_cost_factor.p90),
                Metric::PersonYears => (b.project_effort_factor.p10, b.project_effort_factor.p90),
            })
        });
        render(&ledger.with(|ledger| framework_bars(ledger, metric, factor)))
    });
    view! {
        <section class="chart-panel" aria-labelledby="ledger-chart-title">
            <div class="chart-header">
                <h2 id="ledger-chart-title">{move || format!("{} per framework", metric.get().label())}</h2>
                <div class="segmented" role="group" aria-label="Chart measures">
                    {Metric::ALL
                        .map(|m| {
                            view! {
                                <button
                                    type="button"
                                    data-metric=m.key()
                                    aria-pressed=move || (metric.get() == m).to_string()
                                    on:click=move |_| url.update(|v| v.metric = m)
                                >
                                    {m.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            <ChartFrame id="ledger-chart" chart embed=Embed::LedgerCosts />
            <p class="chart-note">"Whiskers: P10 to P90 of each framework's figure under the uncertainty ranges."</p>
        </section>
    }
}
