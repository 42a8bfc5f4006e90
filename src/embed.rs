//! `/embed/<chart>?<state>`: one chart alone, for an iframe in someone else's page. It shows the
//! chart's title, the chart, a one-line source and a link back to the full view with the same
//! state; index.html posts its height to the parent page (see docs/embedding.md).

use crate::chart_frame::SOURCE;
use crate::ledger::chart::framework_bars;
use crate::ledger::compare::{effort_chart, growth_chart, mix_chart};
use crate::router::{app_href, Location};
use crate::story::alternatives_chart;
use crate::talent::charts::{curve_chart_for, Curve};
use crate::talent::evidence::evidence_chart;
use crate::talent::tornado::{sensitivity_chart, Outcome};
use headstart_charts::{render, Rendered};
use headstart_core::dataset::Dataset;
use headstart_core::ledger::{Ledger, LedgerView, Metric};
use headstart_core::query::{check_theme, Problem, QueryReader};
use headstart_core::story::{Story, StoryView};
use headstart_core::talent::{tornado, TalentView};
use leptos::prelude::*;

/// The chart called `name` for the state in `query`, and the page that shows it in full.
fn chart(name: &str, query: &mut QueryReader) -> Option<(Rendered, &'static str)> {
    let dataset = Dataset::bundled();
    let ledger = |query: &mut QueryReader| {
        let view = LedgerView::read(query, dataset);
        (Ledger::compute(dataset, &view), view)
    };
    let talent = |query: &mut QueryReader| TalentView::read(query);
    let story = |query: &mut QueryReader| StoryView::read(query, dataset);
    let tornado_of = |view: TalentView, outcome| {
        tornado(&view.params, &view.study.ranges).ok().map(|t| render(&sensitivity_chart(&t, outcome)))
    };
    Some(match name {
        "ledger-costs" => {
            let (l, v) = ledger(query);
            (render(&framework_bars(&l, v.metric, None)), "/ledger")
        }
        "effort-size" => {
            let (l, v) = ledger(query);
            (render(&effort_chart(&l, &v)), "/ledger")
        }
        "growth" => {
            let (l, v) = ledger(query);
            (render(&growth_chart(&l, v.counter)), "/ledger")
        }
        "language-mix" => {
            let (l, v) = ledger(query);
            (render(&mix_chart(&l, &v)), "/ledger")
        }
        "talent-value" => (render(&curve_chart_for(Curve::Value, &talent(query).params)), "/pool-or-spread"),
        "talent-coverage" => {
            (render(&curve_chart_for(Curve::Coverage, &talent(query).params)), "/pool-or-spread")
        }
        "talent-effort" => {
            (render(&curve_chart_for(Curve::Effort, &talent(query).params)), "/pool-or-spread")
        }
        "tornado-c-star" => (tornado_of(talent(query), Outcome::CStar)?, "/pool-or-spread"),
        "tornado-gain" => (tornado_of(talent(query), Outcome::Gain)?, "/pool-or-spread"),
        "who-wrote" => (render(&evidence_chart()), "/pool-or-spread"),
        // Only the alternatives need the essay's own figures; the other charts need its state.
        "story-claim" => {
            let v = story(query).ledger;
            (render(&framework_bars(&Ledger::compute(dataset, &v), Metric::Cost, None)), "/")
        }
        "story-alternatives" => (render(&alternatives_chart(&Story::compute(dataset, &story(query)))), "/"),
        "story-growth" => {
            let v = story(query).ledger;
            (render(&growth_chart(&Ledger::compute(dataset, &v), v.counter)), "/")
        }
        "story-value" => (render(&curve_chart_for(Curve::Value, &story(query).talent)), "/"),
        _ => return None,
    })
}

#[component]
pub fn EmbedPage(name: String) -> impl IntoView {
    let location = Location::current();
    let result = Memo::new(move |_| {
        let search = location.search.get();
        let mut reader = QueryReader::parse(&search);
        check_theme(&mut reader);
        let found = chart(&name, &mut reader);
        let problems: Vec<Problem> = reader.finish();
        (found, problems)
    });
    move || {
        let (found, problems) = result.get();
        let Some((chart, page)) = found else {
            return view! { <p class="embed-missing">"There is no Headstart chart at this address."</p> }
                .into_any();
        };
        let query = location.search.get_untracked();
        // The full view keeps the embed's theme, so it opens looking as the reader saw it.
        let full_view = app_href(page, query.trim_start_matches('?'));
        view! {
            <figure class="embed">
                <h1 class="embed-title">{chart.title.clone()}</h1>
                <div id="embed-chart" class="chart" inner_html=chart.svg.clone()></div>
                <figcaption class="visually-hidden">{chart.summary.clone()}</figcaption>
                {(!problems.is_empty()).then(|| view! {
                    <p class="embed-problems">{format!("Ignored: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))}</p>
                })}
                <p class="embed-source">
                    {format!("Source: {SOURCE}. ")}
                    <a id="embed-full-view" href=full_view target="_blank" rel="noopener">"Open the interactive view"</a>
                </p>
            </figure>
        }
        .into_any()
    }
}
