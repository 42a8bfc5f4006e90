//! "Pool or spread": the talent-concentration model, its optimum and curves, beside the
//! evidence of who wrote the 2017 frameworks.

pub(crate) mod charts;
pub(crate) mod evidence;
mod heatmap;
mod monte_carlo;
mod parameters;
pub(crate) mod tornado;

use crate::notice::QueryNotice;
use crate::url_state::{use_url_state, QueryState};
use headstart_core::format::{compact, percent};
use headstart_core::query::{QueryReader, QueryWriter};
use headstart_core::talent::{optimum, TalentView};
use leptos::prelude::*;

impl QueryState for TalentView {
    fn read(query: &mut QueryReader) -> Self {
        TalentView::read(query)
    }

    fn write(&self, query: &mut QueryWriter) {
        TalentView::write(self, query)
    }
}

#[component]
pub fn TalentPage() -> impl IntoView {
    let url = use_url_state::<TalentView>();
    let params = Memo::new(move |_| url.get().params);
    let best = Memo::new(move |_| optimum(&params.get()));
    view! {
        <article class="talent">
            <h1>"Pool or spread?"</h1>
            <p class="lede">
                "The article ended on a question: is the ecosystem better off with its best engineers pooled in a few labs "
                "that open-source platforms, or spread as small teams across many companies? This model makes it computable "
                "with the same effort equation as the ledger. It is a stylised argument, not a forecast: change any assumption "
                "and see what follows. "
                <a href="method#talent-model">"The equations and every default, with sources"</a>
            </p>
            <QueryNotice problems=url.problems />
            <section class="headline" aria-label="The best mix" aria-live="polite">
                <dl class="figures">
                    <div class="figure">
                        <dt>"Best share pooled, c*"</dt>
                        <dd id="c-star" data-value=move || best.get().c_star.to_string()>{move || percent(best.get().c_star)}</dd>
                    </div>
                    <div class="figure">
                        <dt>"Value at c*"</dt>
                        <dd id="value-at-best">{move || compact(best.get().value)}</dd>
                    </div>
                    <div class="figure">
                        <dt>"Gain over the better pure choice"</dt>
                        <dd id="gain" data-value=move || best.get().gain.to_string()>{move || format!("{:.2}×", best.get().gain)}</dd>
                    </div>
                </dl>
                <p class="headline-scope">
                    {move || {
                        let best = best.get();
                        format!(
                            "All distributed gives {}, all pooled {} (value-weighted person-months over the horizon). \
                             At c* the open-source stock is {} KSLOC and covers {} of a firm's platform needs.",
                            compact(best.all_distributed),
                            compact(best.all_pooled),
                            compact(best.at.stock_ksloc),
                            percent(best.at.kappa),
                        )
                    }}
                </p>
            </section>
            <charts::TalentCharts params best />
            <parameters::Parameters url />
            <heatmap::HeatmapPanel url />
            <monte_carlo::MonteCarloPanel url />
            <tornado::TornadoPanel url />
            <evidence::WhoWroteThem />
        </article>
    }
}
